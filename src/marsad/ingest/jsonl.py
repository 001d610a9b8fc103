"""JSON Lines (one article object per line) and JSON files (one object or an array of them).

A bad line becomes a reject naming its line number; the lines after it are still read. Lines
are streamed, so a feed may be far larger than ``max_bytes``: the limit applies per line.
"""

from __future__ import annotations

import codecs
import json
import logging
from collections.abc import Iterable, Iterator
from typing import IO

from marsad.document import Article
from marsad.errors import Rejected
from marsad.ingest.decode import decode_bytes
from marsad.ingest.records import article_from_record
from marsad.pipeline import Reject
from marsad.settings import Settings

log = logging.getLogger(__name__)


def read_jsonl(name: str, fh: IO[bytes], settings: Settings) -> Iterator[Article | Reject]:
    """One article per non-blank line of ``fh`` (a seekable binary file)."""
    head = fh.read(2)
    fh.seek(0)
    if head in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        # UTF-16 lines cannot be split on b"\n": decode the whole (bounded) file first
        try:
            decoded = decode_bytes(read_bounded(fh, settings.max_bytes * CONTAINER_FACTOR, name))
        except Rejected as exc:
            yield Reject(name, exc.reason, exc.detail)
            return
        lines: Iterable[bytes] = (ln.encode("utf-8") for ln in decoded.text.splitlines())
        yield from _read_lines(name, lines, settings, decoded.encoding)
        return
    yield from _read_lines(name, bounded_lines(fh, settings.max_bytes), settings, None)


def jsonl_lines(
    name: str, lines: Iterable[bytes], settings: Settings
) -> Iterator[Article | Reject]:
    """Articles from already split lines (standard input)."""
    return _read_lines(name, lines, settings, None)


def _read_lines(
    name: str, lines: Iterable[bytes], settings: Settings, encoding: str | None
) -> Iterator[Article | Reject]:
    for number, raw in enumerate(lines, start=1):
        where = f"{name}:{number}"
        if number == 1:
            raw = raw.removeprefix(codecs.BOM_UTF8)
        if not raw.strip():
            continue
        raw = raw.rstrip(b"\r\n")
        if len(raw) > settings.max_bytes:
            yield Reject(
                where, "too_large", f"line {number} is over max_bytes={settings.max_bytes}"
            )
            continue
        try:
            if encoding is None:
                line = decode_bytes(raw)
                text, line_encoding = line.text, line.encoding
            else:
                text, line_encoding = raw.decode("utf-8"), encoding
            try:
                record = json.loads(text)
            except json.JSONDecodeError as exc:
                raise Rejected("bad_json", f"line {number} is not valid JSON: {exc}") from exc
            yield article_from_record(record, settings, path=where, encoding=line_encoding)
        except Rejected as exc:
            detail = (
                exc.detail if exc.detail.startswith("line ") else f"line {number}: {exc.detail}"
            )
            yield Reject(where, exc.reason, detail)


def read_json(name: str, data: bytes, settings: Settings) -> Iterator[Article | Reject]:
    """A ``.json`` file: one article object, or an array of them (as crawl dumps often are)."""
    try:
        decoded = decode_bytes(data)
        try:
            value = json.loads(decoded.text)
        except json.JSONDecodeError as exc:
            raise Rejected("bad_json", f"not valid JSON: {exc}") from exc
    except Rejected as exc:
        yield Reject(name, exc.reason, exc.detail)
        return
    records = value if isinstance(value, list) else [value]
    for i, record in enumerate(records):
        where = f"{name}[{i}]" if isinstance(value, list) else name
        try:
            yield article_from_record(record, settings, path=where, encoding=decoded.encoding)
        except Rejected as exc:
            yield Reject(where, exc.reason, exc.detail)


# containers (JSON arrays, UTF-16 feeds) that must be read whole may be this many times
# larger than one article may be
CONTAINER_FACTOR = 100


def read_bounded(fh: IO[bytes], limit: int, name: str) -> bytes:
    """All of ``fh``, or ``Rejected("too_large")`` as soon as it passes ``limit`` bytes."""
    data = fh.read(limit + 1)
    if len(data) > limit:
        raise Rejected("too_large", f"{name} is over {limit} bytes (max_bytes)")
    return data


def bounded_lines(fh: IO[bytes], limit: int) -> Iterator[bytes]:
    """The lines of ``fh``; a line longer than ``limit`` comes back cut at ``limit + 1`` bytes
    (so the caller sees that it is too large) and its remainder is skipped in chunks."""
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while True:
                rest = fh.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
        yield line
