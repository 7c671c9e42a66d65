"""Solver-labelled synthetic problems (neurosym.training.labelled), as a specification.

The labels must be the reasoner's: every test that judges a label asks a fresh
reasoner again, independently of the generator.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from neurosym.errors import InputFormatError
from neurosym.logic import ast
from neurosym.logic.parser import parse_formula
from neurosym.reasoner import Reasoner
from neurosym.rules.loader import load_theory
from neurosym.training import labelled_problems, template_ids, write_labelled
from neurosym.verdicts import QA_LABELS, Verdict

ROOT = Path(__file__).resolve().parent.parent
SEMANTICS = ("classical", "directional", "closed-world")
LABELS = {"classical": {"True", "False", "Unknown"}, "directional": {"True", "False", "Unknown"},
          "closed-world": {"True", "False"}}


@pytest.fixture(scope="module")
def problems():
    return labelled_problems(180, seed=11)


@pytest.fixture(scope="module")
def reasoner():
    return Reasoner(None)


def _verdict(reasoner, claim: str, premises, semantics: str) -> Verdict:
    return reasoner.check([claim], list(premises), semantics=semantics, explain=False).claims[0].verdict


def _is_rule(formula: ast.Formula) -> bool:
    return isinstance(formula, (ast.Forall, ast.Implies))


# ---------------------------------------------------------------- labels are the reasoner's


def test_every_label_agrees_with_an_independent_recheck(problems, reasoner):
    for problem in problems:
        verdict = _verdict(reasoner, problem.question.lf, [p.lf for p in problem.context],
                           problem.semantics)
        assert verdict in QA_LABELS, (problem, verdict)
        assert QA_LABELS[verdict] == problem.label, problem


def test_no_context_is_inconsistent(problems, reasoner):
    # An inconsistent context makes every claim IMPOSSIBLE, "true" included.
    for problem in problems:
        verdict = _verdict(reasoner, "true", [p.lf for p in problem.context], problem.semantics)
        assert verdict is Verdict.ENTAILED, problem


def test_labels_agree_with_the_reasoner_of_a_theory():
    theory = load_theory([ROOT / "rules" / "common.rules"])
    reasoner = Reasoner(theory)
    problems = labelled_problems(12, seed=5, theory=theory)
    for problem in problems:
        verdict = _verdict(reasoner, problem.question.lf, [p.lf for p in problem.context],
                           problem.semantics)
        assert QA_LABELS[verdict] == problem.label, problem


# ---------------------------------------------------------------- balance and coverage


def test_every_semantics_appears_with_each_of_its_labels(problems):
    seen = {s: {p.label for p in problems if p.semantics == s} for s in SEMANTICS}
    assert seen == LABELS


def test_labels_are_balanced_within_each_semantics(problems):
    for semantics, labels in LABELS.items():
        counts = Counter(p.label for p in problems if p.semantics == semantics)
        assert max(counts.values()) - min(counts.values()) <= 2, (semantics, counts)


def test_question_polarity_does_not_give_the_label_away(problems):
    # "X is not P" must not mean False: each label is asked positively and negatively alike.
    for label in ("True", "False", "Unknown"):
        counts = Counter(p.question.lf.startswith("not ") for p in problems if p.label == label)
        assert abs(counts[True] - counts[False]) <= 0.2 * sum(counts.values()) + 2, (label, counts)


def test_the_semantics_tuple_is_respected():
    problems = labelled_problems(6, seed=2, semantics=("closed_world",))
    assert {p.semantics for p in problems} == {"closed-world"}
    assert {p.label for p in problems} == {"True", "False"}


def test_context_sizes_stay_in_range(problems):
    assert all(4 <= len(p.context) <= 12 for p in problems)
    assert all(len(p.context) == 5 for p in labelled_problems(6, seed=3, size=5))


# ---------------------------------------------------------------- questions need reasoning


def test_many_true_questions_need_a_rule(problems, reasoner):
    """The question is not a stated fact: the facts alone, without the rules, leave it open."""
    open_true = [p for p in problems if p.label == "True" and p.semantics != "closed-world"]
    needing_rules = 0
    for problem in open_true:
        context = [p.lf for p in problem.context]
        facts = [lf for lf in context if not _is_rule(parse_formula(lf))]
        if problem.question.lf in context:
            continue
        if _verdict(reasoner, problem.question.lf, facts, problem.semantics) is not Verdict.ENTAILED:
            needing_rules += 1
    assert needing_rules >= 0.4 * len(open_true), (needing_rules, len(open_true))


def test_some_true_questions_need_rules_chained(problems, reasoner):
    """No single rule with the facts entails the question: at least two rules are used."""
    open_true = [p for p in problems if p.label == "True" and p.semantics != "closed-world"]
    chained = 0
    for problem in open_true:
        formulas = [(p.lf, _is_rule(parse_formula(p.lf))) for p in problem.context]
        facts = [lf for lf, rule in formulas if not rule]
        rules = [lf for lf, rule in formulas if rule]
        if all(_verdict(reasoner, problem.question.lf, [*facts, rule], problem.semantics)
               is not Verdict.ENTAILED for rule in [*rules, "true"]):
            chained += 1
    assert chained >= 0.2 * len(open_true), (chained, len(open_true))


def test_questions_use_the_context_vocabulary_and_the_generator_templates(problems):
    templates = set(template_ids())
    for problem in problems:
        context_symbols = set().union(*(ast.free_names(parse_formula(p.lf)) for p in problem.context))
        question = parse_formula(problem.question.lf)
        assert ast.free_names(question) <= context_symbols, problem
        atom = question.arg if isinstance(question, ast.Not) else question
        assert isinstance(atom, ast.Pred) and atom.args, problem  # a literal about individuals
        assert problem.question.template in templates, problem
        assert problem.question.sentence[0].isupper() and problem.question.sentence.endswith(".")


# ---------------------------------------------------------------- determinism and output


def test_the_same_seed_gives_the_same_problems_and_longer_runs_extend_shorter_ones():
    first = [p.to_dict("x") for p in labelled_problems(12, seed=4)]
    again = [p.to_dict("x") for p in labelled_problems(20, seed=4)]
    other = [p.to_dict("x") for p in labelled_problems(12, seed=5)]
    assert again[:12] == first
    assert other != first


def test_write_labelled_writes_the_problem_format(tmp_path):
    path = tmp_path / "labelled.jsonl"
    count = write_labelled(path, 7, seed=9, size=(4, 6))
    lines = path.read_text(encoding="utf-8").splitlines()
    assert count == len(lines) == 7
    rows = [json.loads(line) for line in lines]
    expected = labelled_problems(7, seed=9, size=(4, 6))
    assert rows == [p.to_dict(f"gen-9-{i}") for i, p in enumerate(expected)]
    assert [r["id"] for r in rows] == [f"gen-9-{i}" for i in range(7)]
    assert all(set(r) >= {"id", "context", "question", "label", "semantics"} for r in rows)


@pytest.mark.parametrize("options, error", [
    ({"size": (0, 3)}, ValueError),
    ({"size": (6, 4)}, ValueError),
    ({"semantics": ()}, ValueError),
    ({"semantics": ("fuzzy",)}, InputFormatError),
])
def test_bad_options_are_reported(options, error):
    with pytest.raises(error):
        labelled_problems(1, seed=0, **options)
