"""Assessment reports as a reader gets them in HTML and Markdown, with hostile text kept inert."""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser

from assessing import assess_example, assess_stakes
from ncr.engine import Assessment
from ncr.outputs.reports import assessment_report

IMG_NOTE = '<img src="file:///etc/passwd">'


class Attributes(HTMLParser):
    """Every tag and attribute of a document, to check what could load or link anything."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(tag, name, value or "") for name, value in attrs]


def test_the_html_report_is_one_self_contained_file(draft: Assessment) -> None:
    html = assessment_report.html(draft).decode()
    parsed = Attributes(html)
    assert {"link", "script", "img", "iframe", "object"}.isdisjoint(parsed.tags)
    assert not [a for a in parsed.attrs if a[1] in ("src", "srcset", "style", "action")]
    assert "url(" not in html and "@import" not in html
    assert "<svg" in html  # charts are inline


def test_links_in_the_html_are_internal_or_plain_web_addresses(draft: Assessment) -> None:
    hrefs = [value for _, name, value in Attributes(assessment_report.html(draft).decode()).attrs
             if name == "href"]  # fmt: skip
    assert hrefs
    assert all(h.startswith(("#", "https://")) for h in hrefs), hrefs
    assert "https://example.org/code?a=1&b=2" in hrefs  # the one evidence URL that is a web link


def test_hostile_text_is_shown_escaped_in_the_html(draft: Assessment) -> None:
    html = assessment_report.html(draft).decode()
    assert "&lt;img src=&#34;file:///etc/passwd&#34;&gt;" in html
    assert "&lt;script&gt;alert(&#39;evidence&#39;)&lt;/script&gt;" in html
    assert "<img" not in html and "<script" not in html
    # A URL that is not a web address is text, never a link.
    assert '<span class="url">javascript:alert(1)</span>' in html
    assert '<meta name="author" content="&lt;b&gt;Eve&lt;/b&gt; | *Mallory*">' in html


def test_the_html_report_has_the_content_of_the_pdf(final: Assessment) -> None:
    html = assessment_report.html(final).decode()
    assert "<title>National Cyber Review of Aurelia, 2026</title>" in html
    for text in ("Aurelia", "82.7", "Law", "Technical", "Forensics", "Strength", "Not applicable"):
        assert text in html
    assert 'class="watermark"' not in html  # a final report carries no DRAFT mark


def test_a_draft_html_report_carries_its_marks(draft: Assessment) -> None:
    html = assessment_report.html(draft).decode()
    assert '<div class="watermark" aria-hidden="true">DRAFT</div>' in html
    assert '<div class="run run-mark-top marking">RESTRICTED</div>' in html


def test_html_and_markdown_reports_never_load_weasyprint() -> None:
    # WeasyPrint takes half a second to import; only a PDF should pay for it.
    code = "import sys, ncr.outputs.reports.assessment_report, ncr.outputs.reports.assessment_report; print('weasyprint' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_markdown_has_the_pillar_table(final: Assessment) -> None:
    md = assessment_report.md(final).decode()
    assert "| Pillar | Score | Level | Ref. | Delta | Status | Coverage |" in md
    assert "| Law (law) | 77.2 | 4 Strategic | 70.0 | +7.2 | Strength | 100% |" in md
    assert "| Statistics (tech.stats) | — | — | 60.0 | — | Not applicable | — |" in md
    assert "**Score 82.7**" in md


def test_markdown_of_a_draft_lists_weaknesses_gaps_and_recommendations(draft: Assessment) -> None:
    md = assessment_report.md(draft).decode()
    assert md.startswith("**RESTRICTED**\n\n**DRAFT — not for circulation**\n\n# ")
    assert "- **Critical gap:** No national CSIRT.\n" in md  # the flag, never the rule id
    assert (
        "1. **Critical gap:** Create a national CSIRT with a legal mandate. — lead: not yet" in md
    )
    assert (
        "| Criminalise illegal access and interference. | Offences | not yet assigned | — | 28.1 |"
        in md
    )
    assert "- **L4** How many judges are trained? (Procedural powers)" in md  # missing answer


def test_hostile_text_stays_literal_in_markdown(draft: Assessment) -> None:
    md = assessment_report.md(draft).decode()
    assert not re.search(r"(?<!\\)<(img|script|link|b>)", md)  # every < is backslash-escaped
    assert r'\<img src="file:///etc/passwd"\>' in md
    # The note's lines are joined, so nothing in it can open a heading or a list.
    assert r"Note: \# Not a heading - not a list \| not a cell \[not\](a-link) \*\*not bold" in md


def test_dravonia_2026_promises_no_gain_the_caps_do_not_allow() -> None:
    # Dravonia 2026 is capped at 59.9 overall by powers-outpace-safeguards (uncapped 72.2): raising
    # oversight changes nothing while the safeguards stay weak, whatever its 1.0 nominal points;
    # the roadmap says so, naming the rule by its description.
    result = assess_example("xd-2026")
    text = assessment_report.md(result).decode()
    roadmap = text[text.index("## 8 Roadmap") :]
    oversight = roadmap[roadmap.index("| Give an independent body oversight of the use of") :]
    assert "| 0.0 of 1.0 (1) |" in oversight[:400]
    assert "1. While “Strong intrusive powers with weak safeguards" in text
    # the safeguards themselves lift the cap: 14.6 points, far more than their share
    safeguards = roadmap[roadmap.index("| Make every intrusive power subject to prior judicial") :]
    assert "| Conditions and safeguards on investigative powers |" in safeguards[:400]
    assert "| 14.6 |" in safeguards[:400]
    # and the annex shows where the 59.9 comes from, down to the overall cap's -12.3
    caps = text[text.index("**Caps on the overall score:**") :].split("\n", 1)[0]
    assert "however capable its police" in caps and caps.endswith("-12.3.")


def test_stakes_report_shows_contributions_per_pillar() -> None:
    text = assessment_report.md(assess_stakes("capped")).decode()
    # law: 20 from the answers, b-cap -7.5 → 12.5; tech: 25, tech-cap -5 → 20; lift -2.5 → 30
    assert "- **Law: 12.5 points.** Offences 7.5; Powers 12.5; cap: " in text
    assert "- **Technical: 20.0 points.** CSIRT 25.0; cap: " in text
    assert "overall score is at most 30 -2.5." in text


# -- right to left (DESIGN §12) ----------------------------------------------------------------


def test_the_html_says_its_language_and_direction(final: Assessment, arabic: Assessment) -> None:
    from ncr.outputs.reports.report_look import PLAIN

    english = assessment_report.html(final).decode()
    assert '<html lang="en" dir="ltr">' in english
    assert "@top-right { content: element(run-title)" not in english
    assert "report-rtl.css" not in english  # not used, so not in the provenance
    rtl = assessment_report.html(arabic, PLAIN.in_language("ar")).decode()
    assert '<html lang="ar" dir="rtl">' in rtl
    assert "@top-right { content: element(run-title); }" in rtl  # the running title moves right
    assert "بورياليس" in rtl and "built-in:templates/report-rtl.css" in rtl
    # A difference of -6.1 is isolated left to right, so Arabic text never shows "6.1-".
    legal = next(p for p in arabic.pillars if p.id == "legal")
    assert legal.delta is not None and legal.delta < 0
    assert f"\u2066{legal.delta:+.1f}\u2069" in rtl
