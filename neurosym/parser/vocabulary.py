"""The target vocabulary of the semantic parser: LF text as a sequence of actions.

The decoder writes a logical form one grammar token at a time. Its actions are:

- **fixed actions**, one per fixed token of grammars/logic.lark in its canonical ASCII
  spelling: ``<end>`` (id 0), the keywords and operators (``forall exists not and or
  xor -> <-> true false = != < <= > >= + - * /``), the punctuation (``( ) , . :``), and
  a small set of **variable names** ``x y z u v w`` (bound variables never come from
  the input, so they are fixed tokens like keywords);
- **copy actions** ``COPY(i) = n_fixed + i``, one per entry of a per-sentence list of
  ``Candidate`` names and numbers: the words of the input sentence (normalized, e.g.
  ``chases`` -> ``chase``), its numbers, and in schema-guided mode the declared symbols
  and sorts of the rule files. Names and numbers are therefore never generated from a
  closed vocabulary: a model scores ``COPY(i)`` with a pointer at the candidate's
  source (an input span, or the encoding of a declared symbol's gloss), so unseen
  words work.

The grammar constraint (``constraint.py``) does not care which candidate is copied,
only whether it is a name or a number; it sees *symbols*: the fixed actions plus two
slot symbols ``NAME`` and ``NUMBER``. ``Vocabulary.symbol_of`` maps an action to its
symbol. A copied name spelled like a variable (``x``) is the variable's symbol.

One token sequence, one text: ``actions_to_lf`` spaces tokens the way
``neurosym.logic.printer.to_text`` does, so the canonical text of a formula
round-trips exactly: ``actions_to_lf(lf_to_actions(t, c), c) == t``.

>>> cands = (Candidate("dog", "NAME"), Candidate("animal", "NAME"))
>>> actions = lf_to_actions("forall x. dog(x) -> animal(x)", cands)
>>> actions_to_lf(actions, cands)
'forall x. dog(x) -> animal(x)'
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Sequence

from ..errors import SourceError, closest_name
from ..logic import ast
from ..logic.ast import is_identifier
from ..logic.parser import lf_parser, number_node, parse_formula

__all__ = [
    "END", "NAME", "NUMBER", "KEYWORD_TOKENS", "VARIABLES",
    "Candidate", "Vocabulary", "VOCABULARY", "TargetError",
    "lf_to_actions", "actions_to_lf", "actions_to_formula", "candidate_index", "canonical_variables",
    "bound_afresh", "variable_renamed",
]

END = "<end>"
NAME = "NAME"
NUMBER = "NUMBER"

# Order is part of a trained model's contract (the output head indexes it): append only.
KEYWORD_TOKENS = (
    "forall", "exists", "not", "and", "or", "xor", "->", "<->", "true", "false",
    "=", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/",
    "(", ")", ",", ".", ":",
)
VARIABLES = ("x", "y", "z", "u", "v", "w")

# The grammar also accepts Unicode spellings; targets use the ASCII ones.
_ASCII_SPELLING = {
    "↔": "<->", "→": "->", "⊕": "xor", "∨": "or", "∧": "and", "¬": "not",
    "∀": "forall", "∃": "exists", "≠": "!=", "≤": "<=", "≥": ">=",
}
_NUMBER_TEXT = re.compile(r"[0-9]+(\.[0-9]+)?\Z")


class TargetError(SourceError):
    """An LF cannot be written as target actions: a name that is not a candidate, or a
    variable outside the vocabulary's variables."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A name or number the decoder may copy into the LF.

    ``span`` is where it comes from in the input sentence (character offsets
    ``(start, end)``), or None for a declared symbol of a rule file; the model uses it
    to point at the candidate's encoder positions.
    """

    text: str
    kind: str  # NAME or NUMBER
    span: tuple[int, int] | None = None

    def __post_init__(self) -> None:
        if self.kind == NAME:
            if not is_identifier(self.text):
                raise ValueError(f"a NAME candidate must be an identifier, got {self.text!r}")
        elif self.kind == NUMBER:
            if not isinstance(self.text, str) or not _NUMBER_TEXT.match(self.text):
                raise ValueError(f"a NUMBER candidate must be a decimal like 17 or 2.5, got {self.text!r}")
        else:
            raise ValueError(f"candidate kind must be {NAME!r} or {NUMBER!r}, got {self.kind!r}")


@dataclass(frozen=True)
class Vocabulary:
    """Fixed actions and slot symbols of the target language (see the module docstring).

    Symbol ids: ``0`` is ``<end>``, then the keyword tokens, then the variables (these
    ``n_fixed`` ids are also the fixed action ids), then ``name_slot`` and
    ``number_slot``. Copy actions start at ``n_fixed``.
    """

    keywords: tuple[str, ...] = KEYWORD_TOKENS
    variables: tuple[str, ...] = VARIABLES
    symbols: tuple[str, ...] = field(init=False, repr=False, compare=False)
    _ids: dict = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for name in self.variables:
            if not is_identifier(name):
                raise ValueError(f"variable {name!r} is not an identifier")
        symbols = (END, *self.keywords, *self.variables, NAME, NUMBER)
        if len(set(symbols)) != len(symbols):
            raise ValueError("vocabulary tokens must be distinct")
        object.__setattr__(self, "symbols", symbols)
        object.__setattr__(self, "_ids", {s: i for i, s in enumerate(symbols)})

    @property
    def n_fixed(self) -> int:
        """Number of fixed actions (``<end>``, keywords, variables); copies start here."""
        return len(self.symbols) - 2

    @property
    def name_slot(self) -> int:
        return len(self.symbols) - 2

    @property
    def number_slot(self) -> int:
        return len(self.symbols) - 1

    def id(self, token: str) -> int:
        """Symbol id of a fixed token, ``NAME`` or ``NUMBER``."""
        try:
            return self._ids[token]
        except KeyError:
            raise KeyError(f"{token!r} is not in the target vocabulary") from None

    def is_variable(self, symbol: int) -> bool:
        return 1 + len(self.keywords) <= symbol < self.n_fixed

    def copy_action(self, index: int) -> int:
        """The action that copies candidate ``index``."""
        return self.n_fixed + index

    def symbol_of(self, action: int, candidates: Sequence[Candidate]) -> int:
        """The constraint symbol of an action: itself when fixed, a slot (or a variable) for a copy."""
        if action < self.n_fixed:
            if action < 0:
                raise IndexError(f"no action {action}")
            return action
        candidate = candidates[action - self.n_fixed]
        if candidate.kind == NUMBER:
            return self.number_slot
        if candidate.text in self.variables:
            return self._ids[candidate.text]
        return self.name_slot

    def action_text(self, action: int, candidates: Sequence[Candidate]) -> str:
        """The LF token an action writes (``<end>`` for the end action)."""
        if action < self.n_fixed:
            if action < 0:
                raise IndexError(f"no action {action}")
            return self.symbols[action]
        return candidates[action - self.n_fixed].text

    def to_dict(self) -> dict:
        """JSON form, saved beside a model's weights so its output head can be checked."""
        return {"keywords": list(self.keywords), "variables": list(self.variables)}

    @classmethod
    def from_dict(cls, data: dict) -> Vocabulary:
        return cls(tuple(data["keywords"]), tuple(data["variables"]))


VOCABULARY = Vocabulary()


def candidate_index(candidates: Sequence[Candidate], text: str, kind: str) -> int | None:
    """Index of the first candidate that writes ``text`` as ``kind``, or None.

    Numbers match by value too (``1.50`` is candidate ``1.5``), as long as both are
    written with a point or both without one.
    """
    for i, candidate in enumerate(candidates):
        if candidate.kind == kind and candidate.text == text:
            return i
    if kind == NUMBER:
        for i, candidate in enumerate(candidates):
            if (candidate.kind == NUMBER and ("." in candidate.text) == ("." in text)
                    and Fraction(candidate.text) == Fraction(text)):
                return i
    return None


def bound_afresh(binders: tuple[ast.Binder, ...], body: ast.Formula, fresh):
    """``binders`` under fresh names, and ``body`` with their variables renamed so."""
    renamed = []
    for binder in binders:
        name = next(fresh)
        body = variable_renamed(body, binder.name, name)
        renamed.append(ast.Binder(name, binder.sort))
    return tuple(renamed), body


def variable_renamed(node: ast.Node, old: str, new: str) -> ast.Node:
    """``node`` with its free variable ``old`` called ``new``."""
    if isinstance(node, ast.Var):
        return ast.Var(new) if node.name == old else node
    if isinstance(node, (ast.Forall, ast.Exists)) and any(binder.name == old for binder in node.binders):
        return node  # bound again here: another variable
    return ast.map_children(node, lambda child: variable_renamed(child, old, new))


def canonical_variables(formula: ast.Formula, variables: Sequence[str] = VARIABLES) -> ast.Formula:
    """The same formula with its bound variables renamed to ``variables``.

    Each quantifier binds, in order, the first variables not bound around it (sibling
    scopes reuse names), skipping names the formula uses for symbols, so nothing is
    captured. Targets written this way spell equal formulas alike. Raises ValueError
    when more variables are bound at once than ``variables`` offers.

    >>> from neurosym.logic.parser import parse_formula
    >>> from neurosym.logic.printer import to_text
    >>> to_text(canonical_variables(parse_formula("forall a: Applicant. exists b. knows(a, b)")))
    'forall x: Applicant. exists y. knows(x, y)'
    """
    usable = [name for name in variables if name not in ast.free_names(formula)]

    def rename(node, mapping: dict[str, str]):
        if isinstance(node, ast.Var):
            return ast.Var(mapping.get(node.name, node.name), span=node.span)
        if isinstance(node, (ast.Forall, ast.Exists)):
            in_use = set(mapping.values())
            fresh = [name for name in usable if name not in in_use][: len(node.binders)]
            if len(fresh) < len(node.binders):
                raise ValueError(f"more than {len(usable)} variables are bound at once; "
                                 "the vocabulary has no names left")
            inner = {**mapping, **{b.name: new for b, new in zip(node.binders, fresh)}}
            binders = tuple(ast.Binder(new, b.sort, span=b.span) for b, new in zip(node.binders, fresh))
            return type(node)(binders, rename(node.body, inner), span=node.span)
        return ast.map_children(node, lambda child: rename(child, mapping))

    return rename(formula, {})


def lf_to_actions(
    text: str,
    candidates: Sequence[Candidate],
    *,
    vocabulary: Vocabulary = VOCABULARY,
    path: str = "<formula>",
) -> tuple[int, ...]:
    """The target action sequence (ending with ``<end>``) that writes an LF formula.

    Names spelled like a vocabulary variable become that variable; every other name and
    every number must be among ``candidates`` (the first match is used). Raises
    ``LogicSyntaxError`` when the text is no formula, ``TargetError`` when a name cannot
    be written or the decoder's constraint would reject the sequence (a variable that is
    not one of ``vocabulary.variables``, a constant named like a variable).

    >>> lf_to_actions("p(7)", (Candidate("p", "NAME"), Candidate("7", "NUMBER")))
    (32, 21, 33, 22, 0)
    """
    parse_formula(text, path=path)  # a clear LogicSyntaxError before anything else
    actions: list[int] = []
    tokens = list(lf_parser().parse_interactive(text).iter_parse())
    for token in tokens:
        if token.type == NAME and token.value in vocabulary.variables:
            actions.append(vocabulary.id(token.value))
        elif token.type in (NAME, NUMBER):
            index = candidate_index(candidates, token.value, token.type)
            if index is None:
                raise _not_a_candidate(token, candidates, text, path)
            actions.append(vocabulary.copy_action(index))
        else:
            actions.append(vocabulary.id(_ASCII_SPELLING.get(token.value, token.value)))
    actions.append(vocabulary.id(END))
    _check_decodable(actions, tokens, candidates, vocabulary, text, path)
    return tuple(actions)


def actions_to_lf(
    actions: Sequence[int],
    candidates: Sequence[Candidate],
    *,
    vocabulary: Vocabulary = VOCABULARY,
) -> str:
    """LF text written by an action sequence, spaced like the canonical printer.

    Everything from the first ``<end>`` on is ignored.
    """
    pieces: list[str] = []
    previous: str | None = None
    previous_unary_minus = False
    previous_applicable = False  # a name that a "(" would apply, not a variable or sort
    for action in actions:
        if action == 0:
            break
        token = vocabulary.action_text(action, candidates)
        pieces.append(_separator(previous, previous_unary_minus, previous_applicable, token))
        pieces.append(token)
        previous_unary_minus = token == "-" and not _ends_operand(previous)
        previous_applicable = (is_identifier(token) and token not in vocabulary.variables
                               and previous != ":")
        previous = token
    return "".join(pieces)


def actions_to_formula(
    actions: Sequence[int],
    candidates: Sequence[Candidate],
    *,
    vocabulary: Vocabulary = VOCABULARY,
) -> ast.Formula:
    """The formula an action sequence writes, without spans: what
    ``parse_formula(actions_to_lf(actions, candidates), spans=False)`` gives, mostly
    without parsing.

    Readings of different sentences mostly share their shape ("forall x. NAME(x) ->
    NAME(x)"; docs/parser.md counts them). So the sequence with each copy replaced by a
    placeholder (its *skeleton*) is parsed once and cached (``skeleton_cache_clear``),
    and the copied names and numbers are put in the placeholders' places. A copy spelled like a variable stays
    itself, as in the text (the constraint then treats it as that variable). A sequence
    that binds a copied name, which the constraint never allows, is parsed as text (its
    name may then be a variable further on). Raises ``LogicSyntaxError`` when the
    sequence writes no formula.
    """
    skeleton: list[str] = []
    filling: list[Candidate] = []
    for action in actions:
        if action == 0:
            break
        symbol = vocabulary.symbol_of(action, candidates)
        if symbol == vocabulary.name_slot:
            skeleton.append(f"{_PLACEHOLDER}{len(filling)}")
        elif symbol == vocabulary.number_slot:
            skeleton.append(str(len(filling)))
        else:
            skeleton.append(vocabulary.action_text(action, candidates))
            continue
        filling.append(candidates[action - vocabulary.n_fixed])
    formula, binds_a_copy = _skeleton_formula(tuple(skeleton))
    if binds_a_copy:
        return parse_formula(actions_to_lf(actions, candidates, vocabulary=vocabulary), spans=False)
    return _filled(formula, [c.text for c in filling])


# Placeholders of copied names: identifiers no candidate can be mistaken for, since the
# skeleton holds no copied text at all; numbers are placeholdered by their index.
_PLACEHOLDER = "__copy"


@functools.lru_cache(maxsize=4096)
def _skeleton_formula(skeleton: tuple[str, ...]) -> tuple[ast.Formula, bool]:
    """The skeleton's formula, and whether a quantifier of it binds a placeholder."""
    formula = parse_formula(" ".join(skeleton), spans=False)
    binds_a_copy = any(binder.name.startswith(_PLACEHOLDER) for node in ast.walk(formula)
                       if isinstance(node, (ast.Forall, ast.Exists)) for binder in node.binders)
    return formula, binds_a_copy


def skeleton_cache_clear() -> None:
    """Forget the parsed skeletons of ``actions_to_formula`` (a benchmark timing cold passes)."""
    _skeleton_formula.cache_clear()


def _filled(node, texts: list[str]):
    """``node`` with each placeholder replaced by the text it stands for."""
    def name(text: str) -> str:  # a variable's name (not bound, where no constraint ruled) stays
        return texts[int(text[len(_PLACEHOLDER):])] if text.startswith(_PLACEHOLDER) else text

    if isinstance(node, ast.Const):
        return ast.Const(name(node.name))
    if isinstance(node, ast.Pred):
        return ast.Pred(name(node.name), tuple(_filled(arg, texts) for arg in node.args))
    if isinstance(node, ast.FuncApp):
        return ast.FuncApp(name(node.name), tuple(_filled(arg, texts) for arg in node.args))
    if isinstance(node, ast.Num):
        return number_node(texts[int(node.value)])
    if isinstance(node, (ast.Forall, ast.Exists)):
        binders = tuple(ast.Binder(b.name, None if b.sort is None else name(b.sort)) for b in node.binders)
        return type(node)(binders, _filled(node.body, texts))
    return ast.map_children(node, lambda child: _filled(child, texts))


def _ends_operand(token: str | None) -> bool:
    """True when an expression can end with ``token``, so a following ``-`` is binary."""
    return token is not None and (
        token in (")", "true", "false") or bool(_NUMBER_TEXT.match(token))
        or is_identifier(token))


def _separator(previous: str | None, previous_unary_minus: bool, previous_applicable: bool,
               token: str) -> str:
    if previous is None or previous == "(" or previous_unary_minus:
        return ""
    if token in (")", ",", ".", ":"):
        return ""
    if token == "(" and previous_applicable:  # an application p(x), not "forall x (...)"
        return ""
    return " "


def _not_a_candidate(token, candidates, text, path) -> TargetError:
    what = "name" if token.type == NAME else "number"
    known = [c.text for c in candidates if c.kind == token.type]
    return TargetError(
        f"the {what} {token.value!r} is not among the copy candidates",
        path=path, line=token.line, column=token.column, source=text,
        suggestion=closest_name(token.value, known),
        hint="add it to the candidates (an input word, or a declared symbol)",
    )


def _check_decodable(actions, tokens, candidates, vocabulary, text, path) -> None:
    """Raise TargetError at the first token the decoder's constraint would not allow."""
    from .constraint import constraint_for  # the constraint is built on this module

    constraint = constraint_for(vocabulary)
    state = constraint.start
    for position, action in enumerate(actions):
        symbol = vocabulary.symbol_of(action, candidates)
        if not constraint.allows(state, symbol):
            token = tokens[min(position, len(tokens) - 1)]
            raise TargetError(
                _why_rejected(token, vocabulary), path=path, line=token.line,
                column=token.column, source=text,
                hint=f"bound variables must be named {', '.join(vocabulary.variables)}, "
                     "and no constant, function, predicate or sort may use those names")
        state = constraint.advance(state, symbol)


def _why_rejected(token, vocabulary: Vocabulary) -> str:
    if token.type == NAME and token.value in vocabulary.variables:
        return f"{token.value!r} is a variable name but is not a bound variable here"
    if token.type == NAME:
        return f"the variable {token.value!r} is not one of the decoder's variables"
    return f"the decoder cannot write {token.value!r} here"  # pragma: no cover - parse_formula agrees
