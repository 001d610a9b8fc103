"""Sample, dump and score the entity audit on real wire text (tests/data/entities_audit.tsv).

    .venv/bin/python scripts/sample_entity_audit.py                       # the 30 references
    .venv/bin/python scripts/sample_entity_audit.py --dump /tmp/ents.txt  # + text and entities (labelling)
    .venv/bin/python scripts/sample_entity_audit.py --report [--half tune|held]

Thirty political or security articles nobody tuned the entity layer on: 15 from SaudiNewsNet
(CC BY-NC-SA 4.0; the reader and the vocabulary filter of ``scripts/sample_event_audit.py``,
disjoint from its 60 audit articles, its first 300 records and the protest development sets)
and 15 from the ANT corpus of Jawhara FM (Tunisia; its ``politic``, ``internationalNews`` and
``localNews`` files that pass the same filter). Articles of 300–2,500 characters, drawn with
``random.Random(seed)``. The half of an article is :func:`marsad.events.gsr.dev_half` of the
first 12 hex digits of its text's SHA-256: fixes are made on the ``tune`` half, the ``held``
half is reported once. Only references ship; ``--dump`` writes corpus text for labelling, keep
it out of the repository.

``--report`` runs the pipeline on every article again and scores its mentions against the
judged spans: span precision (judged spans that are real mentions), type and country precision
(of right spans, entity-level values), canonical and actor precision where judged, and recall of
the listed mentions (every right mention, predicted then or listed as missed). Mentions the
file does not judge are counted apart (``unjudged``): judge them when a change brings new ones.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import sample_event_audit as sea  # noqa: E402  (the SaudiNewsNet reader and vocabulary filter)

ROOT = Path(__file__).resolve().parents[1]
SNN = sea.CORPUS
ANT = ROOT.parent / "shared" / "data" / "ant_jawharafm" / "antcorpus.data.tar.gz"
AUDIT = ROOT / "tests" / "data" / "entities_audit.tsv"
ANT_CATEGORIES = ("politic/", "internationalNews/", "localNews/")


@dataclass(frozen=True, slots=True)
class Ref:
    archive: str
    member: str
    article: int
    sha12: str
    half: str


def sha12(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def half_of(sha: str) -> str:
    from marsad.events.gsr import dev_half

    return dev_half(sha)


def iter_ant(path: Path = ANT) -> Iterator[tuple[str, str, int, dict[str, str]]]:
    """(archive, member, 0, {content, date, title}) for each ANT article file, in name order
    (the event audit's reader, with the date under the key this audit uses)."""
    for a, m, i, rec in sea.iter_ant(path):
        yield a, m, i, {"content": rec["content"], "date": rec["date_extracted"], "title": rec["title"]}


def _snn_pool(corpus: Path) -> list[tuple[str, str, int, str]]:
    taken = {(r.archive, r.article) for r in sea.sample(corpus)}  # the event audit's articles
    return [c for c in sea.candidates(corpus) if (c[0], c[2]) not in taken and len(_content(corpus, c)) <= 2500]


_SNN_TEXT: dict[tuple[str, int], dict] = {}


def _content(corpus: Path, c: tuple[str, str, int, str]) -> str:
    if not _SNN_TEXT:
        for a, _m, i, rec in sea.iter_corpus(corpus):
            _SNN_TEXT[(a, i)] = rec
    return _SNN_TEXT[(c[0], c[2])].get("content") or ""


def _ant_pool(path: Path) -> list[tuple[str, str, int, str]]:
    seen: set[str] = set()
    out = []
    for a, m, i, rec in iter_ant(path):
        text = rec["content"]
        body = " ".join(text.split())
        if body in seen or not m.startswith(ANT_CATEGORIES):
            continue
        seen.add(body)
        if 300 <= len(text) <= 2500 and sea.political(text):
            out.append((a, m, i, sha12(text)))
    return out


def sample(n: int = 30, seed: int = 2024, snn: Path = SNN, ant: Path = ANT) -> list[Ref]:
    """``n`` references, half from each corpus."""
    rng = random.Random(seed)
    out: list[Ref] = []
    for pool in (_snn_pool(snn), _ant_pool(ant)):
        for k in rng.sample(range(len(pool)), n // 2):
            a, m, i, sha = pool[k]
            out.append(Ref(a, m, i, sha, half_of(sha)))
    return out


def load_texts(
    refs: list[Ref], snn: Path = SNN, ant: Path = ANT
) -> dict[tuple[str, str, int], tuple[str, str | None, str | None]]:
    """(text, published, outlet) of each reference; a text whose hash is not the recorded one is an
    error. The outlet is what a user would pass: SaudiNewsNet's ``source``, "Jawhara FM"."""
    want = {(r.archive, r.member, r.article): r for r in refs}
    out: dict[tuple[str, str, int], tuple[str, str | None, str | None]] = {}
    if any(r.archive.endswith(".zip") for r in refs):
        for a, m, i, rec in sea.iter_corpus(snn):
            if (a, m, i) in want:
                out[(a, m, i)] = (rec.get("content") or "", (rec.get("date_extracted") or "")[:10] or None,
                                  rec.get("source") or None)
    if any(r.archive == ant.name for r in refs):
        for a, m, i, rec in iter_ant(ant):
            if (a, m, i) in want:
                out[(a, m, i)] = (rec["content"], rec["date"] or None, "Jawhara FM")
    for key, r in want.items():
        if key not in out or sha12(out[key][0]) != r.sha12:
            raise ValueError(f"{key}: article missing or changed (sha {r.sha12})")
    return out


def analyse(refs: list[Ref]):  # type: ignore[no-untyped-def]
    """(ref, text, document) for each reference, through the full pipeline."""
    from marsad.analyze import default_steps
    from marsad.document import Article, Source
    from marsad.pipeline import Pipeline
    from marsad.settings import Settings

    settings = Settings()
    steps = default_steps(settings)
    cut = next(k for k, s in enumerate(steps) if s.name == "entities")
    pipe = Pipeline(steps[: cut + 1], error_policy=settings.error_policy)  # the events step is not audited
    texts = load_texts(refs)
    for r in refs:
        text, published, outlet = texts[(r.archive, r.member, r.article)]
        art = Article(text=text, id=f"{r.member}#{r.article}", source=Source(published=published, outlet=outlet))
        yield r, text, pipe.process(art).document


def dump(refs: list[Ref], path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        for k, (r, text, doc) in enumerate(analyse(refs)):
            f.write(f"\n######## [{k}] {r.half} {r.archive} {r.member} {r.article} {r.sha12}\n{text}\n")
            if doc is None:
                f.write("REJECTED\n")
                continue
            for e in doc.entities:
                f.write(f"  {e.id} {e.type} {e.canonical} | {e.country} {e.actor} {e.kb_id}\n")
                for m in e.mentions:
                    f.write(f"      {m.start}:{m.end} {m.kind} «{m.text}»\n")


# -- the judgements -------------------------------------------------------------------------------

COLUMNS = ("archive", "member", "article", "sha12", "half", "start", "end", "origin", "mention",
           "type", "country", "canonical", "actor", "note")


@dataclass(frozen=True, slots=True)
class Judgement:
    """One judged span: ``mention`` 1 when it is a mention the conventions want (0: not one, or
    wrong boundaries); the entity-level ``type``/``country``/``canonical``/``actor`` it should
    carry ("*": not judged; "-": none); ``origin`` predicted (found by the system when audited)
    or missed."""

    ref: Ref
    start: int
    end: int
    origin: str
    mention: bool
    type: str
    country: str
    canonical: str
    actor: str
    note: str


def read_audit(path: Path = AUDIT, half: str | None = None) -> list[Judgement]:
    out = []
    for ln in path.read_text(encoding="utf-8").splitlines():
        if not ln.strip() or ln.startswith("#") or ln.startswith("archive\t"):
            continue
        c = ln.split("\t")
        c += [""] * (len(COLUMNS) - len(c))
        ref = Ref(c[0], c[1], int(c[2]), c[3], c[4])
        if half is not None and ref.half != half:
            continue
        out.append(Judgement(ref, int(c[5]), int(c[6]), c[7], c[8] == "1", c[9], c[10], c[11], c[12], c[13]))
    return out


def _same_name(a: str, b: str) -> bool:
    from marsad.normalize import match_key

    return " ".join(match_key(a).split()) == " ".join(match_key(b).split())


@dataclass
class Tally:
    judged: int = 0
    right: int = 0
    unjudged: int = 0
    type_ok: int = 0
    type_n: int = 0
    country_ok: int = 0
    country_n: int = 0
    canon_ok: int = 0
    canon_n: int = 0
    actor_ok: int = 0
    actor_n: int = 0
    gold: int = 0
    found: int = 0

    def lines(self) -> list[str]:
        def p(a: int, b: int) -> str:
            return f"{a / b:.3f} ({a}/{b})" if b else "-"

        return [
            f"span precision    {p(self.right, self.judged)}   unjudged mentions {self.unjudged}",
            f"type precision    {p(self.type_ok, self.type_n)}",
            f"country precision {p(self.country_ok, self.country_n)}",
            f"canonical prec.   {p(self.canon_ok, self.canon_n)}",
            f"actor precision   {p(self.actor_ok, self.actor_n)}",
            f"mention recall    {p(self.found, self.gold)}",
        ]


def score(judgements: list[Judgement], docs: dict[tuple[str, str, int], object], show: bool = False) -> Tally:
    """Score the documents' mentions against the judgements (see the module docstring)."""
    t = Tally()
    by_ref: dict[tuple[str, str, int], dict[tuple[int, int], Judgement]] = {}
    for j in judgements:
        by_ref.setdefault((j.ref.archive, j.ref.member, j.ref.article), {})[(j.start, j.end)] = j
    for key, spans in by_ref.items():
        doc = docs[key]
        predicted: dict[tuple[int, int], object] = {}
        for e in getattr(doc, "entities", None) or ():
            for m in e.mentions:
                predicted[(m.start, m.end)] = e
        for span, e in predicted.items():
            j = spans.get(span)
            if j is None:
                t.unjudged += 1
                if show:
                    print(f"  unjudged {key[1]} {span} {doc.text[span[0]:span[1]]!r} {e.type} {e.country}")  # type: ignore[attr-defined]
                continue
            t.judged += 1
            if not j.mention:
                if show:
                    print(f"  not-a-mention {key[1]} {span} {doc.text[span[0]:span[1]]!r}")  # type: ignore[attr-defined]
                continue
            t.right += 1
            for want, got, attr in ((j.type, e.type, "type"), (j.country, e.country or "-", "country"),  # type: ignore[attr-defined]
                                    (j.actor, e.actor or "-", "actor")):  # type: ignore[attr-defined]
                if want == "*":
                    continue
                ok = got in want.split("|")
                setattr(t, f"{attr}_n", getattr(t, f"{attr}_n") + 1)
                setattr(t, f"{attr}_ok", getattr(t, f"{attr}_ok") + ok)
                if show and not ok:
                    print(f"  wrong-{attr} {key[1]} {span} {doc.text[span[0]:span[1]]!r} {got} (want {want})")  # type: ignore[attr-defined]
            if j.canonical != "*":
                t.canon_n += 1
                ok = any(_same_name(e.canonical, c) for c in j.canonical.split("|"))  # type: ignore[attr-defined]
                t.canon_ok += ok
                if show and not ok:
                    print(f"  wrong-canonical {key[1]} {span} {e.canonical!r} (want {j.canonical})")  # type: ignore[attr-defined]
        for span, j in spans.items():
            if j.mention:
                t.gold += 1
                t.found += span in predicted
                if show and span not in predicted:
                    print(f"  missed {key[1]} {span} {doc.text[span[0]:span[1]]!r}")  # type: ignore[attr-defined]
    return t


def report(path: Path = AUDIT, half: str | None = None, show: bool = False) -> Tally:
    judgements = read_audit(path, half)
    refs = sorted({j.ref for j in judgements}, key=lambda r: (r.archive, r.member, r.article))
    docs = {(r.archive, r.member, r.article): doc for r, _text, doc in analyse(refs)}
    return score(judgements, docs, show)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=30)
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--dump", type=Path, help="write texts and entities here (outside the repository)")
    ap.add_argument("--report", action="store_true", help="score the pipeline against the audit file")
    ap.add_argument("--half", choices=("tune", "held"))
    ap.add_argument("--show", action="store_true", help="with --report: list every error")
    ap.add_argument("--audit", type=Path, default=AUDIT)
    args = ap.parse_args(argv)
    if args.report:
        t = report(args.audit, args.half, args.show)
        print(f"entity audit ({args.half or 'all'}):")
        print("\n".join("  " + ln for ln in t.lines()))
        return 0
    refs = sample(args.n, args.seed)
    if args.dump:
        dump(refs, args.dump)
    for r in refs:
        print(f"{r.archive}\t{r.member}\t{r.article}\t{r.sha12}\t{r.half}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
