"""Join plans: in which order the forward chainer satisfies a clause's conditions.

A plan first matches the literals it can look up by predicate (binding variables),
then runs steps: bind a variable from an equation (``age(x) = n``), bind the arguments
of a function application from its known values (``age(x) >= 18`` tries each x whose
age is known), range a variable that no literal binds over the known individuals of
its sort, and finally filter by
comparisons, literals with computed arguments, and (closed world) negation as failure.

Directional and closed-world semantics plan the same clause differently: a negated
literal is matched as a fact of its own in the first, and checked by failure in the
second. Plans are pure functions of the clause shape and cached.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ..logic import ast
from .chaining_rules import (
    TERM, VAR, Falsum, Pattern, Shape, Test, Unsupported, ValueHead, is_numeric_sort, slot_of,
    term_variables,
)

__all__ = ["Plan", "BIND", "VALUES", "RANGE", "TEST", "LOOKUP", "ABSENT", "plan_for"]

# Step kinds, run in order after the matches.
BIND, VALUES, RANGE, TEST, LOOKUP, ABSENT = "bind", "values", "range", "test", "lookup", "absent"


@dataclass(frozen=True, slots=True)
class Plan:
    """How to find every instance of a clause whose conditions hold.

    ``matches`` are looked up by predicate; ``steps`` are (kind, ...) tuples run after
    them. ``rejoin_on`` names what, when it becomes known, requires running the whole
    plan again: the predicates of literals checked in steps, and the functions and
    parameters whose values the steps or the head read.
    """

    matches: tuple[Pattern, ...]
    steps: tuple[tuple, ...]
    head: Pattern | ValueHead | Falsum
    rejoin_on: frozenset
    ranges: bool  # some variable ranges over the known individuals

    @property
    def triggers(self) -> tuple[tuple[tuple[bool, str], int], ...]:
        return tuple(((p.positive, p.pred), i) for i, p in enumerate(self.matches))


@functools.lru_cache(maxsize=4096)
def plan_for(shape: Shape, naf: bool) -> Plan:
    """The plan of a clause; ``naf`` checks negated literals by failure (closed world).

    Raises ``Unsupported`` when a numeric variable is bound by no condition: numbers
    cannot be enumerated.
    """
    sorts = dict(shape.variables)
    literals = [item for item in shape.body if isinstance(item, Pattern)]
    tests = [item for item in shape.body if isinstance(item, Test)]
    matches = [p for p in literals if p.simple and (p.positive or not naf)]
    checks = [p for p in literals if p not in matches]
    bound: set[str] = set()
    for pattern in matches:
        bound |= pattern.variables()

    head = shape.head
    needed: set[str] = head.variables()
    for item in tests + checks:
        needed |= item.variables()
    terms = [t for test in tests for t in (test.left, test.right)]
    for item in checks + [head]:
        if isinstance(item, ValueHead):
            terms.append(item.value)
        terms += [arg for kind, arg in getattr(item, "slots", ()) if kind == TERM]

    steps: list[tuple] = []
    pending = list(tests)
    ranged = False
    while True:
        bind = next(((test, step) for test in pending
                     if (step := _binding_step(test, bound)) is not None), None)
        if bind is not None:
            pending.remove(bind[0])
            steps.append(bind[1])
            bound.add(bind[1][1])
            continue
        free = needed - bound
        if not free:
            break
        values = _values_step(terms, bound)
        if values is not None:
            # Unknown values fail every condition that reads them, so only the terms with
            # a known value need to be tried.
            steps.append(values)
            bound |= {item for kind, item in values[2] if kind == VAR}
            continue
        entity = sorted(name for name in free if not is_numeric_sort(sorts.get(name)))
        if not entity:
            name = sorted(free)[0]
            raise Unsupported(f"the variable {name}: {sorts[name]} is bound by no condition; "
                              "a number variable must appear in a literal or in an equation "
                              f"such as 'f(...) = {name}'")
        steps.append((RANGE, entity[0], sorts.get(entity[0])))
        bound.add(entity[0])
        ranged = True
    steps.extend((TEST, test) for test in pending)
    for pattern in checks:
        steps.append((LOOKUP if pattern.positive or not naf else ABSENT, pattern))

    rejoin_on: set = set()
    for pattern in checks:
        if pattern.positive or not naf:
            rejoin_on.add((pattern.positive, pattern.pred))
        rejoin_on |= _term_symbols(pattern)
    for test in tests:
        rejoin_on |= _symbols(test.left) | _symbols(test.right)
    if isinstance(head, Pattern):
        rejoin_on |= _term_symbols(head)
    elif isinstance(head, ValueHead):
        rejoin_on |= _term_symbols(Pattern(True, head.func, head.slots)) | _symbols(head.value)
    return Plan(tuple(matches), tuple(steps), head, frozenset(rejoin_on), ranged)


def _binding_step(test: Test, bound: set[str]) -> tuple | None:
    """``(BIND, var, term)`` when ``test`` is ``var = term`` with var free and term bound."""
    if test.op != "=":
        return None
    for target, source in ((test.left, test.right), (test.right, test.left)):
        if (isinstance(target, ast.Var) and target.name not in bound
                and term_variables(source) <= bound):
            return (BIND, target.name, source)
    return None


def _values_step(terms: list[ast.Term], bound: set[str]) -> tuple | None:
    """``(VALUES, f, slots)`` for a function application with a free variable argument
    whose other arguments can be evaluated: its known values bind the free variables."""
    for term in terms:
        for node in ast.walk(term):
            if not isinstance(node, ast.FuncApp):
                continue
            free = [arg for arg in node.args if isinstance(arg, ast.Var) and arg.name not in bound]
            others = [arg for arg in node.args if not isinstance(arg, ast.Var)]
            if free and all(term_variables(arg) <= bound for arg in others):
                return (VALUES, node.name, tuple(slot_of(arg) for arg in node.args))
    return None


def _symbols(term: ast.Term) -> set[str]:
    """Functions and constants whose values a term reads."""
    return {node.name for node in ast.walk(term) if isinstance(node, (ast.FuncApp, ast.Const))}


def _term_symbols(pattern: Pattern) -> set[str]:
    names: set[str] = set()
    for kind, item in pattern.slots:
        if kind == TERM:
            names |= _symbols(item)
    return names
