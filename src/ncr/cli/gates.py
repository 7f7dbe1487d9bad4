"""What `ncr assess` was asked for, and the gates (`--strict`, `--fail-under`) a result must pass."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ncr.engine import Assessment
from ncr.outputs.display import number
from ncr.outputs.interface_text import _
from ncr.problems import Problem


@dataclass(frozen=True)
class AssessOptions:
    files: Sequence[Path]
    output: Path | None = None
    fmt: str | None = None
    benchmark: str | None = None
    strict: bool = False
    fail_under: float | None = None
    jobs: int | None = None
    force: bool = False
    paths: Sequence[Path] = ()
    templates: Path | None = None
    profile: Path | None = None
    lang: str = "en"


def gate_problems(
    result: Assessment, strict_errors: list[Problem], fail_under: float | None
) -> list[str]:
    """Why this result fails a gate (`--strict`, `--fail-under`), one line each."""
    reasons = []
    if strict_errors:
        reasons.append(_("%(count)s missing answer(s) (--strict)") % {"count": len(strict_errors)})
    score = result.overall.score
    if fail_under is not None and (score is None or score < fail_under):
        reasons.append(
            _("overall score %(score)s is under %(limit)s (--fail-under)")
            % {"score": number(score), "limit": f"{fail_under:g}"}
        )
    return reasons
