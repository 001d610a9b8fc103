"""WikiFANE as extra NER training data: clitic re-attachment and the class mapping of
scripts/train_ner.py (measured in resources/ner/README.md; not in the shipped model)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def tn() -> ModuleType:
    pytest.importorskip("numpy")
    spec = importlib.util.spec_from_file_location("train_ner", ROOT / "scripts" / "train_ner.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("train_ner", mod)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize(
    ("tokens", "tags", "want_tokens", "want_tags"),
    [
        # proclitic chain before the article: ل + ال -> لل
        (
            ["و", "ل", "الجزر", "اهمية"],
            ["O", "O", "B-Water-Body", "O"],
            ["وللجزر", "اهمية"],
            ["B-Water-Body", "O"],
        ),
        (["ل", "مسينا"], ["O", "B-Population-Center"], ["لمسينا"], ["B-Population-Center"]),
        # enclitics; ta marbuta and alef maqsura change before them
        (["عدد", "هم", "تدريجيا"], ["O", "O", "O"], ["عددهم", "تدريجيا"], ["O", "O"]),
        (["حياة", "ه"], ["O", "O"], ["حياته"], ["O"]),
        (["على", "ه"], ["O", "O"], ["عليه"], ["O"]),
        (["ك", "ما"], ["O", "O"], ["كما"], ["O"]),
        # a tagged proclitic inside a name keeps the name going ("امنة بنت و هب")
        (
            ["امنة", "بنت", "و", "هب"],
            ["B-Religious_PER", "I-Religious_PER", "I-Religious_PER", "I-Religious_PER"],
            ["امنة", "بنت", "وهب"],
            ["B-Religious_PER"] + ["I-Religious_PER"] * 2,
        ),
        # the hijri-year mark after a number and a proclitic before a number stay separate
        (["عام", "1412", "ه", "."], ["O"] * 4, ["عام", "1412", "ه", "."], ["O"] * 4),
        (["و", "1990"], ["O", "O"], ["و", "1990"], ["O", "O"]),
        # invisible left-to-right marks are dropped
        (["\u200eمصر"], ["B-Nation"], ["مصر"], ["B-Nation"]),
    ],
)
def test_attach_clitics(
    tn: ModuleType,
    tokens: list[str],
    tags: list[str],
    want_tokens: list[str],
    want_tags: list[str],
) -> None:
    assert tn._attach(tokens, tags) == (want_tokens, want_tags)


@pytest.mark.parametrize(
    ("feature", "wikifane_derived"),
    [
        ("g=WPER", True),
        ("gs=WLOC", True),
        ("-1:g=WORG", True),
        ("1:gs=WMISC", True),
        ("gp=B-WFAC", True),
        ("gp=I-WPER", True),
        ("g=PERG", False),
        ("gp=B-LOC", False),
        ("w=Wikipedia", False),
        ("-1:w=WPER", False),
    ],
)
def test_wikifane_gazetteer_features_are_recognised(
    tn: ModuleType, feature: str, wikifane_derived: bool
) -> None:
    assert bool(tn._W_GAZ.match(feature)) is wikifane_derived


def test_add_misc_fills_only_untagged_spans(tn: ModuleType) -> None:
    data = [(["دفع", "مليون", "دولار", "ل", "مصر"], ["O", "O", "O", "O", "B-LOC"])]
    pred = [["O", "O", "B-MISC", "B-MISC", "I-MISC"]]
    out = tn.add_misc(data, pred)
    assert out[0][1] == ["O", "O", "B-MISC", "O", "B-LOC"]
    assert data[0][1][2] == "O"  # the input is not modified


def test_mapping_targets_are_anercorp_classes(tn: ModuleType) -> None:
    for fine, (klass, why) in tn.WIKIFANE_TRAIN_MAP.items():
        assert klass in {"PER", "LOC", "ORG", "MISC", "O", "DROP"}, fine
        assert why.strip(), fine


def test_mapped_corpus_follows_anercorp_conventions(tn: ModuleType, data_dir: Path) -> None:
    if not (data_dir / "wikifane" / "WikiFANE_Gold_2014_500K.txt").exists():
        pytest.skip("WikiFANE not available")
    fine_types = {c[2] for _, g in tn.read_conll(tn.WIKIFANE, "\t") for c in tn.chunks(g)}
    assert fine_types <= set(tn.WIKIFANE_TRAIN_MAP), fine_types - set(tn.WIKIFANE_TRAIN_MAP)
    data = tn.wikifane_sentences("all")
    assert 10_000 < len(data) < 15_763
    titles = set(tn.WIKIFANE_OUTSIDE["PER"].split())
    loose = []  # clitics left separate although a word is next to them
    for toks, tags in data:
        assert len(toks) == len(tags)
        for t, nxt in zip(toks, toks[1:], strict=False):
            if t in tn.PROCLITICS and nxt not in tn.PROCLITICS and tn._ARABIC.match(nxt):
                loose.append((t, nxt))
            if nxt in tn.ENCLITICS and tn._ARABIC.match(t[-1:]):
                loose.append((t, nxt))  # e.g. "لان ن ي" (a split of لانني) -> "لان ني"
        for s, _e, typ in tn.chunks(tags):
            assert typ in {"PER", "LOC", "ORG", "MISC"}
            assert tags[s].startswith("B-")
            if typ == "PER":
                assert tn.fold(toks[s]) not in titles
    assert len(loose) <= 3, loose
    sub = tn.wikifane_sentences("sub100")
    assert 100_000 <= sum(len(t) for t, _ in sub) < 100_200
    assert tn.wikifane_sentences("sub100") == sub  # seeded
