"""The shared data sets converted to the problem format of DESIGN.md (first records of the real files)."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from neurosym.datasets import (
    convert, folio_problems, is_held_out, pararule_problems, proofwriter_problems, split_of, theory_id,
    write_problems,
)
from neurosym.errors import InputFormatError
from neurosym.evaluate import Problem

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
PROOFWRITER = DATA / "proofwriter-owa-d5-train.json"
PARARULE = DATA / "pararule-plus-depth2-dev.jsonl"
FOLIO = DATA / "folio-v0-train.jsonl"

needs_data = pytest.mark.skipif(not DATA.is_dir(), reason="../shared/data is not here")


def first(problems, n=5):
    return list(itertools.islice(problems, n))


@needs_data
def test_proofwriter_question_is_its_last_sentence_and_answers_are_labels():
    records = json.loads(PROOFWRITER.read_text())[:5]
    problems = first(proofwriter_problems(PROOFWRITER))
    letters = {"A": "True", "B": "False", "C": "Unknown"}
    for record, problem in zip(records, problems):
        assert problem["id"] == record["id"] and problem["context"] == record["context"]
        assert record["question"].endswith(" " + problem["question"])
        assert "?" not in problem["question"]
        assert problem["label"] == letters[record["answer"]]
        assert problem["semantics"] == "directional"
    assert problems[0]["question"] == "The tiger is not young." and problems[0]["label"] == "False"


@needs_data
def test_pararule_gives_one_closed_world_problem_per_question():
    record = json.loads(PARARULE.read_text().splitlines()[0])
    problems = first(pararule_problems(PARARULE), len(record["questions"]) + 1)
    own = problems[:len(record["questions"])]
    assert [p["id"] for p in own] == [q["id"] for q in record["questions"]]
    assert [p["question"] for p in own] == [q["text"] for q in record["questions"]]
    assert [p["label"] for p in own] == [q["label"].capitalize() for q in record["questions"]]
    assert all(p["context"] == record["context"] and p["semantics"] == "closed-world" for p in own)
    assert problems[-1]["context"] != record["context"]  # the next theory starts


@needs_data
def test_folio_premises_are_the_context_and_the_conclusion_the_question():
    record = json.loads(FOLIO.read_text().splitlines()[0])
    problem = next(folio_problems(FOLIO))
    assert problem["id"] == f"folio-{record['story_id']}-{record['example_id']}"
    assert problem["context"] == [p.strip() for p in record["premises"]]
    assert problem["question"] == record["conclusion"] and problem["label"] == record["label"]
    assert problem["semantics"] == "classical"


@needs_data
@pytest.mark.parametrize("path", [PROOFWRITER, PARARULE, FOLIO])
def test_converted_problems_read_back_as_problems(tmp_path, path):
    out = tmp_path / "problems.jsonl"
    assert write_problems(first(convert(path), 20), out) == 20
    for number, line in enumerate(out.read_text().splitlines(), 1):
        problem = Problem.from_dict(json.loads(line), where=f"{out}:{number}")
        assert problem.label in ("True", "False", "Unknown")


def test_held_out_part_is_chosen_by_theory():
    assert theory_id("ProofWriter_RelNoneg-OWA-D5-84_Q10") == "ProofWriter_RelNoneg-OWA-D5-84"
    questions = [f"ProofWriter_AttNeg-OWA-D5-{t}_Q{q}" for t in range(200) for q in range(1, 4)]
    held = {theory_id(q) for q in questions if is_held_out(q)}
    assert all(is_held_out(q) == (theory_id(q) in held) for q in questions)  # whole theories
    assert 60 <= len(held) <= 140  # about half of 200
    assert not any(is_held_out(q, fraction=0.0) for q in questions)


@needs_data
@pytest.mark.parametrize("path", [PROOFWRITER, PARARULE, FOLIO])
def test_every_set_splits_by_theory_into_test_validation_and_train(path):
    problems = list(convert(path))
    parts: dict[str, set] = {}
    for problem in problems:
        parts.setdefault(split_of(problem), set()).add(problem["theory"])
    assert set(parts) == {"test", "validation", "train"}
    assert not (parts["test"] & parts["train"]) and not (parts["validation"] & parts["train"])
    test_share = sum(split_of(p) == "test" for p in problems) / len(problems)
    assert 0.35 < test_share < 0.65  # about half is held out
    if path == PROOFWRITER:  # the same held-out half as before theories were named
        assert all((split_of(p) == "test") == is_held_out(p["id"]) for p in problems)


def test_a_problem_without_a_theory_cannot_be_split():
    with pytest.raises(InputFormatError, match="no 'theory'"):
        split_of({"id": "x", "context": "c", "question": "q"})


def test_converters_report_malformed_records(tmp_path):
    bad = tmp_path / "pararule-bad.jsonl"
    bad.write_text('{"id": "t", "context": "c", "questions": [{"id": "q", "text": "x", "label": "maybe"}]}\n')
    with pytest.raises(InputFormatError, match=r"pararule-bad.jsonl:1: unknown label 'maybe'"):
        list(convert(bad))
    with pytest.raises(InputFormatError, match="cannot tell the data set"):
        convert(tmp_path / "mystery.jsonl")
