"""Arabic-aware search: folding, proclitics, ranking, snippets on original offsets."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.document import Article, Source
from marsad.engines.local import LocalEngine
from marsad.settings import Settings
from marsad.store.loader import ingest
from marsad.store.repository import Repository
from marsad.store.search import BadQuery, guess_stem, index_terms, parse_query, snippet

DOCS = {
    "hamza": "قال الرئيس أحمديان إن المحادثات كانت مثمرة.",
    "proclitic": "وجهت طهران دعوة لأحمديان لزيارة مسقط الأسبوع المقبل.",
    "waw": "وأحمديان هو أمين المجلس الأعلى للأمن القومي.",
    "maksura": "وصل الوفد إلى العاصمة مساء أمس.",
    "marbuta": "أصدرت الحكومة بيانا حول الأزمة الاقتصادية.",
    "diacritics": "وَقَّعَ الطَّرَفَانِ اتِّفَاقِيَّةً جَدِيدَةً لِلتَّعَاوُنِ.",
    "persian": "سفر رئیس جمهور به کشور عمان انجام شد.",
    "digits": "قتل ٢٣ شخصا في الهجوم على القرية.",
    "al": "توجه الوزير بالرياض إلى مقر الاجتماع.",
    "other": "ارتفعت أسعار النفط في الأسواق العالمية اليوم.",
}


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Repository:
    path = tmp_path_factory.mktemp("search") / "s.db"
    r = Repository(path)
    items = [Article(text=t, id=k, source=Source(published="2024-01-10")) for k, t in DOCS.items()]
    ingest([], r, LocalEngine(1), Settings(batch_size=4), items=items)
    yield r
    r.close()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("احمديان", {"hamza", "proclitic", "waw"}),  # the example
        ("أحمديان", {"hamza", "proclitic", "waw"}),
        ("لأحمديان", {"hamza", "proclitic", "waw"}),
        ("الى", {"maksura", "al"}),  # ى/ي and hamza: إلى
        ("الحكومه", {"marbuta"}),  # ة/ه
        ("اتفاقية جديدة", {"diacritics"}),  # the text is fully vowelled
        ("رئيس", {"persian"}),  # Persian yeh in the text
        ("كشور", {"persian"}),  # Persian keheh in the text
        ("23", {"digits"}),  # Arabic-Indic digits in the text
        ("الرياض", {"al"}),  # بالرياض: the segmenter splits ب
        ("النفط OR الحكومة", {"other", "marbuta"}),
        ('"أسعار النفط"', {"other"}),
        ('"النفط أسعار"', set()),  # a phrase is ordered
        ("احمديان -مسقط", {"hamza", "waw"}),
    ],
)
def test_queries(repo: Repository, query: str, expected: set[str]) -> None:
    assert {h.id for h in repo.search(query, limit=50)} == expected


def test_highlights_point_at_the_original_words(repo: Repository) -> None:
    for h in repo.search("احمديان"):
        text = DOCS[h.id]
        assert text[h.snippet.start : h.snippet.end] == h.snippet.text
        marked = [text[s:e] for s, e in h.snippet.highlights]
        assert marked and all("حمديان" in m for m in marked)


def test_vowelled_highlight_keeps_the_marks(repo: Repository) -> None:
    (hit,) = repo.search("اتفاقية")
    s, e = hit.snippet.highlights[0]
    assert DOCS["diacritics"][s:e] == "اتِّفَاقِيَّةً"


def test_ranking_prefers_more_occurrences(tmp_path: Path) -> None:
    with Repository(tmp_path / "r.db") as r:
        items = [
            Article(text="النفط " * 1 + "وكلمات أخرى كثيرة هنا وهناك في النص الطويل", id="once", source=Source()),
            Article(text="النفط والنفط ثم النفط مرة أخرى", id="thrice", source=Source()),
            Article(text="لا شيء هنا", id="none", source=Source()),
        ]
        ingest([], r, LocalEngine(1), Settings(), items=items)
        assert [h.id for h in r.search("النفط")] == ["thrice", "once"]
        assert r.search_count("النفط") == 2


def test_bad_queries() -> None:
    with pytest.raises(BadQuery):
        parse_query("  ... ؟ ")
    with pytest.raises(BadQuery):
        parse_query("-النفط")  # only an exclusion


def test_guess_stem() -> None:
    assert guess_stem("لاحمديان") == "احمديان"
    assert guess_stem("وباحمديان") == "احمديان"
    assert guess_stem("لبن") == "لبن"  # too short to strip
    assert guess_stem("iran") == "iran"


def test_index_columns_are_aligned() -> None:
    terms, alts = index_terms("قال لأحمديان: نعم، 3 مرات!")
    assert len(terms.split()) == len(alts.split()) == 5


arabic_text = st.text(
    alphabet=st.sampled_from(list("ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآةىی ًٌٍَُِّْ،.\n0١٢ـ")),
    min_size=1,
    max_size=120,
)


@settings(max_examples=150, deadline=None)
@given(text=arabic_text, word=st.sampled_from(["احمد", "سلام", "الوزير", "ب"]))
def test_snippet_offsets_always_quote_the_text(text: str, word: str) -> None:
    sn = snippet(text, frozenset({word}), width=6)
    assert 0 <= sn.start <= sn.end <= len(text)
    assert text[sn.start : sn.end] == sn.text
    for s, e in sn.highlights:
        assert sn.start <= s < e <= sn.end
