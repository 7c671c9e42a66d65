"""What a check returns: verdicts with their evidence, as plain immutable data.

Every symbolic verdict carries evidence (DESIGN.md): a minimal set of rules and
statements behind ENTAILED / CONTRADICTED / IMPOSSIBLE / INCONSISTENT, or two witness
scenarios for POSSIBLE (one where the claim holds, one where it fails). UNKNOWN carries
the reason the solver gave up. ``to_dict`` gives the JSON form used by the CLI and the
HTTP service.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..logic.ast import Formula
from ..rules.model import Rule, Where
from ..verdicts import Consistency, Semantics, Verdict

__all__ = ["Statement", "EvidenceItem", "Scenario", "ClaimResult", "CheckResult"]


@dataclass(frozen=True)
class Statement:
    """A statement given to a check: a premise or a claim, numbered from 1 in its role."""

    role: str  # "premise" or "claim"
    index: int
    formula: Formula
    text: str | None = None  # as the user wrote it, when it came as text

    @property
    def label(self) -> str:
        return f"{self.role} {self.index}"


@dataclass(frozen=True)
class EvidenceItem:
    """One element of an explanation: a rule or fact of a rule file, or a statement.

    ``kind`` is "rule", "fact", "premise" or "claim". ``english`` is the rule's
    description or the statement rendered through the glosses, when available.
    """

    kind: str
    name: str
    formula: Formula
    where: Where | None = None
    english: str | None = None

    @classmethod
    def from_rule(cls, rule: Rule) -> "EvidenceItem":
        return cls("fact" if rule.is_fact else "rule", rule.name, rule.formula, rule.where,
                   rule.description)

    @classmethod
    def from_statement(cls, statement: Statement, english: str | None = None) -> "EvidenceItem":
        return cls(statement.role, statement.label, statement.formula, None,
                   english if english is not None else statement.text)

    def to_dict(self) -> dict:
        from ..logic.printer import to_text

        data = {"kind": self.kind, "name": self.name, "formula": to_text(self.formula)}
        if self.where is not None:
            data["where"] = f"{self.where.path}:{self.where.line}"
        if self.english:
            data["english"] = self.english
        return data


@dataclass(frozen=True)
class Scenario:
    """A model restricted to the symbols that matter: ground atoms and terms with values.

    ``claim_holds`` says whether the claim is true in this scenario. ``values`` pairs
    LF text ("adult(bob)", "age(bob)") with its value ("true", "false", "17").
    """

    claim_holds: bool
    values: tuple[tuple[str, str], ...]

    def to_dict(self) -> dict:
        return {"claim_holds": self.claim_holds, "values": dict(self.values)}


@dataclass(frozen=True)
class ClaimResult:
    claim: Statement
    verdict: Verdict
    evidence: tuple[EvidenceItem, ...] = ()
    scenarios: tuple[Scenario, ...] = ()
    reason: str | None = None
    method: str = "symbolic"

    def to_dict(self) -> dict:
        from ..logic.printer import to_text

        data = {
            "claim": self.claim.text if self.claim.text is not None else to_text(self.claim.formula),
            "formula": to_text(self.claim.formula),
            "verdict": self.verdict.value,
            "method": self.method,
        }
        if self.evidence:
            data["evidence"] = [item.to_dict() for item in self.evidence]
        if self.scenarios:
            data["scenarios"] = [s.to_dict() for s in self.scenarios]
        if self.reason:
            data["reason"] = self.reason
        return data


@dataclass(frozen=True)
class CheckResult:
    """The answer to one ``check``: a result per claim and the consistency of the whole set.

    The set is the rules, the premises and the claims together. When it is INCONSISTENT,
    ``conflict`` is a minimal subset of it that cannot hold at once.
    """

    claims: tuple[ClaimResult, ...]
    consistency: Consistency
    conflict: tuple[EvidenceItem, ...] = ()
    semantics: Semantics = Semantics.CLASSICAL
    reason: str | None = None
    elapsed_s: float = 0.0

    @property
    def violation(self) -> bool:
        """True when something is wrong: a claim CONTRADICTED or IMPOSSIBLE, or the set INCONSISTENT."""
        if self.consistency is Consistency.INCONSISTENT:
            return True
        return any(c.verdict in (Verdict.CONTRADICTED, Verdict.IMPOSSIBLE) for c in self.claims)

    def to_dict(self) -> dict:
        data = {
            "semantics": self.semantics.value,
            "consistency": self.consistency.value,
            "claims": [c.to_dict() for c in self.claims],
            "elapsed_s": round(self.elapsed_s, 6),
        }
        if self.conflict:
            data["conflict"] = [item.to_dict() for item in self.conflict]
        if self.reason:
            data["reason"] = self.reason
        return data
