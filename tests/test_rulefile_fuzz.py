"""Malformed rule files only ever raise neurosym's own errors, never anything else.

Every shipped rule file (rules/*.rules) and every fixture is mutated at random: characters,
tokens and lines are deleted, duplicated or swapped, and now and then a byte is dropped
(breaking UTF-8). Loading the result must either succeed or raise a ``NeurosymError``
whose message renders. The loop is seeded per file, so a failure names a case that can be
replayed with ``mutations(source, seed)``.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import pytest

from neurosym.errors import NeurosymError
from neurosym.rules.loader import load_theory

TESTS = Path(__file__).parent
REPOSITORY = TESTS.parent
SOURCES = sorted((REPOSITORY / "rules").glob("*.rules")) + sorted((TESTS / "fixtures").rglob("*.rules"))
CASES_PER_FILE = 30

# Strings, names, numbers, two-character operators, then any other single character.
_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"|[A-Za-z_][A-Za-z0-9_]*|[0-9]+(?:\.[0-9]+)?|<->|->|=>|!=|<=|>=|\S')


def _pieces(text: str, unit: str) -> list[tuple[int, int]]:
    """(start, end) of every character, token or line of ``text``."""
    if unit == "character":
        return [(i, i + 1) for i in range(len(text))]
    if unit == "token":
        return [m.span() for m in _TOKEN.finditer(text)]
    return [m.span() for m in re.finditer(r"[^\n]*\n|[^\n]+$", text)]


def _mutate_once(text: str, rng: random.Random) -> str:
    unit = rng.choice(["character", "token", "line"])
    operation = rng.choice(["delete", "duplicate", "swap"])
    pieces = _pieces(text, unit)
    if not pieces:
        return text
    start, end = rng.choice(pieces)
    if operation == "delete":
        return text[:start] + text[end:]
    if operation == "duplicate":
        return text[:end] + text[start:end] + text[end:]
    other_start, other_end = rng.choice(pieces)
    (a, b), (c, d) = sorted([(start, end), (other_start, other_end)])
    if b > c:  # overlapping pieces: nothing to swap
        return text
    return text[:a] + text[c:d] + text[b:c] + text[a:b] + text[d:]


def mutations(source: Path, seed: int) -> bytes:
    """The bytes of one mutated version of ``source``: one to three mutations."""
    rng = random.Random(f"{source.name}:{seed}")
    text = source.read_text(encoding="utf-8")
    for _ in range(rng.randint(1, 3)):
        text = _mutate_once(text, rng)
    data = text.encode("utf-8")
    if data and rng.random() < 0.05:  # drop a byte: may cut a multi-byte character in half
        cut = rng.randrange(len(data))
        data = data[:cut] + data[cut + 1:]
    return data


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    """A copy of rules/ and tests/fixtures/, so includes resolve and originals stay intact."""
    root = tmp_path_factory.mktemp("fuzz")
    if (REPOSITORY / "rules").is_dir():
        shutil.copytree(REPOSITORY / "rules", root / "rules")
    shutil.copytree(TESTS / "fixtures", root / "fixtures")
    return root


def _copy_of(source: Path, workspace: Path) -> Path:
    if source.is_relative_to(TESTS / "fixtures"):
        return workspace / "fixtures" / source.relative_to(TESTS / "fixtures")
    return workspace / "rules" / source.name


def test_there_is_something_to_mutate():
    assert len(SOURCES) >= 4


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.relative_to(REPOSITORY).as_posix())
def test_mutated_rule_files_raise_only_neurosym_errors(source, workspace):
    target = _copy_of(source, workspace)
    original = target.read_bytes()
    outcomes = {"loaded": 0, "rejected": 0}
    try:
        for seed in range(CASES_PER_FILE):
            mutated = mutations(source, seed)
            target.write_bytes(mutated)
            try:
                load_theory(target)
                outcomes["loaded"] += 1
            except NeurosymError as error:
                assert str(error) and error.exit_code == 2
                outcomes["rejected"] += 1
            except Exception as error:  # the property under test: nothing else escapes
                pytest.fail(f"mutations({source.name!r}, {seed}) raised {type(error).__name__}: "
                            f"{error}\n--- mutated file ---\n{mutated.decode('utf-8', 'replace')[:3000]}")
    finally:
        target.write_bytes(original)
    assert outcomes["rejected"] > 0  # the mutations do break files


def test_mutations_are_reproducible():
    source = SOURCES[0]
    assert mutations(source, 7) == mutations(source, 7)
    assert any(mutations(source, seed) != source.read_bytes() for seed in range(5))
