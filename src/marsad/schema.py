"""The JSON Schema of ``marsad.document/1`` (draft 2020-12), packaged beside the code.

The schema describes exactly what :meth:`marsad.document.Document.to_dict` writes; tests keep
the two in step. It checks shapes and types; offsets against the text are checked by
:meth:`Document.check_offsets`.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from marsad.errors import MarsadError

SCHEMA_RESOURCE = "resources/schema/document-1.json"


class DocumentSchemaError(MarsadError):
    """A document dict that does not follow the ``marsad.document/1`` schema."""

    def __init__(self, message: str, path: str = "") -> None:
        self.path = path
        super().__init__(message)


@lru_cache(maxsize=1)
def document_schema() -> dict[str, Any]:
    """The parsed schema (read once from the package)."""
    text = resources.files("marsad").joinpath(SCHEMA_RESOURCE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@lru_cache(maxsize=1)
def _validator() -> Any:
    from jsonschema import Draft202012Validator

    schema = document_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def validate_document(d: Any) -> None:
    """Raise :class:`DocumentSchemaError` naming the first problem (by its JSON path)."""
    from jsonschema.exceptions import best_match

    error = best_match(_validator().iter_errors(d))
    if error is None:
        return
    path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
    where = f"document{path}"
    raise DocumentSchemaError(f"{where}: {error.message}", where)


def schema_errors(d: Any) -> list[str]:
    """Every problem, one line each (for reports that want them all)."""
    out = []
    for error in sorted(_validator().iter_errors(d), key=lambda e: list(map(str, e.absolute_path))):
        path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
        out.append(f"document{path}: {error.message}")
    return out
