"""Readings no English sentence means are recognised, and meaningful ones are kept."""

import pytest

from neurosym.logic.parser import parse_formula
from neurosym.parser.degenerate import degeneracy, is_degenerate


@pytest.mark.parametrize("lf, reason", [
    ("eat(cat, rabbit) and eat(cat, rabbit)", "a conjunct is repeated"),
    ("red(bob) or blue(bob) or red(bob)", "a disjunct is repeated"),
    ("red(bob) xor red(bob)", "both sides are the same"),
    ("quiet(dog) and not quiet(dog)", "a conjunct contradicts another"),
    ("big(x) or red(x) or not big(x)", "a disjunct negates another"),
    ("red(bob) <-> red(bob)", "both sides are the same"),
    ("forall x. big(x) -> big(x)", "the conclusion repeats a condition"),
    ("forall x. big(x) and cold(x) -> cold(x)", "the conclusion repeats a condition"),
    ("age(bob) < age(bob)", "a term is compared with itself"),
    ("green(dog) = green(dog)", "a term is compared with itself"),
    ("forall x, y. writer(x) -> writer(whoever)", "the quantified variable y is never used"),
    ("exists x. red(bob)", "the quantified variable x is never used"),
    ("not (forall x. kind(x) -> kind(x))", "the conclusion repeats a condition"),
])
def test_degenerate_readings_are_recognised_with_a_reason(lf, reason):
    assert degeneracy(parse_formula(lf)) == reason
    assert is_degenerate(parse_formula(lf))


@pytest.mark.parametrize("lf", [
    "eat(cat, rabbit)",
    "forall x. big(x) -> smart(x)",
    "forall x, y. write(x, y) -> writer(x)",
    "forall x. kind(x) -> not kind(x)",  # odd but contingent: not a tautology
    "red(bob) xor blue(bob)",
    "age(bob) > age(alice)",
    "forall x. dog(x) -> (exists y. cat(y) and chase(x, y))",
    "big(dog) and big(cat)",
    "rain -> wet(street)",
    "forall x. (red(x) -> big(x)) and (big(x) -> red(x))",
])
def test_meaningful_readings_are_kept(lf):
    assert degeneracy(parse_formula(lf)) is None
