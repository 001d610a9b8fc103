"""Assemble the default analysis pipeline, and analyse one text in a single call.

The steps run in the order of the data flow: language → clean (boilerplate, dateline) →
segment (sentences, tokens, clitics) → entities → events and quotes.
"""

from __future__ import annotations

from marsad.document import Article, Document, Source
from marsad.errors import Rejected
from marsad.pipeline import Pipeline, StepLike
from marsad.settings import Settings


def default_steps(settings: Settings) -> list[StepLike]:
    """The full pipeline. Imports are local so that ``import marsad`` stays cheap."""
    from marsad.clean import CleanStep
    from marsad.entities.step import EntityStep
    from marsad.events.step import EventStep
    from marsad.lang import LanguageStep
    from marsad.segment import SegmentStep

    steps: list[StepLike] = [
        LanguageStep(),
        CleanStep(),
        SegmentStep(),
        EntityStep(neural=settings.ner_neural),
        EventStep(settings),
    ]
    return steps


def build_pipeline(settings: Settings | None = None) -> Pipeline:
    settings = settings or Settings()
    return Pipeline(default_steps(settings), error_policy=settings.error_policy)


def analyze_text(
    text: str,
    *,
    published: str | None = None,
    doc_id: str | None = None,
    pipeline: Pipeline | None = None,
) -> Document:
    """Analyse one text; raises :class:`Rejected` if the pipeline drops it."""
    pipeline = pipeline or build_pipeline()
    outcome = pipeline.process(Article(text=text, source=Source(published=published), id=doc_id))
    if outcome.document is None:
        assert outcome.reject is not None
        raise Rejected(outcome.reject.reason, outcome.reject.detail)
    return outcome.document
