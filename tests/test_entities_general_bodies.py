"""General rules of Arabic body, facility and office naming, each with look-alikes that must not
match (the rules, not the recognizer: :func:`analyse_story` runs the knowledge base and grammar
alone unless names are given)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from entities_support import analyse_story, entity_with

DEV = Path(__file__).parent / "data" / "entities_dev"
QUALITY = Path(__file__).parent / "quality"


def _names(doc) -> set[str]:
    return {m.text for e in doc.entities for m in e.mentions}


@pytest.mark.parametrize(
    ("body", "span", "country", "actor"),
    [
        # a body name runs through "ل/ب + body noun + its own name + adjectives"
        ("قال المجلس الرئاسي لحكومة الوفاق الوطني الليبية إن الوضع مستقر.",
         "المجلس الرئاسي لحكومة الوفاق الوطني الليبية", "LBY", "LBYGOV"),
        ("أطلقت وزارة الدفاع بحكومة الوفاق الليبية عملية عسكرية.",
         "وزارة الدفاع بحكومة الوفاق الليبية", "LBY", "LBYGOV"),
        # a named government takes the story's state
        ("وقالت حكومة الوفاق الوطني في ليبيا إن ليبيا لن تتراجع وإن ليبيا موحدة.",
         "حكومة الوفاق الوطني", "LBY", "LBYGOV"),
        ("أعلنت حكومة الوحدة الوطنية في ليبيا أن ليبيا تدعم الحوار مع ليبيا.",
         "حكومة الوحدة الوطنية", "LBY", "LBYGOV"),
        # a body of a town named in the genitive
        ("وتتبع القوة المجلس العسكري لمدينة مصراتة منذ سنوات.", "المجلس العسكري لمدينة مصراتة", "LBY", "LBYMIL"),
        # a court of a town, its kind after the town
        ("أصدرت محكمة تونس الابتدائية أحكاما بالسجن.", "محكمة تونس الابتدائية", "TUN", "TUNJUD"),
    ],
)
def test_body_names_run_through_their_genitive(body, span, country, actor):
    doc = analyse_story(body)
    e = entity_with(doc, span)
    assert (e.type, e.country, e.actor) == ("ORG", country, actor)


@pytest.mark.parametrize(
    ("body", "kept", "not_kept"),
    [
        # the genitive's noun without a name: the phrase stops before it
        ("وأكد المجلس الرئاسي لحكومة طرابلس أن ليبيا بخير.", None, "المجلس الرئاسي لحكومة"),
        # a prepositional phrase goes on after the word: a longer name the rule cannot close
        ("قالت هيئة الأمر بالمعروف والنهي عن المنكر في السعودية إنها أوقفت شخصين.", None, "هيئة الأمر"),
        # a word that refers back is no name
        ("وقالت حكومة البلاد إن الاقتصاد ينمو في تونس.", None, "حكومة البلاد الوطنية"),
        # the story's names, not a government's own name
        ("قصفت قوات النظام مواقع في إدلب.", None, "قوات النظام"),
        # "ب + definite body" after a body is the verb's object, not a genitive
        ("نددت وزارة الخارجية القطرية بالحكومة الإسرائيلية.", "وزارة الخارجية القطرية", "وزارة الخارجية القطرية بالحكومة الإسرائيلية"),
    ],
)
def test_body_names_negatives(body, kept, not_kept):
    names = _names(analyse_story(body))
    assert not_kept not in names
    if kept is not None:
        assert kept in names


@pytest.mark.parametrize(
    ("body", "span", "etype"),
    [
        ("سيطرت قوات الجيش على قاعدة تمنهنت الجوية جنوب ليبيا.", "قاعدة تمنهنت الجوية", "FAC"),
        ('قال طلبة جامعة "لافال" إنهم يتضامنون مع الضحايا.', 'جامعة "لافال"', "ORG"),
        ("وقع الهجوم قرب فندق إمبريال في سوسة.", "فندق إمبريال", "FAC"),
        ("نقل المعتقلون إلى سجن صيدنايا قرب دمشق.", "سجن صيدنايا", "FAC"),
    ],
)
def test_facilities_named_by_a_proper_name(body, span, etype):
    e = entity_with(analyse_story(body), span)
    assert e.type == etype


def test_facility_named_by_a_recognizer_person():
    body = "وقع انفجار قرب مدرسة محمد عاكف أرصوي الابتدائية في أنقرة."
    doc = analyse_story(body, names={("محمد", "عاكف", "أرصوي"): "PER"})
    e = entity_with(doc, "مدرسة محمد عاكف أرصوي الابتدائية")
    assert e.type == "FAC"
    assert "محمد عاكف أرصوي" not in _names(doc)  # the school's name, not a person mention


@pytest.mark.parametrize(
    "body",
    [
        "وذكرت قاعدة بيانات الوزارة أن العدد ارتفع.",  # a database
        "أقيم مستشفى ميداني قرب محطة وقود على الطريق.",  # nisba adjective, plain noun
        "قضت المحكمة بسجن ثلاثة متهمين.",  # "بسجن": to jail, a verbal noun
        "وقالت الحركة إن الكرة الآن في ملعب الاحتلال.",  # an idiom, not a stadium
        "قصفت الطائرات قاعدة عسكرية قرب المدينة.",  # an indefinite adjective
    ],
)
def test_facility_look_alikes_are_no_names(body):
    doc = analyse_story(body)
    assert not [e for e in doc.entities if e.type == "FAC"], [(e.canonical, e.type) for e in doc.entities]


@pytest.mark.parametrize(
    ("body", "span", "actor"),
    [
        ("قالت النيابة العامة في القاهرة إن المتهمين اعترفوا.", "النيابة العامة", "EGYJUD"),
        ("وأفادت النيابة العمومية في تونس بأن التحقيق جار.", "النيابة العمومية", "TUNJUD"),
    ],
)
def test_prosecution_is_a_judicial_body_of_the_story_state(body, span, actor):
    assert entity_with(analyse_story(body), span).actor == actor


def test_spokesman_of_a_home_body_takes_its_state():
    doc = analyse_story("وأفاد الناطق الرسمي باسم النيابة العمومية بأن المتهمين فروا.", place="تونس", agency="وات")
    e = entity_with(doc, "الناطق الرسمي باسم النيابة العمومية")
    assert (e.type, e.country) == ("PER", "TUN")


def test_lone_national_office_takes_the_story_state():
    doc = analyse_story("وانتقد النقابيون تدخل وزير الشؤون الدينية. وقال وزير الشؤون الدينية إن القرار نهائي.",
                        place="تونس", agency="وات")
    e = entity_with(doc, "وزير الشؤون الدينية")
    assert (e.type, e.country, e.actor) == ("PER", "TUN", "TUNGOV")
    assert len(e.mentions) == 2


@pytest.mark.parametrize(
    "body",
    [
        "وقال وزير الشؤون الدينية إن القرار نهائي.",  # no story state: whose office, nobody can tell
        "وقال وزير الدولة بوزارة الخارجية إن الحوار مستمر في تونس وتونس.",  # cut before its phrase
        "وقال وزير خارجية النظام إن تونس وتونس بخير.",  # a construct cut short
    ],
)
def test_lone_office_negatives(body):
    doc = analyse_story(body)
    assert not [e for e in doc.entities if e.type == "PER"], [(e.canonical, e.country) for e in doc.entities]


@given(
    st.lists(
        st.sampled_from([
            "قال المجلس الرئاسي لحكومة الوفاق الوطني الليبية",
            "سيطرت القوات على قاعدة تمنهنت الجوية",
            'وقالت جامعة "لافال"',
            "وأكدت النيابة العامة",
            "إن وزارة الدفاع بحكومة",
            "وقال وزير الشؤون الدينية",
            "مدرسة",
            "المكنى أبو عياض",
            "بسجن",
            "،",
            ".",
        ]),
        min_size=1,
        max_size=8,
    )
)
@settings(max_examples=60, deadline=None)
def test_new_rules_keep_offsets(parts):
    doc = analyse_story(" ".join(parts), place="تونس", agency="وات")  # check_offsets inside
    for e in doc.entities:
        for m in e.mentions:
            assert doc.text[m.start : m.end] == m.text
            assert m.text == m.text.strip()


def test_entities_dev_set_meets_its_floors(capsys):
    """The entity development set (tests/data/entities_dev) keeps what the general rules reach."""
    from marsad.cli import main

    rc = main(["eval", str(DEV), "--quiet", "--check-baseline", str(QUALITY / "baseline_entities_dev.json")])
    assert rc == 0, capsys.readouterr().err


def test_entities_dev_specs_build_their_gold():
    import subprocess
    import sys

    specs = sorted(str(p) for p in (DEV / "specs").glob("*.toml"))
    assert len(specs) >= 10
    root = Path(__file__).parents[1]
    r = subprocess.run([sys.executable, str(root / "scripts" / "make_gold.py"), "--check", *specs],
                       capture_output=True, text=True, cwd=root)
    assert r.returncode == 0, r.stdout + r.stderr
