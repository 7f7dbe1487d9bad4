"""What every report format shares: the Jinja environments, display filters and report contexts.

Two environments read the same template folder. The HTML one autoescapes every value; the Markdown
one escapes every value as Markdown text (its `finalize`), so untrusted text can never become markup
in either. A new report kind adds a template and a context function; the helpers stay as they are.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import jinja2
from markupsafe import Markup

from ncr.engine.explanation import Explanation, explain
from ncr.engine.result import (
    AnswerResult,
    AnswerState,
    Assessment,
    LevelInfo,
)
from ncr.outputs.display import (
    number,
    peer_note,
    percent,
    signed,
    stake_note,
    status_label,
)
from ncr.shipped import template_dir

TOP = 5  # how many strengths, weaknesses and recommendations the executive summary lists

# Why an answer that is not a plain scored answer counts as it does.
ANSWER_STATES: dict[AnswerState, str] = {
    "answered": "",
    "unknown": "scores 0",
    "missing": "scores 0",
    "n/a": "left out of the score",
    "not_applicable": "not asked, as its condition does not hold; left out of the score",
    "unscored": "text answer, not scored",
}
# Spelled out here rather than taken from strftime, whose month names follow the process locale.
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def answer_state(state: AnswerState) -> str:
    return ANSWER_STATES[state]


def weight(value: float) -> str:
    return f"{value:g}"


def long_date(value: dt.date) -> str:
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def web_url(url: str | None) -> str | None:
    """The URL if it is a plain web address, else None: only these may ever become a link."""
    if url and re.fullmatch(r"https?://[^\s\"'<>`]+", url, re.IGNORECASE):
        return url
    return None


# Characters that could open Markdown or inline HTML anywhere; a backslash makes each one literal.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
# What opens a heading, list or rule when it starts a line ("# x", "- x", "1. x"); "-5.0" does not.
_MD_BLOCK = re.compile(r"^(#+|[-+=]|\d+[.)])(?=\s|$)")


def md_escape(value: object) -> str:
    """Any value as literal Markdown text on one line (a table cell or a list item)."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return str(value)
    text = _MD_INLINE.sub(r"\\\1", " ".join(str(value).split()))
    if block := _MD_BLOCK.match(text):
        cut = block.end() - 1 if text[0].isdigit() else 0
        text = f"{text[:cut]}\\{text[cut:]}"
    return text


FILTERS: dict[str, Callable[..., Any]] = {
    "number": number,
    "signed": signed,
    "percent": percent,
    "status": status_label,
    "answer_state": answer_state,
    "weight": weight,
    "long_date": long_date,
    "web_url": web_url,
}


@functools.cache
def asset(name: str) -> Markup:
    """A template-folder file included verbatim (a stylesheet): ours, so trusted."""
    return Markup((template_dir() / name).read_text(encoding="utf-8"))


@functools.cache
def environment(kind: Literal["html", "md"]) -> jinja2.Environment:
    markdown = kind == "md"
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(template_dir()),
        autoescape=not markdown,
        finalize=md_escape if markdown else None,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(FILTERS)
    env.globals["asset"] = asset
    return env


def html_document(template_name: str, **context: Any) -> str:
    return environment("html").get_template(template_name).render(**context)


def markdown_document(template_name: str, **context: Any) -> str:
    return environment("md").get_template(template_name).render(**context)


@dataclass(frozen=True)
class Frame:
    """What base.html needs from any report: running header, marks and document metadata."""

    title: str
    header: str
    footer: str
    description: str
    created: dt.date
    authors: Sequence[str]
    classification: str | None
    draft: bool
    generator: str


@dataclass(frozen=True)
class LevelRange:
    level: int
    name: str
    low: float
    high: float | None


def assessment_frame(result: Assessment) -> Frame:
    country = result.country.name
    return Frame(
        title=f"National Cyber Review of {country}, {result.year}",
        header=f"{country} · National Cyber Review {result.year}",
        footer=f"Review of {long_date(result.review.date)} · {result.review.status.title()}",
        description=(
            f"Assessment of {country} ({result.country.code}) against "
            f"{result.framework.title or result.framework.id} {result.framework.version or ''}"
        ).strip(),
        created=result.review.date,
        authors=result.review.reviewers,
        classification=result.review.classification,
        draft=result.review.status == "draft",
        generator=f"ncr {result.ncr_version}",
    )


def level_ranges(levels: Sequence[LevelInfo]) -> list[LevelRange]:
    highs: list[float | None] = [level.min for level in levels[1:]]
    return [
        LevelRange(level.level, level.name, level.min, high)
        for level, high in zip(levels, [*highs, None], strict=True)
    ]


def explained_pillars(result: Assessment) -> list[tuple[Explanation, float, float]]:
    """Per pillar with a score: its explanation by indicator, the points its answers add before
    any cap, and what the caps inside it take (the methodology annex, §6a)."""
    found = []
    for pillar in result.pillars:
        if pillar.score is None:
            continue
        x = explain(result, pillar=pillar.id)
        found.append((x, sum(p.points for p in x.parts), sum(c.points for c in x.cap_effects)))
    return found


def assessment_context(result: Assessment) -> dict[str, Any]:
    """Everything the assessment templates show, looked up once so templates stay declarative."""
    answers: dict[str, list[AnswerResult]] = {}
    for answer in result.answers:
        answers.setdefault(answer.indicator, []).append(answer)
    by_question = {answer.question: answer for answer in result.answers}
    pillar_titles = {pillar.id: pillar.title for pillar in result.pillars}
    indicator_titles = {ind.id: ind.title for ind in result.indicators()}
    return {
        "result": result,
        "frame": assessment_frame(result),
        "strengths": result.strengths()[:TOP],
        "weaknesses": result.weaknesses()[:TOP],
        "top_recommendations": result.recommendations[:TOP],
        # by indicator or rule id: why the points at stake differ from the nominal share (§6)
        "stake_notes": {
            rec.indicator or rec.rule: note
            for rec in result.recommendations
            if (note := stake_note(rec, result.rules))
        },
        "answers_by_indicator": answers,
        "missing": [by_question[q] for q in result.missing],
        "pillar_titles": pillar_titles,
        "indicator_titles": indicator_titles,
        "indicators": {ind.id: ind for ind in result.indicators()},
        "cap_targets": {**pillar_titles, **indicator_titles, "overall": "the overall score"},
        "levels": level_ranges(result.levels),
        "explained": explain(result),
        "peer_note": peer_note(result.benchmark, result.country.name),
        "explained_pillars": explained_pillars(result),
        "benchmark_name": result.benchmark.title or result.benchmark.id or "no benchmark",
    }
