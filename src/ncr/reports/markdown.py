"""The Markdown report: the content of the PDF as plain text and tables, without the charts."""

from __future__ import annotations

from ncr.engine.result import Assessment
from ncr.reports.render import assessment_context, markdown_document


def assessment(result: Assessment) -> bytes:
    return markdown_document("assessment.md.j2", **assessment_context(result)).encode("utf-8")
