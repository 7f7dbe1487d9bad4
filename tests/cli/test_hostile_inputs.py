"""Issue 13, as a hostile input and a hurried reviewer would try it: every failure it lists gives a
located message and exit 2 (or the documented behaviour), one file with one of each mistake reports
every one of them, and seeded fuzzing never gets a traceback out of ncr."""

from __future__ import annotations

import contextlib
import json
import random
import re
import shutil
import time
from pathlib import Path
from typing import Any

import pytest

from conftest import LIB, REPO, RESPONSES, RunNcr
from ncr.problems import InputError
from ncr.shipped import builtin_root

MINI_A = RESPONSES / "mini-a.yaml"
MINI_Q = LIB / "questionnaires" / "mini-q.yaml"
LOCATED = re.compile(r"^.+:\d+:\d+: ")


def response(tmp_path: Path, text: str, name: str = "r.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def mini(**replace: str) -> str:
    """mini-a.yaml with some lines replaced, e.g. mini(**{"year: 2026": 'year: "2026"'})."""
    text = MINI_A.read_text(encoding="utf-8")
    for old, new in replace.items():
        assert old in text
        text = text.replace(old, new)
    return text


def errors(result_stderr: str) -> list[str]:
    return [line for line in result_stderr.splitlines() if LOCATED.match(line)]


# --- inputs are read-only -------------------------------------------------------------------


def test_output_over_the_questionnaire_the_run_read_is_refused_even_with_force(
    run_ncr: RunNcr, tmp_path: Path
) -> None:
    qn = shutil.copy(MINI_Q, tmp_path / "q.json")  # YAML in a file named like a report
    before = Path(qn).read_bytes()
    resp = response(tmp_path, mini(**{"questionnaire: mini-q": "questionnaire: ./q.json"}))
    result = run_ncr("assess", resp, "--path", LIB, "-o", qn, "--force")
    assert result.exit_code == 2
    assert "refusing to write the output over a file this run reads" in result.stderr
    assert Path(qn).read_bytes() == before


def test_output_over_the_benchmark_file_is_refused(run_ncr: RunNcr, tmp_path: Path) -> None:
    bm = shutil.copy(LIB / "frameworks" / "mini" / "benchmarks" / "ref.yaml", tmp_path / "b.md")
    before = Path(bm).read_bytes()
    result = run_ncr("assess", MINI_A, "--path", LIB, "-b", bm, "-o", bm, "--force")
    assert result.exit_code == 2
    assert "over a file this run reads" in result.stderr
    assert Path(bm).read_bytes() == before


def test_a_built_in_file_is_never_written(run_ncr: RunNcr) -> None:
    target = builtin_root() / "questionnaires" / "ncr-core-2026.yaml"
    before = target.read_bytes()
    example = REPO / "examples" / "xa-2026.yaml"
    result = run_ncr("benchmark", "build", example, "--id", "x", "-o", target, "--force")
    assert result.exit_code == 2
    assert "refusing to write into ncr's built-in files" in result.stderr
    assert target.read_bytes() == before


BATCH = RESPONSES.parent / "batch"
PROFILE = RESPONSES.parent / "profile"


def two_reviews(folder: Path, questionnaire: str = "mini-q") -> list[Path]:
    """Carpania and Borduria (tests/fixtures/batch), read with `questionnaire`."""
    paths = []
    for name in ("carpania.yaml", "borduria.yaml"):
        text = (BATCH / name).read_text(encoding="utf-8")
        paths.append(response(folder, text.replace("mini-q", questionnaire), name))
    return paths


def test_a_batch_never_writes_a_report_over_the_questionnaire_it_read(
    run_ncr: RunNcr, tmp_path: Path
) -> None:
    # The questionnaire is out/carpania.md: the report of carpania.yaml would go there. Which
    # questionnaire a review is read with is known only in the worker, so the worker refuses.
    (tmp_path / "out").mkdir()
    qn = shutil.copy(MINI_Q, tmp_path / "out" / "carpania.md")
    before = Path(qn).read_bytes()
    files = two_reviews(tmp_path, "./out/carpania.md")
    result = run_ncr("assess", *files, "--path", LIB, "-o", tmp_path / "out", "--format", "md",
                     "--force", "-j", "1")  # fmt: skip
    assert result.exit_code == 2
    assert "refusing to write the output over a file this run reads" in result.stderr
    assert Path(qn).read_bytes() == before


def test_a_batch_never_writes_over_the_profile_nor_into_the_templates(
    run_ncr: RunNcr, tmp_path: Path
) -> None:
    files = two_reviews(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    profile = shutil.copy(PROFILE / "profile.yaml", out / "borduria.md")
    shutil.copy(PROFILE / "logo.png", out / "logo.png")
    before = Path(profile).read_bytes()
    args = ["assess", *files, "--path", LIB, "--format", "md", "--force", "-j", "1"]
    result = run_ncr(*args, "-o", out, "--profile", profile)
    assert result.exit_code == 2
    assert f"{out / 'borduria.md'} is a file this run reads (even with --force)" in result.stderr
    assert Path(profile).read_bytes() == before
    # A file of the templates folder (read as a whole) named as a report would be
    template = tmp_path / "tpl" / "carpania.md"
    template.parent.mkdir()
    template.write_text("{# a reviewer's own file #}\n", encoding="utf-8")
    result = run_ncr(*args, "-o", tmp_path / "tpl", "--templates", tmp_path / "tpl")
    assert result.exit_code == 2
    assert f"{template} is a file this run reads (even with --force)" in result.stderr
    assert template.read_text(encoding="utf-8") == "{# a reviewer's own file #}\n"


def test_compare_never_writes_the_overview_over_the_questionnaire(
    run_ncr: RunNcr, tmp_path: Path
) -> None:
    qn = shutil.copy(MINI_Q, tmp_path / "q.html")
    before = Path(qn).read_bytes()
    files = two_reviews(tmp_path, "./q.html")
    result = run_ncr("compare", *files, "--path", LIB, "-o", qn, "--force", "-j", "1")
    assert result.exit_code == 2
    assert "refusing to write the output over a file this run reads" in result.stderr
    assert Path(qn).read_bytes() == before


@pytest.mark.parametrize("target", ["profile.md", "tpl/assessment.html"])
def test_a_report_never_goes_over_the_profile_or_into_the_templates(
    run_ncr: RunNcr, tmp_path: Path, target: str
) -> None:
    profile = shutil.copy(PROFILE / "profile.yaml", tmp_path / "profile.md")
    shutil.copy(PROFILE / "logo.png", tmp_path / "logo.png")
    (tmp_path / "tpl").mkdir()
    out = tmp_path / target
    before = out.read_bytes() if out.exists() else None
    result = run_ncr("assess", MINI_A, "--path", LIB, "--profile", profile,
                     "--templates", tmp_path / "tpl", "-o", out, "--force")  # fmt: skip
    assert result.exit_code == 2, result.output
    assert "refusing to write the output" in result.stderr
    assert (out.read_bytes() if out.exists() else None) == before


def test_benchmark_build_never_writes_over_a_questionnaire_of_any_response(
    run_ncr: RunNcr, tmp_path: Path
) -> None:
    # The second response's questionnaire, read only in a worker: every one counts, not the first.
    qn = shutil.copy(MINI_Q, tmp_path / "q.yaml")
    before = Path(qn).read_bytes()
    carpania, borduria = two_reviews(tmp_path)
    borduria.write_text(borduria.read_text(encoding="utf-8").replace("mini-q", "./q.yaml"))
    args = ["benchmark", "build", carpania, borduria, "--id", "p", "--path", LIB, "-j", "1"]
    result = run_ncr(*args, "-o", qn, "--force")
    assert result.exit_code == 2, result.output
    assert "refusing to write the output over a file this run reads" in result.stderr
    assert Path(qn).read_bytes() == before


def test_templates_copy_never_writes_over_the_built_in_templates(run_ncr: RunNcr) -> None:
    result = run_ncr("templates", "copy", builtin_root() / "templates", "--force")
    assert result.exit_code == 2
    assert "refusing to write into ncr's built-in files" in result.stderr


# --- paths inside a response ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reference", "said"),
    [
        ("/etc/passwd", "is an absolute path"),
        ("../../x.yaml", "leads out of this file's folder"),
    ],
)
def test_a_response_cannot_make_ncr_read_any_file(
    run_ncr: RunNcr, tmp_path: Path, reference: str, said: str
) -> None:
    resp = response(tmp_path, mini(**{"questionnaire: mini-q": f"questionnaire: {reference}"}))
    result = run_ncr("validate", "--path", LIB, resp)
    assert result.exit_code == 2
    assert f"{resp}:5:16: '{reference}' {said}" in result.stderr
    assert "root:" not in result.stderr


def test_values_of_a_file_that_is_not_an_ncr_document_are_never_quoted(
    run_ncr: RunNcr, tmp_path: Path
) -> None:
    (tmp_path / "secrets.yaml").write_text("password: hunter2\n", encoding="utf-8")
    resp = response(tmp_path, mini(**{"questionnaire: mini-q": "questionnaire: ./secrets.yaml"}))
    result = run_ncr("validate", "--path", LIB, resp)
    assert result.exit_code == 2
    assert "is not an ncr questionnaire" in result.stderr
    assert "hunter2" not in result.output and "password" not in result.output


# --- every problem in one run -----------------------------------------------------------------

ONE_OF_EACH = """\
country: XA
year: "2026"
questionnaire: mini-q
review:
  date: 2026-02-30
  status: Final
  status: draft
  classification: "\\e[2J"
answers:
  L1: maybe
  L2: partial
  L2: "no"
  L3: [preservation, nonsense]
  L4: .inf
  T1: {answer: "yes", colour: red}
  T2: "a\\u202eb"
  T4: 1e309
  T9: "yes"
  T3: &a "yes"
"""

EXPECTED = [
    "1:10: expected a mapping (key: value lines), got 'XA'",
    "2:7: expected a whole number, got '2026' (remove the quotes: a number is written without them)",
    "5:9: '2026-02-30' is not a valid date",
    "6:11: expected one of 'draft' or 'final', got 'Final'",
    "7:3: duplicate key 'status' (first defined at line 6)",
    "8:19: this value holds a control character, U+001B (ESC)",
    '10:7: L1 is a yes/no question: answer "yes" or "no", not \'maybe\'',
    "12:3: duplicate key 'L2' (first defined at line 11)",
    "13:7: not options of L3: 'nonsense'",
    "14:7: .inf is not a finite number",
    "15:23: unknown key 'colour'",
    "16:7: this value holds a bidirectional override, U+202E",
    "17:7: 1e309 is not a finite number",
    "18:3: no question 'T9' in questionnaire mini-q",
]


def test_a_file_with_one_of_each_mistake_reports_every_one(run_ncr: RunNcr, tmp_path: Path) -> None:
    # without the anchor first: an anchor stops the file before anything is built (README)
    resp = response(tmp_path, ONE_OF_EACH.replace('&a "yes"', '"yes"'))
    result = run_ncr("validate", "--path", LIB, resp)
    assert result.exit_code == 2
    found = errors(result.stderr)
    for expected in EXPECTED:
        assert any(line.startswith(f"{resp}:{expected}") for line in found), expected
    assert len(found) == len(EXPECTED), found


def test_an_anchor_without_an_alias_is_an_error(run_ncr: RunNcr, tmp_path: Path) -> None:
    resp = response(tmp_path, ONE_OF_EACH)
    result = run_ncr("validate", "--path", LIB, resp)
    assert result.exit_code == 2
    assert f"{resp}:19:7: anchors and aliases (&/*) are not allowed" in result.stderr


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("status: final", "status: Final", "8:11: expected one of 'draft' or 'final'"),
        ("date: 2026-03-14", "date: 14/03/2026", "7:9: expected a date like 2026-03-14"),
        ("country: {code: XA, name: Aurelia}", "country: XA", "3:10: expected a mapping"),
        ("country: {code: XA, name: Aurelia}\n", "", "3:1: missing required key 'country'"),
        ("  date: 2026-03-14\n", "", "missing required key 'date'"),
    ],
)
def test_a_broken_header_no_longer_hides_the_answer_errors(
    run_ncr: RunNcr, tmp_path: Path, old: str, new: str, expected: str
) -> None:
    resp = response(tmp_path, mini(**{old: new, "L2: partial": "L2: maybe"}))
    result = run_ncr("validate", "--path", LIB, resp)
    assert result.exit_code == 2
    assert expected in result.stderr
    assert "'maybe' is not an option of L2" in result.stderr


def test_thousands_of_unknown_answer_ids_are_refused_quickly(
    run_ncr: RunNcr, tmp_path: Path
) -> None:
    # Issue 13: 95,000 unknown ids took 37 s ("did you mean" once per id). Now the answers cap
    # (300, one per question at most) refuses them at once.
    header = mini().split("answers:")[0] + "answers:\n"
    many = response(tmp_path, header + "".join(f"  X{n}: 'yes'\n" for n in range(95_000)))
    start = time.perf_counter()
    result = run_ncr("validate", "--path", LIB, many)
    assert time.perf_counter() - start < 5
    assert result.exit_code == 2
    assert "characters of text" in result.stderr  # the text cap acts first, on the parser's events
    some = response(tmp_path, header + "".join(f"  X{n}: 'yes'\n" for n in range(400)), "s.yaml")
    result = run_ncr("validate", "--path", LIB, some)
    assert result.exit_code == 2
    assert "s.yaml:11:3: must have at most 300 items" in result.stderr


# --- finite numbers, YAML spelling, one quoting rule --------------------------------------------


def test_json_output_is_never_nan_or_infinity(run_ncr: RunNcr) -> None:
    result = run_ncr("assess", MINI_A, "--path", LIB, "--format", "json")
    assert result.exit_code == 0

    def refuse(constant: str) -> None:
        raise AssertionError(f"{constant} in the JSON")

    json.loads(result.stdout, parse_constant=refuse)


@pytest.mark.parametrize("value", ["nan", "inf", "-1", "101"])
def test_fail_under_takes_a_score(run_ncr: RunNcr, value: str) -> None:
    result = run_ncr("assess", MINI_A, "--path", LIB, "--fail-under", value)
    assert result.exit_code == 2
    assert "--fail-under takes a score from 0 to 100" in result.stderr


def test_values_are_shown_as_yaml_spells_them(run_ncr: RunNcr, tmp_path: Path) -> None:
    resp = response(tmp_path, mini(**{"L4: 3": "L4: true", "T4: 12": 'T4: "12"'}))
    result = run_ncr("validate", "--path", LIB, resp)
    assert result.exit_code == 2
    assert "L4 takes a number of 0 or more, not true" in result.stderr
    assert "True" not in result.stderr
    assert "T4 takes a number of 0 or more, not '12' (remove the quotes" in result.stderr


# --- terminal and report text ------------------------------------------------------------------


def test_markup_in_user_text_is_shown_as_typed(run_ncr: RunNcr, tmp_path: Path) -> None:
    name = "Aurelia [/bold] [link=file:///etc]x[/link]"
    resp = response(tmp_path, mini(**{"name: Aurelia": f'name: "{name}"'}))
    shown = run_ncr("assess", resp, "--path", LIB)
    assert shown.exit_code == 0, shown.output
    assert name in shown.stdout
    for suffix in ("html", "md"):
        written = run_ncr("assess", resp, "--path", LIB, "-o", tmp_path / f"r.{suffix}")
        assert written.exit_code == 0, written.output
        assert name in written.stderr


def test_bidi_and_control_characters_in_file_names_are_shown_visibly(
    run_ncr: RunNcr, tmp_path: Path
) -> None:
    resp = response(tmp_path, mini(), name="rtl\u202eyaml.yaml")
    checked = run_ncr("validate", "--path", LIB, resp)
    assert checked.exit_code == 0
    assert "rtl⟨U+202E⟩yaml.yaml" in checked.stderr and "\u202e" not in checked.output
    report = tmp_path / "r.json"
    assert run_ncr("assess", resp, "--path", LIB, "-o", report).exit_code == 0
    assert "\u202e" not in report.read_text(encoding="utf-8")
    assert "⟨U+202E⟩" in report.read_text(encoding="utf-8")


def test_a_file_name_is_never_read_as_markup(run_ncr: RunNcr, tmp_path: Path) -> None:
    folder = tmp_path / "[bold]d"
    folder.mkdir()
    resp = response(
        folder, mini(**{"questionnaire: mini-q": "questionnaire: mini-q"}), "[red]x.yaml"
    )
    result = run_ncr("validate", "--path", LIB, resp)
    assert result.exit_code == 0
    assert "[bold]d/[red]x.yaml: response — valid" in result.stderr


# --- CLI ----------------------------------------------------------------------------------------


def test_version(run_ncr: RunNcr) -> None:
    from ncr import __version__

    result = run_ncr("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"ncr {__version__}"


def test_help_lists_choices_and_full_summaries(run_ncr: RunNcr) -> None:
    top = run_ncr("--help")
    assert "show the result or write reports." in " ".join(top.stdout.split())
    assess = run_ncr("assess", "--help")
    assert "text|json|pdf|html|md" in assess.stdout
    assert "<str>" not in assess.stdout and "<float>" not in assess.stdout


def test_schema_overview(run_ncr: RunNcr) -> None:
    result = run_ncr("schema", "overview")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["title"] == "ncr overview"


def test_schema_response_for_a_questionnaire_lists_its_ids_and_answers(run_ncr: RunNcr) -> None:
    result = run_ncr("schema", "response", "-q", "mini-q", "--path", LIB)
    assert result.exit_code == 0, result.output
    answers = json.loads(result.stdout)["properties"]["answers"]
    assert set(answers["properties"]) == {
        "L1",
        "L2",
        "L3",
        "L4",
        "T1",
        "T2",
        "T3",
        "T4",
        "T5",
        "T6",
    }
    assert answers["additionalProperties"] is False
    l2 = answers["properties"]["L2"]["anyOf"][0]["enum"]
    assert "partial" in l2 and "unknown" in l2


def test_a_benchmark_id_that_is_a_file_gets_a_hint(
    run_ncr: RunNcr, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(LIB / "frameworks" / "mini" / "benchmarks" / "ref.yaml", tmp_path / "peers.yaml")
    result = run_ncr("assess", MINI_A, "--path", LIB, "-b", "peers")
    assert result.exit_code == 2
    assert "to use the file, write -b ./peers.yaml" in result.stderr


def test_counts_use_the_right_plural(run_ncr: RunNcr, tmp_path: Path) -> None:
    resp = response(tmp_path, mini(**{"L2: partial": "L2: maybe"}))
    result = run_ncr("validate", "--path", LIB, resp)
    assert "invalid — 1 error\n" in result.stderr


# --- seeded fuzzing -----------------------------------------------------------------------------

# Small edits a hurried or hostile hand makes to a YAML line.
MUTATIONS = [
    lambda line, rng: line.replace(":", "", 1),
    lambda line, rng: line + rng.choice([" .inf", " 1e309", " &x", " *x", " [", " '", ' "\\e"']),
    lambda line, rng: "  " + line,
    lambda line, rng: line[: rng.randrange(len(line) + 1)],
    lambda line, rng: line.replace("yes", rng.choice(["Yes", "true", "12", "'12'", "~"])),
    lambda line, rng: re.sub(r"\d+", lambda m: rng.choice(["-1", "1e400", "0x10", "'5'"]), line),
    lambda line, rng: line + rng.choice(["\u202e", "[/bold]", "\x07", "\t"]),
    lambda line, rng: "",
]
SOURCES = {
    "response": MINI_A,
    "questionnaire": MINI_Q,
    "framework": LIB / "frameworks" / "mini" / "framework.yaml",
    "benchmark": LIB / "frameworks" / "mini" / "benchmarks" / "ref.yaml",
}


def mutate(text: str, rng: random.Random) -> str:
    lines = text.splitlines()
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(len(lines))
        lines[i] = rng.choice(MUTATIONS)(lines[i], rng)
    return "\n".join(lines) + "\n"


def check_outcome(result_exit: int, stderr: str, output: str) -> None:
    assert result_exit in (0, 1, 2, 130), output
    assert "Traceback" not in output and "internal error" not in output, output
    if result_exit == 2:
        lines = [line for line in stderr.splitlines() if line.strip()]
        assert any(LOCATED.match(line) or line.startswith("error:") for line in lines), stderr


def library(tmp_path: Path, kind: str, text: str) -> tuple[Path, Path]:
    """A copy of the mini library with one document replaced; returns (library, response)."""
    lib = tmp_path / "lib"
    shutil.copytree(LIB, lib)
    resp = shutil.copy(MINI_A, tmp_path / "r.yaml")
    target = {"response": Path(resp)}.get(kind) or lib / SOURCES[kind].relative_to(LIB)
    target.write_text(text, encoding="utf-8")
    return lib, Path(resp)


@pytest.mark.parametrize("kind", sorted(SOURCES))
@pytest.mark.parametrize("seed", range(15))
def test_fuzzed_documents_never_crash_ncr(
    run_ncr: RunNcr, tmp_path: Path, kind: str, seed: int
) -> None:
    rng = random.Random(f"{kind}-{seed}")
    text = mutate(SOURCES[kind].read_text(encoding="utf-8"), rng)
    lib, resp = library(tmp_path, kind, text)
    runs = [
        ("validate", resp),
        ("assess", resp, "--format", "json"),
        ("assess", resp, "-o", tmp_path / "r.html"),
        ("assess", resp, "-o", tmp_path / "r.md"),
        ("diff", MINI_A, resp, "--any-order"),
    ]
    if kind == "benchmark":
        runs.append(("validate", lib / SOURCES[kind].relative_to(LIB)))
    for args in runs:
        result = run_ncr(*args, "--path", lib)
        check_outcome(result.exit_code, result.stderr, result.output)


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["response", "questionnaire"])
def test_fuzzed_documents_never_crash_a_pdf_report(
    run_ncr: RunNcr, tmp_path: Path, kind: str
) -> None:
    rng = random.Random(f"pdf-{kind}")
    lib, resp = library(tmp_path, kind, mutate(SOURCES[kind].read_text(encoding="utf-8"), rng))
    result = run_ncr("assess", resp, "--path", lib, "-o", tmp_path / "r.pdf")
    check_outcome(result.exit_code, result.stderr, result.output)


def test_tied_strengths_come_in_one_order_in_the_terminal_and_the_reports(
    run_ncr: RunNcr, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # xa-2026 has three strengths tied at +40.0: largest gap first, then by indicator id, everywhere
    monkeypatch.delenv("COLUMNS", raising=False)
    example = REPO / "examples" / "xa-2026.yaml"
    shown = run_ncr("assess", example).stdout
    table = shown.split("Top strengths", 1)[1].split("Top weaknesses", 1)[0]
    terminal = re.findall(r"^\| (\S+\.\S+) ", table, re.MULTILINE)
    assert terminal[:3] == sorted(terminal[:3])  # the first three tie, so the id decides
    # The report's executive summary (DESIGN §9) lists actions, not strengths; its pillar tables
    # keep the framework's order, so there is no tie to break there.
    run_ncr("assess", example, "-o", tmp_path / "x.json")
    result = json.loads((tmp_path / "x.json").read_text(encoding="utf-8"))
    titles = {i["id"]: i["title"] for p in result["pillars"] for i in p["indicators"]}
    assert all(ident in titles for ident in terminal)


def test_piped_output_does_not_wrap_at_80_columns(
    run_ncr: RunNcr, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    wide = run_ncr("assess", REPO / "examples" / "xa-2026.yaml").stdout
    assert max(len(line) for line in wide.splitlines()) > 80
    # one row, one line
    assert "| cooperation.operations Joint investigations and international operations " in wide
    monkeypatch.setenv("COLUMNS", "60")
    narrow = run_ncr("assess", REPO / "examples" / "xa-2026.yaml").stdout
    assert max(len(line) for line in narrow.splitlines()) <= 60


@pytest.mark.parametrize("kind", ["framework", "questionnaire"])
@pytest.mark.parametrize("seed", range(15))
def test_fuzzed_translations_never_crash_ncr(
    run_ncr: RunNcr, tmp_path: Path, kind: str, seed: int
) -> None:
    from ncr.pipeline import assess_review, open_review
    from translating import TINY_FW_FR, TINY_Q_FR, TR, library_copy, loader

    rng = random.Random(f"translation-{kind}-{seed}")
    lib = library_copy(tmp_path)
    source = {"framework": TINY_FW_FR, "questionnaire": TINY_Q_FR}[kind]
    target = lib / source.relative_to(TR)
    target.write_text(mutate(source.read_text(encoding="utf-8"), rng), encoding="utf-8")
    english = target.with_name(target.name.replace(".fr.", "."))
    for args in [("validate", target), ("validate", english), ("translation", "stamp", target)]:
        result = run_ncr(*args, "--path", lib)
        check_outcome(result.exit_code, result.stderr, result.output)
    after = run_ncr("validate", target, "--path", lib)  # a stamped file still reads
    check_outcome(after.exit_code, after.stderr, after.output)
    # in French (the --lang flag is the interface's; the loader takes the language)
    try:
        assess_review(open_review(loader("fr", lib), lib / "tiny-response.yaml"))
    except InputError as err:
        assert all(p.line > 0 and p.file for p in err.problems), err.problems


# --- seeded fuzzing of workbooks ----------------------------------------------------------------

# Odd values a focal point's spreadsheet (or a hostile hand) puts into a cell.
ODD_VALUES = [
    "=1+1",
    '=HYPERLINK("file:///etc/passwd","x")',
    "x" * 40_000,
    12,
    -1.5,
    1e308,
    True,
    None,
    "",
    " ",
    "\u202eYes",
    "[/bold]",
    "Yes; No; Yes",
    "2026-03-14",
]


def _mutate_cells(book: Any, rng: random.Random) -> None:
    import datetime as dt

    for _ in range(rng.randint(1, 4)):
        sheet = rng.choice(book.worksheets)
        row = rng.randint(1, max(sheet.max_row, 1) + 1)
        column = rng.randint(1, max(sheet.max_column, 1) + 1)
        if rng.random() < 0.5:  # most often where a value is read: an answer, a Review value
            column = 2 if sheet.title == "Review" else rng.choice([1, 3, 4, 5])
            row = rng.randint(2, max(sheet.max_row, 2))
        value = rng.choice([*ODD_VALUES, dt.datetime(2026, 3, 14, 9, 30), dt.date(1900, 1, 1)])
        sheet.cell(row=row, column=column).value = value


def _mutate_structure(book: Any, rng: random.Random) -> None:
    sheet = rng.choice(book.worksheets)
    match rng.randrange(4):
        case 0 if len(book.worksheets) > 1:
            book.remove(sheet)
        case 1:
            sheet.title = rng.choice(["Renamed", "Review ", "law", "Lists2"])
        case 2:  # a header renamed, or the header row emptied
            for cell in sheet[1][: rng.randint(1, 3)]:
                cell.value = rng.choice(["Answer ", "Réponse", None, "ID"])
        case _:
            sheet.delete_rows(rng.randint(1, max(sheet.max_row, 1)), rng.randint(1, 3))


def _mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    cut = rng.randrange(len(data))
    match rng.randrange(4):
        case 0:  # truncated, as an e-mail attachment cut short
            return data[:cut]
        case 1:  # bytes overwritten in the middle: a damaged zip member
            return data[:cut] + bytes(rng.randrange(256) for _ in range(64)) + data[cut + 64 :]
        case 2:
            return b""
        case _:
            return b"PK\x03\x04" + data[4:cut]


def fuzzed_workbook(source: Path, target: Path, rng: random.Random) -> Path:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import IllegalCharacterError

    kind = rng.choice(["cells", "cells", "structure", "bytes"])
    if kind == "bytes":
        target.write_bytes(_mutate_bytes(source.read_bytes(), rng))
        return target
    book = load_workbook(source)
    # openpyxl refuses to write some values: no file could hold them
    with contextlib.suppress(IllegalCharacterError):
        (_mutate_cells if kind == "cells" else _mutate_structure)(book, rng)
    book.save(target)
    return target


def workbook_located(file: Path, line: str) -> bool:
    """`FILE.xlsx:SHEET!CELL: message`, `FILE.xlsx:SHEET: message` or `FILE.xlsx: message`."""
    sheet = r"(?:[A-Za-z_][A-Za-z0-9_.]*|'(?:[^']|'')*')"
    return re.match(rf"^{re.escape(str(file))}(?::{sheet}(?:![A-Z]*\d+)?)?: \S", line) is not None


@pytest.mark.parametrize("seed", range(40))
def test_fuzzed_workbooks_never_crash_ncr(run_ncr: RunNcr, tmp_path: Path, seed: int) -> None:
    rng = random.Random(f"workbook-{seed}")
    source = tmp_path / "exported.xlsx"
    result = run_ncr("export", MINI_A, "--path", LIB, "-o", source)
    assert result.exit_code == 0, result.output
    book = fuzzed_workbook(source, tmp_path / "xa.xlsx", rng)
    for args in [("validate", book), ("assess", book, "--format", "json")]:
        result = run_ncr(*args, "--path", LIB)
        assert result.exit_code in (0, 1, 2), result.output
        assert "Traceback" not in result.output and "internal error" not in result.output
        if result.exit_code == 2:
            lines = [line for line in result.stderr.splitlines() if line.strip()]
            problems = [line for line in lines if not re.match(r"\d+ errors? ", line)]
            assert problems, result.stderr
            assert all(workbook_located(book, line) for line in problems), result.stderr
