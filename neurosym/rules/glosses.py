"""English through the glosses of a rule file: templates, their checks, and rendering.

A gloss is a template: ``"{0} is an adult"`` for a predicate, ``"the age of {0}"`` (a noun
phrase) or ``"{0} is {value} years old"`` (a sentence about the value) for a function,
plain text for sorts and constants. Slots are ``{0}``, ``{1}``, ... for the arguments and
``{value}`` for a function's value; ``{{`` and ``}}`` are literal braces.

``render_english`` paraphrases a formula through the first gloss of each symbol, and
falls back to LF text for symbols without one:

    forall a: Applicant. age(a) >= 18 -> adult(a)
    for every applicant a, if the age of a is at least 18 then a is an adult

Slots are filled by plain substitution, never by ``str.format``: a gloss is data from a
rule file and must not reach Python's formatting machinery.
"""

from __future__ import annotations

import re
from typing import Sequence

from ..logic import ast
from ..logic.printer import format_number
from ..logic.signature import ENTITY, INT, REAL
from .model import Theory

__all__ = [
    "gloss_slots", "gloss_problem", "fill_gloss", "negate_gloss",
    "render_english", "render_term", "gloss_atom",
]

_PIECE = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")
VALUE_SLOT = "value"


def gloss_slots(template: str) -> tuple[str, ...]:
    """The slot names of a template in order of appearance; ValueError for a stray brace."""
    slots = []
    for match in _PIECE.finditer(template):
        piece = match.group(0)
        if piece in ("{{", "}}"):
            continue
        if match.group(1) is None:
            raise ValueError(f"stray {piece!r} in the gloss; write {piece * 2!r} for a literal brace")
        slots.append(match.group(1))
    return tuple(slots)


def gloss_problem(template: str, *, kind: str, arity: int = 0) -> str | None:
    """What is wrong with a gloss of a ``kind`` symbol ("sort", "constant", "predicate",
    "function") taking ``arity`` arguments, or None when it is fine.

    Argument slots must be ``{0}`` .. ``{arity-1}``, each used; ``{value}`` only in
    function glosses; sorts and constants have no slots.
    """
    try:
        slots = gloss_slots(template)
    except ValueError as exc:
        return str(exc)
    if not template.strip():
        return "the gloss is empty"
    allowed = {str(i) for i in range(arity)}
    if kind == "function":
        allowed.add(VALUE_SLOT)
    for slot in slots:
        if slot in allowed:
            continue
        if slot == VALUE_SLOT:
            return "{value} is only for function glosses (the function's value)"
        if not allowed:
            return f"unknown slot {{{slot}}}: a {kind} gloss has no slots"
        choices = ", ".join("{" + s + "}" for s in sorted(allowed, key=_slot_order))
        return f"unknown slot {{{slot}}}; this {kind} takes {arity} argument" \
               f"{'s' if arity != 1 else ''}, so the slots are {choices}"
    missing = [str(i) for i in range(arity) if str(i) not in slots]
    if missing:
        return f"the gloss does not mention argument {{{missing[0]}}}; every argument needs its slot"
    return None


def _slot_order(slot: str) -> tuple[int, str]:
    return (int(slot), "") if slot.isdigit() else (1 << 30, slot)


def fill_gloss(template: str, args: Sequence[str], value: str | None = None) -> str:
    """The template with ``{i}`` replaced by ``args[i]`` and ``{value}`` by ``value``."""

    def replace(match: re.Match) -> str:
        piece = match.group(0)
        if piece in ("{{", "}}"):
            return piece[0]
        slot = match.group(1)
        if slot is None:
            return piece
        if slot == VALUE_SLOT and value is not None:
            return value
        if slot.isdigit() and int(slot) < len(args):
            return args[int(slot)]
        return piece

    return _PIECE.sub(replace, template)


# Auxiliary verbs after which "not" negates a sentence: "{0} is an adult" -> "{0} is not an adult".
_AUXILIARY = re.compile(r"\b(is|are|was|were|can|will|must|should|may|could|would)\b")


def negate_gloss(template: str) -> str | None:
    """The template negated at its first auxiliary verb, or None when it has none."""
    match = _AUXILIARY.search(template)
    if match is None:
        return None
    word = match.group(1)
    negated = "cannot" if word == "can" else f"{word} not"
    return template[:match.start()] + negated + template[match.end():]


# ------------------------------------------------------------------------ rendering

_COMPARE_PHRASES = {
    "=": "is", "!=": "is not", "<": "is less than", "<=": "is at most",
    ">": "is greater than", ">=": "is at least",
}
_NEGATED_COMPARE = {"=": "!=", "!=": "=", "<": ">=", "<=": ">", ">": "<=", ">=": "<"}
_ARITH_WORDS = {"+": "plus", "-": "minus", "*": "times", "/": "divided by"}

# How tightly each connective binds, to decide where English needs parentheses.
_QUANTIFIER, _IFF, _IMPLIES, _XOR, _OR, _AND, _NOT, _ATOM = range(8)


def _level(node: ast.Formula) -> int:
    if isinstance(node, (ast.Forall, ast.Exists)):
        return _QUANTIFIER
    return {ast.Iff: _IFF, ast.Implies: _IMPLIES, ast.Xor: _XOR, ast.Or: _OR, ast.And: _AND,
            ast.Not: _NOT}.get(type(node), _ATOM)


def _sort_noun(sort: str, theory: Theory | None) -> str:
    if theory is not None and sort in theory.sorts and theory.sorts[sort].glosses:
        return theory.sorts[sort].glosses[0]
    if sort == INT:
        return "integer"
    if sort == REAL:
        return "number"
    # "LoanApplication" -> "loan application"
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", sort).replace("_", " ").lower()


def _article(phrase: str) -> str:
    return "an" if phrase[:1].lower() in "aeiou" else "a"


class _English:
    """A per-node dispatch from LF to English, reading glosses from a theory."""

    def __init__(self, theory: Theory | None) -> None:
        self.theory = theory

    # Symbols and their glosses

    def gloss(self, table: str, name: str, *, with_value: bool | None = None) -> str | None:
        if self.theory is None:
            return None
        decl = getattr(self.theory, table).get(name)
        if decl is None:
            return None
        for template in decl.glosses:
            if with_value is None or (("{value}" in template) == with_value):
                return template
        return None

    # Terms

    def term(self, node: ast.Term) -> str:
        if isinstance(node, ast.Var):
            return node.name
        if isinstance(node, ast.Const):
            return self.gloss("constants", node.name) or node.name
        if isinstance(node, ast.Num):
            return format_number(node.value, real=node.real)
        if isinstance(node, ast.FuncApp):
            return self.function_noun(node.name, [self.term(arg) for arg in node.args])
        if isinstance(node, ast.Neg):
            inner = self.term(node.arg)
            simple = isinstance(node.arg, (ast.Num, ast.Const, ast.Var))
            return f"-{inner}" if simple else f"minus ({inner})"
        if isinstance(node, ast.Arith):
            return f"{self.operand(node.left)} {_ARITH_WORDS[node.op]} {self.operand(node.right)}"
        raise TypeError(f"not an LF term: {node!r}")

    def operand(self, node: ast.Term) -> str:
        text = self.term(node)
        return f"({text})" if isinstance(node, ast.Arith) else text

    # Atoms

    def function_noun(self, name: str, args: Sequence[str]) -> str:
        template = self.gloss("functions", name, with_value=False)
        return fill_gloss(template, args) if template else f"{name}({', '.join(args)})"

    def atom(self, node: ast.Pred, *, negated: bool = False) -> str:
        return self.predicate_sentence(node.name, [self.term(arg) for arg in node.args],
                                       negated=negated)

    def predicate_sentence(self, name: str, args: Sequence[str], *, negated: bool = False) -> str:
        template = self.gloss("predicates", name)
        if template is None:
            text = f"{name}({', '.join(args)})" if args else name
            return f"not {text}" if negated else text
        return self.sentence(template, args, negated=negated)

    def sentence(self, template: str, args: Sequence[str], value: str | None = None, *,
                 negated: bool = False) -> str:
        if negated:
            negative = negate_gloss(template)
            if negative is None:
                return "it is not the case that " + fill_gloss(template, args, value)
            template = negative
        return fill_gloss(template, args, value)

    def compare(self, node: ast.Compare, *, negated: bool = False) -> str:
        left, right, op = node.left, node.right, node.op
        if op in ("=", "!=") and not isinstance(left, ast.FuncApp) and isinstance(right, ast.FuncApp):
            left, right = right, left  # "17 = age(alice)" reads as "alice is 17 years old"
        if op in ("=", "!=") and isinstance(left, ast.FuncApp):
            template = self.gloss("functions", left.name, with_value=True)
            if template is not None:
                args = [self.term(arg) for arg in left.args]
                return self.sentence(template, args, self.term(right), negated=negated != (op == "!="))
        if negated:
            op = _NEGATED_COMPARE[op]
        return f"{self.term(left)} {_COMPARE_PHRASES[op]} {self.term(right)}"

    # Formulas

    def formula(self, node: ast.Formula) -> str:
        if isinstance(node, ast.Pred):
            return self.atom(node)
        if isinstance(node, ast.Compare):
            return self.compare(node)
        if isinstance(node, ast.BoolConst):
            return "true" if node.value else "false"
        if isinstance(node, ast.Not):
            return self.negation(node.arg)
        if isinstance(node, ast.And):
            return self.listing([self.child(arg, _AND) for arg in node.args], "and")
        if isinstance(node, ast.Or):
            return self.listing([self.child(arg, _AND) for arg in node.args], "or")
        if isinstance(node, ast.Xor):
            return (f"either {self.child(node.left, _AND)} or {self.child(node.right, _AND)}"
                    " but not both")
        if isinstance(node, ast.Implies):
            return f"if {self.child(node.left, _IMPLIES)} then {self.child(node.right, _IFF, tail=True)}"
        if isinstance(node, ast.Iff):
            return (f"{self.child(node.left, _IMPLIES)} if and only if "
                    f"{self.child(node.right, _IMPLIES)}")
        if isinstance(node, (ast.Forall, ast.Exists)):
            return self.quantifier(node)
        raise TypeError(f"not an LF formula: {node!r}")

    def child(self, node: ast.Formula, loosest_bare: int, *, tail: bool = False) -> str:
        """A sub-formula, in parentheses unless it binds tighter than ``loosest_bare``.

        At the ``tail`` of a sentence a quantifier needs none: its scope ends there anyway.
        """
        text = self.formula(node)
        level = _level(node)
        bare = level > loosest_bare or (tail and level == _QUANTIFIER)
        return text if bare else f"({text})"

    def negation(self, node: ast.Formula) -> str:
        if isinstance(node, ast.Pred):
            return self.atom(node, negated=True)
        if isinstance(node, ast.Compare):
            return self.compare(node, negated=True)
        return "it is not the case that " + self.child(node, _NOT - 1)

    @staticmethod
    def listing(items: list[str], word: str) -> str:
        """"a", "a and b", "a, b and c"."""
        if len(items) == 1:
            return items[0]
        return f"{', '.join(items[:-1])} {word} {items[-1]}"

    def quantifier(self, node: ast.Quantifier) -> str:
        binders = list(node.binders)
        while type(node.body) is type(node):  # ∀x ∀y (...) reads as one "for every x and y"
            node = node.body
            binders.extend(node.binders)
        phrases = []
        for binder in binders:
            if binder.sort is None or binder.sort == ENTITY:
                phrases.append(binder.name)
            else:
                noun = _sort_noun(binder.sort, self.theory)
                phrases.append(f"{noun} {binder.name}")
        body = self.formula(node.body)
        if isinstance(node, ast.Forall):
            everyone = [phrases[0]] + [f"every {phrase}" for phrase in phrases[1:]]
            return f"for every {self.listing(everyone, 'and')}, {body}"
        described = [f"{_article(p)} {p}" if " " in p else p for p in phrases]
        return f"there is {self.listing(described, 'and')} such that {body}"


def render_english(formula: ast.Formula, theory: Theory | None = None) -> str:
    """A readable English paraphrase of ``formula`` through the glosses of ``theory``.

    The first gloss of each symbol is used; symbols without one appear as LF text. The
    result has no capital letter or full stop added, so it can be embedded.

    >>> render_english(parse_formula("forall a: Applicant. age(a) >= 18 -> adult(a)"), theory)
    'for every applicant a, if the age of a is at least 18 then a is an adult'
    """
    return _English(theory).formula(formula)


def render_term(term: ast.Term, theory: Theory | None = None) -> str:
    """A term as an English noun phrase: ``age(alice)`` -> "the age of Alice"."""
    return _English(theory).term(term)


def gloss_atom(name: str, args: Sequence[ast.Term | str], theory: Theory | None, *,
               value: str | bool | None = None) -> str:
    """English for one predicate or function application, e.g. for witness scenarios.

    ``args`` are terms or already-rendered text. For a predicate, ``value`` False (or
    "false") negates the sentence. For a function, ``value`` gives the sentence about
    the value ("Bob is 17 years old", or "the age of Bob is 17"); without it the noun
    phrase is returned.
    """
    english = _English(theory)
    texts = [arg if isinstance(arg, str) else english.term(arg) for arg in args]
    if theory is not None and name in theory.functions:
        if value is None:
            return english.function_noun(name, texts)
        value_text = str(value).lower() if isinstance(value, bool) else str(value)
        template = english.gloss("functions", name, with_value=True)
        if template is not None:
            return fill_gloss(template, texts, value_text)
        return f"{english.function_noun(name, texts)} is {value_text}"
    negated = value is False or (isinstance(value, str) and value.strip().lower() == "false")
    return english.predicate_sentence(name, texts, negated=negated)
