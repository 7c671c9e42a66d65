"""The neural fallback classifier: training, calibration, device choice, shipped weights.

Everything runs on the CPU; the training test takes a few steps on a few generated
problems (the shared data sets are left out by pointing at an empty directory).
"""

from __future__ import annotations

import json
import math
import random

import pytest

torch = pytest.importorskip("torch")

from neurosym.encoder import pick_device  # noqa: E402
from neurosym.errors import NeurosymError  # noqa: E402
from neurosym.fallback import FallbackClassifier, FallbackInput, Guess, default_weights_path  # noqa: E402
from neurosym.parser.calibration import (  # noqa: E402
    fit_softmax_temperature, softmax_negative_log_likelihood,
)
from neurosym.verdicts import Semantics  # noqa: E402

EASY = [
    FallbackInput(("Bob is big.", "All big things are red."), "Bob is red.", Semantics.CLASSICAL),
    FallbackInput(("The cat is blue.",), "The cat is not blue.", Semantics.DIRECTIONAL),
    FallbackInput(("Anne is kind.",), "Anne is round.", Semantics.CLOSED_WORLD),
]


def test_the_input_puts_semantics_and_claim_first_then_the_premises():
    first, second = EASY[1].pair()
    assert first == "directional: The cat is not blue." and second == "The cat is blue."


# ---------------------------------------------------------------- training on the CPU


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    from neurosym.training.train_fallback import FallbackSettings, calibrate_and_report, train

    out = tmp_path_factory.mktemp("fallback")
    empty = tmp_path_factory.mktemp("no-shared-data")
    settings = FallbackSettings(steps=4, batch_size=8, generated=24, validation_generated=12,
                                validation_per_set=0, warmup=2, max_tokens=64, data_dir=str(empty))
    train(settings, out=out, device="cpu")
    report = calibrate_and_report(out, settings, device="cpu")
    return out, report


def test_a_few_training_steps_save_small_weights_and_a_config(trained):
    out, _ = trained
    config = json.loads((out / "config.json").read_text())
    assert config["model"]["n_lower"] == 5 and config["training"]["settings"]["steps"] == 4
    assert config["training"]["examples"] == {"generated": 24}
    weights = out / "fallback.safetensors"
    assert weights.stat().st_size < 20 * 2**20  # adapters and head only, not the encoder


def test_calibration_fits_a_temperature_and_reports_the_error(trained):
    out, report = trained
    assert report["temperature"] > 0 and 0 <= report["ece_after"] <= 1
    assert report["by_source"]["generated"]["n"] == 12
    stored = json.loads((out / "config.json").read_text())["calibration"]
    assert stored["temperature"] == report["temperature"]


def test_the_trained_classifier_predicts_calibrated_probabilities_on_the_cpu(trained):
    out, report = trained
    classifier = FallbackClassifier.load(out, device="cpu")
    assert classifier.device.type == "cpu" and classifier.temperature == pytest.approx(report["temperature"])
    guesses = classifier.predict(EASY)
    assert len(guesses) == 3 and all(isinstance(g, Guess) for g in guesses)
    for guess in guesses:
        assert set(guess.probabilities) == {"True", "False", "Unknown"}
        assert sum(guess.probabilities.values()) == pytest.approx(1.0, abs=1e-5)
        assert guess.probability == max(guess.probabilities.values())
        assert guess.label == max(guess.probabilities, key=guess.probabilities.get)
    # batching and order do not change a guess
    again = classifier.predict(list(reversed(EASY)))
    assert [g.label for g in reversed(again)] == [g.label for g in guesses]
    assert classifier.predict([]) == []


# ---------------------------------------------------------------- device choice


def test_auto_picks_the_gpu_only_when_there_is_one():
    assert pick_device("auto").type == ("cuda" if torch.cuda.is_available() else "cpu")
    assert pick_device("cpu").type == "cpu"


@pytest.mark.skipif(torch.cuda.is_available(), reason="this machine has a GPU")
def test_forcing_the_gpu_without_one_is_a_clear_error():
    with pytest.raises(NeurosymError, match="no GPU"):
        pick_device("cuda")


def test_an_unknown_device_is_refused():
    with pytest.raises(NeurosymError, match="auto, cpu or cuda"):
        pick_device("tpu")


def test_a_directory_without_weights_says_how_to_train(tmp_path):
    with pytest.raises(NeurosymError, match="neurosym train fallback"):
        FallbackClassifier.load(tmp_path)


# ---------------------------------------------------------------- temperature scaling


def test_the_softmax_temperature_is_recovered_from_synthetic_scores():
    rng = random.Random(0)
    true_temperature = 2.5
    logits, labels = [], []
    for _ in range(3000):
        row = [rng.gauss(0, 3) for _ in range(3)]
        weights = [math.exp(z / true_temperature) for z in row]
        labels.append(rng.choices(range(3), weights)[0])
        logits.append(row)
    fitted = fit_softmax_temperature(logits, labels)
    assert fitted == pytest.approx(true_temperature, rel=0.15)
    nll = softmax_negative_log_likelihood
    assert nll(logits, labels, fitted) <= min(nll(logits, labels, 1.0), nll(logits, labels, 5.0))


def test_temperature_fitting_needs_matching_examples():
    with pytest.raises(ValueError):
        fit_softmax_temperature([[0.0, 1.0, 2.0]], [0, 1])
    with pytest.raises(ValueError):
        fit_softmax_temperature([], [])


# ---------------------------------------------------------------- the shipped weights


@pytest.mark.skipif(not (default_weights_path() / "config.json").is_file(), reason="no shipped weights")
def test_the_shipped_classifier_loads_offline_and_is_calibrated():
    classifier = FallbackClassifier.load(device="cpu")
    config = json.loads((default_weights_path() / "config.json").read_text())
    assert classifier.temperature == pytest.approx(config["calibration"]["temperature"])
    guesses = classifier.predict(EASY)
    assert all(0.0 < g.probability <= 1.0 for g in guesses)
