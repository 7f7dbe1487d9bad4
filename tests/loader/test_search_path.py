"""The search path: --path, NCR_PATH, built-ins, and ids found twice."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import FIXTURES, LIB, RESPONSES, RunNcr
from ncr.loader.search_path import Catalog
from ncr.problems import InputError
from ncr.shipped import BUILTIN

DUPLICATE = FIXTURES / "duplicate"


def test_user_paths_come_before_builtins() -> None:
    catalog = Catalog.create([LIB], env={})
    assert [origin for _, origin in catalog.roots] == [str(LIB), BUILTIN]
    assert catalog.questionnaires()["mini-q"].path == LIB / "questionnaires" / "mini-q.yaml"


def test_ncr_path_is_split_on_the_os_separator() -> None:
    env = {"NCR_PATH": os.pathsep.join([str(LIB), str(DUPLICATE)])}
    roots = [root for root, _ in Catalog.create([], env=env).roots]
    assert roots[:2] == [LIB, DUPLICATE]


def test_the_same_root_twice_counts_once() -> None:
    catalog = Catalog.create([LIB, LIB], env={"NCR_PATH": str(LIB)})
    assert len(catalog.roots) == 2
    assert "mini-q" in catalog.questionnaires()


def test_an_id_found_twice_names_both_files_when_it_is_looked_up() -> None:
    found = Catalog.create([LIB, DUPLICATE], env={}).questionnaires()  # listing is fine
    with pytest.raises(InputError) as caught:
        found["mini-q"].checked()
    (problem,) = caught.value.problems
    assert problem.file == str(DUPLICATE / "questionnaires" / "mini-q.yaml")
    assert str(LIB / "questionnaires" / "mini-q.yaml") in problem.message


def test_the_cli_reports_a_duplicate_with_exit_2(run_ncr: RunNcr) -> None:
    result = run_ncr("validate", "--path", LIB, "--path", DUPLICATE, RESPONSES / "mini-a.yaml")
    assert result.exit_code == 2
    assert "questionnaire id 'mini-q' is defined in" in result.stderr


def test_a_duplicate_does_not_break_files_that_do_not_use_it(run_ncr: RunNcr) -> None:
    # mini-q is twice on the path, but a response to the built-in questionnaire never looks it up
    example = RESPONSES.parents[2] / "examples" / "xa-2026.yaml"
    result = run_ncr("validate", "--path", LIB, "--path", DUPLICATE, example)
    assert result.exit_code == 0, result.output
    listed = run_ncr("list", "--path", LIB, "--path", DUPLICATE)
    assert listed.exit_code == 0
    assert "mini-q" in listed.stdout
    assert "is defined in" in listed.stdout.replace("\n", " ")


def test_a_path_that_does_not_exist_is_an_error(run_ncr: RunNcr, tmp_path: Path) -> None:
    result = run_ncr("validate", "--path", tmp_path / "nope", RESPONSES / "mini-a.yaml")
    assert result.exit_code == 2
    assert "no such folder" in result.stderr


def test_ncr_path_from_the_environment_is_used(
    run_ncr: RunNcr, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NCR_PATH", str(LIB))
    result = run_ncr("validate", RESPONSES / "mini-a.yaml")
    assert result.exit_code == 0, result.output


def test_an_unknown_questionnaire_is_located_with_a_hint(run_ncr: RunNcr) -> None:
    file = RESPONSES / "mini-unknown-questionnaire.yaml"
    result = run_ncr("validate", "--path", LIB, file)
    assert result.exit_code == 2
    assert (
        f"{file}:3:16: no questionnaire 'mini-qq' on the search path (did you mean 'mini-q'?)"
        in result.stderr
    )


def test_builtin_documents_are_found_without_any_path() -> None:
    catalog = Catalog.create([], env={})
    assert "ncr-core" in catalog.frameworks()
    assert {"ncr-core-2023", "ncr-core-2026"} <= set(catalog.questionnaires())
    assert {"good-practice", "global-baseline"} <= set(catalog.benchmarks("ncr-core"))
    assert all(found.origin == BUILTIN for found in catalog.frameworks().values())
    assert isinstance(catalog.frameworks()["ncr-core"].path, Path)


def test_kept_framework_releases_are_found_with_their_benchmarks() -> None:
    catalog = Catalog.create([], env={})
    releases = catalog.releases("ncr-core")
    assert [(r.id, r.release) for r in releases] == [("ncr-core", "1.0.0")]
    assert releases[0].path.parent.name == "1.0.0"
    assert set(catalog.benchmarks("ncr-core", "1.0.0")) == {"good-practice", "global-baseline"}
    assert catalog.releases("cybercrime-legislation") == []


def test_translation_files_are_never_documents_of_their_own(tmp_path: Path) -> None:
    from translating import TR

    catalog = Catalog.create([TR], env={})
    found = catalog.questionnaires()
    assert "tiny-2026" in found
    assert "local-2026" in found
    assert not any(name.endswith(".fr") for name in found)  # tiny-2026.fr.yaml is a translation
    bench = tmp_path / "frameworks" / "x" / "benchmarks"
    bench.mkdir(parents=True)
    (bench / "ref.yaml").write_text("id: ref\n", encoding="utf-8")
    (bench / "ref.ar.yaml").write_text("translation: {of: ref, language: ar}\n", encoding="utf-8")
    assert list(Catalog.create([tmp_path], env={}).benchmarks("x")) == ["ref"]


@pytest.mark.parametrize(
    ("name", "language", "english"),
    [
        ("framework.fr.yaml", "fr", "framework.yaml"),
        ("ncr-core-2026.es.yaml", "es", "ncr-core-2026.yaml"),
        ("good-practice.ar.yml", "ar", "good-practice.yml"),
        ("ncr-core-2026.yaml", None, None),
        ("notes.de.yaml", None, None),  # not a language ncr translates into
        (".fr.yaml", None, None),
    ],
)
def test_a_translation_is_named_after_its_document_and_language(
    name: str, language: str | None, english: str | None
) -> None:
    from ncr.loader.search_path import english_path, translation_language, translation_path

    path = Path("q") / name
    assert translation_language(path) == language
    assert english_path(path) == (Path("q") / english if english else None)
    if english:
        assert translation_path(Path("q") / english, language or "") == path
