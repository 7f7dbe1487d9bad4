"""The layout rules of DESIGN §9, checked on rendered pages as a reader gets them: the PDFs read
back with poppler (pdftotext -layout per page, word boxes from pdftotext -bbox), the HTML in
headless Chromium at a phone's 390 px, the Markdown parsed as CommonMark.

The reports are written once per module by the real `ncr` command, run from the repository as a
reviewer would: Borealis 2026 (key messages, findings, roadmap, follow-up of 2023), the Borealis
diff 2023 → 2026, and the overview of the six shipped reviews.
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt

from clients import client
from conftest import EXAMPLES, REPO
from ncr.engine import Assessment

NCR = str(Path(sys.executable).with_name("ncr"))
XB = EXAMPLES / "xb-2026.yaml"
XB_FINDINGS = yaml.safe_load(XB.read_text(encoding="utf-8"))["findings"]
REPORTS = {
    "xb": ["assess", "examples/xb-2026.yaml"],
    "diff": ["diff", "examples/xb-2023.yaml", "examples/xb-2026.yaml"],
    "overview": ["compare", *(f"examples/{p.name}" for p in sorted(EXAMPLES.glob("*.yaml")))],
}
# The layout rules hold for the Arabic report too (tests/arabic.py), laid out right to left;
# rendered in process until the command line has --lang.
LAID_OUT = [*REPORTS, "xb-ar"]
# pdftotext -bbox: one <word> element per word with its box in points.
WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)
# An absolute path of some machine: /a/b/… not inside a URL (https://host/a/b).
WATERMARK = 40.0  # points: no text of a report is this tall but the DRAFT watermark
ABSOLUTE = re.compile(r"(?<![\w:/.])/(?:[\w.-]+/)+[\w.-]+")


def squeeze(text: str) -> str:
    """Text without whitespace: pdftotext breaks lines wherever the layout did."""
    return "".join(text.split())


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every report of REPORTS in every format, written by `ncr` run from the repository."""
    out = tmp_path_factory.mktemp("reports")
    for name, args in REPORTS.items():
        for fmt in ("pdf", "html", "md"):
            target = out / f"{name}.{fmt}"
            done = subprocess.run(
                [NCR, *args, "-o", str(target)],
                cwd=REPO,
                capture_output=True,
                text=True,
                check=False,
            )
            assert done.returncode == 0, done.stderr
    write_arabic(out)
    return out


def write_arabic(out: Path) -> None:
    from arabic import arabic_review
    from assessing import assess_file
    from ncr.outputs.reports import assessment_report, pdf_writer
    from ncr.outputs.reports.report_look import PLAIN

    result = assess_file(arabic_review(out))
    look = PLAIN.in_language("ar")
    (out / "xb-ar.pdf").write_bytes(pdf_writer.assessment(result, look))
    (out / "xb-ar.html").write_bytes(assessment_report.html(result, look))


@dataclass(frozen=True)
class Word:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


@dataclass(frozen=True)
class Pdf:
    pages: list[str]  # pdftotext -layout, one string a page: lines as printed
    text: list[str]  # pdftotext in reading order, each table cell's words together
    words: list[list[Word]]  # per page


def read_pdf(path: Path) -> Pdf:
    pdftotext = client("pdftotext")

    def run(*options: str) -> str:
        return subprocess.run(
            [pdftotext, *options, str(path), "-"], capture_output=True, text=True, check=True
        ).stdout

    layout, text = run("-layout"), run()
    boxes = run("-bbox")
    words = [
        [Word(float(a), float(b), float(c), float(d), t) for a, b, c, d, t in WORD.findall(page)]
        for page in boxes.split("<page ")[1:]
    ]
    count = len(words)
    return Pdf(layout.split("\f")[:count], text.split("\f")[:count], words)


@pytest.fixture(scope="module")
def pdfs(written: Path) -> dict[str, Pdf]:
    return {name: read_pdf(written / f"{name}.pdf") for name in LAID_OUT}


def body_lines(page: str) -> list[str]:
    """A page's lines without the running header and footer (the first and last lines)."""
    lines = [line.strip() for line in page.splitlines() if line.strip()]
    lines = [line for line in lines if line not in ("DRAFT", "RESTRICTED")]
    return lines[1:-1] if len(lines) > 2 else []


def page_of(pdf: Pdf, heading: str) -> int:
    """The page a chapter starts on: its heading starts the body, not a line in the contents."""
    for number, page in enumerate(pdf.pages):
        lines = body_lines(page)
        if lines and lines[0].startswith(heading):
            return number
    raise AssertionError(f"no page starts with {heading!r}")


# -- the assessment report: the reviewers' words where a reader looks for them ---------------


@pytest.mark.slow
def test_the_executive_summary_is_one_page_led_by_the_key_messages(pdfs: dict[str, Pdf]) -> None:
    pdf = pdfs["xb"]
    at = page_of(pdf, "1 Executive summary")
    summary = squeeze(pdf.text[at])
    key = summary.index(squeeze("Key messages"))
    for message in XB_FINDINGS["summary"]:
        assert key < summary.index(squeeze(message))
    assert squeeze("Top 5 actions") in summary
    assert squeeze("Lead: Prime Minister's Office · Short term (0–12 months)") in summary
    # a rule is told by its description; its id never reaches the prose
    assert "no-strategy-in-force" not in pdf.pages[at]
    # (under ncr-core 1.1 no cap binds Borealis 2026: the capped case is Dravonia's, in
    # tests/outputs/reports/test_assessment_report.py and test_review_context.py)
    assert page_of(pdf, "2 Context and method") == at + 1  # the summary holds on its page


@pytest.mark.slow
def test_the_teams_english_reads_as_written_in_an_arabic_report(tmp_path: Path) -> None:
    """Borealis's review team wrote in English; in the Arabic report its sentences are laid out
    right to left around them, and each full stop used to land at the start of its last line
    (".the Budapest Convention, which Borealis joined in 2025")."""
    target = tmp_path / "xb-ar.pdf"
    args = [NCR, "assess", "examples/xb-2026.yaml", "--lang", "ar", "-o", str(target)]
    done = subprocess.run(args, cwd=REPO, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    pdf = read_pdf(target)
    at = next(n for n, page in enumerate(pdf.pages) if "الرسائل الرئيسية" in page)
    summary = squeeze(pdf.text[at].replace("•", ""))
    for message in XB_FINDINGS["summary"]:
        assert squeeze(message) in summary, message
    assert ".the" not in summary


@pytest.mark.slow
def test_findings_lead_each_pillar_and_the_roadmap_names_lead_and_horizon(
    pdfs: dict[str, Pdf],
) -> None:
    pdf = pdfs["xb"]
    text = squeeze("".join(pdf.text))
    legal = squeeze(pdf.text[page_of(pdf, "3 Legal framework")])
    assert legal.index(squeeze("Findings of the review team")) < legal.index(squeeze("Scores"))
    assert squeeze("The 2024 Act makes every core offence") in legal
    roadmap = squeeze("".join(pdf.text[page_of(pdf, "8 Roadmap") :]))
    for horizon in ("Short term (0–12 months)", "Medium term (12–36 months)", "Long term"):
        assert squeeze(horizon) in roadmap
    for rec in XB_FINDINGS["recommendations"]:
        assert squeeze(rec["lead"]) in roadmap
    # every action shows its points at stake; a gain held back by a cap is Dravonia's case
    assert squeeze("Points") in roadmap
    assert squeeze("Where the score comes from") in text


@pytest.mark.slow
def test_progress_on_the_previous_review_shows_every_status(pdfs: dict[str, Pdf]) -> None:
    pdf = pdfs["xb"]
    progress = squeeze(pdf.text[page_of(pdf, "9 Progress on the previous")])
    for status in ("Implemented", "Partly implemented", "Not started", "Not followed up"):
        assert squeeze(status) in progress
    assert squeeze("Give the judicial training institute a standing course") in progress
    diff = squeeze("".join(pdfs["diff"].text))
    assert squeeze("Follow-up of the 2023 recommendations") in diff
    assert squeeze("BN-CSIRT set up by Decree No. 17/2025") in diff


@pytest.mark.slow
def test_the_roadmap_never_splits_an_action_across_pages(pdfs: dict[str, Pdf]) -> None:
    pages = [squeeze(page) for page in pdfs["xb"].text]
    for rec in XB_FINDINGS["recommendations"]:
        assert any(squeeze(rec["text"]) in page for page in pages), rec["id"]


@pytest.mark.slow
def test_an_action_fills_the_lines_of_its_cell(pdfs: dict[str, Pdf]) -> None:
    # R7 fits its cell in three lines. With a space before the "(R7)" set on a line of its own,
    # WeasyPrint counted that space against the third line and broke it after "cybercrime,".
    roadmap = pdfs["xb"].pages[page_of(pdfs["xb"], "8 Roadmap")]
    assert "cybercrime, an action plan and a budget." in roadmap


# -- the layout rules, on every report -------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("name", LAID_OUT)
def test_no_page_is_blank_but_for_a_heading_or_one_line(pdfs: dict[str, Pdf], name: str) -> None:
    for number, page in enumerate(pdfs[name].pages, start=1):
        assert len(body_lines(page)) > 2, f"{name} page {number}: {body_lines(page)}"


def headings(html: str) -> list[str]:
    return [
        squeeze(re.sub(r"<[^>]+>", "", h))
        for h in re.findall(r"<h[1-4][^>]*>(.*?)</h[1-4]>", html, re.DOTALL)
    ]


@pytest.mark.slow
@pytest.mark.parametrize("name", LAID_OUT)
def test_no_heading_stands_at_the_foot_of_a_page(
    pdfs: dict[str, Pdf], written: Path, name: str
) -> None:
    titles = set(headings((written / f"{name}.html").read_text()))
    for number, page in enumerate(pdfs[name].pages, start=1):
        lines = body_lines(page)
        assert lines and squeeze(lines[-1]) not in titles, f"{name} page {number} ends {lines[-1]}"


def overlap(a: Word, b: Word) -> float:
    """The share of the smaller box that the two boxes have in common."""
    width = min(a.x1, b.x1) - max(a.x0, b.x0)
    height = min(a.y1, b.y1) - max(a.y0, b.y0)
    if width <= 0 or height <= 0:
        return 0.0
    smaller = min((a.x1 - a.x0) * (a.y1 - a.y0), (b.x1 - b.x0) * (b.y1 - b.y0))
    return width * height / smaller if smaller else 0.0


@pytest.mark.slow
@pytest.mark.parametrize("name", LAID_OUT)
def test_no_two_words_print_over_each_other(pdfs: dict[str, Pdf], name: str) -> None:
    for number, words in enumerate(pdfs[name].words, start=1):
        # the DRAFT watermark (letters 50 pt and more) is meant to lie under the text
        ordered = sorted((w for w in words if w.y1 - w.y0 < WATERMARK), key=lambda w: w.y0)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                if b.y0 >= a.y1:
                    break
                assert overlap(a, b) < 0.2, f"{name} page {number}: {a.text!r} over {b.text!r}"


class TableHeaders(HTMLParser):
    """The words of every table header cell of a report."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.inside = False
        self.words: set[str] = set()
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.inside = self.inside or tag == "th"

    def handle_endtag(self, tag: str) -> None:
        self.inside = self.inside and tag != "th"

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.words.update(data.split())


@pytest.mark.slow
@pytest.mark.parametrize("name", list(REPORTS))
def test_table_headers_never_break_inside_a_word(
    pdfs: dict[str, Pdf], written: Path, name: str
) -> None:
    printed = {w.text for page in pdfs[name].words for w in page}
    header_words = TableHeaders((written / f"{name}.html").read_text()).words
    assert header_words
    # a header may wrap after the hyphen of "co-operation", never inside a word
    broken = sorted(
        w for w in header_words if w not in printed and not set(hyphen_parts(w)) <= printed
    )
    assert broken == []


def hyphen_parts(word: str) -> list[str]:
    """ "public-private" → ["public-", "private"]: the pieces a line may break into."""
    parts = word.split("-")
    return [f"{part}-" for part in parts[:-1]] + parts[-1:]


@pytest.mark.slow
@pytest.mark.parametrize("name", list(REPORTS))
def test_no_absolute_path_and_one_marking(pdfs: dict[str, Pdf], written: Path, name: str) -> None:
    text = "\n".join(pdfs[name].pages)
    for shown in (
        text,
        (written / f"{name}.html").read_text(),
        (written / f"{name}.md").read_text(),
    ):
        assert str(REPO) not in shown
        assert ABSOLUTE.findall(shown) == []
    assert "RESTRICTED" in text and " / " not in "".join(re.findall(r"[A-Z]+ / [A-Z]+", text))


# -- HTML on a phone, Markdown as CommonMark -------------------------------------------------


PROBE = """<!DOCTYPE html><html><body style="margin:0">
<iframe id="phone" src="{name}" style="width:390px;height:900px;border:0"></iframe>
<script>
document.getElementById("phone").addEventListener("load", () => {{
  const view = document.getElementById("phone").contentWindow;
  document.title = "[" + ({script})(view) + "]";
}});
</script></body></html>"""

# The page's width and the left and right edges of its first heading's text.
WIDTH = """(view) => {
  const range = view.document.createRange();
  range.selectNodeContents(view.document.querySelector("h1"));
  const box = range.getBoundingClientRect();
  return [view.document.documentElement.scrollWidth, view.innerWidth,
    Math.round(box.left), Math.round(box.right)].join("x");
}"""

# The left edge of each line of every contents title that takes more than one line.
WRAPPED_TITLES = """(view) => {
  const wrapped = [];
  for (const entry of view.document.querySelectorAll(".toc a")) {
    const range = view.document.createRange();
    range.selectNodeContents(entry.lastChild);
    const lefts = Array.from(range.getClientRects(), (line) => Math.round(line.left));
    if (lefts.length > 1) wrapped.push(lefts.join(","));
  }
  return wrapped.join(";");
}"""


def on_phone(html: Path, tmp_path: Path, script: str) -> str:
    """What `script` finds in the report in headless Chromium, in a 390 px wide frame: headless
    windows are at least 500 px wide, a frame can be as narrow as a phone."""
    chromium = client("chromium")
    probe = html.with_name(f"probe-{html.stem}.html")
    probe.write_text(PROBE.format(name=html.name, script=script))
    done = subprocess.run(
        [
            chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--allow-file-access-from-files", f"--user-data-dir={tmp_path / 'profile'}",
            "--window-size=600,1000", "--virtual-time-budget=3000", "--dump-dom", probe.as_uri(),
        ],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    found = re.search(r"<title>\[(.*)\]</title>", done.stdout)
    assert found, done.stdout[:500]
    return found.group(1)


def page_width(html: Path, tmp_path: Path) -> tuple[int, int, int, int]:
    """(scrollWidth, innerWidth) of the report on a phone, and the left and right edges of its
    first heading's text."""
    scroll, inner, left, right = (int(n) for n in on_phone(html, tmp_path, WIDTH).split("x"))
    return scroll, inner, left, right


@pytest.mark.slow
@pytest.mark.parametrize("name", list(REPORTS))
def test_the_html_reads_on_a_390_px_phone(written: Path, tmp_path: Path, name: str) -> None:
    scroll, inner, left, _ = page_width(written / f"{name}.html", tmp_path)
    assert inner == 390
    assert scroll <= 390
    assert left < 30  # left to right: the title starts at the left margin


@pytest.mark.slow
def test_the_arabic_html_reads_right_to_left_on_a_390_px_phone(
    arabic: Assessment, tmp_path: Path
) -> None:
    from ncr.outputs.reports.assessment_report import html
    from ncr.outputs.reports.report_look import PLAIN

    page = tmp_path / "ar.html"
    page.write_bytes(html(arabic, PLAIN.in_language("ar")))
    scroll, inner, left, right = page_width(page, tmp_path)
    assert inner == 390
    assert scroll <= 390
    # The cover's title, "بورياليس", ends at the right margin (3vw, 12 px) and is short.
    assert right > inner - 30 and left > inner / 2


@pytest.mark.slow
@pytest.mark.parametrize("direction", ["ltr", "rtl"])
def test_a_long_contents_title_goes_on_under_itself_on_a_phone(
    written: Path, arabic: Assessment, tmp_path: Path, direction: str
) -> None:
    # "9 Progress on the previous review's recommendations" takes two lines at 390 px; its second
    # line starts where its first does (the number hangs before both), in Arabic from the right.
    from ncr.outputs.reports.assessment_report import html
    from ncr.outputs.reports.report_look import PLAIN

    page = written / "xb.html"
    if direction == "rtl":
        page = tmp_path / "ar.html"
        page.write_bytes(html(arabic, PLAIN.in_language("ar")))
        script = WRAPPED_TITLES.replace("line.left", "line.right")
    else:
        script = WRAPPED_TITLES
    wrapped = [
        [int(edge) for edge in entry.split(",")]
        for entry in on_phone(page, tmp_path, script).split(";")
        if entry
    ]
    assert wrapped, "no contents title wraps at 390 px: the test no longer tests anything"
    for edges in wrapped:
        assert max(edges) - min(edges) <= 1, edges


def tokens(md: str) -> list[str]:
    return [t.type for t in MarkdownIt("commonmark").enable("table").parse(md)]


@pytest.mark.slow
def test_the_markdown_keeps_lists_as_lists(written: Path) -> None:
    md = (written / "xb.md").read_text()
    parsed = MarkdownIt("commonmark").enable("table").parse(md)
    ordered = [t for t in parsed if t.type == "ordered_list_open"]
    assert ordered
    summary = md[md.index("## 1 Executive summary") : md.index("## 2 Context")]
    kinds = tokens(summary)
    # five key messages as one bullet list, five actions as one numbered list
    assert kinds.count("bullet_list_open") == 1 and kinds.count("ordered_list_open") == 1
    assert kinds.count("list_item_open") == len(XB_FINDINGS["summary"]) + 5
    assert "table_open" in tokens(md[md.index("## 8 Roadmap") :])
    for name in REPORTS:
        assert "table_open" in tokens((written / f"{name}.md").read_text())
