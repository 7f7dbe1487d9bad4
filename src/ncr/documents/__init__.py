"""The four documents a reviewer writes: framework, questionnaire, response, benchmark."""

from ncr.documents.benchmark import Benchmark, Thresholds
from ncr.documents.conditions import (
    AllOf,
    AnyOf,
    Condition,
    IndicatorAtLeast,
    IndicatorBelow,
    Not,
    QuestionIn,
    QuestionIs,
)
from ncr.documents.framework import Cap, Framework, Indicator, Level, Pillar, Rule
from ncr.documents.questionnaire import Band, Option, Question, Questionnaire, Replaces, Section
from ncr.documents.response import Answer, Country, EvidenceLink, Response, Review

__all__ = [
    "AllOf",
    "Answer",
    "AnyOf",
    "Band",
    "Benchmark",
    "Cap",
    "Condition",
    "Country",
    "EvidenceLink",
    "Framework",
    "Indicator",
    "IndicatorAtLeast",
    "IndicatorBelow",
    "Level",
    "Not",
    "Option",
    "Pillar",
    "Question",
    "QuestionIn",
    "QuestionIs",
    "Questionnaire",
    "Replaces",
    "Response",
    "Review",
    "Rule",
    "Section",
    "Thresholds",
]
