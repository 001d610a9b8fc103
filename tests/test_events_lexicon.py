"""The trigger lexicon: data file, conjugation, clitic readings, user extension."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.events.coding import PLOVER_TYPES, code_event, lookup
from marsad.events.lexicon import conjugate, load_lexicon, parse_rows
from marsad.events.triggers import Tok, accepts, readings
from marsad.normalize import match_key


def test_lexicon_is_big_and_every_row_codes() -> None:
    lex = load_lexicon()
    assert len(lex) >= 250
    assert lex.form_count >= 3000
    for e in lex.entries:
        if e.frame == "stop":
            continue
        plover, _mode = code_event(e.cameo, e.plover, e.mode)
        assert plover in PLOVER_TYPES, e.source


@pytest.mark.parametrize(
    ("past", "present", "form"),
    [
        ("ناقش", "يناقش", "ناقشوا"),
        ("ناقش", "يناقش", "تناقش"),
        ("ناقش", "يناقش", "يناقشان"),
        ("ناقش", "يناقش", "ناقشت"),
        ("أدان", "يدين", "أدانت"),
        ("استقبل", "يستقبل", "يستقبلون"),
        ("اعتقل", "يعتقل", "اعتقلوا"),
    ],
)
def test_conjugations(past: str, present: str, form: str) -> None:
    assert match_key(form) in conjugate(past, present)


def test_weak_verbs_get_no_wrong_suffixes() -> None:
    forms = conjugate("دعا", "يدعو")
    assert match_key("دعا") in forms and match_key("يدعو") in forms
    assert "دعاوا" not in forms


@pytest.mark.parametrize(
    ("word", "stem", "future", "noun"),
    [
        ("وسيناقش", "يناقش", True, False),
        ("بالبناءة", match_key("بناءة"), False, True),
        ("لإيران", "ايران", False, True),
        ("زيارته", match_key("زيارة"), False, True),
        ("استقبله", "استقبل", False, False),
        ("اتصالاً", "اتصال", False, True),
    ],
)
def test_readings(word: str, stem: str, future: bool, noun: bool) -> None:
    rs = [r for r in readings(match_key(word)) if r.stem == stem]
    assert rs, [r.stem for r in readings(match_key(word))]
    assert any(r.future == future for r in rs)
    assert any(r.noun == noun or r.verb != noun for r in rs)


def test_teh_marbuta_is_not_a_pronoun() -> None:
    """وزارة is not و + زاره ("visited him")."""
    visit = load_lexicon().by_verb[match_key("زار")][0].elements[0]
    assert accepts(Tok(0, 5, match_key("وزاره"), teh=False), visit.verb, visit.noun)
    assert not accepts(Tok(0, 5, match_key("وزارة"), teh=True), visit.verb, visit.noun)


def test_cameo_lookup_falls_back_to_the_parent() -> None:
    assert lookup("1823") is not None
    assert lookup("0256").cameo == "025"  # type: ignore[union-attr]


def test_user_lexicon_adds_entries(tmp_path: Path) -> None:
    user = tmp_path / "mine.tsv"
    user.write_text("{ندب|يندب}\t111\t\t\tsv\t\tlament\n", encoding="utf-8")
    lex = load_lexicon(str(user))
    assert len(lex) == len(load_lexicon()) + 1
    assert match_key("ندبوا") in lex.by_verb


@pytest.mark.parametrize(
    "row",
    [
        "{زار|يزور}\t042\t\t\tnosuchframe\t\t",
        "{زار|يزور}\t\t\t\tsv\t\t",  # no CAMEO code
        "... زيارة\t042\t\t\tsv\t\t",  # starts with a gap
        "{زار|يزور}/زيارة\t042\t\t\tsv\t\t",  # a verb group mixed into alternatives
        "زيارة\t042\t\t\tsv\tbogus\t",
    ],
)
def test_bad_rows_are_refused(row: str) -> None:
    with pytest.raises(ValueError, match="x.tsv:1"):
        parse_rows([row], "x.tsv")


@pytest.mark.parametrize(
    ("row", "text", "trigger"),
    [
        # head: the trigger is the first word, the rest is context
        ("{تجمع|يتجمع} ...8 أمام\t141\t\tdemo\tsv\thead\tgathered in front of", "تجمع مئات الأساتذة أمام الوزارة", "تجمع"),
        # without head: the trigger is what follows the last gap
        ("{تجمع|يتجمع} ...8 أمام\t141\t\tdemo\tsv\t\tgathered in front of", "تجمع مئات الأساتذة أمام الوزارة", "أمام"),
    ],
)
def test_head_flag_sets_the_trigger_span(row: str, text: str, trigger: str) -> None:
    from marsad.events.lexicon import build, parse_rows
    from marsad.events.triggers import Tok, find_matches

    lex = build(parse_rows([row], "t"))
    words = text.split()
    toks, pos = [], 0
    for w in words:
        a = text.index(w, pos)
        toks.append(Tok(a, a + len(w), match_key(w)))
        pos = a + len(w)
    (m,) = find_matches(toks, lex)
    a, b = toks[m.trigger[0]].start, toks[m.trigger[1]].end
    assert text[a:b] == trigger


@pytest.mark.parametrize(
    ("text", "plover", "negated"),
    [
        ("وقال الوزير إن الحركة لن تقبل باتفاق جزئي.", "REJECT", False),  # a refusal, not a negated accept
        ("وقال الوزير إن الحركة قبلت الاتفاق.", None, None),  # "negated" rows code nothing when asserted
    ],
)
def test_negated_flag(text: str, plover: str | None, negated: bool | None) -> None:
    from events_support import run

    evs = [e for e in run(text).events if e.plover in ("REJECT", "AGREE")]
    if plover is None:
        assert not any(e.plover == "REJECT" for e in evs)
    else:
        assert [(e.plover, e.negated) for e in evs] == [(plover, negated)]
