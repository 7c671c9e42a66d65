"""Checks per second against a 200-rule Horn rule base: incremental vs. rebuilding.

A seeded generator builds a theory of Horn rules ``forall x: Item. p_i(x) and p_j(x) ->
p_k(x)`` over 50 predicates and 30 individuals, with positive facts and a few negative
ones (chosen outside the least model, so the theory stays consistent), and 1,000
distinct ground claims (``p_k(c)`` or ``not p_k(c)``). Then, in one run and on one core:

- incremental: one ``Reasoner``, reused for every claim (explain off, then on);
- incremental from text: the same with claims as LF strings (parsing included);
- rebuilding the solver: a fresh Z3 solver per claim holding every ground rule
  instance (already translated, asserted through the C API), and the two refutation
  calls;
- rebuilding everything: a new ``Reasoner`` (compile + check) per claim.

The rebuilding variants run on a sample of the claims (they are slow) and are reported
as checks per second; verdicts are compared with the incremental ones on that sample.

    python benchmarks/solver_bench.py [--claims 1000] [--rebuild-sample 50] [--seed 0]
"""

from __future__ import annotations

import argparse
import collections
import os
import random
import sys
import time

import z3

from neurosym.logic import ast
from neurosym.logic.parser import parse_formula
from neurosym.logic.printer import to_text
from neurosym.logic.typecheck import typecheck
from neurosym.reasoner import Reasoner
from neurosym.rules.model import ConstDecl, PredDecl, Rule, SortDecl, Theory, Where
from neurosym.verdicts import Verdict

SORT = "Item"


def make_theory(rng: random.Random, *, predicates: int = 50, individuals: int = 30, rules: int = 200,
                facts: int = 150, negative_facts: int = 20) -> Theory:
    """A consistent Horn theory (rules, positive facts, negative facts outside the least model)."""
    preds = [f"p{i}" for i in range(predicates)]
    consts = [f"c{i}" for i in range(individuals)]
    where = Where("<bench>", 1)
    theory = Theory(
        sorts={SORT: SortDecl(SORT, (), where)},
        constants={c: ConstDecl(c, SORT, (), where) for c in consts},
        predicates={p: PredDecl(p, (SORT,), (), where) for p in preds},
    )
    signature = theory.signature
    horn = []
    for _ in range(rules):
        i, j = rng.sample(range(predicates), 2)
        k = rng.choice([n for n in range(predicates) if n not in (i, j)])
        horn.append((i, j, k))
    positive = {(rng.randrange(predicates), rng.randrange(individuals)) for _ in range(facts)}
    least = _least_model(horn, positive)
    outside = sorted({(p, c) for p in range(predicates) for c in range(individuals)} - least)
    negative = rng.sample(outside, negative_facts)

    compiled = []
    for n, (i, j, k) in enumerate(horn):
        text = f"forall x: {SORT}. p{i}(x) and p{j}(x) -> p{k}(x)"
        compiled.append(Rule(f"r{n}", None, typecheck(parse_formula(text), signature), where))
    for p, c in sorted(positive):
        compiled.append(Rule(f"f_p{p}_c{c}", None, parse_formula(f"p{p}(c{c})"), where, is_fact=True))
    for p, c in negative:
        compiled.append(Rule(f"n_p{p}_c{c}", None, parse_formula(f"not p{p}(c{c})"), where, is_fact=True))
    return Theory(sorts=theory.sorts, constants=theory.constants, predicates=theory.predicates,
                  rules=tuple(compiled))


def _least_model(horn, facts) -> set[tuple[int, int]]:
    known = set(facts)
    changed = True
    while changed:
        changed = False
        for i, j, k in horn:
            for (p, c) in list(known):
                if p == i and (j, c) in known and (k, c) not in known:
                    known.add((k, c))
                    changed = True
    return known


def make_claims(rng: random.Random, theory: Theory, count: int, *, second: bool = False):
    """``count`` distinct ground claims ``p(c)`` / ``not p(c)``; with ``second``, also a
    second list of ``count`` more, none of them in the first."""
    preds = sorted(theory.predicates)
    consts = sorted(theory.constants)
    atoms = [(p, c) for p in preds for c in consts]
    pairs = rng.sample(atoms, count)
    claims = []
    for p, c in pairs:
        atom = ast.Pred(p, (ast.Const(c),))
        claims.append(atom if rng.random() < 0.5 else ast.Not(atom))
    if not second:
        return claims
    # The same atoms, the other way round: new formulas, answers not cached anywhere.
    others = [c.arg if isinstance(c, ast.Not) else ast.Not(c) for c in claims]
    return claims, others


class Timing:
    """Wall-clock and CPU seconds of a block (CPU time is what one core spends, which
    stays meaningful on a machine shared with other work)."""

    def __enter__(self):
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc):
        self.wall = time.perf_counter() - self.wall
        self.cpu = time.process_time() - self.cpu

    def rates(self, count: int) -> str:
        return f"{count / self.cpu:9.0f} checks/s CPU, {count / self.wall:9.0f} wall"


def run_incremental(reasoner: Reasoner, claims, *, explain: bool) -> tuple[Timing, list[Verdict]]:
    verdicts = []
    with Timing() as timing:
        for claim in claims:
            verdicts.append(reasoner.check([claim], explain=explain).claims[0].verdict)
    return timing, verdicts


def run_rebuild_solver(reasoner: Reasoner, claims) -> tuple[Timing, list[Verdict]]:
    """A fresh solver per claim with every ground rule instance, and the refutation calls."""
    rulebase = reasoner.rulebase
    translator = rulebase.translator
    clauses = list(rulebase.clause_exprs)
    verdicts = []
    with Timing() as timing:
        for claim in claims:
            solver = rulebase.solver_with(clauses)  # asserted through the C API, as the reasoner does
            holds = translator.formula(claim, rulebase.symbols, flat_except=rulebase.flat_except)
            if solver.check(holds) == z3.unsat:
                verdicts.append(Verdict.CONTRADICTED)
            elif solver.check(z3.Not(holds)) == z3.unsat:
                verdicts.append(Verdict.ENTAILED)
            else:
                verdicts.append(Verdict.POSSIBLE)
    return timing, verdicts


def run_rebuild_all(theory: Theory, claims) -> tuple[Timing, list[Verdict]]:
    verdicts = []
    with Timing() as timing:
        for claim in claims:
            verdicts.append(Reasoner(theory).check([claim], explain=False).claims[0].verdict)
    return timing, verdicts


def z3_timer_overhead(calls: int = 5000) -> float:
    """Microseconds that Z3's ``timeout`` parameter adds to a trivial solver call."""
    ctx = z3.Context()
    solver = z3.SimpleSolver(ctx=ctx)
    solver.add(z3.Bool("a", ctx))
    timings = []
    for timeout in (None, 10_000):
        if timeout is not None:
            solver.set("timeout", timeout)
        started = time.perf_counter()
        for _ in range(calls):
            solver.check()
        timings.append((time.perf_counter() - started) / calls)
    return (timings[1] - timings[0]) * 1e6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1000)
    parser.add_argument("--rebuild-sample", type=int, default=50,
                        help="claims checked by the (slow) rebuilding variants")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core

    rng = random.Random(args.seed)
    theory = make_theory(rng)
    # Two disjoint sets: the second pass meets a warm rule base but claims it has not seen.
    claims, fresh_claims = make_claims(rng, theory, args.claims, second=True)
    texts = [to_text(c) for c in fresh_claims]

    with Timing() as compiling:
        reasoner = Reasoner(theory)
    rulebase = reasoner.rulebase
    print(f"theory: {len(theory.rules)} rules and facts, {len(theory.predicates)} predicates, "
          f"{len(theory.constants)} individuals; {len(rulebase.clause_exprs)} ground instances "
          f"in {len(rulebase.components.members)} components; compiled in {compiling.cpu:.2f} s CPU")

    cold, verdicts = run_incremental(reasoner, claims, explain=False)
    warm, second_verdicts = run_incremental(reasoner, fresh_claims, explain=False)
    explained, with_evidence = run_incremental(Reasoner(theory), claims, explain=True)
    from_text, parsed = run_incremental(Reasoner(theory), texts, explain=False)
    assert verdicts == with_evidence and second_verdicts == parsed, "verdicts depend on explain or input form"
    flipped = {Verdict.ENTAILED: Verdict.CONTRADICTED, Verdict.CONTRADICTED: Verdict.ENTAILED}
    assert second_verdicts == [flipped.get(v, v) for v in verdicts], "a claim and its negation disagree"
    counts = collections.Counter(v.value for v in verdicts)
    print(f"claims: {len(claims)} ({', '.join(f'{k} {n}' for k, n in sorted(counts.items()))}), "
          f"then their {len(fresh_claims)} negations")

    sample = claims[:args.rebuild_sample]
    rebuilt_solver, solver_verdicts = run_rebuild_solver(reasoner, sample)
    everything = sample[:max(len(sample) // 5, 1)]
    rebuilt_all, all_verdicts = run_rebuild_all(theory, everything)
    assert solver_verdicts == verdicts[:len(sample)], "rebuilt solver disagrees"
    assert all_verdicts == verdicts[:len(everything)], "rebuilt reasoner disagrees"

    n = len(claims)
    print(f"incremental, explain off, first pass:  {cold.rates(n)}")
    print(f"incremental, explain off, second pass: {warm.rates(n)}  (new claims, warm rule base)")
    print(f"incremental, explain on, first pass:   {explained.rates(n)}")
    print(f"incremental, LF text, explain off:     {from_text.rates(n)}  (parsing included)")
    print(f"rebuilding the solver per claim:      {rebuilt_solver.rates(len(sample))}  ({len(sample)} claims)")
    print(f"rebuilding the reasoner per claim:    {rebuilt_all.rates(len(everything))}  "
          f"({len(everything)} claims)")
    per_check = cold.cpu / n
    print(f"ratio incremental (first pass) / rebuilt solver:   "
          f"{rebuilt_solver.cpu / len(sample) / per_check:7.0f}x CPU")
    print(f"ratio incremental (first pass) / rebuilt reasoner: "
          f"{rebuilt_all.cpu / len(everything) / per_check:7.0f}x CPU")
    print(f"z3 'timeout' parameter costs {z3_timer_overhead():.0f} µs per solver call "
          f"(why the watchdog, not z3's timer, guards ground checks)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
