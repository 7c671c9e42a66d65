"""English in, verdicts out: the text pipeline around the semantic parser.

    text ──split──> sentences ──parser──> readings ──unify names──> type check ──> Reasoner

``Pipeline`` is the Python API for text (``neurosym check`` with English, ``neurosym ask``
and ``neurosym eval`` use it):

>>> pipeline = Pipeline()                                   # open mode, default parser
>>> answer = pipeline.ask("Bob is big. All big things are red.", "Bob is red.",
...                       semantics="directional")
>>> answer.label, answer.verdict
('True', <Verdict.ENTAILED: 'ENTAILED'>)

What each step does:

- **split**: every statement that parses as LF is taken as LF, whole; any other is
  English, split into sentences (``neurosym.text.split_sentences``), and each sentence
  that parses as LF is again LF.
- **parse**: the English sentences go to the parser in one batch (``TextParser.parse``:
  n-best readings, best first, each type-checked on its own). Readings are cached by
  sentence, so the contexts that many questions share are parsed once.
- **unify names** (open mode's "one concept, one name" across the sentences of one
  problem): symbols of the same kind and arity whose words are the same set of lemmas
  (``drink_coffee_regularly`` / ``regularly_drink_coffee``, ``the_cat`` / ``cat``,
  ``chases`` / ``chase``, ``locked`` / ``lock``) get one name: a declared one when a
  rule file declares it, else the one most sentences use. A possessed noun alone
  (``spouse`` for "has a spouse") becomes the problem's ``have_spouse``
  (``possession_renamings``). In open mode, a verb-and-object predicate
  (``chase_bear(dog)``) becomes the relation (``chase(dog, bear)``) where the problem
  also uses the verb as a relation and the object as an individual, and an
  adjective-and-noun predicate (``cute_animal(x)``) becomes both properties
  (``cute(x) and animal(x)``) where the problem also says the adjective alone.
- **type check**: each sentence keeps its best reading that type-checks together with
  the readings already kept (the first sentences first), so a reading with the wrong
  arity for the rest of the problem gives way to the next one.
- **reason**: ``Reasoner.check``; the result shows each statement in the user's words
  (``Statement.text``, and the ``english`` of premise and claim evidence).

``check`` raises ``NotFormalizedError`` naming a sentence that no reading formalizes,
or whose best reading is under the confidence threshold. ``ask`` (and
``answer_claims``, ``check``'s claims one by one) routes instead (``neurosym.routing``):
sentences whose best reading is not confident enough, or that have none, leave the
question to the solver on the rest of the context when that decides it, else to the
neural fallback classifier, whose answer is marked as a guess; readings that compete and
disagree make the answer AMBIGUOUS.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Protocol, Sequence

from .errors import InputFormatError, LogicSyntaxError, NeurosymError, TypeCheckError
from .logic import ast
from .logic.parser import parse_formula
from .logic.printer import to_text
from .logic.signature import Signature
from .parser.candidates import ARTICLES, gerund_lemmas, lemmas_of_past
from .reasoner.result import CheckResult, EvidenceItem
from .routing import DEFAULT_THRESHOLD, Answer, read_confidently, route, rules_in_english, with_guess
from .rules.model import Theory
from .text import split_sentences
from .verdicts import Semantics, Verdict

__all__ = [
    "TextParser", "load_parser", "load_fallback", "reading_confidence", "Formalized", "NotFormalizedError",
    "TextCheck",
    "ParserUnavailableError", "Answer", "Pipeline", "statement_sentences", "is_lf",
    "with_texts", "labelled_sentences",
    "unify_symbols", "rename_symbols", "possession_renamings", "verb_object_names", "split_verb_objects",
    "adjective_noun_names", "split_adjective_nouns",
    "DOMAIN_NOUNS", "domain_restrictors", "drop_restrictors",
]

_CACHE_SIZE = 50_000  # sentences whose readings are kept (emptied when full)


class TextParser(Protocol):
    """What the pipeline needs from a semantic parser (``SemanticParser`` or a mock)."""

    def parse(self, sentences: list[str], *, theory: Theory | None = None,
              n_best: int = 4) -> list[list]:
        """For each sentence, its readings (``.text``, ``.formula``, ``.score``), best first."""
        ...


class ParserUnavailableError(NeurosymError):
    """English input needs the neural parser, and it cannot be loaded here."""


def load_parser(path: str | None = None, *, device: str = "auto", cross_check: bool = False) -> TextParser:
    """The trained semantic parser (the shipped one when ``path`` is None); ``cross_check``:
    every sentence parsed by both of its networks (``SemanticParser``).

    Imported here, not at the top, so that LF-only work never loads torch.
    """
    try:
        from .parser.semantic_parser import SemanticParser
    except ImportError as exc:
        raise ParserUnavailableError(
            f"English input needs the semantic parser, which could not be imported ({exc}); "
            "install torch and transformers, or give the statements in LF") from None
    return SemanticParser.load(path, device=device, cross_check=cross_check)


def load_fallback(path: str | None = None, *, device: str = "auto"):
    """The trained fallback classifier (the shipped one when ``path`` is None), or raise
    ``ParserUnavailableError`` when torch or transformers are missing."""
    try:
        from .fallback import FallbackClassifier
    except ImportError as exc:
        raise ParserUnavailableError(
            f"the neural fallback could not be imported ({exc}); install torch and transformers") from None
    return FallbackClassifier.load(path, device=device)


def reading_confidence(reading) -> float:
    """A reading's confidence in [0, 1]: the parser's probability of it.

    One function, so that a calibrated confidence can replace it in one place.
    """
    return min(1.0, max(0.0, math.exp(reading.score)))


@dataclass(frozen=True)
class Formalized:
    """One sentence and the formula it was read as.

    ``origin`` is "lf" (the text was LF) or "parser". ``formula`` is None when the
    sentence could not be formalized, and ``reason`` says why. ``readings`` are the
    parser's n-best, best first, as it returned them (before names were unified);
    ``options`` are the same readings as ``(formula, confidence)`` after names were
    unified across the problem (the routing looks there for competing readings). ``doubt``
    says why the parser's reading checks doubt the chosen reading ("binds 'x' and says
    nothing else of it"; ``Reading.doubt``), which is why its confidence is low;
    ``read_as`` how the sentence was read when not as written (reworded, or its clauses
    read apart at a connective; ``Reading.read_as``).
    """

    text: str
    formula: ast.Formula | None
    confidence: float
    origin: str
    readings: tuple = ()
    reason: str | None = None
    options: tuple[tuple[ast.Formula, float], ...] = ()
    doubt: str | None = None
    read_as: str | None = None

    @property
    def formalized(self) -> bool:
        return self.formula is not None

    @property
    def lf(self) -> str | None:
        return None if self.formula is None else to_text(self.formula)

    def to_dict(self) -> dict:
        data = {"text": self.text, "lf": self.lf, "confidence": round(self.confidence, 6),
                "origin": self.origin}
        if self.reason:
            data["reason"] = self.reason
        if self.doubt:
            data["doubt"] = self.doubt
        if self.read_as:
            data["read_as"] = self.read_as
        return data


@dataclass(frozen=True)
class TextCheck:
    """A check of statements in English (``Pipeline.check_text``), as ``neurosym check``
    reports it.

    When every sentence is read at least as confidently as the threshold, ``result`` is
    the solver's check on those readings. Otherwise no verdict may rest on an unsure
    reading: ``result`` is None, ``answers`` holds each claim answered as ``ask`` answers
    a question (``Pipeline.answer_claims``), ``unsure`` the sentences under the threshold,
    and the consistency of the whole set is not decided.
    """

    sentences: tuple[tuple[str, Formalized], ...]  # ("premise 1", item), ..., ("claim 1", item)
    semantics: Semantics
    threshold: float
    result: CheckResult | None = None
    answers: tuple[Answer, ...] = ()
    unsure: tuple[Formalized, ...] = ()

    @property
    def violation(self) -> bool:
        """A violation proved by the solver (never one that rests on a guess)."""
        if self.result is not None:
            return self.result.violation
        return any(answer.verdict in (Verdict.CONTRADICTED, Verdict.IMPOSSIBLE) for answer in self.proved)

    @property
    def proved(self) -> tuple[Answer, ...]:
        """The routed claims the solver decided (symbolic or mixed)."""
        return tuple(a for a in self.answers if a.method in ("symbolic", "mixed"))

    @property
    def consistency_note(self) -> str | None:
        """Why the set's consistency is not decided (None when ``result`` decides it)."""
        if self.result is not None:
            return None
        return (f"{len(self.unsure)} sentence(s) read below the confidence threshold {self.threshold:g}: "
                + "; ".join(repr(item.text) for item in self.unsure))

    def to_dict(self) -> dict:
        sentences = [{"label": label, **item.to_dict()} for label, item in self.sentences]
        if self.result is not None:
            return {**self.result.to_dict(), "sentences": sentences}
        return {"semantics": self.semantics.value, "consistency": None,
                "consistency_note": self.consistency_note, "threshold": self.threshold,
                "claims": [answer.to_dict() for answer in self.answers], "sentences": sentences}


class NotFormalizedError(InputFormatError):
    """Some sentences have no reading that type-checks; ``sentences`` lists them by label."""

    def __init__(self, sentences: Sequence[tuple[str, Formalized]]) -> None:
        self.sentences = tuple(sentences)
        lines = [f"{label}: could not formalize {item.text!r}: {item.reason}"
                 for label, item in self.sentences]
        super().__init__("\n".join(lines))


class Pipeline:
    """Statements in English or LF, checked against a theory (or none: open mode).

    ``parser`` is any ``TextParser``; by default the shipped model is loaded on the first
    English sentence (``load_parser(parser_path, device=device)``), so LF-only use never
    needs torch. ``fallback`` is the neural classifier asked where the text cannot be
    formalized (loaded the same lazy way from ``fallback_path``; ``False`` switches it
    off, and such questions stay unanswered). ``threshold`` is the calibrated confidence a
    sentence's reading needs to go to the solver (``neurosym.routing``). ``cross_check``
    has the default parser read every sentence with both its networks (twice the parsing
    time; fewer confident misreadings of unfamiliar English: docs/parser.md).
    """

    def __init__(self, theory: Theory | None = None, *, parser: TextParser | None = None,
                 parser_path: str | None = None, device: str = "auto", n_best: int = 4,
                 timeout_s: float = 10.0, reasoner=None, fallback=None, fallback_path: str | None = None,
                 threshold: float | None = None, cross_check: bool = False) -> None:
        from .reasoner import Reasoner

        threshold = DEFAULT_THRESHOLD if threshold is None else threshold
        if not 0.0 <= threshold <= 1.0:
            raise InputFormatError(f"the confidence threshold must be between 0 and 1, got {threshold}")
        self.threshold = threshold
        self._fallback = fallback
        self._fallback_path = fallback_path
        self._fallback_error: str | None = None
        self.theory = theory
        self.n_best = n_best
        self.reasoner = reasoner if reasoner is not None else Reasoner(theory, timeout_s=timeout_s)
        self._parser = parser
        self._parser_path = parser_path
        self._device = device
        self._cross_check = cross_check
        # sentence -> (origin, ((formula, confidence), ...), parser readings)
        self._cache: dict[str, tuple[str, tuple, tuple]] = {}
        self.sentences_parsed = 0  # sentences sent to the parser so far (cache misses)

    @classmethod
    def from_files(cls, *paths: str, **options) -> "Pipeline":
        """A pipeline in schema-guided mode over the rule files at ``paths``."""
        from .rules.loader import load_theory

        return cls(load_theory(list(paths)) if paths else None, **options)

    @property
    def parser(self) -> TextParser:
        if self._parser is None:
            self._parser = load_parser(self._parser_path, device=self._device, cross_check=self._cross_check)
        return self._parser

    @functools.cached_property
    def rules_in_english(self) -> tuple[str, ...]:
        """The rule files' rules as English sentences (what the fallback reads besides the
        context); computed once per pipeline."""
        return rules_in_english(self.theory)

    @property
    def fallback(self):
        """The fallback classifier, or None when it is switched off or cannot be loaded
        (``fallback_unavailable`` says why)."""
        if self._fallback is None:
            try:
                self._fallback = load_fallback(self._fallback_path, device=self._device)
            except NeurosymError as exc:
                self._fallback, self._fallback_error = False, str(exc)
        return self._fallback or None

    @property
    def fallback_unavailable(self) -> str | None:
        """Why there is no fallback (None when there is one, or it was not needed yet)."""
        if self._fallback is False:
            return self._fallback_error or "the neural fallback is switched off"
        return None

    # ------------------------------------------------------------ the public API

    def formalize(self, statements: str | Sequence[str]) -> tuple[Formalized, ...]:
        """Each sentence of ``statements`` with the formula it was read as (see the module doc)."""
        return self._formalize_groups([_as_list(statements)])[0]

    def check(self, claims: str | Sequence[str], premises: str | Sequence[str] = (), *,
              semantics: str | Semantics = "classical", explain: bool = True,
              timeout_s: float | None = None) -> CheckResult:
        """``Reasoner.check`` for text: every sentence of ``claims`` is a claim of its own.

        A verdict is exact given the readings, so none may rest on an unsure one: raises
        ``NotFormalizedError`` naming each sentence that has no reading or whose best
        reading is less confident than ``threshold`` (``answer_claims`` routes such
        sentences instead; ``check_formalized`` takes readings as they are).
        """
        claim_items, premise_items = self.formalize_problem(claims, premises)
        unsure = [(label, item) for label, item in labelled_sentences(premise_items, claim_items)
                  if item.formalized and not read_confidently(item, self.threshold)]
        if unsure:
            self._not_formalized([(label, dataclasses.replace(item, reason=(
                f"its best reading, {item.lf}, has confidence {item.confidence:.2f}, under the threshold "
                f"{self.threshold:g} (answer_claims routes such sentences; Pipeline(threshold=...) "
                "sets the threshold)"))) for label, item in unsure])
        return self.check_formalized(claim_items, premise_items, semantics=semantics,
                                     explain=explain, timeout_s=timeout_s)

    def check_text(self, claims: str | Sequence[str], premises: str | Sequence[str] = (), *,
                   semantics: str | Semantics = "classical", explain: bool = True,
                   timeout_s: float | None = None) -> TextCheck:
        """What ``neurosym check`` does with English: the solver's check when every sentence
        is read confidently, else each claim routed (``answer_claims``) and the set's
        consistency left undecided (``TextCheck``). Unlike ``check``, it never refuses an
        unsure sentence, nor one with no reading (both are routed)."""
        semantics = Semantics.parse(semantics)
        claim_items, premise_items = self.formalize_problem(claims, premises)
        sentences = tuple(labelled_sentences(premise_items, claim_items))
        unsure = tuple(self.below_threshold([item for _, item in sentences]))
        if not unsure:
            result = self.check_formalized(claim_items, premise_items, semantics=semantics,
                                           explain=explain, timeout_s=timeout_s)
            return TextCheck(sentences, semantics, self.threshold, result=result)
        answers = self._routed_claims(claim_items, premise_items, semantics=semantics, explain=explain,
                                      timeout_s=timeout_s)
        return TextCheck(sentences, semantics, self.threshold, answers=tuple(answers), unsure=unsure)

    def formalize_problem(self, claims: str | Sequence[str], premises: str | Sequence[str] = ()
                          ) -> tuple[tuple[Formalized, ...], tuple[Formalized, ...]]:
        """``(claims, premises)``, each sentence formalized, all read as one problem."""
        premise_items, claim_items = self._formalize_groups([_as_list(premises), _as_list(claims)])
        return claim_items, premise_items

    def ask(self, context: str | Sequence[str], question: str, *,
            semantics: str | Semantics = "classical", explain: bool = True,
            timeout_s: float | None = None, both_channels: bool = False) -> Answer:
        """Is ``question`` True, False or Unknown given ``context``? (``neurosym.routing``
        decides whether the solver, the solver on part of the context, or the neural
        fallback answers; ``Answer.method`` says which.)

        The question's last sentence is the statement judged; its earlier sentences join
        the context, except questions (ending in "?"), which only ask ("Based on the
        above, is the following true or false? Bob is big."). ``both_channels`` also
        runs the channel that did not answer, for coverage curves.
        """
        return self.ask_many([(context, question, semantics)], explain=explain, timeout_s=timeout_s,
                             both_channels=both_channels)[0]

    def ask_many(self, problems: Sequence[tuple], *, explain: bool = True, timeout_s: float | None = None,
                 both_channels: bool = False) -> list[Answer]:
        """``ask`` for many ``(context, question, semantics)`` at once: one parser batch for
        the sentences not cached yet, and one fallback batch for the questions that need it."""
        self.prefetch([text for context, question, _ in problems
                       for text in (*_as_list(context), question)])
        drafts = []
        for context, question, semantics in problems:
            asked = statement_sentences(question)
            if not asked:
                raise InputFormatError("the question is empty")
            preamble = [s for s in asked[:-1] if not s.endswith("?")]
            context_items, (question_item,) = self._formalize_groups(
                [_as_list(context) + preamble, [asked[-1]]])
            drafts.append(route(self, context_items, question_item, semantics=Semantics.parse(semantics),
                                threshold=self.threshold, explain=explain, timeout_s=timeout_s,
                                both_channels=both_channels))
        return self._with_guesses(drafts, both_channels=both_channels)

    def answer_claims(self, claims: str | Sequence[str], premises: str | Sequence[str] = (), *,
                      semantics: str | Semantics = "classical", explain: bool = True,
                      timeout_s: float | None = None) -> list[Answer]:
        """Each sentence of ``claims`` judged from ``premises`` as ``ask`` judges a question
        (``neurosym.routing``): by proof where every sentence it needs is read confidently,
        else from the confidently read part when that decides it ("mixed"), else by the
        fallback, whose label is marked as a guess (verdict UNTRANSLATED). ``check`` instead
        refuses a sentence read below the threshold; ``neurosym check`` uses this then. All
        sentences are read as one problem.
        """
        claim_items, premise_items = self.formalize_problem(claims, premises)
        if not claim_items:
            raise InputFormatError("nothing to check: no claim")
        return self._routed_claims(claim_items, premise_items, semantics=Semantics.parse(semantics),
                                   explain=explain, timeout_s=timeout_s)

    def _routed_claims(self, claim_items: Sequence[Formalized], premise_items: Sequence[Formalized], *,
                       semantics: Semantics, explain: bool, timeout_s: float | None) -> list[Answer]:
        """``answer_claims`` for sentences already formalized as one problem."""
        drafts = [route(self, premise_items, claim, semantics=semantics, threshold=self.threshold,
                        explain=explain, timeout_s=timeout_s) for claim in claim_items]
        return self._with_guesses(drafts)

    def below_threshold(self, items: Sequence[Formalized]) -> list[Formalized]:
        """The sentences of ``items`` the solver is not handed: no reading, or a best reading
        less confident than ``threshold`` (LF is always taken as it is)."""
        return [item for item in items if not read_confidently(item, self.threshold)]

    def _with_guesses(self, drafts: Sequence, *, both_channels: bool = False) -> list[Answer]:
        """The drafts' answers, the fallback asked in one batch for those that need it."""
        wanted = [i for i, draft in enumerate(drafts) if draft.needs_guess or both_channels]
        guesses: dict[int, object] = {}
        if wanted and self.fallback is not None:
            predicted = self.fallback.predict([drafts[i].fallback_input for i in wanted])
            guesses = dict(zip(wanted, predicted))
        return [with_guess(draft, guesses.get(i), unavailable=self.fallback_unavailable)
                for i, draft in enumerate(drafts)]

    def prefetch(self, texts: Iterable[str]) -> int:
        """Parse, in one batch, the sentences of ``texts`` not parsed yet; returns how many.

        Batch jobs call this for many problems at once, so the parser sees large batches.
        """
        sentences = [s for text in texts for s in statement_sentences(text)]
        return self._parse_missing(sentences)

    # ------------------------------------------------------------ steps

    def _formalize_groups(self, groups: Sequence[Sequence[str]]) -> list[tuple[Formalized, ...]]:
        """Formalize statements in groups (premises, claims) read as one problem."""
        sentences = [[s for text in group for s in statement_sentences(text)] for group in groups]
        self._parse_missing([s for group in sentences for s in group])
        flat = [s for group in sentences for s in group]
        candidates = [self._cache[s][1] for s in flat]
        declared = self.theory.signature if self.theory is not None else None
        mapping = unify_symbols([[formula for formula, _ in options] for options in candidates],
                                declared=declared)
        if mapping:
            candidates = [tuple((rename_symbols(f, mapping), c) for f, c in options)
                          for options in candidates]
        if declared is None:
            # Only readings that can be chosen or compete (the best, and the others above
            # the threshold) decide the names and the domain: a runner-up at 1% that says
            # "animal" of something must not keep every "All lazy animals are ..." rule idle.
            contenders = [f for options in candidates for rank, (f, confidence)
                          in enumerate(options) if rank == 0 or confidence >= self.threshold]
            # each step finds its names on the contenders, then rewrites every reading
            for find, rewrite in ((verb_object_names, split_verb_objects),
                                  (adjective_noun_names, split_adjective_nouns),
                                  (domain_restrictors, drop_restrictors)):
                names = find(contenders)
                if names:
                    candidates = [tuple((rewrite(f, names), c) for f, c in options) for options in candidates]
                    contenders = [rewrite(f, names) for f in contenders]
            candidates = [tuple((rename_symbols(f, renaming), c) for f, c in options) if renaming else options
                          for options, renaming in zip(candidates, possession_renamings(flat, contenders))]
        chosen = _choose_readings(flat, candidates, declared)
        items = [self._formalized(sentence, choice, options)
                 for sentence, choice, options in zip(flat, chosen, candidates)]
        grouped, start = [], 0
        for group in sentences:
            grouped.append(tuple(items[start:start + len(group)]))
            start += len(group)
        return grouped

    def _formalized(self, sentence: str, choice, options) -> Formalized:
        origin, _, readings = self._cache[sentence]
        formula, confidence, reason = choice
        # options are the readings in their order, renamed: the chosen one's doubt is its reading's
        chosen = next((i for i, (option, _) in enumerate(options) if option is formula), None)
        reading = readings[chosen] if chosen is not None and chosen < len(readings) else None
        return Formalized(sentence, formula, confidence, origin, readings, reason, tuple(options),
                          getattr(reading, "doubt", None), getattr(reading, "read_as", None))

    def _parse_missing(self, sentences: Sequence[str]) -> int:
        """Fill the cache for ``sentences``: LF directly, English through one parser call."""
        unique = list(dict.fromkeys(sentences))
        todo = [s for s in unique if s not in self._cache]
        if len(self._cache) + len(todo) > _CACHE_SIZE:
            self._cache.clear()
            todo = unique
        english = []
        for sentence in todo:
            formula = _lf_or_none(sentence)
            if formula is not None:
                self._cache[sentence] = ("lf", ((formula, 1.0),), ())
            else:
                english.append(sentence)
        if not english:
            return 0
        readings = self.parser.parse(english, theory=self.theory, n_best=self.n_best)
        if len(readings) != len(english):
            raise ValueError(f"the parser returned {len(readings)} results for {len(english)} sentences")
        for sentence, options in zip(english, readings):
            self._cache[sentence] = ("parser", tuple((r.formula, reading_confidence(r)) for r in options),
                                     tuple(options))
        self.sentences_parsed += len(english)
        return len(english)

    def check_formalized(self, claims: Sequence[Formalized], premises: Sequence[Formalized] = (), *,
                         semantics: str | Semantics = "classical", explain: bool = True,
                         timeout_s: float | None = None) -> CheckResult:
        """The reasoner's verdicts for formalized sentences, shown in the user's words.

        Raises ``NotFormalizedError`` when a sentence has no formula.
        """
        if not claims and not premises:
            raise InputFormatError("nothing to check: no sentence in the claims or premises")
        missing = [(label, item) for label, item in labelled_sentences(premises, claims) if not item.formalized]
        if missing:
            self._not_formalized(missing)
        result = self.reasoner.check([c.formula for c in claims], [p.formula for p in premises],
                                     semantics=semantics, explain=explain, timeout_s=timeout_s)
        return with_texts(result, [p.text for p in premises], [c.text for c in claims])

    def _not_formalized(self, missing: Sequence[tuple[str, Formalized]]) -> None:
        """Sentences without a formula cannot be checked: an error naming them. (Questions
        asked with ``ask`` never get here: ``neurosym.routing`` sends them to the fallback.)"""
        raise NotFormalizedError(missing)


# ---------------------------------------------------------------- statements and sentences


def labelled_sentences(premises: Sequence[Formalized], claims: Sequence[Formalized]
                       ) -> list[tuple[str, Formalized]]:
    """``("premise 1", item), ..., ("claim 1", item), ...``: how results and errors name
    the sentences of a check."""
    return ([(f"premise {i}", item) for i, item in enumerate(premises, 1)]
            + [(f"claim {i}", item) for i, item in enumerate(claims, 1)])


def _as_list(statements: str | Sequence[str]) -> list[str]:
    if isinstance(statements, str):
        return [statements]
    items = list(statements)
    for item in items:
        if not isinstance(item, str):
            raise InputFormatError(f"a statement must be text, got {type(item).__name__}")
    return items


def _lf_or_none(text: str) -> ast.Formula | None:
    if text.endswith((".", "?", "!")):  # sentence punctuation: no LF ends so (saves a parse)
        return None
    try:
        return parse_formula(text)
    except LogicSyntaxError:
        return None


def is_lf(text: str) -> bool:
    """Whether ``text`` is a statement in LF (then it is never read as English)."""
    return _lf_or_none(text.strip()) is not None


_LF_MARKS = ("(", "->", "<->", "∀", "∃", "¬", "∧", "∨", "→", "↔", "⊕")


def looks_like_lf(text: str) -> bool:
    """Whether ``text`` was meant as LF even though it does not parse: it uses LF notation
    and does not end like a sentence. Such input gets the LF syntax error (with its caret),
    which helps more than a parser's reading of broken notation as English."""
    stripped = text.strip()
    return (not stripped.endswith((".", "!", "?", '"'))
            and any(mark in stripped for mark in _LF_MARKS))


@functools.lru_cache(maxsize=65_536)
def statement_sentences(text: str) -> tuple[str, ...]:
    """A statement as sentences: itself when it is LF, else its English sentences.

    (Cached: batch jobs meet the same contexts again and again.)
    """
    stripped = text.strip()
    if not stripped:
        return ()
    return (stripped,) if is_lf(stripped) else tuple(split_sentences(stripped))


def with_texts(result: CheckResult, premise_texts: Sequence[str],
               claim_texts: Sequence[str]) -> CheckResult:
    """``result`` with each statement shown in the user's words.

    The reasoner numbers statements from 1 in their role ("premise 3"); the evidence
    items of statements carry that label as their name.
    """
    texts = {f"premise {i}": t for i, t in enumerate(premise_texts, 1)}
    texts.update({f"claim {i}": t for i, t in enumerate(claim_texts, 1)})

    def item_with_text(item: EvidenceItem) -> EvidenceItem:
        if item.kind in ("premise", "claim") and item.name in texts:
            return dataclasses.replace(item, english=texts[item.name])
        return item

    claims = tuple(dataclasses.replace(
        claim,
        claim=dataclasses.replace(claim.claim, text=texts.get(claim.claim.label, claim.claim.text)),
        evidence=tuple(item_with_text(e) for e in claim.evidence))
        for claim in result.claims)
    conflict = tuple(item_with_text(e) for e in result.conflict)
    return dataclasses.replace(result, claims=claims, conflict=conflict)


# ---------------------------------------------------------------- choosing readings


def _choose_readings(sentences: Sequence[str], candidates: Sequence[tuple], declared: Signature | None):
    """``(formula, confidence, reason)`` per sentence: its best reading that type-checks
    together with the readings chosen for the sentences before it."""
    from .logic.typecheck import infer_signature, typecheck

    allow_new = declared is None

    def fits(entries, base) -> Signature | None:
        """The signature extended by ``entries`` when they type-check in it, else None.

        (The reasoner types the chosen formulas again; they stay unsorted here so that
        they print as they were read.)
        """
        try:
            signature = infer_signature(entries, base=base, allow_new_symbols=allow_new)
            for formula, path, source in entries:
                typecheck(formula, signature, path=path, source=source)
            return signature
        except (TypeCheckError, RecursionError):
            return None

    entries = [(options[0][0], f"<sentence {i}>", sentence)
               for i, (sentence, options) in enumerate(zip(sentences, candidates), 1) if options]
    if len(entries) == len(sentences):  # the usual case: the best readings fit together
        if fits(entries, declared) is not None:
            return [(options[0][0], options[0][1], None) for options in candidates]
    chosen, signature = [], declared
    for index, (sentence, options) in enumerate(zip(sentences, candidates), 1):
        if not options:
            chosen.append((None, 0.0, "the parser found no reading"))
            continue
        for formula, confidence in options:
            fit = fits([(formula, f"<sentence {index}>", sentence)], signature)
            if fit is not None:
                signature = fit
                chosen.append((formula, confidence, None))
                break
        else:
            why = ("no reading fits the rule files' declarations" if declared is not None
                   else "no reading fits the symbols of the other sentences")
            chosen.append((None, 0.0, f"{why} (readings: {', '.join(to_text(f) for f, _ in options)})"))
    return chosen


# ---------------------------------------------------------------- one concept, one name


def _lemma(word: str) -> str:
    """A crude lemma, good enough to compare names (never shown): chases -> chase,
    changing -> change (a gerund with one spelling of its verb; "All unstable things are
    changing." and "A bird is changing." name one concept), locked -> lock, broken ->
    break (a past participle with one lemma: the parser reads "The door is not locked."
    as ``not lock(door)`` and "... or the door is locked" as ``locked(door)``, which
    left "Either the door is locked or the window is open. The door is not locked. The
    window is not open." consistent)."""
    if word.endswith("ing"):
        verbs = gerund_lemmas(word)
        if len(verbs) == 1:
            return verbs[0]
    past = lemmas_of_past(word)
    if len(past) == 1:
        return past[0]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _symbols(formula: ast.Formula):
    """``(kind, arity, name)`` of every predicate, function and constant in ``formula``."""
    for node in ast.walk(formula):
        kind = type(node)
        if kind is ast.Pred:
            yield "pred", len(node.args), node.name
        elif kind is ast.FuncApp:
            yield "func", len(node.args), node.name
        elif kind is ast.Const:
            yield "const", 0, node.name


def _concept(kind: str, arity: int, name: str) -> tuple:
    words = [w for w in name.lower().split("_") if w and w not in ARTICLES] or [name.lower()]
    return kind, arity, tuple(sorted(_lemma(w) for w in words))


def unify_symbols(readings: Sequence[Sequence[ast.Formula]], *,
                  declared: Signature | None = None) -> dict[str, str]:
    """Renamings that give one concept one name across the sentences of a problem.

    ``readings`` holds each sentence's readings, best first. Names of the same kind and
    arity whose words are the same lemmas in any order are one concept. Its name is a
    declared one when ``declared`` has it; otherwise the name the most sentences' best
    readings use (the first seen on a tie). Returns only the names that change.

    >>> from neurosym.logic.parser import parse_formula as p
    >>> unify_symbols([[p("drink_coffee_regularly(rina)")], [p("regularly_drinks_coffee(the_bob)")],
    ...                [p("drink_coffee_regularly(bob)")], [p("red(bob)")]])
    {'regularly_drinks_coffee': 'drink_coffee_regularly', 'the_bob': 'bob'}
    """
    declared_names = set()
    if declared is not None:
        declared_names = set(declared.predicates) | set(declared.functions) | set(declared.constants)
    votes: Counter = Counter()
    members: dict[tuple, list[str]] = {}
    for options in readings:
        for rank, formula in enumerate(options):
            names = set(_symbols(formula))
            for symbol in names:
                group = members.setdefault(_concept(*symbol), [])
                if symbol[2] not in group:
                    group.append(symbol[2])
                if rank == 0:
                    votes[symbol[2]] += 1
    mapping: dict[str, str] = {}
    for group in members.values():
        if len(group) < 2:
            continue
        official = [name for name in group if name in declared_names]
        target = official[0] if official else max(group, key=lambda name: votes[name])
        for name in group:
            if name != target and name not in declared_names:
                mapping[name] = target
    return mapping


def verb_object_names(formulas: Iterable[ast.Formula]) -> dict[str, tuple[str, str]]:
    """One-place predicates named by a verb and its object (``chase_bear``, as in "Bob
    plays the piano": ``play_piano(bob)``) where the same problem also relates things by
    that verb (``chase/2``) and names the object as an individual (the constant ``bear``):
    there "chases the bear" is the relation, ``chase(x, bear)``. Maps each such name to
    ``(verb, object)``.

    >>> from neurosym.logic.parser import parse_formula as p
    >>> verb_object_names([p("chase_bear(dog)"), p("forall x. chase(x, bear) -> red(x)")])
    {'chase_bear': ('chase', 'bear')}
    """
    binary, unary, constants = set(), set(), set()
    for formula in formulas:
        for kind, arity, name in _symbols(formula):
            if kind == "pred" and arity in (1, 2):
                (unary if arity == 1 else binary).add(name)
            elif kind == "const":
                constants.add(name)
    return {name: (verb, name[len(verb) + 1:]) for name in sorted(unary) for verb in sorted(binary)
            if name.startswith(verb + "_") and name[len(verb) + 1:] in constants}


def split_verb_objects(node, names: dict[str, tuple[str, str]]):
    """``node`` with each one-place predicate of ``names`` written as its verb relating
    the argument to the object: ``chase_bear(dog)`` -> ``chase(dog, bear)``."""
    node = ast.map_children(node, lambda child: split_verb_objects(child, names))
    if isinstance(node, ast.Pred) and len(node.args) == 1 and node.name in names:
        verb, obj = names[node.name]
        return ast.Pred(verb, (node.args[0], ast.Const(obj)))
    return node


def adjective_noun_names(formulas: Iterable[ast.Formula]) -> dict[str, tuple[str, str]]:
    """One-place predicates named by an adjective and a noun (``cute_animal``, as in "All
    cute animals are furry.") where the same problem also says the adjective alone of
    something (``cute/1``) and the noun is a one-place predicate of the problem too or a
    domain noun (``DOMAIN_NOUNS``): there "cute animal" is what is cute and an animal,
    ``cute(x) and animal(x)``; one name would keep the rule from the facts about "cute".
    Maps each such name to ``(adjective, noun)``.

    >>> from neurosym.logic.parser import parse_formula as p
    >>> adjective_noun_names([p("cute(tiger)"), p("forall x. cute_animal(x) -> furry(x)")])
    {'cute_animal': ('cute', 'animal')}
    """
    unary = {name for formula in formulas for kind, arity, name in _symbols(formula)
             if kind == "pred" and arity == 1}
    found = {}
    for name in sorted(unary):
        for cut in (i for i, char in enumerate(name) if char == "_"):
            adjective, noun = name[:cut], name[cut + 1:]
            if adjective in unary and (noun in unary or noun in DOMAIN_NOUNS):
                found[name] = (adjective, noun)
                break
    return found


def split_adjective_nouns(node, names: dict[str, tuple[str, str]]):
    """``node`` with each one-place predicate of ``names`` written as the conjunction of
    its adjective and its noun (``cute_animal(x)`` -> ``cute(x) and animal(x)``), spliced
    into the conjunction around it, so the noun stays a conjunct of a rule's condition.
    A formula without such a name is returned as it is."""
    if not any(isinstance(n, ast.Pred) and len(n.args) == 1 and n.name in names for n in ast.walk(node)):
        return node
    return _split_compounds(node, names)


def _split_compounds(node, names: dict[str, tuple[str, str]]):
    if isinstance(node, ast.Pred) and len(node.args) == 1 and node.name in names:
        adjective, noun = names[node.name]
        return ast.And((ast.Pred(adjective, node.args), ast.Pred(noun, node.args)))
    node = ast.map_children(node, lambda child: _split_compounds(child, names))
    if isinstance(node, ast.And):
        parts = []
        for arg in node.args:
            parts.extend(arg.args if isinstance(arg, ast.And) else (arg,))
        node = dataclasses.replace(node, args=tuple(parts))
    return node


def rename_symbols(node, mapping: dict[str, str]):
    """``node`` with its predicates, functions and constants renamed by ``mapping``."""
    node = ast.map_children(node, lambda child: rename_symbols(child, mapping))
    if isinstance(node, (ast.Pred, ast.FuncApp, ast.Const)) and node.name in mapping:
        node = dataclasses.replace(node, name=mapping[node.name])
    return node



# ---------------------------------------------------------------- the domain of discourse

# Nouns that, like "people" and "things", may name the whole domain of a text: "Smart
# animals are lovely." in a story about animals means every smart one is lovely.
def possession_renamings(sentences: Sequence[str], formulas: Iterable[ast.Formula]) -> list[dict[str, str]]:
    """Per sentence, its one-place predicates named by a possessed noun alone (``spouse``
    for "has a spouse") where the same problem also says the possession as the generator
    does (``have_spouse/1``): there ``spouse(x)`` is ``have_spouse(x)``. The parser reads
    "Whoever is married has a spouse." as ``forall x. married(x) -> spouse(x)`` (as FOLIO's
    gold logic writes "has a high income", so no reading check may refuse it) and "Mike
    does not have a spouse." as ``not have_spouse(mike)``, and the text was consistent.
    Only a noun said nowhere in the sentence but after "has", "have" or "had" (and an
    article) is renamed ("A spouse has a spouse." keeps its first ``spouse``).

    >>> from neurosym.logic.parser import parse_formula as p
    >>> possession_renamings(["Whoever is married has a spouse.", "Mike does not have a spouse."],
    ...                      [p("forall x. married(x) -> spouse(x)"), p("not have_spouse(mike)")])
    [{'spouse': 'have_spouse'}, {'spouse': 'have_spouse'}]
    """
    unary = {name for formula in formulas for kind, arity, name in _symbols(formula)
             if kind == "pred" and arity == 1}
    renamings = []
    for sentence in sentences:
        mapping = {}
        for match in _POSSESSION.finditer(sentence):
            words = match.group("phrase").lower().split()
            for name in dict.fromkeys(("_".join(words), words[-1])):
                said = len(re.findall(rf"\b{re.escape(words[-1])}\b", sentence, re.I))
                if name in unary and f"have_{name}" in unary and said == 1:
                    mapping[name] = f"have_{name}"
        renamings.append(mapping)
    return renamings


# "has a spouse", "have high incomes", "had an old car": the possessed noun phrase, one or two words.
_POSSESSION = re.compile(
    r"\b(?:has|have|had)\s+(?:(?:a|an|some)\s+)?(?P<phrase>[a-z]+(?:\s+[a-z]+)?)(?=\s*[.,;!?]|\s*$)", re.I)


DOMAIN_NOUNS = frozenset({"animal", "creature", "being", "individual", "entity", "object"})


def domain_restrictors(formulas: Iterable[ast.Formula]) -> frozenset[str]:
    """The domain nouns of ``formulas`` used only to restrict rules: never said of an
    individual, never concluded, only as a conjunct of a universal rule's condition on
    its own variable ("All smart animals are lovely." with no "The tiger is an animal.").

    The parser reads "animals" as a predicate (docs/generator.md), which is right for one
    sentence; across a problem that never says who is an animal it would make every such
    rule idle (under closed-world, or directional reading). Open mode only.
    """
    seen, elsewhere = set(), set()
    for formula in formulas:
        restricting = _restricting_atoms(formula)
        for node in ast.walk(formula):
            if type(node) is ast.Pred and node.name in DOMAIN_NOUNS and len(node.args) == 1:
                seen.add(node.name)
                if not any(node is atom for atom in restricting):
                    elsewhere.add(node.name)
    return frozenset(seen - elsewhere)


def _restricting_atoms(formula: ast.Formula) -> list[ast.Pred]:
    """The atoms ``noun(x)`` of ``forall x. (... and noun(x) and ...) -> ...``."""
    if type(formula) is not ast.Forall or type(formula.body) is not ast.Implies:
        return []
    bound = {binder.name for binder in formula.binders}
    condition = formula.body.left
    conjuncts = condition.args if type(condition) is ast.And else (condition,)
    return [c for c in conjuncts if type(c) is ast.Pred and len(c.args) == 1
            and type(c.args[0]) is ast.Var and c.args[0].name in bound]


def drop_restrictors(formula: ast.Formula, names: frozenset[str]) -> ast.Formula:
    """``formula`` without the restricting atoms named ``names`` (see ``domain_restrictors``)."""
    dropped = [atom for atom in _restricting_atoms(formula) if atom.name in names]
    if not dropped:
        return formula
    condition = formula.body.left
    kept = [c for c in (condition.args if type(condition) is ast.And else (condition,))
            if not any(c is atom for atom in dropped)]
    if not kept:  # "All animals are cute." -> forall x. cute(x)
        body = formula.body.right
    else:
        body = ast.Implies(kept[0] if len(kept) == 1 else ast.And(tuple(kept)), formula.body.right)
    return dataclasses.replace(formula, body=body)
