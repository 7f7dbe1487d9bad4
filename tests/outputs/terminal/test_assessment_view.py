"""`ncr assess FILE` on screen: country, overall score and every pillar."""

from __future__ import annotations

from conftest import LIB, RESPONSES, RunNcr

MINI_A = RESPONSES / "mini-a.yaml"


def test_text_shows_country_score_and_pillars(run_ncr: RunNcr) -> None:
    result = run_ncr("assess", MINI_A, "--path", LIB)
    assert result.exit_code == 0
    assert "Aurelia (XA) — review 2026" in result.stdout
    assert "Overall 82.7 / 100" in result.stdout  # (77.22×2 + 93.75) / 3 = 82.73
    for pillar in ("Law", "Technical"):
        assert pillar in result.stdout
