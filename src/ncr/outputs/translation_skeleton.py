"""`ncr translation new`: the start of a translation file, every entry present with its English as a
comment, so that the translator uncomments an entry and writes over the English, in the order of
the English document. An entry still commented out is simply missing: shown in English."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ncr.documents.translation import DOCUMENT, GROUPS, EnglishEntry, Key
from ncr.outputs import yaml_writer

STATUS = "Working translation, to be reviewed before any official use (write this in the language)."


def skeleton(
    kind: str, about: Mapping[str, str], entries: Mapping[Key, EnglishEntry], command: str
) -> str:
    """The text of a new translation file of a `kind` document (`about`: the header's of,
    version, language); `command` is how it was made, for its opening comment."""
    header = {**about, "status": STATUS}
    lines = [
        f"# {about['language']} translation of {kind} {about['of']}, started by:",
        f"#   {command}",
        "# Each entry holds its English as a comment: uncomment it (remove the `# ` of its lines)",
        "# and write the translation over the English; ids and option values stay as they are.",
        "# Entries left commented are shown in English. Check: ncr validate FILE; once checked:",
        "# ncr translation stamp FILE",
        yaml_writer.dump({"translation": header}).rstrip("\n"),
    ]
    for group in GROUPS[kind]:
        lines.append(f"{group}:")
        for key, entry in entries.items():
            if key[0] == group:
                lines.extend(_commented(key, entry.fields))
    return "\n".join(lines) + "\n"


def _commented(key: Key, fields: dict[str, Any]) -> list[str]:
    data = fields if key[0] == DOCUMENT else {key[1]: fields}
    return [f"  # {line}" for line in yaml_writer.dump(data).rstrip("\n").splitlines()]
