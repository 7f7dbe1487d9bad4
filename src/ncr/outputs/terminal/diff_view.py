"""A diff in a terminal: the headline first, then what moved most, then the detail."""

from __future__ import annotations

from collections.abc import Iterator

from rich.console import Console, RenderableType
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from ncr.engine.result import Status
from ncr.engine.review_diff import (
    AnswerChange,
    Change,
    DiffResult,
    IndicatorChange,
    OneSidedAnswer,
)
from ncr.outputs import diff_words
from ncr.outputs.display import number
from ncr.outputs.interface_text import N_, NP_, _, ngettext
from ncr.outputs.terminal.tables import TOP, status_text, table

ANSWER_LIMIT = 15  # changed answers listed before "…and N more"
TEXT_LIMIT = 60  # characters of a question's text shown beside its id


def one_status(status: Status | None) -> Text:
    """A status word; a dash where the indicator was not assessed at all."""
    return Text("—", style="dim") if status is None else status_text(status)


def status_move(old: Status | None, new: Status | None) -> Text:
    if old == new:
        return one_status(new)
    return Text.assemble(one_status(old), " → ", one_status(new))


def _title(result: DiffResult) -> str:
    old, new = result.old, result.new
    if old.country == new.country:
        who = _("%(country)s — review %(old)s → %(new)s") % {
            "country": f"{escape(new.country.name)} ({new.country.code})",
            "old": old.year,
            "new": new.year,
        }
    else:
        who = (
            f"{escape(old.country.name)} ({old.country.code}) {old.year} → "
            f"{escape(new.country.name)} ({new.country.code}) {new.year}"
        )
    draft = " [bold red]" + escape(_("DRAFT")) + "[/]" if result.draft else ""
    return f"[bold]{who}[/]{draft}"


def _both(old: str | None, new: str | None) -> str:
    return escape(old or "—") if old == new else f"{escape(old or '—')} → {escape(new or '—')}"


def _setting(result: DiffResult) -> str:
    old, new = result.old, result.new
    framework = new.framework.title or new.framework.id
    bm = result.benchmark.title or result.benchmark.id or _("no benchmark")
    return escape(
        _("%(framework)s · questionnaire %(questionnaire)s · benchmark: %(benchmark)s")
    ) % {
        "framework": f"{escape(framework)} {_both(old.framework.version, new.framework.version)}",
        "questionnaire": _both(old.questionnaire.id, new.questionnaire.id),
        "benchmark": escape(bm),
    }


def headline(result: DiffResult) -> Text:
    lines = [
        _title(result),
        _setting(result),
        "[bold]" + escape(diff_words.score_line(result)) + "[/]",
        escape(diff_words.question_line(result)),
    ]
    return Text.from_markup("\n".join(lines))


LIKE = N_("Like for like")  # the column of the change on the shared questions only (§7)


def _like_for_like(change: Change) -> str:
    return number(change.like_for_like.delta if change.like_for_like else None, signed=True)


def pillar_table(result: DiffResult, plain: bool) -> Table:
    before, after = diff_words.labels(result)
    both = result.questionnaire_changed
    heads = [_("Pillar"), before, after, _("Change"), *([_(LIKE)] if both else [])]
    t = table(*heads, _("Level"), _("Status"), title=_("Pillars"), plain=plain)
    for p in result.pillars:
        t.add_row(
            escape(p.title),
            number(p.old),
            number(p.new),
            number(p.delta, signed=True),
            *([_like_for_like(p)] if both else []),
            escape(diff_words.level_move(p)),
            status_move(p.old_status, p.new_status),
        )
    return _right(t, 1, 2, 3, *([4] if both else []))


def _right(t: Table, *columns: int) -> Table:
    for index in columns:
        t.columns[index].justify = "right"
    return t


def mover_table(
    result: DiffResult, movers: list[IndicatorChange], title: str, plain: bool
) -> Table | None:
    if not movers:
        return None
    before, after = diff_words.labels(result)
    both = result.questionnaire_changed
    heads = [_("Indicator"), before, after, _("Change"), *([_(LIKE)] if both else [])]
    t = table(*heads, title=f"{title} ({len(movers)})", plain=plain)
    for ind in movers[:TOP]:
        t.add_row(
            escape(f"{ind.id} {ind.title}"),
            number(ind.old),
            number(ind.new),
            number(ind.delta, signed=True),
            *([_like_for_like(ind)] if both else []),
        )
    _more(t, len(movers) - TOP)
    return _right(t, 1, 2, 3, *([4] if both else []))


def reweighed_line(result: DiffResult) -> Text | None:
    """Indicators moved by the questionnaire alone: not a rise or fall of the country."""
    moved = result.reweighed()
    if not moved:
        return None
    items = "; ".join(f"{i.id} {number(i.old)} → {number(i.new)}" for i in moved[:ANSWER_LIMIT])
    more = " " + and_more(len(moved) - ANSWER_LIMIT) if len(moved) > ANSWER_LIMIT else ""
    title = _("Moved only by the questionnaire, answers unchanged (%(count)s):") % {
        "count": len(moved)
    }
    return Text(f"{title} {items}{more}")


def status_table(result: DiffResult, plain: bool) -> Table | None:
    moves = result.status_moves()
    if not moves:
        return None
    title = _("Status changes (%(count)s)") % {"count": len(moves)}
    t = table(_("Indicator"), _("Status"), _("Level"), title=title, plain=plain)
    for ind in moves:
        t.add_row(
            escape(f"{ind.id} {ind.title}"),
            status_move(ind.old_status, ind.new_status),
            escape(diff_words.level_move(ind)),
        )
    return t


def gap_lines(result: DiffResult) -> Iterator[str]:
    gaps = result.critical_gaps
    for label, style, items in (
        (_("opened"), "red", gaps.opened),
        (_("closed"), "green", gaps.closed),
    ):
        for gap in items:
            yield f"  [{style}]{escape(label)}[/] {escape(gap.message)} [dim]({gap.rule})[/]"
    if gaps.still_open:
        rules = ", ".join(gap.rule for gap in gaps.still_open)
        still = escape(_("still open"))
        yield f"  [yellow]{still}[/] ({len(gaps.still_open)}): {escape(rules)}"


def one_sided_table(result: DiffResult, plain: bool) -> Table | None:
    before, after = diff_words.labels(result)
    only_after, only_before = (_("only in %(side)s") % {"side": side} for side in (after, before))
    rows = [(i, only_after) for i in result.indicators if i.presence == "added"]
    rows += [(i, only_before) for i in result.indicators if i.presence == "removed"]
    if not rows:
        return None
    t = table(
        _("Indicator"),
        _("Assessed"),
        _("Score"),
        _("Status"),
        title=_("Indicators in one review only"),
        plain=plain,
    )
    for ind, where in rows:
        score = ind.new if ind.presence == "added" else ind.old
        status = ind.new_status if ind.presence == "added" else ind.old_status
        t.add_row(escape(f"{ind.id} {ind.title}"), where, number(score), one_status(status))
    return _right(t, 2)


def _question(question: str, text: str, was: str | None = None) -> str:
    short = text if len(text) <= TEXT_LIMIT else text[: TEXT_LIMIT - 1].rstrip() + "…"
    renamed = " (" + _("was %(id)s") % {"id": was} + ")" if was else ""
    return escape(f"{question}{renamed} {short}")


def _answer_move(change: AnswerChange) -> Text:
    if change.not_carried:
        moved = (
            escape(change.old_display)
            + " [dim]("
            + escape(_("no counterpart in the new options"))
            + ")[/] → "
            + escape(change.new_display)
        )
    elif change.old_display == change.new_display:
        moved = escape(change.new_display) + " [dim](" + escape(_("same answer")) + ")[/]"
    else:
        moved = f"{escape(change.old_display)} → {escape(change.new_display)}"
    evidence = [
        f"{sign}{len(items)}"
        for sign, items in (("+", change.evidence_added), ("−", change.evidence_removed))
        if items
    ]
    if evidence:
        moved += (
            " [dim](" + escape(_("evidence %(change)s") % {"change": " ".join(evidence)}) + ")[/]"
        )
    return Text.from_markup(moved)


def _score_change(delta: float | None) -> str:
    return number(0.0) if delta == 0 else number(delta, signed=True)


def by_impact(answers: list[AnswerChange]) -> list[AnswerChange]:
    """Largest score change first; unscored changes (text, evidence only) last, in order."""
    return sorted(answers, key=lambda a: -abs(a.score_delta or 0.0))


def answer_table(result: DiffResult, plain: bool) -> Table | None:
    if not result.answers:
        return None
    before, after = diff_words.labels(result)
    t = table(
        _("Question"),
        f"{before} → {after}",
        _("Score"),
        title=_("Changed answers, largest score change first"),
        plain=plain,
    )
    for change in by_impact(result.answers)[:ANSWER_LIMIT]:
        t.add_row(
            _question(change.question, change.text, change.old_question),
            _answer_move(change),
            _score_change(change.score_delta),
        )
    _more(t, len(result.answers) - ANSWER_LIMIT)
    return _right(t, 2)


def one_sided_line(title: str, answers: list[OneSidedAnswer]) -> Text | None:
    """Questions of one cycle only, by id: their answers are in the report, not on screen."""
    if not answers:
        return None
    ids = ", ".join(a.question for a in answers[:ANSWER_LIMIT])
    more = " " + and_more(len(answers) - ANSWER_LIMIT) if len(answers) > ANSWER_LIMIT else ""
    return Text(f"{title} ({len(answers)}): {ids}{more}")


def _more(t: Table, hidden: int) -> None:
    if hidden > 0:
        t.add_row(and_more(hidden))


def and_more(hidden: int) -> str:
    return _("…and %(count)s more") % {"count": hidden}


def answer_summary(result: DiffResult) -> str:
    counts = [
        (len(result.answers), *NP_("%(num)d answer changed", "%(num)d answers changed")),
        (result.unchanged.answers, *NP_("%(num)d answer unchanged", "%(num)d answers unchanged")),
        (len(result.questions_added), *NP_("%(num)d question new", "%(num)d questions new")),
        (
            len(result.questions_removed),
            *NP_("%(num)d question dropped", "%(num)d questions dropped"),
        ),
    ]
    return " · ".join(ngettext(one, many, n) % {"num": n} for n, one, many in counts if n)


def folded(result: DiffResult) -> str:
    """What did not change, in one line, so the screen shows only what did."""
    counts = [
        (
            result.unchanged.indicators,
            *NP_("%(num)d indicator unchanged", "%(num)d indicators unchanged"),
        ),
        (result.unchanged.pillars, *NP_("%(num)d pillar unchanged", "%(num)d pillars unchanged")),
    ]
    parts = [ngettext(one, many, n) % {"num": n} for n, one, many in counts if n]
    return " · ".join(parts)


def sections(result: DiffResult, plain: bool) -> Iterator[RenderableType | None]:
    before, after = diff_words.labels(result)
    yield pillar_table(result, plain)
    yield mover_table(result, result.improved(), _("Biggest rises"), plain)
    yield mover_table(result, result.regressed(), _("Biggest falls"), plain)
    yield reweighed_line(result)
    yield status_table(result, plain)
    gaps = result.critical_gaps
    if gaps.opened or gaps.closed or gaps.still_open:
        yield Text(_("Critical gaps"), style="bold")
        yield from (Text.from_markup(line) for line in gap_lines(result))
    yield one_sided_table(result, plain)
    yield Text(answer_summary(result), style="bold")
    yield answer_table(result, plain)
    yield one_sided_line(_("Asked only in %(side)s") % {"side": after}, result.questions_added)
    yield one_sided_line(_("Asked only in %(side)s") % {"side": before}, result.questions_removed)
    if line := folded(result):
        yield Text(line, style="dim")


def show_diff(result: DiffResult, console: Console) -> None:
    console.print(headline(result))
    if result.identical:
        console.print(_("No changes: both reviews give the same answers, scores and statuses."))
        return
    for part in sections(result, plain=not console.is_terminal):
        if part is not None:
            console.print(part)
