"""Settings precedence and the pipeline's error policy and counters."""

from __future__ import annotations

import pytest

from marsad.document import Article, Document, Source
from marsad.errors import ConfigError, Rejected
from marsad.pipeline import FunctionStep, Pipeline
from marsad.settings import Settings, load_settings


def test_settings_precedence(tmp_path) -> None:
    cfg = tmp_path / "marsad.toml"
    cfg.write_text('[marsad]\nmax_bytes = 1000\nworkers = 3\n', encoding="utf-8")
    s = load_settings(cfg, env={"MARSAD_WORKERS": "2"}, overrides={"batch_size": 8, "db": None})
    assert (s.max_bytes, s.workers, s.batch_size, s.db) == (1000, 2, 8, "marsad.db")


@pytest.mark.parametrize(
    "values",
    [{"no_such_key": 1}, {"workers": "many"}, {"error_policy": "ignore"}],
)
def test_bad_settings_are_clear_errors(values) -> None:
    with pytest.raises(ConfigError):
        Settings().merged(values)


def test_missing_settings_file_is_an_error(tmp_path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings(tmp_path / "nope.toml", env={})


def _upper(doc: Document) -> Document:
    doc.language = "ar"
    return doc


def _reject_short(doc: Document) -> Document:
    if len(doc.text) < 5:
        raise Rejected("too_short", f"{len(doc.text)} characters")
    return doc


def _explode(doc: Document) -> Document:
    if "قنبلة" in doc.text:
        raise RuntimeError("boom")
    return doc


def _pipeline(policy: str = "reject") -> Pipeline:
    return Pipeline(
        [FunctionStep("lang", "1", _upper), FunctionStep("gate", "2", _reject_short),
         FunctionStep("fragile", "1", _explode)],
        error_policy=policy,
    )


def test_pipeline_runs_steps_in_order_and_stamps_components() -> None:
    out = _pipeline().process(Article("وصل الوفد إلى موسكو", Source(path="a.txt")))
    assert out.document is not None and out.reject is None
    assert out.document.language == "ar"
    assert out.document.pipeline == [
        {"name": "lang", "version": "1"}, {"name": "gate", "version": "2"},
        {"name": "fragile", "version": "1"},
    ]


def test_rejects_carry_reason_and_step_and_the_batch_goes_on() -> None:
    p = _pipeline()
    arts = [Article("قصير", Source(path="short.txt")), Article("انفجرت قنبلة في السوق", Source(path="b.txt")),
            Article("وصل الوفد إلى موسكو", Source(path="ok.txt"))]
    outs = list(p.pipe(arts))
    assert outs[0].reject and outs[0].reject.reason == "too_short" and outs[0].reject.step == "gate"
    assert outs[1].reject and outs[1].reject.reason == "error" and "boom" in outs[1].reject.detail
    assert outs[2].document is not None
    assert p.counters["gate.rejected"] == 1 and p.counters["fragile.failed"] == 1
    assert p.counters["fragile.done"] == 1


def test_raise_policy_propagates() -> None:
    with pytest.raises(RuntimeError):
        _pipeline("raise").process(Article("انفجرت قنبلة في السوق", Source()))
