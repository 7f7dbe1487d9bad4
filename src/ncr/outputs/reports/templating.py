"""What every report format shares: the Jinja environments, display filters and report contexts.

Two environments read the same template folder. The HTML one autoescapes every value; the Markdown
one escapes every value as Markdown text (its `finalize`), so untrusted text can never become markup
in either. A new report kind adds a template and a context function; the helpers stay as they are.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import jinja2
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from ncr.engine.result import AnswerState, Assessment, LevelInfo, Recommendation
from ncr.outputs.display import (
    answer_shown,
    follow_up_label,
    horizon_label,
    page_words,
    recommendation_text,
    status_label,
)
from ncr.outputs.interface_text import N_, _, active_language, ngettext
from ncr.outputs.locale_format import long_date, number, percent, signed, weight
from ncr.outputs.reports.report_look import PLAIN, ReportLook
from ncr.outputs.reports.template_files import render_template
from ncr.shipped import display_path, template_dir

# Why an answer that is not a plain scored answer counts as it does.
ANSWER_STATES: dict[AnswerState, str] = {
    "answered": "",
    "unknown": N_("scores 0"),
    "missing": N_("scores 0"),
    "n/a": N_("left out of the score"),
    "not_applicable": N_("not asked, as its condition does not hold; left out of the score"),
    "unscored": N_("text answer, not scored"),
}


def answer_state(state: AnswerState) -> str:
    return _(ANSWER_STATES[state]) if ANSWER_STATES[state] else ""


REVIEW_STATUSES = {"draft": N_("Draft"), "final": N_("Final")}


def review_status(status: str) -> str:
    """A review's status word, capitalised: "Draft" or "Final"."""
    return _(REVIEW_STATUSES[status]) if status in REVIEW_STATUSES else status.title()


# The role of each input file in the provenance annex.
FILE_ROLES = {
    "response": N_("Response"),
    "questionnaire": N_("Questionnaire"),
    "framework": N_("Framework"),
    "benchmark": N_("Benchmark"),
    "previous review": N_("Previous review"),
    "template": N_("Template"),
    "profile": N_("Profile"),
    "logo": N_("Logo"),
}


def file_role(role: str) -> str:
    return _(FILE_ROLES[role]) if role in FILE_ROLES else role.capitalize()


def web_url(url: str | None) -> str | None:
    """The URL if it is a plain web address, else None: only these may ever become a link."""
    if url and re.fullmatch(r"https?://[^\s\"'<>`]+", url, re.IGNORECASE):
        return url
    return None


# Characters that could open Markdown or inline HTML anywhere; a backslash makes each one literal.
# Runs of white space become one space; no-break spaces stay (French "57 %", "Score :").
_MD_SPACES = re.compile(r"[^\S\u00a0\u2007\u202f]+")
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
# What opens a heading, list or rule when it starts a line ("# x", "- x", "1. x"); "-5.0" does not.
_MD_BLOCK = re.compile(r"^(#+|[-+=]|\d+[.)])(?=\s|$)")


def md_escape(value: object) -> str:
    """Any value as literal Markdown text on one line (a table cell or a list item)."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return str(value)
    text = _MD_INLINE.sub(r"\\\1", _MD_SPACES.sub(" ", str(value)).strip())
    if block := _MD_BLOCK.match(text):
        cut = block.end() - 1 if text[0].isdigit() else 0
        text = f"{text[:cut]}\\{text[cut:]}"
    return text


BLOCKED_GAP = 0.05  # a cap that keeps the gain this far below nominal is worth telling (display)


def blocked(rec: Recommendation) -> bool:
    """A cap keeps this action's gain below what it would be without caps (DESIGN §6)."""
    points, nominal = rec.points_at_stake, rec.nominal_points
    return (
        bool(rec.blocked_by)
        and points is not None
        and nominal is not None
        and (points < nominal - BLOCKED_GAP)
    )


# LEFT-TO-RIGHT ISOLATE ... POP DIRECTIONAL ISOLATE: never seen, they set a number apart.
LRI, PDI = "\u2066", "\u2069"
# What leads from an old value to a new one: in right-to-left text the reader's eye goes left.
ARROWS = {"ltr": "→", "rtl": "←"}


def left_to_right(format_value: Callable[..., str]) -> Callable[..., str]:
    """A number filter whose figures read left to right in a right-to-left report too: without
    the isolate, Arabic text would show "-6.1" as "6.1-" (its sign is neutral to the bidi
    algorithm); isolated, a number still counts as neutral, so "72.9 ← 80.0" runs right to left."""

    @jinja2.pass_environment
    def shown(env: jinja2.Environment, value: Any, *args: Any) -> str:
        text = format_value(value, *args)
        return f"{LRI}{text}{PDI}" if env.globals.get("direction") == "rtl" else text

    return shown


# LEFT-TO-RIGHT MARK; the first letter of a script that reads either way (Latin, then Hebrew to Arabic)
LRM = "\u200e"
_STRONG = re.compile("[A-Za-z\u00c0-\u024f\u0370-\u04ff\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


@jinja2.pass_environment
def own_words(env: jinja2.Environment, text: Any) -> Any:
    """The review team's text, shown as written. In a right-to-left report a sentence the team
    wrote in English would end with its full stop at the wrong end (".in 2025") and start with a
    leading number on the wrong side: marked left to right at both ends, it reads as written, as
    `dir="auto"` would make it in a browser (WeasyPrint, Word and LibreOffice have no such thing).
    Text that starts with Arabic is left as it is."""
    if env.globals.get("direction") != "rtl" or not text:
        return text
    first = _STRONG.search(str(text))
    if first is None or first.group(0) >= "\u0590":
        return text
    if isinstance(text, Markup):
        return Markup(LRM) + text + Markup(LRM)
    return f"{LRM}{text}{LRM}"


_SIGNED_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?%?")


def in_direction(text: str, direction: str) -> str:
    """A sentence written in Python (the diff's headline) for a report in `direction`: in
    right-to-left text its arrows turn round and its numbers are isolated, as the filters do."""
    if direction != "rtl":
        return text
    isolated = _SIGNED_NUMBER.sub(lambda m: f"{LRI}{m.group(0)}{PDI}", text)
    return isolated.replace(ARROWS["ltr"], ARROWS["rtl"])


FILTERS: dict[str, Callable[..., Any]] = {
    "number": left_to_right(number),
    "signed": left_to_right(signed),
    "percent": percent,
    "status": status_label,
    "answer_state": answer_state,
    "weight": weight,
    "long_date": long_date,
    "review_status": review_status,
    "file_role": file_role,
    "web_url": web_url,
    # where a warning points, its file named as reports name files: never this machine's folders
    "place": lambda w: w.model_copy(update={"file": display_path(Path(w.file))}).place,
    "horizon": horizon_label,
    "follow_up": follow_up_label,
    "blocked": blocked,
    "action": recommendation_text,
    "own": own_words,
    "shown": lambda row: answer_shown(row.answer, row.display),
    "shown_before": lambda row: answer_shown(row.old, row.old_display),
    "shown_after": lambda row: answer_shown(row.new, row.new_display),
}


def page_counter() -> Markup:
    """The CSS `content` of the page footer, "Page 3 of 35" in the reader's language."""
    before, between, after = (json.dumps(part, ensure_ascii=False) for part in page_words())
    return Markup(f"{before} counter(page) {between} counter(pages) {after}")


def asset(env: jinja2.Environment, name: str) -> Markup:
    """A template-folder file included verbatim (a stylesheet). Read through the template loader,
    so a reviewer's folder overrides it by name and no path outside the template folders (no
    "..") can be named."""
    assert env.loader is not None
    source, _, _ = env.loader.get_source(env, name)
    return Markup(source)


@functools.cache
def environment(
    kind: Literal["html", "md"], folders: tuple[Path, ...] = (), direction: str = "ltr"
) -> jinja2.Environment:
    """The environment of one output kind over the reviewers' template folders, then ours, for
    text written in `direction` (a global, so that imported macros see it too). Every template
    runs in jinja2's sandbox: a reviewer's template cannot reach Python internals."""
    markdown = kind == "md"
    env = SandboxedEnvironment(
        extensions=["jinja2.ext.i18n"],
        loader=jinja2.FileSystemLoader([*folders, template_dir()]),
        autoescape=not markdown,
        finalize=md_escape if markdown else None,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(FILTERS)
    # looked up at each call, so one cached environment writes every language
    env.install_gettext_callables(  # type: ignore[attr-defined]  # added by the i18n extension
        gettext=lambda message: _(message),
        ngettext=lambda singular, plural, n: ngettext(singular, plural, n),
        newstyle=True,
    )
    env.globals["lang"] = active_language
    env.globals["page_counter"] = page_counter
    env.globals["asset"] = functools.partial(asset, env)
    env.globals["direction"] = direction
    env.globals["arrow"] = ARROWS.get(direction, ARROWS["ltr"])
    return env


def html_document(template_name: str, look: ReportLook = PLAIN, **context: Any) -> str:
    env = environment("html", look.templates, look.direction)
    return render_template(env, template_name, look, context)


def markdown_document(template_name: str, look: ReportLook = PLAIN, **context: Any) -> str:
    env = environment("md", look.templates, look.direction)
    return render_template(env, template_name, look, context)


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
    values = {
        "country": result.country.name,
        "year": result.year,
        "code": result.country.code,
        "date": long_date(result.review.date),
        "status": review_status(result.review.status),
        "framework": f"{result.framework.title or result.framework.id} "
        f"{result.framework.version or ''}",
    }
    return Frame(
        title=_("National Cyber Review of %(country)s, %(year)s") % values,
        header=_("%(country)s · National Cyber Review %(year)s") % values,
        footer=_("Review of %(date)s · %(status)s") % values,
        description=(
            _("Assessment of %(country)s (%(code)s) against %(framework)s") % values
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
