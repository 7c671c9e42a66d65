"""The chaining fragment: which formulas forward chaining can read, and their compiled form.

Directional and closed-world semantics read rules of the shape
``forall x1..xn. L1 and ... and Lk -> H``: the conditions are literals (``p(x)``,
``not p(x)``) and comparisons of numeric terms (``age(x) >= 18``); the conclusion is a
literal, a value assignment ``f(x) = term``, ``false`` (a constraint) or a conjunction
of those. A disjunction in the conditions is split into one clause per case, and
``a -> b -> c`` reads as ``a and b -> c``. Ground literals are facts, ground
``f(a) = 17`` assigns a value, and any other ground comparison is a constraint checked
on the known values.

Everything else (a disjunction or existential in a conclusion, an equivalence, a
negated conjunction, ...) is outside the fragment: ``compile_formula`` raises
``Unsupported`` with the reason, and the caller names the rule and its position.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from fractions import Fraction

from ..logic import ast
from ..logic.signature import NUMERIC_SORTS

__all__ = [
    "VAR", "VAL", "TERM", "Slot", "Pattern", "Test", "ValueHead", "Falsum", "FALSUM", "Shape",
    "Given", "Unsupported", "compile_formula", "closed_value", "negated_op", "slot_of",
    "describe_source", "MAX_CASES",
]

# How a rule argument is matched: a variable, a known value (constant name or number),
# or a term that must be evaluated first (a function application, arithmetic).
VAR, VAL, TERM = 0, 1, 2
Slot = tuple  # (VAR, name) | (VAL, str | Fraction) | (TERM, ast.Term)

# A disjunctive condition splits a rule into one clause per case; beyond this many the
# rule is refused rather than blown up.
MAX_CASES = 64

_NEGATED_OP = {"=": "!=", "!=": "=", "<": ">=", ">=": "<", ">": "<=", "<=": ">"}


def negated_op(op: str) -> str:
    """The comparison that holds exactly when ``op`` fails on known values."""
    return _NEGATED_OP[op]


class Unsupported(Exception):
    """A formula is outside the chaining fragment; the message says why."""


@dataclass(frozen=True, slots=True)
class Pattern:
    """A literal with argument slots: ``p(x, alice)`` or ``not p(x)``."""

    positive: bool
    pred: str
    slots: tuple[Slot, ...]

    @property
    def simple(self) -> bool:
        """True when every argument is a variable or a value, so the literal can be matched."""
        return all(kind != TERM for kind, _ in self.slots)

    def variables(self) -> set[str]:
        names: set[str] = set()
        for kind, item in self.slots:
            if kind == VAR:
                names.add(item)
            elif kind == TERM:
                names |= term_variables(item)
        return names


@dataclass(frozen=True, slots=True)
class Test:
    """A comparison in a condition, evaluated on known values (unknown values fail it)."""

    op: str
    left: ast.Term
    right: ast.Term

    def variables(self) -> set[str]:
        return term_variables(self.left) | term_variables(self.right)


@dataclass(frozen=True, slots=True)
class ValueHead:
    """A conclusion ``f(args) = value`` (or ``param = value`` for a 0-ary constant)."""

    func: str
    slots: tuple[Slot, ...]
    value: ast.Term

    def variables(self) -> set[str]:
        return Pattern(True, self.func, self.slots).variables() | term_variables(self.value)


@dataclass(frozen=True, slots=True)
class Falsum:
    """The conclusion ``false``: the conditions must never hold together (a constraint)."""

    def variables(self) -> set[str]:
        return set()


FALSUM = Falsum()
Head = Pattern | ValueHead | Falsum


@dataclass(frozen=True, slots=True)
class Shape:
    """One clause: ``forall variables. body -> head``, variables paired with their sorts."""

    variables: tuple[tuple[str, str | None], ...]
    body: tuple[Pattern | Test, ...]
    head: Head
    _hash: int = field(init=False, repr=False, compare=False, default=0)

    def __post_init__(self) -> None:
        # Shapes key the plan cache on every check; hashing the tree once keeps that cheap.
        object.__setattr__(self, "_hash", hash((self.variables, self.body, self.head)))

    def __hash__(self) -> int:
        return self._hash

    def argument_lists(self):
        """(predicate or function name, slots) of each literal and value in the clause."""
        for item in self.body + (self.head,):
            if isinstance(item, Pattern):
                yield item.pred, item.slots
            elif isinstance(item, ValueHead):
                yield item.func, item.slots

    def terms(self):
        """The terms outside argument lists: both sides of each comparison, concluded values."""
        for item in self.body + (self.head,):
            if isinstance(item, Test):
                yield item.left
                yield item.right
            elif isinstance(item, ValueHead):
                yield item.value


@dataclass(frozen=True, slots=True)
class Given:
    """A ground fact: a literal key ``(positive, pred, args)`` or a value key ``("=", f, args)``."""

    key: tuple
    value: object = None


def term_variables(term: ast.Term) -> set[str]:
    return {node.name for node in ast.walk(term) if isinstance(node, ast.Var)}


def closed_value(term: ast.Term):
    """The value of a term built from numbers alone (``17``, ``-2.5``, ``3 * 4``), else None."""
    if isinstance(term, ast.Num):
        return term.value
    if isinstance(term, ast.Neg):
        inner = closed_value(term.arg)
        return None if inner is None else -inner
    if isinstance(term, ast.Arith):
        left, right = closed_value(term.left), closed_value(term.right)
        if left is None or right is None:
            return None
        return arithmetic(term.op, left, right)
    return None


def arithmetic(op: str, left: Fraction, right: Fraction) -> Fraction | None:
    """``left op right`` exactly; None for division by zero."""
    if op == "+":
        return left + right
    if op == "-":
        return left - right
    if op == "*":
        return left * right
    if right == 0:
        return None
    return left / right


# ---------------------------------------------------------------- compiling formulas


@functools.lru_cache(maxsize=4096)
def compile_formula(formula: ast.Formula) -> tuple[tuple[Shape, ...], tuple[Given, ...]]:
    """The clauses and ground facts a formula says, or ``Unsupported`` with the reason.

    >>> shapes, facts = compile_formula(parse_formula("forall x. dog(x) -> animal(x)"))
    >>> facts
    ()
    """
    shapes: list[Shape] = []
    facts: list[Given] = []
    for binders, conditions, conclusion in _rules_in(formula, (), ()):
        cases = _product(_condition_cases(condition) for condition in conditions)
        heads = _conclusions(conclusion)
        for case in cases:
            for extra, head in heads:
                fact = _as_fact(head) if not binders and not case and not extra else None
                if fact is not None:
                    facts.append(fact)
                else:
                    shapes.append(Shape(binders, tuple(case + extra), head))
    return tuple(shapes), tuple(facts)


def _rules_in(node: ast.Formula, binders: tuple, conditions: tuple):
    """Peel ``forall`` binders and ``->`` conditions off a formula, splitting conjunctions
    of rules: yields (binders, conditions, conclusion) for each rule it says."""
    while True:
        if isinstance(node, ast.Forall):
            for binder in node.binders:
                if any(binder.name == name for name, _ in binders):
                    raise Unsupported(f"the variable {binder.name!r} is bound twice; rename one of them")
            binders += tuple((binder.name, binder.sort) for binder in node.binders)
            node = node.body
        elif isinstance(node, ast.Implies):
            conditions += (node.left,)
            node = node.right
        elif isinstance(node, ast.And) and any(isinstance(arg, (ast.Forall, ast.Implies, ast.And))
                                               for arg in node.args):
            for arg in node.args:
                yield from _rules_in(arg, binders, conditions)
            return
        else:
            yield binders, conditions, node
            return


def _product(alternatives_per_condition) -> list[list]:
    """All ways to pick one case from each condition (a conjunction of disjunctions)."""
    cases: list[list] = [[]]
    for alternatives in alternatives_per_condition:
        cases = _bounded([case + alt for case in cases for alt in alternatives])
    return cases


def _bounded(cases: list[list]) -> list[list]:
    if len(cases) > MAX_CASES:
        raise Unsupported(f"its conditions split into more than {MAX_CASES} cases "
                          "(too many disjunctions); write several rules")
    return cases


def _condition_cases(node: ast.Formula) -> list[list]:
    if isinstance(node, ast.Pred):
        return [[_pattern(node, True)]]
    if isinstance(node, ast.Compare):
        return [[Test(node.op, node.left, node.right)]]
    if isinstance(node, ast.BoolConst):
        return [[]] if node.value else []
    if isinstance(node, ast.And):
        return _product(_condition_cases(arg) for arg in node.args)
    if isinstance(node, ast.Or):
        return _bounded([case for arg in node.args for case in _condition_cases(arg)])
    if isinstance(node, ast.Not):
        inner = node.arg
        if isinstance(inner, ast.Pred):
            return [[_pattern(inner, False)]]
        if isinstance(inner, ast.Compare):
            return [[Test(negated_op(inner.op), inner.left, inner.right)]]
        if isinstance(inner, ast.BoolConst):
            return [[]] if not inner.value else []
        if isinstance(inner, ast.Not):
            return _condition_cases(inner.arg)
        raise Unsupported(f"a condition negates a compound formula ({_kind(inner)}); "
                          "only literals and comparisons can be negated")
    if isinstance(node, (ast.Forall, ast.Exists)):
        raise Unsupported(f"a condition contains a quantifier ({_kind(node)}); "
                          "conditions are literals and comparisons")
    raise Unsupported(f"a condition is {_kind(node)}; conditions are literals and comparisons "
                      "joined by 'and' (or 'or')")


def _conclusions(node: ast.Formula) -> list[tuple[list, Head]]:
    """The conclusions as (extra conditions, head) pairs.

    A comparison that is not a value assignment cannot be derived, only checked: it
    becomes the constraint "conditions and not comparison -> false".
    """
    if isinstance(node, ast.Pred):
        return [([], _pattern(node, True))]
    if isinstance(node, ast.And):
        return [pair for arg in node.args for pair in _conclusions(arg)]
    if isinstance(node, ast.BoolConst):
        return [] if node.value else [([], FALSUM)]
    if isinstance(node, ast.Compare):
        head = _value_head(node)
        if head is not None:
            return [([], head)]
        return [([Test(negated_op(node.op), node.left, node.right)], FALSUM)]
    if isinstance(node, ast.Not):
        inner = node.arg
        if isinstance(inner, ast.Pred):
            return [([], _pattern(inner, False))]
        if isinstance(inner, ast.Not):
            return _conclusions(inner.arg)
        if isinstance(inner, ast.BoolConst):
            return [([], FALSUM)] if inner.value else []
        if isinstance(inner, ast.Compare):
            return [([Test(inner.op, inner.left, inner.right)], FALSUM)]
        raise Unsupported(f"its conclusion negates a compound formula ({_kind(inner)}); "
                          "only literals and comparisons can be negated")
    if isinstance(node, ast.Or):
        raise Unsupported("its conclusion is a disjunction ('or'); forward chaining derives "
                          "literals only, never a choice between them")
    if isinstance(node, ast.Exists):
        raise Unsupported("its conclusion is existential ('exists'); forward chaining derives "
                          "facts about known individuals only")
    if isinstance(node, ast.Iff):
        raise Unsupported("it is an equivalence ('<->'); write the two directions as two rules")
    raise Unsupported(f"its conclusion is {_kind(node)}; a conclusion is a literal, a value "
                      "'f(...) = term', a comparison to check, 'false', or a conjunction of those")


def _value_head(node: ast.Compare) -> ValueHead | None:
    """``f(args) = term`` as an assignment, or None when neither side can be assigned."""
    if node.op != "=":
        return None
    for target, value in ((node.left, node.right), (node.right, node.left)):
        if isinstance(target, ast.FuncApp):
            return ValueHead(target.name, tuple(slot_of(arg) for arg in target.args), value)
        if isinstance(target, ast.Const) and closed_value(value) is not None:
            return ValueHead(target.name, (), value)
    return None


def _pattern(node: ast.Pred, positive: bool) -> Pattern:
    return Pattern(positive, node.name, tuple(slot_of(arg) for arg in node.args))


def slot_of(term: ast.Term) -> Slot:
    if isinstance(term, ast.Var):
        return (VAR, term.name)
    if isinstance(term, ast.Const):
        # In a literal a constant names an individual, even one with a numeric value.
        return (VAL, term.name)
    value = closed_value(term)
    if value is not None:
        return (VAL, value)
    return (TERM, term)


def _as_fact(head) -> Given | None:
    """A ground head whose arguments and value are known without evaluation, as a fact."""
    if isinstance(head, Pattern) and head.simple and not head.variables():
        return Given((head.positive, head.pred, tuple(item for _, item in head.slots)))
    if isinstance(head, ValueHead) and all(kind == VAL for kind, _ in head.slots):
        value = closed_value(head.value)
        if value is not None:
            return Given(("=", head.func, tuple(item for _, item in head.slots)), value)
    return None


def _kind(node: ast.Formula) -> str:
    names = {
        ast.Or: "a disjunction ('or')", ast.Xor: "an exclusive or ('xor')",
        ast.Iff: "an equivalence ('<->')", ast.Implies: "an implication ('->')",
        ast.Exists: "an existential ('exists')", ast.Forall: "a universal ('forall')",
        ast.And: "a conjunction ('and')", ast.Not: "a negation", ast.Pred: "a literal",
        ast.Compare: "a comparison", ast.BoolConst: "a truth value",
    }
    return names.get(type(node), type(node).__name__)


def is_numeric_sort(sort: str | None) -> bool:
    return sort in NUMERIC_SORTS


def describe_source(source) -> str:
    """How an error or explanation names a rule (``rule adult (lending.rules:12)``) or statement."""
    where = getattr(source, "where", None)
    if where is not None:
        kind = "fact" if getattr(source, "is_fact", False) else "rule"
        return f"{kind} {source.name} ({where})"
    label = getattr(source, "label", None) or str(source)
    text = getattr(source, "text", None)
    return f"{label} ({text!r})" if text else label
