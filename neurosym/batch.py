"""Many checks in one call: JSON Lines in, one JSON result per line out, in order.

Each input line is ``{"premises": [...], "claims": [...]}`` with LF strings, optionally
with ``"id"`` (echoed back) and ``"semantics"``. A malformed line does not stop the
batch: its output line carries ``"error"`` instead of a result, so nothing is lost and
line numbers stay aligned.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Iterable, Iterator

from .errors import InputFormatError, NeurosymError
from .reasoner import Reasoner
from .verdicts import Semantics

__all__ = ["BatchOutcome", "parse_batch_line", "run_batch", "MAX_LINE_BYTES"]

MAX_LINE_BYTES = 1_000_000


@dataclass(frozen=True)
class BatchOutcome:
    """One output line and what it means for the exit code."""

    record: dict
    bad_input: bool = False
    violation: bool = False


def _string_list(value, key: str, line_number: int) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise InputFormatError(f"line {line_number}: {key!r} must be a list of LF strings")
    return value


def parse_batch_line(text: str, line_number: int) -> dict:
    """Validate one input line and return its fields (premises, claims, id, semantics)."""
    if len(text.encode("utf-8", "replace")) > MAX_LINE_BYTES:
        raise InputFormatError(f"line {line_number}: longer than {MAX_LINE_BYTES} bytes")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputFormatError(f"line {line_number}: not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(data, dict):
        raise InputFormatError(f"line {line_number}: expected a JSON object")
    unknown = set(data) - {"id", "premises", "claims", "semantics"}
    if unknown:
        raise InputFormatError(f"line {line_number}: unknown field(s) {sorted(unknown)}; "
                               "expected id, premises, claims, semantics")
    if "claims" not in data and "premises" not in data:
        raise InputFormatError(f"line {line_number}: give 'claims' and/or 'premises'")
    fields = {
        "premises": _string_list(data.get("premises", []), "premises", line_number),
        "claims": _string_list(data.get("claims", []), "claims", line_number),
        "id": data.get("id"),
        "semantics": Semantics.parse(data["semantics"]) if "semantics" in data else None,
    }
    return fields


def run_batch(lines: Iterable[str], reasoner: Reasoner, *, semantics: Semantics,
              explain: bool = True, timeout_s: float | None = None) -> Iterator[BatchOutcome]:
    """Check every non-blank line; yield one outcome per line, in input order."""
    for line_number, text in enumerate(lines, start=1):
        if not text.strip():
            continue
        record: dict = {"line": line_number}
        try:
            fields = parse_batch_line(text, line_number)
            if fields["id"] is not None:
                record["id"] = fields["id"]
            result = reasoner.check(
                fields["claims"], fields["premises"],
                semantics=fields["semantics"] or semantics, explain=explain, timeout_s=timeout_s,
            )
        except NeurosymError as exc:
            record["error"] = exc.to_dict()
            yield BatchOutcome(record, bad_input=True)
            continue
        record.update(result.to_dict())
        yield BatchOutcome(record, violation=result.violation)
