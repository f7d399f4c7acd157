#!/usr/bin/env python3
"""Mark every still-unmarked occurrence of the country names below in the
@text part of drafts/*.draft as [[Name|C:ISO3]] (helper written for
heldout19; run before draft2spec.py, then review the diff by hand)."""
import re, sys
from pathlib import Path
NAMES = {"Japan": "JPN", "Pakistan": "PAK", "Afghanistan": "AFG", "Mali": "MLI",
         "India": "IND", "Bangladesh": "BGD", "Myanmar": "MMR", "Niger": "NER",
         "Mauritania": "MRT", "Burkina Faso": "BFA", "France": "FRA", "Algeria": "DZA",
         "United States": "USA", "Tonga": "TON", "Fiji": "FJI", "Australia": "AUS",
         "New Zealand": "NZL", "China": "CHN", "Tuvalu": "TUV", "Palau": "PLW",
         "Samoa": "WSM", "Vanuatu": "VUT", "Kiribati": "KIR", "Solomon Islands": "SLB",
         "Papua New Guinea": "PNG", "Marshall Islands": "MHL", "Nauru": "NRU",
         "Federated States of Micronesia": "FSM", "Cook Islands": "COK", "Niue": "NIU"}
MARK = re.compile(r"\[\[[^\]]+\]\]")
pat = re.compile(r"(?<![\w-])(" + "|".join(sorted(map(re.escape, NAMES), key=len, reverse=True)) + r")(?![\w-])")
for p in sys.argv[1:]:
    lines = Path(p).read_text(encoding="utf-8").split("\n")
    out, mode, n = [], None, 0
    for l in lines:
        if l in ("@text", "@facts"):
            mode = l
        elif mode == "@text":
            parts, last, new = [], 0, []
            for m in MARK.finditer(l):
                seg = l[last:m.start()]
                new.append(pat.sub(lambda x: f"[[{x.group(1)}|C:{NAMES[x.group(1)]}]]", seg))
                new.append(m.group(0)); last = m.end()
            new.append(pat.sub(lambda x: f"[[{x.group(1)}|C:{NAMES[x.group(1)]}]]", l[last:]))
            nl = "".join(new); n += nl.count("[[") - l.count("[["); l = nl
        out.append(l)
    Path(p).write_text("\n".join(out), encoding="utf-8")
    print(p, "added", n)
