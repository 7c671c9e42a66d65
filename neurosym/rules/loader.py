"""Reads rule files (grammars/rules.lark) into a type-checked ``Theory``.

Two steps, one per public function:

- ``parse_rule_file(text, path)`` parses one file into a ``RuleFile``: Lark's LALR parser
  over the LF grammar joined with the rule-file grammar, then ``ASTBuilder`` on each
  formula so positions are positions in the rule file. Checks that need only this file
  happen here: string escapes, gloss slots, semantics names, example expectations.
- ``load_theory(paths)`` reads files (UTF-8, at most ``MAX_RULE_FILE_BYTES``), follows
  ``include`` relative to the including file, loads each file once, and then checks the
  whole: include cycles, duplicate names across files, unknown sorts, and the type of
  every rule, fact and example statement. The result's formulas have sorted binders.

Nothing in a rule file is ever evaluated as Python. Every problem is a ``RuleFileError``
(the file cannot be read or parsed) or a ``TypeCheckError`` (it parses but does not make
sense), with file:line:col, the line, a caret and, where one is close, "did you mean".
"""

from __future__ import annotations

import dataclasses
import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedInput, UnexpectedToken

from ..errors import LogicSyntaxError, NeurosymError, RuleFileError, TypeCheckError, closest_name
from ..logic.parser import ASTBuilder, syntax_error_from_lark
from ..logic.signature import BUILTIN_SORTS
from ..logic.typecheck import infer_signature, typecheck
from ..resources import grammar_text
from ..verdicts import Consistency, Semantics, Verdict
from .glosses import gloss_problem
from .model import (ConstDecl, Example, ExampleClaim, FuncDecl, PredDecl, Rule, RuleFile,
                    SortDecl, Theory, Where)

__all__ = ["parse_rule_file", "load_theory", "rule_file_parser", "MAX_RULE_FILE_BYTES"]

# Rule files are hand-written policies; anything bigger is a mistake (a data file, a binary).
MAX_RULE_FILE_BYTES = 2 * 1024 * 1024
# Deeper include chains than this are certainly a mistake, and would exhaust the stack.
MAX_INCLUDE_DEPTH = 64

KEYWORDS = ("include", "sort", "const", "pred", "func", "rule", "fact", "example", "given",
            "expect", "under")
SEMANTICS_NAMES = ("classical", "directional", "closed_world")


@functools.cache
def rule_file_parser() -> Lark:
    """The LALR parser of rule files (cached: building the tables takes a while)."""
    return Lark(
        grammar_text("logic.lark") + "\n" + grammar_text("rules.lark"),
        start="rulefile",
        parser="lalr",
        propagate_positions=True,
        maybe_placeholders=False,
    )


# ------------------------------------------------------------------------ one file


@dataclass(frozen=True)
class _SortUse:
    """A sort named in a declaration, kept with its position to report unknown sorts."""

    sort: str
    where: Where
    declaration: str  # "the constant 'alice'", "argument 1 of 'adult'", ...


@dataclass(frozen=True)
class _ParsedFile:
    rule_file: RuleFile
    sort_uses: tuple[_SortUse, ...]


def parse_rule_file(text: str, path: str) -> RuleFile:
    """Parse the text of one rule file; includes are recorded, not followed.

    >>> parse_rule_file('sort Applicant\\npred adult(Applicant) "{0} is an adult"', "a.rules").predicates
    (PredDecl(name='adult', arg_sorts=('Applicant',), glosses=('{0} is an adult',), ...),)
    """
    return _parse(text, path).rule_file


def _parse(text: str, path: str) -> _ParsedFile:
    if not isinstance(text, str):
        raise TypeError(f"rule file text must be a str, got {type(text).__name__}")
    try:
        tree = rule_file_parser().parse(text)
    except UnexpectedInput as exc:
        raise _syntax_error(exc, text, path) from None
    except RecursionError:
        raise RuleFileError("the file is nested too deeply to parse", path=path) from None
    return _FileBuilder(text, path).build(tree)


# Readable names for the terminals that rules.lark adds to logic.lark.
_RULE_TERMINALS = {
    "VERDICT": "a verdict (ENTAILED, CONTRADICTED, POSSIBLE, IMPOSSIBLE or UNKNOWN)",
    "VERDICT_ARROW": "'=>'", "CONSISTENCY": "CONSISTENT or INCONSISTENT", "VBAR": "'|'",
    "GIVEN": "'given'", "EXPECT": "'expect'", "UNDER": "'under'",
}
_STATEMENT_TERMINALS = {"INCLUDE", "SORT", "CONST", "PRED", "FUNC", "RULE", "FACT", "EXAMPLE"}
_OPERATOR_TERMINALS = {"IFF", "IMP", "XOR", "OR", "AND", "CMP", "ADDOP", "MULOP"}
_NEW_STATEMENT = "a new statement (include, sort, const, pred, func, rule, fact or example)"


def _syntax_error(exc: UnexpectedInput, text: str, path: str) -> RuleFileError:
    """A RuleFileError for Lark's exception, naming rule-file terminals in words."""
    if isinstance(exc, UnexpectedToken) and exc.interactive_parser is not None:
        # LALR merges states, so exc.expected may list terminals that only fit other
        # contexts ("=>" after a fact); trying each terminal on the parser is exact.
        exc.expected = exc.interactive_parser.accepts()
    attribute = "expected" if getattr(exc, "expected", None) else "allowed"
    expected = set(getattr(exc, attribute, None) or ())
    extra = [_RULE_TERMINALS[t] for t in sorted(expected & _RULE_TERMINALS.keys())]
    if expected & _STATEMENT_TERMINALS:
        extra.append(_NEW_STATEMENT)
        expected -= _STATEMENT_TERMINALS | {"$END"}
    if extra and expected & _OPERATOR_TERMINALS:
        # Beside rule-file words, "an operator" says more than a list of eight symbols.
        extra.insert(0, "an operator")
        expected -= _OPERATOR_TERMINALS
    if extra:
        setattr(exc, attribute, expected - _RULE_TERMINALS.keys())
    error = syntax_error_from_lark(exc, text, path, RuleFileError)
    message, suggestion = error.message, None
    if extra:
        joiner = ", " if "; expected " in message else "; expected "
        message += joiner + ", ".join(extra[:-1]) + (" or " if len(extra) > 1 else "") + extra[-1]
    token = getattr(exc, "token", None)
    if isinstance(exc, UnexpectedToken) and token is not None and token.type == "NAME":
        suggestion = closest_name(token.value, KEYWORDS)
    elif isinstance(exc, UnexpectedToken) and token is not None and token.value == "-" \
            and text[:token.start_pos].rstrip().endswith("under closed"):
        suggestion = "closed_world"
    if message == error.message and suggestion is None:
        return error
    return RuleFileError(message, path=path, line=error.line, column=error.column, source=text,
                         suggestion=suggestion)


_ESCAPES = {'"': '"', "\\": "\\", "n": "\n", "t": "\t", "r": "\r"}
_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|.)")


class _FileBuilder:
    """Turns the Lark tree of one rule file into a ``RuleFile``."""

    def __init__(self, text: str, path: str) -> None:
        self.text = text
        self.path = path
        self.basename = Path(path).name or path
        self.formulas = ASTBuilder(text, path)
        self.sort_uses: list[_SortUse] = []

    # Positions and errors

    def where(self, item) -> Where:
        if isinstance(item, Token):
            return Where(self.path, item.line, item.column)
        return Where(self.path, item.meta.line, item.meta.column)

    def error(self, item, message: str, *, suggestion: str | None = None,
              hint: str | None = None) -> RuleFileError:
        where = self.where(item)
        return RuleFileError(message, path=self.path, line=where.line, column=where.column,
                             source=self.text, suggestion=suggestion, hint=hint)

    # The file

    def build(self, tree: Tree) -> _ParsedFile:
        parts: dict[str, list] = {kind: [] for kind in
                                  ("include", "sort", "const", "pred", "func", "rule", "example")}
        handlers = {
            "include": ("include", self.include), "sort_decl": ("sort", self.sort_decl),
            "const_decl": ("const", self.const_decl), "pred_decl": ("pred", self.pred_decl),
            "func_decl": ("func", self.func_decl), "rule": ("rule", self.rule),
            "fact": ("rule", self.fact), "example": ("example", self.example),
        }
        for item in tree.children:
            kind, handler = handlers[item.data]
            parts[kind].append(handler(item))
        rule_file = RuleFile(
            path=self.path, source=self.text, includes=tuple(parts["include"]),
            sorts=tuple(parts["sort"]), constants=tuple(parts["const"]),
            predicates=tuple(parts["pred"]), functions=tuple(parts["func"]),
            rules=tuple(parts["rule"]), examples=tuple(parts["example"]),
        )
        return _ParsedFile(rule_file, tuple(self.sort_uses))

    # Pieces

    def string(self, token: Token) -> str:
        """The text of a STRING token, escapes resolved (\\" \\\\ \\n \\t \\r \\uXXXX)."""

        def replace(match: re.Match) -> str:
            code = match.group(1)
            if code in _ESCAPES:
                return _ESCAPES[code]
            if len(code) == 5 and not 0xD800 <= int(code[1:], 16) <= 0xDFFF:
                return chr(int(code[1:], 16))
            offset = 1 + match.start()  # the opening quote comes first
            column = token.column + offset
            raise RuleFileError(
                f"unknown escape '\\{code[0]}' in a string", path=self.path, line=token.line,
                column=column, source=self.text,
                hint='the escapes are \\" \\\\ \\n \\t \\r and \\uXXXX (four hex digits)')

        return _ESCAPE.sub(replace, token.value[1:-1])

    def formula(self, tree):
        try:
            return self.formulas.formula(tree)
        except LogicSyntaxError as exc:
            # Inside a rule file every parse problem is a RuleFileError.
            raise RuleFileError(exc.message, path=self.path, line=exc.line, column=exc.column,
                                source=self.text, suggestion=exc.suggestion, hint=exc.hint) from None
        except RecursionError:
            raise self.error(tree, "this formula is nested too deeply to parse") from None

    def glosses(self, tree: Tree | None, *, kind: str, name: str, arity: int = 0) -> tuple[str, ...]:
        if tree is None:
            return ()
        texts = []
        for token in tree.children:
            text = self.string(token)
            problem = gloss_problem(text, kind=kind, arity=arity)
            if problem is not None:
                raise self.error(token, f"bad gloss for the {kind} '{name}': {problem}")
            texts.append(text)
        return tuple(texts)

    def sort_use(self, token: Token, declaration: str) -> str:
        self.sort_uses.append(_SortUse(token.value, self.where(token), declaration))
        return token.value

    @staticmethod
    def split(tree: Tree) -> tuple[list[Token], dict[str, Tree]]:
        """The tokens of a node and its sub-trees by rule name."""
        tokens = [c for c in tree.children if isinstance(c, Token)]
        subtrees = {c.data: c for c in tree.children if isinstance(c, Tree)}
        return tokens, subtrees

    # Declarations

    def include(self, tree: Tree) -> tuple[str, Where]:
        token = tree.children[0]
        target = self.string(token)
        if not target.strip():
            raise self.error(token, "include needs a file name")
        return target, self.where(tree)

    def sort_decl(self, tree: Tree) -> SortDecl:
        (name, *_), subtrees = self.split(tree)
        glosses = self.glosses(subtrees.get("glosses"), kind="sort", name=name.value)
        return SortDecl(name.value, glosses, self.where(tree))

    def const_decl(self, tree: Tree) -> ConstDecl:
        (name, sort), subtrees = self.split(tree)
        glosses = self.glosses(subtrees.get("glosses"), kind="constant", name=name.value)
        sort_name = self.sort_use(sort, f"the constant '{name.value}'")
        return ConstDecl(name.value, sort_name, glosses, self.where(tree))

    def arg_sorts(self, tree: Tree | None, name: str) -> tuple[str, ...]:
        if tree is None:
            return ()
        return tuple(self.sort_use(token, f"argument {i + 1} of '{name}'")
                     for i, token in enumerate(tree.children))

    def pred_decl(self, tree: Tree) -> PredDecl:
        (name, *_), subtrees = self.split(tree)
        args = self.arg_sorts(subtrees.get("sort_list"), name.value)
        glosses = self.glosses(subtrees.get("glosses"), kind="predicate", name=name.value,
                               arity=len(args))
        return PredDecl(name.value, args, glosses, self.where(tree))

    def func_decl(self, tree: Tree) -> FuncDecl:
        (name, _arrow, result), subtrees = self.split(tree)
        args = self.arg_sorts(subtrees.get("sort_list"), name.value)
        result_sort = self.sort_use(result, f"the value of '{name.value}'")
        glosses = self.glosses(subtrees.get("glosses"), kind="function", name=name.value,
                               arity=len(args))
        return FuncDecl(name.value, args, result_sort, glosses, self.where(tree))

    # Rules, facts, examples

    def rule(self, tree: Tree) -> Rule:
        name, *rest = tree.children
        description = self.string(rest[0]) if len(rest) == 2 else None
        return Rule(name.value, description, self.formula(rest[-1]), self.where(tree))

    def fact(self, tree: Tree) -> Rule:
        where = self.where(tree)
        if len(tree.children) == 2:
            name = tree.children[0].children[0].value
        else:
            name = f"fact@{self.basename}:{where.line}"
        return Rule(name, None, self.formula(tree.children[-1]), where, is_fact=True)

    def example(self, tree: Tree) -> Example:
        where = self.where(tree)
        name, description, semantics = f"example@{self.basename}:{where.line}", None, Semantics.CLASSICAL
        givens, claims, consistency, consistency_token = [], [], None, None
        for child in tree.children:
            if isinstance(child, Token):
                if child.type == "NAME":
                    name = child.value
                else:
                    description = self.string(child)
            elif child.data == "semantics":
                semantics = self.semantics(child.children[0])
            elif child.data == "given":
                givens.append(self.formula(child.children[0]))
            elif child.data == "expect_claim":
                formula, _arrow, verdict = child.children
                claims.append(ExampleClaim(self.formula(formula), Verdict(verdict.value), self.where(child)))
            else:  # expect_set
                token = child.children[0]
                if consistency is not None:
                    raise self.error(child, f"the example '{name}' already expects {consistency.value} "
                                            f"(line {consistency_token.line})")
                consistency, consistency_token = Consistency(token.value), token
        if not claims and consistency is None:
            raise self.error(tree, f"the example '{name}' expects nothing",
                             hint="add 'expect CLAIM => VERDICT' or 'expect CONSISTENT'")
        return Example(name, description, tuple(givens), tuple(claims), consistency, semantics, where)

    def semantics(self, token: Token) -> Semantics:
        try:
            return Semantics.parse(token.value)
        except NeurosymError:
            raise self.error(token, f"unknown semantics '{token.value}'",
                             suggestion=closest_name(token.value, SEMANTICS_NAMES),
                             hint="choose classical, directional or closed_world") from None


# ------------------------------------------------------------------------ reading files


def _cannot_read(problem: str, display: str, site: tuple[Where, str] | None) -> RuleFileError:
    """An unreadable file; the error points at the include that named it, if any."""
    if site is None:
        return RuleFileError(f"cannot read the rule file: {problem}", path=display)
    where, source = site
    return RuleFileError(f"cannot include '{display}': {problem}", path=where.path,
                         line=where.line, column=where.column, source=source)


def _resolve(path: Path, display: str, site: tuple[Where, str] | None) -> Path:
    """The absolute path that identifies a file, so each file is loaded once."""
    try:
        return path.resolve()
    except (OSError, ValueError) as exc:  # ValueError: a NUL character in the name
        raise _cannot_read(str(exc), display, site) from None


def _read(path: Path, display: str, site: tuple[Where, str] | None) -> str:
    """The text of a rule file: UTF-8 (a BOM is allowed), at most MAX_RULE_FILE_BYTES."""
    try:
        if path.is_dir():
            raise _cannot_read("it is a directory", display, site)
        size = path.stat().st_size
        if size > MAX_RULE_FILE_BYTES:
            raise _cannot_read(f"it is {size:,} bytes, more than the limit of "
                               f"{MAX_RULE_FILE_BYTES:,}", display, site)
        data = path.read_bytes()
    except FileNotFoundError:
        raise _cannot_read("no such file", display, site) from None
    except (OSError, ValueError) as exc:
        raise _cannot_read(getattr(exc, "strerror", None) or str(exc), display, site) from None
    if len(data) > MAX_RULE_FILE_BYTES:  # the file grew while we looked
        raise _cannot_read(f"it is more than the limit of {MAX_RULE_FILE_BYTES:,} bytes",
                           display, site)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise RuleFileError(f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x})",
                            path=display, line=line, column=column,
                            hint="save it as UTF-8") from None


class _FileLoader:
    """Loads rule files with their includes, each file once, includes before includers."""

    def __init__(self) -> None:
        self.loaded: set[Path] = set()
        self.files: list[_ParsedFile] = []
        self.chain: list[tuple[Path, str]] = []  # the includes being followed right now

    def load(self, path: Path, display: str, site: tuple[Where, str] | None = None) -> None:
        key = _resolve(path, display, site)
        if key in self.loaded:
            return
        for position, (open_key, _) in enumerate(self.chain):
            if open_key == key:
                cycle = " -> ".join([d for _, d in self.chain[position:]] + [display])
                where, source = site
                raise RuleFileError(f"include cycle: {cycle}", path=where.path, line=where.line,
                                    column=where.column, source=source)
        if len(self.chain) >= MAX_INCLUDE_DEPTH:
            where, source = site
            raise RuleFileError(f"includes are nested more than {MAX_INCLUDE_DEPTH} deep",
                                path=where.path, line=where.line, column=where.column, source=source)
        text = _read(path, display, site)
        parsed = _parse(text, display)
        self.chain.append((key, display))
        for target, where in parsed.rule_file.includes:
            target_display = os.path.normpath(os.path.join(os.path.dirname(display), target))
            self.load(path.parent / target, target_display, (where, text))
        self.chain.pop()
        self.loaded.add(key)
        self.files.append(parsed)


# ------------------------------------------------------------------------ the theory


def load_theory(paths: Iterable[str | os.PathLike] | str | os.PathLike) -> Theory:
    """Load rule files with their includes into one type-checked ``Theory``.

    >>> theory = load_theory(["rules/lending.rules"])
    >>> theory.rule("adult_by_age").formula.binders[0].sort
    'Applicant'
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    loader = _FileLoader()
    for path in paths:
        loader.load(Path(path), str(path))
    return _check_theory(loader.files)


class _Names:
    """One namespace of a theory, reporting a duplicate with both positions."""

    def __init__(self, sources: dict[str, str]) -> None:
        self.sources = sources
        self.first: dict[str, tuple[str, Where]] = {}

    def add(self, kind: str, name: str, where: Where) -> None:
        if name in self.first:
            first_kind, first_where = self.first[name]
            also = "" if first_kind == kind else f" as a {first_kind}"
            raise TypeCheckError(
                f"duplicate name '{name}': first declared{also} at {first_where.path}:{first_where.line}",
                path=where.path, line=where.line, column=where.column,
                source=self.sources.get(where.path))
        self.first[name] = (kind, where)


def _check_theory(files: list[_ParsedFile]) -> Theory:
    sources = {parsed.rule_file.path: parsed.rule_file.source for parsed in files}
    sorts, symbols, rules, examples = (_Names(sources) for _ in range(4))
    theory_sorts, constants, predicates, functions = {}, {}, {}, {}
    for parsed in files:
        rf = parsed.rule_file
        for decl in rf.sorts:
            if decl.name in BUILTIN_SORTS:
                raise TypeCheckError(f"'{decl.name}' is a built-in sort; it needs no declaration",
                                     path=decl.where.path, line=decl.where.line,
                                     column=decl.where.column, source=rf.source)
            sorts.add("sort", decl.name, decl.where)
            theory_sorts[decl.name] = decl
        for kind, decls, table in (("constant", rf.constants, constants),
                                   ("predicate", rf.predicates, predicates),
                                   ("function", rf.functions, functions)):
            for decl in decls:
                symbols.add(kind, decl.name, decl.where)
                table[decl.name] = decl
        for rule in rf.rules:
            rules.add("fact" if rule.is_fact else "rule", rule.name, rule.where)
        for example in rf.examples:
            examples.add("example", example.name, example.where)

    known_sorts = set(theory_sorts) | BUILTIN_SORTS
    for parsed in files:
        for use in parsed.sort_uses:
            if use.sort not in known_sorts:
                raise TypeCheckError(
                    f"unknown sort '{use.sort}' in {use.declaration}", path=use.where.path,
                    line=use.where.line, column=use.where.column, source=sources[use.where.path],
                    suggestion=closest_name(use.sort, known_sorts),
                    hint=None if closest_name(use.sort, known_sorts) else f"declare it: sort {use.sort}")

    draft = Theory(sorts=theory_sorts, constants=constants, predicates=predicates, functions=functions)
    signature = draft.signature
    checked_files = tuple(_check_file(parsed.rule_file, signature) for parsed in files)
    return dataclasses.replace(
        draft, files=checked_files,
        rules=tuple(rule for rf in checked_files for rule in rf.rules),
        examples=tuple(example for rf in checked_files for example in rf.examples),
    )


def _check_file(rf: RuleFile, signature) -> RuleFile:
    """The file with every rule, fact and example statement type-checked (binders sorted)."""
    rules = tuple(
        dataclasses.replace(rule, formula=typecheck(rule.formula, signature, path=rf.path,
                                                    source=rf.source))
        for rule in rf.rules
    )
    examples = []
    for example in rf.examples:
        # An example may name individuals of its own (its sorts come from their use),
        # but not new predicates or functions: those are typos of declared ones.
        statements = [(f, rf.path, rf.source) for f in example.givens]
        statements += [(claim.formula, rf.path, rf.source) for claim in example.claims]
        local = infer_signature(statements, base=signature, allow_new_symbols=False)
        givens = tuple(typecheck(f, local, path=rf.path, source=rf.source) for f in example.givens)
        claims = tuple(dataclasses.replace(c, formula=typecheck(c.formula, local, path=rf.path,
                                                                source=rf.source))
                       for c in example.claims)
        examples.append(dataclasses.replace(example, givens=givens, claims=claims))
    return dataclasses.replace(rf, rules=rules, examples=tuple(examples))
