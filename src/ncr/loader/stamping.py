"""`ncr translation stamp`: write each entry's `english_hash` into a translation file by editing its
text, so that the translator's comments, quoting and layout stay exactly as they were.

The hash goes in as the entry's first key: a line of its own in a block mapping, or first inside
the braces of a flow mapping (`1: {english_hash: 3f2a9c1e, name: Démarrage}`). The result is read
again before anything is written: it must hold the same data plus the new hashes, or nothing is
stamped.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

from ncr.documents.translation import HASH_FIELD, Translation, english_entries
from ncr.loader.translation_checks import entry_path
from ncr.loader.yaml_reader import YamlPath, parse_yaml
from ncr.problems import InputError, Problem

BOM = "\ufeff"


def hashes_to_stamp(tr: Translation, english: BaseModel) -> dict[YamlPath, str]:
    """The hash of each entry that has none yet and translates an item the English has."""
    entries = english_entries(english)
    return {
        entry_path(key): entries[key].hash
        for key, entry in tr.entries().items()
        if key in entries and entry.english_hash is None
    }


def stamped(text: str, file: str, hashes: Mapping[YamlPath, str]) -> str:
    """`text` with `english_hash: <hash>` added to the entry at each path of `hashes`."""
    bom = BOM if text.startswith(BOM) else ""
    body = text.removeprefix(BOM)
    doc = parse_yaml(body, file)
    newline = "\r\n" if "\r\n" in body else "\n"
    starts = _line_starts(body)
    edits = []
    for path, digest in hashes.items():
        line, column = doc.positions[path][1]
        offset = starts[line - 1] + column - 1
        if body[offset] == "{":  # a flow mapping: first inside the braces
            empty = body[offset + 1 :].lstrip().startswith("}")
            edits.append((offset + 1, f'{HASH_FIELD}: "{digest}"' + ("" if empty else ", ")))
        else:  # a block mapping starts at its first key: a line above it, at its indentation
            edits.append((offset, f'{HASH_FIELD}: "{digest}"{newline}' + " " * (column - 1)))
    for offset, insertion in sorted(edits, reverse=True):  # from the end: offsets stay true
        body = body[:offset] + insertion + body[offset:]
    _verify(body, file, doc.data, hashes)
    return bom + body


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(i + 1 for i, char in enumerate(text) if char == "\n")
    return starts


def _verify(text: str, file: str, before: dict[str, Any], hashes: Mapping[YamlPath, str]) -> None:
    """The stamped text must read as the old data plus exactly the new hashes."""
    expected = _with_hashes(before, hashes)
    try:
        same = parse_yaml(text, file).data == expected
    except InputError:
        same = False
    if not same:
        message = "this file's layout could not be stamped safely: add the hashes by hand"
        raise InputError([Problem(file, 1, 1, message)])


def _with_hashes(data: dict[str, Any], hashes: Mapping[YamlPath, str]) -> dict[str, Any]:
    result = copy.deepcopy(data)
    for path, digest in hashes.items():
        node: Any = result
        for part in path:
            node = node[part]
        node[HASH_FIELD] = digest
    return result
