"""Strict query-parameter parsing: unknown names, wrong types and bad values are a 400.

Each route declares its parameters as :class:`Param` values; :func:`parse_query` checks the
request's query string against them and returns plain Python values. Free text (a search
query, an outlet name) is passed on as data, never spliced into SQL, so a string such as
``' OR 1=1 --`` is simply something to look for; typed filters (dates, codes, numbers) must
match their format.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from starlette.datastructures import QueryParams

from marsad.api.errors import ApiError

MAX_PAGE_SIZE = 200
DEFAULT_PAGE_SIZE = 20
MAX_PAGE = 100_000
MAX_TEXT = 300  # characters of a free-text parameter

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

Parser = Callable[[str, str], Any]


def invalid(name: str, value: str, expected: str) -> ApiError:
    return ApiError(
        400,
        "invalid_parameter",
        f"query parameter {name!r} must be {expected}",
        {"parameter": name, "value": value[:100], "expected": expected},
    )


def integer(lo: int, hi: int) -> Parser:
    def parse(name: str, value: str) -> int:
        if not re.fullmatch(r"[0-9]{1,9}", value):
            raise invalid(name, value, f"an integer from {lo} to {hi}")
        n = int(value)
        if not lo <= n <= hi:
            raise invalid(name, value, f"an integer from {lo} to {hi}")
        return n

    return parse


def date(name: str, value: str) -> str:
    if not _DATE.fullmatch(value):
        raise invalid(name, value, "a date YYYY-MM-DD")
    try:
        dt.date.fromisoformat(value)
    except ValueError as exc:
        raise invalid(name, value, "a calendar date YYYY-MM-DD") from exc
    return value


def pattern(regex: str, expected: str, upper: bool = False) -> Parser:
    compiled = re.compile(regex)

    def parse(name: str, value: str) -> str:
        v = value.strip().upper() if upper else value.strip()
        if not compiled.fullmatch(v):
            raise invalid(name, value, expected)
        return v

    return parse


def choice(options: Sequence[str], upper: bool = False) -> Parser:
    allowed = tuple(options)

    def parse(name: str, value: str) -> str:
        v = value.strip().upper() if upper else value.strip()
        if v not in allowed:
            raise invalid(name, value, "one of " + ", ".join(allowed))
        return v

    return parse


def text(name: str, value: str) -> str:
    v = value.strip()
    if len(v) > MAX_TEXT:
        raise invalid(name, value, f"at most {MAX_TEXT} characters")
    if _CONTROL.search(v):
        raise invalid(name, value, "text without control characters")
    return v


@dataclass(frozen=True, slots=True)
class Param:
    name: str
    parse: Parser
    description: str
    default: Any = None
    schema: dict[str, Any] | None = None  # for /openapi.json


def page_params() -> tuple[Param, ...]:
    return (
        Param(
            "page",
            integer(1, MAX_PAGE),
            "page number, from 1",
            1,
            {"type": "integer", "minimum": 1, "default": 1},
        ),
        Param(
            "page_size",
            integer(1, MAX_PAGE_SIZE),
            f"items per page (at most {MAX_PAGE_SIZE})",
            DEFAULT_PAGE_SIZE,
            {
                "type": "integer",
                "minimum": 1,
                "maximum": MAX_PAGE_SIZE,
                "default": DEFAULT_PAGE_SIZE,
            },
        ),
    )


def parse_query(query: QueryParams, params: Sequence[Param]) -> dict[str, Any]:
    """Values for ``params`` (defaults filled in); 400 on anything unknown, repeated or bad."""
    known = {p.name: p for p in params}
    unknown = sorted({k for k in query if k not in known})
    if unknown:
        raise ApiError(
            400,
            "unknown_parameter",
            f"unknown query parameter(s): {', '.join(unknown)[:200]}",
            {"unknown": unknown[:20], "allowed": sorted(known)},
        )
    out: dict[str, Any] = {}
    for p in params:
        values = query.getlist(p.name)
        if len(values) > 1:
            raise ApiError(
                400,
                "repeated_parameter",
                f"query parameter {p.name!r} is given more than once",
                {"parameter": p.name},
            )
        if not values or values[0].strip() == "":
            out[p.name] = p.default
            continue
        out[p.name] = p.parse(p.name, values[0])
    return out
