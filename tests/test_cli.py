"""The command line: verdicts, exit codes, JSON output and one-screen errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from neurosym.cli import main

RULES = """\
sort Applicant
pred adult(Applicant) "{0} is an adult"
pred eligible(Applicant) "{0} is eligible for a loan"
func age(Applicant) -> Int "the age of {0}"

rule adult_by_age "Applicants aged 18 or over are adults":
    forall a: Applicant. age(a) >= 18 -> adult(a)
rule minors_ineligible "Applicants who are not adults are not eligible":
    forall a: Applicant. not adult(a) -> not eligible(a)
rule adults_by_age_only "Only applicants aged 18 or over are adults":
    forall a: Applicant. adult(a) -> age(a) >= 18

example minor "A 17-year-old is not eligible":
    given age(carol) = 17
    expect eligible(carol) => CONTRADICTED
    expect adult(carol) => CONTRADICTED
"""


@pytest.fixture
def rules_file(tmp_path):
    path = tmp_path / "lending.rules"
    path.write_text(RULES)
    return str(path)


def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_contradicted_claim_exits_1_and_names_the_rule(capsys, rules_file):
    code, out, _ = run(capsys, "check", "--rules", rules_file, "--premise", "age(alice) = 17", "eligible(alice)")
    assert code == 1
    assert "CONTRADICTED" in out
    assert "minors_ineligible" in out and "lending.rules:8" in out


def test_entailed_claim_exits_0(capsys, rules_file):
    code, out, _ = run(capsys, "check", "--rules", rules_file, "--premise", "age(bob) = 40", "adult(bob)")
    assert code == 0
    assert "ENTAILED" in out


def test_possible_claim_exits_0_but_1_with_strict(capsys, rules_file):
    args = ["check", "--rules", rules_file, "--premise", "age(bob) = 40", "eligible(bob)"]
    code, out, _ = run(capsys, *args)
    assert (code, "POSSIBLE" in out) == (0, True)
    code, _, _ = run(capsys, *args, "--strict")
    assert code == 1


def test_json_output_is_one_object_with_verdicts(capsys, rules_file):
    code, out, _ = run(capsys, "check", "--json", "--rules", rules_file, "--premise", "age(alice) = 17",
                       "eligible(alice)", "adult(alice)")
    data = json.loads(out)
    assert [c["verdict"] for c in data["claims"]] == ["CONTRADICTED", "CONTRADICTED"]
    assert data["consistency"] == "INCONSISTENT"
    assert code == 1


def test_without_rules_the_signature_is_inferred_from_folio_style_fol(capsys):
    code, out, _ = run(capsys, "check", "--premise", "∀x (Drinks(x) → Dependent(x))",
                       "--premise", "Drinks(rina)", "Dependent(rina)")
    assert code == 0
    assert "ENTAILED" in out


def test_inconsistent_premises_without_claims(capsys):
    code, out, _ = run(capsys, "check", "--premise", "not writer(shakespeare)",
                       "--premise", "wrote(shakespeare, hamlet)",
                       "--premise", "forall x. forall y. wrote(x, y) -> writer(x)")
    assert code == 1
    assert "INCONSISTENT" in out


def test_batch_input_gives_one_line_per_input_line_and_keeps_going(capsys, rules_file, tmp_path):
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join([
        json.dumps({"id": "a", "premises": ["age(alice) = 17"], "claims": ["eligible(alice)"]}),
        "{not json",
        json.dumps({"id": "c", "premises": ["age(bob) = 30"], "claims": ["adult(bob)"]}),
        json.dumps({"id": "d", "claims": ["adult(bob"]}),
    ]) + "\n")
    code, out, err = run(capsys, "check", "--rules", rules_file, "--input", str(batch))
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["line"] for r in records] == [1, 2, 3, 4]
    assert records[0]["id"] == "a" and records[0]["claims"][0]["verdict"] == "CONTRADICTED"
    assert "error" in records[1] and "error" in records[3]
    assert records[2]["claims"][0]["verdict"] == "ENTAILED"
    assert code == 2
    assert "line 2" in err


def test_directional_semantics_option(capsys):
    code, out, _ = run(capsys, "check", "--semantics", "directional",
                       "--premise", "forall x. adult(x) -> eligible(x)", "--premise", "not eligible(bob)",
                       "not adult(bob)")
    assert "POSSIBLE" in out


def test_bad_formula_is_a_one_screen_error_with_a_caret(capsys):
    code, out, err = run(capsys, "check", "p(a) and")
    assert code == 2
    assert "<claim 1>:1:" in err and "^" in err
    assert "Traceback" not in err


def test_bad_rule_file_names_file_line_and_suggestion(capsys, tmp_path):
    path = tmp_path / "bad.rules"
    path.write_text("sort Applicant\npred adult(Applicant)\nrule r: forall a: Applicant. adlt(a)\n")
    code, out, _ = run(capsys, "lint", str(path))
    assert code == 1
    assert f"{path}:3:" in out and "adult" in out


def test_missing_rule_file_is_bad_input(capsys, tmp_path):
    code, _, err = run(capsys, "check", "--rules", str(tmp_path / "nope.rules"), "p(a)")
    assert code == 2
    assert "nope.rules" in err


def test_test_command_runs_examples(capsys, rules_file):
    code, out, _ = run(capsys, "test", rules_file)
    assert code == 0
    assert "1 passed, 0 failed" in out


def test_test_command_reports_a_failing_example(capsys, tmp_path):
    path = tmp_path / "wrong.rules"
    path.write_text(RULES.replace("expect adult(carol) => CONTRADICTED", "expect adult(carol) => ENTAILED"))
    code, out, _ = run(capsys, "test", str(path))
    assert code == 1
    assert "FAIL minor" in out and "got CONTRADICTED" in out


def test_usage_error_exits_2(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["check", "--timeout", "soon", "p(a)"])
    assert exit_info.value.code == 2


def test_console_entry_point_runs_as_a_module():
    run = subprocess.run([sys.executable, "-m", "neurosym", "check", "--premise", "p(a)", "p(a)"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "ENTAILED" in run.stdout


def test_undecided_check_warns_and_fails_only_with_strict(capsys):
    hard = ["--timeout", "0.3", "--premise", "x * x * x + y * y * y = z * z * z",
            "--premise", "x > 0", "--premise", "y > 0", "--premise", "z > 0", "x > 1000"]
    code, out, err = run(capsys, "check", *hard)
    assert "UNKNOWN" in out and "time limit" in out
    assert code == 0 and "undecided" in err
    code, _, _ = run(capsys, "check", "--strict", *hard)
    assert code == 1
