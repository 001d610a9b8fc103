"""Round 4 entity rules: names shared across states read in the story's state, local bodies by
pattern (Maghrebi/Libyan wording) and outlets never read as people. Sentences written for Marsad."""

from __future__ import annotations

import pytest

from marsad.analyze import analyze_text
from marsad.document import Document


@pytest.fixture(scope="module")
def run():
    cache: dict[str, Document] = {}

    def _run(text: str) -> Document:
        if text not in cache:
            cache[text] = analyze_text(text)
        return cache[text]

    return _run


def _entity(doc: Document, surface: str):
    for e in doc.entities:
        if any(doc.text[m.start : m.end] == surface for m in e.mentions):
            return e
    raise AssertionError(f"no entity with mention {surface!r}: {[e.canonical for e in doc.entities]}")


@pytest.mark.parametrize(
    ("text", "surface", "country", "kb_id"),
    [
        # a party name the US also bears, in a Tunisian story: Tunisia's, not the US's
        ("تونس 3 مارس (وات) - أعلن الحزب الجمهوري مقاطعة الانتخابات البلدية المقبلة.",
         "الحزب الجمهوري", "TUN", None),
        # the same name where the text says the US
        ("واشنطن (رويترز) - قال الحزب الجمهوري إن الرئيس الأمريكي سيوقع القانون الجديد.",
         "الحزب الجمهوري", "USA", "org:us-republicans"),
        # one name, two states' parties: the story's state picks the entry
        ("الرباط 2 يونيو (ومع) - طالب حزب العدالة والتنمية بمراجعة أسعار المحروقات.",
         "حزب العدالة والتنمية", "MAR", "org:pjd"),
        ("أنقرة 2 يونيو (الأناضول) - انتقد حزب العدالة والتنمية موقف المعارضة من الميزانية.",
         "حزب العدالة والتنمية", "TUR", "org:akp"),
        # same-named cities: the dateline's agency says which Tripoli
        ("طرابلس 5 مايو (وال) - اندلعت اشتباكات مسلحة في طرابلس ليلة أمس.", "طرابلس", "LBY",
         "place:tripoli-ly"),
    ],
)
def test_shared_names_take_the_story_state(run, text, surface, country, kb_id):
    e = _entity(run(text), surface)
    assert e.type in {"ORG", "GPE"}
    assert e.country == country
    assert e.kb_id == kb_id


def test_party_leader_takes_the_party_state(run):
    doc = run("تونس 3 مارس (وات) - قال رئيس الحزب الجمهوري رضا بلحاج إن الحزب يرفض القرار.")
    party = _entity(doc, "الحزب الجمهوري")
    assert party.country == "TUN" and party.actor == "TUNPTY"
    for e in doc.entities:
        assert e.country != "USA", e


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        ("تونس 5 أفريل (وات) - أحال القطب القضائي لمكافحة الإرهاب الملف على القضاء.",
         "القطب القضائي لمكافحة الإرهاب", "TUN"),
        ("تونس 5 أفريل (وات) - نظرت المحكمة الابتدائية بصفاقس في القضية أمس.",
         "المحكمة الابتدائية", "TUN"),
        ("الجزائر 9 ماي (واج) - دعت التنسيقية الوطنية للمتقاعدين إلى وقفة احتجاجية.",
         "التنسيقية الوطنية", "DZA"),
        ("الجزائر 9 ماي (واج) - هددت النقابات التعليمية بخوض إضراب وطني.",
         "النقابات التعليمية", "DZA"),
        ("طرابلس 5 مايو (وال) - أعلن اللواء 166 مشاة سيطرته على المعسكر.", "اللواء 166 مشاة", "LBY"),
    ],
)
def test_local_bodies_by_pattern(run, text, surface, country):
    e = _entity(run(text), surface)
    assert e.type == "ORG"
    assert e.country == country


def test_numbered_unit_is_one_body_not_a_rank(run):
    doc = run("طرابلس 5 مايو (وال) - أعلن اللواء 166 مشاة انسحابه، وقال آمر اللواء 166 إن قواته بخير.")
    units = [e for e in doc.entities if e.canonical.startswith("اللواء")]
    assert len(units) == 1 and units[0].type == "ORG" and units[0].actor == "LBYMIL"
    assert len(units[0].mentions) == 2


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        ("الرباط 3 مارس (ومع) - وأفادت هسبريس بأن السلطات المحلية أغلقت السوق.", "هسبريس", "MAR"),
        ("تونس 3 مارس (وات) - وعاينت موزاييك أف أم توافد المواطنين على مكاتب الاقتراع.",
         "موزاييك أف أم", "TUN"),
        ("عمان 3 آذار (بترا) - وقالت قناة المملكة إن الحكومة أقرت الموازنة.", "قناة المملكة", "JOR"),
    ],
)
def test_outlets_are_media_organisations(run, text, surface, country):
    e = _entity(run(text), surface)
    assert e.type == "ORG"
    assert e.country == country
    assert e.actor == country + "MED"
