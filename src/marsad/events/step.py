"""The events step: fills ``doc.events`` and ``doc.quotes`` from the rules of this package.

It needs sentences and tokens (``marsad.segment``) and entities (``marsad.entities``); without
a segmenter it splits sentences and words itself, and without entities it still finds triggers
but leaves every argument empty. Documents in another language are left alone, and nothing
inside boilerplate is coded. A user lexicon (same TSV columns as the packaged one) is added
with ``Settings.extra["events_lexicon"]`` (a path or a list of paths) or ``lexicon_paths``;
``Settings.extra["events_indirect_quotes"]`` also reports reported speech as quotes.
``Settings.extra["events_argument_model"]`` (True/False, or the path of a weights file) lets
the learned argument chooser (:mod:`marsad.events.argument_model`) re-choose source and target.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from marsad.document import Document, Sentence
from marsad.events.argument_model import ArgumentModel
from marsad.events.arguments import word_key
from marsad.events.lexicon import Lexicon, load_lexicon
from marsad.events.quotes import _is_participle, is_cue, is_speech_verb
from marsad.events.reader import DocumentReader
from marsad.events.triggers import fallback_sentences, reading_rows, token_facts
from marsad.events.vocabulary import announces as _announces
from marsad.events.vocabulary import is_light_verb as _is_light_verb
from marsad.memo import trim
from marsad.pipeline import Step
from marsad.settings import Settings

log = logging.getLogger(__name__)

#: whether the learned argument chooser runs when the settings do not say (see the module docstring)
ARGUMENT_MODEL_DEFAULT = False


def _paths(value: object) -> tuple[str, ...]:
    if not value:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, Sequence):
        return tuple(str(v) for v in value)
    raise TypeError(f"events_lexicon must be a path or a list of paths, not {type(value).__name__}")


class EventStep(Step):
    """Code events (PLOVER/CAMEO, with trigger evidence and arguments) and quotes."""

    name = "events"
    version = "1"

    def __init__(
        self,
        settings: Settings | None = None,
        lexicon_paths: Sequence[str] = (),
        *,
        indirect_quotes: bool | None = None,
    ) -> None:
        extra = settings.extra if settings is not None else {}
        self.lexicon_paths = _paths(extra.get("events_lexicon")) + tuple(str(p) for p in lexicon_paths)
        # reported speech ("قال إن …") as quotes with direct=False; off by default
        self.indirect_quotes = bool(extra.get("events_indirect_quotes", False)) if indirect_quotes is None else indirect_quotes
        self._lexicon: Lexicon | None = None
        # the learned argument chooser: None (off), True (the packaged weights) or a weights file
        model = extra.get("events_argument_model", ARGUMENT_MODEL_DEFAULT)
        self._argument_model_spec: str | bool = model if isinstance(model, str) else bool(model)
        self._argument_model: ArgumentModel | None = None

    @property
    def lexicon(self) -> Lexicon:
        if self._lexicon is None:
            self._lexicon = load_lexicon(*self.lexicon_paths)
        return self._lexicon

    @property
    def argument_model(self) -> ArgumentModel | None:
        """The argument chooser applied after the rules (loaded on first use), or None."""
        if self._argument_model is None and self._argument_model_spec:
            spec = self._argument_model_spec
            self._argument_model = ArgumentModel.load(spec if isinstance(spec, str) else None)
        return self._argument_model

    @argument_model.setter
    def argument_model(self, model: ArgumentModel | None) -> None:
        self._argument_model, self._argument_model_spec = model, model is not None

    def __call__(self, doc: Document) -> Document:
        if doc.language and doc.language != "ar":
            log.debug("events: %s is %s, not Arabic; skipped", doc.id, doc.language)
            return doc
        if not doc.sentences:
            doc.sentences = [Sentence(s, e) for s, e in fallback_sentences(doc.text)]
        trim(  # bound the word caches
            reading_rows, token_facts, is_speech_verb, _is_participle, is_cue, word_key, _is_light_verb, _announces
        )
        reader = DocumentReader(doc, self.lexicon, indirect_quotes=self.indirect_quotes)
        doc.events, doc.quotes = reader.read()
        model = self.argument_model
        if model is not None and doc.events:
            doc.events = model.apply(doc, reader.mentions, reader.history)
        return doc
