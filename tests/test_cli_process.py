"""``marsad process`` end to end: encodings, rejects file, exit status, schema-valid output."""

from __future__ import annotations

import codecs
import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from marsad.cli import main
from marsad.document import Document
from marsad.schema import validate_document

# Written for these tests: a short Arabic wire report, only ISO-8859-6 characters.
ARTICLE = (
    "بغداد - 22 تشرين الأول (واع) - أعلنت قيادة العمليات المشتركة اليوم الأربعاء مقتل ثلاثة "
    "مسلحين في عملية أمنية شمال بغداد، وضبط كميات من الأسلحة والعتاد.\n"
    "وقال الناطق باسم القيادة إن القوات الأمنية تواصل ملاحقة الخلايا الإرهابية في المنطقة.\n"
    "انتهى ع.ح\n"
)

ENCODINGS = {
    "cp1256.txt": ARTICLE.encode("cp1256"),
    "iso.txt": ARTICLE.encode("iso-8859-6"),
    "utf8bom.txt": codecs.BOM_UTF8 + ARTICLE.encode("utf-8"),
    "utf16le.txt": codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"),
    "utf16be.txt": codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"),
}


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def check_documents(docs: list[dict[str, Any]]) -> None:
    for d in docs:
        validate_document(d)
        Document.from_dict(d).check_offsets()


def test_batch_with_every_encoding_and_three_bad_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    news = tmp_path / "news"
    news.mkdir()
    for name, data in ENCODINGS.items():
        (news / name).write_bytes(data)
    (news / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)))
    (news / "empty.txt").write_bytes(b"")
    # UTF-8 that lost its lead bytes: valid in no candidate encoding
    (news / "undecodable.txt").write_bytes(
        bytes(b for b in ARTICLE.encode() if not 0xC0 <= b <= 0xF4)
    )
    out = tmp_path / "out.jsonl"

    rc = main(["process", str(news), "-o", str(out), "--quiet", "--published", "2025-10-22"])

    assert rc == 0
    docs = read_jsonl(out)
    check_documents(docs)
    by_name = {Path(d["source"]["path"]).name: d for d in docs}
    assert set(by_name) == set(ENCODINGS)
    assert {d["text"] for d in docs} == {ARTICLE}
    assert {d["id"] for d in docs} == {docs[0]["id"]}  # same text, same content id
    assert {n: d["source"]["encoding"] for n, d in by_name.items()} == {
        "cp1256.txt": "windows-1256",
        "iso.txt": "iso-8859-6",
        "utf8bom.txt": "utf-8-sig",
        "utf16le.txt": "utf-16",
        "utf16be.txt": "utf-16",
    }
    assert all(d["source"]["published"] == "2025-10-22" for d in docs)
    rejects = read_jsonl(Path(f"{out}.rejects.jsonl"))
    assert {Path(r["source"]).name: r["reason"] for r in rejects} == {
        "binary.txt": "binary",
        "empty.txt": "empty",
        "undecodable.txt": "undecodable",
    }
    assert all(r["detail"] for r in rejects)
    assert "3 input(s) rejected" in capsys.readouterr().err


def test_shared_sample_is_schema_valid_and_keeps_its_text(
    sample_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    rc = main(["process", str(sample_path), "--format", "json", "--quiet"])
    assert rc == 0
    doc = json.loads(capsys.readouterr().out)
    validate_document(doc)
    Document.from_dict(doc).check_offsets()
    assert doc["text"] == sample_path.read_bytes().decode("utf-8")
    assert doc["source"]["encoding"] == "utf-8"
    assert not (tmp_path / "marsad.rejects.jsonl").exists()


def test_mixed_inputs_in_one_batch(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps(
            {"id": "ina-1", "text": ARTICLE, "published": "2025-10-22", "outlet": "واع"},
            ensure_ascii=False,
        )
        + "\n{not json\n"
        + json.dumps({"id": "ina-3", "text": ARTICLE, "published": "yesterday"})
        + "\n",
        encoding="utf-8",
    )
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><meta charset='utf-8'><title>عملية أمنية</title></head><body>"
        "<nav><a href='/'>الرئيسية</a> <a href='/iraq'>العراق</a></nav>"
        f"<article><p>{ARTICLE.splitlines()[0]}</p><p>{ARTICLE.splitlines()[1]}</p></article></body></html>",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    rc = main(
        ["process", str(feed), str(page), str(tmp_path / "missing.txt"), "-o", str(out), "--quiet"]
    )
    assert rc == 0
    docs = read_jsonl(out)
    check_documents(docs)
    assert [d["id"] for d in docs][0] == "ina-1"
    assert docs[0]["source"]["outlet"] == "واع"
    assert "الرئيسية" not in docs[1]["text"] and "مقتل ثلاثة مسلحين" in docs[1]["text"]
    rejects = read_jsonl(Path(f"{out}.rejects.jsonl"))
    assert [(r["source"], r["reason"]) for r in rejects] == [
        (f"{feed}:2", "bad_json"),
        (f"{feed}:3", "bad_date"),
        (str(tmp_path / "missing.txt"), "not_found"),
    ]


def test_stdin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode("cp1256"))))
    out = tmp_path / "out.jsonl"
    assert main(["process", "-", "-o", str(out), "--quiet"]) == 0
    (doc,) = read_jsonl(out)
    assert (doc["text"], doc["source"]["path"], doc["source"]["encoding"]) == (
        ARTICLE,
        "<stdin>",
        "windows-1256",
    )


def test_nothing_processed_exits_1_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / "out.jsonl"
    rc = main(["process", str(empty), "-o", str(out), "--quiet"])
    assert rc == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("marsad: error: nothing could be processed (")
    assert "empty" in err[-1]
    assert out.read_text(encoding="utf-8") == ""
    assert read_jsonl(Path(f"{out}.rejects.jsonl"))[0]["reason"] == "empty"


def test_nothing_processed_counts_reasons(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(b"  \n")
    (tmp_path / "c.bin").write_bytes(b"\x00" * 10)
    rc = main(["process", str(tmp_path), "-o", str(tmp_path / "out.jsonl"), "--quiet"])
    assert rc == 1
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert last == "marsad: error: nothing could be processed (3 rejected: 2 empty, 1 binary)"


def test_bad_published_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    assert main(["process", str(f), "--published", "22/10/2025", "--quiet"]) == 1
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_stale_rejects_file_is_removed(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    stale = Path(f"{out}.rejects.jsonl")
    stale.write_text('{"source": "old", "reason": "empty"}\n', encoding="utf-8")
    assert main(["process", str(f), "-o", str(out), "--quiet"]) == 0
    assert not stale.exists()


def test_max_bytes_flag(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["process", str(f), "-o", str(out), "--quiet", "--max-bytes", "100"]) == 1
    assert read_jsonl(Path(f"{out}.rejects.jsonl"))[0]["reason"] == "too_large"
