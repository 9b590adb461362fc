"""tracker watch: a save redraws the changed chart and the report; an invalid save changes nothing."""

import threading
import time

from conftest import BASE, TODAY, write

import tracker
from tracker.watch import watch


def _wait(lines, needle, seconds=20):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if any(needle in line for line in lines):
            return next(line for line in lines if needle in line)
        time.sleep(0.02)
    raise AssertionError(f"no '{needle}' in {lines}")


def test_a_save_redraws_and_an_invalid_save_changes_nothing(tmp_path):
    path = write(tmp_path, BASE, "figures.yaml")
    out = tmp_path / "out"
    lines: list[str] = []
    stop = threading.Event()
    thread = threading.Thread(target=watch, args=(path, out), kwargs={"say": lines.append, "stop_event": stop})
    thread.start()
    try:
        _wait(lines, "ready:")
        before = (out / "cases.png").read_bytes()
        path.write_text(BASE.replace("value: 10025", "value: 10125").replace("10,025", "10,125"))
        built = _wait(lines, "built in")
        assert "redrew cases" in built and (out / "cases.png").read_bytes() != before
        report = (out / "index.html").read_text()
        assert "10,125" in report
        path.write_text(BASE.replace("value: 10025", "value: ten"))
        _wait(lines, "nothing redrawn")
        assert (out / "index.html").read_text() == report
    finally:
        stop.set()
        thread.join(10)
    assert not thread.is_alive()
    assert tracker.load(write(tmp_path, BASE), today=TODAY)
