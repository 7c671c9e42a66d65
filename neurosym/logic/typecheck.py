"""Type checking of LF formulas against a signature, and signatures inferred from use.

Sorts are the user's sorts (``Applicant``), ``Int`` and ``Real``. The rules:

- a predicate or function takes as many arguments as its type says, each of its sort;
  an ``Int`` term may stand where a ``Real`` is expected, not the other way round;
- ``=`` and ``!=`` compare terms of one sort (two individuals of the same sort, or two
  numbers); ``< <= > >=`` and ``+ - * /`` take numbers only; Int and Real mix freely
  there, and ``/`` is real division;
- a name is a constant, a predicate or a function, never two of these;
- every variable has one sort: the one written at its binder, or else the one its uses
  imply. A variable no use constrains gets the theory's only user sort; with several
  user sorts the formula must say (``forall x: Applicant. ...``).

Inference is unification: each variable (and, in ``infer_signature``, each argument and
result of a symbol not yet declared) is a ``_SortVar``; comparisons and argument
positions merge them or pin them to a sort, and a clash is a ``TypeCheckError`` at the
node where it shows up.

``typecheck`` returns the formula with every binder's sort filled in, so later stages
(the reasoner, the printer) always see sorted binders.
"""

from __future__ import annotations

import dataclasses
from typing import Iterable, Iterator

from ..errors import TypeCheckError, closest_name
from . import ast
from .printer import to_text
from .signature import ENTITY, INT, NUMERIC_SORTS, REAL, FuncType, PredType, Signature

__all__ = ["typecheck", "infer_signature"]

# The kind of a sort variable known to be a number, Int or Real still open.
_NUMBER = "<number>"


class _SortVar:
    """An unknown sort, merged with others by union-find.

    ``kind`` is None (nothing known), ``_NUMBER``, or a user sort. For numbers,
    ``needs_int`` records an Int argument position (which a Real cannot fill) and
    ``prefers_real`` a decimal literal, ``/`` or a Real position; Int wins when both.
    ``origin`` says where the kind was learned, for error messages.
    """

    __slots__ = ("label", "parent", "kind", "needs_int", "prefers_real", "origin")

    def __init__(self, label: str) -> None:
        self.label = label
        self.parent: _SortVar | None = None
        self.kind: str | None = None
        self.needs_int = False
        self.prefers_real = False
        self.origin: str | None = None

    def root(self) -> "_SortVar":
        node = self
        while node.parent is not None:
            node = node.parent
        if node is not self:  # path compression keeps chains short
            self.parent = node
        return node


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def _with_article(sort: str) -> str:
    return f"{_article(sort)} {sort}"


class _Inference:
    """Walks formulas, collecting and checking sort constraints.

    In strict mode (``typecheck``) every symbol must be in the signature. In inferring
    mode (``infer_signature``) unknown constants always get a sort variable, unknown
    predicates and functions only when ``allow_new_symbols``.
    """

    def __init__(self, signature: Signature, *, inferring: bool, allow_new_symbols: bool,
                 open_mode: bool) -> None:
        self.signature = signature
        self.inferring = inferring
        self.allow_new_symbols = allow_new_symbols
        self.open_mode = open_mode
        self.known_sorts = signature.mentioned_sorts
        self.new_sorts: set[str] = set()
        self.new_constants: dict[str, _SortVar] = {}
        # New symbols' types hold _SortVars until infer_signature resolves them.
        self.new_predicates: dict[str, PredType] = {}
        self.new_functions: dict[str, FuncType] = {}
        self.first_use: dict[str, tuple[str, str]] = {}  # name -> (role, where)
        self.binder_sorts: list[str | _SortVar] = []  # in traversal order, for the rebuild
        self.binder_nodes: list[ast.Binder] = []
        self.path = "<formula>"
        self.source: str | None = None

    # ------------------------------------------------------------ errors and positions

    def error(self, node, message: str, *, suggestion: str | None = None,
              hint: str | None = None) -> TypeCheckError:
        span = getattr(node, "span", None)
        return TypeCheckError(
            message, path=self.path, line=span.line if span else None,
            column=span.column if span else None, source=self.source if span else None,
            suggestion=suggestion, hint=hint,
        )

    def where(self, node) -> str:
        span = getattr(node, "span", None)
        if span is None:
            return self.path
        return f"{self.path}:{span.line}:{span.column}"

    def show(self, node) -> str:
        """The node as the user wrote it (from the source), or printed as LF."""
        span = getattr(node, "span", None)
        if span is not None and self.source is not None and span.end_pos > span.start_pos:
            return repr(self.source[span.start_pos:span.end_pos])
        try:
            return repr(to_text(node))
        except ValueError:  # a hand-built, ill-scoped tree the printer refuses
            return repr(getattr(node, "name", type(node).__name__))

    def describe(self, sort: "str | _SortVar") -> str:
        if isinstance(sort, str):
            return _with_article(sort)
        root = sort.root()
        if root.kind is None:
            return "of unknown sort"
        if root.kind == _NUMBER:
            return "a number"
        return _with_article(root.kind)

    def because(self, sort: "str | _SortVar") -> str:
        if isinstance(sort, _SortVar) and sort.root().origin:
            return f" (from {sort.root().origin})"
        return ""

    # ------------------------------------------------------------ unification

    def set_kind(self, var: _SortVar, kind: str, origin: str) -> None:
        root = var.root()
        if root.kind is None:
            root.kind = kind
            root.origin = origin

    def unify(self, left: "str | _SortVar", right: "str | _SortVar", node, what: str) -> None:
        """Both sides must have one sort (numbers mix): ``=``, ``!=``, new symbols' slots."""
        if isinstance(left, str) and isinstance(right, str):
            if left == right or (left in NUMERIC_SORTS and right in NUMERIC_SORTS):
                return
            raise self.error(node, f"{what}: cannot compare {_with_article(left)} with "
                                   f"{_with_article(right)}")
        if isinstance(left, str):
            left, right = right, left
        if isinstance(right, str):
            self.pin(left, right, node, what, exact=False)
            return
        a, b = left.root(), right.root()
        if a is b:
            return
        if a.kind is not None and b.kind is not None and a.kind != b.kind:
            raise self.error(node, f"{what}: {left.label} is {self.describe(a)}{self.because(a)}, "
                                   f"but {right.label} is {self.describe(b)}{self.because(b)}")
        b.parent = a
        if a.kind is None:
            a.kind, a.origin = b.kind, b.origin
        a.needs_int |= b.needs_int
        a.prefers_real |= b.prefers_real

    def pin(self, var: _SortVar, sort: str, node, what: str, *, exact: bool) -> None:
        """``var`` must be ``sort``; ``exact`` for argument positions (Int stays Int)."""
        root = var.root()
        kind = _NUMBER if sort in NUMERIC_SORTS else sort
        if root.kind is not None and root.kind != kind:
            found = f"{var.label} is {self.describe(root)}{self.because(root)}"
            if exact:
                raise self.error(node, f"{what} must be {_with_article(sort)}, but {found}")
            raise self.error(node, f"{what}: cannot compare {_with_article(sort)} with {var.label}, "
                                   f"which is {self.describe(root)}{self.because(root)}")
        self.set_kind(root, kind, f"{what} at {self.where(node)}")
        if sort == INT and exact:
            root.needs_int = True
        elif sort == REAL:
            root.prefers_real = True

    def expect(self, actual: "str | _SortVar", expected: "str | _SortVar", node, what: str) -> None:
        """The term of sort ``actual`` fills a position of sort ``expected``."""
        if isinstance(expected, _SortVar):
            self.unify(actual, expected, node, what)
        elif isinstance(actual, _SortVar):
            self.pin(actual, expected, node, what, exact=True)
        elif actual != expected and not (actual == INT and expected == REAL):
            raise self.error(node, f"{what} must be {_with_article(expected)}, but {self.show(node)} "
                                   f"is {_with_article(actual)}")

    def numeric(self, sort: "str | _SortVar", node, what: str) -> None:
        if isinstance(sort, str):
            if sort not in NUMERIC_SORTS:
                raise self.error(node, f"{what} needs numbers, but {self.show(node)} is "
                                       f"{_with_article(sort)}")
            return
        root = sort.root()
        if root.kind is not None and root.kind != _NUMBER:
            raise self.error(node, f"{what} needs numbers, but {sort.label} is "
                                   f"{self.describe(root)}{self.because(root)}")
        self.set_kind(root, _NUMBER, f"{what} at {self.where(node)}")

    def join_numbers(self, left: "str | _SortVar", right: "str | _SortVar", *, real: bool) -> "str | _SortVar":
        """The sort of an arithmetic result (both operands already known to be numbers)."""
        if isinstance(left, str) and isinstance(right, str):
            return REAL if real or REAL in (left, right) else INT
        if isinstance(left, str):
            left, right = right, left
        root = left.root()
        if isinstance(right, str):
            root.prefers_real |= right == REAL or real
            return root
        other = right.root()
        if other is not root:
            other.parent = root
            root.needs_int |= other.needs_int
            root.prefers_real |= other.prefers_real
        root.prefers_real |= real
        return root

    # ------------------------------------------------------------ symbols

    def candidates(self, *kinds: str) -> set[str]:
        names: set[str] = set()
        for kind in kinds:
            if kind == "constant":
                names |= set(self.signature.constants) | set(self.new_constants)
            elif kind == "predicate":
                names |= set(self.signature.predicates) | set(self.new_predicates)
            elif kind == "function":
                names |= set(self.signature.functions) | set(self.new_functions)
        return names

    def role_of(self, name: str) -> tuple[str, str] | None:
        """What ``name`` already is ("constant", "predicate", "function") and where from."""
        sig = self.signature
        if name in sig.constants:
            return "constant", "the signature"
        if name in sig.predicates:
            return "predicate", "the signature"
        if name in sig.functions:
            return "function", "the signature"
        return self.first_use.get(name)

    def misuse(self, node, name: str, wanted: str, role: tuple[str, str]) -> TypeCheckError:
        """``name`` is already a ``role[0]`` but stands here as a ``wanted``."""
        kind, origin = role
        used = "" if origin == "the signature" else f" (as used at {origin})"
        if kind == "function":
            arity = self.arity_of(name)
            what = f"a function of {arity} argument{'s' if arity != 1 else ''}"
        else:
            what = f"a {kind}"
        messages = {
            "term": f"'{name}' is {what}{used}, not a term",
            "predicate": f"'{name}' is {what}{used}, not a statement",
            "function": f"'{name}' is {what}{used}, not a function",
        }
        hints = {
            ("function", "term"): f"apply it to arguments: {name}(...)",
            ("function", "predicate"): f"compare its value, e.g. {name}(...) >= 1",
            ("predicate", "function"): "a predicate makes a statement; it has no value to use as a term",
            ("constant", "function"): "a constant takes no arguments",
        }
        return self.error(node, messages[wanted], hint=hints.get((kind, wanted)))

    def arity_of(self, name: str) -> int:
        for table in (self.signature.predicates, self.signature.functions,
                      self.new_predicates, self.new_functions):
            if name in table:
                return len(table[name].args)
        return 0

    def undeclared(self, node, kind: str, name: str) -> TypeCheckError:
        near = closest_name(name, self.candidates(kind)) or closest_name(
            name, self.candidates("constant", "predicate", "function"))
        hints = {
            "constant": f"declare it, e.g. 'const {name}: SomeSort'",
            "predicate": f"declare it, e.g. 'pred {name}(SomeSort)'",
            "function": f"declare it, e.g. 'func {name}(SomeSort) -> Int'",
        }
        return self.error(node, f"undeclared {kind} '{name}'", suggestion=near,
                          hint=None if near else hints[kind])

    def symbol_type(self, node, kind: str):
        """The type of the constant, predicate or function ``node`` names: its sort, a
        ``PredType`` or a ``FuncType`` (with ``_SortVar`` parts while still inferred).

        A name not declared yet becomes a new symbol in inferring mode (predicates and
        functions only with ``allow_new_symbols``), typed from this first use.
        """
        name = node.name
        declared = {"constant": self.signature.constants, "predicate": self.signature.predicates,
                    "function": self.signature.functions}[kind]
        if name in declared:
            return declared[name]
        new = {"constant": self.new_constants, "predicate": self.new_predicates,
               "function": self.new_functions}[kind]
        if name in new:
            return new[name]
        role = self.role_of(name)
        if role is not None:
            raise self.misuse(node, name, "term" if kind == "constant" else kind, role)
        if not (self.inferring and (kind == "constant" or self.allow_new_symbols)):
            raise self.undeclared(node, kind, name)
        if kind == "constant":
            new[name] = _SortVar(f"the constant '{name}'")
        else:
            slots = tuple(_SortVar(f"argument {i + 1} of '{name}'") for i in range(len(node.args)))
            result = _SortVar(f"the value of '{name}'")
            new[name] = PredType(slots) if kind == "predicate" else FuncType(slots, result)
        self.first_use[name] = (kind, self.where(node))
        return new[name]

    def check_arity(self, node, kind: str, expected: int) -> None:
        given = len(node.args)
        if given != expected:
            plural = "s" if expected != 1 else ""
            first = self.first_use.get(node.name)
            origin = f" (as first used at {first[1]})" if first else ""
            raise self.error(node, f"{kind} '{node.name}' takes {expected} argument{plural}{origin}, "
                                   f"but is given {given}")

    def check_sort_name(self, binder: ast.Binder) -> str:
        sort = binder.sort
        if sort in self.known_sorts or sort in self.new_sorts:
            return sort
        if self.open_mode:
            self.new_sorts.add(sort)
            return sort
        raise self.error(binder, f"unknown sort '{sort}' for the variable '{binder.name}'",
                         suggestion=closest_name(sort, self.known_sorts))

    # ------------------------------------------------------------ the walk

    def formula(self, node: ast.Formula, env: dict[str, "str | _SortVar"]) -> None:
        if isinstance(node, ast.Pred):
            types = self.symbol_type(node, "predicate").args
            self.check_arity(node, "predicate", len(types))
            for i, (arg, expected) in enumerate(zip(node.args, types)):
                self.expect(self.term(arg, env), expected, arg, f"argument {i + 1} of '{node.name}'")
        elif isinstance(node, ast.Compare):
            left, right = self.term(node.left, env), self.term(node.right, env)
            if node.op in ("=", "!="):
                self.unify(left, right, node, f"'{node.op}'")
            else:
                self.numeric(left, node.left, f"'{node.op}'")
                self.numeric(right, node.right, f"'{node.op}'")
                self.join_numbers(left, right, real=False)
        elif isinstance(node, ast.BoolConst):
            pass
        elif isinstance(node, ast.Not):
            self.formula(node.arg, env)
        elif isinstance(node, (ast.And, ast.Or)):
            for arg in node.args:
                self.formula(arg, env)
        elif isinstance(node, (ast.Xor, ast.Implies, ast.Iff)):
            self.formula(node.left, env)
            self.formula(node.right, env)
        elif isinstance(node, (ast.Forall, ast.Exists)):
            inner = dict(env)
            for binder in node.binders:
                sort = self.check_sort_name(binder) if binder.sort else _SortVar(f"the variable '{binder.name}'")
                self.binder_sorts.append(sort)
                self.binder_nodes.append(binder)
                inner[binder.name] = sort
            self.formula(node.body, inner)
        else:
            raise TypeError(f"expected a Formula, got {type(node).__name__}")

    def term(self, node: ast.Term, env: dict[str, "str | _SortVar"]) -> "str | _SortVar":
        if isinstance(node, ast.Var):
            if node.name not in env:
                raise self.error(node, f"the variable '{node.name}' is not bound by a quantifier")
            return env[node.name]
        if isinstance(node, ast.Const):
            return self.symbol_type(node, "constant")
        if isinstance(node, ast.Num):
            return REAL if node.real else INT
        if isinstance(node, ast.FuncApp):
            func = self.symbol_type(node, "function")
            self.check_arity(node, "function", len(func.args))
            for i, (arg, expected) in enumerate(zip(node.args, func.args)):
                self.expect(self.term(arg, env), expected, arg, f"argument {i + 1} of '{node.name}'")
            return func.result
        if isinstance(node, ast.Neg):
            sort = self.term(node.arg, env)
            self.numeric(sort, node.arg, "'-'")
            return sort
        if isinstance(node, ast.Arith):
            left, right = self.term(node.left, env), self.term(node.right, env)
            self.numeric(left, node.left, f"'{node.op}'")
            self.numeric(right, node.right, f"'{node.op}'")
            return self.join_numbers(left, right, real=node.op == "/")
        raise TypeError(f"expected a Term, got {type(node).__name__}")

    # ------------------------------------------------------------ results

    def default_sort(self) -> str | None:
        """The sort an unconstrained individual gets: the only user sort, if there is one."""
        user_sorts = (self.known_sorts | self.new_sorts) - NUMERIC_SORTS
        if len(user_sorts) == 1:
            return next(iter(user_sorts))
        return None

    def resolve(self, sort: "str | _SortVar", *, fallback: str | None) -> str | None:
        if isinstance(sort, str):
            return sort
        root = sort.root()
        if root.kind == _NUMBER:
            return INT if root.needs_int or not root.prefers_real else REAL
        if root.kind is not None:
            return root.kind
        return fallback


def _guard_depth(run, inference: _Inference, node):
    """Run a recursive walk, turning Python's recursion limit into a positioned error."""
    try:
        return run()
    except RecursionError:
        raise inference.error(node, "the formula is nested too deeply to check") from None


def typecheck(formula: ast.Formula, signature: Signature, *, path: str = "<formula>",
              source: str | None = None) -> ast.Formula:
    """Check ``formula`` against ``signature``; return it with every binder's sort filled in.

    Raises ``TypeCheckError`` (with path:line:col when the nodes carry spans, and "did you
    mean" for near misses) for undeclared symbols, wrong arity, sort mismatches, a name
    used in the wrong role, and variables whose sort cannot be told.

    >>> sig = Signature(sorts=frozenset({"Applicant"}),
    ...                 predicates={"adult": PredType(("Applicant",))})
    >>> typecheck(parse_formula("forall a. adult(a)"), sig).binders[0].sort
    'Applicant'
    """
    if not isinstance(formula, ast.Formula):
        raise TypeError(f"typecheck expects a Formula, got {type(formula).__name__}")
    inference = _Inference(signature, inferring=False, allow_new_symbols=False, open_mode=False)
    inference.path, inference.source = path, source
    _guard_depth(lambda: inference.formula(formula, {}), inference, formula)
    fallback = inference.default_sort()
    sorts = []
    for binder, sort in zip(inference.binder_nodes, inference.binder_sorts):
        resolved = inference.resolve(sort, fallback=fallback)
        if resolved is None:
            user_sorts = sorted(inference.known_sorts - NUMERIC_SORTS)
            example = user_sorts[0] if user_sorts else "Int"
            raise inference.error(
                binder, f"cannot tell the sort of the variable '{binder.name}'; give {binder.name} a sort",
                hint=f"write it where the variable is bound, e.g. '{binder.name}: {example}'"
                     + (f" (sorts: {', '.join(user_sorts)})" if user_sorts else ""))
        sorts.append(resolved)
    return _guard_depth(lambda: _with_binder_sorts(formula, iter(sorts)), inference, formula)


def _with_binder_sorts(node: ast.Formula, sorts: Iterator[str]) -> ast.Formula:
    """The formula with its binders' sorts taken from ``sorts`` in traversal order."""
    if isinstance(node, (ast.Forall, ast.Exists)):
        binders = tuple(b if b.sort == (s := next(sorts)) else dataclasses.replace(b, sort=s)
                        for b in node.binders)
        body = _with_binder_sorts(node.body, sorts)
        if binders == node.binders and body is node.body:
            return node
        return type(node)(binders, body, span=node.span)
    if isinstance(node, ast.Not):
        arg = _with_binder_sorts(node.arg, sorts)
        return node if arg is node.arg else ast.Not(arg, span=node.span)
    if isinstance(node, (ast.And, ast.Or)):
        args = tuple(_with_binder_sorts(a, sorts) for a in node.args)
        if all(a is b for a, b in zip(args, node.args)):
            return node
        return type(node)(args, span=node.span)
    if isinstance(node, (ast.Xor, ast.Implies, ast.Iff)):
        left = _with_binder_sorts(node.left, sorts)
        right = _with_binder_sorts(node.right, sorts)
        if left is node.left and right is node.right:
            return node
        return type(node)(left, right, span=node.span)
    return node  # atoms hold no quantifiers


def infer_signature(
    statements: Iterable[tuple[ast.Formula, str, str | None]],
    *,
    base: Signature | None = None,
    allow_new_symbols: bool = True,
) -> Signature:
    """``base`` extended with the symbols that ``statements`` use but ``base`` lacks.

    ``statements`` are ``(formula, path, source)`` triples; path and source serve the
    error messages. A new constant's sort comes from its use (an argument position, a
    comparison with a number, an equation with a sorted term); one that nothing
    constrains gets the only user sort, or ``Entity``. New predicates and functions are
    allowed only with ``allow_new_symbols`` (else ``TypeCheckError`` with "did you mean");
    their argument sorts come from use the same way, and a numeric result is ``Int``
    unless a decimal literal or ``/`` makes it ``Real``.

    Without ``base`` everything is inferred (open mode): one universe ``Entity``,
    arities from first use, so FOL written elsewhere checks as it is:

    >>> sig = infer_signature([(parse_formula("∀x (Drinks(x) → Dependent(x))"), "<premise>", None)])
    >>> sig.predicates["Drinks"]
    PredType(args=('Entity',))
    """
    open_mode = base is None
    if open_mode:
        base = Signature(sorts=frozenset({ENTITY}))
    inference = _Inference(base, inferring=True, allow_new_symbols=allow_new_symbols or open_mode,
                           open_mode=open_mode)
    for formula, path, source in statements:
        if not isinstance(formula, ast.Formula):
            raise TypeError(f"infer_signature expects Formula statements, got {type(formula).__name__}")
        inference.path, inference.source = path, source
        _guard_depth(lambda: inference.formula(formula, {}), inference, formula)

    fallback = ENTITY if open_mode else (inference.default_sort() or ENTITY)
    constants = {name: inference.resolve(var, fallback=fallback)
                 for name, var in inference.new_constants.items()}
    predicates = {name: PredType(tuple(inference.resolve(v, fallback=fallback) for v in pred.args))
                  for name, pred in inference.new_predicates.items()}
    functions = {name: FuncType(tuple(inference.resolve(v, fallback=fallback) for v in func.args),
                                inference.resolve(func.result, fallback=fallback))
                 for name, func in inference.new_functions.items()}
    used = set(constants.values()) | {s for p in predicates.values() for s in p.args}
    used |= {s for f in functions.values() for s in (*f.args, f.result)}
    new_sorts = inference.new_sorts | ({ENTITY} & used)
    extension = Signature(sorts=frozenset(new_sorts - NUMERIC_SORTS), constants=constants,
                          predicates=predicates, functions=functions)
    return base.merged(extension)
