"""`ncr validate`: a missing file or broken YAML is one located line and exit 2, never a traceback."""

from __future__ import annotations

import pytest

from conftest import FIXTURES, RESPONSES, RunNcr


def test_a_missing_file_is_an_input_error_not_a_traceback(run_ncr: RunNcr) -> None:
    result = run_ncr("validate", RESPONSES / "no-such-file.yaml")
    assert result.exit_code == 2
    assert "cannot read the file" in result.stderr
    assert "Traceback" not in result.output


BAD_YAML = {
    "alias.yaml": "1:11: anchors and aliases (&/*) are not allowed in ncr files",
    "bad-date.yaml": "2:7: '2026-02-30' is not a valid date",
    "bad-utf8.yaml": "4:14: the file is not valid UTF-8 (byte 0xff): save it as UTF-8",
    "billion-laughs.yaml": "2:7: anchors and aliases (&/*) are not allowed in ncr files",
    "duplicate-keys.yaml": "8:3: duplicate key 'L1.1' (first defined at line 3)",
    "empty.yaml": "1:1: the file is empty",
    "local-tag.yaml": "2:10: tag '!country' is not allowed: ncr files hold plain data only",
    "merge-key.yaml": "4:5: merge keys (<<) are not allowed in ncr files: write the keys out in full",
    "python-tag.yaml": "2:7: tag '!!python/object/apply:os.system' is not allowed",
    "tabs.yaml": "4:1: tab character in indentation: use spaces",
    "top-level-list.yaml": "1:1: expected a mapping at the top level, found a list",
    "two-documents.yaml": "2:1: a second YAML document starts here: use one per file",
    "unclosed-quote.yaml": "1:8: this quoted text is never closed",
}


@pytest.mark.parametrize("name", sorted(BAD_YAML))
def test_bad_yaml_is_one_located_line_and_exit_2(run_ncr: RunNcr, name: str) -> None:
    file = FIXTURES / "yaml" / name
    result = run_ncr("validate", file)
    assert result.exit_code == 2
    assert f"{file}:{BAD_YAML[name]}" in result.stderr
    assert result.stderr.startswith(f"{file}:")
    assert "Traceback" not in result.output
