"""The everyday sentences of benchmarks/everyday_sentences.py: every accepted reading is an
LF (well-typed against its rule file where it has one), so a sentence judged wrong is the
parser's miss, not a typo of the list; and the judging counts what it says it counts."""

import importlib.util
from pathlib import Path

import pytest

from neurosym.logic.parser import parse_formula
from neurosym.logic.printer import to_text
from neurosym.logic.typecheck import infer_signature, typecheck
from neurosym.parser.decoding import Reading
from neurosym.rules.loader import load_theory

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("everyday_sentences", ROOT / "benchmarks" / "everyday_sentences.py")
everyday = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(everyday)

OPEN_CASES = [(sentence, lf) for sentence, accepted in everyday.OPEN + everyday.FRESH + everyday.FRESH_2
              for lf in accepted]
RULE_CASES = [(rules, sentence, lf) for lists in (everyday.WITH_RULES, everyday.FRESH_WITH_RULES)
              for rules, items in lists.items() for sentence, accepted in items for lf in accepted]


@pytest.mark.parametrize("sentence, lf", OPEN_CASES)
def test_each_accepted_open_mode_reading_is_an_lf_in_canonical_form(sentence, lf):
    assert to_text(parse_formula(lf)) == lf  # the parser's readings are compared as text


@pytest.mark.parametrize("rules, sentence, lf", RULE_CASES)
def test_each_accepted_reading_is_a_well_typed_lf_of_its_rule_file(rules, sentence, lf):
    theory = load_theory([ROOT / "rules" / rules])
    formula = parse_formula(lf)
    signature = infer_signature([(formula, sentence, lf)], base=theory.signature, allow_new_symbols=False)
    typecheck(formula, signature)
    assert to_text(formula) == lf


def reading(text: str, probability: float) -> Reading:
    import math

    return Reading(text=text, formula=None, actions=(), score=math.log(probability), normalized_score=0.0)


def test_a_sure_reading_counts_right_only_when_accepted_and_an_unsure_one_never_counts_wrong():
    items = [("Socrates is a man.", ("man(socrates)",)), ("Most birds can fly.", ()),
             ("The sky is blue.", ("blue(sky)",)), ("Bob is red.", ("red(bob)",))]
    found = [[reading("man(socrates)", 0.9)], [reading("forall x. bird(x) -> fly(x)", 0.76)],
             [reading("blue(sky)", 0.3)], []]
    figures = everyday.judged(items, found)
    assert (figures["right"], figures["unsure"], figures["sure_and_wrong"]) == (1, 2, 1)
    assert figures["wrong"] == [{"sentence": "Most birds can fly.", "read": "forall x. bird(x) -> fly(x)",
                                 "confidence": 0.76}]


def test_each_problem_expects_a_verdict_the_solver_can_give():
    problems = everyday.PROBLEMS + everyday.PROBLEMS_2 + everyday.PROBLEMS_3
    assert problems and all(expected in ("CONSISTENT", "INCONSISTENT") for _, expected in problems)


def test_a_problem_counts_right_only_for_its_verdict_and_undecided_when_not_checked():
    from types import SimpleNamespace

    verdicts = {"A.": SimpleNamespace(consistency="INCONSISTENT"), "B.": SimpleNamespace(consistency="CONSISTENT"),
                "C.": None}
    pipeline = SimpleNamespace(check_text=lambda text: SimpleNamespace(result=verdicts[text]))
    figures = everyday.judged_problems([("A.", "INCONSISTENT"), ("B.", "INCONSISTENT"), ("C.", "CONSISTENT")],
                                       pipeline)
    assert (figures["right"], figures["wrong"], figures["undecided"]) == (1, 1, 1)
    assert figures["wrong_texts"] == [{"text": "B.", "verdict": "CONSISTENT"}]
