"""The overview in a terminal: ranking, heat map and common strengths and weaknesses."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from ncr.engine.overview import STATUS_MARKS, Common, Mark, Overview, shade
from ncr.outputs.display import number
from ncr.outputs.interface_text import N_, _, ngettext
from ncr.outputs.terminal.tables import status_text, table

LEGEND = N_("▲ strength · ● on track · ▼ weakness · shade: maturity level, darker is higher")
# ColorBrewer "Blues" (as in templates/overview.html): one hue getting darker stays ordered under
# every colour-vision deficiency and in grey-scale; the number is always printed as well.
PALETTE = ("#eff3ff", "#bdd7e7", "#6baed6", "#2171b5", "#08306b")
DARK = 3  # from this step on, white text
TOP = 10


def level_label(mark: Mark) -> str:
    return "—" if mark.level is None else f"{mark.level} {mark.level_name}"


def heat_cell(mark: Mark, bands: int, plain: bool) -> Text:
    text = f"{number(mark.score)} {STATUS_MARKS[mark.status]}".rstrip()
    step = shade(mark.band, bands)
    if plain or step is None:
        return Text(text)
    ink = "white" if step >= DARK else "black"
    return Text(f" {text} ", style=f"{ink} on {PALETTE[step]}")


def ranking(overview: Overview, plain: bool) -> Table:
    heads = (_("Country"), _("Year"), _("Score"), _("Level"), _("Delta"), _("Status"), _("Change"))
    t = table("#", *heads, plain=plain)
    t.title = _("Countries by overall score")
    for row in overview.countries:
        change = (
            _("%(delta)s since %(year)s")
            % {"delta": number(row.previous.delta, True), "year": row.previous.year}
            if row.previous
            else ""
        )
        t.add_row(
            "—" if row.rank is None else str(row.rank),
            escape(f"{row.country.name} ({row.country.code})")
            + (" " + escape(_("DRAFT")) if row.draft else ""),
            str(row.year),
            number(row.overall.score),
            escape(level_label(row.overall)),
            number(row.overall.delta, True),
            status_text(row.overall.status),
            change,
        )
    return t


def heat_map(overview: Overview, plain: bool) -> Table:
    bands = len(overview.levels)
    t = table(_("Country"), _("Overall"), *(p.title for p in overview.pillars), plain=plain)
    t.title = _("Heat map: scores by pillar")
    t.caption = _(LEGEND)
    for row in overview.countries:
        cells = [heat_cell(m, bands, plain) for m in (row.overall, *row.pillars)]
        t.add_row(escape(row.country.code), *cells)
    references = [overview.reference, *(p.reference for p in overview.pillars)]
    t.add_row(Text(_("benchmark"), style="italic"), *(number(r) for r in references))
    return t


def common(items: list[Common], title: str, countries: int, plain: bool) -> Table | None:
    if not items:
        return None
    t = table(_("Indicator"), _("Countries"), _("Which"), plain=plain)
    of = ngettext("of %(num)d country", "of %(num)d countries", countries) % {"num": countries}
    t.title = f"{title} ({of})"
    for item in items[:TOP]:
        t.add_row(
            escape(f"{item.indicator} {item.title}"),
            str(item.count),
            escape(", ".join(item.countries)),
        )
    return t


def show_overview(overview: Overview, console: Console) -> None:
    plain = not console.is_terminal
    bm = overview.benchmark.title or overview.benchmark.id or _("no benchmark")
    fw = overview.framework
    n = len(overview.countries)
    title = ngettext("Overview of %(num)d country", "Overview of %(num)d countries", n) % {"num": n}
    setting = _("%(framework)s · benchmark: %(benchmark)s") % {
        "framework": f"{fw.title or fw.id} {fw.version or ''}",
        "benchmark": bm,
    }
    console.print(f"[bold]{escape(title)}[/] — {escape(setting)}")
    console.print(ranking(overview, plain))
    console.print(heat_map(overview, plain))
    for part in (
        common(overview.strengths, _("Most common strengths"), n, plain),
        common(overview.weaknesses, _("Most common weaknesses"), n, plain),
    ):
        if part is not None:
            console.print(part)
