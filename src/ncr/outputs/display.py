"""How numbers and statuses read, the same on screen and in every report."""

from __future__ import annotations

from collections.abc import Sequence

from ncr.engine.recommendations import GENERIC_RECOMMENDATION
from ncr.engine.result import BenchmarkRef, FiredRule, Recommendation, Status
from ncr.outputs.interface_text import N_, _, ngettext
from ncr.outputs.locale_format import number, percent, signed, weight

__all__ = ["number", "percent", "signed"]  # shown here, formatted in the reader's language

STATUS_LABELS: dict[Status, str] = {
    "strength": N_("Strength"),
    "on_track": N_("On track"),
    "weakness": N_("Weakness"),
    "unbenchmarked": N_("No reference"),
    "not_applicable": N_("Not applicable"),
}

# The roadmap's horizons (DESIGN §9) and what became of a previous recommendation (DESIGN §10).
HORIZON_LABELS: dict[str, str] = {
    "short": N_("Short term (0–12 months)"),
    "medium": N_("Medium term (12–36 months)"),
    "long": N_("Long term (36 months and more)"),
    "none": N_("Horizon not yet set by the review team"),
}
FOLLOW_UP_LABELS: dict[str, str] = {
    "implemented": N_("Implemented"),
    "partly": N_("Partly implemented"),
    "not_started": N_("Not started"),
    "no_longer_relevant": N_("No longer relevant"),
    "not_followed_up": N_("Not followed up"),
}


def page_words() -> tuple[str, str, str]:
    """The footer's "Page X of Y" as the text before, between and after its two fields."""
    before, _page, rest = _("Page %(page)s of %(pages)s").partition("%(page)s")
    between, _pages, after = rest.partition("%(pages)s")
    return before, between, after


def plural(count: int, word: str) -> str:
    """`1 country`, `2 countries`, `0 errors`."""
    if count == 1:
        return f"1 {word}"
    return f"{count} {word[:-1]}ies" if word.endswith("y") else f"{count} {word}s"


def status_label(status: Status) -> str:
    return _(STATUS_LABELS[status])


def recommendation_text(rec: Recommendation) -> str:
    """The action in words: the framework's or the reviewers' text, or the engine's generic one
    (for an indicator the framework gives no action) in the reader's language."""
    if rec.kind == "indicator" and rec.text == GENERIC_RECOMMENDATION.format(title=rec.title):
        return _("Raise “%(indicator)s” to the benchmark.") % {"indicator": rec.title}
    return rec.text


# The words the engine shows for an answer that is no option label (engine/answers.display).
ANSWER_WORDS: dict[str, str] = {
    "(no answer)": N_("(no answer)"),
    "(none selected)": N_("(none selected)"),
    "not applicable": N_("not applicable"),
    "unknown": N_("unknown"),
    "Yes": N_("Yes"),
    "No": N_("No"),
}


def answer_shown(value: object, display: str) -> str:
    """An answer as the reader reads it: option labels as given, the engine's own words (no
    answer, unknown, Yes, No) in the reader's language, numbers in its digits."""
    if isinstance(value, float | int) and not isinstance(value, bool):
        return weight(float(value))
    if display in ANSWER_WORDS and (value is None or value == [] or isinstance(value, str)):
        return _(ANSWER_WORDS[display])
    return display


def horizon_label(key: str | None) -> str:
    return _(HORIZON_LABELS[key or "none"])


def follow_up_label(key: str) -> str:
    return _(FOLLOW_UP_LABELS[key])


# Points at stake beyond the nominal share by more than this are said to lift a cap (§6).
LIFT_GAP = 0.05


def rule_words(rule: str, rules: Sequence[FiredRule]) -> str:
    """A rule as prose: its description (else its flag), never its id alone."""
    found = next((r for r in rules if r.id == rule), None)
    text = (found.description or found.flag or rule) if found else rule
    return _("“%(rule)s”") % {"rule": text.strip().rstrip(".")}


def stake_note(rec: Recommendation, rules: Sequence[FiredRule]) -> str | None:
    """Why a recommendation's points at stake differ from its share of the score, in words."""
    points, nominal = rec.points_at_stake, rec.nominal_points
    if points is None or nominal is None:
        return None
    if rec.blocked_by:
        holding = _(" and ").join(rule_words(r, rules) for r in rec.blocked_by)
        return ngettext(
            "While %(rules)s holds, this raises the overall score by %(points)s points, not "
            "%(nominal)s.",
            "While %(rules)s hold, this raises the overall score by %(points)s points, not "
            "%(nominal)s.",
            len(rec.blocked_by),
        ) % {"rules": holding, "points": number(points), "nominal": number(nominal)}
    if points > nominal + LIFT_GAP:
        return _(
            "Worth more than its share of the score (%(nominal)s points): reaching the "
            "reference also lifts a cap on the score."
        ) % {"nominal": number(nominal)}
    return None


def peer_note(benchmark: BenchmarkRef, country: str) -> str | None:
    """For a peer benchmark, what it stands on, and a warning when the country is one of them."""
    if not benchmark.peers:
        return None
    count = len(benchmark.peers)
    values = {"count": count, "peers": ", ".join(benchmark.peers), "country": country}
    if benchmark.includes_assessed:
        return (
            ngettext(
                "The benchmark is built from %(count)d review (%(peers)s), %(country)s's own among "
                "them: it is partly held against itself.",
                "The benchmark is built from %(count)d reviews (%(peers)s), %(country)s's own among "
                "them: it is partly held against itself.",
                count,
            )
            % values
        )
    return (
        ngettext(
            "The benchmark is built from %(count)d review (%(peers)s).",
            "The benchmark is built from %(count)d reviews (%(peers)s).",
            count,
        )
        % values
    )
