"""Who did it, to whom, where: argument slots read from the entity mentions around a trigger.

Arabic news is verb-first and drops subjects. The slots, in the order they are tried:
the mention right after the verb (only adverbs and punctuation between), a mention right before
it ("وكان أحمديان، قد وصل"), and otherwise the subject carried over from earlier sentences (the
last named subject). Targets are objects or follow مع ضد على ل إلى بـ, a pair after بين is
symmetric, agents follow على يد / من قبل / برصاص, and places after في give the location.
Everything works on character offsets, so mentions keep their proclitics outside (لإيران).
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from marsad.document import Document, Entity
from marsad.events.triggers import WAW_WORDS
from marsad.memo import word_cache
from marsad.normalize import match_key

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
ACTOR_TYPES = frozenset({"PER", "ORG", "GPE", "NORP"})

_W = re.compile(r"[\w\u064b-\u065f\u0670]+")
_W4 = re.compile(r"[\w\u064b-\u065f\u0670]{4,}")  # the matches of _W that are 4 long or more
#: the match key of one word, cached: the words around every mention are read again and again
word_key = word_cache(100_000)(match_key)
_PUNCT_ONLY = re.compile(r"^[\s،,\"«»“”()\[\]\-–—:؛;]*$")

# Words that may stand between a verb and its subject, or a subject and its verb.
_FILLERS = frozenset(
    match_key(w)
    for w in (
        "قد", "كان", "كانت", "اليوم", "امس", "أمس", "مساء", "صباح", "فجر", "ظهر", "عصر", "ليل",
        "ليلة", "يوم", "الليلة", "الماضي", "الماضية", "أيضا", "كذلك", "بدوره", "بدورها",
        "السبت", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة",
        "يوم", "الأول", "أول", "الجاري", "الحالي", "رسميا", "مجددا", "مرة", "أخرى",
        "لن", "لم", "لا", "سوف", "يستعد", "تستعد", "يعتزم", "تعتزم", "يسعى", "تسعى",
    )
)
# Prepositions that introduce something other than a target.
_NOT_TARGET = frozenset(
    match_key(w)
    for w in (
        "من", "عن", "حول", "بشأن", "خلال", "لدى", "منذ", "عبر", "حسب", "وفق", "وفقا", "بعد",
        "قبل", "إثر", "اثر", "عقب", "أعقاب", "باسم", "بحضور", "بمشاركة", "بدعوة", "نيابة",
        "مثل", "منها", "بينها", "لصالح", "جانب", "جانبه", "جهته", "بدوره",
        "برئاسة", "بإشراف", "باشراف", "بحسب", "وفقا", "طبقا", "نقلا", "حسبما", "بحسبما", "استنادا", "تبعا",
        "عند",  # "نحسبهم عند الله": with, beside — never whom an act is done to
    )
)
_ADVISERS = frozenset(match_key(w) for w in ("مستشار", "مستشاري", "مستشارة", "كبير", "كبيرة", "كبار"))
# "وفقاً لوزارة الصحة", "نقلاً عن": a source the report cites is never an event's target
_ATTRIBUTION = frozenset(match_key(w) for w in ("وفقا", "طبقا", "نقلا", "استنادا", "تبعا", "وفق", "بحسب", "حسب"))
_PREPS = frozenset(
    match_key(w)
    for w in ("في", "إلى", "الى", "على", "مع", "ضد", "بين", "تجاه", "نحو", "إزاء", "بحق", "لدى", "أمام")
) | _NOT_TARGET
_PLACE_NOUNS = frozenset(
    match_key(w)
    for w in (
        "مدينة", "بلدة", "قرية", "مخيم", "محافظة", "منطقة", "العاصمة", "عاصمة", "ولاية", "إقليم",
        "حي", "شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي", "مدينتي",
        "قطاع", "مقر", "ضواحي", "محيط",
    )
)
PLACE_NOUNS = _PLACE_NOUNS  # (keys: "منطقه", "مدينه")
_AGENT_NOUNS = frozenset(
    match_key(w) for w in ("رصاص", "نيران", "نار", "قصف", "غارة", "غارات", "قوات", "أيدي")
)
# "أصيب X جراء قصف Y", "إثر غارة Y": the cause names the doer
_CAUSES = frozenset(match_key(w) for w in ("جراء", "إثر", "اثر", "نتيجة", "بسبب", "بفعل"))
AGENT = "agent"
# Common heads of subjects that name no entity ("أفادت مصادر", "اقتحمت قوات"): a verb followed
# by one of them has its own subject, so nothing is carried over to it.
SUBJECT_NOUNS = frozenset(
    match_key(w)
    for w in (
        "مصادر", "مصدر", "قوات", "قوة", "جنود", "جيش", "شرطة", "عناصر", "مسلحون", "مسلحين",
        "مستوطنون", "مستوطنين", "متظاهرون", "محتجون", "شهود", "وكالة", "وسائل", "مسؤول",
        "مسؤولون", "ناشطون", "سكان", "مواطنون", "أجهزة", "طائرات", "طائرة", "مقاتلات", "زوارق",
        "دبابات", "آليات", "جرافات", "وحدات", "فرق", "طواقم", "وزارة", "هيئة", "لجنة", "منظمة",
        "مجلس", "حكومة", "سلطات", "الأجهزة", "مجموعة", "مجهولون", "مسيرة", "صحيفة", "تقارير",
        "بيان", "المتحدث", "متحدث", "مراسل", "فصائل", "حركة", "نادي",
        "مدفعية", "طيران", "مسلحو", "مقاتلو", "ميليشيات", "مليشيات", "مروحيات", "بوارج", "سلاح",
        "مساعدات", "شحنة", "شحنات", "قافلة", "قوافل", "سفينة", "سفن",
        # a quantity of unnamed people ("وأشاد عدد من أبناء عدن"): a subject, so nothing is carried
        "عدد", "أبناء", "أهالي", "عشرات", "مئات", "آلاف", "بعض", "جموع", "حشود", "نشطاء", "مجهولون",
    )
)
PAIR_WORDS = frozenset(
    match_key(w)
    for w in (
        "الجانبان", "الجانبين", "الطرفان", "الطرفين", "البلدان", "البلدين", "الوزيران",
        "الوزيرين", "الرئيسان", "الرئيسين", "الزعيمان", "الزعيمين", "المسؤولان", "المسؤولين",
        "الملكان", "الملكين", "الأميران", "القائدان", "القائدين", "الوفدان", "الوفدين",
    )
)
_TITLES = frozenset(
    match_key(w)
    for w in (
        "الرئيس", "رئيس", "وزير", "وزيرة", "الوزير", "الوزيرة", "الخارجية", "الدفاع", "الداخلية",
        "الملك", "الملكة", "الأمير", "ولي", "العهد", "الشيخ", "السلطان", "أمير", "السفير", "سفير",
        "المتحدث", "الناطق", "المبعوث", "الأمين", "العام", "أمين", "نائب", "مساعد", "المستشار",
        "الحكومة", "حكومة", "الوزراء", "مجلس", "قائد", "الجيش", "الأركان", "الجمهورية", "العاهل",
        "جلالة", "سمو", "فخامة", "معالي", "السيد", "السيدة", "الدكتور", "اللواء", "العميد", "الفريق",
        "المشير", "العقيد", "الجنرال", "حاكم", "محافظ", "عمدة", "زعيم", "الزعيم", "نظيره", "نظيرته",
        "المرشد", "الأعلى", "البابا", "الحاخام", "المفوض", "المفوضة", "المنسق", "المدير", "مدير",
        "الخاص", "الأممي", "الأمريكي", "الأميركي", "المالية", "الاقتصاد", "التجارة", "الطاقة",
        "النفط", "الإعلام", "العدل", "الصحة", "التعليم", "التربية", "الزراعة", "النقل", "الأمن",
        "القومي", "الوطني", "وكيل", "الدولة", "لشؤون", "الشؤون", "الخارجي", "صاحب", "السمو",
        "الملكي", "فضيلة", "سماحة", "دولة", "خادم", "الحرمين", "الشريفين", "حضرة", "السفيرة",
        "سعادة", "السعادة", "جلالة", "الجلالة", "المهندس", "الأستاذ", "النائب", "القيادي",
        "الكاتب", "المساعد", "رئيسة", "عضو", "المنسقة",
        # "كبير مستشاري الرئيس للشؤون الأفريقية مسعد بولس", "إعلام مجلس القضاء": heads of a title
        "كبير", "كبيرة", "مستشار", "مستشاري", "مستشارة", "المستشارة", "للشؤون", "إعلام", "مكتب", "المكتب",
        # "الفريق الركن", "وزير الخارجية السابق": a rank's and a former holder's words
        "الركن", "ركن", "السابق", "السابقة", "الأسبق",
    )
)
# The arm of an actor that acts for it: "شنت طائرات التحالف", "قصفت المدفعية التركية",
# "يشن مسلحو المقاومة": the actor named after them is the subject
_FORCES = frozenset(
    match_key(w)
    for w in (
        "طائرات", "طائرة", "طيران", "مقاتلات", "مقاتلة", "مدفعية", "سلاح", "الجو", "البحرية", "مسلحو",
        "مسلحي", "مقاتلو", "فصائل", "ميليشيات", "مليشيات", "ميليشيا", "مليشيا", "قيادة", "أفراد",
        "حربية", "الحربي", "الحربية", "مروحيات", "زوارق", "بوارج", "قطع", "كتائب", "ألوية", "لواء",
    )
)
# "المئات من طلاب الجامعة", "عشرات الآلاف من أنصار الحركة": a crowd of an entity's people
_CROWDS = frozenset(
    match_key(w)
    for w in (
        "المئات", "مئات", "عشرات", "العشرات", "الآلاف", "آلاف", "ألف", "الألوف", "من", "حشود", "جموع", "طلاب",
        "أنصار", "أهالي", "سكان", "عمال", "أساتذة", "معلمي", "موظفي", "أعضاء", "ممثلي", "نشطاء",
        "ناشطي", "منتسبي", "مقاتلي", "عناصر", "جنود", "قوات", "وحدات",
        "بعض", "عدد", "أبناء", "جميع", "معظم", "غالبية",  # "وطالب بعض أعضاء أوبك": the group's people
    )
)
# men of an armed side, in the construct state: "مقاتلي الحوثي", "عناصر التنظيم"
_ARMED_MEN = frozenset(
    match_key(w) for w in ("مقاتلي", "مسلحي", "عناصر", "جنود", "قوات", "أفراد", "ميليشيات", "مليشيات", "مقاتلو", "مسلحو")
)
# bodies of an organisation or state that act for it ("اللجنة المركزية لحركة فتح")
_BODY_HEADS = frozenset(
    match_key(w)
    for w in ("لجنة", "مكتب", "قيادة", "هيئة", "مجلس", "أمانة", "الأمانة", "إدارة", "كتلة", "جناح", "وفد")
)
_DELEGATIONS = frozenset(match_key(w) for w in ("وفد", "ممثل", "ممثلين", "ممثلي", "ممثلو", "مندوب", "مندوبين", "أعضاء"))
# Heads of "a force of X" subject phrases
_GROUP_HEADS = frozenset(
    match_key(w)
    for w in ("قوة", "قوات", "دورية", "دوريات", "وحدة", "وحدات", "عناصر", "جنود", "مجموعة", "فرقة", "طائرة", "طائرات")
)
_COUNTERPARTS = frozenset(
    match_key(w)
    for w in ("نظيره", "نظيرها", "نظيرته", "نظيريه", "نظرائه", "نظراؤه", "نظرائها", "نظراؤها", "نظرائهم", "نظراؤهم", "نظرائنا", "نظراءه", "نظراءها")
)
_BUILDINGS = frozenset(match_key(w) for w in ("مقر", "أمام", "مبنى", "مكتب", "سفارة", "قرب"))
_OWNED_BY = tuple(match_key(w) for w in ("التابع", "التابعة", "التابعين", "التابعتين", "التابعان", "تابعة", "تابع", "تابعين"))
_OPENERS = frozenset(
    match_key(w) for w in ("و", "ف", "ثم", "كما", "بينما", "حيث", "فيما", "وكان", "وكانت", "كان", "كانت", "لكن", "ولكن")
)
# Descriptive heads before a group's name in a subject put first ("لكن المتمردين الحوثيين خرقوا")
_DESCRIPTORS = frozenset(
    match_key(w)
    for w in (
        "متمردين", "متمردون", "مسلحين", "مسلحون", "مسلحو", "مسلحي", "مقاتلين", "مقاتلون", "مقاتلو",
        "مقاتلي", "عناصر", "قوات", "ميليشيات", "مليشيات", "ميليشيا", "مليشيا", "جماعة", "انقلابيين",
        "طائرات", "طيران", "مدفعية", "جيش", "فصائل", "أجهزة",
    )
)
_COMPLEMENTIZERS = frozenset(
    match_key(w) for w in ("إن", "أن", "بأن", "لأن", "إذ", "حيث", "بينما", "فيما", "كما", "ثم")
)
# "أنهم", "بأنها": a complementizer with its subject pronoun
_PRONOUN_COMPS = frozenset(
    match_key(p + s) for p in ("إن", "أن", "بأن", "لأن") for s in ("ه", "ها", "هم", "هما", "هن")
)


# Nationality adjectives (masculine singular stems) → ISO 3166 alpha-3: "غارة إسرائيلية",
# "الضربات الأميركية" name their doer by its country when no entity is mentioned.
NATIONALITIES = {
    match_key(k): v
    for k, v in {
        "إسرائيلي": "ISR", "صهيوني": "ISR", "أمريكي": "USA", "أميركي": "USA", "بريطاني": "GBR",
        "روسي": "RUS", "إيراني": "IRN", "فرنسي": "FRA", "تركي": "TUR", "سوري": "SYR",
        "لبناني": "LBN", "مصري": "EGY", "سعودي": "SAU", "عراقي": "IRQ", "يمني": "YEM",
        "أردني": "JOR", "قطري": "QAT", "إماراتي": "ARE", "كويتي": "KWT", "فلسطيني": "PSE",
        "صيني": "CHN", "أوكراني": "UKR", "ألماني": "DEU", "باكستاني": "PAK", "أفغاني": "AFG",
        "ليبي": "LBY", "سوداني": "SDN", "تونسي": "TUN", "جزائري": "DZA", "مغربي": "MAR",
        "عماني": "OMN", "بحريني": "BHR", "هندي": "IND", "ياباني": "JPN", "إثيوبي": "ETH",
        "صومالي": "SOM", "أذربيجاني": "AZE", "أرميني": "ARM", "إيطالي": "ITA", "إسباني": "ESP",
    }.items()
}


# Broken plurals of nationality adjectives, used as people nouns ("مسؤولون روس", "الأتراك")
_BROKEN_PLURALS = {
    match_key(k): v
    for k, v in {
        "روس": "RUS", "أتراك": "TUR", "أمريكان": "USA", "أميركان": "USA", "إنجليز": "GBR",
        "إنكليز": "GBR", "ألمان": "DEU", "هنود": "IND", "أفغان": "AFG", "فرنسيس": "FRA",
    }.items()
}


def nationality(key: str) -> str | None:
    """The country of a nationality adjective in any gender, number or definiteness, or of
    its broken plural ("روس", "الأتراك")."""
    k = key[1:] if len(key) > 4 and key[0] in "وف" else key
    k = k[2:] if k.startswith("ال") else k
    hit = _BROKEN_PLURALS.get(k) or _BROKEN_PLURALS.get(k[1:] if k[:1] in "وفبل" and len(k) >= 4 else k)
    if hit:
        return hit
    for suf in ("يين", "يون", "يان", "يه", "ي"):
        if k.endswith(suf):
            c = NATIONALITIES.get(k[: -len(suf)] + "ي")
            if c:
                return c
    return None


@dataclass(frozen=True, slots=True)
class Ref:
    """One mention standing for an entity, reduced to what argument assignment needs."""

    start: int
    end: int
    entity: str
    type: str
    role: bool = False  # a title standing for the entity ("المساعد للاتحاد العام"), not its name


# God's names: a prayer or an honorific ("حفظه الله", "داعياً الله أن …") names no party to an event
DIVINE = frozenset(match_key(w) for w in ("الله", "الله عز وجل", "الله تعالى", "الرحمن"))


class Mentions:
    """The outermost name/role mentions of a document, sorted, with their entities."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.entities: dict[str, Entity] = {e.id: e for e in doc.entities}
        boiler = bool(doc.boilerplate)
        raw = [  # the fields of a Ref: only the kept ones are made
            (m.start, m.end, e.id, e.type, m.kind == "role")
            for e in doc.entities
            if match_key(e.canonical) not in DIVINE  # "سائلاً الله", "حفظه الله": never a party
            for m in e.mentions
            if m.kind in ("name", "role", "nominal") and m.end > m.start
            and not (boiler and doc.in_boilerplate(m.start, m.end))
        ]
        # longest first at each start; drop mentions nested in a kept one
        raw.sort(key=lambda r: (r[0], r[0] - r[1]))
        kept: list[Ref] = []
        end = -1
        for row in raw:
            if kept and row[0] < end:
                continue
            kept.append(Ref(*row))
            end = row[1]
        self.refs = kept
        self._starts = [r.start for r in kept]
        self._preps: dict[tuple[int, int], str | None] = {}  # (mention start, floor) → preposition
        # mention texts (article aside) that name one entity only: "المستوطنين" → settlers
        keys: dict[str, tuple[str, str] | None] = {}

        def put(k: str, val: tuple[str, str]) -> None:
            keys[k] = val if keys.get(k, val) == val else None

        for r in kept:
            k = _definite_free(match_key(doc.text[r.start:r.end]))
            if len(k) < 4 or k in _TITLES:
                continue
            e = self.entities[r.entity]
            put(k, (r.entity, r.type))
            if e.type in ("NORP", "ORG") and k.endswith(("ين", "ون")):
                put(k[:-2] + ("ون" if k.endswith("ين") else "ين"), (r.entity, r.type))  # مستوطنين / مستوطنون
            words = k.split()
            if e.type == "ORG" and len(words) > 1 and words[0] in _ORG_HEADS and r.end - r.start > 0:
                put("ال" + words[0], (r.entity, r.type))  # "حزب الله" … "الحزب"
        self.by_key = {k: v for k, v in keys.items() if v is not None}
        if self.by_key:
            self.refs = self._with_repeats(kept)
        self._starts = [r.start for r in self.refs]

    def _with_repeats(self, kept: list[Ref]) -> list[Ref]:
        """Add unmarked one-word repeats of a named entity ("للجماعة", "الحزب", "مستوطنين")."""
        text = self.doc.text
        extra: list[Ref] = []
        starts = [r.start for r in kept]
        tails = {k.removeprefix("ال")[-3:] for k in self.by_key}
        for m in _W4.finditer(text):  # the words of four letters or more
            w = m.group()
            if word_key(w[-3:]) not in tails:
                continue  # most words end unlike any name: skip them cheaply
            a, b = m.start(), m.end()
            i = bisect.bisect_right(starts, a) - 1
            if i >= 0 and kept[i].start <= a < kept[i].end:
                continue
            key = match_key(m.group())
            for cut, form in _unclitic(key):
                hit = self.by_key.get(form if form.startswith("ال") and form in self.by_key else _definite_free(form))
                if hit is None or (not form.startswith("ال") and form not in self.by_key):
                    continue
                if self.doc.in_boilerplate(a, b):
                    break
                extra.append(Ref(a + cut, b, hit[0], hit[1]))
                break
        if not extra:
            return kept
        return sorted(kept + extra, key=lambda r: r.start)

    def prep(self, start: int, floor: int) -> str | None:
        """:func:`prep_of` a mention starting at ``start``, read once per document: the
        argument rules ask it of the same mentions many times."""
        key = (start, floor)
        hit = self._preps.get(key, _UNSEEN)
        if hit is _UNSEEN:
            hit = self._preps[key] = _prep_at(self.doc.text, start, floor)
        return hit  # type: ignore[return-value]

    def between(self, a: int, b: int) -> list[Ref]:
        i = bisect.bisect_left(self._starts, a)
        out = []
        while i < len(self.refs) and self.refs[i].start < b:
            out.append(self.refs[i])
            i += 1
        return out

    def last_before(self, pos: int, floor: int) -> Ref | None:
        i = bisect.bisect_right(self._starts, pos) - 1
        while i >= 0 and self.refs[i].start >= floor:
            if self.refs[i].end <= pos:
                return self.refs[i]
            i -= 1
        return None

    def country_actor(self, country: str | None) -> Entity | None:
        """The entity that best stands for a country's side: the country itself, else any
        organisation or group of that country mentioned in the document."""
        found = self.country_entity(country)
        if found is not None or not country:
            return found
        for e in self.entities.values():
            if e.country == country and e.mentions and (e.type in ("ORG", "NORP") or e.actor == country):
                if e.actor and e.actor != country and e.actor[3:6] not in _STATE_ROLES:
                    continue  # "المدفعية التركية" is Turkey's, not the PKK's (TURREB)
                return e  # a city is no actor: "القضية الفلسطينية" is not Rafah
        return None

    def country_entity(self, country: str | None) -> Entity | None:
        """The entity standing for a whole country (its actor code is the country code)."""
        if not country:
            return None
        for e in self.entities.values():
            if e.type == "GPE" and e.country == country and e.actor == country:
                return e
        return None


_ORG_HEADS = frozenset(
    match_key(w)
    for w in (
        "حزب", "حركة", "جماعة", "وزارة", "منظمة", "هيئة", "جمعية", "اتحاد", "لجنة", "جامعة", "رابطة",
        "نقابة", "جبهة", "تنظيم", "ائتلاف", "تحالف", "مجلس", "وكالة", "شركة",
    )
)


# CAMEO role codes of a country's state actors: a nationality adjective stands for these only
_STATE_ROLES = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "ELI", "PTY"})


def _unclitic(key: str) -> list[tuple[int, str]]:
    """(characters cut, rest) for the proclitic readings of a word: و/ف, then ب/ل/ك; "للـ" is
    ل + the article."""
    out = [(0, key)]
    for n in (1, 2):
        pre, rest = key[:n], key[n:]
        if len(rest) < 3 or any(c not in "وفبلك" for c in pre) or (n == 2 and pre[0] not in "وف"):
            continue
        out.append((n, rest))
    for cut, rest in list(out):
        if rest.startswith("لل") and len(rest) > 4:
            out.append((cut + 1, "ال" + rest[2:]))
    return out


def _definite_free(key: str) -> str:
    return key[2:] if key.startswith("ال") and len(key) > 4 else key


def _keys(text: str) -> list[str]:
    return [word_key(w) for w in _W.findall(text)]


def fillers_only(text: str, titles: bool = False) -> bool:
    """True when ``text`` holds only punctuation and adverb-like fillers (and, with
    ``titles``, the titles that precede a name: "الرئيس"، "وزير الخارجية السعودي")."""
    for w in _W.findall(text):  # stops at the first word that is no filler
        k = word_key(w)
        if k in _FILLERS or k.isdigit():
            continue
        if titles and (
            k in _TITLES or _bare(k) in _TITLES or nationality(k) or k in _CROWDS or _definite_free(_bare(k)) in _FORCES
        ):
            continue
        return False
    return True


def _bare(key: str) -> str:
    if key in WAW_WORDS:
        return key
    return key[1:] if len(key) > 2 and key[0] in "وف" else key


_UNSEEN = object()


def prep_of(doc: Document, r: Ref, floor: int) -> str | None:
    """The preposition governing a mention: a proclitic (ب ل ك) or the word(s) before it."""
    return _prep_at(doc.text, r.start, floor)


def word_start(text: str, start: int, floor: int) -> int:
    """Where the written word holding offset ``start`` begins: a mention starts after the
    proclitics its word carries ("لـX", "وبمدينة X"), which stand between the two."""
    ws = start
    while ws > floor and not text[ws - 1].isspace() and text[ws - 1] not in '"«“(،,':
        ws -= 1
    return ws


def _prep_at(text: str, start: int, floor: int) -> str | None:
    """:func:`prep_of` for a mention that starts at ``start``."""
    ws = word_start(text, start, floor)
    pro = match_key(text[ws:start])
    if pro[:1] in ("و", "ف"):
        pro = pro[1:]
    if pro in ("ب", "ل", "ك", "لل", "بال", "لل"):
        if pro[0] == "ل":
            prev = _W.findall(text, max(floor, ws - 14), ws)
            if prev and _bare(word_key(prev[-1])) in _ATTRIBUTION:
                return "وفق"  # "وفقاً لوزارة الصحة": who reports it, not whom it concerns
        return pro[0]
    if pro:
        return pro
    words = _W.findall(text, max(floor, start - 60), ws)  # the words before it, read from the end
    n = len(words)
    if not n:
        return None
    while n > 1 and ((k := _bare(word_key(words[n - 1]))) in _TITLES or nationality(k) or k in PAIR_WORDS):
        n -= 1  # من الرئيس الفرنسي ماكرون, بين الرئيسين المصري …: the preposition is before the title
    before = [_bare(word_key(w)) for w in words[max(0, n - 3):n]]  # the last three that count
    last = before[-1]
    if n < len(words) and len(last) > 3 and last[0] in "بل" and (
        last[1:] in _TITLES or (last.startswith("لل") and "ال" + last[2:] in _TITLES)
    ):
        return last[0]  # "لسمو الشيخ طحنون", "للرئيس الفرنسي ماكرون": the clitic sits on the title
    if last in _PLACE_NOUNS and len(before) > 1:
        last = _bare(before[-2]) if before[-2] not in _PLACE_NOUNS else (
            _bare(before[-3]) if len(before) > 2 else last
        )
        if last.startswith("ب") and len(last) > 2 and last[1:] in _PLACE_NOUNS:
            return "في"
    if last in ("يد", "ايدي") and len(before) > 1 and before[-2] in ("علي",):
        return AGENT
    if last == "قبل" and len(before) > 1 and before[-2] == "من":
        return AGENT
    if last[:1] == "ب" and last[1:].removeprefix("ال") in _AGENT_NOUNS:
        return AGENT
    if last.removeprefix("ال") in _AGENT_NOUNS and len(before) > 1 and _bare(before[-2]) in _CAUSES:
        return AGENT
    if last in _PREPS:
        return last
    if last.startswith("ب") and last[1:] in _PLACE_NOUNS:
        return "في"
    return None


@dataclass
class Discourse:
    """What the text has established so far: the last named subject, and the other party."""

    subject: str | None = None
    other: str | None = None
    pair: tuple[str, str] | None = None  # the two parties of the last meeting or call

    def update(self, subject: str | None, other: str | None = None) -> None:
        if subject and subject != self.subject:
            self.other = self.subject if other is None else other
            self.subject = subject
        elif other and other != self.subject:
            self.other = other


@dataclass(frozen=True, slots=True)
class Slots:
    source: Ref | None = None
    target: Ref | None = None
    explicit: bool = False  # the source was read in the sentence (not carried)
    symmetric: bool = False


class ArgumentFinder:
    """Argument lookups within one sentence of a document."""

    def __init__(self, doc: Document, mentions: Mentions, start: int, end: int) -> None:
        self.doc, self.m, self.start, self.end = doc, mentions, start, end
        self.refs = mentions.between(start, end)

    def prep(self, r: Ref) -> str | None:
        return self.m.prep(r.start, self.start)

    def subject_after(self, pos: int, limit: int) -> Ref | None:
        for r in self.refs:
            if r.start < pos:
                continue
            if r.start >= limit or r.type not in ACTOR_TYPES:
                return None
            gap = self.doc.text[pos:r.start]
            if self._governed(r):
                return None  # "كبير مستشاري الرئيس": the name is whose adviser; the adviser is the subject
            # "نفذت طائرات تابعة للقوات المسلحة", "وعقدت اللجنة التنفيذية لحركة فتح": the unit or
            # body acts for its owner
            unit = self._unit_gap(gap) or self._body_gap(gap)
            if ":" in gap or not (unit or fillers_only(gap, titles=True)):
                return None
            p = self.m.prep(r.start, pos)  # only words after the verb: "وعبر X" is no "via X"
            if p is not None and not (p == "من" and self._crowd_before(r)) and not (p == "ل" and unit):
                return None
            if self._oblique_plural(r) and not gap.strip():
                return None  # "واتهم المتمردين بمواصلة عملياتهم": an -ين plural is no subject
            return self.holder(r)
        return None

    @staticmethod
    def _unit_gap(gap: str) -> bool:
        """The words between a verb and X are a unit owned by X ("طائرات تابعة لـ", "وحدات
        التابعة لـ"): the unit acts for its owner."""
        words = [_definite_free(_bare(k)) for k in _keys(gap)]
        if words and words[-1] == "ل":
            words.pop()  # the mention starts after the ل of "لسلاح الجو"
        return (
            len(words) >= 2 and words[-1].startswith(_OWNED_BY) and not re.search(r"[:«»\"“”]", gap)
            and all(w in _FORCES or w in _GROUP_HEADS or w in _FILLERS for w in words[:-1])
        )

    @staticmethod
    def _body_gap(gap: str) -> bool:
        """The words between a verb and "لـX" are a body of X and its adjectives ("اللجنة
        التنفيذية لـ", "المكتب السياسي لـ"): the body acts for X."""
        if re.search(r"[^\w\s\u064b-\u065f\u0670]", gap):
            return False
        words = [_bare(k) for k in _keys(gap)]
        if not words or words[-1] != "ل":
            return False
        words.pop()
        return (
            1 <= len(words) <= 3 and words[0].startswith("ال") and _definite_free(words[0]) in _BODY_HEADS
            and all(w.startswith("ال") and _definite_free(w) not in _TITLES for w in words[1:])
        )

    def _oblique_plural(self, r: Ref) -> bool:
        """A one-word group name in the oblique case (المتمردين، الحوثيين، المستوطنين): the
        object or a genitive, never the subject of the verb before it."""
        words = _keys(self.doc.text[r.start:r.end])
        return (
            r.type in ("ORG", "NORP") and len(words) == 1 and words[0].startswith("ال")
            and words[0].endswith("ين") and len(words[0]) > 6
        )

    def holder(self, r: Ref) -> Ref:
        """The person a title belongs to when the recognizer split them: "الكاتب العام المساعد
        للاتحاد العام التونسي [role] للشغل سامي الطاهري [name]" is Tahri. Only a role followed,
        within three words that neither coordinate nor open a preposition, by a person's name."""
        if not r.role or r.type != "PER":
            return r
        for q in self.refs:
            if q.start < r.end:
                continue
            gap = self.doc.text[r.end:q.start]
            keys = _keys(gap)
            if (
                q.type == "PER" and not q.role and len(keys) <= 3 and not re.search(r"[:«»\"“”،,.]", gap)
                and not any(k[:1] == "و" and k not in WAW_WORDS or _bare(k) in _PREPS or k in _COMPLEMENTIZERS for k in keys)
                and self.prep(q) is None
            ):
                return q if q.entity != r.entity else r
            break
        return r

    def title_subject(self, pos: int, limit: int, stop=None) -> Ref | None:  # noqa: ANN001
        """A subject behind a long title the recognizer did not cover as one role ("وكيل وزارة
        الخزانة لشؤون الإرهاب … بريان نيلسون", "نائب الأمين العام لحزب الله الشيخ نعيم قاسم"):
        the words after the verb open with a title and reach a person within a dozen words,
        crossing no complementizer, colon, quotation mark or event word (``stop(key)``)."""
        words = list(itertools.islice(_W.finditer(self.doc.text, pos, limit), 14))
        lead = next((w for w in words if _bare(word_key(w.group())) not in _FILLERS), None)
        if lead is None or _bare(word_key(lead.group())) not in _TITLES:
            return None
        end = words[-1].end() if words else pos
        for r in self.refs:
            if r.start < pos:
                continue
            if r.start >= end or r.start >= limit:
                return None
            gap = self.doc.text[pos:r.start]
            if re.search(r"[:«»\"“”]", gap):
                return None
            keys = _keys(gap)
            if any(k in _COMPLEMENTIZERS for k in keys) or (stop is not None and any(stop(k) for k in keys)):
                return None
            if r.type == "PER" and self.prep(r) in (None, "ب") and not self._governed(r):
                return r
        return None

    def _governed(self, r: Ref) -> bool:
        """The mention is the genitive of an adviser title ("مستشاري الرئيس الأمريكي")."""
        words = _keys(self.doc.text[max(self.start, r.start - 16):r.start])
        return bool(words) and _bare(words[-1]) in _ADVISERS

    def _crowd_before(self, r: Ref) -> bool:
        """"عشرات الآلاف من اليمنيين", "المئات من طلاب الجامعة": a crowd of the entity's people."""
        words = _keys(self.doc.text[max(self.start, r.start - 40):r.start])
        words = [_bare(w) for w in words]
        while words and words[-1] in ("من",):
            words.pop()
        return bool(words) and words[-1] in _CROWDS

    def _delegation_before(self, r: Ref) -> bool:
        words = [_bare(w) for w in _keys(self.doc.text[max(self.start, r.start - 30):r.start])]
        return len(words) >= 2 and words[-2].removeprefix("ال").rstrip("ا") in _DELEGATIONS

    def group_subject(self, pos: int, floor: int) -> Ref | None:
        """A subject phrase "قوة (كبيرة) من X (…)" right before a verb, after a complementizer or
        at the clause start ("بأن قوة كبيرة من جيش الاحتلال معززة بالجرافات اقتحمت"): X."""
        floor = max(floor, self.start)
        lead = self.doc.text[floor:pos]
        folded = match_key(lead)  # holds the key of each of its words (the key is letter by letter)
        if not any(h in folded for h in _GROUP_HEADS):
            return None
        words = list(_W.finditer(lead))
        for i, w in enumerate(words):
            k = _bare(match_key(w.group()))
            if k.removeprefix("ال") not in _GROUP_HEADS:
                continue
            if i and _bare(match_key(words[i - 1].group())) not in _COMPLEMENTIZERS | _OPENERS | {"ان", "بان"}:
                continue
            tail = words[i + 1:]
            j = next((n for n, t in enumerate(tail[:4]) if match_key(t.group()) in ("من", "التابعه", "التابعين", "التابع")), None)
            if j is None:
                continue
            a = floor + tail[j].end()
            if match_key(tail[j].group()) != "من":
                a = floor + tail[j].end()  # "القوات البحرية التابعة للجماعة": the mention keeps its ل outside
            for r in self.refs:
                if r.start < a or r.start >= pos:
                    continue
                if r.type in ACTOR_TYPES and set(_keys(self.doc.text[a:r.start])) <= {"ل"} and len(_keys(self.doc.text[r.end:pos])) <= 5:
                    return r
                break
        return None

    def subject_before(self, pos: int, floor: int) -> Ref | None:
        """A subject put before its verb; it must open its clause ("وكان أحمديان، قد وصل",
        "قالت الوزارة إن الجيش قتل", a headline), so that a coordinated object is not taken."""
        floor = max(floor, self.start)
        r = self.m.last_before(pos, floor)
        if r is None or r.type not in ACTOR_TYPES:
            return None
        gap = self.doc.text[r.end:pos]
        if ":" in gap or not fillers_only(gap) or self.prep(r) is not None:
            return None
        first = r
        for q in reversed([x for x in self.refs if x.end <= r.start and x.start >= floor]):
            if _PUNCT_ONLY.match(self.doc.text[q.end:first.start]):
                first = q  # walk back over appositions to the start of the subject phrase
            else:
                break
        return r if self._opens_clause(first, floor) else None

    def co_subject_before(self, pos: int, floor: int) -> tuple[Ref, Ref] | None:
        """A joint subject put before its verb ("أن قطر وروسيا تتفقان على …"): the two parties
        "X وY", opening their clause, with only fillers before the verb."""
        floor = max(floor, self.start)
        r = self.m.last_before(pos, floor)
        if r is None or r.type not in ACTOR_TYPES or ":" in self.doc.text[r.end:pos] or not fillers_only(self.doc.text[r.end:pos]):
            return None
        q = self.m.last_before(r.start, floor)
        if q is None or q.type not in ACTOR_TYPES or q.entity == r.entity:
            return None
        if re.sub(r"\s", "", self.doc.text[q.end:r.start]) != "و" or self.prep(q) is not None:
            return None
        return (q, r) if self._opens_clause(q, floor) else None

    def _opens_clause(self, first: Ref, floor: int) -> bool:
        """Only a complementizer, a connective or the clause start (after a comma) before the
        subject phrase that starts with ``first`` (its titles aside)."""
        seg = self.doc.text[floor:first.start]
        cut = max(seg.rfind("،"), seg.rfind(","), seg.rfind("؛"))
        lead = _keys(seg[cut + 1:] if cut >= 0 else seg)  # "…، لكن المتمردين الحوثيين خرقوا": after the comma
        while lead and (
            _bare(lead[-1]) in _TITLES or nationality(lead[-1]) or _definite_free(_bare(lead[-1])) in _DESCRIPTORS
        ):
            lead.pop()  # "وكان وزير التربية محمد علي البوغديري قد التقى": the title opens the subject
        while lead and (lead[-1] in _OPENERS or lead[-1] in _FILLERS):
            lead.pop()
        return not lead or _bare(lead[-1]) in _COMPLEMENTIZERS

    def chain(self, first: Ref) -> tuple[int, Ref | None]:
        """Where a subject phrase ends (appositions included), and a coordinated co-subject."""
        end, co = first.end, None
        for r in self.refs:
            if r.start < end:
                continue
            gap = self.doc.text[end:r.start]
            g = re.sub(r"[\s،,\"«»“”()\-–—]", "", gap)
            titled = bool(_keys(self.doc.text[r.start:r.end])) and _keys(self.doc.text[r.start:r.end])[0] in _TITLES
            if g == "" and (r.entity == first.entity or gap.strip() or (titled and r.type == first.type)):
                end = r.end  # an apposition: the same entity, set off by a comma, or a title after a name
            elif g == "و":
                if co is None and r.entity != first.entity:
                    co = r
                end = r.end
            else:
                break
        return end, co

    def between_pair(self, a: int, b: int) -> tuple[Ref, Ref] | None:
        refs = [r for r in self.refs if a <= r.start < b]
        for i, r in enumerate(refs):
            if self.prep(r) == "بين":
                if r.type in PLACE_TYPES and self._place_noun_before(r):
                    continue  # "الطريق الرابط بين مدينتي أجدابيا وطبرق": two places, no parties
                for r2 in refs[i + 1:]:
                    gap = re.sub(r"[\s،,\"«»“”]", "", self.doc.text[r.end:r2.start])
                    if (gap == "و" or self._titled_and(r.end, r2.start)) and r2.entity != r.entity:
                        return r, r2
                    if gap:
                        break
        return None

    def _place_noun_before(self, r: Ref) -> bool:
        words = _keys(self.doc.text[max(self.start, r.start - 20):r.start])
        return bool(words) and _bare(words[-1]) in _PLACE_NOUNS

    def _titled_and(self, a: int, b: int) -> bool:
        """"… السيسي والروسي فلاديمير بوتين": و, then only a nationality or titles before the
        second name (a coordinated second party named with its title)."""
        gap = self.doc.text[a:b]
        keys = _keys(gap)
        if not keys or not keys[0].startswith("و") or keys[0] in WAW_WORDS or re.search(r"[:«»\"“”.]", gap):
            return False
        rest = [keys[0][1:]] + keys[1:]
        return all(k in _TITLES or nationality(k) or _definite_free(k) in _TITLES for k in rest if k)

    def agent(self, a: int, b: int) -> Ref | None:
        """The doer named by "على يد", "من قبل", "برصاص" after ``a``; not past a complementizer
        ("شاركت في الهجمات، أنهم تدربوا على أيدي الحرس الثوري": another proposition's agent)."""
        for r in self.refs:
            if a <= r.start < b and self.prep(r) == AGENT:
                if any(k in _COMPLEMENTIZERS or k in _PRONOUN_COMPS for k in (_bare(w) for w in _keys(self.doc.text[a:r.start]))):
                    return None
                return r
        return None

    def next_word(self, pos: int) -> str:
        """The match key of the first word after ``pos`` (proclitic و/ف and article kept)."""
        m = _W.search(self.doc.text, pos, self.end)
        return match_key(m.group()) if m else ""

    def word_limit(self, a: int, words: int) -> int:
        """The offset ``words`` words after ``a`` (a target is looked for that close)."""
        for n, m in enumerate(_W.finditer(self.doc.text, a, self.end), 1):
            if n >= words:
                return m.end()
        return self.end

    def target_after(
        self, a: int, b: int, exclude: set[str], *, places: bool = True, words: int = 8,
        counted_from: int | None = None, partitive: bool = False,
    ) -> Ref | None:
        b = min(b, self.word_limit(max(a, counted_from or a), words))
        skipped: Ref | None = None
        for r in self.refs:
            if not (a <= r.start < b) or r.entity in exclude:
                continue
            if skipped is not None and r.entity == skipped.entity and _PUNCT_ONLY.match(self.doc.text[skipped.end:r.start]):
                skipped = r  # "بحضور الأمير الحسين، ولي العهد": the apposition is skipped too
                continue
            skipped = r
            p = self.prep(r)
            if partitive and p == "من":
                return r  # قتل ثلاثة عناصر من حزب الله
            if p in ("عن", "من") and self._delegation_before(r):
                return r  # التقى وفداً عن الجامعة: the delegation stands for X
            if p == "في" and self._counterparts_of(r):
                return r  # "اجتماع مع نظرائه في مجلس التعاون": the counterparts' body
            if p == "في" or p == AGENT or p in _NOT_TARGET:
                continue
            if p == "ب" and r.type in PLACE_TYPES:
                continue  # بالقاهرة: where, not whom
            if not places and r.type in PLACE_TYPES:
                continue
            return self.owner(r)
        return None

    def _counterparts_of(self, r: Ref) -> bool:
        """"نظرائه في مجلس التعاون الخليجي", "ونظراؤه في الاتحاد الأوروبي": the mention after في
        names whose counterparts they are."""
        words = [_bare(k) for k in _keys(self.doc.text[max(self.start, r.start - 30):r.start])]
        return len(words) >= 2 and words[-1] == "في" and words[-2] in _COUNTERPARTS

    def owner(self, r: Ref) -> Ref:
        """The owner of a targeted site: "ثكنة برانيت التابعة لجيش الاحتلال" targets the army
        (also after a second site: "موقع المالكية ومقر … التابعين لـ")."""
        if r.type in ACTOR_TYPES - {"GPE"}:
            return r
        words = list(_W.finditer(self.doc.text, r.end, self.end))[:3]
        for n, w in enumerate(words):
            if match_key(w.group()).startswith(_OWNED_BY):
                for q in self.refs:
                    if q.start >= w.end() and q.type in ACTOR_TYPES and q.entity != r.entity:
                        if self.prep(q) == "ل" and set(_keys(self.doc.text[w.end():q.start])) <= {"ل"}:
                            return q
                        break
                break
            if n >= 1:
                break
        return r

    def genitive_after(self, pos: int, limit: int) -> Ref | None:
        """A mention right after a noun (its possessor: زيارة الرئيس, جرائم الاحتلال), or an
        unmarked word naming an entity the document names elsewhere ("اعتداء مستوطنين")."""
        for r in self.refs:
            if r.start < pos:
                continue
            if r.start >= limit:
                break
            gap = self.doc.text[pos:r.start]
            if (_PUNCT_ONLY.match(gap) or self._force_gap(gap)) and self.prep(r) is None:
                return r
            if gap.strip():
                # "زيارة رئيس الوكالة يوكيا أمانو": a title the recognizer left unmarked, then its holder
                held = self.title_subject(pos, min(limit, self.word_limit(pos, 8)))
                if held is not None:
                    return held
            break
        return self.word_ref(pos, limit)

    @staticmethod
    def _force_gap(gap: str) -> bool:
        """One or two words naming an armed arm of what follows ("انسحاب مقاتلي الحوثي",
        "هجوم مسلحي التنظيم", "قصف طائرات التحالف"): the genitive after them owns the act."""
        if re.search(r"[^\w\s\u064b-\u065f\u0670]", gap):
            return False
        keys = [_definite_free(_bare(k)) for k in _keys(gap)]
        return 1 <= len(keys) <= 2 and all(k in _FORCES or k in _GROUP_HEADS or k in _ARMED_MEN for k in keys)

    def word_ref(self, pos: int, limit: int) -> Ref | None:
        """The next word (one to three words) when it is, article aside, the text of a mention
        made elsewhere in the document: a repeated generic name the recognizer left unmarked."""
        m = _W.search(self.doc.text, pos, limit)
        if m is None or not _PUNCT_ONLY.match(self.doc.text[pos:m.start()]):
            return None
        if any(r.start <= m.start() < r.end for r in self.refs):
            return None
        words = [m]
        while len(words) < 3:
            nxt = _W.search(self.doc.text, words[-1].end(), limit)
            if nxt is None or self.doc.text[words[-1].end():nxt.start()].strip():
                break
            words.append(nxt)
        for n in range(len(words), 0, -1):
            key = _definite_free(match_key(self.doc.text[words[0].start():words[n - 1].end()]))
            hit = self.m.by_key.get(key)
            if hit is not None:
                return Ref(words[0].start(), words[n - 1].end(), hit[0], hit[1])
        return None

    def place_after(self, a: int, b: int, preps: tuple[str, ...] = ("في", "ب")) -> Ref | None:
        for r in self.refs:
            if a <= r.start < b and r.type in PLACE_TYPES and self.prep(r) in preps and not self._org_seat(r):
                return r
        return None

    def _org_seat(self, r: Ref) -> bool:
        """"وزارة الخارجية في المملكة العربية السعودية": the place says whose ministry it is,
        not where the event happened (an organisation head up to three words before في)."""
        words = [_bare(k) for k in _keys(self.doc.text[max(self.start, r.start - 50):r.start])]
        if not words or words[-1] != "في":
            return False
        near = words[-5:-1]
        if any(w in _BUILDINGS for w in near):
            return False  # "أمام مقر وزارة الدفاع في تل أبيب": the building is where it happened
        return any(w.removeprefix("ال") in _ORG_HEADS for w in near[-3:])
