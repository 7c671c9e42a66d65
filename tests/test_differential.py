"""The classical reasoner agrees with brute-force model enumeration on random small theories.

Each case is a seeded random theory over 2-3 constants (now and then none), one or two
unary predicates, at most one binary predicate and up to two propositions: ground and universal premises
(``forall x, y. matrix`` with any quantifier-free matrix), and one to three ground,
existential or universal claims checked in one call. ``tests/bruteforce.py`` decides the
same question by enumerating every structure over a domain that is provably big enough
(its docstring says why), and every claim's verdict and the set's consistency must match.

The cases go to the reasoner four ways: open mode with LF text to a fresh Reasoner, with
Formula objects to a fresh Reasoner, with Formula objects to one Reasoner shared by
every case of that route (as a service would use it), and through a rule file
(universal premises as ``rule``s with a declared sort, some ground premises as
``fact``s, the rest as premises of the check), whose reasoner is asked twice. The
shared and the twice-asked reasoners catch state leaking from one check into the next.

Case ``n`` is ``random_case(n)`` on every machine. A failure prints each disagreeing
case in LF, shrunk to the fewest statements that still disagree, with a line that
reproduces it.
"""

from __future__ import annotations

import collections
import itertools
import random
import time
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from bruteforce import OutsideFragment, TooLarge, decide, domain_for, fresh_elements_needed, holds, satisfiable
from neurosym.logic import ast
from neurosym.logic.parser import parse_formula
from neurosym.logic.printer import to_text
from neurosym.verdicts import Consistency, Verdict

SEED = 20_240_611
OPEN_CASES = 1_000
RULE_FILE_CASES = 250
SHOWN_FAILURES = 5

CONSTANTS = ("a", "b", "c")
UNARY = ("p", "q")
BINARY = ("r",)
PROPOSITIONS = ("rain", "wind")
VARIABLES = ("x", "y")
SORT = "Thing"

# ================================================================ the generator


@dataclass(frozen=True)
class Vocabulary:
    """The symbols one case may use: constants and (name, arity) predicates."""

    constants: tuple[str, ...]
    predicates: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class Case:
    """One generated theory: premises and the claims checked against them in one call."""

    number: int
    vocabulary: Vocabulary
    premises: tuple[ast.Formula, ...]
    claims: tuple[ast.Formula, ...]


def random_case(number: int) -> Case:
    """Case ``number`` of the differential test: the same on every machine and run.

    Theories whose brute force would need more than ``bruteforce.MAX_ATOMS`` ground
    atoms (for the claims or for their negations) are redrawn from the same random
    stream, so the result stays deterministic.
    """
    rng = random.Random(SEED * 1_000_003 + number)
    while True:
        case = _draw_case(rng, number)
        try:  # the claims and their negations, as the rule-file route asks both
            decide(case.premises, case.claims)
            decide(case.premises, negated(case.claims))
        except TooLarge:
            continue
        return case


def _draw_case(rng: random.Random, number: int) -> Case:
    # Now and then no constants at all: universals must still range over one individual.
    constants = CONSTANTS[: rng.choice((0, 2, 2, 2, 3, 3, 3))]
    vocabulary = Vocabulary(
        constants=constants,
        predicates=(tuple((name, 1) for name in UNARY[: rng.choice((1, 2))])
                    + tuple((name, 2) for name in BINARY if rng.random() < 0.4)
                    + tuple((name, 0) for name in PROPOSITIONS[: rng.choice((0, 0, 1, 2))
                                                               if constants else rng.choice((1, 2))])),
    )
    premises = tuple(_random_ground(rng, vocabulary) if rng.random() < 0.5
                     else _random_quantified(rng, vocabulary, ast.Forall)
                     for _ in range(rng.randint(1, 4)))
    claims = tuple(_random_claim(rng, vocabulary) for _ in range(rng.randint(1, 3)))
    return Case(number, vocabulary, premises, claims)


def _random_claim(rng: random.Random, vocabulary: Vocabulary) -> ast.Formula:
    roll = rng.random()
    if roll < 0.4:
        return _random_ground(rng, vocabulary)
    return _random_quantified(rng, vocabulary, ast.Exists if roll < 0.7 else ast.Forall)


def _random_ground(rng: random.Random, vocabulary: Vocabulary) -> ast.Formula:
    """A ground literal (a fact) or a ground formula with connectives."""
    return _random_matrix(rng, vocabulary, vocabulary.constants, depth=rng.choice((0, 0, 1, 2)))


def _random_quantified(rng: random.Random, vocabulary: Vocabulary, quantifier) -> ast.Formula:
    """``forall``/``exists`` over one or two variables and a quantifier-free matrix.

    Binders the matrix does not use are dropped (a sentence that uses none is ground).
    """
    variables = VARIABLES[: rng.choice((1, 1, 2))]
    # Variables are listed three times so that most argument positions get one.
    terms = variables * 3 + vocabulary.constants
    if rng.random() < 0.7:  # rule-shaped: body -> head
        matrix = ast.Implies(_random_matrix(rng, vocabulary, terms, depth=rng.choice((0, 1))),
                             _random_matrix(rng, vocabulary, terms, depth=rng.choice((0, 0, 1))))
    else:
        matrix = _random_matrix(rng, vocabulary, terms, depth=rng.choice((1, 2)))
    used = {n.name for n in ast.walk(matrix) if isinstance(n, ast.Var)}
    binders = tuple(ast.Binder(v) for v in variables if v in used)
    return quantifier(binders, matrix) if binders else matrix


def _random_matrix(rng: random.Random, vocabulary: Vocabulary, terms, *, depth: int) -> ast.Formula:
    if depth == 0 or rng.random() < 0.25:
        if rng.random() < 0.03:
            return ast.BoolConst(rng.random() < 0.5)
        atom = _random_atom(rng, vocabulary, terms)
        return ast.Not(atom) if rng.random() < 0.3 else atom
    sub = lambda: _random_matrix(rng, vocabulary, terms, depth=depth - 1)  # noqa: E731
    connective = rng.choice(("not", "and", "or", "->", "<->", "xor"))
    if connective == "not":
        return ast.Not(sub())
    if connective in ("and", "or"):
        parts = tuple(sub() for _ in range(rng.choice((2, 2, 3))))
        return ast.And(parts) if connective == "and" else ast.Or(parts)
    binary = {"->": ast.Implies, "<->": ast.Iff, "xor": ast.Xor}[connective]
    return binary(sub(), sub())


def _random_atom(rng: random.Random, vocabulary: Vocabulary, terms) -> ast.Pred:
    name, arity = rng.choice([p for p in vocabulary.predicates if terms or p[1] == 0])
    args = tuple(ast.Var(t) if t in VARIABLES else ast.Const(t)
                 for t in (rng.choice(terms) for _ in range(arity)))
    return ast.Pred(name, args)


# ================================================================ routes into the reasoner


@dataclass(frozen=True)
class Check:
    """One call of ``Reasoner.check`` and what the brute force says it must return."""

    premises: tuple[ast.Formula, ...]  # every axiom: rules and facts of the file included
    claims: tuple[ast.Formula, ...]
    verdicts: tuple[Verdict, ...]
    consistency: Consistency


def expected_checks(case: Case, route: str) -> list[Check]:
    """The brute force's answers to the checks that ``ask_reasoner`` makes on this route."""
    questions = [(case.premises, case.claims)]
    if route == "rule file":
        questions.append((split_premises(case)[0], negated(case.claims)))
    return [Check(tuple(premises), tuple(claims), *decide(premises, claims))
            for premises, claims in questions]


def ask_reasoner(case: Case, route: str, directory: Path | None, *, explain: bool,
                 shared=None) -> list:
    """The reasoner's CheckResults for the case: one check in open mode, two from a rule file.

    Open mode has no rule file: the signature is inferred from the formulas, given as
    LF text or as Formula objects, to a fresh Reasoner or (route "open, shared") to the
    ``shared`` one that answered the earlier cases of the route. On the rule-file route
    the universal premises become rules and half of the ground ones facts; the reasoner
    compiled from the file answers the case's claims with the remaining ground premises,
    then the negated claims with no premises, so premises of the first check must not
    survive into the second.
    """
    from neurosym.reasoner import Reasoner

    options = dict(semantics="classical", explain=explain)
    if route != "rule file":
        reasoner = shared if route == "open, shared" else Reasoner()
        given = (lambda fs: [to_text(f) for f in fs]) if route == "open, text" else list
        return [reasoner.check(given(case.claims), given(case.premises), **options)]

    from neurosym.rules.loader import load_theory

    in_file, given = split_premises(case)
    path = directory / f"case_{case.number}.rules"
    path.write_text(rule_file_text(case.vocabulary, in_file))
    reasoner = Reasoner(load_theory([str(path)]))
    return [reasoner.check([to_text(c) for c in case.claims], [to_text(p) for p in given], **options),
            reasoner.check([to_text(c) for c in negated(case.claims)], **options)]


def negated(claims) -> tuple[ast.Formula, ...]:
    return tuple(ast.Not(c) for c in claims)


def split_premises(case: Case) -> tuple[tuple[ast.Formula, ...], tuple[ast.Formula, ...]]:
    """(in the rule file, given to the check): every universal and every other ground premise."""
    in_file, given = [], []
    for i, premise in enumerate(case.premises):
        (in_file if isinstance(premise, ast.Forall) or i % 2 == 0 else given).append(premise)
    return tuple(in_file), tuple(given)


def rule_file_text(vocabulary: Vocabulary, axioms) -> str:
    """A rule file declaring the vocabulary under one sort, with the axioms as rules and facts."""
    lines = [f"sort {SORT}"]
    lines += [f"const {name}: {SORT}" for name in vocabulary.constants]
    for name, arity in vocabulary.predicates:
        lines.append(f"pred {name}({', '.join([SORT] * arity)})" if arity else f"pred {name}")
    for i, axiom in enumerate(axioms, 1):
        if isinstance(axiom, ast.Forall):
            sorted_binders = tuple(replace(b, sort=SORT) for b in axiom.binders)
            lines.append(f"rule rule_{i}: {to_text(replace(axiom, binders=sorted_binders))}")
        else:
            lines.append(f"fact fact_{i}: {to_text(axiom)}")
    return "\n".join(lines) + "\n"


# ================================================================ comparing and reporting


def disagreements(check: Check, result) -> list[str]:
    """What the reasoner got wrong in one check, one line each (empty when it agrees)."""
    got = [c.verdict for c in result.claims]
    problems = []
    if len(got) != len(check.claims):
        return [f"{len(got)} claim results for {len(check.claims)} claims"]
    for i, (claim, want, have) in enumerate(zip(check.claims, check.verdicts, got), 1):
        if want != have:
            problems.append(f"claim {i} {to_text(claim)}: brute force {want}, reasoner {have}"
                            + (f" ({result.claims[i - 1].reason})" if result.claims[i - 1].reason else ""))
    if result.consistency != check.consistency:
        problems.append(f"the set: brute force {check.consistency}, reasoner {result.consistency}")
    return problems


def run_case(case: Case, route: str, directory: Path | None, *, explain: bool,
             shared=None) -> list[str]:
    """Every disagreement between the reasoner and the brute force on one case."""
    expected = expected_checks(case, route)
    try:
        results = ask_reasoner(case, route, directory, explain=explain, shared=shared)
    except Exception as exc:  # a crash is a disagreement too; keep going to report all
        return [f"the reasoner raised {type(exc).__name__}: {exc}"]
    return [f"check {n}: {line}" for n, (check, result) in enumerate(zip(expected, results), 1)
            for line in disagreements(check, result)]


def shrink(case: Case, route: str, directory: Path | None, *, explain: bool) -> Case:
    """Drop premises and claims one at a time while the reasoner still disagrees."""
    changed = True
    while changed:
        changed = False
        options = [replace(case, premises=case.premises[:i] + case.premises[i + 1:])
                   for i in range(len(case.premises))]
        options += [replace(case, claims=case.claims[:i] + case.claims[i + 1:])
                    for i in range(len(case.claims)) if len(case.claims) > 1]
        for smaller in options:
            if run_case(smaller, route, directory, explain=explain):
                case, changed = smaller, True
                break
    return case


def describe(case: Case, route: str, problems: list[str]) -> str:
    """A disagreement as a person needs it: the theory in LF and how to reproduce it."""
    premises = [to_text(p) for p in case.premises]
    claims = [to_text(c) for c in case.claims]
    lines = [f"case {case.number} via {route}:"]
    lines += [f"  premise: {p}" for p in premises]
    lines += [f"  claim:   {c}" for c in claims]
    lines += [f"  {problem}" for problem in problems]
    if route == "rule file":
        in_file, given = split_premises(case)
        lines.append("  rule file:\n    " + rule_file_text(case.vocabulary, in_file).strip().replace("\n", "\n    "))
        lines.append(f"  premises of check 1: {[to_text(g) for g in given]}")
    lines.append(f"  reproduce{' in open mode' if route == 'rule file' else ''}: "
                 f"Reasoner().check({claims!r}, {premises!r})")
    return "\n".join(lines)


def open_route(number: int) -> str:
    return ("open, text", "open, formulas", "open, shared")[number % 3]


def assert_agreement(numbers, route_for, directory: Path | None) -> collections.Counter:
    """Run the cases; fail showing the smallest disagreements, shrunk; return outcome counts."""
    from neurosym.reasoner import Reasoner

    shared = Reasoner()
    start = time.perf_counter()
    counts: collections.Counter = collections.Counter()
    failing = []
    for number in numbers:
        case, route, explain = random_case(number), route_for(number), number % 5 == 0
        if run_case(case, route, directory, explain=explain, shared=shared):
            failing.append((case, route, explain))
        counts["cases"] += 1
        for check in expected_checks(case, route):
            counts.update(check.verdicts)
            counts[check.consistency] += 1
            counts["checks"] += 1
            counts["claims"] += len(check.claims)
    print(f"\n{counts['cases']} cases, {counts['checks']} checks, {counts['claims']} claims "
          f"in {time.perf_counter() - start:.1f} s:", {str(k): n for k, n in counts.items()})
    if failing:
        # Shrinking re-runs the reasoner many times: do it for the few smallest cases only.
        failing.sort(key=lambda f: (len(f[0].premises) + len(f[0].claims), f[0].number))
        shown: dict[tuple, str] = {}  # each shrunk theory once
        for case, route, explain in failing[:3 * SHOWN_FAILURES]:
            if len(shown) < SHOWN_FAILURES:
                theory, text = explain_failure(case, route, directory, explain)
                shown.setdefault(theory, text)
        numbers_text = ", ".join(str(case.number) for case, _, _ in failing[:50])
        pytest.fail(f"{len(failing)} of {counts['cases']} cases disagree (cases {numbers_text}"
                    f"{', ...' if len(failing) > 50 else ''}); the smallest:\n\n" + "\n\n".join(shown.values()),
                    pytrace=False)
    return counts


def explain_failure(case: Case, route: str, directory: Path | None, explain: bool) -> tuple[tuple, str]:
    """(the shrunk theory, its description); a shared reasoner's failure is replayed fresh."""
    if route == "open, shared":
        if not run_case(case, "open, formulas", directory, explain=explain):
            text = (describe(case, route, ["a fresh Reasoner agrees: state of earlier checks "
                                           "leaks into this one"])
                    + f"\n  replay: the cases {route!r} before {case.number}, in order, on one Reasoner")
            return (route, case.premises, case.claims), text
        route = "open, formulas"
    small = shrink(case, route, directory, explain=explain)
    text = describe(small, route, run_case(small, route, directory, explain=explain))
    return (route, small.premises, small.claims), text


# ================================================================ the oracle on its own


def f(text: str) -> ast.Formula:
    return parse_formula(text)


@pytest.mark.parametrize("formula, domain, true_atoms, expected", [
    ("p(a) and not q(a)", ["a"], [("p", "a")], True),
    ("p(a) -> q(a)", ["a"], [("p", "a")], False),
    ("p(a) xor q(a)", ["a"], [("p", "a"), ("q", "a")], False),
    ("p(a) <-> q(a)", ["a"], [], True),
    ("rain or false", ["a"], [("rain",)], True),
    ("forall x. p(x)", ["a", "b"], [("p", "a")], False),
    ("exists x. p(x) and not q(x)", ["a", "b"], [("p", "b"), ("q", "a")], True),
    ("forall x. exists y. r(x, y)", ["a", "b"], [("r", "a", "b"), ("r", "b", "b")], True),
    ("exists y. forall x. r(x, y)", ["a", "b"], [("r", "a", "b"), ("r", "b", "a")], False),
])
def test_holds_evaluates_one_structure_as_on_paper(formula, domain, true_atoms, expected):
    assert holds(f(formula), domain, true_atoms) is expected


@pytest.mark.parametrize("formula, fresh", [
    ("p(a) and rain", 0),
    ("forall x, y. r(x, y) -> p(x)", 0),
    ("exists x, y. r(x, y)", 2),
    ("not forall x. p(x)", 1),
    ("(forall x. p(x)) -> exists y. q(y)", 2),
    ("exists x. forall y. r(x, y)", 1),
])
def test_fresh_elements_are_the_existential_variables(formula, fresh):
    assert fresh_elements_needed(f(formula)) == fresh


@pytest.mark.parametrize("formula", [
    "forall x. exists y. r(x, y)",  # needs a Skolem function: no finite bound
    "(exists x. p(x)) <-> rain",  # the quantifier is both universal and existential
    "p(a) and a = b",  # equality
    "p(f(a))",  # function symbols
])
def test_oracle_refuses_what_it_cannot_decide_exactly(formula):
    with pytest.raises(OutsideFragment):
        satisfiable([f(formula)])


def test_oracle_refuses_theories_too_large_to_enumerate():
    with pytest.raises(TooLarge):
        satisfiable([f("exists x, y, z. r(x, y) and r(y, z)")], max_atoms=8)


@pytest.mark.parametrize("premises, claims, verdicts, consistency", [
    # modus ponens and contraposition
    (["forall x. p(x) -> q(x)", "p(a)"], ["q(a)", "not q(a)"],
     ["ENTAILED", "CONTRADICTED"], "INCONSISTENT"),
    (["forall x. p(x) -> q(x)", "not q(b)"], ["not p(b)", "p(a)"], ["ENTAILED", "POSSIBLE"], "CONSISTENT"),
    # facts about every constant do not make a universal true: there may be more individuals
    (["p(a)", "p(b)"], ["forall x. p(x)", "exists x. p(x)"], ["POSSIBLE", "ENTAILED"], "CONSISTENT"),
    # ... nor rule out an individual outside them
    (["not p(a)", "not p(b)"], ["exists x. p(x)"], ["POSSIBLE"], "CONSISTENT"),
    # domains are non-empty, with or without constants
    (["forall x. p(x)"], ["exists x. p(x)"], ["ENTAILED"], "CONSISTENT"),
    ([], ["(exists x. p(x)) -> forall y. p(y)"], ["POSSIBLE"], "CONSISTENT"),
    # inconsistent premises make every claim IMPOSSIBLE
    (["forall x. p(x)", "not p(a)"], ["rain", "not rain"], ["IMPOSSIBLE", "IMPOSSIBLE"], "INCONSISTENT"),
    # a binary rule: symmetry
    (["forall x, y. r(x, y) -> r(y, x)", "r(a, b)"],
     ["r(b, a)", "exists x, y. r(x, y) and not r(y, x)", "forall x. r(x, x)"],
     ["ENTAILED", "CONTRADICTED", "POSSIBLE"], "INCONSISTENT"),
    # each claim alone is possible, together they clash: rain xor wind with both
    (["rain xor wind"], ["rain", "wind"], ["POSSIBLE", "POSSIBLE"], "INCONSISTENT"),
    # two existential claims need two fresh individuals together
    (["forall x. p(x) <-> not q(x)"], ["exists x. p(x)", "exists x. q(x)"],
     ["POSSIBLE", "POSSIBLE"], "CONSISTENT"),
])
def test_decide_gives_the_hand_computed_verdicts(premises, claims, verdicts, consistency):
    got_verdicts, got_consistency = decide([f(p) for p in premises], [f(c) for c in claims])
    assert [v.value for v in got_verdicts] == verdicts
    assert got_consistency.value == consistency


def test_truth_tables_agree_with_one_structure_at_a_time():
    """``satisfiable`` (all structures at once, as bit sets) against a plain loop over structures."""
    checked = 0
    for number in range(200):
        case = random_case(number)
        for sentences in [case.premises, case.premises + case.claims[:1]]:
            domain = domain_for(sentences)
            atoms = [(name, *args) for name, arity in case.vocabulary.predicates
                     for args in itertools.product(domain, repeat=arity)]
            if len(atoms) > 10:
                continue
            by_loop = any(all(holds(s, domain, itertools.compress(atoms, bits)) for s in sentences)
                          for bits in itertools.product((0, 1), repeat=len(atoms)))
            assert satisfiable(sentences) is by_loop, [to_text(s) for s in sentences]
            checked += 1
    assert checked >= 100


def test_generated_cases_are_reproducible_and_cover_every_verdict():
    assert random_case(7) == random_case(7)
    counts = collections.Counter()
    for number in range(OPEN_CASES):
        case = random_case(number)
        verdicts, consistency = decide(case.premises, case.claims)
        counts.update(verdicts)
        counts[consistency] += 1
    # Each outcome must be common enough that a reasoner getting it wrong is caught.
    for outcome in (Verdict.ENTAILED, Verdict.CONTRADICTED, Verdict.POSSIBLE, Verdict.IMPOSSIBLE,
                    Consistency.CONSISTENT, Consistency.INCONSISTENT):
        assert counts[outcome] >= 50, counts


# ================================================================ the differential test


@pytest.mark.slow
def test_open_mode_agrees_with_brute_force():
    assert_agreement(range(OPEN_CASES), open_route, None)


@pytest.mark.slow
def test_rule_file_mode_agrees_with_brute_force(tmp_path):
    assert_agreement(range(OPEN_CASES, OPEN_CASES + RULE_FILE_CASES), lambda n: "rule file", tmp_path)
