"""A doer named behind a one-word title right after the verb ("انتقد المحامي X"), and a
participle's speaker past a cue in a relative clause ("ما وصفه بـ«…»"). Sentences written for
these tests in the style of wire copy; the full pipeline reads them."""

from __future__ import annotations

import pytest

from marsad.analyze import analyze_text


def _events(text: str) -> list[tuple[str, str, str | None, str | None]]:
    doc = analyze_text(text)
    names = {e.id: e.canonical for e in doc.entities}
    return [(ev.trigger.text, ev.plover, names.get(ev.source or ""), names.get(ev.target or "")) for ev in doc.events]


@pytest.mark.parametrize(
    ("text", "word", "source"),
    [
        ("وفي المقابل، انتقد المحامي عبدالله الكندري قرارات سحب الجنسية.", "انتقد", "عبدالله الكندري"),
        ("وطالب الناشط خالد الزعبي الحكومة بالإفراج عن المعتقلين.", "وطالب", "خالد الزعبي"),
    ],
)
def test_a_doer_behind_a_title(text: str, word: str, source: str) -> None:
    found = [e for e in _events(text) if e[0] == word]
    assert found and found[0][2] == source, _events(text)


@pytest.mark.parametrize(
    "text",
    [
        # an unnamed doer: the person behind the noun is the target
        "واستهدفت الغارة الصحفي محمد أحمد في خان يونس.",
        # two nouns before the name: no title of a doer
        "وأصابت القذيفة الطفل الصغير محمد أحمد في رفح.",
    ],
)
def test_no_doer_behind_a_noun(text: str) -> None:
    assert all(e[2] != "محمد أحمد" for e in _events(text)), _events(text)


def test_a_participle_speaks_for_the_subject_not_for_a_relative_cue() -> None:
    text = (
        "وقال وزير الداخلية الكويتي فهد اليوسف إن القانون يطبق على الجميع.\n\n"
        "في المقابل، انتقد المحامي عبدالله الكندري ما وصفه بـ«التوسع» في القرارات، مؤكداً أن "
        "«من حق المتضررين اللجوء إلى القضاء الإداري»، وفق تعبيره."
    )
    doc = analyze_text(text)
    names = {e.id: e.canonical for e in doc.entities}
    quote = next(q for q in doc.quotes if "المتضررين" in q.text)
    assert names.get(quote.speaker or "") == "عبدالله الكندري"


@pytest.mark.parametrize(
    ("text", "word", "target"),
    [
        # the object is a title whose genitive names another person: the holder named at its end
        ("الرباط - استقبل وزير الشؤون الخارجية ناصر بوريطة، يوم السبت بالرباط، المبعوث الشخصي للأمين العام "
         "للأمم المتحدة إلى الصحراء ستافان دي ميستورا.", "استقبل", "ستافان دي ميستورا"),
        ("والتقى الرئيس اللبناني جوزيف عون المنسق الخاص للأمم المتحدة في لبنان يان كوبيش.", "والتقى", "يان كوبيش"),
    ],
)
def test_the_object_is_the_holder_of_a_long_title(text: str, word: str, target: str) -> None:
    found = [e for e in _events(text) if e[0] == word]
    assert found and found[0][3] == target, _events(text)


def test_a_role_that_kept_its_clitic_is_no_subject() -> None:
    # "للرئيس السوري بشار الأسد" is a genitive (ل + ال), not the doer of "انتقد"
    assert all(e[2] != "بشار الأسد" for e in _events("وانتقد الوزير الدعم المقدم للرئيس السوري بشار الأسد."))


def test_for_his_part_is_the_other_party_of_the_meeting() -> None:
    text = (
        "الرباط - استقبل وزير الشؤون الخارجية ناصر بوريطة، يوم السبت بالرباط، المبعوث الشخصي للأمين العام "
        "للأمم المتحدة إلى الصحراء ستافان دي ميستورا.\n\n"
        'وأكد بوريطة، في تصريح للصحافة عقب اللقاء، أن المغرب "منخرط بجدية في المسار الأممي".\n\n'
        'من جانبه، قال: "أتيت لأستمع، وسأواصل مشاوراتي مع جميع الأطراف المعنية".'
    )
    doc = analyze_text(text)
    names = {e.id: e.canonical for e in doc.entities}
    quote = next(q for q in doc.quotes if "أتيت" in q.text)
    assert names.get(quote.speaker or "") == "ستافان دي ميستورا"
