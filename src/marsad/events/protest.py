"""Does a text report a protest that took place? Sentence-level PROTEST detection.

The events step codes every PROTEST trigger it reads, modality and all. Detection asks a
narrower question (the one the OEDA Arabic GSR annotators answered): is a specific protest —
a demonstration, march, sit-in, strike, hunger strike, riot or road block — told as taking
place or having taken place, with what happened in it? An event counts as evidence when

* it is a PROTEST event, or the dispersal of protesters (CAMEO 175: a protest was there);
* it is asserted: not negated, not future, demanded (a call to protest) or hypothetical, and
  no call, plan, ban or threat stands before it in its sentence ("دعا إلى تظاهرات",
  "ستمنع متظاهرين من تنظيم مسيرة", "من المنتظر أن") — unless the protesters themselves are
  the subject ("ودعا المعتصمون");
* it is not governed by a word that makes it a topic or a charge ("مطالب المتظاهرين", "دعم
  الاحتجاجات", "حظر الإضرابات", "بتهمة التظاهر"), nor another sense of the word ("تظاهر
  بأنه" = pretend, "مسيرة التنمية" = a course, a possessive "احتجاجه" = his objection, the
  purpose "احتجاجاً على" of another act);
* a background frame ("رداً على احتجاجات", "بعد أسابيع من التظاهرات") counts only with its
  own date, since without one it only names why something else happened;
* weak words — the protesters named as a group ("المتظاهرين"), a bare "احتجاج" (also a
  complaint), "شغب", a singular "تظاهرة" (also a festival) or a crowd verb ("احتشد") —
  count only with a protest scene in the sentence: a crowd size, a street or square, "أمام",
  slogans, banners, dispersal, clashes.

:func:`is_protest` is the decision the GSR evaluation (:mod:`marsad.events.gsr`) calls;
:func:`protest_scene` is shared with the events step, which keeps weak protest words only
where it holds.
"""

from __future__ import annotations

import re

from marsad.document import Document, Event
from marsad.normalize import match_key

_WORD = re.compile(r"[\w\u064b-\u065f\u0670]+")


def _keys(*words: str) -> frozenset[str]:
    return frozenset(match_key(w) for w in words)


# The word right before the trigger (or two before) makes it a topic or a charge.
_GOVERNORS = _keys(
    "مطالب", "مطالبات", "دعم", "تأييد", "يؤيد", "تؤيد", "تصعيد", "حظر", "منع", "يمنع", "تمنع", "ستمنع",
    "بمنع", "قانون", "حق", "معدل", "روح", "أشكال", "ثقافة", "استخدام", "استغلال", "دعوات", "دعوة",
    "بخروج", "جاهزين", "يسمح", "تسمح", "يقومون", "تغطي", "مثيري", "مواجهة", "لمواجهة", "مكافحة",
    "وراء", "مقابل", "تنظيمها", "المشاركة", "نشاطات", "الاهتمام", "التعامل", "اتساع", "تأليب",
)
_CHARGES = _keys(
    "بتهمة", "بتهم", "تهمة", "تهم", "لتورطهم", "لتورطه", "بإثارة", "باثاره", "بالتحريض", "المحرض",
    "التحريض", "تحريض", "المتهم", "المتهمين", "اتهمتهم", "قضايا", "قضية",
)
# A call, plan, ban or threat anywhere before it in the sentence
_PLANS = _keys(
    "دعا", "دعت", "يدعو", "تدعو", "ندعو", "ستمنع", "سيمنع", "منعت", "يمنع", "لن", "قررنا", "قرروا",
    "المزمع", "المرتقب", "المنتظر", "سيدفع", "يدفعنا", "تستعد", "يستعد", "يستعدون", "حال", "إذا",
    "اذا", "ربما", "يجب", "سيخرج", "سيخرجون", "ينوي", "يعتزم", "تعتزم", "حذر", "يحذر", "المطلوب",
    "وصولا", "لإنجاز", "يهدد", "تهدد", "هدد", "هددت",
)
_NEGATION = _keys("لم", "لن", "لا", "ليس", "دون", "بدون", "عدم")
_FRAMES = _keys("ردا", "عقب", "بعد", "خلفية", "أعقاب", "اعقاب", "إثر", "اثر", "قبل", "منذ", "إبان")
_WEAK = _keys(
    "المتظاهرين", "المحتجين", "المعتصمين", "متظاهرين", "محتجين", "معتصمين", "متظاهرا", "محتجا",
    "احتجاج", "الاحتجاج", "احتشد", "احتشدوا", "تجمهر", "تجمهروا", "تظاهرة", "التظاهرة", "شغب",
    "الشغب", "بالشغب",
)
# A protest scene: crowds, streets and squares, slogans, banners, dispersal, clashes
_SCENE = _keys(
    "عشرات", "مئات", "آلاف", "الآلاف", "المئات", "العشرات", "ألف", "ألفي", "حشود", "ساحة", "ميدان",
    "شارع", "شوارع", "الشوارع", "الشارع", "أمام", "مقر", "هتافات", "شعارات", "لافتات", "رفعوا",
    "رددوا", "هتفوا", "أغلقوا", "قطعوا", "عطلوا", "تفريق", "فرقت", "فرقوا", "لتفريق", "النار",
    "الغاز", "اعتقلت", "اعتقلوا", "اعتقل", "اشتباكات", "صدامات", "مواجهات", "غاضبة", "غاضبين",
    "منددة", "منددين", "للتنديد", "تنديدا", "احتجاجا", "للاحتجاج", "للمطالبة", "مطالبين", "رافعين",
    "مرددين", "حاشدة", "الحواجز", "الطرق", "الطريق", "إضراب", "اعتصام", "مظاهرة", "مظاهرات",
    "تظاهرات", "مسيرة", "وقفة", "احتجاجية", "أرجاء", "أنحاء", "الشرطة", "الأمن",
)
_CROWD_VERBS = _keys("احتشد", "احتشدوا", "تجمهر", "تجمهروا", "تجمع", "تجمعوا", "يحتشد", "يحتشدون")
_PROTEST_WORDS = _keys(
    "احتجاجا", "للاحتجاج", "تنديدا", "للتنديد", "منددين", "غاضبين", "رافضين", "مطالبين", "للمطالبة",
    "هتافات", "شعارات", "لافتات", "ضد", "أمام", "متظاهر", "متظاهرين", "محتجين", "المتظاهرين",
    "المحتجين", "اعتصام", "مظاهرة", "تظاهرة", "احتجاج", "احتجاجية",
)
_PROTEST_ADJ = _keys(
    "الاحتجاجية", "السلمية", "الحاشدة", "الغاضبة", "الشعبية", "المليونية", "المنددة", "الرافضة",
    "التضامنية", "المؤيدة", "المناهضة", "المعارضة", "الجماهيرية", "النسائية", "الطلابية",
)
_PRETEND = re.compile(r"^(?:ب|وب)(?:ان|انه|انها|انني|انهم|انهن)$")
_NOT_MANNER = _keys("بالالاف", "بالمئات", "بالعشرات", "بالقرب", "بمدينة", "بساحة", "بميدان", "بشارع", "بالعاصمة")


def _words(text: str, a: int, b: int) -> list[str]:
    return [match_key(w) for w in _WORD.findall(text[a:b])]


def _bare(key: str) -> str:
    return key[1:] if len(key) > 2 and key[0] in "وف" else key


def protest_scene(words: set[str] | list[str]) -> bool:
    """Whether a sentence's words (match keys) hold a protest scene (see the module)."""
    ws = {_bare(w) for w in words}
    return bool(ws & _SCENE) or any(w.removeprefix("ال") in _SCENE for w in ws)


def _pretend(head: str, after: list[str]) -> bool:
    """"تظاهر بأنه مريض", "رغم تظاهر المتآمرين باتخاذ": to pretend, not to demonstrate."""
    if "تظاهر" not in head or head.startswith(("متظاهر", "المتظاهر")):
        return False
    for w in after[:4]:
        if _PRETEND.match(w):
            return True
        if w.startswith("ب") and len(w) > 5 and w not in _NOT_MANNER and not w[1:].isdigit():
            return True
    return False


def reports_protest(doc: Document, ev: Event) -> bool:
    """Whether one event of ``doc`` tells a protest as taking place (see the module)."""
    dispersal = ev.cameo is not None and ev.cameo.startswith("175")
    if not (ev.plover == "PROTEST" or dispersal) or ev.negated or ev.modality != "asserted":
        return False
    text = doc.text
    s = doc.sentences[ev.sentence] if 0 <= ev.sentence < len(doc.sentences) else None
    s0, s1 = (s.start, s.end) if s is not None else (0, len(text))
    before = [_bare(w) for w in _words(text, s0, ev.trigger.start)]
    after = _words(text, ev.trigger.end, s1)
    trig = [_bare(w) for w in _words(text, ev.trigger.start, ev.trigger.end)]
    head = trig[0] if trig else ""
    if dispersal:
        return True
    if _pretend(head, after):
        return False
    if head.startswith("احتجاج") and (head.endswith(("ه", "ها", "هم")) and not head.endswith("ية") or head == "احتجاجا"):
        return False  # "احتجاجه": his objection; "احتجاجاً على": the purpose of another act
    if head.removeprefix("ال").startswith("مسير") and after and after[0].startswith("ال") and after[0] not in _PROTEST_ADJ:
        return False  # "مسيرة التنمية": a course
    if any(w in _NEGATION for w in before[-3:]):
        return False
    near = before[-1:]
    if any(w in _GOVERNORS or w.removeprefix("ال") in _GOVERNORS for w in near):
        return False
    if any(w in _CHARGES for w in before[-3:]):
        return False
    subject = head.endswith("ون") and len(trig) == 1  # "ودعا المعتصمون": the protesters call
    if not subject and any(w in _PLANS for w in before[-12:]):
        return False
    rest = set(before) | set(after)
    if any(w in _FRAMES for w in before[-3:]) and ev.date_span is None:
        return False
    if head in _CROWD_VERBS:
        return bool(rest & _PROTEST_WORDS)
    weak = len(trig) == 1 and (head in _WEAK or head.removeprefix("ال") in _WEAK or "ال" + head in _WEAK)
    return not weak or protest_scene(rest)


def protest_events(doc: Document) -> list[Event]:
    """The events of ``doc`` that tell a protest as taking place."""
    return [e for e in doc.events if reports_protest(doc, e)]


def is_protest(doc: Document) -> bool:
    """The sentence- or document-level decision: at least one protest told as taking place."""
    return any(reports_protest(doc, e) for e in doc.events)
