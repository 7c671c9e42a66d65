"""Parses LF text (grammars/logic.lark) into the AST of ``neurosym.logic.ast``.

Parsing happens in two steps. Lark's LALR parser builds a concrete tree in which
formulas and terms are both "expressions"; ``ASTBuilder`` then walks that tree top
down, knowing at each point whether a formula or a term is expected and which names
are bound by enclosing quantifiers. So ``p(x)`` becomes a ``Pred`` where a formula is
expected and a ``FuncApp`` where a term is, and ``x`` becomes a ``Var`` inside
``forall x. ...`` and a ``Const`` elsewhere.
"""

from __future__ import annotations

import functools
from fractions import Fraction

from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from ..errors import LogicSyntaxError
from ..resources import grammar_text
from . import ast

__all__ = [
    "parse_formula", "parse_term", "number_node", "lf_parser", "ASTBuilder", "syntax_error_from_lark",
    "MAX_LENGTH", "MAX_DEPTH",
]

# Limits that keep absurd input from exhausting memory or Python's stack: every
# consumer of the AST (builder, printer, type checker, Z3 translation) recurses over it,
# so the parser refuses trees deeper than MAX_DEPTH rather than let one of them die
# with a RecursionError. Real formulas stay far below both limits.
MAX_LENGTH = 100_000
MAX_DEPTH = 128


@functools.cache
def lf_parser(start: str = "expr", *, positions: bool = True) -> Lark:
    """The LALR parser of the LF grammar (cached: building the tables takes a while).
    ``positions=False`` leaves out source positions, which halves the parse time."""
    return Lark(
        grammar_text("logic.lark"),
        start=start,
        parser="lalr",
        propagate_positions=positions,
        maybe_placeholders=False,
    )


def parse_formula(text: str, *, path: str = "<formula>", spans: bool = True) -> ast.Formula:
    """Parse LF text into a formula.

    ``spans=False`` gives nodes no source spans (``span`` is None), in about half the time:
    for text no error message will point into, such as the parser's decoded readings.

    >>> parse_formula("forall x. dog(x) -> animal(x)")
    Forall(binders=(Binder(name='x', sort=None),), body=Implies(...))
    """
    tree = _parse_tree(text, path, positions=spans)
    return ASTBuilder(text, path).formula(tree)


def number_node(text: str, *, span: ast.Span | None = None) -> ast.Num:
    """The number an LF number literal writes: an integer, or an exact real when it has
    a decimal point (``2.50`` is real, ``2`` an integer)."""
    if "." in text:
        return ast.Num(Fraction(text), real=True, span=span)
    return ast.Num(int(text), span=span)


def parse_term(text: str, *, path: str = "<term>") -> ast.Term:
    """Parse LF text into a term, such as ``age(alice) + 1``."""
    tree = _parse_tree(text, path)
    return ASTBuilder(text, path).term(tree)


def _parse_tree(text: str, path: str, *, positions: bool = True) -> Tree:
    if not isinstance(text, str):
        raise TypeError(f"LF text must be a str, got {type(text).__name__}")
    if not text.strip():
        raise LogicSyntaxError("empty formula", path=path, line=1, column=1, source=text)
    if len(text) > MAX_LENGTH:
        raise LogicSyntaxError(
            f"the formula is too long ({len(text)} characters; the limit is {MAX_LENGTH})",
            path=path, line=1, column=1, source=text)
    try:
        return lf_parser(positions=positions).parse(text)
    except UnexpectedInput as exc:
        raise syntax_error_from_lark(exc, text, path, LogicSyntaxError) from None
    except RecursionError:  # pragma: no cover - lark's LALR parser is iterative today
        raise LogicSyntaxError("the formula is nested too deeply", path=path, line=1, column=1,
                               source=text) from None


# Readable names for the grammar's terminals, used in "expected ..." messages.
_TERMINAL_NAMES = {
    "NAME": "a name", "NUMBER": "a number", "IFF": "'<->'", "IMP": "'->'", "XOR": "'xor'",
    "OR": "'or'", "AND": "'and'", "NOT": "'not'", "QUANT": "'forall' or 'exists'",
    "TRUE": "'true'", "FALSE": "'false'", "CMP": "a comparison", "ADDOP": "'+' or '-'",
    "MULOP": "'*' or '/'", "LPAR": "'('", "RPAR": "')'", "COMMA": "','", "DOT": "'.'",
    "COLON": "':'", "MINUS": "'-'", "STRING": "a quoted string", "$END": "the end of the input",
}


def _describe_expected(expected) -> str:
    names = sorted({_TERMINAL_NAMES.get(t, t.lower() if t.isupper() and not t.startswith("__") else repr(t))
                    for t in expected})
    names = [n for n in names if not n.startswith("'__") and not n.startswith("__")]
    if not names:
        return ""
    if len(names) > 8:
        names = names[:8] + ["..."]
    return "expected " + ", ".join(names)


def syntax_error_from_lark(exc: UnexpectedInput, text: str, path: str, error_cls):
    """Turn Lark's exception into one of ours with a position and a readable message."""
    line = getattr(exc, "line", None)
    column = getattr(exc, "column", None)
    if isinstance(exc, UnexpectedCharacters):
        found = text[exc.pos_in_stream] if exc.pos_in_stream < len(text) else ""
        message = f"unexpected character {found!r}"
    elif isinstance(exc, UnexpectedEOF):
        message = "the input ends too early"
        lines = text.splitlines() or [""]
        line, column = len(lines), len(lines[-1]) + 1
    elif isinstance(exc, UnexpectedToken):
        token = exc.token
        if token.type == "$END":
            message = "the input ends too early"
            lines = text.splitlines() or [""]
            line, column = len(lines), len(lines[-1]) + 1
        else:
            message = f"unexpected {token.value!r}"
    else:  # pragma: no cover - lark has no other kinds today
        message = str(exc)
    expected = getattr(exc, "expected", None) or getattr(exc, "allowed", None) or ()
    described = _describe_expected(expected)
    if described:
        message = f"{message}; {described}"
    if line is None or line < 1:
        line, column = 1, 1
    return error_cls(message, path=path, line=line, column=column, source=text)


def _span(item) -> ast.Span | None:
    meta = getattr(item, "meta", None)
    if isinstance(item, Token):
        if item.line is None:
            return None
        return ast.Span(item.line, item.column, item.end_line, item.end_column,
                        item.start_pos, item.end_pos)
    if meta is None or getattr(meta, "empty", True):
        return None
    return ast.Span(meta.line, meta.column, meta.end_line, meta.end_column,
                    meta.start_pos, meta.end_pos)


_COMPARE_SPELLINGS = {"≠": "!=", "≤": "<=", "≥": ">="}


class ASTBuilder:
    """Builds AST nodes from Lark trees of the LF grammar, with positions for errors.

    The rule-file loader uses the same builder on the expression sub-trees of a rule
    file, so positions there are positions in the rule file.
    """

    def __init__(self, source: str, path: str) -> None:
        self.source = source
        self.path = path

    # The two entry points: what the caller expects at the root.

    def formula(self, tree, bound: frozenset[str] = frozenset()) -> ast.Formula:
        self._check_depth(tree)
        return self._formula(tree, bound)

    def term(self, tree, bound: frozenset[str] = frozenset()) -> ast.Term:
        self._check_depth(tree)
        return self._term(tree, bound)

    def _check_depth(self, tree) -> None:
        """Refuse trees deeper than MAX_DEPTH, iteratively (the builder itself recurses)."""
        stack = [(tree, 1)]
        while stack:
            node, depth = stack.pop()
            if not isinstance(node, Tree):
                continue
            if depth > MAX_DEPTH:
                raise self._error(node, f"the formula is nested too deeply (more than {MAX_DEPTH} "
                                        "levels); split it into smaller formulas")
            stack.extend((kid, depth + 1) for kid in node.children)

    # Errors

    def _error(self, item, message: str) -> LogicSyntaxError:
        span = _span(item)
        return LogicSyntaxError(
            message, path=self.path, line=span.line if span else None,
            column=span.column if span else None, source=self.source,
        )

    def _describe(self, tree) -> str:
        span = _span(tree)
        if span is not None and span.end_pos > span.start_pos:
            return repr(self.source[span.start_pos:span.end_pos])
        return "this expression"

    # Formulas

    def _formula(self, tree, bound: frozenset[str]) -> ast.Formula:
        if isinstance(tree, Token):
            raise self._error(tree, f"expected a formula, found {tree.value!r}")
        kind = tree.data
        span = _span(tree)
        kids = tree.children
        if kind == "iff":
            return ast.Iff(self._formula(kids[0], bound), self._formula(kids[2], bound), span=span)
        if kind == "implies":
            return ast.Implies(self._formula(kids[0], bound), self._formula(kids[2], bound), span=span)
        if kind == "xor":
            return ast.Xor(self._formula(kids[0], bound), self._formula(kids[2], bound), span=span)
        if kind == "disj":
            return ast.Or(tuple(self._formula(k, bound) for k in kids[::2]), span=span)
        if kind == "conj":
            return ast.And(tuple(self._formula(k, bound) for k in kids[::2]), span=span)
        if kind == "negation":
            return ast.Not(self._formula(kids[1], bound), span=span)
        if kind in ("quantified_dot", "quantified_paren", "quantified_nested"):
            return self._quantified(tree, bound)
        if kind == "comparison":
            op = _COMPARE_SPELLINGS.get(kids[1].value, kids[1].value)
            return ast.Compare(op, self._term(kids[0], bound), self._term(kids[2], bound), span=span)
        if kind == "true":
            return ast.BoolConst(True, span=span)
        if kind == "false":
            return ast.BoolConst(False, span=span)
        if kind == "name":
            name = kids[0].value
            if name in bound:
                raise self._error(tree, f"the variable {name!r} is a term, not a formula")
            return ast.Pred(name, (), span=span)
        if kind == "application":
            name = kids[0].value
            if name in bound:
                raise self._error(tree, f"the variable {name!r} cannot be applied to arguments")
            return ast.Pred(name, tuple(self._term(k, bound) for k in kids[1:]), span=span)
        if kind in ("number", "arith", "minus"):
            raise self._error(tree, f"expected a formula, found the term {self._describe(tree)}; "
                                    "compare it with something, e.g. '... >= 18'")
        raise self._error(tree, f"unexpected construct {kind!r}")  # pragma: no cover

    def _quantified(self, tree, bound: frozenset[str]) -> ast.Formula:
        kids = tree.children
        quantifier = kids[0].value
        binders = []
        for binder_tree in kids[1].children:
            name_token = binder_tree.children[0]
            sort = binder_tree.children[1].value if len(binder_tree.children) > 1 else None
            binders.append(ast.Binder(name_token.value, sort, span=_span(binder_tree)))
        names = [b.name for b in binders]
        duplicates = {n for n in names if names.count(n) > 1}
        if duplicates:
            raise self._error(kids[1], f"the variable {sorted(duplicates)[0]!r} is bound twice")
        body = self._formula(kids[2], bound | frozenset(names))
        cls = ast.Forall if quantifier in ("forall", "∀") else ast.Exists
        return cls(tuple(binders), body, span=_span(tree))

    # Terms

    def _term(self, tree, bound: frozenset[str]) -> ast.Term:
        if isinstance(tree, Token):
            raise self._error(tree, f"expected a term, found {tree.value!r}")
        kind = tree.data
        span = _span(tree)
        kids = tree.children
        if kind == "number":
            return number_node(kids[0].value, span=span)
        if kind == "name":
            name = kids[0].value
            return ast.Var(name, span=span) if name in bound else ast.Const(name, span=span)
        if kind == "application":
            name = kids[0].value
            if name in bound:
                raise self._error(tree, f"the variable {name!r} cannot be applied to arguments")
            return ast.FuncApp(name, tuple(self._term(k, bound) for k in kids[1:]), span=span)
        if kind == "minus":
            return ast.Neg(self._term(kids[0], bound), span=span)
        if kind == "arith":
            return ast.Arith(kids[1].value, self._term(kids[0], bound), self._term(kids[2], bound), span=span)
        if kind in ("true", "false"):
            raise self._error(tree, f"expected a term, found the truth value {kind!r}")
        raise self._error(tree, f"expected a term (a name, number or arithmetic), found the formula "
                                f"{self._describe(tree)}")
