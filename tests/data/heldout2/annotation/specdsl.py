"""Shorthands used by the spec_*.py files (see hlib.build for the meaning)."""


def C(s, iso3, ctx=None):
    return (s, "COUNTRY", iso3) + ((ctx,) if ctx else ())


def O(s, key, ctx=None):
    return (s, "ORG", key) + ((ctx,) if ctx else ())


def M(s, cur, approx, unit=None, amount=None, ctx=None):
    ns = {"cur": cur, "approx": approx}
    if unit is not None:
        ns["unit"] = unit
    if amount is not None:
        ns["amount"] = amount
    return (s, "MONEY", ns) + ((ctx,) if ctx else ())


def D(s, mod=None, year=None, ctx=None, norm=None):
    """mod: None (closed), "open" (since/from), "by" (by/until);
    year: default year for a month without one; norm: explicit (start, end)."""
    if norm is not None:
        ns = norm
    elif year is not None:
        ns = {"year": year}
    else:
        ns = mod
    return (s, "DATE", ns) + ((ctx,) if ctx else ())
