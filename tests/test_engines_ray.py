"""The Ray engine in local mode stores exactly what the local engine stores."""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path

import pytest

from corpus_fakes import make_records, write_jsonl
from marsad.engines import make_engine
from marsad.settings import Settings
from marsad.store.loader import ingest
from marsad.store.repository import Repository

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("ray") is None,
    reason="ray is not installed: pip install 'marsad[ray]' to test the Ray engine",
)


def test_ray_and_local_store_the_same_rows(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", make_records(60, seed=11))
    settings = Settings(batch_size=8, quiet=True)
    snaps = {}
    for name, workers in (("local", 1), ("ray", 2)):
        t0 = time.perf_counter()
        engine = make_engine(name, workers=workers)
        try:
            with Repository(tmp_path / f"{name}.db") as repo:
                summary = ingest([str(src)], repo, engine, settings)
                snaps[name] = repo.snapshot()
        finally:
            engine.close()
        assert summary.failed_batches == 0
        print(f"{name}: {time.perf_counter() - t0:.1f} s")  # ray: start-up ~5 s
    assert snaps["ray"]["documents"], "something was stored"
    assert snaps["ray"] == snaps["local"]


@pytest.mark.slow  # a second Ray start-up (~5-12 s)
def test_ray_rerun_resumes_from_shard_markers(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", make_records(30, seed=5))
    settings = Settings(batch_size=8, quiet=True)
    with Repository(tmp_path / "r.db") as repo:
        local = make_engine("local")
        first = ingest([str(src)], repo, local, settings)
        ray = make_engine("ray", workers=1)
        try:
            again = ingest([str(src)], repo, ray, settings)
        finally:
            ray.close()
    assert first.stored > 0
    assert again.stored == 0 and again.shards_resumed == again.shards == first.shards
