"""Which state an entity belongs to when the knowledge base does not say: the words beside a
place or a name, and the state of a short story (place_states, person_states, story_states)."""

from __future__ import annotations

from entities_support import WordTagger, entity_with
from marsad.document import Document, Source
from marsad.entities.step import EntityStep
from marsad.segment import SegmentStep


def run(text: str, *names: str | tuple[str, str]) -> Document:
    doc = Document(id="t", text=text, source=Source(published="2024-02-20"))
    SegmentStep()(doc)
    EntityStep(recognizer=WordTagger(*names))(doc)
    doc.check_offsets()
    return doc


def test_the_capital_adjective_reads_a_shared_place_name_and_its_office_holder() -> None:
    doc = run(
        "وقع انفجار قرب فندق ريكسوس في العاصمة الليبية طرابلس مساء أمس، دون أن يسفر عن إصابات. "
        "وقال العميد خالد الزنتاني، مدير أمن طرابلس، إن الشرطة فتحت تحقيقا.",
        "خالد الزنتاني",
    )
    assert entity_with(doc, "طرابلس").country == "LBY"
    assert entity_with(doc, "خالد الزنتاني").country == "LBY"
    assert entity_with(doc, "الشرطة").country == "LBY"


def test_without_the_adjective_the_shared_place_keeps_its_first_reading() -> None:
    doc = run("وقع انفجار قرب فندق ريكسوس في طرابلس مساء أمس، دون أن يسفر عن إصابات.")
    assert entity_with(doc, "طرابلس").country != "LBY"


def test_the_capital_of_a_short_story_gives_its_bodies_and_people_their_state() -> None:
    doc = run(
        'نظم طلبة جامعة "باب الزوار" وقفة احتجاجية أمس في العاصمة الجزائرية. وطالب المحتجون وزارة '
        "التعليم العالي بتحسين ظروف الإقامة. وقال ممثل الطلبة يوسف بن عمر إن الوقفة ستتكرر كل أسبوع.",
        "يوسف بن عمر",
    )
    assert entity_with(doc, "وزارة التعليم العالي").country == "DZA"
    assert entity_with(doc, "المحتجون").country == "DZA"
    assert entity_with(doc, "يوسف بن عمر").country == "DZA"


def test_two_names_of_one_arab_state_make_a_short_story_local() -> None:
    doc = run(
        "افتتح وزير التربية والتعليم، اليوم الأحد، مدرسة خولة بنت الأزور الثانوية في محافظة الزرقاء. "
        "وكانت الحكومة قد خصصت مليون دينار لبناء مدارس جديدة في عمان.",
        ("مدرسة خولة بنت الأزور الثانوية", "FAC"),
    )
    (school,) = [e for e in doc.entities if e.canonical.startswith("مدرسة")]
    assert school.country == "JOR"


def test_a_team_camp_abroad_does_not_make_its_players_foreign() -> None:
    doc = run(
        "وكان من المقرر أن يغادر الفريق إلى مصر مساء أمس لإقامة معسكر إعدادي يتخلله عدد من المباريات "
        "الودية، ويأتي المعسكر في مصر تحضيرا للدوري. واعتمد الجهاز الفني قائمة اللاعبين يتقدمهم "
        "الحارس عساف القرني، فيما يغيب الحارس أحمد الفهمي للإصابة.",
        "عساف القرني",
        "أحمد الفهمي",
    )
    assert entity_with(doc, "عساف القرني").country is None
    assert entity_with(doc, "أحمد الفهمي").country is None


def test_a_place_the_kb_lacks_takes_the_state_named_after_it() -> None:
    doc = run(
        "تعتزم السلطات في ولاية هامبورج الألمانية إنشاء سبع مدن حاويات خلال الأسابيع المقبلة.",
        ("هامبورج", "LOC"),
    )
    assert entity_with(doc, "هامبورج").country == "DEU"
    doc = run(
        "وأفادت مصادر محلية بأن غارة استهدفت أطراف بلدة كفرحمام جنوب لبنان فجر اليوم.",
        ("كفرحمام", "LOC"),
    )
    assert entity_with(doc, "كفرحمام").country == "LBN"


def test_the_nationality_before_a_name_is_the_persons_state() -> None:
    doc = run(
        "ويدرس النادي التعاقد مع لاعب أجنبي رابع يضاف إلى المصري محمد عبدالشافي والسويدي نبيل بهوي. "
        "وكشف الشاعر المصري الكبير عبدالرحمن الأبنودي عن روايته الجديدة.",
        "محمد عبدالشافي",
        "نبيل بهوي",
        "عبدالرحمن الأبنودي",
    )
    assert entity_with(doc, "محمد عبدالشافي").country == "EGY"
    assert entity_with(doc, "نبيل بهوي").country == "SWE"
    assert entity_with(doc, "عبدالرحمن الأبنودي").country == "EGY"


def test_an_adjective_set_off_by_a_comma_belongs_to_the_phrase_before() -> None:
    doc = run(
        "ويهدف هذا المكتب الذي يترأسه رئيس الغرفة التونسية الصينية، الطاهر بياحي، إلى دفع التعاون.",
        "الطاهر بياحي",
    )
    assert entity_with(doc, "الطاهر بياحي").country != "CHN"


def test_a_firm_takes_the_nationality_after_its_name() -> None:
    doc = run(
        "ووقع المطار عقد بناء وتشغيل مبنى الطيران الخاص مع شركة أكس جت الأمريكية، وهي إحدى الشركات.",
        ("أكس جت", "ORG"),
    )
    assert entity_with(doc, "أكس جت").country == "USA"
    doc = run(
        "وشدد الأمير علي بن الحسين على عدم مشاركة رئيس الفيفا السويسري جوزيف بلاتر في أي عملية إصلاح.",
        ("الفيفا", "ORG"),
        "جوزيف بلاتر",
    )
    assert entity_with(doc, "الفيفا").country != "CHE"  # the president's adjective
    assert entity_with(doc, "جوزيف بلاتر").country == "CHE"


def test_a_lawyer_with_an_arab_family_name_in_a_one_state_story_is_local() -> None:
    doc = run(
        "قضت محكمة صفاقس الابتدائية، أمس، بسجن ثلاثة متهمين في قضية إرهابية. وأفاد الناطق الرسمي "
        "باسم النيابة العمومية بأن المتهمين ينتمون إلى تنظيم أنصار الشريعة المحظور. وقال المحامي "
        "منير الجلاصي إن موكله سيستأنف الحكم.",
        "منير الجلاصي",
    )
    assert entity_with(doc, "منير الجلاصي").country == "TUN"


def test_an_arab_named_person_in_a_palestine_and_israel_story_is_palestinian() -> None:
    doc = run(
        "اقتحم جيش الاحتلال الإسرائيلي مستشفى في قطاع غزة فجر اليوم، فيما قصفت الطائرات الإسرائيلية "
        "مخيم جباليا. وقال المتحدث باسم الدفاع المدني في غزة محمود بصل إن إسرائيل تمنع وصول "
        "الطواقم، وإن وزارة الصحة في القطاع أحصت عشرات الشهداء.",
        "محمود بصل",
    )
    assert entity_with(doc, "محمود بصل").country == "PSE"


def test_a_un_delegation_head_is_no_office_of_the_story_state() -> None:
    doc = run(
        "قال محافظ تعز نبيل شمسان إن الحصار يخنق المدينة منذ سنوات، وإن أنصار الله يرفضون فتح "
        'الطرق. بدوره، قال رئيس الوفد الأممي جوليان هارنيس: "سننقل ما شاهدناه إلى الأمين العام".',
        "نبيل شمسان",
        "جوليان هارنيس",
    )
    assert entity_with(doc, "نبيل شمسان").country == "YEM"
    assert entity_with(doc, "جوليان هارنيس").country is None


def test_an_arab_named_person_in_an_israel_story_is_not_israeli() -> None:
    doc = run(
        "أقر الكنيست الإسرائيلي قانونا جديدا للاستيطان، وقالت الحكومة الإسرائيلية إن القانون يخدم "
        "أمن إسرائيل. من جهته، أوضح الخبير القانوني فهد مزاحم أن القانون يخالف القرارات الدولية.",
        "فهد مزاحم",
    )
    assert entity_with(doc, "فهد مزاحم").country is None


def test_a_common_arab_given_name_marks_a_local_in_a_gaza_story() -> None:
    doc = run(
        "هاجم مستوطنون قرية قريوت جنوب نابلس في الضفة الغربية، تحت حماية جيش الاحتلال الإسرائيلي. "
        "وقال مسؤول ملف الاستيطان في شمال الضفة غسان دغلس إن المستوطنين أحرقوا منازل في نابلس، وإن "
        "إسرائيل تتحمل المسؤولية.",
        "غسان دغلس",
    )
    assert entity_with(doc, "غسان دغلس").country == "PSE"
