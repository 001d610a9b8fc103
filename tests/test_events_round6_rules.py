"""Round 6 of the event rules: classes of errors seen on the second development set, each
tested with sentences written for the test (other names, outlets and phrasings), entities
placed by hand so the rules are tested apart from the recognizer.

Classes: what a request or warning asks for is its content, not an event of its own; nominal
and adverbial uses are no events (a purpose adverb, a committee's name, a body's own session,
a cabinet approving appointments, a ceasefire's name, an ongoing occupation in a relative
clause, the charge in a sentencing); missing triggers (exercises, mobilisation, warnings and
"will face a response", sentences, arrests, airdrops, downgrading relations, expelling an
ambassador, offering mediation, calls received after long honorifics); arguments (a cited
source is no target, a unit acts for its owner, what a statement welcomes is the decision's
doer); dates of statements are not the dates of the acts they are about."""

from __future__ import annotations

import pytest

from events_support import run

SHOUKRY = ("سامح شكري", "shoukry", "PER", "EGY", "EGYGOV")
UNSC = ("مجلس الأمن الدولي", "unsc", "ORG", None, "IGOUNO")
ERDOGAN = ("رجب طيب أردوغان", "erdogan", "PER", "TUR", "TURGOV")
IRN_MOD = ("وزير الدفاع الإيراني", "irnmod", "PER", "IRN", "IRNGOV")
USA = ("الولايات المتحدة", "usa", "GPE", "USA", "USA")
LBN_ARMY = ("الجيش اللبناني", "lbnarmy", "ORG", "LBN", "LBNMIL")
ISRAEL = ("إسرائيل", "isr", "GPE", "ISR", "ISR")
IRN_NAVY = ("القوات البحرية الإيرانية", "irnnavy", "ORG", "IRN", "IRNMIL")
HORMUZ = ("مضيق هرمز", "hormuz", "LOC", None, None)
MARIB = ("قبائل مأرب", "marib", "ORG", "YEM", None)
COURT = ("محكمة جنايات القاهرة", "court", "ORG", "EGY", "EGYJUD")
JOR_POLICE = ("الشرطة الأردنية", "jorpolice", "ORG", "JOR", "JORCOP")
SAU_MOI = ("وزارة الداخلية السعودية", "saumoi", "ORG", "SAU", "SAUGOV")
SALMAN = ("الملك سلمان بن عبدالعزيز آل سعود", "salman", "PER", "SAU", "SAUGOV")
MACRON = ("إيمانويل ماكرون", "macron", "PER", "FRA", "FRAGOV")
TEBBOUNE = ("عبد المجيد تبون", "tebboune", "PER", "DZA", "DZAGOV")
FRANCE = ("فرنسا", "fra", "GPE", "FRA", "FRA")
FR_AMB = ("السفير الفرنسي", "framb", "PER", "FRA", "FRAGOV")
TAMIM = ("تميم بن حمد", "tamim", "PER", "QAT", "QATGOV")
SAUDI = ("السعودية", "sau", "GPE", "SAU", "SAU")
IRAN = ("إيران", "irn", "GPE", "IRN", "IRN")
BASRA = ("البصرة", "basra", "GPE", "IRQ", None)
ALI = ("علي حسين", "ali", "PER", "IRQ", None)
IRQ_SEC = ("قوات الأمن العراقية", "irqsec", "ORG", "IRQ", "IRQCOP")
JO_PARL = ("مجلس النواب الأردني", "joparl", "ORG", "JOR", "JORLEG")
EGY_CAB = ("مجلس الوزراء المصري", "egycab", "ORG", "EGY", "EGYGOV")
GOLAN = ("الجولان", "golan", "LOC", "SYR", None)
JO_MFA = ("وزارة الخارجية الأردنية", "jomfa", "ORG", "JOR", "JORGOV")
EU = ("الاتحاد الأوروبي", "eu", "ORG", None, "IGOEEC")
PS_MOH = ("وزارة الصحة الفلسطينية", "psmoh", "ORG", "PSE", "PSEGOV")
GAZA = ("قطاع غزة", "gaza", "LOC", "PSE", None)
JO_AF = ("سلاح الجو الأردني", "joaf", "ORG", "JOR", "JORMIL")
SDN_SPOKES = ("نبيل عبد الله", "nabil", "PER", "SDN", "SDNMIL")
RSF = ("قوات الدعم السريع", "rsf", "ORG", "SDN", "SDNREB")
QATAR_FM = ("وزير الخارجية القطري", "qatfm", "PER", "QAT", "QATGOV")
HEZB = ("حزب الله", "hezb", "ORG", "LBN", "LBNREB")
IDF = ("الجيش الإسرائيلي", "idf", "ORG", "ISR", "ISRMIL")
LEBANON = ("لبنان", "lbn", "GPE", "LBN", "LBN")
MIKATI = ("نجيب ميقاتي", "mikati", "PER", "LBN", "LBNGOV")


def events(doc, plover=None):
    return [e for e in doc.events if plover is None or e.plover == plover]


def roles(doc, plover):
    return [(e.source, e.target) for e in doc.events if e.plover == plover]


# ---------------------------------------------------------------- what is asked or warned of


@pytest.mark.parametrize(
    ("text", "ents", "want"),
    [
        (
            "طلب وزير الخارجية المصري سامح شكري من مجلس الأمن الدولي عقد جلسة طارئة لبحث الأوضاع.",
            [SHOUKRY, UNSC],
            ("shoukry", "unsc"),
        ),
        (
            "وطلب الرئيس التركي رجب طيب أردوغان، في اتصال مع الصحفيين، من مجلس الأمن الدولي عقد اجتماع عاجل.",
            [ERDOGAN, UNSC],
            ("erdogan", "unsc"),
        ),
    ],
)
def test_a_meeting_asked_for_is_the_requests_content(text, ents, want):
    doc = run(text, ents)
    assert want in roles(doc, "REQUEST")
    assert not events(doc, "CONSULT")  # the session asked for is not a meeting that took place


def test_a_call_for_a_ceasefire_across_a_long_relative_clause_is_a_request():
    doc = run(
        "ودعا الرئيس التركي رجب طيب أردوغان، الذي تتولى بلاده رئاسة القمة الدورية للمنظمة هذا العام، "
        "إسرائيل إلى وقف إطلاق النار فوراً.",
        [ERDOGAN, ISRAEL],
    )
    assert ("erdogan", "isr") in roles(doc, "REQUEST")
    assert not events(doc, "AGREE") and not events(doc, "RETREAT")


@pytest.mark.parametrize(
    ("text", "ents", "want"),
    [
        ("حذر وزير الدفاع الإيراني الولايات المتحدة من مغبة الاعتداء على السفن الإيرانية.", [IRN_MOD, USA], ("irnmod", "usa")),
        ("وحذرت إيران الولايات المتحدة من عواقب أي هجوم على منشآتها النووية.", [IRAN, USA], ("irn", "usa")),
    ],
)
def test_a_warning_to_someone_is_a_threat_and_the_feared_attack_no_event(text, ents, want):
    doc = run(text, ents)
    assert want in roles(doc, "THREATEN")
    assert not events(doc, "ASSAULT")


def test_a_warning_at_nobody_is_no_threat():
    doc = run("وحذرت وزارة الخارجية الأردنية من خطورة انتشار الوباء في المخيمات.", [JO_MFA])
    assert not events(doc, "THREATEN")


@pytest.mark.parametrize(
    ("text", "ents", "want"),
    [
        (
            'وقال وزير الدفاع الإيراني رداً على تهديدات الولايات المتحدة: "إن أي حماقة أمريكية جديدة ستواجه برد قاس ومؤلم".',
            [IRN_MOD, USA],
            ("irnmod", "usa"),
        ),
        (
            "لكن المتحدث نبيل عبد الله حذر من أن أي هجوم من جانب قوات الدعم السريع سيقابل بالرد.",
            [SDN_SPOKES, RSF],
            ("nabil", "rsf"),
        ),
    ],
)
def test_will_face_a_response_is_a_threat_made_now(text, ents, want):
    doc = run(text, ents, published="2025-05-24")
    threats = [e for e in events(doc, "THREATEN") if (e.source, e.target) == want]
    assert threats and threats[0].modality == "asserted" and threats[0].date == "2025-05-24"


def test_an_accusing_participle_after_a_request_is_its_own_event():
    doc = run(
        "وطلب نجيب ميقاتي من مجلس الأمن الدولي عقد اجتماع طارئ، متهماً إسرائيل بخرق القرار.",
        [MIKATI, UNSC, ISRAEL],
    )
    assert ("mikati", "unsc") in roles(doc, "REQUEST")
    assert ("mikati", "isr") in roles(doc, "ACCUSE")


def test_a_refusal_to_back_down_is_a_rejection():
    doc = run("وأكد وزير الخارجية القطري أننا لن نتراجع عن موقفنا.", [QATAR_FM])
    assert not events(doc, "CONCEDE")
    assert [e for e in events(doc, "REJECT") if not e.negated]


# ---------------------------------------------------------------- nominal and adverbial uses


def test_a_purpose_adverb_alone_names_no_protest():
    doc = run("قاطع نواب المعارضة جلسة البرلمان احتجاجاً على قانون الانتخاب في البصرة.", [BASRA])
    assert len(events(doc, "PROTEST")) <= 1  # the boycott, not a second protest from "احتجاجاً"
    doc = run("وقال عضو لجنة تنسيق الاحتجاجات في البصرة علي حسين إن المطالب واضحة.", [BASRA, ALI])
    assert not events(doc, "PROTEST")  # a committee named after the protests


def test_protesters_injured_in_a_dispersal_are_no_protest():
    doc = run(
        "وحاولت قوات الأمن العراقية تفريق المحتجين باستخدام الغاز، ما أدى إلى إصابة عشرة محتجين.",
        [IRQ_SEC],
    )
    assert [e for e in doc.events if e.cameo.startswith("175") and e.source == "irqsec"]
    assert not events(doc, "PROTEST")
    assert not [e for e in doc.events if e.cameo.startswith("19")]  # the injuries are the dispersal's


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        ("عقد مجلس النواب الأردني جلسته العادية، اليوم، برئاسة رئيس المجلس.", [JO_PARL]),
        ("وأعلن مجلس الوزراء المصري أنه سيعقد اجتماعاً خاصاً الأسبوع المقبل لبحث الرد.", [EGY_CAB]),
        ("ووافق مجلس الوزراء المصري على تعيين محافظ جديد للبنك المركزي.", [EGY_CAB]),
    ],
)
def test_a_bodys_own_business_is_no_event_between_actors(text, ents):
    doc = run(text, ents)
    assert not events(doc, "CONSULT") and not events(doc, "AGREE")


def test_a_meeting_with_an_unnamed_partner_is_kept():
    doc = run("وعقد مجلس الوزراء المصري اجتماعاً مع ممثلي النقابات لبحث الأجور.", [EGY_CAB])
    assert events(doc, "CONSULT")


def test_the_name_of_a_ceasefire_accord_is_no_violation():
    doc = run("وأكد نجيب ميقاتي التزام لبنان باتفاق وقف الأعمال العدائية مع إسرائيل.", [MIKATI, LEBANON, ISRAEL])
    assert not events(doc, "ASSAULT")


def test_an_occupation_described_in_a_relative_clause_is_no_act():
    doc = run("ودعا نجيب ميقاتي إلى الانسحاب من الأراضي التي لا تزال إسرائيل تحتلها في الجولان.", [MIKATI, ISRAEL, GOLAN])
    assert not [e for e in doc.events if e.cameo.startswith("192")]


def test_the_charge_in_a_sentence_is_no_attack():
    doc = run(
        "أصدرت محكمة جنايات القاهرة، اليوم الأربعاء، حكماً بالسجن المؤبد على خمسة متهمين بتهمة تفجير كنيسة.",
        [COURT],
    )
    assert ("court", None) in roles(doc, "COERCE")
    assert not events(doc, "ASSAULT")


def test_exchanging_prisoners_that_an_accord_provides_for_is_not_told_as_done():
    doc = run("ونص الاتفاق على تبادل الأسرى بإشراف اللجنة الدولية للصليب الأحمر.", [])
    assert all(e.modality != "asserted" for e in events(doc, "RETREAT"))


# ---------------------------------------------------------------- missing triggers


@pytest.mark.parametrize(
    ("text", "ents", "want"),
    [
        ("نفذت القوات البحرية الإيرانية، اليوم الأحد، مناورة عسكرية واسعة في مضيق هرمز.", [IRN_NAVY, HORMUZ], "irnnavy"),
        ("أجرت القوات البحرية الإيرانية تمريناً بحرياً بالذخيرة الحية في مضيق هرمز.", [IRN_NAVY, HORMUZ], "irnnavy"),
        ("أعلنت قبائل مأرب النفير العام لمواجهة أي هجوم.", [MARIB], "marib"),
    ],
)
def test_exercises_and_general_mobilisation(text, ents, want):
    doc = run(text, ents)
    assert want in [e.source for e in events(doc, "MOBILIZE")]


@pytest.mark.parametrize(
    ("text", "ents", "want"),
    [
        ("ألقت الشرطة الأردنية القبض على ثلاثة أشخاص في الزرقاء.", [JOR_POLICE], "jorpolice"),
        ("أعلنت وزارة الداخلية السعودية القبض على خمسة مطلوبين في القطيف.", [SAU_MOI], "saumoi"),
        ("وقضت محكمة جنايات القاهرة بإعدام ثلاثة مدانين بالإرهاب.", [COURT], "court"),
    ],
)
def test_arrests_and_sentences(text, ents, want):
    doc = run(text, ents)
    assert want in [e.source for e in events(doc, "COERCE") if e.cameo.startswith("173")]


def test_signing_with_shadda_and_a_declaration_of_principles():
    doc = run(
        "وقّعت السعودية وإيران، الأحد، في العاصمة الصينية بكين، بحضور مسؤولين من البلدين، إعلان مبادئ لاستئناف العلاقات.",
        [SAUDI, IRAN],
    )
    assert [e for e in doc.events if e.cameo == "057" and {e.source, e.target} == {"sau", "irn"}]


def test_a_call_received_after_long_honorifics():
    doc = run(
        'تلقى خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود "حفظه الله"، اتصالاً هاتفياً اليوم '
        "من فخامة الرئيس الفرنسي إيمانويل ماكرون.",
        [SALMAN, MACRON],
    )
    assert ("macron", "salman") in roles(doc, "CONSULT")


def test_downgrading_relations_and_expelling_the_ambassador():
    doc = run(
        "قرر الرئيس الجزائري عبد المجيد تبون خفض مستوى التمثيل الدبلوماسي مع فرنسا، وطرد السفير الفرنسي.",
        [TEBBOUNE, FRANCE, FR_AMB],
    )
    sanctions = events(doc, "SANCTION")
    assert sanctions and all(e.source != "framb" for e in sanctions)
    assert all(e.trigger.text != "السفير" for e in sanctions)  # the act, not the noun
    assert ("tebboune", "fra") in roles(doc, "SANCTION")


def test_offering_mediation_after_a_long_subject():
    doc = run("وعرض أمير قطر الشيخ تميم بن حمد التوسط بين السعودية وإيران.", [TAMIM, SAUDI, IRAN])
    assert [e for e in doc.events if e.cameo == "039" and e.source == "tamim"]


def test_an_airdrop_by_a_unit_is_its_owners():
    doc = run(
        "ونفذت طائرات تابعة لسلاح الجو الأردني عملية إسقاط جوي جديدة للمساعدات على شمال قطاع غزة.",
        [JO_AF, GAZA],
    )
    assert "joaf" in [e.source for e in events(doc, "AID")]


# ---------------------------------------------------------------- arguments


@pytest.mark.parametrize(
    "text",
    [
        "وقتل خمسة أشخاص في الغارة على قطاع غزة، وفقاً لوزارة الصحة الفلسطينية.",
        "واستشهد ثلاثة مواطنين في القصف على قطاع غزة، بحسب وزارة الصحة الفلسطينية.",
    ],
)
def test_a_cited_source_is_no_target(text):
    doc = run(text, [PS_MOH, GAZA])
    assert all(e.target != "psmoh" and e.source != "psmoh" for e in doc.events)


def test_a_welcomed_decision_targets_its_doer():
    doc = run(
        "فرض الاتحاد الأوروبي، الثلاثاء، عقوبات على إيران. ورحبت وزارة الخارجية الأردنية بالقرار، ووصفته بأنه خطوة مهمة.",
        [EU, IRAN, JO_MFA],
    )
    assert ("jomfa", "eu") in roles(doc, "SUPPORT")


def test_the_title_before_a_praising_subject_is_not_what_is_praised():
    praised = ("مصر", "egy", "GPE", "EGY", "EGY")
    adviser = ("جان لوك", "jl", "PER", "FRA", None)
    macron = ("الرئيس الفرنسي", "macron", "PER", "FRA", "FRAGOV")
    doc = run("زار الرئيس الفرنسي مصر. كما أشاد كبير مستشاري الرئيس الفرنسي للشؤون العربية جان لوك بالدور المصري.", [praised, adviser, macron])
    assert ("jl", "egy") in roles(doc, "SUPPORT")


# ---------------------------------------------------------------- dates of statements


def test_a_condemnation_is_dated_by_the_report_not_by_the_strike():
    doc = run(
        "وأدان نجيب ميقاتي الغارات الإسرائيلية التي استهدفت أمس الأربعاء بلدة في الجنوب.",
        [MIKATI],
        published="2025-03-27",
    )
    acc = events(doc, "ACCUSE")
    assert acc and acc[0].date == "2025-03-27"


def test_a_deadline_ahead_gives_no_day_to_later_sentences():
    doc = run(
        "واتفقت السعودية وإيران على إبرام اتفاق شامل في موعد أقصاه 18 أغسطس المقبل. "
        "ورحب الاتحاد الأوروبي بالاتفاق.",
        [SAUDI, IRAN, EU],
        published="2025-07-19",
    )
    welcome = events(doc, "SUPPORT")
    assert welcome and welcome[0].date == "2025-07-19"
