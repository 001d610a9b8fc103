"""Entity round 3 of the real-news audit: evidence for a person's country, the story's state in
"البلاد", administrative and state nouns, Syria's regime, noisy towns that hide a known name,
names that go on past a known person's variant, and actors the events layer missed.

Sentences are written for these tests. The recognizer is replaced by a tagger that marks given
words (``analyse``), so each test checks one rule of the entity step.
"""

from __future__ import annotations

import pytest

from entities_support import WordTagger, entity_with
from marsad.clean import CleanStep
from marsad.document import Document, Source
from marsad.entities.kb import KnowledgeBase
from marsad.entities.roles import Grammar
from marsad.entities.step import EntityStep
from marsad.segment import SegmentStep
from test_entities_round3_names import analyse, mention_texts


def analyse_dated(text: str, *names: str, published: str = "2024-01-18") -> Document:
    """As ``analyse``, after the clean step has read the dateline (the story's state)."""
    doc = Document(id="t", text=text, source=Source(published=published))
    CleanStep()(doc)
    SegmentStep()(doc)
    EntityStep(recognizer=WordTagger(*names))(doc)
    doc.check_offsets()
    return doc


def kinds(doc: Document, surface: str) -> list[tuple[str, str]]:
    return [(m.text, m.kind) for m in entity_with(doc, surface).mentions]


# -- 1. a title that names a state beats a guess --------------------------------------------------


def test_a_title_naming_a_state_beats_the_datelines_state() -> None:
    # "وزير الدولة" alone takes Qatar from the Doha dateline; the later title says Congo
    doc = analyse_dated(
        "الدوحة 19 يوليو (قنا) - التقى وزير الدولة أندريه كاسونغو بالوسطاء في الدوحة. "
        "وقال أندريه كاسونغو وزير الخارجية الكونغولي إن قطر ودولة قطر وسيط نزيه.",
        "أندريه كاسونغو",
    )
    e = entity_with(doc, "وزير الخارجية الكونغولي")
    assert (e.country, e.actor) == ("COD", "CODGOV")


def test_a_counterpart_naming_a_state_beats_the_most_named_state() -> None:
    doc = analyse_dated(
        "بانكوك 24 يوليو - قال براك سوخون للصحفيين إن تايلاند تعتدي على الحدود. "
        "وأضاف نظيره الكمبودي براك سوخون أن تايلاند وتايلاند تتحمل المسؤولية.",
        "براك سوخون",
    )
    assert entity_with(doc, "نظيره الكمبودي").country == "KHM"


def test_a_guess_never_replaces_a_title() -> None:
    doc = analyse_dated(
        "الدوحة 19 يوليو (قنا) - قال وزير الخارجية الكونغولي أندريه كاسونغو إن الاتفاق قريب. "
        "وأكد وزير الدولة أندريه كاسونغو أن قطر ودولة قطر وسيط.",
        "أندريه كاسونغو",
    )
    assert entity_with(doc, "وزير الخارجية الكونغولي").country == "COD"


# -- 2. the story's state, state nouns and administrative nouns ------------------------------------


def test_the_country_is_the_datelines_state() -> None:
    doc = analyse_dated(
        "الدوحة 18 يناير (قنا) - التقى وزير الخارجية التركي هاكان فيدان الذي يزور البلاد حالياً "
        "مسؤولين في دولة قطر. وأكد أن دولة قطر شريك.",
    )
    qatar = entity_with(doc, "البلاد")
    assert qatar.kb_id == "state:QAT"
    assert ("البلاد", "role") in kinds(doc, "البلاد")


def test_the_state_after_a_head_of_states_title() -> None:
    doc = analyse_dated(
        "أبوظبي 28 يوليو (وام) - تلقى رئيس الدولة اتصالاً من الرئيس المصري. وأكدت الإمارات دعمها.",
    )
    assert entity_with(doc, "الدولة").kb_id == "state:ARE"


@pytest.mark.parametrize(
    "text",
    [
        # a story with no dateline or agency: whose country, the text does not say
        "قال مسؤولون إن البلاد تمر بأزمة اقتصادية حادة.",
        # the Islamic State, a minister of state, the Hebrew state: other phrases
        "دمشق 3 آب (سانا) - هاجم عناصر تنظيم الدولة قرية. وقال وزير الدولة إن الدولة العبرية تعتدي على سوريا.",
    ],
)
def test_no_state_where_the_noun_is_another_phrase_or_the_story_has_no_state(text: str) -> None:
    doc = analyse_dated(text)
    assert not any(m.text in {"البلاد", "الدولة"} and m.kind == "role" for e in doc.entities for m in e.mentions)


def test_the_kingdom_is_the_storys_kingdom_even_before_an_unrelated_adjective() -> None:
    # "رفض المملكة القاطع": the adjective is the rejection's (masculine), not the kingdom's
    doc = analyse_dated(
        "الرياض 3 مارس (واس) - أكد وزير الخارجية رفض المملكة القاطع للتهجير. "
        "وقال إن السعودية والسعودية تدعم الاستقرار.",
    )
    assert entity_with(doc, "المملكة").kb_id == "state:SAU"


def test_the_united_kingdom_is_still_a_name() -> None:
    doc = analyse_dated("الرياض 3 مارس (واس) - بحث الوزير مع المملكة المتحدة العلاقات. وقالت السعودية إن التعاون مستمر.")
    assert "المملكة" not in mention_texts(doc)


def test_the_republic_in_a_tunisian_story() -> None:
    doc = analyse_dated("تونس 20 فيفري (وات) - نفذ الأساتذة إضراباً في كامل ولايات الجمهورية. وقالت تونس إن الحوار مستمر.")
    assert entity_with(doc, "الجمهورية").kb_id == "state:TUN"


def test_the_governorate_is_the_one_named_after_the_noun() -> None:
    doc = analyse(
        "بدأ الموظفون في محافظة السليمانية إضراباً، ونظموا اعتصاماً أمام مبنى المحافظة.",
    )
    assert [m.text for m in entity_with(doc, "السليمانية").mentions] == ["السليمانية", "المحافظة"]


def test_a_city_named_without_the_noun_gets_no_governorate() -> None:
    # "في المحافظة" after "جنين" named bare: the town may be the story's own, left unmarked
    doc = analyse("اقتحمت القوات مدينة جنين. وأعلنت الفصائل في المحافظة الإضراب الشامل.")
    assert "المحافظة" not in mention_texts(doc)


def test_the_region_inside_a_body_and_a_conjoined_body() -> None:
    doc = analyse(
        "يقع إقليم كردستان شمالي العراق. وطالب المعتصمون الحكومة الاتحادية وحكومة الإقليم بصرف الرواتب.",
    )
    texts = mention_texts(doc)
    assert "الحكومة الاتحادية وحكومة الإقليم" not in texts
    assert ("الإقليم", "nominal") in kinds(doc, "إقليم كردستان")


def test_the_home_nouns_are_read_from_roles_json() -> None:
    g = Grammar.load(KnowledgeBase.load())
    assert {"بلاد", "دوله"} <= g.home_nominals and "محافظه" in g.admin_nominals
    assert g.regimes["SYR"] == "org:syrian-regime"


# -- 3. Syria's regime ---------------------------------------------------------------------------

SYRIA = "وتواصلت المعارك في ريف حلب شمالي سوريا، وفي ريف إدلب غربي سوريا. "


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        ("وقال ناشطون إن النظام يستخدم البراميل المتفجرة.", "النظام"),
        ("واتهمت المعارضة النظام السوري بقصف الأحياء.", "النظام السوري"),
        ("وطالبت بتشكيل هيئة حكم تضم ممثلين عن المعارضة والنظام.", "النظام"),
    ],
)
def test_the_regime_in_a_syria_story_is_syrias_government(sentence: str, surface: str) -> None:
    e = entity_with(analyse(SYRIA + sentence), surface)
    assert (e.kb_id, e.type, e.actor) == ("org:syrian-regime", "ORG", "SYRGOV")


def test_assads_regime_is_the_government_and_assad_stays_a_person() -> None:
    doc = analyse(SYRIA + "واتهمت المعارضة نظام بشار الأسد بارتكاب مجزرة.")
    regime = entity_with(doc, "نظام بشار الأسد")
    assert regime.kb_id == "org:syrian-regime" and regime.actor == "SYRGOV"
    assert entity_with(doc, "بشار الأسد").kb_id == "person:assad"


def test_the_regime_forces_stay_the_army() -> None:
    e = entity_with(analyse(SYRIA + "وتقدمت قوات النظام في ريف حلب."), "قوات النظام")
    assert e.kb_id == "org:syrian-army"


def test_the_order_outside_syria_is_no_regime() -> None:
    doc = analyse("قال وزير الداخلية المصري إن النظام العام مستقر في مصر وفي مصر، وإن النظام يحمي الجميع.")
    assert all(e.kb_id != "org:syrian-regime" for e in doc.entities)


# -- 4. a noisy town variant gives way to the known name inside it --------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "kb_id"),
    [
        ("وقال إن الجيش سيتسلم تأمين مدينة الإسماعيلية، حيث يقام الحفل.", "الإسماعيلية", "place:ismailia"),
        ("وتحدث عن علاقة اليهود بمدينة القدس وعن المسجد.", "القدس", "place:jerusalem"),
        ("عمل بالتدريس في مدينة حمص لمدة 17 عاماً.", "حمص", "place:homs"),
    ],
)
def test_a_geonames_variant_with_the_place_noun_yields_to_the_curated_name(text: str, surface: str, kb_id: str) -> None:
    doc = analyse(text, (surface, "LOC"))
    assert entity_with(doc, surface).kb_id == kb_id


def test_the_name_index_yields_only_noisy_phrases() -> None:
    kb = KnowledgeBase.load()
    doc = Document(id="t", text="في مدينة الإسماعيلية اليوم", source=Source())
    SegmentStep()(doc)
    found = [doc.text[m.start : m.end] for m in kb.match(doc.tokens, doc.text)]
    assert found == ["الإسماعيلية"]
    # a caller that does not take a longer name leaves its tokens to the names inside it
    assert [doc.text[m.start : m.end] for m in kb.match(doc.tokens, doc.text, keep=lambda m: True)] == found


# -- 5. a known name that goes on ---------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["محمد بن سلمان بن عبد العزيز", "محمد بن سلمان بن عبدالعزيز آل سعود"],
)
def test_a_known_name_goes_on_with_its_lineage(name: str) -> None:
    doc = analyse(f"استقبل الأمير {name} في جدة وزير الخارجية المصري.")
    e = entity_with(doc, name)
    assert e.kb_id == "person:mbs"


def test_a_known_name_before_another_word_keeps_its_end() -> None:
    doc = analyse("استقبل محمد بن سلمان اليوم وفداً.")
    assert "محمد بن سلمان" in mention_texts(doc)


# -- 6. actors the events layer missed ----------------------------------------------------------


def test_tsipras_and_his_surname() -> None:
    doc = analyse(
        "أثينا 5 يوليو - دعا رئيس الوزراء اليوناني الكسيس تسيبراس إلى الهدوء. وقال تسيبراس إن اليونان لن تخرج.",
        published="2015-07-05",
    )
    e = entity_with(doc, "الكسيس تسيبراس")
    assert e.kb_id == "person:tsipras" and e.actor == "GRCGOV"
    assert [m.text for m in e.mentions] == ["رئيس الوزراء اليوناني", "الكسيس تسيبراس", "تسيبراس"]


def test_meshaal_by_his_surname() -> None:
    doc = analyse("غزة - قال خالد مشعل إن الحركة لن تتراجع. وأضاف مشعل أن الاحتلال يتحمل المسؤولية.", published="2015-07-05")
    e = entity_with(doc, "خالد مشعل")
    assert e.kb_id == "person:mashal" and "مشعل" in [m.text for m in e.mentions]


def test_a_lineage_name_lends_no_surname() -> None:
    doc = analyse("استقبل الملك سلمان بن عبدالعزيز الوفد. وزار الوفد جامعة الملك عبدالعزيز.")
    assert mention_texts(doc).count("عبدالعزيز") == 0


def test_the_republicans_are_the_us_party() -> None:
    e = entity_with(analyse("وانتقد الرئيس الأمريكي الجمهوريين في الكونغرس."), "الجمهوريين")
    assert (e.kb_id, e.actor) == ("org:us-republicans", "USAPTY")


def test_the_local_administration_minister_beside_his_name() -> None:
    doc = analyse("دمشق 5 آب (سانا) - قال وزير الإدارة المحلية حسين مخلوف إن الخدمات عادت إلى سوريا.", "حسين مخلوف")
    e = entity_with(doc, "وزير الإدارة المحلية")
    assert e.country == "SYR" and "حسين مخلوف" in [m.text for m in e.mentions]
