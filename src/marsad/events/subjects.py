"""Who a sentence is about: the discourse subject a verb with no named subject carries, when
it stops carrying (a change of gender, a new paragraph's side marker), and the speaker of a
speech cue."""

from __future__ import annotations

import re
from collections.abc import Sequence

from marsad.events.arguments import ACTOR_TYPES, WAW_WORDS, ArgumentFinder, Ref, nationality
from marsad.events.drafts import Draft, Said
from marsad.events.quotes import COMPLEMENTIZERS, Cue, is_speech_verb
from marsad.events.reader_core import ReaderCore
from marsad.events.triggers import Tok
from marsad.events.vocabulary import (
    CLAUSE_PARTICLES,
    FUNCTION,
    KANA,
    PRONOUN_COMP,
    RELATIVES,
    W_WORD,
    bare,
)
from marsad.normalize import match_key

# what may follow a passive verb with no object: a time, place, manner or agent phrase
PASSIVE_NEXT = frozenset(
    match_key(w)
    for w in (
        "في", "من", "على", "علي", "خلال", "قبل", "بعد", "منذ", "عقب", "إثر", "اثر", "أثناء", "اثناء", "رفقة",
        "برفقة", "مع", "يوم", "أمس", "امس", "اليوم", "مساء", "صباح", "فجر", "ليلة", "ليل", "الأسبوع",
        "الشهر", "العام", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت",
        "الأحد", "جراء", "بسبب", "بتهمة", "بعدما", "عندما", "حين", "أيضا", "مؤخرا", "داخل", "قرب",
    )
)

# prepositions that open a phrase after a speech verb ("وقال في بيان"): no subject follows them
_FRAME_PREPS = frozenset(match_key(w) for w in ("في", "خلال", "عقب", "بعد", "أمام", "لدى", "عبر", "من", "على", "إلى", "مع", "عن", "حول", "أثناء"))
# a frame inside the words after a speech verb: the person after it is no speaker
_TIME_PREPS = frozenset(match_key(w) for w in ("خلال", "عقب", "بعد", "أمام", "لدى", "مع", "عبر", "أثناء", "قبل"))
# the words that open a subject named by its title ("يقول المتحدث باسم …", "يضيف المبعوث الأممي")
_TITLE_WORDS = frozenset(
    match_key(w)
    for w in (
        "المتحدث", "المتحدثة", "الناطق", "الناطقة", "المبعوث", "المبعوثة", "المصدر", "مصدر", "مصادر",
        "المسؤول", "مسؤول", "الوزير", "الوزيرة", "وزير", "وزيرة", "رئيس", "الرئيس", "مدير", "المدير",
        "السفير", "سفير", "المستشار", "مستشار", "قائد", "القائد", "محافظ", "المحافظ", "الأمين",
        "نائب", "النائب", "عضو", "الخبير", "خبير", "المحلل", "محلل", "الباحث", "متحدث", "ناطق",
    )
)
# other words that open a subject described before its name ("أحد منظمي", "النائب الأول")
_HEAD_WORDS = frozenset(match_key(w) for w in ("أحد", "إحدى", "كبير", "كبيرة", "نائبة", "رئيسة", "مديرة", "عضوة", "منسق", "منسقة"))
_SKIP_WORDS = frozenset(match_key(w) for w in ("قد", "كان", "كانت", "أيضا", "بدوره", "بدورها"))
# "بحسب ما نقلت عنه وكالة": the quoted man, not the agency
_ABOUT_HIM = frozenset(match_key(w) for w in ("عنه", "عنها", "عنهم", "عنهما"))
# the words between a statement noun and its owner: "بيان صادر عن X", "بيان لـX"
_ISSUED = frozenset(match_key(w) for w in ("صادر", "الصادر", "صدر", "عن", "ل", "نشرته", "نشرته", "مشترك"))


def _without_object(key: str) -> str:
    """A speech verb without its object pronoun ("واعتبرته" → "واعتبرت"), so that its gender is
    the subject's."""
    for sfx in ("هما", "هم", "ها", "ه"):
        if key.endswith(sfx) and len(key) - len(sfx) >= 3 and is_speech_verb(key[: -len(sfx)]):
            return key[: -len(sfx)]
    return key


def verb_gender(key: str) -> str | None:
    """The gender a singular 3rd-person verb form agrees in: "أكدت", "تؤكد" feminine;
    "أكد", "يؤكد" masculine; None for plurals, duals and what cannot be told."""
    k = bare(key)
    if len(k) < 3 or k.endswith(("وا", "ون", "ان", "ين", "تا", "نا")):
        return None
    if k[0] == "ي":
        return "m"
    if k.endswith("ت") and len(k) > 3:
        return "f"
    if k[0] == "ت":
        return None  # "تؤكد" she affirms, or a past form V/VI: "تابع", "تطرق"
    return "m" if k[0] in "اأإ" or len(k) == 3 else None


def _after_ma(text: str, pos: int) -> bool:
    """The word before ``pos`` is the relative "ما" ("ما وصفه", "ما سماه", "ما اعتبره")."""
    before = text[max(0, pos - 4) : pos].rstrip()
    return before.endswith("ما") and (len(before) == 2 or not before[-3].isalpha())


class SubjectTracking(ReaderCore):
    """The discourse subject: established by named subjects, carried to dropped ones."""

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

    def _carry_agrees(self, key: str) -> bool:
        """A dropped subject stops at a change of gender: "وأكدت" never takes the man named
        with "وقال" before ("واعتذرت جريفين" after "وانتقد الرئيس")."""
        g = verb_gender(key)
        return g is None or self._subject_gender is None or g == self._subject_gender

    def _agrees(self, d: Draft, doer: Ref | None) -> bool:
        """Whether a verb could have ``doer`` as its dropped subject. A masculine plural verb
        ("قتلوا", "يهاجمون") takes a group of people ("الحوثيون", "المسلحين"), never a state, a
        body or a non-human plural ("طائرات التحالف" takes "استهدفت"); with no doer given, whether
        the verb is such a plural. Nouns agree with anyone."""
        if not d.verbal or "masdar" in d.extra:
            return True
        k = bare(self._head_tok(d).key)
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

    def _speaker(
        self, finder: ArgumentFinder, cue: Cue, c0: int, c1: int, said: list[Said], drafts: Sequence[Draft] = ()
    ) -> str | None:
        """Who says what a cue introduces: the subject named after the cue (behind any title),
        else before it, else the carried subject. "بحسب X" names X; "وجاء في بيان X" the owner of
        the statement; a participle ("مضيفاً", "مكتفياً بالقول") the subject of its sentence."""
        if cue.kind == "attribution":
            return self._attributed(finder, cue, c1)
        if cue.participle:
            return self._participle_speaker(finder, cue, said, drafts)
        limit = cue.quote[0] if cue.quote and not cue.before else c1
        if cue.kind == "statement":
            return self._statement_speaker(finder, cue, limit)
        subj = finder.subject_after(cue.end, limit) or finder.title_subject(cue.end, limit, self._is_trigger_word)
        if subj is None and cue.quote is not None:
            # only for a quote: what a cue with none says is the events' business, read as before
            behind = self._named_after_title(finder, cue.end, limit)
            if behind is not None and not cue.direct:
                return behind.entity  # reported speech: its speaker, but the discourse keeps its subject
            subj = behind
        if subj is None and not cue.before:
            subj = finder.subject_before(cue.start, c0)  # (the words before "«…»، قال" are the quote's)
        cue_key = _without_object(match_key(self.doc.text[cue.start:cue.end]))
        if subj is not None:
            self._established(subj.entity, gender=verb_gender(cue_key) if subj.start > cue.start else None)
            return subj.entity
        if cue.before and self._titled_subject_after(cue.end, limit):
            return None  # "«…»، يقول المتحدث باسم الدفاع المدني": someone the report names, but no entity
        if not self._carry_agrees(cue_key):
            return None
        return self._carried()

    def _named_after_title(self, finder: ArgumentFinder, pos: int, limit: int) -> Ref | None:
        """A person named behind a title the recognizer did not read as one ("قال عضو لجنة
        تنسيق الاحتجاجات آرام محمد", "انتقد المحامي عبدالله الكندري"): the first person after
        ``pos`` within twelve words, the words before it opening with a noun (no preposition) and
        crossing no colon, quotation mark, comma, complementizer or event word."""
        for r in finder.refs:
            if r.start < pos:
                continue
            if r.start >= limit:
                return None
            gap = self.doc.text[pos:r.start]
            words = W_WORD.findall(gap)
            if not words or len(words) > 12 or re.search(r"[:«»\"“”،,.]", gap):
                return None
            keys = [match_key(w) for w in words]
            first = bare(keys[0])
            if not (first in _TITLE_WORDS or first in _HEAD_WORDS or (first.startswith("ال") and not self._is_trigger_word(first))):
                return None  # "وقال في مؤتمر صحفي مع X", "وقال للصحفيين", "وأكد معاليه دعم …": no title opens
            if any(k in RELATIVES or (k[:1] == "و" and k not in WAW_WORDS) for k in keys[1:]):
                return None  # "دعم مجلس الشورى وتأييده لجميع الإجراءات التي …": a clause, not a title
            if any(
                k in COMPLEMENTIZERS or k in _TIME_PREPS or (not k.startswith("ال") and self._is_trigger_word(k))
                for k in keys
            ):
                return None  # "وقال الناطق خلال لقائه X": X is met, not the speaker (a definite noun
                # is part of the title: "عضو لجنة تنسيق الاحتجاجات")
            if r.type != "PER" or self._governed_here(r, keys):
                continue  # "مستشار قائد قوات الدعم السريع الباشا طبيق", "النائب الأول لرئيس …": part of the title
            if finder._governed(r):
                return None
            return finder.holder(r)
        return None

    def _titled_subject_after(self, pos: int, limit: int) -> bool:
        """The words after a cue open with a title ("المتحدث", "المبعوث الأممي"): the cue has a
        subject of its own, so the carried one is not the speaker."""
        for w in W_WORD.finditer(self.doc.text, pos, limit):
            k = match_key(w.group())
            if k in _TITLE_WORDS:
                return True
            if k not in _SKIP_WORDS:
                return False
        return False

    def _governed_here(self, r: Ref, gap_keys: list[str]) -> bool:
        """A preposition right on the mention ("لرئيس", "لـX") or the word before it ("مع X")."""
        text = self.doc.text
        a = r.start
        while a > 0 and text[a - 1] == "\u0640":
            a -= 1  # tatweel: "لـ"
        if a > 0 and text[a - 1] in "لب" and (a < 2 or not text[a - 2].isalpha()):
            return True
        return bool(gap_keys) and gap_keys[-1] in _FRAME_PREPS

    def _participle_speaker(
        self, finder: ArgumentFinder, cue: Cue, said: list[Said], drafts: Sequence[Draft]
    ) -> str | None:
        """"قال X …، مضيفاً:": the speaker of the cue before; with no cue before in the sentence,
        the subject of its main verb ("انتقد المحامي X …، مؤكداً أن «…»"), else the discourse's.
        A cue in a relative clause ("انتقد X ما وصفه بـ«…»، مؤكداً أن") is no speech of its own."""
        said = [q for q in said if not _after_ma(self.doc.text, q.start)]
        if said:
            return next((q.speaker for q in reversed(said) if q.speaker), None)
        lead = next(
            (d for d in reversed(drafts) if d.verbal and d.head_start < cue.start and not d.relative and "masdar" not in d.extra),
            None,
        )
        if lead is not None and lead.source is not None and lead.explicit:
            return lead.source.entity
        if lead is not None and lead.source is None:
            r = self._named_after_title(finder, lead.trig_end, cue.start)
            if r is not None:
                return r.entity
        return self.disc.subject

    def _attributed(self, finder: ArgumentFinder, cue: Cue, c1: int) -> str | None:
        """"«…»، بحسب المتحدث باسم X": the first actor after بحسب; "بحسب ما نقلت عنه وكالة":
        the man the agency quotes (the discourse subject), not the agency."""
        words = [match_key(w) for w in W_WORD.findall(self.doc.text, cue.end, min(c1, cue.end + 60))][:5]
        if words and words[0] == "ما":
            if any(w in _ABOUT_HIM for w in words):
                return self._carried()
            r = finder.subject_after(cue.end, c1) or self._named_after_title(finder, cue.end, c1)
            return r.entity if r is not None else self._carried()
        end = finder.word_limit(cue.end, 6)
        for r in finder.refs:
            if r.start < cue.end or r.start >= min(c1, end):
                continue
            if r.type in ACTOR_TYPES:
                r = finder.holder(r)
                self._established(r.entity)
                return r.entity
        return None

    def _statement_speaker(self, finder: ArgumentFinder, cue: Cue, limit: int) -> str | None:
        """"وجاء في بيان الوزارة:", "وجاء في بيان صادر عن X:", "وجاء في بيان للشركة:": the owner
        named after the statement noun; "وجاء في البيان:" the body the report is about."""
        words = list(W_WORD.finditer(self.doc.text, cue.end, limit))
        noun = words[1] if len(words) > 1 else None  # في, the noun
        if noun is not None and not match_key(noun.group()).endswith(("ها", "ه", "هم")):
            for r in finder.refs:
                if r.start < noun.end():
                    continue
                if r.start >= limit or r.type not in ACTOR_TYPES:
                    break
                gap = [match_key(w) for w in W_WORD.findall(self.doc.text, noun.end(), r.start)]
                if all(k in _ISSUED for k in gap) and len(gap) <= 3:
                    return r.entity
                break
        return self._carried()

    def _pronoun_speaker(self, toks: list[Tok], h: int, quote: Said | None) -> tuple[bool, Ref | None]:
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
        while i >= 0 and toks[i].is_word and bare(toks[i].key) in CLAUSE_PARTICLES:
            i -= 1
        if i < 0 or not toks[i].is_word or toks[i].start < quote.start:
            return no
        comp = bare(toks[i].key)
        if comp not in PRONOUN_COMP or comp.startswith("لكن"):
            return no
        suffix = "هم" if comp.endswith("هم") else "ها" if comp.endswith("ها") else "ه"
        k = bare(toks[h].key)
        if k[:1] == "س" and k[1:2] in ("ي", "ت") and len(k) > 3:
            k = k[1:]  # سيزور، ستستضيف
        plural = k.endswith("وا") or (k[:1] in ("ي", "ت") and k.endswith("ون"))
        if k.endswith(("ان", "تا")) or plural != (suffix == "هم"):
            return no
        feminine = k[:1] == "ت" or (k.endswith("ت") and len(k) > 3)
        if suffix == "ها" and not feminine or suffix == "ه" and feminine:
            return no
        cue = W_WORD.match(self.doc.text, quote.start)
        said = verb_gender(match_key(cue.group())) if cue else None
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
            k = bare(nxt.key)
            if k.startswith("ال") and k.endswith("ون") and len(k) > 5 and not self.mentions.between(nxt.start, nxt.end):
                return True
        words = [t for t in toks[max(0, h - 4):h]]
        keys = [bare(t.key) if t.is_word else "," for t in words]
        if "," in keys:
            keys = keys[len(keys) - keys[::-1].index(","):]
        if keys and keys[-1] == "قد":
            keys = keys[:-1]
        return len(keys) >= 2 and keys[0] in KANA and all(k not in KANA for k in keys[1:])

    def _kana_subject(self, toks: list[Tok], h: int, c0: int) -> bool:
        """A subject put between "كان/كانت" and its verb ("وكانت السلطات المغربية قد اعتقلت
        الزفزافي", "بعد أن كانت إيران اتهمت البحرين"): the pluperfect's subject stands before
        the verb, so a name after the verb is its object. At least one word (not "قد") must
        stand between كان and the verb, and no punctuation; up to ten words."""
        words = 0
        for i in range(h - 1, max(-1, h - 12), -1):
            t = toks[i]
            if t.start < c0 or not t.is_word:
                return False
            k = bare(t.key)
            if k in KANA:
                return words > 0
            if k not in ("قد", "لقد"):
                words += 1
        return False

    def _passive_relative(self, toks: list[Tok], h: int, c1: int) -> bool:
        """A relative clause whose act verb is read as a passive: a bare past form with no
        object after it, the next word a time, place or agent phrase or the clause's end ("الذي
        اعتقل يوم الاثنين", "الذي اختطف قبل 3 أيام … من قبل مسلحين", "الذي قتل في الغارة")."""
        head = toks[h]
        if bare(head.key)[:1] in ("ي", "ت", "ن") or bare(head.key).endswith(("وا", "ت")):
            return False  # "الذي يعتقل", "التي اعتقلت", "الذين اعتقلوا": active forms with a subject
        nxt = next((t for t in toks[h + 1:h + 2]), None)
        if nxt is None or nxt.start >= c1 or not nxt.is_word:
            return True
        return bare(nxt.key) in PASSIVE_NEXT

    def _unnamed_national(self, pos: int, limit: int) -> bool:
        """An indefinite noun and a nationality adjective right after the verb ("وأشاد
        دبلوماسي أميركي", "وقال مسؤول روسي"): a subject the report does not name, so the
        discourse subject is not carried to the verb."""
        words = W_WORD.findall(self.doc.text, pos, limit)[:2]
        if len(words) < 2 or re.search(r"[^\w\s\u064b-\u065f]", self.doc.text[pos:self.doc.text.find(words[1], pos)]):
            return False
        first, second = match_key(words[0]), match_key(words[1])
        if first.startswith(("ال", "وال", "بال", "لل")) or first in FUNCTION or first.isdigit() or not second:
            return False
        return bool(nationality(second)) and not second.startswith("ال")
