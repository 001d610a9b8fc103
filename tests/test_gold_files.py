"""The gold analyses are themselves checked: offsets, references, codes, and the spec round trip.

A gold file that points one character off, names an entity that does not exist or codes a
CAMEO root that contradicts its PLOVER type would silently mis-score every layer, so each one
is validated here (``tests/gold/*.gold.json`` strictly, the shared gold where present).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "tests" / "gold"
SPEC_DIR = GOLD_DIR / "specs"
EXAMPLES = ROOT / "examples"
SHARED_GOLD = ROOT.parent / "shared" / "gold"

GOLD_FILES = sorted(GOLD_DIR.glob("*.gold.json"))
SPECS = sorted(SPEC_DIR.glob("*.toml"))

ENTITY_TYPES = {"PER", "ORG", "GPE", "LOC", "NORP", "FAC"}
PLOVER = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
}
# Which PLOVER types a CAMEO root (first two digits) may be coded as.
CAMEO_ROOT_PLOVER = {
    "01": {"SUPPORT", "AGREE", "ACCUSE", "CONSULT", "REJECT"},
    "02": {"REQUEST"},
    "03": {"AGREE", "COOPERATE", "AID", "CONSULT", "CONCEDE"},
    "04": {"CONSULT"},
    "05": {"SUPPORT", "AGREE", "COOPERATE"},
    "06": {"COOPERATE"},
    "07": {"AID"},
    "08": {"CONCEDE", "RETREAT"},
    "09": {"ACCUSE", "COOPERATE"},
    "10": {"REQUEST"},
    "11": {"ACCUSE"},
    "12": {"REJECT"},
    "13": {"THREATEN"},
    "14": {"PROTEST"},
    "15": {"MOBILIZE"},
    "16": {"SANCTION", "RETREAT"},
    "17": {"COERCE"},
    "18": {"ASSAULT"},
    "19": {"ASSAULT"},
    "20": {"ASSAULT"},
}
BOILERPLATE_KINDS = {
    "signoff",
    "editor_initials",
    "timestamp",
    "comment_prompt",
    "share",
    "related",
    "source_line",
    "navigation",
    "other",
}
MODALITIES = {"asserted", "future", "hypothetical", "demanded"}
ACTOR_ROLES = {
    "GOV",
    "MIL",
    "COP",
    "REB",
    "OPP",
    "JUD",
    "LEG",
    "MED",
    "BUS",
    "CVL",
    "EDU",
    "HLH",
    "IGO",
    "NGO",
    "SPY",
    "INS",
    "REF",
    "LAB",
    "AGR",
    "CRM",
    "UAF",
    "ELI",
    "MOD",
    "RAD",
    "HRI",
    "IMG",
    "SEP",
    "ENV",
}
INTERNATIONAL_PREFIXES = {"IGO", "NGO", "UNO", "MNC", "IMG"}
PROCLITICS = set("وفبلك")
ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u066E-\u06D3\u06FA-\u06FF]")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
CAMEO = re.compile(r"^\d{2,4}$")


def _is_letter(ch: str) -> bool:
    return bool(ARABIC_LETTER.match(ch)) or ch.isalnum()


def _load(path: Path) -> tuple[dict[str, Any], str]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = (path.parent / gold["text_file"]).read_text(encoding="utf-8")
    return gold, text


def _check_span(span: dict[str, Any], text: str, where: str) -> None:
    s, e = span["start"], span["end"]
    assert isinstance(s, int) and isinstance(e, int), where
    assert 0 <= s < e <= len(text), f"{where}: [{s}, {e}) outside the text"
    assert text[s:e] == span["text"], f"{where}: text[{s}:{e}] is {text[s:e]!r}"
    assert span["text"] == span["text"].strip(), f"{where}: span has outer whitespace"


def _check_word_boundaries(span: dict[str, Any], text: str, where: str) -> None:
    """A mention starts at a word start (after at most two proclitics) and ends at a word end."""
    s, e = span["start"], span["end"]
    assert e == len(text) or not _is_letter(text[e]), f"{where}: ends inside a word"
    i = s
    while i > 0 and _is_letter(text[i - 1]):
        i -= 1
    prefix = text[i:s]
    assert len(prefix) <= 2 and set(prefix) <= PROCLITICS, (
        f"{where}: starts inside a word (prefix {prefix!r})"
    )


def _valid_date(value: str | None, where: str) -> None:
    if value is None:
        return
    assert DATE.match(value), f"{where}: {value!r} is not YYYY-MM-DD"
    dt.date.fromisoformat(value)


def _valid_actor(actor: str | None, country: str | None, where: str) -> None:
    if actor is None:
        return
    assert re.fullmatch(r"(?:[A-Z]{3})+", actor), f"{where}: actor {actor!r}"
    roles = [actor[i : i + 3] for i in range(3, len(actor), 3)]
    assert set(roles) <= ACTOR_ROLES, f"{where}: unknown role codes in {actor!r}"
    if country is not None and actor[:3] not in INTERNATIONAL_PREFIXES:
        assert actor[:3] == country, f"{where}: actor {actor!r} vs country {country!r}"


def validate(gold: dict[str, Any], text: str, *, strict: bool = True) -> None:
    """Every rule a gold file must keep; ``strict`` adds the rules of this project's files."""
    for key in (
        "id",
        "text_file",
        "published",
        "outlet",
        "boilerplate",
        "entities",
        "events",
        "quotes",
    ):
        assert key in gold, f"missing {key!r}"
    _valid_date(gold["published"], "published")
    _valid_date(gold.get("expect_published"), "expect_published")
    if strict:
        assert gold["published"] or gold.get("expect_published"), "no date to resolve against"

    boilerplate: list[tuple[int, int]] = []
    for i, bp in enumerate(gold["boilerplate"]):
        _check_span(bp, text, f"boilerplate[{i}]")
        if strict or "kind" in bp:
            assert bp["kind"] in BOILERPLATE_KINDS, f"boilerplate[{i}]: kind {bp.get('kind')!r}"
        boilerplate.append((bp["start"], bp["end"]))
    no_events = list(boilerplate)
    for i, fb in enumerate(gold.get("forbidden_events", [])):
        _check_span(fb, text, f"forbidden_events[{i}]")
        no_events.append((fb["start"], fb["end"]))

    def outside(span: dict[str, Any], spans: list[tuple[int, int]], where: str) -> None:
        for s, e in spans:
            assert span["end"] <= s or span["start"] >= e, f"{where}: inside {text[s:e]!r}"

    def outside_blocked(span: dict[str, Any], where: str) -> None:
        outside(span, no_events, where)

    if "dateline" in gold:
        d = gold["dateline"]
        _check_span(d, text, "dateline")
        _valid_date(d.get("date"), "dateline.date")

    ids: set[str] = set()
    for ent in gold["entities"]:
        where = f"entity {ent['id']}"
        assert ent["id"] not in ids, f"{where}: duplicate id"
        ids.add(ent["id"])
        assert ent["type"] in ENTITY_TYPES, where
        assert set(ent.get("alt_types", [])) <= ENTITY_TYPES, where
        assert ent["canonical"], where
        country = ent.get("country")
        assert country is None or re.fullmatch(r"[A-Z]{3}", country), f"{where}: {country!r}"
        _valid_actor(ent.get("actor"), country, where)
        spans = ent["mentions"] + ent["role_mentions"]
        if strict:
            assert spans or ent.get("optional"), f"{where}: no mentions"
        for m in spans:
            _check_span(m, text, where)
            if strict:
                _check_word_boundaries(m, text, f"{where} {m['text']!r}")
                outside(m, boilerplate, f"{where} {m['text']!r}")

    event_ids: set[str] = set()
    for ev in gold["events"]:
        where = f"event {ev['id']}"
        assert ev["id"] not in event_ids, f"{where}: duplicate id"
        event_ids.add(ev["id"])
        assert ev["plover"] in PLOVER, where
        assert set(ev.get("alt_plover", [])) <= PLOVER, where
        cameos = [ev["cameo"], *ev.get("alt_cameo", [])]
        for code in cameos:
            assert CAMEO.match(code) and code[:2] in CAMEO_ROOT_PLOVER, f"{where}: CAMEO {code!r}"
        assert ev["plover"] in CAMEO_ROOT_PLOVER[ev["cameo"][:2]], (
            f"{where}: CAMEO {ev['cameo']} is not a {ev['plover']} code"
        )
        if strict:
            allowed = {ev["plover"], *ev.get("alt_plover", [])}
            for code in ev.get("alt_cameo", []):
                assert allowed & CAMEO_ROOT_PLOVER[code[:2]], f"{where}: alt CAMEO {code}"
        for role in ("source", "target", "location"):
            ref = ev.get(role)
            assert ref is None or ref in ids, f"{where}: {role} {ref!r} is not an entity"
        if strict:
            assert ev.get("source") is not None or ev.get("target") is not None, (
                f"{where}: an event with neither source nor target"
            )
        _valid_date(ev.get("date"), f"{where}.date")
        count = ev.get("count")
        assert count is None or (isinstance(count, int) and count > 0), where
        assert ev.get("modality", "asserted") in MODALITIES, where
        assert isinstance(ev.get("negated", False), bool), where
        _check_span(ev["evidence"], text, where)
        outside_blocked(ev["evidence"], where)

    for i, q in enumerate(gold["quotes"]):
        where = f"quote[{i}]"
        assert q["speaker"] is None or q["speaker"] in ids, f"{where}: speaker {q['speaker']!r}"
        assert isinstance(q["direct"], bool), where
        _check_span(q, text, where)
        outside(q, boilerplate, where)


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name.removesuffix(".gold.json"))
def test_gold_file_is_valid(path: Path) -> None:
    gold, text = _load(path)
    assert gold["id"] == path.name.removesuffix(".gold.json")
    validate(gold, text)


def test_shared_gold_is_valid() -> None:
    paths = sorted(SHARED_GOLD.glob("*.gold.json"))
    if not paths:
        pytest.skip(f"{SHARED_GOLD} is absent")
    for path in paths:
        gold, text = _load(path)
        validate(gold, text, strict=False)


def _make_gold() -> Any:
    spec = importlib.util.spec_from_file_location("make_gold", ROOT / "scripts" / "make_gold.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_gold", module)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("spec_path", SPECS, ids=lambda p: p.stem)
def test_gold_file_matches_its_spec(spec_path: Path) -> None:
    make_gold = _make_gold()
    spec, text, out = make_gold.load(spec_path)
    assert out.exists(), f"{out} missing: run scripts/make_gold.py {spec_path}"
    assert out.read_text(encoding="utf-8") == make_gold.render(make_gold.build_gold(spec, text))


def test_every_example_has_a_gold_file_and_spec() -> None:
    examples = sorted(EXAMPLES.glob("*.txt"))
    assert len(examples) >= 12
    golds = {p.name.removesuffix(".gold.json") for p in GOLD_FILES}
    specs = {p.stem for p in SPECS}
    for ex in examples:
        assert ex.stem in golds, f"{ex.name} has no gold file"
        assert ex.stem in specs, f"{ex.name} has no spec"
    outlets = {tomllib.loads(p.read_text(encoding="utf-8"))["outlet"] for p in SPECS}
    assert len(outlets) == len(SPECS), "every example comes from a different outlet"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name.removesuffix(".gold.json"))
def test_example_length_is_wire_like(path: Path) -> None:
    gold, text = _load(path)
    body = list(text)
    for bp in gold["boilerplate"]:
        body[bp["start"] : bp["end"]] = " " * (bp["end"] - bp["start"])
    words = len("".join(body).split())
    assert 150 <= words <= 400, f"{words} body words"


def test_make_gold_resolves_occurrences() -> None:
    make_gold = _make_gold()
    text = "زار الوزير موسكو ثم عاد الوزير إلى موسكو وقال: نعم."
    assert make_gold.resolve("الوزير#2", text) == [(24, 30)]
    assert make_gold.resolve("موسكو#*", text, many=True) == [(11, 16), (35, 40)]
    assert make_gold.resolve("وقال…نعم", text) == [(41, 50)]
    with pytest.raises(make_gold.SpecError):
        make_gold.resolve("الوزير", text)  # ambiguous without #n
    with pytest.raises(make_gold.SpecError):
        make_gold.resolve("طهران", text)  # absent
    with pytest.raises(make_gold.SpecError):
        make_gold.resolve("موسكو#3", text, many=True)  # no third occurrence
