"""A sentence whose subject is "the" and a noun, or a name, is offered said of a stand-in
name, and a reading of it gets the subject's constant back."""

import pytest

from neurosym.logic.parser import parse_formula
from neurosym.logic.printer import to_text
from neurosym.parser.stand_ins import subject_said_as_a_name


@pytest.mark.parametrize("sentence, said, constant", [
    ("The adult is prunish.", "Alice is prunish.", "adult"),
    ("The citizen finds the doctor.", "Alice finds the doctor.", "citizen"),
    ("The folk song can fly.", "Alice can fly.", "folk_song"),
    ("Leo goes to school.", "Alice goes to school.", "leo"),
    ("Omar Haddad doesn't sing.", "Alice doesn't sing.", "omar_haddad"),
    ("Chicago had a car.", "Alice had a car.", "chicago"),  # a past form
    ("Alice likes the dog.", "Zoe likes the dog.", "alice"),  # a stand-in the sentence says is not used
])
def test_the_subject_is_said_as_a_name_the_sentence_does_not_say(sentence, said, constant):
    stand_in = subject_said_as_a_name(sentence)
    assert (stand_in.sentence, stand_in.constant) == (said, constant)


@pytest.mark.parametrize("sentence", [
    "Every dog barks.",  # a quantifier names nothing
    "Dogs bark.",  # a bare plural: no verb of a singular subject follows
    "The dog likes the dog's owner.",  # the subject said again
    "If the dog barks, the cat runs.",
    "The dogs chase Bob.",
    "The dog likes Alice, Zoe, Omar and Nina.",  # every stand-in name is said
])
def test_other_subjects_are_not_said_as_names(sentence):
    assert subject_said_as_a_name(sentence) is None


def test_a_reading_of_the_reworded_sentence_names_the_subject_again():
    stand_in = subject_said_as_a_name("The citizen has a car when it kicks Ethan.")
    reading = parse_formula("kick(alice, ethan) -> have_car(alice)")
    assert to_text(stand_in.restored(reading)) == "kick(citizen, ethan) -> have_car(citizen)"
