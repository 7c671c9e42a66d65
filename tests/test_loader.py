"""Rule files: parsing one file, and loading files with their includes into a Theory.

The error cases live in tests/test_error_catalogue.py; this file is the happy path and
the file-system edge cases.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from neurosym.errors import RuleFileError
from neurosym.logic import ast
from neurosym.logic.parser import parse_formula
from neurosym.rules import loader
from neurosym.rules.loader import load_theory, parse_rule_file, rule_file_parser
from neurosym.verdicts import Consistency, Semantics, Verdict

FIXTURES = Path(__file__).parent / "fixtures"
LOANS = FIXTURES / "loans" / "loans.rules"


def quantifiers(formula: ast.Formula):
    return [node for node in ast.walk(formula) if isinstance(node, (ast.Forall, ast.Exists))]


# ------------------------------------------------------------------ one file

DECLARATIONS = '''\
sort Applicant "applicant"
const alice: Applicant "Alice"
pred adult(Applicant) "{0} is an adult" | "{0} is of age"
pred raining
func age(Applicant) -> Int "the age of {0}" | "{0} is {value} years old"
'''


def test_declarations_are_parsed_with_their_glosses_and_lines():
    rf = parse_rule_file(DECLARATIONS, "decl.rules")
    assert [(s.name, s.glosses) for s in rf.sorts] == [("Applicant", ("applicant",))]
    assert [(c.name, c.sort, c.glosses) for c in rf.constants] == [("alice", "Applicant", ("Alice",))]
    adult, raining = rf.predicates
    assert (adult.name, adult.arg_sorts, adult.glosses) == \
        ("adult", ("Applicant",), ("{0} is an adult", "{0} is of age"))
    assert (raining.arg_sorts, raining.glosses) == ((), ())
    (age,) = rf.functions
    assert (age.arg_sorts, age.result_sort) == (("Applicant",), "Int")
    assert [d.where.line for d in (*rf.sorts, *rf.constants, *rf.predicates, *rf.functions)] == [1, 2, 3, 4, 5]
    assert age.where.path == "decl.rules"


def test_rules_and_facts_keep_names_descriptions_and_formulas():
    text = DECLARATIONS + '''
rule adult_by_age "Applicants aged 18 or over are adults":
    forall a: Applicant. age(a) >= 18 -> adult(a)
fact age(alice) = 17
fact rainy: raining
'''
    rule, unnamed, named = parse_rule_file(text, "policy/lending.rules").rules
    assert (rule.name, rule.description, rule.is_fact) == \
        ("adult_by_age", "Applicants aged 18 or over are adults", False)
    assert rule.formula == parse_formula("forall a: Applicant. age(a) >= 18 -> adult(a)")
    assert unnamed.name == "fact@lending.rules:9"  # a stable name from the position
    assert unnamed.is_fact and unnamed.formula == parse_formula("age(alice) = 17")
    assert (named.name, named.where.line) == ("rainy", 10)


def test_formula_spans_are_positions_in_the_rule_file():
    text = "pred p\nrule r:\n    not p"
    formula = parse_rule_file(text, "r.rules").rules[0].formula
    assert (formula.span.line, formula.span.column) == (3, 5)
    assert (formula.arg.span.line, formula.arg.span.column) == (3, 9)


def test_examples_collect_givens_claims_and_expectations():
    text = '''\
example minor "A 17-year-old is not eligible":
    given age(carol) = 17
    expect eligible(carol) => CONTRADICTED
    expect adult(carol) => POSSIBLE
example under closed_world:
    given adult(dave)
    expect INCONSISTENT
'''
    minor, unnamed = parse_rule_file(text, "ex.rules").examples
    assert (minor.name, minor.description, minor.semantics) == \
        ("minor", "A 17-year-old is not eligible", Semantics.CLASSICAL)
    assert minor.givens == (parse_formula("age(carol) = 17"),)
    assert [(c.formula, c.expected, c.where.line) for c in minor.claims] == [
        (parse_formula("eligible(carol)"), Verdict.CONTRADICTED, 3),
        (parse_formula("adult(carol)"), Verdict.POSSIBLE, 4),
    ]
    assert minor.expected_consistency is None
    assert unnamed.name == "example@ex.rules:5"
    assert unnamed.semantics is Semantics.CLOSED_WORLD
    assert (unnamed.claims, unnamed.expected_consistency) == ((), Consistency.INCONSISTENT)


def test_includes_are_recorded_with_their_position_not_followed():
    rf = parse_rule_file('# header\ninclude "../shared/base.rules"', "a/b.rules")
    ((target, where),) = rf.includes
    assert target == "../shared/base.rules"
    assert (where.path, where.line, where.column) == ("a/b.rules", 2, 1)


@pytest.mark.parametrize("written, meant", [
    (r'"say \"yes\""', 'say "yes"'),
    (r'"a \\ b"', "a \\ b"),
    (r'"two\nlines\tand a tab"', "two\nlines\tand a tab"),
    (r'"caf\u00e9"', "café"),
    ('"naïve ∀ unicode"', "naïve ∀ unicode"),
])
def test_strings_are_unescaped(written, meant):
    assert parse_rule_file(f"sort S {written}", "s.rules").sorts[0].glosses == (meant,)


def test_keywords_of_the_rule_language_may_start_longer_names():
    rf = parse_rule_file("sort sorted_list\npred rules_apply(sorted_list)\nconst examples: sorted_list",
                         "k.rules")
    assert [p.name for p in rf.predicates] == ["rules_apply"]
    assert rf.constants[0].name == "examples"


def test_the_parser_is_built_once():
    assert rule_file_parser() is rule_file_parser()


def test_an_empty_file_is_an_empty_rule_file():
    rf = parse_rule_file("# nothing yet\n", "empty.rules")
    assert (rf.sorts, rf.rules, rf.examples) == ((), (), ())


# ------------------------------------------------------------------ theories


def test_the_fixture_theory_loads_with_includes_first_and_each_file_once():
    theory = load_theory([LOANS])
    names = [Path(rf.path).name for rf in theory.files]
    assert names == ["people.rules", "money.rules", "loans.rules"]  # people.rules once
    assert set(theory.sorts) == {"Person", "Loan"}
    assert set(theory.predicates) >= {"adult", "eligible", "applies", "cosigns", "flagged"}
    assert theory.functions["income"].result_sort == "Real"
    assert [r.name for r in theory.rules][:3] == ["adult_by_age", "minor_by_age", "fact@money.rules:8"]
    assert theory.rule("bob_income").is_fact
    assert [e.name for e in theory.examples] == ["minor", "clash", "example@loans.rules:31"]


def test_include_paths_are_relative_to_the_including_file():
    theory = load_theory(LOANS)
    people = theory.files[0]
    assert Path(people.path) == FIXTURES / "shared" / "people.rules"
    assert theory.rule("adult_by_age").where.path == people.path


def test_every_formula_of_the_theory_has_sorted_binders():
    theory = load_theory(LOANS)
    formulas = [rule.formula for rule in theory.rules]
    formulas += [f for example in theory.examples for f in example.givens]
    formulas += [c.formula for example in theory.examples for c in example.claims]
    binders = [b for f in formulas for q in quantifiers(f) for b in q.binders]
    assert binders and all(b.sort in theory.sorts for b in binders)
    cosigner = theory.rule("cosigner_adult").formula  # FOLIO style, sorts inferred
    assert [b.sort for q in quantifiers(cosigner) for b in q.binders] == ["Person", "Person"]
    some = theory.rule("some_applicant").formula.right
    assert [(b.name, b.sort) for b in some.binders] == [("p", "Person"), ("l", "Loan")]


def test_files_in_the_theory_hold_the_checked_formulas():
    theory = load_theory(LOANS)
    assert theory.files[-1].rules == tuple(r for r in theory.rules if r.where.path == theory.files[-1].path)


def test_examples_may_name_individuals_of_their_own():
    theory = load_theory(LOANS)
    assert "carol" not in theory.constants  # example-local, not part of the theory
    minor = theory.examples[0]
    assert minor.givens[0] == parse_formula("age(carol) = 17")


def test_the_same_file_given_twice_or_by_another_path_is_loaded_once():
    other_spelling = FIXTURES / "loans" / ".." / "loans" / "loans.rules"
    theory = load_theory([LOANS, str(other_spelling), FIXTURES / "shared" / "people.rules"])
    assert len(theory.files) == 3


def test_several_top_level_files_merge(tmp_path):
    (tmp_path / "a.rules").write_text("sort A\npred p(A)\n", encoding="utf-8")
    (tmp_path / "b.rules").write_text("sort B\npred q(B)\nrule r: forall x. q(x)\n", encoding="utf-8")
    theory = load_theory([tmp_path / "a.rules", tmp_path / "b.rules"])
    assert set(theory.sorts) == {"A", "B"}
    assert theory.rule("r").formula.binders[0].sort == "B"


# ------------------------------------------------------------------ reading files


def test_a_missing_file_is_a_rule_file_error(tmp_path):
    with pytest.raises(RuleFileError, match="no such file") as caught:
        load_theory(tmp_path / "nowhere.rules")
    assert caught.value.path.endswith("nowhere.rules")


def test_a_directory_is_not_a_rule_file(tmp_path):
    with pytest.raises(RuleFileError, match="is a directory"):
        load_theory(tmp_path)


def test_bad_encoding_is_reported_with_its_position(tmp_path):
    path = tmp_path / "latin1.rules"
    path.write_bytes("sort A\nconst b: A \"caf\xe9\"\n".encode("latin-1"))
    with pytest.raises(RuleFileError, match=r"not UTF-8 text \(byte 0xe9\)") as caught:
        load_theory(path)
    assert (caught.value.line, caught.value.column) == (2, 16)


def test_a_byte_order_mark_is_allowed(tmp_path):
    path = tmp_path / "bom.rules"
    path.write_bytes("\ufeffsort A\n".encode("utf-8"))
    assert set(load_theory(path).sorts) == {"A"}


def test_oversized_files_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(loader, "MAX_RULE_FILE_BYTES", 100)
    path = tmp_path / "big.rules"
    path.write_text("# padding\n" * 20, encoding="utf-8")
    with pytest.raises(RuleFileError, match="more than the limit of 100"):
        load_theory(path)


def test_an_unreadable_include_points_at_the_include(tmp_path):
    shutil.copytree(FIXTURES / "loans", tmp_path / "loans")
    with pytest.raises(RuleFileError) as caught:
        load_theory(tmp_path / "loans" / "loans.rules")  # ../shared is not there
    error = caught.value
    assert error.message.startswith("cannot include '")
    assert "shared/people.rules': no such file" in error.message
    assert (Path(error.path).name, error.line) == ("money.rules", 2)


def test_include_chains_have_a_depth_limit(tmp_path):
    depth = loader.MAX_INCLUDE_DEPTH + 1
    for i in range(depth):
        (tmp_path / f"f{i}.rules").write_text(f'include "f{i + 1}.rules"\n', encoding="utf-8")
    (tmp_path / f"f{depth}.rules").write_text("sort A\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match="nested more than"):
        load_theory(tmp_path / "f0.rules")


def test_rule_files_are_data_never_python(tmp_path):
    path = tmp_path / "evil.rules"
    path.write_text('sort A "__import__(\'os\').system(\'false\')"\n'
                    'pred p(A) "{0.__class__}"\n', encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"unknown slot \{0.__class__\}"):
        load_theory(path)


def test_the_documented_example_loads(tmp_path):
    """The complete example of docs/rules.md, with the people.rules it includes."""
    docs = (Path(__file__).parent.parent / "docs" / "rules.md").read_text(encoding="utf-8")
    example = docs.split("```\n", 2)[1]  # the first code block
    assert example.startswith("# lending.rules")
    shutil.copy(FIXTURES / "shared" / "people.rules", tmp_path / "people.rules")
    (tmp_path / "lending.rules").write_text(example, encoding="utf-8")
    theory = load_theory(tmp_path / "lending.rules")
    assert {"minors_ineligible", "enough_income", "cosigner_adult", "bob_income"} <= {r.name for r in theory.rules}
    assert [e.name for e in theory.examples] == ["minor", "contradiction"]
