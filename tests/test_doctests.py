"""The examples in module docstrings are true: they run as tests, so docs cannot drift.

Listed here: the modules whose examples are complete and quick. Others show fragments
(names defined elsewhere) or load trained weights; their own test files cover them.
"""

import doctest
import importlib

import pytest

MODULES = [
    "neurosym.text",
    "neurosym.logic.arith",
    "neurosym.logic.printer",
    "neurosym.pipeline",
    "neurosym.parser.candidates",
    "neurosym.parser.clauses",
    "neurosym.parser.connectives",
    "neurosym.parser.constraint",
    "neurosym.parser.degenerate",
    "neurosym.parser.declared_constants",
    "neurosym.parser.declared_glosses",
    "neurosym.parser.omission",
    "neurosym.parser.paraphrases",
    "neurosym.parser.units",
    "neurosym.parser.commutation",
    "neurosym.parser.vocabulary",
    "neurosym.training.coinage",
    "neurosym.training.generate",
    "neurosym.training.lexicon",
    "neurosym.training.morphology",
    "neurosym.training.schema",
    "neurosym.training.vocabulary",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_hold(name):
    failures, tried = doctest.testmod(importlib.import_module(name), verbose=False)
    assert tried > 0, f"{name} has no examples"
    assert failures == 0
