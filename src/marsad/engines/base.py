"""The engine contract: map a function over batches, in order, one result (or error) per batch.

A failing batch never stops the run: its :class:`BatchResult` carries the error text and the
caller decides (the ingest records the batch's articles as rejects and leaves its shard
unmarked, so a rerun tries it again). Results come back in input order whatever the engine,
so the single writer stores the same rows in the same order everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar, runtime_checkable

from marsad.errors import ConfigError

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class BatchResult(Generic[R]):
    """The outcome of one batch: ``value`` when it ran, ``error`` when it did not."""

    index: int
    value: R | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@runtime_checkable
class Engine(Protocol):
    name: str
    workers: int

    def map_batches(self, fn: Callable[[Any], R], batches: Iterable[Any]) -> Iterator[BatchResult[R]]:
        """``fn(batch)`` for every batch, yielded in input order; consumes ``batches`` lazily."""
        ...

    def close(self) -> None: ...


def describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


def make_engine(name: str = "local", *, workers: int = 1, address: str | None = None) -> Engine:
    """``local`` (in-process for 1 worker, a process pool otherwise) or ``ray``."""
    if workers < 1:
        raise ConfigError(f"--workers must be at least 1, got {workers}")
    if name == "local":
        if address:
            raise ConfigError("--ray-address needs --engine ray")
        from marsad.engines.local import LocalEngine

        return LocalEngine(workers=workers)
    if name == "ray":
        from marsad.engines.ray_engine import RayEngine

        return RayEngine(workers=workers, address=address)
    raise ConfigError(f"unknown engine {name!r}: choose local or ray")
