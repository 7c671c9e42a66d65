"""Routing: which channel answers, with which verdict, method and confidence.

The parser is ``MockParser`` (the i-th reading of a sentence has probability 0.9 * 0.5**i)
and the fallback ``MockFallback`` (a fixed guess), so every decision here is the
routing's own; see the table in ``neurosym.routing``.
"""

from __future__ import annotations

import math

import pytest

from mock_parser import TOP_PROBABILITY, MockFallback, MockParser
from neurosym.pipeline import Pipeline
from neurosym.routing import DEFAULT_THRESHOLD
from neurosym.verdicts import Verdict

TABLE = {
    "Bob is big.": "big(bob)",
    "All big things are red.": "forall x. big(x) -> red(x)",
    "Bob is red.": "red(bob)",
    "Bob is not red.": "not red(bob)",
    "Anne is kind.": "kind(anne)",
    # two readings: the second (probability 0.45) says more than the first
    "Bob is red, big.": ["red(bob)", "red(bob) and big(bob)"],
    "Bob is hardly red.": ["red(bob)", "not red(bob)"],
    # two readings that lead to the same verdict for every question below
    "Anne is nice.": ["kind(anne)", "nice(anne)"],
}
# "Bob is glorbish." and "Quite possibly, Bob flies." have no reading at all.


def pipeline(threshold=DEFAULT_THRESHOLD, fallback=None, **table):
    return Pipeline(parser=MockParser({**TABLE, **table}), fallback=fallback or MockFallback(),
                    threshold=threshold)


def test_confident_readings_are_decided_by_the_solver_alone():
    fallback = MockFallback()
    answer = pipeline(fallback=fallback).ask("Bob is big. All big things are red.", "Bob is red.")
    assert (answer.label, answer.verdict, answer.method) == ("True", Verdict.ENTAILED, "symbolic")
    assert answer.confidence == pytest.approx(TOP_PROBABILITY)
    assert answer.guess is None and fallback.calls == []  # the fallback was not asked
    assert answer.untranslated == () and answer.readings == ()


def test_competing_readings_with_different_verdicts_make_the_answer_ambiguous():
    fallback = MockFallback("False", 0.7)
    answer = pipeline(threshold=0.4, fallback=fallback).ask("Bob is red, big.", "Bob is big.")
    assert answer.verdict is Verdict.AMBIGUOUS
    first, second = answer.readings
    assert (first.lf, first.verdict) == ("red(bob)", Verdict.POSSIBLE)
    assert (second.lf, second.verdict) == ("red(bob) and big(bob)", Verdict.ENTAILED)
    assert second.confidence == pytest.approx(TOP_PROBABILITY / 2) and "big" in second.english
    # a scenario in which the two readings differ: Bob red but not big
    assert dict(answer.scenario.values) == {"red(bob)": "true", "big(bob)": "false"}
    # the label is the fallback's guess, marked as such
    assert (answer.label, answer.method, answer.confidence) == ("False", "neural", 0.7)


def test_readings_that_contradict_each_other_are_ambiguous_without_a_scenario():
    answer = pipeline(threshold=0.4).ask("Bob is hardly red.", "Bob is red.")
    assert answer.verdict is Verdict.AMBIGUOUS and answer.scenario is None
    assert [r.verdict for r in answer.readings] == [Verdict.ENTAILED, Verdict.CONTRADICTED]
    assert "cannot both hold" in answer.note


def test_a_competing_reading_below_the_threshold_is_not_considered():
    answer = pipeline(threshold=0.5).ask("Bob is hardly red.", "Bob is red.")
    assert (answer.verdict, answer.method) == (Verdict.ENTAILED, "symbolic")


def test_competing_readings_that_agree_leave_the_answer_symbolic():
    answer = pipeline(threshold=0.4).ask("Anne is nice. Bob is big.", "Bob is big.")
    assert (answer.verdict, answer.method, answer.readings) == (Verdict.ENTAILED, "symbolic", ())


def test_an_untranslatable_question_goes_to_the_fallback():
    fallback = MockFallback("True", 0.8)
    answer = pipeline(fallback=fallback).ask("Bob is big.", "Quite possibly, Bob flies.")
    assert (answer.label, answer.verdict, answer.method) == ("True", Verdict.UNTRANSLATED, "neural")
    assert [item.text for item in answer.untranslated] == ["Quite possibly, Bob flies."]
    assert answer.guess.probability == 0.8 and answer.confidence == 0.8
    assert "Quite possibly, Bob flies." in answer.note and "guess" in answer.note
    (seen,) = fallback.calls[0]  # the classifier read the whole problem in English
    assert seen.premises == ("Bob is big.",) and seen.claim == "Quite possibly, Bob flies."


def test_a_partly_formalized_context_that_decides_the_claim_is_answered_by_the_solver():
    answer = pipeline().ask("Bob is glorbish. Bob is big. All big things are red.", "Bob is red.")
    assert (answer.label, answer.verdict, answer.method) == ("True", Verdict.ENTAILED, "mixed")
    assert [item.text for item in answer.untranslated] == ["Bob is glorbish."]
    assert "decided from the formalized part" in answer.note and "Bob is glorbish." in answer.note
    assert answer.confidence == pytest.approx(TOP_PROBABILITY)  # the least confident sentence used
    assert answer.guess is None


def test_a_partly_formalized_context_that_does_not_decide_goes_to_the_fallback():
    answer = pipeline().ask("Bob is glorbish. Anne is kind.", "Bob is red.")
    assert (answer.verdict, answer.method, answer.label) == (Verdict.UNTRANSLATED, "neural", "Unknown")
    assert "the formalized part alone leaves the claim POSSIBLE" in answer.note


def test_closed_world_never_answers_from_part_of_the_context():
    # closed-world is not monotone: the untranslated sentence might block the derivation
    answer = pipeline().ask("Bob is glorbish. Bob is big. All big things are red.", "Bob is red.",
                            semantics="closed-world")
    assert (answer.verdict, answer.method) == (Verdict.UNTRANSLATED, "neural")
    assert "not monotone" in answer.note


def test_a_reading_below_the_threshold_counts_as_not_formalized():
    answer = pipeline(threshold=0.95).ask("Bob is big. All big things are red.", "Bob is red.")
    assert (answer.verdict, answer.method) == (Verdict.UNTRANSLATED, "neural")
    assert len(answer.untranslated) == 3
    assert answer.formalization == pytest.approx(TOP_PROBABILITY)


def test_without_a_fallback_untranslatable_questions_stay_unanswered():
    answer = Pipeline(parser=MockParser(TABLE), fallback=False).ask("Bob is big.", "Quite possibly, Bob flies.")
    assert (answer.label, answer.method, answer.verdict) == (None, None, Verdict.UNTRANSLATED)
    assert "switched off" in answer.note


def test_both_channels_answer_every_question_for_coverage_curves():
    fallback = MockFallback("False", 0.55)
    answer = pipeline(threshold=0.95, fallback=fallback).ask(
        "Bob is big. All big things are red.", "Bob is red.", both_channels=True)
    assert answer.method == "neural" and answer.symbolic_label == "True"  # what the solver would say
    confident = pipeline(fallback=fallback).ask("Bob is big.", "Bob is big.", both_channels=True)
    assert confident.method == "symbolic" and confident.guess.label == "False"  # attached, not used


def test_many_questions_share_one_fallback_batch():
    fallback = MockFallback()
    answers = pipeline(fallback=fallback).ask_many([
        ("Bob is big.", "Quite possibly, Bob flies.", "classical"),
        ("Bob is big.", "Bob is big.", "classical"),
        ("Bob is glorbish.", "Bob is red.", "directional"),
    ])
    assert [a.method for a in answers] == ["neural", "symbolic", "neural"]
    assert len(fallback.calls) == 1 and len(fallback.calls[0]) == 2
    assert fallback.calls[0][1].semantics.value == "directional"


def test_a_rule_file_reaches_the_fallback_as_english(tmp_path):
    from neurosym.rules.loader import load_theory

    rules = tmp_path / "t.rules"
    rules.write_text('sort Thing\npred big(Thing) "{0} is big"\npred red(Thing) "{0} is red"\n'
                     'const bob: Thing\nrule big_red "Big things are red.": forall x: Thing. big(x) -> red(x)\n')
    fallback = MockFallback()
    Pipeline(load_theory([str(rules)]), parser=MockParser(TABLE), fallback=fallback).ask(
        "Bob is big.", "Quite possibly, Bob flies.")
    assert fallback.calls[0][0].premises == ("Bob is big.", "Big things are red.")


@pytest.mark.parametrize("threshold", [-0.1, 1.5, math.nan])
def test_the_threshold_must_be_a_probability(threshold):
    from neurosym.errors import InputFormatError

    with pytest.raises(InputFormatError, match="threshold"):
        Pipeline(parser=MockParser(TABLE), threshold=threshold)
