"""Accuracy against coverage: what each routing threshold would give, without re-running.

    predictions (both channels recorded) ──coverage_curve──> [CurvePoint] ──best_threshold──> CurvePoint
                                                                  ├──curve_table──> text
                                                                  └──plot_curve───> PNG

The router sends a problem to the solver when every sentence's best reading is confident
enough: ``formalization >= threshold``. A prediction that recorded both channels
(``formalization``, ``symbolic`` and ``neural``) says what either channel would have
answered, so the whole trade-off is computed from one evaluation run. At a threshold t:

- coverage: the share of labelled problems with a symbolic answer and formalization >= t;
- selective accuracy: the accuracy of those symbolic answers;
- hybrid accuracy: the accuracy when those take the symbolic answer and every other problem
  takes the fallback's (a missing fallback answer counts as wrong).

A low threshold covers more and trusts more doubtful readings; a high one hands more to the
fallback. The curve shows where the symbolic answers stop being worth their proofs.

>>> from neurosym.evaluate import Prediction
>>> from neurosym.verdicts import Semantics
>>> def pred(f, symbolic, neural, label):
...     return Prediction(id="p", prediction=None, method=None, confidence=0.0,
...                       semantics=Semantics.CLASSICAL, label=label,
...                       formalization=f, symbolic=symbolic, neural=neural)
>>> points = coverage_curve([pred(0.9, "True", "True", "True"),
...                          pred(0.4, "False", "Unknown", "Unknown")])
>>> [(p.threshold, p.coverage, p.selective_accuracy, p.hybrid_accuracy) for p in points[:3]]
[(0.0, 1.0, 0.5, 0.5), (0.4, 1.0, 0.5, 0.5), (0.9, 0.5, 1.0, 1.0)]
>>> best_threshold(points).threshold
0.9
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from typing import Iterable, Iterator, Sequence

from .errors import InputFormatError, NeurosymError
from .evaluate import Prediction
from .verdicts import Semantics

__all__ = ["CurvePoint", "PlotUnavailableError", "coverage_curve", "best_threshold", "point_at",
           "curve_table", "plot_curve", "read_predictions"]


class PlotUnavailableError(NeurosymError):
    """Drawing a curve needs matplotlib, which is not installed."""


@dataclass(frozen=True)
class CurvePoint:
    """What routing at one threshold gives on the labelled problems."""

    threshold: float  # the solver answers when formalization >= threshold
    total: int  # labelled problems
    covered: int  # of which the solver answers at this threshold
    symbolic_correct: int  # covered problems whose symbolic answer is right
    hybrid_correct: int  # problems right when covered ones go symbolic and the rest neural

    @property
    def coverage(self) -> float:
        return self.covered / self.total

    @property
    def selective_accuracy(self) -> float | None:
        """The accuracy of the symbolic answers (None when the solver answers nothing)."""
        return self.symbolic_correct / self.covered if self.covered else None

    @property
    def hybrid_accuracy(self) -> float:
        return self.hybrid_correct / self.total

    def to_dict(self) -> dict:
        selective = self.selective_accuracy
        return {"threshold": self.threshold, "coverage": round(self.coverage, 6),
                "covered": self.covered, "total": self.total,
                "selective_accuracy": None if selective is None else round(selective, 6),
                "hybrid_accuracy": round(self.hybrid_accuracy, 6)}


def coverage_curve(predictions: Iterable[Prediction]) -> list[CurvePoint]:
    """One point per distinct threshold, lowest threshold (highest coverage) first.

    The thresholds are 0, each formalization value of a problem with a symbolic answer
    (where the coverage changes), and the number just above the largest (coverage 0: the
    fallback answers everything). Only labelled predictions count. Raises
    ``InputFormatError`` when there are none, or when they lack a channel's fields.
    """
    labelled = [p for p in predictions if p.label is not None]
    _check_channels(labelled)
    # (formalization, symbolic right, neural right) of the problems the solver can answer.
    answerable = sorted(((p.formalization, p.symbolic == p.label, p.neural == p.label)
                         for p in labelled if p.symbolic is not None), reverse=True)
    neural_correct = sum(p.neural == p.label for p in labelled)
    top = answerable[0][0] if answerable else 0.0

    points = [CurvePoint(math.nextafter(top, math.inf), len(labelled), 0, 0, neural_correct)]
    covered = symbolic_correct = neural_replaced = 0
    thresholds = sorted({f for f, _, _ in answerable} | {0.0}, reverse=True)
    for threshold in thresholds:  # highest first: each step covers the problems at this value
        while covered < len(answerable) and answerable[covered][0] >= threshold:
            _, symbolic_right, neural_right = answerable[covered]
            symbolic_correct += symbolic_right
            neural_replaced += neural_right
            covered += 1
        hybrid_correct = neural_correct - neural_replaced + symbolic_correct
        points.append(CurvePoint(threshold, len(labelled), covered, symbolic_correct, hybrid_correct))
    return points[::-1]


def _check_channels(labelled: Sequence[Prediction]) -> None:
    if not labelled:
        raise InputFormatError("the coverage curve needs labelled problems; none has a label")
    for name, channel in (("formalization", "the parser's confidence"), ("neural", "the fallback's label")):
        if all(getattr(p, name) is None for p in labelled):
            raise InputFormatError(
                f"the coverage curve needs both channels for each problem, but none of the "
                f"{len(labelled)} labelled predictions has {name!r} ({channel}); "
                f"evaluate with both channels recorded")
    for p in labelled:
        if p.formalization is not None and not 0.0 <= p.formalization <= 1.0:
            raise InputFormatError(f"prediction {p.id!r}: formalization must be in [0, 1], "
                                   f"got {p.formalization!r}")
        if p.symbolic is not None and p.formalization is None:
            raise InputFormatError(f"prediction {p.id!r}: a symbolic answer without the "
                                   f"formalization confidence it was routed on")


def best_threshold(points: Sequence[CurvePoint], *, min_selective: float | None = None) -> CurvePoint:
    """The point to route at.

    Without ``min_selective``: the highest hybrid accuracy; among equals, the highest
    coverage, so that more answers come with a proof. With it: the highest coverage (the
    lowest threshold) whose symbolic answers are right at least that often; when no
    threshold reaches it, the point of zero coverage (the fallback answers everything).
    Thresholds that cover the same problems tie; the highest of them is taken (it is the
    least confident covered reading itself: the most cautious threshold for that coverage).
    """
    if not points:
        raise InputFormatError("the coverage curve has no points")
    if min_selective is None:
        return max(points, key=lambda p: (p.hybrid_correct, p.covered, p.threshold))
    if not 0.0 <= min_selective <= 1.0:
        raise InputFormatError(f"min_selective must be in [0, 1], got {min_selective}")
    trusted = [p for p in points if p.covered and p.selective_accuracy >= min_selective]
    if not trusted:
        return max(points, key=lambda p: p.threshold)
    return max(trusted, key=lambda p: (p.covered, p.threshold))


def point_at(points: Sequence[CurvePoint], threshold: float) -> CurvePoint:
    """What routing at any ``threshold`` gives: the point of the smallest curve threshold
    at or above it (the same problems clear both)."""
    if not points:
        raise InputFormatError("the coverage curve has no points")
    ordered = sorted(points, key=lambda p: p.threshold)
    return next((p for p in ordered if p.threshold >= threshold), ordered[-1])


def curve_table(points: Sequence[CurvePoint], *, chosen: CurvePoint | None = None,
                max_rows: int = 21) -> str:
    """The curve as a text table of at most ``max_rows`` rows spread evenly along it (plus
    ``chosen``, marked with ``*``); the last row's threshold reads "> x"."""
    ordered = sorted(points, key=lambda p: p.threshold)
    step = max(1, math.ceil((len(ordered) - 1) / max(max_rows - 1, 1)))
    shown = set(range(0, len(ordered), step)) | {len(ordered) - 1}
    shown |= {i for i, p in enumerate(ordered) if p == chosen}
    lines = [f"  {'threshold':>9}  {'coverage':>18}  {'selective':>9}  {'hybrid':>7}"]
    for index in sorted(shown):
        point = ordered[index]
        threshold = f"{point.threshold:.4f}"
        if index == len(ordered) - 1 and index > 0:
            threshold = f">{ordered[index - 1].threshold:.4f}"
        selective = "-" if point.selective_accuracy is None else f"{point.selective_accuracy:.2%}"
        coverage = f"{point.coverage:.2%} ({point.covered}/{point.total})"
        mark = "*" if point == chosen else " "
        lines.append(f"{mark} {threshold:>9}  {coverage:>18}  {selective:>9}  {point.hybrid_accuracy:>7.2%}")
    return "\n".join(lines)


def plot_curve(points: Sequence[CurvePoint], path: str | os.PathLike, *,
               threshold: float | None = None, title: str | None = None) -> None:
    """Draw selective and hybrid accuracy against coverage as a PNG at ``path``.

    ``threshold`` marks the point routing at that threshold gives. Uses matplotlib's Agg
    backend through its object interface, so no display and no global pyplot state.
    """
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError as exc:
        raise PlotUnavailableError("drawing the coverage curve needs matplotlib; run "
                                   "`pip install 'neurosym[plot]'`") from exc
    if not points:
        raise InputFormatError("the coverage curve has no points")
    ordered = sorted(points, key=lambda p: p.threshold)
    figure = Figure(figsize=(6.4, 4.8))
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    selective = [p for p in ordered if p.selective_accuracy is not None]
    axes.plot([p.coverage for p in selective], [p.selective_accuracy for p in selective],
              marker=".", label="selective accuracy (symbolic answers)")
    axes.plot([p.coverage for p in ordered], [p.hybrid_accuracy for p in ordered],
              marker=".", label="hybrid accuracy (rest to the fallback)")
    if threshold is not None:
        chosen = point_at(ordered, threshold)
        for value in (chosen.selective_accuracy, chosen.hybrid_accuracy):
            if value is not None:
                axes.plot([chosen.coverage], [value], marker="o", markersize=9,
                          markerfacecolor="none", color="black")
        axes.axvline(chosen.coverage, color="grey", linestyle=":",
                     label=f"threshold {threshold:g}: coverage {chosen.coverage:.0%}")
    axes.set_xlabel("symbolic coverage")
    axes.set_ylabel("accuracy")
    axes.set_xlim(-0.02, 1.02)
    axes.set_ylim(-0.02, 1.02)
    axes.grid(True, alpha=0.3)
    axes.legend(loc="lower left")
    axes.set_title(title or f"accuracy against coverage ({ordered[0].total} labelled problems)")
    try:
        figure.savefig(os.fspath(path), format="png", dpi=120)
    except OSError as exc:
        raise InputFormatError(f"{path}: {exc.strerror or exc}") from None


def read_predictions(path: str | os.PathLike) -> Iterator[Prediction]:
    """The predictions of a file written by ``run_eval``, for drawing a curve after the run.

    Only the fields the curve and the summary read are restored.
    """
    from .datasets import iter_jsonl

    for where, data in iter_jsonl(path):
        if not isinstance(data, dict) or "id" not in data:
            raise InputFormatError(f"{where}: a prediction must be a JSON object with an 'id'")
        try:
            yield Prediction(
                id=str(data["id"]), prediction=data.get("prediction"), method=data.get("method"),
                confidence=float(data.get("confidence") or 0.0),
                semantics=Semantics.parse(data.get("semantics") or "classical"),
                label=data.get("label"), verdict=data.get("verdict"),
                formalization=_optional_float(data.get("formalization")),
                symbolic=data.get("symbolic"), neural=data.get("neural"),
                neural_probability=_optional_float(data.get("neural_probability")))
        except (TypeError, ValueError, InputFormatError) as exc:
            raise InputFormatError(f"{where}: {exc}") from None


def _optional_float(value) -> float | None:
    return None if value is None else float(value)
