"""Explanations for chaining verdicts: proofs, clashes, and facts written as LF text.

A proof is the walk back from a derived fact through the first derivation of each fact
it used; its evidence is the rules, facts and statements met on the way, leaves first.
Because every fact keeps exactly one derivation, a proof cites exactly the rules its
derivation needed.
"""

from __future__ import annotations

import decimal
from fractions import Fraction
from typing import Iterable

from .chaining_engine import Conflict, Derivation
from .result import EvidenceItem, Statement

__all__ = ["proof_sources", "evidence_of", "key_text", "value_text", "scenario_values",
           "conflict_reason"]


def proof_sources(known: dict, roots: Iterable[Derivation]) -> list:
    """The sources (rules, facts, statements) of the proofs of ``roots``, leaves first."""
    sources: list = []
    seen_sources: set = set()
    seen_keys: set = set()

    def visit(derivation: Derivation) -> None:
        # Derivations only use facts known before them, so the walk is finite and acyclic;
        # an explicit stack keeps deep proofs clear of Python's recursion limit.
        stack = [(derivation, False)]
        while stack:
            current, expanded = stack.pop()
            if expanded:
                if current.source not in seen_sources:
                    seen_sources.add(current.source)
                    sources.append(current.source)
                continue
            stack.append((current, True))
            for key in reversed(current.uses):
                if key not in seen_keys:
                    seen_keys.add(key)
                    stack.append((known[key], False))

    for root in roots:
        visit(root)
    return sources


def evidence_of(sources: Iterable) -> tuple[EvidenceItem, ...]:
    """Evidence items for rules and facts of rule files and for statements."""
    items = []
    for source in sources:
        if isinstance(source, Statement):
            items.append(EvidenceItem.from_statement(source))
        else:
            items.append(EvidenceItem.from_rule(source))
    return tuple(items)


def value_text(value) -> str:
    """A value as LF text: a constant's name or a number (``17``, ``2.5``, ``-3``)."""
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return str(value.numerator)
        with decimal.localcontext() as context:
            context.prec = 40
            return str(decimal.Decimal(value.numerator) / decimal.Decimal(value.denominator))
    return str(value)


def key_text(key: tuple) -> str:
    """A fact key as LF text: ``adult(bob)``, ``not adult(bob)``, or the term ``age(bob)``."""
    name, args = key[1], key[2]
    atom = f"{name}({', '.join(value_text(arg) for arg in args)})" if args else name
    if key[0] is False:
        return f"not {atom}"
    return atom


def scenario_values(known: dict, keys: Iterable[tuple]) -> tuple[tuple[str, str], ...]:
    """(LF text, value) pairs for a scenario: atoms with true/false, terms with their values."""
    values = []
    for key in keys:
        if key[0] == "=":
            values.append((key_text(key), value_text(known[key].value)))
        else:
            atom = key_text((True, key[1], key[2]))
            values.append((atom, "true" if key[0] else "false"))
    return tuple(values)


def conflict_reason(conflict: Conflict, describe) -> str:
    """One line on what clashed; ``describe`` names a rule or statement."""
    keys = conflict.keys
    if not keys:
        return f"the conditions of the constraint {describe(conflict.derivations[0].source)} hold"
    first, second = keys
    if first[0] == "=":
        old, new = (value_text(d.value) for d in conflict.derivations)
        return f"{key_text(first)} gets two values, {old} and {new}"
    return f"both {key_text(first)} and {key_text(second)} follow"
