"""Printers: canonical ASCII LF, Unicode LF and LaTeX, and the round trip through the parser."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from strategies import formulas, terms

from neurosym.errors import LogicSyntaxError
from neurosym.logic.ast import (
    And, Arith, Binder, Compare, Const, Forall, FuncApp, Neg, Not, Num, Pred, Var,
)
from neurosym.logic.parser import ASTBuilder, lf_parser, parse_formula, parse_term
from neurosym.logic.printer import format_number, to_latex, to_text, to_unicode

x = Var("x")


# ---------------------------------------------------------------- round trips


@pytest.mark.parametrize("printer", [to_text, to_unicode], ids=["text", "unicode"])
@settings(max_examples=500, deadline=None)
@given(formula=formulas())
def test_printing_round_trips_every_well_scoped_formula(printer, formula):
    assert parse_formula(printer(formula)) == formula


@pytest.mark.parametrize("printer", [to_text, to_unicode], ids=["text", "unicode"])
@settings(max_examples=300, deadline=None)
@given(formula=formulas())
def test_machine_written_text_parses_alike_without_positions(printer, formula):
    assert parse_formula(printer(formula), spans=False) == formula


@pytest.mark.parametrize("text", ["p(", "p(a) $ q", "forall . p(x)", "p(a) and"])
def test_malformed_text_without_positions_is_still_a_logic_syntax_error(text):
    with pytest.raises(LogicSyntaxError):
        parse_formula(text, spans=False)


@settings(max_examples=300, deadline=None)
@given(terms())
def test_text_round_trips_every_closed_term(term):
    assert parse_term(to_text(term)) == term


@settings(max_examples=200, deadline=None)
@given(formulas())
def test_printing_is_a_fixed_point_and_ascii_only(formula):
    text = to_text(formula)
    assert text.isascii()
    assert to_text(parse_formula(to_text(parse_formula(text)))) == text


@settings(max_examples=200, deadline=None)
@given(formulas(bound=frozenset({"x", "y"})))
def test_open_formulas_round_trip_when_their_variables_are_bound_while_parsing(formula):
    text = to_text(formula)
    assert ASTBuilder(text, "<test>").formula(lf_parser().parse(text), frozenset({"x", "y"})) == formula


# ---------------------------------------------------------------- canonical text

# Canonical texts: printing their parse gives them back, so each row pins both the
# spelling and the minimal parenthesisation.
CANONICAL = [
    "forall x. Drinks(x) -> Dependent(x)",
    "forall x: Person, y. knows(x, y) or x = y",
    "exists x. forall y. p(x, y)",
    "p and (q or r)",
    "p and q or r",
    "p and (q and r)",
    "(p or q) or r",
    "p or q or r",
    "p xor q xor r",
    "p xor (q xor r)",
    "p -> q -> r",
    "(p -> q) -> r",
    "p <-> q <-> r",
    "(p <-> q) <-> r",
    "p -> q <-> r",
    "not p and q",
    "not (p and q)",
    "not not p",
    "not (forall x. p(x))",
    "(forall x. p(x)) and q",
    "p -> (exists x. q(x))",
    "(forall x. p(x)) -> (exists y. q(y))",
    "p(orange, notable) and android",
    "age(a) >= 18 -> adult(a)",
    "a - (b - c) = a - b - c",
    "a / (b * c) != a / b * c",
    "(a + b) * c <= a + b * c",
    "-3 < -(a + 1)",
    "-(-a) > -a * b",
    "-(a * b) = -a * b",
    "a - -3 >= 0",
    "price(x_1) * 2.5 = 17.0",
    "true or false",
    "f(g(a), -1) = 0.125",
]


@pytest.mark.parametrize("text", CANONICAL)
def test_canonical_text_prints_back_unchanged(text):
    assert to_text(parse_formula(text)) == text


@pytest.mark.parametrize("written, canonical", [
    ("∀x (Drinks(x) → Dependent(x))", "forall x. Drinks(x) -> Dependent(x)"),
    ("∀x ∃y (Loves(x, y))", "forall x. exists y. Loves(x, y)"),
    ("((p)) and ((q))", "p and q"),
    ("a ≠ b ∨ a ≤ 2.50", "a != b or a <= 2.5"),
    ("(-(3)) = x", "-3 = x"),
    ("p -> (q -> r)", "p -> q -> r"),
])
def test_other_spellings_print_canonically(written, canonical):
    assert to_text(parse_formula(written)) == canonical


def test_nested_and_is_parenthesised_so_it_does_not_flatten():
    nested = And((Pred("p"), And((Pred("q"), Pred("r")))))
    assert to_text(nested) == "p and (q and r)"
    assert parse_formula(to_text(nested)) == nested != parse_formula("p and q and r")


def test_double_negation_of_a_term_keeps_its_structure():
    term = Neg(Neg(Const("a")))
    assert to_text(term) == "-(-a)"
    assert parse_term(to_text(term)) == term


@pytest.mark.parametrize("number, text", [
    (Num(17), "17"),
    (Num(0), "0"),
    (Num(17, real=True), "17.0"),
    (Num(Fraction(5, 2), real=True), "2.5"),
    (Num(Fraction(1, 8), real=True), "0.125"),
    (Num(Fraction(123456789, 1000), real=True), "123456.789"),
])
def test_numbers_print_as_exact_decimals(number, text):
    assert to_text(number) == text
    assert parse_term(text) == number


def test_format_number_handles_negative_values():
    assert format_number(Fraction(-3, 100), real=True) == "-0.03"
    assert format_number(Fraction(-4), real=False) == "-4"


# ---------------------------------------------------------------- Unicode


def test_unicode_uses_the_unicode_connectives():
    formula = parse_formula("forall x: A. not p(x) and q or r xor s -> t <-> a != b and a <= b and a >= b")
    assert to_unicode(formula) == "∀x: A. ¬p(x) ∧ q ∨ r ⊕ s → t ↔ a ≠ b ∧ a ≤ b ∧ a ≥ b"


def test_unicode_quantifier_under_an_operator_is_parenthesised():
    formula = parse_formula("not (exists x. p(x)) or q")
    assert to_unicode(formula) == "¬(∃x. p(x)) ∨ q"


# ---------------------------------------------------------------- scoping


@pytest.mark.parametrize("ill_scoped, kind", [
    (Forall((Binder("x"),), Pred("p", (Const("x"),))), "constant"),
    (Forall((Binder("f"),), Compare("=", FuncApp("f", (Const("a"),)), Num(1))), "function"),
    (Forall((Binder("p"),), Pred("p")), "predicate"),
])
def test_a_name_captured_by_a_binder_cannot_be_printed(ill_scoped, kind):
    with pytest.raises(ValueError, match=f"the {kind} '[a-z]' inside a quantifier"):
        to_text(ill_scoped)
    with pytest.raises(ValueError):
        to_unicode(ill_scoped)


def test_a_free_variable_prints_as_its_name():
    body = Compare(">=", FuncApp("age", (x,)), Num(18))
    assert to_text(body) == "age(x) >= 18"
    assert parse_formula(to_text(body)) == Compare(">=", FuncApp("age", (Const("x"),)), Num(18))


def test_the_same_name_may_be_a_constant_outside_and_a_variable_inside():
    formula = And((Pred("p", (Const("x"),)), Forall((Binder("x"),), Pred("q", (x,)))))
    assert to_text(formula) == "p(x) and (forall x. q(x))"
    assert parse_formula(to_text(formula)) == formula


def test_printing_a_too_deep_tree_is_a_value_error():
    formula = Pred("p")
    for _ in range(5000):
        formula = Not(formula)
    with pytest.raises(ValueError, match="nested too deeply"):
        to_text(formula)


def test_non_nodes_are_refused():
    with pytest.raises(TypeError, match="not an LF node"):
        to_text("p and q")


# ---------------------------------------------------------------- LaTeX

LATEX = [
    ("forall x. Drinks(x) -> Dependent(x)",
     r"\forall x.\, \mathrm{Drinks}(x) \rightarrow \mathrm{Dependent}(x)"),
    ("forall a: Applicant. age(a) >= 18 -> adult(a)",
     r"\forall a \in \mathrm{Applicant}.\, \mathrm{age}(a) \geq 18 \rightarrow \mathrm{adult}(a)"),
    ("not (p and q) <-> not p or not q",
     r"\neg (\mathrm{p} \land \mathrm{q}) \leftrightarrow \neg \mathrm{p} \lor \neg \mathrm{q}"),
    ("p xor q and x != 2.5",
     r"\mathrm{p} \oplus \mathrm{q} \land \mathrm{x} \neq 2.5"),
    ("(income(a) + bonus) / 12 * 2 <= -3",
     r"\frac{\mathrm{income}(\mathrm{a}) + \mathrm{bonus}}{12} \cdot 2 \leq -3"),
    ("exists item_id. true and not false",
     r"\exists \mathit{item\_id}.\, \top \land \neg \bot"),
]


@pytest.mark.parametrize("text, latex", LATEX)
def test_latex_renders_for_people(text, latex):
    assert to_latex(parse_formula(text)) == latex


def test_latex_does_not_check_scopes():
    formula = Forall((Binder("x"),), Pred("p", (Const("x"),)))
    assert to_latex(formula) == r"\forall x.\, \mathrm{p}(\mathrm{x})"


def test_latex_fraction_of_a_fraction_needs_no_parentheses():
    assert to_latex(Arith("/", Arith("/", Const("a"), Const("b")), Num(2))) == \
        r"\frac{\frac{\mathrm{a}}{\mathrm{b}}}{2}"


def test_map_children_rebuilds_only_what_changed():
    from neurosym.logic.ast import Const, map_children

    formula = parse_formula("p(a) and q(b, a)")
    assert map_children(formula, lambda child: child) is formula
    renamed = map_children(formula, lambda child: map_children(
        child, lambda term: Const("c") if term == Const("a") else term))
    assert renamed == parse_formula("p(c) and q(b, c)")
