"""The hand-written rule-file sentences of benchmarks/rule_sentences.py: each expected
reading is a well-typed LF of its rule file, so a miss there is the parser's."""

import importlib.util
from pathlib import Path

import pytest

from neurosym.logic import ast
from neurosym.logic.parser import parse_formula
from neurosym.logic.typecheck import infer_signature, typecheck
from neurosym.rules.loader import load_theory

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("rule_sentences", ROOT / "benchmarks" / "rule_sentences.py")
rule_sentences = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(rule_sentences)

CASES = [(rules, sentence, lf) for rules, items in rule_sentences.SENTENCES.items() for sentence, lf in items]
GLOSS_SHAPE_CASES = [(rules, sentence, lf) for rules, items in rule_sentences.GLOSS_SHAPES.items()
                     for sentence, lf in items]
PROHIBITION_CASES = [(rules, sentence, lf) for rules, items in rule_sentences.PROHIBITIONS.items()
                     for sentence, lf in items]


@pytest.mark.parametrize("rules, sentence, lf", CASES + GLOSS_SHAPE_CASES + PROHIBITION_CASES)
def test_each_expected_reading_is_a_well_typed_lf_of_its_rule_file(rules, sentence, lf):
    theory = load_theory([ROOT / "rules" / rules])
    formula = parse_formula(lf)
    signature = infer_signature([(formula, sentence, lf)], base=theory.signature, allow_new_symbols=False)
    typecheck(formula, signature)


def test_the_list_covers_four_rule_files_and_real_magnitudes():
    assert len(CASES) == 31
    assert {rules for rules, _, _ in CASES} == {"lending.rules", "dosage.rules", "leave.rules", "access.rules"}
    assert any("5000" in sentence for _, sentence, _ in CASES)


def test_the_gloss_shape_list_uses_the_predicates_said_since_the_generator_read_those_glosses():
    newly_said = {"verified_identity", "manual_review", "contraindicated", "needs_pharmacist_review",
                  "safe_regimen", "probation_extended", "manager_approved", "in_blackout",
                  "overlaps_year_end", "approved_by", "submitted", "executed", "can_grant"}
    used = {node.name for _, _, lf in GLOSS_SHAPE_CASES for node in ast.walk(parse_formula(lf))
            if isinstance(node, ast.Pred)}
    assert newly_said <= used


def test_the_prohibition_list_says_the_prohibition_and_denies_it_as_often():
    negated = [lf.startswith("not ") for _, _, lf in PROHIBITION_CASES]
    assert len(PROHIBITION_CASES) == 6 and negated.count(True) == negated.count(False)
    assert all("contraindicated" in lf for _, _, lf in PROHIBITION_CASES)
