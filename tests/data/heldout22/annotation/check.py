#!/usr/bin/env python3
"""Second pass over ../gold.jsonl: print what no mention covers, for review
by hand. Stdlib only (so the country list below is a small hand-made one:
the names the heldout5-7 documents may use; heldout7 added Zimbabwe, Malawi,
the Balkan states, Israel and some demonyms). Adapted from heldout3; copied
from heldout5 for heldout6 with one fix: the number regex no longer takes a
trailing comma or full stop, which listed covered years as leftovers.

- every digit run, currency sign and month name outside a mention;
- every capitalized run outside a mention (minus sentence-initial function
  words);
- every occurrence of a country name from the list, or of an already
  annotated surface, that no mention covers;
- `--render DOC` prints the document with mentions in brackets.
"""
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent
COUNTRY_NAMES = """Afghanistan Armenia Australia Azerbaijan Bangladesh China Egypt Ethiopia France
Georgia Germany Ghana Hungary India Indonesia Iran Iraq Japan Jordan Kazakhstan Kenya Kyrgyz Kyrgyzstan
Lebanon Liberia Moldova Mozambique Myanmar Nepal Niger Nigeria Pakistan Philippines Poland Romania
Russia Slovakia Syria Tajikistan Tanzania Thailand Turkey Türkiye Turkmenistan Ukraine Uzbekistan
Vietnam Mali Sudan Somalia Chad Senegal Korea Australia Burma Palestine Afghan Tajik
Fiji Samoa Tonga Vanuatu Tuvalu Kiribati Nauru Palau Mauritania Djibouti Cambodia Laos Mongolia
Burkina Malian Bangladeshi Philippine Filipino Indian Pacific Zealand Ivoire Timor
Bhutan Maldives Lanka Haiti Eritrea Zimbabwe Malawi Serbia Bosnia Herzegovina Israel Montenegro Albania Croatia Macedonia Kosovo
Madagascar Singapore Brunei Norway Norwegian Sinhalese Tamil Mandalay Sagaing Juba Khartoum Yokohama Somali Thai Iraqi Palestinian Ghana Egypt Senegal Rwanda Viet Lao Mekong Jordan Lebanon""""".split()
MULTI = ["Sri Lanka", "Viet Nam", "United States", "United Kingdom", "South Africa", "South Sudan",
         "Saudi Arabia", "Central African Republic", "Kyrgyz Republic", "Côte d'Ivoire", "Lao PDR",
         "Papua New Guinea", "New Zealand", "Marshall Islands", "Solomon Islands", "Timor-Leste",
         "Burkina Faso", "Republic of Korea", "Horn of Africa", "Sahel", "Sub-Saharan Africa"]
MONTHS = "January February March April May June July August September October November December".split()
SKIP = set("The A An In On At By Of For To And With Through As Since From Under Its It This These "
           "According Together Separately Japan’s Donor Traffic Microloans Pledges".split())


def covered(mentions, s, e):
    return any(m["start"] <= s and e <= m["end"] for m in mentions)


def main():
    golds = [json.loads(l) for l in open(OUT / "gold.jsonl", encoding="utf-8")]
    if "--render" in sys.argv:
        doc = sys.argv[sys.argv.index("--render") + 1]
        g = next(g for g in golds if g["doc_id"] == doc)
        text = (OUT / f"{doc}.txt").read_text(encoding="utf-8")
        out, last = [], 0
        for m in g["mentions"]:
            out.append(text[last:m["start"]])
            tag = {"COUNTRY": "C", "ORG": "O", "MONEY": "M", "DATE": "D"}[m["label"]]
            out.append(f"[{m['text']}|{tag}]")
            last = m["end"]
        out.append(text[last:])
        print("".join(out))
        return
    for g in golds:
        text = (OUT / f"{g['doc_id']}.txt").read_text(encoding="utf-8")
        ms = g["mentions"]
        print(f"== {g['doc_id']}")
        for m in re.finditer(r"[$¥€£]|\d(?:[\d,.]*\d)?", text):
            if not covered(ms, m.start(), m.end()):
                ctx = text[max(0, m.start() - 25):m.end() + 15].replace("\n", " / ")
                print(f"  NUM  {m.group()!r:14} ...{ctx}...")
        for m in re.finditer(r"\b(?:%s)\b" % "|".join(MONTHS + COUNTRY_NAMES + MULTI), text):
            if not covered(ms, m.start(), m.end()):
                print(f"  NAME {m.group()!r:14} ...{text[max(0, m.start() - 25):m.end() + 20]!r}")
        surfaces = {m["text"] for m in ms if m["label"] in ("ORG", "COUNTRY")}
        for s in sorted(surfaces):
            for m in re.finditer(r"(?<![\w])%s(?![\w])" % re.escape(s), text):
                if not covered(ms, m.start(), m.end()):
                    print(f"  SURF {s!r:14} ...{text[max(0, m.start() - 25):m.end() + 20]!r}")
        caps = set()
        for m in re.finditer(r"[A-Z][\w’'-]*(?:\s+(?:of|for|and|the|de|in)?\s*[A-Z][\w’'-]*)*", text):
            if m.group() in SKIP or covered(ms, m.start(), m.end()):
                continue
            caps.add(m.group())
        print("  CAPS", sorted(caps))


if __name__ == "__main__":
    main()
