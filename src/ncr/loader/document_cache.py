"""The parsed YAML of the built-in documents, kept between runs so that no command parses them again.

Parsing the shipped questionnaire, framework and benchmark (about 400 KB of YAML, with the position
of every key) was the largest single cost of a one-file `ncr assess`. Each built-in file gets one
cache entry under `$XDG_CACHE_HOME/ncr` (or `~/.cache/ncr`), named after the file's path and holding
the SHA-256 of the bytes it was parsed from: when the file changes the entry no longer matches and
is replaced. Only the parse is kept (plain data and positions); validation and every check still run
on each load, so a cache entry can never let a document through that the YAML would not.

An entry is trusted only if it reads back whole, carries this format's version, the same content
hash and the expected shape; anything else (truncated, corrupt, from another ncr) is ignored and
rewritten. Entries are unpickled with an allow-list of plain types, so a planted file cannot run
code. Users' own files are never cached: a response or a national framework may be confidential.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import pickle
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from ncr import __version__
from ncr.loader.yaml_reader import YamlDoc

# Bump when YamlDoc or what the parser produces changes shape: older entries are then ignored.
FORMAT = 2
NO_CACHE_VAR = "NCR_NO_CACHE"
# What a parsed YAML document may hold besides dicts, lists, tuples, strings and numbers.
_ALLOWED = {("datetime", "date"), ("datetime", "datetime")}


def cache_dir(env: Mapping[str, str] | None = None) -> Path | None:
    """Where entries live, or None when caching is switched off (`NCR_NO_CACHE=1`)."""
    env = os.environ if env is None else env
    if env.get(NO_CACHE_VAR):
        return None
    base = env.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "ncr" / "documents"


def cached_parse(
    data: bytes, file: str, parse: Callable[[bytes, str], YamlDoc], folder: Path | None
) -> YamlDoc:
    """`parse(data, file)`, or its result from an earlier run on the same bytes."""
    if folder is None:
        return parse(data, file)
    digest = hashlib.sha256(data).hexdigest()
    entry = folder / f"{hashlib.sha256(file.encode()).hexdigest()[:32]}.pickle"
    doc = _read(entry, digest, file)
    if doc is None:
        doc = parse(data, file)
        # only a clean parse is kept: one with faults set aside is reported afresh each time
        if not doc.problems and not doc.set_aside:
            _write(entry, (FORMAT, __version__, digest, file, doc.data, doc.positions))
    return doc


def _read(entry: Path, digest: str, file: str) -> YamlDoc | None:
    try:
        stored = _PlainUnpickler(io.BytesIO(entry.read_bytes())).load()
    except Exception:  # noqa: BLE001 — missing, unreadable or corrupt: parse the YAML instead
        return None
    match stored:
        case (int(fmt), str(version), str(sha), str(name), dict(data), dict(positions)) if (
            fmt,
            version,
            sha,
            name,
        ) == (FORMAT, __version__, digest, file):
            return YamlDoc(file, data, positions)
    return None


def _write(entry: Path, payload: tuple[Any, ...]) -> None:
    """Write beside the entry and rename, so a reader sees the old entry or the new, never half;
    a cache that cannot be written (read-only home, full disk) only costs the next run a parse."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".entry.", dir=entry.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(payload, handle, protocol=pickle.HIGHEST_PROTOCOL)
            Path(temp).replace(entry)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError:
        pass


class _PlainUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _ALLOWED:
            return {"date": dt.date, "datetime": dt.datetime}[name]
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a cache entry")
