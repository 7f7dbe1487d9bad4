"""The one YAML writer: text that ncr's YAML 1.2 reader reads back exactly as it was written.

Used for every YAML file ncr writes (`ncr init`, `ncr benchmark build`).
"""

from __future__ import annotations

from typing import Any

import yaml

WIDTH = 99
# PyYAML dumps by YAML 1.1, ncr reads by YAML 1.2: a few plain scalars that 1.1 keeps as text are
# numbers in 1.2 (`1e5`, `0o17`). Every one of them starts with one of these, so such text is quoted.
_NUMBER_START = frozenset("-+.0123456789")


class _Dumper(yaml.SafeDumper):
    """Block style, list items indented under their key, text that reads back as text."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)

    def choose_scalar_style(self) -> str:
        # Double quotes, as in the questionnaires and the comments: `"yes"`, not `'yes'`.
        style: str = super().choose_scalar_style()
        return '"' if style == "'" else style


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = None
    if "\n" in value and value == value.strip():
        # A literal block reads best; with whitespace at either end it would need `|+` or an
        # indentation hint, and then the blank line after the entry would join the text.
        style = "|"  # PyYAML falls back to quotes when a literal block cannot hold the text
    elif value[:1] in _NUMBER_START:
        style = '"'
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _represent_none(dumper: yaml.SafeDumper, value: None) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:null", "")  # `L1.1:` reads "not answered yet"


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(type(None), _represent_none)


def dump(data: Any) -> str:
    """YAML text of plain data, safe for any text inside."""
    text: str = yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=WIDTH,
    )
    return text
