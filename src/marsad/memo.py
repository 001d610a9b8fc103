"""Word caches that stay cheap for the cyclic garbage collector.

``functools.lru_cache(maxsize=N)`` keeps a linked-list node (a list, which the collector tracks)
per entry, so a cache of 200,000 words makes every full collection walk 200,000 more objects:
on a corpus that cost more than the lookups saved. An unbounded ``lru_cache`` is a plain dict
in C with no nodes; its keys are words and its values tuples of atoms, which CPython stops
tracking. :func:`word_cache` makes one and records its size limit; :func:`trim` empties the
caches that reached it, and is called once per document by the step that uses them.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


def word_cache(maxsize: int) -> Callable[[F], F]:
    """Memoize a pure function of words; :func:`trim` bounds it to about ``maxsize`` entries."""

    def decorate(fn: F) -> F:
        cached = lru_cache(maxsize=None)(fn)
        cached.limit = maxsize  # type: ignore[attr-defined]
        return cached  # type: ignore[return-value]

    return decorate


def trim(*cached: Callable[..., Any]) -> None:
    """Empty each :func:`word_cache` that holds ``maxsize`` entries or more."""
    for fn in cached:
        if fn.cache_info().currsize >= fn.limit:  # type: ignore[attr-defined]
            fn.cache_clear()  # type: ignore[attr-defined]


def tune_gc_for_batches() -> None:
    """Raise the garbage collector's first threshold for long batch runs.

    The NER and segmentation caches keep ~10^5 small objects alive, and CPython's default
    threshold (700) walks them over and over: measured at ~10 ms per article
    (benchmarks/bench_pipeline.py --gc-threshold 10000). Called by the command line and by
    engine workers, never by library code on import: it changes process-wide state.
    """
    import gc

    if gc.get_threshold()[0] < 10_000:
        gc.set_threshold(10_000, 10, 10)
