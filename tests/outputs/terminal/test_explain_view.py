"""The explanation on screen: parts largest first, caps in words, the total, what was left out."""

from __future__ import annotations

from io import StringIO

from rich.console import Console

from assessing import assess_stakes
from ncr.engine.explanation import explain
from ncr.outputs.terminal.explain_view import left_out_line, show_explanation


def shown(**scope: str) -> str:
    buffer = StringIO()
    show_explanation(explain(assess_stakes("capped"), **scope), Console(file=buffer, width=100))
    return buffer.getvalue()


def test_a_pillar_reads_as_its_share_and_its_parts() -> None:
    out = shown(pillar="law")
    assert out.startswith("Where Law (law) comes from: score 25.0, 50% of the overall score\n")
    rows = [line for line in out.splitlines() if line.startswith("| law.")]
    assert [row.split()[1] for row in rows] == ["law.b", "law.a"]  # 12.5 before 7.5
    assert "cap on law.b: Without any power in force" in out
    assert "No question was left out of the score." in out


def test_left_out_questions_are_counted_in_words() -> None:
    x = explain(assess_stakes("capped"), indicator="tech.c")
    assert left_out_line(x) == (
        "Left out of the score (2 questions): 1 answered n/a; 1 text answers, not scored."
    )
