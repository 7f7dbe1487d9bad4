"""Frameworks, questionnaires and benchmarks as rich trees, for `ncr show`."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from rich.tree import Tree

from ncr.documents import Benchmark, Framework, Indicator, Pillar, Question, Questionnaire
from ncr.outputs import condition_words as describe


def _title(ident: str, title: str, extra: str = "") -> Text:
    text = Text(ident, style="bold")
    text.append(f" — {title}")
    if extra:
        text.append(f" · {extra}", style="dim")
    return text


def _weight(weight: float, total: float, of: str) -> str:
    return f"weight {weight:g} ({weight / total:.0%} of {of})"


def framework_tree(fw: Framework, benchmarks: Sequence[str] = ()) -> Tree:
    """Levels, pillars with their indicators, rules in words, and the benchmarks found."""
    tree = Tree(_title(fw.id, fw.title, f"version {fw.version}"))
    levels = " · ".join(f"{lv.level} {lv.name} (from {lv.min:g})" for lv in fw.levels)
    tree.add(Text(f"Levels: {levels}"))
    total = sum(p.weight for p in fw.pillars)
    for pillar in fw.pillars:
        _add_pillar(tree, pillar, total)
    if fw.rules:
        rules = tree.add(Text("Rules", style="bold"))
        for rule in fw.rules:
            node = rules.add(Text.assemble((rule.id, "bold"), f": {describe.rule(rule)}"))
            if rule.description:
                node.add(Text(rule.description, style="dim"))
    if benchmarks:
        named = [f"{b} (default)" if b == fw.default_benchmark else b for b in benchmarks]
        tree.add(Text(f"Benchmarks: {', '.join(named)}"))
    return tree


def _add_pillar(tree: Tree, pillar: Pillar, total: float) -> None:
    node = tree.add(
        _title(f"Pillar {pillar.id}", pillar.title, _weight(pillar.weight, total, "overall"))
    )
    inner = sum(ind.weight for ind in pillar.indicators)
    for indicator in pillar.indicators:
        _add_indicator(node, indicator, _weight(indicator.weight, inner, pillar.id))


def _add_indicator(node: Tree, indicator: Indicator, weight: str) -> None:
    leaf = node.add(_title(indicator.id, indicator.title, weight))
    if indicator.references:
        leaf.add(Text(f"References: {'; '.join(indicator.references)}", style="dim"))


def questionnaire_tree(qn: Questionnaire) -> Tree:
    """Sections and their questions, each with its type, options or bands, and conditions."""
    extra = f"framework {qn.framework} {qn.framework_version}"
    tree = Tree(_title(qn.id, qn.title, extra))
    for section in qn.sections:
        count = f"{len(section.questions)} questions"
        node = tree.add(_title(f"Section {section.id}", section.title, count))
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
        notes.append("n/a allowed")
    if q.applies_if is not None:
        notes.append(f"applies only if {describe.condition(q.applies_if)}")
    if q.replaced:
        notes.append(f"replaces {q.replaced}" + (" (options remapped)" if q.value_map else ""))
    if notes:
        leaf.add(Text("; ".join(notes), style="dim"))


def benchmark_tree(bm: Benchmark) -> Tree:
    """The reference scores of a benchmark: overall, per pillar, per indicator, and its thresholds."""
    tree = Tree(_title(bm.id, bm.title, f"framework {bm.framework}"))
    if bm.source:
        tree.add(Text(bm.source, style="dim"))
    limits = bm.thresholds
    tree.add(
        Text(
            f"Strength when delta ≥ {limits.strength:g}; weakness when delta < {limits.weakness:g}"
        )
    )
    overall = "—" if bm.overall is None else f"{bm.overall:g}"
    tree.add(Text(f"Overall: {overall}"))
    for heading, scores in (("Pillars", bm.pillars), ("Indicators", bm.indicators)):
        if scores:
            node = tree.add(Text(heading, style="bold"))
            for ident, score in scores.items():
                node.add(Text(f"{ident}: {score:g}"))
    return tree
