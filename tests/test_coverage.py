"""Accuracy against coverage over the routing threshold, from predictions with both channels."""

from __future__ import annotations

import json
import math
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from neurosym.coverage import (CurvePoint, PlotUnavailableError, best_threshold, coverage_curve,
                               curve_table, plot_curve, point_at, read_predictions)
from neurosym.errors import InputFormatError, NeurosymError
from neurosym.evaluate import LABELS, Prediction
from neurosym.verdicts import Semantics


def prediction(id, label, formalization, symbolic, neural) -> Prediction:
    """A prediction that recorded both channels; the routed answer itself plays no part."""
    return Prediction(id=id, prediction=None, method=None, confidence=0.0,
                      semantics=Semantics.CLASSICAL, label=label, formalization=formalization,
                      symbolic=symbolic, neural=neural, neural_probability=None if neural is None else 0.8)


# (id, label, formalization, symbolic, neural), with what each channel gets right:
PREDICTIONS = [
    prediction("a", "True", 0.95, "True", "True"),  # both right
    prediction("b", "False", 0.90, "False", "True"),  # symbolic right, neural wrong
    prediction("c", "True", 0.70, "Unknown", "False"),  # both wrong
    prediction("d", "Unknown", 0.70, "False", "Unknown"),  # symbolic wrong, neural right
    prediction("e", "Unknown", 0.30, None, "Unknown"),  # no symbolic answer; neural right
    prediction("f", "True", 0.20, "True", None),  # symbolic right; no neural answer: wrong
    prediction("g", None, 0.99, "True", "True"),  # unlabelled: not on the curve
]


def figures(point: CurvePoint) -> tuple:
    return point.threshold, point.covered, point.symbolic_correct, point.hybrid_correct


def test_one_point_per_threshold_where_the_coverage_changes():
    points = coverage_curve(PREDICTIONS)
    above = math.nextafter(0.95, math.inf)
    assert [figures(p) for p in points] == [
        (0.0, 5, 3, 4),  # e has no symbolic answer, so it is never covered
        (0.2, 5, 3, 4),  # a b c d f symbolic (c, d wrong), e neural (right)
        (0.7, 4, 2, 3),  # a b c d symbolic, e right and f wrong by the fallback
        (0.9, 2, 2, 4),  # a b symbolic, d e right by the fallback
        (0.95, 1, 1, 3),
        (above, 0, 0, 3),  # the fallback alone: a d e
    ]
    assert all(p.total == 6 for p in points)
    assert points[3].coverage == pytest.approx(2 / 6) and points[3].selective_accuracy == 1.0
    assert points[2].selective_accuracy == 0.5 and points[2].hybrid_accuracy == 0.5
    assert points[-1].coverage == 0.0 and points[-1].selective_accuracy is None


def test_best_threshold_maximises_hybrid_accuracy_and_prefers_coverage_on_ties():
    points = coverage_curve(PREDICTIONS)
    best = best_threshold(points)
    # 0.9 ties at 4/6 but covers less; 0.0 covers the same problems as 0.2, which is tighter.
    assert best.threshold == 0.2 and best.hybrid_correct == 4
    assert best_threshold(list(reversed(points))) == best  # the order of the points does not matter


@pytest.mark.parametrize("min_selective, threshold", [
    (0.6, 0.2),  # 3/5 symbolic answers right at full coverage (0.0 covers the same: 0.2 is tighter)
    (0.61, 0.9),  # 0.2 and 0.7 fall short (3/5, 2/4); 0.9 gives 2/2
    (1.0, 0.9),
])
def test_best_threshold_with_a_floor_on_selective_accuracy_takes_the_most_coverage(min_selective, threshold):
    assert best_threshold(coverage_curve(PREDICTIONS), min_selective=min_selective).threshold == threshold


def test_an_unreachable_floor_hands_everything_to_the_fallback():
    wrong = [prediction("x", "True", 0.8, "False", "True"), prediction("y", "False", 0.6, "True", "False")]
    best = best_threshold(coverage_curve(wrong), min_selective=0.5)
    assert best.covered == 0 and best.hybrid_accuracy == 1.0


def test_best_threshold_rejects_a_floor_outside_0_1():
    with pytest.raises(InputFormatError, match="min_selective"):
        best_threshold(coverage_curve(PREDICTIONS), min_selective=95)


@pytest.mark.parametrize("threshold, expected", [(0.0, 0.0), (0.5, 0.7), (0.7, 0.7), (0.91, 0.95), (1.0, None)])
def test_point_at_any_threshold_is_the_next_curve_threshold_up(threshold, expected):
    points = coverage_curve(PREDICTIONS)
    point = point_at(points, threshold)
    assert point.threshold == (points[-1].threshold if expected is None else expected)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(LABELS), st.sampled_from([0.0, 0.25, 0.5, 0.75, 1.0]),
                          st.sampled_from((*LABELS, None)), st.sampled_from((*LABELS, None))),
                min_size=1, max_size=12))
def test_curve_agrees_with_the_definitions_at_every_threshold(rows):
    predictions = [prediction(str(i), *row) for i, row in enumerate(rows)]
    predictions.append(prediction("n", "True", 0.5, None, "True"))  # both channels recorded
    for point in coverage_curve(predictions):
        covered = [p for p in predictions if p.symbolic is not None and p.formalization >= point.threshold]
        routed = [p.symbolic if p in covered else p.neural for p in predictions]
        assert point.covered == len(covered)
        assert point.symbolic_correct == sum(p.symbolic == p.label for p in covered)
        assert point.hybrid_correct == sum(answer == p.label for answer, p in zip(routed, predictions))


@pytest.mark.parametrize("predictions, message", [
    ([], "needs labelled problems"),
    ([prediction("u", None, 0.9, "True", "True")], "needs labelled problems"),
    ([prediction("a", "True", None, None, None)], "needs both channels.*'formalization'"),
    ([prediction("a", "True", 0.9, "True", None)], "needs both channels.*'neural'"),
    ([prediction("a", "True", None, "True", "True"), PREDICTIONS[0]], "'a': a symbolic answer without"),
    ([prediction("a", "True", 1.5, "True", "True")], "'a': formalization must be in"),
])
def test_predictions_without_both_channels_are_rejected(predictions, message):
    with pytest.raises(InputFormatError, match=message):
        coverage_curve(predictions)


def test_table_shows_the_curve_and_marks_the_chosen_point():
    points = coverage_curve(PREDICTIONS)
    chosen = best_threshold(points)
    lines = curve_table(points, chosen=chosen).splitlines()
    assert lines[0].split() == ["threshold", "coverage", "selective", "hybrid"]
    assert len(lines) == 1 + len(points)
    assert [line.split() for line in lines if line.startswith("*")] == [
        ["*", "0.2000", "83.33%", "(5/6)", "60.00%", "66.67%"]]
    assert lines[-1].split() == [">0.9500", "0.00%", "(0/6)", "-", "50.00%"]


def test_a_long_table_is_thinned_but_keeps_the_ends_and_the_chosen_point():
    points = coverage_curve(PREDICTIONS)
    lines = curve_table(points, chosen=points[2], max_rows=3).splitlines()[1:]
    thresholds = [line[1:].split()[0] for line in lines]
    assert thresholds[0] == "0.0000" and thresholds[-1] == ">0.9500" and "0.7000" in thresholds
    assert len(lines) <= 4


def test_plot_writes_a_png(tmp_path):
    path = tmp_path / "curve.png"
    plot_curve(coverage_curve(PREDICTIONS), path, threshold=0.5, title="hand-made")
    assert path.read_bytes().startswith(b"\x89PNG\r\n\x1a\n") and path.stat().st_size > 1000


def test_plot_into_a_missing_directory_is_an_input_error(tmp_path):
    with pytest.raises(InputFormatError, match="missing"):
        plot_curve(coverage_curve(PREDICTIONS), tmp_path / "missing" / "curve.png")


def test_plot_without_matplotlib_says_how_to_install_it(monkeypatch, tmp_path):
    for module in ("matplotlib", "matplotlib.figure", "matplotlib.backends.backend_agg"):
        monkeypatch.setitem(sys.modules, module, None)  # None in sys.modules: the import fails
    with pytest.raises(PlotUnavailableError, match=r"pip install 'neurosym\[plot\]'") as caught:
        plot_curve(coverage_curve(PREDICTIONS), tmp_path / "curve.png")
    assert isinstance(caught.value, NeurosymError)
    assert not (tmp_path / "curve.png").exists()


def test_a_predictions_file_gives_the_same_curve(tmp_path):
    path = tmp_path / "pred.jsonl"
    path.write_text("".join(json.dumps(p.to_dict()) + "\n" for p in PREDICTIONS))
    assert coverage_curve(read_predictions(path)) == coverage_curve(PREDICTIONS)


def test_a_malformed_predictions_line_is_reported_with_its_position(tmp_path):
    path = tmp_path / "pred.jsonl"
    path.write_text(json.dumps(PREDICTIONS[0].to_dict()) + "\n" + '{"prediction": "True"}\n')
    with pytest.raises(InputFormatError, match=f"{path}:2: .*'id'"):
        list(read_predictions(path))
