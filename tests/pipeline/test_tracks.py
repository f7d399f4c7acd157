"""Tracks over the multi-edition set (tests/data/tracks/): four editions of a
peacebuilding chapter with running totals and distractors that must stay apart."""

from __future__ import annotations

import json
import shutil

import pytest

from odaextract.pipeline.run import run
from odaextract.pipeline.tracks import channel_keys
from tests.conftest import ROOT

TRACKS = ROOT / "tests" / "data" / "tracks"
EDITIONS = sorted(TRACKS.glob("wpdc-*.txt"))


def _jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def editions_run(annotator, tmp_path_factory):
    out = tmp_path_factory.mktemp("tracks")
    run([TRACKS], out, annotator=annotator)
    return out, _jsonl(out / "tracks.jsonl"), {f["id"]: f for f in _jsonl(out / "facts.jsonl")}


def _track_of(tracks, facts, doc_year, text):
    fact_id = next(i for i, f in facts.items() if f["amount"]["text"] == text and str(doc_year) in f["doc_id"])
    return next((t for t in tracks if any(p["fact_id"] == fact_id for p in t["series"])), None)


def test_a_fund_under_three_names_is_one_track(editions_run):
    _, tracks, facts = editions_run
    track = _track_of(tracks, facts, 2014, "$42.5 million")
    assert [p["amount"] for p in track["series"]] == [42_500_000, 47_500_000, 52_500_000, 60_500_000]
    assert [p["edition_year"] for p in track["series"]] == [2014, 2016, 2019, 2022]
    assert [p["change"] for p in track["series"]] == [None, 5_000_000, 5_000_000, 8_000_000]
    assert track["since"] == "2006-01-01"


def test_two_totals_of_one_edition_are_flagged_and_the_same_currency_point_kept(editions_run):
    _, tracks, facts = editions_run
    track = _track_of(tracks, facts, 2014, "$42.5 million")
    flags = [f for f in track["flags"] if f.startswith("same-edition:")]
    assert len(flags) == 1 and "wpdc-2019-peacebuilding" in flags[0]
    assert _track_of(tracks, facts, 2019, "¥5.8 billion") is None


def test_a_falling_total_is_flagged(editions_run):
    _, tracks, facts = editions_run
    track = _track_of(tracks, facts, 2014, "$450 million")
    assert [p["amount"] for p in track["series"]] == [450_000_000, 620_000_000, 590_000_000]
    assert any(flag.startswith("decrease:") for flag in track["flags"])


def test_change_uses_the_equivalents_the_texts_give_and_never_a_rate_of_its_own(editions_run):
    _, tracks, facts = editions_run
    track = _track_of(tracks, facts, 2016, "$18.4 million")
    points = track["series"]
    # 2016 gives ¥2.2 billion beside $18.4 million; 2019 says ¥2.6 billion: +¥0.4 billion.
    assert (points[1]["change"], points[1]["change_currency"]) == (400_000_000, "JPY")
    # 2019 is in yen only, 2022 in dollars only: no stated rate, no change.
    assert points[2]["change"] is None


def test_the_same_recipient_with_another_start_year_stays_apart(editions_run):
    _, tracks, facts = editions_run
    since_2011 = _track_of(tracks, facts, 2014, "$450 million")
    since_2013 = _track_of(tracks, facts, 2019, "$210 million")
    assert since_2011 is not None and since_2013 is not None and since_2011["id"] != since_2013["id"]
    assert since_2013["since"] == "2013-12-01"


def test_distractors_are_in_no_track(editions_run):
    _, tracks, facts = editions_run
    in_tracks = {p["fact_id"] for t in tracks for p in t["series"]}
    for fact_id, fact in facts.items():
        if fact["donor"] != {"iso3": "JPN"} or not fact["cumulative"] or fact["status"] == "pledged":
            assert fact_id not in in_tracks, fact["sentence"]


def test_edition_year_sources(editions_run):
    out, _, _ = editions_run
    documents = {d["doc_id"]: d for d in _jsonl(out / "documents.jsonl")}
    assert documents["wpdc-2019-peacebuilding"]["edition_year_source"] == "file_name"
    assert documents["wpdc-2022-peacebuilding"]["edition_year_source"] == "title"


def test_adding_next_years_edition_extends_the_track_without_reprocessing(tmp_path, annotator):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for path in EDITIONS[:-1]:
        shutil.copy(path, inputs)
    out = tmp_path / "out"
    run([inputs], out, annotator=annotator)
    before = {t["id"]: len(t["series"]) for t in _jsonl(out / "tracks.jsonl")}
    shutil.copy(EDITIONS[-1], inputs)
    result = run([inputs], out, annotator=annotator)
    assert (result.count("processed"), result.count("skipped")) == (1, len(EDITIONS) - 1)
    after = _jsonl(out / "tracks.jsonl")
    assert sum(len(t["series"]) for t in after) > sum(before.values())
    assert any(p["doc_id"] == EDITIONS[-1].stem for t in after for p in t["series"])


@pytest.mark.parametrize(
    "a, b",
    [
        (("IMO Djibouti Code of Conduct Trust Fund", None), ("Djibouti Code of Conduct Trust Fund", None)),
        (("United Nations Peacebuilding Fund", None), ("Peacebuilding Fund", "PBF")),
        (("UN Peacebuilding Fund", None), ("Peacebuilding Fund", "PBF")),
        (("Office of the United Nations High Commissioner for Refugees", "UNHCR"), ("UNHCR", None)),
    ],
)
def test_one_organization_under_its_names_is_one_channel(a, b):
    assert channel_keys(*a) & channel_keys(*b)


@pytest.mark.parametrize(
    "a, b",
    [
        (("UNDP Trust Fund", None), ("UNICEF Trust Fund", None)),  # an owner prefix alone does not make a name
        (("Peacebuilding Fund", "PBF"), ("Global Fund", None)),
    ],
)
def test_different_organizations_stay_apart(a, b):
    assert not channel_keys(*a) & channel_keys(*b)
