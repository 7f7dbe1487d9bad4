"""A diff of two reviews told in the reader's language (DESIGN §7, §12): its headline, its column
headings and its summary sentence. The engine's own English lines stay in the JSON, which is
locale-neutral; screens and reports say the same things through the catalogs."""

from __future__ import annotations

from ncr.engine.review_diff import HEADLINE_GAP, Change, DiffResult
from ncr.outputs.interface_text import N_, _, ngettext
from ncr.outputs.locale_format import number, signed

# What a move from one status to another means to a reader, for the status-change table.
KINDS: dict[str, str] = {
    "new_strengths": N_("new strength"),
    "resolved_weaknesses": N_("weakness resolved"),
    "new_weaknesses": N_("new weakness"),
    "lost_strengths": N_("strength lost"),
}


def labels(result: DiffResult) -> tuple[str, str]:
    """Column headings for the two sides: the years, or Old/New when the years are equal."""
    if result.old.year == result.new.year:
        return _("Old"), _("New")
    return str(result.old.year), str(result.new.year)


def _level(level: int | None, name: str | None) -> str:
    return "—" if level is None else f"{level} {name}"


def level_move(change: Change) -> str:
    """Levels on both sides, as "3 Established → 4 Strategic" or "4 Strategic (unchanged)"."""
    old = _level(change.old_level, change.old_level_name)
    new = _level(change.new_level, change.new_level_name)
    return _("%(level)s (unchanged)") % {"level": new} if old == new else f"{old} → {new}"


def score_line(result: DiffResult) -> str:
    o = result.overall
    if o.delta == 0:
        return _("Overall %(score)s (unchanged), level %(level)s") % {
            "score": number(o.new),
            "level": level_move(o),
        }
    return _("Overall %(old)s → %(new)s%(changes)s, level %(level)s") % {
        "old": number(o.old),
        "new": number(o.new),
        "changes": _changes(result),
        "level": level_move(o),
    }


def _changes(result: DiffResult) -> str:
    o = result.overall
    if o.delta is None:
        return ""
    own = o.like_for_like.delta if o.like_for_like else None
    if own is None or not result.questionnaire_changed:
        return f" ({signed(o.delta)})"
    if abs(own - o.delta) <= HEADLINE_GAP:
        return " " + _("(%(delta)s, the same like for like)") % {"delta": signed(o.delta)}
    return " " + _("(%(delta)s as assessed, %(own)s like for like)") % {
        "delta": signed(o.delta),
        "own": signed(own),
    }


def question_line(result: DiffResult) -> str:
    """ "37 questions shared, 5 new, 2 dropped": the ground the two scores stand on."""
    q = result.questions
    return _("%(shared)s questions shared, %(new)s new, %(dropped)s dropped") % {
        "shared": q.shared,
        "new": len(q.new),
        "dropped": len(q.dropped),
    }


def headline(result: DiffResult) -> str:
    # Translators: the score line, then the question line; French puts a space before ";".
    return _("%(score)s; %(questions)s") % {
        "score": score_line(result),
        "questions": question_line(result),
    }


def cycles_sentence(result: DiffResult) -> str:
    """The like-for-like change in words, for a diff across two questionnaires (§7)."""
    q, lfl = result.questions, result.overall.like_for_like
    measured = lfl is not None and lfl.delta is not None
    change = (
        _("%(delta)s points") % {"delta": signed(lfl.delta if lfl else None)}
        if measured
        else _("not measurable")
    )
    return _(
        "The questionnaire changed: %(new)s questions are new and %(dropped)s are no longer "
        "asked. Scored on the %(shared)s questions both reviews asked, the change is %(change)s."
    ) % {"new": len(q.new), "dropped": len(q.dropped), "shared": q.shared, "change": change}


def change_counts(result: DiffResult) -> str:
    """What moved, counted: indicators, critical gaps and answers."""
    improved, regressed = len(result.improved()), len(result.regressed())
    opened, closed = len(result.critical_gaps.opened), len(result.critical_gaps.closed)
    answers = len(result.answers)
    indicators = ngettext("%(num)d indicator improved", "%(num)d indicators improved", improved) % {
        "num": improved
    }
    rest = _("%(regressed)s regressed and %(unchanged)s did not change") % {
        "regressed": regressed,
        "unchanged": result.unchanged.indicators,
    }
    gaps = ngettext(
        "%(num)d critical gap opened and %(closed)s closed",
        "%(num)d critical gaps opened and %(closed)s closed",
        opened,
    ) % {"num": opened, "closed": closed}
    changed = ngettext("%(num)d answer changed", "%(num)d answers changed", answers) % {
        "num": answers
    }
    return f"{indicators}, {rest}; {gaps}; {changed}."


def status_kinds(result: DiffResult) -> dict[str, list[str]]:
    """Indicator id → what its status change means ("weakness resolved", "new strength")."""
    found: dict[str, list[str]] = {}
    for key, label in KINDS.items():
        for ident in getattr(result.status_changes, key):
            found.setdefault(ident, []).append(_(label))
    return found
