"""WeasyPrint and cairosvg imported with their C libraries opened by soname: no compiler run, no
file in the temp folder, and the usual search when a library is not known by its soname."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

AUDIT = """
import sys
seen = []
sys.addaudithook(lambda event, args: seen.append(event) if event in (
    "subprocess.Popen", "tempfile.mkstemp", "tempfile.mkdtemp") else None)
from ncr.outputs.reports.native_libraries import imported
weasyprint = imported("weasyprint")
cairosvg = imported("cairosvg")
assert callable(weasyprint.HTML) and callable(cairosvg.svg2png)
print("EVENTS", sorted(set(seen)))
"""


def run(code: str, tmp_path: Path) -> str:
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        cwd=tmp_path,
    )
    return done.stdout


def test_importing_the_renderers_runs_no_compiler_and_leaves_no_temp_file(tmp_path: Path) -> None:
    # A plain `import weasyprint` ran ldconfig, gcc and ld 16 times, gcc linking into `tmp…`
    # files of TMPDIR: a Ctrl-C then left one behind (tests/outputs/test_interrupts.py).
    out = run(AUDIT, tmp_path)
    assert out.strip() == "EVENTS []"
    assert list(tmp_path.iterdir()) == []


def test_a_library_found_only_by_the_search_is_still_found(tmp_path: Path) -> None:
    # A package that needs ctypes' search (here for libc, known as "c" only through it) fails
    # with the search switched off, and is then imported again the usual way.
    (tmp_path / "needs_search.py").write_text(
        "import ctypes.util\n"
        "if ctypes.util.find_library('c') is None:\n"
        "    raise OSError('cannot load library c')\n"
        "FOUND = True\n",
        encoding="utf-8",
    )
    code = f"""
        import sys
        sys.path.insert(0, {str(tmp_path)!r})
        from ncr.outputs.reports.native_libraries import imported
        print("FOUND", imported("needs_search").FOUND)
        """
    assert run(code, tmp_path).strip() == "FOUND True"
