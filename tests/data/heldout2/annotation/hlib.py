"""Helper for annotating the heldout2 documents without hand-computed offsets.

A document spec is an ordered list of mentions, each written as a tuple

    (surface, label, norm_spec[, context])

`surface` is searched forward from the end of the previous mention (so the
list must follow document order); an occurrence only counts if it is not
glued to a letter or digit on either side.  If `context` is given, the next
occurrence of `context` is found first and the surface is located inside it
(its first occurrence in the context).

label / norm_spec:
  "ORG"     norm_spec = key into the spec's ORGS dict: key -> (name, acronym)
  "COUNTRY" norm_spec = ISO 3166-1 alpha-3 code (checked with pycountry)
  "MONEY"   norm_spec = dict(cur=ISO4217, approx=bool[, unit=multiplier]
                             [, amount=explicit amount])
            the amount is parsed from the surface (digits, "million",
            "billion", "trillion"); `unit` multiplies a bare table number.
  "DATE"    norm_spec = None (closed period parsed from the surface),
            "open" (since/from X: end null), "by" (by X: start null),
            or a dict(year=YYYY) for a month without a year, or an explicit
            (start, end) tuple.
"""
import calendar
import hashlib
import re
from decimal import Decimal

import pycountry

MONTHS = {m: i for i, m in enumerate(calendar.month_name) if m}


def _last_day(y, m):
    return calendar.monthrange(y, m)[1]


def _iso(y, m, d):
    return f"{y:04d}-{m:02d}-{d:02d}"


def parse_point(s, default_year=None):
    """Return (start, end) of a single calendar expression."""
    s = s.strip()
    end_of = False
    if s.startswith("the end of "):
        end_of = True
        s = s[len("the end of "):]
    m = re.fullmatch(r"(?:FY ?|fiscal year )(\d{4})", s)
    if m:
        y = int(m.group(1))
        r = (_iso(y, 4, 1), _iso(y + 1, 3, 31))
    elif re.fullmatch(r"\d{4}", s):
        y = int(s)
        r = (_iso(y, 1, 1), _iso(y, 12, 31))
    elif re.fullmatch(r"\d{3}0s", s):
        y = int(s[:4])
        r = (_iso(y, 1, 1), _iso(y + 9, 12, 31))
    else:
        m = re.fullmatch(r"([A-Z][a-z]+)(?: (\d{1,2}))?(?:,? (\d{4}))?", s)
        if not m or m.group(1) not in MONTHS:
            raise ValueError(f"cannot parse date {s!r}")
        mo = MONTHS[m.group(1)]
        y = int(m.group(3)) if m.group(3) else default_year
        if y is None:
            raise ValueError(f"no year for {s!r}")
        if m.group(2):
            d = int(m.group(2))
            r = (_iso(y, mo, d), _iso(y, mo, d))
        else:
            r = (_iso(y, mo, 1), _iso(y, mo, _last_day(y, mo)))
    if end_of:
        r = (r[1], r[1])
    return r


def parse_date(s, default_year=None):
    """Closed period of a date expression, ranges included."""
    m = re.fullmatch(r"([A-Z][a-z]+) (\d{1,2})-(\d{1,2}), (\d{4})", s)
    if m:  # May 18-19, 2018
        mo, y = MONTHS[m.group(1)], int(m.group(4))
        return (_iso(y, mo, int(m.group(2))), _iso(y, mo, int(m.group(3))))
    m = re.fullmatch(r"((?:FY)?\d{4})-((?:FY)?\d{4})", s)
    if m:  # FY2014-FY2016, 2023-2025
        return (parse_point(m.group(1))[0], parse_point(m.group(2))[1])
    for sep in (" to ", " through "):
        if sep in s:
            a, b = s.split(sep, 1)
            eb = parse_point(b, default_year)
            yb = int(eb[1][:4])
            try:  # a start without a year takes the year of the end
                sa = parse_point(a, None)
            except ValueError:
                sa = parse_point(a, yb)
            return (sa[0], eb[1])
    return parse_point(s, default_year)


SCALE = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}


def parse_amount(s):
    m = re.search(r"-?\d[\d,]*(?:\.\d+)?", s)
    num = Decimal(m.group(0).replace(",", ""))
    for w, k in SCALE.items():
        if re.search(rf"\b{w}\b", s):
            num *= k
    return num


HEDGES = ["approximately", "about", "around", "some", "roughly", "nearly",
          "almost", "an estimated", "approx."]


def build(doc_id, text, orgs, spec):
    mentions = []
    cur = 0
    for item in spec:
        surface, label, ns = item[0], item[1], item[2]
        ctx = item[3] if len(item) > 3 else None
        pos = cur
        while True:
            if ctx is not None:
                # the context may begin before the cursor (e.g. it contains
                # the previous mention); the surface must lie at/after it
                c = text.find(ctx, max(0, pos - len(ctx)))
                while c >= 0 and text.find(surface, max(c, pos)) + len(surface) > c + len(ctx):
                    c = text.find(ctx, c + 1)
                if c < 0:
                    raise AssertionError(f"{doc_id}: context {ctx!r} not found after {cur}")
                i = text.find(surface, max(c, pos))
                assert 0 <= i and i + len(surface) <= c + len(ctx), (doc_id, surface, ctx)
            else:
                i = text.find(surface, pos)
                if i < 0:
                    raise AssertionError(f"{doc_id}: {surface!r} not found after {cur} (prev={mentions[-1]['text'] if mentions else None})")
            j = i + len(surface)
            before = text[i - 1] if i > 0 else " "
            after = text[j] if j < len(text) else " "
            if before.isalnum() or after.isalnum():
                pos = i + 1
                continue
            break
        if label == "ORG":
            name, acr = orgs[ns]
            norm = {"name": name, "acronym": acr}
        elif label == "COUNTRY":
            assert pycountry.countries.get(alpha_3=ns) is not None, ns
            norm = {"iso3": ns}
        elif label == "MONEY":
            amt = ns.get("amount")
            if amt is None:
                amt = parse_amount(surface) * Decimal(str(ns.get("unit", 1)))
            amt = Decimal(amt)
            amount = int(amt) if amt == amt.to_integral_value() else float(amt)
            norm = {"amount": amount, "currency": ns["cur"], "approximate": ns["approx"]}
            # cross-check the approximate flag against the words before it
            pre = text[max(0, i - 20):i].lower()
            hedged = any(pre.rstrip().endswith(h) for h in HEDGES)
            if hedged != ns["approx"]:
                print(f"WARN {doc_id}: approx flag {ns['approx']} vs hedge {hedged}: ...{text[max(0,i-25):j]!r}")
        elif label == "DATE":
            if isinstance(ns, tuple):
                st, en = ns
            else:
                dy = ns.get("year") if isinstance(ns, dict) else None
                st, en = parse_date(surface, dy)
                if ns == "open":
                    en = None
                elif ns == "by":
                    st = None
            norm = {"start": st, "end": en}
        else:
            raise ValueError(label)
        mentions.append({"start": i, "end": j, "label": label, "text": surface, "norm": norm})
        cur = j
    # invariants
    mentions.sort(key=lambda m: m["start"])
    for a, b in zip(mentions, mentions[1:]):
        assert a["end"] <= b["start"], ("overlap", a, b)
    for m in mentions:
        t = m["text"]
        assert text[m["start"]:m["end"]] == t
        assert t == t.strip()
        assert not t.lower().startswith("the ") or t.startswith("the end of") or t.startswith("the beginning of"), t
        assert t[-1] not in ".,;:)(’'\"”", t
    # one norm per organization
    by_key = {}
    for m in mentions:
        if m["label"] == "ORG":
            by_key.setdefault(m["norm"]["name"], set()).add(m["norm"]["acronym"])
    for k, v in by_key.items():
        assert len(v) == 1, (k, v)
    return {"doc_id": doc_id,
            "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "mentions": mentions}
