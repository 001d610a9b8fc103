"""Language ID: Arabic, Persian, Urdu, English, other — per line and per document."""

from __future__ import annotations

import json
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from marsad.document import Document
from marsad.lang import LanguageStep, identify, identify_document

LANGID = Path(__file__).parent / "data" / "langid.tsv"


def _labelled() -> list[tuple[str, str]]:
    rows = []
    for line in LANGID.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            lang, text = line.split("\t", 1)
            rows.append((lang, text))
    return rows


def test_langid_set_is_big_enough() -> None:
    counts = Counter(lang for lang, _ in _labelled())
    assert sum(counts.values()) >= 100
    assert min(counts["ar"], counts["fa"], counts["ur"]) >= 30 and counts["en"] >= 10


def test_accuracy_on_lines_of_five_words_or_more() -> None:
    rows = [(g, t) for g, t in _labelled() if len(t.split()) >= 5]
    wrong = [(g, identify(t), t) for g, t in rows if identify(t) != g]
    assert 1 - len(wrong) / len(rows) >= 0.99, wrong
    for lang in ("ar", "fa", "ur", "en"):
        sub = [(g, t) for g, t in rows if g == lang]
        assert sum(identify(t) == g for g, t in sub) / len(sub) >= 0.97, lang


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("انتهی**3280", "ar"),  # alone: no evidence for Persian, the script says Arabic
        ("الکیان الصهیوني", "ar"),
        ("وأكد دعم ایران لایران", "ar"),
        ("پلیس تهران از دستگیری سه نفر خبر داد", "fa"),
        ("می‌گوید که این کار را نمی‌کند", "fa"),
        ("وہ کل لاہور جائیں گے", "ur"),
        ("The minister said on Tuesday that talks will resume.", "en"),
        ("Der Minister sagte am Dienstag, dass die Gespräche weitergehen.", "other"),
        ("Министр заявил во вторник", "other"),
    ],
)
def test_hard_cases(text: str, lang: str) -> None:
    assert identify(text) == lang


def test_sample_article_is_arabic_line_by_line(sample_text: str) -> None:
    doc = LanguageStep()(Document(id="s", text=sample_text))
    assert doc.language == "ar"
    assert {s.language for s in doc.language_spans} == {"ar"}
    lines = [ln for ln in sample_text.split("\n") if ln.strip()]
    assert len(doc.language_spans) == len(lines)
    assert any(sample_text[s.start : s.end] == "انتهی**3280" for s in doc.language_spans)
    doc.check_offsets()


PERSIAN_ARTICLE = """تهران- ایرنا- وزیر امور خارجه ایران روز سه‌شنبه با همتای روسی خود در مسکو دیدار کرد.
در این دیدار دو طرف درباره روابط دوجانبه و مسائل منطقه‌ای گفتگو کردند.
وی افزود که همکاری‌های اقتصادی میان دو کشور باید تقویت شود.
انتهای پیام"""

URDU_ARTICLE = """اسلام آباد: وزیر اعظم نے آج کابینہ کے اجلاس کی صدارت کی۔
اجلاس میں ملک کی معاشی صورتحال پر تفصیلی غور کیا گیا۔
انہوں نے کہا کہ حکومت عوام کو ریلیف دینے کے لیے اقدامات کر رہی ہے۔"""


def test_persian_and_urdu_articles() -> None:
    lang, spans = identify_document(PERSIAN_ARTICLE)
    assert lang == "fa" and {s.language for s in spans} == {"fa"}
    lang, spans = identify_document(URDU_ARTICLE)
    assert lang == "ur" and {s.language for s in spans} == {"ur"}


def test_mixed_document_keeps_line_languages() -> None:
    text = "قال الوزير إن المحادثات ستستأنف في العاصمة الأسبوع المقبل.\nThe talks will resume in the capital next week, the minister said.\n***"
    lang, spans = identify_document(text)
    assert lang == "ar"
    assert [s.language for s in spans] == ["ar", "en"]  # the line of stars has no letter


def test_empty_document() -> None:
    assert identify_document("") == (None, [])
    assert identify_document(" \n ** 12 **\n") == (None, [])


@pytest.mark.corpus
def test_saudinewsnet_lines_are_arabic(data_dir: Path) -> None:
    """Arabic lines from a real corpus (some with leaked Persian letters) stay Arabic."""
    zips = sorted((data_dir / "saudinewsnet" / "dataset").glob("*.zip"))
    if not zips:
        pytest.skip("saudinewsnet is absent")
    lines: list[str] = []
    leaky: list[str] = []
    for z in zips[:3]:
        with zipfile.ZipFile(z) as f:
            for name in f.namelist():
                for art in json.loads(f.read(name)):
                    for ln in art["content"].split("\n"):
                        ln = ln.strip()
                        arabic = sum("\u0600" <= c <= "\u06ff" for c in ln)
                        latin = sum(c.isascii() and c.isalpha() for c in ln)
                        if len(ln.split()) >= 5 and arabic >= 0.9 * (arabic + latin):
                            (leaky if any(c in ln for c in "پچژگکی") else lines).append(ln)
    sample = lines[::20] + leaky
    assert len(sample) >= 1000
    wrong = [t for t in sample if identify(t) != "ar"]
    assert len(wrong) / len(sample) <= 0.005, wrong[:10]
