"""Known names whose first letter is a proclitic letter stay whole (resources/segment/names_keep.txt)."""

from __future__ import annotations

import pytest

from marsad.clitics import load_model
from marsad.normalize import match_key
from marsad.segment import tokens


def parts(text: str) -> list[list[str]]:
    return [[text[a:b] for a, b in t.parts] or [text[t.start : t.end]] for t in tokens(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال بايدن", [["قال"], ["بايدن"]]),  # not ب + ايدن
        ("وبايدن", [["و", "بايدن"]]),  # the conjunction still goes
        ("التقى فانس", [["التقى"], ["فانس"]]),  # not ف + انس
        ("ووليام", [["و", "وليام"]]),
        ("وكامالا هاريس", [["و", "كامالا"], ["هاريس"]]),
        ("باقري", [["باقري"]]),
        ("وباسم", [["و", "ب", "اسم"]]),  # "in the name of": not a listed name, split as before
        ("وبالأمم", [["و", "ب", "الأمم"]]),
    ],
)
def test_listed_names_stay_whole(text: str, expected: list[list[str]]) -> None:
    assert parts(text) == expected


def test_the_name_list_is_loaded_as_match_keys_and_has_no_common_words() -> None:
    model = load_model()
    assert match_key("وائل") in model.names and match_key("بايدن") in model.names
    # no listed name is one of the segmenter's function words or among its most frequent words
    top = {w for w, _ in sorted(model.freq.items(), key=lambda kv: -kv[1])[:5000]}
    assert not model.names & model.keep
    assert not model.names & top, sorted(model.names & top)
