"""Hypothesis strategies for random LF trees, shared by the test modules.

Everything generated is *well-scoped* (see ``neurosym.logic.printer``): a ``Var``
appears only under a quantifier binding its name, and no constant, function or
predicate reuses a name bound around it. Names are drawn from a small pool, so the
same name shows up as a constant in one place and as a bound variable in another,
and from identifiers that start like keywords (``orange``, ``notable``), which the
lexer must not split.

    from strategies import formulas, terms   # pytest puts tests/ on sys.path
    @given(formulas())
    def test_something(formula): ...
"""

from __future__ import annotations

import string
from fractions import Fraction

from hypothesis import strategies as st

from neurosym.logic import ast

__all__ = [
    "names", "sorts", "numbers", "binders", "terms", "formulas",
    "ARITH_ATOMS", "arith_terms", "arith_formulas",
]

# Short names collide often (the interesting case for scoping); keyword look-alikes
# test the lexer's keyword boundaries.
_POOL = ("x", "y", "z", "a", "b", "p", "q", "f", "age", "Person")
_KEYWORD_LOOKALIKES = ("orange", "notable", "android", "xor_", "forall2", "exists_x",
                       "true1", "falsehood", "True", "NOT", "_", "x_1")

_FIRST = string.ascii_letters + "_"
_REST = _FIRST + string.digits

names = st.one_of(
    st.sampled_from(_POOL),
    st.sampled_from(_KEYWORD_LOOKALIKES),
    st.builds(str.__add__, st.sampled_from(_FIRST), st.text(_REST, max_size=8)).filter(ast.is_identifier),
)
sorts = st.sampled_from(("Entity", "Person", "Int", "Real", "Applicant", "orange"))


@st.composite
def numbers(draw) -> ast.Num:
    """Integer literals, and decimal literals (``2.5``, ``17.0``, ``0.125``)."""
    if draw(st.booleans()):
        return ast.Num(draw(st.integers(0, 10**9)))
    places = draw(st.integers(0, 4))
    value = Fraction(draw(st.integers(0, 10**7)), 10**places)
    return ast.Num(value, real=True)


@st.composite
def binders(draw) -> tuple[ast.Binder, ...]:
    """One to three distinct variables, each with or without a sort."""
    chosen = draw(st.lists(names, min_size=1, max_size=3, unique=True))
    return tuple(ast.Binder(name, draw(st.none() | sorts)) for name in chosen)


def _free_name(bound: frozenset[str]):
    """Names usable for constants, functions and predicates under ``bound``."""
    return names.filter(lambda name: name not in bound)


@st.composite
def terms(draw, bound: frozenset[str] = frozenset(), max_depth: int = 3) -> ast.Term:
    """A term whose variables are among ``bound``; every term node kind appears."""
    kinds = (["var"] if bound else []) + ["const", "num"]
    if max_depth > 0:
        kinds += ["func", "neg", "arith"]
    kind = draw(st.sampled_from(kinds))
    if kind == "const":
        return ast.Const(draw(_free_name(bound)))
    if kind == "num":
        return draw(numbers())
    if kind == "var":
        return ast.Var(draw(st.sampled_from(sorted(bound))))
    sub = terms(bound, max_depth - 1)
    if kind == "func":
        return ast.FuncApp(draw(_free_name(bound)), tuple(draw(st.lists(sub, min_size=1, max_size=3))))
    if kind == "neg":
        return ast.Neg(draw(sub))
    return ast.Arith(draw(st.sampled_from(ast.ARITH_OPS)), draw(sub), draw(sub))


@st.composite
def formulas(draw, bound: frozenset[str] = frozenset(), max_depth: int = 4) -> ast.Formula:
    """A well-scoped formula whose free variables are among ``bound`` (none by default)."""
    kinds = ["pred", "compare", "bool"]
    if max_depth > 0:
        kinds += ["not", "and", "or", "xor", "implies", "iff", "forall", "exists"]
    kind = draw(st.sampled_from(kinds))
    if kind == "pred":
        args = draw(st.lists(terms(bound, 2), max_size=3))
        return ast.Pred(draw(_free_name(bound)), tuple(args))
    if kind == "compare":
        return ast.Compare(draw(st.sampled_from(ast.COMPARE_OPS)), draw(terms(bound)), draw(terms(bound)))
    if kind == "bool":
        return ast.BoolConst(draw(st.booleans()))
    sub = formulas(bound, max_depth - 1)
    if kind == "not":
        return ast.Not(draw(sub))
    if kind in ("and", "or"):
        cls = ast.And if kind == "and" else ast.Or
        return cls(tuple(draw(st.lists(sub, min_size=2, max_size=3))))
    if kind in ("xor", "implies", "iff"):
        cls = {"xor": ast.Xor, "implies": ast.Implies, "iff": ast.Iff}[kind]
        return cls(draw(sub), draw(sub))
    chosen = draw(binders())
    body = draw(formulas(bound | {b.name for b in chosen}, max_depth - 1))
    return (ast.Forall if kind == "forall" else ast.Exists)(chosen, body)


# ---------------------------------------------------------------- arithmetic

# Atoms for arithmetic tests: constants, and function applications over them.
ARITH_ATOMS = (ast.Const("a"), ast.Const("b"), ast.Const("c"),
               ast.FuncApp("age", (ast.Const("a"),)), ast.FuncApp("age", (ast.Const("b"),)))

_small_integers = st.integers(0, 12).map(ast.Num)
_small_decimals = st.builds(lambda n, places: ast.Num(Fraction(n, 10**places), real=True),
                            st.integers(0, 40), st.integers(0, 2))


@st.composite
def arith_terms(draw, max_depth: int = 4, ops: tuple[str, ...] = ast.ARITH_OPS,
                decimals: bool = False, atoms: tuple[ast.Term, ...] = ARITH_ATOMS) -> ast.Term:
    """Arithmetic over a few atoms and small literals (integers, and decimals if asked).

    Division appears too (by atoms, by zero, by other constants), so normalisation is
    exercised where it must leave things alone. Atoms sit inside functions as well,
    ``age(a + 0)``, since those arguments are normalised too.
    """
    kinds = ["atom", "num"] + (["neg", "arith", "func"] if max_depth > 0 else [])
    kind = draw(st.sampled_from(kinds))
    if kind == "atom":
        return draw(st.sampled_from(atoms))
    if kind == "num":
        return draw(st.one_of(_small_integers, _small_decimals) if decimals else _small_integers)
    sub = arith_terms(max_depth - 1, ops, decimals, atoms)
    if kind == "neg":
        return ast.Neg(draw(sub))
    if kind == "func":
        return ast.FuncApp("age", (draw(arith_terms(max_depth - 1, ("+", "-", "*"), False, atoms)),))
    return ast.Arith(draw(st.sampled_from(ops)), draw(sub), draw(sub))


@st.composite
def arith_formulas(draw, decimals: bool = False, max_depth: int = 2) -> ast.Formula:
    """Boolean combinations of comparisons between ``arith_terms``."""
    if max_depth == 0 or draw(st.booleans()):
        terms_ = arith_terms(3, decimals=decimals)
        return ast.Compare(draw(st.sampled_from(ast.COMPARE_OPS)), draw(terms_), draw(terms_))
    sub = arith_formulas(decimals, max_depth - 1)
    kind = draw(st.sampled_from(["not", "and", "implies"]))
    if kind == "not":
        return ast.Not(draw(sub))
    if kind == "and":
        return ast.And((draw(sub), draw(sub)))
    return ast.Implies(draw(sub), draw(sub))
