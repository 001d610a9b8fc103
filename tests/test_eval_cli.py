"""`marsad eval` as a command: help, reports, formats, and an end-to-end oracle run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.cli import main
from marsad.evaluate.gold import load_gold_files
from marsad.evaluate.perfect import OracleStep
from marsad.pipeline import Pipeline


def test_no_arguments_prints_help(capsys):
    assert main(["eval"]) == 2
    out = capsys.readouterr().out
    assert "usage: marsad eval" in out and "--conllu" in out


def test_help_teaches_the_metrics(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["eval", "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    for words in (
        "at least half",
        "GPE~LOC",
        "CAMEO",
        "symmetric",
        "forbidden_events",
        "PER→PERS",
        "SpaceAfter=No",
        "n/a",
    ):
        assert words in out, words


@pytest.fixture
def empty_pipeline(monkeypatch):
    """Reports listing misses are tested against a pipeline that predicts nothing, so that they
    do not change each time a layer gets better."""
    import marsad.analyze

    monkeypatch.setattr(marsad.analyze, "default_steps", lambda settings: [])


def test_text_report_lists_misses_in_arabic(gold_dir, capsys, empty_pipeline):
    assert main(["eval", str(gold_dir), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "GOLD DOCUMENTS: 1" in out
    assert "«علي اكبر احمديان»" in out  # a missed mention, Arabic as is
    assert "«انتهی**3280»" in out


def test_json_report(gold_dir, capsys, empty_pipeline):
    assert main(["eval", str(gold_dir), "--format", "json", "--quiet"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"metrics", "gold", "conll", "conllu", "pipeline"}
    doc = data["gold"]["documents"][0]
    assert doc["id"] == "irna-ar-2024-01-10-ahmadian-patrushev"
    assert any(i["text"] == "علي اكبر احمديان" and i["kind"] == "miss" for i in doc["items"])
    assert data["metrics"]["gold.mentions.recall"] is not None


def test_oracle_pipeline_scores_one(gold_dir, capsys, monkeypatch):
    golds = list(load_gold_files([gold_dir]))
    monkeypatch.setattr(
        "marsad.commands.eval.build_pipeline", lambda settings: Pipeline([OracleStep(golds)])
    )
    assert main(["eval", str(gold_dir), "--format", "json", "--quiet"]) == 0
    metrics = json.loads(capsys.readouterr().out)["metrics"]
    assert all(v in (1.0, None) for v in metrics.values()) and metrics["gold.events.f1"] == 1.0
    assert main(["eval", str(gold_dir), "--quiet"]) == 0
    assert "no misses, nothing spurious" in capsys.readouterr().out


def test_missing_inputs_are_clean_errors(capsys, tmp_path: Path):
    assert main(["eval", str(tmp_path / "nope.gold.json")]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert main(["eval", "--conll", str(tmp_path / "nope.txt")]) == 1
    assert "cannot read" in capsys.readouterr().err


def test_corpus_limits(data_dir, capsys):
    args = [
        "eval",
        "--conll",
        str(data_dir / "anercorp" / "ANERCorp_CamelLab_test.txt"),
        "--conllu",
        str(data_dir / "ud_arabic_pud" / "ar_pud-ud-test.conllu"),
        "--limit",
        "30",
        "--format",
        "json",
        "--quiet",
    ]
    assert main(args) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["conll"]["sentences"] == 30 and data["conllu"]["sentences"] == 30
    assert data["conll"]["type_map"]["GPE"] == "LOC"


def test_console_entry_point(gold_dir):
    proc = subprocess.run(
        [sys.executable, "-m", "marsad.cli", "eval", str(gold_dir), "--quiet"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "mentions" in proc.stdout
