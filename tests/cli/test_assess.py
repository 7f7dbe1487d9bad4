"""`ncr assess FILE` as a reviewer runs it: JSON, output files, gates, bad input (the screen: tests/outputs/terminal)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import EXAMPLES, LIB, RESPONSES, RunNcr

MINI_A = RESPONSES / "mini-a.yaml"
GAPS = RESPONSES / "mini-gaps.yaml"
BAD = RESPONSES / "mini-bad-answers.yaml"
SCORED_KEYS = {"score", "level", "level_name", "coverage", "reference", "delta", "status"}


def assessed(run_ncr: RunNcr, *args: str | Path) -> dict[str, Any]:
    result = run_ncr("assess", "--format", "json", "--path", LIB, *args)
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_json_has_the_documented_keys(run_ncr: RunNcr) -> None:
    data = assessed(run_ncr, GAPS)
    assert data["ncr_version"]
    assert (data["country"], data["year"]) == ({"code": "XB", "name": "Borduria"}, 2026)
    assert (data["framework"]["id"], data["framework"]["version"]) == ("mini", "1.2.0")
    assert (data["questionnaire"]["id"], data["benchmark"]["id"]) == ("mini-q", "ref")
    assert data["overall"].keys() >= SCORED_KEYS
    assert data["overall"]["score"] == 2.0  # (law 0×2 + tech 6) / 3
    assert data["overall"]["status"] == "weakness"  # 2 - 60 = -58
    [law, tech] = data["pillars"]
    assert SCORED_KEYS | {"id", "capped_by", "indicators"} <= law.keys()
    forensics = next(i for i in tech["indicators"] if i["id"] == "tech.forensics")
    assert SCORED_KEYS | {"id", "capped_by"} <= forensics.keys()
    assert forensics["capped_by"] == ["weak-forensics", "no-lab-no-csirt"]
    assert data["critical_gaps"][0] == {"rule": "no-csirt", "message": "No national CSIRT."}
    gap, *_ = data["recommendations"]
    assert (gap["kind"], gap["rule"]) == ("critical_gap", "no-csirt")
    weak = data["recommendations"][2]
    assert (weak["kind"], weak["indicator"]) == ("indicator", "law.offences")
    assert weak["points_at_stake"] == pytest.approx(80 * 4 / 9)  # (80 - 0) × 2/3 × 2/3
    assert {"id": "L2", "answer": "none", "score": 0.0}.items() <= weak["questions"][1].items()
    assert "no-powers" in data["rules_fired"]
    assert data["missing"] == ["L4"]
    first = data["warnings"][0]
    assert (first["file"], first["line"], first["column"], first["message"]) == (
        str(GAPS),
        12,
        1,
        "no answer to L4: How many judges are trained?",
    )


def test_not_applicable_is_null_in_json(run_ncr: RunNcr) -> None:
    tech = assessed(run_ncr, MINI_A)["pillars"][1]
    stats = next(i for i in tech["indicators"] if i["id"] == "tech.stats")
    assert (stats["score"], stats["level"], stats["status"]) == (None, None, "not_applicable")


def test_output_file(run_ncr: RunNcr, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = run_ncr("assess", MINI_A, "--path", LIB, "-o", out)
    assert result.exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8")) == assessed(run_ncr, MINI_A)
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temporary file left


def test_output_is_not_overwritten_without_force(run_ncr: RunNcr, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    out.write_text("keep me", encoding="utf-8")
    refused = run_ncr("assess", MINI_A, "--path", LIB, "-o", out)
    assert refused.exit_code == 2
    assert "already exists; use --force" in refused.stderr
    assert out.read_text(encoding="utf-8") == "keep me"
    forced = run_ncr("assess", MINI_A, "--path", LIB, "-o", out, "--force")
    assert forced.exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["country"]["code"] == "XA"


def test_output_over_the_input_is_refused(run_ncr: RunNcr, tmp_path: Path) -> None:
    # A response in a .json file (JSON is YAML), so the output's format matches the input's name.
    source = tmp_path / "xa.json"
    shutil.copy(MINI_A, source)
    result = run_ncr("assess", source, "--path", LIB, "-o", source, "--force")
    assert result.exit_code == 2
    assert "refusing to write the output over a file this run reads" in result.stderr
    assert source.read_bytes() == MINI_A.read_bytes()


def test_an_interrupted_run_leaves_the_old_file(
    run_ncr: RunNcr, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*_: object) -> bytes:
        raise KeyboardInterrupt

    monkeypatch.setattr("ncr.outputs.reports.json_report.as_bytes", interrupted)
    out = tmp_path / "out.json"
    out.write_text("old report", encoding="utf-8")
    result = run_ncr("assess", MINI_A, "--path", LIB, "-o", out, "--force")
    assert result.exit_code == 130
    assert out.read_text(encoding="utf-8") == "old report"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


@pytest.mark.parametrize(("limit", "code"), [("90", 1), ("82.7", 0)])
def test_fail_under(run_ncr: RunNcr, limit: str, code: int) -> None:
    result = run_ncr("assess", MINI_A, "--path", LIB, "--fail-under", limit)
    assert result.exit_code == code  # the overall score is 82.73
    if code:
        assert "gate not met: overall score 82.7 is under 90 (--fail-under)" in result.stderr


def test_strict_fails_on_a_missing_answer_with_its_location(run_ncr: RunNcr) -> None:
    result = run_ncr("assess", GAPS, "--path", LIB, "--strict")
    assert result.exit_code == 1
    assert f"{GAPS}:12:1: no answer to L4 (--strict)" in result.stderr.splitlines()
    assert "gate not met: 1 missing answer(s) (--strict)" in result.stderr
    assert run_ncr("assess", MINI_A, "--path", LIB, "--strict").exit_code == 0


def test_invalid_response_lists_every_problem(run_ncr: RunNcr) -> None:
    result = run_ncr("assess", BAD, "--path", LIB)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f'{BAD}:9:7: L1 is a yes/no question: answer "yes" or "no", not \'maybe\'',
        f"{BAD}:10:7: L2 does not allow 'n/a'; answer it, or use 'unknown'",
        f"{BAD}:11:3: no question 'L9' in questionnaire mini-q",
        "3 errors — nothing was written.",
    ]
    assert "Traceback" not in result.output


def test_benchmark_by_id(run_ncr: RunNcr) -> None:
    data = assessed(run_ncr, MINI_A, "--benchmark", "pillars-only")
    assert data["benchmark"]["id"] == "pillars-only"
    [law, tech] = data["pillars"]
    assert (law["reference"], law["status"]) == (70.0, "strength")  # 77.22 - 70
    assert (tech["reference"], tech["status"]) == (None, "unbenchmarked")
    assert data["overall"]["status"] == "unbenchmarked"


def test_benchmark_by_file(run_ncr: RunNcr) -> None:
    edges = LIB / "frameworks" / "mini" / "benchmarks" / "edges.yaml"
    data = assessed(run_ncr, MINI_A, "--benchmark", edges)
    assert data["benchmark"]["id"] == "edges"
    assert data["overall"]["reference"] == 82.7


def test_unknown_benchmark(run_ncr: RunNcr) -> None:
    result = run_ncr("assess", MINI_A, "--path", LIB, "--benchmark", "nope")
    assert result.exit_code == 2
    assert "error: no benchmark 'nope' for framework mini (known: " in result.stderr
    assert "Traceback" not in result.output


CHAIN = 280  # within the cap of 300 questions (README "Limits"), with mini-q's ten


def _chain_files(tmp_path: Path, forward: bool) -> Path:
    """mini-q with a section of CHAIN yes/no questions on law.offences, each answered only if its
    neighbour (the next one when `forward`, else the previous one) is "yes"; every answer is "yes"
    but C140's, which breaks the chain."""
    qn = yaml.safe_load((LIB / "questionnaires" / "mini-q.yaml").read_text(encoding="utf-8"))
    qn["id"] = "chain-q"
    chain = []
    for i in range(CHAIN):
        question: dict[str, Any] = {
            "id": f"C{i}",
            "indicator": "law.offences",
            "text": f"Chained question {i}?",
            "type": "yes_no",
        }
        neighbour = i + 1 if forward else i - 1
        if 0 <= neighbour < CHAIN:
            question["applies_if"] = {"question": f"C{neighbour}", "is": "yes"}
        chain.append(question)
    # the chain runs across three sections
    for start in range(0, CHAIN, 100):
        part = {"id": f"chain{start}", "title": "Chain", "questions": chain[start : start + 100]}
        qn["sections"].append(part)
    lib = tmp_path / "lib" / "questionnaires"
    lib.mkdir(parents=True)
    (lib / "chain-q.yaml").write_text(yaml.safe_dump(qn, sort_keys=False), encoding="utf-8")
    response = yaml.safe_load((RESPONSES / "mini-a.yaml").read_text(encoding="utf-8"))
    response["questionnaire"] = "chain-q"
    response["answers"].update({f"C{i}": "yes" if i != 140 else "no" for i in range(CHAIN)})
    target = tmp_path / "chain.yaml"
    target.write_text(yaml.safe_dump(response, sort_keys=False), encoding="utf-8")
    return target


@pytest.mark.parametrize(
    ("forward", "expected"),
    [
        # Forward: C0..C139 hang on C140 = "no", so they do not apply; C140 (0) and C141..C279
        # (139 × 100) do. With mini-a's L1 (weight 2, 100) and L2 (partial, 50):
        # (200 + 50 + 13,900 + 0) / (2 + 1 + 140) = 14,150 / 143.
        (True, 14_150 / 143),
        # Backward: C0..C139 (140 × 100) and C140 (0) apply; C141.. hang on C140.
        # (200 + 50 + 14,000 + 0) / (2 + 1 + 141) = 14,250 / 144.
        (False, 14_250 / 144),
    ],
)
def test_a_long_applies_if_chain_validates_and_assesses_in_either_direction(
    run_ncr: RunNcr, tmp_path: Path, forward: bool, expected: float
) -> None:
    response = _chain_files(tmp_path, forward)
    path = ("--path", LIB, "--path", tmp_path / "lib")
    assert run_ncr("validate", *path, response).exit_code == 0
    done = run_ncr("assess", *path, response, "--format", "json")
    assert done.exit_code == 0
    result = json.loads(done.stdout)
    law = next(p for p in result["pillars"] if p["id"] == "law")
    offences = next(i for i in law["indicators"] if i["id"] == "law.offences")
    assert offences["score"] == pytest.approx(expected)


def test_an_applies_if_cycle_is_named_for_each_question_on_it_only(
    run_ncr: RunNcr, tmp_path: Path
) -> None:
    response = _chain_files(tmp_path, forward=True)
    questionnaire = tmp_path / "lib" / "questionnaires" / "chain-q.yaml"
    qn = yaml.safe_load(questionnaire.read_text(encoding="utf-8"))
    # C279 now hangs on C277: C277 → C278 → C279 → C277 is a cycle; C0..C276 only lead into it
    qn["sections"][-1]["questions"][-1]["applies_if"] = {"question": "C277", "is": "yes"}
    questionnaire.write_text(yaml.safe_dump(qn, sort_keys=False), encoding="utf-8")
    done = run_ncr("validate", "--path", LIB, "--path", tmp_path / "lib", response)
    assert done.exit_code == 2
    named = sorted(set(re.findall(r"`applies_if` of (C\d+) depends on", done.output)))
    assert named == ["C277", "C278", "C279"]


@pytest.fixture
def unwritable(tmp_path: Path) -> Path:
    """A folder no report can be written into: read-only for us, or — when the tests run as root,
    for whom permissions do not apply — /sys, which refuses new files to anyone."""
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    for candidate in (folder, Path("/sys")):
        try:
            (candidate / ".probe").touch()
        except OSError:
            return candidate
        (candidate / ".probe").unlink()
    pytest.skip("no folder here refuses new files")


def test_an_unwritable_output_folder_is_refused_before_any_rendering(
    run_ncr: RunNcr, unwritable: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def never(_: object) -> bytes:
        raise AssertionError("rendered although the report could not be written")

    monkeypatch.setattr("ncr.outputs.reports.json_report.as_bytes", never)
    result = run_ncr("assess", MINI_A, "--path", LIB, "-o", unwritable / "xa.json")
    assert result.exit_code == 2, result.output
    assert f"cannot write into the folder {unwritable} (permission denied)" in result.stderr
    assert "choose another -o" in result.stderr
    # A batch is refused the same way, before any worker starts.
    two = [MINI_A, RESPONSES / "mini-gaps.yaml"]
    result = run_ncr("assess", *two, "--path", LIB, "-o", unwritable, "--format", "json")
    assert result.exit_code == 2, result.output
    assert f"cannot write into the folder {unwritable}" in result.stderr


# --- the status lines in the reader's language (issue 17) ---------------------------------------


def test_a_french_run_says_in_french_what_it_wrote(run_ncr: RunNcr, tmp_path: Path) -> None:
    # xb-2026 scores 57.5 overall (the shipped example; the same in every language)
    target = tmp_path / "xb.md"
    result = run_ncr("assess", EXAMPLES / "xb-2026.yaml", "-o", target, "--lang", "fr")
    assert result.exit_code == 0, result.output
    # the file name as given, a no-break space before the colon, a decimal comma
    assert result.stderr == f"{target} enregistré — Borealis 2026\u00a0: 57,5\n"


def test_english_says_what_it_wrote_as_before(run_ncr: RunNcr, tmp_path: Path) -> None:
    target = tmp_path / "xb.md"
    result = run_ncr("assess", EXAMPLES / "xb-2026.yaml", "-o", target)
    assert result.stderr == f"wrote {target} — Borealis 2026: 57.5\n"


def test_a_refused_run_says_nothing_was_written_in_the_language_asked(
    run_ncr: RunNcr, tmp_path: Path
) -> None:
    missing = tmp_path / "missing.yaml"
    result = run_ncr("assess", missing, "--lang", "es")
    assert result.exit_code == 2
    # the problem itself, about an input file, stays in English (README, "Languages")
    assert result.stderr.splitlines() == [
        f"{missing}:0:0: cannot read the file: No such file or directory",
        "1 error — no se ha guardado nada.",
    ]
