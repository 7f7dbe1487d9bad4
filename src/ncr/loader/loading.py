"""Loading documents from files: YAML → model → cross-reference checks, every problem located.

The contract: a function here returns a loaded document or raises InputError carrying every problem
found in the file, never a YAML or pydantic exception. To report every problem in one run, a faulty
document is salvaged: each invalid part (an unknown or duplicated key, a bad value, an answer) is set
aside, a required part by a stand-in, so that the cross-reference checks still run on the rest. A
salvaged document always carries its errors, so nothing is ever scored or written from it.
"""

from __future__ import annotations

import copy
import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path, PureWindowsPath
from typing import Any, Generic, TypeVar

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import InvalidVersion, Version
from pydantic import BaseModel, ValidationError

from ncr.documents import Benchmark, Framework, Questionnaire, Response
from ncr.loader.cross_checks import (
    Finding,
    check_benchmark,
    check_findings,
    check_follow_up,
    check_framework,
    check_questionnaire,
    check_response,
    did_you_mean,
)
from ncr.loader.document_cache import cache_dir, cached_parse
from ncr.loader.error_locations import problems_from_validation_error
from ncr.loader.search_path import Catalog, Found
from ncr.loader.source_doc import SourceDoc
from ncr.loader.workbook_reader import is_workbook, read_workbook
from ncr.loader.workbook_response import header_doc, response_doc
from ncr.loader.yaml_limits import MAX_TEXT
from ncr.loader.yaml_reader import MAX_FILE_BYTES, parse_yaml, read_yaml
from ncr.problems import InputError, Problem, UsageError, errors_in
from ncr.shipped import is_builtin

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")


@dataclass(frozen=True)
class Loaded(Generic[M]):
    """A document with where it came from and the problems noticed so far (warnings, or errors
    still to be raised once every check has run)."""

    model: M
    doc: SourceDoc  # a YAML file, or a workbook (.xlsx response)
    path: Path
    sha256: str
    problems: tuple[Problem, ...] = ()
    set_aside: SetAside | None = None  # what salvaging took out of the model, if anything

    @property
    def name(self) -> str:
        return self.doc.file

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.is_error)

    def with_findings(self, findings: Iterable[Finding]) -> Loaded[M]:
        """Add check findings; raise every problem gathered if any is an error."""
        aside = self.set_aside
        if aside is not None:  # located in the file, and not blamed again on what was set aside
            findings = [aside.in_file(f) for f in findings if f.names not in aside.ids]
        problems = (*self.problems, *(to_problem(self.doc, f) for f in findings))
        if errors_in(problems):
            raise InputError(problems)
        return Loaded(self.model, self.doc, self.path, self.sha256, problems, aside)


def to_problem(doc: SourceDoc, finding: Finding) -> Problem:
    return doc.problem(finding.path, finding.message, finding.severity, at_key=finding.at_key)


class _Gone:
    """A list item set aside: kept in its place, so that the items after it keep their index."""


_GONE = _Gone()


@dataclass(frozen=True)
class SetAside:
    """The file's data with the faulty list items marked, and the ids those items carried: a
    check of the rest must not report `no question 'L1.2'` for a question already reported."""

    data: dict[str, Any]
    ids: frozenset[str]

    def in_file(self, finding: Finding) -> Finding:
        """A finding about the salvaged model, located in the file (list indices restored)."""
        return replace(finding, path=_in_file(self.data, finding.path))


def _view(data: Any) -> Any:
    """The data without the items set aside, as the model is validated from it."""
    if isinstance(data, dict):
        return {key: _view(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_view(item) for item in data if item is not _GONE]
    return data


def _in_file(data: Any, path: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """A path in the view (`_view`) as the same place in the marked data (and in the file)."""
    out: list[str | int] = []
    for part in path:
        index = part
        if isinstance(data, list) and isinstance(part, int):
            kept = [i for i, item in enumerate(data) if item is not _GONE]
            index = kept[part] if 0 <= part < len(kept) else part
        out.append(index)
        if _has(data, index):  # else a union tag of pydantic's, or a missing key: step over it
            data = data[index]
    return tuple(out)


def _ids_in(item: Any) -> Iterator[str]:
    """Every `id` inside a part set aside (a pillar takes its indicators with it)."""
    if isinstance(item, dict):
        if isinstance(item.get("id"), str):
            yield item["id"]
        for value in item.values():
            yield from _ids_in(value)
    elif isinstance(item, list):
        for value in item:
            yield from _ids_in(value)


def read_document(path: Path, model: type[M], cache: Path | None = None) -> Loaded[M]:
    """Parse (or take the parse from `cache`) and validate; a salvaged document comes back
    carrying its errors."""
    try:
        with path.open("rb") as handle:
            # one byte over the cap is enough for parse_yaml to refuse the file without reading it all
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as err:
        raise InputError(
            [Problem(str(path), 0, 0, f"cannot read the file: {err.strerror}")]
        ) from None
    text_cap = getattr(model, "TEXT_CAP", MAX_TEXT)
    doc = cached_parse(
        data, str(path), lambda d, f: parse_yaml(d, f, partial=True, max_text=text_cap), cache
    )
    return validated(doc, path, hashlib.sha256(data).hexdigest(), model, doc.problems)


def validated(
    doc: SourceDoc, path: Path, digest: str, model: type[M], found: Iterable[Problem] = ()
) -> Loaded[M]:
    """The document's data as `model`, carrying the problems `found` while reading it; salvaged
    where it can be, so that later checks still run and every problem shows in one run."""
    problems = tuple(found)
    try:
        return Loaded(model.model_validate(doc.data), doc, path, digest, problems)
    except ValidationError as err:
        problems += tuple(problems_from_validation_error(err, doc, model))
        salvaged = _salvage(model, doc.data, err)
        if salvaged is None:
            raise InputError(problems) from None
        return Loaded(salvaged[0], doc, path, digest, problems, salvaged[1])


# Setting a part aside can uncover a fault one level up: a question's bad `type` removed leaves
# the question without one, the question removed can leave its section empty, and so on.
_ROUNDS = 8


def _salvage(
    model: type[M], data: dict[str, Any], err: ValidationError
) -> tuple[M, SetAside] | None:
    """Validate again with every faulty part set aside, or give up (None)."""
    pruned = copy.deepcopy(data)
    stand_ins: dict[str, Any] = getattr(model, "STAND_INS", {})
    ids: set[str] = set()
    for _ in range(_ROUNDS):
        for error in err.errors():
            loc = _in_file(pruned, error["loc"])
            if not _set_aside(pruned, loc, stand_ins, ids):
                return None
        try:
            return model.model_validate(_view(pruned)), SetAside(pruned, frozenset(ids))
        except ValidationError as again:
            err = again
    return None


def _set_aside(
    data: dict[str, Any], loc: tuple[str | int, ...], stand_ins: dict[str, Any], ids: set[str]
) -> bool:
    """Put a stand-in for a faulty required top-level part, drop a faulty answer whole, remove
    the faulty key (so its default applies), or mark a faulty list item gone, noting its ids.
    False when none fits (the document as a whole is at fault)."""
    if not loc:  # the document as a whole (too many questions): nothing to set aside
        return False
    path = _data_path(loc, data)
    top = str(path[0] if path else loc[0])
    if top in stand_ins:
        data[top] = copy.deepcopy(stand_ins[top])
        return True
    if len(path) >= 2 and path[0] == "answers":
        path = path[:2]
    parent = _at(data, path[:-1]) if path else None
    if isinstance(parent, dict) and path[-1] in parent:
        del parent[path[-1]]
        return True
    if isinstance(parent, list) and isinstance(path[-1], int):
        ids.update(_ids_in(parent[path[-1]]))
        parent[path[-1]] = _GONE
        return True
    return False


def _data_path(loc: tuple[str | int, ...], data: Any) -> tuple[str | int, ...]:
    """The part of `loc` that exists in `data` (pydantic adds union tags and missing keys)."""
    path: list[str | int] = []
    for part in loc:
        in_list = isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data)
        if in_list or (isinstance(data, dict) and part in data):
            data = data[part]
            path.append(part)
    return tuple(path)


def _has(data: Any, part: str | int) -> bool:
    if isinstance(data, list):
        return isinstance(part, int) and 0 <= part < len(data)
    return isinstance(data, dict) and part in data


def _at(data: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


@dataclass
class Loader:
    """Loads documents through a catalog, each file once per process (a batch shares frameworks)."""

    catalog: Catalog
    _cache: dict[tuple[str, Path], Any] = field(default_factory=dict)
    # every file read so far: outputs are never written over one of them (check_target's `read`)
    read: set[Path] = field(default_factory=set)
    # the parse of built-in documents, kept between runs (None: parse every time)
    parse_cache: Path | None = field(default_factory=cache_dir)

    def _read(self, path: Path, model: type[M]) -> Loaded[M]:
        self.read.add(path.resolve())
        return read_document(path, model, self.parse_cache if is_builtin(path) else None)

    def framework(self, path: Path) -> Loaded[Framework]:
        def load() -> Loaded[Framework]:
            loaded = self._read(path, Framework)
            findings = check_framework(loaded.model)
            findings.extend(_folder_findings(path, loaded.model))
            return loaded.with_findings(findings)

        return self._cached("framework", path, load)

    def framework_by_id(
        self, ident: str, wanted_by: Loaded[Any], version: str | None = None
    ) -> Loaded[Framework]:
        """The framework `ident`: with a `version` specifier, the newest release it admits among
        the current one and the kept earlier ones (`frameworks/<id>/<version>/`); when none does,
        the current one, so that the mismatch is reported against it."""
        current = self.framework(
            self._find(
                self.catalog.frameworks(), ident, "framework", wanted_by.doc, wanted_by.problems
            )
        )
        if version is None:
            return current
        try:
            spec = SpecifierSet(version)
        except InvalidSpecifier:
            return current  # the questionnaire check reports the bad specifier
        current_version = _version(current.model.version)
        admitted = [current] if current_version is not None and current_version in spec else []
        for found in self.catalog.releases(ident):
            release = _version(found.release or "")
            if release is not None and release in spec:
                admitted.append(self.framework(found.path))
        if not admitted:
            return current
        return max(admitted, key=lambda fw: _version(fw.model.version) or Version("0"))

    def questionnaire(self, path: Path) -> tuple[Loaded[Questionnaire], Loaded[Framework]]:
        def load() -> tuple[Loaded[Questionnaire], Loaded[Framework]]:
            loaded = self._read(path, Questionnaire)
            model = loaded.model
            fw = self.framework_by_id(model.framework, loaded, model.framework_version)
            return loaded.with_findings(check_questionnaire(model, fw.model)), fw

        return self._cached("questionnaire", path, load)

    def benchmark(self, path: Path) -> tuple[Loaded[Benchmark], Loaded[Framework]]:
        """A benchmark, checked against the framework release whose folder holds it
        (`frameworks/<id>/<version>/benchmarks/`), else against the current framework."""

        def load() -> tuple[Loaded[Benchmark], Loaded[Framework]]:
            loaded = self._read(path, Benchmark)
            fw = self._release_beside(path, loaded.model.framework)
            if fw is None:
                fw = self.framework_by_id(loaded.model.framework, loaded)
            return loaded.with_findings(check_benchmark(loaded.model, fw.model)), fw

        return self._cached("benchmark", path, load)

    def _release_beside(self, path: Path, ident: str) -> Loaded[Framework] | None:
        folder = path.parent.parent  # .../frameworks/<id>/<version>/benchmarks/<bm>.yaml
        if folder.parent.name != ident or not (folder / "framework.yaml").is_file():
            return None
        if _version(folder.name) is None:
            return None
        return self.framework(folder / "framework.yaml")

    def benchmark_for(self, spec: str | None, fw: Loaded[Framework]) -> Loaded[Benchmark] | None:
        """`--benchmark ID|FILE`, or the framework's default; None when neither exists."""
        ident = spec or fw.model.default_benchmark
        if ident is None:
            return None
        known = self.catalog.benchmarks(fw.model.id, release_of(fw.path, fw.model))
        if looks_like_path(ident):
            path = Path(ident)
            if not path.is_file():
                raise UsageError(f"benchmark file '{ident}' not found")
        elif ident in known:
            path = known[ident].checked()
        elif spec is None:
            path = self._find(known, ident, "benchmark", fw.doc, fw.problems)
        else:
            names = ", ".join(sorted(known)) or "none"
            file = next(
                (f"{ident}{s}" for s in (".yaml", ".yml") if Path(ident + s).is_file()), None
            )
            hint = f"; to use the file, write -b ./{file}" if file else ""
            raise UsageError(
                f"no benchmark '{ident}' for framework {fw.model.id} (known: {names}){hint}"
            )
        loaded, bm_fw = self.benchmark(path)
        if bm_fw.model.id != fw.model.id:
            message = f"benchmark is for framework '{bm_fw.model.id}', not '{fw.model.id}'"
            raise InputError([loaded.doc.problem(("framework",), message)])
        return loaded

    def response(self, path: Path) -> Loaded[Response]:
        """A response (YAML, or a focal-point workbook), possibly salvaged: call `check_answers`
        to raise what it carries."""
        if is_workbook(path):
            self.read.add(path.resolve())
            return self._workbook_response(path)
        return self._read(path, Response)

    def _workbook_response(self, path: Path) -> Loaded[Response]:
        """A workbook's answers are read with its questionnaire (labels, types), found first."""
        book = read_workbook(path)
        header = header_doc(book)
        ref = header.data.get("questionnaire")
        if not isinstance(ref, str):
            message = "the Review sheet names no questionnaire: restore its Questionnaire row"
            raise InputError([*book.problems, header.problem(("questionnaire",), message)])
        qn = self._questionnaire_named(ref, path, header, book.problems)[0]
        doc, problems = response_doc(book, qn.model)
        return validated(doc, path, book.sha256, Response, problems)

    def questionnaire_for(
        self, resp: Loaded[Response]
    ) -> tuple[Loaded[Questionnaire], Loaded[Framework]]:
        return self._questionnaire_named(
            resp.model.questionnaire, resp.path, resp.doc, resp.problems
        )

    def _questionnaire_named(
        self, ref: str, source: Path, doc: SourceDoc, problems: Iterable[Problem]
    ) -> tuple[Loaded[Questionnaire], Loaded[Framework]]:
        """The questionnaire a response names: an id on the search path, or a file beside it."""
        if not looks_like_path(ref):
            found = self.catalog.questionnaires()
            return self.questionnaire(self._find(found, ref, "questionnaire", doc, problems))
        path = source.parent / ref
        message = self._path_problem(source, ref, path)
        if message is not None:
            raise InputError([*problems, doc.problem(("questionnaire",), message)])
        return self.questionnaire(path)

    def _path_problem(self, source: Path, ref: str, path: Path) -> str | None:
        """Why a path written in a response may not be read: a response passed around by e-mail
        must not make ncr read (and quote in its errors) any file of the reviewer's machine."""
        if Path(ref).is_absolute() or PureWindowsPath(ref).is_absolute() or ref.startswith("\\"):
            return f"'{ref}' is an absolute path: write it relative to this file's folder"
        resolved = path.resolve()
        roots = [source.parent.resolve(), *(root.resolve() for root, _ in self.catalog.roots)]
        if not any(resolved.is_relative_to(root) for root in roots):
            return f"'{ref}' leads out of this file's folder: keep the questionnaire beside it or on --path"
        if not path.is_file():
            return f"questionnaire file '{ref}' not found (looked for {path})"
        try:
            data = read_yaml(path, partial=True).data
        except InputError:  # not even YAML: its own problems say so, without quoting its values
            return None
        if "sections" not in data or "framework" not in data:  # its values are not shown: not ours
            return f"'{ref}' is not an ncr questionnaire (it has no `framework` and `sections`)"
        return None

    def check_answers(
        self,
        resp: Loaded[Response],
        qn: Loaded[Questionnaire],
        fw: Loaded[Framework],
        previous: tuple[str, Iterable[str]] | None = None,
    ) -> Loaded[Response]:
        """Answers against the questionnaire, findings against the framework, and follow-up
        against `previous` (the earlier review's file name and recommendation ids), all at once."""
        findings = [*check_response(resp.model, qn.model), *check_findings(resp.model, fw.model)]
        if previous is not None:
            findings += check_follow_up(resp.model, previous[1], previous[0])
        return resp.with_findings(findings)

    def previous_of(self, resp: Loaded[Response]) -> Path | None:
        """The file `review.previous` names, relative to the response; a located error if absent."""
        ref = resp.model.review.previous
        if ref is None:
            return None
        path = resp.path.parent / ref
        message = None
        # as for a questionnaire file: a response sent by e-mail must not make ncr read any file
        if Path(ref).is_absolute() or PureWindowsPath(ref).is_absolute() or ref.startswith("\\"):
            message = f"'{ref}' is an absolute path: write it relative to this file's folder"
        elif not path.resolve().is_relative_to(resp.path.parent.resolve()):
            message = f"'{ref}' leads out of this file's folder: keep the previous review beside it"
        elif not path.is_file():
            message = f"previous review '{ref}' not found (looked for {path})"
        if message:
            raise InputError([*resp.problems, resp.doc.problem(("review", "previous"), message)])
        return path

    def _find(
        self,
        found: dict[str, Found],
        ident: str,
        kind: str,
        doc: SourceDoc,
        problems: Iterable[Problem] = (),
    ) -> Path:
        if ident in found:
            return found[ident].checked()
        key = {"questionnaire": "questionnaire", "benchmark": "default_benchmark"}.get(
            kind, "framework"
        )
        hint = did_you_mean(ident, found) or (
            f"; known: {', '.join(sorted(found))}" if found else ""
        )
        message = f"no {kind} '{ident}' on the search path{hint} (add a folder with --path DIR)"
        raise InputError([*problems, doc.problem((key,), message)])

    def _cached(self, kind: str, path: Path, load: Callable[[], T]) -> T:
        key = (kind, path.resolve())
        if key not in self._cache:
            self._cache[key] = load()
        cached: T = self._cache[key]
        return cached


def release_of(path: Path, fw: Framework) -> str | None:
    """The version folder a kept earlier release lives in (`frameworks/<id>/<version>/`), or None
    for a framework at `frameworks/<id>/framework.yaml`."""
    folder = path.parent
    if folder.name == fw.version and folder.parent.name == fw.id:
        return folder.name
    return None


def _folder_findings(path: Path, fw: Framework) -> list[Finding]:
    if path.name != "framework.yaml":
        return []
    folder = path.parent
    if folder.name == fw.id:
        return []
    if folder.parent.name == fw.id and _version(folder.name) is not None:
        if folder.name == fw.version:
            return []
        message = f"the version '{fw.version}' must match its release folder name '{folder.name}'"
        return [Finding(("version",), message)]
    message = f"the id '{fw.id}' must match its folder name '{folder.name}'"
    return [Finding(("id",), message)]


def _version(text: str) -> Version | None:
    try:
        return Version(text)
    except InvalidVersion:
        return None


def looks_like_path(ref: str) -> bool:
    return ref.endswith((".yaml", ".yml")) or "/" in ref or "\\" in ref


def relative_reference(path: Path, target: Path) -> str:
    """How a file written at `target` names the file at `path`: relative to its folder, never a
    bare name (which would read as an id)."""
    relative = Path(os.path.relpath(path.resolve(), target.parent.resolve())).as_posix()
    if relative.startswith("../"):  # a response may name no file out of its folder (the loader)
        raise UsageError(
            f"{path} is not in the folder of {target}: write {target.name} beside it, copy it "
            "there, or put it in DIR/questionnaires/ and pass --path DIR"
        )
    return relative if "/" in relative else f"./{relative}"


def reference_from(ref: str, source: Path, target: Path) -> str:
    """How a file written at `target` names the questionnaire that the file at `source` names as
    `ref`: an id as it is, a path re-based to the new folder."""
    return relative_reference(source.parent / ref, target) if looks_like_path(ref) else ref
