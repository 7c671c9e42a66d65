"""Readings that differ only in the order of commutative operands are one meaning.

The beam search scores strings of actions, so "Bob is either red or big." can come out as
``big(bob) xor red(bob)`` (0.989) and ``red(bob) xor big(bob)`` (0.010): one meaning whose
probability is split between two spellings, and the spelling the model preferred is not
the canonical one (operands in the order the sentence says them, docs/generator.md). So
``merge_commuted`` makes one reading of each group of readings equal up to the order of
the operands of ``and``, ``or``, ``xor`` and ``<->``: its probability is the sum of the
group's, and its text is the member whose operands follow the sentence best (fewest
operand pairs out of sentence order, the likelier on ties). It never writes a new LF: it
chooses among the ones the beam found.

>>> from neurosym.logic.parser import parse_formula
>>> meaning_key(parse_formula("big(bob) xor red(bob)")) == meaning_key(parse_formula("red(bob) xor big(bob)"))
True
>>> disorder(parse_formula("big(bob) xor red(bob)"), {"bob": 0, "red": 10, "big": 17})
1
"""

from __future__ import annotations

import dataclasses
import math
import re
from typing import Mapping, Sequence

from ..logic import ast
from ..logic.printer import to_text
from .decoding import Reading

__all__ = ["meaning_key", "token_bag", "disorder", "merge_commuted"]


def meaning_key(formula: ast.Formula) -> str:
    """A text equal for two formulas exactly when they differ only in the order of the
    operands of ``and``, ``or``, ``xor`` and ``<->``."""
    return to_text(_sorted_operands(formula))


_LF_TOKEN = re.compile(r"\w+|[^\w\s]+")


def token_bag(text: str) -> tuple[str, ...]:
    """The tokens of an LF text, sorted: a cheap test before parsing, since readings with
    equal ``meaning_key`` always have equal token bags (the converse need not hold)."""
    return tuple(sorted(_LF_TOKEN.findall(text)))


def _sorted_operands(node: ast.Node) -> ast.Node:
    node = ast.map_children(node, _sorted_operands)
    if isinstance(node, (ast.And, ast.Or)):
        return dataclasses.replace(node, args=tuple(sorted(node.args, key=to_text)))
    if isinstance(node, (ast.Xor, ast.Iff)):
        left, right = sorted((node.left, node.right), key=to_text)
        return dataclasses.replace(node, left=left, right=right)
    return node


def _operands(node: ast.Node) -> tuple[ast.Formula, ...] | None:
    if isinstance(node, (ast.And, ast.Or)):
        return node.args
    if isinstance(node, (ast.Xor, ast.Iff)):
        return node.left, node.right
    return None


def disorder(formula: ast.Formula, positions: Mapping[str, int]) -> int:
    """How many neighbouring commutative operands of ``formula`` the sentence says in the
    other order. An operand is placed by the first position (``positions``: name ->
    character offset of its first mention) of the names only it uses among its siblings;
    operands with no such name are not compared."""
    count = 0
    for node in ast.walk(formula):
        operands = _operands(node)
        if operands is None:
            continue
        names = [ast.free_names(operand) for operand in operands]
        shared = frozenset.intersection(*names)
        places = [min((positions[n] for n in own - shared if n in positions), default=None) for own in names]
        placed = [p for p in places if p is not None]
        count += sum(a > b for a, b in zip(placed, placed[1:]))
    return count


def merge_commuted(readings: Sequence[Reading], positions: Mapping[str, int]) -> list[Reading]:
    """One reading per meaning (see the module docstring), likeliest first."""
    groups: dict[str, list[Reading]] = {}
    for reading in readings:
        groups.setdefault(meaning_key(reading.formula), []).append(reading)
    merged = []
    for members in groups.values():
        chosen = min(members, key=lambda r: (disorder(r.formula, positions), -r.score))
        if len(members) > 1:
            total = math.log(sum(math.exp(r.score) for r in members))
            chosen = dataclasses.replace(chosen, score=min(0.0, total))
        merged.append(chosen)
    merged.sort(key=lambda r: -r.score)
    return merged
