"""The individuals a check knows of, by sort: what a variable no literal binds ranges over.

A rule such as ``forall x. not round(x) -> needs(x, dog)`` (closed world) or
``forall x. cold(x)`` binds ``x`` by no literal, so it ranges over the individuals
named anywhere in the check: in facts, rules, premises and claims. An individual's
sorts come from its declaration when there is one, else from the argument positions
it fills (``adult(bob)`` with ``adult(Person)`` makes bob a Person); one seen in no
typed position belongs to every sort. Constants that stand for numbers (parameters
such as ``budget``) are not individuals.

Noting individuals is deferred until a ranging rule asks, so checks whose rules
never range pay nothing for it.
"""

from __future__ import annotations

from ..logic import ast
from .chaining_rules import TERM, VAL, Shape

__all__ = ["Domain"]


class Domain:
    """The known individuals and their sorts."""

    def __init__(self, declared: dict[str, str], position_sorts: dict[tuple[str, int], str],
                 parameters: frozenset[str] = frozenset()) -> None:
        self.declared = declared
        self.position_sorts = position_sorts
        self.parameters = parameters
        self._sorts: dict[str, set[str]] = {}
        self._version = 0
        self._members: dict[str | None, tuple[str, ...]] = {}
        self._pending: list[tuple] = []

    def copy(self) -> "Domain":
        other = Domain(self.declared, self.position_sorts, self.parameters)
        other._sorts = {name: set(sorts) for name, sorts in self._sorts.items()}
        other._version = self._version
        other._members = dict(self._members)
        other._pending = list(self._pending)
        return other

    @property
    def version(self) -> int:
        """A number that changes whenever an individual or a sort of one is added."""
        self._flush()
        return self._version

    def members(self, sort: str | None) -> tuple[str, ...]:
        """The individuals of ``sort`` (every individual for None), sorted by name."""
        self._flush()
        cached = self._members.get(sort)
        if cached is None:
            cached = self._members[sort] = tuple(sorted(
                name for name, sorts in self._sorts.items()
                if sort is None or not sorts or sort in sorts))
        return cached

    def note_fact(self, key: tuple, value=None) -> None:
        """The individuals in a fact key's arguments (and an individual value)."""
        self._pending.append(("fact", key, value))

    def note_shape(self, shape: Shape) -> None:
        """The individuals a clause, or a claim written as a clause body, names."""
        self._pending.append(("shape", shape, None))

    # ------------------------------------------------------------ internals

    def _flush(self) -> None:
        pending, self._pending = self._pending, []
        for kind, item, value in pending:
            if kind == "fact":
                for position, arg in enumerate(item[2]):
                    if isinstance(arg, str):
                        self._add(arg, (item[1], position))
                if isinstance(value, str):
                    self._add(value)
            else:
                self._add_shape(item)

    def _add_shape(self, shape: Shape) -> None:
        for name, slots in shape.argument_lists():
            for position, (kind, arg) in enumerate(slots):
                if kind == VAL and isinstance(arg, str):
                    self._add(arg, (name, position))
                elif kind == TERM:
                    self._add_term(arg)
        for term in shape.terms():
            self._add_term(term)

    def _add_term(self, term: ast.Term) -> None:
        for node in ast.walk(term):
            if isinstance(node, ast.FuncApp):
                for position, arg in enumerate(node.args):
                    if isinstance(arg, ast.Const):
                        self._add(arg.name, (node.name, position))
            elif isinstance(node, ast.Const):
                self._add(node.name)

    def _add(self, name: str, position: tuple[str, int] | None = None) -> None:
        if name in self.parameters:
            return
        sorts = self._sorts.get(name)
        if sorts is None:
            sorts = self._sorts[name] = set()
            declared = self.declared.get(name)
            if declared is not None:
                sorts.add(declared)
            self._changed()
        if position is not None and name not in self.declared:
            sort = self.position_sorts.get(position)
            if sort is not None and sort not in sorts:
                sorts.add(sort)
                self._changed()

    def _changed(self) -> None:
        self._version += 1
        self._members = {}
