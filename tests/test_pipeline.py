"""The text pipeline: sentences, readings, one name per concept, verdicts in the user's words.

The parser is ``MockParser`` (a table from sentence to LF), so nothing here needs torch.
"""

from __future__ import annotations

import argparse
import json
import math
import sys

import pytest

from mock_parser import TOP_PROBABILITY, MockFallback, MockParser
from neurosym import pipeline as pipeline_module
from neurosym.cli_text import TEXT_COMMANDS, add_text_commands
from neurosym.errors import NeurosymError
from neurosym.logic.parser import parse_formula
from neurosym.logic.printer import to_text
from neurosym.pipeline import (
    NotFormalizedError, ParserUnavailableError, Pipeline, load_parser, reading_confidence,
    possession_renamings, rename_symbols, unify_symbols,
)
from neurosym.rules.loader import load_theory
from neurosym.text import split_sentences
from neurosym.verdicts import Consistency, Verdict

# ---------------------------------------------------------------- sentence splitting

SPLITS = [
    ("Bob is big. Anne is red.", ["Bob is big.", "Anne is red."]),
    ("Mr. Smith is kind. Mrs. Jones is not.", ["Mr. Smith is kind.", "Mrs. Jones is not."]),
    ("The pen costs 2.5 dollars. It is blue.", ["The pen costs 2.5 dollars.", "It is blue."]),
    ('"Stop!" he said. Then he left.', ['"Stop!" he said.', "Then he left."]),
    ('He said "Go." Then he left.', ['He said "Go."', "Then he left."]),
    ("J. K. Rowling wrote it. Dr. Who watched.", ["J. K. Rowling wrote it.", "Dr. Who watched."]),
    ("Barcelona F.C. is a club. No. 1 is Bob.", ["Barcelona F.C. is a club.", "No. 1 is Bob."]),
    ("Pets, e.g. dogs, are kind. Is Bob big? Yes!", ["Pets, e.g. dogs, are kind.", "Is Bob big?", "Yes!"]),
    ("We sell apples etc. Bob buys them.", ["We sell apples etc.", "Bob buys them."]),
    ("Apples etc. are fruit.", ["Apples etc. are fruit."]),
    ("He lives in the U.S. The end...", ["He lives in the U.S.", "The end..."]),
    ("bob is red. anne is big.", ["bob is red.", "anne is big."]),
    ("A heading\n\nBob is   big\nand red.", ["A heading", "Bob is big and red."]),
    ("  ", []),
]


@pytest.mark.parametrize("text, sentences", SPLITS)
def test_split_sentences(text, sentences):
    assert split_sentences(text) == sentences


# ---------------------------------------------------------------- ProofWriter end to end

# ProofWriter_RelNoneg-OWA-D5-84 (ProofWriter, CC BY 4.0), translated by hand. One sentence
# says "sees" where the rules say "see": the pipeline gives the concept one name.
CONTEXT_LFS = {
    "The cow is blue.": "blue(cow)",
    "The cow is round.": "round(cow)",
    "The cow likes the lion.": "like(cow, lion)",
    "The cow visits the tiger.": "visit(cow, tiger)",
    "The lion is cold.": "cold(lion)",
    "The lion is nice.": "nice(lion)",
    "The lion likes the squirrel.": "like(lion, squirrel)",
    "The squirrel is round.": "round(squirrel)",
    "The squirrel sees the lion.": "sees(squirrel, lion)",
    "The squirrel visits the cow.": "visit(squirrel, cow)",
    "The tiger likes the cow.": "like(tiger, cow)",
    "The tiger likes the squirrel.": "like(tiger, squirrel)",
    "If something is cold then it visits the tiger.": "forall x. cold(x) -> visit(x, tiger)",
    "If something visits the tiger then it is nice.": "forall x. visit(x, tiger) -> nice(x)",
    "If something sees the tiger and it is young then it is blue.":
        "forall x. see(x, tiger) and young(x) -> blue(x)",
    "If something is nice then it sees the tiger.": "forall x. nice(x) -> see(x, tiger)",
    "If something likes the squirrel and it likes the cow then it visits the tiger.":
        "forall x. like(x, squirrel) and like(x, cow) -> visit(x, tiger)",
    "If something is nice and it sees the tiger then it is young.":
        "forall x. nice(x) and see(x, tiger) -> young(x)",
    "If the cow is cold and the cow visits the lion then the lion sees the squirrel.":
        "cold(cow) and visit(cow, lion) -> see(lion, squirrel)",
}
PROOFWRITER = {
    **CONTEXT_LFS,
    "The tiger is not young.": "not young(tiger)",
    "The tiger is young.": "young(tiger)",
    "The cow is cold.": "cold(cow)",
    "The tiger is not nice.": "not nice(tiger)",
}
CONTEXT = " ".join(CONTEXT_LFS)
QUESTION = "Based on the above information, is the following statement true, false, or unknown? "


@pytest.fixture
def proofwriter():
    return Pipeline(parser=MockParser(PROOFWRITER))


@pytest.mark.parametrize("statement, label", [
    ("The tiger is not young.", "False"),  # the dataset's own label
    ("The tiger is young.", "True"),
    ("The cow is cold.", "Unknown"),
])
def test_proofwriter_question_gets_its_directional_label(proofwriter, statement, label):
    answer = proofwriter.ask(CONTEXT, QUESTION + statement, semantics="directional")
    assert answer.label == label
    assert answer.question.text == statement


def test_evidence_is_in_the_users_words(proofwriter):
    answer = proofwriter.ask(CONTEXT, "The tiger is not nice.", semantics="directional")
    assert answer.verdict is Verdict.CONTRADICTED
    assert answer.claim.claim.text == "The tiger is not nice."
    english = {item.english for item in answer.claim.evidence}
    assert {"The tiger likes the squirrel.", "The tiger likes the cow.",
            "If something visits the tiger then it is nice."} <= english
    assert "The cow is blue." not in english  # only what the proof rests on


def test_one_concept_gets_one_name_across_sentences(proofwriter):
    items = proofwriter.formalize(CONTEXT)
    read = {item.text: item.lf for item in items}
    assert read["The squirrel sees the lion."] == "see(squirrel, lion)"
    assert all(item.origin == "parser" for item in items)


def test_confidence_is_that_of_the_least_confident_reading_used():
    pipeline = Pipeline(parser=MockParser({**PROOFWRITER, "The cow is blue.": [("blue(cow)", 0.7)]}))
    answer = pipeline.ask("The cow is blue. The cow is round.", "The cow is cold.")
    assert answer.confidence == pytest.approx(0.7)
    assert answer.label == "Unknown"


def test_contexts_are_parsed_once_and_in_one_batch(proofwriter):
    parser = proofwriter.parser
    proofwriter.ask(CONTEXT, "The tiger is young.", semantics="directional")
    proofwriter.ask(CONTEXT, "The cow is cold.", semantics="directional")
    assert len(parser.calls) == 2
    assert len(parser.calls[0]) == 20  # 19 context sentences and the question
    assert parser.calls[1] == ["The cow is cold."]


# ---------------------------------------------------------------- choosing readings


def test_a_reading_that_clashes_with_the_other_sentences_gives_way_to_the_next():
    pipeline = Pipeline(parser=MockParser({
        "The cat chases the dog.": "chase(cat, dog)",
        "The dog chases.": ["chase(dog)", "chase(dog, cat)"],
    }))
    first, second = pipeline.formalize("The cat chases the dog. The dog chases.")
    assert (first.lf, second.lf) == ("chase(cat, dog)", "chase(dog, cat)")
    assert second.confidence == pytest.approx(TOP_PROBABILITY / 2)
    assert [r.text for r in second.readings] == ["chase(dog)", "chase(dog, cat)"]


def test_a_sentence_without_a_reading_is_reported_by_name():
    pipeline = Pipeline(parser=MockParser({"Bob is big.": "big(bob)", "Bob is red.": "red(bob)"}))
    with pytest.raises(NotFormalizedError) as caught:
        pipeline.check("Bob is red.", "Bob is big. Colourless ideas sleep furiously.")
    (label, item), = caught.value.sentences
    assert label == "premise 2" and item.text == "Colourless ideas sleep furiously."
    assert "premise 2" in str(caught.value) and "Colourless ideas" in str(caught.value)
    assert isinstance(caught.value, NeurosymError)


def test_check_rests_no_verdict_on_an_unsure_reading():
    pipeline = Pipeline(parser=MockParser({"Bob is big.": "big(bob)", "Bob is red.": [("red(bob)", 0.5)]}))
    with pytest.raises(NotFormalizedError) as caught:
        pipeline.check("Bob is red.", "Bob is big.")
    (label, item), = caught.value.sentences
    assert label == "claim 1" and "red(bob), has confidence 0.50, under the threshold 0.6" in str(caught.value)
    lenient = Pipeline(parser=MockParser({"Bob is red.": [("red(bob)", 0.5)]}), threshold=0.5)
    assert lenient.check("Bob is red.").claims[0].verdict is Verdict.POSSIBLE


def test_check_text_is_the_solvers_check_when_every_sentence_is_read_confidently():
    pipeline = Pipeline(parser=MockParser({"Bob is big.": "big(bob)", "Bob is not big.": "not big(bob)"}))
    check = pipeline.check_text("Bob is not big.", "Bob is big.")
    assert check.result.claims[0].verdict is Verdict.CONTRADICTED and check.violation
    assert check.answers == () and check.consistency_note is None
    assert [label for label, _ in check.sentences] == ["premise 1", "claim 1"]
    assert check.to_dict()["sentences"][1]["lf"] == "not big(bob)"


def test_check_text_routes_each_claim_when_a_sentence_is_unsure():
    pipeline = Pipeline(parser=MockParser({"Bob is big.": "big(bob)", "Bob is red.": [("red(bob)", 0.5)]}),
                        fallback=MockFallback("False", 0.7))
    check = pipeline.check_text(["Bob is big.", "Bob is red."])
    assert check.result is None and [item.text for item in check.unsure] == ["Bob is red."]
    assert [(a.verdict, a.method) for a in check.answers] == [(Verdict.POSSIBLE, "symbolic"),
                                                               (Verdict.UNTRANSLATED, "neural")]
    assert not check.violation  # a guess of False is no proved violation
    data = check.to_dict()
    assert data["consistency"] is None and "'Bob is red.'" in data["consistency_note"]
    # premises alone, one of them unsure: nothing to route, consistency undecided
    assert pipeline.check_text([], ["Bob is red."]).answers == ()


def test_lf_statements_never_reach_the_parser(monkeypatch):
    def no_parser(*args, **kwargs):
        raise AssertionError("the parser was loaded for LF input")

    monkeypatch.setattr(pipeline_module, "load_parser", no_parser)
    result = Pipeline().check(["red(bob)"], ["big(bob)", "forall x. big(x) -> red(x)"])
    assert result.claims[0].verdict is Verdict.ENTAILED
    assert result.claims[0].claim.text == "red(bob)"


def test_english_and_lf_mix_in_one_check():
    pipeline = Pipeline(parser=MockParser({"Bob is big.": "big(bob)"}))
    result = pipeline.check("red(bob)", ["Bob is big.", "forall x. big(x) -> red(x)"])
    assert result.claims[0].verdict is Verdict.ENTAILED
    assert pipeline.parser.calls == [["Bob is big."]]


def test_the_clashing_sentences_of_an_inconsistent_text_are_named():
    # DESIGN.md, first use case: each sentence of the text is a claim of its own.
    pipeline = Pipeline(parser=MockParser({
        "Shakespeare is not a writer.": "not writer(shakespeare)",
        "Hamlet was written by Shakespeare.": "write(shakespeare, hamlet)",
        "Anyone who wrote something is a writer.": "forall x. (exists y. write(x, y)) -> writer(x)",
    }))
    result = pipeline.check("Shakespeare is not a writer. Hamlet was written by Shakespeare. "
                            "Anyone who wrote something is a writer.")
    assert result.consistency is Consistency.INCONSISTENT
    assert [item.english for item in result.conflict] == [
        "Shakespeare is not a writer.", "Hamlet was written by Shakespeare.",
        "Anyone who wrote something is a writer."]


def test_reading_confidence_is_the_probability_of_the_reading():
    reading = MockParser({"a": "p(a)"}).parse(["a"])[0][0]
    assert reading_confidence(reading) == pytest.approx(TOP_PROBABILITY)
    assert 0.0 <= reading_confidence(reading) <= 1.0


def test_without_torch_english_input_says_what_is_missing(monkeypatch):
    monkeypatch.setitem(sys.modules, "neurosym.parser.semantic_parser", None)
    with pytest.raises(ParserUnavailableError, match="torch"):
        load_parser()


# ---------------------------------------------------------------- schema-guided mode

RULES = """\
sort Member "library member"
pred adult(Member) "{0} is an adult"
pred may_borrow(Member) "{0} may borrow books" | "{0} can borrow books"
func age(Member) -> Int "{0} is {value} years old"

rule adults_by_age "Members aged 18 or over are adults": forall m: Member. age(m) >= 18 -> adult(m)
rule only_adults_by_age: forall m: Member. adult(m) -> age(m) >= 18
rule minors_may_not_borrow "Members who are not adults may not borrow books":
    forall m: Member. not adult(m) -> not may_borrow(m)
"""
SCHEMA_TABLE = {
    "Alice is 17 years old.": "age(alice) = 17",
    # The parser's best reading invents a predicate; the declared one comes second.
    "Alice can borrow books.": ["borrow_book(alice)", "may_borrow(alice)"],
    "Alice is happy.": ["happy(alice)", "glad(alice)"],
}


@pytest.fixture
def rules_file(tmp_path):
    path = tmp_path / "library.rules"
    path.write_text(RULES)
    return str(path)


def test_schema_guided_statements_use_the_declared_symbols(rules_file):
    # The declared reading of "Alice can borrow books." is the mock's second (0.45).
    pipeline = Pipeline(load_theory([rules_file]), parser=MockParser(SCHEMA_TABLE), threshold=0.4)
    result = pipeline.check("Alice can borrow books.", "Alice is 17 years old.")
    claim = result.claims[0]
    assert claim.verdict is Verdict.CONTRADICTED
    assert to_text(claim.claim.formula) == "may_borrow(alice)"
    names = {item.name for item in claim.evidence}
    assert {"minors_may_not_borrow", "only_adults_by_age", "premise 1"} <= names
    premise = next(item for item in claim.evidence if item.name == "premise 1")
    assert premise.english == "Alice is 17 years old."


def test_answer_claims_routes_each_claim_like_a_question(rules_file):
    fallback = MockFallback("False", 0.7)
    pipeline = Pipeline(load_theory([rules_file]), parser=MockParser(SCHEMA_TABLE), fallback=fallback)
    confident, unsure = pipeline.answer_claims(["age(alice) < 20", "Alice can borrow books."],
                                               "Alice is 17 years old.")
    assert (confident.verdict, confident.method, confident.label) == (Verdict.ENTAILED, "symbolic", "True")
    assert (unsure.verdict, unsure.method, unsure.label) == (Verdict.UNTRANSLATED, "neural", "False")
    assert [item.text for item in unsure.untranslated] == ["Alice can borrow books."]
    assert len(fallback.calls) == 1 and len(fallback.calls[0]) == 1  # only the unsure claim is guessed
    assert [item.text for item in pipeline.below_threshold(pipeline.formalize("Alice can borrow books."))] == [
        "Alice can borrow books."]


def test_schema_guided_sentence_with_no_declared_reading_is_not_formalized(rules_file):
    pipeline = Pipeline(load_theory([rules_file]), parser=MockParser(SCHEMA_TABLE))
    with pytest.raises(NotFormalizedError) as caught:
        pipeline.check("Alice is happy.", "Alice is 17 years old.")
    (label, item), = caught.value.sentences
    assert label == "claim 1"
    assert "declarations" in item.reason


# ---------------------------------------------------------------- one concept, one name


def _formulas(*texts):
    return [[parse_formula(t)] for t in texts]


def test_names_of_one_concept_are_unified_by_their_words():
    mapping = unify_symbols(_formulas("drink_coffee_regularly(rina)", "regularly_drinks_coffee(the_bob)",
                                      "drink_coffee_regularly(bob)", "chases(bob, the_cat)", "chase(cat, bob)",
                                      "chase(rina, cat)"))
    assert mapping == {"regularly_drinks_coffee": "drink_coffee_regularly", "the_bob": "bob",
                       "chases": "chase", "the_cat": "cat"}


def test_a_gerund_and_its_verb_are_one_concept():
    # FOLIO validation: "All unstable things are changing." / "A bird is kinetic and changing."
    mapping = unify_symbols(_formulas("forall x. unstable(x) -> change(x)", "forall x. change(x) -> red(x)",
                                      "forall x. bird(x) -> kinetic(x) and changing(x)"))
    assert mapping == {"changing": "change"}


def test_a_past_participle_and_its_verb_are_one_concept():
    # "Either the door is locked or ..." / "The door is not locked.": read locked, then lock
    mapping = unify_symbols(_formulas("locked(door) xor open(window)", "not lock(door)",
                                      "broken(printer)", "forall x. break(x) -> not print(x)", "break(vase)"))
    assert mapping == {"lock": "locked", "broken": "break"}
    assert unify_symbols(_formulas("red(bob)", "re(bob)", "ignored(bob)", "ignor(ann)")) == {}  # no clear lemma


def test_a_possessed_noun_becomes_the_possession_the_problem_says():
    sentences = ["Whoever is married has a spouse.", "Mike does not have a spouse.", "A spouse has a spouse."]
    formulas = [parse_formula(t) for t in ("forall x. married(x) -> spouse(x)", "not have_spouse(mike)",
                                          "forall x. spouse(x) -> spouse(x)")]
    assert possession_renamings(sentences, formulas) == [{"spouse": "have_spouse"}, {"spouse": "have_spouse"}, {}]
    # without have_spouse in the problem, "has a spouse" keeps the parser's name
    assert possession_renamings(sentences[:1], formulas[:1]) == [{}]


def test_names_of_different_kind_or_arity_stay_apart():
    assert unify_symbols(_formulas("see(bob, anne)", "sees(bob)", "red(bob)", "reds = 3")) == {}


def test_declared_names_win_and_never_change(rules_file):
    theory = load_theory([rules_file])
    mapping = unify_symbols(_formulas("adults(bob)", "adults(anne)", "adult(carol)"),
                            declared=theory.signature)
    assert mapping == {"adults": "adult"}


def test_rename_symbols_keeps_variables():
    formula = parse_formula("forall x. chases(x, the_cat) -> x = the_cat")
    renamed = rename_symbols(formula, {"chases": "chase", "the_cat": "cat", "x": "y"})
    assert to_text(renamed) == "forall x. chase(x, cat) -> x = cat"


def test_a_verb_and_its_object_become_the_relation_the_problem_uses():
    pipeline = Pipeline(parser=MockParser({
        "The dog chases the bear.": "chase_bear(dog)",
        "If something chases the bear then it is red.": "forall x. chase(x, bear) -> red(x)",
        "The dog is red.": "red(dog)",
    }))
    answer = pipeline.ask("The dog chases the bear. If something chases the bear then it is red.",
                          "The dog is red.", semantics="directional")
    assert answer.context[0].lf == "chase(dog, bear)"
    assert (answer.label, answer.method) == ("True", "symbolic")


def test_a_verb_and_its_object_stay_one_predicate_without_that_relation():
    # "plays the piano" is an activity unless the problem relates things by "play" and
    # names the piano as an individual.
    pipeline = Pipeline(parser=MockParser({"Bob plays the piano.": "play_piano(bob)",
                                           "Anne plays chess.": "play_chess(anne)",
                                           "The piano is old.": "old(piano)"}))
    assert [item.lf for item in pipeline.formalize("Bob plays the piano. Anne plays chess. The piano is old.")] == [
        "play_piano(bob)", "play_chess(anne)", "old(piano)"]


def test_an_adjective_and_a_noun_become_both_properties_when_the_problem_uses_the_adjective():
    # PARARULE-Plus style: "cute animals" read as one name would never meet "The tiger is cute."
    pipeline = Pipeline(parser=MockParser({
        "The tiger is cute.": "cute(tiger)",
        "All cute animals are furry.": "forall x. cute_animal(x) -> furry(x)",
        "The tiger is furry.": "furry(tiger)",
    }))
    answer = pipeline.ask("The tiger is cute. All cute animals are furry.", "The tiger is furry.",
                          semantics="directional")
    # split into cute(x) and animal(x); "animal" only restricts rules, so it goes (domain nouns)
    assert answer.context[1].lf == "forall x. cute(x) -> furry(x)"
    assert (answer.label, answer.method) == ("True", "symbolic")


def test_an_adjective_and_a_noun_stay_one_predicate_when_the_adjective_is_never_said_alone():
    pipeline = Pipeline(parser=MockParser({"Bob is a computer scientist.": "computer_scientist(bob)",
                                           "Anne is a scientist.": "scientist(anne)"}))
    assert [item.lf for item in pipeline.formalize("Bob is a computer scientist. Anne is a scientist.")] == [
        "computer_scientist(bob)", "scientist(anne)"]


# ---------------------------------------------------------------- the commands


def run_cli(capsys, monkeypatch, table, *argv, parser=None):
    """Run a command of ``neurosym`` with ``MockParser(table)`` (or ``parser``) as the parser."""
    from neurosym import cli

    parser = parser or MockParser(table)
    monkeypatch.setattr(pipeline_module, "load_parser", lambda *a, **k: parser)
    monkeypatch.setattr(pipeline_module, "load_fallback", lambda *a, **k: MockFallback("True", 0.62))
    command_line = cli._build_parser()
    commands = next(a for a in command_line._actions if isinstance(a, argparse._SubParsersAction))
    if "ask" not in commands.choices:  # cli.py not wired to the text commands yet
        add_text_commands(commands)
    args = command_line.parse_args(list(argv))
    run = TEXT_COMMANDS.get(args.command) or cli._COMMANDS[args.command]
    try:
        code = run(args)
    except NeurosymError as exc:
        code = cli._error_exit(exc, getattr(args, "json", False))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_check_reads_english_and_shows_how(capsys, monkeypatch, rules_file):
    # The declared reading of "Alice can borrow books." is the mock's second (0.45).
    code, out, _ = run_cli(capsys, monkeypatch, SCHEMA_TABLE, "check", "--rules", rules_file, "--threshold", "0.4",
                           "--premise", "Alice is 17 years old.", "Alice can borrow books.")
    assert code == 1
    assert "premise 1: Alice is 17 years old.  ->  age(alice) = 17" in out
    assert "claim 1: Alice can borrow books." in out and "CONTRADICTED" in out
    assert "rule minors_may_not_borrow (" in out and "library.rules:8" in out


def test_cli_check_json_lists_the_sentences(capsys, monkeypatch, rules_file):
    code, out, _ = run_cli(capsys, monkeypatch, SCHEMA_TABLE, "check", "--json", "--rules", rules_file,
                           "--threshold", "0.4", "--premise", "Alice is 17 years old.", "Alice can borrow books.")
    data = json.loads(out)
    assert data["claims"][0]["claim"] == "Alice can borrow books."
    assert [s["label"] for s in data["sentences"]] == ["premise 1", "claim 1"]
    assert data["sentences"][1]["lf"] == "may_borrow(alice)"


def test_cli_check_with_lf_only_runs_as_before(capsys, monkeypatch, rules_file):
    code, out, _ = run_cli(capsys, monkeypatch, {}, "check", "--rules", rules_file,
                           "--premise", "age(bob) = 40", "adult(bob)")
    assert code == 0 and "ENTAILED" in out and "read as" not in out


def test_cli_check_leaves_a_claim_it_cannot_formalize_to_the_fallback(capsys, monkeypatch):
    code, out, err = run_cli(capsys, monkeypatch, {"Bob is big.": "big(bob)"}, "check", "Bob is big. Xyz qux.")
    assert code == 0  # no proof of a violation
    assert "claim 1: Bob is big.\n  POSSIBLE  (proved by the solver" in out
    assert "claim 2: Xyz qux.\n  UNTRANSLATED  (a neural guess, not a proof; label True, confidence 0.62)" in out
    assert "all statements together: not decided (1 sentence(s) read below the confidence threshold" in out
    assert "1 claim(s) not decided by proof" in err


def test_cli_check_takes_no_verdict_from_an_unsure_reading(capsys, monkeypatch, rules_file):
    # At the default threshold (0.6) the declared reading (0.45) is too unsure for a proof.
    code, out, err = run_cli(capsys, monkeypatch, SCHEMA_TABLE, "check", "--rules", rules_file,
                             "--premise", "Alice is 17 years old.", "Alice can borrow books.")
    assert "claim 1: Alice can borrow books.  ->  may_borrow(alice)  (0.45)" in out
    assert "UNTRANSLATED  (a neural guess, not a proof; label True" in out
    assert "CONTRADICTED" not in out and "all statements together: not decided" in out
    assert code == 0 and "not decided by proof" in err
    strict, _, _ = run_cli(capsys, monkeypatch, SCHEMA_TABLE, "check", "--strict", "--rules", rules_file,
                           "--premise", "Alice is 17 years old.", "Alice can borrow books.")
    assert strict == 1


def test_cli_check_proves_from_the_confident_part_when_it_decides(capsys, monkeypatch, rules_file):
    table = {**SCHEMA_TABLE, "Alice reads a lot.": [("adult(alice)", 0.3)]}
    code, out, err = run_cli(capsys, monkeypatch, table, "check", "--rules", rules_file, "--threshold", "0.4",
                             "--premise", "Alice is 17 years old. Alice reads a lot.", "Alice can borrow books.")
    assert "CONTRADICTED  (proved from the formalized part; label False" in out
    assert "rule minors_may_not_borrow (" in out
    assert "not decided (1 sentence(s) read below the confidence threshold 0.4: 'Alice reads a lot.')" in out
    assert code == 1 and err == ""  # a proof of a violation


def test_cli_check_json_of_unsure_sentences(capsys, monkeypatch):
    code, out, _ = run_cli(capsys, monkeypatch, {"Bob is big.": "big(bob)"}, "check", "--json",
                           "Bob is big. Xyz qux.")
    data = json.loads(out)
    assert data["consistency"] is None and "Xyz qux." in data["consistency_note"]
    assert [(c["verdict"], c["method"], c["answer"]) for c in data["claims"]] == [
        ("POSSIBLE", "symbolic", "Unknown"), ("UNTRANSLATED", "neural", "True")]
    assert data["claims"][1]["neural"]["label"] == "True"


def test_cli_batch_lines_may_be_english(capsys, monkeypatch, tmp_path):
    table = {"Bob is big.": "big(bob)", "Bob is not big.": "not big(bob)", "Bob is red.": [("red(bob)", 0.5)]}
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join([
        json.dumps({"id": "lf", "premises": ["big(bob)"], "claims": ["not big(bob)"]}),
        json.dumps({"id": "en", "premises": ["Bob is big."], "claims": ["Bob is not big."]}),
        json.dumps({"id": "unsure", "claims": ["Bob is big.", "Bob is red."]}),
        json.dumps({"id": "bad", "claims": ["Bob is big.", 7]}),
    ]) + "\n")
    parser = MockParser(table)
    code, out, err = run_cli(capsys, monkeypatch, table, "check", "--input", str(batch), parser=parser)
    lf, english, unsure, bad = [json.loads(line) for line in out.splitlines()]
    assert lf["claims"][0]["verdict"] == "CONTRADICTED" and "sentences" not in lf
    assert english["claims"][0]["verdict"] == "CONTRADICTED"
    assert [s["lf"] for s in english["sentences"]] == ["big(bob)", "not big(bob)"]
    assert unsure["consistency"] is None and unsure["claims"][1]["method"] == "neural"
    assert "list of strings" in bad["error"]["message"]
    assert code == 2 and "line 4" in err
    # the English of the batch went to the parser in one call
    assert sorted(parser.calls[0]) == ["Bob is big.", "Bob is not big.", "Bob is red."]


def test_cli_ask_answers_with_evidence_in_english(capsys, monkeypatch, tmp_path):
    context = tmp_path / "context.txt"
    context.write_text(CONTEXT)
    code, out, _ = run_cli(capsys, monkeypatch, PROOFWRITER, "ask", "--context", str(context),
                           "--semantics", "directional", "The tiger is not young.")
    assert code == 0
    assert out.startswith("False  (CONTRADICTED, proved by the solver; directional semantics")
    assert "The tiger likes the squirrel." in out


def test_cli_ask_json(capsys, monkeypatch):
    code, out, _ = run_cli(capsys, monkeypatch, PROOFWRITER, "ask", "--json", "--context", CONTEXT,
                           "--semantics", "directional", QUESTION + "The cow is cold.")
    data = json.loads(out)
    assert (code, data["answer"], data["verdict"]) == (0, "Unknown", "POSSIBLE")
    assert data["question"]["lf"] == "cold(cow)"
    assert math.isclose(data["confidence"], TOP_PROBABILITY, rel_tol=1e-5)


def test_cli_ask_without_an_answer_exits_1(capsys, monkeypatch):
    code, out, _ = run_cli(capsys, monkeypatch, {}, "ask", "--context", "big(bob)", "--context",
                           "not big(bob)", "red(bob)")
    assert code == 1
    assert out.startswith("no answer  (IMPOSSIBLE, proved by the solver; classical semantics")
    assert "read as" not in out  # everything was LF


@pytest.mark.parametrize("text, meant_as_lf", [
    ("p(a) and", True),
    ("forall x. p(x) ->", True),
    ("∀x (Dog(x) →", True),
    ("The cat is big.", False),
    ("Alice (the applicant) is 17.", False),
    ("Is the cat big?", False),
])
def test_broken_notation_is_reported_as_lf_not_read_as_english(text, meant_as_lf):
    from neurosym.pipeline import looks_like_lf

    assert looks_like_lf(text) is meant_as_lf


def test_cli_ask_marks_a_neural_answer_as_a_guess(capsys, monkeypatch):
    code, out, _ = run_cli(capsys, monkeypatch, PROOFWRITER, "ask", "--context", "The cow is blue.",
                           "The cow flies over the moon.")
    assert code == 0
    first = out.splitlines()[0]
    assert first.startswith("True  (UNTRANSLATED, a neural guess, not a proof")
    assert "neural fallback: True with probability 0.62" in out
    assert "not formalized: 'The cow flies over the moon.'" in out


def test_cli_ask_without_the_fallback_leaves_it_unanswered(capsys, monkeypatch):
    code, out, _ = run_cli(capsys, monkeypatch, PROOFWRITER, "ask", "--no-fallback", "--json",
                           "--context", "The cow is blue.", "The cow flies over the moon.")
    data = json.loads(out)
    assert code == 1 and data["answer"] is None and data["verdict"] == "UNTRANSLATED"
    assert data["untranslated"] == ["The cow flies over the moon."] and "switched off" in data["note"]


# ---------------------------------------------------------------- the domain of discourse

ANIMALS = {
    "The mouse is furry.": "furry(mouse)",
    "Furry animals are cute.": "forall x. furry(x) and animal(x) -> cute(x)",
    "All animals are small.": "forall x. animal(x) -> small(x)",
    "The mouse is cute.": "cute(mouse)",
    "The mouse is small.": "small(mouse)",
    "The mouse is an animal.": "animal(mouse)",
}


def test_a_domain_noun_that_only_restricts_rules_names_the_whole_domain():
    pipeline = Pipeline(parser=MockParser(ANIMALS))
    context = "The mouse is furry. Furry animals are cute. All animals are small."
    assert pipeline.ask(context, "The mouse is cute.", semantics="closed-world").label == "True"
    assert pipeline.ask(context, "The mouse is small.", semantics="directional").label == "True"
    read = [item.lf for item in pipeline.formalize(context)]
    assert read == ["furry(mouse)", "forall x. furry(x) -> cute(x)", "forall x. small(x)"]


def test_an_unlikely_reading_does_not_decide_the_domain():
    table = dict(ANIMALS)
    # The runner-up (0.02) would say "animal" of the mouse: it cannot be chosen, so it is ignored.
    table["The mouse is furry."] = [("furry(mouse)", 0.95), ("furry(mouse) and animal(mouse)", 0.02)]
    pipeline = Pipeline(parser=MockParser(table))
    context = "The mouse is furry. Furry animals are cute."
    assert [item.lf for item in pipeline.formalize(context)][1] == "forall x. furry(x) -> cute(x)"
    assert pipeline.ask(context, "The mouse is cute.", semantics="closed-world").label == "True"


def test_a_domain_noun_said_of_an_individual_stays_a_predicate():
    pipeline = Pipeline(parser=MockParser(ANIMALS))
    context = "The mouse is an animal. Furry animals are cute."
    assert [item.lf for item in pipeline.formalize(context)][1] == "forall x. furry(x) and animal(x) -> cute(x)"


class _DoubtingParser(MockParser):
    """The mock parser, its readings of one sentence doubted as the reading checks would."""

    def parse(self, sentences, *, theory=None, n_best=4):
        import dataclasses

        return [[dataclasses.replace(r, doubt="binds 'x' and says nothing else of it") if s.startswith("At least") else r
                 for r in found] for s, found in zip(sentences, super().parse(sentences, theory=theory, n_best=n_best))]


def test_a_doubted_reading_keeps_its_doubt_through_the_pipeline():
    pipeline = Pipeline(parser=_DoubtingParser({
        "At least one of Gary and the parrot is brave.": [("exists x. gary(x) and brave(parrot)", 0.04)],
        "The parrot is brave.": "brave(parrot)"}))
    doubted, plain = pipeline.formalize(["At least one of Gary and the parrot is brave.", "The parrot is brave."])
    assert doubted.doubt == "binds 'x' and says nothing else of it"
    assert doubted.to_dict()["doubt"] == doubted.doubt
    assert plain.doubt is None and "doubt" not in plain.to_dict()


def test_the_commands_show_why_a_reading_is_doubted():
    from neurosym.cli_text import _reading_lines
    from neurosym.logic.parser import parse_formula
    from neurosym.pipeline import Formalized

    doubted = Formalized("At least one of Gary and the parrot is brave.", parse_formula("exists x. gary(x) and brave(parrot)"),
                         0.04, "parser", doubt="binds 'x' and says nothing else of it")
    assert _reading_lines([("premise 1", doubted)])[1] == (
        "  premise 1: At least one of Gary and the parrot is brave.  ->  exists x. gary(x) and brave(parrot)  "
        "(0.04; doubt: the reading binds 'x' and says nothing else of it)")


@pytest.mark.parametrize("sentence, unstopped", [
    ("Dr. Lee is a doctor.", "Dr Lee is a doctor."),
    ("Bob met Mrs. Smith in St. Louis.", "Bob met Mrs Smith in St Louis."),
    ("Bob is a dr. of law.", "Bob is a dr. of law."),  # no name follows
    ("The end. Bob is big.", "The end. Bob is big."),  # "end" is no title
])
def test_a_titles_full_stop_before_a_name_is_left_out(sentence, unstopped):
    from neurosym.text import titles_unstopped

    assert titles_unstopped(sentence) == unstopped
