#!/usr/bin/env python3
"""Build heldout-facts.jsonl and heldout2-facts.jsonl from spec.py.

Usage: /usr/bin/env python3 build.py [--check]   (--check: validate only, write nothing)

Checks: every anchor/equivalent is exactly a MONEY mention of the mention gold
(text == source[start:end]); every MONEY mention is used once (anchor or
equivalent) or listed in NOT_FACTS; field shapes; channels resolve to ORG norms
of the document; recipients appear as COUNTRY norms in the document; regions
occur in the text.  Warnings (not errors) for dates that are not a DATE norm of
the document, for review.
"""
import hashlib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import spec  # noqa: E402

DATA = Path("/work/main/tests/data")
OUT = {"heldout": HERE / "heldout-facts.jsonl", "heldout2": HERE / "heldout2-facts.jsonl"}
KINDS = {"grant", "loan", "technical_cooperation", "contribution", "debt_relief",
         "aggregate", "unspecified"}
STATUSES = {"pledged", "provided"}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def fail(doc, msg):
    raise SystemExit(f"ERROR {doc}: {msg}")


def load_gold(setname):
    gold = {}
    for line in (DATA / setname / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            gold[d["doc_id"]] = d
    return gold


def build_doc(key, facts_spec, not_facts, gold):
    setname, doc_id = key.split("/")
    path = DATA / setname / f"{doc_id}.txt"
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    g = gold[doc_id]
    sha = hashlib.sha256(raw).hexdigest()
    if g.get("text_sha256") and g["text_sha256"] != sha:
        fail(key, "sha256 differs from the mention gold")
    mentions = g["mentions"]
    for m in mentions:
        if text[m["start"]:m["end"]] != m["text"]:
            fail(key, f"mention gold offset mismatch {m}")
    money = [m for m in mentions if m["label"] == "MONEY"]
    by_text = {}
    for m in money:
        by_text.setdefault(m["text"], []).append(m)
    orgs = {}
    for m in mentions:
        if m["label"] == "ORG":
            n = m["norm"]
            orgs[(n["name"], n["acronym"])] = n
    countries = {m["norm"]["iso3"] for m in mentions if m["label"] == "COUNTRY"}
    date_norms = {(m["norm"]["start"], m["norm"]["end"]) for m in mentions if m["label"] == "DATE"}

    used = {}

    def take(t, occ, role):
        cands = by_text.get(t, [])
        if occ >= len(cands):
            fail(key, f"no MONEY mention #{occ} with text {t!r} ({role})")
        m = cands[occ]
        k = (m["start"], m["end"])
        if k in used:
            fail(key, f"MONEY {t!r}#{occ} used twice ({used[k]} and {role})")
        used[k] = role
        assert text[m["start"]:m["end"]] == t
        return {"start": m["start"], "end": m["end"], "text": t}

    def resolve_org(ref):
        hits = [n for (name, acr), n in orgs.items() if ref in (name, acr)]
        if len(hits) != 1:
            fail(key, f"channel {ref!r} resolves to {len(hits)} ORG norms")
        return {"name": hits[0]["name"], "acronym": hits[0]["acronym"]}

    facts = []
    for f in facts_spec:
        amount = take(f["anchor"], f["occ"], f"anchor {f['anchor']}")
        eqs = []
        for e in f["eq"]:
            t, occ = (e, 0) if isinstance(e, str) else e
            eqs.append(take(t, occ, f"equivalent of {f['anchor']}"))
        donor = f["donor"]
        if donor is None:
            pass
        elif isinstance(donor, str):
            if not re.fullmatch(r"[A-Z]{3}", donor):
                fail(key, f"bad donor {donor!r}")
            donor = {"iso3": donor}
        elif isinstance(donor, dict) and set(donor) == {"org"}:
            if not any(donor["org"] == name for (name, _a) in orgs):
                fail(key, f"donor org {donor['org']!r} is not an ORG norm name of the doc")
        else:
            fail(key, f"bad donor {donor!r}")
        rec = sorted(set(f["rec"]))
        for r in rec:
            if not re.fullmatch(r"[A-Z]{3}", r):
                fail(key, f"bad recipient {r!r}")
            if r not in countries:
                fail(key, f"recipient {r} is not a COUNTRY norm of the document")
        reg = sorted(set(f["reg"]))
        for r in reg:
            if r.lower().startswith("the ") or r not in text:
                fail(key, f"region {r!r} not written in the text / has article")
        chans = [resolve_org(c) for c in f["ch"]]
        if len({(c["name"], c["acronym"]) for c in chans}) != len(chans):
            fail(key, f"duplicate channel in {f['anchor']}")
        date = f["date"]
        if date is not None:
            date = tuple(date)
            if len(date) != 2 or date == (None, None):
                fail(key, f"bad date {date!r}")
            for d in date:
                if d is not None and not ISO_DATE.match(d):
                    fail(key, f"bad date {date!r}")
            if date[0] and date[1] and date[0] > date[1]:
                fail(key, f"date start after end {date!r}")
            if date not in date_norms:
                print(f"  warn {key}: date {date} of {f['anchor']!r} is not a DATE norm of the doc")
            date = {"start": date[0], "end": date[1]}
        if f["kind"] not in KINDS:
            fail(key, f"bad kind {f['kind']!r}")
        if f["status"] not in STATUSES:
            fail(key, f"bad status {f['status']!r}")
        if not isinstance(f["cum"], bool):
            fail(key, "cumulative must be bool")
        facts.append({"amount": amount, "equivalents": eqs, "donor": donor,
                      "recipients": rec, "regions": reg, "channels": chans,
                      "date": date, "kind": f["kind"], "status": f["status"],
                      "cumulative": f["cum"]})
    for (t, occ), why in not_facts.items():
        take(t, occ, f"not a fact: {why}")
    missing = [m["text"] for m in money if (m["start"], m["end"]) not in used]
    if missing:
        fail(key, f"MONEY mentions not decided: {missing}")
    facts.sort(key=lambda x: x["amount"]["start"])
    return {"doc_id": doc_id, "text_sha256": sha, "facts": facts}


def main():
    check_only = "--check" in sys.argv[1:]
    golds = {s: load_gold(s) for s in OUT}
    lines = {s: [] for s in OUT}
    for key in spec.DOCS:
        setname, doc_id = key.split("/")
        rec = build_doc(key, spec.DOCS[key], spec.NOT_FACTS.get(key, {}), golds[setname])
        lines[setname].append(rec)
        print(f"{key}: {len(rec['facts'])} facts")
    for s, recs in lines.items():
        expected = sorted(golds[s])
        got = sorted(r["doc_id"] for r in recs)
        if got != expected:
            raise SystemExit(f"ERROR {s}: docs {got} != gold docs {expected}")
        recs.sort(key=lambda r: r["doc_id"])
        total = sum(len(r["facts"]) for r in recs)
        print(f"{s}: {total} facts in {len(recs)} docs")
        if not check_only:
            body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)
            tmp = OUT[s].with_suffix(".tmp")
            tmp.write_text(body, encoding="utf-8")
            tmp.replace(OUT[s])
            print(f"wrote {OUT[s]}")


if __name__ == "__main__":
    main()
