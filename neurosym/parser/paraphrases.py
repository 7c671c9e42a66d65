"""Possessions the generator never says so ("Helen has no degree.", "Sid is a snake with
fur."), said the way the parser was trained to read.

The generator says "Helen has a degree." (``have_degree(helen)``), "Helen does not have a
degree." (``not have_degree(helen)``) and "Sid is a snake that has fur." (``snake(sid) and
have_fur(sid)``), but never "has no degree", "does not have any degree" or "a snake with
fur". The shipped parser read "Helen has no degree." as what Helen is not, ``not
degree(helen)``, at 0.99 (so "Every teacher has a degree. Helen is a teacher. Helen has no
degree." was consistent), and "Sid is a snake with fur." as one kind,
``snake_with_fur(sid)``, at 0.84. The reading checks doubt such readings
(``omission.possessions_read_as_kinds``), and ``SemanticParser.parse`` then reads the
sentence as ``plain_paraphrase`` says it again (``semantic_parser._with_paraphrase_readings``).

>>> plain_paraphrase("Helen has no degree.")
'Helen does not have a degree.'
>>> plain_paraphrase("The patients had no symptoms.")
'The patients did not have symptoms.'
>>> plain_paraphrase("Bob doesn't have any children.")
"Bob doesn't have children."
>>> plain_paraphrase("Sid is a snake with fur.")
'Sid is a snake that has fur.'
>>> plain_paraphrase("Bob has a car.") is None
True
"""

from __future__ import annotations

import re
from functools import lru_cache

from .candidates import lemma_of_plural

__all__ = ["plain_paraphrase", "possessed_nouns"]

# "has no", "have no", "had no"; "does not have any", "didn't have any" ...
_DENIED_POSSESSION = re.compile(
    r"\b(?:(?P<verb>has|have|had)\s+no|(?P<auxiliary>does|do|did)(?P<negation>\s+not|n't)\s+have\s+any)"
    r"\s+(?P<phrase>[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2})", re.I)
_AUXILIARY = {"has": "does", "have": "do", "had": "did"}
# Words that end the possessed noun phrase ("no songs in French": the songs).
_PHRASE_END = frozenset("in on at to of for with from by about and or but that which who whose than as".split())


# "is a snake with fur", "are dogs with three legs" is not judged: "a"/"an" and one or two words
_KIND_WITH = re.compile(
    r"\b(?P<be>is|are|was|were)\s+(?P<kind>(?:a|an)\s+(?:[a-z]+\s+)?[a-z]+)\s+with\s+"
    r"(?P<phrase>[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2})", re.I)
_HAVE = {"is": "has", "are": "have", "was": "had", "were": "had"}


@lru_cache(maxsize=256)
def possessed_nouns(sentence: str) -> tuple[str, ...]:
    """The head noun of each possession ``sentence`` denies or gives with "with" ("degree"
    for "has no degree", "ideas" for "has no innovative ideas", "songs" for "has no songs
    in French", "fur" for "is a snake with fur")."""
    return tuple(_noun_phrase(match.group("phrase"))[-1]  # cached: every reading of a sentence asks
                 for pattern in (_DENIED_POSSESSION, _KIND_WITH) for match in pattern.finditer(sentence))


def plain_paraphrase(sentence: str) -> str | None:
    """``sentence`` with each denied possession said as "does not have (a) N" and each "is
    a N with X" as "is a N that has X", or None when it says neither."""
    if not _DENIED_POSSESSION.search(sentence) and not _KIND_WITH.search(sentence):
        return None
    reworded = _DENIED_POSSESSION.sub(_denial_said_plainly, sentence)
    return _KIND_WITH.sub(_kind_with_said_plainly, reworded)


def _kind_with_said_plainly(match: re.Match) -> str:
    be = match.group("be")
    return f"{be} {match.group('kind')} that {_HAVE[be.lower()]} {match.group('phrase')}"


def _denial_said_plainly(match: re.Match) -> str:
    phrase = match.group("phrase")
    words = _noun_phrase(phrase)
    article = ""
    if lemma_of_plural(words[-1].lower()) == words[-1].lower():  # one thing: "a degree"
        article = "an " if words[0][0].lower() in "aeiou" else "a "
    if match.group("verb") is not None:
        verb = match.group("verb")
        auxiliary = _AUXILIARY[verb.lower()]
        if verb[0].isupper():
            auxiliary = auxiliary.capitalize()
        return f"{auxiliary} not have {article}{phrase}"
    return f"{match.group('auxiliary')}{match.group('negation')} have {article}{phrase}"


def _noun_phrase(phrase: str) -> list[str]:
    """The words of ``phrase`` up to the first that ends a noun phrase."""
    words = []
    for word in phrase.split():
        if word.lower() in _PHRASE_END:
            break
        words.append(word)
    return words or phrase.split()[:1]
