"""The clean step: boilerplate spans and the dateline, without touching the text.

When the caller gave no publication date and the dateline carries a full date (year included),
that date becomes ``source.published``; a dateline date without a year is completed only from a
publication date the caller gave, never invented.
"""

from __future__ import annotations

import dataclasses
import logging

from marsad.boilerplate import find_boilerplate
from marsad.dateline import find_dateline
from marsad.document import Document
from marsad.pipeline import Step

log = logging.getLogger(__name__)


class CleanStep(Step):
    """Sets ``doc.boilerplate`` and ``doc.dateline``; may set ``doc.source.published``."""

    name = "clean"
    version = "1"

    def __call__(self, doc: Document) -> Document:
        doc.boilerplate = find_boilerplate(doc.text)
        published = doc.source.published
        dateline = find_dateline(doc.text, published)
        if dateline is not None and doc.in_boilerplate(dateline.start, dateline.end):
            dateline = None
        doc.dateline = dateline
        if published is None and dateline is not None and dateline.date is not None:
            doc.source = dataclasses.replace(doc.source, published=dateline.date)
            log.debug("%s: publication date %s read from the dateline", doc.id, dateline.date)
        return doc
