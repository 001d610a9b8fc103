"""WARC files (``.warc``, ``.warc.gz``): every HTML response record becomes an article.

Requests, metadata, redirects, images and scripts are skipped silently: they are not articles.
The article URL is the record's ``WARC-Target-URI``; the page charset comes from the HTTP
``Content-Type`` header when it names one, otherwise from the page itself.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from typing import IO, Any

from marsad.document import Article, Source
from marsad.errors import Rejected
from marsad.ingest.html import decode_html, extract
from marsad.ingest.records import check_text
from marsad.pipeline import Reject
from marsad.settings import Settings

log = logging.getLogger(__name__)

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)


def read_warc(name: str, fh: IO[bytes], settings: Settings) -> Iterator[Article | Reject]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    if not _starts_like_warc(fh):
        yield Reject(name, "unreadable", "not a WARC file: it does not start with a WARC/ header")
        return
    found = 0
    try:
        for record in ArchiveIterator(fh):
            item = _record(name, record, settings)
            if item is not None:
                found += 1
                yield item
    except ArchiveLoadFailed as exc:
        yield Reject(name, "unreadable", f"not a valid WARC file (after {found} article(s)): {exc}")
        return
    if found == 0:
        yield Reject(name, "empty", "the WARC file holds no HTML response record")


def _starts_like_warc(fh: IO[bytes]) -> bool:
    """warcio reads almost any bytes as (ARC) records, so look at the first line ourselves."""
    if not fh.seekable():
        return True
    start = fh.tell()
    head = fh.read(2)
    fh.seek(start)
    if head == b"\x1f\x8b":
        import gzip

        try:
            head = gzip.GzipFile(fileobj=fh).read(16)
        except (OSError, EOFError):
            head = b""
        fh.seek(start)
    else:
        head = fh.read(16)
        fh.seek(start)
    return head.startswith((b"WARC/", b"filedesc://"))


def _record(name: str, record: Any, settings: Settings) -> Article | Reject | None:
    if record.rec_type not in ("response", "resource"):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    where = f"{name}!{url}" if url else name
    if record.rec_type == "response":
        if record.http_headers is None:
            return None
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    if "html" not in content_type.lower():
        return None
    length = record.length or 0
    try:
        if length > settings.max_bytes:
            raise Rejected(
                "too_large", f"the record has {length} bytes, over max_bytes={settings.max_bytes}"
            )
        data = record.content_stream().read(settings.max_bytes + 1)
        if len(data) > settings.max_bytes:
            raise Rejected("too_large", f"the page is over max_bytes={settings.max_bytes} bytes")
        m = _CHARSET.search(content_type)
        decoded = decode_html(data, http_charset=m.group(1) if m else None)
        page = extract(decoded.text, url=url)
        check_text(page.text, settings, "main text of the page")
    except Rejected as exc:
        return Reject(where, exc.reason, exc.detail)
    return Article(
        text=page.text,
        source=Source(
            path=name,
            url=url or page.url,
            outlet=page.sitename,
            published=page.date or settings.published,
            encoding=decoded.encoding,
        ),
    )
