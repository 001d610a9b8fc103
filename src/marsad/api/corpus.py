"""What the API answers, as plain dicts: no HTTP objects here, only the store and the pipeline.

Each read opens the database read-only for the duration of the call (a few hundred
microseconds), so request threads never share a SQLite connection and a read can never
write. Writes (``ingest``) open it read-write, one at a time, behind a lock: the store's one
writer.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import sqlite3
import threading
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from marsad.api.errors import ApiError
from marsad.api.places import locate
from marsad.api.vocab import PLOVER, quad_of
from marsad.document import Article
from marsad.pipeline import Pipeline
from marsad.settings import Settings
from marsad.store import browse
from marsad.store.repository import Repository, StoreError
from marsad.store.search import BadQuery

log = logging.getLogger(__name__)

MAX_EXPORT = 100_000  # event rows in one CSV/PLOVER download
MAX_NETWORK_NODES = 30


def _title(head: str | None) -> str:
    for line in (head or "").splitlines():
        line = line.strip()
        if line:
            return line[:160]
    return ""


def _party(
    name: str | None, actor: str | None, country: str | None, key: str | None
) -> dict[str, Any] | None:
    if not (name or actor):
        return None
    return {"name": name, "actor": actor, "country": country, "key": key}


def event_item(row: dict[str, Any]) -> dict[str, Any]:
    """One stored event row as the API shows it."""
    loc = None
    if row.get("location_name") or row.get("location_key"):
        point = locate(
            row.get("location_key"), row.get("location_name"), row.get("location_country")
        )
        loc = {
            "name": row.get("location_name"),
            "country": row.get("location_country"),
            "key": row.get("location_key"),
            "lat": point.lat if point else None,
            "lon": point.lon if point else None,
        }
    return {
        "article": row["doc_id"],
        "id": row["event_id"],
        "plover": row["plover"],
        "quad": quad_of(row["plover"]),
        "cameo": row.get("cameo"),
        "mode": row.get("mode"),
        "date": row.get("date"),
        "source": _party(
            row.get("source_name"),
            row.get("source_actor"),
            row.get("source_country"),
            row.get("source_key"),
        ),
        "target": _party(
            row.get("target_name"),
            row.get("target_actor"),
            row.get("target_country"),
            row.get("target_key"),
        ),
        "location": loc,
        "trigger": {
            "start": row["trigger_start"],
            "end": row["trigger_end"],
            "text": row["trigger_text"],
        },
        "sentence": row.get("sentence"),
        "negated": bool(row.get("negated")),
        "modality": row.get("modality"),
        "confidence": row.get("confidence"),
        "background": bool(row.get("background")),
        "story": row.get("story"),
        "outlet": row.get("outlet"),
        "published": row.get("published"),
        "url": row.get("url"),
        "duplicate_of": row.get("duplicate_of"),
    }


def _timeline(by_date: Sequence[dict[str, Any]]) -> dict[str, Any]:
    dated = [r for r in by_date if r.get("date")]
    if not dated:
        return {"granularity": "day", "periods": []}
    days = sorted({r["date"] for r in dated})
    span_days = (_ordinal(days[-1]) - _ordinal(days[0])) if len(days) > 1 else 0
    month = span_days > 92
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for r in dated:
        period = r["date"][:7] if month else r["date"]
        counts[period][quad_of(r["plover"]) or "mconf"] += r["n"]
    return {
        "granularity": "month" if month else "day",
        "periods": [{"period": p, "counts": dict(counts[p])} for p in sorted(counts)],
    }


def _ordinal(day: str) -> int:
    try:
        return dt.date.fromisoformat(day[:10]).toordinal()
    except ValueError:
        return 0


def _network(pairs: Sequence[dict[str, Any]]) -> dict[str, Any]:
    degree: Counter[str] = Counter()
    labels: dict[str, tuple[str, str | None]] = {}
    for p in pairs:
        if p["source_key"] == p["target_key"]:
            continue
        degree[p["source_key"]] += p["n"]
        degree[p["target_key"]] += p["n"]
        labels.setdefault(
            p["source_key"],
            (p["source_name"] or p["source_actor"] or p["source_key"], p["source_actor"]),
        )
        labels.setdefault(
            p["target_key"],
            (p["target_name"] or p["target_actor"] or p["target_key"], p["target_actor"]),
        )
    keep = {k for k, _ in degree.most_common(MAX_NETWORK_NODES)}
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    for p in pairs:
        s, t = p["source_key"], p["target_key"]
        if s == t or s not in keep or t not in keep:
            continue
        quad = quad_of(p["plover"]) or "mconf"
        e = edges.setdefault(
            (s, t, quad),
            {"source": s, "target": t, "quad": quad, "count": 0, "types": [],
             "source_label": labels[s][0], "target_label": labels[t][0]},
        )  # fmt: skip
        e["count"] += p["n"]
        if p["plover"] not in e["types"]:
            e["types"].append(p["plover"])
    nodes = [
        {"id": k, "label": labels[k][0], "code": labels[k][1], "count": degree[k]}
        for k in sorted(keep, key=lambda k: (-degree[k], k))
    ]
    return {
        "nodes": nodes,
        "edges": sorted(edges.values(), key=lambda e: (-e["count"], e["source"], e["target"])),
    }


def _places(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    out: dict[tuple[float, float], dict[str, Any]] = {}
    for r in rows:
        point = locate(r.get("location_key"), r.get("location_name"), r.get("location_country"))
        if point is None:
            continue
        key = (round(point.lat, 3), round(point.lon, 3))
        place = out.setdefault(
            key,
            {"name": r.get("location_name") or r.get("location_country"), "lat": point.lat,
             "lon": point.lon, "country": r.get("location_country"), "count": 0, "located_by": point.how},
        )  # fmt: skip
        place["count"] += r["n"]
    return sorted(out.values(), key=lambda p: (-p["count"], p["name"] or ""))


class Corpus:
    """The API's view of one database file (and, for analysis, of one pipeline)."""

    def __init__(self, db_path: str | Path, settings: Settings | None = None) -> None:
        self.db_path = str(db_path)
        self.settings = settings or Settings()
        self._pipeline: Pipeline | None = None
        self._analyze_lock = threading.Lock()
        self._write_lock = threading.Lock()

    # -- connections ----------------------------------------------------------------------------

    @contextmanager
    def reader(self) -> Iterator[Repository]:
        try:
            repo = Repository(self.db_path, readonly=True)
        except StoreError as exc:
            raise ApiError(503, "no_database", str(exc)) from exc
        try:
            yield repo
        finally:
            repo.close()

    # -- reads ----------------------------------------------------------------------------------

    def articles(self, q: str | None, page: int, page_size: int) -> dict[str, Any]:
        offset = (page - 1) * page_size
        with self.reader() as repo:
            if q:
                try:
                    hits = repo.search(q, limit=page_size, offset=offset)
                    total = browse.search_total(repo, q)
                except BadQuery as exc:
                    raise ApiError(400, "bad_query", str(exc), {"q": q[:100]}) from exc
                except (
                    sqlite3.OperationalError
                ) as exc:  # an FTS expression the store did not expect
                    raise ApiError(
                        400, "bad_query", "the search query cannot be run", {"q": q[:100]}
                    ) from exc
                info = browse.article_summaries(repo, [h.id for h in hits])
                items = []
                for h in hits:
                    extra = info.get(h.id, {})
                    items.append({
                        "id": h.id, "title": _title(extra.get("head")), "outlet": h.outlet,
                        "published": h.published, "url": h.url, "duplicate_of": h.duplicate_of,
                        "copies": h.copies, "score": h.score, "snippet": h.snippet.to_dict(),
                        "events": extra.get("events", 0), "entities": extra.get("entities", 0),
                    })  # fmt: skip
            else:
                rows, total = browse.articles_page(repo, limit=page_size, offset=offset)
                items = []
                for r in rows:
                    head = r["head"] or ""
                    title = _title(head)
                    rest = head[head.find(title) + len(title) :].strip() if title else head
                    text = rest[:220] if rest else title
                    start = head.find(text) if text else 0
                    items.append({
                        "id": r["id"], "title": title, "outlet": r["outlet"],
                        "published": r["published"], "url": r["url"], "duplicate_of": r["duplicate_of"],
                        "copies": None, "score": None,
                        "snippet": {"start": max(0, start), "end": max(0, start) + len(text), "text": text, "highlights": []},
                        "events": r["events"], "entities": r["entities"],
                    })  # fmt: skip
        return {
            "items": items,
            "total": total,
            "page": page,
            "page_size": page_size,
            "q": q or None,
        }

    def article(self, doc_id: str) -> dict[str, Any]:
        with self.reader() as repo:
            doc = repo.article(doc_id)
        if doc is None:
            raise ApiError(404, "not_found", f"no article with id {doc_id!r}", {"id": doc_id})
        return doc

    def events(self, f: browse.EventFilter, page: int, page_size: int) -> dict[str, Any]:
        with self.reader() as repo:
            rows, total = browse.events_page(
                repo, f, limit=page_size, offset=(page - 1) * page_size
            )
        return {
            "items": [event_item(r) for r in rows],
            "total": total,
            "page": page,
            "page_size": page_size,
        }

    def events_export(self, f: browse.EventFilter, fmt: str) -> str:
        from marsad.exports import write_csv, write_plover

        with self.reader() as repo:
            rows, _total = browse.events_page(repo, f, limit=MAX_EXPORT)
        for r in rows:
            for k in ("source_key", "target_key", "location_key"):
                r.pop(k, None)
        out = io.StringIO()
        if fmt == "csv":
            if rows:
                write_csv(rows, out)
            else:
                out.write("doc_id,event_id,plover,cameo,date\n")
        else:
            write_plover(rows, out)
        return out.getvalue()

    def event_summary(self, f: browse.EventFilter) -> dict[str, Any]:
        with self.reader() as repo:
            agg = browse.event_aggregates(repo, f)
        by_type: Counter[str] = Counter()
        for r in agg["by_date"]:
            by_type[r["plover"]] += r["n"]
        by_quad: Counter[str] = Counter({q: 0 for q in ("vcoop", "mcoop", "vconf", "mconf")})
        for t, n in by_type.items():
            by_quad[quad_of(t) or "mconf"] += n
        return {
            "total": sum(by_type.values()),
            "by_type": dict(
                sorted(
                    by_type.items(),
                    key=lambda kv: list(PLOVER).index(kv[0]) if kv[0] in PLOVER else 99,
                )
            ),
            "by_quad": dict(by_quad),
            "timeline": _timeline(agg["by_date"]),
            "network": _network(agg["pairs"]),
            "places": _places(agg["places"]),
        }

    def entities(
        self, type: str | None, country: str | None, q: str | None, page: int, page_size: int
    ) -> dict[str, Any]:
        with self.reader() as repo:
            rows, total = browse.entities_page(
                repo,
                type=type,
                country=country,
                name=q,
                limit=page_size,
                offset=(page - 1) * page_size,
            )
        return {"items": rows, "total": total, "page": page, "page_size": page_size}

    def stats(self) -> dict[str, Any]:
        with self.reader() as repo:
            return dict(repo.stats())

    # -- analysis (never stores) ----------------------------------------------------------------

    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            from marsad.analyze import build_pipeline

            self._pipeline = build_pipeline(self.settings)
        return self._pipeline

    def analyze(self, article: Article) -> dict[str, Any]:
        with self._analyze_lock:
            outcome = self.pipeline().process(article)
        if outcome.document is None:
            assert outcome.reject is not None
            r = outcome.reject
            raise ApiError(
                422,
                "rejected",
                f"the article was rejected: {r.reason}",
                {"reason": r.reason, "detail": r.detail, "step": r.step},
            )
        return outcome.document.to_dict()

    # -- writes ---------------------------------------------------------------------------------

    def ingest(self, articles: Sequence[Article]) -> dict[str, Any]:
        from marsad.engines.local import LocalEngine
        from marsad.store.loader import ingest

        with self._write_lock:
            try:
                repo = Repository(self.db_path)
            except StoreError as exc:
                raise ApiError(503, "no_database", str(exc)) from exc
            try:
                with LocalEngine(workers=1) as engine:
                    summary = ingest([], repo, engine, self.settings, items=list(articles))
            finally:
                repo.close()
        out = summary.to_dict()
        out["ids"] = [a.doc_id for a in articles]
        return out
