"""The reviewers' prose as blocks a template can lay out: paragraphs and "- " bullet lists only.

Findings are untrusted text (DESIGN §9): no markup survives, only the shape a reviewer typed. A
blank line ends a paragraph; a line starting with "- " starts a bullet, and the lines after it
belong to that bullet until a blank line or the next bullet.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Block:
    kind: str  # "p" or "ul"
    text: str = ""
    items: list[str] = field(default_factory=list)


def blocks(text: str | None) -> list[Block]:
    found: list[Block] = []
    current: Block | None = None
    for raw in (text or "").splitlines():
        line = raw.strip()
        if not line:
            current = None
        elif line.startswith("- "):
            if current is None or current.kind != "ul":
                current = Block("ul")
                found.append(current)
            current.items.append(line[2:].strip())
        elif current is None:
            current = Block("p", line)
            found.append(current)
        elif current.kind == "ul":
            current.items[-1] += " " + line
        else:
            current.text += " " + line
    return found
