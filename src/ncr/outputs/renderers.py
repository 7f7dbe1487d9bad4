"""Which renderer writes which report in which format, imported only when that output is asked for."""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import Any

from ncr.outputs.reports.report_look import PLAIN, ReportLook
from ncr.problems import UsageError

# Report renderers by (report kind, format) → "module:function", imported on use so WeasyPrint loads
# only when a PDF is asked for. Each function takes the result model and returns the file's bytes.
RENDERERS: dict[tuple[str, str], str] = {
    ("assessment", "pdf"): "ncr.outputs.reports.pdf_writer:assessment",
    ("assessment", "html"): "ncr.outputs.reports.assessment_report:html",
    ("assessment", "md"): "ncr.outputs.reports.assessment_report:md",
    ("assessment", "json"): "ncr.outputs.reports.json_report:as_bytes",
    ("assessment", "docx"): "ncr.outputs.reports.assessment_report:docx",
    ("diff", "json"): "ncr.outputs.reports.json_report:as_bytes",
    ("diff", "pdf"): "ncr.outputs.reports.diff_report:pdf",
    ("diff", "html"): "ncr.outputs.reports.diff_report:html",
    ("diff", "md"): "ncr.outputs.reports.diff_report:md",
    ("diff", "docx"): "ncr.outputs.reports.diff_report:docx",
    ("overview", "json"): "ncr.outputs.reports.json_report:as_bytes",
    ("overview", "pdf"): "ncr.outputs.reports.overview_report:pdf",
    ("overview", "html"): "ncr.outputs.reports.overview_report:html",
    ("overview", "md"): "ncr.outputs.reports.overview_report:md",
}
FORMATS = ("pdf", "html", "md", "json", "docx")


def format_of(path: Path) -> str:
    suffix = path.suffix.lower().lstrip(".")
    if suffix == "markdown":
        return "md"
    if suffix not in FORMATS:
        raise UsageError(
            f"cannot tell the format of '{path}': use a name ending in .pdf, .html, .md, .json or .docx"
        )
    return suffix


def render(kind: str, fmt: str, result: Any, look: ReportLook = PLAIN) -> bytes:
    target = RENDERERS.get((kind, fmt))
    if target is None:
        article = "an" if kind[0] in "aeiou" else "a"
        raise UsageError(f"{article} {kind} report cannot be written as {fmt}")
    module, function = target.split(":")
    data: bytes = getattr(import_module(module), function)(result, look)
    return data
