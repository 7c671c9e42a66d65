"""Supervised (sentence, LF) pairs from FOLIO's premises and their gold first-order logic.

FOLIO (../shared/data/folio-v0-train.jsonl) pairs real English premises with hand-written
first-order logic. Its structure (quantifiers, connectives, which atoms) is what we want
the parser to learn from; its names are not: FOLIO abbreviates freely (``Drinks`` for
"regularly drink coffee", ``IsDocumentary``, ``dagfinnAarskog``). So each premise is

1. read with grammars/folio.lark (FOLIO's syntax: ``∀x (...)``, ``⊕``, names with ``-``),
2. renamed: every FOLIO predicate and constant becomes one of the sentence's open-mode
   copy candidates (``open_candidates``), chosen by the words (CamelCase split,
   lemmatised) and spelled canonically (docs/generator.md, "Symbol names"): verb lemma
   first, singular noun last, a leading adverb moved last, proper names as the
   candidates write them. A unary predicate takes the longest phrase around its words
   that no other symbol of the formula claims ("Drinks" in "regularly drink coffee" ->
   ``drink_coffee_regularly``); a relation or constant takes exactly its words. Across
   a story, a FOLIO predicate keeps one name where one name fits all its sentences.
   "person"/"thing" predicates are dropped as the generator does ("All people who ..."),
3. put in the conventions' tense, voice and quantifier shape: an active past is its verb
   lemma ("won" -> ``win``); a passive whose agent the logic holds is the active relation,
   agent first ("was written by" -> ``write(shakespeare, hamlet)``); a passive without
   its agent keeps the participle (``filmed_in``, like ``born_in``), and one whose agent
   only the sentence names ("respected by others") is dropped; ``∀x ∃y (A(x) → B(x, y))``
   is ``forall x. A(x) -> (exists y. B(x, y))`` and ``forall x. forall y.`` is
   ``forall x, y.``,
4. checked: open-mode type check, and ``lf_to_actions`` against the candidates.

Precision over yield: a premise is dropped (and counted by reason) whenever its logic does
not parse, a name has no confident match, two symbols get one name, the names cover less
than half of the sentence's content words (FOLIO's logic leaves part of it out), or a check
fails, or it reads "∃x (A → B)" (FOLIO's slip for "some A are B"). Only premises are used: folio-v0 gives no logic for conclusions. Only stories of
the requested part (``neurosym.datasets.split_of``) are read; "test" is refused.
"""

from __future__ import annotations

import functools
import re
from fractions import Fraction
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping

from lark import Lark, Token, Tree
from lark.exceptions import LarkError

from ..datasets import iter_jsonl, split_of
from ..errors import NeurosymError
from ..logic import ast
from ..logic.printer import to_text
from ..logic.typecheck import infer_signature, typecheck
from ..parser.candidates import (ARTICLES, PREPOSITIONS, CandidateSet, dropped_final_e, lemma_of_plural, lemma_of_verb,
                                  lemmas_of_past, open_candidates)
from ..parser.vocabulary import NAME, VARIABLES, canonical_variables, lf_to_actions
from ..resources import grammar_text
from .lexicon import VERBS
from .morphology import past_participle, past_tense, third_person

__all__ = ["FolioPair", "FolioConversion", "Dropped", "folio_pairs", "convert_folio",
           "convert_story", "read_folio", "past_lemma", "TRAINABLE_PARTS", "MIN_COVERAGE"]

TRAINABLE_PARTS = ("train", "validation")
MIN_COVERAGE = 0.5  # share of the sentence's content words the chosen names must cover

# FOLIO name words that say nothing about the concept ("IsDocumentary" is documentary).
_STOP_WORDS = frozenset("is are was were be been being a an the does do did".split())
# FOLIO's Person(x)/Thing(x): the project's convention adds no predicate for these words.
_GENERIC_PREDICATES = frozenset({("person",), ("people",), ("thing",)})
_GENERIC_WORDS = frozenset("""person people persons thing things someone something everyone
everything anyone anything nothing nobody everybody anybody somebody one""".split())
_GENERIC_MARK = "generic_predicate_"  # stands for a Person/Thing atom until it is removed
_IRREGULAR_VERBS = frozenset({"has", "is", "does", "goes"})
_QUANTIFIER_PREFIX = re.compile(r"\s*((?:[∀∃]\s*[A-Za-z_]\w*\s*)+)(?=[^\s(∀∃])")


@dataclass(frozen=True)
class FolioPair:
    """One training sentence: the premise, its LF in the project's names, its story."""

    sentence: str
    lf: str
    story_id: str  # "folio-<story_id>", the unit split_of decides by
    folio_fol: str  # FOLIO's own formula, for debugging


@dataclass(frozen=True)
class FolioConversion:
    """The pairs of one part, and what happened to the other premises."""

    pairs: tuple[FolioPair, ...]
    premises: int  # distinct premise sentences of the part's stories
    dropped: Mapping[str, int] = field(default_factory=dict)  # reason -> count


class Dropped(NeurosymError):
    """A premise that cannot be converted with confidence; ``reason`` is a short key."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


# ---------------------------------------------------------------- reading FOLIO's logic


@functools.cache
def _folio_parser() -> Lark:
    return Lark(grammar_text("folio.lark"), parser="lalr", maybe_placeholders=False)


@dataclass(frozen=True)
class FolioFormula:
    """A FOLIO formula read: its parse tree, predicates (raw name -> arity) and constants."""

    text: str
    tree: Tree
    predicates: Mapping[str, int]
    constants: frozenset[str]
    arguments: Mapping[str, tuple[tuple[str | None, ...], ...]] = field(default_factory=dict)
    # predicate -> its atoms' arguments: a constant's raw name, None for a variable or number


def read_folio(text: str) -> FolioFormula:
    """Parse FOLIO's logic; raises ``Dropped("unparseable" | "free variable")``.

    A leading quantifier prefix without parentheses (``∀x P(x) → Q(x)``) scopes over the
    whole formula, as FOLIO's authors mean it.
    """
    prefix = _QUANTIFIER_PREFIX.match(text)
    source = f"{prefix.group(1)}({text[prefix.end():].strip().rstrip('.')})" if prefix else text
    try:
        tree = _folio_parser().parse(source)
    except LarkError as exc:
        raise Dropped("unparseable", str(exc).splitlines()[0]) from None
    reader = _Reader(None)
    reader.formula(tree, frozenset())
    return FolioFormula(text, tree, dict(reader.predicates), frozenset(reader.constants),
                        {raw: tuple(atoms) for raw, atoms in reader.arguments.items()})


def _subtrees(tree: Tree) -> list[Tree]:
    return [child for child in tree.children if isinstance(child, Tree)]


class _Reader:
    """FOLIO parse tree -> LF AST, with names from ``names`` (None: only collect them);
    the predicates in ``swapped`` take their two arguments the other way round."""

    def __init__(self, names: Mapping[str, str] | None, swapped: frozenset[str] = frozenset()) -> None:
        self.names = names
        self.swapped = swapped
        self.predicates: dict[str, int] = {}
        self.constants: set[str] = set()
        self.arguments: dict[str, list[tuple[str | None, ...]]] = defaultdict(list)

    def _name(self, raw: str) -> str:
        return self.names[raw] if self.names is not None else "placeholder"

    def formula(self, tree: Tree, bound: frozenset[str]) -> ast.Formula:
        kind, parts = tree.data, _subtrees(tree)
        if kind == "negation":
            return ast.Not(self.formula(parts[0], bound))
        if kind in ("conj", "disj"):
            return (ast.And if kind == "conj" else ast.Or)(tuple(self.formula(p, bound) for p in parts))
        if kind in ("xor", "implies", "iff"):
            node = {"xor": ast.Xor, "implies": ast.Implies, "iff": ast.Iff}[kind]
            return node(self.formula(parts[0], bound), self.formula(parts[1], bound))
        if kind == "quantified":
            quant, variable = tree.children[0], str(tree.children[1])
            if not ast.is_identifier(variable):
                raise Dropped("unparseable", f"variable {variable!r}")
            body = self.formula(parts[0], bound | {variable})
            return (ast.Forall if quant == "∀" else ast.Exists)((ast.Binder(variable),), body)
        if kind == "atom":
            raw = str(tree.children[0])
            self.predicates.setdefault(raw, len(parts))
            self.arguments[raw].append(tuple(
                str(p.children[0]) if p.data == "name" and str(p.children[0]) not in bound else None
                for p in parts))
            args = tuple(self.term(p, bound) for p in parts)
            return ast.Pred(self._name(raw), args[::-1] if raw in self.swapped else args)
        if kind == "proposition":
            raw = str(tree.children[0])
            self.predicates.setdefault(raw, 0)
            return ast.Pred(self._name(raw))
        if kind == "comparison":
            op = {"≠": "!="}.get(str(tree.children[1]), str(tree.children[1]))
            return ast.Compare(op, self.term(parts[0], bound), self.term(parts[1], bound))
        raise Dropped("unparseable", f"unexpected {kind}")

    def term(self, tree: Tree, bound: frozenset[str]) -> ast.Term:
        token: Token = tree.children[0]
        if tree.data == "number":
            return ast.Num(int(token)) if "." not in token else ast.Num(Fraction(str(token)), real=True)
        raw = str(token)
        if raw in bound:
            return ast.Var(raw)
        if raw in VARIABLES:
            raise Dropped("free variable", raw)
        self.constants.add(raw)
        return ast.Const(self._name(raw))


# ---------------------------------------------------------------- the sentence's phrases


def _words_of(text: str) -> tuple[str, ...]:
    """Lower-case words as candidates spell them: possessives and articles dropped,
    split at every non-alphanumeric character ("eco-friendly" -> eco, friendly)."""
    text = re.sub(r"'s\b|'", "", text.lower())
    return tuple(w for w in re.split(r"[^a-z0-9]+", text) if w and w not in ARTICLES)


def _split_name(raw: str) -> tuple[str, ...]:
    """FOLIO name -> words: CamelCase, digits, '-', '_' and '.' split ("TypeC" -> type, c)."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", raw)
    return _words_of(spaced)


def _gerund_stems(word: str) -> list[str]:
    """Possible verbs of an -ing form: studying -> study, dancing -> dance, running -> run."""
    if not word.endswith("ing") or len(word) < 5:
        return []
    stem = word[:-3]
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "ls":
        return [stem[:-1], stem, stem + "e"]  # best first: running -> run
    with_e = len(stem) > 1 and dropped_final_e(stem)
    return [stem + "e", stem] if with_e else [stem, stem + "e"]  # living -> live, studying -> study


def _keys(word: str) -> frozenset[str]:
    """The forms a word may stand for: itself, its verb and noun lemmas, gerund stems."""
    keys = {word, lemma_of_verb(word), lemma_of_plural(word), *_gerund_stems(word)}
    if word.endswith("ies"):
        keys.add(word[:-1])  # movies -> movie
    return frozenset(keys)


def _match(a: str, b: str) -> bool:
    return not _keys(a).isdisjoint(_keys(b))


@dataclass(frozen=True)
class _Phrase:
    """One candidate span: its words and its canonical name(s) among the candidates."""

    span: tuple[int, int]
    words: tuple[str, ...]
    texts: frozenset[str]  # every candidate text of this span
    name: str | None  # the proper-name spelling, when the span is a capitalised name
    adverb_first: bool  # the candidates moved its first word last
    after_noun: bool = False  # a content word or subject comes right before it ("students learning")

    def canonical(self, hint: Iterable[str] = ()) -> str | None:
        """The canonical spelling among the span's candidates, or None.

        Preferred: verb lemma first and singular head ("drinks coffee" -> drink_coffee,
        "parents of" -> parent_of), a leading adverb moved last; the candidates change
        one word per spelling, so where both would change, the singular head wins
        ("sports cars" -> sports_car). ``hint`` (the FOLIO name's words) settles "-ies"
        plurals: movies -> movie, cities -> city.
        """
        words = list(self.words)
        adverb = [words.pop(0)] if self.adverb_first and len(words) > 1 else []
        head = max(i for i, w in enumerate(words) if w not in PREPOSITIONS or i == 0)
        if any(_gerund_stems(w) and i > 0 for i, w in enumerate(words[:-1]) if words[i + 1] in PREPOSITIONS):
            return None  # a clause inside a name: "teachers working at pools"
        if any(lemma_of_plural(w) != w for w in words[1:head]):
            return None  # a plural inside a name ("former members of"): the generator says singulars
        if len(words) == 1:  # a gerund as its verb first ("is studying" -> study)
            spellings = [[stem] for stem in _gerund_stems(words[0])] + [[_lemma(words[0], hint)]]
        elif _gerund_stems(words[0]) and (self.after_noun or adverb):
            # a verb after its subject ("students learning piano"): its lemma, never the -ing form
            spellings = [[stem, *words[1:]] for stem in _gerund_stems(words[0])]
        else:
            first = [lemma_of_verb(words[0]), *words[1:]]
            singular = list(words)
            if head > 0:
                singular[head] = _lemma(words[head], hint, verb=False)
            else:
                singular = first
            both = [first[0], *singular[1:]]
            # Where both words change and "both" is no candidate, the singular head wins only
            # for a noun modifier ("All sports cars"), never after a subject ("it eats other animals").
            spellings = [both] + ([singular] if not self.after_noun else []) if both != words else [words]
        for spelling in spellings:
            text = "_".join(spelling + adverb)
            if text in self.texts:
                return text
        return None

    @property
    def written(self) -> str:
        return "_".join(self.words)


def _after_noun(before: str) -> bool:
    """Whether the text before a phrase ends in a subject: a pronoun or a content word
    ("it eats", "students learning"), not a function word, punctuation or "is"."""
    words = _WORD.findall(before)
    if not words or not words[-1].isalpha():
        return False
    word = words[-1].lower()
    return word in _SUBJECTS or word not in _FUNCTION_WORDS | _BE | _HAVE | _LOOK_PAST


def _lemma(word: str, hint: Iterable[str], *, verb: bool = True) -> str:
    if verb and word in _IRREGULAR_VERBS:
        return lemma_of_verb(word)
    if word.endswith("ies") and word[:-1] in set(hint):
        return word[:-1]
    return lemma_of_plural(word)


def _phrases(sentence: str, candidates: CandidateSet) -> list[_Phrase]:
    by_span: dict[tuple[int, int], list[int]] = defaultdict(list)
    for index, item in enumerate(candidates.items):
        if item.kind == NAME and item.span is not None:
            by_span[item.span].append(index)
    phrases = []
    for span, indices in sorted(by_span.items()):
        words = _words_of(sentence[span[0]:span[1]])
        if not words:
            continue
        tags = {t for i in indices for t in candidates.tags[i]}
        names = [candidates.items[i].text for i in indices if "name" in candidates.tags[i]]
        phrases.append(_Phrase(span, words, frozenset(candidates.items[i].text for i in indices),
                               names[0] if names else None, "adverb_last" in tags,
                               _after_noun(sentence[:span[0]])))
    return phrases


# ---------------------------------------------------------------- choosing names


@dataclass(frozen=True)
class _Options:
    """The names a FOLIO symbol may take in one sentence, best first (score, text)."""

    raw: str
    ranked: tuple[tuple[int, str], ...]

    def best(self) -> str:
        if not self.ranked:
            raise Dropped("unmapped name", self.raw)
        top = self.ranked[0][0]
        texts = {text for score, text in self.ranked if score == top}
        if len(texts) > 1:
            raise Dropped("ambiguous name", " / ".join(sorted(texts)))
        return texts.pop()


def _predicate_options(raw: str, arity: int, phrases: list[_Phrase], sentence: str,
                       claimed: set[str]) -> _Options:
    """A unary or 0-ary predicate: the longest phrase holding all its words whose other
    words no other symbol claims, that starts with its words (or a movable adverb) and
    ends where the English phrase ends (not on a dangling preposition, not cut short by
    the candidates' length limit); a relation: a phrase of exactly its words."""
    wanted = [w for w in _split_name(raw) if w not in _STOP_WORDS]
    if not wanted:
        return _Options(raw, ())
    scored = set()
    for phrase in phrases:
        if not all(any(_match(w, p) for p in phrase.words) for w in wanted):
            continue
        extras = [p for p in phrase.words if not any(_match(w, p) for w in wanted)]
        if len(phrase.words) - len(extras) > len(wanted):  # a word said twice: two mentions
            continue
        leading = phrase.words[0] in extras and not phrase.adverb_first
        if extras and (arity > 1 or leading or any(_claimed(e, claimed) for e in extras)
                       or phrase.words[-1] in PREPOSITIONS
                       or _cut_short(phrase, phrases, sentence, claimed)):
            continue
        text = phrase.canonical(wanted)
        if text is not None:  # FOLIO's words side by side and in its order, then longer
            matched = [i for i, p in enumerate(phrase.words) if p not in extras]
            side_by_side = matched[-1] - matched[0] == len(matched) - 1
            scored.add(((side_by_side, _in_order(wanted, phrase.words), len(phrase.words)), text))
    return _Options(raw, _ranked(scored))


def _cut_short(phrase: _Phrase, phrases: list[_Phrase], sentence: str, claimed: set[str]) -> bool:
    """Whether the English phrase goes on after ``phrase`` with a word no symbol claims
    ("compete in horse dressage | shows"): only articles and prepositions lie between."""
    following = [q for q in phrases if q.span[0] >= phrase.span[1]]
    if not following:
        return False
    nearest = min(following, key=lambda q: q.span)
    between = sentence[phrase.span[1]:nearest.span[0]]
    if re.search(r"[^\w\s-]", between) or any(w not in PREPOSITIONS for w in _words_of(between)):
        return False
    return not _claimed(nearest.words[0], claimed)


def _ranked(scored: set) -> tuple:
    """Best score first; equal scores alphabetically (ties are reported, never guessed)."""
    return tuple(sorted(sorted(scored, key=lambda s: s[1]), key=lambda s: s[0], reverse=True))


def _in_order(wanted: list[str], words: tuple[str, ...]) -> bool:
    positions = [next(i for i, p in enumerate(words) if _match(w, p)) for w in wanted]
    return positions == sorted(positions)


def _claimed(word: str, claimed: set[str]) -> bool:
    return any(_match(word, c) for c in claimed)


def _constant_options(raw: str, phrases: list[_Phrase]) -> _Options:
    """A constant: the phrase spelling it, a proper name first (``dagfinnAarskog`` ->
    ``dagfinn_aarskog``), else a phrase of exactly its words as written."""
    squashed = re.sub(r"[^a-z0-9]", "", raw.lower())
    words = _split_name(raw)
    scored = set()
    for phrase in phrases:
        if phrase.name and re.sub(r"[^a-z0-9]", "", phrase.name) == squashed:
            scored.add((2, phrase.name))
        elif phrase.written.replace("_", "") == squashed or (
                len(phrase.words) == len(words) and all(map(_match, words, phrase.words))):
            if phrase.written in phrase.texts:
                scored.add((1, phrase.written))
    return _Options(raw, _ranked(scored))


@dataclass
class _Premise:
    """One premise on its way through the conversion."""

    sentence: str
    fol: str
    story: str
    folio: FolioFormula | None = None
    candidates: CandidateSet | None = None
    phrases: list[_Phrase] = field(default_factory=list)
    options: dict[str, _Options] = field(default_factory=dict)
    known: frozenset[str] = frozenset()  # words of the data set, to settle past-tense lemmas


def _prepare(premise: _Premise) -> None:
    premise.folio = read_folio(premise.fol)
    premise.candidates = open_candidates(premise.sentence)
    premise.phrases = _phrases(premise.sentence, premise.candidates)
    generic = _has_generic_word(premise.sentence)
    words_of = {raw: set(_split_name(raw)) for raw in [*premise.folio.predicates, *premise.folio.constants]}
    for raw, arity in premise.folio.predicates.items():
        if generic and _split_name(raw) in _GENERIC_PREDICATES:
            continue
        claimed = set().union(*(words for other, words in words_of.items() if other != raw))
        premise.options[raw] = _predicate_options(raw, arity, premise.phrases, premise.sentence, claimed)
    for raw in premise.folio.constants:
        premise.options[raw] = _constant_options(raw, premise.phrases)


def _has_generic_word(sentence: str) -> bool:
    return not _GENERIC_WORDS.isdisjoint(re.findall(r"[a-z]+", sentence.lower()))


def _story_names(premises: list[_Premise]) -> dict[str, str]:
    """One name per FOLIO predicate across a story, where one name fits all its sentences."""
    sentences: dict[str, list[_Options]] = defaultdict(list)
    for premise in premises:
        for raw, options in premise.options.items():
            if raw in premise.folio.predicates and options.ranked:
                sentences[raw].append(options)
    shared = {}
    for raw, all_options in sentences.items():
        common = set.intersection(*({text for _, text in o.ranked} for o in all_options))
        if len(all_options) < 2 or not common:
            continue
        best = {}  # text -> the worst rank it has in any sentence (prefer names good everywhere)
        for options in all_options:
            for rank, (score, text) in enumerate(options.ranked):
                if text in common:
                    best[text] = max(best.get(text, 0), rank)
        ordered = sorted(common, key=lambda t: (best[t], t))
        if len(ordered) == 1 or best[ordered[0]] < best[ordered[1]]:
            shared[raw] = ordered[0]
    return shared


def _finish(premise: _Premise, shared: Mapping[str, str]) -> FolioPair:
    """The premise's pair with its names chosen and every check passed, or ``Dropped``."""
    names = {}
    for raw, options in premise.options.items():
        names[raw] = shared[raw] if raw in shared and options.ranked else options.best()
    for raw in premise.folio.predicates:
        names.setdefault(raw, _GENERIC_MARK)  # a generic predicate, removed below
    chosen = [name for name in names.values() if name != _GENERIC_MARK]
    if len(set(chosen)) < len(chosen):
        raise Dropped("name clash", ", ".join(f"{k}->{v}" for k, v in names.items()))
    _check_coverage(premise, set(names.values()))
    names, swapped = _tense_and_voice(premise, names)
    formula = _Reader(names, swapped).formula(premise.folio.tree, frozenset())
    formula = _quantifier_shape(_without_generic(formula))
    if any(_existential_implication(n) for n in ast.walk(formula)):
        # "∃x (A(x) → B(x))" is a known FOLIO slip for "some A are B": not trusted either way
        raise Dropped("existential implication")
    if any(isinstance(node, ast.BoolConst) for node in ast.walk(formula)):
        raise Dropped("generic predicate", "a person/thing predicate does not simplify away")
    try:
        formula = canonical_variables(formula)
        lf = to_text(formula)
        typecheck(formula, infer_signature([(formula, "<folio>", lf)]), source=lf)
        lf_to_actions(lf, premise.candidates.items)
    except (NeurosymError, ValueError) as exc:
        raise Dropped("check failed", str(exc).splitlines()[0]) from None
    return FolioPair(premise.sentence, lf, premise.story, premise.fol)


# ---------------------------------------------------------------- tense and voice

_BE = frozenset("is are was were be been being am isn't aren't wasn't weren't".split())
_HAVE = frozenset("have has had having haven't hasn't hadn't".split())
_SUBJECTS = frozenset("he she it they we i you who that which whoever".split())
# Words between a subject or auxiliary and its verb ("was also ran and owned by").
_LOOK_PAST = frozenset("not never also often always already then and or both either neither".split())
_FUNCTION_WORDS = PREPOSITIONS | ARTICLES | frozenset("""if when whenever unless because while
before since although though once until whether no all some every each any many most""".split())
_WORD = re.compile(r"[A-Za-z0-9]+(?:[-'][A-Za-z0-9]+)*|[^\sA-Za-z0-9]")
_KNOWN_VERBS = frozenset(verb for verb, _ in VERBS)


def _symbol_of(word: str) -> str:
    return "_".join(w for w in re.split(r"[^a-z0-9]+", word.lower().replace("'", "")) if w)


def past_lemma(word: str, known: Iterable[str] = ()) -> str | None:
    """The verb lemma of a simple past or past participle, or None when it is no past
    form or its spelling allows two lemmas that nothing settles.

    Only lemmas that ``morphology`` says back as ``word`` count ("hoped" is not "hop");
    a lemma among ``known`` words (or the lexicon's verbs) wins; else English spelling
    decides whether a final "e" was dropped (produced -> produce, directed -> direct).
    A hyphenated word changes its last part: co-produced -> co-produce.

    >>> past_lemma("won"), past_lemma("directed"), past_lemma("co-produced"), past_lemma("born")
    ('win', 'direct', 'co-produce', None)
    """
    head, dash, last = word.lower().rpartition("-")
    options = lemmas_of_past(last)
    if last.endswith("ied") and len(last) <= 5:  # died, tied, lied
        options = [last[:-1]]
    lemmas = [lemma for lemma in dict.fromkeys(options)
              if last in (past_tense(lemma), past_participle(lemma))]
    if len(lemmas) > 1:
        known = _KNOWN_VERBS | set(known)
        found = [lemma for lemma in lemmas if lemma in known or third_person(lemma) in known]
        if len(found) == 1:
            lemmas = found
        elif last[:-3] in lemmas:
            lemmas = [last[:-3]]  # the doubling the morphology writes: stopped -> stop
        elif last.endswith("ed") and last[:-1] in lemmas and last[:-2] in lemmas:
            final_e = dropped_final_e(last[:-2])
            lemmas = [] if final_e is None else [last[:-1] if final_e else last[:-2]]
    return head + dash + lemmas[0] if len(lemmas) == 1 else None


def _voice(sentence: str, span: tuple[int, int]) -> str:
    """How the phrase at ``span`` uses its past form: "active" (after a subject or "have"),
    "agent" (a passive followed by "by"), else "passive" (after "be", or a participle used
    as an adjective: "if not treated", "cold-blooded animals")."""
    inside = [w.lower() for w in _WORD.findall(sentence[span[0]:span[1]])]
    after = [w.lower() for w in _WORD.findall(sentence[span[1]:])]
    if "by" in inside or after[:1] == ["by"]:
        return "agent"
    before = _WORD.findall(sentence[:span[0]])
    while before and (before[-1].lower() in _LOOK_PAST or before[-1].lower().endswith("ly")
                      or lemmas_of_past(before[-1].lower()) and before[-1].lower() not in _BE | _HAVE):
        before.pop()  # "was ran and owned", "have also registered", "highly acclaimed"
    if not before:
        return "passive"
    word = before[-1]
    if word.lower() in _BE:
        return "passive"
    if word.lower() in _HAVE or word.lower() in _SUBJECTS or word[0].isupper() and len(before) > 1:
        return "active"  # "he debuted", "have won", "Andy Chang directed"
    if word.isalpha() and word.lower() not in _FUNCTION_WORDS and not (_BE | _HAVE).intersection(w.lower() for w in _WORD.findall(sentence)):
        return "active"  # "87 countries won ...": the sentence has no other verb
    return "passive"  # "tourist attractions located in Paris", "if not treated"


def _tense_and_voice(premise: _Premise, names: Mapping[str, str]) -> tuple[dict[str, str], frozenset[str]]:
    """Names with tense and voice as the generator writes them, and the predicates whose
    arguments swap: an active past is its verb lemma ("won" -> win); a passive with its
    agent in the logic is the active relation, agent first ("was written by" -> write);
    a passive without one keeps its participle ("filmed_in", like "born_in"), unless the
    sentence names an agent the logic leaves out ("respected by others": dropped)."""
    names, swapped = dict(names), set()
    texts = {item.text for item in premise.candidates.items}
    for raw, name in list(names.items()):
        if raw not in premise.folio.predicates or name == _GENERIC_MARK:
            continue
        readings = {_reading(premise, phrase, name) for phrase in premise.phrases if name in phrase.texts}
        if len(readings) != 1:
            raise Dropped("ambiguous voice", name)
        (reading,) = readings
        if reading is None:
            continue
        word, lemma, voice = reading
        if voice == "passive":
            if "by" in name.split("_"):
                raise Dropped("passive agent not in logic", name)
            continue
        if lemma is None:
            raise Dropped("uncertain lemma", word)
        rest = name[len(_symbol_of(word)):]
        if voice == "agent":
            if premise.folio.predicates[raw] != 2 or rest not in ("", "_by") and not rest.endswith("_by"):
                raise Dropped("passive agent not in logic", name)
            rest = rest.removesuffix("_by")
            if _agent_position(premise, raw, names) == 1:
                swapped.add(raw)
        names[raw] = _symbol_of(lemma) + rest
        if names[raw] not in texts:
            raise Dropped("lemma not a candidate", names[raw])
    return names, frozenset(swapped)


def _reading(premise: _Premise, phrase: _Phrase, name: str) -> tuple[str, str | None, str] | None:
    """(past word, its lemma, voice) when ``name`` starts with a past form, else None."""
    words = _WORD.findall(premise.sentence[phrase.span[0]:phrase.span[1]])
    for word in words[1 if phrase.adverb_first else 0:][:1]:
        symbol = _symbol_of(word)
        if lemmas_of_past(word.lower().rpartition("-")[2]) and (name == symbol or name.startswith(symbol + "_")):
            return word, past_lemma(word, premise.known), _voice(premise.sentence, phrase.span)
    return None


def _agent_position(premise: _Premise, raw: str, names: Mapping[str, str]) -> int:
    """Which argument of a passive relation is its agent: the constant the sentence names
    right after "by"; else the second, where FOLIO's name says "...By"."""
    after_by = [m.end() for m in re.finditer(r"\bby\s+(?:(?:the|a|an)\s+)?", premise.sentence, re.I)]
    agents = {p.span[0] for p in premise.phrases if p.span[0] in after_by}
    positions = set()
    for arguments in premise.folio.arguments[raw]:
        spoken = [i for i, arg in enumerate(arguments) if arg is not None and any(
            names[arg] in p.texts and p.span[0] in agents for p in premise.phrases)]
        positions.update(spoken)
    if len(positions) == 1:
        return positions.pop()
    if not positions and _split_name(raw)[-1:] == ("by",):
        return 1
    raise Dropped("passive agent unknown", raw)


# ---------------------------------------------------------------- quantifier shape


def _quantifier_shape(node: ast.Formula) -> ast.Formula:
    """Quantifiers where the conventions put them: ``exists y. A -> B`` with y not in A is
    ``A -> (exists y. B)`` (FOLIO writes ``∀x ∃y (A(x) → B(x, y))``); nested quantifiers
    of one kind are one (``forall x. forall y.`` is ``forall x, y.``). A quantifier whose
    variable the body does not use is dropped as a slip."""
    node = ast.map_children(node, _quantifier_shape)
    if not isinstance(node, (ast.Forall, ast.Exists)):
        return node
    bound = {b.name for b in node.binders}
    used = {n.name for n in ast.walk(node.body) if isinstance(n, ast.Var)}
    if not bound <= used:
        raise Dropped("vacuous quantifier", ", ".join(sorted(bound - used)))
    body = node.body
    if isinstance(node, ast.Exists) and isinstance(body, ast.Implies) and not bound & {
            n.name for n in ast.walk(body.left) if isinstance(n, ast.Var)}:
        return ast.Implies(body.left, _quantifier_shape(ast.Exists(node.binders, body.right)))
    if type(body) is type(node):
        if bound & {b.name for b in body.binders}:
            raise Dropped("vacuous quantifier", ", ".join(sorted(bound)))
        return type(node)(node.binders + body.binders, body.body)
    return node


def _existential_implication(node: ast.Node) -> bool:
    """``exists x. A(x) -> B``; harmless (``A -> exists x. B``) when A does not mention x."""
    if not (isinstance(node, ast.Exists) and isinstance(node.body, ast.Implies)):
        return False
    bound = {b.name for b in node.binders}
    return any(isinstance(n, ast.Var) and n.name in bound for n in ast.walk(node.body.left))


def _without_generic(node: ast.Formula) -> ast.Formula:
    """Remove the placeholder atoms of generic predicates: ``person(x) and p(x)`` -> ``p(x)``,
    ``person(x) -> p(x)`` -> ``p(x)``. Left-over ``true``/``false`` mark a failure."""
    true = ast.BoolConst(True)
    if isinstance(node, ast.Pred):
        return true if node.name == _GENERIC_MARK else node
    if isinstance(node, (ast.And, ast.Or)):
        args = [_without_generic(a) for a in node.args]
        if isinstance(node, ast.Or) and true in args:
            return true
        args = [a for a in args if a != true]
        return true if not args else args[0] if len(args) == 1 else type(node)(tuple(args))
    if isinstance(node, ast.Implies):
        left, right = _without_generic(node.left), _without_generic(node.right)
        return right if left == true else true if right == true else ast.Implies(left, right)
    if isinstance(node, (ast.Forall, ast.Exists)):
        body = _without_generic(node.body)
        return true if body == true else type(node)(node.binders, body)
    return ast.map_children(node, _without_generic)


def _check_coverage(premise: _Premise, names: set[str]) -> None:
    """Drop premises whose logic leaves out much of the sentence: the phrases spelling the
    chosen names must cover at least MIN_COVERAGE of its content words."""
    words = [p for p in premise.phrases if len(p.words) == 1 or p.name]
    chosen = [p.span for p in premise.phrases if p.texts & names]
    if not words:
        return
    covered = sum(any(a <= p.span[0] and p.span[1] <= b for a, b in chosen) for p in words)
    if covered < MIN_COVERAGE * len(words):
        raise Dropped("lossy logic", f"names cover {covered} of {len(words)} content words")


# ---------------------------------------------------------------- stories and files


def convert_story(premises: Iterable[tuple[str, str]], story_id: str = "folio-0",
                  dropped: Counter | None = None, known: Iterable[str] = ()) -> list[FolioPair]:
    """Pairs for one story's ``(sentence, FOLIO logic)`` premises; drop reasons counted
    into ``dropped`` when given. ``known`` words (lower case) settle past-tense lemmas
    that spelling leaves open ("debuted": debut, as "debut" is a known word)."""
    dropped = Counter() if dropped is None else dropped
    known = frozenset(known)
    ready = []
    for sentence, fol in premises:
        premise = _Premise(sentence.strip(), fol.strip(), story_id, known=known)
        try:
            _prepare(premise)
        except Dropped as exc:
            dropped[exc.reason] += 1
            continue
        ready.append(premise)
    shared = _story_names(ready)
    pairs = []
    for premise in ready:
        try:
            pairs.append(_finish(premise, shared))
        except Dropped as exc:
            dropped[exc.reason] += 1
    return pairs


def convert_folio(path: str | Path, *, part: str = "train") -> FolioConversion:
    """The pairs of one part's stories, with counts of what was dropped and why.

    ``part`` is "train" or "validation"; the "test" stories are never read into pairs.
    Each distinct premise sentence is converted once (the first story that states it);
    one that a "test" story also states is left out.
    """
    if part not in TRAINABLE_PARTS:
        raise ValueError(f"part must be one of {TRAINABLE_PARTS}; the test stories are never trained on")
    records = [record for _, record in iter_jsonl(path)]
    parts = {id(r): split_of({"theory": f"folio-{r['story_id']}"}) for r in records}
    # A premise that a test story also states stays out, so nothing reported on is trained on.
    held_out = {p.strip() for r in records if parts[id(r)] == "test" for p in r.get("premises", [])}
    stories: dict[str, list[tuple[str, str]]] = defaultdict(list)
    seen: set[str] = set()
    dropped: Counter = Counter()
    for record in records:
        if parts[id(record)] != part:
            continue
        story = f"folio-{record['story_id']}"
        premises, logic = record.get("premises", []), record.get("premises-FOL", [])
        for sentence, fol in zip(premises, logic) if len(premises) == len(logic) else ():
            if sentence.strip() and sentence.strip() not in seen:
                seen.add(sentence.strip())
                if sentence.strip() in held_out:
                    dropped["also in a test story"] += 1
                else:
                    stories[story].append((sentence, fol))
        for sentence in premises if len(premises) != len(logic) else ():
            if sentence.strip() and sentence.strip() not in seen:
                seen.add(sentence.strip())
                dropped["no aligned logic"] += 1
    known = frozenset(word.lower() for record in records if parts[id(record)] in TRAINABLE_PARTS
                      for text in [*record.get("premises", []), record.get("conclusion", "")]
                      for word in _WORD.findall(text))
    pairs = [pair for story, premises in stories.items()
             for pair in convert_story(premises, story, dropped, known)]
    return FolioConversion(tuple(pairs), len(seen), dict(dropped))


def folio_pairs(path: str | Path, *, part: str = "train") -> list[FolioPair]:
    """(sentence, LF) training pairs from FOLIO premises of one part (see ``convert_folio``)."""
    return list(convert_folio(path, part=part).pairs)
