"""Carried doers (issue 6): a doer named in an earlier sentence must not become the doer of
unrelated later attacks. A doer taken over from an earlier event anchors nothing further; a
verb whose own subject is the noun before it ("عناصر التنظيم قتلوا"), a masculine plural verb
after a state or body ("قتلوا" after "طائرات التحالف") and a verb written passive ("قُتل") take
no doer across a sentence; a light verb after an attack noun names its doer ("غارات شنها طيران
التحالف"). Wire-style sentences written for the test, entities placed by hand."""

from __future__ import annotations

import pytest

from events_support import run

COAL = ("طائرات التحالف", "coal", "ORG", None, "IGOWSTNAT")
COAL_AIR = ("طيران التحالف", "coal", "ORG", None, "IGOWSTNAT")
COAL_BARE = ("التحالف", "coal", "ORG", None, "IGOWSTNAT")
ISIS = ("داعش", "isis", "ORG", None, "IMGSEPISI")
HOUTHI = ("الحوثيون", "houthi", "ORG", "YEM", "YEMREB")
HOUTHI_G = ("الحوثيين", "houthi", "ORG", "YEM", "YEMREB")
MOSUL = ("الموصل", "mosul", "GPE", "IRQ", None)
RAMADI = ("الرمادي", "ramadi", "GPE", "IRQ", None)
IRAQ = ("العراق", "irq", "GPE", "IRQ", "IRQ")
BAGHDAD = ("بغداد", "baghdad", "GPE", "IRQ", None)
RAQQA = ("الرقة", "raqqa", "GPE", "SYR", None)
TAIZ = ("تعز", "taiz", "GPE", "YEM", None)
HODEIDA = ("الحديدة", "hodeida", "GPE", "YEM", None)

OPENING = "استهدفت طائرات التحالف مواقع لتنظيم داعش في الموصل. "


def assaults(doc):
    return [(doc.text[e.trigger.start:e.trigger.end], e.source, e.target) for e in doc.events if e.plover == "ASSAULT"]


def doer_of(doc, word):
    hits = [src for trig, src, _ in assaults(doc) if word in trig]
    assert hits, f"no attack coded at «{word}»: {assaults(doc)}"
    return hits[0]


@pytest.mark.parametrize(
    ("later", "ents", "word"),
    [
        # the noun before the verb is its subject (the victims), unnamed
        ("وقال قائد العشائر إن العشرات من عناصر التنظيم قتلوا في الرمادي غربي العراق.", [RAMADI, IRAQ], "قتلوا"),
        # a masculine plural verb names a group of people, not the aircraft
        ("وهاجموا نقطة تفتيش للجيش في الرمادي غربي العراق.", [RAMADI, IRAQ], "وهاجموا"),
        # the passive vowel written: nobody to carry
        ("وقُتل ثلاثة أشخاص في الرمادي غربي العراق أمس.", [RAMADI, IRAQ], "قُتل"),
    ],
)
def test_verb_that_does_not_fit_takes_no_carried_doer(later, ents, word):
    doc = run(OPENING + later, [COAL, ISIS, MOSUL, *ents])
    assert doer_of(doc, "استهدفت") == "coal"
    assert doer_of(doc, word) != "coal"


def test_a_taken_over_doer_does_not_run_down_the_report():
    """Each later attack lies within three sentences of the one before it, but only the first
    names its doer: the doer is not handed on from one untold doer to the next."""
    text = (
        OPENING
        + "وقال قائد العشائر إن العشرات من عناصر التنظيم قتلوا في الرمادي غربي العراق. "
        + "وأعلن مصدر أمني أن الجيش يتقدم في المدينة. "
        + "وأوضح أن فرق الهندسة تعمل على فتح ممرات آمنة. "
        + "وأفاد مصدر أمني عراقي بمقتل شخص إثر تفجير عبوة ناسفة في بغداد. "
        + "وأسفر هجوم انتحاري بسيارة مفخخة في بغداد عن مقتل ثلاثة أشخاص."
    )
    doc = run(text, [COAL, ISIS, MOSUL, RAMADI, BAGHDAD, IRAQ])
    later = [(t, s) for t, s, _ in assaults(doc) if "استهدفت" not in t]
    assert later, assaults(doc)
    assert all(s != "coal" for _, s in later), later


def test_agreeing_verb_still_carries_the_doer():
    """A feminine singular verb after "طائرات التحالف" is the same subject, dropped."""
    doc = run(OPENING + "وقصفت مخازن للأسلحة في الرقة.", [COAL, ISIS, MOSUL, RAQQA])
    assert doer_of(doc, "وقصفت") == "coal"


def test_plural_verb_carries_a_group_of_people():
    doc = run("هاجم الحوثيون مواقع للجيش في تعز. وقصفوا أحياء سكنية في المدينة.", [HOUTHI, TAIZ])
    assert doer_of(doc, "وقصفوا") == "houthi"


def test_plural_verb_after_a_group_in_the_same_report_attack():
    """Within one sentence a plural verb may still be the same act as the attack told."""
    doc = run("قصفت طائرات التحالف مواقع في الرقة، وقصفوا مخازن للأسلحة.", [COAL, RAQQA])
    assert doer_of(doc, "قصفت") == "coal"


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        ("سقط عشرات القتلى من الحوثيين، أمس، جراء غارات شنها طيران التحالف على الحديدة.", [HOUTHI_G, COAL_AIR, HODEIDA]),
        ("سقط عشرات القتلى من الحوثيين، أمس، جراء غارات شنتها مقاتلات التحالف على الحديدة.", [HOUTHI_G, COAL_BARE, HODEIDA]),
        ("قتل عشرة مسلحين في ضربات جوية نفذتها طائرات التحالف على مواقع قرب الحديدة.", [COAL, HODEIDA]),
    ],
)
def test_light_verb_after_attack_noun_names_its_doer(text, ents):
    doc = run(text, ents)
    assert [s for _, s, _ in assaults(doc)] == ["coal"], assaults(doc)
    assert all(tg != "coal" for _, _, tg in assaults(doc))


def test_light_verb_with_no_actor_after_it_names_no_doer():
    doc = run("سقط عشرات القتلى من الحوثيين جراء غارات شنها مجهولون على الحديدة.", [HOUTHI_G, HODEIDA])
    assert all(s is None for _, s, _ in assaults(doc)), assaults(doc)
