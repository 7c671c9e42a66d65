"""The shipped rule files (rules/*.rules) pass their own examples, and the example scripts run.

Each ``example`` block in a rule file is one test case here, named by file and example,
so a failure points at the example to read. The expected verdicts were worked out by
hand from the rules (open-world classical logic unless the example says ``under``).
"""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

pytest.importorskip("neurosym.rules.loader", reason="the rule-file loader is not written yet")
pytest.importorskip("neurosym.reasoner.check", reason="the reasoner is not written yet")

from neurosym.logic.printer import to_text  # noqa: E402
from neurosym.reasoner import Reasoner  # noqa: E402
from neurosym.rules.loader import load_theory  # noqa: E402
from neurosym.verdicts import Consistency, Semantics, Verdict  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RULE_FILES = sorted((ROOT / "rules").glob("*.rules"))
# Shared vocabulary included by the domain files; it is tested, but not held to their size.
SHARED_FILES = {"common.rules"}
DOMAIN_FILES = [path for path in RULE_FILES if path.name not in SHARED_FILES]
EXAMPLE_SCRIPTS = sorted((ROOT / "examples").glob("*.py"))

_theories: dict[Path, object] = {}
_reasoners: dict[Path, Reasoner] = {}


def theory_of(path: Path):
    if path not in _theories:
        _theories[path] = load_theory([str(path)])
    return _theories[path]


def reasoner_of(path: Path) -> Reasoner:
    """One compiled reasoner per rule file, shared by that file's examples."""
    if path not in _reasoners:
        _reasoners[path] = Reasoner(theory_of(path))
    return _reasoners[path]


def own_examples(path: Path):
    """The examples written in ``path`` itself, not those of the files it includes."""
    return [ex for ex in theory_of(path).examples if Path(ex.where.path).resolve() == path]


def own_rules(path: Path):
    return [rule for rule in theory_of(path).rules if Path(rule.where.path).resolve() == path]


def _example_cases():
    return [pytest.param(path, example, id=f"{path.stem}::{example.name}")
            for path in RULE_FILES for example in own_examples(path)]


def test_rule_files_are_shipped():
    assert {"lending.rules", "dosage.rules", "access.rules"} <= {p.name for p in RULE_FILES}


@pytest.mark.parametrize("path, example", _example_cases())
def test_example_gets_its_expected_verdicts(path, example):
    result = reasoner_of(path).check([claim.formula for claim in example.claims], example.givens,
                                     semantics=example.semantics)
    expected = [(to_text(claim.formula), claim.expected) for claim in example.claims]
    got = [(to_text(claim.formula), result.claims[i].verdict) for i, claim in enumerate(example.claims)]
    reasons = [c.reason for c in result.claims if c.reason]
    assert got == expected, f"{example.where}: {reasons}"
    if example.expected_consistency is not None:
        assert result.consistency is example.expected_consistency, f"{example.where}: {result.reason}"


@pytest.mark.parametrize("path", DOMAIN_FILES, ids=lambda p: p.stem)
def test_domain_file_has_fifteen_described_rules(path):
    rules = [rule for rule in own_rules(path) if not rule.is_fact]
    assert len(rules) >= 15
    assert [rule.name for rule in rules if not rule.description] == []


@pytest.mark.parametrize("path", DOMAIN_FILES, ids=lambda p: p.stem)
def test_domain_file_examples_cover_every_outcome(path):
    examples = own_examples(path)
    verdicts = {claim.expected for example in examples for claim in example.claims}
    inconsistent = any(ex.expected_consistency is Consistency.INCONSISTENT for ex in examples)
    assert len(examples) >= 6
    assert {Verdict.ENTAILED, Verdict.CONTRADICTED, Verdict.POSSIBLE} <= verdicts
    assert inconsistent or Verdict.IMPOSSIBLE in verdicts
    assert {ex.semantics for ex in examples} == set(Semantics)


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: p.stem)
def test_every_symbol_has_an_english_gloss(path):
    theory = theory_of(path)
    declarations = [*theory.predicates.values(), *theory.functions.values()]
    assert [decl.name for decl in declarations if not decl.glosses] == []


def test_domain_files_share_the_person_vocabulary():
    including = [p.name for p in DOMAIN_FILES if "common.rules" in {Path(f.path).name for f in theory_of(p).files}]
    assert len(including) >= 1
    for name in including:
        assert "Person" in theory_of(ROOT / "rules" / name).sorts


@pytest.mark.parametrize("script", EXAMPLE_SCRIPTS, ids=lambda p: p.stem)
def test_example_script_runs(script, capsys):
    runpy.run_path(str(script), run_name="__main__")
    assert capsys.readouterr().out.strip()
