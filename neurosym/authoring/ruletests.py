"""Runs the examples written in rule files as tests (``neurosym test``).

Each ``example`` block gives premises (``given``), claims with the verdict they must get
(``expect CLAIM => VERDICT``) and optionally the consistency of the whole set
(``expect CONSISTENT``). An example passes when every expectation is met under the
example's semantics.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..logic.printer import to_text
from ..reasoner import Reasoner
from ..rules.model import Example, Theory

__all__ = ["ExampleOutcome", "run_example", "run_examples"]


@dataclass(frozen=True)
class ExampleOutcome:
    """The result of one example: passed, or the expectations that failed and why."""

    example: Example
    failures: tuple[str, ...]

    @property
    def passed(self) -> bool:
        return not self.failures

    def to_dict(self) -> dict:
        return {
            "example": self.example.name,
            "where": str(self.example.where),
            "passed": self.passed,
            "failures": list(self.failures),
        }


def run_example(reasoner: Reasoner, example: Example, *, timeout_s: float | None = None) -> ExampleOutcome:
    """Check one example against the reasoner's rules and compare with its expectations."""
    claims = [claim.formula for claim in example.claims]
    result = reasoner.check(claims, example.givens, semantics=example.semantics, timeout_s=timeout_s)
    failures = []
    for expected, got in zip(example.claims, result.claims):
        if got.verdict is not expected.expected:
            detail = f"; {got.reason}" if got.reason else ""
            failures.append(
                f"{expected.where}: expected {to_text(expected.formula)} => {expected.expected.value}, "
                f"got {got.verdict.value}{detail}"
            )
    if example.expected_consistency is not None and result.consistency is not example.expected_consistency:
        failures.append(
            f"{example.where}: expected the set to be {example.expected_consistency.value}, "
            f"got {result.consistency.value}"
        )
    return ExampleOutcome(example, tuple(failures))


def run_examples(theory: Theory, *, reasoner: Reasoner | None = None, name_filter: str | None = None,
                 timeout_s: float | None = None) -> list[ExampleOutcome]:
    """Run every example of ``theory`` (those whose name contains ``name_filter``, if given)."""
    reasoner = reasoner or Reasoner(theory)
    return [
        run_example(reasoner, example, timeout_s=timeout_s)
        for example in theory.examples
        if name_filter is None or name_filter in example.name
    ]
