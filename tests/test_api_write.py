"""Analysis without storing, token-protected ingest, and ``marsad serve`` argument checks."""

from __future__ import annotations

from pathlib import Path

import pytest
from starlette.testclient import TestClient

from api_support import EMOJI_TEXT, build_corpus
from marsad.api.app import create_app
from marsad.cli import main
from marsad.document import Document
from marsad.schema import validate_document
from marsad.settings import Settings
from marsad.store.repository import Repository
from test_api_errors import assert_error_shape

TOKEN = "s3cret-token-for-tests"
TEXT = (
    "الرياض، 10 آذار 2024 - استقبل ولي العهد السعودي الأمير محمد بن سلمان في الرياض اليوم "
    "وزير الخارجية الفرنسي، وبحثا تطورات الأوضاع في غزة."
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("write") / "corpus.db"
    build_corpus(path)
    return path


def snapshot(db: Path) -> dict:
    with Repository(db, readonly=True) as repo:
        return repo.snapshot()


# -- analysis -----------------------------------------------------------------------------------


def test_analyze_returns_a_document_and_stores_nothing(db: Path) -> None:
    client = TestClient(create_app(db))
    before = snapshot(db)
    r = client.post("/api/analyze", json={"text": TEXT, "published": "2024-03-10", "outlet": "SPA"})
    assert r.status_code == 200, r.text
    d = r.json()
    validate_document(d)
    assert d["text"] == TEXT
    assert d["source"]["published"] == "2024-03-10"
    assert d["source"]["outlet"] == "SPA"
    assert d["pipeline"], "the pipeline steps are listed"
    Document.from_dict(d).check_offsets()
    assert snapshot(db) == before


def test_analyze_keeps_code_point_offsets_with_emoji(db: Path) -> None:
    client = TestClient(create_app(db))
    d = client.post("/api/analyze", json={"text": EMOJI_TEXT}).json()
    assert d["text"] == EMOJI_TEXT
    doc = Document.from_dict(d)
    doc.check_offsets()  # every span quotes the text at Python (code point) offsets
    for e in doc.entities:
        for m in e.mentions:
            assert EMOJI_TEXT[m.start : m.end] == m.text


def test_analyze_html_extracts_the_main_text(db: Path) -> None:
    client = TestClient(create_app(db))
    html = (
        "<html><head><title>خبر</title></head><body><nav>الرئيسية | أخبار</nav><article><p>"
        + TEXT
        + "</p><p>وأكد الجانبان أهمية وقف إطلاق النار في قطاع غزة وإيصال المساعدات الإنسانية.</p>"
        + "</article></body></html>"
    )
    r = client.post("/api/analyze", json={"html": html})
    assert r.status_code == 200, r.text
    assert "ولي العهد السعودي" in r.json()["text"]


def test_analyze_empty_html_is_rejected_with_a_reason(db: Path) -> None:
    client = TestClient(create_app(db))
    err = assert_error_shape(
        client.post("/api/analyze", json={"html": "<html><body></body></html>"}), 422, "rejected"
    )
    assert err["details"]["reason"] == "empty"


# -- writes -------------------------------------------------------------------------------------


def test_read_only_server_has_no_write_route(db: Path) -> None:
    client = TestClient(create_app(db))
    before = snapshot(db)
    for headers in ({}, {"Authorization": f"Bearer {TOKEN}"}):
        resp = client.post("/api/ingest", json={"text": TEXT}, headers=headers)
        assert resp.status_code in (404, 405)
        assert_error_shape(resp, resp.status_code)
    assert client.get("/api/stats").json()["writable"] is False
    assert snapshot(db) == before


@pytest.mark.parametrize(
    "headers, status",
    [
        ({}, 401),
        ({"Authorization": ""}, 401),
        ({"Authorization": "Basic " + TOKEN}, 401),
        ({"Authorization": "Bearer"}, 401),
        ({"Authorization": "Bearer wrong-token"}, 403),
        ({"Authorization": "Bearer " + TOKEN[:-1]}, 403),
        ({"Authorization": "Bearer " + TOKEN + "x"}, 403),
        ({"Authorization": "Bearer ' OR 1=1 --"}, 403),
        ({"Authorization": "Bearer توكن".encode()}, 403),
    ],
)
def test_writes_need_the_right_token(db: Path, headers: dict, status: int) -> None:
    client = TestClient(create_app(db, token=TOKEN), raise_server_exceptions=False)
    before = snapshot(db)
    resp = client.post("/api/ingest", json={"text": TEXT}, headers=headers)
    assert_error_shape(resp, status)
    if status == 401:
        assert resp.headers["www-authenticate"].startswith("Bearer")
    # a bad body does not get past the token check either
    resp = client.post(
        "/api/ingest", content=b"{", headers={**headers, "content-type": "application/json"}
    )
    assert_error_shape(resp, status)
    assert snapshot(db) == before


def test_ingest_with_token_stores_once(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    Repository(db).close()
    client = TestClient(create_app(db, token=TOKEN))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert client.get("/api/stats").json()["writable"] is True
    assert "/api/ingest" in client.get("/openapi.json").json()["paths"]
    r = client.post(
        "/api/ingest",
        json={"text": TEXT, "published": "2024-03-10", "id": "riyadh-1"},
        headers=auth,
    )
    assert r.status_code == 200, r.text
    assert r.json()["stored"] == 1 and r.json()["ids"] == ["riyadh-1"]
    doc = client.get("/api/articles/riyadh-1").json()
    assert doc["text"] == TEXT and doc["source"]["published"] == "2024-03-10"
    again = client.post(
        "/api/ingest", json={"articles": [{"text": TEXT, "id": "riyadh-1"}]}, headers=auth
    )
    assert again.status_code == 200 and again.json()["stored"] == 0 and again.json()["skipped"] == 1
    assert client.get("/api/stats").json()["articles"] == 1
    hits = client.get("/api/articles", params={"q": "سلمان"}).json()
    assert [h["id"] for h in hits["items"]] == ["riyadh-1"]


@pytest.mark.parametrize(
    "body",
    [
        {"articles": [{"text": TEXT, "id": "good"}, {"text": 7}]},
        {"articles": [{"text": TEXT, "id": "good"}, {"text": TEXT, "extra": True}]},
        {"articles": []},
        {"articles": "not a list"},
        {"articles": [{"text": TEXT}], "more": 1},
        {"articles": [{"text": TEXT, "id": f"a{i}"} for i in range(101)]},
    ],
)
def test_bad_ingest_body_stores_nothing(tmp_path: Path, body: dict) -> None:
    db = tmp_path / "w.db"
    Repository(db).close()
    client = TestClient(create_app(db, token=TOKEN), raise_server_exceptions=False)
    before = snapshot(db)
    resp = client.post("/api/ingest", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert_error_shape(resp, 400)
    assert snapshot(db) == before


def test_create_app_from_settings(db: Path) -> None:
    client = TestClient(create_app(Settings(db=str(db))))
    assert client.get("/api/stats").json()["articles"] > 0
    with pytest.raises(ValueError):
        create_app(db, token="  ")


# -- the command --------------------------------------------------------------------------------


def test_serve_is_a_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    out = capsys.readouterr().out
    assert "--db" in out and "--token" in out and "read-only" in out


def test_serve_refuses_a_missing_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    monkeypatch.delenv("MARSAD_TOKEN", raising=False)
    assert main(["serve", "--db", str(tmp_path / "none.db"), "--port", "0"]) == 1
    assert "marsad ingest" in capsys.readouterr().err
    assert not (tmp_path / "none.db").exists()
    monkeypatch.setenv("MARSAD_TOKEN", " ")
    assert main(["serve", "--db", str(tmp_path / "none.db")]) == 1
