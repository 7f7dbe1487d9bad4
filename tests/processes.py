"""Running the installed `ncr` as a real process, and seeing what is left of it, from /proc.

The interrupt tests start `ncr` in a session of its own (as a shell starts a job in its own
process group), so that "every process of the run" is "every process of that group", whoever
their parent is.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

NCR = str(Path(sys.executable).with_name("ncr"))


def start(*args: str | Path, tmpdir: Path) -> subprocess.Popen[bytes]:
    """`ncr ARGS…` in a new session, with its own TMPDIR (to see what temp files it leaves)."""
    env = {**os.environ, "TMPDIR": str(tmpdir)}
    env.pop("NCR_PATH", None)
    return subprocess.Popen(
        [NCR, *map(str, args)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,
    )


def _live() -> list[tuple[int, int, int]]:
    """(pid, parent pid, process group) of every live process; zombies (already dead, not yet
    reaped) are left out."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            text = (entry / "stat").read_text()
        except OSError:
            continue
        # after "pid (name)": state ppid pgrp …; the name may hold spaces and parentheses
        state, ppid, pgrp = text.rpartition(")")[2].split()[:3]
        if state != "Z":
            found.append((int(entry.name), int(ppid), int(pgrp)))
    return found


def group(pgid: int) -> set[int]:
    """Live processes of the process group."""
    return {pid for pid, _ppid, pgrp in _live() if pgrp == pgid}


def children(parent: int) -> set[int]:
    return {pid for pid, ppid, _pgrp in _live() if ppid == parent}


def wait_for(condition: Callable[[], bool], timeout: float, step: float = 0.05) -> bool:
    """True as soon as `condition()` holds, False if it still does not after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()
