"""A possession, comparison or "'s" relation the generator never says so is said again the
way it does; nothing else is."""

import pytest

from neurosym.parser.paraphrases import COMPARATIVES, existence_said_plainly, plain_paraphrase, possessed_nouns


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


@pytest.mark.parametrize("sentence, paraphrase", [
    ("Tom is taller than Jerry.", "The height of Tom is greater than the height of Jerry."),
    ("Jerry is not taller than Tom.", "The height of Jerry is not greater than the height of Tom."),
    ("The ring is cheaper than the car.", "The price of the ring is less than the price of the car."),
    ("The old bridge is more expensive than Alice Smith.",
     "The price of the old bridge is greater than the price of Alice Smith."),
    ("Anna is older than Ben, and Ben is older than Chris.",
     "The age of Anna is greater than the age of Ben, and the age of Ben is greater than the age of Chris."),
    ("Rex isn't heavier than Max and Max is lighter than Bo.",
     "The weight of Rex isn't greater than the weight of Max and the weight of Max is less than the weight of Bo."),
])
def test_a_comparison_is_said_as_one_of_attribute_values(sentence, paraphrase):
    assert plain_paraphrase(sentence) == paraphrase


@pytest.mark.parametrize("sentence, paraphrase", [
    ("Emma is Liam's mother.", "Emma is the mother of Liam."),
    ("Bob was not the baker's son.", "Bob was not the son of the baker."),
    ("Bob is Alice's friend and Alice is Carol's sister.",
     "Bob is the friend of Alice and Alice is the sister of Carol."),
])
def test_a_relation_said_with_a_names_s_is_said_with_of(sentence, paraphrase):
    assert plain_paraphrase(sentence) == paraphrase


@pytest.mark.parametrize("sentence, paraphrase", [
    ("Bob never lies.", "Bob does not lie."),
    ("Cats never bark.", "Cats do not bark."),
    ("Bob never visited Paris.", "Bob did not visit Paris."),
    ("Bob is never late.", "Bob is not late."),
    ("Bob can never win.", "Bob can not win."),
    ("Bob cannot reset passwords.", "Bob can not reset passwords."),  # reset_passwords(bob) as written
    ("Users can't log in.", "All users can not log in."),  # a bare plural subject with "all" too
    ("A broken printer cannot print.", "Every broken printer can not print."),  # a generality
    ("A dog barked.", None),  # no modal: perhaps one dog
    ("Only members can vote.", "Everyone who can vote is a member."),  # the converse at 0.995
    ("Only adults can drink alcohol.", "Everyone who can drink alcohol is an adult."),
    ("Only then can we vote.", None),
    ("Only mechanics repair cars.", "Everyone who repairs cars is a mechanic."),  # a verb of its own
    ("Only birds have feathers.", "Everyone who has feathers is a bird."),
    ("Only cats are pets.", None),  # "Everyone who is pets" says no kind
    ("Bob has never been to Paris.", None),  # the network misreads "has not been to Paris"
    ("Bob never ignored Ann.", None),  # "ignor" or "ignore": no clear lemma
])
def test_never_is_said_as_the_generator_says_a_negation(sentence, paraphrase):
    assert plain_paraphrase(sentence) == paraphrase


@pytest.mark.parametrize("sentence, paraphrase", [
    ("This book has no barcode.", "The book does not have a barcode."),
    ("Bob likes this car.", "Bob likes the car."),
    ("This is a car.", None),  # no noun after it
])
def test_a_demonstrative_is_said_as_the(sentence, paraphrase):
    assert plain_paraphrase(sentence) == paraphrase


@pytest.mark.parametrize("sentence, paraphrase", [
    ("If it rains, the ground is wet.", "If it is raining, the ground is wet."),
    ("It snowed.", "It was snowing."),
    ("It does not rain in the desert.", "It is not raining in the desert."),
    ("It didn't snow.", "It was not snowing."),
    ("The cloud rains on the town.", None),  # a cloud is no empty "it"
])
def test_the_weather_is_said_as_the_generator_says_it(sentence, paraphrase):
    assert plain_paraphrase(sentence) == paraphrase


@pytest.mark.parametrize("sentence, paraphrase", [
    ("Cats are animals.", "All cats are animals."),
    ("Red, cold things are big.", "All red, cold things are big."),
    ("Birds can fly.", "All birds can fly."),
    ("Cats are not dogs.", None),  # "All cats are not dogs." may deny that all are
    ("Cats never bark.", "Cats do not bark."),  # negated: no "all"
    ("Only members can vote.", "Everyone who can vote is a member."),  # a restriction: no "all" (said as "every")
    ("Most birds can fly.", None),
    ("Cats and dogs are animals.", None),  # two kinds
    ("The cats are big.", None),
])
def test_a_bare_plural_subject_is_said_with_all(sentence, paraphrase):
    assert plain_paraphrase(sentence) == paraphrase


@pytest.mark.parametrize("sentence, paraphrase", [
    ("Either Alice or Bob won the race.", "Either Alice won the race or Bob won the race."),
    ("Either Alice or the dog is big.", "Either Alice is big or the dog is big."),
    ("Either the cat is big or the dog is red.", None),  # two clauses already
])
def test_the_two_subjects_of_either_or_each_get_the_verb_phrase(sentence, paraphrase):
    assert plain_paraphrase(sentence) == paraphrase


@pytest.mark.parametrize("sentence, paraphrase", [
    ("Hugo was not greeted by the doctor.", "The doctor did not greet Hugo."),
    ("The report is approved by the managers.", "The managers approve the report."),
    ("Bob was looked after by Ann, and the cat is fed by the neighbor.",
     "Ann looked after Bob, and the neighbor feeds the cat."),
    ("The cake wasn't baked by Ann.", "Ann did not bake the cake."),
    ("Hamlet was written by Shakespeare.", None),  # an irregular participle: its past is not formed
])
def test_a_passive_clause_is_said_in_the_active(sentence, paraphrase):
    assert plain_paraphrase(sentence) == paraphrase


@pytest.mark.parametrize("sentence, paraphrase", [
    ("Grace had a car.", "Grace has a car."),
    ("The citizen had an apple, and Bob had a dog.", "The citizen has an apple, and Bob has a dog."),
    ("The dogs had a ball.", None),  # a plural subject
    ("Bob had eaten.", None),  # the perfect's "had"
])
def test_a_possession_in_the_past_is_said_in_the_present(sentence, paraphrase):
    assert plain_paraphrase(sentence) == paraphrase


def test_the_comparatives_are_those_the_generator_says():
    from neurosym.training.lexicon import ATTRIBUTES

    said = {}
    for name, _, _, more, less, _, _ in ATTRIBUTES:
        said.update({more: (name, "greater")} if more else {})
        said.update({less: (name, "less")} if less else {})
    assert COMPARATIVES == said


@pytest.mark.parametrize("sentence", [
    "Bob has a car.",
    "Tom is older than 30.",  # a number: the generator says this one
    "Everyone older than Bob is wise.",  # no clause of its own
    "Dogs are taller than cats.",  # bare plurals: no attribute of an individual
    "Emma's mother is Liam.",  # the owner in the subject: its name would differ from sentence to sentence
    "Emma is Liam's mother's friend.",
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


def test_an_opening_whoever_is_said_as_everyone_who():
    assert plain_paraphrase("Whoever is married has a spouse.") == "Everyone who is married has a spouse."
    assert plain_paraphrase("The prize goes to whoever wins.") is None


def test_an_affirmed_possession_is_found_where_its_noun_is_said_once():
    assert possessed_nouns("Every cat has a tail.") == ("tail",)
    assert possessed_nouns("The poalex neither has children nor loves Cairo.") == ("children",)
    assert possessed_nouns("If Bob has a car, he is happy.") == ("car",)
    assert possessed_nouns("Whoever has a dog is a dog lover.") == ()  # "dog" may name something else
    assert possessed_nouns("Tara has a score of at least two.") == ()  # an attribute
    assert possessed_nouns("Alice has blue eyes.") == ()  # a modifier: not judged
    assert possessed_nouns("Bob has worked here.") == ()  # the perfect
    assert possessed_nouns("Bob has the key.") == ()


@pytest.mark.parametrize("sentence, paraphrase", [
    ("There is a soft kangaroo.", "Something is a soft kangaroo."),
    ("There exists a trapin that is square.", "Something is a trapin that is square."),
    ("If there is a fire, the alarm rings.", "If something is a fire, the alarm rings."),
    ("There was an accident.", "Something was an accident."),
    ("There are no unicorns.", None),  # a denied existence: no "something"
    ("There are dogs.", None),
])
def test_an_existence_is_said_as_the_generator_says_it(sentence, paraphrase):
    assert existence_said_plainly(sentence) == paraphrase
    assert plain_paraphrase(sentence) == paraphrase  # open mode rewords it as well


def test_an_existence_placed_by_a_preposition_may_stay_as_said():
    # schema-guided mode: a rule file may say it as what the database has (incident_open(billing_database))
    sentence = "There is an open incident on the billing database."
    assert existence_said_plainly(sentence, placed=False) is None
    assert existence_said_plainly("There is a contractor that has the pager.", placed=False) == \
        "Something is a contractor that has the pager."
