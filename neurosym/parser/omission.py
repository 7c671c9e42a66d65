"""Readings that leave out a word the sentence says.

Every content word of an English sentence shows up in its logical form: "The apple does
not kick the duck" is about the duck, so ``not kick(apple)`` has lost something, and so
has ``not computer(adult) or not computer(rina)`` for "The adult, James or Rina is not a
computer". The decoder writes such readings when it copies one candidate where two
belonged. This module finds the words a reading leaves out; ``SemanticParser.parse``
prefers readings that leave out none (see docs/parser.md, "Omissions").

A word counts as said when some candidate the reading copies (a name or number it uses)
was made from a span containing the word (``neurosym.parser.candidates``): ``duck`` says
"duck", ``drink_coffee_regularly`` says "regularly", ``age`` says "years" and "old".
Which words are content words is the candidate builder's own decision: the logic words
and pronouns of English (``is``, ``not``, ``every``, ``someone``), articles and
prepositions are not. "has"/"have"/"had" are exempt too, since a numeric attribute can
absorb them ("has a score of 15" is ``score(x) = 15``).

In open mode every content word is checked. In schema-guided mode the declared
predicates stand for paraphrases, so only what the sentence must name itself is: its
numbers and its capitalised names (a sentence's first word aside, which is capitalised
anyway, and words of the declared symbols' glosses: "enrolled in MFA", "NSAIDs"). On the
project's generated data no gold LF leaves out a word by this test.

A word said twice is two mentions, and each needs its own argument (``unsaid_mentions``).
"If something needs the lion and the lion is big then it chases the dog" mentions the lion
twice and the thing twice ("something", "it"), so ``need(x, lion) and big(lion) ->
chase(lion, dog)`` has lost "it" (x is used once for two mentions), and a reading with
``big(x)`` would lose a lion. Counted: a constant's occurrences in the sentence (its
candidate spans, overlapping ones once) against its argument positions in the reading;
and, once the sentence has said an indefinite ("something", "everyone", "whoever"), every
indefinite and every later "it"/"they"/"them" against the reading's uses of bound
variables (a proposition, the expletive "it" of "it is raining", may stand for one); and
every negation word ("not", "n't", "no", "neither", "nor", "never", "unless", the
"false"/"untrue" of "it is false that") against the reading's negations ("If Charlie is
not kind and Charlie is not white ..." needs two; "but not both" is the xor's, not a
negation; "B unless A" is ``not A -> B``; in schema-guided mode the "not" of a declared
gloss is the predicate's: "Ann must not take ibuprofen." is ``contraindicated(ann,
ibuprofen)`` when a gloss says "X must not take Y"); and every "than" against the reading's
orderings (``<``, ``>``, ``<=``, ``>=``: "Dan is taller than Leo." is never ``taller(dan)
and taller(leo)``); and an "or" (not "he or she") needs a disjunction or an xor: "A
worksheet is either paper or is environment-friendly." is never ``forall x.
worksheet(x) -> (exists y. environment_friendly(y) and paper(x))``; and a "but not
both" needs an xor or a negated conjunction ("Yara is an audit log or Amelia has an open
incident, but not both." is not ``audit_log(yara) or incident_open(amelia)``, the split
weights' reading at 0.96 of that held-out form; 233 of 30,000 generated sentences and 2
FOLIO premises say it, and their gold LFs all pass).
English never says a mention the meaning lacks: on the generated data and FOLIO's
premises no gold LF misses one.

The converse holds for negation in open mode, where the names come from the words: a
sentence that says no negation at all ("not", "n't", "no", "never", "neither", "nor",
"none", "nobody", "nothing", "cannot", "unless", "false", "untrue") means nothing negated,
so ``not eat(dog, cat)`` for "The dog eats the cat." says what the sentence does not
(``negates_unsaid``). One negation word may stand for several negations ("Leo and Ann
are not tall": two), so only its absence is tested. In schema-guided mode a paraphrase
may map onto a negated declared predicate ("Alice is a minor": ``not adult(alice)``), so
the test is not made there. In both modes a negation of a negation needs two words:
"Bob is not cold." is never ``not not cold(bob)``. No gold LF of the generated data (open
and schema-guided) or of FOLIO's premises negates what its sentence does not.

Likewise for generality in open mode: a sentence that says nothing general (no
quantifier word or indefinite, "a"/"an", "who"/"that", a pronoun, nor any word in -s
that could be a plural, "people", "children" and the like) means no quantifier, so
``exists x. green(x) or dog(x)`` for "The dog is green." says what the sentence does not
(``quantifies_unsaid``). No generated gold LF breaks it (30,000 open and 500 per rule
file); 6 of FOLIO's 300 converted premises do, the rule below included ("Chemical
Endangerment is harmful." is gold ``forall x. chemical_endangerment(x) -> harmful(x)``),
so it only makes a reading
give way to one without a quantifier, as an omission does, never removes the last ones.
An existential inside a universal whose variable is used once stands for a "something"
or "someone" the sentence must say ("Every dog chases something."): "A worksheet is
either paper or is environment-friendly." is never ``forall x. worksheet(x) -> (exists
y. environment_friendly(y) xor paper(x))``. No generated gold LF has such a variable;
1 of FOLIO's 300 converted premises does ("Cats are pets.", ``exists y. pet(x, y)``).

So for orderings in open mode: a sentence that says no number and no "than" compares
nothing, so ``forall x. young(x) -> (exists y. y < cold(x))`` for "Young people are
cold." says what the sentence does not (``compares_unsaid``). No gold LF of the
generated data (20,000 open) or of FOLIO's premises breaks it. (In schema-guided mode
a declared constant may stand for the number: "under the age of majority".)

And for the order of a relation's arguments in open mode: a constant the sentence only
says as an object (every mention right after a form of a verb the reading relates things
with, and no pronoun that could stand for it) is not the subject of a relation, so
"If something is rough then it needs the bald eagle." is never ``need(bald_eagle, x)``
(``objects_as_subjects``). No gold LF of the generated data (30,000 open) or of FOLIO's
premises breaks it. Passives put "by" before their subject, so they pass.

And one phrase is one name in open mode: a reading that names the same words twice
(``drink_coffee_regularly(prezon) or drink_coffee(grace)`` for "The prezon or Grace
regularly drinks coffee.") has said one of them in words the sentence does not use
(``phrases_named_twice``). No generated gold LF (20,000 open) does; 1 of FOLIO's 300
converted premises does ("Tecmo was disbanded in Japan" is gold ``disbanded(tecmo) and
disbanded_in(tecmo, japan)``), so such a reading gives way to others as an omission does.

A passive names its active verb in open mode: "The Lumina APV is produced by Chevrolet."
is ``produce(chevrolet, lumina_apv)``, never ``produce_by(lumina_apv, chevrolet)``, and
"The Astro is a van produced by Chevrolet." is not ``van_produced(chevrolet, astro)``
(``passive_names``: names copied with the "by" after a participle, or ending in a
participle other than its lemma right before "by"; "read" is its own lemma). No generated
gold LF (23,000 open) breaks it; 1 of FOLIO's 300 converted premises does ("Cars produced
by Chevrolet are either cars or vans." is gold ``forall x. chevrolet(x) -> car_produced(x)
xor van(x)``), so such a reading counts as an omission.

And the direction of a comparison with a number, in both modes: the comparator right
before the number says it ("older than 65", "more than", "over", "above": ``>``; "younger
than", "less than", "under", "below": ``<``; "at least": ``>=``; "at most": ``<=``), so
"Everyone who is older than 65 is retired." is not ``forall x. age(x) < 65 ->
retired(x)`` (the shipped parser's best reading, 0.80, beside the right one at 0.73;
``misdirected_comparisons``). The same holds for the entity compared with: "Hugo is
taller than Yara." is not ``height(hugo) < height(yara)`` (run 19 read it so at 0.74, and
"Joseph is taller than the mountain." at 0.85). A negated comparator ("no more than") is
not judged. None of 2,411 generated gold LFs that compare with a number (open and
schema-guided) breaks it.

A thing related to itself is said twice in open mode: "James has a car or works at
Meta." is not ``car(james) or work_at(meta, meta)`` (the shipped parser's reading, 0.81),
while "The lion chases the lion." and "Bob likes himself." may be
(``related_to_itself``). Of 73 such relations in 23,000 generated gold LFs, none breaks
it; FOLIO's premises have none. A variable related to itself needs the reflexive as
well: "Everybody loves Mary." is not ``forall x. love(x, mary) -> love(x, x)`` (the
shipped parser's reading, 0.90); none of 31,159 distinct generated and FOLIO gold LFs
(both modes, the generator of 2026-12-07, 05:00) has one.

In both modes a denied generality ("Not every bird can fly.", "Not all cats are black.",
"It is not the case that every ...") needs a negation above a universal, or an
existential with a negation inside, its positive form: ``forall x. bird(x) -> not
fly(x)`` says that no bird can fly (the shipped parser's reading, 0.996;
``negated_generalities_unread``). "All cats are not black." is not judged. Each
quantifier word ("every", "each", "all"; "no" and "some" when the sentence says two or
more) needs a variable of its own: "Every cat is an animal, and every animal is mortal." is
not ``forall x. cat(x) and animal(x) -> mortal(x)`` (0.69; ``quantifiers_unbound``; "all
of", "every day" and "at all" are not judged). "There are no unicorns." is never an
existential at the root (``exists x. not unicorn(x)``, 0.70; ``existence_denied_unread``).
And in open mode a leading "Only" restricts the consequence: "Only members can vote." is
``forall x. vote(x) -> member(x)``, never ``forall x. member(x) -> vote(x)`` (0.995) nor
anything else that does not conclude ``member`` in a universal (``only_misread``). A
sentence-initial bare plural is generic, never an existential at the root over its noun ("Interns cannot access the database." is not
``exists x. intern(x) and not access(x, database)``, 0.78; ``generics_read_as_some``),
and a sentence-initial "Most", "Many", "Several" or "Few" has no reading in the logic, so
every reading of it is doubted (``inexpressible_quantities``). None
of the 31,159 gold LFs breaks any of them; before the
generator's ``negated_universal`` construct only one of their sentences denied a
generality, and none of them starts with "Only", so that check rests on its reasoning
alone.

An indefinite object names nothing in open mode: "Every duck pushes some hamster." is not
``forall x. duck(x) -> push(x, hamster)`` (``indefinites_named``; subjects and objects
of prepositions are not judged, since FOLIO's gold logic names them).

The agent of a passive is its verb's subject in open mode: "Kenji was not caught by the
employee." is not ``not catch(kenji, employee)`` (``agents_as_objects``; only "be" +
participle + "by" is judged).

In both modes, an existential says something of what it binds: ``exists x. gary(x) and
brave(parrot)`` binds an x that only ``gary(x)`` uses (``disconnected_existentials``;
none of 31,185 distinct generated and FOLIO gold LFs has one).
And a second variable of a universal that its body uses once needs an indefinite pronoun
of its own: "Anyone who kicked an employee is a fox." is not ``forall x, y.
kick_employee(x, y) -> fox(x)`` (``unsaid_variables``; 1 of those gold LFs breaks it,
FOLIO's ``forall x, y. exposed_to_controlled_substance(x, y) -> ...``, by the same defect).

>>> from neurosym.logic.parser import parse_formula
>>> from neurosym.parser.candidates import candidates_for
>>> sentence = "The apple does not kick the duck."
>>> omitted_words(parse_formula("not kick(apple)"), sentence, candidates_for(sentence))
['duck']
>>> omitted_words(parse_formula("not kick(apple, duck)"), sentence, candidates_for(sentence))
[]
>>> rule = "If something needs the lion and the lion is big then it chases the dog."
>>> unsaid_mentions(parse_formula("forall x. need(x, lion) and big(lion) -> chase(lion, dog)"),
...                 rule, candidates_for(rule))
['it']
>>> negates_unsaid(parse_formula("not eat(dog, cat)"), "The dog eats the cat.")
True
"""

from __future__ import annotations

import re
from collections import Counter
from fractions import Fraction
from functools import lru_cache

from ..logic import ast
from .candidates import ARTICLES, PREPOSITIONS, CandidateSet, content_words, lemma_of_plural, lemma_of_verb, lemmas_of_past
from .clauses import MODALS
from .paraphrases import possessed_nouns
from .stand_ins import STAND_INS
from .units import OPEN_MEASURES, UNIT_AFTER, UNITS
from .vocabulary import NUMBER

__all__ = ["omitted_words", "unsaid_mentions", "negates_unsaid", "negation_words", "quantifies_unsaid",
           "objects_as_subjects", "phrases_named_twice", "indefinites_named", "agents_as_objects",
           "disconnected_existentials", "unsaid_variables", "negated_generalities_unread",
           "quantifiers_unbound", "conditions_unsaid", "possessions_read_as_kinds", "generics_named",
           "weather_given_subjects", "things_read_as_propositions", "singular_subjects_read_as_plurals",
           "possessives_read_as_kinds", "pronoun_possessions_dropped", "existence_denied_unread", "existence_unread",
           "generics_read_as_some", "inexpressible_quantities", "subjects_left_out_of_conclusions",
           "only_misread", "places_read_as_kinds", "coordinated_kinds_intersected",
           "objects_read_as_properties", "compares_unsaid", "passive_names", "particles_dropped",
           "related_to_itself", "misdirected_comparisons", "kinds_named_in_plural", "PERSONAL_PRONOUNS", "REFLEXIVE_PRONOUNS"]

_WORD = re.compile(r"[a-z0-9]+")

# Words that may go unsaid: a numeric attribute absorbs "has" ("has a score of 15").
_MAY_GO_UNSAID = frozenset({"has", "have", "had"})

# Words that introduce a bound variable, and the pronouns that refer back to one.
_INDEFINITES = frozenset({
    "something", "someone", "somebody", "anything", "anyone", "anybody", "everything",
    "everyone", "everybody", "nothing", "nobody", "whoever", "whosoever", "whatever", "whomever",
})
_BACK_REFERENCES = frozenset({"it", "they", "them", "itself", "themselves"})
_LOWER_WORD = re.compile(r"[a-z]+")
_NEGATION_WORD = re.compile(
    r"\b(?:not|never|neither|nor|no|nobody|nothing|none|cannot|unless)\b|n't\b|\b(?:false|untrue)(?=\s+that\b)",
    re.I)
_NOT_BOTH = re.compile(r"\bbut not both\b", re.I)  # "either A or B but not both": a xor
_THAN = re.compile(r"\bthan\b", re.I)  # "taller than", "more than 3": an ordering each
_OR = re.compile(r"\bor\b", re.I)  # "A or B", "either A or B": a disjunction (or xor) at least
_PRONOUN_PAIR = re.compile(r"\b(?:he or she|she or he|him or her|her or him|his or her|her or his)\b", re.I)
# The orderings, each with the one that says the same with its sides swapped.
_MIRRORED = {"<": ">", ">": "<", "<=": ">=", ">=": "<="}
# The comparator words right before a number, and the ordering each says (the number on
# the right): "older than 65" is > 65, "under 18" is < 18, "at least 3" is >= 3.
_COMPARATORS = (
    (re.compile(r"\b(?:more|greater|higher|older|taller|heavier|longer|larger|bigger)\s+than\s*$"
                r"|\b(?:over|above)\s*$", re.I), ">"),
    (re.compile(r"\b(?:less|fewer|lower|younger|shorter|lighter|cheaper|smaller)\s+than\s*$"
                r"|\b(?:under|below)\s*$", re.I), "<"),
    (re.compile(r"\bat\s+least\s*$", re.I), ">="),
    (re.compile(r"\bat\s+most\s*$", re.I), "<="),
    (re.compile(r"\bexactly\s*$", re.I), "="),  # "exactly 30" orders nothing
)
_NEGATED_COMPARATOR = re.compile(r"\b(?:not|no|n't)\s+\S+(?:\s+than)?\s*$", re.I)  # "no more than 5"
REFLEXIVE_PRONOUNS = frozenset(
    "itself himself herself themselves themself oneself myself yourself ourselves yourselves".split())
_REFLEXIVE = re.compile(r"\b(?:" + "|".join(sorted(REFLEXIVE_PRONOUNS)) + r"|each other|one another)\b", re.I)
# Words that may introduce a bound variable besides the indefinites and plurals: quantifier
# words, articles of generic statements, relative pronouns, pronouns, irregular plurals.
_GENERAL_WORDS = _INDEFINITES | _BACK_REFERENCES | frozenset("""
all every each some no any a an there who whom whose which that those these none you
people children men women mice geese feet teeth sheep fish deer
""".split())
# A quantifier phrase whose words alone say nothing general ("one" is also a number).
_AT_LEAST_ONE = re.compile(r"\bat least one\b", re.I)
# Words that may stand for a negation without needing one ("The claim is false.").
_NEGATING_WORD = re.compile(r"\b(?:false|untrue)\b(?!\s+that\b)", re.I)


def omitted_words(formula: ast.Formula, sentence: str, candidates: CandidateSet, *,
                  schema: bool = False) -> list[str]:
    """The content words of ``sentence`` that no name or number of ``formula`` comes from,
    in sentence order (empty when the reading says everything). ``schema``: the
    candidates are schema-guided ones, so only names and numbers are checked."""
    names, numbers = set(), set()
    for node in ast.walk(formula):
        if isinstance(node, (ast.Const, ast.FuncApp, ast.Pred)):
            names.add(node.name)
        elif isinstance(node, ast.Num):
            numbers.add(node.value)
    used_spans = [c.span for c in candidates.items if c.span is not None and (
        Fraction(c.text) in numbers if c.kind == NUMBER else c.text in names)]
    if not schema and not names.isdisjoint(OPEN_MEASURES):
        # "154 pounds" compared with weight: the unit is said by the comparison, which the
        # factor converts (declared_glosses.units_converted) or units_mismatched doubts
        for c in candidates.items:
            if c.kind == NUMBER and c.span is not None and Fraction(c.text) in numbers:
                unit = UNIT_AFTER.match(sentence, c.span[1])
                if unit and unit.group(1).lower() in UNITS:
                    used_spans.append(unit.span(1))
    words = _words_to_say(sentence, candidates.descriptions if schema else None)
    return [word.text for word in words
            if not any(start < word.end and word.start < end for start, end in used_spans)]


@lru_cache(maxsize=256)
def _words_to_say(sentence: str, descriptions: tuple[str | None, ...] | None) -> tuple:
    """The words of ``sentence`` some reading must say: its content words, or with the
    declared symbols' ``descriptions`` (schema mode) its names and numbers, less the
    words those descriptions hold ("enrolled in MFA" is said by the predicate). Cached:
    every reading of a sentence asks the same."""
    declared = frozenset(word for text in descriptions or () if text
                         for word in _WORD.findall(text.lower()))
    said = []
    for word in content_words(sentence, names_and_numbers_only=descriptions is not None):
        lowered = word.text.lower()
        if lowered in _MAY_GO_UNSAID or lowered in declared or lemma_of_plural(lowered) in declared:
            continue
        said.append(word)
    return tuple(said)


def unsaid_mentions(formula: ast.Formula, sentence: str, candidates: CandidateSet) -> list[str]:
    """The mentions of ``sentence`` that ``formula`` has no argument or negation for (see
    the module docstring): a constant's name once per missing occurrence, then one pronoun
    per variable mention left over, then one negation word per missing negation, then one
    "than" per missing ordering (<, >, <=, >=), then "or" when the sentence says one and
    the reading has no disjunction, then "but not both" when the sentence says it and the
    reading has no xor or negated conjunction. Empty when every mention is accounted for."""
    applied = [node for node in ast.walk(formula) if isinstance(node, (ast.Pred, ast.FuncApp))]
    arguments = [arg for node in applied for arg in node.args]
    # a constant's word inside a longer name the formula uses ("the song ... a folk song",
    # folk_song) is that name's, not a mention of the constant
    names_used = {node.name for node in applied}
    inside = [c.span for c in candidates.items if c.text in names_used and c.span is not None]
    unsaid = []
    for name, uses in Counter(a.name for a in arguments if isinstance(a, ast.Const)).items():
        unsaid += [name] * max(0, _occurrences(name, candidates, inside=inside) - uses)
    pronouns = _variable_mentions(sentence)
    if pronouns:
        uses = sum(isinstance(a, ast.Var) for a in arguments)
        propositions = sum(isinstance(node, ast.Pred) and not node.args for node in ast.walk(formula))
        unsaid += list(pronouns[uses + propositions:])
    negations = negation_words(sentence)
    if negations and any(candidates.descriptions):
        # the "not" of a declared gloss ("{0} must not take {1}") is the predicate's own
        negations = negations[:max(0, len(negations) - _gloss_negations(sentence, candidates.descriptions))]
    if negations:
        said = sum(_is_negation(node) for node in ast.walk(formula))
        unsaid += list(negations[said:])
    comparatives = _THAN.findall(sentence)
    if comparatives:
        said = sum(_is_ordering(node) for node in ast.walk(formula))
        unsaid += comparatives[said:]
    if _says_or(sentence) and not any(isinstance(node, (ast.Or, ast.Xor)) for node in ast.walk(formula)):
        unsaid.append("or")
    if _NOT_BOTH.search(sentence) and not any(_excludes_both(node) for node in ast.walk(formula)):
        unsaid.append("but not both")
    return unsaid


def _excludes_both(node: ast.Node) -> bool:
    """Whether ``node`` says "not both": an xor, or a negated conjunction."""
    return isinstance(node, ast.Xor) or (isinstance(node, ast.Not) and isinstance(node.arg, ast.And))


def _says_or(sentence: str) -> bool:
    """Whether ``sentence`` says "or" other than between two pronouns ("he or she")."""
    return bool(_OR.search(_PRONOUN_PAIR.sub("", sentence)))


def negates_unsaid(formula: ast.Formula, sentence: str, *, schema: bool = False) -> bool:
    """Whether ``formula`` negates what ``sentence`` does not say: any negation at all
    when the sentence says none (open mode only: not with ``schema``), or a negation of a
    negation (``not not cold(bob)``) when it says fewer than two (see the module docstring)."""
    nodes = list(ast.walk(formula))
    if not any(_is_negation(node) for node in nodes):
        return False
    said = len(negation_words(sentence)) + len(_NEGATING_WORD.findall(sentence))
    if said == 0 and not schema:
        return True
    return said < 2 and any(isinstance(node, ast.Not) and isinstance(node.arg, ast.Not) for node in nodes)


def quantifies_unsaid(formula: ast.Formula, sentence: str) -> bool:
    """Whether ``formula`` quantifies though ``sentence`` says nothing general, or binds
    inside a universal an existential variable it uses once though the sentence says no
    "something"/"someone"/"anything"/"anyone" (open mode; see the module docstring)."""
    nodes = list(ast.walk(formula))
    if not any(isinstance(node, (ast.Forall, ast.Exists)) for node in nodes):
        return False
    if not _says_something_general(sentence):
        return True
    # "Every dog chases something." says its inner existential
    return bool(_lone_inner_existentials(nodes)) and not any(
        word.startswith(("some", "any")) for word in _indefinite_pronouns(sentence))


def _lone_inner_existentials(nodes: list[ast.Node]) -> list[str]:
    """The variables existentials inside a universal bind and use once: ``y`` of ``forall
    x. worksheet(x) -> (exists y. environment_friendly(y) xor paper(x))``. "Every N Rs
    some M" uses its y twice, ``m(y) and r(x, y)``."""
    lone = []
    for outer in nodes:
        if not isinstance(outer, ast.Forall):
            continue
        for inner in ast.walk(outer.body):
            if isinstance(inner, ast.Exists):
                lone += [b.name for b in inner.binders if _uses(b.name, inner.body) < 2]
    return lone


def _uses(variable: str, node: ast.Node) -> int:
    """How many times ``variable`` occurs in ``node``."""
    return sum(isinstance(n, ast.Var) and n.name == variable for n in ast.walk(node))


def disconnected_existentials(formula: ast.Formula) -> list[str]:
    """The variables an existential binds and uses in only one of the two or more atoms
    of its body: ``x`` of ``exists x. gary(x) and brave(parrot)``, which says "there is a
    gary, and the parrot is brave" (the shipped parser's reading of "At least one of
    Gary and the parrot is brave.", 0.98). What a sentence says exists, it says something
    of; no gold LF has such a variable (both modes; see the module docstring)."""
    lone = []
    for node in ast.walk(formula):
        if not isinstance(node, ast.Exists):
            continue
        atoms = [n for n in ast.walk(node.body) if isinstance(n, (ast.Pred, ast.Compare))]
        if len(atoms) < 2:
            continue
        lone += [b.name for b in node.binders if sum(_uses(b.name, atom) > 0 for atom in atoms) == 1]
    return lone


def unsaid_variables(formula: ast.Formula, sentence: str) -> list[str]:
    """The variables of a universal binding two or more that its body uses once, when the
    sentence says fewer indefinite pronouns ("someone", "anything", "whoever", ...) than
    the universal binds: ``y`` of ``forall x, y. kick_employee(x, y) -> fox(x)`` for
    "Anyone who kicked an employee is a fox." (the shipped parser's reading, 0.72). Such a
    variable stands for nothing the sentence says ("Whoever wrote something is a writer."
    says its y). Only the outermost universal is judged (both modes; see the module
    docstring)."""
    outer = next((node for node in ast.walk(formula) if isinstance(node, ast.Forall)), None)
    if outer is None or len(outer.binders) < 2:
        return []
    lone = [b.name for b in outer.binders if _uses(b.name, outer.body) == 1]
    return lone if lone and len(_indefinite_pronouns(sentence)) < len(outer.binders) else []


@lru_cache(maxsize=256)
def _indefinite_pronouns(sentence: str) -> tuple[str, ...]:
    """The indefinite pronouns of ``sentence`` ("someone", "anything", "whoever", "no one"),
    in order."""
    words = _LOWER_WORD.findall(sentence.lower())
    return tuple("no one" if (word, following) == ("no", "one") else word
                 for word, following in zip(words, [*words[1:], ""])
                 if word in _INDEFINITES or (word, following) == ("no", "one"))


@lru_cache(maxsize=256)
def _says_something_general(sentence: str) -> bool:
    """Whether ``sentence`` says a general word ("every", "people", ...), "at least one",
    or a plural noun; not a capitalised word inside the sentence, which is a name
    ("PyTorch is either Windows or ...")."""
    words = _ANY_WORD.findall(sentence)
    verb = _opening_verb(words)
    return bool(_AT_LEAST_ONE.search(sentence)) or any(
        word.lower() in _GENERAL_WORDS
        or (len(word) > 3 and lemma_of_plural(word.lower()) != word.lower() and (word.islower() or k == 0)
            and k != verb)
        for k, word in enumerate(words))


def _opening_verb(words: list[str]) -> int | None:
    """The place of the verb in -s that follows an opening "the" and a noun of up to three
    words, when a noun phrase or nothing follows the verb: "finds" in "The citizen finds
    the doctor." is no plural noun (the split network read the sentence as a rule about
    every citizen, 0.82). Not "The big dogs bark.", whose word after "dogs" begins no noun
    phrase."""
    if len(words) < 3 or words[0].lower() != "the":
        return None
    for k in range(2, min(len(words), 5)):
        following = words[k + 1] if k + 1 < len(words) else None
        if words[k].endswith("s") and (following is None or following.lower() in ARTICLES or following[0].isupper()):
            return k
        if not words[k].islower():
            return None
    return None


_ANY_WORD = re.compile(r"[A-Za-z]+")


def compares_unsaid(formula: ast.Formula, sentence: str, candidates: CandidateSet) -> bool:
    """Whether ``formula`` orders terms (``<``, ``>``, ``<=``, ``>=``) though ``sentence``
    says neither a number nor "than" (open mode; see the module docstring)."""
    if not any(_is_ordering(node) for node in ast.walk(formula)):
        return False
    return not _THAN.search(sentence) and not any(c.kind == NUMBER for c in candidates.items)


def passive_names(formula: ast.Formula, sentence: str, candidates: CandidateSet) -> list[str]:
    """The names of ``formula`` that keep a passive's form: copied from a span that holds
    the "by" after a past participle (``produce_by``, ``fed_by``, ``catch_by_citizen``), or
    that ends in a participle other than its lemma right before "by" (``van_produced`` for
    "a van produced by Chevrolet"). A passive names the active verb, its agent first: "Hamlet was written
    by Shakespeare." is ``write(shakespeare, hamlet)`` (open mode; see the module docstring)."""
    return [name for name in _names(formula)
            if any(_keeps_passive_form(sentence, name, span) for span in candidates.spans_by_text.get(name, ()))]


@lru_cache(maxsize=4096)
def _keeps_passive_form(sentence: str, name: str, span: tuple[int, int]) -> bool:
    lowered = sentence.lower()
    words = _LOWER_WORD.findall(lowered[span[0]:span[1]])
    if any(word == "by" and lemmas_of_past(before) for before, word in zip(words, words[1:])):
        return True  # "fed by", and "caught by the citizen" (catch_by_citizen: the shipped parser, 0.95)
    following = _LOWER_WORD.match(lowered[span[1]:].lstrip())
    if not (words and following and following.group() == "by" and name.endswith(words[-1])):
        return False
    lemmas = lemmas_of_past(words[-1])
    return bool(lemmas) and words[-1] not in lemmas


def states_read_as_actions(formula: ast.Formula, sentence: str) -> list[str]:
    """The one-place predicates of ``formula`` named by a verb's lemma where the sentence
    says only its past participle after a form of "be", with no agent: such a participle
    says a state, which the generator names as said ("Harry is tired." is ``tired(harry)``,
    all 51 generated or FOLIO gold LFs of that shape). "The printer is broken." is never
    ``break(printer)`` (the shipped parser's reading, 0.75), which says that the printer
    breaks, nor "Whoever is married ..." ``marry(x)`` (0.67). With an agent ("was broken
    by Tom") the passive names the verb (``passive_names``). A participle before a noun
    says a state too: "Every injured bird ..." is never ``injure(x) and bird(x)`` (0.76).
    Open mode."""
    said = {lemma for match in [*_STATE_PARTICIPLE.finditer(sentence), *_ATTRIBUTIVE_PARTICIPLE.finditer(sentence)]
            for lemma in lemmas_of_past(match.group("participle").lower())
            if lemma != match.group("participle").lower()}
    if not said:
        return []
    return list(dict.fromkeys(
        node.name for node in ast.walk(formula)
        if isinstance(node, ast.Pred) and len(node.args) == 1 and node.name in said
        and not re.search(rf"\b{re.escape(node.name)}(?:s|es|ing)?\b", sentence, re.I)))


# A form of "be" and a word, not followed by "by" (the passive's agent).
_STATE_PARTICIPLE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|am)(?:\s+not|n't)?\s+(?P<participle>[a-z]+)\b(?!\s+by\b)", re.I)


# A determiner, a word and a word in lower case: "a broken printer", "every injured bird".
_ATTRIBUTIVE_PARTICIPLE = re.compile(
    r"\b(?:a|an|the|every|each|no|all|some|any)\s+(?P<participle>[a-z]+)\s+(?=[a-z])", re.I)


def inflected_names(formula: ast.Formula) -> list[str]:
    """The names of ``formula`` that begin with "has" or "had", which the generator names
    by the lemma, "have": "The snake has fur." is ``have_fur(snake)``, not ``has_fur``
    (the shipped parser's reading, 0.84), so that "No reptile has fur." meets it. Open
    mode."""
    return list(dict.fromkeys(node.name for node in ast.walk(formula)
                              if isinstance(node, (ast.Pred, ast.FuncApp)) and node.name.split("_")[0] in ("has", "had")
                              and "_" in node.name))


def subjects_merged_into_verbs(formula: ast.Formula, sentence: str) -> list[str]:
    """The names of ``formula`` that join a clause's subject to its verb in -s, as the
    sentence says them (``adult_feeds`` for "the adult feeds", ``alice_kick`` for "Alice
    kicks"): a subject is an argument of its verb's predicate. "If someone drinks coffee
    regularly and the adult feeds them, then they are not zeelkish." was ``... and
    adult_feeds(x) -> ...`` (the split network, 0.66), "Alice kicks something." ``exists
    x. alice_kicks(x)`` (0.71). A subject is "the" and a noun opening the sentence or a
    clause (after a comma, "and", "or", "if", "then", "when", "that", "but"), or a name
    that is sure to be one: capitalised inside the sentence, or a stand-in name
    (``stand_ins.STAND_INS``); an opening capital may begin a plural ("Polar bears ...",
    ``polar_bear``). Open mode."""
    merged = []
    for node in ast.walk(formula):
        if not isinstance(node, (ast.Pred, ast.FuncApp)) or "_" not in node.name:
            continue
        parts = node.name.split("_")
        for k in range(1, len(parts)):
            subject = r"\s+".join(parts[:k])
            for found in re.finditer(rf"(?P<opening>{_CLAUSE_OPENING})(?P<the>the\s+)?(?P<subject>{subject})"
                                     r"\s+(?P<verb>[a-z]+)\b", sentence, re.I):
                verb = found.group("verb").lower()
                named = found.group("subject")[0].isupper() and (
                    found.group("opening").strip() or found.group("subject").lower() in _STAND_IN_NAMES)
                if (found.group("the") or named) and verb.endswith("s") and lemma_of_verb(verb) != verb \
                        and parts[k] in (verb, lemma_of_verb(verb)):
                    merged.append(node.name)
    return list(dict.fromkeys(merged))


_CLAUSE_OPENING = r"(?:^\s*|,\s*|\b(?:and|or|if|then|when|that|but)\s+)"
_STAND_IN_NAMES = frozenset(name.lower() for name in STAND_INS)


def states_merged_into_kinds(formula: ast.Formula, sentence: str) -> list[str]:
    """The one-place predicates of ``formula`` whose name joins a past participle said
    before a noun to that noun ("a broken printer" as ``broken_printer``): the state is a
    property of its own, as an adjective is ("a modern writer" is ``modern(x) and
    writer(x)`` in the generator's data), so that "The printer is broken." meets the rule.
    "A broken printer can not print." was ``forall x. broken_printer(x) -> not print(x)``
    (0.68). Open mode."""
    participles = {match.group("participle").lower() for match in _ATTRIBUTIVE_PARTICIPLE.finditer(sentence)
                   if any(lemma != match.group("participle").lower()
                          for lemma in lemmas_of_past(match.group("participle").lower()))}
    return list(dict.fromkeys(
        node.name for node in ast.walk(formula)
        if isinstance(node, ast.Pred) and len(node.args) == 1 and node.name.split("_")[0] in participles
        and "_" in node.name))


def agents_as_objects(formula: ast.Formula, sentence: str, candidates: CandidateSet) -> list[str]:
    """The constants ``formula`` makes the second argument of a two-place predicate though
    the sentence only ever says them as the agent of that verb's passive: every mention
    comes right after "by", after a participle of the verb, after a form of "be" ("Kenji
    was not caught by the employee." is not ``not catch(kenji, employee)``; it is
    ``not catch(employee, kenji)``). A passive without "be" ("a van produced by
    Chevrolet") and "by" after other verbs ("stood by the door") are not judged."""
    agents = []
    for node in ast.walk(formula):
        if not (isinstance(node, ast.Pred) and len(node.args) == 2 and isinstance(node.args[1], ast.Const)):
            continue
        name, verb = node.args[1].name, node.name.split("_")[0]
        starts = {start for start, _ in candidates.spans_by_text.get(name, ())}
        if name not in agents and starts and all(verb in _passive_verbs_before(sentence, start) for start in starts):
            agents.append(name)
    return agents


_PASSIVE_BY = re.compile(r"\b(?:is|are|was|were|be|been|being)(?:\s+not|n't)?\s+([a-z]+)(?:\s+[a-z]+)?\s+by\s+"
                         r"(?:(?:the|a|an)\s+)?$", re.I)


def _passive_verbs_before(sentence: str, start: int) -> list[str]:
    """The lemmas of the verb whose passive has its agent at ``start`` ("was caught by the
    employee": ["catch"]); none if the mention is no such agent."""
    found = _PASSIVE_BY.search(sentence[:start])
    return lemmas_of_past(found.group(1).lower()) if found else []


def particles_dropped(formula: ast.Formula, sentence: str, candidates: CandidateSet) -> list[str]:
    """The particles of prepositional verbs that ``formula`` leaves out of the verb's
    name: it relates things by the bare verb (``play``) or its participle (``played``),
    never by the verb with its particle (``play_with``), where the sentence says the
    verb's passive with it ("was not played with by the wug") or says every mention of
    the relation's object right after the verb and it ("Alice plays with Dan." read
    ``play(alice, dan)``, 0.88)."""
    relations = [node for node in ast.walk(formula) if isinstance(node, ast.Pred) and len(node.args) == 2]
    names = {node.name for node in relations}
    dropped = []
    for found in _PASSIVE_PARTICLE.finditer(sentence):
        participle, particle = found.group(1).lower(), found.group(2).lower()
        verbs = {participle, *lemmas_of_past(participle)}
        if verbs & names and not {f"{verb}_{particle}" for verb in verbs} & names:
            dropped.append(f"'{particle}' of '{found.group(1)} {found.group(2)}'")
    for node in relations:
        if "_" in node.name or not isinstance(node.args[1], ast.Const):
            continue
        spans = candidates.spans_by_text.get(node.args[1].name, ())
        particles = {_particle_before(sentence, start, node.name) for start, _ in spans}
        if spans and len(particles) == 1 and (particle := particles.pop()) is not None:
            dropped.append(f"'{particle}' of '{node.name} {particle}'")
    return list(dict.fromkeys(dropped))


def _particle_before(sentence: str, start: int, verb: str) -> str | None:
    """The preposition said between an inflected form of ``verb`` ("plays", "played"; not
    the word itself, which may be a noun: "a colleague of") and the mention at ``start``
    (an article skipped), or None. Not after a form of "be" ("was set in Washington"):
    a participle there may say a state."""
    words = _LOWER_WORD.findall(sentence[:start].lower())
    if words and words[-1] in ARTICLES:
        words.pop()
    if len(words) >= 2 and words[-1] in PREPOSITIONS and words[-1] != "by" and words[-2] != verb \
            and _is_form_of(words[-2], verb) and (len(words) < 3 or words[-3] not in _BE_FORMS):
        return words[-1]
    return None


_BE_FORMS = frozenset("is are was were be been being am isn't aren't wasn't weren't not".split())


_PASSIVE_PARTICLE = re.compile(
    r"\b(?:is|are|was|were|be|been|being)(?:\s+not|n't)?\s+([a-z]+)\s+(" + "|".join(sorted(PREPOSITIONS - {"by"}))
    + r")\s+by\b", re.I)


def related_to_itself(formula: ast.Formula, sentence: str, candidates: CandidateSet) -> list[str]:
    """The constants ``formula`` relates to themselves (``work_at(meta, meta)``) though
    ``sentence`` says them once, and the variables it relates to themselves (``love(x,
    x)``), when the sentence has no reflexive pronoun ("itself", "each other"): English
    says both ends of such a relation ("The lion chases the lion."). Two mentions of an
    indefinite are two variables ("Everyone loves everyone." is ``love(x, y)``). Both
    modes: "James doesn't guarantee Blicket's loan when he doesn't have fair credit." is
    not ``... not cosigner_of(blicket, blicket)`` (the schema-guided network, 0.70)."""
    if _REFLEXIVE.search(sentence):
        return []
    selves = sorted({node.args[0] for node in ast.walk(formula)
                     if isinstance(node, ast.Pred) and len(node.args) == 2
                     and isinstance(node.args[0], (ast.Const, ast.Var)) and node.args[0] == node.args[1]},
                    key=lambda term: term.name)
    return [term.name for term in selves
            if isinstance(term, ast.Var)
            or max(_occurrences(term.name, candidates), _times_said(term.name, sentence)) < 2]


def _times_said(name: str, sentence: str) -> int:
    """How many times ``sentence`` says the words of ``name`` (any case): schema-guided
    candidates give a declared constant's span once, however often it is said."""
    words = r"\s+".join(re.escape(word) for word in name.split("_"))
    return len(re.findall(rf"\b{words}\b", sentence, re.I))


def negated_generalities_unread(formula: ast.Formula, sentence: str) -> list[str]:
    """The phrases of ``sentence`` that deny a generality ("not every", "not all", "it is
    not the case that everyone"), when ``formula`` denies none: it has no negation above a
    universal and no existential with a negation inside (``exists x. bird(x) and not
    fly(x)`` says "Not every bird flies."). "Not every bird can fly." is never ``forall x.
    bird(x) -> not fly(x)`` (the shipped parser's reading, 0.996), which says that no bird
    can (both modes; see the module docstring)."""
    phrases = [match.group(0) for match in _NEGATED_GENERALITY.finditer(sentence)]
    if not phrases:
        return []
    for node in ast.walk(formula):
        if isinstance(node, ast.Not) and any(isinstance(inner, ast.Forall) for inner in ast.walk(node.arg)):
            return []
        if isinstance(node, ast.Exists) and any(_is_negation(inner) for inner in ast.walk(node.body)):
            return []
    return phrases


def quantifiers_unbound(formula: ast.Formula, sentence: str) -> list[str]:
    """The quantifier words of ``sentence`` ("every", "each", "all", and "no" and "some"
    when it says two or more of them; not "all of", "every day", "at all"), or else its
    indefinite pronouns ("nobody", "anything"), that ``formula`` binds no variable for: "Every cat is an animal, and every animal is
    mortal." is not ``forall x. cat(x) and animal(x) -> mortal(x)`` (the shipped parser's
    reading, 0.69), nor "Some students are athletes and some athletes are students."
    ``exists x. student(x) and athlete(x)`` (0.94). A lone "no" may bind nothing ("Bob
    has no car." is ``not have_car(bob)``). Both modes; see the module docstring."""
    said = _QUANTIFIER_WORD.findall(sentence)
    universal = [word for word in said if word.lower() not in ("no", "some")]
    needed = max(len(universal), len(said) if len(said) > 1 else 0)
    bound = sum(len(node.binders) for node in ast.walk(formula) if isinstance(node, (ast.Forall, ast.Exists)))
    if bound < needed:
        return said[bound:]
    # Each indefinite pronoun stands for a variable of its own: "If a shop is closed,
    # nobody can buy anything there." is not ``forall x. shop(x) and close(x) -> not
    # buy(x)`` (the shipped parser's reading, 0.84). No gold LF binds fewer.
    pronouns = _indefinite_pronouns(sentence)
    return list(pronouns[bound:]) if bound < len(pronouns) else []


def conditions_unsaid(formula: ast.Formula, sentence: str) -> bool:
    """Whether ``formula`` makes a condition of what ``sentence`` says plainly: a reading
    that binds no variable has an implication (or a biconditional) though the sentence
    says no conditional word ("if", "when", "unless", "provided", ...). "The bakery is
    closed on Sundays." is not ``close_on(bakery) -> sunday(bakery)`` (the shipped
    parser's reading, 0.61). General sentences, which say their condition with a plural
    or an article ("Dogs bark."), bind a variable and are not judged. Of the 5,870 gold
    LFs that imply with no variable, none lacks such a word (both modes; see the module
    docstring)."""
    if not any(isinstance(node, (ast.Implies, ast.Iff)) for node in ast.walk(formula)):
        return False
    if any(isinstance(node, (ast.Forall, ast.Exists)) for node in ast.walk(formula)):
        return False
    return not _CONDITIONAL_WORD.search(sentence)


_CONDITIONAL_WORD = re.compile(
    r"\b(?:if|iff|then|when|whenever|unless|provided|providing|as long as|in case|implies?|implied|"
    r"so long as|assuming|suppose|supposing|otherwise|means?|requires?|only)\b", re.I)


_QUANTIFIER_WORD = re.compile(
    r"(?<!\bat )\b(?:every|each|all|no|some)\b"
    r"(?!\s+(?:of|the|day|week|month|year|morning|evening|night|time|hour|minute|weekend)\b)", re.I)


def generics_read_as_some(formula: ast.Formula, sentence: str) -> list[str]:
    """The sentence-initial bare plural ("Interns cannot access the database.") that
    ``formula`` reads as "some": a bare plural subject is generic, so an existential at the
    root over its noun (``exists x. intern(x) and not access(x, database)``, the shipped
    parser's reading, 0.78) misreads it. Both modes; see the module docstring."""
    first = _FIRST_WORD.match(sentence)
    if not first or not isinstance(formula, ast.Exists):
        return []
    word = first.group(1)
    noun = lemma_of_plural(word.lower())
    bound = {b.name for b in formula.binders}
    restricted = any(isinstance(node, ast.Pred) and node.name == noun and len(node.args) == 1
                     and isinstance(node.args[0], ast.Var) and node.args[0].name in bound
                     for node in ast.walk(formula.body))
    return [word] if noun != word.lower() and restricted else []


def some_read_as_every(formula: ast.Formula, sentence: str) -> list[str]:
    """``["some"]`` when ``sentence`` says "some" before a noun and ``formula`` has no
    existential, nor a negation that an existential could have been said under ("not
    (exists ...)" is "forall ... not"): "Every prootel tandles some whale." is never
    ``forall x, y. prootel(x) and whale(y) -> tandle(x, y)`` (the split network, 0.88).
    Open mode."""
    if not _SOME_NOUN.search(sentence) or any(isinstance(node, (ast.Exists, ast.Not)) for node in ast.walk(formula)):
        return []
    return ["some"]


_SOME_NOUN = re.compile(r"\bsome\s+[a-z]", re.I)


def names_read_as_kinds(formula: ast.Formula, sentence: str) -> list[str]:
    """The sentence's first word when it is a bare singular (no article, no plural) before
    a verb form of a singular subject, and ``formula`` makes it a kind, a one-place
    predicate of a variable. Such a subject is a name ("Tweety is a penguin." was ``forall
    x. tweety(x) -> penguin(x)``, 0.84), or a mass noun that open mode names alike ("Water
    boils."); a kind is said with an article or in the plural ("A penguin is a bird.",
    "Penguins are birds."). Open mode."""
    first = _OPENING_SINGULAR.match(sentence) or _OPENING_BEFORE_VERB.match(sentence)
    if first is None:
        return []
    word = first.group(1)
    if word.lower() in _GENERAL_WORDS or lemma_of_plural(word.lower()) != word.lower():
        return []
    kinds = {node.name for node in ast.walk(formula)
             if isinstance(node, ast.Pred) and len(node.args) == 1 and isinstance(node.args[0], ast.Var)}
    if first.re is _OPENING_BEFORE_VERB:
        # "Nemo lives in water." (0.94), "Tweety flies." (0.98): the word in -s is the verb,
        # unless the reading makes it the kind ("Red cars drive fast.": ``car(x)``).
        second = first.group(2).lower()
        conditions = {node.name for implication in ast.walk(formula) if isinstance(implication, ast.Implies)
                      for node in ast.walk(implication.left) if isinstance(node, ast.Pred)}
        if second in _GENERAL_WORDS | _PLURAL_GENERAL_NOUNS or {lemma_of_plural(second), second} & conditions:
            return []
    return [word] if word.lower() in kinds else []


# A capitalised first word (and more capitalised words: "Shape A"), then a verb form of a
# singular subject or a modal (a word in -s may be a plural noun: "Red things ...").
_PLURAL_GENERAL_NOUNS = frozenset("things people persons ones".split())
# A capitalised first word, then a word in -s that may be a verb, not followed by a verb
# of a plural subject ("Red things are ..." is a plural subject).
_OPENING_BEFORE_VERB = re.compile(
    r"\s*([A-Z][a-z]+)\s+([a-z]+[^s\W]s)\b(?!\s+(?:are|were|have|had|do|did|don't|aren't|can|cannot|could|must|may"
    r"|might|will|would|should)\b)")
_OPENING_SINGULAR = re.compile(
    r"\s*([A-Z][a-z]+)(?:\s+[A-Z][\w-]*)*\s+(?:is|was|has|had|does|did|isn't|wasn't|hasn't|doesn't|didn't|can|cannot|can't|could"
    r"|must|may|might|will|would|should)\b")


def generics_named(formula: ast.Formula, sentence: str) -> list[str]:
    """The constants that ``formula`` makes the subject of a predicate (its first
    argument) where ``sentence`` says them only as bare plurals: "If the light is red,
    cars stop." is not ``red(light) -> stop(cars)`` (the shipped parser's reading, 0.80),
    which says that one thing named "cars" stops; a bare plural subject is generic
    (open mode). "ride horses" beside "the horse" is not judged. No generated or FOLIO
    gold LF names a bare plural so."""
    subjects = {node.args[0].name for node in ast.walk(formula)
                if isinstance(node, ast.Pred) and node.args and isinstance(node.args[0], ast.Const)}
    if not subjects:
        return []
    mentions: dict[str, list[bool]] = {}  # per constant: is each mention a bare plural?
    words = _WORD_OR_NAME.findall(sentence)
    for i, word in enumerate(words):
        lower = word.lower()
        for name in {lower, lemma_of_plural(lower)} & subjects:
            bare = word.islower() and lemma_of_plural(lower) != lower and (i == 0 or words[i - 1].lower() not in _DETERMINERS)
            mentions.setdefault(name, []).append(bare)
    return sorted(name for name, bare in mentions.items() if all(bare))


_WORD_OR_NAME = re.compile(r"[A-Za-z]+")
_DETERMINERS = ARTICLES | frozenset("his her their its my our your this that these those some every each all no any".split())


def possessives_read_as_kinds(formula: ast.Formula, sentence: str) -> list[str]:
    """The nouns after a name's "'s" ("Alice's brother") that ``formula`` says of that name
    as what it is: "Alice's brother is a doctor." is not ``doctor(alice) and
    brother(alice)`` (the shipped parser's reading, 0.81), nor "Emma is Liam's mother."
    ``mother(emma) and mother(liam)`` (0.85): Alice is no brother, Liam no mother; nor
    the owned thing and its owner two arguments of a relation other than owning: "Tom's
    car uses gasoline." is not ``use_gasoline(tom, car)`` (0.85), nor the owner a
    predicate: "Julia is Mike's wife." is not ``mike(julia) and wife(julia)`` (0.71)
    (open mode). None of the 256 generated and FOLIO gold LFs of sentences with such a
    possessive does any of these."""
    found = []
    for match in _POSSESSIVE.finditer(sentence):
        owner, noun = match.group(1).lower(), match.group(2).lower()
        forms = {noun, lemma_of_plural(noun)}
        for node in ast.walk(formula):
            if not isinstance(node, ast.Pred):
                continue
            constants = [arg.name for arg in node.args if isinstance(arg, ast.Const)]
            said_of_owner = node.name in forms and constants == [owner] and len(node.args) == 1
            # "Tom's car uses gasoline." is not use_gasoline(tom, car): the verb is the car's
            split_from_owner = owner in constants and not forms.isdisjoint(constants) \
                and _OWNING.isdisjoint(node.name.split("_"))
            # "Julia is Mike's wife." is not mike(julia) and wife(julia): the owner is no kind
            owner_as_kind = node.name == owner
            if said_of_owner or split_from_owner or owner_as_kind:
                found.append(f"{match.group(1)}'s {match.group(2)}")
                break
    return found


_OWNING = frozenset({"own", "owns", "have", "has", "belong", "of"})  # may relate a thing to its owner


_POSSESSIVE = re.compile(r"\b([A-Z][a-z]+)'s\s+(?:[a-z]+\s+){0,2}?([a-z]+)\b")


def pronoun_possessions_dropped(formula: ast.Formula, sentence: str) -> list[str]:
    """The nouns said once, after "his", "her", "their" or "its", that ``formula`` makes a
    kind of any variable, with whose they are left out: "Every mother loves her
    children." is not ``forall x, y. mother(x) and child(y) -> love(x, y)`` (the shipped
    parser's reading, 0.93), which has every mother love every child; nor a name of its
    own: "Kevin is older than his sister." is not ``age(kevin) > age(sister)`` (0.98),
    which is about some "sister" that is no one's (open mode). None of the 25 generated
    and FOLIO gold LFs of sentences with such a possessive does either: few, so this
    check rests on little."""
    found = []
    words = _LOWER_WORD.findall(sentence.lower())
    for match in _PRONOUN_POSSESSIVE.finditer(sentence):
        noun = match.group(1).lower()
        forms = {noun, lemma_of_plural(noun)}
        if sum(word in forms for word in words) > 1:
            continue  # said elsewhere too, perhaps as the kind it is
        as_kind = any(isinstance(node, ast.Pred) and node.name in forms and len(node.args) == 1
                      and isinstance(node.args[0], ast.Var) for node in ast.walk(formula))
        # "her" is also an object ("fears her and Lima is ..."): a name only after a plain noun phrase
        as_name = _POSSESSED_PHRASE.fullmatch(match.group(0)) is not None \
            and any(isinstance(node, ast.Const) and node.name in forms for node in ast.walk(formula))
        if as_kind or as_name:
            found.append(f"{match.group(0)}")
    return found


def pronoun_objects_dropped(formula: ast.Formula, sentence: str) -> list[str]:
    """The verbs of ``formula`` read as properties (one-place predicates named by the
    verb's lemma) where the sentence gives them an object pronoun ("kick him", "avoids
    them"): the pronoun stands for something the relation needs. "Unless Dan is clean,
    the taukor does not kick him." is not ``not clean(dan) -> not kick(taukor)`` (the
    shipped parser's reading, 0.98). Not the weather's "it" ("it is raining"), nor "it"
    before a verb ("... kicks the dog when it barks"). Open mode."""
    verbs = set()
    for match in _VERB_THEN_PRONOUN.finditer(sentence):
        word = match.group("verb").lower()
        verbs |= {word, lemma_of_verb(word), *lemmas_of_past(word)}
    if not verbs:
        return []
    return list(dict.fromkeys(node.name for node in ast.walk(formula)
                              if isinstance(node, ast.Pred) and len(node.args) == 1 and node.name in verbs))


# A word and an object pronoun after it that ends its clause or comes before one of the
# words that end a verb phrase ("kick him.", "avoids them when ...").
_VERB_THEN_PRONOUN = re.compile(
    r"\b(?P<verb>[a-z]+)\s+(?:him|her|them|it|me|us)(?=\s*(?:[.,;!?]|$)|\s+(?:and|or|but|if|when|whenever"
    r"|unless|because|then|nor)\b)", re.I)


# "his sister", "her older brother": lower-case words that are no function words.
_POSSESSED_PHRASE = re.compile(
    r"(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:(?!(?:and|or|but|is|are|was|were|to|from|with|in|on|at|by|for|of)\b)"
    r"[a-z]+\s+)?(?!(?:and|or|but|is|are|was|were|to|from|with|in|on|at|by|for|of)\b)[a-z]+")


_PRONOUN_POSSESSIVE = re.compile(r"\b(?:his|her|their|its)\s+(?:[a-z]+\s+)?([a-z]+)\b", re.I)


def kinds_named_in_plural(formula: ast.Formula, sentence: str, candidates: CandidateSet) -> list[str]:
    """The one-place predicates of ``formula`` named by a plural noun ("race_cars") that the
    sentence says as a kind at every place: after "are" or "were" ("Things that ... are race
    cars", 0.81 for the split network), or as a bare plural subject after its adjectives,
    before "are" or a modal ("Clean, krookal race cars are loud.", 0.72). A kind is named in the singular, as the
    generator names it (``race_car(x)``), so that "Bob is a race car." meets it. Open mode."""
    plural = []
    for node in ast.walk(formula):
        if not (isinstance(node, ast.Pred) and len(node.args) == 1 and isinstance(node.args[0], ast.Var)):
            continue
        last = node.name.split("_")[-1]
        if node.name in plural or lemma_of_plural(last) == last:
            continue
        spans = candidates.spans_by_text.get(node.name, ())
        if spans and all(_KIND_AFTER_COPULA.search(sentence[:start])
                         or (_adjectives_only(sentence[:start]) and _PLURAL_VERB_AFTER.match(sentence, end))
                         for start, end in spans):
            plural.append(node.name)
    return plural


_KIND_AFTER_COPULA = re.compile(r"\b(?:are|were|aren't|weren't)(?:\s+not)?\s+$", re.I)
_PLURAL_VERB_AFTER = re.compile(r"\s+(?:are|were|aren't|weren't|can|cannot|can't|must|may|should|will)\b", re.I)


def _adjectives_only(opening: str) -> bool:
    """Whether ``opening``, the words before a sentence's subject noun, is nothing but
    "All" and adjectives ("Clean, krookal "): no clause word ("Things that read ...")."""
    words = [word.lower() for word in _ANY_WORD.findall(opening)]
    if words[:1] == ["all"]:
        words = words[1:]
    return not re.search(r"[^\sA-Za-z,-]", opening) and not any(
        word in _GENERAL_WORDS or word in _CLAUSE_WORDS or word in _DETERMINERS or word in PREPOSITIONS
        or word in ("that", "who", "which") for word in words)


def singular_subjects_read_as_plurals(formula: ast.Formula, sentence: str) -> list[str]:
    """The sentence's first word, when a singular verb follows it ("is", "was", "has",
    "does") and ``formula`` makes its singular a kind of a variable: "Mars is a planet." is
    not ``forall x. mar(x) -> planet(x)`` (the shipped parser's reading, 0.70, beside
    ``planet(mars)`` at 0.67): a bare plural says "are". Open mode."""
    found = _SINGULAR_VERB_AFTER_FIRST_WORD.match(sentence)
    if found is None:
        return []
    word = found.group(1).lower()
    singular = lemma_of_plural(word)
    if singular == word:
        return []
    if any(isinstance(node, ast.Pred) and node.name == singular and any(isinstance(a, ast.Var) for a in node.args)
           for node in ast.walk(formula)):
        return [found.group(1)]
    return []


_SINGULAR_VERB_AFTER_FIRST_WORD = re.compile(r"\s*([A-Z][a-z]+)\s+(?:is|was|has|does|isn't|wasn't|hasn't|doesn't)\b")


def things_read_as_propositions(formula: ast.Formula, sentence: str) -> list[str]:
    """The propositions (predicates of no argument) of ``formula`` named by a noun phrase
    the sentence says after an article: "The lamp is on." is not ``lamp`` (the shipped
    parser's reading, 0.67), which says nothing of a lamp. In open mode only the weather
    is a proposition ("It is snowing." is ``snow``); no proposition of the 25,850
    open-mode gold LFs names a thing said after "the", "a" or "an"."""
    found = []
    for node in ast.walk(formula):
        if isinstance(node, ast.Pred) and not node.args and node.name not in found:
            words = r"\s+".join(re.escape(word) for word in node.name.split("_"))
            if re.search(rf"\b(?:the|a|an)\s+{words}\b", sentence, re.I):
                found.append(node.name)
    return found


def weather_given_subjects(formula: ast.Formula, sentence: str) -> list[str]:
    """The weather predicates ("rain", "snow", ...) that ``formula`` applies to something
    where ``sentence`` says them of the empty "it" ("it rains", "it is snowing", "it
    didn't rain"): "When it rains, streets get wet." is not ``forall x. rain(x) and
    street(x) -> get_wet(x)`` (the shipped parser's reading, 0.99), which makes the
    streets rain; the generator says such a predicate with no argument ("It is snowing."
    is ``snow``). Both modes. None of the 140 generated and FOLIO gold LFs of such
    sentences gives one an argument."""
    said = _weather_said(sentence)
    if not said:
        return []
    return sorted({node.name for node in ast.walk(formula)  # "rain", "rains", "raining"
                   if isinstance(node, ast.Pred) and node.args
                   and any(node.name.split("_")[0].startswith(stem) for stem in said)})


@lru_cache(maxsize=256)
def _weather_said(sentence: str) -> frozenset[str]:
    """The weather stems ``sentence`` says of the empty "it" ("rain" for "it rains")."""
    return frozenset((match.group(1) or match.group(2)).lower() for match in WEATHER_IT.finditer(sentence))


# The empty "it" of the weather: its verbs ("it rains", "it didn't snow", "it is hailing")
# and, after a form of "be", its adjectives ("it is sunny", as the generator says them).
WEATHER_IT = re.compile(
    r"\bit(?:\s+(?:is|was|will|does|did|has|had|must|might|may|can|could|should|would)(?:\s+not|n't)?"
    r"(?:\s+be|\s+been)?)?\s+(rain|snow|hail|drizzl|thunder|sleet)\w*"
    r"|\bit(?:\s+(?:is|was|will\s+be|has\s+been|had\s+been))(?:\s+not|n't)?\s+"
    r"(sunny|windy|foggy|stormy|cloudy|rainy|snowy|misty)\b", re.I)


def inexpressible_quantities(sentence: str) -> list[str]:
    """The sentence-initial "Most", "Many", "Several" or "Few" of ``sentence``: the logic
    has no reading for them, so every reading is doubted. "Most birds can fly." is
    neither ``forall x. bird(x) -> fly(x)`` (the shipped parser's reading, 0.76), which
    says too much, nor ``exists x. bird(x) and fly(x)`` (0.86, once the universal was
    doubted), which as a claim would be proved by one flying bird. Both modes; see the
    module docstring."""
    first = _FIRST_WORD.match(sentence)
    return [first.group(1)] if first and first.group(1).lower() in _VAGUE_QUANTITIES else []


_FIRST_WORD = re.compile(r"\s*([A-Za-z]+)\b")
_VAGUE_QUANTITIES = frozenset({"most", "many", "several", "few"})


def subjects_left_out_of_conclusions(formula: ast.Formula, sentence: str) -> list[str]:
    """The variable of a sentence that opens with a universal quantifier ("Every",
    "Each", "All", "Everyone", "Anyone", "No", ...) when ``formula`` is a universal rule
    that concludes nothing of it: the quantified phrase is the sentence's subject, so what
    the sentence says is said of it. "Every student in the class passed the exam." is never
    ``forall x. student(x) -> pass(class, exam)`` (the shipped parser's reading, 0.78),
    which says that the class passed if there is any student at all. Both modes; see the
    module docstring."""
    if not _LEADING_UNIVERSAL.match(sentence) or not isinstance(formula, ast.Forall) \
            or not isinstance(formula.body, ast.Implies):
        return []
    subject = formula.binders[0].name
    return [subject] if _uses(subject, formula.body.right) == 0 else []


_LEADING_UNIVERSAL = re.compile(
    r"\s*(?:every|each|all|everyone|everybody|everything|anyone|anybody|anything|whoever|no)\b", re.I)


def existence_denied_unread(formula: ast.Formula, sentence: str) -> bool:
    """Whether ``formula`` asserts that something exists where ``sentence`` denies it
    ("There are no unicorns."): a reading that is an existential at its root says the
    opposite (``exists x. not unicorn(x)``, the shipped parser's reading, 0.70). Both
    modes; see the module docstring."""
    return isinstance(formula, ast.Exists) and bool(_THERE_IS_NO.search(sentence))


_THERE_IS_NO = re.compile(r"\bthere\s+(?:is|are|was|were|exists?)\s+no\b", re.I)


def existence_unread(formula: ast.Formula, sentence: str, *, schema: bool = False) -> bool:
    """Whether ``formula`` is no existential though ``sentence`` begins by saying that
    something exists ("There is a soft kangaroo.", "There exists a trapin that is
    square."): the split weights read them as rules (``forall x. trapin(x) ->
    square(x)``, 0.95), having never seen the form. In schema-guided mode only a rule is
    doubted: a rule file may say an existence as what a constant has ("There is an open
    incident on the billing database." is ``incident_open(billing_database)``)."""
    if not _THERE_IS_A.match(sentence):
        return False
    return isinstance(formula, ast.Forall) if schema else not isinstance(formula, ast.Exists)


_THERE_IS_A = re.compile(r"\s*there\s+(?:is|exists|was)\s+(?:an?|some)\s", re.I)


def only_misread(formula: ast.Formula, sentence: str, candidates: CandidateSet) -> list[str]:
    """The names of what a sentence's leading "Only" restricts, when no universal of
    ``formula`` concludes them: "Only members can vote." says that whoever votes is a
    member, ``forall x. vote(x) -> member(x)``; ``forall x. member(x) -> vote(x)`` (the
    shipped parser's reading, 0.995) says the converse, and ``exists x. member(x) and
    vote(x)`` (a fine-tune's, 0.68) something else. Open mode; see the module docstring."""
    only = _LEADING_ONLY.match(sentence)
    if not only:
        return []
    restricted = {c.text for c in candidates.items if c.span is not None and c.span[0] == only.end()}
    concluded = {node.name for rule in ast.walk(formula)
                 if isinstance(rule, ast.Forall) and isinstance(rule.body, ast.Implies)
                 for node in ast.walk(rule.body.right) if isinstance(node, (ast.Pred, ast.Const))}
    return sorted(name for name in restricted if name not in concluded
                  and any(isinstance(node, (ast.Pred, ast.Const)) and node.name == name
                          for node in ast.walk(formula)))


_LEADING_ONLY = re.compile(r"\s*only\s+(?:(?:the|a|an)\s+)?(?!if\b|when\b)", re.I)


def indefinite_objects_read_as_kinds(formula: ast.Formula, sentence: str, candidates: CandidateSet) -> list[str]:
    """The one-place predicates of ``formula`` said only as the object of a verb other than
    "be" and its like ("pays a fine", "saw a bird"), applied to something that is no
    object of a relation: what is paid or seen is not what the payer is. "Everyone who is
    late pays a fine." is never ``forall x. pay_late(x) -> fine(x)`` (the shipped parser's
    reading, 0.62); "Anyone who met a writer ..." is ``writer(y) and meet(x, y)``, where
    ``y`` is met. Open mode."""
    objects = {arg for node in ast.walk(formula) if isinstance(node, ast.Pred) and len(node.args) > 1
               for arg in node.args[1:]}
    misread = []
    for node in ast.walk(formula):
        if not isinstance(node, ast.Pred) or len(node.args) != 1 or node.args[0] in objects or node.name in misread:
            continue
        starts = {start for start, _ in candidates.spans_by_text.get(node.name, ())}
        if starts and all(_object_of_a_verb(sentence, start) for start in starts):
            misread.append(node.name)
    return misread


def _object_of_a_verb(sentence: str, start: int) -> bool:
    """Whether the phrase at ``start`` comes right after "a" or "an" after a lower-case
    word that may be a verb taking an object: none of "be" and its like, a preposition,
    a word that starts a clause, or "has"/"have"/"had" (``possessions_read_as_kinds``).
    Or it is a bare plural right after a verb said after a modal ("can approve budgets";
    "Everyone who can approve budgets is a manager." was ``approve(x) and budget(x) ->
    manager(x)``, 0.62). (Not after an inflected verb: "Everyone who smiled barks.", "...
    costs 5 dollars writes poems" have no object there.)"""
    found = _WORD_THEN_A.search(sentence[:start])
    if found is not None:
        return found.group(1) not in _NO_OBJECT_VERBS | PREPOSITIONS | _CLAUSE_WORDS
    found = _VERB_THEN_PLURAL.search(sentence[:start])
    phrase = _LOWER_WORD.match(sentence[start:])
    if found is None or phrase is None or not phrase.group().endswith("s"):
        return False
    before, verb = (found.group(1) or "").lower(), found.group(2)
    if verb in _NO_OBJECT_VERBS | PREPOSITIONS | _CLAUSE_WORDS | _DETERMINERS | _QUANTITY_WORDS:
        return False  # "Not all turtles ...": no verb
    return before in MODALS


_WORD_THEN_A = re.compile(r"\b([a-z]+)\s+an?\s+$")
_VERB_THEN_PLURAL = re.compile(r"(?:\b([A-Za-z]+)\s+)?\b([a-z]+)\s+$")
_QUANTITY_WORDS = frozenset("many most few several both other".split())
# Verbs whose "a N" says what the subject is or becomes, or has (judged elsewhere); words
# before an article that are no verb; and negations, whose verb comes before them ("is
# not a", "isn't a": not judged).
_NO_OBJECT_VERBS = frozenset("""is are was were be been being am become becomes became remain remains remained
seem seems seemed stay stays stayed has have had as like there exists exist what such quite rather
not never t also always still""".split())


def objects_said_again(formula: ast.Formula, sentence: str, candidates: CandidateSet) -> list[str]:
    """The constants ``formula`` makes the object (an argument but the first) of more
    distinct relations than the sentence says them, counting each object pronoun ("it", "them",
    ...) as a saying of every constant: "Every student who studies passes the exam." is
    never ``study(x, exam) and ... pass(x, exam)`` (the shipped parser's reading, 0.93),
    which has the student study the exam. A subject may be said once for two verbs ("Bob
    sings and dances."); an object is said for each. Open mode."""
    relations = {(node.name, arg.name) for node in ast.walk(formula) if isinstance(node, ast.Pred) and len(node.args) > 1
                 for arg in node.args[1:] if isinstance(arg, ast.Const)}
    uses = Counter(name for _, name in relations)  # one relation of several subjects says its object once
    pronouns = len(_OBJECT_PRONOUN.findall(sentence))
    return [name for name, count in uses.items()
            if count > 1 and count > _occurrences(name, candidates) + pronouns]


_OBJECT_PRONOUN = re.compile(r"\b(?:it|them|him|her|this|that|itself|themselves|himself|herself|one)\b", re.I)


def possessions_read_as_kinds(formula: ast.Formula, sentence: str) -> list[str]:
    """The nouns of possessions ``sentence`` denies ("has no degree", "does not have any
    children") or gives with "with" ("is a snake with fur") that ``formula`` names without
    "have": "Helen has no degree." is not ``not degree(helen)`` (the shipped parser's
    reading, 0.99), which says that Helen is no degree, but ``not have_degree(helen)``, as
    the generator says "Helen does not have a degree."; "Sid is a snake with fur." is not
    ``snake_with_fur(sid)`` (0.84) but ``snake(sid) and have_fur(sid)`` (open mode;
    ``parser.paraphrases`` says such sentences so for the parser). A name of the noun is
    right only as the kind of what a "have" relation says is had. One generated or FOLIO
    gold sentence says such a possession, and its LF passes."""
    nouns = possessed_nouns(sentence)
    if not nouns:
        return []
    had = {node.args[1] for node in ast.walk(formula)  # things a "have" relation says are had
           if isinstance(node, ast.Pred) and len(node.args) == 2 and node.name in _HAVE}
    misread = []
    for noun in nouns:
        forms = {noun.lower(), lemma_of_plural(noun.lower())}
        for node in ast.walk(formula):
            if not isinstance(node, (ast.Pred, ast.FuncApp)) or forms.isdisjoint(node.name.split("_")) \
                    or not _HAVE.isdisjoint(node.name.split("_")):
                continue
            # a kind of what is had: "degree(y)" of "not (exists y. degree(y) and have(helen, y))"
            if not (len(node.args) == 1 and isinstance(node.args[0], ast.Var) and node.args[0] in had):
                misread.append(noun)
                break
    return misread


_HAVE = frozenset({"have", "has", "had"})


def possessions_read_as_relations(formula: ast.Formula, sentence: str) -> list[str]:
    """The nouns of possessions ``sentence`` affirms ("has a car", "have feathers";
    ``paraphrases.possessed_nouns``) that ``formula`` says with a "have" relation to a
    thing of that kind or name (``have(x, y) and car(y)``, ``have(trapin, car)``): the
    generator names a possession with its noun, ``have_car(x)``, so that "Every employee
    has a badge." and "Paul has a badge." meet. "Everyone who has a car is full." was
    ``forall x, y. car(y) and have(x, y) -> full(x)`` (the split network, 0.92). Open mode."""
    relations = [node for node in ast.walk(formula)
                 if isinstance(node, ast.Pred) and len(node.args) == 2 and node.name in _HAVE]
    if not relations:
        return []
    misread = []
    for noun in possessed_nouns(sentence):
        forms = {noun.lower(), lemma_of_plural(noun.lower())}
        kinds = {node.args[0] for node in ast.walk(formula)
                 if isinstance(node, ast.Pred) and len(node.args) == 1 and node.name in forms}
        if any(node.args[1] in kinds or (isinstance(node.args[1], ast.Const) and node.args[1].name in forms)
               for node in relations):
            misread.append(noun)
    return misread


def places_read_as_kinds(formula: ast.Formula, sentence: str, candidates: CandidateSet) -> list[str]:
    """The one-place predicates of ``formula`` whose every mention is the object of a
    preposition of place or time ("in", "on", "at", "under", "near", "inside", "behind")
    with "the" (or a capitalised name), after a form of "be", an indefinite pronoun or a
    quantified noun: such a noun says where or when something is, not what it is. "The
    book is on the table." is never ``table(book)`` (the shipped parser's reading, 0.99),
    nor "Everyone in the team speaks English." ``forall x. team(x) -> speak_english(x)``
    (0.94), nor "Every nurse in the hospital works at night." ``forall x. nurse(x) and
    hospital(x) -> work_at_night(x)`` (0.66). Open mode; see the module docstring."""
    kinds = []
    for name in dict.fromkeys(node.name for node in ast.walk(formula)
                              if isinstance(node, ast.Pred) and len(node.args) == 1):
        starts = {start for start, _ in candidates.spans_by_text.get(name, ())}
        if starts and all(_after_a_place_preposition(sentence, start) for start in starts):
            kinds.append(name)
    return kinds


# A preposition of place or time, after a form of "be" ("is on the table"), an indefinite
# pronoun ("everyone in the team") or a quantified noun ("every nurse in the hospital"). Not after "a" ("looked at a horse": a variable that
# horse(y) restricts), nor after other words: FOLIO's gold logic abbreviates "works at Meta"
# as meta(x) and "live in cramped residential buildings" likewise, and reads "districts in
# the city of Guilin" as city(guilin).
_PLACE_BEFORE = re.compile(
    r"\b(?:(?:is|are|was|were|be|been)(?:\s+not|n't)?|everyone|everybody|everything|someone|somebody|something"
    r"|anyone|anybody|anything|no\s+one|nobody|nothing|(?:every|each|all|no|some|any)\s+[a-z]+)"
    r"\s+(?:in|on|at|under|near|inside|behind)\s+(the\s+)?$", re.I)


def _after_a_place_preposition(sentence: str, start: int) -> bool:
    """Whether the mention at ``start`` follows ``_PLACE_BEFORE``: with "the", or without
    it when capitalised ("is on Monday", "is in Paris"; not "is in chemical endangerment",
    which FOLIO reads as a state)."""
    found = _PLACE_BEFORE.search(sentence[:start])
    return found is not None and (found.group(1) is not None or sentence[start:start + 1].isupper())


def coordinated_kinds_intersected(formula: ast.Formula, sentence: str) -> list[tuple[str, str]]:
    """The two plural nouns a sentence opens with, joined by "and" ("Cats and dogs are
    animals.", "All birds and bats can fly."), when ``formula`` conjoins both of one
    variable: such a subject speaks of each kind, not of things that are both, so
    ``forall x. cat(x) and dog(x) -> animal(x)`` (the shipped parser's reading, 0.86) misreads
    it (``forall x. cat(x) or dog(x) -> animal(x)`` reads it). Coordinated adjectives
    ("Red and cold things are round.") are not judged: neither word is a plural. Both
    modes; see the module docstring."""
    opening = _COORDINATED_PLURALS.match(sentence)
    if not opening:
        return []
    words = [opening.group(1).lower(), opening.group(2).lower()]
    nouns = [lemma_of_plural(word) for word in words]
    if any(noun == word for noun, word in zip(nouns, words)) or lemma_of_plural(opening.group(3).lower()) != opening.group(3).lower():
        return []
    for node in ast.walk(formula):
        if isinstance(node, ast.And):
            of_variable: dict[str, set[str]] = {}
            for conjunct in node.args:
                if isinstance(conjunct, ast.Pred) and len(conjunct.args) == 1 and isinstance(conjunct.args[0], ast.Var):
                    of_variable.setdefault(conjunct.args[0].name, set()).add(conjunct.name)
            if any(set(nouns) <= names for names in of_variable.values()):
                return [(words[0], words[1])]
    return []


# "Cats and dogs are ...", "All birds and bats can ...": two words and the word after them,
# which must be no plural noun ("Nervous and famous people ..." are two adjectives)
_COORDINATED_PLURALS = re.compile(r"\s*(?:all\s+)?([a-z]+),?\s+and\s+([a-z]+)\s+([a-z]+)", re.I)


def objects_read_as_properties(formula: ast.Formula, sentence: str, candidates: CandidateSet) -> list[str]:
    """The one-place predicates of ``formula`` said only as the head of a sentence's closing
    "and" phrase (an article, or a capitalised name, then the head), applied to a constant
    said only before it, in a sentence with no "is"/"are"/"was"/"were" before that "and": the phrase is a
    second object of the verb, not a property of the subject. "Maria speaks French and
    Spanish." is never ``speak_french(maria) and spanish(maria)`` (the shipped parser's
    reading, 0.93), nor "Mary owns a car and a bike." ``own_car(mary) and bike(mary)``
    (0.98), nor "The store sells bread and milk." ``sell(store, bread) and milk(store)``
    (0.87; a bare word only where it cannot be a second verb: ``_closing_bare_object``).
    After a form of "be" such a phrase is a property ("Bob is a cat and a dog.").
    Open mode; see the module docstring."""
    tail = _CLOSING_OBJECT.search(sentence)
    if tail is None or _BE_FORM.search(sentence[:tail.start()]):
        tail = _closing_bare_object(sentence)
        if tail is None:
            return []
        head = tail.start("bare")
    else:
        head = tail.start("noun") if tail.group("noun") else tail.start("name")

    def starts_of(name: str) -> set[int]:
        return {start for start, _ in candidates.spans_by_text.get(name, ())}

    read = []
    for node in ast.walk(formula):
        if isinstance(node, ast.Pred) and len(node.args) == 1 and isinstance(node.args[0], ast.Const):
            said, subject = starts_of(node.name), starts_of(node.args[0].name)
            if said == {head} and subject and all(start < tail.start() for start in subject):
                read.append(node.name)
    return list(dict.fromkeys(read))


def _closing_bare_object(sentence: str) -> re.Match | None:
    """The closing "and" and one bare word of a sentence whose singular subject ("Bob",
    "the store") then needs a verb in -s or -ed, or an irregular past, for that word to
    be a second verb: so "The store sells bread and milk." closes with an object, "The
    dog chases the cat and barks." with a verb. Not after a modal, "to", "not" or a verb
    that takes an adjective ("looks", "feels", ...), nor after a form of "be"."""
    tail = _CLOSING_BARE.search(sentence)
    if tail is None or not _SINGULAR_SUBJECT.match(sentence):
        return None
    word, before = tail.group("bare"), sentence[:tail.start()]
    if word.endswith(("s", "ed")) or lemmas_of_past(word) or _BARE_VERB_CONTEXT.search(before) \
            or _BE_FORM.search(before):
        return None
    return tail


_CLOSING_BARE = re.compile(r"\band\s+(?P<bare>[a-z]+)\s*[.!]?\s*$")
_SINGULAR_SUBJECT = re.compile(r"\s*(?:[Tt]he\s+[a-z]+(?<!s)|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)\s+[a-z]")
_BARE_VERB_CONTEXT = re.compile(
    r"\b(?:can|cannot|could|will|would|should|must|may|might|does|do|did|to|not|n't|looks?|seems?|feels?"
    r"|becomes?|stays?|remains?|gets?|grows?|became|seemed|looked|felt|got|grew)\b", re.I)


# The closing "and" phrase: an article or not, then its head word (a capitalised name after
# no article) and at most two more words before the end: "and a bike.", "and Spanish.".
_CLOSING_OBJECT = re.compile(r"\band\s+(?:(?:a|an|the)\s+(?P<noun>[a-z]+)|(?P<name>[A-Z][a-z]*))(?:\s+[a-z]+){0,2}\s*[.!]?\s*$")
_BE_FORM = re.compile(r"\b(?:is|are|was|were|isn't|aren't|wasn't|weren't|be|been)\b", re.I)


_GENERALITY = r"(?:every|all|each|everyone|everybody|everything)\b"
_NEGATED_GENERALITY = re.compile(
    rf"\bnot\s+{_GENERALITY}|\b(?:not\s+the\s+case|not\s+true|false|untrue)\s+that\s+{_GENERALITY}", re.I)


def misdirected_comparisons(formula: ast.Formula, sentence: str, candidates: CandidateSet) -> list[str]:
    """The orderings of ``formula`` whose direction contradicts the comparator the sentence
    puts right before one side: before a number ("older than 65" read ``age(x) < 65``;
    "exactly 30" read as any ordering), or before the entity of the other side ("Hugo is
    taller than Yara." read ``height(hugo) < height(yara)``), as "<op> <what>"; also an
    equality with a number that an ordering's comparator comes before ("weighs over 40434
    kg" read ``weight_kg(grace) = 40434``, the shipped parser, 0.91). A negated comparator
    ("no more than") is not judged (see the module docstring). A side said in several
    places is judged by all of them: one with no comparator, or the reading's, before it
    is enough."""
    wrong = []
    for node in ast.walk(formula):
        if isinstance(node, ast.Compare) and node.op == "=":
            wrong += _equalities_against_comparators(node, sentence, candidates)
        if not _is_ordering(node):
            continue
        for side, op in ((node.right, node.op), (node.left, _MIRRORED[node.op])):
            other = node.left if side is node.right else node.right
            if isinstance(other, ast.Num):
                continue  # "65 < age(x)": the number is the side that is compared with
            # A side said more than once is misdirected only where no mention of it
            # agrees: in "Anna is older than Ben, and Ben is older than Chris." the second
            # clause's age(ben) > age(chris) has Ben after "older than" too.
            against, agreeing = [], False
            for start, said_as in _mentions_of_side(side, candidates):
                before = _ARTICLE_AT_END.sub("", sentence[:start])
                if _NEGATED_COMPARATOR.search(before):
                    continue
                said = next((ordering for comparator, ordering in _COMPARATORS if comparator.search(before)), None)
                if said is not None and said != op:
                    against.append(f"{op} {said_as}")
                else:
                    agreeing = True
            if not agreeing:
                wrong += against
    return wrong


_ARTICLE_AT_END = re.compile(r"\b(?:the|a|an)\s*$", re.I)


def _equalities_against_comparators(node: ast.Compare, sentence: str, candidates: CandidateSet) -> list[str]:
    """``["= N"]`` when the number N of the equality ``node`` is said only after a
    comparator of an ordering ("over", "more than", "at least" ...), else nothing; not
    where a rule file's gloss of the function says that word before its value ("{0}
    carried over {value} days")."""
    number = node.right if isinstance(node.right, ast.Num) else node.left if isinstance(node.left, ast.Num) else None
    if number is None or any(_COMPARATORS_BY_WORD.search(gloss) for gloss in _value_glosses(node, candidates)):
        return []
    mentions = _mentions_of_side(number, candidates)
    for start, _ in mentions:
        before = _ARTICLE_AT_END.sub("", sentence[:start])
        said = next((ordering for comparator, ordering in _COMPARATORS if comparator.search(before)), None)
        if said in (None, "=") or _NEGATED_COMPARATOR.search(before):
            return []
    return [f"= {mentions[0][1]}"] if mentions else []


def _value_glosses(node: ast.Compare, candidates: CandidateSet) -> list[str]:
    """What the declared glosses of ``node``'s functions say before their value (a
    description says "carried over: ... | X carried over N days")."""
    names = {side.name for side in (node.left, node.right) if isinstance(side, ast.FuncApp)}
    return [_VALUE.split(gloss)[0] for description in candidates.descriptions
            if description is not None and description.split(":")[0].replace(" ", "_") in names
            for gloss in description.split(":", 1)[1].split("|") if _VALUE.search(gloss)]


_VALUE = re.compile(r"\bN\b")  # a description's placeholder for a function's value


_COMPARATORS_BY_WORD = re.compile("|".join(f"(?:{comparator.pattern})" for comparator, _ in _COMPARATORS), re.I)


def _mentions_of_side(term: ast.Node, candidates: CandidateSet) -> list[tuple[int, str]]:
    """Where the sentence says one side of an ordering (character offsets), with the name
    or number said there: a number as its candidates, an entity (``yara``, or the
    argument of ``height(yara)``) as the places its name is copied from."""
    if isinstance(term, ast.Num):
        return [(c.span[0], c.text) for c in candidates.items
                if c.kind == NUMBER and c.span is not None and Fraction(c.text) == term.value]
    if isinstance(term, ast.FuncApp) and len(term.args) == 1:
        term = term.args[0]
    if isinstance(term, ast.Const):
        return [(start, term.name) for start, _ in candidates.spans_by_text.get(term.name, ())]
    return []


def objects_as_subjects(formula: ast.Formula, sentence: str, candidates: CandidateSet) -> list[str]:
    """The constants ``formula`` makes the first argument (the subject) of a two-place
    predicate although the sentence only ever says them as an object: every mention comes
    right after a form of a verb the reading relates things with, and no pronoun could
    stand for them ("it"/"they" after "something" are the variable's). "If something is
    young and it visits the cow then it sees the cow." is never ``visit(cow, x)``, nor
    "James has a car or works at Meta." ``work_at(meta, james)`` (the shipped parser, 0.89).
    So is a one-word verb said of a constant alone that the sentence says only right after
    an inflected form of it: "... the poet does not play piano or kicks Omar Haddad." is
    never ``kick(omar_haddad)`` (the split network, 0.99). And a name said before a verb
    whose object is "something" (or the like) is its subject: "Alice finds something." is
    never ``exists x. find(x, alice)`` (the shipped parser, 0.88)."""
    swapped = [name for node in ast.walk(formula)
               if isinstance(node, ast.Pred) and len(node.args) == 1 and isinstance(node.args[0], ast.Const)
               and "_" not in node.name and (name := node.args[0].name) in candidates.spans_by_text
               and all(_word_before(sentence, start) != node.name and _is_form_of(_word_before(sentence, start), node.name)
                       for start, _ in candidates.spans_by_text[name])]
    relations = [node for node in ast.walk(formula) if isinstance(node, ast.Pred) and len(node.args) == 2]
    for node in relations:
        if isinstance(node.args[0], ast.Var) and isinstance(node.args[1], ast.Const):
            verb_at = _object_pronoun_after(sentence, node.name)
            spans = candidates.spans_by_text.get(node.args[1].name, ())
            if verb_at and spans and all(start < verb_at for start, _ in spans):
                swapped.append(node.args[1].name)
    if not relations or _stand_in_pronouns(sentence):
        return list(dict.fromkeys(swapped))
    verbs = {node.name for node in relations}
    for node in relations:
        name = node.args[0].name if isinstance(node.args[0], ast.Const) else None
        if name is None or name in swapped:
            continue
        spans = set(candidates.spans_by_text.get(name, ()))
        # after any one-word verb of the reading, or after its own verb and prepositions ("works at
        # Meta": not "went to the school, located in ...", where the school is located_in's subject)
        after = {verb for verb in verbs if "_" not in verb} | {node.name}
        if spans and all(any(_said_after(sentence, start, verb) or _second_object_of(sentence, (start, end), verb)
                             for verb in after) for start, end in spans):
            swapped.append(name)
    return list(dict.fromkeys(swapped))


def indefinite_objects_read_as_doers(formula: ast.Formula, sentence: str) -> list[str]:
    """The verbs said with "something", "someone" or the like as their object that
    ``formula`` applies to one thing alone, of two things: "Whoever kicks something is
    prunish." is never ``forall x, y. kick(y) and kick(x) -> prunish(x)`` (the split
    network, 0.45), which says that two things kick, where the sentence says that one
    kicks the other. Open mode."""
    misread = []
    for found in _VERB_THEN_SOMETHING.finditer(sentence):
        said = found.group(1).lower()
        doers = {node.args[0].name for node in ast.walk(formula)
                 if isinstance(node, ast.Pred) and len(node.args) == 1 and isinstance(node.args[0], ast.Var)
                 and "_" not in node.name and _is_form_of(said, node.name)}
        if len(doers) > 1:
            misread.append(said)
    return list(dict.fromkeys(misread))


def adverbs_misattached(formula: ast.Formula, sentence: str) -> list[str]:
    """The names of ``formula`` that end in an adverb in -ly which the sentence says only
    after an adjective or a noun with an article ("is modern regularly", "met a poet
    regularly") and before an inflected verb ("drinks", "ran") the name does not hold: an
    adverb of this project's activities follows a verb and its bare object ("drank coffee
    regularly"), so there it is the next verb's ("... and is modern regularly drinks
    coffee." is ``drink_coffee_regularly(x)``, never ``modern_regularly(x)``, the split
    network's reading at 0.65). Not judged before "is", "has", "does" and the like. Open
    mode."""
    misattached = []
    for node in ast.walk(formula):
        if not isinstance(node, (ast.Pred, ast.FuncApp)) or "_" not in node.name:
            continue
        *words, adverb = node.name.split("_")
        if not adverb.endswith("ly"):
            continue
        said = re.findall(rf"\b([a-z]+)\s+[a-z]+\s+{adverb}\s+([a-z]+)", sentence, re.I)
        if said and all(opening.lower() in _BEFORE_NO_ACTIVITY and _inflected_verb(after)
                        and after.lower() not in _AUXILIARIES and not _verb_lemmas(after) & set(words)
                        for opening, after in said):
            misattached.append(node.name)
    return list(dict.fromkeys(misattached))


# Words two before an adverb that make what comes between no activity: a copula before an
# adjective ("is modern"), an article before a noun ("a poet").
_BEFORE_NO_ACTIVITY = frozenset("is are was were be been a an the".split())
_AUXILIARIES = frozenset("is was are were has had have does did do".split())


def _inflected_verb(word: str) -> bool:
    """Whether ``word`` is a verb in -s or in the past ("drinks", "ran")."""
    word = word.lower()
    return bool(lemmas_of_past(word)) or (word.endswith("s") and lemma_of_verb(word) != word)


def _verb_lemmas(word: str) -> set[str]:
    """``word`` and the lemmas it may be a form of."""
    word = word.lower()
    return {word, lemma_of_verb(word), *lemmas_of_past(word)}


def definites_inside_names(formula: ast.Formula, sentence: str, candidates: CandidateSet) -> list[str]:
    """The names of ``formula``'s predicates and functions copied only from words that hold
    a preposition and "the" ("parent of the citizen" as ``parent_of_citizen``): "the" and its noun
    name a thing, an argument of the relation ("Each shy, modern duck is not a parent of
    the citizen." is ``not parent_of(x, citizen)``; the split network read
    ``parent_of_citizen(x)`` at 0.94). Open mode."""
    return list(dict.fromkeys(
        node.name for node in ast.walk(formula)
        if isinstance(node, (ast.Pred, ast.FuncApp)) and (spans := candidates.spans_by_text.get(node.name))
        and all(_INNER_THE.search(sentence[start:end]) for start, end in spans)))


# "the" after a preposition inside the words ("a parent of the citizen"); after a verb, FOLIO's
# converted logic names some ("can strike the right notes" as strike_right_note).
_INNER_THE = re.compile(r"\S\s+(?:of|to|for|with|from|in|on|at|about|by)\s+the\s+\S", re.I)


def _object_pronoun_after(sentence: str, verb: str) -> int:
    """Where a form of the one-word verb ``verb`` is said with "something", "someone" or
    the like as its object ("Alice finds something."), or 0 where it is not."""
    for found in _VERB_THEN_SOMETHING.finditer(sentence):
        if "_" not in verb and _is_form_of(found.group(1).lower(), verb):
            return found.start()
    return 0


_VERB_THEN_SOMETHING = re.compile(r"\b([a-z]+)\s+(?:something|someone|somebody|anything|anyone|anybody)\b")


def _second_object_of(sentence: str, span: tuple[int, int], verb: str) -> bool:
    """Whether the mention at ``span`` is a second object of the relation ``verb``: it ends
    the sentence or a phrase, and "and" (an article skipped) joins it to an object of a
    word or three right after a form of the verb ("chases the dog and the mouse": the
    shipped parser read ``chase(cat, dog) and chase(mouse, dog)``, 0.84). Not "the mouse
    chases the cat", whose verb makes the mouse a subject."""
    start, end = span
    if not re.match(r"\s*(?:[.,;!?]|(?:and|or)\b|$)", sentence[end:]):
        return False
    before = _LOWER_WORD.findall(sentence[:start].lower())
    if before and before[-1] in ARTICLES:
        before.pop()
    if not before or before[-1] != "and":
        return False
    object_and_verb = [word for word in before[-6:-1] if word not in ARTICLES]
    return any(_is_form_of(word, verb.split("_")[0]) for word in object_and_verb[-4:-1])


def _said_after(sentence: str, start: int, verb: str) -> bool:
    """Whether the mention at ``start`` comes right after a form of the relation ``verb``
    (an article skipped): its verb ("visits the cow" for ``visit``), or its verb and
    prepositions ("works at Meta" for ``work_at``, "is aware of Ann" for ``aware_of``)."""
    parts = verb.split("_")
    if len(parts) == 1 or not all(part in PREPOSITIONS for part in parts[1:]):
        return _is_form_of(_word_before(sentence, start), verb)
    before = _LOWER_WORD.findall(sentence[:start].lower())
    if before and before[-1] in ARTICLES:
        before.pop()
    said = before[-len(parts):]
    return len(said) == len(parts) and _is_form_of(said[0], parts[0]) and said[1:] == parts[1:]


def indefinites_named(formula: ast.Formula, sentence: str, candidates: CandidateSet) -> list[str]:
    """The constants of ``formula`` the sentence only ever says as an indefinite object or
    as the indefinite subject of a condition: every mention comes right after "a", "an",
    "some", "any", "every", "each" or "no" (or after one of them and up to two modifiers,
    for a name in lower case: "is a good programmer"), which comes right after "if",
    "when", "whenever" or a word that is no preposition and starts no clause ("Every duck
    pushes some hamster.", "Anyone who kicked an employee is a fox."). Such a phrase names
    no individual, so ``push(x, hamster)`` misreads it; it is a variable, bound by the
    quantifier its determiner says. "If a patient is allergic to penicillin, they must not
    take amoxicillin." is never ``allergic(patient, penicillin) -> not take(patient,
    amoxicillin)`` (the shipped parser's reading, 0.76). Another subject ("A worksheet is
    either paper or ...", which FOLIO's gold logic gives a constant) and what follows "as",
    "than" or "like" ("played as a half back") are not judged; an object of another
    preposition is: "Every nurse works at a hospital." is not ``work_at(x, hospital)``
    (0.93). Nor is a subject after an opening "every", "each", "no", "any" or "all": "No
    intern can access the database." is never ``not access(intern, database)`` (0.80)."""
    named = []
    for name in dict.fromkeys(node.name for node in ast.walk(formula) if isinstance(node, ast.Const)):
        starts = {start for start, _ in candidates.spans_by_text.get(name, ())}
        if starts and all(_after_an_indefinite_determiner(sentence, start) or _after_an_opening_quantifier(sentence, start)
                          for start in starts):
            named.append(name)
    return named


# a determiner, and up to two modifiers between it and a name in lower case ("is a good
# programmer"; a capitalised name after them is another phrase: "is a londet reads Tom")
_VERB_THEN_INDEFINITE = re.compile(r"\b([A-Za-z]+)\s+(?:a|an|some|any|every|each|no)\s+((?:[a-z]+\s+){0,2})$", re.I)
# Prepositions after which an indefinite may name what something is, not an object: "played
# as a half back" (FOLIO's gold logic gives it a constant), "than a dog"; after others it
# is an object ("works at a hospital").
_NOT_AN_OBJECT_AFTER = frozenset({"as", "than", "like", "that", "who", "which"})
# Words before a determiner that make its phrase no object: it may be a subject there
# ("... and a dog is ...", which FOLIO's gold logic may give a constant).
_CLAUSE_WORDS = frozenset("and or but nor if then that when whenever unless either neither both whether than".split())
# ... except a condition's: "If a patient is allergic ..." speaks of any patient (all 790
# generated gold LFs of "if/when a N" sentences bind it), never of one named "patient".
_CONDITION_WORDS = frozenset({"if", "when", "whenever"})


def bare_nouns_named(formula: ast.Formula, sentence: str, candidates: CandidateSet) -> list[str]:
    """The constants of ``formula`` the sentence says only as a bare common noun right
    after a verb or a preposition: in lower case, with no article, determiner, number or
    possessive, and not in a list ("plays piano", "goes to school"). Open mode names an
    individual by a name or "the" and a noun; a bare noun is part of what is done, and
    the generator names the two together (``play_piano(x)``, ``go_to_school(x)``), so
    one concept gets one name whether or not a sentence says "the". "The whale neither is
    proud of the rat nor plays piano." is never ``... not play(whale, piano)`` (the split
    network's reading, 0.92). Not judged: a noun after an adjective's preposition ("is
    allergic to nuts": ``allergic(peter, nuts)``), beside "and", "or" or a comma (FOLIO's
    gold logic reads "plays piano, violin, and saxophone" as relations), a word of time
    ("today"), and the first word of the sentence."""
    named = []
    for name in dict.fromkeys(node.name for node in ast.walk(formula) if isinstance(node, ast.Const)):
        spans = candidates.spans_by_text.get(name, ())
        if spans and all(_said_bare(sentence, start, end) for start, end in spans):
            named.append(name)
    return named


def bare_objects_singularised(formula: ast.Formula, sentence: str, candidates: CandidateSet) -> list[str]:
    """Names of ``formula`` that end in the singular of a bare plural the sentence says
    after a verb ("reads books", "can reset passwords"), at every place it says them. The
    generator names a verb and its bare object as said (``read_books(x)``, as
    ``play_piano(x)``), so one concept gets one name: the shipped parser read "Every admin
    can reset passwords." as ``reset_password(x)`` (0.87) and "Bob cannot reset
    passwords." as ``reset_passwords(bob)``. A kind named by its words stays singular
    ("All race cars are red." is ``race_car(x)``): only a name after a verb's subject is
    judged, that is after a pronoun, "who", "that", "people", a plural noun, an opening
    "the" and a noun, or an auxiliary (and "not")."""
    singularised = []
    for name in dict.fromkeys(node.name for node in ast.walk(formula) if isinstance(node, (ast.Pred, ast.FuncApp))):
        spans = candidates.spans_by_text.get(name, ())
        if "_" in name and spans and all(_plural_named_singular(sentence, start, end, name) and
                                         _after_a_subject(sentence, start) for start, end in spans):
            singularised.append(name)
    return singularised


def _plural_named_singular(sentence: str, start: int, end: int, name: str) -> bool:
    """Whether the words at ``start:end`` are a verb and a bare plural of one or two words
    ("reset passwords"; not "strike the right notes", which FOLIO's gold logic names
    ``strike_right_note``) that ``name`` ends in the singular of."""
    said = _LOWER_WORD.findall(sentence[start:end].lower())
    if not 2 <= len(said) <= 3 or any(word in _DETERMINERS or word in PREPOSITIONS for word in said):
        return False  # a verb and its object of one or two words ("work well in teams": FOLIO's work_well_in_team)
    last = said[-1]
    return lemma_of_plural(last) != last and name.rsplit("_", 1)[1] == lemma_of_plural(last)


# Words after which a verb comes: a verb's subject or an auxiliary.
_SUBJECT_ENDS = frozenset("""they we you i who that which people do does did don't doesn't didn't can cannot can't
could must should will would may might to""".split())


def _after_a_subject(sentence: str, start: int) -> bool:
    """Whether the phrase at ``start`` follows what ends a subject (``_SUBJECT_ENDS``, a
    plural noun, or "the" and one noun), so that its first word is the verb."""
    before = _LOWER_WORD.findall(sentence[:start].lower())
    if before[-1:] == ["not"]:
        return before[-2:-1] != [] and before[-2] in _SUBJECT_ENDS
    if not before:
        return False
    word = before[-1]
    return word in _SUBJECT_ENDS or (lemma_of_plural(word) != word and word not in _NOT_PLURAL_NOUNS) \
        or before == ["the", word]  # "The turtle read books."; not "... the main tourist attractions"


# Words in -s that are no plural noun before a verb.
_NOT_PLURAL_NOUNS = frozenset("is was has does this its his hers ours yours theirs as us always sometimes less".split())


def _said_bare(sentence: str, start: int, end: int) -> bool:
    before = _LAST_WORD.search(sentence[:start])
    if not sentence[start:start + 1].islower() or before is None or sentence[start:end].lower() in _TIME_ADVERBS:
        return False
    word = before.group(1).lower()
    if word in _NOT_BARE_BEFORE or word.endswith("'s") or word.isdigit() or before.group(2):
        return False
    if word in PREPOSITIONS and _ADJECTIVE_THEN_PREPOSITION.search(sentence[:before.start(1)]):
        return False
    return _LIST_AFTER.match(sentence, end) is None


_LAST_WORD = re.compile(r"([\w'-]+)(\s*,)?\s+$")
# "is allergic to", "are afraid of": after an adjective a bare noun may be a kind or a
# substance the subject relates to ("allergic(peter, nuts)").
_ADJECTIVE_THEN_PREPOSITION = re.compile(r"\b(?:is|are|was|were|be|been|am)(?:\s+not|n't)?\s+[a-z]+\s+$", re.I)
# Words that say when, not what ("goes to the cinema today": FOLIO's gold logic makes it a constant).
_TIME_ADVERBS = frozenset("today tomorrow yesterday tonight now".split())
# A list goes on after the noun: a comma, or "and"/"or"/"nor" that no clause's subject
# follows ("plays piano and he is full" is no list: a pronoun and its verb).
_LIST_AFTER = re.compile(r"\s*(?:,|(?:and|or|nor)\b(?!\s+(?:he|she|it|they|we|i|you)\s+[a-z]))", re.I)
_NOT_BARE_BEFORE = _DETERMINERS | frozenset(
    "and or nor but many most few several both one two three four five six seven eight nine ten".split())


def _after_an_indefinite_determiner(sentence: str, start: int) -> bool:
    found = _VERB_THEN_INDEFINITE.search(sentence[:start])
    if found is None or found.group(1).lower() in _NOT_AN_OBJECT_AFTER | (_CLAUSE_WORDS - _CONDITION_WORDS):
        return False
    return _modifiers_allow(found.group(2).split(), sentence, start)


def _after_an_opening_quantifier(sentence: str, start: int) -> bool:
    found = _OPENING_QUANTIFIER.match(sentence[:start])
    return found is not None and _modifiers_allow(found.group(1).split(), sentence, start)


# A sentence's opening quantifier, and up to two modifiers: "No intern ...", "Every red car ..."
_OPENING_QUANTIFIER = re.compile(r"\s*(?:every|each|no|any|all)\s+((?:[a-z]+\s+){0,2})$", re.I)


def _modifiers_allow(modifiers: list[str], sentence: str, start: int) -> bool:
    """Whether the words between a determiner and the mention at ``start`` are modifiers of
    a name in lower case (none of them a preposition, clause word or article)."""
    if modifiers and not sentence[start:start + 1].islower():
        return False
    return not any(word.lower() in PREPOSITIONS | _CLAUSE_WORDS | ARTICLES for word in modifiers)


def phrases_named_twice(formula: ast.Formula, candidates: CandidateSet) -> list[tuple[str, str]]:
    """Pairs of names of ``formula`` made from the same words: every place the sentence
    says one overlaps a place it says the other, so the reading gives one phrase two
    names ("The prezon or Grace regularly drinks coffee." read
    ``drink_coffee_regularly(prezon) or drink_coffee(grace)``; "Joseph is taller than the
    mountain." read ``taller(joseph) > height(mountain)``). Names the sentence says
    nowhere (a schema's declared symbols) are not compared."""
    spans = {name: candidates.spans_by_text[name] for name in _names(formula) if name in candidates.spans_by_text}
    twice = []
    for i, first in enumerate(spans):
        for second in list(spans)[i + 1:]:
            if _all_overlap(spans[first], spans[second]) and _all_overlap(spans[second], spans[first]):
                twice.append((first, second))
    return twice


def _all_overlap(spans, others) -> bool:
    return all(any(start < b and a < end for a, b in others) for start, end in spans)


PERSONAL_PRONOUNS = frozenset("he him his she her hers it its they them their".split())


@lru_cache(maxsize=256)
def _stand_in_pronouns(sentence: str) -> bool:
    """Whether ``sentence`` has a pronoun that may stand for a named thing: one that is
    not a mention of a bound variable (``_variable_mentions``)."""
    pronouns = sum(word in PERSONAL_PRONOUNS for word in _LOWER_WORD.findall(sentence.lower()))
    return pronouns > sum(word in _BACK_REFERENCES for word in _variable_mentions(sentence))


_WORD_THEN_ARTICLE = re.compile(r"([A-Za-z]+)\s+(?:(?:the|a|an)\s+)?$")


def _word_before(sentence: str, start: int) -> str:
    """The word before the mention at ``start`` (an article skipped), lower-cased."""
    match = _WORD_THEN_ARTICLE.search(sentence[:start])
    return match.group(1).lower() if match else ""


def _is_form_of(word: str, predicate: str) -> bool:
    """Whether ``word`` is a form of the one-word verb ``predicate`` (visit, visits, visited)."""
    return bool(word) and (word == predicate or lemma_of_verb(word) == predicate
                           or predicate in lemmas_of_past(word))


def _names(formula: ast.Formula) -> list[str]:
    """The names ``formula`` uses (predicates, functions, constants), sorted."""
    return sorted({node.name for node in ast.walk(formula) if isinstance(node, (ast.Pred, ast.FuncApp, ast.Const))})


def _is_ordering(node: ast.Node) -> bool:
    """A comparison that orders its sides (``<``, ``>``, ``<=``, ``>=``)."""
    return isinstance(node, ast.Compare) and node.op in _MIRRORED


def _is_negation(node: ast.Node) -> bool:
    """A ``not``, or a ``!=``, which negates an identity ("Hamlet's author is not Bacon")."""
    return isinstance(node, ast.Not) or (isinstance(node, ast.Compare) and node.op == "!=")


def _occurrences(name: str, candidates: CandidateSet, *, inside=()) -> int:
    """How many times the sentence says ``name``: its candidate spans, overlapping ones
    once, leaving out those that lie within a longer span of ``inside``."""
    count, end = 0, -1
    for start, stop in candidates.spans_by_text.get(name, ()):
        if any(a <= start and stop <= b and (a, b) != (start, stop) for a, b in inside):
            continue
        if start >= end:
            count, end = count + 1, stop
    return count


@lru_cache(maxsize=256)
def _variable_mentions(sentence: str) -> tuple[str, ...]:
    """The words of ``sentence`` that mention bound variables: its indefinites, and the
    pronouns after the first of them (none when it has no indefinite)."""
    words = _LOWER_WORD.findall(sentence.lower())
    first = next((i for i, word in enumerate(words) if word in _INDEFINITES), None)
    if first is None:
        return ()
    return tuple(word for i, word in enumerate(words)
                 if word in _INDEFINITES or (i > first and word in _BACK_REFERENCES))


@lru_cache(maxsize=256)
def _gloss_negations(sentence: str, descriptions: tuple[str | None, ...]) -> int:
    """How many negation words of ``sentence`` stand inside a negated gloss of a declared
    symbol, as its ``descriptions`` give them: "Ann must not take ibuprofen." says
    ``contraindicated(ann, ibuprofen)`` ("X must not take Y"), no negation."""
    return sum(len(pattern.findall(sentence)) for pattern in _negated_gloss_patterns(descriptions))


@lru_cache(maxsize=64)
def _negated_gloss_patterns(descriptions: tuple[str | None, ...]) -> tuple[re.Pattern, ...]:
    """Per gloss "... must not take ...", a pattern of its "not" between its neighbours
    ("must not take", "mustn't take"); neighbours that are argument slots are left out."""
    patterns = set()
    for text in descriptions:
        for gloss in (text or "").split(": ", 1)[-1].split(" | "):
            words = gloss.lower().split()
            for i in range(1, len(words) - 1):
                before, after = words[i - 1], words[i + 1]
                if words[i] == "not" and before.isalpha() and after.isalpha() and after not in ("x", "y"):
                    patterns.add(rf"\b{re.escape(before)}(?:\s+not|n't)\s+{re.escape(after)}\b")
    return tuple(re.compile(pattern, re.I) for pattern in sorted(patterns))


@lru_cache(maxsize=256)
def negation_words(sentence: str) -> tuple[str, ...]:
    """The negation words of ``sentence``, each of which needs a negation in its LF."""
    return tuple(_NEGATION_WORD.findall(_NOT_BOTH.sub("", sentence)))
