"""Evaluation: problems in the format of DESIGN.md in, one prediction per problem out.

    problems.jsonl ──read_problems──> Problem ──evaluate(pipeline)──> Prediction ──> PRED.jsonl
                                                                        └──> Summary (accuracy, throughput)

A problem is ``{"id", "context": [str] | str, "question", "label"?, "semantics"?}``; a
prediction line is ``{"id", "prediction", "method", "confidence", "verdict", ...}`` with
prediction True / False / Unknown, or null when the problem could not be answered
(``untranslated`` lists the sentences that could not be formalized; ``error`` says what
else went wrong). Problems are answered in batches so that the parser reads the sentences
of many problems at once, and each context is parsed once however many questions share it.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from .errors import InputFormatError, NeurosymError
from .verdicts import Semantics

__all__ = ["Problem", "Prediction", "Summary", "read_problems", "predict", "evaluate", "run_eval"]

LABELS = ("True", "False", "Unknown")


@dataclass(frozen=True)
class Problem:
    """One question with its context, gold label (when known) and semantics."""

    id: str
    context: tuple[str, ...]
    question: str
    label: str | None = None
    semantics: Semantics = Semantics.CLASSICAL

    @classmethod
    def from_dict(cls, data: dict, *, where: str = "<problem>") -> "Problem":
        """A problem from its JSON object; ``InputFormatError`` at ``where`` when malformed."""
        if not isinstance(data, dict):
            raise InputFormatError(f"{where}: a problem must be a JSON object")
        for name in ("id", "context", "question"):
            if name not in data:
                raise InputFormatError(f"{where}: missing field {name!r}")
        context = data["context"]
        if isinstance(context, str):
            context = [context]
        if not isinstance(context, list) or not all(isinstance(c, str) for c in context):
            raise InputFormatError(f"{where}: 'context' must be a string or a list of strings")
        if not isinstance(data["question"], str):
            raise InputFormatError(f"{where}: 'question' must be a string")
        label = data.get("label")
        if label is not None:
            label = {name.lower(): name for name in LABELS}.get(str(label).strip().lower())
            if label is None:
                raise InputFormatError(f"{where}: 'label' must be True, False or Unknown, "
                                       f"got {data['label']!r}")
        try:
            semantics = Semantics.parse(data.get("semantics") or "classical")
        except InputFormatError as exc:
            raise InputFormatError(f"{where}: {exc}") from None
        return cls(str(data["id"]), tuple(context), data["question"], label, semantics)


@dataclass(frozen=True)
class Prediction:
    """The answer to one problem, as written to the predictions file."""

    id: str
    prediction: str | None  # True / False / Unknown, or None when not answered
    method: str | None  # symbolic / mixed / neural (None when not answered)
    confidence: float
    semantics: Semantics
    label: str | None = None  # the gold label, when the problem has one
    verdict: str | None = None
    question_lf: str | None = None
    sentences: int = 0  # sentences read (context and question)
    untranslated: tuple[str, ...] = ()
    error: str | None = None
    note: str | None = None  # how the answer came about, when not plainly symbolic
    # Each channel on its own, for coverage curves and per-channel accuracy (filled when
    # the evaluation asks for both channels; None when a channel gave no answer):
    formalization: float | None = None  # the least confident sentence's best reading
    symbolic: str | None = None  # the solver's answer from every sentence's best reading
    neural: str | None = None  # the fallback classifier's label
    neural_probability: float | None = None  # and its probability

    @property
    def correct(self) -> bool | None:
        return None if self.label is None else self.prediction == self.label

    def to_dict(self) -> dict:
        data = {"id": self.id, "prediction": self.prediction, "method": self.method,
                "confidence": round(self.confidence, 6), "verdict": self.verdict,
                "semantics": self.semantics.value}
        if self.question_lf is not None:
            data["question_lf"] = self.question_lf
        if self.label is not None:
            data["label"] = self.label
            data["correct"] = self.correct
        if self.untranslated:
            data["untranslated"] = list(self.untranslated)
        if self.error is not None:
            data["error"] = self.error
        if self.note is not None:
            data["note"] = self.note
        for name in ("formalization", "symbolic", "neural", "neural_probability"):
            value = getattr(self, name)
            if value is not None:
                data[name] = round(value, 6) if isinstance(value, float) else value
        return data


def read_problems(path: str, *, limit: int | None = None) -> Iterator[Problem]:
    """The problems of a JSONL file, in order (the first ``limit`` when given)."""
    from .datasets import iter_jsonl

    if limit is not None and limit <= 0:
        return
    for count, (where, data) in enumerate(iter_jsonl(path), 1):
        yield Problem.from_dict(data, where=where)
        if count == limit:
            return


def predict(problem: Problem, pipeline, *, semantics: Semantics | str | None = None,
            both_channels: bool = False) -> Prediction:
    """Answer one problem with ``pipeline`` (a ``neurosym.pipeline.Pipeline``).

    ``semantics`` overrides the problem's own. Input the pipeline cannot handle gives a
    prediction of None with the reason, never an exception. ``both_channels`` also asks
    the channel that did not answer (the per-channel fields, for coverage curves).
    """
    return _predict_batch([problem], pipeline, semantics, both_channels)[0]


def evaluate(problems: Iterable[Problem], pipeline, *, semantics: Semantics | str | None = None,
             batch_size: int = 256, both_channels: bool = False) -> Iterator[Prediction]:
    """Predictions for ``problems`` in order; the sentences of ``batch_size`` problems at a
    time go to the parser together, and their untranslated questions to the fallback."""
    batch: list[Problem] = []
    for problem in problems:
        batch.append(problem)
        if len(batch) >= batch_size:
            yield from _predict_batch(batch, pipeline, semantics, both_channels)
            batch = []
    if batch:
        yield from _predict_batch(batch, pipeline, semantics, both_channels)


def _predict_batch(batch: list[Problem], pipeline, semantics, both_channels: bool) -> list[Prediction]:
    """Predictions for a batch in one ``ask_many``; when that fails, problem by problem,
    so that one bad problem costs only its own prediction."""
    from .pipeline import statement_sentences

    chosen = [Semantics.parse(semantics) if semantics is not None else p.semantics for p in batch]
    bases = [dict(id=p.id, label=p.label, semantics=s,
                  sentences=sum(len(statement_sentences(t)) for t in (*p.context, p.question)))
             for p, s in zip(batch, chosen)]
    questions = [(list(p.context), p.question, s) for p, s in zip(batch, chosen)]
    try:
        answers = pipeline.ask_many(questions, explain=False, both_channels=both_channels)
    except NeurosymError as exc:
        if len(batch) == 1:
            return [Prediction(prediction=None, method=None, confidence=0.0,
                               error=f"{type(exc).__name__}: {exc}", **bases[0])]
        return [_predict_batch([p], pipeline, semantics, both_channels)[0] for p in batch]
    return [_prediction(answer, base, both_channels) for answer, base in zip(answers, bases)]


def _prediction(answer, base: dict, both_channels: bool) -> Prediction:
    guess = answer.guess
    return Prediction(prediction=answer.label, method=answer.method, confidence=answer.confidence,
                      verdict=answer.verdict.value, question_lf=answer.question.lf,
                      untranslated=tuple(item.text for item in answer.untranslated), note=answer.note,
                      formalization=answer.formalization,
                      symbolic=answer.symbolic_label if both_channels else None,
                      neural=guess.label if guess is not None else None,
                      neural_probability=guess.probability if guess is not None else None, **base)


METHODS = ("symbolic", "mixed", "neural")  # the channels that answer, most formal first


@dataclass
class MethodCounts:
    """How many problems one method answered and, of the labelled ones, how many correctly."""

    answered: int = 0
    labelled: int = 0
    correct: int = 0

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.labelled if self.labelled else None

    def to_dict(self) -> dict:
        data = {"answered": self.answered}
        if self.labelled:
            data.update(labelled=self.labelled, correct=self.correct,
                        accuracy=round(self.accuracy, 6))
        return data


@dataclass
class Summary:
    """Accuracy, coverage and throughput of an evaluation run, built up one prediction at a time.

    ``coverage`` is the share of problems the symbolic channel answered on its own (a
    proof); ``coverage_with_mixed`` adds the answers where the solver decided from the
    formalized part of a partly formalized context. ``selective_accuracy`` is the accuracy
    of the symbolic answers alone: how far a user can trust an answer that comes with a proof.
    """

    problems: int = 0
    sentences: int = 0
    labelled: int = 0
    correct: int = 0
    answered: int = 0
    untranslated: int = 0  # problems with a sentence that could not be formalized
    errors: int = 0
    elapsed_s: float = 0.0
    by_label: dict[str, list[int]] = field(default_factory=dict)  # gold label -> [correct, total]
    by_method: dict[str, MethodCounts] = field(default_factory=dict)  # answered problems only
    predicted: Counter = field(default_factory=Counter)

    def add(self, prediction: Prediction) -> None:
        self.problems += 1
        self.sentences += prediction.sentences
        self.answered += prediction.prediction is not None
        self.untranslated += bool(prediction.untranslated)
        self.errors += prediction.error is not None
        self.predicted[str(prediction.prediction)] += 1
        if prediction.label is not None:
            self.labelled += 1
            self.correct += bool(prediction.correct)
            counts = self.by_label.setdefault(prediction.label, [0, 0])
            counts[0] += bool(prediction.correct)
            counts[1] += 1
        if prediction.prediction is not None and prediction.method is not None:
            method = self.by_method.setdefault(prediction.method, MethodCounts())
            method.answered += 1
            if prediction.label is not None:
                method.labelled += 1
                method.correct += bool(prediction.correct)

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.labelled if self.labelled else None

    @property
    def coverage(self) -> float | None:
        """The share of problems answered by the symbolic channel alone."""
        return self._share_answered_by("symbolic")

    @property
    def coverage_with_mixed(self) -> float | None:
        """The share of problems answered with the solver: symbolic or mixed."""
        return self._share_answered_by("symbolic", "mixed")

    @property
    def selective_accuracy(self) -> float | None:
        """The accuracy of the symbolic answers alone (None without labelled ones)."""
        symbolic = self.by_method.get("symbolic")
        return symbolic.accuracy if symbolic is not None else None

    def _share_answered_by(self, *methods: str) -> float | None:
        if not self.problems:
            return None
        answered = sum(self.by_method[m].answered for m in methods if m in self.by_method)
        return answered / self.problems

    def _methods_in_order(self) -> list[tuple[str, MethodCounts]]:
        rank = {name: index for index, name in enumerate(METHODS)}
        return sorted(self.by_method.items(), key=lambda item: (rank.get(item[0], len(rank)), item[0]))

    @property
    def problems_per_s(self) -> float:
        return self.problems / self.elapsed_s if self.elapsed_s > 0 else 0.0

    @property
    def sentences_per_s(self) -> float:
        return self.sentences / self.elapsed_s if self.elapsed_s > 0 else 0.0

    def to_dict(self) -> dict:
        data = {"problems": self.problems, "answered": self.answered,
                "untranslated": self.untranslated, "errors": self.errors,
                "sentences": self.sentences, "elapsed_s": round(self.elapsed_s, 3),
                "problems_per_s": round(self.problems_per_s, 2),
                "sentences_per_s": round(self.sentences_per_s, 2),
                "predicted": dict(self.predicted),
                "by_method": {name: counts.to_dict() for name, counts in self._methods_in_order()}}
        if self.problems:
            data["coverage"] = round(self.coverage, 6)
            data["coverage_with_mixed"] = round(self.coverage_with_mixed, 6)
        if self.labelled:
            data["accuracy"] = round(self.accuracy, 6)
            data["labelled"] = self.labelled
            data["by_label"] = {label: {"correct": c, "total": t, "accuracy": round(c / t, 6)}
                                for label, (c, t) in sorted(self.by_label.items())}
        if self.selective_accuracy is not None:
            data["selective_accuracy"] = round(self.selective_accuracy, 6)
        return data

    def format(self) -> str:
        """The summary as a few lines of text."""
        lines = [f"{self.problems} problems, {self.answered} answered, "
                 f"{self.untranslated} not formalized, {self.errors} errors"]
        if self.labelled:
            lines.append(f"accuracy: {self.accuracy:.2%} ({self.correct}/{self.labelled})")
            for label, (c, t) in sorted(self.by_label.items()):
                lines.append(f"  {label:<8} {c / t:.2%} ({c}/{t})")
        if self.by_method:
            lines.append("by method:")
            for name, counts in self._methods_in_order():
                line = f"  {name:<8} answered {counts.answered}"
                if counts.labelled:
                    line += f", accuracy {counts.accuracy:.2%} ({counts.correct}/{counts.labelled})"
                lines.append(line)
        if self.problems:
            symbolic = self.by_method.get("symbolic", MethodCounts()).answered
            lines.append(f"coverage: {self.coverage:.2%} symbolic ({symbolic}/{self.problems}), "
                         f"{self.coverage_with_mixed:.2%} symbolic or mixed")
        if self.selective_accuracy is not None:
            symbolic = self.by_method["symbolic"]
            lines.append(f"selective accuracy: {self.selective_accuracy:.2%} "
                         f"({symbolic.correct}/{symbolic.labelled} symbolic answers right)")
        lines.append(f"throughput: {self.problems_per_s:.1f} problems/s, "
                     f"{self.sentences_per_s:.1f} sentences/s ({self.elapsed_s:.2f} s)")
        return "\n".join(lines)


def run_eval(path: str, out: str, pipeline, *, limit: int | None = None,
             semantics: Semantics | str | None = None, progress: bool = False,
             batch_size: int = 256, both_channels: bool = False) -> Summary:
    """Answer the problems of ``path``, write one prediction line per problem to ``out``,
    and return the summary. ``progress`` shows a progress bar on standard error."""
    from tqdm import tqdm

    problems = list(read_problems(path, limit=limit))  # read first: bad input fails before any work
    summary = Summary()
    started = time.perf_counter()
    try:
        stream = open(out, "w", encoding="utf-8")
    except OSError as exc:
        raise InputFormatError(f"{out}: {exc.strerror}") from None
    with stream, tqdm(total=len(problems), desc="answering", unit=" problems",
                      disable=not progress) as bar:
        for prediction in evaluate(problems, pipeline, semantics=semantics, batch_size=batch_size,
                                   both_channels=both_channels):
            stream.write(json.dumps(prediction.to_dict(), ensure_ascii=False) + "\n")
            summary.add(prediction)
            bar.update(1)
    summary.elapsed_s = time.perf_counter() - started
    return summary
