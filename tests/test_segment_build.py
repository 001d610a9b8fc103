"""The clitic model's build script: Farasa → UD mapping, deterministic training, packaged data."""

from __future__ import annotations

import importlib.util
import json
import sys
from importlib import resources
from pathlib import Path

import pytest

from marsad.clitics import CliticModel, load_model

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def build():  # type: ignore[no-untyped-def]
    script = ROOT / "scripts" / "build_segment_lexicon.py"
    spec = importlib.util.spec_from_file_location("build_segment_lexicon", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("farasa", "tags", "surface", "parts"),
    [
        # ل + ال is written لل and split after the first ل
        ("ل+ال+محتوى", "PREP+DET+NOUN", "للمحتوى", "ل+لمحتوى"),
        # the article, feminine and plural suffixes and case endings stay
        ("و+ال+ست+ين", "CONJ+DET+ADJ+NSUFF", "والستين", "و+الستين"),
        ("ترشيح+ات+ها", "NOUN+NSUFF+PRON", "ترشيحاتها", "ترشيحات+ها"),
        ("كتاب+ا", "NOUN+CASE", "كتابا", "كتابا"),
        # verb subject endings stay, objects split
        ("أعلن+ت", "V+PRON", "أعلنت", "أعلنت"),
        ("قرر+نا", "V+PRON", "قررنا", "قررنا"),
        ("يمكن+نا", "V+PRON", "يمكننا", "يمكن+نا"),
        ("و+س+يمنح+نا", "CONJ+FUT_PART+V+PRON", "وسيمنحنا", "و+س+يمنح+نا"),
        ("ساور+ت+ني", "V+PRON+PRON", "ساورتني", "ساورت+ني"),
        ("و+ساعد+ت+هم", "CONJ+V+PRON+PRON", "وساعدتهم", "و+ساعدت+هم"),
    ],
)
def test_farasa_to_ud(  # type: ignore[no-untyped-def]
    build, tmp_path: Path, farasa: str, tags: str, surface: str, parts: str
) -> None:
    path = tmp_path / "wikinews.tsv"
    path.write_text(f"refTok(Farasa)\trefPOS(Farasa)\r\n{farasa}\t{tags}\r\n", encoding="utf-8")
    ((got, cuts),) = build.wikinews_ud(path)
    assert got == surface
    bounds = (0, *cuts, len(got))
    assert "+".join(got[a:b] for a, b in zip(bounds, bounds[1:], strict=False)) == parts


def test_training_is_deterministic(build) -> None:  # type: ignore[no-untyped-def]
    freq = {"قال": 900, "وقال": 400, "وزير": 800, "الوزير": 700, "زير": 3, "كتاب": 300, "كتابه": 40}
    items = [("وقال", (1,)), ("وزير", ()), ("كتابه", (4,)), ("قال", ()), ("الوزير", ())]
    first = build.train(items, freq, frozenset(), epochs=4, average_from=1)
    second = build.train(items, freq, frozenset(), epochs=4, average_from=1)
    assert first == second and first
    model = CliticModel(freq=freq, weights=first, keep=frozenset())
    assert model.segment("وقال") == (1,)
    assert model.segment("وزير") == ()


def test_packaged_keep_list_is_the_scripts(build) -> None:  # type: ignore[no-untyped-def]
    raw = resources.files("marsad").joinpath("resources", "segment", "model.json").read_text("utf-8")
    model = json.loads(raw)
    assert model["keep"] == build.KEEP, "rebuild with scripts/build_segment_lexicon.py"
    assert model["weights"], "an empty model would never split"


@pytest.mark.parametrize(
    ("key", "cuts"),
    [
        ("كما", ()),
        ("وكما", (1,)),
        ("وهم", (1,)),
        ("فهم", None),  # فهم "understanding" is a word too: the model decides
        ("عليها", (3,)),
        ("ولانه", (1, 2, 4)),
        ("بموجب", (1,)),
        ("وبسببه", (1, 2, 5)),
        ("وزير", None),
    ],
)
def test_grammar_rules(key: str, cuts: tuple[int, ...] | None) -> None:
    assert load_model().rule(key) == cuts
