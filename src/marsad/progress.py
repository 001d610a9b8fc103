"""Progress bars on stderr for long jobs (tqdm), silent when asked or when not a terminal."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def progress(
    items: Iterable[T], *, desc: str, disable: bool = False, total: int | None = None, unit: str = "it"
) -> Iterator[T]:
    if disable:
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, desc=desc, total=total, unit=unit, file=sys.stderr, dynamic_ncols=True, leave=False)
