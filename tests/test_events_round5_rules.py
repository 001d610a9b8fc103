"""Round 5 of the event rules: argument errors of the audit's tune half (issue 6). A verb that
carries an object pronoun takes the name after it as its subject; a coordinated verb with its
own named subject keeps it; the genitive after a detention noun is its doer when an object
follows. Each case is a wire-style sentence written for the test, with the entities placed by
hand, so the rules are tested apart from the recognizer."""

from __future__ import annotations

import pytest

from events_support import run

DAWA = ("حزب الدعوة", "dawa", "ORG", "IRQ", "IRQREB")
EMB = ("السفارة العراقية", "emb", "ORG", "IRQ", "IRQGOV")
ISIS = ("داعش", "isis", "ORG", None, "IMGSEPISI")
HAMAS = ("حماس", "hamas", "ORG", "PSE", "PSEREB")
FATAH = ("فتح", "fatah", "ORG", "PSE", "PSEPTY")
ARMY = ("الجيش اللبناني", "lbnarmy", "ORG", "LBN", "LBNMIL")
MALIKI = ("نوري المالكي", "maliki", "PER", "IRQ", "IRQGOV")
SHANAB = ("طارق شنب", "shanab", "PER", "LBN", None)
BEIRUT = ("بيروت", "beirut", "GPE", "LBN", None)
QUR = ("القريتين", "qur", "GPE", "SYR", None)
HOUTHI = ("الحوثيين", "houthi", "ORG", "YEM", "YEMREB")


def roles(doc, plover):
    return [(e.source, e.target) for e in doc.events if e.plover == plover]


@pytest.mark.parametrize(
    ("text", "ents", "want"),
    [
        (
            "من فجر السفارة العراقية في بيروت؟ لقد فجرتها جماعة إرهابية، حزب الدعوة العراقي.",
            [EMB, BEIRUT, DAWA],
            ("dawa", "emb"),
        ),
        (
            "وتعرضت السفارة العراقية لهجوم عام 1981، فقد فجرتها جماعة مسلحة هي حزب الدعوة.",
            [EMB, DAWA],
            ("dawa", "emb"),
        ),
    ],
)
def test_the_name_after_a_verb_with_an_object_pronoun_is_its_subject(text, ents, want):
    doc = run(text, ents)
    assert want in roles(doc, "ASSAULT")


def test_an_object_pronoun_after_an_unnamed_noun_names_no_target():
    # "227 مسيحيا اختطفهم التنظيم": the pronoun refers to the unnamed noun right before the verb
    doc = run("وما زال مصير الجنود مجهولا كمصير عشرات المسيحيين الآشوريين اختطفهم داعش من الحسكة في بيروت.", [ISIS, BEIRUT])
    got = roles(doc, "ASSAULT")
    assert got and all(src == "isis" and tgt != "beirut" for src, tgt in got)


def test_a_root_fa_is_no_conjunction():
    # فجر begins with the root letter ف: the verb is not coordinated with the one before
    doc = run("وقصف الجيش اللبناني مواقع المسلحين، ثم فجرها حزب الدعوة في بيروت.", [ARMY, DAWA, BEIRUT])
    assert all(src != "lbnarmy" for src, _ in roles(doc, "ASSAULT")[1:])


@pytest.mark.parametrize(
    ("text", "ents", "want"),
    [
        (
            "زار نوري المالكي هذا العام بيروت فطالب المحامي طارق شنب بإلقاء القبض على نوري المالكي.",
            [MALIKI, BEIRUT, SHANAB],
            ("shanab", "maliki"),
        ),
        (
            "وصل نوري المالكي إلى بيروت أمس، وطالب الناشط طارق شنب السلطات بمحاكمة نوري المالكي.",
            [MALIKI, BEIRUT, SHANAB],
            ("shanab", "maliki"),
        ),
    ],
)
def test_a_coordinated_verb_with_its_own_named_subject_keeps_it(text, ents, want):
    doc = run(text, ents)
    assert want in roles(doc, "REQUEST")


def test_a_coordinated_verb_still_shares_the_subject_when_the_name_is_its_object():
    # "وطالب الحوثيين بالانسحاب": no new subject; the earlier verb's subject carries over
    doc = run("وأدان نوري المالكي الهجوم على بيروت، وطالب الحوثيين بالانسحاب.", [MALIKI, BEIRUT, HOUTHI])
    assert ("maliki", "houthi") in roles(doc, "REQUEST")


@pytest.mark.parametrize(
    ("text", "ents", "want"),
    [
        ("وتحدثت الشبكة عن احتجاز داعش لرهائن مسيحيين في القريتين.", [ISIS, QUR], "isis"),
        ("وتحدثت الشبكة عن احتجاز «داعش» عقب هجومه على بلدة القريتين عشرات العائلات.", [ISIS, QUR], "isis"),
        ("وكشف التقرير عن اعتقال حماس لعشرات من أنصار فتح في غزة.", [HAMAS, FATAH], "hamas"),
    ],
)
def test_the_genitive_of_a_detention_noun_is_the_doer_when_an_object_follows(text, ents, want):
    doc = run(text, ents)
    got = roles(doc, "COERCE")
    assert got and got[0][0] == want and got[0][1] != want


@pytest.mark.parametrize(
    ("text", "ents", "want"),
    [
        ("وتحدثت الشبكة عن احتجاز عناصر داعش في القريتين.", [ISIS, QUR], "isis"),
        ("وتحدثت الشبكة عن احتجاز حماس لمدة يومين.", [HAMAS], "hamas"),
        ("وتحدثت الشبكة عن اعتقال داعش في القريتين.", [ISIS, QUR], "isis"),
    ],
)
def test_the_genitive_of_a_detention_noun_is_the_patient_otherwise(text, ents, want):
    doc = run(text, ents)
    got = roles(doc, "COERCE")
    assert got and got[0][1] == want and got[0][0] != want
