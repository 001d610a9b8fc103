"""Does a sentence report a protest? Sentence-level PROTEST detection, the PLOVER way.

PLOVER defines PROTEST as *civilian demonstrations and other collective actions carried out as
protests against the target actor*: demonstrations and rallies (CAMEO 141), hunger strikes
(142), strikes and boycotts (143), obstructing passage and road blocks (144), violent protest
and riots (145). PLOVER codes each event of a sentence on its own, and its gold records put
the protesters as the source of that event ("Up to 100 ethnic Albanians demonstrated on
Tuesday", "Angry French paper workers blocked the bridge", "Palestinian prisoners rioted");
an "official protest" lodged by a government or a rights group "protesting" in words is
DISAPPROVE, not PROTEST; what the police do to protesters is COERCE or ASSAULT.

So a sentence *is* a PROTEST sentence when one of its main clauses reports a protest act
itself, told as having happened or happening (asserted, not negated, not future, called for,
planned, banned or hypothetical):

* protesters (or a crowd, a group of workers, farmers, residents) are the subject of a
  protest verb: "تظاهر آلاف العراقيين"، "اعتصم العشرات أمام"، "أضرب المعلمون"، "احتج
  المزارعون"، "تجمع نحو ألف متظاهر أمام مقر الأونروا للاحتجاج";
* protesters are the subject of what protesters do: "ردد المحتجون هتافات"، "رفع المتظاهرون
  لافتات"، "أغلق متظاهرون الشوارع"، "طالب مئات المتظاهرين"؛
* a protest noun is the subject or object of a verb that makes it happen: "خرجت مسيرة"،
  "انطلقت تظاهرات"، "اندلعت أعمال شغب"، "نظم العمال اعتصاما"، "شارك مئات في احتجاج"،
  "شهدت المدينة مظاهرات"، "أثار القرار احتجاجات"، "يواصل الأسرى إضرابهم"، or it heads a
  headline ("مظاهرة في تايمز سكوير ضد الاتفاق").

It is *not* one when protesters are only the object or victim of another act ("أطلقت
الشرطة الغاز على المتظاهرين"، "فرقت قوات الأمن المحتجين"، "قتل ثلاثة متظاهرين"،
"اعتقلت الشرطة 20 متظاهرا" — COERCE/ASSAULT; the dispersal, CAMEO 175, is no longer
evidence), when the protest is the circumstance, cause or background of something else ("خلال
مظاهرة"، "بسبب احتجاج"، "منذ اندلاع الاحتجاجات"، "على خلفية المظاهرات"، "ردا على
احتجاجات")، a topic ("مطالب المحتجين"، "قضية الاعتصام"), the subject of a statement or an
opinion ("أدان الوزير المظاهرات"، "قال إن التظاهر حق"، "يعتبر المتظاهرون أن"), told in a
relative clause of another report ("المدن التي شهدت التظاهرات"), generic, habitual or
statistical, or a verbal protest: "احتج السفير لدى الخارجية" and "مذكرة احتجاج" are a
diplomatic complaint (PLOVER DISAPPROVE), so "احتج" counts only with a popular collective
as its subject. Other senses of the words (تظاهر بـ = pretend, مسيرة التنمية = a course,
احتجاجه = his objection, "احتجاجاً على" = the purpose of another act) never count.

:func:`reports_protest` applies this to one coded event — detection is a filter over the
events the events step codes, whose PROTEST coding it leaves as it is; :func:`is_protest`
is the sentence- or document-level decision the GSR evaluation (:mod:`marsad.events.gsr`)
calls. :func:`protest_scene` is shared with the events step, which keeps weak protest words
only where it holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from marsad.document import Document, Event
from marsad.events.lexicon import conjugate
from marsad.normalize import match_key

_WORD = re.compile(r"[\w\u064b-\u065f\u0670]+")
_BOUNDARY = re.compile(r"[:\u061b;\-–—]\s")  # a headline or list item starts after these


def _keys(*words: str) -> frozenset[str]:
    return frozenset(match_key(w) for w in words)


def _verbs(*pairs: str) -> frozenset[str]:
    """Conjugated match keys of ``"past present"`` pairs ("تظاهر يتظاهر")."""
    out: set[str] = set()
    for pair in pairs:
        past, _, present = pair.partition(" ")
        out |= conjugate(past, "")
        if present and present != "_":
            out |= {f for f in conjugate("_", present) if f[0] in "يت"}  # no 1st person: نعم
    return frozenset(out)


# ---------------------------------------------------------------- topics, charges, plans, frames
# The word right before the trigger makes it a topic or a charge.
_GOVERNORS = _keys(
    "مطالب", "مطالبات", "دعم", "تأييد", "يؤيد", "تؤيد", "تصعيد", "حظر", "منع", "يمنع", "تمنع", "ستمنع",
    "بمنع", "قانون", "حق", "معدل", "روح", "أشكال", "ثقافة", "استخدام", "استغلال", "دعوات", "دعوة",
    "بخروج", "جاهزين", "يسمح", "تسمح", "يقومون", "تغطي", "مثيري", "مواجهة", "لمواجهة", "مكافحة",
    "وراء", "مقابل", "تنظيمها", "المشاركة", "نشاطات", "الاهتمام", "التعامل", "اتساع", "تأليب",
    "قضية", "قضايا", "ذكرى", "تاريخ", "عدد", "أيام", "آثار", "الآثار", "احتواء", "تقييد", "فض",
    "تفريق", "قمع", "ضحايا", "قتلى", "جرحى", "تغطية", "موعد", "ملف", "طبيعة", "مخيم", "خيمة",
    "لافتات", "صيحات", "صرخة", "عبارات", "مذكرة", "مذكرات", "رسالة", "خطاب", "بيان",
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
    "وصولا", "لإنجاز", "يهدد", "تهدد", "هدد", "هددت", "عزم", "عزموا", "سيحتشد", "ستشهد", "سيشهد",
)
_NEGATION = _keys("لم", "لن", "لا", "ليس", "دون", "بدون", "عدم")
# The protest is the circumstance, cause or background of another act.
_FRAMES = _keys(
    "ردا", "عقب", "بعد", "خلفية", "أعقاب", "اعقاب", "إثر", "اثر", "قبل", "منذ", "إبان", "خلال",
    "أثناء", "اثناء", "بسبب", "جراء", "نتيجة", "رغم", "وسط", "غمرة", "ظل", "بعدما", "عندما", "حين",
    "حينما", "لدى", "تزامنا", "بالتزامن", "مع", "اندلاع", "انطلاق", "بعيد", "عشية", "أسابيع",
)
_PRETEND = re.compile(r"^(?:ب|وب)(?:ان|انه|انها|انني|انهم|انهن)$")
_NOT_MANNER = _keys("بالالاف", "بالمئات", "بالعشرات", "بالقرب", "بمدينة", "بساحة", "بميدان", "بشارع", "بالعاصمة")
_PROTEST_ADJ = _keys(
    "الاحتجاجية", "السلمية", "الحاشدة", "الغاضبة", "الشعبية", "المليونية", "المنددة", "الرافضة",
    "التضامنية", "المؤيدة", "المناهضة", "المعارضة", "الجماهيرية", "النسائية", "الطلابية",
)

# ---------------------------------------------------------------- the protest act
# Verbs whose subject protests (the trigger itself is one of them)
_PROTEST_VERBS = _verbs("تظاهر يتظاهر", "اعتصم يعتصم")
_STRIKE_VERBS = _keys("أضرب", "أضربت", "أضربوا", "يضربون", "أضربن")
_OBJECT_VERBS = _verbs("احتج يحتج")  # only with a popular collective as the subject
_CROWD_VERBS = _verbs("احتشد يحتشد", "تجمع يتجمع", "تجمهر يتجمهر")  # only for a protest
# Forms the regular conjugation misses (a hamza or weak final radical)
_HAMZA_FORMS = _keys(
    "بدأوا", "بدؤوا", "بدأت", "يبدأون", "يبدؤون", "تبدأ", "يبدأ", "بدأ", "أحيوا", "أحيت", "ألقوا",
    "جاؤوا", "جاءوا", "اعتدوا", "ارتدوا", "جروا",
)
# What protesters do: with protesters as the subject, a protest act
_BEHAVIOUR = _verbs(
    "رفع يرفع", "ردد يردد", "هتف يهتف", "أغلق يغلق", "قطع يقطع", "رشق يرشق", "حمل يحمل",
    "طالب يطالب", "اقتحم يقتحم", "عرقل يعرقل", "هشم يهشم", "حطم يحطم", "أقام يقيم", "سار يسير",
    "خرج يخرج", "نزل ينزل", "بدأ يبدأ", "واصل يواصل", "أحيا يحيي", "شدد يشدد", "أطلق يطلق",
    "مارس يمارس", "اعتدى يعتدي", "حاصر يحاصر", "نصب ينصب", "أشعل يشعل", "أحرق يحرق",
    "اشتبك يشتبك", "تجمع يتجمع", "احتشد يحتشد", "اعتصم يعتصم", "تظاهر يتظاهر", "رفض يرفض",
    "جاب يجوب", "توجه يتوجه", "زحف يزحف", "ارتدى يرتدي", "أمطر يمطر", "ندد يندد", "أغلقوا _",
    "نفذ ينفذ", "نظم ينظم", "انضم ينضم", "اقترب يقترب", "ارتفع يرتفع", "وقف يقف",
) | _HAMZA_FORMS | _keys("ألقى", "ألقوا", "يلقون", "يلقي", "دعا", "دعوا", "طالبوا", "أقدم", "أقدموا", "قام", "قاموا")
# Verbal nouns that make a protest happen ("مواصلة إضرابه", "تنظيم تظاهرات"): their own
# governor decides ("بعد تنظيم اعتصام" is background)
_MASDARS = _keys("مواصلة", "تنظيم", "خروج", "استمرار", "تنفيذ", "بدء", "انطلاق", "إقامة")
_ORGANISE = _verbs("نظم ينظم", "نفذ ينفذ", "أقام يقيم", "خرج يخرج", "نزل ينزل", "شارك يشارك")
# Verbs that make a protest noun happen (the noun is their subject or object)
_HAPPEN = _verbs(
    "خرج يخرج", "انطلق ينطلق", "اندلع يندلع", "جرى يجري", "جاب يجوب", "سار يسير",
    "امتد يمتد", "تواصل يتواصل", "استمر يستمر", "اتسع يتسع", "توسع يتوسع", "تجدد يتجدد",
    "تصاعد يتصاعد", "تحول يتحول", "اتخذ يتخذ", "شهد يشهد", "نظم ينظم", "نفذ ينفذ", "أقام يقيم",
    "شارك يشارك", "اشترك يشترك", "بدأ يبدأ", "واصل يواصل", "خاض يخوض", "أثار يثير", "فجر يفجر",
    "أشعل يشعل", "واجه يواجه", "ضم يضم", "انضم ينضم", "عاد يعود", "تأتي يأتي", "نزل ينزل",
    "قام يقوم", "أعلن يعلن", "تجوب _", "رد يرد", "استأنف يستأنف",
)
_HAPPEN = (
    _HAPPEN
    | _keys("جرت", "جاءت", "جاء", "ونظمت", "نظمت", "هناك", "اشترك", "تشهد", "أظهر", "أظهرت", "شرعوا", "عمت", "تعم")
    | _MASDARS
    | _HAMZA_FORMS
)
# Verbs of which a protest or protesters are the object, victim or topic
_BLOCK = _verbs(
    "فرق يفرق", "فض يفض", "قمع يقمع", "اعتقل يعتقل", "هاجم يهاجم", "استهدف يستهدف", "منع يمنع",
    "حظر يحظر", "أدان يدين", "ندد يندد", "دعم يدعم", "أيد يؤيد", "ناقش يناقش", "بحث يبحث",
    "استغل يستغل", "احتوى يحتوي", "حذر يحذر", "انتقد ينتقد", "تناول يتناول", "غطى يغطي",
    "تعامل يتعامل", "أصاب يصيب", "قتل يقتل", "أعدم يعدم", "ضرب يضرب", "لاحق يلاحق", "صادق يصادق",
    "تحدث يتحدث", "أقر يقر", "تجاهل يتجاهل", "ردع يردع", "حمى يحمي", "تفادى يتفادى", "تجنب يتجنب",
) | _keys("أطلقت", "ألقت", "حاكم", "تصدى", "تصدت")
_PREPS = _keys("على", "ضد", "عن", "إلى", "من", "مع", "حول", "بشأن", "تجاه")
_JOIN = _verbs("انضم ينضم")
_COMPLEMENT = _keys("أن", "أنها", "أنه", "أنهم", "إن", "إنها", "إنه", "إنهم", "ما", "لأن", "لانها")
_RELATIVE = _keys("الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي", "ممن", "اللذان", "اللتان")
_SUBORDINATE = _keys(
    "عندما", "حين", "حينما", "لما", "بعدما", "كلما", "إذا", "اذا", "لو", "منذ", "قبل", "بعد", "ريثما",
    "حيثما", "كي", "لكي", "إثر", "اثر", "عقب",
)
# Words skipped between a verb and what it governs (time, "قد", auxiliaries, numbers)
_FILLER = _keys(
    "قد", "كان", "كانت", "كانوا", "أمس", "امس", "اليوم", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء",
    "الخميس", "الجمعة", "السبت", "مساء", "صباح", "ليلة", "فجر", "ظهر", "أيضا", "ايضا", "خصوصا",
    "نحو", "قرابة", "حوالي", "أكثر", "أقل", "من", "ما", "يقرب", "لا", "يقل", "عن", "عدد", "عشرات",
    "مئات", "آلاف", "الآلاف", "المئات", "العشرات", "ألف", "ألفي", "الاف", "مئتي", "ستة", "بضع",
)
_QUANTITY = _keys(
    "عشرات", "مئات", "آلاف", "الآلاف", "المئات", "العشرات", "ألف", "الاف", "ألوف", "آلاف", "حشود",
    "جموع", "مجموعة", "عدد", "بعض", "أعداد", "نحو", "قرابة", "حوالي", "أكثر", "من",
)
# A popular collective: who protests when it "يحتج"
_COLLECTIVE = _keys(
    "المزارعون", "مزارعون", "التجار", "تجار", "العمال", "عمال", "الأهالي", "أهالي", "السكان", "سكان",
    "الطلاب", "طلاب", "الطلبة", "طلبة", "الشباب", "شبان", "المواطنون", "مواطنون", "الناس", "نشطاء",
    "ناشطون", "الناشطون", "المصلون", "مصلون", "المعلمون", "معلمون", "الموظفون", "موظفون", "الأطباء",
    "أطباء", "السائقون", "سائقو", "المتظاهرون", "متظاهرون", "المحتجون", "محتجون", "المعتصمون",
    "الآلاف", "آلاف", "المئات", "مئات", "العشرات", "عشرات", "الأسرى", "أسرى", "المستوردون",
    "الصيادلة", "المحامون", "العاملون", "اللاجئون", "النازحون", "الفلسطينيون", "الجماهير", "المشجعون",
)
_PROTESTERS = _keys(
    "متظاهرون", "محتجون", "معتصمون", "المتظاهرون", "المحتجون", "المعتصمون", "مضربون", "المضربون",
    "متظاهرين", "محتجين", "معتصمين", "المتظاهرين", "المحتجين", "المعتصمين", "متظاهرا", "محتجا",
    "متظاهر", "محتج", "المحتج", "المتظاهر", "متظاهران", "محتجان", "مثيري", "مثيرو", "المضربين", "مضربين",
)
_CLASHES = _keys("صدامات", "اشتباكات", "مواجهات", "مناوشات", "الصدامات", "الاشتباكات", "المواجهات")
_PROTEST_NOUNS = re.compile(
    r"^(?:ال)?(?:مظاهر(?:ه|ات)|تظاهر(?:ه|ات)|احتجاج|اعتصام|اضراب|مسير(?:ه|ات)|وقف(?:ه|ات)|شغب|"
    r"عصيان|حرك(?:ه|ات)|اعمال|موج(?:ه|ات))"
)
# Words that a protest scene needs beside a crowd verb ("تجمع ... أمام البرلمان للاحتجاج")
_PROTEST_WORDS = _keys(
    "احتجاجا", "للاحتجاج", "تنديدا", "للتنديد", "منددين", "غاضبين", "رافضين", "مطالبين", "للمطالبة",
    "هتافات", "شعارات", "لافتات", "ضد", "أمام", "متظاهر", "متظاهرين", "محتجين", "المتظاهرين",
    "المحتجين", "اعتصام", "مظاهرة", "تظاهرة", "احتجاج", "احتجاجية", "تضامنا", "للهتاف", "هاتفين",
)

# ---------------------------------------------------------------- the scene (shared)
_SCENE = _keys(
    "عشرات", "مئات", "آلاف", "الآلاف", "المئات", "العشرات", "ألف", "ألفي", "حشود", "ساحة", "ميدان",
    "شارع", "شوارع", "الشوارع", "الشارع", "أمام", "مقر", "هتافات", "شعارات", "لافتات", "رفعوا",
    "رددوا", "هتفوا", "أغلقوا", "قطعوا", "عطلوا", "تفريق", "فرقت", "فرقوا", "لتفريق", "النار",
    "الغاز", "اعتقلت", "اعتقلوا", "اعتقل", "اشتباكات", "صدامات", "مواجهات", "غاضبة", "غاضبين",
    "منددة", "منددين", "للتنديد", "تنديدا", "احتجاجا", "للاحتجاج", "للمطالبة", "مطالبين", "رافعين",
    "مرددين", "حاشدة", "الحواجز", "الطرق", "الطريق", "إضراب", "اعتصام", "مظاهرة", "مظاهرات",
    "تظاهرات", "مسيرة", "وقفة", "احتجاجية", "أرجاء", "أنحاء", "الشرطة", "الأمن",
)


def _bare(key: str) -> str:
    return key[1:] if len(key) > 2 and key[0] in "وف" else key


def protest_scene(words: set[str] | list[str]) -> bool:
    """Whether a sentence's words (match keys) hold a protest scene: crowds, streets and
    squares, slogans, banners, dispersal, clashes (the events step keeps weak protest words
    only where it holds)."""
    ws = {_bare(w) for w in words}
    return bool(ws & _SCENE) or any(w.removeprefix("ال") in _SCENE for w in ws)


@lru_cache(maxsize=65536)
def _forms(key: str) -> tuple[str, ...]:
    """A word's match key and its forms without و/ف, ب/ل/ك, the article and object pronouns."""
    out = [key]
    w = _bare(key)
    out.append(w)
    for p in ("لل", "بال", "كال", "ال", "ب", "ل", "ك"):
        if w.startswith(p) and len(w) - len(p) >= 3:
            out.append(w[len(p) :])
            break
    for s in ("هما", "هم", "ها", "ه"):
        if w.endswith(s) and len(w) - len(s) >= 3:
            out.append(w[: -len(s)])
            break
    return tuple(dict.fromkeys(out))


def _in(key: str, words: frozenset[str]) -> bool:
    return any(f in words for f in _forms(key))


def _protest_noun(key: str) -> bool:
    return any(_PROTEST_NOUNS.match(f) for f in _forms(key))


@dataclass(frozen=True, slots=True)
class _Word:
    key: str
    start: int
    end: int


def _sentence_words(text: str, s0: int, s1: int) -> list[_Word]:
    return [_Word(match_key(m.group()), s0 + m.start(), s0 + m.end()) for m in _WORD.finditer(text[s0:s1])]


class _Reading:
    """One PROTEST event read against its sentence."""

    def __init__(self, doc: Document, ev: Event) -> None:
        text = doc.text
        s = doc.sentences[ev.sentence] if 0 <= ev.sentence < len(doc.sentences) else None
        self.s0, self.s1 = (s.start, s.end) if s is not None else (0, len(text))
        self.text = text
        self.ev = ev
        self.words = _sentence_words(text, self.s0, self.s1)
        self.keys = [w.key for w in self.words]
        t0, t1 = ev.trigger.start, ev.trigger.end
        idx = [i for i, w in enumerate(self.words) if w.start < t1 and w.end > t0]
        self.first = idx[0] if idx else len(self.words)
        self.last = idx[-1] if idx else len(self.words) - 1

    # -- helpers
    def before(self, i: int, n: int) -> list[str]:
        return [_bare(k) for k in self.keys[max(0, i - n) : i]]

    def _skip_back(self, i: int, n: int = 3) -> Iterator[int]:
        """Indexes before ``i``, skipping fillers (time words, "قد", numbers), at most ``n``
        content words."""
        j, seen = i - 1, 0
        while j >= 0 and seen < n:
            if not _in(self.keys[j], _FILLER) and not self.keys[j].isdigit():
                seen += 1
                yield j
            j -= 1

    def subordinate(self, i: int) -> bool:
        """The word at ``i`` (a verb) opens a relative or subordinate clause, or is negated."""
        if i > 0 and _bare(self.keys[i - 1]) in ("من", "ما", "مما", "ممن"):
            return True  # "كل من يخرج في مظاهرة"
        for j in self._skip_back(i, 2):
            k = _bare(self.keys[j])
            if k in _RELATIVE or k in _SUBORDINATE or k in _NEGATION or (k == "ان" and j == i - 1):
                return True
        return False

    def clause_start(self, i: int) -> bool:
        """The word at ``i`` opens the sentence, a headline or a list item."""
        if i == 0:
            return True
        gap = self.text[self.words[i - 1].end : self.words[i].start]
        return bool(_BOUNDARY.search(gap + " ")) or "\n" in gap

    def framed(self, i: int) -> bool:
        """The protest mention at ``i`` is a circumstance, background, topic or charge."""
        near = self.before(i, 3)
        if any(w in _FRAMES or w.removeprefix("ال") in _FRAMES for w in near):
            return True
        prev = self.before(i, 1)
        if any(w in _GOVERNORS or w.removeprefix("ال") in _GOVERNORS for w in prev):
            return True
        return any(w in _CHARGES for w in near)

    # -- the three kinds of mention
    def protesters_act(self, i: int) -> bool:
        """Protesters at ``i`` are the subject of what protesters do (or of a clash)."""
        if any(_in(self.keys[j], _CLASHES) for j in range(max(0, i - 5), i)):
            # "مواجهات بين متظاهرين والقوات": protesters as a party to clashes
            j = next(self._skip_back(i, 4), None)
            return not self.framed(i) and (j is None or not _in(self.keys[j], _BLOCK))
        if i > 0 and _bare(self.keys[i - 1]) in _PRONOUNS:
            return True  # "وهم مضربون لليوم الخامس"
        for j in self._skip_back(i, 2):
            key = self.keys[j]
            if _in(key, _BLOCK):
                return False
            if _in(key, _BEHAVIOUR) and not self.subordinate(j):
                return True
            if not _in(key, _QUANTITY):
                break
        for k in range(i + 1, min(len(self.keys), i + 4)):
            w = _bare(self.keys[k])
            if w in _RELATIVE:
                return False
            if _in(self.keys[k], _BEHAVIOUR):
                return not _in(self.keys[k], _BLOCK) or w.endswith("وا")
        return False

    def noun_happens(self, i: int) -> bool:
        """The protest noun at ``i`` is the subject or object of a verb that makes it happen."""
        if self.framed(i):
            return False
        free = True  # nothing before the noun makes it an object or a topic
        for n, j in enumerate(self._skip_back(i, 10)):
            key = self.keys[j]
            b = _bare(key)
            if b in _RELATIVE:
                return False
            if n == 0 and b in _PREPS and not any(_in(x, _JOIN) for x in self.keys[max(0, j - 3) : j]):
                free = False  # "على المتظاهرين", "ضد الاحتجاجات" (but "انضموا إلى الإضراب")
                break
            if _in(key, _BLOCK):
                return False
            if _in(key, _HAPPEN):
                if _in(key, _MASDARS):
                    return not self.framed(j)
                return not self.subordinate(j)
        else:
            # "نفذت العشرات من الأسر ... وقفة احتجاجية": an organising verb far before an
            # indefinite noun (its object)
            if not self.keys[i].startswith("ال") or (i > 0 and _bare(self.keys[i - 1]) == "في"):
                for j in range(i - 1, max(-1, i - 25), -1):
                    if _in(self.keys[j], _BLOCK):
                        break
                    if _in(self.keys[j], _ORGANISE):
                        return not self.subordinate(j)
        for n, k in enumerate(range(i + 1, min(len(self.keys), i + 5))):
            w = _bare(self.keys[k])
            if w in _COMPLEMENT:
                break
            if w in _RELATIVE:
                if n > 1 or not free:
                    break
                continue  # "كانت أكبر المظاهرات التي خرجت"
            if _in(self.keys[k], _HAPPEN) and not _in(self.keys[k], _BLOCK) and not _in(self.keys[k], _MASDARS):
                return free
        return free and self.clause_start(i)

    def verb_act(self, i: int) -> bool:
        """The protest verb at ``i`` is a main-clause act."""
        if self.subordinate(i):
            return False
        head = _bare(self.keys[i])
        rest = {_bare(k) for k in self.keys}
        if _in(head, _CROWD_VERBS) and not _in(head, _PROTEST_VERBS):
            return bool(rest & _PROTEST_WORDS)
        if head in _OBJECT_VERBS or _bare(head) in _OBJECT_VERBS:
            return self.collective_subject(i)
        return True

    def collective_subject(self, i: int) -> bool:
        """"احتج المزارعون": a popular collective, not an official, protests."""
        after = [k for k in self.keys[i + 1 : i + 4] if not _in(k, _FILLER - _QUANTITY)]
        if after and _bare(after[0]) in _COLLECTIVE:
            return True
        return any(_bare(k) in _COLLECTIVE for k in self.before(i, 2))


def _other_sense(r: _Reading, head: str) -> bool:
    """تظاهر بأنه (pretend), احتجاجه (his objection), احتجاجاً على (purpose), مسيرة التنمية."""
    after = [_bare(k) for k in r.keys[r.last + 1 :]]
    if "تظاهر" in head and not head.startswith(("متظاهر", "المتظاهر")) and not _PROTEST_NOUNS.match(head.removesuffix("ي")):
        for w in after[:2]:
            if _PRETEND.match(w):
                return True
            if w.startswith("ب") and len(w) > 5 and w not in _NOT_MANNER and not w[1:].isdigit():
                return True
            if _in(w, _QUANTITY) or _in(w, _COLLECTIVE) or w.isdigit():
                break
    if head.startswith("احتجاج") and (head.endswith(("ه", "ها", "هم")) and not head.endswith("ية") or head == "احتجاجا"):
        return True
    starts_march = head.removeprefix("ال").startswith("مسير")
    return starts_march and bool(after) and after[0].startswith("ال") and after[0] not in _PROTEST_ADJ


_RIOTERS = _keys("مثيري", "مثيرو")
_PRONOUNS = _keys("هم", "هو", "هي", "هن")
_SUPPLY = _keys("امداد", "الامداد", "إمداد", "الإمداد", "الإمدادات", "إمدادات", "امدادات", "الامدادات")


def _blockade(r: _Reading) -> bool:
    """A road block is a protest only when protesters block it: not "قطع طرق الإمداد"
    (a military act), nor "يقطع الطريق على/أمام" (to forestall)."""
    after = [_bare(k) for k in r.keys[r.last + 1 : r.last + 3]]
    if any(w in _SUPPLY for w in after) or (after and after[0] in _keys("على", "أمام", "امام")):
        return False
    rest = {_bare(k) for k in r.keys}
    return bool(rest & _PROTEST_WORDS) or any(_in(k, _PROTESTERS) or _bare(k) in _COLLECTIVE for k in r.keys)


def reports_protest(doc: Document, ev: Event) -> bool:
    """Whether one event of ``doc`` reports a protest act itself (see the module)."""
    if ev.plover != "PROTEST" or ev.negated or ev.modality != "asserted":
        return False
    r = _Reading(doc, ev)
    if r.first >= len(r.keys):
        return False
    head = _bare(r.keys[r.first])
    if _other_sense(r, head):
        return False
    before = r.before(r.first, 12)
    if any(w in _NEGATION for w in before[-3:]):
        return False
    subject = head.endswith("ون") and r.first == r.last  # "ودعا المعتصمون": the protesters call
    if not subject and any(w in _PLANS for w in before):
        return False
    if ev.cameo is not None and ev.cameo.startswith("144") and not _blockade(r):
        return False
    # Walk the trigger's words: the first that settles it decides.
    for i in range(r.first, r.last + 1):
        k = r.keys[i]
        b = _bare(k)
        if _in(k, _PROTESTERS):
            if r.protesters_act(i):
                return True
            continue
        if b in _PROTEST_VERBS or b in _STRIKE_VERBS or b in _OBJECT_VERBS or b in _CROWD_VERBS:
            return r.verb_act(i)
        if _protest_noun(k):
            if i > 0 and _bare(r.keys[i - 1]) in _RIOTERS:
                return r.protesters_act(i - 1)  # "مثيري شغب ملثمين بدأوا رشق"
            return r.noun_happens(i)
        if _in(k, _HAPPEN) or _in(k, _BEHAVIOUR):
            # "تظاهرة جرت", "مسيرة تضم", "المعتصمين اطلقوا": the noun or protesters before it
            for j in range(i - 1, max(-1, i - 4), -1):
                kj = r.keys[j]
                if _in(kj, _PROTESTERS):
                    return not r.framed(j) and not r.subordinate(i)
                if _protest_noun(kj):
                    return r.noun_happens(j)
            return not r.subordinate(i) and r.noun_happens(i + 1) if i + 1 < len(r.keys) else False
    # "خرجوا إلى الشوارع", "شارك ... في المظاهرة": the trigger is what follows the pattern's verb
    for j in range(r.first - 1, max(-1, r.first - 8), -1):
        kj = r.keys[j]
        if _in(kj, _BLOCK):
            return False
        if _in(kj, _HAPPEN) or _in(kj, _BEHAVIOUR) or _bare(kj) in _PROTEST_VERBS:
            return not r.subordinate(j) and not r.framed(r.first)
    return False


def protest_events(doc: Document) -> list[Event]:
    """The events of ``doc`` that report a protest act."""
    return [e for e in doc.events if reports_protest(doc, e)]


def is_protest(doc: Document) -> bool:
    """The sentence- or document-level decision: at least one event reports a protest act."""
    return any(reports_protest(doc, e) for e in doc.events)
