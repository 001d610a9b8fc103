"""People the recognizer does not know, named right behind their title.

Local people fill Arabic news: "وقال مدير المستشفى محمد صالحة لـ…", "رئيس مجلس قروي قريوت معين
عودة", "المتحدث باسم الدفاع المدني محمود بصل". Their family names are often common words
("صالحة", "عودة", "بصل"), so the recognizer tags the first name at most. A title word a few
words before a known first name (the knowledge base's given names) and a name of two to four
words closed by a clear boundary (punctuation, a complementizer, a preposition, a clitic-led word
or a time word) make a person candidate. It ranks with the recognizer's spans, so the knowledge
base and bodies still win where they overlap it.
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.document import Token
from marsad.entities.coref import NameSpan
from marsad.entities.kb import KnowledgeBase, token_heads, words
from marsad.entities.name_spans import not_name_tail
from marsad.entities.span_overlaps import Candidate
from marsad.normalize import match_key


def _keys(*ws: str) -> frozenset[str]:
    return frozenset(match_key(w) for w in ws)


#: Title heads that a person's name follows ("مدير المستشفى X", "المتحدث باسم الدفاع المدني X").
TITLE_HEADS = _keys(
    "مدير", "المدير", "مديرة", "المديرة", "رئيس", "الرئيس", "رئيسة", "الرئيسة", "المتحدث", "المتحدثة", "متحدث",
    "الناطق", "الناطقة", "ناطق", "عضو", "العضو", "عضوة", "نائب", "النائب", "نائبة", "مسؤول", "المسؤول",
    "مسؤولة", "محافظ", "المحافظ", "قائد", "القائد", "وزير", "الوزير", "وزيرة", "سفير", "السفير", "الأمين",
    "أمين", "منسق", "المنسق", "منسقة", "مستشار", "المستشار", "عميد", "العميد", "مندوب", "المندوب",
    "مراسل", "المراسل", "الطبيب", "الطبيبة", "المحامي", "المحامية", "الناشط", "الناشطة", "الصحفي",
    "الصحافي", "الصحفية", "الباحث", "الباحثة", "الخبير", "الخبيرة", "المحلل", "الأستاذ", "الدكتور",
    "الدكتورة", "المهندس", "المواطن", "المواطنة", "الشاب", "الشابة", "الطفل", "الطفلة", "الأسير",
    "الأسيرة", "المعتقل", "المعتقلة", "الشهيد", "الشهيدة", "الجريح", "الطالب", "الطالبة", "المزارع",
    "الأكاديمي", "الكاتب", "الكاتبة", "الشيخ", "القيادي", "القيادية", "الأمينة", "مختار", "المختار",
    "عمدة", "العمدة", "شيخ", "النقيب", "المقدم", "العقيد", "اللواء", "الرائد",
)

#: Words between the title and the name that end the search: complementizers, prepositions
#: that start a clause, speech verbs and the like ("رئيس الوزراء إن محمد …" is no title of محمد).
_BREAKS = _keys(
    "إن", "أن", "ان", "إنه", "أنه", "انه", "قال", "وقال", "أكد", "وأكد", "أضاف", "وأضاف", "الذي", "التي",
    "الذين", "مع", "خلال", "بعد", "قبل", "ضد", "حيث", "عندما", "بينما", "كما", "لكن", "أو", "ثم", "عن",
    "منذ", "اليوم", "أمس", "امس",
)

#: Prepositions that fold to a name: "على" is "علي" and "إلى" "الي" once ى/ي and hamza are folded,
#: so they are told apart by their spelling.
_FOLDED_PREPS = frozenset({"على", "الى", "إلى", "علی", "الی", "إلی"})

#: Words before the first name that make it part of another name ("مستشفى الملك فهد", "شارع
#: الشيخ زايد", "جامعة الإمام محمد بن سعود"), not a person behind a title.
_NOT_AFTER = _keys(
    "الملك", "الأمير", "الإمام", "الامام", "السلطان", "النبي", "الرسول", "سيدنا", "مستشفى", "مسجد",
    "جامع", "جامعة", "مدرسة", "شارع", "مطار", "ميناء", "مركز", "مدينة", "حي", "قاعدة", "جسر", "ميدان",
    "ساحة", "مؤسسة", "جائزة", "كلية", "معهد", "مجمع", "قصر", "سجن", "معبر", "دوار", "عائلة", "آل", "بن",
    "ابن", "أبو", "ابو", "أم", "ام", "بنت", "عبد",
)

#: Words that close a name: particles, time words, verbs of being and saying, another title.
_CLOSERS = _BREAKS | TITLE_HEADS | _keys(
    "في", "من", "بين", "عند", "لدى", "حول", "تحت", "فوق", "هذا", "هذه", "ذلك", "تلك", "قد", "لقد", "لا",
    "لم", "لن", "غدا", "صباح", "مساء", "فجر", "ظهر", "يوم", "الأحد", "الاثنين", "الإثنين", "الثلاثاء",
    "الأربعاء", "الخميس", "الجمعة", "السبت", "أيضا", "ايضا", "إنها", "أنها", "انها", "والذي",
    "قائلا", "مؤكدا", "مضيفا", "مشيرا", "موضحا", "بدوره", "بدورها", "نفسه", "عبر", "وفق", "حسب", "بحسب",
    "كان", "كانت", "يكون", "تكون", "ليس", "ليست", "هو", "هي", "يقول", "تقول", "قالت", "عقب", "إثر",
    "أثناء", "قبيل", "جراء", "بسبب", "نحو", "حتى", "دون", "ضمن", "أمام", "وسط", "فجأة", "مجددا", "رسميا",
    "أخيرا", "سابقا", "حاليا", "شخصيا", "مؤخرا", "بنفسه",
)

#: Words that carry a name on to the next word ("أبو الرب", "آل الشيخ", "بن سعيد").
_LINKS = _keys("أبو", "ابو", "آل", "عبد", "بن", "ابن", "بنت")

#: A word at least this frequent in SaudiNewsNet (the segmenter's counts) is no family name.
FREQUENT = 300
#: How often a verb's other form must occur to call a word a verb (see ``_no_family_name``).
VERB_FORMS = 20

#: How many words the title's complement may have before the name ("رئيس مجلس قروي قريوت").
MAX_GAP = 5
#: Name words after the first name at most ("محمد عبد الله أحمد صالح" is rare; four is plenty).
MAX_REST = 3
_PUNCT = frozenset(".,،:؛;!?؟«»\"“”()[]-–—/")


def _clitic_led(tok: Token) -> bool:
    """A word whose segmentation peels a proclitic ("لمراسل", "وأحمد", "بالمستشفى")."""
    return len(tok.parts) > 1 and tok.parts[0][0] == tok.start


def _boundary(toks: list[Token], j: int, text: str) -> bool:
    if j >= len(toks):
        return True
    t = toks[j]
    if text[t.start : t.end] in _FOLDED_PREPS or not_name_tail(text[t.start : t.end]):
        return True  # "على", or an accusative adverb ("الشيخ أبو زنط خطيبًا")
    # a one-letter word is a preposition cut off by tatweel ("لـ«العربي الجديد»")
    return t.norm in _PUNCT or not t.norm.isalpha() or len(t.norm) < 3 or t.norm in _CLOSERS or _clitic_led(t)


def _title_before(toks: list[Token], i: int, text: str) -> bool:
    """A title head within MAX_GAP words before token ``i``, with no break or punctuation between."""
    for k in range(i - 1, max(-1, i - 2 - MAX_GAP), -1):
        t = toks[k]
        if t.norm in _PUNCT or not t.norm.isalpha():
            return False
        heads = {key for _s, key in token_heads(t, text)}
        if heads & TITLE_HEADS:
            return True
        if t.norm in _BREAKS or heads & _BREAKS or text[t.start : t.end] in _FOLDED_PREPS:
            return False
    return False


def _no_family_name(key: str) -> bool:
    """A word that is a verb or a noun more often than a family name: frequent in news ("عقد",
    "حفل", "موظفي"), or a verb by its forms in the corpus counts — a past verb whose imperfect
    is common ("تعهد"/"يتعهد", "أعلن"/"يعلن"), an imperfect whose feminine is ("يشكل"/"تشكل").
    First names are let through before this is asked."""
    from marsad.clitics import load_model

    freq = load_model().freq
    if freq.get(key, 0) >= FREQUENT or freq.get("ي" + key, 0) >= VERB_FORMS:
        return True
    if key[:1] in ("أ", "ا") and freq.get("ي" + key[1:], 0) >= VERB_FORMS:
        return True
    return key[:1] == "ي" and freq.get(key, 0) >= VERB_FORMS and freq.get("ت" + key[1:], 0) >= VERB_FORMS // 2


def titled_people(
    kb: KnowledgeBase, text: str, toks: list[Token], taken: set[int], tagged: Sequence[tuple[int, int, str]]
) -> list[Candidate]:
    """PER candidates "GIVEN NAME + 1–3 name words" behind a title; ``taken``: tokens the
    knowledge base already names (its match wins, and a name inside it is no new person);
    ``tagged``: the recognizer's spans (i, j, label). Where the recognizer reads another kind of
    name there, or a person's name reaching past this one, it is trusted instead."""
    given = kb.given_names()
    out: list[Candidate] = []
    k = 1
    while k < len(toks) - 1:
        t, before = toks[k], toks[k - 1].norm
        if (
            k in taken or t.norm not in given or _clitic_led(t) or text[t.start : t.end] in _FOLDED_PREPS
            or before in _NOT_AFTER or before in given or before.startswith("عبد")
        ) or not _title_before(toks, k, text):
            k += 1  # "الدكتور خالد طاهر", "عبدالقادر كمال": the name began before this first name
            continue
        j = k + 1
        closed = stop = False  # a definite word that is no family name closes it: "كمال أبو الرب الاقتحام"
        while j < len(toks) and j - k <= MAX_REST and not _boundary(toks, j, text) and j not in taken:
            w = toks[j].norm
            if w not in given and w not in _LINKS and not w.startswith("ال") and _no_family_name(w):
                stop = True  # "ناجي صبري عقد اجتماعا", "صدام حسين يشكل تهديدا": a verb or a noun
                break
            if w.startswith("ال") and toks[j - 1].norm in _LINKS:
                j += 1  # "أبو الرب", "عبد الرحمن"
                continue
            if w.startswith("ال"):
                closed = True
                if w.endswith("ي") and kb.adjectives.match_at(toks, j, text) is None:
                    j += 1  # a nisba family name ("الكندري") is the name's last word
                break
            j += 1
        # a definite word closes a name that ends in a unit of its own ("كمال أبو الرب
        # الاقتحام"); after a plain word it may be that word's noun in construct, the object of
        # the verb ("ناشد الدكتور سعيد هيئات المجتمع", "أحمد فروخ موظفي الشركة"): then only a
        # clear boundary closes the name
        linked = j - k > 2 and toks[j - 2].norm in _LINKS
        if (
            j - k < 2 or toks[j - 1].norm in _LINKS or any(
                a < j and k < b and (label != "PER" or a < k or b > j) for a, b, label in tagged
            )
            or not (stop or (closed and linked) or _boundary(toks, j, text))
        ):
            k += 1
            continue
        start, end = t.start, toks[j - 1].end
        out.append((NameSpan(start, end, "PER", words(text[start:end]), None, "ner"), k, j, "ner"))
        k = j
    return out
