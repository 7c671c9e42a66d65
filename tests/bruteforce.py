"""A brute-force oracle for classical verdicts: enumerate every finite structure.

This module is the reference that ``test_differential.py`` holds the Z3 reasoner to. It
decides the same five-way question as ``Reasoner.check`` (ENTAILED / CONTRADICTED /
POSSIBLE / IMPOSSIBLE per claim, CONSISTENT / INCONSISTENT for the set) by listing every
structure over a small finite domain and evaluating the formulas in each. It knows
nothing of Z3 and shares no code with the reasoner beyond the AST classes.

The fragment
------------
Sentences without function symbols, equality or arithmetic, over predicates of any arity
(0-ary ones are propositions) and constants, built with not/and/or/xor/->/<-> and
quantifiers, such that **no existential quantifier lies in the scope of a universal
one** once negations are pushed inwards, and no quantifier lies under xor/<-> (where it
would be both). The differential test generates premises that are ground or universal
(``forall x, y. matrix``) and claims that are ground, existential or universal.

Why a finite enumeration is exact here
--------------------------------------
Every verdict is defined by refutation on one primitive, satisfiability of a finite set
S of sentences:

    IMPOSSIBLE    premises unsatisfiable
    ENTAILED      premises + not claim unsatisfiable
    CONTRADICTED  premises + claim unsatisfiable
    POSSIBLE      otherwise
    CONSISTENT    premises + all claims satisfiable

Skolemising S introduces one new constant per existential variable and no function
symbol, because no existential is in the scope of a universal. So S is satisfiable iff
its Skolem form, a set of universal sentences, is; and by Herbrand's theorem a set of
universal sentences without function symbols is satisfiable iff it has a model whose
domain is its constants (one element if there are none). Hence it is enough to search
the domain

    D = constants of S  +  k fresh elements,  k = number of existential variables in S,

with each constant interpreted as itself. Distinct constants may be kept distinct: the
language has no equality, and an element can be split into two indistinguishable copies
without changing the truth of any equality-free sentence. For instance ``not forall x.
p(x)`` needs one fresh element, and ``premises + not claim`` for a universal claim gets
exactly as many fresh elements as the claim binds variables.

Each query gets its own domain (``domain_for``), so the structure count stays small:
a structure is a truth assignment to the ground atoms that occur when the quantifiers
are expanded over D (atoms that occur nowhere cannot change any truth value).

How structures are enumerated
-----------------------------
With n atoms there are 2**n structures, numbered 0 .. 2**n - 1; structure k makes atom i
true iff bit i of k is set. Rather than looping over structures, the evaluator computes
for each formula the *set* of structures in which it holds, as a Python int whose bit k
says "holds in structure k" (a truth table, column by column): ``not`` is complement,
``and`` intersection, ``or`` union, a quantifier the intersection/union over D of its
instances. The same evaluator run on one structure (each atom 0 or 1, ``everything=1``)
is ordinary truth evaluation; ``holds`` exposes that for hand-checked tests.
"""

from __future__ import annotations

import functools
import itertools
from typing import Callable, Iterable, Sequence

from neurosym.logic import ast
from neurosym.verdicts import Consistency, Verdict

__all__ = [
    "MAX_ATOMS", "TooLarge", "OutsideFragment",
    "decide", "satisfiable", "domain_for", "fresh_elements_needed", "holds",
]

# 2**16 structures per query at most: big enough for the theories the test draws,
# small enough that a query stays in the milliseconds.
MAX_ATOMS = 16

Atom = tuple  # (predicate name, element, element, ...)


class OutsideFragment(ValueError):
    """The formula uses something the oracle cannot decide exactly."""


class TooLarge(ValueError):
    """The query has more ground atoms than MAX_ATOMS."""


# ---------------------------------------------------------------- verdicts


def decide(premises: Sequence[ast.Formula], claims: Sequence[ast.Formula],
           *, max_atoms: int = MAX_ATOMS) -> tuple[tuple[Verdict, ...], Consistency]:
    """The classical verdict of each claim and the consistency of premises + claims.

    >>> from neurosym.logic.parser import parse_formula as f
    >>> decide([f("forall x. p(x) -> q(x)"), f("p(a)")], [f("q(a)"), f("exists x. not q(x)")])
    ((<Verdict.ENTAILED: 'ENTAILED'>, <Verdict.POSSIBLE: 'POSSIBLE'>), <Consistency.CONSISTENT: 'CONSISTENT'>)
    """
    premises = list(premises)

    def sat(*extra: ast.Formula) -> bool:
        return satisfiable(premises + list(extra), max_atoms=max_atoms)

    verdicts = []
    premises_hold = sat()
    for claim in claims:
        if not premises_hold:
            verdicts.append(Verdict.IMPOSSIBLE)
        elif not sat(ast.Not(claim)):
            verdicts.append(Verdict.ENTAILED)
        elif not sat(claim):
            verdicts.append(Verdict.CONTRADICTED)
        else:
            verdicts.append(Verdict.POSSIBLE)
    consistent = premises_hold and sat(*claims)
    return tuple(verdicts), Consistency.CONSISTENT if consistent else Consistency.INCONSISTENT


def satisfiable(sentences: Sequence[ast.Formula], *, max_atoms: int = MAX_ATOMS) -> bool:
    """True when some structure makes every sentence true (exact on the fragment)."""
    domain = domain_for(sentences)
    atoms = _ground_atoms(sentences, domain)
    if len(atoms) > max_atoms:
        raise TooLarge(f"{len(atoms)} ground atoms over a domain of {len(domain)} "
                       f"(at most {max_atoms})")
    everything = (1 << (1 << len(atoms))) - 1  # the set of all 2**n structures
    column = {atom: _column(i, len(atoms)) for i, atom in enumerate(atoms)}
    models = everything
    for sentence in sentences:
        models &= _holds_in(sentence, {}, domain, column.__getitem__, everything)
    return models != 0


def domain_for(sentences: Iterable[ast.Formula]) -> tuple[str, ...]:
    """The constants of the sentences plus one fresh element per existential variable.

    Fresh elements are named ``*1``, ``*2``, ...: no LF name can clash with them.
    """
    sentences = list(sentences)
    constants = sorted({n.name for s in sentences for n in ast.walk(s) if isinstance(n, ast.Const)})
    fresh = sum(fresh_elements_needed(s) for s in sentences)
    domain = tuple(constants) + tuple(f"*{i}" for i in range(1, fresh + 1))
    return domain or ("*1",)  # first-order domains are never empty


def fresh_elements_needed(formula: ast.Formula) -> int:
    """How many existential variables the formula has once negations are pushed inwards.

    Raises OutsideFragment for an existential inside a universal (it would need a Skolem
    function, so no finite domain bound exists) and for a quantifier under xor/<->.
    """
    return _existential_width(formula, positive=True, under_universal=False)


def _existential_width(node: ast.Formula, *, positive: bool | None, under_universal: bool) -> int:
    if isinstance(node, (ast.Pred, ast.BoolConst)):
        return 0
    if isinstance(node, ast.Not):
        flipped = None if positive is None else not positive
        return _existential_width(node.arg, positive=flipped, under_universal=under_universal)
    if isinstance(node, (ast.And, ast.Or)):
        return sum(_existential_width(a, positive=positive, under_universal=under_universal)
                   for a in node.args)
    if isinstance(node, ast.Implies):
        flipped = None if positive is None else not positive
        return (_existential_width(node.left, positive=flipped, under_universal=under_universal)
                + _existential_width(node.right, positive=positive, under_universal=under_universal))
    if isinstance(node, (ast.Xor, ast.Iff)):
        # Both operands occur with both polarities; fine only when they are quantifier-free.
        return (_existential_width(node.left, positive=None, under_universal=under_universal)
                + _existential_width(node.right, positive=None, under_universal=under_universal))
    if isinstance(node, (ast.Forall, ast.Exists)):
        if positive is None:
            raise OutsideFragment("a quantifier under xor or <-> is outside the fragment")
        existential = isinstance(node, ast.Exists) == positive
        if existential and under_universal:
            raise OutsideFragment("an existential inside a universal needs a Skolem function")
        inner = _existential_width(node.body, positive=positive,
                                   under_universal=under_universal or not existential)
        return inner + (len(node.binders) if existential else 0)
    raise OutsideFragment(f"{type(node).__name__} is outside the fragment (no functions, "
                          "equality or arithmetic)")


# ---------------------------------------------------------------- evaluation


def holds(formula: ast.Formula, domain: Sequence[str], true_atoms: Iterable[Atom]) -> bool:
    """Whether ``formula`` is true in one structure, given by the atoms it makes true.

    >>> holds(ast.Forall((ast.Binder("x"),), ast.Pred("p", (ast.Var("x"),))), ["a", "b"], [("p", "a")])
    False
    """
    true_atoms = set(true_atoms)
    return _holds_in(formula, {}, tuple(domain), lambda atom: int(atom in true_atoms), 1) == 1


def _ground_atoms(sentences: Sequence[ast.Formula], domain: tuple[str, ...]) -> tuple[Atom, ...]:
    """The ground atoms that occur when the quantifiers are expanded over ``domain``."""
    seen: dict[Atom, None] = {}

    def record(atom: Atom) -> int:
        seen.setdefault(atom, None)
        return 0

    for sentence in sentences:
        _holds_in(sentence, {}, domain, record, 1)
    arities: dict[str, int] = {}
    for name, *args in seen:
        if arities.setdefault(name, len(args)) != len(args):
            raise OutsideFragment(f"predicate {name} is used with {arities[name]} and "
                                  f"{len(args)} arguments")
    return tuple(sorted(seen))


@functools.lru_cache(maxsize=None)
def _column(i: int, n: int) -> int:
    """The set of structures (out of 2**n) in which atom i is true: those with bit i set."""
    ones, zeros = "1" * (1 << i), "0" * (1 << i)
    # Read from the most significant bit down: a block of 2**i structures without the
    # bit, then 2**i with it, repeated; structure 0 is the last character.
    return int((ones + zeros) * (1 << (n - i - 1)), 2)


def _holds_in(node: ast.Formula, env: dict[str, str], domain: tuple[str, ...],
              atom_value: Callable[[Atom], int], everything: int) -> int:
    """The set of structures (a bit set within ``everything``) in which ``node`` holds."""

    def rec(child: ast.Formula, inner_env: dict[str, str] = env) -> int:
        return _holds_in(child, inner_env, domain, atom_value, everything)

    if isinstance(node, ast.Pred):
        return atom_value((node.name, *(_element(t, env) for t in node.args)))
    if isinstance(node, ast.BoolConst):
        return everything if node.value else 0
    if isinstance(node, ast.Not):
        return everything & ~rec(node.arg)
    if isinstance(node, ast.And):
        return functools.reduce(lambda acc, a: acc & rec(a), node.args, everything)
    if isinstance(node, ast.Or):
        return functools.reduce(lambda acc, a: acc | rec(a), node.args, 0)
    if isinstance(node, ast.Xor):
        return rec(node.left) ^ rec(node.right)
    if isinstance(node, ast.Implies):
        return (everything & ~rec(node.left)) | rec(node.right)
    if isinstance(node, ast.Iff):
        return everything & ~(rec(node.left) ^ rec(node.right))
    if isinstance(node, (ast.Forall, ast.Exists)):
        names = [b.name for b in node.binders]
        instances = (rec(node.body, {**env, **dict(zip(names, values))})
                     for values in itertools.product(domain, repeat=len(names)))
        if isinstance(node, ast.Forall):
            return functools.reduce(lambda acc, s: acc & s, instances, everything)
        return functools.reduce(lambda acc, s: acc | s, instances, 0)
    raise OutsideFragment(f"{type(node).__name__} is outside the fragment (no functions, "
                          "equality or arithmetic)")


def _element(term: ast.Term, env: dict[str, str]) -> str:
    if isinstance(term, ast.Const):
        return term.name
    if isinstance(term, ast.Var):
        return env[term.name]
    raise OutsideFragment(f"{type(term).__name__} terms are outside the fragment")
