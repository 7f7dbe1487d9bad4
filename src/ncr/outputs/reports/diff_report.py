"""The diff report of two reviews, as HTML, Markdown and PDF, in the frame of every report."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from ncr.engine.review_diff import AnswerChange, DiffResult, IndicatorChange
from ncr.outputs import diff_words
from ncr.outputs.interface_text import _
from ncr.outputs.locale_format import long_date
from ncr.outputs.reports import charts
from ncr.outputs.reports.chart_mirror import oriented
from ncr.outputs.reports.report_look import PLAIN, ReportLook
from ncr.outputs.reports.templating import (
    ARROWS,
    Frame,
    html_document,
    in_direction,
    markdown_document,
    review_status,
)

TOP = 5  # how many rises and falls the summary lists


def latest(result: DiffResult) -> dt.date:
    """The report's date: the later of the two review dates, never the clock."""
    return max(result.old.review.date, result.new.review.date)


def diff_frame(result: DiffResult, arrow: str = ARROWS["ltr"]) -> Frame:
    old, new = result.old, result.new
    values = {
        "country": new.country.name,
        "old": old.year,
        "new": new.year,
        "old_date": long_date(old.review.date),
        "new_date": long_date(new.review.date),
        "old_status": review_status(old.review.status).lower(),
        "new_status": review_status(new.review.status).lower(),
    }
    return Frame(
        title=_("National Cyber Review of %(country)s: what changed between %(old)s and %(new)s")
        % values,
        header=(_("%(country)s · National Cyber Review %(old)s → %(new)s") % values).replace(
            "→", arrow
        ),
        footer=_("Reviews of %(old_date)s (%(old_status)s) and %(new_date)s (%(new_status)s)")
        % values,
        description=_(
            "Changes in the National Cyber Review of %(country)s between %(old)s and %(new)s"
        )
        % values,
        created=latest(result),
        authors=list(dict.fromkeys([*new.review.reviewers, *old.review.reviewers])),
        classification=result.classification,
        draft=result.draft,
        generator=f"ncr {result.ncr_version}",
    )


def changed_by_indicator(result: DiffResult) -> dict[str, list[AnswerChange]]:
    grouped: dict[str, list[AnswerChange]] = {}
    for change in result.answers:
        grouped.setdefault(change.indicator, []).append(change)
    return grouped


def rescored(result: DiffResult) -> list[IndicatorChange]:
    """Indicators in both reviews scored in only one of them (not applicable in the other)."""
    return [
        i
        for i in result.indicators
        if i.presence == "both" and i.delta is None and (i.old is not None or i.new is not None)
    ]


def diff_context(result: DiffResult, direction: str = "ltr") -> dict[str, Any]:
    before, after = diff_words.labels(result)
    titles = {i.id: i.title for i in result.indicators}
    return {
        "result": result,
        "frame": diff_frame(result, ARROWS.get(direction, ARROWS["ltr"])),
        "before": before,
        "after": after,
        "headline": in_direction(diff_words.headline(result), direction),
        "change_counts": diff_words.change_counts(result),
        "improved": result.improved(),
        "regressed": result.regressed(),
        "rescored": rescored(result),
        "reweighed": result.reweighed(),
        "both_cycles": result.questionnaire_changed,
        "cycles_sentence": diff_words.cycles_sentence(result),
        "top": TOP,
        "status_moves": result.status_moves(),
        "status_kinds": diff_words.status_kinds(result),
        "added": [i for i in result.indicators if i.presence == "added"],
        "removed": [i for i in result.indicators if i.presence == "removed"],
        "answers_by_indicator": changed_by_indicator(result),
        "indicator_titles": titles,
        "pillar_titles": {p.id: p.title for p in result.pillars},
        "benchmark_name": result.benchmark.title or result.benchmark.id or _("no benchmark"),
    }


@dataclass(frozen=True)
class DiffCharts:
    """Inline SVG, trusted as markup: the chart functions escape their own labels."""

    pillars: Markup
    indicators: dict[str, Markup]  # pillar id → its indicators, both years


def diff_charts(
    result: DiffResult, names: tuple[str, str], direction: str = "ltr", *, visual: bool = False
) -> DiffCharts:
    """Both years' bars, mirrored for a right-to-left report (chart_mirror, as the assessment's)."""
    by_pillar: dict[str, list[IndicatorChange]] = {}
    for ind in result.indicators:
        by_pillar.setdefault(ind.pillar, []).append(ind)

    def chart(rows: list[charts.Row]) -> Markup:
        return Markup(oriented(charts.paired_bars(rows, names=names), direction, visual=visual))

    return DiffCharts(
        pillars=chart([(p.title, p.old, p.new) for p in result.pillars]),
        indicators={
            pillar: chart([(i.title, i.old, i.new) for i in inds])
            for pillar, inds in by_pillar.items()
        },
    )


def diff_html(result: DiffResult, look: ReportLook = PLAIN, *, embed_fonts: bool = False) -> str:
    context = diff_context(result, look.direction)
    names = (context["before"], context["after"])
    drawn = diff_charts(result, names, look.direction, visual=embed_fonts or look.word)
    return html_document("diff.html", look, **context, charts=drawn, embed_fonts=embed_fonts)


def html(result: DiffResult, look: ReportLook = PLAIN) -> bytes:
    return diff_html(result, look).encode("utf-8")


def md(result: DiffResult, look: ReportLook = PLAIN) -> bytes:
    context = diff_context(result, look.direction)
    return markdown_document("diff.md.j2", look, **context).encode("utf-8")


def pdf(result: DiffResult, look: ReportLook = PLAIN) -> bytes:
    from ncr.outputs.reports.pdf_writer import report_pdf  # WeasyPrint only for a PDF

    return report_pdf(diff_html(result, look, embed_fonts=True), latest(result), look)


def docx(result: DiffResult, look: ReportLook = PLAIN) -> bytes:
    from ncr.outputs.reports.docx_writer import word_report  # python-docx only when asked for

    return word_report(diff_html(result, look.for_word()), look)
