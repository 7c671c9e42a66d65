"""Grammar-constrained beam search over any model that scores the next action.

Decoding lives apart from the network (as nanochat's ``Engine`` does): the model is a
one-method seam, ``StepModel.step(prefixes) -> scores``, so tests drive the decoder
with mock models in milliseconds, and the real encoder-decoder plugs in later.

At every step each live hypothesis asks the constraint (``constraint.py``) which
symbols may follow its prefix; the model's scores of all other actions are masked out,
exactly like top-k masking, and the rest are renormalized (log-softmax over the allowed
actions). A reading's ``score`` is the sum of those log-probabilities, so
``exp(score)`` is the probability the model gives the reading among grammatical ones;
``normalized_score`` divides by ``length ** length_penalty``.

Copies of the same text are one choice: the scores of candidates that write the same
name (or the same number), and of a copied name spelled like a variable together with
that variable's fixed action, are added in probability space (log-sum-exp). So two
readings never differ only in which copy wrote a name.

Every reading returned is parsed with ``parse_formula``; by construction of the
constraint it always parses. Type checking is the caller's (readings that fail
``neurosym.logic.typecheck.typecheck`` are dropped there).
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Protocol, Sequence

from ..errors import LogicSyntaxError
from ..logic import ast
from ..logic.parser import parse_formula
from .constraint import Constraint, constraint_for
from .vocabulary import NUMBER, VOCABULARY, Candidate, Vocabulary, actions_to_lf

__all__ = ["Prefix", "StepModel", "BeamConfig", "Reading", "beam_search", "beam_search_batch",
           "ScriptedModel"]

logger = logging.getLogger("neurosym.parser")


@dataclass(frozen=True, slots=True)
class Prefix:
    """A hypothesis the model is asked to extend by one action.

    ``item`` is the input it belongs to (an index into the candidate lists given to
    ``beam_search_batch``); ``parent`` is the row of the previous ``step`` call whose
    prefix this one extends (``-1`` at the first step), so a model with a key/value
    cache can reorder it instead of re-reading ``actions``.
    """

    item: int
    actions: tuple[int, ...]
    parent: int


class StepModel(Protocol):
    """What the decoder needs from a model."""

    def step(self, prefixes: Sequence[Prefix]) -> Sequence[Sequence[float]]:
        """Scores of the next action for each prefix, one row per prefix.

        A row has ``vocabulary.n_fixed + len(candidates of its item)`` entries: logits
        (unnormalized log-probabilities) of the fixed actions, then of ``COPY(i)`` for
        each candidate. ``-inf`` rules an action out; NaN is an error.
        """
        ...


@dataclass(frozen=True)
class BeamConfig:
    """Search settings."""

    beam_size: int = 4  # live hypotheses kept per input at each step
    n_best: int = 4  # readings returned per input
    max_length: int = 64  # most actions in a reading, <end> included
    length_penalty: float = 1.0  # normalized_score = score / len(actions) ** length_penalty
    rank_by: str = "score"  # "score" (sum of log-probs) or "normalized"

    def __post_init__(self) -> None:
        if self.beam_size < 1 or self.n_best < 1 or self.max_length < 2:
            raise ValueError("beam_size and n_best must be at least 1, max_length at least 2")
        if self.rank_by not in ("score", "normalized"):
            raise ValueError(f"rank_by must be 'score' or 'normalized', got {self.rank_by!r}")


@dataclass(frozen=True)
class Reading:
    """One decoded logical form with its scores."""

    text: str  # canonical LF text
    formula: ast.Formula = field(repr=False)
    actions: tuple[int, ...]  # ending with <end>
    score: float  # sum of log-probabilities of the actions
    normalized_score: float

    @property
    def probability(self) -> float:
        """``exp(score)``: the model's probability of this reading among grammatical ones."""
        return math.exp(self.score)


def beam_search(
    model: StepModel,
    candidates: Sequence[Candidate],
    *,
    config: BeamConfig = BeamConfig(),
    vocabulary: Vocabulary = VOCABULARY,
    constraint: Constraint | None = None,
) -> list[Reading]:
    """The n best readings of one input, best first (fewer, or none, if the model
    cannot finish a formula within ``max_length``)."""
    return beam_search_batch(model, [candidates], config=config, vocabulary=vocabulary,
                             constraint=constraint)[0]


def beam_search_batch(
    model: StepModel,
    candidate_lists: Sequence[Sequence[Candidate]],
    *,
    config: BeamConfig = BeamConfig(),
    vocabulary: Vocabulary = VOCABULARY,
    constraint: Constraint | None = None,
) -> list[list[Reading]]:
    """Beam search over several inputs at once: one ``step`` call per step for all of
    them. Returns the readings of each input, best first; ties are broken by the earlier
    hypothesis and then the lower action id, so results are deterministic."""
    constraint = constraint or constraint_for(vocabulary)
    if constraint.vocabulary != vocabulary:
        raise ValueError("the constraint was built for another vocabulary")
    searches = [_Search(item, candidates, vocabulary, constraint, config)
                for item, candidates in enumerate(candidate_lists)]
    live_rows: list[tuple[_Search, _Hypothesis]] = [
        (search, _Hypothesis((), constraint.start, 0.0, rank=0, parent_row=-1)) for search in searches]
    for length in range(config.max_length):
        if not live_rows:
            break
        prefixes = [Prefix(search.item, hyp.actions, hyp.parent_row) for search, hyp in live_rows]
        rows = model.step(prefixes)
        if len(rows) != len(prefixes):
            raise ValueError(f"the model returned {len(rows)} rows for {len(prefixes)} prefixes")
        last_step = length == config.max_length - 1
        expansions: dict[int, list] = {}
        for row_index, ((search, hyp), row) in enumerate(zip(live_rows, rows)):
            search.expand(hyp, row_index, row, only_end=last_step,
                          into=expansions.setdefault(search.item, []))
        live_rows = []
        for search in searches:
            if search.item in expansions:
                live_rows.extend((search, hyp) for hyp in search.select(expansions[search.item]))
    return [search.readings() for search in searches]


@dataclass(frozen=True, slots=True)
class _Hypothesis:
    actions: tuple[int, ...]
    state: int  # constraint state after the actions
    score: float
    rank: int  # place in its beam, best first: breaks ties between equal scores
    parent_row: int  # row of its parent in the previous step call


class _Search:
    """The beam of one input."""

    def __init__(self, item: int, candidates: Sequence[Candidate], vocabulary: Vocabulary,
                 constraint: Constraint, config: BeamConfig) -> None:
        self.item = item
        self.candidates = tuple(candidates)
        self.vocabulary = vocabulary
        self.constraint = constraint
        self.config = config
        self.width = vocabulary.n_fixed + len(self.candidates)
        self.by_symbol = _choices_by_symbol(self.candidates, vocabulary)
        self.choices_cache: dict[int, tuple] = {}
        self.finished: list[tuple[tuple[int, ...], float]] = []

    def choices(self, mask: int) -> tuple:
        """``(action, rows merged into it)`` for every action a state mask allows."""
        cached = self.choices_cache.get(mask)
        if cached is None:
            cached = tuple(choice for symbol, options in self.by_symbol if mask >> symbol & 1
                           for choice in options)
            self.choices_cache[mask] = cached
        return cached

    def expand(self, hyp: _Hypothesis, row_index: int, row, *, only_end: bool, into: list) -> None:
        """Append ``(score, hypothesis rank, action, hypothesis, row)`` per allowed action."""
        if len(row) != self.width:
            raise ValueError(f"a model row for input {self.item} has {len(row)} scores; "
                             f"expected {self.width} (fixed actions + candidates)")
        mask = self.constraint.allowed(hyp.state)
        if only_end:
            mask &= 1
        scored = []
        for action, members in self.choices(mask):
            if len(members) == 1:
                logit = float(row[action])
            else:
                logit = _logsumexp([float(row[m]) for m in members])
            if logit != logit:
                raise ValueError(f"the model returned NaN for action {action} of input {self.item}")
            if logit > -math.inf:
                scored.append((action, logit))
        if not scored:
            return
        total = _logsumexp([logit for _, logit in scored])
        for action, logit in scored:
            into.append((hyp.score + logit - total, hyp.rank, action, hyp, row_index))

    def select(self, expansions: list) -> list[_Hypothesis]:
        """Keep every ``<end>`` expansion as a finished reading, and the best
        ``beam_size`` other expansions as the next beam.

        Keeping every completion, not only those that rank in the beam, means a beam
        that wanders into long prefixes still returns the readings it passed by.
        """
        expansions.sort(key=lambda e: (-e[0], e[1], e[2]))
        live: list[_Hypothesis] = []
        for score, _, action, parent, row_index in expansions:
            if action == 0:
                self.finished.append((parent.actions + (action,), score))
            elif len(live) < self.config.beam_size:
                state = self.constraint.advance(parent.state, self._symbol(action))
                live.append(_Hypothesis(parent.actions + (action,), state, score,
                                        rank=len(live), parent_row=row_index))
        return [] if self._cannot_improve(live) else live

    def _symbol(self, action: int) -> int:
        return self.vocabulary.symbol_of(action, self.candidates)

    def _cannot_improve(self, live: list[_Hypothesis]) -> bool:
        """Scores only fall as a prefix grows: stop once n_best finished beat every live one."""
        if not live:
            return True
        if self.config.rank_by != "score" or len(self.finished) < self.config.n_best:
            return False
        nth_best = sorted(score for _, score in self.finished)[-self.config.n_best]
        return live[0].score <= nth_best

    def readings(self) -> list[Reading]:
        """The ``n_best`` finished readings, best first. Ranked before parsing, so only
        the readings returned are parsed (a beam finishes many more than it returns)."""
        normalized = self.config.rank_by != "score"

        def rank(entry):
            order, (actions, score) = entry
            value = score / len(actions) ** self.config.length_penalty if normalized else score
            return (-value, order)

        readings = []
        for _, (actions, score) in sorted(enumerate(self.finished), key=rank):
            if len(readings) == self.config.n_best:
                break
            text = actions_to_lf(actions, self.candidates, vocabulary=self.vocabulary)
            try:
                formula = parse_formula(text)
            except LogicSyntaxError as error:  # the constraint should make this impossible
                logger.warning("dropping a decoded reading that does not parse: %s", error)
                continue
            normalized_score = score / len(actions) ** self.config.length_penalty
            readings.append(Reading(text, formula, actions, score, normalized_score))
        return readings


def _choices_by_symbol(candidates: Sequence[Candidate], vocabulary: Vocabulary):
    """Per constraint symbol, the actions that write it, duplicates merged.

    Returns ``[(symbol, ((action, member rows), ...)), ...]`` in symbol order; within a
    slot, one action per distinct text (the first candidate writing it).
    """
    merged: dict[tuple, list[int]] = {}
    symbols: dict[tuple, int] = {}
    for action in range(vocabulary.n_fixed):
        merged[("fixed", action)] = [action]
        symbols[("fixed", action)] = action
    for index, candidate in enumerate(candidates):
        action = vocabulary.copy_action(index)
        symbol = vocabulary.symbol_of(action, candidates)
        if symbol < vocabulary.n_fixed:
            key = ("fixed", symbol)  # a copied name spelled like a variable
        elif candidate.kind == NUMBER:
            key = ("number", Fraction(candidate.text), "." in candidate.text)
        else:
            key = ("name", candidate.text)
        merged.setdefault(key, []).append(action)
        symbols.setdefault(key, symbol)
    by_symbol: dict[int, list] = {}
    for key, members in merged.items():
        by_symbol.setdefault(symbols[key], []).append((members[0], tuple(members)))
    return [(symbol, tuple(by_symbol[symbol])) for symbol in sorted(by_symbol)]


def _logsumexp(values: list[float]) -> float:
    top = max(values)
    if top == -math.inf or top != top:
        return top
    return top + math.log(sum(math.exp(v - top) for v in values))


class ScriptedModel:
    """A stand-in model that spells out given action sequences (for tests and demos).

    For input ``item`` it gives the next action of ``scripts[item]`` the logit
    ``confidence`` and every other action 0, as long as the prefix follows the script;
    off the script, all actions score 0 (uniform).
    """

    def __init__(self, scripts: Sequence[Sequence[int]], widths: Sequence[int], *,
                 confidence: float = 10.0) -> None:
        self.scripts = [tuple(s) for s in scripts]
        self.widths = list(widths)
        self.confidence = confidence

    def step(self, prefixes: Sequence[Prefix]) -> list[list[float]]:
        rows = []
        for prefix in prefixes:
            row = [0.0] * self.widths[prefix.item]
            script = self.scripts[prefix.item]
            n = len(prefix.actions)
            if n < len(script) and script[:n] == prefix.actions:
                row[script[n]] = self.confidence
            rows.append(row)
        return rows
