"""Figures of the semantic parser: LF accuracy, end-to-end accuracy, sentences per second.

1. **LF accuracy** on the held-out synthetic set of the trainer
   (``neurosym.training.train_parser.held_out_pairs``: the test sides of
   ``split_vocabulary(1)`` and ``split_templates(1)``, so neither its words nor its
   template combinations occur in training; open mode and the shipped rule files).
   Exact match of the top reading (bound variables in canonical order); how many top
   readings reach the routing threshold (0.6) and how many of those are exact, the
   readings the solver would be given; and equivalence decided by Z3: the reading and the gold LF are equivalent when the reasoner finds
   each ENTAILED by the other (classical semantics; open mode infers one signature for
   both, so a reading with another arity is simply not equivalent). Measured on weights
   that never saw those templates: ``--parser`` when it was trained on the split, else
   ``--held-out-parser`` (default ``benchmarks/weights/parser-split``, the shipped
   recipe trained on the split), since the shipped parser learns every template.
   Also given (``network_alone``): the exact figures with the parser's rereadings off
   (``SemanticParser.rereads``: sentences reworded, split into clauses, or read apart at
   their connective, all written by hand), so that what the network generalises to and
   what hand-written English adds are told apart.
1a. **LF accuracy on unseen words in every template**, for a ``--parser`` trained on
   every template (``--all-templates``): the held-out words, the templates it knows.
1b. **LF accuracy on real sentences**: the same measures on FOLIO premises of the
   project's validation part of folio-v0-train (``neurosym.datasets.split_of``), their
   gold logic renamed into the project's names by ``neurosym.training.folio_pairs``
   (open mode). Training reads FOLIO's train part only.
2. **End to end**: ``neurosym eval`` on ``proofwriter-owa-d5-train.json`` converted to
   the problem format (semantics directional), on its held-out part
   (``neurosym.datasets.is_held_out``: about half of the theories, chosen by a hash of
   the theory id). The parser is trained only on generated sentences, never on
   ProofWriter; the held-out part stays aside anyway, for anything that tunes on the rest.
   ``--development`` also runs it on the rest, the development half.
3. **Speed**: sentences per second through ``SemanticParser.parse`` (n-best 4) on 2 CPU
   threads (``torch.set_num_threads(2)``) over the open-mode test sentences, the best of
   three passes, in the precision the parser picks on this machine (the network in
   bfloat16 where the CPU has native bfloat16) and in float32; and on the GPU when one is
   available (large batches). Before timing, one pass over as many validation sentences
   (other sentences of the same kind, ``validation_pairs``) warms what a running service
   has warm: kernels built per tensor shape, the grammar's state tables. Each timed pass
   starts with no reading shapes cached (``skeleton_cache_clear``).

With ``--cross-check`` every parser reads each sentence with both its networks
(``SemanticParser(cross_check=True)``).

    python benchmarks/parser_bench.py [--parser DIR] [--held-out-parser DIR] [--limit N] [--cross-check]
                                      [--skip lf,split,folio,e2e,speed] [--development] [--by-template] [--json]

``--limit N`` caps every part at N sentences or problems, for quick runs.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROOFWRITER = ROOT.parent / "shared" / "data" / "proofwriter-owa-d5-train.json"
FOLIO = ROOT.parent / "shared" / "data" / "folio-v0-train.jsonl"
# The shipped recipe trained on the split (the held-out templates never seen), for part 1:
# the shipped parser itself learns every template.
SPLIT_PARSER = ROOT / "benchmarks" / "weights" / "parser-split"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- 1. LF accuracy


def held_out_set(limit: int | None, *, all_templates: bool = False):
    """``(pairs, theory per pair)``: the trainer's held-out set, capped at ``limit``: unseen
    words in unseen templates, or with ``all_templates`` unseen words in every template."""
    from neurosym.training.train_parser import held_out_pairs, shipped_theories

    return held_out_pairs(_test_settings(limit, all_templates), shipped_theories())


def validation_set(limit: int | None):
    """``(pairs, theory per pair)``: the trainer's calibration sentences, drawn like
    ``held_out_set``'s with other seeds and none of its sentences."""
    from neurosym.training.train_parser import shipped_theories, validation_pairs

    return validation_pairs(_test_settings(limit, False), shipped_theories())


def _test_settings(limit: int | None, all_templates: bool):
    """The trainer's settings, their test set capped at ``limit`` sentences in the
    trainer's proportion of open and schema-guided ones."""
    from neurosym.training.train_parser import TrainSettings

    if limit is None:
        return TrainSettings(all_templates=all_templates)
    return TrainSettings(test_open=max(1, limit * 2 // 3), test_schema=max(1, limit // 15),
                         all_templates=all_templates)


def trained_on_split(path: str | Path | None) -> bool:
    """Whether the weights in ``path`` (default: the shipped ones) never saw the held-out
    templates, so that part 1 can measure them on unseen forms."""
    from neurosym.parser.semantic_parser import default_weights_path
    from neurosym.training.train_parser import settings_of

    return not settings_of(path if path is not None else default_weights_path()).all_templates


def split_mismatch(path: str | Path | None) -> str | None:
    """Why the weights in ``path`` cannot be measured on today's held-out templates (they
    were kept from others, or do not say which), or None when they can: templates they
    trained on would otherwise count as unseen."""
    from neurosym.parser.semantic_parser import default_weights_path
    from neurosym.training import split_templates
    from neurosym.training.train_parser import SPLIT_SEED, held_out_templates_of

    recorded = held_out_templates_of(path if path is not None else default_weights_path())
    if recorded is None:
        return (f"{path} does not record which templates it was kept from (trained before "
                "2026-12-06 evening), so part 1 cannot tell its unseen templates: retrain it on the split")
    current = split_templates(SPLIT_SEED).test
    if recorded != current:
        return (f"{path} was kept from other templates than today's split ({len(recorded ^ current)} "
                "differ): the generator's templates changed since, so retrain it on the split")
    return None


def equivalent(reasoner, reading: str, gold: str) -> bool:
    """Each entails the other, by Z3 (classical semantics)."""
    from neurosym.errors import NeurosymError
    from neurosym.verdicts import Verdict

    try:
        forward = reasoner.check([reading], [gold], explain=False, timeout_s=5.0)
        if forward.claims[0].verdict is not Verdict.ENTAILED:
            return False
        backward = reasoner.check([gold], [reading], explain=False, timeout_s=5.0)
        return backward.claims[0].verdict is Verdict.ENTAILED
    except NeurosymError:  # e.g. the reading gives a symbol another arity than the gold LF
        return False


def folio_set(limit: int | None):
    """``(pairs, owners)``: FOLIO premises of the project's *validation* part with their
    gold logic in the project's names (``neurosym.training.folio_pairs``); training
    reads only the train part, so these real sentences were never trained on."""
    from neurosym.training.folio_pairs import folio_pairs

    pairs = folio_pairs(FOLIO, part="validation")[:limit]
    return pairs, [None] * len(pairs)


def lf_accuracy(parser, pairs, owners, *, by_template: bool = False) -> dict:
    """Exact and Z3-equivalent top readings of ``pairs`` (each parsed against its owner:
    a theory, or None for open mode); with ``by_template``, also each template's
    sentences and exact ones, the templates that lose most first."""
    from neurosym.logic.parser import parse_formula
    from neurosym.logic.printer import to_text
    from neurosym.parser.vocabulary import canonical_variables
    from neurosym.reasoner import Reasoner
    from neurosym.routing import DEFAULT_THRESHOLD

    groups: dict[int, list[int]] = {}
    for index, owner in enumerate(owners):
        groups.setdefault(id(owner), []).append(index)
    # Equivalence is a matter of logic alone: no rules, the signature inferred from use.
    reasoner = Reasoner(timeout_s=5.0)
    counts: Counter = Counter()
    per_template: dict[str, tuple[int, int]] = {}  # template: (sentences, exact)
    misses = []
    started = time.perf_counter()
    for indices in groups.values():
        theory = owners[indices[0]]
        mode = "open" if theory is None else "schema"
        found = parser.parse([pairs[i].sentence for i in indices], theory=theory, n_best=1)
        for i, readings in zip(indices, found):
            gold = to_text(canonical_variables(parse_formula(pairs[i].lf)))
            top = readings[0].text if readings else None
            exact = top == gold
            same = exact or (top is not None and equivalent(reasoner, top, gold))
            counts[mode, "n"] += 1
            counts[mode, "exact"] += exact
            counts[mode, "equivalent"] += same
            counts[mode, "no reading"] += top is None
            template = getattr(pairs[i], "template", None) or "(none)"
            per_template[template] = (per_template.get(template, (0, 0))[0] + 1,
                                      per_template.get(template, (0, 0))[1] + exact)
            if readings and readings[0].probability >= DEFAULT_THRESHOLD:  # what the solver would be given
                counts[mode, "confident"] += 1
                counts[mode, "confident exact"] += exact
            if not same and len(misses) < 10:
                misses.append({"sentence": pairs[i].sentence, "gold": gold, "read": top,
                               "template": getattr(pairs[i], "template", None)})
    figures = {"seconds": round(time.perf_counter() - started, 1)}
    for mode in ("open", "schema", "all"):
        keys = ("open", "schema") if mode == "all" else (mode,)
        n = sum(counts[k, "n"] for k in keys)
        if n:
            figures[mode] = {"sentences": n,
                             "exact": round(sum(counts[k, "exact"] for k in keys) / n, 4),
                             "equivalent": round(sum(counts[k, "equivalent"] for k in keys) / n, 4),
                             "no_reading": sum(counts[k, "no reading"] for k in keys)}
            confident = sum(counts[k, "confident"] for k in keys)
            figures[mode][f"at_{DEFAULT_THRESHOLD}"] = {
                "coverage": round(confident / n, 4),
                "exact": round(sum(counts[k, "confident exact"] for k in keys) / confident, 4) if confident else None}
    figures["examples_of_misses"] = misses
    if by_template:
        figures["by_template"] = {template: {"sentences": n, "exact": exact} for template, (n, exact)
                                  in sorted(per_template.items(), key=lambda item: item[1][1] - item[1][0])}
    return figures


def network_alone(parser, pairs, owners) -> dict:
    """``lf_accuracy``'s exact figures with the parser's rereadings off (reworded
    sentences, clauses and connectives read apart: ``SemanticParser.rereads``): how much
    of the figure the network reads by itself, and how much hand-written English adds."""
    networks = [parser, *([parser.schema_parser] if parser.schema_parser is not None else [])]
    for network in networks:
        network.rereads = False
    try:
        figures = lf_accuracy(parser, pairs, owners)
    finally:
        for network in networks:
            network.rereads = True
    return {mode: {"exact": figures[mode]["exact"]} for mode in ("open", "schema", "all") if mode in figures}


# ---------------------------------------------------------------- 2. end to end


def end_to_end(parser, limit: int | None, *, held_out: bool = True) -> dict:
    """``neurosym eval`` on ProofWriter's held-out half (or, ``held_out=False``, on the
    development half: the other theories, where errors may be read and rules developed)."""
    from neurosym.datasets import is_held_out, proofwriter_problems
    from neurosym.evaluate import Problem, Summary, evaluate
    from neurosym.pipeline import Pipeline

    problems = (Problem.from_dict(p) for p in proofwriter_problems(PROOFWRITER) if is_held_out(p["id"]) == held_out)
    problems = list(itertools.islice(problems, limit))
    pipeline = Pipeline(parser=parser)
    summary = Summary()
    wrong = []
    started = time.perf_counter()
    for prediction in evaluate(problems, pipeline, semantics="directional"):
        summary.add(prediction)
        if not prediction.correct and len(wrong) < 10:
            record = prediction.to_dict()
            if "untranslated" in record:
                record["untranslated"] = record["untranslated"][:3]  # enough to see why
            wrong.append(record)
    summary.elapsed_s = time.perf_counter() - started
    return {**summary.to_dict(), "sentences_parsed": pipeline.sentences_parsed,
            "examples_of_errors": wrong}


# ---------------------------------------------------------------- 3. speed


def sentences_per_second(parser, sentences: list[str], warm_up: list[str], *, rounds: int = 3) -> float:
    """The best of ``rounds`` timed passes over ``sentences``, after a pass over
    ``warm_up``: on a shared machine the best pass is the one least slowed by other work.
    Each pass starts with no reading shapes parsed (``skeleton_cache_clear``)."""
    from neurosym.parser.vocabulary import skeleton_cache_clear

    parser.parse(warm_up)
    best = math.inf
    for _ in range(rounds):
        skeleton_cache_clear()
        started = time.perf_counter()
        parser.parse(sentences)
        best = min(best, time.perf_counter() - started)
    return len(sentences) / best


def speed(path: str | None, limit: int | None) -> dict:
    """Sentences per second on 2 CPU threads, in the precision ``SemanticParser.load``
    picks on this machine and, where that is not float32, in float32 too; and batched
    on the GPU when there is one."""
    import torch

    from neurosym.encoder import inference_dtype
    from neurosym.parser.semantic_parser import SemanticParser

    pairs, owners = held_out_set(limit or 512)
    sentences = [p.sentence for p, owner in zip(pairs, owners) if owner is None]
    warm_up = [p.sentence for p, owner in zip(*validation_set(limit or 512)) if owner is None][: len(sentences)]
    torch.set_num_threads(2)
    figures = {}
    precisions = {"cpu_2_threads": "auto"}
    if inference_dtype("cpu") != torch.float32:
        precisions["cpu_2_threads_float32"] = "float32"
    for name, precision in precisions.items():
        cpu = SemanticParser.load(path, device="cpu", precision=precision)
        figures[name] = {"sentences": len(sentences),
                         "precision": str(inference_dtype("cpu", precision)).removeprefix("torch."),
                         "sentences_per_s": round(sentences_per_second(cpu, sentences, warm_up), 1)}
    if torch.cuda.is_available():
        gpu = SemanticParser.load(path, device="cuda")
        for batch_size in (256, 1024, 4096):
            gpu.batch_size = batch_size
            many = (sentences * (8192 // len(sentences) + 1))[:8192]
            figures[f"gpu_batch_{batch_size}"] = {
                "device": torch.cuda.get_device_name(), "sentences": len(many),
                "sentences_per_s": round(sentences_per_second(gpu, many, warm_up), 1)}
    return figures


# ---------------------------------------------------------------- main


def main(argv=None) -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--parser", metavar="DIR", help="trained parser (default: the shipped one)")
    options.add_argument("--held-out-parser", metavar="DIR", default=str(SPLIT_PARSER),
                         help="for part 1 when --parser was trained on every template: weights trained "
                              "with the same recipe on the split (default: benchmarks/weights/parser-split)")
    options.add_argument("--limit", type=int, metavar="N", help="at most N sentences / problems per part")
    options.add_argument("--device", default="auto", help="device for parts 1 and 2 (auto, cpu, cuda)")
    options.add_argument("--skip", default="", help="comma-separated parts to skip: lf (parts 1 and "
                         "1a), split (part 1 alone: the held-out templates), folio, e2e, speed")
    options.add_argument("--development", action="store_true",
                         help="run part 2 on ProofWriter's development half as well (the theories not held out)")
    options.add_argument("--cross-check", action="store_true",
                         help="parse with both networks of each parser, confidences averaged (parts 1, 1b, 2)")
    options.add_argument("--by-template", action="store_true",
                         help="in parts 1 and 1a, also each template's sentences and exact readings")
    options.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = options.parse_args(argv)
    skip = {part.strip() for part in args.skip.split(",") if part.strip()}

    from neurosym.parser.semantic_parser import SemanticParser

    parser = SemanticParser.load(args.parser, device=args.device, cross_check=args.cross_check)
    figures = {}
    if "lf" not in skip:
        split_path = args.parser if trained_on_split(args.parser) else args.held_out_parser
        if "split" not in skip:
            if not trained_on_split(split_path):
                options.error(f"{split_path} was trained on every template, so it cannot be measured on "
                              "unseen ones: give --held-out-parser weights trained on the split")
            mismatch = split_mismatch(split_path)
            if mismatch:
                options.error(mismatch)
            log(f"1. LF accuracy on unseen words and templates ({split_path or 'the shipped parser'}) ...")
            split_parser = parser if split_path == args.parser else SemanticParser.load(
                split_path, device=args.device, cross_check=args.cross_check)
            figures["lf_accuracy"] = {"weights": str(split_path or "shipped"),
                                      **lf_accuracy(split_parser, *held_out_set(args.limit),
                                                    by_template=args.by_template)}
            log("1. ... and by the network alone, no sentence read again reworded or split ...")
            figures["lf_accuracy"]["network_alone"] = network_alone(split_parser, *held_out_set(args.limit))
        if split_path != args.parser:
            log("1a. LF accuracy on unseen words in every template ...")
            figures["lf_accuracy_unseen_words"] = lf_accuracy(parser, *held_out_set(args.limit, all_templates=True),
                                                             by_template=args.by_template)
    if "folio" not in skip:
        log("1b. LF accuracy on FOLIO premises never trained on ...")
        figures["folio_lf_accuracy"] = lf_accuracy(parser, *folio_set(args.limit))
    if "e2e" not in skip:
        log("2. end to end on held-out ProofWriter (directional) ...")
        figures["proofwriter_e2e"] = end_to_end(parser, args.limit)
        if args.development:
            log("2a. end to end on ProofWriter's development half ...")
            figures["proofwriter_e2e_development"] = end_to_end(parser, args.limit, held_out=False)
    if "speed" not in skip:
        log("3. sentences per second ...")
        figures["speed"] = speed(args.parser, args.limit)
    print(json.dumps(figures, indent=None if args.json else 2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
