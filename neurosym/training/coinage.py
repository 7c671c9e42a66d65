"""Words coined on the spot: a fresh supply of made-up nouns, adjectives and verbs.

The lexicon's invented words are a fixed list of about a hundred, and a parser trained
on them learns *those words* as much as the syntax around them: on held-out words its
accuracy fell from 96% to 74% with the same templates. Coined words are new in nearly
every sentence, so the only way to read "Every plorvex is glandish." right is from
where the words stand. ``Lexicon.draw(..., coined=share)`` uses them for that share of
its invented picks.

A word is built from syllables (onset, vowel, coda) and a suffix that marks its part of
speech the way English suffixes do (-ish, -ous, -al for adjectives; -ate, -le for verbs;
-ex, -ling, -et for nouns). It is kept only if

- it is not a name of the default lexicon (so the held-out test words are never coined),
  nor a word the candidate builder treats as logic ("some", "than");
- its inflections come back to it: a verb's past tense, past participle and third
  person, and a noun's plural, are read back to exactly this lemma by
  ``neurosym.parser.candidates``, so the gold name is always among the candidates;
- it does not look like an inflected form itself (-s, -ed, -ing, -ly endings).

>>> import random
>>> rng = random.Random(0)
>>> [coin(rng, "noun") for _ in range(3)] != [coin(rng, "noun") for _ in range(3)]
True
"""

from __future__ import annotations

import random
from functools import lru_cache

from ..logic.ast import is_identifier
from ..parser.candidates import lemma_of_plural, lemma_of_verb, lemmas_of_past
from .morphology import past_participle, past_tense, pluralize, third_person

__all__ = ["coin", "KINDS"]

KINDS = ("noun", "adjective", "verb")

_ONSETS = ("b", "bl", "br", "d", "dr", "f", "fl", "fr", "g", "gl", "gr", "k", "kr", "l", "m", "n",
           "p", "pl", "pr", "r", "sk", "sn", "sp", "st", "t", "tr", "v", "w", "z", "sh", "ch", "j",
           "th", "qu", "")
_VOWELS = ("a", "e", "i", "o", "u", "ee", "oo", "au", "ai", "ou", "oa")
_CODAS = ("", "", "n", "m", "l", "r", "k", "p", "t", "nd", "nk", "rp", "rm", "lk", "mp", "g", "b", "d",
          "rk", "nt")
_SUFFIXES = {
    "noun": ("", "", "ex", "ling", "et", "or", "el", "on", "ick", "ump", "ax", "in", "id"),
    "adjective": ("ish", "ous", "al", "ful", "ic", "ent", "ant", "ive", "y", "ar"),
    "verb": ("ate", "le", "er", "", "", "en", "ify"),
}
_INFLECTED_LOOKING = ("s", "ed", "ing", "ly", "ies")


@lru_cache(maxsize=1)
def _reserved() -> frozenset[str]:
    """Names and word forms a coined word must not collide with."""
    from dataclasses import fields

    from ..parser.candidates import _FUNCTION_WORDS
    from .lexicon import DEFAULT_LEXICON

    names = set(_FUNCTION_WORDS)
    for f in fields(DEFAULT_LEXICON):
        for item in getattr(DEFAULT_LEXICON, f.name):
            names.add(item.name)
            names.update(item.name.split("_"))
    return frozenset(names)


def _syllable(rng: random.Random, *, coda: bool) -> str:
    return rng.choice(_ONSETS) + rng.choice(_VOWELS) + (rng.choice(_CODAS) if coda else "")


def _shape(rng: random.Random, kind: str) -> str:
    syllables = 1 if rng.random() < 0.5 else 2
    stem = "".join(_syllable(rng, coda=i == syllables - 1) for i in range(syllables))
    suffix = rng.choice(_SUFFIXES[kind])
    if suffix and stem[-1] in "aeiou" and suffix[0] in "aeiouy":
        stem += rng.choice("nrlkmt")  # no vowel pile-up at the seam: "blaunous", not "blauous"
    return stem + suffix


def _reads_back(word: str, kind: str) -> bool:
    if kind == "verb":
        return (lemma_of_verb(third_person(word)) == word
                and lemmas_of_past(past_tense(word)) == [word]
                and lemmas_of_past(past_participle(word)) == [word])
    if kind == "noun":
        return lemma_of_plural(pluralize(word)) == word
    return True


def coin(rng: random.Random, kind: str) -> str:
    """A made-up word of ``kind`` ("noun", "adjective" or "verb") that reads back to itself
    (see the module docstring)."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, got {kind!r}")
    while True:
        word = _shape(rng, kind)
        if (4 <= len(word) <= 11 and is_identifier(word) and word not in _reserved()
                and not word.endswith(_INFLECTED_LOOKING) and _reads_back(word, kind)):
            return word
