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

A plain "takes" is no prohibition either: where the sentence says the prohibition's verb
with no modal or negation before it ("Dina takes ibuprofen and aspirin."), a reading
asserts the predicate only as often as the sentence says it, in its "must not" words or
another gloss (``facts_read_as_prohibitions``: ``contraindicated(dina, ibuprofen)`` was
the shipped parser's reading at 0.87).

A quantity is compared only with a function of its unit and period
(``units_mismatched``): "Ann weighs 154 pounds." is never ``weight_kg(ann) = 154``
(0.998), "Bob gave two weeks' notice." never ``notice_days(bob) = 2``, "Bob earns 60000
dollars a year." never ``monthly_income(bob) = 60000``. Where an exact factor joins the
units, ``units_converted`` rewrites the reading instead: ``weight_kg(ann) = 154 *
0.45359237``, ``notice_days(bob) = 2 * 7``, ``monthly_income(bob) = 60000 / 12``.

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
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

from ..logic import ast
from .candidates import content_words, lemma_of_plural, lemma_of_verb, lemmas_of_past
from .declared_constants import _ARTICLE, longest_matches, per_theory
from .omission import _is_form_of, negation_words
from .units import EXACT_FACTORS, OPEN_MEASURES, UNIT_AFTER, UNITS

__all__ = ["gloss_mentions", "unsaid_glosses", "permissions_read_as_prohibitions", "facts_read_as_prohibitions",
           "prohibitions_read_as_permissions", "units_mismatched", "units_converted", "symbols_misattributed",
           "antonyms_read_as_glosses", "symbols_unsaid", "opposites_said_plainly"]

_SLOT = re.compile(r"\{[^{}]*\}")
# A slot's filler between two fixed parts, one to six words; attached to the next part
# when that starts with a mark ("the day {0}'s contract ends": "the day Bob's contract ends").
_GAP = r"\s+(?:\S+\s+){0,5}"
_GAP_ATTACHED = r"\s+(?:\S+\s+){0,5}?\S+?"
# Content words for names ("has a car": have_car), but as a gloss's only word as common as "is".
_POSSESSION = frozenset({"has", "have", "had", "own"})


def _pattern(gloss: str) -> str | None:
    """A regular expression for where ``gloss`` is said, or None when its fixed words are
    all function words or "has". A unit right after ``{value}`` stands for every unit an
    exact factor joins to it: "{0} asks for {value} days off" is said by "asks for two
    weeks off" (``units_converted`` then converts the quantity)."""
    pieces = re.split(r"(\{[^{}]*\})", gloss)
    parts, after_value = [], []
    for index, piece in enumerate(pieces):
        text = " ".join(piece.lower().split())
        if index % 2 == 0 and text:
            parts.append(text)
            after_value.append(index > 0 and pieces[index - 1] == "{value}")
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
        pattern += left + (_with_any_unit(part) if after_value[index] else re.escape(part)) + right
    return pattern


def _with_any_unit(part: str) -> str:
    """``part`` escaped, its first word, where that is a unit, any word of a unit an exact
    factor joins to it ("days' notice": "(?:days|weeks|hours|...)' notice")."""
    first, rest = re.match(r"([a-z]+)(.*)", part, re.S).groups() if part[:1].isalpha() else ("", part)
    unit = UNITS.get(first)
    if unit is None:
        return re.escape(part)
    words = sorted((word for word, other in UNITS.items()
                    if other == unit or (unit, other) in EXACT_FACTORS), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(map(re.escape, words)) + ")" + re.escape(rest)


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
def _prohibitions(theory) -> tuple[tuple[str, str, re.Pattern, re.Pattern], ...]:
    """Per declared predicate with a prohibition gloss ("{0} must not take {1}"), its verb,
    a pattern of its permission ("may take", "can take") and one of the prohibition as
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
            table.append((name, verb, re.compile(rf"(?<![\w-]){_PERMITTING}{after}", re.I),
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
    for name, _, permission, _ in _prohibitions(theory):
        if name not in used:
            continue
        said = len(permission.findall(sentence))
        if said:
            negated = _negated_uses(formula) if negated is None else negated
            if said > negated[name]:
                found.append(name)
    return found


def facts_read_as_prohibitions(formula: ast.Formula, sentence: str, theory) -> list[str]:
    """The predicates with a prohibition gloss that ``formula`` asserts (uses under no
    negation) more often than ``sentence`` says them, where the sentence says the
    prohibition's verb plainly ("takes", "took"; not after a modal or a negation:
    "cannot take"): the verb alone says that something is done, not that it must not be. "Dina takes ibuprofen and aspirin." is never
    ``contraindicated(dina, ibuprofen) and prescribed(dina, aspirin)`` (the shipped
    parser's reading, 0.87). The prohibition is said by its "must not" phrase, each time,
    or by another of its glosses ("is contraindicated for"); a paraphrase without the verb
    ("should avoid") is not judged."""
    used = {node.name for node in ast.walk(formula) if isinstance(node, ast.Pred)}
    found = []
    for name, verb, permission, prohibition in _prohibitions(theory):
        if name not in used or verb == "be":  # "must not be combined": every sentence says "is"
            continue
        rest = permission.sub(" ", prohibition.sub(" ", sentence))
        words = re.findall(r"[a-z']+", rest.lower())
        if not any(_is_form_of(word, verb) and (i == 0 or words[i - 1] not in _MODAL_OR_NEGATION)
                   for i, word in enumerate(words)):
            continue
        said = len(prohibition.findall(sentence)) + (name in gloss_mentions(rest, theory))
        asserted = sum(1 for node in ast.walk(formula) if isinstance(node, ast.Pred) and node.name == name) \
            - _negated_uses(formula)[name]
        if asserted > said:
            found.append(name)
    return found


# Words before a verb that make it no plain statement that something is done ("cannot
# take", "should not take", "may take" are the prohibition's or the permission's).
_MODAL_OR_NEGATION = frozenset("""not never cannot can't can could couldn't may might must mustn't should shouldn't
    shall will won't would wouldn't to""".split())


def units_mismatched(formula: ast.Formula, sentence: str, candidates, theory) -> list[str]:
    """The quantities of ``sentence`` that ``formula`` compares with a declared function
    counting another unit or per another period: "Ann weighs 154 pounds." is never
    ``weight_kg(ann) = 154`` (the shipped parser's reading, 0.998), "Ann is 5 months
    pregnant." never ``weeks_pregnant(ann) = 5`` (1.000), "Bob gave two weeks' notice."
    never ``notice_days(bob) = 2`` (0.998), "Bob earns 60000 dollars a year." never
    ``monthly_income(bob) = 60000`` (0.996). A function's unit is the word after
    ``{value}`` in a gloss ("{0} weighs {value} kg"), else a unit word of its name
    (``notice_days``); its period is said in a gloss after ``{value}`` ("{0} earns {value}
    a month") or in its name (``monthly_income``, ``days_per_week``). A number's unit is the
    word after it, its period a "a year", "per week", "annually" before the clause ends.
    What either side does not say is not judged. Each is the quantity as said, the
    function in brackets: "154 pounds (weight_kg)". With no ``theory`` (open mode) the
    functions are the attributes of ``OPEN_MEASURES`` ("weight" counts kg)."""
    mismatched = []
    for quantity in _measured_quantities(formula, sentence, candidates, theory):
        if quantity.unit and quantity.said_unit and quantity.said_unit != quantity.unit:
            mismatched.append(f"{sentence[quantity.start:quantity.unit_end]} ({quantity.function})")
        if quantity.period and quantity.said_period and quantity.said_period != quantity.period:
            mismatched.append(f"{sentence[quantity.start:quantity.period_end]} ({quantity.function})")
    return list(dict.fromkeys(mismatched))


@dataclass(frozen=True)
class _Quantity:
    """A number of the sentence that a reading compares with a declared function: the
    function's unit and period, and those the sentence says after the number (None where
    it says none; ``unit_end`` and ``period_end`` are where they end)."""

    function: str
    number: ast.Num
    start: int
    unit: str | None
    period: str | None
    said_unit: str | None
    unit_end: int
    said_period: str | None
    period_end: int


def _measured_quantities(formula: ast.Formula, sentence: str, candidates, theory):
    """The ``_Quantity`` of every place the sentence says a number that ``formula``
    compares with a declared function that has a unit or a period, in the formula's order."""
    from .vocabulary import NUMBER

    if not any(candidate.kind == NUMBER for candidate in candidates.items):
        return  # most sentences say no number: no walk of the formula for them
    measures = _declared_measures(theory) if theory is not None else OPEN_MEASURES
    for node in ast.walk(formula):
        if not isinstance(node, ast.Compare):
            continue
        for side, other in ((node.left, node.right), (node.right, node.left)):
            if not (isinstance(side, ast.FuncApp) and side.name in measures and isinstance(other, ast.Num)):
                continue
            unit, period = measures[side.name]
            for candidate in candidates.items:
                if candidate.kind != NUMBER or candidate.span is None or _value(candidate.text) != other.value:
                    continue
                start, end = candidate.span
                word = UNIT_AFTER.match(sentence, end)
                said_period = _period_in(sentence[end:_clause_end(sentence, end)])
                yield _Quantity(side.name, other, start, unit, period,
                                UNITS.get(word.group(1).lower()) if word else None, word.end(1) if word else end,
                                said_period[0] if said_period else None,
                                end + said_period[1] if said_period else end)


def _value(text: str):
    try:
        return Fraction(text)
    except ValueError:
        return None


# A period: "a year", "per month", "each week", "annually", "monthly".
_PERIODS = {"hourly": "hour", "daily": "day", "weekly": "week", "monthly": "month", "yearly": "year",
            "annually": "year", "annual": "year"}
_PERIOD = re.compile(r"\b(?:(?:a|an|per|each|every)\s+(hour|day|week|month|year)|(hourly|daily|weekly|monthly|"
                     r"yearly|annually))\b", re.I)
_CLAUSE_END = re.compile(r"[,;.!?]|\s(?:and|but|or|if|unless|while|because)\s", re.I)


def _period_in(text: str) -> tuple[str, int] | None:
    """The first period ``text`` says, and where it ends."""
    found = _PERIOD.search(text)
    if found is None:
        return None
    return (found.group(1).lower() if found.group(1) else _PERIODS[found.group(2).lower()]), found.end()


def _clause_end(sentence: str, start: int) -> int:
    found = _CLAUSE_END.search(sentence, start)
    return found.start() if found else len(sentence)


@per_theory
def _declared_measures(theory) -> dict[str, tuple[str | None, str | None]]:
    """Per declared function with a unit or a period, the two (None where it has none):
    see ``units_mismatched``."""
    measures = {}
    for name, decl in theory.functions.items():
        after_value = [UNITS.get(m.group(1).lower()) for gloss in decl.glosses
                       for m in re.finditer(r"\{value\}[\s-]*([A-Za-z]+)", gloss)]
        words = name.split("_")
        named = [UNITS.get(word) for k, word in enumerate(words)  # not the "week" of days_per_week
                 if len(word) > 1 and (k == 0 or words[k - 1] != "per")]
        unit = next((u for u in after_value if u), None) or next((u for u in reversed(named) if u), None)
        periods = [p for gloss in decl.glosses if "{value}" in gloss
                   for p in [_period_in(gloss.split("{value}", 1)[1])] if p]
        per = [UNITS.get(words[k + 1]) for k in range(len(words) - 1) if words[k] == "per"]
        period = (periods[0][0] if periods else None) or next((p for p in per if p), None) \
            or next((_PERIODS[w] for w in words if w in _PERIODS), None)
        if unit or period:
            measures[name] = (unit, period)
    return measures


def units_converted(formula: ast.Formula, sentence: str, candidates, theory) -> ast.Formula | None:
    """``formula`` with each quantity that ``units_mismatched`` finds converted into its
    function's unit and period by an exact factor, written out so that the sentence's
    number stays in the reading: "Bob gave two weeks' notice." ``notice_days(bob) = 2``
    becomes ``notice_days(bob) = 2 * 7``, "Ann weighs 154 pounds." ``weight_kg(ann) = 154
    * 0.45359237`` (the pound is 0.45359237 kg by definition), "Bob earns 60000 dollars a
    year." ``monthly_income(bob) = 60000 / 12``. None when nothing is to be converted, or
    when some quantity has no exact factor (months to weeks, dollars to kg) or would
    leave a whole-number function a fraction ("36 hours' notice" in days): the reading then
    stays doubted. With no ``theory``, open mode's attributes (``OPEN_MEASURES``): "Ann
    weighs 154 pounds." ``weight(ann) = 154 * 0.45359237``, "Carl is 10 months old."
    ``age(carl) = 10 / 12``."""
    replacements: dict[int, ast.Term] = {}
    seen: set[int] = set()
    for quantity in _measured_quantities(formula, sentence, candidates, theory):
        number = quantity.number
        if id(number) in seen:  # the number said again: its first place decides
            continue
        seen.add(id(number))
        factor = Fraction(1)
        if quantity.unit and quantity.said_unit and quantity.said_unit != quantity.unit:
            if (quantity.said_unit, quantity.unit) not in EXACT_FACTORS:
                return None
            factor *= EXACT_FACTORS[quantity.said_unit, quantity.unit]
        if quantity.period and quantity.said_period and quantity.said_period != quantity.period:
            # a rate per year is a twelfth of it per month: the inverse of the units' factor
            if (quantity.period, quantity.said_period) not in EXACT_FACTORS:
                return None
            factor *= EXACT_FACTORS[quantity.period, quantity.said_period]
        if factor == 1:
            continue
        if theory is not None and theory.functions[quantity.function].result_sort == "Int" \
                and (number.value * factor).denominator != 1:
            return None
        replacements[id(number)] = _times(number, factor)
    if not replacements:
        return None

    def rewrite(node: ast.Node) -> ast.Node:
        return replacements.get(id(node)) or ast.map_children(node, rewrite)

    return rewrite(formula)


def _times(number: ast.Num, factor: Fraction) -> ast.Term:
    """``number`` times ``factor``, written as ``n * k``, ``n / k`` or ``n * a / b``."""
    if factor.denominator == 1:
        return ast.Arith("*", number, ast.Num(factor.numerator))
    if factor.numerator == 1:
        return ast.Arith("/", number, ast.Num(factor.denominator))
    try:
        return ast.Arith("*", number, ast.Num(factor, real=True))  # a finite decimal: 0.45359237
    except ValueError:
        return ast.Arith("/", ast.Arith("*", number, ast.Num(factor.numerator)), ast.Num(factor.denominator))


def symbols_misattributed(formula: ast.Formula, sentence: str, theory) -> list[str]:
    """The declared predicates and functions ``formula`` uses although ``sentence`` says no
    word of theirs (of their glosses or name) and says a word that belongs to one other
    declared symbol alone, which ``formula`` does not use: "Bob filed for bankruptcy last
    year." is never ``resident(bob)`` (the shipped parser's reading, 0.995; "bankruptcy" is
    ``recent_bankruptcy``'s word), nor "Bob earns 60000 dollars a year." ``loan_amount(bob)
    = 60000`` (0.98, once ``monthly_income`` was doubted for its period; "earns" is
    ``monthly_income``'s). Words of the declared constants' names and glosses do not
    count ("the payment approver role" names a role, not ``approver_count``)."""
    words = _symbol_words(theory)
    said = _said_lemmas(sentence)
    used = {node.name for node in ast.walk(formula) if isinstance(node, (ast.Pred, ast.FuncApp))}
    owned = {word for word in said if len(_owners(theory).get(word, ())) == 1
             and _owners(theory)[word][0] not in used}
    if not owned:
        return []
    return sorted(name for name in used if name in words and not said & words[name])


def symbols_unsaid(formula: ast.Formula, sentence: str, theory) -> list[str]:
    """The declared predicates and functions ``formula`` uses when ``sentence`` says a word
    of none of them (of their glosses or names): a statement the rule file has no symbol
    for is not read as whichever symbol the network likes best. "Mia drinks coffee every
    morning." is not ``incident_open(mia)`` (the shipped parser's reading, 0.999), "Paul
    has no job." with the dosage rules not ``not child(paul)`` (0.998), "Nina owns a red
    bicycle." with the leave rules not ``finance_team(nina)`` (0.82). One word of one
    symbol suffices, so a paraphrase the glosses half say still passes; none of the
    30,000 generated schema-guided gold LFs fails."""
    words = _symbol_word_forms(theory)
    used = sorted({node.name for node in ast.walk(formula)
                   if isinstance(node, (ast.Pred, ast.FuncApp)) and node.name in words})
    if not used:
        return []
    # a gloss of function words alone ("{0} is for {value}", "{0} is under 12") is said
    # with no content word: the sentence says it when it says all of its words
    sentence_words = set(_GLOSS_WORD.findall(sentence.lower()))
    if any(words <= sentence_words for name in used for words in _wordless_glosses(theory).get(name, ())):
        return []
    said = _said_lemmas(sentence, with_past=True)  # "owned" says "owns"
    return [] if any(said & words[name] for name in used) else used


@lru_cache(maxsize=256)
def _said_lemmas(sentence: str, *, with_past: bool = False) -> frozenset[str]:
    """The lemmas of the content words of ``sentence``, numbers aside, and with
    ``with_past`` the present of each past form too. Cached: every reading asks."""
    said = set()
    for word in content_words(sentence):
        if word.kind not in ("number", "number_word"):
            said.add(_lemma(word.text))
            if with_past:
                said.update(lemmas_of_past(word.text.lower()))
    return frozenset(said)


@per_theory
def _symbol_word_forms(theory) -> dict[str, frozenset[str]]:
    """``_symbol_words`` with the present of each past form ("approved": "approve")."""
    return {name: words.union(*(lemmas_of_past(word) for word in words))
            for name, words in _symbol_words(theory).items()}


@per_theory
def _wordless_glosses(theory) -> dict[str, tuple[frozenset[str], ...]]:
    """Per declared predicate and function, the words of each of its glosses that have no
    content word, forms of "be" aside, which a sentence may say in any tense ("{0} is
    under 12": under, 12)."""
    found: dict[str, tuple[frozenset[str], ...]] = {}
    for name, decl in {**theory.predicates, **theory.functions}.items():
        for gloss in decl.glosses:
            if not _content_lemmas(gloss):
                words = frozenset(_GLOSS_WORD.findall(_SLOT.sub(" ", gloss).lower())) - _BE_FORMS
                found[name] = (*found.get(name, ()), words)
    return found


_BE_FORMS = frozenset("am is are was were be been being isn't aren't wasn't weren't".split())


_GLOSS_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def _lemma(word: str) -> str:
    return lemma_of_plural(lemma_of_verb(word.lower()))


def _content_lemmas(text: str) -> frozenset[str]:
    return frozenset(_lemma(word.text) for word in content_words(_SLOT.sub(" ", text))
                     if word.kind not in ("number", "number_word"))


@per_theory
def _gloss_words(theory) -> dict[str, frozenset[str]]:
    """Per declared predicate and function, the lemmas of the content words of its glosses."""
    return {name: frozenset().union(*map(_content_lemmas, decl.glosses))
            for name, decl in {**theory.predicates, **theory.functions}.items()}


@per_theory
def _symbol_words(theory) -> dict[str, frozenset[str]]:
    """``_gloss_words`` and the words of each symbol's name (``monthly_income``), units
    aside: "years" says a quantity's unit, which many functions share (age, service),
    not which function it is."""
    units = {_lemma(word) for word in UNITS}
    return {name: (words | _content_lemmas(name.replace("_", " "))) - units
            for name, words in _gloss_words(theory).items()}


@per_theory
def _owners(theory) -> dict[str, tuple[str, ...]]:
    """Per word of the predicates' and functions' glosses and names, the symbols that have
    it; words of the constants' names and glosses are left out."""
    constants = frozenset().union(*(_content_lemmas(text) for name, decl in theory.constants.items()
                                    for text in (*decl.glosses, name.replace("_", " "))))
    owners: dict[str, list[str]] = {}
    for name, words in sorted(_symbol_words(theory).items()):
        for word in words - constants:
            owners.setdefault(word, []).append(name)
    return {word: tuple(names) for word, names in owners.items()}


def antonyms_read_as_glosses(formula: ast.Formula, sentence: str, theory) -> list[str]:
    """The declared predicates whose gloss's word ``sentence`` says only the opposite of,
    when ``formula`` does not negate them: "unemployed" is the opposite of "{0} is
    employed", so "Bob is unemployed." is ``not employed(bob)``, never ``employed(bob)``
    (the shipped parser's reading, 0.97) nor ``stable_income(bob)`` (its next, 0.79). An
    opposite is the word with "un" or "non" before it, unless a gloss says it itself ("{1}
    is unsafe for {0}"); a sentence that says the word on its own as well ("employed or
    unemployed") or a negation ("not unemployed") is not judged."""
    lowered = [word.lower() for word in re.findall(r"[A-Za-z-]+", sentence)]
    glossed = _glossed_lemmas(theory)
    opposites = {_lemma(plain) for word in lowered if (plain := _unglossed_opposite(word, glossed)) is not None}
    if not opposites or negation_words(sentence):  # "not unemployed" may well be employed(bob)
        return []
    opposites -= {_lemma(word) for word in lowered}
    negated = _negated_uses(formula)
    return sorted(name for name, words in _gloss_words(theory).items()
                  if name in theory.predicates and opposites & words and not negated[name])


_NEGATIVE_PREFIX = re.compile(r"(?:un|non-?)([a-z]{4,})")


@per_theory
def _glossed_lemmas(theory) -> frozenset[str]:
    """The lemmas of every content word of the declared symbols' glosses."""
    return frozenset().union(*_gloss_words(theory).values())


def _unglossed_opposite(word: str, glossed: frozenset[str]) -> str | None:
    """``word`` (lower case) without its "un" or "non" ("employed" for "unemployed"), when
    it has one and no gloss says ``word`` itself ("unsafe" in "{1} is unsafe for {0}")."""
    plain = _NEGATIVE_PREFIX.fullmatch(word)
    return plain.group(1) if plain is not None and _lemma(word) not in glossed else None
# "is unemployed", "was non-compliant": an opposite said with a form of "be".
_BE_OPPOSITE = re.compile(r"\b(?P<be>is|are|was|were)\s+(?P<word>(?:un|non-?)[a-z]{4,})\b", re.I)


def opposites_said_plainly(sentence: str, theory) -> str | None:
    """``sentence`` with each opposite of a gloss's word after a form of "be" said as its
    negation ("Bob is unemployed." -> "Bob is not employed.", for "{0} is employed"), or
    None when it says none. The schema-guided network reads the negation (0.999) but had
    no reading of the opposite that passes ``antonyms_read_as_glosses``. An opposite a
    gloss says itself ("{1} is unsafe for {0}") is left as it is."""
    glossed = _glossed_lemmas(theory)

    def said_plainly(match: re.Match) -> str:
        plain = _unglossed_opposite(match.group("word").lower(), glossed)
        if plain is None or _lemma(plain) not in glossed:
            return match.group(0)
        return f"{match.group('be')} not {plain}"

    reworded = _BE_OPPOSITE.sub(said_plainly, sentence)
    return reworded if reworded != sentence else None


def prohibitions_read_as_permissions(formula: ast.Formula, sentence: str, theory) -> list[str]:
    """The predicates whose prohibition ``sentence`` says in their gloss's words ("Ben
    mustn't take aspirin.") and ``formula`` negates, though the sentence says no negation
    but the prohibition's own (see the module docstring); empty when there are none."""
    used = {node.name for node in ast.walk(formula) if isinstance(node, ast.Pred)}
    negated = None
    found = []
    for name, _, _, prohibition in _prohibitions(theory):
        if name not in used or not prohibition.search(sentence):
            continue
        negated = _negated_uses(formula) if negated is None else negated
        if negated[name] and not negation_words(prohibition.sub(" ", sentence)):
            found.append(name)
    return found
