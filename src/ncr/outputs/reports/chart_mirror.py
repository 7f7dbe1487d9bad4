"""Charts for a report written right to left (DESIGN §12): the same SVG, mirrored.

A chart is drawn left to right by ncr.outputs.reports.charts, then mirrored here: every horizontal
coordinate is reflected across the chart's width, so bars grow from the right, labels sit on the
right and the scale runs from right to left. For a browser each text element is marked
`direction="rtl"`, which makes its anchor a logical one (its start is its right edge): a label
that ended against the plot still ends against it, on the other side, with the same anchor.

WeasyPrint and cairosvg draw SVG text one letter at a time, in the order of the string, so Arabic
would come out unjoined and backwards. For them (`visual=True`) a label's text is replaced by its
joined letter forms (arabic-reshaper) in the order they are seen, right to left, brackets turned
round, and drawn left to right with its anchor turned round instead (WeasyPrint would mirror the
brackets a second time in right-to-left text; cairosvg ignores `direction`).
"""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET  # serialising only: parsing goes through defusedxml

import defusedxml.ElementTree as SafeET

SVG_NS = "http://www.w3.org/2000/svg"
TEXT_TAGS = {"text", "tspan"}
# Attributes that are one horizontal position each; a rect's x is mirrored with its width.
X_ATTRS = ("x", "x1", "x2", "cx")
FLIPPED_ANCHOR = {"start": "end", "end": "start", "middle": "middle"}
MIRRORED = str.maketrans("()[]{}<>«»", ")(][}{><»«")


def _flip(value: str, width: float) -> str:
    return f"{width - float(value):.1f}"


def _flip_points(points: str, width: float) -> str:
    pairs = (pair.split(",") for pair in points.split())
    return " ".join(f"{width - float(x):.1f},{y}" for x, y in pairs)


def _kinds(text: str) -> list[str]:
    """Each character's direction as the bidi algorithm resolves it in a right-to-left line, for
    the short labels of a chart: "L" (Latin, and digits after Latin, W7), "R" (Arabic), "N" (a
    number after Arabic: its digits read forwards, but it counts as Arabic for what is around it)."""
    kinds: list[str | None] = []
    last = "R"  # the line starts right to left
    for char in text:
        bidi = unicodedata.bidirectional(char)
        if bidi in {"R", "AL"}:
            last = "R"
        elif bidi == "L":
            last = "L"
        kinds.append(
            bidi.replace("AL", "R")
            if bidi in {"L", "R", "AL"}
            else ("L" if last == "L" else "N")
            if bidi in {"EN", "AN"}
            else None
        )
    resolved = []
    for i, kind in enumerate(kinds):
        if kind is None:
            before = next((k for k in reversed(kinds[:i]) if k is not None), "R")
            after = next((k for k in kinds[i + 1 :] if k is not None), "R")
            # "2026-2030", "72%" stay one number (W4, W5); between two Latin words, Latin (N1).
            joined = before == after and before in {"L", "N"}
            kind = before if joined else "N" if text[i] == "%" and before == "N" else "R"
        resolved.append(kind)
    return resolved


def _runs(text: str) -> list[tuple[str, str]]:
    runs: list[tuple[str, str]] = []
    for char, kind in zip(text, _kinds(text), strict=True):
        if runs and runs[-1][0] == kind:
            runs[-1] = (kind, runs[-1][1] + char)
        else:
            runs.append((kind, char))
    return runs


def visual_order(text: str) -> str:
    """A line of a right-to-left chart as it is seen, left to right: Arabic letters in their
    joined forms, the runs in reverse, Latin words and numbers still readable, brackets mirrored."""
    import arabic_reshaper  # only for a PDF or Word chart in Arabic

    shaped = arabic_reshaper.reshape(text)
    return "".join(
        part[::-1].translate(MIRRORED) if kind == "R" else part
        for kind, part in reversed(_runs(shaped))
    )


def _mirror_element(element: ET.Element, width: float, visual: bool) -> None:
    for name in X_ATTRS:
        if name in element.attrib:
            element.set(name, _flip(element.attrib[name], width))
    if element.tag == "rect" and "x" in element.attrib:
        left = float(element.attrib["x"]) - float(element.get("width", "0"))
        element.set("x", f"{left:.1f}")
    if "points" in element.attrib:
        element.set("points", _flip_points(element.attrib["points"], width))
    if element.tag in TEXT_TAGS and not visual:
        element.set("direction", "rtl")
    elif element.tag in TEXT_TAGS:
        # Laid out in advance, the text is drawn left to right: its anchor turns round instead.
        if element.tag == "text":
            element.set("text-anchor", FLIPPED_ANCHOR[element.get("text-anchor", "start")])
        if element.text and element.text.strip():
            element.text = visual_order(element.text)


def mirror(svg: str, *, visual: bool = False) -> str:
    """The chart `svg` (as ncr.outputs.reports.charts draws it) mirrored for right-to-left text."""
    root = SafeET.fromstring(svg)
    width = float(re.split(r"[\s,]+", root.attrib["viewBox"])[2])
    root.set("direction", "ltr" if visual else "rtl")
    for element in root.iter():
        # Tags lose their namespace, written back below as a plain attribute: ElementTree's
        # prefix registry is global, and another library's entry would make every tag "ns0:svg",
        # which no browser draws.
        element.tag = element.tag.removeprefix(f"{{{SVG_NS}}}")
        if element is not root:
            _mirror_element(element, width, visual)
    root.set("xmlns", SVG_NS)
    return ET.tostring(root, encoding="unicode")


def oriented(svg: str, direction: str, *, visual: bool = False) -> str:
    """The chart as drawn for a report in `direction` ("ltr" leaves it as it is)."""
    return mirror(svg, visual=visual) if direction == "rtl" else svg
