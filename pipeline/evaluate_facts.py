"""Score predicted facts and tracks against gold (`fact-guidelines.md`, last section).

- detection: a predicted fact matches a gold fact when their anchors overlap
  and state the same amount (one-to-one, in document order);
- per slot, over matched facts: accuracy for donor, date, kind, status,
  cumulative; micro set F1 for recipients, regions and channels (a channel
  matches by name or acronym, as ORG norms do);
- strict: matched facts with every slot right, as precision / recall / F1;
- tracks: pairs of facts placed in the same track, precision / recall / F1.
"""

from __future__ import annotations

from decimal import Decimal
from itertools import combinations
from pathlib import Path
from typing import Any, Iterable, Mapping

import orjson

from odaextract.pipeline.evaluate import Scores, prf

SET_SLOTS = ("recipients", "regions", "channels")
VALUE_SLOTS = ("donor", "date", "kind", "status", "cumulative")
SLOTS = ("donor", "recipients", "regions", "channels", "date", "kind", "status", "cumulative")


def _jsonl(path: Path) -> list[dict]:
    return [orjson.loads(line) for line in Path(path).read_bytes().splitlines() if line.strip()]


def load_gold_facts(path: Path) -> dict[str, list[dict]]:
    return {doc["doc_id"]: doc["facts"] for doc in _jsonl(path)}


def load_predicted_facts(path: Path) -> dict[str, list[dict]]:
    by_doc: dict[str, list[dict]] = {}
    for fact in _jsonl(path):
        by_doc.setdefault(fact["doc_id"], []).append(fact)
    return by_doc


def _fold(value: Any) -> str:
    return " ".join(str(value or "").replace("’", "'").split()).casefold().removeprefix("the ")


def _channel_key(channel: Mapping[str, Any]) -> tuple[str, str]:
    return _fold(channel.get("name")), _fold(channel.get("acronym"))


def _channels_match(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    gold_name, gold_acronym = _channel_key(gold)
    pred_name, pred_acronym = _channel_key(pred)
    return gold_name == pred_name or bool(gold_acronym and gold_acronym in (pred_acronym, pred_name)) or bool(
        pred_acronym and pred_acronym == gold_name
    )


def _set_counts(slot: str, gold: list, pred: list) -> tuple[int, int, int]:
    """(matched, predicted, gold) for one fact's set slot."""
    if slot == "channels":
        remaining = list(gold)
        matched = 0
        for channel in pred:
            hit = next((g for g in remaining if _channels_match(g, channel)), None)
            if hit is not None:
                remaining.remove(hit)
                matched += 1
        return matched, len(pred), len(gold)
    fold = (lambda v: _fold(v)) if slot == "regions" else (lambda v: v)
    gold_set, pred_set = {fold(v) for v in gold}, {fold(v) for v in pred}
    return len(gold_set & pred_set), len(pred_set), len(gold_set)


def _date(value: Any) -> Any:
    if not value:
        return None
    return (value.get("start"), value.get("end"))


def slot_right(slot: str, gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    if slot in SET_SLOTS:
        matched, predicted, expected = _set_counts(slot, gold.get(slot) or [], pred.get(slot) or [])
        return matched == predicted == expected
    if slot == "date":
        return _date(gold.get("date")) == _date(pred.get("date"))
    if slot == "donor":
        gold_donor, pred_donor = gold.get("donor"), pred.get("donor")
        if not gold_donor or not pred_donor:
            return gold_donor == pred_donor
        if "org" in gold_donor or "org" in pred_donor:
            return _fold(gold_donor.get("org")) == _fold(pred_donor.get("org"))
        return gold_donor.get("iso3") == pred_donor.get("iso3")
    return gold.get(slot) == pred.get(slot)


def _amount(fact: Mapping[str, Any]) -> Decimal:
    amount = fact["amount"]
    return Decimal(str(amount["amount"])) if "amount" in amount else Decimal(-1)


def match_facts(gold: list[dict], pred: list[dict], gold_amounts: Mapping[tuple[int, int], Decimal]) -> list[tuple[dict, dict]]:
    """One-to-one pairs whose anchors overlap (and, where known, state the same amount)."""
    pairs = []
    used: set[int] = set()
    for g in sorted(gold, key=lambda f: f["amount"]["start"]):
        gs, ge = g["amount"]["start"], g["amount"]["end"]
        for index, p in enumerate(pred):
            if index in used:
                continue
            ps, pe = p["amount"]["start"], p["amount"]["end"]
            if ps < ge and gs < pe:
                expected = gold_amounts.get((gs, ge))
                if expected is not None and _amount(p) != expected:
                    continue
                used.add(index)
                pairs.append((g, p))
                break
    return pairs


def evaluate_facts(
    gold: Mapping[str, list[dict]],
    pred: Mapping[str, list[dict]],
    gold_amounts: Mapping[str, Mapping[tuple[int, int], Decimal]] | None = None,
) -> dict[str, Any]:
    """The scores over the documents the gold covers."""
    gold_amounts = gold_amounts or {}
    n_gold = n_pred = 0
    pairs: list[tuple[dict, dict]] = []
    for doc_id, gold_facts in gold.items():
        predicted = pred.get(doc_id, [])
        n_gold += len(gold_facts)
        n_pred += len(predicted)
        pairs.extend(match_facts(gold_facts, predicted, gold_amounts.get(doc_id, {})))
    report: dict[str, Any] = {"gold": n_gold, "predicted": n_pred, "matched": len(pairs)}
    report["detection"] = prf(len(pairs), n_pred, n_gold).__dict__
    slots: dict[str, Any] = {}
    for slot in SLOTS:
        if slot in SET_SLOTS:
            matched = predicted = expected = 0
            for g, p in pairs:
                m, pr, ex = _set_counts(slot, g.get(slot) or [], p.get(slot) or [])
                matched, predicted, expected = matched + m, predicted + pr, expected + ex
            slots[slot] = prf(matched, predicted, expected).__dict__
        else:
            right = sum(1 for g, p in pairs if slot_right(slot, g, p))
            slots[slot] = {"accuracy": round(right / len(pairs), 4) if pairs else 0.0}
    report["slots"] = slots
    strict = sum(1 for g, p in pairs if all(slot_right(slot, g, p) for slot in SLOTS))
    report["strict"] = prf(strict, n_pred, n_gold).__dict__
    return report


def slot_score(report: Mapping[str, Any], slot: str) -> float:
    value = report["slots"][slot]
    return value["f1"] if "f1" in value else value["accuracy"]


# --- tracks ------------------------------------------------------------------


def _pairs(tracks: Iterable[list[tuple[str, int, int]]]) -> set[frozenset]:
    return {frozenset(pair) for track in tracks for pair in combinations(track, 2)}


def evaluate_tracks(gold_path: Path, pred_path: Path, pred_facts: Mapping[str, list[dict]]) -> dict[str, Any]:
    """Pairs of facts placed in the same track. A predicted point is named by
    its anchor; it counts for a gold point whose anchor it overlaps."""
    gold_tracks = [[(f["doc_id"], f["start"], f["end"]) for f in track["facts"]] for track in _jsonl(gold_path)]
    anchors = {fact["id"]: (fact["doc_id"], fact["amount"]["start"], fact["amount"]["end"]) for facts in pred_facts.values() for fact in facts}
    gold_points = {point for track in gold_tracks for point in track}

    def to_gold(point: tuple[str, int, int]) -> tuple[str, int, int]:
        doc_id, start, end = point
        for g in gold_points:
            if g[0] == doc_id and g[1] < end and start < g[2]:
                return g
        return point

    pred_tracks = [
        [to_gold(anchors[p["fact_id"]]) for p in track["series"] if p["fact_id"] in anchors] for track in _jsonl(pred_path)
    ]
    gold_pairs, pred_pairs = _pairs(gold_tracks), _pairs(pred_tracks)
    scores: Scores = prf(len(gold_pairs & pred_pairs), len(pred_pairs), len(gold_pairs))
    return {"gold_tracks": len(gold_tracks), "predicted_tracks": len(pred_tracks), "pairs": scores.__dict__}


def format_fact_table(reports: Mapping[str, Any]) -> str:
    lines = []
    facts = reports.get("facts")
    if facts is not None:
        d = facts["detection"]
        lines.append(f"facts: gold {facts['gold']}  predicted {facts['predicted']}  matched {facts['matched']}")
        lines.append(f"{'detection':<12} P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}")
        for slot in SLOTS:
            value = facts["slots"][slot]
            if "f1" in value:
                lines.append(f"{slot:<12} set F1 {value['f1']:.3f}  (P {value['precision']:.3f}  R {value['recall']:.3f})")
            else:
                lines.append(f"{slot:<12} accuracy {value['accuracy']:.3f}")
        s = facts["strict"]
        lines.append(f"{'strict':<12} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}")
    tracks = reports.get("tracks")
    if tracks is not None:
        p = tracks["pairs"]
        lines.append(
            f"tracks: gold {tracks['gold_tracks']}  predicted {tracks['predicted_tracks']}  "
            f"pairs P {p['precision']:.3f}  R {p['recall']:.3f}  F1 {p['f1']:.3f}"
        )
    return "\n".join(lines)
