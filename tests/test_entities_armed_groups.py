"""Armed groups: the region's groups the knowledge base lists, unknown groups named in a
sentence about fighting, and "مالي" the adjective (financial) that is no Mali.

Sentences are written for these tests in the style of the wire stories that showed the gaps
(a Boko Haram bombing in northern Cameroon, AQIM in a Maghreb story, a claim by a small group).
"""

from __future__ import annotations

import pytest

from entities_support import entity_with
from marsad.document import Document, Source
from marsad.entities.step import EntityStep
from marsad.segment import SegmentStep
from test_entities_round3_names import analyse, mention_texts


@pytest.mark.parametrize(
    ("text", "surface", "kb_id", "country", "actor"),
    [
        ("وقتل 20 شخصا في تفجيرين نفذتهما فتاتان من جماعة بوكو حرام المتطرفة.", "جماعة بوكو حرام", "org:boko-haram", "NGA", "NGAREB"),
        ("وتبنى تنظيم القاعدة في بلاد المغرب الإسلامي الهجوم على الثكنة.", "تنظيم القاعدة في بلاد المغرب الإسلامي", "org:aqim", None, "IMGSEPAQD"),
        ("وهاجم مسلحون من جماعة نصرة الإسلام والمسلمين قاعدة عسكرية وسط البلاد.", "جماعة نصرة الإسلام والمسلمين", "org:jnim", "MLI", "MLIREB"),
        ("واشتبكت قوات الأمن مع عناصر جيش المهدي في مدينة الصدر ببغداد.", "جيش المهدي", "org:jaysh-al-mahdi", "IRQ", "IRQREB"),
        ("وأعلنت جماعة جيش العدل مسؤوليتها عن الهجوم على حرس الحدود.", "جماعة جيش العدل", "org:jaysh-al-adl", "IRN", "IRNREB"),
        ("وقتل جنديان في هجوم تبنته حركة طالبان باكستان شمال غرب البلاد.", "حركة طالبان باكستان", "org:ttp", "PAK", "PAKREB"),
        ("وقصفت الطائرات التركية مواقع العمال الكردستاني في جبال قنديل.", "العمال الكردستاني", "org:pkk", "TUR", "TURREB"),
        ("وسيطرت النصرة على معسكر وادي الضيف بعد حصار طويل.", "النصرة", "org:hts", "SYR", "SYRREB"),
        ("وأعلنت حركة العدل والمساواة انسحاب قواتها من المنطقة.", "حركة العدل والمساواة", "org:jem-sudan", "SDN", "SDNREB"),
    ],
)
def test_the_regions_armed_groups_are_known(text: str, surface: str, kb_id: str, country: str | None, actor: str) -> None:
    e = entity_with(analyse(text), surface)
    assert (e.type, e.kb_id, e.country, e.actor) == ("ORG", kb_id, country, actor)


def test_al_qaeda_in_the_maghreb_is_one_name_not_morocco() -> None:
    doc = analyse("وتبنى تنظيم القاعدة في بلاد المغرب الإسلامي الهجوم على الثكنة.")
    assert [e.kb_id for e in doc.entities] == ["org:aqim"]


def test_an_armed_group_named_often_does_not_make_the_story_its_states() -> None:
    # a Cameroon story: Boko Haram, based in Nigeria, named twice, the region's governor Cameroonian
    text = (
        "قال مسؤولون إن 20 شخصا لقوا حتفهم شمال الكاميرون في انفجارين نفذتهما فتاتان من جماعة بوكو "
        "حرام التي تتمركز في نيجيريا. ووقع التفجيران في مدينة مروة في الكاميرون، حسبما أفاد حاكم "
        "المنطقة ميجياوا بكاري. وتأتي الهجمات بعد يوم على قيام مسلحي بوكو حرام بإحراق قرية في البلاد."
    )
    doc = analyse(text, "ميجياوا بكاري")
    assert entity_with(doc, "ميجياوا بكاري").country == "CMR"
    assert entity_with(doc, "بوكو حرام").country == "NGA"


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("وأعلنت حركة المجاهدين مسؤوليتها عن التفجير الذي استهدف دورية للجيش.", "حركة المجاهدين"),
        ("وقالت ميليشيا فاطميون إنها فقدت عشرة من مقاتليها في المعارك.", "ميليشيا فاطميون"),
        ("وتبنت جماعة أنصار الإسلام الهجوم المسلح على نقطة تفتيش.", "جماعة أنصار الإسلام"),
        ("وهاجم مسلحون من كتائب الفرقان مواقع للجيش قرب المدينة.", "كتائب الفرقان"),
    ],
)
def test_an_unknown_group_in_a_sentence_about_fighting_is_an_organisation(text: str, surface: str) -> None:
    e = entity_with(analyse(text), surface)
    assert e.type == "ORG"
    assert e.country is None and e.actor is None  # the name alone says neither


@pytest.mark.parametrize(
    "text",
    [
        "وقالت حركة السير إن الطرق مزدحمة صباح اليوم.",  # no fighting: traffic
        "وشهدت حركة المسافرين ارتفاعا بعد الهجوم على المطار.",  # travellers, not a group
        "واشتبكت جماعة مسلحة مع قوات الأمن.",  # an adjective, not a name
        "وقتل المصلون في التفجير أثناء أدائهم الصلاة جماعة في المسجد.",  # praying together
    ],
)
def test_a_group_noun_before_a_common_word_is_no_group(text: str) -> None:
    assert not any(m.startswith(("حركة", "جماعة")) for m in mention_texts(analyse(text)))


def _full(text: str) -> Document:
    """Segment and tag with the trained recognizer (the readings of "مالي" depend on it)."""
    doc = Document(id="t", text=text, source=Source(published="2017-06-18"))
    SegmentStep()(doc)
    EntityStep()(doc)
    return doc


@pytest.mark.parametrize(
    "text",
    [
        "وأكد الوزير أن المملكة ستقدم دعم مالي عاجل للاجئين.",
        "وطالبت المنظمة بمكافحة الفساد المالي والإداري في المؤسسات.",
        "وقال إن الوضع المالي للشركة مستقر، وإن مالية الدولة تعاني عجزا.",
        "وأعلن البنك عن تحقيق فائض مالي بقيمة مليار دولار.",
    ],
)
def test_financial_is_not_mali(text: str) -> None:
    assert all(e.country != "MLI" for e in _full(text).entities)


@pytest.mark.parametrize(
    "text",
    [
        "وتعرضت قاعدة للجيش في شمال مالي لهجوم مسلح.",
        "ووصل الرئيس الفرنسي إلى مالي في زيارة لقواته المنتشرة هناك.",
    ],
)
def test_mali_the_state_stays(text: str) -> None:
    assert entity_with(_full(text), "مالي").kb_id == "state:MLI"
