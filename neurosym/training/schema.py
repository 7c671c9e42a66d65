"""Schema-guided vocabularies: a theory's declarations, said through their glosses.

A predicate gloss such as ``"{0} is eligible for a loan"`` or ``"{0} qualifies for a
loan"`` becomes a verb phrase the templates can negate, pluralize and coordinate ("are
not eligible for a loan", "do not qualify for a loan"); ``"{0} is an adult"`` also gives
the class noun "adult" ("Every adult ..."). A function gloss with ``{value}`` says a
number ("{0} is {value} years old"), and ``"the age of {0}"`` names the attribute; a
function of two entities needs both slots ("{0} takes {value} mg of {1} a day", "the
daily dose of {1} for {0} in mg").

A gloss in the past, the perfect or with a modal keeps its tense ("{0} submitted {1}":
"did not submit {1}"; "{0} can grant access to {1}": "cannot grant ..."). A gloss whose
subject is not the slot ``{0}`` alone becomes a frame, said only as a whole clause ("the
leave of {0} falls in a blackout period": "Ann's leave does not fall ..."; "{1} is
contraindicated for {0}"). A prohibition "{0} must not take {1}" is said so when it holds
and "may take" when it does not. Glosses this reading does not understand (another negated
one, a quantifier or a fixed subject before the slot) are skipped, and so is a predicate none of
whose glosses is understood; a predicate without glosses is said from its name ("is
eligible"). Constants
come from the theory; every sort also gets a few people's names, names of things and a
definite description ("the library computer") from the lexicon, since new constants may
always be used (their sort follows from where they stand).
"""

from __future__ import annotations

import random
import re

from ..logic.signature import NUMERIC_SORTS
from ..rules.model import ConstDecl, FuncDecl, PredDecl, Theory
from .lexicon import DEFAULT_LEXICON, Lexicon
from ..parser.candidates import lemmas_of_past
from .morphology import PREPOSITIONS, base_form, pluralize
from .vocabulary import (
    Attribute, Entity, FramedClause, Predicate, Proposition, VerbPhrase, Vocabulary, symbol_name,
)

__all__ = ["schema_vocabulary", "with_names", "phrase_from_gloss", "frame_from_gloss"]

_ARTICLES = ("a ", "an ")


def phrase_from_gloss(gloss: str, arity: int) -> VerbPhrase | None:
    """The verb phrase of a gloss that starts with its subject slot, or None.

    >>> phrase_from_gloss("{0} qualifies for a loan", 1).rest
    'for a loan'
    >>> phrase_from_gloss("{0} submitted {1}", 2).render(plural=False, negated=True)
    'did not submit {1}'
    """
    gloss = " ".join(gloss.split())
    if not gloss.startswith("{0} ") or gloss.count("{0}") != 1:
        return None
    if arity == 2 and "{1}" not in gloss:
        return None
    said = _predicate_words(gloss[len("{0} "):])
    return said[0] if said else None


def _predicate_words(words: str, *, bare_verb: bool = False) -> tuple[VerbPhrase, bool | None] | None:
    """The verb phrase that ``words`` say of a subject, with the agreement its verb shows
    (True plural, False singular, None either), or None where the reading is unsure.

    "is eligible", "was executed", "has been verified", "can grant access to {1}",
    "qualifies for a loan", "submitted {1}"; with ``bare_verb`` also a plural subject's
    verb ("need review"). Of negated glosses only a prohibition is read ("must not take
    {1}", whose denial is "may take {1}"); "is not ..." or "cannot ..." are not.
    """
    first, _, after = words.partition(" ")
    following = after.split(" ", 1)[0]
    if first == "must" and following == "not" and len(after.split(" ")) > 1:
        # A prohibition: "must not take {1}", denied "may take {1}".
        verb, _, rest = after[len("not "):].partition(" ")
        return VerbPhrase(verb, rest, auxiliary="must not"), None
    if not after and first in _FINITE_WORDS or following in ("not", "never") or "{0}" in first:
        return None
    if first in ("is", "are"):
        return VerbPhrase("be", after, _plural_complement(after)), first == "are"
    if first in ("was", "were"):
        return VerbPhrase("be", after, always_past=True), first == "were"
    if first in ("has", "have"):
        plural = first == "have"
        if following == "been":
            return VerbPhrase("be", after[len("been "):], auxiliary="have"), plural
        lemma = _lemma_of_past(following)
        if lemma is not None:  # a perfect: "has passed the check", said "has not passed"
            return VerbPhrase(lemma, after.partition(" ")[2], auxiliary="have", past_form=following), plural
        return VerbPhrase("have", after), plural
    if first in _MODALS:
        return VerbPhrase(following, after.partition(" ")[2], auxiliary=first), None
    if not first.isalpha():
        return None
    lemma = _lemma_of_past(first)
    if lemma is not None:
        return VerbPhrase(lemma, after, always_past=True, past_form=first), None
    if first.endswith("s") and not first.endswith("ss") and first not in _FINITE_WORDS:
        return VerbPhrase(base_form(first), after, third=first), False
    if bare_verb and first not in _FINITE_WORDS:
        return VerbPhrase(first, after), True
    return None


_MODALS = frozenset({"can", "may", "must"})
# Words that are no verb phrase of their own, or one this reading leaves alone.
_FINITE_WORDS = frozenset({"is", "are", "was", "were", "has", "have", "does", "do", "did",
                           "will", "would", "should", "could", "might", "shall", "cannot"}) | _MODALS


def _lemma_of_past(word: str) -> str | None:
    """The lemma of a simple past or past participle ("submitted" -> "submit", "taken" ->
    "take"; "ignored" -> "ignore" rather than "ignor"), or None."""
    lemmas = lemmas_of_past(word)
    return lemmas[-1] if lemmas else None


def frame_from_gloss(gloss: str, arity: int) -> FramedClause | None:
    """The whole clause of a gloss whose subject is not its first slot alone, or None:
    "the identity of {0} has been verified", "{0}'s prescriptions need review" (a thing
    of {0}), "{1} is contraindicated for {0}" (the second slot).

    >>> frame_from_gloss("the leave of {0} falls in a blackout period", 1).owned
    'leave'
    """
    gloss = " ".join(gloss.split())
    if gloss.count("{0}") != 1 or gloss.count("{1}") != (arity == 2):
        return None
    owned = re.fullmatch(r"the ([a-z][a-z -]*?) of \{0\} (.+)", gloss) \
        or re.fullmatch(r"\{0\}'s ([a-z][a-z-]*) (.+)", gloss)
    if owned:
        noun, rest = owned.groups()
        said = _predicate_words(rest, bare_verb=True)
        if said is None or "{0}" in rest:
            return None
        phrase, plural = said
        if plural is None:  # a modal or a past: the noun tells
            plural = noun.endswith("s") and not noun.endswith("ss")
        return FramedClause(phrase, owned=noun, plural=plural)
    if arity == 2 and gloss.startswith("{1} ") and "{0}" in gloss:
        said = _predicate_words(gloss[len("{1} "):])
        if said is None or said[1] is True:
            return None
        return FramedClause(said[0])
    return None


def _plural_complement(complement: str) -> str | None:
    """ "a parent of {1}" -> "parents of {1}"; adjectives keep their form (None)."""
    if not complement.startswith(_ARTICLES):
        return None
    words = complement.split(" ", 1)[1].split(" ")
    head_end = next((i for i, w in enumerate(words) if w in PREPOSITIONS or "{" in w), len(words))
    if head_end == 0:
        return None
    head = pluralize(" ".join(words[:head_end]))
    return " ".join([head, *words[head_end:]])


def _class_noun(phrase: VerbPhrase) -> tuple[str, str] | None:
    """ "an adult" -> ("adult", "adults") when the complement is a bare noun phrase."""
    if not phrase.is_copula or not phrase.rest.startswith(_ARTICLES) or not phrase.rest_plural:
        return None
    noun = phrase.rest.split(" ", 1)[1]
    if any(w in PREPOSITIONS or "{" in w for w in noun.split(" ")):
        return None
    return noun, phrase.rest_plural


def _words(name: str) -> str:
    return name.replace("_", " ").strip()


def _predicate(decl: PredDecl) -> Predicate | Proposition | None:
    arity = len(decl.arg_sorts)
    if arity == 0:
        clause = decl.glosses[0] if decl.glosses else None
        if not clause or " is " not in clause:
            return None
        return Proposition(decl.name, clause, clause.replace(" is ", " is not ", 1))
    if arity > 2:
        return None
    phrases = tuple(p for p in (phrase_from_gloss(g, arity) for g in decl.glosses) if p)
    frames = tuple(f for f in (frame_from_gloss(g, arity) for g in decl.glosses) if f)
    if not phrases and not frames and decl.glosses:
        return None  # its glosses say it in ways the templates cannot bend
    if not phrases and not frames:  # no gloss: said from the name, "is eligible", "is parent of {1}"
        words = _words(decl.name)
        phrases = (VerbPhrase("be", words if arity == 1 else f"{words} {{1}}"),)
    # Only a present "is ..." gives an adjective or a class noun ("eligible people", "every adult").
    plain = phrases[0] if phrases and not phrases[0].always_past and not phrases[0].auxiliary else None
    noun = _class_noun(plain) if plain and arity == 1 else None
    single_word = plain is not None and plain.is_copula and arity == 1 and " " not in plain.rest and noun is None
    return Predicate(
        decl.name, arity, phrases,
        adjective=plain.rest if single_word else None,
        noun=noun[0] if noun else None, noun_plural=noun[1] if noun else None,
        arg_sorts=decl.arg_sorts, frames=frames,
    )


def _attribute(decl: FuncDecl) -> Attribute | None:
    """A numeric function of one entity, or of two where its glosses say both ("{0} takes
    {value} mg of {1} a day"; the second is then drawn among the declared constants)."""
    arity = len(decl.arg_sorts)
    if arity not in (1, 2) or decl.result_sort not in NUMERIC_SORTS:
        return None
    subject_slot = " of {0}" if arity == 1 else " for {0}"
    noun = _words(decl.name) if arity == 1 else f"{_words(decl.name)} of {{1}} for {{0}}"
    phrases = []
    for gloss in decl.glosses:
        gloss = " ".join(gloss.split())
        if gloss.startswith("the ") and (gloss.endswith(" of {0}") if arity == 1 else subject_slot in gloss
                                         and "{1}" in gloss):
            noun = gloss[len("the "):].removesuffix(" of {0}")
        elif "{value}" in gloss:
            phrase = phrase_from_gloss(gloss, arity)
            if phrase is not None:
                phrases.append(phrase)
    if not phrases and arity == 2:
        return None  # no way to say the object in a sentence
    if not phrases:
        phrases.append(VerbPhrase("have", f"a {noun} of {{value}}"))
    return Attribute(decl.name, noun, tuple(phrases), arg_sort=decl.arg_sorts[0],
                     result_sort=decl.result_sort, across_magnitudes=True,
                     object_sort=decl.arg_sorts[1] if arity == 2 else None)


def _entity(decl: ConstDecl) -> Entity | None:
    if decl.sort in NUMERIC_SORTS:
        return None
    text = decl.glosses[0] if decl.glosses else _words(decl.name).title()
    return Entity(decl.name, text, "it", decl.sort)


def schema_vocabulary(theory: Theory) -> Vocabulary:
    """The vocabulary of a theory's declarations (its constants, predicates, functions)."""
    predicates, propositions = [], []
    for decl in theory.predicates.values():
        item = _predicate(decl)
        if isinstance(item, Proposition):
            propositions.append(item)
        elif item is not None:
            predicates.append(item)
    attributes = [a for a in map(_attribute, theory.functions.values()) if a is not None]
    entities = [e for e in map(_entity, theory.constants.values()) if e is not None]
    return Vocabulary(tuple(predicates), tuple(entities), tuple(attributes), tuple(propositions))


def with_names(vocab: Vocabulary, rng: random.Random, *, per_sort: int = 4,
               lexicon: Lexicon = DEFAULT_LEXICON, avoid: frozenset[str] = frozenset()) -> Vocabulary:
    """``vocab`` plus, for every sort its predicates and functions use, ``per_sort`` new
    people's names and three names of things: a place's ("Oslo"), a made-up word's
    ("Wumpus", as systems and products are named: "Payroll is a production system.") and
    a definite description of one or two nouns ("the library computer", as in "The
    payroll database is a production system."), except sorts that already have two or
    more declared constants. A description uses none of the words in ``avoid``: the
    words of the theory's glosses, where schema-guided candidates end a description
    (``neurosym.parser.candidates.gloss_words``)."""
    sorts = sorted({sort for p in vocab.predicates for sort in p.arg_sorts}
                   | {a.arg_sort for a in vocab.attributes})
    taken = {p.name for p in vocab.predicates} | {e.name for e in vocab.entities} \
        | {a.name for a in vocab.attributes} | {p.name for p in vocab.propositions}
    free = [person for person in lexicon.people if person.name not in taken]
    rng.shuffle(free)
    places = [place for place in lexicon.places if place.name not in taken]
    rng.shuffle(places)
    made_up = [Entity(noun.name, noun.noun.title(), "it") for noun in lexicon.nouns
               if noun.invented and noun.name not in taken]
    rng.shuffle(made_up)
    nouns = [noun.noun for noun in lexicon.nouns if not set(noun.noun.split()) & avoid]
    declared = {sort: len(vocab.entities_of(sort)) for sort in sorts}
    named = [sort for sort in sorts if declared[sort] < 2]  # drugs, roles: named things of their own
    extra = []
    for sort in named:
        names = free[:per_sort] + places[:1] + made_up[:1]
        free, places, made_up = free[per_sort:], places[1:], made_up[1:]
        extra += [Entity(name.name, name.text, name.pronoun, sort) for name in names]
    taken |= {entity.name for entity in extra}
    for sort in named:
        description = _description(nouns, rng)
        name = symbol_name(description) if description is not None else None
        if name is not None and name not in taken:
            taken.add(name)
            extra.append(Entity(name, "the " + description, "it", sort))
    return Vocabulary(vocab.predicates, (*vocab.entities, *extra), vocab.attributes, vocab.propositions)


def _description(nouns: list[str], rng: random.Random) -> str | None:
    """One noun ("the robot") or, three times in five, a noun said of another ("the
    library computer"), at most three words."""
    if not nouns:
        return None
    words = rng.choice(nouns)
    if rng.random() < 0.6:
        modifier = rng.choice(nouns)
        if len(modifier.split()) + len(words.split()) <= 3 and modifier != words:
            words = f"{modifier} {words}"
    return words
