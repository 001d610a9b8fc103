"""Terminal tables for the query commands, with Arabic kept readable.

Bidi decision: text is printed in logical order and the terminal's bidi algorithm shapes and
orders it (GNOME Terminal/VTE, Konsole, mlterm and Windows Terminal do; xterm does not). What a
table adds on a terminal is a right-to-left isolate (U+2067 RLI … U+2069 PDI) around every
cell that holds Arabic, so the cell reads right to left even when it starts with a digit or a
Latin name, and cannot drag its neighbours' digits and Latin ids across the column boundary. When standard output is not a terminal (a pipe, a file) no marks
are added: the output stays byte-identical to the stored text.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Sequence
from typing import IO, Any

_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
RLI, PDI = "\u2067", "\u2069"


def width(s: str) -> int:
    """Columns a string takes: combining marks (Arabic harakat) take none, wide CJK two."""
    w = 0
    for c in s:
        if unicodedata.combining(c) or c in "\u200b\u200c\u200d\u200e\u200f\u2066\u2067\u2068\u2069":
            continue
        w += 2 if unicodedata.east_asian_width(c) in "WF" else 1
    return w


def clip(s: str, limit: int) -> str:
    s = " ".join(str(s).split())
    if width(s) <= limit:
        return s
    out, w = [], 0
    for c in s:
        cw = 0 if unicodedata.combining(c) else 1
        if w + cw > limit - 1:
            break
        out.append(c)
        w += cw
    return "".join(out) + "…"


def isolate(s: str, on: bool) -> str:
    return f"{RLI}{s}{PDI}" if on and _ARABIC.search(s) else s


def table(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[tuple[str, str, int]],
    out: IO[str] | None = None,
    *,
    isolates: bool | None = None,
) -> None:
    """Print ``rows`` under ``columns`` = (key, header, max width); the last column is not padded."""
    out = out or sys.stdout
    if isolates is None:
        isolates = out.isatty()
    cells = [[clip("" if r.get(k) is None else str(r.get(k)), w) for k, _h, w in columns] for r in rows]
    widths = [
        max([width(h)] + [width(c[i]) for c in cells]) for i, (_k, h, _w) in enumerate(columns)
    ]

    def line(values: Sequence[str]) -> str:
        parts = []
        for i, v in enumerate(values):
            pad = "" if i == len(values) - 1 else " " * (widths[i] - width(v))
            parts.append(isolate(v, isolates) + pad)
        return "  ".join(parts).rstrip()

    out.write(line([h for _k, h, _w in columns]) + "\n")
    out.write(line(["-" * w for w in widths]) + "\n")
    for c in cells:
        out.write(line(c) + "\n")
