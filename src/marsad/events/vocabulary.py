"""The closed word lists the event reader's rules key on, and small tests of single words.

Every set holds :func:`marsad.normalize.match_key` forms (the reader compares token keys, often
with a conjunction stripped by :func:`bare`), so the lists are written in plain Arabic here.
"""

from __future__ import annotations

import re

from marsad.events.arguments import WAW_WORDS
from marsad.events.lexicon import conjugate
from marsad.events.triggers import reading_rows
from marsad.memo import word_cache
from marsad.normalize import match_key

DEMONSTRATIVES = frozenset(match_key(w) for w in ("هذا", "هذه", "ذلك", "تلك", "هذان", "هاتان", "هؤلاء", "ذات", "نفس"))
FRAME_PREPS = frozenset(
    match_key(w)
    for w in (
        "خلال", "لدى", "عند", "أثناء", "اثناء", "فور", "ختام", "هامش", "مستهل", "بداية", "نهاية",
        "مطلع", "إطار", "اطار", "حصيلة", "عقب", "بعد", "قبل", "منذ", "طيلة", "طوال", "إبان",
    )
)
BACKGROUND = frozenset(
    match_key(w) for w in ("أعقاب", "إثر", "اثر", "جراء", "خلفية", "عقب", "بسبب", "نتيجة", "ردا", "رداً", "انتقاما")
)
# Function words: a verb right after anything else is in a clause of the noun before it
# ("لافتات تطالب" = banners that demand), so it takes no subject from the discourse.
FUNCTION = frozenset(
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
NOT_VERBS = frozenset(
    match_key(w)
    for w in ("في", "من", "على", "إلى", "الى", "مع", "بعد", "قبل", "عن", "منذ", "خلال", "وفي", "كما", "وقال", "قال")
)
PRONOUN_COMP = frozenset(
    match_key(w)
    for w in ("أنه", "أنها", "إنه", "إنها", "بأنه", "بأنها", "أنهم", "إنهم", "بأنهم", "لكنه", "لكنها", "لكنهم")
)
#: Relative pronouns: what follows them describes, it does not report.
RELATIVES = frozenset(
    match_key(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللواتي", "اللاتي")
)
W_WORD = re.compile(r"[\w\u064b-\u065f\u0670]+")
# "قالت X إنها لن تسمح", "أكد أنه سوف يزور": particles between إن/أن + pronoun and its verb
CLAUSE_PARTICLES = frozenset(match_key(w) for w in ("قد", "سوف", "لن", "لا", "لم"))
PLURAL_HEADS = frozenset(
    match_key(w) for w in ("وزراء", "رؤساء", "قادة", "زعماء", "ممثلو", "ممثلي", "وفود", "وفدا", "وفدي", "وزيرا", "وزيري", "سفراء", "حكومات")
)
HIS_COUNTRY = frozenset(match_key(w) for w in ("بلاده", "بلادها", "بلادهم", "دولته", "دولتها", "حكومته", "حكومتها"))
DUAL_COMP = frozenset(match_key(w) for w in ("أنهما", "إنهما", "بأنهما"))
GROUPS = frozenset(
    match_key(w) for w in ("مجاهدي", "مقاتلي", "عناصر", "قوات", "جنود", "مقاتلو", "مجاهدو", "أفراد", "وحدات")
)
RELATIVE = frozenset(match_key(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي"))
SIDE_MARKERS = (("من", "جانبه"), ("من", "جانبها"), ("من", "جهته"), ("من", "جهتها"), ("بدوره",), ("بدورها",))
SIDE_FIRST = frozenset(m[0] for m in SIDE_MARKERS)
PHONE = frozenset(match_key(w) for w in ("هاتفي", "هاتفيا", "هاتفية", "الهاتف", "هاتفيه", "الهاتفي", "الهاتفية"))
DURING = frozenset(match_key(w) for w in ("خلاله", "خلالها", "خلالهما", "خلالهم", "خلال"))
FOLDING_ACTS = ("ACCUSE", "SUPPORT", "REJECT", "CONSULT", "AGREE", "THREATEN", "REQUEST")
NEEDS_ARGS = frozenset(
    {"CONSULT", "AGREE", "SUPPORT", "ACCUSE", "REQUEST", "REJECT", "THREATEN", "COOPERATE", "CONCEDE", "SANCTION", "AID"}
)
MATERIAL = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "AID"})
# acts whose object verbal noun is what they ask, warn of, condemn or welcome, not an act of its own
CONTENT_HOSTS = frozenset({"REQUEST", "THREATEN", "ACCUSE", "SUPPORT", "REJECT"})
# what a statement welcomes or condemns when it names a decision ("رحبت بالقرار")
DECISIONS = frozenset(
    match_key(w) for w in ("قرار", "قرارات", "خطوة", "عقوبات", "إجراء", "إجراءات", "تدابير", "اجراء", "اجراءات")
)
NO_CARRY = frozenset({"ASSAULT", "COERCE", "PROTEST", "RETREAT"})
STATEMENTS = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN"})
RECENT = frozenset(
    match_key(w) for w in ("صباح", "فجر", "ساعات", "ساعة", "ساعتين", "مساء", "ظهر", "ليل", "ليلة", "اليوم", "أمس", "الصباح", "الفجر")
)
COUNTED = frozenset({"ASSAULT", "COERCE", "RETREAT", "PROTEST"})
NUMBER_WORDS = {
    match_key(w): n
    for n, ws in {
        1: ("واحد", "واحدا"), 2: ("اثنين", "اثنان"), 3: ("ثلاثة", "ثلاث"), 4: ("أربعة", "أربع"),
        5: ("خمسة", "خمس"), 6: ("ستة", "ست"), 7: ("سبعة", "سبع"), 8: ("ثمانية", "ثماني"),
        9: ("تسعة", "تسع"), 10: ("عشرة", "عشر"), 20: ("عشرين", "عشرون"), 30: ("ثلاثين", "ثلاثون"),
        40: ("أربعين", "أربعون"), 50: ("خمسين", "خمسون"), 100: ("مئة", "مائة"), 1000: ("ألف",),
    }.items()
    for w in ws
}
MONTHISH = frozenset(
    match_key(w)
    for w in (
        "يناير", "فبراير", "مارس", "أبريل", "ابريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
        "أكتوبر", "نوفمبر", "ديسمبر", "كانون", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز",
        "آب", "أيلول", "تشرين", "عام", "العام", "سنة", "عاما", "سنوات", "ساعة", "يوما", "أيام",
        "دقيقة", "بالمئة", "بالمائة", "%", "شهرا", "أشهر", "كيلومتر", "كم", "متر", "دولار", "مليون",
        "مليار", "هجري", "هـ", "م",
    )
)


ANNOUNCE = conjugate("أعلن", "يعلن") | conjugate("قرر", "يقرر")
# "بعد لقائه مع X": a meeting told in a time clause did happen (not "قبل لقائه": it may not yet)
DONE_FRAMES = frozenset(
    match_key(w)
    for w in ("خلال", "لدى", "عند", "أثناء", "اثناء", "فور", "ختام", "هامش", "مستهل", "بعد", "عقب", "إثر", "اثر", "إبان")
)
# Purpose, prevention and generic words before violence: "لمنع هجمات", "أي اعتداء",
# "لمواجهة الإرهاب" name no attack that happened
UNREAL_BEFORE = frozenset(
    match_key(w)
    for w in (
        "لمنع", "منع", "لمواجهة", "مواجهة", "لمكافحة", "مكافحة", "لصد", "صد", "لردع", "ردع", "للتصدي",
        "التصدي", "لتفادي", "تفادي", "لتجنب", "تجنب", "لإحباط", "إحباط", "لمحاربة", "محاربة", "أي", "أية",
        "خطر", "مخاطر", "احتمال", "احتمالات", "خشية", "تحسبا", "لحماية", "حماية", "يمنع", "تمنع",
        "مغبة", "عواقب", "خطورة",  # "حذر من مغبة الاعتداء": the consequences of an attack not made
    )
)
# "بحث سبل تعزيز التعاون", "آفاق الاتفاق": a cooperation or accord word after these is a topic
TOPIC_HEADS = frozenset(
    match_key(p + w)
    for p in ("", "ل", "ب")
    for w in (
        "تعزيز", "تطوير", "توسيع", "تنمية", "تفعيل", "تقوية", "تعميق", "سبل", "مجالات", "آفاق", "افاق",
        "أوجه", "اوجه", "فرص", "إمكانية", "امكانية", "مستوى", "تكثيف", "استمرار", "أهمية", "اهمية",
    )
)
# "بتهمة تفجير", "لاشتراكه في تفجير سوق": the charge a court or police name is no event told here
CHARGE_WORDS = frozenset(
    match_key(w)
    for w in (
        "بتهمة", "بتهم", "تهمة", "تهم", "لاشتراكه", "لاشتراكهم", "لاشتراكها", "لتورطه", "لتورطهم", "لتورطها",
        "لضلوعه", "لضلوعهم", "بالضلوع", "بالتورط", "بالاشتراك", "مدان", "مدانين", "المدان", "المدانين",
        "متهم", "متهمين", "المتهم", "المتهمين", "بالمشاركة", "لمشاركته", "لمشاركتهم",
    )
)
# "الأراضي التي لا تزال إسرائيل تحتلها": a state described in a relative clause, not an act told
STILL = frozenset(match_key(w) for w in ("تزال", "يزال", "زالت", "زال", "تزل", "يزل", "يزالون", "زالوا"))
# What an act aims at, was postponed, foiled or only supposed to do ("يهدف إلى ترحيل", "بهدف تبادل",
# "من أجل وقف", "القاضي بترحيل", "تأجيل زيارة", "إحباط هجوم", "كان من المفترض أن يلتقي"): not told as done
PURPOSE_LAST = frozenset(
    match_key(w)
    for w in (
        "بهدف", "لهدف", "القاضي", "القاضية", "يقضي", "تقضي", "لأجل", "لاجل", "تأجيل", "بتأجيل", "إرجاء",
        "ارجاء", "إلغاء", "الغاء", "بإلغاء", "إحباط", "احباط", "بإحباط", "لإحباط", "لاحباط",
    )
)
PURPOSE_PAIRS = frozenset(
    (match_key(a), match_key(b))
    for a, b in (
        ("يهدف", "إلى"), ("تهدف", "إلى"), ("يهدف", "الى"), ("تهدف", "الى"), ("يرمي", "إلى"), ("ترمي", "إلى"),
        ("الهادف", "إلى"), ("الهادفة", "إلى"), ("الرامي", "إلى"), ("الرامية", "إلى"), ("من", "أجل"),
        ("المفترض", "أن"), ("المفترض", "ان"),
    )
)
# "التفاوض بشأن ترحيل", "محادثات بشأن اتفاق": what talks are about
TALK_NOUNS = frozenset(
    match_key(w)
    for w in ("التفاوض", "تفاوض", "المفاوضات", "مفاوضات", "المحادثات", "محادثات", "مباحثات", "المباحثات", "نقاش", "النقاش", "الحوار", "حوار")
)
KANA = frozenset(match_key(w) for w in ("كان", "كانت"))
ABOUT = frozenset(match_key(w) for w in ("بشأن", "حول", "بخصوص"))
UNREAL_LINK = frozenset(match_key(w) for w in ("وقوع", "حدوث", "تكرار", "تنفيذ", "شن", "من"))
# "العقوبات المفروضة", "الاتفاق المبرم": a measure or accord already in force, named, not told
IN_FORCE = frozenset(
    match_key(w)
    for w in (
        "المفروض", "المفروضة", "المبرم", "المبرمة", "الموقع", "الموقعة", "الساري", "السارية", "القائم",
        "القائمة", "الحالي", "الحالية", "السابق", "السابقة", "المعمول",
    )
)
# "ارتفاع العدد الإجمالي للقتلى", "خلال 10 أشهر": a running total, not one event
TOTAL_WORDS = frozenset(match_key(w) for w in ("إجمالي", "الإجمالي", "اجمالي", "الاجمالي", "مجموع"))
RISE = frozenset(match_key(w) for w in ("ارتفاع", "ارتفع", "يرتفع", "ليرتفع", "ارتفعت", "ترتفع", "لترتفع"))
LONG_UNITS = frozenset(
    match_key(w)
    for w in ("أشهر", "شهرا", "شهور", "أسابيع", "سنوات", "أعوام", "عاما", "سنة", "عامين", "شهرين", "الفترة", "الأشهر", "السنوات", "الأعوام")
)
COGNITION = frozenset(
    match_key(p + w)
    for p in ("ي", "ت")
    for w in ("درك", "دركا", "دركوا", "علم", "علما", "علموا", "فهم", "فهما", "فهموا", "عي", "عيا", "عوا", "عرف", "عرفا", "عرفوا", "تذكر", "دري")
)
OBLIGE_OPENERS = frozenset(match_key(w) for w in ("لكن", "لذا", "لذلك", "بل", "كما", "وعليه", "فعلى", "إنه", "أنه", "بأنه"))


@word_cache(65536)
def announces(key: str) -> bool:
    return any(row[1] and row[0] in ANNOUNCE for row in reading_rows(key, False))  # a verb reading


ANNOUNCED = frozenset({"AID", "AGREE", "COOPERATE", "CONSULT", "SUPPORT"})
# "أعلنت X في وقت سابق عن اعتقال": acts an announcer reports as its own, across a time filler
ANNOUNCED_ACTS = frozenset({"COERCE", "ASSAULT", "AID"})
TIME_FILLERS = frozenset(match_key(w) for w in (
    "في", "وقت", "سابق", "لاحق", "اليوم", "امس", "أمس", "مساء", "صباح", "ليل", "ليلة", "فجر", "يوم",
    "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعة", "السبت", "الماضي", "الماضية",
    "يناير", "فبراير", "مارس", "ابريل", "مايو", "يونيو", "يوليو", "اغسطس", "سبتمبر", "اكتوبر",
    "نوفمبر", "ديسمبر", "من", "الشهر", "الاسبوع", "الجاري",
))
AN = match_key("عن")
# "في الفترة الممتدة من 31 يوليو (تموز) وحتى يوم أمس": a time span between a subject and its act
SPAN_WORDS = frozenset(match_key(w) for w in (
    "الفترة", "الممتدة", "حتى", "كانون", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب",
    "أيلول", "تشرين", "الأول", "الثاني", "أيام", "الأيام", "الأخيرة", "الماضيين", "الماضيان",
))


FRAME_NOUNS = frozenset(match_key(w) for w in ("عملية", "عمليات", "حملة", "حملات", "جولة", "جلسة", "فترة"))
WHY = frozenset(match_key(w) for w in ("ردا", "انتقاما", "تنديدا", "احتجاجا", "رفضا", "تضامنا", "دعما"))
THE_COUNTRY = frozenset(match_key(w) for w in ("البلاد",))
# "مطالبين الحكومة": an unqualified government or authorities are the actor's own country's
THE_GOVERNMENT = frozenset(match_key(w) for w in ("الحكومة", "السلطات", "الحكومه"))
IYA = frozenset(match_key(w) for w in ("إياه", "إياها", "إياهم", "إياهما", "إياهن"))
SPOKESMEN = tuple(match_key(w) for w in ("المتحدث", "الناطق", "متحدث", "ناطق"))
CALLED_BY = frozenset(match_key(w) for w in ("بدعوة", "دعوة"))
# Light verbs: their object noun is the event and their subject its doer ("نفذ … إضراباً")
LIGHT = conjugate("نفذ", "ينفذ") | conjugate("شن", "يشن") | conjugate("أجرى", "يجري") | conjugate(
    "عقد", "يعقد") | conjugate("نظم", "ينظم") | conjugate("واصل", "يواصل") | conjugate("جدد", "يجدد") | conjugate(
    "أعلن", "يعلن") | conjugate("تمكن", "يتمكن") | conjugate("قام", "يقوم") | conjugate("بدأ", "يبدأ") | conjugate(
    "استأنف", "يستأنف") | conjugate("نجح", "ينجح") | conjugate("حاول", "يحاول") | conjugate("مدد", "يمدد") | conjugate("فرض", "يفرض") | conjugate(
    "قرر", "يقرر") | frozenset(
    match_key(w) for w in ("أجرت", "أجروا", "شنت", "شنوا", "قامت", "قاموا", "تقوم", "يقوم"))


# Quantity words between a light verb's subject and its object noun ("سلسلة من الغارات")
QUANTITY = frozenset(
    match_key(w)
    for w in ("سلسلة", "من", "عدد", "عددا", "موجة", "جملة", "مزيد", "المزيد", "عشرات", "مئات", "قرار", "قرارا")
)
CAUSE = conjugate("دفع", "يدفع") | conjugate("أجبر", "يجبر") | conjugate("اضطر", "يضطر") | conjugate("أرغم", "يرغم")
ARRIVE = conjugate("دخل", "يدخل") | conjugate("وصل", "يصل")


# What flies for a doer: "شنها طيران التحالف", "نفذتها مقاتلات إسرائيلية"
AIRCRAFT = frozenset(
    match_key(p + w) for p in ("", "ال") for w in ("طيران", "طائرات", "مقاتلات", "طائرة", "مقاتلة", "المقاتلات", "حربية", "حربي")
)
# Verbal nouns of light verbs after ل/ب: "يستعد لشن هجوم", "قام بتنفيذ عملية"
LIGHT_NOUNS = frozenset(
    match_key(p + w) for p in ("ل", "ب", "") for w in ("شن", "تنفيذ", "إجراء", "اجراء", "عقد", "تنظيم", "تمديد", "فرض")
)


@word_cache(65536)
def is_light_verb(key: str) -> bool:
    return key in LIGHT_NOUNS or any(row[1] and row[0] in LIGHT for row in reading_rows(key, False))


# "زيارة التقى خلالها", "جولة بحث فيها": a relative clause about an act told just before
IN_IT = frozenset(match_key(w) for w in ("فيه", "فيها", "خلاله", "خلالها", "أثناءه"))  # "أعرب فيه": in the call
DURING_WHICH = frozenset(match_key(w) for w in ("خلالها", "خلاله", "أثناءها", "اثناءها", "أثناءه", "اثناءه"))


def keys_before(text: str, a: int, b: int) -> list[str]:
    return [bare(match_key(w)) for w in re.findall(r"[\w\u064b-\u065f\u0670]+", text[a:b])]


STUDENT = frozenset(match_key(w) for w in ("طالب", "طالبا", "طالبة"))


# words after a genitive that open with ل but name no object of the act
NOT_OBJECT_L = frozenset(match_key(w) for w in ("لمدة", "لدى", "لكن", "لأن", "لان", "لعدة", "لفترة", "لساعات", "لأيام", "ليلة", "لها", "له", "لهم"))
PEOPLE_COUNTS = frozenset(match_key(w) for w in ("عشرات", "مئات", "آلاف", "الآلاف", "العشرات", "المئات", "ألف", "مائة"))
OBJECT_PRONOUNS = ("ها", "هما", "هم", "هن", "ه")


def object_pronoun(key: str, stem: str) -> bool:
    """Whether a verb's token carries an object pronoun after its stem (فجرتها، قتلهم)."""
    return len(key) > len(stem) and any(key.endswith(stem + s) for s in OBJECT_PRONOUNS)


def bare(key: str) -> str:
    """A word's key without a leading و/ف conjunction (words that begin with one are kept)."""
    if key in WAW_WORDS:
        return key
    return key[1:] if len(key) > 2 and key[0] in "وف" else key
