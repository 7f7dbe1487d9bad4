"""The SVG charts: valid, escaped, deterministic, and readable without colour."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable

import pytest

from ncr.outputs.reports.charts import bars, paired_bars, radar

SVG = "{http://www.w3.org/2000/svg}"
PILLARS = [
    ("Legal framework", 61.0, 80.0),
    ("Technical and operational framework", 45.25, 75.0),
    ("Institutional framework", None, 70.0),
    ("Capacity building", 88.0, None),
    ("International co-operation", 0.0, 60.0),
]
Chart = Callable[..., str]


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def texts(svg: str) -> list[str]:
    """Every piece of text a reader sees, one per text element, lines joined by a space."""
    return [" ".join(" ".join(t.itertext()).split()) for t in parse(svg).iter(f"{SVG}text")]


def all_text(svg: str) -> str:
    return " ".join(texts(svg))


@pytest.mark.parametrize("chart", [radar, bars, paired_bars])
def test_every_chart_is_valid_svg_with_a_title(chart: Chart) -> None:
    root = parse(chart(PILLARS))
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox", "").startswith("0 0 ")
    assert root.get("role") == "img" and root.get("aria-label")
    assert root.find(f"{SVG}title") is not None


@pytest.mark.parametrize("chart", [radar, bars, paired_bars])
def test_the_same_data_gives_the_same_bytes(chart: Chart) -> None:
    assert chart(PILLARS) == chart(list(PILLARS))


@pytest.mark.parametrize("chart", [radar, bars, paired_bars])
def test_labels_are_escaped_text_never_markup(chart: Chart) -> None:
    hostile = '<script>alert("x")</script> & <a href="file:///etc/passwd">'
    svg = chart([(hostile, 50.0, 60.0), ("B\x00ell\x07", 10.0, 20.0), ("C", 1.0, 2.0)])
    root = parse(svg)  # control characters are dropped: the chart stays parseable XML
    assert not list(root.iter(f"{SVG}script")) and not list(root.iter(f"{SVG}a"))
    assert "<script" not in svg and "&lt;script&gt;" in svg
    shown = "".join(all_text(svg).split())  # long words may wrap onto the next line
    assert '<script>alert("x")</script>&<ahref="file:///etc/passwd">' in shown
    assert "Bell" in shown


def test_the_radar_writes_every_score_and_reference_beside_its_axis() -> None:
    shown = all_text(radar(PILLARS))
    assert "Legal framework 61.0 (ref. 80.0)" in shown
    assert "45.2 (ref. 75.0)" in shown  # one decimal, as everywhere in the reports
    assert "n/a (ref. 70.0)" in shown  # a pillar that does not apply says so
    assert "88.0 (ref. n/a)" in shown


def test_the_radar_series_differ_by_dash_and_marker_not_only_by_colour() -> None:
    root = parse(radar(PILLARS, reference_name="Good practice"))
    polygons = [p for p in root.iter(f"{SVG}polygon") if p.get("stroke-width")]
    dashed = [p.get("stroke-dasharray") is not None for p in polygons]
    assert sorted(dashed) == [False, True]
    # Four pillars have a score (circles), four a reference (squares).
    assert len(list(root.iter(f"{SVG}circle"))) == 4 + 1  # plus the legend's
    assert "Good practice" in all_text(radar(PILLARS, reference_name="Good practice"))
    assert "Score" in texts(radar(PILLARS))


def test_bars_write_score_and_reference_in_columns_and_mark_the_reference_with_a_tick() -> None:
    svg = bars(PILLARS, reference_name="Peers 2026")
    shown = texts(svg)
    headers = [t.text for t in parse(svg).iter(f"{SVG}text") if t.get("font-weight") == "bold"]
    assert headers == ["Score", "Ref."]
    for label, score, reference in PILLARS:
        assert label in all_text(svg)
        assert ("n/a" if score is None else f"{score:.1f}") in shown
        assert ("n/a" if reference is None else f"{reference:.1f}") in shown
    root = parse(svg)
    ticks = [line for line in root.iter(f"{SVG}line") if line.get("stroke-width") == "2.5"]
    assert len(ticks) == 4 + 1  # four references and the legend's tick
    assert "Reference: Peers 2026" in shown


def test_bars_stay_inside_the_scale_whatever_the_value() -> None:
    root = parse(bars([("over", 130.0, -5.0), ("under", -20.0, 250.0)]))
    zero = min(float(r.get("x", "0")) for r in root.iter(f"{SVG}rect"))
    widths = [float(r.get("width", "0")) for r in root.iter(f"{SVG}rect") if r.get("height") == "9"]
    assert max(widths) <= 240 and min(widths) >= 0
    assert all(float(line.get("x1", "0")) >= zero for line in root.iter(f"{SVG}line"))


def test_long_labels_wrap_onto_two_lines_and_are_cut_after() -> None:
    label = "Attempt, complicity, corporate liability and sanctions for every offence in the code"
    root = parse(bars([(label, 50.0, 60.0)]))
    lines = [span.text or "" for span in root.iter(f"{SVG}tspan")]
    assert len(lines) == 2 and lines[0].startswith("Attempt") and lines[1].endswith("…")


def test_paired_bars_show_both_years_side_by_side() -> None:
    svg = paired_bars(
        [("Legal framework", 40.0, 61.0), ("Capacity", None, 30.0)], names=("2023", "2026")
    )
    shown = texts(svg)
    assert "2023" in shown and "2026" in shown
    assert "40.0" in shown and "61.0" in shown and "30.0" in shown and "n/a" in shown
    colours = {r.get("fill") for r in parse(svg).iter(f"{SVG}rect")}
    assert len(colours) == 2  # one per year; the column headers name them
    assert parse(svg).get("aria-label") == "2023 and 2026"


def test_radar_marks_stay_inside_the_outer_ring() -> None:
    root = parse(radar([("a", 150.0, -10.0), ("b", 100.0, 100.0), ("c", 0.0, 0.0)]))
    centre_y = float(next(root.iter(f"{SVG}line")).get("y1", "0"))
    tops = [float(c.get("cy", "0")) for c in root.iter(f"{SVG}circle")]
    assert centre_y - min(tops) <= 130.1  # the radius of the 100 ring


def test_coordinates_are_rounded_so_output_is_short_and_stable() -> None:
    svg = radar(PILLARS)
    numbers = re.findall(
        r"\d+\.\d+", " ".join(re.findall(r' (?:x|y|cx|cy|x1|y1|points)="([^"]*)"', svg))
    )
    assert numbers and all(len(n.split(".")[1]) == 1 for n in numbers)
