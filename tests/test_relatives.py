"""A rule whose subject a relative clause restricts is offered read a part at a time, said
of a stand-in name, for each word that may begin its conclusion; the parts' readings
join into the rule."""

import pytest

from neurosym.logic.parser import parse_formula
from neurosym.logic.printer import to_text
from neurosym.parser.relatives import adjectives_concluded, relative_rules


@pytest.mark.parametrize("sentence, parts", [
    ("Every employee who works overtime receives a bonus.",
     ("Alice is an employee.", "Alice works overtime.", "Alice receives a bonus.")),
    ("Whoever passes the exam gets a certificate.", ("Alice passes the exam.", "Alice gets a certificate.")),
    ("Everyone who can approve budgets is a manager.", ("Alice can approve budgets.", "Alice is a manager.")),
    # a plural rule's verbs said of one
    ("Employees who work remotely get a laptop.",
     ("Alice is an employee.", "Alice works remotely.", "Alice gets a laptop.")),
    ("All people who are late pay a fine.", ("Alice is late.", "Alice pays a fine.")),  # "people" is no kind
    # a plural noun after "are" said as one, and "are" after "and" too
    ("Things that grow vegetables and are race cars are apples.",
     ("Alice grows vegetables and is a race car.", "Alice is an apple.")),
    ("Anyone who owns a car regularly drives it.", None),  # "it" reaches back: not offered
    # rules that deny their conclusion
    ("Nothing that is square is an apple.", ("Alice is square.", "Alice is an apple.")),
    ("No employee who works remotely gets a parking space.",
     ("Alice is an employee.", "Alice works remotely.", "Alice gets a parking space.")),
    ("Nobody who smokes can donate blood.", ("Alice smokes.", "Alice can donate blood.")),
    ("No students who failed the exam receive a certificate.",
     ("Alice is a student.", "Alice failed the exam.", "Alice receives a certificate.")),
    # a relative clause that lists verb phrases: one condition each
    ("Everyone who is a kangaroo, plays piano and is shy is soft.",
     ("Alice is a kangaroo.", "Alice plays piano.", "Alice is shy.", "Alice is soft.")),
    ("People who sing, dance and act are artists.",
     ("Alice sings.", "Alice dances.", "Alice acts.", "Alice is an artist.")),
    # adjectives listed before the subject's noun: one condition each
    ("Clean, square things are towers.", ("Alice is clean.", "Alice is square.", "Alice is a tower.")),
    ("Each shy, modern duck is not a parent of the citizen.",
     ("Alice is shy.", "Alice is modern.", "Alice is a duck.", "Alice is not a parent of the citizen.")),
    ("Red cars are fast.", None),  # no list: "red cars" may be one kind
    # an indefinite object said as a name of its own, which the rule binds too
    ("Anyone who met a poet regularly drinks coffee.",
     ("Omar is a poet.", "Alice met Omar.", "Alice regularly drinks coffee.")),
    # a condition about someone, a clause of its own, and pronouns that stand for someone
    ("If someone drinks coffee regularly and the adult feeds them, then they are not zeelkish.",
     ("Alice drinks coffee regularly.", "The adult feeds Alice.", "Alice is not zeelkish.")),
    ("If something is big then it is red.", ("Alice is big.", "Alice is red.")),
    ("If someone is big and red then they are kind.", None),  # "red" is no clause
    ("If someone likes the cat or the dog, then they are kind.", None),  # "or" reaches across
])
def test_a_rule_is_offered_in_parts_said_of_a_stand_in(sentence, parts):
    offered = [rule.parts for rule in relative_rules(sentence)]
    if parts is None:
        assert offered == []
    else:
        assert parts in offered


def test_every_place_the_conclusion_may_begin_is_offered_with_two_stand_ins():
    offered = [rule.parts for rule in relative_rules("Everyone who owns cats loves dogs.")]
    assert ("Alice owns.", "Alice cats loves dogs.") in offered  # "cats" may be a verb
    assert ("Alice owns cats.", "Alice loves dogs.") in offered
    assert ("Zoe owns cats.", "Zoe loves dogs.") in offered


def test_a_stand_in_the_sentence_says_is_not_used():
    stand_ins = {rule.stand_in for rule in relative_rules("Whoever knows Alice likes Zoe.")}
    assert stand_ins == {"Omar", "Nina"}


@pytest.mark.parametrize("sentence", [
    "Every cat is an animal.",  # no relative clause
    "Anyone who met a poet in Paris drinks tea.",  # an indefinite object not said last
    "Everyone who sings or dances is happy.",  # "or" reaches across
    "Things that are red, round and small are balls.",  # a list
    "If someone is kind then everyone is happy.",  # a quantifier in the conclusion
    "Bob, who is tall, plays basketball.",
])
def test_other_sentences_are_not_read_in_parts(sentence):
    assert relative_rules(sentence) == []


@pytest.mark.parametrize("sentence, part_readings, rule", [
    ("Every employee who works overtime receives a bonus.",
     ("employee(alice)", "work_overtime(alice)", "receive_bonus(alice)"),
     "forall x. employee(x) and work_overtime(x) -> receive_bonus(x)"),
    # what a condition binds, the rule binds
    ("Whoever finds something is full.", ("exists x. find(alice, x)", "full(alice)"),
     "forall x, y. find(x, y) -> full(x)"),
    # a conclusion's own quantifier stays inside it
    ("Every nurse who is certified works at a hospital.",
     ("nurse(alice)", "certified(alice)", "exists x. hospital(x) and work_at(alice, x)"),
     "forall x. nurse(x) and certified(x) -> (exists y. hospital(y) and work_at(x, y))"),
    # "no" and "nothing" deny the conclusion
    ("No cat that barks is a pet.", ("cat(alice)", "bark(alice)", "pet(alice)"),
     "forall x. cat(x) and bark(x) -> not pet(x)"),
    ("Nothing that is square is an apple.", ("square(alice)", "apple(alice)"), "forall x. square(x) -> not apple(x)"),
    # an indefinite object's name is bound as the generator binds it
    ("Anyone who met a poet regularly drinks coffee.",
     ("poet(omar)", "meet(alice, omar)", "drink_coffee_regularly(alice)"),
     "forall x, y. poet(y) and meet(x, y) -> drink_coffee_regularly(x)"),
    # a clause with a subject of its own is one more condition
    ("If someone is furry and the adult meets Gary, then they grow vegetables.",
     ("furry(alice)", "meet(adult, gary)", "grow_vegetables(alice)"),
     "forall x. furry(x) and meet(adult, gary) -> grow_vegetables(x)"),
])
def test_the_parts_readings_join_into_the_rule(sentence, part_readings, rule):
    offered = [found for found in relative_rules(sentence) if len(found.parts) == len(part_readings)
               and found.stand_in == "Alice"]
    joined = offered[-1].formula([parse_formula(text) for text in part_readings])
    assert to_text(joined) == to_text(parse_formula(rule))


@pytest.mark.parametrize("reading, concluded", [
    ("forall x. square(x) -> clean(x) and tower(x)", ["clean"]),  # the split network, 0.83
    ("forall x. clean(x) and square(x) -> tower(x)", []),
])
def test_an_adjective_listed_before_the_subject_is_no_conclusion(reading, concluded):
    assert adjectives_concluded(parse_formula(reading), "Clean, square things are towers.") == concluded
