"""Grammar-constrained beam search over any model that scores the next action.

Decoding lives apart from the network (as nanochat's ``Engine`` does): the model is a
one-method seam, ``GridStepModel.step_grid`` (tensors for every hypothesis of every
input at once: the real encoder-decoder) or ``StepModel.step(prefixes) -> scores``
(lists: tests drive the decoder with mock models in milliseconds).

The search runs in tensors (torch, imported when a search runs): at every step the
constraint's allowed symbols for each hypothesis's parser state are gathered from
tables filled once per state (``_StateTables``), the model's scores of all other actions
are masked out, exactly like top-k masking, and the rest are renormalized (log-softmax
over the allowed actions). A reading's ``score`` is the sum of those log-probabilities, so
``exp(score)`` is the probability the model gives the reading among grammatical ones;
``normalized_score`` divides by ``length ** length_penalty``.

Copies of the same text are one choice: the scores of candidates that write the same
name (or the same number), and of a copied name spelled like a variable together with
that variable's fixed action, are added in probability space (log-sum-exp). So two
readings never differ only in which copy wrote a name.

Every reading returned is parsed (``vocabulary.actions_to_formula``: its shape parsed
once, its copies put in); by construction of the constraint it always parses. Type
checking is the caller's (readings that fail ``neurosym.logic.typecheck.typecheck`` are
dropped there).
"""

from __future__ import annotations

import logging
import math
import weakref
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Protocol, Sequence

from ..errors import LogicSyntaxError
from ..logic import ast
from .constraint import Constraint, constraint_for
from .vocabulary import NUMBER, VOCABULARY, Candidate, Vocabulary, actions_to_formula, actions_to_lf

__all__ = ["Prefix", "StepModel", "GridStepModel", "BeamConfig", "Reading", "beam_search", "beam_search_batch",
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
    # With rank_by "score": a hypothesis less likely than min_ratio times its input's best
    # finished reading is dropped (scores only fall, so it could only finish below that).
    # 0 keeps every hypothesis until n_best finished readings beat it.
    min_ratio: float = 0.0

    def __post_init__(self) -> None:
        if not 0.0 <= self.min_ratio < 1.0:
            raise ValueError(f"min_ratio must be in [0, 1), got {self.min_ratio}")
        if self.beam_size < 1 or self.n_best < 1 or self.max_length < 2:
            raise ValueError("beam_size and n_best must be at least 1, max_length at least 2")
        if self.rank_by not in ("score", "normalized"):
            raise ValueError(f"rank_by must be 'score' or 'normalized', got {self.rank_by!r}")


@dataclass(frozen=True)
class Reading:
    """One decoded logical form with its scores."""

    text: str  # canonical LF text
    formula: ast.Formula = field(repr=False)  # None when the search was asked not to parse
    actions: tuple[int, ...]  # ending with <end>
    score: float  # sum of log-probabilities of the actions
    normalized_score: float
    # Why the reading checks doubt it ("leaves out 'duck'"; parser.semantic_parser), or None.
    # A doubted reading is given only when no reading passes them, with a tiny confidence.
    doubt: str | None = None
    # How the sentence was read when not as written: reworded, or its clauses read apart
    # ('read apart at "unless": "A." / "B."'; parser.semantic_parser), else None.
    read_as: str | None = None

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
    model: StepModel | GridStepModel,
    candidate_lists: Sequence[Sequence[Candidate]],
    *,
    config: BeamConfig = BeamConfig(),
    vocabulary: Vocabulary = VOCABULARY,
    constraint: Constraint | None = None,
    parse: bool = True,
) -> list[list[Reading]]:
    """Beam search over several inputs at once: one model call per step for all of
    them. Returns the readings of each input, best first; ties are broken by the earlier
    hypothesis and then the lower action id, so results are deterministic.

    ``model`` is a ``GridStepModel`` (tensors in, tensors out: the fast path) or a
    ``StepModel`` (lists of ``Prefix`` in, lists of scores out), which is adapted.
    ``parse=False`` leaves every ``Reading.formula`` None, for a caller that parses
    only the readings it ends up keeping (parsing costs more than the search step).
    """
    constraint = constraint or constraint_for(vocabulary)
    if constraint.vocabulary != vocabulary:
        raise ValueError("the constraint was built for another vocabulary")
    if not candidate_lists:
        return []
    widths = [vocabulary.n_fixed + len(candidates) for candidates in candidate_lists]
    grid = model if hasattr(model, "step_grid") else _PrefixAdapter(model, widths)
    return _GridSearch(grid, candidate_lists, vocabulary, constraint, config).run(parse=parse)


class GridStepModel(Protocol):
    """What the vectorized search calls: one tensor call per step for every hypothesis.

    Hypotheses sit in a grid of shape ``(B, k)``: row ``b`` holds up to ``k``
    hypotheses (best first) of input ``items[b]``; ``live[b, j]`` is False for a padding
    slot (its scores are ignored). ``parents[b, j]`` is the flat index ``b' * k' + j'``
    of the slot of the previous call's grid that the hypothesis extends (None at the
    first step), so a key/value cache is reordered with one ``index_select``;
    ``last_actions[b, j]`` is the action it appended (None at the first step).
    ``position`` is the prefix length. The model may have a ``device`` attribute (the
    search keeps its tensors there).
    """

    def step_grid(self, items, parents, last_actions, live, position: int):
        """Logits ``(B, k, W)`` of the next action, ``W`` at least ``n_fixed`` plus the
        most candidates of any input; columns past an input's width are ignored."""
        ...


@dataclass(frozen=True, slots=True)
class _Columns:
    """Per input and action column: the constraint symbol it writes and the column its
    score is merged into (copies of one text are one choice; see the module docstring)."""

    symbols: list[list[int]]  # (B, W); padding columns get the never-allowed symbol
    representatives: list[list[int]]  # (B, W); a column's own index unless merged away
    merged: bool  # True when some input has duplicates to merge


def _columns(candidate_lists: Sequence[Sequence[Candidate]], vocabulary: Vocabulary,
             never: int) -> _Columns:
    width = vocabulary.n_fixed + max(len(candidates) for candidates in candidate_lists)
    symbols, representatives, merged = [], [], False
    for candidates in candidate_lists:
        symbol_row = list(range(vocabulary.n_fixed)) + [never] * (width - vocabulary.n_fixed)
        representative_row = list(range(width))
        for symbol, choices in _choices_by_symbol(candidates, vocabulary):
            for action, members in choices:
                for member in members:
                    symbol_row[member] = symbol
                    representative_row[member] = action
                merged = merged or len(members) > 1
        symbols.append(symbol_row)
        representatives.append(representative_row)
    return _Columns(symbols, representatives, merged)


class _GridSearch:
    """Beam search over all inputs at once, in tensors.

    Every step: one model call for the whole grid of live hypotheses; duplicates merged
    with a scatter log-sum-exp; the grammar mask gathered from the constraint's state
    tables (``_StateTables``: one row per parser state, computed once); a log-softmax
    over the allowed actions; one stable sort per input to keep the best ``beam_size``
    (ties to the earlier hypothesis, then the lower action, as the flat order gives).
    Finished readings are kept as scores with a back-pointer history and only the
    returned ones are spelled out and parsed at the end.
    """

    def __init__(self, model: GridStepModel, candidate_lists: Sequence[Sequence[Candidate]],
                 vocabulary: Vocabulary, constraint: Constraint, config: BeamConfig) -> None:
        import torch

        self.torch = torch
        self.model = model
        self.candidate_lists = [tuple(c) for c in candidate_lists]
        self.vocabulary = vocabulary
        self.config = config
        self.device = torch.device(getattr(model, "device", "cpu"))
        self.tables = _StateTables.of(constraint, self.device)
        columns = _columns(self.candidate_lists, vocabulary, self.tables.never)
        self.symbols = torch.tensor(columns.symbols, device=self.device)  # (B, W)
        self.representatives = torch.tensor(columns.representatives, device=self.device)
        self.merges = columns.merged
        self.width = self.symbols.shape[1]
        if self.merges:
            self.is_representative = self.representatives == torch.arange(self.width, device=self.device)
            counts = torch.zeros_like(self.symbols).scatter_add_(1, self.representatives,
                                                                   torch.ones_like(self.symbols))
            self.multiple = counts > 1  # representatives of two or more columns
        self.log_min_ratio = math.log(config.min_ratio) if config.min_ratio > 0 else -math.inf
        self._items = None  # the inputs of the last grid, and their rows of the tables above
        self._selected: tuple = ()

    def run(self, *, parse: bool = True) -> list[list[Reading]]:
        torch, config = self.torch, self.config
        B, K, device = len(self.candidate_lists), config.beam_size, self.device
        negative = -math.inf
        items = torch.arange(B, device=device)  # the input of each grid row
        state = torch.full((B, 1), self.tables.start, dtype=torch.long, device=device)
        score = torch.zeros(B, 1, dtype=torch.float64, device=device)
        live = torch.ones(B, 1, dtype=torch.bool, device=device)
        parents = last = None
        self.tables.ensure(state)
        # Finished readings: score and grid row, per input, step and beam slot.
        ended = torch.full((B, config.max_length, K), negative, dtype=torch.float64, device=device)
        ended_row = torch.zeros((B, config.max_length, K), dtype=torch.long, device=device)
        best_ended = torch.full((B, config.n_best), negative, dtype=torch.float64, device=device)
        history: list[tuple] = []  # per step: (parent flat row, action) of the next grid
        for length in range(config.max_length):
            rows, k = live.shape
            logits = self.model.step_grid(items, parents, last, live, length)
            logits = self._checked(logits, rows, k)
            candidates = self._scored(logits, items, state, score, live,
                                      only_end=length == config.max_length - 1)
            end = candidates[:, :, 0]
            ended[items, length, :k] = end
            ended_row[items, length, :k] = torch.arange(rows * k, device=device).view(rows, k)
            best_ended[items] = torch.cat([best_ended[items], end], 1).topk(config.n_best, dim=1).values
            flat = candidates[:, :, 1:].reshape(rows, k * (self.width - 1))
            values, order = flat.sort(dim=1, descending=True, stable=True)
            values, order = values[:, :K], order[:, :K]
            slot, action = order // (self.width - 1), order % (self.width - 1) + 1
            survives = values > negative
            if config.rank_by == "score":  # scores only fall: stop once n_best beat every live one
                survives &= values > best_ended[items, :1] + self.log_min_ratio
                nth = best_ended[items, -1]
                done = ~survives[:, 0] | ((nth > negative) & (values[:, 0] <= nth))
            else:
                done = ~survives[:, 0]
            keep = (~done).nonzero().squeeze(1)
            if keep.numel() == 0:
                break
            k_next = int(survives[keep].sum(1).max())
            values, slot, action, survives = (t[keep, :k_next] for t in (values, slot, action, survives))
            parents = keep[:, None] * k + slot
            parent_state = state[keep].gather(1, slot)
            if keep.numel() < rows:  # some inputs are done: the grid shrinks
                items = items[keep]
            symbols = self._of_items(items)[0].gather(1, action)
            state = self.tables.following[parent_state, symbols].masked_fill(~survives, self.tables.start)
            self.tables.ensure(state)
            score = values.masked_fill(~survives, 0.0)
            live, last = survives, action
            history.append((parents.flatten(), action.flatten()))
        return self._readings(ended, ended_row, history, parse)

    def _checked(self, logits, rows: int, k: int):
        """The model's logits as float64 ``(rows, k, width)``, shape-checked."""
        if tuple(logits.shape[:2]) != (rows, k) or logits.shape[2] < self.width:
            raise ValueError(f"the model returned logits of shape {tuple(logits.shape)}; "
                             f"expected ({rows}, {k}, at least {self.width})")
        return logits[:, :, : self.width].to(device=self.device, dtype=self.torch.float64)

    def _scored(self, logits, items, state, score, live, *, only_end: bool):
        """Score of every hypothesis extended by every action ``(rows, k, W)``: its score
        plus the log-probability of the action among the allowed ones; ``-inf`` where
        not allowed (or merged into another column)."""
        torch = self.torch
        rows, k, width = logits.shape
        symbols, representatives, is_representative, multiple = self._of_items(items)
        if self.merges:
            logits = self._merge_duplicates(logits, representatives, multiple)
        allowed = self.tables.allowed[state].gather(2, symbols[:, None, :].expand(rows, k, width))
        allowed &= live[:, :, None]
        if self.merges:
            allowed &= is_representative[:, None, :]
        if only_end:
            allowed[:, :, 1:] = False
        masked = logits.masked_fill(~allowed, -math.inf)
        if torch.isnan(masked).any():
            item = int(items[torch.isnan(masked).any(2).any(1)][0])
            raise ValueError(f"the model returned NaN for an allowed action of input {item}")
        total = torch.logsumexp(masked, dim=2, keepdim=True)
        candidates = score[:, :, None] + masked - total
        return candidates.masked_fill(total == -math.inf, -math.inf)

    def _of_items(self, items) -> tuple:
        """The column tables of the grid's inputs, indexed again only when they change."""
        if items is not self._items:
            self._items = items
            merged = (self.representatives[items], self.is_representative[items], self.multiple[items]) \
                if self.merges else (None, None, None)
            self._selected = (self.symbols[items], *merged)
        return self._selected

    def _merge_duplicates(self, logits, representatives, multiple):
        """Each representative column gets the log-sum-exp of the columns merged into it."""
        torch = self.torch
        index = representatives[:, None, :].expand_as(logits)
        top = torch.full_like(logits, -math.inf).scatter_reduce(2, index, logits, "amax")
        safe_top = torch.where(torch.isfinite(top), top, torch.zeros_like(top))
        shifted = torch.exp(logits - safe_top.gather(2, index))
        summed = torch.zeros_like(logits).scatter_add_(2, index, shifted)
        merged = torch.log(summed) + safe_top
        return torch.where(multiple[:, None, :], merged, logits)

    def _readings(self, ended, ended_row, history, parse: bool) -> list[list[Reading]]:
        """Per input, the ``n_best`` finished readings, best first, spelled out and parsed.

        Ranked before parsing, so only the readings returned are parsed. Among equal
        values the earlier step wins, then the better beam slot (the order in which the
        per-hypothesis search found them)."""
        torch, config = self.torch, self.config
        B, L, K = ended.shape
        lengths = torch.arange(1, L + 1, device=ended.device, dtype=ended.dtype)[None, :, None]
        value = ended if config.rank_by == "score" else ended / lengths ** config.length_penalty
        take = min(L * K, config.n_best + 16)  # parsing never fails; spares just in case
        order = value.reshape(B, L * K).sort(dim=1, descending=True, stable=True).indices[:, :take]
        found = ended.reshape(B, L * K).gather(1, order).tolist()
        rows = ended_row.reshape(B, L * K).gather(1, order).tolist()
        order = order.tolist()
        steps = [(p.tolist(), a.tolist()) for p, a in history]
        results = []
        for item, candidates in enumerate(self.candidate_lists):
            readings: list[Reading] = []
            for flat, score, row in zip(order[item], found[item], rows[item]):
                if len(readings) == config.n_best or score == -math.inf:
                    break
                actions = _trace(steps, flat // K, row) + (0,)
                text = actions_to_lf(actions, candidates, vocabulary=self.vocabulary)
                try:
                    formula = actions_to_formula(actions, candidates, vocabulary=self.vocabulary) if parse else None
                except LogicSyntaxError as error:  # the constraint should make this impossible
                    logger.warning("dropping a decoded reading that does not parse: %s", error)
                    continue
                normalized_score = score / len(actions) ** config.length_penalty
                readings.append(Reading(text, formula, actions, score, normalized_score))
            results.append(readings)
        return results


def _trace(steps: list[tuple[list[int], list[int]]], step: int, row: int) -> tuple[int, ...]:
    """The actions of the hypothesis in grid row ``row`` at ``step``, from the back-pointers."""
    actions = []
    while step > 0:
        parents, chosen = steps[step - 1]
        actions.append(chosen[row])
        row = parents[row]
        step -= 1
    return tuple(reversed(actions))


class _StateTables:
    """The constraint's rows as tensors: ``allowed[state, symbol]`` and
    ``following[state, symbol]``, with one extra never-allowed symbol column for
    padding. Rows are filled from the constraint the first time a state is reached
    and kept for every later search (one table per constraint and device)."""

    _shared: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    @classmethod
    def of(cls, constraint: Constraint, device) -> _StateTables:
        per_device = cls._shared.setdefault(constraint, {})
        tables = per_device.get(str(device))
        if tables is None:
            tables = per_device[str(device)] = cls(constraint, device)
        return tables

    def __init__(self, constraint: Constraint, device) -> None:
        import torch

        self.torch = torch
        self.constraint = constraint
        self.device = device
        self.never = len(constraint.vocabulary.symbols)
        self.start = constraint.start
        self.filled: set[int] = set()
        self.allowed = torch.zeros((0, self.never + 1), dtype=torch.bool, device=device)
        self.following = torch.zeros((0, self.never + 1), dtype=torch.long, device=device)

    def ensure(self, states) -> None:
        """Fill the rows of ``states`` (a tensor of state ids) not filled yet."""
        missing = [s for s in states.unique().tolist() if s not in self.filled]
        if not missing:
            return
        torch = self.torch
        masks, rows = [], []
        for state in missing:
            mask, following = self.constraint.row(state)
            masks.append([bool(mask >> s & 1) for s in range(self.never)] + [False])
            rows.append([max(f, 0) for f in following] + [0])
        # The tables are shared by every search, some run under torch.inference_mode (the
        # parser's) and some not: tensors made there may only be written there.
        with torch.inference_mode():
            size = max(max(missing) + 1, self.allowed.shape[0])
            if size > self.allowed.shape[0]:
                size = max(size, 2 * self.allowed.shape[0], 1024)
                grow = size - self.allowed.shape[0]
                self.allowed = torch.cat([self.allowed, self.allowed.new_zeros((grow, self.never + 1))])
                self.following = torch.cat([self.following, self.following.new_zeros((grow, self.never + 1))])
            index = torch.tensor(missing, device=self.device)
            self.allowed[index] = torch.tensor(masks, device=self.device)
            self.following[index] = torch.tensor(rows, device=self.device)
        self.filled.update(missing)


class _PrefixAdapter:
    """A list-based ``StepModel`` seen as a ``GridStepModel`` (mocks, scripted models)."""

    def __init__(self, model: StepModel, widths: Sequence[int]) -> None:
        self.model = model
        self.widths = list(widths)
        self.actions: list[tuple[int, ...]] = []  # per flat slot of the previous grid
        self.row_of: list[int] = []  # per flat slot: its row in the previous step call

    def step_grid(self, items, parents, last_actions, live, position: int):
        import torch

        rows, k = live.shape
        items_l, live_l = items.tolist(), live.flatten().tolist()
        parents_l = parents.flatten().tolist() if parents is not None else None
        last_l = last_actions.flatten().tolist() if last_actions is not None else None
        prefixes: list[Prefix] = []
        actions: list[tuple[int, ...]] = [()] * (rows * k)
        row_of = [-1] * (rows * k)
        for flat in range(rows * k):
            if not live_l[flat]:
                continue
            if parents_l is None:
                prefix_actions, parent = (), -1
            else:
                prefix_actions = self.actions[parents_l[flat]] + (last_l[flat],)
                parent = self.row_of[parents_l[flat]]
            row_of[flat] = len(prefixes)
            actions[flat] = prefix_actions
            prefixes.append(Prefix(items_l[flat // k], prefix_actions, parent))
        self.actions, self.row_of = actions, row_of
        scores = self.model.step(prefixes)
        if len(scores) != len(prefixes):
            raise ValueError(f"the model returned {len(scores)} rows for {len(prefixes)} prefixes")
        width = max(self.widths)
        padded = [[-math.inf] * width for _ in range(rows * k)]
        for flat, index in enumerate(row_of):
            if index < 0:
                continue
            row, item = scores[index], prefixes[index].item
            if len(row) != self.widths[item]:
                raise ValueError(f"a model row for input {item} has {len(row)} scores; "
                                 f"expected {self.widths[item]} (fixed actions + candidates)")
            padded[flat][: len(row)] = [float(x) for x in row]
        return torch.tensor(padded, dtype=torch.float64).view(rows, k, width)


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
