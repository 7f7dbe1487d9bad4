"""`ncr init`: a skeleton that validates, carries an earlier review over, and overwrites nothing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from assessing import assess_file, scores_by_id
from conftest import EXAMPLES, LIB, RESPONSES, RunNcr
from ncr.documents import Answer
from ncr.loader.loading import Loader
from ncr.loader.search_path import Catalog


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def init(run_ncr: RunNcr, *args: str | Path, country: str = "XA") -> Path:
    """Run `ncr init` on the mini library; return the response file it wrote."""
    result = run_ncr("init", "--path", LIB, "-c", country, *args)
    assert result.exit_code == 0, result.output
    assert "warning" not in result.stderr
    wrote = next(line for line in result.stderr.splitlines() if line.startswith("wrote "))
    return Path(wrote.removeprefix("wrote ").split(":")[0])


def test_the_skeleton_validates_with_every_answer_missing(run_ncr: RunNcr, workdir: Path) -> None:
    written = init(run_ncr, "-q", "mini-q", "-y", "2026")
    assert written == Path("xa-2026.yaml")
    text = written.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=./ncr-mini-q.schema.json"
    schema = json.loads((workdir / "ncr-mini-q.schema.json").read_text(encoding="utf-8"))
    # the schema knows this questionnaire: an editor completes its ids and answers
    assert schema["title"] == "ncr response to mini-q"
    answers = schema["properties"]["answers"]
    assert answers["additionalProperties"] is False
    assert "T1" in answers["properties"]

    result = run_ncr("validate", "--path", LIB, written)
    assert result.exit_code == 0, result.output
    # Ten questions: T5 is text (never missing), T2 applies only if T1 is "yes".
    missing = [line for line in result.stderr.splitlines() if ": warning: no answer to " in line]
    assert len(missing) == 8
    assert "xa-2026.yaml: response — valid, 8 warnings" in result.stderr


def test_an_existing_file_is_kept_without_force(run_ncr: RunNcr, workdir: Path) -> None:
    (workdir / "xa-2026.yaml").write_text("mine\n", encoding="utf-8")
    result = run_ncr("init", "--path", LIB, "-q", "mini-q", "-c", "XA", "-y", "2026")
    assert result.exit_code == 2
    assert "xa-2026.yaml already exists; use --force to replace it" in result.stderr
    assert (workdir / "xa-2026.yaml").read_text(encoding="utf-8") == "mine\n"
    assert not (workdir / "ncr-mini-q.schema.json").exists()  # nothing was done at all

    init(run_ncr, "-q", "mini-q", "-y", "2026", "--force")
    assert "answers:" in (workdir / "xa-2026.yaml").read_text(encoding="utf-8")


def test_the_earlier_review_is_never_written_over(run_ncr: RunNcr, workdir: Path) -> None:
    old = shutil.copy(RESPONSES / "mini-a.yaml", workdir / "old.yaml")
    before = Path(old).read_bytes()
    args = ("-q", "mini-q", "-y", "2026", "--from", old, "-o", old, "--force")
    result = run_ncr("init", "--path", LIB, "-c", "XA", *args)
    assert result.exit_code == 2
    assert "refusing to write the output over a file this run reads" in result.stderr
    assert Path(old).read_bytes() == before


def test_a_schema_file_already_there_is_left_alone(run_ncr: RunNcr, workdir: Path) -> None:
    (workdir / "ncr-mini-q.schema.json").write_text("{}\n", encoding="utf-8")
    result = run_ncr("init", "--path", LIB, "-q", "mini-q", "-c", "XA", "-y", "2026")
    assert result.exit_code == 0
    assert (workdir / "ncr-mini-q.schema.json").read_text(encoding="utf-8") == "{}\n"
    assert "ncr schema response -q mini-q -o ncr-mini-q.schema.json --force" in result.stderr


@pytest.mark.parametrize("filled", ["mini-a.yaml", "mini-tricky.yaml"])
def test_from_a_filled_file_gives_the_same_answers_and_scores(
    run_ncr: RunNcr, workdir: Path, filled: str
) -> None:
    source = RESPONSES / filled
    written = init(run_ncr, "-q", "mini-q", "-y", "2026", "--from", source)

    loader = Loader(Catalog.create([LIB], env={}))
    old, new = loader.response(source).model, loader.response(written).model
    assert new.answers == old.answers
    assert new.country == old.country  # the name comes from the earlier review
    assert new.review.classification == old.review.classification
    assert new.review.status == "draft"

    old_scores, new_scores = scores_by_id(assess_file(source)), scores_by_id(assess_file(written))
    assert {k: s.score for k, s in new_scores.items()} == {
        k: s.score for k, s in old_scores.items()
    }
    assert new_scores["overall"].score == pytest.approx(82.73, abs=0.005)


def test_answers_carry_into_the_next_questionnaire_cycle(run_ncr: RunNcr, workdir: Path) -> None:
    shutil.copy(RESPONSES / "mini-a.yaml", workdir / "xa-2026.yaml")
    written = init(run_ncr, "-q", "mini-q2", "-y", "2027", "--from", "xa-2026.yaml")
    lines = written.read_text(encoding="utf-8").splitlines()
    assert lines[lines.index("  L2b: partial") - 1] == "  # Carried over from L2 in xa-2026.yaml."
    # after the answers, before the findings and follow-up blocks to fill
    assert "# Answered in xa-2026.yaml but not asked in mini-q2, so not carried over: T5." in lines

    result = run_ncr("validate", "--path", LIB, written)
    assert result.exit_code == 0, result.output
    missing = {
        line.split("no answer to ")[1][:2]
        for line in result.stderr.splitlines()
        if "no answer to" in line
    }
    assert missing == {"T2", "T6", "T7"}  # T2 and T6 no longer fit; T7 is new

    scores = scores_by_id(assess_file(written))
    # law.offences (2×100 + 50)/3 = 83.33 · law.procedure (80 + 50)/2 = 65 · law 77.22
    # tech.csirt (100 + 0)/2 = 50 · tech.forensics (100 + 2×100)/3 = 100 · tech.stats 0
    # tech (50 + 3×100 + 0)/5 = 70 · overall (2×77.22 + 70)/3 = 74.81
    expected = {"law.offences": 83.33, "law": 77.22, "tech.csirt": 50, "tech": 70, "overall": 74.81}
    assert {k: round(scores[k].score or 0, 2) for k in expected} == expected


def test_a_questionnaire_file_is_named_relative_to_the_response(
    run_ncr: RunNcr, workdir: Path
) -> None:
    (workdir / "out" / "forms").mkdir(parents=True)
    qn = shutil.copy(LIB / "questionnaires" / "mini-q.yaml", workdir / "out/forms/mini-q-copy.yaml")
    written = init(run_ncr, "-q", qn, "-y", "2026", "-o", "out/xa.yaml")
    loader = Loader(Catalog.create([LIB], env={}))
    assert loader.response(written).model.questionnaire == "forms/mini-q-copy.yaml"
    assert (workdir / "out" / "ncr-mini-q.schema.json").is_file()
    assert run_ncr("validate", "--path", LIB, written).exit_code == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("-q", "mini-q", "-c", "XAB", "-y", "2026"), "--country takes a two-letter code"),
        (("-q", "mini-q", "-c", "XA", "-y", "99"), "--year: input should be greater than"),
        (("-q", "mini-q", "-c", "XA", "-y", "2026", "--name", " "), "--name: "),
        (("-q", "mini-qq", "-c", "XA", "-y", "2026"), "no questionnaire 'mini-qq'"),
    ],
)
def test_bad_options_are_refused_before_anything_is_written(
    run_ncr: RunNcr, workdir: Path, args: tuple[str, ...], message: str
) -> None:
    result = run_ncr("init", "--path", LIB, *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert list(workdir.iterdir()) == []


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_every_example_carries_over_whole_into_its_own_questionnaire(
    run_ncr: RunNcr, workdir: Path, example: Path
) -> None:
    loader = Loader(Catalog.create([], env={}))
    old = loader.response(example).model
    args = ("-q", old.questionnaire, "-y", str(old.year), "--from", example)
    written = init(run_ncr, *args, country=old.country.code)
    new = loader.response(written).model
    # The new file also lists the questions the example leaves unanswered, as empty entries.
    assert {k: a for k, a in new.answers.items() if a != Answer()} == old.answers


def test_a_questionnaire_file_out_of_the_response_folder_is_refused(
    run_ncr: RunNcr, workdir: Path
) -> None:
    # A response may only name files in its own folder (or on the search path): init says so
    # up front instead of writing a response that would not validate.
    (workdir / "out").mkdir()
    qn = shutil.copy(LIB / "questionnaires" / "mini-q.yaml", workdir / "mini-q-copy.yaml")
    result = run_ncr("init", "--path", LIB, "-c", "XA", "-q", qn, "-y", "2026", "-o", "out/xa.yaml")
    assert result.exit_code == 2
    assert "mini-q-copy.yaml is not in the folder of out/xa.yaml" in result.stderr
    assert not (workdir / "out" / "xa.yaml").exists()


def test_another_countrys_review_is_refused_without_any_country(
    run_ncr: RunNcr, workdir: Path
) -> None:
    shutil.copy(RESPONSES / "mini-a.yaml", workdir / "xa-2026.yaml")  # Aurelia (XA)
    args = ("init", "--path", LIB, "-q", "mini-q", "-c", "XB", "-y", "2027")
    refused = run_ncr(*args, "--from", "xa-2026.yaml")
    assert refused.exit_code == 2
    assert "xa-2026.yaml:" in refused.stderr and "pass --any-country" in refused.stderr
    assert not (workdir / "xb-2027.yaml").exists()
    carried = run_ncr(*args, "--from", "xa-2026.yaml", "--any-country")
    assert carried.exit_code == 0, carried.output
    assert "a review of XA, not XB" in carried.stderr


CYCLES = Path(__file__).parent.parent / "fixtures" / "cycles"


def test_a_value_map_is_followed_and_an_unmapped_value_answered_again(
    run_ncr: RunNcr, workdir: Path
) -> None:
    # cyc-2026's B1.1 replaces {question: B1, values: {draft: bill, law: in-force}}
    for name in ("xc-2023.yaml", "xc-2023-none.yaml"):
        shutil.copy(CYCLES / name, workdir / name)
    base = ("init", "--path", CYCLES, "-q", "cyc-2026", "-c", "XC", "-y", "2026")
    result = run_ncr(*base, "--from", "xc-2023.yaml", "-o", "mapped.yaml")
    assert result.exit_code == 0, result.output
    lines = (workdir / "mapped.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[lines.index("  B1.1: bill") - 1] == "  # Carried over from B1 in xc-2023.yaml."

    result = run_ncr(*base, "--from", "xc-2023-none.yaml", "-o", "again.yaml")
    assert result.exit_code == 0, result.output
    assert "1 to answer again" in result.stderr
    text = (workdir / "again.yaml").read_text(encoding="utf-8")
    comments = " ".join(line.strip(" #") for line in text.splitlines())
    assert "'none' has no counterpart among B1.1's (see its `replaces` values)" in comments
    assert "  #   B1.1: none\n  B1.1:\n" in text  # shown, and left empty until answered again
    checked = run_ncr("validate", "--path", CYCLES, workdir / "again.yaml")
    assert checked.exit_code == 0, checked.output
    assert "no answer to B1.1" in checked.stderr


def test_from_carries_the_earlier_recommendations_into_a_follow_up_to_fill(
    run_ncr: RunNcr, workdir: Path
) -> None:
    earlier = shutil.copy(RESPONSES / "mini-findings-2023.yaml", workdir / "xb-2023.yaml")
    path = init(run_ncr, "-q", "mini-q", "-y", "2026", "--from", earlier, country="XB")
    text = path.read_text()
    assert '  previous: "./xb-2023.yaml"\n' in text
    assert "# findings:\n#   summary:" in text  # the reviewers' block, commented until written
    assert "#   # P1: Adopt a cybercrime law with offences and powers.\n" in text
    # Filled in, the follow-up validates against the earlier review's own ids.
    filled = text.replace("# follow_up:", "follow_up:").replace(
        "#   P1: {status: ..., note: ...}", "  P1: {status: partly, note: Offences only.}"
    )
    path.write_text(filled.replace("#   P2: {status: ..., note: ...}", ""))
    result = run_ncr("validate", "--path", LIB, path)
    assert result.exit_code == 0, result.output


def test_init_says_what_it_wrote_in_spanish(run_ncr: RunNcr, workdir: Path) -> None:
    result = run_ncr("init", "-q", "ncr-core-2026", "-c", "XB", "-y", "2027", "--lang", "es")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "xb-2027.yaml guardado: 206 preguntas de ncr-core-2026",
        (
            "ncr-ncr-core-2026.schema.json guardado: el esquema JSON que usan los editores para "
            "comprobar el archivo"
        ),
    ]


def test_one_schema_serves_responses_started_in_several_languages(
    run_ncr: RunNcr, workdir: Path
) -> None:
    # French then English skeletons in one folder share the English schema `ncr schema` writes,
    # so the second init finds it up to date and says nothing about it
    french = run_ncr("init", "-q", "ncr-core-2026", "-c", "XB", "-y", "2027", "--lang", "fr")
    assert french.exit_code == 0, french.output
    english = run_ncr("init", "-q", "ncr-core-2026", "-c", "XC", "-y", "2027")
    assert english.exit_code == 0, english.output
    assert english.stderr.splitlines() == ["wrote xc-2027.yaml: 206 questions of ncr-core-2026"]
    written = (workdir / "ncr-ncr-core-2026.schema.json").read_text(encoding="utf-8")
    schema = run_ncr("schema", "response", "-q", "ncr-core-2026")
    assert schema.exit_code == 0
    assert written == schema.stdout
