"""The local engine: order, per-batch errors, a dying worker that must not hang the run."""

from __future__ import annotations

import os
import sys

import pytest

from marsad.engines import make_engine
from marsad.engines.local import LocalEngine
from marsad.errors import ConfigError, MissingExtra


def square_all(batch: list[int]) -> list[int]:
    if -1 in batch:
        raise ValueError("bad batch")
    if -9 in batch:
        os._exit(1)  # the worker process dies
    return [x * x for x in batch]


BATCHES = [[1, 2], [3], [-1], [4, 5], [-9], [6]]


@pytest.mark.parametrize("workers", [1, 2])
def test_results_in_order_with_errors_captured(workers: int) -> None:
    batches = [b for b in BATCHES if -9 not in b]
    with LocalEngine(workers) as engine:
        results = list(engine.map_batches(square_all, iter(batches)))
    assert [r.index for r in results] == list(range(len(batches)))
    assert [r.value for r in results if r.ok] == [[1, 4], [9], [16, 25], [36]]
    (bad,) = [r for r in results if not r.ok]
    assert bad.index == 2 and "ValueError: bad batch" in (bad.error or "")


def test_a_dying_worker_fails_only_its_batch() -> None:
    with LocalEngine(2) as engine:
        results = list(engine.map_batches(square_all, BATCHES))
    assert [r.index for r in results] == list(range(len(BATCHES)))
    errors = {r.index: r.error for r in results if not r.ok}
    assert set(errors) == {2, 4}
    assert "worker died" in (errors[4] or "")
    assert [r.value for r in results if r.ok] == [[1, 4], [9], [16, 25], [36]]


def test_lazy_input_and_bounded_flight() -> None:
    pulled = []

    def gen():
        for i in range(50):
            pulled.append(i)
            yield [i]

    with LocalEngine(2, in_flight=3) as engine:
        it = engine.map_batches(square_all, gen())
        next(it)
        assert len(pulled) <= 4  # not the whole input
        assert [r.value for r in it][-1] == [49 * 49]


def test_make_engine_choices() -> None:
    assert make_engine("local", workers=3).workers == 3
    with pytest.raises(ConfigError):
        make_engine("spark")
    with pytest.raises(ConfigError):
        make_engine("local", workers=0)
    with pytest.raises(ConfigError):
        make_engine("local", address="ray://x:1")


def test_ray_missing_is_an_actionable_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray -> ImportError
    with pytest.raises(MissingExtra, match=r"marsad\[ray\]"):
        make_engine("ray")
