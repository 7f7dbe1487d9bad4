"""`ncr assess FILE… -o FOLDER`: one report per input, across processes; one bad file stops nothing.

tests/fixtures/batch/ holds two valid mini responses — borduria.yaml (every score 100) and
carpania.yaml (overall 27.85, see tests/fixtures/overview/xc-2026.yaml) — and broken.yaml, whose
line 11 answers L2 with an option that does not exist.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader
from rich.console import Console

from conftest import FIXTURES, LIB, RESPONSES, RunNcr
from ncr.cli.batch import Settings, assess_many
from ncr.loader.search_path import Catalog

BATCH = FIXTURES / "batch"
GOOD = [BATCH / "borduria.yaml", BATCH / "carpania.yaml"]
ALL = [*GOOD, BATCH / "broken.yaml"]


def test_a_broken_file_is_reported_and_every_good_report_is_written(
    run_ncr: RunNcr, tmp_path: Path
) -> None:
    reports = tmp_path / "reports"
    result = run_ncr("assess", "--path", LIB, *ALL, "-o", reports, "--format", "json", "-j", "2")
    assert result.exit_code == 2
    assert sorted(p.name for p in reports.iterdir()) == ["borduria.json", "carpania.json"]
    assert json.loads((reports / "borduria.json").read_text())["overall"]["score"] == 100.0
    carpania = json.loads((reports / "carpania.json").read_text())
    assert carpania["overall"]["score"] == pytest.approx(27.85, abs=0.01)
    assert f"{BATCH / 'broken.yaml'}:11:7: 'maybe' is not an option of L2" in result.stderr
    assert f"created the folder {reports}" in result.stderr
    assert "wrote 2 report(s)" in result.stderr
    assert "1 invalid input(s)" in result.stderr


def test_markdown_reports_are_named_after_their_inputs(run_ncr: RunNcr, tmp_path: Path) -> None:
    result = run_ncr("assess", "--path", LIB, *GOOD, "-o", tmp_path, "--format", "md")
    assert result.exit_code == 0, result.output
    assert "Borduria" in (tmp_path / "borduria.md").read_text()
    assert "Carpania" in (tmp_path / "carpania.md").read_text()


@pytest.mark.slow
def test_pdf_is_the_default_format_of_a_folder(run_ncr: RunNcr, tmp_path: Path) -> None:
    result = run_ncr("assess", "--path", LIB, *GOOD, "-o", tmp_path)
    assert result.exit_code == 0, result.output
    text = PdfReader(tmp_path / "borduria.pdf").pages[0].extract_text()
    assert "Borduria" in text
    assert (tmp_path / "carpania.pdf").read_bytes().startswith(b"%PDF-")


def test_existing_reports_are_refused_before_any_work(run_ncr: RunNcr, tmp_path: Path) -> None:
    (tmp_path / "borduria.json").write_text("keep me")
    (tmp_path / "carpania.json").write_text("keep me too")
    extra = tmp_path / "aurelia.yaml"
    shutil.copy(FIXTURES / "responses" / "mini-a.yaml", extra)
    result = run_ncr("assess", "--path", LIB, *GOOD, extra, "-o", tmp_path, "--format", "json")
    assert result.exit_code == 2
    # Both conflicts are listed, and nothing was written: not even the report that was free.
    assert (
        "2 report(s) cannot be written (use --force to replace existing reports)" in result.stderr
    )
    assert f"{tmp_path / 'borduria.json'} already exists" in result.stderr
    assert f"{tmp_path / 'carpania.json'} already exists" in result.stderr
    assert not (tmp_path / "aurelia.json").exists()
    assert (tmp_path / "borduria.json").read_text() == "keep me"


def test_force_replaces_existing_reports(run_ncr: RunNcr, tmp_path: Path) -> None:
    (tmp_path / "borduria.json").write_text("old")
    result = run_ncr("assess", "--path", LIB, *GOOD, "-o", tmp_path, "--format", "json", "--force")
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "borduria.json").read_text())["country"]["code"] == "XB"


def test_inputs_with_the_same_name_are_refused_up_front(run_ncr: RunNcr, tmp_path: Path) -> None:
    twin = tmp_path / "elsewhere" / "borduria.yaml"
    twin.parent.mkdir()
    shutil.copy(GOOD[0], twin)
    reports = tmp_path / "reports"
    result = run_ncr("assess", "--path", LIB, *GOOD, twin, "-o", reports, "--format", "md")
    assert result.exit_code == 2
    assert "inputs with the same name would write the same report" in result.stderr
    assert f"{GOOD[0]} and {twin}" in result.stderr
    assert not reports.exists()


def test_one_report_file_for_several_inputs_is_a_usage_error(
    run_ncr: RunNcr, tmp_path: Path
) -> None:
    result = run_ncr("assess", "--path", LIB, *GOOD, "-o", tmp_path / "all.pdf")
    assert result.exit_code == 2
    assert "names one report, but several inputs need a folder" in result.stderr


def test_gates_are_checked_per_file_and_exit_1(run_ncr: RunNcr, tmp_path: Path) -> None:
    result = run_ncr(
        "assess", "--path", LIB, *GOOD, "-o", tmp_path, "--format", "json", "--fail-under", "50"
    )
    # Carpania's 27.85 is under 50; its report is still written.
    assert result.exit_code == 1
    assert f"gate not met: {GOOD[1]}: overall score 27.9 is under 50" in result.stderr
    assert (tmp_path / "carpania.json").exists()


def test_without_a_folder_several_files_give_one_row_each(run_ncr: RunNcr) -> None:
    result = run_ncr("assess", "--path", LIB, *ALL)
    assert result.exit_code == 2
    rows = [line for line in result.stdout.splitlines() if "2026" in line or "invalid" in line]
    assert len(rows) == 3
    assert "Borduria (XB)" in rows[0] and "100.0" in rows[0] and "5 Dynamic" in rows[0]
    assert "Carpania (XC)" in rows[1] and "27.9" in rows[1] and "weakness" in rows[1]
    assert "invalid" in rows[2]


def test_json_rows_without_a_folder(run_ncr: RunNcr) -> None:
    result = run_ncr("assess", "--path", LIB, *ALL, "--format", "json")
    rows = json.loads(result.stdout)
    assert [(r["file"], r["valid"]) for r in rows] == [(str(p), p != ALL[2]) for p in ALL]
    assert rows[0]["overall"]["level_name"] == "Dynamic"


def test_jobs_must_be_positive(run_ncr: RunNcr) -> None:
    result = run_ncr("assess", "--path", LIB, *GOOD, "--jobs", "0")
    assert result.exit_code == 2
    assert "--jobs must be 1 or more" in result.stderr


def test_the_progress_bar_shows_only_on_a_terminal() -> None:
    settings = Settings(Catalog.create([LIB], env={}))
    screens = []
    for terminal in (True, False):
        out = io.StringIO()
        outcomes = assess_many(GOOD, settings, 2, Console(file=out, force_terminal=terminal))
        assert [o.snapshot and o.snapshot.country.code for o in outcomes] == ["XB", "XC"]
        screens.append(out.getvalue())
    assert "assessing" in screens[0]
    assert screens[1] == ""


def test_a_document_shown_in_english_is_warned_about_once_for_the_whole_run(
    tmp_path: Path,
) -> None:
    from ncr.cli.batch import Worker, report
    from translating import LOCAL_RESPONSE, loader

    settings = Settings(Catalog.create([FIXTURES / "translations"], env={}))
    worker = Worker(settings)
    worker.loader = loader("fr")  # the --lang flag is the interface's; the loader takes it
    second = shutil.copy(LOCAL_RESPONSE, tmp_path / "again.yaml")
    outcomes = [worker.run(LOCAL_RESPONSE), worker.run(Path(second))]
    assert [o.warnings for o in outcomes] == [0, 0]
    assert [len(o.language) for o in outcomes] == [1, 1]
    err = Console(file=io.StringIO(), width=400)
    report(outcomes, err)
    printed = err.file.getvalue()  # type: ignore[attr-defined]
    assert printed.count("questionnaire local-2026 has no 'fr' translation") == 1
    assert "warning(s) in" not in printed


# --- the batch's summary in the reader's language (issue 17) --------------------------------------


def test_the_batch_summary_is_in_the_language_of_ncr_lang(
    run_ncr: RunNcr, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NCR_LANG", "es")
    reports = tmp_path / "reports"
    result = run_ncr("assess", "--path", LIB, *GOOD, "-o", reports, "--format", "json", "-j", "2")
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines[0] == f"carpeta {reports} creada"
    assert lines[-1] == (
        f"2 informes guardados en {reports} — 0 archivos no válidos, "
        "0 con una condición no cumplida"
    )


def test_the_warnings_line_in_french_and_in_english(run_ncr: RunNcr) -> None:
    # mini-warnings has 4 warnings (answers out of range, an unknown question...); borduria none
    files = [RESPONSES / "mini-warnings.yaml", BATCH / "borduria.yaml"]
    english = run_ncr("assess", "--path", LIB, *files).stderr.splitlines()
    assert english[-2:] == [
        "4 warning(s) in 1 file; `ncr validate FILE` lists them",
        "2 file(s) — 0 invalid input(s), 0 failing a gate",
    ]
    french = run_ncr("assess", "--path", LIB, *files, "--lang", "fr").stderr.splitlines()
    assert french[-2:] == [
        "4 avertissements dans 1 fichier\u202f; `ncr validate FILE` les énumère",
        "2 fichiers — 0 fichier non valide, 0 avec une condition non remplie",
    ]


def test_the_batch_table_has_arabic_headings(run_ncr: RunNcr) -> None:
    result = run_ncr("assess", "--path", LIB, *ALL, "--lang", "ar")
    assert result.exit_code == 2
    assert all(word in result.stdout for word in ("الملف", "البلد", "السنة", "غير صالح"))
    assert "File" not in result.stdout and "invalid" not in result.stdout
    assert result.stderr.splitlines()[-1] == (
        "عدد الملفات: 3 — الملفات غير الصالحة: 1، الملفات التي لم تستوفِ شرطًا: 0"
    )
