"""The step contract and the pipeline that runs steps in order with an error policy.

A step is anything with ``name``, ``version``, ``__call__(doc) -> doc`` and ``pipe(docs)``.
:class:`Step` gives ``pipe`` for free; a step with a faster batched path overrides it.
"""

from __future__ import annotations

import logging
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from marsad.document import Article, Document
from marsad.errors import MarsadError, Rejected

log = logging.getLogger(__name__)


@runtime_checkable
class StepLike(Protocol):
    name: str
    version: str

    def __call__(self, doc: Document) -> Document: ...

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]: ...


class Step:
    """Base class: subclasses set ``name`` and ``version`` and implement ``__call__``."""

    name: str = "step"
    version: str = "0"

    def __call__(self, doc: Document) -> Document:  # pragma: no cover - abstract
        raise NotImplementedError

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)

    @property
    def label(self) -> str:
        return f"{self.name}.v{self.version}"


class FunctionStep(Step):
    """Wrap a plain ``doc -> doc`` function as a step."""

    def __init__(self, name: str, version: str, fn: Callable[[Document], Document]) -> None:
        self.name, self.version, self._fn = name, version, fn

    def __call__(self, doc: Document) -> Document:
        return self._fn(doc)


@dataclass(frozen=True, slots=True)
class Reject:
    """A document (or input) that was dropped, and why."""

    source: str
    reason: str
    detail: str = ""
    step: str | None = None
    id: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return {
            "source": self.source,
            "reason": self.reason,
            "detail": self.detail,
            "step": self.step,
            "id": self.id,
        }


@dataclass
class Outcome:
    """What a pipeline run over one article produced: a document or a reject."""

    document: Document | None = None
    reject: Reject | None = None


@dataclass
class Pipeline:
    steps: list[StepLike]
    error_policy: str = "reject"  # or "raise"
    counters: Counter[str] = field(default_factory=Counter)
    seconds: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.steps]

    def components(self) -> list[dict[str, str]]:
        return [{"name": s.name, "version": s.version} for s in self.steps]

    def run(self, doc: Document) -> Document:
        """Run every step on one document; exceptions propagate (the caller applies the policy)."""
        for step in self.steps:
            t0 = time.perf_counter()
            doc = step(doc)
            self.seconds[step.name] += time.perf_counter() - t0
            self.counters[f"{step.name}.done"] += 1
        doc.pipeline = self.components()
        return doc

    def process(self, article: Article) -> Outcome:
        """Run one article through, applying the error policy."""
        doc = Document.from_article(article)
        where = article.source.path or article.source.url or doc.id
        current = "start"
        try:
            for step in self.steps:
                current = step.name
                t0 = time.perf_counter()
                doc = step(doc)
                self.seconds[step.name] += time.perf_counter() - t0
                self.counters[f"{step.name}.done"] += 1
        except Rejected as exc:
            self.counters[f"{current}.rejected"] += 1
            return Outcome(reject=Reject(where, exc.reason, exc.detail, current, doc.id))
        except Exception as exc:  # noqa: BLE001 - the policy decides
            if self.error_policy == "raise":
                raise
            self.counters[f"{current}.failed"] += 1
            log.warning("step %s failed on %s: %s", current, where, exc, exc_info=True)
            reason = "error" if not isinstance(exc, MarsadError) else type(exc).__name__
            return Outcome(reject=Reject(where, reason, f"{type(exc).__name__}: {exc}", current, doc.id))
        doc.pipeline = self.components()
        return Outcome(document=doc)

    def pipe(self, articles: Iterable[Article]) -> Iterator[Outcome]:
        for article in articles:
            yield self.process(article)
