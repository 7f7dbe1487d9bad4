"""SVG charts drawn by our own code: deterministic, escaped, and readable without colour.

Every value is written beside its mark and each series differs in shape or dash as well as in
colour, so a chart survives grey-scale printing and colour-vision deficiencies. Coordinates are
rounded to one decimal so the same data always gives the same bytes.
"""

from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal
from xml.sax.saxutils import escape, quoteattr

from ncr.outputs.display import number
from ncr.outputs.interface_text import _

# (label, score, reference) for radar/bars; (label, old, new) for paired bars.
Row = tuple[str, float | None, float | None]

# Okabe–Ito colours, chosen to stay distinct under the common colour-vision deficiencies.
BLUE = "#0072B2"
ORANGE = "#E69F00"
INK = "#222222"
MUTED = "#666666"
GRID = "#CCCCCC"
# The report's bundled faces (templates/fonts.css) first; Latin, then Arabic, then symbols.
FONT_FAMILY = "'NCR Sans', 'NCR Arabic', 'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif"
FONT_SIZE = 10
CHAR_WIDTH = 5.9  # rough advance of one character at FONT_SIZE, for wrapping labels
LINE = 11

# XML 1.0 forbids most control characters; a stray one must not make the chart unparsable.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _clean(text: str) -> str:
    return escape(_CONTROL.sub("", text))


def _attrs(attrs: dict[str, str | float]) -> str:
    parts = []
    for key, value in attrs.items():
        shown = f"{value:.1f}" if isinstance(value, float) else str(value)
        parts.append(f" {key.rstrip('_').replace('_', '-')}={quoteattr(_CONTROL.sub('', shown))}")
    return "".join(parts)


def _el(tag: str, content: str = "", /, **attrs: str | float) -> str:
    if content:
        return f"<{tag}{_attrs(attrs)}>{content}</{tag}>"
    return f"<{tag}{_attrs(attrs)}/>"


def _text(x: float, y: float, lines: Sequence[str], **attrs: str | float) -> str:
    """A text element; several lines become tspans stacked LINE apart."""
    if len(lines) == 1:
        return _el("text", _clean(lines[0]), x=float(x), y=float(y), **attrs)
    spans = "".join(
        _el("tspan", _clean(line), x=float(x), dy=float(LINE if i else 0))
        for i, line in enumerate(lines)
    )
    return _el("text", spans, x=float(x), y=float(y), **attrs)


def _clamp(value: float) -> float:
    """A value on the 0-100 scale, so no mark is ever drawn outside the plot."""
    return max(0.0, min(value, 100.0))


def _value(value: float | None) -> str:
    return "n/a" if value is None else number(value)


def _wrap(label: str, width: int, max_lines: int = 2) -> list[str]:
    lines = textwrap.wrap(label, width) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: width - 1].rstrip() + "…"
    return lines


def _svg(width: int, height: int, title: str, body: Sequence[str]) -> str:
    root = _attrs(
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "viewBox": f"0 0 {width} {height}",
            "width": width,
            "height": height,
            "role": "img",
            "aria-label": title,
            "class": "chart",
            "font-family": FONT_FAMILY,
            "font-size": FONT_SIZE,
            "fill": INK,
        }
    )
    return f"<svg{root}><title>{_clean(title)}</title>{''.join(body)}</svg>"


def _swatch(x: float, y: float, mark: str, label: str) -> str:
    """One legend entry: a mark drawn at (x, y) followed by its label."""
    return f"<g>{mark}{_text(x + 30, y + 4, [label])}</g>"


# -- radar -------------------------------------------------------------------------------------

RADAR_W, RADAR_H, RADIUS = 600, 400, 130
RADAR_CX, RADAR_CY = RADAR_W / 2, 195


def _polar(index: int, count: int, value: float) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * index / count
    r = RADIUS * value / 100
    return RADAR_CX + r * math.cos(angle), RADAR_CY + r * math.sin(angle)


def _points(points: Sequence[tuple[float, float]]) -> str:
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in points)


def _radar_grid(count: int) -> list[str]:
    body = []
    for ring in (20, 40, 60, 80, 100):
        ring_points = [_polar(i, count, ring) for i in range(count)]
        body.append(_el("polygon", points=_points(ring_points), fill="none", stroke=GRID))
        x, y = _polar(0, count, ring)
        body.append(_text(x - 3, y - 2, [str(ring)], fill=MUTED, font_size=8, text_anchor="end"))
    for i in range(count):
        x, y = _polar(i, count, 100)
        body.append(_el("line", x1=RADAR_CX, y1=RADAR_CY, x2=x, y2=y, stroke=GRID))
    return body


def _radar_label(index: int, count: int, row: Row) -> str:
    label, score, reference = row
    x, y = _polar(index, count, 118)
    dx = x - RADAR_CX
    anchor = "start" if dx > 20 else "end" if dx < -20 else "middle"
    lines = [*_wrap(label, 24, 3), f"{_value(score)} (ref. {_value(reference)})"]
    # Labels above the centre grow upwards so they never cross the chart.
    top = y - LINE * (len(lines) - 1) if y < RADAR_CY - 1 else y + (LINE if abs(dx) <= 20 else 4)
    return _text(x, top, lines, text_anchor=anchor)


@dataclass(frozen=True)
class Look:
    """How a radar series is drawn: besides its colour, a line dash and a marker shape."""

    colour: str
    dashed: bool
    marker: Literal["circle", "square"]

    def line(self) -> dict[str, str | float]:
        dash = {"stroke_dasharray": "6 4"} if self.dashed else {}
        return {"stroke": self.colour, "stroke_width": 2, **dash}

    def mark(self, x: float, y: float) -> str:
        if self.marker == "circle":
            return _el("circle", cx=x, cy=y, r=3.5, fill=self.colour)
        return _el("rect", x=x - 3, y=y - 3, width=6, height=6, fill=self.colour)


SCORE_LOOK = Look(BLUE, dashed=False, marker="circle")
REFERENCE_LOOK = Look(ORANGE, dashed=True, marker="square")


def _radar_series(values: Sequence[float | None], look: Look) -> list[str]:
    count = len(values)
    points = [_polar(i, count, _clamp(v)) for i, v in enumerate(values) if v is not None]
    if not points:
        return []
    fill = {"fill": "none"} if look.dashed else {"fill": look.colour, "fill_opacity": "0.15"}
    outline = _el("polygon", points=_points(points), **fill, **look.line())
    return [outline, *(look.mark(x, y) for x, y in points)]


def _radar_legend(x: float, y: float, look: Look, label: str) -> str:
    line = _el("line", x1=x, y1=y, x2=x + 24, y2=y, **look.line())
    return _swatch(x, y, line + look.mark(x + 12, y), label)


def radar(pillars: Sequence[Row], *, reference_name: str = "Benchmark") -> str:
    """Pillar scores (solid, circles) against the reference (dashed, squares), both labelled."""
    count = max(len(pillars), 1)
    body = _radar_grid(count)
    body += _radar_series([row[2] for row in pillars], REFERENCE_LOOK)
    body += _radar_series([row[1] for row in pillars], SCORE_LOOK)
    body += [_radar_label(i, count, row) for i, row in enumerate(pillars)]
    legend_y = float(RADAR_H - 14)
    body.append(_radar_legend(150, legend_y, SCORE_LOOK, _("Score")))
    body.append(_radar_legend(280, legend_y, REFERENCE_LOOK, _wrap(reference_name, 40, 1)[0]))
    return _svg(
        RADAR_W,
        RADAR_H,
        _("Pillar scores against %(reference)s") % {"reference": reference_name},
        body,
    )


# -- horizontal bars ---------------------------------------------------------------------------

BAR_W = 600
LABEL_W = 230  # labels end here, right-aligned
PLOT_X0, PLOT_X1 = 240.0, 480.0  # the 0-100 scale
COLUMN_W = 60  # value columns, right of the plot
ROW_H = 24
TOP = 20
BAR_H = 9
BASELINE = 3.5  # from a line's middle to its baseline at FONT_SIZE


@dataclass(frozen=True)
class Series:
    """One series of a bar chart: its column header, legend text, values and how it is drawn."""

    header: str
    legend: str
    values: Sequence[float | None]
    mark: Literal["bar", "tick"]
    colour: str


def _x(value: float) -> float:
    return PLOT_X0 + (PLOT_X1 - PLOT_X0) * _clamp(value) / 100


def _column_x(column: int, count: int) -> float:
    """The right edge of a value column; the last column ends at the chart's edge."""
    return float(BAR_W - 4 - COLUMN_W * (count - 1 - column))


def _mark(s: Series, value: float, top: float, bar_index: int, bar_count: int) -> str:
    if s.mark == "tick":
        x = _x(value)
        return _el(
            "line", x1=x, y1=top + 3, x2=x, y2=top + ROW_H - 3, stroke=s.colour, stroke_width=2.5
        )
    stack = BAR_H * bar_count + 2 * (bar_count - 1)
    y = top + (ROW_H - stack) / 2 + bar_index * (BAR_H + 2)
    return _el("rect", x=PLOT_X0, y=y, width=_x(value) - PLOT_X0, height=BAR_H, fill=s.colour)


def _bar_row(index: int, label: str, series: Sequence[Series]) -> list[str]:
    top = float(TOP + index * ROW_H)
    middle = top + ROW_H / 2 + BASELINE
    lines = _wrap(label, int(LABEL_W / CHAR_WIDTH))
    body = [_text(LABEL_W, middle - (len(lines) - 1) * LINE / 2, lines, text_anchor="end")]
    bars = [s for s in series if s.mark == "bar"]
    for column, s in enumerate(series):
        value = s.values[index]
        if value is not None:
            bar_index = bars.index(s) if s in bars else 0
            body.append(_mark(s, value, top, bar_index, len(bars)))
        column_x = _column_x(column, len(series))
        body.append(_text(column_x, middle, [_value(value)], text_anchor="end"))
    return body


def _legend_mark(s: Series, x: float, y: float) -> str:
    if s.mark == "bar":
        return _el("rect", x=x, y=y - BAR_H / 2, width=24, height=BAR_H, fill=s.colour)
    return _el("line", x1=x + 12, y1=y - 7, x2=x + 12, y2=y + 7, stroke=s.colour, stroke_width=2.5)


def _grid(bottom: float) -> list[str]:
    """The 0-100 scale's grid lines, numbered under the plot."""
    body = []
    for tick in (0, 20, 40, 60, 80, 100):
        x = _x(tick)
        body.append(_el("line", x1=x, y1=float(TOP), x2=x, y2=bottom, stroke=GRID))
        body.append(
            _text(x, bottom + 11, [str(tick)], fill=MUTED, font_size=8, text_anchor="middle")
        )
    return body


def _bar_frame(series: Sequence[Series], rows: int) -> list[str]:
    """Grid lines with their scale, column headers, and a legend under the plot."""
    bottom = float(TOP + rows * ROW_H)
    body = _grid(bottom)
    for column, s in enumerate(series):
        x = _column_x(column, len(series))
        body.append(_text(x, TOP - 6, [s.header], text_anchor="end", font_weight="bold"))
    for n, s in enumerate(series):
        y = bottom + 30 + n * 16
        body.append(_swatch(PLOT_X0, y, _legend_mark(s, PLOT_X0, y), s.legend))
    return body


def _bar_chart(labels: Sequence[str], series: Sequence[Series], title: str) -> str:
    height = TOP + len(labels) * ROW_H + 30 + 16 * len(series)
    body = _bar_frame(series, len(labels))
    for index, label in enumerate(labels):
        body += _bar_row(index, label, series)
    return _svg(BAR_W, height, title, body)


def bars(rows: Sequence[Row], *, reference_name: str = "Benchmark") -> str:
    """Horizontal score bars, a tick at each reference, and both values written in columns."""
    series = [
        Series(_("Score"), _("Score"), [row[1] for row in rows], "bar", BLUE),
        Series(
            _("Ref."),
            _("Reference: %(reference)s") % {"reference": reference_name},
            [row[2] for row in rows],
            "tick",
            INK,
        ),
    ]
    return _bar_chart(
        [row[0] for row in rows],
        series,
        _("Scores against %(reference)s") % {"reference": reference_name},
    )


def paired_bars(rows: Sequence[Row], *, names: tuple[str, str] = ("Before", "After")) -> str:
    """Two bars a row, the earlier value above the later one, each written in its column."""
    series = [
        Series(names[0], names[0], [row[1] for row in rows], "bar", ORANGE),
        Series(names[1], names[1], [row[2] for row in rows], "bar", BLUE),
    ]
    return _bar_chart(
        [row[0] for row in rows],
        series,
        _("%(first)s and %(second)s") % {"first": names[0], "second": names[1]},
    )


# -- bars by status ----------------------------------------------------------------------------

# (label, score, reference, status word, status key) for status bars.
StatusRow = tuple[str, float | None, float | None, str, str]
STATUS_COLOURS = {"strength": "#009E73", "on_track": BLUE, "weakness": "#D55E00"}
STATUS_W = 110  # the status column, right of the plot


def status_mark(status: str, x: float, y: float) -> str:
    """▲ strength, ● on track, ▼ weakness, drawn as shapes so no font can drop them."""
    colour = STATUS_COLOURS.get(status, MUTED)
    if status == "strength":
        return _el(
            "polygon", points=_points([(x, y - 5), (x + 5, y + 4), (x - 5, y + 4)]), fill=colour
        )
    if status == "weakness":
        return _el(
            "polygon", points=_points([(x - 5, y - 4), (x + 5, y - 4), (x, y + 5)]), fill=colour
        )
    if status == "on_track":
        return _el("circle", cx=x, cy=y, r=4.5, fill=colour)
    return _el("line", x1=x - 4, y1=y, x2=x + 4, y2=y, stroke=colour, stroke_width=1.5)


def _status_row(index: int, row: StatusRow) -> list[str]:
    label, score, reference, word, status = row
    top = float(TOP + index * ROW_H)
    middle = top + ROW_H / 2
    lines = _wrap(label, int(LABEL_W / CHAR_WIDTH))
    body = [
        _text(LABEL_W, middle + BASELINE - (len(lines) - 1) * LINE / 2, lines, text_anchor="end")
    ]
    if score is not None:
        width = _x(score) - PLOT_X0
        colour = STATUS_COLOURS.get(status, MUTED)
        body.append(_el("rect", x=PLOT_X0, y=middle - 5, width=width, height=10, fill=colour))
    if reference is not None:
        x = _x(reference)
        body.append(
            _el("line", x1=x, y1=top + 3, x2=x, y2=top + ROW_H - 3, stroke=INK, stroke_width=2.5)
        )
    mark_x = PLOT_X1 + 16
    body.append(status_mark(status, mark_x, middle))
    body.append(_text(mark_x + 10, middle + BASELINE, [word if score is not None else _("n/a")]))
    return body


def status_bars(rows: Sequence[StatusRow], *, reference_name: str = "Benchmark") -> str:
    """Score bars coloured and marked by status, a tick at each reference; the numbers are left
    to the table beside the chart, which would otherwise repeat them."""
    bottom = float(TOP + len(rows) * ROW_H)
    body = _grid(bottom)
    for index, row in enumerate(rows):
        body += _status_row(index, row)
    y = bottom + 30
    ref_tick = _el(
        "line", x1=PLOT_X0 + 12, y1=y - 7, x2=PLOT_X0 + 12, y2=y + 7, stroke=INK, stroke_width=2.5
    )
    body.append(
        _swatch(
            PLOT_X0,
            y,
            ref_tick,
            _("Reference: %(reference)s") % {"reference": _wrap(reference_name, 40, 1)[0]},
        )
    )
    height = int(bottom + 44)
    return _svg(
        BAR_W,
        height,
        _("Scores and statuses against %(reference)s") % {"reference": reference_name},
        body,
    )
