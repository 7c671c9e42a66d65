"""A reading that leaves out a word of its sentence is recognised; logic words, pronouns,
articles and prepositions are never required, and no gold LF of the generator leaves
anything out."""

import pytest

from neurosym.logic.parser import parse_formula
from neurosym.parser.candidates import candidates_for
from neurosym.parser.omission import omitted_words
from neurosym.rules.loader import load_theory
from neurosym.training import generate_pairs
from neurosym.training.train_parser import shipped_theories


def omitted(lf: str, sentence: str, theory=None) -> list[str]:
    return omitted_words(parse_formula(lf), sentence, candidates_for(sentence, theory),
                         schema=theory is not None)


@pytest.mark.parametrize("sentence, lf, left_out", [
    ("The apple does not kick the duck.", "not kick(apple)", ["duck"]),
    ("The adult, James or Rina is not a computer.",
     "not computer(adult) or not computer(rina)", ["James"]),
    ("Towers that kick James and are brave are parents of the fox.",
     "forall x. kick(x, james) and brave(x) -> parent_of(x, fox)", ["Towers"]),
    ("Alice is 17 years old.", "age(alice) = 18", ["17"]),
])
def test_a_reading_that_loses_a_word_is_caught(sentence, lf, left_out):
    assert omitted(lf, sentence) == left_out


@pytest.mark.parametrize("sentence, lf", [
    ("If someone is kind then they are young.", "forall x. kind(x) -> young(x)"),
    ("It is not the case that the cat is big.", "not big(cat)"),
    ("Bob regularly drinks coffee.", "drink_coffee_regularly(bob)"),
    ("Alice is 17 years old.", "age(alice) = 17"),
    ("Everyone who has a score of at least 15 passes.", "forall x. score(x) >= 15 -> pass(x)"),
    ("Either the dog or Bob is neither red nor big.",
     "(not red(dog) and not big(dog)) xor (not red(bob) and not big(bob))"),
])
def test_logic_words_pronouns_and_absorbed_words_need_not_be_said(sentence, lf):
    assert omitted(lf, sentence) == []


def test_schema_mode_asks_only_for_names_and_numbers():
    lending = load_theory(["rules/lending.rules"])
    sentence = "Tom guarantees Omar's loan."
    assert omitted("cosigner_of(tom, omar)", sentence, lending) == []
    assert omitted("cosigner_of(tom, tom)", sentence, lending) == ["Omar"]


def test_no_generated_gold_lf_leaves_out_a_word():
    pairs = [(pair, None) for pair in generate_pairs(1500, seed=41, invented=0.5, coined=0.5)]
    for theory in shipped_theories():
        pairs += [(pair, theory) for pair in generate_pairs(100, seed=42, theory=theory)]
    for pair, theory in pairs:
        assert omitted(pair.lf, pair.sentence, theory) == [], pair
