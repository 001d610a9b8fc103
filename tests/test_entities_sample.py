"""The shared IRNA sample: what a correct entity layer says about it, offsets checked."""

from __future__ import annotations

import time

import pytest

from marsad.document import Document, Entity, Source
from marsad.entities.step import EntityStep
from marsad.segment import SegmentStep


@pytest.fixture(scope="module")
def doc(sample_text: str) -> Document:
    d = Document(id="sample", text=sample_text, source=Source(published="2024-01-10"))
    SegmentStep()(d)
    EntityStep(use_recognizer=False)(d)
    d.check_offsets()
    return d


def find(doc: Document, kb_id: str) -> Entity:
    (e,) = [e for e in doc.entities if e.kb_id == kb_id]
    return e


def spans(e: Entity, kind: str) -> list[tuple[int, int, str]]:
    return [(m.start, m.end, m.text) for m in e.mentions if m.kind == kind]


def test_ahmadian(doc: Document) -> None:
    e = find(doc, "person:ahmadian")
    assert (e.type, e.canonical, e.country, e.actor) == ("PER", "علي أكبر أحمديان", "IRN", "IRNGOV")
    assert spans(e, "name") == [(76, 92, "علي اكبر احمديان"), (448, 464, "علي أكبر أحمديان"), (1342, 1349, "أحمديان")]
    roles = spans(e, "role")
    assert (6, 32, "ممثل قائد الثورة الاسلامية") in roles
    assert (34, 74, "أمين المجلس الأعلى للأمن القومي الايراني") in roles
    assert (2012, 2052, "أمين المجلس الأعلى للأمن القومي الإيراني") in roles


def test_patrushev_and_his_counterpart_role(doc: Document) -> None:
    e = find(doc, "person:patrushev")
    assert (e.country, e.actor) == ("RUS", "RUSGOV")
    assert [s for s, _, _ in spans(e, "name")] == [127, 851, 1431]
    assert spans(e, "role") == [
        (96, 125, "أمين مجلس الأمن القومي الروسي"),
        (1401, 1430, "أمين مجلس الأمن القومي الروسي"),
        (1498, 1510, "نظيره الروسي"),
    ]


def test_khamenei_is_the_leader_in_the_nested_title(doc: Document) -> None:
    e = find(doc, "person:khamenei")
    assert spans(e, "role") == [(11, 32, "قائد الثورة الاسلامية")]


def test_states_and_places(doc: Document) -> None:
    iran, russia, moscow = find(doc, "state:IRN"), find(doc, "state:RUS"), find(doc, "place:moscow")
    assert spans(iran, "name") == [(601, 606, "إيران"), (933, 938, "ایران"), (1196, 1201, "إيران"), (1716, 1721, "إيران")]
    assert [s for s, _, _ in spans(russia, "name")] == [608, 691, 1203, 1723]  # "وروسيا" → "روسيا"
    assert len(moscow.mentions) == 6 and moscow.country == "RUS" and moscow.type == "GPE"
    gaza = find(doc, "place:gaza-strip")
    assert gaza.type == "LOC" and gaza.country == "PSE" and len(gaza.mentions) == 7


def test_zionist_entity_is_israel(doc: Document) -> None:
    e = find(doc, "state:ISR")
    assert (e.canonical, e.actor, e.type) == ("إسرائيل", "ISR", "GPE")
    assert spans(e, "name") == [(413, 428, "الکیان الصهيوني"), (770, 785, "الکیان الصهیوني"), (1931, 1946, "الكيان الصهيوني")]


def test_councils_are_organisations(doc: Document) -> None:
    snsc = find(doc, "org:snsc")
    assert [s for s, _, _ in spans(snsc, "name")] == [39, 2017] and snsc.actor == "IRNGOV"
    rsc = find(doc, "org:rus-security-council")
    assert [s for s, _, _ in spans(rsc, "name")] == [101, 1406] and rsc.actor == "RUSGOV"


def test_no_mention_in_boilerplate_or_common_words(doc: Document) -> None:
    for e in doc.entities:
        for m in e.mentions:
            assert m.start < 2161, m  # the trailer "انتهی**3280" and "تعليقك"
            assert m.text not in {"الثورة", "وأن", "الرئيس"}, m


def test_speed(sample_text: str) -> None:
    step = EntityStep(use_recognizer=False)
    d = Document(id="s", text=sample_text)
    SegmentStep()(d)
    step(d)
    t0 = time.perf_counter()
    for _ in range(10):
        d.entities = []
        step(d)
    assert (time.perf_counter() - t0) / 10 < 0.05  # well under 50 ms per article
