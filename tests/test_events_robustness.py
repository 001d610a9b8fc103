"""Real articles that once crashed the events step: a whole article must be analysed, never rejected
because of the coder's own index arithmetic (the corpus is CC BY-NC-SA: read it, don't ship it)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from marsad.analyze import analyze_text

# (day archive, article index): an agency sign-off line ending in tag words ("سمات إيران المملكة
# وزير الخارجية") left fewer than six tokens after a trigger for the nationality look-ahead.
CRASHED = [("2015-07-31", 147)]


@pytest.mark.parametrize(("day", "index"), CRASHED)
def test_article_that_crashed_the_events_step(data_dir: Path, day: str, index: int) -> None:
    archive = data_dir / "saudinewsnet" / "dataset" / f"{day}.zip"
    with zipfile.ZipFile(archive) as zf:
        text = json.loads(zf.read(f"{day}.json"))[index]["content"]
    doc = analyze_text(text)
    doc.check_offsets()
    assert doc.events, "the article reports meetings and statements"
