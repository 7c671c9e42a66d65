"""The reasoner: rule bases compiled into Z3, checks with verdicts and evidence.

``Reasoner`` is the facade; the parts, in the order a check meets them:

- ``translate``: sorted LF formulas as Z3 terms;
- ``grounding``: quantifiers replaced by instances over the known individuals (exact,
  by Herbrand's theorem, where the domain allows it);
- ``rulebase``: a theory compiled once, ground instances split into independent
  components, statements translated per check;
- ``check``: verdicts by refutation, under an enforced time limit (``timelimit``);
- ``explain``: minimal conflicting and supporting sets, witness scenarios;
- ``chaining``: directional and closed-world semantics;
- ``result``: what a check returns.
"""

from .check import Reasoner
from .result import CheckResult, ClaimResult, EvidenceItem, Scenario, Statement

__all__ = ["Reasoner", "CheckResult", "ClaimResult", "EvidenceItem", "Scenario", "Statement"]
