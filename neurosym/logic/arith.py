"""Normalises the arithmetic inside LF terms and formulas, with sympy.

Normalisation lives in these explicit functions, never in the AST constructors, so a
parsed formula stays exactly as written until someone asks for its normal form.

``normalize_term`` folds constants and writes a term in a linear normal form: like
terms collected, monomials in a fixed order (by degree, then alphabetically by their
printed atoms, the constant last), products of sums multiplied out while that stays small (at most
``EXPANSION_LIMIT`` monomials), non-linear products kept as products.

    >>> from neurosym.logic.parser import parse_formula, parse_term
    >>> from neurosym.logic.printer import to_text
    >>> to_text(normalize_term(parse_term("2 * (y + 3) - y + x - 1")))
    'x + y + 5'
    >>> to_text(normalize_formula(parse_formula("forall a. age(a) + 2 >= 20 -> adult(a)")))
    'forall a. age(a) >= 18 -> adult(a)'

Every rewrite is exactly equivalent over both Int and Real, whichever sorts the
symbols turn out to have, because the normaliser does not know them:

- ``+ - *`` are ring operations: collecting, cancelling and moving terms across a
  comparison (``t + 2 >= 20`` to ``t >= 18``) is exact over Int and Real alike.
  Comparisons are never divided through by a coefficient (``2 * x >= 5`` stays),
  since that would turn an Int constraint into one with a fraction in it.
- ``/`` is integer division over Int and real division over Real, and ``t / 0`` is
  unspecified. So a quotient is an opaque atom (its operands normalised inside), and
  only these are evaluated: a quotient of two constants when it is a whole number
  (``6 / 3`` is 2, ``7 / 2`` stays), any quotient by 1 or -1, and division by a
  non-zero constant when a decimal literal on the arithmetic spine makes the division
  real (``x / 2.0`` becomes ``0.5 * x``; ``x / 2`` stays). Division by zero stays.
- Function applications, constants and variables are atoms; two equal atoms have
  equal values, so ``f(a) - f(a)`` is 0.

Results are valid ASTs: numbers are non-negative ``Num`` with ``Neg`` for negatives,
and they are decimal (``real``) when the input had a decimal literal in the same
arithmetic expression, so ``x + 0.5 + 0.5`` becomes ``x + 1.0``. A node that
normalises to itself is returned as is, source span included.
"""

from __future__ import annotations

import functools
import re
from fractions import Fraction
from typing import Mapping

import sympy

from . import ast
from .printer import _Printer, to_text

__all__ = [
    "normalize_term", "normalize_formula", "to_sympy", "from_sympy", "EXPANSION_LIMIT",
]

# Products of sums are multiplied out only while the result has at most this many
# monomials: (a + b) * (c + d) yes, a product of twenty sums (2**20 monomials) no.
EXPANSION_LIMIT = 64


# ---------------------------------------------------------------- public functions


def normalize_term(term: ast.Term) -> ast.Term:
    """The linear normal form of a term, with constants folded.

    >>> from neurosym.logic.parser import parse_term
    >>> from neurosym.logic.printer import to_text
    >>> to_text(normalize_term(parse_term("b * a + 3 * b + a * b - 1.5 - 0.5")))
    '3.0 * b + 2.0 * a * b - 2.0'
    """
    atoms: dict[str, ast.Term] = {}
    expr = _expand(_Translator(atoms).term(term))
    result = from_sympy(expr, real=_is_real_valued(term), atoms=atoms)
    return term if result == term else result


def normalize_formula(formula: ast.Formula) -> ast.Formula:
    """Normalise every term of a formula, and every comparison as a whole.

    A comparison ``l op r`` becomes ``P op N - k``: the monomials of ``l - r`` with a
    positive coefficient on the left, those with a negative one on the right, and the
    constant moved to the right. When no monomial is positive it becomes ``k op N``,
    and a comparison of constants becomes ``true`` or ``false``.

    >>> from neurosym.logic.parser import parse_formula
    >>> from neurosym.logic.printer import to_text
    >>> to_text(normalize_formula(parse_formula("20 <= age(a) + 2 and x - y > 0 and 1 + 1 = 2")))
    '18 <= age(a) and x > y and true'
    """
    result = _normalize_formula(formula)
    return formula if result == formula else result


def to_sympy(term: ast.Term) -> sympy.Expr:
    """The sympy expression of an LF term.

    Atoms become symbols named by their LF text, variables marked with ``?`` so that
    the variable ``x`` and the constant ``x`` differ: ``age(a)`` is
    ``Symbol("age(a)")``, the bound ``x`` is ``Symbol("?x")``. Quotients that cannot be
    evaluated exactly are atoms too (see the module docstring), so ``to_sympy`` never
    introduces sympy's real division.

    >>> from neurosym.logic.parser import parse_term
    >>> to_sympy(parse_term("age(a) + 2 * b - b"))
    age(a) + b
    """
    return _Translator({}).term(term)


def from_sympy(expr: sympy.Expr, *, real: bool = False,
               atoms: Mapping[str, ast.Term] | None = None) -> ast.Term:
    """The LF term of a sympy expression, in normal order (see ``normalize_term``).

    Symbols are read back by name (``atoms`` may map names to the nodes to use instead).
    Numbers become ``Num`` literals, decimal when ``real`` is set or the value is not
    whole; a rational that is no finite decimal, like 1/3, becomes a quotient. Only
    sums, products, whole powers, numbers and symbols can be expressed; anything else
    raises ``ValueError``.
    """
    return _Builder(real, atoms or {}).expr(sympy.sympify(expr))


# ---------------------------------------------------------------- LF -> sympy


class _SymbolNamePrinter(_Printer):
    """LF text of an atom with variables marked ``?x``: one name per atom, both ways."""

    check_scopes = False

    def variable_name(self, name: str) -> str:
        return "?" + name


_SYMBOL_NAMES = _SymbolNamePrinter()


class _Translator:
    """LF term -> sympy expression, recording which node each symbol stands for."""

    def __init__(self, atoms: dict[str, ast.Term]) -> None:
        self.atoms = atoms

    def term(self, term: ast.Term) -> sympy.Expr:
        if isinstance(term, ast.Num):
            return sympy.Rational(term.value.numerator, term.value.denominator)
        if isinstance(term, ast.Neg):
            return -self.term(term.arg)
        if isinstance(term, ast.Arith):
            if term.op == "/":
                return self.quotient(term)
            left, right = self.term(term.left), self.term(term.right)
            return {"+": left + right, "-": left - right, "*": left * right}[term.op]
        if isinstance(term, ast.FuncApp):
            args = tuple(normalize_term(arg) for arg in term.args)
            return self.atom(term if args == term.args else ast.FuncApp(term.name, args))
        if isinstance(term, (ast.Const, ast.Var)):
            return self.atom(term)
        raise TypeError(f"not an LF term: {term!r}")

    def quotient(self, term: ast.Arith) -> sympy.Expr:
        numerator, denominator = self.term(term.left), self.term(term.right)
        if denominator.is_Number and denominator != 0:
            if denominator in (1, -1):
                return numerator * denominator
            real = _is_real_valued(term)
            if numerator.is_Number:
                value = numerator / denominator
                if value.is_Integer or (real and _is_finite_decimal(value)):
                    return value
            elif real and _is_finite_decimal(1 / denominator):
                return numerator / denominator
        # Opaque: Int division, or division by zero. Keep it, normalised inside.
        real = _is_real_valued(term)
        parts = (from_sympy(_expand(numerator), real=real, atoms=self.atoms),
                 from_sympy(_expand(denominator), real=real, atoms=self.atoms))
        same = parts == (term.left, term.right)
        return self.atom(term if same else ast.Arith("/", *parts))

    def atom(self, node: ast.Term) -> sympy.Symbol:
        name = _SYMBOL_NAMES.print(node)
        self.atoms.setdefault(name, node)
        return sympy.Symbol(name)


def _is_real_valued(term: ast.Term) -> bool:
    """True when a decimal literal on the arithmetic spine makes the expression Real."""
    if isinstance(term, ast.Num):
        return term.real
    if isinstance(term, ast.Neg):
        return _is_real_valued(term.arg)
    if isinstance(term, ast.Arith):
        return _is_real_valued(term.left) or _is_real_valued(term.right)
    return False  # an atom's sort is unknown here


def _is_finite_decimal(value: sympy.Rational) -> bool:
    denominator = int(value.q)
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    return denominator == 1


def _expand(expr: sympy.Expr) -> sympy.Expr:
    """Multiply out products of sums, unless that would make too many monomials."""
    return sympy.expand(expr) if _expansion_size(expr) <= EXPANSION_LIMIT else expr


def _expansion_size(expr: sympy.Expr) -> int:
    """An upper bound on the monomials ``sympy.expand(expr)`` produces (capped)."""
    cap = EXPANSION_LIMIT + 1
    if expr.is_Add:
        return min(cap, sum(_expansion_size(arg) for arg in expr.args))
    if expr.is_Mul:
        size = 1
        for arg in expr.args:
            size = min(cap, size * _expansion_size(arg))
        return size
    if expr.is_Pow and expr.exp.is_Integer and expr.exp > 0:
        base = _expansion_size(expr.base)
        return 1 if base == 1 else min(cap, base ** min(int(expr.exp), 64))
    return 1


# ---------------------------------------------------------------- sympy -> LF


class _Builder:
    """sympy expression -> LF term in normal order."""

    def __init__(self, real: bool, atoms: Mapping[str, ast.Term]) -> None:
        self.real = real
        self.atoms = atoms

    def expr(self, expr: sympy.Expr) -> ast.Term:
        monomials = []  # (sort key, coefficient, factors)
        constant = sympy.Integer(0)
        for monomial, coefficient in expr.as_coefficients_dict().items():
            if monomial == 1:
                constant += coefficient
                continue
            factors, divisors = self.factors(monomial)
            if divisors:
                raise ValueError(f"cannot express {expr} in the LF: negative powers")
            key = (len(factors), tuple(to_text(f) for f in factors))
            monomials.append((key, coefficient, factors))
        monomials.sort(key=lambda item: item[0])
        parts = [(coefficient, factors) for _, coefficient, factors in monomials]
        if constant != 0 or not parts:
            parts.append((constant, []))
        result = None
        for coefficient, factors in parts:
            if result is None:
                result = self.product(coefficient, factors)
            elif coefficient < 0:
                result = ast.Arith("-", result, self.product(-coefficient, factors))
            else:
                result = ast.Arith("+", result, self.product(coefficient, factors))
        return result

    def factors(self, monomial: sympy.Expr) -> tuple[list[ast.Term], list[ast.Term]]:
        """The factors of a monomial with positive and negative powers, in normal order."""
        factors: list[ast.Term] = []
        divisors: list[ast.Term] = []
        for base, exponent in monomial.as_powers_dict().items():
            if not exponent.is_Integer:
                raise ValueError(f"cannot express {monomial} in the LF: power {exponent}")
            node = self.base(base)
            (factors if exponent > 0 else divisors).extend([node] * abs(int(exponent)))
        order = lambda node: to_text(node)  # noqa: E731 - a key, named for what it sorts by
        return sorted(factors, key=order), sorted(divisors, key=order)

    def base(self, base: sympy.Expr) -> ast.Term:
        if base.is_Symbol:
            return self.atoms.get(base.name) or _atom_from_name(base.name)
        if base.is_Add:
            return self.expr(base)
        raise ValueError(f"cannot express {base} in the LF")

    def product(self, coefficient: sympy.Rational, factors: list[ast.Term]) -> ast.Term:
        """``coefficient * f1 * f2 ...`` left-associated; a negative sign goes in front."""
        negative = coefficient < 0
        magnitude = abs(sympy.Rational(coefficient))
        chain: list[ast.Term] = list(factors)
        decimal = _is_finite_decimal(magnitude)
        numerator = magnitude if decimal else sympy.Integer(magnitude.p)
        if numerator != 1 or not chain:
            chain.insert(0, self.number(numerator))
        if negative:
            chain[0] = ast.Neg(chain[0])
        result = chain[0]
        for factor in chain[1:]:
            result = ast.Arith("*", result, factor)
        if not decimal:
            result = ast.Arith("/", result, self.number(sympy.Integer(magnitude.q)))
        return result

    def number(self, value: sympy.Rational) -> ast.Num:
        fraction = Fraction(int(value.p), int(value.q))
        return ast.Num(fraction, real=self.real or fraction.denominator != 1)


_MARKED_VARIABLE = re.compile(r"\?([A-Za-z_][A-Za-z0-9_]*)")


@functools.lru_cache(maxsize=4096)
def _atom_from_name(name: str) -> ast.Term:
    """Read an atom back from its symbol name (LF text, variables marked ``?x``)."""
    from .parser import ASTBuilder, lf_parser  # the parser imports nothing from here

    bound = frozenset(_MARKED_VARIABLE.findall(name))
    text = _MARKED_VARIABLE.sub(r"\1", name)
    try:
        node = ASTBuilder(text, "<sympy symbol>").term(lf_parser().parse(text), bound)
    except Exception as exc:  # a symbol made elsewhere whose name is no LF term
        raise ValueError(f"the sympy symbol {name!r} does not name an LF term") from exc
    return _without_spans(node)


def _without_spans(node):
    """The same tree without source spans (they would point into a symbol's name)."""
    if isinstance(node, (ast.Const, ast.Var)):
        return type(node)(node.name)
    if isinstance(node, ast.Num):
        return ast.Num(node.value, node.real)
    if isinstance(node, ast.FuncApp):
        return ast.FuncApp(node.name, tuple(_without_spans(a) for a in node.args))
    if isinstance(node, ast.Neg):
        return ast.Neg(_without_spans(node.arg))
    if isinstance(node, ast.Arith):
        return ast.Arith(node.op, _without_spans(node.left), _without_spans(node.right))
    raise TypeError(f"not an LF term: {node!r}")  # pragma: no cover - parse_term gives terms


# ---------------------------------------------------------------- formulas


def _normalize_formula(formula: ast.Formula) -> ast.Formula:
    if isinstance(formula, ast.Compare):
        return _normalize_comparison(formula)
    if isinstance(formula, ast.Pred):
        return ast.Pred(formula.name, tuple(normalize_term(a) for a in formula.args), span=formula.span)
    if isinstance(formula, ast.BoolConst):
        return formula
    if isinstance(formula, ast.Not):
        return ast.Not(_normalize_formula(formula.arg), span=formula.span)
    if isinstance(formula, (ast.And, ast.Or)):
        return type(formula)(tuple(_normalize_formula(a) for a in formula.args), span=formula.span)
    if isinstance(formula, (ast.Xor, ast.Implies, ast.Iff)):
        return type(formula)(_normalize_formula(formula.left), _normalize_formula(formula.right),
                             span=formula.span)
    if isinstance(formula, (ast.Forall, ast.Exists)):
        return type(formula)(formula.binders, _normalize_formula(formula.body), span=formula.span)
    raise TypeError(f"not an LF formula: {formula!r}")


_COMPARE = {
    "=": lambda k: k == 0, "!=": lambda k: k != 0, "<": lambda k: k < 0,
    "<=": lambda k: k <= 0, ">": lambda k: k > 0, ">=": lambda k: k >= 0,
}


def _normalize_comparison(comparison: ast.Compare) -> ast.Formula:
    atoms: dict[str, ast.Term] = {}
    translate = _Translator(atoms)
    difference = _expand(translate.term(comparison.left) - translate.term(comparison.right))
    constant, rest = difference.as_coeff_Add()
    if rest == 0:
        return ast.BoolConst(bool(_COMPARE[comparison.op](constant)), span=comparison.span)
    positive, negative = sympy.Integer(0), sympy.Integer(0)
    for monomial in sympy.Add.make_args(rest):
        if monomial.as_coeff_Mul()[0] < 0:
            negative -= monomial
        else:
            positive += monomial
    # difference = positive - negative + constant, and "d op 0" is exactly
    # "positive op negative - constant" over Int and Real.
    if positive != 0:
        left, right = positive, negative - constant
    else:
        left, right = constant, negative
    real = _is_real_valued(comparison.left) or _is_real_valued(comparison.right)
    return ast.Compare(comparison.op, from_sympy(left, real=real, atoms=atoms),
                       from_sympy(right, real=real, atoms=atoms), span=comparison.span)
