"""Bare "السلطات" and the nationality adjectives that begin with أل ("الألمانية").

"السلطات" alone names the government of the story's state only where a dateline or its agency
says which state that is; an outlet's home or the states the text names are not enough (a
Tunisian radio's Morocco story). "السلطات الألمانية" was no entity at all: the adjective
"ألمانية" has the match key "المانيه", which already looks as if it had the article, so its
form with the article ("الالمانيه") was never indexed. Sentences are written for these tests
after Jawhara FM stories about Germany and AFP-style datelined wires.
"""

from __future__ import annotations

import pytest

from entities_support import analyse_story, entity_with


@pytest.mark.parametrize(
    ("place", "agency", "body", "country"),
    [
        ("القاهرة", "أ ش أ", "وقالت السلطات إنها اعتقلت خمسة أشخاص بتهمة التخطيط لهجمات.", "EGY"),
        ("تونس", "وات", "وأكدت السلطات أن التحقيق في الحادث مستمر.", "TUN"),
        (None, "سانا", "وقررت السلطات غلق الطريق الرابط بين المدينتين.", "SYR"),
    ],
)
def test_the_authorities_are_the_datelines_states_government(
    place: str | None, agency: str, body: str, country: str
) -> None:
    e = entity_with(analyse_story(body, place=place, agency=agency), "السلطات")
    assert (e.type, e.country, e.actor) == ("ORG", country, country + "GOV")


@pytest.mark.parametrize(
    "body",
    [
        "وقالت السلطات إنها اعتقلت خمسة أشخاص.",
        "وتظاهر الآلاف في الحسيمة شمال المغرب. وكانت السلطات قد اعتقلت قائد الحراك الاثنين.",
    ],
)
def test_the_authorities_without_a_dateline_are_no_entity(body: str) -> None:
    doc = analyse_story(body)
    assert not any(m.text == "السلطات" for e in doc.entities for m in e.mentions)


@pytest.mark.parametrize(
    ("body", "surface", "country"),
    [
        ("وتشتبه السلطات الألمانية في أن التونسي يقوم بعمليات تجنيد.", "السلطات الألمانية", "DEU"),
        ("وكانت الشرطة الالمانية نفذت فجر الأربعاء خمسين عملية دهم.", "الشرطة الالمانية", "DEU"),
        ("وقال وزير الداخلية الألماني إن الترحيل سيتم قريبا.", "وزير الداخلية الألماني", "DEU"),
    ],
)
def test_german_with_the_article_is_germany(body: str, surface: str, country: str) -> None:
    assert entity_with(analyse_story(body), surface).country == country


def test_a_state_named_elsewhere_does_not_take_the_german_police() -> None:
    body = "قامت الشرطة الألمانية بإعادة رجل تونسي من الطائرة المتوجهة إلى تونس. وقال إن تونس طلبت ترحيله."
    assert entity_with(analyse_story(body), "الشرطة الألمانية").country == "DEU"
