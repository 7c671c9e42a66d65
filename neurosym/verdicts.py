"""The verdict vocabulary, one spelling everywhere: Python, CLI, JSON and HTTP.

See DESIGN.md: ENTAILED / CONTRADICTED / POSSIBLE are answers; IMPOSSIBLE says the
premises are already inconsistent; UNKNOWN says the solver gave up (with a reason);
AMBIGUOUS and UNTRANSLATED belong to the text pipeline.
"""

from __future__ import annotations

import enum

__all__ = ["Verdict", "Consistency", "Semantics", "QA_LABELS"]


class Verdict(str, enum.Enum):
    ENTAILED = "ENTAILED"
    CONTRADICTED = "CONTRADICTED"
    POSSIBLE = "POSSIBLE"
    IMPOSSIBLE = "IMPOSSIBLE"
    UNKNOWN = "UNKNOWN"
    AMBIGUOUS = "AMBIGUOUS"
    UNTRANSLATED = "UNTRANSLATED"

    def __str__(self) -> str:
        return self.value


class Consistency(str, enum.Enum):
    CONSISTENT = "CONSISTENT"
    INCONSISTENT = "INCONSISTENT"
    UNKNOWN = "UNKNOWN"

    def __str__(self) -> str:
        return self.value


class Semantics(str, enum.Enum):
    """How rules are read; see docs/semantics.md for an example where they differ."""

    CLASSICAL = "classical"
    DIRECTIONAL = "directional"
    CLOSED_WORLD = "closed-world"

    def __str__(self) -> str:
        return self.value

    @classmethod
    def parse(cls, text: "str | Semantics") -> "Semantics":
        """Accepts the value or its name in any case, with '-' or '_' ('closed_world')."""
        if isinstance(text, Semantics):
            return text
        key = str(text).strip().lower().replace("_", "-")
        for member in cls:
            if member.value == key:
                return member
        from .errors import InputFormatError

        choices = ", ".join(m.value for m in cls)
        raise InputFormatError(f"unknown semantics {text!r}; choose one of {choices}")


# Verdicts as the True/False/Unknown labels of QA datasets (DESIGN.md, evaluation format).
QA_LABELS = {
    Verdict.ENTAILED: "True",
    Verdict.CONTRADICTED: "False",
    Verdict.POSSIBLE: "Unknown",
}
