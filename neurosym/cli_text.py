"""The text commands of ``neurosym``: English in ``check``, ``ask`` and ``eval``.

    neurosym check [--rules FILE]... [--premise TEXT]... [--threshold P] TEXT...
    neurosym ask --context TEXT|FILE [--rules FILE]... [--semantics S] [--threshold P] QUESTION
    neurosym eval FILE.jsonl --out PRED.jsonl [--limit N] [--semantics S] [--rules FILE]...
                  [--threshold P] [--curve PNG] [--no-fallback]

``add_text_commands(commands)`` adds ``ask`` and ``eval`` to the subcommands of
``neurosym.cli`` and the parser options to ``check``; ``TEXT_COMMANDS`` maps the command
names to their run functions. ``check`` with LF only runs exactly as before; a claim or
premise in English goes through ``neurosym.pipeline`` (``Pipeline.check_text``; with
``--input``, line by line in ``neurosym.batch``). When every
sentence is read at least as confidently as the threshold, the verdicts are the solver's
on those readings; otherwise no verdict rests on an unsure reading: each claim is answered
as ``ask`` answers a question, and the set's consistency is left undecided.

Exit codes as in ``neurosym.cli``; for ``ask``: 0 answered (True, False or Unknown, by
any channel: the output says which), 1 no answer (the context contradicts itself, the
solver gave up, or nothing could be formalized and no fallback ran), 2 bad input.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .errors import InputFormatError
from .verdicts import Semantics

__all__ = ["add_text_commands", "TEXT_COMMANDS", "run_check", "run_ask", "run_eval"]

EXIT_OK, EXIT_VIOLATION = 0, 1
# How each method of an answer (neurosym.routing) is said.
_CHANNELS = {"symbolic": "proved by the solver", "mixed": "proved from the formalized part",
             "neural": "a neural guess, not a proof"}


def add_text_commands(commands: argparse._SubParsersAction) -> None:
    """Add ``ask`` and ``eval`` to ``commands``, and the parser options to its ``check``."""
    if "check" in commands.choices:
        check = commands.choices["check"]
        _add_parser_options(check)
        for action in check._actions:  # the help of check's statements: English works too
            if action.dest == "claims":
                action.help = "a claim in LF or English, e.g. 'eligible(alice)' or 'Alice can get a loan.'"
            elif action.dest == "premise":
                action.help = "a premise in LF or English (repeatable); English is split into sentences"
                action.metavar = "TEXT"
        if check.description:
            check.description = check.description.replace("(LF text)", "(LF or English text)") + (
                " When an English sentence is read less confidently than --threshold, no verdict "
                "rests on it: each claim is then answered as `ask` answers a question (a proof from "
                "the sentences read confidently, else the neural fallback's guess, marked as one).")

    ask = commands.add_parser(
        "ask", help="answer a question from premises in English",
        description="Answer QUESTION (one statement, in English or LF) from the context: True "
                    "(ENTAILED), False (CONTRADICTED) or Unknown (POSSIBLE), with the evidence "
                    "in the context's own words. Without --rules, open mode: the symbols come "
                    "from the text. Sentences the parser cannot formalize confidently go to the "
                    "neural fallback, whose answer is marked as a guess with its probability. "
                    "Exit 0 answered, 1 no answer (inconsistent context, solver gave up), "
                    "2 bad input.",
    )
    ask.add_argument("question", metavar="QUESTION", help="the statement to judge")
    ask.add_argument("--context", action="append", default=[], metavar="TEXT|FILE", required=True,
                     help="premises: text, or a file holding it ('-': standard input; repeatable)")
    ask.add_argument("--rules", action="append", default=[], metavar="FILE",
                     help="a rule file (repeatable): schema-guided mode")
    ask.add_argument("--semantics", default="classical",
                     help="classical (default), directional or closed-world")
    ask.add_argument("--timeout", type=float, default=10.0, metavar="SECONDS",
                     help="time limit of the check (default 10)")
    ask.add_argument("--json", action="store_true", help="print JSON instead of text")
    _add_parser_options(ask)

    evaluate = commands.add_parser(
        "eval", help="answer a file of problems and report accuracy",
        description="Answer each problem of FILE.jsonl ({\"id\", \"context\", \"question\", "
                    "\"label\"?, \"semantics\"?} a line), honouring each problem's semantics; "
                    "write one {\"id\", \"prediction\", \"method\", \"confidence\", ...} line per "
                    "problem to --out; print accuracy overall and per method (symbolic, mixed, "
                    "neural), the symbolic channel's coverage and selective accuracy, and "
                    "throughput. --curve also runs both channels on every problem and draws "
                    "accuracy against coverage over the confidence threshold.",
    )
    evaluate.add_argument("file", metavar="FILE.jsonl")
    evaluate.add_argument("--out", required=True, metavar="PRED.jsonl", help="where predictions go")
    evaluate.add_argument("--limit", type=int, metavar="N", help="only the first N problems")
    evaluate.add_argument("--semantics", default=None,
                          help="override every problem's semantics (classical, directional, closed-world)")
    evaluate.add_argument("--rules", action="append", default=[], metavar="FILE",
                          help="a rule file (repeatable): schema-guided mode")
    evaluate.add_argument("--timeout", type=float, default=10.0, metavar="SECONDS",
                          help="time limit per problem (default 10)")
    evaluate.add_argument("--batch-size", type=int, default=256, metavar="N",
                          help="problems whose sentences are parsed together (default 256)")
    evaluate.add_argument("--curve", metavar="PNG",
                          help="run both channels on every problem and save the accuracy-against-"
                               "coverage curve over the threshold (needs matplotlib: neurosym[plot])")
    evaluate.add_argument("--json", action="store_true", help="print the summary as JSON")
    _add_parser_options(evaluate)


def _add_parser_options(command: argparse.ArgumentParser) -> None:
    from .routing import DEFAULT_THRESHOLD

    command.add_argument("--parser", metavar="DIR", default=None,
                         help="a trained semantic parser (default: the one shipped with neurosym)")
    command.add_argument("--device", default="auto", choices=("auto", "cpu", "cuda"),
                         help="where the neural models run (default auto: the GPU when there is one)")
    command.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD, metavar="P",
                         help="calibrated parser confidence a sentence needs to go to the solver "
                              f"(default {DEFAULT_THRESHOLD}; see docs/hybrid.md)")
    command.add_argument("--cross-check", action="store_true",
                         help="read each sentence with both networks of the parser and average their "
                              "confidences: twice the parsing time, fewer confident misreadings of "
                              "unfamiliar English")
    command.add_argument("--fallback", metavar="DIR", default=None,
                         help="a trained fallback classifier (default: the one shipped with neurosym)")
    command.add_argument("--no-fallback", action="store_true",
                         help="no neural guesses: what cannot be formalized stays unanswered")


def _positive(value: float, option: str) -> None:
    if not value > 0:
        raise InputFormatError(f"{option} must be a positive number")


def _pipeline(args):
    from .pipeline import Pipeline

    _positive(args.timeout, "--timeout")
    routing = {}
    if hasattr(args, "threshold"):
        if not 0.0 <= args.threshold <= 1.0:
            raise InputFormatError(f"--threshold must be between 0 and 1, got {args.threshold}")
        routing = {"threshold": args.threshold, "fallback_path": args.fallback,
                   "fallback": False if args.no_fallback else None}
    return Pipeline.from_files(*args.rules, parser_path=args.parser, device=args.device,
                               timeout_s=args.timeout, cross_check=getattr(args, "cross_check", False), **routing)


# ---------------------------------------------------------------- check


def run_check(args) -> int:
    """``neurosym check``: LF as before; claims or premises in English through the pipeline."""
    from . import cli
    from .pipeline import is_lf, looks_like_lf
    from .report import format_check

    statements = [*args.claims, *args.premise]
    if args.input or not statements or all(is_lf(text) or looks_like_lf(text) for text in statements):
        return cli._run_check(args)
    pipeline = _pipeline(args)
    check = pipeline.check_text(args.claims, args.premise, semantics=args.semantics,
                                explain=not args.no_explain)
    if check.result is not None:
        if args.json:
            print(json.dumps(check.to_dict(), ensure_ascii=False))
        else:
            print("\n".join([*_reading_lines(check.sentences), format_check(check.result)]))
        return cli._exit_code(check.result, strict=args.strict)
    return _report_routed_check(args, check)


def _report_routed_check(args, check) -> int:
    """``check`` when some sentence is read below the threshold: no verdict rests on an
    unsure reading, so each claim was answered as ``ask`` answers a question (a proof
    from the sentences read confidently when they decide it, else the fallback's guess,
    marked as one), and the consistency of the whole set is left undecided."""
    if args.json:
        print(json.dumps(check.to_dict(), ensure_ascii=False))
    else:
        print("\n".join([*_reading_lines(check.sentences), *_routed_claim_lines(check.answers),
                         f"all statements together: not decided ({check.consistency_note})"]))
    guessed = len(check.answers) - len(check.proved)
    if guessed:
        print(f"neurosym: warning: {guessed} claim(s) not decided by proof; a label given is a neural "
              "guess (use --strict to make that an exit code of 1)", file=sys.stderr)
    if check.violation:
        return EXIT_VIOLATION
    if args.strict:  # the set's consistency is undecided, so nothing passes strictly
        return EXIT_VIOLATION
    return EXIT_OK


def _routed_claim_lines(answers) -> list[str]:
    """Each claim's answer: verdict, channel, label and confidence, then the evidence of a
    proof or the fallback's guess."""
    from .report import format_claim_details

    lines = []
    for index, answer in enumerate(answers, 1):
        channel = _CHANNELS.get(answer.method, "no channel answered")
        lines += [f"claim {index}: {answer.question.text}",
                  f"  {answer.verdict.value}  ({channel}; label {answer.label or 'none'}, "
                  f"confidence {answer.confidence:.2f})"]
        if answer.claim is not None and answer.method in ("symbolic", "mixed"):
            lines += format_claim_details(answer.claim)
        if answer.guess is not None:
            lines.append(f"  neural fallback: {answer.guess.label} with probability {answer.guess.probability:.2f}")
        if answer.note:
            lines.append(f"  note: {answer.note}")
    return lines


def _labelled(role: str, items) -> list:
    return [(f"{role} {index}", item) for index, item in enumerate(items, 1)]


def _reading_lines(sentences) -> list[str]:
    """How each English sentence was read, under a heading (nothing when all were LF):
    ``premise 1: Bob is big.  ->  big(bob)  (0.98)``, and below a sentence read as other
    sentences, which (``Formalized.read_as``)."""
    lines = []
    for label, item in sentences:
        if item.origin == "lf":
            continue  # LF shows as it is in the results
        if not item.formalized:
            lines.append(f"  {label}: {item.text}  ->  no reading ({item.reason})")
            continue
        lines.append(f"  {label}: {item.text}  ->  {item.lf}  ({item.confidence:.2f}"
                     f"{f'; doubt: the reading {item.doubt}' if item.doubt else ''})")
        if item.read_as:
            lines.append(f"      {item.read_as}")
    return ["read as:", *lines] if lines else []


# ---------------------------------------------------------------- ask


def run_ask(args) -> int:
    """``neurosym ask``: True / False / Unknown with the evidence in English."""
    from .report import format_check

    semantics = Semantics.parse(args.semantics)
    context = [text_or_file(value) for value in args.context]
    pipeline = _pipeline(args)
    answer = pipeline.ask(context, args.question, semantics=semantics)
    if args.json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False))
    else:
        print(format_answer(answer, semantics, format_check))
    return EXIT_OK if answer.label is not None else EXIT_VIOLATION


def format_answer(answer, semantics: Semantics, format_check) -> str:
    """An answer as text: the label and channel, how each sentence was read, then the
    solver's evidence or the competing readings, and the fallback's guess."""
    label = answer.label or "no answer"
    channel = _CHANNELS.get(answer.method, "no channel answered")
    lines = [f"{label}  ({answer.verdict.value}, {channel}; {semantics.value} semantics, "
             f"confidence {answer.confidence:.2f})"]
    lines += _reading_lines(_labelled("premise", answer.context) + [("question", answer.question)])
    if answer.untranslated:
        lines.append("not formalized: " + "; ".join(repr(item.text) for item in answer.untranslated))
    if answer.readings:
        lines.append("competing readings:")
        for reading in answer.readings:
            lines.append(f"  {reading.sentence}  ->  {reading.lf}  ({reading.confidence:.2f}): "
                         f"{reading.english}  => {reading.verdict.value}")
        if answer.scenario is not None:
            values = ", ".join(f"{k} = {v}" for k, v in answer.scenario.values)
            lines.append(f"  they differ when: {values}")
    if answer.result is not None and answer.method in ("symbolic", "mixed"):
        lines.append(format_check(answer.result))
    if answer.guess is not None:
        shares = ", ".join(f"{k} {v:.2f}" for k, v in answer.guess.probabilities.items())
        lines.append(f"neural fallback: {answer.guess.label} with probability "
                     f"{answer.guess.probability:.2f} ({shares})")
    if answer.note:
        lines.append(f"note: {answer.note}")
    return "\n".join(lines)


def text_or_file(value: str) -> str:
    """A file's text when ``value`` names a file (``ask --context``, ``parse``), standard
    input's when it is ``-`` (as for ``check --batch``), else ``value`` itself."""
    if value == "-":
        return sys.stdin.read()
    path = Path(value)
    try:
        names_a_file = "\n" not in value and path.is_file()
    except (OSError, ValueError):  # text too long, or with characters no path has
        names_a_file = False
    if not names_a_file:
        return value
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputFormatError(f"{value}: cannot read the file ({exc})") from None


# ---------------------------------------------------------------- eval


def run_eval(args) -> int:
    """``neurosym eval``: predictions to --out, accuracy and throughput to standard output."""
    from .evaluate import run_eval as evaluate_file

    if args.limit is not None and args.limit < 0:
        raise InputFormatError("--limit must be zero or more")
    if args.batch_size < 1:
        raise InputFormatError("--batch-size must be at least 1")
    semantics = Semantics.parse(args.semantics) if args.semantics is not None else None
    pipeline = _pipeline(args)
    summary = evaluate_file(args.file, args.out, pipeline, limit=args.limit, semantics=semantics,
                            progress=sys.stderr.isatty(), batch_size=args.batch_size,
                            both_channels=args.curve is not None)
    report = summary.to_dict()
    text = summary.format()
    if args.curve is not None:
        from .coverage import best_threshold, coverage_curve, curve_table, plot_curve, point_at, read_predictions

        points = coverage_curve(read_predictions(args.out))
        chosen = point_at(points, args.threshold)
        plot_curve(points, args.curve, threshold=args.threshold,
                   title=f"{Path(args.file).name}: accuracy against symbolic coverage")
        best = best_threshold(points)
        report["curve"] = {"png": args.curve, "at_threshold": chosen.to_dict(), "best": best.to_dict(),
                           "points": [point.to_dict() for point in points]}
        text += (f"\ncurve saved to {args.curve}; at threshold {args.threshold}: "
                 f"coverage {chosen.coverage:.2%}, hybrid accuracy {chosen.hybrid_accuracy:.2%}\n"
                 + curve_table(points, chosen=chosen))
    print(json.dumps(report) if args.json else text)
    return EXIT_OK


TEXT_COMMANDS = {"check": run_check, "ask": run_ask, "eval": run_eval}
