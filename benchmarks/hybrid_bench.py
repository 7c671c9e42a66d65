"""Figures of the hybrid: each channel alone, the two routed together, coverage, calibration, speed.

On a part of the shared data sets converted to the problem format
(``neurosym.datasets.split_of``: "test" by default, the half of the theories that
nothing trains or tunes on; "validation" is where the routing threshold is chosen):

- FOLIO (real English, classical), ProofWriter (directional), PARARULE-Plus (closed-world);
- every problem is answered with both channels (``neurosym eval --curve`` does the same):
  **hybrid** = the routed answer at the threshold; **symbolic alone** = the solver on every
  sentence's best reading, whatever its confidence (no answer counts as wrong; its accuracy
  on the problems it answers is given too); **fallback alone** = the classifier's guess;
- **coverage** = share answered by the solver alone (method symbolic), with the share of
  mixed answers beside it; **selective accuracy** = accuracy of those symbolic answers;
- **calibration**: expected calibration error of the fallback's probability, and of the
  confidence of symbolic answers;
- **best threshold**: the one with the highest hybrid accuracy on this part's curve (shown
  for comparison); ``--sweep`` instead answers every problem again, routed, at each
  threshold given (parses are cached, so only the solver and the fallback run again):
  the routed hybrid accuracy, coverage and selective accuracy per threshold, all sets
  pooled. The default threshold was chosen that way on the "validation" part;
- **speed**: problems per second of a plain ``neurosym eval`` run (routing, fallback only
  where needed) on 2 CPU threads, and on the GPU when there is one.

    python benchmarks/hybrid_bench.py [--split test|validation] [--limit N] [--sets folio,proofwriter,pararule]
                                      [--threshold P] [--curve-dir DIR] [--speed-limit N] [--sweep P,P,...]
                                      [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
SETS = {"folio": "folio-v0-train.jsonl", "proofwriter": "proofwriter-owa-d5-train.json",
        "pararule": "pararule-plus-depth2-dev.jsonl"}


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def problems_of(name: str, split: str, limit: int | None, seed: int = 0):
    """The problems of one set's part, a seeded sample of ``limit`` when given."""
    from neurosym.datasets import convert, split_of
    from neurosym.evaluate import Problem

    chosen = [p for p in convert(DATA / SETS[name]) if split_of(p) == split]
    if limit is not None and limit < len(chosen):
        chosen = random.Random(seed).sample(chosen, limit)
    return [Problem.from_dict(p) for p in chosen]


def figures(predictions, threshold: float) -> dict:
    """Accuracy of each channel, coverage, selective accuracy and calibration."""
    from neurosym.coverage import best_threshold, coverage_curve, point_at
    from neurosym.evaluate import Summary
    from neurosym.parser.calibration import expected_calibration_error

    summary = Summary()
    for prediction in predictions:
        summary.add(prediction)
    n = summary.problems
    symbolic_answered = [p for p in predictions if p.symbolic is not None]
    by_symbolic = [p for p in predictions if p.method == "symbolic"]
    neural = [p for p in predictions if p.neural is not None]
    mixed = summary.by_method.get("mixed")
    points = coverage_curve(predictions)
    return {
        "problems": n,
        "hybrid_accuracy": round(summary.accuracy, 4),
        "symbolic_alone_accuracy": round(sum(p.symbolic == p.label for p in predictions) / n, 4),
        "symbolic_alone_answered": round(len(symbolic_answered) / n, 4),
        "symbolic_alone_accuracy_when_answered": _share(symbolic_answered, lambda p: p.symbolic == p.label),
        "fallback_alone_accuracy": round(sum(p.neural == p.label for p in predictions) / n, 4),
        "coverage_symbolic": round(summary.coverage, 4),
        "share_mixed": round(summary.coverage_with_mixed - summary.coverage, 4),
        "share_neural": round(summary.by_method.get("neural").answered / n, 4) if "neural" in summary.by_method else 0.0,
        "unanswered": round((n - summary.answered) / n, 4),
        "selective_accuracy": _round(summary.selective_accuracy),
        "mixed_accuracy": _round(mixed.accuracy) if mixed is not None else None,
        "fallback_ece": round(expected_calibration_error([p.neural_probability for p in neural],
                                                         [p.neural == p.label for p in neural]), 4) if neural else None,
        "symbolic_confidence_ece": round(expected_calibration_error(
            [p.confidence for p in by_symbolic], [p.prediction == p.label for p in by_symbolic]), 4)
        if by_symbolic else None,
        "at_threshold": point_at(points, threshold).to_dict(),
        "best_threshold": best_threshold(points).to_dict(),
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _share(items, right) -> float | None:
    return round(sum(map(right, items)) / len(items), 4) if items else None


def run_set(name: str, args, pipeline) -> tuple[dict, list]:
    from neurosym.evaluate import evaluate

    problems = problems_of(name, args.split, args.limit)
    log(f"{name}: {len(problems)} problems ({args.split} part), both channels ...")
    started = time.perf_counter()
    predictions = list(evaluate(problems, pipeline, both_channels=True))
    result = figures(predictions, args.threshold)
    result["seconds_both_channels"] = round(time.perf_counter() - started, 1)
    return result, predictions


def sweep(problems_by_set: dict, pipeline, thresholds: list[float]) -> list[dict]:
    """Routed answers of every problem at each threshold, all sets pooled."""
    from neurosym.evaluate import evaluate

    rows = []
    for threshold in thresholds:
        pipeline.threshold = threshold
        predictions = [p for problems in problems_by_set.values() for p in evaluate(problems, pipeline)]
        symbolic = [p for p in predictions if p.method == "symbolic"]
        rows.append({"threshold": threshold,
                     "hybrid_accuracy": round(sum(p.prediction == p.label for p in predictions) / len(predictions), 4),
                     "coverage_symbolic": round(len(symbolic) / len(predictions), 4),
                     "share_mixed": round(sum(p.method == "mixed" for p in predictions) / len(predictions), 4),
                     "selective_accuracy": _share(symbolic, lambda p: p.prediction == p.label)})
        log(json.dumps(rows[-1]))
    return rows


def speed(name: str, args, device: str) -> float:
    """Problems per second of a plain routed run, fresh caches, on ``device``."""
    from neurosym.evaluate import evaluate
    from neurosym.pipeline import Pipeline

    problems = problems_of(name, args.split, args.speed_limit, seed=1)
    pipeline = Pipeline(device=device, threshold=args.threshold, parser_path=args.parser,
                        cross_check=args.cross_check)
    pipeline.parser, pipeline.fallback  # load the models before the clock starts
    started = time.perf_counter()
    for _ in evaluate(problems, pipeline):
        pass
    return round(len(problems) / (time.perf_counter() - started), 2)


def main(argv=None) -> int:
    from neurosym.routing import DEFAULT_THRESHOLD

    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--split", default="test", choices=("test", "validation"))
    options.add_argument("--sets", default="folio,proofwriter,pararule", help="comma-separated sets")
    options.add_argument("--limit", type=int, default=200, metavar="N", help="problems per set (default 200)")
    options.add_argument("--speed-limit", type=int, default=60, metavar="N",
                         help="problems per set in the speed part (default 60; 0 skips it)")
    options.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    options.add_argument("--parser", metavar="DIR", help="trained parser (default: the shipped one)")
    options.add_argument("--cross-check", action="store_true",
                         help="the parser reads each sentence with both its networks, confidences averaged")
    options.add_argument("--curve-dir", metavar="DIR",
                         help="save each set's coverage curve (PNG) and predictions (JSONL) here")
    options.add_argument("--sweep", metavar="P,P,...",
                         help="routed accuracy at each of these thresholds (all sets pooled)")
    options.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = options.parse_args(argv)

    import torch

    from neurosym.pipeline import Pipeline

    torch.set_num_threads(2)
    names = [n.strip() for n in args.sets.split(",") if n.strip()]
    pipeline = Pipeline(threshold=args.threshold, parser_path=args.parser, cross_check=args.cross_check)
    report = {"split": args.split, "threshold": args.threshold, "sets": {}}
    everything = []
    for name in names:
        result, predictions = run_set(name, args, pipeline)
        everything += predictions
        if args.curve_dir:
            from neurosym.coverage import coverage_curve, plot_curve

            Path(args.curve_dir).mkdir(parents=True, exist_ok=True)
            with open(Path(args.curve_dir) / f"{name}-{args.split}.jsonl", "w", encoding="utf-8") as out:
                out.writelines(json.dumps(p.to_dict()) + "\n" for p in predictions)
            plot_curve(coverage_curve(predictions), Path(args.curve_dir) / f"{name}-{args.split}.png",
                       threshold=args.threshold, title=f"{name} ({args.split} part)")
        report["sets"][name] = result
        log(json.dumps({name: result}, indent=1))
    if len(names) > 1:
        report["all"] = figures(everything, args.threshold)
    if args.sweep:
        thresholds = [float(t) for t in args.sweep.split(",")]
        report["sweep"] = sweep({n: problems_of(n, args.split, args.limit) for n in names}, pipeline, thresholds)
        pipeline.threshold = args.threshold
    if args.speed_limit:
        report["problems_per_second"] = {"cpu_2_threads": {n: speed(n, args, "cpu") for n in names}}
        if torch.cuda.is_available():
            report["problems_per_second"]["gpu"] = {n: speed(n, args, "cuda") for n in names}
    print(json.dumps(report, indent=None if args.json else 2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
