"""Plain text → one article: the decoded bytes, unchanged (only a BOM is removed)."""

from __future__ import annotations

from marsad.document import Article, Source
from marsad.ingest.decode import decode_bytes
from marsad.ingest.records import check_text
from marsad.settings import Settings


def text_article(name: str, data: bytes, settings: Settings) -> Article:
    """Decode ``data`` into an article; raises ``Rejected`` (binary, undecodable, empty)."""
    decoded = decode_bytes(data)
    check_text(decoded.text, settings)
    return Article(
        text=decoded.text,
        source=Source(path=name, published=settings.published, encoding=decoded.encoding),
    )
