"""Claims under chaining semantics: their parts, how each part fares, and what was missing.

A claim is judged part by part: a literal, a comparison or a truth value, all of which
must hold. Each part comes out true, false, or undecided (directional only), with the
facts that support the answer. In the closed world a part can be false because nothing
derives it; then ``missing`` names what was not derivable, and ``clauses_concluding``
finds the rules that could have derived it, for the explanation.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ..errors import SemanticsError
from ..logic import ast
from .chaining_engine import Chainer, Clause
from .chaining_explain import key_text
from .chaining_rules import (
    TERM, VAR, Pattern, Test, Unsupported, ValueHead, describe_source, negated_op, slot_of,
)
from .result import Statement

__all__ = ["Claim", "claim_of", "Judged", "judge_part", "clauses_concluding", "not_derivable"]


@dataclass(frozen=True)
class Claim:
    """A claim as ground parts, literals, comparisons and truth values, that must all hold."""

    statement: Statement
    parts: tuple[Pattern | Test | bool, ...]


def claim_of(statement: Statement, semantics: str) -> Claim:
    """The parts of a claim; SemanticsError when it is not a conjunction of literals and comparisons."""
    try:
        return Claim(statement, _parts(statement.formula))
    except Unsupported as exc:
        raise SemanticsError(f"{describe_source(statement)} cannot be judged under {semantics} "
                             f"semantics: {exc}; these semantics judge literals, comparisons and "
                             "conjunctions of them") from None


_KINDS = {ast.Or: "a disjunction", ast.Exists: "an existential", ast.Forall: "a universal",
          ast.Implies: "an implication", ast.Iff: "an equivalence", ast.Xor: "an exclusive or",
          ast.Not: "a negated compound formula"}


@functools.lru_cache(maxsize=4096)
def _parts(formula: ast.Formula) -> tuple:
    if isinstance(formula, ast.And):
        return tuple(part for arg in formula.args for part in _parts(arg))
    if isinstance(formula, ast.Pred):
        return (Pattern(True, formula.name, tuple(slot_of(arg) for arg in formula.args)),)
    if isinstance(formula, ast.Compare):
        return (Test(formula.op, formula.left, formula.right),)
    if isinstance(formula, ast.BoolConst):
        return (formula.value,)
    if isinstance(formula, ast.Not):
        inner = formula.arg
        if isinstance(inner, ast.Pred):
            return (Pattern(False, inner.name, tuple(slot_of(arg) for arg in inner.args)),)
        if isinstance(inner, ast.Compare):
            return (Test(negated_op(inner.op), inner.left, inner.right),)
        if isinstance(inner, ast.BoolConst):
            return (not inner.value,)
        if isinstance(inner, ast.Not):
            return _parts(inner.arg)
    raise Unsupported(f"the claim is {_KINDS.get(type(formula), type(formula).__name__)}")


@dataclass(frozen=True)
class Judged:
    """How one part of a claim fared: true, false or undecided (None), and why.

    ``support`` lists the fact keys whose proofs back the answer; ``missing`` is, in the
    closed world, what was not derivable: ("atom", key) or ("value", part).
    """

    truth: bool | None
    support: tuple = ()
    missing: tuple | None = None


def judge_part(engine: Chainer, part, naf: bool) -> Judged:
    """Judge one part against what the chainer derived (``naf``: closed world)."""
    if isinstance(part, bool):
        return Judged(part)
    used: list = []
    if isinstance(part, Test):
        if engine.holds(part, {}, used):
            return Judged(True, tuple(used))
        negation = Test(negated_op(part.op), part.left, part.right)
        if engine.holds(negation, {}, used):
            return Judged(False, tuple(used))
        return Judged(False if naf else None, (), ("value", part))
    args = engine.arguments(part.slots, {}, used)
    if args is None:
        return Judged(False if naf else None, (), ("value", part))
    known = engine.known
    key = (part.positive, part.pred, args)
    complement = (not part.positive, part.pred, args)
    if not naf:
        if key in known:
            return Judged(True, (*used, key))
        if complement in known:
            return Judged(False, (*used, complement))
        return Judged(None)
    atom, negative = (True, part.pred, args), (False, part.pred, args)
    if atom in known:
        return Judged(part.positive, (*used, atom))
    if negative in known:  # stated as a negative fact (an integrity constraint)
        return Judged(not part.positive, (*used, negative))
    return Judged(not part.positive, (), ("atom", atom))


def clauses_concluding(clauses, missing: tuple) -> list[Clause]:
    """The clauses whose conclusions could have made a missing literal or value known."""
    kind, item = missing
    if kind == "atom":
        return [c for c in clauses if isinstance(c.shape.head, Pattern) and c.shape.head.positive
                and c.shape.head.pred == item[1] and _could_match(c.shape.head.slots, item[2])]
    terms = (item.left, item.right) if isinstance(item, Test) else \
        tuple(arg for kind, arg in item.slots if kind == TERM)
    names = {node.name for term in terms for node in ast.walk(term)
             if isinstance(node, (ast.FuncApp, ast.Const))}
    return [c for c in clauses if isinstance(c.shape.head, ValueHead) and c.shape.head.func in names]


def not_derivable(clauses, missing: tuple) -> str:
    """A sentence on why a missing literal or value counts as false in the closed world."""
    kind, item = missing
    subject = key_text(item) if kind == "atom" else "a value the claim reads"
    if not clauses_concluding(clauses, missing):
        return f"{subject} is not derivable: no rule concludes it and no fact states it"
    return f"{subject} is not derivable: no rule that concludes it applies"


def _could_match(slots, args: tuple) -> bool:
    """Whether a conclusion's arguments could take the values ``args``."""
    bound: dict = {}
    for (kind, item), value in zip(slots, args):
        if kind == TERM:
            continue
        if kind == VAR:
            if bound.setdefault(item, value) != value:
                return False
        elif item != value:
            return False
    return True
