"""The symbols a generated sentence may use, each with the English that says it.

A ``Vocabulary`` is a small signature with its phrasing: predicates (``red``, ``dog``,
``chase``), entities (``bob`` said "Bob", ``bald_eagle`` said "the bald eagle"), numeric
attributes (``age``: "Alice is 17 years old") and propositions (``rain``: "it is
raining"). Open mode draws one from the lexicon (``Lexicon.draw``); schema-guided mode
builds one from a theory's glosses (``neurosym.training.schema``). The realizer only
ever looks symbols up here, so both modes share every template.

Symbol names follow one convention (docs/generator.md): lower-case lemmas joined by
underscores, articles dropped; ``symbol_name`` is that convention as a function.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..logic.ast import is_identifier
from ..logic.signature import ENTITY, INT
from ..parser.candidates import ARTICLES
from .morphology import past_participle, past_tense, third_person

__all__ = [
    "symbol_name", "VerbPhrase", "FramedClause", "Predicate", "Entity", "Attribute", "Proposition",
    "Vocabulary", "Unrealizable",
]



def symbol_name(*words: str) -> str:
    """The canonical LF symbol for a phrase: lower case, articles dropped, underscores.

    >>> symbol_name("the bald eagle"), symbol_name("Bob"), symbol_name("drink", "coffee", "regularly")
    ('bald_eagle', 'bob', 'drink_coffee_regularly')
    """
    text = " ".join(words).lower().replace("'", "")
    tokens = [t for t in re.split(r"[^a-z0-9]+", text) if t and t not in ARTICLES]
    name = "_".join(tokens)
    if not name or name[0].isdigit():
        name = "n_" + name
    if not is_identifier(name):  # a keyword such as "true"
        name = name + "_"
    return name


class Unrealizable(Exception):
    """A template cannot say this formula (the realizer then tries another one)."""



@dataclass(frozen=True)
class VerbPhrase:
    """What is said of a subject: a copula and its complement, or a verb and what follows.

    ``rest`` may hold the slot ``{1}`` (the object of a relation) or ``{value}`` (a
    number). ``rest_plural`` is the complement after a plural subject when it differs
    ("a dog" / "dogs"). ``adverb`` may stand before the verb or after the rest
    ("regularly drinks coffee" / "drinks coffee regularly"); both mean the same symbol.

    A rule file's gloss may fix the tense or put an auxiliary in front:
    ``always_past`` for "{0} submitted {1}" and "{0} was executed" (said "did not submit
    {1}", "were not executed"); ``auxiliary`` a modal ("can", "may", "must": "can grant
    access to {1}", "cannot grant access to {1}"; "must not" a prohibition: "must not
    take {1}", denied "may take {1}") or "have" for the perfect ("has been verified",
    "have not passed the check"). Such a phrase has no other tense.
    """

    verb: str
    rest: str = ""
    rest_plural: str | None = None
    adverb: str = ""
    third: str = ""  # third person singular; "" means the regular form of ``verb``
    always_past: bool = False
    auxiliary: str = ""
    past_form: str = ""  # the past as a gloss writes it ("submitted"); "" means by rule

    @property
    def is_copula(self) -> bool:
        return self.verb == "be"

    def complement(self, *, plural: bool) -> str:
        """The words after the copula: "red", "a dog" / "dogs", "afraid of {1}"."""
        if plural and self.rest_plural is not None:
            return self.rest_plural
        return self.rest

    def render(self, *, plural: bool, negated: bool, contracted: bool = False,
               adverb_first: bool = False, many: bool | None = None, past: bool = False) -> str:
        """The finite verb phrase: "is red", "are not dogs", "doesn't chase {1}", and in
        the ``past``: "was red", "wrote {1}", "did not chase {1}".

        ``plural`` is the verb's agreement; ``many`` whether the subject is several things
        (default: ``plural``), which differs for singular "they": "they are an adult".
        """
        past = past or self.always_past
        complement = self.complement(plural=plural if many is None else many)
        if self.auxiliary:
            if past:
                raise Unrealizable(f"'{self.auxiliary} ... {self.verb}' is said in the present only")
            verb = self._participle() if self.auxiliary == "have" else self.verb
            return _join(_auxiliary(self.auxiliary, plural=plural, negated=negated, contracted=contracted),
                         verb, complement if self.is_copula else self.rest)
        if self.is_copula:
            return _join(_be(plural=plural, negated=negated, contracted=contracted, past=past), complement)
        front = self.adverb if adverb_first and self.adverb else ""
        back = self.adverb if self.adverb and not front else ""
        if negated:
            auxiliary = "did" if past else ("do" if plural else "does")
            auxiliary = auxiliary + ("n't" if contracted else " not")
            return _join(auxiliary, front, self.verb, self.rest, back)
        if past:
            finite = self.past_form or past_tense(self.verb)
        else:
            finite = self.verb if plural else (self.third or third_person(self.verb))
        return _join(front, finite, self.rest, back)

    def render_passive(self, *, plural: bool, negated: bool, contracted: bool = False,
                       past: bool = False) -> str:
        """The passive of a relation, agent in slot ``{0}``: "is chased by {0}", "wasn't
        looked after by {0}". Only a verb with its object right after it (or after one
        particle) has a passive here; anything else is Unrealizable."""
        words = self.rest.split()
        past = past or self.always_past
        if self.is_copula or self.adverb or self.auxiliary or not words or words[-1] != "{1}" or len(words) > 2 \
                or (len(words) == 2 and words[0] not in PASSIVE_PARTICLES) or self.verb in _NO_PASSIVE:
            raise Unrealizable(f"no passive for '{self.verb} {self.rest}'")
        return _join(_be(plural=plural, negated=negated, contracted=contracted, past=past),
                     self._participle(), *words[:-1], "by {0}")

    def _participle(self) -> str:
        """ "written", "submitted": a regular verb's is its past as the gloss wrote it."""
        if self.past_form and past_participle(self.verb) == past_tense(self.verb):
            return self.past_form
        return past_participle(self.verb)


# Particles after which a prepositional verb still reads well in the passive
# ("is looked after by", "is listened to by"); "is lived in by" does not.
PASSIVE_PARTICLES = frozenset({"after", "for", "to", "at", "on", "with"})
# Verbs whose passive English avoids: "is belonged to by", "is worked for by", "is had by".
_NO_PASSIVE = frozenset({"belong", "work", "live", "have", "cost", "weigh"})


def _be(*, plural: bool, negated: bool, contracted: bool, past: bool) -> str:
    """ "is", "are not", "wasn't", "were not"."""
    if past:
        copula = "were" if plural else "was"
    else:
        copula = "are" if plural else "is"
    if negated:
        copula = copula + ("n't" if contracted else " not")
    return copula

def _auxiliary(auxiliary: str, *, plural: bool, negated: bool, contracted: bool) -> str:
    """ "has", "have not", "can", "cannot", "may not", "doesn't have to"."""
    if auxiliary == "must not":  # a prohibition: denied, it is a permission
        if negated:
            return "may"
        return "mustn't" if contracted else "must not"
    if auxiliary == "have":
        word = "have" if plural else "has"
    elif negated and auxiliary == "must":
        # "must not" forbids; what denies an obligation is "does not have to".
        do = "do" if plural else "does"
        return f"{do}n't have to" if contracted else f"{do} not have to"
    elif negated and auxiliary == "can":
        return "can't" if contracted else "cannot"
    else:
        word = auxiliary
    if not negated:
        return word
    return word + ("n't" if contracted and word != "may" else " not")


def _join(*parts: str) -> str:
    return " ".join(p for p in parts if p)


@dataclass(frozen=True)
class FramedClause:
    """A predicate said by a whole clause whose subject is not its first argument alone.

    With ``owned`` the subject is something of the first argument: "the identity of
    {0} has been verified", said "the identity of Ann ...", "Ann's identity ...", "their
    identity ..." (``plural``: that subject's agreement, "{0}'s prescriptions need
    review"). Without, the subject is the second argument and ``{0}`` stands in the
    phrase: "{1} is contraindicated for {0}", "{1} was raised by {0}".
    """

    phrase: VerbPhrase
    owned: str | None = None
    plural: bool = False


@dataclass(frozen=True)
class Predicate:
    """A predicate symbol with its phrasings (alternatives that mean the same).

    ``adjective`` is set when one word can stand before a noun ("red things");
    ``noun``/``noun_plural`` when the predicate is a class a noun names ("every dog").
    ``frames`` are whole clauses that say it (``FramedClause``); a predicate said only
    by those has no verb phrase, so only templates that say whole clauses can use it.
    """

    name: str
    arity: int
    phrases: tuple[VerbPhrase, ...]
    adjective: str | None = None
    noun: str | None = None
    noun_plural: str | None = None
    arg_sorts: tuple[str, ...] = ()
    invented: bool = False
    frames: tuple[FramedClause, ...] = ()

    def __post_init__(self) -> None:
        if not self.phrases and not self.frames:
            raise ValueError(f"predicate {self.name} needs at least one phrase")
        if not self.arg_sorts:
            object.__setattr__(self, "arg_sorts", (ENTITY,) * self.arity)

    @property
    def kind(self) -> str:
        """"adjective", "noun", "verb" (a verb phrase), "copula" (is + a longer complement)
        or "clause" (said by ``frames`` only)."""
        if self.noun:
            return "noun"
        if self.adjective:
            return "adjective"
        if not self.phrases:
            return "clause"
        return "copula" if self.phrases[0].is_copula else "verb"


@dataclass(frozen=True)
class Entity:
    """A named individual: symbol, how it is written, the pronoun that refers to it."""

    name: str
    text: str
    pronoun: str = "it"  # he, she, it
    sort: str = ENTITY

    @property
    def object_pronoun(self) -> str:
        return {"he": "him", "she": "her", "it": "it", "they": "them"}[self.pronoun]

    @property
    def possessive(self) -> str:
        return self.text + ("'" if self.text.endswith("s") else "'s")


@dataclass(frozen=True)
class Attribute:
    """A numeric function of one entity: ``age``, said "the age of X" or "X is N years old".

    ``phrases`` hold ``{value}`` where the number (with "at least", "under", ...) goes.
    ``more``/``less`` are comparatives for comparing two entities ("older", "younger").

    With an ``object_sort`` it is a function of two entities, the second always a named
    one (a rule file's ``daily_dose_mg(Person, Drug)``): its phrases and ``noun`` hold
    ``{1}`` where the object goes ("takes {value} mg of {1} a day", "daily dose of {1}
    for {0} in mg", with ``{0}`` where the subject goes in "the ... of" form).
    """

    name: str
    noun: str
    phrases: tuple[VerbPhrase, ...]
    more: str | None = None
    less: str | None = None
    low: int = 1
    high: int = 99
    arg_sort: str = ENTITY
    result_sort: str = INT
    # Values across magnitudes (1 to 99,999, often round), not low..high: a rule file's
    # quantities (incomes, scores, doses) are written as users write them.
    across_magnitudes: bool = False
    object_sort: str | None = None

    @property
    def arity(self) -> int:
        return 1 if self.object_sort is None else 2


@dataclass(frozen=True)
class Proposition:
    """A 0-ary predicate said as a whole clause: ``rain``, "it is raining"."""

    name: str
    clause: str
    negated_clause: str


@dataclass(frozen=True)
class Vocabulary:
    """The symbols one sentence (or one problem) draws from, looked up by name."""

    predicates: tuple[Predicate, ...] = ()
    entities: tuple[Entity, ...] = ()
    attributes: tuple[Attribute, ...] = ()
    propositions: tuple[Proposition, ...] = ()
    _index: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[str, object] = {}
        for item in (*self.predicates, *self.entities, *self.attributes, *self.propositions):
            if item.name in index:
                raise ValueError(f"symbol {item.name!r} is defined twice in one vocabulary")
            index[item.name] = item
        self._index.update(index)

    def lookup(self, name: str, kind: type):
        """The item named ``name``, which must be of type ``kind`` (else Unrealizable)."""
        item = self._index.get(name)
        if not isinstance(item, kind):
            raise Unrealizable(f"no {kind.__name__.lower()} named {name!r} in the vocabulary")
        return item

    def unary(self, *, kinds: tuple[str, ...] | None = None, sort: str | None = None) -> list[Predicate]:
        return [p for p in self.predicates if p.arity == 1
                and (kinds is None or p.kind in kinds) and (sort is None or p.arg_sorts[0] == sort)]

    def binary(self, *, subject_sort: str | None = None) -> list[Predicate]:
        return [p for p in self.predicates if p.arity == 2
                and (subject_sort is None or p.arg_sorts[0] == subject_sort)]

    def entities_of(self, sort: str | None = None) -> list[Entity]:
        return [e for e in self.entities if sort is None or e.sort == sort]

    def attributes_of(self, sort: str | None = None) -> list[Attribute]:
        return [a for a in self.attributes if sort is None or a.arg_sort == sort]
