"""Ingest a corpus into the store: read → shard → analyse on an engine → one writer.

Resumability (datatrove style): the input stream is cut into deterministic shards of
``batch_size`` items (articles and reader rejects, in reader order). A shard is written in one
transaction together with its completion marker, keyed by a run key (inputs with their sizes
and mtimes, reader settings, pipeline key, batch size). A rerun of the same command skips
marked shards without analysing them; for the rest, documents already stored by the same
pipeline are skipped by id before analysis and again at write time. So a kill -9 at any
moment, then the same command, ends with every article stored once.

Workers receive an :class:`AnalyzeBatch` (picklable: settings and the dotted name of a pipeline
factory), build the pipeline once per process, and return :class:`~marsad.store.records.Prepared`
records, so the writer only runs SQL. Near-duplicates are decided by the writer, in storage
order, against every document stored before: the same decisions whatever the engine.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import logging
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from marsad.document import Article
from marsad.engines.base import Engine
from marsad.pipeline import Pipeline, Reject
from marsad.settings import Settings
from marsad.store import stories
from marsad.store.records import Prepared, prepare
from marsad.store.repository import Repository

log = logging.getLogger(__name__)

DEFAULT_FACTORY = "marsad.analyze:build_pipeline"

_PIPELINES: dict[str, Pipeline] = {}  # per process: built once, reused for every batch


Factory = str | Callable[[Settings], Pipeline]


def _resolve(factory: Factory) -> Callable[[Settings], Pipeline]:
    if callable(factory):
        return factory
    module, _, name = factory.partition(":")
    fn: Callable[[Settings], Pipeline] = getattr(importlib.import_module(module), name)
    return fn


@dataclass(frozen=True)
class AnalyzeBatch:
    """The function engines run: a batch of articles → prepared documents and rejects."""

    settings: Settings
    factory: Factory = DEFAULT_FACTORY  # "module:function" (or a picklable callable)

    @property
    def _key(self) -> str:
        return f"{self.factory}|{self.settings!r}"

    def pipeline(self) -> Pipeline:
        p = _PIPELINES.get(self._key)
        if p is None:
            p = _PIPELINES[self._key] = _resolve(self.factory)(self.settings)
        return p

    def __call__(self, batch: Sequence[Article]) -> list[Prepared | Reject]:
        pipeline = self.pipeline()
        out: list[Prepared | Reject] = []
        for article in batch:
            outcome = pipeline.process(article)
            if outcome.document is None:
                assert outcome.reject is not None
                out.append(outcome.reject)
                continue
            try:
                out.append(prepare(outcome.document))
            except Exception as exc:  # noqa: BLE001 - one bad document must not sink the batch
                if self.settings.error_policy == "raise":
                    raise
                where = article.source.path or article.source.url or article.doc_id
                out.append(Reject(where, "error", f"{type(exc).__name__}: {exc}", "store", article.doc_id))
        return out


@dataclass
class IngestSummary:
    read: int = 0  # items the readers gave (articles and reader rejects)
    stored: int = 0
    replaced: int = 0
    skipped: int = 0  # already present (same id, same pipeline)
    rejected: int = 0
    exact_duplicates: int = 0
    near_duplicates: int = 0
    failed_batches: int = 0
    shards: int = 0
    shards_resumed: int = 0  # skipped whole: marked done by an earlier run
    stories: int = 0
    seconds: float = 0.0
    pipeline: str = ""
    steps: list[str] = field(default_factory=list)

    @property
    def duplicates(self) -> int:
        return self.exact_duplicates + self.near_duplicates

    @property
    def rate(self) -> float:
        """Articles analysed or checked per second of wall time."""
        return self.read / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["duplicates"] = self.duplicates
        d["articles_per_second"] = round(self.rate, 1)
        return d


@dataclass
class _Shard:
    index: int
    items: int
    todo: list[Article]
    rejects: list[Reject]
    skipped: int
    done: bool = False


def run_key(inputs: Sequence[str], settings: Settings, pipeline: str, batch_size: int) -> str | None:
    """What identifies a run for resuming; ``None`` when an input is a stream (stdin)."""
    parts: list[Any] = [pipeline, batch_size, settings.max_bytes, settings.min_chars, settings.published]
    for item in inputs:
        if item == "-":
            return None
        path = Path(item)
        if path.is_dir():
            from marsad.ingest.dispatch import walk

            parts.append([str(path.resolve())] + [_stat(p, path) for p in walk(path)])
        else:
            parts.append(_stat(path, None))
    return hashlib.sha256(json.dumps(parts, default=str).encode("utf-8")).hexdigest()[:16]


def _stat(path: Path, root: Path | None) -> list[Any]:
    name = str(path.relative_to(root)) if root else str(path.resolve())
    try:
        st = path.stat()
    except OSError:
        return [name, None]
    return [name, st.st_size, st.st_mtime_ns]


def _batches(items: Iterable[Article | Reject], size: int) -> Iterator[list[Article | Reject]]:
    batch: list[Article | Reject] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest(
    inputs: Sequence[str],
    repo: Repository,
    engine: Engine,
    settings: Settings | None = None,
    *,
    factory: Factory = DEFAULT_FACTORY,
    items: Iterable[Article | Reject] | None = None,
    show_progress: bool = False,
    on_batch: Callable[[IngestSummary], None] | None = None,
) -> IngestSummary:
    """Analyse and store every article of ``inputs`` (or of ``items``, when given).

    Idempotent and resumable; see the module docstring. ``on_batch`` is called after each
    committed batch (progress reporting, tests).
    """
    settings = settings or Settings()
    size = max(1, settings.batch_size)
    t0 = time.perf_counter()
    analyze = AnalyzeBatch(settings, factory)
    pipeline = analyze.pipeline()  # also what a forked worker inherits
    pkey = repo.ensure_pipeline(pipeline.components())
    summary = IngestSummary(pipeline=pkey, steps=[f"{s.name}.v{s.version}" for s in pipeline.steps])
    run = run_key(inputs, settings, pkey, size) if items is None else None
    if run is not None:
        repo.start_run(run, inputs, pkey, size)
    done = repo.done_shards(run) if run else set()
    # stories are regrouped only for the keys this ingest touched when they were current before
    touched: set[stories.StoryKey] | None = set() if repo.stories_current() else None
    dedup = repo.dedup_index()
    if items is None:
        from marsad.ingest import read_inputs

        items = read_inputs(inputs, settings)

    shards: deque[_Shard] = deque()

    def payloads() -> Iterator[list[Article]]:
        for k, batch in enumerate(_batches(items, size)):
            articles = [a for a in batch if isinstance(a, Article)]
            rejects = [r for r in batch if isinstance(r, Reject)]
            if k in done:
                shards.append(_Shard(k, len(batch), [], [], len(articles), done=True))
                yield []
                continue
            present = repo.present([a.doc_id for a in articles], pkey)
            todo: list[Article] = []
            seen: set[str] = set()
            for a in articles:
                if a.doc_id not in present and a.doc_id not in seen:
                    seen.add(a.doc_id)
                    todo.append(a)
            shards.append(_Shard(k, len(batch), todo, rejects, len(articles) - len(todo)))
            yield todo

    bar = _bar(show_progress and not settings.quiet)
    try:
        for result in engine.map_batches(analyze, payloads()):
            shard = shards.popleft()
            summary.read += shard.items
            summary.shards += 1
            summary.skipped += shard.skipped
            if shard.done:
                summary.shards_resumed += 1
            elif not result.ok:
                summary.failed_batches += 1
                failed = [
                    Reject(a.source.path or a.source.url or a.doc_id, "batch_failed", result.error or "", None, a.doc_id)
                    for a in shard.todo
                ]
                # no shard marker: a rerun tries these articles again
                counts = repo.write_batch([], shard.rejects + failed, pipeline=pkey)
                summary.rejected += counts.rejected
            else:
                value = result.value or []
                docs = [x for x in value if isinstance(x, Prepared)]
                if touched is not None:
                    touched.update(
                        stories.story_key(e.plover, e.source_key, e.target_key, bool(e.symmetric))
                        for d in docs
                        for e in d.events
                    )
                rejects = shard.rejects + [x for x in value if isinstance(x, Reject)]
                counts = repo.write_batch(
                    docs,
                    rejects,
                    pipeline=pkey,
                    dedup=dedup,
                    shard=(run, shard.index, shard.items) if run else None,
                )
                summary.stored += counts.stored
                summary.replaced += counts.replaced
                summary.skipped += counts.skipped
                summary.rejected += counts.rejected
                summary.exact_duplicates += counts.exact_duplicates
                summary.near_duplicates += counts.near_duplicates
            summary.seconds = time.perf_counter() - t0
            if bar is not None:
                bar.update(shard.items)
                bar.set_postfix(
                    stored=summary.stored, skipped=summary.skipped, rejected=summary.rejected,
                    dups=summary.duplicates, refresh=False,
                )  # fmt: skip
            if on_batch is not None:
                on_batch(summary)
    finally:
        if bar is not None:
            bar.close()
    summary.stories = repo.rebuild_stories(None if touched is None or summary.replaced else touched)
    if run is not None:
        repo.finish_run(run)
    summary.seconds = time.perf_counter() - t0
    return summary


def _bar(enabled: bool) -> Any:
    if not enabled:
        return None
    from tqdm import tqdm

    tqdm.monitor_interval = 0  # no monitor thread: the process pool forks from this process
    return tqdm(desc="ingest", unit="art", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)


def cpu_count() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
