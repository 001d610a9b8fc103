"""Corpora for the API and browser tests, built only through the store's library API.

* the gold analyses of the bundled examples (``tests/gold``), stored as documents: known
  entities, events and quotes to check filters and counts against;
* a few short Arabic texts run through the real pipeline (``marsad.analyze.analyze_text``);
* one document with emoji and a flag before its entities, so that offsets in code points and
  JavaScript's UTF-16 indices differ (the dashboard must convert).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from marsad.document import Document, Entity, Event, Mention, Quote, Sentence, Source, Trigger
from marsad.evaluate.gold import load_gold
from marsad.evaluate.perfect import OracleStep, perfect_document
from marsad.pipeline import Pipeline
from marsad.settings import Settings
from marsad.store.records import prepare
from marsad.store.repository import Repository

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"
EXAMPLES = ROOT / "examples"

OUTLETS = {
    "afp": "AFP Arabic",
    "alalam": "Al-Alam",
    "aljazeera": "Al Jazeera",
    "irna": "IRNA Arabic",
    "kuna": "KUNA",
    "mena": "MENA",
    "petra": "Petra",
    "sana": "SANA",
    "spa": "SPA",
    "tap": "TAP",
    "wafa": "WAFA",
}

REAL_TEXTS = (
    "القاهرة، 3 آذار 2024 - استقبل وزير الخارجية المصري سامح شكري اليوم في القاهرة نظيره الأردني "
    "أيمن الصفدي، وبحث الجانبان تطورات الأوضاع في قطاع غزة.",
    "عمّان، 5 آذار 2024 - أدانت وزارة الخارجية الأردنية بشدة اقتحام مستوطنين المسجد الأقصى، "
    "وطالبت المجتمع الدولي بالتحرك الفوري.",
)

EMOJI_ID = "emoji-offsets-test"
EMOJI_TEXT = (
    "🇱🇧📰 بيروت 🙏 - قال رئيس الحكومة اللبنانية نجيب ميقاتي 😀 إن إسرائيل قصفت بلدة الناقورة.\n"
    'وأضاف ميقاتي: "لن نقبل بالعدوان على لبنان 💔".'
)


def gold_documents() -> list[Document]:
    """The gold analysis of every example, with outlet and publication date set."""
    docs = []
    for path in sorted(GOLD.glob("*.gold.json")):
        gold = load_gold(path)
        doc = perfect_document(gold)
        prefix = gold.id.split("-", 1)[0]
        doc.source = Source(
            path=f"examples/{gold.id}.txt",
            outlet=OUTLETS.get(prefix, prefix),
            published=gold.expect_published,
        )
        doc.check_offsets()
        docs.append(doc)
    return docs


def _at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def emoji_document() -> Document:
    """A hand-made analysis whose spans all come after astral characters (emoji, a flag)."""
    t = EMOJI_TEXT
    first_line = t.index("\n")
    doc = Document(
        id=EMOJI_ID,
        text=t,
        source=Source(outlet="Test Wire", published="2024-03-20"),
        language="ar",
    )
    doc.sentences = [Sentence(0, first_line), Sentence(first_line + 1, len(t))]
    m1 = _at(t, "نجيب ميقاتي")
    m2 = _at(t, "ميقاتي", 1)
    isr = _at(t, "إسرائيل")
    naq = _at(t, "الناقورة")
    leb = _at(t, "لبنان 💔")
    leb = (leb[0], leb[0] + len("لبنان"))
    doc.entities = [
        Entity(
            "mikati",
            "PER",
            "نجيب ميقاتي",
            (Mention(*m1, t[m1[0] : m1[1]]), Mention(*m2, t[m2[0] : m2[1]])),
            "LBN",
            "LBNGOV",
        ),
        Entity(
            "israel",
            "GPE",
            "إسرائيل",
            (Mention(*isr, t[isr[0] : isr[1]]),),
            "ISR",
            "ISR",
            "state:ISR",
        ),
        Entity("naqoura", "LOC", "الناقورة", (Mention(*naq, t[naq[0] : naq[1]]),), "LBN"),
        Entity(
            "lebanon",
            "GPE",
            "لبنان",
            (Mention(*leb, t[leb[0] : leb[1]]),),
            "LBN",
            "LBN",
            "state:LBN",
        ),
    ]
    trig = _at(t, "قصفت")
    accuse = _at(t, "قال")
    doc.events = [
        Event(
            "strike",
            "ASSAULT",
            Trigger(*trig, "قصفت"),
            0,
            cameo="195",
            source="israel",
            target="naqoura",
            source_actor="ISR",
            location="naqoura",
            date="2024-03-20",
        ),
        Event(
            "statement",
            "ACCUSE",
            Trigger(*accuse, "قال"),
            0,
            cameo="112",
            source="mikati",
            target="israel",
            source_actor="LBNGOV",
            target_actor="ISR",
            date="2024-03-20",
        ),
    ]
    q = _at(t, "لن نقبل بالعدوان على لبنان 💔")
    doc.quotes = [Quote(*q, t[q[0] : q[1]], "mikati", True)]
    doc.check_offsets()
    return doc


def real_documents() -> list[Document]:
    from marsad.analyze import analyze_text

    return [
        analyze_text(t, published="2024-03-0" + str(3 + 2 * i)) for i, t in enumerate(REAL_TEXTS)
    ]


def store(path: Path, docs: Sequence[Document]) -> None:
    with Repository(path) as repo:
        key = repo.ensure_pipeline([{"name": "tests", "version": "1"}])
        repo.write_batch([prepare(d) for d in docs], [], pipeline=key)
        repo.rebuild_stories()


def build_corpus(path: Path) -> list[Document]:
    """Store gold, real-pipeline and emoji documents in a new database; returns them."""
    docs = gold_documents() + [emoji_document()] + real_documents()
    store(path, docs)
    return docs


def oracle_pipeline(settings: Settings) -> Pipeline:
    """The real pipeline followed by the gold "oracle" for the bundled examples, so that an
    ingest of ``examples/`` stores known entities, events and quotes whatever the models say."""
    from marsad.analyze import default_steps

    golds = [load_gold(p) for p in sorted(GOLD.glob("*.gold.json"))]
    return Pipeline(
        [*default_steps(settings), OracleStep(golds)], error_policy=settings.error_policy
    )
