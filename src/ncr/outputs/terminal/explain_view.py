"""`ncr explain` in a terminal: the parts of a score, largest first, what caps took, what was left out."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from ncr.engine.explanation import Explanation
from ncr.outputs.display import number, percent
from ncr.outputs.interface_text import N_, _, ngettext
from ncr.outputs.terminal.tables import table

PART_OF: dict[str, str] = {
    "overall": N_("Pillar"),
    "pillar": N_("Indicator"),
    "indicator": N_("Question"),
}
# "Points each pillar adds…": the parts in a sentence
PARTS_ADD: dict[str, str] = {
    "pillar": N_("Points each indicator adds to the overall score of %(country)s %(year)s."),
    "indicator": N_("Points each question adds to the overall score of %(country)s %(year)s."),
}
LEFT_OUT_WORDS: dict[str, str] = {
    "n/a": N_("answered n/a"),
    "not_applicable": N_("not asked (their condition does not hold)"),
    "unscored": N_("text answers, not scored"),
}
TEXT_LIMIT = 60


def headline(x: Explanation) -> Text:
    if x.scope == "overall":
        first = _("Where the overall score of %(country)s %(year)s comes from: %(score)s") % {
            "country": x.country,
            "year": x.year,
            "score": number(x.score),
        }
        second = _("Points each pillar adds to the overall score, then what caps took away.")
    else:
        first = _(
            "Where %(title)s (%(id)s) comes from: score %(score)s, %(share)s of the overall score"
        ) % {"title": x.title, "id": x.id, "score": number(x.score), "share": percent(x.share)}
        second = _(PARTS_ADD[x.scope]) % {"country": x.country, "year": x.year}
    return Text.assemble((first, "bold"), "\n", second)


def parts_table(x: Explanation, plain: bool) -> Table:
    t = table(_(PART_OF[x.scope]), _("Score"), _("Points"), title=None, plain=plain)
    for part in x.parts:
        title = part.title if len(part.title) <= TEXT_LIMIT else part.title[: TEXT_LIMIT - 1] + "…"
        t.add_row(escape(f"{part.id} {title}"), number(part.score), number(part.points))
    for cap in x.cap_effects:
        words = x.rules.get(cap.rule, cap.rule)
        t.add_row(
            Text(
                _("cap on %(target)s: %(rule)s") % {"target": cap.target, "rule": words},
                style="yellow",
            ),
            "",
            number(cap.points, True),
        )
    t.add_row(Text(_("Total"), style="bold"), "", Text(number(x.total), style="bold"))
    return t


def left_out_line(x: Explanation) -> str:
    if not x.left_out:
        return _("No question was left out of the score.")
    counts = "; ".join(f"{n} {_(LEFT_OUT_WORDS[state])}" for state, n in x.left_out.items())
    total = sum(x.left_out.values())
    return ngettext(
        "Left out of the score (%(num)d question): %(counts)s.",
        "Left out of the score (%(num)d questions): %(counts)s.",
        total,
    ) % {"num": total, "counts": counts}


def show_explanation(x: Explanation, console: Console) -> None:
    console.print(headline(x))
    console.print(parts_table(x, plain=not console.is_terminal))
    console.print(left_out_line(x), markup=False)
