"""Each line's text shaped once in WeasyPrint, not once to lay it out and again to draw it.

WeasyPrint drops a text box's Pango layout as soon as the line is laid out, to save memory, and
builds and shapes it anew when it draws the page. For a report that second shaping is a tenth of
the PDF's time (5,400 lines in the Aurelia report) and keeping the layouts costs about 5 MB. Here
a laid-out line keeps its layout, and the first time it is drawn with the style it was laid out
with, and no justification spacing, that layout is used as it is. Every other case (justified
text, a second drawing of the same box, a changed style) gets WeasyPrint's own rebuild, and a
layout is dropped once it has been drawn. The PDF is the same to the byte:
tests/outputs/reports/test_kept_layouts.py renders the shipped reports both ways.

`install()` is called when a PDF is rendered; it does nothing if WeasyPrint's internals are not
the ones this was written against (WeasyPrint 68-70).
"""

from __future__ import annotations

import importlib
from typing import Any

_KEPT = "_ncr_kept"  # set on a layout WeasyPrint has finished laying out, until it is drawn


def install() -> bool:
    """Make WeasyPrint's text layouts keep their shaping until drawn; False when its internals
    differ from the ones this was written against."""
    try:
        layout_class = importlib.import_module("weasyprint.text.line_break").Layout
        drop, rebuild = layout_class.deactivate, layout_class.reactivate
    except (ImportError, AttributeError):
        return False
    if getattr(drop, "_ncr_original", None) is not None:
        return True
    if not all(hasattr(layout_class, name) for name in ("setup", "set_text")):
        return False
    layout_class.deactivate = _deactivate(drop)
    layout_class.reactivate = _reactivate(rebuild)
    return True


def uninstall() -> None:
    """WeasyPrint's own methods back (for the test that compares both)."""
    layout_class = importlib.import_module("weasyprint.text.line_break").Layout
    for name in ("deactivate", "reactivate"):
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
