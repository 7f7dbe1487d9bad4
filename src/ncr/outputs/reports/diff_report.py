"""The diff report of two reviews, as HTML, Markdown and PDF, in the frame of every report."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from ncr.engine.review_diff import AnswerChange, DiffResult, IndicatorChange
from ncr.outputs.reports import charts
from ncr.outputs.reports.chart_mirror import oriented
from ncr.outputs.reports.report_look import PLAIN, ReportLook
from ncr.outputs.reports.templating import (
    ARROWS,
    Frame,
    html_document,
    in_direction,
    long_date,
    markdown_document,
)

TOP = 5  # how many rises and falls the summary lists

# What a move from one status to another means to a reader, for the status-change table.
KINDS: dict[str, str] = {
    "new_strengths": "new strength",
    "resolved_weaknesses": "weakness resolved",
    "new_weaknesses": "new weakness",
    "lost_strengths": "strength lost",
}


def latest(result: DiffResult) -> dt.date:
    """The report's date: the later of the two review dates, never the clock."""
    return max(result.old.review.date, result.new.review.date)


def diff_frame(result: DiffResult, arrow: str = ARROWS["ltr"]) -> Frame:
    old, new = result.old, result.new
    country = new.country.name
    years = f"{old.year} and {new.year}"
    return Frame(
        title=f"National Cyber Review of {country}: what changed between {years}",
        header=f"{country} · National Cyber Review {old.year} {arrow} {new.year}",
        footer=(
            f"Reviews of {long_date(old.review.date)} ({old.review.status}) and "
            f"{long_date(new.review.date)} ({new.review.status})"
        ),
        description=f"Changes in {country}'s National Cyber Review between {years}",
        created=latest(result),
        authors=list(dict.fromkeys([*new.review.reviewers, *old.review.reviewers])),
        classification=result.classification,
        draft=result.draft,
        generator=f"ncr {result.ncr_version}",
    )


def status_kinds(result: DiffResult) -> dict[str, list[str]]:
    """Indicator id → what its status change means ("weakness resolved", "new strength")."""
    found: dict[str, list[str]] = {}
    for key, label in KINDS.items():
        for ident in getattr(result.status_changes, key):
            found.setdefault(ident, []).append(label)
    return found


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


def cycles_sentence(result: DiffResult) -> str:
    """The like-for-like change in words, for a diff across two questionnaires (§7)."""
    q, lfl = result.questions, result.overall.like_for_like
    change = f"{lfl.delta:+.1f} points" if lfl and lfl.delta is not None else "not measurable"
    return (
        f"The questionnaire changed: {len(q.new)} questions are new and {len(q.dropped)} are no "
        f"longer asked. Scored on the {q.shared} questions both reviews asked, the change is "
        f"{change}."
    )


def diff_context(result: DiffResult, direction: str = "ltr") -> dict[str, Any]:
    before, after = result.labels()
    titles = {i.id: i.title for i in result.indicators}
    return {
        "result": result,
        "frame": diff_frame(result, ARROWS.get(direction, ARROWS["ltr"])),
        "before": before,
        "after": after,
        "headline": in_direction(result.headline, direction),
        "improved": result.improved(),
        "regressed": result.regressed(),
        "rescored": rescored(result),
        "reweighed": result.reweighed(),
        "both_cycles": result.questionnaire_changed,
        "cycles_sentence": cycles_sentence(result),
        "top": TOP,
        "status_moves": result.status_moves(),
        "status_kinds": status_kinds(result),
        "added": [i for i in result.indicators if i.presence == "added"],
        "removed": [i for i in result.indicators if i.presence == "removed"],
        "answers_by_indicator": changed_by_indicator(result),
        "indicator_titles": titles,
        "pillar_titles": {p.id: p.title for p in result.pillars},
        "benchmark_name": result.benchmark.title or result.benchmark.id or "no benchmark",
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
