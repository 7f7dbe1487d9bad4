"""The workbook format both the writer and the reader follow."""

from __future__ import annotations

from assessing import review_of
from conftest import RESPONSES
from ncr.documents import EvidenceLink, Option, Question
from ncr.documents.languages import LANGUAGES
from ncr.documents.vocabulary import SPECIAL_ANSWERS
from ncr.documents.workbook_layout import (
    INSTRUCTIONS,
    LANGUAGE_FIELD,
    REVIEW,
    REVIEW_FIELDS,
    SECTION_COLUMNS,
    STATUSES,
    YES_NO,
    choices,
    evidence_item,
    evidence_line,
    fold,
    named,
    reserved_sheet,
    section_sheets,
    sheet_name,
    special_answers,
    title_sheet,
    word,
    word_table,
)

QN = review_of(RESPONSES / "mini-a.yaml").questionnaire.model


def test_sheet_names_are_section_ids_short_unique_and_not_reserved() -> None:
    assert section_sheets(QN.sections) == ["Law", "Tech"]
    assert sheet_name("review", set()) == "Review (2)"  # the Review sheet is the workbook's own
    assert sheet_name("examen", set()) == "Examen (2)"  # ... in French and Spanish too
    assert sheet_name("legal", {"Legal"}) == "Legal (2)"
    long = "a" * 40
    assert sheet_name(long, set()) == "A" + "a" * 30
    assert len(sheet_name(long, {"A" + "a" * 30})) == 31


def _multi(*labels: str) -> Question:
    options = [Option(value=f"v{n}", label=label, score=0) for n, label in enumerate(labels)]
    return Question(id="Q", indicator="i", text="?", type="multi", options=options)


def test_choices_show_labels_unless_labels_cannot_tell_options_apart() -> None:
    assert choices(_multi("Police", "Courts")) == [("v0", "Police"), ("v1", "Courts")]
    assert choices(_multi("Police", "POLICE")) == [("v0", "v0"), ("v1", "v1")]
    assert choices(_multi("Police; courts", "Other")) == [("v0", "v0"), ("v1", "v1")]
    yes_no = next(q for q in QN.questions() if q.id == "T6")
    assert choices(yes_no) == [("yes", "Yes"), ("no", "No")]
    assert special_answers(yes_no) == ["unknown", "n/a"]


def test_an_evidence_item_is_one_line_and_reads_back() -> None:
    link = EvidenceLink(title="Penal Code", url="https://example.org/code?a=1&b=2")
    assert evidence_line(link) == "Penal Code <https://example.org/code?a=1&b=2>"
    assert evidence_item(evidence_line(link)) == link.model_dump()
    assert evidence_line("Act\n2019") == "Act 2019"
    assert evidence_item("<script>x</script>") == "<script>x</script>"  # no scheme: not a link
    assert evidence_line(EvidenceLink(title="Decree 5")) == "Decree 5"


def test_the_words_file_names_every_word_in_every_language() -> None:
    table = word_table()
    assert set(table["sheets"]) == {INSTRUCTIONS, REVIEW}
    assert set(table["columns"]) == set(SECTION_COLUMNS)
    assert set(table["fields"]) == {item.label for item in (*REVIEW_FIELDS, LANGUAGE_FIELD)}
    assert set(table["answers"]) == {*YES_NO, *SPECIAL_ANSWERS}
    assert set(table["statuses"]) == set(STATUSES)
    for group in table.values():
        for langs in group.values():
            assert set(langs) == set(LANGUAGES)
            # all text (a bare No in YAML would be false), none empty
            assert all(isinstance(w, str) and w.strip() for ws in langs.values() for w in ws)
    for key, langs in table["columns"].items():
        assert langs["en"] == (key,)  # the English word is the key itself


def test_no_word_stands_for_two_things_in_any_language() -> None:
    """Import reads a word in whichever language it is: one spelling, one meaning, per group."""
    for name, group in word_table().items():
        meaning: dict[str, str] = {}
        for key, langs in group.items():
            for spelling in (w for ws in langs.values() for w in ws):
                assert meaning.setdefault(fold(spelling), key) == key, (name, spelling)


def test_words_are_written_in_the_language_and_read_in_any() -> None:
    assert word("columns", "Answer", "fr") == "Réponse"
    assert word("answers", "yes", "ar") == "نعم"
    assert word("fields", "Review date", "fr") == "Date de l’examen"  # the first spelling
    assert named("fields", "date de l'examen") == "Review date"  # a straight apostrophe too
    assert named("columns", "  RESPUESTA ") == "Answer"
    assert named("answers", "si") == named("answers", "Oui") == "yes"
    assert named("columns", "Oui") is None  # not a column
    assert reserved_sheet("الاستعراض") == REVIEW and reserved_sheet("lists") == "Lists"
    assert reserved_sheet("Legal") is None


def test_choices_and_special_answers_in_the_workbook_language() -> None:
    yes_no = Question(id="Q", indicator="i", text="A law?", type="yes_no", allow_na=True)
    assert choices(yes_no, "fr") == [("yes", "Oui"), ("no", "Non")]
    assert special_answers(yes_no, "es") == ["desconocido", "no aplicable"]


def test_sheets_of_a_translated_workbook_are_named_by_their_titles() -> None:
    assert section_sheets(QN.sections, "fr") == ["Law", "Technical"]  # mini-q's titles
    assert title_sheet("Cadre juridique") == "Cadre juridique"
    # Excel refuses : / ? * [ ] \ in a name, and 31 characters at most: cut at a word
    cut = title_sheet("Convention de Budapest : droit procédural")
    assert cut == "Convention de Budapest droit…"
    assert title_sheet("Coopération internationale et partage") == "Coopération internationale…"
    assert title_sheet("b" * 40) == "b" * 30 + "…"
    assert all(len(title_sheet(t)) <= 31 for t in ("a " * 30, "abcd " * 9, "x" * 31))
