"""Explanations: minimal cores by deletion, and scenario values as text."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest
import z3

from neurosym.logic.parser import parse_formula
from neurosym.logic.signature import FuncType, PredType, Signature
from neurosym.reasoner import explain


def _random_instance(rng: random.Random, variables: int = 4, clauses: int = 9):
    """Random clauses over a few Boolean variables, each behind its own assumption."""
    ctx = z3.Context()
    atoms = [z3.Bool(f"v{i}", ctx) for i in range(variables)]
    solver = z3.SimpleSolver(ctx=ctx)
    tracks, bodies = [], []
    for k in range(clauses):
        literals = [a if rng.random() < 0.5 else z3.Not(a) for a in rng.sample(atoms, rng.randint(1, 2))]
        body = z3.Or(literals) if len(literals) > 1 else literals[0]
        track = z3.Bool(f"t{k}", ctx)
        solver.add(z3.Implies(track, body))
        tracks.append(track)
        bodies.append(body)
    return ctx, solver, tracks, bodies


def _satisfiable(ctx, bodies) -> bool:
    solver = z3.SimpleSolver(ctx=ctx)
    solver.add(*bodies)
    return solver.check() == z3.sat


def test_minimal_core_is_unsat_and_every_element_is_needed():
    rng = random.Random(7)
    checked = 0
    for _ in range(120):
        ctx, solver, tracks, bodies = _random_instance(rng)
        core = explain.minimal_core(lambda a: solver.check(*a), solver, tracks, expired=lambda: False)
        if _satisfiable(ctx, bodies):
            assert core is None
            continue
        checked += 1
        assert core.minimal
        chosen = [bodies[i] for i in core.indices]
        assert not _satisfiable(ctx, chosen)  # checked on a fresh solver
        for k in range(len(chosen)):  # (satisfiability is monotone: one removal suffices)
            assert _satisfiable(ctx, chosen[:k] + chosen[k + 1:])
    assert checked >= 30  # the generator makes enough unsatisfiable instances


def test_fixed_assumptions_stay_in_and_are_never_reported():
    ctx = z3.Context()
    p, q, r = z3.Bools("p q r", ctx)
    solver = z3.SimpleSolver(ctx=ctx)
    a, b, c = (z3.Bool(n, ctx) for n in "abc")
    solver.add(z3.Implies(a, z3.Implies(p, q)), z3.Implies(b, p), z3.Implies(c, r))
    core = explain.minimal_core(lambda x: solver.check(*x), solver, [a, b, c], [z3.Not(q)],
                                expired=lambda: False)
    assert core.indices == (0, 1) and core.minimal


def test_shrinking_stops_when_time_is_up_and_keeps_the_core_it_has():
    ctx, solver, tracks, bodies = _random_instance(random.Random(3), clauses=12)
    solver.add(z3.Implies(tracks[0], z3.BoolVal(False, ctx)))  # make sure it is unsat
    attempt = explain.core_attempt(lambda a: solver.check(*a), solver, tracks)
    status, core = attempt(range(len(tracks)))
    assert status == z3.unsat
    cut = explain.shrink(attempt, core, expired=lambda: True)
    assert cut.indices == tuple(core) and not cut.minimal
    assert explain.shrink(attempt, core, expired=lambda: False).indices == (0,)


@pytest.mark.parametrize("make, text", [
    (lambda ctx: z3.BoolVal(True, ctx), "true"),
    (lambda ctx: z3.IntVal(-17, ctx), "-17"),
    (lambda ctx: z3.RealVal("3001/2", ctx), "1500.5"),
    (lambda ctx: z3.RealVal("-9/4", ctx), "-2.25"),
    (lambda ctx: z3.RealVal("1/3", ctx), "1/3"),
    (lambda ctx: z3.RealVal("1/40", ctx), "0.025"),
])
def test_values_are_written_as_exact_lf_numbers(make, text):
    ctx = z3.Context()
    x = z3.Const("x", make(ctx).sort())
    solver = z3.SimpleSolver(ctx=ctx)
    solver.add(x == make(ctx))
    assert solver.check() == z3.sat
    assert explain.value_text(solver.model(), x) == text


def test_an_irrational_value_is_shown_as_a_decimal_approximation():
    ctx = z3.Context()
    x = z3.Real("x", ctx)
    solver = z3.SimpleSolver(ctx=ctx)
    solver.add(x * x == 2, x > 0)
    assert solver.check() == z3.sat
    assert explain.value_text(solver.model(), x).startswith("1.41421")


def test_symbol_graph_reaches_through_shared_symbols_with_distances():
    formulas = [parse_formula(t) for t in ("p(a) -> q(b)", "q(x1) -> r(c)", "s(d)", "r(e) and t")]
    graph = explain.SymbolGraph(formulas)
    distance, constants = graph.reach({"p"})
    assert distance == {"p": 0, "q": 1, "r": 2, "t": 3}
    assert constants == ["a", "b", "x1", "c", "e"]
    distance, constants = graph.reach({"s"}, [parse_formula("s(f) or u(g)")])
    assert distance == {"s": 0, "u": 1} and constants == ["d", "f", "g"]


def test_scenario_terms_list_atoms_and_values_closest_first_up_to_the_limit():
    signature = Signature(sorts=frozenset({"P"}), predicates={"adult": PredType(("P",)),
                                                               "knows": PredType(("P", "P"))},
                          functions={"age": FuncType(("P",), "Int"), "rank": FuncType(("Int",), "Int")})
    terms = explain.scenario_terms({"knows": 1, "adult": 0, "age": 1, "rank": 1}, signature,
                                   {"P": ["ann", "bob"]}, ["budget"])
    from neurosym.logic.printer import to_text
    assert [to_text(t) for t in terms] == [
        "adult(ann)", "adult(bob)", "age(ann)", "age(bob)",
        "knows(ann, ann)", "knows(ann, bob)", "knows(bob, ann)", "knows(bob, bob)", "budget"]
    many = explain.scenario_terms({"knows": 0}, signature, {"P": [f"x{i}" for i in range(10)]}, [])
    assert len(many) == explain.SCENARIO_LIMIT


def test_format_value_reads_z3_values():
    ctx = z3.Context()
    assert explain.format_value(z3.BoolVal(False, ctx)) == "false"
    assert explain.format_value(z3.RealVal("5/2", ctx)) == "2.5"
    assert Fraction(explain.format_value(z3.IntVal(12, ctx))) == 12
