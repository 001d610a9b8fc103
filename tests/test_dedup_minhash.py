"""Exact and near duplicates: hashes, MinHash/LSH, first-copy pointers, stories."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from marsad.store.dedup import (
    DedupIndex,
    content_hash,
    find_duplicates,
    shingles,
    signature,
    similarity,
)
from marsad.store.stories import Report, group

BASE = (
    "أعلنت وزارة الخارجية الإيرانية أن الوزير حسين أمير عبد اللهيان سيزور مسقط يوم الأحد المقبل "
    "لإجراء محادثات مع نظيره العماني بدر البوسعيدي حول التطورات الإقليمية والعلاقات الثنائية "
    "وسبل تعزيز التعاون الاقتصادي بين البلدين في مجالات الطاقة والنقل والتجارة والاستثمار، "
    "وأضاف المتحدث باسم الوزارة أن الزيارة تأتي في إطار المشاورات المنتظمة بين طهران ومسقط."
)


def test_content_hash_ignores_white_space_only() -> None:
    assert content_hash("أ  ب\nج ") == content_hash("أ ب ج")
    assert content_hash("أ ب ج") != content_hash("ا ب ج")


@pytest.mark.parametrize(
    ("variant", "near"),
    [
        (BASE.replace("أ", "ا").replace("إ", "ا"), True),  # hamza dropped
        ("طهران (إرنا) - " + BASE + " انتهى. تابعونا على تويتر", True),  # another dateline, trailer
        (BASE.replace("ي", "ی"), True),  # Persian yeh
        (BASE[: len(BASE) // 2], False),  # half of it is another (shorter) report
        ("ارتفعت أسعار النفط في الأسواق العالمية اليوم بعد قرار أوبك خفض الإنتاج مجددا.", False),
    ],
)
def test_near_duplicates(variant: str, near: bool) -> None:
    index = DedupIndex()
    index.add("first", content_hash(BASE), signature(BASE), None)
    dup = index.classify("second", content_hash(variant), signature(variant))
    assert (dup is not None) == near
    if dup:
        assert dup.of == "first" and dup.kind == "near" and dup.score >= index.threshold


def test_boilerplate_spans_are_left_out_of_shingles() -> None:
    trailer = " تابعونا على تويتر وفيسبوك وانستغرام وتلغرام ويوتيوب"
    text = BASE + trailer
    assert shingles(text, [(len(BASE), len(text))]) and set(shingles(text, [(len(BASE), len(text))])) == set(
        shingles(BASE)
    )


def test_signatures_are_stable_bytes() -> None:
    a, b = signature(BASE), signature(BASE)
    assert a == b and len(a) == 512 and similarity(a, b) == 1.0


def test_duplicate_of_is_the_first_copy_never_a_copy() -> None:
    v1 = BASE
    v2 = BASE + " وأكد الجانبان أهمية الحوار."
    v3 = v2 + " وأشار إلى ضرورة احترام السيادة."
    items = [(i, content_hash(t), signature(t)) for i, t in [("a", v1), ("b", v2), ("c", v3), ("d", v1)]]
    found = find_duplicates(items)
    assert found["b"].of == "a" and found["c"].of == "a"
    assert found["d"].of == "a" and found["d"].kind == "exact"
    assert "a" not in found


def test_stories_merge_reports_within_a_day_and_keep_others_apart() -> None:
    def r(doc: int, plover: str, date: str | None, src: str | None, tgt: str | None, **kw: object) -> Report:
        return Report(doc, "e", plover, date, src, tgt, kw.pop("loc", None), **kw)  # type: ignore[arg-type]

    reports = [
        r(1, "ACCUSE", "2024-02-12", "KWT", "ISR", loc="rafah"),
        r(2, "ACCUSE", "2024-02-13", "KWT", "ISR"),  # place unknown, next day: same story
        r(3, "ACCUSE", "2024-02-15", "KWT", "ISR"),  # three days later: another story
        r(4, "ACCUSE", "2024-02-12", "KWT", "ISR", loc="gaza"),  # another place
        r(5, "MEET", "2024-02-12", "OMN", "IRN", symmetric=True),
        r(6, "MEET", "2024-02-12", "IRN", "OMN", symmetric=True),  # same meeting, other order
        r(7, "ACCUSE", "2024-02-12", "KWT", "ISR", negated=True),  # did not happen
        r(8, "ACCUSE", None, "KWT", "ISR"),  # no date: alone
    ]
    stories = group(reports)
    docs = sorted(sorted(d for d, _ in s.reports) for s, _ in stories)
    assert docs == [[1, 2], [3], [4], [5, 6], [8]]
    first = next(s for s, _ in stories if (1, "e") in s.reports)
    assert first.location_key == "rafah" and first.date_first == "2024-02-12" and first.date_last == "2024-02-13"


@pytest.mark.corpus
def test_saudinewsnet_day_exact_duplicates_match_a_naive_count(data_dir: Path) -> None:
    zips = sorted((data_dir / "saudinewsnet" / "dataset").glob("*.zip"))
    assert zips
    with zipfile.ZipFile(zips[0]) as zf:
        name = zf.namelist()[0]
        articles = json.load(io.TextIOWrapper(zf.open(name), encoding="utf-8"))
    texts = [a["content"] for a in articles if a.get("content", "").strip()]
    naive = len(texts) - len({" ".join(t.split()) for t in texts})
    index = DedupIndex()
    exact = 0
    for i, t in enumerate(texts):
        dup = index.observe(str(i), content_hash(t), signature(t))
        exact += bool(dup and dup.kind == "exact")
    assert exact == naive
