"""A title holder set off by commas after the title's complement (Jawhara FM, 2017:
"نائب حركة النهضة عن ولاية سوسة، العجمي الوريمي،", "لمبعوثة الجوهرة أف أم لهذه التظاهرة، نهلة
بوغنجة،"). Sentences are written for these tests."""

from __future__ import annotations

import pytest

from entities_support import analyse_story, entity_with


@pytest.mark.parametrize(
    ("body", "title", "name", "country"),
    [
        ("وأكد نائب حركة النهضة عن ولاية سوسة، العجمي الوريمي، أن الحركة تدعم الحكومة.",
         "نائب حركة النهضة", "العجمي الوريمي", "TUN"),
        ("وقال وزير الخارجية الإيراني في مؤتمر صحفي، عباس موسوي، إن بلاده لن تتفاوض.",
         "وزير الخارجية الإيراني", "عباس موسوي", "IRN"),
        ("وقال وزير الخارجية الإيراني، سامي الحسيني، إن بلاده لن تتفاوض تحت الضغط.",
         "وزير الخارجية الإيراني", "سامي الحسيني", "IRN"),
    ],
)
def test_the_name_between_commas_holds_the_title(body: str, title: str, name: str, country: str) -> None:
    doc = analyse_story(body, names={tuple(name.split()): "PER"})
    person = entity_with(doc, name)
    assert entity_with(doc, title) is person
    assert person.country == country


def test_a_name_after_a_clause_is_not_the_titles_holder() -> None:
    body = "وقال وزير الخارجية المصري إن بلاده ترفض، محمد السيد، ذلك القرار."
    doc = analyse_story(body, names={("محمد", "السيد"): "PER"})
    assert entity_with(doc, "محمد السيد") is not entity_with(doc, "وزير الخارجية المصري")
    assert entity_with(doc, "محمد السيد").country is None
