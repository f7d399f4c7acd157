#!/usr/bin/env python3
"""Independent check of the two gold files against the documents, reading
only ../gold.jsonl, ../facts-gold.jsonl and ../*.txt (not the drafts or
specs). Stdlib only. Exits non-zero on the first class of error it finds
and prints every problem.

Mentions: sha256 of the text; text == doc[start:end]; sorted by start; no
overlaps; no surrounding whitespace; norm shapes: COUNTRY {iso3: AAA},
ORG {name: str, acronym: str|null} and one norm per surface in a document,
MONEY {amount: int|float, currency: AAA|null, approximate: bool},
DATE {start, end: YYYY-MM-DD|null, start <= end, not both null}.
Facts: the exact key set; anchor and every equivalent equal a MONEY
mention (start, end, text); no MONEY mention used twice; donor shape and
donor ISO3 / org among the document's mentions; recipients sorted,
distinct, ISO3 among the COUNTRY mentions; regions sorted, distinct;
channels equal ORG norms of the document; date start/end taken from DATE
mention norms; kind / status / cumulative in the guideline value sets.
"""
import hashlib
import json
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent
ISO3 = re.compile(r"^[A-Z]{3}$")
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
KINDS = {"grant", "loan", "technical_cooperation", "contribution", "debt_relief",
         "aggregate", "unspecified"}
FACT_KEYS = ["amount", "equivalents", "donor", "recipients", "regions", "channels",
             "date", "kind", "status", "cumulative"]
problems = []


def bad(msg):
    problems.append(msg)


def check_mentions(g, text):
    doc = g["doc_id"]
    if set(g) != {"doc_id", "text_sha256", "mentions"}:
        bad(f"{doc}: keys {sorted(g)}")
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != g["text_sha256"]:
        bad(f"{doc}: sha256 mismatch")
    prev_end, orgs = -1, {}
    for m in g["mentions"]:
        if set(m) != {"start", "end", "label", "text", "norm"}:
            bad(f"{doc}: mention keys {sorted(m)}")
        s, e, t, n = m["start"], m["end"], m["text"], m["norm"]
        if text[s:e] != t:
            bad(f"{doc}: {t!r} != text[{s}:{e}] {text[s:e]!r}")
        if t != t.strip():
            bad(f"{doc}: whitespace at edge of {t!r}")
        if s < prev_end:
            bad(f"{doc}: overlap or unsorted at {s} {t!r}")
        prev_end = e
        lab = m["label"]
        if lab == "COUNTRY":
            if set(n) != {"iso3"} or not ISO3.match(n["iso3"]):
                bad(f"{doc}: COUNTRY norm {n}")
        elif lab == "ORG":
            if set(n) != {"name", "acronym"} or not isinstance(n["name"], str) or \
                    not (n["acronym"] is None or isinstance(n["acronym"], str)):
                bad(f"{doc}: ORG norm {n}")
            if orgs.setdefault(t, n) != n:
                bad(f"{doc}: ORG {t!r} has two norms")
        elif lab == "MONEY":
            if set(n) != {"amount", "currency", "approximate"} or \
                    isinstance(n["amount"], bool) or not isinstance(n["amount"], (int, float)) or \
                    not (n["currency"] is None or ISO3.match(n["currency"])) or \
                    not isinstance(n["approximate"], bool):
                bad(f"{doc}: MONEY norm {n}")
        elif lab == "DATE":
            if set(n) != {"start", "end"} or all(v is None for v in n.values()) or \
                    any(v is not None and not DAY.match(v) for v in n.values()) or \
                    (n["start"] and n["end"] and n["start"] > n["end"]):
                bad(f"{doc}: DATE norm {n}")
        else:
            bad(f"{doc}: label {lab}")


def check_facts(fg, g):
    doc = fg["doc_id"]
    if fg["text_sha256"] != g["text_sha256"]:
        bad(f"{doc}: facts sha256 differs from mention gold")
    ms = g["mentions"]
    money = {(m["start"], m["end"]): m for m in ms if m["label"] == "MONEY"}
    isos = {m["norm"]["iso3"] for m in ms if m["label"] == "COUNTRY"}
    orgn = [m["norm"] for m in ms if m["label"] == "ORG"]
    dates = [m["norm"] for m in ms if m["label"] == "DATE"]
    used = set()
    for f in fg["facts"]:
        if list(f) != FACT_KEYS:
            bad(f"{doc}: fact keys {list(f)}")
        for ref in [f["amount"]] + f["equivalents"]:
            k = (ref["start"], ref["end"])
            if set(ref) != {"start", "end", "text"} or k not in money or money[k]["text"] != ref["text"]:
                bad(f"{doc}: {ref} is not a MONEY mention")
            if k in used:
                bad(f"{doc}: MONEY {ref['text']!r} used twice")
            used.add(k)
        d = f["donor"]
        if d is not None:
            if d.keys() == {"iso3"}:
                if d["iso3"] not in isos:
                    bad(f"{doc}: donor {d} not a COUNTRY mention")
            elif d.keys() == {"org"}:
                if d["org"] not in {o["name"] for o in orgn}:
                    bad(f"{doc}: donor {d} not an ORG mention")
            else:
                bad(f"{doc}: donor shape {d}")
        r = f["recipients"]
        if r != sorted(set(r)) or any(x not in isos for x in r):
            bad(f"{doc}: recipients {r}")
        if f["regions"] != sorted(set(f["regions"])):
            bad(f"{doc}: regions {f['regions']}")
        for c in f["channels"]:
            if c not in orgn:
                bad(f"{doc}: channel {c} is not an ORG norm of the document")
        dt = f["date"]
        if dt is not None:
            if set(dt) != {"start", "end"} or \
                    all(v is None for v in dt.values()) or \
                    (dt["start"] is not None and not any(x["start"] == dt["start"] for x in dates)) or \
                    (dt["end"] is not None and not any(x["end"] == dt["end"] for x in dates)):
                bad(f"{doc}: date {dt} not made of DATE mention norms")
        if f["kind"] not in KINDS or f["status"] not in {"pledged", "provided"} or \
                not isinstance(f["cumulative"], bool):
            bad(f"{doc}: kind/status/cumulative {f['kind']} {f['status']} {f['cumulative']}")
    starts = [f["amount"]["start"] for f in fg["facts"]]
    if starts != sorted(starts):
        bad(f"{doc}: facts not sorted by anchor")


def main():
    golds = {json.loads(l)["doc_id"]: json.loads(l) for l in open(OUT / "gold.jsonl", encoding="utf-8")}
    fgolds = [json.loads(l) for l in open(OUT / "facts-gold.jsonl", encoding="utf-8")]
    txts = sorted(p.stem for p in OUT.glob("*.txt"))
    if sorted(golds) != txts or sorted(f["doc_id"] for f in fgolds) != txts:
        bad("documents, gold.jsonl and facts-gold.jsonl do not list the same docs")
    for doc, g in golds.items():
        text = (OUT / f"{doc}.txt").read_text(encoding="utf-8")
        if not text.endswith("\n"):
            bad(f"{doc}: no final newline")
        check_mentions(g, text)
    for fg in fgolds:
        check_facts(fg, golds[fg["doc_id"]])
    for p in problems:
        print("PROBLEM:", p)
    nm = sum(len(g["mentions"]) for g in golds.values())
    nf = sum(len(f["facts"]) for f in fgolds)
    print(f"{len(golds)} documents, {nm} mentions, {nf} facts, {len(problems)} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
