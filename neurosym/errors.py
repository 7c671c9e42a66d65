"""The errors neurosym raises, all under one base class.

    NeurosymError                  exit code 2: bad input or usage
    ├── SourceError                input text with a position: path:line:col, the line, a caret
    │   ├── LogicSyntaxError       an LF formula does not parse
    │   ├── RuleFileError          a rule file does not parse, or an include is missing
    │   └── TypeCheckError         undeclared symbol, arity or sort mismatch, duplicate name
    ├── SemanticsError             the theory is outside what a semantics supports
    └── InputFormatError           a JSONL line or an option is malformed

Every message says what went wrong and where; a ``SourceError`` prints the offending
line with a caret under the column and, when a declared name is close, "did you mean".
The command line turns these into a one-screen message and exit code ``exit_code``;
nothing else in neurosym should escape as a traceback for bad input.
"""

from __future__ import annotations

import difflib
from typing import Iterable

__all__ = [
    "NeurosymError", "SourceError", "LogicSyntaxError", "RuleFileError", "TypeCheckError",
    "SemanticsError", "InputFormatError", "closest_name",
]


class NeurosymError(Exception):
    """Base of all errors neurosym raises on bad input or usage."""

    exit_code = 2

    def to_dict(self) -> dict:
        """The error as JSON for ``--json`` output and batch result lines."""
        return {"error": type(self).__name__, "message": str(self)}


def closest_name(name: str, candidates: Iterable[str]) -> str | None:
    """The candidate closest to ``name`` (for "did you mean"), or None when none is close."""
    matches = difflib.get_close_matches(name, sorted(set(candidates)), n=1, cutoff=0.6)
    return matches[0] if matches else None


class SourceError(NeurosymError):
    """An error at a position in some input text.

    ``path`` names the input (a file path, or "<claim 1>" for text given on the command
    line); ``line`` and ``column`` are 1-based. ``source`` is the whole input text, used
    to show the offending line.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str = "<input>",
        line: int | None = None,
        column: int | None = None,
        source: str | None = None,
        suggestion: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.source = source
        self.suggestion = suggestion
        self.hint = hint
        super().__init__(self.render())

    @property
    def location(self) -> str:
        if self.line is None:
            return self.path
        if self.column is None:
            return f"{self.path}:{self.line}"
        return f"{self.path}:{self.line}:{self.column}"

    def render(self) -> str:
        parts = [f"{self.location}: {self.message}"]
        if self.source is not None and self.line is not None:
            lines = self.source.splitlines()
            if 1 <= self.line <= len(lines):
                text = lines[self.line - 1].expandtabs(1)
                parts.append(f"    {text}")
                if self.column is not None:
                    parts.append("    " + " " * max(self.column - 1, 0) + "^")
        if self.suggestion:
            parts.append(f"did you mean '{self.suggestion}'?")
        if self.hint:
            parts.append(self.hint)
        return "\n".join(parts)

    def to_dict(self) -> dict:
        return {
            "error": type(self).__name__,
            "message": self.message,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "suggestion": self.suggestion,
        }


class LogicSyntaxError(SourceError):
    """An LF formula does not parse."""


class RuleFileError(SourceError):
    """A rule file does not parse, or one of its includes cannot be read."""


class TypeCheckError(SourceError):
    """A formula or declaration is ill-typed: undeclared, wrong arity or sort, duplicate."""


class SemanticsError(NeurosymError):
    """The theory uses a construct the chosen semantics cannot interpret."""


class InputFormatError(NeurosymError):
    """A batch input line, option or argument is malformed."""
