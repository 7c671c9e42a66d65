"""A sentence's outermost connective, and the clauses it joins, read from the words alone.

The network reads a plain clause well ("Kenji catches the doctor.", "Every writer feeds
the kangaroo.") but not every way of joining clauses: the shipped one read "Not every
writer feeds the kangaroo." as ``forall x. writer(x) -> not feed(x, kangaroo)`` and "It
is raining as long as the tourist is a doctor." as ``rain``. How English joins two
statements into one is a small closed grammar, so this module says it by hand:
``outer_connective`` names the connective and the clauses, and ``SemanticParser`` reads
each clause on its own and joins the readings with the connective's operator
(``semantic_parser._with_connective_readings``), where no reading of the whole sentence
passes the reading checks.

>>> outer_connective("It is not the case that every dog is big.")
Connective(operator='not', clauses=('Every dog is big.',))
>>> outer_connective("Not all cats are black.")
Connective(operator='not', clauses=('All cats are black.',))
>>> outer_connective("If the door is locked, the alarm rings.")
Connective(operator='implies', clauses=('The door is locked.', 'The alarm rings.'))
>>> outer_connective("It is raining as long as the tourist is a doctor.")
Connective(operator='implies', clauses=('The tourist is a doctor.', 'It is raining.'))
>>> from neurosym.logic.parser import parse_formula
>>> from neurosym.logic.printer import to_text
>>> unless = outer_connective("Ruby is not a contractor unless Zongor submitted the form.")
>>> unless
Connective(operator='unless', clauses=('Zongor submitted the form.', 'Ruby is not a contractor.'))
>>> to_text(unless.formula([parse_formula("submitted(zongor, form)"), parse_formula("not contractor(ruby)")]))
'not submitted(zongor, form) -> not contractor(ruby)'

A clause that has no subject of its own borrows the first clause's, when that is a name or
"the" and a noun ("Chicago feeds Rina or is a duck, but not both."):

>>> outer_connective("Chicago feeds Rina or is a duck, but not both.")
Connective(operator='xor', clauses=('Chicago feeds Rina.', 'Chicago is a duck.'))
>>> outer_connective("At least one of the rat, Ann and Gary lives in Oslo.")
Connective(operator='or', clauses=('The rat lives in Oslo.', 'Ann lives in Oslo.', 'Gary lives in Oslo.'))

Clauses are read apart only where nothing in one can point into the other: no pronoun
(but the subject of a condition's consequence, where the condition names one thing only)
and no indefinite subject ("If
a dog barks, the cat runs.": read alone, "A dog barks." is a rule about every dog). Then
no split is offered:

>>> outer_connective("If Dan is red, he is sharp or travels.")
Connective(operator='implies', clauses=('Dan is red.', 'Dan is sharp or travels.'))
>>> outer_connective("If Leo submitted the form, it was executed.") is None
True
>>> outer_connective("If something is big then it is red.") is None
True
>>> outer_connective("If a dog barks, the cat runs.") is None
True
>>> outer_connective("The cat chases the dog.") is None
True
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Sequence

from ..logic import ast
from .candidates import is_number_word, lemma_of_plural, third_person
from .clauses import NAME_OR_THE_NOUN, NO_NAMES, independent_clauses, may_be_a_verb, shared_subject_clauses
from .omission import WEATHER_IT
from .vocabulary import bound_afresh, canonical_variables

__all__ = ["Connective", "outer_connective", "connectives_unread", "clause_subjects_unnamed",
           "pronoun_conditions_misresolved"]


@dataclass(frozen=True)
class Connective:
    """The outermost connective of a sentence and the clauses it joins, each said as a
    sentence in full. ``operator`` is "not" (one clause), "implies" (condition, then
    consequence), "unless" (condition, then consequence: the consequence holds unless the
    condition does), "iff", "xor", "nor" (neither clause holds), "nand" (not both
    hold), "or" and "and" (two clauses or more)."""

    operator: str
    clauses: tuple[str, ...]
    word: str = field(default="", compare=False, repr=False)  # the connective as said: "as long as", "but not both"

    def formula(self, readings: Sequence[ast.Formula]) -> ast.Formula:
        """The sentence's formula, from a formula of each clause, in order."""
        if self.operator == "not":
            return ast.Not(readings[0])
        if self.operator == "or":
            return ast.Or(tuple(_flattened(ast.Or, readings)))
        if self.operator == "and":
            return ast.And(tuple(_flattened(ast.And, readings)))
        if self.operator == "nor":
            return ast.And(tuple(ast.Not(reading) for reading in readings))
        if self.operator == "nand":
            return ast.Not(ast.And(tuple(_flattened(ast.And, readings))))
        first, second = readings
        if self.operator == "implies":
            return _conditional(first, second)
        if self.operator == "unless":
            return _conditional(ast.Not(first), second)
        if self.operator == "iff":
            return ast.Iff(first, second)
        return ast.Xor(first, second)


def _conditional(condition: ast.Formula, consequence: ast.Formula) -> ast.Formula:
    """``condition -> consequence`` in the generator's prenex form, which directional
    semantics needs: what a condition says exists makes a rule about everything that meets
    it, and a consequence that is a rule adds the condition to its own ("If someone is
    light and Bob sings, cars stop." is ``forall x, y. light(x) and sing(bob) and car(y)
    -> stop(y)``, the same as ``(exists x. light(x)) and sing(bob) -> (forall y. car(y) ->
    stop(y))``: each clause is a sentence of its own, so neither binds a variable of the
    other)."""
    fresh = (f"v{n}" for n in itertools.count())
    binders, condition = _existentials_drawn_out(canonical_variables(condition), fresh)
    consequence = canonical_variables(consequence)
    if isinstance(consequence, ast.Forall) and isinstance(consequence.body, ast.Implies):
        rule_binders, rule = bound_afresh(consequence.binders, consequence.body, fresh)
        binders += rule_binders
        condition = ast.And(tuple(_flattened(ast.And, (condition, rule.left))))
        consequence = rule.right
    formula = ast.Implies(condition, consequence)
    return canonical_variables(ast.Forall(binders, formula) if binders else formula)


def _existentials_drawn_out(condition: ast.Formula, fresh) -> tuple[tuple[ast.Binder, ...], ast.Formula]:
    """The variables of the existentials that ``condition`` (or a conjunct of it) is, each
    named afresh, and the condition without those quantifiers."""
    if isinstance(condition, ast.Exists):
        binders, body = bound_afresh(condition.binders, condition.body, fresh)
        inner, body = _existentials_drawn_out(body, fresh)
        return binders + inner, body
    if isinstance(condition, ast.And):
        binders, conjuncts = (), []
        for conjunct in condition.args:
            drawn, conjunct = _existentials_drawn_out(conjunct, fresh)
            binders += drawn
            conjuncts.append(conjunct)
        return binders, ast.And(tuple(_flattened(ast.And, conjuncts)))
    return (), condition


def _flattened(kind: type, formulas: Sequence[ast.Formula]):
    """``formulas``, those of ``kind`` replaced by their arguments: "a or b or c", not
    "a or (b or c)"."""
    for formula in formulas:
        yield from formula.args if isinstance(formula, kind) else (formula,)


# A clause that begins with a name, or "the" and a noun (``clauses.NAME_OR_THE_NOUN``).
_SUBJECT = re.compile(rf"{NAME_OR_THE_NOUN}(?=\s+[a-z])")
_SINGULAR_VERB = re.compile(r"is|was|has|does|isn't|wasn't|hasn't|doesn't|[a-z]+[^s\W]s", re.I)
_ADVERB = re.compile(r"[a-z]+ly|often|always|never|sometimes|seldom|also|still|usually", re.I)
_COPULAS = frozenset("is was isn't wasn't".split())
_SUBJECT_PRONOUN = re.compile(r"(?:he|she|it|they)\s+(?=[a-z])", re.I)
_MENTION = re.compile(rf"\b{NAME_OR_THE_NOUN}")
# A sentential negation ("It is not the case that ...", "It is untrue that ..."), and a
# denied generality ("Not every ...").
_NOT_THE_CASE = re.compile(
    r"it\s+(?:is\s+not|isn't|is\s+untrue|is\s+false|was\s+not|wasn't)\s+(?:the\s+case\s+|true\s+)?"
    r"that\s+(?P<clause>.+)", re.I)
_NOT_EVERY = re.compile(r"not\s+(?P<clause>(?:every|all|each)\s+.+)", re.I)
# Conditions said first: "If A, (then) B", "Unless A, B", "Whenever A, B".
_CONDITION_FIRST = re.compile(
    r"(?P<word>if|unless|whenever|when|provided\s+that|as\s+long\s+as)\s+(?P<condition>[^,]+?)"
    r"(?:,\s*then\s+|\s+then\s+|,\s*)(?P<consequence>[^,]+)", re.I)
# Conditions said second; "if and only if" and "only if" tried before "if".
_CONDITION_AFTER = (
    ("iff", re.compile(r"(?P<first>.+?)\s+if\s+and\s+only\s+if\s+(?P<second>.+)")),
    ("only if", re.compile(r"(?P<first>.+?)\s+only\s+if\s+(?P<second>.+)")),
    ("unless", re.compile(r"(?P<first>.+?)\s+unless\s+(?P<second>.+)")),
    ("if", re.compile(r"(?P<first>.+?)\s+(?:if|whenever|when|as\s+long\s+as|provided\s+that)\s+(?P<second>.+)")),
)
_NEITHER_SHARED = re.compile(r"[Nn]either\s+(?P<first>.+?)\s+nor\s+(?P<second>.+)")
# The subject of "neither" or "not both" may be "the" and up to three words: the
# connective's word ends it ("The prootel computer neither has ... nor ...").
_LONG_SUBJECT = r"(?:[Tt]he(?:\s+[a-z][\w-]*){1,3}|[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)"
_NEITHER_SAME_SUBJECT = re.compile(
    rf"(?P<subject>{_LONG_SUBJECT})\s+(?P<be>(?:is|are|was|were|can|does|did)\s+)?neither\s+(?P<first>.+?)"
    r"\s+nor\s+(?P<second>.+)")
# "The tower is not both an employee and soft.", "The poet does not both greet the doctor
# and play piano.": one subject denied two predicates together.
_NOT_BOTH = re.compile(
    rf"(?P<subject>{_LONG_SUBJECT})\s+(?P<auxiliary>is|are|was|were|does|do|can|could|must|may|should|will|would)"
    r"(?:\s+not|n't|(?<=can)not)\s+both\s+(?P<first>.+?)\s+and\s+(?P<second>.+)")
_THEN = re.compile(r"\bthen\b", re.I)  # "If A, B and C then D": the condition ends at "then", not the comma
_UNFINISHED = re.compile(r"(?:,|\b(?:and|or|but))\s*$")
_BUT = re.compile(r"(?P<first>.+?),?\s+but\s+(?P<second>.+)")
_BUT_NOT_BOTH = re.compile(r"(?P<first>.+?),?\s+or\s+(?P<second>.+?),\s+but\s+not\s+both")
_EITHER = re.compile(r"[Ee]ither\s+(?P<first>.+?),?\s+or\s+(?P<second>.+)")
_AT_LEAST_ONE_OF = re.compile(r"[Aa]t\s+least\s+one\s+of\s+(?P<rest>.+)")
_LIST_SEPARATOR = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
# Words by which one clause points into another: pronouns, and words that repeat what
# the other said ("so", "too"). The weather's "it" ("it is raining") points nowhere.
_ANAPHORA = re.compile(r"\b(?:it|its|itself|they|them|their|themselves|he|him|his|himself|she|her|herself"
                       r"|one|ones|so|too|also|same|such|either|neither|both|whoever|who|whom|whose)\b", re.I)
# An indefinite subject, which read alone makes a clause a generality.
_INDEFINITE_SUBJECT = re.compile(r"(?:an?|any|some)\s", re.I)
# Connectives that would make a split at another one ambiguous ("A if B unless C").
_OTHER_CONNECTIVES = re.compile(r"\b(?:if|unless|when|whenever|provided|long|either|neither|nor)\b", re.I)


@lru_cache(maxsize=1024)  # the reading checks ask again for every reading of a sentence
def outer_connective(sentence: str) -> Connective | None:
    """The outermost connective of ``sentence`` and its clauses, or None when the sentence
    is no join of clauses this module knows, or a split would cut a pronoun off what it
    names (see the module docstring)."""
    found = _connective(sentence.strip().rstrip(".!").strip())  # pronouns left in a clause fail below
    if found is None or any(_points_outside(clause) or len(clause.split()) < 2 for clause in found.clauses):
        return None
    return found


def _connective(text: str) -> Connective | None:
    if negated := _NOT_THE_CASE.fullmatch(text) or _NOT_EVERY.fullmatch(text):
        said = _said(text, negated.start("clause"))
        if negated.re is _NOT_EVERY:
            said = f"not {negated.group('clause').split()[0].lower()}"
        return Connective("not", (_sentence(negated.group("clause")),), said)
    if (shared := _AT_LEAST_ONE_OF.fullmatch(text)) and (listed := _listed_subjects(shared.group("rest"))):
        subjects, predicate = listed
        return Connective("or", tuple(_sentence(f"{subject} {predicate}") for subject in subjects),
                          "at least one of")
    if text.count(" nor ") == 1 and (denied := _neither_nor(text)):
        return denied
    if text.count(" and ") == 1 and (denied := _not_both(text)):
        return denied
    if text.count(" or ") == 1 and (exclusive := _BUT_NOT_BOTH.fullmatch(text) or _EITHER.fullmatch(text)):
        word = "either" if exclusive.re is _EITHER else "but not both"
        return _joined("xor", exclusive.group("first"), exclusive.group("second"), word)
    if (conditional := _CONDITION_FIRST.fullmatch(text)) and not _OTHER_CONNECTIVES.search(
            conditional.group("condition")) and not _THEN.search(conditional.group("consequence")):
        word = " ".join(conditional.group("word").lower().split())
        condition = conditional.group("condition")
        consequence = _pronoun_resolved(conditional.group("consequence"), condition)
        return Connective("unless" if word == "unless" else "implies", (_sentence(condition), _sentence(consequence)),
                          word)
    if (listed := _three_clauses_or_more(text) or _general_statements(text) or _plural_subjects_listed(text)) \
            is not None:
        return listed
    if text.count(" but ") == 1 and (contrast := _BUT.fullmatch(text)) and not _OTHER_CONNECTIVES.search(text):
        return _joined("and", contrast.group("first"), contrast.group("second"), "but")
    for word, pattern in _CONDITION_AFTER:
        if (conditional := pattern.fullmatch(text)) is None:
            continue
        first, second = conditional.group("first"), conditional.group("second")
        second = _pronoun_resolved(second, first)
        if _OTHER_CONNECTIVES.search(first) or _OTHER_CONNECTIVES.search(second) or not _SUBJECT.match(first) \
                or _UNFINISHED.search(first) or "," in second:
            return None  # "A if B unless C", "A, B and if C, D" group more than one way
        said = _said(text, conditional.end("first"), conditional.start("second"))
        if word == "iff":
            return Connective("iff", (_sentence(first), _sentence(second)), said)
        if word == "only if":
            return Connective("implies", (_sentence(first), _sentence(second)), said)
        return Connective("unless" if word == "unless" else "implies", (_sentence(second), _sentence(first)), said)
    return None


def _listed_subjects(text: str) -> tuple[list[str], str] | None:
    """The subjects listed first in ``text`` and the predicate they share ("the adult,
    Chicago and the citizen" and "is prunish"), or None: the predicate starts at the first
    verb form not after an article, and the list before it has two subjects or more, each
    of a few words."""
    words = text.split()
    for k in range(1, len(words)):
        if words[k].islower() and words[k - 1].lower() not in ("the", "a", "an") and may_be_a_verb(words[k]):
            subjects = _LIST_SEPARATOR.split(" ".join(words[:k]))
            if len(subjects) > 1 and all(subject and len(subject.split()) <= 4 for subject in subjects):
                return subjects, " ".join(words[k:])
            return None
    return None


def _neither_nor(text: str) -> Connective | None:
    """ "Neither A nor B P" and "X (is) neither P nor Q" as the two clauses it denies."""
    if shared := _NEITHER_SHARED.fullmatch(text):
        listed = _listed_subjects(f"{shared.group('first')} and {shared.group('second')}")
        if listed is None or len(listed[0]) != 2:
            return None
        subjects, predicate = listed
        return Connective("nor", tuple(_sentence(f"{subject} {predicate}") for subject in subjects), "neither ... nor")
    if (same := _NEITHER_SAME_SUBJECT.fullmatch(text)) is None:
        return None
    lead = f"{same.group('subject')} {same.group('be') or ''}"
    return Connective("nor", (_sentence(lead + same.group("first")), _sentence(lead + same.group("second"))),
                      "neither ... nor")


def _not_both(text: str) -> Connective | None:
    """ "X is not both P and Q" and "X does not both V and W" as the two clauses whose
    conjunction it denies ("X is P.", "X Vs."); not after "did", whose verbs' past this
    module does not form."""
    if (denied := _NOT_BOTH.fullmatch(text)) is None or _OTHER_CONNECTIVES.search(text):
        return None
    subject, auxiliary = denied.group("subject"), denied.group("auxiliary")
    predicates = [denied.group("first"), denied.group("second")]
    if auxiliary == "does":
        predicates = [" ".join([third_person(predicate.split()[0]), *predicate.split()[1:]]) for predicate in predicates]
    lead = subject if auxiliary in ("does", "do") else f"{subject} {auxiliary}"
    return Connective("nand", tuple(_sentence(f"{lead} {predicate}") for predicate in predicates), "not both")


def _three_clauses_or_more(text: str) -> Connective | None:
    """ "A is small, B is small, and C is small." as its clauses, each with a subject of
    its own (a name or "the" and a noun, and a verb form of a singular subject), when no
    other logic word could reach across them; two clauses are ``parser.clauses``'."""
    if " or " in text or _OTHER_CONNECTIVES.search(text):
        return None
    clauses = _LIST_SEPARATOR.split(text)
    if len(clauses) < 3 or any(_subject_of(clause) is None for clause in clauses):
        return None
    return Connective("and", tuple(_sentence(clause) for clause in clauses), "and")


# Verb forms that follow a plural subject, by which a bare plural is told from a noun
# that is no subject ("Cats are ...", "Birds can ..."); a plain plural verb ("Birds fly")
# cannot be told from a noun by its spelling.
_PLURAL_VERBS = frozenset("""are were aren't weren't can cannot can't could must may might should will would do don't
did didn't have need""".split())
_RELATIVE = re.compile(r"\b(?:that|who|which|whom|whose)\b", re.I)
# Quantifiers that take a singular verb ("Every cat is ...", "Nothing is ...").
_SINGULAR_QUANTIFIERS = frozenset("every each no everything everyone everybody nothing nobody".split())


def _general_statements(text: str) -> Connective | None:
    """ "Every cat is an animal, and every animal is mortal." or "All men are mortal and
    Socrates is a man." as its clauses, when at least one is a general statement (a
    quantifier and its noun, or a bare plural, before a verb) and each of the others has a
    name or "the" and a noun for its subject, and no other logic word could reach across
    them. The network reads such a sentence as one rule ("Cats are animals and dogs are
    animals." as ``forall x. cat(x) and dog(x) -> animal(x)``, 0.96)."""
    if " or " in text or " but " in text or _OTHER_CONNECTIVES.search(text) or _RELATIVE.search(text):
        return None  # "Everything that is an adult and works part time ...": the "and" is the relative clause's
    clauses = _LIST_SEPARATOR.split(text)
    general = [_is_general(clause) for clause in clauses]
    if len(clauses) < 2 or not any(general) \
            or not all(is_general or _subject_of(clause) is not None for is_general, clause in zip(general, clauses)):
        return None
    return Connective("and", tuple(_sentence(clause) for clause in clauses), "and")


def _is_general(clause: str) -> bool:
    """Whether ``clause`` says something of every or no thing of a kind: "every cat is
    ...", "nothing is ...", "all cats are ...", "cats can ...", "dogs bark" (the verb one
    that tells a subject: ``_PLURAL_VERBS``, a singular one after "every", "no" ..., or a
    plain word after a plural noun)."""
    words = clause.split()
    if len(words) < 2:
        return False
    if words[0].lower() in _SINGULAR_QUANTIFIERS:
        return len(words) > 2 and any(_SINGULAR_VERB.fullmatch(word) or word.lower() in _PLURAL_VERBS
                                      for word in words[2:])
    subject = words[1:] if words[0].lower() == "all" else words
    verb = next((k for k, word in enumerate(subject) if word.lower() in _PLURAL_VERBS), None)
    if verb is None:  # "Dogs bark": a plural noun, then a word of a plural verb's form
        verb = next((k + 1 for k, word in enumerate(subject[:3]) if _bare_plural(subject[:k + 1])), None)
        return verb is not None and verb < len(subject) and _plain_verb(subject[verb]) \
            and not any(is_number_word(word) or word.lower() in _QUANTITY_WORDS
                        for word in subject[:verb])  # "eleven centimeters tall"
    return _bare_plural(subject[:verb])


def _plain_verb(word: str) -> bool:
    """Whether ``word`` may be the verb of a plural subject: a word in lower case, not in
    -s, and no word of logic, article or preposition."""
    return word.isalpha() and word.islower() and not word.endswith("s") and word not in _NOT_PLAIN_VERBS


# Words of a quantity but numbers (``candidates.is_number_word``), before a plural that is no
# generic subject ("two hundred and eleven centimeters tall", "many dogs").
_QUANTITY_WORDS = frozenset("billion dozen dozens hundreds thousands millions few many several most both".split())
_NOT_PLAIN_VERBS = frozenset("""a an the and or but not no nor if then that who which whom whose than as to of in on at
for with from by about into onto over under very too also only""".split())


def _bare_plural(words: Sequence[str]) -> bool:
    """Whether ``words`` are a plural noun after at most two other words, in lower case
    but a sentence's capital first: "cats", "Red birds", "people"."""
    if not 0 < len(words) <= 3 or not all(word.isalpha() for word in words):
        return False
    if not all(word.islower() for word in [words[0][:1].lower() + words[0][1:], *words[1:]]):
        return False
    noun = words[-1].lower()
    return lemma_of_plural(noun) != noun


@lru_cache(maxsize=1024)  # connectives_unread asks again for every reading of a sentence
def _plural_subjects_listed(text: str) -> Connective | None:
    """ "Cats and dogs are animals." and "All birds and bats can fly." as a clause of each
    kind ("Cats are animals.", "Dogs are animals."): the bare plurals listed before a
    verb form that follows a plural (``_PLURAL_VERBS``). Each kind is said of alone;
    ``forall x. cat(x) and dog(x) -> animal(x)`` misreads it
    (``omission.coordinated_kinds_intersected``)."""
    if " or " in text or _OTHER_CONNECTIVES.search(text):
        return None
    words = text.split()
    lead = words[:1] if words and words[0].lower() == "all" else []
    verb = next((k for k, word in enumerate(words) if word.lower() in _PLURAL_VERBS), None)
    if verb is None:
        return None
    subjects = _LIST_SEPARATOR.split(" ".join(words[len(lead):verb]))
    if len(subjects) < 2 or not all(_bare_plural(subject.split()) for subject in subjects):
        return None
    predicate = " ".join(words[verb:])
    return Connective("and", tuple(_sentence(" ".join([*lead, subject, predicate])) for subject in subjects), "and")


def _pronoun_resolved(clause: str, earlier: str) -> str:
    """``clause`` with a pronoun that is its subject ("he is sharp") said as the subject of
    the ``earlier`` clause ("Dan is sharp"), when that is the only name or "the" and a
    noun that the earlier clause says ("If Dan is red, he is sharp."; not "If Leo submitted
    the form, it was executed.", where "it" may be either)."""
    pronoun = _SUBJECT_PRONOUN.match(clause)
    subject = _subject_of(earlier)
    if pronoun is None or subject is None or WEATHER_IT.match(clause):
        return clause
    if len(_MENTION.findall(earlier)) != 1 and not _it_after_the_noun(pronoun.group(0).strip(), subject):
        return clause
    return f"{subject} {clause[pronoun.end():]}"


def _it_after_the_noun(pronoun: str, subject: str) -> bool:
    """Whether ``pronoun`` is "it" (or "its") and ``subject`` is "the" and a noun: the
    pronoun then stands for the subject, as English reads it first, and not for another
    thing named by a name ("The breebick hates Zoe when it helps James.")."""
    return pronoun.lower() in ("it", "its") and subject.split()[0].lower() == "the"


def _subject_of(clause: str) -> str | None:
    """The subject of ``clause`` when it is a name or "the" and a noun of a few words,
    followed by the verb form of a singular subject ("the folk song" in "the folk song
    is smart"), else None: none in "Birds can fly", whose first word may be a generic
    plural (a pronoun that stands for it is bound, not a name)."""
    words = clause.rstrip(".!?;, ").split()  # "Bob sleeps." ends in its verb
    if not words or words[0].lower() in NO_NAMES:
        return None
    if words[0].lower() == "the":
        ends = [k for k in range(2, min(len(words), 5))
                if all(word.islower() and not _ADVERB.fullmatch(word) for word in words[1:k])]
    else:
        names = next((k for k, word in enumerate(words) if not word[:1].isupper()), len(words))
        ends = [names] if 0 < names < len(words) else []  # a name, then more: "grows vegetables" has no subject
    for end in ends:
        verb = next((k for k in range(end, len(words)) if not _ADVERB.fullmatch(words[k])), None)  # "often reads"
        if verb is not None and _SINGULAR_VERB.fullmatch(words[verb]):
            return " ".join(words[:end])
    return None


def _joined(operator: str, first: str, second: str, word: str) -> Connective | None:
    """Two clauses, the second borrowing the first's subject when it starts with a verb
    ("Chicago feeds Rina or is a duck"), and its copula too when it starts with neither
    verb nor article ("The folk song is smart or fragile")."""
    head = second.split()[0] if second.split() else ""
    if head.islower() and head not in ("the", "a", "an"):
        subject = _subject_of(first)
        if subject is None:
            return None
        if may_be_a_verb(head):
            second = f"{subject} {second}"
        elif (copula := first[len(subject):].split()[0]) in _COPULAS:
            second = f"{subject} {copula} {second}"
        else:
            return None
    return Connective(operator, (_sentence(first), _sentence(second)), word)


def _said(text: str, start: int, end: int | None = None) -> str:
    """The connective's words: ``text`` up to ``start`` (or between ``start`` and
    ``end``), lower-cased, spaces single."""
    return " ".join((text[:start] if end is None else text[start:end]).lower().split())


def _sentence(clause: str) -> str:
    """A clause said as a sentence of its own: a capital first, a stop last."""
    clause = clause.strip().rstrip(",.")
    return f"{clause[:1].upper()}{clause[1:]}."


def _points_outside(clause: str) -> bool:
    """Whether ``clause`` may name something only the other clause says: a pronoun (not
    the weather's "it"), or an indefinite subject that alone reads as a generality."""
    return bool(_ANAPHORA.search(WEATHER_IT.sub("", clause))) or bool(_INDEFINITE_SUBJECT.match(clause))


# The roots a reading of each connective may have: the connective's own operator, or
# one the generator writes for the same meaning ("Not all cats are black." as "exists x.
# cat(x) and not black(x)"; "A unless B" as "B or A"), or a quantifier that a clause's
# generality was drawn out to ("Every dog barks when the cat sleeps." as "forall x.
# dog(x) and sleep(cat) -> bark(x)").
_ROOTS = {
    "not": (ast.Not, ast.Exists, ast.Forall, ast.Compare),
    "implies": (ast.Implies, ast.Or, ast.Forall),
    "unless": (ast.Implies, ast.Or, ast.Forall),
    "iff": (ast.Iff, ast.Forall),
    "xor": (ast.Xor, ast.Forall),
    "or": (ast.Or,),
    "and": (ast.And,),
    "nor": (ast.And, ast.Not, ast.Forall),
    "nand": (ast.Not, ast.Forall),
}


def connectives_unread(formula: ast.Formula, sentence: str) -> str | None:
    """The sentence's outermost connective, quoted, when ``formula`` does not join its
    clauses by it ("Grace avoids Dan as long as it is raining." read ``avoid(grace, dan)
    <-> rain -> avoid(grace, dan)``), else None. "Either ... or" may be read as "or":
    FOLIO's gold logic reads it both ways.

    >>> from neurosym.logic.parser import parse_formula
    >>> connectives_unread(parse_formula("staunous(oslo) and library(joseph)"), "Oslo is staunous as long as Joseph is a library.")
    "'as long as'"
    >>> connectives_unread(parse_formula("library(joseph) -> staunous(oslo)"), "Oslo is staunous as long as Joseph is a library.") is None
    True
    >>> connectives_unread(parse_formula("not (tourist(poet) and mountain(ruby))"), "The poet is not a tourist and Ruby is a mountain.")
    "'and'"
    """
    found = outer_connective(sentence)
    if found is None:
        # Two clauses joined by "and" alone ("The poet is not a tourist and Ruby is a mountain.",
        # read ``not (tourist(poet) and mountain(ruby))`` at 0.998 by the split network): their
        # conjunction, whatever each clause says.
        joined = shared_subject_clauses(sentence) or independent_clauses(sentence)
        return "'and'" if joined is not None and not isinstance(formula, ast.And) else None
    roots = _ROOTS[found.operator] + ((ast.Or,) if found.word == "either" else ())
    if found.operator == "and" and _plural_subjects_listed(sentence.strip().rstrip(".!").strip()) is not None:
        roots += (ast.Forall,)  # "Cats and dogs are animals." is "forall x. cat(x) or dog(x) -> animal(x)" too
    return None if isinstance(formula, roots) else f"'{found.word}'"


def clause_subjects_unnamed(formula: ast.Formula, sentence: str) -> list[str]:
    """The subjects of the sentence's clauses (a name, or "the" and a noun) that
    ``formula`` does not name as a constant where it says that clause: nowhere, or, where
    its operands are the clauses' (the connective's operator at the root, one operand per
    clause), not in the clause's own operand, and so on down nested connectives. "Either
    the door is locked or the alarm is on." read ``locked(door) xor alarm(door)`` (0.75)
    makes the alarm a property of the door; "The painter neither feeds Charlie nor reads
    books." read ``not feed(painter, charlie) and not read_books(charlie)`` (the split
    network, 0.92) gives the second clause the first one's object. Open mode, where a
    subject's constant is its words ("the folk song" is ``folk_song``).

    >>> from neurosym.logic.parser import parse_formula
    >>> clause_subjects_unnamed(parse_formula("locked(door) xor alarm(door)"), "Either the door is locked or the alarm is on.")
    ['the alarm']
    >>> clause_subjects_unnamed(parse_formula("not feed(painter, charlie) and not read_books(charlie)"),
    ...                         "The painter neither feeds Charlie nor reads books.")
    ['the painter']
    """
    found = outer_connective(sentence)
    if found is None:
        return []
    operands = _operands(formula, found)
    if operands is None:
        constants = ast.constant_names(formula)
        return [subject.lower() for clause in found.clauses
                if (subject := _subject_of(clause)) is not None and _constant_of(subject) not in constants]
    unnamed = []
    for operand, clause in zip(operands, found.clauses):
        subject = _subject_of(clause)
        if subject is not None and _constant_of(subject) not in ast.constant_names(operand):
            unnamed.append(subject.lower())
        else:
            unnamed += clause_subjects_unnamed(operand, clause)
    return list(dict.fromkeys(unnamed))


def _operands(formula: ast.Formula, found: Connective) -> tuple[ast.Formula, ...] | None:
    """The operands of ``formula`` that say ``found``'s clauses, in the clauses' order,
    where the connective's form is its root with one operand per clause (as
    ``Connective.formula`` joins them, but a negated condition of "unless" whole), else None."""
    operator, count = found.operator, len(found.clauses)
    if operator == "not":
        return (formula.arg,) if isinstance(formula, ast.Not) else None
    if operator == "nand":
        denied = formula.arg if isinstance(formula, ast.Not) else None
        return denied.args if isinstance(denied, ast.And) and len(denied.args) == count else None
    if operator in ("and", "or", "nor"):
        kind = ast.Or if operator == "or" else ast.And
        if not isinstance(formula, kind) or len(formula.args) != count:
            return None
        if operator == "nor":
            return tuple(arg.arg for arg in formula.args) if all(isinstance(arg, ast.Not) for arg in formula.args) \
                else None
        return formula.args
    kind = {"implies": ast.Implies, "unless": ast.Implies, "iff": ast.Iff, "xor": ast.Xor}[operator]
    if not isinstance(formula, kind):
        return None
    if operator == "unless":
        return (formula.left.arg, formula.right) if isinstance(formula.left, ast.Not) else None
    return formula.left, formula.right


def _constant_of(subject: str) -> str:
    """The open-mode constant a subject names: its words but "the", lower-case, joined by "_"."""
    words = subject.lower().split()
    return "_".join(words[1:] if words[0] == "the" else words)


# A condition said after its consequence whose subject is a pronoun: "Oslo is not proud of
# Amelia when it feeds Gary." ("if and only if" is no such condition).
_PRONOUN_CONDITION_AFTER = re.compile(
    r"(?P<first>.+?)\s+(?P<word>if|when|whenever|as\s+long\s+as|provided\s+that|only\s+if|unless)\s+"
    r"(?P<pronoun>it|he|she|its|his|her)\b(?P<rest>.*)", re.I)


def pronoun_conditions_misresolved(formula: ast.Formula, sentence: str) -> list[str]:
    """The pronoun that opens a condition said after its consequence, when ``formula``'s
    condition does not name the consequence's subject: the pronoun stands for that
    subject, as in every generated sentence of the shape and as English reads it first.
    "The mountain tandles Omar Haddad when it is a blicket." is never
    ``blicket(omar_haddad) -> tandle(mountain, omar_haddad)`` (the split network's
    reading, 0.97), nor "The breebick hates Zoe when it helps James." ``help(james, zoe)
    -> hate(breebick, zoe)`` (0.75). Judged only for "it" or "its" after a subject "the
    N": "he", "she" and a named subject may fit another name better ("Maria ... London ...
    it"). Open mode; the weather's "it" is no pronoun."""
    found = _PRONOUN_CONDITION_AFTER.fullmatch(sentence.strip().rstrip(".!"))
    if found is None or re.search(r"\bif\s+and\s+only\s+if\b", sentence, re.I) \
            or WEATHER_IT.match(f"it{found.group('rest')}") or (subject := _subject_of(found.group("first"))) is None:
        return []
    if not _it_after_the_noun(found.group("pronoun"), subject):
        return []  # "he", "she", or a named subject: another name may be the one the pronoun fits
    if not isinstance(formula, ast.Implies):
        return []
    only_if = " ".join(found.group("word").lower().split()) == "only if"
    condition = formula.right if only_if else formula.left
    return [] if _constant_of(subject) in ast.constant_names(condition) else [found.group("pronoun").lower()]
