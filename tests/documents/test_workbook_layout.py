"""The workbook format both the writer and the reader follow."""

from __future__ import annotations

from assessing import review_of
from conftest import RESPONSES
from ncr.documents import EvidenceLink, Option, Question
from ncr.documents.workbook_layout import (
    choices,
    evidence_item,
    evidence_line,
    section_sheets,
    sheet_name,
    special_answers,
)

QN = review_of(RESPONSES / "mini-a.yaml").questionnaire.model


def test_sheet_names_are_section_ids_short_unique_and_not_reserved() -> None:
    assert section_sheets(QN.sections) == ["Law", "Tech"]
    assert sheet_name("review", set()) == "Review (2)"  # the Review sheet is the workbook's own
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
