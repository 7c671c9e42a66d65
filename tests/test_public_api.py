"""The public namespace is pinned: adding or removing a name is a deliberate change."""

import doctest

import neurosym

PUBLIC_NAMES = {
    "Reasoner", "CheckResult", "ClaimResult", "EvidenceItem", "Scenario", "Statement",
    "load_theory", "parse_rule_file", "Theory",
    "parse_formula", "parse_term", "to_text", "to_unicode", "to_latex",
    "Verdict", "Consistency", "Semantics",
    "NeurosymError", "SourceError", "LogicSyntaxError", "RuleFileError", "TypeCheckError",
    "SemanticsError", "InputFormatError",
}


def test_public_names_are_pinned():
    assert set(neurosym.__all__) == PUBLIC_NAMES
    for name in PUBLIC_NAMES:
        assert hasattr(neurosym, name), name


def test_package_docstring_example_runs():
    failures, tried = doctest.testmod(neurosym, verbose=False)
    assert tried > 0 and failures == 0


def test_every_error_is_a_neurosym_error_with_exit_code_2():
    for name in ("SourceError", "LogicSyntaxError", "RuleFileError", "TypeCheckError",
                 "SemanticsError", "InputFormatError"):
        error_class = getattr(neurosym, name)
        assert issubclass(error_class, neurosym.NeurosymError)
        assert error_class.exit_code == 2


def test_public_names_are_exported_lazily_so_light_commands_start_fast():
    import subprocess
    import sys

    code = "import sys, neurosym; neurosym.Verdict; print('z3' in sys.modules)"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"
