"""A stand-in for the semantic parser: a table from sentence to logical forms.

It implements ``SemanticParser.parse`` (``neurosym.pipeline.TextParser``) without torch,
so the text pipeline is tested end to end in milliseconds. A sentence maps to one LF or
to a list of LFs (its n-best readings, best first); the i-th reading gets probability
``TOP_PROBABILITY * 0.5**i``, unless it is given as ``(lf, probability)``. A sentence missing from the table has no reading.
"""

from __future__ import annotations

import math

from neurosym.logic.parser import parse_formula
from neurosym.parser.decoding import Reading

TOP_PROBABILITY = 0.9


class MockParser:
    def __init__(self, table: dict[str, str | list[str]]) -> None:
        self.table = table
        self.calls: list[list[str]] = []  # the sentences of each parse call

    def parse(self, sentences, *, theory=None, n_best=4):
        self.calls.append(list(sentences))
        results = []
        for sentence in sentences:
            lfs = self.table.get(sentence, [])
            lfs = [lfs] if isinstance(lfs, str) else lfs
            results.append([reading(*lf) if isinstance(lf, tuple) else reading(lf, TOP_PROBABILITY * 0.5 ** rank)
                            for rank, lf in enumerate(lfs[:n_best])])
        return results


def reading(lf: str, probability: float) -> Reading:
    score = math.log(probability)
    return Reading(lf, parse_formula(lf), (), score, score)


class MockFallback:
    """A stand-in for the fallback classifier: always ``label`` with ``probability``;
    records the inputs of each ``predict`` call (to check batching)."""

    def __init__(self, label: str = "Unknown", probability: float = 0.6) -> None:
        self.label, self.probability = label, probability
        self.calls: list[list] = []

    def predict(self, inputs):
        from neurosym.fallback.guess import Guess

        self.calls.append(list(inputs))
        rest = (1.0 - self.probability) / 2
        shares = {name: (self.probability if name == self.label else rest) for name in ("True", "False", "Unknown")}
        return [Guess(self.label, self.probability, shares) for _ in inputs]
