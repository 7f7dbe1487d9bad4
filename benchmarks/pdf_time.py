"""CPU time of one PDF report in process (median of 3, after a warm-up), for bench.py.

Run with the `ncr` of any release on PYTHONPATH, from that release's folder, so that 0.3.0 and
this tree can be measured in one run:  python pdf_time.py examples/xa-2026.yaml  ->  "SECONDS PAGES"
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from pypdf import PdfReader


def _api() -> tuple[Any, Any, Any, Any, Any]:
    """(pdf writer, Loader, Catalog, open_review, assess_review) of the release on the path:
    0.4 moved them into stage folders."""
    try:
        from ncr.loader.loading import Loader
        from ncr.loader.search_path import Catalog
        from ncr.outputs.reports import pdf_writer
        from ncr.pipeline import assess_review, open_review
    except ImportError:  # 0.3.0
        from ncr.catalog import Catalog  # type: ignore[no-redef]
        from ncr.loading import Loader  # type: ignore[no-redef]
        from ncr.reports import pdf as pdf_writer  # type: ignore[no-redef]
        from ncr.reviewing import assess_review, open_review  # type: ignore[no-redef]
    return pdf_writer, Loader, Catalog, open_review, assess_review


def main() -> None:
    pdf_writer, loader, catalog, open_review, assess_review = _api()
    result = assess_review(open_review(loader(catalog.create()), Path(sys.argv[1])))
    pdf = pdf_writer.assessment(result)  # warm-up: fonts, stylesheets, first-use caches
    times = []
    for _ in range(3):
        start = time.process_time()
        pdf = pdf_writer.assessment(result)
        times.append(time.process_time() - start)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    print(f"{statistics.median(times):.3f} {pages}")


if __name__ == "__main__":
    main()
