"""Forward chaining: derive every literal and value the clauses yield from the facts.

The chainer keeps the derived facts indexed by predicate and argument. Each new fact
waits in a queue; taking it out fires the clauses with a condition of its predicate,
matched against it while the other conditions are joined against everything known
(semi-naive evaluation: a clause instance is found exactly when its last condition
arrives). A clause is run in full once when it is added, and again when a value it
reads or an individual it ranges over becomes known.

Facts are keys: ``(positive, pred, args)`` for a literal and ``("=", func, args)`` for
the value of a function or parameter; arguments are constant names (str) and numbers
(Fraction). Each key remembers the first ``Derivation`` of it: the clause or given fact
it came from and the keys its conditions used, so a proof is a walk back from a key.

The first clash stops the chainer (``conflict``): a literal and its complement, two
values for one term, or a constraint (``... -> false``) whose conditions hold.
``closed world`` (``naf=True``) checks negated conditions by failure; the caller runs
clauses stratum by stratum so that what fails has already been decided.
"""

from __future__ import annotations

import operator
import time
from collections import deque
from dataclasses import dataclass
from fractions import Fraction
from typing import Iterable

from ..logic import ast
from .chaining_plan import ABSENT, BIND, LOOKUP, RANGE, TEST, VALUES, Plan, plan_for
from .chaining_domain import Domain
from .chaining_rules import FALSUM, VAL, VAR, Given, Pattern, Shape, Test, arithmetic

__all__ = ["Clause", "Derivation", "Conflict", "OutOfTime", "Chainer", "compare", "MAX_FACTS"]

# How often (in join steps) the chainer looks at the clock.
_CLOCK_EVERY = 256
# A run that derives more facts than this is stopped (UNKNOWN), deadline or not: rules
# such as num(n) -> num(n + 1) never stop on their own.
MAX_FACTS = 250_000


@dataclass(frozen=True, slots=True)
class Clause:
    """A clause shape with where it came from (a ``Rule`` or a ``Statement``)."""

    shape: Shape
    source: object


@dataclass(frozen=True, slots=True)
class Derivation:
    """How a key first became known: from ``source``, using the keys in ``uses``."""

    source: object
    uses: tuple = ()
    value: object = None


@dataclass(frozen=True, slots=True)
class Conflict:
    """What clashed (``keys``; empty for a constraint) and the derivations behind it."""

    keys: tuple
    derivations: tuple[Derivation, ...]


class OutOfTime(Exception):
    """The deadline passed, or the derivation grew past its limit; the message says which."""


class _Halt(Exception):
    """Raised inside the chainer at the first conflict, caught at its entry points."""


_ORDERINGS = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge}


def compare(op: str, left, right) -> bool:
    """A comparison on known values; unknown (None) or mismatched values make it fail."""
    if left is None or right is None or type(left) is not type(right):
        return False
    if op == "=":
        return left == right
    if op == "!=":
        return left != right
    return isinstance(left, Fraction) and _ORDERINGS[op](left, right)


class Chainer:
    """The state of one forward-chaining run; ``extend`` adds clauses and facts and saturates."""

    def __init__(self, *, naf: bool, parameters: frozenset[str], domain: Domain,
                 deadline: float | None = None, max_facts: int | None = None) -> None:
        self.naf = naf
        self.parameters = parameters
        self.domain = domain
        self.deadline = deadline
        self.max_facts = max_facts if max_facts is not None else MAX_FACTS
        self.known: dict[tuple, Derivation] = {}
        self.values: dict[tuple, object] = {}
        self.conflict: Conflict | None = None
        self._by_pred: dict[tuple, list] = {}
        self._by_arg: dict[tuple, list] = {}
        self._values_of: dict[str, list] = {}
        self._queue: deque = deque()
        self._clauses: list[tuple[Clause, Plan]] = []
        self._triggers: dict[tuple, list] = {}
        self._rejoins: dict[object, list] = {}
        self._ticks = 0

    # ------------------------------------------------------------ public

    def extend(self, clauses: Iterable[Clause] = (), facts: Iterable[tuple[Given, object]] = ()) -> None:
        """Add clauses and given facts ``(Given, source)``, then derive until nothing is new."""
        if self.conflict is not None:
            return
        try:
            self._drain()
            ranging = [(clause, plan) for clause, plan in self._clauses if plan.ranges]
            version = self.domain.version if ranging else None
            for given, source in facts:
                self.domain.note_fact(given.key, given.value)
                self._add(given.key, Derivation(source, (), given.value))
            self._drain()  # the new facts through the clauses already there
            refire = []
            for clause in clauses:
                plan = plan_for(clause.shape, self.naf)
                self.domain.note_shape(clause.shape)
                self._register(clause, plan)
                refire.append((clause, plan))
            if ranging and version != self.domain.version:
                # Clauses that range over individuals must see the new ones.
                refire += ranging
            for clause, plan in refire:
                self._fire_all(clause, plan)
            self._drain()
        except _Halt:
            pass

    def fork(self) -> "Chainer":
        """An independent copy, to try extra facts without touching this state."""
        other = Chainer(naf=self.naf, parameters=self.parameters, domain=self.domain.copy(),
                        deadline=self.deadline, max_facts=self.max_facts)
        other.known = dict(self.known)
        other.values = dict(self.values)
        other.conflict = self.conflict
        other._by_pred = {k: list(v) for k, v in self._by_pred.items()}
        other._by_arg = {k: list(v) for k, v in self._by_arg.items()}
        other._values_of = {k: list(v) for k, v in self._values_of.items()}
        other._queue = deque(self._queue)
        other._clauses = list(self._clauses)
        other._triggers = {k: list(v) for k, v in self._triggers.items()}
        other._rejoins = {k: list(v) for k, v in self._rejoins.items()}
        return other

    def evaluate(self, term: ast.Term, binding: dict, used: list | None = None):
        """The value of a term under ``binding`` (None when unknown); value keys read go to ``used``."""
        if isinstance(term, ast.Var):
            return binding.get(term.name)
        if isinstance(term, ast.Const):
            if term.name not in self.parameters:
                return term.name
            return self._lookup_value((term.name, ()), used)
        if isinstance(term, ast.Num):
            return term.value
        if isinstance(term, ast.Neg):
            inner = self.evaluate(term.arg, binding, used)
            return -inner if isinstance(inner, Fraction) else None
        if isinstance(term, ast.Arith):
            left = self.evaluate(term.left, binding, used)
            right = self.evaluate(term.right, binding, used)
            if isinstance(left, Fraction) and isinstance(right, Fraction):
                return arithmetic(term.op, left, right)
            return None
        if isinstance(term, ast.FuncApp):
            args = []
            for arg in term.args:
                value = self.evaluate(arg, binding, used)
                if value is None:
                    return None
                args.append(value)
            return self._lookup_value((term.name, tuple(args)), used)
        raise TypeError(f"not a term: {term!r}")

    def arguments(self, slots, binding: dict, used: list | None = None) -> tuple | None:
        """The argument values of a literal under ``binding``, or None when one is unknown."""
        args = []
        for kind, item in slots:
            if kind == VAL:
                args.append(item)
            elif kind == VAR:
                args.append(binding[item])
            else:
                value = self.evaluate(item, binding, used)
                if value is None:
                    return None
                args.append(value)
        return tuple(args)

    def holds(self, test: Test, binding: dict, used: list | None = None) -> bool:
        left = self.evaluate(test.left, binding, used)
        right = self.evaluate(test.right, binding, used)
        return compare(test.op, left, right)

    # ------------------------------------------------------------ storing facts

    def _lookup_value(self, key: tuple, used: list | None):
        value = self.values.get(key)
        if value is not None and used is not None:
            used.append(("=",) + key)
        return value

    def _add(self, key: tuple, derivation: Derivation) -> None:
        known = self.known
        if key in known:
            if key[0] == "=" and known[key].value != derivation.value:
                self._clash(Conflict((key, key), (known[key], derivation)))
            return
        if key[0] == "=":
            self.values[key[1:]] = derivation.value
            self._values_of.setdefault(key[1], []).append(key[2])
        else:
            complement = (not key[0], key[1], key[2])
            if complement in known:
                self._clash(Conflict((complement, key), (known[complement], derivation)))
            self._by_pred.setdefault((key[0], key[1]), []).append(key[2])
            for position, value in enumerate(key[2]):
                self._by_arg.setdefault((key[0], key[1], position, value), []).append(key[2])
        known[key] = derivation
        self._queue.append(key)
        self._tick()
        if len(known) > self.max_facts:
            raise OutOfTime(f"the derivation grew past {self.max_facts} facts "
                            "(do the rules generate new numbers without end?)")

    def _clash(self, conflict: Conflict) -> None:
        self.conflict = conflict
        raise _Halt()

    def _register(self, clause: Clause, plan: Plan) -> None:
        self._clauses.append((clause, plan))
        for trigger, index in plan.triggers:
            self._triggers.setdefault(trigger, []).append((clause, plan, index))
        for symbol in plan.rejoin_on:
            self._rejoins.setdefault(symbol, []).append((clause, plan))

    # ------------------------------------------------------------ deriving

    def _drain(self) -> None:
        queue = self._queue
        while queue:
            key = queue.popleft()
            if key[0] == "=":
                for clause, plan in self._rejoins.get(key[1], ()):
                    self._fire_all(clause, plan)
                continue
            pred_key = (key[0], key[1])
            for clause, plan, index in self._triggers.get(pred_key, ()):
                binding = _unify(plan.matches[index].slots, key[2], {})
                if binding is not None:
                    self._join(clause, plan, 0, index, binding, [key])
            for clause, plan in self._rejoins.get(pred_key, ()):
                self._fire_all(clause, plan)

    def _fire_all(self, clause: Clause, plan: Plan) -> None:
        self._join(clause, plan, 0, -1, {}, [])

    def _join(self, clause: Clause, plan: Plan, position: int, skip: int, binding: dict, uses: list) -> None:
        """Match the clause's literals from ``position`` on (``skip`` is already matched)."""
        matches = plan.matches
        if position == skip:
            position += 1
        if position >= len(matches):
            self._run_steps(clause, plan, 0, binding, uses)
            return
        self._tick()
        pattern = matches[position]
        for args in self._candidates(pattern, binding):
            extended = _unify(pattern.slots, args, binding)
            if extended is not None:
                self._join(clause, plan, position + 1, skip, extended,
                           uses + [(pattern.positive, pattern.pred, args)])

    def _candidates(self, pattern: Pattern, binding: dict) -> list:
        """The stored argument tuples that may match, through the most selective index."""
        best = self._by_pred.get((pattern.positive, pattern.pred), ())
        for position, (kind, item) in enumerate(pattern.slots):
            if kind == VAR:
                if item not in binding:
                    continue
                item = binding[item]
            rows = self._by_arg.get((pattern.positive, pattern.pred, position, item), ())
            if len(rows) < len(best):
                best = rows
        return best

    def _run_steps(self, clause: Clause, plan: Plan, index: int, binding: dict, uses: list) -> None:
        steps = plan.steps
        while index < len(steps):
            step = steps[index]
            kind = step[0]
            if kind == TEST:
                used: list = []
                if not self.holds(step[1], binding, used):
                    return
                uses = uses + used
            elif kind == BIND:
                used = []
                value = self.evaluate(step[2], binding, used)
                if value is None:
                    return
                binding = {**binding, step[1]: value}
                uses = uses + used
            elif kind == VALUES:
                func, slots = step[1], step[2]
                for args in list(self._values_of.get(func, ())):
                    self._tick()
                    extended = _unify(slots, args, binding)
                    if extended is not None and self.arguments(slots, extended) == args:
                        self._run_steps(clause, plan, index + 1, extended, uses + [("=", func, args)])
                return
            elif kind == RANGE:
                for individual in self.domain.members(step[2]):
                    self._tick()
                    self._run_steps(clause, plan, index + 1, {**binding, step[1]: individual}, uses)
                return
            else:
                pattern = step[1]
                used = []
                args = self.arguments(pattern.slots, binding, used)
                if args is None:
                    return
                if kind == LOOKUP:
                    key = (pattern.positive, pattern.pred, args)
                    if key not in self.known:
                        return
                    uses = uses + used + [key]
                else:
                    assert kind == ABSENT
                    if (True, pattern.pred, args) in self.known:
                        return
                    uses = uses + used
            index += 1
        self._conclude(clause, plan.head, binding, uses)

    def _conclude(self, clause: Clause, head, binding: dict, uses: list) -> None:
        if head is FALSUM:
            self._clash(Conflict((), (Derivation(clause.source, tuple(uses)),)))
        used: list = []
        if isinstance(head, Pattern):
            args = self.arguments(head.slots, binding, used)
            if args is None:
                return
            key = (head.positive, head.pred, args)
            if key not in self.known:
                self._add(key, Derivation(clause.source, tuple(uses + used)))
            return
        args = self.arguments(head.slots, binding, used)
        value = self.evaluate(head.value, binding, used) if args is not None else None
        if value is not None:
            self._add(("=", head.func, args), Derivation(clause.source, tuple(uses + used), value))

    def _tick(self) -> None:
        self._ticks += 1
        if self.deadline is not None and self._ticks % _CLOCK_EVERY == 0:
            if time.monotonic() > self.deadline:
                raise OutOfTime(f"the time limit ran out while chaining ({len(self.known)} facts "
                                "derived so far)")


def _unify(slots, args: tuple, binding: dict) -> dict | None:
    """``binding`` extended so that the slots match ``args``, or None."""
    extended = binding
    for (kind, item), value in zip(slots, args):
        if kind == VAL:
            if item != value or type(item) is not type(value):
                return None
        elif kind == VAR:
            bound = extended.get(item)
            if bound is None:
                if extended is binding:
                    extended = dict(binding)
                extended[item] = value
            elif bound != value or type(bound) is not type(value):
                return None
        # A computed argument (TERM) is never matched: the caller compares its value.
    return extended
