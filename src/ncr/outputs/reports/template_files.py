"""The template files a report is made from: rendering with located errors, their provenance, and
`ncr templates copy`.

Reviewers' folders (`--templates DIR`, `DIR/templates/` on the search path) come before the
built-in templates, so a file of theirs replaces ours of the same name. A template that fails to
render, or that the sandbox stops from reaching Python internals, is an input error located at its
file and line (exit 2), never a traceback.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from types import TracebackType
from typing import Any

import jinja2
import jinja2.meta
import jinja2.nodes
from jinja2.exceptions import SecurityError

from ncr.engine.result import InputFile
from ncr.outputs.reports.report_look import (
    REFERENCE_DOCX,
    ReportLook,
    logo_data_url,
    reference_docx,
)
from ncr.problems import InputError, Problem, UsageError
from ncr.shipped import display_path, template_dir

# What `ncr templates copy` writes: the files a reviewer may override (not the bundled fonts).
COPIED_SUFFIXES = (".html", ".j2", ".css", ".docx")
# Assets that base.html includes for one writing direction only: provenance lists them only there.
ONE_DIRECTION = {"report-rtl.css": "rtl"}
# A reviewer's template may fail in Python terms too ({{ 1 / 0 }}, a bad filter argument).
RENDER_ERRORS = (jinja2.TemplateError, TypeError, ValueError, ArithmeticError, LookupError)


def render_template(
    env: jinja2.Environment, name: str, look: ReportLook, context: dict[str, Any]
) -> str:
    """Render `name` with the report profile and the templates' provenance in its context."""
    try:
        full = {
            "profile": look.profile.profile if look.profile else None,
            "logo_src": logo_data_url(look.profile.logo)
            if look.profile and look.profile.logo
            else None,
            "templates": templates_used(env, name, look),
            "lang": look.language,
            "direction": look.direction,
            **context,
        }
        return env.get_template(name).render(**full)
    except jinja2.TemplateSyntaxError as err:
        file = display_path(Path(err.filename)) if err.filename else name
        raise InputError([Problem(file, err.lineno, 0, f"template error: {err.message}")]) from None
    except RENDER_ERRORS as err:
        raise InputError([template_problem(err, name)]) from None


def template_problem(err: BaseException, name: str) -> Problem:
    """Where in which template a render failed: jinja2 gives template code the template's file
    name and line in the traceback."""
    file, line = name, 0
    tb: TracebackType | None = err.__traceback__
    folders_seen = False
    while tb is not None:
        code_file = tb.tb_frame.f_code.co_filename
        if code_file.endswith((".html", ".j2", ".md", ".css")):
            file, line, folders_seen = display_path(Path(code_file)), tb.tb_lineno, True
        tb = tb.tb_next
    if isinstance(err, SecurityError):
        message = f"template refused: it reaches for Python internals ({err})"
    elif isinstance(err, jinja2.TemplateNotFound):
        message = f"template refused: no template named '{err.name}' in the template folders"
    else:
        message = f"template failed to render: {err}"
    if not folders_seen and not isinstance(err, jinja2.TemplateError):
        raise err
    return Problem(file, line, 0, message)


def template_path(env: jinja2.Environment, name: str) -> Path:
    """The file the environment's loader reads for `name` (a reviewer's, else ours)."""
    assert env.loader is not None
    _, filename, _ = env.loader.get_source(env, name)
    return Path(str(filename))


def referenced(env: jinja2.Environment, name: str) -> set[str]:
    """The templates `name` extends, imports or includes, and the assets it inlines."""
    assert env.loader is not None
    source, filename, _ = env.loader.get_source(env, name)
    tree = env.parse(source, name, filename)
    found = {t for t in jinja2.meta.find_referenced_templates(tree) if t}
    for call in tree.find_all(jinja2.nodes.Call):
        if isinstance(call.node, jinja2.nodes.Name) and call.node.name == "asset":
            found |= {a.value for a in call.args if isinstance(a, jinja2.nodes.Const)}
    for other in found:
        try:
            env.loader.get_source(env, other)
        except jinja2.TemplateNotFound:
            line = next((n for n, text in enumerate(source.splitlines(), 1) if other in text), 0)
            message = f"template refused: no template named '{other}' in the template folders"
            raise InputError(
                [Problem(display_path(Path(str(filename))), line, 0, message)]
            ) from None
    return found


def templates_used(env: jinja2.Environment, name: str, look: ReportLook) -> list[InputFile]:
    """Every template file behind a report, each with its SHA-256, and the profile and its logo:
    provenance says exactly what the report was made with."""
    seen: set[str] = set()
    todo = [name]
    while todo:
        current = todo.pop()
        if current not in seen:
            seen.add(current)
            todo += (
                sorted(referenced(env, current) - seen)
                if current.endswith((".html", ".j2"))
                else []
            )
    used = [n for n in sorted(seen) if ONE_DIRECTION.get(n, look.direction) == look.direction]
    files = [_file("template", n, template_path(env, n)) for n in used]
    reference = reference_docx(look.templates) if look.word else None
    if reference is not None:
        files.append(_file("template", REFERENCE_DOCX, reference))
    if look.profile is not None:
        profile = look.profile
        files.append(
            InputFile(role="profile", id="profile", path=profile.name, sha256=profile.sha256)
        )
        if profile.logo is not None:
            logo = profile.logo
            files.append(InputFile(role="logo", id="logo", path=logo.name, sha256=logo.sha256))
    return files


def _file(role: str, name: str, path: Path) -> InputFile:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return InputFile.model_validate(
        {"role": role, "id": name, "path": display_path(path), "sha256": digest}
    )


def copy_builtin(target: Path, *, force: bool = False) -> list[Path]:
    """Write the built-in templates into `target` as a reviewer's starting point; an existing
    file is kept unless `force`."""
    sources = {p.name: p for p in template_dir().iterdir() if p.suffix in COPIED_SUFFIXES}
    names = sorted({*sources, REFERENCE_DOCX})
    clashes = [target / name for name in names if (target / name).exists()]
    if clashes and not force:
        listed = ", ".join(str(c) for c in clashes)
        raise UsageError(f"{listed} already exist; pass --force to replace them")
    target.mkdir(parents=True, exist_ok=True)
    for name in names:
        if name in sources:
            shutil.copyfile(sources[name], target / name)
        else:  # no Word reference document is shipped: python-docx's own, as ncr sets it up
            from ncr.outputs.reports.docx_writer import blank_reference

            (target / name).write_bytes(blank_reference())
    return [target / name for name in names]
