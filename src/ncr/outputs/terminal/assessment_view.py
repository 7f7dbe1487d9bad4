"""The assessment in a terminal: rich tables in colour, plain text when piped."""

from __future__ import annotations

from rich.console import Console, Group
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from ncr.engine.result import Assessment, Status
from ncr.outputs.display import number, peer_note, percent, recommendation_text, stake_note
from ncr.outputs.interface_text import _
from ncr.outputs.terminal.tables import TOP, level_text, status_text, table


def headline(result: Assessment) -> Group:
    o = result.overall
    bm = result.benchmark.title or result.benchmark.id or _("no benchmark")
    draft = " [bold red]" + escape(_("DRAFT")) + "[/]" if result.review.status == "draft" else ""
    country = f"{escape(result.country.name)} ({result.country.code})"
    framework = (
        f"{escape(result.framework.title or result.framework.id)} {result.framework.version}"
    )
    lines = [
        "[bold]"
        + escape(_("%(country)s — review %(year)s")) % {"country": country, "year": result.year}
        + "[/]"
        + draft,
        escape(_("%(framework)s · questionnaire %(questionnaire)s · benchmark: %(benchmark)s"))
        % {
            "framework": framework,
            "questionnaire": result.questionnaire.id,
            "benchmark": escape(bm),
        },
        escape(
            _(
                "Overall %(score)s / 100 · level %(level)s · reference %(reference)s (%(delta)s) · "
                "coverage %(coverage)s"
            )
        )
        % {
            "score": f"[bold]{number(o.score)}[/]",
            "level": escape(level_text(o)),
            "reference": number(o.reference),
            "delta": number(o.delta, True),
            "coverage": percent(o.coverage),
        },
    ]
    if note := peer_note(result.benchmark, result.country.name):
        style = "yellow" if result.benchmark.includes_assessed else "dim"
        lines.append(f"[{style}]{escape(note)}[/]")
    if o.capped_by:
        lines.append(
            "[yellow]"
            + escape(
                _("capped by rule %(rules)s (uncapped %(score)s)")
                % {"rules": ", ".join(o.capped_by), "score": number(o.uncapped_score)}
            )
            + "[/]"
        )
    return Group(*(Text.from_markup(line) for line in lines))


def pillar_table(result: Assessment, plain: bool) -> Table:
    t = table(
        _("Pillar"),
        _("Score"),
        _("Level"),
        _("Ref."),
        _("Delta"),
        _("Status"),
        _("Coverage"),
        title=_("Pillars"),
        plain=plain,
    )
    for p in result.pillars:
        capped = " (" + _("capped:") + " " + ", ".join(p.capped_by) + ")" if p.capped_by else ""
        t.add_row(
            escape(p.title) + capped,
            number(p.score),
            escape(level_text(p)),
            number(p.reference),
            number(p.delta, True),
            status_text(p.status),
            percent(p.coverage),
        )
    return t


def indicator_list(result: Assessment, status: Status, title: str, plain: bool) -> Table | None:
    chosen = result.strengths() if status == "strength" else result.weaknesses()
    if not chosen:
        return None
    t = table(
        _("Indicator"),
        _("Score"),
        _("Ref."),
        _("Delta"),
        title=f"{title} ({len(chosen)})",
        plain=plain,
    )
    for ind in chosen[:TOP]:
        t.add_row(
            escape(f"{ind.id} {ind.title}"),
            number(ind.score),
            number(ind.reference),
            number(ind.delta, True),
        )
    return t


def recommendation_table(result: Assessment, plain: bool) -> Table | None:
    if not result.recommendations:
        return None
    t = table("#", _("Recommendation"), _("Points"), title=_("Top recommendations"), plain=plain)
    for rank, rec in enumerate(result.recommendations[:TOP], start=1):
        label = "[red]" + escape(_("CRITICAL")) + "[/] " if rec.kind == "critical_gap" else ""
        note = stake_note(rec, result.rules)
        words = label + escape(f"{rec.title}: {recommendation_text(rec)}")
        if note:
            words += f"\n[yellow]{escape(note)}[/]"
        t.add_row(str(rank), Text.from_markup(words), number(rec.points_at_stake))
    return t


def key_messages(result: Assessment) -> Group | None:
    """The review team's key messages, as the report's executive summary opens with them."""
    findings = result.findings
    if findings is None or not findings.summary:
        return None
    lines = [Text(_("Key messages"), style="bold")]
    lines += [Text(f"  • {message}") for message in findings.summary]  # plain text, never markup
    return Group(*lines)


def show_assessment(result: Assessment, console: Console) -> None:
    plain = not console.is_terminal
    console.print(headline(result))
    messages = key_messages(result)
    if messages is not None:
        console.print(messages)
    console.print(pillar_table(result, plain))
    for part in (
        indicator_list(result, "strength", _("Top strengths"), plain),
        indicator_list(result, "weakness", _("Top weaknesses"), plain),
    ):
        if part is not None:
            console.print(part)
    if result.critical_gaps:
        console.print(Text(_("Critical gaps"), style="bold red"))
        for gap in result.critical_gaps:
            console.print(f"  • {escape(gap.message)} [dim]({gap.rule})[/]")
    recs = recommendation_table(result, plain)
    if recs is not None:
        console.print(recs)
