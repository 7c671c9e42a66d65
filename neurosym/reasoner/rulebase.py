"""A theory compiled once into Z3: ground rule instances split into independent components.

``RuleBase(theory)`` translates every rule and fact once. When the rules can be grounded
(see ``grounding``), each rule becomes its instances over the known individuals, and the
instances fall apart into *components*: groups that share no ground atom, numeric term
or (where equality over a sort is used) individual. Components are independent, so a
check only needs the components its statements touch: ``problem(keys)`` gives a solver
holding exactly those, built once and reused (``Problem``). For a policy about
applicants, checking a record about one applicant touches that applicant's component
and nothing else, which keeps each solver call small.

Every rule has a tracking literal. A ``Problem`` has two solvers: one with the rule
instances asserted hard, used for verdicts (premises and claims enter as assumptions,
``solver.check(*assumptions)``, never by rebuilding), and, built only when an
explanation is asked for, one with each instance guarded by its rule's literal
(``Implies(track, instance)``), whose unsat cores name the rules involved.

Statements bring their own individuals. Names that the theory does not declare are
mapped, for the duration of a check, onto *slots*: internal constants of the right
sort (``_slot_Person_0``, ...) that already carry the rule instances. A renaming of
individuals the rules never mention changes no verdict, so checks about ever new
applicants reuse the same few slots instead of growing the rule base. Skolem witnesses
of statements are slots too. The pool grows only when a check needs more slots than
any check before it; then the rules get instances for the new slots (instances of
asserted universals, hence sound to keep).

Numeric parameters pinned by a fact (``min_credit_score = 670``) do not link the
components that mention them: the pinning fact is added to every problem instead, which
is exact because every component then agrees on the value.

When the rules or a check cannot be grounded (a function returns a user sort, a
variable ranges over Int or Real, an existential lies under a universal), the check
runs on ``quantified_problem()``: one solver with the rules as written, decided by Z3's
model-based quantifier instantiation.
"""

from __future__ import annotations

import itertools
from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Sequence

import z3

from ..logic import ast
from ..logic.signature import NUMERIC_SORTS, Signature
from ..rules.model import Rule, Theory
from . import grounding
from .grounding import NotGroundable, UniversalClause
from .timelimit import Deadline, Watchdog
from .translate import Symbols, Translator

__all__ = ["RuleBase", "Problem", "Prepared", "PreparedClaim", "SLOT_PREFIX", "set_timer"]

# Internal constants start with this; LF names may use it, but then they are simply
# statement individuals like any other (they are renamed onto slots too).
SLOT_PREFIX = "_slot_"
_SKOLEM_PREFIX = "_sk_"
# How many component solvers a rule base keeps (least recently used ones are dropped),
# and how many it builds when it is compiled.
_PROBLEM_CACHE_SIZE = 256
_WARM_COMPONENTS = 64


def set_timer(solver: z3.Solver, milliseconds: int) -> None:
    """Set Z3's own ``timeout`` on ``solver`` (remembered on it, so a check can adjust it).

    Only the solvers whose calls are expected to be slow get one (see ``timelimit``).
    """
    if getattr(solver, "timer_ms", None) != milliseconds:
        solver.set("timeout", milliseconds)
        solver.timer_ms = milliseconds


@dataclass
class CompiledRule:
    """A rule of the theory with its tracking literal and, when groundable, its clauses."""

    index: int
    rule: Rule
    track: z3.BoolRef
    clauses: tuple[UniversalClause, ...] | None  # None: kept quantified


@dataclass
class Problem:
    """Solvers over a set of components (or, quantified, over all rules).

    ``solver`` has the rule instances asserted hard; ``tracked()`` builds the copy whose
    instances are guarded by their rules' literals. ``rule_indices`` are the rules with
    an instance here. ``base_status`` caches the answer for the rules alone, and
    ``models`` a few models of them met so far: a premise-free claim true in one of
    them is satisfiable with the rules without another solver call.
    """

    exprs: list[z3.BoolRef]
    rule_of_expr: list[int]
    rule_indices: tuple[int, ...]
    solver: z3.Solver
    ground: bool = True
    base_status: z3.CheckSatResult | None = None
    models: list = field(default_factory=list)  # models of the rules alone, newest last
    tracked_exprs: list = field(default_factory=list, repr=False)
    _tracked: z3.Solver | None = field(default=None, repr=False)

    def settle(self, check) -> z3.CheckSatResult:
        """Decide the rules alone on this problem, once, keeping two models of them.

        ``check(solver, assumptions)`` runs a solver call. Besides Z3's first model, whose
        free atoms are mostly false, a second one is asked for with every decision made
        true (ground problems only): between them most atoms that the rules leave open
        take both values, so premise-free claims about them need no solver call at all.
        """
        if self.base_status is None or self.base_status == z3.unknown:
            self.base_status = check(self.solver, [])
            if self.base_status == z3.sat:
                self.models.append(self.solver.model())
                if self.ground:
                    self.solver.set("phase_selection", 1)  # always true
                    try:
                        if check(self.solver, []) == z3.sat:
                            self.models.append(self.solver.model())
                    finally:
                        self.solver.set("phase_selection", 3)  # Z3's default
        return self.base_status

    def tracked(self, rulebase: "RuleBase") -> z3.Solver:
        if self._tracked is None:
            tracks, implies = rulebase.tracks, rulebase.translator.implies
            self.tracked_exprs = [implies(tracks[rule], expr)
                                  for expr, rule in zip(self.exprs, self.rule_of_expr)]
            solver = rulebase.solver_with(self.tracked_exprs, ground=self.ground)
            # Explanations make many calls on it: Z3's own timer backs up the watchdog.
            set_timer(solver, rulebase.default_timeout_ms)
            self._tracked = solver
        return self._tracked


@dataclass
class PreparedClaim:
    """A claim as Z3 formulas: ``holds`` for "the claim is true", ``fails`` for its negation.

    ``witnesses_holds``/``witnesses_fails`` are the slots that Skolemization introduced.
    Skolemized and ground forms are equisatisfiable with the claim, not equivalent to
    it: a model where ``holds`` is false need not make the claim false. ``complementary``
    says when ``fails`` is exactly ``not holds`` (no quantifier was rewritten).
    """

    holds: z3.BoolRef
    fails: z3.BoolRef
    witnesses_holds: tuple[str, ...] = ()
    witnesses_fails: tuple[str, ...] = ()
    complementary: bool = True


@dataclass
class Prepared:
    """A check's statements translated against a rule base, with the problem they touch."""

    problem: Problem
    premises: list[z3.BoolRef]
    claims: list[PreparedClaim]
    renaming: dict[str, str]  # the statements' own names -> slots
    symbols: Symbols
    flat_except: frozenset[str] | None  # how atoms were translated (None: quantified problem)


class _Components:
    """Union-find over link keys; each component lists the clauses (by id) it holds."""

    def __init__(self) -> None:
        self.parent: dict = {}
        self.members: dict = {}

    def find(self, key):
        parent = self.parent
        root = key
        while parent[root] != root:
            root = parent[root]
        while parent[key] != root:  # path compression
            parent[key], key = root, parent[key]
        return root

    def root(self, key):
        """The component of ``key``, or None when no clause has it."""
        return self.find(key) if key in self.parent else None

    def add(self, clause_id: int, keys: Iterable) -> None:
        roots = set()
        for key in keys:
            if key not in self.parent:
                self.parent[key] = key
                self.members[key] = []
            roots.add(self.find(key))
        ordered = sorted(roots, key=lambda r: -len(self.members[r]))
        target = ordered[0]
        for other in ordered[1:]:
            self.parent[other] = target
            self.members[target].extend(self.members.pop(other))
        self.members[target].append(clause_id)


class RuleBase:
    """A theory compiled into Z3 once, checked against many times.

    ``theory`` None is open mode: no rules, every symbol comes from the statements.
    """

    def __init__(self, theory: Theory | None, *, timeout_s: float = 10.0) -> None:
        self.theory = theory
        self.signature: Signature | None = theory.signature if theory is not None else None
        self.ctx = z3.Context()
        self.translator = Translator(self.ctx)
        self.watchdog = Watchdog(self.ctx)
        self.default_timeout_ms = max(int(timeout_s * 1000), 1)
        signature = self.signature or Signature()
        self.constant_sorts: dict[str, str] = dict(signature.constants)
        self.base_constants: dict[str, list[str]] = defaultdict(list)
        for name, sort in signature.constants.items():
            if sort not in NUMERIC_SORTS:
                self.base_constants[sort].append(name)
        self.slots: dict[str, list[str]] = defaultdict(list)
        self.symbols = Symbols(self.constant_sorts, signature.predicates, signature.functions)
        # Sorts some function returns: grounding over them would miss individuals.
        self.function_sorts = {f.result for f in signature.functions.values()} - NUMERIC_SORTS
        self.rules: list[CompiledRule] = []
        self.tracks: list[z3.BoolRef] = []
        self.track_ids: list[int] = []
        self._scratch: z3.Solver | None = None
        self.pinned: set[str] = set()
        self.eq_sorts: set[str] = set()
        self.flat_except: frozenset[str] = frozenset(NUMERIC_SORTS)
        self._quantified: Problem | None = None
        self._symbol_graph = None
        self._rules_status: z3.CheckSatResult | None = None
        # Ground clauses and their components.
        self.clause_exprs: list[z3.BoolRef] = []
        self.clause_rules: list[int] = []
        self.global_clauses: list[int] = []
        self.components = _Components()
        self._problems: OrderedDict = OrderedDict()
        self._compile(theory.rules if theory is not None else ())

    # ------------------------------------------------------------ compiling the rules

    def _compile(self, rules: Sequence[Rule]) -> None:
        skolem_count = itertools.count()

        def fresh(sort: str) -> str:
            name = self._unused_name(f"{_SKOLEM_PREFIX}{sort}_{next(skolem_count)}")
            self.constant_sorts[name] = sort
            if sort not in NUMERIC_SORTS:
                self.base_constants[sort].append(name)
            return name

        ground = True
        for index, rule in enumerate(rules):
            track = z3.Bool(f"rule!{index}", self.ctx)
            clauses = None
            if ground:
                try:
                    nnf = grounding.skolemize(grounding.to_nnf(rule.formula), fresh)
                    clauses = tuple(grounding.universal_clauses(nnf, self.groundable))
                except NotGroundable:
                    ground = False
            self.rules.append(CompiledRule(index, rule, track, clauses))
            self.tracks.append(track)
            self.track_ids.append(track.get_id())
            self.pinned.update(_pinned_constant(rule.formula, self.constant_sorts))
            self.eq_sorts.update(_equality_sorts(rule.formula, self.constant_sorts, self.symbols.functions))
        self.ground = ground
        # Atoms over individuals that may be equal to others (compared with '=', or the
        # value of a function) stay applications, for Z3's congruence reasoning.
        self.flat_except = frozenset(NUMERIC_SORTS | self.eq_sorts | self.function_sorts)
        if not ground:
            return
        # Every sort the rules quantify over gets at least one individual (slot 0).
        for compiled in self.rules:
            for clause in compiled.clauses:
                for binder in clause.binders:
                    if not self.slots[binder.sort]:
                        self._new_slot(binder.sort, instantiate=False)
        universe = self.universe()
        for compiled in self.rules:
            for clause in compiled.clauses:
                for instance in grounding.instances(clause, universe):
                    self._add_clause(compiled.index, instance)
        self._decide_rules_now()
        self._warm_up()

    def _warm_up(self) -> None:
        """Build the solvers of the first components now, so that early checks are as fast
        as later ones (a component's first solver call costs a few milliseconds)."""
        if self._rules_status != z3.sat:
            return
        deadline = Deadline(self.default_timeout_ms / 1000)
        self.watchdog.start(deadline)
        try:
            for root in itertools.islice(self.components.members, _WARM_COMPONENTS):
                if deadline.expired():
                    break
                self.problem([root]).settle(lambda solver, assumptions: solver.check(*assumptions))
        finally:
            self.watchdog.stop()

    def groundable(self, sort: str | None) -> bool:
        """True when variables of ``sort`` can be replaced by the known individuals."""
        return sort is not None and sort not in NUMERIC_SORTS and sort not in self.function_sorts

    def universe(self) -> dict[str, list[str]]:
        """Every individual of every user sort: declared, Skolem witnesses, slots."""
        sorts = set(self.base_constants) | set(self.slots)
        return {s: self.base_constants.get(s, []) + self.slots.get(s, []) for s in sorts}

    def _unused_name(self, name: str) -> str:
        while name in self.constant_sorts or (self.signature and name in self.signature.symbol_names()):
            name += "_"
        return name

    def _add_clause(self, rule_index: int, formula: ast.Formula) -> None:
        clause_id = len(self.clause_exprs)
        self.clause_exprs.append(self.translator.formula(formula, self.symbols, flat_except=self.flat_except))
        self.clause_rules.append(rule_index)
        keys = self.link_keys(formula, self.symbols)
        if keys:
            self.components.add(clause_id, keys)
        else:
            self.global_clauses.append(clause_id)

    # ------------------------------------------------------------ slots

    def slot(self, sort: str, index: int) -> str:
        """The ``index``-th slot of ``sort``, creating slots (and rule instances) as needed."""
        pool = self.slots[sort]
        while len(pool) <= index:
            self._new_slot(sort, instantiate=True)
        return pool[index]

    def _new_slot(self, sort: str, *, instantiate: bool) -> str:
        name = self._unused_name(f"{SLOT_PREFIX}{sort}_{len(self.slots[sort])}")
        self.constant_sorts[name] = sort
        self.slots[sort].append(name)
        if instantiate and self.ground and sort not in NUMERIC_SORTS:
            universe = self.universe()
            for compiled in self.rules:
                for clause in compiled.clauses:
                    if any(b.sort == sort for b in clause.binders):
                        for instance in grounding.instances(clause, universe, new={sort: [name]}):
                            self._add_clause(compiled.index, instance)
            # Components may have grown or merged. (The rules' consistency does not change:
            # instances for one more individual are equisatisfiable, see ``grounding``.)
            self._problems.clear()
        return name

    # ------------------------------------------------------------ link keys

    def link_keys(self, formula: ast.Formula, symbols: Symbols) -> set:
        """What ties a ground formula to others: atoms, numeric terms, equated individuals.

        Two ground formulas can interact only through a shared key (see the module
        docstring): the same atom, the same numeric term (arithmetic relates them), the
        same symbol applied to numbers (congruence relates them), or, for sorts compared
        with ``=``, the same individual.
        """
        keys: set = set()
        stack = [formula]
        while stack:
            node = stack.pop()
            kind = type(node)
            if kind is ast.Pred:
                keys.add(_application_key("p", node))
                if any(self._numeric_nonliteral(a, symbols) for a in node.args):
                    keys.add(("s", node.name))
                self._term_keys(node.args, symbols, keys)
            elif kind is ast.Compare:
                self._term_keys((node.left, node.right), symbols, keys)
            elif kind is ast.Not:
                stack.append(node.arg)
            elif kind is ast.And or kind is ast.Or:
                stack.extend(node.args)
            elif kind is ast.Implies or kind is ast.Iff or kind is ast.Xor:
                stack.append(node.left)
                stack.append(node.right)
            elif kind is not ast.BoolConst:
                raise TypeError(f"not a ground formula: {node!r}")
        return keys

    def _numeric_nonliteral(self, term, symbols) -> bool:
        kind = type(term)
        if kind is ast.Const:
            return symbols.constants[term.name] in NUMERIC_SORTS
        if kind is ast.FuncApp:
            return symbols.functions[term.name].result in NUMERIC_SORTS
        return kind is ast.Arith or kind is ast.Neg

    def _term_keys(self, terms, symbols, keys) -> None:
        stack = list(terms)
        while stack:
            term = stack.pop()
            kind = type(term)
            if kind is ast.Const:
                sort = symbols.constants[term.name]
                if sort in NUMERIC_SORTS:
                    if term.name not in self.pinned:
                        keys.add(("t", term.name))
                elif sort in self.eq_sorts:
                    keys.add(("c", term.name))
            elif kind is ast.FuncApp:
                func = symbols.functions[term.name]
                if func.result in NUMERIC_SORTS:
                    keys.add(_application_key("t", term))
                else:
                    keys.add(("f", term.name))  # only in quantified problems; be safe
                if any(self._numeric_nonliteral(a, symbols) for a in term.args):
                    keys.add(("s", term.name))
                stack.extend(term.args)
            elif kind is ast.Neg:
                stack.append(term.arg)
            elif kind is ast.Arith:
                stack.append(term.left)
                stack.append(term.right)

    def roots_of(self, keys: Iterable) -> set:
        """The components a check touches through ``keys``."""
        components = self.components
        roots = set()
        for key in keys:
            root = components.root(key)
            if root is not None:
                roots.add(root)
        return roots

    # ------------------------------------------------------------ problems

    def problem(self, roots: Iterable) -> Problem:
        """The solver over the given components (and the global clauses), cached."""
        key = frozenset(roots)
        problem = self._problems.get(key)
        if problem is not None:
            self._problems.move_to_end(key)
            return problem
        clause_ids = list(self.global_clauses)
        for root in key:
            clause_ids.extend(self.components.members[root])
        problem = self._make_problem([self.clause_exprs[i] for i in clause_ids],
                                     [self.clause_rules[i] for i in clause_ids])
        self._problems[key] = problem
        if len(self._problems) > _PROBLEM_CACHE_SIZE:
            self._problems.popitem(last=False)
        return problem

    def symbol_graph(self):
        """Which rules mention which symbols (for scenarios), built on first use."""
        if self._symbol_graph is None:
            from .explain import SymbolGraph

            self._symbol_graph = SymbolGraph([c.rule.formula for c in self.rules])
        return self._symbol_graph

    def full_problem(self) -> Problem:
        """Every rule: all ground instances, or the quantified rules."""
        if not self.ground:
            return self.quantified_problem()
        return self.problem(self.components.members.keys())

    def quantified_problem(self) -> Problem:
        """One solver with the rules as written (quantifiers kept), for what cannot be grounded."""
        if self._quantified is None:
            exprs = [self.translator.formula(c.rule.formula, self.symbols) for c in self.rules]
            self._quantified = self._make_problem(exprs, [c.index for c in self.rules], ground=False)
            # Quantified checks are the slow ones: Z3's own timer backs up the watchdog.
            set_timer(self._quantified.solver, self.default_timeout_ms)
        return self._quantified

    def _make_problem(self, exprs: list[z3.BoolRef], rules: list[int], *, ground: bool = True) -> Problem:
        return Problem(exprs, rules, tuple(sorted(set(rules))), self.solver_with(exprs, ground=ground), ground)

    def scratch(self) -> z3.Solver:
        """A solver for short-lived work (push, assert, check, pop); explanations use it."""
        if self._scratch is None:
            self._scratch = z3.SimpleSolver(ctx=self.ctx)
            set_timer(self._scratch, self.default_timeout_ms)
        return self._scratch

    def solver_with(self, exprs: Iterable[z3.BoolRef], *, ground: bool = True) -> z3.Solver:
        """A new solver asserting ``exprs`` (through the C API: z3py's ``add`` re-checks
        each formula's sort, which dominates building a solver of a few hundred clauses).

        Ground problems switch off relevancy propagation, which serves quantifier
        instantiation and only slows small ground checks down.
        """
        solver = z3.SimpleSolver(ctx=self.ctx)
        if ground:
            solver.set("relevancy", 0)
        ctx_ref, handle = self.ctx.ref(), solver.solver
        for expr in exprs:
            z3.Z3_solver_assert(ctx_ref, handle, expr.as_ast())
        return solver

    # ------------------------------------------------------------ statements

    def prepare(self, premises: Sequence[ast.Formula], claims: Sequence[ast.Formula],
                signature: Signature) -> Prepared:
        """Translate a check's statements (sorted formulas) and find the problem they touch.

        ``signature`` is the check's: the theory's extended by the statements' new
        constants (and, in open mode, their predicates and functions).
        """
        symbols = Symbols(self.constant_sorts, signature.predicates, signature.functions)
        formulas = [*premises, *claims]
        scans = [_scan(f, signature) for f in formulas]
        declared = self.signature.constants if self.signature is not None else {}
        used: dict[str, int] = defaultdict(int)  # slots taken per sort in this check
        renaming: dict[str, str] = {}
        for scan in scans:
            for name in scan.constants:
                if name not in declared and name not in renaming:
                    sort = signature.constants[name]
                    renaming[name] = self.slot(sort, used[sort])
                    used[sort] += 1
        if renaming:
            formulas = [grounding.rename_constants(f, renaming) if scan.constants else f
                        for f, scan in zip(formulas, scans)]
        # Grounding needs the rules' ground instances to stay exact for this check: no
        # individual-valued function, and no equality over a sort the rules never equate
        # (their atoms over it are flat).
        ground = self.ground and not any(
            scan.individual_functions or not scan.equality_sorts <= self.eq_sorts for scan in scans)
        if ground:
            try:
                return self._prepare_ground(formulas, len(premises), scans, symbols, renaming, used)
            except NotGroundable:
                pass
        return self._prepare_quantified(formulas, len(premises), symbols, renaming)

    def _prepare_quantified(self, formulas, n_premises, symbols, renaming) -> Prepared:
        translator = self.translator
        exprs = [translator.formula(f, symbols) for f in formulas]
        claims = [PreparedClaim(e, translator.not_(e)) for e in exprs[n_premises:]]
        return Prepared(self.quantified_problem(), exprs[:n_premises], claims, renaming, symbols, None)

    def _prepare_ground(self, formulas, n_premises, scans, symbols, renaming, used) -> Prepared:
        witnesses: list[str] = []

        def fresh(sort: str) -> str:
            name = self.slot(sort, used[sort])
            used[sort] += 1
            witnesses.append(name)
            return name

        # Each form: (formula, negated?, universal clauses or None when quantifier-free),
        # premises once, claims as "holds" and "fails"; Skolemize all before grounding any,
        # so that every universal ranges over every witness.
        forms: list = []
        form_witnesses: list[tuple[str, ...]] = []
        for i, (formula, scan) in enumerate(zip(formulas, scans)):
            for negate in ((False,) if i < n_premises else (False, True)):
                if not scan.quantified:
                    forms.append((formula, negate, None))
                    form_witnesses.append(())
                    continue
                start = len(witnesses)
                nnf = grounding.skolemize(grounding.to_nnf(formula, negate=negate), fresh)
                forms.append((formula, negate, grounding.universal_clauses(nnf, self.groundable)))
                form_witnesses.append(tuple(witnesses[start:]))

        translator = self.translator
        flat_except = self.flat_except
        universe = None
        keys: set = set()
        exprs = []
        for formula, negate, clauses in forms:
            if clauses is None:
                keys |= self.link_keys(formula, symbols)
                if negate and type(formula) is ast.Not:
                    expr = translator.formula(formula.arg, symbols, flat_except=flat_except)
                else:
                    expr = translator.formula(formula, symbols, flat_except=flat_except)
                    if negate:
                        expr = translator.negation(expr)
                exprs.append(expr)
                continue
            if universe is None:
                sorts = {b.sort for _, _, cs in forms if cs for c in cs for b in c.binders}
                universe = self._check_universe(used, sorts)
            parts = []
            for clause in clauses:
                for instance in grounding.instances(clause, universe):
                    keys |= self.link_keys(instance, symbols)
                    parts.append(translator.formula(instance, symbols, flat_except=flat_except))
            exprs.append(_conjunction(parts, self.ctx))

        problem = self.problem(self.roots_of(keys))
        claims = [PreparedClaim(exprs[k], exprs[k + 1], form_witnesses[k], form_witnesses[k + 1],
                                complementary=forms[k][2] is None)
                  for k in range(n_premises, len(exprs), 2)]
        return Prepared(problem, exprs[:n_premises], claims, renaming, symbols, flat_except)

    def _check_universe(self, used: dict[str, int], sorts: set[str]) -> dict[str, list[str]]:
        """The individuals a check's universals (over ``sorts``) range over: declared ones
        and the check's slots.

        Slots the check does not use are left out: they occur in no statement of it, so
        instances over them would add nothing (see the grounding docstring).
        """
        universe: dict[str, list[str]] = {}
        for sort in sorts:
            if sort in NUMERIC_SORTS:
                continue
            names = list(self.base_constants.get(sort, ()))
            names.extend(self.slots[sort][:used.get(sort, 0)])
            if not names:  # the domain is never empty: one anonymous individual
                names.append(self.slot(sort, used[sort]))
                used[sort] += 1
            universe[sort] = names
        return universe

    # ------------------------------------------------------------ the rules' own consistency

    def rules_status(self, call) -> z3.CheckSatResult:
        """sat / unsat / unknown for the rules alone, asked once.

        ``call(solver, assumptions)`` runs a solver call. Ground rule bases ask when they
        are compiled, quantified ones at their first check. When the answer is unknown,
        checks go on: each one's own "rules + premises" call still finds a clash.
        """
        if self._rules_status is None:
            if not self.rules:
                self._rules_status = z3.sat
            elif self.ground:
                self._rules_status = call(self.solver_with(self.clause_exprs), [])
            else:
                self._rules_status = self.quantified_problem().settle(call)
        return self._rules_status

    def _decide_rules_now(self) -> None:
        """Compile-time consistency check of ground rules, under Z3's own timer."""
        def call(solver, assumptions):
            set_timer(solver, self.default_timeout_ms)
            return solver.check(*assumptions)
        self.rules_status(call)


@dataclass(frozen=True)
class _Scan:
    constants: tuple[str, ...]  # in order of first occurrence
    quantified: bool
    individual_functions: bool  # a function returns a user sort
    equality_sorts: frozenset[str]


def _scan(formula: ast.Formula, signature: Signature) -> _Scan:
    """One walk over a statement: what ``prepare`` needs to know about it."""
    constants: dict[str, None] = {}
    quantified = individual_functions = False
    for node in ast.walk(formula):
        kind = type(node)
        if kind is ast.Const:
            constants[node.name] = None
        elif kind is ast.Forall or kind is ast.Exists:
            quantified = True
        elif kind is ast.FuncApp:
            if signature.functions[node.name].result not in NUMERIC_SORTS:
                individual_functions = True
    equality = _equality_sorts(formula, signature.constants, signature.functions)
    return _Scan(tuple(constants), quantified, individual_functions, frozenset(equality))


def _equality_sorts(formula: ast.Formula, constant_sorts, functions) -> set[str]:
    """The user sorts of terms compared with = or != in ``formula``.

    A variable counts with every sort some binder of its name gives it (over-approximate
    for names reused in different scopes, which only costs speed).
    """
    comparisons = [n for n in ast.walk(formula) if type(n) is ast.Compare and n.op in ("=", "!=")]
    if not comparisons:
        return set()
    binder_sorts: dict[str, set[str]] = defaultdict(set)
    for node in ast.walk(formula):
        if type(node) is ast.Forall or type(node) is ast.Exists:
            for binder in node.binders:
                binder_sorts[binder.name].add(binder.sort)
    sorts: set[str] = set()
    for node in comparisons:
        for side in (node.left, node.right):
            if type(side) is ast.Var:
                sorts |= binder_sorts.get(side.name, set())
            elif type(side) is ast.Const:
                sorts.add(constant_sorts.get(side.name))
            elif type(side) is ast.FuncApp:
                sorts.add(functions[side.name].result)
    return {s for s in sorts if s is not None and s not in NUMERIC_SORTS}


def _pinned_constant(formula: ast.Formula, constant_sorts) -> set[str]:
    """The numeric constant a fact ``c = number`` pins, if the formula is such a fact."""
    if type(formula) is not ast.Compare or formula.op != "=":
        return set()
    for name_side, value_side in ((formula.left, formula.right), (formula.right, formula.left)):
        value = value_side.arg if type(value_side) is ast.Neg else value_side
        if (type(name_side) is ast.Const and type(value) is ast.Num
                and constant_sorts.get(name_side.name) in NUMERIC_SORTS):
            return {name_side.name}
    return set()


def _application_key(tag: str, node) -> tuple:
    """A link key for an atom or term: names only when its arguments are constants
    (string tuples hash fast), else the node itself."""
    args = node.args
    if all(type(a) is ast.Const for a in args):
        return (tag, node.name, *[a.name for a in args])
    return (tag, node)


def _conjunction(exprs: list[z3.BoolRef], ctx) -> z3.BoolRef:
    if not exprs:
        return z3.BoolVal(True, ctx)
    if len(exprs) == 1:
        return exprs[0]
    return z3.And(exprs)
