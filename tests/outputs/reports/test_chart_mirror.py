"""Charts of a right-to-left report: mirrored, bars growing from the right, labels on the right,
and Arabic labels joined in advance for the renderers that draw SVG text letter by letter."""

from __future__ import annotations

import unicodedata
import xml.etree.ElementTree as ET

from ncr.outputs.reports.chart_mirror import mirror, oriented, visual_order
from ncr.outputs.reports.charts import bars, status_bars

SVG = "{http://www.w3.org/2000/svg}"
ROWS = [
    ("الإطار القانوني", 50.0, "on track", "on_track"),
    ("Technical framework", 100.0, "strength", "strength"),
]


def status_rows() -> list[tuple[str, float | None, float | None, str, str]]:
    return [(label, score, 60.0, word, key) for label, score, word, key in ROWS]


def rects(svg: str) -> list[ET.Element]:
    """The score bars (10 high in status_bars), not the legend's or the grid's marks."""
    return [r for r in ET.fromstring(svg).iter(f"{SVG}rect") if float(r.get("height", 0)) == 10]


def test_bars_of_a_right_to_left_chart_grow_from_the_right() -> None:
    ltr = status_bars(status_rows())
    rtl = mirror(ltr)
    # The 0-100 scale runs from x=240 to 480 in a chart 600 wide, so a bar of 50 is 120 long.
    # Drawn left to right it starts at 240; mirrored it ends at 600 - 240 = 360, its start.
    assert [(float(r.get("x", 0)), float(r.get("width", 0))) for r in rects(ltr)] == [
        (240.0, 120.0),
        (240.0, 240.0),
    ]
    assert [(float(r.get("x", 0)), float(r.get("width", 0))) for r in rects(rtl)] == [
        (240.0, 120.0),  # 360 - 120
        (120.0, 240.0),  # 360 - 240: full score reaches the far left of the scale
    ]
    for bar in rects(rtl):
        assert float(bar.get("x", 0)) + float(bar.get("width", 0)) == 360.0


def test_labels_sit_right_of_the_plot_and_the_scale_runs_right_to_left() -> None:
    root = ET.fromstring(mirror(status_bars(status_rows())))
    texts = list(root.iter(f"{SVG}text"))
    assert root.get("direction") == "rtl"
    assert all(t.get("direction") == "rtl" for t in texts)
    label = next(t for t in texts if "".join(t.itertext()) == ROWS[0][0])
    # Drawn left to right the label ends at x=230, against the plot; mirrored, its end (in
    # right-to-left text, its left edge) is at 600 - 230 = 370, against the plot again.
    assert float(label.get("x", 0)) == 370.0 and label.get("text-anchor") == "end"
    ticks = {"".join(t.itertext()): float(t.get("x", 0)) for t in texts if t.get("font-size")}
    assert ticks["0"] == 360.0 and ticks["100"] == 120.0


def test_a_left_to_right_chart_is_left_as_drawn() -> None:
    chart = bars([("Legal", 61.0, 80.0)])
    assert oriented(chart, "ltr", visual=True) == chart
    assert oriented(chart, "rtl") == mirror(chart)


def test_visual_order_joins_arabic_letters_and_keeps_latin_and_numbers_readable() -> None:
    # "فريق" (team) is joined into presentation forms (U+FB50-U+FEFF) and, being seen right to
    # left, its letters come last to first; the Latin name and the numbers still read forwards,
    # the number after Arabic words keeps its dash and goes left of them, brackets turn round.
    team = visual_order("فريق")
    assert len(team) == 4 and all(0xFB50 <= ord(c) <= 0xFEFF for c in team)
    assert unicodedata.name(team[-1]).startswith("ARABIC LETTER FEH INITIAL")
    assert visual_order("فريق BN-CSIRT") == f"BN-CSIRT {team}"
    assert visual_order("فريق 2026-2030") == f"2026-2030 {team}"
    assert visual_order("فريق (72%)") == f"(72%) {team}"
    assert visual_order("Score") == "Score"


def test_visual_text_is_only_for_the_renderers_that_need_it() -> None:
    drawn = status_bars(status_rows())
    for_browser = "".join(ET.fromstring(mirror(drawn)).itertext())
    laid_out = ET.fromstring(mirror(drawn, visual=True))
    for_pdf = "".join(laid_out.itertext())
    assert ROWS[0][0] in for_browser  # a browser shapes the label as written
    assert ROWS[0][0] not in for_pdf and visual_order(ROWS[0][0]) in for_pdf
    # Laid out in advance, the label is drawn left to right from x=370: its anchor is its start.
    label = next(t for t in laid_out.iter(f"{SVG}text") if t.text == visual_order(ROWS[0][0]))
    assert (label.get("x"), label.get("text-anchor"), label.get("direction")) == (
        "370.0",
        "start",
        None,
    )


def test_the_mirrored_chart_is_plain_svg_whatever_prefixes_others_registered() -> None:
    ET.register_namespace("svg", "http://www.w3.org/2000/svg")  # as some library might
    try:
        svg = mirror(bars([("Legal", 61.0, 80.0)]))
        assert svg.startswith("<svg ") and ":svg" not in svg and ":text" not in svg
        assert ET.fromstring(svg).tag == f"{SVG}svg"
    finally:
        ET._namespace_map.pop("http://www.w3.org/2000/svg", None)  # type: ignore[attr-defined]
