"""Which target symbols may come next: the LF grammar's LALR tables, memoized per stack.

A decoder state is a parser stack. Lark's interactive parser answers "which tokens may
come next" by copying the parser and trying every token (``accepts()``), which is far
too slow per decoding step (lark issue #1418). Here the LALR table of
grammars/logic.lark is run directly on *interned* stacks:

- A stack is a node ``(parent node, LR state, attribute)``; equal stacks are the same
  integer id, so pushing is O(1) and a whole stack is a dictionary key.
- ``allowed(state)`` is a bitmask over the vocabulary's symbols (``1 << symbol``) and
  ``advance(state, symbol)`` the next state. Both are computed once per state, for all
  symbols at once, and then cost a list lookup (see ``benchmark``).

The grammar alone accepts things the AST builder rejects, because formulas and terms
share ``expr`` (to stay LALR(1)). So each stack entry carries a small attribute, and
reductions and shifts check what ``neurosym.logic.parser.ASTBuilder`` would check:

- kinds: an expression is a FORMULA (``p and q``, ``a = 1``, ``true``), a TERM (``1``,
  ``a + 1``, a bound variable) or EITHER (a name or application: predicate or function
  by position). Connectives and quantifier bodies take no TERM, comparisons and
  arithmetic no FORMULA, the whole LF is no TERM. Inside a term position (after
  ``= + * -`` or an application's ``(``) formula-only tokens are refused at once.
- scopes: a variable token may stand only where a quantifier binds it, a binder must
  be a variable token (not a copied name), at most once per quantifier; a variable is
  never applied (``x(a)``) nor used as a sort.

So every sequence that reaches ``<end>`` is text that ``parse_formula`` accepts, and
every allowed symbol keeps a completion possible (no dead ends), as the tests check.
Stacks with different bound variables or kinds are different states; there are still
only a few thousand for typical LFs.

State ids are valid only inside one ``Constraint`` (Lark numbers its LR states afresh in
every process): export tables with ``transition_table`` in the process that uses them.
"""

from __future__ import annotations

import functools
import random
import re
import time
from typing import Callable, Iterable, Sequence

from lark.parsers.lalr_analysis import Shift

from ..logic.parser import lf_parser
from .vocabulary import END, VOCABULARY, Candidate, Vocabulary, actions_to_lf

__all__ = ["Constraint", "constraint_for", "DEAD", "ACCEPTED", "sample_symbols", "benchmark"]

DEAD = -1  # advance() of a symbol that is not allowed
ACCEPTED = 0  # the state after <end>: nothing may follow

# Kinds of a complete expression (attributes of nonterminal stack entries).
FORMULA, TERM, EITHER = 1, 2, 3
_INVALID = object()

# Roles of grammar rules, by the tree alias they build (the ASTBuilder's cases).
_CONNECTIVE, _QUANTIFIED, _COMPARISON, _ARITHMETIC, _NUMBER, _TRUTH, _NAME, \
    _APPLICATION, _ARGUMENTS, _BINDER, _BINDERS, _PASS = range(12)

_CONNECTIVE_TERMINALS = frozenset({"NOT", "AND", "OR", "XOR", "IMP", "IFF"})
_BINARY_CONNECTIVES = frozenset({"AND", "OR", "XOR", "IMP", "IFF"})
_TERM_OPERATORS = frozenset({"CMP", "ADDOP", "MULOP"})
_FORMULA_ONLY = frozenset({"NOT", "QUANT", "TRUE", "FALSE", "CMP"}) | _BINARY_CONNECTIVES
_TERM_CONTEXT_OPENERS = frozenset({"CMP", "ADDOP", "MULOP", "MINUS"})
_ANY, _TERM_ONLY = 0, 1  # what the expression at a position may be


class Constraint:
    """Allowed next symbols and transitions for every decoder state, computed lazily.

    >>> c = constraint_for()
    >>> v = c.vocabulary
    >>> s = c.feed([v.name_slot, v.id("and")])
    >>> c.allows(s, v.id("not")), c.allows(s, v.id(")")), c.can_end(s)
    (True, False, False)
    """

    def __init__(self, vocabulary: Vocabulary = VOCABULARY, *, semantic_checks: bool = True) -> None:
        self.vocabulary = vocabulary
        self.semantic_checks = semantic_checks
        parser = lf_parser()
        conf = parser.parse_interactive("").parser_state.parse_conf
        self._states = conf.parse_table.states  # LR state -> {grammar symbol: (action, arg)}
        self._end_state = conf.end_state
        self._accessing = _accessing_symbols(self._states)
        self._rules = {rule: _rule_plan(rule) for rule in _reduce_rules(self._states)}
        self._forced = {state: self._rules[rule] for state, rule in _forced_reductions(self._states).items()}
        self._options = _symbol_terminals(vocabulary, parser, semantic_checks)
        self._n_variables = len(vocabulary.variables)
        # Interned stack nodes, one list per field; node 0 is ACCEPTED.
        self._ids: dict[tuple, int] = {}
        self._parent: list[int] = [DEAD]
        self._lr: list[int] = [-1]
        self._attr: list = [None]
        self._context: list[int] = [_ANY]
        self._bound: list[frozenset] = [frozenset()]
        self._rows: list[tuple[int, list[int]] | None] = [(0, [DEAD] * len(vocabulary.symbols))]
        self.start = self._intern(DEAD, conf.start_state, None)

    # ------------------------------------------------------------ the fast path

    def allowed(self, state: int) -> int:
        """Bitmask of the symbols that may follow ``state`` (bit ``s`` for symbol ``s``)."""
        row = self._rows[state]
        if row is None:
            row = self._fill(state)
        return row[0]

    def advance(self, state: int, symbol: int) -> int:
        """The state after ``symbol``; ``ACCEPTED`` after ``<end>``. Raises if not allowed."""
        row = self._rows[state]
        if row is None:
            row = self._fill(state)
        following = row[1][symbol]
        if following == DEAD:
            raise ValueError(f"{self.vocabulary.symbols[symbol]!r} may not follow this prefix")
        return following

    def row(self, state: int) -> tuple[int, list[int]]:
        """``(allowed mask, next state per symbol)`` of a state, ``DEAD`` where not allowed."""
        row = self._rows[state]
        return row if row is not None else self._fill(state)

    # ------------------------------------------------------------ conveniences

    def allows(self, state: int, symbol: int) -> bool:
        return bool(self.allowed(state) >> symbol & 1)

    def can_end(self, state: int) -> bool:
        """True when the prefix that led to ``state`` is a complete LF."""
        return bool(self.allowed(state) & 1)

    def allowed_symbols(self, state: int) -> frozenset[int]:
        mask = self.allowed(state)
        return frozenset(s for s in range(len(self.vocabulary.symbols)) if mask >> s & 1)

    def feed(self, symbols: Iterable[int], state: int | None = None) -> int:
        """The state after a sequence of symbols (from ``start`` unless given)."""
        state = self.start if state is None else state
        for position, symbol in enumerate(symbols):
            if not self.allows(state, symbol):
                raise ValueError(f"symbol {position} ({self.vocabulary.symbols[symbol]!r}) "
                                 "may not follow the symbols before it")
            state = self.advance(state, symbol)
        return state

    def accepts(self, symbols: Sequence[int]) -> bool:
        """True when ``symbols`` is a complete LF, ``<end>`` included."""
        state = self.start
        for symbol in symbols:
            if state == ACCEPTED or not self.allows(state, symbol):
                return False
            state = self.advance(state, symbol)
        return state == ACCEPTED

    def bound_variables(self, state: int) -> frozenset[str]:
        """The variables in scope at ``state``."""
        return self._bound[state]

    @property
    def cached_states(self) -> int:
        """Number of states whose allowed set has been computed."""
        return sum(row is not None for row in self._rows)

    def precompute(self, max_states: int = 20_000) -> int:
        """Compute rows breadth-first from ``start`` until ``max_states`` are cached."""
        frontier, seen = [self.start], {self.start}
        while frontier and self.cached_states < max_states:
            following = []
            for state in frontier:
                for nxt in self.row(state)[1]:
                    if nxt > ACCEPTED and nxt not in seen:
                        seen.add(nxt)
                        following.append(nxt)
            frontier = following
        return self.cached_states

    def transition_table(self) -> tuple[list[int], list[list[int]]]:
        """Dense tables of every state computed so far, to copy to an accelerator.

        ``masks[state]`` is the allowed bitmask (``-1`` marks a state whose row was
        not computed yet: compute it with ``row`` and refresh), ``following[state]`` the
        next state per symbol (``DEAD`` where not allowed).
        """
        width = len(self.vocabulary.symbols)
        masks = [row[0] if row is not None else -1 for row in self._rows]
        following = [row[1] if row is not None else [DEAD] * width for row in self._rows]
        return masks, following

    # ------------------------------------------------------------ the LALR machinery

    def _fill(self, state: int) -> tuple[int, list[int]]:
        mask, following = 0, [DEAD] * len(self._options)
        for symbol, options in enumerate(self._options):
            for terminal, attr in options:
                result = self._transition(state, terminal, attr)
                if result == DEAD:
                    continue
                if following[symbol] != DEAD:
                    raise AssertionError(f"{self.vocabulary.symbols[symbol]!r} is ambiguous here")
                following[symbol] = result
                mask |= 1 << symbol
        self._rows[state] = row = (mask, following)
        return row

    def _intern(self, parent: int, lr: int, attr) -> int:
        key = (parent, lr, attr)
        node = self._ids.get(key)
        if node is not None:
            return node
        node = len(self._lr)
        self._ids[key] = node
        symbol = self._accessing.get(lr)
        if symbol in _TERM_CONTEXT_OPENERS or (
                symbol == "LPAR" and self._accessing.get(self._lr[parent]) == "NAME"):
            context = _TERM_ONLY  # an operand, or an application's arguments
        else:
            context = self._context[parent] if parent >= 0 else _ANY
        bound = self._bound[parent] if parent >= 0 else frozenset()
        if symbol == "binders" and attr:  # the body that follows sees these variables
            bound = bound | frozenset(attr)
        self._parent.append(parent)
        self._lr.append(lr)
        self._attr.append(attr)
        self._context.append(context)
        self._bound.append(bound)
        self._rows.append(None)
        return node

    def _transition(self, node: int, terminal: str, attr) -> int:
        """Reduce as the LALR table says for lookahead ``terminal``, then shift it."""
        states = self._states
        while True:
            entry = states[self._lr[node]].get(terminal)
            if entry is None:
                return DEAD
            action, arg = entry
            if action is Shift:
                if self.semantic_checks and not self._may_shift(node, terminal, attr, arg):
                    return DEAD
                shifted = self._intern(node, arg, attr)
                if self.semantic_checks and not self._forced_reductions_valid(shifted):
                    return DEAD
                return shifted
            plan = self._rules[arg]
            kids, base = [], node
            for _ in range(plan.size):
                kids.append(self._attr[base])
                base = self._parent[base]
            kids.reverse()
            value = _reduce(plan, kids) if self.semantic_checks else None
            if value is _INVALID:
                return DEAD
            goto = states[self._lr[base]][plan.origin][1]
            if terminal == "$END" and goto == self._end_state:
                return DEAD if value == TERM else ACCEPTED
            node = self._intern(base, goto, value)

    def _forced_reductions_valid(self, node: int) -> bool:
        """Check now the reductions that every next token would make (``exists x (1)``
        is dead at its ``)``: the quantifier's body is a term, whatever follows)."""
        while True:
            plan = self._forced.get(self._lr[node])
            if plan is None:
                return True
            kids, base = [], node
            for _ in range(plan.size):
                kids.append(self._attr[base])
                base = self._parent[base]
            kids.reverse()
            value = _reduce(plan, kids)
            if value is _INVALID:
                return False
            goto = self._states[self._lr[base]][plan.origin][1]
            if goto == self._end_state:
                return value != TERM
            node = self._intern(base, goto, value)

    def _may_shift(self, node: int, terminal: str, attr, target: int) -> bool:
        """What the AST builder would refuse, decided as early as the prefix shows it."""
        top_attr = self._attr[node]
        top_symbol = self._accessing.get(self._lr[node])
        if terminal in _FORMULA_ONLY and self._context[node] == _TERM_ONLY:
            return False
        if terminal in _BINARY_CONNECTIVES and top_attr == TERM:
            return False
        if terminal in _TERM_OPERATORS and top_attr == FORMULA:
            return False
        if terminal == "LPAR" and top_symbol == "NAME" and top_attr is not None:
            return False  # a variable applied to arguments
        if terminal == "NAME":
            if "binder" in self._states[self._lr[node]]:  # a quantifier's variable
                return attr is not None and attr not in self._binder_names(node)
            if top_symbol == "COLON":  # a sort
                return attr is None
            return attr is None or attr in self._bound[node]
        if terminal == "COMMA" and "binder" in self._states[target]:
            return len(self._binder_names(node)) < self._n_variables  # a fresh one remains
        return True

    def _binder_names(self, node: int) -> list[str]:
        """Variables already bound by the quantifier whose binder list is open at ``node``."""
        names: list[str] = []
        while self._accessing.get(self._lr[node]) != "QUANT":
            if isinstance(self._attr[node], tuple):
                names.extend(self._attr[node])
            node = self._parent[node]
        return names


@functools.cache
def constraint_for(vocabulary: Vocabulary = VOCABULARY) -> Constraint:
    """The shared constraint of a vocabulary (its cache warms up across calls)."""
    return Constraint(vocabulary)


# ---------------------------------------------------------------- grammar analysis


class _RulePlan:
    """What a reduction by one grammar rule checks and produces."""

    __slots__ = ("origin", "size", "role", "nonterminals")

    def __init__(self, origin: str, size: int, role: int, nonterminals: tuple[int, ...]) -> None:
        self.origin = origin
        self.size = size
        self.role = role
        self.nonterminals = nonterminals


def _reduce_rules(states) -> set:
    return {arg for actions in states.values() for action, arg in actions.values() if action is not Shift}


def _forced_reductions(states) -> dict:
    """LR states that reduce by one rule whatever comes next, with that rule."""
    forced = {}
    for state, actions in states.items():
        rules = {arg for action, arg in actions.values() if action is not Shift}
        if len(rules) == 1 and all(action is not Shift for action, _ in actions.values()):
            forced[state] = rules.pop()
    return forced


def _rule_plan(rule) -> _RulePlan:
    names = [symbol.name for symbol in rule.expansion]
    nonterminals = tuple(i for i, symbol in enumerate(rule.expansion) if not symbol.is_term)
    origin, alias = rule.origin.name, rule.alias
    if alias in ("iff", "implies", "xor", "disj", "conj", "negation") or \
            _CONNECTIVE_TERMINALS.intersection(names):
        role = _CONNECTIVE  # also the helpers of (AND unary)+ and (OR conj)+
    elif alias in ("quantified_dot", "quantified_paren", "quantified_nested"):
        role = _QUANTIFIED
    elif alias == "comparison":
        role = _COMPARISON
    elif alias in ("arith", "minus"):
        role = _ARITHMETIC
    elif alias == "number":
        role = _NUMBER
    elif alias in ("true", "false"):
        role = _TRUTH
    elif alias == "name":
        role = _NAME
    elif alias == "application":
        role = _APPLICATION
    elif origin == "binder":
        role = _BINDER
    elif origin == "binders" or (origin.startswith("__") and "binder" in names):
        role = _BINDERS
    elif origin.startswith("__") and "expr" in names and "COMMA" in names:
        role = _ARGUMENTS  # the helper of ("," expr)* in an application
    elif alias is None and len(nonterminals) == 1:
        role = _PASS  # ?rules with one child, and "(" expr ")"
    else:
        raise ValueError(f"the decoding constraint does not know the grammar rule {rule}; "
                         "teach neurosym.parser.constraint._rule_plan its role")
    return _RulePlan(origin, len(names), role, nonterminals)


def _reduce(plan: _RulePlan, kids: list):
    """The attribute of a reduced rule's result, or _INVALID where the AST builder would fail."""
    role = plan.role
    operands = [kids[i] for i in plan.nonterminals]
    if role == _CONNECTIVE:
        return _INVALID if TERM in operands else FORMULA
    if role == _QUANTIFIED:
        return _INVALID if operands[-1] == TERM else FORMULA
    if role == _COMPARISON:
        return _INVALID if FORMULA in operands else FORMULA
    if role == _ARITHMETIC:
        return _INVALID if FORMULA in operands else TERM
    if role == _NUMBER:
        return TERM
    if role == _TRUTH:
        return FORMULA
    if role == _NAME:  # a bound variable is a term; any other name is either
        return TERM if kids[0] is not None else EITHER
    if role == _APPLICATION:
        return _INVALID if kids[0] is not None or FORMULA in operands else EITHER
    if role == _ARGUMENTS:
        return _INVALID if FORMULA in operands else None
    if role == _BINDER:
        return (kids[0],)
    if role == _BINDERS:
        return tuple(name for names in operands for name in names)
    return operands[0]  # _PASS


def _accessing_symbols(states) -> dict[int, str]:
    """The grammar symbol shifted to enter each LR state (unique in an LR automaton)."""
    accessing: dict[int, str] = {}
    for actions in states.values():
        for symbol, (action, target) in actions.items():
            if action is Shift:
                if accessing.setdefault(target, symbol) != symbol:
                    raise AssertionError(f"LR state {target} is entered by two symbols")
    return accessing


def _symbol_terminals(vocabulary: Vocabulary, parser, semantic_checks: bool) -> list[tuple]:
    """For each symbol, the ``(terminal type, attribute)`` pairs it may be lexed as."""
    patterns = {t.name: re.compile(t.pattern.to_regexp()) for t in parser.terminals
                if t.name not in parser.ignore_tokens}
    options = []
    for symbol, text in enumerate(vocabulary.symbols):
        if text == END:
            options.append((("$END", None),))
        elif symbol == vocabulary.name_slot:
            options.append((("NAME", None),))
        elif symbol == vocabulary.number_slot:
            options.append((("NUMBER", None),))
        else:
            terminals = tuple(name for name, pattern in patterns.items() if pattern.fullmatch(text))
            if not terminals:
                raise ValueError(f"the vocabulary token {text!r} is no token of the LF grammar")
            if vocabulary.is_variable(symbol):
                if terminals != ("NAME",):
                    raise ValueError(f"the variable {text!r} must lex as a NAME, not {terminals}")
                options.append((("NAME", text if semantic_checks else None),))
            else:
                options.append(tuple((name, None) for name in terminals))
    return options


# ---------------------------------------------------------------- sampling and benchmark


def sample_symbols(
    constraint: Constraint,
    rng: random.Random,
    *,
    max_length: int = 40,
    end_probability: float = 0.3,
) -> list[int] | None:
    """A random complete symbol sequence (uniform over allowed symbols; ``<end>`` taken
    with ``end_probability`` when allowed), or None if ``max_length`` is reached first."""
    state, symbols = constraint.start, []
    while len(symbols) < max_length:
        mask = constraint.allowed(state)
        if mask & 1 and rng.random() < end_probability:
            symbols.append(0)
            return symbols
        choices = [s for s in range(1, len(constraint.vocabulary.symbols)) if mask >> s & 1]
        if not choices:
            return None
        symbol = rng.choice(choices)
        symbols.append(symbol)
        state = constraint.advance(state, symbol)
    return None


def benchmark(
    *,
    lookups: int = 1_000_000,
    walks: int = 2_000,
    seed: int = 0,
    constraint: Constraint | None = None,
    report: Callable[[str], None] = print,
) -> dict[str, float]:
    """Measure the constraint on this CPU and print the figures.

    Warms the cache with ``walks`` random LFs, then times ``lookups`` allowed-set
    lookups and as many transitions over the states those LFs visit, and, for
    comparison, Lark's own way (re-lex the prefix, then ``accepts()``) on a sample.
    """
    constraint = constraint or Constraint()
    vocabulary = constraint.vocabulary
    rng = random.Random(seed)
    started = time.perf_counter()
    sequences = [s for s in (sample_symbols(constraint, rng) for _ in range(walks)) if s]
    warm_s = time.perf_counter() - started
    pairs = []  # (state, next symbol) along every sampled LF
    for symbols in sequences:
        state = constraint.start
        for symbol in symbols:
            pairs.append((state, symbol))
            state = constraint.advance(state, symbol)
    states = [state for state, _ in pairs]
    repeats = max(1, lookups // len(states))

    allowed = constraint.allowed
    started = time.perf_counter()
    for _ in range(repeats):
        for state in states:
            allowed(state)
    allowed_rate = repeats * len(states) / (time.perf_counter() - started)

    advance = constraint.advance
    started = time.perf_counter()
    for _ in range(repeats):
        for state, symbol in pairs:
            advance(state, symbol)
    advance_rate = repeats * len(pairs) / (time.perf_counter() - started)

    # Lark's way, per step: lex and parse the prefix again, then try every token.
    candidates = (Candidate("p", "NAME"), Candidate("1", "NUMBER"))
    to_action = {vocabulary.name_slot: vocabulary.copy_action(0),
                 vocabulary.number_slot: vocabulary.copy_action(1)}
    parser = lf_parser()
    sample = pairs[:: max(1, len(pairs) // 300)]
    prefixes = []
    for symbols in sequences:
        for cut in range(len(symbols)):
            prefixes.append([to_action.get(s, s) for s in symbols[:cut]])
    prefixes = prefixes[:: max(1, len(prefixes) // len(sample))]
    started = time.perf_counter()
    for prefix in prefixes:
        interactive = parser.parse_interactive(actions_to_lf(prefix, candidates))
        interactive.exhaust_lexer()
        interactive.accepts()
    lark_rate = len(prefixes) / (time.perf_counter() - started)

    figures = {
        "allowed_lookups_per_s": allowed_rate,
        "advance_per_s": advance_rate,
        "lark_accepts_per_s": lark_rate,
        "cached_states": float(constraint.cached_states),
        "warmup_s": warm_s,
        "warmup_lfs": float(len(sequences)),
    }
    report(f"constraint: {allowed_rate:,.0f} allowed-set lookups/s, {advance_rate:,.0f} advances/s "
           f"(warm cache, {constraint.cached_states:,} states from {len(sequences):,} random LFs, "
           f"warm-up {warm_s:.2f} s); Lark re-parse + accepts(): {lark_rate:,.0f}/s")
    return figures
