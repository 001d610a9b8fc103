"""Each reader (text, folders, JSONL, JSON, HTML, WARC, zip, gzip, stdin) and its rejections."""

from __future__ import annotations

import gzip
import io
import json
import sys
import zipfile
from pathlib import Path

import pytest

from marsad.document import Article
from marsad.errors import ConfigError
from marsad.ingest import read_inputs
from marsad.pipeline import Reject
from marsad.settings import Settings

# Written for these tests in the style of an Arabic wire report.
REPORT = (
    "القاهرة - 3 شباط (أ ش أ) - استقبل وزير الخارجية المصري اليوم الاثنين نظيره الأردني في "
    "القاهرة، وبحث الجانبان تطورات الأوضاع في قطاع غزة وسبل إيصال المساعدات الإنسانية.\n"
    "وقال المتحدث باسم الوزارة إن الوزيرين اتفقا على مواصلة التنسيق خلال الأيام المقبلة.\n"
)
BODY_SENTENCE = "وبحث الجانبان تطورات الأوضاع في قطاع غزة"

PAGE = f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head>
<meta charset="{{charset}}">
<title>وزير الخارجية المصري يستقبل نظيره الأردني | وكالة أنباء النيل</title>
<meta property="og:site_name" content="وكالة أنباء النيل">
<meta property="og:title" content="وزير الخارجية المصري يستقبل نظيره الأردني">
<meta name="date" content="2025-02-03">
<link rel="canonical" href="https://nile.example/ar/politics/2025/02/03/visit">
</head><body>
<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/politics">سياسة</a></li>
<li><a href="/economy">اقتصاد</a></li><li><a href="/sport">رياضة</a></li><li><a href="/contact">اتصل بنا</a></li></ul></nav>
<article><h1>وزير الخارجية المصري يستقبل نظيره الأردني</h1>
<p>القاهرة - 3 شباط (أ ش أ) - استقبل وزير الخارجية المصري اليوم الاثنين نظيره الأردني في القاهرة، {BODY_SENTENCE} وسبل إيصال المساعدات الإنسانية.</p>
<p>وقال المتحدث باسم الوزارة إن الوزيرين اتفقا على مواصلة التنسيق خلال الأيام المقبلة، مؤكدا أهمية وقف إطلاق النار.</p>
<p>وأضاف أن الجانبين شددا على ضرورة فتح المعابر أمام قوافل الإغاثة دون قيود.</p>
</article>
<footer><p>جميع الحقوق محفوظة 2025</p><a href="/share">شارك الخبر</a></footer>
</body></html>
"""


def page(charset: str = "utf-8") -> str:
    return PAGE.replace("{charset}", charset)


def run(inputs: list[str], **kw: object) -> tuple[list[Article], list[Reject]]:
    items = list(read_inputs(inputs, Settings(**kw)))  # type: ignore[arg-type]
    return [x for x in items if isinstance(x, Article)], [x for x in items if isinstance(x, Reject)]


# -- text and folders --------------------------------------------------------------------------


def test_text_file_is_kept_exactly(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(REPORT.replace("\n", "\r\n").encode("utf-8") + b"  \n\n")
    (art,), rejects = run([str(f)], published="2025-02-03")
    assert not rejects
    assert art.text == REPORT.replace("\n", "\r\n") + "  \n\n"
    assert art.source.path == str(f)
    assert art.source.published == "2025-02-03"
    assert art.id is None and len(art.doc_id) == 16


def test_folder_is_recursive_sorted_and_skips_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.txt").write_text("الخبر الثاني", encoding="utf-8")
    (tmp_path / "b" / "1.txt").write_text("الخبر الأول", encoding="utf-8")
    (tmp_path / "a.txt").write_text("خبر في الجذر", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("مخفي", encoding="utf-8")
    (tmp_path / ".git" / "x.txt").write_text("مخفي", encoding="utf-8")
    arts, rejects = run([str(tmp_path)])
    assert not rejects
    assert [a.text for a in arts] == ["خبر في الجذر", "الخبر الأول", "الخبر الثاني"]
    assert arts[1].source.path == str(tmp_path / "b" / "1.txt")


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    (tmp_path / "note.dat").write_text("# عنوان\nنص الخبر", encoding="utf-8")
    (tmp_path / "page.php").write_text(page(), encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)))
    arts, rejects = run([str(tmp_path)])
    assert [a.source.path.rsplit("/", 1)[1] for a in arts] == ["note.dat", "page.php"]
    assert arts[0].text == "# عنوان\nنص الخبر"
    assert BODY_SENTENCE in arts[1].text and "<" not in arts[1].text
    assert [(r.source.rsplit("/", 1)[1], r.reason) for r in rejects] == [("photo.jpg", "binary")]


@pytest.mark.parametrize(
    ("content", "kw", "reason"),
    [
        (b"", {}, "empty"),
        (b" \n\t\r\n ", {}, "empty"),
        ("خبر".encode(), {"min_chars": 10}, "empty"),
        ("خبر طويل جدا".encode() * 10, {"max_bytes": 50}, "too_large"),
        (b"\x00\x01binary\x00", {}, "binary"),
    ],
)
def test_text_rejections(tmp_path: Path, content: bytes, kw: dict[str, int], reason: str) -> None:
    f = tmp_path / "x.txt"
    f.write_bytes(content)
    arts, (rej,) = run([str(f)], **kw)
    assert not arts
    assert (rej.source, rej.reason) == (str(f), reason)
    assert rej.detail


def test_too_large_is_decided_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    f = tmp_path / "big.txt"
    f.write_bytes("خبر ".encode() * 100)
    monkeypatch.setattr(Path, "open", lambda *a, **k: pytest.fail("the file was opened"))
    _, (rej,) = run([str(f)], max_bytes=100)
    assert rej.reason == "too_large"


def test_missing_and_unreadable_inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good = tmp_path / "good.txt"
    good.write_text(REPORT, encoding="utf-8")
    locked = tmp_path / "locked.txt"
    locked.write_text(REPORT, encoding="utf-8")
    real_open = Path.open

    def fake_open(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if self.name == "locked.txt":  # chmod 000 does not stop root, so simulate it
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", fake_open)
    arts, rejects = run([str(tmp_path / "nope.txt"), str(locked), str(good)])
    assert [a.source.path for a in arts] == [str(good)]
    assert [(r.source, r.reason) for r in rejects] == [
        (str(tmp_path / "nope.txt"), "not_found"),
        (str(locked), "unreadable"),
    ]


def test_bad_published_setting_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="YYYY-MM-DD"):
        run([str(tmp_path)], published="3/2/2025")


# -- JSONL and JSON ----------------------------------------------------------------------------


def jsonl(*records: object) -> bytes:
    return "".join(
        (r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in records
    ).encode("utf-8")


def test_jsonl_with_bad_lines_goes_on(tmp_path: Path) -> None:
    f = tmp_path / "feed.jsonl"
    f.write_bytes(
        jsonl(
            {
                "id": "mena-1",
                "text": REPORT,
                "url": "https://nile.example/1",
                "outlet": "MENA",
                "published": "2025-02-03",
            },
            '{"id": "mena-2", "text": "خبر مقطوع',  # truncated line
            {"id": 7, "text": "خبر ثان عن الاجتماع", "published": "2025-02-30"},
            {"id": "mena-4", "url": "https://nile.example/4"},
            {"id": "mena-5", "text": "   "},
            ["not", "an", "object"],
            "",
            {"id": 6, "text": "الخبر السادس", "published": "2025-02-04T10:15:00+02:00"},
            {"html": page(), "outlet": "النيل"},
        )
    )
    arts, rejects = run([str(f)], published="2025-01-01")
    assert [(r.source, r.reason) for r in rejects] == [
        (f"{f}:2", "bad_json"),
        (f"{f}:3", "bad_date"),
        (f"{f}:4", "missing_text"),
        (f"{f}:5", "empty"),
        (f"{f}:6", "bad_json"),
    ]
    assert all("line" in r.detail for r in rejects)
    first, sixth, html = arts
    assert (
        first.id,
        first.text,
        first.source.url,
        first.source.outlet,
        first.source.published,
    ) == (
        "mena-1",
        REPORT,
        "https://nile.example/1",
        "MENA",
        "2025-02-03",
    )
    assert first.source.path == f"{f}:1"
    assert (sixth.id, sixth.source.published) == ("6", "2025-02-04")
    assert BODY_SENTENCE in html.text and "الرئيسية" not in html.text
    assert html.source.outlet == "النيل"  # the record wins over the page
    assert html.source.url == "https://nile.example/ar/politics/2025/02/03/visit"
    assert html.source.published == "2025-02-03"  # from the page, before the setting


def test_jsonl_line_over_the_limit(tmp_path: Path) -> None:
    f = tmp_path / "feed.jsonl"
    f.write_bytes(jsonl({"text": "كلمة " * 200}, {"text": "خبر قصير"}))
    arts, (rej,) = run([str(f)], max_bytes=500)
    assert [a.text for a in arts] == ["خبر قصير"]
    assert (rej.source, rej.reason) == (f"{f}:1", "too_large")


def test_jsonl_in_utf16(tmp_path: Path) -> None:
    f = tmp_path / "feed.jsonl"
    f.write_bytes(jsonl({"text": REPORT}).decode().encode("utf-16"))
    (art,), rejects = run([str(f)])
    assert not rejects and art.text == REPORT and art.source.encoding == "utf-16"


def test_json_array_like_crawl_dumps(tmp_path: Path) -> None:
    f = tmp_path / "2015-07-21.json"
    f.write_text(
        json.dumps(
            [
                {
                    "source": "aawsat",
                    "url": "http://x.example/1",
                    "title": "عنوان",
                    "content": REPORT,
                },
                {"source": "okaz", "url": "http://x.example/2", "content": ""},
            ],
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    (art,), (rej,) = run([str(f)])
    assert (art.text, art.source.outlet, art.source.path) == (REPORT, "aawsat", f"{f}[0]")
    assert (rej.source, rej.reason) == (f"{f}[1]", "empty")


# -- HTML --------------------------------------------------------------------------------------


@pytest.mark.parametrize("charset", ["utf-8", "windows-1256"])
def test_html_main_text_and_metadata(tmp_path: Path, charset: str) -> None:
    f = tmp_path / "visit.html"
    f.write_bytes(page(charset).encode(charset))
    (art,), rejects = run([str(f)])
    assert not rejects
    assert BODY_SENTENCE in art.text
    assert "وقف إطلاق النار" in art.text
    for chrome in ("الرئيسية", "اتصل بنا", "جميع الحقوق محفوظة", "<p>"):
        assert chrome not in art.text
    assert art.source.url == "https://nile.example/ar/politics/2025/02/03/visit"
    assert art.source.outlet == "وكالة أنباء النيل"
    assert art.source.published == "2025-02-03"
    assert art.source.encoding == charset


def test_short_html_page_loses_its_menu(tmp_path: Path) -> None:
    f = tmp_path / "short.html"
    f.write_text(
        "<html><body><nav><ul><li><a href='/'>الرئيسية</a></li><li><a href='/a'>سياسة</a></li></ul>"
        "</nav><article><p>قصف مدفعي على بلدة حدودية صباح اليوم، وأفاد شهود بسقوط قتيلين.</p>"
        "</article><footer>حقوق النشر</footer></body></html>",
        encoding="utf-8",
    )
    (art,), _ = run([str(f)])
    assert art.text == "قصف مدفعي على بلدة حدودية صباح اليوم، وأفاد شهود بسقوط قتيلين."


def test_html_without_main_text_is_empty(tmp_path: Path) -> None:
    f = tmp_path / "nav.htm"
    f.write_text(
        "<html><head><title>خبر</title></head><body><script>var x = 1;</script></body></html>",
        encoding="utf-8",
    )
    _, (rej,) = run([str(f)])
    assert rej.reason == "empty"


# -- WARC --------------------------------------------------------------------------------------


def write_warc(path: Path, gz: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gz)

        def response(uri: str, body: bytes, content_type: str, status: str = "200 OK") -> None:
            headers = StatusAndHeaders(
                status, [("Content-Type", content_type)], protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(
                    uri, "response", payload=io.BytesIO(body), http_headers=headers
                )
            )

        writer.write_record(
            writer.create_warc_record("", "warcinfo", payload=io.BytesIO(b"software: test"))
        )
        response("https://nile.example/a", page("utf-8").encode(), "text/html; charset=utf-8")
        response("https://nile.example/logo.png", b"\x89PNG\r\n\x1a\n", "image/png")
        response("https://nile.example/old", b"", "text/html", "301 Moved Permanently")
        response(
            "https://nile.example/b",
            page("windows-1256").encode("cp1256"),
            "text/html; charset=windows-1256",
        )
        response("https://nile.example/empty", b"<html><body></body></html>", "text/html")


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_html_responses_become_articles(tmp_path: Path, name: str) -> None:
    f = tmp_path / name
    write_warc(f, gz=name.endswith(".gz"))
    arts, rejects = run([str(f)])
    assert [a.source.url for a in arts] == ["https://nile.example/a", "https://nile.example/b"]
    assert all(BODY_SENTENCE in a.text for a in arts)
    assert [a.source.encoding for a in arts] == ["utf-8", "windows-1256"]
    assert all(a.source.path == str(f) and a.source.published == "2025-02-03" for a in arts)
    assert [(r.source, r.reason) for r in rejects] == [(f"{f}!https://nile.example/empty", "empty")]


def test_broken_warc_is_unreadable(tmp_path: Path) -> None:
    f = tmp_path / "broken.warc"
    f.write_bytes(b"this is not a warc file\r\n\r\n" * 3)
    _, (rej,) = run([str(f)])
    assert rej.reason == "unreadable"


# -- archives ----------------------------------------------------------------------------------


def test_zip_of_everything(tmp_path: Path) -> None:
    warc = tmp_path / "c.warc.gz"
    write_warc(warc, gz=True)
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as z:
        z.writestr("deep.txt", "خبر في أرشيف داخل أرشيف")
    f = tmp_path / "bundle.zip"
    with zipfile.ZipFile(f, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("news/b.jsonl", jsonl({"id": "z1", "text": "خبر من ملف سطري"}, "{oops"))
        z.writestr("news/a.txt", REPORT.encode("cp1256"))
        z.writestr("c.warc.gz", warc.read_bytes())
        z.writestr("d.html", page())
        z.writestr("inner.zip", inner.getvalue())
        z.writestr("__MACOSX/._a.txt", b"\x00\x05\x16\x07")
        z.writestr("news/.DS_Store", b"\x00\x00\x00\x01Bud1")
        z.writestr("e.bin", b"\x00" * 64)
    arts, rejects = run([str(f)])
    assert [a.source.path for a in arts] == [
        f"{f}!c.warc.gz",
        f"{f}!c.warc.gz",
        f"{f}!d.html",
        f"{f}!inner.zip!deep.txt",
        f"{f}!news/a.txt",
        f"{f}!news/b.jsonl:1",
    ]
    assert arts[4].text == REPORT and arts[4].source.encoding == "windows-1256"
    assert arts[5].id == "z1"
    assert [(r.source, r.reason) for r in rejects] == [
        (f"{f}!c.warc.gz!https://nile.example/empty", "empty"),
        (f"{f}!e.bin", "binary"),
        (f"{f}!news/b.jsonl:2", "bad_json"),
    ]


def test_zip_member_over_the_limit_is_not_extracted(tmp_path: Path) -> None:
    f = tmp_path / "a.zip"
    with zipfile.ZipFile(f, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("big.txt", "خبر " * 5000)
        z.writestr("small.txt", "خبر قصير")
    arts, (rej,) = run([str(f)], max_bytes=1000)
    assert [a.text for a in arts] == ["خبر قصير"]
    assert (rej.source, rej.reason) == (f"{f}!big.txt", "too_large")


def test_corrupt_zip_is_unreadable(tmp_path: Path) -> None:
    f = tmp_path / "bad.zip"
    f.write_bytes(b"PK\x03\x04 truncated")
    _, (rej,) = run([str(f)])
    assert (rej.source, rej.reason) == (str(f), "unreadable")


def test_gzip_files_are_read_by_their_inner_name(tmp_path: Path) -> None:
    f = tmp_path / "feed.jsonl.gz"
    f.write_bytes(gzip.compress(jsonl({"text": REPORT}, {"text": "خبر آخر"})))
    t = tmp_path / "b.txt.gz"
    t.write_bytes(gzip.compress(REPORT.encode("iso-8859-6")))
    arts, rejects = run([str(f), str(t)])
    assert not rejects
    assert [a.text for a in arts] == [REPORT, "خبر آخر", REPORT]
    assert arts[2].source.encoding == "iso-8859-6"


# -- stdin -------------------------------------------------------------------------------------


def fake_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_stdin(monkeypatch, jsonl({"id": "s1", "text": REPORT}, "", '{"id": "s2", "text": '))
    (art,), (rej,) = run(["-"])
    assert (art.id, art.text, art.source.path) == ("s1", REPORT, "<stdin>:1")
    assert (rej.source, rej.reason) == ("<stdin>:3", "bad_json")


def test_stdin_plain_text_in_windows_1256(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_stdin(monkeypatch, REPORT.encode("cp1256"))
    (art,), rejects = run(["-"])
    assert not rejects
    assert (art.text, art.source.path, art.source.encoding) == (REPORT, "<stdin>", "windows-1256")


def test_stdin_text_that_only_starts_like_json(monkeypatch: pytest.MonkeyPatch) -> None:
    text = '{"عاجل"}\nانفجار في ميناء بيروت.\n'
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))  # a text-only stream (no .buffer)
    (art,), _ = run(["-"])
    assert art.text == text


def test_empty_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_stdin(monkeypatch, b"")
    _, (rej,) = run(["-"])
    assert (rej.source, rej.reason) == ("<stdin>", "empty")


class _Pipe(io.RawIOBase):
    """A non-seekable stream, like a pipe or ``<(process substitution)``."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, b: bytearray) -> int:  # type: ignore[override]
        chunk = self._data.read(min(len(b), 700))  # short reads, as pipes give
        b[: len(chunk)] = chunk
        return len(chunk)


def test_non_seekable_streams_are_read_whole() -> None:
    from marsad.ingest.dispatch import dispatch

    long_text = REPORT * 5  # well past the 1 KB sniffed before choosing a reader
    (art,) = dispatch("/dev/fd/63", _Pipe(long_text.encode("cp1256")), Settings(), 0, None)  # type: ignore[arg-type]
    assert isinstance(art, Article) and art.text == long_text
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("a.txt", REPORT)
    (art,) = dispatch("/dev/fd/62", _Pipe(archive.getvalue()), Settings(), 0, None)  # type: ignore[arg-type]
    assert isinstance(art, Article) and art.text == REPORT
    assert art.source.path == "/dev/fd/62!a.txt"


def test_folders_skip_documentation_files(tmp_path) -> None:
    from marsad.ingest import read_inputs
    from marsad.settings import Settings

    (tmp_path / "README.md").write_text("# أمثلة", encoding="utf-8")
    (tmp_path / "LICENSE").write_text("Apache", encoding="utf-8")
    (tmp_path / "a.txt").write_text("وصل الوزير إلى عمّان.", encoding="utf-8")
    items = list(read_inputs([str(tmp_path)], Settings()))
    assert [type(i).__name__ for i in items] == ["Article"]
    assert items[0].source.path.endswith("a.txt")
