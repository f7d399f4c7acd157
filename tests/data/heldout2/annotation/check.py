"""Second pass: list everything in the texts that looks like it could be a
mention but is not covered by the gold, for manual review."""
import re
import sys

import pycountry

from build import main

ALIASES = ["Viet Nam", "Vietnam", "Lao PDR", "Laos", "Türkiye", "Turkey", "Russia",
           "Burma", "Palestine", "PNG", "St. Lucia", "Bolivia", "Micronesia",
           "Korea", "Iran", "Syria", "Moldova", "Tanzania", "Venezuela", "Brunei",
           "Cook Islands", "Niue", "Tokelau", "Taiwan", "Kosovo", "Gaza", "Ivory Coast",
           "UK", "US", "USA", "U.S.", "Czechia", "Macedonia", "Swaziland", "Cape Verde",
           "Timor", "Congo", "Guinea", "Samoa", "Georgia", "Jordan", "Chad", "Niger",
           "Dominica", "Grenada", "Panama", "Mexico", "Tonga", "Nauru", "Palau"]


def country_names():
    names = set(ALIASES)
    for c in pycountry.countries:
        for a in ("name", "official_name", "common_name"):
            v = getattr(c, a, None)
            if v:
                names.add(v)
                if "," in v:
                    names.add(v.split(",")[0])
    return names


def occurrences(text, s):
    for m in re.finditer(re.escape(s), text):
        i, j = m.start(), m.end()
        if (i > 0 and text[i - 1].isalnum()) or (j < len(text) and text[j].isalnum()):
            continue
        yield i, j


def report(doc, text):
    ms = doc["mentions"]
    cov = [False] * len(text)
    for m in ms:
        for k in range(m["start"], m["end"]):
            cov[k] = True

    def covered(i, j):
        return any(cov[i:j])

    def ctx(i, j, w=35):
        return text[max(0, i - w):i].replace("\n", "⏎") + "[" + text[i:j] + "]" + text[j:j + w].replace("\n", "⏎")

    print("=" * 30, doc["doc_id"])
    print("-- uncovered occurrences of annotated surfaces")
    for s in sorted({m["text"] for m in ms}):
        for i, j in occurrences(text, s):
            if not covered(i, j):
                print("  ", ctx(i, j))
    print("-- uncovered country names")
    for s in sorted(country_names()):
        for i, j in occurrences(text, s):
            if not covered(i, j):
                print("  ", ctx(i, j))
    print("-- uncovered digits")
    for m in re.finditer(r"\d[\d,.]*", text):
        if not covered(m.start(), m.end()):
            print("  ", ctx(m.start(), m.end(), 25))
    print("-- uncovered capitalized runs")
    seen = set()
    for m in re.finditer(r"[A-ZÉÜ][\w’'\-]*(?:\s+(?:(?:of|the|and|for|du|in|on|to)\s+)*[A-ZÉÜ][\w’'\-]*)*", text):
        i, j = m.start(), m.end()
        # first word of a sentence alone is noise
        if not covered(i, j) and m.group(0) not in seen:
            seen.add(m.group(0))
            print("  ", m.group(0))
    print("-- partially covered capitalized runs (boundary check)")
    for m in re.finditer(r"[A-ZÉÜ][\w’'\-]*(?:\s+(?:(?:of|the|and|for|du|in|on|to)\s+)*[A-ZÉÜ][\w’'\-]*)*", text):
        i, j = m.start(), m.end()
        inside = [x for x in ms if x["start"] < j and x["end"] > i]
        if inside and not (len(inside) == 1 and inside[0]["start"] == i and inside[0]["end"] == j):
            print("  ", repr(m.group(0)), "->", [x["text"] for x in inside])


def listing(doc):
    for lab in ("ORG", "COUNTRY", "MONEY", "DATE"):
        print("--", lab)
        for m in doc["mentions"]:
            if m["label"] == lab:
                print("   %-45s %s" % (m["text"], m["norm"]))


if __name__ == "__main__":
    only = sys.argv[1] if len(sys.argv) > 1 else None
    import os
    from build import DATA
    for d in main(only):
        text = open(os.path.join(DATA, d["doc_id"] + ".txt"), encoding="utf-8").read()
        report(d, text)
        if "--list" in sys.argv:
            listing(d)
