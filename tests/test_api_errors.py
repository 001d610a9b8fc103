"""The error contract: every malformed request gets a 4xx in the one JSON error shape, never a
500, and changes nothing in the database (datasette ``test_error_shape.py`` style)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from api_support import build_corpus
from marsad.api.app import create_app
from marsad.store.repository import Repository

SQLI = "' OR 1=1 --"
LONG = "غزة " * 100

# (method, url, request kwargs, status, error code)
BAD_REQUESTS: list[tuple[str, str, dict, int, str]] = [
    # query parameters
    ("GET", "/api/events?bogus=1", {}, 400, "unknown_parameter"),
    ("GET", "/api/articles?sort=desc", {}, 400, "unknown_parameter"),
    ("GET", "/api/stats?x=1", {}, 400, "unknown_parameter"),
    ("GET", "/api/vocab?x=1", {}, 400, "unknown_parameter"),
    ("GET", "/openapi.json?x=1", {}, 400, "unknown_parameter"),
    ("GET", "/api/events?plover=FOO", {}, 400, "invalid_parameter"),
    ("GET", "/api/events?plover=ASSAULT&plover=AGREE", {}, 400, "repeated_parameter"),
    ("GET", "/api/events?since=2024-13-01", {}, 400, "invalid_parameter"),
    ("GET", "/api/events?since=2024-02-30", {}, 400, "invalid_parameter"),
    ("GET", "/api/events?since=yesterday", {}, 400, "invalid_parameter"),
    ("GET", "/api/events?since=2024-03-01&until=2024-01-01", {}, 400, "invalid_parameter"),
    ("GET", "/api/events?actor=" + SQLI, {}, 400, "invalid_parameter"),
    ("GET", "/api/events?country=LBN' OR '1'='1", {}, 400, "invalid_parameter"),
    ("GET", "/api/events?cameo=19; DROP TABLE events", {}, 400, "invalid_parameter"),
    ("GET", "/api/events?article=" + SQLI, {}, 400, "invalid_parameter"),
    ("GET", "/api/events?format=xml", {}, 400, "invalid_parameter"),
    ("GET", "/api/events?page=0", {}, 400, "invalid_parameter"),
    ("GET", "/api/events?page=-1", {}, 400, "invalid_parameter"),
    ("GET", "/api/events?page=abc", {}, 400, "invalid_parameter"),
    ("GET", "/api/events?page=1e3", {}, 400, "invalid_parameter"),
    ("GET", "/api/events?page_size=201", {}, 400, "invalid_parameter"),
    ("GET", "/api/events?page_size=0", {}, 400, "invalid_parameter"),
    ("GET", "/api/events?page_size=99999999999999999999", {}, 400, "invalid_parameter"),
    ("GET", "/api/events/summary?format=csv", {}, 400, "unknown_parameter"),
    ("GET", "/api/entities?type=PERSON", {}, 400, "invalid_parameter"),
    ("GET", "/api/entities?country=" + SQLI, {}, 400, "invalid_parameter"),
    ("GET", "/api/articles?q=" + LONG, {}, 400, "invalid_parameter"),
    ("GET", "/api/articles?q=%00abc", {}, 400, "invalid_parameter"),
    ("GET", "/api/articles?q=!!!", {}, 400, "bad_query"),
    ("GET", "/api/articles?q=%22", {}, 400, "bad_query"),
    # paths and methods
    ("GET", "/api/articles/%27%20OR%201%3D1%20--", {}, 400, "invalid_parameter"),
    ("GET", "/api/articles/no-such-article", {}, 404, "not_found"),
    ("GET", "/api/nothing", {}, 404, "not_found"),
    ("GET", "/static/nothing.js", {}, 404, "not_found"),
    ("GET", "/api/ingest", {}, 404, "not_found"),
    ("POST", "/api/ingest", {"json": {"text": "نص"}}, 404, "not_found"),
    ("DELETE", "/api/articles/x", {}, 405, "method_not_allowed"),
    ("POST", "/api/events", {"json": {}}, 405, "method_not_allowed"),
    ("PUT", "/api/analyze", {"json": {"text": "نص"}}, 405, "method_not_allowed"),
    ("POST", "/static/app.js", {}, 405, "method_not_allowed"),
    ("GET", "/api/analyze", {}, 405, "method_not_allowed"),
    # bodies
    (
        "POST",
        "/api/analyze",
        {"content": b"{", "headers": {"content-type": "application/json"}},
        400,
        "invalid_json",
    ),
    (
        "POST",
        "/api/analyze",
        {"content": b"", "headers": {"content-type": "application/json"}},
        400,
        "invalid_json",
    ),
    (
        "POST",
        "/api/analyze",
        {"content": b"\xff\xfe{}", "headers": {"content-type": "application/json"}},
        400,
        "invalid_json",
    ),
    (
        "POST",
        "/api/analyze",
        {"content": b'{"text": NaN}', "headers": {"content-type": "application/json"}},
        400,
        "invalid_json",
    ),
    (
        "POST",
        "/api/analyze",
        {"content": b"[" * 50_000 + b"]" * 50_000, "headers": {"content-type": "application/json"}},
        400,
        "invalid_json",
    ),
    (
        "POST",
        "/api/analyze",
        {"content": "نص".encode(), "headers": {"content-type": "text/plain"}},
        415,
        "unsupported_media_type",
    ),
    (
        "POST",
        "/api/analyze",
        {"content": json.dumps({"text": "نص"}).encode()},
        415,
        "unsupported_media_type",
    ),
    ("POST", "/api/analyze", {"json": ["نص"]}, 400, "invalid_body"),
    ("POST", "/api/analyze", {"json": "نص"}, 400, "invalid_body"),
    ("POST", "/api/analyze", {"json": {}}, 400, "invalid_body"),
    ("POST", "/api/analyze", {"json": {"text": 5}}, 400, "invalid_body"),
    ("POST", "/api/analyze", {"json": {"text": None, "html": None}}, 400, "invalid_body"),
    ("POST", "/api/analyze", {"json": {"text": "نص", "html": "<p>نص</p>"}}, 400, "invalid_body"),
    ("POST", "/api/analyze", {"json": {"text": "   \n "}}, 400, "invalid_body"),
    ("POST", "/api/analyze", {"json": {"text": "نص", "bogus": 1}}, 400, "unknown_field"),
    (
        "POST",
        "/api/analyze",
        {"json": {"text": "نص", "published": "2024-02-30"}},
        400,
        "invalid_body",
    ),
    ("POST", "/api/analyze", {"json": {"text": "نص", "published": SQLI}}, 400, "invalid_body"),
    ("POST", "/api/analyze", {"json": {"text": "نص", "published": 20240101}}, 400, "invalid_body"),
    ("POST", "/api/analyze", {"json": {"text": "نص", "id": SQLI}}, 400, "invalid_body"),
    ("POST", "/api/analyze?x=1", {"json": {"text": "نص"}}, 400, "unknown_parameter"),
    ("POST", "/api/analyze", {"json": {"text": "نص" * 1_100_000}}, 413, "payload_too_large"),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("errors") / "corpus.db"
    build_corpus(path)
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db), raise_server_exceptions=False)


def assert_error_shape(resp, status: int, code: str | None = None) -> dict:
    assert resp.status_code == status, resp.text[:500]
    assert resp.headers["content-type"].startswith("application/json")
    body = resp.json()
    assert set(body) == {"error"}
    err = body["error"]
    assert set(err) == {"status", "code", "message", "details"}
    assert err["status"] == status
    assert isinstance(err["code"], str) and err["code"]
    assert isinstance(err["message"], str) and err["message"]
    assert isinstance(err["details"], dict)
    if code is not None:
        assert err["code"] == code, err
    return err


@pytest.mark.parametrize(
    "method, url, kwargs, status, code",
    BAD_REQUESTS,
    ids=[f"{m} {u[:60]}" for m, u, *_ in BAD_REQUESTS],
)
def test_bad_request_gets_the_error_shape(
    client: TestClient, method, url, kwargs, status, code
) -> None:
    resp = client.request(method, url, **kwargs)
    assert resp.status_code < 500
    assert_error_shape(resp, status, code)


def test_bad_requests_change_nothing(client: TestClient, db: Path) -> None:
    with Repository(db, readonly=True) as repo:
        before = repo.snapshot()
    for method, url, kwargs, _status, _code in BAD_REQUESTS:
        client.request(method, url, **kwargs)
    with Repository(db, readonly=True) as repo:
        assert repo.snapshot() == before


def test_chunked_body_over_the_limit_is_cut_off(db: Path) -> None:
    client = TestClient(create_app(db, max_body=10_000), raise_server_exceptions=False)

    def chunks():
        for _ in range(40):
            yield b'{"text": "' + "غزة ".encode() * 200

    resp = client.post(
        "/api/analyze", content=chunks(), headers={"content-type": "application/json"}
    )
    assert "content-length" not in {k.lower() for k in resp.request.headers}
    err = assert_error_shape(resp, 413, "payload_too_large")
    assert err["details"]["limit"] == 10_000


def test_declared_length_over_the_limit_is_refused_unread(db: Path) -> None:
    client = TestClient(create_app(db, max_body=1000), raise_server_exceptions=False)
    resp = client.post("/api/analyze", json={"text": "غزة " * 400})
    assert_error_shape(resp, 413, "payload_too_large")
    ok = client.post("/api/analyze", json={"text": "غزة"})
    assert ok.status_code == 200


def test_unexpected_failure_is_a_500_in_the_shape(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = create_app(db)
    client = TestClient(app, raise_server_exceptions=False)

    def boom(*_a, **_k):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(app.state.corpus, "stats", boom)
    err = assert_error_shape(client.get("/api/stats"), 500, "internal_error")
    assert "disk on fire" not in err["message"]  # internals are logged, not shown


def test_missing_database_is_a_503(tmp_path: Path) -> None:
    client = TestClient(create_app(tmp_path / "absent.db"), raise_server_exceptions=False)
    assert_error_shape(client.get("/api/stats"), 503, "no_database")
    assert not (tmp_path / "absent.db").exists()


@pytest.mark.parametrize(
    "host, ok",
    [
        ("127.0.0.1:8000", True),
        ("localhost", True),
        ("LOCALHOST:80", True),
        ("[::1]:8000", True),
        ("marsad.example.org", True),  # named with --allow-host
        ("attacker.example.com", False),  # a rebinding page's own name
        ("127.0.0.1.attacker.example.com", False),
        ("", False),
    ],
)
def test_only_known_host_names_are_answered(db: Path, host: str, ok: bool) -> None:
    from marsad.api.requests import LOCAL_HOSTS

    app = create_app(db, hosts=(*LOCAL_HOSTS, "marsad.example.org"))
    client = TestClient(app, raise_server_exceptions=False)
    resp = client.get("/api/stats", headers={"host": host})
    if ok:
        assert resp.status_code == 200, resp.text
    else:
        err = assert_error_shape(resp, 421, "unknown_host")
        assert "127.0.0.1" in err["details"]["allowed"]


def test_a_star_host_turns_the_check_off(db: Path) -> None:
    client = TestClient(create_app(db, hosts=("*",)), raise_server_exceptions=False)
    assert client.get("/api/stats", headers={"host": "anything.example"}).status_code == 200
