"""Cross-reference checks, seen as a reviewer sees them: `ncr validate` output, one line per mistake."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import LIB, NEGATIVE, RESPONSES, RunNcr

LOCATED = re.compile(r"^\S+\.yaml:\d+:\d+: ")
EXPECTED = {
    "response-mistakes.yaml": [
        "3:1: unknown key 'contry'",
        '10:7: L1 is a yes/no question: answer "yes" or "no", not \'maybe\'',
        "11:7: 'mostly' is not an option of L2; choose one of: full, partial, none",
        "12:7: L3 lists search more than once",
        "13:7: L4 takes a number of 0 or more, not -3",
        "14:3: no question 'L9' in questionnaire mini-q",
        "16:7: T1 does not allow 'n/a'; answer it, or use 'unknown'",
    ],
    "framework-mistakes.yaml": [
        "6:32: the first level must start at min: 0",
        "7:33: levels must ascend: 5 ≤ 10",
        "13:14: pillar or indicator id 'law.a' is used twice",
        "16:23: no indicator 'law.b' in this framework (did you mean 'law.a'?)",
        "17:19: cap target 'lawz' is not an indicator, a pillar or 'overall' (did you mean 'law'?)",
        "18:9: rule id 'r1' is used twice",
    ],
    "questionnaire-mistakes.yaml": [
        "3:20: framework mini is version 1.2.0, which '>=2.0' does not admit",
        "10:20: no indicator 'law.offencs' in mini (did you mean 'law.offences'?)",
        "13:9: a choice question needs `options`",
        "13:13: question id 'Q1' is used twice",
        "23:19: bands must ascend by `min`",
        "28:32: no question 'Q99'",
        "33:40: 'maybe' is not a possible answer to Q3 (possible: a number)",
        "38:21: `applies_if` may only use question conditions",
        "2:12: rule 'no-csirt' of mini: no question 'T1'",
        "6:3: warning: indicator 'tech.csirt' has no question: it will never be scored",
    ],
    "benchmark-mistakes.yaml": [
        "5:11: no pillar 'laws' in framework mini (did you mean 'law'?)",
        "6:14: no indicator 'tech.csirtt' in framework mini (did you mean 'tech.csirt'?)",
    ],
    "structure-mistakes.yaml": [
        "10:13: must be greater than 0, got 0",
        "12:31: unknown key 'wieght': did you mean 'weight'?",
        "15:30: unknown key 'bellow': did you mean 'below'?",
        "17:5: a rule needs a `cap`, a `flag`, or both",
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_mistake_is_reported_at_its_line(run_ncr: RunNcr, name: str) -> None:
    result = run_ncr("validate", "--path", LIB, NEGATIVE / name)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    for expected in EXPECTED[name]:
        assert f"{NEGATIVE / name}:{expected}" in lines
    assert "Traceback" not in result.output


def test_each_mistake_is_reported_once(run_ncr: RunNcr) -> None:
    result = run_ncr("validate", "--path", LIB, NEGATIVE / "response-mistakes.yaml")
    located = [line for line in result.stderr.splitlines() if LOCATED.match(line)]
    assert len(located) == len(set(located)) == len(EXPECTED["response-mistakes.yaml"])


def test_a_valid_response_passes_with_no_output_but_its_verdict(run_ncr: RunNcr) -> None:
    result = run_ncr("validate", "--path", LIB, RESPONSES / "mini-a.yaml")
    assert result.exit_code == 0
    assert result.stderr.strip() == f"{RESPONSES / 'mini-a.yaml'}: response — valid"


def test_a_value_map_must_name_options_of_the_new_question(run_ncr: RunNcr, tmp_path: Path) -> None:
    cycles = Path(__file__).parent.parent / "fixtures" / "cycles"
    source = (cycles / "questionnaires" / "cyc-2026.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "cyc-broken.yaml"
    broken.write_text(source.replace("law: in-force}", "law: enacted}"), encoding="utf-8")
    result = run_ncr("validate", "--path", cycles, broken)
    assert result.exit_code == 2
    # line 18: `replaces: {question: B1, values: {draft: bill, law: enacted}}`, at `enacted`
    assert re.search(
        r"cyc-broken\.yaml:18:61: 'enacted' is not an option of B1\.1; choose one of: "
        r"nothing, bill, adopted, in-force",
        result.stderr,
    ), result.stderr


FINDINGS_MISTAKES = """country: {code: XB, name: Borduria}
year: 2026
questionnaire: mini-q
review:
  date: 2026-04-01
  previous: mini-findings-2023.yaml
answers: {}
findings:
  pillars:
    lawz: Unknown pillar.
  recommendations:
    - id: R1
      text: Do one thing.
      indicators: [law.ofences]
    - id: R1
      text: Do another.
      indicators: [tech.csirt]
follow_up:
  P1: {status: partly}
  P7: {status: implemented}
"""


def test_findings_and_follow_up_name_what_exists_each_located(
    run_ncr: RunNcr, tmp_path: Path
) -> None:
    (tmp_path / "mini-findings-2023.yaml").write_text(
        (RESPONSES / "mini-findings-2023.yaml").read_text()
    )
    path = tmp_path / "xb.yaml"
    path.write_text(FINDINGS_MISTAKES)
    result = run_ncr("validate", "--path", LIB, path)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    errors = [line.split("xb.yaml:", 1)[1] for line in lines if LOCATED.match(line)]
    assert errors == [
        "10:5: no pillar 'lawz' in framework mini (did you mean 'law'?)",
        "14:20: no indicator 'law.ofences' in framework mini (did you mean 'law.offences'?)",
        "15:11: recommendation id 'R1' is used twice",
        "20:3: the previous review (mini-findings-2023.yaml) has no recommendation 'P7'",
    ]


def test_a_previous_review_that_is_not_there_is_located(run_ncr: RunNcr, tmp_path: Path) -> None:
    path = tmp_path / "xb.yaml"
    path.write_text(FINDINGS_MISTAKES.replace("mini-findings-2023", "gone"))
    result = run_ncr("validate", "--path", LIB, path)
    assert result.exit_code == 2
    assert "xb.yaml:6:13: previous review 'gone.yaml' not found" in result.stderr
