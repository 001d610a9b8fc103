"""`marsad eval --protest-gsr`: sentence-level PROTEST detection in the evaluation command.

The CSV here has the GSR's columns and label values but sentences written for this test (the
real GSR is a test set and is only reported, by ``docs/quality.md``'s command)."""

from __future__ import annotations

import csv
import json

import pytest

from marsad.cli import main
from marsad.events.gsr import evaluate_gsr
from marsad.events.gsr import main as gsr_main

ROWS = [
    # a protest report every reader accepts
    ("yes", "تظاهر آلاف المواطنين أمس الجمعة في وسط العاصمة تونس احتجاجا على غلاء الأسعار."),
    ("yes", "نفذ المعلمون المتعاقدون وقفة احتجاجية أمام مقر وزارة التربية في الرباط للمطالبة بالإدماج."),
    # clear negatives
    ("easy no", "استقبل وزير الخارجية السعودي نظيره الأردني في الرياض وبحثا العلاقات الثنائية."),
    ("easy no", "أعلنت وزارة الصحة ارتفاع عدد الإصابات بالحمى إلى مئة وعشرين حالة."),
    ("difficult no", "حذر وزير الداخلية من أن أي مظاهرة غير مرخصة ستواجه بالقانون."),
    # left out of the scores
    ("ambiguous", "خرج الناس إلى الشوارع بعد إعلان النتائج."),
]


@pytest.fixture
def gsr_csv(tmp_path):
    path = tmp_path / "protest_gsr.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["", "accept", "event_type", "id", "label", "reject", "text", "total"])
        for i, (label, text) in enumerate(ROWS):
            accept = 3 if label == "yes" else 1 if label == "difficult no" else 0
            w.writerow([i, accept, "PROTEST", f"s{i}", label, 3 - accept, text, 3])
    return path


def test_counts_add_up_and_ambiguous_is_left_out(gsr_csv):
    ev = evaluate_gsr(gsr_csv)
    for s in (ev.plover, ev.strict):
        assert s.tp + s.fn == 2  # two "yes"
        assert s.fp + s.tn == 3  # three "no"; the ambiguous row is not scored
    # the two plain protest reports are found by the PLOVER detector, the reception is not one
    assert ev.plover.tp == 2
    assert set(ev.metrics()) == {
        f"protest_gsr.{p}.{m}" for p in ("plover", "strict") for m in ("precision", "recall", "f1")
    }


def test_limit_takes_the_first_labelled_sentences(gsr_csv):
    ev = evaluate_gsr(gsr_csv, limit=2)
    assert ev.plover.tp + ev.plover.fn + ev.plover.fp + ev.plover.tn == 2


def test_eval_command_text_and_json(gsr_csv, capsys):
    assert main(["eval", "--protest-gsr", str(gsr_csv), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "PROTEST DETECTION" in out and "PLOVER detector:" in out and "clarity (strict):" in out
    assert main(["eval", "--protest-gsr", str(gsr_csv), "--quiet", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["protest_gsr"]["plover"]["tp"] == 2
    assert report["metrics"]["protest_gsr.plover.recall"] == 1.0


def test_eval_command_checks_floors(gsr_csv, tmp_path, capsys):
    floors = tmp_path / "floors.json"
    assert main(["eval", "--protest-gsr", str(gsr_csv), "--quiet", "--save-baseline", str(floors)]) == 0
    assert main(["eval", "--protest-gsr", str(gsr_csv), "--quiet", "--check-baseline", str(floors)]) == 0
    saved = json.loads(floors.read_text())
    key = next(k for k in saved if isinstance(saved[k], dict) and "protest_gsr.plover.f1" in saved[k])
    saved[key]["protest_gsr.plover.f1"] = 1.01  # a floor no run can meet
    floors.write_text(json.dumps(saved))
    assert main(["eval", "--protest-gsr", str(gsr_csv), "--quiet", "--check-baseline", str(floors)]) == 1
    assert "protest_gsr.plover.f1" in capsys.readouterr().err


def test_script_help_and_strict_only(gsr_csv, capsys):
    with pytest.raises(SystemExit) as exc:
        gsr_main(["--help"])
    assert exc.value.code == 0
    assert "test set" in capsys.readouterr().out
    assert gsr_main([str(gsr_csv), "--strict"]) == 0
    out = capsys.readouterr().out
    assert "clarity (strict)" in out and "PLOVER detector" not in out
