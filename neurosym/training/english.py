"""Saying literals in English: noun phrases, verb phrases, clauses and their coordination.

A ``Speaker`` realizes one sentence. It knows how each bound variable is introduced
("something", "someone", "every dog") and referred to afterwards ("it", "they"), which
constants have been mentioned (so that "he" or "it" may replace a repeated name when
that cannot be ambiguous), and it makes the small random choices that do not change the
meaning: contractions, digits or number words, "is red and big" or "is red and is big".
Templates (``neurosym.training.templates``) arrange what the speaker says into sentences.

A literal is an atom (``Pred`` or ``Compare``) or its negation. Anything the speaker
cannot say raises ``Unrealizable``; the caller then tries another template.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from fractions import Fraction

from ..logic import ast
from .morphology import number_in_words
from .vocabulary import Attribute, Entity, Predicate, Proposition, Unrealizable, VerbPhrase, Vocabulary

__all__ = [
    "VarRole", "SOMETHING", "SOMEONE", "SaidVP", "Speaker",
    "split_literal", "is_literal", "subject_of", "join_list", "capitalize", "sentence",
]


@dataclass(frozen=True)
class VarRole:
    """How a bound variable is said: its first mention, then a pronoun."""

    intro: str
    intro_object: str
    pronoun: str
    object_pronoun: str
    pronoun_plural: bool
    intro_plural: bool = False


SOMETHING = VarRole("something", "something", "it", "it", pronoun_plural=False)
SOMEONE = VarRole("someone", "someone", "they", "them", pronoun_plural=True)


@dataclass(frozen=True)
class SaidVP:
    """A verb phrase as said, with the pieces coordination needs.

    ``after_copula`` is what follows "is"/"are" for a copular phrase ("not red"), so that
    "is red and not big" can drop the second copula and "is neither red nor big" can
    share it.
    """

    text: str
    negated: bool
    after_copula: str | None
    # Whether the phrase has a base form ("does not both sing and ..."): not one whose
    # gloss fixes its tense or auxiliary ("submitted", "can grant").
    has_base_form: bool = True


# What goes in front of a number in a verb phrase ("at least 18 years old"), by operator.
_NUMBER_COMPARATORS = {
    "=": ("", "", "exactly"), ">=": ("at least",), ">": ("more than", "over"),
    "<": ("less than", "under"), "<=": ("at most",),
}
# The same after "is" in "Alice's age is at least 18".
_IS_COMPARATORS = {
    "=": ("is",), ">=": ("is at least",),
    ">": ("is greater than", "is more than", "is over", "is higher than"),
    "<": ("is less than", "is under", "is below", "is lower than"), "<=": ("is at most",),
}


def is_literal(formula: ast.Formula) -> bool:
    atom = formula.arg if isinstance(formula, ast.Not) else formula
    return isinstance(atom, (ast.Pred, ast.Compare))


def split_literal(formula: ast.Formula) -> tuple[ast.Formula, bool]:
    """(atom, negated) for a literal; Unrealizable for anything else."""
    negated = isinstance(formula, ast.Not)
    atom = formula.arg if negated else formula
    if not isinstance(atom, (ast.Pred, ast.Compare)):
        raise Unrealizable(f"not a literal: {type(atom).__name__}")
    return atom, negated


def subject_of(formula: ast.Formula) -> ast.Term | None:
    """The term a literal is about (said as its subject); None for a proposition."""
    atom, _ = split_literal(formula)
    if isinstance(atom, ast.Pred):
        return atom.args[0] if atom.args else None
    if isinstance(atom.left, ast.FuncApp) and len(atom.left.args) in (1, 2):
        return atom.left.args[0]  # a second argument is said as the attribute's object
    raise Unrealizable("a comparison is said about the argument of its left side")


def join_list(items: list[str], conj: str, rng: random.Random) -> str:
    """ "a", "a and b", "a, b and c" (sometimes with the Oxford comma)."""
    if not items:
        raise ValueError("nothing to join")
    if len(items) == 1:
        return items[0]
    comma = "," if len(items) > 2 and rng.random() < 0.3 else ""
    return ", ".join(items[:-1]) + f"{comma} {conj} " + items[-1]


def capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def sentence(text: str) -> str:
    """A sentence from a clause: capital letter, full stop."""
    return capitalize(text.strip()) + "."


class Speaker:
    """Realizes the literals of one sentence over one vocabulary."""

    def __init__(self, vocab: Vocabulary, rng: random.Random, formula: ast.Formula | None = None):
        self.vocab = vocab
        self.rng = rng
        self.roles: dict[str, VarRole] = {}
        self.mentioned: set[str] = set()
        # Replace a repeated constant by a pronoun? Templates switch this on.
        self.constant_pronouns = False
        self.pronouns_used = 0
        self.contract = rng.random() < 0.15
        self.number_words = rng.random() < 0.3
        nodes = list(ast.walk(formula)) if formula is not None else []
        self._constants = sorted({n.name for n in nodes if isinstance(n, ast.Const)})
        # "it is raining" has an "it" of its own: no other "it" may then mean a constant.
        self._expletive_it = any(isinstance(n, ast.Pred) and not n.args for n in nodes)

    # ------------------------------------------------------------ variables and terms

    def bind(self, var: str, role: VarRole, *, mentioned: bool = False) -> None:
        """Say variable ``var`` the way ``role`` does; ``mentioned`` if a template already named it."""
        self.roles[var] = role
        if mentioned:
            self.mentioned.add(var)

    def _pronoun_allowed(self, entity: Entity) -> bool:
        if not self.constant_pronouns or entity.name not in self.mentioned:
            return False
        others = [self.vocab.lookup(c, Entity).pronoun for c in self._constants if c != entity.name]
        others += [role.pronoun for role in self.roles.values()]
        others += ["it"] if self._expletive_it else []
        return entity.pronoun not in others

    def subject(self, term: ast.Term) -> tuple[str, bool]:
        """(noun phrase, plural) for a term in subject position."""
        if isinstance(term, ast.Var):
            role = self._role(term)
            if term.name in self.mentioned:
                return role.pronoun, role.pronoun_plural
            self.mentioned.add(term.name)
            return role.intro, role.intro_plural
        entity = self._entity(term)
        if self._pronoun_allowed(entity):
            self.pronouns_used += 1
            return entity.pronoun, False
        self.mentioned.add(entity.name)
        return entity.text, False

    def object(self, term: ast.Term) -> str:
        """The noun phrase for a term in object position."""
        if isinstance(term, ast.Var):
            role = self._role(term)
            if term.name in self.mentioned:
                return role.object_pronoun
            self.mentioned.add(term.name)
            return role.intro_object
        entity = self._entity(term)
        if self._pronoun_allowed(entity):
            self.pronouns_used += 1
            return entity.object_pronoun
        self.mentioned.add(entity.name)
        return entity.text

    def possessive(self, term: ast.Term) -> str:
        """ "Alice's", "the cat's" (constants only)."""
        entity = self._entity(term)
        self.mentioned.add(entity.name)
        return entity.possessive

    def _role(self, var: ast.Var) -> VarRole:
        if var.name not in self.roles:
            raise Unrealizable(f"variable {var.name} has no way to be said here")
        return self.roles[var.name]

    def _entity(self, term: ast.Term) -> Entity:
        if not isinstance(term, ast.Const):
            raise Unrealizable(f"cannot say the term {term!r}")
        return self.vocab.lookup(term.name, Entity)

    def number(self, term: ast.Term) -> str:
        if not isinstance(term, ast.Num):
            raise Unrealizable("only number literals are said as numbers")
        value = Fraction(term.value)
        if term.real or value.denominator != 1:
            return str(float(value))
        if self.number_words and value < 1000:
            return number_in_words(int(value))
        return str(int(value))

    # ------------------------------------------------------------ verb phrases

    def vp(self, literal: ast.Formula, *, plural: bool, many: bool | None = None,
           past: bool = False) -> SaidVP:
        """The verb phrase of a literal whose subject has already been said.

        ``plural``: the verb's agreement; ``many``: the subject is several things
        (default ``plural``; False for singular "they", who "are an adult"); ``past``:
        the simple past ("wrote", "did not chase", "was red"), which the LF does not mark."""
        many = plural if many is None else many
        atom, negated = split_literal(literal)
        if isinstance(atom, ast.Pred):
            return self._predicate_vp(atom, negated, plural, many, past)
        return self._comparison_vp(atom, negated, plural, many, past)

    def _predicate_vp(self, atom: ast.Pred, negated: bool, plural: bool, many: bool,
                      past: bool = False) -> SaidVP:
        predicate = self.vocab.lookup(atom.name, Predicate)
        if predicate.arity != len(atom.args) or predicate.arity == 0:
            raise Unrealizable(f"{atom.name} has arity {predicate.arity}")
        if not predicate.phrases:
            raise Unrealizable(f"{atom.name} is said by whole clauses only")
        phrase = self.rng.choice(predicate.phrases)
        slots = {"1": self.object(atom.args[1])} if predicate.arity == 2 else {}
        adverb_first = bool(phrase.adverb) and _movable(phrase.adverb) and self.rng.random() < 0.5
        return self._said(phrase, slots, negated, plural, many, adverb_first, past)

    def _said(self, phrase, slots: dict[str, str], negated: bool, plural: bool, many: bool,
              adverb_first: bool = False, past: bool = False) -> SaidVP:
        def fill(text: str) -> str:
            for key, value in slots.items():
                text = text.replace("{" + key + "}", value)
            return text

        text = fill(phrase.render(plural=plural, negated=negated, contracted=self.contract,
                                  adverb_first=adverb_first, many=many, past=past))
        after = None
        if phrase.is_copula and not phrase.auxiliary and not phrase.always_past:
            complement = fill(phrase.complement(plural=many))
            after = f"not {complement}" if negated else complement
        return SaidVP(text, negated, after, has_base_form=not (phrase.always_past or phrase.auxiliary))

    def _comparison_vp(self, atom: ast.Compare, negated: bool, plural: bool, many: bool,
                       past: bool = False) -> SaidVP:
        attribute = self._attribute_of(atom.left)
        if isinstance(atom.right, ast.Num):
            if atom.op not in _NUMBER_COMPARATORS:
                raise Unrealizable(f"'{atom.op}' is said with a negation, not a comparator")
            comparator = self.rng.choice(_NUMBER_COMPARATORS[atom.op])
            value = " ".join(p for p in (comparator, self.number(atom.right)) if p)
            phrase = self.rng.choice(attribute.phrases)
            slots = {"value": value, **self._attribute_object(atom.left)}
            return self._said(phrase, slots, negated, plural, many, past=past)
        other = self._attribute_of(atom.right)
        word = {">": attribute.more, "<": attribute.less}.get(atom.op)
        if other.name != attribute.name or not word:
            raise Unrealizable(f"no comparative for {attribute.name} {atom.op}")
        phrase = VerbPhrase("be", f"{word} than {{obj}}")
        return self._said(phrase, {"obj": self.object(atom.right.args[0])}, negated, plural, many,
                          past=past)

    def _attribute_of(self, term: ast.Term) -> Attribute:
        if not isinstance(term, ast.FuncApp):
            raise Unrealizable("comparisons are said about attributes")
        attribute = self.vocab.lookup(term.name, Attribute)
        if len(term.args) != attribute.arity:
            raise Unrealizable(f"{term.name} takes {attribute.arity} argument(s), not {len(term.args)}")
        return attribute

    def _attribute_object(self, term: ast.FuncApp) -> dict[str, str]:
        """The ``{1}`` slot of a function of two entities ("paracetamol"); none for one."""
        return {"1": self.object(term.args[1])} if len(term.args) == 2 else {}

    def attribute_clause(self, literal: ast.Formula, *, possessive: bool) -> str:
        """ "Alice's age is at least 18", "the age of Alice is greater than the age of Bob"."""
        atom, negated = split_literal(literal)
        if not isinstance(atom, ast.Compare) or negated or atom.op not in _IS_COMPARATORS:
            raise Unrealizable("an attribute clause says a positive comparison")

        def noun_phrase(term: ast.Term) -> str:
            attribute = self._attribute_of(term)
            if attribute.arity == 1:
                if possessive:
                    return f"{self.possessive(term.args[0])} {attribute.noun}"
                return f"the {attribute.noun} of {self.object(term.args[0])}"
            # "Ann's daily dose of aspirin in mg", "the daily dose of aspirin for Ann in mg"
            if possessive and " for {0}" in attribute.noun:
                owner, noun = self.possessive(term.args[0]), attribute.noun.replace(" for {0}", "")
            elif possessive:
                raise Unrealizable(f"no possessive form of {attribute.noun!r}")
            else:
                owner, noun = "the", attribute.noun.replace("{0}", self.object(term.args[0]))
            return f"{owner} {noun.replace('{1}', self._attribute_object(term)['1'])}"

        left = noun_phrase(atom.left)
        right = self.number(atom.right) if isinstance(atom.right, ast.Num) else noun_phrase(atom.right)
        if atom.op == "=" and not isinstance(atom.right, ast.Num):
            raise Unrealizable("equal attributes are not generated")
        comparators = _IS_COMPARATORS[atom.op]
        if not isinstance(atom.right, ast.Num):  # "greater than Bob's age", not "over Bob's age"
            comparators = tuple(c for c in comparators if c.endswith(" than"))
        return f"{left} {self.rng.choice(comparators)} {right}"

    # ------------------------------------------------------------ clauses

    def clause(self, literal: ast.Formula, *, past: bool = False) -> str:
        """A literal as a clause: "the cat chases the dog", "it is not raining" (``past``:
        "the cat chased the dog")."""
        atom, negated = split_literal(literal)
        if isinstance(atom, ast.Pred) and not atom.args:
            if past:
                raise Unrealizable("propositions are said in the present")
            proposition = self.vocab.lookup(atom.name, Proposition)
            return proposition.negated_clause if negated else proposition.clause
        if isinstance(atom, ast.Pred):
            predicate = self.vocab.lookup(atom.name, Predicate)
            said_by = len(predicate.frames) + len(predicate.phrases)
            if predicate.frames and self.rng.random() < len(predicate.frames) / said_by:
                return self._framed_clause(atom, negated, predicate, past)
        term = subject_of(literal)
        subject, plural = self.subject(term)
        said = self.vp(literal, plural=plural, many=self._many(term, plural), past=past)
        return f"{subject} {said.text}"

    def _framed_clause(self, atom: ast.Pred, negated: bool, predicate: Predicate, past: bool) -> str:
        """One of the predicate's frames: "the identity of Ann has not been verified",
        "aspirin is contraindicated for Bob"."""
        if len(atom.args) != predicate.arity:
            raise Unrealizable(f"{atom.name} takes {predicate.arity} argument(s)")
        frame = self.rng.choice(predicate.frames)
        if frame.owned is not None:
            subject, plural = self._owned(atom.args[0], frame.owned), frame.plural
            slots = {"1": self.object(atom.args[1])} if len(atom.args) == 2 else {}
        else:
            subject, plural = self.subject(atom.args[1])
            slots = {"0": self.object(atom.args[0])}
        said = self._said(frame.phrase, slots, negated, plural, plural, past=past)
        return f"{subject} {said.text}"

    def _owned(self, term: ast.Term, noun: str) -> str:
        """Something of a term: "Ann's leave", "the leave of Ann", "the leave of someone",
        then "their leave"."""
        if isinstance(term, ast.Var):
            role = self._role(term)
            if term.name in self.mentioned:
                if role.pronoun not in _POSSESSIVE_PRONOUNS:
                    raise Unrealizable(f"no possessive of '{role.pronoun}'")
                return f"{_POSSESSIVE_PRONOUNS[role.pronoun]} {noun}"
            self.mentioned.add(term.name)
            return f"the {noun} of {role.intro_object}"
        entity = self._entity(term)
        if self._pronoun_allowed(entity):
            self.pronouns_used += 1
            return f"{_POSSESSIVE_PRONOUNS[entity.pronoun]} {noun}"
        self.mentioned.add(entity.name)
        if self.rng.random() < 0.5:
            return f"{entity.possessive} {noun}"
        return f"the {noun} of {entity.text}"

    def passive_clause(self, literal: ast.Formula, *, past: bool = False) -> str:
        """A relation said in the passive, its object first: ``chase(dog, cat)`` is "the cat
        is chased by the dog", ``not write(shakespeare, hamlet)`` with ``past`` "Hamlet was
        not written by Shakespeare"."""
        atom, negated = split_literal(literal)
        if not isinstance(atom, ast.Pred) or len(atom.args) != 2:
            raise Unrealizable("only a relation has a passive")
        predicate = self.vocab.lookup(atom.name, Predicate)
        if predicate.arity != 2 or not predicate.phrases:
            raise Unrealizable(f"{atom.name} has arity {predicate.arity} or no verb phrase")
        phrase = self.rng.choice(predicate.phrases)
        subject, plural = self.subject(atom.args[1])
        text = phrase.render_passive(plural=plural, negated=negated, contracted=self.contract, past=past)
        return f"{subject} {text.replace('{0}', self.object(atom.args[0]))}"

    def _many(self, term: ast.Term, plural: bool) -> bool:
        """Whether a subject said with ``plural`` agreement is several things (not singular they)."""
        if isinstance(term, ast.Var) and term.name in self.roles:
            return plural and self.roles[term.name].intro_plural
        return plural

    def vps(self, literals: list[ast.Formula], *, plural: bool, conj: str = "and",
            many: bool | None = None, past: bool = False) -> str:
        """Coordinated verb phrases of one subject: "is red and not big", "is big and chases the dog"."""
        said = [self.vp(lit, plural=plural, many=many, past=past) for lit in literals]
        compress = self.rng.random() < 0.75
        parts = [said[0].text]
        for previous, current in zip(said, said[1:]):
            if (compress and current.after_copula is not None and previous.after_copula is not None
                    and not previous.negated):
                parts.append(current.after_copula)
            else:
                parts.append(current.text)
        return join_list(parts, conj, self.rng)

    def clauses(self, literals: list[ast.Formula], *, conj: str = "and",
                group: bool | None = None) -> str:
        """Coordinated literals: one subject with coordinated verb phrases when they share it
        and ``group`` allows (None: the dice decide), else one clause each ("something is
        big and it chases the dog")."""
        if len(literals) == 1:
            return self.clause(literals[0])
        subjects = [subject_of(lit) for lit in literals]
        if group is None:
            group = self.rng.random() < 0.6
        if group and subjects[0] is not None and all(s == subjects[0] for s in subjects):
            subject, plural = self.subject(subjects[0])
            many = self._many(subjects[0], plural)
            return f"{subject} {self.vps(literals, plural=plural, conj=conj, many=many)}"
        return join_list([self.clause(lit) for lit in literals], conj, self.rng)

    def shared_predicate(self, literals: list[ast.Formula], *, conj: str, plural: bool) -> str:
        """One predicate of several constants: "Bob and Anne are red", "Bob or Anne chases the dog".

        ``conj`` joins the subjects ("and", "or", "nor"); ``plural`` is the verb's agreement.
        """
        atoms = [split_literal(lit) for lit in literals]
        first, negated = atoms[0]
        if not isinstance(first, ast.Pred) or not first.args:
            raise Unrealizable("shared predicates need predicate atoms with a subject")
        for atom, neg in atoms[1:]:
            if not isinstance(atom, ast.Pred) or atom.name != first.name or neg != negated \
                    or atom.args[1:] != first.args[1:]:
                raise Unrealizable("the literals differ in more than their subjects")
        subjects = [atom.args[0] for atom, _ in atoms]
        if len(set(subjects)) != len(subjects) or not all(isinstance(s, ast.Const) for s in subjects):
            raise Unrealizable("shared predicates need distinct constants")
        names = join_list([self.subject(s)[0] for s in subjects], conj, self.rng)
        return f"{names} {self.vp(literals[0], plural=plural).text}"


_POSSESSIVE_PRONOUNS = {"he": "his", "she": "her", "it": "its", "they": "their"}

# Adverbs that may also stand before the verb: "regularly drinks", not "well cooks".
_MOVABLE_ADVERBS = frozenset({"regularly", "often", "quickly", "loudly", "usually"})


def _movable(adverb: str) -> bool:
    return adverb in _MOVABLE_ADVERBS
