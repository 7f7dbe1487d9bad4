"""`ncr explain` in a terminal: the parts of a score, largest first, what caps took, what was left out."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from ncr.engine.explanation import Explanation
from ncr.outputs.display import number, percent
from ncr.outputs.terminal.tables import table

PART_OF: dict[str, str] = {"overall": "Pillar", "pillar": "Indicator", "indicator": "Question"}
LEFT_OUT_WORDS: dict[str, str] = {
    "n/a": "answered n/a",
    "not_applicable": "not asked (their condition does not hold)",
    "unscored": "text answers, not scored",
}
TEXT_LIMIT = 60


def headline(x: Explanation) -> Text:
    if x.scope == "overall":
        first = f"[bold]Where the overall score of {escape(x.country)} {x.year} comes from: {number(x.score)}[/]"
        second = "Points each pillar adds to the overall score, then what caps took away."
    else:
        first = (
            f"[bold]Where {escape(x.title)} ({x.id}) comes from: score {number(x.score)}, "
            f"{percent(x.share)} of the overall score[/]"
        )
        second = f"Points each {PART_OF[x.scope].lower()} adds to the overall score of {escape(x.country)} {x.year}."
    return Text.from_markup(f"{first}\n{second}")


def parts_table(x: Explanation, plain: bool) -> Table:
    t = table(PART_OF[x.scope], "Score", "Points", title=None, plain=plain)
    for part in x.parts:
        title = part.title if len(part.title) <= TEXT_LIMIT else part.title[: TEXT_LIMIT - 1] + "…"
        t.add_row(escape(f"{part.id} {title}"), number(part.score), number(part.points))
    for cap in x.cap_effects:
        words = x.rules.get(cap.rule, cap.rule)
        t.add_row(
            Text(f"cap on {cap.target}: {words}", style="yellow"), "", number(cap.points, True)
        )
    t.add_row(Text("Total", style="bold"), "", Text(number(x.total), style="bold"))
    return t


def left_out_line(x: Explanation) -> str:
    if not x.left_out:
        return "No question was left out of the score."
    counts = "; ".join(f"{n} {LEFT_OUT_WORDS[state]}" for state, n in x.left_out.items())
    total = sum(x.left_out.values())
    return f"Left out of the score ({total} question{'s' if total != 1 else ''}): {counts}."


def show_explanation(x: Explanation, console: Console) -> None:
    console.print(headline(x))
    console.print(parts_table(x, plain=not console.is_terminal))
    console.print(left_out_line(x), markup=False)
