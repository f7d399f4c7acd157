import pytest

from odaextract.pipeline.spans import trim_span


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("the Philippines", "Philippines"),
        ("The Nippon Foundation.", "Nippon Foundation"),
        ("Japan's", "Japan"),
        ("Japan’s", "Japan"),
        ("“UNODC”,", "UNODC"),
        ("the U.S.,", "U.S."),
        ("Mitsui & Co., Ltd.", "Mitsui & Co., Ltd."),
        ("  Asia  ", "Asia"),
    ],
)
def test_trim_span_applies_guideline_boundaries(raw, expected):
    start, end = trim_span(raw, 0, len(raw))
    assert raw[start:end] == expected


def test_trim_span_can_leave_nothing():
    start, end = trim_span("“ ”", 0, 3)
    assert start == end
