"""A peer benchmark from assessed reviews: the mean or median of each score, rounded to one decimal.

mini-a scores offences 83.33, procedure 65, law 77.22, csirt 75, forensics 100, tech 93.75,
overall 82.73; tech.stats is not applicable. With L1 "no" instead, offences is (0 × 2 + 50) / 3 =
16.67, law (2 × 16.67 + 65) / 3 = 32.78 and overall (2 × 32.78 + 93.75) / 3 = 53.10.
"""

from __future__ import annotations

import dataclasses

import pytest

from assessing import MINI_A, assess_file, write_variant
from ncr.engine.peer_benchmark import PeerScores, build_benchmark, choose_peers, peer_scores


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> tuple[PeerScores, PeerScores]:
    weaker = write_variant(tmp_path_factory.mktemp("peers"), {"L1": "no"})
    return peer_scores(assess_file(MINI_A)), peer_scores(assess_file(weaker))


def test_the_mean_of_two_reviews(both: tuple[PeerScores, PeerScores]) -> None:
    bm = build_benchmark(list(both), ident="peers", stat="mean")
    assert bm.overall == 67.9  # (82.73 + 53.10) / 2 = 67.92
    assert bm.pillars == {"law": 55.0, "tech": 93.8}  # (77.22 + 32.78) / 2; 93.75 rounds to 93.8
    assert bm.indicators == {
        "law.offences": 50.0,  # (83.33 + 16.67) / 2
        "law.procedure": 65.0,
        "tech.csirt": 75.0,
        "tech.forensics": 100.0,
        # tech.stats: no review scores it, so it is left out and falls back to its pillar
    }


def test_the_median_is_not_the_mean(both: tuple[PeerScores, PeerScores]) -> None:
    strong, weak = both
    median = build_benchmark([strong, weak, strong], ident="peers", stat="median")
    mean = build_benchmark([strong, weak, strong], ident="peers", stat="mean")
    assert median.indicators["law.offences"] == 83.3  # middle of 16.67, 83.33, 83.33
    assert mean.indicators["law.offences"] == 61.1  # (83.33 × 2 + 16.67) / 3 = 61.11
    assert median.overall == 82.7 and mean.overall == 72.9  # (82.73 × 2 + 53.10) / 3 = 72.86


def test_title_and_source_say_what_it_was_built_from(both: tuple[PeerScores, PeerScores]) -> None:
    bm = build_benchmark(list(both), ident="peers", stat="median")
    assert (bm.id, bm.framework, bm.title) == ("peers", "mini", "Peers: median of 2 responses")
    assert bm.source == "built by ncr from 2 responses: XA-2026, XA-2026; statistic: median"
    one = build_benchmark(both[:1], ident="solo", stat="mean", title="Just Aurelia")
    assert one.title == "Just Aurelia"
    assert one.source == "built by ncr from 1 response: XA-2026; statistic: mean"


def test_peers_are_each_countrys_latest_final_review(both: tuple[PeerScores, PeerScores]) -> None:
    first, _ = both
    later = dataclasses.replace(first, year=2027)
    draft = dataclasses.replace(first, year=2028, status="draft")
    chosen = choose_peers([first, later, draft], include_drafts=False)
    assert chosen.kept == [later]
    assert [(a.year, why) for a, why in chosen.left_out] == [
        (2026, "XA 2027 is a later review of the country"),
        (2028, "a draft (pass --include-drafts to count drafts)"),
    ]
    assert choose_peers([first, later, draft], include_drafts=True).kept == [draft]
    assert build_benchmark(chosen.kept, ident="p", stat="mean").peers[0].model_dump() == {
        "country": "XA",
        "year": 2027,
    }


def test_a_world_of_reviews_is_named_while_it_fits_then_counted(
    both: tuple[PeerScores, PeerScores],
) -> None:
    # 600 countries named one by one would be 5,400 characters; `source` holds 5,000
    codes = [chr(65 + n // 26) + chr(65 + n % 26) for n in range(600)]
    world = [dataclasses.replace(both[0], country=code) for code in codes]
    bm = build_benchmark(world, ident="world", stat="median")
    assert bm.title == "Peers: median of 600 responses"
    assert bm.source.startswith("built by ncr from 600 responses: AA-2026, AB-2026, ")
    # 1,500 characters of "AA-2026, " (9 each) name 166 reviews: AA … GJ (6 × 26 + 10)
    assert bm.source.endswith("GJ-2026 and 434 more; statistic: median")
    assert len(bm.source) < 5000
    assert len(bm.peers) == 600
