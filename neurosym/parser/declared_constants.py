"""Declared constants against the words that name them (schema-guided mode).

In schema-guided mode a rule file's constants ("const metformin: Drug "metformin"") are
candidates the decoder points at through their descriptions, not spans it copies, so
nothing ties a reading's constants to the sentence: "Metformin, nitroglycerin and
isotretinoin are NSAIDs." was read ``nsaid(metformin) and nsaid(paracetamol)``, and "If
nitroglycerin is a nitrate, then it is not cleared by the kidneys." as
``nitrate(sildenafil) -> not renally_cleared(methotrexate)``. A constant is named by
its name ("age of majority") or one of its glosses ("the legal adult age"), an article
aside, also without its sort's noun ("the administrator role" of a Role: "administrator");
the sentence says it where one of those phrases stands as words, the longest
match winning where phrases overlap ("the maximum daily dose of paracetamol in mg" is
``paracetamol_daily_cap_mg``, not ``paracetamol``).

Two things follow, both the schema-mode counterparts of ``neurosym.parser.omission``:
a reading names no declared constant the sentence does not say (a pronoun may repeat
one that it says: "If nitroglycerin is a nitrate, then it ..."), and it uses each
declared constant at least as often as the sentence says it. On the project's generated
schema-guided data no gold LF breaks either (tests/test_declared_constants.py checks 300 pairs
per shipped rule file).

>>> from neurosym.logic.parser import parse_formula
>>> from neurosym.rules.loader import load_theory
>>> theory = load_theory(["rules/dosage.rules"])
>>> sentence = "Metformin, nitroglycerin and isotretinoin are NSAIDs."
>>> misgrounded_constants(parse_formula("nsaid(metformin) and nsaid(paracetamol)"), sentence, theory)
['paracetamol', 'nitroglycerin', 'isotretinoin']
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache, wraps

from ..logic import ast

__all__ = ["constant_mentions", "misgrounded_constants", "longest_matches", "per_theory"]

_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)


def per_theory(build):
    """``build(theory)`` computed once per theory, for tables every reading of every
    sentence asks for (by identity, the theory kept alongside so that its id is not
    reused; at most 64 theories kept)."""
    cache: dict[int, tuple[object, object]] = {}

    @wraps(build)
    def cached(theory):
        hit = cache.get(id(theory))
        if hit is not None and hit[0] is theory:
            return hit[1]
        if len(cache) >= 64:
            cache.clear()
        value = build(theory)
        cache[id(theory)] = (theory, value)
        return value
    return cached


def longest_matches(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Of ``(start, end, name)`` matches, those no longer (then earlier) match overlaps,
    in sentence order: a phrase inside a longer one is part of it."""
    taken: list[tuple[int, int, str]] = []
    for start, end, name in sorted(found, key=lambda m: (m[0] - m[1], m[0])):
        if all(end <= a or b <= start for a, b, _ in taken):
            taken.append((start, end, name))
    return sorted(taken)


@per_theory
def _phrases(theory) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Per declared constant, the phrases that name it: its name in words and its
    glosses, lower-cased, a leading article removed, each also without its sort's noun
    ("the administrator role" of a Role is also "administrator")."""
    named = []
    for name, decl in sorted(theory.constants.items()):
        glosses = {_ARTICLE.sub("", gloss.strip().lower()) for gloss in decl.glosses}
        sort = theory.sorts.get(decl.sort)
        for noun in (sort.glosses if sort is not None else ()):
            glosses |= {gloss[: -len(noun)].strip() for gloss in glosses if gloss.endswith(" " + noun.lower())}
        phrases = {name.replace("_", " ")} | glosses
        named.append((name, tuple(sorted(p for p in phrases if p))))
    return tuple(named)


def constant_mentions(sentence: str, theory) -> Counter:
    """How many times ``sentence`` names each declared constant of ``theory``."""
    return Counter(_mentions(sentence, _phrases(theory)))


@lru_cache(maxsize=512)
def _mentions(sentence: str, phrases: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[str, ...]:
    lowered = sentence.lower()
    found = []  # (start, end, name), every phrase at every place it stands
    for name, texts in phrases:
        for text in texts:
            for match in re.finditer(r"(?<![\w-])" + re.escape(text) + r"(?![\w-])", lowered):
                found.append((match.start(), match.end(), name))
    return tuple(name for _, _, name in longest_matches(found))


def misgrounded_constants(formula: ast.Formula, sentence: str, theory) -> list[str]:
    """The declared constants ``formula`` names though ``sentence`` never says them, then
    those the sentence says more often than ``formula`` uses them (once per missing use).
    Empty when the reading's declared constants match the sentence's words."""
    declared = theory.constants
    uses = Counter(node.name for node in ast.walk(formula)
                   if isinstance(node, ast.Const) and node.name in declared)
    said = constant_mentions(sentence, theory)
    unsaid = [name for name in uses if not said[name]]
    left_out = [name for name, count in said.items() for _ in range(count - uses[name])]
    return unsaid + left_out
