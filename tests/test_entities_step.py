"""EntityStep with a recognizer: union with the knowledge base, propagation, proclitics."""

from __future__ import annotations

import pytest

from entities_support import WordTagger
from marsad.document import Document, Source
from marsad.entities.step import EntityStep
from marsad.segment import SegmentStep


def run(text: str, spans: dict[tuple[str, ...], str]) -> Document:
    doc = Document(id="t", text=text, source=Source(published="2024-02-20"))
    SegmentStep()(doc)
    EntityStep(recognizer=WordTagger.from_spans(spans))(doc)
    doc.check_offsets()
    return doc


def test_recognizer_names_are_found_again_with_their_last_name() -> None:
    text = (
        "وقال الأمين العام المساعد للاتحاد سامي الطاهري إن الإضراب ناجح.\n"
        "وأضاف الطاهري أن المفاوضات مع وزير التربية التونسي ستستأنف.\n"
        "وكان سامي الطاهري قد دعا إلى الحوار."
    )
    doc = run(text, {("سامي", "الطاهري"): "PER"})
    (e,) = [e for e in doc.entities if e.canonical == "سامي الطاهري"]
    assert [m.text for m in e.mentions if m.kind == "name"] == ["سامي الطاهري", "الطاهري", "سامي الطاهري"]
    assert e.type == "PER"


def test_recognizer_spans_lose_proclitics_and_yield_to_the_knowledge_base() -> None:
    text = "وصل وفد من وكرمانشاه إلى الكيان الصهيوني ولقي جوليان ماير."
    doc = run(text, {("وكرمانشاه",): "LOC", ("الكيان", "الصهيوني", "ولقي"): "ORG", ("جوليان", "ماير"): "PER"})
    by_text = {m.text: e for e in doc.entities for m in e.mentions}
    assert "كرمانشاه" in by_text and by_text["كرمانشاه"].country == "IRN"
    assert by_text["الكيان الصهيوني"].kb_id == "state:ISR"  # the list's span, not the tagger's
    assert by_text["جوليان ماير"].type == "PER" and by_text["جوليان ماير"].kb_id is None


def test_recognizer_words_inside_a_title_are_not_names() -> None:
    text = "وناقش ممثل قائد الثورة الإسلامية الملف النووي."
    doc = run(text, {("الثورة", "الإسلامية"): "ORG"})
    assert not [m for e in doc.entities for m in e.mentions if m.text == "الثورة الإسلامية" and m.kind == "name"]


def test_missing_model_falls_back_to_knowledge_base(monkeypatch: pytest.MonkeyPatch) -> None:
    import marsad.entities.recognizer as rec

    def boom(*a: object, **k: object) -> None:
        raise rec.MarsadError("no model")

    monkeypatch.setattr(rec.Recognizer, "load", classmethod(lambda cls, path=None: boom()))
    step = EntityStep()
    doc = Document(id="t", text="زار بوتين طهران.")
    SegmentStep()(doc)
    step(doc)
    assert {e.kb_id for e in doc.entities} == {"person:putin", "place:tehran"}


def test_other_named_things_are_kept_as_misc() -> None:
    """Named events, products and the like (ANERcorp's MISC) are entities too, typed MISC,
    with the proclitic left outside the span."""
    text = "وشارك المنتخب في وكأس العالم التي أقيمت في قطر."
    doc = run(text, {("وكأس", "العالم"): "MISC"})
    (e,) = [e for e in doc.entities if e.type == "MISC"]
    assert [m.text for m in e.mentions] == ["كأس العالم"]
    assert e.country is None and e.actor is None


def test_the_cnn_stage_is_a_setting_and_off_by_default() -> None:
    """Settings.ner_neural switches the recognizer's CNN stage on (slower, a little more
    accurate); the default pipeline runs the two-stage CRF alone."""
    from marsad.analyze import default_steps
    from marsad.settings import Settings

    def recognizer_of(settings: Settings) -> object:
        (step,) = [s for s in default_steps(settings) if isinstance(s, EntityStep)]
        return step.recognizer

    assert recognizer_of(Settings()).name == "ner.crf"
    assert recognizer_of(Settings(ner_neural=True)).name == "ner.crf+cnn"


def test_a_people_noun_does_not_start_a_person_name() -> None:
    text = "وأعرب عن تقديره للتعاطف الذي أبداه الرئيس ومسؤولون روس رفيعو المستوى."
    doc = run(text, {("روس", "رفيعو"): "PER"})
    assert not [e for e in doc.entities if e.type == "PER" and "روس" in e.canonical]
