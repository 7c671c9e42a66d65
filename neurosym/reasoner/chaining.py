"""Directional and closed-world checks: verdicts by forward chaining over literals.

**directional** reads rules the way production rule engines and the ProofWriter /
RuleTaker open-world datasets do: a negated literal is a fact of its own and rules fire
only forwards, never by contraposition. A literal claim is ENTAILED when it is derived,
CONTRADICTED when its complement is, and POSSIBLE otherwise; when the rules and
premises derive both ``p`` and ``not p`` every claim is IMPOSSIBLE.

**closed-world** reads negation as failure over the known facts, stratified: the perfect
model is computed stratum by stratum, and a claim is ENTAILED when it is true in it and
CONTRADICTED otherwise. Explicit negative facts and rules concluding a negated literal
are integrity constraints.

Both read the fragment of ``chaining_rules``. A theory is compiled once
(``ChainingProgram.compile``) and each check chains its premises on top of it::

    program = ChainingProgram.compile(theory.rules)
    result = check_directional(program, premises, claims, deadline=time.monotonic() + 10)

See docs/semantics.md for an example on which the three semantics differ.
"""

from __future__ import annotations

import functools
import time
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

from ..errors import SemanticsError
from ..logic import ast
from ..logic.signature import NUMERIC_SORTS, Signature
from ..rules.model import Rule
from ..verdicts import Consistency, Semantics, Verdict
from .chaining_claims import Claim, Judged, claim_of, clauses_concluding, judge_part, not_derivable
from .chaining_domain import Domain
from .chaining_engine import Chainer, Clause, Conflict, OutOfTime
from .chaining_explain import conflict_reason, evidence_of, proof_sources, scenario_values
from .chaining_plan import plan_for
from .chaining_rules import (
    FALSUM, VAR, Given, Pattern, Shape, Test, Unsupported, ValueHead, compile_formula, describe_source,
)
from .chaining_strata import stratify
from .result import CheckResult, ClaimResult, Scenario, Statement

__all__ = ["ChainingProgram", "check_directional", "check_closed_world"]

_FRAGMENT = ("directional and closed-world semantics read rules 'forall x1..xn. L1 and ... "
             "and Lk -> H' (L literals or comparisons, H a literal, a value 'f(...) = term' "
             "or a conjunction of them) and ground facts")

# A POSSIBLE claim's scenarios list the claim's literals and at most this many of their
# consequences.
_SCENARIO_CONSEQUENCES = 12


@dataclass(frozen=True, eq=False)
class ChainingProgram:
    """Rules and facts of a theory, compiled once for forward chaining and reused.

    ``compile`` raises SemanticsError, naming the rule and its file:line, when a rule is
    outside the fragment. A program that is not stratified can still be checked under
    directional semantics; closed-world checks then raise SemanticsError.
    """

    clauses: tuple[Clause, ...]
    facts: tuple[tuple[Given, object], ...]
    parameters: frozenset[str] = frozenset()
    declared: Mapping[str, str] = field(default_factory=dict)
    position_sorts: Mapping[tuple[str, int], str] = field(default_factory=dict)

    @classmethod
    def compile(cls, rules: Sequence[Rule], *, signature: Signature | None = None) -> "ChainingProgram":
        """Compile the rules and facts of a theory.

        ``signature`` (optional) gives the sorts of declared constants and argument
        positions; without it they are learned from the rules' sorted variables.

        >>> program = ChainingProgram.compile(theory.rules, signature=theory.signature)
        """
        clauses, facts = compile_sources((rule.formula, rule) for rule in rules)
        for clause in clauses:
            checked_plan(clause, naf=False)
        declared: dict[str, str] = {}
        position_sorts: dict[tuple[str, int], str] = {}
        if signature is not None:
            declared = dict(signature.constants)
            for name, pred_type in signature.predicates.items():
                position_sorts.update({(name, i): sort for i, sort in enumerate(pred_type.args)})
            for name, func_type in signature.functions.items():
                position_sorts.update({(name, i): sort for i, sort in enumerate(func_type.args)})
        for clause in clauses:
            for position, sort in _variable_positions(clause.shape):
                position_sorts.setdefault(position, sort)
        parameters = parameters_of(clauses, facts)
        if signature is not None:
            parameters |= {name for name, sort in signature.constants.items() if sort in NUMERIC_SORTS}
        return cls(clauses, facts, frozenset(parameters), declared, position_sorts)

    @functools.cached_property
    def strata(self) -> list[list[Clause]]:
        """The program's clauses in closed-world strata (SemanticsError for a negative cycle)."""
        for clause in self.clauses:
            checked_plan(clause, naf=True)
        return stratify(self.clauses)


def compile_sources(sources: Iterable[tuple[ast.Formula, object]]):
    """Clauses and facts ``(Given, source)`` of formulas; SemanticsError names the culprit."""
    clauses: list[Clause] = []
    facts: list[tuple[Given, object]] = []
    for formula, source in sources:
        try:
            shapes, givens = compile_formula(formula)
        except Unsupported as exc:
            raise SemanticsError(f"{describe_source(source)} is outside the fragment: {exc}; "
                                 f"{_FRAGMENT}") from None
        clauses.extend(Clause(shape, source) for shape in shapes)
        facts.extend((given, source) for given in givens)
    return tuple(clauses), tuple(facts)


def checked_plan(clause: Clause, *, naf: bool):
    try:
        return plan_for(clause.shape, naf)
    except Unsupported as exc:
        semantics = "closed-world" if naf else "directional"
        raise SemanticsError(f"{describe_source(clause.source)} cannot be read under {semantics} "
                             f"semantics: {exc}") from None


def parameters_of(clauses: Iterable[Clause], facts: Iterable[tuple[Given, object]]) -> set[str]:
    """Constants that stand for numbers: those given or concluded a value (``budget = 100``)."""
    names = {given.key[1] for given, _ in facts if given.key[0] == "=" and not given.key[2]}
    names |= {c.shape.head.func for c in clauses
              if isinstance(c.shape.head, ValueHead) and not c.shape.head.slots}
    return names


def _variable_positions(shape: Shape):
    """((name, position), sort) for each sorted variable in an argument list of the clause."""
    sorts = dict(shape.variables)
    for name, slots in shape.argument_lists():
        for position, (kind, value) in enumerate(slots):
            if kind == VAR and sorts.get(value):
                yield (name, position), sorts[value]


# ---------------------------------------------------------------- the checks


def check_directional(program: ChainingProgram, premises: Sequence[Statement], claims: Sequence[Statement],
                      *, explain: bool = True, deadline: float | None = None) -> CheckResult:
    """Judge claims by forward chaining; a negated literal is a fact of its own.

    >>> check_directional(program, [premise], [claim]).claims[0].verdict
    <Verdict.POSSIBLE: 'POSSIBLE'>
    """
    return _Check(program, premises, claims, explain, deadline, naf=False).run()


def check_closed_world(program: ChainingProgram, premises: Sequence[Statement], claims: Sequence[Statement],
                       *, explain: bool = True, deadline: float | None = None) -> CheckResult:
    """Judge claims in the perfect model of the stratified program: what is not derived is false."""
    return _Check(program, premises, claims, explain, deadline, naf=True).run()


class _Check:
    """One check: chain the premises, judge each claim, then the consistency of the set."""

    def __init__(self, program, premises, claims, explain, deadline, *, naf: bool) -> None:
        self.started = time.monotonic()
        self.program = program
        self.explain = explain
        self.deadline = deadline
        self.naf = naf
        self.semantics = Semantics.CLOSED_WORLD if naf else Semantics.DIRECTIONAL
        self.claims = [claim_of(statement, self.semantics.value) for statement in claims]
        self._trials: dict[tuple, Chainer] = {}
        clauses, facts = compile_sources((s.formula, s) for s in premises)
        for clause in clauses:
            checked_plan(clause, naf=naf)
        self.clauses = program.clauses + clauses
        self.facts = program.facts + facts
        claim_clauses, claim_facts = compile_sources((c.statement.formula, c.statement) for c in self.claims)
        self.claim_clauses, self.claim_facts = claim_clauses, claim_facts
        self.parameters = frozenset(program.parameters | parameters_of(clauses, facts)
                                    | parameters_of(claim_clauses, claim_facts))
        if naf:
            theory_strata = program.strata  # also checks the theory's own plans, once
            self.strata = theory_strata if not clauses else stratify(self.clauses)

    # ------------------------------------------------------------ running

    def run(self) -> CheckResult:
        try:
            engine = self._saturate(self.facts)
        except OutOfTime as exc:
            return self._unknown(str(exc))
        if engine.conflict is not None:
            conflict, reason = self._conflict_evidence(engine, engine.conflict)
            results = tuple(ClaimResult(c.statement, Verdict.IMPOSSIBLE, conflict,
                                        reason=f"the premises and rules are inconsistent: {reason}")
                            for c in self.claims)
            return self._result(results, Consistency.INCONSISTENT, conflict, reason)
        results = tuple(self._judge(engine, claim) for claim in self.claims)
        if all(r.verdict is Verdict.ENTAILED for r in results):
            return self._result(results, Consistency.CONSISTENT)
        try:
            extended = self._with_claims(engine)
        except OutOfTime as exc:
            return self._result(results, Consistency.UNKNOWN, reason=str(exc))
        if extended.conflict is None:
            return self._result(results, Consistency.CONSISTENT)
        conflict, reason = self._conflict_evidence(extended, extended.conflict)
        return self._result(results, Consistency.INCONSISTENT, conflict,
                            f"the claims clash with the premises and rules: {reason}")

    def _new_engine(self) -> Chainer:
        domain = Domain(self.program.declared, self.program.position_sorts, self.parameters)
        engine = Chainer(naf=self.naf, parameters=self.parameters, domain=domain,
                         deadline=self.deadline)
        for claim in self.claims:
            # Individuals a claim names are individuals of the world too.
            domain.note_shape(Shape((), tuple(p for p in claim.parts if not isinstance(p, bool)),
                                          FALSUM))
        return engine

    def _saturate(self, facts, strata=None) -> Chainer:
        """A chainer that has derived everything from the clauses and ``facts``; the closed
        world runs the clauses stratum by stratum (``strata``, by default the check's)."""
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise OutOfTime("the time limit ran out before chaining started")
        engine = self._new_engine()
        if not self.naf:
            engine.extend(self.clauses, facts)
            return engine
        engine.extend((), facts)
        for stratum in strata or self.strata:
            engine.extend(stratum)
        return engine

    def _with_claims(self, engine: Chainer) -> Chainer:
        """The chaining with the claims taken as premises too, for the consistency of the set."""
        if not self.naf:
            return self._trial(engine, self.claim_facts, self.claim_clauses)
        strata = stratify(self.clauses + self.claim_clauses) if self.claim_clauses else None
        return self._saturate(self.facts + self.claim_facts, strata)

    def _trial(self, engine: Chainer, facts, clauses=()) -> Chainer:
        """``engine`` extended by extra facts and clauses, without changing it (memoized:
        a one-literal claim's "holds" scenario is the same run as the consistency check)."""
        key = (tuple(given for given, _ in facts), tuple(clauses))
        trial = self._trials.get(key)
        if trial is None:
            trial = self._trials[key] = engine.fork()
            trial.extend(clauses, facts)
        return trial

    # ------------------------------------------------------------ judging claims

    def _judge(self, engine: Chainer, claim: Claim) -> ClaimResult:
        parts = [judge_part(engine, part, self.naf) for part in claim.parts]
        false = next((p for p in parts if p.truth is False), None)
        if false is not None:
            verdict, chosen = Verdict.CONTRADICTED, [false]
        elif all(p.truth for p in parts):
            verdict, chosen = Verdict.ENTAILED, parts
        else:
            verdict, chosen = Verdict.POSSIBLE, []
        if not self.explain:
            return ClaimResult(claim.statement, verdict)
        if verdict is Verdict.POSSIBLE:
            return self._possible(engine, claim, parts)
        keys = [key for part in chosen for key in part.support]
        sources = proof_sources(engine.known, [engine.known[key] for key in keys])
        reason = None
        missing = [part.missing for part in chosen if part.missing is not None]
        if missing:
            candidates = [c.source for m in missing for c in clauses_concluding(self.clauses, m)]
            sources += [s for s in dict.fromkeys(candidates) if s not in sources]
            reason = "; ".join(not_derivable(self.clauses, m) for m in missing)
        return ClaimResult(claim.statement, verdict, evidence_of(sources), reason=reason)

    def _possible(self, engine: Chainer, claim: Claim, parts: list[Judged]) -> ClaimResult:
        """POSSIBLE with a scenario where the claim holds and one where it fails, when they exist."""
        literals = []
        for part in claim.parts:
            if isinstance(part, Pattern):
                args = engine.arguments(part.slots, {})
                if args is not None:
                    literals.append((part.positive, part.pred, args))
        open_literals = [key for key in literals if key not in engine.known]
        undecided_tests = any(isinstance(part, Test) and judged.truth is None
                              for part, judged in zip(claim.parts, parts))
        scenarios, notes, tries = [], [], []
        if undecided_tests:
            # No choice of literals makes an undecided comparison hold.
            notes.append("the claim's comparisons cannot be decided on the known values")
        else:
            tries.append((True, literals))
        if open_literals:
            first = open_literals[0]
            tries.append((False, [(not first[0], first[1], first[2])]))
        for holds, assumed in tries:
            try:
                scenario, note = self._scenario(engine, claim, holds, assumed)
            except OutOfTime as exc:
                notes.append(str(exc))
                break
            if scenario is not None:
                scenarios.append(scenario)
            if note:
                notes.append(note)
        return ClaimResult(claim.statement, Verdict.POSSIBLE, scenarios=tuple(scenarios),
                           reason="; ".join(notes) or None)

    def _scenario(self, engine: Chainer, claim: Claim, holds: bool, assumed: list):
        trial = self._trial(engine, [(Given(key), claim.statement) for key in assumed])
        if trial.conflict is not None:
            what = "holds" if holds else "fails"
            return None, (f"assuming the claim {what} makes the rules derive a clash "
                          f"({conflict_reason(trial.conflict, describe_source)})")
        new = [key for key in trial.known if key not in engine.known and key not in assumed]
        keys = list(dict.fromkeys(assumed)) + new[:_SCENARIO_CONSEQUENCES]
        return Scenario(holds, scenario_values(trial.known, keys)), None

    # ------------------------------------------------------------ results

    def _conflict_evidence(self, engine: Chainer, conflict: Conflict):
        reason = conflict_reason(conflict, describe_source)
        if not self.explain:
            return (), reason
        return evidence_of(proof_sources(engine.known, conflict.derivations)), reason

    def _unknown(self, reason: str) -> CheckResult:
        results = tuple(ClaimResult(c.statement, Verdict.UNKNOWN, reason=reason) for c in self.claims)
        return self._result(results, Consistency.UNKNOWN, reason=reason)

    def _result(self, results, consistency, conflict=(), reason=None) -> CheckResult:
        return CheckResult(results, consistency, tuple(conflict), self.semantics, reason,
                           time.monotonic() - self.started)
