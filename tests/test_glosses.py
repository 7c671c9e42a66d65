"""Glosses: template checks, and English rendered through them (neurosym.rules.glosses)."""

from __future__ import annotations

from pathlib import Path

import pytest

from neurosym.logic import ast
from neurosym.logic.parser import parse_formula
from neurosym.rules.glosses import (fill_gloss, gloss_atom, gloss_problem, gloss_slots,
                                    negate_gloss, render_english, render_term)
from neurosym.rules.loader import load_theory

ENGLISH = Path(__file__).parent / "fixtures" / "english.rules"


@pytest.fixture(scope="module")
def theory():
    return load_theory(ENGLISH)


# ------------------------------------------------------------------ templates


def test_slots_are_listed_in_order_and_literal_braces_are_not_slots():
    assert gloss_slots("{1} co-signs for {0}, worth {value}") == ("1", "0", "value")
    assert gloss_slots("a set {{x}} of {0}") == ("0",)
    with pytest.raises(ValueError, match="stray '}'"):
        gloss_slots("{0} is }")


@pytest.mark.parametrize("template, kind, arity, problem", [
    ("{0} is an adult", "predicate", 1, None),
    ("{1} is accepted by {0}", "predicate", 2, None),
    ("it is raining", "predicate", 0, None),
    ("{0} is {value} years old", "function", 1, None),
    ("the age of {0}", "function", 1, None),
    ("Alice", "constant", 0, None),
    ("braces {{like this}} for {0}", "predicate", 1, None),
    ("{1} is an adult", "predicate", 1, "unknown slot {1}"),
    ("{0} likes it", "predicate", 2, "does not mention argument {1}"),
    ("{0} is {value}", "predicate", 1, "{value} is only for function glosses"),
    ("{0} has {amount}", "function", 1, "unknown slot {amount}"),
    ("the {0}", "sort", 0, "a sort gloss has no slots"),
    ("{0} is {", "predicate", 1, "stray '{'"),
    ("  ", "constant", 0, "the gloss is empty"),
])
def test_gloss_problems(template, kind, arity, problem):
    found = gloss_problem(template, kind=kind, arity=arity)
    if problem is None:
        assert found is None
    else:
        assert problem in found


def test_filling_is_substitution_not_python_formatting():
    assert fill_gloss("{1} is accepted by {0}", ["Alice", "the offer"]) == "the offer is accepted by Alice"
    assert fill_gloss("{0} is {value} years old", ["Bob"], "17") == "Bob is 17 years old"
    assert fill_gloss("{{literal}} {0}", ["x"]) == "{literal} x"
    assert fill_gloss("{0.__class__}", ["x"]) == "{0.__class__}"


@pytest.mark.parametrize("template, negated", [
    ("{0} is an adult", "{0} is not an adult"),
    ("{0} can sign contracts", "{0} cannot sign contracts"),
    ("{0} and {1} are married", "{0} and {1} are not married"),
    ("it is raining", "it is not raining"),
    ("{0} qualifies for a loan", None),
    ("{0} island", None),  # "is" only as a whole word
])
def test_negation_at_the_first_auxiliary(template, negated):
    assert negate_gloss(template) == negated


# ------------------------------------------------------------------ rendering formulas


@pytest.mark.parametrize("lf, english", [
    # atoms through the first gloss; constants through theirs or their name
    ("adult(alice)", "Alice is an adult"),
    ("adult(bob)", "bob is an adult"),
    ("accepts(alice, offer1)", "Alice accepts the first offer"),
    ("raining", "it is raining"),
    ("audited(alice)", "audited(Alice)"),  # no gloss: LF text
    # comparisons of function values
    ("age(alice) >= 18", "the age of Alice is at least 18"),
    ("age(alice) > 18", "the age of Alice is greater than 18"),
    ("age(alice) < limit", "the age of Alice is less than the limit"),
    ("age(alice) <= 65", "the age of Alice is at most 65"),
    ("age(alice) = 17", "Alice is 17 years old"),            # the {value} gloss
    ("17 = age(alice)", "Alice is 17 years old"),
    ("age(alice) != 17", "Alice is not 17 years old"),
    ("score(bob) = 700", "bob has a score of 700"),
    ("score(bob) > 700", "score(bob) is greater than 700"),  # no noun gloss: LF text
    ("rate(offer1) = 4.5", "the interest rate of the first offer is 4.5"),
    ("risk(alice) * 2 + 1 > 3", "(risk(Alice) times 2) plus 1 is greater than 3"),
    ("age(alice) - age(bob) >= -1", "the age of Alice minus the age of bob is at least -1"),
    ("alice = bob", "Alice is bob"),
    # negation
    ("not adult(alice)", "Alice is not an adult"),
    ("not can_sign(bob)", "bob cannot sign contracts"),
    ("not qualifies(alice)", "it is not the case that Alice qualifies for a loan"),
    ("not age(alice) >= 18", "the age of Alice is less than 18"),
    ("not age(alice) = 17", "Alice is not 17 years old"),
    ("not audited(bob)", "not audited(bob)"),
    ("not (adult(alice) and raining)", "it is not the case that (Alice is an adult and it is raining)"),
    # connectives
    ("adult(alice) and raining", "Alice is an adult and it is raining"),
    ("adult(alice) and adult(bob) and raining", "Alice is an adult, bob is an adult and it is raining"),
    ("adult(alice) or qualifies(alice)", "Alice is an adult or Alice qualifies for a loan"),
    ("adult(alice) xor raining", "either Alice is an adult or it is raining but not both"),
    ("raining -> adult(alice)", "if it is raining then Alice is an adult"),
    ("raining <-> adult(alice)", "it is raining if and only if Alice is an adult"),
    ("(raining or adult(bob)) and adult(alice)", "(it is raining or bob is an adult) and Alice is an adult"),
    ("raining and adult(bob) or adult(alice)", "(it is raining and bob is an adult) or Alice is an adult"),
    ("(raining -> adult(bob)) -> adult(alice)",
     "if (if it is raining then bob is an adult) then Alice is an adult"),
    ("true and not false", "true and it is not the case that false"),
    # quantifiers, with sort glosses or sort names in words
    ("forall a: Applicant. age(a) >= 18 -> adult(a)",
     "for every applicant a, if the age of a is at least 18 then a is an adult"),
    ("exists o: LoanOffer. accepts(alice, o)",
     "there is a loan offer o such that Alice accepts o"),
    ("forall a: Applicant, o: LoanOffer. accepts(a, o) -> adult(a)",
     "for every applicant a and every loan offer o, if a accepts o then a is an adult"),
    ("∀a ∀b (adult(a) ∧ adult(b))", "for every a and every b, a is an adult and b is an adult"),
    ("forall n: Int. n > 0", "for every integer n, n is greater than 0"),
    ("forall x, y, z. x = y", "for every x, every y and every z, x is y"),
    ("raining -> exists a: Applicant. adult(a)",
     "if it is raining then there is an applicant a such that a is an adult"),
    ("(forall a: Applicant. adult(a)) and raining",
     "(for every applicant a, a is an adult) and it is raining"),
])
def test_render_english(theory, lf, english):
    assert render_english(parse_formula(lf), theory) == english


def test_without_a_theory_everything_is_lf_text_in_english_frame():
    formula = parse_formula("∀x (Drinks(x) → Dependent(x))")
    assert render_english(formula) == "for every x, if Drinks(x) then Dependent(x)"


def test_render_term(theory):
    assert render_term(parse_formula("age(alice) = 1").left, theory) == "the age of Alice"
    assert render_term(ast.Neg(ast.FuncApp("age", (ast.Const("bob"),))), theory) == "minus (the age of bob)"


def test_the_first_gloss_is_the_one_used(theory):
    assert theory.predicates["accepts"].glosses[1] == "{1} is accepted by {0}"
    assert render_english(parse_formula("accepts(bob, offer1)"), theory) == "bob accepts the first offer"


# ------------------------------------------------------------------ single atoms for scenarios


@pytest.mark.parametrize("name, args, value, english", [
    ("adult", ["alice"], None, "alice is an adult"),
    ("adult", [ast.Const("alice")], True, "Alice is an adult"),
    ("adult", [ast.Const("alice")], "false", "Alice is not an adult"),
    ("qualifies", [ast.Const("bob")], False, "it is not the case that bob qualifies for a loan"),
    ("age", [ast.Const("alice")], None, "the age of Alice"),
    ("age", [ast.Const("alice")], "17", "Alice is 17 years old"),
    ("rate", [ast.Const("offer1")], "4.5", "the interest rate of the first offer is 4.5"),
    ("risk", ["bob"], "0.25", "risk(bob) is 0.25"),
    ("undeclared", ["x", "y"], None, "undeclared(x, y)"),
    ("raining", [], False, "it is not raining"),
])
def test_gloss_atom(theory, name, args, value, english):
    assert gloss_atom(name, args, theory, value=value) == english
