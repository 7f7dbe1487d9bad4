"""The overview report of many countries, as HTML, Markdown and PDF, in the frame of every report."""

from __future__ import annotations

from typing import Any

from ncr.documents.vocabulary import most_restrictive
from ncr.engine.overview import STATUS_MARKS, Overview, shade
from ncr.outputs.interface_text import _, ngettext
from ncr.outputs.locale_format import long_date
from ncr.outputs.reports.report_look import PLAIN, ReportLook
from ncr.outputs.reports.templating import (
    Frame,
    html_document,
    level_ranges,
    markdown_document,
)

TOP = 10  # how many of the most common strengths and weaknesses are listed


def overview_frame(overview: Overview) -> Frame:
    n = len(overview.countries)
    fw = overview.framework
    return Frame(
        title=ngettext(
            "National Cyber Review overview of %(num)d country",
            "National Cyber Review overview of %(num)d countries",
            n,
        )
        % {"num": n},
        header=ngettext(
            "National Cyber Review · overview of %(num)d country",
            "National Cyber Review · overview of %(num)d countries",
            n,
        )
        % {"num": n},
        footer=_("Latest review %(date)s") % {"date": long_date(overview.date)},
        description=(
            _("Countries side by side on %(framework)s")
            % {"framework": f"{fw.title or fw.id} {fw.version or ''}"}
        ).strip(),
        created=overview.date,
        authors=(),
        # The markings of every review shown: the overview is at least as restricted as each.
        classification=most_restrictive(overview.classifications),
        draft=overview.draft,
        generator=f"ncr {overview.ncr_version}",
    )


def shade_class(band: int | None, bands: int) -> str:
    """The CSS class of a heat-map cell's background (templates/overview.html)."""
    step = shade(band, bands)
    return "shade-none" if step is None else f"shade-{step}"


def overview_context(overview: Overview) -> dict[str, Any]:
    bands = len(overview.levels)
    return {
        "overview": overview,
        "frame": overview_frame(overview),
        "levels": level_ranges(overview.levels),
        "level_shades": [shade_class(band, bands) for band in range(bands)],
        "shade_of": lambda mark: shade_class(mark.band, bands),
        "marks": STATUS_MARKS,
        "strengths": overview.strengths[:TOP],
        "weaknesses": overview.weaknesses[:TOP],
        "benchmark_name": overview.benchmark.title or overview.benchmark.id or _("no benchmark"),
    }


def overview_html(
    overview: Overview, look: ReportLook = PLAIN, *, embed_fonts: bool = False
) -> str:
    context = overview_context(overview)
    return html_document("overview.html", look, **context, embed_fonts=embed_fonts)


def html(overview: Overview, look: ReportLook = PLAIN) -> bytes:
    return overview_html(overview, look).encode("utf-8")


def md(overview: Overview, look: ReportLook = PLAIN) -> bytes:
    return markdown_document("overview.md.j2", look, **overview_context(overview)).encode("utf-8")


def pdf(overview: Overview, look: ReportLook = PLAIN) -> bytes:
    from ncr.outputs.reports.pdf_writer import report_pdf  # WeasyPrint only for a PDF

    return report_pdf(overview_html(overview, look, embed_fonts=True), overview.date, look)
