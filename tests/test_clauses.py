"""A sentence of two clauses, about one subject or each about its own, splits into them;
anything else stays whole."""

import pytest

from neurosym.parser.clauses import independent_clauses, shared_subject_clauses, shared_verb_clauses


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
    "Someone is a judge and pulls the tree.",  # one someone, whom two sentences would not say
    "Cats are animals and chase mice.",  # a rule
    "Boston misses Laura provided that it is noisy and is red.",  # "it" reaches back
])
def test_other_sentences_stay_whole(sentence):
    assert shared_subject_clauses(sentence) is None


@pytest.mark.parametrize("sentence, clauses", [
    ("Anna is older than Ben, and Ben is older than Chris.", ("Anna is older than Ben.", "Ben is older than Chris.")),
    ("Grace is not a trapin and James is not a trapin.", ("Grace is not a trapin.", "James is not a trapin.")),
    ("The cat chases the dog, and the dog is big.", ("The cat chases the dog.", "The dog is big.")),
    ("Tom bought a car and Ann can drive.", ("Tom bought a car.", "Ann can drive.")),
    ("Amelia isn't a co-signer for Ella and Blicket is employed.",
     ("Amelia isn't a co-signer for Ella.", "Blicket is employed.")),
])
def test_two_clauses_with_subjects_of_their_own_split(sentence, clauses):
    assert independent_clauses(sentence) == clauses


@pytest.mark.parametrize("sentence", [
    "Ann is 30 years old and weighs 60 kg.",  # one subject: shared_subject_clauses
    "At least one of the hamster and the kangaroo is a writer.",  # "At" is no subject
    "It is not the case that Bob is red and Alice is big.",  # the negation reaches both
    "Every cat is an animal, and every animal is mortal.",
    "Bob is red or Alice is big.",
    "Bob is red and Carol is not.",  # the second clause borrows the first one's words
    "Tom bought a car and Ann sold it.",  # "it" reaches back
    "Liam needs Henry as long as Liam has the pager and Liam is locked out.",  # a condition of two clauses
    "Bob is red and the cat is big and Dave is blue.",  # two "and"s
    "Alice and Bob are students.",
])
def test_other_sentences_are_no_two_independent_clauses(sentence):
    assert independent_clauses(sentence) is None


@pytest.mark.parametrize("sentence, clauses", [
    ("Mary owns a car and a bike.", ("Mary owns a car.", "Mary owns a bike.")),
    ("Maria speaks French and Spanish.", ("Maria speaks French.", "Maria speaks Spanish.")),
    ("The store sells bread and milk.", ("The store sells bread.", "The store sells milk.")),
    ("The cat chases the dogs and the mice.", ("The cat chases the dogs.", "The cat chases the mice.")),
    ("Bob works at Google and Meta.", ("Bob works at Google.", "Bob works at Meta.")),
    ("Kate eats peanut butter and jam.", ("Kate eats peanut butter.", "Kate eats jam.")),
])
def test_one_verb_of_two_objects_is_said_of_each(sentence, clauses):
    assert shared_verb_clauses(sentence) == clauses


@pytest.mark.parametrize("sentence", [
    "The cat chases the dog and the mouse runs.",  # a clause of its own
    "Bob likes cats and sleeps.",  # a second verb phrase: shared_subject_clauses
    "Mary owns cars and bikes.",  # "bikes" may be a verb
    "Bob does not own a car and a bike.",  # a negation whose scope the split could change
    "Every cat chases a dog and a mouse.",  # a rule
    "Bob gave Alice a book and a pen.",  # two objects before the "and"
    "Bob owns a car and a bike and a boat.",  # two "and"s
])
def test_other_sentences_are_no_verb_of_two_objects(sentence):
    assert shared_verb_clauses(sentence) is None
