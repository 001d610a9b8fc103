"""Reports of an evaluation run: plain text for people, JSON for machines.

The text report gives the micro-averaged figures, one line of figures per gold document, and
then every miss and spurious item with its Arabic text as is (quotes are cut at
:data:`MAX_TEXT` characters; the JSON report keeps them whole).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from marsad.evaluate.conll import ConllEvaluation
from marsad.evaluate.conllu import ConlluEvaluation
from marsad.evaluate.docscore import GoldEvaluation, GoldScores
from marsad.evaluate.scores import PRF, Accuracy

if TYPE_CHECKING:
    from marsad.events.gsr import ProtestEvaluation

MAX_TEXT = 120


@dataclass
class EvalResults:
    gold: GoldEvaluation | None = None
    conll: ConllEvaluation | None = None
    conllu: ConlluEvaluation | None = None
    protest: ProtestEvaluation | None = None
    seconds: dict[str, float] = field(default_factory=dict)
    pipeline: list[dict[str, str]] = field(default_factory=list)

    def metrics(self) -> dict[str, float | None]:
        out: dict[str, float | None] = {}
        if self.gold is not None:
            out.update(self.gold.metrics())
        if self.conll is not None:
            out.update(self.conll.metrics())
        if self.conllu is not None:
            out.update(self.conllu.metrics())
        if self.protest is not None:
            out.update(self.protest.metrics())
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "pipeline": self.pipeline,
            "metrics": self.metrics(),
            "gold": self.gold.to_dict() if self.gold else None,
            "conll": self.conll.to_dict() if self.conll else None,
            "conllu": self.conllu.to_dict() if self.conllu else None,
            "protest_gsr": self.protest.to_dict() if self.protest else None,
            "seconds": {k: round(v, 3) for k, v in self.seconds.items()},
        }


def fmt(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:.3f}"


def _prf_line(label: str, prf: PRF, unit: str = "") -> str:
    return (
        f"  {label:<22} P {fmt(prf.precision)}  R {fmt(prf.recall)}  F1 {fmt(prf.f1)}"
        f"   ({prf.tp} right, {prf.pred} predicted, {prf.gold} gold{unit})"
    )


def _acc_line(label: str, acc: Accuracy, what: str) -> str:
    return f"  {label:<22} {fmt(acc.value)}   ({acc.correct} of {acc.total} {what})"


def _gold_block(s: GoldScores) -> list[str]:
    return [
        _prf_line("boilerplate", s.boilerplate, " chars"),
        _prf_line("mentions", s.mentions),
        _acc_line("entities found", s.entities_found, "required entities"),
        _prf_line("coreference", s.coref, " pairs"),
        _acc_line("country", s.country, "found entities with a country"),
        _prf_line("events", s.events)
        + (f"  [{s.forbidden_hits} on forbidden lines]" if s.forbidden_hits else ""),
        _acc_line("event date", s.event_date, "matched events with a date"),
        _acc_line("event location", s.event_location, "matched events with a location"),
        _prf_line("quotes", s.quotes),
        _acc_line("quote speaker", s.quote_speaker, "span-matched quotes"),
        _acc_line("dateline date", s.dateline, "documents with expect_published"),
    ]


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"


def render_text(results: EvalResults) -> str:
    lines: list[str] = []
    if results.pipeline:
        lines.append(
            "pipeline: " + ", ".join(f"{c['name']}.v{c['version']}" for c in results.pipeline)
        )
    else:
        lines.append("pipeline: (no analysis steps)")
    g = results.gold
    if g is not None:
        lines.append("")
        lines.append(f"GOLD DOCUMENTS: {len(g.documents)} (micro-averaged)")
        lines.extend(_gold_block(g.total))
        if len(g.documents) > 1:
            lines.append("")
            lines.append(
                "per document:          mentions F1  coref F1  events F1  quotes F1  boilerplate R"
            )
            for d in g.documents:
                s = d.scores
                lines.append(
                    f"  {d.id[:20]:<20} {fmt(s.mentions.f1):>11} {fmt(s.coref.f1):>9} "
                    f"{fmt(s.events.f1):>10} {fmt(s.quotes.f1):>10} {fmt(s.boilerplate.recall):>14}"
                )
        for d in g.documents:
            lines.append("")
            lines.append(f"== {d.id}  ({d.path})")
            if d.reject:
                lines.append(
                    f"  REJECTED by the pipeline: {d.reject} (scored as an empty prediction)"
                )
            if len(g.documents) > 1:
                lines.extend(_gold_block(d.scores))
            if not d.items:
                lines.append("  no misses, nothing spurious")
            for it in d.items:
                where = f"[{it.start}:{it.end}] " if it.start is not None else ""
                lines.append(
                    f"  {it.kind:<8} {it.layer:<14} {where}«{_short(it.text)}»  {it.detail}"
                )
    c = results.conll
    if c is not None:
        lines.append("")
        lines.append(
            f"CONLL NER: {c.path}  ({c.sentences} sentences, {c.tokens} tokens; conlleval exact chunks)"
        )
        lines.append(
            "  types: PER→PERS, GPE→LOC, LOC→LOC, ORG→ORG, others→MISC; name mentions only"
        )
        lines.append(_prf_line("overall", c.overall, " chunks"))
        for t, prf in sorted(c.by_type.items()):
            lines.append(_prf_line(t, prf))
        if c.rejects:
            lines.append(f"  rejected sentences: {dict(c.rejects)}")
        for ex in c.examples:
            lines.append(
                f"  {ex['kind']:<8} {ex['type']:<5} «{ex['text']}»  (sentence {ex['sentence']})"
            )
    u = results.conllu
    if u is not None:
        lines.append("")
        lines.append(f"CONLL-U SEGMENTATION: {u.path}  ({u.sentences} sentences)")
        lines.append(_prf_line("words", u.words))
        lines.append(_prf_line("clitic boundaries", u.boundaries))
        lines.append(_prf_line("segments", u.segments))
        if u.rejects:
            lines.append(f"  rejected sentences: {dict(u.rejects)}")
        for ex in u.examples:
            lines.append(f"  {ex['kind']:<8} word «{ex['text']}»  ({ex['sent_id']})")
    gsr = results.protest
    if gsr is not None:
        lines.append("")
        lines.append(f"PROTEST DETECTION (sentence level, crowd labels): {gsr.path}")
        lines.append("  PLOVER detector:  " + gsr.plover.summary())
        lines.append("  clarity (strict): " + gsr.strict.summary())
    if results.seconds:
        lines.append("")
        lines.append("time: " + ", ".join(f"{k} {v:.1f}s" for k, v in results.seconds.items()))
    return "\n".join(lines) + "\n"
