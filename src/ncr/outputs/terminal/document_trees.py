"""Frameworks, questionnaires and benchmarks as rich trees, for `ncr show`."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from rich.tree import Tree

from ncr.documents import Benchmark, Framework, Indicator, Pillar, Question, Questionnaire
from ncr.outputs import condition_words as describe
from ncr.outputs.interface_text import _, ngettext
from ncr.outputs.locale_format import percent, weight


def _title(ident: str, title: str, extra: str = "") -> Text:
    text = Text(ident, style="bold")
    text.append(f" — {title}")
    if extra:
        text.append(f" · {extra}", style="dim")
    return text


def _weight(value: float, total: float, whole: str) -> str:
    return _("weight %(weight)s (%(share)s of %(whole)s)") % {
        "weight": weight(value),
        "share": percent(round(value / total, 2)),  # rounded, as shares of a whole
        "whole": whole,
    }


def framework_tree(fw: Framework, benchmarks: Sequence[str] = ()) -> Tree:
    """Levels, pillars with their indicators, rules in words, and the benchmarks found."""
    tree = Tree(_title(fw.id, fw.title, _("version %(version)s") % {"version": fw.version}))
    levels = " · ".join(
        f"{lv.level} {lv.name} (" + _("from %(low)s") % {"low": weight(lv.min)} + ")"
        for lv in fw.levels
    )
    tree.add(Text(_("Levels:") + " " + levels))
    total = sum(p.weight for p in fw.pillars)
    for pillar in fw.pillars:
        _add_pillar(tree, pillar, total)
    if fw.rules:
        rules = tree.add(Text(_("Rules"), style="bold"))
        for rule in fw.rules:
            node = rules.add(Text.assemble((rule.id, "bold"), f": {describe.rule(rule)}"))
            if rule.description:
                node.add(Text(rule.description, style="dim"))
    if benchmarks:
        default = _("%(benchmark)s (default)")
        named = [default % {"benchmark": b} if b == fw.default_benchmark else b for b in benchmarks]
        tree.add(Text(_("Benchmarks:") + " " + ", ".join(named)))
    return tree


def _add_pillar(tree: Tree, pillar: Pillar, total: float) -> None:
    node = tree.add(
        _title(
            _("Pillar %(id)s") % {"id": pillar.id},
            pillar.title,
            _weight(pillar.weight, total, _("overall")),
        )
    )
    inner = sum(ind.weight for ind in pillar.indicators)
    for indicator in pillar.indicators:
        _add_indicator(node, indicator, _weight(indicator.weight, inner, pillar.id))


def _add_indicator(node: Tree, indicator: Indicator, weight: str) -> None:
    leaf = node.add(_title(indicator.id, indicator.title, weight))
    if indicator.references:
        leaf.add(Text(_("References:") + " " + "; ".join(indicator.references), style="dim"))


def questionnaire_tree(qn: Questionnaire) -> Tree:
    """Sections and their questions, each with its type, options or bands, and conditions."""
    extra = _("framework %(framework)s") % {"framework": f"{qn.framework} {qn.framework_version}"}
    tree = Tree(_title(qn.id, qn.title, extra))
    for section in qn.sections:
        n = len(section.questions)
        count = ngettext("%(num)d question", "%(num)d questions", n) % {"num": n}
        node = tree.add(_title(_("Section %(id)s") % {"id": section.id}, section.title, count))
        for question in section.questions:
            _add_question(node, question)
    return tree


def _add_question(node: Tree, q: Question) -> None:
    leaf = node.add(Text.assemble((describe.question_facts(q), "bold"), "\n", q.text))
    answers = leaf.add(Text(describe.answer_kind(q)))
    for line in describe.options(q):
        answers.add(Text(line))
    notes = []
    if q.allow_na:
        notes.append(_("n/a allowed"))
    if q.applies_if is not None:
        notes.append(
            _("applies only if %(condition)s") % {"condition": describe.condition(q.applies_if)}
        )
    if q.replaced:
        remapped = " " + _("(options remapped)") if q.value_map else ""
        notes.append(_("replaces %(id)s") % {"id": q.replaced} + remapped)
    if notes:
        leaf.add(Text("; ".join(notes), style="dim"))


def benchmark_tree(bm: Benchmark) -> Tree:
    """The reference scores of a benchmark: overall, per pillar, per indicator, and its thresholds."""
    tree = Tree(_title(bm.id, bm.title, _("framework %(framework)s") % {"framework": bm.framework}))
    if bm.source:
        tree.add(Text(bm.source, style="dim"))
    limits = bm.thresholds
    tree.add(
        Text(
            _("Strength when delta ≥ %(strength)s; weakness when delta < %(weakness)s")
            % {"strength": weight(limits.strength), "weakness": weight(limits.weakness)}
        )
    )
    overall = "—" if bm.overall is None else weight(bm.overall)
    tree.add(Text(_("Overall:") + " " + overall))
    for heading, scores in ((_("Pillars"), bm.pillars), (_("Indicators"), bm.indicators)):
        if scores:
            node = tree.add(Text(heading, style="bold"))
            for ident, score in scores.items():
                node.add(Text(f"{ident}: {weight(score)}"))
    return tree
