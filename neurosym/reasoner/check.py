"""The ``Reasoner``: claims and premises in, verdicts with evidence out.

Classical verdicts are defined by refutation on one primitive, satisfiability:

    IMPOSSIBLE    rules + premises                 unsatisfiable
    ENTAILED      rules + premises + not claim     unsatisfiable
    CONTRADICTED  rules + premises + claim         unsatisfiable
    POSSIBLE      otherwise
    CONSISTENT    rules + premises + all claims    satisfiable

Models already in hand answer many of these questions without a solver call: a model
of the rules and premises in which the claim is true shows that "rules + premises +
claim" is satisfiable, and one in which it is false does the same for "... + not
claim". Each component keeps a few models of its rules (``Problem.models``), so a
premise-free claim usually needs one solver call (to refute one side) or none. When Z3
gives up (``unknown``), or the check's time limit passes, the verdict is UNKNOWN with
the reason. Directional and closed-world checks are handed to ``chaining``.

>>> reasoner = Reasoner.from_files("rules/lending.rules")
>>> result = reasoner.check(["eligible(alice)"], ["credit_score(alice) = 550"])
>>> result.claims[0].verdict
<Verdict.CONTRADICTED: 'CONTRADICTED'>
"""

from __future__ import annotations

import functools
import os
import threading
import time
from typing import Iterable, Sequence, Union

import z3

from ..errors import InputFormatError
from ..logic import ast
from ..logic.parser import parse_formula
from ..logic.signature import NUMERIC_SORTS, Signature
from ..rules.model import Theory
from ..verdicts import Consistency, Semantics, Verdict
from . import explain
from .result import CheckResult, ClaimResult, EvidenceItem, Scenario, Statement
from .rulebase import Prepared, Problem, RuleBase, set_timer
from .timelimit import Deadline

__all__ = ["Reasoner"]

StatementInput = Union[ast.Formula, str]


# Statements typed against a theory, kept per reasoner (emptied when full).
_TYPED_CACHE_SIZE = 20_000
# Models of a component's rules kept for answering claims without a solver call, and
# how many of them a claim is evaluated in (an evaluation costs about a tenth of a call).
_MODELS_PER_PROBLEM = 8
_MODELS_PER_CLAIM = 6
_STATUS = {1: z3.sat, -1: z3.unsat, 0: z3.unknown}


@functools.lru_cache(maxsize=4096)
def _parse(text: str, path: str) -> ast.Formula:
    # Parsing is the slowest step for short statements; the same texts recur in batches.
    return parse_formula(text, path=path)


class Reasoner:
    """Checks claims against a compiled theory (or, with ``theory=None``, against premises alone).

    The theory is compiled once (``RuleBase``) and every check reuses it. Checks on one
    reasoner are serialised (a Z3 context serves one thread at a time); use one
    reasoner per thread for parallel work.
    """

    def __init__(self, theory: Theory | None = None, *, timeout_s: float = 10.0) -> None:
        if not timeout_s > 0:
            raise InputFormatError(f"the time limit must be positive, got {timeout_s!r}")
        self.theory = theory
        self.timeout_s = float(timeout_s)
        self.rulebase = RuleBase(theory, timeout_s=self.timeout_s)
        self._lock = threading.Lock()
        self._chaining = None  # compiled on the first directional or closed-world check
        self._typed: dict[ast.Formula, ast.Formula] = {}  # statements typed against the theory

    @classmethod
    def from_files(cls, *paths: str | os.PathLike, timeout_s: float = 10.0) -> "Reasoner":
        """A reasoner for the rule files at ``paths`` (with their includes)."""
        from ..rules.loader import load_theory

        return cls(load_theory(list(paths)), timeout_s=timeout_s)

    # ------------------------------------------------------------ the public check

    def check(self, claims: Iterable[StatementInput] | StatementInput,
              premises: Iterable[StatementInput] = (), *, semantics: str | Semantics = "classical",
              explain: bool = True, timeout_s: float | None = None) -> CheckResult:
        """Verdicts for ``claims`` given the rules and ``premises`` (LF text or formulas).

        >>> Reasoner().check(["not adult(bob)"], ["forall x. adult(x) -> eligible(x)",
        ...                                       "not eligible(bob)"]).claims[0].verdict
        <Verdict.ENTAILED: 'ENTAILED'>
        """
        started = time.perf_counter()
        if semantics != "classical":  # (Semantics is a str enum: CLASSICAL == "classical")
            semantics = Semantics.parse(semantics)
        limit = self.timeout_s if timeout_s is None else timeout_s
        if not limit > 0:
            raise InputFormatError(f"the time limit must be positive, got {limit!r}")
        premise_statements = _statements("premise", premises)
        claim_statements = _statements("claim", claims)
        premise_statements, claim_statements, signature = self._typecheck(premise_statements,
                                                                           claim_statements)
        if semantics != Semantics.CLASSICAL:
            result = self._chaining_check(semantics, premise_statements, claim_statements,
                                          explain=explain, limit=limit)
            return _with_elapsed(result, time.perf_counter() - started)
        with self._lock:
            deadline = Deadline(limit)
            watchdog = self.rulebase.watchdog
            watchdog.start(deadline)
            try:
                result = _ClassicalCheck(self.rulebase, deadline, explain).run(
                    premise_statements, claim_statements, signature)
            finally:
                watchdog.stop()
        return _with_elapsed(result, time.perf_counter() - started)

    # ------------------------------------------------------------ statements

    def _typecheck(self, premises: list[Statement], claims: list[Statement]):
        """Infer the check's signature and fill in every binder's sort.

        When every symbol is declared, the signature is the theory's and a statement's
        typing depends on nothing else, so it is cached by formula (batches repeat them).
        """
        from ..logic.typecheck import infer_signature, typecheck

        statements = (*premises, *claims)
        base = self.rulebase.signature
        if base is not None and all(_declared_only(s.formula, base) for s in statements):
            signature, cache = base, self._typed
        else:
            entries = [(s.formula, _path(s), s.text) for s in statements]
            signature = infer_signature(entries, base=base, allow_new_symbols=base is None)
            cache = None

        def typed(statement: Statement) -> Statement:
            formula = cache.get(statement.formula) if cache is not None else None
            if formula is None:
                formula = typecheck(statement.formula, signature, path=_path(statement),
                                    source=statement.text)
                if cache is not None:
                    if len(cache) >= _TYPED_CACHE_SIZE:
                        cache.clear()
                    cache[statement.formula] = formula
            if formula is statement.formula:
                return statement
            return Statement(statement.role, statement.index, formula, statement.text)

        return [typed(s) for s in premises], [typed(s) for s in claims], signature

    def _chaining_check(self, semantics: Semantics, premises: list[Statement], claims: list[Statement],
                        *, explain: bool, limit: float) -> CheckResult:
        """Directional and closed-world checks: forward chaining (``chaining``), no Z3."""
        from . import chaining

        with self._lock:
            if self._chaining is None:  # SemanticsError names a rule outside the fragment
                rules = self.theory.rules if self.theory is not None else ()
                self._chaining = chaining.ChainingProgram.compile(rules, signature=self.rulebase.signature)
            program = self._chaining
        run = chaining.check_directional if semantics == Semantics.DIRECTIONAL else chaining.check_closed_world
        return run(program, premises, claims, explain=explain, deadline=time.monotonic() + limit)


def _statements(role: str, items) -> list[Statement]:
    if isinstance(items, (str, ast.Formula)):
        items = [items]
    statements = []
    for index, item in enumerate(items, start=1):
        path = f"<{role} {index}>"
        if isinstance(item, str):
            statements.append(Statement(role, index, _parse(item, path), item))
        elif isinstance(item, ast.Formula):
            statements.append(Statement(role, index, item, None))
        else:
            raise InputFormatError(f"{path}: a {role} must be LF text or a formula, "
                                   f"got {type(item).__name__}")
    return statements


def _declared_only(formula: ast.Formula, signature: Signature) -> bool:
    """True when every constant, predicate and function of ``formula`` is declared."""
    for node in ast.walk(formula):
        kind = type(node)
        if kind is ast.Const:
            if node.name not in signature.constants:
                return False
        elif kind is ast.Pred:
            if node.name not in signature.predicates:
                return False
        elif kind is ast.FuncApp:
            if node.name not in signature.functions:
                return False
    return True


def _path(statement: Statement) -> str:
    return f"<{statement.role} {statement.index}>"


def _with_elapsed(result: CheckResult, elapsed: float) -> CheckResult:
    return CheckResult(result.claims, result.consistency, result.conflict, result.semantics,
                       result.reason, elapsed)


class _ClassicalCheck:
    """One classical check: solver calls under a deadline, verdicts, evidence."""

    def __init__(self, rulebase: RuleBase, deadline: Deadline, explain: bool) -> None:
        self.rulebase = rulebase
        self.deadline = deadline
        self.explain = explain
        self.unknown_reason: str | None = None
        self.last_model: z3.ModelRef | None = None
        self.ctx_ref = rulebase.ctx.ref()
        self.timer_ms = max(int(deadline.limit_s * 1000), 1)

    # ------------------------------------------------------------ solver calls

    def call(self, solver: z3.Solver, assumptions: Sequence[z3.BoolRef], *,
             want_model: bool = False) -> z3.CheckSatResult:
        """One solver call; after the deadline, or when Z3 gives up, ``unknown`` with a reason.

        Calls Z3's C API directly: z3py's ``check`` re-checks every assumption's sort,
        which costs as much as a small ground check itself.
        """
        if self.deadline.expired():
            self.unknown_reason = self.deadline.reason
            return z3.unknown
        if getattr(solver, "timer_ms", None) is not None:  # a solver with Z3's own timer
            set_timer(solver, self.timer_ms)
        count = len(assumptions)
        array = (z3.Ast * count)()
        for i, expr in enumerate(assumptions):
            array[i] = expr.as_ast()
        status = _STATUS[z3.Z3_solver_check_assumptions(self.ctx_ref, solver.solver, count, array)]
        if status == z3.unknown:
            reason = solver.reason_unknown()
            if self.deadline.expired() or reason in ("canceled", "timeout", "interrupted"):
                reason = self.deadline.reason
            self.unknown_reason = reason
        elif status == z3.sat and want_model:
            self.last_model = solver.model()
        return status

    def truth(self, model: z3.ModelRef, expr: z3.BoolRef) -> int:
        """1 when ``expr`` is true in ``model`` (completed as needed), -1 when false, else 0."""
        result = (z3.Ast * 1)()
        if not z3.Z3_model_eval(self.ctx_ref, model.model, expr.as_ast(), True, result):
            return 0
        return z3.Z3_get_bool_value(self.ctx_ref, result[0])

    # ------------------------------------------------------------ the check

    def run(self, premises: list[Statement], claims: list[Statement], signature: Signature) -> CheckResult:
        if self.rulebase.rules_status(self.call) == z3.unsat:
            return self._rules_inconsistent(premises, claims)

        prepared = self.rulebase.prepare([p.formula for p in premises], [c.formula for c in claims],
                                         signature)
        base_status, models = self._base(prepared)
        if base_status == z3.unsat:
            evidence, note = self._core(prepared, premises, claims, include_claims=False)
            results = tuple(ClaimResult(c, Verdict.IMPOSSIBLE, evidence, reason=note) for c in claims)
            return CheckResult(results, Consistency.INCONSISTENT, evidence)
        results = [self._claim(statement, claim, prepared, base_status, models, premises, claims)
                   for statement, claim in zip(claims, prepared.claims)]
        consistency, conflict, reason = self._consistency(results, prepared, base_status, models,
                                                          premises, claims)
        return CheckResult(tuple(results), consistency, conflict, reason=reason)

    def _base(self, prepared: Prepared) -> tuple[z3.CheckSatResult, list]:
        """Status of rules + premises, and the models of them known so far.

        Without premises both are the problem's own, kept across checks.
        """
        problem = prepared.problem
        if not prepared.premises:
            return problem.settle(self.call), problem.models
        status = self.call(problem.solver, prepared.premises, want_model=True)
        return status, [self.last_model] if status == z3.sat else []

    def _want_model(self, models: list) -> bool:
        # Fetching a model costs about two small solver calls: only while the cache fills,
        # or when an explanation will show it.
        return self.explain or len(models) < _MODELS_PER_PROBLEM

    def _remember(self, models: list, model: z3.ModelRef) -> None:
        if len(models) < _MODELS_PER_PROBLEM:
            models.append(model)

    def _side(self, prepared: Prepared, formula: z3.BoolRef, models: list):
        """Status of rules + premises + ``formula``, with a model when one is kept."""
        want = self._want_model(models)
        status = self.call(prepared.problem.solver, [*prepared.premises, formula], want_model=want)
        if status == z3.sat and want:
            self._remember(models, self.last_model)
            return status, self.last_model
        return status, None

    def _claim(self, statement: Statement, claim, prepared: Prepared, base_status, models,
               premises, claims) -> ClaimResult:
        holds = fails = None  # statuses of rules + premises + claim / + not claim
        holds_model = fails_model = None
        for model in models[:_MODELS_PER_CLAIM]:  # a known model decides one side, often both
            value = self.truth(model, claim.holds)
            if value == 1 and holds is None:
                holds, holds_model = z3.sat, model
            elif fails is None and (value == -1 if claim.complementary
                                    else self.truth(model, claim.fails) == 1):
                fails, fails_model = z3.sat, model
            if holds is not None and fails is not None:
                break
        if holds is None:
            holds, holds_model = self._side(prepared, claim.holds, models)
            if holds == z3.unsat and base_status == z3.sat:
                return self._explained(statement, Verdict.CONTRADICTED, prepared, premises, claims,
                                       fixed=[claim.holds], claim_in_evidence=True)
        if fails is None:
            fails, fails_model = self._side(prepared, claim.fails, models)
        if holds == z3.unsat and fails == z3.unsat:  # so rules + premises are unsatisfiable
            return self._explained(statement, Verdict.IMPOSSIBLE, prepared, premises, claims, fixed=[])
        if holds == z3.unsat and fails == z3.sat:
            return self._explained(statement, Verdict.CONTRADICTED, prepared, premises, claims,
                                   fixed=[claim.holds], claim_in_evidence=True)
        if fails == z3.unsat and (holds == z3.sat or base_status == z3.sat):
            return self._explained(statement, Verdict.ENTAILED, prepared, premises, claims,
                                   fixed=[claim.fails])
        if holds == z3.sat and fails == z3.sat:
            scenarios = ()
            if self.explain:
                scenarios = self._scenarios(statement, claim, prepared, premises, holds_model, fails_model)
            return ClaimResult(statement, Verdict.POSSIBLE, scenarios=scenarios)
        return ClaimResult(statement, Verdict.UNKNOWN, reason=self.unknown_reason or "the solver gave up")

    def _consistency(self, results, prepared: Prepared, base_status, models, premises, claims):
        """CONSISTENT / INCONSISTENT for rules + premises + all claims, with a conflict."""
        for result in results:
            if result.verdict in (Verdict.CONTRADICTED, Verdict.IMPOSSIBLE):
                # A minimal conflict of a claim is a minimal conflict of the whole set.
                return Consistency.INCONSISTENT, result.evidence, result.reason
        if not claims:
            if base_status == z3.sat:
                return Consistency.CONSISTENT, (), None
            return Consistency.UNKNOWN, (), self.unknown_reason
        if all(r.verdict is Verdict.ENTAILED for r in results):
            return Consistency.CONSISTENT, (), None
        if len(claims) == 1:
            if results[0].verdict is Verdict.POSSIBLE:
                return Consistency.CONSISTENT, (), None
            return Consistency.UNKNOWN, (), results[0].reason
        holds = [c.holds for c in prepared.claims]
        if any(all(self.truth(m, h) == 1 for h in holds) for m in models):
            return Consistency.CONSISTENT, (), None
        status = self.call(prepared.problem.solver, [*prepared.premises, *holds])
        if status == z3.sat:
            return Consistency.CONSISTENT, (), None
        if status == z3.unsat:
            conflict, note = self._core(prepared, premises, claims, include_claims=True)
            return Consistency.INCONSISTENT, conflict, note
        return Consistency.UNKNOWN, (), self.unknown_reason

    # ------------------------------------------------------------ evidence

    def _explained(self, statement: Statement, verdict: Verdict, prepared: Prepared, premises, claims,
                   *, fixed, claim_in_evidence: bool = False) -> ClaimResult:
        if not self.explain:
            return ClaimResult(statement, verdict)
        evidence, note = self._core(prepared, premises, claims, include_claims=False, fixed=fixed)
        if claim_in_evidence:
            evidence = evidence + (EvidenceItem.from_statement(statement),)
        return ClaimResult(statement, verdict, evidence, reason=note)

    def _core(self, prepared: Prepared, premises: list[Statement], claims: list[Statement], *,
              include_claims: bool, fixed=()) -> tuple[tuple[EvidenceItem, ...], str | None]:
        """A minimal set of rules and statements that (with ``fixed``) cannot all hold."""
        if not self.explain:
            return (), None
        statements = list(premises) + (list(claims) if include_claims else [])
        formulas = list(prepared.premises) + ([c.holds for c in prepared.claims] if include_claims else [])
        return self._minimal(prepared.problem, statements, formulas, fixed)

    def _minimal(self, problem: Problem, statements: list[Statement], formulas: list[z3.BoolRef],
                 fixed) -> tuple[tuple[EvidenceItem, ...], str | None]:
        """A minimal conflicting set among the problem's rules and ``statements``.

        The first core comes from the problem's tracked solver; it is then shrunk on a
        solver holding only the instances of the rules in it (see ``explain``).
        """
        rulebase = self.rulebase
        tracked = problem.tracked(rulebase)
        rule_indices = problem.rule_indices
        assumptions = [rulebase.tracks[i] for i in rule_indices] + formulas
        ids = [rulebase.track_ids[i] for i in rule_indices] + [f.get_id() for f in formulas]
        first = explain.core_attempt(lambda a: self.call(tracked, a), tracked, assumptions, fixed, ids)
        status, core = first(range(len(assumptions)))
        if status != z3.unsat:
            return (), f"no explanation: {self.unknown_reason or 'the solver gave up'}"
        # Shrink on a scratch solver holding just the instances of the core's rules.
        core_rules = {rule_indices[i] for i in core if i < len(rule_indices)}
        small = rulebase.scratch()
        small.push()
        try:
            for guarded, rule in zip(problem.tracked_exprs, problem.rule_of_expr):
                if rule in core_rules:
                    z3.Z3_solver_assert(self.ctx_ref, small.solver, guarded.as_ast())
            attempt = explain.core_attempt(lambda a: self.call(small, a), small, assumptions, fixed, ids)
            result = explain.shrink(attempt, core, expired=self.deadline.expired)
        finally:
            small.pop()
        sources = [rulebase.rules[i].rule for i in rule_indices] + statements
        items = tuple(_evidence(sources[i]) for i in sorted(result.indices))
        note = None if result.minimal else f"explanation may not be minimal: {self.deadline.reason}"
        return items, note

    def _rules_inconsistent(self, premises, claims) -> CheckResult:
        evidence: tuple[EvidenceItem, ...] = ()
        note = None
        if self.explain:
            evidence, note = self._minimal(self.rulebase.full_problem(), [], [], [])
        results = tuple(ClaimResult(c, Verdict.IMPOSSIBLE, evidence, reason=note) for c in claims)
        return CheckResult(results, Consistency.INCONSISTENT, evidence,
                           reason="the rules contradict each other")

    # ------------------------------------------------------------ scenarios

    def _scenarios(self, statement: Statement, claim, prepared: Prepared, premises,
                   holds_model, fails_model) -> tuple[Scenario, ...]:
        """The claim holding and failing, shown on the atoms and values that matter."""
        rulebase = self.rulebase
        start = {n.name for n in ast.walk(statement.formula) if type(n) in (ast.Pred, ast.FuncApp)}
        symbols, constants = rulebase.symbol_graph().reach(start, [p.formula for p in premises])
        renaming = prepared.renaming
        individuals: dict[str, list[str]] = {}
        numeric: list[str] = []
        for name in dict.fromkeys([*_constant_names(statement.formula), *constants]):
            sort = rulebase.constant_sorts.get(renaming.get(name, name))
            if sort in NUMERIC_SORTS:
                numeric.append(name)
            elif sort is not None:
                individuals.setdefault(sort, []).append(name)
        display = {slot: name for name, slot in renaming.items()}
        scenarios = []
        for holds, model, witnesses in ((True, holds_model, claim.witnesses_holds),
                                        (False, fails_model, claim.witnesses_fails)):
            if model is None:
                continue
            shown = {sort: list(names) for sort, names in individuals.items()}
            for k, slot in enumerate(witnesses, start=1):
                display[slot] = f"witness_{k}" if len(witnesses) > 1 else "witness"
                shown.setdefault(rulebase.constant_sorts[slot], []).append(slot)
            terms = explain.scenario_terms(symbols, prepared.symbols, shown, numeric)
            pairs = [(_ground_text(t, display), self._term_expr(t, prepared)) for t in terms]
            scenarios.append(explain.scenario(model, holds, pairs))
        return tuple(scenarios)

    def _term_expr(self, term: ast.Node, prepared: Prepared) -> z3.ExprRef:
        renamed = _renamed(term, prepared.renaming)
        translator = self.rulebase.translator
        if isinstance(renamed, ast.Formula):
            return translator.formula(renamed, prepared.symbols, flat_except=prepared.flat_except)
        return translator.term(renamed, prepared.symbols, flat_except=prepared.flat_except)[0]


def _constant_names(formula: ast.Formula) -> list[str]:
    return [n.name for n in ast.walk(formula) if type(n) is ast.Const]


def _renamed(term: ast.Node, renaming: dict[str, str]) -> ast.Node:
    if type(term) is ast.Const:
        return ast.Const(renaming.get(term.name, term.name))
    if not any(a.name in renaming for a in term.args):
        return term
    return type(term)(term.name, tuple(ast.Const(renaming.get(a.name, a.name)) for a in term.args))


def _ground_text(term: ast.Node, display: dict[str, str]) -> str:
    """LF text of an atom or term over constants (its arguments are constants)."""
    if type(term) is ast.Const:
        return display.get(term.name, term.name)
    if not term.args:
        return term.name
    return f"{term.name}({', '.join(display.get(a.name, a.name) for a in term.args)})"


def _evidence(source) -> EvidenceItem:
    if isinstance(source, Statement):
        return EvidenceItem.from_statement(source)
    return EvidenceItem.from_rule(source)
