"""Characters that must never reach a terminal or a report, and values spelled as YAML spells them.

Control characters (C0 but tab and newline, DEL, C1) can clear a screen or fake a line of output;
bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069) make text read in another order
than it is stored ("Trojan source"). A document value holding one is refused; a file name, which ncr
does not choose, is shown with them made visible as ⟨U+202E⟩.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

UNSAFE_CHAR: Final = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_NAMES: Final = {0x1B: "ESC", 0x00: "NUL", 0x07: "BEL", 0x08: "backspace", 0x0D: "carriage return"}


def unsafe_char_problem(text: str) -> str | None:
    """Why `text` cannot be shown as it is, or None."""
    found = UNSAFE_CHAR.search(text)
    if found is None:
        return None
    code = ord(found.group())
    name = _NAMES.get(code)
    kind = "a bidirectional override" if code >= 0x202A else "a control character"
    shown = f"U+{code:04X}" + (f" ({name})" if name else "")
    return f"this value holds {kind}, {shown}: remove it (escapes such as \\e or \\u202e included)"


def visible(text: str) -> str:
    """`text` with every unsafe character replaced by a visible ⟨U+XXXX⟩."""
    return UNSAFE_CHAR.sub(lambda m: f"⟨U+{ord(m.group()):04X}⟩", text)


_NUMBER: Final = re.compile(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?")


def quoted_number_hint(value: object) -> str:
    """ " (remove the quotes…)" when `value` is text that reads as a number, else ""."""
    if isinstance(value, str) and _NUMBER.fullmatch(value.strip()):
        return " (remove the quotes: a number is written without them)"
    return ""


def spelled(value: object, limit: int = 40) -> str:
    """A value as it would be written in YAML: `true`, not Python's `True`; text quoted and clipped."""
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        clipped = value if len(value) <= limit else value[: limit - 3] + "..."
        return "'" + visible(clipped).replace("'", "''") + "'"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__
