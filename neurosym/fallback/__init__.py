"""The neural fallback classifier: a BERT cross-encoder that guesses True / False / Unknown
for a claim given premises in English, with a calibrated probability.

It answers only where the semantic parser cannot formalize the text (the routing is in
``neurosym.routing``), and its answers are always marked as guesses (method "neural",
verdict UNTRANSLATED or AMBIGUOUS), never as proofs.

- ``guess``: ``FallbackInput`` and ``Guess`` (plain data; importing them needs no torch);
- ``model``: ``FallbackNetwork``, the cross-encoder (frozen lower layers, trained top);
- ``classifier``: ``FallbackClassifier``, loading, batching, device, temperature.
"""

from .guess import FallbackInput, Guess

__all__ = ["FallbackInput", "Guess", "FallbackClassifier", "default_weights_path", "FallbackNetwork",
           "FallbackConfig", "LABELS"]


def __getattr__(name: str):
    # The torch-backed parts load on first use, so that the routing imports this package cheaply.
    if name in ("FallbackClassifier", "default_weights_path"):
        from . import classifier

        return getattr(classifier, name)
    if name in ("FallbackNetwork", "FallbackConfig", "LABELS"):
        from . import model

        return getattr(model, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
