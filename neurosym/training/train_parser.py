"""Train the semantic parser on the project's own synthetic data (``neurosym train parser``).

Linear, seeded, printing progress (nanoGPT style):

1. data: ``generate_pairs`` in open mode (training half of ``split_vocabulary(1)``) and
   schema-guided mode for every shipped ``rules/*.rules`` theory, all on the training
   half of ``split_templates(1)``; the other halves are the held-out test set and never
   reach training. Added to them: FOLIO's premises with their gold logic, renamed into
   the project's names (``folio_pairs``; train part of the shared data only);
2. targets: candidates, action sequences, and the grammar mask at every prefix (the mask
   the beam search applies, so training matches decoding);
3. cache: the frozen lower encoder layers run once per sentence and declared-symbol
   description; training runs only the top encoder layer(s) and the decoder;
4. train with AdamW, warm-up and linear decay, mixed precision (bf16) on a GPU;
5. evaluate on the held-out set (exact match of the top reading, confidence calibration,
   sentences per second) and save the trained weights + config.json.

    neurosym train parser --steps 1500 --seed 0 --out neurosym/weights/parser

Afterwards, fit the confidence scaling (temperature and bias) on a validation set
(held-out words and templates, other seeds than the test set, test sentences removed) and
store it in the weights' config.json (``fit_calibration``):

    neurosym train parser --calibrate-only --out neurosym/weights/parser

With ``--schema-network STEPS``, the trained network is then fine-tuned into its
``schema`` subfolder, the network that parses schema-guided mode (``train_schema_network``;
docs/parser.md, "Two networks"): one command makes both networks of the shipped weights.
"""

from __future__ import annotations

import json
import random
import sys
import time
from contextlib import nullcontext
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Sequence

import torch

from ..logic.parser import parse_formula
from ..logic.printer import to_text
from ..parser.calibration import calibrate, calibration_table, fit_platt
from ..parser.candidates import CandidateSet, candidates_for
from ..parser.constraint import constraint_for
from ..parser.model import Features, ParserConfig, ParserNetwork, collate, featurize
from ..parser.semantic_parser import SCHEMA_WEIGHTS, SemanticParser, pick_device
from ..parser.vocabulary import VOCABULARY, TargetError, canonical_variables, lf_to_actions
from ..datasets import SHARED_DATA_DIR, SHARED_SETS
from ..rules.loader import load_theory
from . import generate_pairs, split_templates, split_vocabulary
from .folio_pairs import folio_pairs

__all__ = ["TrainSettings", "Example", "build_examples", "train", "evaluate", "template_sides", "settings_of",
           "held_out_templates_of", "train_schema_network", "SCHEMA_NETWORK_RECIPE",
           "validation_pairs", "fit_calibration", "main"]

RULES_DIR = Path(__file__).resolve().parents[2] / "rules"
SPLIT_SEED = 1  # the held-out split every figure of docs/parser.md is measured on
TEST_SEEDS = (3, 300)  # generation seeds of the test set: open mode, first theory
VALIDATION_SEEDS = (4, 400)  # the calibration set: same held-out sides, other draws


@dataclass(frozen=True)
class TrainSettings:
    """Everything that decides the trained weights (saved into config.json)."""

    steps: int = 2200
    seed: int = 0
    batch_size: int = 64
    open_pairs: int = 16_000  # open-mode training sentences
    schema_pairs: int = 1_000  # schema-guided training sentences per shipped theory
    lr: float = 1.5e-3  # decoder, adapter and heads
    encoder_lr: float = 1e-4  # trained encoder layers
    warmup: int = 100
    invented: float = 0.5  # share of invented words in open-mode draws: names must come from syntax
    coined: float = 0.75  # share of those invented words coined fresh per draw, not taken from the list
    test_open: int = 500  # held-out open-mode sentences evaluated at the end
    test_schema: int = 60  # held-out schema-guided sentences per theory
    n_lower: int = 6  # frozen encoder layers (6 = all of MiniLM; the adapter is trained)
    folio_repeat: int = 3  # times each converted FOLIO premise (train part) is seen per epoch
    rule_pairs: int = 3_000  # extra open-mode sentences of RULE_CONSTRUCTS (training only)
    fact_pairs: int = 0  # extra open-mode sentences of FACT_CONSTRUCTS (training only)
    generic_pairs: int = 0  # extra open-mode sentences of GENERIC_CONSTRUCTS (training only)
    all_templates: bool = False  # train on every template (the shipped model); see template_sides
    data_dir: str | None = None  # the shared data sets (default: ../shared/data beside the checkout)
    init: str | None = None  # trained weights to start from (a fine-tune); None: a fresh network


@dataclass(frozen=True)
class Example:
    """One training sentence: features, decoder inputs, grammar masks and targets."""

    features: Features
    inputs: tuple[int, ...]  # <start> then the target actions (copies shifted by one)
    allowed: tuple[int, ...]  # per position: the constraint's symbol bitmask
    targets: tuple[tuple[int, ...], ...]  # per position: logit columns writing the target


def _log(message: str) -> None:
    print(message, flush=True)


def _targets_of(actions: Sequence[int], candidates: CandidateSet) -> tuple:
    """Per action, every logit column writing the same token (all copies of a text)."""
    n_fixed = VOCABULARY.n_fixed
    columns = []
    for action in actions:
        if action < n_fixed:
            columns.append((action,))
            continue
        chosen = candidates.items[action - n_fixed]
        columns.append(tuple(n_fixed + i for i, c in enumerate(candidates.items)
                             if c.kind == chosen.kind and c.text == chosen.text))
    return tuple(columns)


def build_examples(pairs, theories: Sequence, tokenizer, description_ids: dict[str, int],
                   *, max_tokens: int = 128) -> tuple[list[Example], int]:
    """Examples of ``(pair, theory)`` items; also returns how many were skipped because
    a name of the LF is not among the sentence's candidates."""
    constraint = constraint_for(VOCABULARY)
    n_fixed = VOCABULARY.n_fixed
    examples, skipped = [], 0
    for pair, theory in zip(pairs, theories):
        candidates = candidates_for(pair.sentence, theory)
        target = to_text(canonical_variables(parse_formula(pair.lf)))
        try:
            actions = lf_to_actions(target, candidates.items)
        except TargetError:
            skipped += 1
            continue
        state, allowed = constraint.start, []
        for action in actions:
            allowed.append(constraint.allowed(state))
            state = constraint.advance(state, VOCABULARY.symbol_of(action, candidates.items))
        inputs = (n_fixed,) + tuple(a if a < n_fixed else a + 1 for a in actions[:-1])
        features = featurize(tokenizer, pair.sentence, candidates, description_ids, max_tokens=max_tokens)
        examples.append(Example(features, inputs, tuple(allowed), _targets_of(actions, candidates)))
    return examples, skipped


def _masks(examples: Sequence[Example], n_candidates: int):
    """(B, L) decoder inputs and (B, L, n_fixed + C) allowed / target booleans."""
    n_fixed = VOCABULARY.n_fixed
    name_bit, number_bit = VOCABULARY.name_slot, VOCABULARY.number_slot
    B, L = len(examples), max(len(e.inputs) for e in examples)
    inputs = torch.zeros(B, L, dtype=torch.long)
    allowed = torch.zeros(B, L, n_fixed + n_candidates, dtype=torch.bool)
    targets = torch.zeros(B, L, n_fixed + n_candidates, dtype=torch.bool)
    bits = torch.tensor([1 << s for s in range(n_fixed)])
    for b, example in enumerate(examples):
        inputs[b, : len(example.inputs)] = torch.tensor(example.inputs)
        numbers = torch.tensor(example.features.is_number, dtype=torch.bool)
        for t, (mask, columns) in enumerate(zip(example.allowed, example.targets)):
            allowed[b, t, :n_fixed] = (torch.tensor(mask) & bits) != 0
            count = len(numbers)
            allowed[b, t, n_fixed: n_fixed + count] = torch.where(
                numbers, bool(mask >> number_bit & 1), bool(mask >> name_bit & 1))
            targets[b, t, list(columns)] = True
    return inputs, allowed, targets


# ---------------------------------------------------------------- data


def shipped_theories() -> list:
    """The theories of the shipped rule files (rules/*.rules), each loaded on its own."""
    return [load_theory([str(path)]) for path in sorted(RULES_DIR.glob("*.rules"))]


# The rule shapes of ProofWriter-style text ("If something sees the cow and the cow needs
# the mouse then the mouse is red."): the commonest rules of the shared sets and the
# parser's least certain ones (which term each literal is about), so training sees more of
# them. A separate stream, so the held-out test set is the same with or without it.
RULE_CONSTRUCTS = ("if_something", "if_someone", "if_then")
# Plain facts and their negations: most of a ProofWriter context, and the shape a model
# trained on every template read worst ("The dog is green." as `exists x. green(x)`).
FACT_CONSTRUCTS = ("fact_property", "fact_relation", "negation_is_not", "negation_does_not")
# Generic rules without "if": "Red, cold people are young.", "All red things are big.",
# "Round things are not kind." The bare plurals are the ProofWriter sentences the shipped
# model read worst while their "All ..." forms read right.
GENERIC_CONSTRUCTS = ("bare_plural", "all_adjectives", "universal_negative")


def template_sides(settings: TrainSettings) -> tuple[frozenset | None, frozenset | None]:
    """``(training templates, test templates)``; None means every template.

    By default the test side of ``split_templates(SPLIT_SEED)`` never reaches training,
    so the held-out figure measures surface forms never trained on. That costs the model
    a quarter of every construct's forms (ProofWriter's "Red, quiet things are white." is
    one of them), so the shipped model is trained with ``all_templates``: it learns every
    form, and its test and calibration sets are the held-out words in every form. Its
    held-out figure then says nothing about unseen forms: benchmarks/parser_bench.py
    measures that on a model trained on the split with the same recipe.
    """
    if settings.all_templates:
        return None, None
    forms = split_templates(SPLIT_SEED)
    return forms.train, forms.test


def training_pairs(settings: TrainSettings, theories: Sequence, *, log=_log):
    """``(pairs, theory per pair)``: generated pairs on the training side of the
    vocabulary/template split (every construct in turn, then ``rule_pairs`` more of
    ``RULE_CONSTRUCTS``, ``fact_pairs`` more of ``FACT_CONSTRUCTS`` and ``generic_pairs``
    more of ``GENERIC_CONSTRUCTS``), then the FOLIO
    premises of the shared data's train part (real English; open mode), when the file is
    there."""
    words, (forms, _) = split_vocabulary(SPLIT_SEED), template_sides(settings)
    pairs = generate_pairs(settings.open_pairs, seed=settings.seed + 100, lexicon=words.train,
                           templates=forms, invented=settings.invented, coined=settings.coined)
    for extra, seed, constructs in ((settings.rule_pairs, 600, RULE_CONSTRUCTS),
                                    (settings.fact_pairs, 700, FACT_CONSTRUCTS),
                                    (settings.generic_pairs, 800, GENERIC_CONSTRUCTS)):
        if extra > 0:
            pairs += generate_pairs(extra, seed=settings.seed + seed, lexicon=words.train, templates=forms,
                                    constructs=constructs, invented=settings.invented, coined=settings.coined)
    owners = [None] * len(pairs)
    for k, theory in enumerate(theories):
        schema = generate_pairs(settings.schema_pairs, seed=settings.seed + 200 + k, theory=theory,
                                lexicon=words.train, templates=forms)
        pairs += schema
        owners += [theory] * len(schema)
    real = _folio_training_pairs(settings, log=log)
    pairs += real * settings.folio_repeat
    owners += [None] * (len(real) * settings.folio_repeat)
    return pairs, owners


def _folio_training_pairs(settings: TrainSettings, *, log=_log) -> list:
    """FOLIO's premise/FOL pairs of the train part, renamed canonically (``folio_pairs``)."""
    if settings.folio_repeat <= 0:
        return []
    path = Path(settings.data_dir or SHARED_DATA_DIR) / SHARED_SETS["folio"]
    if not path.is_file():
        log(f"  (no {path}: FOLIO premises left out)")
        return []
    return folio_pairs(path, part="train")


def held_out_pairs(settings: TrainSettings, theories: Sequence, *, seeds: tuple[int, int] = TEST_SEEDS):
    """The held-out test set: unseen words and unseen templates (open), unseen templates
    (schema-guided); with ``all_templates``, unseen words in every template. Other
    ``seeds`` draw other sentences from the same held-out sides."""
    words, (_, forms) = split_vocabulary(SPLIT_SEED), template_sides(settings)
    pairs = generate_pairs(settings.test_open, seed=seeds[0], lexicon=words.test, templates=forms)
    owners = [None] * len(pairs)
    for k, theory in enumerate(theories):
        schema = generate_pairs(settings.test_schema, seed=seeds[1] + k, theory=theory, lexicon=words.test,
                                templates=forms)
        pairs += schema
        owners += [theory] * len(schema)
    return pairs, owners


def validation_pairs(settings: TrainSettings, theories: Sequence):
    """The calibration set: drawn like the test set with other seeds, minus every sentence
    the test set has (training never sees the held-out words and templates at all)."""
    test_sentences = {pair.sentence for pair in held_out_pairs(settings, theories)[0]}
    pairs, owners = held_out_pairs(settings, theories, seeds=VALIDATION_SEEDS)
    kept = [i for i, pair in enumerate(pairs) if pair.sentence not in test_sentences]
    return [pairs[i] for i in kept], [owners[i] for i in kept]


def description_table(theories: Sequence) -> list[str]:
    """Every declared symbol's description text, sorted (the rows of the table)."""
    texts = set()
    for theory in theories:
        texts.update(d for d in candidates_for("", theory).descriptions if d is not None)
    return sorted(texts)


@torch.no_grad()
def cache_lower(network: ParserNetwork, id_lists: Sequence[Sequence[int]], device, *, batch_size: int = 256):
    """The frozen layers' states of each token sequence (float16 on the CPU, unpadded)."""
    cached = [None] * len(id_lists)
    order = sorted(range(len(id_lists)), key=lambda i: len(id_lists[i]))
    for start in range(0, len(order), batch_size):
        rows = order[start: start + batch_size]
        T = max(len(id_lists[i]) for i in rows)
        ids = torch.zeros(len(rows), T, dtype=torch.long)
        mask = torch.zeros(len(rows), T, dtype=torch.bool)
        for b, i in enumerate(rows):
            ids[b, : len(id_lists[i])] = torch.tensor(id_lists[i])
            mask[b, : len(id_lists[i])] = True
        states = network.lower_states(ids.to(device), mask.to(device)).to("cpu", torch.float16)
        for b, i in enumerate(rows):
            cached[i] = states[b, : len(id_lists[i])].clone()
    return cached


# ---------------------------------------------------------------- training


def train(settings: TrainSettings, *, out: str | Path | None, device: str = "auto",
          network: ParserNetwork | None = None, log=_log) -> tuple[ParserNetwork, dict]:
    """Train a parser; save it to ``out`` (when given); return it with its figures."""
    started = time.time()
    random.seed(settings.seed)
    torch.manual_seed(settings.seed)
    device = pick_device(device)
    if network is None and settings.init is not None:
        network = starting_weights(settings)
    network = network or ParserNetwork(ParserConfig(n_lower=settings.n_lower))
    network.to(device)
    theories = shipped_theories()
    pairs, owners = training_pairs(settings, theories, log=log)
    descriptions = description_table(theories)
    description_ids = {text: i for i, text in enumerate(descriptions)}
    examples, skipped = build_examples(pairs, owners, network.tokenizer, description_ids,
                                       max_tokens=network.config.max_tokens)
    log(f"data: {len(examples)} training sentences ({skipped} skipped: a name is not a candidate), "
        f"{len(descriptions)} declared-symbol descriptions  [{time.time() - started:.0f}s]")

    lower = cache_lower(network, [e.features.input_ids for e in examples], device)
    encoded = network.tokenizer(descriptions, padding=True, return_tensors="pt")
    description_mask = encoded["attention_mask"].bool().to(device)
    description_lower = network.lower_states(encoded["input_ids"].to(device), description_mask)
    log(f"cached the {network.config.n_lower} frozen encoder layers  [{time.time() - started:.0f}s]")

    optimize(network, examples, lower, description_lower, description_mask, settings,
             device=device, log=log, started=started)
    network.eval()
    figures = {"train_seconds": round(time.time() - started, 1), "training_sentences": len(examples)}
    record = {"training": {"settings": settings.__dict__, "figures": figures, "device": device.type,
                           "threads": torch.get_num_threads(),
                           "held_out_templates": sorted(template_sides(settings)[1] or ())}}
    if out is not None:  # saved before the evaluation, which may take a while
        network.save(out, extra=record)
        log(f"saved to {out}")
    figures.update(evaluate(network, settings, theories, device=device, log=log))
    if out is not None:
        network.save(out, extra=record)
    return network, figures


# How the schema-guided network is made from a trained open-mode one (run 43, the shipped
# schema/ network): six times the schema-guided sentences of the rule files, so the
# decoder learns their glosses, at a third of the learning rates with a short warm-up,
# so it keeps what it knew. A single network trained that way got worse in open mode
# (docs/parser.md, "Two networks"), hence a network of its own.
SCHEMA_NETWORK_RECIPE = {"schema_pairs": 6_000, "lr": 5e-4, "encoder_lr": 3e-5, "warmup": 50}


def train_schema_network(directory: str | Path, steps: int, *, device: str = "auto",
                         recipe: dict | None = None, log=_log) -> dict:
    """Fine-tune the trained parser in ``directory`` for ``steps`` steps with
    ``recipe`` (default ``SCHEMA_NETWORK_RECIPE``; its other settings as they were), save it to
    ``directory/schema`` and fit its confidence scaling on schema-guided sentences;
    return its figures. ``SemanticParser.load(directory)`` then parses schema-guided
    mode with it."""
    recipe = SCHEMA_NETWORK_RECIPE if recipe is None else recipe
    settings = replace(settings_of(directory), init=str(directory), steps=steps, **recipe)
    out = Path(directory) / SCHEMA_WEIGHTS
    log(f"schema-guided network: {steps} steps from {directory}, into {out}")
    _, figures = train(settings, out=out, device=device, log=log)
    fit_calibration(out, device=device, schema_only=True, log=log)
    return figures


def starting_weights(settings: TrainSettings) -> ParserNetwork:
    """The trained network in ``settings.init``, to be trained further.

    Refused when it was trained on other templates than this run keeps out: a fine-tune
    of weights that saw the held-out templates would make the held-out figure a lie."""
    held_out_before = held_out_templates_of(settings.init)
    held_out_now = frozenset(template_sides(settings)[1] or ())
    if held_out_before != held_out_now:
        kept = "an unrecorded set of" if held_out_before is None else str(len(held_out_before))
        raise ValueError(
            f"{settings.init}: its weights kept out {kept} templates, this run keeps out "
            f"{len(held_out_now)}; fine-tune weights trained on the same templates "
            f"(--all-templates for both, or for neither)")
    network = ParserNetwork.load(settings.init)
    if network.config.n_lower != settings.n_lower:
        raise ValueError(f"{settings.init}: {network.config.n_lower} frozen encoder layers, "
                         f"this run freezes {settings.n_lower}")
    return network


def optimize(network: ParserNetwork, examples: Sequence[Example], lower: Sequence[torch.Tensor],
             description_lower, description_mask, settings: TrainSettings, *, device,
             log=_log, started: float | None = None) -> float:
    """Run ``settings.steps`` AdamW steps over shuffled batches of ``examples`` (with their
    cached lower states); returns the last running loss."""
    started = time.time() if started is None else started
    trained = [p for n, p in network.named_parameters() if p.requires_grad and n.startswith("bert.")]
    heads = [p for n, p in network.named_parameters() if p.requires_grad and not n.startswith("bert.")]
    optimizer = torch.optim.AdamW([{"params": heads, "lr": settings.lr},
                                   {"params": trained, "lr": settings.encoder_lr}], weight_decay=0.01)
    base_lrs = [settings.lr, settings.encoder_lr]
    autocast = (torch.autocast("cuda", dtype=torch.bfloat16) if device.type == "cuda" else nullcontext())
    generator = random.Random(settings.seed)
    order: list[int] = []
    network.train()
    running = None
    for step in range(1, settings.steps + 1):
        if len(order) < settings.batch_size:
            order = list(range(len(examples)))
            generator.shuffle(order)
        rows, order = order[: settings.batch_size], order[settings.batch_size:]
        chosen = [examples[i] for i in rows]
        batch = collate([e.features for e in chosen], lower=[lower[i] for i in rows]).to(device)
        inputs, allowed, targets = (t.to(device) for t in _masks(chosen, batch.candidate_mask.shape[1]))
        scale = min(1.0, step / settings.warmup) * max(0.1, 1 - step / settings.steps)
        for group, base in zip(optimizer.param_groups, base_lrs):
            group["lr"] = base * scale
        with autocast:
            states = _used_descriptions(network, batch, description_lower, description_mask)
            _, loss = network(batch, inputs, allowed, targets, descriptions=states)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(network.parameters(), 1.0)
        optimizer.step()
        running = loss.item() if running is None else 0.95 * running + 0.05 * loss.item()
        if step % 50 == 0 or step == settings.steps:
            log(f"step {step}/{settings.steps}  loss {running:.4f}  [{time.time() - started:.0f}s]")
    network.eval()
    return running


def _used_descriptions(network: ParserNetwork, batch, description_lower, description_mask):
    """Encode only the descriptions the batch points at (the table's upper layer is the
    costly part of a step); ``batch.description`` is renumbered to match."""
    used = torch.unique(batch.description[batch.description >= 0])
    if used.numel() == 0:
        return None
    renumber = torch.full((description_mask.shape[0],), -1, dtype=torch.long, device=used.device)
    renumber[used] = torch.arange(used.numel(), device=used.device)
    batch.description = torch.where(batch.description >= 0, renumber[batch.description.clamp(min=0)],
                                     batch.description)
    mask = description_mask[used]
    width = int(mask.sum(1).max())
    return network.encode_descriptions(description_lower[used][:, :width], mask[:, :width])


# ---------------------------------------------------------------- evaluation


def evaluate(network: ParserNetwork, settings: TrainSettings, theories: Sequence, *, device="cpu",
             log=_log) -> dict:
    """Exact match and confidence calibration of the top reading on the held-out set."""
    parser = SemanticParser(network, device=device)
    started = time.time()
    outcomes = top_reading_outcomes(parser, *held_out_pairs(settings, theories))
    seconds = time.time() - started
    figures = {"held_out_sentences": len(outcomes), "sentences_per_second": round(len(outcomes) / seconds, 1)}
    for mode in ("open", "schema"):
        part = [o for o in outcomes if o[2] == mode]
        if part:
            figures[f"exact_match_{mode}"] = round(sum(o[1] for o in part) / len(part), 4)
    figures["exact_match"] = round(sum(o[1] for o in outcomes) / len(outcomes), 4)
    figures["calibration"] = calibration(outcomes)
    log(json.dumps(figures))
    return figures


def top_reading_outcomes(parser: SemanticParser, pairs, owners) -> list[tuple[float, bool, str]]:
    """Per pair, ``(confidence of the top reading, whether it is the gold LF, mode)``
    (confidence 0 and wrong when nothing was read), sentences of a theory parsed together."""
    outcomes = [None] * len(pairs)
    groups: dict[int, list[int]] = {}
    for index, owner in enumerate(owners):
        groups.setdefault(id(owner), []).append(index)
    for indices in groups.values():
        theory = owners[indices[0]]
        readings = parser.parse([pairs[i].sentence for i in indices], theory=theory, n_best=1)
        for i, found in zip(indices, readings):
            gold = to_text(canonical_variables(parse_formula(pairs[i].lf)))
            confidence = found[0].probability if found else 0.0
            outcomes[i] = (confidence, bool(found) and found[0].text == gold,
                           "open" if theory is None else "schema")
    return outcomes


CALIBRATION_BINS = (0.0, 0.5, 0.8, 0.9, 0.95, 0.99, 1.0)  # the bins docs/parser.md reports


def calibration(outcomes, *, bins: Sequence[float] = CALIBRATION_BINS) -> dict:
    """Expected calibration error and accuracy per confidence bin of ``(confidence, correct, _)``."""
    return calibration_table([o[0] for o in outcomes], [o[1] for o in outcomes], bins=bins)


def _training_record(directory: str | Path) -> dict:
    """The ``"training"`` record in the config.json of the weights in ``directory``."""
    path = Path(directory) / "config.json"
    return json.loads(path.read_text(encoding="utf-8")).get("training", {})


def settings_of(directory: str | Path) -> TrainSettings:
    """The training settings saved in the config.json of the weights in ``directory``."""
    return TrainSettings(**_training_record(directory).get("settings", {}))


def held_out_templates_of(directory: str | Path) -> frozenset[str] | None:
    """The template ids the weights in ``directory`` were kept from (empty when trained on
    every template, recorded or not), or None when their config.json does not record
    them (split weights trained before 2026-12-06 evening)."""
    record = _training_record(directory)
    recorded = record.get("held_out_templates")
    if recorded is None and record.get("settings", {}).get("all_templates"):
        return frozenset()
    return None if recorded is None else frozenset(recorded)


def fit_calibration(directory: str | Path, settings: TrainSettings | None = None, *,
                    device: str = "auto", schema_only: bool = False, log=_log) -> dict:
    """Fit the confidence temperature and bias of the parser in ``directory`` on the
    validation set, measure calibration on the test set before and after, and store it
    all in its config.json under ``"calibration"`` (the parser applies it when loaded). The set
    sizes are the weights' own training settings unless ``settings`` is given. With
    ``schema_only`` (weights that parse schema-guided mode only) both sets are their
    schema-guided sentences."""
    started = time.time()
    path = Path(directory) / "config.json"
    settings = settings or settings_of(directory)
    theories = shipped_theories()
    network = ParserNetwork.load(directory)
    parser = SemanticParser(network, device=pick_device(device))  # temperature 1: raw confidences

    def chosen(pairs, owners):
        kept = [i for i, owner in enumerate(owners) if owner is not None or not schema_only]
        return [pairs[i] for i in kept], [owners[i] for i in kept]

    validation = top_reading_outcomes(parser, *chosen(*validation_pairs(settings, theories)))
    temperature, bias = fit_platt([o[0] for o in validation], [o[1] for o in validation])
    log(f"temperature {temperature:.4f}, bias {bias:.4f} fitted on {len(validation)} validation sentences  "
        f"[{time.time() - started:.0f}s]")
    test = top_reading_outcomes(parser, *chosen(*held_out_pairs(settings, theories)))
    scaled = [(calibrate(o[0], temperature, bias), o[1], o[2]) for o in test]
    before, after = calibration(test), calibration(scaled)
    record = {
        "temperature": round(temperature, 4),
        "bias": round(bias, 4),
        "applied_to": "log-odds of the top reading's sequence probability: sigmoid(logit(p) / T + bias)",
        "fitted_on": (f"{len(validation)} {'schema-guided ' if schema_only else ''}validation sentences: "
                      f"held-out words and "
                      f"{'every template' if settings.all_templates else 'held-out templates'} of split "
                      f"{SPLIT_SEED}, generation seeds {VALIDATION_SEEDS[0]} (open) and "
                      f"{VALIDATION_SEEDS[1]}+k (theory k), test sentences removed"),
        "measured_on": (f"the {len(test)} held-out test sentences (seeds {TEST_SEEDS[0]} and "
                        f"{TEST_SEEDS[1]}+k), top reading, beam 4"),
        "ece_before": before["ece"], "ece_after": after["ece"],
        "bins_before": before["bins"], "bins_after": after["bins"],
    }
    data = json.loads(path.read_text(encoding="utf-8"))
    data["calibration"] = record
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    log(json.dumps({k: record[k] for k in ("temperature", "bias", "ece_before", "ece_after")}))
    return record


# ---------------------------------------------------------------- command line


def main(args) -> int:
    """``neurosym train parser`` (arguments parsed by neurosym.cli): train, save, evaluate,
    then fit the confidence temperature and bias; with ``--calibrate-only``, only the last step;
    with ``--schema-network STEPS``, then make the schema-guided network from it."""
    schema_steps = getattr(args, "schema_network", None) or 0
    if args.threads:
        torch.set_num_threads(args.threads)
    if not getattr(args, "calibrate_only", False):
        given = {name: getattr(args, name) for name in ("steps", "seed", "batch_size", "open_pairs",
                                                        "schema_pairs", "folio_repeat", "coined", "rule_pairs",
                                                        "fact_pairs", "generic_pairs", "all_templates",
                                                        "data_dir", "init", "lr", "encoder_lr", "warmup")
                 if getattr(args, name, None) is not None}
        train(TrainSettings(**given), out=args.out, device=args.device)
    fit_calibration(args.out, device=args.device, schema_only=getattr(args, "schema_only", False))
    if schema_steps:
        train_schema_network(args.out, schema_steps, device=args.device)
    elif (Path(args.out) / SCHEMA_WEIGHTS / "config.json").is_file():
        _log(f"note: {Path(args.out) / SCHEMA_WEIGHTS} holds a network of its own, which parses schema-guided "
             f"mode when these weights are loaded (docs/parser.md, \"Two networks\")")
    return 0


if __name__ == "__main__":  # pragma: no cover
    from ..cli import main as cli_main

    sys.exit(cli_main(["train", "parser", *sys.argv[1:]]))
