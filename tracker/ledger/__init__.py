"""The ledger: its data model and how it is read, validated, described and appended to.

One file per job: `model` (immutable Ledger, Indicator, Source, Event, Figure),
`dates` (YYYY, YYYY-MM, YYYY-MM-DD and intervals), `fields` (every field and its
meaning), `yamlread` (YAML with line numbers, no tags), `files` (files, includes,
directories), `convert` (field types and their JSON Schema), `rules` (checks across
fields), `loader` (putting it together), `schema` (JSON Schema), `append` (adding a
document without touching a byte), `frames` (pandas views).
"""

from tracker.ledger.loader import load
from tracker.ledger.model import Event, Figure, Indicator, Ledger, Source

__all__ = ["Event", "Figure", "Indicator", "Ledger", "Source", "load"]
