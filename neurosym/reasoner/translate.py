"""Sorted LF formulas as Z3 terms, in one Z3 context.

User sorts become uninterpreted sorts (``DeclareSort``), ``Int`` and ``Real`` are Z3's;
predicates are Boolean functions (0-ary ones Boolean constants), functions and constants
are Z3 functions and constants of their declared sorts. Int and Real mix as in the LF:
an Int term stands where a Real is expected (``ToReal``), and ``/`` is real division.

In ground problems an atom over constants can be *flat*: ``adult(bob)`` becomes the
Boolean constant ``adult(bob)`` and ``age(bob)`` the Int constant ``age(bob)``, which
spares Z3 its congruence reasoning (about a third of the time of a small check). That
is exact when no equality between individuals of the argument sorts occurs in the
problem: then distinct constants may denote distinct individuals (Herbrand), so
distinct ground atoms are independent. The caller says which sorts are excluded
(``flat_except``: the numeric sorts and those compared with ``=``).

Declarations are cached by name *and type*, so one translator serves every signature
built in its context: in open mode each check may infer its own signature, and ``p`` of
arity 1 and ``p`` of arity 2 are simply two Z3 functions. Ground atoms over constants are
cached too, so translating a ground claim about known individuals is a few dictionary
look-ups. Bound variables get names that no LF identifier can have (``x!0``), so a
quantifier never captures a constant.

>>> translator = Translator(z3.Context())
>>> translator.formula(parse_formula("forall a: Person. adult(a) -> eligible(a)"), signature)
ForAll(a!0, Implies(adult(a!0), eligible(a!0)))
"""

from __future__ import annotations

from fractions import Fraction
from typing import Mapping

import z3

from ..logic import ast
from ..logic.signature import INT, NUMERIC_SORTS, REAL, FuncType, PredType

__all__ = ["Translator", "Symbols"]

# Entries per cache before it is emptied (a long-running service sees unboundedly many
# distinct atoms; the caches only need to hold the ones in current use).
_CACHE_LIMIT = 500_000


class Symbols:
    """What a translation needs to know about names: constant sorts and symbol types.

    A ``Signature`` is one; the reasoner passes a view that adds its internal constants
    (the individuals it introduces for new names and existential witnesses).
    """

    __slots__ = ("constants", "predicates", "functions")

    def __init__(self, constants: Mapping[str, str], predicates: Mapping[str, PredType],
                 functions: Mapping[str, FuncType]) -> None:
        self.constants = constants
        self.predicates = predicates
        self.functions = functions


def _ast_array(items):
    array = (z3.Ast * len(items))()
    for i, item in enumerate(items):
        array[i] = item.as_ast()
    return array


class Translator:
    """Builds Z3 terms for sorted LF formulas in one context, caching what it declares."""

    def __init__(self, ctx: z3.Context) -> None:
        self.ctx = ctx
        self._sorts: dict[str, z3.SortRef] = {INT: z3.IntSort(ctx), REAL: z3.RealSort(ctx)}
        self._constants: dict[tuple[str, str], z3.ExprRef] = {}
        self._decls: dict[tuple, z3.FuncDeclRef] = {}
        self._atoms: dict[tuple, z3.BoolRef] = {}
        self._negations: dict[int, tuple[z3.BoolRef, z3.BoolRef]] = {}
        self._bool_sort = z3.BoolSort(ctx)
        self._flat_except: frozenset[str] | None = None
        self._true = z3.BoolVal(True, ctx)
        self._false = z3.BoolVal(False, ctx)

    # ------------------------------------------------------------ declarations

    def sort(self, name: str) -> z3.SortRef:
        found = self._sorts.get(name)
        if found is None:
            found = self._sorts[name] = z3.DeclareSort(name, self.ctx)
        return found

    def constant(self, name: str, sort: str) -> z3.ExprRef:
        key = (name, sort)
        found = self._constants.get(key)
        if found is None:
            found = self._constants[key] = z3.Const(name, self.sort(sort))
        return found

    def predicate(self, name: str, pred_type: PredType) -> z3.FuncDeclRef:
        key = ("pred", name, pred_type.args)
        found = self._decls.get(key)
        if found is None:
            found = self._decls[key] = z3.Function(
                name, *(self.sort(s) for s in pred_type.args), self._bool_sort)
        return found

    def function(self, name: str, func_type: FuncType) -> z3.FuncDeclRef:
        key = ("func", name, func_type.args, func_type.result)
        found = self._decls.get(key)
        if found is None:
            found = self._decls[key] = z3.Function(
                name, *(self.sort(s) for s in func_type.args), self.sort(func_type.result))
        return found

    def negation(self, expr: z3.BoolRef) -> z3.BoolRef:
        """``Not(expr)``, cached (claims are negated on every check).

        The cache holds ``expr`` itself, so its Z3 id cannot be reused by another term
        while the entry lives; it is emptied when it grows past ``_CACHE_LIMIT``.
        """
        key = expr.get_id()
        found = self._negations.get(key)
        if found is None:
            if len(self._negations) >= _CACHE_LIMIT:
                self._negations.clear()
            found = self._negations[key] = (expr, self.not_(expr))
        return found[1]

    # ------------------------------------------------------------ formulas

    def formula(self, node: ast.Formula, symbols: Symbols,
                env: Mapping[str, tuple[z3.ExprRef, str]] | None = None, *,
                flat_except: frozenset[str] | None = None) -> z3.BoolRef:
        """The Z3 formula for ``node``; ``env`` maps bound variables to (term, sort).

        With ``flat_except``, applications to constants whose argument sorts are all
        outside it are flat constants (see the module docstring).
        """
        self._flat_except = flat_except
        try:
            return self._formula(node, symbols, env or {}, 0)
        finally:
            self._flat_except = None

    def not_(self, expr: z3.BoolRef) -> z3.BoolRef:
        """``Not(expr)`` without z3py's argument checks (the hot path negates every claim)."""
        return z3.BoolRef(z3.Z3_mk_not(self.ctx.ref(), expr.as_ast()), self.ctx)

    def implies(self, left: z3.BoolRef, right: z3.BoolRef) -> z3.BoolRef:
        """``Implies(left, right)`` without z3py's checks (guards every rule instance)."""
        return z3.BoolRef(z3.Z3_mk_implies(self.ctx.ref(), left.as_ast(), right.as_ast()), self.ctx)

    def _formula(self, node, symbols, env, depth) -> z3.BoolRef:
        kind = type(node)
        if kind is ast.Pred:
            return self._pred(node, symbols, env)
        if kind is ast.Not:
            return self.not_(self._formula(node.arg, symbols, env, depth))
        if kind is ast.And:
            return z3.And([self._formula(a, symbols, env, depth) for a in node.args])
        if kind is ast.Or:
            return z3.Or([self._formula(a, symbols, env, depth) for a in node.args])
        if kind is ast.Implies:
            return z3.Implies(self._formula(node.left, symbols, env, depth),
                              self._formula(node.right, symbols, env, depth))
        if kind is ast.Iff:
            return self._formula(node.left, symbols, env, depth) == \
                self._formula(node.right, symbols, env, depth)
        if kind is ast.Xor:
            return z3.Xor(self._formula(node.left, symbols, env, depth),
                          self._formula(node.right, symbols, env, depth))
        if kind is ast.Compare:
            return self._compare(node, symbols, env)
        if kind is ast.BoolConst:
            return self._true if node.value else self._false
        if kind is ast.Forall or kind is ast.Exists:
            return self._quantifier(node, symbols, env, depth)
        raise TypeError(f"not a formula: {node!r}")

    def _quantifier(self, node, symbols, env, depth) -> z3.BoolRef:
        inner = dict(env)
        bound = []
        for binder in node.binders:
            if binder.sort is None:
                raise ValueError(f"the variable {binder.name!r} has no sort; type-check the formula first")
            # '!' cannot occur in an LF name, so a bound variable never captures a constant.
            var = z3.Const(f"{binder.name}!{depth}", self.sort(binder.sort))
            inner[binder.name] = (var, binder.sort)
            bound.append(var)
        body = self._formula(node.body, symbols, inner, depth + 1)
        if type(node) is ast.Forall:
            return z3.ForAll(bound, body)
        return z3.Exists(bound, body)

    def _pred(self, node: ast.Pred, symbols, env) -> z3.BoolRef:
        pred_type = symbols.predicates[node.name]
        if not node.args:
            key = (node.name, ())
            found = self._atoms.get(key)
            if found is None:
                found = self._atoms[key] = z3.Bool(node.name, self.ctx)
            return found
        key = None
        if all(type(a) is ast.Const for a in node.args):
            # Atoms over constants recur (rule instances, claims): cache them by name.
            flat = self._is_flat(pred_type.args)
            key = (flat, node.name, pred_type.args, *((a.name, symbols.constants[a.name]) for a in node.args))
            found = self._atoms.get(key)
            if found is not None:
                return found
            if flat:
                found = self._atoms[key] = z3.Bool(_flat_name(node), self.ctx)
                return found
        decl = self.predicate(node.name, pred_type)
        args = [self._cast(*self._term(a, symbols, env), want) for a, want in zip(node.args, pred_type.args)]
        found = z3.BoolRef(z3.Z3_mk_app(self.ctx.ref(), decl.ast, len(args), _ast_array(args)), self.ctx)
        if key is not None:
            if len(self._atoms) >= _CACHE_LIMIT:
                self._atoms.clear()
            self._atoms[key] = found
        return found

    def _compare(self, node: ast.Compare, symbols, env) -> z3.BoolRef:
        left, left_sort = self._term(node.left, symbols, env)
        right, right_sort = self._term(node.right, symbols, env)
        if left_sort != right_sort and {left_sort, right_sort} == {INT, REAL}:
            left, right = self._cast(left, left_sort, REAL), self._cast(right, right_sort, REAL)
        op = node.op
        if op == "=":
            return left == right
        if op == "!=":
            return left != right
        if op == "<":
            return left < right
        if op == "<=":
            return left <= right
        if op == ">":
            return left > right
        return left >= right

    # ------------------------------------------------------------ terms

    def term(self, node: ast.Term, symbols: Symbols,
             env: Mapping[str, tuple[z3.ExprRef, str]] | None = None, *,
             flat_except: frozenset[str] | None = None) -> tuple[z3.ExprRef, str]:
        """The Z3 term for ``node`` and its LF sort (``flat_except`` as for ``formula``)."""
        self._flat_except = flat_except
        try:
            return self._term(node, symbols, env or {})
        finally:
            self._flat_except = None

    def _is_flat(self, arg_sorts: tuple[str, ...]) -> bool:
        excluded = self._flat_except
        return excluded is not None and not any(s in excluded for s in arg_sorts)

    def _cast(self, expr, sort: str, want: str):
        if sort == INT and want == REAL:
            return z3.ToReal(expr)
        return expr

    def _term(self, node, symbols, env) -> tuple[z3.ExprRef, str]:
        kind = type(node)
        if kind is ast.Const:
            sort = symbols.constants[node.name]
            return self.constant(node.name, sort), sort
        if kind is ast.Var:
            return env[node.name]
        if kind is ast.Num:
            return _number(node.value, node.real, self.ctx)
        if kind is ast.FuncApp:
            func_type = symbols.functions[node.name]
            if (func_type.result in NUMERIC_SORTS and self._is_flat(func_type.args)
                    and all(type(a) is ast.Const for a in node.args)):
                return self.constant(_flat_name(node), func_type.result), func_type.result
            decl = self.function(node.name, func_type)
            args = [self._cast(*self._term(a, symbols, env), want)
                    for a, want in zip(node.args, func_type.args)]
            return decl(*args), func_type.result
        if kind is ast.Neg:
            expr, sort = self._term(node.arg, symbols, env)
            return -expr, sort
        if kind is ast.Arith:
            left, left_sort = self._term(node.left, symbols, env)
            right, right_sort = self._term(node.right, symbols, env)
            if node.op == "/" or REAL in (left_sort, right_sort):
                left, right = self._cast(left, left_sort, REAL), self._cast(right, right_sort, REAL)
                sort = REAL
            else:
                sort = INT
            if node.op == "+":
                return left + right, sort
            if node.op == "-":
                return left - right, sort
            if node.op == "*":
                return left * right, sort
            return left / right, REAL
        raise TypeError(f"not a term: {node!r}")


def _flat_name(node) -> str:
    """The name of a flat atom or term: its LF text, which no LF identifier can equal."""
    return f"{node.name}({','.join(a.name for a in node.args)})"


def _number(value: Fraction, real: bool, ctx) -> tuple[z3.ExprRef, str]:
    if real or value.denominator != 1:
        return z3.RealVal(f"{value.numerator}/{value.denominator}", ctx), REAL
    return z3.IntVal(value.numerator, ctx), INT
