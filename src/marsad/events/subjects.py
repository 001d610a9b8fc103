"""Who a sentence is about: the discourse subject a verb with no named subject carries, when
it stops carrying (a change of gender, a new paragraph's side marker), and the speaker of a
speech cue."""

from __future__ import annotations

from marsad.events.arguments import ACTOR_TYPES, ArgumentFinder, Ref
from marsad.events.drafts import Draft, Said
from marsad.events.quotes import Cue
from marsad.events.reader_core import ReaderCore
from marsad.events.triggers import Tok, _starts
from marsad.events.vocabulary import CLAUSE_PARTICLES, KANA, PRONOUN_COMP, W_WORD, bare
from marsad.normalize import match_key


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


class SubjectTracking(ReaderCore):
    """The discourse subject: established by named subjects, carried to dropped ones."""

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
        self, finder: ArgumentFinder, cue: Cue, c0: int, c1: int, said: list[Said]
    ) -> str | None:
        limit = cue.quote[0] if cue.quote else c1
        if cue.participle:
            return next((q.speaker for q in reversed(said) if q.speaker), None) if said else self.disc.subject
        subj = finder.subject_after(cue.end, limit) or finder.title_subject(cue.end, limit, self._is_trigger_word)
        if subj is None:
            subj = finder.subject_before(cue.start, c0)
        cue_key = match_key(self.doc.text[cue.start:cue.end])
        if subj is not None:
            self._established(subj.entity, gender=verb_gender(cue_key) if subj.start > cue.start else None)
            return subj.entity
        if not self._carry_agrees(cue_key):
            return None
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
