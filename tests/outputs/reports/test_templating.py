"""The report filters: scores, deltas, percentages, dates, links and Markdown escaping."""

from __future__ import annotations

import datetime as dt
import re

import jinja2
import pytest

from conftest import REPO
from ncr.outputs.display import number, percent
from ncr.outputs.reports.templating import FILTERS, environment, long_date, md_escape, web_url


@pytest.mark.parametrize(
    ("value", "shown"),
    [(82.73148, "82.7"), (0.0, "0.0"), (100.0, "100.0"), (None, "—"), (-0.04, "-0.0")],
)
def test_scores_are_shown_with_one_decimal(value: float | None, shown: str) -> None:
    assert number(value) == shown


def test_filters_for_deltas_percentages_and_dates() -> None:
    assert number(22.73, signed=True) == "+22.7"
    assert number(-5.0, signed=True) == "-5.0"
    assert percent(0.857) == "85%" and percent(None) == "—"
    assert percent(0.995) == "99%" and percent(0.29) == "29%" and percent(1.0) == "100%"
    assert long_date(dt.date(2026, 3, 4)) == "4 March 2026"


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,x",
        "ftp://x",
        "http://a b",
        "https://x\n",
        "",
    ],
)
def test_only_plain_web_addresses_may_become_links(url: str) -> None:
    assert web_url(url) is None


def test_web_addresses_stay_as_given() -> None:
    assert web_url("https://example.org/a?b=1&c=2") == "https://example.org/a?b=1&c=2"
    assert web_url("HTTP://EXAMPLE.ORG") == "HTTP://EXAMPLE.ORG"


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("<img src=x>", r"\<img src=x\>"),
        ("a | b", r"a \| b"),
        ("**bold** _it_ `code`", r"\*\*bold\*\* \_it\_ \`code\`"),
        ("[link](http://x)", r"\[link\](http://x)"),
        ("# heading", r"\# heading"),
        ("- item", r"\- item"),
        ("1. item", r"1\. item"),
        ("two\nlines\n\n# here", "two lines # here"),  # mid-line, a # opens nothing
        ("-5.0", "-5.0"),
        ("R&D", r"R\&D"),
    ],
)
def test_markdown_values_are_literal_text_on_one_line(text: str, escaped: str) -> None:
    assert md_escape(text) == escaped


def test_a_sentence_in_a_right_to_left_report_turns_its_arrows_and_isolates_its_numbers() -> None:
    from ncr.outputs.reports.templating import in_direction

    line = "Overall 62.0 → 50.0 (-12.0)"
    assert in_direction(line, "ltr") == line
    assert in_direction(line, "rtl") == (
        "Overall \u206662.0\u2069 ← \u206650.0\u2069 (\u2066-12.0\u2069)"
    )


def test_every_filter_and_name_a_template_can_use_is_in_the_documentation() -> None:
    # A reviewer editing a copied template reads docs/documents.md for what they may write; a filter
    # or name added to the environment or the context without a line there would be unknown to them.
    section = (REPO / "docs" / "documents.md").read_text(encoding="utf-8")
    section = section[section.index("#### What a template can use") :]
    section = re.split(r"\n#{1,4} ", section[5:])[0]  # up to the next heading
    documented = set(re.findall(r"^\| `([a-z_]+)`(?:, `([a-z_]+)`)? \|", section, re.MULTILINE))
    names = {name for pair in documented for name in pair if name}
    env = environment("html")
    context = {
        "profile",
        "logo_src",
        "lang",
        "direction",
    }  # added by template_files.render_template
    own_globals = (
        set(env.globals)
        - set(jinja2.Environment().globals)
        - {"_", "gettext", "ngettext", "pgettext", "npgettext"}
    )
    assert set(FILTERS) | own_globals | context == names
