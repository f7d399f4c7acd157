#!/usr/bin/env python3
"""Print every gold fact with the line it sits in, for the second review
pass by hand: `python3 review.py [DOC]`. Stdlib only."""
import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent
for line in open(OUT / "facts-gold.jsonl", encoding="utf-8"):
    g = json.loads(line)
    if len(sys.argv) > 1 and g["doc_id"] != sys.argv[1]:
        continue
    text = (OUT / f"{g['doc_id']}.txt").read_text(encoding="utf-8")
    print(f"==== {g['doc_id']} ({len(g['facts'])} facts)")
    for f in g["facts"]:
        s, e = f["amount"]["start"], f["amount"]["end"]
        a = max(text.rfind(". ", 0, s) + 2, text.rfind("\n", 0, s) + 1)
        b = min(x for x in (text.find(". ", e), text.find("\n", e)) if x >= 0)
        sent = text[a:s] + "<<" + text[s:e] + ">>" + text[e:b + 1]
        d = f["date"]
        print(f"- {f['amount']['text']!r} eq={[x['text'] for x in f['equivalents']]}")
        print(f"    {sent}")
        print(f"    donor={f['donor']} rec={f['recipients']} reg={f['regions']} "
              f"ch={[c['acronym'] or c['name'] for c in f['channels']]} "
              f"date={None if d is None else (d['start'], d['end'])} "
              f"{f['kind']}/{f['status']}/cum={f['cumulative']}")
