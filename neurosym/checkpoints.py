"""Trained weights on disk: a float16 safetensors file and a config.json beside it.

The parser and the fallback classifier ship only what training changed (heads, adapters,
the fine-tuned top encoder layers), never the encoder they sit on; this module writes
and reads such a directory for both.
"""

from __future__ import annotations

import json
from pathlib import Path

__all__ = ["CONFIG_FILE", "write_checkpoint", "read_checkpoint", "load_trained_state"]

CONFIG_FILE = "config.json"


def write_checkpoint(directory: str | Path, weights_file: str, state: dict, config: dict) -> None:
    """Write ``state`` (tensors, stored as float16) and ``config`` (JSON) into ``directory``."""
    import torch
    from safetensors.torch import save_file

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    save_file({name: tensor.to(torch.float16) for name, tensor in state.items()},
              str(directory / weights_file))
    (directory / CONFIG_FILE).write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")


def read_checkpoint(directory: str | Path, weights_file: str) -> tuple[dict, dict]:
    """``(config, state)`` of a directory written by ``write_checkpoint`` (tensors as float32)."""
    from safetensors.torch import load_file

    directory = Path(directory)
    config = json.loads((directory / CONFIG_FILE).read_text(encoding="utf-8"))
    state = {name: tensor.float() for name, tensor in load_file(str(directory / weights_file)).items()}
    return config, state


def load_trained_state(network, state: dict, directory: str | Path) -> None:
    """Put ``state`` into ``network``, which must find in it every parameter it trains."""
    missing = set(network.trained_state()) - set(state)
    if missing:
        raise ValueError(f"{directory}: the weights lack {sorted(missing)[:3]} ...")
    network.load_state_dict(state, strict=False)
