"""Rules whose subject a relative clause restricts, read a part at a time.

The network reads a rule whose words it knows ("Every employee who works overtime gets a
bonus.", 0.92) but not always one whose verbs are new to it: the shipped one read "Every
employee who works overtime receives a bonus." as ``... -> receive(x, x)`` and "Whoever
passes the exam gets a certificate." as ``forall x. exam(x) -> certificate(x)``, though
it reads "Omar works overtime." and "Omar does not receive a bonus." right and sure.
So ``relative_rules`` says such a rule's parts of one named stand-in ("Alice is an
employee.", "Alice works overtime.", "Alice receives a bonus."), and ``SemanticParser``
reads each part on its own and joins the readings, the stand-in bound by the rule's
``forall`` (``semantic_parser._with_relative_readings``), where no reading of the whole
sentence passes the reading checks.

The shapes: "Every", "Each", "Any" or "All" and a noun phrase, or a bare plural, then "who"
or "that"; "Whoever"; "Anyone", "Everyone", "Anybody", "Everybody" and "who"; "Anything"
and "Everything" and "that"; "People who", "Things that". And rules that deny their
conclusion: "No" and a noun phrase, then "who" or "that"; "No one", "Nobody" and "who";
"Nothing that" (the split network read "Nothing that is square is an apple." as its
converse, ``apple(x) -> not square(x)``, at 0.95). And a condition about someone or
something, its other clauses with subjects of their own: "If someone P and the N Vs
them, then they Q" (the split network read "... and the adult meets Gary" as ``meet(x,
gary)``).

Where the relative clause ends is not in the words ("Everyone who owns cats loves
dogs."), so a rule is offered for each word that may begin the conclusion, and the parser
keeps a join that a reading of the whole sentence agrees with, else the first whose parts
join into a reading that passes the checks (the shortest relative clause). A relative
clause that lists verb phrases with commas gives a condition each ("Everyone who is a
kangaroo, plays piano and is shy ..."). A plural rule's verbs are said of the one
stand-in ("All employees who work remotely get a laptop." -> "Alice works remotely.",
"Alice gets a laptop."). No rule is offered where a word could reach from one part into
another (a pronoun, "or", "if", "every" ...).

>>> [rule.parts for rule in relative_rules("Whoever passes the exam gets a certificate.")]
[('Alice passes the exam.', 'Alice gets a certificate.'), ('Zoe passes the exam.', 'Zoe gets a certificate.')]
>>> [rule.parts for rule in relative_rules("All employees who work remotely get a laptop.")][::2]
[('Alice is an employee.', 'Alice works.', 'Alice remotely gets a laptop.'), \
('Alice is an employee.', 'Alice works remotely.', 'Alice gets a laptop.')]
>>> from neurosym.logic.parser import parse_formula
>>> from neurosym.logic.printer import to_text
>>> rule = relative_rules("Anyone who owns something drinks tea.")[0]
>>> rule.parts
('Alice owns something.', 'Alice drinks tea.')
>>> to_text(rule.formula([parse_formula(lf) for lf in ("exists x. own(alice, x)", "drink_tea(alice)")]))
'forall x, y. own(x, y) -> drink_tea(x)'

A condition's indefinite object ("who met a poet") is said as a name of its own, which
the rule binds too: said of one stand-in, the network reads the object into the verb's
name (``meet_poet``), which no other sentence about poets meets.

>>> relative_rules("Anyone who met a poet drinks tea.")[0].parts
('Omar is a poet.', 'Alice met Omar.', 'Alice drinks tea.')
>>> relative_rules("If someone is furry and the adult meets Gary, then they grow vegetables.")[0].parts
('Alice is furry.', 'The adult meets Gary.', 'Alice grows vegetables.')
>>> rule = relative_rules("Nothing that is square is an apple.")[0]
>>> rule.parts
('Alice is square.', 'Alice is an apple.')
>>> to_text(rule.formula([parse_formula(lf) for lf in ("square(alice)", "apple(alice)")]))
'forall x. square(x) -> not apple(x)'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from ..logic import ast
from .candidates import ARTICLES, PREPOSITIONS, lemma_of_plural, lemmas_of_past, third_person
from .clauses import MODALS, may_be_a_verb
from .stand_ins import unsaid_stand_ins
from .vocabulary import bound_afresh, canonical_variables

__all__ = ["RelativeRule", "relative_rules", "adjectives_concluded"]

# The names that stand for the rule's subject (``stand_ins.STAND_INS``): the first two the
# sentence does not say.
# Two, since the network reads some verb phrases of one name and not of another
# ("Alice can approve budgets." 0.63, "Zoe ..." 0.66, "Bob ..." no reading that passes
# the checks); the parser keeps the better join.
_STAND_INS_TRIED = 2
_SINGULAR_KIND = re.compile(r"\s*(?:Every|Each|Any)\s+(?P<kind>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})\s+(?:who|that)\s+"
                            r"(?P<rest>.+?)\s*[.!]?\s*$")
_PLURAL_KIND = re.compile(r"\s*(?:All\s+)?(?P<kind>(?:[A-Za-z][\w-]*)(?:\s+[a-z][\w-]*){0,2})\s+(?:who|that)\s+"
                          r"(?P<rest>.+?)\s*[.!]?\s*$")
_ANYONE = re.compile(r"\s*(?:Whoever|(?:Anyone|Everyone|Anybody|Everybody)\s+who|(?:Anything|Everything)\s+that)\s+"
                     r"(?P<rest>.+?)\s*[.!]?\s*$")
_ANY_PLURAL = re.compile(r"\s*(?:People\s+who|Things\s+that)\s+(?P<rest>.+?)\s*[.!]?\s*$")
_NO_KIND = re.compile(r"\s*No\s+(?P<kind>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})\s+(?:who|that)\s+"
                      r"(?P<rest>.+?)\s*[.!]?\s*$")
_NO_ONE = re.compile(r"\s*(?:(?:No\s+one|No-one|Nobody)\s+who|Nothing\s+that)\s+(?P<rest>.+?)\s*[.!]?\s*$")
# Words that could reach from one part into another, or that the parts' readings would
# bind apart: pronouns, connectives, quantifiers, numbers' comparisons.
_ACROSS_WORDS = """who whom whose which that it its they them their he him his she her or nor if then unless when
whenever while either neither both but only every each all any some no none nothing nobody never than least most as
because except themselves itself""".split()
_ACROSS_PARTS = re.compile(rf"\b(?:{'|'.join(_ACROSS_WORDS)})\b", re.I)
# "If someone is furry and the adult meets Gary, then they grow vegetables.": a condition
# about someone or something, perhaps with clauses of their own, and what follows of them.
_IF_SOMEONE = re.compile(r"\s*If\s+(?:someone|somebody|something)\s+(?P<condition>[^,]+?)(?:,\s*then|\s+then|,)\s+"
                         r"(?P<pronoun>they|it)\s+(?P<conclusion>[^,]+?)\s*[.!]?\s*$")
_PRONOUNS_OF_SOMEONE = frozenset("they them it".split())
# "Clean, square things are towers.", "Each shy, modern duck is ...": adjectives listed with
# commas (so no compound noun: "folk song" is one kind), then the subject's noun.
_ADJECTIVES_LISTED = re.compile(
    r"\s*(?:(?P<quantifier>Every|Each|Any|All)\s+)?(?P<adjectives>[A-Za-z][a-z-]*(?:,\s*[a-z][a-z-]*)+"
    r"(?:,?\s+and\s+[a-z][a-z-]*)?)\s+(?P<noun>[a-z][a-z-]*)\s+(?P<rest>[a-z].+?)\s*[.!]?\s*$")
# The same words, but the pronouns that stand for "someone" (``_PRONOUNS_OF_SOMEONE``), and
# a second "someone" or "something".
_NOT_IN_A_CONDITIONAL_RULE = re.compile(
    rf"\b(?:{'|'.join(word for word in _ACROSS_WORDS if word not in _PRONOUNS_OF_SOMEONE)}"
    r"|someone|something|somebody)\b", re.I)
# Plurals that say no kind: "All people who ..." is about everyone.
_NO_KINDS = frozenset("people persons things ones".split())
_PLURAL_TO_SINGULAR = {"are": "is", "were": "was", "have": "has", "do": "does", "don't": "doesn't",
                       "aren't": "isn't", "weren't": "wasn't", "haven't": "hasn't"}
# The most words a relative clause is taken to have before its conclusion begins, and the
# most places (the first ones) where its conclusion is tried: each costs a reading of the
# parts with each stand-in.
_MOST_CONDITION_WORDS = 10
_MOST_ENDINGS = 4


@dataclass(frozen=True)
class RelativeRule:
    """One way to read a rule apart: its parts as sentences about ``stand_in`` (what the
    subject is, if the rule says a kind; what the relative clause says of it; the
    conclusion, from the relative clause's word ``ending`` on), joined by ``formula``."""

    stand_in: str
    parts: tuple[str, ...]
    ending: int  # the word of the relative clause where the conclusion begins (1: its second)
    denied: bool = False  # "No N who ...", "Nothing that ...": the rule denies its conclusion
    object_stand_in: str | None = None  # the name said for a condition's indefinite object ("a poet")

    def formula(self, readings: Sequence[ast.Formula]) -> ast.Formula:
        """``forall v. conditions -> conclusion`` (``not conclusion`` for a rule that
        denies it), ``v`` where the parts' readings name the stand-in; what a condition
        binds ("who met something") is bound by the rule's ``forall`` too, as the generator
        writes it, and so is the name said for a condition's indefinite object ("who met a
        poet": ``forall x, y. poet(y) and meet(x, y) -> ...``)."""
        subject = "subject"
        *conditions, conclusion = [_stand_in_bound(reading, self.stand_in.lower(), subject) for reading in readings]
        binders, conjuncts = [ast.Binder(subject)], []
        if self.object_stand_in is not None:
            conditions = [_stand_in_bound(condition, self.object_stand_in.lower(), "object")
                          for condition in conditions]
            binders.append(ast.Binder("object"))
        for number, condition in enumerate(conditions):
            condition = _renamed_apart(condition, f"c{number}_")
            if isinstance(condition, ast.Exists):
                binders += condition.binders
                condition = condition.body
            conjuncts += condition.args if isinstance(condition, ast.And) else [condition]
        antecedent = conjuncts[0] if len(conjuncts) == 1 else ast.And(tuple(conjuncts))
        if self.denied:
            conclusion = ast.Not(conclusion)
        return canonical_variables(ast.Forall(tuple(binders), ast.Implies(antecedent, conclusion)))


def relative_rules(sentence: str) -> list[RelativeRule]:
    """The ways to read ``sentence`` apart, one for each word that may begin its
    conclusion, in the order of that word; none when it is not of a shape the module
    docstring gives."""
    if (conditional := _IF_SOMEONE.fullmatch(sentence)) is not None:
        return _conditional_rules(conditional, sentence)
    if (listed := _ADJECTIVES_LISTED.fullmatch(sentence)) is not None:
        return _adjective_rules(listed, sentence)
    shape = _shape_of(sentence)
    if shape is None:
        return []
    kind, rest, plural, denied = shape
    if _ACROSS_PARTS.search(rest):
        return []
    unsaid = unsaid_stand_ins(sentence)
    stand_ins = unsaid[:_STAND_INS_TRIED]
    rest_words = rest.split()
    rules = []
    endings = [start for start in range(1, min(len(rest_words), _MOST_CONDITION_WORDS + 1))
               if _may_begin_a_conclusion(rest_words, start, plural)
               and (not _indefinite_object(rest_words[:start]) or _object_said_last(rest_words[:start]))
               and not any("," in word for word in rest_words[start - 1:])  # the conclusion after the list
               and _verb_phrases_listed(rest_words[:start], plural) is not None][:_MOST_ENDINGS]
    object_stand_in = unsaid[_STAND_INS_TRIED] if len(unsaid) > _STAND_INS_TRIED else None
    for start in endings:
        conditions, conclusion = _verb_phrases_listed(rest_words[:start], plural), rest_words[start:]
        # "who met a poet": the poet said as a name of its own ("Omar is a poet.", "Alice met
        # Omar."), bound by the rule as the generator binds it; said of one stand-in alone, the
        # network reads ``meet_poet``, which no sentence about poets meets.
        object_kind = _object_said_last(conditions[-1]) if _indefinite_object(rest_words[:start]) else None
        if object_kind is not None and object_stand_in is None:
            continue  # every stand-in name is said or taken
        if object_kind is not None:
            conditions[-1] = [*conditions[-1][:-len(object_kind) - 1], object_stand_in]
        if plural:
            conditions, conclusion = [_said_of_one(condition) for condition in conditions], _said_of_one(conclusion)
        for stand_in in stand_ins:
            lead = () if kind is None else (f"{stand_in} is {_with_article(kind)}.",)
            if object_kind is not None:
                lead += (f"{object_stand_in} is {_with_article(' '.join(object_kind))}.",)
            said_of = tuple(f"{stand_in} {' '.join(condition)}." for condition in conditions)
            rules.append(RelativeRule(stand_in, (*lead, *said_of, f"{stand_in} {' '.join(conclusion)}."), start,
                                      denied, object_stand_in if object_kind is not None else None))
    return rules


def _verb_phrases_listed(words: list[str], plural: bool) -> list[list[str]] | None:
    """A relative clause's words as one condition, or, where it lists verb phrases with
    commas ("is a kangaroo, plays piano and is shy"), as one condition each; None when
    an item of such a list begins with no verb ("is big, red and round": a list of
    adjectives, which its one condition says; a plural's verbs are told by nothing)."""
    if not any("," in word for word in words):
        return [words]
    items = [item.split() for item in _LIST_ITEM_SEPARATOR.split(" ".join(words))]
    # After "are" a plural's list may go on with adjectives ("are red, round and small"),
    # which no form tells from its verbs; after a plain verb, it lists verbs.
    plain_verbs = plural and items[0][0] not in _BE_OR_HAVE and items[0][0] not in MODALS
    if any(not item or not (may_be_a_verb(item[0]) or item[0] in MODALS or item[0] in _BE_OR_HAVE
                            or plain_verbs and item[0].isalpha()) for item in items):
        return None
    return items


def _conditional_rules(conditional: re.Match, sentence: str) -> list[RelativeRule]:
    """ "If someone P and Q, then they R." said of each stand-in: the clauses of its
    condition that begin with a verb are said of the stand-in, those with a subject of
    their own as they are, the pronouns that stand for "someone" as the stand-in; none
    where a word could reach elsewhere ("or", a quantifier, a relative clause)."""
    condition, conclusion = conditional.group("condition"), conditional.group("conclusion")
    if _NOT_IN_A_CONDITIONAL_RULE.search(condition) or _NOT_IN_A_CONDITIONAL_RULE.search(conclusion) \
            or "," in condition:
        return []
    clauses = condition.split(" and ")
    rules = []
    for stand_in in unsaid_stand_ins(sentence)[:_STAND_INS_TRIED]:
        parts = []
        for clause in clauses:
            words = _pronouns_said_as(clause.split(), stand_in)
            if words[0][:1].islower() and words[0] not in ARTICLES:
                if not may_be_a_verb(words[0]) and words[0] not in MODALS:
                    return []  # "If someone is big and red": "red" is said of someone, not a clause
                words = [stand_in, *words]  # "is furry": said of someone
            parts.append(f"{words[0][:1].upper()}{' '.join(words)[1:]}.")
        conclusion_words = _pronouns_said_as(conclusion.split(), stand_in)
        if conditional.group("pronoun").lower() == "they":
            conclusion_words = _said_of_one(conclusion_words)
        rules.append(RelativeRule(stand_in, (*parts, f"{stand_in} {' '.join(conclusion_words)}."), 0))
    return rules


def _adjective_rules(listed: re.Match, sentence: str) -> list[RelativeRule]:
    """ "Clean, square things are towers." or "Each shy, modern duck is not a parent of
    the citizen." said of each stand-in: an adjective each, the kind, the conclusion."""
    noun, conclusion = listed.group("noun"), listed.group("rest").split()
    singular = lemma_of_plural(noun)
    plural = singular != noun
    if plural == (listed.group("quantifier") not in (None, "All")) or _ACROSS_PARTS.search(listed.group("rest")) \
            or "," in listed.group("rest"):
        return []  # "Each shy, modern ducks": not English; a conclusion that could reach elsewhere
    adjectives = listed.group("adjectives").lower().split(",")
    adjectives = [word for adjective in adjectives for word in adjective.replace(" and ", " ").split()]
    if plural:
        conclusion = _said_of_one(conclusion)
    rules = []
    for stand_in in unsaid_stand_ins(sentence)[:_STAND_INS_TRIED]:
        kind = () if noun in _NO_KINDS else (f"{stand_in} is {_with_article(singular)}.",)
        parts = (*(f"{stand_in} is {adjective}." for adjective in adjectives), *kind,
                 f"{stand_in} {' '.join(conclusion)}.")
        rules.append(RelativeRule(stand_in, parts, 0))
    return rules


def adjectives_concluded(formula: ast.Formula, sentence: str) -> list[str]:
    """The adjectives that ``sentence`` lists before its subject's noun ("Clean, square
    things are towers.") that ``formula``'s rule concludes and does not take as a
    condition: they say which things the rule is about (the split network read
    ``square(x) -> clean(x) and tower(x)`` at 0.83). Open mode."""
    listed = _ADJECTIVES_LISTED.fullmatch(sentence)
    if listed is None:
        return []
    rule = formula.body if isinstance(formula, ast.Forall) else None
    if not isinstance(rule, ast.Implies):
        return []
    conditions = {node.name for node in ast.walk(rule.left) if isinstance(node, ast.Pred)}
    concluded = {node.name for node in ast.walk(rule.right) if isinstance(node, ast.Pred)}
    adjectives = re.split(r",\s*|\s+and\s+|\s+", listed.group("adjectives").lower())
    return [adjective for adjective in adjectives if adjective in concluded - conditions]


def _pronouns_said_as(words: list[str], stand_in: str) -> list[str]:
    """``words`` with each pronoun that stands for "someone" said as ``stand_in``."""
    return [stand_in if word.lower() in _PRONOUNS_OF_SOMEONE else word for word in words]


def _shape_of(sentence: str) -> tuple[str | None, str, bool, bool] | None:
    """The rule's kind (a singular noun phrase, or None where it says none), the words
    after its "who"/"that", whether its verbs are plural, and whether it denies its
    conclusion."""
    if found := _NO_ONE.fullmatch(sentence):
        return None, found.group("rest"), False, True
    if found := _NO_KIND.fullmatch(sentence):
        *modifiers, noun = found.group("kind").split()
        singular = lemma_of_plural(noun)
        if noun in _NO_KINDS:  # "No people who ..."
            return None if modifiers else (None, found.group("rest"), True, True)
        return " ".join([*modifiers, singular]), found.group("rest"), singular != noun, True
    if found := _ANYONE.fullmatch(sentence):
        return None, found.group("rest"), False, False
    if found := _ANY_PLURAL.fullmatch(sentence):
        return None, found.group("rest"), True, False
    if found := _SINGULAR_KIND.fullmatch(sentence):
        return found.group("kind"), found.group("rest"), False, False
    if (found := _PLURAL_KIND.fullmatch(sentence)) is not None:
        *modifiers, noun = found.group("kind").split()
        singular = lemma_of_plural(noun.lower())
        if noun.lower() in _NO_KINDS:
            return None if modifiers else (None, found.group("rest"), True, False)
        if singular != noun.lower() and (not modifiers or modifiers[0][:1].islower() or sentence.lstrip().startswith("All")):
            words = [modifier.lower() if index == 0 else modifier for index, modifier in enumerate(modifiers)]
            return " ".join([*words, singular]), found.group("rest"), True, False
    return None


def _may_begin_a_conclusion(words: list[str], start: int, plural: bool) -> bool:
    """Whether the conclusion may begin at ``words[start]``: a verb form of the rule's
    subject after a word that ends no noun phrase's start (an article, a preposition)."""
    word, before = words[start].lower().strip(","), words[start - 1].lower()
    if word.endswith("ly") and start + 1 < len(words) and before not in ARTICLES:  # "regularly drinks coffee"
        return _may_begin_a_conclusion(words, start + 1, plural)
    if before in ARTICLES or before in PREPOSITIONS or before in _CONDITION_GOES_ON \
            or word in ARTICLES or word in PREPOSITIONS or word == "and" or not words[start][:1].islower() \
            or "'" in word:
        return False  # "who has a stable income and has ...", "who are allergic": the condition goes on
    if word in MODALS or word in ("not", "does", "doesn't", "do", "don't"):
        return word not in ("not",)
    if plural:
        return word.isalpha()
    return may_be_a_verb(word)


def _indefinite_object(words: list[str]) -> bool:
    """Whether a condition says an indefinite object of a verb other than "be" or "have"
    ("who met a poet"): the rule binds it by its ``forall`` ("forall x, y. poet(y) and
    meet(x, y) -> ..."), but said of one stand-in the network reads it into the verb's
    name (``meet_poet``), which another sentence about poets would not meet; so it is read
    apart only where ``_object_said_last`` finds it, and said as a name."""
    return any(word in ("a", "an") and before not in _BE_OR_HAVE for before, word in zip(words, words[1:]))


def _object_said_last(words: list[str]) -> list[str] | None:
    """The noun phrase of one or two words that an indefinite object ends ``words`` with
    ("poet" of "met a poet"), after a verb other than "be" or "have", else None."""
    for size in (1, 2):
        if len(words) > size + 1 and words[-size - 1] in ("a", "an") and words[-size - 2] not in _BE_OR_HAVE \
                and all(word.isalpha() and word.islower() and not word.endswith("ly") for word in words[-size:]):
            return words[-size:]
    return None


_BE_OR_HAVE = frozenset("is are was were be been has have had".split())
_LIST_ITEM_SEPARATOR = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
# Words after which a condition goes on: "and", a negation, an auxiliary or modal.
_CONDITION_GOES_ON = _BE_OR_HAVE | MODALS | frozenset(
    "and not does do did doesn't don't didn't isn't aren't wasn't weren't".split())


def _said_of_one(words: list[str]) -> list[str]:
    """A plural subject's verb phrase said of one: its first verb in the third person
    singular ("work remotely" -> "works remotely", "are" -> "is"), and "are", "have" ...
    after an "and" too; modals and past forms as they are. A plural noun after "are" is
    said as one ("are race cars" -> "is a race car")."""
    words = list(words)
    index = 1 if len(words) > 1 and words[0].endswith("ly") else 0  # "regularly drink coffee"
    lowered = words[index].lower()
    if lowered in _PLURAL_TO_SINGULAR:
        words[index] = _PLURAL_TO_SINGULAR[lowered]
    elif lowered not in MODALS and not lemmas_of_past(lowered) and not lowered.endswith("n't"):
        words[index] = third_person(lowered)
    for position in range(1, len(words)):
        if words[position - 1] == "and" and words[position] in _PLURAL_TO_SINGULAR:
            words[position] = _PLURAL_TO_SINGULAR[words[position]]
    said = []
    for position, word in enumerate(words):
        said.append(word)
        if word in ("is", "was") or (word == "not" and said[-2:-1] in (["is"], ["was"])):
            if position + 1 < len(words) and words[position + 1] == "not":
                continue
            kind = _kind_said(words[position + 1:])
            if kind:  # "race cars" -> "a race car"
                said += _with_article(" ".join([*kind[:-1], lemma_of_plural(kind[-1])])).split()
            return said + words[position + 1 + len(kind):]
    return said


def _kind_said(words: list[str]) -> list[str]:
    """The bare plural noun phrase ``words`` begin with ("race cars" of "race cars and
    ..."), or nothing: up to three words before "and", a comma, a preposition or the end,
    the last of them plural."""
    phrase = []
    for word in words[:3]:
        if word in ("and", "or") or word in PREPOSITIONS or word.endswith(","):
            break
        phrase.append(word)
    if not phrase or len(phrase) < len(words) and words[len(phrase)] not in ("and", "or") \
            and words[len(phrase)] not in PREPOSITIONS and not words[len(phrase)].endswith(","):
        return []
    last = phrase[-1]
    return phrase if lemma_of_plural(last) != last and last.isalpha() else []


def _with_article(phrase: str) -> str:
    return ("an " if phrase[:1].lower() in "aeiou" else "a ") + phrase


def _stand_in_bound(node: ast.Node, stand_in: str, variable: str) -> ast.Node:
    """``node`` with the constant ``stand_in`` made the variable ``variable``."""
    if isinstance(node, ast.Const):
        return ast.Var(variable) if node.name == stand_in else node
    return ast.map_children(node, lambda child: _stand_in_bound(child, stand_in, variable))


def _renamed_apart(node: ast.Node, prefix: str) -> ast.Node:
    """``node`` with each variable it binds given ``prefix``, so that no two parts'
    variables meet when one part's binders join the rule's."""
    if isinstance(node, (ast.Forall, ast.Exists)):
        binders, body = bound_afresh(node.binders, node.body, (prefix + binder.name for binder in node.binders))
        return type(node)(binders, _renamed_apart(body, prefix))
    return ast.map_children(node, lambda child: _renamed_apart(child, prefix))
