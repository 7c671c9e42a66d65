"""neurosym: check statements against rules, with proofs."""

__version__ = "0.1.0"
