"""`ncr export`, and the other commands that take a workbook for a response."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import EXAMPLES, LIB, NEGATIVE, RESPONSES, RunNcr
from workbook_helpers import export, fill


def test_export_says_what_it_wrote_and_how_to_read_it_back(run_ncr: RunNcr, tmp_path: Path) -> None:
    target = tmp_path / "xa.xlsx"
    result = run_ncr("export", RESPONSES / "mini-a.yaml", "-o", target, "--path", LIB)
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == (
        f"wrote {target}: 10 questions of mini-q on 2 sheets, 10 answered; "
        f"read it back with: ncr import {target} -o RESPONSE.yaml"
    )
    assert target.read_bytes()[:2] == b"PK"


def test_export_refuses_what_it_cannot_do_before_writing(run_ncr: RunNcr, tmp_path: Path) -> None:
    source = RESPONSES / "mini-a.yaml"
    wrong = run_ncr("export", source, "-o", tmp_path / "xa.yaml", "--path", LIB)
    assert wrong.exit_code == 2 and "ending in .xlsx" in wrong.stderr
    existing = tmp_path / "xa.xlsx"
    existing.write_bytes(b"mine")
    kept = run_ncr("export", source, "-o", existing, "--path", LIB)
    assert kept.exit_code == 2 and "already exists; use --force" in kept.stderr
    assert existing.read_bytes() == b"mine"
    bad = run_ncr(
        "export", RESPONSES / "mini-bad-answers.yaml", "-o", tmp_path / "b.xlsx", "--path", LIB
    )
    assert bad.exit_code == 2 and "nothing was written" in bad.stderr
    assert not (tmp_path / "b.xlsx").exists()


def test_validate_and_assess_take_a_workbook_directly(run_ncr: RunNcr, tmp_path: Path) -> None:
    book = export(run_ncr, EXAMPLES / "xa-2026.yaml", tmp_path / "xa.xlsx")
    valid = run_ncr("validate", book)
    assert valid.exit_code == 0 and f"{book}: response — valid" in valid.stderr
    from_yaml = json.loads(run_ncr("assess", EXAMPLES / "xa-2026.yaml", "--format", "json").stdout)
    from_book = json.loads(run_ncr("assess", book, "--format", "json").stdout)
    assert from_book["overall"] == from_yaml["overall"]
    assert from_book["pillars"] == from_yaml["pillars"]


def test_validate_locates_bad_cells_in_text_and_json(run_ncr: RunNcr, tmp_path: Path) -> None:
    book = export(run_ncr, RESPONSES / "mini-a.yaml", tmp_path / "xa.xlsx", "--path", LIB)
    fill(book, {"Law!C3": "Often", "Tech!C5": "a dozen"})
    text = run_ncr("validate", book, "--path", LIB)
    assert text.exit_code == 2
    assert f"{book}:Law!C3: 'Often' is not an answer to L2" in text.stderr
    data = json.loads(run_ncr("validate", book, "--path", LIB, "--format", "json").stdout)
    (checked,) = data
    assert (checked["kind"], checked["valid"]) == ("invalid", False)
    places = [(p["sheet"], p["cell"], p["line"], p["column"]) for p in checked["problems"]]
    assert places == [("Law", "C3", 3, 3), ("Tech", "C5", 5, 3)]


def test_a_warning_about_a_workbook_names_its_cell(run_ncr: RunNcr, tmp_path: Path) -> None:
    book = export(run_ncr, RESPONSES / "mini-a.yaml", tmp_path / "xa.xlsx", "--path", LIB)
    fill(book, {"Tech!C2": "No", "Law!D2": None})  # T2 then does not apply; L1 needs evidence
    result = run_ncr("validate", book, "--path", LIB)
    assert result.exit_code == 0, result.output
    assert f"{book}:Law!D2: warning: L1 requires evidence" in result.stderr
    assert f"{book}:Tech!C3: warning: T2 does not apply" in result.stderr
    report = json.loads(run_ncr("assess", book, "--path", LIB, "--format", "json").stdout)
    assert {(w["sheet"], w["line"], w["column"]) for w in report["warnings"]} == {
        ("Law", 2, 4),
        ("Tech", 3, 3),
    }


def test_a_yaml_problem_still_reads_file_line_column(run_ncr: RunNcr) -> None:
    result = run_ncr("validate", "--format", "json", *sorted(NEGATIVE.glob("*.yaml"))[:1])
    problem = json.loads(result.stdout)[0]["problems"][0]
    assert problem["sheet"] is None and problem["cell"] is None and problem["line"] > 0


def test_a_french_workbook_round_trips_with_french_and_english_labels(
    run_ncr: RunNcr, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    from ncr.cli import export_workbook
    from translating import library_copy

    lib = library_copy(tmp_path)
    fr = lib / "questionnaires" / "tiny-2026.fr.yaml"  # Q2 current: its hash line removed
    fr.write_text(fr.read_text(encoding="utf-8").replace("    english_hash: 0badc0de\n", ""))
    target = tmp_path / "xa.xlsx"
    opts = export_workbook.ExportOptions(lib / "tiny-response.yaml", target, paths=[lib], lang="fr")
    assert export_workbook.run(opts) == 0
    book = load_workbook(target)
    law, lists = book["Droit"], book["Lists"]  # the sheet named by its French title
    assert law["B2"].value == "L'accès illégal est-il une infraction ?"
    assert law["G2"].value == "Convention de Budapest, art. 2."
    assert law["C3"].value == "Partiellement"  # the answer as its French label
    assert law["B4"].value == "Which powers exist?"  # Q3 has no translation: English
    assert [c.value for c in lists["A"]] >= ["Entièrement", "Partiellement", "Pas du tout"]
    review = {row[0].value: row[1].value for row in book["Examen"].iter_rows(min_row=2)}
    assert review["Langue"] == "fr"
    fill(target, {"Droit!C3": "PAS DU TOUT", "Droit!C4": "production order; Preservation"})
    back = tmp_path / "back.yaml"
    result = run_ncr("import", target, "-o", back, "--path", lib)
    assert result.exit_code == 0, result.output
    from ncr.loader.yaml_reader import read_yaml

    answers = read_yaml(back).data["answers"]
    assert answers["Q2"] == "none"
    assert answers["Q3"] == ["production", "preservation"]
    assert answers["Q1"] == "yes"


def test_a_workbook_in_an_unknown_language_is_located(run_ncr: RunNcr, tmp_path: Path) -> None:
    book = export(run_ncr, RESPONSES / "mini-a.yaml", tmp_path / "xa.xlsx", "--path", LIB)
    fill(book, {"Review!B10": "klingon"})
    result = run_ncr("validate", book, "--path", LIB)
    assert result.exit_code == 2
    assert (
        f"{book}:Review!B10: 'klingon' is not a language of ncr: write one of en, fr, es, ar"
        in result.stderr
    )


def test_a_french_workbook_has_french_instructions_and_reads_back(
    run_ncr: RunNcr, tmp_path: Path
) -> None:
    """The workbook is French throughout: its instructions, the Review sheet ("Examen") and its
    field names, the column headers and Oui/Non; `ncr import` reads it back to the same score."""
    from openpyxl import load_workbook

    book = export(
        run_ncr, RESPONSES / "mini-a.yaml", tmp_path / "xa.xlsx", "--path", LIB, "--lang", "fr"
    )
    opened = load_workbook(book)
    text = "\n".join(str(c.value) for c in opened["Instructions"]["A"] if c.value)
    assert text.startswith("Examen national de cybersécurité — Aurelia 2026")
    assert "Comment remplir ce classeur" in text and "Ce qui vaut justificatif" in text
    assert opened.sheetnames[:2] == ["Instructions", "Examen"]
    review = [[c.value for c in row] for row in opened["Examen"].iter_rows(max_row=2)]
    assert review[0] == ["Champ", "Valeur", "Explication"]
    assert review[1][0] == "Code du pays" and review[1][2] == "Code à deux lettres (ISO 3166-1)"
    header = [c.value for c in opened["Law"][1]]
    assert header[:5] == ["Réf.", "Question", "Réponse", "Justificatifs", "Note"]
    assert header[5:] == ["Comment répondre", "Aide"]
    assert "Oui" in [c.value for c in opened["Lists"]["A"]]
    status = opened["Examen"]["B7"]
    assert (opened["Examen"]["A7"].value, status.value) == ("Statut", "définitif")
    fill(book, {"Examen!B7": "Projet"})  # as the dropdown offers it, any capitals
    how = [str(c.value) for c in opened["Law"]["F"] if c.value]
    assert any(value.startswith("Oui ou non") for value in how)
    how_tech = [str(c.value) for c in opened["Technical"]["F"] if c.value]
    assert any('Ne répondre que si T1 vaut "Oui"' in value for value in how_tech)
    back = run_ncr("import", book, "-o", tmp_path / "back.yaml", "--path", LIB)
    assert back.exit_code == 0, back.output
    from ncr.loader.yaml_reader import read_yaml

    assert read_yaml(tmp_path / "back.yaml").data["review"]["status"] == "draft"
    again = run_ncr("assess", tmp_path / "back.yaml", "--path", LIB, "--format", "json")
    first = run_ncr("assess", RESPONSES / "mini-a.yaml", "--path", LIB, "--format", "json")
    assert json.loads(again.stdout)["overall"] == json.loads(first.stdout)["overall"]


def test_each_language_has_its_instructions_file() -> None:
    from ncr.documents.languages import LANGUAGES
    from ncr.shipped import template_dir

    texts = {
        lang: (template_dir() / "workbook" / f"instructions.{lang}.txt").read_text()
        for lang in LANGUAGES
    }
    for text in texts.values():  # the same placeholders, filled in by the writer
        assert all(key in text for key in ("$country", "$year", "$questionnaire", "$sheets"))
    assert texts["es"].startswith("# Cómo rellenar este libro")
    # the instructions name the sheet, columns and answers as the workbook writes them
    for lang in ("fr", "es", "ar"):
        assert not any(
            english in texts[lang]
            for english in ("Review", "Answer", "Evidence", "How to answer", "Yes", "unknown")
        )
    assert "« Comment répondre »" in texts["fr"] and "choisissez Oui ou Non" in texts["fr"]
    assert texts["ar"].startswith("# كيفية ملء هذا المصنف")


def test_export_says_what_it_wrote_in_arabic(run_ncr: RunNcr, tmp_path: Path) -> None:
    # xb-2026 asks the 206 questions of ncr-core-2026 on 5 sheets and answers 204 of them
    target = tmp_path / "xb.xlsx"
    result = run_ncr("export", EXAMPLES / "xb-2026.yaml", "-o", target, "--lang", "ar")
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == (
        f"حُفظ {target}: الاستبيان ncr-core-2026، عدد الأسئلة 206، عدد الأوراق 5، "
        f"المُجاب عنها 204؛ لقراءته مجددًا: ncr import {target} -o RESPONSE.yaml"
    )
