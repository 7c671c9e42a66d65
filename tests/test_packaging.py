"""The installed package works away from the source checkout: grammars travel in the wheel."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(REPO)],
        check=True, capture_output=True, text=True,
    )
    (path,) = out.glob("neurosym-*.whl")
    return path


def test_wheel_contains_grammars_and_every_subpackage(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "neurosym/grammars/logic.lark" in names
    assert "neurosym/grammars/rules.lark" in names
    for init in (REPO / "neurosym").rglob("__init__.py"):
        relative = init.relative_to(REPO).as_posix()
        assert relative in names, f"{relative} is missing from the wheel: list it in pyproject.toml"


def test_wheel_ships_the_trained_weights(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for weights in sorted((REPO / "neurosym" / "weights").rglob("*")):
        if weights.is_file():
            relative = weights.relative_to(REPO).as_posix()
            assert relative in names, f"{relative} is missing from the wheel: list it in pyproject.toml"


def test_installed_wheel_finds_its_grammars(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=True, capture_output=True, text=True,
    )
    probe = (
        "from neurosym.resources import grammar_path;"
        "from neurosym.logic.parser import parse_formula;"
        "print(grammar_path('logic.lark'));"
        "print(parse_formula('forall x. p(x) -> q(x)'))"
    )
    run = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True,
                         env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"})
    assert run.returncode == 0, run.stderr
    grammar_location = run.stdout.splitlines()[0]
    assert grammar_location.startswith(str(target)), grammar_location
