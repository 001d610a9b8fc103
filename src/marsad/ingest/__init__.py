"""Readers: turn files, folders, archives and stdin into :class:`~marsad.document.Article`s.

``read_inputs`` yields an ``Article`` per readable article and a ``Reject`` (with a reason) per
input that cannot be read, so one broken file never stops a batch. Reasons: ``not_found``,
``unreadable``, ``too_large``, ``binary``, ``undecodable``, ``empty``, ``bad_json``,
``missing_text``, ``bad_date``.

Inputs: ``.txt`` files; folders (recursive, sorted, hidden files skipped); ``.jsonl``/``.ndjson``
(one article object per line) and ``.json`` (an object or an array); ``.html``/``.htm`` pages
(main text and metadata via trafilatura); ``.warc``/``.warc.gz``; ``.zip`` archives and ``.gz``
files of any of these; ``-`` for standard input. Other names are recognised by content.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from marsad.document import Article
from marsad.errors import ConfigError, Rejected
from marsad.ingest.decode import Decoded, decode_bytes
from marsad.ingest.dispatch import read_path
from marsad.ingest.records import check_date
from marsad.ingest.stdin import read_stdin
from marsad.pipeline import Reject
from marsad.settings import Settings

__all__ = ["Decoded", "decode_bytes", "read_inputs"]


def read_inputs(inputs: Iterable[str], settings: Settings) -> Iterator[Article | Reject]:
    """Articles and rejects from every input, in the order given (folders in sorted order)."""
    try:
        check_date(settings.published, "the published setting")
    except Rejected as exc:
        raise ConfigError(exc.detail) from exc
    for item in inputs:
        if item == "-":
            yield from read_stdin(settings)
        else:
            yield from read_path(item, settings)
