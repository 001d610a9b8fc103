"""``/openapi.json``: the OpenAPI 3.1 description, built from the same endpoint table as the
router, so a route cannot exist without being described (a test checks both ways)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from marsad import __version__
from marsad.api.params import MAX_PAGE_SIZE
from marsad.api.requests import ARTICLE_FIELDS, MAX_ARTICLES, MAX_BODY

if TYPE_CHECKING:
    from marsad.api.app import Endpoint

ERROR_CODES = {
    "400": "malformed request: bad JSON, unknown or invalid parameter or field",
    "404": "no such resource",
    "405": "method not allowed",
    "413": f"request body over {MAX_BODY} bytes",
    "415": "body is not JSON",
}

ARTICLE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "description": "Exactly one of text or html.",
    "properties": {
        "text": {"type": "string", "description": "the article text (UTF-8)"},
        "html": {"type": "string", "description": "an HTML page; its main text is extracted"},
        "published": {"type": "string", "format": "date", "description": "YYYY-MM-DD"},
        "url": {"type": "string"},
        "outlet": {"type": "string"},
        "id": {"type": "string", "description": "a stable id; default: a hash of the text"},
    },
}
assert set(ARTICLE_SCHEMA["properties"]) == ARTICLE_FIELDS

SCHEMAS: dict[str, Any] = {
    "Error": {
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {
                "type": "object",
                "required": ["status", "code", "message", "details"],
                "properties": {
                    "status": {"type": "integer"},
                    "code": {"type": "string", "description": "stable machine-readable code"},
                    "message": {"type": "string"},
                    "details": {"type": "object"},
                },
            }
        },
    },
    "Article": ARTICLE_SCHEMA,
    "IngestRequest": {
        "oneOf": [
            {"$ref": "#/components/schemas/Article"},
            {
                "type": "object",
                "additionalProperties": False,
                "required": ["articles"],
                "properties": {
                    "articles": {
                        "type": "array",
                        "minItems": 1,
                        "maxItems": MAX_ARTICLES,
                        "items": {"$ref": "#/components/schemas/Article"},
                    }
                },
            },
        ]
    },
    "Document": {
        "type": "object",
        "description": "a marsad.document/1 (JSON Schema: src/marsad/resources/schema/document-1.json); offsets are Unicode code points",
    },
    "Page": {
        "type": "object",
        "required": ["items", "total", "page", "page_size"],
        "properties": {
            "items": {"type": "array", "items": {"type": "object"}},
            "total": {"type": "integer"},
            "page": {"type": "integer"},
            "page_size": {"type": "integer", "maximum": MAX_PAGE_SIZE},
        },
    },
}


def _error(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


def _operation(e: Endpoint) -> dict[str, Any]:
    op: dict[str, Any] = {"operationId": e.name, "summary": e.summary, "parameters": []}
    for name in re.findall(r"{(\w+)}", e.path):
        op["parameters"].append(
            {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
        )
    for p in e.query:
        param: dict[str, Any] = {
            "name": p.name,
            "in": "query",
            "required": False,
            "description": p.description,
        }
        param["schema"] = p.schema or {"type": "string"}
        op["parameters"].append(param)
    if e.body:
        schema = "Article" if e.body == "article" else "IngestRequest"
        op["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
        }
    responses: dict[str, Any] = {}
    for status, desc in e.responses.items():
        if status.startswith("2"):
            schema_ref = (
                "Document"
                if e.name in ("analyze", "article")
                else "Page"
                if e.query and any(p.name == "page" for p in e.query)
                else None
            )
            content: dict[str, Any] = {
                "application/json": {
                    "schema": {"$ref": f"#/components/schemas/{schema_ref}"}
                    if schema_ref
                    else {"type": "object"}
                }
            }
            if e.name == "events":
                content["text/csv"] = {"schema": {"type": "string"}}
                content["application/x-ndjson"] = {"schema": {"type": "string"}}
            responses[status] = {"description": desc, "content": content}
        else:
            responses[status] = _error(desc)
    for status, desc in ERROR_CODES.items():
        if status == "413" and not e.body:
            continue
        responses.setdefault(status, _error(desc))
    if e.write:
        op["security"] = [{"bearer": []}]
    op["responses"] = responses
    return op


def openapi_document(endpoints: Sequence[Endpoint], *, writable: bool) -> dict[str, Any]:
    paths: dict[str, dict[str, Any]] = {}
    for e in endpoints:
        if e.write and not writable:
            continue
        paths.setdefault(e.path, {})[e.method.lower()] = _operation(e)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Marsad API",
            "version": __version__,
            "description": "Arabic news → clean articles, entities and coded political events. "
            'Every error answers {"error": {"status", "code", "message", "details"}}. '
            + (
                "Writes need 'Authorization: Bearer TOKEN'."
                if writable
                else "This server is read-only."
            ),
        },
        "paths": paths,
        "components": {
            "schemas": SCHEMAS,
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
    }
