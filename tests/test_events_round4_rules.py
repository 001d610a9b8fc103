"""Round 4 of the event rules: the doer of an act told inside a time frame ("خلال تفاوضهم مع
X", "زيارة التقى خلالها"), from the source errors of the audit's tune half. Each case is a
wire-style sentence written for the test, with the entities placed by hand, so the rules are
tested apart from the recognizer."""

from __future__ import annotations

import pytest

from events_support import run

IRN = ("الإيرانيون", "irn", "NORP", "IRN", "IRN")
QATAR = ("قطر", "qat", "GPE", "QAT", "QAT")
HOUTHI = ("الحوثيين", "houthi", "ORG", "YEM", "YEMREB")
MBS = ("محمد بن سلمان", "mbs", "PER", "SAU", "SAUGOV")
SISI = ("عبدالفتاح السيسي", "sisi", "PER", "EGY", "EGYGOV")
ABBAS = ("محمود عباس", "abbas", "PER", "PSE", "PSEGOV")
KERRY = ("جون كيري", "kerry", "PER", "USA", "USAGOV")


def consults(doc):
    return [(e.source, e.target) for e in doc.events if e.plover == "CONSULT"]


@pytest.mark.parametrize(
    ("text", "ents", "want"),
    [
        (
            "وطالب الإيرانيون خلال تفاوضهم مع الحوثيين في مسقط بتبادل الأسرى.",
            [IRN, HOUTHI],
            ("irn", "houthi"),
        ),
        (
            "وعرضت قطر خلال تفاوضها مع الحوثيين في الدوحة خطة للتهدئة.",
            [QATAR, HOUTHI],
            ("qat", "houthi"),
        ),
    ],
)
def test_a_possessed_noun_in_a_time_frame_belongs_to_the_subject_just_named(text, ents, want):
    doc = run(text, ents)
    assert want in consults(doc)


def test_a_possessed_noun_in_a_time_frame_after_a_preposition_phrase_has_no_owner_there():
    # the actor right before the frame sits after a preposition: it is no subject
    doc = run("وجرى الحديث مع الحوثيين خلال تفاوضهم في مسقط.", [HOUTHI])
    assert all(src != "houthi" for src, _ in consults(doc))


@pytest.mark.parametrize(
    ("text", "ents", "want"),
    [
        (
            "غادر الأمير محمد بن سلمان القاهرة بعد زيارة عمل التقى خلالها الرئيس عبدالفتاح السيسي.",
            [MBS, SISI],
            ("mbs", "sisi"),
        ),
        (
            "واختتم الوزير جون كيري جولة إقليمية التقى خلالها الرئيس محمود عباس في رام الله.",
            [KERRY, ABBAS],
            ("kerry", "abbas"),
        ),
    ],
)
def test_a_verb_told_during_an_act_takes_the_sentence_subject(text, ents, want):
    doc = run(text, ents)
    assert want in consults(doc)


def test_a_verb_told_during_an_act_ignores_an_actor_after_a_preposition():
    # the only actor before the verb is governed by "مع": no doer is named
    doc = run("وجاء ذلك بعد جولة مع محمود عباس التقى خلالها وفدا من المستوطنين.", [ABBAS])
    assert all(src != "abbas" for src, _ in consults(doc))
