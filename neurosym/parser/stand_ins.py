"""A sentence's subject said as a stand-in name, which the network reads better.

The network trained on unseen templates read "The adult is prunish." only as a rule about
every adult (0.005, which the reading checks doubt: the sentence says nothing general), yet
"Alice is prunish." as ``prunish(alice)`` at 1.000; it read "The citizen finds the doctor."
as ``forall x. citizen(x) -> find(x, doctor)`` and "Alice finds the doctor." right. A name
is the subject the network saw most, and some names it reads better than others ("Leo
goes to school." had no reading that passes the checks, "Alice goes to school." is
``go_to_school(alice)``). So where no reading of a sentence whose subject is "the" and a
noun, or a name, passes the checks, ``SemanticParser`` reads the sentence with a stand-in
name for its subject and gives the reading back the subject's constant
(``semantic_parser._with_stand_in_readings``), the reading judged against the sentence
as written.

>>> said = subject_said_as_a_name("The adult is prunish.")
>>> said
StandIn(sentence='Alice is prunish.', stand_in='alice', constant='adult')
>>> from neurosym.logic.parser import parse_formula
>>> from neurosym.logic.printer import to_text
>>> to_text(said.restored(parse_formula("prunish(alice)")))
'prunish(adult)'
>>> subject_said_as_a_name("The folk song loves Alice.").sentence
'Zoe loves Alice.'
>>> subject_said_as_a_name("Leo goes to school.")  # another name may be read better
StandIn(sentence='Alice goes to school.', stand_in='alice', constant='leo')
>>> subject_said_as_a_name("Every dog barks.") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..logic import ast
from .clauses import NO_NAMES

__all__ = ["STAND_INS", "StandIn", "subject_said_as_a_name", "unsaid_stand_ins"]

# Names that stand for a subject, the first the sentence does not say taken (also for
# the rules ``parser.relatives`` reads a part at a time).
STAND_INS = ("Alice", "Zoe", "Omar", "Nina")

# "The" and one to three lower-case words, or a name of one or two words, then a verb
# form of a singular subject: "is", "has", a modal, a word in -s that is not a plural
# ("The citizen finds"), or a past form ("had", "kicked").
_SINGULAR_VERB = (r"(?=(?:is|was|has|had|does|did|isn't|wasn't|hasn't|hadn't|doesn't|didn't|can|cannot|must|may|will"
                  r"|should|[a-z]+[^s\W]s|[a-z]+ed)\b)")
_DEFINITE_SUBJECT = re.compile(rf"^\s*[Tt]he\s+(?P<noun>[a-z][\w-]*(?:\s+[a-z][\w-]*){{0,2}}?)\s+{_SINGULAR_VERB}")
_NAMED_SUBJECT = re.compile(rf"^\s*(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+{_SINGULAR_VERB}")
# Capitalised first words that name nothing (``clauses.NO_NAMES``), and articles and
# possessives, which begin a noun phrase.
_NO_NAMES = NO_NAMES | frozenset("the a an my his her its our their your".split())


@dataclass(frozen=True)
class StandIn:
    """``sentence`` said with the name ``stand_in`` (lower-case, as a constant) for the
    subject whose open-mode constant is ``constant``."""

    sentence: str
    stand_in: str
    constant: str

    def restored(self, formula: ast.Node) -> ast.Node:
        """``formula`` with the stand-in's constant made the subject's."""
        if isinstance(formula, ast.Const):
            return ast.Const(self.constant) if formula.name == self.stand_in else formula
        return ast.map_children(formula, self.restored)


def unsaid_stand_ins(sentence: str) -> list[str]:
    """The stand-in names (``STAND_INS``) that ``sentence`` does not say, in order: a
    reading could not tell a stand-in from the sentence's own mention of the name."""
    said = {word.strip(".,;!?'").lower() for word in sentence.split()}
    return [name for name in STAND_INS if name.lower() not in said]


def subject_said_as_a_name(sentence: str) -> StandIn | None:
    """``sentence`` with its subject, "the" and a noun or a name, said as a stand-in name
    it does not say (``STAND_INS``); None when its subject is none such, or is said again
    (a reading of the reworded sentence could not tell the mentions apart)."""
    found = _DEFINITE_SUBJECT.match(sentence)
    if found is not None:
        subject = found.group("noun")
    elif (found := _NAMED_SUBJECT.match(sentence)) is not None \
            and found.group("name").split()[0].lower() not in _NO_NAMES:
        subject = found.group("name")
    else:
        return None
    rest = sentence[found.end():]
    if re.search(rf"\b{re.escape(subject)}\b", rest, re.I):
        return None
    unsaid = unsaid_stand_ins(sentence)
    if not unsaid:
        return None  # every stand-in name is said
    stand_in = unsaid[0]
    return StandIn(f"{stand_in} {rest}", stand_in.lower(), "_".join(subject.lower().split()))
