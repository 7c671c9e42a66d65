"""Specification of the directional and closed-world semantics (neurosym.reasoner.chaining).

directional: forward chaining over literals; a negated literal is a fact of its own and
rules never fire backwards (no contraposition). closed-world: negation as failure over
the perfect model of a stratified program. See docs/semantics.md.
"""

from __future__ import annotations

import functools
import random
import time

import pytest

from neurosym.errors import SemanticsError
from neurosym.logic.parser import parse_formula
from neurosym.logic.signature import Signature
from neurosym.reasoner import chaining_engine
from neurosym.reasoner.chaining import ChainingProgram, check_closed_world, check_directional
from neurosym.reasoner.result import Statement
from neurosym.rules.model import Rule, Where
from neurosym.verdicts import Consistency, Semantics, Verdict

E, C, P, I, U = (Verdict.ENTAILED, Verdict.CONTRADICTED, Verdict.POSSIBLE, Verdict.IMPOSSIBLE,
                 Verdict.UNKNOWN)
CHECKS = {"directional": check_directional, "closed-world": check_closed_world}
# Parsing dominates these tests' time, and the same texts recur.
parse = functools.lru_cache(maxsize=None)(parse_formula)


def rules(*specs: str, path: str = "test.rules") -> list[Rule]:
    """Rules from "name: formula" lines, placed on lines 1, 2, ... of ``path``."""
    made = []
    for line, spec in enumerate(specs, start=1):
        name, formula = spec.split(":", 1)
        is_fact = name.startswith("fact ")
        name = name.removeprefix("fact ").strip()
        made.append(Rule(name, None, parse(formula), Where(path, line), is_fact=is_fact))
    return made


def statements(role: str, texts) -> list[Statement]:
    return [Statement(role, i, parse(text), text=text) for i, text in enumerate(texts, start=1)]


def check(semantics: str, program, premises=(), claims=(), **options):
    if not isinstance(program, ChainingProgram):
        program = ChainingProgram.compile(program)
    return CHECKS[semantics](program, statements("premise", premises), statements("claim", claims),
                             **options)


def verdict(semantics: str, program, premises, claim: str) -> Verdict:
    return check(semantics, program, premises, [claim]).claims[0].verdict


def names(items) -> list[str]:
    return [item.name for item in items]


# ---------------------------------------------------------------- verdicts under both semantics

ELIGIBILITY = rules("adults_eligible: forall x. adult(x) -> eligible(x)")
ELIGIBILITY_FACTS = ["adult(alice)", "not eligible(bob)", "person(carol)"]


@pytest.mark.parametrize("claim, directional, closed_world", [
    ("eligible(alice)", E, E),
    ("not eligible(alice)", C, C),
    ("adult(bob)", P, C),           # no contraposition; closed world: not derivable
    ("not adult(bob)", P, E),
    ("eligible(bob)", C, C),
    ("eligible(carol)", P, C),
    ("not eligible(carol)", P, E),
    ("adult(alice) and eligible(alice)", E, E),
    ("adult(alice) and eligible(bob)", C, C),
    ("adult(alice) and eligible(carol)", P, C),
    ("true", E, E),
    ("false", C, C),
])
def test_verdicts_of_literals_and_conjunctions(claim, directional, closed_world):
    assert verdict("directional", ELIGIBILITY, ELIGIBILITY_FACTS, claim) is directional
    assert verdict("closed-world", ELIGIBILITY, ELIGIBILITY_FACTS, claim) is closed_world


@pytest.mark.parametrize("semantics", CHECKS)
def test_premises_that_derive_p_and_not_p_make_every_claim_impossible(semantics):
    result = check(semantics, ELIGIBILITY, ["adult(bob)", "not eligible(bob)"],
                   ["eligible(alice)", "adult(bob)"])
    assert [c.verdict for c in result.claims] == [I, I]
    assert result.consistency is Consistency.INCONSISTENT
    assert "eligible(bob)" in result.reason and "not eligible(bob)" in result.reason
    # The clash needs the rule and both premises, and each claim cites it.
    assert sorted(names(result.conflict)) == ["adults_eligible", "premise 1", "premise 2"]
    assert result.claims[0].evidence == result.conflict


@pytest.mark.parametrize("semantics", CHECKS)
def test_the_result_names_its_semantics_and_is_consistent_when_nothing_clashes(semantics):
    result = check(semantics, ELIGIBILITY, ELIGIBILITY_FACTS, ["eligible(alice)"])
    assert result.semantics is Semantics(semantics)
    assert result.consistency is Consistency.CONSISTENT
    assert result.elapsed_s >= 0


@pytest.mark.parametrize("semantics", CHECKS)
def test_claims_that_clash_with_the_premises_make_the_set_inconsistent(semantics):
    result = check(semantics, ELIGIBILITY, ELIGIBILITY_FACTS, ["eligible(bob)"])
    assert result.claims[0].verdict is C
    assert result.consistency is Consistency.INCONSISTENT
    assert sorted(names(result.conflict)) == ["claim 1", "premise 2"]


def test_propositions_chain_like_predicates():
    program = rules("wet_when_raining: raining -> wet", "slippery_when_wet: wet and cold -> slippery")
    assert verdict("directional", program, ["raining", "cold"], "slippery") is E
    assert verdict("directional", program, ["raining"], "slippery") is P
    assert verdict("closed-world", program, ["raining"], "slippery") is C


def test_a_compiled_program_is_reused_without_carrying_state_between_checks():
    program = ChainingProgram.compile(ELIGIBILITY)
    assert verdict("directional", program, ["adult(dan)"], "eligible(dan)") is E
    assert verdict("directional", program, [], "eligible(dan)") is P
    assert verdict("closed-world", program, ["adult(dan)"], "eligible(dan)") is E
    assert verdict("closed-world", program, [], "eligible(dan)") is C


def test_theory_facts_count_like_premises():
    program = rules("adults_eligible: forall x. adult(x) -> eligible(x)", "fact alice_adult: adult(alice)")
    result = check("directional", program, [], ["eligible(alice)"])
    assert result.claims[0].verdict is E
    assert [(i.kind, i.name) for i in result.claims[0].evidence] == [
        ("fact", "alice_adult"), ("rule", "adults_eligible")]


# ---------------------------------------------------------------- directional: only forwards


def test_directional_never_reasons_by_contraposition():
    program = rules("r: forall x. p(x) -> q(x)")
    assert verdict("directional", program, ["not q(a)"], "not p(a)") is P
    assert verdict("directional", program, ["not q(a)"], "p(a)") is P


def test_directional_negated_conditions_need_negative_facts():
    program = rules("r: forall x. thing(x) and not big(x) -> small(x)")
    assert verdict("directional", program, ["thing(a)"], "small(a)") is P
    assert verdict("directional", program, ["thing(a)", "not big(a)"], "small(a)") is E
    # The closed world reads the same rule by failure: a is not known to be big.
    assert verdict("closed-world", program, ["thing(a)"], "small(a)") is E


def test_directional_rules_may_conclude_negated_literals():
    program = rules("r: forall x. penguin(x) -> not flies(x)")
    assert verdict("directional", program, ["penguin(pingu)"], "flies(pingu)") is C
    assert verdict("directional", program, ["penguin(pingu)", "flies(pingu)"], "flies(pingu)") is I


def test_disjunctive_conditions_split_into_one_rule_per_case():
    program = rules("r: forall x. cat(x) or dog(x) -> pet(x)")
    assert verdict("directional", program, ["dog(rex)"], "pet(rex)") is E
    assert verdict("directional", program, ["cat(tom)"], "pet(tom)") is E


def test_conjunctive_conclusions_and_nested_implications():
    program = rules("r: forall x. bird(x) -> wings(x) and not mammal(x)",
                    "s: forall x. wings(x) -> feathered(x) -> plumed(x)")
    assert verdict("directional", program, ["bird(b)"], "wings(b) and not mammal(b)") is E
    assert verdict("directional", program, ["bird(b)", "feathered(b)"], "plumed(b)") is E
    assert verdict("directional", program, ["bird(b)"], "plumed(b)") is P


def test_a_conjunction_of_rules_reads_as_several_rules():
    program = rules("both: forall x. (cat(x) -> pet(x)) and (pet(x) -> fed(x) and not wild(x))")
    assert verdict("directional", program, ["cat(tom)"], "fed(tom) and not wild(tom)") is E
    assert check("directional", program, ["cat(tom)"], ["fed(tom)"]).claims[0].evidence[-1].name == "both"


def test_a_rule_without_conditions_holds_of_every_individual():
    program = rules("r: forall x. mortal(x)")
    assert verdict("directional", program, ["man(socrates)"], "mortal(socrates)") is E
    # Individuals named only in the claim are individuals too.
    assert verdict("directional", program, [], "mortal(plato)") is E


def test_constraints_with_false_as_conclusion_make_the_set_inconsistent():
    program = rules("no_minor_adults: forall x. adult(x) and minor(x) -> false")
    for semantics in CHECKS:
        result = check(semantics, program, ["adult(kim)", "minor(kim)"], ["adult(kim)"])
        assert result.claims[0].verdict is I
        assert "no_minor_adults" in result.reason
        assert sorted(names(result.conflict)) == ["no_minor_adults", "premise 1", "premise 2"]


# ---------------------------------------------------------------- closed world: negation as failure


FLYING = rules(
    "flies_unless_abnormal: forall x. bird(x) and not abnormal(x) -> flies(x)",
    "penguins_abnormal: forall x. penguin(x) -> abnormal(x)",
)


def test_closed_world_negation_as_failure_waits_for_the_lower_stratum():
    # The rule reading "not abnormal" comes first, yet abnormal(pingu) is decided before it.
    facts = ["bird(tweety)", "bird(pingu)", "penguin(pingu)"]
    assert verdict("closed-world", FLYING, facts, "flies(tweety)") is E
    assert verdict("closed-world", FLYING, facts, "flies(pingu)") is C
    assert verdict("closed-world", FLYING, facts, "not flies(pingu)") is E
    assert verdict("directional", FLYING, facts, "flies(tweety)") is P


def test_closed_world_strata_alternate_through_chains_of_negation():
    program = rules("b_unless_a: not a -> b", "c_unless_b: not b -> c", "d_unless_c: not c -> d")
    assert [verdict("closed-world", program, [], claim) for claim in "abcd"] == [C, E, C, E]
    assert [verdict("closed-world", program, ["a"], claim) for claim in "abcd"] == [E, C, E, C]


def test_closed_world_negative_facts_are_integrity_constraints():
    facts = ["bird(tweety)", "not flies(tweety)"]
    result = check("closed-world", FLYING, facts, ["bird(tweety)"])
    assert result.claims[0].verdict is I
    assert sorted(names(result.conflict)) == ["flies_unless_abnormal", "premise 1", "premise 2"]
    # A negative fact that nothing contradicts is simply true.
    assert verdict("closed-world", FLYING, ["bird(tweety)", "not penguin(tweety)"], "flies(tweety)") is E


def test_closed_world_negated_conclusions_are_constraints_too():
    program = rules("r: forall x. penguin(x) -> not flies(x)")
    assert verdict("closed-world", program, ["penguin(pingu)"], "flies(pingu)") is C
    assert verdict("closed-world", program, ["penguin(pingu)", "flies(pingu)"], "flies(pingu)") is I


def test_closed_world_ranges_unbound_negated_variables_over_known_individuals():
    # PARARULE-Plus style: "If something is not round then it needs the dog."
    program = rules("r: forall x. not round(x) -> needs(x, dog)")
    facts = ["round(rabbit)", "sees(eagle, lion)"]
    assert verdict("closed-world", program, facts, "needs(eagle, dog)") is E
    assert verdict("closed-world", program, facts, "needs(lion, dog)") is E
    assert verdict("closed-world", program, facts, "needs(rabbit, dog)") is C


def test_ranging_respects_sorts_learned_from_rules_or_declared():
    program = rules("employed_by: forall c: Company, p: Person. employs(c, p) -> employed(p)",
                    "idle: forall p: Person. not employed(p) -> idle(p)",
                    "flagged: forall x. idle(x) -> flagged(x)")
    facts = ["employs(acme, bob)", "resident(dan)"]
    assert verdict("closed-world", program, facts, "flagged(dan)") is E
    assert verdict("closed-world", program, facts, "flagged(bob)") is C
    # acme fills a Company position, so the Person rule never ranges over it.
    assert verdict("closed-world", program, facts, "flagged(acme)") is C
    declared = ChainingProgram.compile(program, signature=Signature(
        sorts=frozenset({"Company", "Person"}), constants={"dan": "Company"}))
    assert verdict("closed-world", declared, facts, "flagged(dan)") is C


def test_non_stratifiable_programs_are_rejected_naming_the_rules_in_the_cycle():
    program = ChainingProgram.compile(rules(
        "innocent_unless_guilty: forall x. person(x) and not guilty(x) -> innocent(x)",
        "guilty_unless_innocent: forall x. person(x) and not innocent(x) -> guilty(x)",
        "unrelated: forall x. person(x) -> human(x)",
        path="court.rules"))
    with pytest.raises(SemanticsError) as error:
        check("closed-world", program, ["person(sam)"], ["innocent(sam)"])
    message = str(error.value)
    assert "innocent_unless_guilty (court.rules:1)" in message
    assert "guilty_unless_innocent (court.rules:2)" in message
    assert "unrelated" not in message
    assert "stratified" in message
    # The same program is fine under directional semantics.
    assert verdict("directional", program, ["person(sam)"], "innocent(sam)") is P


def test_negative_cycles_through_premise_rules_are_rejected_too():
    with pytest.raises(SemanticsError, match=r"premise 1 .*premise 2"):
        check("closed-world", [], ["forall x. q(x) and not p(x) -> r(x)",
                                   "forall x. r(x) -> p(x)", "q(a)"], ["r(a)"])


# ---------------------------------------------------------------- the fragment


@pytest.mark.parametrize("formula, why", [
    ("forall x. p(x) -> q(x) or r(x)", "disjunction"),
    ("forall x. p(x) -> exists y. q(x, y)", "existential"),
    ("exists x. p(x)", "existential"),
    ("forall x. p(x) <-> q(x)", "equivalence"),
    ("forall x. p(x) -> (q(x) xor r(x))", "exclusive or"),
    ("forall x. not (p(x) and q(x)) -> r(x)", "negates a compound"),
    ("forall x. (forall y. p(x, y)) -> q(x)", "quantifier"),
    ("forall x. (p(x) -> q(x)) -> r(x)", "implication"),
    ("forall x. p(x) -> not (q(x) or r(x))", "negates a compound"),
    ("forall x. p(x) and q(x) or r(x) and s(x) or t(x) and u(x) or v(x) and w(x) -> "
     "(a1(x) or b1(x)) and (a2(x) or b2(x))", "disjunction"),
])
def test_rules_outside_the_fragment_are_rejected_with_name_position_and_reason(formula, why):
    with pytest.raises(SemanticsError) as error:
        ChainingProgram.compile(rules("fine: forall x. p(x) -> q(x)", f"odd: {formula}", path="policy.rules"))
    message = str(error.value)
    assert "rule odd (policy.rules:2)" in message
    assert why in message


def test_numeric_variables_must_be_bound_by_a_condition():
    with pytest.raises(SemanticsError, match=r"rule limit \(test.rules:1\).*n: Int is bound by no condition"):
        ChainingProgram.compile(rules("limit: forall n: Int. n > 3 -> big(n)"))


def test_too_many_disjunctive_cases_are_refused():
    conditions = " and ".join(f"(a{i}(x) or b{i}(x))" for i in range(7))
    with pytest.raises(SemanticsError, match="more than 64 cases"):
        ChainingProgram.compile(rules(f"wide: forall x. {conditions} -> c(x)"))


def test_premises_and_claims_outside_the_fragment_are_named():
    with pytest.raises(SemanticsError, match=r"premise 2 \('p\(a\) or q\(a\)'\).*disjunction"):
        check("directional", [], ["p(a)", "p(a) or q(a)"], ["p(a)"])
    with pytest.raises(SemanticsError, match=r"claim 1 .*existential"):
        check("closed-world", [], ["p(a)"], ["exists x. p(x)"])


# ---------------------------------------------------------------- comparisons and values


AGES = rules(
    "adult_by_age: forall x. age(x) >= 18 -> adult(x)",
    "senior_by_age: forall x, n: Int. age(x) = n and n >= 65 -> senior(x)",
    "fee_for_adults: forall x. adult(x) -> fee(x) = 10 * 2",
)


@pytest.mark.parametrize("claim, directional, closed_world", [
    ("adult(alice)", P, C),             # 17: the rule does not fire; nothing says she is not an adult
    ("adult(bob)", E, E),
    ("adult(carol)", P, C),             # unknown age: the comparison does not hold
    ("age(alice) >= 18", C, C),
    ("not (age(alice) >= 18)", E, E),
    ("age(bob) + 1 = 31", E, E),
    ("age(carol) >= 18", P, C),         # unknown either way
    ("fee(bob) = 20", E, E),
    ("fee(bob) < 20", C, C),
    ("senior(bob)", P, C),
    ("senior(dora)", E, E),
])
def test_comparisons_are_evaluated_on_known_values(claim, directional, closed_world):
    facts = ["age(alice) = 17", "age(bob) = 30", "70 = age(dora)", "person(carol)"]
    assert verdict("directional", AGES, facts, claim) is directional
    assert verdict("closed-world", AGES, facts, claim) is closed_world


def test_an_undecided_comparison_has_no_scenario_where_it_holds():
    claim_result = check("directional", AGES, ["person(carol)"], ["adult(carol) and age(carol) > 20"]).claims[0]
    assert claim_result.verdict is P
    assert [(s.claim_holds, dict(s.values)) for s in claim_result.scenarios] == [
        (False, {"adult(carol)": "false"})]
    assert "comparisons cannot be decided" in claim_result.reason


def test_function_values_stand_for_individuals_in_literals():
    facts = ["owns(ann, car)", "mother(bob) = ann"]
    for semantics in CHECKS:
        result = check(semantics, [], facts, ["owns(mother(bob), car)"])
        assert result.claims[0].verdict is E
        assert names(result.claims[0].evidence) == ["premise 2", "premise 1"]
    assert verdict("directional", [], facts, "owns(mother(carl), car)") is P
    unknown = check("closed-world", [], facts, ["owns(mother(carl), car)"]).claims[0]
    assert unknown.verdict is C and "not derivable" in unknown.reason


def test_two_values_for_one_term_clash():
    # dora is 70: an adult (fee 20) and a senior (fee 5).
    program = AGES + rules("discount: forall x. senior(x) -> fee(x) = 5")
    result = check("directional", program, ["age(dora) = 70"], ["adult(dora)"])
    assert result.claims[0].verdict is I
    assert "fee(dora) gets two values, 20 and 5" in result.reason
    assert sorted(names(result.conflict)) == [
        "adult_by_age", "discount", "fee_for_adults", "premise 1", "senior_by_age"]


def test_numeric_parameters_and_ground_comparisons():
    program = rules("pricey: forall x. price(x) > budget -> expensive(x)", "fact budget: budget = 100")
    facts = ["price(car) = 20000", "price(pen) = 2.5"]
    assert verdict("directional", program, facts, "expensive(car)") is E
    assert verdict("closed-world", program, facts, "expensive(pen)") is C
    # A comparison given as a premise is checked against the known values.
    assert verdict("directional", program, facts + ["price(pen) < budget"], "expensive(car)") is E
    assert verdict("directional", program, facts + ["price(pen) > budget"], "expensive(car)") is I


def test_unknown_values_never_satisfy_a_comparison_or_its_negation():
    program = rules("r: forall x. thing(x) and not (weight(x) > 10) -> light(x)")
    assert verdict("closed-world", program, ["thing(box)"], "light(box)") is C
    assert verdict("closed-world", program, ["thing(box)", "weight(box) = 3"], "light(box)") is E


# ---------------------------------------------------------------- evidence


CHAIN = rules(
    "fact p_a: p(a)",
    "fact s_a: s(a)",
    "p_to_q: forall x. p(x) -> q(x)",
    "q_to_r: forall x. q(x) -> r(x)",
    "s_to_t: forall x. s(x) -> t(x)",
    "p_to_u: forall x. p(x) -> u(x)",
    "t_and_u_to_r: forall x. t(x) and u(x) and q(x) -> r(x)",
    path="chain.rules",
)


def test_an_entailment_cites_exactly_the_rules_and_facts_its_proof_needs():
    result = check("directional", CHAIN, ["not v(a)"], ["r(a)"])
    evidence = result.claims[0].evidence
    assert names(evidence) == ["p_a", "p_to_q", "q_to_r"]
    assert [str(item.where) for item in evidence] == ["chain.rules:1", "chain.rules:3", "chain.rules:4"]
    assert [item.kind for item in evidence] == ["fact", "rule", "rule"]


def test_a_contradiction_cites_the_proof_of_the_complement():
    result = check("directional", CHAIN, ["not w(a)", "p(b)"], ["w(a)", "not q(b)"])
    assert names(result.claims[0].evidence) == ["premise 1"]
    assert names(result.claims[1].evidence) == ["premise 2", "p_to_q"]


def test_a_conjunction_cites_the_proofs_of_all_its_parts():
    result = check("directional", CHAIN, [], ["q(a) and t(a)"])
    assert sorted(names(result.claims[0].evidence)) == ["p_a", "p_to_q", "s_a", "s_to_t"]


def test_possible_claims_carry_a_scenario_where_they_hold_and_one_where_they_fail():
    claim_result = check("directional", CHAIN, [], ["p(b)"]).claims[0]
    assert claim_result.verdict is P
    holds, fails = claim_result.scenarios
    assert holds.claim_holds and not fails.claim_holds
    # Setting the claim true lets its consequences follow; none of a's facts matter.
    assert dict(holds.values) == {"p(b)": "true", "q(b)": "true", "u(b)": "true", "r(b)": "true"}
    assert dict(fails.values) == {"p(b)": "false"}


def test_a_scenario_that_would_clash_is_left_out_with_the_reason():
    # Assuming "Bob is an adult" makes him eligible, which the premise denies.
    claim_result = check("directional", ELIGIBILITY, ["not eligible(bob)"], ["adult(bob)"]).claims[0]
    assert claim_result.verdict is P
    assert [s.claim_holds for s in claim_result.scenarios] == [False]
    assert "assuming the claim holds" in claim_result.reason
    assert "eligible(bob)" in claim_result.reason


def test_closed_world_contradictions_cite_the_rules_that_could_have_derived_the_claim():
    claim_result = check("closed-world", CHAIN, [], ["r(b)"]).claims[0]
    assert claim_result.verdict is C
    assert names(claim_result.evidence) == ["q_to_r", "t_and_u_to_r"]
    assert "r(b) is not derivable" in claim_result.reason
    nothing = check("closed-world", CHAIN, [], ["z(a)"]).claims[0]
    assert nothing.evidence == () and "no rule concludes it" in nothing.reason


def test_closed_world_negations_cite_a_stated_negative_fact():
    claim_result = check("closed-world", CHAIN, ["not z(a)"], ["not z(a)"]).claims[0]
    assert claim_result.verdict is E
    assert names(claim_result.evidence) == ["premise 1"]


def test_evidence_serializes_with_positions():
    result = check("directional", CHAIN, [], ["q(a)"])
    data = result.to_dict()
    assert data["semantics"] == "directional"
    assert [item["name"] for item in data["claims"][0]["evidence"]] == ["p_a", "p_to_q"]
    assert data["claims"][0]["evidence"][1]["where"] == "chain.rules:3"


def test_without_explain_only_verdicts_come_back():
    result = check("directional", CHAIN, ["not q(a)"], ["r(a)", "p(b)"], explain=False)
    assert [c.verdict for c in result.claims] == [I, I]
    assert result.conflict == () and all(c.evidence == () for c in result.claims)
    result = check("directional", CHAIN, [], ["r(a)", "p(b)"], explain=False)
    assert [c.verdict for c in result.claims] == [E, P]
    assert all(c.evidence == () and c.scenarios == () for c in result.claims)


# ---------------------------------------------------------------- time limits


@pytest.mark.parametrize("semantics", CHECKS)
def test_a_deadline_already_passed_gives_unknown_with_the_reason(semantics):
    result = check(semantics, CHAIN, [], ["r(a)", "q(a)"], deadline=time.monotonic() - 1)
    assert [c.verdict for c in result.claims] == [U, U]
    assert result.consistency is Consistency.UNKNOWN
    assert "time limit" in result.reason and "time limit" in result.claims[0].reason


@pytest.mark.parametrize("semantics", CHECKS)
def test_a_derivation_without_end_stops_at_the_deadline(semantics):
    program = rules("successor: forall n: Int. num(n) -> num(n + 1)")
    started = time.monotonic()
    result = check(semantics, program, ["num(0)"], ["num(5)"], deadline=started + 0.3)
    assert time.monotonic() - started < 3
    assert result.claims[0].verdict is U
    assert "time limit ran out while chaining" in result.claims[0].reason


def test_a_derivation_without_end_stops_at_the_fact_limit_without_a_deadline(monkeypatch):
    monkeypatch.setattr(chaining_engine, "MAX_FACTS", 500)
    program = rules("successor: forall n: Int. num(n) -> num(n + 1)")
    result = check("directional", program, ["num(0)"], ["num(5)"])
    assert result.claims[0].verdict is U
    assert "grew past 500 facts" in result.reason


# ---------------------------------------------------------------- datasets

# Hand translations of problems from /work/shared/data/proofwriter-owa-d5-train.json
# (labels are directional: "Unknown" where classical logic would decide by contraposition).
PROOFWRITER = [
    (  # ProofWriter_RelNoneg-OWA-D5-84_Q10: "The tiger is not young." -> False
        ["blue(cow)", "round(cow)", "like(cow, lion)", "visit(cow, tiger)", "cold(lion)", "nice(lion)",
         "like(lion, squirrel)", "round(squirrel)", "see(squirrel, lion)", "visit(squirrel, cow)",
         "like(tiger, cow)", "like(tiger, squirrel)",
         "forall x. cold(x) -> visit(x, tiger)",
         "forall x. visit(x, tiger) -> nice(x)",
         "forall x. see(x, tiger) and young(x) -> blue(x)",
         "forall x. nice(x) -> see(x, tiger)",
         "forall x. like(x, squirrel) and like(x, cow) -> visit(x, tiger)",
         "forall x. nice(x) and see(x, tiger) -> young(x)",
         "cold(cow) and visit(cow, lion) -> see(lion, squirrel)"],
        "not young(tiger)", C),
    (  # ProofWriter_RelNeg-OWA-D5-961_Q3: "The rabbit is cold." -> True
        ["see(dog, rabbit)", "see(dog, squirrel)", "see(dog, tiger)", "eat(rabbit, dog)",
         "not eat(rabbit, tiger)", "not like(rabbit, tiger)", "not see(squirrel, rabbit)",
         "not eat(tiger, rabbit)", "not kind(tiger)", "like(tiger, dog)", "see(tiger, dog)",
         "forall x. cold(x) -> like(x, rabbit)",
         "forall x. eat(x, tiger) and nice(x) -> like(x, rabbit)",
         "forall x. like(x, squirrel) -> like(squirrel, rabbit)",
         "forall x. like(x, rabbit) and kind(rabbit) -> see(x, tiger)",
         "forall x. like(x, tiger) -> young(tiger)",
         "forall x. young(x) and eat(x, rabbit) -> like(x, tiger)",
         "forall x. see(x, rabbit) -> cold(rabbit)",
         "forall x. like(x, rabbit) -> like(x, squirrel)",
         "forall x. like(x, squirrel) -> cold(squirrel)"],
        "cold(rabbit)", E),
    (  # ProofWriter_RelNeg-OWA-D5-885_Q18: "The mouse is cold." -> Unknown
        ["cold(bear)", "red(bear)", "not need(bear, cat)", "see(bear, lion)", "not cold(cat)",
         "not round(cat)", "not see(cat, lion)", "see(cat, mouse)", "visit(lion, bear)", "red(mouse)",
         "not rough(mouse)",
         "forall x. kind(x) -> see(x, cat)",
         "forall x. visit(x, bear) -> kind(x)",
         "forall x. rough(x) and need(x, mouse) -> visit(mouse, bear)",
         "forall x. see(x, cat) -> visit(cat, bear)",
         "forall x. see(x, cat) and visit(cat, bear) -> not visit(bear, lion)",
         "forall x. see(x, mouse) and not need(x, mouse) -> need(mouse, cat)",
         "forall x. visit(x, lion) and not see(x, mouse) -> cold(mouse)"],
        "cold(mouse)", P),
    (  # ProofWriter_AttNoneg-OWA-D5-769_Q9: "Anne is white." -> True
        ["quiet(anne)", "furry(erin)", "green(erin)", "furry(fiona)", "quiet(fiona)", "red(fiona)",
         "rough(fiona)", "white(fiona)", "furry(harry)", "quiet(harry)", "white(harry)",
         "forall x. young(x) -> furry(x)",
         "quiet(anne) -> red(anne)",
         "forall x. young(x) and green(x) -> rough(x)",
         "forall x. green(x) -> white(x)",
         "forall x. furry(x) and quiet(x) -> white(x)",
         "forall x. young(x) and white(x) -> rough(x)",
         "forall x. red(x) -> young(x)"],
        "white(anne)", E),
    (  # ProofWriter_AttNeg-OWA-D5-1004_Q4: "Bob is not young." -> False
        ["furry(anne)", "young(anne)", "big(bob)", "not big(dave)", "white(dave)", "young(dave)",
         "not furry(erin)",
         "forall x. big(x) -> young(x)",
         "forall x. young(x) -> white(x)",
         "forall x. young(x) and furry(x) -> quiet(x)",
         "forall x. smart(x) and not young(x) -> furry(x)",
         "forall x. white(x) -> furry(x)",
         "forall x. big(x) and not young(x) -> furry(x)",
         "forall x. big(x) and not quiet(x) -> green(x)",
         "forall x. young(x) and quiet(x) -> not green(x)"],
        "not young(bob)", C),
    (  # ProofWriter_AttNeg-OWA-D5-314_Q19: "Bob is not smart." -> Unknown, although
       # contraposition (not green -> not young -> not smart) would prove it.
        ["furry(anne)", "not green(bob)", "round(bob)", "cold(charlie)", "not red(charlie)",
         "cold(gary)", "young(gary)",
         "forall x. green(x) and furry(x) -> cold(x)",
         "forall x. smart(x) -> young(x)",
         "forall x. young(x) -> green(x)",
         "furry(anne) and red(anne) -> smart(anne)",
         "furry(bob) -> not cold(bob)",
         "forall x. furry(x) -> red(x)"],
        "not smart(bob)", P),
]


@pytest.mark.parametrize("premises, claim, gold", PROOFWRITER)
def test_proofwriter_open_world_labels_are_directional(premises, claim, gold):
    assert verdict("directional", [], premises, claim) is gold


def test_pararule_plus_closed_world_labels():
    # NegationRule example from /work/shared/data/pararule-plus-depth2-dev.jsonl.
    premises = [
        "dull(bald_eagle)", "slow(bald_eagle)", "strong(lion)", "big(lion)", "sees(bald_eagle, dog)",
        "visits(lion, rabbit)", "round(dog)", "round(rabbit)", "small(rabbit)", "furry(rabbit)",
        "forall x. not round(x) -> needs(x, dog)",
        "forall x. needs(x, dog) -> sleepy(x)",
        "forall x. not smart(x) -> strong(x)",
        "forall x. not heavy(x) -> cute(x)",
        "forall x. small(x) -> furry(x)",
        "forall x. furry(x) and not fierce(x) -> lovely(x)",
        "forall x. strong(x) and not smart(x) -> awful(x)",
        "forall x. dull(x) and slow(x) -> fierce(x)",
        "forall x. fierce(x) and not furry(x) -> big(x)",
        "forall x. cute(x) -> beautiful(x)",
    ]
    gold = {"awful(bald_eagle)": E, "not awful(bald_eagle)": C, "beautiful(rabbit)": E,
            "not beautiful(rabbit)": C, "lovely(rabbit)": E, "not lovely(rabbit)": C,
            "big(bald_eagle)": E, "not big(bald_eagle)": C, "sleepy(bald_eagle)": E,
            "not sleepy(bald_eagle)": C}
    result = check("closed-world", [], premises, list(gold))
    assert {c.claim.text: c.verdict for c in result.claims} == gold


# ---------------------------------------------------------------- differential: against naive fixpoints
#
# Random small programs over unary predicates are decided by the chainer and by the
# definitions applied literally: apply every rule to every individual until nothing
# changes (directional), or do that level by level, reading "not p" as "p not derived"
# (closed world).

PREDICATES = ("p", "q", "r", "s")
INDIVIDUALS = ("a", "b")


def random_program(rng: random.Random):
    literal = lambda: (rng.random() < 0.7, rng.choice(PREDICATES))  # noqa: E731
    program = [([literal() for _ in range(rng.randint(1, 2))], literal()) for _ in range(rng.randint(1, 5))]
    facts = {(rng.random() < 0.75, rng.choice(PREDICATES), rng.choice(INDIVIDUALS)) for _ in range(3)}
    return program, sorted(facts)


def lf_literal(positive: bool, pred: str, arg: str) -> str:
    return f"{'' if positive else 'not '}{pred}({arg})"


def naive_directional(program, facts) -> set:
    known = set(facts)
    while True:
        new = {(head[0], head[1], c) for body, head in program for c in INDIVIDUALS
               if all((sign, pred, c) in known for sign, pred in body)} - known
        if not new:
            return known
        known |= new


def levels(program) -> dict | None:
    """Stratum of each predicate, or None when negation runs through a cycle."""
    level = dict.fromkeys(PREDICATES, 0)
    for _ in range(len(PREDICATES) + 1):
        changed = False
        for body, (sign, head) in program:
            if not sign:
                continue
            for positive, pred in body:
                need = level[pred] + (0 if positive else 1)
                if level[head] < need:
                    level[head], changed = need, True
        if not changed:
            return level
    return None


def naive_closed_world(program, facts, level) -> set:
    known = {f for f in facts if f[0]}
    for stratum in range(max(level.values()) + 1):
        rules_here = [(b, h) for b, h in program if h[0] and level[h[1]] == stratum]
        while True:
            new = {(True, head[1], c) for body, head in rules_here for c in INDIVIDUALS
                   if all(((True, pred, c) in known) == positive for positive, pred in body)} - known
            if not new:
                break
            known |= new
    return known


def test_the_chainer_agrees_with_naive_fixpoints_on_random_programs():
    rng = random.Random(20240607)
    compared = 0
    for _ in range(400):
        program, facts = random_program(rng)
        texts = [f"forall x. {' and '.join(lf_literal(s, p, 'x') for s, p in body)} -> "
                 f"{lf_literal(head[0], head[1], 'x')}" for body, head in program]
        texts += [lf_literal(*fact) for fact in facts]
        claims = [lf_literal(sign, pred, c) for sign in (True, False) for pred in PREDICATES for c in INDIVIDUALS]

        known = naive_directional(program, facts)
        clash = any((not s, p, c) in known for s, p, c in known)
        expected = [I if clash else E if (s, p, c) in known else C if (not s, p, c) in known else P
                    for s in (True, False) for p in PREDICATES for c in INDIVIDUALS]
        assert [r.verdict for r in check("directional", [], texts, claims).claims] == expected, texts

        level = levels(program)
        if level is None:
            with pytest.raises(SemanticsError):
                check("closed-world", [], texts, claims)
            continue
        model = naive_closed_world(program, facts, level)
        # Negative facts, and negative conclusions of rules that apply, are constraints.
        denied = {(p, c) for s, p, c in facts if not s}
        denied |= {(head[1], c) for body, head in program if not head[0] for c in INDIVIDUALS
                   if all(((True, pred, c) in model) == positive for positive, pred in body)}
        clash = any((True, p, c) in model for p, c in denied)
        expected = [I if clash else E if ((True, p, c) in model) == s else C
                    for s in (True, False) for p in PREDICATES for c in INDIVIDUALS]
        assert [r.verdict for r in check("closed-world", [], texts, claims).claims] == expected, texts
        compared += 1
    assert compared > 200
