"""Forked work: results and errors come back, Ctrl-C stays with the parent."""

import pytest


def test_run_beside_returns_the_result_and_raises_the_error():
    from tracker._infra.pool import run_beside

    seen = []
    assert run_beside(lambda: 6 * 7, lambda: seen.append(1)) == 42 and seen == [1]
    with pytest.raises(ValueError, match="no such figure"):
        run_beside(lambda: (_ for _ in ()).throw(ValueError("no such figure")), lambda: None)


def _interrupt_ignored(_=None):
    import signal

    return signal.getsignal(signal.SIGINT) is signal.SIG_IGN


def test_forked_workers_leave_ctrl_c_to_the_parent():
    # the parent stops its workers on Ctrl-C; a worker that took the signal itself printed a traceback
    from tracker._infra.pool import fork_map, run_beside

    assert not _interrupt_ignored()
    assert set(fork_map(_interrupt_ignored, range(8), {}, workers=2)) == {True}
    assert run_beside(_interrupt_ignored, lambda: None) is True
    assert not _interrupt_ignored()
