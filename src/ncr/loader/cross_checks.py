"""Cross-reference checks that a single model cannot make (DESIGN §3, §5).

Pure functions: each returns Findings addressed by their path in the YAML document, so the loader can
turn them into `FILE:LINE:COL` problems. Nothing here reads files.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import InvalidVersion, Version

from ncr.documents import Benchmark, Condition, Framework, Question, Questionnaire, Response
from ncr.documents.answer_fit import allowed_values, answer_problem
from ncr.documents.condition_walk import applies_if_order, questions_named, walk
from ncr.documents.conditions import IndicatorAtLeast, IndicatorBelow, QuestionIn, QuestionIs
from ncr.documents.vocabulary import MISSING, OVERALL, SPECIAL_ANSWERS
from ncr.problems import Severity

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Finding:
    path: Path
    message: str
    severity: Severity = "error"
    at_key: bool = False
    names: str | None = None  # the id this finding says does not exist, if that is its point


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _duplicates(ids: Iterable[tuple[Path, str]], what: str) -> Iterator[Finding]:
    seen: dict[str, Path] = {}
    for path, ident in ids:
        if ident in seen:
            yield Finding(path, f"{what} id '{ident}' is used twice")
        seen.setdefault(ident, path)


# --- framework -------------------------------------------------------------------------------------


def check_framework(fw: Framework) -> list[Finding]:
    return [*_levels(fw), *_framework_ids(fw), *_rules(fw)]


def _levels(fw: Framework) -> Iterator[Finding]:
    if fw.levels[0].min != 0:
        yield Finding(("levels", 0, "min"), "the first level must start at min: 0")
    for i, (lower, upper) in enumerate(zip(fw.levels, fw.levels[1:], strict=False), start=1):
        if upper.min <= lower.min:
            yield Finding(
                ("levels", i, "min"), f"levels must ascend: {upper.min:g} ≤ {lower.min:g}"
            )
        if upper.level <= lower.level:
            yield Finding(("levels", i, "level"), "level numbers must ascend")
    try:
        Version(fw.version)
    except InvalidVersion:
        yield Finding(("version",), f"'{fw.version}' is not a version number such as 1.0.0")


def _framework_ids(fw: Framework) -> Iterator[Finding]:
    pillars = [(("pillars", i, "id"), p.id) for i, p in enumerate(fw.pillars)]
    indicators = [
        (("pillars", i, "indicators", j, "id"), ind.id)
        for i, p in enumerate(fw.pillars)
        for j, ind in enumerate(p.indicators)
    ]
    yield from _duplicates([*pillars, *indicators], "pillar or indicator")
    yield from _duplicates(((("rules", i, "id"), r.id) for i, r in enumerate(fw.rules)), "rule")
    for path, ident in [*pillars, *indicators]:
        if ident == OVERALL:
            yield Finding(path, f"'{OVERALL}' is reserved for the overall score; choose another id")


def _rules(fw: Framework) -> Iterator[Finding]:
    indicators = {ind.id for ind in fw.indicators()}
    targets = indicators | {p.id for p in fw.pillars} | {OVERALL}
    for i, rule in enumerate(fw.rules):
        if rule.cap is not None and rule.cap.target not in targets:
            hint = did_you_mean(rule.cap.target, targets)
            yield Finding(
                ("rules", i, "cap", "target"),
                f"cap target '{rule.cap.target}' is not an indicator, a pillar or 'overall'{hint}",
                names=rule.cap.target,
            )
        yield from _unknown_indicators(rule.when, ("rules", i, "when"), indicators)


def _unknown_indicators(cond: Condition, path: Path, known: set[str]) -> Iterator[Finding]:
    for sub_path, sub in walk(cond, path):
        if isinstance(sub, IndicatorBelow | IndicatorAtLeast) and sub.indicator not in known:
            yield Finding(
                (*sub_path, "indicator"),
                f"no indicator '{sub.indicator}' in this framework{did_you_mean(sub.indicator, known)}",
                names=sub.indicator,
            )


# --- questionnaire ---------------------------------------------------------------------------------


def check_questionnaire(qn: Questionnaire, fw: Framework) -> list[Finding]:
    questions = {q.id: q for q in qn.questions()}
    return [
        *_framework_match(qn, fw),
        *_questionnaire_ids(qn),
        *_question_shapes(qn, fw),
        *_applies_if(qn, questions),
        *_rules_against(fw, questions),
        *_uncovered(qn, fw),
    ]


def question_paths(qn: Questionnaire) -> Iterator[tuple[Path, Question]]:
    for i, section in enumerate(qn.sections):
        for j, question in enumerate(section.questions):
            yield ("sections", i, "questions", j), question


def _framework_match(qn: Questionnaire, fw: Framework) -> Iterator[Finding]:
    if qn.framework != fw.id:
        yield Finding(("framework",), f"framework '{qn.framework}' does not match '{fw.id}'")
    try:
        spec = SpecifierSet(qn.framework_version)
    except InvalidSpecifier:
        yield Finding(
            ("framework_version",),
            f"'{qn.framework_version}' is not a version specifier such as '>=1.0,<2.0'",
        )
        return
    if Version(fw.version) not in spec:
        yield Finding(
            ("framework_version",),
            f"framework {fw.id} is version {fw.version}, which '{qn.framework_version}' does not admit",
        )


def _questionnaire_ids(qn: Questionnaire) -> Iterator[Finding]:
    sections = ((("sections", i, "id"), s.id) for i, s in enumerate(qn.sections))
    yield from _duplicates(sections, "section")
    yield from _duplicates((((*p, "id"), q.id) for p, q in question_paths(qn)), "question")


def _question_shapes(qn: Questionnaire, fw: Framework) -> Iterator[Finding]:
    indicators = {ind.id for ind in fw.indicators()}
    for path, q in question_paths(qn):
        if q.indicator not in indicators:
            hint = did_you_mean(q.indicator, indicators)
            yield Finding((*path, "indicator"), f"no indicator '{q.indicator}' in {fw.id}{hint}")
        yield from _options_fit(path, q)
        yield from _bands_fit(path, q)
        yield from _value_map_fits(path, q)


def _options_fit(path: Path, q: Question) -> Iterator[Finding]:
    wants_options = q.type in ("choice", "multi")
    if wants_options and not q.options:
        yield Finding(path, f"a {q.type} question needs `options`")
    if not wants_options and q.options:
        yield Finding((*path, "options"), f"a {q.type} question takes no `options`")
    counts = Counter(o.value for o in q.options)
    for k, option in enumerate(q.options):
        if counts[option.value] > 1:
            yield Finding(
                (*path, "options", k, "value"), f"option value '{option.value}' is repeated"
            )
        if option.value in (*SPECIAL_ANSWERS, MISSING):
            yield Finding(
                (*path, "options", k, "value"),
                f"'{option.value}' is a special answer and cannot be an option value",
            )


def _value_map_fits(path: Path, q: Question) -> Iterator[Finding]:
    """`replaces: {question, values: {OLD: NEW}}`: each NEW must be an answer this question takes
    (the OLD ones belong to an earlier questionnaire, checked when answers are carried)."""
    if q.value_map is None:
        return
    if q.type not in ("yes_no", "choice", "multi"):
        yield Finding((*path, "replaces", "values"), f"a {q.type} question has no options to map")
        return
    allowed = allowed_values(q)
    for old, new in q.value_map.items():
        if new not in allowed:
            yield Finding(
                (*path, "replaces", "values", old),
                f"'{new}' is not an option of {q.id}; choose one of: {', '.join(allowed)}",
            )


def _bands_fit(path: Path, q: Question) -> Iterator[Finding]:
    if q.type == "number" and not q.bands:
        yield Finding(path, "a number question needs `bands`, e.g. [{min: 0, score: 0}, …]")
    if q.type != "number" and q.bands:
        yield Finding((*path, "bands"), f"a {q.type} question takes no `bands`")
    for k, (lower, upper) in enumerate(zip(q.bands, q.bands[1:], strict=False), start=1):
        if upper.min <= lower.min:
            yield Finding((*path, "bands", k, "min"), "bands must ascend by `min`")


def _expected_fits(q: Question, expected: object) -> bool:
    if isinstance(expected, str) and expected.lower() in (*SPECIAL_ANSWERS, MISSING):
        return True
    if q.type == "yes_no":
        return isinstance(expected, bool) or expected in ("yes", "no")
    if q.type == "number":
        return isinstance(expected, int | float) and not isinstance(expected, bool)
    return q.type != "text" and expected in allowed_values(q)


def _condition_values(
    cond: Condition, path: Path, questions: dict[str, Question], where: str
) -> Iterator[Finding]:
    for sub_path, sub in walk(cond, path):
        if not isinstance(sub, QuestionIs | QuestionIn):
            continue
        q = questions.get(sub.question)
        if q is None:
            hint = did_you_mean(sub.question, questions)
            message = f"{where}no question '{sub.question}'{hint}"
            yield Finding((*sub_path, "question"), message, names=sub.question)
            continue
        values = [sub.is_] if isinstance(sub, QuestionIs) else sub.in_
        key = "is" if isinstance(sub, QuestionIs) else "in"
        for value in values:
            if not _expected_fits(q, value):
                choices = ", ".join(allowed_values(q)) or "a number"
                yield Finding(
                    (*sub_path, key),
                    f"{where}'{value}' is not a possible answer to {q.id} (possible: {choices})",
                )


def _applies_if(qn: Questionnaire, questions: dict[str, Question]) -> Iterator[Finding]:
    depends_on = {
        qid: questions_named(q.applies_if) if q.applies_if else [] for qid, q in questions.items()
    }
    _, cyclic = applies_if_order(depends_on)
    for path, q in question_paths(qn):
        if q.applies_if is None:
            continue
        cond_path = (*path, "applies_if")
        for sub_path, sub in walk(q.applies_if, cond_path):
            if isinstance(sub, IndicatorBelow | IndicatorAtLeast):
                yield Finding(sub_path, "`applies_if` may only use question conditions")
        yield from _condition_values(q.applies_if, cond_path, questions, "")
        if q.id in cyclic:
            yield Finding(cond_path, f"`applies_if` of {q.id} depends on {q.id} itself (a cycle)")


def _rules_against(fw: Framework, questions: dict[str, Question]) -> Iterator[Finding]:
    for rule in fw.rules:
        for finding in _condition_values(
            rule.when, (), questions, f"rule '{rule.id}' of {fw.id}: "
        ):
            yield Finding(("framework",), finding.message, names=finding.names)


def _uncovered(qn: Questionnaire, fw: Framework) -> Iterator[Finding]:
    asked = {q.indicator for q in qn.questions()}
    for ind in fw.indicators():
        if ind.id not in asked:
            yield Finding(
                ("sections",),
                f"indicator '{ind.id}' has no question: it will never be scored",
                "warning",
            )


# --- benchmark -------------------------------------------------------------------------------------


def check_benchmark(bm: Benchmark, fw: Framework) -> list[Finding]:
    findings = []
    if bm.framework != fw.id:
        findings.append(
            Finding(("framework",), f"framework '{bm.framework}' does not match '{fw.id}'")
        )
    for key, known, what in (
        ("pillars", {p.id for p in fw.pillars}, "pillar"),
        ("indicators", {i.id for i in fw.indicators()}, "indicator"),
    ):
        for ident in getattr(bm, key):
            if ident not in known:
                hint = did_you_mean(ident, known)
                message = f"no {what} '{ident}' in framework {fw.id}{hint}"
                findings.append(Finding((key, ident), message, at_key=True))
    return findings


# --- response --------------------------------------------------------------------------------------


MAX_HINTS = 20  # "did you mean" is slow on thousands of ids; the first few show the pattern


def check_response(resp: Response, qn: Questionnaire) -> list[Finding]:
    questions = {q.id: q for q in qn.questions()}
    findings: list[Finding] = []
    for qid, given in resp.answers.items():
        q = questions.get(qid)
        if q is None:
            hint = did_you_mean(qid, questions) if len(findings) < MAX_HINTS else ""
            message = f"no question '{qid}' in questionnaire {qn.id}{hint}"
            findings.append(Finding(("answers", qid), message, at_key=True))
            continue
        if given.answer is not None:
            problem = answer_problem(q, given.answer)
            if problem:
                findings.append(Finding(("answers", qid), problem))
    return findings


def check_findings(resp: Response, fw: Framework) -> list[Finding]:
    """The reviewers' findings name pillars and indicators of the framework (DESIGN §10)."""
    if resp.findings is None:
        return []
    pillars = {p.id for p in fw.pillars}
    indicators = {ind.id for ind in fw.indicators()}
    findings = [
        Finding(
            ("findings", "pillars", pid),
            f"no pillar '{pid}' in framework {fw.id}{did_you_mean(pid, pillars)}",
            at_key=True,
        )
        for pid in resp.findings.pillars
        if pid not in pillars
    ]
    recs = resp.findings.recommendations
    ids = ((("findings", "recommendations", i, "id"), r.id) for i, r in enumerate(recs))
    findings += _duplicates(ids, "recommendation")
    for i, rec in enumerate(recs):
        for j, iid in enumerate(rec.indicators):
            if iid not in indicators:
                hint = did_you_mean(iid, indicators)
                path = ("findings", "recommendations", i, "indicators", j)
                findings.append(Finding(path, f"no indicator '{iid}' in framework {fw.id}{hint}"))
    return findings


def check_follow_up(resp: Response, previous: Iterable[str], previous_file: str) -> list[Finding]:
    """Every follow-up names a recommendation the previous review made."""
    known = set(previous)
    return [
        Finding(
            ("follow_up", ident),
            f"the previous review ({previous_file}) has no recommendation '{ident}'"
            f"{did_you_mean(ident, known)}",
            at_key=True,
        )
        for ident in resp.follow_up
        if ident not in known
    ]
