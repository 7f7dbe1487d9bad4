"""`ncr validate`: a missing file or broken YAML is one located line and exit 2, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES, RESPONSES, RunNcr


def test_a_missing_file_is_an_input_error_not_a_traceback(run_ncr: RunNcr) -> None:
    result = run_ncr("validate", RESPONSES / "no-such-file.yaml")
    assert result.exit_code == 2
    assert "cannot read the file" in result.stderr
    assert "Traceback" not in result.output


BAD_YAML = {
    "alias.yaml": "1:11: anchors and aliases (&/*) are not allowed in ncr files",
    "bad-date.yaml": "2:7: '2026-02-30' is not a valid date",
    "bad-utf8.yaml": "4:14: the file is not valid UTF-8 (byte 0xff): save it as UTF-8",
    "billion-laughs.yaml": "2:7: anchors and aliases (&/*) are not allowed in ncr files",
    "duplicate-keys.yaml": "8:3: duplicate key 'L1.1' (first defined at line 3)",
    "empty.yaml": "1:1: the file is empty",
    "local-tag.yaml": "2:10: tag '!country' is not allowed: ncr files hold plain data only",
    "merge-key.yaml": "4:5: merge keys (<<) are not allowed in ncr files: write the keys out in full",
    "python-tag.yaml": "2:7: tag '!!python/object/apply:os.system' is not allowed",
    "tabs.yaml": "4:1: tab character in indentation: use spaces",
    "top-level-list.yaml": "1:1: expected a mapping at the top level, found a list",
    "two-documents.yaml": "2:1: a second YAML document starts here: use one per file",
    "unclosed-quote.yaml": "1:8: this quoted text is never closed",
}


@pytest.mark.parametrize("name", sorted(BAD_YAML))
def test_bad_yaml_is_one_located_line_and_exit_2(run_ncr: RunNcr, name: str) -> None:
    file = FIXTURES / "yaml" / name
    result = run_ncr("validate", file)
    assert result.exit_code == 2
    assert f"{file}:{BAD_YAML[name]}" in result.stderr
    assert result.stderr.startswith(f"{file}:")
    assert "Traceback" not in result.output


def test_a_translation_is_validated_against_its_english_each_problem_located(
    run_ncr: RunNcr,
) -> None:
    from translating import TINY_Q_FR, TR

    result = run_ncr("validate", TINY_Q_FR, "--path", TR)
    assert result.exit_code == 2  # an unknown id
    lines = result.stderr.splitlines()
    assert (
        f"{TINY_Q_FR}:11:1: warning: question Q3 is not translated: it is shown in English" in lines
    )
    assert any(
        line.startswith(f"{TINY_Q_FR}:16:19: warning: question Q2 is stale") for line in lines
    )
    assert (
        f"{TINY_Q_FR}:24:3: no question 'Q9' in questionnaire tiny-2026: correct the id or "
        "remove the entry"
    ) in lines
    assert f"{TINY_Q_FR}: translation — 1 error, 3 warnings" in lines
    assert "  translates questionnaire tiny-2026: fr 4/6 (1 stale, 1 missing)" in lines


def test_an_english_document_says_which_translations_it_has(run_ncr: RunNcr) -> None:
    from translating import TINY_FW, TINY_Q, TR

    result = run_ncr("validate", TINY_FW, TINY_Q, "--path", TR)
    assert result.exit_code == 0
    assert "  translations: fr 7/7" in result.stderr.splitlines()
    assert "  translations: fr 4/6 (1 stale, 1 missing), 1 error" in result.stderr.splitlines()


def test_strict_fails_a_translation_that_falls_back_to_english(
    run_ncr: RunNcr, tmp_path: Path
) -> None:
    from translating import library_copy

    lib = library_copy(tmp_path)
    fr = lib / "questionnaires" / "tiny-2026.fr.yaml"
    fr.write_text(
        fr.read_text(encoding="utf-8").replace(
            "  Q9:\n    text: Une question qui n'existe plus.\n", ""
        )
    )
    assert run_ncr("validate", fr, "--path", lib).exit_code == 0
    assert run_ncr("validate", fr, "--path", lib, "--strict").exit_code == 1


def test_a_translation_without_its_english_beside_it_is_located(
    run_ncr: RunNcr, tmp_path: Path
) -> None:
    lone = tmp_path / "lost.fr.yaml"
    lone.write_text("translation: {of: lost, language: fr}\n", encoding="utf-8")
    misnamed = tmp_path / "lost-fr.yaml"
    misnamed.write_text("translation: {of: lost, language: fr}\n", encoding="utf-8")
    result = run_ncr("validate", lone, misnamed)
    assert result.exit_code == 2
    assert f"{lone}:1:1: no English document lost.yaml beside this translation" in result.stderr
    assert (
        f"{misnamed}:1:1: a translation is named after the document it translates" in result.stderr
    )


def test_json_output_carries_the_translation_summary(run_ncr: RunNcr) -> None:
    import json

    from translating import TINY_FW, TR

    result = run_ncr("validate", "--format", "json", TINY_FW, "--path", TR)
    assert json.loads(result.stdout)[0]["notes"] == ["translations: fr 7/7"]
