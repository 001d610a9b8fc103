"""Sample the second PROTEST development set (tests/data/protest_dev2.tsv) from SaudiNewsNet.

    .venv/bin/python scripts/sample_protest_dev.py [--corpus DIR] [--n 300] [--seed 6] > refs.tsv
    .venv/bin/python scripts/sample_protest_dev.py --check tests/data/protest_dev2.tsv

A harder set than the first one: every sampled sentence holds protest vocabulary (demonstrate,
protest, sit-in, strike, riot, march with a protest word, road block), so the decision is
between a protest told as the reported event and protesters as victims, background, topic,
statement, call or another sense. Sentences come from the pipeline's own splitter
(:func:`marsad.segment.sentences`) over each article's ``content``; duplicate articles and
sentences, sentences already in tests/data/protest_dev.tsv, and sentences under 40 or over 600
characters are skipped; the sample is drawn with ``random.Random(seed)`` and written in corpus
order as references (``archive member article start end sha256 label note``, label empty:
labelled by hand afterwards). ``--check`` verifies that a labelled file holds exactly the
references this script draws, so the set stays reproducible.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import zipfile
from pathlib import Path

from marsad.segment import sentences

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "saudinewsnet" / "dataset"
FIRST = ROOT / "tests" / "data" / "protest_dev.tsv"
COLUMNS = ("archive", "member", "article", "start", "end", "sha256", "label", "note")

# Protest vocabulary (surface forms, optional wa/fa/bi/li and article prefixes)
_STRONG = re.compile(
    r"تظاهر|مظاهر(?:ة|ات)|احتج(?!ا?ز)|محتج(?!ز)|اعتصا?م|معتصم|[إا]ضراب|مضرب|أضرب|شغب|عصيان|تجمهر|احتشد"
    r"|قطع(?:وا)? (?:ال)?طر"
)


def sha12(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def _known(path: Path) -> set[str]:
    if not path.exists():
        return set()
    return {ln.split("\t")[5] for ln in path.read_text(encoding="utf-8").splitlines()[1:] if ln and not ln.startswith(("#", "archive"))}


def candidates(corpus: Path, exclude: set[str]) -> list[tuple[str, str, int, int, int, str]]:
    """Every eligible sentence as (archive, member, article, start, end, sha12), corpus order."""
    out: list[tuple[str, str, int, int, int, str]] = []
    seen_bodies: set[str] = set()
    seen_sents = set(exclude)
    for archive in sorted(p.name for p in corpus.glob("*.zip")):
        with zipfile.ZipFile(corpus / archive) as zf:
            member = zf.namelist()[0]
            articles = json.loads(zf.read(member))
        for i, art in enumerate(articles):
            content = art.get("content") or ""
            body = " ".join(content.split())
            if not body or body in seen_bodies:
                continue
            seen_bodies.add(body)
            if not _STRONG.search(content):
                continue
            for s in sentences(content):
                text = content[s.start : s.end]
                if not 40 <= len(text) <= 600 or not _STRONG.search(text):
                    continue
                h = sha12(text)
                if h in seen_sents:
                    continue
                seen_sents.add(h)
                out.append((archive, member, i, s.start, s.end, h))
    return out


def sample(corpus: Path, n: int, seed: int) -> list[tuple[str, str, int, int, int, str]]:
    pool = candidates(corpus, _known(FIRST))
    picked = random.Random(seed).sample(range(len(pool)), n)
    return [pool[i] for i in sorted(picked)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--seed", type=int, default=6)
    ap.add_argument("--check", type=Path, help="a labelled file that must hold exactly this sample")
    args = ap.parse_args(argv)
    rows = sample(args.corpus, args.n, args.seed)
    if args.check:
        got = [ln.split("\t")[:6] for ln in args.check.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith(("#", "archive"))]
        want = [[a, m, str(i), str(s), str(e), h] for a, m, i, s, e, h in rows]
        if got != want:
            print(f"{args.check}: references differ from the seeded sample", file=sys.stderr)
            return 1
        print(f"{args.check}: {len(got)} references match the seeded sample")
        return 0
    print("\t".join(COLUMNS))
    for a, m, i, s, e, h in rows:
        print(f"{a}\t{m}\t{i}\t{s}\t{e}\t{h}\t\t")
    return 0


if __name__ == "__main__":
    sys.exit(main())
