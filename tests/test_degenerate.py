"""Readings no English sentence means are recognised, and meaningful ones are kept."""

import pytest

from pathlib import Path

from neurosym.logic.parser import parse_formula
from neurosym.parser.degenerate import degeneracy, is_degenerate
from neurosym.training import generate_pairs
from neurosym.training.folio_pairs import folio_pairs
from neurosym.training.train_parser import shipped_theories

FOLIO = Path(__file__).resolve().parents[2] / "shared" / "data" / "folio-v0-train.jsonl"


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
    ("bear_see(bear, squirrel)", "a name begins with its own argument"),
    ("forall x. dog_chase(dog, x) -> red(x)", "a name begins with its own argument"),
    ("forall x. red(x) and young(x) -> not young(x)", "the conclusion negates a condition"),
    ("forall x. red(x) and not young(x) -> young(x)", "the conclusion negates a condition"),
    ("forall x. rough(x) and like(x, like_bear) -> chase(x, cat)", "an argument's name begins with its predicate's"),
    ("go_to(leo, -school(leo))", "a predicate's argument is a quantity"),
    ("like(bob, age(alice))", "a predicate's argument is a quantity"),
    ("forall x. near(x, height(x) + 1) -> tall(x)", "a predicate's argument is a quantity"),
])
def test_degenerate_readings_are_recognised_with_a_reason(lf, reason):
    assert degeneracy(parse_formula(lf)) == reason
    assert is_degenerate(parse_formula(lf))


@pytest.mark.parametrize("lf", [
    "eat(cat, rabbit)",
    "forall x. big(x) -> smart(x)",
    "forall x, y. write(x, y) -> writer(x)",
    "forall x. kind(x) -> not kind(x)",  # odd but contingent: not a tautology
    "forall x. red(x) and young(x) -> not big(x)",
    "red(bob) xor blue(bob)",
    "age(bob) > age(alice)",
    "forall x. dog(x) -> (exists y. cat(y) and chase(x, y))",
    "big(dog) and big(cat)",
    "rain -> wet(street)",
    "forall x. (red(x) -> big(x)) and (big(x) -> red(x))",
    "chase_bear(dog)",
    "love(dog_owner, dog)",
    "like(bob, likeable_cat)",
    "height(leo) > -height(ann) + 3",
])
def test_meaningful_readings_are_kept(lf):
    assert degeneracy(parse_formula(lf)) is None


def test_no_gold_lf_is_degenerate():
    pairs = generate_pairs(3000, seed=12, invented=0.5, coined=0.5)
    for theory in shipped_theories():
        pairs += generate_pairs(200, seed=13, theory=theory)
    if FOLIO.exists():  # the shared data sits beside the checkout, not beside a clean clone
        pairs += folio_pairs(FOLIO, part="train") + folio_pairs(FOLIO, part="validation")
    for pair in pairs:
        assert degeneracy(parse_formula(pair.lf)) is None, pair
