"""Two statements about one subject, joined by "and": the sentence as its two clauses.

The parser reads "Ann is 30 years old." and "Ann weighs 60 kg." but not "Ann is 30 years
old and weighs 60 kg." (every reading of the whole leaves out a quantity: the generator
never joins two quantities so). Such a sentence says both clauses of its subject, so
``SemanticParser.parse`` reads each clause on its own, with the subject said again, and
offers the conjunction of the two readings when the whole sentence has no reading that
passes the reading checks (``semantic_parser._with_clause_readings``).

Only the plainest shape is split: a name or "the" and a noun, then a first verb phrase,
one "and", and a second verb phrase that starts with a lower-case word that is no
verb form of a singular subject ("and weighs 60 kg", "and joined ..."; not "and Bob is
red", "and a dog barks", "and aspirin"); no other logic word ("or", "if", "not both", "either" ...) in
the sentence, whose structure the split would change.

>>> shared_subject_clauses("Ann is 30 years old and weighs 60 kg.")
('Ann is 30 years old.', 'Ann weighs 60 kg.')
>>> shared_subject_clauses("Frank works full time and has taken 20 days off this year.")
('Frank works full time.', 'Frank has taken 20 days off this year.')
>>> shared_subject_clauses("Bob is big and Alice is red.") is None
True

Two clauses with subjects of their own ("Anna is older than Ben, and Ben is older than
Chris.") are split alike by ``independent_clauses``: each subject a name or "the" and a
noun followed by a verb form of a singular subject ("At least one of A and B is red." has
none), one "and", and no logic word that could reach across the "and" ("or", "if",
"either", "every" ...; "not" and "than" stay inside their clause).

>>> independent_clauses("Anna is older than Ben, and Ben is older than Chris.")
('Anna is older than Ben.', 'Ben is older than Chris.')
>>> independent_clauses("Ann is 30 years old and weighs 60 kg.") is None
True

And one verb of two objects ("Mary owns a car and a bike.", which the network reads as
``own_car(mary) and bike(mary)``) is said of each by ``shared_verb_clauses``: each object
an article and a word or two, a capitalised name, or a bare word or two whose last is no
verb form ("and milk"; "and the mouse runs" is a clause of its own).

>>> shared_verb_clauses("Maria speaks French and Spanish.")
('Maria speaks French.', 'Maria speaks Spanish.')
>>> shared_verb_clauses("The cat chases the dog and the mouse runs.") is None
True
"""

from __future__ import annotations

import re

from .candidates import lemmas_of_past

__all__ = ["shared_subject_clauses", "independent_clauses", "shared_verb_clauses", "may_be_a_verb", "NAME_OR_THE_NOUN",
           "MODALS"]

# A clause's subject: "the" and a noun, or a name of one or more capitalized words.
NAME_OR_THE_NOUN = r"(?:[Tt]he\s+[a-z][\w-]*|[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)"
_SHAPE = re.compile(
    rf"\s*(?P<subject>{NAME_OR_THE_NOUN})"
    r"\s+(?P<first>[a-z][^,;]*?),?\s+and\s+(?P<second>(?P<head>[a-z][\w'-]*)\b[^,;]*?)\s*[.!]?\s*$")
_TWO_SUBJECTS = re.compile(
    rf"\s*(?P<first>(?P<subject>{NAME_OR_THE_NOUN})\s+(?P<first_head>[a-z][\w'-]*)\b[^,;]*?),?\s+and\s+"
    rf"(?P<second>{NAME_OR_THE_NOUN}\s+(?P<head>[a-z][\w'-]*)\b[^,;]*?)\s*[.!]?\s*$")
# One object of a verb: an article and a word or two, a capitalised name, or a bare word or two.
_OBJECT = r"(?:(?:an?|the)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?|[a-z][\w-]*(?:\s+[a-z][\w-]*)?)"
_TWO_OBJECTS = re.compile(
    rf"\s*(?P<lead>(?P<subject>{NAME_OR_THE_NOUN})\s+(?P<verb>[a-z][\w'-]*)(?:\s+(?:to|with|at|in|on|about|for|of))?)"
    rf"\s+(?P<first>{_OBJECT}),?\s+and\s+(?P<second>{_OBJECT})\s*[.!]?\s*$")
# Words that begin no clause's subject of its own: "It is not the case that ...".
_NO_SUBJECTS = frozenset("It There This That He She They We I You Every All Each No Some".split())
# Logic words whose reach a split would cut ("not" and "than" stay inside their clause).
_LOGIC_ACROSS = re.compile(r"\b(?:or|nor|if|then|unless|when|whenever|either|neither|both|but|only|every|all|as long as|provided"
                           r"|each|no|some|whoever|who|which|that|it|they|he|she|case|true|false|untrue)\b", re.I)
_ELLIPSIS = re.compile(r"\b(?:not|too|so|either|is|are|was|were|does|do|did|can|will|has|have)\s*[.!]?\s*$")
# Subjects that say something general: "Someone is a judge and pulls the tree." is about one
# someone, whom two sentences would not say.
_GENERAL_SUBJECTS = frozenset("""Every All Each No Some Someone Something Somebody Everyone Everything Everybody
Anyone Anything Anybody Nothing Nobody People Things Whoever Whatever""".split())
# Words that refer to something said elsewhere in the sentence ("Everything that is ...",
# "... provided that it is noisy"): the split would cut the reference.
_REFERRING = re.compile(r"\b(?:that|who|which|whom|whose|it|they|he|she|provided)\b", re.I)
# "Amelia isn't a co-signer ...": a negated verb of a singular subject.
_SINGULAR_NEGATIONS = frozenset("isn't wasn't doesn't didn't hasn't hadn't can't couldn't won't wouldn't shouldn't mustn't"
                                .split())
MODALS = frozenset("can cannot could may might must shall should will would".split())
# Capitalised first words that name nothing: quantifiers, pronouns, determiners.
NO_NAMES = frozenset("""all every each no some any none nothing nobody something someone somebody everything
everyone everybody anything anyone anybody whoever whatever it he she they we i you this that these those there
if when whenever unless either neither both only not many most few several""".split())
_LOGIC = re.compile(r"\b(?:or|nor|if|then|unless|when|whenever|either|neither|both|but|only|not|n't|every|all|each|as long as|provided"
                    r"|no|some|whoever|than)\b", re.I)


def shared_subject_clauses(sentence: str) -> tuple[str, str] | None:
    """The two clauses of ``sentence`` as sentences, its subject said in each, or None
    when it is not of the shape the module docstring gives."""
    found = _SHAPE.fullmatch(sentence)
    if found is None or not may_be_a_verb(found.group("head")) or sentence.count(" and ") != 1:
        return None
    subject = found.group("subject")
    if subject.split()[0] in _GENERAL_SUBJECTS or _LOGIC.search(sentence) or _REFERRING.search(sentence) \
            or not may_be_a_verb(found.group("first").split()[0]):
        return None  # "Someone is a judge and pulls the tree.": one someone, not two; "Cats are ...": a rule
    return f"{subject} {found.group('first')}.", f"{subject} {found.group('second')}."


def may_be_a_verb(word: str) -> bool:
    """Whether ``word`` may be the verb of a singular subject: a form in -s ("weighs",
    "has", "is"), in -ed ("joined"), an irregular past ("took") or a modal. Not a noun or
    adjective that would make the second part no clause ("and aspirin", "and rich")."""
    return (word.endswith("s") and not word.endswith("ss")) or (word.endswith("ed") and len(word) > 4) \
        or word in MODALS or word in _SINGULAR_NEGATIONS or bool(lemmas_of_past(word))


def independent_clauses(sentence: str) -> tuple[str, str] | None:
    """The two clauses of ``sentence`` as sentences when each has a subject of its own
    (see the module docstring), or None."""
    found = _TWO_SUBJECTS.fullmatch(sentence)
    if found is None or not may_be_a_verb(found.group("first_head")) or not may_be_a_verb(found.group("head")) \
            or sentence.count(" and ") != 1:
        return None
    if found.group("subject").split()[0] in _NO_SUBJECTS or _LOGIC_ACROSS.search(sentence):
        return None
    second = found.group("second")
    if _ELLIPSIS.search(second):  # "and Carol is not": the clause borrows the first one's words
        return None
    return f"{found.group('first')}.", f"{second[0].upper()}{second[1:]}."


def shared_verb_clauses(sentence: str) -> tuple[str, str] | None:
    """``sentence``'s verb said of each of its two objects ("Mary owns a car." and "Mary
    owns a bike."), or None when it is not of the shape the module docstring gives or
    says another logic word."""
    found = _TWO_OBJECTS.fullmatch(sentence)
    if found is None or not may_be_a_verb(found.group("verb")) or sentence.count(" and ") != 1 \
            or found.group("subject").split()[0] in _NO_SUBJECTS or _LOGIC.search(sentence):
        return None
    if any(len(words) > 1 and may_be_a_verb(words[-1])
           for phrase in (found.group("first"), found.group("second"))
           if (words := phrase.split()[1:] if phrase.split()[0] in ("a", "an", "the") else phrase.split())):
        return None  # "the dog and the mouse runs": a second clause, not an object
    if found.group("second")[:1].islower() and found.group("second").split()[0] not in ("a", "an", "the") \
            and may_be_a_verb(found.group("second").split()[0]):
        return None  # "and sleeps": a second verb phrase (shared_subject_clauses)
    lead = found.group("lead")
    return f"{lead} {found.group('first')}.", f"{lead} {found.group('second')}."
