"""Route each input to its reader by name, or by content when the name says nothing."""

from __future__ import annotations

import io
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from marsad.document import Article, Source
from marsad.errors import Rejected
from marsad.ingest.archive import read_gzip, read_zip
from marsad.ingest.jsonl import CONTAINER_FACTOR, read_bounded, read_json, read_jsonl
from marsad.ingest.records import check_text
from marsad.ingest.text import text_article
from marsad.ingest.warc import read_warc
from marsad.pipeline import Reject
from marsad.settings import Settings

log = logging.getLogger(__name__)

# kinds read as a stream of articles: the size limit applies to each article, not the file
CONTAINERS = frozenset({"jsonl", "warc", "zip", "gz", "json"})

_SUFFIXES: tuple[tuple[str, str], ...] = (
    (".warc.gz", "warc"),
    (".warc", "warc"),
    (".zip", "zip"),
    (".jsonl", "jsonl"),
    (".ndjson", "jsonl"),
    (".json", "json"),
    (".html", "html"),
    (".htm", "html"),
    (".xhtml", "html"),
    (".txt", "text"),
    (".text", "text"),
)


def kind_of(name: str) -> str | None:
    """The reader a file name asks for (``None``: look at the content)."""
    lower = name.lower()
    for suffix, kind in _SUFFIXES:
        if lower.endswith(suffix):
            return kind
    if lower.endswith(".gz"):
        return "gz"
    return None


def sniff(head: bytes) -> str:
    """The kind of a file from its first bytes: archives by signature, HTML by its opening tag,
    anything else is tried as text (and rejected as ``binary`` if it is not)."""
    from marsad.ingest.html import looks_like_html

    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(b"\x1f\x8b"):
        return "gz"
    if head.startswith(b"WARC/"):
        return "warc"
    if looks_like_html(head):
        return "html"
    return "text"


def read_path(item: str, settings: Settings) -> Iterator[Article | Reject]:
    """A file or a folder given on the command line."""
    path = Path(item)
    try:
        if path.is_dir():
            yield from _read_dir(path, settings)
            return
        if not path.exists():
            yield Reject(item, "not_found", f"no such file or folder: {item}")
            return
        yield from _read_file(item, path, settings)
    except PermissionError as exc:
        yield Reject(item, "unreadable", f"permission denied: {exc.filename or item}")


def _read_dir(root: Path, settings: Settings) -> Iterator[Article | Reject]:
    found = False
    for path in walk(root):
        found = True
        yield from _read_file(str(path), path, settings)
    if not found:
        yield Reject(str(root), "empty", "the folder holds no (visible) files")


# documentation that sits beside articles in a folder is not an article
_NOT_ARTICLES = (".md", ".rst")
_NOT_ARTICLE_STEMS = frozenset({"readme", "license", "notice", "copying", "manifest"})


def is_documentation(name: str) -> bool:
    lower = name.lower()
    return lower.endswith(_NOT_ARTICLES) or lower.split(".")[0] in _NOT_ARTICLE_STEMS


def walk(root: Path) -> Iterator[Path]:
    """Every visible article file under ``root``, recursively, in sorted order (deterministic).

    README/LICENSE/NOTICE files and Markdown are skipped: a folder of articles often carries
    them, and they are not news."""
    for dirpath, dirnames, filenames in os.walk(root, onerror=_walk_error):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            path = Path(dirpath) / name
            # regular files only: a FIFO or socket in a folder would block the batch
            if not name.startswith(".") and not is_documentation(name) and path.is_file():
                yield path


def _walk_error(exc: OSError) -> None:
    log.warning("cannot list %s: %s", exc.filename, exc.strerror)


def _read_file(name: str, path: Path, settings: Settings) -> Iterator[Article | Reject]:
    kind = kind_of(name)
    try:
        size = path.stat().st_size
        if kind not in CONTAINERS and size > settings.max_bytes:
            # checked before reading anything
            yield Reject(name, "too_large", f"{size} bytes, over max_bytes={settings.max_bytes}")
            return
        fh = path.open("rb")
    except PermissionError as exc:
        yield Reject(name, "unreadable", f"permission denied: {exc.filename or name}")
        return
    except OSError as exc:
        yield Reject(name, "unreadable", f"{exc.strerror or exc}")
        return
    with fh:
        try:
            yield from dispatch(name, fh, settings, 0, kind)
        except OSError as exc:
            yield Reject(name, "unreadable", f"read error: {exc.strerror or exc}")


def dispatch(
    name: str, fh: IO[bytes], settings: Settings, depth: int, kind: str | None
) -> Iterator[Article | Reject]:
    """Read one stream whose kind is known (from its name) or guessed from its first bytes."""
    if kind is None:
        kind = kind_of(name)
    if kind is None:
        head = fh.read(1024)
        fh = _rewound(fh, head)
        kind = sniff(head)
    limit = settings.max_bytes * CONTAINER_FACTOR
    if kind == "jsonl":
        yield from read_jsonl(name, _seekable(fh, limit, name), settings)
    elif kind == "warc":
        yield from read_warc(name, fh, settings)
    elif kind == "zip":
        yield from read_zip(name, _seekable(fh, limit, name), settings, depth, dispatch, limit)
    elif kind == "gz":
        inner = kind_of(name[:-3]) if name.lower().endswith(".gz") else None
        yield from read_gzip(name, fh, settings, depth, dispatch, inner)
    else:
        try:
            data = read_bounded(fh, limit if kind == "json" else settings.max_bytes, name)
            if kind == "json":
                yield from read_json(name, data, settings)
            elif kind == "html":
                yield html_article(name, data, settings)
            else:
                yield text_article(name, data, settings)
        except Rejected as exc:
            yield Reject(name, exc.reason, exc.detail)


def html_article(name: str, data: bytes, settings: Settings) -> Article:
    from marsad.ingest.html import decode_html, extract

    decoded = decode_html(data)
    page = extract(decoded.text)
    check_text(page.text, settings, "main text of the page")
    return Article(
        text=page.text,
        source=Source(
            path=name,
            url=page.url,
            outlet=page.sitename,
            published=page.date or settings.published,
            encoding=decoded.encoding,
        ),
    )


def _rewound(fh: IO[bytes], head: bytes) -> IO[bytes]:
    if fh.seekable():
        fh.seek(0)
        return fh
    return io.BufferedReader(_Chain(head, fh))  # type: ignore[type-var]  # a RawIOBase is what it buffers  # buffered: read(n) then loops to n bytes


def _seekable(fh: IO[bytes], limit: int, name: str) -> IO[bytes]:
    if fh.seekable():
        return fh
    return io.BytesIO(read_bounded(fh, limit, name))


class _Chain(io.RawIOBase):
    """``head`` followed by the rest of a non-seekable stream."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head, self._rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, b: bytearray) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(b), len(self._head))
            b[:n], self._head = self._head[:n], self._head[n:]
            return n
        data = self._rest.read(len(b))
        b[: len(data)] = data
        return len(data)
