"""The type checker and signature inference (neurosym.logic.typecheck), as a specification."""

from __future__ import annotations

import dataclasses

import pytest

from neurosym.errors import TypeCheckError
from neurosym.logic import ast
from neurosym.logic.parser import parse_formula
from neurosym.logic.signature import ENTITY, INT, REAL, FuncType, PredType, Signature
from neurosym.logic.typecheck import infer_signature, typecheck

LENDING = Signature(
    sorts=frozenset({"Applicant", "Drug"}),
    constants={"alice": "Applicant", "aspirin": "Drug", "budget": INT},
    predicates={
        "adult": PredType(("Applicant",)),
        "eligible": PredType(("Applicant",)),
        "takes": PredType(("Applicant", "Drug")),
        "raining": PredType(()),
        "even": PredType((INT,)),
        "cheap": PredType((REAL,)),
    },
    functions={
        "age": FuncType(("Applicant",), INT),
        "dose": FuncType(("Drug",), REAL),
        "owner": FuncType(("Drug",), "Applicant"),
    },
)
ONE_SORT = Signature(sorts=frozenset({"Person"}),
                     predicates={"happy": PredType(("Person",))})


def check(text: str, signature: Signature = LENDING) -> ast.Formula:
    return typecheck(parse_formula(text), signature, path="claim.lf", source=text)


def binder_sorts(formula: ast.Formula) -> list[tuple[str, str]]:
    return [(b.name, b.sort) for node in ast.walk(formula)
            if isinstance(node, (ast.Forall, ast.Exists)) for b in node.binders]


def without_sorts(formula: ast.Formula) -> ast.Formula:
    """The formula with every binder's sort erased (to compare shapes)."""
    if isinstance(formula, (ast.Forall, ast.Exists)):
        binders = tuple(dataclasses.replace(b, sort=None) for b in formula.binders)
        return type(formula)(binders, without_sorts(formula.body))
    if isinstance(formula, ast.Not):
        return ast.Not(without_sorts(formula.arg))
    if isinstance(formula, (ast.And, ast.Or)):
        return type(formula)(tuple(without_sorts(a) for a in formula.args))
    if isinstance(formula, (ast.Xor, ast.Implies, ast.Iff)):
        return type(formula)(without_sorts(formula.left), without_sorts(formula.right))
    return formula


# ------------------------------------------------------------------ binder sorts


@pytest.mark.parametrize("text, expected", [
    ("forall a. age(a) >= 18 -> adult(a)", [("a", "Applicant")]),
    ("forall a, d. takes(a, d) and dose(d) > 2", [("a", "Applicant"), ("d", "Drug")]),
    ("exists d. owner(d) = alice", [("d", "Drug")]),
    ("forall d. exists a. a = owner(d)", [("d", "Drug"), ("a", "Applicant")]),
    # the same name bound twice: two variables, two sorts
    ("(forall x. adult(x)) and (forall x. dose(x) > 1)", [("x", "Applicant"), ("x", "Drug")]),
    ("forall x. adult(x) and exists x. dose(x) > 1", [("x", "Applicant"), ("x", "Drug")]),
    ("forall x: Applicant. adult(x)", [("x", "Applicant")]),
    ("∀x (eligible(x) → adult(x))", [("x", "Applicant")]),
])
def test_binder_sorts_are_filled_in_from_use(text, expected):
    assert binder_sorts(check(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("forall n. even(n)", INT),                 # an Int argument position
    ("forall n. cheap(n)", REAL),               # a Real argument position
    ("forall n. n + 1 > age(alice)", INT),      # numbers default to Int
    ("exists n. n > 2.5", REAL),                # a decimal literal makes it Real
    ("exists n. n / 2 = 1", REAL),              # so does division
    ("forall n. even(n) and cheap(n)", INT),    # Int where Int is needed; Int fits Real
    ("forall n, m. even(n) and n < m", INT),    # m shares n's sort through '<'
])
def test_numeric_variables_get_int_or_real(text, expected):
    assert binder_sorts(check(text))[-1][1] == expected


def test_only_binder_sorts_change():
    text = "forall a. (exists d. takes(a, d)) -> not adult(a) or age(a) * 2 >= budget"
    checked = check(text)
    assert without_sorts(checked) == parse_formula(text)


def test_checking_twice_changes_nothing():
    once = check("forall a, d. takes(a, d) -> dose(d) < 3")
    assert typecheck(once, LENDING) == once


def test_a_formula_without_quantifiers_comes_back_as_it_was():
    formula = parse_formula("adult(alice) and age(alice) = 17")
    assert typecheck(formula, LENDING) is formula


def test_spans_survive_for_later_error_messages():
    checked = check("forall a. adult(a)")
    assert checked.body.span.column == 11


def test_the_only_user_sort_is_the_default_for_an_unconstrained_variable():
    assert binder_sorts(check("forall x. x = x", ONE_SORT)) == [("x", "Person")]


# ------------------------------------------------------------------ errors


@pytest.mark.parametrize("text, column, fragment, suggestion", [
    ("adlt(alice)", 1, "undeclared predicate 'adlt'", "adult"),
    ("adult(alise)", 7, "undeclared constant 'alise'", "alice"),
    ("ag(alice) > 3", 1, "undeclared function 'ag'", "age"),
    ("adult(alice, alice)", 1, "predicate 'adult' takes 1 argument, but is given 2", None),
    ("age(alice, aspirin) = 1", 1, "function 'age' takes 1 argument, but is given 2", None),
    ("raining(alice)", 1, "predicate 'raining' takes 0 arguments", None),
    ("adult(aspirin)", 7, "argument 1 of 'adult' must be an Applicant, but 'aspirin' is a Drug", None),
    ("even(dose(aspirin))", 6, "argument 1 of 'even' must be an Int", None),
    ("age(alice) = aspirin", 1, "cannot compare an Int with a Drug", None),
    ("alice = aspirin", 1, "cannot compare an Applicant with a Drug", None),
    ("alice < 3", 1, "'<' needs numbers, but 'alice' is an Applicant", None),
    ("age(alice) + alice > 1", 14, "'+' needs numbers", None),
    ("forall x. adult(x) and takes(alice, x)", 37,
     "argument 2 of 'takes' must be a Drug, but the variable 'x' is an Applicant", None),
    ("forall x, y. adult(x) and dose(y) > 1 and x = y", 43,
     "'=': the variable 'x' is an Applicant (from argument 1 of 'adult' at claim.lf:1:20), "
     "but the variable 'y' is a Drug", None),
    ("forall x. x = x", 8, "give x a sort", None),
    ("forall x: Aplicant. adult(x)", 8, "unknown sort 'Aplicant'", "Applicant"),
    ("age(alice)", 1, "'age' is a function of 1 argument, not a statement", None),
    ("adult(alice) = alice", 1, "'adult' is a predicate, not a function", None),
    ("adult = alice", 1, "'adult' is a predicate, not a term", None),
    ("alice(aspirin) = alice", 1, "'alice' is a constant, not a function", None),
    ("alice", 1, "'alice' is a constant, not a statement", None),
    ("age = 3", 1, "'age' is a function of 1 argument, not a term", None),
])
def test_errors_name_the_problem_the_position_and_a_near_name(text, column, fragment, suggestion):
    with pytest.raises(TypeCheckError) as caught:
        check(text)
    error = caught.value
    assert fragment in error.message
    assert (error.path, error.line, error.column) == ("claim.lf", 1, column)
    assert error.suggestion == suggestion
    assert str(error).splitlines()[2].index("^") == 4 + column - 1  # caret under the column


def test_a_sort_clash_says_where_the_first_sort_came_from():
    with pytest.raises(TypeCheckError, match=r"from argument 1 of 'adult' at claim.lf:1:17"):
        check("forall x. adult(x) and takes(alice, x)")


def test_errors_without_spans_still_name_the_input():
    formula = ast.Pred("adult", (ast.Const("aspirin"),))
    with pytest.raises(TypeCheckError) as caught:
        typecheck(formula, LENDING, path="<claim 2>")
    assert caught.value.location == "<claim 2>"
    assert "'aspirin'" in caught.value.message


def test_an_unbound_variable_is_an_error():
    with pytest.raises(TypeCheckError, match="not bound"):
        typecheck(ast.Pred("adult", (ast.Var("x"),)), LENDING)


def test_typecheck_refuses_non_formulas():
    with pytest.raises(TypeError):
        typecheck(ast.Const("alice"), LENDING)


def test_absurdly_deep_formulas_are_a_type_error_not_a_crash():
    formula: ast.Formula = ast.Pred("adult", (ast.Const("alice"),))
    for _ in range(5000):
        formula = ast.Not(formula)
    with pytest.raises(TypeCheckError, match="nested too deeply"):
        typecheck(formula, LENDING)


# ------------------------------------------------------------------ open mode


def infer(*texts: str, base: Signature | None = None, allow_new_symbols: bool = True) -> Signature:
    statements = [(parse_formula(t), f"<premise {i + 1}>", t) for i, t in enumerate(texts)]
    return infer_signature(statements, base=base, allow_new_symbols=allow_new_symbols)


def test_folio_formulas_check_as_they_are():
    premises = [
        "∀x (Drinks(x) → Dependent(x))",
        "∀x (Jokes(x) ⊕ Unaware(x))",
        "∀x (Student(x) ∧ Drinks(x) → ¬Jokes(x))",
        "Drinks(rina) ∨ ¬Student(rina)",
        "∃x (Loves(x, rina))",
    ]
    signature = infer(*premises)
    assert signature.sorts == frozenset({ENTITY})
    assert signature.predicates["Drinks"] == PredType((ENTITY,))
    assert signature.predicates["Loves"] == PredType((ENTITY, ENTITY))
    assert signature.constants == {"rina": ENTITY}
    for text in premises:
        assert {sort for _, sort in binder_sorts(check(text, signature))} <= {ENTITY}


@pytest.mark.parametrize("text, function, expected", [
    ("forall x. age(x) > 18", "age", FuncType((ENTITY,), INT)),
    ("price(car) * 1.5 > 10", "price", FuncType((ENTITY,), REAL)),
    ("total(a) / 2 > 1", "total", FuncType((ENTITY,), REAL)),
    ("owner(car) = bob", "owner", FuncType((ENTITY,), ENTITY)),
    ("distance(a, b) + 1 <= 5", "distance", FuncType((ENTITY, ENTITY), INT)),
])
def test_open_mode_infers_function_types(text, function, expected):
    assert infer(text).functions[function] == expected


@pytest.mark.parametrize("texts, fragment, location", [
    (("likes(a)", "likes(a, b)"), "takes 1 argument (as first used at <premise 1>:1:1)", "<premise 2>:1:1"),
    (("age(a) > 1", "age(a)"), "'age' is a function of 1 argument (as used at <premise 1>:1:1)", "<premise 2>:1:1"),
    (("tall(bob)", "friend(tall) = bob"), "'tall' is a predicate", "<premise 2>:1:8"),
    # a number reaches c through p's argument; a sort written at a binder then clashes
    (("p(a) and a > 1", "p(b) and b = c", "forall x: Person. x = c"),
     "cannot compare a Person with the constant 'c', which is a number (from '>' at <premise 1>:1:10)",
     "<premise 3>:1:19"),
])
def test_open_mode_reports_inconsistent_use(texts, fragment, location):
    with pytest.raises(TypeCheckError) as caught:
        infer(*texts)
    assert fragment in caught.value.message
    assert caught.value.location == location


# ------------------------------------------------------------------ with a base signature


def test_new_constants_take_their_sort_from_their_use():
    extended = infer("eligible(carol)", "takes(dan, ibuprofen)", "score = 3", "ratio > 0.5",
                     "owner(ibuprofen) = erin", base=LENDING, allow_new_symbols=False)
    assert extended.constants["carol"] == "Applicant"
    assert extended.constants["ibuprofen"] == "Drug"
    assert extended.constants["score"] == INT
    assert extended.constants["ratio"] == REAL
    assert extended.constants["erin"] == "Applicant"
    assert set(LENDING.constants) < set(extended.constants)
    assert extended.predicates == LENDING.predicates


def test_an_unconstrained_new_constant_gets_the_only_user_sort_or_entity():
    assert infer("x = y", base=ONE_SORT).constants["x"] == "Person"
    two_sorts = infer("x = y", base=LENDING)
    assert two_sorts.constants["x"] == ENTITY
    assert ENTITY in two_sorts.sorts


def test_new_predicates_need_permission():
    with pytest.raises(TypeCheckError) as caught:
        infer("eligble(carol)", base=LENDING, allow_new_symbols=False)
    assert caught.value.suggestion == "eligible"
    assert "undeclared predicate 'eligble'" in caught.value.message
    extended = infer("trusted(alice) and rating(aspirin) > 2", base=LENDING)
    assert extended.predicates["trusted"] == PredType(("Applicant",))
    assert extended.functions["rating"] == FuncType(("Drug",), INT)


def test_declared_symbols_keep_their_types():
    with pytest.raises(TypeCheckError, match="takes 1 argument"):
        infer("adult(alice, bob)", base=LENDING)
    with pytest.raises(TypeCheckError, match="must be an Applicant"):
        infer("adult(aspirin)", base=LENDING)


def test_the_base_is_not_changed():
    before = dataclasses.replace(LENDING, constants=dict(LENDING.constants))
    infer("eligible(carol) and new_pred(carol)", base=LENDING)
    assert LENDING == before


def test_inferred_signatures_type_check_their_statements():
    texts = ["forall x. eligible(x) -> exists d. takes(x, d)", "takes(carol, pill)", "dose(pill) > 0.5"]
    signature = infer(*texts, base=LENDING, allow_new_symbols=False)
    for text in texts:
        check(text, signature)
