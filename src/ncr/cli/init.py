"""`ncr init`: start a response file listing every question, optionally carrying an earlier review."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError
from rich.markup import escape

from ncr.cli.boundary import EXIT_OK, stderr
from ncr.documents import Questionnaire, Response
from ncr.documents.languages import SOURCE_LANGUAGE
from ncr.engine.carry_over import CarryOver, Earlier, carry_over
from ncr.loader.loading import Loader, relative_reference
from ncr.loader.search_path import Catalog
from ncr.outputs import response_skeleton as skeleton
from ncr.outputs.atomic_files import check_target, write_atomic
from ncr.outputs.interface_text import _, ngettext
from ncr.outputs.json_schemas import response_schema_for
from ncr.pipeline import open_review
from ncr.problems import InputError, UsageError

# Written beside the response and named in its first line, so an editor with the YAML language
# server completes and checks the file offline: one per questionnaire, since it lists that
# questionnaire's question ids and answers.
SCHEMA_FILE = "ncr-{}.schema.json"


@dataclass(frozen=True)
class InitOptions:
    questionnaire: str
    country: str
    year: int
    name: str | None = None
    output: Path | None = None
    from_: Path | None = None
    force: bool = False
    paths: Sequence[Path] = ()
    any_country: bool = False
    lang: str = "en"


def run(opts: InitOptions) -> int:
    code = opts.country.strip().upper()
    _check_options(code, opts.name, opts.year)
    loader = Loader(Catalog.create(opts.paths), lang=opts.lang)
    output = opts.output or Path(f"{code.lower()}-{opts.year}.yaml")
    qn_path, reference = _questionnaire(loader.catalog, opts.questionnaire, output)
    check_target(output, inputs=[qn_path, *([opts.from_] if opts.from_ else [])], force=opts.force)
    questionnaire = loader.questionnaire(qn_path)[0].model
    carried = _carry_over(loader, opts, questionnaire, code) if opts.from_ else None
    check_target(output, inputs=[qn_path], force=opts.force, read=loader.read)
    earlier = carried.earlier.response if carried else None
    header = skeleton.Header(
        code=code,
        name=opts.name or _earlier_name(earlier, code) or code,
        year=opts.year,
        questionnaire=reference,
        date=dt.date.today(),  # the start of a draft; reports take their dates from the file
        classification=earlier.review.classification if earlier else None,
        schema=f"./{SCHEMA_FILE.format(questionnaire.id)}",
        previous=_previous_reference(opts.from_, output) if opts.from_ else None,
    )
    write_atomic(output, skeleton.render(header, questionnaire, carried).encode())
    _report(output, questionnaire, carried)
    # the schema is English whatever the skeleton's language, as `ncr schema response` writes it:
    # one file beside responses in several languages, never reported as out of date
    english = loader.questionnaire_in(qn_path, SOURCE_LANGUAGE).model
    ensure_schema(output.parent / SCHEMA_FILE.format(questionnaire.id), english)
    return EXIT_OK


def _questionnaire(catalog: Catalog, spec: str, output: Path) -> tuple[Path, str]:
    """The questionnaire file, and how the response names it: by id when it is on the search
    path, else as a file relative to the response."""
    found = catalog.questionnaires()
    if spec in found:
        return found[spec].checked(), spec
    path = Path(spec)
    if not path.is_file():
        known = ", ".join(sorted(found)) or "none"
        raise UsageError(
            f"no questionnaire '{spec}' on the search path, nor such a file (known: {known})"
        )
    return path, relative_reference(path, output)


def _carry_over(
    loader: Loader, opts: InitOptions, questionnaire: Questionnaire, code: str
) -> CarryOver:
    source = opts.from_
    assert source is not None  # the caller checked
    review = open_review(loader, source, with_benchmark=False)
    old = review.response.model
    if old.country.code != code and not opts.any_country:
        message = (
            f"this is a review of {old.country.name} ({old.country.code}), not of {code}: "
            f"another country's answers are not carried into a review of {code}; pass "
            "--any-country to carry them all the same"
        )
        raise InputError([review.response.doc.problem(("country", "code"), message)])
    if old.country.code != code:
        warning = _(
            "%(file)s is a review of %(country)s, not %(code)s; its answers are carried over "
            "all the same (--any-country)"
        ) % {"file": str(source), "country": old.country.code, "code": code}
        label = _("warning:")
        stderr().print(f"[yellow]{escape(label)}[/] {escape(warning)}")
    earlier = Earlier(str(source), old, review.questionnaire.model)
    return carry_over(earlier, questionnaire)


def _previous_reference(earlier: Path, output: Path) -> str | None:
    """`review.previous` for the new file: the earlier review, when it sits in the new file's
    folder (a response may name no file outside it); else none, and the reviewer adds it."""
    ref = Path(os.path.relpath(earlier.resolve(), output.parent.resolve())).as_posix()
    return None if ref.startswith("../") else f"./{ref}"


def _earlier_name(earlier: Response | None, code: str) -> str | None:
    return earlier.country.name if earlier and earlier.country.code == code else None


def _check_options(code: str, name: str | None, year: int) -> None:
    """Refuse, before any work, values a response cannot hold, naming the option they came from."""
    if not re.fullmatch(r"[A-Z]{2}", code):
        raise UsageError(f"--country takes a two-letter code such as XA or FR, not '{code}'")
    header = {
        "country": {"code": code, "name": code if name is None else name},
        "year": year,
        "questionnaire": "-",
        "review": {"date": dt.date.today()},
    }
    try:
        Response.model_validate(header)
    except ValidationError as err:
        first = err.errors(include_url=False)[0]
        option = "--year" if first["loc"][0] == "year" else "--name"
        raise UsageError(f"{option}: {first['msg'].lower()}, not {first['input']!r}") from None


def _report(output: Path, questionnaire: Questionnaire, carried: CarryOver | None) -> None:
    count = len(questionnaire.questions())
    # Translators: English says "questions", "answers" even for one; give each form its grammar.
    line = ngettext(
        "wrote %(file)s: %(count)d questions of %(questionnaire)s",
        "wrote %(file)s: %(count)d questions of %(questionnaire)s",
        count,
    ) % {"file": output, "count": count, "questionnaire": questionnaire.id}
    if carried is not None:
        line += ngettext(
            "; %(count)d answers carried over from %(file)s",
            "; %(count)d answers carried over from %(file)s",
            carried.kept,
        ) % {"count": carried.kept, "file": carried.earlier.name}
        if carried.unfit:
            line += ngettext(
                ", %(count)d to answer again (they no longer fit)",
                ", %(count)d to answer again (they no longer fit)",
                carried.unfit,
            ) % {"count": carried.unfit}
    stderr().print(line, markup=False)


def ensure_schema(target: Path, questionnaire: Questionnaire) -> None:
    """Write the response JSON Schema once; an existing file is the user's and stays as it is."""
    schema = response_schema_for(questionnaire)
    if not target.exists():
        write_atomic(target, schema.encode())
        wrote = _("wrote %(file)s: the JSON Schema editors use to check the file")
        stderr().print(wrote % {"file": target}, markup=False)
    elif target.read_text(encoding="utf-8", errors="replace") != schema:
        command = f"ncr schema response -q {questionnaire.id} -o {target} --force"
        note = _("note: %(file)s differs from this version of ncr's; refresh it with `%(command)s`")
        stderr().print(note % {"file": target, "command": command}, markup=False)
