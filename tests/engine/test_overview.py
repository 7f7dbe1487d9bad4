"""The overview engine: ranks, heat-map cells, common strengths and weaknesses, latest reviews.

The reviews are the files in tests/fixtures/overview/, scored by the real pipeline against the mini
framework's `ref` benchmark (overall 60, law 70, tech 60; law.offences 80, tech.forensics 50).
Each file's comment shows its scores computed by hand:

    XA 2023 61.44 · XA 2026 82.73 (law 77.22, tech 93.75) · XB 2026 100 (everything 100)
    XC 2026 27.85 (law 32.78, tech 18) · XD 2026 60 (law 80, tech 20)
"""

from __future__ import annotations

import pytest

from comparing import ALL, snapshots
from ncr.engine.overview import NotComparable, Overview, build_overview, shade
from ncr.engine.result import DocumentRef


@pytest.fixture(scope="module")
def overview() -> Overview:
    return build_overview(snapshots(*ALL), ncr_version="test")


def test_countries_are_ranked_by_overall_score(overview: Overview) -> None:
    ranked = [
        (r.rank, r.country.code, r.year, round(r.overall.score or 0, 2)) for r in overview.countries
    ]
    assert ranked == [
        (1, "XB", 2026, 100.0),
        (2, "XA", 2026, 82.73),
        (3, "XD", 2026, 60.0),
        (4, "XC", 2026, 27.85),
    ]


def test_each_country_is_held_against_the_benchmark(overview: Overview) -> None:
    rows = {r.country.code: r for r in overview.countries}
    assert overview.reference == 60.0
    assert [(c.id, c.reference) for c in overview.pillars] == [("law", 70.0), ("tech", 60.0)]
    # XD: 60 − 60 = 0 is a strength (delta ≥ 0); XC: 27.85 − 60 = −32.15 a weakness.
    assert (rows["XD"].overall.delta, rows["XD"].overall.status) == (0.0, "strength")
    assert rows["XC"].overall.delta == pytest.approx(-32.148, abs=1e-3)
    assert rows["XC"].overall.status == "weakness"


def test_heat_map_cells_carry_score_level_band_and_status(overview: Overview) -> None:
    cells = {
        (r.country.code, p.id): (round(p.score or 0, 2), p.level, p.band, p.status, p.delta)
        for r in overview.countries
        for p in r.pillars
    }
    # Bands count from 0 on the mini scale (0 Start-up … 4 Dynamic, at 0/20/40/60/80).
    assert cells[("XD", "law")] == (80.0, 5, 4, "strength", 10.0)  # 80 − 70
    assert cells[("XD", "tech")] == (20.0, 2, 1, "weakness", -40.0)  # 20 − 60
    assert cells[("XC", "tech")] == (18.0, 1, 0, "weakness", -42.0)
    assert cells[("XA", "law")][:4] == (77.22, 4, 3, "strength")
    assert cells[("XB", "tech")] == (100.0, 5, 4, "strength", 40.0)
    assert all(len(r.pillars) == 2 for r in overview.countries)


def test_most_common_strengths_and_weaknesses_count_latest_reviews(overview: Overview) -> None:
    strengths = [(c.indicator, c.count, c.countries) for c in overview.strengths]
    assert strengths == [
        ("law.offences", 3, ["XA", "XB", "XD"]),
        ("tech.csirt", 3, ["XA", "XB", "XD"]),
        ("tech.forensics", 2, ["XA", "XB"]),
        ("law.procedure", 1, ["XB"]),
        ("tech.stats", 1, ["XB"]),
    ]
    # law.offences was also a weakness of XA in 2023 (66.67 < 80 − 10); 2023 is not counted.
    weaknesses = [(c.indicator, c.count, c.countries) for c in overview.weaknesses]
    assert weaknesses == [
        ("tech.forensics", 2, ["XC", "XD"]),
        ("tech.stats", 2, ["XC", "XD"]),
        ("law.offences", 1, ["XC"]),
        ("law.procedure", 1, ["XD"]),
        ("tech.csirt", 1, ["XC"]),
    ]


def test_a_country_reviewed_twice_shows_its_latest_review_and_the_change(
    overview: Overview,
) -> None:
    aurelia = next(r for r in overview.countries if r.country.code == "XA")
    assert aurelia.year == 2026
    assert aurelia.file.endswith("xa-2026.yaml")
    assert aurelia.previous is not None
    assert aurelia.previous.year == 2023
    assert aurelia.previous.score == pytest.approx(61.435, abs=1e-3)
    assert aurelia.previous.delta == pytest.approx(82.731 - 61.435, abs=1e-3)  # +21.30
    assert all(r.previous is None for r in overview.countries if r.country.code != "XA")


def test_the_latest_review_wins_whatever_the_order_given() -> None:
    reversed_order = build_overview(snapshots("xa-2026", "xa-2023"), ncr_version="test")
    (row,) = reversed_order.countries
    assert (row.year, row.previous and row.previous.year) == (2026, 2023)


def test_the_framework_shown_is_the_newest_reviews_not_the_first_given() -> None:
    # Aurelia 2023 given first, as if reviewed on an older release of the framework
    older, newer = snapshots("xa-2023", "xa-2026")
    was = older.framework.model_copy(update={"version": "0.9.0"})
    mixed = build_overview([older.model_copy(update={"framework": was}), newer], ncr_version="t")
    assert mixed.framework == newer.framework
    assert mixed.framework.version != "0.9.0"


def test_drafts_and_classifications_of_the_reviews_shown_are_kept(overview: Overview) -> None:
    assert overview.draft  # XC 2026 is a draft
    assert [r.country.code for r in overview.countries if r.draft] == ["XC"]
    assert overview.classifications == ["RESTRICTED"]  # XA 2026's


def test_equal_scores_share_a_rank_and_the_next_rank_skips() -> None:
    (xb, xd) = snapshots("xb-2026", "xd-2026")
    twin = xb.model_copy(update={"country": xb.country.model_copy(update={"code": "XE"})})
    ranks = build_overview([xd, twin, xb], ncr_version="test").countries
    assert [(r.rank, r.country.code) for r in ranks] == [(1, "XB"), (1, "XE"), (3, "XD")]


def test_reviews_of_different_frameworks_are_refused_naming_both() -> None:
    (xb, xc) = snapshots("xb-2026", "xc-2026")
    other = xc.model_copy(
        update={"framework": DocumentRef(id="ncr-core", version="1.0.0"), "file": "other.yaml"}
    )
    with pytest.raises(
        NotComparable, match=r"xb-2026.yaml is a review on framework mini but other.yaml"
    ):
        build_overview([xb, other], ncr_version="test")


def test_two_files_for_the_same_country_and_year_are_refused() -> None:
    (xb,) = snapshots("xb-2026")
    copy = xb.model_copy(update={"file": "copy.yaml"})
    with pytest.raises(
        NotComparable, match=r"xb-2026.yaml and copy.yaml are both the 2026 review of XB"
    ):
        build_overview([xb, copy], ncr_version="test")


@pytest.mark.parametrize(
    ("band", "bands", "step"),
    [(0, 5, 0), (4, 5, 4), (2, 5, 2), (1, 3, 2), (2, 3, 4), (0, 1, 4), (None, 5, None)],
)
def test_levels_spread_over_the_five_shades(band: int | None, bands: int, step: int | None) -> None:
    assert shade(band, bands) == step
