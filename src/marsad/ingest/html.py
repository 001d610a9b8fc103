"""HTML pages → main text and metadata with trafilatura (offline: it never fetches anything).

The article text is trafilatura's main text (headline included when the page puts it in the
article body), never the raw HTML, so every offset points into what a reader sees.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from marsad.errors import Rejected
from marsad.ingest.decode import Decoded, decode_bytes

if TYPE_CHECKING:
    from configparser import ConfigParser

log = logging.getLogger(__name__)

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_HTML_START = re.compile(
    rb"\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)\b", re.IGNORECASE | re.DOTALL
)


@dataclass(frozen=True, slots=True)
class Page:
    text: str
    title: str | None = None
    url: str | None = None
    sitename: str | None = None
    date: str | None = None  # YYYY-MM-DD


def looks_like_html(data: bytes) -> bool:
    """Whether a file without a telling extension starts like an HTML page."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf")
    return bool(_HTML_START.match(head))


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KB (``<meta charset>`` or http-equiv)."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def decode_html(data: bytes, *, http_charset: str | None = None) -> Decoded:
    """Decode page bytes: BOM, then the HTTP or meta charset if it holds, then detection."""
    return decode_bytes(data, declared=http_charset or declared_charset(data))


@lru_cache(maxsize=1)
def _config() -> ConfigParser:
    from trafilatura.settings import use_config

    config = use_config()
    # trafilatura's timeout uses SIGALRM, which fails outside the main thread (worker pools)
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return config


def extract(html: str, *, url: str | None = None) -> Page:
    """Main text and metadata of one page; ``Rejected("empty")`` when there is no main text."""
    import trafilatura

    result: Any = None
    # precision first: on short news pages the balanced mode falls back to a baseline that
    # keeps menu items ("الرئيسية") in the text; balanced only when precision finds nothing
    for precision in (True, False):
        result = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            favor_precision=precision,
            config=_config(),
        )
        if result is not None and (result.text or "").strip():
            break
    if result is None or not (result.text or "").strip():
        raise Rejected("empty", "no main text found in the HTML page")
    date = (
        result.date
        if isinstance(result.date, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", result.date)
        else None
    )
    return Page(
        text=result.text,
        title=result.title or None,
        url=result.url or url,
        sitename=result.sitename or None,
        date=date,
    )
