"""neurosym: check statements against rules, with proofs.

>>> from neurosym import Reasoner
>>> result = Reasoner().check(["writer(shakespeare)"],
...                           premises=["wrote(shakespeare, hamlet)",
...                                     "forall x. forall y. wrote(x, y) -> writer(x)"])
>>> result.claims[0].verdict
<Verdict.ENTAILED: 'ENTAILED'>
"""

from .errors import (
    InputFormatError,
    LogicSyntaxError,
    NeurosymError,
    RuleFileError,
    SemanticsError,
    SourceError,
    TypeCheckError,
)
from .logic.parser import parse_formula, parse_term
from .logic.printer import to_latex, to_text, to_unicode
from .reasoner import CheckResult, ClaimResult, EvidenceItem, Reasoner, Scenario, Statement
from .rules.loader import load_theory, parse_rule_file
from .rules.model import Theory
from .verdicts import Consistency, Semantics, Verdict

__version__ = "0.1.0"

__all__ = [
    "Reasoner", "CheckResult", "ClaimResult", "EvidenceItem", "Scenario", "Statement",
    "load_theory", "parse_rule_file", "Theory",
    "parse_formula", "parse_term", "to_text", "to_unicode", "to_latex",
    "Verdict", "Consistency", "Semantics",
    "NeurosymError", "SourceError", "LogicSyntaxError", "RuleFileError", "TypeCheckError",
    "SemanticsError", "InputFormatError",
]
