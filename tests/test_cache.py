"""The cache never serves a stale ledger, and results are the same with and without it."""

import os
import time

import pytest
from conftest import BASE, LEDGER, TODAY, write

import tracker
from tracker._infra import cache
from tracker.checks import check


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("TRACKER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("TRACKER_NO_CACHE", raising=False)


def load(path):
    return tracker.load(path, today=TODAY, cache=True)


def values(ledger):
    return sorted((f.id, f.value) for f in ledger.figures)


def test_second_load_comes_from_the_cache(tmp_path, monkeypatch):
    path = write(tmp_path, BASE)
    first = load(path)
    calls = []
    monkeypatch.setattr(tracker.ledger.loader._Loader, "read_path", lambda self, p: calls.append(p))
    second = load(path)  # no file is parsed
    assert calls == [] and values(second) == values(first) and second.content_hash == first.content_hash


def test_edit_is_seen(tmp_path):
    path = write(tmp_path, BASE)
    load(path)
    path.write_text(BASE.replace("value: 10025", "value: 10026"))
    assert values(load(path)) == [("f1", 10026)]


def test_edit_that_keeps_size_and_mtime_is_seen(tmp_path):
    path = write(tmp_path, BASE)
    load(path)
    stat = path.stat()
    path.write_text(BASE.replace("value: 10025", "value: 10027"))  # same length
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert values(load(path)) == [("f1", 10027)]


def test_touch_changes_nothing(tmp_path, monkeypatch):
    path = write(tmp_path, BASE)
    before = values(load(path))
    time.sleep(0.01)
    path.touch()
    reads = []
    monkeypatch.setattr(tracker.ledger.loader._Loader, "read_path", lambda self, p: reads.append(p))
    assert values(load(path)) == before and reads == []  # same bytes: served from the cache, nothing parsed


def test_rename_and_a_new_file_in_its_place(tmp_path):
    path = write(tmp_path, BASE)
    load(path)
    path.rename(tmp_path / "moved.yaml")
    assert values(load(tmp_path / "moved.yaml")) == [("f1", 10025)]
    write(tmp_path, BASE.replace("value: 10025", "value: 1"))  # a different file at the old name
    assert values(load(path)) == [("f1", 1)]


def test_included_file_change_is_seen(tmp_path):
    write(tmp_path, "figures:\n  - {id: f2, indicator: cases, value: 11000, source: s1, quote: '11,000'}\n",
          name="parts/a.yaml")
    main = write(tmp_path, BASE.replace("version: 1\n", "version: 1\ninclude: [parts/*.yaml]\n"))
    assert ("f2", 11000) in values(load(main))
    write(tmp_path, "figures:\n  - {id: f2, indicator: cases, value: 12000, source: s1, quote: '12,000'}\n",
          name="parts/a.yaml")
    assert ("f2", 12000) in values(load(main))


def test_new_file_matching_an_include_glob_is_seen(tmp_path):
    write(tmp_path, "figures: []\n", name="parts/a.yaml")
    main = write(tmp_path, BASE.replace("version: 1\n", "version: 1\ninclude: [parts/*.yaml]\n"))
    assert len(load(main).figures) == 1
    write(tmp_path, "figures:\n  - {id: f3, indicator: cases, value: 13000, source: s1, quote: '13,000'}\n",
          name="parts/b.yaml")
    assert ("f3", 13000) in values(load(main))


def test_directory_ledger_file_renamed_is_seen(tmp_path):
    head, _, figs = BASE.partition("figures:\n")
    write(tmp_path, head, name="dir/a.yaml")
    write(tmp_path, "figures:\n" + figs, name="dir/b.yaml")
    assert len(load(tmp_path / "dir").figures) == 1
    (tmp_path / "dir" / "b.yaml").rename(tmp_path / "dir" / "b.yml.off")
    assert len(load(tmp_path / "dir").figures) == 0


def test_damaged_cache_entry_is_ignored(tmp_path):
    path = write(tmp_path, BASE)
    load(path)
    for entry in (tmp_path / "cache").glob("ledger-*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert values(load(path)) == [("f1", 10025)]


def test_bad_ledger_is_never_cached(tmp_path):
    path = write(tmp_path, BASE + "  - {id: f1, indicator: cases, value: 1, source: s1, quote: '1'}\n")
    for _ in range(2):
        with pytest.raises(tracker.LedgerError):
            load(path)


def test_results_identical_with_and_without_the_cache(monkeypatch):
    monkeypatch.setenv("TRACKER_NO_CACHE", "1")
    plain = tracker.load(LEDGER)
    plain_flags = check(plain).frame()
    monkeypatch.delenv("TRACKER_NO_CACHE")
    load(LEDGER)
    cached = load(LEDGER)  # from the cache now
    assert cached.figures == plain.figures and dict(cached.indicators) == dict(plain.indicators)
    assert cached.content_hash == plain.content_hash
    check(cached, cache=True)
    assert check(cached, cache=True).frame().equals(plain_flags)


def test_flags_cache_recomputes_only_what_changed(tmp_path, monkeypatch):
    path = write(tmp_path, BASE)
    ledger = load(path)
    check(ledger, cache=True)
    assert len(list((tmp_path / "cache" / "flags").glob("*.pickle"))) == 3
    changed = load(write(tmp_path, BASE.replace("value: 10025", "value: 10026").replace(
        "10,025 cases", "10,026 cases")))
    check(changed, cache=True)
    assert len(list((tmp_path / "cache" / "flags").glob("*.pickle"))) == 4  # one new entry: the changed one


def test_moving_figures_down_the_file_changes_no_flags_entry(tmp_path):
    check(load(write(tmp_path, BASE)), cache=True)
    moved = load(write(tmp_path, BASE.replace("figures:\n", "figures:\n# a comment, and every line below moves\n\n")))
    assert any(f.line for f in moved.figures)
    check(moved, cache=True)
    assert len(list((tmp_path / "cache" / "flags").glob("*.pickle"))) == 3  # no new entry


def test_cache_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv("TRACKER_NO_CACHE", "1")
    assert cache.cache_dir() is None
    load(write(tmp_path, BASE))
    assert not (tmp_path / "cache").exists()


def test_a_check_that_reads_other_indicators_is_never_served_stale(tmp_path):
    """mislabel reads the figures other indicators have in the same release: adding one to *another*
    indicator must change the first indicator's flags, cached or not."""
    from test_flags import COURT, HEAD

    slipped = COURT.replace("value: 5006, as_of: 2023-12-29, source: mz3, quote: '5,006'",
                            "value: 1830, as_of: 2023-12-29, source: mz3, quote: '1,830'")
    twin = "  - {id: d4, indicator: stock, value: 1830, as_of: 2023-12-29, source: mz3, quote: '1,830'}\n"

    def flags(text, cached):
        ledger = tracker.load(write(tmp_path, HEAD + text), today=TODAY)
        return [f.as_dict() for f in check(ledger, cache=cached)]

    before = flags(slipped, cached=True)  # the cache now holds the cases series without a twin
    assert not [f for f in before if f["code"] == "mislabel"]
    after_cached, after = flags(slipped + twin, cached=True), flags(slipped + twin, cached=False)
    assert ("mislabel", "c4") in [(f["code"], f["figure"]) for f in after]
    assert after_cached == after


def test_a_jump_supported_by_the_producers_other_count_is_never_served_stale(tmp_path):
    """The jump check reads the other indicators of its country and producer (support.moved_alike): changing the
    unserved men's 2021 count must change whether the reservists' first figure is supported, cached or not."""
    from test_flags import kdv

    def jump(text, cached):
        ledger = tracker.load(write(tmp_path, text), today=TODAY)
        return [(f.severity, f.support) for f in check(ledger, cache=cached) if f.code == "jump"
                and f.figures[0] == "res0"]

    def own_release(text):  # the unserved men's 2021 count from a release of its own: no mislabel reads it
        return text.replace("  hib:", "  dpa: {publisher: dpa, published: 2022-09-06}\n  hib:").replace(
            "period: '2021', source: indo, claimant: Federal Government, quote: '23'",
            "period: '2021', source: dpa, claimant: Federal Government, quote: '23'").replace(
            "period: '2021', source: indo, claimant: Federal Government, quote: '230'",
            "period: '2021', source: dpa, claimant: Federal Government, quote: '230'")

    alike = own_release(kdv((10, 190, 266, 596), (23, 484, 593, 835)))
    apart = own_release(kdv((10, 190, 266, 596), (230, 484, 593, 835)))
    assert "source: dpa" in alike and "source: dpa" in apart
    assert jump(alike, cached=True)[0][0] == "info"  # the cache now holds the supported reservists' series
    assert jump(apart, cached=True) == jump(apart, cached=False) == [("warning", None)]


def test_a_series_key_covers_what_its_checks_read():
    from tracker.checks.base import CHECKS, widest_scope

    assert widest_scope(CHECKS) == "release"  # mislabel reads the release; nothing reads the whole ledger
    assert {c.code for c in CHECKS if c.scope == "release"} == {"mislabel"}
    assert {c.code for c in CHECKS if c.scope == "siblings"} == {"jump"}  # support reads the producer's other counts
