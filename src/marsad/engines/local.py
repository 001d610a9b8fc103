"""The local engine: in-process for one worker, a process pool for more.

The pool is :class:`concurrent.futures.ProcessPoolExecutor`, not ``multiprocessing.Pool.map``:
a worker that dies (segfault, OOM kill) makes ``Pool.map`` hang forever, while the executor
raises :class:`BrokenProcessPool`. On that, the batches in flight are retried one at a time in
a fresh pool, so the batch that kills its worker is singled out and reported as an error while
the others complete. At most ``2 × workers`` batches are in flight: the input is read lazily
and memory stays flat however large the corpus.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from marsad.engines.base import BatchResult, describe

log = logging.getLogger(__name__)

R = TypeVar("R")


def _context() -> Any:
    # fork: workers inherit what the parent already loaded (the pipeline it built to learn its
    # version); the parent runs no threads when the pool starts. Elsewhere: spawn.
    methods = mp.get_all_start_methods()
    return mp.get_context("fork" if "fork" in methods else "spawn")


class LocalEngine:
    name = "local"

    def __init__(self, workers: int = 1, *, in_flight: int | None = None) -> None:
        self.workers = max(1, workers)
        self.in_flight = in_flight or 2 * self.workers
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> LocalEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def map_batches(self, fn: Callable[[Any], R], batches: Iterable[Any]) -> Iterator[BatchResult[R]]:
        if self.workers == 1:
            yield from self._serial(fn, batches)
        else:
            yield from self._pooled(fn, batches)

    @staticmethod
    def _serial(fn: Callable[[Any], R], batches: Iterable[Any]) -> Iterator[BatchResult[R]]:
        for i, batch in enumerate(batches):
            try:
                value = fn(batch)
            except Exception as exc:  # noqa: BLE001 - per-batch error capture is the contract
                log.warning("batch %d failed: %s", i, exc, exc_info=True)
                yield BatchResult(i, error=describe(exc))
            else:
                yield BatchResult(i, value)

    def _new_pool(self) -> ProcessPoolExecutor:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=_context())
        return self._pool

    def _pooled(self, fn: Callable[[Any], R], batches: Iterable[Any]) -> Iterator[BatchResult[R]]:
        pool = self._pool or self._new_pool()
        source = enumerate(batches)
        pending: deque[tuple[int, Any, Future[R]]] = deque()

        def refill() -> None:
            while len(pending) < self.in_flight:
                nxt = next(source, None)
                if nxt is None:
                    return
                pending.append((nxt[0], nxt[1], pool.submit(fn, nxt[1])))

        refill()
        while pending:
            i, batch, fut = pending[0]
            try:
                value = fut.result()
            except BrokenProcessPool:
                # every future in flight is lost; find the culprit by retrying them one by one
                lost = list(pending)
                pending.clear()
                log.warning("a worker died; retrying %d batch(es) one at a time", len(lost))
                for j, b, _f in lost:
                    result, pool = self._alone(fn, j, b)
                    yield result
                refill()
                continue
            except Exception as exc:  # noqa: BLE001
                log.warning("batch %d failed: %s", i, exc)
                pending.popleft()
                yield BatchResult(i, error=describe(exc))
            else:
                pending.popleft()
                yield BatchResult(i, value)
            refill()

    def _alone(self, fn: Callable[[Any], R], i: int, batch: Any) -> tuple[BatchResult[R], ProcessPoolExecutor]:
        pool = self._new_pool()
        try:
            return BatchResult(i, pool.submit(fn, batch).result()), pool
        except BrokenProcessPool as exc:
            log.error("batch %d kills its worker; recorded as failed", i)
            return BatchResult(i, error=f"worker died: {describe(exc)}"), self._new_pool()
        except Exception as exc:  # noqa: BLE001
            return BatchResult(i, error=describe(exc)), pool
