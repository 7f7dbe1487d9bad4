"""The response skeleton: every question as a commented block; any text written back unchanged."""

from __future__ import annotations

import datetime as dt

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from conftest import LIB, RESPONSES
from ncr.documents import Response
from ncr.engine.carry_over import Earlier, carry_over
from ncr.loader.loading import Loader
from ncr.loader.search_path import Catalog
from ncr.loader.yaml_reader import parse_yaml
from ncr.outputs import response_skeleton as skeleton

LOADER = Loader(Catalog.create([LIB], env={}))
MINI_Q = LOADER.questionnaire(LIB / "questionnaires" / "mini-q.yaml")[0].model
MINI_Q2 = LOADER.questionnaire(LIB / "questionnaires" / "mini-q2.yaml")[0].model
MINI_A = LOADER.response(RESPONSES / "mini-a.yaml").model
HEADER = skeleton.Header(
    code="XA", name="Aurelia", year=2027, questionnaire="mini-q", date=dt.date(2027, 1, 5)
)


def read_back(text: str) -> Response:
    return Response.model_validate(parse_yaml(text, "skeleton.yaml").data)


def test_every_question_is_an_empty_entry_under_its_comment_block() -> None:
    text = skeleton.render(HEADER, MINI_Q)
    response = read_back(text)
    assert list(response.answers) == [q.id for q in MINI_Q.questions()]
    assert all(a.answer is None for a in response.answers.values())
    lines = text.splitlines()
    l2 = lines.index("  L2:")
    assert lines[l2 - 6 : l2] == [
        "  # L2 · one choice · indicator law.offences · evidence optional",
        "  # Is data interference a crime?",
        "  # Choose one:",
        '  #   "full"     Fully (100)',
        '  #   "partial"  Partly (50)',
        '  #   "none"     Not at all (0)',
    ]
    for line in [
        "  # L1 · yes/no · indicator law.offences · weight 2 · evidence required",
        "  # Help: Budapest Convention art. 2.",
        "  # A number, 0 or more. Scores by band: from 0: 0, from 1: 50, from 5: 100.",
        "  # n/a is allowed here.",
        '  # Applies only if T1 is "yes"; otherwise leave it empty.',
        "  # Free text: recorded and shown in the report, not scored.",
        "  # law — Law",
    ]:
        assert line in lines


def test_the_header_is_a_draft_of_the_given_country_and_year() -> None:
    response = read_back(skeleton.render(HEADER, MINI_Q))
    assert response.country.code == "XA"
    assert response.country.name == "Aurelia"
    assert response.year == 2027
    assert response.questionnaire == "mini-q"
    assert response.review.date == dt.date(2027, 1, 5)
    assert response.review.status == "draft"
    assert response.review.reviewers == []


def test_line_breaks_in_a_question_cannot_break_out_of_its_comment() -> None:
    # U+2028 and U+0085 end a line in YAML as "\n" does; none may leave text outside the comment.
    first = MINI_Q.sections[0]
    l1 = first.questions[0].model_copy(
        update={"text": "Line one\nL9: injected\u2028L8: also\x85L7: too", "help": "a\n\nb"}
    )
    section = first.model_copy(update={"questions": [l1, *first.questions[1:]]})
    qn = MINI_Q.model_copy(update={"sections": [section, *MINI_Q.sections[1:]]})
    response = read_back(skeleton.render(HEADER, qn))
    assert list(response.answers) == [q.id for q in MINI_Q.questions()]


def test_answers_carry_over_by_id_and_by_replaces_when_they_still_fit() -> None:
    carried = carry_over(Earlier("mini-a.yaml", MINI_A, MINI_Q), MINI_Q2)
    kept = {qid: c.given.answer for qid, c in carried.answers.items() if c.unfit is None}
    assert kept == {
        "L1": "yes",
        "L2b": "partial",  # mini-q2's L2b replaces L2
        "L3": ["preservation", "production"],
        "L4": 3,
        "T1": "yes",
        "T3": "yes",
        "T4": 12,
    }
    assert carried.answers["L2b"].source == "L2"
    assert carried.answers["T2"].unfit == (
        "'office' is not an option of T2; choose one of: always, business-hours"
    )
    assert carried.answers["T6"].unfit == "T6 does not allow 'n/a'; answer it, or use 'unknown'"
    assert carried.dropped == ["T5"]
    assert (carried.kept, carried.unfit) == (7, 2)


def test_an_unfit_answer_is_left_empty_and_shown_in_a_comment() -> None:
    carried = carry_over(Earlier("mini-a.yaml", MINI_A, MINI_Q), MINI_Q2)
    text = skeleton.render(HEADER, MINI_Q2, carried)
    response = read_back(text)
    assert response.answers["T2"].answer is None
    assert response.answers["L2b"].answer == "partial"
    lines = text.splitlines()
    t6 = lines.index("  T6:")
    assert lines[t6 - 1] == "  #   T6: n/a"
    assert "no longer fits: T6 does not allow 'n/a'" in " ".join(lines[t6 - 4 : t6 - 1])
    # after the answers, before the findings and follow-up blocks to fill
    assert "# Answered in mini-a.yaml but not asked in mini-q2, so not carried over: T5." in lines


# Any text a reviewer can type, short enough to keep the test fast; surrogates cannot be UTF-8, and
# control and bidi override characters are refused by the reader (tests/loader/test_yaml_reader.py).
TEXT = st.text(
    st.characters(
        exclude_categories=("Cs", "Cc"),
        include_characters="\t\n",
        exclude_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
    ),
    max_size=60,
)


@settings(deadline=None)  # how many examples: the profile in conftest.py
@given(text=TEXT, note=TEXT, evidence=TEXT, name=TEXT)
# Text that YAML 1.1 (the dumper's) keeps as text but YAML 1.2 (ncr's reader) reads as numbers.
@example(text="1e5", note="0o17", evidence=".5e3", name="+1E2")
@example(text=" two\nlines ", note="a: b # c\n  'd'\u2028e", evidence='"x"', name="No")
def test_any_text_is_written_back_unchanged(text: str, note: str, evidence: str, name: str) -> None:
    assume(text.strip().lower() != "n/a")  # not an answer T5 takes: it is not carried over
    t5 = {"answer": text, "note": note, "evidence": [evidence] if evidence.strip() else []}
    earlier = Response.model_validate(
        {**MINI_A.model_dump(), "answers": {**MINI_A.model_dump()["answers"], "T5": t5}}
    )
    header = skeleton.Header(
        code="XA", name=name.strip() or "-", year=2026, questionnaire="mini-q", date=HEADER.date
    )
    carried = carry_over(Earlier("old.yaml", earlier, MINI_Q), MINI_Q)
    response = read_back(skeleton.render(header, MINI_Q, carried))
    assert response.answers == earlier.answers
    assert response.country.name == header.name


def test_a_questionnaire_path_is_written_as_given() -> None:
    header = skeleton.Header(
        code="XA", name="A", year=2026, questionnaire="../q/mini-q.yaml", date=HEADER.date
    )
    assert read_back(skeleton.render(header, MINI_Q)).questionnaire == "../q/mini-q.yaml"
