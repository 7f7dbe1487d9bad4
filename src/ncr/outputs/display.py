"""How numbers and statuses read, the same on screen and in every report."""

from __future__ import annotations

import math
from collections.abc import Sequence

from ncr.engine.result import BenchmarkRef, FiredRule, Recommendation, Status

STATUS_LABELS: dict[Status, str] = {
    "strength": "Strength",
    "on_track": "On track",
    "weakness": "Weakness",
    "unbenchmarked": "No reference",
    "not_applicable": "Not applicable",
}

# The roadmap's horizons (DESIGN §9) and what became of a previous recommendation (DESIGN §10).
HORIZON_LABELS: dict[str, str] = {
    "short": "Short term (0–12 months)",
    "medium": "Medium term (12–36 months)",
    "long": "Long term (36 months and more)",
    "none": "Horizon not yet set by the review team",
}
FOLLOW_UP_LABELS: dict[str, str] = {
    "implemented": "Implemented",
    "partly": "Partly implemented",
    "not_started": "Not started",
    "no_longer_relevant": "No longer relevant",
    "not_followed_up": "Not followed up",
}


def number(value: float | None, signed: bool = False) -> str:
    """A score as reviewers read it: one decimal, an em dash when there is none."""
    if value is None:
        return "—"
    return f"{value:+.1f}" if signed else f"{value:.1f}"


def signed(value: float | None) -> str:
    return number(value, signed=True)


def percent(value: float | None) -> str:
    """Rounded down, so that 199 answers out of 200 never read as 100%."""
    return "—" if value is None else f"{math.floor(value * 100 + 1e-9)}%"


def plural(count: int, word: str) -> str:
    """`1 country`, `2 countries`, `0 errors`."""
    if count == 1:
        return f"1 {word}"
    return f"{count} {word[:-1]}ies" if word.endswith("y") else f"{count} {word}s"


def status_label(status: Status) -> str:
    return STATUS_LABELS[status]


# Points at stake beyond the nominal share by more than this are said to lift a cap (§6).
LIFT_GAP = 0.05


def rule_words(rule: str, rules: Sequence[FiredRule]) -> str:
    """A rule as prose: its description (else its flag), never its id alone."""
    found = next((r for r in rules if r.id == rule), None)
    text = (found.description or found.flag or rule) if found else rule
    return f"“{text.strip().rstrip('.')}”"


def stake_note(rec: Recommendation, rules: Sequence[FiredRule]) -> str | None:
    """Why a recommendation's points at stake differ from its share of the score, in words."""
    points, nominal = rec.points_at_stake, rec.nominal_points
    if points is None or nominal is None:
        return None
    if rec.blocked_by:
        holding = " and ".join(rule_words(r, rules) for r in rec.blocked_by)
        verb = "hold" if len(rec.blocked_by) > 1 else "holds"
        return (
            f"While {holding} {verb}, this raises the overall score by {number(points)} "
            f"points, not {number(nominal)}."
        )
    if points > nominal + LIFT_GAP:
        return (
            f"Worth more than its share of the score ({number(nominal)} points): reaching the "
            "reference also lifts a cap on the score."
        )
    return None


def peer_note(benchmark: BenchmarkRef, country: str) -> str | None:
    """For a peer benchmark, what it stands on, and a warning when the country is one of them."""
    if not benchmark.peers:
        return None
    count = len(benchmark.peers)
    line = f"The benchmark is built from {count} review{'s' if count != 1 else ''} ({', '.join(benchmark.peers)})"
    if benchmark.includes_assessed:
        return f"{line}, {country}'s own among them: it is partly held against itself."
    return f"{line}."
