"""A possession the generator never says so is said again the way it does; nothing else is."""

import pytest

from neurosym.parser.paraphrases import plain_paraphrase, possessed_nouns


@pytest.mark.parametrize("sentence, paraphrase", [
    ("Helen has no degree.", "Helen does not have a degree."),
    ("Sue has no umbrella.", "Sue does not have an umbrella."),
    ("The patients have no symptoms.", "The patients do not have symptoms."),
    ("Carl had no money.", "Carl did not have a money."),  # a mass noun counts as one: the parser reads it alike
    ("Bob does not have any children.", "Bob does not have children."),
    ("Bob didn't have any car.", "Bob didn't have a car."),
    ("If a class has no prerequisites, then anyone can take it.",
     "If a class does not have prerequisites, then anyone can take it."),
    ("Phoenix has no songs in French.", "Phoenix does not have songs in French."),
    ("Sid is a snake with fur.", "Sid is a snake that has fur."),
    ("Bob was a man with a beard.", "Bob was a man that had a beard."),
])
def test_a_possession_is_said_as_the_generator_says_it(sentence, paraphrase):
    assert plain_paraphrase(sentence) == paraphrase


@pytest.mark.parametrize("sentence", [
    "Bob has a car.",
    "Bob does not have a car.",
    "No reptile has fur.",
    "Bob has nothing.",
    "Rex and Max were big dogs with collars.",  # no "a": not judged
])
def test_other_sentences_are_not_reworded(sentence):
    assert plain_paraphrase(sentence) is None


def test_the_head_noun_of_each_possession_is_found():
    assert possessed_nouns("The book has no innovative ideas in it.") == ("ideas",)
    assert possessed_nouns("Ann has no car, and Bob has no bike.") == ("car", "bike")
    assert possessed_nouns("Sid is a snake with thick fur.") == ("fur",)
