"""The versioned JSON Schema of the article record, derived from the record types and shipped as package data.

``build_schema()`` derives the schema from ``fogofwar.record``; the shipped file ``article-record.v{N}.json`` is its
output (``python -m fogofwar.schema > src/fogofwar/schema/article-record.v1.json``), and a test keeps them equal.
"""

from __future__ import annotations

import dataclasses
import json
import types
from importlib import resources
from typing import Any, Literal, Union, get_args, get_origin

from fogofwar.record import SCHEMA_VERSION, ArticleRecord, Record, _hints

SCHEMA_ID = f"https://fogofwar.invalid/schema/article-record.v{SCHEMA_VERSION}.json"


def schema_filename(version: int = SCHEMA_VERSION) -> str:
    """The shipped schema file's name for a schema version."""
    return f"article-record.v{version}.json"


def _type(hint: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        options = [_type(a, defs) for a in get_args(hint) if a is not type(None)]
        nullable = type(None) in get_args(hint)
        return {"anyOf": [*options, {"type": "null"}]} if nullable else {"anyOf": options}
    if origin is tuple:
        return {"type": "array", "items": _type(get_args(hint)[0], defs)}
    if origin is Literal:
        return {"enum": list(get_args(hint))}
    if isinstance(hint, type) and issubclass(hint, Record):
        _define(hint, defs)
        return {"$ref": f"#/$defs/{hint.__name__}"}
    simple = {str: "string", int: "integer", float: "number", bool: "boolean"}
    return {"type": simple[hint]}


def _define(cls: type[Record], defs: dict[str, Any]) -> None:
    if cls.__name__ in defs:
        return
    defs[cls.__name__] = {}  # placeholder against recursion
    hints = _hints(cls)
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    defs[cls.__name__] = {
        "type": "object",
        "description": (cls.__doc__ or "").strip().splitlines()[0],
        "properties": {f.name: _type(hints[f.name], defs) for f in fields},
        "required": [f.name for f in fields],
        "additionalProperties": False,
    }


def build_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``ArticleRecord.to_dict()`` output."""
    defs: dict[str, Any] = {}
    _define(ArticleRecord, defs)
    root = defs.pop("ArticleRecord")
    root["properties"]["schema"] = {"const": SCHEMA_VERSION}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": f"fogofwar article record, schema {SCHEMA_VERSION}",
        **root,
        "$defs": dict(sorted(defs.items())),
    }


def load_schema(version: int = SCHEMA_VERSION) -> dict[str, Any]:
    """The shipped schema file for a schema version."""
    text = resources.files("fogofwar.schema").joinpath(schema_filename(version)).read_text(encoding="utf-8")
    return json.loads(text)  # type: ignore[no-any-return]
