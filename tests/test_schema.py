"""The ``marsad.document/1`` JSON Schema matches what Document.to_dict() writes, and bites."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from marsad.document import (
    Boilerplate,
    Dateline,
    Document,
    Entity,
    Event,
    LanguageSpan,
    Mention,
    Quote,
    Sentence,
    Source,
    Token,
    Trigger,
)
from marsad.schema import DocumentSchemaError, document_schema, schema_errors, validate_document

TEXT = (
    "عمّان - 5 أيار (بترا) - التقى رئيس الوزراء الأردني اليوم الأحد وفدا من البرلمان الأوروبي، "
    'وقال: "نرفض أي تهجير للفلسطينيين".\n(بترا) ع ن'
)


def span(text: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(text, start + 1)
    return start, start + len(text)


def full_document() -> Document:
    """A document with every layer filled, offsets computed from the text (never typed in)."""
    pm_s, pm_e = span("رئيس الوزراء الأردني")
    ep_s, ep_e = span("البرلمان الأوروبي")
    tr_s, tr_e = span("التقى")
    q_s, q_e = span("نرفض أي تهجير للفلسطينيين")
    cue = span("وقال:")
    dl = span("عمّان - 5 أيار (بترا) - ")
    sig = span("(بترا) ع ن")
    first = TEXT.index("\n")
    toks = [
        Token(s, s + len(w), w, ((s, s + 1), (s + 1, s + len(w))) if w.startswith("و") else ())
        for s, w in ((TEXT.index("وفدا"), "وفدا"), (TEXT.index("اليوم"), "اليوم"))
    ]
    return Document(
        id="petra-2025-05-04-01",
        text=TEXT,
        source=Source(
            path="petra.txt",
            url="https://petra.example/1",
            outlet="بترا",
            published="2025-05-04",
            encoding="utf-8",
        ),
        language="ar",
        language_spans=[LanguageSpan(0, len(TEXT), "ar")],
        boilerplate=[Boilerplate(*sig, "signoff")],
        dateline=Dateline(*dl, location="عمّان", agency="بترا", date=None),
        sentences=[Sentence(0, first), Sentence(first + 1, len(TEXT))],
        tokens=toks,
        entities=[
            Entity(
                "E1",
                "PER",
                "رئيس الوزراء الأردني",
                (Mention(pm_s, pm_e, TEXT[pm_s:pm_e], "role"),),
                country="JOR",
                actor="JORGOV",
                kb_id=None,
                component="entities.rules.v1",
            ),
            Entity(
                "E2",
                "ORG",
                "البرلمان الأوروبي",
                (Mention(ep_s, ep_e, TEXT[ep_s:ep_e], "name"),),
                country=None,
                actor="IGOEUREEC",
            ),
        ],
        events=[
            Event(
                "V1",
                "CONSULT",
                Trigger(tr_s, tr_e, TEXT[tr_s:tr_e]),
                0,
                cameo="040",
                mode="visit",
                source="E1",
                target="E2",
                source_actor="JORGOV",
                target_actor="IGOEUREEC",
                location=None,
                date="2025-05-04",
                date_span=span("اليوم الأحد"),
                negated=False,
                modality="asserted",
                count=None,
                confidence=0.8,
                background=False,
                symmetric=True,
                coder="events.rules.v1",
            ),
        ],
        quotes=[Quote(q_s, q_e, TEXT[q_s:q_e], "E1", True, cue)],
        duplicate_of=None,
        pipeline=[{"name": "segment", "version": "1"}],
    )


def test_the_schema_is_valid_draft_2020_12() -> None:
    from jsonschema import Draft202012Validator

    schema = document_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_full_document_is_valid_and_round_trips() -> None:
    doc = full_document()
    doc.check_offsets()
    d = doc.to_dict()
    validate_document(d)
    validate_document(json.loads(json.dumps(d, ensure_ascii=False)))
    assert Document.from_dict(d).to_dict() == d


def test_empty_layers_are_valid() -> None:
    validate_document(Document(id="abc", text="خبر").to_dict())


def _object_keys(schema_node: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in schema_node:
        return defs[schema_node["$ref"].rsplit("/", 1)[1]]
    for alt in schema_node.get("anyOf", []):
        if "$ref" in alt:
            return defs[alt["$ref"].rsplit("/", 1)[1]]
    if schema_node.get("type") == "array" and "$ref" in schema_node.get("items", {}):
        return defs[schema_node["items"]["$ref"].rsplit("/", 1)[1]]
    return schema_node


def _check_same_keys(value: Any, node: dict[str, Any], defs: dict[str, Any], where: str) -> int:
    """Every object the document writes has exactly the keys the schema lists (and requires)."""
    checked = 0
    node = _object_keys(node, defs)
    if isinstance(value, dict):
        assert set(value) == set(node["properties"]), where
        assert set(node["required"]) == set(node["properties"]), where
        assert node["additionalProperties"] is False, where
        checked += 1
        for key, sub in value.items():
            checked += _check_same_keys(sub, node["properties"][key], defs, f"{where}.{key}")
    elif isinstance(value, list) and value and isinstance(value[0], dict):
        for item in value:
            checked += _check_same_keys(item, node, defs, f"{where}[]")
    return checked


def test_schema_lists_exactly_the_fields_to_dict_writes() -> None:
    schema = document_schema()
    checked = _check_same_keys(full_document().to_dict(), schema, schema["$defs"], "document")
    assert checked >= 12  # top, source, dateline, and at least one of each list item


def _set(d: dict[str, Any], path: str, value: Any) -> None:
    keys = [int(k) if k.isdigit() else k for k in path.split(".")]
    for k in keys[:-1]:
        d = d[k]
    if value is _DELETE:
        del d[keys[-1]]
    else:
        d[keys[-1]] = value


_DELETE = object()


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("schema", "marsad.document/2", "schema"),
        ("id", 17, "id"),
        ("text", None, "text"),
        ("source.published", "04/05/2025", "source.published"),
        ("source.title", "عنوان", "source"),
        ("unexpected", True, "unexpected"),
        ("tokens.0.start", "3", "tokens[0].start"),
        ("tokens.0.parts", [[1, 2, 3]], "tokens[0].parts[0]"),
        ("sentences.0.end", -1, "sentences[0].end"),
        ("boilerplate.0.kind", "advert", "boilerplate[0].kind"),
        ("entities.0.mentions.0.kind", "alias", "entities[0].mentions[0].kind"),
        ("entities.0.country", "Jordan", "entities[0].country"),
        ("entities.0.mentions.0.extra", 1, "entities[0].mentions[0]"),
        ("events.0.modality", "maybe", "events[0].modality"),
        ("events.0.negated", "no", "events[0].negated"),
        ("events.0.confidence", 1.5, "events[0].confidence"),
        ("events.0.date_span", [1], "events[0].date_span"),
        ("events.0.trigger", _DELETE, "events[0]"),
        ("quotes.0.direct", None, "quotes[0].direct"),
        ("dateline.date", "2025-5-4", "dateline"),
        ("pipeline.0.seconds", "0.1", "pipeline[0]"),
        ("duplicate_of", 3, "duplicate_of"),
        ("language_spans", {}, "language_spans"),
    ],
)
def test_invalid_documents_are_rejected(path: str, value: Any, message: str) -> None:
    d = copy.deepcopy(full_document().to_dict())
    _set(d, path, value)
    with pytest.raises(DocumentSchemaError) as info:
        validate_document(d)
    assert str(info.value).startswith("document")
    assert message in str(info.value)
    assert schema_errors(d)


def test_not_an_object() -> None:
    with pytest.raises(DocumentSchemaError):
        validate_document(["not", "a", "document"])


def test_schema_ships_inside_the_package() -> None:
    code = (
        "from importlib import resources; import json;"
        "print(json.loads(resources.files('marsad').joinpath('resources/schema/document-1.json')"
        ".read_text(encoding='utf-8'))['title'])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=Path("/")
    )
    assert out.stdout.strip() == "marsad.document/1"
