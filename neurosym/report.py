"""Renders check results for people: what was decided, and why.

The JSON form of a result is its ``to_dict``; this module is the human form the CLI
prints by default. Evidence is listed one item a line, rules with their file:line and
description, so a reader can go straight to the rule that decided the case.
"""

from __future__ import annotations

from .logic.printer import to_text
from .reasoner.result import CheckResult, ClaimResult, EvidenceItem, Scenario
from .verdicts import Consistency, Verdict

__all__ = ["format_check", "format_claim_details", "format_evidence"]

_EVIDENCE_HEADINGS = {
    Verdict.ENTAILED: "because",
    Verdict.CONTRADICTED: "because",
    Verdict.IMPOSSIBLE: "the premises already conflict",
}


def format_evidence(item: EvidenceItem, indent: str = "    ") -> list[str]:
    """One evidence item as lines: a rule with its origin, description and formula; a
    statement as the user wrote it."""
    if item.kind not in ("rule", "fact"):
        return [f"{indent}{item.name}: {item.english or to_text(item.formula)}"]
    heading = f"{item.kind} {item.name}"
    if item.where is not None:
        heading += f" ({item.where.path}:{item.where.line})"
    if item.english:
        heading += f": {item.english}"
    return [f"{indent}{heading}", f"{indent}    {to_text(item.formula)}"]


def _format_scenarios(scenarios: tuple[Scenario, ...], indent: str) -> list[str]:
    """The witness scenarios, showing only the values that tell them apart (the JSON
    form keeps them whole): what the two worlds agree on does not explain the claim."""
    shared = set(scenarios[0].values).intersection(*(s.values for s in scenarios[1:])) if len(scenarios) > 1 else set()
    lines = []
    for scenario in scenarios:
        title = "a scenario where it holds" if scenario.claim_holds else "a scenario where it fails"
        values = ", ".join(f"{name} = {value}" for name, value in scenario.values
                           if (name, value) not in shared) or "(any)"
        lines.append(f"{indent}{title}: {values}")
    if shared:
        lines.append(f"{indent}(both agree on {len(shared)} other value(s); --json lists them)")
    return lines


def _format_claim(claim: ClaimResult) -> list[str]:
    text = claim.claim.text if claim.claim.text is not None else to_text(claim.claim.formula)
    return [f"{claim.claim.label}: {text}", f"  {claim.verdict.value}", *format_claim_details(claim)]


def format_claim_details(claim: ClaimResult) -> list[str]:
    """What stands behind a claim's verdict, indented: the reason, the evidence (without
    the claim itself), the witness scenarios."""
    lines = []
    if claim.reason:
        lines.append(f"  reason: {claim.reason}")
    if claim.evidence:
        lines.append(f"  {_EVIDENCE_HEADINGS.get(claim.verdict, 'evidence')}:")
        for item in claim.evidence:
            # The claim itself closes every refutation; listing it under "because" says nothing.
            if item.kind == "claim" and item.name == claim.claim.label:
                continue
            lines.extend(format_evidence(item))
    if claim.scenarios:
        lines.extend(_format_scenarios(claim.scenarios, "  "))
    return lines


def format_check(result: CheckResult) -> str:
    """The whole result as text: each claim's verdict and evidence, then the set's consistency."""
    lines: list[str] = []
    for claim in result.claims:
        lines.extend(_format_claim(claim))
    lines.append(f"all statements together: {result.consistency.value}"
                 f"  ({result.semantics.value} semantics)")
    if result.consistency is Consistency.INCONSISTENT and result.conflict:
        lines.append("  these cannot all hold:")
        for item in result.conflict:
            lines.extend(format_evidence(item))
    if result.reason:
        lines.append(f"  reason: {result.reason}")
    return "\n".join(lines)
