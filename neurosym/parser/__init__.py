"""The semantic parser's decoding machinery: target vocabulary, grammar constraint, beam search.

English -> LF. The model (an encoder with a decoder and a copy head) plugs into
``beam_search`` through the one-method ``StepModel`` seam; nothing here imports torch,
so the symbolic commands start fast. See docs/decoding.md.
"""

from .constraint import Constraint, constraint_for
from .decoding import BeamConfig, Prefix, Reading, ScriptedModel, StepModel, beam_search, beam_search_batch
from .vocabulary import (
    VOCABULARY, Candidate, TargetError, Vocabulary, actions_to_lf, canonical_variables, lf_to_actions,
)

__all__ = [
    "Candidate", "Vocabulary", "VOCABULARY", "TargetError", "lf_to_actions", "actions_to_lf",
    "canonical_variables", "Constraint", "constraint_for", "Prefix", "StepModel", "BeamConfig",
    "Reading", "beam_search", "beam_search_batch", "ScriptedModel",
]
