"""A line's glyphs written to the PDF in one pass, for WeasyPrint.

WeasyPrint's draw_first_line reads every glyph's fields from Pango one C access at a time, and
writes a kerning adjustment after every glyph, zero included: 70,000 of the 79,000 glyphs of the
Aurelia report carry a "0" that the PDF then stores, compresses and every reader parses. Here a
line's glyph records are read in one copy, and an adjustment is written only where it moves the
next glyph, with the value WeasyPrint computes for it. Any line WeasyPrint treats specially goes
to its own function: an ellipsis, a raised or lowered glyph, an empty or missing glyph, a colour,
emoji or bitmap font. Every glyph lands where WeasyPrint puts it, with the same font, size and
Unicode mapping: tests/outputs/reports/test_drawn_lines.py compares both PDFs operator by operator.

`install()` is called when a PDF is rendered; it does nothing if WeasyPrint's internals are not
the ones this was written against (WeasyPrint 70, the version tested here).
"""

from __future__ import annotations

import importlib
import struct
from typing import Any

# PangoGlyphInfo: glyph, then its geometry (width, x offset, y offset), then its attributes.
_GLYPH = struct.Struct("=Iiiii")
_DRAWER = "draw_first_line"
# a run of the line: Pango's glyph item, its glyph records, and the PDF font and size it is set in
_Run = tuple[
    Any, list[tuple[int, int, int, int, int]], Any, float
]  # the function of weasyprint.draw.text that draw_text calls


def install() -> bool:
    """Route WeasyPrint's line drawing through `_LineDrawer`; False when its internals differ."""
    try:
        text = importlib.import_module("weasyprint.draw.text")
        ffi_module = importlib.import_module("weasyprint.text.ffi")
        current = getattr(text, _DRAWER)
        if isinstance(current, _LineDrawer):
            return True
        drawer = _LineDrawer(current, ffi_module)
    except (ImportError, AttributeError, ValueError):
        return False
    setattr(text, _DRAWER, drawer)
    return True


def uninstall() -> None:
    """WeasyPrint's own function back (for the test that compares both)."""
    text = importlib.import_module("weasyprint.draw.text")
    current = getattr(text, _DRAWER)
    if isinstance(current, _LineDrawer):
        setattr(text, _DRAWER, current.original)


class _LineDrawer:
    """A drop-in for weasyprint.draw.text.draw_first_line(stream, textbox, text_overflow,
    block_ellipsis, matrix)."""

    def __init__(self, original: Any, ffi_module: Any) -> None:
        ffi, pango = ffi_module.ffi, ffi_module.pango
        if ffi.sizeof("PangoGlyphInfo") != _GLYPH.size or ffi.offsetof(
            "PangoGlyphInfo", "geometry"
        ) != struct.calcsize("=I"):
            raise ValueError("PangoGlyphInfo is not laid out as this module reads it")
        self.original, self.ffi, self.pango = original, ffi, pango
        self.from_units = ffi_module.FROM_UNITS
        self.odd = pango.PANGO_GLYPH_EMPTY, pango.PANGO_GLYPH_UNKNOWN_FLAG
        self.old_pango = pango.pango_version() < 14802

    def __call__(
        self, stream: Any, textbox: Any, text_overflow: str, block_ellipsis: Any, matrix: Any
    ) -> list[Any]:
        if text_overflow == "ellipsis" or block_ellipsis != "none":
            return list(self.original(stream, textbox, text_overflow, block_ellipsis, matrix))
        if not textbox.text.strip() or textbox.style["font_size"] < 1e-6:
            return []
        layout = textbox.pango_layout
        self.pango.pango_layout_set_single_paragraph_mode(layout.layout, True)
        first_line, _ = layout.get_first_line()
        runs = self._plain_runs(stream, first_line)
        if runs is None:
            return list(self.original(stream, textbox, text_overflow, block_ellipsis, matrix))
        stream.set_text_matrix(*matrix.values)
        self._show(stream, textbox, runs)
        return []

    def _plain_runs(self, stream: Any, first_line: Any) -> list[_Run] | None:
        """The line's runs with their glyph records and PDF font and size, or None if WeasyPrint
        must draw it."""
        empty, unknown = self.odd
        runs = []
        run = first_line.runs[0]
        while run != self.ffi.NULL:
            item, run = run.data, run.next
            glyphs = item.glyphs
            records = list(
                _GLYPH.iter_unpack(self.ffi.buffer(glyphs.glyphs, glyphs.num_glyphs * _GLYPH.size))
            )
            if any(rise or glyph == empty or glyph & unknown for glyph, _, _, rise, _ in records):
                return None
            font, size = stream.add_font(item.item.analysis.font)
            if font.svg or font.png or font.colr or font.bitmap:
                return None
            runs.append((item, records, font, size))
        return runs

    def _show(self, stream: Any, textbox: Any, runs: list[_Run]) -> None:
        """WeasyPrint's text operators for the line, less its zero adjustments."""
        previous = None
        parts: list[str] = []
        for item, records, font, size in runs:
            pango_font = item.item.analysis.font
            if self.old_pango:
                size = textbox.style["font_size"]
            if pango_font != previous:
                previous = pango_font
                if parts:
                    stream.show_text("".join(parts))
                parts = []
                stream.set_font_size(font.hash, size)
            parts.append("<")
            self._glyphs(stream, textbox, item, records, font, size, parts)
            if parts[-1].endswith("<"):
                parts[-1] = parts[-1][:-1]
            else:
                parts.append(">")
        stream.show_text("".join(parts))

    def _glyphs(
        self,
        stream: Any,
        textbox: Any,
        item: Any,
        records: list[Any],
        font: Any,
        size: float,
        parts: list[str],
    ) -> None:
        widths, to_unicode, pango_font = font.widths, font.to_unicode, item.item.analysis.font
        for index, (glyph, width, x_offset, _, _) in enumerate(records):
            if glyph not in to_unicode:
                to_unicode[glyph] = self._characters(textbox, item, index, len(records))
            offset = x_offset / size
            if offset:
                parts.append(f">{-offset}<")
            parts.append(f"{glyph:04x}")
            logical = widths.get(glyph)
            if logical is None:
                self.pango.pango_font_get_glyph_extents(
                    pango_font, glyph, stream.ink_rect, stream.logical_rect
                )
                logical = widths[glyph] = round(
                    stream.logical_rect.width * 1000 * self.from_units / size
                )
            # WeasyPrint's expressions, in its order, so that every value rounds as it does
            kerning = int(logical + offset - width * 1000 * self.from_units / size)
            if kerning:
                parts.append(f">{kerning}<")

    def _characters(self, textbox: Any, item: Any, index: int, count: int) -> str:
        """The text a glyph stands for, as WeasyPrint finds it for the PDF's Unicode map."""
        run, clusters = item.item, item.glyphs.log_clusters
        start = clusters[index]
        if run.analysis.level % 2:  # right to left
            end = run.length if index == 0 else clusters[index - 1]
        else:
            end = run.length if index == count - 1 else clusters[index + 1]
        text = textbox.pango_layout.text.encode()
        return str(text[run.offset + start : run.offset + end].decode())
