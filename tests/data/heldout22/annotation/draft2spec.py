#!/usr/bin/env python3
"""Turn the annotator's drafts (drafts/*.draft) into the plain documents
(../<doc>.txt) and the readable specs (spec/<doc>.json).

A draft is the document text with each mention written inline as
``[[surface|TAG]]``:

    C:ISO3            COUNTRY
    O:key             ORG, key into the ``@org key|name|acronym`` table ('-' = null)
    M:CUR[~][@N][#id] MONEY; CUR is ISO 4217 or 'null'; '~' = approximate;
                      '@N' = table unit 10**N; '#id' names it for the facts
    D:expr            DATE: YYYY, YYYY-MM, YYYY-MM-DD, FYYYYY; '>X' open end
                      (since / from X), '<X' open start (by / until X),
                      'A..B' a range

and, after ``@facts``, one fact per line:

    anchor | equivalents | donor | recipients | regions | channels | date | kind | status | cumulative

(``-`` = empty / null; donor is ISO3, ``org:key`` or ``-``; lists are
comma-separated; regions use ``_`` for spaces; date uses the DATE exprs).

The spec written here names every mention by its surface text and its
occurrence index (0-based count of earlier occurrences of the same surface
with no letter or digit touching it), so build.py can find it in the .txt
without any offset written by hand. Stdlib only. Copied unchanged from heldout9 for heldout22; from heldout8 for heldout9; from heldout7 for heldout8; copied unchanged from
heldout6 for heldout7, and from heldout5 for heldout6; heldout5 had it unchanged from
heldout4, which copied it unchanged from
tests/data/heldout3/annotation/draft2spec.py.
"""
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent
MARK = re.compile(r"\[\[([^|\]]+)\|([^\]]+)\]\]")


def occurrences(text, surface):
    """Start offsets of `surface` in `text` with no alnum char touching it."""
    out, i = [], 0
    while True:
        j = text.find(surface, i)
        if j < 0:
            return out
        before = text[j - 1] if j > 0 else " "
        after = text[j + len(surface)] if j + len(surface) < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            out.append(j)
        i = j + 1


def parse_draft(path):
    orgs, body, facts, mode = {}, [], [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("@org "):
            key, name, acr = line[5:].split("|")
            orgs[key] = {"name": name, "acronym": None if acr == "-" else acr}
        elif line == "@text":
            mode = "text"
        elif line == "@facts":
            mode = "facts"
        elif mode == "text":
            body.append(line)
        elif mode == "facts" and line.strip():
            facts.append(line)
    return orgs, "\n".join(body) + "\n", facts


def strip(marked):
    text, ments, pos, last = [], [], 0, 0
    for m in MARK.finditer(marked):
        text.append(marked[last:m.start()])
        pos += m.start() - last
        ments.append((pos, m.group(1), m.group(2)))
        text.append(m.group(1))
        pos += len(m.group(1))
        last = m.end()
    text.append(marked[last:])
    return "".join(text), ments


def tag_to_spec(surface, tag, orgs):
    kind, _, rest = tag.partition(":")
    if kind == "C":
        return {"label": "COUNTRY", "iso3": rest}, None
    if kind == "O":
        if rest not in orgs:
            sys.exit(f"unknown org key {rest!r} for {surface!r}")
        return {"label": "ORG", "org": rest}, None
    if kind == "D":
        return {"label": "DATE", "date": rest}, None
    if kind == "M":
        m = re.fullmatch(r"([A-Za-z]+)(~?)(?:@(\d+))?(?:#(\w+))?", rest)
        if not m:
            sys.exit(f"bad MONEY tag {tag!r}")
        cur, approx, unit, mid = m.groups()
        spec = {"label": "MONEY", "currency": None if cur == "null" else cur,
                "approximate": bool(approx)}
        if unit:
            spec["unit"] = 10 ** int(unit)
        return spec, mid
    sys.exit(f"bad tag {tag!r}")


def main():
    (HERE / "spec").mkdir(exist_ok=True)
    for draft in sorted((HERE / "drafts").glob("*.draft")):
        doc_id = draft.stem
        orgs, marked, fact_lines = parse_draft(draft)
        if "[[" in MARK.sub("", marked) or "]]" in MARK.sub("", marked):
            sys.exit(f"{draft.name}: unbalanced markup")
        text, ments = strip(marked)
        ids, mentions = {}, []
        for start, surface, tag in ments:
            spec, mid = tag_to_spec(surface, tag, orgs)
            occ = occurrences(text, surface)
            if start not in occ:
                sys.exit(f"{doc_id}: {surface!r} at {start} touches a letter or digit")
            entry = {"text": surface, "occurrence": occ.index(start)}
            entry.update(spec)
            if mid:
                if mid in ids:
                    sys.exit(f"{doc_id}: duplicate id {mid}")
                ids[mid] = {"text": surface, "occurrence": occ.index(start)}
            mentions.append(entry)
        facts = []
        for line in fact_lines:
            cols = [c.strip() for c in line.split("|")]
            if len(cols) != 10:
                sys.exit(f"{doc_id}: bad fact line {line!r}")
            anc, eqs, donor, recips, regions, chans, date, kind, status, cum = cols

            def ref(i):
                if i not in ids:
                    sys.exit(f"{doc_id}: fact refers to unknown MONEY id {i!r}")
                return dict(ids[i])

            lst = lambda c: [] if c == "-" else [x.strip() for x in c.split(",")]
            facts.append({
                "anchor": ref(anc),
                "equivalents": [ref(e) for e in lst(eqs)],
                "donor": None if donor == "-" else donor,
                "recipients": lst(recips),
                "regions": [r.replace("_", " ") for r in lst(regions)],
                "channels": lst(chans),
                "date": None if date == "-" else date,
                "kind": kind, "status": status,
                "cumulative": {"true": True, "false": False}[cum],
            })
        (OUT / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        spec = {"doc_id": doc_id, "orgs": orgs, "mentions": mentions, "facts": facts}
        with open(HERE / "spec" / f"{doc_id}.json", "w", encoding="utf-8") as f:
            f.write("{\n")
            f.write(f' "doc_id": {json.dumps(doc_id)},\n "orgs": {{\n')
            f.write(",\n".join(f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}"
                               for k, v in orgs.items()))
            f.write("\n },\n \"mentions\": [\n")
            f.write(",\n".join("  " + json.dumps(m, ensure_ascii=False) for m in mentions))
            f.write("\n ],\n \"facts\": [\n")
            f.write(",\n".join("  " + json.dumps(x, ensure_ascii=False) for x in facts))
            f.write("\n ]\n}\n")
        print(f"{doc_id}: {len(text.split())} words, {len(mentions)} mentions, {len(facts)} facts")


if __name__ == "__main__":
    main()
