"""What the fallback classifier reads and what it answers: plain data, no torch.

The routing (``neurosym.routing``) builds ``FallbackInput``s for every question and
receives ``Guess``es, so LF-only work never imports the model.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..verdicts import Semantics

__all__ = ["FallbackInput", "Guess"]


@dataclass(frozen=True)
class FallbackInput:
    """What the classifier reads: premises (and rules) in English, a claim, a semantics."""

    premises: tuple[str, ...]
    claim: str
    semantics: Semantics = Semantics.CLASSICAL

    def pair(self) -> tuple[str, str]:
        """The (first, second) texts of the cross-encoder's input."""
        return f"{self.semantics.value}: {self.claim}", " ".join(self.premises)


@dataclass(frozen=True)
class Guess:
    """The classifier's label (True / False / Unknown), its probability, and all three."""

    label: str
    probability: float
    probabilities: dict[str, float]

    def to_dict(self) -> dict:
        return {"label": self.label, "probability": round(self.probability, 6),
                "probabilities": {k: round(v, 6) for k, v in self.probabilities.items()}}
