"""Build tests/data/heldout2/gold.jsonl from the spec_*.py files."""
import importlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from hlib import build  # noqa: E402

# the documents live one level up when this file sits in heldout2/annotation/
DATA = os.environ.get("HELDOUT2_DIR") or (
    os.path.dirname(HERE) if os.path.basename(HERE) == "annotation"
    else "/work/main/tests/data/heldout2")
SPECS = ["spec_oda_2012_asia", "spec_wpdc_2016_latin_america",
         "spec_wpdc_2018_pacific_islands", "spec_wpdc_2024_ukraine"]


def main(only=None):
    out = []
    for name in SPECS:
        if not os.path.exists(os.path.join(HERE, name + ".py")):
            print("missing", name)
            continue
        mod = importlib.import_module(name)
        if only and mod.DOC_ID != only:
            continue
        with open(os.path.join(DATA, mod.DOC_ID + ".txt"), encoding="utf-8") as f:
            text = f.read()
        out.append(build(mod.DOC_ID, text, mod.ORGS, mod.SPEC))
    return out


if __name__ == "__main__":
    docs = main()
    if "--write" in sys.argv:
        with open(os.path.join(DATA, "gold.jsonl"), "w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
    for d in docs:
        c = {}
        for m in d["mentions"]:
            c[m["label"]] = c.get(m["label"], 0) + 1
        print(d["doc_id"], len(d["mentions"]), c)
