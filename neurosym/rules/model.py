"""What a rule file says, as immutable data with source positions.

The loader (``neurosym.rules.loader``) builds these from *.rules files; the type checker,
the reasoner, ``neurosym test`` and the explanations read them. Every element remembers
where it was written (``Where``) so that errors and explanations can cite file:line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..logic.ast import Formula
from ..logic.signature import FuncType, PredType, Signature
from ..verdicts import Consistency, Semantics, Verdict

__all__ = [
    "Where", "SortDecl", "ConstDecl", "PredDecl", "FuncDecl", "Rule", "ExampleClaim", "Example",
    "RuleFile", "Theory",
]


@dataclass(frozen=True, slots=True)
class Where:
    """A position in a source file (1-based line and column)."""

    path: str
    line: int
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class SortDecl:
    name: str
    glosses: tuple[str, ...]
    where: Where


@dataclass(frozen=True)
class ConstDecl:
    name: str
    sort: str
    glosses: tuple[str, ...]
    where: Where


@dataclass(frozen=True)
class PredDecl:
    """A predicate; each gloss is a template with slots {0}, {1}, ... for the arguments."""

    name: str
    arg_sorts: tuple[str, ...]
    glosses: tuple[str, ...]
    where: Where


@dataclass(frozen=True)
class FuncDecl:
    """A function; glosses use {0}, {1}, ... for arguments and {value} for the result."""

    name: str
    arg_sorts: tuple[str, ...]
    result_sort: str
    glosses: tuple[str, ...]
    where: Where


@dataclass(frozen=True)
class Rule:
    """A named rule or fact. ``is_fact`` marks facts; unnamed facts get a name from their line."""

    name: str
    description: str | None
    formula: Formula
    where: Where
    is_fact: bool = False


@dataclass(frozen=True)
class ExampleClaim:
    """One ``expect CLAIM => VERDICT`` line of an example."""

    formula: Formula
    expected: Verdict
    where: Where


@dataclass(frozen=True)
class Example:
    """A test case written in a rule file: premises, claims with expected verdicts."""

    name: str
    description: str | None
    givens: tuple[Formula, ...]
    claims: tuple[ExampleClaim, ...]
    expected_consistency: Consistency | None
    semantics: Semantics
    where: Where


@dataclass(frozen=True)
class RuleFile:
    """One parsed rule file, before its includes are resolved."""

    path: str
    source: str
    includes: tuple[tuple[str, Where], ...] = ()
    sorts: tuple[SortDecl, ...] = ()
    constants: tuple[ConstDecl, ...] = ()
    predicates: tuple[PredDecl, ...] = ()
    functions: tuple[FuncDecl, ...] = ()
    rules: tuple[Rule, ...] = ()
    examples: tuple[Example, ...] = ()


@dataclass(frozen=True)
class Theory:
    """Rule files merged with their includes and type-checked: what a reasoner compiles.

    ``files`` lists every file that contributed, includes first. The declarations are
    kept by name so glosses can be found for explanations.
    """

    files: tuple[RuleFile, ...] = ()
    sorts: dict[str, SortDecl] = field(default_factory=dict)
    constants: dict[str, ConstDecl] = field(default_factory=dict)
    predicates: dict[str, PredDecl] = field(default_factory=dict)
    functions: dict[str, FuncDecl] = field(default_factory=dict)
    rules: tuple[Rule, ...] = ()
    examples: tuple[Example, ...] = ()

    @property
    def signature(self) -> Signature:
        return Signature(
            sorts=frozenset(self.sorts),
            constants={name: decl.sort for name, decl in self.constants.items()},
            predicates={name: PredType(decl.arg_sorts) for name, decl in self.predicates.items()},
            functions={name: FuncType(decl.arg_sorts, decl.result_sort)
                       for name, decl in self.functions.items()},
        )

    def rule(self, name: str) -> Rule:
        for rule in self.rules:
            if rule.name == name:
                return rule
        raise KeyError(name)
