"""The clean step: boilerplate spans and the dateline, without touching the text.

When the caller gave no publication date and the dateline carries a full date (year included),
that date becomes ``source.published``; failing that, a full date on a timestamp line of the
page's head ("الثلاثاء 21 أكتوبر 2025 - 03:15 م" under the headline) does, and it also completes a
dateline date written without a year. Nothing else completes one: a year is never invented.
"""

from __future__ import annotations

import dataclasses
import logging

from marsad.boilerplate import find_boilerplate
from marsad.dateline import find_dateline
from marsad.dates import find_dates
from marsad.document import Boilerplate, Document
from marsad.pipeline import Step

log = logging.getLogger(__name__)


class CleanStep(Step):
    """Sets ``doc.boilerplate`` and ``doc.dateline``; may set ``doc.source.published``."""

    name = "clean"
    version = "1"

    def __call__(self, doc: Document) -> Document:
        doc.boilerplate = find_boilerplate(doc.text)
        published = doc.source.published
        stamped = None if published is not None else _head_timestamp_date(doc.text, doc.boilerplate)
        dateline = find_dateline(doc.text, published or stamped)
        if dateline is not None and doc.in_boilerplate(dateline.start, dateline.end):
            dateline = None
        doc.dateline = dateline
        if published is None and dateline is not None and dateline.date is not None:
            doc.source = dataclasses.replace(doc.source, published=dateline.date)
            log.debug("%s: publication date %s read from the dateline", doc.id, dateline.date)
        elif published is None and stamped is not None:
            doc.source = dataclasses.replace(doc.source, published=stamped)
            log.debug("%s: publication date %s read from the page's timestamp line", doc.id, stamped)
        return doc


_HEAD_CHARS = 400  # a page's timestamp line sits under the headline, near the top


def _head_timestamp_date(text: str, boilerplate: list[Boilerplate]) -> str | None:
    """The full date (day precision, year written) of the first timestamp line near the top."""
    for b in boilerplate:
        if b.start > _HEAD_CHARS:
            break
        if b.kind != "timestamp":
            continue
        for dm in find_dates(text, b.start, b.end):
            if dm.date is not None and dm.precision == "day" and dm.year is not None:
                return dm.date.isoformat()
    return None
