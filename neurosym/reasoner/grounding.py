"""Quantifiers replaced by their instances over the known individuals, where that is exact.

A formula is brought to negation normal form (``to_nnf``; a claim is negated first when
the question is whether its negation is satisfiable), existentials that lie under no
universal are replaced by fresh constants (``skolemize``), and what remains is split into
universal clauses ``forall xs. matrix`` with a quantifier-free matrix (``universal_clauses``).
When every variable left ranges over a *groundable* sort, each clause is replaced by its
instances over the constants of those sorts (``instances``), and Z3 gets a ground,
quantifier-free problem, which it decides quickly and completely. Otherwise the formula
keeps its quantifiers and Z3 decides it with model-based quantifier instantiation.

Why grounding is exact (Herbrand's theorem)
-------------------------------------------
Call a user sort S groundable when no function symbol of the problem returns S and no
existential over S lies under a universal (that would need a Skolem *function* into S).
Let Φ be the problem (rules, premises, claim) after Skolemization, and let C_S be a
finite, non-empty set of constants of sort S containing every constant of sort S that
occurs in Φ. Let G be Φ with every universal over a groundable sort S replaced by the
conjunction of its instances over C_S.

* Every model of Φ is a model of G: instances of a true universal are true.
* Given a model M of G, let M' be the substructure of M whose domain for each
  groundable sort S is the set of values of the constants in C_S (non-empty), and whose
  other sorts (Int, Real, and user sorts that are not groundable) keep all of M's
  elements. M' is closed under the function symbols, since none returns a groundable
  sort, so it is a substructure. Quantifier-free formulas have the same truth value in
  M and M'; so do existentials and universals over the unrestricted sorts, whose
  domains did not change; and a universal over a groundable sort that holds in M holds
  in M', which has fewer elements. Since after Skolemization every quantifier over a
  groundable sort is universal and occurs positively (negation normal form), each
  instance true in M is true in M'. Finally every element of a groundable sort of M'
  is named by a constant of C_S, so a universal over S holds in M' exactly when all of
  its instances over C_S do. Hence M' is a model of Φ.

So Φ and G are equisatisfiable: the refutation-based verdicts computed on G are the
verdicts of Φ. The argument holds for any finite C_S that contains the constants of Φ,
which is what lets the reasoner keep instances of the rules for individuals that a
particular check does not mention (they are consequences of the rules, hence sound),
and add instances incrementally when a check brings a new individual.

The normal forms here keep quantifier-free sub-formulas as they are (``p -> q`` stays an
implication), so the instances of a rule read like the rule.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Mapping, Sequence

from ..logic import ast

__all__ = [
    "NotGroundable", "UniversalClause", "has_quantifier", "to_nnf", "skolemize",
    "universal_clauses", "instances", "substitute", "rename_constants",
]


class NotGroundable(Exception):
    """The formula keeps a quantifier that grounding cannot replace (see the module doc)."""


@dataclass(frozen=True)
class UniversalClause:
    """``forall binders. matrix`` with a quantifier-free matrix; no binders means ground."""

    binders: tuple[ast.Binder, ...]
    matrix: ast.Formula


def has_quantifier(node: ast.Formula) -> bool:
    """True when a quantifier occurs anywhere in ``node``."""
    return any(isinstance(n, (ast.Forall, ast.Exists)) for n in ast.walk(node))


# ---------------------------------------------------------------- substitution


def _map_terms(node, leaf: Callable[[ast.Term], ast.Term | None]):
    """``node`` with every Var/Const leaf replaced by ``leaf(...)`` (None keeps it)."""
    kind = type(node)
    if kind is ast.Var or kind is ast.Const:
        replacement = leaf(node)
        return node if replacement is None else replacement
    if kind is ast.Num or kind is ast.BoolConst:
        return node
    if kind is ast.Pred:
        return ast.Pred(node.name, tuple(_map_terms(a, leaf) for a in node.args)) if node.args else node
    if kind is ast.FuncApp:
        return ast.FuncApp(node.name, tuple(_map_terms(a, leaf) for a in node.args))
    if kind is ast.Neg:
        return ast.Neg(_map_terms(node.arg, leaf))
    if kind is ast.Not:
        return ast.Not(_map_terms(node.arg, leaf))
    if kind is ast.Arith or kind is ast.Compare:
        return kind(node.op, _map_terms(node.left, leaf), _map_terms(node.right, leaf))
    if kind is ast.And or kind is ast.Or:
        return kind(tuple(_map_terms(a, leaf) for a in node.args))
    if kind is ast.Xor or kind is ast.Implies or kind is ast.Iff:
        return kind(_map_terms(node.left, leaf), _map_terms(node.right, leaf))
    if kind is ast.Forall or kind is ast.Exists:
        return kind(node.binders, _map_terms(node.body, leaf))
    raise TypeError(f"not an LF node: {node!r}")


def substitute(node, values: Mapping[str, ast.Term]):
    """``node`` with the variables named in ``values`` replaced (their binders are gone)."""
    return _map_terms(node, lambda leaf: values.get(leaf.name) if type(leaf) is ast.Var else None)


def rename_constants(node, names: Mapping[str, str]):
    """``node`` with the constants named in ``names`` renamed."""
    def rename(leaf):
        if type(leaf) is ast.Const and leaf.name in names:
            return ast.Const(names[leaf.name])
        return None
    return _map_terms(node, rename)


# ---------------------------------------------------------------- normal forms


def to_nnf(node: ast.Formula, *, negate: bool = False) -> ast.Formula:
    """Negation normal form of ``node`` (of ``not node`` when ``negate``).

    Only the parts that contain quantifiers are rewritten: ``->``, ``<->`` and ``xor``
    over quantified sub-formulas are expanded and negations pushed through quantifiers;
    quantifier-free parts are kept, negated with a single ``Not`` where needed.
    """
    if not has_quantifier(node):
        return _negated(node) if negate else node
    kind = type(node)
    if kind is ast.Not:
        return to_nnf(node.arg, negate=not negate)
    if kind is ast.And or kind is ast.Or:
        args = tuple(to_nnf(a, negate=negate) for a in node.args)
        flip = (kind is ast.And) == negate
        return ast.Or(args) if flip else ast.And(args)
    if kind is ast.Implies:
        if negate:
            return ast.And((to_nnf(node.left), to_nnf(node.right, negate=True)))
        return ast.Or((to_nnf(node.left, negate=True), to_nnf(node.right)))
    if kind is ast.Iff or kind is ast.Xor:
        same = (kind is ast.Iff) != negate  # true when the two sides must agree
        left, right = node.left, node.right
        if same:
            return ast.And((ast.Or((to_nnf(left, negate=True), to_nnf(right))),
                            ast.Or((to_nnf(left), to_nnf(right, negate=True)))))
        return ast.And((ast.Or((to_nnf(left), to_nnf(right))),
                        ast.Or((to_nnf(left, negate=True), to_nnf(right, negate=True)))))
    if kind is ast.Forall or kind is ast.Exists:
        flip = negate
        cls = (ast.Exists if kind is ast.Forall else ast.Forall) if flip else kind
        return cls(node.binders, to_nnf(node.body, negate=negate))
    raise TypeError(f"not a formula: {node!r}")  # pragma: no cover - atoms have no quantifier


def _negated(node: ast.Formula) -> ast.Formula:
    if type(node) is ast.Not:
        return node.arg
    if type(node) is ast.BoolConst:
        return ast.BoolConst(not node.value)
    return ast.Not(node)


def skolemize(node: ast.Formula, fresh: Callable[[str], str]) -> ast.Formula:
    """Replace the existentials of an NNF formula that lie under no universal by constants.

    ``fresh(sort)`` names a new constant of that sort for each existential variable.
    Existentials under a universal are left alone (they would need Skolem functions).
    """
    kind = type(node)
    if kind is ast.Exists:
        values = {}
        for binder in node.binders:
            values[binder.name] = ast.Const(fresh(binder.sort))
        return skolemize(substitute(node.body, values), fresh)
    if (kind is ast.And or kind is ast.Or) and has_quantifier(node):
        return kind(tuple(skolemize(a, fresh) for a in node.args))
    return node


# ---------------------------------------------------------------- universal clauses


def _variables(node) -> set[str]:
    return {n.name for n in ast.walk(node) if type(n) is ast.Var}


def universal_clauses(node: ast.Formula, groundable: Callable[[str], bool]) -> list[UniversalClause]:
    """Split a Skolemized NNF formula into universal clauses (their conjunction is ``node``).

    Universals are distributed over conjunctions and pulled out of disjunctions (after
    renaming bound variables apart), and binders a matrix does not use are dropped, so
    each clause quantifies only what it needs. Raises ``NotGroundable`` when an
    existential remains or a variable ranges over a sort ``groundable`` rejects.
    """
    counter = itertools.count()
    return [UniversalClause(binders, matrix) for binders, matrix in _clauses(node, groundable, counter)]


def _clauses(node, groundable, counter) -> list[tuple[tuple[ast.Binder, ...], ast.Formula]]:
    kind = type(node)
    if not has_quantifier(node):
        if kind is ast.And:
            return [part for arg in node.args for part in _clauses(arg, groundable, counter)]
        return [((), node)]
    if kind is ast.And:
        return [part for arg in node.args for part in _clauses(arg, groundable, counter)]
    if kind is ast.Forall:
        for binder in node.binders:
            if not groundable(binder.sort):
                raise NotGroundable(f"a variable ranges over {binder.sort}, which cannot be enumerated")
        # Rename apart, so clauses pulled out of different disjuncts never share a name.
        fresh = {b.name: ast.Binder(f"{b.name}_{next(counter)}", b.sort) for b in node.binders}
        body = substitute(node.body, {old: ast.Var(new.name) for old, new in fresh.items()})
        parts = []
        for binders, matrix in _clauses(body, groundable, counter):
            used = _variables(matrix)
            parts.append((tuple(b for b in fresh.values() if b.name in used) + binders, matrix))
        return parts
    if kind is ast.Or:
        # (A1 and A2) or B  ==  (A1 or B) and (A2 or B); quantifier-free disjuncts stay whole.
        options = [_clauses(arg, groundable, counter) if has_quantifier(arg) else [((), arg)]
                   for arg in node.args]
        parts = []
        for combination in itertools.product(*options):
            binders = tuple(b for bs, _ in combination for b in bs)
            disjuncts = []
            for _, matrix in combination:
                disjuncts.extend(matrix.args if type(matrix) is ast.Or else (matrix,))
            parts.append((binders, ast.Or(tuple(disjuncts)) if len(disjuncts) > 1 else disjuncts[0]))
        return parts
    if kind is ast.Exists:
        raise NotGroundable("an existential lies under a universal")
    raise TypeError(f"not in negation normal form: {node!r}")


def instances(clause: UniversalClause, universe: Mapping[str, Sequence[str]], *,
              new: Mapping[str, Iterable[str]] | None = None) -> Iterator[ast.Formula]:
    """The ground instances of ``clause`` over ``universe`` (sort -> constant names).

    With ``new``, only the instances that use at least one of the new constants (which
    must already be in ``universe``): what a clause adds when individuals arrive.
    """
    if not clause.binders:
        if new is None:
            yield clause.matrix
        return
    names = [b.name for b in clause.binders]
    domains = [list(universe.get(b.sort, ())) for b in clause.binders]
    if new is None:
        combinations: Iterable[tuple[str, ...]] = itertools.product(*domains)
    else:
        combinations = _combinations_with_new(clause.binders, domains, new)
    for combination in combinations:
        yield substitute(clause.matrix, {n: ast.Const(c) for n, c in zip(names, combination)})


def _combinations_with_new(binders, domains, new) -> Iterator[tuple[str, ...]]:
    """Tuples over ``domains`` with a new constant somewhere, each exactly once.

    Position i holds the first new constant: old constants before it, new at it, any after.
    """
    new_sets = [set(new.get(b.sort, ())) for b in binders]
    old = [[c for c in domain if c not in fresh] for domain, fresh in zip(domains, new_sets)]
    fresh_lists = [[c for c in domain if c in fresh] for domain, fresh in zip(domains, new_sets)]
    for i in range(len(domains)):
        if not fresh_lists[i]:
            continue
        yield from itertools.product(*old[:i], fresh_lists[i], *domains[i + 1:])
