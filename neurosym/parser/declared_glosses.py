"""Declared predicates and functions against the glosses a sentence says (schema-guided mode).

In schema-guided mode the decoder points at a rule file's predicates and functions
through their descriptions; nothing made a reading use the ones the sentence says word
for word. "Bob has a credit score of 720 and is employed." was read
``credit_score(bob) = 720`` at 0.73, leaving out "is employed", so a claim would have
been checked for half of what it says. (Open mode checks content words instead,
``neurosym.parser.omission``; in schema mode a gloss may paraphrase freely, so only a
gloss said exactly is a clear sign.)

A gloss is said where its fixed words stand in the sentence as written (a contraction
counting as its words in full: "mustn't take" says "must not take"), in order, a
slot's filler of one to six words between two of them ("{0} earns {value} a month": "Bob
earns 5000 a month"), lower-cased, a leading article aside; the longest match wins where
matches overlap ("{0} is an external contractor" is not also "{0} is a contractor").
Glosses whose fixed words are all function words or "has" ("{0} is {1}", "{0} has {1}")
are too common to count. A reading that uses no symbol of a said gloss is an omission. Other
wordings (negations such as "is not employed", other tenses) are not judged either way.

A prohibition is denied by its permission: where a gloss forbids ("{0} must not take
{1}"), the same verb after "may" or "can" with no "not" between ("Ann may take
ibuprofen.") says the prohibition does not hold, so a reading that uses the predicate
there negates it: ``not contraindicated(ann, ibuprofen)``, never
``contraindicated(ann, ibuprofen)`` (a fine-tune's best reading at 0.86;
``permissions_read_as_prohibitions``). Each permission needs one negated use. And the
prohibition said in its own words ("Ben mustn't take aspirin.") is the predicate, so
a reading does not negate it unless the sentence says another negation ("It is not the
case that Ben must not take aspirin."): ``contraindicated(ben, aspirin)``, never ``not
contraindicated(ben, aspirin)`` (run 43's best reading at 0.87;
``prohibitions_read_as_permissions``).

>>> from neurosym.logic.parser import parse_formula
>>> from neurosym.rules.loader import load_theory
>>> theory = load_theory(["rules/lending.rules"])
>>> sentence = "Bob has a credit score of 720 and is employed."
>>> unsaid_glosses(parse_formula("credit_score(bob) = 720"), sentence, theory)
['employed']
>>> unsaid_glosses(parse_formula("credit_score(bob) = 720 and employed(bob)"), sentence, theory)
[]
>>> dosage = load_theory(["rules/dosage.rules"])
>>> permissions_read_as_prohibitions(parse_formula("contraindicated(ann, ibuprofen)"),
...                                  "Ann may take ibuprofen.", dosage)
['contraindicated']
>>> permissions_read_as_prohibitions(parse_formula("not contraindicated(ann, ibuprofen)"),
...                                  "Ann may take ibuprofen.", dosage)
[]
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..logic import ast
from .candidates import content_words
from .declared_constants import _ARTICLE, longest_matches, per_theory
from .omission import negation_words

__all__ = ["gloss_mentions", "unsaid_glosses", "permissions_read_as_prohibitions",
           "prohibitions_read_as_permissions"]

_SLOT = re.compile(r"\{[^{}]*\}")
# A slot's filler between two fixed parts, one to six words; attached to the next part
# when that starts with a mark ("the day {0}'s contract ends": "the day Bob's contract ends").
_GAP = r"\s+(?:\S+\s+){0,5}"
_GAP_ATTACHED = r"\s+(?:\S+\s+){0,5}?\S+?"
# Content words for names ("has a car": have_car), but as a gloss's only word as common as "is".
_POSSESSION = frozenset({"has", "have", "had", "own"})


def _pattern(gloss: str) -> str | None:
    """A regular expression for where ``gloss`` is said, or None when its fixed words are
    all function words or "has"."""
    parts = [" ".join(part.lower().split()) for part in _SLOT.split(gloss)]
    parts = [part for part in parts if part]
    if parts:
        parts[0] = _ARTICLE.sub("", parts[0])
    if all(word.text in _POSSESSION for word in content_words(" ".join(parts))):
        return None
    pattern = ""
    for index, part in enumerate(parts):
        attached = not part[0].isalnum()  # "'s FICO score" follows its owner
        if index:
            pattern += _GAP_ATTACHED if attached else _GAP
        left = "" if attached else r"(?<![\w-])"
        right = r"(?![\w-])" if part[-1].isalnum() else ""
        pattern += left + re.escape(part) + right
    return pattern


@per_theory
def _patterns(theory) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Per declared predicate and function, the patterns of its countable glosses."""
    table = []
    for name, decl in sorted({**theory.predicates, **theory.functions}.items()):
        patterns = tuple(sorted({p for p in map(_pattern, decl.glosses) if p is not None}))
        if patterns:
            table.append((name, patterns))
    return tuple(table)


# Contractions said in full, as glosses write them: "mustn't take" says "must not take".
_CONTRACTIONS = ((re.compile(r"\bcan't\b"), "cannot"), (re.compile(r"\bwon't\b"), "will not"),
                 (re.compile(r"\b(\w+)n't\b"), r"\1 not"))


def _uncontracted(lowered: str) -> str:
    for pattern, full in _CONTRACTIONS:
        lowered = pattern.sub(full, lowered)
    return lowered


def gloss_mentions(sentence: str, theory) -> frozenset[str]:
    """The declared predicates and functions of ``theory`` whose glosses ``sentence`` says
    (a contraction counts as its words in full)."""
    return _mentions(_uncontracted(sentence.lower().replace("\u2019", "'")), _patterns(theory))


@lru_cache(maxsize=512)
def _mentions(lowered: str, table: tuple[tuple[str, tuple[str, ...]], ...]) -> frozenset[str]:
    found = []  # (start, end, name), every gloss at every place it stands
    for name, patterns in table:
        for pattern in patterns:
            for match in re.finditer(pattern, lowered):
                found.append((match.start(), match.end(), name))
    return frozenset(name for _, _, name in longest_matches(found))


def unsaid_glosses(formula: ast.Formula, sentence: str, theory) -> list[str]:
    """The declared predicates and functions whose glosses ``sentence`` says and
    ``formula`` never uses, by name (empty when the reading uses each)."""
    used = {node.name for node in ast.walk(formula) if isinstance(node, (ast.Pred, ast.FuncApp))}
    return sorted(gloss_mentions(sentence, theory) - used)


# The modals that permit what a "must not" gloss forbids.
_PERMITTING = r"(?:may|can)"


@per_theory
def _prohibitions(theory) -> tuple[tuple[str, re.Pattern, re.Pattern], ...]:
    """Per declared predicate with a prohibition gloss ("{0} must not take {1}"), a
    pattern of its permission ("may take", "can take") and one of the prohibition as
    said ("must not take", "mustn't take")."""
    table = []
    for name, decl in sorted(theory.predicates.items()):
        verbs = set()
        for gloss in decl.glosses:
            words = gloss.lower().split()
            for i in range(1, len(words) - 1):
                if words[i] == "not" and words[i - 1] == "must" and words[i + 1].isalpha():
                    verbs.add(words[i + 1])
        for verb in sorted(verbs):
            after = rf"\s+{re.escape(verb)}(?![\w-])"
            table.append((name, re.compile(rf"(?<![\w-]){_PERMITTING}{after}", re.I),
                          re.compile(rf"(?<![\w-])must(?:\s+not|n't){after}", re.I)))
    return tuple(table)


def _negated_uses(formula: ast.Formula) -> Counter:
    """Per predicate name, how many of its atoms in ``formula`` stand under an odd number
    of negations."""
    counts: Counter = Counter()

    def visit(node: ast.Node, negated: bool) -> None:
        if isinstance(node, ast.Pred) and negated:
            counts[node.name] += 1
        for child in ast.children(node):
            visit(child, negated != isinstance(node, ast.Not))

    visit(formula, False)
    return counts


def permissions_read_as_prohibitions(formula: ast.Formula, sentence: str, theory) -> list[str]:
    """The predicates with a prohibition gloss that ``formula`` uses where ``sentence``
    says their permission ("may take") more often than ``formula`` negates them (see the
    module docstring); empty when there are none."""
    used = {node.name for node in ast.walk(formula) if isinstance(node, ast.Pred)}
    negated = None
    found = []
    for name, permission, _ in _prohibitions(theory):
        if name not in used:
            continue
        said = len(permission.findall(sentence))
        if said:
            negated = _negated_uses(formula) if negated is None else negated
            if said > negated[name]:
                found.append(name)
    return found


def prohibitions_read_as_permissions(formula: ast.Formula, sentence: str, theory) -> list[str]:
    """The predicates whose prohibition ``sentence`` says in their gloss's words ("Ben
    mustn't take aspirin.") and ``formula`` negates, though the sentence says no negation
    but the prohibition's own (see the module docstring); empty when there are none."""
    used = {node.name for node in ast.walk(formula) if isinstance(node, ast.Pred)}
    negated = None
    found = []
    for name, _, prohibition in _prohibitions(theory):
        if name not in used or not prohibition.search(sentence):
            continue
        negated = _negated_uses(formula) if negated is None else negated
        if negated[name] and not negation_words(prohibition.sub(" ", sentence)):
            found.append(name)
    return found
