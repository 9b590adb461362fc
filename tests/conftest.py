import os
import tempfile
import textwrap
from datetime import date
from pathlib import Path

import pytest

import tracker
from tracker.errors import LedgerError

# The CLI caches validated ledgers; the tests use a cache of their own, never the user's.
os.environ["TRACKER_CACHE_DIR"] = tempfile.mkdtemp(prefix="tracker-test-cache-")

ROOT = Path(__file__).resolve().parent.parent
LEDGER = ROOT / "figures.yaml"
DATA = ROOT / "tests" / "data"
TODAY = date(2026, 11, 21)

# A small valid ledger the tests extend.
BASE = """\
version: 1
indicators:
  cases:
    title: Cases received by military courts
    unit: cases
    kind: cumulative
    since: 2022-09-21
  monthly:
    title: Sentences per month
    unit: sentences
    kind: rate
    per: month
  share:
    title: Share staying in Russia
    unit: share
    kind: stock
sources:
  s1:
    publisher: Mediazona
    url: https://zona.media/a
    published: 2024-06-18
  s2:
    publisher: Ukrainska Pravda
    url: https://pravda.com.ua/b
    published: 2024-06-19
events:
  - id: mobilisation
    date: 2022-09-21
    title: Mobilisation
figures:
  - id: f1
    indicator: cases
    value: 10025
    source: s1
    quote: Courts have heard 10,025 cases.
"""


def write(tmp_path: Path, text: str, name: str = "ledger.yaml") -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problems(tmp_path: Path, text: str) -> list:
    """The problems of a ledger given as text (fails the test if it loads)."""
    path = write(tmp_path, text)
    with pytest.raises(LedgerError) as info:
        tracker.load(path, today=TODAY)
    return info.value.problems


@pytest.fixture(scope="session")
def shipped():
    return tracker.load(LEDGER)
