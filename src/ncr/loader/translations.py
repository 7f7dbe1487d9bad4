"""A document in the reader's language: the English model with the text of its translation file
(DESIGN §12), and one warning that counts what is still shown in English.

The translated model is a new model of the same kind, validated again: ids, option values, numbers
and conditions come from the English, so a review scores the same in every language. A translation
that cannot be read (bad YAML, a wrong key) is an error; a faulty entry in a readable one (an id
the English no longer has) is left out, shown in English, and counted, because the English document
may well have moved on since the translation was made: `ncr validate FILE` lists each.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ncr.documents.languages import SOURCE_LANGUAGE
from ncr.documents.translation import Translation, kind_of_model, translated
from ncr.loader.document_reading import Loaded, TranslationFile, read_document, to_problem
from ncr.loader.search_path import translation_language, translation_path
from ncr.loader.translation_checks import Checked, check_translation
from ncr.problems import InputError, Problem, errors_in
from ncr.shipped import display_path

M = TypeVar("M", bound=BaseModel)


def read_translation(path: Path, cache: Path | None = None) -> Loaded[Translation]:
    return read_document(path, Translation, cache)


def checked_against(tr: Loaded[Translation], english: BaseModel) -> tuple[Checked, list[Problem]]:
    """What `tr` gives for `english`, and every problem of the file (reading and checks)."""
    checked = check_translation(tr.model, english, translation_language(tr.path))
    problems = [*tr.problems, *(to_problem(tr.doc, f) for f in checked.findings)]
    return checked, problems


def translated_document(
    english: Loaded[M], language: str, cache: Path | None, read: set[Path]
) -> Loaded[M]:
    """`english` shown in `language`, through the translation file beside it (added to `read`:
    nothing is ever written over it); in English, with one warning, where there is none."""
    if language == SOURCE_LANGUAGE:
        return english
    kind, ident = kind_of_model(english.model), getattr(english.model, "id", "")
    path = translation_path(english.path, language)
    if not path.is_file():
        message = (
            f"{kind} {ident} has no '{language}' translation ({path.name} beside it): it is "
            f"shown in English; start one with: ncr translation new {display_path(english.path)} "
            f"--lang {language}"
        )
        warning = english.doc.problem((), message, "warning")
        return replace(english, language_warning=warning)
    read.add(path.resolve())
    tr = read_translation(path, cache)
    if errors_in(tr.problems):  # a salvaged file: its text cannot be trusted
        raise InputError(tr.problems)
    checked, problems = checked_against(tr, english.model)
    try:
        model = translated(english.model, checked.text)
    except ValidationError:  # the caps of each field are those of the English: should not happen
        message = f"this translation does not fit {kind} {ident}: run ncr validate on it"
        raise InputError([tr.doc.problem(("translation",), message, at_key=True)]) from None
    return replace(
        english,
        model=model,
        translation=TranslationFile(path, tr.sha256, language),
        language_warning=_warning(tr, checked, problems, kind, ident),
    )


def _warning(
    tr: Loaded[Translation], checked: Checked, problems: list[Problem], kind: str, ident: str
) -> Problem | None:
    coverage, errors = checked.coverage, len(errors_in(problems))
    if not coverage.in_english and not errors:
        return None
    counted = f"{coverage.in_english} of {coverage.total} items shown in English"
    reasons = coverage.reasons()
    if reasons:
        counted += f" ({reasons})"
    if errors:
        counted += f"; {errors} faulty {'entry' if errors == 1 else 'entries'} left out"
    message = f"{kind} {ident}: {counted} — see ncr validate {display_path(tr.path)}"
    return tr.doc.problem(("translation",), message, "warning", at_key=True)


def translation_summary(
    english: Loaded[Any], languages: tuple[str, ...], cache: Path | None = None
) -> list[str]:
    """For `ncr validate` of an English document: "fr 206/206", "es 198/206 (8 stale)" for each
    translation beside it; one that cannot be read says so."""
    found = []
    for language in languages:
        path = translation_path(english.path, language)
        if not path.is_file():
            continue
        try:
            tr = read_translation(path, cache)
        except InputError as err:
            found.append(f"{language} unreadable ({len(err.problems)} problems)")
            continue
        checked, problems = checked_against(tr, english.model)
        errors = len(errors_in(problems))
        faults = f", {errors} error{'s' if errors > 1 else ''}" if errors else ""
        found.append(checked.coverage.summary() + faults)
    return found
