"""Round 11 event rules: reported speech "قالت X إنها تدعم Y", where the subject of the
embedded verb is the pronoun on إن/أن (the speaker) and the name after the verb its object.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from marsad.analyze import analyze_text


def _events(text: str) -> list[tuple[str, str, str | None, str | None, str | None]]:
    doc = analyze_text(text)
    names = {e.id: e.canonical for e in doc.entities}
    return [
        (ev.trigger.text, ev.plover, names.get(ev.source), names.get(ev.target), names.get(ev.location))
        for ev in doc.events
    ]


def _one(text: str, word: str) -> tuple[str, str, str | None, str | None, str | None]:
    found = [e for e in _events(text) if word in e[0]]
    assert found, _events(text)
    return found[0]


@pytest.mark.parametrize(
    ("text", "word", "plover", "source", "target"),
    [
        # ها: a state speaks of itself, the name after the verb is whom it supports
        ("وقالت تركيا إنها تدعم أذربيجان في مفاوضات السلام.", "تدعم", "SUPPORT", "تركيا", "أذربيجان"),
        # a particle (لن, سوف) between the pronoun and the verb
        ("وأعلنت الكويت أنها لن تستقبل السفير الإيراني.", "تستقبل", "CONSULT", "الكويت", "إيراني"),
        ("وقالت المملكة المغربية إنها سوف تدين إسرائيل في مجلس الأمن.", "تدين", "ACCUSE", "المغرب", "إسرائيل"),
        # ه: a man speaks of himself
        ("وقال الرئيس الفرنسي إيمانويل ماكرون إنه يدعم أوكرانيا في حربها.", "يدعم", "SUPPORT", "ماكرون", "أوكرانيا"),
        ("وقال وزير الخارجية الإيطالي أنطونيو تاياني إنه سيلتقي نظيره التركي هاكان فيدان في روما.", "سيلتقي",
         "CONSULT", "تاياني", "فيدان"),
        # هم: a group speaks of itself
        ("وقال الحوثيون إنهم استهدفوا إسرائيل بصاروخ باليستي.", "استهدفوا", "ASSAULT", "أنصار الله", "إسرائيل"),
    ],
)
def test_the_pronoun_on_an_is_the_speaker(text: str, word: str, plover: str, source: str, target: str) -> None:
    _, p, src, tgt, _ = _one(text, word)
    assert p == plover
    assert src is not None and source in src
    assert tgt is not None and target in tgt


@pytest.mark.parametrize(
    ("text", "word", "source", "target"),
    [
        # إنه after a feminine reporting verb is the pronoun of the matter: the verb's subject follows it
        ("وقالت الحكومة الأردنية إنه التقى الملك عبد الله الثاني بالرئيس الفلسطيني محمود عباس.", "التقى",
         "عبد الله الثاني", "محمود عباس"),
        # a subject named between the complementizer and the verb keeps its own verb
        ("وذكرت الكويت أن قطر تدعم المبادرة المصرية لوقف إطلاق النار.", "تدعم", "قطر", None),
    ],
)
def test_an_own_subject_is_kept(text: str, word: str, source: str, target: str | None) -> None:
    _, _, src, tgt, _ = _one(text, word)
    assert src is not None and source in src
    if target is not None:
        assert tgt is not None and target in tgt


def test_a_pronoun_that_disagrees_with_the_speaker_is_not_the_speaker() -> None:
    # "قال سانشيز إنها": ها cannot be the man who speaks
    _, _, src, _, _ = _one("وقال رئيس الوزراء الإسباني بيدرو سانشيز إنها تدعم المغرب.", "تدعم")
    assert src is None or "سانشيز" not in src


def test_a_city_visited_in_reported_speech_targets_its_state() -> None:
    _, plover, src, tgt, loc = _one(
        "وقال الرئيس التونسي قيس سعيد إنه سيزور القاهرة الأسبوع المقبل لبحث العلاقات مع مصر.", "سيزور"
    )
    assert plover == "CONSULT"
    assert src is not None and "قيس سعيد" in src
    assert (tgt, loc) == ("مصر", "القاهرة")


@pytest.mark.parametrize(
    ("text", "word", "named"),
    [
        ("وقالت منظمة خيرية محلية إنها تدعم لبنان في إعادة الإعمار.", "تدعم", ("لبنان",)),
        # the title may be resolved to the office holder's name
        ("وقال الناشط الحقوقي سامي الهاشمي إنه يناشد الرئيس السوري التدخل.", "يناشد", ("الرئيس السوري", "الشرع")),
    ],
)
def test_a_name_after_the_verb_is_not_its_subject_when_the_speaker_is_unnamed(
    text: str, word: str, named: tuple[str, ...]
) -> None:
    _, _, src, tgt, _ = _one(text, word)
    assert src is None or not any(n in src for n in named)
    assert tgt is not None and any(n in tgt for n in named)
