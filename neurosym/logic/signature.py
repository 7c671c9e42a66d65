"""Signatures: the sorts and symbols a theory may use, with their types.

A signature is pure typing information; the English glosses of the symbols live with
their declarations in the rule-file model (``neurosym.rules.model``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

__all__ = ["INT", "REAL", "NUMERIC_SORTS", "BUILTIN_SORTS", "ENTITY", "PredType", "FuncType", "Signature"]

INT = "Int"
REAL = "Real"
NUMERIC_SORTS = frozenset({INT, REAL})
BUILTIN_SORTS = NUMERIC_SORTS
# The one sort of individuals when no rule file declares any (signature inferred from use).
ENTITY = "Entity"


@dataclass(frozen=True, slots=True)
class PredType:
    args: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FuncType:
    args: tuple[str, ...]
    result: str


@dataclass(frozen=True)
class Signature:
    """Sorts, constants (name -> sort), predicates and functions (name -> type).

    Constants of sort Int or Real are numeric parameters (``budget``). Names are unique
    across constants, predicates and functions.
    """

    sorts: frozenset[str] = frozenset()
    constants: dict[str, str] = field(default_factory=dict)
    predicates: dict[str, PredType] = field(default_factory=dict)
    functions: dict[str, FuncType] = field(default_factory=dict)

    def all_sorts(self) -> frozenset[str]:
        return self.sorts | BUILTIN_SORTS

    @functools.cached_property
    def mentioned_sorts(self) -> frozenset[str]:
        """Every sort declared or mentioned in a symbol's type (so hand-built signatures
        work too). Cached: a signature is never changed after it is built, and the type
        checker asks for this on every statement."""
        sorts = set(self.all_sorts()) | set(self.constants.values())
        for pred in self.predicates.values():
            sorts |= set(pred.args)
        for func in self.functions.values():
            sorts |= set(func.args) | {func.result}
        return frozenset(sorts)

    def symbol_names(self) -> set[str]:
        return set(self.constants) | set(self.predicates) | set(self.functions)

    def merged(self, other: "Signature") -> "Signature":
        """This signature extended by ``other`` (``other`` wins where both define a name)."""
        return Signature(
            sorts=self.sorts | other.sorts,
            constants={**self.constants, **other.constants},
            predicates={**self.predicates, **other.predicates},
            functions={**self.functions, **other.functions},
        )
