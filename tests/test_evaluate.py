"""Evaluation: problems in, one prediction line per problem out, accuracy and throughput."""

from __future__ import annotations

import argparse
import json

import pytest

from mock_parser import TOP_PROBABILITY, MockParser
from neurosym import pipeline as pipeline_module
from neurosym.errors import InputFormatError
from neurosym.evaluate import Problem, Summary, evaluate, read_problems, run_eval
from neurosym.pipeline import Pipeline
from neurosym.verdicts import Semantics

TABLE = {
    "Bob is big.": "big(bob)",
    "Big things are red.": "forall x. big(x) -> red(x)",
    "Bob is not red.": "not red(bob)",
    "Bob is red.": "red(bob)",
    "Anne is red.": "red(anne)",
    "Bob is not big.": "not big(bob)",
}
CONTEXT = "Bob is not red. Big things are red."
PROBLEMS = [
    # Contraposition: True classically, Unknown under directional semantics.
    {"id": "p1", "context": CONTEXT, "question": "Bob is not big.", "label": "True"},
    {"id": "p2", "context": CONTEXT, "question": "Bob is not big.", "label": "Unknown",
     "semantics": "directional"},
    {"id": "p3", "context": ["Bob is big.", "Big things are red."], "question": "Bob is red.",
     "label": "True", "semantics": "directional"},
    {"id": "p4", "context": ["Bob is big.", "Big things are red."], "question": "Anne is red.",
     "label": "False", "semantics": "closed-world"},
    {"id": "p5", "context": CONTEXT, "question": "Bob is red.", "label": "True"},  # wrong on purpose
    {"id": "p6", "context": "Bob is big. Bob flies.", "question": "Bob is red.", "label": "Unknown"},
]


@pytest.fixture
def problems_file(tmp_path):
    path = tmp_path / "problems.jsonl"
    path.write_text("".join(json.dumps(p) + "\n" for p in PROBLEMS))
    return str(path)


def test_each_problem_is_answered_under_its_own_semantics(problems_file, tmp_path):
    out = tmp_path / "pred.jsonl"
    parser = MockParser(TABLE)
    summary = run_eval(problems_file, str(out), Pipeline(parser=parser))
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [line["id"] for line in lines] == ["p1", "p2", "p3", "p4", "p5", "p6"]
    assert [line["prediction"] for line in lines] == ["True", "Unknown", "True", "False", "False", None]
    assert [line["semantics"] for line in lines] == ["classical", "directional", "directional",
                                                     "closed-world", "classical", "classical"]
    assert lines[0]["method"] == "symbolic" and lines[0]["verdict"] == "ENTAILED"
    assert lines[0]["confidence"] == pytest.approx(TOP_PROBABILITY ** 3)
    assert lines[5]["untranslated"] == ["Bob flies."] and lines[5]["method"] is None
    assert len(parser.calls) == 1  # one batch: every sentence of every problem at once

    assert (summary.problems, summary.labelled, summary.correct) == (6, 6, 4)
    assert summary.accuracy == pytest.approx(4 / 6)
    assert summary.by_label == {"True": [2, 3], "Unknown": [1, 2], "False": [1, 1]}
    assert summary.untranslated == 1 and summary.answered == 5
    assert summary.sentences == 18  # two context sentences and a question each


def test_semantics_override_and_limit(problems_file, tmp_path):
    out = tmp_path / "pred.jsonl"
    summary = run_eval(problems_file, str(out), Pipeline(parser=MockParser(TABLE)), limit=2,
                       semantics="directional")
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(line["id"], line["prediction"]) for line in lines] == [("p1", "Unknown"), ("p2", "Unknown")]
    assert summary.problems == 2 and summary.correct == 1


def test_summary_reports_accuracy_per_label_and_throughput():
    summary = Summary(elapsed_s=2.0)
    predictions = list(evaluate([Problem.from_dict(p) for p in PROBLEMS[:3]], Pipeline(parser=MockParser(TABLE))))
    for prediction in predictions:
        summary.add(prediction)
    data = summary.to_dict()
    assert data["accuracy"] == 1.0 and data["by_label"]["Unknown"] == {"correct": 1, "total": 1, "accuracy": 1.0}
    assert data["problems_per_s"] == 1.5 and data["sentences_per_s"] == 4.5
    text = summary.format()
    assert "accuracy: 100.00% (3/3)" in text and "1.5 problems/s" in text


def test_problems_without_labels_have_no_accuracy(tmp_path):
    path = tmp_path / "unlabelled.jsonl"
    path.write_text(json.dumps({"id": 1, "context": "Bob is big.", "question": "Bob is big."}) + "\n")
    summary = run_eval(str(path), str(tmp_path / "out.jsonl"), Pipeline(parser=MockParser(TABLE)))
    line = json.loads((tmp_path / "out.jsonl").read_text())
    assert line["id"] == "1" and line["prediction"] == "True" and "correct" not in line
    assert summary.accuracy is None and "accuracy" not in summary.to_dict()


def test_a_rule_outside_the_semantics_is_an_error_line_not_a_crash(tmp_path):
    path = tmp_path / "p.jsonl"
    path.write_text(json.dumps({"id": "x", "context": ["Bob is red or big."], "question": "Bob is red.",
                                "semantics": "directional"}) + "\n")
    run_eval(str(path), str(tmp_path / "out.jsonl"),
             Pipeline(parser=MockParser({"Bob is red or big.": "red(bob) or big(bob)", **TABLE})))
    line = json.loads((tmp_path / "out.jsonl").read_text())
    assert line["prediction"] is None and line["error"].startswith("SemanticsError")


@pytest.mark.parametrize("line, message", [
    ('{"id": "a", "question": "q"}', "missing field 'context'"),
    ('{"id": "a", "context": 3, "question": "q"}', "'context' must be"),
    ('{"id": "a", "context": "c", "question": "q", "label": "Maybe"}', "'label' must be"),
    ('{"id": "a", "context": "c", "question": "q", "semantics": "fuzzy"}', "unknown semantics"),
    ("not json", "not JSON"),
])
def test_malformed_problems_are_reported_with_their_line(tmp_path, line, message):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "ok", "context": "c", "question": "q"}\n' + line + "\n")
    with pytest.raises(InputFormatError, match=message) as caught:
        list(read_problems(str(path)))
    assert f"{path}:2" in str(caught.value)


def test_problem_labels_and_semantics_are_normalised():
    problem = Problem.from_dict({"id": "a", "context": "c", "question": "q", "label": "true",
                                 "semantics": "closed_world"})
    assert (problem.label, problem.semantics, problem.context) == ("True", Semantics.CLOSED_WORLD, ("c",))


def test_cli_eval_writes_predictions_and_prints_the_summary(capsys, monkeypatch, problems_file, tmp_path):
    from neurosym.cli_text import add_text_commands, run_eval as run_eval_command

    monkeypatch.setattr(pipeline_module, "load_parser", lambda *a, **k: MockParser(TABLE))
    commands = argparse.ArgumentParser().add_subparsers(dest="command")
    add_text_commands(commands)
    out = tmp_path / "pred.jsonl"
    args = commands.choices["eval"].parse_args([problems_file, "--out", str(out), "--json"])
    assert run_eval_command(args) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["problems"] == 6 and summary["accuracy"] == pytest.approx(4 / 6, abs=1e-6)
    assert summary["untranslated"] == 1
    assert len(out.read_text().splitlines()) == 6
