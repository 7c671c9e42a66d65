"""Readings no English sentence means: tautologies, repetitions and idle quantifiers.

A decoder trained on short sentences sometimes says one thing twice ("The cat eats the
rabbit." -> ``eat(cat, rabbit) and eat(cat, rabbit)``) or copies a name where another
belonged ("Big things are smart." -> ``forall x. big(x) -> big(x)``). Such readings are
well formed and well typed, so neither the grammar nor the type checker removes them, yet
a sentence of English never states a conjunct twice, a thing and its negation together
("The dog is quiet." -> ``quiet(dog) and not quiet(dog)``), an implication whose conclusion is
among its conditions or denies one of them, a comparison of a term with itself, or a
quantifier over a variable it never uses; and no name of this project's conventions begins
with the name of its own argument ("The bear sees the squirrel." -> ``bear_see(bear,
squirrel)``) or is an argument named after its own predicate ("They like the bear." ->
``like(x, like_bear)``), nor does a relation hold of a quantity ("Leo goes to school." ->
``go_to(leo, -school(leo))``: arithmetic compares, it names no thing). The parser drops them like readings that fail the type checker
(``SemanticParser.parse``), and the probability they took is given back to the others.

The test is purely structural (AST equality, no solver call), so it costs microseconds
per reading and never rejects a reading for what its symbols happen to mean.

>>> from neurosym.logic.parser import parse_formula
>>> degeneracy(parse_formula("forall x. big(x) -> big(x)"))
'the conclusion repeats a condition'
>>> degeneracy(parse_formula("forall x. big(x) -> smart(x)")) is None
True
"""

from __future__ import annotations

from ..logic import ast

__all__ = ["degeneracy", "is_degenerate"]


def is_degenerate(formula: ast.Formula) -> bool:
    """Whether no English sentence would mean ``formula`` (see ``degeneracy``)."""
    return degeneracy(formula) is not None


def degeneracy(formula: ast.Formula) -> str | None:
    """Why ``formula`` is degenerate, or None when it is not.

    Degenerate: a conjunction, disjunction or xor with a repeated operand; a conjunction
    or disjunction holding an operand and its negation; an implication
    or equivalence whose sides are equal, or whose conclusion is one of its conditions
    or the negation of one of several; a comparison of a term with itself; a quantifier
    binding a variable its body never uses (or the same variable twice); a predicate or
    function whose name begins with the name of one of its constant arguments and ``_``,
    or one of whose constant arguments' names begins with its name and ``_``; a predicate
    with an argument that is a function's value or arithmetic (relations hold between
    things; quantities are compared). Checked at every depth.
    """
    for node in ast.walk(formula):
        reason = _local_degeneracy(node)
        if reason is not None:
            return reason
    return None


def _local_degeneracy(node: ast.Node) -> str | None:
    if isinstance(node, (ast.And, ast.Or)):
        if len(set(node.args)) < len(node.args):
            return f"{'a conjunct' if isinstance(node, ast.And) else 'a disjunct'} is repeated"
        negated = {arg.arg for arg in node.args if isinstance(arg, ast.Not)}
        if negated & set(node.args):  # "The dog is quiet." -> quiet(dog) and not quiet(dog)
            return ("a conjunct contradicts another" if isinstance(node, ast.And)
                    else "a disjunct negates another")
    elif isinstance(node, (ast.Xor, ast.Iff)):
        if node.left == node.right:
            return "both sides are the same"
    elif isinstance(node, ast.Implies):
        conditions = node.left.args if isinstance(node.left, ast.And) else (node.left,)
        if node.right in conditions:
            return "the conclusion repeats a condition"
        # "Red, cold people are young." -> red(x) and young(x) -> not young(x): the
        # sentence would have left the condition out. (With one condition the rule says
        # that nothing meets it: odd, but a claim.)
        if len(conditions) > 1 and any(_negation_of(node.right, c) for c in conditions):
            return "the conclusion negates a condition"
    elif isinstance(node, ast.Compare):
        if node.left == node.right:
            return "a term is compared with itself"
    elif isinstance(node, (ast.Pred, ast.FuncApp)):
        if isinstance(node, ast.Pred) and any(isinstance(arg, _QUANTITIES) for arg in node.args):
            return "a predicate's argument is a quantity"
        constants = [arg.name for arg in node.args if isinstance(arg, ast.Const)]
        if any(node.name.startswith(name + "_") for name in constants):
            return "a name begins with its own argument"
        # "They like the bear." -> like(x, like_bear): the verb copied into its object.
        if any(name.startswith(node.name + "_") for name in constants):
            return "an argument's name begins with its predicate's"
    elif isinstance(node, (ast.Forall, ast.Exists)):
        names = [b.name for b in node.binders]
        if len(set(names)) < len(names):
            return "a variable is bound twice"
        used = _variables_in(node.body)
        idle = [name for name in names if name not in used]
        if idle:
            return f"the quantified variable {idle[0]} is never used"
    return None


# Terms that stand for a number, not a thing: ``age(bob)``, ``-x``, ``age(bob) + 1``.
_QUANTITIES = (ast.FuncApp, ast.Neg, ast.Arith)


def _negation_of(formula: ast.Formula, other: ast.Formula) -> bool:
    return (isinstance(formula, ast.Not) and formula.arg == other) or \
        (isinstance(other, ast.Not) and other.arg == formula)


def _variables_in(node: ast.Node) -> set[str]:
    return {n.name for n in ast.walk(node) if isinstance(n, ast.Var)}
