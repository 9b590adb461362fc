"""The errors the package raises on bad input, all under TrackerError, and the Problem they carry."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One thing wrong with a ledger, at a place in a file (line and column are 1-based; 0 = unknown)."""

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}:{self.col}: {self.message}"
        return f"{self.path}: {self.message}"


class TrackerError(Exception):
    """Bad input of any kind: a ledger, an article, a command line. Its message says how to fix it."""


class LedgerError(TrackerError):
    """A ledger that cannot be loaded; `problems` lists every problem found, in file order."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=lambda p: (p.path, p.line, p.col, p.message))
        super().__init__(self.summary())

    def __reduce__(self):  # rebuilt from its problems when it crosses to another process
        return LedgerError, (self.problems,)

    def summary(self) -> str:
        n = len(self.problems)
        lines = [str(p) for p in self.problems]
        lines.append(f"{n} problem{'s' if n != 1 else ''} found")
        return "\n".join(lines)


class UsageError(TrackerError):
    """A command-line mistake (exit status 2), with a message that says how to fix it."""


class UnknownIndicator(TrackerError, KeyError):
    """An indicator id the ledger does not have; the message suggests the nearest one it does.

    Also a KeyError, as the ledger's indicators are a mapping."""

    def __init__(self, name: str, known=()):
        import difflib

        self.name = name
        near = difflib.get_close_matches(str(name), list(known), 1)
        hint = f" (did you mean '{near[0]}'?)" if near else ""
        super().__init__(f"unknown indicator '{name}'{hint}; `tracker list` lists the ledger's indicators")

    def __str__(self) -> str:  # a KeyError would print its message in quotes
        return str(self.args[0])

    def __reduce__(self):
        return _unknown_indicator, (self.name, str(self))


def _unknown_indicator(name: str, message: str) -> UnknownIndicator:
    err = UnknownIndicator.__new__(UnknownIndicator)
    err.name = name
    Exception.__init__(err, message)
    return err


class ExtractError(TrackerError):
    """An article that cannot be read; the message says why and what to do."""
