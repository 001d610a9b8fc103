"""Who did what to whom: the argument rules added for unnamed actors, restatements, reactions,
references to earlier events, refusals and long titles (one parametrized case per rule)."""

from __future__ import annotations

import pytest

from events_support import run

USA = ("الولايات المتحدة", "usa", "GPE", "USA", "USA")
HOUTHIS = ("جماعة الحوثي", "houthis", "ORG", "YEM", "YEMREB")
IDF = ("جيش الاحتلال", "idf", "ORG", "ISR", "ISRMIL")
ISRAEL = ("إسرائيل", "israel", "GPE", "ISR", "ISR")
JENIN = ("جنين", "jenin", "GPE", "PSE", None)
GOV = ("كمال أبو الرب", "gov", "PER", "PSE", "PSEGOV")
MINISTRY = ("وزارة التربية", "ministry", "ORG", "TUN", "TUNGOV")
UNION = ("الجامعة العامة للتعليم الثانوي", "union", "ORG", "TUN", "TUNLAB")
HAMAS = ("حماس", "hamas", "ORG", "PSE", "PSEREB")
HAMDAN = ("أسامة حمدان", "hamdan", "PER", "PSE", "PSEREB")
AKBARI = ("حسين أكبري", "akbari", "PER", "IRN", "IRNGOV")
SYRIA = ("سورية", "syria", "GPE", "SYR", "SYR")
NELSON = ("بريان نيلسون", "nelson", "PER", "USA", "USAGOV")
SETTLERS = ("المستوطنين", "settlers", "NORP", "ISR", "ISRSET")
MFA = ("وزارة الخارجية", "mfa", "ORG", "JOR", "JORGOV")
QUSRA = ("قصرة", "qusra", "GPE", "PSE", None)


def events(doc, plover: str):  # noqa: ANN001, ANN201
    return [e for e in doc.events if e.plover == plover]


@pytest.mark.parametrize(
    ("text", "entities", "plover", "source", "target"),
    [
        # an unnamed actor named by its nationality: the country's actor
        ("فرضت وزارة الخزانة الأميركية، أمس الخميس، عقوبات على قادة جماعة الحوثي.\nوتتهم الولايات المتحدة الجماعة.",
         [USA, HOUTHIS],
         "COERCE", "usa", "houthis"),
        # "a force of X" before its verb, after a complementizer
        ("وأفادت مصادر محلية بأن قوة كبيرة من جيش الاحتلال معززة بالجرافات اقتحمت مدينة جنين.", [IDF, JENIN],
         "COERCE", "idf", "jenin"),
        # a participle's pronoun object is the object of the act before it
        ("فرضت الولايات المتحدة عقوبات على قادة جماعة الحوثي، متهمة إياهم بالمسؤولية عن الهجمات.", [USA, HOUTHIS],
         "ACCUSE", "usa", "houthis"),
        # "وإدانتها" with إ is a verbal noun (not أدانت + pronoun); its target is the adjective's country
        ("وأعرب حسين أكبري عن تضامن بلاده مع سورية، وإدانتها للعدوان الإسرائيلي على الأراضي السورية.",
         [AKBARI, SYRIA, ISRAEL], "ACCUSE", "akbari", "israel"),
        # an unmarked repeat of a name the document marks elsewhere ("مستوطنين" … "المستوطنين")
        ("دانت وزارة الخارجية اعتداء مستوطنين، فجر اليوم، على بلدة قصرة، وحذرت من اعتداءات المستوطنين.",
         [MFA, QUSRA, SETTLERS], "ASSAULT", "settlers", "qusra"),
    ],
)
def test_argument_rules(text, entities, plover, source, target) -> None:  # noqa: ANN001
    found = [(e.source, e.target) for e in events(run(text, entities), plover)]
    assert (source, target) in found, found


def test_condemning_an_act_told_before_targets_its_doer() -> None:
    text = (
        "اعتقل جيش الاحتلال فجر اليوم 15 مواطناً من مدينة جنين.\n"
        "من جهته، أدان كمال أبو الرب الاقتحام."
    )
    doc = run(text, [IDF, JENIN, GOV])
    accuse = events(doc, "ACCUSE")
    assert [(e.source, e.target) for e in accuse] == [("gov", "idf")]


def test_a_reaction_targets_the_other_side() -> None:
    text = (
        "وقالت الجامعة العامة للتعليم الثانوي إن الإضراب نجح.\n"
        "من جهتها، رفضت وزارة التربية ما وصفته بالزج بالتلاميذ في التجاذبات النقابية."
    )
    doc = run(text, [UNION, MINISTRY], published="2024-02-20")
    ev = events(doc, "ACCUSE")
    assert [(e.source, e.target) for e in ev] == [("ministry", "union")]


@pytest.mark.parametrize(
    ("text", "entities", "expected"),
    [
        # the same sanctions told again by a definite noun: no second event
        ("فرضت الولايات المتحدة عقوبات على جماعة الحوثي.\nوتقضي العقوبات بتجميد أي أصول للمستهدفين.",
         [USA, HOUTHIS], [("COERCE", False)]),
        # "لن تقبل" is a refusal (REJECT), not a negated acceptance
        ("وقال أسامة حمدان إن حماس لن تقبل باتفاق لا يضمن وقفاً دائماً لإطلاق النار.", [HAMDAN, HAMAS],
         [("REJECT", False)]),
        # declining to comment is no event
        ("ورفض مكتب نتنياهو التعليق على تصريحات أسامة حمدان.", [HAMDAN], []),
        # "violations" with nobody named as their author is commentary, not an accusation
        ('وقال أسامة حمدان: "إن هذه الاعتداءات انتهاك صارخ لسيادة سورية".', [HAMDAN, SYRIA], []),
        # words that only look like triggers: "يبعد" (is far), "بيان صادر عن" (issued), "سأضرب مثالاً"
        ("وقال أسامة حمدان في بيان صادر عنه إن الطريق يبعد كيلومترات، وسأضرب مثالاً على ذلك.", [HAMDAN], []),
    ],
)
def test_what_is_not_a_new_event(text, entities, expected) -> None:  # noqa: ANN001
    doc = run(text, entities)
    assert [(e.plover, e.negated) for e in doc.events] == expected


@pytest.mark.parametrize(
    ("text", "entities", "speaker"),
    [
        # a long title the recognizer did not cover as one role
        ('وقال وكيل وزارة الخزانة لشؤون الإرهاب والاستخبارات المالية بريان نيلسون: "سنستخدم كل الأدوات المتاحة".',
         [NELSON], "nelson"),
        # "وفق ما أفاد" attributes; it neither quotes nor changes the speaker of "وأضاف:"
        ('وقال أسامة حمدان: "لن نتراجع عن مطالبنا".\nوأفادت مصادر، وفق ما أفاد شهود، بالهدوء.\nوأضاف: "الكرة في ملعب الاحتلال".',
         [HAMDAN], "hamdan"),
    ],
)
def test_quote_speakers(text, entities, speaker) -> None:  # noqa: ANN001
    doc = run(text, entities)
    assert doc.quotes and all(q.speaker == speaker for q in doc.quotes), [(q.text, q.speaker) for q in doc.quotes]
