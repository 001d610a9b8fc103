"""Score where coded events happened against the hand labels of tests/data/events_locations.tsv.

    .venv/bin/python scripts/event_location_report.py                 # both halves, live pipeline
    .venv/bin/python scripts/event_location_report.py --half tune --show

Each row is one event of an event audit's tune half (tests/data/events_audit*.tsv) with the place
where it happened as the text says it: one or more [start, end) spans in the article's ``content``
(alternatives: the town, or the province or country that holds it) with the first 12 hex digits of
the SHA-256 of their texts joined by "|", or ``-`` when the text gives no place for the act
(statements, calls, a visit with no host place). A prediction matches a row as in
scripts/event_audit_report.py (trigger overlap, else the same sentence within 40 characters).

* accuracy: matched events whose coded location is right / matched events (``-`` is right only
  when no location is coded)
* placed: of the rows with a place, how many got it right, a wrong place, or none
* unplaced: of the rows with ``-``, how many got a place anyway (the false-place rate)

A coded location is right when one of its entity's mentions overlaps a labelled span, or one of
its names (canonical or mention) and a span's text contain one another after
:func:`marsad.normalize.match_key` (a leading "ال" dropped). The corpus text stays in ../shared.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from event_audit_report import _key, align, article_of, sha12  # noqa: E402
from sample_event_audit import ANT, CORPUS, iter_records  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "data" / "events_locations.tsv"
COLUMNS = (
    "archive", "member", "article", "half", "sent_start", "sent_end", "sha256", "trig_start", "trig_end",
    "plover", "location", "loc_sha256",
)


@dataclass(frozen=True, slots=True)
class LocRow:
    archive: str
    member: str
    article: int
    half: str
    sent_start: int
    sent_end: int
    sha256: str
    trig_start: int
    trig_end: int
    plover: str
    spans: tuple[tuple[int, int], ...]  # () when the text gives no place
    loc_sha256: str

    @property
    def key(self) -> tuple[str, int]:
        return (self.archive, self.article) if self.archive.endswith(".zip") else (self.member, self.article)


def read_labels(path: Path = LABELS) -> list[LocRow]:
    rows = []
    for n, ln in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not ln or ln.startswith(("#", "archive\t")):
            continue
        c = ln.split("\t")
        if len(c) != len(COLUMNS):
            raise ValueError(f"{path}:{n}: {len(c)} columns, want {len(COLUMNS)}")
        spans = () if c[10] == "-" else tuple(
            (int(a), int(b)) for a, b in (s.split(":") for s in c[10].split("|"))
        )
        rows.append(LocRow(c[0], c[1], int(c[2]), c[3], int(c[4]), int(c[5]), c[6], int(c[7]), int(c[8]),
                           c[9], spans, c[11]))
    return rows


def load_articles(rows: list[LocRow], corpus: Path = CORPUS, ant: Path = ANT) -> dict[tuple[str, int], dict]:
    """The labelled records, with every sentence hash and place hash checked."""
    want = {r.key for r in rows}
    recs = {}
    for a, m, i, rec in iter_records(rows, corpus, ant):
        k = (a, i) if a.endswith(".zip") else (m, i)
        if k in want:
            recs[k] = rec
    for r in rows:
        text = recs[r.key]["content"]
        if sha12(text[r.sent_start:r.sent_end]) != r.sha256:
            raise ValueError(f"{r.key}: sentence hash differs")
        if r.spans and sha12("|".join(text[a:b] for a, b in r.spans)) != r.loc_sha256:
            raise ValueError(f"{r.key}: place hash differs")
    return recs


def event_places(doc) -> list[dict]:
    """A document's events with the names and spans of their location entity."""
    if doc is None:
        return []
    ents = {e.id: e for e in doc.entities}
    out = []
    for ev in doc.events:
        e = ents.get(ev.location) if ev.location else None
        out.append({
            "start": ev.trigger.start, "end": ev.trigger.end, "text": ev.trigger.text, "plover": ev.plover,
            "place": sorted({e.canonical, *(m.text for m in e.mentions)}) if e else [],
            "spans": [[m.start, m.end] for m in e.mentions] if e else [],
        })
    return out


def predict(recs: dict[tuple[str, int], dict]) -> dict[str, list[dict]]:
    from marsad.analyze import build_pipeline

    pipe = build_pipeline()
    return {f"{a}#{i}": event_places(pipe.process(article_of(rec)).document) for (a, i), rec in sorted(recs.items())}


def place_ok(r: LocRow, p: dict, text: str) -> bool:
    if not r.spans:
        return not p["place"]
    if any(s < b and a < e for s, e in p["spans"] for a, b in r.spans):
        return True
    keys = [_key(n) for n in p["place"]]
    for a, b in r.spans:
        g = _key(text[a:b])
        if len(g) >= 3 and any(g in k or (len(k) >= 3 and k in g) for k in keys):
            return True
    return False


def score(rows: list[LocRow], preds: dict[str, list[dict]], recs: dict, half: str,
          show: bool = False) -> Counter[str]:
    c: Counter[str] = Counter()
    for key in sorted({r.key for r in rows if r.half == half}):
        rs = [r for r in rows if r.key == key]
        text = recs[key]["content"]
        matched, _ = align(rs, preds.get(f"{key[0]}#{key[1]}", []))  # type: ignore[arg-type]
        for r, p in matched:
            c["rows"] += 1
            if p is None:
                continue
            c["matched"] += 1
            ok = place_ok(r, p, text)
            c["right"] += ok
            if r.spans:
                c["placed"] += 1
                c["placed_right" if ok else ("placed_none" if not p["place"] else "placed_wrong")] += 1
            else:
                c["unplaced"] += 1
                c["unplaced_given"] += not ok
            if show and not ok:
                want = "|".join(text[a:b] for a, b in r.spans) or "-"
                print(f"{key} «{p['text']}» {r.plover}: {(p['place'] or ['-'])[0]} (gold {want})")
    return c


def report(c: Counter[str], half: str) -> str:
    def ratio(a: int, b: int) -> str:
        return f"{a / b:.3f} ({a}/{b})" if b else "n/a"

    return "\n".join((
        f"{half}: {c['rows']} labelled events, {c['matched']} matched",
        f"  accuracy   {ratio(c['right'], c['matched'])}",
        f"  placed     right {ratio(c['placed_right'], c['placed'])}   wrong {c['placed_wrong']}   none {c['placed_none']}",
        f"  unplaced   given a place {ratio(c['unplaced_given'], c['unplaced'])}",
    ))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--labels", type=Path, default=LABELS)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--ant", type=Path, default=ANT)
    ap.add_argument("--half", choices=("tune", "held", "both"), default="both")
    ap.add_argument("--predictions", type=Path, help="score saved predictions instead of running the pipeline")
    ap.add_argument("--save", type=Path, help="save the predictions (JSON)")
    ap.add_argument("--show", action="store_true", help="list every wrong location")
    args = ap.parse_args(argv)
    rows = read_labels(args.labels)
    recs = load_articles(rows, args.corpus, args.ant)
    preds = json.loads(args.predictions.read_text("utf-8")) if args.predictions else predict(recs)
    if args.save:
        args.save.write_text(json.dumps(preds, ensure_ascii=False), "utf-8")
    for half in (("tune", "held") if args.half == "both" else (args.half,)):
        print(report(score(rows, preds, recs, half, args.show), half))
    return 0


if __name__ == "__main__":
    sys.exit(main())
