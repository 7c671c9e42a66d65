"""Scaling of the parser's reading confidence (temperature and bias), and how to measure
calibration.

The beam search scores a reading by its sequence log-probability, and ``exp(score)`` is
over-confident on sentence shapes the model never saw. The event "the top reading is
right" is binary, so the confidence is calibrated the way a binary classifier is, on the
log-odds (Platt scaling; with ``b = 0`` it is temperature scaling, Guo et al. 2017):

    calibrated = sigmoid(logit(p) / T + b)

``T > 1`` pulls confidences towards 1/2 (the model was over-confident), ``b < 0`` lowers
them all, ``T == 1, b == 0`` changes nothing, and the map is increasing, so the order of
readings never changes. A temperature alone cannot fix both ends: it pulls every
confidence towards 1/2, so the parser's low confidences stayed too high while its high
ones were right. ``fit_platt`` fits ``T`` and ``b`` together by minimising the negative
log-likelihood of right/wrong outcomes on a validation set (``fit_temperature`` fits ``T``
alone); both are stored in the weights' config.json under ``"calibration"``
(``"temperature"``, ``"bias"``); a missing key means ``T = 1``, ``b = 0``.

No torch here: this module is plain arithmetic, tested on synthetic scores.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Sequence

__all__ = ["calibrate", "calibrated_log_confidence", "fit_temperature", "fit_platt",
           "negative_log_likelihood", "bias_of",
           "fit_softmax_temperature", "softmax_negative_log_likelihood",
           "expected_calibration_error", "calibration_table", "temperature_of", "EQUAL_WIDTH_BINS"]

# Confidences are clipped away from 0 and 1 so that their log-odds stay finite.
_EPSILON = 1e-12

EQUAL_WIDTH_BINS = 10


def _logit(p: float) -> float:
    p = min(1.0 - _EPSILON, max(_EPSILON, p))
    return math.log(p) - math.log1p(-p)


def _log_sigmoid(z: float) -> float:
    """``log(sigmoid(z))`` without overflow for large ``|z|``."""
    return -math.log1p(math.exp(-z)) if z >= 0 else z - math.log1p(math.exp(z))


def calibrate(confidence: float, temperature: float, bias: float = 0.0) -> float:
    """The scaled confidence ``sigmoid(logit(confidence) / temperature + bias)``."""
    if confidence <= 0.0:
        return 0.0
    return math.exp(calibrated_log_confidence(math.log(confidence), temperature, bias))


def calibrated_log_confidence(score: float, temperature: float, bias: float = 0.0) -> float:
    """``log(calibrate(exp(score), temperature, bias))`` computed from the log-probability
    ``score`` itself (so confidences within 1e-16 of 1 keep their differences)."""
    if temperature == 1.0 and bias == 0.0:
        return score
    score = min(-_EPSILON, score)
    log_odds = score - math.log(-math.expm1(score))  # log p - log(1 - p)
    return _log_sigmoid(log_odds / temperature + bias)


def negative_log_likelihood(confidences: Sequence[float], correct: Sequence[bool],
                            temperature: float, bias: float = 0.0) -> float:
    """Mean negative log-likelihood of the outcomes under the scaled confidences."""
    total = 0.0
    for p, right in zip(confidences, correct, strict=True):
        z = _logit(p) / temperature + bias
        total -= _log_sigmoid(z) if right else _log_sigmoid(-z)
    return total / len(confidences)


def fit_platt(confidences: Sequence[float], correct: Sequence[bool], *,
              iterations: int = 100) -> tuple[float, float]:
    """``(temperature, bias)`` minimising the negative log-likelihood of ``correct`` under
    ``sigmoid(logit(p) / T + b)``: a logistic regression on the log-odds, fitted by
    Newton's method with step halving (the loss is convex in ``1 / T`` and ``b``).

    The slope ``1 / T`` is kept positive (at least 1/1000), so the scaling stays
    increasing even on data where confidence and correctness disagree.
    """
    if len(confidences) != len(correct):
        raise ValueError(f"{len(confidences)} confidences but {len(correct)} outcomes")
    if not confidences:
        raise ValueError("fit_platt needs at least one outcome")
    z = [_logit(p) for p in confidences]
    y = [1.0 if right else 0.0 for right in correct]
    min_slope = 1e-3

    def loss(a: float, b: float) -> float:
        return negative_log_likelihood(confidences, correct, 1.0 / a, b)

    a, b = 1.0, 0.0
    current = loss(a, b)
    for _ in range(iterations):
        # gradient and Hessian of the summed loss (a tiny ridge keeps the Hessian invertible)
        ga = gb = haa = hab = hbb = 0.0
        for zi, yi in zip(z, y):
            q = 1.0 / (1.0 + math.exp(-max(-500.0, min(500.0, a * zi + b))))
            ga += (q - yi) * zi
            gb += q - yi
            w = q * (1.0 - q)
            haa += w * zi * zi
            hab += w * zi
            hbb += w
        haa, hbb = haa + 1e-9, hbb + 1e-9
        det = haa * hbb - hab * hab
        if det <= 0.0:
            break
        step_a, step_b = (hbb * ga - hab * gb) / det, (haa * gb - hab * ga) / det
        scale = 1.0
        while True:
            new_a, new_b = max(min_slope, a - scale * step_a), b - scale * step_b
            new_loss = loss(new_a, new_b)
            if new_loss <= current or scale < 1e-6:
                break
            scale /= 2
        if new_loss > current:
            break
        converged = abs(new_a - a) < 1e-9 and abs(new_b - b) < 1e-9
        a, b, current = new_a, new_b, new_loss
        if converged:
            break
    return 1.0 / a, b


def fit_temperature(confidences: Sequence[float], correct: Sequence[bool], *,
                    low: float = 0.05, high: float = 20.0, tolerance: float = 1e-4) -> float:
    """The temperature in ``[low, high]`` minimising the negative log-likelihood.

    ``confidences`` are probabilities in [0, 1] (e.g. ``reading.probability``),
    ``correct`` whether each was right. The NLL is convex in ``1 / T``, so a
    golden-section search over ``log T`` finds the minimum.
    """
    if len(confidences) != len(correct):
        raise ValueError(f"{len(confidences)} confidences but {len(correct)} outcomes")
    if not confidences:
        raise ValueError("fit_temperature needs at least one outcome")
    return _minimise_temperature(lambda t: negative_log_likelihood(confidences, correct, t),
                                 low, high, tolerance)


def softmax_negative_log_likelihood(logits: Sequence[Sequence[float]], labels: Sequence[int],
                                    temperature: float) -> float:
    """Mean negative log-likelihood of the true classes under ``softmax(logits / T)``."""
    total = 0.0
    for row, label in zip(logits, labels, strict=True):
        scaled = [z / temperature for z in row]
        top = max(scaled)
        total += top + math.log(sum(math.exp(z - top) for z in scaled)) - scaled[label]
    return total / len(logits)


def fit_softmax_temperature(logits: Sequence[Sequence[float]], labels: Sequence[int], *,
                            low: float = 0.05, high: float = 20.0, tolerance: float = 1e-4) -> float:
    """The temperature of a multi-class classifier (``softmax(logits / T)``, Guo et al.
    2017) minimising the negative log-likelihood of ``labels`` (class indices)."""
    if len(logits) != len(labels):
        raise ValueError(f"{len(logits)} rows of logits but {len(labels)} labels")
    if not logits:
        raise ValueError("fit_softmax_temperature needs at least one example")
    return _minimise_temperature(lambda t: softmax_negative_log_likelihood(logits, labels, t),
                                 low, high, tolerance)


def _minimise_temperature(loss_at, low: float, high: float, tolerance: float) -> float:
    """Golden-section search over ``log T`` (both NLLs are convex in ``1 / T``)."""
    ratio = (math.sqrt(5) - 1) / 2
    a, b = math.log(low), math.log(high)

    def loss(log_t: float) -> float:
        return loss_at(math.exp(log_t))

    c, d = b - ratio * (b - a), a + ratio * (b - a)
    fc, fd = loss(c), loss(d)
    while b - a > tolerance:
        if fc <= fd:
            b, d, fd = d, c, fc
            c = b - ratio * (b - a)
            fc = loss(c)
        else:
            a, c, fc = c, d, fd
            d = a + ratio * (b - a)
            fd = loss(d)
    return math.exp((a + b) / 2)


def _binned(confidences: Sequence[float], correct: Sequence[bool],
            bins: int | Sequence[float]) -> tuple[float, list[dict]]:
    """The (unrounded) expected calibration error and the table rows of non-empty bins."""
    if len(confidences) != len(correct):
        raise ValueError(f"{len(confidences)} confidences but {len(correct)} outcomes")
    edges = [k / bins for k in range(bins + 1)] if isinstance(bins, int) else list(bins)
    rows, error, n = [], 0.0, len(confidences)
    for index, (low, high) in enumerate(zip(edges, edges[1:])):
        last = index == len(edges) - 2
        part = [(p, right) for p, right in zip(confidences, correct)
                if low <= p < high or (last and p == high)]
        if not part:
            continue
        mean_confidence = sum(p for p, _ in part) / len(part)
        accuracy = sum(bool(right) for _, right in part) / len(part)
        error += len(part) / n * abs(mean_confidence - accuracy)
        rows.append({"confidence": f"[{low:.2f}, {min(high, 1):.2f})", "n": len(part),
                     "mean_confidence": round(mean_confidence, 4), "accuracy": round(accuracy, 4)})
    return error, rows


def expected_calibration_error(confidences: Sequence[float], correct: Sequence[bool],
                               bins: int | Sequence[float] = EQUAL_WIDTH_BINS) -> float:
    """Size-weighted mean gap between confidence and accuracy over confidence bins;
    ``bins`` is a number of equal-width bins or the bin edges (the last one inclusive)."""
    return _binned(confidences, correct, bins)[0]


def calibration_table(confidences: Sequence[float], correct: Sequence[bool], *,
                      bins: int | Sequence[float] = EQUAL_WIDTH_BINS) -> dict:
    """Expected calibration error (rounded) and, per non-empty confidence bin, its size,
    mean confidence and accuracy: the table docs/parser.md prints."""
    error, rows = _binned(confidences, correct, bins)
    return {"ece": round(error, 4), "bins": rows}


def _calibration_record(directory: str | Path) -> dict:
    path = Path(directory) / "config.json"
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8")).get("calibration") or {}


def temperature_of(directory: str | Path) -> float:
    """The fitted temperature in ``directory/config.json`` (1 when none was fitted)."""
    return float(_calibration_record(directory).get("temperature", 1.0))


def bias_of(directory: str | Path) -> float:
    """The fitted bias in ``directory/config.json`` (0 when none was fitted)."""
    return float(_calibration_record(directory).get("bias", 0.0))
