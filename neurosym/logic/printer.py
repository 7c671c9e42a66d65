"""Prints LF trees as text: canonical ASCII LF, Unicode LF, and LaTeX for people.

Each target is one printer class whose methods are the cases of a per-node dispatch
over the same AST (``Const`` -> ``_const``, ``And`` -> ``_and``, ...). The ASCII and
Unicode printers differ only in their symbol tables; the LaTeX printer overrides the
cases whose shape differs (division as ``\\frac``, names in ``\\mathrm``).

Parentheses are minimal, following the precedence table of grammars/logic.lark:

    quantifier < <-> < -> < xor < or < and < not < comparison < + - < * / < unary - < atom

- ``and``/``or`` are n-ary, so an ``And`` directly inside an ``And`` is parenthesised
  (otherwise it would re-parse as one flat conjunction); likewise ``Or`` in ``Or``.
- ``xor`` and the arithmetic operators are left-associative: a right operand of the
  same precedence is parenthesised. ``->`` and ``<->`` are right-associative: a left
  operand of the same precedence is parenthesised.
- A quantifier under any operator is parenthesised, since its body would otherwise
  swallow everything to its right: ``(forall x. p(x)) and q``.

Round trip. For every *well-scoped* tree ``a``, ``parse_formula(to_text(a)) == a`` (and
``parse_term`` for terms), and the same holds for ``to_unicode``. Well-scoped means:

1. every ``Var`` lies inside a quantifier that binds its name, and
2. no ``Const``, ``FuncApp`` or ``Pred`` lies inside a quantifier binding its name
   (the parser would read such a name as the variable).

Ill-scoped input. Rule 2 broken ("capture") cannot be written in the LF at all, so
``to_text`` and ``to_unicode`` raise ``ValueError``. A free ``Var`` (rule 1 broken) is
printed as its name: this is what printing a sub-formula of a quantified formula needs
(``age(a) >= 18`` out of ``forall a. age(a) >= 18``); the text re-parses to the same
tree when the names are bound while parsing (``ASTBuilder(...).formula(tree, bound)``),
and to a ``Const`` otherwise. ``to_latex`` is for people and checks nothing. A tree
nested so deeply that printing it would exhaust Python's stack raises ``ValueError``;
the parser never builds one (see ``parser.MAX_DEPTH``).

>>> from neurosym.logic.parser import parse_formula
>>> to_text(parse_formula("∀x (Drinks(x) → Dependent(x))"))
'forall x. Drinks(x) -> Dependent(x)'
>>> to_unicode(parse_formula("forall x. Drinks(x) -> Dependent(x)"))
'∀x. Drinks(x) → Dependent(x)'
"""

from __future__ import annotations

from fractions import Fraction

from . import ast

__all__ = ["to_text", "to_unicode", "to_latex", "format_number"]


def to_text(node: ast.Node) -> str:
    """Canonical ASCII LF for a formula or term, with minimal parentheses.

    >>> from neurosym.logic.ast import And, Or, Pred
    >>> to_text(And((Pred("p"), Or((Pred("q"), Pred("r"))))))
    'p and (q or r)'
    """
    return _TEXT.print(node)


def to_unicode(node: ast.Node) -> str:
    """LF with the Unicode symbols ¬ ∧ ∨ ⊕ → ↔ ∀ ∃ ≠ ≤ ≥; parses back like ``to_text``."""
    return _UNICODE.print(node)


def to_latex(node: ast.Node) -> str:
    """LaTeX (math mode, without the dollars) for showing a formula or term to people.

    >>> from neurosym.logic.parser import parse_formula
    >>> to_latex(parse_formula("forall x. p(x) -> q(x)"))
    '\\\\forall x.\\\\, \\\\mathrm{p}(x) \\\\rightarrow \\\\mathrm{q}(x)'
    """
    return _LATEX.print(node)


def format_number(value: Fraction, *, real: bool) -> str:
    """An exact decimal literal: ``17`` for an integer, ``17.0`` or ``2.5`` for a real.

    The value must have a finite decimal expansion (``Num`` guarantees it).
    """
    value = Fraction(value)
    sign = "-" if value < 0 else ""
    value = abs(value)
    if value.denominator == 1:
        whole = str(value.numerator)
        return sign + (whole + ".0" if real else whole)
    # The denominator is 2^a * 5^b: scale by 10^max(a, b) to get the digits exactly.
    places, scale = 0, 1
    while (value * scale).denominator != 1:
        places += 1
        scale *= 10
        if places > 10_000:
            raise ValueError(f"{value} has no finite decimal expansion")
    digits = str((value * scale).numerator).rjust(places + 1, "0")
    return f"{sign}{digits[:-places]}.{digits[-places:]}"


# Precedence levels, loosest first; a child printed at a level lower than its slot
# requires gets parentheses.
QUANTIFIER, IFF, IMPLIES, XOR, OR, AND, NOT, COMPARE, SUM, PRODUCT, MINUS, ATOM = range(12)

_ARITH_LEVEL = {"+": SUM, "-": SUM, "*": PRODUCT, "/": PRODUCT}


class _Printer:
    """Infix printer for LF text; subclasses change symbols or override node cases.

    Every case returns ``(text, level)``: the level is the precedence of the text's
    outermost construct, which the parent compares with what its slot accepts.
    """

    symbols = {
        "not": "not ", "and": " and ", "or": " or ", "xor": " xor ", "->": " -> ",
        "<->": " <-> ", "forall": "forall ", "exists": "exists ",
        "=": " = ", "!=": " != ", "<": " < ", "<=": " <= ", ">": " > ", ">=": " >= ",
        "+": " + ", "-": " - ", "*": " * ", "/": " / ",
        "true": "true", "false": "false", "neg": "-", "sort": ": ", "dot": ". ",
    }
    check_scopes = True

    def print(self, node: ast.Node) -> str:
        try:
            return self.visit(node, frozenset())[0]
        except RecursionError:
            # Only hand-built trees get here: the parser refuses anything this deep.
            raise ValueError("the formula is nested too deeply to print") from None

    def visit(self, node: ast.Node, bound: frozenset[str]) -> tuple[str, int]:
        method = getattr(self, _CASES.get(type(node), ""), None)
        if method is None:
            raise TypeError(f"not an LF node: {node!r}")
        return method(node, bound)

    def child(self, node: ast.Node, bound: frozenset[str], min_level: int) -> str:
        """Print ``node`` in a slot that accepts ``min_level`` or tighter, adding parentheses."""
        text, level = self.visit(node, bound)
        return text if level >= min_level else self.parenthesize(text)

    def parenthesize(self, text: str) -> str:
        return f"({text})"

    # ---------------------------------------------------------------- names

    def symbol_name(self, name: str, kind: str, bound: frozenset[str]) -> str:
        """How a constant, function or predicate name is written."""
        if self.check_scopes and name in bound:
            raise ValueError(
                f"cannot print the {kind} {name!r} inside a quantifier binding {name!r}: "
                "the LF would read it as the variable (rename the variable)")
        return name

    def variable_name(self, name: str) -> str:
        return name

    def sort_name(self, name: str) -> str:
        return name

    def number(self, node: ast.Num) -> str:
        return format_number(node.value, real=node.real)

    def arguments(self, args, bound: frozenset[str]) -> str:
        return "(" + ", ".join(self.child(a, bound, QUANTIFIER) for a in args) + ")"

    # ---------------------------------------------------------------- terms

    def _const(self, node: ast.Const, bound):
        return self.symbol_name(node.name, "constant", bound), ATOM

    def _var(self, node: ast.Var, bound):
        return self.variable_name(node.name), ATOM

    def _num(self, node: ast.Num, bound):
        return self.number(node), ATOM

    def _func_app(self, node: ast.FuncApp, bound):
        return self.symbol_name(node.name, "function", bound) + self.arguments(node.args, bound), ATOM

    def _neg(self, node: ast.Neg, bound):
        # "-(-x)" rather than "--x": reads better and cannot be mistaken for a comment
        # or another token.
        inner = node.arg
        min_level = ATOM if isinstance(inner, ast.Neg) else MINUS
        return self.symbols["neg"] + self.child(inner, bound, min_level), MINUS

    def _arith(self, node: ast.Arith, bound):
        level = _ARITH_LEVEL[node.op]
        left = self.child(node.left, bound, level)
        right = self.child(node.right, bound, level + 1)  # left-associative
        return left + self.symbols[node.op] + right, level

    # ---------------------------------------------------------------- formulas

    def _pred(self, node: ast.Pred, bound):
        name = self.symbol_name(node.name, "predicate", bound)
        return (name + self.arguments(node.args, bound) if node.args else name), ATOM

    def _compare(self, node: ast.Compare, bound):
        left = self.child(node.left, bound, SUM)
        right = self.child(node.right, bound, SUM)
        return left + self.symbols[node.op] + right, COMPARE

    def _bool_const(self, node: ast.BoolConst, bound):
        return self.symbols["true" if node.value else "false"], ATOM

    def _not(self, node: ast.Not, bound):
        return self.symbols["not"] + self.child(node.arg, bound, NOT), NOT

    def _and(self, node: ast.And, bound):
        return self.symbols["and"].join(self.child(a, bound, AND + 1) for a in node.args), AND

    def _or(self, node: ast.Or, bound):
        return self.symbols["or"].join(self.child(a, bound, OR + 1) for a in node.args), OR

    def _xor(self, node: ast.Xor, bound):
        left = self.child(node.left, bound, XOR)
        right = self.child(node.right, bound, XOR + 1)
        return left + self.symbols["xor"] + right, XOR

    def _implies(self, node: ast.Implies, bound):
        left = self.child(node.left, bound, IMPLIES + 1)
        right = self.child(node.right, bound, IMPLIES)
        return left + self.symbols["->"] + right, IMPLIES

    def _iff(self, node: ast.Iff, bound):
        left = self.child(node.left, bound, IFF + 1)
        right = self.child(node.right, bound, IFF)
        return left + self.symbols["<->"] + right, IFF

    def _quantifier(self, node, bound):
        keyword = self.symbols["forall" if isinstance(node, ast.Forall) else "exists"]
        binders = ", ".join(self.binder(b) for b in node.binders)
        inner = bound | {b.name for b in node.binders}
        body = self.child(node.body, inner, QUANTIFIER)
        return keyword + binders + self.symbols["dot"] + body, QUANTIFIER

    def binder(self, binder: ast.Binder) -> str:
        name = self.variable_name(binder.name)
        if binder.sort is None:
            return name
        return name + self.symbols["sort"] + self.sort_name(binder.sort)


_CASES = {
    ast.Const: "_const", ast.Var: "_var", ast.Num: "_num", ast.FuncApp: "_func_app",
    ast.Neg: "_neg", ast.Arith: "_arith", ast.Pred: "_pred", ast.Compare: "_compare",
    ast.BoolConst: "_bool_const", ast.Not: "_not", ast.And: "_and", ast.Or: "_or",
    ast.Xor: "_xor", ast.Implies: "_implies", ast.Iff: "_iff",
    ast.Forall: "_quantifier", ast.Exists: "_quantifier",
}


class _UnicodePrinter(_Printer):
    """LF with the Unicode connectives; the grammar accepts both spellings."""

    symbols = {
        **_Printer.symbols,
        "not": "¬", "and": " ∧ ", "or": " ∨ ", "xor": " ⊕ ", "->": " → ", "<->": " ↔ ",
        "forall": "∀", "exists": "∃", "!=": " ≠ ", "<=": " ≤ ", ">=": " ≥ ",
    }


class _LatexPrinter(_Printer):
    """LaTeX math for people: symbols in roman, variables in italics, ``\\frac`` for ``/``."""

    symbols = {
        **_Printer.symbols,
        "not": "\\neg ", "and": " \\land ", "or": " \\lor ", "xor": " \\oplus ",
        "->": " \\rightarrow ", "<->": " \\leftrightarrow ",
        "forall": "\\forall ", "exists": "\\exists ",
        "!=": " \\neq ", "<=": " \\leq ", ">=": " \\geq ", "*": " \\cdot ",
        "true": "\\top", "false": "\\bot", "sort": " \\in ", "dot": ".\\, ",
    }
    check_scopes = False

    def symbol_name(self, name: str, kind: str, bound: frozenset[str]) -> str:
        return "\\mathrm{" + _escape(name) + "}"

    def variable_name(self, name: str) -> str:
        return name if len(name) == 1 else "\\mathit{" + _escape(name) + "}"

    def sort_name(self, name: str) -> str:
        return "\\mathrm{" + _escape(name) + "}"

    def _arith(self, node: ast.Arith, bound):
        if node.op != "/":
            return super()._arith(node, bound)
        # A fraction bar groups its operands itself: no parentheses inside, none around.
        numerator = self.child(node.left, bound, QUANTIFIER)
        denominator = self.child(node.right, bound, QUANTIFIER)
        return "\\frac{" + numerator + "}{" + denominator + "}", ATOM


def _escape(name: str) -> str:
    return name.replace("_", "\\_")


_TEXT = _Printer()
_UNICODE = _UnicodePrinter()
_LATEX = _LatexPrinter()
