"""Standard input (``-``): JSON Lines when every non-blank line is a JSON object, else one text.

The input is spooled (to memory, then to a temporary file past 16 MB) so that a long JSONL
feed is streamed line by line, never held whole.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterator
from typing import IO

from marsad.document import Article
from marsad.errors import Rejected
from marsad.ingest.jsonl import bounded_lines, jsonl_lines
from marsad.ingest.text import text_article
from marsad.pipeline import Reject
from marsad.settings import Settings

NAME = "<stdin>"


def read_stdin(settings: Settings, stream: IO[bytes] | None = None) -> Iterator[Article | Reject]:
    source = stream if stream is not None else _stdin_bytes()
    with tempfile.SpooledTemporaryFile(max_size=16 << 20) as spool:
        all_objects = True
        seen = 0
        size = 0
        for line in bounded_lines(source, settings.max_bytes):  # type: ignore[arg-type]
            spool.write(line)
            size += len(line)
            body = line.strip().removeprefix(b"\xef\xbb\xbf")
            if body:
                seen += 1
                # a line that starts like an object counts as one: if it is broken (truncated)
                # JSON it becomes a bad_json reject, rather than turning the feed into one text
                all_objects = all_objects and body.startswith(b"{")
        spool.seek(0)
        if seen and all_objects:
            yield from jsonl_lines(NAME, bounded_lines(spool, settings.max_bytes), settings)  # type: ignore[arg-type]
            return
        try:
            if size > settings.max_bytes:
                raise Rejected(
                    "too_large", f"standard input is over max_bytes={settings.max_bytes} bytes"
                )
            yield text_article(NAME, spool.read(), settings)
        except Rejected as exc:
            yield Reject(NAME, exc.reason, exc.detail)


def _stdin_bytes() -> IO[bytes]:
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        return buffer  # type: ignore[no-any-return]
    import io

    return io.BytesIO(sys.stdin.read().encode("utf-8"))  # a text-only stand-in (tests, IDEs)
