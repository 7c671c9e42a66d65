"""English inflection for the data generator: plurals, verb forms, articles, number words.

Small rule sets with tables of exceptions, enough for the lexicon and for glosses that
rule-file authors write; not a general morphological analyser.
"""

from __future__ import annotations

# One table of irregular verbs serves the parser (reading "wrote" as write) and the
# generator (saying write as "wrote"), so the two cannot disagree.
from ..parser.candidates import IRREGULAR_PAST

__all__ = [
    "pluralize", "singularize", "third_person", "base_form", "past_tense", "past_participle",
    "with_article", "number_in_words", "PREPOSITIONS",
]

_IRREGULAR_PLURALS = {
    "person": "people", "man": "men", "woman": "women", "child": "children",
    "mouse": "mice", "goose": "geese", "foot": "feet", "tooth": "teeth", "ox": "oxen",
    "sheep": "sheep", "deer": "deer", "fish": "fish", "moose": "moose", "bison": "bison",
    "cactus": "cacti", "fungus": "fungi", "wolf": "wolves", "wife": "wives", "life": "lives",
    "knife": "knives", "leaf": "leaves", "calf": "calves", "thief": "thieves",
    "shelf": "shelves", "elf": "elves", "half": "halves", "loaf": "loaves",
}
_IRREGULAR_SINGULARS = {plural: singular for singular, plural in _IRREGULAR_PLURALS.items()}

_IRREGULAR_THIRD = {"be": "is", "have": "has", "do": "does", "go": "goes"}
_IRREGULAR_BASE = {third: base for base, third in _IRREGULAR_THIRD.items()}

# Words that end the head noun of a noun phrase ("a parent of {1}" -> "parents of {1}").
PREPOSITIONS = frozenset({
    "of", "to", "in", "for", "with", "from", "on", "at", "by", "about", "into", "over",
    "under", "near", "than", "as", "who", "that", "which",
})

_VOWELS = "aeiou"


def pluralize(noun: str) -> str:
    """The plural of a noun phrase, inflecting its head (its last word).

    >>> pluralize("bald eagle"), pluralize("mouse"), pluralize("box"), pluralize("city")
    ('bald eagles', 'mice', 'boxes', 'cities')
    """
    *front, head = noun.split(" ")
    return " ".join([*front, _pluralize_word(head)])


def _pluralize_word(word: str) -> str:
    lower = word.lower()
    if lower in _IRREGULAR_PLURALS:
        plural = _IRREGULAR_PLURALS[lower]
        return word[0] + plural[1:] if word[:1].isupper() else plural
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if lower.endswith("y") and len(lower) > 1 and lower[-2] not in _VOWELS:
        return word[:-1] + "ies"
    return word + "s"


def singularize(noun: str) -> str:
    """The singular of a plural noun phrase (inverse of ``pluralize`` on its outputs)."""
    *front, head = noun.split(" ")
    lower = head.lower()
    if lower in _IRREGULAR_SINGULARS:
        singular = _IRREGULAR_SINGULARS[lower]
    elif lower.endswith("ies") and len(lower) > 3:
        singular = head[:-3] + "y"
    elif lower.endswith(("sses", "xes", "zes", "ches", "shes", "uses")):
        singular = head[:-2]
    elif lower.endswith("s") and not lower.endswith("ss"):
        singular = head[:-1]
    else:
        singular = head
    return " ".join([*front, singular])


def third_person(verb: str) -> str:
    """The third person singular present of a verb lemma: chase -> chases, fly -> flies."""
    if verb in _IRREGULAR_THIRD:
        return _IRREGULAR_THIRD[verb]
    if verb.endswith(("s", "x", "z", "ch", "sh", "o")):
        return verb + "es"
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in _VOWELS:
        return verb[:-1] + "ies"
    return verb + "s"


def base_form(verb: str) -> str:
    """The lemma of a third person singular verb form: chases -> chase, flies -> fly.

    >>> base_form("qualifies"), base_form("watches"), base_form("likes"), base_form("has")
    ('qualify', 'watch', 'like', 'have')
    """
    if verb in _IRREGULAR_BASE:
        return _IRREGULAR_BASE[verb]
    if verb.endswith("ies") and len(verb) > 3:
        return verb[:-3] + "y"
    if verb.endswith(("sses", "xes", "zes", "ches", "shes", "oes")):
        return verb[:-2]
    if verb.endswith("s") and not verb.endswith("ss"):
        return verb[:-1]
    return verb


def past_tense(verb: str) -> str:
    """The simple past of a verb lemma: chase -> chased, stop -> stopped, write -> wrote.

    >>> past_tense("carry"), past_tense("visit"), past_tense("hug"), past_tense("fraumle")
    ('carried', 'visited', 'hugged', 'fraumled')
    """
    if verb in IRREGULAR_PAST:
        return IRREGULAR_PAST[verb][0]
    return _regular_past(verb)


def past_participle(verb: str) -> str:
    """The past participle of a verb lemma: chase -> chased, write -> written, eat -> eaten."""
    if verb in IRREGULAR_PAST:
        return IRREGULAR_PAST[verb][1]
    return _regular_past(verb)


def _regular_past(verb: str) -> str:
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in _VOWELS:
        return verb[:-1] + "ied"
    # One syllable ending in one vowel and one consonant doubles it: stop -> stopped, hug -> hugged.
    syllables = sum(1 for i, c in enumerate(verb) if c in _VOWELS and (i == 0 or verb[i - 1] not in _VOWELS))
    if (syllables == 1 and len(verb) >= 3 and verb[-1] not in _VOWELS + "wxy"
            and verb[-2] in _VOWELS and verb[-3] not in _VOWELS):
        return verb + verb[-1] + "ed"
    return verb + "ed"


def with_article(noun_phrase: str) -> str:
    """The noun phrase with "a" or "an" in front, chosen by its first sound (roughly)."""
    first = noun_phrase[:1].lower()
    # "an hour", "a unicorn": the letter is a guess at the sound; these are the usual misses.
    starts_vowel_sound = first in _VOWELS and not noun_phrase.lower().startswith(("uni", "use", "eu", "one"))
    if noun_phrase.lower().startswith(("hour", "honest", "heir")):
        starts_vowel_sound = True
    return ("an " if starts_vowel_sound else "a ") + noun_phrase


_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
         "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
         "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def number_in_words(n: int) -> str:
    """An integer from 0 to 999 999 in English words.

    >>> number_in_words(17), number_in_words(42), number_in_words(105), number_in_words(2500)
    ('seventeen', 'forty-two', 'one hundred and five', 'two thousand five hundred')
    """
    if not 0 <= n < 1_000_000:
        raise ValueError(f"number_in_words covers 0 to 999999, got {n}")
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        words = f"{_ONES[hundreds]} hundred"
        return words + (f" and {number_in_words(rest)}" if rest else "")
    thousands, rest = divmod(n, 1000)
    words = f"{number_in_words(thousands)} thousand"
    if not rest:
        return words
    return words + (" and " if rest < 100 else " ") + number_in_words(rest)
