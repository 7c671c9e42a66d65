"""Many checks in one call: JSON Lines in, one JSON result per line out, in order.

Each input line is ``{"premises": [...], "claims": [...]}``, optionally with ``"id"``
(echoed back) and ``"semantics"``. Statements in LF are checked by the reasoner as they
are; a line with a statement in English goes through the text pipeline
(``Pipeline.check_text``) and its output is what ``neurosym check --json`` prints for it:
the solver's check plus how each sentence was read, or, when a sentence is read below
the confidence threshold, each claim routed and the set's consistency undecided. The
English of ``PREFETCH_LINES`` lines at a time goes to the parser in one batch. A
malformed line does not stop the batch: its output line carries ``"error"`` instead of a
result, so nothing is lost and line numbers stay aligned.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Iterator

from .errors import InputFormatError, NeurosymError
from .reasoner import Reasoner
from .verdicts import Semantics

if TYPE_CHECKING:
    from .pipeline import Pipeline

__all__ = ["BatchOutcome", "parse_batch_line", "run_batch", "MAX_LINE_BYTES", "PREFETCH_LINES"]

MAX_LINE_BYTES = 1_000_000
PREFETCH_LINES = 256  # lines whose English is parsed in one batch


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
        raise InputFormatError(f"line {line_number}: {key!r} must be a list of strings (LF or English)")
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
              explain: bool = True, timeout_s: float | None = None,
              pipeline: Pipeline | None = None) -> Iterator[BatchOutcome]:
    """Check every non-blank line; yield one outcome per line, in input order. Lines with
    English need ``pipeline`` (without one they are bad input)."""
    numbered = ((number, text) for number, text in enumerate(lines, start=1) if text.strip())
    while chunk := list(itertools.islice(numbered, PREFETCH_LINES)):
        parsed: list[tuple[int, dict | NeurosymError, bool]] = []  # (line, fields or error, has English)
        for line_number, text in chunk:
            try:
                fields = parse_batch_line(text, line_number)
            except NeurosymError as exc:
                parsed.append((line_number, exc, False))
            else:
                parsed.append((line_number, fields, _has_english(fields)))
        english = [t for _, fields, has_english in parsed if has_english
                   for t in (*fields["premises"], *fields["claims"])]
        if english and pipeline is not None:
            try:
                pipeline.prefetch(english)
            except NeurosymError:
                pass  # each line then reports the error itself
        for line_number, fields, has_english in parsed:
            yield _outcome(line_number, fields, has_english, reasoner, pipeline, semantics=semantics,
                           explain=explain, timeout_s=timeout_s)


def _has_english(fields: dict) -> bool:
    from .pipeline import is_lf, looks_like_lf

    return not all(is_lf(text) or looks_like_lf(text) for text in (*fields["premises"], *fields["claims"]))


def _outcome(line_number: int, fields: dict | NeurosymError, has_english: bool, reasoner: Reasoner,
             pipeline: Pipeline | None, *, semantics: Semantics, explain: bool,
             timeout_s: float | None) -> BatchOutcome:
    record: dict = {"line": line_number}
    try:
        if isinstance(fields, NeurosymError):  # the line itself was bad
            raise fields
        if fields["id"] is not None:
            record["id"] = fields["id"]
        semantics = fields["semantics"] or semantics
        if has_english:
            if pipeline is None:
                raise InputFormatError(f"line {line_number}: English needs the text pipeline; "
                                       "give the statements in LF")
            check = pipeline.check_text(fields["claims"], fields["premises"], semantics=semantics,
                                        explain=explain, timeout_s=timeout_s)
            record.update(check.to_dict())
            return BatchOutcome(record, violation=check.violation)
        result = reasoner.check(fields["claims"], fields["premises"], semantics=semantics,
                                explain=explain, timeout_s=timeout_s)
    except NeurosymError as exc:
        record["error"] = exc.to_dict()
        return BatchOutcome(record, bad_input=True)
    record.update(result.to_dict())
    return BatchOutcome(record, violation=result.violation)
