"""Value precision, recall and F1 of the MONEY finder on the finance-news suite.

The suite (``FINANCE_NEWS`` in tests/pipeline/test_money.py) is lower-case
finance-news money written for issue 14, in the manner of a peer's hidden
suite. A mention counts as correct when its span, amount, currency and
approximate flag all equal the expected ones (the evaluator's value match
on a span). Prints one line per miss and the totals:

    .venv/bin/python scripts/money_suite.py
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from odaextract.pipeline.money import find_money  # noqa: E402
from tests.pipeline.test_money import FINANCE_NEWS  # noqa: E402


def main() -> int:
    tp = fp = fn = 0
    for text, expected in FINANCE_NEWS:
        got = {(text[m.start : m.end], m.start, m.amount, m.currency, m.approximate) for m in find_money(text)}
        want = set()
        cursor = 0
        for span, amount, currency, approx in expected:
            start = text.index(span, cursor)
            cursor = start + len(span)
            want.add((span, start, Decimal(amount), currency, approx))
        tp += len(got & want)
        fp += len(got - want)
        fn += len(want - got)
        for miss in sorted(want - got, key=lambda x: x[1]):
            print(f"missed   {miss[0]!r} in {text!r}")
        for extra in sorted(got - want, key=lambda x: x[1]):
            print(f"spurious {extra[0]!r} ({extra[2]} {extra[3]}, approximate={extra[4]}) in {text!r}")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"finance-news suite: {len(FINANCE_NEWS)} texts, {tp + fn} amounts; value P {p:.3f} R {r:.3f} F1 {f1:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
