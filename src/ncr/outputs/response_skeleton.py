"""The response skeleton `ncr init` writes: every question as a commented block, ready to answer.

Pure: a questionnaire (and, with `--from`, what carries over from an earlier review) in, the YAML
text out. Values go through the YAML writer, never string formatting, so any text a reviewer wrote reads back unchanged;
comments are built from the questionnaire with every line break in its text flattened.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from ncr.documents import Answer, Question, Questionnaire, Section
from ncr.engine.carry_over import Carried, CarryOver
from ncr.outputs import condition_words as describe
from ncr.outputs.interface_text import N_, _
from ncr.outputs.yaml_writer import WIDTH, dump

INDENT = "  "
HOW_TO_ANSWER = N_("""\
Answer under each question's comment block, in the short form `L1.1: "yes"` or the long form with
`answer:`, `evidence:` (a list of documents, each text or {title: ..., url: ...}) and `note:`.
Any scored question also takes `unknown` (scores 0); `n/a` only where its block allows it. An answer
left empty is missing: it scores 0 and is listed as missing in the report.
Check the file with: ncr validate FILE""")


@dataclass(frozen=True)
class Header:
    """The top of the file: who is reviewed, when, with which questionnaire."""

    code: str
    name: str
    year: int
    questionnaire: str  # an id, or a path relative to the file, as it is written in it
    date: dt.date
    classification: str | None = None
    schema: str | None = None  # where editors find the response JSON Schema
    status: str = "draft"
    reviewers: tuple[str, ...] = ()
    origin: str | None = None  # a line saying where the answers come from (`ncr import`)
    previous: str | None = None  # the earlier review, relative to the file (`init --from`)


def render(
    header: Header,
    qn: Questionnaire,
    carried: CarryOver | None = None,
    given: Mapping[str, Answer] | None = None,
) -> str:
    """The response file: every question, answered from what `carried` brings over from an
    earlier review, or from the answers `given` (a workbook read back)."""
    lines = [*_preamble(header, qn, carried), "", dump(_header_data(header)), "answers:"]
    answers = carried.answers if carried else {k: Carried(k, a) for k, a in (given or {}).items()}
    origin = carried.earlier.name if carried else ""
    for section in qn.sections:
        lines.extend(_section(section, answers, origin))
    if carried is not None and carried.dropped:
        lines.append("")
        lines.extend(
            _comment(
                _(
                    "Answered in %(earlier)s but not asked in %(questionnaire)s, so not carried "
                    "over: %(ids)s."
                )
                % {
                    "earlier": carried.earlier.name,
                    "questionnaire": qn.id,
                    "ids": ", ".join(carried.dropped),
                },
                "",
            )
        )
    lines.extend(_(FINDINGS_PLACEHOLDER).splitlines())
    if carried is not None:
        lines.extend(_follow_up(carried))
    return "\n".join(lines) + "\n"


# The reviewers' own words (DESIGN §10), commented out until they write them.
FINDINGS_PLACEHOLDER = N_("""
# ==============================================================================================
# The review team's findings: uncomment and write them; the report leads with them.
# ==============================================================================================
# findings:
#   summary:                      # 3 to 6 key messages for the executive summary
#     - ...
#   context: |                    # how the review was done: who was met, when, limitations
#     ...
#   pillars:                      # findings per pillar id
#     legal: |
#       ...
#   recommendations:              # the team's own actions; ids stay stable across reviews
#     - id: R1
#       text: ...
#       indicators: [legal.offences]
#       lead: ...
#       partners: [...]
#       horizon: short            # short (0-12 months) | medium (12-36) | long (36+)
#       priority: 1""")


def _follow_up(carried: CarryOver) -> Iterator[str]:
    """The earlier review's own recommendations, each a commented follow-up entry to fill."""
    findings = carried.earlier.response.findings
    recommendations = findings.recommendations if findings else []
    yield ""
    yield from _comment(
        _(
            "What became of the recommendations of %(earlier)s: uncomment each one and give its "
            "status (implemented | partly | not_started | no_longer_relevant) and a note. One "
            "left out is reported as not followed up."
        )
        % {"earlier": carried.earlier.name},
        "",
    )
    if not recommendations:
        yield from _comment(
            _(
                "That review has no recommendations of the team's own: its report names the "
                "framework's by indicator or rule id, e.g. legal.offences: {status: partly}."
            ),
            "",
        )
    yield "# follow_up:"
    for rec in recommendations:
        yield from _comment(f"{rec.id}: {rec.text}", "#   ")
        yield f"#   {rec.id}: {{status: ..., note: ...}}"


def _preamble(header: Header, qn: Questionnaire, carried: CarryOver | None) -> Iterator[str]:
    if header.schema:
        yield f"# yaml-language-server: $schema={header.schema}"
    yield from _comment(
        _("National Cyber Review response: %(title)s (%(id)s).") % {"title": qn.title, "id": qn.id},
        "",
    )
    if header.origin:
        yield from _comment(header.origin, "")
    if carried is not None:
        earlier = carried.earlier.response
        summary = _(
            "Answers, evidence and notes carried over from %(earlier)s (%(code)s %(year)s): "
            "%(kept)s answer(s) kept"
        ) % {
            "earlier": carried.earlier.name,
            "code": earlier.country.code,
            "year": earlier.year,
            "kept": carried.kept,
        }
        if carried.unfit:
            summary += _(", %(unfit)s to answer again (their blocks say why)") % {
                "unfit": carried.unfit
            }
        check = _("Check each one: it describes the earlier review.")
        yield from _comment(f"{summary}. {check}", "")
    yield "#"
    yield from (f"# {line}" for line in _(HOW_TO_ANSWER).splitlines())


def _header_data(header: Header) -> dict[str, Any]:
    review: dict[str, Any] = {
        "date": header.date,
        "status": header.status,
        "reviewers": list(header.reviewers),
    }
    if header.classification:
        review["classification"] = header.classification
    if header.previous:
        review["previous"] = header.previous
    return {
        "country": {"code": header.code, "name": header.name},
        "year": header.year,
        "questionnaire": header.questionnaire,
        "review": review,
    }


def _section(section: Section, answers: Mapping[str, Carried], origin: str) -> Iterator[str]:
    rule = INDENT + "# " + "=" * (WIDTH - len(INDENT) - 2)
    yield ""
    yield rule
    yield from _comment(f"{section.id} — {section.title}", INDENT)
    if section.description:
        yield from _comment(section.description, INDENT)
    yield rule
    for q in section.questions:
        yield ""
        yield from _question(q)
        yield from _entry(q, answers.get(q.id), origin)


def _question(q: Question) -> Iterator[str]:
    yield from _comment(describe.question_facts(q), INDENT)
    yield from _comment(q.text, INDENT)
    if q.help:
        yield from _comment(_("Help: %(help)s") % {"help": q.help}, INDENT)
    yield from _comment(describe.answer_kind(q), INDENT)
    yield from (f"{INDENT}#   {line}" for line in describe.options(q))
    if q.allow_na:
        yield from _comment(_("n/a is allowed here."), INDENT)
    if q.applies_if is not None:
        condition = describe.condition(q.applies_if)
        yield from _comment(
            _("Applies only if %(condition)s; otherwise leave it empty.")
            % {"condition": condition},
            INDENT,
        )
    if q.replaced:
        yield from _comment(
            _("Replaces question %(id)s of an earlier questionnaire.") % {"id": q.replaced}, INDENT
        )


def _entry(q: Question, carried: Carried | None, origin: str) -> Iterator[str]:
    """`  L1.1:` (missing), or the earlier answer written out, or shown in a comment if unfit."""
    if carried is None:
        yield from _entry_lines(q.id, None)
        return
    if carried.source != q.id:
        yield from _comment(
            _("Carried over from %(id)s in %(origin)s.") % {"id": carried.source, "origin": origin},
            INDENT,
        )
    if carried.unfit is None:
        yield from _entry_lines(q.id, _plain(carried.given))
        return
    yield from _comment(
        _("The answer in %(origin)s no longer fits: %(why)s. Answer again; there it read:")
        % {"origin": origin, "why": carried.unfit},
        INDENT,
    )
    for line in dump({q.id: _plain(carried.given)}).splitlines():
        yield f"{INDENT}#   {line}".rstrip()
    yield from _entry_lines(q.id, None)


def _plain(given: Answer) -> Any:
    """An answer as plain data: the short form when it is only an answer."""
    evidence = [
        item if isinstance(item, str) else item.model_dump(exclude_none=True)
        for item in given.evidence
    ]
    if not evidence and given.note is None:
        return given.answer
    long: dict[str, Any] = {"answer": given.answer}
    if evidence:
        long["evidence"] = evidence
    if given.note is not None:
        long["note"] = given.note
    return long


def _entry_lines(qid: str, value: Any) -> list[str]:
    """`qid: value` as it sits under `answers:`. Dumped in place rather than indented afterwards:
    a literal block may hold line breaks other than "\n" (U+2028), after which PyYAML indents."""
    return dump({"answers": {qid: value}}).removesuffix("\n").split("\n")[1:]


def _comment(text: str, indent: str) -> list[str]:
    """`text` as wrapped comment lines. Every line break in it (and what YAML also counts as one,
    such as U+2028) becomes a space, so the text can never end the comment early."""
    wrapped = textwrap.wrap(
        " ".join(text.split()),
        WIDTH - len(indent) - 2,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return [f"{indent}# {line}" for line in wrapped]
