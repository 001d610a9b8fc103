"""Rebuild the clitic segmenter's data in src/marsad/resources/segment/ from ../shared/data.

    .venv/bin/python scripts/build_segment_lexicon.py [--data ../shared/data] [--min-count 3]

1. ``frequencies.tsv.gz``: segmentation-key (``seg_key``) frequencies of Arabic words in SaudiNewsNet (titles and
   bodies of all 31,030 articles; CC BY-NC-SA 4.0, hence the NOTICE beside it).
2. ``model.json``: the weights of :mod:`marsad.clitics`, an averaged perceptron trained on the
   WikiNews Farasa segmentation gold mapped to the UD scheme (Farasa also splits the article,
   feminine/plural suffixes, case endings and verb subject suffixes; UD does not), plus the
   hand-written list of function words that never split.

UD Arabic PUD is a test set: nothing here reads it. The script prints a 5-fold cross-validated
clitic-boundary score on WikiNews before training the final model on all of it.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
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
        "تلك", "هناك", "هنالك", "هنا", "كذا", "بعض", "لدن", "لذا", "وهكذا", "هكذا",
        "ماذا", "منذ", "مما", "عما", "ممن", "عمن", "لما", "حيث", "حين", "حينما", "بضع",
        "بضعه", "كلاهما", "كليهما", "ولي", "والي", "بي", "سي", "فيفا", "ليبيا", "لبنان",
        "كندا", "كوريا", "فرنسا", "بريطانيا", "بلجيكا", "بولندا", "فنلندا", "لندن", "برلين",
        "فلسطين", "سوريا", "بغداد", "بيروت", "سيناء", "كابل", "بكين", "واشنطن", "فيينا",
        "باريس", "بروكسل", "فنزويلا", "كينيا", "بنغلاديش", "بوتين", "فيسبوك", "لوس",
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
                or (t == "PRON" and seg in SUBJECT and prev_tag in ("V", "PRON_SUBJ"))
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
    epochs: int = 24,
    seed: int = 13,
) -> dict[str, float]:
    """Averaged perceptron over whole-word candidate analyses."""
    data = []
    unreachable = 0
    for key, gold in items:
        if key in keep or len(key) < 2:
            continue
        cands = candidates(key, freq)
        if not any(c.cuts == gold for c in cands):
            unreachable += 1
            continue
        data.append((cands, gold))
    w: dict[str, float] = collections.defaultdict(float)
    total: dict[str, float] = collections.defaultdict(float)
    stamp: dict[str, int] = collections.defaultdict(int)
    step = 0
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(data)
        for cands, gold in data:
            step += 1
            best = max(cands, key=lambda c: score(c.features, w))
            if best.cuts == gold:
                continue
            good = next(c for c in cands if c.cuts == gold)
            for feats, sign in ((good.features, 1.0), (best.features, -1.0)):
                for k, v in feats.items():
                    total[k] += (step - stamp[k]) * w[k]
                    stamp[k] = step
                    w[k] += sign * v
    for k in w:
        total[k] += (step - stamp[k]) * w[k]
    print(f"  trained on {len(data)} words ({unreachable} unreachable by the grammar)", file=sys.stderr)
    return {k: round(v / step, 5) for k, v in total.items() if abs(v / step) > 1e-6}


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
        "about": "marsad.clitics weights (averaged perceptron on WikiNews mapped to UD) and "
        "function words that never split; rebuilt by scripts/build_segment_lexicon.py",
        "keep": KEEP,
        "weights": dict(sorted(weights.items())),
    }
    (args.out / "model.json").write_text(json.dumps(model, ensure_ascii=False, indent=1) + "\n", "utf-8")
    (args.out / "NOTICE").write_text(NOTICE.format(min_count=args.min_count), "utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
