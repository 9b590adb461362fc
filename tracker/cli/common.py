"""What the commands share: exit statuses, the default ledger, loading it, checking arguments."""

from __future__ import annotations

from tracker.errors import UsageError

EXIT_OK, EXIT_FLAGS, EXIT_BAD_INPUT = 0, 1, 2

DEFAULT_LEDGER = "figures.yaml"
OWN_PROCESS = False  # set by main() when it reads the process's own arguments: the command ends with the process


def _load(path: str, beside=None):
    from tracker.ledger.loader import load

    return load(path, cache=True, beside=beside)


def settled(ledger):
    """The ledger, with every object made so far set aside from the cyclic garbage collector (gc.freeze): a
    one-shot command keeps them until it exits, so traversing them again and again while the checks allocate,
    and once more at exit, is wasted (flags of a noisy 10,000-figure ledger: 5.1-5.3 s -> 4.4-4.6 s, of which
    0.37 -> 0.1 s at exit). Only in a process of its own (main() reading sys.argv), not where main() is called
    with arguments (tests, scripts), nor in a long-running command (watch): what those drop later would never
    be collected."""
    import gc

    if OWN_PROCESS:
        gc.freeze()
    return ledger


def _formats(text: str) -> tuple[str, ...]:
    formats = tuple(dict.fromkeys(f.strip().lower() for f in text.split(",") if f.strip()))
    bad = [f for f in formats if f not in ("png", "svg", "pdf")]
    if bad or not formats:
        raise UsageError(f"--format takes png, svg or pdf, comma-separated (got '{text}'); try --format png,svg")
    return formats


def _known_indicators(ledger, names: list[str]) -> None:
    """Raises UnknownIndicator, with its "did you mean", for the first name the ledger does not have."""
    for name in names:
        ledger.series[name]


def _needs(modules: tuple[str, ...], extra: str, what: str) -> None:
    import importlib.util

    missing = [m for m in modules if importlib.util.find_spec(m) is None]
    if missing:
        raise UsageError(f"{what} needs {', '.join(missing)}: pip install 'tracker[{extra}]'")
