"""Training-time code: the synthetic data generator for the semantic parser.

Nothing at run time imports this package (the parser, reasoner and CLI stay free of it);
``neurosym train ...`` and the benchmarks do.

- ``generate``: ``generate_pairs``, ``realize``, ``paraphrases``, ``sample_problem``.
- ``lexicon``: the open vocabulary and ``split_vocabulary``.
- ``constructs``: the constructs covered, their templates, ``split_templates``.
- ``schema``: vocabularies from a theory's glosses.
- ``labelled``: ``labelled_problems``, ``write_labelled``: problems labelled by the reasoner
  (training data for the neural fallback).
"""

from .constructs import CONSTRUCT_TAGS, FAMILIES, TemplateSplit, split_templates, template_ids
from .generate import (
    Pair, Problem, Realization, generate_pairs, iter_pairs, paraphrases, realize, realize_problem,
    sample_formula, sample_problem, vocabulary_for,
)
from .labelled import labelled_problems, write_labelled
from .lexicon import DEFAULT_LEXICON, Lexicon, LexiconSplit, split_vocabulary
from .schema import schema_vocabulary
from .vocabulary import Unrealizable, Vocabulary, symbol_name

__all__ = [
    "CONSTRUCT_TAGS", "FAMILIES", "TemplateSplit", "split_templates", "template_ids",
    "Pair", "Problem", "Realization", "generate_pairs", "iter_pairs", "paraphrases", "realize",
    "realize_problem", "sample_formula", "sample_problem", "vocabulary_for",
    "DEFAULT_LEXICON", "Lexicon", "LexiconSplit", "split_vocabulary",
    "schema_vocabulary", "Unrealizable", "Vocabulary", "symbol_name",
    "labelled_problems", "write_labelled",
]
