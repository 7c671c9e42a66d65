"""The logical form as an immutable tree.

Terms denote individuals or numbers; formulas denote truth values. Every node is a
frozen dataclass, so trees can be hashed, compared and shared freely. Nodes may carry
the source ``span`` they were parsed from; spans are ignored by equality and hashing,
so ``parse(print(ast)) == ast`` compares structure only.

Constructors validate shape (an ``And`` has at least two conjuncts, names are
identifiers, numbers are non-negative finite decimals) but never normalise: ``And(p, p)``
stays as written. Normalisation lives in explicit functions (see ``arith``).
"""

from __future__ import annotations

import re
import dataclasses
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Iterator, Union

__all__ = [
    "Span", "Node", "Term", "Formula",
    "Const", "Var", "Num", "FuncApp", "Neg", "Arith",
    "Pred", "Compare", "BoolConst", "Not", "And", "Or", "Xor", "Implies", "Iff",
    "Binder", "Forall", "Exists", "Quantifier",
    "ARITH_OPS", "COMPARE_OPS", "KEYWORDS", "is_identifier",
    "children", "walk", "free_names", "constant_names", "map_children",
]

ARITH_OPS = ("+", "-", "*", "/")
COMPARE_OPS = ("=", "!=", "<", "<=", ">", ">=")
KEYWORDS = frozenset({"forall", "exists", "not", "and", "or", "xor", "true", "false"})
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


def is_identifier(name: str) -> bool:
    """True when ``name`` can be written as a symbol in the LF (and is no keyword)."""
    return bool(_IDENTIFIER.match(name)) and name not in KEYWORDS


@dataclass(frozen=True, slots=True)
class Span:
    """Where a node came from: 1-based line and column of its first and last character."""

    line: int
    column: int
    end_line: int
    end_column: int
    start_pos: int = 0
    end_pos: int = 0


def _span_field():
    return field(default=None, compare=False, repr=False, kw_only=True)


def _check_name(kind: str, name: str) -> None:
    if not isinstance(name, str) or not is_identifier(name):
        raise ValueError(f"{kind} name must be an identifier that is not a keyword, got {name!r}")


def _check_all(kind: str, items, cls) -> None:
    for item in items:
        if not isinstance(item, cls):
            raise TypeError(f"{kind} expects {cls.__name__} children, got {type(item).__name__}")


class Node:
    """Base of every LF node."""

    __slots__ = ()


class Term(Node):
    """A term: something that denotes an individual or a number."""

    __slots__ = ()


class Formula(Node):
    """A formula: something that is true or false."""

    __slots__ = ()


# ---------------------------------------------------------------- terms


@dataclass(frozen=True, slots=True)
class Const(Term):
    """A named individual (``alice``), or a 0-ary function such as ``budget``."""

    name: str
    span: Span | None = _span_field()

    def __post_init__(self) -> None:
        _check_name("constant", self.name)


@dataclass(frozen=True, slots=True)
class Var(Term):
    """A variable bound by an enclosing quantifier."""

    name: str
    span: Span | None = _span_field()

    def __post_init__(self) -> None:
        _check_name("variable", self.name)


@dataclass(frozen=True, slots=True)
class Num(Term):
    """A non-negative number literal. ``real`` marks a literal written with a point (``2.0``).

    The value is exact (a Fraction) and must be a finite decimal, so that printing it
    and parsing it back gives the same literal. Negative numbers are ``Neg(Num(...))``.
    """

    value: Fraction
    real: bool = False
    span: Span | None = _span_field()

    def __post_init__(self) -> None:
        value = self.value
        if isinstance(value, bool) or not isinstance(value, (int, Fraction)):
            raise TypeError(f"number literal must be an int or Fraction, got {value!r}")
        value = Fraction(value)
        if value < 0:
            raise ValueError("number literals are non-negative; write Neg(Num(...))")
        denominator = value.denominator
        for prime in (2, 5):
            while denominator % prime == 0:
                denominator //= prime
        if denominator != 1:
            raise ValueError(f"number literal {value} has no finite decimal expansion")
        if not self.real and value.denominator != 1:
            raise ValueError(f"integer literal expected, got {value}; set real=True")
        object.__setattr__(self, "value", value)


@dataclass(frozen=True, slots=True)
class FuncApp(Term):
    """A function applied to terms: ``age(alice)``."""

    name: str
    args: tuple[Term, ...]
    span: Span | None = _span_field()

    def __post_init__(self) -> None:
        _check_name("function", self.name)
        object.__setattr__(self, "args", tuple(self.args))
        if not self.args:
            raise ValueError(f"function application {self.name}() needs arguments; use Const")
        _check_all("function application", self.args, Term)


@dataclass(frozen=True, slots=True)
class Neg(Term):
    """Arithmetic negation ``-t``."""

    arg: Term
    span: Span | None = _span_field()

    def __post_init__(self) -> None:
        _check_all("negation", (self.arg,), Term)


@dataclass(frozen=True, slots=True)
class Arith(Term):
    """A binary arithmetic operation ``left op right`` with op in ``+ - * /``."""

    op: str
    left: Term
    right: Term
    span: Span | None = _span_field()

    def __post_init__(self) -> None:
        if self.op not in ARITH_OPS:
            raise ValueError(f"arithmetic operator must be one of {ARITH_OPS}, got {self.op!r}")
        _check_all("arithmetic", (self.left, self.right), Term)


# ---------------------------------------------------------------- formulas


@dataclass(frozen=True, slots=True)
class Pred(Formula):
    """A predicate applied to terms, ``adult(alice)``; with no arguments, a proposition."""

    name: str
    args: tuple[Term, ...] = ()
    span: Span | None = _span_field()

    def __post_init__(self) -> None:
        _check_name("predicate", self.name)
        object.__setattr__(self, "args", tuple(self.args))
        _check_all("predicate", self.args, Term)


@dataclass(frozen=True, slots=True)
class Compare(Formula):
    """A comparison ``left op right`` with op in ``= != < <= > >=``."""

    op: str
    left: Term
    right: Term
    span: Span | None = _span_field()

    def __post_init__(self) -> None:
        if self.op not in COMPARE_OPS:
            raise ValueError(f"comparison must be one of {COMPARE_OPS}, got {self.op!r}")
        _check_all("comparison", (self.left, self.right), Term)


@dataclass(frozen=True, slots=True)
class BoolConst(Formula):
    """``true`` or ``false``."""

    value: bool
    span: Span | None = _span_field()

    def __post_init__(self) -> None:
        if not isinstance(self.value, bool):
            raise TypeError(f"BoolConst takes a bool, got {self.value!r}")


@dataclass(frozen=True, slots=True)
class Not(Formula):
    arg: Formula
    span: Span | None = _span_field()

    def __post_init__(self) -> None:
        _check_all("not", (self.arg,), Formula)


@dataclass(frozen=True, slots=True)
class And(Formula):
    """An n-ary conjunction (at least two conjuncts)."""

    args: tuple[Formula, ...]
    span: Span | None = _span_field()

    def __post_init__(self) -> None:
        object.__setattr__(self, "args", tuple(self.args))
        if len(self.args) < 2:
            raise ValueError("And needs at least two conjuncts")
        _check_all("and", self.args, Formula)


@dataclass(frozen=True, slots=True)
class Or(Formula):
    """An n-ary disjunction (at least two disjuncts)."""

    args: tuple[Formula, ...]
    span: Span | None = _span_field()

    def __post_init__(self) -> None:
        object.__setattr__(self, "args", tuple(self.args))
        if len(self.args) < 2:
            raise ValueError("Or needs at least two disjuncts")
        _check_all("or", self.args, Formula)


@dataclass(frozen=True, slots=True)
class Xor(Formula):
    """Exclusive or; left-associative when chained."""

    left: Formula
    right: Formula
    span: Span | None = _span_field()

    def __post_init__(self) -> None:
        _check_all("xor", (self.left, self.right), Formula)


@dataclass(frozen=True, slots=True)
class Implies(Formula):
    """``left -> right``; right-associative when chained."""

    left: Formula
    right: Formula
    span: Span | None = _span_field()

    def __post_init__(self) -> None:
        _check_all("->", (self.left, self.right), Formula)


@dataclass(frozen=True, slots=True)
class Iff(Formula):
    """``left <-> right``; right-associative when chained."""

    left: Formula
    right: Formula
    span: Span | None = _span_field()

    def __post_init__(self) -> None:
        _check_all("<->", (self.left, self.right), Formula)


@dataclass(frozen=True, slots=True)
class Binder:
    """A variable introduced by a quantifier, with its sort when one is written."""

    name: str
    sort: str | None = None
    span: Span | None = _span_field()

    def __post_init__(self) -> None:
        _check_name("variable", self.name)
        if self.sort is not None:
            _check_name("sort", self.sort)


@dataclass(frozen=True, slots=True)
class Forall(Formula):
    binders: tuple[Binder, ...]
    body: Formula
    span: Span | None = _span_field()

    def __post_init__(self) -> None:
        _check_binders(self)


@dataclass(frozen=True, slots=True)
class Exists(Formula):
    binders: tuple[Binder, ...]
    body: Formula
    span: Span | None = _span_field()

    def __post_init__(self) -> None:
        _check_binders(self)


Quantifier = Union[Forall, Exists]


def _check_binders(node) -> None:
    object.__setattr__(node, "binders", tuple(node.binders))
    if not node.binders:
        raise ValueError("a quantifier binds at least one variable")
    _check_all("quantifier", node.binders, Binder)
    names = [b.name for b in node.binders]
    if len(set(names)) != len(names):
        raise ValueError(f"a quantifier binds each variable once, got {names}")
    _check_all("quantifier body", (node.body,), Formula)


# ---------------------------------------------------------------- traversal


def children(node: Node) -> tuple[Node, ...]:
    """The direct sub-terms and sub-formulas of a node, left to right."""
    if isinstance(node, (Const, Var, Num, BoolConst)):
        return ()
    if isinstance(node, (FuncApp, Pred)):
        return node.args
    if isinstance(node, (Neg, Not)):
        return (node.arg,)
    if isinstance(node, (Arith, Compare, Xor, Implies, Iff)):
        return (node.left, node.right)
    if isinstance(node, (And, Or)):
        return node.args
    if isinstance(node, (Forall, Exists)):
        return (node.body,)
    raise TypeError(f"not an LF node: {node!r}")


def walk(node: Node) -> Iterator[Node]:
    """Every node of the tree, parents before children."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(children(current)))


def free_names(node: Node) -> frozenset[str]:
    """Names of the constants, functions and predicates a formula mentions."""
    return frozenset(n.name for n in walk(node) if isinstance(n, (Const, FuncApp, Pred)))


def constant_names(node: Node) -> frozenset[str]:
    """Names of the constants a formula mentions."""
    return frozenset(n.name for n in walk(node) if isinstance(n, Const))


def map_children(node: Node, transform) -> Node:
    """``node`` rebuilt with ``transform`` applied to each direct child node.

    The seam for tree rewrites (renamings, substitutions): a rewrite handles the nodes it
    cares about and hands every other node to ``map_children``. Returns ``node`` itself
    when no child changed; spans are kept.
    """
    changes = {}
    for f in dataclasses.fields(node):
        value = getattr(node, f.name)
        if isinstance(value, Node):
            new = transform(value)
            if new is not value:
                changes[f.name] = new
        elif isinstance(value, tuple) and value and isinstance(value[0], Node):
            new_items = tuple(transform(item) for item in value)
            if any(a is not b for a, b in zip(new_items, value)):
                changes[f.name] = new_items
    return dataclasses.replace(node, **changes) if changes else node
