"""Warnings on a valid response, located; `--strict` turns missing answers into a failed gate."""

from __future__ import annotations

from conftest import LIB, RESPONSES, RunNcr

FILE = RESPONSES / "mini-warnings.yaml"


def test_warnings_are_located_and_do_not_fail(run_ncr: RunNcr) -> None:
    # The questionnaire is named by a relative path, so no --path is needed for it; the framework is.
    result = run_ncr("validate", "--path", LIB, FILE)
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert f"{FILE}:10:7: warning: L1 requires evidence: add an `evidence` list" in lines
    assert (
        f"{FILE}:15:7: warning: T2 does not apply (its `applies_if` is false): the answer is ignored"
        in lines
    )
    assert f"{FILE}:9:1: warning: no answer to T4: How many examiners?" in lines
    assert f"{FILE}:9:1: warning: no answer to T6: Are statistics published?" in lines


def test_strict_makes_missing_answers_fail_the_gate(run_ncr: RunNcr) -> None:
    result = run_ncr("validate", "--strict", "--path", LIB, FILE)
    assert result.exit_code == 1
    assert f"{FILE}:9:1: no answer to T4 (--strict)" in result.stderr.splitlines()


def test_assess_lists_warnings_and_strict_fails(run_ncr: RunNcr) -> None:
    shown = run_ncr("assess", "--path", LIB, FILE)
    assert shown.exit_code == 0
    assert "warning: no answer to T4" in shown.stderr
    strict = run_ncr("assess", "--strict", "--path", LIB, FILE)
    assert strict.exit_code == 1
    assert "gate not met: 2 missing answer(s) (--strict)" in strict.stderr


def test_ignored_answer_does_not_count(run_ncr: RunNcr) -> None:
    # T1 "no" → 0, T2 ignored → tech.csirt = 0; the no-csirt rule fires as a critical gap.
    result = run_ncr("assess", "--format", "json", "--path", LIB, FILE)
    csirt = next(
        i
        for p in _json(result.stdout)["pillars"]
        for i in p["indicators"]
        if i["id"] == "tech.csirt"
    )
    assert csirt["score"] == 0.0
    assert "no-csirt" in _json(result.stdout)["rules_fired"]


def _json(text: str) -> dict:  # type: ignore[type-arg]
    import json

    return json.loads(text)  # type: ignore[no-any-return]
