"""Read one document sentence by sentence into events and quotes.

The order of work inside a sentence follows the text: speech cues and triggers are visited
left to right, so a dropped subject ("وأضاف:", "وأعرب عن تعازيه") takes the last named subject
established before it. Then the sentence's drafts are settled: references to an event already
told ("هذا اللقاء", "خلال زيارته") are skipped, what a condemnation or praise is about is folded
into it, violence described inside a quote becomes the speaker's accusation, weak nominal
triggers give way to real ones, and duplicates of the same act merge.
"""

from __future__ import annotations

import bisect
import itertools
import logging
import re
from dataclasses import dataclass, field, replace
from datetime import date

from marsad import dates
from marsad.document import Document, Event, Quote, Token, Trigger
from marsad.events.arguments import (
    ACTOR_TYPES,
    AGENT,
    DIVINE,
    PAIR_WORDS,
    PLACE_TYPES,
    SUBJECT_NOUNS,
    WAW_WORDS,
    ArgumentFinder,
    Discourse,
    Mentions,
    Ref,
    fillers_only,
    nationality,
    prep_of,
)
from marsad.events.coding import actor_code, code_event
from marsad.events.lexicon import Lexicon, conjugate
from marsad.events.protest import protest_scene
from marsad.events.quotes import COMPLEMENTIZERS, Cue, cue_word, find_cues
from marsad.events.triggers import (
    _WORD_RE,
    Match,
    Starts,
    Tok,
    _starts,
    find_matches,
    read_modality,
    reading_rows,
    readings,
    token_facts,
    token_starts,
)
from marsad.memo import word_cache
from marsad.normalize import match_key

log = logging.getLogger(__name__)

CODER = "events.rules.v1"

_DEMONSTRATIVES = frozenset(match_key(w) for w in ("هذا", "هذه", "ذلك", "تلك", "هذان", "هاتان", "هؤلاء", "ذات", "نفس"))
_FRAME_PREPS = frozenset(
    match_key(w)
    for w in (
        "خلال", "لدى", "عند", "أثناء", "اثناء", "فور", "ختام", "هامش", "مستهل", "بداية", "نهاية",
        "مطلع", "إطار", "اطار", "حصيلة", "عقب", "بعد", "قبل", "منذ", "طيلة", "طوال", "إبان",
    )
)
_BACKGROUND = frozenset(
    match_key(w) for w in ("أعقاب", "إثر", "اثر", "جراء", "خلفية", "عقب", "بسبب", "نتيجة", "ردا", "رداً", "انتقاما")
)
# Function words: a verb right after anything else is in a clause of the noun before it
# ("لافتات تطالب" = banners that demand), so it takes no subject from the discourse.
_FUNCTION = frozenset(
    match_key(w)
    for w in (
        "و", "ف", "ثم", "قد", "لقد", "كما", "حيث", "إن", "أن", "أنه", "أنها", "بأن", "لن", "لم", "لا",
        "ما", "سوف", "كان", "كانت", "إذ", "بينما", "فيما", "عندما", "بعدما", "حين", "حينما", "لكن",
        "ولكن", "بل", "أو", "إنه", "إنها", "إنهم", "أنهم", "بأنه", "بأنها", "الذي", "التي", "الذين",
        "كي", "لكي", "حتى", "أيضا", "بدوره", "بدورها", "جانبه", "جانبها", "جهته", "جهتها", "اليوم",
        "أمس", "مساء", "صباح", "فجر", "يوم", "ليلة", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة",
        "السبت", "الأحد", "الاثنين", "الإثنين", "أخرى", "المقابل", "ذلك", "سياق", "متصل", "ذاته",
        "المقرر", "المتوقع", "المنتظر", "يعتزم", "تعتزم",
    )
)
_NOT_VERBS = frozenset(
    match_key(w)
    for w in ("في", "من", "على", "إلى", "الى", "مع", "بعد", "قبل", "عن", "منذ", "خلال", "وفي", "كما", "وقال", "قال")
)
_PRONOUN_COMP = frozenset(
    match_key(w)
    for w in ("أنه", "أنها", "إنه", "إنها", "بأنه", "بأنها", "أنهم", "إنهم", "بأنهم", "لكنه", "لكنها", "لكنهم")
)
_W_WORD = re.compile(r"[\w\u064b-\u065f\u0670]+")
# "قالت X إنها لن تسمح", "أكد أنه سوف يزور": particles between إن/أن + pronoun and its verb
_CLAUSE_PARTICLES = frozenset(match_key(w) for w in ("قد", "سوف", "لن", "لا", "لم"))
_PLURAL_HEADS = frozenset(
    match_key(w) for w in ("وزراء", "رؤساء", "قادة", "زعماء", "ممثلو", "ممثلي", "وفود", "وفدا", "وفدي", "وزيرا", "وزيري", "سفراء", "حكومات")
)
_HIS_COUNTRY = frozenset(match_key(w) for w in ("بلاده", "بلادها", "بلادهم", "دولته", "دولتها", "حكومته", "حكومتها"))
_DUAL_COMP = frozenset(match_key(w) for w in ("أنهما", "إنهما", "بأنهما"))
_GROUPS = frozenset(
    match_key(w) for w in ("مجاهدي", "مقاتلي", "عناصر", "قوات", "جنود", "مقاتلو", "مجاهدو", "أفراد", "وحدات")
)
_RELATIVE = frozenset(match_key(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي"))
_SIDE_MARKERS = (("من", "جانبه"), ("من", "جانبها"), ("من", "جهته"), ("من", "جهتها"), ("بدوره",), ("بدورها",))
_SIDE_FIRST = frozenset(m[0] for m in _SIDE_MARKERS)
_PHONE = frozenset(match_key(w) for w in ("هاتفي", "هاتفيا", "هاتفية", "الهاتف", "هاتفيه", "الهاتفي", "الهاتفية"))
_DURING = frozenset(match_key(w) for w in ("خلاله", "خلالها", "خلالهما", "خلالهم", "خلال"))
_FOLDING_ACTS = ("ACCUSE", "SUPPORT", "REJECT", "CONSULT", "AGREE", "THREATEN", "REQUEST")
_NEEDS_ARGS = frozenset(
    {"CONSULT", "AGREE", "SUPPORT", "ACCUSE", "REQUEST", "REJECT", "THREATEN", "COOPERATE", "CONCEDE", "SANCTION", "AID"}
)
_MATERIAL = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "AID"})
# acts whose object verbal noun is what they ask, warn of, condemn or welcome, not an act of its own
_CONTENT_HOSTS = frozenset({"REQUEST", "THREATEN", "ACCUSE", "SUPPORT", "REJECT"})
# what a statement welcomes or condemns when it names a decision ("رحبت بالقرار")
_DECISIONS = frozenset(
    match_key(w) for w in ("قرار", "قرارات", "خطوة", "عقوبات", "إجراء", "إجراءات", "تدابير", "اجراء", "اجراءات")
)
_NO_CARRY = frozenset({"ASSAULT", "COERCE", "PROTEST", "RETREAT"})
_STATEMENTS = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN"})
_RECENT = frozenset(
    match_key(w) for w in ("صباح", "فجر", "ساعات", "ساعة", "ساعتين", "مساء", "ظهر", "ليل", "ليلة", "اليوم", "أمس", "الصباح", "الفجر")
)
_COUNTED = frozenset({"ASSAULT", "COERCE", "RETREAT", "PROTEST"})
_NUMBER_WORDS = {
    match_key(w): n
    for n, ws in {
        1: ("واحد", "واحدا"), 2: ("اثنين", "اثنان"), 3: ("ثلاثة", "ثلاث"), 4: ("أربعة", "أربع"),
        5: ("خمسة", "خمس"), 6: ("ستة", "ست"), 7: ("سبعة", "سبع"), 8: ("ثمانية", "ثماني"),
        9: ("تسعة", "تسع"), 10: ("عشرة", "عشر"), 20: ("عشرين", "عشرون"), 30: ("ثلاثين", "ثلاثون"),
        40: ("أربعين", "أربعون"), 50: ("خمسين", "خمسون"), 100: ("مئة", "مائة"), 1000: ("ألف",),
    }.items()
    for w in ws
}
_MONTHISH = frozenset(
    match_key(w)
    for w in (
        "يناير", "فبراير", "مارس", "أبريل", "ابريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
        "أكتوبر", "نوفمبر", "ديسمبر", "كانون", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز",
        "آب", "أيلول", "تشرين", "عام", "العام", "سنة", "عاما", "سنوات", "ساعة", "يوما", "أيام",
        "دقيقة", "بالمئة", "بالمائة", "%", "شهرا", "أشهر", "كيلومتر", "كم", "متر", "دولار", "مليون",
        "مليار", "هجري", "هـ", "م",
    )
)


@dataclass
class Draft:
    """An event being read, before the sentence-level settling."""

    match: Match
    plover: str
    cameo: str
    mode: str | None
    head_start: int
    trig_start: int
    trig_end: int
    clause_start: int
    clause_end: int
    source: Ref | None = None
    target: Ref | None = None
    location: Ref | None = None
    explicit: bool = False
    carried: bool = False
    symmetric: bool = False
    negated: bool = False
    modality: str = "asserted"
    tense: str = "past"
    background: bool = False
    relative: bool = False  # a verb in a relative clause ("الهجوم الذي استهدف")
    count: int | None = None
    quote_speaker: str | None = None
    converted: bool = False
    sentence: int = -1
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def verbal(self) -> bool:
        return self.match.verbal

    @property
    def weak(self) -> bool:
        return self.match.entry.weak


@dataclass(frozen=True, slots=True)
class _Said:
    """A cue's speaker and quote, for attributing allegations and quoted violence."""

    start: int
    speaker: str | None
    quote: tuple[int, int] | None
    direct: bool
    announce: bool = False  # أعلن/قرر: a nominal event right after it is the speaker's act
    participle: bool = False


_ANNOUNCE = conjugate("أعلن", "يعلن") | conjugate("قرر", "يقرر")
# "بعد لقائه مع X": a meeting told in a time clause did happen (not "قبل لقائه": it may not yet)
_DONE_FRAMES = frozenset(
    match_key(w)
    for w in ("خلال", "لدى", "عند", "أثناء", "اثناء", "فور", "ختام", "هامش", "مستهل", "بعد", "عقب", "إثر", "اثر", "إبان")
)
# Purpose, prevention and generic words before violence: "لمنع هجمات", "أي اعتداء",
# "لمواجهة الإرهاب" name no attack that happened
_UNREAL_BEFORE = frozenset(
    match_key(w)
    for w in (
        "لمنع", "منع", "لمواجهة", "مواجهة", "لمكافحة", "مكافحة", "لصد", "صد", "لردع", "ردع", "للتصدي",
        "التصدي", "لتفادي", "تفادي", "لتجنب", "تجنب", "لإحباط", "إحباط", "لمحاربة", "محاربة", "أي", "أية",
        "خطر", "مخاطر", "احتمال", "احتمالات", "خشية", "تحسبا", "لحماية", "حماية", "يمنع", "تمنع",
        "مغبة", "عواقب", "خطورة",  # "حذر من مغبة الاعتداء": the consequences of an attack not made
    )
)
# "بحث سبل تعزيز التعاون", "آفاق الاتفاق": a cooperation or accord word after these is a topic
_TOPIC_HEADS = frozenset(
    match_key(p + w)
    for p in ("", "ل", "ب")
    for w in (
        "تعزيز", "تطوير", "توسيع", "تنمية", "تفعيل", "تقوية", "تعميق", "سبل", "مجالات", "آفاق", "افاق",
        "أوجه", "اوجه", "فرص", "إمكانية", "امكانية", "مستوى", "تكثيف", "استمرار", "أهمية", "اهمية",
    )
)
# "بتهمة تفجير", "لاشتراكه في تفجير سوق": the charge a court or police name is no event told here
_CHARGE_WORDS = frozenset(
    match_key(w)
    for w in (
        "بتهمة", "بتهم", "تهمة", "تهم", "لاشتراكه", "لاشتراكهم", "لاشتراكها", "لتورطه", "لتورطهم", "لتورطها",
        "لضلوعه", "لضلوعهم", "بالضلوع", "بالتورط", "بالاشتراك", "مدان", "مدانين", "المدان", "المدانين",
        "متهم", "متهمين", "المتهم", "المتهمين", "بالمشاركة", "لمشاركته", "لمشاركتهم",
    )
)
# "الأراضي التي لا تزال إسرائيل تحتلها": a state described in a relative clause, not an act told
_STILL = frozenset(match_key(w) for w in ("تزال", "يزال", "زالت", "زال", "تزل", "يزل", "يزالون", "زالوا"))
# What an act aims at, was postponed, foiled or only supposed to do ("يهدف إلى ترحيل", "بهدف تبادل",
# "من أجل وقف", "القاضي بترحيل", "تأجيل زيارة", "إحباط هجوم", "كان من المفترض أن يلتقي"): not told as done
_PURPOSE_LAST = frozenset(
    match_key(w)
    for w in (
        "بهدف", "لهدف", "القاضي", "القاضية", "يقضي", "تقضي", "لأجل", "لاجل", "تأجيل", "بتأجيل", "إرجاء",
        "ارجاء", "إلغاء", "الغاء", "بإلغاء", "إحباط", "احباط", "بإحباط", "لإحباط", "لاحباط",
    )
)
_PURPOSE_PAIRS = frozenset(
    (match_key(a), match_key(b))
    for a, b in (
        ("يهدف", "إلى"), ("تهدف", "إلى"), ("يهدف", "الى"), ("تهدف", "الى"), ("يرمي", "إلى"), ("ترمي", "إلى"),
        ("الهادف", "إلى"), ("الهادفة", "إلى"), ("الرامي", "إلى"), ("الرامية", "إلى"), ("من", "أجل"),
        ("المفترض", "أن"), ("المفترض", "ان"),
    )
)
# "التفاوض بشأن ترحيل", "محادثات بشأن اتفاق": what talks are about
_TALK_NOUNS = frozenset(
    match_key(w)
    for w in ("التفاوض", "تفاوض", "المفاوضات", "مفاوضات", "المحادثات", "محادثات", "مباحثات", "المباحثات", "نقاش", "النقاش", "الحوار", "حوار")
)
_KANA = frozenset(match_key(w) for w in ("كان", "كانت"))
_ABOUT = frozenset(match_key(w) for w in ("بشأن", "حول", "بخصوص"))
_UNREAL_LINK = frozenset(match_key(w) for w in ("وقوع", "حدوث", "تكرار", "تنفيذ", "شن", "من"))
# "العقوبات المفروضة", "الاتفاق المبرم": a measure or accord already in force, named, not told
_IN_FORCE = frozenset(
    match_key(w)
    for w in (
        "المفروض", "المفروضة", "المبرم", "المبرمة", "الموقع", "الموقعة", "الساري", "السارية", "القائم",
        "القائمة", "الحالي", "الحالية", "السابق", "السابقة", "المعمول",
    )
)
# "ارتفاع العدد الإجمالي للقتلى", "خلال 10 أشهر": a running total, not one event
_TOTAL_WORDS = frozenset(match_key(w) for w in ("إجمالي", "الإجمالي", "اجمالي", "الاجمالي", "مجموع"))
_RISE = frozenset(match_key(w) for w in ("ارتفاع", "ارتفع", "يرتفع", "ليرتفع", "ارتفعت", "ترتفع", "لترتفع"))
_LONG_UNITS = frozenset(
    match_key(w)
    for w in ("أشهر", "شهرا", "شهور", "أسابيع", "سنوات", "أعوام", "عاما", "سنة", "عامين", "شهرين", "الفترة", "الأشهر", "السنوات", "الأعوام")
)
_COGNITION = frozenset(
    match_key(p + w)
    for p in ("ي", "ت")
    for w in ("درك", "دركا", "دركوا", "علم", "علما", "علموا", "فهم", "فهما", "فهموا", "عي", "عيا", "عوا", "عرف", "عرفا", "عرفوا", "تذكر", "دري")
)
_OBLIGE_OPENERS = frozenset(match_key(w) for w in ("لكن", "لذا", "لذلك", "بل", "كما", "وعليه", "فعلى", "إنه", "أنه", "بأنه"))


@word_cache(65536)
def _announces(key: str) -> bool:
    return any(row[1] and row[0] in _ANNOUNCE for row in reading_rows(key, False))  # a verb reading


_ANNOUNCED = frozenset({"AID", "AGREE", "COOPERATE", "CONSULT", "SUPPORT"})
# "أعلنت X في وقت سابق عن اعتقال": acts an announcer reports as its own, across a time filler
_ANNOUNCED_ACTS = frozenset({"COERCE", "ASSAULT", "AID"})
_TIME_FILLERS = frozenset(match_key(w) for w in (
    "في", "وقت", "سابق", "لاحق", "اليوم", "امس", "أمس", "مساء", "صباح", "ليل", "ليلة", "فجر", "يوم",
    "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعة", "السبت", "الماضي", "الماضية",
    "يناير", "فبراير", "مارس", "ابريل", "مايو", "يونيو", "يوليو", "اغسطس", "سبتمبر", "اكتوبر",
    "نوفمبر", "ديسمبر", "من", "الشهر", "الاسبوع", "الجاري",
))
_AN = match_key("عن")
# "في الفترة الممتدة من 31 يوليو (تموز) وحتى يوم أمس": a time span between a subject and its act
_SPAN_WORDS = frozenset(match_key(w) for w in (
    "الفترة", "الممتدة", "حتى", "كانون", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب",
    "أيلول", "تشرين", "الأول", "الثاني", "أيام", "الأيام", "الأخيرة", "الماضيين", "الماضيان",
))


def _time_filler_then_an(between: list[Tok]) -> bool:
    """Only time or date words, then "عن", between an announcing verb's subject and a noun."""
    if len(between) < 2 or _bare(between[-1].key) != _AN:
        return False
    return all(_bare(t.key) in _TIME_FILLERS or t.key.isdigit() for t in between[:-1])


_FRAME_NOUNS = frozenset(match_key(w) for w in ("عملية", "عمليات", "حملة", "حملات", "جولة", "جلسة", "فترة"))
_WHY = frozenset(match_key(w) for w in ("ردا", "انتقاما", "تنديدا", "احتجاجا", "رفضا", "تضامنا", "دعما"))
_THE_COUNTRY = frozenset(match_key(w) for w in ("البلاد",))
# "مطالبين الحكومة": an unqualified government or authorities are the actor's own country's
_THE_GOVERNMENT = frozenset(match_key(w) for w in ("الحكومة", "السلطات", "الحكومه"))
_IYA = frozenset(match_key(w) for w in ("إياه", "إياها", "إياهم", "إياهما", "إياهن"))
_SPOKESMEN = tuple(match_key(w) for w in ("المتحدث", "الناطق", "متحدث", "ناطق"))
_CALLED_BY = frozenset(match_key(w) for w in ("بدعوة", "دعوة"))
# Light verbs: their object noun is the event and their subject its doer ("نفذ … إضراباً")
_LIGHT = conjugate("نفذ", "ينفذ") | conjugate("شن", "يشن") | conjugate("أجرى", "يجري") | conjugate(
    "عقد", "يعقد") | conjugate("نظم", "ينظم") | conjugate("واصل", "يواصل") | conjugate("جدد", "يجدد") | conjugate(
    "أعلن", "يعلن") | conjugate("تمكن", "يتمكن") | conjugate("قام", "يقوم") | conjugate("بدأ", "يبدأ") | conjugate(
    "استأنف", "يستأنف") | conjugate("نجح", "ينجح") | conjugate("حاول", "يحاول") | conjugate("مدد", "يمدد") | conjugate("فرض", "يفرض") | conjugate(
    "قرر", "يقرر") | frozenset(
    match_key(w) for w in ("أجرت", "أجروا", "شنت", "شنوا", "قامت", "قاموا", "تقوم", "يقوم"))


# Quantity words between a light verb's subject and its object noun ("سلسلة من الغارات")
_QUANTITY = frozenset(
    match_key(w)
    for w in ("سلسلة", "من", "عدد", "عددا", "موجة", "جملة", "مزيد", "المزيد", "عشرات", "مئات", "قرار", "قرارا")
)
_CAUSE = conjugate("دفع", "يدفع") | conjugate("أجبر", "يجبر") | conjugate("اضطر", "يضطر") | conjugate("أرغم", "يرغم")
_ARRIVE = conjugate("دخل", "يدخل") | conjugate("وصل", "يصل")


def toks_key(d: Draft) -> str:
    """The match key of a draft's head word."""
    return d.extra.get("head_key", "")


# Verbal nouns of light verbs after ل/ب: "يستعد لشن هجوم", "قام بتنفيذ عملية"
# what flies for a doer: "شنها طيران التحالف", "نفذتها مقاتلات إسرائيلية"
_AIRCRAFT = frozenset(
    match_key(p + w) for p in ("", "ال") for w in ("طيران", "طائرات", "مقاتلات", "طائرة", "مقاتلة", "المقاتلات", "حربية", "حربي")
)

_LIGHT_NOUNS = frozenset(
    match_key(p + w) for p in ("ل", "ب", "") for w in ("شن", "تنفيذ", "إجراء", "اجراء", "عقد", "تنظيم", "تمديد", "فرض")
)


@word_cache(65536)
def _is_light_verb(key: str) -> bool:
    return key in _LIGHT_NOUNS or any(row[1] and row[0] in _LIGHT for row in reading_rows(key, False))


# "زيارة التقى خلالها", "جولة بحث فيها": a relative clause about an act told just before
_IN_IT = frozenset(match_key(w) for w in ("فيه", "فيها", "خلاله", "خلالها", "أثناءه"))  # "أعرب فيه": in the call
_DURING_WHICH = frozenset(match_key(w) for w in ("خلالها", "خلاله", "أثناءها", "اثناءها", "أثناءه", "اثناءه"))


def _keys_before(text: str, a: int, b: int) -> list[str]:
    return [_bare(match_key(w)) for w in re.findall(r"[\w\u064b-\u065f\u0670]+", text[a:b])]


def _invocation(toks: list[Tok], m: Match) -> bool:
    """"أيده الله", "حفظه الله", "رعاه الله": a verb whose subject is God is an honorific blessing,
    not an act."""
    i = m.trigger[1] + 1
    return m.verbal and i < len(toks) and toks[i].key in DIVINE


_STUDENT = frozenset(match_key(w) for w in ("طالب", "طالبا", "طالبة"))


def _counted_student(toks: list[Tok], m: Match) -> bool:
    """"مقتل 147 طالبًا": after a number "طالب" is a student, never "he demanded"."""
    h = m.head
    if h == 0 or m.head_reading.stem not in _STUDENT:
        return False
    prev = toks[h - 1].key
    return prev.isdigit() or prev in _NUMBER_WORDS


def _tok_start(t: Tok) -> int:
    return t.start


def _published(doc: Document) -> date | None:
    raw = doc.source.published or (doc.dateline.date if doc.dateline else None)
    try:
        return date.fromisoformat(raw) if raw else None
    except ValueError:
        return None


# words after a genitive that open with ل but name no object of the act
_NOT_OBJECT_L = frozenset(match_key(w) for w in ("لمدة", "لدى", "لكن", "لأن", "لان", "لعدة", "لفترة", "لساعات", "لأيام", "ليلة", "لها", "له", "لهم"))
_PEOPLE_COUNTS = frozenset(match_key(w) for w in ("عشرات", "مئات", "آلاف", "الآلاف", "العشرات", "المئات", "ألف", "مائة"))
_OBJECT_PRONOUNS = ("ها", "هما", "هم", "هن", "ه")


def _object_pronoun(key: str, stem: str) -> bool:
    """Whether a verb's token carries an object pronoun after its stem (فجرتها، قتلهم)."""
    return len(key) > len(stem) and any(key.endswith(stem + s) for s in _OBJECT_PRONOUNS)


def _bare(key: str) -> str:
    if key in WAW_WORDS:
        return key
    return key[1:] if len(key) > 2 and key[0] in "وف" else key


# A word form's ``(norm, token facts, entries it begins, speech word)``: ``Lexicon.words`` keeps
# one per surface form (with the segmenter's norm, checked on use)
WordEntry = tuple[str, tuple[str, bool, bool, bool, bool], Starts, bool]


_WORDS_LIMIT = 200_000  # entries of ``Lexicon.words``: emptied when full, like the word caches
_facts = token_facts.__wrapped__  # type: ignore[attr-defined]  # Lexicon.words keeps the answers


def _word_entry(lex: Lexicon, surface: str, norm: str) -> WordEntry:
    """What :func:`lexical_tokens` needs of a word form it has not seen (see :data:`WordEntry`)."""
    facts = _facts(surface, norm)
    key, teh, is_word, noun_only, hamza = facts
    entry = (norm, facts, _starts(lex, key, teh, noun_only, hamza) if is_word else (), cue_word(key))
    if len(lex.words) >= _WORDS_LIMIT:
        lex.words.clear()
    lex.words[surface] = entry
    return entry


def lexical_tokens(doc: Document, lex: Lexicon) -> tuple[list[Tok], dict[int, Starts], list[int]]:
    """The document's tokens (as :func:`document_tokens` reads them), the entries each token
    can begin (token index → :func:`token_starts`, for those that begin one) and the indices of
    the speech words (:func:`is_cue`), with one cache lookup per token: this loop runs over every
    token of every document, and three lookups per token were a fifth of the step."""
    text = doc.text
    known = lex.words.get
    new = tuple.__new__
    toks: list[Tok] = []
    heads: dict[int, Starts] = {}
    cues: list[int] = []
    tokens = doc.tokens or [Token(m.start(), m.end(), "") for m in _WORD_RE.finditer(text)]
    for k, t in enumerate(tokens):
        a, b = t.start, t.end
        surface = text[a:b]
        hit = known(surface)
        if hit is None or hit[0] != t.norm:
            hit = _word_entry(lex, surface, t.norm)
        toks.append(new(Tok, (a, b) + hit[1]))
        if hit[2]:
            heads[k] = hit[2]
        if hit[3]:
            cues.append(k)
    return toks, heads, cues


class DocumentReader:
    """Events and quotes of one document (see the module docstring)."""

    def __init__(
        self, doc: Document, lex: Lexicon, tokens: list[Tok] | None = None, *, indirect_quotes: bool = False
    ) -> None:
        """``tokens``: the document's tokens as :func:`document_tokens` gives them; by default
        they are read here together with their lexicon entries and speech words."""
        self.indirect_quotes = indirect_quotes  # also report "قال إن …" as quotes (direct=False)
        self.doc = doc
        self.lex = lex
        # token index → entries it begins, and the speech words; None: looked up per sentence
        self._heads: dict[int, Starts] | None = None
        self._head_idx: list[int] = []
        self._cue_idx: list[int] = []
        if tokens is None:
            tokens, self._heads, self._cue_idx = lexical_tokens(doc, lex)
            self._head_idx = sorted(self._heads)
        self.tokens = tokens
        self._tok_starts = [t.start for t in tokens]
        ends = [t.end for t in tokens]
        # tokens that end in order (they never overlap): a sentence's tokens are one slice
        self._tok_ends = ends if ends == sorted(ends) else None
        # which tokens lie in boilerplate, read once (sentence tokens are asked for many times)
        self._tok_boiler = self._in_boilerplate(doc, tokens) if doc.boilerplate else None
        self.mentions = Mentions(doc)
        self.disc = Discourse()
        self.published = _published(doc)
        self.dateline_place = self._dateline_place()
        self._side = False  # the sentence opened with "من جانبه" and no subject is named yet
        self.last_date: date | None = None  # the last day the report established
        self._last_date_at = 0  # the start of the sentence that set it
        self._last_date_frame = False  # set by a meeting or call (what was said in it shares its day)
        self._date_words: dict[int, list[tuple[int, int, object]]] = {}  # sentence start → date words
        self.history: list[Draft] = []  # the events already coded, in text order
        self._side_other: str | None = None
        self._pluperfect = False
        self._sentence = 0
        self._subject_sentence = -1  # the sentence where the discourse subject was last named
        self._subject_gender: str | None = None  # "m"/"f": the verb that named the discourse subject agreed so
        self._current: list[Draft] = []  # the drafts of the sentence kept so far
        self._headline: int | None = None  # the index of a headline sentence (-1: none)

    def _in_boilerplate(self, doc: Document, tokens: list[Tok]) -> list[bool]:
        """``doc.in_boilerplate`` of every token, visiting only the tokens that start inside a
        boilerplate span (tokens are in text order)."""
        out = [False] * len(tokens)
        starts = self._tok_starts
        for span in doc.boilerplate:
            for k in range(bisect.bisect_left(starts, span.start), len(tokens)):
                t = tokens[k]
                if t.start > span.end:
                    break
                if t.end <= span.end:
                    out[k] = True
        return out

    # -- document ----------------------------------------------------------------------------

    def read(self) -> tuple[list[Event], list[Quote]]:
        events: list[Event] = []
        quotes: list[Quote] = []
        boiler = bool(self.doc.boilerplate)
        for si, s in enumerate(self.doc.sentences):
            if boiler and self.doc.in_boilerplate(s.start, s.end):
                continue
            toks, heads, cue_words = self._sentence_words(s.start, s.end)
            if not toks:
                continue
            if self._headline is None:
                self._headline = si if self._is_headline(s.start, s.end, toks) else -1
            self._sentence = si
            drafts, qs = self._read_sentence(s.start, s.end, toks, heads, cue_words)
            quotes.extend(qs)
            for d in drafts:
                d.sentence = si
                self.history.append(d)
                events.append(self._event(f"ev{len(events) + 1}", si, d, s.start, s.end))
        return self._without_restated_headline(events), quotes

    def _is_headline(self, s0: int, s1: int, toks: list[Tok]) -> bool:
        """The document's first sentence is a headline when it is one short line with no final
        stop ("العدو يستدعي الاحتياط.. والمقاومة تستهدف مواقعه") followed by the body."""
        text = self.doc.text
        line_end = text.find("\n", s0)
        if line_end < 0 or text[s1:line_end].strip() or line_end >= len(text.rstrip()):
            return False
        last = text[s0:s1].rstrip()
        open_end = not last.endswith((".", "!", "؟", "?")) or last.endswith("..")
        return open_end and sum(t.is_word for t in toks) <= 25

    def _without_restated_headline(self, events: list[Event]) -> list[Event]:
        """A headline event told again in the body is dropped: the body says it in full (its
        date, place and count), and the headline is only its summary."""
        h = self._headline
        if h is None or h < 0 or not any(e.sentence == h for e in events):
            return events

        def twin(e: Event, b: Event) -> bool:
            return (
                b.sentence > h and b.plover == e.plover and not b.background
                and (e.source is None or b.source is None or e.source == b.source)
                and (e.target is None or b.target is None or e.target == b.target)
            )

        kept = [e for e in events if e.sentence != h or not any(twin(e, b) for b in events)]
        if len(kept) == len(events):
            return events
        return [replace(e, id=f"ev{n}") for n, e in enumerate(kept, 1)]

    def _token_range(self, a: int, b: int) -> tuple[int, int] | None:
        """The tokens inside [a, b) as the slice ``tokens[i:e]``, or None when boilerplate or
        overlapping tokens leave holes in it."""
        ends = self._tok_ends
        if ends is None:
            return None
        i = bisect.bisect_left(self._tok_starts, a)
        j = bisect.bisect_left(self._tok_starts, b, i)  # tokens that start before b
        e = max(i, min(j, bisect.bisect_right(ends, b)))  # … and end by b
        boiler = self._tok_boiler
        if boiler is not None and any(boiler[i:e]):
            return None
        return i, e

    def _sentence_tokens(self, a: int, b: int) -> list[Tok]:
        span = self._token_range(a, b)
        if span is not None:
            return self.tokens[span[0]:span[1]]
        i = bisect.bisect_left(self._tok_starts, a)
        j = bisect.bisect_left(self._tok_starts, b, i)  # tokens that start before b
        boiler = self._tok_boiler
        tokens = self.tokens
        return [tokens[k] for k in range(i, j) if tokens[k].end <= b and not (boiler and boiler[k])]

    def _sentence_words(
        self, a: int, b: int
    ) -> tuple[list[Tok], list[tuple[int, Starts]] | None, list[int] | None]:
        """A sentence's tokens, with the (index, entries) of those that begin a lexicon entry
        and the indices of its speech words when the document's lookups cover them (else None:
        :func:`find_matches` and :func:`find_cues` look them up)."""
        span = self._token_range(a, b) if self._heads is not None else None
        if span is None:
            return self._sentence_tokens(a, b), None, None
        i, e = span
        heads, idx = self._heads, self._head_idx
        assert heads is not None
        lo, hi = bisect.bisect_left(idx, i), bisect.bisect_left(idx, e)
        cue_idx = self._cue_idx
        c0, c1 = bisect.bisect_left(cue_idx, i), bisect.bisect_left(cue_idx, e)
        return (
            self.tokens[i:e],
            [(k - i, heads[k]) for k in idx[lo:hi]],
            [k - i for k in cue_idx[c0:c1]],
        )

    def _dateline_place(self) -> Ref | None:
        dl = self.doc.dateline
        if dl is None:
            return None
        for r in self.mentions.between(dl.start, dl.end):
            if r.type in PLACE_TYPES:
                return r
        if dl.location:
            key = match_key(dl.location)
            for e in self.doc.entities:
                if e.type in PLACE_TYPES and (match_key(e.canonical) == key or any(
                    match_key(m.text) == key for m in e.mentions
                )):
                    m0 = e.mentions[0] if e.mentions else None
                    return Ref(m0.start if m0 else dl.start, m0.end if m0 else dl.end, e.id, e.type)
        return None

    # -- one sentence ------------------------------------------------------------------------

    def _read_sentence(
        self,
        s0: int,
        s1: int,
        toks: list[Tok],
        heads: list[tuple[int, Starts]] | None = None,
        cue_words: list[int] | None = None,
    ) -> tuple[list[Draft], list[Quote]]:
        text = self.doc.text
        finder = ArgumentFinder(self.doc, self.mentions, s0, s1)
        matches = [
            m for m in find_matches(toks, self.lex, heads) if m.entry.frame != "stop" and not _invocation(toks, m) and not _counted_student(toks, m)
        ]
        cues = find_cues(text, toks, s0, s1, cue_words)
        self._side = self._side_marker(toks)
        opening = [_bare(t.key) for t in toks[:2] if t.is_word]
        self._pluperfect = bool(opening) and opening[0] in ("كان", "كانت") and any(_bare(t.key) == "قد" for t in toks[:12])
        # "من جهتها، رفضت الوزارة …": a reaction; its unnamed target is the other side
        self._side_other = self.disc.subject if self._side else None
        self._opening_subject(toks, finder, matches, cues)
        if not matches and not cues:  # nothing to code, nothing quoted
            self._current = []  # what settling no drafts leaves
            return [], []
        # clause boundaries: verbal triggers, cues, colons
        bounds = sorted(
            {toks[m.head].start for m in matches if m.verbal}
            | {c.start for c in cues}
            | {t.start for t in toks if t.key == ":"}
        )
        items: list[tuple[int, int, Match | Cue]] = [(toks[m.head].start, 1, m) for m in matches]
        items += [(c.start, 0, c) for c in cues]
        items.sort(key=lambda x: (x[0], x[1]))
        said: list[_Said] = []
        quotes: list[Quote] = []
        drafts: list[Draft] = []
        for pos, _, item in items:
            c_start, c_end = self._clause(bounds, pos, s0, s1)
            if isinstance(item, Cue):
                spk = self._speaker(finder, item, c_start, c_end, said)
                said.append(
                    _Said(item.start, spk, item.quote, item.direct, _announces(toks[item.tok].key), item.participle)
                )
                spans = [(item.quote, item.direct)] if item.quote else []
                spans += [(m, True) for m in item.more]
                for span, direct in spans:
                    if span is None or (not direct and not self.indirect_quotes):
                        continue
                    if any(q.start < span[1] and span[0] < q.end for q in quotes):
                        continue
                    a, b = span
                    quotes.append(Quote(a, b, text[a:b], spk, direct, (item.start, item.end)))
                continue
            d = self._draft(item, toks, finder, c_start, c_end, said, drafts)
            if d is not None and "negated" in item.entry.flags:
                if not d.negated:
                    continue  # "قبل" asserted is no refusal
                d.negated = False  # "لن تقبل": the negation is the refusal itself
                if d.modality == "future":
                    d.modality, d.tense = "asserted", "past"  # the refusal is voiced now
            elif d is not None and d.negated and d.plover in ("CONCEDE", "RETREAT") and item.verbal and (
                d.modality == "future" or toks[item.head].key.lstrip("وف")[:1] in ("ي", "ت", "ن")
            ):
                # "لن نتراجع عن موقفنا", "لا ننسحب": a refusal to yield is a rejection (like "لن تقبل")
                d.plover, d.cameo, d.mode, d.negated, d.modality = "REJECT", "120", None, False, "asserted"
            if d is not None:
                drafts.append(d)
        drafts = self._framed_meetings(drafts, said, finder)
        return self._settle(drafts, toks, s0, s1, finder), quotes

    def _framed_meetings(self, drafts: list[Draft], said: list[_Said], finder: ArgumentFinder) -> list[Draft]:
        """"وخلال لقائه مع X، أكد الوزير …": a meeting framed before the main clause belongs to
        the main clause's subject (the first named doer or speaker after it); a meeting already
        coded between the same two parties is only referred to again."""
        out = []
        for d in drafts:
            if "framed" in d.extra:
                first = not any(x.verbal and x.source for x in drafts if x.head_start < d.head_start) and not any(
                    q.start < d.head_start and q.speaker for q in said
                )
                if first:
                    later = [(x.head_start, x.source) for x in drafts if x.head_start > d.head_start and x.verbal and x.explicit]
                    later += [(q.start, self._ref_of(q.speaker)) for q in said if q.start > d.head_start and q.speaker]
                    pick = min(later, key=lambda p: p[0])[1] if later else self._subject_before_frame(finder, d.head_start)
                    if pick is not None:
                        d.source = pick
                if d.source is not None and d.target is not None and d.source.entity == d.target.entity:
                    d.target = None
                if d.source is None or d.target is None:
                    continue
                pair = {d.source.entity, d.target.entity}
                if any(
                    x.plover == "CONSULT" and x.source is not None and x.target is not None
                    and {x.source.entity, x.target.entity} == pair
                    for x in self.history
                ):
                    continue
            out.append(d)
        return out

    def _subject_before_frame(self, finder: ArgumentFinder, pos: int) -> Ref | None:
        """"طلب الإيرانيون خلال تفاوضهم مع X": with no doer after the frame, the actor named
        right before it (no preposition, at most two words between) owns the framed meeting."""
        r = next((r for r in reversed(finder.refs) if r.end <= pos), None)
        if r is None or r.start < finder.start or r.type not in ACTOR_TYPES or finder.prep(r) is not None:
            return None
        if len(_keys_before(self.doc.text, r.end, pos)) > 2:
            return None
        return r

    @staticmethod
    def _clause(bounds: list[int], pos: int, s0: int, s1: int) -> tuple[int, int]:
        i = bisect.bisect_left(bounds, pos)
        start = bounds[i - 1] if i > 0 else s0
        j = bisect.bisect_right(bounds, pos)
        end = bounds[j] if j < len(bounds) else s1
        return start, end

    def _opening_subject(self, toks: list[Tok], finder: ArgumentFinder, matches: list[Match], cues: list[Cue]) -> None:
        """A sentence that opens with a verb and a named subject ("ويسعى المبعوث هوكستين")
        establishes that subject even when the verb codes no event."""
        if not toks[0].is_word or not any(t.is_word for t in itertools.islice(toks, 1, None)):
            return  # the sentence must open with a word and hold another
        first = toks[0]
        if _bare(first.key) in _FUNCTION or _bare(first.key) in _NOT_VERBS:
            return
        if any(m.head == 0 for m in matches) or any(c.tok == 0 for c in cues):
            return  # the trigger or cue itself will read its subject
        nxt = next((r for r in finder.refs if r.start >= first.end), None)
        if nxt is None or nxt.start - first.end > 2:
            return  # the subject would be this mention or one after it: it must follow at once
        r = finder.subject_after(first.end, finder.end)
        if r is not None and r.type in ("PER", "ORG") and r.start - first.end <= 2:
            self._established(r.entity)

    @staticmethod
    def _side_marker(toks: list[Tok]) -> bool:
        words = [_bare(t.key) for t in toks[:3] if t.is_word]
        if not words or words[0] not in _SIDE_FIRST:
            return False  # every marker opens with one of these
        return any(tuple(words[: len(m)]) == m for m in _SIDE_MARKERS)

    def _is_trigger_word(self, key: str) -> bool:
        """Whether a word is an event word by itself (an event word ends a title)."""
        return any(
            e.frame != "stop" and len(e.elements) == 1 and not e.weak
            for e, _ in _starts(self.lex, key, key.endswith("ه"))  # a final ه read as ة: "وزارة" is no verb
        )

    def _carried(self) -> str | None:
        """The dropped subject: the other party after "من جانبه" (once), else the last subject."""
        if self._side and self.disc.other:
            self._side = False
            return self.disc.other
        return self.disc.subject

    def _established(self, subject: str, other: str | None = None, gender: str | None = None) -> None:
        if subject != self.disc.subject or gender is not None:
            self._subject_gender = gender
        self._side = False
        self._subject_sentence = self._sentence
        self.disc.update(subject, other)

    @staticmethod
    def _verb_gender(key: str) -> str | None:
        """The gender a singular 3rd-person verb form agrees in: "أكدت", "تؤكد" feminine;
        "أكد", "يؤكد" masculine; None for plurals, duals and what cannot be told."""
        k = _bare(key)
        if len(k) < 3 or k.endswith(("وا", "ون", "ان", "ين", "تا", "نا")):
            return None
        if k[0] == "ي":
            return "m"
        if k.endswith("ت") and len(k) > 3:
            return "f"
        if k[0] == "ت":
            return None  # "تؤكد" she affirms, or a past form V/VI: "تابع", "تطرق"
        return "m" if k[0] in "اأإ" or len(k) == 3 else None

    def _carry_agrees(self, key: str) -> bool:
        """A dropped subject stops at a change of gender: "وأكدت" never takes the man named
        with "وقال" before ("واعتذرت جريفين" after "وانتقد الرئيس")."""
        g = self._verb_gender(key)
        return g is None or self._subject_gender is None or g == self._subject_gender

    def _agrees(self, d: Draft, doer: Ref | None) -> bool:
        """Whether a verb could have ``doer`` as its dropped subject. A masculine plural verb
        ("قتلوا", "يهاجمون") takes a group of people ("الحوثيون", "المسلحين"), never a state, a
        body or a non-human plural ("طائرات التحالف" takes "استهدفت"); with no doer given, whether
        the verb is such a plural. Nouns agree with anyone."""
        if not d.verbal or "masdar" in d.extra:
            return True
        k = _bare(self._head_tok(d).key)
        plural = k.endswith("وا") or (k[:1] in ("ي", "ت") and k.endswith("ون"))
        if not plural:
            return True
        if doer is None:
            return False
        e = self.mentions.entities.get(doer.entity)
        if e is None or e.type not in ("ORG", "NORP"):
            return False
        return any(match_key(m.text.split()[-1]).endswith(("ون", "ين")) for m in e.mentions if m.text.split())

    def _passive_marked(self, d: Draft) -> bool:
        """A verb written with its passive vowel ("قُتل", "وقُصفت"): it has no doer to carry."""
        if not d.verbal:
            return False
        t = self._head_tok(d)
        raw = self.doc.text[t.start:t.end]
        if raw[:1] in ("و", "ف") and len(raw) > 3 and raw[2:3] == "\u064f":
            raw = raw[1:]
        return raw[1:2] == "\u064f"

    def _ref_of(self, entity: str | None) -> Ref | None:
        if entity is None:
            return None
        e = self.mentions.entities.get(entity)
        return Ref(-1, -1, entity, e.type if e else "PER")

    def _speaker(
        self, finder: ArgumentFinder, cue: Cue, c0: int, c1: int, said: list[_Said]
    ) -> str | None:
        limit = cue.quote[0] if cue.quote else c1
        if cue.participle:
            return next((q.speaker for q in reversed(said) if q.speaker), None) if said else self.disc.subject
        subj = finder.subject_after(cue.end, limit) or finder.title_subject(cue.end, limit, self._is_trigger_word)
        if subj is None:
            subj = finder.subject_before(cue.start, c0)
        cue_key = match_key(self.doc.text[cue.start:cue.end])
        if subj is not None:
            self._established(subj.entity, gender=self._verb_gender(cue_key) if subj.start > cue.start else None)
            return subj.entity
        if not self._carry_agrees(cue_key):
            return None
        return self._carried()

    def _draft(
        self,
        m: Match,
        toks: list[Tok],
        finder: ArgumentFinder,
        c0: int,
        c1: int,
        said: list[_Said],
        earlier: list[Draft],
    ) -> Draft | None:
        e = m.entry
        plover, mode = code_event(e.cameo, e.plover, e.mode)
        head = toks[m.head]
        t0, t1 = toks[m.trigger[0]].start, toks[m.trigger[1]].end
        before = [_bare(t.key) for t in toks[max(0, m.head - 3):m.head] if t.is_word]
        prev = before[-1] if before else ""
        d = Draft(m, plover, e.cameo, mode, head.start, t0, t1, c0, c1)
        d.extra["head_key"] = head.key
        if self._purposed(toks, m.head):
            # "يهدف إلى ترحيل", "تأجيل زيارة", "كان من المفترض أن يلتقي": not an act told; its
            # arguments are still read (a subject named there is the discourse's), then it is dropped
            d.extra["unrealised"] = "1"
        if not m.verbal:
            framed = prev in _FRAME_PREPS or (len(before) > 1 and before[-2] in _FRAME_PREPS and prev in _FRAME_NOUNS)
            if framed and plover != "PROTEST":
                if not self._meeting_in_frame(m, toks, finder, prev):
                    return None  # a time frame ("خلال الزيارة", "خلال عملية اقتحام"); "خلال مظاهرة" is one
                d.extra["framed"] = "1"  # "بعد لقائه مع X": the meeting happened; its owner is the clause's subject
            if e.weak and plover in ("COOPERATE", "AGREE") and prev in _TOPIC_HEADS:
                return None  # "لبحث سبل تعزيز التعاون": the topic of talks, not an act told
            if plover in _MATERIAL and self._unreal(before):
                return None  # "لمنع هجمات", "أي اعتداء": violence prevented, feared or generic
            if plover in ("ASSAULT", "COERCE") and any(w in _CHARGE_WORDS for w in before[-2:]):
                return None  # "حكماً بالإعدام … لاشتراكه في تفجير سوق": the charge, not an act told
            if self._in_force(toks, m):
                return None  # "العقوبات المفروضة", "الاتفاق المبرم": named, not told
            if prev in _DEMONSTRATIVES:
                d.extra["reference"] = "1"  # "هذه الاعتداءات": an event told before; it only lends its doer
            if any(w in _BACKGROUND for w in before[-2:]):
                d.background = True
        d.relative = m.verbal and prev in _RELATIVE
        if m.verbal and plover in _MATERIAL and any(w in _STILL for w in before) and any(
            _bare(t.key) in _RELATIVE for t in toks[max(0, m.head - 5):m.head]
        ):
            return None  # "النقاط التي لا تزال تحتلها": an ongoing state described, not an act told
        if m.verbal and prev in ("ان",) and m.head_reading.stem in m.entry.elements[0].verb and not head.key.startswith(("ي", "ت", "ن")):
            d.extra["masdar"] = "1"  # "وأن قتل الفلسطينيين": a past form after أن is a verbal noun
        if m.verbal and prev in ("الي", "علي", "عن") and _bare(head.key) == m.head_reading.stem:
            d.extra["masdar"] = d.extra["prep_masdar"] = "1"  # "دعت إلى رفع الحظر": a verbal noun after a preposition
        if m.verbal and prev in _FRAME_PREPS and self._possessed(m, head):
            d.extra["masdar"] = "1"  # "خلال تفاوضهم مع X": after a time frame a word is a noun, not a verb
        if m.verbal and m.head > 0 and not head.key.startswith(("ي", "ت", "ن")) and any(
            q.participle and q.start == toks[m.head - 1].start for q in said
        ):
            d.extra["masdar"] = "1"  # "مؤكداً رفض المملكة القاطع": the object of a speech participle is a noun
        quote = next((q for q in reversed(said) if q.quote and q.quote[0] <= t0 < q.quote[1]), None)
        in_direct = quote is not None and quote.direct
        d.quote_speaker = quote.speaker if in_direct and quote else None

        if e.frame == "allege":
            spk = quote.speaker if in_direct and quote else None
            if spk is None:
                return None  # "جرائم", "عدوان" accuse only in someone's own quoted words
            d.source = self._ref_of(spk)
            d.target = self._perpetrator(finder, toks, m, t1, c1, spk)
            if d.target is None:
                return None  # violations of nobody named: commentary, not an accusation
            return self._finish(d, toks, finder, earlier)

        if e.frame == "oblige":
            return self._obligation(d, m, toks, finder, said, quote, in_direct, earlier)

        if e.frame == "faced":
            return self._faced(d, m, toks, finder, said, quote, in_direct, earlier)

        agent = finder.agent(head.start, c1)
        if "participle" in e.flags and plover == "ACCUSE" and (
            finder.next_word(head.end)[:1] == "ب" or (prev.isdigit() or prev in _NUMBER_WORDS)
        ):
            return None  # "66 آخرين متهمين بتشكيل تنظيم", "51 متهماً": the accused, not an accuser
        if "participle" in e.flags:
            # مؤكداً، متهمةً: the participle's subject is the sentence's subject
            lead = next((x for x in reversed(earlier) if x.verbal and x.source), None)
            d.source = (
                self._reported_subject(finder, toks, m.head, said)
                or (lead.source if lead else None)
                or self._ref_of(next((q.speaker for q in reversed(said) if q.speaker), None) if said else self.disc.subject)
            )
            if finder.next_word(head.end) in _IYA and lead is not None and lead.target is not None:
                d.target = lead.target  # "متهمةً إياهم": the object of the act before
            self._objects(d, finder, head.end, c1, words=6)
        elif plover == "PROTEST" and e.weak and not m.verbal and self._acted_on(toks, m.head):
            return None  # "إصابة ستة محتجين", "اعتقال متظاهرين": protesters as the victims of another act
        elif not earlier and plover == "PROTEST" and not m.verbal and _bare(head.key) in _WHY:
            return None  # "احتجاجاً على": why another act was done; alone it names no protest
        elif earlier and self._purpose_form(m, head, plover):
            d.extra["purpose"] = "1"  # تنديداً بـ، تضامناً مع: why the act before was done
            d.target = self._nation_entity(toks, list(range(m.trigger[1] + 1, min(len(toks), m.trigger[1] + 4))))
            self._objects(d, finder, head.end, c1, words=8, places=False)
        elif m.verbal:
            self._verbal_roles(d, m, toks, finder, head, agent, quote, in_direct, earlier)
            if d.source is None and "masdar" in d.extra:
                d.source = self._nominal_owner(m, toks, finder, said, earlier, c0)  # "أكد الوزيران رفضهما"
        else:
            gen = finder.genitive_after(t1, c1)
            if e.frame == "passive" and gen is not None and self._captor(finder, gen, c1):
                # "احتجاز داعش لرهائن": the genitive is the doer when an object follows it
                d.source = gen
                d.target = finder.target_after(finder.chain(gen)[0], c1, {gen.entity}, places=False, words=8)
            elif e.frame == "passive":
                d.target = gen or finder.target_after(t1, c1, set(), places=False, words=5, partitive=True)
                if d.target is None:
                    d.target = self._nation_entity(toks, list(range(m.trigger[1] + 1, min(len(toks), m.trigger[1] + 4))))
                d.source = agent or self._light_doer(m, toks, finder, said, c0) or self._announcer(m, toks, finder, said, c0)
                if d.source is not None and d.target is not None and d.source.entity == d.target.entity:
                    d.source = None
            else:
                d.source = gen if gen is not None and gen.type in ACTOR_TYPES else agent
                if d.source is gen and gen is not None and plover == "AGREE" and gen.type in PLACE_TYPES:
                    ent = self.mentions.entities.get(gen.entity)
                    if ent is not None and ent.actor is None:
                        d.source = None  # "اتفاق فيينا", "اتفاقات توكيه": a treaty named by its city
                        d.extra["reference"] = "1"
                if d.source is gen and gen is not None and gen.type in PLACE_TYPES and plover in ("ASSAULT", "COERCE"):
                    d.source, d.target = agent, gen  # "مجزرة النبطية": where it struck
                if plover == "AGREE" and e.weak and _bare(head.key).startswith(("ال", "بال", "لل")) and (
                    finder.between_pair(t1, c1) is None
                ):
                    d.extra["reference"] = "1"  # "الاتفاق", "بالاتفاقية": the agreement already known, told about
                if d.source is None and e.frame == "visit":
                    # "زيارة وفد من الأمم المتحدة للمدينة": the delegation's body visits
                    r = next((r for r in finder.refs if t1 <= r.start < finder.word_limit(t1, 4)), None)
                    if r is not None and r.type in ACTOR_TYPES and finder.prep(r) in ("من", "عن") and finder._delegation_before(r):
                        d.source = r
                if d.source is None and plover == "ASSAULT":
                    d.source = self._relative_light_doer(finder, t1, c1)  # "غارات شنها طيران التحالف"
                if d.source is None and plover in ("ASSAULT", "COERCE"):
                    d.source = self._from_doer(finder, t1, c1)  # "تعرضت البلدة لهجوم من قوات النظام"
                if d.source is None:
                    d.source = self._nominal_owner(m, toks, finder, said, earlier, c0)
                self._objects(d, finder, t1, c1, words=6, places=plover not in ("PROTEST", "REJECT", "RETREAT"))
        if plover == "PROTEST":
            self._protest_roles(d, finder, toks, m)
        if e.frame in ("visit", "arrive"):
            self._destination(d, finder, head.end if m.verbal else t1, c1)
            if e.frame == "arrive" and (d.location is None or d.source is None):
                return None  # "وصلت سفينة إلى الميناء", "قوارب تصل إلى إيطاليا": nobody visits
        if m.verbal and "masdar" in d.extra and "prep_masdar" not in d.extra and not d.relative and prev not in _FRAME_PREPS:
            # "طلب من مجلس الأمن عقد اجتماع", "حذر من شن هجوم": a verbal noun right in the clause of
            # a request, warning or condemnation verb is what it asks or warns of (no speech
            # participle between them: "مؤكداً رفض المملكة" is a statement of its own)
            host = next((x for x in reversed(earlier) if x.verbal and not x.relative and "masdar" not in x.extra), None)
            if host is not None and host.plover in _CONTENT_HOSTS and "participle" not in host.match.entry.flags and not any(
                host.head_start < q.start < head.start for q in said
            ):
                d.extra["content"] = "1"
        return self._finish(d, toks, finder, earlier)

    def _meeting_in_frame(self, m: Match, toks: list[Tok], finder: ArgumentFinder, prev: str) -> bool:
        """"بعد لقائه مع X", "خلال اجتماعه بالرئيس": a meeting (040) owned by a pronoun, in a
        time frame that says it took place, with its partner named right after it."""
        if prev not in _DONE_FRAMES or not m.entry.cameo.startswith("040") or "nominal" not in m.entry.flags:
            return False
        if not self._possessed(m, toks[m.head]):
            return False
        t1 = toks[m.trigger[1]].end
        r = finder.target_after(t1, finder.end, set(), places=False, words=5)
        if r is None or finder.prep(r) not in (None, "مع", "ب"):
            return False
        gap = [w for w in re.findall(r"[\w\u064b-\u065f\u0670]+", self.doc.text[t1:r.start]) if match_key(w) not in ("مع", "ب")]
        return fillers_only(" ".join(gap), titles=True)

    @staticmethod
    def _purposed(toks: list[Tok], h: int) -> bool:
        """A trigger in a purpose, postponement or supposition frame (see ``_PURPOSE_LAST``), or
        the topic of talks ("التفاوض بشأن ترحيل"); the frame must be in the trigger's clause."""
        words: list[str] = []
        for t in reversed(toks[max(0, h - 3):h]):
            if not t.is_word:
                break  # "، أن": another clause
            words.insert(0, _bare(t.key))
        if not words:
            return False
        if words[-1] in _PURPOSE_LAST:
            return True
        if len(words) > 1 and (words[-2], words[-1]) in _PURPOSE_PAIRS:
            return True
        return len(words) > 1 and words[-1] in _ABOUT and words[-2] in _TALK_NOUNS

    @staticmethod
    def _unreal(before: list[str]) -> bool:
        """Purpose, prevention or a generic determiner just before a violence noun ("لمنع
        وقوع هجمات", "أي اعتداء")."""
        if not before:
            return False
        if before[-1] in _UNREAL_BEFORE:
            return True
        return len(before) > 1 and before[-1] in _UNREAL_LINK and before[-2] in _UNREAL_BEFORE

    @staticmethod
    def _in_force(toks: list[Tok], m: Match) -> bool:
        """A nominal trigger followed by "المفروضة", "المبرم", "الحالية" (after at most one
        adjective or name word): a measure or accord that exists, not an act told here."""
        hi = m.trigger[1]
        nxt = [_bare(t.key) for t in toks[hi + 1:hi + 4] if t.is_word]
        return any(w in _IN_FORCE for w in nxt[:2]) or (len(nxt) > 2 and nxt[2] in _IN_FORCE and nxt[1].startswith("ال"))

    def _obligation(
        self, d: Draft, m: Match, toks: list[Tok], finder: ArgumentFinder, said: list[_Said],
        quote: _Said | None, in_direct: bool, earlier: list[Draft],
    ) -> Draft | None:
        """"يتعين على اليونان تسجيل …", "إن على إسرائيل أن توقف …": a demand of the actor named
        after على, made by the speaker (the quote's, the clause's cue's, else the subject)."""
        ala = next((i for i in m.tokens if _bare(toks[i].key) == "علي"), None)
        if ala is None:
            return None
        prev = toks[m.head - 1] if m.head > 0 else None
        if prev is not None and _bare(prev.key) in _RELATIVE:
            return None  # "الثمن الذي يتعين على تركيا أن تدفعه": a description, not a demand
        a = toks[ala].end
        r = next((r for r in finder.refs if r.start >= a), None)
        if r is None or r.type not in ACTOR_TYPES or not fillers_only(self.doc.text[a:r.start], titles=True):
            return None
        if finder.prep(r) not in ("علي", None):
            return None
        end, _ = finder.chain(r)
        words = [_bare(match_key(w)) for w in re.findall(r"[\w\u064b-\u065f\u0670]+", self.doc.text[end:finder.end])[:2]]
        if any(w in _COGNITION for w in words):
            return None  # "على واشنطن أن تدرك أن …": rhetoric about understanding, not a demand
        if ala == m.head:
            # a bare "على X" must open its clause: after إن/أن ("إن على إسرائيل وقف …"), or after a
            # comma, a connective or the sentence start with أن after X ("، على الحكومة أن …")
            after_comp = prev is not None and prev.is_word and _bare(prev.key) in COMPLEMENTIZERS
            opener = prev is None or not prev.is_word or _bare(prev.key) in _OBLIGE_OPENERS
            nxt = _bare(finder.next_word(end))
            if not (after_comp or (opener and nxt in ("ان", "بان"))):
                return None
        if in_direct and quote is not None:
            src = self._ref_of(quote.speaker)
        else:
            cue = next((q for q in reversed(said) if q.start < toks[m.head].start and q.speaker), None)
            src = self._ref_of(cue.speaker) if cue is not None else self._ref_of(self.disc.subject)
        if src is not None and src.entity == r.entity:
            return None
        d.source, d.target = src, finder.owner(r)
        d = self._finish(d, toks, finder, earlier)
        if d.modality == "demanded":
            d.modality = "asserted"  # the demand itself is made; what is demanded is another event
        return d

    def _decision_maker(self, d: Draft, toks: list[Tok]) -> Ref | None:
        """"رحبت الوزارة بالقرار", "ندد بالعقوبات": the one who took the decision told before (the
        doer of the last sanction, measure or material act of the last sentences), when the
        statement's object is such a decision word."""
        i = d.match.trigger[1] + 1
        words = [_bare(t.key) for t in toks[i:i + 6] if t.is_word]
        if d.source is not None:
            end = bisect.bisect_left(toks, d.source.end, key=_tok_start)
            if d.source.start >= toks[d.match.trigger[1]].end:
                words = [_bare(t.key) for t in toks[end:end + 3] if t.is_word]
        if not words or words[0].removeprefix("ب").removeprefix("ال") not in _DECISIONS:
            return None
        for x in reversed(self.history[-16:]):
            if x.plover in _MATERIAL and x.source is not None and x.sentence >= self._sentence - 8 and not x.background:
                if x.source.entity != d.source.entity:  # type: ignore[union-attr]
                    return x.source
                return None
        return None

    def _acted_on(self, toks: list[Tok], h: int) -> bool:
        """A violence or coercion word within the three words before token ``h``."""
        for t in toks[max(0, h - 3):h]:
            for entry, _ in token_starts(self.lex, t):
                if entry.frame != "stop" and code_event(entry.cameo, entry.plover)[0] in ("ASSAULT", "COERCE"):
                    return True
        return False

    def _faced(
        self, d: Draft, m: Match, toks: list[Tok], finder: ArgumentFinder, said: list[_Said],
        quote: _Said | None, in_direct: bool, earlier: list[Draft],
    ) -> Draft | None:
        """"أي حماقة أمريكية ستواجه برد قاس", "أي خرق من جانب القوات الحكومية سيقابل بالرد": the
        speaker threatens whoever will face the response — an actor named in the words before
        the verb (by name or nationality), in its clause; the speaker is the quote's, else the
        clause's cue's, else the subject."""
        head = toks[m.head]
        if in_direct and quote is not None:
            src = self._ref_of(quote.speaker)
        else:
            cue = next((q for q in reversed(said) if q.start < head.start and q.speaker), None)
            src = self._ref_of(cue.speaker if cue is not None else self.disc.subject)
        lo = max(d.clause_start, finder.start)
        window = [i for i in range(max(0, m.head - 10), m.head) if toks[i].start >= lo]
        own = self._country(src) if src is not None else None
        target = None
        for r in reversed([r for r in finder.refs if lo <= r.start < head.start and r.type in ACTOR_TYPES]):
            if src is not None and (r.entity == src.entity or (own and r.type == "GPE" and self._country(r) == own)):
                continue  # not the speaker, nor the speaker's own country
            if finder.prep(r) in (None, "جانب", "قبل", "من", AGENT):
                target = r
                break
        if target is None:
            target = self._nation_entity(toks, window, skip=own)
        if src is None or target is None:
            return None
        d.source, d.target = src, target
        d = self._finish(d, toks, finder, earlier)
        d.negated = False
        return d

    @staticmethod
    def _purpose_form(m: Match, head: Tok, plover: str) -> bool:
        """An accusative verbal noun of purpose: "تنديداً"، "تضامناً" (also read as a dual past
        verb when the bare past is listed as a noun: {تضامن|يتضامن|-تضامن})."""
        stem, key = m.head_reading.stem, _bare(head.key)
        if not m.verbal and key.startswith("لل") and plover in ("REQUEST", "ACCUSE", "PROTEST", "REJECT", "SUPPORT"):
            return True  # "للمطالبة بـ"، "للتنديد بـ"
        if not key.endswith("ا") or stem + "ا" != key and stem != key or (m.verbal and key.endswith("وا") and plover != "PROTEST"):
            return False  # "واعتقلوا" is "and they arrested", not an accusative of purpose
        if not m.verbal:
            return stem + "ا" == key
        forms = m.entry.elements[0].verb
        return stem == key and stem[:-1] not in forms and len(stem) > 4

    def _reported_subject(self, finder: ArgumentFinder, toks: list[Tok], head: int, said: list[_Said]) -> Ref | None:
        """A spokesman's report ("وصرح المتحدث الرسمي بأن الرئيس السيسي استعرض …، مشدداً"):
        the participle belongs to the reported subject, not to the spokesman."""
        cue = next((q for q in reversed(said) if not q.participle), None)
        if cue is None:
            return None
        k = next(
            (i for i in range(head - 1, -1, -1) if toks[i].start > cue.start and toks[i].key in COMPLEMENTIZERS),
            None,
        )
        if k is None:
            return None
        lead = match_key(self.doc.text[cue.start:toks[k].start])
        if not any(w in lead for w in _SPOKESMEN):
            return None
        r = finder.subject_after(toks[k].end, toks[head].start)
        return r if r is not None and r.entity != cue.speaker else None

    def _nominal_owner(
        self, m: Match, toks: list[Tok], finder: ArgumentFinder, said: list[_Said], earlier: list[Draft], c0: int
    ) -> Ref | None:
        """Whose act a verbal noun is when no name follows it.

        The speaker of the cue that opens its clause ("أعلنت الفصائل الإضراب", "وقالت الوزارة في
        رسالتين"); the subject of a light verb before it ("نفذت القوات المسلحة … خمسة إنزالات");
        and for a noun with a possessive pronoun ("تجدد مطالبتها"، "أكد الوزيران رفضهما") the
        sentence's subject.
        """
        h = m.head
        if h >= 2 and toks[h - 1].key in ("الي", "علي"):
            # "دفع الولايات المتحدة وبريطانيا إلى شن ضربات": the one made to act
            for r in reversed([r for r in finder.refs if r.end <= toks[h - 1].start and r.type in ACTOR_TYPES]):
                words = _keys_before(self.doc.text, max(finder.start, r.start - 25), r.start)
                if words and any(rd.verb and rd.stem in _CAUSE for rd in readings(words[-1], False)):
                    return r
        opener = next((q for q in reversed(said) if q.start == c0 and not q.participle), None)
        if opener is not None and opener.speaker:
            first = bisect.bisect_right(toks, opener.start, hi=h, key=_tok_start)  # toks run in order
            between = [
                t for t in toks[first:h]
                if t.is_word and not any(r.start <= t.start < r.end for r in finder.refs)
            ]
            if len(between) <= 3 and not any(t.key in COMPLEMENTIZERS for t in between):
                return self._ref_of(opener.speaker)
            if opener.announce and code_event(m.entry.cameo, m.entry.plover)[0] in _ANNOUNCED:
                return self._ref_of(opener.speaker)  # "أعلن المتحدث أن شحنة المساعدات دخلت غزة"  # أعلنت الفصائل الإضراب، قالت الوزارة في رسالتين
        light = self._light_doer(m, toks, finder, said, c0) or self._announcer(m, toks, finder, said, c0)
        if light is not None:
            return light
        if self._possessed(m, toks[h]):
            if h >= 1 and _bare(toks[h - 1].key) in _FRAME_PREPS:
                framed = self._subject_before_frame(finder, toks[h].start)
                if framed is not None:
                    return framed  # "طلب الإيرانيون خلال تفاوضهم مع X": the subject just named
            lead = next((x for x in reversed(earlier) if x.verbal and x.source), None)
            if lead is not None:
                return lead.source
            if said and said[-1].speaker:
                return self._ref_of(said[-1].speaker)
            return self._ref_of(self.disc.subject)
        return None


    def _announcer(
        self, m: Match, toks: list[Tok], finder: ArgumentFinder, said: list[_Said], c0: int
    ) -> Ref | None:
        """"أعلنت قوات الأمن في وقت سابق عن اعتقال العشرات": the announcer of an act (arrest,
        strike, aid) is its doer, across time or date words and "عن" — nothing else between."""
        h = m.head
        if code_event(m.entry.cameo, m.entry.plover)[0] not in _ANNOUNCED_ACTS or h < 3 or _bare(toks[h - 1].key) != _AN:
            return None
        i = h - 2
        while i >= 0 and toks[i].start >= c0 and (_bare(toks[i].key) in _TIME_FILLERS or toks[i].key.isdigit()):
            i -= 1
        if i < 1 or i == h - 2:
            return None  # no time filler: the plain cases are read elsewhere
        subject = next((r for r in finder.refs if r.start <= toks[i].start < r.end), None)
        if subject is None or subject.type not in ACTOR_TYPES or subject.start < c0:
            return None
        v = bisect.bisect_left(toks, subject.start, hi=i, key=_tok_start) - 1
        return subject if v >= 0 and toks[v].is_word and _announces(toks[v].key) else None

    def _light_doer(
        self, m: Match, toks: list[Tok], finder: ArgumentFinder, said: list[_Said], c0: int
    ) -> Ref | None:
        """The doer of a verbal noun that is the object of a light verb: its subject ("نفذت
        القوات خمسة إنزالات", "تمكنت قوات الأمن من اعتقال"), told before it ("طيران التحالف
        تدخل وتمكن من قتل"), or the speaker when a pronoun stands for it ("أنها تمكنت من")."""
        h = m.head
        for i in range(h - 1, max(-1, h - 20), -1):
            t = toks[i]
            if t.start < c0 and not _is_light_verb(t.key):
                break
            if _is_light_verb(t.key):
                r = finder.subject_after(t.end, toks[h].start)
                if r is not None:
                    end, _ = finder.chain(r)
                    gap = [
                        w for w in _keys_before(self.doc.text, end, toks[h].start)
                        if w not in _NUMBER_WORDS and w not in _QUANTITY and w not in _LIGHT_NOUNS and w not in _FRAME_NOUNS
                        and w not in _TIME_FILLERS and w not in _SPAN_WORDS and not w.isdigit()
                    ]
                    if fillers_only(" ".join(gap), titles=True):
                        return r  # "نفذت القوات المسلحة، اليوم، خمسة إنزالات": its object
                elif i > 0 and _bare(toks[i - 1].key) in _PRONOUN_COMP:
                    # "ذكرت الوزارة أنها تمكنت من اعتقال …": the speaker did it
                    cue = next((q for q in reversed(said) if q.start < t.start and q.speaker), None)
                    if cue is not None:
                        return self._ref_of(cue.speaker)
                elif i > 0 and toks[i - 1].start >= c0:
                    r = finder.subject_before(t.start, c0) or finder.group_subject(t.start, c0)
                    if r is not None:
                        return r  # "طيران التحالف تدخل وتمكن من قتل": the subject told before the verb
                if t.key in _LIGHT_NOUNS:
                    continue  # "قررت السلطات تمديد حالة الطوارئ": the verb of the verbal noun decides
                break
        return None

    def _from_doer(self, finder: ArgumentFinder, t1: int, c1: int) -> Ref | None:
        """"لهجوم من قوات النظام", "قصف عنيف من الجيش": an attack noun, at most one adjective,
        then من and an actor at once — the attack came from it (not a crowd's "من": "عشرات من")."""
        words = list(itertools.islice(_WORD_RE.finditer(self.doc.text, t1, c1), 3))
        k = next((n for n, w in enumerate(words) if _bare(match_key(w.group())) == "من"), None)
        if k is None or k > 1 or (k == 1 and not match_key(words[0].group()).startswith("ال") and not words[0].group().endswith(("ة", "ي"))):
            return None
        if k == 1 and (words[0].group().isdigit() or (w0 := _bare(match_key(words[0].group()))) in _NUMBER_WORDS or w0 in _PEOPLE_COUNTS):
            return None
        r = next((r for r in finder.refs if r.start >= words[k].end()), None)
        if r is None or r.start >= c1 or r.type not in ACTOR_TYPES - {"GPE"} or self.doc.text[words[k].end():r.start].strip():
            return None
        return r

    def _relative_light_doer(self, finder: ArgumentFinder, t1: int, c1: int) -> Ref | None:
        """"غارات شنها طيران التحالف", "ضربات نفذتها مقاتلات X": a light verb right after the
        attack noun carries it as an object pronoun, so the actor named after the verb (the
        aircraft words before it aside) did it."""
        m = _WORD_RE.search(self.doc.text, t1, c1)
        if m is None or self.doc.text[t1:m.start()].strip():
            return None  # the verb must follow the noun at once
        k = _bare(match_key(m.group()))
        stem = next((k[: -len(sfx)] for sfx in ("هما", "ها", "هم", "ه") if k.endswith(sfx) and len(k) > len(sfx) + 1), None)
        if stem is None or stem not in _LIGHT:
            return None
        r = next((r for r in finder.refs if r.start >= m.end()), None)
        if r is None or r.start >= c1 or r.type not in ACTOR_TYPES or finder.prep(r) is not None:
            return None
        gap = [match_key(w) for w in _WORD_RE.findall(self.doc.text, m.end(), r.start)]
        if any(w not in _AIRCRAFT for w in gap):
            return None
        return r

    @staticmethod
    def _possessed(m: Match, head: Tok) -> bool:
        """The noun carries a possessive pronoun (مطالبتها، رفضهما، إدانته)."""
        k = _bare(head.key)
        if k.startswith("ال"):
            return False
        stem = m.head_reading.stem
        if k in (stem, stem + "ا"):
            return False
        return k.endswith(("ها", "هما", "هم", "ه", "نا")) and not head.teh

    def _protest_roles(self, d: Draft, finder: ArgumentFinder, toks: list[Tok], m: Match) -> None:
        """Protests: the organiser called it ("بدعوة من X"); the target is who it faces
        ("أمام مقر X", "ضد X"), never the place where it happens."""
        if d.target is not None and d.target.type in PLACE_TYPES:
            d.target = None
        if d.source is None:
            for r in finder.refs:
                if r.type in ACTOR_TYPES and finder.prep(r) == "من":
                    words = _keys_before(self.doc.text, max(finder.start, r.start - 30), r.start)
                    if len(words) >= 2 and words[-2] in _CALLED_BY:
                        d.source = r
                        break

    @staticmethod
    def _received_call(earlier: list[Draft]) -> Draft | None:
        """The last call of the sentence told from its receiver's side ("تلقى X اتصالاً من Y"),
        with its caller named."""
        return next(
            (x for x in reversed(earlier) if x.match.entry.frame == "called" and x.source is not None), None
        )

    def _verbal_roles(
        self,
        d: Draft,
        m: Match,
        toks: list[Tok],
        finder: ArgumentFinder,
        head: Tok,
        agent: Ref | None,
        quote: _Said | None,
        in_direct: bool,
        earlier: list[Draft],
    ) -> None:
        """Source and target of a trigger headed by a verb (see the module docstring)."""
        frame = m.entry.frame
        c0, c1 = d.clause_start, d.clause_end
        subj = finder.subject_after(head.end, c1) or finder.title_subject(head.end, c1, self._is_trigger_word)
        if subj is not None and frame in ("visit", "arrive") and subj.type in PLACE_TYPES:
            subj = None  # يزور موسكو: the place after a visit verb is where, not who
        obj: Ref | None = None
        unnamed_speaker = False
        said_self, self_ref = self._pronoun_speaker(toks, m.head, quote) if not d.relative and not in_direct else (False, None)
        if subj is not None and any(subj.start <= toks[i].start < subj.end for i in m.tokens[1:]):
            # "وطرد السفير الكمبودي": the name is the pattern's own object word, so the verb is a
            # verbal noun whose doer is the sentence's subject
            obj, subj = subj, None
            d.extra["masdar"] = "1"
        elif said_self and subj is not None and subj.start > head.start and (self_ref is None or subj.entity != self_ref.entity):
            # "وقالت السعودية إنها تدعم اليمن": the pronoun on إن is the subject, the name an object
            obj, subj = subj, None
            unnamed_speaker = self_ref is None  # "وقال الناشط … إنه يناشد الرئيس": nobody to carry
        if subj is not None and d.relative and _bare(head.key) == m.head_reading.stem:
            # "الغارات التي استهدفت النبطية": with no object pronoun on the verb the relative
            # pronoun is its subject and the name after it the object ("التي شنتها إسرائيل": subject)
            obj, subj = subj, None
        # "فجرتها جماعة": the verb carries its object as a pronoun, so the name after it is its subject
        pron_object = _object_pronoun(head.key, m.head_reading.stem) and not d.relative
        if subj is None and pron_object:
            # "فجرتها جماعة إرهابية، حزب الدعوة": the subject named after a generic noun phrase
            subj = next(
                (r for r in finder.refs if head.end <= r.start < min(c1, finder.word_limit(head.end, 5))
                 and r.type in ACTOR_TYPES and finder.prep(r) is None
                 and not re.search(r"[:«»\"“”]", self.doc.text[head.end:r.start])),
                None,
            )
        pron_target: Ref | None = None
        if pron_object and subj is not None:
            # the pronoun's antecedent is the object: the last name before the verb
            # ("من فجر السفارة العراقية؟ لقد فجرتها جماعة"); names after the subject are not
            floor = max(0, c0 - 300)
            pron_target = self.mentions.last_before(head.start, floor)
            while pron_target is not None and prep_of(self.doc, pron_target, floor) in ("في", "ب", "الي", "من"):
                pron_target = self.mentions.last_before(pron_target.start, floor)  # "في بيروت": where, not what
            before = toks[m.head - 1] if m.head > 0 else None
            if pron_target is not None and (
                pron_target.entity == subj.entity or prep_of(self.doc, pron_target, floor) == AGENT
                or (before is not None and before.is_word and _bare(before.key) not in _FUNCTION
                    and before.start >= pron_target.end)
            ):
                pron_target = None  # "227 مسيحيًا آشوريًا اختطفهم التنظيم": the noun just before, unnamed
        shared = None
        if len(head.key) > 3 and head.key[0] in "وف" and not d.relative and not head.key.startswith(m.head_reading.stem):
            # a proclitic و/ف, not a root letter (فجرت، وصلت)
            shared = next((x for x in reversed(earlier) if x.verbal and not x.relative and x.source), None)
        if shared is not None and subj is None:
            subj = self._described_person(finder, head.end, c1)
        if shared is not None and subj is not None and subj.entity != shared.source.entity and not pron_object:  # type: ignore[union-attr]
            end, _ = finder.chain(subj)
            nxt_ref = next((r for r in finder.refs if r.start >= end), None)
            own_object = (
                nxt_ref is not None and nxt_ref.start < c1 and finder.prep(nxt_ref) is None
                and fillers_only(self.doc.text[end:nxt_ref.start])
            )
            # "زار المالكي بيروت فطالب المحامي طارق شنب … القبض على المالكي": the first verb's
            # subject is named again after the name, as what the act is about: a new subject
            renamed = any(r.entity == shared.source.entity for r in finder.refs if end <= r.start < c1)  # type: ignore[union-attr]
            if not own_object and not renamed:
                obj, subj = subj, None  # أدان X …، وحمّل Y: a coordinated verb keeps the subject
            # else "زار بوتين مصر …، وزار السيسي روسيا": a new subject with its own object
        after = head.end
        co: Ref | None = None
        if subj is not None:
            after, co = finder.chain(subj)
        elif d.relative:
            subj = self._antecedent(finder, toks, m.head)
        elif shared is None:
            joint = finder.co_subject_before(head.start, c0) if frame == "sym" else None
            if joint is not None:
                subj, co = joint  # "أن قطر وروسيا تتفقان على": both parties, the first as source
            else:
                subj = finder.subject_before(head.start, c0) or finder.group_subject(head.start, c0)
        if frame == "host" and subj is not None and head.key[:1] in ("ي", "ت") and not d.relative:
            # "الشيباني يستقبل وزير …" (a headline): the name before a present verb is the host
            host = finder.subject_before(head.start, c0)
            if host is not None and host.entity != subj.entity and fillers_only(self.doc.text[host.end:head.start]):
                obj, subj = subj, host
                after = head.end
        if "pair" in m.entry.flags and co is None:
            d.extra["unrealised"] = "1"  # "قانون وقعه أوباما", "مدى وقعه": only "وقّعه X وY" is a joint signing
        own_subject = subj is None and self._unnamed_subject(toks, m.head, head)
        if d.relative and own_subject:
            subj = None  # "التي شنها الانفصاليون": the relative clause has a subject of its own
        prev_words = [t for t in toks[max(0, m.head - 2):m.head] if t.is_word or t.key in ("،", ",", ":")]
        prev = prev_words[-1] if prev_words else None
        prev_key = _bare(prev.key) if prev is not None and prev.is_word else ""
        spoken = None
        dual_said = (
            self._pair_before(finder, prev.start) if subj is None and frame == "sym" and prev is not None
            and prev_key in _DUAL_COMP else None
        )
        if dual_said is not None:
            subj, co = dual_said  # "قالت باكستان وأفغانستان إنهما اتفقتا": both speakers are the parties
        elif subj is None and said_self:
            spoken = self_ref  # "أعلنت إيران أنها لن تسمح": the speaker, across the particles
        elif subj is None and prev_key in _PRONOUN_COMP:
            spoken = self._ref_of(quote.speaker if quote else self.disc.subject)  # أعلن X أنه أطلق
        elif subj is None and prev_key in _HIS_COUNTRY and d.plover in ("AID", "THREATEN", "AGREE"):
            # "قال الوزير القطري إن بلاده ستقدم مساعدات": the speaker's country, else the speaker
            spoken = self._ref_of(quote.speaker if quote else self.disc.subject)
            if spoken is not None:
                state = self.mentions.country_entity(self._country(spoken))
                spoken = self._ref_of(state.id) if state is not None else spoken
        elif subj is None and prev_key and any(
            prev_key.endswith(sfx) and prev_key[: -len(sfx)] in _GROUPS for sfx in ("ها", "ه", "هم")
        ):
            spoken = self._ref_of(self.disc.subject)  # أن مجاهديها استهدفوا: its fighters
        attributive = (
            subj is None and spoken is None and prev is not None and prev.is_word
            and prev_key not in _FUNCTION and prev.start > c0 and not prev_key.isdigit()
            and not (len(head.key) > 3 and head.key[0] in "وف")
        )
        if attributive:
            d.extra["attributive"] = "1"
        finite = _bare(head.key).endswith(("ت", "وا"))  # داهمت، اعتقلوا: verbs, not nouns
        if attributive and not _bare(head.key).startswith(("ي", "ت", "ن", "ا")) and not finite:
            d.extra["masdar"] = "1"  # "يرافقه فرض الحصار": a bare past form after a noun or verb is a noun
        nxt = finder.next_word(head.end)
        bare_nxt = nxt[2:] if nxt.startswith("ال") else nxt
        pair = subj is None and shared is None and (nxt in PAIR_WORDS or self._dual(m))
        if frame == "passive":
            d.target = subj or obj or finder.target_after(after, c1, set(), places=False)
            d.source = agent
            return
        if frame == "called":
            d.source = next(
                (r for r in finder.refs if d.trig_end <= r.start < c1 and finder.prep(r) == "من"), None
            )
            d.target = subj or (shared.source if shared else None)
            d.explicit = subj is not None
            if subj is not None and subj.type in ACTOR_TYPES and not in_direct:
                self._established(subj.entity, d.source.entity if d.source else None)
            if d.target is None and not in_direct:
                d.target = self._ref_of(self._carried())
            return
        d.source, d.explicit = subj, subj is not None
        if agent is not None and agent != subj and (d.plover in _MATERIAL or d.plover == "RETREAT"):
            d.target, d.source = subj, agent
        if d.source is None:
            if spoken is not None:
                d.source = spoken
            elif nxt in _IN_IT and (call := self._received_call(earlier)) is not None:
                # "تلقى X اتصالاً من Y أعرب فيه عن …": who speaks in a received call is the caller,
                # and the caller stays the one who speaks ("وعبر سموه عن تعازيه")
                d.source = call.source
                if call.source is not None and call.target is not None:
                    self._established(call.source.entity, call.target.entity)
            elif shared is not None:
                d.source = shared.source
            elif pair and (named := self._named_pair_after(finder, head.end, c1)) is not None:
                d.source, d.target = named  # "سيلتقي الوزيران X وY": the pair word's two names
                d.symmetric = True
            elif pair and self.disc.pair is not None:
                d.source, d.target = self._ref_of(self.disc.pair[0]), self._ref_of(self.disc.pair[1])
                d.symmetric = True
            elif attributive and nxt in _DURING_WHICH:
                d.source = self._main_subject(finder, head.start)  # "بعد زيارة التقى خلالها": the visitor
            elif nxt in SUBJECT_NOUNS or bare_nxt in SUBJECT_NOUNS or d.relative or attributive or own_subject or unnamed_speaker:
                pass  # its subject is a phrase that names no entity
            elif in_direct:
                own = _bare(head.key)
                if m.head_reading.future and own[:1] == "س":
                    own = own[1:]  # "سندعو": we will call
                first_person = own.endswith("نا") and own[:-2] in m.entry.elements[0].verb
                if head.key[:1] in ("ن", "ا") or own[:1] in ("ن",) or first_person:
                    d.source = self._ref_of(quote.speaker if quote else None)
            elif d.plover not in _NO_CARRY:
                d.source = self._ref_of(self._carried())
                if d.source is not None and self._subject_sentence != self._sentence and (
                    not self._agrees(d, d.source) or self._passive_marked(d)
                ):
                    d.source = None  # "قتلوا" after "طائرات التحالف": another group, not the dropped subject
                if d.source is not None and not self._carry_agrees(head.key):
                    d.source = None  # "واعتذرت" after "وانتقد الرئيس": another subject
                d.carried = d.source is not None
        if d.target is None and obj is not None:
            d.target = obj
        if frame == "sym" and co is not None and d.target is None:
            d.target, d.symmetric = co, True
        if pron_object and d.source is subj and subj is not None:
            d.target = d.target or pron_target
        else:
            self._objects(d, finder, max(after, head.end), c1)
        if co is not None and d.target is None and d.source is subj and any(
            w.endswith("هما") for w in _keys_before(self.doc.text, after, min(c1, after + 60))[:3]
        ):
            d.target = co  # "ورحبت باريس ولندن بتعاونهما": each welcomes what the other does with it
        if frame == "sym" and d.target is None and d.source is not None and self.disc.pair:
            a, b = self.disc.pair
            if d.source.entity in (a, b):
                d.target = self._ref_of(b if d.source.entity == a else a)  # وبحث معه: the other party
                d.symmetric = True
        if (
            frame == "sym" and d.source is None and d.target is not None and d.target.start >= head.end
            and any(_bare(k).removeprefix("ال") in _PLURAL_HEADS for k in _keys_before(self.doc.text, head.end, d.target.start))
        ):
            _, co2 = finder.chain(d.target)
            if co2 is not None and co2.type in ACTOR_TYPES and co2.entity != d.target.entity:
                # "عقد وزراء خارجية مصر والأردن والعراق اجتماعاً": the named parties meet each other
                d.source, d.target, d.symmetric = d.target, co2, True
        if d.explicit and d.source is not None and not in_direct and d.source.type in ACTOR_TYPES:
            after_verb = d.source is subj and d.source.start > head.start  # the verb's own subject
            self._established(
                d.source.entity, d.target.entity if d.target else None,
                gender=self._verb_gender(head.key) if after_verb else None,
            )

    def _pronoun_speaker(self, toks: list[Tok], h: int, quote: _Said | None) -> tuple[bool, Ref | None]:
        """The speaker as the subject of a reported verb: "قالت السعودية إنها (لن) تدعم",
        "قال الوزير أنه سيزور", "قال الحوثيون إنهم استهدفوا". The verb is the first of the
        clause after إن/أن + pronoun, agreeing with it, and the pronoun with the reporting verb
        (ها feminine, ه masculine: "قالت الوزارة إنه تم" is the pronoun of the matter), or
        for هم with a speaker that is a group. (False, None) where any of this fails; (True,
        None) for a speaker the report does not name ("وقال الناشط … إنه يناشد الرئيس")."""
        no = (False, None)
        if quote is None:
            return no
        i = h - 1
        while i >= 0 and toks[i].is_word and _bare(toks[i].key) in _CLAUSE_PARTICLES:
            i -= 1
        if i < 0 or not toks[i].is_word or toks[i].start < quote.start:
            return no
        comp = _bare(toks[i].key)
        if comp not in _PRONOUN_COMP or comp.startswith("لكن"):
            return no
        suffix = "هم" if comp.endswith("هم") else "ها" if comp.endswith("ها") else "ه"
        k = _bare(toks[h].key)
        if k[:1] == "س" and k[1:2] in ("ي", "ت") and len(k) > 3:
            k = k[1:]  # سيزور، ستستضيف
        plural = k.endswith("وا") or (k[:1] in ("ي", "ت") and k.endswith("ون"))
        if k.endswith(("ان", "تا")) or plural != (suffix == "هم"):
            return no
        feminine = k[:1] == "ت" or (k.endswith("ت") and len(k) > 3)
        if suffix == "ها" and not feminine or suffix == "ه" and feminine:
            return no
        cue = _W_WORD.match(self.doc.text, quote.start)
        said = self._verb_gender(match_key(cue.group())) if cue else None
        if suffix != "هم" and said != ("f" if suffix == "ها" else "m"):
            return no  # "قالت الوزارة إنه تم", "قال الوزير إنها": the pronoun is not the speaker
        speaker = self._ref_of(quote.speaker)
        if speaker is None:
            return (suffix != "هم", None)
        if speaker.type not in (("ORG", "NORP") if suffix == "هم" else ACTOR_TYPES):
            return no
        return (True, speaker)

    def _unnamed_subject(self, toks: list[Tok], h: int, head: Tok) -> bool:
        """The verb has a subject of its own that names no entity: a definite nominative plural
        right after it ("واتهم الانفصاليون", "التي شنها المسلحون"), or a noun phrase between
        "كان" and the verb ("وكانت السلطات قد اعتقلت"): nothing is carried to it."""
        nxt = next((t for t in toks[h + 1:h + 2] if t.is_word), None)
        if nxt is not None:
            k = _bare(nxt.key)
            if k.startswith("ال") and k.endswith("ون") and len(k) > 5 and not self.mentions.between(nxt.start, nxt.end):
                return True
        words = [t for t in toks[max(0, h - 4):h]]
        keys = [_bare(t.key) if t.is_word else "," for t in words]
        if "," in keys:
            keys = keys[len(keys) - keys[::-1].index(","):]
        if keys and keys[-1] == "قد":
            keys = keys[:-1]
        return len(keys) >= 2 and keys[0] in _KANA and all(k not in _KANA for k in keys[1:])

    def _captor(self, finder: ArgumentFinder, gen: Ref, limit: int) -> bool:
        """Whether the genitive after a detention noun is its doer: an object follows it
        ("احتجاز داعش لرهائن"), or the genitive is an armed group and a count of people
        follows within a few words ("احتجاز «داعش» عقب هجومه … عشرات العائلات")."""
        if gen.type not in ACTOR_TYPES - {"GPE"}:
            return False
        end = finder.chain(gen)[0]
        words = [match_key(w.group()) for w in itertools.islice(re.finditer(r"[\w\u064b-\u065f]+", self.doc.text[end:limit]), 9)]
        if not words:
            return False
        first = words[0]
        if first.startswith("ل") and not first.startswith("لل") and first not in _NOT_OBJECT_L and len(first) > 3:
            return True
        ent = self.mentions.entities.get(gen.entity)
        actor = (ent.actor or "") if ent is not None else ""
        armed = actor.startswith("IMG") or actor[3:6] in ("REB", "INS")
        return armed and any(w in _PEOPLE_COUNTS or w.isdigit() for w in words)

    def _described_person(self, finder: ArgumentFinder, pos: int, limit: int) -> Ref | None:
        """A person named right after a verb behind one or two definite nouns that are no
        title the recognizer knows ("فطالب المحامي طارق شنب"): a subject candidate."""
        r = next((r for r in finder.refs if r.start >= pos), None)
        if r is None or r.start >= limit or r.type != "PER" or finder.prep(r) is not None:
            return None
        gap = self.doc.text[pos:r.start]
        keys = [match_key(w) for w in gap.split()]
        if not 1 <= len(keys) <= 2 or re.search(r"[^\w\s\u064b-\u065f]", gap):
            return None
        return r if all(k.startswith("ال") and len(k) > 4 for k in keys) else None

    def _main_subject(self, finder: ArgumentFinder, pos: int) -> Ref | None:
        """The first actor named in the sentence before ``pos`` with no preposition: the doer
        of an unmarked relative clause about its own act ("غادر الأمير … بعد زيارة التقى خلالها")."""
        for r in finder.refs:
            if r.start >= pos:
                break
            if r.start >= finder.start and r.type in ACTOR_TYPES and finder.prep(r) is None:
                return r
        return None

    def _pair_before(self, finder: ArgumentFinder, pos: int) -> tuple[Ref, Ref] | None:
        """The last "X وY" of actors before ``pos`` in the sentence (who said "إنهما …")."""
        found = None
        for r in finder.refs:
            if r.end > pos:
                break
            if r.type in ACTOR_TYPES and finder.prep(r) is None:
                end, co = finder.chain(r)
                if co is not None and end <= pos and co.type in ACTOR_TYPES:
                    found = (r, co)
        return found

    def _named_pair_after(self, finder: ArgumentFinder, pos: int, limit: int) -> tuple[Ref, Ref] | None:
        """"الوزيران سامح شكري وأيمن الصفدي": the two names right after a pair word."""
        first = next((r for r in finder.refs if pos <= r.start < min(limit, finder.word_limit(pos, 4))), None)
        if first is None or first.type not in ACTOR_TYPES or finder.prep(first) is not None:
            return None
        _, co = finder.chain(first)
        return (first, co) if co is not None and co.type in ACTOR_TYPES else None

    @staticmethod
    def _dual(m: Match) -> bool:
        """A dual verb (بحثا، يبحثان): its subject is the two parties already named."""
        stem, forms = m.head_reading.stem, m.entry.elements[0].verb
        if stem.endswith("نا") and stem[:-2] in forms:
            return False  # "طلبنا": "we asked", not a dual
        return (stem.endswith("ا") and stem[:-1] in forms) or (stem.endswith("ان") and stem[:-2] in forms)

    def _antecedent(self, finder: ArgumentFinder, toks: list[Tok], head: int) -> Ref | None:
        """The noun a relative pronoun refers to: the mention right before الذي/التي."""
        if head == 0:
            return None
        rel = toks[head - 1]
        r = self.mentions.last_before(rel.start, finder.start)
        if r is not None and not re.sub(r"[\s،,\"«»“”()]", "", self.doc.text[r.end:rel.start]):
            return r
        return None

    def _objects(self, d: Draft, finder: ArgumentFinder, a: int, b: int, words: int = 8, places: bool = True) -> None:
        """Target: a pair after بين (symmetric), else the first object or prepositional target.

        The search stops at a complementizer: what follows أن/إن is another proposition.
        """
        if d.target is not None:
            return
        b = self._before_complementizer(a, b)
        pair = finder.between_pair(a, b)
        if pair is not None:
            x, y = pair
            if d.source is None:
                d.source, d.target = x, y
            else:
                d.target = self._other_side(d.source, x, y)
            d.symmetric = True
            return
        exclude = {d.source.entity} if d.source else set()
        places = places and d.match.entry.frame not in ("host",)
        reach = d.trig_end
        if "head" in d.match.entry.flags and d.verbal:
            # "ودعا X، الذي …، إسرائيل إلى": the pattern's context words reach further than its
            # trigger word; a target is looked for as near to them as to a trigger spanning them
            reach = max(reach, self._sentence_tokens(finder.start, finder.end)[d.match.tokens[-1]].end)
        if d.plover == "ACCUSE" and not d.cameo.startswith("114"):
            # "إدانتها للعدوان الإسرائيلي على الأراضي السورية": the condemned is the adjective's country
            first3 = [i for i, _t in enumerate(self._sentence_tokens(a, b)) if i < 3]
            ent = self._nation_entity(self._sentence_tokens(a, b), first3, skip=self._country(d.source) if d.source else None)
            if ent is not None:
                d.target = ent
                return
        other = self.disc.other
        if d.carried and d.source is not None and other is not None and other != d.source.entity and d.plover in _FOLDING_ACTS:
            first = finder.target_after(a, b, set(), places=False, words=words, counted_from=reach)
            if first is not None and first.entity == d.source.entity:
                # "وقدم سمو ولي العهد شكره لسمو الشيخ طحنون": the party addressed is the carried
                # subject, so the carried subject was the wrong one of the two: the other speaks
                d.source = self._ref_of(other)
                exclude = {other}
        t = finder.target_after(a, b, exclude, places=places, words=words, counted_from=reach)
        last = d.match.tokens[-1]
        last_tok = self._sentence_tokens(finder.start, finder.end)[last] if "head" in d.match.entry.flags else None
        if last_tok is not None and d.plover == "REQUEST" and _bare(last_tok.key) == "من":
            # "طلب رئيس الوزراء من مجلس الأمن": who is asked follows the pattern's من
            r = next((r for r in finder.refs if r.start >= last_tok.end), None)
            if r is not None and r.entity not in exclude and fillers_only(self.doc.text[last_tok.end:r.start], titles=True):
                t = r
        elif match_key(self.doc.text[d.trig_start:d.trig_end]).endswith(" من"):
            # "طلب من X", "طلبنا من الاتحاد الأوروبي": who is asked follows the من of the trigger
            r = next((r for r in finder.refs if r.start >= d.trig_end), None)
            if r is not None and r.entity not in exclude and fillers_only(self.doc.text[d.trig_end:r.start], titles=True):
                t = r
        if t is not None and self._holder(d, finder, t, b):
            # "أعرب عن تقدير المملكة المتحدة للدور الأردني": the genitive holds the feeling
            t = finder.target_after(t.end, b, exclude | {t.entity}, places=places, words=words, counted_from=reach)
            if t is None:
                near = self._sentence_tokens(d.trig_end, b)[:6]  # a sentence can end sooner
                t = self._nation_entity(near, list(range(len(near))))
                if t is not None and d.source is not None and self._country(t) == self._country(d.source):
                    t = None
        if t is None and d.plover in ("SUPPORT", "ACCUSE", "REJECT"):
            # "أعرب عن تقديره للتعاطف الذي أبداه الرئيس ومسؤولون روس": whose act is praised
            t = self._relative_subject(finder, d.match.trigger[1], b, d.source)
        while t is not None and d.cameo.startswith("114") and finder.prep(t) not in ("ضد", "علي"):
            # a complaint goes to the UN; it is against someone else ("ضد X")
            t = finder.target_after(t.end, b, exclude | {t.entity}, places=places, words=words + 6, counted_from=reach)
        if d.plover == "REJECT" and (not d.verbal or "masdar" in d.extra) and t is not None and len(_keys_before(self.doc.text, d.trig_end, t.start)) > 3:
            t = None  # "رفض المملكة القاطع لأي محاولات لتهجير الشعب": the victims of what is rejected
        if t is None and d.source is not None and d.plover in ("REQUEST", "ACCUSE", "PROTEST", "REJECT"):
            t = self._own_government(finder, d, a, b)
        d.target = t
        ours = any(_bare(t.key).endswith("نا") and len(t.key) > 5 for t in self._sentence_tokens(d.trig_end, b)[:3])
        if d.target is None and d.quote_speaker and d.plover in ("REJECT", "ACCUSE", "THREATEN", "COERCE") and ours:
            d.target = self._ref_of(d.quote_speaker)  # "الوزارة رفضت كل مقترحاتنا": "we" are the speaker's side

    def _relative_subject(self, finder: ArgumentFinder, last: int, b: int, source: Ref | None) -> Ref | None:
        """The doer in a relative clause on what a statement is about ("للدور الذي تضطلع به
        دولة قطر", "للتعاطف الذي أبداه الرئيس ومسؤولون روس"): a named actor, else the country of
        a nationality adjective on a people noun; never the speaker's own side."""
        toks = self._sentence_tokens(finder.start, finder.end)  # ``last`` indexes these
        rel = next((i for i in range(last + 1, min(len(toks), last + 4)) if toks[i].key in _RELATIVE), None)
        if rel is None or rel + 1 >= len(toks) or toks[rel].start >= b:
            return None
        own = self._country(source) if source is not None else None
        window: list[int] = []
        for i in range(rel + 2, min(len(toks), rel + 8)):
            k = _bare(toks[i].key)
            if not toks[i].is_word or k in COMPLEMENTIZERS or k in ("في", "خلال", "منذ"):
                break
            window.append(i)
        if not window:
            return None
        lo, hi = toks[rel + 1].end, toks[window[-1]].end
        for r in finder.refs:
            if (
                lo <= r.start < hi and r.type in ACTOR_TYPES and finder.prep(r) in (None, "ب")
                and (source is None or r.entity != source.entity) and (own is None or self._country(r) != own)
            ):
                return r
        return self._nation_entity(toks, window, skip=own)

    def _own_government(self, finder: ArgumentFinder, d: Draft, a: int, b: int) -> Ref | None:
        """"تجمع مئات الإسرائيليين … مطالبين الحكومة بإبرام اتفاق": a bare "الحكومة" or
        "السلطات" (no name, no nationality after it) is the government of the actor's country."""
        found = list(re.finditer(r"[\w\u064b-\u065f\u0670]+", self.doc.text[a:b]))[:2]
        words = [_bare(match_key(w.group())) for w in found]
        if not words or words[0] not in _THE_GOVERNMENT:
            return None
        if len(words) > 1 and nationality(words[1]):
            return None  # "الحكومة الإسرائيلية" is named by its adjective (another rule)
        if any(r.start < a + found[0].end() and r.end > a + found[0].start() for r in finder.refs):
            return None  # a mention covers it: the recognizer named it
        country = self.mentions.country_entity(self._country(d.source)) if d.source is not None else None
        return self._ref_of(country.id) if country is not None else None

    def _country(self, r: Ref) -> str | None:
        e = self.mentions.entities.get(r.entity)
        return e.country if e else None

    def _holder(self, d: Draft, finder: ArgumentFinder, t: Ref, b: int) -> bool:
        els = d.match.entry.elements
        if d.plover not in ("SUPPORT", "ACCUSE", "REJECT") or not els[-1].noun or d.source is None:
            return False
        if finder.genitive_after(d.trig_end, b) != t:
            return False
        return t.entity == d.source.entity or (self._country(t) is not None and self._country(t) == self._country(d.source))

    def _before_complementizer(self, a: int, b: int) -> int:
        """Objects end at a complementizer (another proposition) or at a response or purpose
        ("رداً على مجزرة النبطية" is why, not whom)."""
        for t in self._sentence_tokens(a, b):
            if t.key in COMPLEMENTIZERS or _bare(t.key) in _WHY:
                return t.start
        return b

    def _other_side(self, source: Ref, x: Ref, y: Ref) -> Ref:
        ents = self.mentions.entities
        sc = ents[source.entity].country if source.entity in ents else None
        xc = ents[x.entity].country if x.entity in ents else None
        if source.entity == x.entity or (sc and sc == xc):
            return y
        return x

    def _perpetrator(
        self, finder: ArgumentFinder, toks: list[Tok], m: Match, a: int, b: int, speaker: str
    ) -> Ref | None:
        """Who an allegation names: the genitive ("جرائم الاحتلال"), a nationality adjective
        ("العدوان الإسرائيلي") or an agent ("على يد"); a victim after ل is not the accused."""
        r = finder.genitive_after(a, b)
        if r is not None and r.entity != speaker and r.type in ACTOR_TYPES:
            return r
        n = self._nation_entity(toks, list(range(m.trigger[1] + 1, min(len(toks), m.trigger[1] + 3))))
        if n is not None and n.entity != speaker:
            return n
        r = finder.agent(a, b)
        if r is not None and r.entity != speaker:
            return r
        # "الجرائم … التي يرتكبها الكيان": the subject of the relative clause
        for i in range(m.trigger[1] + 1, min(len(toks) - 1, m.trigger[1] + 5)):
            if toks[i].key in _RELATIVE:
                r = finder.subject_after(toks[i + 1].end, b)
                if r is not None and r.entity != speaker:
                    return r
                break
        return None

    def _destination(self, d: Draft, finder: ArgumentFinder, a: int, b: int) -> None:
        """A visit's place: its location; the place's country is the visit's target."""
        place = None
        for r in finder.refs:
            if a <= r.start < b and r.type in PLACE_TYPES and finder.prep(r) in (None, "الي", "ل"):
                place = r
                break
        if place is None:
            if _bare(finder.next_word(a)) in _THE_COUNTRY and self.dateline_place is not None:
                place = self.dateline_place  # "الذي يزور البلاد حالياً": the country the report is filed from
            else:
                return
        d.location = place
        if d.target is None or d.target == place or d.target.type in PLACE_TYPES:
            ent = self.mentions.entities.get(place.entity)
            country = self.mentions.country_entity(ent.country if ent else None)
            d.target = self._ref_of(country.id) if country is not None else place

    def _finish(self, d: Draft, toks: list[Tok], finder: ArgumentFinder, earlier: list[Draft]) -> Draft:
        demanded = any(
            x.plover == "REQUEST" and x.verbal and x.clause_start <= d.head_start and x.head_start < d.head_start
            and d.head_start < x.clause_end
            for x in earlier
        )
        mod = read_modality(toks, d.match, demanded and d.plover != "REQUEST")
        if d.match.entry.frame == "allege":
            d.negated, d.modality, d.tense = False, "asserted", "past"
        else:
            d.negated, d.modality, d.tense = mod.negated, mod.modality, mod.tense
        if d.plover == "THREATEN" and d.modality == "future":
            d.modality, d.tense = "asserted", "past"  # "ستواجه برد قاس": the threat is made now
        if d.location is None:
            d.location = (
                finder.place_after(d.clause_start, d.clause_end)
                or finder.place_after(finder.start, finder.end)
                or self.dateline_place
            )
        if d.plover in ("ASSAULT", "COERCE") and (d.location is None or d.location is self.dateline_place):
            hit = finder.place_after(d.clause_start, d.clause_end, ("علي",))
            d.location = hit or d.location  # "شنته قوات الاحتلال على مدينة رفح"
        self._nationalities(d, toks)
        if d.source is not None and d.target is not None and d.source.entity == d.target.entity:
            d.target = None  # nobody acts on itself: the second reading was wrong
        if d.plover == "AID" and d.target is None:
            d.target = self._recipient(d, finder)
            if d.target is not None and d.target.type in PLACE_TYPES:
                d.location = d.target  # "دخلت قطاع غزة": where the aid went
        if d.cameo == "170" and d.verbal and d.target is None and d.location is not None:
            d.target = d.location  # a raid is on the place it storms
        if d.plover in ("ASSAULT", "COERCE") and d.target is None and d.location is not None and d.location is not self.dateline_place:
            # an attack with no named victim is coded against the place's country (CAMEO usage);
            # a place of unknown country takes the country of the next place ("حي كفرسوسة بمدينة
            # دمشق")
            ents = self.mentions.entities
            places = [d.location] + [r for r in finder.refs if r.type in PLACE_TYPES and d.location.end <= r.start < d.clause_end]
            place = next((p for p in places if ents.get(p.entity) is not None and ents[p.entity].country), None)
            country = self.mentions.country_entity(ents[place.entity].country) if place is not None else None
            target = self._ref_of(country.id) if country is not None else None
            own = self._country(d.source) if d.source is not None else None
            if target is not None and (d.source is None or (d.source.entity != target.entity and own != self._country(target))):
                d.target = target
                d.extra["target_from_place"] = "1"
        if (
            d.plover in ("CONSULT", "AGREE", "COOPERATE") and d.source is not None and d.target is not None
            and d.source.entity != d.target.entity and not d.quote_speaker
            and (d.source.type == "GPE") == (d.target.type == "GPE")
            and d.source.type in ACTOR_TYPES and d.target.type in ACTOR_TYPES and "framed" not in d.extra
        ):
            self.disc.pair = (d.source.entity, d.target.entity)  # "الجانبان" will mean these two
        if d.plover in _COUNTED:
            d.count = self._count(toks, d)
        return d

    def _recipient(self, d: Draft, finder: ArgumentFinder) -> Ref | None:
        """Who aid goes to: "إلى X", "لـ X", "على X" or the place it reached ("دخلت قطاع غزة")."""
        src = d.source.entity if d.source else None
        fallback = None
        for r in finder.refs:
            if r.start < d.trig_end or r.entity == src or r.start >= finder.end:
                continue
            p = finder.prep(r)
            if p in ("الي", "ل", "علي", "لصالح"):
                return r
            if p == "في" and r.type in PLACE_TYPES and fallback is None:
                fallback = r  # "إنزالات جوية على مناطق في شمال قطاع غزة"
            if p is None:
                words = _keys_before(self.doc.text, max(finder.start, r.start - 20), r.start)
                if words and any(rd.verb and rd.stem in _ARRIVE for rd in readings(words[-1], False)):
                    return r
        return fallback

    def _nationalities(self, d: Draft, toks: list[Tok]) -> None:
        """Doers and targets named only by a nationality adjective ("غارة إسرائيلية")."""
        m = d.match
        if d.source is None and d.plover in _MATERIAL:
            near = list(range(m.trigger[1] + 1, min(len(toks), m.trigger[1] + 5)))
            if m.verbal:
                near = [i for i in range(max(0, m.head - 3), m.head) if toks[i].start >= d.clause_start]
                if m.head + 1 < len(toks) and _bare(toks[m.head + 1].key).removeprefix("ال") in SUBJECT_NOUNS:
                    near += list(range(m.head + 2, min(len(toks), m.head + 5)))
                if d.plover == "AID":
                    # "وصلت قافلة مساعدات أردنية": the aid named by its donor's nationality
                    near += [i for i in range(m.trigger[1] + 1, min(len(toks), m.trigger[1] + 4))
                             if toks[i].start < d.clause_end]
            ent = self._nation_entity(toks, near)
            if ent is not None:
                d.source = ent
        if d.target is None and d.plover in ("ACCUSE", "PROTEST", "REJECT", "THREATEN", "SUPPORT"):
            near = list(range(m.trigger[1] + 1, min(len(toks), m.trigger[1] + 5)))
            if d.source is not None and d.source.start >= toks[m.trigger[1]].end and d.source.start < d.clause_end:
                # "أشاد كبير مستشاري الرئيس الأمريكي … مسعد بولس بالدور القطري": the adjectives of
                # the subject's title are not what is praised; read after the subject
                first = next((i for i, t in enumerate(toks) if t.start >= d.source.end), len(toks))
                near = list(range(first, min(len(toks), first + 4)))
            if d.source is not None and d.source.end > toks[m.trigger[1]].end and m.verbal and d.plover in ("THREATEN", "ACCUSE"):
                # after the subject: "هدد X بالرد على ما وصفه بـ"العدوان الأميركي""
                first = next((i for i, t in enumerate(toks) if t.start >= d.source.end), len(toks))
                near += [i for i in range(first, min(len(toks), first + 16)) if toks[i].start < d.clause_end]
            if d.cameo.startswith("114"):
                near = [i for i, t in enumerate(toks) if t.start >= toks[m.trigger[1]].end]  # the accused
            own = self._country(d.source) if d.source is not None else None
            ent = self._nation_entity(toks, near, skip=own)
            if ent is not None and (d.source is None or ent.entity != d.source.entity):
                d.target = ent
        if d.target is None and d.plover == "THREATEN":
            # "هدد بأن العدو سيدفع الثمن": the subject of the threatened clause
            comp = next((t for t in toks if t.start >= toks[m.trigger[1]].end and t.start < d.clause_end
                         and t.key in COMPLEMENTIZERS), None)
            if comp is not None:
                r = ArgumentFinder(self.doc, self.mentions, comp.end, d.clause_end).subject_after(comp.end, d.clause_end)
                if r is not None and (d.source is None or r.entity != d.source.entity):
                    d.target = r
        if d.target is None and d.plover == "THREATEN" and d.source is not None and m.verbal:
            # "هدد قاسم بأن "العدو سيدفع الثمن"، وأضاف: "إذا وسع الاحتلال عدوانه …"": the first
            # actor of another country named later in the threatener's sentence
            own = self._country(d.source)
            for r in self.mentions.between(toks[m.trigger[1]].end, toks[-1].end):
                if r.type in ACTOR_TYPES and r.entity != d.source.entity and self._country(r) and self._country(r) != own:
                    if self.mentions.prep(r.start, toks[0].start) in (None, "ضد", "علي"):
                        d.target = r
                    break
        if d.target is None and m.verbal and d.plover in ("ASSAULT", "COERCE"):
            # "استهدفت سفينة أميركية": the object named by its nationality
            ent = self._nation_entity(toks, list(range(m.trigger[1] + 1, min(len(toks), m.trigger[1] + 4))))
            if ent is not None and (d.source is None or ent.entity != d.source.entity):
                d.target = ent

    def _nation_entity(self, toks: list[Tok], idx: list[int], skip: str | None = None) -> Ref | None:
        for i in idx:
            c = nationality(toks[i].key)
            if c and c != skip:
                e = self.mentions.country_actor(c)
                return self._ref_of(e.id) if e is not None else None
        return None

    def _count(self, toks: list[Tok], d: Draft) -> int | None:
        lo, hi = d.match.trigger[0] - 3, d.match.trigger[1] + 8
        for i in range(max(0, lo), min(len(toks), hi)):
            t = toks[i]
            if not (d.clause_start <= t.start < d.clause_end):
                continue
            k = _bare(t.key)
            n = int(k) if k.isdecimal() and k.isascii() else _NUMBER_WORDS.get(k)
            if n is None:
                continue
            nxt = _bare(toks[i + 1].key) if i + 1 < len(toks) else ""
            prv = _bare(toks[i - 1].key) if i > 0 else ""
            if nxt in _MONTHISH or prv in _MONTHISH or n > 100000 or n == 0:
                continue
            if nxt in _NUMBER_WORDS and n < 100:
                continue
            return n
        return None

    # -- settling a sentence -----------------------------------------------------------------

    def _settle(
        self, drafts: list[Draft], toks: list[Tok], s0: int, s1: int, finder: ArgumentFinder
    ) -> list[Draft]:
        if not drafts:  # nothing to settle
            self._current = []
            return []
        kept = self._fold(drafts, s1)
        # violence told in a direct quote is the speaker's accusation
        for d in kept:
            spk = d.quote_speaker
            masdar = not d.verbal or "masdar" in d.extra
            decision = d.cameo.startswith("172")  # a state of emergency, a curfew, a ban: the speaker's own measure
            if spk and masdar and not decision and d.plover in ("ASSAULT", "COERCE", "SANCTION") and (
                d.source is None or d.source.entity != spk
            ):
                d.target = d.source
                d.source = self._ref_of(spk)
                d.plover, d.cameo, d.mode = "ACCUSE", "112", "disapprove"
                d.converted, d.negated, d.modality, d.count = True, False, "asserted", None
        # casualties are the outcome of the attack told in the same sentence
        attacks = [d for d in kept if d.plover == "ASSAULT" and d.match.entry.frame != "passive"]
        if not attacks:
            # "تفريق المعتصمين …، مما أدى إلى إصابة ستة محتجين": the injuries are the dispersal's
            attacks = [d for d in kept if d.plover == "COERCE" and d.cameo.startswith("175")]
        if attacks:
            for d in [d for d in kept if d.plover == "ASSAULT" and d.match.entry.frame == "passive"]:
                host = next((a for a in reversed(attacks) if a.head_start < d.head_start), attacks[0])
                if host.plover == "ASSAULT":
                    host.count = host.count if host.count is not None else d.count
                weak = host.target is None or "target_from_place" in host.extra or host.target.type in PLACE_TYPES
                if d.target is not None and weak and d.target.type not in PLACE_TYPES:
                    if host.target is not None and host.target.type in PLACE_TYPES:
                        host.location = host.target  # the place struck is where it happened
                    host.target = d.target  # the victims named, not the place struck
                    host.extra.pop("target_from_place", None)
                kept.remove(d)
        # a purpose ("تنديداً بـ …") belongs to the act before it
        for d in [d for d in kept if "purpose" in d.extra]:
            act = next((x for x in reversed(kept) if x is not d and x.head_start < d.head_start), None)
            if act is not None:
                if act.target is None or "target_from_place" in act.extra:
                    act.target = d.target or act.target
                kept.remove(d)
        # a protest's target: whom its demands or condemnation address ("مطالبين الحكومة")
        for d in kept:
            if d.plover == "PROTEST" and d.target is None:
                why = next(
                    (x for x in kept if x.head_start > d.head_start and x.plover in ("REQUEST", "ACCUSE")
                     and "participle" in x.match.entry.flags and x.target is not None
                     and x.target.type not in PLACE_TYPES),
                    None,
                )
                if why is not None:
                    d.target = why.target
                    if why.source is None or (d.source is not None and why.source.entity != d.source.entity):
                        why.source = d.source
        kept = self._relatives(kept, toks)
        self._responded_to(kept, toks)
        for d in kept:
            self._corefer(d)
        self._current = []
        restated_free = []
        for d in kept:
            if self._informative(d) and not self._restated(d, toks) and not self._tally(d, toks):
                restated_free.append(d)
                self._current.append(d)
        kept = restated_free
        # weak triggers only when nothing stronger is in the sentence, and once; a weak protest
        # word survives other kinds of event where the sentence holds a protest scene
        if any(not d.weak and not d.background for d in kept):
            if any(d.weak and d.plover == "PROTEST" for d in kept):  # only then is the scene asked
                scene = protest_scene([t.key for t in toks])
                kept = [
                    d for d in kept
                    if not d.weak or (d.plover == "PROTEST" and scene and not any(
                        x.plover == "PROTEST" and not x.weak for x in kept))
                ]
            else:
                kept = [d for d in kept if not d.weak]
        else:
            first_weak = next((d for d in kept if d.weak), None)
            kept = [d for d in kept if not d.weak or d is first_weak]
        # the same act told twice in one sentence: keep the first, fill its gaps from the twin
        out: list[Draft] = []
        for d in kept:
            twin = next((o for o in out if self._same_act(o, d, toks)), None)
            if twin is None:
                out.append(d)
                continue
            twin.target = twin.target or d.target
            twin.source = twin.source or d.source
            twin.location = twin.location or d.location
            twin.count = twin.count or d.count
        for d in out:
            if d.target is None and d.plover in ("SUPPORT", "ACCUSE", "REJECT") and d.verbal and d.source is not None:
                d.target = self._decision_maker(d, toks)
            other = self._side_other
            if (
                d.target is None and other and d.plover in ("ACCUSE", "REJECT", "THREATEN", "COERCE", "SANCTION")
                and d.source is not None and d.source.entity != other and "about" not in d.extra
            ):
                d.target = self._ref_of(other)
            if d.source is not None and d.target is not None and d.source.entity == d.target.entity:
                d.target = None
        # an act with nobody named on either side says nothing about anyone ("العدو يستدعي
        # الاحتياط" where "العدو" names no entity); a counted attack still informs, and a protest
        # is mostly by an unnamed crowd ("نظم عشرات الطلاب وقفة احتجاجية")
        # (a background event keeps its place for the analyst's filter; with no entities at all
        # the step only finds triggers)
        if self.mentions.entities:
            out = [
                d for d in out
                if d.source is not None or d.target is not None or d.plover == "PROTEST"
                or (d.count and d.plover in _COUNTED) or (d.background and d.location is not None)
            ]
        # a consultation by phone
        for d in out:
            if d.plover == "CONSULT" and d.cameo not in ("041",):
                lo, hi = max(d.clause_start, s0), min(d.clause_end, s1)
                if any(_bare(t.key) in _PHONE for t in toks if lo <= t.start < hi):
                    d.cameo, d.mode = "041", "phone"
        return out

    def _fold(self, drafts: list[Draft], s1: int) -> list[Draft]:
        """What a statement, meeting or agreement is about is part of it ("أدان الهجوم").

        A nominal event (or a verb in a relative clause) in the clause of such an act is folded
        into it, and its doer becomes the act's target when the act names none. Attacks told
        with a finite verb ("الهجمات التي شنتها واشنطن") stay events of their own.
        """
        acts = [
            d for d in drafts
            if (d.verbal or "participle" in d.match.entry.flags
                or (d.plover in ("REQUEST", "REJECT") and d.source is not None and "purpose" not in d.extra))
            and not d.relative and d.plover in _FOLDING_ACTS
        ]
        kept: list[Draft] = []
        for d in drafts:
            host = None
            # "أعرب عن تضامن بلاده …، وإدانتها": a second statement of its own, not what the first is about
            own = d.plover in _FOLDING_ACTS and not d.verbal and (
                toks_key(d).startswith(("و", "ف")) and toks_key(d) not in WAW_WORDS or self._possessed(d.match, self._head_tok(d))
            )
            content = "content" in d.extra  # "طلب من مجلس الأمن عقد اجتماع": what is asked
            participle = "participle" in d.match.entry.flags  # "…، متهماً تايلاند بـ": the subject's own act
            if (not d.verbal or d.relative or "prep_masdar" in d.extra or content) and not d.background and not own and "framed" not in d.extra and not participle:
                for a in acts:
                    if a is d or not (a.head_start < d.head_start):
                        continue
                    if content and not d.relative and "prep_masdar" not in d.extra and a.plover not in _CONTENT_HOSTS:
                        continue
                    later = [
                        x.head_start for x in drafts
                        if x.verbal and not x.relative and "masdar" not in x.extra and x.head_start > a.head_start
                    ]
                    open_ended = d.relative or "prep_masdar" in d.extra or content  # "دعت إلى رفع الحصار": no clause of its own
                    if d.head_start < min(later + [a.clause_end if not open_ended else s1]):
                        host = a
            if host is None:
                kept.append(d)
                continue
            host.extra["about"] = "1"
            doer = d.source or self._doer_told_before(d)
            weak_target = host.target is None or host.target.type in PLACE_TYPES
            if weak_target and doer is not None and (host.source is None or doer.entity != host.source.entity):
                host.target = doer
            told_in_full = (
                d.plover in _MATERIAL and d.source is not None and d.target is not None
                and "target_from_place" not in d.extra and "reference" not in d.extra
            )
            if d.relative or "fact" in d.match.entry.flags or told_in_full:
                kept.append(d)  # "دانت اعتداء مستوطنين على بلدة قصرة": the attack is an event too
        return kept

    def _head_tok(self, d: Draft) -> Tok:
        i = bisect.bisect_left(self._tok_starts, d.head_start)
        return self.tokens[i]

    def _relatives(self, kept: list[Draft], toks: list[Tok]) -> list[Draft]:
        """"الغارات التي استهدفت …": the noun and its relative verb are one act; the verb's
        arguments fill the noun's gaps (the noun keeps the trigger)."""
        out = list(kept)
        # an indefinite noun takes its relative clause with no pronoun: "بقصف مدفعي استهدف موكباً"
        attributed = [d for d in kept if d.verbal and "attributive" in d.extra and d.source is None]
        for v in [d for d in kept if d.relative] + attributed:
            h = v.match.head
            if h < 2:
                continue
            lo = h - 2 if v.relative else h - 3
            noun = next(
                (d for d in reversed(out) if d is not v and not d.verbal and h - 6 <= d.match.trigger[1] <= lo + (0 if v.relative else 2)
                 and (d.plover == v.plover or {d.plover, v.plover} <= _MATERIAL)),
                None,
            )
            if noun is None:
                continue
            noun.extra["told"] = "1"  # "الغارات التي استهدفت محيط بعلبك": told with details of its own
            noun.source = noun.source or v.source
            if noun.target is None or "target_from_place" in noun.extra:
                noun.target = v.target or noun.target
            if v.target is not None and v.target.type in PLACE_TYPES:
                noun.location = v.target  # "الغارات التي استهدفت محيط مدينة بعلبك": where it struck
            elif v.location is not None and v.location.start >= v.head_start:
                noun.location = v.location  # a place told in the relative clause itself
            noun.location = noun.location or v.location
            noun.count = noun.count if noun.count is not None else v.count
            if v in out:
                out.remove(v)
        return out

    def _responded_to(self, kept: list[Draft], toks: list[Tok]) -> None:
        """"أطلق الحزب صواريخ على X رداً على الغارات التي استهدفت بعلبك": the attack responded to
        was done to the responder, by its adversary: the doer of the last attack told on the
        responder's side, else the one the response strikes; its target is the responder."""
        for d in kept:
            if not d.background or d.source is not None or d.plover not in ("ASSAULT", "COERCE"):
                continue
            h = d.match.head
            if not any(_bare(t.key) in _WHY for t in toks[max(0, h - 3):h]):
                continue
            if "told" not in d.extra:
                d.extra["reference"] = "1"  # "رداً على مجزرة النبطية": named, not told
                continue
            resp = next((x for x in kept if x is not d and not x.background and x.plover == "ASSAULT"
                         and x.source is not None and x.head_start < d.head_start), None)
            if resp is None or resp.source is None:
                continue
            side = self._country(resp.source) or resp.source.entity
            prior = next(
                (x for x in reversed(self.history[-12:]) if x.plover in ("ASSAULT", "COERCE") and x.source is not None
                 and x.target is not None and (self._country(x.target) or x.target.entity) == side
                 and (self._country(x.source) or x.source.entity) != side and x.sentence >= self._sentence - 3),
                None,
            )
            doer = prior.source if prior is not None else None
            if (
                doer is None and resp.target is not None and resp.target.type in ACTOR_TYPES
                and (self._country(resp.target) or resp.target.entity) != side
            ):
                doer = resp.target
            if doer is None:
                continue
            d.source = doer
            if d.target is None:
                d.target = resp.source

    def _corefer(self, d: Draft) -> None:
        """An attack, arrest or protest told with no doer is the one told just before at the
        same place, else the last one of its kind: it takes that event's doer. An attack by a
        named doer with no target continues that doer's last attack ("أطلق الحزب صواريخ")."""
        if d.plover == "ASSAULT" and d.source is not None and d.target is None:
            prior = next((x for x in reversed(self.history[-12:]) if x.plover == "ASSAULT" and x.source is not None
                          and x.source.entity == d.source.entity and x.target is not None
                          and x.sentence >= self._sentence - 3), None)
            if prior is not None:
                d.target = prior.target
        if d.source is not None or d.plover not in ("ASSAULT", "COERCE", "PROTEST") or d.converted:
            return
        if d.match.entry.frame == "passive":
            return  # casualties name victims, not doers
        # only a doer the text named anchors it: a doer itself taken from an earlier event would
        # carry one subject down a whole report of unrelated attacks
        recent = [x for x in reversed(self.history[-12:]) if x.plover == d.plover and x.source is not None
                  and x.sentence >= self._sentence - 3 and "coreferent" not in x.extra and not x.carried]
        if "attributive" in d.extra or self._passive_marked(d):
            # "إن العشرات من عناصر التنظيم قتلوا", "أن شخصاً قُتل": the verb's subject is the noun
            # before it (a victim); only an attack of this sentence can be the same act
            recent = [x for x in recent if x.sentence == self._sentence]
        elif not self._agrees(d, None):
            recent = [x for x in recent if x.sentence == self._sentence or self._agrees(d, x.source)]
        if not recent:
            return
        here = d.location.entity if d.location is not None and d.location is not self.dateline_place else None
        same = next((x for x in recent if here and x.location is not None and x.location.entity == here), None)
        pick = same or recent[0]
        assert pick.source is not None  # ``recent`` holds events with a doer only
        if d.target is not None and pick.source.entity == d.target.entity:
            return
        d.source = pick.source
        d.extra["coreferent"] = "1"

    def _restated(self, d: Draft, toks: list[Tok]) -> bool:
        """A definite verbal noun with nothing of its own ("وتقضي العقوبات", "نجاح الإضراب") names
        an event already coded: not a new one."""
        if d.verbal or "participle" in d.match.entry.flags or "fact" in d.match.entry.flags:
            return False
        if d.modality == "future" and any(self._same_plan(x, d) for x in self.history):
            return True  # "التوقيع على اتفاق … مدرج على جدول الأعمال": the agreement told before, still planned
        if d.source is not None and (d.plover == "SANCTION" or d.cameo.startswith("172")) and not d.count:
            side = self._country(d.source) or d.source.entity
            if any(
                x.cameo == d.cameo and x.source is not None and (self._country(x.source) or x.source.entity) == side
                and x.sentence >= self._sentence - 6
                for x in self.history[-12:] + [y for y in self._current if y is not d]
            ):
                return True  # "مددت الحكومة حالة الطوارئ … وحدد القرار فرض حالة الطوارئ": one decision told again
        head = toks[d.match.head]
        if not _bare(head.key).startswith(("ال", "بال", "لل", "وال")):
            return False
        if (d.source is not None and "coreferent" not in d.extra) or "told" in d.extra:
            return False
        return any(x.plover == d.plover and x.sentence != self._headline for x in self.history)

    def _parties(self, d: Draft) -> frozenset[str]:
        """The countries (else entity ids) of an event's two sides."""
        out = set()
        for r in (d.source, d.target):
            if r is not None:
                out.add(self._country(r) or r.entity)
        return frozenset(out)

    def _same_plan(self, told: Draft, d: Draft) -> bool:
        """A planned act that an event already coded names: same kind (an agreement and its
        signing are one kind) between the same sides."""
        def agreement(x: Draft) -> bool:
            return x.cameo.startswith("03") or x.cameo.startswith("057")

        same_kind = told.plover == d.plover or (agreement(told) and agreement(d))
        return same_kind and told.sentence < self._sentence and self._parties(told) == self._parties(d) != frozenset()

    @staticmethod
    def _tally(d: Draft, toks: list[Tok]) -> bool:
        """A running total is no event: "أسفر التصعيد منذ الثامن من أكتوبر عن مقتل 296 شخصاً",
        "عدد حالات الاعتقال منذ السابع من أكتوبر" (a nominal casualty, attack or arrest whose
        clause counts from a date)."""
        if d.plover not in _COUNTED:
            return False
        lo, hi = d.match.head - 10, d.match.trigger[1] + 6
        near = [_bare(t.key) for t in toks[max(0, lo):hi] if d.clause_start <= t.start < d.clause_end and t.is_word]
        pairs = list(zip(near, near[1:] + [""], strict=True))
        # a total over a long span: "قتلت 3042 … خلال 10 أشهر", "قتلوا … خلال هذه الفترة"
        rest: list[str] = []  # the words after the trigger, up to the next comma
        for t in toks[d.match.trigger[1] + 1:d.match.trigger[1] + 30]:
            if t.key in ("،", ",", ".", "؛", ":"):
                break
            if t.is_word:
                rest.append(_bare(t.key))
        over = any(
            w == "خلال" and (nxt in _LONG_UNITS or nxt.isdigit() or nxt in _NUMBER_WORDS or nxt in _DEMONSTRATIVES)
            and any(u in _LONG_UNITS for u in rest[i + 1:i + 4])
            for i, (w, nxt) in enumerate(zip(rest, rest[1:] + [""], strict=False))
        )
        lead = [_bare(t.key) for t in toks[max(0, d.match.head - 12):d.match.head] if t.is_word]
        total = any(w in _TOTAL_WORDS for w in lead) or any(w in _RISE and n in ("عدد", "العدد", "حصيله") for w, n in zip(lead, lead[1:], strict=False))
        if (over or total) and d.plover in ("ASSAULT", "COERCE"):
            return True  # "ارتفاع العدد الإجمالي للقتلى … جراء غارات التحالف"
        if d.verbal:
            return False
        # "منذ صباح اليوم" counts today's events, not a running total
        return any(w == "منذ" and nxt not in _RECENT for w, nxt in pairs)

    def _doer_told_before(self, d: Draft) -> Ref | None:
        """The doer of an act referred to by a bare noun ("أدان الاقتحام", "هذه الاعتداءات"): the
        source of the last event of that type coded in the last few sentences."""
        if d.plover not in _MATERIAL and d.plover != "PROTEST":
            return None
        for x in reversed(self.history[-12:]):
            if x.plover == d.plover and x.source is not None and x.sentence >= self._sentence - 8:
                return x.source
        return None

    def _informative(self, d: Draft) -> bool:
        """Drop what says nothing about anyone: a nominal diplomatic act with no party, concern
        voiced at nobody, a casualty report with no number and no one named."""
        nominal = (not d.verbal or "masdar" in d.extra) and "participle" not in d.match.entry.flags
        if nominal and d.plover in _NEEDS_ARGS | {"RETREAT"} and d.source is None and d.target is None:
            return False
        if "target" in d.match.entry.flags and d.target is None:
            return False  # "حذرت المنظمة من انتشار الوباء": a warning at nobody threatens nobody
        if d.plover == "CONSULT" and d.cameo == "040" and d.target is None and not d.symmetric and (
            not d.verbal or "masdar" in d.extra or d.match.entry.literal_count > 1
        ) and not self._partner_word(d):
            return False  # "عقد مجلس الوزراء جلسته", "ستعقد الحكومة اجتماعاً": a body's own session
        if nominal and d.plover in _STATEMENTS and d.source is None and _bare(toks_key(d)).startswith(("ال", "بال", "لل")):
            return False  # "المطالبات الانفصالية", "لا يمنع المطالبة بـ": a demand in general, nobody's act
        if self._domestic_visit(d):
            return False
        if nominal and d.plover == "AID" and d.source is None:
            return False  # aid talked about, not given by anyone
        if d.converted and d.target is None:
            return False
        if d.plover in _NEEDS_ARGS and d.source is None and d.target is None and "attributive" in d.extra:
            return False  # "لافتات تطالب": a verb describing a noun, nobody named on either side
        if nominal and d.plover in ("ASSAULT", "COERCE") and d.source is None and d.count is None:
            if d.background:
                if d.location is None or d.location is self.dateline_place:
                    return False  # "رداً على مجزرة النبطية": a reference, not placed
            elif d.target is None or "target_from_place" in d.extra:
                return False  # violence with nobody named on either side: commentary
        if "reference" in d.extra or "unrealised" in d.extra:
            return False
        if d.plover == "ACCUSE" and d.cameo == "110" and d.target is None:
            return False
        if (
            d.verbal and d.plover == "ASSAULT" and d.source is None and ("attributive" in d.extra or d.relative)
            and self._present(d)
        ):
            return False  # "محاولات إرهابية تستهدف أمنها", "العناصر التي تستهدف المساجد": what such people do
        placed = "target_from_place" in d.extra
        casualty = not d.verbal and d.match.entry.frame == "passive" and d.plover == "ASSAULT"
        return not (casualty and d.count is None and d.source is None and (d.target is None or placed))

    def _partner_word(self, d: Draft) -> bool:
        """A meeting with someone, named or not ("مباحثاته مع كبار ممثلي الدائنين", "بين الطرفين",
        "الجانبين"): within a few words after the trigger, in its clause."""
        words = _keys_before(self.doc.text, d.trig_end, min(d.clause_end, d.trig_end + 80))[:6]
        return any(w in ("مع", "بين", "ومع") or w in PAIR_WORDS or w.startswith(("بالرييس", "بالوزير", "بوفد")) for w in words)

    def _domestic_visit(self, d: Draft) -> bool:
        """A visit needs a host of another side: a minister at his own country's embassy or
        ministry ("زار الوزير سفارة خادم الحرمين في روما") visits no one."""
        if d.match.entry.frame != "visit" or d.source is None or d.target is None:
            return False
        if d.target.type in PLACE_TYPES:
            return False  # a city or a country of one's own is still a visit to that place
        own = self._country(d.source)
        return own is not None and own == self._country(d.target)

    @staticmethod
    def _present(d: Draft) -> bool:
        """The trigger verb is in the present tense (يستهدف، تستهدف), not a past form in ت (توغل)."""
        k = _bare(toks_key(d))
        forms = d.match.entry.elements[0].verb
        return k[:1] == "ي" and k in forms or (k[:1] == "ت" and "ي" + k[1:] in forms)

    @staticmethod
    def _same_act(a: Draft, b: Draft, toks: list[Tok]) -> bool:
        """Two drafts of one act: same type and parties, and not two distinct verbs — unless
        the second is told "خلاله" (during the first)."""
        if a.plover != b.plover or a.background != b.background:
            return False
        casualties = a.plover == "ASSAULT" and a.match.entry.frame == b.match.entry.frame == "passive"
        # "لقي أربعة أشخاص مصرعهم بينما أصيب 20 آخرون": the killed and the wounded of one attack
        if a.verbal and b.verbal and a.cameo != b.cameo and not b.converted and not a.converted and not casualties:
            near = [_bare(t.key) for t in toks[b.match.head + 1:b.match.head + 3]]
            near += [_bare(t.key) for t in toks[max(0, b.match.head - 2):b.match.head]]
            if not any(w in _DURING for w in near):
                return False
        sa, sb = (a.source.entity if a.source else None), (b.source.entity if b.source else None)
        ta, tb = (a.target.entity if a.target else None), (b.target.entity if b.target else None)
        if sa != sb and sa is not None and sb is not None:
            return False
        return ta == tb or ta is None or tb is None

    # -- the event ---------------------------------------------------------------------------

    def _relative_between(self, a: int, b: int) -> bool:
        """A relative pronoun (الذي، التي) between two offsets."""
        if b <= a:
            return False
        i = bisect.bisect_left(self._tok_starts, a)
        j = bisect.bisect_left(self._tok_starts, b, i)
        return any(_bare(t.key) in _RELATIVE or t.key in COMPLEMENTIZERS for t in self.tokens[i:j])

    def _event(self, eid: str, si: int, d: Draft, s0: int, s1: int) -> Event:
        ents = self.mentions.entities
        src = ents.get(d.source.entity) if d.source else None
        tgt = ents.get(d.target.entity) if d.target else None
        when, span = self._date(d, s0, s1)
        conf = 0.55
        conf += 0.15 if d.source is not None else 0.0
        conf += 0.1 if d.target is not None else 0.0
        conf -= 0.15 if d.weak else 0.0
        conf -= 0.05 if not d.verbal else 0.0
        conf -= 0.1 if d.carried else 0.0
        conf -= 0.1 if d.converted else 0.0
        return Event(
            id=eid,
            plover=d.plover,
            trigger=Trigger(d.trig_start, d.trig_end, self.doc.text[d.trig_start:d.trig_end]),
            sentence=si,
            cameo=d.cameo,
            mode=d.mode,
            source=src.id if src else None,
            target=tgt.id if tgt else None,
            source_actor=actor_code(src),
            target_actor=actor_code(tgt),
            location=d.location.entity if d.location and d.location.entity in ents else None,
            date=when,
            date_span=span,
            negated=d.negated,
            modality=d.modality,  # type: ignore[arg-type]
            count=d.count,
            confidence=round(max(0.05, min(0.95, conf)), 2),
            background=d.background,
            symmetric=d.symmetric,
            coder=CODER,
        )

    def _date(self, d: Draft, s0: int, s1: int) -> tuple[str | None, tuple[int, int] | None]:
        """The date words nearest the trigger in its sentence, resolved to a day.

        Without date words, an asserted event takes the last date the report established
        (the call "مساء أمس" and what was said in it share a day), else the publication date.
        Weeks, months and years are kept as the span but give no day.
        """
        text = self.doc.text
        found = self._date_words.get(s0)
        if found is None:
            found = [(dm.start, dm.end, dm) for dm in dates.find_dates(text, s0, s1, reference=self.published)]
            found += [(rel.start, rel.end, rel) for rel in dates.find_relative(text, s0, s1)]
            found = [f for f in found if not match_key(text[max(s0, f[0] - 6):f[0]]).strip().endswith("منذ")]
            self._date_words[s0] = found

        def distance(f: tuple[int, int, object]) -> tuple[int, int]:
            inside = d.clause_start <= f[0] < d.clause_end
            gap = f[0] - d.trig_end if f[0] >= d.trig_end else d.trig_start - f[1]
            return (0 if inside else 1, abs(gap))

        if d.plover not in _MATERIAL and d.plover not in _COUNTED and found:
            # "أدان الغارات التي استهدفت أمس البلدة", "مشيراً إلى أن الحكومة ستجتمع الأسبوع المقبل": a
            # day in a relative or reported clause after the trigger dates what that clause tells
            found = [f for f in found if not self._relative_between(d.trig_end, f[0])]
        if d.background:
            # a background event has a day only where its own words give one, right after it
            # ("رداً على الغارات التي استهدفت محيط مدينة بعلبك الإثنين"); it sets no day
            found = [f for f in found if d.trig_end <= f[0] <= d.trig_end + 60]
            if not found:
                return None, None
        if found:
            a, b, obj = min(found, key=distance)
            if isinstance(obj, dates.DateMention):
                day = obj.date if obj.precision == "day" else None
            elif getattr(obj, "unit", "day") != "day":
                day = None
            else:
                tense = "future" if d.tense == "future" else "past"
                day = dates.resolve(obj, self.published, tense)  # type: ignore[arg-type]
            future_day = day is not None and self.published is not None and day > self.published
            if day is not None and d.modality == "asserted" and not d.converted and not self._pluperfect and not d.background and not future_day:
                # a meeting or call frames its day; what is told of that day stays in the frame
                framed = d.plover == "CONSULT" or (self._last_date_frame and day == self.last_date)
                self.last_date = day  # "وكان … قد التقى أمس" is a flashback; a deadline ahead is no day of the report
                self._last_date_at, self._last_date_frame = s0, framed
            return (day.isoformat() if day else None), (a, b)
        if d.modality in ("future", "hypothetical", "demanded"):
            return None, None
        day = self.last_date
        if day is not None and not self._last_date_frame and "\n" in text[self._last_date_at:s0]:
            # "من جهته، حذر …" in a new paragraph after "الجمعة أمس": a day carries to what was
            # said in the meeting or call that set it, else only within its paragraph
            day = None
        day = day or self.published
        return (day.isoformat() if day else None), None
