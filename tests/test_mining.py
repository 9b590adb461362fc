"""Mining archives: real WARC files written with warcio, a real Dask LocalCluster, damaged input skipped."""

from io import BytesIO

import pytest
from conftest import BASE, LEDGER, TODAY, write

import tracker
from tracker.cli import main
from tracker.mining import mine, read_table

warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

RELEVANT = ("<html><head><title>Courts {i}</title></head><body><article><p>Military courts in Russia have received "
            "{n:,} criminal cases of going AWOL since mobilisation began, Mediazona reported on Monday, after "
            "counting court records for the whole country.</p><p>The number of such cases keeps growing every "
            "month, the outlet said.</p></article></body></html>")
OTHER = ("<html><head><title>Weather {i}</title></head><body><article><p>Sunny skies over the city on day {i}, "
         "with light winds and a high of 21 degrees expected in the afternoon.</p></article></body></html>")


def _record(writer, i, body: bytes, content_type="text/html; charset=utf-8"):
    headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    rec = writer.create_warc_record(f"https://news.example/{i}", "response", payload=BytesIO(body),
                                    http_headers=headers, warc_headers_dict={"WARC-Date": "2024-06-18T10:00:00Z"})
    writer.write_record(rec)


def make_warc(path, n=12, relevant_every=3):
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for i in range(n):
            html = RELEVANT.format(i=i, n=10000 + i) if i % relevant_every == 0 else OTHER.format(i=i)
            _record(w, i, html.encode())
    return path


@pytest.fixture()
def archive(tmp_path):
    make_warc(tmp_path / "a.warc.gz")
    make_warc(tmp_path / "b.warc.gz", n=7, relevant_every=2)
    pages = tmp_path / "pages"
    pages.mkdir()
    for i in range(5):
        (pages / f"p{i}.html").write_text(RELEVANT.format(i=100 + i, n=20000 + i) if i % 2 else OTHER.format(i=i))
    (pages / "note.txt").write_text("date 2024-06-20\nMediazona counted 10,500 criminal cases of AWOL since "
                                    "mobilisation began.\n")
    return tmp_path


@pytest.fixture(scope="module")
def ledger():
    return tracker.load(LEDGER)


def _rows(path):
    return read_table(path).astype(str).values.tolist()


def test_prefilter_skips_pages_without_tracked_words(archive, ledger, tmp_path):
    result = mine([str(archive)], ledger, tmp_path / "out.parquet", jobs=1, progress=False)
    assert result.pages == 12 + 7 + 6 and result.skipped == []
    assert result.passed == 4 + 4 + 3  # the weather pages never reach the extractor
    frame = read_table(tmp_path / "out.parquet")
    assert set(frame["uri"].dropna()) >= {"https://news.example/0", "https://news.example/3"}
    cases = frame[frame["value"] == 10003]
    # "criminal cases of going AWOL": the AWOL-only count (Art. 337), not the all-article one
    assert list(cases["indicator"]) == ["art337-court-cases"] and list(cases["page_date"]) == ["2024-06-18"]


def test_jobs_1_jobs_2_and_a_local_cluster_give_identical_tables(archive, ledger, tmp_path):
    from distributed import Client, LocalCluster

    one = mine([str(archive)], ledger, tmp_path / "one.parquet", jobs=1, progress=False)
    two = mine([str(archive)], ledger, tmp_path / "two.parquet", jobs=2, progress=False)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        dask = mine([str(archive)], ledger, tmp_path / "dask.csv", scheduler=client, progress=False)
    assert one.candidates == two.candidates == dask.candidates > 0
    assert _rows(tmp_path / "one.parquet") == _rows(tmp_path / "two.parquet")
    assert read_table(tmp_path / "dask.csv")["quote"].tolist() == read_table(tmp_path / "one.parquet")["quote"].tolist()


def test_a_damaged_record_is_skipped_and_the_rest_read(tmp_path, ledger):
    path = make_warc(tmp_path / "d.warc.gz", n=3, relevant_every=1)
    data = bytearray(path.read_bytes())
    with open(path, "rb") as fh:  # the second record's gzip member (a search for the gzip magic can hit
        from warcio.archiveiterator import ArchiveIterator  # compressed bytes of the first, now and then)

        it = ArchiveIterator(fh)
        second, third = [it.get_record_offset() for _ in it][1:3]
    # Zeros from the end of its gzip header: a stored deflate block with bad lengths, always an error
    # (a few zeroed bytes inside compressed data can still decode, now and then)
    data[second + 10: third] = b"\x00" * (third - second - 10)
    path.write_bytes(bytes(data))
    result = mine([str(path)], ledger, tmp_path / "out.parquet", jobs=1, progress=False)
    assert len(result.skipped) == 1 and "damaged WARC record" in result.skipped[0][1]
    assert result.skipped[0][0] == f"{path}@{second}"
    assert sorted(read_table(tmp_path / "out.parquet")["value"].dropna().astype(int)) == [10000, 10002]


def test_a_record_that_does_not_decompress_cannot_swallow_the_records_after_it(tmp_path, ledger):
    # warcio reads a gzip member it cannot decompress as plain text, and went on reading the next member as
    # plain text too: the record after it was lost (now and then, a damaged member did the same)
    members = []
    for i, compressed in ((0, True), (1, False), (2, True)):
        buf = BytesIO()
        _record(WARCWriter(buf, gzip=compressed), i, RELEVANT.format(i=i, n=10000 + i).encode())
        members.append(buf.getvalue())
    path = tmp_path / "m.warc.gz"
    path.write_bytes(b"".join(members))
    result = mine([str(path)], ledger, tmp_path / "out.parquet", jobs=1, progress=False)
    assert [where for where, _ in result.skipped] == [f"{path}@{len(members[0])}"]
    assert "does not decompress" in result.skipped[0][1]
    assert sorted(read_table(tmp_path / "out.parquet")["value"].dropna().astype(int)) == [10000, 10002]


def test_a_warc_gz_stored_uncompressed_is_read_whole(tmp_path, ledger):
    with open(tmp_path / "plain.warc.gz", "wb") as fh:
        w = WARCWriter(fh, gzip=False)
        for i in range(3):
            _record(w, i, RELEVANT.format(i=i, n=10000 + i).encode())
    result = mine([str(tmp_path / "plain.warc.gz")], ledger, tmp_path / "out.parquet", jobs=1, progress=False)
    assert result.skipped == [] and result.pages == 3


def test_an_unknown_encoding_is_skipped_with_its_reason(tmp_path, ledger):
    with open(tmp_path / "e.warc.gz", "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        _record(w, 0, RELEVANT.format(i=0, n=10000).encode(), "text/html; charset=x-martian-7")
        _record(w, 1, RELEVANT.format(i=1, n=10001).encode())
    result = mine([str(tmp_path / "e.warc.gz")], ledger, tmp_path / "out.parquet", jobs=1, progress=False)
    assert [r for _, r in result.skipped] == ["unknown encoding 'x-martian-7'"]
    assert result.candidates >= 1


def test_a_50_mb_page_is_skipped_and_the_run_goes_on(tmp_path, ledger):
    pages = tmp_path / "pages"
    pages.mkdir()
    with open(pages / "huge.html", "wb") as fh:
        fh.write(b"<html><body><p>" + b"criminal cases 7,400 " * (50_000_000 // 21) + b"</p></body></html>")
    (pages / "ok.html").write_text(RELEVANT.format(i=1, n=10001))
    result = mine([str(pages)], ledger, tmp_path / "out.csv", jobs=1, progress=False)
    (origin, reason), = result.skipped
    assert origin.endswith("huge.html") and reason == "page of 50.0 MB is larger than the 10 MB limit"
    assert result.candidates >= 1


def test_mined_candidates_go_through_append_and_known_figures_are_marked_not_repeated(tmp_path, capsys):
    ledger_path = write(tmp_path, BASE)
    pages = tmp_path / "pages"
    pages.mkdir()
    # f1 in BASE: Mediazona's 10,025 (as of its publication, 2024-06-18)
    (pages / "known.txt").write_text("date 2024-06-18\nCourts have heard 10,025 cases, according to Mediazona.\n")
    (pages / "new.txt").write_text("date 2024-09-01\nCourts have heard 12,000 cases, according to Mediazona.\n")
    assert main(["mine", str(pages), "--ledger", str(ledger_path), "--out", str(tmp_path / "m.parquet"),
                 "--jobs", "1"]) == 0
    frame = read_table(tmp_path / "m.parquet")
    known = frame[frame["value"] == 10025]
    assert list(known["in_ledger"]) == ["f1"]
    before = ledger_path.read_bytes()
    assert main(["extract", str(tmp_path / "m.parquet"), "--append", str(ledger_path)]) == 0
    after = ledger_path.read_bytes()
    assert after.startswith(before)
    appended = tracker.load(ledger_path, today=TODAY)
    assert sorted(f.value for f in appended.figures) == [10025, 12000]
    assert "1 already in the ledger" in capsys.readouterr().err


def test_mine_usage_errors(tmp_path, capsys):
    assert main(["mine", str(tmp_path / "nope"), "--out", str(tmp_path / "o.parquet")]) == 2
    assert "not found; give folders, globs" in capsys.readouterr().err


def test_a_warc_cut_into_record_ranges_gives_the_same_table(archive, ledger, tmp_path, monkeypatch):
    import tracker.mining.run as run

    whole = mine([str(archive / "a.warc.gz")], ledger, tmp_path / "whole.parquet", jobs=1, progress=False)
    monkeypatch.setattr(run, "RECORDS", 5)
    assert len(run.units_of([str(archive / "a.warc.gz")])) == 3  # 12 records: 5 + 5 + 2
    cut = mine([str(archive / "a.warc.gz")], ledger, tmp_path / "cut.parquet", jobs=2, progress=False)
    assert cut.pages == whole.pages == 12
    assert _rows(tmp_path / "cut.parquet") == _rows(tmp_path / "whole.parquet")


def test_a_record_whose_length_runs_past_it_cannot_hide_the_records_after_it(tmp_path, ledger):
    """An uncompressed WARC with one record's Content-Length too large: that record is skipped as damaged and
    the records after it are read (they were read as its content: '31 pages ... 0 skipped' from 60)."""
    buf = BytesIO()
    w = WARCWriter(buf, gzip=False)
    for i in range(10):
        _record(w, i, RELEVANT.format(i=i, n=10000 + i).encode())
    data = buf.getvalue()
    at = data.find(b"Content-Length: ", data.find(b"https://news.example/3"))
    end = data.find(b"\r\n", at)
    declared = int(data[at + 16:end])
    path = tmp_path / "long.warc"
    path.write_bytes(data[:at + 16] + str(declared + 5000).encode() + data[end:])
    result = mine([str(path)], ledger, tmp_path / "out.parquet", jobs=1, progress=False)
    assert result.candidates == 9 and [why for _, why in result.skipped] == [
        "damaged WARC record (its Content-Length runs past the record, into the next); skipped"]


def test_the_pages_own_date_wins_over_the_crawl_date(tmp_path, ledger):
    page = RELEVANT.format(i=1, n=10001).replace(
        "<head>", '<head><meta property="article:published_time" content="2024-05-02T08:00:00Z">')
    with open(tmp_path / "a.warc.gz", "wb") as fh:
        _record(WARCWriter(fh, gzip=True), 1, page.encode())  # crawled 2024-06-18
    mine([str(tmp_path / "a.warc.gz")], ledger, tmp_path / "out.csv", jobs=1, progress=False)
    assert set(read_table(tmp_path / "out.csv")["page_date"]) == {"2024-05-02"}


def test_a_clean_run_leaves_no_list_of_skipped_pages_from_an_earlier_one(tmp_path, capsys):
    from tracker.cli import main

    make_warc(tmp_path / "a.warc.gz", n=3)
    stale = tmp_path / "out.skipped.csv"
    stale.write_text("origin,reason\nold@0,from an earlier run\n")
    assert main(["mine", str(tmp_path / "a.warc.gz"), "--ledger", str(LEDGER), "--out",
                 str(tmp_path / "out.csv")]) == 0
    assert not stale.exists()


@pytest.mark.parametrize("compressed", [False, True])
def test_a_truncated_last_record_is_counted_as_damaged(tmp_path, ledger, compressed):
    buf = BytesIO()
    w = WARCWriter(buf, gzip=compressed)
    for i in range(3):
        _record(w, i, RELEVANT.format(i=i, n=10000 + i).encode())
    path = tmp_path / "cut.warc"
    path.write_bytes(buf.getvalue()[:-150])  # an interrupted crawl
    result = mine([str(path)], ledger, tmp_path / "out.parquet", jobs=1, progress=False)
    assert result.candidates == 2 and len(result.skipped) == 1 and "cut short" in result.skipped[0][1]
