"""Write query results (event rows, story rows, entity rows) as CSV, JSONL, PLOVER or Parquet.

Rows are the plain dicts that :class:`marsad.store.repository.Repository` returns. The
``plover`` format turns an event row into a PLOVER record (field names of the PLOVER gold
standard records; the mapping, extensions and the POLECAT equivalents are in
``docs/plover-export.md``). Parquet needs ``pip install 'marsad[parquet]'`` (pyarrow).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources
from typing import IO, Any

from marsad import __version__
from marsad.errors import MarsadError, MissingExtra

FORMATS = ("table", "csv", "jsonl", "plover", "parquet")


def write_jsonl(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """CSV with a header taken from the first row; lists are joined with spaces."""
    writer: csv.DictWriter[str] | None = None
    n = 0
    for row in rows:
        flat = {k: " ".join(map(str, v)) if isinstance(v, list) else v for k, v in row.items()}
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(flat), extrasaction="ignore")
            writer.writeheader()
        writer.writerow(flat)
        n += 1
    return n


@lru_cache(maxsize=1)
def _contexts() -> dict[str, str]:
    """CAMEO code → PLOVER context, from the packaged CAMEO→PLOVER table (when present)."""
    try:
        text = resources.files("marsad").joinpath("resources", "events", "cameo_plover.tsv").read_text("utf-8")
    except (FileNotFoundError, OSError):
        return {}
    out: dict[str, str] = {}
    lines = text.splitlines()
    header = lines[0].split("\t") if lines else []
    if "cameo" not in header or "context" not in header:
        return {}
    ci, xi = header.index("cameo"), header.index("context")
    for line in lines[1:]:
        cols = line.split("\t")
        if len(cols) > max(ci, xi) and cols[xi]:
            out.setdefault(cols[ci], cols[xi])
    return out


def _actor(name: str | None, code: str | None, country: str | None) -> list[dict[str, Any]] | str:
    if not (name or code):
        return ""  # as in the PLOVER gold records: no actor is an empty string
    actor: dict[str, Any] = {"actorText": name or "", "code": code or ""}
    if code and len(code) > 3:
        actor["sector"] = code[3:6]
    if country:
        actor["country"] = country
    return [actor]


def _markup(row: dict[str, Any]) -> str | None:
    """The sentence with the trigger marked ``(EVT: ...)``, as in PLOVER's ``textInfo``."""
    sentence = row.get("sentence")
    if not sentence or row.get("sentence_start") is None:
        return None
    s = row["trigger_start"] - row["sentence_start"]
    e = row["trigger_end"] - row["sentence_start"]
    if not (0 <= s <= e <= len(sentence)):
        return None
    return f"{sentence[:s]}(EVT: {sentence[s:e]}){sentence[e:]}"


def to_plover(row: dict[str, Any]) -> dict[str, Any]:
    """One event row → one PLOVER record (see docs/plover-export.md)."""
    record: dict[str, Any] = {
        "id": f"{row['doc_id']}-{row['event_id']}",
        "date": row.get("date") or "",
        "source": _actor(row.get("source_name"), row.get("source_actor"), row.get("source_country")),
        "target": _actor(row.get("target_name"), row.get("target_actor"), row.get("target_country")),
        "event": row["plover"],
        "mode": row.get("mode") or "",
        "context": _contexts().get(row.get("cameo") or "", ""),
        "eventText": row.get("trigger_text") or "",
        "text": row.get("sentence") or "",
        "language": row.get("language") or "ar",
        "publication": row.get("outlet") or "",
        "coder": row.get("coder") or "marsad",
        "version": f"marsad {__version__}",
    }
    markup = _markup(row)
    if markup:
        record["textInfo"] = {"markup": markup}
    if row.get("location_name") or row.get("location_country"):
        record["location"] = {"placeName": row.get("location_name") or "", "country": row.get("location_country") or ""}
    record["marsad"] = {
        "articleId": row["doc_id"],
        "eventId": row["event_id"],
        "storyId": row.get("story"),
        "cameo": row.get("cameo"),
        "url": row.get("url"),
        "published": row.get("published"),
        "trigger": [row.get("trigger_start"), row.get("trigger_end")],
        "negated": bool(row.get("negated")),
        "modality": row.get("modality"),
        "background": bool(row.get("background")),
        "confidence": row.get("confidence"),
        "duplicateOf": row.get("duplicate_of"),
    }
    return record


def plover_records(rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    return (to_plover(r) for r in rows)


def write_plover(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """One PLOVER JSON record per line."""
    return write_jsonl(plover_records(rows), out)


def write_parquet(rows: Iterable[dict[str, Any]], path: str) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise MissingExtra("pyarrow", "parquet") from exc
    data = list(rows)
    if not data:
        raise MarsadError("nothing to write: no rows match")
    table = pa.Table.from_pylist(data)
    pq.write_table(table, path)
    return len(data)
