"""JSON Schemas of the documents and results, and the response schema of one questionnaire."""

from __future__ import annotations

import json

import pytest

from conftest import LIB
from ncr.loader.loading import Loader
from ncr.loader.search_path import Catalog
from ncr.outputs.json_schemas import KINDS, response_schema_for, schema_text
from ncr.problems import UsageError


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_has_a_titled_schema(kind: str) -> None:
    schema = json.loads(schema_text(kind))
    assert schema["title"] == f"ncr {kind}"
    assert schema["$schema"].startswith("https://json-schema.org/")


def test_an_unknown_kind_names_the_known_ones() -> None:
    with pytest.raises(UsageError, match="choose one of: framework, questionnaire"):
        schema_text("reponse")


def test_the_schema_of_one_questionnaire_knows_its_questions_and_answers() -> None:
    loader = Loader(Catalog.create([LIB], env={}))
    qn = loader.questionnaire(LIB / "questionnaires" / "mini-q.yaml")[0].model
    answers = json.loads(response_schema_for(qn))["properties"]["answers"]
    assert answers["additionalProperties"] is False  # an editor underlines an unknown id
    assert list(answers["properties"]) == [q.id for q in qn.questions()]
    yes_no = answers["properties"]["L1"]["anyOf"][0]["enum"]
    assert yes_no == ["yes", "no", "unknown", None, True, False]
    number = answers["properties"]["L4"]["anyOf"][0]["anyOf"][0]
    assert number == {"type": "number", "minimum": 0}
    multi = answers["properties"]["L3"]["anyOf"][0]["anyOf"][0]
    assert multi["uniqueItems"] is True
    assert "preservation" in multi["items"]["enum"]


def test_documents_people_write_refuse_unknown_keys() -> None:
    for kind in ("framework", "questionnaire", "response", "benchmark", "profile"):
        assert json.loads(schema_text(kind))["additionalProperties"] is False, kind
