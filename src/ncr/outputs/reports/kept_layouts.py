"""Each line's text shaped once in WeasyPrint, not once to lay it out and again to draw it.

WeasyPrint drops a text box's Pango layout as soon as the line is laid out, to save memory, and
builds and shapes it anew when it draws the page; drawing also turns on Pango's single-paragraph
mode, which throws away a layout's lines and shapes them again. For a report that second shaping
is a tenth of the PDF's time (5,400 lines in the Aurelia report). Here:

- a laid-out line keeps its layout (about 5 MB for that report), and the first time it is drawn
  with the style it was laid out with, and no justification spacing, that layout is used as it is.
  Every other case (justified text, a second drawing, a changed style) gets WeasyPrint's own
  rebuild, and a layout is dropped once it has been drawn;
- a layout whose text holds no paragraph separator is in single-paragraph mode from the start.
  Pango then lays it out exactly as without it, and drawing finds the mode already set. Text with
  a newline (white-space: pre-line) keeps the mode off until it is drawn, as before.

The PDF is the same to the byte: tests/outputs/reports/test_kept_layouts.py renders the shipped
reports both ways.

`install()` is called when a PDF is rendered; it does nothing if WeasyPrint's internals are not
the ones this was written against (WeasyPrint 70, the version tested here).
"""

from __future__ import annotations

import importlib
from typing import Any

_KEPT = "_ncr_kept"  # set on a layout WeasyPrint has finished laying out, until it is drawn
# what Pango takes for the end of a paragraph, and the other breaks, to be safe
_SEPARATORS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
_METHODS = ("deactivate", "reactivate", "set_text")


def install() -> bool:
    """Make WeasyPrint's text layouts keep their shaping until drawn; False when its internals
    differ from the ones this was written against."""
    try:
        layout_class = importlib.import_module("weasyprint.text.line_break").Layout
        pango = importlib.import_module("weasyprint.text.ffi").pango
        drop, rebuild, set_text = (getattr(layout_class, name) for name in _METHODS)
        one_paragraph = pango.pango_layout_set_single_paragraph_mode
    except (ImportError, AttributeError):
        return False
    if getattr(drop, "_ncr_original", None) is not None:
        return True
    if not hasattr(layout_class, "setup"):
        return False
    layout_class.deactivate = _deactivate(drop)
    layout_class.reactivate = _reactivate(rebuild)
    layout_class.set_text = _set_text(set_text, one_paragraph)
    return True


def uninstall() -> None:
    """WeasyPrint's own methods back (for the test that compares both)."""
    layout_class = importlib.import_module("weasyprint.text.line_break").Layout
    for name in _METHODS:
        original = getattr(getattr(layout_class, name), "_ncr_original", None)
        if original is not None:
            setattr(layout_class, name, original)


def _deactivate(drop: Any) -> Any:
    def deactivate(layout: Any) -> None:
        if getattr(layout, _KEPT, None) is False:  # drawn once already: drop it as WeasyPrint does
            drop(layout)
        else:
            setattr(layout, _KEPT, True)

    deactivate._ncr_original = drop  # type: ignore[attr-defined]
    return deactivate


def _reactivate(rebuild: Any) -> Any:
    def reactivate(layout: Any, style: Any) -> None:
        reusable = (
            getattr(layout, _KEPT, None) is True
            and style is layout.style
            and not layout.justification_spacing
        )
        setattr(layout, _KEPT, False)
        if not reusable:
            rebuild(layout, style)

    reactivate._ncr_original = rebuild  # type: ignore[attr-defined]
    return reactivate


def _set_text(set_text: Any, one_paragraph: Any) -> Any:
    def set_text_once(layout: Any, text: str, justify: bool = False) -> None:
        # before the text is set, so that Pango shapes it once, in the mode drawing will ask for
        one_paragraph(layout.layout, _SEPARATORS.isdisjoint(text))
        set_text(layout, text, justify)

    set_text_once._ncr_original = set_text  # type: ignore[attr-defined]
    return set_text_once
