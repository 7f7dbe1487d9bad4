"""`ncr import`: a workbook read back gives the same answers, evidence, notes and scores; bad cells
are named one line each and nothing is written; LibreOffice's re-save reads the same."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assessing import scores_by_id
from conftest import EXAMPLES, LIB, RESPONSES, RunNcr
from ncr.loader.loading import Loader
from ncr.loader.search_path import Catalog
from ncr.pipeline import assess_review, open_review
from workbook_helpers import export, fill, resave_with_libreoffice, what_it_says

ALL_EXAMPLES = sorted(EXAMPLES.glob("*.yaml"))


def review(path: Path, *paths: Path):  # type: ignore[no-untyped-def]
    return open_review(Loader(Catalog.create(list(paths), env={})), path)


def scores(path: Path, *paths: Path) -> dict[str, float | None]:
    result = assess_review(review(path, *paths))
    return {key: item.score for key, item in scores_by_id(result).items()}


@pytest.mark.parametrize("example", ALL_EXAMPLES, ids=lambda p: p.stem)
def test_every_example_survives_export_then_import(
    run_ncr: RunNcr, tmp_path: Path, example: Path
) -> None:
    book = export(run_ncr, example, tmp_path / f"{example.stem}.xlsx")
    back = tmp_path / f"{example.stem}.yaml"
    result = run_ncr("import", book, "-o", back)
    assert result.exit_code == 0, result.output
    before, after = review(example).response.model, review(back).response.model
    assert what_it_says(after) == what_it_says(before)
    # the focal points' part round-trips; the review team's (findings, follow-up, the link to the
    # previous review) stays in the team's YAML, not in the country's workbook
    header = before.review.model_copy(update={"previous": None})
    assert (after.country, after.year, after.review) == (before.country, before.year, header)
    # the same scores from the YAML, from the workbook itself, and from the file imported from it
    assert scores(book) == scores(example) == scores(back)


def test_the_imported_file_reads_like_ncr_init_wrote_it(run_ncr: RunNcr, tmp_path: Path) -> None:
    book = export(run_ncr, EXAMPLES / "xb-2026.yaml", tmp_path / "xb.xlsx")
    back = tmp_path / "xb.yaml"
    assert run_ncr("import", book, "-o", back).exit_code == 0
    text = back.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=./ncr-ncr-core-2026.schema.json\n")
    assert "# Answers read from the workbook xb.xlsx by `ncr import`." in text
    # each answer sits under the question it answers, as in `ncr init`
    block = text[text.index("  # L1.1 ") : text.index("  L1.1:")]
    assert "Does the criminal law make it an offence to access" in block
    assert (tmp_path / "ncr-ncr-core-2026.schema.json").is_file()


# Answers as a focal point types them in the mini questionnaire's skeleton, and the same answers
# as a reviewer would write them in YAML.
TYPED = {
    "Law!C2": "YES",  # L1: a label, in capitals
    "Law!D2": "Computer Misuse Act 2019, s. 4\n\nPenal Code <https://example.org/pc>",
    "Law!C3": "partly",  # L2: the label "Partly", in lower case
    "Law!C4": "Preservation;  production order ; search",  # L3: labels and a value, spaced
    "Law!C5": 3,  # L4: a number
    "Law!E5": "Three of forty judges; more in 2027.",
    "Tech!C2": "Yes",  # T1
    "Tech!C3": "Office hours",  # T2
    "Tech!C4": "unknown",  # T3
    "Tech!C5": "12",  # T4: a number typed as text
    "Tech!C6": "An accredited lab in the capital.",  # T5
    "Tech!C7": "N/A",  # T6 allows n/a
}
BY_HAND = {
    "L1": {
        "answer": "yes",
        "evidence": [
            "Computer Misuse Act 2019, s. 4",
            {"title": "Penal Code", "url": "https://example.org/pc"},
        ],
    },
    "L2": "partial",
    "L3": ["preservation", "production", "search"],
    "L4": {"answer": 3, "note": "Three of forty judges; more in 2027."},
    "T1": "yes",
    "T2": "office",
    "T3": "unknown",
    "T4": 12,
    "T5": "An accredited lab in the capital.",
    "T6": "n/a",
}


def _skeleton(run_ncr: RunNcr, folder: Path) -> Path:
    skeleton = folder / "xa-2026.yaml"
    result = run_ncr(
        "init", "--path", LIB, "-q", "mini-q", "-c", "XA", "-y", "2026", "-o", skeleton
    )
    assert result.exit_code == 0, result.output
    return export(run_ncr, skeleton, folder / "xa-2026.xlsx", "--path", LIB)


def _by_hand(folder: Path) -> Path:
    data = yaml.safe_load((folder / "xa-2026.yaml").read_text(encoding="utf-8"))
    data["answers"] = BY_HAND
    path = folder / "by-hand.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def test_a_skeleton_filled_as_a_focal_point_would_scores_as_the_same_answers_in_yaml(
    run_ncr: RunNcr, tmp_path: Path
) -> None:
    book = _skeleton(run_ncr, tmp_path)
    fill(book, TYPED)
    back = tmp_path / "imported.yaml"
    result = run_ncr("import", book, "-o", back, "--path", LIB)
    assert result.exit_code == 0, result.output
    by_hand = _by_hand(tmp_path)
    assert what_it_says(review(back, LIB).response.model) == what_it_says(
        review(by_hand, LIB).response.model
    )
    # by hand: L1 100 (w2), L2 50 → law.offences 83.33; L3 40+40+40 = 100 (capped), L4 3 → 50
    assert scores(back, LIB) == scores(by_hand, LIB)
    assert scores(back, LIB)["law.procedure"] == pytest.approx(75.0)


def test_bad_cells_get_one_located_line_each_and_nothing_is_written(
    run_ncr: RunNcr, tmp_path: Path
) -> None:
    book = _skeleton(run_ncr, tmp_path)
    fill(
        book,
        {
            "Law!C3": "Maybe",  # not an option of L2
            "Law!C4": "Preservation; Interception",  # one of two is not an option of L3
            "Law!C5": "about twenty",  # L4 takes a number
            "Law!A6": "L9",  # no such question, and an answer beside it
            "Law!C6": "Yes",
            "Tech!C2": '=IF(1,"Yes")',  # a formula
            "Tech!C4": "n/a",  # T3 does not allow n/a
        },
    )
    from openpyxl import load_workbook

    loaded = load_workbook(book)
    loaded.create_sheet("Scratch")["A1"] = "my notes"  # a sheet that is not the workbook's
    loaded.save(book)
    target = tmp_path / "out.yaml"
    result = run_ncr("import", book, "-o", target, "--path", LIB)
    assert result.exit_code == 2
    assert not target.exists()
    located = [line for line in result.stderr.splitlines() if line.startswith(str(book))]
    where = [line.removeprefix(f"{book}:").split(": ")[0] for line in located]
    # in reading order: sheet by sheet, row by row
    assert where == [
        "Law!C3",
        "Law!C4",
        "Law!C5",
        "Law!A6",
        "Scratch!A1",
        "Tech!C2",
        "Tech!C4",
    ], result.stderr
    messages = "\n".join(located)
    assert (
        '\'Maybe\' is not an answer to L2; choose one of: "Fully", "Partly", "Not at all" or unknown'
        in messages
    )
    assert "'Interception': not among the answers to L3" in messages
    assert "L4 takes a number of 0 or more (or unknown or n/a), not 'about twenty'" in messages
    assert "no question 'L9' in questionnaire mini-q" in messages
    assert "this is not a question sheet of the workbook" in messages
    assert 'this cell holds a formula (=IF(1,"Yes"))' in messages
    assert "T3 does not allow 'n/a'" in messages
    assert "7 errors — nothing was written." in result.stderr


def test_import_never_overwrites_without_force_and_reads_only_workbooks(
    run_ncr: RunNcr, tmp_path: Path
) -> None:
    book = export(run_ncr, EXAMPLES / "xa-2026.yaml", tmp_path / "xa.xlsx")
    target = tmp_path / "xa.yaml"
    target.write_text("mine\n", encoding="utf-8")
    refused = run_ncr("import", book, "-o", target)
    assert refused.exit_code == 2 and "already exists; use --force" in refused.stderr
    assert target.read_text(encoding="utf-8") == "mine\n"
    assert run_ncr("import", book, "-o", target, "--force").exit_code == 0
    not_a_book = run_ncr("import", EXAMPLES / "xa-2026.yaml", "-o", tmp_path / "x.yaml")
    assert not_a_book.exit_code == 2 and "reads a workbook (.xlsx)" in not_a_book.stderr


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_workbook_saved_again_by_libreoffice_imports_the_same(
    run_ncr: RunNcr, tmp_path: Path, lang: str
) -> None:
    """In English, and in French: its sheet names, headers and Oui/Non as LibreOffice keeps them."""
    example = EXAMPLES / "xb-2026.yaml"
    book = export(run_ncr, example, tmp_path / "xb-2026.xlsx", "--lang", lang)
    saved = resave_with_libreoffice(book, tmp_path / "lo")
    back = tmp_path / "xb-2026.yaml"
    result = run_ncr("import", saved, "-o", back)
    assert result.exit_code == 0, result.output
    assert what_it_says(review(back).response.model) == what_it_says(review(example).response.model)
    assert scores(saved) == scores(example)


@pytest.mark.slow
def test_answers_typed_then_saved_by_libreoffice_import_the_same(
    run_ncr: RunNcr, tmp_path: Path
) -> None:
    book = _skeleton(run_ncr, tmp_path)
    fill(book, TYPED)
    saved = resave_with_libreoffice(book, tmp_path / "lo")
    back = tmp_path / "imported.yaml"
    assert run_ncr("import", saved, "-o", back, "--path", LIB).exit_code == 0
    assert what_it_says(review(back, LIB).response.model) == what_it_says(
        review(_by_hand(tmp_path), LIB).response.model
    )


@pytest.mark.parametrize(
    "name", ["mini-a.yaml", "mini-formulas.yaml", "mini-draft-hostile.yaml"], ids=str
)
def test_hostile_text_comes_back_unchanged(run_ncr: RunNcr, tmp_path: Path, name: str) -> None:
    source = RESPONSES / name
    book = export(run_ncr, source, tmp_path / "book.xlsx", "--path", LIB)
    back = tmp_path / "back.yaml"
    assert run_ncr("import", book, "-o", back, "--path", LIB).exit_code == 0
    before, after = review(source, LIB).response.model, review(back, LIB).response.model
    assert what_it_says(after) == what_it_says(before)
    assert after.review == before.review and after.country == before.country


# What a workbook in each language writes for the words `ncr import` keys on (words.yaml).
IN_WORDS = {
    "fr": ("Examen", "Code du pays", ["Réf.", "Question", "Réponse", "Justificatifs", "Note"]),
    "es": ("Examen", "Código del país", ["Ref.", "Pregunta", "Respuesta", "Pruebas", "Nota"]),
    "ar": ("الاستعراض", "رمز البلد", ["الرمز", "السؤال", "الإجابة", "الأدلة", "ملاحظة"]),
}
SHARED_ANSWERS = {
    "fr": {"Oui", "Non", "inconnu", "sans objet"},
    "es": {"Sí", "No", "desconocido", "no aplicable"},
    "ar": {"نعم", "لا", "غير معروف", "لا ينطبق"},
}


def _answers_shown(book: Path) -> set[str]:
    from openpyxl import load_workbook

    opened = load_workbook(book)
    return {
        str(row[2].value)
        for ws in opened.worksheets[3:]  # Instructions, Review, Lists, then the sections
        for row in ws.iter_rows(min_row=2)
        if row[2].value is not None
    }


@pytest.mark.parametrize("lang", ["fr", "es", "ar"])
def test_an_example_in_each_language_shows_its_words_and_imports_the_same(
    run_ncr: RunNcr, tmp_path: Path, lang: str
) -> None:
    """xc-2026 answers 16 questions yes or no, 5 unknown and 3 n/a: all of them show in the
    workbook's language, and come back as the same answers and scores."""
    from openpyxl import load_workbook

    example = EXAMPLES / "xc-2026.yaml"
    book = export(run_ncr, example, tmp_path / f"xc-{lang}.xlsx", "--lang", lang)
    opened = load_workbook(book)
    review_sheet, first_field, columns = IN_WORDS[lang]
    assert opened.sheetnames[1] == review_sheet
    assert opened[review_sheet]["A2"].value == first_field
    section = opened.worksheets[3]
    assert [c.value for c in section[1]][:5] == columns
    assert section.sheet_view.rightToLeft is (lang == "ar")
    # printed pages mirror too: the title on the right, the page number on the left, each
    # embedded right to left (LibreOffice laid "الصفحة 3 من 22" out in pieces without it)
    header, footer = section.oddHeader, section.oddFooter
    if lang == "ar":
        assert (header.left.text, footer.right.text) == (None, f"\u202b{section.title}\u202c")
        assert header.right.text.startswith("\u202b") and header.right.text.endswith("\u202c")
        assert footer.left.text.startswith("\u202bالصفحة") and "\u200f&P\u200f" in footer.left.text
    else:
        assert footer.left.text == section.title and footer.right.text.count("&P") == 1
    shown = _answers_shown(book)
    assert SHARED_ANSWERS[lang] <= shown
    assert not ({"Yes", "No", "unknown", "n/a"} - SHARED_ANSWERS[lang]) & shown  # Spanish "No"
    back = tmp_path / f"xc-{lang}.yaml"
    result = run_ncr("import", book, "-o", back)
    assert result.exit_code == 0, result.output
    assert what_it_says(review(back).response.model) == what_it_says(review(example).response.model)
    assert scores(book) == scores(example) == scores(back)


def test_an_english_workbook_and_a_french_one_with_english_words_still_import(
    run_ncr: RunNcr, tmp_path: Path
) -> None:
    """Workbooks sent out before the words were translated: English headers, Yes/No and "Review"
    in an English workbook, and in a French one (Language fr, the questions in French)."""
    example = EXAMPLES / "xc-2026.yaml"
    english = export(run_ncr, example, tmp_path / "xc-en.xlsx", "--lang", "en")
    assert {"Yes", "No", "unknown", "n/a"} <= _answers_shown(english)
    assert scores(english) == scores(example)
    fill(english, {"Review!B10": "fr"})  # how an earlier French export looked to import
    back = tmp_path / "xc-old-fr.yaml"
    result = run_ncr("import", english, "-o", back)
    assert result.exit_code == 0, result.output
    assert what_it_says(review(back).response.model) == what_it_says(review(example).response.model)


def test_french_answers_typed_in_any_case_and_errors_located_on_the_french_sheet(
    run_ncr: RunNcr, tmp_path: Path
) -> None:
    book = export(run_ncr, EXAMPLES / "xc-2026.yaml", tmp_path / "xc.xlsx", "--lang", "fr")
    from openpyxl import load_workbook

    opened = load_workbook(book)
    sheet = opened.worksheets[3]
    yes_no = [row[0].row for row in sheet.iter_rows(min_row=2) if row[2].value in ("Oui", "Non")]
    first, second = yes_no[:2]
    fill(book, {f"{sheet.title}!C{first}": "  NON ", f"{sheet.title}!C{second}": "peut-être"})
    result = run_ncr("validate", book)
    assert result.exit_code == 2
    qid = sheet[f"A{second}"].value
    assert sheet.title == "Cadre juridique"  # named by its French title, quoted as Excel does
    assert (
        f"{book}:'Cadre juridique'!C{second}: 'peut-être' is not an answer to {qid}; choose one "
        'of: "Oui", "Non" or inconnu' in result.stderr
    )
    assert f"!C{first}:" not in result.stderr  # "  NON " reads as no
