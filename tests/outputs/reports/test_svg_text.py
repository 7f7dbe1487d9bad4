"""Chart text laid out a run at a time (svg_text) lands where WeasyPrint's own letter-by-letter
code puts it: the same words, in the same boxes, read back from the PDF with pdftotext -bbox."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest

from clients import client
from ncr.outputs.reports import pdf_writer
from ncr.outputs.reports.charts import bars, paired_bars, radar
from ncr.outputs.reports.svg_text import _RunText, install
from ncr.shipped import template_dir

weasyprint_svg = pytest.importorskip("weasyprint.svg")

ROWS = [
    ("Legal framework", 61.0, 80.0),
    ("Technical and operational framework with a long name that wraps", 45.25, 75.0),
    ("Institutional framework", None, 70.0),
    ("Capacity building", 88.0, None),
    ("International and public-private co-operation", 0.0, 60.0),
]
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<')
DAY = dt.date(2026, 3, 18)
Box = tuple[str, float, float, float, float]  # a word, then its box: x0, y0, x1, y1


def page(*svgs: str) -> str:
    fonts = (template_dir() / "fonts.css").read_text(encoding="utf-8")
    return f"<html><head><style>{fonts} body {{ font-family: 'NCR Sans' }}</style></head>" + (
        "<body>" + "".join(f"<div>{svg}</div>" for svg in svgs) + "</body></html>"
    )


def words(pdf: bytes, folder: Path) -> list[Box]:
    path = folder / "chart.pdf"
    path.write_bytes(pdf)
    boxes = subprocess.run(
        [client("pdftotext"), "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [(t, float(a), float(b), float(c), float(d)) for a, b, c, d, t in WORD.findall(boxes)]


def both(html: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[list[Box], list[Box]]:
    """The words as ncr draws them, then as WeasyPrint's own SVG text does."""
    ours = words(pdf_writer.write_pdf(html, DAY), tmp_path)
    drawer = weasyprint_svg.text
    assert isinstance(drawer, _RunText)
    for tag, function in list(weasyprint_svg.TAGS.items()):
        if function is drawer:
            monkeypatch.setitem(weasyprint_svg.TAGS, tag, drawer.original)
    monkeypatch.setattr(weasyprint_svg, "text", drawer.original)
    theirs = words(pdf_writer.write_pdf(html, DAY), tmp_path)
    return ours, theirs


def test_rendering_a_pdf_installs_the_run_drawer() -> None:
    # pdf_writer installs it on import; a second install keeps the one in place
    assert isinstance(weasyprint_svg.text, _RunText)
    assert install() is True
    assert weasyprint_svg.TAGS["text"] is weasyprint_svg.text
    assert weasyprint_svg.TAGS["tspan"] is weasyprint_svg.text


def test_the_charts_words_are_drawn_where_weasyprint_would_draw_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    html = page(radar(ROWS), bars(ROWS), paired_bars(ROWS, names=("2023", "2026")))
    ours, theirs = both(html, tmp_path, monkeypatch)
    # every label, wrapped lines (tspans), values and legends: dozens of words
    assert len(ours) > 60
    assert [w[0] for w in ours] == [w[0] for w in theirs]
    # the same baseline and height; along the line a word may sit up to 1.5 points away, as
    # whole-run layout applies the font's kerning, which letter-by-letter drawing cannot (a
    # misplaced run, a lost dx or dy, would be off by a letter or a line: 4 points or more)
    worst_x = max(abs(m[i] - o[i]) for m, o in zip(ours, theirs, strict=True) for i in (1, 3))
    worst_y = max(abs(m[i] - o[i]) for m, o in zip(ours, theirs, strict=True) for i in (2, 4))
    assert worst_y < 0.01
    assert worst_x < 1.5


@pytest.mark.parametrize(
    "text",
    [
        '<text x="10 30 50" y="40">abc</text>',  # a position for each letter
        '<text x="10" y="40" rotate="20">tilted</text>',
        '<text x="10" y="40" letter-spacing="3">spaced</text>',
        '<text x="150" y="40" text-anchor="end" direction="rtl">مستوى</text>',
    ],
)
def test_runs_that_place_letters_on_their_own_are_left_to_weasyprint(
    text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60">{text}</svg>'
    ours, theirs = both(page(svg), tmp_path, monkeypatch)
    assert ours and ours == theirs
