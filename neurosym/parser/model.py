"""The semantic parser network: BERT encoder, transformer decoder, pointer over candidates.

One network, read top to bottom (nanoGPT style):

    sentence ──BERT (frozen lower layers; top ones optionally trained)──> projection
             ──adapter (1 trained transformer layer)──> token memory
    candidates: mean/first/last of their wordpieces (a span of the sentence), or of the
                encoded description of a declared symbol ("eligible: X qualifies for a loan"),
                plus an embedding of the tags that made them ──> candidate memory
    decoder (2 layers, causal self-attention, cross-attention over both memories)
        input at step t: the previous action (a fixed token's embedding, or the copied
        candidate's representation)
        output: logits over the 32 fixed actions ++ pointer scores over the candidates

Declared symbols are encoded one description at a time (not appended to the sentence),
so a theory's descriptions are encoded once and reused for every sentence, and a large
theory never pushes the sentence past BERT's 512 positions.

``forward(batch, targets)`` returns ``(logits, loss)``; the loss is the negative
log-probability of the target action among the actions the grammar allows at that
prefix (the mask the beam search applies), with the probability of every candidate that
writes the target name summed, so training matches decoding.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Sequence

import torch
from torch import nn
from torch.nn import functional as F

from ..checkpoints import CONFIG_FILE, load_trained_state, read_checkpoint, write_checkpoint
from ..encoder import load_encoder, run_lower, run_upper
from .candidates import TAGS, CandidateSet
from .vocabulary import NUMBER, VOCABULARY

__all__ = ["ParserConfig", "ParserNetwork", "IncrementalDecoder", "Features", "featurize", "collate", "Batch",
           "WEIGHTS_FILE", "CONFIG_FILE"]

WEIGHTS_FILE = "parser.safetensors"



@dataclass(frozen=True)
class ParserConfig:
    """Shape of the network; saved as config.json beside the weights."""

    encoder_path: str | None = None  # local BERT directory; None = the MiniLM package
    n_lower: int = 6  # encoder layers kept frozen (cached in training); fewer = fine-tune the top ones
    adapter_layers: int = 1  # trained transformer layers over the projected sentence states
    d_model: int = 192  # decoder and adapter width
    n_heads: int = 4  # attention heads (decoder and adapter)
    n_layers: int = 2  # decoder layers
    d_ff: int = 512  # feed-forward width (decoder and adapter)
    dropout: float = 0.0  # short training on plentiful generated data: no dropout needed
    max_actions: int = 64  # longest action sequence (positions of the decoder)
    max_tokens: int = 128  # longest sentence, in wordpieces
    n_fixed: int = VOCABULARY.n_fixed  # fixed actions of the target vocabulary
    tags: tuple[str, ...] = TAGS  # candidate tags the tag embedding knows
    vocabulary: dict = field(default_factory=VOCABULARY.to_dict)  # target vocabulary, checked on load

    def to_dict(self) -> dict:
        data = asdict(self)
        data["tags"] = list(self.tags)
        return data

    @classmethod
    def from_dict(cls, data: dict) -> ParserConfig:
        data = dict(data)
        data["tags"] = tuple(data.get("tags", TAGS))
        return cls(**data)


# ---------------------------------------------------------------- inputs


@dataclass(frozen=True)
class Features:
    """One sentence ready for the network: wordpieces and where each candidate lives."""

    input_ids: tuple[int, ...]  # [CLS] sentence [SEP]
    spans: tuple[tuple[int, int], ...]  # per candidate: first and last wordpiece (-1, -1 if declared)
    descriptions: tuple[int, ...]  # per candidate: index into the description table, or -1
    tags: tuple[tuple[int, ...], ...]  # per candidate: tag ids
    is_number: tuple[bool, ...]  # per candidate


def featurize(tokenizer, sentence: str, candidates: CandidateSet, description_ids: dict[str, int],
              *, max_tokens: int = 128) -> Features:
    """Tokenize a sentence and map each candidate to its wordpieces or its description.

    ``description_ids`` maps a declared symbol's description text to its row in the
    description table (``encode_descriptions``).
    """
    encoded = tokenizer(sentence, truncation=True, max_length=max_tokens, return_offsets_mapping=True)
    offsets = encoded["offset_mapping"]
    tag_index = {tag: i for i, tag in enumerate(TAGS)}
    spans, descriptions = [], []
    for candidate, description in zip(candidates.items, candidates.descriptions):
        if candidate.span is None:
            spans.append((-1, -1))
            descriptions.append(description_ids[description])
            continue
        start, end = candidate.span
        pieces = [i for i, (a, b) in enumerate(offsets) if b > a and a < end and b > start]
        spans.append((pieces[0], pieces[-1]) if pieces else (0, 0))
        descriptions.append(-1)
    return Features(tuple(encoded["input_ids"]), tuple(spans), tuple(descriptions),
                    tuple(tuple(tag_index[t] for t in tags if t in tag_index) for tags in candidates.tags),
                    tuple(c.kind == NUMBER for c in candidates.items))


@dataclass
class Batch:
    """Padded tensors for a batch of sentences (see ``collate``)."""

    input_ids: torch.Tensor  # (B, T)
    token_mask: torch.Tensor  # (B, T) bool
    span_first: torch.Tensor  # (B, C) wordpiece index (0 for declared candidates)
    span_last: torch.Tensor  # (B, C)
    span_weights: torch.Tensor  # (B, C, T) mean-pooling weights over wordpieces
    description: torch.Tensor  # (B, C) row of the description table, -1 for span candidates
    tags: torch.Tensor  # (B, C, n_tags) multi-hot
    is_number: torch.Tensor  # (B, C) bool
    candidate_mask: torch.Tensor  # (B, C) bool
    lower: torch.Tensor | None = None  # (B, T, H) cached lower-layer states, if any

    def to(self, device) -> Batch:
        moved = {name: (value.to(device) if isinstance(value, torch.Tensor) else value)
                 for name, value in self.__dict__.items()}
        return Batch(**moved)


def collate(features: Sequence[Features], *, n_tags: int = len(TAGS),
            lower: Sequence[torch.Tensor] | None = None) -> Batch:
    """Pad a list of ``Features`` into a ``Batch`` (with cached lower states if given).

    Built as padded lists and written into each tensor at once: per-element tensor
    writes cost more than the encoder's first layer for a batch of short sentences."""
    B = len(features)
    T = max(len(f.input_ids) for f in features)
    C = max(1, max(len(f.spans) for f in features))

    def padded(rows, width, fill):
        return [list(row) + [fill] * (width - len(row)) for row in rows]

    from_spans = [[row < 0 for row in f.descriptions] for f in features]  # the others are declared
    span_first = [[first if spanned else 0 for (first, _), spanned in zip(f.spans, own)]
                  for f, own in zip(features, from_spans)]
    span_last = [[last if spanned else 0 for (_, last), spanned in zip(f.spans, own)]
                 for f, own in zip(features, from_spans)]
    tag_cells: list[tuple[int, int, int]] = []
    weight_cells: list[tuple[int, int, int]] = []
    weight_values: list[float] = []
    for b, (f, own) in enumerate(zip(features, from_spans)):
        for c, ((first, last), tag_ids, spanned) in enumerate(zip(f.spans, f.tags, own)):
            tag_cells += [(b, c, tag) for tag in tag_ids]
            if spanned:
                weight_cells += [(b, c, t) for t in range(first, last + 1)]
                weight_values += [1.0 / (last - first + 1)] * (last - first + 1)
    tags = torch.zeros(B, C, n_tags)
    if tag_cells:
        tags[tuple(torch.tensor(tag_cells).T)] = 1.0
    span_weights = torch.zeros(B, C, T)
    if weight_cells:
        span_weights[tuple(torch.tensor(weight_cells).T)] = torch.tensor(weight_values)
    cached = None
    if lower is not None:
        H = lower[0].shape[-1]
        cached = torch.zeros(B, T, H, dtype=lower[0].dtype)
        for b, states in enumerate(lower):
            cached[b, : states.shape[0]] = states
    return Batch(
        input_ids=torch.tensor(padded((f.input_ids for f in features), T, 0), dtype=torch.long),
        token_mask=torch.tensor(padded(([True] * len(f.input_ids) for f in features), T, False)),
        span_first=torch.tensor(padded(span_first, C, 0), dtype=torch.long),
        span_last=torch.tensor(padded(span_last, C, 0), dtype=torch.long),
        span_weights=span_weights,
        description=torch.tensor(padded((f.descriptions for f in features), C, -1), dtype=torch.long),
        tags=tags,
        is_number=torch.tensor(padded((f.is_number for f in features), C, False), dtype=torch.bool),
        candidate_mask=torch.tensor(padded(([True] * len(f.spans) for f in features), C, False)),
        lower=cached)


# ---------------------------------------------------------------- the network


class ParserNetwork(nn.Module):
    """Encoder (lower layers frozen) + candidate pointer + transformer decoder."""

    def __init__(self, config: ParserConfig, bert: nn.Module | None = None, tokenizer=None) -> None:
        super().__init__()
        self.config = config
        if bert is None:
            tokenizer, bert = load_encoder(config.encoder_path)
        self.tokenizer = tokenizer
        self.bert = bert
        for name, parameter in self.bert.named_parameters():
            parameter.requires_grad = self._is_upper(name)
        hidden, d = bert.config.hidden_size, config.d_model
        self.memory_proj = nn.Linear(hidden, d)  # encoder states -> model width
        adapter = nn.TransformerEncoderLayer(d, config.n_heads, config.d_ff, config.dropout,
                                             batch_first=True, norm_first=True)
        self.adapter = nn.TransformerEncoder(adapter, config.adapter_layers, enable_nested_tensor=False)
        self.candidate_proj = nn.Linear(d, 3 * d)  # token -> its mean / first / last parts
        self.tag_embedding = nn.Linear(len(config.tags), d, bias=False)  # multi-hot tags
        self.memory_type = nn.Embedding(2, d)  # 0 = sentence token, 1 = candidate
        self.action_embedding = nn.Embedding(config.n_fixed + 1, d)  # fixed actions + <start>
        self.position_embedding = nn.Embedding(config.max_actions + 1, d)
        layer = nn.TransformerDecoderLayer(d, config.n_heads, config.d_ff, config.dropout,
                                           batch_first=True, norm_first=True)
        self.decoder = nn.TransformerDecoder(layer, config.n_layers)
        self.final_norm = nn.LayerNorm(d)
        self.fixed_head = nn.Linear(d, config.n_fixed)  # logits of the fixed actions
        self.pointer_query = nn.Linear(d, d)
        self.pointer_key = nn.Linear(d, d)

    def _is_upper(self, name: str) -> bool:
        """True for the encoder parameters that are trained (layers after ``n_lower``)."""
        parts = name.split(".")
        return len(parts) > 2 and parts[0] == "encoder" and parts[1] == "layer" \
            and int(parts[2]) >= self.config.n_lower

    # ---- encoding

    def lower_states(self, input_ids: torch.Tensor, token_mask: torch.Tensor) -> torch.Tensor:
        """Frozen part of the encoder: (B, T, H). Cached once per sentence in training."""
        with torch.no_grad():
            return run_lower(self.bert, input_ids, token_mask.long(), self.config.n_lower)

    def run_in(self, dtype: torch.dtype) -> None:
        """Run the whole network in ``dtype``, for inference. Training caches the frozen
        layers' states as float16, so the trained layers learned from states rounded to
        16 bits; in bfloat16 the trained layers change few readings too, and the decoder's
        steps, the larger part of the time, run faster (figures in docs/parser.md)."""
        self.to(dtype)

    def upper_states(self, lower: torch.Tensor, token_mask: torch.Tensor) -> torch.Tensor:
        """The trained encoder layers (if any) on cached lower states, projected: (B, T, d)."""
        states = lower.to(self._dtype())
        if self.config.n_lower < len(self.bert.encoder.layer):
            states = run_upper(self.bert, states, token_mask.long(), self.config.n_lower)
        return self.memory_proj(states)

    def _dtype(self) -> torch.dtype:
        return self.memory_proj.weight.dtype

    def _pool(self, states: torch.Tensor, weights: torch.Tensor, first: torch.Tensor,
              last: torch.Tensor) -> torch.Tensor:
        """Candidate vectors from wordpiece states: mean, first and last piece, each
        projected (projecting the tokens first is cheaper than projecting the pooled
        [mean, first, last] of every candidate). states (N, T, d), weights (N, C, T),
        first/last (N, C) -> (N, C, d)."""
        mean_part, first_part, last_part = self.candidate_proj(states).chunk(3, dim=-1)  # (N, T, d) each
        index = torch.arange(states.shape[0], device=states.device)[:, None]
        return (torch.einsum("nct,ntd->ncd", weights.to(states.dtype), mean_part)
                + first_part[index, first] + last_part[index, last])

    def encode_descriptions(self, description_lower: torch.Tensor | None,
                            description_mask: torch.Tensor | None) -> torch.Tensor | None:
        """One vector per declared symbol's description (its words, not [CLS]/[SEP]): (D, d).

        Descriptions skip the adapter: they are many and long, and a theory's table is
        encoded once, so they stay a projection of the encoder states."""
        if description_lower is None:
            return None
        states = self.upper_states(description_lower, description_mask)  # (D, Td, d)
        lengths = description_mask.sum(1)
        words = description_mask.clone()
        words[:, 0] = False  # [CLS]
        words[torch.arange(words.shape[0]), lengths - 1] = False  # [SEP]
        weights = (words.to(states.dtype) / words.sum(1, keepdim=True).clamp(min=1))[:, None, :]
        first = torch.ones_like(lengths)[:, None]
        last = (lengths - 2).clamp(min=1)[:, None]
        return self._pool(states, weights, first, last)[:, 0]

    def encode(self, batch: Batch, descriptions: torch.Tensor | None = None):
        """Memory for the decoder: ``(memory, memory_mask, candidates)``.

        memory (B, T + C, d): projected token states, then candidate vectors;
        candidates (B, C, d): what the pointer scores and copy inputs use.
        """
        lower = batch.lower if batch.lower is not None else self.lower_states(batch.input_ids, batch.token_mask)
        tokens = self.upper_states(lower, batch.token_mask)  # (B, T, d)
        tokens = self.adapter(tokens, src_key_padding_mask=~batch.token_mask)  # (B, T, d)
        candidates = self._pool(tokens, batch.span_weights, batch.span_first, batch.span_last)  # (B, C, d)
        if descriptions is not None:
            declared = batch.description >= 0
            rows = descriptions[batch.description.clamp(min=0)]  # (B, C, d)
            candidates = torch.where(declared[..., None], rows.to(candidates.dtype), candidates)
        candidates = candidates + self.tag_embedding(batch.tags.to(candidates.dtype))
        memory = torch.cat([tokens + self.memory_type.weight[0],
                            candidates + self.memory_type.weight[1]], dim=1)
        memory_mask = torch.cat([batch.token_mask, batch.candidate_mask], dim=1)
        return memory, memory_mask, candidates

    # ---- decoding

    def embed_actions(self, actions: torch.Tensor, candidates: torch.Tensor) -> torch.Tensor:
        """Decoder inputs (B, L, d): a fixed action's embedding, or the copied candidate's vector.

        Actions are written as in ``decode``: ``n_fixed`` is ``<start>``, a copy of
        candidate ``i`` is ``n_fixed + 1 + i``."""
        n_fixed = self.config.n_fixed
        is_copy = actions > n_fixed
        copied = (actions - n_fixed - 1).clamp(min=0)
        copy_inputs = candidates[torch.arange(actions.shape[0], device=actions.device)[:, None], copied]
        return torch.where(is_copy[..., None], copy_inputs, self.action_embedding(actions.clamp(max=n_fixed)))

    def decode(self, actions: torch.Tensor, memory: torch.Tensor, memory_mask: torch.Tensor,
               candidates: torch.Tensor, candidate_mask: torch.Tensor) -> torch.Tensor:
        """Logits of the next action after each prefix of ``actions``.

        actions (B, L): the previous actions, the first being ``<start>`` (n_fixed);
        returns (B, L, n_fixed + C): fixed-action logits, then pointer scores.
        """
        L = actions.shape[1]
        inputs = self.embed_actions(actions, candidates) + self.position_embedding(
            torch.arange(L, device=actions.device))
        causal = torch.triu(torch.full((L, L), float("-inf"), device=actions.device), diagonal=1)
        hidden = self.decoder(inputs, memory, tgt_mask=causal.to(inputs.dtype),
                              memory_key_padding_mask=~memory_mask)
        return self.output_logits(hidden, candidates, candidate_mask)

    def output_logits(self, hidden: torch.Tensor, candidates: torch.Tensor,
                      candidate_mask: torch.Tensor) -> torch.Tensor:
        """Fixed-action logits ++ pointer scores from decoder states (B, L, d)."""
        hidden = self.final_norm(hidden)
        fixed = self.fixed_head(hidden)  # (B, L, n_fixed)
        scale = 1.0 / math.sqrt(hidden.shape[-1])
        pointer = torch.einsum("bld,bcd->blc", self.pointer_query(hidden),
                               self.pointer_key(candidates)) * scale  # (B, L, C)
        pointer = pointer.masked_fill(~candidate_mask[:, None, :], float("-inf"))
        return torch.cat([fixed, pointer], dim=-1)

    def forward(self, batch: Batch, decoder_inputs: torch.Tensor, allowed: torch.Tensor | None = None,
                targets: torch.Tensor | None = None, descriptions: torch.Tensor | None = None):
        """``(logits, loss)``: logits (B, L, n_fixed + C); loss when targets are given.

        ``decoder_inputs`` (B, L) start with ``<start>``; copy actions are written
        ``n_fixed + 1 + i`` there (shifted past ``<start>``). ``allowed`` and ``targets``
        are (B, L, n_fixed + C) booleans: the grammar's allowed actions and the actions
        that write the target token at each position (all False on padding).
        """
        memory, memory_mask, candidates = self.encode(batch, descriptions)
        logits = self.decode(decoder_inputs, memory, memory_mask, candidates, batch.candidate_mask)
        if targets is None:
            return logits, None
        logits = logits.float()
        live = targets.any(-1)  # (B, L) positions with a target
        negative = torch.finfo(logits.dtype).min
        gold = torch.logsumexp(logits.masked_fill(~targets, negative), dim=-1)
        total = torch.logsumexp(logits.masked_fill(~allowed, negative), dim=-1)
        loss = ((total - gold) * live).sum() / live.sum().clamp(min=1)
        return logits, loss

    # ---- saving

    def trained_state(self) -> dict[str, torch.Tensor]:
        """The parameters training changes: upper encoder layers and all new modules."""
        return {name: p.detach().cpu().contiguous() for name, p in self.named_parameters() if p.requires_grad}

    def save(self, directory: str | Path, *, extra: dict | None = None) -> None:
        """Write the trained parameters and config.json into ``directory``."""
        write_checkpoint(directory, WEIGHTS_FILE, self.trained_state(), {"model": self.config.to_dict(), **(extra or {})})

    @classmethod
    def load(cls, directory: str | Path, *, encoder_path: str | None = None,
             share_encoder_of: ParserNetwork | None = None) -> ParserNetwork:
        """The network saved by ``save``, on the encoder of its config (or ``encoder_path``).

        With ``share_encoder_of``, the encoder (and tokenizer) of that network is used
        instead of a fresh copy, where both networks freeze the same whole encoder (their
        frozen layers are then the same weights); else a copy is loaded as usual."""
        data, state = read_checkpoint(directory, WEIGHTS_FILE)
        config = ParserConfig.from_dict(data["model"])
        if encoder_path is not None:
            config = ParserConfig.from_dict({**config.to_dict(), "encoder_path": encoder_path})
        other = share_encoder_of
        if other is not None and other.freezes_whole_encoder() and config.encoder_path == other.config.encoder_path \
                and config.n_lower == other.config.n_lower:
            network = cls(config, bert=other.bert, tokenizer=other.tokenizer)
        else:
            network = cls(config)
        load_trained_state(network, state, directory)
        return network

    def freezes_whole_encoder(self) -> bool:
        """Whether no encoder layer is trained (``n_lower`` covers them all)."""
        return self.config.n_lower >= self.bert.config.num_hidden_layers


class IncrementalDecoder:
    """The decoder run one action at a time with cached keys and values (for beam search).

    Same weights and the same results as ``ParserNetwork.decode`` (tested), but each step
    costs one position instead of the whole prefix, and everything that depends only on
    the sentence is computed once: the memory's cross-attention keys and values and the
    pointer's candidate keys. Hypotheses of one sentence are a row of a ``(B, k)`` grid
    (``step_grid``), so cross-attention and the pointer are batched matrix products
    against the sentence's memory, never a copy of it per hypothesis.
    Requires ``norm_first`` layers (as ``ParserNetwork`` builds them) in eval mode.
    """

    def __init__(self, network: ParserNetwork, memory: torch.Tensor, memory_mask: torch.Tensor,
                 candidates: torch.Tensor, candidate_mask: torch.Tensor) -> None:
        self.network = network
        self.layers = list(network.decoder.layers)
        self.heads = network.config.n_heads
        self.candidates, self.candidate_mask = candidates, candidate_mask
        self.pointer_keys = network.pointer_key(candidates)  # (B, C, d)
        self.memory_mask = memory_mask  # (B, M)
        self.memory_kv = []  # per layer: (B, heads, M, dh) keys and values
        for layer in self.layers:
            attention = layer.multihead_attn
            d = memory.shape[-1]
            _, w_k, w_v = attention.in_proj_weight.split(d)
            _, b_k, b_v = attention.in_proj_bias.split(d)
            # contiguous: a batched product over a transposed view is several times
            # slower in bfloat16 on CPU
            self.memory_kv.append((self._split(F.linear(memory, w_k, b_k)).contiguous(),
                                   self._split(F.linear(memory, w_v, b_v)).contiguous()))
        self.self_kv: list[tuple[torch.Tensor, torch.Tensor]] | None = None
        self._items: torch.Tensor | None = None  # the sentences of the last step's rows
        self._selected: tuple = ()  # per-sentence tensors indexed by _items

    def _split(self, x: torch.Tensor) -> torch.Tensor:
        """(N, S, d) -> (N, heads, S, dh)."""
        N, S, d = x.shape
        return x.view(N, S, self.heads, d // self.heads).transpose(1, 2)

    @staticmethod
    def _attend(q, k, v, mask=None):
        """q (N, h, Q, dh), k/v (N, h, S, dh), mask (N, S) -> (N, Q, h * dh)."""
        scores = q @ k.transpose(-1, -2) / math.sqrt(q.shape[-1])  # (N, h, Q, S)
        if mask is not None:
            scores = scores.masked_fill(~mask[:, None, None, :], float("-inf"))
        out = torch.softmax(scores, dim=-1) @ v  # (N, h, Q, dh)
        return out.transpose(1, 2).reshape(q.shape[0], q.shape[2], -1)

    def _per_sentence(self, items: torch.Tensor) -> tuple:
        """Candidates, masks, pointer keys and memory keys/values of the rows' sentences,
        indexed once and reused while the set of sentences stays the same."""
        if items is not self._items:
            self._items = items
            self._selected = (self.candidates[items], self.candidate_mask[items], self.pointer_keys[items],
                              self.memory_mask[items], [(k[items], v[items]) for k, v in self.memory_kv])
        return self._selected

    def _extend_cache(self, layer: int, flat: torch.Tensor | None, key: torch.Tensor, value: torch.Tensor):
        """The layer's self-attention keys and values so far, reordered to the new rows
        (``flat``: each row's parent row) and extended by this step's (N, 1, d).

        Kept head-major and contiguous, (N, heads, L, dh), the layout the attention's
        batched products read without a copy (over a permuted view they are several
        times slower in bfloat16 on CPU)."""
        step = (self._split(key), self._split(value))  # (N, heads, 1, dh) each
        if self.self_kv is None:
            return step
        extended = []
        for cached, new in zip(self.self_kv[layer], step):
            if flat is not None:  # rows follow their parents
                cached = cached.index_select(0, flat)
            extended.append(torch.cat([cached, new], dim=2))
        return extended

    def step(self, items: torch.Tensor, parents: torch.Tensor | None, last_actions: torch.Tensor,
             position: int) -> torch.Tensor:
        """Logits (N, n_fixed + C) of the next action for N prefixes of length ``position``.

        ``items`` (N,): the sentence of each prefix; ``parents`` (N,): the row of the
        previous step each prefix extends (None at the first step); ``last_actions`` (N,):
        each prefix's last action in ``decode``'s numbering (``<start>`` at the first step).
        """
        grid_parents = None if parents is None else parents[:, None]
        return self.step_grid(items, grid_parents, last_actions[:, None], position)[:, 0]

    def step_grid(self, items: torch.Tensor, parents: torch.Tensor | None, last_actions: torch.Tensor,
                  position: int) -> torch.Tensor:
        """Logits (B, k, n_fixed + C) of the next action for a grid of prefixes of length
        ``position``: row ``b`` holds ``k`` prefixes of sentence ``items[b]``.

        ``parents`` (B, k): the flat row (``b' * k' + j'``) of the previous step's grid
        each prefix extends (None at the first step); ``last_actions`` (B, k): each
        prefix's last action in ``decode``'s numbering (``<start>`` at the first step).
        """
        network = self.network
        B, k = last_actions.shape
        candidates, candidate_mask, pointer_keys, memory_mask, memory_kv = self._per_sentence(items)
        x = network.embed_actions(last_actions, candidates)  # (B, k, d)
        x = (x + network.position_embedding.weight[position]).reshape(B * k, 1, -1)
        flat = None if parents is None else parents.reshape(-1)
        new_cache = []
        for index, layer in enumerate(self.layers):
            d = x.shape[-1]
            attention = layer.self_attn
            h = layer.norm1(x)
            q, key, value = F.linear(h, attention.in_proj_weight, attention.in_proj_bias).split(d, dim=-1)
            key, value = self._extend_cache(index, flat, key, value)  # (N, heads, L + 1, dh) each
            x = x + attention.out_proj(self._attend(self._split(q), key, value))
            new_cache.append((key, value))
            cross = layer.multihead_attn
            h = layer.norm2(x).reshape(B, k, d)  # the k prefixes of a sentence query its memory together
            q = self._split(F.linear(h, cross.in_proj_weight[:d], cross.in_proj_bias[:d]))  # (B, heads, k, dh)
            memory_k, memory_v = memory_kv[index]
            x = x + cross.out_proj(self._attend(q, memory_k, memory_v, memory_mask)).reshape(B * k, 1, d)
            x = x + layer.linear2(layer.activation(layer.linear1(layer.norm3(x))))
        self.self_kv = new_cache
        hidden = network.final_norm(x.reshape(B, k, -1))
        fixed = network.fixed_head(hidden)  # (B, k, n_fixed)
        pointer = network.pointer_query(hidden) @ pointer_keys.transpose(1, 2) / math.sqrt(hidden.shape[-1])
        pointer = pointer.masked_fill(~candidate_mask[:, None, :], float("-inf"))
        return torch.cat([fixed, pointer], dim=-1)
