"""The hybrid's decision: which channel answers a question, and how sure it is.

Every sentence of a problem has been formalized by the pipeline (its best reading that
type-checks, with a calibrated confidence). A sentence counts as **formalized** when that
confidence clears the ``threshold``; then:

| situation | verdict | method | label |
|---|---|---|---|
| every sentence formalized, its competing readings agree | the solver's | symbolic | the solver's |
| every sentence formalized, competing readings disagree | AMBIGUOUS | neural | the fallback's guess |
| the question formalized, some context not, and the formalized part already decides the claim (ENTAILED / CONTRADICTED / IMPOSSIBLE, under a monotone semantics) | the solver's | mixed | the solver's |
| anything else not formalized | UNTRANSLATED | neural | the fallback's guess |

"Competing readings" are a sentence's other readings that also clear the threshold; each
is tried in place of the chosen one, and when a verdict changes the answer names both
readings (LF and English paraphrase, with the verdict each leads to) and a scenario of
the other statements in which the two readings differ. A "mixed" answer stands because
the semantics is monotone (classical, directional): more premises cannot undo an
entailment, unless they make the context inconsistent, which the note says. Closed-world
reasoning is not monotone, so there a partly formalized context always goes to the
fallback. The fallback's answers are guesses with a probability, never proofs: their
verdict stays UNTRANSLATED or AMBIGUOUS and only the QA label comes from the classifier.

The default threshold and how it was chosen are in docs/hybrid.md.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from .errors import NeurosymError
from .logic import ast
from .logic.printer import to_text
from .reasoner.result import CheckResult, Scenario
from .verdicts import QA_LABELS, Semantics, Verdict

if TYPE_CHECKING:
    from .fallback.guess import FallbackInput, Guess
    from .pipeline import Formalized, Pipeline

__all__ = ["DEFAULT_THRESHOLD", "MONOTONE", "Reading", "Answer", "Draft", "read_confidently", "route",
           "with_guess", "rules_in_english"]

# Calibrated parser confidence a sentence's best reading needs to be handed to the solver.
# Chosen on validation data (docs/hybrid.md), not on the held-out parts benchmarks report.
DEFAULT_THRESHOLD = 0.6

MONOTONE = frozenset({Semantics.CLASSICAL, Semantics.DIRECTIONAL})
MAX_ALTERNATIVES = 6  # competing readings tried per question (each costs one solver call)


@dataclass(frozen=True)
class Reading:
    """One way a sentence was read, and the verdict the question gets with it."""

    sentence: str
    lf: str
    english: str
    confidence: float
    verdict: Verdict

    def to_dict(self) -> dict:
        return {"sentence": self.sentence, "lf": self.lf, "english": self.english,
                "confidence": round(self.confidence, 6), "verdict": self.verdict.value}


@dataclass(frozen=True)
class Answer:
    """The answer to a question given a context, with the channel that gave it.

    ``label`` is "True", "False" or "Unknown" (``QA_LABELS``), or None when there is no
    answer (IMPOSSIBLE: the context contradicts itself; UNKNOWN: the solver gave up; or
    nothing could be formalized and no fallback was available). ``method`` is the
    channel that decided: "symbolic", "mixed" or "neural" (None when none did; an
    IMPOSSIBLE verdict is the solver's decision, so it has a method but no label).
    ``confidence`` is the confidence of the least confident reading the solver used (symbolic, mixed: the
    answer is exact given the readings, so its weakest reading bounds it) or the
    fallback's probability (neural). ``result`` is the solver's check (of the
    formalized part for mixed answers; None when it did not run). ``untranslated`` are
    the sentences below the threshold; ``readings`` the competing readings of an
    AMBIGUOUS answer and ``scenario`` one that tells the first two apart; ``guess`` the
    fallback's label and probabilities when it was asked; ``note`` says in words how the
    answer came about when it is not plainly symbolic. ``formalization`` (the least
    confident sentence's confidence) and ``symbolic_label`` (what the solver says from
    every sentence's best reading, whatever the threshold) describe the channels
    separately, for coverage curves.
    """

    label: str | None
    verdict: Verdict
    confidence: float
    result: CheckResult | None
    context: tuple[Formalized, ...]
    question: Formalized
    method: str | None = "symbolic"
    untranslated: tuple[Formalized, ...] = ()
    readings: tuple[Reading, ...] = ()
    scenario: Scenario | None = None
    guess: Guess | None = None
    note: str | None = None
    formalization: float = 1.0
    symbolic_label: str | None = None

    @property
    def claim(self):
        """The solver's result for the question (None when the solver did not run)."""
        return self.result.claims[0] if self.result is not None else None

    def to_dict(self) -> dict:
        data = {"answer": self.label, "verdict": self.verdict.value, "method": self.method,
                "confidence": round(self.confidence, 6), "question": self.question.to_dict(),
                "context": [item.to_dict() for item in self.context]}
        if self.result is not None:
            data["result"] = self.result.to_dict()
        if self.untranslated:
            data["untranslated"] = [item.text for item in self.untranslated]
        if self.readings:
            data["readings"] = [reading.to_dict() for reading in self.readings]
        if self.scenario is not None:  # the values alone: "the claim" there is the readings' difference
            data["scenario"] = dict(self.scenario.values)
        if self.guess is not None:
            data["neural"] = self.guess.to_dict()
        if self.note:
            data["note"] = self.note
        return data


@dataclass(frozen=True)
class Draft:
    """An answer before the fallback has run: ``needs_guess`` when its label must come
    from the classifier, and the input the classifier would read."""

    answer: Answer
    fallback_input: FallbackInput
    needs_guess: bool


def read_confidently(item: Formalized, threshold: float) -> bool:
    """Whether the solver is handed ``item``: it has a reading at least as confident as
    ``threshold`` (LF has confidence 1)."""
    return item.formalized and item.confidence >= threshold


def route(pipeline: Pipeline, context: Sequence[Formalized], question: Formalized, *,
          semantics: Semantics, threshold: float, explain: bool = True,
          timeout_s: float | None = None, both_channels: bool = False) -> Draft:
    """Decide how the question is answered (see the module doc); the fallback runs later,
    in one batch for many questions (``with_guess``)."""
    from .fallback.guess import FallbackInput

    items = (*context, question)
    fallback_input = FallbackInput(tuple(item.text for item in context) + pipeline.rules_in_english,
                                   question.text, semantics)
    formalization = min(item.confidence if item.formalized else 0.0 for item in items)
    below = tuple(item for item in items if not read_confidently(item, threshold))
    base = Answer(None, Verdict.UNTRANSLATED, 0.0, None, tuple(context), question, None,
                  untranslated=below, formalization=formalization)

    def solve(premises: Sequence[Formalized], claim: Formalized, *, with_explanation: bool):
        return pipeline.check_formalized((claim,), premises, semantics=semantics,
                                         explain=with_explanation, timeout_s=timeout_s)

    if both_channels and below and all(item.formalized for item in items):
        # the solver on every best reading, whatever its confidence (with nothing below the
        # threshold that is the routed check itself, whose label is taken below)
        base = dataclasses.replace(
            base, symbolic_label=_label_or_none(lambda: solve(context, question, with_explanation=False)))

    if not below:
        try:
            result = solve(context, question, with_explanation=explain)
        except NeurosymError as exc:  # e.g. a rule outside the directional fragment
            return Draft(dataclasses.replace(base, note=f"the solver cannot use these readings: {exc}"),
                         fallback_input, True)
        confidence = min(item.confidence for item in items)
        label = QA_LABELS.get(result.claims[0].verdict)
        answer = dataclasses.replace(base, label=label, verdict=result.claims[0].verdict, confidence=confidence,
                                     result=result, method="symbolic",
                                     symbolic_label=label if both_channels else None)
        readings, scenario = _competing_readings(pipeline, context, question, result, semantics=semantics,
                                                 threshold=threshold, timeout_s=timeout_s)
        if readings:
            note = (f"the readings of {readings[1].sentence!r} lead to different verdicts; "
                    "the label is the neural fallback's guess")
            if scenario is None:
                note += "; the two readings cannot both hold"
            return Draft(dataclasses.replace(answer, label=None, verdict=Verdict.AMBIGUOUS, method=None,
                                             readings=readings, scenario=scenario, note=note),
                         fallback_input, True)
        return Draft(answer, fallback_input, False)

    names = ", ".join(repr(item.text) for item in below)
    if not read_confidently(question, threshold):
        note = f"not formalized: {names}; the label is the neural fallback's guess"
        return Draft(dataclasses.replace(base, note=note), fallback_input, True)
    formalized_context = [item for item in context if read_confidently(item, threshold)]
    try:
        partial = solve(formalized_context, question, with_explanation=explain)
        verdict = partial.claims[0].verdict
    except NeurosymError as exc:
        partial, verdict = None, None
        why = f"the solver cannot use the formalized part ({exc})"
    else:
        why = f"the formalized part alone leaves the claim {verdict.value}"
    if verdict in (Verdict.ENTAILED, Verdict.CONTRADICTED, Verdict.IMPOSSIBLE) and semantics in MONOTONE:
        used = [*formalized_context, question]
        if verdict is Verdict.IMPOSSIBLE:
            note = f"the formalized part already contradicts itself; not formalized: {names}"
        else:
            note = (f"decided from the formalized part; not formalized: {names} (the answer stands "
                    "unless they contradict the rest)")
        return Draft(dataclasses.replace(base, label=QA_LABELS.get(verdict), verdict=verdict,
                                         confidence=min(item.confidence for item in used),
                                         result=partial, method="mixed", note=note),
                     fallback_input, False)
    if partial is not None and semantics not in MONOTONE:
        why = f"{semantics.value} reasoning is not monotone, so the formalized part alone decides nothing"
    note = f"not formalized: {names}; {why}; the label is the neural fallback's guess"
    return Draft(dataclasses.replace(base, result=partial, note=note), fallback_input, True)


def with_guess(draft: Draft, guess: Guess | None, *, unavailable: str | None = None) -> Answer:
    """The final answer: the fallback's label where the draft needs it (attached only,
    otherwise). ``guess`` None means no classifier could run, and ``unavailable`` why."""
    answer = draft.answer
    if guess is None:
        if draft.needs_guess and unavailable:
            answer = dataclasses.replace(answer, note=f"{answer.note}; no guess: {unavailable}")
        return answer
    if not draft.needs_guess:
        return dataclasses.replace(answer, guess=guess)
    return dataclasses.replace(answer, label=guess.label, confidence=guess.probability,
                               method="neural", guess=guess)


# ---------------------------------------------------------------- helpers


def _label_or_none(check) -> str | None:
    try:
        return QA_LABELS.get(check().claims[0].verdict)
    except NeurosymError:
        return None


def rules_in_english(theory) -> tuple[str, ...]:
    """The rules of the rule files as English sentences, for the fallback: each rule's
    description, else its formula said through the glosses."""
    if theory is None:
        return ()
    from .rules.glosses import render_english

    texts = []
    for rule in theory.rules:
        text = rule.description or render_english(rule.formula, theory)
        texts.append(text if text.endswith(".") else text[:1].upper() + text[1:] + ".")
    return tuple(texts)


def _competing_readings(pipeline: Pipeline, context: Sequence[Formalized], question: Formalized,
                        result: CheckResult, *, semantics: Semantics, threshold: float,
                        timeout_s: float | None) -> tuple[tuple[Reading, ...], Scenario | None]:
    """Readings above the threshold that change the verdict, with the chosen one first;
    empty when every competing reading agrees."""
    from .rules.glosses import render_english

    items = [*context, question]
    verdict = result.claims[0].verdict

    def reading(item: Formalized, formula: ast.Formula, confidence: float, outcome: Verdict) -> Reading:
        return Reading(item.text, to_text(formula), render_english(formula, pipeline.theory), confidence, outcome)

    tried, disagreeing = 0, []
    for position, item in enumerate(items):
        for formula, confidence in item.options:
            if confidence < threshold or formula == item.formula or tried >= MAX_ALTERNATIVES:
                continue
            tried += 1
            swapped = [dataclasses.replace(other, formula=formula) if i == position else other
                       for i, other in enumerate(items)]
            try:
                outcome = pipeline.check_formalized(swapped[-1:], swapped[:-1], semantics=semantics,
                                                    explain=False, timeout_s=timeout_s).claims[0].verdict
            except NeurosymError:  # the reading does not fit the other sentences' symbols
                continue
            if outcome is not verdict:
                disagreeing.append((position, item, formula, confidence, outcome))
    if not disagreeing:
        return (), None
    position, item, formula, confidence, outcome = disagreeing[0]
    chosen = reading(item, item.formula, item.confidence, verdict)
    others = tuple(reading(i, f, c, o) for _, i, f, c, o in disagreeing)
    rest_of_context = [other for i, other in enumerate(context) if i != position]
    return (chosen, *others), _telling_apart(pipeline, rest_of_context, item.formula, formula, timeout_s)


def _telling_apart(pipeline: Pipeline, premises: Sequence[Formalized], first: ast.Formula,
                   second: ast.Formula, timeout_s: float | None) -> Scenario | None:
    """A scenario of the rest of the context in which the two readings differ (classical);
    None when they differ in every scenario (one contradicts the other) or none is found."""
    try:
        result = pipeline.reasoner.check([ast.Xor(first, second)], [p.formula for p in premises], semantics="classical",
                                         explain=True, timeout_s=timeout_s)
    except NeurosymError:
        return None
    holding = [s for s in result.claims[0].scenarios if s.claim_holds]
    return holding[0] if holding else None
