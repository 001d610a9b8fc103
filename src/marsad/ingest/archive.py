"""Zip archives and gzip-compressed files: members are read like files of the same name.

A member's source path is ``archive.zip!dir/member.txt``. Member sizes are checked against
the zip headers before anything is decompressed, and every reader bounds what it reads in
case a header lies (zip bombs).
"""

from __future__ import annotations

import gzip
import logging
import zipfile
from collections.abc import Callable, Iterator
from typing import IO

from marsad.document import Article
from marsad.pipeline import Reject
from marsad.settings import Settings

log = logging.getLogger(__name__)

MAX_DEPTH = 3  # archives inside archives inside archives: deeper is refused

# (source name, binary stream, settings, nesting depth, kind or None to guess) → items
Dispatch = Callable[[str, IO[bytes], Settings, int, str | None], Iterator[Article | Reject]]


def is_hidden(path: str) -> bool:
    """Hidden files and folders (``.git``, ``.DS_Store``) and macOS resource forks."""
    return any(part.startswith(".") or part == "__MACOSX" for part in path.split("/") if part)


def read_zip(
    name: str, fh: IO[bytes], settings: Settings, depth: int, dispatch: Dispatch, limit: int
) -> Iterator[Article | Reject]:
    """Every member, in name order; ``limit`` bounds the size of any member."""
    try:
        archive = zipfile.ZipFile(fh)
    except (zipfile.BadZipFile, OSError) as exc:
        yield Reject(name, "unreadable", f"not a readable zip archive: {exc}")
        return
    with archive:
        members = sorted(
            (m for m in archive.infolist() if not m.is_dir() and not is_hidden(m.filename)),
            key=lambda m: m.filename,
        )
        if not members:
            yield Reject(name, "empty", "the zip archive has no files")
            return
        for member in members:
            where = f"{name}!{member.filename}"
            if depth >= MAX_DEPTH:
                yield Reject(where, "unreadable", f"archives nested deeper than {MAX_DEPTH} levels")
                continue
            if member.file_size > limit:
                yield Reject(
                    where, "too_large", f"the member has {member.file_size} bytes, over {limit}"
                )
                continue
            try:
                with archive.open(member) as raw:
                    yield from dispatch(where, raw, settings, depth + 1, None)
            except (
                zipfile.BadZipFile,
                RuntimeError,
                NotImplementedError,
                OSError,
                EOFError,
            ) as exc:
                # RuntimeError: encrypted; NotImplementedError: unknown compression method
                yield Reject(where, "unreadable", f"cannot extract the member: {exc}")


def read_gzip(
    name: str, fh: IO[bytes], settings: Settings, depth: int, dispatch: Dispatch, kind: str | None
) -> Iterator[Article | Reject]:
    """``feed.jsonl.gz`` is read as JSONL, ``page.html.gz`` as HTML (``kind``), and so on."""
    if depth >= MAX_DEPTH:
        yield Reject(name, "unreadable", f"compressed files nested deeper than {MAX_DEPTH} levels")
        return
    try:
        with gzip.GzipFile(fileobj=fh) as gz:
            yield from dispatch(name, gz, settings, depth + 1, kind)  # type: ignore[arg-type]
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield Reject(name, "unreadable", f"not a readable gzip file: {exc}")
