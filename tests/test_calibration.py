"""Temperature and bias scaling of the parser's confidence, on synthetic scores whose right
scaling is known (no torch, no trained model)."""

from __future__ import annotations

import json
import math
import random

import pytest

from neurosym.parser.calibration import (
    calibrate, calibrated_log_confidence, calibration_table, expected_calibration_error,
    bias_of, fit_platt, fit_temperature, negative_log_likelihood, temperature_of,
)


def sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z))


def over_confident(n: int, temperature: float, *, seed: int) -> tuple[list[float], list[bool]]:
    """Outcomes drawn from true probabilities sigmoid(z), reported as sigmoid(temperature * z):
    the confidences of a model over-confident by exactly ``temperature``."""
    rng = random.Random(seed)
    confidences, correct = [], []
    for _ in range(n):
        z = rng.gauss(0.8, 1.5)
        correct.append(rng.random() < sigmoid(z))
        confidences.append(sigmoid(temperature * z))
    return confidences, correct


@pytest.mark.parametrize("true_temperature", [0.5, 1.0, 2.5, 4.0])
def test_the_fit_recovers_the_temperature_of_a_synthetic_generator(true_temperature):
    confidences, correct = over_confident(20_000, true_temperature, seed=1)
    assert fit_temperature(confidences, correct) == pytest.approx(true_temperature, rel=0.08)


def miscalibrated(n: int, temperature: float, bias: float, *, seed: int) -> tuple[list[float], list[bool]]:
    """Outcomes drawn from true probabilities sigmoid(z / temperature + bias), reported as
    sigmoid(z): confidences a (temperature, bias) scaling maps back onto the truth."""
    rng = random.Random(seed)
    confidences, correct = [], []
    for _ in range(n):
        z = rng.gauss(1.5, 2.0)
        correct.append(rng.random() < sigmoid(z / temperature + bias))
        confidences.append(sigmoid(z))
    return confidences, correct


@pytest.mark.parametrize("true_temperature, true_bias", [(1.0, 0.0), (2.5, -0.8), (3.0, 0.5), (0.7, -0.3)])
def test_the_platt_fit_recovers_temperature_and_bias_of_a_synthetic_generator(true_temperature, true_bias):
    temperature, bias = fit_platt(*miscalibrated(20_000, true_temperature, true_bias, seed=5))
    assert temperature == pytest.approx(true_temperature, rel=0.08)
    assert bias == pytest.approx(true_bias, abs=0.08)


def test_a_bias_fixes_what_a_temperature_alone_cannot():
    fit_on = miscalibrated(5_000, 2.5, -0.8, seed=6)
    confidences, correct = miscalibrated(5_000, 2.5, -0.8, seed=7)
    temperature_alone = fit_temperature(*fit_on)
    temperature, bias = fit_platt(*fit_on)
    with_temperature = [calibrate(p, temperature_alone) for p in confidences]
    with_both = [calibrate(p, temperature, bias) for p in confidences]
    assert (expected_calibration_error(with_both, correct)
            < expected_calibration_error(with_temperature, correct) / 2)
    assert (negative_log_likelihood(confidences, correct, temperature, bias)
            < negative_log_likelihood(confidences, correct, temperature_alone))


def test_the_platt_fit_keeps_the_scaling_increasing_when_confidence_misleads():
    confidences = [0.9, 0.8, 0.3, 0.2] * 50
    correct = [False, False, True, True] * 50
    temperature, _ = fit_platt(confidences, correct)
    assert temperature > 0
    assert calibrate(0.9, temperature) >= calibrate(0.2, temperature)


def test_scaling_with_the_fitted_temperature_lowers_ece_and_nll_on_fresh_draws():
    fit_on = over_confident(5_000, 3.0, seed=2)
    confidences, correct = over_confident(5_000, 3.0, seed=3)
    temperature = fit_temperature(*fit_on)
    scaled = [calibrate(p, temperature) for p in confidences]
    before = expected_calibration_error(confidences, correct)
    after = expected_calibration_error(scaled, correct)
    assert before > 0.1
    assert after < before / 3
    assert (negative_log_likelihood(scaled, correct, 1.0)
            < negative_log_likelihood(confidences, correct, 1.0))


def test_the_fit_minimises_the_negative_log_likelihood():
    confidences, correct = over_confident(2_000, 2.0, seed=4)
    best = fit_temperature(confidences, correct)
    at_best = negative_log_likelihood(confidences, correct, best)
    for other in (best * 0.8, best * 1.25):
        assert negative_log_likelihood(confidences, correct, other) > at_best


def test_fit_rejects_mismatched_or_empty_input():
    with pytest.raises(ValueError):
        fit_temperature([0.5, 0.9], [True])
    with pytest.raises(ValueError):
        fit_temperature([], [])


def test_temperature_one_changes_nothing_and_scaling_keeps_the_order():
    confidences = [0.01, 0.3, 0.5, 0.77, 0.999]
    assert [calibrate(p, 1.0) for p in confidences] == pytest.approx(confidences)
    for temperature in (0.5, 2.7):
        scaled = [calibrate(p, temperature) for p in confidences]
        assert scaled == sorted(scaled)
        assert calibrate(0.5, temperature) == pytest.approx(0.5)
    assert calibrate(0.99, 3.0) < 0.99 and calibrate(0.2, 3.0) > 0.2  # T > 1 pulls towards 1/2


@pytest.mark.parametrize("score", [-30.0, -2.0, -0.3, -1e-6])
def test_calibrated_log_confidence_is_the_log_of_the_scaled_probability(score):
    p = math.exp(score)
    for temperature in (1.0, 0.7, 2.7):
        expected = math.log(sigmoid(math.log(p / (1 - p)) / temperature))
        assert calibrated_log_confidence(score, temperature) == pytest.approx(expected, rel=1e-6)
        assert calibrate(p, temperature) == pytest.approx(math.exp(expected), rel=1e-6)


def test_confidences_next_to_one_stay_below_one_and_ordered():
    scaled = [calibrated_log_confidence(score, 2.7) for score in (-1e-6, -1e-8, -1e-10, 0.0)]
    assert all(s < 0.0 for s in scaled)
    assert scaled == sorted(scaled) and len(set(scaled)) == len(scaled)
    assert calibrate(0.0, 2.7) == 0.0


def test_ece_is_the_weighted_gap_between_confidence_and_accuracy():
    # bin [0.2, 0.3): confidence 0.25, accuracy 1/2; bin [0.9, 1.0]: confidence 0.95, accuracy 1
    confidences = [0.25, 0.25, 0.95, 0.95]
    correct = [True, False, True, True]
    assert expected_calibration_error(confidences, correct) == pytest.approx(0.5 * 0.25 + 0.5 * 0.05)
    assert expected_calibration_error([1.0, 0.0], [True, False]) == 0.0  # edges are included
    table = calibration_table(confidences, correct, bins=(0.0, 0.5, 1.0))
    assert [row["n"] for row in table["bins"]] == [2, 2]
    assert table["ece"] == pytest.approx(0.15)


def test_the_temperature_is_read_from_config_json_and_defaults_to_one(tmp_path):
    assert temperature_of(tmp_path) == 1.0
    (tmp_path / "config.json").write_text(json.dumps({"model": {}}))
    assert temperature_of(tmp_path) == 1.0
    (tmp_path / "config.json").write_text(json.dumps({"model": {}, "calibration": {"temperature": 2.5}}))
    assert temperature_of(tmp_path) == 2.5
    assert bias_of(tmp_path) == 0.0


def test_the_bias_is_read_from_config_json(tmp_path):
    assert bias_of(tmp_path) == 0.0
    (tmp_path / "config.json").write_text(
        json.dumps({"calibration": {"temperature": 2.5, "bias": -0.75}}))
    assert (temperature_of(tmp_path), bias_of(tmp_path)) == (2.5, -0.75)
    assert calibrate(0.9, 2.5, -0.75) == pytest.approx(sigmoid(math.log(9) / 2.5 - 0.75))
