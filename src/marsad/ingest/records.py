"""Shared pieces of every reader: checked dates, the empty-text rule and JSON records → articles."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from marsad.document import Article, Source
from marsad.errors import Rejected
from marsad.settings import Settings

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# a full ISO timestamp is accepted and cut to its date: "2024-01-10T09:30:00+03:30"
_ISO_DATETIME = re.compile(
    r"(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?"
)

TEXT_FIELDS = ("text", "content", "body")  # the first present one is the article text
OUTLET_FIELDS = ("outlet", "source", "sitename")


def check_date(value: Any, where: str = "published") -> str | None:
    """A ``YYYY-MM-DD`` string (or ``None``); raises ``Rejected("bad_date")`` otherwise."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise Rejected("bad_date", f"{where} must be a YYYY-MM-DD string, got {value!r}")
    value = value.strip()
    m = _ISO_DATETIME.fullmatch(value)
    day = m.group(1) if m else value
    if not _ISO_DATE.fullmatch(day):
        raise Rejected("bad_date", f"{where} must be YYYY-MM-DD, got {value!r}")
    try:
        dt.date.fromisoformat(day)
    except ValueError as exc:
        raise Rejected("bad_date", f"{where} {value!r} is not a calendar date") from exc
    return day


def check_text(text: str, settings: Settings, what: str = "text") -> str:
    """Reject text that is blank or shorter than ``settings.min_chars`` (ignoring spaces)."""
    n = len(text.strip())
    if n == 0:
        raise Rejected("empty", f"the {what} has no characters other than white space")
    if n < settings.min_chars:
        raise Rejected(
            "empty", f"the {what} has {n} characters, fewer than min_chars={settings.min_chars}"
        )
    return text


def article_from_record(
    record: Any,
    settings: Settings,
    *,
    path: str,
    encoding: str | None,
) -> Article:
    """One JSON object (``id``, ``text`` or ``html``, ``url``, ``outlet``, ``published``) → Article.

    ``content``/``body`` are accepted for ``text`` and ``source``/``sitename`` for ``outlet``, as
    common crawl exports name them. Unknown fields are ignored.
    """
    if not isinstance(record, Mapping):
        raise Rejected("bad_json", f"expected a JSON object, got {type(record).__name__}")
    published = check_date(record.get("published"), "published")
    doc_id = record.get("id")
    if doc_id == "":
        doc_id = None
    if doc_id is not None and (isinstance(doc_id, bool) or not isinstance(doc_id, str | int)):
        raise Rejected("bad_json", f"id must be a string or an integer, got {doc_id!r}")
    url = _optional_str(record, "url")
    outlet = next((v for k in OUTLET_FIELDS if isinstance(v := record.get(k), str) and v), None)
    text_field = next((k for k in TEXT_FIELDS if record.get(k) is not None), None)
    if text_field is not None:
        text = record[text_field]
        if not isinstance(text, str):
            raise Rejected("bad_json", f"{text_field} must be a string, got {type(text).__name__}")
        check_text(text, settings, text_field)
    elif record.get("html") is not None:
        html = record["html"]
        if not isinstance(html, str):
            raise Rejected("bad_json", f"html must be a string, got {type(html).__name__}")
        from marsad.ingest.html import extract

        page = extract(html, url=url)
        text = check_text(page.text, settings, "main text of the html")
        url = url or page.url
        outlet = outlet or page.sitename
        published = published or page.date
    else:
        raise Rejected("missing_text", "the record has neither 'text' nor 'html'")
    return Article(
        text=text,
        source=Source(
            path=path,
            url=url,
            outlet=outlet,
            published=published or settings.published,
            encoding=encoding,
        ),
        id=None if doc_id is None else str(doc_id),
    )


def _optional_str(record: Mapping[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise Rejected("bad_json", f"{key} must be a string, got {value!r}")
    return value
