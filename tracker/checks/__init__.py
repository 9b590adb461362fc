"""Checks: the jumps and contradictions a careful editor wants to see before publishing.

    result = check(ledger)          # every registered check on every indicator
    result.frame()                  # one row per flag

Each family of checks lives in a file of its own (jumps, consistency, totals, claims, definition) and
joins the run with `@register(code, doc)` from `tracker.checks.base`; support for
jumps is in `support`. To add a check, write it in the file of its family (or a new
file imported by `run`) and register it: nothing else needs editing.
"""

from tracker.checks.base import CHECKS, SEVERITIES, Check, Context, Flag, codes, register, severity_at_least
from tracker.checks.run import CheckResult, check, check_series

__all__ = ["CHECKS", "SEVERITIES", "Check", "CheckResult", "Context", "Flag", "check", "check_series", "codes",
           "register", "severity_at_least"]
