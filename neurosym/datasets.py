"""The shared data sets as problems in the evaluation format of DESIGN.md.

One problem is ``{"id", "context", "question", "label", "semantics"}``: ``label`` is
"True", "False" or "Unknown", and ``semantics`` the reading the set was labelled under
(docs/semantics.md):

| file | converter | semantics | one problem per |
|---|---|---|---|
| proofwriter-owa-d5-train.json | ``proofwriter_problems`` | directional | question (the question's last sentence is the statement; answer A/B/C -> True/False/Unknown) |
| pararule-plus-depth2-dev.jsonl | ``pararule_problems`` | closed-world | question of a theory |
| folio-v0-train.jsonl | ``folio_problems`` | classical | conclusion (the premises are the context) |

``convert(path)`` picks the converter from the file name. ProofWriter questions share
theories, so a held-out part is chosen by theory: every converted problem names its
``theory`` (ProofWriter theory, PARARULE-Plus theory, FOLIO story), and
``split_of(problem)`` puts about half of the theories in "test" (reported on, never
trained or tuned on), a tenth in "validation" (thresholds, temperatures) and the rest in
"train". ``is_held_out(problem_id)`` is the same test for a ProofWriter id alone.
"""

from __future__ import annotations

import json
import re
import zlib
from pathlib import Path
from typing import Iterable, Iterator

from .errors import InputFormatError
from .text import split_sentences

__all__ = [
    "proofwriter_problems", "pararule_problems", "folio_problems", "convert", "write_problems",
    "theory_id", "is_held_out", "split_of", "HELD_OUT_FRACTION", "VALIDATION_FRACTION", "iter_jsonl",
]

HELD_OUT_FRACTION = 0.5  # share of theories held out for reporting (every data set)
VALIDATION_FRACTION = 0.1  # share of theories kept for choosing thresholds and temperatures
# Where a checkout finds the shared data sets (../shared/data beside it), and their files.
SHARED_DATA_DIR = Path(__file__).resolve().parents[2] / "shared" / "data"
SHARED_SETS = {"proofwriter": "proofwriter-owa-d5-train.json",
               "pararule": "pararule-plus-depth2-dev.jsonl",
               "folio": "folio-v0-train.jsonl"}

_LABELS = {"true": "True", "false": "False", "unknown": "Unknown"}
_OPTION = re.compile(r"\s*([A-Z])\)\s*(.+?)\s*\Z")
_QUESTION_SUFFIX = re.compile(r"_Q\d+\Z")


def proofwriter_problems(path: str | Path) -> Iterator[dict]:
    """ProofWriter open-world questions (Logic-LM packaging: a JSON list), directional.

    The question "Based on the above information, is the following statement true,
    false, or unknown? The tiger is not young." becomes "The tiger is not young.".
    """
    records = _load_json(path)
    if not isinstance(records, list):
        raise InputFormatError(f"{path}: expected a JSON list of ProofWriter records")
    for index, record in enumerate(records):
        where = f"{path}: record {index}"
        statement = split_sentences(_field(record, "question", where))
        if not statement:
            raise InputFormatError(f"{where}: the question is empty")
        letters = dict(_option(text, where) for text in record.get("options", ()))
        answer = _field(record, "answer", where)
        label = _label(letters.get(answer, {"A": "True", "B": "False", "C": "Unknown"}.get(answer)), where)
        problem_id = _field(record, "id", where)
        yield {"id": problem_id, "context": _field(record, "context", where),
               "question": statement[-1], "label": label, "semantics": "directional",
               "theory": theory_id(problem_id)}


def pararule_problems(path: str | Path) -> Iterator[dict]:
    """PARARULE-Plus theories (JSONL), one closed-world problem per question."""
    for where, record in _jsonl(path):
        context = _field(record, "context", where)
        theory = _field(record, "id", where)
        for question in _field(record, "questions", where):
            yield {"id": _field(question, "id", where), "context": context,
                   "question": _field(question, "text", where),
                   "label": _label(_field(question, "label", where), where),
                   "semantics": "closed-world", "theory": theory}


def folio_problems(path: str | Path) -> Iterator[dict]:
    """FOLIO conclusions (JSONL) with their premises as the context, classical."""
    for where, record in _jsonl(path):
        premises = [p.strip() for p in _field(record, "premises", where) if p.strip()]
        story = f"folio-{_field(record, 'story_id', where)}"
        yield {"id": f"{story}-{_field(record, 'example_id', where)}",
               "context": premises, "question": _field(record, "conclusion", where).strip(),
               "label": _label(_field(record, "label", where), where), "semantics": "classical",
               "theory": story}


_CONVERTERS = {"proofwriter": proofwriter_problems, "pararule": pararule_problems,
               "folio": folio_problems}


def convert(path: str | Path, kind: str | None = None) -> Iterator[dict]:
    """The problems of a shared data file; ``kind`` (proofwriter, pararule, folio)
    defaults to the one the file name starts with."""
    if kind is None:
        name = Path(path).name.lower()
        kind = next((k for k in _CONVERTERS if name.startswith(k)), None)
        if kind is None:
            raise InputFormatError(f"{path}: cannot tell the data set from the file name; "
                                   f"give one of {', '.join(_CONVERTERS)}")
    if kind not in _CONVERTERS:
        raise InputFormatError(f"unknown data set {kind!r}; choose one of {', '.join(_CONVERTERS)}")
    return _CONVERTERS[kind](path)


def write_problems(problems: Iterable[dict], path: str | Path) -> int:
    """Write problems as JSONL; returns how many."""
    count = 0
    with open(path, "w", encoding="utf-8") as out:
        for problem in problems:
            out.write(json.dumps(problem, ensure_ascii=False) + "\n")
            count += 1
    return count


def theory_id(problem_id: str) -> str:
    """The theory a ProofWriter question belongs to: its id without ``_Q<n>``."""
    return _QUESTION_SUFFIX.sub("", problem_id)


def is_held_out(problem_id: str, *, fraction: float = HELD_OUT_FRACTION) -> bool:
    """Whether a ProofWriter question's theory is in the held-out part (stable: a hash)."""
    return _bucket(theory_id(problem_id)) < fraction * 10_000


def split_of(problem: dict, *, held_out: float = HELD_OUT_FRACTION,
             validation: float = VALIDATION_FRACTION) -> str:
    """"test", "validation" or "train": the part a converted problem belongs to.

    Decided by a hash of its ``theory`` (the story or theory it shares with other
    questions), so all questions of a theory fall on one side. "test" is the held-out
    part benchmarks report on (for ProofWriter the same as ``is_held_out``); "validation"
    is for choosing thresholds and temperatures; only "train" may be trained on.
    """
    theory = problem.get("theory")
    if not isinstance(theory, str):
        raise InputFormatError(f"problem {problem.get('id')!r} has no 'theory' to split by")
    bucket = _bucket(theory)
    if bucket < held_out * 10_000:
        return "test"
    if bucket < (held_out + validation) * 10_000:
        return "validation"
    return "train"


def _bucket(theory: str) -> int:
    return zlib.crc32(theory.encode("utf-8")) % 10_000


# ---------------------------------------------------------------- reading the files


def _load_json(path) -> object:
    try:
        with open(path, encoding="utf-8") as stream:
            return json.load(stream)
    except OSError as exc:
        raise InputFormatError(f"{path}: {exc.strerror}") from None
    except json.JSONDecodeError as exc:
        raise InputFormatError(f"{path}:{exc.lineno}:{exc.colno}: not JSON: {exc.msg}") from None


def iter_jsonl(path: str | Path) -> Iterator[tuple[str, object]]:
    """``(where, value)`` for each non-blank line of a JSONL file; ``where`` is ``path:line``.

    Raises ``InputFormatError`` at the line that is not JSON, or when the file cannot be read.
    """
    try:
        stream = open(path, encoding="utf-8")
    except OSError as exc:
        raise InputFormatError(f"{path}: {exc.strerror}") from None
    with stream:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                value = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputFormatError(f"{where}: not JSON: {exc.msg}") from None
            yield where, value


def _jsonl(path) -> Iterator[tuple[str, dict]]:
    for where, record in iter_jsonl(path):
        if not isinstance(record, dict):
            raise InputFormatError(f"{where}: expected a JSON object")
        yield where, record


def _field(record, name: str, where: str):
    if not isinstance(record, dict) or name not in record:
        raise InputFormatError(f"{where}: missing field {name!r}")
    return record[name]


def _option(text: str, where: str) -> tuple[str, str]:
    match = _OPTION.match(text)
    if match is None:
        raise InputFormatError(f"{where}: an option should read like 'A) True', got {text!r}")
    return match.group(1), match.group(2)


def _label(value, where: str) -> str:
    label = _LABELS.get(str(value).strip().lower()) if value is not None else None
    if label is None:
        raise InputFormatError(f"{where}: unknown label {value!r}; expected True, False or Unknown")
    return label
