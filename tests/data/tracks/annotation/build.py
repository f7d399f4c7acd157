#!/usr/bin/env python3
"""Build the tracks-set gold files from the readable spec (stdlib only).

    python3 annotation/build.py            # build + verify, write the gold files
    python3 annotation/build.py --review   # also list uncovered tokens for a manual pass

Reads ../*.txt, spec_mentions.py, spec_facts.py; writes ../gold.jsonl,
../facts-gold.jsonl, ../tracks-gold.jsonl and ../tracks-expected.jsonl.
Every offset is computed here (no offset is written by hand) and checked.
"""
import hashlib
import json
import os
import re
import sys
from datetime import date

sys.dont_write_bytecode = True  # keep the annotation folder clean
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import spec_facts  # noqa: E402
import spec_mentions  # noqa: E402

LABELS = {"COUNTRY", "ORG", "MONEY", "DATE"}
KINDS = {"grant", "loan", "technical_cooperation", "contribution", "debt_relief", "aggregate", "unspecified"}
STATUSES = {"pledged", "provided"}
APPROX = ("approximately", "about", "around", "some", "roughly", "nearly", "almost", "an estimated", "approx.")
CURRENCY = {"$": "USD", "US$": "USD", "USD": "USD", "US dollars": "USD", "dollars": "USD",
            "¥": "JPY", "yen": "JPY", "JPY": "JPY", "€": "EUR", "euros": "EUR", "£": "GBP"}
SCALE = {"million": 10**6, "billion": 10**9, "trillion": 10**12}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]

errors = []


def fail(msg):
    errors.append(msg)


def is_word(c):
    return c.isalnum()


def find_forward(text, surface, cursor, ctx=None):
    """First occurrence of surface at/after cursor on word boundaries (inside ctx if given)."""
    pos = cursor
    while True:
        if ctx is not None:
            c = text.find(ctx, pos)
            if c < 0:
                return -1
            i = ctx.find(surface)
            i = c + i if i >= 0 else -1
        else:
            i = text.find(surface, pos)
        if i < 0:
            return -1
        j = i + len(surface)
        left_ok = i == 0 or not (is_word(text[i - 1]) and is_word(surface[0]))
        right_ok = j == len(text) or not (is_word(text[j]) and is_word(surface[-1]))
        if left_ok and right_ok:
            return i
        pos = i + 1


def parse_norm(doc_id, label, raw):
    if label == "COUNTRY":
        if not re.fullmatch(r"[A-Z]{3}", raw):
            fail(f"{doc_id}: bad iso3 {raw!r}")
        return {"iso3": raw}
    if label == "ORG":
        orgs = dict(spec_mentions.ORGS)
        orgs.update(spec_mentions.ORG_OVERRIDES.get(doc_id, {}))
        if raw not in orgs:
            fail(f"{doc_id}: unknown ORG key {raw!r}")
            return None
        name, acr = orgs[raw]
        return {"name": name, "acronym": acr}
    if label == "MONEY":
        parts = raw.split()
        amount, cur = int(parts[0]), parts[1]
        return {"amount": amount, "currency": cur, "approximate": len(parts) > 2 and parts[2] == "~"}
    if label == "DATE":
        s, e = raw.split()
        return {"start": None if s == ".." else s, "end": None if e == ".." else e}
    fail(f"{doc_id}: bad label {label}")


def parse_spec(doc_id, block):
    out = []
    for line in block.strip().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split(" | ")]
        if len(parts) not in (3, 4):
            fail(f"{doc_id}: bad spec line {line!r}")
            continue
        surface, label, raw = parts[:3]
        out.append((surface, label, raw, parts[3] if len(parts) == 4 else None))
    return out


def check_money(doc_id, text, m):
    """Re-read the amount, currency and approximate flag from the text."""
    s = m["text"]
    rx = re.fullmatch(r"(US\$|\$|¥|€|£)?([\d,]+(?:\.\d+)?)(?:\s(million|billion|trillion))?(?:\s(US dollars|dollars|yen|euros))?", s)
    if not rx or bool(rx.group(1)) == bool(rx.group(4)):
        fail(f"{doc_id}: MONEY span not parsed: {s!r}")
        return
    num = float(rx.group(2).replace(",", "")) * SCALE.get(rx.group(3) or "", 1)
    cur = CURRENCY[rx.group(1) or rx.group(4)]
    n = m["norm"]
    if round(num) != n["amount"] or cur != n["currency"]:
        fail(f"{doc_id}: MONEY norm {n} != text {s!r} ({round(num)} {cur})")
    before = text[max(0, m["start"] - 20):m["start"]].lstrip("(").rstrip()
    before = before.split("(")[-1].strip()
    approx = any(before.endswith(w) for w in APPROX)
    if approx != n["approximate"]:
        fail(f"{doc_id}: MONEY approximate flag of {s!r} at {m['start']} is {n['approximate']}, text says {approx}")


def check_date(doc_id, m):
    n, s = m["norm"], m["text"]
    years = set(re.findall(r"(?:FY)?(\d{4})", s))
    for k in ("start", "end"):
        if n[k] is not None:
            date.fromisoformat(n[k])
    if n["start"] and n["end"] and n["start"] > n["end"]:
        fail(f"{doc_id}: DATE {s!r} start after end")
    normyears = {v[:4] for v in (n["start"], n["end"]) if v}
    fy = s.startswith("FY")
    if fy:
        # FY2012 -> 2012-04-01 .. 2013-03-31
        if n["start"] and n["start"][5:] != "04-01":
            fail(f"{doc_id}: fiscal DATE {s!r} does not start in April")
        ok = n["start"][:4] == min(years) and n["end"] == f"{int(max(years)) + 1}-03-31"
        if not ok:
            fail(f"{doc_id}: fiscal DATE {s!r} norm {n}")
    elif not normyears <= years or not normyears:
        fail(f"{doc_id}: DATE {s!r} norm {n} does not match the years written")
    for i, mon in enumerate(MONTHS, 1):
        if mon in s:
            for k in ("start", "end"):
                if n[k] and int(n[k][5:7]) != i:
                    fail(f"{doc_id}: DATE {s!r} month mismatch in {k}")


def build_mentions(doc_id, text):
    spec = parse_spec(doc_id, spec_mentions.MENTIONS[doc_id])
    cursor, ments = 0, []
    for surface, label, raw, ctx in spec:
        if label not in LABELS:
            fail(f"{doc_id}: bad label {label!r}")
            continue
        i = find_forward(text, surface, cursor, ctx)
        if i < 0:
            fail(f"{doc_id}: {surface!r} ({label}) not found after offset {cursor}")
            continue
        m = {"start": i, "end": i + len(surface), "label": label, "text": surface,
             "norm": parse_norm(doc_id, label, raw)}
        m["_key"] = raw if label == "ORG" else None
        ments.append(m)
        cursor = m["end"]
    for a, b in zip(ments, ments[1:]):
        if b["start"] < a["end"]:
            fail(f"{doc_id}: overlap {a['text']!r} / {b['text']!r}")
    for m in ments:
        s = m["text"]
        assert text[m["start"]:m["end"]] == s
        if s != s.strip():
            fail(f"{doc_id}: whitespace at span edge {s!r}")
        if re.match(r"(?i)the\s", s) and not re.match(r"the (end|beginning) of ", s):
            fail(f"{doc_id}: leading article {s!r}")
        if s[-1] in ".,;:)’'\"":
            fail(f"{doc_id}: trailing punctuation {s!r}")
        if m["label"] == "MONEY":
            check_money(doc_id, text, m)
        if m["label"] == "DATE":
            check_date(doc_id, m)
    # one norm per organization within the document
    seen = {}
    for m in ments:
        if m["label"] == "ORG":
            k = (m["norm"]["name"], m["norm"]["acronym"])
            seen.setdefault(m["norm"]["name"], set()).add(k)
    for name, ks in seen.items():
        if len(ks) > 1:
            fail(f"{doc_id}: ORG {name!r} has several norms {ks}")
    return ments


def edition_year(doc_id, text):
    first = text.splitlines()[0]
    m = re.fullmatch(r"White Paper on Development Cooperation (\d{4})", first.strip())
    if m:
        return int(m.group(1)), "title"
    m = re.search(r"(?<!\d)(\d{4})(?!\d)", doc_id)
    return (int(m.group(1)), "file_name") if m else (None, None)


def build_facts(doc_id, text, ments):
    money = [m for m in ments if m["label"] == "MONEY"]
    by_text = {}
    for m in money:
        by_text.setdefault(m["text"], []).append(m)

    def money_ref(t):
        hits = by_text.get(t, [])
        if len(hits) != 1:
            fail(f"{doc_id}: MONEY {t!r} found {len(hits)} times among MONEY mentions")
            return None
        return hits[0]

    org_norm_by_key = {}
    for m in ments:
        if m["label"] == "ORG":
            org_norm_by_key[m["_key"]] = m["norm"]
    countries = {m["norm"]["iso3"] for m in ments if m["label"] == "COUNTRY"}
    used, facts, ids = set(), [], {}
    for f in spec_facts.FACTS[doc_id]:
        a = money_ref(f["anchor"])
        eqs = [money_ref(t) for t in f.get("eq", [])]
        if a is None or None in eqs:
            continue
        for m in [a] + eqs:
            if m["start"] in used:
                fail(f"{doc_id}: MONEY {m['text']!r} used by two facts")
            used.add(m["start"])
        for e in eqs:
            gap = text[a["end"]:e["start"]]
            if len(gap) > 20 or not re.fullmatch(r"\s*[(/]\s*(approximately |about )?", gap):
                fail(f"{doc_id}: equivalent {e['text']!r} is not written next to {a['text']!r}: {gap!r}")
        donor = f["donor"]
        donor = {"iso3": donor} if isinstance(donor, str) else donor
        if "iso3" in donor and donor["iso3"] not in countries:
            fail(f"{doc_id}: donor {donor} not a COUNTRY mention of the document")
        if "org" in donor and donor["org"] not in {n["name"] for n in org_norm_by_key.values()}:
            fail(f"{doc_id}: donor org {donor} not an ORG norm of the document")
        rec = f["rec"]
        if rec != sorted(set(rec)) or not set(rec) <= countries:
            fail(f"{doc_id}: recipients {rec} unsorted or not COUNTRY mentions")
        reg = f["reg"]
        if reg != sorted(set(reg)) or any(r not in text for r in reg):
            fail(f"{doc_id}: regions {reg}")
        chans = []
        for k in f["ch"]:
            if k not in org_norm_by_key:
                fail(f"{doc_id}: channel {k} is not an ORG mention of the document")
            else:
                chans.append(dict(org_norm_by_key[k]))
        d = f["date"]
        if d is not None:
            for v in d:
                if v is not None:
                    date.fromisoformat(v)
            if d[0] and d[1] and d[0] > d[1]:
                fail(f"{doc_id}: fact {f['id']} date start after end")
        if f["kind"] not in KINDS or f["status"] not in STATUSES or not isinstance(f["cum"], bool):
            fail(f"{doc_id}: fact {f['id']} bad kind/status/cumulative")
        if f["status"] == "pledged" and f["cum"]:
            fail(f"{doc_id}: fact {f['id']} is a pledge but cumulative")
        fact = {
            "amount": {"start": a["start"], "end": a["end"], "text": a["text"]},
            "equivalents": [{"start": e["start"], "end": e["end"], "text": e["text"]} for e in eqs],
            "donor": donor, "recipients": rec, "regions": reg, "channels": chans,
            "date": None if d is None else {"start": d[0], "end": d[1]},
            "kind": f["kind"], "status": f["status"], "cumulative": f["cum"],
        }
        if f["id"] in ids:
            fail(f"duplicate fact id {f['id']}")
        ids[f["id"]] = (fact, f)
        facts.append(fact)
    not_facts = spec_facts.NOT_FACTS.get(doc_id, {})
    for m in money:
        if m["start"] not in used and m["text"] not in not_facts:
            fail(f"{doc_id}: MONEY {m['text']!r} at {m['start']} is neither a fact, an equivalent nor listed in NOT_FACTS")
        if m["start"] in used and m["text"] in not_facts:
            fail(f"{doc_id}: MONEY {m['text']!r} is both a fact and NOT_FACTS")
    facts.sort(key=lambda x: x["amount"]["start"])
    return facts, ids


def as_of(fact, year):
    d = fact["date"]
    if d and d["end"]:
        return d["end"]
    return f"{year}-12-31" if year else None


def review(doc_id, text, ments):
    covered = [False] * len(text)
    for m in ments:
        for i in range(m["start"], m["end"]):
            covered[i] = True
    print(f"--- {doc_id}: uncovered tokens to review")
    toks = set()
    for rx in (r"[A-Z][\w’'\-]*(?:\s+(?:of|for|and|the|de|la|in)?\s*[A-Z][\w’'\-]*)*", r"[$¥€£]?\d[\d,.]*", r"[$¥€£]"):
        for mt in re.finditer(rx, text):
            if not any(covered[mt.start():mt.end()]):
                toks.add(mt.group(0))
    print(", ".join(sorted(toks)))


def main():
    want_review = "--review" in sys.argv
    docs = sorted(fn[:-4] for fn in os.listdir(ROOT) if fn.endswith(".txt"))
    if set(docs) != set(spec_mentions.MENTIONS):
        fail(f"documents {docs} != spec {sorted(spec_mentions.MENTIONS)}")
    gold, fgold, allfacts, years = [], [], {}, {}
    for doc_id in docs:
        raw = open(os.path.join(ROOT, doc_id + ".txt"), "rb").read()
        text = raw.decode("utf-8")
        if not text.endswith("\n") or "\r" in text:
            fail(f"{doc_id}: must end with a newline and use LF")
        sha = hashlib.sha256(raw).hexdigest()
        years[doc_id] = edition_year(doc_id, text)
        ments = build_mentions(doc_id, text)
        if want_review:
            review(doc_id, text, ments)
        facts, ids = build_facts(doc_id, text, ments)
        for fid, (fact, f) in ids.items():
            if fid in allfacts:
                fail(f"fact id {fid} in two documents")
            allfacts[fid] = (doc_id, fact, f)
        gold.append({"doc_id": doc_id, "text_sha256": sha,
                     "mentions": [{k: m[k] for k in ("start", "end", "label", "text", "norm")} for m in ments]})
        fgold.append({"doc_id": doc_id, "text_sha256": sha, "facts": facts})

    tgold, texp, in_track = [], [], {}
    for t in spec_facts.TRACKS:
        pts = []
        for fid in t["facts"]:
            if fid not in allfacts:
                fail(f"track {t['name']}: unknown fact {fid}")
                continue
            if fid in in_track:
                fail(f"fact {fid} in two tracks")
            in_track[fid] = t["name"]
            pts.append((fid,) + allfacts[fid])
        docs_in = [p[1] for p in pts]
        if len(set(docs_in)) != len(docs_in):
            fail(f"track {t['name']}: two facts of one document")
        if len(pts) < 2:
            fail(f"track {t['name']}: fewer than two facts")
        for fid, d, fact, f in pts:
            if not fact["cumulative"]:
                fail(f"track {t['name']}: {fid} is not cumulative")
        sig = {(json.dumps(p[2]["donor"], sort_keys=True), tuple(p[2]["recipients"]), tuple(sorted(p[3]["ch"]))) for p in pts}
        if len(sig) != 1:
            fail(f"track {t['name']}: donor/recipients/channel differ: {sig}")
        starts = {p[2]["date"]["start"][:4] for p in pts if p[2]["date"] and p[2]["date"]["start"]}
        if len(starts) > 1:
            fail(f"track {t['name']}: start years differ {starts}")
        keys = [(as_of(p[2], years[p[1]][0]), years[p[1]][0]) for p in pts]
        if keys != sorted(keys):
            fail(f"track {t['name']}: not in time order {keys}")
        tgold.append({"facts": [{"doc_id": d, "start": fact["amount"]["start"], "end": fact["amount"]["end"]}
                                for _, d, fact, _ in pts]})
        texp.append({"name": t["name"], "facts": t["facts"],
                     "series": [{"fact": fid, "doc_id": d, "edition_year": years[d][0],
                                 "edition_year_source": years[d][1], "as_of": k[0],
                                 "amount": fact["amount"]["text"]} for (fid, d, fact, _), k in zip(pts, keys)],
                     "expected_flags": t["flags"], "expected_changes": t["changes"]})
    # every cumulative fact outside a track should have a reason (documented in README)
    loose = sorted(fid for fid, (d, fact, f) in allfacts.items() if fact["cumulative"] and fid not in in_track)

    if errors:
        for e in errors:
            print("ERROR:", e, file=sys.stderr)
        print(f"{len(errors)} error(s); nothing written", file=sys.stderr)
        sys.exit(1)

    def write(name, rows):
        tmp = os.path.join(ROOT, name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        os.replace(tmp, os.path.join(ROOT, name))

    write("gold.jsonl", gold)
    write("facts-gold.jsonl", fgold)
    write("tracks-gold.jsonl", tgold)
    write("tracks-expected.jsonl", texp)

    # summary
    from collections import Counter
    print("doc | ORG COUNTRY MONEY DATE | facts (cumulative) | edition year (source)")
    tot = Counter()
    for g, fg in zip(gold, fgold):
        c = Counter(m["label"] for m in g["mentions"])
        tot.update(c)
        ncum = sum(f["cumulative"] for f in fg["facts"])
        y = years[g["doc_id"]]
        print(f"{g['doc_id']} | {c['ORG']} {c['COUNTRY']} {c['MONEY']} {c['DATE']} | {len(fg['facts'])} ({ncum}) | {y[0]} ({y[1]})")
    print(f"all | {tot['ORG']} {tot['COUNTRY']} {tot['MONEY']} {tot['DATE']} | {len(allfacts)} facts | "
          f"{len(tgold)} tracks, {sum(len(t['facts']) * (len(t['facts']) - 1) // 2 for t in tgold)} pairs")
    print("cumulative facts in no track:", ", ".join(loose))


if __name__ == "__main__":
    main()
