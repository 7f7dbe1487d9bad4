"""Read one YAML file into plain data plus the position of every key and value.

ncr files are written by hand and passed around by e-mail, so this reader refuses what PyYAML would
accept and regret later: code tags, aliases (the "billion laughs"), huge or deeply nested files,
duplicate keys. Every refusal is a located Problem; no PyYAML exception leaves this module.
"""

from __future__ import annotations

import codecs
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.error import Mark, MarkedYAMLError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ncr.documents.text_safety import unsafe_char_problem
from ncr.loader import yaml_limits
from ncr.loader.source_doc import nearest
from ncr.loader.yaml_limits import ALIAS_MESSAGE, MAX_TEXT, TOO_DEEP_MESSAGE
from ncr.problems import InputError, Problem, Severity

if TYPE_CHECKING:
    from yaml._yaml import Mark as _CMark  # libyaml's marks: same fields, another class

MAX_FILE_BYTES: Final = 5 * 1024 * 1024
MERGE_MESSAGE: Final = "merge keys (<<) are not allowed in ncr files: write the keys out in full"

YamlPath = tuple[str | int, ...]
Pos = tuple[int, int]

_TAG: Final = "tag:yaml.org,2002:"
_STR_TAG: Final = _TAG + "str"
# Explicit tags outside plain data (binary, set, omap, python/...) would hand the models types they
# never expect, or run code.
_ALLOWED_TAGS: Final = frozenset(
    _TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
)

# PyYAML's date regex: `2026-03-14` loads as a date, `2026-03-14T09:30:00Z` as a datetime.
_TIMESTAMP_RE: Final = next(
    regex
    for tag, regex in yaml.resolver.Resolver.yaml_implicit_resolvers["2"]
    if tag == _TAG + "timestamp"
)

# YAML 1.2 core schema instead of PyYAML's YAML 1.1: `yes`, `no`, `on`, `off`, `y`, `n` and `NO`
# (Norway) stay strings, `12:30` is not sexagesimal 750, `1_000` is a string. Decimal integers with
# a leading zero (`010`, `007`) stay strings: what the user typed is kept for text fields (ids,
# codes), and pydantic's number fields still read "010" as 10. No merge (`<<`) or value (`=`)
# resolvers: merges are refused below, and PyYAML cannot construct the value tag at all.
_IMPLICIT_RESOLVERS: Final[list[tuple[str, re.Pattern[str], list[str]]]] = [
    (_TAG + "bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")),
    (
        _TAG + "int",
        re.compile(r"^(?:[-+]?(?:0|[1-9][0-9]*)|0o[0-7]+|0x[0-9a-fA-F]+)$"),
        list("-+0123456789"),
    ),
    (
        _TAG + "float",
        re.compile(
            r"^(?:[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)(?:[eE][-+]?[0-9]+)?"
            r"|[-+]?[0-9]+[eE][-+]?[0-9]+"
            r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
        ),
        list("-+.0123456789"),
    ),
    (_TAG + "null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]),
    (_TAG + "timestamp", _TIMESTAMP_RE, list("0123456789")),
]

# What libyaml accepts in a stream; checked up front because libyaml reports a bad character as a
# byte offset into its own re-encoding of the text.
_FORBIDDEN_CHAR: Final = re.compile(
    "[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)

_Constructor = Callable[[Any, ScalarNode], object]


def _construct_int(loader: SafeConstructor, node: ScalarNode) -> int:
    # Base 0 reads 0x and 0o prefixes and refuses a leading zero, so `!!int 010` is an error, not 8.
    return int(loader.construct_scalar(node), 0)


def _construct_bool(loader: SafeConstructor, node: ScalarNode) -> bool:
    return {"true": True, "false": False}[loader.construct_scalar(node).lower()]


def _checked(kind: str, construct: _Constructor) -> _Constructor:
    """Turn a bad value (`!!int abc`, `2026-02-30`) into a located error instead of a ValueError."""

    def checked(loader: Any, node: ScalarNode) -> object:
        try:
            return construct(loader, node)
        except (ValueError, KeyError, AttributeError) as exc:
            message = f"{_clip(str(node.value))!r} is not a valid {kind}"
            raise ConstructorError(None, None, message, node.start_mark) from exc

    return checked


def _configure(loader: type[yaml.SafeLoader | yaml.CSafeLoader]) -> None:
    # An own dict, so PyYAML's shared resolver table (used by every other yaml user) is untouched.
    loader.yaml_implicit_resolvers = {}
    for tag, regex, first in _IMPLICIT_RESOLVERS:
        loader.add_implicit_resolver(tag, regex, first)
    constructors: dict[str, tuple[str, _Constructor]] = {
        "int": ("whole number", _construct_int),
        "float": ("number", SafeConstructor.construct_yaml_float),
        "bool": ("boolean (true or false)", _construct_bool),
        "timestamp": ("date", SafeConstructor.construct_yaml_timestamp),
    }
    for name, (kind, construct) in constructors.items():
        loader.add_constructor(_TAG + name, _checked(kind, construct))


class _PureLoader(yaml.SafeLoader):
    """PyYAML's pure-Python safe loader with ncr's scalar rules: the fallback without libyaml."""


_configure(_PureLoader)

if yaml.__with_libyaml__:

    class _CLoader(yaml.CSafeLoader):
        """libyaml's safe loader (8x faster) with ncr's scalar rules."""

    _configure(_CLoader)
    _LOADER: type[_CLoader | _PureLoader] = _CLoader
else:
    _LOADER = _PureLoader


@dataclass(frozen=True)
class YamlDoc:
    """A parsed mapping document and, for each path of keys and indexes, where its key and value are.

    Positions are 1-based (line, column). A list item's key position is its value position.
    `problems` are faults already reported whose part was set aside (a duplicated key, a value
    that is no valid date or finite number): `set_aside` holds the paths of those values, which
    were read as empty, so that the rest of the document can still be checked.
    """

    file: str
    data: dict[str, Any]
    positions: dict[YamlPath, tuple[Pos, Pos]]
    problems: tuple[Problem, ...] = ()
    set_aside: frozenset[YamlPath] = frozenset()

    def where(self, path: Sequence[str | int]) -> Pos:
        """Position of the value at `path`, or of the nearest parent that exists."""
        return self._nearest(path)[1]

    def where_key(self, path: Sequence[str | int]) -> Pos:
        """Position of the key of `path` (for "unknown key" errors), or of the nearest parent's."""
        return self._nearest(path)[0]

    def problem(
        self,
        path: Sequence[str | int],
        message: str,
        severity: Severity = "error",
        *,
        at_key: bool = False,
    ) -> Problem:
        line, column = self.where_key(path) if at_key else self.where(path)
        return Problem(self.file, line, column, message, severity)

    def _nearest(self, path: Sequence[str | int]) -> tuple[Pos, Pos]:
        return nearest(self.positions, path, ((1, 1), (1, 1)))


def read_yaml(
    path: Path, *, display_name: str | None = None, partial: bool = False, max_text: int = MAX_TEXT
) -> YamlDoc:
    """Read and parse one ncr YAML file; problems name the file as `display_name` (default: path)."""
    file = str(path) if display_name is None else display_name
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)  # one byte more tells "too big" apart
    except OSError as exc:
        raise InputError(
            [Problem(file, 0, 0, f"cannot read the file: {exc.strerror or exc}")]
        ) from None
    return parse_yaml(data, file, partial=partial, max_text=max_text)


def parse_yaml(
    source: str | bytes, file: str, *, partial: bool = False, max_text: int = MAX_TEXT
) -> YamlDoc:
    """Parse the text of one ncr YAML document, which must be a mapping. Raises InputError; with
    `partial`, only for faults that leave nothing to check, and the doc carries the others."""
    data = source.encode("utf-8", "surrogatepass") if isinstance(source, str) else source
    if len(data) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        raise InputError([Problem(file, 1, 1, f"the file is larger than {limit} MiB")])
    text = _decode(data, file)
    bad = _FORBIDDEN_CHAR.search(text)
    if bad is not None:
        line, column = _text_position(text, bad.start())
        message = f"character U+{ord(bad.group()):04X} is not allowed in a YAML file"
        raise InputError([Problem(file, line, column, message)])
    doc = _load(text, file, max_text)
    if doc.problems and not partial:
        raise InputError(doc.problems)
    return doc


def _decode(data: bytes, file: str) -> str:
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        line = data.count(b"\n", 0, exc.start) + 1
        column = len(data[line_start : exc.start].decode("utf-8", "replace")) + 1
        message = f"the file is not valid UTF-8 (byte 0x{data[exc.start]:02x}): save it as UTF-8"
        raise InputError([Problem(file, line, column, message)]) from None


def _load(text: str, file: str, max_text: int) -> YamlDoc:
    _check_limits(text, file, max_text)
    loader = _LOADER(text)
    walker = _Walker(file)
    try:
        root = _compose_root(loader, text, file)
        walker.walk(root, (), None)
        data = loader.construct_document(root)
    except MarkedYAMLError as exc:  # a bad scalar found while constructing, e.g. `!!int abc`
        raise InputError([*walker.problems, _yaml_problem(exc, text, file)]) from None
    finally:
        loader.dispose()
    return YamlDoc(
        file, data, walker.positions, tuple(walker.problems), frozenset(walker.set_aside)
    )


def _check_limits(text: str, file: str, max_text: int) -> None:
    """Size, depth, anchors: refused on the events, before a node tree is built (yaml_limits)."""
    loader = _LOADER(text)
    try:
        breach = yaml_limits.first_breach(loader, max_text=max_text)
    except MarkedYAMLError as exc:
        raise InputError([_yaml_problem(exc, text, file)]) from None
    except yaml.YAMLError as exc:  # unmarked (ReaderError): the character check should prevent it
        raise InputError([Problem(file, 1, 1, str(exc).splitlines()[0])]) from None
    finally:
        loader.dispose()
    if breach is not None:
        raise InputError([Problem(file, breach.line + 1, breach.column + 1, breach.message)])


def _compose_root(loader: _CLoader | _PureLoader, text: str, file: str) -> MappingNode:
    try:
        root = loader.get_single_node()
    except MarkedYAMLError as exc:
        raise InputError([_yaml_problem(exc, text, file)]) from None
    except yaml.YAMLError as exc:  # unmarked (ReaderError): the character check should prevent it
        raise InputError([Problem(file, 1, 1, str(exc).splitlines()[0])]) from None
    if root is None or (root.tag == _TAG + "null" and root.value == ""):
        raise InputError([Problem(file, 1, 1, "the file is empty")])
    if not isinstance(root, MappingNode):
        found = "a list" if isinstance(root, SequenceNode) else "a single value"
        line, column = _pos(root.start_mark)
        message = f"expected a mapping at the top level, found {found}"
        raise InputError([Problem(file, line, column, message)])
    return root


class _Walker:
    """One pass over the node tree: records positions and sets aside what cannot be used. The
    limits were checked on the events already, so the tree is small and has no aliases."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.positions: dict[YamlPath, tuple[Pos, Pos]] = {}
        self.problems: list[Problem] = []
        self.set_aside: set[YamlPath] = set()

    def walk(self, node: Node, path: YamlPath, key_pos: Pos | None) -> None:
        pos = _pos(node.start_mark)
        self.positions[path] = (key_pos or pos, pos)
        if node.tag not in _ALLOWED_TAGS:
            self._set_aside(node, path, _tag_message(node.tag))
        elif isinstance(node, ScalarNode):
            message = _scalar_problem(node)
            if message is not None:
                self._set_aside(node, path, message)
        elif isinstance(node, MappingNode):
            self._walk_mapping(node, path)
        else:
            for index, item in enumerate(node.value):
                self.walk(item, (*path, index), None)

    def _walk_mapping(self, node: MappingNode, path: YamlPath) -> None:
        kept = []
        for key_node, value_node in node.value:
            message = _bad_key_message(key_node)
            child = (*path, str(key_node.value))
            if message is None and child in self.positions:
                line = self.positions[child][0][0]
                message = f"duplicate key {key_node.value!r} (first defined at line {line})"
            if message is not None:  # the pair is left out: the first spelling of a key counts
                self._add(key_node, message)
                continue
            # A key is always the text the user typed: `2024:` is "2024", `true:` is "true".
            key_node.tag = _STR_TAG
            kept.append((key_node, value_node))
            self.walk(value_node, child, _pos(key_node.start_mark))
        node.value = kept

    def _set_aside(self, node: Node, path: YamlPath, message: str) -> None:
        """Report the value and read it as empty, so the rest of the document is still checked."""
        self._add(node, message)
        self.set_aside.add(path)
        if isinstance(node, ScalarNode):
            node.tag, node.value = _TAG + "null", ""
        else:
            node.tag = _TAG + ("map" if isinstance(node, MappingNode) else "seq")
            node.value = []

    def _add(self, node: Node, message: str) -> None:
        self.problems.append(Problem(self.file, *_pos(node.start_mark), message))


def _float(node: ScalarNode) -> float:
    value: float = SafeConstructor.construct_yaml_float(SafeConstructor(), node)
    return value


def _scalar_problem(node: ScalarNode) -> str | None:
    """Why a scalar cannot be used as it is written, or None."""
    unsafe = unsafe_char_problem(node.value)
    if unsafe is not None:
        return unsafe
    if node.tag == _TAG + "float" and not math.isfinite(_float(node)):
        return f"{node.value} is not a finite number: write a number such as 12 or 0.5"
    if node.tag == _TAG + "int" and len(node.value.lstrip("+-")) > 15:
        return f"{_clip(node.value)} is too large a number"
    if node.tag == _TAG + "timestamp":
        try:
            SafeConstructor.construct_yaml_timestamp(SafeConstructor(), node)
        except ValueError:
            return f"{_clip(str(node.value))!r} is not a valid date"
    return None


def _bad_key_message(node: Node) -> str | None:
    """Why a key cannot be used, or None for a plain key."""
    if not isinstance(node, ScalarNode):
        return "a key must be a plain name, not a list or mapping"
    if node.tag not in _ALLOWED_TAGS:
        return _tag_message(node.tag)
    # Merging only makes sense with aliases, which are refused; refusing `<<` outright also keeps
    # every key visible where it applies.
    if node.value == "<<":
        return MERGE_MESSAGE
    return unsafe_char_problem(node.value)


def _tag_message(tag: str) -> str:
    shown = tag.replace(_TAG, "!!", 1)
    return f"tag {shown!r} is not allowed: ncr files hold plain data only"


def _yaml_problem(exc: MarkedYAMLError, text: str, file: str) -> Problem:
    mark, message = _explain(exc, text)
    line, column = _pos(mark) if mark else (1, 1)
    return Problem(file, line, column, message)


def _explain(exc: MarkedYAMLError, text: str) -> tuple[Mark | None, str]:
    """PyYAML's wording, or ours where theirs is cryptic for a reviewer."""
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or str(exc).splitlines()[0]
    context = exc.context or ""
    if problem == "exceeded maximum nesting depth":  # libyaml stops at 1000 levels
        return mark, TOO_DEEP_MESSAGE
    if mark and mark.index < len(text) and text[mark.index] == "\t":
        indent = text[mark.index - mark.column : mark.index].strip(" \t") == ""
        return mark, f"tab character {'in indentation' if indent else 'here'}: use spaces"
    if "alias" in problem + context or "anchor" in problem + context:
        return mark, ALIAS_MESSAGE
    if "another document" in problem:
        return mark, "a second YAML document starts here: use one per file"
    if "quoted scalar" in context and "end of stream" in problem:
        return exc.context_mark, "this quoted text is never closed"
    if context and exc.context_mark:
        line, column = _pos(exc.context_mark)
        return mark, f"{problem} ({context} at line {line}, column {column})"
    return mark, problem


def _pos(mark: Mark | _CMark) -> Pos:
    return (mark.line + 1, mark.column + 1)


def _text_position(text: str, index: int) -> Pos:
    return (text.count("\n", 0, index) + 1, index - text.rfind("\n", 0, index))


def _clip(value: str, limit: int = 40) -> str:
    return value if len(value) <= limit else value[: limit - 3] + "..."
