"""The classical reasoner, as a specification: verdicts, evidence, modes, reuse.

Verdicts are defined by refutation (DESIGN.md): IMPOSSIBLE when rules + premises are
unsatisfiable, ENTAILED when rules + premises + not claim are, CONTRADICTED when rules +
premises + claim are, else POSSIBLE. Evidence is checked against its definition: a
minimal set really entails / conflicts (and every proper subset does not), and a
scenario really makes the claim true or false.
"""

from __future__ import annotations

import dataclasses
import re
import textwrap
from fractions import Fraction

import pytest

from neurosym.errors import InputFormatError, LogicSyntaxError, TypeCheckError
from neurosym.logic import ast
from neurosym.logic.parser import parse_formula
from neurosym.reasoner import CheckResult, Reasoner
from neurosym.rules.loader import load_theory
from neurosym.verdicts import Consistency, Verdict

LOAN_RULES = """
sort Applicant
pred adult(Applicant)      "{0} is an adult"
pred eligible(Applicant)   "{0} is eligible for a loan"
pred employed(Applicant)   "{0} is employed"
func age(Applicant) -> Int "the age of {0}"
func income(Applicant) -> Real "the income of {0}"
const min_income: Real     "the minimum income"

fact min_income_is_set: min_income = 1500.5
rule adult_by_age "Applicants aged 18 or over are adults.":
    forall a: Applicant. age(a) >= 18 -> adult(a)
rule minor_by_age "Applicants under 18 are not adults.":
    forall a: Applicant. age(a) < 18 -> not adult(a)
rule adults_eligible "Employed adults with enough income are eligible.":
    forall a: Applicant. adult(a) and employed(a) and income(a) >= min_income -> eligible(a)
rule minors_ineligible "Minors are not eligible.":
    forall a: Applicant. not adult(a) -> not eligible(a)
"""


@pytest.fixture
def write_rules(tmp_path):
    def write(text: str, name: str = "theory.rules"):
        path = tmp_path / name
        path.write_text(textwrap.dedent(text))
        return load_theory([str(path)])
    return write


@pytest.fixture
def loans(write_rules):
    return Reasoner(write_rules(LOAN_RULES))


def verdict(result: CheckResult, index: int = 0) -> Verdict:
    return result.claims[index].verdict


def names(items) -> set[str]:
    return {item.name for item in items}


# ---------------------------------------------------------------- DESIGN.md examples


SHAKESPEARE = ["not writer(shakespeare)", "wrote(shakespeare, hamlet)",
               "forall x, y. wrote(x, y) -> writer(x)"]


def test_shakespeare_statements_are_inconsistent_and_all_three_clash():
    result = Reasoner().check(SHAKESPEARE)
    assert result.consistency is Consistency.INCONSISTENT
    assert names(result.conflict) == {"claim 1", "claim 2", "claim 3"}
    assert result.violation


def test_shakespeare_as_premises_makes_any_claim_impossible():
    result = Reasoner().check(["writer(hamlet)"], SHAKESPEARE)
    assert verdict(result) is Verdict.IMPOSSIBLE
    assert names(result.claims[0].evidence) == {"premise 1", "premise 2", "premise 3"}
    assert result.consistency is Consistency.INCONSISTENT


def test_contraposition_holds_classically_in_open_mode():
    result = Reasoner().check(["not adult(bob)"], ["forall x. adult(x) -> eligible(x)", "not eligible(bob)"])
    assert verdict(result) is Verdict.ENTAILED
    assert names(result.claims[0].evidence) == {"premise 1", "premise 2"}


def test_contraposition_holds_classically_with_a_rule_file(write_rules):
    theory = write_rules("""
        sort Person
        pred adult(Person)
        pred eligible(Person)
        rule adults_are_eligible "Adults are eligible.": forall p: Person. adult(p) -> eligible(p)
    """)
    result = Reasoner(theory).check(["not adult(bob)"], ["not eligible(bob)"])
    assert verdict(result) is Verdict.ENTAILED
    evidence = result.claims[0].evidence
    assert names(evidence) == {"adults_are_eligible", "premise 1"}
    rule = next(item for item in evidence if item.kind == "rule")
    assert rule.english == "Adults are eligible."
    assert rule.where.path.endswith("theory.rules") and rule.where.line == 5


# ---------------------------------------------------------------- each verdict with its evidence


def test_entailed_through_arithmetic_and_a_chain_of_rules(loans):
    result = loans.check(["eligible(ann)"], ["age(ann) = 30", "employed(ann)", "income(ann) = 2000"])
    assert verdict(result) is Verdict.ENTAILED
    assert names(result.claims[0].evidence) == {
        "adult_by_age", "adults_eligible", "min_income_is_set", "premise 1", "premise 2", "premise 3"}
    assert result.consistency is Consistency.CONSISTENT and not result.violation


def test_contradicted_carries_the_claim_and_what_it_clashes_with(loans):
    result = loans.check(["eligible(tim)"], ["age(tim) = 17"])
    claim = result.claims[0]
    assert claim.verdict is Verdict.CONTRADICTED
    assert names(claim.evidence) == {"minor_by_age", "minors_ineligible", "premise 1", "claim 1"}
    assert result.consistency is Consistency.INCONSISTENT
    assert names(result.conflict) == names(claim.evidence)
    assert result.violation


def test_possible_has_a_scenario_where_the_claim_holds_and_one_where_it_fails(loans):
    result = loans.check(["eligible(eve)"], ["age(eve) = 40"])
    claim = result.claims[0]
    assert claim.verdict is Verdict.POSSIBLE
    assert [s.claim_holds for s in claim.scenarios] == [True, False]
    holds, fails = (dict(s.values) for s in claim.scenarios)
    assert holds["eligible(eve)"] == "true" and fails["eligible(eve)"] == "false"
    assert holds["age(eve)"] == fails["age(eve)"] == "40"  # the premise holds in both
    assert holds["adult(eve)"] == "true"  # and so do the rules


def test_impossible_when_the_premises_clash(loans):
    result = loans.check(["eligible(joe)"], ["age(joe) = 16", "adult(joe)", "employed(joe)"])
    assert verdict(result) is Verdict.IMPOSSIBLE
    assert names(result.claims[0].evidence) == {"minor_by_age", "premise 1", "premise 2"}
    assert result.consistency is Consistency.INCONSISTENT


def test_inconsistent_rules_make_every_claim_impossible(write_rules):
    theory = write_rules("""
        sort S
        const a: S
        pred p(S)
        pred q(S)
        rule all_p: forall x: S. p(x)
        rule p_means_q: forall x: S. p(x) -> q(x)
        rule no_q: forall x: S. not q(x)
        rule unrelated: forall x: S. q(x) or not q(x)
    """)
    result = Reasoner(theory).check(["p(a)", "q(b)"])
    assert [c.verdict for c in result.claims] == [Verdict.IMPOSSIBLE, Verdict.IMPOSSIBLE]
    assert names(result.conflict) == {"all_p", "p_means_q", "no_q"}
    assert result.reason == "the rules contradict each other"


def test_a_sort_is_never_empty(write_rules):
    # Without individuals, "everything is p" and "nothing is p" still clash.
    theory = write_rules("""
        sort S
        pred p(S)
        rule all_p: forall x: S. p(x)
        rule no_p: forall x: S. not p(x)
    """)
    assert Reasoner(theory).check([]).consistency is Consistency.INCONSISTENT


@pytest.mark.parametrize("claim, premises, expected", [
    ("exists x. p(x)", ["forall x. p(x)"], Verdict.ENTAILED),
    ("rain", ["forall x. p(x) xor p(x)"], Verdict.IMPOSSIBLE),
    ("not rain", ["forall x. not (p(x) -> rain)"], Verdict.ENTAILED),
])
def test_universals_without_named_individuals_still_range_over_someone(claim, premises, expected):
    assert verdict(Reasoner().check([claim], premises)) is expected


def test_consistency_of_several_claims_together(loans):
    # Each claim is possible alone; together they clash (through the rules).
    result = loans.check(["adult(kim)", "age(kim) < 18"])
    assert [c.verdict for c in result.claims] == [Verdict.POSSIBLE, Verdict.POSSIBLE]
    assert result.consistency is Consistency.INCONSISTENT
    assert names(result.conflict) == {"minor_by_age", "claim 1", "claim 2"}
    assert Reasoner().check(["p(a)", "q(a)"]).consistency is Consistency.CONSISTENT


def test_no_claims_checks_the_premises_alone():
    assert Reasoner().check([], ["p(a)"]).consistency is Consistency.CONSISTENT
    result = Reasoner().check([], ["p(a)", "not p(a)"])
    assert result.consistency is Consistency.INCONSISTENT
    assert names(result.conflict) == {"premise 1", "premise 2"}


# ---------------------------------------------------------------- evidence is minimal


def _sub_reasoner(theory, rule_names):
    rules = tuple(r for r in theory.rules if r.name in rule_names)
    return Reasoner(dataclasses.replace(theory, rules=rules))


def _assert_minimal_support(theory, claim, premises, evidence):
    """The evidence alone entails the claim, and no smaller part of it does."""
    rule_names = {e.name for e in evidence if e.kind in ("rule", "fact")}
    kept = [p for i, p in enumerate(premises, 1) if f"premise {i}" in names(evidence)]
    assert verdict(_sub_reasoner(theory, rule_names).check([claim], kept)) is Verdict.ENTAILED
    for dropped in evidence:
        rules = rule_names - {dropped.name}
        fewer = [p for i, p in enumerate(premises, 1)
                 if f"premise {i}" in names(evidence) and f"premise {i}" != dropped.name]
        assert verdict(_sub_reasoner(theory, rules).check([claim], fewer)) is not Verdict.ENTAILED, dropped.name


def _assert_minimal_conflict(theory, premises, claims, evidence):
    """The evidence alone is inconsistent, and every proper part of it is consistent."""
    def consistent(items) -> Consistency:
        rules = {e.name for e in items if e.kind in ("rule", "fact")}
        given = [p for i, p in enumerate(premises, 1) if f"premise {i}" in names(items)]
        asked = [c for i, c in enumerate(claims, 1) if f"claim {i}" in names(items)]
        return _sub_reasoner(theory, rules).check([], given + asked).consistency

    assert consistent(evidence) is Consistency.INCONSISTENT
    for dropped in evidence:
        assert consistent([e for e in evidence if e is not dropped]) is Consistency.CONSISTENT, dropped.name


REDUNDANT_RULES = """
sort S
const a: S
pred p(S)
pred q(S)
pred r(S)
pred s(S)
rule p_q: forall x: S. p(x) -> q(x)
rule q_r: forall x: S. q(x) -> r(x)
rule p_r: forall x: S. p(x) -> r(x)
rule r_s: forall x: S. r(x) -> s(x)
rule q_s: forall x: S. q(x) -> s(x)
fact p_a: p(a)
fact q_a: q(a)
"""


def test_supporting_sets_are_minimal_although_many_derivations_exist(write_rules):
    theory = write_rules(REDUNDANT_RULES)
    for claim, premises in [("s(a)", []), ("s(b)", ["p(b)", "q(b)"]), ("r(c)", ["p(c)", "q(c)", "r(c)"])]:
        result = Reasoner(theory).check([claim], premises)
        assert verdict(result) is Verdict.ENTAILED
        _assert_minimal_support(theory, claim, premises, result.claims[0].evidence)


def test_conflicting_sets_are_minimal(write_rules):
    theory = write_rules(REDUNDANT_RULES)
    cases = [([], ["not s(a)"]), (["p(b)", "q(b)", "not r(b)"], []), (["p(c)"], ["not s(c)", "q(c)"])]
    for premises, claims in cases:
        result = Reasoner(theory).check(claims, premises)
        assert result.consistency is Consistency.INCONSISTENT
        _assert_minimal_conflict(theory, premises, claims, result.conflict)


# ---------------------------------------------------------------- scenarios are real


def _holds_in(formula: ast.Formula, values: dict[str, str]) -> bool:
    """Evaluate a ground claim on a scenario's values (atoms and numeric terms)."""
    from neurosym.logic.printer import to_text

    def term(node):
        if isinstance(node, ast.Num):
            return node.value
        if isinstance(node, ast.Arith):
            left, right = term(node.left), term(node.right)
            return {"+": left + right, "-": left - right, "*": left * right, "/": left / right}[node.op]
        if isinstance(node, ast.Neg):
            return -term(node.arg)
        return Fraction(values[re.sub(r",(?=\S)", ", ", to_text(node))])

    def holds(node) -> bool:
        if isinstance(node, ast.Pred):
            return values[to_text(node)] == "true"
        if isinstance(node, ast.Not):
            return not holds(node.arg)
        if isinstance(node, ast.And):
            return all(holds(a) for a in node.args)
        if isinstance(node, ast.Or):
            return any(holds(a) for a in node.args)
        if isinstance(node, ast.Implies):
            return not holds(node.left) or holds(node.right)
        if isinstance(node, ast.Iff):
            return holds(node.left) == holds(node.right)
        if isinstance(node, ast.Xor):
            return holds(node.left) != holds(node.right)
        if isinstance(node, ast.Compare):
            left, right = term(node.left), term(node.right)
            return {"=": left == right, "!=": left != right, "<": left < right, "<=": left <= right,
                    ">": left > right, ">=": left >= right}[node.op]
        raise AssertionError(f"not ground: {node}")

    return holds(formula)


@pytest.mark.parametrize("claim, premises", [
    ("eligible(eve)", ["age(eve) = 40"]),
    ("employed(eve) xor adult(eve)", []),
    ("age(eve) >= 21 and income(eve) < 2 * min_income", ["employed(eve)"]),
    ("adult(eve) -> eligible(eve)", ["income(eve) = 1000"]),
])
def test_scenarios_make_the_claim_true_and_false(loans, claim, premises):
    result = loans.check([claim], premises)
    assert verdict(result) is Verdict.POSSIBLE
    formula = parse_formula(claim)
    seen = [scenario.claim_holds for scenario in result.claims[0].scenarios]
    assert seen == [True, False]
    for scenario in result.claims[0].scenarios:
        values = dict(scenario.values)
        assert _holds_in(formula, values) is scenario.claim_holds, values
        for premise in premises:
            assert _holds_in(parse_formula(premise), values)


def test_scenarios_name_a_witness_for_an_existential_claim():
    result = Reasoner().check(["exists x. tall(x) and not rich(x)"], ["tall(ann)", "rich(ann)"])
    assert verdict(result) is Verdict.POSSIBLE
    holds = dict(result.claims[0].scenarios[0].values)
    assert holds["tall(witness)"] == "true" and holds["rich(witness)"] == "false"
    assert holds["tall(ann)"] == holds["rich(ann)"] == "true"


# ---------------------------------------------------------------- arithmetic


def test_ints_and_reals_mix(loans):
    given = ["age(ann) = 30", "employed(ann)"]
    assert verdict(loans.check(["eligible(ann)"], given + ["income(ann) = 1500.5"])) is Verdict.ENTAILED
    assert verdict(loans.check(["eligible(ann)"], given + ["income(ann) = 1500"])) is Verdict.POSSIBLE
    assert verdict(loans.check(["income(ann) / 2 > age(ann)"], ["income(ann) = 61", "age(ann) = 30"])) \
        is Verdict.ENTAILED  # '/' is real division: 30.5 > 30
    assert verdict(loans.check(["age(ann) >= 17.5"], ["age(ann) > 17"])) is Verdict.ENTAILED
    assert verdict(loans.check(["age(ann) = 17.5"])) is Verdict.CONTRADICTED  # ages are whole


def test_numeric_parameters_fixed_by_a_fact(loans):
    assert verdict(loans.check(["min_income = 1500.5"])) is Verdict.ENTAILED
    assert verdict(loans.check(["min_income > 2000"])) is Verdict.CONTRADICTED
    result = loans.check(["eligible(a1) and eligible(a2)"], ["age(a1) = 20", "age(a2) = 20", "employed(a1)",
                                                              "employed(a2)", "income(a1) = 1600",
                                                              "income(a2) = 1700"])
    assert verdict(result) is Verdict.ENTAILED


# ---------------------------------------------------------------- quantified claims


@pytest.mark.parametrize("claim, expected", [
    ("exists x. adult(x)", Verdict.ENTAILED),
    ("exists x. not adult(x)", Verdict.ENTAILED),
    ("forall x. adult(x)", Verdict.CONTRADICTED),
    ("forall x. adult(x) -> age(x) >= 18", Verdict.ENTAILED),
    ("forall x. eligible(x) -> employed(x)", Verdict.POSSIBLE),
    ("exists x. eligible(x)", Verdict.POSSIBLE),
    ("exists x. age(x) = 15 and eligible(x)", Verdict.CONTRADICTED),
])
def test_existential_and_universal_claims(loans, claim, expected):
    result = loans.check([claim], ["age(old) = 70", "age(young) = 10"])
    assert verdict(result) is expected


def test_universal_claims_range_over_individuals_no_statement_names():
    reasoner = Reasoner()
    assert verdict(reasoner.check(["forall x. p(x) -> r(x)"], ["forall x. p(x) -> q(x)",
                                                               "forall x. q(x) -> r(x)"])) is Verdict.ENTAILED
    # "Everyone is p" is not entailed by "bob is p": someone unnamed may not be.
    assert verdict(reasoner.check(["forall x. p(x)"], ["p(bob)"])) is Verdict.POSSIBLE


def test_existentials_under_universals_are_left_to_z3():
    reasoner = Reasoner()
    premises = ["forall x. exists y. parent(y, x)", "forall x, y. parent(x, y) -> older(x, y)",
                "forall x. tall(x)"]
    entailed = reasoner.check(["exists y. older(y, bob)"], premises)
    assert verdict(entailed) is Verdict.ENTAILED
    assert names(entailed.claims[0].evidence) == {"premise 1", "premise 2"}
    assert verdict(reasoner.check(["exists y. older(bob, y)"], premises)) is Verdict.POSSIBLE


def test_equality_between_individuals():
    reasoner = Reasoner()
    assert verdict(reasoner.check(["adult(bob)"], ["bob = robert", "adult(robert)"])) is Verdict.ENTAILED
    assert verdict(reasoner.check(["bob = robert"], ["adult(bob)", "not adult(robert)"])) is Verdict.CONTRADICTED
    assert verdict(reasoner.check(["exists x, y. x != y"])) is Verdict.POSSIBLE


def test_rules_that_compare_individuals(write_rules):
    theory = write_rules("""
        sort Person
        pred married(Person, Person)
        rule not_to_oneself: forall x: Person, y: Person. married(x, y) -> x != y
        rule symmetric: forall x: Person, y: Person. married(x, y) -> married(y, x)
    """)
    reasoner = Reasoner(theory)
    assert verdict(reasoner.check(["married(bo, al)"], ["married(al, bo)"])) is Verdict.ENTAILED
    assert verdict(reasoner.check(["al = bo"], ["married(al, bo)"])) is Verdict.CONTRADICTED
    assert verdict(reasoner.check(["married(al, cy)"], ["married(al, bo)", "bo = cy"])) is Verdict.ENTAILED


def test_facts_about_function_values_are_reasoned_about_with_equality(write_rules):
    theory = write_rules("""
        sort Person
        const bob: Person
        const alice: Person
        func boss(Person) -> Person
        pred trusted(Person)
        fact bosses: boss(bob) = alice
        fact trust: trusted(boss(bob))
    """)
    reasoner = Reasoner(theory)
    assert verdict(reasoner.check(["trusted(alice)"])) is Verdict.ENTAILED
    assert verdict(reasoner.check(["trusted(carl)"], ["carl = alice"])) is Verdict.ENTAILED
    assert verdict(reasoner.check(["trusted(boss(carl))"])) is Verdict.POSSIBLE


# ---------------------------------------------------------------- open mode (FOLIO style)


FOLIO_PREMISES = [
    "∀x (Drinks(x) → Dependent(x))",
    "∀x (Drinks(x) ⊕ Jokes(x))",
    "∀x (Jokes(x) → ¬Unaware(x))",
    "∀x (Student(x) → Unaware(x))",
    "Student(rina) ⊕ ¬Unaware(rina)",
]


@pytest.mark.parametrize("claim, expected", [
    ("Jokes(rina)", Verdict.POSSIBLE),
    ("Student(rina) → Dependent(rina)", Verdict.ENTAILED),
    ("∃x (Jokes(x) ∧ Student(x))", Verdict.CONTRADICTED),
    ("¬(Student(rina) ∧ Jokes(rina))", Verdict.ENTAILED),
])
def test_open_mode_checks_folio_style_input_as_it_is(claim, expected):
    assert verdict(Reasoner().check([claim], FOLIO_PREMISES)) is expected


def test_open_mode_propositions_and_mixed_arities():
    reasoner = Reasoner()
    assert verdict(reasoner.check(["wet"], ["raining -> wet", "raining"])) is Verdict.ENTAILED
    assert verdict(reasoner.check(["likes(ann, bob)"], ["forall x, y. likes(x, y)"])) is Verdict.ENTAILED
    # The next check gives 'likes' another arity: each check has its own signature.
    assert verdict(reasoner.check(["likes(ann)"], ["not likes(ann)"])) is Verdict.CONTRADICTED


# ---------------------------------------------------------------- incremental reuse


CHECKS = [
    (["eligible(ann)"], ["age(ann) = 30", "employed(ann)", "income(ann) = 2000"]),
    (["eligible(ann)"], []),
    (["adult(bob)", "eligible(bob)"], ["age(bob) = 12"]),
    (["exists x. eligible(x)"], ["age(carl) = 40", "employed(carl)", "income(carl) = 1600"]),
    (["forall x. adult(x)"], ["age(dan) = 5"]),
    (["eligible(ann)"], ["age(ann) = 17"]),
    (["adult(a1) or adult(a2) or adult(a3)"], ["age(a1) = 1", "age(a2) = 2"]),
    (["eligible(ann)"], ["age(ann) = 30", "employed(ann)", "income(ann) = 2000"]),
]


def _summary(result: CheckResult):
    return ([(c.verdict, names(c.evidence), tuple(s.claim_holds for s in c.scenarios)) for c in result.claims],
            result.consistency, names(result.conflict))


def test_a_reused_reasoner_answers_like_a_fresh_one(write_rules):
    theory = write_rules(LOAN_RULES)
    reused = Reasoner(theory)
    for claims, premises in CHECKS + CHECKS[::-1]:
        assert _summary(reused.check(claims, premises)) == _summary(Reasoner(theory).check(claims, premises))


def test_new_individuals_reuse_slots_instead_of_growing_the_rule_base(loans):
    loans.check(["eligible(p0)"], ["age(p0) = 20"])
    size = len(loans.rulebase.clause_exprs)
    for i in range(1, 30):
        assert verdict(loans.check(["eligible(p%d)" % i], ["age(p%d) = 12" % i])) is Verdict.CONTRADICTED
    assert len(loans.rulebase.clause_exprs) == size


def test_explain_off_gives_the_same_verdicts_without_evidence(loans):
    for claims, premises in CHECKS:
        plain = loans.check(claims, premises, explain=False)
        full = loans.check(claims, premises)
        assert [c.verdict for c in plain.claims] == [c.verdict for c in full.claims]
        assert plain.consistency is full.consistency
        assert all(not c.evidence and not c.scenarios for c in plain.claims) and not plain.conflict


# ---------------------------------------------------------------- semantics


def test_the_semantics_is_chosen_per_check_on_one_reasoner():
    reasoner = Reasoner()
    premises = ["forall x. adult(x) -> eligible(x)", "not eligible(bob)"]
    by_semantics = {s: reasoner.check(["not adult(bob)"], premises, semantics=s)
                    for s in ("classical", "directional", "closed_world")}
    assert verdict(by_semantics["classical"]) is Verdict.ENTAILED  # by contraposition
    assert verdict(by_semantics["directional"]) is Verdict.POSSIBLE  # rules fire forwards only
    assert verdict(by_semantics["closed_world"]) is Verdict.ENTAILED  # adult(bob) is not derived
    assert [r.semantics.value for r in by_semantics.values()] == ["classical", "directional", "closed-world"]


# ---------------------------------------------------------------- input handling


def test_the_public_names_of_the_reasoner_package():
    import neurosym.reasoner

    assert sorted(neurosym.reasoner.__all__) == [
        "CheckResult", "ClaimResult", "EvidenceItem", "Reasoner", "Scenario", "Statement"]


def test_statements_as_formulas_or_text_and_a_single_claim():
    formula = parse_formula("forall x. p(x) -> q(x)")
    result = Reasoner().check("q(a)", [formula, "p(a)"])
    assert verdict(result) is Verdict.ENTAILED
    assert result.claims[0].claim.text == "q(a)"
    assert result.to_dict()["claims"][0]["verdict"] == "ENTAILED"


def test_bad_input_raises_the_projects_errors(loans):
    with pytest.raises(LogicSyntaxError) as syntax:
        loans.check(["eligible(ann"])
    assert syntax.value.path == "<claim 1>"
    with pytest.raises(TypeCheckError) as typing:
        loans.check(["adult(ann)"], ["eligble(ann)"])
    assert typing.value.path == "<premise 1>" and typing.value.suggestion == "eligible"
    with pytest.raises(InputFormatError):
        loans.check([42])
    with pytest.raises(InputFormatError):
        loans.check(["adult(ann)"], semantics="fuzzy")
    with pytest.raises(InputFormatError):
        loans.check(["adult(ann)"], timeout_s=0)


def test_from_files_loads_rule_files(tmp_path):
    path = tmp_path / "r.rules"
    path.write_text("sort S\npred p(S)\npred q(S)\nrule pq: forall x: S. p(x) -> q(x)\n")
    result = Reasoner.from_files(path).check(["q(a)"], ["p(a)"])
    assert verdict(result) is Verdict.ENTAILED
    assert names(result.claims[0].evidence) == {"pq", "premise 1"}


def test_shipped_rule_files_pass_their_classical_examples():
    import glob

    from neurosym.verdicts import Semantics

    for path in sorted(glob.glob("rules/*.rules")):
        theory = load_theory([path])
        reasoner = Reasoner(theory)
        for example in theory.examples:
            if example.semantics is not Semantics.CLASSICAL:
                continue
            result = reasoner.check([c.formula for c in example.claims], example.givens)
            for expected, got in zip(example.claims, result.claims):
                assert got.verdict is expected.expected, (path, example.name)
            if example.expected_consistency is not None:
                assert result.consistency is example.expected_consistency, (path, example.name)


# ---------------------------------------------------------------- against plain Z3


def _reference_verdicts(theory, claims, premises):
    """Verdicts from plain Z3 on the formulas as written: no grounding, components, flat
    atoms, slots or cached models (which is what the reasoner adds). None when Z3 gives up."""
    import z3

    from neurosym.logic.typecheck import infer_signature, typecheck
    from neurosym.reasoner.translate import Translator

    formulas = [parse_formula(t) for t in [*premises, *claims]]
    signature = infer_signature([(f, "<s>", None) for f in formulas], base=theory.signature,
                                allow_new_symbols=False)
    typed = [typecheck(f, signature) for f in formulas]
    ctx = z3.Context()
    translator = Translator(ctx)
    solver = z3.Solver(ctx=ctx)
    solver.set("timeout", 5000)
    for rule in theory.rules:
        solver.add(translator.formula(rule.formula, signature))
    given = [translator.formula(f, signature) for f in typed[:len(premises)]]

    def sat(*extra):
        status = solver.check(*given, *extra)
        return None if status == z3.unknown else status == z3.sat

    base = sat()
    verdicts = []
    for formula in typed[len(premises):]:
        claim = translator.formula(formula, signature)
        holds, fails = sat(claim), sat(z3.Not(claim))
        if base is False:
            verdicts.append(Verdict.IMPOSSIBLE)
        elif None in (base, holds, fails):
            verdicts.append(None)
        elif not holds:
            verdicts.append(Verdict.CONTRADICTED)
        elif not fails:
            verdicts.append(Verdict.ENTAILED)
        else:
            verdicts.append(Verdict.POSSIBLE)
    return verdicts


def _random_case(rng):
    """A small random theory (text) and three checks (premises, claims) against it."""
    literals = ["p({v})", "q({v})", "not p({v})", "not q({v})", "r({v}, c0)", "not r(c1, {v})",
                "f({v}) >= k", "f({v}) < 3", "f({v}) + 1 = f(c0)"]

    def literal(v):
        return rng.choice(literals).format(v=v)

    rules = [f"forall x: S. {literal('x')} -> {literal('x')}" for _ in range(rng.randint(1, 4))]
    if rng.random() < 0.4:
        rules.append("forall x: S, y: S. r(x, y) -> r(y, x)")
    if rng.random() < 0.3:
        rules.append("forall x: S, y: S. r(x, y) -> x != y")
    facts = [literal(rng.choice(["c0", "c1"])) for _ in range(rng.randint(0, 2))]
    if rng.random() < 0.5:
        facts.append("k = 5")
    text = "sort S\nconst c0: S\nconst c1: S\nconst k: Int\npred p(S)\npred q(S)\npred r(S, S)\n"
    text += "func f(S) -> Int\n"
    text += "".join(f"rule r{i}: {rule}\n" for i, rule in enumerate(rules))
    text += "".join(f"fact f{i}: {fact}\n" for i, fact in enumerate(facts))
    checks = []
    for _ in range(3):
        individuals = ["c0", "c1", rng.choice(["d0", "e0"]), rng.choice(["d1", "e1"])]
        premises = [literal(rng.choice(individuals)) for _ in range(rng.randint(0, 3))]
        if rng.random() < 0.2:
            premises.append(f"{rng.choice(individuals)} = {rng.choice(individuals)}")
        claims = [literal(rng.choice(individuals)) for _ in range(rng.randint(1, 2))]
        if rng.random() < 0.3:
            claims.append(rng.choice(["exists x: S. p(x) and q(x)", "forall x: S. p(x) -> q(x)",
                                      "exists x: S. f(x) > f(c0)", "forall x: S. r(x, x) -> p(x)"]))
        checks.append((premises, claims))
    return text, checks


def test_the_reasoner_agrees_with_plain_z3_on_random_theories(tmp_path):
    import random

    rng = random.Random(11)
    compared = 0
    for case in range(120):
        text, checks = _random_case(rng)
        path = tmp_path / f"case{case}.rules"
        path.write_text(text)
        theory = load_theory([str(path)])
        reasoner = Reasoner(theory)  # reused for the case's three checks
        for premises, claims in checks:
            expected = _reference_verdicts(theory, claims, premises)
            got = [c.verdict for c in reasoner.check(claims, premises).claims]
            for want, have, claim in zip(expected, got, claims):
                if want is not None:
                    compared += 1
                    assert have is want, f"case {case}:\n{text}premises {premises}\nclaim {claim}"
    assert compared > 500
