"""Sample the event-coding audit sets (tests/data/events_audit.tsv, events_audit2–4.tsv).

    .venv/bin/python scripts/sample_event_audit.py [--n 60] [--seed 66]            # the sample
    .venv/bin/python scripts/sample_event_audit.py --dump /tmp/audit.txt           # + coded events
    .venv/bin/python scripts/sample_event_audit.py --check tests/data/events_audit.tsv
    .venv/bin/python scripts/sample_event_audit.py --batch 2 [--dump /tmp/audit2.txt]
    .venv/bin/python scripts/sample_event_audit.py --batch 2 --check tests/data/events_audit2.tsv
    .venv/bin/python scripts/sample_event_audit.py --batch 3 [--dump /tmp/audit3.txt]
    .venv/bin/python scripts/sample_event_audit.py --batch 4 [--dump /tmp/audit4.txt]

Held-out text for the event coder: political and security news that nobody tuned on. An
article qualifies when it holds at least four distinct words of political or security
vocabulary (minister, president, forces, attack, arrest, talks, condemn …), is 300–4,000
characters long, is not a duplicate body, and is disjoint from the first 300 corpus records
(the throughput and development subset) and from every article referenced by
tests/data/protest_dev*.tsv. The sample is drawn with ``random.Random(seed)``; the first half
of the drawn order is the tuning half, the second half the held-back half (``half`` column).

Batch 2 (``--batch 2``, seed 67, 40 articles) is a second development set drawn once batch 1's
tune half was used up: 27 SaudiNewsNet articles from the same pool without batch 1's 60, and 13
from the ANT corpus of Jawhara FM (Tunisia, Apache-2.0, cite Chouigui et al., AICCSA 2017; its
``politic``, ``internationalNews`` and ``localNews`` files of 300–4,000 characters that pass
the same vocabulary filter, not duplicates), both without the 30 articles of the entity audit
(``scripts/sample_entity_audit.py``). The 40 are shuffled together: the first 30 of the drawn
order are the tuning half, the last 10 the held-back half. An ANT reference is
``antcorpus.data.tar.gz``, the file's path in the archive, article 0.

Batch 3 (``--batch 3``, seed 68, 40 articles: 28 SaudiNewsNet, 12 Jawhara FM) is drawn the
same way from the same pools without batches 1 and 2 and the entity audit's articles; shuffled
together, the first 30 are the tuning half, the last 10 the held-back half.

Batch 4 (``--batch 4``, seed 69, 60 articles: 42 SaudiNewsNet, 18 Jawhara FM) is drawn the
same way without batches 1–3 and the entity audit's articles; shuffled together, the first 30
are the tuning half, the last 30 the held-back half (a larger held half, so that held-out
figures move by less than a point per event).

``--dump`` runs the full pipeline (:func:`marsad.analyze.build_pipeline`) on each sampled
article and writes, for hand labelling, every sentence with its offsets and the events coded
in it. The dump holds corpus text (CC BY-NC-SA 4.0): keep it out of the repository.
``--check`` verifies that an audit file only references articles of this sample.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import random
import re
import sys
import tarfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "saudinewsnet" / "dataset"
ANT = ROOT.parent / "shared" / "data" / "ant_jawharafm" / "antcorpus.data.tar.gz"
ANT_CATEGORIES = ("politic/", "internationalNews/", "localNews/")
_ANT_FIELD = re.compile(r"<(TEXT|TIME|TITLE|URL)>\s*(.*?)\s*</\1>", re.S)
BATCH2 = {"n": 40, "ant": 13, "seed": 67, "tune": 30}
BATCH3 = {"n": 40, "ant": 12, "seed": 68, "tune": 30}
BATCH4 = {"n": 60, "ant": 18, "seed": 69, "tune": 30}
PROTEST_DEV = sorted((ROOT / "tests" / "data").glob("protest_dev*.tsv"))
FIRST_RECORDS = 300

# Political and security vocabulary; each pattern counts once per article.
_VOCAB = [
    r"وزير", r"الرئيس", r"الحكومة", r"مجلس الأمن", r"الأمم المتحدة", r"قوات", r"الجيش", r"هجوم",
    r"غار(?:ة|ات)", r"(?:مقتل|قتل)", r"اعتقال|القبض", r"تفجير", r"إرهاب", r"الحوثي", r"داعش",
    r"المعارضة", r"سفير", r"زيارة", r"استقبل", r"مباحثات|محادثات", r"أدان|إدانة|استنكر",
    r"طالب|دعا ", r"اتفاق", r"عقوبات", r"التحالف", r"مظاهر|احتجاج", r"الشرطة", r"الأمن",
    r"اشتباك", r"قصف", r"مسلح", r"انتخاب", r"البرلمان",
]
_VOCAB_RE = [re.compile(p) for p in _VOCAB]
MIN_HITS = 4


@dataclass(frozen=True, slots=True)
class Ref:
    archive: str
    member: str
    article: int
    sha12: str  # of the article's content
    half: str  # "tune" or "held"


def sha12(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def political(content: str) -> bool:
    return sum(1 for r in _VOCAB_RE if r.search(content)) >= MIN_HITS


def _protest_refs() -> set[tuple[str, int]]:
    out: set[tuple[str, int]] = set()
    for p in PROTEST_DEV:
        for ln in p.read_text(encoding="utf-8").splitlines():
            if not ln or ln.startswith(("#", "archive")):
                continue
            a, _m, i = ln.split("\t")[:3]
            out.add((a, int(i)))
    return out


def iter_corpus(corpus: Path):
    """(archive, member, index, record) in corpus order (the order of bench_ingest's reader)."""
    for z in sorted(corpus.glob("*.zip")):
        with zipfile.ZipFile(z) as zf:
            for member in sorted(zf.namelist()):
                for i, rec in enumerate(json.loads(zf.read(member))):
                    yield z.name, member, i, rec


def iso_date(value: str) -> str:
    """"2017-01-21T16:19:00+01:00" or "17/05/2015" as YYYY-MM-DD ("" when neither)."""
    if re.match(r"\d{4}-\d\d-\d\d", value):
        return value[:10]
    m = re.match(r"(\d\d)/(\d\d)/(\d{4})", value)
    return f"{m.group(3)}-{m.group(2)}-{m.group(1)}" if m else ""


def iter_ant(path: Path = ANT) -> Iterator[tuple[str, str, int, dict]]:
    """(archive, member, 0, record) for each ANT article file in name order; the record has the
    keys of a SaudiNewsNet one (content, url, title, date_extracted)."""
    with tarfile.open(path) as tf:
        members = sorted((m for m in tf.getmembers() if m.isfile() and m.name.endswith(".txt")), key=lambda m: m.name)
        for m in members:
            f = tf.extractfile(m)
            if f is None:
                continue
            fields = dict(_ANT_FIELD.findall(io.TextIOWrapper(f, encoding="utf-8").read()))
            when = fields.get("TIME", "")
            yield path.name, m.name, 0, {
                "content": fields.get("TEXT", ""), "url": fields.get("URL", m.name), "title": fields.get("TITLE", ""),
                "date_extracted": iso_date(when),
            }


def iter_records(refs_or_rows, corpus: Path = CORPUS, ant: Path = ANT) -> Iterator[tuple[str, str, int, dict]]:
    """The records of whichever corpora the references (anything with ``archive``) point into."""
    archives = {r.archive for r in refs_or_rows}
    if any(a.endswith(".zip") for a in archives):
        yield from iter_corpus(corpus)
    if ant.name in archives:
        yield from iter_ant(ant)


def ant_candidates(path: Path = ANT) -> list[tuple[str, str, int, str]]:
    seen: set[str] = set()
    out = []
    for a, m, i, rec in iter_ant(path):
        content = rec["content"]
        body = " ".join(content.split())
        if not body or body in seen or not m.startswith(ANT_CATEGORIES):
            seen.add(body)
            continue
        seen.add(body)
        if 300 <= len(content) <= 4000 and political(content):
            out.append((a, m, i, sha12(content)))
    return out


def candidates(corpus: Path) -> list[tuple[str, str, int, str]]:
    excluded = _protest_refs()
    seen: set[str] = set()
    out = []
    for n, (a, m, i, rec) in enumerate(iter_corpus(corpus)):
        content = rec.get("content") or ""
        body = " ".join(content.split())
        if n < FIRST_RECORDS or not body or body in seen:
            seen.add(body)
            continue
        seen.add(body)
        if (a, i) in excluded or not 300 <= len(content) <= 4000 or not political(content):
            continue
        out.append((a, m, i, sha12(content)))
    return out


def sample(corpus: Path = CORPUS, n: int = 60, seed: int = 66) -> list[Ref]:
    pool = candidates(corpus)
    picked = random.Random(seed).sample(range(len(pool)), n)
    return [Ref(*pool[k], "tune" if j < n // 2 else "held") for j, k in enumerate(picked)]


def _later_batch(spec: dict[str, int], taken: set[tuple[str, str, int]], corpus: Path, ant: Path) -> list[Ref]:
    """A batch after the first: SaudiNewsNet and ANT draws without ``taken``, shuffled together."""
    rng = random.Random(spec["seed"])
    drawn = []
    for pool, k in ((candidates(corpus), spec["n"] - spec["ant"]), (ant_candidates(ant), spec["ant"])):
        pool = [c for c in pool if c[:3] not in taken]
        drawn += [pool[j] for j in rng.sample(range(len(pool)), k)]
    rng.shuffle(drawn)
    return [Ref(*c, "tune" if j < spec["tune"] else "held") for j, c in enumerate(drawn)]


def _entity_audit_refs() -> set[tuple[str, str, int]]:
    import sample_entity_audit  # noqa: PLC0415  (it imports this module: only when asked)

    return {(r.archive, r.member, r.article) for r in sample_entity_audit.sample()}


def sample_batch2(corpus: Path = CORPUS, ant: Path = ANT) -> list[Ref]:
    """The second audit batch (see the module docstring)."""
    taken = {(r.archive, r.member, r.article) for r in sample(corpus)} | _entity_audit_refs()
    return _later_batch(BATCH2, taken, corpus, ant)


def sample_batch3(corpus: Path = CORPUS, ant: Path = ANT) -> list[Ref]:
    """The third audit batch: disjoint from batches 1 and 2 and from the entity audit."""
    taken = {(r.archive, r.member, r.article) for r in sample(corpus)} | _entity_audit_refs()
    taken |= {(r.archive, r.member, r.article) for r in sample_batch2(corpus, ant)}
    return _later_batch(BATCH3, taken, corpus, ant)


def sample_batch4(corpus: Path = CORPUS, ant: Path = ANT) -> list[Ref]:
    """The fourth audit batch: disjoint from batches 1–3 and from the entity audit."""
    taken = {(r.archive, r.member, r.article) for r in sample(corpus)} | _entity_audit_refs()
    for earlier in (sample_batch2, sample_batch3):
        taken |= {(r.archive, r.member, r.article) for r in earlier(corpus, ant)}
    return _later_batch(BATCH4, taken, corpus, ant)


def load_records(refs: list[Ref], corpus: Path = CORPUS, ant: Path = ANT) -> dict[tuple[str, int], dict]:
    want = {(r.archive, r.member, r.article) for r in refs}
    out = {}
    for a, m, i, rec in iter_records(refs, corpus, ant):
        if (a, m, i) in want:
            out[(a, m, i)] = rec
    return out


def dump(refs: list[Ref], path: Path, corpus: Path = CORPUS) -> None:
    """Every sentence of every sampled article with the events coded in it (for labelling)."""
    from marsad.analyze import build_pipeline
    from marsad.document import Article, Source

    pipe = build_pipeline()
    recs = load_records(refs, corpus)
    with path.open("w", encoding="utf-8") as f:
        for k, r in enumerate(refs):
            rec = recs[(r.archive, r.member, r.article)]
            text = rec["content"]
            art = Article(text=text, id=rec["url"], source=Source(url=rec["url"], published=(rec.get("date_extracted") or "")[:10] or None))
            doc = pipe.process(art).document
            f.write(f"\n######## [{k}] {r.half} {r.archive} {r.member} {r.article} {r.sha12} | {rec.get('title', '')}\n")
            if doc is None:
                f.write("REJECTED\n")
                continue
            ents = {e.id: e for e in doc.entities}
            for si, s in enumerate(doc.sentences):
                f.write(f"\n[s{si} {s.start}:{s.end}] {text[s.start:s.end]}\n")
                for ev in doc.events:
                    if ev.sentence != si:
                        continue
                    src = ents[ev.source].canonical if ev.source in ents else "-"
                    tgt = ents[ev.target].canonical if ev.target in ents else "-"
                    flags = ("NEG " if ev.negated else "") + ("BG " if ev.background else "")
                    f.write(
                        f"    >> {ev.trigger.start}:{ev.trigger.end} «{ev.trigger.text}» {ev.plover}/{ev.cameo} "
                        f"{src} -> {tgt} [{ev.modality}] {flags}\n"
                    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--seed", type=int, default=66)
    ap.add_argument("--batch", type=int, choices=(1, 2, 3, 4), default=1,
                    help="2, 3: the second or third audit batch (40 articles each); 4: the fourth (60)")
    ap.add_argument("--dump", type=Path, help="write sentences and coded events here (outside the repository)")
    ap.add_argument("--check", type=Path, help="an audit file whose articles must all be in this sample")
    args = ap.parse_args(argv)
    batches = {2: sample_batch2, 3: sample_batch3, 4: sample_batch4}
    refs = sample(args.corpus, args.n, args.seed) if args.batch == 1 else batches[args.batch](args.corpus)
    if args.check:
        keys = {(r.archive, r.member, r.article, r.half) for r in refs}
        bad = []
        for ln in args.check.read_text(encoding="utf-8").splitlines():
            if ln and not ln.startswith(("#", "archive")):
                c = ln.split("\t")
                if (c[0], c[1], int(c[2]), c[3]) not in keys:
                    bad.append(ln[:60])
        if bad:
            print(f"{args.check}: {len(bad)} rows outside the seeded sample, e.g. {bad[0]}", file=sys.stderr)
            return 1
        print(f"{args.check}: every row references the seeded sample")
        return 0
    if args.dump:
        dump(refs, args.dump, args.corpus)
    for r in refs:
        print(f"{r.archive}\t{r.member}\t{r.article}\t{r.sha12}\t{r.half}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
