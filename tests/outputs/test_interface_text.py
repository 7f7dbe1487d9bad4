"""Interface text in four languages (DESIGN §12): the catalogs are complete and up to date, and a
report or screen in French, Spanish or Arabic keeps no English interface sentence."""

from __future__ import annotations

import html
import io
import re
import subprocess
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from rich.console import Console

from assessing import assess_example
from clients import client
from conftest import EXAMPLES, REPO
from ncr.documents.languages import LANGUAGES, SOURCE_LANGUAGE
from ncr.engine import Assessment
from ncr.outputs.interface_text import LOCALE_DIR, _, activate, active_language, speaking
from ncr.outputs.reports import assessment_report, pdf_writer
from ncr.outputs.terminal.assessment_view import show_assessment

TRANSLATED = [lang for lang in LANGUAGES if lang != SOURCE_LANGUAGE]
# Headings each language's assessment report must show, as a translator wrote them.
HEADINGS = {
    "fr": ["Synthèse", "Messages clés", "Feuille de route", "Méthodologie", "Provenance"],
    "es": ["Resumen ejecutivo", "Mensajes clave", "Hoja de ruta", "Metodología", "Procedencia"],
    "ar": ["الملخص التنفيذي", "الرسائل الرئيسية", "خريطة الطريق", "المنهجية", "المصدر"],
}
# The running footer's page numbers (a CSS counter, not text of the HTML).
PAGE_COUNTER = {"fr": r"Page \d+ sur \d+", "es": r"Página \d+ de \d+"}
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]")
LONG = 4  # words: shorter pieces ("Legal framework", "National Cyber Review") are also content


def extracted() -> dict[str | tuple[str, ...], set[str]]:
    """Every interface message in the sources, as `make catalogs` extracts it, with its files."""
    with (REPO / "babel.cfg").open() as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    found: dict[str | tuple[str, ...], set[str]] = {}
    for filename, _line, message, _comments, _context in extract_from_dir(
        str(REPO),
        method_map,
        options_map,
        keywords={"_": None, "N_": None, "ngettext": (1, 2), "NP_": (1, 2)},
    ):
        found.setdefault(message, set()).add(filename)
    return found


def catalog(lang: str):  # type: ignore[no-untyped-def]  # babel's Catalog is untyped
    with (LOCALE_DIR / lang / "LC_MESSAGES" / "ncr.po").open("rb") as po:
        return read_po(po, locale=lang)


# --- the catalogs -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_extracted_message_is_in_the_catalog(lang: str) -> None:
    """A message added to a template or the code without `make catalogs` fails here."""
    known = {m.id for m in catalog(lang) if m.id}
    missing = [m for m in extracted() if m not in known]
    assert missing == [], f"run `make catalogs` and translate: {missing[:5]}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_message_is_translated_and_none_is_fuzzy(lang: str) -> None:
    po = catalog(lang)
    untranslated = [
        m.id
        for m in po
        if m.id and not all(m.string if isinstance(m.string, tuple) else [m.string])
    ]
    fuzzy = [m.id for m in po if m.id and m.fuzzy]
    assert untranslated == []
    assert fuzzy == []


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_compiled_catalog_is_the_po_file_compiled(lang: str) -> None:
    """The .mo shipped in the wheel is what `make catalogs` compiles from the .po beside it."""
    compiled = io.BytesIO()
    write_mo(compiled, catalog(lang))
    shipped = (LOCALE_DIR / lang / "LC_MESSAGES" / "ncr.mo").read_bytes()
    assert shipped == compiled.getvalue(), "run `make catalogs`"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_each_catalog_says_it_is_a_working_translation(lang: str) -> None:
    assert "Working translation, to be reviewed." in catalog(lang).header_comment


def test_french_punctuation_has_its_no_break_spaces() -> None:
    with speaking("fr"):
        assert _("Lead: %(lead)s") == "Responsable\u00a0: %(lead)s"
        assert _("“%(rule)s”") == "«\u00a0%(rule)s\u00a0»"


def test_english_is_the_source_and_needs_no_catalog() -> None:
    assert active_language() == "en"
    assert _("Executive summary") == "Executive summary"


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="en, fr, es, ar"):
        activate("xx")
    assert active_language() == "en"


def test_speaking_restores_the_language_before() -> None:
    with speaking("es"):
        assert _("Roadmap") == "Hoja de ruta"
    assert _("Roadmap") == "Roadmap"


# --- reports and screens in each language ------------------------------------------------------


def interface_pieces(files: str) -> list[str]:
    """The English pieces of the interface messages used by `files` (templates, outputs): each
    message cut at its placeholders, the pieces of LONG words or more. Content text (titles,
    questions) is the translation files' business, so it is not in this list."""
    pieces = []
    for message, where in extracted().items():
        if not any(f.startswith(files) for f in where):
            continue
        for text in message if isinstance(message, tuple) else [message]:
            pieces += [p.strip(" .:;,()") for p in PLACEHOLDER.split(text)]
    return sorted({p for p in pieces if len(p.split()) >= LONG})


def words(text: str) -> str:
    return " ".join(text.split())


def english_left(text: str, files: tuple[str, ...]) -> list[str]:
    flat = words(text)
    return [piece for piece in interface_pieces(files) if piece in flat]


REPORT_FILES = ("templates", "src/ncr/outputs/reports", "src/ncr/outputs/display.py")


@pytest.fixture(scope="module")
def borealis() -> Assessment:
    return assess_example("xb-2026")


def html_text(page: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"(?s)<(style|svg).*?</\1>", " ", page)))


def test_the_english_check_finds_english(borealis: Assessment) -> None:
    """The check itself: an English report is full of the pieces it looks for."""
    left = english_left(html_text(assessment_report.html(borealis).decode()), REPORT_FILES)
    assert len(left) > 30


@pytest.mark.parametrize("lang", TRANSLATED)
def test_html_report_in_each_language(borealis: Assessment, lang: str) -> None:
    with speaking(lang):
        page = assessment_report.html(borealis).decode()
    text = html_text(page)
    for heading in HEADINGS[lang]:
        assert heading in text
    assert english_left(text, REPORT_FILES) == []


@pytest.mark.parametrize("lang", TRANSLATED)
def test_markdown_report_in_each_language(borealis: Assessment, lang: str) -> None:
    with speaking(lang):
        text = assessment_report.md(borealis).decode()
    for heading in HEADINGS[lang]:
        assert f" {heading}" in text
    assert english_left(text.replace("\\", ""), REPORT_FILES) == []


def test_french_numbers_take_a_decimal_comma_in_the_report(borealis: Assessment) -> None:
    """Borealis 2026 scores 57.5 overall (tests/test_pipeline.py); in French 57,5, and its
    review date, 2026-03-20... as the French write it."""
    with speaking("fr"):
        text = assessment_report.md(borealis).decode()
    assert "57,5" in text
    assert "57.5" not in text
    assert re.search(
        r"\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) 2026",
        text,
    )


def pdf_words(pdf: bytes, folder: Path) -> str:
    path = folder / "report.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        [client("pdftotext"), str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return out.replace("\u00ad", "")


@pytest.mark.slow
@pytest.mark.parametrize("lang", TRANSLATED)
def test_pdf_report_in_each_language(borealis: Assessment, lang: str, tmp_path: Path) -> None:
    with speaking(lang):
        pdf = pdf_writer.assessment(borealis)
    text = pdf_words(pdf, tmp_path)
    if lang != "ar":  # Arabic words come back from the PDF in visual order: see the HTML test
        for heading in HEADINGS[lang]:
            assert heading in text
        assert re.search(PAGE_COUNTER[lang], text)
    assert english_left(text, REPORT_FILES) == []


def terminal(result: Assessment, lang: str) -> str:
    console = Console(file=io.StringIO(), width=200, color_system=None)
    with speaking(lang):
        show_assessment(result, console)
    assert isinstance(console.file, io.StringIO)
    return console.file.getvalue()


@pytest.mark.parametrize(
    ("lang", "words_shown"),
    [
        ("fr", ["Piliers", "Principaux points forts", "Score global 57,5 / 100", "point faible"]),
        ("es", ["Pilares", "Principales debilidades", "Global 57,5 / 100", "debilidad"]),
        ("ar", ["الركائز", "أبرز نقاط الضعف", "الإجمالي 57.5 / 100"]),
    ],
)
def test_terminal_view_in_each_language(
    borealis: Assessment, lang: str, words_shown: list[str]
) -> None:
    shown = terminal(borealis, lang)
    for piece in words_shown:
        assert piece in shown
    assert english_left(shown, ("src/ncr/outputs/terminal", "src/ncr/outputs/display.py")) == []


# --- the diff and the overview ------------------------------------------------------------------


@pytest.fixture(scope="module")
def borealis_diff():  # type: ignore[no-untyped-def]
    from ncr.cli.diff import DiffOptions, diff_files

    return diff_files(DiffOptions(EXAMPLES / "xb-2023.yaml", EXAMPLES / "xb-2026.yaml"))


DIFF_HEADINGS = {
    "fr": ["Synthèse de l’évolution", "Progrès et reculs", "Indicateurs par pilier"],
    "es": ["Resumen de los cambios", "Mejoras y retrocesos", "Indicadores por pilar"],
    "ar": ["ملخص التغيّرات", "التحسّن والتراجع", "المؤشرات حسب الركيزة"],
}


@pytest.mark.parametrize("lang", TRANSLATED)
def test_diff_reports_in_each_language(borealis_diff, lang: str) -> None:  # type: ignore[no-untyped-def]
    from ncr.outputs.reports import diff_report

    with speaking(lang):
        page = html_text(diff_report.html(borealis_diff).decode())
        text = diff_report.md(borealis_diff).decode().replace("\\", "")
    for heading in DIFF_HEADINGS[lang]:
        assert heading in page and heading in text
    assert english_left(page, REPORT_FILES) == []
    assert english_left(text, REPORT_FILES) == []


@pytest.mark.parametrize("lang", TRANSLATED)
def test_overview_reports_in_each_language(lang: str) -> None:
    from comparing import snapshots
    from ncr.engine.overview import build_overview
    from ncr.outputs.reports import overview_report

    overview = build_overview(snapshots("xa-2026", "xb-2026", "xc-2026"), ncr_version="test")
    with speaking(lang):
        page = html_text(overview_report.html(overview).decode())
        text = overview_report.md(overview).decode().replace("\\", "")
    assert english_left(page, REPORT_FILES) == []
    assert english_left(text, REPORT_FILES) == []


def test_the_screens_of_diff_and_overview_in_french(borealis_diff) -> None:  # type: ignore[no-untyped-def]
    from ncr.outputs.terminal.diff_view import show_diff

    console = Console(file=io.StringIO(), width=200, color_system=None)
    with speaking("fr"):
        show_diff(borealis_diff, console)
    assert isinstance(console.file, io.StringIO)
    shown = console.file.getvalue()
    assert "Plus fortes hausses" in shown and "Score global 33,9 → 57,5" in shown
    assert english_left(shown, ("src/ncr/outputs/terminal", "src/ncr/outputs/diff_words.py")) == []
