"""Readers: turn files, folders, archives and stdin into :class:`~marsad.document.Article`s.

``read_inputs`` yields an ``Article`` per readable article and a ``Reject`` (with a reason) per
input that cannot be read, so one broken file never stops a batch.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from marsad.document import Article, Source
from marsad.pipeline import Reject
from marsad.settings import Settings


def read_inputs(inputs: Iterable[str], settings: Settings) -> Iterator[Article | Reject]:
    """Placeholder reader for plain UTF-8 text files and folders (replaced by the full readers)."""
    for item in inputs:
        p = Path(item)
        files = sorted(x for x in p.rglob("*") if x.is_file()) if p.is_dir() else [p]
        for f in files:
            text = f.read_bytes().decode("utf-8-sig")
            yield Article(text=text, source=Source(path=str(f), published=settings.published, encoding="utf-8"))
