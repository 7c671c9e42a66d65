"""neurosym: check statements against rules, with proofs.

>>> from neurosym import Reasoner
>>> result = Reasoner().check(["writer(shakespeare)"],
...                           premises=["wrote(shakespeare, hamlet)",
...                                     "forall x. forall y. wrote(x, y) -> writer(x)"])
>>> result.claims[0].verdict
<Verdict.ENTAILED: 'ENTAILED'>
"""

import importlib
from typing import TYPE_CHECKING

# Public names and the modules that define them. They are imported on first use
# (PEP 562), so `import neurosym.parser` or `neurosym lint` does not pay for Z3.
_EXPORTS = {
    "Reasoner": "reasoner", "CheckResult": "reasoner", "ClaimResult": "reasoner",
    "EvidenceItem": "reasoner", "Scenario": "reasoner", "Statement": "reasoner",
    "load_theory": "rules.loader", "parse_rule_file": "rules.loader", "Theory": "rules.model",
    "parse_formula": "logic.parser", "parse_term": "logic.parser",
    "to_text": "logic.printer", "to_unicode": "logic.printer", "to_latex": "logic.printer",
    "Verdict": "verdicts", "Consistency": "verdicts", "Semantics": "verdicts",
    "NeurosymError": "errors", "SourceError": "errors", "LogicSyntaxError": "errors",
    "RuleFileError": "errors", "TypeCheckError": "errors", "SemanticsError": "errors",
    "InputFormatError": "errors",
}

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from .errors import (InputFormatError, LogicSyntaxError, NeurosymError, RuleFileError,
                         SemanticsError, SourceError, TypeCheckError)
    from .logic.parser import parse_formula, parse_term
    from .logic.printer import to_latex, to_text, to_unicode
    from .reasoner import CheckResult, ClaimResult, EvidenceItem, Reasoner, Scenario, Statement
    from .rules.loader import load_theory, parse_rule_file
    from .rules.model import Theory
    from .verdicts import Consistency, Semantics, Verdict


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module 'neurosym' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


__version__ = "0.1.0"

__all__ = [  # noqa: F822 - provided lazily by __getattr__
    "Reasoner", "CheckResult", "ClaimResult", "EvidenceItem", "Scenario", "Statement",
    "load_theory", "parse_rule_file", "Theory",
    "parse_formula", "parse_term", "to_text", "to_unicode", "to_latex",
    "Verdict", "Consistency", "Semantics",
    "NeurosymError", "SourceError", "LogicSyntaxError", "RuleFileError", "TypeCheckError",
    "SemanticsError", "InputFormatError",
]
