"""A reading that leaves out a word of its sentence, or a mention of something the
sentence says twice, or that negates what the sentence does not, or makes the subject of
what the sentence only says as an object, is recognised; logic words, pronouns, articles
and prepositions are never required as words, and no gold LF of the generator or of FOLIO
leaves anything out, adds a negation or swaps an object into the subject."""

from pathlib import Path

import pytest

from neurosym.logic.parser import parse_formula
from neurosym.parser.candidates import candidates_for
from neurosym.parser.omission import (
    agents_as_objects, bare_nouns_named, bare_objects_singularised, names_read_as_kinds, compares_unsaid,
    indefinite_objects_read_as_kinds, states_merged_into_kinds, inflected_names, objects_said_again,
    possessions_read_as_relations,
    disconnected_existentials, indefinites_named, unsaid_variables, misdirected_comparisons, negated_generalities_unread, negates_unsaid, quantifiers_unbound, conditions_unsaid, possessions_read_as_kinds, states_read_as_actions, generics_named, weather_given_subjects, possessives_read_as_kinds, pronoun_objects_dropped, pronoun_possessions_dropped, things_read_as_propositions, singular_subjects_read_as_plurals,
    existence_denied_unread, existence_unread, only_misread, generics_read_as_some, inexpressible_quantities, objects_as_subjects, omitted_words, passive_names, particles_dropped,
    phrases_named_twice,
    quantifies_unsaid, related_to_itself, unsaid_mentions, places_read_as_kinds, coordinated_kinds_intersected,
    objects_read_as_properties, subjects_left_out_of_conclusions, kinds_named_in_plural, subjects_merged_into_verbs,
    some_read_as_every, indefinite_objects_read_as_doers, definites_inside_names, adverbs_misattached,
)
from neurosym.rules.loader import load_theory
from neurosym.training import generate_pairs, split_templates, split_vocabulary
from neurosym.training.folio_pairs import folio_pairs
from neurosym.training.train_parser import shipped_theories

FOLIO = Path(__file__).resolve().parents[2] / "shared" / "data" / "folio-v0-train.jsonl"


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
    # logic phrases whose words are content words elsewhere ("a long river")
    ("Bob is big as long as Ann is red.", "red(ann) -> big(bob)"),
    ("Bob is big provided that Ann is red.", "red(ann) -> big(bob)"),
    ("There exists a big dog.", "exists x. big(x) and dog(x)"),
    ("It is untrue that the cat is big.", "not big(cat)"),
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


def unsaid(lf: str, sentence: str, theory=None) -> list[str]:
    return unsaid_mentions(parse_formula(lf), sentence, candidates_for(sentence, theory))


@pytest.mark.parametrize("sentence, lf, left_out", [
    # "it" is the thing of "something", not the lion
    ("If something needs the lion and the lion is big then it chases the dog.",
     "forall x. need(x, lion) and big(lion) -> chase(lion, dog)", ["it"]),
    # the cat is said three times, so it is the subject of the conclusion
    ("If someone eats the cat and the cat chases the bear then the cat chases the squirrel.",
     "forall x. eat(x, cat) and chase(cat, bear) -> chase(x, squirrel)", ["cat"]),
    ("If someone likes the bald eagle and they are young then the bald eagle needs the squirrel.",
     "forall x. like(x, bald_eagle) and young(bald_eagle) -> need(bald_eagle, squirrel)", ["they"]),
    ("The lion chases the lion.", "chase(lion, dog)", ["lion"]),
    ("If Charlie is not kind and Charlie is not white then Charlie is not nice.",
     "not kind(charlie) and white(charlie) -> not nice(charlie)", ["not"]),
    ("Bob isn't red.", "red(bob)", ["n't"]),
    # "it is false that" and "unless" say a negation each ("B unless A" is not A -> B)
    ("It is false that Oslo laughs at the zongor.", "laugh_at(oslo, zongor)", ["false"]),
    ("Unless Oslo is full, Oslo goes to school.", "full(oslo) -> go_to_school(oslo)", ["Unless"]),
    # "than" says an ordering
    ("Chicago is taller than Dan.", "taller(chicago) and taller(dan)", ["than"]),
    # "or" says a disjunction (or an xor); a trained parser's reading of a FOLIO validation premise
    ("A worksheet is either paper or is environment-friendly.",
     "forall x. worksheet(x) -> (exists y. environment_friendly(y) and paper(x))", ["or"]),
    # "but not both" says an xor (the split weights' reading, 0.96, of a held-out form)
    ("Yara is an audit log or Amelia has an open incident, but not both.",
     "audit_log(yara) or incident_open(amelia)", ["but not both"]),
])
def test_a_reading_without_an_argument_for_each_mention_is_caught(sentence, lf, left_out):
    assert unsaid(lf, sentence) == left_out


@pytest.mark.parametrize("sentence, lf", [
    ("If something needs the lion and the lion is big then it chases the dog.",
     "forall x. need(x, lion) and big(lion) -> chase(x, dog)"),
    ("The lion chases the lion.", "chase(lion, lion)"),
    ("If Bob is red then he is big.", "red(bob) -> big(bob)"),  # "he" is Bob: no indefinite
    ("Bob is big and red.", "big(bob) and red(bob)"),  # one mention may fill several arguments
    ("The bald eagle is big.", "big(bald_eagle)"),  # "eagle" inside "bald eagle" is one mention
    ("If someone is wet then it is raining.", "forall x. wet(x) -> rain"),  # the expletive "it"
    ("Everyone who likes someone is happy.", "forall x, y. like(x, y) -> happy(x)"),
    ("Bob and Anne are not red.", "not red(bob) and not red(anne)"),  # one "not", two negations
    ("Bob is either red or big but not both.", "red(bob) xor big(bob)"),
    ("Bob is red or big but not both.", "(red(bob) or big(bob)) and not (red(bob) and big(bob))"),
    ("Neither Bob nor Anne is red.", "not red(bob) and not red(anne)"),
    ("No dog is a cat.", "forall x. dog(x) -> not cat(x)"),
    ("The claim is false.", "false_(claim)"),  # "false" says a negation only before "that"
    ("It is false that Dan is light.", "not light(dan)"),
    ("Chicago is taller than Dan.", "height(chicago) > height(dan)"),
    ("Bob is either red or big.", "red(bob) xor big(bob)"),
    ("If Ann is exposed to smoke, she or he is ill.", "exposed_to_smoke(ann) -> ill(ann)"),  # a pronoun pair
    ("Everyone who is older than 17 and younger than 65 works.",
     "forall x. age(x) > 17 and age(x) < 65 -> work(x)"),
    # "song" inside "folk song" belongs to the predicate folk_song, not to the song
    ("The song is red only if the song is a folk song.", "red(song) -> folk_song(song)"),
])
def test_mentions_are_counted_as_english_uses_them(sentence, lf):
    assert unsaid(lf, sentence) == []


@pytest.mark.parametrize("sentence, lf, left_out", [
    ("Ann must not take ibuprofen.", "contraindicated(ann, ibuprofen)", []),  # "X must not take Y"
    ("Ann mustn't take ibuprofen.", "contraindicated(ann, ibuprofen)", []),
    ("Ann is not pregnant and must not take ibuprofen.",
     "not pregnant(ann) and contraindicated(ann, ibuprofen)", []),
    ("Ann is not pregnant and must not take ibuprofen.",
     "pregnant(ann) and contraindicated(ann, ibuprofen)", ["not"]),
    ("Ann does not take ibuprofen.", "prescribed(ann, ibuprofen)", ["not"]),  # no gloss says it
])
def test_the_not_of_a_declared_gloss_is_the_predicates_own(sentence, lf, left_out):
    from neurosym.rules.loader import load_theory

    dosage = load_theory([str(Path(__file__).resolve().parents[1] / "rules" / "dosage.rules")])
    assert unsaid(lf, sentence, dosage) == left_out


def test_no_gold_lf_misses_a_mention():
    words, forms = split_vocabulary(1), split_templates(1)
    pairs = [(pair, None) for pair in generate_pairs(1500, seed=43, invented=0.5, coined=0.5)]
    pairs += [(pair, None) for pair in generate_pairs(500, seed=44, lexicon=words.test, templates=forms.test)]
    if FOLIO.exists():  # the shared data sits beside the checkout, not beside a clean clone
        pairs += [(pair, None) for pair in folio_pairs(FOLIO, part="train")]
    for theory in shipped_theories():
        pairs += [(pair, theory) for pair in generate_pairs(100, seed=45, theory=theory)]
    for pair, theory in pairs:
        assert unsaid(pair.lf, pair.sentence, theory) == [], pair


@pytest.mark.parametrize("sentence, lf", [
    ("The dog eats the cat.", "not eat(dog, cat)"),
    ("The cat eats the dog.", "eat(cat, dog) and not eat_dog(cat)"),
    ("Bob is older than Anne.", "age(bob) != age(anne)"),
    ("Either Bob is big or Bob is red but not both.", "big(bob) xor not red(bob)"),
    ("Bob is not cold.", "not not cold(bob)"),
])
def test_a_negation_the_sentence_does_not_say_is_caught(sentence, lf):
    assert negates_unsaid(parse_formula(lf), sentence)


def test_schema_mode_asks_only_that_a_double_negation_be_said_twice():
    assert not negates_unsaid(parse_formula("not adult(alice)"), "Alice is a minor.", schema=True)
    assert negates_unsaid(parse_formula("not not adult(alice)"), "Alice is not a minor.", schema=True)


@pytest.mark.parametrize("sentence, lf", [
    ("The dog does not eat the cat.", "not eat(dog, cat)"),
    ("Leo and Ann aren't tall.", "not tall(leo) and not tall(ann)"),  # one word, two negations
    ("Bob is big unless he is red.", "not red(bob) -> big(bob)"),
    ("It is false that Bob is big.", "not big(bob)"),
    ("Nobody is perfect.", "forall x. not perfect(x)"),
    ("It is not true that Bob is not cold.", "not not cold(bob)"),
    ("The dog eats the cat.", "eat(dog, cat)"),
])
def test_a_negation_the_sentence_says_is_not(sentence, lf):
    assert not negates_unsaid(parse_formula(lf), sentence)


def open_gold_pairs(seed):
    """Open-mode gold pairs: 3,000 generated (seed), 500 in held-out words and templates
    (seed + 1), and FOLIO's converted premises when the shared data is there."""
    words, forms = split_vocabulary(1), split_templates(1)
    pairs = generate_pairs(3000, seed=seed, invented=0.5, coined=0.5)
    pairs += generate_pairs(500, seed=seed + 1, lexicon=words.test, templates=forms.test)
    if FOLIO.exists():  # the shared data sits beside the checkout, not beside a clean clone
        pairs += folio_pairs(FOLIO, part="train") + folio_pairs(FOLIO, part="validation")
    return pairs


def test_no_gold_lf_negates_what_its_sentence_does_not():
    for pair in open_gold_pairs(46):
        assert not negates_unsaid(parse_formula(pair.lf), pair.sentence), pair
    for theory in shipped_theories():
        for pair in generate_pairs(300, seed=48, theory=theory):
            assert not negates_unsaid(parse_formula(pair.lf), pair.sentence, schema=True), pair


@pytest.mark.parametrize("sentence, lf, unsaid", [
    ("The dog is green.", "exists x. green(x) or dog(x)", True),
    ("The dog is green.", "green(dog)", False),
    ("Dogs are animals.", "forall x. dog(x) -> animal(x)", False),  # a plural
    ("The sheep are white.", "forall x. sheep(x) -> white(x)", False),  # an irregular one
    ("A dog is an animal.", "forall x. dog(x) -> animal(x)", False),
    ("Everyone who wrote a book is a writer.", "forall x, y. book(y) and write(x, y) -> writer(x)", False),
    ("If it rains then the street is wet.", "rain -> wet(street)", False),
    # an existential inside a universal, its variable used once, needs a "something"
    ("A worksheet is either paper or is environment-friendly.",
     "forall x. worksheet(x) -> (exists y. environment_friendly(y) xor paper(x))", True),
    ("Every dog chases something.", "forall x. dog(x) -> (exists y. chase(x, y))", False),
    ("Every dog chases some cat.", "forall x. dog(x) -> (exists y. cat(y) and chase(x, y))", False),
    ("At least one dog is big.", "exists x. dog(x) and big(x)", False),  # "one" alone is a number
    ("Bob has one dog.", "exists x. dog(x) and have(bob, x)", True),
    # a capitalised plural inside the sentence is a name (the shipped parser's reading, 0.70)
    ("PyTorch is either Windows and software, or neither Windows nor software.",
     "forall x. pytorch(x) and window(x) xor not software(x) -> not software(x)", True),
    # the verb of "the" and a noun is no plural (the split network's reading, 0.82)
    ("The citizen finds the doctor.", "forall x. citizen(x) -> find(x, doctor)", True),
    ("The big dogs bark.", "forall x. big(x) and dog(x) -> bark(x)", False),
])
def test_a_quantifier_the_sentence_does_not_say_is_caught(sentence, lf, unsaid):
    assert quantifies_unsaid(parse_formula(lf), sentence) is unsaid


def test_no_generated_gold_lf_quantifies_what_its_sentence_does_not():
    # FOLIO's gold does, now and then ("Chemical Endangerment is harmful." is a rule
    # there), which is why the parser only prefers other readings (docs/parser.md).
    words, forms = split_vocabulary(1), split_templates(1)
    pairs = generate_pairs(3000, seed=49, invented=0.5, coined=0.5)
    pairs += generate_pairs(500, seed=50, lexicon=words.test, templates=forms.test)
    for pair in pairs:
        assert not quantifies_unsaid(parse_formula(pair.lf), pair.sentence), pair


@pytest.mark.parametrize("sentence, lf, swapped", [
    ("If something is rough then it needs the bald eagle.", "forall x. rough(x) -> need(bald_eagle, x)",
     ["bald_eagle"]),
    ("If something is rough then it needs the bald eagle.", "forall x. rough(x) -> need(x, bald_eagle)", []),
    ("If something is young and it visits the cow then it sees the cow.",
     "forall x. young(x) and visit(cow, x) -> see(x, cow)", ["cow"]),
    ("Bob visited Alice.", "visit(alice, bob)", ["alice"]),
    ("The cow is visited by the dog.", "visit(dog, cow)", []),  # "by": the passive's subject
    ("If the cow visits the dog and the dog visits the cow then the cow is big.",
     "visit(cow, dog) and visit(dog, cow) -> big(cow)", []),  # the cow is a subject once
    ("The frog chomps Emily whenever she blames the library.",
     "blame(emily, library) -> chomp(frog, emily)", []),  # "she" may stand for Emily
    # after the relation's verb and preposition (the shipped parser's reading, 0.89)
    ("James has a car or works at Meta.", "have_car(james) or work_at(meta, james)", ["meta"]),
    ("James has a car or works at Meta.", "have_car(james) or work_at(james, meta)", []),
    ("Edwin went to the school, located in Lynn.",  # the school is located_in's subject
     "go_to(edwin, school) and located_in(school, lynn)", []),
    # a second object of the verb (the shipped parser's reading, 0.84)
    ("The cat chases the dog and the mouse.", "chase(cat, dog) and chase(mouse, dog)", ["mouse"]),
    ("The cat chases the dog and the mouse.", "chase(cat, dog) and chase(cat, mouse)", []),
    ("The cat chases the dog and the mouse chases the cat.",  # a verb after it: a subject
     "chase(cat, dog) and chase(mouse, cat)", []),
    # a verb said of its object alone (the split network's reading, 0.99)
    ("The poet does not play piano or kicks Omar Haddad.",
     "not play_piano(poet) or kick(omar_haddad)", ["omar_haddad"]),
    ("The painter Bob is happy.", "painter(bob) and happy(bob)", []),  # the noun itself: apposition
    # a name said before a verb whose object is "something" (the shipped parser's reading, 0.88)
    ("Alice finds something.", "exists x. find(x, alice)", ["alice"]),
    ("Alice finds something.", "exists x. find(alice, x)", []),
    ("Someone loves Alice.", "exists x. love(x, alice)", []),
])
def test_a_subject_the_sentence_only_says_as_an_object_is_caught(sentence, lf, swapped):
    assert objects_as_subjects(parse_formula(lf), sentence, candidates_for(sentence)) == swapped


def test_no_gold_lf_makes_a_subject_of_what_its_sentence_only_says_as_an_object():
    for pair in open_gold_pairs(51):
        assert not objects_as_subjects(parse_formula(pair.lf), pair.sentence, candidates_for(pair.sentence)), pair


@pytest.mark.parametrize("sentence, lf, twice", [
    ("The prezon or Grace regularly drinks coffee.",
     "drink_coffee_regularly(prezon) or drink_coffee(grace)", [("drink_coffee", "drink_coffee_regularly")]),
    ("Either the turtle or the tourist greets the whale.",
     "tourist_greets(turtle, whale) xor greet(tourist, whale)",
     [("greet", "tourist_greets"), ("tourist", "tourist_greets")]),
    ("The prezon or Grace regularly drinks coffee.",
     "drink_coffee_regularly(prezon) or drink_coffee_regularly(grace)", []),
    # a word said twice may be named twice, once per place
    ("The folk song is red only if the song is a folk song.", "red(folk_song) -> folk_song(song)", []),
])
def test_one_phrase_given_two_names_is_caught(sentence, lf, twice):
    assert phrases_named_twice(parse_formula(lf), candidates_for(sentence)) == twice


def test_no_gold_lf_gives_one_phrase_two_names_but_one_folio_premise():
    named_twice = [pair.sentence for pair in open_gold_pairs(52)
                   if phrases_named_twice(parse_formula(pair.lf), candidates_for(pair.sentence))]
    assert named_twice in ([], ["Tecmo was disbanded in Japan, while Koei survived, but was renamed."])


@pytest.mark.parametrize("sentence, lf, unsaid", [
    ("Young people are cold.", "forall x. young(x) -> (exists y. y < cold(x))", True),
    ("Young people are cold.", "forall x. young(x) -> cold(x)", False),
    ("Dan is taller than Leo.", "height(dan) > height(leo)", False),
    ("Everyone aged at least 18 votes.", "forall x. age(x) >= 18 -> vote(x)", False),
])
def test_an_ordering_the_sentence_does_not_say_is_caught(sentence, lf, unsaid):
    assert compares_unsaid(parse_formula(lf), sentence, candidates_for(sentence)) is unsaid


def test_no_gold_lf_compares_what_its_sentence_does_not():
    for pair in open_gold_pairs(53):
        assert not compares_unsaid(parse_formula(pair.lf), pair.sentence, candidates_for(pair.sentence)), pair


@pytest.mark.parametrize("sentence, lf, passive", [
    ("The Astro is a van produced by Chevrolet.", "van_produced(chevrolet, astro)", ["van_produced"]),
    ("Dan is not fed by Kenji.", "not fed_by(dan, kenji)", ["fed_by"]),
    ("Dan is not fed by Kenji.", "not feed(kenji, dan)", []),
    # the shipped parser's reading, 0.95
    ("Ella was not caught by the citizen.", "not catch_by_citizen(ella)", ["catch_by_citizen"]),
    ("Hamlet was written by Shakespeare.", "write(shakespeare, hamlet)", []),
    ("Paris is read by Grace.", "read(grace, paris)", []),  # "read" is its own lemma
    ("Bob stands by Ann.", "stand_by(bob, ann)", []),  # no participle: not a passive
])
def test_a_name_that_keeps_a_passive_form_is_caught(sentence, lf, passive):
    assert passive_names(parse_formula(lf), sentence, candidates_for(sentence)) == passive


def test_no_gold_lf_keeps_a_passive_form_but_one_folio_premise():
    kept = [pair.sentence for pair in open_gold_pairs(54)
            if passive_names(parse_formula(pair.lf), pair.sentence, candidates_for(pair.sentence))]
    assert kept in ([], ["Cars produced by Chevrolet are either cars or vans."])


@pytest.mark.parametrize("sentence, lf, selves", [
    ("James has a car or works at Meta.", "have_car(james) or work_at(meta, meta)", ["meta"]),
    ("James has a car or works at Meta.", "have_car(james) or work_at(james, meta)", []),
    ("The lion chases the lion.", "chase(lion, lion)", []),  # said twice
    ("Bob likes himself.", "like(bob, bob)", []),  # a reflexive pronoun
    ("Ann and Bob like each other.", "like(ann, bob) and like(bob, ann)", []),
    # a variable too: the shipped parser's reading of "Everybody loves Mary.", 0.90
    ("Everybody loves Mary.", "forall x. love(x, mary) -> love(x, x)", ["x"]),
    ("Everybody loves Mary.", "forall x. love(x, mary)", []),
    ("Everyone who loves someone is happy.", "forall x, y. love(x, y) -> happy(x)", []),
    ("Everything that hurts itself is sad.", "forall x. hurt(x, x) -> sad(x)", []),
])
def test_a_thing_related_to_itself_is_said_twice(sentence, lf, selves):
    assert related_to_itself(parse_formula(lf), sentence, candidates_for(sentence)) == selves


def test_no_gold_lf_relates_to_itself_what_its_sentence_says_once():
    pairs = [(pair, None) for pair in open_gold_pairs(55)]
    for theory in shipped_theories():  # both modes: a drug said twice ("Aspirin interacts with aspirin.")
        pairs += [(pair, theory) for pair in generate_pairs(300, seed=82, theory=theory)]
    for pair, theory in pairs:
        assert not related_to_itself(parse_formula(pair.lf), pair.sentence, candidates_for(pair.sentence, theory)), pair


@pytest.mark.parametrize("sentence, lf, dropped", [
    # the shipped parser's reading, 0.98
    ("Unless Dan is clean, the taukor does not kick him.", "not clean(dan) -> not kick(taukor)", ["kick"]),
    ("Unless Dan is clean, the taukor does not kick him.", "not clean(dan) -> not kick(taukor, dan)", []),
    ("The dog barks when it is hungry.", "hungry(dog) -> bark(dog)", []),  # "it" is a subject there
])
def test_an_object_pronoun_is_an_argument_of_its_verb(sentence, lf, dropped):
    assert pronoun_objects_dropped(parse_formula(lf), sentence) == dropped


def test_no_gold_lf_drops_an_object_pronoun():
    for pair in open_gold_pairs(84):
        assert not pronoun_objects_dropped(parse_formula(pair.lf), pair.sentence), pair


@pytest.mark.parametrize("sentence, lf, wrong", [
    ("Everyone who is older than 65 is retired.", "forall x. age(x) < 65 -> retired(x)", ["< 65"]),
    ("Everyone who is older than 65 is retired.", "forall x. age(x) > 65 -> retired(x)", []),
    ("Everyone who is older than 65 is retired.", "forall x. 65 < age(x) -> retired(x)", []),  # mirrored
    ("Ann is under 18.", "age(ann) >= 18", [">= 18"]),
    ("Bob is at least 18 years old.", "age(bob) >= 18", []),
    ("Bob is not more than 5 years old.", "not age(bob) > 5", []),
    ("Bob is aged 30.", "age(bob) = 30", []),
    ("The village is exactly 101 centimeters tall.", "height(village) > 101", ["> 101"]),
    ("The village is exactly 101 centimeters tall.", "height(village) = 101", []),
    # an equality where the sentence orders (the shipped parser, 0.91)
    ("Grace weighs over 40434 kg.", "weight(grace) = 40434", ["= 40434"]),
    ("Bob is 30 years old.", "age(bob) = 30", []),
    ("Bob is not over 30.", "age(bob) = 30", []),  # not judged: a negated comparator
    # between two entities: the comparator before the one compared with
    ("Hugo is taller than Yara.", "height(hugo) < height(yara)", ["< yara"]),
    ("Hugo is taller than Yara.", "height(yara) > height(hugo)", ["< yara"]),  # said with the sides swapped
    ("Joseph is taller than the mountain.", "height(joseph) > height(mountain)", []),
    ("Joseph is taller than the mountain.", "height(mountain) < height(joseph)", []),
    ("The trapin is shorter than Oslo.", "height(trapin) > height(oslo)", ["> oslo"]),
    ("Ann is not older than Bob.", "not age(ann) > age(bob)", []),
    # an entity said twice is judged by both mentions: Ben is compared with and compares
    ("Anna is older than Ben, and Ben is older than Chris.", "age(anna) > age(ben) and age(ben) > age(chris)", []),
    ("Anna is older than Ben, and Ben is older than Chris.", "age(anna) > age(ben) and age(ben) < age(chris)",
     ["< chris"]),
])
def test_a_comparison_turned_against_its_comparator_is_caught(sentence, lf, wrong):
    assert misdirected_comparisons(parse_formula(lf), sentence, candidates_for(sentence)) == wrong


@pytest.mark.parametrize("sentence, lf, misattached", [
    # the split network, 0.65
    ("Everyone who is a turtle, greets the bee, and is modern regularly drinks coffee.",
     "forall x. turtle(x) and greet(x, bee) and modern_regularly(x) -> drink_coffee(x)", ["modern_regularly"]),
    ("Everyone who is a turtle, greets the bee, and is modern regularly drinks coffee.",
     "forall x. turtle(x) and greet(x, bee) and modern(x) -> drink_coffee_regularly(x)", []),
    ("Bob regularly drinks coffee.", "drink_coffee_regularly(bob)", []),
    ("Bob drinks coffee regularly.", "drink_coffee_regularly(bob)", []),
    ("Anyone who met a poet regularly drinks coffee.", "forall x. meet_poet_regularly(x) -> drink_coffee(x)",
     ["meet_poet_regularly"]),
    # after a verb and its bare object the adverb is theirs
    ("Anyone who drank coffee regularly feeds Dan.", "forall x. drink_coffee_regularly(x) -> feed(x, dan)", []),
    ("Oslo does not drink coffee regularly provided that Oslo is not a tourist.",
     "not tourist(oslo) -> not drink_coffee_regularly(oslo)", []),
])
def test_an_adverb_said_before_a_verb_is_that_verbs(sentence, lf, misattached):
    assert adverbs_misattached(parse_formula(lf), sentence) == misattached


@pytest.mark.parametrize("lf, named", [
    # the split network, 0.94
    ("forall x. shy(x) and modern(x) and duck(x) -> not parent_of_citizen(x)", ["parent_of_citizen"]),
    ("forall x. shy(x) and modern(x) and duck(x) -> not parent_of(x, citizen)", []),
])
def test_a_thing_said_with_the_is_no_part_of_a_name(lf, named):
    sentence = "Each shy, modern duck is not a parent of the citizen."
    assert definites_inside_names(parse_formula(lf), sentence, candidates_for(sentence)) == named


@pytest.mark.parametrize("lf, misread", [
    ("forall x, y. kick(y) and kick(x) -> prunish(x)", ["kicks"]),  # the split network, 0.45
    ("forall x, y. kick(x, y) -> prunish(x)", []),
])
def test_a_verb_whose_object_is_something_is_not_said_of_two_things_alone(lf, misread):
    sentence = "Whoever kicks something is prunish."
    assert indefinite_objects_read_as_doers(parse_formula(lf), sentence) == misread


@pytest.mark.parametrize("sentence, lf, misread", [
    # "some" read as "every" (the split network, 0.88)
    ("Every prootel tandles some whale.", "forall x, y. prootel(x) and whale(y) -> tandle(x, y)", ["some"]),
    ("Every prootel tandles some whale.", "forall x. prootel(x) -> (exists y. whale(y) and tandle(x, y))", []),
    ("It is not the case that some cat is black.", "forall x. cat(x) -> not black(x)", []),  # said under a negation
])
def test_some_is_read_as_an_existential(sentence, lf, misread):
    assert some_read_as_every(parse_formula(lf), sentence) == misread


@pytest.mark.parametrize("sentence, lf, merged", [
    # the split network's readings, 0.66 and 0.71
    ("If someone drinks coffee regularly and the adult feeds them, then they are not zeelkish.",
     "forall x. drink_coffee_regularly(x) and adult_feeds(x) -> not zeelkish(x)", ["adult_feeds"]),
    ("Alice kicks something.", "exists x. alice_kicks(x)", ["alice_kicks"]),
    ("Alice kicks something.", "exists x. alice_kick(x)", ["alice_kick"]),
    ("Alice kicks something.", "exists x. kick(alice, x)", []),
    ("The folk song is red.", "red(folk_song)", []),  # a kind of two words
    ("Bob sees the dog owners.", "see(bob, dog_owners)", []),  # no clause opens at "the dog"
    # an opening capital may begin a plural kind; a verb phrase after "or" has no subject
    ("Polar bears chase the sea turtle.", "forall x. polar_bear(x) -> chase(x, sea_turtle)", []),
    ("Dogs either swim or wear glasses.", "forall x. dog(x) -> swim(x) xor wear_glasses(x)", []),
])
def test_a_name_that_joins_a_subject_to_its_verb_is_caught(sentence, lf, merged):
    assert subjects_merged_into_verbs(parse_formula(lf), sentence) == merged


def test_a_comparator_word_that_a_gloss_says_before_its_value_is_no_comparator():
    leave = next(theory for theory in shipped_theories() if "carried_over" in candidates_for("", theory).texts())
    sentence = "Grace carried over 960 days."  # the gloss: "{0} carried over {value} days"
    assert misdirected_comparisons(parse_formula("carried_over(grace) = 960"), sentence,
                                   candidates_for(sentence, leave)) == []


def test_no_gold_comparison_is_turned_against_its_comparator():
    pairs = [(pair, None) for pair in open_gold_pairs(56)]
    for theory in shipped_theories():
        pairs += [(pair, theory) for pair in generate_pairs(300, seed=57, theory=theory)]
    for pair, theory in pairs:
        assert not misdirected_comparisons(parse_formula(pair.lf), pair.sentence,
                                           candidates_for(pair.sentence, theory)), pair


@pytest.mark.parametrize("sentence, lf, named", [
    ("Every duck pushes some hamster.", "forall x. duck(x) -> push(x, hamster)", ["hamster"]),
    ("Every duck pushes some hamster.", "forall x. duck(x) -> (exists y. hamster(y) and push(x, y))", []),
    ("Anyone who kicked an employee is a fox.", "forall x. kick(x, employee) -> fox(x)", ["employee"]),
    ("The cat chases a dog and the dog is big.", "chase(cat, dog) and big(dog)", []),  # also said as "the dog"
    ("The cat chases the dog.", "chase(cat, dog)", []),
    ("Thomas Barber played as a half back.", "play_as(thomas_barber, half_back)", []),  # after "as": what he was
    # after another preposition an object (the shipped parser's reading, 0.93)
    ("Every nurse works at a hospital.", "forall x. nurse(x) -> work_at(x, hospital)", ["hospital"]),
    # the subject of a condition speaks of any cat (every generated gold LF binds it)
    ("If a cat is hungry then it meows.", "hungry(cat) -> meow(cat)", ["cat"]),
    ("If a cat is hungry then it meows.", "forall x. cat(x) and hungry(x) -> meow(x)", []),
    ("If a patient is allergic to penicillin, they must not take amoxicillin.",  # the shipped parser's, 0.76
     "allergic(patient, penicillin) -> not take(patient, amoxicillin)", ["patient"]),
    ("Bob is big and a dog is red.", "big(bob) and red(dog)", []),  # another subject: not judged
    # modifiers between the determiner and the noun (the shipped parser's reading, 0.94)
    ("Tom is a good programmer.", "good(tom, programmer)", ["programmer"]),
    ("Tom is a good programmer.", "good(tom) and programmer(tom)", []),
    ("No one who is a londet reads Tom Jones.", "forall x. londet(x) -> not read(x, tom_jones)", []),  # a name
    # the subject of an opening quantifier (the shipped parser's reading, 0.80)
    ("No intern can access the database.", "not access(intern, database)", ["intern"]),
    ("No intern can access the database.", "forall x. intern(x) -> not access(x, database)", []),
    ("Every big dog barks.", "bark(big_dog)", ["big_dog"]),
])
def test_an_indefinite_object_is_named_by_no_constant(sentence, lf, named):
    assert indefinites_named(parse_formula(lf), sentence, candidates_for(sentence)) == named


def test_no_gold_lf_names_an_indefinite_object_but_one_folio_premise():
    named = [pair.sentence for pair in open_gold_pairs(58)
             if indefinites_named(parse_formula(pair.lf), pair.sentence, candidates_for(pair.sentence))]
    # FOLIO's gold logic: forall x. step_on(stonefish, x) -> sting(stonefish, x)
    assert named in ([], ["It stings to step on a stonefish."])


@pytest.mark.parametrize("sentence, lf, agents", [
    ("Kenji was not caught by the employee.", "not catch(kenji, employee)", ["employee"]),
    ("Kenji was not caught by the employee.", "not catch(employee, kenji)", []),
    ("The writer is not laughed at by Clara.", "not laugh_at(writer, clara)", ["clara"]),
    ("The apple isn't greeted by Grace.", "not greet(apple, grace)", ["grace"]),
    ("Bob stood by the door.", "stand_by(bob, door)", []),  # no passive
    ("Cars produced by Chevrolet are fast.", "forall x. car(x) and produce(x, chevrolet) -> fast(x)", []),  # no "be"
    ("The cat was fed by Ann and Ann likes the cat.", "feed(cat, ann) and like(ann, cat)", []),  # Ann said twice
])
def test_the_agent_of_a_passive_is_its_verbs_subject(sentence, lf, agents):
    assert agents_as_objects(parse_formula(lf), sentence, candidates_for(sentence)) == agents


def test_no_gold_lf_makes_a_passives_agent_an_object():
    for pair in open_gold_pairs(59):
        assert not agents_as_objects(parse_formula(pair.lf), pair.sentence, candidates_for(pair.sentence)), pair


@pytest.mark.parametrize("sentence, lf, dropped", [
    ("The hamster was not played with by the wug.", "not play(wug, hamster)", ["'with' of 'played with'"]),
    ("The hamster was not played with by the wug.", "not played(wug, hamster)", ["'with' of 'played with'"]),
    ("The hamster was not played with by the wug.", "not play_with(wug, hamster)", []),
    ("The cat is looked after by Bob.", "look_after(bob, cat)", []),
    ("Kenji was caught by the employee.", "catch(employee, kenji)", []),  # no particle
    # the active: every mention of the object after the verb and its particle (the shipped parser, 0.88)
    ("Alice plays with Dan.", "play(alice, dan)", ["'with' of 'play with'"]),
    ("Alice plays with Dan.", "play_with(alice, dan)", []),
    ("Alice sees Dan at the party.", "see(alice, dan)", []),
])
def test_a_verb_keeps_its_particle(sentence, lf, dropped):
    assert particles_dropped(parse_formula(lf), sentence, candidates_for(sentence)) == dropped


def test_no_gold_lf_drops_a_verbs_particle():
    for pair in open_gold_pairs(60):
        assert not particles_dropped(parse_formula(pair.lf), pair.sentence, candidates_for(pair.sentence)), pair


@pytest.mark.parametrize("lf, lone", [
    ("exists x. gary(x) and brave(parrot)", ["x"]),  # "At least one of Gary and the parrot is brave."
    ("exists x. resident(x) and adult(omar_haddad)", ["x"]),
    ("exists x. dog(x) and brave(x)", []),
    ("exists x. dog(x)", []),  # one atom: nothing to be disconnected from
    ("forall x. duck(x) -> (exists y. hamster(y) and push(x, y))", []),
    ("forall x. big(x) -> kind(bob)", []),  # "If something is big then Bob is kind.": universals are not judged
])
def test_an_existential_says_something_of_what_it_binds(lf, lone):
    assert disconnected_existentials(parse_formula(lf)) == lone


def test_no_gold_lf_binds_an_existential_it_says_nothing_of():
    pairs = open_gold_pairs(60)
    for theory in shipped_theories():
        pairs += generate_pairs(300, seed=61, theory=theory)
    for pair in pairs:
        assert not disconnected_existentials(parse_formula(pair.lf)), pair


@pytest.mark.parametrize("sentence, lf, unsaid", [
    ("Anyone who kicked an employee is a fox.", "forall x, y. kick_employee(x, y) -> fox(x)", ["y"]),
    ("Anyone who kicked an employee is a fox.", "forall x, y. employee(y) and kick(x, y) -> fox(x)", []),
    ("Whoever wrote something is a writer.", "forall x, y. write(x, y) -> writer(x)", []),
    ("If someone likes something then they are happy.", "forall x, y. like(x, y) -> happy(x)", []),
    ("Ghosts do not exist.", "forall x. not ghost(x)", []),  # one variable: the generic subject
])
def test_a_universal_variable_used_once_needs_a_pronoun_of_its_own(sentence, lf, unsaid):
    assert unsaid_variables(parse_formula(lf), sentence) == unsaid


def test_no_generated_gold_lf_binds_a_variable_nothing_says():
    pairs = [pair for pair in open_gold_pairs(62)
             if pair.lf != "forall x, y. exposed_to_controlled_substance(x, y) -> chemical_endangerment(x)"]
    for theory in shipped_theories():
        pairs += generate_pairs(300, seed=63, theory=theory)
    for pair in pairs:
        assert not unsaid_variables(parse_formula(pair.lf), pair.sentence), pair


@pytest.mark.parametrize("sentence, lf, unread", [
    # the shipped parser's readings, at 0.996 and 0.99: "no bird can fly", "no cat is black"
    ("Not every bird can fly.", "forall x. bird(x) -> not fly(x)", ["Not every"]),
    ("Not all cats are black.", "forall x. cat(x) -> not black(x)", ["Not all"]),
    ("It is not the case that every cat is black.", "not black(cat)", ["not the case that every"]),
    ("It is untrue that all dogs bark.", "forall x. dog(x) -> not bark(x)", ["untrue that all"]),
    ("Not every bird can fly.", "not (forall x. bird(x) -> fly(x))", []),
    ("Not all cats are black.", "exists x. cat(x) and not black(x)", []),  # the same, said positively
    ("All cats are not black.", "forall x. cat(x) -> not black(x)", []),  # the "not" follows the "all"
    ("It is not the case that Bob is red.", "not red(bob)", []),  # no generality to deny
])
def test_a_denied_generality_needs_a_negated_universal(sentence, lf, unread):
    assert negated_generalities_unread(parse_formula(lf), sentence) == unread


def test_no_gold_lf_denies_a_generality_it_does_not_read():
    pairs = open_gold_pairs(64) + generate_pairs(200, seed=65, constructs=["negated_universal"])
    for theory in shipped_theories():
        pairs += generate_pairs(300, seed=66, theory=theory)
    for pair in pairs:
        assert not negated_generalities_unread(parse_formula(pair.lf), pair.sentence), pair


@pytest.mark.parametrize("sentence, lf, unbound", [
    # the shipped parser's reading, 0.69: two rules said as one
    ("Every cat is an animal, and every animal is mortal.", "forall x. cat(x) and animal(x) -> mortal(x)",
     ["every"]),
    ("Every cat is an animal, and every animal is mortal.",
     "(forall x. cat(x) -> animal(x)) and (forall x. animal(x) -> mortal(x))", []),
    ("Tom likes every cat.", "like(tom, cat)", ["every"]),
    ("Every dog chases every cat.", "forall x, y. dog(x) and cat(y) -> chase(x, y)", []),
    ("No dog likes no cat.", "forall x. dog(x) -> not like(x, cat)", ["no"]),  # two "no": two variables
    ("Bob has no car.", "not have_car(bob)", []),  # one "no" may bind nothing
    ("Bob does not like Tom at all.", "not like(bob, tom)", []),
    ("All of the students passed.", "pass(students)", []),  # "all of" is not judged
    ("Bob walks every day.", "walk(bob)", []),
    # two "some": two variables (the shipped parser's reading, 0.94)
    ("Some students are athletes and some athletes are students.", "exists x. student(x) and athlete(x)",
     ["some"]),
    ("Some dogs chase some cats.", "exists x, y. dog(x) and cat(y) and chase(x, y)", []),
    # each indefinite pronoun too (the shipped parser's reading, 0.84)
    ("If a shop is closed, nobody can buy anything there.", "forall x. shop(x) and close(x) -> not buy(x)",
     ["anything"]),
    ("If a shop is closed, nobody can buy anything there.",
     "forall x. shop(x) and close(x) -> not (exists y, z. buy(y, z, x))", []),
    ("Whoever wrote something is a writer.", "forall x. write(x) -> writer(x)", ["something"]),
    ("Whoever wrote something is a writer.", "forall x, y. write(x, y) -> writer(x)", []),
    ("If someone is kind then they are young.", "forall x. kind(x) -> young(x)", []),  # "they" binds nothing new
])
def test_each_quantifier_word_binds_a_variable(sentence, lf, unbound):
    assert quantifiers_unbound(parse_formula(lf), sentence) == unbound


@pytest.mark.parametrize("sentence, lf, denied", [
    ("There are no unicorns.", "exists x. not unicorn(x)", True),  # the shipped parser's reading, 0.70
    ("There are no unicorns.", "not (exists x. unicorn(x))", False),
    ("There are no unicorns.", "forall x. not unicorn(x)", False),
    ("There is a unicorn.", "exists x. unicorn(x)", False),
])
def test_a_denied_existence_is_not_asserted(sentence, lf, denied):
    assert existence_denied_unread(parse_formula(lf), sentence) is denied


@pytest.mark.parametrize("sentence, lf, unread", [
    ("There is a trapin that is square.", "forall x. trapin(x) -> square(x)", True),  # split weights, 0.95
    ("There exists a loud trapin.", "loud(trapin)", True),
    ("There is a trapin that is square.", "exists x. trapin(x) and square(x)", False),
    ("If there is a fire, the alarm rings.", "forall x. fire(x) -> ring(alarm)", False),  # no existence claimed
    ("There are no unicorns.", "not (exists x. unicorn(x))", False),
])
def test_a_said_existence_is_read_as_an_existential(sentence, lf, unread):
    assert existence_unread(parse_formula(lf), sentence) is unread


def test_a_rule_file_may_say_an_existence_as_what_a_constant_has():
    sentence = "There is an open incident on the billing database."
    assert not existence_unread(parse_formula("incident_open(billing_database)"), sentence, schema=True)
    assert existence_unread(parse_formula("forall x. incident_open(x)"), sentence, schema=True)


@pytest.mark.parametrize("sentence, lf, misread", [
    ("Only members can vote.", "forall x. member(x) -> vote(x)", ["member"]),  # shipped parser, 0.995
    ("Only members can vote.", "forall x. vote(x) -> member(x)", []),
    ("Only members can vote.", "exists x. member(x) and vote(x)", ["member"]),  # a fine-tune's, 0.68
    ("Only Bob can vote.", "vote(bob)", ["bob"]),  # loses the "only"
    ("Only the tall dogs bark.", "forall x. bark(x) -> tall(x) and dog(x)", []),
    ("Bob is red only if he is big.", "red(bob) -> big(bob)", []),  # "only if" is another construct
])
def test_only_restricts_the_consequence(sentence, lf, misread):
    assert only_misread(parse_formula(lf), sentence, candidates_for(sentence)) == misread


@pytest.mark.parametrize("sentence, lf, unsaid", [
    ("The bakery is closed on Sundays.", "close_on(bakery) -> sunday(bakery)", True),  # shipped parser, 0.61
    ("The bakery is closed on Sundays.", "close_on(bakery, sundays)", False),
    ("If the light is red, the cars stop.", "red(light) -> stop(cars)", False),
    ("The cars stop whenever the light is red.", "red(light) -> stop(cars)", False),
    ("Bob is red provided that he is big.", "big(bob) -> red(bob)", False),
    ("Bob is red unless he is big.", "not big(bob) -> red(bob)", False),
    ("Dogs bark.", "forall x. dog(x) -> bark(x)", False),  # a general sentence binds a variable
])
def test_a_condition_needs_a_conditional_word(sentence, lf, unsaid):
    assert conditions_unsaid(parse_formula(lf), sentence) is unsaid


@pytest.mark.parametrize("sentence, lf, misread", [
    ("Helen has no degree.", "not degree(helen)", ["degree"]),  # the shipped parser's reading, 0.99
    ("Helen has no degree.", "not have_degree(helen)", []),
    ("Helen has no degree.", "not (exists y. degree(y) and have(helen, y))", []),
    ("Helen has no degree.", "forall y. degree(y) -> not have(helen, y)", []),
    ("Bob does not have any children.", "not have(bob) and not children(bob)", ["children"]),
    ("If a class has no prerequisites, then anyone can take it.",
     "forall x, y. class(x) and not prerequisite(x) -> take(y, x)", ["prerequisites"]),
    ("Bob has a degree.", "degree(bob)", ["degree"]),
    ("Every cat has a tail.", "forall x. cat(x) -> tail(x)", ["tail"]),  # the shipped parser's reading, 0.99
    ("Birds have feathers.", "forall x. bird(x) -> feather(x)", ["feathers"]),  # 0.93
    ("Birds have feathers.", "forall x. bird(x) -> have_feathers(x)", []),
    ("Every cat has a tail.", "forall x. cat(x) -> (exists y. tail(y) and have(x, y))", []),
    ("Whoever has a dog is a dog lover.", "forall x. have_dog(x) -> dog_lover(x)", []),  # "dog" said twice
    ("Tara has a score of at least two.", "score(tara) >= 2", []),  # an attribute
    ("John has a high salary.", "high_salary(john)", []),  # a modifier: FOLIO's gold logic names it so
    ("Sid is a snake with fur.", "snake_with_fur(sid)", ["fur"]),  # the shipped parser's reading, 0.84
    ("Bob is a man with a beard.", "man(bob) and beard(bob)", ["beard"]),
    ("Sid is a snake with fur.", "snake(sid) and have_fur(sid)", []),
])
def test_a_possession_is_not_what_the_subject_is(sentence, lf, misread):
    assert possessions_read_as_kinds(parse_formula(lf), sentence) == misread


@pytest.mark.parametrize("sentence, lf, misread", [
    ("Everyone who is late pays a fine.", "forall x. pay_late(x) -> fine(x)", ["fine"]),  # the shipped parser's, 0.62
    ("Bob saw a bird.", "bird(bob)", ["bird"]),
    ("Bob saw a bird.", "exists x. bird(x) and see(bob, x)", []),  # the bird is what is seen
    ("Anyone who met a writer is tidy.", "forall x, y. writer(y) and meet(x, y) -> tidy(x)", []),
    ("Bob is a doctor.", "doctor(bob)", []),
    ("Bob became a doctor.", "doctor(bob)", []),
    ("Bob is not a doctor.", "not doctor(bob)", []),
    ("Bob works as a nurse.", "nurse(bob)", []),  # what he works as
    # a bare plural object of a verb said as one (the shipped parser's reading of the rewording, 0.62)
    ("Everyone who can approve budgets is a manager.", "forall x. approve(x) and budget(x) -> manager(x)", ["budget"]),
    ("Bob can approve budgets.", "approve(bob) and budget(bob)", ["budget"]),
    ("Everyone who smiled barks.", "forall x. smile(x) -> bark(x)", []),  # no object after an inflected verb
    ("All big dogs bark.", "forall x. big(x) and dog(x) -> bark(x)", []),  # an adjective, no verb
])
def test_an_indefinite_object_is_not_what_the_subject_is(sentence, lf, misread):
    assert indefinite_objects_read_as_kinds(parse_formula(lf), sentence, candidates_for(sentence)) == misread


def test_no_gold_lf_reads_an_indefinite_object_as_what_the_subject_is_but_three_folio_premises():
    misread = [pair.sentence for pair in open_gold_pairs(88)
               if indefinite_objects_read_as_kinds(parse_formula(pair.lf), pair.sentence, candidates_for(pair.sentence))]
    # FOLIO's gold logic names the object alone: bus(x) for "take a bus", seat_in_parliament(x)
    assert set(misread) <= {
        "People who supported the Portland Whigs did not get a seat in the Parliament.",
        "If a person has a high income, then he/she will not take a bus to their destination.",
        "People will either take a bus or drive to their destination."}


@pytest.mark.parametrize("sentence, lf, again", [
    # the shipped parser's reading, 0.93: the student studies the exam
    ("Every student who studies passes the exam.", "forall x. student(x) and study(x, exam) -> pass(x, exam)", ["exam"]),
    ("Every student who studies passes the exam.", "forall x. student(x) and study(x) -> pass(x, exam)", []),
    ("Students who fail the exam must retake it.",  # "it" says the exam again
     "forall x. student(x) and fail(x, exam) -> retake(x, exam)", []),
    ("Neither Bob nor Ann likes Carl.", "not like(bob, carl) and not like(ann, carl)", []),  # one relation
])
def test_an_object_is_said_for_each_verb_it_is_the_object_of(sentence, lf, again):
    assert objects_said_again(parse_formula(lf), sentence, candidates_for(sentence)) == again


def test_no_gold_lf_makes_a_constant_the_object_of_more_verbs_than_its_sentence_says():
    for pair in open_gold_pairs(92):
        assert not objects_said_again(parse_formula(pair.lf), pair.sentence, candidates_for(pair.sentence)), pair


@pytest.mark.parametrize("lf, inflected", [
    ("has_fur(snake)", ["has_fur"]),  # the shipped parser's reading of "The snake has fur.", 0.84
    ("have_fur(snake)", []),
    ("hash(snake)", []),
])
def test_a_name_begins_with_the_verbs_lemma(lf, inflected):
    assert inflected_names(parse_formula(lf)) == inflected


def test_no_gold_lf_names_a_verb_by_has_or_had():
    for pair in open_gold_pairs(94):
        assert not inflected_names(parse_formula(pair.lf)), pair


@pytest.mark.parametrize("sentence, lf, misread", [
    # the split network's reading, 0.92
    ("Everyone who has a car is full.", "forall x, y. car(y) and have(x, y) -> full(x)", ["car"]),
    ("The trapin had a car.", "have(trapin, car)", ["car"]),
    ("Everyone who has a car is full.", "forall x. have_car(x) -> full(x)", []),
    ("The cat has the ball.", "have(cat, ball)", []),  # a thing named, no possession's kind
])
def test_a_possession_is_named_with_have(sentence, lf, misread):
    assert possessions_read_as_relations(parse_formula(lf), sentence) == misread


def test_no_gold_lf_says_a_possession_by_a_relation():
    for pair in open_gold_pairs(96):
        assert not possessions_read_as_relations(parse_formula(pair.lf), pair.sentence), pair


def test_no_gold_lf_reads_a_possession_as_what_the_subject_is_but_one_folio_premise():
    misread = [pair.sentence for pair in open_gold_pairs(76)
               if possessions_read_as_kinds(parse_formula(pair.lf), pair.sentence)]
    # FOLIO's gold logic for it is Software(x) -> Code(x): software would be code
    assert misread in ([], ["All software has code."])


@pytest.mark.parametrize("sentence, lf, named", [
    # the split network's reading, 0.92
    ("The whale neither is proud of the rat nor plays piano.", "not proud_of(whale, rat) and not play(whale, piano)",
     ["piano"]),
    ("Dan goes to school.", "go_to(dan, school)", ["school"]),
    ("Dan goes to school.", "go_to_school(dan)", []),
    ("Bob plays the piano.", "play(bob, piano)", []),  # "the piano" is an individual
    ("Peter plays piano, violin, and saxophone.", "play(peter, piano) and play(peter, violin)", []),  # a list
    ("Peter plays piano and violin.", "play(peter, piano) and play(peter, violin)", []),  # a list
    # "and" before a clause is no list (the shipped parser's reading, 0.71)
    ("Charlie plays piano and he is full.", "play(charlie, piano) and full(charlie)", ["piano"]),
    ("Peter is allergic to nuts.", "allergic(peter, nuts)", []),  # after an adjective's preposition
    ("Bob likes Paris.", "like(bob, paris)", []),  # a name
])
def test_a_bare_noun_is_no_individual(sentence, lf, named):
    assert bare_nouns_named(parse_formula(lf), sentence, candidates_for(sentence)) == named


@pytest.mark.parametrize("sentence, lf, singularised", [
    # the shipped parser's readings, 0.87, 0.79 and 0.96
    ("Every admin can reset passwords.", "forall x. admin(x) -> reset_password(x)", ["reset_password"]),
    ("The turtle read books.", "read_book(turtle)", ["read_book"]),
    ("Anyone who read books is light.", "forall x. read_book(x) -> light(x)", ["read_book"]),
    ("Anyone who read books is light.", "forall x. read_books(x) -> light(x)", []),
    ("All race cars are red.", "forall x. race_car(x) -> red(x)", []),  # a kind, named in the singular
    ("Sea turtles that wear glasses are horses.", "forall x. sea_turtle(x) and wear_glasses(x) -> horse(x)", []),
    # not bare: FOLIO's gold logic
    ("All students learning piano can strike the right notes.",
     "forall x. student(x) and learn_piano(x) -> strike_right_note(x)", []),
])
def test_a_bare_plural_object_keeps_its_number_in_the_name(sentence, lf, singularised):
    assert bare_objects_singularised(parse_formula(lf), sentence, candidates_for(sentence)) == singularised


def test_no_gold_lf_names_a_bare_plural_object_in_the_singular_but_one_folio_story():
    singularised = [pair.sentence for pair in open_gold_pairs(84)
                    if bare_objects_singularised(parse_formula(pair.lf), pair.sentence, candidates_for(pair.sentence))]
    # FOLIO's PublishJournals, converted to publish_journal
    assert set(singularised) <= {"If people publish journals, then they do not work in the entertainment industry.",
                                 "All people who are award-winning novelists publish journals."}


@pytest.mark.parametrize("sentence, lf, plural", [
    # the split network's readings, 0.81 and 0.72
    ("Things that are libraries and help Leo are graceful.",
     "forall x. libraries(x) and help(x, leo) -> graceful(x)", ["libraries"]),
    ("Clean, krookal race cars are loud.", "forall x. clean(x) and krookal(x) and race_cars(x) -> loud(x)",
     ["race_cars"]),
    ("Clean, krookal race cars are loud.", "forall x. clean(x) and krookal(x) and race_car(x) -> loud(x)", []),
    ("Things that read books are happy.", "forall x. read_books(x) -> happy(x)", []),  # what they do
    ("Dolphins have children.", "forall x. dolphin(x) -> have_children(x)", []),
])
def test_a_kind_is_named_in_the_singular(sentence, lf, plural):
    assert kinds_named_in_plural(parse_formula(lf), sentence, candidates_for(sentence)) == plural


def test_no_gold_lf_names_a_kind_in_the_plural():
    for pair in open_gold_pairs(87):
        assert not kinds_named_in_plural(parse_formula(pair.lf), pair.sentence, candidates_for(pair.sentence)), pair


@pytest.mark.parametrize("sentence, lf, misread", [
    ("Tweety is a penguin.", "forall x. tweety(x) -> penguin(x)", ["Tweety"]),  # the shipped parser's, 0.84
    ("Tweety is a penguin.", "penguin(tweety)", []),
    ("Shape A is a square.", "forall x. shape(x) -> square(x)", ["Shape"]),  # the shipped parser's, 0.99
    ("Water can boil.", "forall x. water(x) -> boil(x)", ["Water"]),  # a mass noun names one thing in open mode
    ("Penguins are birds.", "forall x. penguin(x) -> bird(x)", []),  # a plural: a kind
    ("Red things are big.", "forall x. red(x) -> big(x)", []),
    # before a verb in -s (the shipped parser's readings, 0.94 and 0.98)
    ("Nemo lives in water.", "forall x. nemo(x) -> live_in_water(x)", ["Nemo"]),
    ("Tweety flies.", "forall x. tweety(x) -> fly(x)", ["Tweety"]),
    ("Red cars drive fast.", "forall x. red(x) and car(x) -> drive_fast(x)", []),  # the word in -s is the kind
    ("Red things move.", "forall x. red(x) -> move(x)", []),
])
def test_a_bare_singular_subject_is_no_kind(sentence, lf, misread):
    assert names_read_as_kinds(parse_formula(lf), sentence) == misread


def test_no_gold_lf_reads_a_bare_singular_subject_as_a_kind_but_one_folio_premise():
    misread = [pair.sentence for pair in open_gold_pairs(86) if names_read_as_kinds(parse_formula(pair.lf), pair.sentence)]
    # FOLIO's gold logic reads these as generalities: forall x. kangaroo(x) -> animal(x)
    assert set(misread) <= {"Kangaroo is an animal.", "Odell is an English surname originating in Odell, Bedfordshire.",
                            "Traffic is outside of my control."}


def test_no_gold_lf_names_a_bare_noun_but_one_folio_premise():
    named = [pair.sentence for pair in open_gold_pairs(80)
             if bare_nouns_named(parse_formula(pair.lf), pair.sentence, candidates_for(pair.sentence))]
    # FOLIO's gold logic makes these objects constants: make(carrozzeria_colli, car_bodies),
    # specialize_in(carrozzeria_colli, using_aluminum)
    assert set(named) <= {"Carrozzeria Colli made car bodies.",
                          "Carrozzeria Colli is a company that specialized in using aluminum."}


@pytest.mark.parametrize("sentence, lf, actions", [
    # the shipped parser's readings, 0.75 and 0.67
    ("The printer is broken and the scanner is working.", "break(printer) and working(scanner)", ["break"]),
    ("Whoever is married has a spouse.", "forall x. marry(x) -> have_spouse(x)", ["marry"]),
    ("The printer is broken.", "broken(printer)", []),
    ("Harry is not tired.", "not tired(harry)", []),
    ("The vase was broken by Tom.", "break(tom, vase)", []),  # a passive with its agent names the verb
    ("The vase was broken by Tom.", "break(vase)", []),
    ("The window is broken because the boys break windows.", "break(window)", []),  # the verb is said too
    # before a noun (the shipped parser's reading, 0.76)
    ("Every injured bird can not fly.", "forall x. injure(x) and bird(x) -> not fly(x)", ["injure"]),
    ("Every injured bird can not fly.", "forall x. injured(x) and bird(x) -> not fly(x)", []),
])
def test_a_participle_after_be_says_a_state_not_an_action(sentence, lf, actions):
    assert states_read_as_actions(parse_formula(lf), sentence) == actions


def test_no_gold_lf_reads_a_state_as_an_action():
    for pair in open_gold_pairs(78):
        assert not states_read_as_actions(parse_formula(pair.lf), pair.sentence), pair


@pytest.mark.parametrize("sentence, lf, merged", [
    # the shipped parser's reading of "A broken printer can not print.", 0.68
    ("A broken printer can not print.", "forall x. broken_printer(x) -> not print(x)", ["broken_printer"]),
    ("A broken printer can not print.", "forall x. broken(x) and printer(x) -> not print(x)", []),
    ("All race cars are red.", "forall x. race_car(x) -> red(x)", []),  # "race" is no participle
])
def test_a_state_before_a_noun_is_no_part_of_the_kind(sentence, lf, merged):
    assert states_merged_into_kinds(parse_formula(lf), sentence) == merged


def test_no_gold_lf_merges_a_state_into_a_kind_but_one_folio_premise():
    merged = [pair.sentence for pair in open_gold_pairs(90) if states_merged_into_kinds(parse_formula(pair.lf), pair.sentence)]
    assert merged in ([], ["A controlled substance is a drug."])  # FOLIO's controlled_substance


@pytest.mark.parametrize("sentence, lf, named", [
    ("If the light is red, cars stop.", "red(light) -> stop(cars)", ["cars"]),  # shipped parser, 0.80
    ("If the light is red, cars stop.", "forall x. red(light) and car(x) -> stop(x)", []),
    ("If the light is red, the cars stop.", "red(light) -> stop(cars)", []),  # "the cars" names them
    ("If someone rides the horse then they ride horses.", "forall x. ride(x, horse) -> ride_horses(x)", []),
    ("Bob likes apples.", "like(bob, apples)", []),  # an object: not judged
])
def test_a_generic_plural_subject_is_no_constant(sentence, lf, named):
    assert generics_named(parse_formula(lf), sentence) == named


@pytest.mark.parametrize("sentence, lf, given", [
    # the shipped parser's reading, 0.99: the streets rain
    ("When it rains, streets get wet.", "forall x. rain(x) and street(x) -> get_wet(x)", ["rain"]),
    ("When it rains, streets get wet.", "rain -> (forall x. street(x) -> get_wet(x))", []),
    ("If it rains, the ground is wet.", "rains(ground) -> wet(ground)", ["rains"]),  # 0.63
    ("If it is snowing, Bob skis.", "snow -> ski(bob)", []),
    ("The cloud rains on the town.", "rain_on(cloud, town)", []),  # a cloud is no empty "it"
])
def test_the_weather_has_no_subject(sentence, lf, given):
    assert weather_given_subjects(parse_formula(lf), sentence) == given


@pytest.mark.parametrize("sentence, lf, found", [
    ("The lamp is on.", "lamp", ["lamp"]),  # the shipped parser's reading, 0.67
    ("The light is on.", "light", ["light"]),
    ("The lamp is on.", "on(lamp)", []),
    ("It is snowing.", "snow", []),
    ("If it is hailing, the game is off.", "hail -> off(game)", []),
])
def test_a_thing_is_no_proposition(sentence, lf, found):
    assert things_read_as_propositions(parse_formula(lf), sentence) == found


@pytest.mark.parametrize("sentence, lf, found", [
    ("Mars is a planet.", "forall x. mar(x) -> planet(x)", ["Mars"]),  # the shipped parser's reading, 0.70
    ("Mars is a planet.", "planet(mars)", []),
    ("Cats are animals.", "forall x. cat(x) -> animal(x)", []),  # a plural's verb
    ("Glass is fragile.", "forall x. glass(x) -> fragile(x)", []),  # no plural ending
])
def test_the_subject_of_a_singular_verb_is_no_plural(sentence, lf, found):
    assert singular_subjects_read_as_plurals(parse_formula(lf), sentence) == found


@pytest.mark.parametrize("sentence, lf, found", [
    ("Alice's brother is a doctor.", "doctor(alice) and brother(alice)", ["Alice's brother"]),  # shipped, 0.81
    ("Emma is Liam's mother.", "mother(emma) and mother(liam)", ["Liam's mother"]),  # 0.85
    ("Emma is Liam's mother.", "mother(emma, liam)", []),
    ("Alice's brother is a doctor.", "doctor(alice_brother)", []),
    ("Tom's car uses gasoline.", "use_gasoline(tom, car)", ["Tom's car"]),  # shipped parser, 0.85
    ("Tom's car uses gasoline.", "own(tom, car) and use_gasoline(car)", []),  # owning relates them
    ("Julia is Mike's wife.", "mike(julia) and wife(julia)", ["Mike's wife"]),  # shipped parser, 0.71
    ("Julia is Mike's wife.", "wife_of(julia, mike)", []),
])
def test_a_possessive_noun_is_neither_its_owner_nor_apart_from_it(sentence, lf, found):
    assert possessives_read_as_kinds(parse_formula(lf), sentence) == found


@pytest.mark.parametrize("sentence, lf, dropped", [
    # the shipped parser's reading, 0.93: every mother loves every child
    ("Every mother loves her children.", "forall x, y. mother(x) and child(y) -> love(x, y)", ["her children"]),
    ("Every mother loves her children.", "forall x, y. mother(x) and child(y, x) -> love(x, y)", []),
    ("Every mother loves her children.", "forall x, y. mother(x) and child_of(y, x) -> love(x, y)", []),
    ("Every child loves their child.", "forall x, y. child(x) and child(y) -> love(x, y)", []),  # said twice
    # a name of its own: some "sister" who is no one's (the shipped parser, 0.98)
    ("Kevin is older than his sister.", "age(kevin) > age(sister)", ["his sister"]),
    ("Kevin is older than his sister.", "exists x. sister(x, kevin) and age(kevin) > age(x)", []),
    ("The lurump fears her and Lima is theekic.", "fear(lurump, her) and theekic(lima)", []),  # "her" an object
])
def test_whose_a_thing_is_is_kept(sentence, lf, dropped):
    assert pronoun_possessions_dropped(parse_formula(lf), sentence) == dropped


def test_no_gold_lf_fails_the_quantifier_existence_condition_or_only_checks():
    pairs = [(pair, None) for pair in open_gold_pairs(67)]
    for theory in shipped_theories():
        pairs += [(pair, theory) for pair in generate_pairs(300, seed=68, theory=theory)]
    for pair, theory in pairs:
        formula = parse_formula(pair.lf)
        assert not quantifiers_unbound(formula, pair.sentence), pair
        assert not existence_denied_unread(formula, pair.sentence), pair
        assert not existence_unread(formula, pair.sentence), pair
        assert not conditions_unsaid(formula, pair.sentence), pair
        assert not weather_given_subjects(formula, pair.sentence), pair
        if theory is None:
            assert not generics_named(formula, pair.sentence), pair
            assert not possessives_read_as_kinds(formula, pair.sentence), pair
            assert not pronoun_possessions_dropped(formula, pair.sentence), pair
            assert not things_read_as_propositions(formula, pair.sentence), pair
            assert not singular_subjects_read_as_plurals(formula, pair.sentence), pair
            assert not only_misread(formula, pair.sentence, candidates_for(pair.sentence)), pair


@pytest.mark.parametrize("sentence, lf, misread", [
    # the shipped parser's reading, 0.78: a generic subject read as "some"
    ("Interns cannot access the database.", "exists x. intern(x) and not access(x, database)", ["Interns"]),
    ("Interns cannot access the database.", "forall x. intern(x) -> not access(x, database)", []),
    ("Some interns cannot access the database.", "exists x. intern(x) and not access(x, database)", []),
    ("Carrozzeria Colli worked for airforces.", "exists x. airforce(x) and work_for(carrozzeria_colli, x)", []),
])
def test_a_generic_subject_is_not_read_as_some(sentence, lf, misread):
    assert generics_read_as_some(parse_formula(lf), sentence) == misread


def test_most_many_several_and_few_have_no_reading():
    assert inexpressible_quantities("Most birds can fly.") == ["Most"]
    assert inexpressible_quantities("Few students failed.") == ["Few"]
    assert inexpressible_quantities("Birds can fly.") == []
    assert inexpressible_quantities("Holding companies hold several companies.") == []  # not its subject


def test_no_gold_lf_reads_a_generic_as_some_or_says_what_the_logic_cannot():
    pairs = open_gold_pairs(70)
    for theory in shipped_theories():
        pairs += generate_pairs(300, seed=71, theory=theory)
    for pair in pairs:
        assert not generics_read_as_some(parse_formula(pair.lf), pair.sentence), pair
        assert not inexpressible_quantities(pair.sentence), pair


@pytest.mark.parametrize("sentence, lf, kinds", [
    ("The book is on the table.", "table(book)", ["table"]),  # the shipped parser's reading, 0.99
    ("The meeting is on Monday.", "monday(meeting)", ["monday"]),
    ("The keys are not in the drawer.", "not drawer(key)", ["drawer"]),
    ("Everyone in the team speaks English.", "forall x. team(x) -> speak(x, english)", ["team"]),  # 0.94
    ("Every nurse in the hospital works at night.",  # 0.66
     "forall x. nurse(x) and hospital(x) -> work_at_night(x)", ["hospital"]),
    ("The book is on the table.", "on(book, table)", []),
    ("Anyone who looked at a horse is happy.", "forall x, y. horse(y) and look_at(x, y) -> happy(x)", []),
    ("The table is big.", "big(table)", []),
    ("Bob works as a teacher.", "teacher(bob)", []),
])
def test_a_place_is_not_read_as_a_kind(sentence, lf, kinds):
    assert places_read_as_kinds(parse_formula(lf), sentence, candidates_for(sentence)) == kinds


@pytest.mark.parametrize("sentence, lf, both", [
    ("Cats and dogs are animals.", "forall x. cat(x) and dog(x) -> animal(x)", [("cats", "dogs")]),  # 0.86
    ("All birds and bats can fly.", "forall x. bird(x) and bat(x) -> fly(x)", [("birds", "bats")]),
    ("Cats and dogs are animals.", "forall x. cat(x) or dog(x) -> animal(x)", []),
    ("Cats and dogs are animals.",
     "(forall x. cat(x) -> animal(x)) and (forall x. dog(x) -> animal(x))", []),
    ("Red and cold things are round.", "forall x. red(x) and cold(x) -> round(x)", []),  # adjectives
    ("Nervous and famous people are shy.", "forall x. nervous(x) and famous(x) -> shy(x)", []),
    ("Dangerous and venomous snakes bite.", "forall x. dangerous(x) and venomous(x) and snake(x) -> bite(x)", []),
])
def test_two_kinds_joined_by_and_are_not_things_that_are_both(sentence, lf, both):
    assert coordinated_kinds_intersected(parse_formula(lf), sentence) == both


@pytest.mark.parametrize("sentence, lf, objects", [
    ("Maria speaks French and Spanish.", "speak_french(maria) and spanish(maria)", ["spanish"]),  # 0.93
    ("Mary owns a car and a bike.", "own_car(mary) and bike(mary)", ["bike"]),  # 0.98
    ("Alice likes Bob and Carol.", "like(alice, bob) and carol(alice)", ["carol"]),
    ("Maria speaks French and Spanish.", "speak(maria, french) and speak(maria, spanish)", []),
    ("Bob is a cat and a dog.", "cat(bob) and dog(bob)", []),  # after "is" the phrase is a property
    ("Bob chases the cat and the dog barks.", "chase(bob, cat) and bark(dog)", []),
    ("Both the pig and the train are big.", "big(pig) and big(train)", []),
    ("The dog chases the cat and barks.", "chase(dog, cat) and bark(dog)", []),  # a verb in -s: a second verb
    # a bare word a singular subject cannot have as a verb (the shipped parser's reading, 0.87)
    ("The store sells bread and milk.", "sell(store, bread) and milk(store)", ["milk"]),
    ("Bob ran and fell.", "run(bob) and fall(bob)", []),  # an irregular past
    ("Bob can sing and dance.", "sing(bob) and dance(bob)", []),  # after a modal
    ("Bob looks tired and sad.", "tired(bob) and sad(bob)", []),  # after a verb that takes adjectives
])
def test_a_second_object_is_not_a_property_of_the_subject(sentence, lf, objects):
    assert objects_read_as_properties(parse_formula(lf), sentence, candidates_for(sentence)) == objects


def test_no_gold_lf_reads_a_place_as_a_kind_two_kinds_as_one_or_an_object_as_a_property():
    pairs = [(pair, None) for pair in open_gold_pairs(72)]
    for theory in shipped_theories():
        pairs += [(pair, theory) for pair in generate_pairs(300, seed=73, theory=theory)]
    for pair, theory in pairs:
        formula = parse_formula(pair.lf)
        assert not coordinated_kinds_intersected(formula, pair.sentence), pair
        if theory is None:
            candidates = candidates_for(pair.sentence)
            assert not places_read_as_kinds(formula, pair.sentence, candidates), pair
            assert not objects_read_as_properties(formula, pair.sentence, candidates), pair


@pytest.mark.parametrize("sentence, lf, left_out", [
    # the shipped parser's reading, 0.78
    ("Every student in the class passed the exam.", "forall x. student(x) -> pass(class, exam)", ["x"]),
    ("Every student in the class passed the exam.", "forall x. student(x) -> pass(x, exam)", []),
    ("Anyone who writes something is a writer.", "forall x, y. write(x, y) -> writer(x)", []),
    ("If someone is kind then Bob is happy.", "forall x. kind(x) -> happy(bob)", []),  # no leading quantifier
])
def test_a_rule_concludes_something_of_its_subject(sentence, lf, left_out):
    assert subjects_left_out_of_conclusions(parse_formula(lf), sentence) == left_out


def test_no_gold_rule_concludes_nothing_of_its_subject():
    pairs = open_gold_pairs(74)
    for theory in shipped_theories():
        pairs += generate_pairs(300, seed=75, theory=theory)
    for pair in pairs:
        assert not subjects_left_out_of_conclusions(parse_formula(pair.lf), pair.sentence), pair
