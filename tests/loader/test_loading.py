"""Loading documents: every problem in a file reported in one run, each file read once."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from assessing import MINI_A, MINI_Q
from conftest import LIB, RunNcr
from ncr.documents import Response
from ncr.loader.loading import Loader, read_document
from ncr.loader.search_path import Catalog
from ncr.problems import InputError, UsageError

FRAMEWORK = LIB / "frameworks" / "mini" / "framework.yaml"
HEAD = """country: {code: XA, name: Aurelia}
year: 2026
questionnaire: mini-q
review: {date: 2026-03-14}
"""


@pytest.fixture
def loader() -> Loader:
    return Loader(Catalog.create([LIB], env={}))


def messages(err: pytest.ExceptionInfo[InputError]) -> list[str]:
    return [str(p) for p in err.value.problems]


def write(folder: Path, text: str) -> Path:
    path = folder / "xa.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_misspelt_key_and_a_bad_answer_are_reported_together(
    loader: Loader, tmp_path: Path
) -> None:
    # The unknown key is a model error, the bad option a cross-check against mini-q: the response
    # is salvaged without the key so that the answers are still checked.
    path = write(tmp_path, HEAD + "answers:\n  L1: {answer: 'yes', notes: see annex}\n  L2: half\n")
    response = loader.response(path)
    questionnaire, framework = loader.questionnaire_for(response)
    with pytest.raises(InputError) as err:
        loader.check_answers(response, questionnaire, framework)
    assert messages(err) == [
        f"{path}:6:23: unknown key 'notes': did you mean 'note'?",
        f"{path}:7:7: 'half' is not an option of L2; choose one of: full, partial, none",
    ]


def test_a_valid_response_keeps_where_it_came_from(loader: Loader) -> None:
    loaded = read_document(MINI_A, Response)
    assert loaded.model.country.name == "Aurelia"
    assert loaded.sha256 == hashlib.sha256(MINI_A.read_bytes()).hexdigest()
    assert loaded.name == str(MINI_A) and loaded.problems == ()


def test_a_file_that_cannot_be_read_is_one_problem(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        read_document(tmp_path / "nope.yaml", Response)
    assert messages(err) == [
        f"{tmp_path / 'nope.yaml'}:0:0: cannot read the file: No such file or directory"
    ]


def test_each_file_is_loaded_once_however_it_is_named(loader: Loader) -> None:
    first, fw = loader.questionnaire(MINI_Q)
    again, _ = loader.questionnaire(MINI_Q.parent / ".." / "questionnaires" / MINI_Q.name)
    assert again is first
    assert loader.framework(FRAMEWORK) is fw  # the questionnaire's framework, found by id


def questionnaire_problems(loader: Loader, folder: Path, ref: str) -> tuple[Path, list[str]]:
    """The problems of a response naming questionnaire `ref` (on line 3, value at column 16)."""
    path = write(folder, HEAD.replace("mini-q", ref))
    with pytest.raises(InputError) as err:
        loader.questionnaire_for(loader.response(path))
    return path, messages(err)


def test_an_unknown_questionnaire_id_is_located_with_a_suggestion(
    loader: Loader, tmp_path: Path
) -> None:
    path, found = questionnaire_problems(loader, tmp_path, "mini-qq")
    assert found == [
        f"{path}:3:16: no questionnaire 'mini-qq' on the search path (did you mean 'mini-q'?)"
        + " (add a folder with --path DIR)"
    ]


def test_a_questionnaire_named_by_a_missing_file_says_where_it_looked(
    loader: Loader, tmp_path: Path
) -> None:
    path, found = questionnaire_problems(loader, tmp_path, "q/mini-q.yaml")
    looked = tmp_path / "q" / "mini-q.yaml"
    assert found == [
        f"{path}:3:16: questionnaire file 'q/mini-q.yaml' not found (looked for {looked})"
    ]


def test_the_benchmark_is_the_framework_default_or_the_one_asked_for(loader: Loader) -> None:
    fw = loader.framework(FRAMEWORK)
    default = loader.benchmark_for(None, fw)
    assert default is not None and default.model.id == "ref"
    asked = loader.benchmark_for("edges", fw)
    assert asked is not None and asked.model.id == "edges"
    with pytest.raises(UsageError) as err:
        loader.benchmark_for("peers", fw)
    assert (
        str(err.value)
        == "no benchmark 'peers' for framework mini (known: edges, pillars-only, ref)"
    )


# --- framework releases: frameworks/<id>/<version>/ beside the current one -----------------------

RELEASE_FW = """id: demo
version: {version}
title: Demo {version}
levels: [{{level: 1, name: Low, min: 0}}, {{level: 2, name: High, min: 50}}]
default_benchmark: target
pillars:
  - id: p
    title: P
    indicators:
      - {{id: p.a, title: A}}
{extra}
"""
RELEASE_BM = """id: target
framework: demo
title: Target of {version}
overall: 50
indicators: {{{indicators}}}
"""
RELEASE_QN = """id: {ident}
framework: demo
framework_version: "{spec}"
title: Q
sections:
  - id: s
    title: S
    questions:
      - {{id: A1, indicator: p.a, text: A?, type: yes_no}}
"""


def _release_library(root: Path) -> Path:
    """demo 2.0.0 current (with an indicator p.b), demo 1.0.0 kept in frameworks/demo/1.0.0/."""
    current = root / "frameworks" / "demo"
    kept = current / "1.0.0"
    for folder, version, extra, indicators in [
        (current, "2.0.0", "      - {id: p.b, title: B}", "p.a: 60, p.b: 70"),
        (kept, "1.0.0", "", "p.a: 40"),
    ]:
        (folder / "benchmarks").mkdir(parents=True)
        (folder / "framework.yaml").write_text(
            RELEASE_FW.format(version=version, extra=extra), encoding="utf-8"
        )
        (folder / "benchmarks" / "target.yaml").write_text(
            RELEASE_BM.format(version=version, indicators=indicators), encoding="utf-8"
        )
    (root / "questionnaires").mkdir()
    for ident, spec in [("q-old", ">=1.0,<2.0"), ("q-new", ">=2.0"), ("q-any", ">=1.0")]:
        (root / "questionnaires" / f"{ident}.yaml").write_text(
            RELEASE_QN.format(ident=ident, spec=spec), encoding="utf-8"
        )
    return root


def test_a_questionnaire_gets_the_newest_release_its_specifier_admits(tmp_path: Path) -> None:
    root = _release_library(tmp_path)
    loader = Loader(Catalog.create([root], env={}))
    versions = {
        ident: loader.questionnaire(root / "questionnaires" / f"{ident}.yaml")[1].model.version
        for ident in ("q-old", "q-new", "q-any")
    }
    assert versions == {"q-old": "1.0.0", "q-new": "2.0.0", "q-any": "2.0.0"}


def test_a_kept_release_is_benchmarked_with_the_benchmarks_kept_beside_it(tmp_path: Path) -> None:
    root = _release_library(tmp_path)
    loader = Loader(Catalog.create([root], env={}))
    _, old = loader.questionnaire(root / "questionnaires" / "q-old.yaml")
    _, new = loader.questionnaire(root / "questionnaires" / "q-new.yaml")
    old_bm, new_bm = loader.benchmark_for(None, old), loader.benchmark_for(None, new)
    assert old_bm is not None and old_bm.model.title == "Target of 1.0.0"
    assert new_bm is not None and new_bm.model.title == "Target of 2.0.0"
    # checked against its own release: p.b does not exist in 1.0.0 and is not asked for there
    assert loader.benchmark(old_bm.path)[1].model.version == "1.0.0"


def test_no_release_admitted_is_reported_against_the_current_one(tmp_path: Path) -> None:
    root = _release_library(tmp_path)
    path = root / "questionnaires" / "q-none.yaml"
    path.write_text(RELEASE_QN.format(ident="q-none", spec=">=3.0"), encoding="utf-8")
    with pytest.raises(InputError) as err:
        Loader(Catalog.create([root], env={})).questionnaire(path)
    assert any("version 2.0.0, which '>=3.0' does not admit" in m for m in messages(err))


def test_a_release_folder_must_be_named_by_its_version(tmp_path: Path) -> None:
    root = _release_library(tmp_path)
    wrong = root / "frameworks" / "demo" / "1.5.0"
    wrong.mkdir()
    (wrong / "framework.yaml").write_text(
        RELEASE_FW.format(version="1.4.0", extra=""), encoding="utf-8"
    )
    with pytest.raises(InputError) as err:
        Loader(Catalog.create([root], env={})).framework(wrong / "framework.yaml")
    assert any("must match its release folder name '1.5.0'" in m for m in messages(err))


# --- a broken list item is set aside, the rest still checked ------------------------------------


def errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ": invalid" not in line]


def _edited(source: Path, target: Path, *edits: tuple[str, str]) -> Path:
    text = source.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def test_a_broken_question_does_not_hide_the_cross_checks_of_the_others(
    run_ncr: RunNcr, tmp_path: Path
) -> None:
    # L2 has a bad `type`: it is set aside (reported once, at its value) and every other question
    # is still checked against the framework — L4 after it, in the same list, keeps its own line.
    # L4 depends on L2: no "no question 'L2'" for a question already reported.
    path = _edited(
        MINI_Q,
        tmp_path / "q.yaml",
        ("id: mini-q\n", "id: mini-broken\n"),
        ("a crime?\n        type: choice", "a crime?\n        type: choise"),
        ("- id: L4\n        indicator: law.procedure", "- id: L4\n        indicator: law.procedur"),
        ("- id: T1\n        indicator: tech.csirt", "- id: T1\n        indicator: tech.csrit"),
        ("allow_na: true\n", "allow_na: true\n        applies_if: {question: L2, is: full}\n"),
    )
    result = run_ncr("validate", "--path", LIB, path)
    assert result.exit_code == 2
    assert errors(result.stderr) == [
        (
            f"{path}:19:15: expected one of 'yes_no', 'choice', 'multi', 'number' or 'text', "
            "got 'choise'"
        ),
        f"{path}:34:20: no indicator 'law.procedur' in mini (did you mean 'law.procedure'?)",
        f"{path}:47:20: no indicator 'tech.csrit' in mini (did you mean 'tech.csirt'?)",
    ]


def test_a_broken_indicator_or_rule_does_not_hide_the_other_rules(
    run_ncr: RunNcr, tmp_path: Path
) -> None:
    # tech.stats lost its title and weak-forensics has a malformed `when`: both set aside; the cap
    # target of another rule is still checked, and the rule naming tech.stats is not blamed again.
    path = _edited(
        FRAMEWORK,
        tmp_path / "frameworks" / "mini" / "framework.yaml",
        ("- id: tech.stats\n        title: Statistics\n", "- id: tech.stats\n"),
        ("{indicator: tech.forensics, below: 50}", "{indicator: tech.forensics, under: 50}"),
        ("{target: law, max: 39.9}", "{target: lawx, max: 39.9}"),
        (
            "    flag: No procedural powers.\n",
            (
                "    flag: No procedural powers.\n"
                "  - id: no-stats\n    when: {indicator: tech.stats, below: 10}\n    flag: None.\n"
            ),
        ),
    )
    result = run_ncr("validate", path)
    assert result.exit_code == 2
    assert errors(result.stderr) == [
        f"{path}:37:9: missing required key 'title'",
        (
            f"{path}:43:19: cap target 'lawx' is not an indicator, a pillar or 'overall' "
            "(did you mean 'law'?)"
        ),
        f"{path}:49:11: missing required key 'below'",
        f"{path}:49:39: unknown key 'under'",
    ]


def test_a_bad_title_or_version_does_not_hide_the_checks_of_the_questions(
    run_ncr: RunNcr, tmp_path: Path
) -> None:
    # title and framework_version get stand-ins (nothing checks them against anything), so the
    # unknown indicator of T1 is still found.
    path = _edited(
        MINI_Q,
        tmp_path / "q.yaml",
        ("id: mini-q\n", "id: mini-titles\n"),
        ('framework_version: ">=1.0,<2.0"', "framework_version: 1"),
        ("title: Mini questionnaire", 'title: ""'),
        ("- id: T1\n        indicator: tech.csirt", "- id: T1\n        indicator: tech.csrit"),
    )
    result = run_ncr("validate", "--path", LIB, path)
    assert result.exit_code == 2
    assert errors(result.stderr) == [
        f"{path}:3:20: expected text, got 1 (put it in quotes to keep it as text)",
        f"{path}:4:8: must have at least 1 character",
        f"{path}:46:20: no indicator 'tech.csrit' in mini (did you mean 'tech.csirt'?)",
    ]


def test_bad_levels_do_not_hide_the_checks_of_the_rules(run_ncr: RunNcr, tmp_path: Path) -> None:
    path = _edited(
        FRAMEWORK,
        tmp_path / "frameworks" / "mini" / "framework.yaml",
        ("  - {level: 1, name: Start-up, min: 0}", "  - {level: 1, name: Start-up, min: -5}"),
        ("{target: law, max: 39.9}", "{target: lawx, max: 39.9}"),
    )
    result = run_ncr("validate", path)
    assert result.exit_code == 2
    assert errors(result.stderr) == [
        f"{path}:7:37: must be greater than or equal to 0, got -5",
        (
            f"{path}:44:19: cap target 'lawx' is not an indicator, a pillar or 'overall' "
            "(did you mean 'law'?)"
        ),
    ]
