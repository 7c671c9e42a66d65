"""A sentence of two clauses about one subject splits into them; anything else stays whole."""

import pytest

from neurosym.parser.clauses import shared_subject_clauses


@pytest.mark.parametrize("sentence, clauses", [
    ("Ann is 30 years old and weighs 60 kg.", ("Ann is 30 years old.", "Ann weighs 60 kg.")),
    ("Bob is employed and earns 5000 a month.", ("Bob is employed.", "Bob earns 5000 a month.")),
    ("The cat is big and chases the dog.", ("The cat is big.", "The cat chases the dog.")),
    ("The Emmet Building is tall and has 20 floors.",
     ("The Emmet Building is tall.", "The Emmet Building has 20 floors.")),
    ("Maria joined 3 years ago and took 2 days off.", ("Maria joined 3 years ago.", "Maria took 2 days off.")),
])
def test_two_clauses_about_one_subject_split(sentence, clauses):
    assert shared_subject_clauses(sentence) == clauses


@pytest.mark.parametrize("sentence", [
    "Bob is big and Alice is red.",  # two subjects
    "Ann takes ibuprofen and aspirin.",  # two objects
    "Bob is tall and rich.",  # two adjectives
    "Every cat is big and chases mice.",  # a rule
    "Bob is not tall and weighs 60 kg.",  # a negation whose scope the split could change
    "Bob is big or chases the dog.",
    "If Bob is big and chases the dog then he is red.",
    "Bob is big and chases the dog and the cat.",  # two "and"s
])
def test_other_sentences_stay_whole(sentence):
    assert shared_subject_clauses(sentence) is None
