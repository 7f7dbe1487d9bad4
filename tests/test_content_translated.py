"""Every shipped example in every language: the report carries the translated content, no English
question or indicator title is left, and nothing falls back to English (DESIGN §12).

The interface text (headings, labels) is checked by tests/outputs/test_interface_text.py on one
example; this file checks the content of all of them, through the real loader and the Markdown
report (the same context feeds HTML, PDF and Word)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EXAMPLES
from ncr.documents.languages import LANGUAGES, SOURCE_LANGUAGE
from ncr.loader.loading import Loader
from ncr.loader.search_path import Catalog
from ncr.outputs.interface_text import _, speaking
from ncr.outputs.reports import assessment_report
from ncr.pipeline import assess_review, open_review

TRANSLATED = [lang for lang in LANGUAGES if lang != SOURCE_LANGUAGE]
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml")) + sorted(EXAMPLES.glob("*/*.yaml"))
# Short texts (a number question's "How many?") may read the same in two languages: only texts of
# this many words or more are looked for.
LONG = 4


def flat(text: str) -> str:
    return " ".join(text.replace("\\", "").split())


@pytest.mark.parametrize("lang", TRANSLATED)
@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_every_example_reads_in_every_language(example: Path, lang: str) -> None:
    english = open_review(Loader(Catalog.create([], env={})), example)
    review = open_review(Loader(Catalog.create([], env={}), lang=lang), example)
    result = assess_review(review)
    # every shipped document is translated whole: no "N of M items shown in English" warning
    assert [w.message for w in result.warnings if "shown in English" in w.message] == []
    with speaking(lang):
        report = flat(assessment_report.md(result).decode())
        heading = _("Executive summary")
    assert heading != "Executive summary" and heading in report
    # no English question is left (titles are not looked for: a review team's own English text,
    # such as its findings or a piece of evidence, may well name "24/7 point of contact")
    questions = [q.text for q in english.questionnaire.model.questions()]
    assert [t for t in questions if len(t.split()) >= LONG and flat(t) in report] == []
    # and the pillars are headed by their translated titles
    for pillar in review.framework.model.pillars:
        assert flat(pillar.title) in report
    # the same review scores the same in every language: only the words changed
    assert result.overall.score == assess_review(english).overall.score
