"""Strata for the closed world: which clauses must be complete before others may run.

Negation as failure is only meaningful when what fails has already been decided. A
clause's conclusion depends on the predicates and functions its conditions read, and
negatively on those it checks by failure. The program is stratified when no cycle of
dependencies passes through a negative one; then running the strata in order computes
its perfect model. Clauses that conclude a negated literal or ``false`` derive nothing
another clause could read (in the closed world they are integrity constraints), so
they run last.
"""

from __future__ import annotations

from typing import Sequence

from ..errors import SemanticsError
from ..logic import ast
from .chaining_engine import Clause
from .chaining_rules import TERM, Pattern, Test, ValueHead, describe_source

__all__ = ["stratify"]


def stratify(clauses: Sequence[Clause]) -> list[list[Clause]]:
    """The clauses grouped into strata, lowest first.

    Raises SemanticsError naming the clauses of a cycle through negation.
    """
    edges: dict[str, set[tuple[str, bool]]] = {}
    constraints: list[Clause] = []
    defined: list[tuple[Clause, str]] = []
    for clause in clauses:
        head = _head_symbol(clause)
        if head is None:
            constraints.append(clause)
            continue
        defined.append((clause, head))
        targets = edges.setdefault(head, set())
        for symbol, negative in _dependencies(clause):
            targets.add((symbol, negative))
            edges.setdefault(symbol, set())

    components = _components(edges)
    component_of = {symbol: index for index, members in enumerate(components) for symbol in members}
    level: dict[int, int] = {}
    for index, members in enumerate(components):  # dependencies come first
        height = 0
        for symbol in members:
            for target, negative in edges[symbol]:
                other = component_of[target]
                if other == index:
                    if negative:
                        _reject_cycle(members, defined, edges)
                    continue
                height = max(height, level[other] + (1 if negative else 0))
        level[index] = height

    strata: dict[int, list[Clause]] = {}
    for clause, head in defined:
        strata.setdefault(level[component_of[head]], []).append(clause)
    ordered = [strata[key] for key in sorted(strata)]
    if constraints:
        ordered.append(constraints)
    return ordered


def _head_symbol(clause: Clause) -> str | None:
    head = clause.shape.head
    if isinstance(head, Pattern):
        return head.pred if head.positive else None
    if isinstance(head, ValueHead):
        return head.func
    return None


def _dependencies(clause: Clause):
    """(symbol, negative) for each predicate or function the clause's conclusion rests on."""
    shape = clause.shape
    for item in shape.body:
        if isinstance(item, Pattern):
            yield item.pred, not item.positive
            yield from ((symbol, False) for symbol in _slot_symbols(item.slots))
        elif isinstance(item, Test):
            yield from ((symbol, False) for symbol in _term_symbols(item.left) | _term_symbols(item.right))
    head = shape.head
    if isinstance(head, Pattern):
        yield from ((symbol, False) for symbol in _slot_symbols(head.slots))
    elif isinstance(head, ValueHead):
        yield from ((symbol, False) for symbol in _slot_symbols(head.slots) | _term_symbols(head.value))


def _term_symbols(term: ast.Term) -> set[str]:
    return {node.name for node in ast.walk(term) if isinstance(node, (ast.FuncApp, ast.Const))}


def _slot_symbols(slots) -> set[str]:
    symbols: set[str] = set()
    for kind, item in slots:
        if kind == TERM:
            symbols |= _term_symbols(item)
    return symbols


def _components(edges: dict[str, set[tuple[str, bool]]]) -> list[list[str]]:
    """Strongly connected components (Tarjan, iterative), each after those it depends on."""
    index_of: dict[str, int] = {}
    lowlink: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    counter = 0
    for root in sorted(edges):
        if root in index_of:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index_of[root] = lowlink[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            advanced = False
            for target, _ in successors:
                if target not in index_of:
                    index_of[target] = lowlink[target] = counter
                    counter += 1
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(edges[target]))))
                    advanced = True
                    break
                if target in on_stack:
                    lowlink[node] = min(lowlink[node], index_of[target])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                lowlink[parent] = min(lowlink[parent], lowlink[node])
            if lowlink[node] == index_of[node]:
                members = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    members.append(member)
                    if member == node:
                        break
                components.append(sorted(members))
    return components


def _reject_cycle(members: list[str], defined, edges) -> None:
    inside = set(members)
    involved = []
    for clause, head in defined:
        if head in inside and any(symbol in inside for symbol, _ in _dependencies(clause)):
            if clause.source not in involved:
                involved.append(clause.source)
    negative = sorted((head, target) for head in members for target, neg in edges[head]
                      if neg and target in inside)
    head, target = negative[0]
    names = ", ".join(describe_source(source) for source in involved)
    raise SemanticsError(
        f"closed-world semantics needs a stratified program, but {head} depends on 'not {target}' "
        f"through a cycle of rules: {names}. Negation as failure cannot decide such a cycle; "
        "use directional semantics or break the cycle")
