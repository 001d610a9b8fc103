"""Helpers for the corpus-store tests: a generator of short Arabic articles and a small,
deterministic analysis step that adds entities and events, so store, story and export tests do
not depend on how far the real entity and event steps have got."""

from __future__ import annotations

import json
import random
from pathlib import Path

from marsad.document import Document, Entity, Event, Mention, Trigger
from marsad.pipeline import Pipeline, Step
from marsad.segment import SegmentStep
from marsad.settings import Settings

# surface -> (entity id, type, canonical, country, actor)
NAMES = {
    "وزارة الخارجية الكويتية": ("kwt_mfa", "ORG", "وزارة الخارجية الكويتية", "KWT", "KWTGOV"),
    "إيران": ("iran", "GPE", "إيران", "IRN", "IRN"),
    "إسرائيل": ("israel", "GPE", "إسرائيل", "ISR", "ISR"),
    "سلطنة عمان": ("oman", "GPE", "سلطنة عمان", "OMN", "OMN"),
    "رفح": ("rafah", "GPE", "رفح", "PSE", None),
    "مسقط": ("muscat", "GPE", "مسقط", "OMN", None),
}
PLACES = {"rafah", "muscat"}
# trigger -> (PLOVER, CAMEO, symmetric)
TRIGGERS = {"أدانت": ("ACCUSE", "111", False), "التقى": ("MEET", "040", True)}

FILLER = [
    "وأكدت المصادر أن الاجتماع تناول العلاقات الثنائية بين البلدين.",
    "وأشار البيان إلى ضرورة احترام القانون الدولي الإنساني.",
    "وذكرت وكالة الأنباء أن المحادثات جرت في أجواء ودية.",
    "ودعا الجانبان إلى تعزيز التعاون في مجالات الطاقة والنقل.",
    "وقال مسؤول إن الوضع الإنساني يزداد سوءا يوما بعد يوم.",
    "وأضاف أن بلاده ستواصل جهودها من أجل السلام في المنطقة.",
    "ونقلت الصحيفة عن مصادر مطلعة قولها إن القرار سيصدر قريبا.",
    "وأعرب الوزير عن أمله في التوصل إلى اتفاق شامل ودائم.",
]
LEADS = [
    "أدانت وزارة الخارجية الكويتية القصف الذي شنته إسرائيل على رفح.",
    "التقى وزير خارجية إيران نظيره في سلطنة عمان في مسقط اليوم.",
    "أدانت إيران الغارات التي شنتها إسرائيل على رفح.",
    "التقى مبعوث سلطنة عمان مسؤولين من إيران في مسقط.",
]


def make_records(n: int, seed: int = 7) -> list[dict[str, object]]:
    """``n`` JSON records: mostly distinct articles, plus exact copies under new ids, near
    copies (hamza dropped, trailer changed), a repeated id and empty texts (rejected)."""
    rng = random.Random(seed)
    out: list[dict[str, object]] = []
    for i in range(n):
        day = f"2024-02-{10 + rng.randrange(3):02d}"
        kind = rng.random()
        if out and kind < 0.05:  # exact copy of an earlier article, another outlet
            src = rng.choice(out)
            rec = dict(src, id=f"art-{i:05d}", outlet="copy-news")
        elif out and kind < 0.10:  # near copy: hamza dropped, trailer changed
            src = rng.choice(out)
            text = str(src["text"]).replace("أ", "ا").replace("إ", "ا") + "\nتابعونا على المنصات."
            rec = dict(src, id=f"art-{i:05d}", text=text, outlet="near-news")
        elif kind < 0.11:
            rec = {"id": f"art-{i:05d}", "text": "   ", "published": day}
        else:
            body = [rng.choice(LEADS)] + rng.sample(FILLER, 4)
            body.append(f"رقم التقرير {i} بتاريخ {day}.")
            rec = {
                "id": f"art-{i:05d}",
                "text": "\n".join(body),
                "published": day,
                "outlet": rng.choice(["kuna", "irna", "wafa", "spa"]),
                "url": f"https://example.org/{i}",
            }
        out.append(rec)
    if n > 20:
        out.insert(n // 2, dict(out[3]))  # the same id twice: stored once
    return out


def write_jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def expected_ids(records: list[dict[str, object]]) -> set[str]:
    return {str(r["id"]) for r in records if str(r.get("text", "")).strip()}


class FakeEvents(Step):
    """Entities from :data:`NAMES`, events from :data:`TRIGGERS` (source before the trigger,
    target after it, a known place as location), dated by the article."""

    name = "fake_events"
    version = "1"

    def __call__(self, doc: Document) -> Document:
        found: dict[str, list[Mention]] = {}
        for surface, (eid, *_rest) in NAMES.items():
            start = doc.text.find(surface)
            while start >= 0:
                found.setdefault(eid, []).append(Mention(start, start + len(surface), surface))
                start = doc.text.find(surface, start + 1)
        by_id = {v[0]: v for v in NAMES.values()}
        doc.entities = [
            Entity(eid, by_id[eid][1], by_id[eid][2], tuple(ms), by_id[eid][3], by_id[eid][4], component="fake.v1")
            for eid, ms in sorted(found.items())
        ]
        events = []
        for trig, (plover, cameo, symmetric) in TRIGGERS.items():
            at = doc.text.find(trig)
            if at < 0:
                continue
            actors = sorted(
                ((m.start, eid) for eid, ms in found.items() for m in ms if eid not in PLACES),
            )
            before = [eid for s, eid in actors if s < at]
            after = [eid for s, eid in actors if s > at]
            place = next((eid for eid in sorted(found) if eid in PLACES), None)
            events.append(
                Event(
                    id=f"ev{len(events)}",
                    plover=plover,
                    cameo=cameo,
                    trigger=Trigger(at, at + len(trig), trig),
                    sentence=max(doc.sentence_index(at) or 0, 0),
                    source=before[-1] if before else (after[0] if after else None),
                    target=after[-1] if len(after) > 1 or before else None,
                    location=place,
                    date=doc.source.published,
                    symmetric=symmetric,
                    coder="fake.v1",
                )
            )
        doc.events = events
        return doc


def fake_pipeline(settings: Settings) -> Pipeline:
    return Pipeline([SegmentStep(), FakeEvents()], error_policy=settings.error_policy)
