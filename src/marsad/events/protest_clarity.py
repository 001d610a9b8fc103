"""A stricter PROTEST operating point: protest reports that every lay reader would accept.

:mod:`marsad.events.protest` says whether a sentence reports a protest act the PLOVER way. A
crowd of lay annotators, each shown one sentence alone, agrees *unanimously* on far fewer
sentences: a quoted claim that "the people came out in demonstrations", a lone activist's
stunt, a protest told in a ``بينما`` clause beside the sentence's real news, an almanac line
about the 1918 rice riots or a columnist's "Iraqis now demonstrate against the regime" all
report a protest act, yet some reader says no. What makes a report *unmistakable* is what a
wire story's lead gives: a crowd (a number, "آلاف"، "العشرات من الأطباء"، "المتظاهرون") doing
the protest act as the main predicate, a place and a time, a purpose or a scene ("احتجاجا
على"، "أمام مقر"، "رافعين شعارات"), told plainly near the start of a sentence of ordinary
length, in the reporter's own voice.

:func:`protest_clarity` scores one event that :func:`~marsad.events.protest.reports_protest`
accepts by those cues (:class:`ClarityCues` says which held); :func:`clear_protest` is the
sentence- or document-level decision at :data:`THRESHOLD`. The cues and weights were set on
the tuning half of ``tests/data/protest_clarity.tsv`` (hand labels of the question "would
three of three lay annotators call this a protest event?") and reported once on its held
half; see that file's header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.document import Document, Event
from marsad.events.protest import reports_protest
from marsad.normalize import match_key, seg_key

THRESHOLD = 0.5

_WORD = re.compile(r"[\w\u064b-\u065f\u0670]+")
_OPEN_QUOTES = "«“"
_CLOSE_QUOTES = "»”"
_STRAIGHT_QUOTES = '"'


def _keys(*words: str) -> frozenset[str]:
    return frozenset(match_key(w) for w in words)


def _bare(key: str) -> str:
    """Without a leading و/ف (the conjunction)."""
    return key[1:] if len(key) > 3 and key[0] in "وف" else key


def _stem(key: str) -> str:
    """Without the conjunction, a preposition clitic and the article."""
    w = _bare(key)
    for p in ("لل", "بال", "كال", "ال", "ب", "ل"):
        if w.startswith(p) and len(w) - len(p) >= 3:
            return w[len(p) :]
    return w


# ---------------------------------------------------------------- support
# A crowd: a quantity, a plural of protesters or a popular collective
_QUANTITY = _keys(
    "عشرات", "مئات", "آلاف", "الاف", "ألف", "ألفي", "ألفا", "ألوف", "مئة", "مائة", "مئتي", "مئتا",
    "حشود", "حشد", "جموع", "الآلاف", "المئات", "العشرات", "مليون", "ملايين", "الملايين", "نحو",
    "قرابة", "حوالي", "آلافا", "عشرات",
)
_CROWD = _keys(
    "متظاهرون", "متظاهرين", "المتظاهرون", "المتظاهرين", "محتجون", "محتجين", "المحتجون", "المحتجين",
    "معتصمون", "معتصمين", "المعتصمون", "المعتصمين", "مضربون", "مضربين", "المضربون", "المضربين",
    "عمال", "العمال", "أهالي", "الأهالي", "سكان", "السكان", "طلاب", "الطلاب", "طلبة", "الطلبة",
    "مواطنون", "مواطنين", "المواطنين", "المواطنون", "عائلات", "العائلات", "أسر", "الأسر", "الجالية",
    "المعلمون", "معلمون", "المعلمين", "الأطباء", "أطباء", "الموظفين", "الموظفون", "موظفون",
    "المزارعون", "مزارعون", "الأسرى", "أسرى", "أسيرا", "المودعين", "مودعين", "الجنود", "جنود", "الشباب",
    "ناشطون", "ناشطين", "نشطاء", "الناشطين", "أنصار", "مؤيدو", "مؤيدي", "مناصرو", "العراقيين",
    "العراقيون", "الفلسطينيين", "الفلسطينيون", "السوريين", "السوريون", "المصريين", "اللبنانيين",
    "الأردنيين", "اليمنيين", "الليبيين", "التونسيين", "الأتراك", "الإيرانيين", "الجماهير", "حشود",
    "المحامون", "المحامين", "السائقين", "السائقون", "التجار", "تجار", "شخص", "أشخاص", "الأشخاص",
    "المصلين", "المصلون", "النساء", "نساء", "اللاجئين", "النازحين", "الممرضين", "مجموعات", "نواب",
    "مؤيدون", "مؤيدين", "أنصار", "الأنصار",
    # the size of the protest itself: "موجة من الاحتجاجات"، "احتجاجات حاشدة/واسعة/شعبية"
    "موجة", "حاشدة", "الحاشدة", "واسعة", "الواسعة", "جماعية", "شعبية", "الشعبية", "ضخمة", "مليونية",
    "جماهيرية", "عارمة",
)
# A place: a named one (the event's location), or the scene of a protest
_PLACE = _keys(
    "أمام", "امام", "ساحة", "ميدان", "شارع", "شوارع", "الشوارع", "الشارع", "وسط", "مقر", "مبنى",
    "مدينة", "محافظة", "العاصمة", "مدن", "محافظات", "البلاد", "سجن", "سجون", "دوار", "جامعة", "مسجد",
    "بلدة", "قرية", "حي", "أحياء", "أرجاء", "أنحاء", "عموم", "مختلف",
)
# A time
_TIME = _keys(
    "أمس", "امس", "اليوم", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت",
    "مساء", "صباح", "ليلة", "فجر", "ظهر", "الأسبوع", "الشهر", "العام", "يومية", "يوميا", "الماضي",
    "الماضية", "الأخيرة", "لليوم", "أسابيع", "أيام", "يناير", "فبراير", "مارس", "أبريل", "مايو",
    "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر", "آب", "تموز",
)
# A purpose or a scene: what makes the act visibly a protest
_PURPOSE = _keys(
    "احتجاجا", "للاحتجاج", "تنديدا", "للتنديد", "للمطالبة", "مطالبين", "مطالبة", "منددين", "رافعين",
    "مرددين", "هاتفين", "ضد", "هتافات", "شعارات", "لافتات", "أعلام", "غاضبة", "غاضبين", "حاشدة",
    "احتجاجية", "الاحتجاجية", "رافضين", "تضامنا", "للتضامن", "للتعبير", "لمطالبة", "لادانة", "للدعوة",
    "عنيفة", "السلمية", "سلمية", "مضادة", "تطالب", "تندد", "ورفعوا", "رفعوا", "ورددوا", "رددوا",
)
# Protest verbs whose subject is the protester (the act as the predicate)
_ACT_VERB = re.compile(
    r"^(?:[وف])?(?:تظاهر|يتظاهر|اعتصم|يعتصم|اضرب|يضرب|احتج|يحتج|تجمع|يتجمع|احتشد|يحتشد|خرج|يخرج|"
    r"نزل|ينزل|نظم|ينظم|نفذ|ينفذ|شارك|يشارك|انطلق|تنطلق|ينطلق|اندلع|تندلع|يندلع|اتسع|تحول|واصل|يواصل|"
    r"بدا|شهد|تشهد|يشهد|ردد|رفع|اغلق|قطع)"
)

# ---------------------------------------------------------------- doubt
# Reported speech, opinion and narrative: the reader hears a claim, not the news
_SPEECH = _keys(
    "قال", "وقال", "قالت", "وقالت", "أوضح", "وأوضح", "أضاف", "وأضاف", "أكد", "وأكد", "ذكر", "وذكر",
    "أفاد", "وأفاد", "أفادت", "وأفادت", "اعتبر", "يعتبر", "يرى", "رأى", "أشار", "وأشار", "تابع",
    "وتابع", "أعلن", "وأعلن", "أعلنت", "وأعلنت", "ذكرت", "وذكرت", "أكدت", "وأكدت", "أوضحت", "وأوضحت",
    "أضافت", "وأضافت", "قائلا", "مشيرا", "مؤكدا", "لافتا", "كشف", "كشفت",
)
_OPINION = _keys(
    "نراها", "نرى", "أرى", "نحن", "لعل", "ربما", "يبدو", "أجمل", "أسوأ", "بل",
    "الملاحظ", "اللافت", "المفارقة", "علينا", "يجب", "ينبغي", "هل", "فكيف", "كيف",
)
# A clause that is background to the sentence's real news ("عندما تظاهر ..."); "بينما" and
# "فيما" only when they open the sentence (mid-sentence they join a second main clause)
_SUBORDINATE = _keys(
    "عندما", "حين", "حينما", "بعدما", "لما", "إذ", "اذ", "كلما", "طالما", "بعد", "قبل", "رغم", "منذ",
)
_WHILE = _keys("بينما", "فيما")
# Protesters attacking people: a lay reader sees an assault
_ASSAULT = _keys("اعتدى", "اعتدوا", "هاجم", "هاجموا", "طعن", "طعنوا", "ضرب", "ضربوا", "قتل", "قتلوا")
# One person, not a crowd
_SINGLE = _keys(
    "محتج", "المحتج", "متظاهر", "المتظاهر", "ناشط", "الناشط", "الفنان", "الفنانة", "الناشطة", "معتصم",
    "المعتصم", "مضرب", "المضرب", "الأسير", "أسير", "المعتقل", "رجل", "امرأة", "شاب", "فتاة",
)
_NEGATION = _keys("لم", "لن", "لا", "ليس", "ليست", "عدم", "دون", "بدون", "غير")
_YEAR_ITEM = re.compile(r"(?:^|\n|\s)(?:1[0-9]|20)\d\d\s*[-–—:]\s")
_OWN = re.compile(r"^(?:[وف])?(?:ال)?(?:اضراب|احتجاج|اعتصام)(?:ه|ها|هم|هن)$")  # on seg_key: ة kept

LONG_WORDS = 40  # a sentence this long buries whatever it tells
LATE_WORDS = 18  # a trigger this far in is no lead


@dataclass(frozen=True, slots=True)
class ClarityCues:
    """What a lay reader sees in one protest report (see the module)."""

    act: bool  # the trigger is a protest act verb, or follows one
    lead: bool  # the sentence opens with the protest (its verb or its protesters)
    crowd: bool  # a number, a quantity or a popular collective near it
    place: bool  # its location, or a protest scene (square, street, "in front of")
    time: bool  # a date or a time word
    purpose: bool  # a purpose or scene phrase ("احتجاجا على", slogans, banners)
    quoted: bool  # inside quotation marks
    speech: bool  # reported speech or an opinion frames it
    late: bool  # the trigger comes late in the sentence
    long: bool  # the sentence is long
    subordinate: bool  # a background clause ("بينما", "عندما", a relative clause) holds it
    single: bool  # one person protests
    assault: bool  # protesters attack people
    listing: bool  # an almanac or list item ("1918 - ...")
    own: bool  # a possessive protest noun ("إضرابه"): someone's protest as a topic
    negated: bool  # a negation earlier in the sentence ("لم ترد تقارير عن ...")

    @property
    def support(self) -> int:
        return sum((self.crowd, self.place, self.time, self.purpose, self.act, self.lead))


@dataclass(frozen=True, slots=True)
class _Word:
    key: str
    start: int
    end: int


def _words(text: str, s0: int, s1: int) -> list[_Word]:
    return [_Word(match_key(m.group()), m.start(), m.end()) for m in _WORD.finditer(text, s0, s1)]


def _in_quote(text: str, s0: int, at: int) -> bool:
    """Whether ``at`` lies inside quotation marks opened in the sentence before it."""
    before = text[s0:at]
    depth = 0
    for ch in before:
        if ch in _OPEN_QUOTES:
            depth += 1
        elif ch in _CLOSE_QUOTES:
            depth = max(0, depth - 1)
    return depth > 0 or before.count(_STRAIGHT_QUOTES) % 2 == 1


def _sentence_span(doc: Document, ev: Event) -> tuple[int, int]:
    if 0 <= ev.sentence < len(doc.sentences):
        s = doc.sentences[ev.sentence]
        return s.start, s.end
    return 0, len(doc.text)


def clarity_cues(doc: Document, ev: Event) -> ClarityCues:
    """The cues of one PROTEST event (whether or not it reports a protest act)."""
    s0, s1 = _sentence_span(doc, ev)
    words = _words(doc.text, s0, s1)
    t0, t1 = ev.trigger.start, ev.trigger.end
    idx = [i for i, w in enumerate(words) if w.start < t1 and w.end > t0] or [0]
    first, last = idx[0], idx[-1]
    keys = [w.key for w in words]
    stems = [_stem(k) for k in keys]
    bares = [_bare(k) for k in keys]
    lead = any(_ACT_VERB.match(keys[j]) or keys[j] in _CROWD or _bare(keys[j]) in _CROWD for j in range(min(3, first + 1)))
    near = range(0 if lead else max(0, first - 8), min(len(keys), last + 9))
    wide = range(max(0, first - 12), min(len(keys), last + 16))

    def has(ix: range, words_: frozenset[str]) -> bool:
        return any(bares[j] in words_ or keys[j] in words_ or stems[j] in words_ for j in ix)

    crowd = ev.count is not None or has(near, _QUANTITY | _CROWD) or any(keys[j].isdigit() for j in near)
    place = ev.location is not None or has(wide, _PLACE)
    time = ev.date_span is not None or has(wide, _TIME)
    purpose = has(wide, _PURPOSE)
    act = any(_ACT_VERB.match(keys[j]) for j in range(max(0, first - 3), last + 1))
    head = range(0, first)
    speech = has(head, _SPEECH) or has(range(len(keys)), _OPINION)
    clause = range(max(0, first - 4), first)
    subordinate = any(bares[j] in _SUBORDINATE or (j <= 1 and bares[j] in _WHILE) for j in clause)
    single = has(range(max(0, first - 4), min(len(keys), last + 3)), _SINGLE) and not has(near, _QUANTITY | _CROWD)
    listing = bool(_YEAR_ITEM.search(doc.text[s0:t0]))
    own = any(_OWN.match(seg_key(doc.text[words[j].start : words[j].end])) for j in range(first, last + 1))
    assault = any(bares[j] in _ASSAULT for j in range(max(0, first - 3), min(len(keys), last + 3)))
    return ClarityCues(
        act=act,
        lead=lead,
        crowd=crowd,
        place=place,
        time=time,
        purpose=purpose,
        quoted=_in_quote(doc.text, s0, t0),
        speech=speech,
        late=first >= LATE_WORDS and not lead,
        long=len(words) > LONG_WORDS,
        subordinate=subordinate,
        single=single,
        assault=assault,
        listing=listing,
        own=own,
        negated=any(bares[j] in _NEGATION for j in range(0, first)),
    )


# Weights: a plain lead sentence with a crowd scores about 0.8; each doubt takes a share off.
_BASE = 0.3
_SUPPORT = {"crowd": 0.2, "place": 0.1, "time": 0.1, "purpose": 0.1, "act": 0.1, "lead": 0.1}
_DOUBT = {
    "voice": 0.2,  # quoted or reported speech (one doubt, not two)
    "late": 0.2,
    "long": 0.1,
    "buried": 0.1,  # late in a long sentence: more than the two apart
    "subordinate": 0.3,
    "single": 0.4,
    "listing": 0.5,
    "own": 0.3,
    "assault": 0.3,
    "negated": 0.3,
}


def _holds(cues: ClarityCues, name: str) -> bool:
    if name == "voice":
        return cues.quoted or cues.speech
    if name == "buried":
        return cues.late and cues.long
    return bool(getattr(cues, name))


def score_cues(cues: ClarityCues) -> float:
    """The clarity score of a protest report with these cues, in [0, 1]."""
    s = _BASE + sum(w for name, w in _SUPPORT.items() if getattr(cues, name))
    s -= sum(w for name, w in _DOUBT.items() if _holds(cues, name))
    return round(min(1.0, max(0.0, s)), 6)  # the weights are tenths: no 0.49999 at a threshold


def protest_clarity(doc: Document, ev: Event) -> float:
    """How unmistakably ``ev`` reports a protest to a lay reader: 0.0 when it reports no
    protest act at all (:func:`~marsad.events.protest.reports_protest`), else the cue score."""
    if not reports_protest(doc, ev):
        return 0.0
    return score_cues(clarity_cues(doc, ev))


def clear_protest(doc: Document, threshold: float = THRESHOLD) -> bool:
    """The strict sentence- or document-level decision: one event is a clear protest report."""
    return any(protest_clarity(doc, e) >= threshold for e in doc.events)
