"""Evaluation: problems in, one prediction line per problem out, accuracy and throughput."""

from __future__ import annotations

import argparse
import json

import pytest

from mock_parser import TOP_PROBABILITY, MockFallback, MockParser
from neurosym import pipeline as pipeline_module
from neurosym.errors import InputFormatError
from neurosym.evaluate import Prediction, Problem, Summary, evaluate, read_problems, run_eval
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
    summary = run_eval(problems_file, str(out), Pipeline(parser=parser, fallback=False))
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [line["id"] for line in lines] == ["p1", "p2", "p3", "p4", "p5", "p6"]
    assert [line["prediction"] for line in lines] == ["True", "Unknown", "True", "False", "False", None]
    assert [line["semantics"] for line in lines] == ["classical", "directional", "directional",
                                                     "closed-world", "classical", "classical"]
    assert lines[0]["method"] == "symbolic" and lines[0]["verdict"] == "ENTAILED"
    assert lines[0]["confidence"] == pytest.approx(TOP_PROBABILITY)
    assert lines[5]["untranslated"] == ["Bob flies."] and lines[5]["method"] is None
    assert len(parser.calls) == 1  # one batch: every sentence of every problem at once

    assert (summary.problems, summary.labelled, summary.correct) == (6, 6, 4)
    assert summary.accuracy == pytest.approx(4 / 6)
    assert summary.by_label == {"True": [2, 3], "Unknown": [1, 2], "False": [1, 1]}
    assert summary.untranslated == 1 and summary.answered == 5
    assert summary.sentences == 18  # two context sentences and a question each


def test_semantics_override_and_limit(problems_file, tmp_path):
    out = tmp_path / "pred.jsonl"
    summary = run_eval(problems_file, str(out), Pipeline(parser=MockParser(TABLE), fallback=False), limit=2,
                       semantics="directional")
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(line["id"], line["prediction"]) for line in lines] == [("p1", "Unknown"), ("p2", "Unknown")]
    assert summary.problems == 2 and summary.correct == 1


def test_summary_reports_accuracy_per_label_and_throughput():
    summary = Summary(elapsed_s=2.0)
    predictions = list(evaluate([Problem.from_dict(p) for p in PROBLEMS[:3]], Pipeline(parser=MockParser(TABLE), fallback=False)))
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
    summary = run_eval(str(path), str(tmp_path / "out.jsonl"), Pipeline(parser=MockParser(TABLE), fallback=False))
    line = json.loads((tmp_path / "out.jsonl").read_text())
    assert line["id"] == "1" and line["prediction"] == "True" and "correct" not in line
    assert summary.accuracy is None and "accuracy" not in summary.to_dict()


def test_the_fallback_answers_what_is_not_formalized_and_the_summary_counts_each_method(problems_file, tmp_path):
    out = tmp_path / "pred.jsonl"
    fallback = MockFallback("Unknown", 0.6)
    summary = run_eval(problems_file, str(out), Pipeline(parser=MockParser(TABLE), fallback=fallback))
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    # p6's "Bob flies." has no reading and "Bob is big." does not decide "Bob is red."
    assert (lines[5]["prediction"], lines[5]["method"], lines[5]["verdict"]) == ("Unknown", "neural", "UNTRANSLATED")
    assert lines[5]["neural"] == "Unknown" and lines[5]["neural_probability"] == pytest.approx(0.6)
    assert len(fallback.calls) == 1 and len(fallback.calls[0]) == 1  # only p6 needed a guess
    assert summary.by_method["symbolic"].labelled == 5 and summary.by_method["neural"].correct == 1
    assert summary.coverage == pytest.approx(5 / 6)
    assert summary.selective_accuracy == pytest.approx(4 / 5)  # p5 is wrong on purpose
    assert summary.accuracy == pytest.approx(5 / 6)


def test_both_channels_give_every_prediction_the_fields_of_a_coverage_curve(problems_file, tmp_path):
    from neurosym.coverage import coverage_curve, read_predictions

    out = tmp_path / "pred.jsonl"
    run_eval(problems_file, str(out), Pipeline(parser=MockParser(TABLE), fallback=MockFallback("True", 0.5)),
             both_channels=True)
    predictions = list(read_predictions(str(out)))
    assert all(p.neural == "True" and p.formalization is not None for p in predictions)
    assert [p.symbolic for p in predictions] == ["True", "Unknown", "True", "False", "False", None]
    points = coverage_curve(predictions)
    assert points[0].threshold == 0 and points[0].coverage == pytest.approx(5 / 6)
    assert points[-1].coverage == 0 and points[-1].hybrid_accuracy == pytest.approx(3 / 6)  # all "True"


def test_a_rule_outside_the_semantics_goes_to_the_fallback_with_the_reason(tmp_path):
    path = tmp_path / "p.jsonl"
    path.write_text(json.dumps({"id": "x", "context": ["Bob is red or big."], "question": "Bob is red.",
                                "semantics": "directional"}) + "\n")
    run_eval(str(path), str(tmp_path / "out.jsonl"),
             Pipeline(parser=MockParser({"Bob is red or big.": "red(bob) or big(bob)", **TABLE}),
                      fallback=False))
    line = json.loads((tmp_path / "out.jsonl").read_text())
    assert line["prediction"] is None and line["verdict"] == "UNTRANSLATED"  # no fallback here
    assert "the solver cannot use these readings" in line["note"] and "directional" in line["note"]


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


def answered(method, prediction, label, id="x"):
    return Prediction(id=id, prediction=prediction, method=method, confidence=0.9,
                      semantics=Semantics.CLASSICAL, label=label)


MIXED_RUN = [
    answered("symbolic", "True", "True"), answered("symbolic", "False", "False"),
    answered("symbolic", "True", "Unknown"), answered("symbolic", "Unknown", None),  # unlabelled
    answered("mixed", "True", "True"),
    answered("neural", "False", "False"), answered("neural", "True", "False"),
    answered(None, None, "Unknown"),  # not answered
]


def test_summary_reports_accuracy_per_method_coverage_and_selective_accuracy():
    summary = Summary()
    for prediction in MIXED_RUN:
        summary.add(prediction)
    counts = {name: (c.answered, c.labelled, c.correct) for name, c in summary.by_method.items()}
    assert counts == {"symbolic": (4, 3, 2), "mixed": (1, 1, 1), "neural": (2, 2, 1)}
    assert summary.coverage == 4 / 8 and summary.coverage_with_mixed == 5 / 8
    assert summary.selective_accuracy == pytest.approx(2 / 3)
    assert summary.accuracy == pytest.approx(4 / 7)

    data = summary.to_dict()
    assert list(data["by_method"]) == ["symbolic", "mixed", "neural"]
    assert data["by_method"]["neural"] == {"answered": 2, "labelled": 2, "correct": 1, "accuracy": 0.5}
    assert (data["coverage"], data["coverage_with_mixed"]) == (0.5, 0.625)
    assert data["selective_accuracy"] == pytest.approx(2 / 3, abs=1e-6)

    text = summary.format()
    assert "  symbolic answered 4, accuracy 66.67% (2/3)" in text
    assert "coverage: 50.00% symbolic (4/8), 62.50% symbolic or mixed" in text
    assert "selective accuracy: 66.67% (2/3 symbolic answers right)" in text
    assert "accuracy: 57.14% (4/7)" in text  # the existing lines stay


def test_without_symbolic_answers_there_is_no_selective_accuracy():
    summary = Summary()
    summary.add(answered("neural", "True", "True"))
    assert summary.coverage == 0.0 and summary.selective_accuracy is None
    assert "selective_accuracy" not in summary.to_dict() and "selective" not in summary.format()
    assert Summary().coverage is None and "coverage" not in Summary().to_dict()
