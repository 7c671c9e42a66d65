"""The vectorized beam search returns what the per-hypothesis search returned.

``reference_beam_search_batch`` below is the original search, one Python loop per
hypothesis (kept here as the specification). The tensor search in
``neurosym.parser.decoding`` must give the same readings in the same order with the
same scores, for list-based mock models (adapted) and tensor models alike.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

import pytest
import torch

from neurosym.logic.parser import parse_formula
from neurosym.parser.constraint import constraint_for
from neurosym.parser.decoding import (
    BeamConfig, Prefix, Reading, ScriptedModel, _choices_by_symbol, beam_search_batch,
)
from neurosym.parser.vocabulary import NAME, NUMBER, VOCABULARY, Candidate, actions_to_lf, lf_to_actions

V = VOCABULARY


# ---------------------------------------------------------------- the reference search


@dataclass(frozen=True)
class _Hyp:
    actions: tuple[int, ...]
    state: int
    score: float
    rank: int
    parent_row: int


def _logsumexp(values):
    top = max(values)
    if top == -math.inf or top != top:
        return top
    return top + math.log(sum(math.exp(v - top) for v in values))


def _groups(candidates):
    """``(symbol, action, merged columns)`` per choice (the grouping the search shares)."""
    return [(symbol, action, members) for symbol, choices in _choices_by_symbol(candidates, V)
            for action, members in choices]


def reference_beam_search_batch(model, candidate_lists, config=BeamConfig()):
    """The original per-hypothesis beam search (sorts all expansions in Python)."""
    constraint = constraint_for(V)
    groups = [_groups(c) for c in candidate_lists]
    finished = [[] for _ in candidate_lists]
    live = [(item, _Hyp((), constraint.start, 0.0, 0, -1)) for item in range(len(candidate_lists))]
    for length in range(config.max_length):
        if not live:
            break
        rows = model.step([Prefix(item, hyp.actions, hyp.parent_row) for item, hyp in live])
        expansions = {}
        for row_index, ((item, hyp), row) in enumerate(zip(live, rows)):
            mask = constraint.allowed(hyp.state)
            if length == config.max_length - 1:
                mask &= 1
            scored = [(action, _logsumexp([float(row[m]) for m in members]))
                      for symbol, action, members in groups[item] if mask >> symbol & 1]
            scored = [(a, logit) for a, logit in scored if logit > -math.inf]
            if scored:
                total = _logsumexp([logit for _, logit in scored])
                expansions.setdefault(item, []).extend(
                    (hyp.score + logit - total, hyp.rank, action, hyp, row_index) for action, logit in scored)
        live = []
        for item in sorted(expansions):
            beam = []
            for score, _, action, parent, row_index in sorted(expansions[item], key=lambda e: (-e[0], e[1], e[2])):
                if action == 0:
                    finished[item].append((parent.actions + (0,), score))
                elif len(beam) < config.beam_size:
                    symbol = V.symbol_of(action, candidate_lists[item])
                    beam.append(_Hyp(parent.actions + (action,), constraint.advance(parent.state, symbol),
                                     score, len(beam), row_index))
            done = not beam or (config.rank_by == "score" and len(finished[item]) >= config.n_best and
                                beam[0].score <= sorted(s for _, s in finished[item])[-config.n_best])
            if not done:
                live.extend((item, hyp) for hyp in beam)
    results = []
    for item, candidates in enumerate(candidate_lists):
        def value(entry):
            order, (actions, score) = entry
            return (-(score if config.rank_by == "score" else score / len(actions) ** config.length_penalty), order)
        ranked = sorted(enumerate(finished[item]), key=value)[: config.n_best]
        results.append([Reading(actions_to_lf(a, candidates), None, a, s, s / len(a) ** config.length_penalty)
                        for _, (a, s) in ranked])
    return results


# ---------------------------------------------------------------- models


class RandomModel:
    """Random logits, a deterministic function of the seed and the prefix."""

    def __init__(self, seed, widths, *, scale=3.0):
        self.seed, self.widths, self.scale = seed, widths, scale

    def step(self, prefixes):
        rows = []
        for p in prefixes:
            rng = random.Random(f"{self.seed}:{p.item}:{p.actions}")
            rows.append([rng.gauss(0.0, self.scale) for _ in range(self.widths[p.item])])
        return rows


class TableModel:
    """Logits from a random table indexed by (input, position, last action), served both
    ways: ``step`` (lists of prefixes) and ``step_grid`` (tensors)."""

    def __init__(self, seed, widths, max_length=64):
        generator = torch.Generator().manual_seed(seed)
        self.widths = widths
        self.table = torch.randn(len(widths), max_length, max(widths) + 1, max(widths), generator=generator) * 3
        for item, width in enumerate(widths):
            self.table[item, :, :, width:] = -math.inf

    def _row(self, item, actions):
        last = actions[-1] if actions else self.table.shape[2] - 1
        return self.table[item, len(actions), last]

    def step(self, prefixes):
        return [self._row(p.item, p.actions)[: self.widths[p.item]].tolist() for p in prefixes]

    def step_grid(self, items, parents, last_actions, live, position):
        if last_actions is None:
            last_actions = torch.full((items.shape[0], 1), self.table.shape[2] - 1)
        return self.table[items[:, None], position, last_actions]


def width(candidates):
    return V.n_fixed + len(candidates)


CANDIDATE_LISTS = [
    (Candidate("dog", NAME), Candidate("chases", NAME), Candidate("x", NAME),
     Candidate("17", NUMBER), Candidate("dog", NAME), Candidate("2.5", NUMBER)),
    (Candidate("p", NAME),),
    (),
    (Candidate("bob", NAME), Candidate("red", NAME), Candidate("bob", NAME), Candidate("17.0", NUMBER),
     Candidate("17", NUMBER), Candidate("y", NAME), Candidate("kind", NAME)),
]


def assert_same(found, expected):
    assert len(found) == len(expected)
    for readings, reference in zip(found, expected):
        assert [r.text for r in readings] == [r.text for r in reference]
        assert [r.actions for r in readings] == [r.actions for r in reference]
        assert [r.score for r in readings] == pytest.approx([r.score for r in reference], abs=1e-4)
        assert [r.normalized_score for r in readings] == pytest.approx(
            [r.normalized_score for r in reference], abs=1e-4)
        for reading in readings:
            assert parse_formula(reading.text) == reading.formula


CONFIGS = [BeamConfig(beam_size=4, n_best=7, max_length=40), BeamConfig(beam_size=1, n_best=1, max_length=30),
           BeamConfig(beam_size=6, n_best=3, max_length=12),
           BeamConfig(beam_size=3, n_best=5, max_length=25, rank_by="normalized", length_penalty=0.7)]


# ---------------------------------------------------------------- equivalence


@pytest.mark.parametrize("seed", range(40))
@pytest.mark.parametrize("config", CONFIGS, ids=lambda c: f"beam{c.beam_size}-best{c.n_best}-{c.rank_by}")
def test_random_logits_give_the_reference_readings(seed, config):
    widths = [width(c) for c in CANDIDATE_LISTS]
    model = RandomModel(seed, widths, scale=0.5 + seed % 4)
    assert_same(beam_search_batch(model, CANDIDATE_LISTS, config=config),
                reference_beam_search_batch(model, CANDIDATE_LISTS, config))


@pytest.mark.parametrize("seed", range(10))
def test_a_tensor_model_gives_the_reference_readings(seed):
    widths = [width(c) for c in CANDIDATE_LISTS]
    model = TableModel(seed, widths)
    config = BeamConfig(beam_size=4, n_best=7, max_length=30)
    expected = reference_beam_search_batch(model, CANDIDATE_LISTS, config)
    assert hasattr(model, "step_grid")
    assert_same(beam_search_batch(model, CANDIDATE_LISTS, config=config), expected)


def test_uniform_scores_tie_exactly_as_in_the_reference():
    class Uniform:
        def step(self, prefixes):
            return [[0.0] * width(CANDIDATE_LISTS[p.item]) for p in prefixes]

    config = BeamConfig(beam_size=6, n_best=8, max_length=10)
    assert_same(beam_search_batch(Uniform(), CANDIDATE_LISTS, config=config),
                reference_beam_search_batch(Uniform(), CANDIDATE_LISTS, config))


def test_scripted_models_give_the_reference_readings():
    texts = ["forall x. dog(x) and age(x) > 17 -> animal(x)", "exists y. chases(bob, y) and not red(y)",
             "p", "not (q or r) <-> s(1.5)"]
    candidate_lists = []
    for text in texts:
        names = [w for w in text.replace("(", " ").replace(")", " ").replace(",", " ").split()
                 if w.isidentifier() and w not in V.keywords and w not in V.variables]
        candidate_lists.append(tuple(Candidate(n, NAME) for n in dict.fromkeys(names))
                               + (Candidate("17", NUMBER), Candidate("1.5", NUMBER)))
    scripts = [lf_to_actions(t, c) for t, c in zip(texts, candidate_lists)]
    model = ScriptedModel(scripts, [width(c) for c in candidate_lists])
    config = BeamConfig(beam_size=4, n_best=7)
    found = beam_search_batch(model, candidate_lists, config=config)
    assert_same(found, reference_beam_search_batch(model, candidate_lists, config))
    assert [readings[0].text for readings in found] == texts


def test_inputs_that_finish_early_leave_the_others_unchanged():
    widths = [width(c) for c in CANDIDATE_LISTS]
    model = RandomModel(7, widths)
    config = BeamConfig(beam_size=4, n_best=2, max_length=30)
    together = beam_search_batch(model, CANDIDATE_LISTS, config=config)
    for item, candidates in enumerate(CANDIDATE_LISTS):
        class Alone(RandomModel):
            def step(self, prefixes):
                return super().step([Prefix(item, p.actions, p.parent) for p in prefixes])

        alone = beam_search_batch(Alone(7, widths), [candidates], config=config)[0]
        assert [(r.text, r.score) for r in alone] == [(r.text, r.score) for r in together[item]]


def test_unparsed_readings_on_request():
    widths = [width(c) for c in CANDIDATE_LISTS]
    parsed = beam_search_batch(RandomModel(3, widths), CANDIDATE_LISTS)
    unparsed = beam_search_batch(RandomModel(3, widths), CANDIDATE_LISTS, parse=False)
    assert [[r.text for r in rs] for rs in unparsed] == [[r.text for r in rs] for rs in parsed]
    assert all(r.formula is None for rs in unparsed for r in rs)


def test_a_tensor_model_of_the_wrong_shape_is_reported():
    class Narrow:
        def step_grid(self, items, parents, last_actions, live, position):
            return torch.zeros(live.shape[0], live.shape[1], V.n_fixed)

    with pytest.raises(ValueError, match="shape"):
        beam_search_batch(Narrow(), [(Candidate("p", NAME),)])


def test_searches_in_and_out_of_inference_mode_share_the_grammar_tables():
    # The tables are shared by every search; the parser's run under torch.inference_mode
    # and fill them first, a plain search may come next (it failed to write them once).
    from neurosym.parser.decoding import _StateTables

    _StateTables._shared.clear()
    widths = [width(c) for c in CANDIDATE_LISTS]
    with torch.inference_mode():
        inside = beam_search_batch(RandomModel(5, widths), CANDIDATE_LISTS[:1])
    outside = beam_search_batch(RandomModel(5, widths), CANDIDATE_LISTS)
    assert [r.text for r in outside[0]] == [r.text for r in inside[0]]
