"""Edits keep what they promise to keep: one lock whatever path names a file, line endings, comments,
symlinks, notes; every byte outside the edited figure unchanged."""

import multiprocessing
import os

import pytest
from conftest import BASE, TODAY, write
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tracker
from tracker.ledger.append import append_document
from tracker.ledger.edit import accept, reject

CANDIDATE = ("  - id: c1\n    indicator: cases\n    value: 11000\n    as_of: 2024-06-01\n    source: s1\n"
             "    quote: 'Courts have heard 11,000 cases.'\n    status: candidate\n")


def ids(path):
    return {f.id: f.status for f in tracker.load(path, today=TODAY).figures}


# -- one lock rule ---------------------------------------------------------------------------------------------

def _accept(folder):
    accept(folder, ["c1"], today=TODAY)


def _append(path, n):
    doc = (f"figures:\n  - id: extra-{n}\n    indicator: cases\n    value: 12000\n    as_of: 2024-06-10\n"
           f"    source: s1\n    quote: 'Courts have heard 12,000 cases.'\n    status: candidate\n")
    append_document(path, doc, validate=lambda p: tracker.load(p, today=TODAY))


def test_an_accept_through_the_folder_and_an_append_to_the_file_never_lose_an_edit(tmp_path):
    """The folder names the file the append writes: both hold the same lock, so neither edit is lost
    (before, one locked beside the folder and the other beside the file: 4 of 60 runs lost one)."""
    ctx = multiprocessing.get_context("fork")
    for n in range(25):
        folder = tmp_path / f"ledger{n}"
        path = write(folder, BASE + CANDIDATE, "main.yaml")
        procs = [ctx.Process(target=_accept, args=(folder,)), ctx.Process(target=_append, args=(path, n))]
        for p in procs:
            p.start()
        for p in procs:
            p.join(30)
            assert p.exitcode == 0
        assert ids(folder) == {"f1": "accepted", "c1": "accepted", f"extra-{n}": "candidate"}, n


# -- what an edit keeps ---------------------------------------------------------------------------------------

def _outside(before: bytes, after: bytes, fid: bytes) -> tuple[bytes, bytes]:
    """Both texts with the edited figure's lines taken out: what must not change."""
    def cut(data: bytes) -> bytes:
        lines = data.splitlines(keepends=True)
        start = next(i for i, ln in enumerate(lines) if ln.lstrip().startswith(b"- id: " + fid)
                     or ln.lstrip().startswith(b"- {id: " + fid))
        end = start + 1
        while end < len(lines) and lines[end].startswith(b"    "):
            end += 1
        return b"".join(lines[:start] + lines[end:])
    return cut(before), cut(after)


@pytest.mark.parametrize("eol", ["\r\n", "\r"])
def test_line_endings_are_kept(tmp_path, eol):
    path = tmp_path / "ledger.yaml"
    path.write_bytes((BASE + CANDIDATE).replace("\n", eol).encode())
    before = path.read_bytes()
    accept(path, ["c1"], today=TODAY)
    after = path.read_bytes()
    assert after.count(b"\n") == before.count(b"\n") and b"status: accepted" + eol.encode() in after
    assert after.replace(b"status: accepted", b"status: candidate") == before  # one field, nothing else


def test_a_flow_style_figure_keeps_its_comment(tmp_path):
    path = write(tmp_path, BASE + "  - {id: c1, indicator: cases, value: 11000, as_of: 2024-06-01, source: s1, "
                                  "quote: '11,000', status: candidate}  # from the Friday brief\n")
    accept(path, ["c1"], today=TODAY)
    (line,) = [ln for ln in path.read_text().splitlines() if "id: c1" in ln]
    assert "status: accepted" in line and line.endswith("# from the Friday brief")


def test_a_ledger_that_is_a_symlink_is_edited_through_the_link(tmp_path):
    real = write(tmp_path / "real", BASE + CANDIDATE)
    link = tmp_path / "figures.yaml"
    link.symlink_to(real)
    accept(link, ["c1"], today=TODAY)
    assert link.is_symlink() and ids(real)["c1"] == "accepted"
    _append(link, 1)
    assert link.is_symlink() and "extra-1" in ids(real)


def test_a_symlink_loop_is_a_message(tmp_path):
    loop = tmp_path / "figures.yaml"
    loop.symlink_to(tmp_path / "other.yaml")
    (tmp_path / "other.yaml").symlink_to(loop)
    with pytest.raises(tracker.TrackerError):
        accept(loop, ["c1"], today=TODAY)


def test_rejecting_keeps_the_curators_note(tmp_path):
    path = write(tmp_path, BASE + CANDIDATE + "    note: checked against the court's own table\n")
    reject(path, ["c1"], "a re-print of f1", today=TODAY)
    (f,) = [f for f in tracker.load(path, today=TODAY).figures if f.id == "c1"]
    assert f.status == "rejected" and "checked against the court's own table" in f.note and "re-print" in f.note


@pytest.mark.parametrize("char", ["\u2028", "\u0085", "\u2029"])
def test_a_quote_with_a_unicode_line_separator_can_be_accepted(tmp_path, char):
    path = write(tmp_path, BASE + CANDIDATE.replace("11,000 cases.'", f"11,000{char}cases.'"))
    accept(path, ["c1"], today=TODAY)
    assert ids(path)["c1"] == "accepted" and char in path.read_text(encoding="utf-8")


# -- every byte outside the edited figure, whatever the file holds ---------------------------------------------

comments = st.sampled_from(["", "  # a comment", "  # «кавычки» and 'quotes'", "\t# after a tab"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(eol=st.sampled_from(["\n", "\r\n", "\r"]), bom=st.booleans(), comment=comments, flow=st.booleans(),
       other=st.sampled_from(["\u2028", "\u0085", "\t", "é", "ї"]))
def test_an_edit_changes_no_byte_outside_its_figure(tmp_path, eol, bom, comment, flow, other):
    head = BASE.replace("    title: Cases received by military courts",
                        f"    title: 'Cases{other}received by military courts'{comment}")
    body = ("  - {id: c1, indicator: cases, value: 11000, as_of: 2024-06-01, source: s1, quote: '11,000', "
            "status: candidate}" + comment + "\n") if flow else CANDIDATE
    text = (head + body + f"# the end{comment}\n").replace("\n", eol)
    path = tmp_path / "ledger.yaml"
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))
    before = path.read_bytes()
    accept(path, ["c1"], today=TODAY)
    after = path.read_bytes()
    a, b = _outside(before.replace(b"\r\n", b"\n").replace(b"\r", b"\n"),
                    after.replace(b"\r\n", b"\n").replace(b"\r", b"\n"), b"c1")
    assert a == b and after.count(eol.encode()) == before.count(eol.encode())
    assert ids(path)["c1"] == "accepted"
    os.remove(path)


def test_an_impossible_date_is_a_message_and_changes_nothing(tmp_path, capsys):
    from tracker.cli import main

    path = write(tmp_path, BASE + CANDIDATE)
    before = path.read_bytes()
    assert main(["accept", "c1", "--ledger", str(path), "--as-of", "2024-02-30"]) == 2
    assert "February 2024 has 29 days" in capsys.readouterr().err and path.read_bytes() == before


def test_an_out_that_is_a_file_is_a_message_not_a_traceback(tmp_path, capsys):
    from tracker.cli import main

    path = write(tmp_path, BASE)
    assert main(["chart", "--ledger", str(path), "--out", str(path)]) == 2
    assert "Not a directory" in capsys.readouterr().err
