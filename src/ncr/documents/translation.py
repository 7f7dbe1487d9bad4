"""Content translations (DESIGN §12): a file beside an English document giving, for each of its
items, the human text in another language, and what that means for the document.

An item ("entry") is the document itself, a level, a pillar, an indicator, a rule, a section or a
question, keyed by its id (a level by its number). Only human text is translated; ids, option
values, numbers and conditions never are, so a translated document scores exactly as the English.

Each entry may carry `english_hash`: the short hash of the English entry it was translated from
(`english_hash()` below, over all the entry's translatable English fields). When the English text
changes, the hash no longer matches and the entry is stale: it is shown in English until the
translator updates it and stamps it again (`ncr translation stamp`).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar, Final, Literal, TypeVar

from pydantic import BaseModel, BeforeValidator, Field, field_validator

from ncr.documents.common import Document, Id, LongText, ShortText, ValueText

TranslatedLanguage = Literal["fr", "es", "ar"]
HASH_FIELD: Final = "english_hash"
HASH_LENGTH: Final = 8  # hex digits: enough to tell an edit apart, short enough to read
_HASH = re.compile(rf"^[0-9a-f]{{{HASH_LENGTH}}}$")


def _hash_text(value: Any) -> Any:
    if not isinstance(value, str) or not _HASH.match(value):
        raise ValueError(
            f"an {HASH_FIELD} is {HASH_LENGTH} hex digits in quotes, written by "
            "`ncr translation stamp`: delete this line and stamp the file again"
        )
    return value


HashText = Annotated[str, BeforeValidator(_hash_text)]
# How much text a translation file may hold: the English caps, with room for longer languages.
TRANSLATION_TEXT_CAP: Final = 160_000

# What each kind of entry translates, in the order a translator reads it.
FIELDS: Final[dict[str, tuple[str, ...]]] = {
    "framework": ("title", "description"),
    "questionnaire": ("title", "description"),
    "benchmark": ("title", "source"),
    "levels": ("name",),
    "pillars": ("title", "description"),
    "indicators": ("title", "description", "references", "recommendation"),
    "rules": ("description", "flag"),
    "sections": ("title", "description"),
    "questions": ("text", "help", "options"),
}
GROUPS: Final[dict[str, tuple[str, ...]]] = {
    "framework": ("document", "levels", "pillars", "indicators", "rules"),
    "questionnaire": ("document", "sections", "questions"),
    "benchmark": ("document",),
}
DOCUMENT: Final = "document"
Key = tuple[str, str]  # (group, id); the document itself is ("document", "")


class About(Document):
    """The `translation:` header: what is translated, into which language, how far to trust it."""

    of: Id
    language: TranslatedLanguage
    version: ShortText | None = None  # frameworks: the release translated
    status: LongText = ""


class Entry(Document):
    """One item's text in the target language; which fields an item takes is checked against the
    English (`FIELDS`), so that the error can say what the item has."""

    english_hash: HashText | None = None
    title: ShortText | None = None
    name: ShortText | None = None
    description: LongText | None = None
    text: LongText | None = None
    help: LongText | None = None
    recommendation: LongText | None = None
    flag: ShortText | None = None
    source: LongText | None = None
    references: list[ShortText] | None = Field(default=None, max_length=50)
    options: dict[ValueText, ShortText] | None = Field(default=None, max_length=100)

    def given(self) -> dict[str, Any]:
        """The translated fields this entry gives (not its hash)."""
        return {
            name: value
            for name, value in self
            if name != HASH_FIELD and value is not None and value != ""
        }


class Translation(Document):
    translation: About
    document: Entry | None = None
    levels: dict[str, Entry] = Field(default_factory=dict, max_length=20)
    pillars: dict[str, Entry] = Field(default_factory=dict, max_length=50)
    indicators: dict[str, Entry] = Field(default_factory=dict, max_length=100)
    rules: dict[str, Entry] = Field(default_factory=dict, max_length=500)
    sections: dict[str, Entry] = Field(default_factory=dict, max_length=200)
    questions: dict[str, Entry] = Field(default_factory=dict, max_length=300)

    TEXT_CAP: ClassVar[int] = TRANSLATION_TEXT_CAP

    @field_validator(*GROUPS["framework"][1:], *GROUPS["questionnaire"][1:], mode="before")
    @classmethod
    def _none_is_empty(cls, value: Any) -> Any:
        # `questions:` with every entry still commented out (`ncr translation new`) is empty
        return {} if value is None else value

    def entries(self) -> dict[Key, Entry]:
        found: dict[Key, Entry] = {}
        if self.document is not None:
            found[(DOCUMENT, "")] = self.document
        for group in ("levels", "pillars", "indicators", "rules", "sections", "questions"):
            found.update({(group, ident): e for ident, e in getattr(self, group).items()})
        return found


def kind_of_model(model: BaseModel) -> str:
    """ "framework", "questionnaire" or "benchmark": the kind of an English document model."""
    return type(model).__name__.lower()


def _nodes(kind: str, data: dict[str, Any]) -> Iterator[tuple[Key, str, dict[str, Any]]]:
    """Each item of a document's dumped data: its key, the field set it translates, its data."""
    yield (DOCUMENT, ""), kind, data
    if kind == "framework":
        for level in data["levels"]:
            yield ("levels", str(level["level"])), "levels", level
        for pillar in data["pillars"]:
            yield ("pillars", pillar["id"]), "pillars", pillar
            for indicator in pillar["indicators"]:
                yield ("indicators", indicator["id"]), "indicators", indicator
        for rule in data["rules"]:
            yield ("rules", rule["id"]), "rules", rule
    elif kind == "questionnaire":
        for section in data["sections"]:
            yield ("sections", section["id"]), "sections", section
            for question in section["questions"]:
                yield ("questions", question["id"]), "questions", question


def _english_fields(fields: tuple[str, ...], node: Mapping[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for name in fields:
        value = node.get(name)
        if name == "options":
            value = {o["value"]: o["label"] for o in value or []}
        if value:  # empty or absent in English: nothing to translate
            found[name] = value
    return found


@dataclass(frozen=True)
class EnglishEntry:
    group: str  # the entry kind in FIELDS ("questions"); the document's kind for the document
    fields: dict[str, Any]  # its translatable English text, non-empty fields only

    @property
    def hash(self) -> str:
        return english_hash(self.fields)


def english_entries(model: BaseModel) -> dict[Key, EnglishEntry]:
    """Every item of an English document with its translatable text, in document order."""
    kind = kind_of_model(model)
    data = model.model_dump(by_alias=True)
    return {
        key: EnglishEntry(group, _english_fields(FIELDS[group], node))
        for key, group, node in _nodes(kind, data)
    }


def english_hash(fields: Mapping[str, Any]) -> str:
    """The short hash of an entry's English text: SHA-256 of its fields as canonical JSON (keys
    sorted, runs of white space as one space, so re-wrapping a paragraph changes nothing),
    first HASH_LENGTH hex digits."""
    canonical = json.dumps(_squeezed(dict(fields)), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def _squeezed(value: Any) -> Any:
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, list):
        return [_squeezed(v) for v in value]
    if isinstance(value, dict):
        return {k: _squeezed(v) for k, v in value.items()}
    return value


M = TypeVar("M", bound=BaseModel)


def translated(model: M, text: Mapping[Key, Mapping[str, Any]]) -> M:
    """`model` with the text of each item replaced by `text[key]` where given (fields as in
    `Entry.given`; options by value). Everything else, ids and numbers first, stays as it is;
    the result is validated again, so a translated document keeps every cap of the English."""
    kind = kind_of_model(model)
    data = model.model_dump(by_alias=True)
    for key, _group, node in _nodes(kind, data):
        for name, value in text.get(key, {}).items():
            if name == "options":
                for option in node.get("options", []):
                    option["label"] = value.get(option["value"], option["label"])
            elif name in node:
                node[name] = value
    return type(model).model_validate(data)
