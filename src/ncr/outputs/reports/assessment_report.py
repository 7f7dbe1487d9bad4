"""The HTML report: one self-contained file (styles and charts inline) that can be mailed.

The PDF renderer lays out this same HTML, adding only the @font-face rules of the bundled fonts.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ncr.engine.result import Assessment
from ncr.outputs.display import status_label
from ncr.outputs.reports import charts
from ncr.outputs.reports.chart_mirror import oriented
from ncr.outputs.reports.report_look import PLAIN, ReportLook
from ncr.outputs.reports.review_context import assessment_context
from ncr.outputs.reports.templating import html_document, markdown_document


@dataclass(frozen=True)
class AssessmentCharts:
    """Inline SVG, trusted as markup: the chart functions escape their own labels."""

    summary: Markup
    pillars: list[Markup]


def assessment_charts(
    result: Assessment, reference_name: str, direction: str = "ltr", *, visual: bool = False
) -> AssessmentCharts:
    """A radar of the pillars (bars when there are too few for a radar), and per pillar its
    indicators' bars, coloured and marked by status; mirrored for a right-to-left report, with
    text laid out in advance (`visual`) for the PDF and Word renderers (chart_mirror)."""
    rows = [(p.title, p.score, p.reference) for p in result.pillars]
    summary = charts.radar if len(rows) >= 3 else charts.bars

    def chart(svg: str) -> Markup:
        return Markup(oriented(svg, direction, visual=visual))

    return AssessmentCharts(
        summary=chart(summary(rows, reference_name=reference_name)),
        pillars=[
            chart(
                charts.status_bars(
                    [
                        (i.title, i.score, i.reference, status_label(i.status), i.status)
                        for i in p.indicators
                    ],
                    reference_name=reference_name,
                )
            )
            for p in result.pillars
        ],
    )


def assessment_html(
    result: Assessment, look: ReportLook = PLAIN, *, embed_fonts: bool = False
) -> str:
    context = assessment_context(result)
    return html_document(
        "assessment.html",
        look,
        **context,
        charts=assessment_charts(
            result, context["benchmark_name"], look.direction, visual=embed_fonts or look.word
        ),
        embed_fonts=embed_fonts,
    )


def html(result: Assessment, look: ReportLook = PLAIN) -> bytes:
    return assessment_html(result, look).encode("utf-8")


def md(result: Assessment, look: ReportLook = PLAIN) -> bytes:
    """The Markdown report: the content of the PDF as plain text and tables, without the charts."""
    context = assessment_context(result)
    return markdown_document("assessment.md.j2", look, **context).encode("utf-8")


def docx(result: Assessment, look: ReportLook = PLAIN) -> bytes:
    """The Word report, made from this same HTML (ncr.outputs.reports.docx_writer)."""
    from ncr.outputs.reports.docx_writer import word_report  # python-docx only when asked for

    return word_report(assessment_html(result, look.for_word()), look)
