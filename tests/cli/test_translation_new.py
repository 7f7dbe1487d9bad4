"""`ncr translation new`: a translation file beside the document, never over one that exists."""

from __future__ import annotations

from pathlib import Path

from conftest import RunNcr
from translating import library_copy


def test_new_writes_beside_the_document_and_validate_counts_it_missing(
    run_ncr: RunNcr, tmp_path: Path
) -> None:
    lib = library_copy(tmp_path)
    english = lib / "questionnaires" / "local-2026.yaml"
    result = run_ncr("translation", "new", english, "--lang", "es", "--path", lib)
    assert result.exit_code == 0, result.output
    made = lib / "questionnaires" / "local-2026.es.yaml"
    assert result.stderr.strip() == (
        f"wrote {made}: 4 entries to translate, each with its English as a comment; "
        f"check it with: ncr validate {made}"
    )
    checked = run_ncr("validate", made, "--path", lib)
    assert checked.exit_code == 0
    assert "  translates questionnaire local-2026: es 0/4 (4 missing)" in checked.stderr
    again = run_ncr("translation", "new", english, "--lang", "es", "--path", lib)
    assert again.exit_code == 2 and "already exists; use --force" in again.stderr


def test_new_refuses_a_language_ncr_does_not_translate_into(
    run_ncr: RunNcr, tmp_path: Path
) -> None:
    lib = library_copy(tmp_path)
    result = run_ncr(
        "translation", "new", lib / "questionnaires" / "local-2026.yaml", "--lang", "de"
    )
    assert result.exit_code == 2
    assert "--lang takes one of fr, es, ar, not 'de'" in result.stderr
