"""`ncr list`, `ncr show ID` for unknown ids, `ncr schema`: what is installed, as a reviewer reads it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import FIXTURES, LIB, RunNcr
from ncr.shipped import BUILTIN

BROKEN_LIB = FIXTURES / "broken-lib"


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Wide enough that no table cell or tree line wraps."""
    monkeypatch.setenv("COLUMNS", "250")


def rows(output: str) -> list[list[str]]:
    """The cells of every table row printed (plain tables, as when piped)."""
    return [
        [cell.strip() for cell in line.strip("|").split("|")]
        for line in output.splitlines()
        if line.startswith("|") and "---" not in line
    ]


def test_list_shows_each_document_with_its_origin(run_ncr: RunNcr) -> None:
    result = run_ncr("list", "--path", LIB)
    assert result.exit_code == 0, result.output
    table = rows(result.stdout)
    assert ["mini", "1.2.0", "Mini test framework", str(LIB)] in table
    # every release of a framework is listed; questionnaires and benchmarks name the one they use
    assert ["ncr-core", "1.1.0", "National Cyber Review core framework", BUILTIN] in table
    assert ["ncr-core", "1.0.0", "National Cyber Review core framework", BUILTIN] in table
    assert ["mini-q2", "mini 1.2.0", "Mini questionnaire, second cycle", str(LIB)] in table
    assert [
        "ncr-core-2026",
        "ncr-core 1.1.0",
        "National Cyber Review questionnaire, 2026 cycle",
        BUILTIN,
    ] in table
    assert ["ncr-core-2023", "ncr-core 1.0.0"] in [r[:2] for r in table]
    assert ["ref", "mini 1.2.0", "Reference for tests", str(LIB)] in table
    good_practice = [r[:2] for r in table if r[0] == "good-practice"]
    assert good_practice == [
        ["good-practice", "ncr-core 1.1.0"],
        ["good-practice", "ncr-core 1.0.0"],
    ]


def test_list_as_json(run_ncr: RunNcr) -> None:
    result = run_ncr("list", "--path", LIB, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    mini = next(f for f in data["frameworks"] if f["id"] == "mini")
    assert mini == {
        "id": "mini",
        "version": "1.2.0",
        "title": "Mini test framework",
        "origin": str(LIB),
        "path": str(LIB / "frameworks" / "mini" / "framework.yaml"),
        "problem": None,
    }
    questionnaires = {q["id"]: (q["framework"], q["origin"]) for q in data["questionnaires"]}
    assert questionnaires["mini-q"] == ("mini", str(LIB))
    assert questionnaires["ncr-core-2023"] == ("ncr-core", BUILTIN)
    benchmarks = {b["id"]: b["framework"] for b in data["benchmarks"]}
    assert benchmarks["pillars-only"] == "mini"
    assert benchmarks["good-practice"] == "ncr-core"


def test_a_broken_document_is_listed_with_its_first_problem(run_ncr: RunNcr) -> None:
    result = run_ncr("list", "--path", BROKEN_LIB, "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    framework_file = BROKEN_LIB / "frameworks" / "broken" / "framework.yaml"
    (broken,) = [f for f in data["frameworks"] if f["id"] == "broken"]
    assert broken["problem"] == f"{framework_file}:2:1: missing required key 'title'"
    # The questionnaire is fine itself, but its framework is not.
    (broken_q,) = [q for q in data["questionnaires"] if q["id"] == "broken-q"]
    assert broken_q["problem"].startswith(f"{framework_file}:")
    assert "2 broken document(s)" in result.stderr
    assert any(f["id"] == "ncr-core" and f["problem"] is None for f in data["frameworks"])

    text = run_ncr("list", "--path", BROKEN_LIB)
    assert ["broken", "", f"broken: {broken['problem']}", str(BROKEN_LIB)] in rows(text.stdout)


def test_show_an_unknown_id(run_ncr: RunNcr) -> None:
    result = run_ncr("show", "minii", "--path", LIB)
    assert result.exit_code == 2
    assert "no framework, questionnaire or benchmark 'minii' (known: " in result.stderr
    assert "edges, global-baseline" in result.stderr


def test_show_a_benchmark(run_ncr: RunNcr) -> None:
    result = run_ncr("show", "good-practice")
    assert result.exit_code == 0, result.output
    assert "good-practice — Good-practice target" in result.stdout
    assert "Overall:" in result.stdout


@pytest.mark.parametrize(
    "kind", ["framework", "questionnaire", "response", "benchmark", "result", "diff"]
)
def test_schema_of_every_kind(run_ncr: RunNcr, kind: str) -> None:
    result = run_ncr("schema", kind)
    assert result.exit_code == 0, result.output
    schema = json.loads(result.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] == f"ncr {kind}"
    assert schema["type"] == "object"


def test_the_response_schema_admits_short_and_empty_answers(run_ncr: RunNcr) -> None:
    schema = json.loads(run_ncr("schema", "response").stdout)
    (answer,) = schema["properties"]["answers"]["patternProperties"].values()
    kinds = {choice.get("type") or choice.get("$ref") for choice in answer["anyOf"]}
    assert {"#/$defs/Answer", "string", "number", "array", "null"} <= kinds


def test_schema_to_a_file_is_not_overwritten_without_force(run_ncr: RunNcr, tmp_path: Path) -> None:
    target = tmp_path / "fw.schema.json"
    assert run_ncr("schema", "framework", "-o", target).exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["title"] == "ncr framework"
    again = run_ncr("schema", "benchmark", "-o", target)
    assert again.exit_code == 2
    assert "already exists; use --force" in again.stderr
    assert run_ncr("schema", "benchmark", "-o", target, "--force").exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["title"] == "ncr benchmark"


def test_schema_of_an_unknown_kind(run_ncr: RunNcr) -> None:
    result = run_ncr("schema", "reponse")
    assert result.exit_code == 2
    assert (
        "unknown kind 'reponse'; choose one of: framework, questionnaire, response, benchmark, "
        "profile, result, diff" in result.stderr
    )


def test_result_and_diff_schemas_describe_the_second_revision_fields(run_ncr: RunNcr) -> None:
    result = json.loads(run_ncr("schema", "result").stdout)
    defs = result["$defs"]
    rec = defs["Recommendation"]["properties"]
    assert "re-scored" in rec["points_at_stake"]["description"]
    assert {"nominal_points", "blocked_by"} <= rec.keys()
    assert {"contributions", "cap_effects"} <= result["properties"].keys()
    assert set(defs["Contribution"]["properties"]) == {"question", "indicator", "pillar", "points"}
    assert set(defs["CapEffect"]["properties"]) == {"rule", "target", "points"}
    assert {"peers", "includes_assessed"} <= defs["BenchmarkRef"]["properties"].keys()

    diff = json.loads(run_ncr("schema", "diff").stdout)
    assert "like_for_like" in diff["$defs"]["Change"]["properties"]
    assert "headline" in diff["properties"] and "questions" in diff["properties"]
    assert set(diff["$defs"]["LikeForLike"]["properties"]) == {"old", "new", "delta"}
    assert set(diff["$defs"]["QuestionCounts"]["properties"]) == {"shared", "new", "dropped"}
    assert {"old_in_new_terms", "not_carried"} <= diff["$defs"]["AnswerChange"]["properties"].keys()


def test_the_questionnaire_schema_admits_a_replaces_value_map(run_ncr: RunNcr) -> None:
    schema = json.loads(run_ncr("schema", "questionnaire").stdout)
    assert set(schema["$defs"]["Replaces"]["properties"]) == {"question", "values"}
