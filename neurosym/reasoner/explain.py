"""Explanations: minimal conflicting and supporting sets, and witness scenarios.

A minimal set is found as in Z3's ``mus/marco.py``: every rule and statement enters the
solver behind an assumption (the rule's tracking literal, the statement's formula), the
unsat core names the ones involved, and the core is shrunk by deletion: each element is
dropped in turn and stays out when the rest is still unsatisfiable (the new, smaller
core of that call is taken at once). The result is minimal: removing any one element
makes the set satisfiable. Shrinking stops at the check's deadline; the unshrunk core is
then returned and marked as such.

Z3 pays for every assumption and every free tracking literal in each call, so the
reasoner shrinks on a small solver that holds only the instances of the rules in the
first core (``check`` builds it); that decides the same questions, since the rules
outside the core are exactly the ones a deletion step leaves out.

A scenario is a model restricted to what matters for a claim: the ground atoms and
function values over the individuals of the claim and of the premises and rules
connected to it through shared symbols, printed as LF text with their values
("adult(bob)" -> "false", "age(bob)" -> "17").
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from fractions import Fraction
from typing import Callable, Iterable, Mapping, Sequence

import z3

from ..logic import ast
from ..logic.signature import NUMERIC_SORTS
from .result import Scenario

__all__ = [
    "Core", "core_attempt", "shrink", "minimal_core",
    "SymbolGraph", "scenario_terms", "scenario", "value_text", "format_value",
]

# At most this many values in a scenario (the claim's own come first).
SCENARIO_LIMIT = 24


@dataclass(frozen=True)
class Core:
    """Indices of the assumptions in an unsatisfiable subset; ``minimal`` unless time ran out."""

    indices: tuple[int, ...]
    minimal: bool


Attempt = Callable[[Sequence[int]], "tuple[z3.CheckSatResult, list[int]]"]


def core_attempt(check: Callable[[list[z3.BoolRef]], z3.CheckSatResult], solver: z3.Solver,
                 assumptions: Sequence[z3.BoolRef], fixed: Sequence[z3.BoolRef] = (),
                 ids: Sequence[int] | None = None) -> Attempt:
    """``attempt(indices)``: is ``fixed`` plus those assumptions unsat, and if so, which of them
    does Z3's core name? ``check(assumption_list)`` runs the solver call; ``ids`` are the
    assumptions' Z3 ids when the caller has them at hand."""
    if ids is None:
        ids = [expr.get_id() for expr in assumptions]
    fixed = list(fixed)

    def attempt(indices: Sequence[int]) -> tuple[z3.CheckSatResult, list[int]]:
        status = check(fixed + [assumptions[i] for i in indices])
        if status != z3.unsat:
            return status, []
        found = {e.get_id() for e in solver.unsat_core()}
        return status, [i for i in indices if ids[i] in found]

    return attempt


def shrink(attempt: Attempt, core: Sequence[int], *, expired: Callable[[], bool]) -> Core:
    """Shrink an unsatisfiable ``core`` by deletion until it is minimal (or time runs out)."""
    core = list(core)
    minimal = True
    i = 0
    while i < len(core):
        if expired():
            return Core(tuple(core), False)
        status, smaller = attempt(core[:i] + core[i + 1:])
        if status == z3.unsat:
            # Dropped for good; the elements before i were needed in a superset of the
            # new core, so they are still needed: go on at position i.
            core = smaller
        else:
            if status == z3.unknown:  # cannot tell: keep it, and say the core may not be minimal
                minimal = False
            i += 1
    return Core(tuple(core), minimal)


def minimal_core(check: Callable[[list[z3.BoolRef]], z3.CheckSatResult], solver: z3.Solver,
                 assumptions: Sequence[z3.BoolRef], fixed: Sequence[z3.BoolRef] = (),
                 *, expired: Callable[[], bool]) -> Core | None:
    """A minimal subset of ``assumptions`` that, with ``fixed`` and the solver's assertions, is unsat.

    Returns None when the whole set is not shown unsatisfiable.
    """
    attempt = core_attempt(check, solver, assumptions, fixed)
    status, core = attempt(range(len(assumptions)))
    if status != z3.unsat:
        return None
    return shrink(attempt, core, expired=expired)


# ---------------------------------------------------------------- scenarios


class SymbolGraph:
    """Which formulas mention which symbols: what a claim is connected to.

    Built once for the rules of a rule base; a check's premises join as ``extra``.
    """

    def __init__(self, formulas: Sequence[ast.Formula]) -> None:
        self._cache: dict[frozenset[str], tuple[dict[str, int], list[str]]] = {}
        self.symbols = [_symbols(f) for f in formulas]
        self.constants = [_constants(f) for f in formulas]
        self.by_symbol: dict[str, list[int]] = {}
        for i, names in enumerate(self.symbols):
            for name in names:
                self.by_symbol.setdefault(name, []).append(i)

    def reach(self, start: Iterable[str], extra: Sequence[ast.Formula] = ()) -> tuple[dict[str, int], list[str]]:
        """Symbols reachable from ``start`` through shared symbols, with their distance,
        and the constants of the formulas (rules, then ``extra``) on the way."""
        if not extra:
            key = frozenset(start)
            found = self._cache.get(key)
            if found is None:
                if len(self._cache) >= 4096:
                    self._cache.clear()
                found = self._cache[key] = self._reach(key, ())
            return found
        return self._reach(start, extra)

    def _reach(self, start, extra) -> tuple[dict[str, int], list[str]]:
        extra_symbols = [_symbols(f) for f in extra]
        distance = {name: 0 for name in start}
        frontier = list(distance)
        seen_rules: set[int] = set()
        seen_extra: set[int] = set()
        constants: dict[str, None] = {}
        level = 0
        while frontier:
            level += 1
            reached: list[set[str]] = []
            for name in frontier:
                for i in self.by_symbol.get(name, ()):
                    if i not in seen_rules:
                        seen_rules.add(i)
                        reached.append(self.symbols[i])
                        constants.update(dict.fromkeys(self.constants[i]))
            for i, names in enumerate(extra_symbols):
                if i not in seen_extra and names & set(frontier):
                    seen_extra.add(i)
                    reached.append(names)
                    constants.update(dict.fromkeys(_constants(extra[i])))
            frontier = []
            for names in reached:
                for name in names:
                    if name not in distance:
                        distance[name] = level
                        frontier.append(name)
        return distance, list(constants)


def _symbols(formula: ast.Formula) -> set[str]:
    return {n.name for n in ast.walk(formula) if type(n) is ast.Pred or type(n) is ast.FuncApp}


def _constants(formula: ast.Formula) -> list[str]:
    return list(dict.fromkeys(n.name for n in ast.walk(formula) if type(n) is ast.Const))


def scenario_terms(symbols: Mapping[str, int], signature, individuals: Mapping[str, list[str]],
                   numeric_constants: Iterable[str]) -> list[ast.Node]:
    """Ground atoms and numeric terms over ``individuals`` (sort -> names), closest symbols first.

    ``signature`` has ``predicates`` and ``functions``; at most ``SCENARIO_LIMIT`` terms.
    """
    terms: list[ast.Node] = []
    for name in sorted(symbols, key=lambda n: (symbols[n], n)):
        if name in signature.predicates:
            arg_sorts = signature.predicates[name].args
            make = ast.Pred
        elif name in signature.functions and signature.functions[name].result in NUMERIC_SORTS:
            arg_sorts = signature.functions[name].args
            make = ast.FuncApp
        else:
            continue
        if any(s in NUMERIC_SORTS for s in arg_sorts) or (make is ast.FuncApp and not arg_sorts):
            continue  # values at numbers: no finite list to show
        for args in itertools.product(*[individuals.get(s, []) for s in arg_sorts]):
            terms.append(make(name, tuple(ast.Const(a) for a in args)))
            if len(terms) >= SCENARIO_LIMIT:
                return terms
    for name in numeric_constants:
        if len(terms) >= SCENARIO_LIMIT:
            break
        terms.append(ast.Const(name))
    return terms


def scenario(model: z3.ModelRef, claim_holds: bool, terms: Sequence[tuple[str, z3.ExprRef]]) -> Scenario:
    """The values of ``terms`` (LF text, Z3 term) in ``model``, completed where it is silent."""
    return Scenario(claim_holds, tuple((text, value_text(model, expr)) for text, expr in terms))


def value_text(model: z3.ModelRef, expr: z3.ExprRef) -> str:
    """The value of ``expr`` in ``model`` as text: true/false, an integer, a decimal or p/q."""
    ctx = model.ctx
    result = (z3.Ast * 1)()
    if not z3.Z3_model_eval(ctx.ref(), model.model, expr.as_ast(), True, result):
        return "?"
    value = result[0]
    truth = z3.Z3_get_bool_value(ctx.ref(), value)
    if truth != z3.Z3_L_UNDEF:
        return "true" if truth == z3.Z3_L_TRUE else "false"
    if z3.Z3_is_numeral_ast(ctx.ref(), value):
        text = z3.Z3_get_numeral_string(ctx.ref(), value)
        numerator, _, denominator = text.partition("/")
        return _decimal(Fraction(int(numerator), int(denominator or 1)))
    return format_value(model.eval(expr, model_completion=True))  # algebraic numbers, individuals


def format_value(value: z3.ExprRef) -> str:
    """A Z3 value as text: true/false, an integer, a decimal or fraction, an element."""
    if z3.is_true(value):
        return "true"
    if z3.is_false(value):
        return "false"
    if z3.is_int_value(value):
        return str(value.as_long())
    if z3.is_rational_value(value):
        return _decimal(Fraction(value.numerator_as_long(), value.denominator_as_long()))
    if z3.is_algebraic_value(value):
        return value.as_decimal(6).rstrip("?") + "..."
    return str(value)


def _decimal(value: Fraction) -> str:
    """Exact decimal text when the fraction has one, else ``p/q``."""
    if value.denominator == 1:
        return str(value.numerator)
    denominator = value.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    if denominator != 1:
        return f"{value.numerator}/{value.denominator}"
    digits = 0
    scaled = abs(value)
    while scaled.denominator != 1:
        scaled *= 10
        digits += 1
    text = str(scaled.numerator).rjust(digits + 1, "0")
    sign = "-" if value < 0 else ""
    return f"{sign}{text[:-digits]}.{text[-digits:]}"
