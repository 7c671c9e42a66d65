"""FOLIO premises with gold logic -> (sentence, LF) training pairs in the project's names."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from neurosym.datasets import split_of
from neurosym.logic.parser import parse_formula
from neurosym.logic.typecheck import infer_signature, typecheck
from neurosym.parser.candidates import open_candidates
from neurosym.parser.vocabulary import lf_to_actions
from neurosym.training.folio_pairs import (Dropped, convert_folio, convert_story, folio_pairs, past_lemma,
                                           read_folio)

FOLIO = Path(__file__).resolve().parents[2] / "shared" / "data" / "folio-v0-train.jsonl"
needs_data = pytest.mark.skipif(not FOLIO.exists(), reason="../shared/data is not here")


def lf_of(sentence: str, fol: str) -> str:
    pairs = convert_story([(sentence, fol)])
    assert len(pairs) == 1, f"{sentence!r} was dropped"
    return pairs[0].lf


def drop_reason(sentence: str, fol: str) -> str:
    dropped = Counter()
    assert convert_story([(sentence, fol)], dropped=dropped) == []
    (reason,) = dropped
    return reason


# ---------------------------------------------------------------- structure


def test_quantified_rule_takes_the_whole_phrase_for_a_unary_predicate():
    assert lf_of("All people who regularly drink coffee are dependent on caffeine.",
                 "∀x (Drinks(x) → Dependent(x))") == \
        "forall x. drink_coffee_regularly(x) -> dependent_on_caffeine(x)"


def test_xor_and_negation():
    assert lf_of("Rina is either a student or unaware that caffeine is a drug.",
                 "Student(rina) ⊕ Unaware(rina)") == "student(rina) xor unaware(rina)"
    assert lf_of("No mammals are invertebrates.", "∀x (Mammal(x) → ¬Invertebrate(x))") == \
        "forall x. mammal(x) -> not invertebrate(x)"


def test_fact_with_two_constants_keeps_argument_order():
    assert lf_of("Rafa Nadal was born in Mallorca.", "BornIn(rafaNadal, mallorca)") == \
        "born_in(rafa_nadal, mallorca)"


def test_folio_names_are_renamed_from_the_words():
    assert lf_of("Dagfinn Aarskog is a Norwegian physician.",
                 "Norwegian(dagfinnAarskog) ∧ Physician(dagfinnAarskog)") == \
        "norwegian(dagfinn_aarskog) and physician(dagfinn_aarskog)"
    assert lf_of("All sports cars are loud.", "∀x (SportsCar(x) → Loud(x))") == \
        "forall x. sports_car(x) -> loud(x)"
    assert lf_of("All risk-averse people are cautious.", "∀x (Risk-averse(x) → Cautious(x))") == \
        "forall x. risk_averse(x) -> cautious(x)"


def test_person_predicates_disappear_as_in_the_generator():
    assert lf_of("All people who are kind are young.", "∀x (Person(x) ∧ Kind(x) → Young(x))") == \
        "forall x. kind(x) -> young(x)"


def test_a_gerund_becomes_its_verb():
    assert lf_of("If Leon is not studying, then Leon is a teacher.", "¬Study(leon) → Teacher(leon)") == \
        "not study(leon) -> teacher(leon)"


def test_prenex_existential_moves_into_the_consequent_as_the_conventions_write_it():
    assert lf_of("Every dog chases some cat.", "∀a ∃b (Dog(a) → Cat(b) ∧ Chases(a, b))") == \
        "forall x. dog(x) -> (exists y. cat(y) and chase(x, y))"
    assert lf_of("Cats are pets.", "∀x ∃y (Cat(x) → Pet(x, y))") == "forall x. cat(x) -> (exists y. pet(x, y))"


def test_nested_quantifiers_of_one_kind_are_one_binder_list():
    assert lf_of("If a child is exposed to a controlled substance, he or she is in chemical endangerment.",
                 "∀x ∀y (ExposedToControlledSubstance(x, y) → ChemicalEndangerment(x))") == \
        "forall x, y. exposed_to_controlled_substance(x, y) -> chemical_endangerment(x)"


def test_a_phrase_is_not_stretched_over_another_mention():
    assert lf_of("Holding companies hold several companies.",
                 "∀x ∃y (HoldingCompany(x) → Company(y) ∧ Holds(x, y))") == \
        "forall x. holding_company(x) -> (exists y. company(y) and hold(x, y))"


# ---------------------------------------------------------------- tense and voice


@pytest.mark.parametrize("sentence, fol, lf", [
    ("87 countries won at least one medal during the 2008 Games.",
     "∃x (Country(x) ∧ Won(x, medal))", "exists x. country(x) and win(x, medal)"),
    ("Deborah Wallace co-produced Gasland.", "Co-Produced(deborahwallace, gasland)",
     "co_produce(deborah_wallace, gasland)"),
    ("Andy Chang directed EndGame.", "Directed(andyChang, endGame)", "direct(andy_chang, endgame)"),
    ("Brian Winter retired in 2012.", "Retired(brianwinter)", "retire(brian_winter)"),
    ("All students who attend in person have registered for the conference.",
     "∀x (Attend(x) → Registered(x))", "forall x. attend(x) -> register_for_conference(x)"),
])
def test_an_active_past_is_its_verb_lemma(sentence, fol, lf):
    assert lf_of(sentence, fol) == lf


def test_a_passive_with_its_agent_is_the_active_relation_agent_first():
    assert lf_of("Hamlet was written by Shakespeare.", "WrittenBy(hamlet, shakespeare)") == \
        "write(shakespeare, hamlet)"
    assert lf_of("Tintin was produced by Paramount.", "Produced(paramount, tintin)") == \
        "produce(paramount, tintin)"
    assert lf_of("Tintin was produced by Paramount.", "Produced(tintin, paramount)") == \
        "produce(paramount, tintin)"


def test_a_passive_without_an_agent_keeps_its_participle_like_born_in():
    assert lf_of("EndGame was filmed outside of Washington.", "FilmedOutside(endGame, washington)") == \
        "filmed_outside(endgame, washington)"
    assert lf_of("Bernarda Bryson Shahn was married to Ben Shahn.",
                 "MarriedTo(bernardaBrysonShahn, benShahn)") == "married_to(bernarda_bryson_shahn, ben_shahn)"
    assert lf_of("Stonefish stings cause death if not treated.",
                 "∀x (Sting(stonefish, x) ∧ ¬Treated(x) → CauseDeath(x))") == \
        "forall x. sting(stonefish, x) and not treated(x) -> cause_death(x)"


def test_a_verb_after_its_subject_takes_its_lemma_not_the_gerund():
    assert lf_of("John is a student learning piano.", "Student(john) ∧ LearningPiano(john)") == \
        "student(john) and learn_piano(john)"


@pytest.mark.parametrize("word, lemma", [
    ("won", "win"), ("written", "write"), ("produced", "produce"), ("directed", "direct"),
    ("dismissed", "dismiss"), ("specialized", "specialize"), ("owned", "own"), ("stopped", "stop"),
    ("carried", "carry"), ("died", "die"), ("located", "locate"), ("visited", "visit"),
    ("co-produced", "co-produce"), ("born", None), ("red", None), ("debuted", None),
])
def test_past_lemma_reads_spelling_and_leaves_open_what_it_cannot_tell(word, lemma):
    assert past_lemma(word) == lemma


def test_known_words_settle_a_lemma_that_spelling_leaves_open():
    assert past_lemma("debuted", known={"debut"}) == "debut"


def test_folio_syntax_variants_are_read():
    unparenthesised = read_folio("∀x Coding(x) → ¬StudyingToBeDoctor(x)")
    assert unparenthesised.predicates == {"Coding": 1, "StudyingToBeDoctor": 1}
    assert read_folio("(LanguageModel(bert) ∧ Giant(bert)) → Giant(gpt-3).").constants == {"bert", "gpt-3"}
    assert read_folio("GraduateStudent(joe) ^ Student(joe)").predicates == {"GraduateStudent": 1, "Student": 1}


def test_one_folio_predicate_keeps_one_name_across_a_story():
    pairs = convert_story([
        ("All people who regularly drink coffee are dependent on caffeine.", "∀x (Drinks(x) → Dependent(x))"),
        ("Rina drinks coffee.", "Drinks(rina)"),
    ])
    assert [p.lf for p in pairs] == ["forall x. drink_coffee(x) -> dependent_on_caffeine(x)",
                                     "drink_coffee(rina)"]


# ---------------------------------------------------------------- what is dropped


@pytest.mark.parametrize("sentence, fol, reason", [
    ("Lana Wilson is from Kirkland.", "FromCity(lana_Wilson, kirkland)", "unmapped name"),
    ("All humans are mortal.", "∀x (Person(x) → Mortal(x))", "unmapped name"),
    ("Tom plays chess and plays golf.", "Plays(tom)", "ambiguous name"),
    ("All coffee produced in Columbia is produced in France.", "∀x (Columbia(x) → France(x))", "lossy logic"),
    ("Mary does not work at a pool.", "¬WorkAtPool(mary))", "unparseable"),
    ("Some kind dogs are loud.", "∃x (Kind(x) ∧ Dog(x) → Loud(x))", "existential implication"),
    ("There exist harmful and beneficial substances.", "∃x ∃x (Harmful(x) ∧ Beneficial(y))", "free variable"),
    ("All people who are respected by others contribute to the country.",
     "∀x (Respected(x) → ContributeToCountry(x))", "passive agent not in logic"),
    ("Roy Richardson debuted in cricket.", "DebutedIn(royrichardson, cricket)", "uncertain lemma"),
    ("Some dogs are kind.", "∃x ∃y (Dog(x) ∧ Kind(x))", "vacuous quantifier"),
    ("Steve Hillage and Miquette Giraudy are former members of the band Gong.",
     "FormerMembersOf(stevehillage, gong) ∧ FormerMembersOf(miquettegiraudy, gong)", "unmapped name"),
    ("If an animal eats other animals, then it is a carnivore.",
     "∀x (EatsOtherAnimals(x) → Carnivore(x))", "unmapped name"),
])
def test_unconfident_conversions_are_dropped_with_a_reason(sentence, fol, reason):
    assert drop_reason(sentence, fol) == reason


def test_read_folio_reports_unparseable_logic():
    with pytest.raises(Dropped) as caught:
        read_folio("∀x (P(x) →")
    assert caught.value.reason == "unparseable"


# ---------------------------------------------------------------- the real file


@needs_data
def test_the_test_part_is_never_converted():
    with pytest.raises(ValueError):
        folio_pairs(FOLIO, part="test")
    test_stories = {f"folio-{json.loads(line)['story_id']}" for line in FOLIO.open()
                    if split_of({"theory": f"folio-{json.loads(line)['story_id']}"}) == "test"}
    test_sentences = {p.strip() for line in FOLIO.open() for p in json.loads(line)["premises"]
                      if f"folio-{json.loads(line)['story_id']}" in test_stories}
    for part in ("train", "validation"):
        pairs = folio_pairs(FOLIO, part=part)
        assert pairs and all(split_of({"theory": p.story_id}) == part for p in pairs)
        assert not {p.story_id for p in pairs} & test_stories
        assert not {p.sentence for p in pairs} & test_sentences


@needs_data
def test_every_pair_is_a_unique_checked_target_for_the_parser():
    conversion = convert_folio(FOLIO, part="train")
    pairs = conversion.pairs
    assert len({p.sentence for p in pairs}) == len(pairs)
    assert len(pairs) + sum(conversion.dropped.values()) == conversion.premises
    for pair in pairs:
        formula = parse_formula(pair.lf)
        typecheck(formula, infer_signature([(formula, "<pair>", pair.lf)]))
        lf_to_actions(pair.lf, open_candidates(pair.sentence).items)


@needs_data
def test_parser_training_data_adds_the_folio_train_premises_repeated(tmp_path):
    from neurosym.training.train_parser import TrainSettings, training_pairs

    settings = TrainSettings(open_pairs=20, schema_pairs=0, rule_pairs=0, folio_repeat=2,
                             data_dir=str(FOLIO.parent))
    pairs, owners = training_pairs(settings, [], log=lambda message: None)
    real = folio_pairs(FOLIO, part="train")
    assert len(pairs) == 20 + 2 * len(real)
    assert [p.sentence for p in pairs[20:20 + len(real)]] == [p.sentence for p in real]
    assert owners[20:] == [None] * (2 * len(real))  # FOLIO premises are parsed in open mode


def test_parser_training_goes_on_without_the_shared_data(tmp_path):
    from neurosym.training.train_parser import TrainSettings, training_pairs

    said = []
    settings = TrainSettings(open_pairs=20, schema_pairs=0, rule_pairs=0, data_dir=str(tmp_path))
    pairs, _ = training_pairs(settings, [], log=said.append)
    assert len(pairs) == 20
    assert "FOLIO premises left out" in said[0]


@pytest.mark.parametrize("stream, constructs", [("rule_pairs", "RULE_CONSTRUCTS"),
                                                ("fact_pairs", "FACT_CONSTRUCTS"),
                                                ("generic_pairs", "GENERIC_CONSTRUCTS")])
def test_an_extra_training_stream_adds_its_shapes_and_leaves_the_rest_and_the_held_out_set_alone(
        tmp_path, stream, constructs):
    from dataclasses import replace

    from neurosym.training import train_parser

    plain = train_parser.TrainSettings(open_pairs=40, schema_pairs=0, rule_pairs=0, data_dir=str(tmp_path),
                                       test_open=30, test_schema=0)
    more = replace(plain, **{stream: 25})
    quiet = lambda message: None  # noqa: E731
    without, _ = train_parser.training_pairs(plain, [], log=quiet)
    with_extra, _ = train_parser.training_pairs(more, [], log=quiet)
    assert with_extra[:40] == without
    assert len(with_extra) == 65
    assert {p.construct for p in with_extra[40:]} <= set(getattr(train_parser, constructs))
    assert train_parser.held_out_pairs(plain, []) == train_parser.held_out_pairs(more, [])


def test_parser_training_keeps_the_held_out_templates_out_unless_told_to_learn_every_one(tmp_path):
    from dataclasses import replace

    from neurosym.training import split_templates
    from neurosym.training.train_parser import SPLIT_SEED, TrainSettings, held_out_pairs, training_pairs

    forms = split_templates(SPLIT_SEED)
    split = TrainSettings(open_pairs=300, schema_pairs=0, rule_pairs=0, data_dir=str(tmp_path),
                          test_open=150, test_schema=0)
    every = replace(split, all_templates=True)
    quiet = lambda message: None  # noqa: E731
    assert not {p.template for p in training_pairs(split, [], log=quiet)[0]} & forms.test
    assert {p.template for p in training_pairs(every, [], log=quiet)[0]} & forms.test
    # The test set: unseen templates for the split; every template for the shipped recipe.
    assert {p.template for p in held_out_pairs(split, [])[0]} <= forms.test
    assert {p.template for p in held_out_pairs(every, [])[0]} & forms.train
