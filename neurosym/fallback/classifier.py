"""The neural fallback: a guess, with its probability, where the parser cannot formalize.

>>> fallback = FallbackClassifier.load()                       # doctest: +SKIP
>>> fallback.predict([FallbackInput(("Bob is big.", "Big things are red."), "Bob is red.")])  # doctest: +SKIP
[Guess(label='True', probability=0.91, probabilities={'True': 0.91, 'False': 0.03, 'Unknown': 0.06})]

The input is one pair for the cross-encoder: the semantics and the claim first, then the
premises (and, in schema-guided mode, the rules, rendered as English through their
glosses). Probabilities are softmax(logits / T) with the temperature T fitted on a
validation split when the weights were trained (``"calibration"`` in config.json). The
device is the GPU when there is one (bfloat16 autocast), else the CPU; it can be forced.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import torch

from ..encoder import autocast, pick_device
from ..errors import NeurosymError
from ..parser.calibration import temperature_of
from .guess import FallbackInput, Guess
from .model import CONFIG_FILE, FallbackNetwork

__all__ = ["FallbackInput", "Guess", "FallbackClassifier", "default_weights_path"]


def default_weights_path() -> Path:
    """The directory of the shipped fallback weights."""
    return Path(__file__).resolve().parent.parent / "weights" / "fallback"


class FallbackClassifier:
    """``FallbackNetwork`` in evaluation mode on a device, with its fitted temperature."""

    def __init__(self, network: FallbackNetwork, *, device: torch.device | str = "cpu",
                 temperature: float = 1.0, batch_size: int = 32) -> None:
        if not temperature > 0:
            raise NeurosymError(f"the fallback's temperature must be positive, got {temperature}")
        self.device = torch.device(device)
        self.network = network.to(self.device).eval()
        self.temperature = temperature
        self.batch_size = batch_size

    @classmethod
    def load(cls, path: str | Path | None = None, *, device: str = "auto",
             batch_size: int | None = None) -> FallbackClassifier:
        """The classifier saved at ``path`` (default: the shipped weights)."""
        directory = Path(path) if path is not None else default_weights_path()
        if not (directory / CONFIG_FILE).is_file():
            raise NeurosymError(f"{directory}: no trained fallback classifier here (config.json is missing); "
                                "train one with `neurosym train fallback --out DIR`")
        chosen = pick_device(device)
        temperature = temperature_of(directory)
        size = batch_size or (256 if chosen.type == "cuda" else 32)
        return cls(FallbackNetwork.load(directory), device=chosen, temperature=temperature, batch_size=size)

    @property
    def labels(self) -> tuple[str, ...]:
        return self.network.config.labels

    def logits(self, inputs: Sequence[FallbackInput]) -> torch.Tensor:
        """Uncalibrated logits (n, labels), computed in batches of similar lengths."""
        if not inputs:
            return torch.zeros(0, len(self.labels))
        order = sorted(range(len(inputs)), key=lambda i: len(inputs[i].claim) + sum(map(len, inputs[i].premises)))
        out = torch.zeros(len(inputs), len(self.labels))
        with torch.inference_mode(), autocast(self.device):
            for start in range(0, len(order), self.batch_size):
                chunk = order[start:start + self.batch_size]
                first, second = zip(*(inputs[i].pair() for i in chunk))
                encoded = self.network.tokenize(list(first), list(second))
                logits = self.network(encoded["input_ids"].to(self.device),
                                      encoded["attention_mask"].to(self.device))
                out[torch.tensor(chunk)] = logits.float().cpu()
        return out

    def predict(self, inputs: Sequence[FallbackInput]) -> list[Guess]:
        """A calibrated guess per input, in order."""
        probabilities = torch.softmax(self.logits(inputs) / self.temperature, dim=-1)
        guesses = []
        for row in probabilities.tolist():
            best = max(range(len(row)), key=row.__getitem__)
            guesses.append(Guess(self.labels[best], row[best], dict(zip(self.labels, row))))
        return guesses
