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
    method: str | None  # symbolic (neural and mixed come with the fallback)
    confidence: float
    semantics: Semantics
    label: str | None = None  # the gold label, when the problem has one
    verdict: str | None = None
    question_lf: str | None = None
    sentences: int = 0  # sentences read (context and question)
    untranslated: tuple[str, ...] = ()
    error: str | None = None

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


def predict(problem: Problem, pipeline, *, semantics: Semantics | str | None = None) -> Prediction:
    """Answer one problem with ``pipeline`` (a ``neurosym.pipeline.Pipeline``).

    ``semantics`` overrides the problem's own. Input the pipeline cannot handle (a
    sentence not formalized, a rule outside the semantics) gives a prediction of None
    with the reason, never an exception.
    """
    from .pipeline import NotFormalizedError, statement_sentences

    chosen = Semantics.parse(semantics) if semantics is not None else problem.semantics
    base = dict(id=problem.id, label=problem.label, semantics=chosen,
                sentences=sum(len(statement_sentences(t)) for t in (*problem.context, problem.question)))
    try:
        answer = pipeline.ask(list(problem.context), problem.question, semantics=chosen, explain=False)
    except NotFormalizedError as exc:
        return Prediction(prediction=None, method=None, confidence=0.0,
                          untranslated=tuple(item.text for _, item in exc.sentences), **base)
    except NeurosymError as exc:
        return Prediction(prediction=None, method=None, confidence=0.0,
                          error=f"{type(exc).__name__}: {exc}", **base)
    return Prediction(prediction=answer.label, method=answer.method, confidence=answer.confidence,
                      verdict=answer.verdict.value, question_lf=answer.question.lf, **base)


def evaluate(problems: Iterable[Problem], pipeline, *, semantics: Semantics | str | None = None,
             batch_size: int = 256) -> Iterator[Prediction]:
    """Predictions for ``problems`` in order; the sentences of ``batch_size`` problems at a
    time go to the parser together."""
    batch: list[Problem] = []
    for problem in problems:
        batch.append(problem)
        if len(batch) >= batch_size:
            yield from _answer_batch(batch, pipeline, semantics)
            batch = []
    if batch:
        yield from _answer_batch(batch, pipeline, semantics)


def _answer_batch(batch: list[Problem], pipeline, semantics) -> Iterator[Prediction]:
    pipeline.prefetch([text for p in batch for text in (*p.context, p.question)])
    for problem in batch:
        yield predict(problem, pipeline, semantics=semantics)


@dataclass
class Summary:
    """Accuracy and throughput of an evaluation run, built up one prediction at a time."""

    problems: int = 0
    sentences: int = 0
    labelled: int = 0
    correct: int = 0
    answered: int = 0
    untranslated: int = 0  # problems with a sentence that could not be formalized
    errors: int = 0
    elapsed_s: float = 0.0
    by_label: dict[str, list[int]] = field(default_factory=dict)  # gold label -> [correct, total]
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

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.labelled if self.labelled else None

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
                "predicted": dict(self.predicted)}
        if self.labelled:
            data["accuracy"] = round(self.accuracy, 6)
            data["labelled"] = self.labelled
            data["by_label"] = {label: {"correct": c, "total": t, "accuracy": round(c / t, 6)}
                                for label, (c, t) in sorted(self.by_label.items())}
        return data

    def format(self) -> str:
        """The summary as a few lines of text."""
        lines = [f"{self.problems} problems, {self.answered} answered, "
                 f"{self.untranslated} not formalized, {self.errors} errors"]
        if self.labelled:
            lines.append(f"accuracy: {self.accuracy:.2%} ({self.correct}/{self.labelled})")
            for label, (c, t) in sorted(self.by_label.items()):
                lines.append(f"  {label:<8} {c / t:.2%} ({c}/{t})")
        lines.append(f"throughput: {self.problems_per_s:.1f} problems/s, "
                     f"{self.sentences_per_s:.1f} sentences/s ({self.elapsed_s:.2f} s)")
        return "\n".join(lines)


def run_eval(path: str, out: str, pipeline, *, limit: int | None = None,
             semantics: Semantics | str | None = None, progress: bool = False,
             batch_size: int = 256) -> Summary:
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
        for prediction in evaluate(problems, pipeline, semantics=semantics, batch_size=batch_size):
            stream.write(json.dumps(prediction.to_dict(), ensure_ascii=False) + "\n")
            summary.add(prediction)
            bar.update(1)
    summary.elapsed_s = time.perf_counter() - started
    return summary
