"""The blind gold sets (tests/gold_dev2/, tests/gold_heldout*/) are well-formed and consistent.

These files are only ever scored (``marsad eval tests/gold_heldout/``), never tuned on, so a
broken span or a dangling entity id would silently distort the one honest figure the project
has. ``tests/gold_dev2/`` is the previous blind set (session 2, since used for development);
``tests/gold_heldout/`` was written blind in session 3, ``tests/gold_heldout2/`` is a second
and ``tests/gold_heldout3/`` a third fresh blind set. This checks form and consistency only;
quality floors are the integrator's business.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest

from marsad.evaluate.docscore import score_document
from marsad.evaluate.gold import load_gold, load_gold_files
from marsad.evaluate.perfect import perfect_document
from test_gold_files import _make_gold, validate

ROOT = Path(__file__).resolve().parents[1]
# (folder, number of documents it must hold)
SETS = [
    (ROOT / "tests" / "gold_dev2", 8),
    (ROOT / "tests" / "gold_heldout", 10),
    (ROOT / "tests" / "gold_heldout2", 6),
    (ROOT / "tests" / "gold_heldout3", 7),
]
FOLDERS = [folder for folder, _ in SETS]
GOLD_FILES = [p for folder in FOLDERS for p in sorted(folder.glob("*.gold.json"))]
SPEC_FILES = [p for folder in FOLDERS for p in sorted((folder / "specs").glob("*.toml"))]


def _name(p: Path) -> str:
    return p.name.removesuffix(".gold.json")


def _id(p: Path) -> str:
    stem = _name(p) if p.name.endswith(".gold.json") else p.stem
    folder = p.parent.parent.name if p.parent.name == "specs" else p.parent.name
    return f"{folder}/{stem}"


def _load(path: Path) -> tuple[dict[str, Any], str]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    return gold, (path.parent / gold["text_file"]).read_text(encoding="utf-8")


@pytest.mark.parametrize(("folder", "expected"), SETS, ids=lambda v: getattr(v, "name", str(v)))
def test_blind_set_is_complete_and_disjoint_from_development_data(
    folder: Path, expected: int
) -> None:
    texts = {p.stem for p in (folder / "texts").glob("*.txt")}
    assert len(texts) == expected
    assert {_name(p) for p in folder.glob("*.gold.json")} == texts
    assert {p.stem for p in (folder / "specs").glob("*.toml")} == texts
    dev_names = {p.stem for p in (ROOT / "examples").glob("*.txt")}
    dev_names |= {_name(p) for p in (ROOT / "tests" / "gold").glob("*.gold.json")}
    dev_texts = {p.read_text(encoding="utf-8") for p in (ROOT / "examples").glob("*.txt")}
    for other in FOLDERS:
        if other != folder:
            dev_names |= {p.stem for p in (other / "texts").glob("*.txt")}
            dev_texts |= {p.read_text(encoding="utf-8") for p in (other / "texts").glob("*.txt")}
    assert not texts & dev_names, "a blind document is also in another gold set or examples/"
    for p in (folder / "texts").glob("*.txt"):
        assert p.read_text(encoding="utf-8") not in dev_texts, p.name


@pytest.mark.parametrize("path", GOLD_FILES, ids=_id)
def test_blind_gold_is_valid(path: Path) -> None:
    gold, text = _load(path)
    assert gold["id"] == _name(path)
    assert gold["text_file"] == f"texts/{gold['id']}.txt"
    validate(gold, text)


@pytest.mark.parametrize("spec_path", SPEC_FILES, ids=_id)
def test_blind_gold_is_what_its_spec_builds(spec_path: Path) -> None:
    make_gold = _make_gold()
    spec, text, out = make_gold.load(spec_path)
    assert out == spec_path.parent.parent / f"{spec_path.stem}.gold.json"
    assert out.read_text(encoding="utf-8") == make_gold.render(make_gold.build_gold(spec, text))


@pytest.mark.parametrize("path", GOLD_FILES, ids=_id)
def test_blind_events_point_at_entities_with_a_basis(path: Path) -> None:
    """Every event role names an entity; every dated event lies in a plausible window."""
    gold, text = _load(path)
    ents = {e["id"]: e for e in gold["entities"]}
    reported = gold["published"] or gold.get("expect_published")
    for ev in gold["events"]:
        for role in ("source", "target", "location"):
            ref = ev.get(role)
            assert ref is None or ref in ents, f"{ev['id']}.{role} = {ref!r}"
        sp = ev["evidence"]
        assert text[sp["start"] : sp["end"]] == sp["text"]
        if ev.get("date") and reported:
            # a blind-set event is dated at most a year and a half before its report
            assert "2024-01-01" <= ev["date"] <= reported or ev.get("modality") in {
                "future",
                "demanded",
            }, ev["id"]
    for q in gold["quotes"]:
        assert q["speaker"] in ents, q


@pytest.mark.parametrize("path", GOLD_FILES, ids=_id)
def test_blind_body_is_wire_length(path: Path) -> None:
    gold, text = _load(path)
    body = list(text)
    for bp in gold["boilerplate"]:
        body[bp["start"] : bp["end"]] = " " * (bp["end"] - bp["start"])
    assert 150 <= len("".join(body).split()) <= 400


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda f: f.name)
def test_blind_folder_loads_in_the_scorer(folder: Path) -> None:
    golds = list(load_gold_files([str(folder)]))
    assert sorted(g.id for g in golds) == sorted(_name(p) for p in folder.glob("*.gold.json"))
    specs = sorted((folder / "specs").glob("*.toml"))
    outlets = {tomllib.loads(p.read_text(encoding="utf-8"))["outlet"] for p in specs}
    assert len(outlets) == len(specs), "every document of a blind set comes from its own outlet"


@pytest.mark.parametrize("include_optional", [True, False])
@pytest.mark.parametrize("path", GOLD_FILES, ids=_id)
def test_blind_perfect_prediction_scores_one(path: Path, include_optional: bool) -> None:
    """The gold is scorable: predicting exactly it gives 1.0 on every defined figure."""
    gold = load_gold(path)
    result = score_document(gold, perfect_document(gold, include_optional=include_optional))
    defined = {k: v for k, v in result.scores.metrics().items() if v is not None}
    assert defined and all(v == 1.0 for v in defined.values()), defined
    assert result.items == ()
