"""Where an event happened (src/marsad/events/places.py): scene words besides "في" ("بمديرية",
"في قضاء", "بالقرب من مدينة", "شمال", "خارج"), an origin is no scene ("قدموا من جنوب مدينة
درنة"), a statement is not placed where the act it comments on happened (a condemnation is, as
the project's gold codes it), a call has no place, the dateline is the default only for its own
country's acts, a follow-up sentence continues the story's place, a state's own arrests happen
in that state. Sentences from SaudiNewsNet and Jawhara FM reports (tests/data/events_locations.tsv
articles), shortened; entities placed by hand."""

from __future__ import annotations

import pytest

from events_support import make_doc, run
from marsad.document import Dateline
from marsad.events.places import is_scene
from marsad.events.step import EventStep

TARMIYA = ("الطارمية", "tarmiya", "GPE", "IRQ", None)
BAGHDAD = ("بغداد", "baghdad", "GPE", "IRQ", None)
IRAQ = ("العراق", "irq", "GPE", "IRQ", "IRQ")
ABHA = ("أبها", "abha", "GPE", "SAU", None)
AJDABIYA = ("أجدابيا", "ajdabiya", "GPE", "LBY", None)
DERNA = ("درنة", "derna", "GPE", "LBY", None)
ARMY = ("الجيش", "army", "ORG", "LBY", "LBYMIL")
ISIS = ("داعش", "isis", "ORG", None, "IMGSEPISI")
ATHENS = ("أثينا", "athens", "GPE", "GRC", None)
GREECE = ("اليونان", "greece", "GPE", "GRC", "GRC")
ASIR = ("عسير", "asir", "GPE", "SAU", None)
NAYEF = ("محمد بن نايف", "nayef", "PER", "SAU", "SAUGOV")
KHALID = ("محمد الخالد الحمد الصباح", "khalid", "PER", "KWT", "KWTGOV")
NASRALLAH = ("حسن نصر الله", "nasrallah", "PER", "LBN", "LBNREB")
SAUDI = ("السعودية", "saudi", "GPE", "SAU", "SAU")
YEMEN = ("اليمن", "yemen", "GPE", "YEM", "YEM")
HOUTHIS = ("الحوثيين", "houthi", "ORG", "YEM", "YEMREB")
GERMANY_AUTH = ("السلطات الالمانية", "de_auth", "ORG", "DEU", "DEUGOV")
TUNISIA = ("تونس", "tunisia", "GPE", "TUN", "TUN")
BERLIN = ("برلين", "berlin", "GPE", "DEU", None)
AMRI = ("أنيس العامري", "amri", "PER", "TUN", None)
KUWAIT_AUTH = ("السلطات الكويتية", "kw_auth", "ORG", "KWT", "KWTGOV")
KUWAIT = ("الكويت", "kuwait", "GPE", "KWT", "KWT")
TEHRAN = ("طهران", "tehran", "GPE", "IRN", None)
IRAN_MFA = ("الخارجية الإيرانية", "ir_mfa", "ORG", "IRN", "IRNGOV")
SAADA = ("صعدة", "saada", "GPE", "YEM", None)
US_FM = ("وزير الخارجية الأمريكي", "us_fm", "PER", "USA", "USAGOV")


def located(doc, plover: str) -> list[tuple[str, str | None]]:
    return [(e.trigger.text, e.location) for e in doc.events if e.plover == plover]


@pytest.mark.parametrize(
    ("text", "start_word", "scene"),
    [
        ("هجوم انتحاري استهدف نقطة تفتيش في قضاء الطارمية", "الطارمية", True),
        ("فجر نفسه بمسجد لقوات الطوارئ بالقرب من مدينة أبها", "أبها", True),
        ("نقطة تفتيش تحرسها قوات للجيش خارج مدينة أجدابيا", "أجدابيا", True),
        ("استؤنفت أمس السبت في العاصمة اليونانية أثينا المفاوضات", "أثينا", True),
        ("على مواقع تمركز المليشيات في أنحاء متفرقة من اليمن", "اليمن", True),
        ("على مدرسة في منطقة يسيطر عليها المتمردون الحوثيون شمال اليمن", "اليمن", True),
        ("شهدت مديريات محافظة الحديدة وقفات قبلية مسلحة", "الحديدة", True),
        ("إن الإرهابيين قدموا من جنوب مدينة درنة", "درنة", False),  # where they came from
        ("نزوح المئات باتجاه مدينتي حمص ودمشق", "حمص", False),
        ("قام الوفد بزيارة إلى طهران", "طهران", False),
    ],
)
def test_scene_words(text: str, start_word: str, scene: bool) -> None:
    assert is_scene(text, text.index(start_word), 0) is scene


def test_a_district_noun_between_in_and_the_place() -> None:
    text = ("وأسفر هجوم انتحاري بسيارة مفخخة استهدف نقطة تفتيش أمنية مشتركة من الجيش والشرطة في قضاء "
            "الطارمية، شمالي بغداد أمس، عن مقتل ثلاثة أشخاص.")
    assert ("tarmiya" in {loc for _t, loc in located(run(text, [TARMIYA, BAGHDAD, IRAQ]), "ASSAULT")})


def test_a_condemnation_in_a_phone_call_is_placed_at_the_attack_and_the_call_nowhere() -> None:
    text = ("وتلقى الأمير محمد بن نايف اتصالاً هاتفياً اليوم من الشيخ محمد الخالد الحمد الصباح أدان فيه "
            "التفجير الإرهابي الذي استهدف مسجد قوات الطوارئ بمنطقة عسير.")
    doc = run(text, [NAYEF, KHALID, ASIR])
    assert [loc for _t, loc in located(doc, "CONSULT")] == [None]
    assert "asir" in [loc for _t, loc in located(doc, "ACCUSE")]


def test_an_accusation_is_not_placed_where_the_act_it_names_happened() -> None:
    text = ("وكانت السلطات الالمانية قد اتهمت تونس بتعطيل ترحيل التونسي أنيس العامري المشتبه في تنفيذه "
            "الاعتداء ببرلين.")
    doc = run(text, [GERMANY_AUTH, TUNISIA, AMRI, BERLIN])
    assert [loc for t, loc in located(doc, "ACCUSE") if "اتهمت" in t] == [None]


def test_criticism_of_an_operation_in_a_relative_clause_takes_no_place() -> None:
    text = "قال حسن نصر الله إن السعودية تطالب الحوثيين بالحوار الذي بدأ في اليمن."
    doc = run(text, [NASRALLAH, SAUDI, HOUTHIS, YEMEN])
    assert all(loc is None for _t, loc in located(doc, "REQUEST"))


def test_the_next_sentence_continues_the_place_of_the_attack() -> None:
    text = ("وقتل 7 جنود أول من أمس، عندما اقتحم متشددون من تنظيم داعش نقطة تفتيش تحرسها قوات للجيش خارج "
            "مدينة أجدابيا. وأعلن تنظيم داعش مسؤوليته في بيان على وسائل التواصل الاجتماعي، وقال إنه استولى على "
            "ذخيرة ومعدات عسكرية، مشيرا إلى أن مجموعة من مقاتليه اقتحمت بوابة الجيش، وتمكنت من أسر وقتل عدد "
            "من الجنود.")
    doc = run(text, [ISIS, AJDABIYA, ARMY])
    second = text.index("وأعلن")
    later = [e.location for e in doc.events if e.trigger.start > second and e.plover in ("ASSAULT", "COERCE")]
    assert later and all(loc == "ajdabiya" for loc in later)


def test_an_origin_is_not_the_place_of_the_attack() -> None:
    text = "وقال مسؤول عسكري إن مسلحي داعش قدموا من جنوب مدينة درنة، قبل أن يشنوا هجوماً مباغتاً على البوابة."
    doc = run(text, [ISIS, DERNA])
    assert all(loc != "derna" for _t, loc in located(doc, "ASSAULT"))


def test_a_states_own_arrests_happen_in_that_state() -> None:
    text = "وأعلنت السلطات الكويتية اعتقال أربعة أشخاص بتهمة الانتماء إلى خلية إرهابية. وتعد الكويت من أكثر الدول أمناً."
    doc = run(text, [KUWAIT_AUTH, KUWAIT])
    assert [loc for _t, loc in located(doc, "COERCE")] == ["kuwait"]


def _with_dateline(text: str, ents, city: str):
    doc = make_doc(text, ents)
    doc.dateline = Dateline(0, len(city), city)
    return EventStep()(doc)


def test_the_dateline_places_its_own_countrys_statement() -> None:
    text = "طهران - أدانت الخارجية الإيرانية اليوم قرار العقوبات الجديد."
    doc = _with_dateline(text, [TEHRAN, IRAN_MFA], "طهران")
    assert [loc for _t, loc in located(doc, "ACCUSE")] == ["tehran"]


def test_a_foreign_act_reported_from_the_dateline_city_is_not_placed_there() -> None:
    text = "طهران - طالب وزير الخارجية الأمريكي الحوثيين بوقف الهجمات على السفن."
    doc = _with_dateline(text, [TEHRAN, US_FM, HOUTHIS], "طهران")
    assert [loc for _t, loc in located(doc, "REQUEST")] == [None]


def test_a_statement_is_made_where_its_speaker_is_visiting() -> None:
    text = ("وجاءت تصريحات ظريف بعد ساعات من حث ترامب الذي يزور السعودية زعماء الدول العربية والإسلامية على "
            "التوحد وهزيمة الإسلاميين المتطرفين.")
    doc = run(text, [("ظريف", "zarif", "PER", "IRN", "IRNGOV"), ("ترامب", "trump", "PER", "USA", "USAGOV"), SAUDI])
    assert [loc for _t, loc in located(doc, "REQUEST")] == ["saudi"]


def test_the_site_an_attack_strikes_is_its_place() -> None:
    text = 'أعلن حزب الله أن مجاهديه استهدفوا موقع "المالكية" التابع لجيش الاحتلال بالأسلحة الصاروخية.'
    ents = [("حزب الله", "hezbollah", "ORG", "LBN", "LBNREB"), ("المالكية", "malkia", "FAC", "ISR", None),
            ("جيش الاحتلال", "idf", "ORG", "ISR", "ISRMIL")]
    assert [loc for _t, loc in located(run(text, ents), "ASSAULT")] == ["malkia"]


def test_the_act_answered_keeps_its_own_place() -> None:
    text = ("أعلن حزب الله أن مجاهديه استهدفوا مواقع لجيش الاحتلال بالأسلحة الصاروخية، وذلك رداً على المجزرة "
            "التي ارتكبها العدو في مدينة النبطية.")
    ents = [("حزب الله", "hezbollah", "ORG", "LBN", "LBNREB"), ("جيش الاحتلال", "idf", "ORG", "ISR", "ISRMIL"),
            ("النبطية", "nabatieh", "GPE", "LBN", None)]
    doc = run(text, ents)
    assert [loc for t, loc in located(doc, "ASSAULT") if "استهدفوا" in t] == [None]
