"""Score predicted mentions against gold annotations.

Per label and overall:
- strict: identical (start, end, label);
- overlap: spans of one label that overlap, matched one-to-one (largest
  overlap first);
- value: an overlap match whose norm is also correct (guidelines' norm rules:
  ORG counts when the name or the acronym matches);
- norm accuracy: correct norms among overlap matches.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Iterable, Mapping

import orjson

from odaextract.models import LABELS, GoldDocument

OVERALL = "ALL"


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str
    norm: Mapping[str, Any]


@dataclass
class Counts:
    gold: int = 0
    pred: int = 0
    strict: int = 0
    overlap: int = 0
    value: int = 0

    def add(self, other: "Counts") -> None:
        for name in ("gold", "pred", "strict", "overlap", "value"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float


def prf(matched: int, predicted: int, gold: int) -> Scores:
    precision = matched / predicted if predicted else (1.0 if not gold else 0.0)
    recall = matched / gold if gold else (1.0 if not predicted else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(round(precision, 4), round(recall, 4), round(f1, 4))


def _clean(value: Any) -> str:
    return " ".join(str(value).replace("’", "'").split()).casefold().removeprefix("the ")


def norm_matches(label: str, gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    if label == "COUNTRY":
        return gold.get("iso3") == pred.get("iso3")
    if label == "MONEY":
        try:
            same_amount = Decimal(str(gold.get("amount"))) == Decimal(str(pred.get("amount")))
        except InvalidOperation:
            # a predicted amount that is not a number is a wrong norm; any other
            # exception is a bug and must surface, not score as a miss
            return False
        return (
            same_amount
            and gold.get("currency") == pred.get("currency")
            and bool(gold.get("approximate")) == bool(pred.get("approximate"))
        )
    if label == "DATE":
        return gold.get("start") == pred.get("start") and gold.get("end") == pred.get("end")
    if label == "ORG":
        same_acronym = gold.get("acronym") is not None and gold.get("acronym") == pred.get("acronym")
        same_name = gold.get("name") is not None and _clean(gold.get("name")) == _clean(pred.get("name") or "")
        return same_acronym or same_name
    return dict(gold) == dict(pred)


def _overlap_pairs(gold: list[Span], pred: list[Span]) -> list[tuple[Span, Span]]:
    candidates = []
    for g in gold:
        for p in pred:
            if p.label == g.label and p.start < g.end and g.start < p.end:
                size = min(g.end, p.end) - max(g.start, p.start)
                candidates.append((-size, g.start, p.start, g, p))
    candidates.sort(key=lambda c: c[:3])
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, _, _, g, p in candidates:
        if id(g) in used_gold or id(p) in used_pred:
            continue
        used_gold.add(id(g))
        used_pred.add(id(p))
        pairs.append((g, p))
    return pairs


def score_document(gold: list[Span], pred: list[Span]) -> dict[str, Counts]:
    counts: dict[str, Counts] = defaultdict(Counts)
    for g in gold:
        counts[g.label].gold += 1
    for p in pred:
        counts[p.label].pred += 1
    exact = {(g.start, g.end, g.label) for g in gold}
    for p in pred:
        if (p.start, p.end, p.label) in exact:
            counts[p.label].strict += 1
    for g, p in _overlap_pairs(gold, pred):
        counts[g.label].overlap += 1
        if norm_matches(g.label, g.norm, p.norm):
            counts[g.label].value += 1
    return counts


def evaluate(gold_docs: Iterable[GoldDocument], predictions: Mapping[str, list[Span]]) -> dict[str, dict[str, Any]]:
    """Scores per label and overall (`ALL`) over the gold documents."""
    totals: dict[str, Counts] = {label: Counts() for label in LABELS}
    for doc in gold_docs:
        gold = [Span(m.start, m.end, m.label, m.norm) for m in doc.mentions]
        for label, counts in score_document(gold, predictions.get(doc.doc_id, [])).items():
            totals.setdefault(label, Counts()).add(counts)
    overall = Counts()
    for counts in totals.values():
        overall.add(counts)
    totals[OVERALL] = overall
    report = {}
    for label, c in totals.items():
        report[label] = {
            "gold": c.gold,
            "pred": c.pred,
            "strict": asdict(prf(c.strict, c.pred, c.gold)),
            "overlap": asdict(prf(c.overlap, c.pred, c.gold)),
            "value": asdict(prf(c.value, c.pred, c.gold)),
            "norm_accuracy": round(c.value / c.overlap, 4) if c.overlap else None,
        }
    return report


def load_gold(path: Path) -> list[GoldDocument]:
    docs = []
    with open(path, "rb") as stream:
        for number, line in enumerate(stream, 1):
            if line.strip():
                try:
                    docs.append(GoldDocument.model_validate(orjson.loads(line)))
                except Exception as exc:
                    raise ValueError(f"{path}:{number}: not a gold document ({str(exc).splitlines()[0]})") from None
    return docs


def load_predictions(path: Path, doc_ids: Iterable[str] | None = None) -> dict[str, list[Span]]:
    wanted = set(doc_ids) if doc_ids is not None else None
    predictions: dict[str, list[Span]] = defaultdict(list)
    with open(path, "rb") as stream:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                record = orjson.loads(line)
                doc_id = record["doc_id"]
                span = Span(record["start"], record["end"], record["label"], record.get("norm") or {})
            except Exception as exc:
                raise ValueError(f"{path}:{number}: not a mention record ({exc})") from None
            if wanted is None or doc_id in wanted:
                predictions[doc_id].append(span)
    return predictions


def format_table(report: Mapping[str, Mapping[str, Any]]) -> str:
    header = f"{'label':<8}{'gold':>6}{'pred':>6}   {'strict P/R/F1':<20}{'overlap P/R/F1':<20}{'value P/R/F1':<20}{'norm acc':>8}"
    lines = [header, "-" * len(header)]
    for label, row in report.items():
        cells = []
        for kind in ("strict", "overlap", "value"):
            s = row[kind]
            cells.append(f"{s['precision']:.3f}/{s['recall']:.3f}/{s['f1']:.3f}".ljust(20))
        accuracy = "-" if row["norm_accuracy"] is None else f"{row['norm_accuracy']:.3f}"
        lines.append(f"{label:<8}{row['gold']:>6}{row['pred']:>6}   {''.join(cells)}{accuracy:>8}")
    return "\n".join(lines)
