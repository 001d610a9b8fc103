"""Rebuild the clitic segmenter's data in src/marsad/resources/segment/ from ../shared/data.

    .venv/bin/python scripts/build_segment_lexicon.py [--data ../shared/data] [--min-count 3]

1. ``frequencies.tsv.gz``: segmentation-key (``seg_key``) frequencies of Arabic words in SaudiNewsNet (titles and
   bodies of all 31,030 articles; CC BY-NC-SA 4.0, hence the NOTICE beside it).
2. ``model.json``: the weights of :mod:`marsad.clitics`, a log-linear model over each word's
   candidate analyses (softmax, L2, AdaGrad with weight averaging; deterministic) trained on the
   WikiNews Farasa segmentation gold mapped to the UD scheme (Farasa also splits the article,
   feminine/plural suffixes, case endings and verb subject suffixes; UD does not), plus the
   hand-written list of words that never split.

UD Arabic PUD is a test set: nothing here reads it. The script prints a 5-fold cross-validated
clitic-boundary score on WikiNews before training the final model on all of it.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import math
import random
import re
import sys
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from marsad.clitics import CliticModel, candidates, score  # noqa: E402
from marsad.normalize import ARABIC_LETTERS, ARABIC_MARKS, seg_key  # noqa: E402

OUT = ROOT / "src" / "marsad" / "resources" / "segment"
WORD = re.compile(f"[{ARABIC_LETTERS}{ARABIC_MARKS}\u0640]+")

# Function words that UD keeps whole although they begin with a clitic letter or end in a
# pronoun-like one (match keys). Written by hand from Arabic grammar, not from any test set.
KEEP = sorted(
    {
        "كما", "كلما", "لكن", "لكي", "كي", "لدى", "لقد", "لم", "لن", "لا", "ليس", "ليست", "ليسوا",
        "لعل", "لو", "لولا", "لوما", "كل", "كلا", "كلتا", "كيف", "كيفما", "كان", "كانت",
        "كانوا", "كانا", "كنت", "كنا", "بعد", "بين", "بل", "بلى", "بينما", "بيد", "فيما", "فقط",
        "في", "فوق", "فور", "هو", "هي", "هم", "هما", "هن", "نحن", "انا", "انت", "انتم", "ذلك",
        "تلك", "هناك", "هنالك", "هنا", "كذا", "بعض", "لدن", "لذا", "هكذا",
        "ماذا", "منذ", "مما", "عما", "ممن", "عمن", "لما", "حيث", "حين", "حينما", "بضع",
        "بضعه", "كلاهما", "كليهما", "ولي", "والي", "بي", "سي", "فيفا", "ليبيا", "لبنان",
        "كندا", "كوريا", "فرنسا", "بريطانيا", "بلجيكا", "بولندا", "فنلندا", "لندن", "برلين",
        "فلسطين", "سوريا", "بغداد", "بيروت", "سيناء", "كابل", "بكين", "واشنطن", "فيينا",
        "باريس", "بروكسل", "فنزويلا", "كينيا", "بنغلاديش", "بوتين", "فيسبوك", "لوس",
        # verbs whose first letter is a radical: بات "became", بدا "seemed" (ات, دا are no stems),
        # and لسنا, the negative copula "we are not" (one word in UD)
        "بات", "باتت", "باتوا", "بدا", "بدت", "بدوا", "لسنا", "لست",
        # names whose tail is a word (نما, اوس, يستر, اراك, ني), and واس, the Saudi Press Agency
        "بنما", "لاوس", "سيشل", "سيدني", "ليستر", "باراك", "واس",
        "فلان", "فلانة",  # "so-and-so", not ف + لأن
    }
)


def articles(data: Path) -> Iterable[str]:
    for z in sorted((data / "saudinewsnet" / "dataset").glob("*.zip")):
        with zipfile.ZipFile(z) as zf:
            for name in zf.namelist():
                for a in json.loads(zf.read(name)):
                    yield (a.get("title") or "") + "\n" + (a.get("content") or "")


def count_words(data: Path) -> collections.Counter[str]:
    counts: collections.Counter[str] = collections.Counter()
    for text in articles(data):
        counts.update(seg_key(w) for w in WORD.findall(text))
    counts.pop("", None)
    return counts


SUBJECT = {"ت", "تا", "تم", "تن", "تما", "وا", "ا", "ن", "ون", "ين", "ان", "نا", "و"}
NONCONCAT = {("من", "ما"), ("عن", "ما"), ("من", "من"), ("عن", "من")}


def _object_na(segs: list[str], tags: list[str], k: int) -> bool:
    """نا after an imperfect verb is its object (يمكننا "enables us"), never its subject; Farasa
    tags both PRON. After a perfect verb (قررنا "we decided") it is taken as the subject."""
    if segs[k] != "نا" or tags[k - 1] != "V":
        return False
    return segs[k - 1].startswith("ي") or (k >= 2 and tags[k - 2] == "FUT_PART")


def wikinews_ud(path: Path | str) -> list[tuple[str, tuple[int, ...]]]:
    """WikiNews Farasa tokens as (surface, UD cut points); tokens without Arabic are skipped."""
    out: list[tuple[str, tuple[int, ...]]] = []
    lines = Path(path).read_text(encoding="utf-8").splitlines()[1:]
    for line in lines:
        tok, _, tag = line.partition("\t")
        segs, tags = tok.split("+"), tag.split("+")
        if len(segs) != len(tags) or not WORD.search(tok) or any(not s for s in segs):
            continue
        if any((a, b) in NONCONCAT for a, b in zip(segs, segs[1:], strict=False)):
            continue
        surface = ""
        cuts: list[int] = []
        prev_tag = ""
        for k, (seg, t) in enumerate(zip(segs, tags, strict=True)):
            if t == "DET" and k > 0 and segs[k - 1] == "ل" and tags[k - 1] in ("PREP", "PART"):
                seg = "ل"  # ل + ال is written لل
            joins = (
                k == 0
                or t in ("NSUFF", "CASE")
                or prev_tag == "DET"
                or (
                    t == "PRON"
                    and seg in SUBJECT
                    and prev_tag in ("V", "PRON_SUBJ")
                    and not _object_na(segs, tags, k)
                )
            )
            if not joins:
                cuts.append(len(surface))
            surface += seg
            prev_tag = "PRON_SUBJ" if (t == "PRON" and joins and k > 0) else t
        out.append((surface, tuple(cuts)))
    return out


def _as_key(surface: str, cuts: tuple[int, ...]) -> tuple[str, tuple[int, ...]] | None:
    key = seg_key(surface)
    return (key, cuts) if len(key) == len(surface) else None


def train(
    items: list[tuple[str, tuple[int, ...]]],
    freq: Mapping[str, int],
    keep: frozenset[str],
    epochs: int = 16,
    rate: float = 0.2,
    l2: float = 1e-3,
    average_from: int = 4,
    seeds: tuple[int, ...] = (13, 14, 15),
) -> dict[str, float]:
    """Log-linear model over whole-word candidate analyses: softmax loss with L2, AdaGrad steps,
    weights averaged over the epochs from ``average_from`` on and over one run per shuffling
    seed (a single run leaves borderline words such as وافق to the luck of the order). Words the
    grammar rules decide (function words, compound prepositions) are left out."""
    rules = CliticModel(freq=freq, weights={}, keep=keep)
    data = []
    unreachable = 0
    for key, gold in items:
        if rules.rule(key) is not None:
            continue
        cands = candidates(key, freq)
        index = next((i for i, c in enumerate(cands) if c.cuts == gold), None)
        if index is None:
            unreachable += 1
            continue
        data.append(([c.features for c in cands], index))
    total: dict[str, float] = collections.defaultdict(float)
    snapshots = 0
    for seed in seeds:
        snapshots += _fit(data, total, epochs, rate, l2, average_from, seed)
    print(f"  trained on {len(data)} words ({unreachable} unreachable by the grammar)", file=sys.stderr)
    mean = {k: v / snapshots for k, v in sorted(total.items())}
    return {k: round(v, 5) for k, v in mean.items() if abs(v) > 1e-6}


def _fit(
    data: list[tuple[list[dict[str, float]], int]],
    total: dict[str, float],
    epochs: int,
    rate: float,
    l2: float,
    average_from: int,
    seed: int,
) -> int:
    """One AdaGrad run; adds its weights after each averaged epoch to ``total``."""
    w: dict[str, float] = collections.defaultdict(float)
    g2: dict[str, float] = collections.defaultdict(lambda: 1e-8)
    snapshots = 0
    data = list(data)
    rng = random.Random(seed)
    for epoch in range(epochs):
        rng.shuffle(data)
        for feats, index in data:
            scores = [score(f, w) for f in feats]
            top = max(scores)
            exps = [math.exp(x - top) for x in scores]
            z = sum(exps)
            grad: dict[str, float] = collections.defaultdict(float)
            for f, e in zip(feats, exps, strict=True):
                p = e / z
                if p > 1e-9:
                    for k, v in f.items():
                        grad[k] += p * v
            for k, v in feats[index].items():
                grad[k] -= v
            for k, gk in grad.items():
                gk += l2 * w[k]
                g2[k] += gk * gk
                w[k] -= rate * gk / math.sqrt(g2[k])
        if epoch >= average_from:
            snapshots += 1
            for k, v in w.items():
                total[k] += v
    return snapshots


def boundary_prf(pairs: Iterable[tuple[tuple[int, ...], tuple[int, ...]]]) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for pred, gold in pairs:
        p, g = set(pred), set(gold)
        tp += len(p & g)
        fp += len(p - g)
        fn += len(g - p)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def cross_validate(items, freq, keep: frozenset[str], folds: int = 5) -> tuple[float, float, float]:
    pairs = []
    for k in range(folds):
        lo, hi = len(items) * k // folds, len(items) * (k + 1) // folds
        weights = train(items[:lo] + items[hi:], freq, keep)
        model = CliticModel(freq=freq, weights=weights, keep=keep)
        pairs += [(model.segment(key), gold) for key, gold in items[lo:hi]]
    return boundary_prf(pairs)


NOTICE = """\
frequencies.tsv.gz: match-key word frequencies (count >= {min_count}) computed from
SaudiNewsNet (https://github.com/parallelfold/SaudiNewsNet, commit
4e39239966c2ae8a3faa591201acb9cd1f51199d), licensed CC BY-NC-SA 4.0
(https://creativecommons.org/licenses/by-nc-sa/4.0/). This derived list is shared under the
same license (non-commercial, share-alike). Rebuild it with scripts/build_segment_lexicon.py.

model.json: weights learnt from the QCRI WikiNews segmentation gold of Farasa
(https://github.com/kdarwish/Farasa, commit d1fa27050cee4af81b47b6f39ac671cefb22e049, README:
"Feel free to copy and distribute the files"), mapped to the Universal Dependencies scheme.
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--no-cv", action="store_true", help="skip the cross-validated WikiNews score")
    args = ap.parse_args(argv)

    print("counting SaudiNewsNet words...", file=sys.stderr)
    counts = count_words(args.data)
    freq = {w: c for w, c in counts.items() if c >= args.min_count}
    keep = frozenset(KEEP)
    items = [
        x
        for s, c in wikinews_ud(args.data / "wikinews_farasa" / "WikiNews.pos.ref")
        if (x := _as_key(s, c)) is not None
    ]
    print(f"{len(freq)} frequencies; {len(items)} WikiNews words", file=sys.stderr)
    if not args.no_cv:
        p, r, f = cross_validate(items, freq, keep)
        print(f"WikiNews 5-fold clitic boundaries (UD-mapped): P={p:.4f} R={r:.4f} F1={f:.4f}")
    weights = train(items, freq, keep)

    args.out.mkdir(parents=True, exist_ok=True)
    rows = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))
    body = "".join(f"{w}\t{c}\n" for w, c in rows).encode("utf-8")
    (args.out / "frequencies.tsv.gz").write_bytes(gzip.compress(body, mtime=0))
    model = {
        "version": 1,
        "about": "marsad.clitics weights (log-linear model on WikiNews mapped to UD) and "
        "words that never split; rebuilt by scripts/build_segment_lexicon.py",
        "keep": KEEP,
        "weights": dict(sorted(weights.items())),
    }
    (args.out / "model.json").write_text(json.dumps(model, ensure_ascii=False, indent=1) + "\n", "utf-8")
    (args.out / "NOTICE").write_text(NOTICE.format(min_count=args.min_count), "utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
