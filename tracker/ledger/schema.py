"""A JSON Schema (draft 2020-12) of the ledger, generated from tracker.ledger.fields.

Editors use it for completion and checking (e.g. the YAML language server's
`# yaml-language-server: $schema=...`). It checks shapes and types; the loader
also checks what a schema cannot (references, date order, future dates).
"""

from __future__ import annotations

from tracker.ledger import fields as F
from tracker.ledger.convert import field_schema


def _object(spec: dict[str, F.Field], title: str) -> dict:
    return {
        "type": "object",
        "title": title,
        "additionalProperties": False,
        "required": [name for name, f in spec.items() if f.required],
        "properties": {name: field_schema(f) for name, f in spec.items()},
    }


def ledger_schema() -> dict:
    """The JSON Schema of one ledger file."""
    indicator = _object(F.INDICATOR, "Indicator")
    indicator["allOf"] = [
        {"if": {"properties": {"kind": {"const": "cumulative"}}}, "then": {"required": ["since"]}},
        {"if": {"properties": {"kind": {"const": "rate"}}}, "then": {"required": ["per"]}},
    ]
    figure = _object(F.FIGURE, "Figure")
    figure["allOf"] = [
        {"if": {"properties": {"qualifier": {"const": "range"}}, "required": ["qualifier"]},
         "then": {"required": ["low", "high"]}, "else": {"required": ["value"]}},
        {"if": {"properties": {"status": {"const": "rejected"}}, "required": ["status"]},
         "then": {"required": ["note"]}},
        {"if": {"required": ["change"]}, "then": {"required": ["compared_to"]}},
    ]
    id_keys = {"type": "string", "pattern": F.ID_PATTERN}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://github.com/tracker/tracker/ledger.schema.json",
        "title": "tracker ledger (figures.yaml), version 1",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "version": {"const": 1, "description": F.ROOT["version"].doc},
            "include": {"description": F.ROOT["include"].doc,
                        "oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
            "indicators": {"type": ["object", "null"], "propertyNames": id_keys,
                           "additionalProperties": {"$ref": "#/$defs/indicator"}},
            "sources": {"type": ["object", "null"], "propertyNames": id_keys,
                        "additionalProperties": {"$ref": "#/$defs/source"}},
            "events": {"type": ["array", "null"], "items": {"$ref": "#/$defs/event"}},
            "figures": {"type": ["array", "null"], "items": {"$ref": "#/$defs/figure"}},
            "names": field_schema(F.ROOT["names"]),
        },
        "$defs": {
            "indicator": indicator,
            "source": _object(F.SOURCE, "Source"),
            "event": _object(F.EVENT, "Event"),
            "figure": figure,
        },
    }
