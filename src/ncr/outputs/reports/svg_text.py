"""SVG text laid out a run at a time in WeasyPrint, for the report's charts.

WeasyPrint's SVG renderer lays out and draws every letter of a `<text>` or `<tspan>` on its own,
one Pango layout per letter, so that letters may carry their own position or rotation. The six
charts of a report have about 2,700 letters: a fifth of the PDF's time went into them. Our charts
never place a letter on its own, so a run that gives at most one x, y, dx and dy, and no rotate,
letter-spacing, textLength or baseline keyword, is laid out and drawn once here, at the place
WeasyPrint's own code would put its first letter; kerning then applies as in the page's text.
Every other run, and any run with right-to-left letters (chart_mirror orders those itself), goes
to WeasyPrint's own function. tests/outputs/reports/test_svg_text.py checks that both draw the
same words at the same places.

`install()` is called when a PDF is rendered; it does nothing if WeasyPrint's internals are not
the ones this was written against (WeasyPrint 68-70).
"""

from __future__ import annotations

import importlib
from math import inf
from typing import Any

_PER_LETTER = ("rotate", "letter-spacing", "textLength")
_BASELINE = ("dominant-baseline", "alignment-baseline", "display-anchor")
_WEIGHTS = {"normal": 400, "bold": 700}


def install() -> bool:
    """Route WeasyPrint's SVG text through `_RunText`; False when its internals differ."""
    try:
        svg = importlib.import_module("weasyprint.svg")
        own = importlib.import_module("weasyprint.svg.text")
        current, tags = svg.text, svg.TAGS
        if isinstance(current, _RunText):
            return True
        if current is not own.text:
            return False
        own.Style, own.TextBox  # noqa: B018  # both are used by _RunText
        drawer = _RunText(current, own)  # imports the rest of what it uses
    except (ImportError, AttributeError):
        return False
    for tag, function in list(tags.items()):
        if function is current:
            tags[tag] = drawer
    # draw_node recognises a text node by comparing its drawer with the module's `text`
    setattr(svg, "text", drawer)  # noqa: B010  # a module attribute mypy cannot see
    return True


class _RunText:
    """A drop-in for weasyprint.svg.text.text(svg, node, font_size)."""

    def __init__(self, original: Any, own: Any) -> None:
        self.original = original
        self.own = own
        from weasyprint.css.properties import INITIAL_VALUES
        from weasyprint.draw.text import draw_emojis, draw_first_line
        from weasyprint.matrix import Matrix
        from weasyprint.svg.bounding_box import extend_bounding_box
        from weasyprint.svg.utils import normalize, size
        from weasyprint.text.line_break import split_first_line

        self.initial = INITIAL_VALUES
        self.draw_emojis, self.draw_first_line = draw_emojis, draw_first_line
        self.matrix, self.extend = Matrix, extend_bounding_box
        self.normalize, self.size, self.split = normalize, size, split_first_line

    def __call__(self, svg: Any, node: Any, font_size: float) -> None:
        if not self._whole_run(node):
            self.original(svg, node, font_size)
            return
        style = self._style(svg, node, font_size)
        layout, _, _, width, height, baseline = self.split(node.text, style, svg.context, inf, 0)
        x, y = self._place(svg, node, font_size)
        svg.cursor_position = x + width, y
        left, base = x + svg.cursor_d_position[0], y + svg.cursor_d_position[1]
        corners = ((left, base - baseline), (left + width, base - baseline + height))
        node.text_bounding_box = self.extend(node.text_bounding_box, corners)
        svg.stream.push_state()
        fill, stroke = svg.set_graphical_state(node, font_size)
        svg.stream.begin_text()
        layout.reactivate(style)
        svg.fill_stroke(fill, stroke, text=True)
        box = self.own.TextBox(layout, style)
        box.baseline = baseline
        at = self.matrix(a=1, d=-1, e=left, f=base)
        emojis = self.draw_first_line(svg.stream, box, "none", "none", at)
        svg.stream.end_text()
        svg.stream.pop_state()
        self.draw_emojis(svg.stream, style, x, y, emojis)

    def _whole_run(self, node: Any) -> bool:
        attrib, text = node.attrib, node.text
        return bool(
            text
            and not any(name in attrib for name in _PER_LETTER + _BASELINE)
            and all(self._one(attrib.get(name)) for name in ("x", "y", "dx", "dy"))
            and not any(_right_to_left(char) for char in text)
        )

    def _one(self, value: str | None) -> bool:
        return value is None or len(self.normalize(value).strip().split(" ")) == 1

    def _style(self, svg: Any, node: Any, font_size: float) -> Any:
        """The style WeasyPrint's own text() builds for a node (it reads no CSS either)."""
        style = self.own.Style()
        style.update(self.initial)
        style.font_config = svg.font_config
        families = node.get("font-family", "sans-serif").split(",")
        style["font_family"] = [family.strip("\"'") for family in families]
        style["font_style"] = node.get("font-style", "normal")
        weight = str(node.get("font-weight", 400))
        style["font_weight"] = _WEIGHTS.get(weight, int(weight) if weight.isdigit() else 400)
        style["font_size"] = font_size
        if node.get("direction") in ("ltr", "rtl"):
            style["direction"] = node.get("direction")
        return style

    def _place(self, svg: Any, node: Any, font_size: float) -> tuple[float, float]:
        """The first letter's x and y, moving the cursor as WeasyPrint's letter loop does."""
        x, y, dx, dy = (self._length(svg, node, name, font_size) for name in ("x", "y", "dx", "dy"))
        # as WeasyPrint: a zero x or y keeps the offset carried from the text before
        if x:
            svg.cursor_d_position[0] = 0
        if y:
            svg.cursor_d_position[1] = 0
        svg.cursor_d_position[0] += dx or 0
        svg.cursor_d_position[1] += dy or 0
        return (
            svg.cursor_position[0] if x is None else x,
            svg.cursor_position[1] if y is None else y,
        )

    def _length(self, svg: Any, node: Any, name: str, font_size: float) -> float | None:
        value = node.attrib.get(name)
        if value is None:
            return None
        reference = svg.inner_height if name in ("y", "dy") else svg.inner_width
        return float(self.size(self.normalize(value).strip(), font_size, reference))


def _right_to_left(char: str) -> bool:
    """Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms."""
    return "\u0590" <= char <= "\u08ff" or "\ufb1d" <= char <= "\ufefc"
