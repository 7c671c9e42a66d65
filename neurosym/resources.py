"""Finds the files neurosym ships beside its code: the Lark grammars.

In a source checkout the grammars live in ``grammars/`` at the top of the repository;
an installed wheel carries the same files as the package ``neurosym.grammars`` (see
pyproject.toml). Everything that needs a grammar goes through ``grammar_text`` so both
layouts work.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

__all__ = ["grammar_text", "grammar_path"]

_CHECKOUT_GRAMMARS = Path(__file__).resolve().parent.parent / "grammars"


def grammar_path(name: str) -> Path:
    """Path of a shipped grammar file such as ``logic.lark``."""
    candidate = _CHECKOUT_GRAMMARS / name
    if candidate.is_file():
        return candidate
    packaged = resources.files("neurosym.grammars").joinpath(name)
    with resources.as_file(packaged) as path:
        if Path(path).is_file():
            return Path(path)
    raise FileNotFoundError(f"grammar {name!r} is missing from this neurosym installation")


@functools.cache
def grammar_text(name: str) -> str:
    """Text of a shipped grammar file such as ``logic.lark``."""
    return grammar_path(name).read_text(encoding="utf-8")
