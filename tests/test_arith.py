"""Arithmetic normalisation (neurosym.logic.arith): examples, and equivalence properties."""

from __future__ import annotations

import random
import zlib
from fractions import Fraction

import pytest
import sympy
import z3
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import arith_formulas, arith_terms

from neurosym.logic import ast
from neurosym.logic.arith import from_sympy, normalize_formula, normalize_term, to_sympy
from neurosym.logic.parser import parse_formula, parse_term
from neurosym.logic.printer import to_text

# ---------------------------------------------------------------- examples

TERMS = [
    ("2 * (y + 3) - y + x - 1", "x + y + 5"),             # collect, fold, order
    ("y - 2 * x", "-2 * x + y"),                           # a leading negative coefficient
    ("x - x", "0"),
    ("f(a) * 0 + 4", "4"),
    ("-(-a)", "a"),
    ("(a + 1) * (b + 1)", "a + b + a * b + 1"),            # small products multiply out
    ("a * a * b - 3", "a * a * b - 3"),                    # non-linear products are kept
    ("age(a + 0) - age(a)", "0"),                          # arguments are normalised too
    ("0.1 + 0.2", "0.3"),
    ("x + 0.5 + 0.5", "x + 1.0"),                          # decimals stay decimals
    ("2.0 * x", "2.0 * x"),
    ("6 / 3", "2"),                                        # exact in Int and Real
    ("-6 / 3", "-2"),
    ("7 / 2", "7 / 2"),                                    # 3 in Int, 3.5 in Real: left alone
    ("x / 2", "x / 2"),                                    # Int division unless Real
    ("x / 2.0", "0.5 * x"),                                # a decimal makes it Real division
    ("1.5 / 0.5", "3.0"),
    ("1.0 / 3.0", "1.0 / 3.0"),                            # no finite decimal: left alone
    ("x / 0", "x / 0"),                                    # division by zero: left alone
    ("(x + x) / (2 * y - y)", "2 * x / y"),                # normalised inside the quotient
    ("x / 1 + 10 - x / -1", "2 * x + 10"),
    ("x / 3 * (x / 3)", "x / 3 * (x / 3)"),
]


@pytest.mark.parametrize("text, expected", TERMS)
def test_normalize_term_examples(text, expected):
    assert to_text(normalize_term(parse_term(text))) == expected


FORMULAS = [
    ("age(a) + 2 >= 20", "age(a) >= 18"),
    ("20 <= age(a) + 2", "18 <= age(a)"),                  # orientation is kept
    ("x - y > 0", "x > y"),
    ("0 = x - 3", "3 = x"),
    ("-x > 0", "0 > x"),
    ("2 * x >= 5", "2 * x >= 5"),                          # never divided through
    ("x * y - y * x + 3 < z * 2", "3 < 2 * z"),
    ("x = x", "true"),
    ("2 + 2 = 5", "false"),
    ("1 / 0 = 1 / 0", "true"),                             # the same term is equal to itself
    ("a = b", "a = b"),
    ("mother(a) = b", "mother(a) = b"),
    ("income(a) * 12 + 1000.0 > 50000", "12.0 * income(a) > 49000.0"),
    ("forall x. p(x + 0) and 2 * x >= x + 5.0 -> q", "forall x. p(x) and x >= 5.0 -> q"),
]


@pytest.mark.parametrize("text, expected", FORMULAS)
def test_normalize_formula_examples(text, expected):
    assert to_text(normalize_formula(parse_formula(text))) == expected


def test_normalization_happens_only_when_asked():
    text = "age(a) + 2 >= 20 and p(1 + 1)"
    assert to_text(parse_formula(text)) == text


def test_an_already_normal_node_is_returned_with_its_span():
    formula = parse_formula("age(a) >= 18 and p(x)")
    assert normalize_formula(formula) is formula
    term = parse_term("x + 1")
    assert normalize_term(term) is term


# ---------------------------------------------------------------- sympy mapping


def test_to_sympy_names_atoms_by_their_text_and_marks_variables():
    age_of_x = ast.FuncApp("age", (ast.Var("x"),))
    expr = to_sympy(ast.Arith("+", ast.Arith("*", ast.Num(2), age_of_x), ast.Const("x")))
    assert expr == 2 * sympy.Symbol("age(?x)") + sympy.Symbol("x")


def test_from_sympy_reads_symbols_back_by_name():
    expr = sympy.Rational(1, 3) * sympy.Symbol("?x") - 2 * sympy.Symbol("age(?x)") + 7
    term = from_sympy(expr)
    assert to_text(term) == "-2 * age(x) + x / 3 + 7"
    assert ast.Var("x") in list(ast.walk(term)) and ast.Const("x") not in list(ast.walk(term))


def test_from_sympy_refuses_what_the_lf_cannot_express():
    with pytest.raises(ValueError, match="cannot express"):
        from_sympy(sympy.sqrt(sympy.Symbol("a")))
    with pytest.raises(ValueError, match="does not name an LF term"):
        from_sympy(sympy.Symbol("not a term!"))


@settings(max_examples=200, deadline=None)
@given(arith_terms(decimals=True))
def test_to_sympy_then_from_sympy_is_normalisation(term):
    assert from_sympy(sympy.expand(to_sympy(term)), real=True) == \
        normalize_term(ast.Arith("+", term, ast.Num(0, real=True)))


# ---------------------------------------------------------------- properties

# A local evaluator: the reasoner's semantics of arithmetic, on concrete numbers.
# Int division is Euclidean (Z3's div); t / 0 is some fixed value per numerator, as
# Z3 leaves it unspecified; functions are arbitrary but fixed per assignment.


def stable_hash(value) -> int:
    """A hash that is the same in every run (str hashes are salted per process)."""
    return zlib.crc32(repr(value).encode())


def evaluate(node, values: dict[str, Fraction], seed: int, integer: bool):
    if isinstance(node, ast.Num):
        return node.value
    if isinstance(node, ast.Const):
        return values[node.name]
    if isinstance(node, ast.FuncApp):
        argument = evaluate(node.args[0], values, seed, integer)
        return Fraction(stable_hash((seed, node.name, argument)) % 101 - 50)
    if isinstance(node, ast.Neg):
        return -evaluate(node.arg, values, seed, integer)
    if isinstance(node, ast.Arith):
        left = evaluate(node.left, values, seed, integer)
        right = evaluate(node.right, values, seed, integer)
        if node.op == "/":
            if right == 0:
                return Fraction(stable_hash((seed, "div0", left)) % 31 - 15)
            if integer:
                return Fraction(left // right if right > 0 else -(left // -right))
            return left / right
        return {"+": left + right, "-": left - right, "*": left * right}[node.op]
    if isinstance(node, ast.Compare):
        left = evaluate(node.left, values, seed, integer)
        right = evaluate(node.right, values, seed, integer)
        return {"=": left == right, "!=": left != right, "<": left < right,
                "<=": left <= right, ">": left > right, ">=": left >= right}[node.op]
    if isinstance(node, ast.BoolConst):
        return node.value
    if isinstance(node, ast.Not):
        return not evaluate(node.arg, values, seed, integer)
    if isinstance(node, ast.And):
        return all(evaluate(arg, values, seed, integer) for arg in node.args)
    if isinstance(node, ast.Implies):
        return not evaluate(node.left, values, seed, integer) or evaluate(node.right, values, seed, integer)
    raise TypeError(node)


def assignments(seed: int, integer: bool, count: int = 12):
    rng = random.Random(seed)
    for index in range(count):
        if integer:
            values = {name: Fraction(rng.randint(-6, 6)) for name in "abc"}
        else:
            values = {name: Fraction(rng.randint(-60, 60), rng.choice([1, 2, 4, 5])) for name in "abc"}
        yield values, seed * 100 + index


def assert_same_value(original, normal, integer: bool) -> None:
    for values, seed in assignments(stable_hash(to_text(original)) % 1000, integer):
        assert evaluate(normal, values, seed, integer) == evaluate(original, values, seed, integer)


@pytest.mark.parametrize("strategy, normalize", [(arith_terms, normalize_term),
                                                  (arith_formulas, normalize_formula)],
                         ids=["term", "formula"])
@pytest.mark.parametrize("integer", [True, False], ids=["Int", "Real"])
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_normalization_preserves_the_value(strategy, normalize, integer, data):
    node = data.draw(strategy(decimals=not integer))
    assert_same_value(node, normalize(node), integer)


def z3_term(node, sort):
    """A local stand-in for the reasoner's translation, for linear terms."""
    if isinstance(node, ast.Num):
        return z3.IntVal(int(node.value)) if sort == z3.IntSort() else z3.RealVal(node.value)
    if isinstance(node, ast.Const):
        return z3.Const(node.name, sort)
    if isinstance(node, ast.FuncApp):
        return z3.Function(node.name, sort, sort)(z3_term(node.args[0], sort))
    if isinstance(node, ast.Neg):
        return -z3_term(node.arg, sort)
    left, right = z3_term(node.left, sort), z3_term(node.right, sort)
    return {"+": left + right, "-": left - right, "*": left * right}[node.op]


@pytest.mark.parametrize("sort", [z3.IntSort(), z3.RealSort()], ids=["Int", "Real"])
@settings(max_examples=150, deadline=None)
@given(term=arith_terms(ops=("+", "-")))
def test_normalize_term_is_provably_equal_for_linear_terms(sort, term):
    solver = z3.Solver()
    solver.add(z3_term(term, sort) != z3_term(normalize_term(term), sort))
    assert solver.check() == z3.unsat


# ---------------------------------------------------------------- shape of the results


@settings(max_examples=300, deadline=None)
@given(arith_formulas(decimals=True))
def test_results_are_valid_asts_that_round_trip_and_normalising_twice_changes_nothing(formula):
    normal = normalize_formula(formula)
    assert parse_formula(to_text(normal)) == normal
    assert normalize_formula(normal) == normal
    for node in ast.walk(normal):
        if isinstance(node, ast.Num):
            assert node.value >= 0


def test_large_products_of_sums_are_not_multiplied_out():
    factors = [f"(x{i} + y{i})" for i in range(12)]
    term = normalize_term(parse_term(" * ".join(factors)))
    assert sum(isinstance(n, ast.Arith) and n.op == "*" for n in ast.walk(term)) == 11
