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
        title = link.get_attribute("data-tip")
        assert f.claimant in title and f.quote[:40] in title
        assert link.locator("title").count() == 0  # taken off by the script: ours is the tooltip
        assert link.locator("g.point").get_attribute("data-claimant") == f.claimant


def test_flagged_points_say_why(page, report):
    _, _, checked = report
    stale = next(f for f in checked.flags if f.code == "stale")
    point = page.locator(f'g.point[data-figure="{stale.figures[0]}"]')
    title = point.locator("xpath=..").get_attribute("data-tip")
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


PROBE = """() => {
  const out = {self: [], through: [], covered: [], flagged: 0, flagged_self: 0};
  document.querySelectorAll('a.point-link').forEach(a => {
    a.scrollIntoView({block: 'center'});
    const g = a.querySelector('.point'), m = g.querySelector('use') || g, r = m.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    const link = hit && hit.closest('a.point-link'), fid = g.dataset.figure;
    const flagged = g.classList.contains('flagged');
    if (flagged) out.flagged++;
    if (link === a) { out.self.push(fid); if (flagged) out.flagged_self++; }
    else if (link && (link.dataset.also || '').split(' ').includes(fid)) out.through.push(fid);
    else out.covered.push([fid, hit ? (hit.id || hit.tagName) : null]);
  });
  window.scrollTo(0, 0);
  return out;
}"""


def test_every_point_receives_the_pointer(page, report):
    """At the centre of every point of every chart the pointer reaches that point (not a flag ring, a bound sign
    or an interval drawn over it), or a point drawn on the same spot whose text lists it; flagged points always
    themselves (they are drawn on top)."""
    found = page.evaluate(PROBE)
    drawn = sum(1 for s in report[1].series.values() for _ in (*s.points, *s.candidates, *s.rejected))
    assert found["covered"] == []
    assert len(found["self"]) + len(found["through"]) == drawn
    assert found["flagged_self"] == found["flagged"] > 10


def test_our_tooltip_answers_hover_focus_and_tap(page, report, tmp_path):
    _, _, checked = report
    fid = next(f.figures[0] for f in checked.flags if f.code == "stale")
    link = page.locator(f'g.point[data-figure="{fid}"]').locator("xpath=..")
    link.scroll_into_view_if_needed()
    link.hover()
    tip = page.locator("#tip")
    assert tip.is_visible() and "flag stale (warning)" in tip.text_content()
    link.locator("xpath=ancestor::figure").screenshot(path=str(tmp_path / "hovered.png"))
    page.mouse.move(0, 0)
    assert not tip.is_visible()
    link.focus()  # the keyboard: a point is a link, Tab reaches it
    assert tip.is_visible() and fid in page.evaluate("document.activeElement.querySelector('.point').dataset.figure")
    page.keyboard.press("Escape")
    assert not tip.is_visible()


def test_a_tap_shows_the_text_before_opening_the_article(page, report):
    context = page.context.browser.new_context(viewport={"width": 800, "height": 900}, has_touch=True,
                                               is_mobile=True)
    phone = context.new_page()
    url = report[0].resolve().as_uri()
    phone.goto(url)
    link = phone.locator("a.point-link:has(g.flagged)").first  # on top of its chart
    link.scroll_into_view_if_needed()
    link.tap()
    phone.wait_for_timeout(300)  # an article's address loads later than a point's own row: give it the time
    assert phone.locator("#tip").is_visible() and phone.url == url  # the first tap shows, it does not leave
    link.tap()
    phone.wait_for_timeout(300)
    assert phone.url != url  # the second opens where the figure was read
    context.close()


def test_the_claimant_filter_dims_every_mark_and_says_when_nothing_matches(page):
    page.select_option("#filter-indicator", "awol-court-cases")
    page.select_option("#filter-claimant", "Mediazona")
    section = page.locator("section[data-indicator=awol-court-cases]")
    marks = section.evaluate("""s => [...s.querySelectorAll('[id*="--glyph-"], [id*="--span-"]')].map(m => {
        const [base, fid] = [m.id.split('--')[0], m.id.replace(/^.*?--(glyph|span)-/, '')];
        const g = document.getElementById(base + '--figure-' + fid);
        return [g.dataset.claimant, m.classList.contains('dim')];})""")
    assert len(marks) > 3  # the "≥" of bounds and the intervals of months: dimmed with their figure
    assert all(dim == (claimant != "Mediazona") for claimant, dim in marks)
    rings = section.locator('[id*="--flag-"].dim')
    assert rings.count() >= 1  # the flag ring of a figure by another claimant is dimmed with it
    assert section.locator(".none-match").is_hidden()
    page.select_option("#filter-claimant", "Idite Lesom")  # none of this indicator's figures are Idite Lesom's
    assert section.locator(".none-match").text_content() == "No figure of this indicator is Idite Lesom\u2019s."
    page.select_option("#filter-indicator", "")
    page.select_option("#filter-claimant", "")
    assert section.locator(".none-match").is_hidden() and page.locator("#filter-none").is_hidden()


def test_a_phone_scrolls_a_wide_table_not_the_page(page, report):
    """On a 400-pixel phone the claimant filter and the figure tables fit the page's width; a table scrolls on
    its own (the page was 764 pixels wide)."""
    context = page.context.browser.new_context(viewport={"width": 400, "height": 800}, has_touch=True, is_mobile=True)
    phone = context.new_page()
    phone.goto(report[0].resolve().as_uri())
    width = phone.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert width <= 400
