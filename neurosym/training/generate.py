"""Synthetic (sentence, LF) pairs for training the semantic parser, and LF -> English.

Each pair comes from one construct (``neurosym.training.constructs``): its sampler draws
an LF over a vocabulary, one of its templates says it in English. The LF is the
canonical text of ``neurosym.logic.printer.to_text``, so it parses back to the same
tree. Everything is seeded: the same arguments give the same pairs.

>>> generate_pairs(2, seed=0)[0]
Pair(sentence='Kenji is a tree.', lf='tree(kenji)', construct='fact_property', template='fact_property/plain')

Open mode draws a small vocabulary from the lexicon for every pair; schema-guided mode
(``theory=...``) says the theory's symbols through their glosses. ``realize`` and
``paraphrases`` say a given LF with the same templates. ``sample_problem`` draws a whole
problem over one vocabulary: its ``label`` stays None here; labelling by the reasoner is
a later step that fills it (the seam is ``Problem.with_label``).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from typing import Iterable, Sequence

from ..errors import closest_name
from ..logic import ast
from ..logic.parser import parse_formula
from ..logic.printer import to_text
from ..parser.candidates import gloss_words, said_by_glosses
from ..rules.model import Theory
from .constructs import BY_TAG, CONSTRUCT_TAGS, CONSTRUCTS, Construct
from .english import Speaker, sentence
from .lexicon import DEFAULT_LEXICON, Lexicon
from .morphology import with_article
from .sampling import Draw, NotApplicable
from .schema import schema_vocabulary, with_names
from .vocabulary import (
    Attribute, Entity, Predicate, Proposition, Unrealizable, VerbPhrase, Vocabulary,
)

__all__ = [
    "Pair", "Realization", "Problem", "generate_pairs", "iter_pairs", "realize", "paraphrases",
    "sample_formula", "sample_problem", "realize_problem", "vocabulary_for",
]

# How often to retry a construct whose sampler or templates refuse before moving on.
_ATTEMPTS = 12


@dataclass(frozen=True)
class Pair:
    """One training example: an English sentence and its LF (canonical text)."""

    sentence: str
    lf: str
    construct: str
    template: str = ""  # "construct/template", the surface form used

    def to_dict(self) -> dict:
        return {"sentence": self.sentence, "lf": self.lf, "construct": self.construct,
                "template": self.template}


@dataclass(frozen=True)
class Realization:
    """An LF said in English by one template."""

    sentence: str
    construct: str
    template: str


# ---------------------------------------------------------------- realizing one LF


def _templates_of(construct: Construct, allowed: frozenset[str] | None):
    return [(f"{construct.tag}/{name}", fn) for name, fn in construct.templates
            if allowed is None or f"{construct.tag}/{name}" in allowed]


def _say(formula: ast.Formula, vocab: Vocabulary, rng: random.Random,
         constructs: Sequence[Construct], allowed: frozenset[str] | None) -> Realization:
    """The first template (in random order) of the given constructs that can say ``formula``."""
    candidates = [(c.tag, tid, fn) for c in constructs for tid, fn in _templates_of(c, allowed)]
    rng.shuffle(candidates)
    for tag, template_id, fn in candidates:
        try:
            return _say_with(formula, vocab, rng, tag, [(template_id, fn)])
        except Unrealizable:
            continue
    raise Unrealizable(f"no template can say {to_text(formula)}")


def _say_with(formula: ast.Formula, vocab: Vocabulary, rng: random.Random, tag: str,
              templates: Sequence[tuple[str, object]]) -> Realization:
    """The first of ``templates`` (in random order) that can say ``formula``."""
    order = list(templates)
    rng.shuffle(order)
    for template_id, fn in order:
        speaker = Speaker(vocab, random.Random(rng.random()), formula)
        try:
            return Realization(sentence(fn(formula, speaker)), tag, template_id)
        except Unrealizable:
            continue
    raise Unrealizable(f"no template can say {to_text(formula)}")


def realize(formula: ast.Formula | str, vocab: Vocabulary | None = None, *, seed: int = 0,
            construct: str | None = None, templates: Iterable[str] | None = None) -> Realization:
    """Say an LF in English.

    ``vocab`` gives the words for its symbols (default: ``vocabulary_for(formula)``, the
    lexicon's words and a guess from the name for the rest). ``construct`` and
    ``templates`` restrict the surface forms. Raises Unrealizable when no template fits.

    >>> realize("forall x. dog(x) -> not big(x)", construct="no_noun", seed=1).sentence
    'Nothing that is a dog is big.'
    """
    formula = parse_formula(formula) if isinstance(formula, str) else formula
    vocab = vocab if vocab is not None else vocabulary_for(formula)
    constructs = [_construct(construct)] if construct else list(CONSTRUCTS)
    allowed = frozenset(templates) if templates is not None else None
    return _say(formula, vocab, random.Random(seed), constructs, allowed)


def paraphrases(formula: ast.Formula | str, vocab: Vocabulary | None = None, *, n: int = 5,
                seed: int = 0) -> list[str]:
    """Up to ``n`` different English sentences that all mean ``formula``.

    >>> paraphrases("forall x. red(x) -> big(x)", n=3)
    ['Whenever someone is red, they are big.', 'If someone is red, they are big.', 'People who are red are big.']
    """
    formula = parse_formula(formula) if isinstance(formula, str) else formula
    vocab = vocab if vocab is not None else vocabulary_for(formula)
    rng = random.Random(seed)
    found: list[str] = []
    for _ in range(n * 10):
        try:
            said = _say(formula, vocab, rng, CONSTRUCTS, None).sentence
        except Unrealizable:
            break
        if said not in found:
            found.append(said)
            if len(found) == n:
                break
    return found


def vocabulary_for(formula: ast.Formula, *, base: Vocabulary | None = None,
                   lexicon: Lexicon = DEFAULT_LEXICON) -> Vocabulary:
    """A vocabulary covering every symbol of ``formula``: ``base`` first, then the
    lexicon's entry of that name, then a phrasing guessed from the name itself."""
    base = base or Vocabulary()
    known = {item.name: item for item in (*base.predicates, *base.entities, *base.attributes,
                                          *base.propositions)}
    entries = _lexicon_index(lexicon)
    added: dict[str, object] = {}
    for node in ast.walk(formula):
        if not isinstance(node, (ast.Pred, ast.Const, ast.FuncApp)) or node.name in known \
                or node.name in added:
            continue
        added[node.name] = _entry_for(node, entries)
    items = [*known.values(), *added.values()]
    return Vocabulary(
        tuple(i for i in items if isinstance(i, Predicate)),
        tuple(i for i in items if isinstance(i, Entity)),
        tuple(i for i in items if isinstance(i, Attribute)),
        tuple(i for i in items if isinstance(i, Proposition)),
    )


def _lexicon_index(lexicon: Lexicon) -> dict[tuple[str, str], object]:
    index: dict[tuple[str, str], object] = {}
    for pool in (lexicon.adjectives, lexicon.nouns, lexicon.verbs, lexicon.relations,
                 lexicon.activities):
        for p in pool:
            index[("pred", p.name)] = p
    for p in lexicon.nouns:
        index[("const", p.name)] = Entity(p.name, "the " + p.noun, "it")
    for e in (*lexicon.people, *lexicon.places):
        index[("const", e.name)] = e
    for a in lexicon.attributes:
        index[("func", a.name)] = a
    for p in lexicon.propositions:
        index[("prop", p.name)] = p
    return index


def _entry_for(node, entries):
    words = node.name.replace("_", " ")
    if isinstance(node, ast.Const):
        return entries.get(("const", node.name)) or Entity(node.name, words.title(), "it")
    if isinstance(node, ast.FuncApp):
        return entries.get(("func", node.name)) or Attribute(
            node.name, words, (VerbPhrase("have", f"{with_article(words)} of {{value}}"),))
    if not node.args:
        return entries.get(("prop", node.name)) or Proposition(
            node.name, f"it is {words}", f"it is not {words}")
    found = entries.get(("pred", node.name))
    if isinstance(found, Predicate) and found.arity == len(node.args):
        return found
    if len(node.args) == 1:
        return Predicate(node.name, 1, (VerbPhrase("be", words),),
                         adjective=words if " " not in words else None)
    if len(node.args) == 2:
        return Predicate(node.name, 2, (_guess_relation(words, entries),))
    raise Unrealizable(f"{node.name} has {len(node.args)} arguments; only 0 to 2 can be said")


# ---------------------------------------------------------------- generating pairs


def _guess_relation(words: str, entries) -> VerbPhrase:
    """ "write" -> "writes {1}", "live in" -> "lives in {1}", "afraid of" -> "is afraid of {1}"."""
    first, _, rest = words.partition(" ")
    known_verbs = {p.phrases[0].verb for key, p in entries.items()
                   if key[0] == "pred" and not p.phrases[0].is_copula}
    if not rest or first in known_verbs:
        return VerbPhrase(first, f"{rest} {{1}}".strip())
    return VerbPhrase("be", f"{words} {{1}}")


def _construct(tag: str) -> Construct:
    if tag not in BY_TAG:
        suggestion = closest_name(tag, BY_TAG)
        hint = f"; did you mean {suggestion!r}?" if suggestion else f"; constructs: {', '.join(BY_TAG)}"
        raise ValueError(f"unknown construct {tag!r}{hint}")
    return BY_TAG[tag]


def sample_formula(construct: str, vocab: Vocabulary, rng: random.Random) -> ast.Formula:
    """An LF of the shape of ``construct`` over ``vocab`` (NotApplicable if it cannot)."""
    return _construct(construct).sample(Draw(rng, vocab))


class _Source:
    """Where vocabularies come from: a fresh draw from the lexicon, or the theory's."""

    def __init__(self, theory: Theory | None, lexicon: Lexicon, invented: float, coined: float = 0.0):
        self.lexicon = lexicon
        self.invented = invented
        self.coined = coined
        self.schema = schema_vocabulary(theory) if theory is not None else None
        # Nouns a description may not use: schema-guided candidates end a description there.
        said = gloss_words(theory) if theory is not None else frozenset()
        self.description_stops = frozenset(word for noun in lexicon.nouns for word in noun.noun.split()
                                           if said_by_glosses(word, said))

    def draw(self, rng: random.Random) -> Vocabulary:
        if self.schema is not None:
            return with_names(self.schema, rng, lexicon=self.lexicon, avoid=self.description_stops)
        return self.lexicon.draw(rng, invented=self.invented, coined=self.coined)


def _one_pair(construct: Construct, source: _Source, rng: random.Random,
              allowed: frozenset[str] | None) -> Pair | None:
    """A pair of ``construct``: a template is picked first, so that every surface form is
    about as frequent as the others; if no sampled LF fits it, any template may say one."""
    templates = _templates_of(construct, allowed)
    if not templates:
        return None
    chosen = [rng.choice(templates)]
    for attempt in range(2 * _ATTEMPTS):
        vocab = source.draw(rng)
        try:
            formula = construct.sample(Draw(rng, vocab))
        except NotApplicable:
            continue
        candidates = chosen if attempt < _ATTEMPTS else templates
        try:
            said = _say_with(formula, vocab, rng, construct.tag, candidates)
        except Unrealizable:
            continue
        return Pair(said.sentence, to_text(formula), construct.tag, said.template)
    return None


def iter_pairs(*, seed: int, theory: Theory | None = None, lexicon: Lexicon | None = None,
               constructs: Iterable[str] | None = None, templates: Iterable[str] | None = None,
               invented: float = 0.2, coined: float = 0.0):
    """An endless stream of pairs (see ``generate_pairs``), constructs in shuffled rounds."""
    rng = random.Random(seed)
    source = _Source(theory, lexicon or DEFAULT_LEXICON, invented, coined)
    chosen = [_construct(tag) for tag in (constructs or CONSTRUCT_TAGS)]
    allowed = frozenset(templates) if templates is not None else None
    while True:
        order = chosen[:]
        rng.shuffle(order)
        produced = 0
        for construct in order:
            pair = _one_pair(construct, source, rng, allowed)
            if pair is not None:
                produced += 1
                yield pair
        if not produced:
            raise ValueError("no construct can be generated from this vocabulary and these templates")


def generate_pairs(n: int, *, seed: int, theory: Theory | None = None,
                   lexicon: Lexicon | None = None, constructs: Iterable[str] | None = None,
                   templates: Iterable[str] | None = None, invented: float = 0.2,
                   coined: float = 0.0) -> list[Pair]:
    """``n`` (sentence, LF) pairs, reproducible from ``seed``.

    Constructs come in shuffled rounds, so any ``n`` at least the number of constructs
    covers each one the vocabulary allows. ``theory`` switches to schema-guided mode;
    ``lexicon`` (e.g. one side of ``split_vocabulary``) and ``templates`` (template ids,
    e.g. one side of ``split_templates``) restrict the words and surface forms;
    ``invented`` is the share of made-up words in open mode, ``coined`` the share of
    those coined fresh for the sentence (``neurosym.training.coinage``) rather than taken
    from the lexicon's fixed list.
    """
    stream = iter_pairs(seed=seed, theory=theory, lexicon=lexicon, constructs=constructs,
                        templates=templates, invented=invented, coined=coined)
    return [next(stream) for _ in range(n)]


# ---------------------------------------------------------------- whole problems


@dataclass(frozen=True)
class Problem:
    """Context sentences and a question over one vocabulary, with their LFs.

    ``label`` ("True" / "False" / "Unknown" under ``semantics``) is None until a
    labeller runs the reasoner on ``context`` and ``question``: that is the next step,
    and ``with_label`` is where it plugs in.
    """

    context: tuple[Pair, ...]
    question: Pair
    label: str | None = None
    semantics: str = "classical"

    def with_label(self, label: str, *, semantics: str | None = None) -> "Problem":
        return replace(self, label=label, semantics=semantics or self.semantics)

    def to_dict(self, problem_id: str) -> dict:
        """The problem format of DESIGN.md (plus the LFs, for checking)."""
        return {
            "id": problem_id,
            "context": [p.sentence for p in self.context],
            "question": self.question.sentence,
            "label": self.label,
            "semantics": self.semantics,
            "context_lfs": [p.lf for p in self.context],
            "question_lf": self.question.lf,
        }


def realize_problem(context: Sequence[ast.Formula], question: ast.Formula, vocab: Vocabulary,
                    *, seed: int = 0) -> Problem:
    """Say every context formula and the question with the same vocabulary."""
    rng = random.Random(seed)

    def pair(formula: ast.Formula) -> Pair:
        said = _say(formula, vocab, rng, CONSTRUCTS, None)
        return Pair(said.sentence, to_text(formula), said.construct, said.template)

    return Problem(tuple(pair(f) for f in context), pair(question))


# Constructs a sampled problem's context is made of, and those its question is.
_CONTEXT_CONSTRUCTS = ("fact_property", "fact_relation", "negation_is_not", "negation_does_not",
                       "all_adjectives", "bare_plural", "if_something", "if_someone",
                       "rule_constants", "every_noun", "universal_negative")
_QUESTION_CONSTRUCTS = ("fact_property", "fact_relation", "negation_is_not", "negation_does_not")


def sample_problem(seed: int, *, size: int = 8, theory: Theory | None = None,
                   lexicon: Lexicon | None = None) -> Problem:
    """A random, unlabelled problem: ``size`` context formulas and a question, one vocabulary.

    One vocabulary for the whole problem keeps one concept one name across its sentences.
    """
    rng = random.Random(seed)
    source = _Source(theory, lexicon or DEFAULT_LEXICON, 0.2)
    vocab = source.draw(rng)

    def draw(tags: Sequence[str]) -> ast.Formula:
        for _ in range(_ATTEMPTS * 4):
            try:
                return sample_formula(rng.choice(tags), vocab, rng)
            except NotApplicable:
                continue
        raise ValueError("this vocabulary cannot make a problem")

    context = [draw(_CONTEXT_CONSTRUCTS) for _ in range(size)]
    return realize_problem(context, draw(_QUESTION_CONSTRUCTS), vocab, seed=rng.randrange(2**32))

