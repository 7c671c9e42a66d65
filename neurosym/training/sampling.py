"""Sampling logical forms over a vocabulary, one shape per construct.

A ``Draw`` picks symbols for one formula: entities, predicates of the right sort and
kind (never the same predicate twice in one formula, so "Bob is red and red" cannot
happen), numbers in an attribute's range. The ``sample_*`` functions build the LF shape
of one construct each; ``neurosym.training.constructs`` pairs them with the templates
that say those shapes. A vocabulary too small for a shape raises ``NotApplicable``.

Canonical order: the LF lists conjuncts in the order the English says them, and bound
variables are named x, y, z in order of introduction. Adjectives precede the class noun
in a restrictor (``big(x) and dog(x)`` for "big dogs"); a relative clause follows it
(``dog(x) and chase(x, cat)`` for "dogs that chase the cat").
"""

from __future__ import annotations

import random
from fractions import Fraction

from ..logic import ast
from .vocabulary import Entity, Predicate, Vocabulary

__all__ = ["NotApplicable", "Draw"]

X, Y = ast.Var("x"), ast.Var("y")

# Kinds of one-place predicates (Predicate.kind) and what may stand where.
# "clause" predicates (said by whole clauses only, "the leave of {0} falls in a blackout
# period") fit only templates that say whole clauses; the others find them Unrealizable.
PROPERTY_KINDS = ("adjective", "noun", "verb", "copula", "clause")
COPULAR_KINDS = ("adjective", "noun", "copula")


class NotApplicable(Exception):
    """The vocabulary has no symbols for this shape (the generator picks another construct)."""


class Draw:
    """Symbol choices for one formula."""

    def __init__(self, rng: random.Random, vocab: Vocabulary):
        self.rng = rng
        self.vocab = vocab
        self.used: set[str] = set()
        self.sort = self._pick_sort()  # the sort of x, and of the entities drawn by default
        self.var_sorts: dict[str, str] = {}

    def _pick_sort(self) -> str:
        sorts = sorted({p.arg_sorts[0] for p in self.vocab.unary()})
        if not sorts:
            raise NotApplicable("the vocabulary has no one-place predicates")
        return self.rng.choice(sorts)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    # ------------------------------------------------------------ symbols

    def entity(self, *, sort: str | None = None, exclude=()) -> ast.Const:
        sort = sort or self.sort
        taken = {t.name for t in exclude}
        choices = [e for e in self.vocab.entities_of(sort) if e.name not in taken]
        if not choices:
            raise NotApplicable(f"no entity of sort {sort}")
        return ast.Const(self.rng.choice(choices).name)

    def entities(self, count: int) -> list[ast.Const]:
        chosen: list[ast.Const] = []
        for _ in range(count):
            chosen.append(self.entity(exclude=chosen))
        return chosen

    def sort_of(self, term: ast.Term) -> str:
        if isinstance(term, ast.Const):
            return self.vocab.lookup(term.name, Entity).sort
        return self.var_sorts.get(term.name, self.sort)

    def predicate(self, kinds=PROPERTY_KINDS, *, sort: str | None = None) -> Predicate:
        sort = sort or self.sort
        choices = [p for p in self.vocab.unary(kinds=kinds, sort=sort) if p.name not in self.used]
        if not choices:
            raise NotApplicable(f"no unused predicate of kinds {kinds}")
        chosen = self.rng.choice(choices)
        self.used.add(chosen.name)
        return chosen

    def property(self, subject: ast.Term, kinds=PROPERTY_KINDS) -> ast.Pred:
        return ast.Pred(self.predicate(kinds, sort=self.sort_of(subject)).name, (subject,))

    def relation_atom(self, subject: ast.Term, *, kinds=("verb", "copula", "clause"), obj=None) -> ast.Pred:
        """A relation from ``subject`` to ``obj`` (an entity drawn here when None, or a variable)."""
        choices = [p for p in self.vocab.binary(subject_sort=self.sort_of(subject))
                   if p.name not in self.used and p.kind in kinds
                   and (not isinstance(obj, ast.Const) or p.arg_sorts[1] == self.sort_of(obj))]
        if not choices:
            raise NotApplicable("no unused relation")
        relation = self.rng.choice(choices)
        self.used.add(relation.name)
        if obj is None:
            exclude = [subject] if isinstance(subject, ast.Const) else []
            obj = self.entity(sort=relation.arg_sorts[1], exclude=exclude)
        elif isinstance(obj, ast.Var):
            self.var_sorts[obj.name] = relation.arg_sorts[1]
        return ast.Pred(relation.name, (subject, obj))

    def atom(self, subject: ast.Term, *, kinds=PROPERTY_KINDS, relations: float = 0.3) -> ast.Pred:
        """A property of ``subject``, or (with probability ``relations``) a relation to an entity."""
        if self.chance(relations):
            try:
                return self.relation_atom(subject)
            except NotApplicable:
                pass
        return self.property(subject, kinds)

    def literal(self, subject: ast.Term, *, negated: float = 0.25, **options) -> ast.Formula:
        atom = self.atom(subject, **options)
        return ast.Not(atom) if self.chance(negated) else atom

    def comparison(self, subject: ast.Term, ops=(">=", ">", "<", "<=")) -> ast.Compare:
        attributes = [a for a in self.vocab.attributes_of(self.sort_of(subject)) if a.name not in self.used
                      and (a.object_sort is None or self.vocab.entities_of(a.object_sort))]
        if not attributes:
            raise NotApplicable("no numeric attribute")
        attribute = self.rng.choice(attributes)
        self.used.add(attribute.name)
        args = (subject,) if attribute.object_sort is None else (subject, self.entity(sort=attribute.object_sort))
        if attribute.across_magnitudes:
            number = self.magnitude(real=attribute.result_sort == "Real")
        else:
            value = self.rng.randint(attribute.low, attribute.high)
            number = self._with_decimal(value) if attribute.result_sort == "Real" else ast.Num(value)
        return ast.Compare(self.rng.choice(ops), ast.FuncApp(attribute.name, args), number)

    def magnitude(self, *, real: bool) -> ast.Num:
        """A number of one to five digits, three in five of the larger ones round (5000,
        2500, 720), a real one with a decimal (1234.5) two times in five."""
        digits = self.rng.choice((1, 2, 2, 3, 3, 4, 4, 5))
        value = self.rng.randint(10 ** (digits - 1), 10 ** digits - 1)
        if digits >= 3 and self.chance(0.6):
            scale = 10 ** (digits - self.rng.choice((1, 2)))
            value = max(scale, round(value / scale) * scale)
        if real and self.chance(0.4):
            return self._with_decimal(value)
        return ast.Num(value)

    def _with_decimal(self, value: int) -> ast.Num:
        """``value`` plus a tenth from .1 to .9, written with a point (62.8)."""
        return ast.Num(Fraction(value) + Fraction(self.rng.randint(1, 9), 10), real=True)

    def proposition(self) -> ast.Pred:
        choices = [p for p in self.vocab.propositions if p.name not in self.used]
        if not choices:
            raise NotApplicable("no proposition")
        chosen = self.rng.choice(choices)
        self.used.add(chosen.name)
        return ast.Pred(chosen.name)


def _conjoin(cls, parts: list[ast.Formula]) -> ast.Formula:
    return parts[0] if len(parts) == 1 else cls(tuple(parts))


def _forall(body: ast.Formula, *names: str) -> ast.Forall:
    return ast.Forall(tuple(ast.Binder(n) for n in names), body)


# ---------------------------------------------------------------- facts and negation


def sample_fact_property(d: Draw) -> ast.Formula:
    return d.property(d.entity())


# How often a fact relates an entity to itself ("The lion chases the lion.", as ProofWriter says).
_ITSELF = 0.08


def _fact_relation(d: Draw, subject: ast.Const, *, kinds=("verb", "copula", "clause")) -> ast.Pred:
    if d.chance(_ITSELF):
        return d.relation_atom(subject, kinds=kinds, obj=subject)
    return d.relation_atom(subject, kinds=kinds)


def sample_fact_relation(d: Draw) -> ast.Formula:
    return _fact_relation(d, d.entity())


def sample_fact_proposition(d: Draw) -> ast.Formula:
    return d.proposition()


def sample_fact_number(d: Draw) -> ast.Formula:
    return d.comparison(d.entity(), ops=("=",))


def sample_negation_is_not(d: Draw) -> ast.Formula:
    subject = d.entity()
    if d.chance(0.15):
        return ast.Not(d.relation_atom(subject, kinds=("copula",)))
    return ast.Not(d.property(subject, COPULAR_KINDS))


def sample_negation_does_not(d: Draw) -> ast.Formula:
    subject = d.entity()
    if d.chance(0.6):
        return ast.Not(_fact_relation(d, subject, kinds=("verb",)))
    return ast.Not(d.property(subject, ("verb",)))


def sample_negation_not_the_case(d: Draw) -> ast.Formula:
    subject = d.entity()
    if d.chance(0.6):
        return ast.Not(d.atom(subject))
    second = subject if d.chance(0.6) else d.entity(exclude=[subject])
    cls = ast.And if d.chance(0.5) else ast.Or
    return ast.Not(cls((d.atom(subject), d.atom(second))))


# ---------------------------------------------------------------- connectives


def _coordinated_literals(d: Draw, *, count: int, negated: float) -> list[ast.Formula]:
    """Literals in one of three shapes: one subject, one predicate of several subjects, mixed."""
    shape = d.rng.choice(("same_subject", "same_predicate", "mixed"))
    if shape == "same_subject":
        subject = d.entity()
        return [d.literal(subject, negated=negated) for _ in range(count)]
    if shape == "same_predicate":
        subjects = d.entities(count)
        first = d.atom(subjects[0])
        polarity = d.chance(negated)
        atoms = [ast.Pred(first.name, (s, *first.args[1:])) for s in subjects]
        if any(a.args[0] == a.args[-1] for a in atoms if len(a.args) == 2):
            raise NotApplicable("a relation of an entity to itself")
        return [ast.Not(a) if polarity else a for a in atoms]
    subjects = d.entities(count)
    return [d.literal(s, negated=negated) for s in subjects]


def sample_conjunction(d: Draw) -> ast.Formula:
    if d.chance(0.2):  # "Bob is a big dog."
        subject = d.entity()
        adjectives = [d.property(subject, ("adjective",)) for _ in range(d.rng.choice((1, 1, 2)))]
        return ast.And((*adjectives, d.property(subject, ("noun",))))
    return ast.And(tuple(_coordinated_literals(d, count=d.rng.choice((2, 2, 3)), negated=0.25)))


def sample_disjunction(d: Draw) -> ast.Formula:
    return ast.Or(tuple(_coordinated_literals(d, count=d.rng.choice((2, 2, 3)), negated=0.15)))


def sample_either_or(d: Draw) -> ast.Formula:
    left, right = _coordinated_literals(d, count=2, negated=0.0)
    return ast.Xor(left, right)


def sample_neither_nor(d: Draw) -> ast.Formula:
    if d.chance(0.35):
        subjects = d.entities(2)
        atom = d.atom(subjects[0])
        atoms = [atom, ast.Pred(atom.name, (subjects[1], *atom.args[1:]))]
        if atoms[1].args[0] == atoms[1].args[-1] and len(atoms[1].args) == 2:
            raise NotApplicable("a relation of an entity to itself")
    else:
        atoms = _two_of_one_subject(d)
    return ast.And(tuple(ast.Not(a) for a in atoms))


def _two_of_one_subject(d: Draw) -> list[ast.Formula]:
    """Two atoms about one new entity: both copular ("red", "a dog") or both verbs."""
    subject = d.entity()
    if d.chance(0.5):
        return [d.property(subject, COPULAR_KINDS), d.property(subject, COPULAR_KINDS)]
    return [d.atom(subject, kinds=("verb",), relations=0.5) for _ in range(2)]


def sample_not_both(d: Draw) -> ast.Formula:
    """``not (a and b)`` of one subject: "Bob is not both red and big"."""
    atoms = _two_of_one_subject(d)
    if atoms[0] == atoms[1]:
        raise NotApplicable("'not both' of one atom twice")
    return ast.Not(ast.And(tuple(atoms)))


# ---------------------------------------------------------------- conditionals


class _Constants:
    """The constants one rule mentions, reused so that its clauses chain as ProofWriter's
    do ("If something sees the cow and the cow needs the mouse then the mouse is red")."""

    def __init__(self, d: Draw, *, reuse: float = 0.6):
        self.d = d
        self.reuse = reuse
        self.pool: list[ast.Const] = []

    def pick(self, *, exclude=()) -> ast.Const:
        known = [c for c in self.pool if c not in exclude]
        if known and self.d.chance(self.reuse):
            return self.d.rng.choice(known)
        chosen = self.d.entity(exclude=[*self.pool, *exclude])
        self.pool.append(chosen)
        return chosen

    def relation(self, subject: ast.Term, *, about_x: float = 0.0) -> ast.Pred:
        """A verb relation from ``subject`` to a constant of the pool (or a new one), or now
        and then to x ("... and the dog likes it")."""
        if isinstance(subject, ast.Const) and self.d.chance(about_x):
            return self.d.relation_atom(subject, kinds=("verb",), obj=X)
        exclude = [subject] if isinstance(subject, ast.Const) else []
        try:
            return self.d.relation_atom(subject, kinds=("verb",), obj=self.pick(exclude=exclude))
        except NotApplicable:  # no relation to a constant of this sort: any object will do
            relation = self.d.relation_atom(subject, kinds=("verb",))
            self.pool.append(relation.args[1])
            return relation

    def literal(self, subject: ast.Term, *, relations: float, negated: float,
                about_x: float = 0.0) -> ast.Formula:
        """A property of ``subject`` or (with probability ``relations``) a relation to a
        constant (to x with probability ``about_x`` when the subject is a constant)."""
        atom = None
        if self.d.chance(relations):
            try:
                atom = self.relation(subject, about_x=about_x)
            except NotApplicable:
                pass
        atom = atom or self.d.property(subject)
        return ast.Not(atom) if self.d.chance(negated) else atom


def _ground_side(d: Draw, constants: _Constants, *, allow_or: bool) -> ast.Formula:
    count = d.rng.choice((1, 1, 2))
    if count == 1 and d.vocab.propositions and d.chance(0.1):
        return d.proposition()
    literals = [constants.literal(constants.pick(), relations=0.4, negated=0.2) for _ in range(count)]
    cls = ast.Or if allow_or and d.chance(0.25) else ast.And
    return _conjoin(cls, literals)


def sample_if_then(d: Draw) -> ast.Formula:
    """ "If the cow is cold and the cow visits the lion then the lion sees the squirrel." """
    constants = _Constants(d, reuse=0.7)
    return ast.Implies(_ground_side(d, constants, allow_or=True), _ground_side(d, constants, allow_or=True))


def sample_rule_constants(d: Draw) -> ast.Formula:
    subject = d.entity()
    antecedent = [d.literal(subject, negated=0.2) for _ in range(d.rng.choice((2, 2, 3)))]
    return ast.Implies(ast.And(tuple(antecedent)), d.literal(subject, negated=0.2))


def sample_pronoun_constant(d: Draw) -> ast.Formula:
    subject = d.entity()
    first, second = d.literal(subject, negated=0.2), d.literal(subject, negated=0.2)
    return ast.Implies(first, second) if d.chance(0.6) else ast.And((first, second))


def sample_only_if(d: Draw) -> ast.Formula:
    subjects = d.entities(d.rng.choice((1, 2)))
    return ast.Implies(d.literal(subjects[0], negated=0.15), d.literal(subjects[-1], negated=0.15))


def sample_unless(d: Draw) -> ast.Formula:
    subjects = d.entities(d.rng.choice((1, 2)))
    condition = d.atom(subjects[-1]) if not d.vocab.propositions or d.chance(0.85) else d.proposition()
    return ast.Implies(ast.Not(condition), d.literal(subjects[0], negated=0.15))


def sample_whenever(d: Draw) -> ast.Formula:
    if d.chance(0.5):
        return _forall(ast.Implies(d.literal(X, negated=0.1), d.literal(X, negated=0.2)), "x")
    subjects = d.entities(d.rng.choice((1, 2)))
    return ast.Implies(d.literal(subjects[0], negated=0.1), d.literal(subjects[-1], negated=0.15))


def sample_if_and_only_if(d: Draw) -> ast.Formula:
    subjects = d.entities(d.rng.choice((1, 2)))
    return ast.Iff(d.atom(subjects[0]), d.literal(subjects[-1], negated=0.15))


# ---------------------------------------------------------------- quantified rules


def _restrictor(d: Draw, *, adjectives: tuple[int, ...], noun: float) -> list[ast.Formula]:
    """Adjectives, then perhaps a class noun: "red, cold things" / "big dogs"."""
    parts = [d.property(X, ("adjective",)) for _ in range(d.rng.choice(adjectives))]
    if d.chance(noun) or not parts:
        parts.append(d.property(X, ("noun",)))
    return parts


def _consequent(d: Draw, *, negated: bool) -> ast.Formula:
    atom = d.atom(X, relations=0.25)
    return ast.Not(atom) if negated else atom


def _rule(antecedent: list[ast.Formula], consequent: ast.Formula, *names: str) -> ast.Forall:
    return _forall(ast.Implies(_conjoin(ast.And, antecedent), consequent), *(names or ("x",)))


def sample_all_adjectives(d: Draw) -> ast.Formula:
    return _rule(_restrictor(d, adjectives=(1, 2, 2, 3), noun=0.0), _consequent(d, negated=False))


def sample_bare_plural(d: Draw) -> ast.Formula:
    return _rule(_restrictor(d, adjectives=(0, 1, 2), noun=0.4), _consequent(d, negated=False))


def sample_every_noun(d: Draw) -> ast.Formula:
    return _rule(_restrictor(d, adjectives=(0, 0, 0, 1), noun=1.0), _consequent(d, negated=False))


def sample_universal_negative(d: Draw) -> ast.Formula:
    return _rule(_restrictor(d, adjectives=(0, 1, 2), noun=0.6), _consequent(d, negated=True))


def sample_negated_universal(d: Draw) -> ast.Formula:
    """``not (forall x. dog(x) -> big(x))``: "Not every dog is big." (some dog is not)."""
    return ast.Not(_rule(_restrictor(d, adjectives=(0, 0, 1), noun=1.0), _consequent(d, negated=False)))


def sample_no_noun(d: Draw) -> ast.Formula:
    if d.chance(0.25):  # "No one who chases the cat is kind."
        antecedent = [d.literal(X, negated=0.1, relations=0.5)]
    else:
        antecedent = _restrictor(d, adjectives=(0, 0, 1), noun=0.8)
    return _rule(antecedent, _consequent(d, negated=True))


def sample_existential(d: Draw) -> ast.Formula:
    shape = d.rng.choice(("some_noun", "adjective_noun", "something", "something_and"))
    if shape == "some_noun":
        parts = [d.property(X, ("noun",)), d.literal(X, negated=0.3)]
    elif shape == "adjective_noun":
        parts = [d.property(X, ("adjective",)), d.property(X, ("noun",))]
    elif shape == "something":
        parts = [d.literal(X, negated=0.0)]
    else:
        parts = [d.literal(X, negated=0.2) for _ in range(2)]
    return ast.Exists((ast.Binder("x"),), _conjoin(ast.And, parts))


def _if_something(d: Draw) -> ast.Formula:
    """ProofWriter's shapes: "If something is big and not kind then it is red", "If
    someone likes the cat and the cat is young then they chase the dog", "If something
    sees the cow and the cow needs the mouse then the mouse visits the cow". x is said
    first; later conditions and the conclusion are about x or about constants, which
    recur from clause to clause."""
    constants = _Constants(d)
    if d.chance(0.25):  # "If someone is big and (not) green then ..."
        second = d.property(X, COPULAR_KINDS)
        antecedent = [d.property(X, COPULAR_KINDS), ast.Not(second) if d.chance(0.4) else second]
    else:
        antecedent = [constants.literal(X, relations=0.45, negated=0.2)]
    for _ in range(d.rng.choice((0, 0, 1, 1, 1, 2)) if len(antecedent) == 1 else 0):
        if d.chance(0.6):
            antecedent.append(constants.literal(X, relations=0.4, negated=0.25))
        else:
            antecedent.append(constants.literal(constants.pick(), relations=0.5, negated=0.15,
                                                about_x=0.1))
    if d.chance(0.35):
        consequent = constants.literal(constants.pick(), relations=0.5, negated=0.15, about_x=0.1)
    else:
        consequent = constants.literal(X, relations=0.35, negated=0.2)
    return _rule(antecedent, consequent)


sample_if_something = _if_something
sample_if_someone = _if_something


def sample_relative_clause(d: Draw) -> ast.Formula:
    antecedent = [d.property(X, ("noun",))] if d.chance(0.45) else []
    antecedent += [d.literal(X, negated=0.15, relations=0.5) for _ in range(d.rng.choice((1, 1, 2)))]
    return _rule(antecedent, _consequent(d, negated=d.chance(0.15)))


def sample_quantified_disjunction(d: Draw) -> ast.Formula:
    cls = ast.Xor if d.chance(0.6) else ast.Or
    kinds = COPULAR_KINDS if d.chance(0.6) else ("verb",)
    left, right = d.property(X, kinds), d.property(X, kinds)
    choice = ast.Xor(left, right) if cls is ast.Xor else ast.Or((left, right))
    if d.chance(0.5):
        return _forall(choice, "x")
    return _rule([d.property(X, ("noun",))], choice)


def sample_quantified_relational(d: Draw) -> ast.Formula:
    shape = d.rng.choice(("who_something", "some_object", "every_object"))
    if shape == "who_something":  # "Anyone who chases something is big."
        relation = d.relation_atom(X, kinds=("verb",), obj=Y)
        return _rule([relation], d.atom(X, relations=0.0), "x", "y")
    noun_x = d.property(X, ("noun",))
    relation = d.relation_atom(X, kinds=("verb",), obj=Y)
    noun_y = d.property(Y, ("noun",))
    if shape == "some_object":  # "Every dog chases some cat."
        return _rule([noun_x], ast.Exists((ast.Binder("y"),), ast.And((noun_y, relation))))
    return _rule([noun_x, noun_y], relation, "x", "y")  # "Every dog chases every cat."


# ---------------------------------------------------------------- numbers


def sample_number_comparison(d: Draw) -> ast.Formula:
    return d.comparison(d.entity())


def sample_number_entities(d: Draw) -> ast.Formula:
    candidates = [a for a in d.vocab.attributes_of(d.sort) if a.more and a.less]
    if not candidates:
        raise NotApplicable("no attribute with comparatives")
    attribute = d.rng.choice(candidates)
    first, second = d.entities(2)
    return ast.Compare(d.rng.choice((">", "<")), ast.FuncApp(attribute.name, (first,)),
                       ast.FuncApp(attribute.name, (second,)))


def sample_number_rule(d: Draw) -> ast.Formula:
    return _rule([d.comparison(X)], d.literal(X, negated=0.2, relations=0.1))



# ---------------------------------------------------------------- past tense, passive, whoever


def sample_fact_past(d: Draw) -> ast.Formula:
    """ "Shakespeare wrote Hamlet." "Bob did not chase the cat." "The cat was big." """
    atom = d.atom(d.entity(), relations=0.6)
    return ast.Not(atom) if d.chance(0.35) else atom


def sample_passive(d: Draw) -> ast.Formula:
    """ "The cat is chased by the dog." "Hamlet was not written by Shakespeare." """
    atom = d.relation_atom(d.entity(), kinds=("verb",))
    return ast.Not(atom) if d.chance(0.3) else atom


def sample_whoever(d: Draw) -> ast.Formula:
    """ "Whoever wrote something is a writer." "Whoever is kind and chases the cat is young." """
    if d.chance(0.5):
        relation = d.relation_atom(X, kinds=("verb",), obj=Y)
        return _rule([relation], d.literal(X, negated=0.1, relations=0.1), "x", "y")
    antecedent = [d.literal(X, negated=0.1, relations=0.5) for _ in range(d.rng.choice((1, 1, 2)))]
    return _rule(antecedent, d.literal(X, negated=0.1, relations=0.2))


def sample_relative_past(d: Draw) -> ast.Formula:
    """ "Everyone who wrote a novel is a writer." "Anyone who visited Paris is happy." """
    if d.chance(0.6):
        relation = d.relation_atom(X, kinds=("verb",), obj=Y)
        return _rule([d.property(Y, ("noun",)), relation], d.atom(X, relations=0.1), "x", "y")
    condition = d.relation_atom(X, kinds=("verb",)) if d.chance(0.6) else d.property(X, ("verb",))
    return _rule([ast.Not(condition) if d.chance(0.1) else condition], d.atom(X, relations=0.2))
