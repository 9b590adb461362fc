"""The report in a real browser: headless Chromium from the system, driven by Playwright.

Each point of every chart carries its source link and its text (value, claimant, quote); the filters hide
other indicators and dim other claimants; a screenshot is taken. Skipped, saying why, only where no
Chromium can be found (.ci/run installs Debian's chromium package)."""

import shutil

import pytest
from conftest import LEDGER

import tracker

playwright = pytest.importorskip("playwright.sync_api", reason="pip install playwright (in the test extras)")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium on PATH: apt-get install chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    from tracker.checks import check

    out = tmp_path_factory.mktemp("report")
    ledger = tracker.load(LEDGER)
    checked = check(ledger)
    tracker.build(ledger, out, result=checked, progress=False)
    return out / "index.html", ledger, checked


@pytest.fixture(scope="module")
def page(report):
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1300, "height": 900})
        page.goto(report[0].resolve().as_uri())
        yield page
        browser.close()


def test_every_point_carries_its_source_link_and_text(page, report):
    _, ledger, _ = report
    by_id = {f.id: f for f in ledger.figures}
    points = page.locator("a.point-link")
    drawn = [p for s in ledger.series.values() for p in (*s.points, *s.candidates, *s.rejected)]
    assert points.count() == len(drawn) > 40  # every figure on a chart, markers and statements alike
    for i in range(points.count()):
        link = points.nth(i)
        fid = link.locator("g.point").get_attribute("data-figure")
        f = by_id[fid]
        src = ledger.sources[f.source]
        assert link.get_attribute("href") == (src.url or f"#fig-{fid}")
        title = link.locator("title").text_content()
        assert f.claimant in title and f.quote[:40] in title
        assert link.locator("g.point").get_attribute("data-claimant") == f.claimant


def test_flagged_points_say_why(page, report):
    _, _, checked = report
    stale = next(f for f in checked.flags if f.code == "stale")
    title = page.locator(f'g.point[data-figure="{stale.figures[0]}"] title').text_content()
    assert "flag stale (warning)" in title


def test_filters_hide_and_dim(page, tmp_path):
    page.select_option("#filter-indicator", "awol-court-cases")
    visible = page.locator("section.indicator:not(.hidden)")
    assert visible.count() == 1 and visible.get_attribute("data-indicator") == "awol-court-cases"
    page.select_option("#filter-claimant", "Mediazona")
    section = page.locator("section[data-indicator=awol-court-cases]")
    dimmed = section.locator("g.point.dim")
    assert dimmed.count() > 0
    assert all(dimmed.nth(i).get_attribute("data-claimant") != "Mediazona" for i in range(dimmed.count()))
    shot = tmp_path / "report.png"
    section.locator("figure").screenshot(path=str(shot))
    assert shot.stat().st_size > 20_000 and shot.read_bytes()[:4] == b"\x89PNG"
    page.select_option("#filter-indicator", "")
    page.select_option("#filter-claimant", "")
    assert page.locator("section.indicator.hidden").count() == 0


def test_the_page_opens_from_disk_with_nothing_fetched(report):
    html = report[0].read_text(encoding="utf-8")
    assert "http-equiv" not in html and "<script src" not in html and "<link" not in html
    for ref in set(__import__("re").findall(r'(?:src|href)="([^"#:]+)"', html)):
        assert (report[0].parent / ref).exists(), ref
