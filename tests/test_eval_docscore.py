"""Gold-document scoring: perfect, empty and hand-computed partial predictions."""

from __future__ import annotations

import json
import math
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from marsad.document import Boilerplate, Dateline, Document, Entity, Event, Mention, Quote, Trigger
from marsad.evaluate.docscore import evaluate_gold, score_document
from marsad.evaluate.gold import GoldFormatError, gold_from_dict, load_gold, load_gold_files
from marsad.evaluate.perfect import OracleStep, perfect_document
from marsad.pipeline import Pipeline

TEXT = (
    "طهران 5 يناير (إرنا) - استقبل الرئيس الإيراني مسعود بزشكيان وزير الخارجية الروسي "
    "سيرغي لافروف في طهران.\n"
    'وقال بزشكيان: "نريد علاقات أقوى مع روسيا". وأشاد لافروف بإيران.\n'
    "اقرأ أيضا: الجيش يقصف مواقع في غزة\n"
    "انتهى"
)


def at(needle: str, nth: int = 0, text: str = TEXT) -> dict[str, Any]:
    """The span of the nth occurrence of ``needle`` (gold-file shape)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return {"start": start, "end": start + len(needle), "text": needle}


def gold_dict() -> dict[str, Any]:
    return {
        "id": "synthetic",
        "published": "2025-01-06",
        "expect_published": "2025-01-05",
        "boilerplate": [at("انتهى")],
        "forbidden_events": ["اقرأ أيضا: الجيش يقصف مواقع في غزة"],
        "entities": [
            {
                "id": "pezeshkian",
                "type": "PER",
                "canonical": "مسعود بزشكيان",
                "country": "IRN",
                "mentions": [at("مسعود بزشكيان"), at("بزشكيان", 1)],
                "role_mentions": [at("الرئيس الإيراني")],
            },
            {
                "id": "lavrov",
                "type": "PER",
                "canonical": "سيرغي لافروف",
                "country": "RUS",
                "mentions": [at("سيرغي لافروف"), at("لافروف", 1)],
                "role_mentions": [],
            },
            {
                "id": "tehran",
                "type": "GPE",
                "canonical": "طهران",
                "country": "IRN",
                "mentions": [at("طهران"), at("طهران", 1)],
                "role_mentions": [],
            },
            {
                "id": "russia",
                "type": "GPE",
                "canonical": "روسيا",
                "country": "RUS",
                "mentions": [at("روسيا")],
                "role_mentions": [],
            },
            {
                "id": "iran",
                "type": "GPE",
                "canonical": "إيران",
                "country": "IRN",
                "optional": True,
                "mentions": [at("إيران")],
                "role_mentions": [],
            },
        ],
        "events": [
            {
                "id": "meet",
                "plover": "CONSULT",
                "cameo": "040",
                "alt_cameo": ["042"],
                "symmetric": True,
                "source": "pezeshkian",
                "target": "lavrov",
                "location": "tehran",
                "date": "2025-01-05",
                "evidence": at("استقبل"),
            },
            {
                "id": "praise",
                "plover": "SUPPORT",
                "cameo": "051",
                "optional": True,
                "source": "lavrov",
                "target": "iran",
                "evidence": at("وأشاد"),
            },
            {
                "id": "want",
                "plover": "AGREE",
                "cameo": "030",
                "source": "pezeshkian",
                "target": "russia",
                "evidence": at("نريد"),
            },
        ],
        "quotes": [{**at("نريد علاقات أقوى مع روسيا"), "speaker": "pezeshkian", "direct": True}],
    }


@pytest.fixture
def gold():
    return gold_from_dict(gold_dict(), TEXT)


def empty(gold) -> Document:
    return Document(id=gold.id, text=gold.text)


def metrics(gold, doc) -> dict[str, float | None]:
    return score_document(gold, doc).scores.metrics()


def mention(needle: str, nth: int = 0, kind: str = "name") -> Mention:
    s = at(needle, nth)
    return Mention(s["start"], s["end"], needle, kind)  # type: ignore[arg-type]


def trigger(needle: str, nth: int = 0) -> Trigger:
    s = at(needle, nth)
    return Trigger(s["start"], s["end"], needle)


# -- perfect and empty --------------------------------------------------------------------------


def test_perfect_prediction_scores_one_everywhere(gold):
    doc = perfect_document(gold)
    doc.check_offsets()
    result = score_document(gold, doc)
    assert result.items == ()
    values = result.scores.metrics()
    assert all(v == 1.0 for v in values.values()), values


REPO_GOLD = Path(__file__).parent / "gold"


@pytest.mark.parametrize("include_optional", [True, False])
def test_perfect_prediction_of_every_gold_file(gold_dir: Path, include_optional):
    dirs = [gold_dir] + ([REPO_GOLD] if any(REPO_GOLD.glob("*.gold.json")) else [])
    golds = list(load_gold_files(dirs))
    assert golds
    for g in golds:
        result = score_document(g, perfect_document(g, include_optional=include_optional))
        defined = {k: v for k, v in result.scores.metrics().items() if v is not None}
        assert defined and all(v == 1.0 for v in defined.values()), (g.id, defined)
        assert result.items == (), (g.id, result.items)


def test_perfect_without_optional_items_still_scores_one(gold):
    values = metrics(gold, perfect_document(gold, include_optional=False))
    assert all(v == 1.0 for v in values.values()), values


def test_empty_prediction_scores_zero(gold):
    result = score_document(gold, empty(gold))
    m = result.scores.metrics()
    for layer in ("boilerplate", "mentions", "coref", "events", "quotes"):
        assert m[f"gold.{layer}.recall"] == 0.0
        assert m[f"gold.{layer}.precision"] == 0.0  # nothing predicted, gold to find: P = 0
        assert m[f"gold.{layer}.f1"] == 0.0
    assert m["gold.entities.found"] == 0.0
    assert m["gold.dateline.accuracy"] == 0.0
    # nothing matched, so nothing to judge: n/a, not 0
    for name in (
        "country.accuracy",
        "events.date_accuracy",
        "events.location_accuracy",
        "quotes.speaker_accuracy",
    ):
        assert m[f"gold.{name}"] is None
    kinds = {(i.layer, i.kind) for i in result.items}
    assert (
        ("mention", "miss") in kinds and ("event", "miss") in kinds and ("quote", "miss") in kinds
    )
    assert not any(i.kind == "spurious" for i in result.items)


def test_every_miss_carries_its_text(gold):
    items = score_document(gold, empty(gold)).items
    texts = {i.text for i in items if i.layer in ("mention", "quote", "event", "boilerplate")}
    assert {
        "مسعود بزشكيان",
        "الرئيس الإيراني",
        "نريد علاقات أقوى مع روسيا",
        "استقبل",
        "انتهى",
    } <= texts


def test_gold_with_nothing_to_score_is_na():
    g = gold_from_dict({"id": "x"}, "نص قصير.")
    m = metrics(g, Document(id="x", text="نص قصير."))
    assert all(v is None for v in m.values())


# -- mentions -----------------------------------------------------------------------------------

MINI = "زار بزشكيان موسكو، والتقى بوتين في الكرملين."


def mini_gold():
    def a(n: str) -> dict[str, Any]:
        return at(n, text=MINI)

    return gold_from_dict(
        {
            "entities": [
                {"id": "p", "type": "PER", "canonical": "بزشكيان", "mentions": [a("بزشكيان")]},
                {"id": "m", "type": "GPE", "canonical": "موسكو", "mentions": [a("موسكو")]},
                {"id": "v", "type": "PER", "canonical": "بوتين", "mentions": [a("بوتين")]},
                {
                    "id": "k",
                    "type": "FAC",
                    "alt_types": ["LOC"],
                    "canonical": "الكرملين",
                    "mentions": [a("الكرملين")],
                },
            ]
        },
        MINI,
    )


def mini_entity(eid: str, typ: str, needle: str, start_shift: int = 0) -> Entity:
    s = MINI.index(needle) + start_shift
    return Entity(
        eid,
        typ,
        needle,
        (Mention(s, s + len(needle) - start_shift, MINI[s : s + len(needle) - start_shift]),),
    )


def test_two_of_four_mentions_and_one_spurious():
    g = mini_gold()
    doc = Document(
        id="m",
        text=MINI,
        entities=[
            mini_entity("a", "PER", "بزشكيان"),
            mini_entity("b", "LOC", "موسكو"),  # LOC for a GPE: compatible
            mini_entity("c", "PER", "والتقى"),  # spurious
        ],
    )
    doc.check_offsets()
    r = score_document(g, doc).scores.mentions
    assert (r.tp, r.pred, r.gold) == (2, 3, 4)
    assert r.precision == pytest.approx(2 / 3)
    assert r.recall == pytest.approx(1 / 2)
    assert r.f1 == pytest.approx(4 / 7)


@pytest.mark.parametrize(
    ("typ", "needle", "shift", "matches"),
    [
        ("PER", "بوتين", 0, True),
        ("ORG", "بوتين", 0, False),  # wrong type
        ("GPE", "بوتين", 0, False),
        ("LOC", "الكرملين", 0, True),  # an alt_type
        ("GPE", "الكرملين", 0, True),  # GPE ~ LOC, and LOC is an alt_type
        ("ORG", "الكرملين", 0, False),
        ("FAC", "الكرملين", 2, True),  # "كرملين": 6 of 8 characters
        ("FAC", "الكرملين", 5, False),  # "لين": 3 of 8 characters, less than half
        ("PER", "التقى بوتين", 0, False),  # 5 of 11 characters
    ],
)
def test_mention_overlap_and_type(typ, needle, shift, matches):
    g = mini_gold()
    doc = Document(id="m", text=MINI, entities=[mini_entity("x", typ, needle, shift)])
    doc.check_offsets()
    assert score_document(g, doc).scores.mentions.tp == int(matches)


def test_pronouns_are_not_counted_and_optional_entities_are_ignored(gold):
    doc = perfect_document(gold)
    p = at("بزشكيان", 1)
    doc.entities.append(
        Entity("pron", "PER", "ه", (Mention(p["start"] + 6, p["end"], "ن", "pronoun"),))
    )
    m = score_document(gold, doc).scores.mentions
    assert m.pred == 8  # 8 required mentions; the optional إيران and the pronoun are not counted
    assert m.precision == 1.0


# -- entities, country, coreference ------------------------------------------------------------


def test_wrong_merge_and_wrong_country(gold):
    doc = perfect_document(gold)
    by_id = {e.id: e for e in doc.entities}
    merged = Entity(
        "both", "PER", "x", by_id["pezeshkian"].mentions + by_id["lavrov"].mentions, country="IRN"
    )
    tehran = replace(by_id["tehran"], country="RUS")
    doc.entities = [merged, tehran, by_id["russia"], by_id["iran"]]
    doc.events, doc.quotes = [], []
    result = score_document(gold, doc)
    s = result.scores
    # gold pairs: pezeshkian 3, lavrov 1, tehran 1 = 5; predicted: 10 in "both" + 1 in tehran
    assert (s.coref.tp, s.coref.pred, s.coref.gold) == (5, 11, 5)
    assert s.coref.precision == pytest.approx(5 / 11)
    assert s.coref.recall == 1.0
    # country over found entities: pezeshkian ok (IRN), lavrov wrong (IRN), tehran wrong, russia ok
    assert (s.country.correct, s.country.total) == (2, 4)
    assert any(
        i.layer == "coref" and i.kind == "spurious" and "pezeshkian" in i.detail
        for i in result.items
    )
    wrong = {i.text for i in result.items if i.layer == "country"}
    assert wrong == {"سيرغي لافروف", "طهران"}


def test_split_entity_loses_pairs(gold):
    doc = perfect_document(gold)
    pz = next(e for e in doc.entities if e.id == "pezeshkian")
    doc.entities.remove(pz)
    doc.entities += [
        replace(pz, id="pz1", mentions=pz.mentions[:1]),
        replace(pz, id="pz2", mentions=pz.mentions[1:]),
    ]
    doc.events, doc.quotes = [], []
    result = score_document(gold, doc)
    # pezeshkian's 3 pairs: only (mention 2, role) stays together
    assert (result.scores.coref.tp, result.scores.coref.gold) == (3, 5)
    assert result.scores.entities_found.value == 1.0
    assert any(
        i.layer == "coref" and i.kind == "miss" and "split" in i.detail for i in result.items
    )


# -- events -------------------------------------------------------------------------------------


def event_doc(gold, *events: Event) -> Document:
    doc = perfect_document(gold)
    doc.events = list(events)
    doc.quotes = []
    doc.check_offsets()
    return doc


def meet(**kw: Any) -> Event:
    base: dict[str, Any] = dict(
        id="e",
        plover="CONSULT",
        trigger=trigger("استقبل"),
        sentence=0,
        cameo="040",
        source="pezeshkian",
        target="lavrov",
        location="tehran",
        date="2025-01-05",
    )
    base.update(kw)
    return Event(**base)


@pytest.mark.parametrize(
    ("kw", "matches"),
    [
        ({}, True),
        ({"plover": "consult"}, True),  # case does not matter
        ({"plover": "ENGAGE", "cameo": "043"}, True),  # CAMEO root 04 accepted
        ({"plover": "ENGAGE", "cameo": "0421"}, True),
        ({"plover": "ENGAGE", "cameo": "051"}, False),
        ({"plover": "ENGAGE", "cameo": None}, False),
        ({"source": "lavrov", "target": "pezeshkian"}, True),  # symmetric
        ({"source": "pezeshkian", "target": None}, False),
        ({"source": "tehran"}, True),  # same country as pezeshkian (IRN)
        ({"source": "russia"}, False),  # RUS is not pezeshkian's country
        ({"trigger": trigger("الرئيس")}, True),  # another word of the same sentence
        ({"trigger": trigger("وقال")}, False),  # another sentence
        ({"source": "no-such-entity"}, False),
    ],
)
def test_event_matching(gold, kw, matches):
    doc = perfect_document(gold)
    doc.events, doc.quotes = [meet(**kw)], []
    result = score_document(gold, doc)
    assert result.scores.events.tp == int(matches)


def test_non_symmetric_event_does_not_swap(gold):
    want = Event(
        id="w",
        plover="AGREE",
        trigger=trigger("نريد"),
        sentence=1,
        cameo="030",
        source="russia",
        target="pezeshkian",
    )
    assert score_document(gold, event_doc(gold, want)).scores.events.tp == 0
    right = replace(want, source="pezeshkian", target="russia")
    assert score_document(gold, event_doc(gold, right)).scores.events.tp == 1


def test_event_counts_dates_locations_forbidden_and_optional(gold):
    forbidden_line = Event(
        id="f", plover="ASSAULT", trigger=trigger("يقصف"), sentence=3, cameo="190"
    )
    optional = Event(
        id="o",
        plover="SUPPORT",
        trigger=trigger("وأشاد"),
        sentence=2,
        cameo="051",
        source="lavrov",
        target="iran",
    )
    wrong_date = meet(date="2025-01-04", location="russia")
    result = score_document(gold, event_doc(gold, wrong_date, forbidden_line, optional))
    s = result.scores
    # gold: meet + want required; predicted: meet (right), forbidden (wrong), optional (ignored)
    assert (s.events.tp, s.events.pred, s.events.gold) == (1, 2, 2)
    assert s.events.precision == 0.5 and s.events.recall == 0.5
    assert s.forbidden_hits == 1
    assert (s.event_date.correct, s.event_date.total) == (0, 1)
    assert (s.event_location.correct, s.event_location.total) == (0, 1)  # russia is not tehran
    spurious = [i for i in result.items if i.layer == "event" and i.kind == "spurious"]
    assert [i.text for i in spurious] == ["يقصف"] and "forbidden" in spurious[0].detail
    assert [i.text for i in result.items if i.layer == "event" and i.kind == "miss"] == ["نريد"]


def test_duplicate_events_count_once(gold):
    result = score_document(gold, event_doc(gold, meet(id="a"), meet(id="b")))
    assert (result.scores.events.tp, result.scores.events.pred) == (1, 2)


def test_matching_prefers_the_event_on_the_evidence(gold):
    """Two predicted CONSULT events in one sentence: the one on the trigger word gets the date."""
    off = meet(id="off", trigger=trigger("الرئيس"), date="1999-01-01")
    on = meet(id="on")
    s = score_document(gold, event_doc(gold, off, on)).scores
    assert s.event_date.value == 1.0


def test_event_sentence_comes_from_predicted_sentences(gold):
    from marsad.document import Sentence

    doc = event_doc(gold, meet(trigger=trigger("وقال")))
    assert score_document(gold, doc).scores.events.tp == 0
    doc.sentences = [Sentence(0, len(TEXT))]  # a prediction that calls the whole text a sentence
    assert score_document(gold, doc).scores.events.tp == 1


# -- quotes, boilerplate, dateline -------------------------------------------------------------


def test_quote_needs_the_right_speaker(gold):
    q = at("نريد علاقات أقوى مع روسيا")
    doc = perfect_document(gold)
    doc.quotes = [Quote(q["start"], q["end"], q["text"], "lavrov")]
    s = score_document(gold, doc)
    assert s.scores.quotes.tp == 0 and s.scores.quote_speaker.value == 0.0
    assert any(i.layer == "quote" and "found with speaker" in i.detail for i in s.items)
    shorter = at("نريد علاقات أقوى")  # 16 of 25 characters: still the same quote
    doc.quotes = [Quote(shorter["start"], shorter["end"], shorter["text"], "pezeshkian")]
    s = score_document(gold, doc).scores
    assert s.quotes.tp == 1 and s.quote_speaker.value == 1.0


def test_boilerplate_characters(gold):
    doc = empty(gold)
    bp = at("انتهى")
    body = at("غزة")
    # the sign-off with the newline before it (whitespace is not counted), and "غزة" of the body
    doc.boilerplate = [
        Boilerplate(bp["start"] - 1, bp["end"], "signoff"),
        Boilerplate(body["start"], body["end"], "other"),
    ]
    result = score_document(gold, doc)
    b = result.scores.boilerplate
    assert (b.tp, b.pred, b.gold) == (5, 8, 5)
    assert [i.text for i in result.items if i.layer == "boilerplate"] == ["غزة"]


def test_dateline_date(gold):
    doc = empty(gold)
    doc.dateline = Dateline(0, 20, location="طهران", agency="إرنا", date="2025-01-06")
    assert metrics(gold, doc)["gold.dateline.accuracy"] == 0.0
    doc.dateline = replace(doc.dateline, date="2025-01-05")
    assert metrics(gold, doc)["gold.dateline.accuracy"] == 1.0


def test_score_document_refuses_another_text(gold):
    with pytest.raises(ValueError):
        score_document(gold, Document(id="x", text=TEXT + " "))


# -- through a pipeline -------------------------------------------------------------------------


def test_evaluate_gold_with_an_oracle_pipeline(gold):
    ev = evaluate_gold([gold], Pipeline([OracleStep([gold])]))
    assert all(v == 1.0 for v in ev.metrics().values())
    ev = evaluate_gold([gold], Pipeline([]))
    assert ev.metrics()["gold.mentions.recall"] == 0.0


def test_micro_average_adds_counts(gold):
    mini = mini_gold()
    ev = evaluate_gold(
        [gold, mini], Pipeline([OracleStep([gold])])
    )  # perfect on one, empty on the other
    m = ev.total.mentions
    assert (m.tp, m.pred, m.gold) == (8, 8, 12)
    assert ev.metrics()["gold.mentions.recall"] == pytest.approx(8 / 12)


def test_a_rejecting_pipeline_scores_empty(gold):
    from marsad.errors import Rejected
    from marsad.pipeline import FunctionStep

    def refuse(doc: Document) -> Document:
        raise Rejected("not_arabic", "test")

    ev = evaluate_gold([gold], Pipeline([FunctionStep("lang", "1", refuse)]))
    assert ev.documents[0].reject and "not_arabic" in ev.documents[0].reject
    assert ev.metrics()["gold.mentions.recall"] == 0.0


# -- gold files ---------------------------------------------------------------------------------


def write_gold(tmp_path: Path, data: dict[str, Any], text: str = TEXT) -> Path:
    (tmp_path / "texts").mkdir(exist_ok=True)
    (tmp_path / "texts" / "a.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    path = tmp_path / "a.gold.json"
    path.write_text(
        json.dumps({**data, "text_file": "texts/a.txt"}, ensure_ascii=False), encoding="utf-8"
    )
    return path


def test_load_gold_file_resolves_text_file(tmp_path):
    g = load_gold(write_gold(tmp_path, gold_dict()))
    assert g.text == TEXT  # BOM dropped
    assert g.forbidden_events[0].text == "اقرأ أيضا: الجيش يقصف مواقع في غزة"
    assert [x.id for x in load_gold_files([tmp_path])] == ["synthetic"]


def test_forbidden_span_stays_a_span_and_a_string_widens_to_its_line(tmp_path):
    data = gold_dict()
    data["forbidden_events"] = [at("يقصف"), "الجيش يقصف"]
    g = load_gold(write_gold(tmp_path, data))
    assert g.forbidden_events[0].text == "يقصف"
    assert g.forbidden_events[1].text == "اقرأ أيضا: الجيش يقصف مواقع في غزة"


@pytest.mark.parametrize(
    "breakage",
    [
        lambda d: d["entities"][0]["mentions"][0].update(text="مسعود"),
        lambda d: d["quotes"][0].update(end=10_000),
        lambda d: d["events"][0].update(source="nobody"),
        lambda d: d["entities"].append(dict(d["entities"][0])),
        lambda d: d.update(forbidden_events=["سطر غير موجود"]),
        lambda d: d["events"][0].pop("evidence"),
    ],
)
def test_broken_gold_fails_loudly(tmp_path, breakage):
    data = gold_dict()
    breakage(data)
    with pytest.raises(GoldFormatError):
        load_gold(write_gold(tmp_path, data))


def test_missing_gold_path():
    with pytest.raises(GoldFormatError):
        list(load_gold_files(["/nonexistent/x.gold.json"]))


def test_f1_values_are_finite(gold):
    for v in metrics(gold, empty(gold)).values():
        assert v is None or math.isfinite(v)
