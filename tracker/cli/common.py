"""What the commands share: exit statuses, the default ledger, loading it, checking arguments."""

from __future__ import annotations

from tracker.errors import UsageError

EXIT_OK, EXIT_FLAGS, EXIT_BAD_INPUT = 0, 1, 2

DEFAULT_LEDGER = "figures.yaml"


def _load(path: str, beside=None):
    from tracker.ledger.loader import load

    return load(path, cache=True, beside=beside)


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
