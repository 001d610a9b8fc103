"""The read API in-process: articles, search, one article, events and filters, exports,
summaries, entities, stats, the OpenAPI description and the dashboard files.

Expected values are computed from the stored Document objects, not from SQL."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from starlette.routing import Mount, Route
from starlette.testclient import TestClient

from api_support import EMOJI_ID, build_corpus
from marsad.api.app import create_app, static_dir
from marsad.api.vocab import PLOVER, QUADS
from marsad.document import Document
from marsad.events.coding import PLOVER_TYPES
from marsad.normalize import match_key
from marsad.schema import validate_document
from marsad.store.repository import Repository


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Document]]:
    path = tmp_path_factory.mktemp("api") / "corpus.db"
    return path, build_corpus(path)


@pytest.fixture(scope="module")
def client(corpus: tuple[Path, list[Document]]) -> TestClient:
    return TestClient(create_app(corpus[0]))


def _events(docs: list[Document]) -> list[tuple[Document, object]]:
    return [(d, e) for d in docs for e in d.events]


def _all(client: TestClient, url: str, **params: object) -> list[dict]:
    """Every item of a paged listing."""
    items: list[dict] = []
    page = 1
    while True:
        r = client.get(url, params={**params, "page": page, "page_size": 200})
        assert r.status_code == 200, r.text
        body = r.json()
        items += body["items"]
        if page * 200 >= body["total"]:
            return items
        page += 1


# -- articles and search ------------------------------------------------------------------------


def test_articles_newest_first_with_pagination(client: TestClient, corpus) -> None:
    _path, docs = corpus
    r = client.get("/api/articles", params={"page_size": 5})
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == len(docs)
    assert len(body["items"]) == 5
    everything = _all(client, "/api/articles")
    assert [a["id"] for a in everything][:5] == [a["id"] for a in body["items"]]
    assert sorted(a["id"] for a in everything) == sorted(d.id for d in docs)
    dates = [a["published"] for a in everything if a["published"]]
    assert dates == sorted(dates, reverse=True)
    page2 = client.get("/api/articles", params={"page_size": 5, "page": 2}).json()
    assert not {a["id"] for a in page2["items"]} & {a["id"] for a in body["items"]}
    by_id = {d.id: d for d in docs}
    for a in everything:
        assert a["events"] == len(by_id[a["id"]].events)
        assert a["entities"] == len(by_id[a["id"]].entities)
        assert a["title"] and a["title"] in by_id[a["id"]].text


@pytest.mark.parametrize(
    "query, must_find, surface",
    [
        ("حزب الله", "afp-ar-2024-02-27-south-lebanon", "حزب"),
        # no hamza in the query: finds إسرائيل / الإسرائيلي
        ("اسرائيل", "afp-ar-2024-02-27-south-lebanon", "إسرائيل"),
        # with a proclitic in the text: "وميقاتي" style forms are found by the bare word
        ("ميقاتي", EMOJI_ID, "ميقاتي"),
    ],
)
def test_search_is_arabic_aware_and_highlights_real_offsets(
    client: TestClient, corpus, query: str, must_find: str, surface: str
) -> None:
    _path, docs = corpus
    by_id = {d.id: d for d in docs}
    r = client.get("/api/articles", params={"q": query})
    assert r.status_code == 200, r.text
    body = r.json()
    ids = [h["id"] for h in body["items"]]
    assert must_find in ids
    assert body["total"] >= len(ids)
    terms = {match_key(w) for w in query.split()}
    for hit in body["items"]:
        text = by_id[hit["id"]].text
        snip = hit["snippet"]
        assert text[snip["start"] : snip["end"]] == snip["text"]
        assert snip["highlights"], hit
        for s, e in snip["highlights"]:
            assert snip["start"] <= s < e <= snip["end"]
            assert any(t in match_key(text[s:e]) for t in terms), text[s:e]
    first = next(h for h in body["items"] if h["id"] == must_find)
    marked = [by_id[must_find].text[s:e] for s, e in first["snippet"]["highlights"]]
    assert any(surface in m for m in marked)


def test_search_pages_do_not_overlap(client: TestClient) -> None:
    a = client.get("/api/articles", params={"q": "غزة", "page_size": 2, "page": 1}).json()
    b = client.get("/api/articles", params={"q": "غزة", "page_size": 2, "page": 2}).json()
    assert a["total"] >= 3
    assert not {h["id"] for h in a["items"]} & {h["id"] for h in b["items"]}


def test_search_for_sql_text_is_just_text(client: TestClient, corpus) -> None:
    path, _docs = corpus
    with Repository(path, readonly=True) as repo:
        before = repo.snapshot()
    for q in ["' OR 1=1 --", "غزة'; DROP TABLE documents; --", 'x" OR "1"="1', "NEAR(a b) *"]:
        r = client.get("/api/articles", params={"q": q})
        assert r.status_code in (200, 400), (q, r.text)
        if r.status_code == 200:
            assert isinstance(r.json()["items"], list)
        else:
            assert r.json()["error"]["code"] == "bad_query"
    with Repository(path, readonly=True) as repo:
        assert repo.snapshot() == before


def test_article_is_the_full_stored_document(client: TestClient, corpus) -> None:
    _path, docs = corpus
    for doc in docs:
        r = client.get(f"/api/articles/{doc.id}")
        assert r.status_code == 200
        d = r.json()
        validate_document(d)
        assert d["text"] == doc.text
        assert [e["id"] for e in d["events"]] == [e.id for e in doc.events]
        assert len(d["quotes"]) == len(doc.quotes)
        assert {e["id"] for e in d["entities"]} == {e.id for e in doc.entities}
        back = Document.from_dict(d)
        back.check_offsets()


# -- events -------------------------------------------------------------------------------------


def test_events_total_and_items(client: TestClient, corpus) -> None:
    _path, docs = corpus
    items = _all(client, "/api/events")
    assert len(items) == len(_events(docs))
    texts = {d.id: d.text for d in docs}
    for it in items:
        t = it["trigger"]
        assert texts[it["article"]][t["start"] : t["end"]] == t["text"]
        assert it["quad"] == PLOVER[it["plover"]][0]
    dated = [it["date"] for it in items if it["date"]]
    assert dated == sorted(dated, reverse=True)


def _expected(docs: list[Document], keep) -> int:
    n = 0
    for d in docs:
        ents = {e.id: e for e in d.entities}
        for ev in d.events:
            if keep(d, ev, ents):
                n += 1
    return n


def _actor(ev, ents, side: str) -> str:
    ref = getattr(ev, side)
    code = getattr(ev, f"{side}_actor")
    return code or (ents[ref].actor if ref in ents and ents[ref].actor else "") or ""


FILTER_CASES = [
    ({"plover": "ASSAULT"}, lambda d, ev, ents: ev.plover == "ASSAULT"),
    ({"plover": "consult"}, lambda d, ev, ents: ev.plover == "CONSULT"),
    ({"cameo": "19"}, lambda d, ev, ents: (ev.cameo or "").startswith("19")),
    (
        {"actor": "ISR"},
        lambda d, ev, ents: (
            _actor(ev, ents, "source").startswith("ISR")
            or _actor(ev, ents, "target").startswith("ISR")
        ),
    ),
    (
        {"since": "2024-02-01", "until": "2024-02-29"},
        lambda d, ev, ents: "2024-02-01" <= (ev.date or d.source.published or "") <= "2024-02-29",
    ),
    ({"article": EMOJI_ID}, lambda d, ev, ents: d.id == EMOJI_ID),
    ({"outlet": "WAFA"}, lambda d, ev, ents: d.source.outlet == "WAFA"),
    (
        {"location": "جنين"},
        lambda d, ev, ents: ev.location in ents and "جنين" in ents[ev.location].canonical,
    ),
    (
        {"country": "LBN"},
        lambda d, ev, ents: (
            "LBN" in {ents[r].country for r in (ev.source, ev.target, ev.location) if r in ents}
        ),
    ),
    (
        {"plover": "ASSAULT", "actor": "ISR"},
        lambda d, ev, ents: (
            ev.plover == "ASSAULT"
            and (
                _actor(ev, ents, "source").startswith("ISR")
                or _actor(ev, ents, "target").startswith("ISR")
            )
        ),
    ),
]


@pytest.mark.parametrize(
    "params, keep", FILTER_CASES, ids=[json.dumps(p, ensure_ascii=False) for p, _ in FILTER_CASES]
)
def test_event_filters(client: TestClient, corpus, params: dict, keep) -> None:
    _path, docs = corpus
    expected = _expected(docs, keep)
    assert expected > 0, "a filter case must select something"
    body = client.get("/api/events", params={**params, "page_size": 200}).json()
    assert body["total"] == expected
    assert len(body["items"]) == expected
    summary = client.get("/api/events/summary", params=params).json()
    assert summary["total"] == expected


def test_csv_and_plover_exports_hold_every_match(client: TestClient) -> None:
    total = client.get("/api/events", params={"plover": "ASSAULT"}).json()["total"]
    r = client.get("/api/events", params={"plover": "ASSAULT", "format": "csv"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == total
    assert {row["plover"] for row in rows} == {"ASSAULT"}
    r = client.get("/api/events", params={"plover": "ASSAULT", "format": "plover"})
    assert r.status_code == 200
    records = [json.loads(line) for line in r.text.splitlines()]
    assert len(records) == total
    assert {rec["event"] for rec in records} == {"ASSAULT"}
    empty = client.get("/api/events", params={"plover": "RETREAT", "cameo": "20", "format": "csv"})
    assert empty.status_code == 200 and empty.text.startswith("doc_id,")


def test_event_summary_is_consistent(client: TestClient, corpus) -> None:
    _path, docs = corpus
    s = client.get("/api/events/summary").json()
    assert s["total"] == len(_events(docs))
    assert sum(s["by_quad"].values()) == s["total"]
    assert set(s["by_quad"]) == set(QUADS)
    assert Counter({k: v for k, v in s["by_type"].items()}) == Counter(
        e.plover for _d, e in _events(docs)
    )
    dated = sum(sum(p["counts"].values()) for p in s["timeline"]["periods"])
    assert dated == len([1 for d, e in _events(docs) if e.date or d.source.published])
    ids = {n["id"] for n in s["network"]["nodes"]}
    assert 0 < len(ids) <= 30
    for e in s["network"]["edges"]:
        assert e["source"] in ids and e["target"] in ids and e["quad"] in QUADS and e["count"] >= 1
    assert s["places"]
    for p in s["places"]:
        assert -90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 and p["count"] >= 1
    jenin = [p for p in s["places"] if p["name"] and "جنين" in p["name"]]
    assert jenin and abs(jenin[0]["lat"] - 32.46) < 0.3 and abs(jenin[0]["lon"] - 35.3) < 0.3


# -- entities, stats, vocab ---------------------------------------------------------------------


def test_entities_with_counts(client: TestClient, corpus) -> None:
    _path, docs = corpus
    items = _all(client, "/api/entities")
    articles = [e["articles"] for e in items]
    assert articles == sorted(articles, reverse=True)
    # one row per entity key (KB id, else type + name): linked and unlinked mentions may differ
    gaza = [e for e in items if e["canonical"] == "قطاع غزة"]
    assert sum(e["articles"] for e in gaza) == sum(
        1 for d in docs if any(e.canonical == "قطاع غزة" for e in d.entities)
    )
    mentions = sum(len(e.mentions) for d in docs for e in d.entities if e.canonical == "قطاع غزة")
    assert sum(e["mentions"] for e in gaza) == mentions
    per = client.get("/api/entities", params={"type": "PER", "page_size": 200}).json()
    assert per["items"] and all(e["type"] == "PER" for e in per["items"])
    named = client.get("/api/entities", params={"q": "ميقاتي"}).json()
    assert any(e["canonical"] == "نجيب ميقاتي" for e in named["items"])


def test_stats_and_vocab(client: TestClient, corpus) -> None:
    _path, docs = corpus
    s = client.get("/api/stats").json()
    assert s["articles"] == len(docs)
    assert s["events"] == len(_events(docs))
    assert s["writable"] is False
    v = client.get("/api/vocab").json()
    assert [p["type"] for p in v["plover"]] == list(PLOVER_TYPES)
    assert {p["quad"] for p in v["plover"]} == set(QUADS)
    assert len(v["cameo_roots"]) == 20


def test_page_size_limit(client: TestClient) -> None:
    assert client.get("/api/events", params={"page_size": 200}).status_code == 200
    r = client.get("/api/events", params={"page_size": 201})
    assert r.status_code == 400 and r.json()["error"]["details"]["parameter"] == "page_size"


# -- OpenAPI and the dashboard files ------------------------------------------------------------


def test_openapi_describes_exactly_the_routes(client: TestClient) -> None:
    doc = client.get("/openapi.json").json()
    assert doc["openapi"].startswith("3.")
    described = {(m.upper(), p) for p, ops in doc["paths"].items() for m in ops}
    routed = set()
    for r in client.app.routes:
        if isinstance(r, Route) and r.path.startswith("/api/"):
            for m in r.methods or ():
                if m != "HEAD":
                    routed.add((m, r.path))
    assert described == routed
    for ops in doc["paths"].values():
        for op in ops.values():
            assert op["responses"]["400"]["content"]["application/json"]["schema"]["$ref"].endswith(
                "/Error"
            )
    assert "/api/ingest" not in doc["paths"]  # read-only server


def test_dashboard_is_rtl_arabic_and_fully_local(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert re.search(r'<html[^>]*\blang="ar"', r.text) and re.search(
        r'<html[^>]*\bdir="rtl"', r.text
    )
    assert "default-src 'self'" in r.headers["content-security-policy"]
    for ref in re.findall(r'(?:src|href)="([^"#]+)"', r.text):
        assert ref.startswith("/static/"), ref
        assert client.get(ref).status_code == 200, ref
    static = static_dir()
    for f in static.rglob("*"):
        if f.suffix in {".js", ".css", ".html"}:
            text = f.read_text(encoding="utf-8")
            for url in re.findall(r"https?://[^\s\"'<>)]+", text):
                assert url.startswith("http://www.w3.org/2000/svg"), f"{f.name} loads {url}"
            for imp in re.findall(r'from "([^"]+)"', text):
                assert imp.startswith("./"), imp
                assert (f.parent / imp).is_file(), imp
    assert (static / "vendor" / "countries-110m.json").is_file()
    assert "Natural Earth" in (static / "vendor" / "NOTICE").read_text(encoding="utf-8")
    assert client.get("/static/vendor/countries-110m.json").json()["type"] == "Topology"
    static_routes = [r for r in client.app.routes if isinstance(r, Mount)]
    assert static_routes


def test_docs_describe_every_endpoint_and_error_code() -> None:
    """docs/api.md is checked like code (sqlite-utils ``test_docs.py`` style)."""
    from marsad.api.app import ENDPOINTS

    root = Path(__file__).resolve().parents[1]
    docs = (root / "docs" / "api.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`(GET|POST) (/api/[\w/{}]+)", docs))
    assert documented == {(e.method, e.path) for e in ENDPOINTS}
    raised = set()
    for f in (root / "src" / "marsad" / "api").glob("*.py"):
        raised |= set(re.findall(r'ApiError\(\s*\d+,\s*"(\w+)"', f.read_text(encoding="utf-8")))
    raised |= {"not_found", "method_not_allowed", "internal_error"}
    assert raised and all(f"`{code}`" in docs for code in raised), sorted(
        c for c in raised if f"`{c}`" not in docs
    )
