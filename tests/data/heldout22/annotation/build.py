#!/usr/bin/env python3
"""Build ../gold.jsonl (mentions) and ../facts-gold.jsonl (facts) from the
readable specs in spec/*.json and the documents ../*.txt. Stdlib only.

Every span is located by (surface text, occurrence index): the n-th place
where the surface occurs with no letter or digit touching it. Nothing is
offset by hand. The script then checks, and stops on the first failure:

- text[start:end] == surface; no overlaps; no leading article, no leading or
  trailing whitespace or punctuation;
- the shape of every norm (ISO3 in the table below, ISO 4217-like code or
  null, int/float amount, bool approximate, ISO dates with start <= end,
  one ORG norm per key);
- MONEY amounts are parsed from the surface (number x scale word x table
  unit, Indian grouping allowed) and the currency cue in the surface agrees
  with the currency given; a hedge word just before the span that disagrees
  with `approximate` is printed as a warning (equivalents that inherit their
  pair's hedge are listed there on purpose);
- facts: anchor and equivalents are MONEY gold mentions of the same document;
  recipients are ISO3 codes that occur as COUNTRY gold mentions of the
  document; donor ISO3 likewise; channels are ORG keys that occur as ORG gold
  mentions; a fact date equals the norm of some DATE gold mention of the
  document, or (for `since X ... as of Y`) starts like one DATE mention and
  ends like another; kind / status / cumulative from the guideline's value sets.

Copied from heldout9 for heldout22 (ISO3 table + Madagascar and a few others; currencies + NOK, CNY, MMK with the cues "Norwegian kroner", "yuan", "kyat(s)"). Copied from heldout8 for heldout9 (ISO3 table + Togo; currencies + PKR and GEL,
with the cues "Pakistani rupees" and "GEL"). Copied from heldout7 for heldout8 (ISO3 table grown: Bhutan, Maldives, Eritrea;
currency: the cue "Nepalese rupees" -> NPR, and LKR added to the ISO 4217 set).
Copied from heldout6 for heldout7 (only the ISO3 table grown: Zimbabwe,
Serbia, Bosnia and Herzegovina, Israel and a few Balkan states). heldout6
had it from heldout5 (only the ISO3 and currency tables grown for
heldout6). heldout5 had adapted it from heldout4 (more ISO3 and currency codes;
an open side of a fact date, as in `as of X` -> null .. X, needs no DATE
mention). heldout4 adapted it from tests/data/heldout3/annotation/build.py (country and currency
tables, `FY` inside a span such as `the end of FY2014`, composite fact dates).

Run: python3 build.py            (check only)
     python3 build.py --write    (check and write the two gold files)
"""
import hashlib
import json
import re
import sys
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent

# The countries these documents use (checked against ISO 3166-1 by hand).
ISO3 = {
    "AFG": "Afghanistan", "ARM": "Armenia", "AZE": "Azerbaijan", "BFA": "Burkina Faso",
    "BGD": "Bangladesh", "CHN": "China", "DEU": "Germany", "EGY": "Egypt",
    "ETH": "Ethiopia", "FRA": "France", "GBR": "United Kingdom", "GEO": "Georgia",
    "HUN": "Hungary", "IDN": "Indonesia", "IND": "India", "IRQ": "Iraq",
    "ITA": "Italy", "JOR": "Jordan", "JPN": "Japan", "KAZ": "Kazakhstan",
    "KEN": "Kenya", "KGZ": "Kyrgyzstan", "LBN": "Lebanon", "MDA": "Moldova",
    "MLI": "Mali", "MMR": "Myanmar", "MOZ": "Mozambique", "MRT": "Mauritania",
    "NER": "Niger", "NPL": "Nepal", "PHL": "Philippines", "POL": "Poland",
    "ROU": "Romania", "RUS": "Russian Federation", "SVK": "Slovakia",
    "SYR": "Syrian Arab Republic", "TCD": "Chad", "TJK": "Tajikistan",
    "TKM": "Turkmenistan", "TUR": "Türkiye", "UKR": "Ukraine",
    "USA": "United States", "UZB": "Uzbekistan", "VNM": "Viet Nam",
    "SEN": "Senegal", "CIV": "Côte d'Ivoire", "NGA": "Nigeria", "TZA": "Tanzania",
    "UGA": "Uganda", "SSD": "South Sudan", "SOM": "Somalia", "SDN": "Sudan",
    "NOR": "Norway", "SWE": "Sweden", "NLD": "Netherlands", "CAN": "Canada",
    "AUS": "Australia", "KOR": "Korea, Republic of", "LKA": "Sri Lanka", "PAK": "Pakistan",
    "THA": "Thailand", "KHM": "Cambodia", "LAO": "Lao PDR", "MNG": "Mongolia", "SAU": "Saudi Arabia", "LBR": "Liberia", "GHA": "Ghana",
    "CAF": "Central African Republic", "DZA": "Algeria",
    # added for heldout5
    "IRN": "Iran", "TLS": "Timor-Leste", "FJI": "Fiji", "TON": "Tonga", "WSM": "Samoa",
    "VUT": "Vanuatu", "PNG": "Papua New Guinea", "SLB": "Solomon Islands", "KIR": "Kiribati",
    "NZL": "New Zealand", "TUV": "Tuvalu", "FSM": "Micronesia (Federated States of)",
    "PLW": "Palau", "MHL": "Marshall Islands", "NRU": "Nauru", "MAR": "Morocco",
    "COK": "Cook Islands", "NIU": "Niue", "DJI": "Djibouti", "MYS": "Malaysia",
    # added for heldout6
    "TUN": "Tunisia", "LBY": "Libya", "YEM": "Yemen", "PSE": "Palestine, State of",
    "HTI": "Haiti", "ECU": "Ecuador", "BRA": "Brazil", "MEX": "Mexico", "PER": "Peru",
    "ATG": "Antigua and Barbuda", "DMA": "Dominica", "CUB": "Cuba", "DOM": "Dominican Republic",
    "JAM": "Jamaica", "GRD": "Grenada", "LCA": "Saint Lucia", "VCT": "Saint Vincent and the Grenadines",
    "KNA": "Saint Kitts and Nevis", "BHS": "Bahamas", "BRB": "Barbados", "GUY": "Guyana",
    "GTM": "Guatemala", "HND": "Honduras", "SLV": "El Salvador", "NIC": "Nicaragua",
    "CRI": "Costa Rica", "PAN": "Panama", "COL": "Colombia", "BOL": "Bolivia", "CHL": "Chile",
    "ZMB": "Zambia", "MWI": "Malawi", "RWA": "Rwanda", "ZAF": "South Africa", "QAT": "Qatar",
    "ARE": "United Arab Emirates", "KWT": "Kuwait", "BEL": "Belgium", "CHE": "Switzerland",
    # added for heldout7
    "ZWE": "Zimbabwe", "SRB": "Serbia", "BIH": "Bosnia and Herzegovina", "ISR": "Israel",
    "MNE": "Montenegro", "TGO": "Togo", "BTN": "Bhutan", "MDV": "Maldives", "ERI": "Eritrea", "ALB": "Albania", "HRV": "Croatia", "MKD": "North Macedonia",
    # added for heldout22
    "MDG": "Madagascar", "SGP": "Singapore", "BRN": "Brunei Darussalam", "MUS": "Mauritius", "AGO": "Angola", "CMR": "Cameroon", "COD": "Congo, Democratic Republic of the", "NLD": "Netherlands",
}
# ISO 4217 codes used (DEM, FRF: historical codes, kept as the guidelines say).
CURRENCIES = {"USD", "JPY", "EUR", "GBP", "NPR", "INR", "BDT", "XOF", "AUD", "PHP", "NZD", "FJD", "CNY", "BRL", "PEN", "MXN", "HTG", "XCD", "KES", "EGP", "PKR", "AFN", "LKR", "GEL", "NOK", "CNY", "MMK"}
# What a currency cue in the surface implies (None: the cue fits several states).
CUES = [
    (r"Deutsche Mark", "DEM"), (r"A\$", "AUD"), (r"NZ\$", "NZD"), (r"F\$", "FJD"), (r"French francs?", "FRF"),
    (r"Sri Lanka rupees?", "LKR"), (r"Pakistani rupees?", "PKR"), (r"\bGEL\b", "GEL"), (r"Norwegian kroner", "NOK"), (r"\byuan\b", "CNY"), (r"\bkyats?\b", "MMK"), (r"Nepalese rupees?", "NPR"), (r"EC\$", "XCD"), (r"J\$", "JMD"), (r"R\$", "BRL"),
    (r"US\$|USD|US dollars?|\bdollars?\b", "USD"), (r"¥|\byen\b|JPY|Japanese yen", "JPY"),
    (r"\btaka\b", "BDT"), (r"Uganda shillings?", "UGX"), (r"\bgourdes?\b", "HTG"), (r"Colombian pesos?", "COP"), (r"\bsoles\b", "PEN"), (r"\bRp\b", "IDR"),
    (r"€|\beuros?\b|EUR", "EUR"), (r"£|GBP", "GBP"),
    (r"\bRs\.?|\brupees?\b", None), (r"\bpesos?\b", None), (r"\$", "USD"),
]
SCALES = {"thousand": 10**3, "million": 10**6, "millions": 10**6,
          "billion": 10**9, "billions": 10**9, "trillion": 10**12,
          "lakh": 10**5, "lakhs": 10**5, "crore": 10**7, "crores": 10**7}
APPROX = re.compile(r"(approximately|about|around|some|roughly|nearly|almost|"
                    r"an estimated|approx\.|app\.|c\.|in the region of|"
                    r"on the order of)\s*$", re.I)
KINDS = {"grant", "loan", "technical_cooperation", "contribution",
         "debt_relief", "aggregate", "unspecified"}
STATUS = {"pledged", "provided"}


def fail(msg):
    sys.exit("ERROR: " + msg)


def occurrences(text, surface):
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


def period(expr):
    """(first day, last day) of YYYY, YYYY-MM, YYYY-MM-DD or FYYYYY."""
    if m := re.fullmatch(r"FY(\d{4})", expr):
        y = int(m[1])
        return date(y, 4, 1), date(y + 1, 3, 31)
    if m := re.fullmatch(r"(\d{4})", expr):
        y = int(m[1])
        return date(y, 1, 1), date(y, 12, 31)
    if m := re.fullmatch(r"(\d{4})-(\d{2})", expr):
        y, mo = int(m[1]), int(m[2])
        nxt = date(y + mo // 12, mo % 12 + 1, 1)
        return date(y, mo, 1), nxt - timedelta(days=1)
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", expr):
        d = date(int(m[1]), int(m[2]), int(m[3]))
        return d, d
    fail(f"bad date expression {expr!r}")


def date_norm(expr):
    if expr.startswith(">"):
        s, _ = period(expr[1:])
        return {"start": s.isoformat(), "end": None}
    if expr.startswith("<"):
        _, e = period(expr[1:])
        return {"start": None, "end": e.isoformat()}
    if ".." in expr:
        a, b = expr.split("..")
        s, e = period(a)[0], period(b)[1]
    else:
        s, e = period(expr)
    if s > e:
        fail(f"date {expr!r} ends before it starts")
    return {"start": s.isoformat(), "end": e.isoformat()}


def parse_amount(surface, unit):
    if m := re.fullmatch(r"(\d+) dollars? (\d{1,2}) cents?", surface):
        return float(Decimal(m[1]) + Decimal(m[2]) / 100)
    nums = re.findall(r"-?\d[\d,]*(?:\.\d+)?", surface)
    if len(nums) != 1:
        fail(f"MONEY {surface!r}: expected one number, found {nums}")
    raw = nums[0]
    groups = raw.lstrip("-").split(".")[0].split(",")
    western = all(len(g) == 3 for g in groups[1:])
    indian = len(groups) > 1 and len(groups[-1]) == 3 and all(len(g) == 2 for g in groups[1:-1])
    if not (western or indian) or (len(groups) > 1 and not 1 <= len(groups[0]) <= 3):
        fail(f"MONEY {surface!r}: odd digit grouping {raw}")
    value = Decimal(raw.replace(",", ""))
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", surface)]
    scales = [SCALES[w] for w in words if w in SCALES]
    if len(scales) > 1:
        fail(f"MONEY {surface!r}: two scale words")
    value *= scales[0] if scales else 1
    value *= unit
    return int(value) if value == value.to_integral_value() else float(value)


def currency_cue(surface):
    for pat, cur in CUES:
        if re.search(pat, surface):
            return True, cur
    return False, None


def load(doc_id):
    spec = json.loads((HERE / "spec" / f"{doc_id}.json").read_text(encoding="utf-8"))
    text = (OUT / f"{doc_id}.txt").read_text(encoding="utf-8")
    return spec, text


def locate(text, ref, doc_id):
    occ = occurrences(text, ref["text"])
    if ref["occurrence"] >= len(occ):
        fail(f"{doc_id}: {ref['text']!r} has no occurrence #{ref['occurrence']}")
    s = occ[ref["occurrence"]]
    return s, s + len(ref["text"])


def build_doc(doc_id):
    spec, text = load(doc_id)
    orgs = spec["orgs"]
    for key, norm in orgs.items():
        if set(norm) != {"name", "acronym"} or not norm["name"] or \
                not (norm["acronym"] is None or isinstance(norm["acronym"], str)):
            fail(f"{doc_id}: bad ORG norm {key}")
    mentions, warnings = [], []
    for ref in spec["mentions"]:
        s, e = locate(text, ref, doc_id)
        surf = ref["text"]
        assert text[s:e] == surf
        if surf != surf.strip() or re.match(r"(?i)the\s(?!(end|beginning) of )", surf) or \
                re.search(r"[.,;:!?)\]’'\"]$", surf) and not surf.endswith("Rs."):
            fail(f"{doc_id}: bad span boundary {surf!r}")
        lab = ref["label"]
        if lab == "COUNTRY":
            if ref["iso3"] not in ISO3:
                fail(f"{doc_id}: unknown ISO3 {ref['iso3']} for {surf!r}")
            norm = {"iso3": ref["iso3"]}
        elif lab == "ORG":
            norm = dict(orgs[ref["org"]])
        elif lab == "DATE":
            norm = date_norm(ref["date"])
            years = {int(y) for y in re.findall(r"\d{4}", surf)}
            ny = {int(v[:4]) for v in norm.values() if v}
            fy = "FY" in surf.upper() or "FISCAL" in surf.upper()
            if years and not years <= (ny | {y for y in ny} | ({min(ny) - 1} if fy else set())) \
                    and not (fy and years <= {y for y in ny} | {y - 1 for y in ny}):
                fail(f"{doc_id}: DATE {surf!r} norm {norm} misses a year of the span")
        elif lab == "MONEY":
            cur = ref["currency"]
            if cur is not None and cur not in CURRENCIES:
                fail(f"{doc_id}: unknown currency {cur}")
            has_cue, cue = currency_cue(surf)
            if has_cue and cue is not None and cue != cur:
                fail(f"{doc_id}: {surf!r} reads as {cue}, spec says {cur}")
            if not has_cue and "unit" not in ref and cur is None:
                fail(f"{doc_id}: {surf!r} has neither a currency nor a unit")
            amount = parse_amount(surf, ref.get("unit", 1))
            approx = ref["approximate"]
            if not isinstance(approx, bool):
                fail(f"{doc_id}: approximate must be a bool")
            hedged = bool(APPROX.search(text[max(0, s - 30):s]))
            if hedged != approx:
                warnings.append(f"{doc_id}: {surf!r} approximate={approx} but "
                                f"text before is {text[max(0, s - 30):s]!r}")
            norm = {"amount": amount, "currency": cur, "approximate": approx}
        else:
            fail(f"{doc_id}: bad label {lab}")
        mentions.append({"start": s, "end": e, "label": lab, "text": surf, "norm": norm})
    mentions.sort(key=lambda m: m["start"])
    for a, b in zip(mentions, mentions[1:]):
        if b["start"] < a["end"]:
            fail(f"{doc_id}: overlap {a['text']!r} / {b['text']!r}")
    by_span = {(m["start"], m["end"]): m for m in mentions}
    countries = {m["norm"]["iso3"] for m in mentions if m["label"] == "COUNTRY"}
    org_names = {m["norm"]["name"] for m in mentions if m["label"] == "ORG"}
    date_norms = [m["norm"] for m in mentions if m["label"] == "DATE"]

    facts = []
    for f in spec["facts"]:
        def money_ref(ref):
            s, e = locate(text, ref, doc_id)
            m = by_span.get((s, e))
            if not m or m["label"] != "MONEY":
                fail(f"{doc_id}: fact amount {ref['text']!r} is not a MONEY gold mention")
            return {"start": s, "end": e, "text": m["text"]}
        amount = money_ref(f["anchor"])
        eqs = [money_ref(r) for r in f["equivalents"]]
        donor = f["donor"]
        if donor is None:
            dnorm = None
        elif donor.startswith("org:"):
            key = donor[4:]
            if orgs[key]["name"] not in org_names:
                fail(f"{doc_id}: donor org {key} not an ORG mention")
            dnorm = {"org": orgs[key]["name"]}
        else:
            if donor not in countries:
                fail(f"{doc_id}: donor {donor} not a COUNTRY mention")
            dnorm = {"iso3": donor}
        for r in f["recipients"]:
            if r not in countries:
                fail(f"{doc_id}: recipient {r} not a COUNTRY mention")
        chans = []
        for key in f["channels"]:
            if orgs[key]["name"] not in org_names:
                fail(f"{doc_id}: channel {key} not an ORG mention")
            chans.append(dict(orgs[key]))
        dn = None if f["date"] is None else date_norm(f["date"])
        # A fact date is the norm of one DATE mention, or (for `since X ...
        # as of Y`) the start of one DATE mention and the end of another.
        # heldout5: an open side (`as of X` -> null .. X) needs no DATE mention.
        if dn is not None and dn not in date_norms and not (
                (dn["start"] is None or any(d["start"] == dn["start"] for d in date_norms)) and
                (dn["end"] is None or any(d["end"] == dn["end"] for d in date_norms))):
            fail(f"{doc_id}: fact date {f['date']} is not made of DATE mention norms")
        if f["kind"] not in KINDS or f["status"] not in STATUS or \
                not isinstance(f["cumulative"], bool):
            fail(f"{doc_id}: bad kind/status/cumulative in {f}")
        facts.append({"amount": amount, "equivalents": eqs, "donor": dnorm,
                      "recipients": sorted(set(f["recipients"])),
                      "regions": sorted(set(f["regions"])),
                      "channels": chans, "date": dn, "kind": f["kind"],
                      "status": f["status"], "cumulative": f["cumulative"]})
    facts.sort(key=lambda x: x["amount"]["start"])
    anchors = [x["amount"]["start"] for x in facts]
    used = anchors + [e["start"] for x in facts for e in x["equivalents"]]
    if len(used) != len(set(used)):
        fail(f"{doc_id}: a MONEY mention is used by two facts")
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return ({"doc_id": doc_id, "text_sha256": sha, "mentions": mentions},
            {"doc_id": doc_id, "text_sha256": sha, "facts": facts}, warnings)


def main():
    golds, fgolds = [], []
    for p in sorted((HERE / "spec").glob("*.json")):
        g, fg, warns = build_doc(p.stem)
        for w in warns:
            print("warning:", w)
        golds.append(g)
        fgolds.append(fg)
        c = {}
        for m in g["mentions"]:
            c[m["label"]] = c.get(m["label"], 0) + 1
        print(p.stem, c, "facts:", len(fg["facts"]))
    if "--write" in sys.argv:
        with open(OUT / "gold.jsonl", "w", encoding="utf-8") as f:
            for g in golds:
                f.write(json.dumps(g, ensure_ascii=False) + "\n")
        with open(OUT / "facts-gold.jsonl", "w", encoding="utf-8") as f:
            for g in fgolds:
                f.write(json.dumps(g, ensure_ascii=False) + "\n")
        print("wrote gold.jsonl and facts-gold.jsonl")


if __name__ == "__main__":
    main()
