"""The LF grammar (grammars/logic.lark) and its AST builder, as a specification."""

from __future__ import annotations

from fractions import Fraction

import pytest

from neurosym.errors import LogicSyntaxError
from neurosym.logic.ast import (
    And, Arith, Binder, BoolConst, Compare, Const, Exists, Forall, FuncApp, Iff, Implies,
    Neg, Not, Num, Or, Pred, Var, Xor,
)
from neurosym.logic.parser import MAX_DEPTH, MAX_LENGTH, parse_formula, parse_term

p, q, r, s = Pred("p"), Pred("q"), Pred("r"), Pred("s")
a, b, c = Const("a"), Const("b"), Const("c")
x, y = Var("x"), Var("y")


# Each row: the text, the grouping it must have, and the grouping it must not have.
PRECEDENCE = [
    ("p or q and r", "p or (q and r)", "(p or q) and r"),
    ("p and q or r", "(p and q) or r", "p and (q or r)"),
    ("not p and q", "(not p) and q", "not (p and q)"),
    ("p xor q or r", "p xor (q or r)", "(p xor q) or r"),
    ("p -> q xor r", "p -> (q xor r)", "(p -> q) xor r"),
    ("p <-> q -> r", "p <-> (q -> r)", "(p <-> q) -> r"),
    ("not a = b", "not (a = b)", None),
    ("a + b * c = 1", "a + (b * c) = 1", "(a + b) * c = 1"),
    ("-a * b = 1", "(-a) * b = 1", "-(a * b) = 1"),
    ("a = b and p", "(a = b) and p", None),
    ("forall x. p(x) and q", "forall x. (p(x) and q)", "(forall x. p(x)) and q"),
    ("forall x. p(x) -> q", "forall x. (p(x) -> q)", "(forall x. p(x)) -> q"),
    ("p and forall x. q(x) or r", "p and (forall x. (q(x) or r))", "(p and forall x. q(x)) or r"),
    ("not forall x. p(x) and q", "not (forall x. (p(x) and q))", "(not forall x. p(x)) and q"),
]

ASSOCIATIVITY = [
    ("p -> q -> r", "p -> (q -> r)", "(p -> q) -> r"),
    ("p <-> q <-> r", "p <-> (q <-> r)", "(p <-> q) <-> r"),
    ("p xor q xor r", "(p xor q) xor r", "p xor (q xor r)"),
    ("a - b - c = 0", "(a - b) - c = 0", "a - (b - c) = 0"),
    ("a / b / c = 0", "(a / b) / c = 0", "a / (b / c) = 0"),
    ("a - b + c = 0", "(a - b) + c = 0", "a - (b + c) = 0"),
    ("a / b * c = 0", "(a / b) * c = 0", "a / (b * c) = 0"),
]


@pytest.mark.parametrize("text, grouping, not_grouping", PRECEDENCE + ASSOCIATIVITY)
def test_precedence_and_associativity(text, grouping, not_grouping):
    assert parse_formula(text) == parse_formula(grouping)
    if not_grouping is not None:
        assert parse_formula(text) != parse_formula(not_grouping)


def test_and_or_are_n_ary_and_parentheses_keep_nesting():
    assert parse_formula("p and q and r") == And((p, q, r))
    assert parse_formula("p or q or r or s") == Or((p, q, r, s))
    assert parse_formula("p and (q and r)") == And((p, And((q, r))))
    assert parse_formula("(p or q) or r") == Or((Or((p, q)), r))


def test_comparisons_do_not_chain():
    with pytest.raises(LogicSyntaxError, match="unexpected '<'"):
        parse_formula("a < b < c")


@pytest.mark.parametrize("unicode_text, ascii_text", [
    ("¬p ∧ q", "not p and q"),
    ("p ∨ q ⊕ r", "p or q xor r"),
    ("p → q ↔ r", "p -> q <-> r"),
    ("a ≠ b ∧ a ≤ b ∧ a ≥ c", "a != b and a <= b and a >= c"),
    ("∀x: Person. ∃y. knows(x, y)", "forall x: Person. exists y. knows(x, y)"),
    ("¬¬p", "not not p"),
])
def test_unicode_forms_mean_the_ascii_forms(unicode_text, ascii_text):
    assert parse_formula(unicode_text) == parse_formula(ascii_text)


def test_folio_quantifier_scopes_over_the_parenthesised_formula():
    drinks = parse_formula("∀x (Drinks(x) → Dependent(x))")
    assert drinks == Forall((Binder("x"),), Implies(Pred("Drinks", (x,)), Pred("Dependent", (x,))))
    assert parse_formula("∀x (p(x)) ∧ q") == And((Forall((Binder("x"),), Pred("p", (x,))), q))


def test_folio_nested_quantifiers():
    expected = Forall((Binder("x"),), Exists((Binder("y"),), Pred("Loves", (x, y))))
    assert parse_formula("∀x ∃y (Loves(x, y))") == expected
    assert parse_formula("forall x exists y (Loves(x, y))") == expected
    assert parse_formula("∀x. ∃y. Loves(x, y)") == expected


def test_binders_with_and_without_sorts():
    formula = parse_formula("forall a: Applicant, n: Int, z. rich(a) or n > 0 or p(z)")
    assert formula.binders == (Binder("a", "Applicant"), Binder("n", "Int"), Binder("z"))


def test_names_bound_by_a_quantifier_are_variables_and_others_constants():
    formula = parse_formula("p(x) and forall x. q(x, y)")
    assert formula == And((Pred("p", (Const("x"),)),
                           Forall((Binder("x"),), Pred("q", (Var("x"), Const("y"))))))


def test_the_same_name_is_a_predicate_in_formula_position_and_a_function_in_term_position():
    assert parse_formula("age(a) >= 18 and age(a)") == And((
        Compare(">=", FuncApp("age", (a,)), Num(18)), Pred("age", (a,))))


def test_propositions_truth_values_and_numbers():
    assert parse_formula("raining or true or false") == Or((Pred("raining"), BoolConst(True),
                                                           BoolConst(False)))
    assert parse_term("17") == Num(17)
    assert parse_term("2.50") == Num(Fraction(5, 2), real=True)
    assert parse_term("17.0") == Num(17, real=True) != Num(17)


def test_arithmetic_terms():
    assert parse_term("-3") == Neg(Num(3))
    assert parse_term("- -a") == Neg(Neg(a))
    assert parse_term("a - -b") == Arith("-", a, Neg(b))
    assert parse_term("income(a) / 12 * 2") == Arith("*", Arith("/", FuncApp("income", (a,)), Num(12)), Num(2))


def test_keywords_are_not_names_but_names_may_start_with_them():
    formula = parse_formula("orange(notable) and android or xor_ or truex")
    assert formula == Or((And((Pred("orange", (Const("notable"),)), Pred("android"))),
                          Pred("xor_"), Pred("truex")))


@pytest.mark.parametrize("text, word", [
    ("p orange", "orange"),       # not "p or ange"
    ("p andy", "andy"),           # not "p and y"
    ("x = 1 orb", "orb"),
    ("p xorq", "xorq"),
])
def test_a_keyword_never_matches_the_start_of_a_longer_word(text, word):
    with pytest.raises(LogicSyntaxError, match=f"unexpected '{word}'"):
        parse_formula(text)


def test_keywords_need_no_space_before_punctuation():
    assert parse_formula("not(p) and(q)") == And((Not(p), q))
    assert parse_formula("forall x.p(x)") == Forall((Binder("x"),), Pred("p", (x,)))


def test_comments_and_line_breaks_are_ignored():
    text = "# eligibility\nforall a. adult(a)  # by age\n  -> eligible(a)\n"
    assert parse_formula(text) == parse_formula("forall a. adult(a) -> eligible(a)")


def test_spans_point_into_the_source_and_do_not_affect_equality():
    formula = parse_formula("p and\n  q(a)")
    assert formula.args[1].span.line == 2 and formula.args[1].span.column == 3
    assert formula == And((p, Pred("q", (a,))))


# Malformed input -> (fragment of the message, line, column). Also the error catalogue
# users see, so each message must say what is wrong.
MALFORMED = [
    ("", "empty formula", 1, 1),
    ("p and", "the input ends too early", 1, 6),
    ("p(x", "expected ')', ','", 1, 4),
    ("forall . p", "unexpected '.'; expected a name", 1, 8),
    ("forall x p(x)", "unexpected 'p'", 1, 10),
    ("p & q", "unexpected character '&'", 1, 3),
    ("x + 1", "expected a formula, found the term 'x + 1'", 1, 1),
    ("forall x. x", "the variable 'x' is a term, not a formula", 1, 11),
    ("forall x. x(a)", "the variable 'x' cannot be applied to arguments", 1, 11),
    ("forall x, x. p(x)", "the variable 'x' is bound twice", 1, 8),
    ("p(x) q", "unexpected 'q'", 1, 6),
    ("p(true)", "expected a term, found the truth value 'true'", 1, 3),
    ("p(q and r)", "found the formula 'q and r'", 1, 3),
    ("f() = 1", "unexpected ')'", 1, 3),
    ("p\nand\n  q )", "unexpected ')'", 3, 5),
    ("1.5.2 = x", "unexpected '.'", 1, 4),
    ("∀x", "the input ends too early", 1, 3),
    ("p ∧∧ q", "unexpected '∧'", 1, 4),
    ("x = \"a\"", "unexpected character '\"'", 1, 5),
]


@pytest.mark.parametrize("text, fragment, line, column", MALFORMED)
def test_malformed_input_reports_what_and_where(text, fragment, line, column):
    with pytest.raises(LogicSyntaxError) as caught:
        parse_formula(text, path="claim.lf")
    error = caught.value
    assert fragment in error.message
    assert (error.line, error.column) == (line, column)
    assert str(error).startswith(f"claim.lf:{line}:{column}: ")


def test_error_shows_the_line_with_a_caret():
    with pytest.raises(LogicSyntaxError) as caught:
        parse_formula("p and\nq & r")
    assert str(caught.value).splitlines()[1:] == ["    q & r", "      ^"]


DEEP = {
    "not": "not " * 5000 + "p",
    "minus": "-" * 5000 + "x = 1",
    "left-assoc": "x" + " - x" * 5000 + " = 1",
    "quantifiers": "forall x. " * 2000 + "p(x)",
    "right-nested": "(a + " * 3000 + "1" + ")" * 3000 + " = 2",
    "implications": "p -> " * 3000 + "q",
}


@pytest.mark.parametrize("text", DEEP.values(), ids=DEEP.keys())
def test_deeply_nested_input_is_a_syntax_error_not_a_recursion_error(text):
    with pytest.raises(LogicSyntaxError, match="nested too deeply"):
        parse_formula(text)


def test_redundant_parentheses_do_not_count_as_nesting():
    assert parse_formula("(" * 5000 + "p" + ")" * 5000) == p


def test_nesting_below_the_limit_parses():
    depth = MAX_DEPTH // 2
    assert parse_formula("not " * depth + "p") is not None
    assert parse_term("-" * depth + "x") is not None


def test_overlong_input_is_refused_before_parsing():
    text = " or ".join(f"p{i}" for i in range(MAX_LENGTH // 4))
    assert len(text) > MAX_LENGTH
    with pytest.raises(LogicSyntaxError, match="too long"):
        parse_formula(text)
