"""The fallback classifier's network: a BERT cross-encoder with a three-way head.

    "[semantics] claim" [SEP] "premises and rules in English"
        ──BERT layers 1..n_lower (frozen)──> ──layers n_lower+1.. (fine-tuned)──> mean pool ──head──> 3 logits

The lower layers are the stock encoder's and stay frozen, so training computes them once
per example and caches them; only the top layers and the head are trained and saved (a
few MB), like the parser's weights. The encoder itself is loaded from its local
directory (``neurosym.encoder.load_encoder``), never copied.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

import torch
from torch import nn

from ..checkpoints import CONFIG_FILE, load_trained_state, read_checkpoint, write_checkpoint
from ..encoder import load_encoder, run_lower, run_upper

__all__ = ["FallbackConfig", "FallbackNetwork", "LABELS", "WEIGHTS_FILE", "CONFIG_FILE"]

LABELS = ("True", "False", "Unknown")  # the head's outputs, in this order
WEIGHTS_FILE = "fallback.safetensors"



@dataclass(frozen=True)
class FallbackConfig:
    """Shape of the network; saved as config.json beside the weights."""

    encoder_path: str | None = None  # local BERT directory; None = the MiniLM package
    n_lower: int = 5  # frozen encoder layers (cached in training); the rest are fine-tuned
    max_tokens: int = 256  # longest input in wordpieces; longer contexts are cut at the end
    dropout: float = 0.1  # before the head, in training
    labels: tuple[str, ...] = LABELS

    def to_dict(self) -> dict:
        data = asdict(self)
        data["labels"] = list(self.labels)
        return data

    @classmethod
    def from_dict(cls, data: dict) -> FallbackConfig:
        data = dict(data)
        data["labels"] = tuple(data.get("labels", LABELS))
        return cls(**data)


class FallbackNetwork(nn.Module):
    """Frozen lower encoder layers, fine-tuned upper layers, mean pooling, linear head."""

    def __init__(self, config: FallbackConfig, bert: nn.Module | None = None, tokenizer=None) -> None:
        super().__init__()
        self.config = config
        if bert is None:
            tokenizer, bert = load_encoder(config.encoder_path)
        if not 0 <= config.n_lower <= len(bert.encoder.layer):
            raise ValueError(f"n_lower must be between 0 and {len(bert.encoder.layer)}, got {config.n_lower}")
        self.tokenizer = tokenizer
        self.bert = bert
        for name, parameter in self.bert.named_parameters():
            parameter.requires_grad = self._is_upper(name)
        hidden = bert.config.hidden_size
        self.dropout = nn.Dropout(config.dropout)
        self.head = nn.Sequential(nn.Linear(hidden, hidden), nn.Tanh(), nn.Linear(hidden, len(config.labels)))

    def _is_upper(self, name: str) -> bool:
        """True for the encoder parameters that are trained (layers after ``n_lower``)."""
        parts = name.split(".")
        return len(parts) > 2 and parts[0] == "encoder" and parts[1] == "layer" \
            and int(parts[2]) >= self.config.n_lower

    def tokenize(self, claims: list[str], contexts: list[str]) -> dict[str, torch.Tensor]:
        """Token ids and masks of (claim, context) pairs; the context is cut first when too long."""
        return self.tokenizer(claims, contexts, truncation="only_second", max_length=self.config.max_tokens,
                              padding=True, return_tensors="pt")

    def lower_states(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        """The frozen part of the encoder: (batch, time, hidden). Cached per example in training."""
        with torch.no_grad():
            return run_lower(self.bert, input_ids, attention_mask, self.config.n_lower)

    def logits_from_lower(self, lower: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        """Class logits (batch, labels) from the frozen layers' states."""
        states = lower.to(self.head[0].weight.dtype)
        if self.config.n_lower < len(self.bert.encoder.layer):
            states = run_upper(self.bert, states, attention_mask, self.config.n_lower)
        weights = attention_mask.to(states.dtype).unsqueeze(-1)
        pooled = (states * weights).sum(1) / weights.sum(1).clamp(min=1.0)
        return self.head(self.dropout(pooled))

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        return self.logits_from_lower(self.lower_states(input_ids, attention_mask), attention_mask)

    # ---- saving

    def trained_state(self) -> dict[str, torch.Tensor]:
        """The parameters training changes: the upper encoder layers and the head."""
        return {name: p.detach().cpu().contiguous() for name, p in self.named_parameters() if p.requires_grad}

    def save(self, directory: str | Path, *, extra: dict | None = None) -> None:
        """Write the trained parameters and config.json into ``directory``."""
        write_checkpoint(directory, WEIGHTS_FILE, self.trained_state(), {"model": self.config.to_dict(), **(extra or {})})

    @classmethod
    def load(cls, directory: str | Path, *, encoder_path: str | None = None) -> FallbackNetwork:
        """The network saved by ``save``, on the encoder of its config (or ``encoder_path``)."""
        data, state = read_checkpoint(directory, WEIGHTS_FILE)
        config = FallbackConfig.from_dict(data["model"])
        if encoder_path is not None:
            config = FallbackConfig.from_dict({**config.to_dict(), "encoder_path": encoder_path})
        network = cls(config)
        load_trained_state(network, state, directory)
        return network
