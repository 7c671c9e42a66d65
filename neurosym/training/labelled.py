"""Synthetic problems labelled by the reasoner: training data for the neural fallback.

The symbolic side teaches the neural side. A problem's context is drawn from the
generator's constructs over one small vocabulary, built so that its rules fire: a
chain of rules is grown backwards from a goal (each rule concludes what the next one
needs) and the facts that start the chain are planted among random facts and rules.
The reasoner then judges every atom the context's constants and predicates can form,
in one batch check, and the question is picked from those verdicts so that labels
come out balanced. The label is always the reasoner's verdict, never the plan's.

- labels: True / False / Unknown (``QA_LABELS``); closed-world has no Unknown. Within
  each semantics the label is the one seen least so far, and within a label the
  polarity ("X is red" / "X is not red") too, so neither tells the other.
- True and False questions prefer the chains' goals, then other consequences the
  context does not state, over restated facts; so most of them need rules.
- contexts the reasoner finds inconsistent (IMPOSSIBLE), or that a semantics cannot
  read (a closed-world cycle through negation), are drawn again.
- everything is seeded: the same arguments give the same problems.

>>> [p.label for p in labelled_problems(3, seed=0)]
['Unknown', 'True', 'False']
"""

from __future__ import annotations

import json
import os
import random
from collections import Counter
from dataclasses import dataclass
from typing import Sequence

from ..errors import SemanticsError
from ..logic import ast
from ..reasoner import Reasoner
from ..reasoner.grounding import substitute
from ..rules.model import Theory
from ..verdicts import QA_LABELS, Semantics, Verdict
from .generate import (
    _CONTEXT_CONSTRUCTS, _QUESTION_CONSTRUCTS, Problem, _Source, realize_problem, sample_formula,
)
from .lexicon import DEFAULT_LEXICON, Lexicon
from .sampling import NotApplicable
from .vocabulary import Entity, Predicate, Unrealizable, Vocabulary

__all__ = ["labelled_problems", "write_labelled"]

# Literal facts (the question constructs) and rules: the two halves of a context.
FACT_CONSTRUCTS = _QUESTION_CONSTRUCTS
RULE_CONSTRUCTS = tuple(tag for tag in _CONTEXT_CONSTRUCTS if tag not in _QUESTION_CONSTRUCTS)

ALL_SEMANTICS = ("classical", "directional", "closed-world")
# Rules a chain may have (its depth), drawn uniformly from this tuple.
_CHAIN_DEPTHS = (1, 2, 2, 3, 3)
# Samples tried to find a rule that concludes a given literal (each costs ~40 us).
_PRODUCER_TRIES = 40
# Contexts drawn for one problem before giving up (inconsistent ones are rare).
_ATTEMPTS = 60
# How often a True/False question is taken from the best tier (goals, then consequences
# not stated) rather than from every candidate of its label: restated facts stay in the mix.
_PREFER_DERIVED = 0.8
# Symbols a problem's vocabulary keeps: dense problems make rules fire and chain.
_FOCUS = {"entities_per_sort": 4, "adjective": 5, "noun": 2, "verb": 2, "binary": 2}


# ---------------------------------------------------------------- literals and rules


def _atom(literal: ast.Formula) -> ast.Pred:
    return literal.arg if isinstance(literal, ast.Not) else literal


def _complement(literal: ast.Formula) -> ast.Formula:
    return literal.arg if isinstance(literal, ast.Not) else ast.Not(literal)


def _is_literal(formula: ast.Formula) -> bool:
    return isinstance(_atom(formula), ast.Pred)


@dataclass(frozen=True)
class _Rule:
    """A sampled rule read as antecedent literals, a consequent literal and its variable."""

    formula: ast.Formula
    variable: str | None  # the universally quantified variable; None for a ground rule
    antecedents: tuple[ast.Formula, ...]
    consequent: ast.Formula

    @classmethod
    def read(cls, formula: ast.Formula) -> "_Rule | None":
        """``forall x. L1 and ... -> L`` or ``L1 and ... -> L``; None for other shapes."""
        variable, body = None, formula
        if isinstance(formula, ast.Forall):
            if len(formula.binders) != 1:
                return None
            variable, body = formula.binders[0].name, formula.body
        if not isinstance(body, ast.Implies) or not _is_literal(body.right):
            return None
        antecedents = body.left.args if isinstance(body.left, ast.And) else (body.left,)
        if not all(_is_literal(a) for a in antecedents):
            return None
        return cls(formula, variable, tuple(antecedents), body.right)

    def ground(self, literal: ast.Formula, subject: ast.Const | None) -> ast.Formula:
        if self.variable is None or subject is None:
            return literal
        return substitute(literal, {self.variable: subject})

    def constants(self) -> list[str]:
        return [n.name for n in ast.walk(self.formula) if isinstance(n, ast.Const)]

    def subject_for(self, target: ast.Formula) -> ast.Const | None | bool:
        """The constant the variable must be for the consequent to be ``target``:
        a Const, None when any will do (or the rule is ground), False when impossible."""
        if isinstance(target, ast.Not) != isinstance(self.consequent, ast.Not):
            return False
        mine, theirs = _atom(self.consequent), _atom(target)
        if mine.name != theirs.name or len(mine.args) != len(theirs.args):
            return False
        subject = None
        for arg, wanted in zip(mine.args, theirs.args):
            if isinstance(arg, ast.Var) and arg.name == self.variable:
                if subject is not None and subject != wanted:
                    return False
                subject = wanted
            elif arg != wanted:
                return False
        return subject


def _self_relation(literal: ast.Formula) -> bool:
    args = _atom(literal).args
    return len(args) == 2 and args[0] == args[1]


# ---------------------------------------------------------------- contexts whose rules fire


def _focused(vocab: Vocabulary, rng: random.Random) -> Vocabulary:
    """A few symbols of ``vocab``: over a dozen predicates, random rules seldom meet."""
    def some(items, k):
        return rng.sample(items, min(k, len(items)))

    unary = vocab.unary()
    predicates = [*some([p for p in unary if p.kind == "adjective"], _FOCUS["adjective"]),
                  *some([p for p in unary if p.kind == "noun"], _FOCUS["noun"]),
                  *some([p for p in unary if p.kind in ("verb", "copula")], _FOCUS["verb"]),
                  *some(vocab.binary(), _FOCUS["binary"])]
    sorts = sorted({s for p in predicates for s in p.arg_sorts} | {a.arg_sort for a in vocab.attributes})
    entities = [e for sort in sorts for e in some(vocab.entities_of(sort), _FOCUS["entities_per_sort"])]
    return Vocabulary(tuple(predicates), tuple(entities), vocab.attributes, vocab.propositions)


class _ContextBuilder:
    """One context: chains of rules with the facts that start them, then random filler."""

    def __init__(self, vocab: Vocabulary, rng: random.Random, size: int):
        self.vocab = vocab
        self.rng = rng
        self.size = size
        self.rules: list[ast.Formula] = []
        self.facts: dict[ast.Formula, None] = {}  # ordered set
        self.goals: list[ast.Formula] = []  # the chains' last conclusions

    def build(self) -> list[ast.Formula]:
        for _ in range(1 if self.size < 8 else 2):
            self._chain(self.rng.choice(_CHAIN_DEPTHS))
        share = self.rng.uniform(0.3, 0.55)
        while len(self.rules) < round(self.size * share) and self._room() > 1:
            self.rules.append(self._sample(RULE_CONSTRUCTS))
        for _ in range(4 * self.size):
            if self._room() <= 0:
                break
            self._add_fact(self._sample(FACT_CONSTRUCTS))
        context = [*self.rules, *self.facts]
        self.rng.shuffle(context)
        return context

    def _room(self) -> int:
        return self.size - len(self.rules) - len(self.facts)

    def _sample(self, tags: Sequence[str]) -> ast.Formula:
        for _ in range(_ATTEMPTS):
            try:
                return sample_formula(self.rng.choice(tags), self.vocab, self.rng)
            except NotApplicable:
                continue
        raise NotApplicable("this vocabulary cannot make a context")

    def _sample_rule(self) -> _Rule:
        for _ in range(_ATTEMPTS):
            rule = _Rule.read(self._sample(RULE_CONSTRUCTS))
            if rule is not None:
                return rule
        raise NotApplicable("no rule shape could be sampled")

    def _add_fact(self, fact: ast.Formula) -> bool:
        if fact in self.facts or _complement(fact) in self.facts or _self_relation(fact):
            return False
        self.facts[fact] = None
        return True

    def _subject(self, rule: _Rule) -> ast.Const | None:
        """A constant for a rule's variable, of its sort, not already named in the rule."""
        if rule.variable is None:
            return None
        sort = self._variable_sort(rule)
        taken = set(rule.constants())
        choices = [e.name for e in self.vocab.entities_of(sort) if e.name not in taken]
        return ast.Const(self.rng.choice(choices)) if choices else None

    def _variable_sort(self, rule: _Rule) -> str | None:
        for literal in (*rule.antecedents, rule.consequent):
            atom = _atom(literal)
            for position, arg in enumerate(atom.args):
                if isinstance(arg, ast.Var) and arg.name == rule.variable:
                    return self.vocab.lookup(atom.name, Predicate).arg_sorts[position]
        return None

    def _chain(self, depth: int) -> None:
        """Rules concluding one another, grown backwards from a goal, and the facts at the start.

        The last rule added concludes one antecedent of the rule before it; the
        antecedents left over become facts, so (if nothing else interferes) the goal
        follows after ``depth`` rule applications.
        """
        rule = self._sample_rule()
        subject = self._subject(rule)
        if rule.variable is not None and subject is None:
            return
        chain_rules = [rule.formula]
        goal = rule.ground(rule.consequent, subject)
        needed = [rule.ground(a, subject) for a in rule.antecedents]
        latest = list(needed)
        for _ in range(depth - 1):
            found = self._producer(latest, goal, len(chain_rules) + len(needed))
            if found is None:
                break
            target, producer, grounded = found
            needed.remove(target)
            needed.extend(grounded)
            chain_rules.append(producer.formula)
            latest = grounded
        if len(self.rules) + len(chain_rules) + len(self.facts) + len(needed) > self.size \
                or any(_self_relation(f) or _complement(f) in self.facts for f in needed):
            return
        self.rules.extend(chain_rules)
        for fact in needed:
            self._add_fact(fact)
        self.goals.append(goal)

    def _producer(self, targets: list[ast.Formula], goal: ast.Formula, used: int):
        """A sampled rule that concludes one of ``targets``, with its grounded antecedents."""
        for _ in range(_PRODUCER_TRIES):
            try:
                rule = _Rule.read(self._sample(RULE_CONSTRUCTS))
            except NotApplicable:
                return None
            if rule is None:
                continue
            for target in targets:
                subject = rule.subject_for(target)
                if subject is False:
                    continue
                if subject is None and rule.variable is not None:
                    subject = self._subject(rule)
                    if subject is None:
                        continue
                grounded = [rule.ground(a, subject) for a in rule.antecedents]
                if any(_self_relation(g) or g == goal or _complement(g) == goal for g in grounded):
                    continue
                if used + len(grounded) > self.size:
                    return None
                return target, rule, grounded
        return None


# ---------------------------------------------------------------- candidate questions


def _candidate_atoms(context: Sequence[ast.Formula], vocab: Vocabulary) -> list[ast.Pred]:
    """Every sort-correct atom over the context's predicates and constants (no X rel X)."""
    predicates: dict[str, None] = {}
    constants: dict[str, None] = {}
    for formula in context:
        for node in ast.walk(formula):
            if isinstance(node, ast.Pred) and node.args:
                predicates[node.name] = None
            elif isinstance(node, ast.Const):
                constants[node.name] = None
    by_sort: dict[str, list[ast.Const]] = {}
    for name in constants:
        by_sort.setdefault(vocab.lookup(name, Entity).sort, []).append(ast.Const(name))
    atoms = []
    for name in predicates:
        sorts = vocab.lookup(name, Predicate).arg_sorts
        if len(sorts) == 1:
            atoms += [ast.Pred(name, (c,)) for c in by_sort.get(sorts[0], ())]
        else:
            atoms += [ast.Pred(name, (a, b)) for a in by_sort.get(sorts[0], ())
                      for b in by_sort.get(sorts[1], ()) if a != b]
    return atoms


_FLIPPED = {Verdict.ENTAILED: Verdict.CONTRADICTED, Verdict.CONTRADICTED: Verdict.ENTAILED,
            Verdict.POSSIBLE: Verdict.POSSIBLE}
# How a question was found, best first: a chain's goal, a consequence the context does
# not state, a restated (or directly negated) fact.
_GOAL, _DERIVED, _STATED = 2, 1, 0


@dataclass(frozen=True)
class _Option:
    question: ast.Formula
    label: str
    positive: bool
    tier: int


def _options(atoms: Sequence[ast.Pred], verdicts: Sequence[Verdict], context: Sequence[ast.Formula],
             goals: Sequence[ast.Formula]) -> list[_Option] | None:
    """Each atom and its negation as a question with its label; None if the context is
    inconsistent (or the solver gave up)."""
    stated = {f for f in context if _is_literal(f)}
    goal_atoms = {_atom(g) for g in goals}
    options = []
    for atom, verdict in zip(atoms, verdicts):
        if verdict not in _FLIPPED:
            return None
        if atom in goal_atoms:
            tier = _GOAL
        elif atom in stated or ast.Not(atom) in stated:
            tier = _STATED
        else:
            tier = _DERIVED
        options.append(_Option(atom, QA_LABELS[verdict], True, tier))
        options.append(_Option(ast.Not(atom), QA_LABELS[_FLIPPED[verdict]], False, tier))
    return options


class _Balance:
    """Counts of labels per semantics and of polarities per label: picks the rarest."""

    def __init__(self) -> None:
        self.labels: Counter = Counter()
        self.polarities: Counter = Counter()

    def choose(self, semantics: Semantics, options: list[_Option], rng: random.Random) -> _Option | None:
        labels = ("True", "False") if semantics == Semantics.CLOSED_WORLD else ("True", "False", "Unknown")
        available = [label for label in labels if any(o.label == label for o in options)]
        if not available:
            return None
        label = _rarest(available, lambda l: self.labels[semantics, l], rng)
        of_label = [o for o in options if o.label == label]
        positive = _rarest(sorted({o.positive for o in of_label}),
                           lambda p: self.polarities[semantics, label, p], rng)
        pool = [o for o in of_label if o.positive == positive]
        if label != "Unknown" and rng.random() < _PREFER_DERIVED:
            best = max(o.tier for o in pool)
            pool = [o for o in pool if o.tier == best]
        chosen = rng.choice(pool)
        self.labels[semantics, label] += 1
        self.polarities[semantics, label, positive] += 1
        return chosen


def _rarest(choices, count, rng: random.Random):
    least = min(count(c) for c in choices)
    return rng.choice([c for c in choices if count(c) == least])


# ---------------------------------------------------------------- labelled problems


def _sizes(size: int | tuple[int, int]) -> tuple[int, int]:
    low, high = (size, size) if isinstance(size, int) else size
    if not 1 <= low <= high:
        raise ValueError(f"size must be a positive int or a (low, high) range, got {size!r}")
    return low, high


class _Labeller:
    """Draws contexts, asks the reasoner about their atoms, picks balanced questions."""

    def __init__(self, *, theory: Theory | None, lexicon: Lexicon, size: tuple[int, int]):
        self.source = _Source(theory, lexicon, 0.2)
        self.reasoner = Reasoner(theory)
        self.size = size
        self.balance = _Balance()

    def problem(self, semantics: Semantics, rng: random.Random) -> Problem:
        for _ in range(_ATTEMPTS):
            vocab = _focused(self.source.draw(rng), rng)
            builder = _ContextBuilder(vocab, rng, rng.randint(*self.size))
            try:
                context = builder.build()
            except NotApplicable:
                continue
            atoms = _candidate_atoms(context, vocab)
            try:
                result = self.reasoner.check(atoms, context, semantics=semantics, explain=False)
            except SemanticsError:  # e.g. a cycle through negation under closed-world
                continue
            options = _options(atoms, [c.verdict for c in result.claims], context, builder.goals)
            if not options:
                continue
            chosen = self.balance.choose(semantics, options, rng)
            try:
                problem = realize_problem(context, chosen.question, vocab, seed=rng.randrange(2**32))
            except Unrealizable:
                continue
            return problem.with_label(chosen.label, semantics=semantics.value)
        raise ValueError(f"could not draw a consistent {semantics.value} problem in {_ATTEMPTS} "
                         "attempts; the vocabulary or theory may be too small")


def labelled_problems(n: int, *, seed: int, semantics: Sequence[str] = ALL_SEMANTICS,
                      size: int | tuple[int, int] = (4, 12), theory: Theory | None = None,
                      lexicon: Lexicon | None = None) -> list[Problem]:
    """``n`` problems labelled by the reasoner, the semantics cycling through ``semantics``.

    ``size`` is the number of context sentences (or a range to draw it from); ``theory``
    switches to schema-guided vocabularies, and its rules take part in every check;
    ``lexicon`` restricts the words (e.g. one side of ``split_vocabulary``). Labels are
    balanced within each semantics; problem ``i`` depends only on ``seed`` and the
    problems before it.
    """
    if n < 0:
        raise ValueError(f"n must be at least 0, got {n}")
    chosen = [Semantics.parse(s) for s in semantics]
    if not chosen:
        raise ValueError("semantics must name at least one semantics")
    labeller = _Labeller(theory=theory, lexicon=lexicon or DEFAULT_LEXICON, size=_sizes(size))
    rng = random.Random(seed)
    return [labeller.problem(chosen[i % len(chosen)], random.Random(rng.randrange(2**64)))
            for i in range(n)]


def write_labelled(path: str | os.PathLike, n: int, *, seed: int, **options) -> int:
    """Write ``labelled_problems(n, seed=seed, **options)`` as JSONL; returns the count.

    Each line is ``Problem.to_dict`` (DESIGN.md's problem format plus the LFs) with the
    id ``gen-<seed>-<i>``.
    """
    problems = labelled_problems(n, seed=seed, **options)
    with open(path, "w", encoding="utf-8") as out:
        for i, problem in enumerate(problems):
            out.write(json.dumps(problem.to_dict(f"gen-{seed}-{i}"), ensure_ascii=False) + "\n")
    return len(problems)
