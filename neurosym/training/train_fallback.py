"""Train the neural fallback classifier (``neurosym train fallback``).

Linear, seeded, printing progress (nanoGPT style):

1. data: problems the project makes itself, labelled by the solver
   (``labelled_problems``: the generator's theories and claims under the three
   semantics), plus the "train" part (``neurosym.datasets.split_of``) of the three
   shared sets: ProofWriter (directional), PARARULE-Plus (closed-world), FOLIO
   (classical). Their "test" parts are what benchmarks/hybrid_bench.py reports on and
   never reach training; their "validation" parts and generated problems of another seed
   fit the temperature and are reported here;
2. cache: the frozen lower encoder layers run once per example;
3. train the top encoder layer(s) and the head with AdamW, warm-up and linear decay,
   classes weighted so that every label counts the same, mixed precision on a GPU;
4. calibrate: fit the softmax temperature on the validation set, report accuracy per
   source and the expected calibration error before and after, save weights + config.

    neurosym train fallback --steps 1200 --seed 0 --out neurosym/weights/fallback
"""

from __future__ import annotations

import json
import random
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Sequence

import torch
from torch.nn import functional as F

from ..datasets import SHARED_DATA_DIR, SHARED_SETS, convert, split_of
from ..encoder import autocast, pick_device
from ..fallback.classifier import FallbackClassifier
from ..fallback.guess import FallbackInput
from ..fallback.model import LABELS, FallbackConfig, FallbackNetwork
from ..parser.calibration import calibration_table, fit_softmax_temperature
from ..verdicts import Semantics

__all__ = ["FallbackSettings", "Example", "training_examples", "validation_examples", "train",
           "calibrate_and_report", "main"]

VALIDATION_SEED_OFFSET = 1_000  # generated validation problems: seed + this, never the training seed


@dataclass(frozen=True)
class FallbackSettings:
    """Everything that decides the trained weights (saved into config.json)."""

    steps: int = 1200
    seed: int = 0
    batch_size: int = 32
    generated: int = 3000  # solver-labelled generated problems
    proofwriter: int | None = None  # training questions per shared set (None: all of its train part)
    pararule: int | None = 1500
    folio: int | None = None
    validation_generated: int = 300
    validation_per_set: int = 300  # validation questions drawn from each shared set
    lr: float = 1e-4  # fine-tuned encoder layers
    head_lr: float = 1e-3
    warmup: int = 100
    n_lower: int = 5
    max_tokens: int = 256
    data_dir: str | None = None  # the shared data (default: ../shared/data beside the checkout)


@dataclass(frozen=True)
class Example:
    """One (input, gold label) pair and where it came from."""

    input: FallbackInput
    label: str
    source: str


# ---------------------------------------------------------------- data


def _shared_examples(settings: FallbackSettings, part: str, rng: random.Random) -> list[Example]:
    """Examples of one part ("train" / "validation") of the shared sets that are present."""
    directory = Path(settings.data_dir) if settings.data_dir else SHARED_DATA_DIR
    examples = []
    for source, filename in SHARED_SETS.items():
        path = directory / filename
        if not path.is_file():
            print(f"  (no {path}: {source} left out)", file=sys.stderr)
            continue
        problems = [p for p in convert(path) if split_of(p) == part]
        limit = getattr(settings, source) if part == "train" else settings.validation_per_set
        if limit is not None and limit < len(problems):
            problems = rng.sample(problems, limit)
        for problem in problems:
            context = problem["context"]
            premises = (context,) if isinstance(context, str) else tuple(context)
            fallback_input = FallbackInput(premises, problem["question"], Semantics.parse(problem["semantics"]))
            examples.append(Example(fallback_input, problem["label"], source))
    return examples


def _generated_examples(n: int, seed: int) -> list[Example]:
    if n <= 0:
        return []
    from .labelled import labelled_problems

    examples = []
    for problem in labelled_problems(n, seed=seed):
        fallback_input = FallbackInput(tuple(p.sentence for p in problem.context), problem.question.sentence,
                                       Semantics.parse(problem.semantics))
        examples.append(Example(fallback_input, problem.label, "generated"))
    return examples


def training_examples(settings: FallbackSettings) -> list[Example]:
    """The training set: generated problems and the shared sets' "train" parts."""
    rng = random.Random(settings.seed)
    return _generated_examples(settings.generated, settings.seed) + _shared_examples(settings, "train", rng)


def validation_examples(settings: FallbackSettings) -> list[Example]:
    """The validation set: other generated problems and the shared sets' "validation" parts."""
    rng = random.Random(settings.seed + 1)
    generated = _generated_examples(settings.validation_generated, settings.seed + VALIDATION_SEED_OFFSET)
    return generated + _shared_examples(settings, "validation", rng)


# ---------------------------------------------------------------- training


def _cache_lower(network: FallbackNetwork, examples: Sequence[Example], device,
                 batch_size: int = 64) -> list[torch.Tensor]:
    """The frozen layers' states of every example, float16 on the CPU, unpadded."""
    from tqdm import tqdm

    order = sorted(range(len(examples)), key=lambda i: len(" ".join(examples[i].input.pair())))
    states: list[torch.Tensor | None] = [None] * len(examples)
    with tqdm(total=len(examples), desc="encoding", unit=" examples", file=sys.stderr) as bar:
        for start in range(0, len(order), batch_size):
            chunk = order[start:start + batch_size]
            first, second = zip(*(examples[i].input.pair() for i in chunk))
            encoded = network.tokenize(list(first), list(second))
            mask = encoded["attention_mask"]
            with autocast(device):
                lower = network.lower_states(encoded["input_ids"].to(device), mask.to(device))
            for row, index in enumerate(chunk):
                states[index] = lower[row, :int(mask[row].sum())].to(torch.float16).cpu()
            bar.update(len(chunk))
    return states  # type: ignore[return-value]


def _pad(states: Sequence[torch.Tensor], device) -> tuple[torch.Tensor, torch.Tensor]:
    longest = max(s.shape[0] for s in states)
    batch = torch.zeros(len(states), longest, states[0].shape[1], dtype=torch.float16)
    mask = torch.zeros(len(states), longest, dtype=torch.long)
    for row, s in enumerate(states):
        batch[row, :s.shape[0]] = s
        mask[row, :s.shape[0]] = 1
    return batch.to(device), mask.to(device)


def _batches(lengths: Sequence[int], batch_size: int, rng: random.Random):
    """Endless batches of indices; each batch holds examples of similar length (less padding)."""
    while True:
        order = list(range(len(lengths)))
        rng.shuffle(order)
        pool = batch_size * 20
        batches = []
        for start in range(0, len(order), pool):
            chunk = sorted(order[start:start + pool], key=lengths.__getitem__)
            batches += [chunk[i:i + batch_size] for i in range(0, len(chunk), batch_size)]
        rng.shuffle(batches)
        yield from batches


def train(settings: FallbackSettings, *, out: str | Path, device: str = "auto") -> FallbackNetwork:
    """Train on ``training_examples(settings)`` and save to ``out`` (calibration comes after)."""
    torch.manual_seed(settings.seed)
    rng = random.Random(settings.seed)
    chosen = pick_device(device)
    started = time.perf_counter()
    examples = training_examples(settings)
    counts = {label: sum(e.label == label for e in examples) for label in LABELS}
    sources = {s: sum(e.source == s for e in examples) for s in sorted({e.source for e in examples})}
    print(f"{len(examples)} training examples {sources}, labels {counts}", file=sys.stderr)
    network = FallbackNetwork(FallbackConfig(n_lower=settings.n_lower, max_tokens=settings.max_tokens)).to(chosen)
    states = _cache_lower(network, examples, chosen)
    targets = torch.tensor([LABELS.index(e.label) for e in examples])
    weights = torch.tensor([len(examples) / (len(LABELS) * max(counts[label], 1)) for label in LABELS],
                           device=chosen)
    trained = [p for p in network.bert.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW([{"params": trained, "lr": settings.lr},
                                   {"params": network.head.parameters(), "lr": settings.head_lr}],
                                  weight_decay=0.01)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: min((step + 1) / settings.warmup,
                                    max(0.0, (settings.steps - step) / max(1, settings.steps - settings.warmup))))
    network.train()
    batches = _batches([s.shape[0] for s in states], settings.batch_size, rng)
    running = None
    for step in range(settings.steps):
        indices = next(batches)
        lower, mask = _pad([states[i] for i in indices], chosen)
        with autocast(chosen):
            logits = network.logits_from_lower(lower, mask)
        loss = F.cross_entropy(logits.float(), targets[indices].to(chosen), weight=weights)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(network.parameters(), 1.0)
        optimizer.step()
        schedule.step()
        running = loss.item() if running is None else 0.95 * running + 0.05 * loss.item()
        if step % 50 == 0 or step == settings.steps - 1:
            print(f"step {step:5d}  loss {running:.4f}  {time.perf_counter() - started:7.1f} s", file=sys.stderr)
    network.eval()
    elapsed = time.perf_counter() - started
    network.save(out, extra={"training": {"settings": asdict(settings), "examples": sources, "labels": counts,
                                          "train_seconds": round(elapsed, 1), "device": chosen.type,
                                          "threads": torch.get_num_threads()}})
    print(f"saved {out} after {elapsed:.0f} s", file=sys.stderr)
    return network


# ---------------------------------------------------------------- calibration and figures


def calibrate_and_report(out: str | Path, settings: FallbackSettings, *, device: str = "auto") -> dict:
    """Fit the temperature on ``validation_examples`` and store it with the validation
    figures (accuracy per source, ECE before and after) in ``out``/config.json."""
    classifier = FallbackClassifier.load(out, device=device)
    examples = validation_examples(settings)
    started = time.perf_counter()
    logits = classifier.logits([e.input for e in examples])
    seconds = time.perf_counter() - started
    labels = [LABELS.index(e.label) for e in examples]
    temperature = fit_softmax_temperature(logits.tolist(), labels)

    def table(t: float) -> tuple[dict, list[bool]]:
        probabilities = torch.softmax(logits / t, dim=-1)
        confidence, predicted = probabilities.max(dim=-1)
        correct = [p == g for p, g in zip(predicted.tolist(), labels)]
        return calibration_table(confidence.tolist(), correct), correct

    before, correct = table(1.0)
    after, _ = table(temperature)
    by_source = {}
    for source in sorted({e.source for e in examples}):
        rows = [ok for ok, e in zip(correct, examples) if e.source == source]
        by_source[source] = {"n": len(rows), "accuracy": round(sum(rows) / len(rows), 4)}
    report = {"temperature": round(temperature, 4), "fitted_on": f"{len(examples)} validation examples "
              "(generated problems of another seed; the 'validation' part of the shared sets)",
              "accuracy": round(sum(correct) / len(correct), 4), "by_source": by_source,
              "ece_before": before["ece"], "ece_after": after["ece"],
              "bins_after": after["bins"], "examples_per_second": round(len(examples) / seconds, 1)}
    path = Path(out) / "config.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["calibration"] = report
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in report.items() if k != "bins_after"}, indent=2))
    return report


def main(args) -> int:
    """``neurosym train fallback`` (arguments parsed by neurosym.cli)."""
    if args.threads:
        torch.set_num_threads(args.threads)
    given = {name: getattr(args, name) for name in ("steps", "seed", "batch_size", "generated", "data_dir")
             if getattr(args, name, None) is not None}
    settings = FallbackSettings(**given)
    if not args.calibrate_only:
        train(settings, out=args.out, device=args.device)
    calibrate_and_report(args.out, settings, device=args.device)
    return 0


if __name__ == "__main__":  # pragma: no cover
    from ..cli import main as cli_main

    sys.exit(cli_main(["train", "fallback", *sys.argv[1:]]))
