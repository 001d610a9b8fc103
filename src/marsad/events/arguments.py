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
import re
from dataclasses import dataclass

from marsad.document import Document, Entity
from marsad.normalize import match_key

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
ACTOR_TYPES = frozenset({"PER", "ORG", "GPE", "NORP"})

_W = re.compile(r"[\w\u064b-\u065f\u0670]+")
_PUNCT_ONLY = re.compile(r"^[\s،,\"«»“”()\[\]\-–—:؛;]*$")

# Words that may stand between a verb and its subject, or a subject and its verb.
_FILLERS = frozenset(
    match_key(w)
    for w in (
        "قد", "كان", "كانت", "اليوم", "امس", "أمس", "مساء", "صباح", "فجر", "ظهر", "عصر", "ليل",
        "ليلة", "يوم", "الليلة", "الماضي", "الماضية", "أيضا", "كذلك", "بدوره", "بدورها",
        "السبت", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة",
        "يوم", "الأول", "أول", "الجاري", "الحالي", "رسميا", "مجددا", "مرة", "أخرى",
    )
)
# Prepositions that introduce something other than a target.
_NOT_TARGET = frozenset(
    match_key(w)
    for w in (
        "من", "عن", "حول", "بشأن", "خلال", "لدى", "منذ", "عبر", "حسب", "وفق", "وفقا", "بعد",
        "قبل", "إثر", "اثر", "عقب", "أعقاب", "باسم", "بحضور", "بمشاركة", "بدعوة", "نيابة",
        "مثل", "منها", "بينها", "لصالح", "جانب", "جانبه", "جهته", "بدوره",
    )
)
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
_AGENT_NOUNS = frozenset(
    match_key(w) for w in ("رصاص", "نيران", "نار", "قصف", "غارة", "غارات", "قوات", "أيدي")
)
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
    )
)
# "المئات من طلاب الجامعة", "عشرات الآلاف من أنصار الحركة": a crowd of an entity's people
_CROWDS = frozenset(
    match_key(w)
    for w in (
        "المئات", "مئات", "عشرات", "الآلاف", "آلاف", "ألف", "الألوف", "من", "حشود", "جموع", "طلاب",
        "أنصار", "أهالي", "سكان", "عمال", "أساتذة", "معلمي", "موظفي", "أعضاء", "ممثلي", "نشطاء",
        "ناشطي", "منتسبي", "مقاتلي", "عناصر", "جنود", "قوات", "وحدات",
    )
)
_OPENERS = frozenset(match_key(w) for w in ("و", "ف", "ثم", "كما", "بينما", "حيث", "فيما", "وكان", "وكانت", "كان", "كانت"))
_COMPLEMENTIZERS = frozenset(
    match_key(w) for w in ("إن", "أن", "بأن", "لأن", "إذ", "حيث", "بينما", "فيما", "كما", "ثم")
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


def nationality(key: str) -> str | None:
    """The country of a nationality adjective in any gender, number or definiteness."""
    k = key[1:] if len(key) > 4 and key[0] in "وف" else key
    k = k[2:] if k.startswith("ال") else k
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


class Mentions:
    """The outermost name/role mentions of a document, sorted, with their entities."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.entities: dict[str, Entity] = {e.id: e for e in doc.entities}
        raw = [
            Ref(m.start, m.end, e.id, e.type)
            for e in doc.entities
            for m in e.mentions
            if m.kind in ("name", "role", "nominal") and m.end > m.start
            and not doc.in_boilerplate(m.start, m.end)
        ]
        # longest first at each start; drop mentions nested in a kept one
        raw.sort(key=lambda r: (r.start, -(r.end - r.start)))
        kept: list[Ref] = []
        for r in raw:
            if kept and r.start < kept[-1].end:
                continue
            kept.append(r)
        self.refs = kept
        self._starts = [r.start for r in kept]

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
            if e.country == country and e.type in ("ORG", "GPE", "NORP") and e.mentions:
                return e
        return None

    def country_entity(self, country: str | None) -> Entity | None:
        """The entity standing for a whole country (its actor code is the country code)."""
        if not country:
            return None
        for e in self.entities.values():
            if e.type == "GPE" and e.country == country and e.actor == country:
                return e
        return None


def _keys(text: str) -> list[str]:
    return [match_key(w) for w in _W.findall(text)]


def fillers_only(text: str, titles: bool = False) -> bool:
    """True when ``text`` holds only punctuation and adverb-like fillers (and, with
    ``titles``, the titles that precede a name: "الرئيس"، "وزير الخارجية السعودي")."""
    for k in _keys(text):
        if k in _FILLERS or k.isdigit():
            continue
        if titles and (k in _TITLES or _bare(k) in _TITLES or nationality(k) or k in _CROWDS):
            continue
        return False
    return True


def _bare(key: str) -> str:
    return key[1:] if len(key) > 2 and key[0] in "وف" else key


def prep_of(doc: Document, r: Ref, floor: int) -> str | None:
    """The preposition governing a mention: a proclitic (ب ل ك) or the word(s) before it."""
    text = doc.text
    ws = r.start
    while ws > floor and not text[ws - 1].isspace() and text[ws - 1] not in '"«“(،,':
        ws -= 1
    pro = match_key(text[ws:r.start])
    if pro[:1] in ("و", "ف"):
        pro = pro[1:]
    if pro in ("ب", "ل", "ك", "لل", "بال", "لل"):
        return pro[0]
    if pro:
        return pro
    before = [_bare(k) for k in _keys(text[max(floor, r.start - 60):ws])]
    while len(before) > 1 and (before[-1] in _TITLES or nationality(before[-1])):
        before.pop()  # من الرئيس الفرنسي ماكرون: the preposition is before the title
    if not before:
        return None
    last = before[-1]
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
        return prep_of(self.doc, r, self.start)

    def subject_after(self, pos: int, limit: int) -> Ref | None:
        for r in self.refs:
            if r.start < pos:
                continue
            if r.start >= limit or r.type not in ACTOR_TYPES:
                return None
            gap = self.doc.text[pos:r.start]
            if ":" in gap or not fillers_only(gap, titles=True) or self.prep(r) is not None:
                return None
            return r
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
        lead = _keys(self.doc.text[floor:first.start])
        while lead and (lead[-1] in _OPENERS or lead[-1] in _FILLERS):
            lead.pop()
        if lead and _bare(lead[-1]) not in _COMPLEMENTIZERS:
            return None
        return r

    def chain(self, first: Ref) -> tuple[int, Ref | None]:
        """Where a subject phrase ends (appositions included), and a coordinated co-subject."""
        end, co = first.end, None
        for r in self.refs:
            if r.start < end:
                continue
            gap = self.doc.text[end:r.start]
            g = re.sub(r"[\s،,\"«»“”()]", "", gap)
            if g == "" and (r.entity == first.entity or gap.strip()):
                end = r.end  # an apposition: the same entity, or set off by a comma or quotes
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
                for r2 in refs[i + 1:]:
                    gap = re.sub(r"[\s،,\"«»“”]", "", self.doc.text[r.end:r2.start])
                    if gap == "و" and r2.entity != r.entity:
                        return r, r2
                    if gap:
                        break
        return None

    def agent(self, a: int, b: int) -> Ref | None:
        for r in self.refs:
            if a <= r.start < b and self.prep(r) == AGENT:
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
        for r in self.refs:
            if not (a <= r.start < b) or r.entity in exclude:
                continue
            p = self.prep(r)
            if partitive and p == "من":
                return r  # قتل ثلاثة عناصر من حزب الله
            if p == "في" or p == AGENT or p in _NOT_TARGET:
                continue
            if p == "ب" and r.type in PLACE_TYPES:
                continue  # بالقاهرة: where, not whom
            if not places and r.type in PLACE_TYPES:
                continue
            return r
        return None

    def genitive_after(self, pos: int, limit: int) -> Ref | None:
        """A mention right after a noun (its possessor: زيارة الرئيس, جرائم الاحتلال)."""
        for r in self.refs:
            if r.start < pos:
                continue
            if r.start >= limit:
                return None
            gap = self.doc.text[pos:r.start]
            if _PUNCT_ONLY.match(gap) and self.prep(r) is None:
                return r
            return None
        return None

    def place_after(self, a: int, b: int, preps: tuple[str, ...] = ("في", "ب")) -> Ref | None:
        for r in self.refs:
            if a <= r.start < b and r.type in PLACE_TYPES and self.prep(r) in preps:
                return r
        return None
