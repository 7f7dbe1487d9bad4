"""A translation file against its English document: which entries are current, stale, missing or
wrong, each finding located in the translation file, and the text that may be shown.

Errors are what cannot be right whatever the English says next (an id or option value the English
does not have, a list of references of another length, a field the item does not take); warnings
are what falls back to English (stale, missing or incomplete entries). The text of a faulty part is
never shown: the English is.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Final

from pydantic import BaseModel

from ncr.documents.translation import (
    DOCUMENT,
    FIELDS,
    GROUPS,
    HASH_FIELD,
    EnglishEntry,
    Entry,
    Key,
    Translation,
    english_entries,
    kind_of_model,
)
from ncr.loader.cross_checks import Finding, did_you_mean

ITEM_WORDS: Final = {
    "levels": "level",
    "pillars": "pillar",
    "indicators": "indicator",
    "rules": "rule",
    "sections": "section",
    "questions": "question",
}
STAMP_HINT: Final = "ncr translation stamp"


@dataclass
class Coverage:
    """How much of a document a translation covers: the entries, by state."""

    language: str
    total: int = 0
    current: int = 0
    stale: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    incomplete: list[str] = field(default_factory=list)
    unstamped: int = 0

    @property
    def in_english(self) -> int:
        """Entries shown wholly or partly in English."""
        return len(self.stale) + len(self.missing) + len(self.incomplete)

    def reasons(self) -> str:
        """ "3 stale, 5 missing": why entries are in English (empty when none are)."""
        counts = [
            (len(self.stale), "stale"),
            (len(self.missing), "missing"),
            (len(self.incomplete), "incomplete"),
        ]
        return ", ".join(f"{n} {word}" for n, word in counts if n)

    def summary(self) -> str:
        """ "fr 198/206 (3 stale, 5 missing)"."""
        reasons = self.reasons()
        return f"{self.language} {self.current}/{self.total}" + (f" ({reasons})" if reasons else "")


@dataclass(frozen=True)
class Checked:
    findings: list[Finding]
    coverage: Coverage
    # the translated text that may be shown, by entry: current entries, faulty parts left out
    text: dict[Key, dict[str, Any]]


def entry_path(key: Key) -> tuple[str, ...]:
    return (DOCUMENT,) if key[0] == DOCUMENT else key


def entry_name(key: Key, model: BaseModel) -> str:
    """How a message names an entry: "question L1.1", "the questionnaire's own title"."""
    if key[0] == DOCUMENT:
        return f"the {kind_of_model(model)}'s own text (`document`)"
    return f"{ITEM_WORDS[key[0]]} {key[1]}"


def check_translation(tr: Translation, english: BaseModel, language: str | None) -> Checked:
    """Every finding about `tr` as a translation of `english`; `language` is the one its file
    name gives (None when the name gives none)."""
    entries = english_entries(english)
    findings = list(_header(tr, english, language))
    findings += _groups(tr, english)
    coverage = Coverage(tr.translation.language, total=len(entries))
    text: dict[Key, dict[str, Any]] = {}
    given = tr.entries()
    for key in given:
        if key not in entries and key[0] in GROUPS[kind_of_model(english)]:
            findings.append(_unknown(key, entries, english))
    for key, en in entries.items():
        usable = _against(key, given.get(key), en, english, coverage, findings)
        if usable is not None:
            text[key] = usable
    if coverage.unstamped:
        findings.append(_unstamped(coverage))
    return Checked(findings, coverage, text)


def _against(
    key: Key,
    found: Entry | None,
    en: EnglishEntry,
    english: BaseModel,
    coverage: Coverage,
    findings: list[Finding],
) -> dict[str, Any] | None:
    """One English entry against its translation: counted in `coverage`, its findings added;
    the text that may be shown, or None when it is missing or stale."""
    name = entry_name(key, english)
    if found is None:
        coverage.missing.append(key[1])
        message = f"{name} is not translated: it is shown in English"
        findings.append(Finding(entry_path(key)[:1], message, "warning", at_key=True))
        return None
    coverage.unstamped += found.english_hash is None
    if found.english_hash is not None and found.english_hash != en.hash:
        coverage.stale.append(key[1])
        findings.append(_stale(key, found.english_hash, en, english))
        return None
    usable, entry_findings = _entry(key, found, en, english)
    findings += entry_findings
    lacking = [part for part in en.fields if part not in usable] + _lacking_options(usable, en)
    if lacking:
        coverage.incomplete.append(key[1])
        message = f"{name} has no translation of {', '.join(lacking)}: the English is shown for it"
        findings.append(Finding(entry_path(key), message, "warning", at_key=True))
    else:
        coverage.current += 1
    return usable


def _header(tr: Translation, english: BaseModel, language: str | None) -> Iterator[Finding]:
    about, kind = tr.translation, kind_of_model(english)
    ident = getattr(english, "id", "")
    if about.of != ident:
        message = f"this translates '{about.of}', but the English document beside it is '{ident}'"
        yield Finding(("translation", "of"), message)
    if language is not None and about.language != language:
        message = (
            f"the file name says '{language}' but this says '{about.language}': "
            "name the file after its language, e.g. framework.fr.yaml"
        )
        yield Finding(("translation", "language"), message)
    version = getattr(english, "version", None) if kind == "framework" else None
    if about.version is not None and kind != "framework":
        message = "only a framework's translation names a version: remove it"
        yield Finding(("translation", "version"), message, "warning")
    elif about.version is not None and about.version != version:
        message = (
            f"this translates release {about.version}, the framework beside it is {version}: "
            "check the stale entries, then change the version"
        )
        yield Finding(("translation", "version"), message, "warning")


def _groups(tr: Translation, english: BaseModel) -> Iterator[Finding]:
    kind = kind_of_model(english)
    allowed = GROUPS[kind]
    for group in GROUPS["framework"] + GROUPS["questionnaire"]:
        if group in allowed or group == DOCUMENT:
            continue
        if getattr(tr, group):
            message = f"a {kind} translation has no `{group}`; it takes {', '.join(allowed)}"
            yield Finding((group,), message, at_key=True)


def _unknown(key: Key, entries: dict[Key, EnglishEntry], english: BaseModel) -> Finding:
    known = [ident for group, ident in entries if group == key[0]]
    hint = did_you_mean(key[1], known)
    ident = getattr(english, "id", "")
    message = (
        f"no {ITEM_WORDS[key[0]]} '{key[1]}' in {kind_of_model(english)} {ident}{hint}: "
        "correct the id or remove the entry"
    )
    return Finding(key, message, at_key=True)


def _stale(key: Key, was: str, en: EnglishEntry, english: BaseModel) -> Finding:
    message = (
        f"{entry_name(key, english)} is stale: its English text changed since it was translated "
        f"({HASH_FIELD} {was}, the English is now {en.hash}), so it is shown in English. Update "
        f"the translation, then delete this line and run `{STAMP_HINT} FILE`"
    )
    return Finding((*entry_path(key), HASH_FIELD), message, "warning")


def _entry(
    key: Key, entry: Entry, en: EnglishEntry, english: BaseModel
) -> tuple[dict[str, Any], list[Finding]]:
    """The usable fields of a current entry, and the findings about the others."""
    path, name = entry_path(key), entry_name(key, english)
    usable: dict[str, Any] = {}
    findings: list[Finding] = []
    for field_name, value in entry.given().items():
        where = (*path, field_name)
        if field_name not in FIELDS[en.group]:
            takes = ", ".join(FIELDS[en.group])
            message = f"{name} takes {takes}, not `{field_name}`"
            findings.append(Finding(where, message, at_key=True))
        elif field_name not in en.fields:
            message = f"the English {name} has no {field_name}: this text is never shown; remove it"
            findings.append(Finding(where, message, "warning", at_key=True))
        elif field_name == "references" and len(value) != len(en.fields["references"]):
            count = len(en.fields["references"])
            message = (
                f"the English {name} has {count} references, this has {len(value)}: give one "
                "translation for each, in the same order"
            )
            findings.append(Finding(where, message))
        elif field_name == "options":
            usable["options"] = _options(where, value, en.fields["options"], name, findings)
        else:
            usable[field_name] = value
    return usable, findings


def _options(
    where: tuple[str, ...],
    given: dict[str, str],
    english: dict[str, str],
    name: str,
    findings: list[Finding],
) -> dict[str, str]:
    for value in given:
        if value not in english:
            hint = did_you_mean(value, english) or f"; its values: {', '.join(english)}"
            message = f"{name} has no option value '{value}'{hint} (values are never translated)"
            findings.append(Finding((*where, value), message, at_key=True))
    return {value: label for value, label in given.items() if value in english}


def _lacking_options(usable: dict[str, Any], en: EnglishEntry) -> list[str]:
    if "options" not in usable:
        return []
    return [f"option {v}" for v in en.fields.get("options", {}) if v not in usable["options"]]


def _unstamped(coverage: Coverage) -> Finding:
    message = (
        f"{coverage.unstamped} of {coverage.total} entries carry no `{HASH_FIELD}`: once they are "
        f"checked, run `{STAMP_HINT} FILE` so that a later change of the English shows as stale"
    )
    return Finding(("translation",), message, "warning", at_key=True)
