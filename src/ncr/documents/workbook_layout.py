"""The focal-point workbook as a document format (DESIGN §11): its sheets, its columns, and how an
answer is written in a cell. The writer (outputs) and the reader (loader) both follow this module, so
what one writes the other reads back.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, Literal

from ncr.documents.languages import SOURCE_LANGUAGE
from ncr.documents.questionnaire import Question, Section
from ncr.documents.response import EvidenceLink
from ncr.documents.vocabulary import NA, UNKNOWN
from ncr.shipped import template_dir

# The names below are the English words, and the keys of templates/workbook/words.yaml, which
# says how a workbook writes them in each language (`word`) and reads them in any (`named`).
INSTRUCTIONS: Final = "Instructions"
REVIEW: Final = "Review"
LISTS: Final = "Lists"  # hidden, and never translated: the option lists the dropdowns point at
MAX_SHEET_NAME: Final = 31  # Excel's limit

# Columns of a section sheet, in order. Import finds them by their header in row 1, so a focal
# point who moves a column does no harm; the first five are the ones the contract names.
ID, QUESTION, ANSWER, EVIDENCE, NOTE = "ID", "Question", "Answer", "Evidence", "Note"
HOW_TO_ANSWER, HELP = "How to answer", "Help"
SECTION_COLUMNS: Final = (ID, QUESTION, ANSWER, EVIDENCE, NOTE, HOW_TO_ANSWER, HELP)
REQUIRED_COLUMNS: Final = (ID, QUESTION, ANSWER, EVIDENCE, NOTE)

MULTI_SEPARATOR: Final = ";"
YES_NO: Final = ("yes", "no")
WordGroup = Literal["sheets", "columns", "fields", "answers", "statuses"]
WORD_GROUPS: Final[tuple[WordGroup, ...]] = ("sheets", "columns", "fields", "answers", "statuses")
# An evidence line `Title <https://…>` (a scheme, then a colon) is a document with a link; any
# other line is a plain title, even one that ends in angle brackets like `<b>`.
_LINK_WORD: Final = 3  # letters: a word as short as "et", "des", "بين" does not end a cut title
_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")  # Excel refuses these in a sheet's name
_LINK = re.compile(r"^(?P<title>.*\S)\s*<(?P<url>[A-Za-z][A-Za-z0-9+.-]*:[^<>\s]+)>$")


def N_(message: str) -> str:
    """Marks interface text for the catalogs; the workbook writer shows it in the reader's
    language (the reader of a workbook keys on the labels, which stay as they are)."""
    return message


@dataclass(frozen=True)
class ReviewField:
    """One row of the Review sheet: its label in column A, where it goes in the response."""

    label: str
    path: tuple[str, ...]
    about: str
    editable: bool = True


REVIEW_FIELDS: Final = (
    ReviewField("Country code", ("country", "code"), N_("Two-letter code (ISO 3166-1)"), False),
    ReviewField("Country name", ("country", "name"), N_("As it should appear in the report")),
    ReviewField("Year", ("year",), N_("The review cycle"), False),
    ReviewField(
        "Questionnaire", ("questionnaire",), N_("Which questions this workbook asks"), False
    ),
    ReviewField("Review date", ("review", "date"), N_("A date, e.g. 2026-03-14")),
    ReviewField("Status", ("review", "status"), N_("draft or final (the review team decides)")),
    ReviewField("Reviewers", ("review", "reviewers"), N_("One name per line")),
    ReviewField(
        "Classification", ("review", "classification"), N_("e.g. RESTRICTED; may be empty")
    ),
)
STATUSES: Final = ("draft", "final")
# Below the response's fields: the language of the questions and choices (DESIGN §12), so that
# `ncr import` takes the choices as this workbook shows them. A workbook without it is English.
LANGUAGE_FIELD: Final = ReviewField(
    "Language", ("language",), N_("Of the questions and choices: en, fr, es or ar"), False
)


@lru_cache(maxsize=1)
def word_table() -> dict[str, dict[str, dict[str, tuple[str, ...]]]]:
    """group → English word → language → its spellings, the written one first: the shipped
    words.yaml (data, beside the instructions; read once a process)."""
    import yaml  # only when a workbook is written or read

    path = template_dir() / "workbook" / "words.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {
        group: {
            key: {lang: (v,) if isinstance(v, str) else tuple(v) for lang, v in langs.items()}
            for key, langs in raw[group].items()
        }
        for group in WORD_GROUPS
    }


def word(group: WordGroup, key: str, language: str) -> str:
    """How a workbook in `language` writes `key` (the English word, or an answer's value)."""
    return word_table()[group][key][language][0]


def fold(text: str) -> str:
    """A word as import compares it: spacing and capital letters aside."""
    return " ".join(text.split()).casefold()


@lru_cache(maxsize=len(WORD_GROUPS))
def _spellings(group: WordGroup) -> dict[str, str]:
    return {
        fold(spelling): key
        for key, langs in word_table()[group].items()
        for spellings in langs.values()
        for spelling in spellings
    }


def named(group: WordGroup, text: str) -> str | None:
    """The key a word stands for, whichever of the languages it is written in."""
    return _spellings(group).get(fold(text))


def reserved_sheet(name: str) -> str | None:
    """Which of the Instructions, Review and Lists sheets `name` is, in any language, or None for
    a sheet of questions."""
    return LISTS if fold(name) == fold(LISTS) else named("sheets", name)


def sheet_name(section_id: str, taken: set[str]) -> str:
    """A section's sheet: its id with a capital (`legal` → `Legal`), short, unique, and never one of
    the reserved sheets. Ids stay the same in every language, so sheet names do too."""
    base = (section_id[:1].upper() + section_id[1:])[:MAX_SHEET_NAME]
    name, n = base, 2
    while name.casefold() in {t.casefold() for t in taken} or reserved_sheet(name):
        suffix = f" ({n})"
        name, n = base[: MAX_SHEET_NAME - len(suffix)] + suffix, n + 1
    return name


def section_sheets(sections: Sequence[Section], language: str = SOURCE_LANGUAGE) -> list[str]:
    """The sheet of each section, in order. English names it by its id, as English workbooks
    and their located errors always have (`Legal!C12`); another language by the section's title
    as the workbook shows it, so a focal point finds the tab in words they read. Import finds
    question sheets by their header row, whatever their name."""
    names: list[str] = []
    for section in sections:
        base = section.id if language == SOURCE_LANGUAGE else title_sheet(section.title)
        names.append(sheet_name(base or section.id, set(names)))
    return names


def title_sheet(title: str) -> str:
    """A title as a sheet's name: without the characters Excel refuses; a title too long is cut
    after a word that is not a short link word ("et", "de", "y") and ends in "…"."""
    name = " ".join(_NOT_IN_SHEET_NAMES.sub(" ", title).split()).strip("'")
    if len(name) <= MAX_SHEET_NAME:
        return name
    words = name[:MAX_SHEET_NAME].split(" ")[:-1]  # the last may be cut in the middle
    while words and len(words[-1]) <= _LINK_WORD:
        words.pop()
    kept = " ".join(words).rstrip(" ,;-–—'")
    if len(kept) < MAX_SHEET_NAME // 2:  # a very long first word: cut it instead
        kept = name[: MAX_SHEET_NAME - 1].rstrip()
    return kept + "…"


def choices(q: Question, language: str = "en") -> list[tuple[str, str]]:
    """(value, what the cell shows) for each option: the label, unless labels cannot tell the
    options apart (two alike, or a `;` inside a multi label) — then the value. Yes and No are
    the workbook's words (a question's labels are already in its language)."""
    if q.type == "yes_no":
        return [(value, word("answers", value, language)) for value in YES_NO]
    labels = [" ".join(o.label.split()) for o in q.options]
    folded = [label.casefold() for label in labels]
    clash = len(set(folded)) < len(folded) or (
        q.type == "multi" and any(MULTI_SEPARATOR in label for label in labels)
    )
    return [
        (o.value, o.value if clash else label) for o, label in zip(q.options, labels, strict=True)
    ]


def special_answers(q: Question, language: str = "en") -> list[str]:
    """What a scored question also takes besides its options: unknown, and n/a where allowed, as
    the workbook writes them."""
    if not q.scored:
        return []
    return [
        word("answers", value, language) for value in ([UNKNOWN, NA] if q.allow_na else [UNKNOWN])
    ]


def evidence_line(item: str | EvidenceLink) -> str:
    """One evidence item as one line of the Evidence cell (line breaks inside become spaces)."""
    if isinstance(item, str):
        return " ".join(item.split())
    title = " ".join(item.title.split())
    return f"{title} <{item.url}>" if item.url else title


def evidence_item(line: str) -> str | dict[str, str]:
    """The item one line of an Evidence cell stands for: a title, or a title with its link."""
    found = _LINK.match(line)
    if found is None:
        return line
    return {"title": found.group("title"), "url": found.group("url")}
