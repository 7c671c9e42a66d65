"""The decoding machinery of the semantic parser: vocabulary, grammar constraint, beam search.

No model is needed: the decoder is driven by mock models (uniform, random, scripted).
"""

from __future__ import annotations

import doctest
import json
import math
import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from lark.exceptions import UnexpectedInput

import neurosym.parser as parser_package
from neurosym.errors import LogicSyntaxError, SourceError
from neurosym.logic import ast
from neurosym.logic.parser import lf_parser, parse_formula
from neurosym.logic.printer import to_text
from neurosym.parser import constraint as constraint_module
from neurosym.parser import decoding as decoding_module
from neurosym.parser import vocabulary as vocabulary_module
from neurosym.parser.constraint import (
    ACCEPTED, Constraint, benchmark, constraint_for, sample_symbols,
)
from neurosym.parser.decoding import BeamConfig, Prefix, ScriptedModel, beam_search, beam_search_batch
from neurosym.parser.vocabulary import (
    NAME, NUMBER, VARIABLES, VOCABULARY, Candidate, TargetError, Vocabulary,
    actions_to_formula, actions_to_lf, canonical_variables, lf_to_actions,
)
from strategies import formulas

V = VOCABULARY
FOLIO = Path(__file__).resolve().parents[2] / "shared" / "data" / "folio-v0-train.jsonl"


def candidates_of(text: str, *, vocabulary: Vocabulary = V) -> tuple[Candidate, ...]:
    """The names and numbers an LF writes, as copy candidates (variables excluded)."""
    tokens = lf_parser().parse_interactive(text).iter_parse()
    return tuple(dict.fromkeys(
        Candidate(t.value, t.type) for t in tokens
        if t.type in (NAME, NUMBER) and t.value not in vocabulary.variables))


def width(candidates, vocabulary: Vocabulary = V) -> int:
    return vocabulary.n_fixed + len(candidates)


# ---------------------------------------------------------------- vocabulary


def test_symbol_layout_puts_end_first_then_fixed_tokens_then_the_two_slots():
    assert V.symbols[0] == "<end>"
    assert V.symbols[V.n_fixed - len(VARIABLES): V.n_fixed] == VARIABLES
    assert (V.symbols[V.name_slot], V.symbols[V.number_slot]) == (NAME, NUMBER)
    assert V.copy_action(0) == V.n_fixed
    assert all(V.is_variable(V.id(v)) for v in VARIABLES) and not V.is_variable(V.id("and"))


def test_every_fixed_terminal_of_the_grammar_has_a_vocabulary_token():
    parser = lf_parser()
    slots = {"NAME", "NUMBER"}
    fixed_terminals = {t.name for t in parser.terminals} - set(parser.ignore_tokens) - slots
    written = set()
    for token in V.keywords:
        lexed = [t.type for t in parser.lex(token)] if token != "-" else ["ADDOP", "MINUS"]
        written.update(lexed)
    assert fixed_terminals <= written, fixed_terminals - written


def test_a_vocabulary_token_that_the_grammar_cannot_lex_is_refused():
    with pytest.raises(ValueError, match="no token of the LF grammar"):
        Constraint(Vocabulary(keywords=V.keywords + ("=>",)))


def test_vocabulary_saves_and_loads_as_json():
    data = json.loads(json.dumps(V.to_dict()))
    assert Vocabulary.from_dict(data) == V


@pytest.mark.parametrize("text, kind", [("chases", NAME), ("17", NUMBER), ("2.5", NUMBER)])
def test_candidates_accept_identifiers_and_decimals(text, kind):
    assert Candidate(text, kind).text == text


@pytest.mark.parametrize("text, kind", [("and", NAME), ("bald eagle", NAME), ("-3", NUMBER),
                                        ("1e5", NUMBER), ("dog", "WORD")])
def test_candidates_refuse_what_the_lf_cannot_write(text, kind):
    with pytest.raises(ValueError):
        Candidate(text, kind)


# Texts that come back character for character: the printer's canonical spacing, and
# the FOLIO parenthesised quantifier.
EXACT_TEXTS = [
    "forall x. dog(x) -> animal(x)",
    "forall x: Applicant. age(x) >= 18 -> adult(x)",
    "exists x, y. chases(x, y) and not likes(y, x)",
    "age(alice) = 17 and eligible(alice)",
    "not (p or q) <-> not p and not q",
    "a - -b * (c + 1.5) / 2 != -(-d)",
    "(forall x. p(x)) xor (exists y. q(y))",
    "true or false",
    "forall x. red(x) and cold(x) -> round(x)",
    "forall x: Person (p(x)) and (exists y (q(y)))",
]


@pytest.mark.parametrize("text", EXACT_TEXTS)
def test_canonical_text_round_trips_exactly_through_actions(text):
    candidates = candidates_of(text)
    actions = lf_to_actions(text, candidates)
    assert actions[-1] == 0 and 0 not in actions[:-1]
    assert actions_to_lf(actions, candidates) == text


@pytest.mark.parametrize("text", [
    "∀x (Drinks(x) → Dependent(x))",
    "∀x ∃y (Parent(y, x) ∧ ¬(x ≤ 3))",
    "(Student(rina) ∧ Unaware(rina)) ⊕ ¬(Student(rina) ∨ Unaware(rina))",
    "forall x (p(x))   # a comment",
])
def test_other_spellings_come_back_in_ascii_with_the_same_meaning(text):
    candidates = candidates_of(text)
    back = actions_to_lf(lf_to_actions(text, candidates), candidates)
    assert back.isascii() and parse_formula(back) == parse_formula(text)


ROUND_TRIP_VOCABULARY = Vocabulary(variables=tuple(f"v{i}" for i in range(12)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(formulas())
def test_generated_formulas_round_trip_build_back_and_are_accepted_by_the_constraint(formula):
    vocabulary = ROUND_TRIP_VOCABULARY
    assume(not ast.free_names(formula) & set(vocabulary.variables))
    try:
        formula = canonical_variables(formula, vocabulary.variables)
    except ValueError:
        assume(False)  # more variables bound at once than the vocabulary has
    text = to_text(formula)
    candidates = candidates_of(text, vocabulary=vocabulary)[::-1]  # order must not matter
    actions = lf_to_actions(text, candidates, vocabulary=vocabulary)
    assert actions_to_lf(actions, candidates, vocabulary=vocabulary) == text
    assert parse_formula(text) == formula
    assert actions_to_formula(actions, candidates, vocabulary=vocabulary) == formula
    symbols = [vocabulary.symbol_of(a, candidates) for a in actions]
    assert constraint_for(vocabulary).accepts(symbols)


def test_sequences_of_one_shape_get_their_own_names_and_numbers():
    # One skeleton, "NAME(NAME) and NAME(NAME) > NUMBER", filled twice with different copies.
    def formula(p, a, f, b, number):
        candidates = (Candidate(p, NAME), Candidate(a, NAME), Candidate(f, NAME), Candidate(b, NAME),
                      Candidate(number, NUMBER))
        text = f"{p}({a}) and {f}({b}) > {number}"
        return actions_to_formula(lf_to_actions(text, candidates), candidates), parse_formula(text)

    for names in [("dog", "rex", "age", "rex", "7"), ("orange", "notable", "weight", "x_1", "2.50")]:
        built, parsed = formula(*names)
        assert built == parsed
    assert formula("dog", "rex", "age", "rex", "7")[0] != formula("cat", "tom", "age", "tom", "7")[0]


def test_random_sequences_the_constraint_accepts_build_the_formula_their_text_parses_to():
    constraint = constraint_for()
    rng = random.Random(5)
    candidates = (Candidate("p", NAME), Candidate("orange", NAME), Candidate("x", NAME),
                  Candidate("7", NUMBER), Candidate("2.50", NUMBER), Candidate("007", NUMBER))
    names, numbers = [0, 1], [3, 4, 5]
    checked = 0
    for _ in range(400):
        symbols = sample_symbols(constraint, rng, max_length=30, end_probability=0.3)
        if not symbols:
            continue
        actions = []
        for symbol in symbols:
            if symbol == V.name_slot:
                actions.append(V.copy_action(rng.choice(names)))
            elif symbol == V.number_slot:
                actions.append(V.copy_action(rng.choice(numbers)))
            elif symbol == V.id("x") and rng.random() < 0.5:
                actions.append(V.copy_action(2))  # a copy spelled like the variable is the variable
            else:
                actions.append(symbol)
        text = actions_to_lf(actions, candidates)
        assert actions_to_formula(actions, candidates) == parse_formula(text), text
        checked += 1
    assert checked > 100


def test_a_sequence_binding_a_copied_name_reads_as_its_text_does():
    # The constraint never writes one; without it, the bound copy is a variable in the body.
    candidates = (Candidate("p", NAME), Candidate("bob", NAME))
    actions = [V.id("forall"), V.copy_action(1), V.id("."), V.copy_action(0), V.id("("), V.copy_action(1),
               V.id(")"), 0]
    assert actions_to_formula(actions, candidates) == parse_formula("forall bob. p(bob)")
    assert isinstance(actions_to_formula(actions, candidates).body.args[0], ast.Var)


@pytest.mark.skipif(not FOLIO.exists(), reason="the shared FOLIO data is not here")
def test_real_folio_formulas_round_trip_unless_they_have_free_variables():
    texts = set()
    for line in FOLIO.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        texts.update(record["premises-FOL"])
    encoded = free = 0
    for text in sorted(texts):
        try:
            formula = parse_formula(text)
        except LogicSyntaxError:
            continue  # not this grammar's LF (FOLIO has a few malformed ones)
        candidates = candidates_of(text)
        try:
            actions = lf_to_actions(text, candidates)
        except TargetError as error:
            assert "not a bound variable" in error.message  # FOLIO's own free variables
            free += 1
            continue
        assert parse_formula(actions_to_lf(actions, candidates)) == formula
        encoded += 1
    assert encoded > 1000 and free < 10


def test_numbers_are_copied_by_value():
    candidates = (Candidate("age", NAME), Candidate("bob", NAME), Candidate("1.5", NUMBER))
    actions = lf_to_actions("age(bob) > 1.50", candidates)
    assert actions_to_lf(actions, candidates) == "age(bob) > 1.5"


def test_a_name_missing_from_the_candidates_is_reported_with_its_position():
    with pytest.raises(TargetError) as caught:
        lf_to_actions("chases(dog, cta)", (Candidate("chases", NAME), Candidate("dog", NAME),
                                            Candidate("cat", NAME)))
    error = caught.value
    assert isinstance(error, SourceError)
    assert (error.line, error.column, error.suggestion) == (1, 13, "cat")


@pytest.mark.parametrize("text, column, message", [
    ("forall a. p(a)", 8, "not one of the decoder's variables"),
    ("p(x)", 3, "not a bound variable"),
    ("forall y: x. p(y)", 11, "not a bound variable"),
])
def test_lfs_the_decoder_could_not_write_are_refused(text, column, message):
    candidates = candidates_of(text, vocabulary=Vocabulary(variables=("y",)))
    with pytest.raises(TargetError, match=message) as caught:
        lf_to_actions(text, candidates)
    assert caught.value.column == column


def test_text_that_is_no_formula_is_a_syntax_error():
    with pytest.raises(LogicSyntaxError):
        lf_to_actions("p(", (Candidate("p", NAME),))
    with pytest.raises(LogicSyntaxError):
        lf_to_actions("1 + 2", (Candidate("1", NUMBER), Candidate("2", NUMBER)))


def test_canonical_variables_renames_binders_without_capturing_symbols():
    formula = parse_formula("forall a. exists b. knows(a, b, x) and (forall c. p(c))")
    renamed = canonical_variables(formula)
    assert to_text(renamed) == "forall y. exists z. knows(y, z, x) and (forall u. p(u))"
    with pytest.raises(ValueError, match="no names left"):
        canonical_variables(parse_formula("forall a, b. p(a, b)"), ("x",))


# ---------------------------------------------------------------- constraint


def symbols_of(tokens: str, vocabulary: Vocabulary = V) -> list[int]:
    """Symbols for space-separated tokens; NAME and NUMBER stand for any copied name or number."""
    return [vocabulary.id(token) for token in tokens.split()]


# (prefix, symbol, allowed): the grammar's answers, then what the AST builder adds.
ALLOWED_NEXT = [
    ("", "forall", True),
    ("", ")", False),
    ("NAME", "(", True),
    ("NAME and", "not", True),
    ("NAME and", "<end>", False),
    ("forall", "x", True),
    ("forall", "NAME", False),  # binders are variables, never copied names
    ("forall x ,", "x", False),  # bound twice
    ("forall x ,", "y", True),
    ("forall x , y , z , u , v , w", ",", False),  # no variable left to bind
    ("forall x :", "x", False),  # a sort, not a variable
    ("forall x :", "NAME", True),
    ("forall x .", "x", True),
    ("forall x .", "y", False),  # not bound
    ("", "x", False),
    ("forall x . x", "(", False),  # a variable applied
    ("forall x . x", "<end>", False),  # a variable as a formula
    ("forall x . x", "=", True),
    ("( forall x . NAME )", "x", False),  # out of scope
    ("NUMBER", "<end>", False),
    ("NUMBER", ">", True),
    ("NUMBER", "and", False),
    ("NAME = NUMBER", "and", True),
    ("NAME = NUMBER", "=", False),
    ("NAME (", "not", False),  # arguments are terms
    ("NAME = (", "true", False),
    ("NAME = (", "-", True),
    ("true", "+", False),
    ("( NAME and NAME )", "*", False),
    ("exists x ( NUMBER", ")", False),  # the quantifier's body would be a term
    ("exists x ( NUMBER", "<", True),
    ("NAME - -", "NAME", True),
]


@pytest.mark.parametrize("prefix, symbol, allowed", ALLOWED_NEXT)
def test_allowed_next_symbols(prefix, symbol, allowed):
    constraint = constraint_for()
    state = constraint.feed(symbols_of(prefix))
    assert constraint.allows(state, V.id(symbol)) is allowed


def test_completion_check():
    constraint = constraint_for()
    assert constraint.can_end(constraint.feed(symbols_of("forall x . NAME ( x )")))
    assert not constraint.can_end(constraint.feed(symbols_of("forall x . NAME ( x")))
    assert not constraint.can_end(constraint.start)
    assert constraint.allowed(ACCEPTED) == 0


def test_bound_variables_follow_the_scopes():
    constraint = constraint_for()
    assert constraint.bound_variables(constraint.feed(symbols_of("forall x , y . NAME ( x ) and exists z ."))) \
        == {"x", "y", "z"}
    assert constraint.bound_variables(constraint.feed(symbols_of("( forall x . NAME ) and"))) == set()


def test_states_are_interned_so_equal_stacks_share_one_cache_entry():
    constraint = Constraint()
    first = constraint.feed(symbols_of("NAME and not"))
    assert constraint.feed(symbols_of("NAME and not")) == first
    assert constraint.advance(constraint.start, V.id("forall")) == constraint.advance(constraint.start, V.id("exists"))
    mask = constraint.allowed(first)
    cached = constraint.cached_states
    assert constraint.allowed(constraint.feed(symbols_of("NAME and not"))) == mask
    assert constraint.cached_states == cached


def test_advancing_with_a_forbidden_symbol_raises():
    constraint = constraint_for()
    with pytest.raises(ValueError, match="may not follow"):
        constraint.advance(constraint.start, V.id(")"))
    with pytest.raises(ValueError, match="symbol 1"):
        constraint.feed(symbols_of("NAME NAME"))


def _grammar_allows(parser, prefix_text: str, token_text: str | None) -> bool:
    """Lark's own answer, by re-parsing: does the prefix extend by the token (or end)?"""
    try:
        if token_text is None:
            parser.parse(prefix_text)
        else:
            parser.parse_interactive(f"{prefix_text} {token_text}").exhaust_lexer()
    except UnexpectedInput:
        return False
    return True


SLOT_TEXT = {V.name_slot: "p", V.number_slot: "1"}
SLOT_CANDIDATES = (Candidate("p", NAME), Candidate("1", NUMBER))


def slot_text(symbols) -> str:
    actions = [V.copy_action(0) if s == V.name_slot else V.copy_action(1) if s == V.number_slot else s
               for s in symbols]
    return actions_to_lf(actions, SLOT_CANDIDATES)


def test_without_semantic_checks_the_constraint_is_exactly_lalr_parsing():
    constraint = Constraint(semantic_checks=False)
    parser = lf_parser()
    rng = random.Random(7)
    checked = 0
    for _ in range(60):
        symbols = sample_symbols(constraint, rng, max_length=12, end_probability=0.2) or []
        for cut in range(len(symbols)):
            prefix = symbols[:cut]
            state = constraint.feed(prefix)
            text = slot_text(prefix)
            for symbol in range(len(V.symbols)):
                token = None if symbol == 0 else SLOT_TEXT.get(symbol, V.symbols[symbol])
                assert constraint.allows(state, symbol) == _grammar_allows(parser, text, token), \
                    (text, V.symbols[symbol])
                checked += 1
    assert checked > 5000


def writable(formula: ast.Formula, vocabulary: Vocabulary = V) -> bool:
    """The decoder's policy beyond parsing: binders are the vocabulary's variables, and
    no symbol or sort is spelled like one."""
    variables = set(vocabulary.variables)
    for node in ast.walk(formula):
        if isinstance(node, (ast.Const, ast.FuncApp, ast.Pred)) and node.name in variables:
            return False
        if isinstance(node, (ast.Forall, ast.Exists)) and any(
                b.name not in variables or b.sort in variables for b in node.binders):
            return False
    return True


def test_the_constraint_accepts_exactly_the_lfs_that_parse_and_it_can_write():
    grammar_only = Constraint(semantic_checks=False)
    constraint = constraint_for()
    rng = random.Random(11)
    outcomes = {True: 0, False: 0}
    for _ in range(4000):
        symbols = sample_symbols(grammar_only, rng, max_length=14, end_probability=0.5)
        if symbols is None:
            continue
        text = slot_text(symbols)
        try:
            expected = writable(parse_formula(text))
        except LogicSyntaxError:
            expected = False
        assert constraint.accepts(symbols) is expected, text
        outcomes[expected] += 1
    assert min(outcomes.values()) > 300


def _completes(constraint, state, depth, budget) -> bool:
    """Depth-first search for a way to end, trying closing symbols first."""
    budget[0] -= 1
    if budget[0] < 0 or depth == 0:
        return False
    mask, following = constraint.row(state)
    if mask & 1:
        return True
    return any(mask >> s & 1 and _completes(constraint, following[s], depth - 1, budget)
               for s in _CLOSING_ORDER)


_FIRST = [V.id(t) for t in (")", ".", "=")] + [V.name_slot, V.number_slot] + [V.id(v) for v in VARIABLES]
_LAST = [V.id(t) for t in ("forall", "exists", "(", "not", "-")]
_CLOSING_ORDER = _FIRST + [s for s in range(1, len(V.symbols)) if s not in _FIRST + _LAST] + _LAST


def test_every_allowed_symbol_leaves_a_way_to_finish():
    constraint = Constraint()
    rng = random.Random(5)
    for _ in range(150):
        state = constraint.start
        for _ in range(30):
            mask = constraint.allowed(state)
            symbol = rng.choice([s for s in range(1, len(V.symbols)) if mask >> s & 1])
            state = constraint.advance(state, symbol)
            assert _completes(constraint, state, 60, [5000])


def test_random_complete_sequences_parse():
    constraint = constraint_for()
    rng = random.Random(3)
    complete = [s for s in (sample_symbols(constraint, rng) for _ in range(500)) if s]
    assert len(complete) > 100
    for symbols in complete:
        parse_formula(slot_text(symbols))


def test_transition_table_agrees_with_row_lookups():
    constraint = Constraint()
    constraint.precompute(max_states=300)
    masks, following = constraint.transition_table()
    for state, mask in enumerate(masks):
        if mask >= 0:
            assert (mask, following[state]) == constraint.row(state)
    assert sum(mask >= 0 for mask in masks) >= 300


def test_benchmark_reports_lookup_rates():
    lines = []
    figures = benchmark(lookups=20_000, walks=30, report=lines.append)
    assert figures["allowed_lookups_per_s"] > figures["lark_accepts_per_s"] > 0
    assert "allowed-set lookups/s" in lines[0]


# ---------------------------------------------------------------- beam search


class UniformModel:
    """Every action scores the same."""

    def __init__(self, widths):
        self.widths = widths

    def step(self, prefixes):
        return [[0.0] * self.widths[p.item] for p in prefixes]


class RandomModel:
    """Random logits, a deterministic function of the seed and the prefix."""

    def __init__(self, seed, widths):
        self.seed, self.widths = seed, widths

    def step(self, prefixes):
        rows = []
        for p in prefixes:
            rng = random.Random(f"{self.seed}:{p.item}:{p.actions}")
            rows.append([rng.gauss(0.0, 3.0) for _ in range(self.widths[p.item])])
        return rows


FOLIO_STYLE = ("forall x. dog(x) and age(x) > 17 -> animal(x)",
               "exists y. chases(bob, y) and not red(y)")


def test_a_scripted_model_gets_exactly_its_formula():
    text = FOLIO_STYLE[0]
    candidates = candidates_of(text) + (Candidate("cat", NAME), Candidate("3", NUMBER))
    script = lf_to_actions(text, candidates)
    readings = beam_search(ScriptedModel([script], [width(candidates)]), candidates)
    best = readings[0]
    assert (best.text, best.actions) == (text, script)
    assert best.formula == parse_formula(text)
    assert best.probability > 0.99 and best.probability == pytest.approx(math.exp(best.score))
    assert best.normalized_score == pytest.approx(best.score / len(script))


def test_a_batch_decodes_each_input_with_its_own_candidates():
    candidate_lists = [candidates_of(text) for text in FOLIO_STYLE]
    scripts = [lf_to_actions(t, c) for t, c in zip(FOLIO_STYLE, candidate_lists)]
    model = ScriptedModel(scripts, [width(c) for c in candidate_lists])
    results = beam_search_batch(model, candidate_lists)
    assert [readings[0].text for readings in results] == list(FOLIO_STYLE)


@pytest.mark.parametrize("seed", range(120))
def test_random_logits_only_ever_give_valid_lfs(seed):
    candidates = (Candidate("dog", NAME), Candidate("chases", NAME), Candidate("x", NAME),
                  Candidate("17", NUMBER), Candidate("dog", NAME), Candidate("2.5", NUMBER))
    config = BeamConfig(beam_size=5, n_best=5, max_length=40)
    readings = beam_search(RandomModel(seed, [width(candidates)]), candidates, config=config)
    assert readings, "random logits should still finish some formula"
    for reading in readings:
        assert parse_formula(reading.text) == reading.formula
        assert len(reading.actions) <= config.max_length and reading.actions[-1] == 0
    texts = [r.text for r in readings]
    assert len(set(texts)) == len(texts)
    scores = [r.score for r in readings]
    assert scores == sorted(scores, reverse=True) and all(s <= 0 for s in scores)


@pytest.mark.parametrize("seed", range(40))
def test_pruning_keeps_every_reading_at_least_min_ratio_as_likely_as_the_best(seed):
    candidates = (Candidate("dog", NAME), Candidate("chases", NAME), Candidate("17", NUMBER))
    model = RandomModel(seed, [width(candidates)])
    full = beam_search(model, candidates, config=BeamConfig(beam_size=5, n_best=8, max_length=30))
    pruned = beam_search(model, candidates, config=BeamConfig(beam_size=5, n_best=8, max_length=30,
                                                                min_ratio=0.01))
    threshold = 0.01 * full[0].probability
    likely = [r.text for r in full if r.probability >= threshold]
    assert [r.text for r in pruned if r.probability >= threshold] == likely
    assert [r.text for r in pruned][: len(likely)] == likely


def test_masking_overrides_a_model_that_prefers_ungrammatical_actions():
    candidates = (Candidate("p", NAME),)
    closing, end = V.id(")"), 0

    class Stubborn:
        def step(self, prefixes):
            rows = []
            for _ in prefixes:
                row = [-5.0] * width(candidates)
                row[closing], row[end] = 50.0, 40.0
                rows.append(row)
            return rows

    readings = beam_search(Stubborn(), candidates, config=BeamConfig(max_length=12))
    assert readings
    for reading in readings:
        parse_formula(reading.text)
        assert closing not in reading.actions[:1]


def test_uniform_scores_break_ties_by_action_order_and_are_repeatable():
    candidates = (Candidate("p", NAME),)
    model = UniformModel([width(candidates)])
    first = beam_search(model, candidates, config=BeamConfig(beam_size=6, n_best=3))
    again = beam_search(model, candidates, config=BeamConfig(beam_size=6, n_best=3))
    assert [r.actions for r in first] == [r.actions for r in again]
    # "true" and "false" both end after one token and tie; "true" has the lower id.
    assert [r.text for r in first[:2]] == ["true", "false"]
    assert first[0].score == first[1].score


def test_copies_of_one_text_are_one_choice_with_their_probabilities_added():
    constraint = constraint_for()
    fixed = (1 << V.n_fixed) - 1
    start_choices = bin(constraint.allowed(constraint.start) & fixed).count("1")
    after_name = constraint.advance(constraint.start, V.name_slot)
    end_choices = bin(constraint.allowed(after_name) & fixed).count("1")  # no name follows a name

    doubled = (Candidate("dog", NAME), Candidate("dog", NAME))
    readings = beam_search(UniformModel([width(doubled)]), doubled, config=BeamConfig(beam_size=8, n_best=8))
    dog = next(r for r in readings if r.text == "dog")
    assert dog.score == pytest.approx(math.log(2 / (start_choices + 2)) + math.log(1 / end_choices))
    assert len({r.text for r in readings}) == len(readings)


def test_a_copied_variable_name_is_the_variable():
    candidates = (Candidate("p", NAME), Candidate("x", NAME))
    script = lf_to_actions("forall x. p(x)", candidates)
    assert V.copy_action(1) not in script  # written with the fixed variable action

    class PointsAtTheCopy(ScriptedModel):
        def step(self, prefixes):
            rows = super().step(prefixes)
            for row in rows:  # move the script's preference from the variable to its copy
                row[V.id("x")], row[V.copy_action(1)] = row[V.copy_action(1)], row[V.id("x")]
            return rows

    readings = beam_search(PointsAtTheCopy([script], [width(candidates)]), candidates)
    assert (readings[0].text, readings[0].actions) == ("forall x. p(x)", script)


def test_max_length_bounds_every_reading():
    text = "forall x. dog(x) and age(x) > 17 -> animal(x)"
    candidates = candidates_of(text)
    script = lf_to_actions(text, candidates)
    config = BeamConfig(max_length=len(script) - 1, beam_size=3)
    readings = beam_search(ScriptedModel([script], [width(candidates)]), candidates, config=config)
    assert all(len(r.actions) <= config.max_length for r in readings)
    assert text not in [r.text for r in readings]


def test_a_model_that_rules_out_every_allowed_action_gets_no_reading():
    class OnlyClosing:
        def step(self, prefixes):
            row = [-math.inf] * V.n_fixed
            row[V.id(")")] = 0.0
            return [row for _ in prefixes]

    assert beam_search(OnlyClosing(), ()) == []


def test_prefix_parents_point_at_the_row_they_extend():
    seen: list[list[Prefix]] = []

    class Recorder(RandomModel):
        def step(self, prefixes):
            seen.append(list(prefixes))
            return super().step(prefixes)

    candidates = (Candidate("p", NAME), Candidate("1", NUMBER))
    beam_search(Recorder(1, [width(candidates)]), candidates, config=BeamConfig(beam_size=3))
    assert [p.parent for p in seen[0]] == [-1]
    for before, after in zip(seen, seen[1:]):
        for prefix in after:
            assert before[prefix.parent].actions == prefix.actions[:-1]


def test_readings_can_be_ranked_by_length_normalized_score():
    candidates = (Candidate("p", NAME), Candidate("q", NAME))
    config = BeamConfig(beam_size=4, n_best=4, rank_by="normalized", max_length=20)
    readings = beam_search(RandomModel(4, [width(candidates)]), candidates, config=config)
    normalized = [r.normalized_score for r in readings]
    assert readings and normalized == sorted(normalized, reverse=True)


@pytest.mark.parametrize("rows, message", [
    (lambda n: [[0.0] * (V.n_fixed + 1)] * (n + 1), "rows for"),
    (lambda n: [[0.0] * V.n_fixed] * n, "expected"),
    (lambda n: [[math.nan] * (V.n_fixed + 1)] * n, "NaN"),
])
def test_malformed_model_output_is_reported(rows, message):
    class Broken:
        def step(self, prefixes):
            return rows(len(prefixes))

    with pytest.raises(ValueError, match=message):
        beam_search(Broken(), (Candidate("p", NAME),))


@pytest.mark.parametrize("settings_", [dict(beam_size=0), dict(n_best=0), dict(max_length=1),
                                       dict(rank_by="best")])
def test_bad_search_settings_are_refused(settings_):
    with pytest.raises(ValueError):
        BeamConfig(**settings_)


# ---------------------------------------------------------------- the package


def test_public_api():
    assert sorted(parser_package.__all__) == sorted([
        "Candidate", "Vocabulary", "VOCABULARY", "TargetError", "lf_to_actions", "actions_to_lf",
        "canonical_variables", "Constraint", "constraint_for", "Prefix", "StepModel", "BeamConfig",
        "Reading", "beam_search", "beam_search_batch", "ScriptedModel",
    ])


def test_importing_the_parser_loads_neither_torch_nor_the_reasoner():
    code = ("import sys, neurosym.parser; "
            "print(sorted(m for m in sys.modules if m == 'torch' or m.startswith('neurosym.reasoner')))")
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert output.stdout.strip() == "[]"


@pytest.mark.parametrize("module", [vocabulary_module, constraint_module, decoding_module])
def test_docstring_examples(module):
    assert doctest.testmod(module).failed == 0
