"""Candidate name spans of one sentence, before overlaps are resolved.

Knowledge-base matches (with the checks that let an ambiguous or geonames-only name count),
composed bodies ("وزارة الصحة"), numbered units ("اللواء 444"), story names ("قوات النظام"),
peoples ("الشعب الفلسطيني"), protest collectives ("المتظاهرون") and the recognizer's spans;
:func:`~marsad.entities.span_overlaps.resolve` keeps the best of those that overlap.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from marsad.document import Token
from marsad.entities.armed_groups import group_names
from marsad.entities.coref import NameSpan
from marsad.entities.facility_names import facility_names
from marsad.entities.kb import KnowledgeBase, Match, token_heads, words
from marsad.entities.name_aliases import split_at_alias
from marsad.entities.name_cues import (
    GENERIC_PLACES,
    PLACE_CUES,
    adjective_after_noun,
    after_org_word,
    after_outlet_word,
    company_word_beside,
    cue_before,
    definite_noun,
    quoted_outlet,
)
from marsad.entities.name_spans import (
    NAME_LINKS,
    PATRONYMIC,
    lineage_end,
    name_start,
    not_name_head,
    not_name_tail,
    plausible,
    strip_honorifics,
)
from marsad.entities.role_words import NOT_DEFINITE, OPENS_ADJECTIVE, OPENS_NAME, OPENS_STORY, bare
from marsad.entities.roles import Grammar
from marsad.entities.span_overlaps import Candidate
from marsad.entities.title_phrases import Role
from marsad.entities.titled_people import titled_people
from marsad.normalize import match_key

#: Recognizer labels → entity types (the recognizer's LOC is a GPE unless the knowledge base says).
_NER_TYPES = {"PER": "PER", "ORG": "ORG", "LOC": "GPE", "MISC": "MISC"}

#: Words after which an organisation's name goes on ("حزب الاتحاد من أجل حركة شعبية").
_NAME_GOES_ON = frozenset(match_key(w) for w in ["من", "لأجل", "للتغيير", "للإصلاح", "للتنمية"])

#: "الشعب الفلسطيني": the people noun before a nationality adjective.
_PEOPLE_WORDS = frozenset({"الشعب", "شعب"})

#: Nouns of military units that a number names ("اللواء 444", "الكتيبة 166"), and what may follow it.
_UNIT_NOUNS = frozenset(match_key(w) for w in ["اللواء", "لواء", "الكتيبة", "كتيبة", "الفرقة", "فرقة", "الفوج", "فوج"])
_UNIT_TAILS = frozenset(match_key(w) for w in ["قتال", "مشاة", "مدرع", "مشاه", "مجحفل"])


def sentence_names(
    grammar: Grammar,
    text: str,
    toks: list[Token],
    tags: Sequence[str],
    roles: list[Role],
    dateline: tuple[int, int] | None = None,
    opens: Sequence[int] | None = None,
    agency: tuple[str, ...] | None = None,
) -> list[Candidate]:
    """Candidate name spans of one sentence (overlaps resolved by
    :func:`~marsad.entities.span_overlaps.resolve`);
    ``opens``: the sentence's :meth:`Grammar.openings`."""
    kb = grammar.kb
    if opens is None:
        opens = grammar.openings(toks, text)
    cands: list[Candidate] = []
    ner_spans = split_at_alias(toks, list(_bio_spans(tags)))
    ner_cover: set[int] = set()
    ner_any: set[int] = set()
    for i, j, label in ner_spans:
        if label in _NER_TYPES:
            ner_any.update(range(i, j))
            if label == "LOC":  # a geonames town backed by an ORG tag is a club ("برشلونة")
                ner_cover.update(range(i, j))
    byline: set[int] = set()  # tokens of the agency in the dateline: no name there

    def backed(m: Match) -> bool:
        """Whether a name of several words will count (the checks below): one that will not
        leaves its tokens to a name inside it ("جبل X" unbacked, then "X")."""
        if m.j - m.i < 2:
            return True
        entry, cued = m.value[0], cue_before(toks, m.i, text) is not None
        if entry.weak:
            return cued or bool(set(range(m.i, m.j)) & ner_cover)
        return not kb.is_ambiguous(text[m.start : m.end]) or cued or bool(set(range(m.i, m.j)) & ner_any) or (
            words(text[m.start : m.end]) in grammar.org_readings
        )

    for m in kb.match(toks, text, [k for k, bits in enumerate(opens) if bits & OPENS_NAME], backed):
        entry = m.value[0]
        i = m.i
        if dateline is not None and dateline[0] <= m.start < dateline[1] and (
            entry.sector == "MED" or (agency is not None and words(text[m.start : m.end]) == agency)
        ):
            byline.update(range(m.i, m.j))
            continue  # the agency in "القاهرة في ٥ فبراير /أ ش أ/" is a byline, not news
        if entry.id.startswith("state:") and i > 0 and adjective_after_noun(kb, toks, i, text, m.end):
            continue  # "القوات البرية السعودية": the adjective of a noun, not the state
        outlet = quoted_outlet(kb, toks, m.i, m.j, text) if entry.type in {"GPE", "LOC"} else None
        if outlet is not None:
            # "لـ«الشرق الأوسط»": a place name in guillemets that is a known outlet's short name
            cands.append((NameSpan(m.start, m.end, "ORG", words(text[m.start : m.end]), outlet, "kb",
                                   outlet.country, outlet.actor), m.i, m.j, "kb"))
            continue
        cue = cue_before(toks, i, text)
        cued = cue is not None
        if entry.type == "PER" and i > 0 and toks[i - 1].norm in PATRONYMIC:
            continue  # "صالح بن عبدالعزيز آل الشيخ": the father's name, not that person
        if entry.weak and not (set(range(m.i, m.j)) & ner_cover) and not cued:
            continue
        reading = grammar.org_readings.get(words(text[m.start : m.end]))
        if reading is not None and after_org_word(grammar, toks, i, text):
            entry = kb.get(reading) or entry  # "تنظيم «بيت المقدس»": the armed group, not Jerusalem
        elif not entry.weak and kb.is_ambiguous(text[m.start : m.end]) and not (
            set(range(m.i, m.j)) & ner_any
        ) and not (cued and entry.type in {"GPE", "LOC"}):
            continue  # "كيف" (how) is Kyiv only where the recognizer also sees a name
        if agency is not None and entry.type in {"GPE", "LOC"} and words(text[m.start : m.end]) == agency:
            # "أربيل: «الشرق الأوسط»" signs the story: the newspaper again when the text names it
            cands.append((NameSpan(m.start, m.end, "ORG", agency, None, "outlet", sector="MED"), m.i, m.j, "outlet"))
            continue
        if entry.type in {"GPE", "LOC"} and after_outlet_word(toks, i):
            # "صحيفة القدس", "نادي برشلونة": the outlet or club, not the place
            if any(a <= m.i and m.j < b and lab in {"ORG", "MISC"} for a, b, lab in ner_spans):
                continue  # "صحيفة واشنطن بوست": the recognizer has the whole name
            cands.append((NameSpan(m.start, m.end, "ORG", words(text[m.start : m.end]), None, "outlet"), m.i, m.j, "outlet"))
            continue
        start, end, mj = m.start, m.end, m.j
        if entry.type == "PER":
            start = strip_honorifics(grammar, toks, m.i, m.j, text, m.start)
            mj = lineage_end(toks, m.j, text)  # "محمد بن سلمان بن عبد العزيز": one name
            end = toks[mj - 1].end
        span = NameSpan(start, end, entry.type, words(text[start:end]), entry, "kb",
                        entry.country, entry.actor, cue=cue)
        if entry.type in {"GPE", "LOC"} and len(m.value) > 1:
            span.options = tuple(e for e in m.value if e.type in {"GPE", "LOC"} and not e.weak)
        cands.append((span, m.i, mj, "weak" if entry.weak else "kb"))
    for i, j in _numbered_units(toks):
        # "اللواء 444 قتال": a numbered unit of the story's state's forces, not a general's rank
        start, end = token_heads(toks[i], text)[0][0], toks[j - 1].end
        cands.append((NameSpan(start, end, "ORG", words(text[start:end]), None, "body",
                               body_key=bare(toks[i].norm.removeprefix("و").removeprefix("ف")) + " " + toks[i + 1].norm, home_body=True, sector="MIL"), i, j, "body"))
    legislatures: set[int] = set()
    placed: set[int] = set()  # bodies placed by a genitive town: inside a title, the town only
    for b in grammar.bodies_in(toks, text, opens):
        actor = b.country + b.sector if b.country and b.sector and b.type == "ORG" else None
        span = NameSpan(b.start, b.end, b.type, words(text[b.start : b.end]), None, "body",
                        b.country, actor, body_key=b.key, where=b.where, home_body=b.home, sector=b.sector)
        if b.sector == "LEG":
            legislatures.add(id(span))
        if b.placed:
            placed.add(id(span))  # "رئيس مجلس الشورى": the council is named in the title
        if b.country is None and b.key.split(" ", 1)[0] in grammar.construct_bodies and (
            any(a < b.j and b.i < c and (a < b.i or c > b.j) for a, c, _ in ner_spans)
            or (b.j < len(toks) and toks[b.j].norm in _NAME_GOES_ON)
        ):
            continue  # "حزب العمال البريطاني", "حزب الاتحاد من أجل ...": a longer name
        cands.append((span, b.i, b.j, "body"))
    cands.extend(facility_names(grammar, text, toks, ner_spans, opens))
    cands.extend(group_names(kb, text, toks))  # "حركة المجاهدين" in a sentence about fighting
    cands.extend(_story_cands(grammar, text, toks, ner_spans, opens))
    cands.extend(_norp(kb, text, toks, opens))
    cands.extend(_collectives(grammar, text, toks))
    role_tokens = {k for r in roles for k in range(r.i, r.j)}
    known = {k for c in cands if c[3] in ("kb", "weak", "body", "outlet") for k in range(c[1], c[2])}
    # "مدير المستشفى محمد صالحة" where the recognizer has at most the first name
    cands.extend(titled_people(kb, text, toks, known | role_tokens, ner_spans))
    conjunct_tokens = {k for r in roles for a, b in r.conjuncts for k in range(a, b)}
    # ... unless the title is of that body: "المتحدث باسم رئاسة الجمهورية", "المتحدث لوزارة الخارجية"
    own_body = {
        k for r in roles for k in range(r.i + 1, r.j)
        if toks[k - 1].norm == "باسم" or (toks[k].norm[:1] == "ل" and token_heads(toks[k], text)[0][0] > toks[k].start)
    }
    cands = [
        c for c in cands
        if not (set(range(c[1], c[2])) & conjunct_tokens)
        # a body with no nationality inside a title ("رئيس مجلس الوزراء", "وزير الدفاع في
        # حكومة صنعاء") is part of the title
        and not (c[3] == "body" and (c[0].country is None or id(c[0]) in placed) and set(range(c[1], c[2])) & role_tokens
                 and c[1] not in own_body and id(c[0]) not in legislatures)
    ]
    for i, j, label in ner_spans:
        ent_type = _NER_TYPES.get(label)
        if ent_type is None:
            continue
        if set(range(i, j)) & (role_tokens | byline):
            continue
        first = name_start(kb, toks, i, j, text)
        if first is None:
            continue
        i, start = first
        if ent_type == "PER":
            start = strip_honorifics(grammar, toks, i, j, text, start)
            while j < len(toks) and text[toks[j - 1].start : toks[j - 1].end] in NAME_LINKS and toks[j].norm.isalpha() and j - i > 1:
                j += 1  # "عبدالله آل الشيخ": a name does not end in "آل" or "بن"
        end = toks[j - 1].end
        if start >= end or not plausible(text[start:end], kb, grammar):
            continue
        ws = words(text[start:end])
        if grammar.is_date(ws) and not company_word_beside(grammar, toks, i, j, text):
            continue  # "نيسان الماضي", "تشرين الأول": a date ("شركة نيسان" is the company)
        if len(ws) == 1 and ws[0].startswith("ال") and bare(ws[0]) in GENERIC_PLACES:
            continue  # "المدينة": the city named before (a nominal), not a name
        if ent_type == "PER" and kb.adjective(words(text[start:end])[0]) is not None:
            continue  # "روس رفيعو المستوى": a people noun does not start a person's name
        if ent_type == "PER" and j - i > 1 and not_name_tail(text[toks[j - 1].start : toks[j - 1].end]):
            j -= 1  # "كريم سعيد حاكماً", "بومتام للصحافيين": an adverb or a preposition ends it
            end = toks[j - 1].end
        if ent_type == "PER" and j - i > 1 and not_name_head(text[toks[i].start : toks[i].end]):
            i += 1  # "بالوكالة بومتام ...": a prepositional phrase of the title before the name
            start = toks[i].start
        span = NameSpan(start, end, ent_type, words(text[start:end]), None, "ner")
        span.cue = cue_before(toks, i, text)
        span.home = ent_type in {"GPE", "LOC"} and i > 0 and bare(toks[i - 1].norm) in PLACE_CUES
        cands.append((span, i, j, "ner"))
    return cands


def _story_cands(
    grammar: Grammar, text: str, toks: list[Token], ner_spans: list[tuple[int, int, str]], opens: Sequence[int]
) -> list[Candidate]:
    """"المقاومة الشعبية", "قوات النظام": names whose referent is the story's state's
    (roles.json "story_names"); :func:`~marsad.entities.story_states.story_name`
    decides once the document's states are known."""
    out: list[Candidate] = []
    k = 0
    for i, bits in enumerate(opens):
        if i < k or not bits & OPENS_STORY:
            continue
        m = grammar.story_names.match_at(toks, i, text)
        if m is None:
            continue
        k = m.j
        if m.j < len(toks) and (
            grammar.kb.adjectives.match_at(toks, m.j, text) is not None
            or (toks[m.j].norm.startswith("ال") and toks[m.j].norm not in NOT_DEFINITE)
        ):
            continue  # "المقاومة الشعبية الفلسطينية": another phrase
        tagged = any(a < m.j and m.i < b and lab == "ORG" for a, b, lab in ner_spans)
        span = NameSpan(m.start, m.end, "ORG", words(text[m.start : m.end]), None,
                        "story+ner" if tagged else "story", body_key=m.value)
        out.append((span, m.i, m.j, "story"))
    return out


def _norp(kb: KnowledgeBase, text: str, toks: list[Token], opens: Sequence[int]) -> list[Candidate]:
    """Peoples: "الفلسطينيين", "الشعب الفلسطيني" (nationality nouns with the article)."""
    out = []
    i = 0  # the first token not inside a people phrase found
    for k, bits in enumerate(opens):
        if k < i:
            continue
        tok = toks[k]
        if not bits & OPENS_ADJECTIVE and tok.norm not in _PEOPLE_WORDS:
            continue  # neither "الشعب" nor a nationality adjective begins here
        if tok.norm in _PEOPLE_WORDS and k + 1 < len(toks):
            adj = kb.adjectives.match_at(toks, k + 1, text)
            if adj is not None and adj.value.form == "m":
                start = token_heads(tok, text)[0][0]
                c = adj.value.country
                out.append((NameSpan(start, adj.end, "NORP", ("شعب", c), None, "norp", c, c), k, adj.j, "norp"))
                i = adj.j
                continue
        adj = kb.adjectives.match_at(toks, k, text)
        if adj is not None and adj.value.form == "pl" and match_key(text[adj.start : adj.end]).startswith("ال"):
            if k > 0 and definite_noun(toks[k - 1], text, kb):
                continue  # "للمسؤولين الإيرانيين", "الطلاب الأتراك": the adjective of a noun
            c = adj.value.country
            out.append((NameSpan(adj.start, adj.end, "NORP", ("شعب", c), None, "norp", c, c), k, adj.j, "norp"))
            i = adj.j
    return out


def _collectives(grammar: Grammar, text: str, toks: list[Token]) -> list[Candidate]:
    """"المتظاهرون", "المعتصمين": protest participants, one NORP entity per document whose
    country :func:`~marsad.entities.story_states.home_bodies` sets (roles.json "people_collectives")."""
    out: list[Candidate] = []
    for k, tok in enumerate(toks):
        hit = grammar.collective_at(tok, text)
        if hit is None:
            continue
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if nxt is not None and grammar.kb.adjectives.match_at(toks, k + 1, text) is not None:
            continue  # "المتظاهرين الإيرانيين": a people of that state (a longer phrase)
        start, sector = hit
        span = NameSpan(start, tok.end, "NORP", ("participants",), None, "norp",
                        body_key="participants", home_body=True, sector=sector)
        out.append((span, k, k + 1, "norp"))
    return out


def _numbered_units(toks: list[Token]) -> Iterator[tuple[int, int]]:
    """Token ranges ``[i, j)`` of a unit noun, a number and an optional kind word ("اللواء 444 قتال")."""
    for i in range(len(toks) - 1):
        key = toks[i].norm
        if key[:1] in "وف" and key[1:] in _UNIT_NOUNS:
            key = key[1:]
        if key in _UNIT_NOUNS and toks[i + 1].norm.isdigit():
            j = i + 2
            if j < len(toks) and toks[j].norm in _UNIT_TAILS:
                j += 1
            yield i, j


def _bio_spans(tags: Sequence[str]) -> Iterator[tuple[int, int, str]]:
    """``(i, j, label)`` of each B-/I- run of the recognizer's tags."""
    i = 0
    while i < len(tags):
        tag = tags[i]
        if tag == "O" or "-" not in tag:
            i += 1
            continue
        label = tag.split("-", 1)[1]
        j = i + 1
        while j < len(tags) and tags[j] == f"I-{label}":
            j += 1
        yield i, j, label
        i = j
