"""The event coder's former single module, kept so that existing imports work.

The reader now lives in small modules (see :mod:`marsad.events.reader` for the order of work):
``reader`` (the document and sentence loop), ``drafting``, ``verbal_roles``, ``doers``,
``objects``, ``finishing``, ``settling``, ``informative``, ``event_building``, ``subjects``,
``reader_core``, ``drafts``, ``lexical_tokens`` and ``vocabulary``.
"""

from __future__ import annotations

from marsad.events.drafts import Draft
from marsad.events.event_building import CODER
from marsad.events.lexical_tokens import WordEntry, lexical_tokens
from marsad.events.reader import DocumentReader
from marsad.events.vocabulary import announces as _announces
from marsad.events.vocabulary import is_light_verb as _is_light_verb

__all__ = ["CODER", "DocumentReader", "Draft", "WordEntry", "_announces", "_is_light_verb", "lexical_tokens"]
