"""The ``neurosym`` command: a thin layer over the Python API.

    neurosym check [--rules FILE]... [--premise LF]... CLAIM...
    neurosym check [--rules FILE]... --input FILE.jsonl
    neurosym lint FILE...
    neurosym test FILE...

Exit codes: 0 = every claim holds or is possible and the statements are consistent;
1 = a violation was found (a claim CONTRADICTED or IMPOSSIBLE, the set INCONSISTENT,
or with --strict anything short of ENTAILED/CONSISTENT; for ``test``, a failing example;
for ``lint``, an error); 2 = bad input or usage (the error is printed, never a traceback).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Sequence

from . import __version__
from .cli_text import TEXT_COMMANDS, add_text_commands, text_or_file
from .errors import InputFormatError, NeurosymError
from .verdicts import Consistency, Semantics, Verdict

EXIT_OK, EXIT_VIOLATION, EXIT_BAD_INPUT = 0, 1, 2


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="neurosym",
        description="Check statements against rule files with Z3, and say why.",
        epilog="Exit codes: 0 ok, 1 violation found, 2 bad input or usage.",
    )
    parser.add_argument("--version", action="version", version=f"neurosym {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    check = commands.add_parser(
        "check", help="decide claims against rules and premises",
        description="Decide each CLAIM (LF text) against the rule files and premises: ENTAILED, "
                    "CONTRADICTED, POSSIBLE, IMPOSSIBLE or UNKNOWN, with the evidence; and whether "
                    "all statements together are CONSISTENT. Without --rules, the symbols are "
                    "inferred from use (FOLIO-style FOL works as it is).",
    )
    check.add_argument("claims", nargs="*", metavar="CLAIM", help="a claim in LF, e.g. 'eligible(alice)'")
    check.add_argument("--rules", action="append", default=[], metavar="FILE",
                       help="a rule file (repeatable); its includes are loaded too")
    check.add_argument("--premise", action="append", default=[], metavar="LF",
                       help="a premise in LF (repeatable)")
    check.add_argument("--input", metavar="FILE.jsonl",
                       help="many checks: one {\"premises\": [...], \"claims\": [...]} object per line, "
                            "LF or English ('-' for standard input); prints one JSON result per line")
    check.add_argument("--semantics", default="classical",
                       help="classical (default), directional or closed-world")
    check.add_argument("--timeout", type=float, default=10.0, metavar="SECONDS",
                       help="time limit per check (default 10); a check that runs out is UNKNOWN")
    check.add_argument("--no-explain", action="store_true", help="skip evidence (faster)")
    check.add_argument("--strict", action="store_true",
                       help="exit 1 unless every claim is ENTAILED and the set CONSISTENT")
    check.add_argument("--json", action="store_true", help="print JSON instead of text")

    lint = commands.add_parser("lint", help="report syntax and type errors in rule files",
                               description="Load each rule file (with its includes) and report "
                                           "syntax and type errors.")
    lint.add_argument("files", nargs="+", metavar="FILE")
    lint.add_argument("--json", action="store_true", help="print JSON instead of text")

    test = commands.add_parser("test", help="run the examples in rule files",
                               description="Run the `example` blocks of each rule file and "
                                           "compare the verdicts with the expected ones.")
    test.add_argument("files", nargs="+", metavar="FILE")
    test.add_argument("-k", dest="name_filter", metavar="TEXT",
                      help="run only examples whose name contains TEXT")
    test.add_argument("--timeout", type=float, default=10.0, metavar="SECONDS",
                      help="time limit per example check (default 10)")
    test.add_argument("--json", action="store_true", help="print JSON instead of text")
    _add_parser_commands(commands)
    add_text_commands(commands)
    return parser


def _add_parser_commands(commands) -> None:
    """``parse`` and ``train parser``: the neural commands (torch is imported only when run)."""
    parse = commands.add_parser(
        "parse", help="show the logical forms the semantic parser reads in English text",
        description="Parse each sentence of TEXT into logical forms (n-best, with confidences) and "
                    "say each one back in English. With --rules, statements map onto the declared "
                    "symbols (schema-guided); without, symbols come from the words (open mode).")
    parse.add_argument("text", metavar="TEXT|FILE",
                       help="English text, one or more sentences, or a file that holds it")
    parse.add_argument("--rules", action="append", default=[], metavar="FILE",
                       help="a rule file (repeatable): parse onto its declared symbols")
    parse.add_argument("--n-best", type=int, default=4, metavar="N", help="readings per sentence (default 4)")
    parse.add_argument("--cross-check", action="store_true",
                       help="read each sentence with both networks of the parser and average their "
                            "confidences (as in check, ask and eval)")
    parse.add_argument("--parser", "--weights", dest="weights", metavar="DIR",
                       help="a trained semantic parser (default: the one shipped with neurosym); "
                            "--parser as in check, ask and eval")
    parse.add_argument("--device", default="auto", choices=("auto", "cpu", "cuda"))
    parse.add_argument("--json", action="store_true", help="print JSON instead of text")

    train = commands.add_parser("train", help="train a neural component",
                                description="Train a neural component on generated data.")
    components = train.add_subparsers(dest="component", metavar="COMPONENT")
    components.required = True
    parser_training = _training_command(
        components, "parser", help="train the semantic parser",
        description="Generate (sentence, LF) pairs (held-out words and templates kept out), train "
                    "the parser, report held-out exact match and calibration, save weights.")
    parser_training.add_argument("--open-pairs", type=int, metavar="N", help="open-mode training sentences")
    parser_training.add_argument("--schema-pairs", type=int, metavar="N",
                                 help="schema-guided training sentences per shipped rule file")
    parser_training.add_argument("--folio-repeat", type=int, metavar="N",
                                 help="times each FOLIO training premise is repeated (default 3; 0 leaves FOLIO out)")
    parser_training.add_argument("--coined", type=float, metavar="SHARE",
                                 help="share of the invented training words coined fresh for each sentence "
                                      "instead of taken from the lexicon's list (default 0.75)")
    parser_training.add_argument("--rule-pairs", type=int, metavar="N",
                                 help="extra training sentences of ProofWriter's rule shapes "
                                      "(if something / if someone / ground if-then; default 3000)")
    parser_training.add_argument("--fact-pairs", type=int, metavar="N",
                                 help="extra training sentences of plain facts and their negations "
                                      "(default 0)")
    parser_training.add_argument("--generic-pairs", type=int, metavar="N",
                                 help="extra training sentences of generic rules without 'if' "
                                      "(bare plurals, 'all ...', '... are not ...'; default 0)")
    parser_training.add_argument("--init", metavar="DIR",
                                 help="start from the trained parser in DIR and train it further (a "
                                      "fine-tune, e.g. after the generator learned new sentence shapes); it "
                                      "must have been trained on the same templates (--all-templates or not)")
    parser_training.add_argument("--lr", type=float, metavar="RATE",
                                 help="peak learning rate of the decoder, adapter and heads (default 0.0015)")
    parser_training.add_argument("--encoder-lr", type=float, metavar="RATE",
                                 help="peak learning rate of the trained encoder layers (default 0.0001)")
    parser_training.add_argument("--warmup", type=int, metavar="N",
                                 help="steps of linear learning-rate warm-up (default 100)")
    parser_training.add_argument("--schema-only", action="store_true",
                                 help="the weights will parse schema-guided mode only (saved as the "
                                      "'schema' subfolder of a parser's weights): fit their confidence "
                                      "scaling on the schema-guided validation sentences alone")
    parser_training.add_argument("--schema-network", type=int, metavar="STEPS",
                                 help="then fine-tune the trained network for STEPS steps on six times the "
                                      "schema-guided sentences into OUT/schema, the network that parses "
                                      "schema-guided mode (the shipped weights: 1500)")
    parser_training.add_argument("--all-templates", action="store_true", default=None,
                                 help="train on every template, the held-out ones included (how the shipped "
                                      "model is trained); the held-out test and calibration sets are then "
                                      "unseen words in every template")

    fallback_training = _training_command(
        components, "fallback", help="train the neural fallback classifier",
        description="Make solver-labelled problems, add the train parts of the shared data sets, "
                    "fine-tune the cross-encoder, fit its temperature on the validation parts, "
                    "report accuracy and calibration, save weights.")
    fallback_training.add_argument("--generated", type=int, metavar="N",
                                   help="solver-labelled generated problems (default 3000)")


def _training_command(components, name: str, *, help: str, description: str) -> argparse.ArgumentParser:
    """``train NAME`` with the options every training shares."""
    command = components.add_parser(name, help=help, description=description)
    command.add_argument("--steps", type=int, metavar="N", help="training steps")
    command.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    command.add_argument("--out", default=f"neurosym/weights/{name}", metavar="DIR",
                         help=f"where to save the weights (default neurosym/weights/{name})")
    command.add_argument("--device", default="auto", choices=("auto", "cpu", "cuda"))
    command.add_argument("--calibrate-only", action="store_true",
                         help="only refit the confidence temperature and bias of the weights in --out")
    command.add_argument("--batch-size", type=int, metavar="N")
    command.add_argument("--threads", type=int, metavar="N",
                         help="CPU threads for torch (1 is faster on a busy machine)")
    command.add_argument("--data-dir", metavar="DIR",
                         help="the shared data sets (default: ../shared/data beside the checkout)")
    return command


def _error_exit(exc: NeurosymError, as_json: bool) -> int:
    if as_json:
        print(json.dumps({"error": exc.to_dict()}), file=sys.stdout)
    print(f"neurosym: error: {exc}", file=sys.stderr)
    return exc.exit_code


def _load_reasoner(rule_files: Sequence[str], timeout: float):
    from .reasoner import Reasoner
    from .rules.loader import load_theory

    theory = load_theory(rule_files) if rule_files else None
    return Reasoner(theory, timeout_s=timeout)


def _run_check(args) -> int:
    from .report import format_check

    semantics = Semantics.parse(args.semantics)
    if args.timeout <= 0:
        raise InputFormatError("--timeout must be a positive number of seconds")
    if args.input and (args.claims or args.premise):
        raise InputFormatError("give either --input or claims/--premise, not both")
    if not args.input and not args.claims and not args.premise:
        raise InputFormatError("nothing to check: give CLAIM arguments, --premise or --input")
    reasoner = _load_reasoner(args.rules, args.timeout)
    if args.input:
        return _run_batch(args, reasoner, semantics)
    result = reasoner.check(args.claims, args.premise, semantics=semantics, explain=not args.no_explain)
    print(json.dumps(result.to_dict(), ensure_ascii=False) if args.json else format_check(result))
    return _exit_code(result, strict=args.strict)


def _exit_code(result, *, strict: bool) -> int:
    undecided = sum(c.verdict is Verdict.UNKNOWN for c in result.claims)
    if undecided or result.consistency is Consistency.UNKNOWN:
        # Not a violation, but a pipeline must not take it for a pass unnoticed.
        print(f"neurosym: warning: {undecided} claim(s) undecided within the time limit "
              "(use --strict to make that an exit code of 1)", file=sys.stderr)
    if result.violation:
        return EXIT_VIOLATION
    if strict and (result.consistency is not Consistency.CONSISTENT
                   or any(c.verdict is not Verdict.ENTAILED for c in result.claims)):
        return EXIT_VIOLATION
    return EXIT_OK


def _text_pipeline(args):
    """The pipeline for the English lines of a batch (None when the text commands' options
    are not wired in); the parser loads only when a line needs it."""
    if not hasattr(args, "parser"):
        return None
    from .cli_text import _pipeline

    return _pipeline(args)


def _run_batch(args, reasoner, semantics: Semantics) -> int:
    from tqdm import tqdm

    from .batch import run_batch

    if args.input == "-":
        stream = sys.stdin
    else:
        path = Path(args.input)
        if not path.is_file():
            raise InputFormatError(f"{args.input}: no such file")
        stream = path.open(encoding="utf-8")
    bad_input = violation = False
    with stream:
        lines = tqdm(stream, desc="checking", unit=" lines", disable=not sys.stderr.isatty(), file=sys.stderr)
        for outcome in run_batch(lines, reasoner, semantics=semantics, explain=not args.no_explain,
                                 pipeline=_text_pipeline(args)):
            print(json.dumps(outcome.record, ensure_ascii=False), flush=True)
            bad_input |= outcome.bad_input
            violation |= outcome.violation
            if outcome.bad_input:
                message = outcome.record["error"].get("message", "")
                print(f"neurosym: line {outcome.record['line']}: {message}", file=sys.stderr)
    if bad_input:
        return EXIT_BAD_INPUT
    return EXIT_VIOLATION if violation else EXIT_OK


def _run_lint(args) -> int:
    from .rules.loader import load_theory

    problems = []
    for name in args.files:
        try:
            load_theory([name])
        except NeurosymError as exc:
            problems.append((name, exc))
    if args.json:
        print(json.dumps({"files": len(args.files),
                          "errors": [exc.to_dict()
                                     for _, exc in problems]}))
    else:
        for _, exc in problems:
            print(exc, end="\n\n")
        print(f"{len(args.files)} file(s) checked, {len(problems)} with errors")
    return EXIT_VIOLATION if problems else EXIT_OK


def _run_test(args) -> int:
    from .authoring.ruletests import run_examples
    from .reasoner import Reasoner
    from .rules.loader import load_theory

    outcomes = []
    for name in args.files:
        theory = load_theory([name])
        outcomes.extend(run_examples(theory, reasoner=Reasoner(theory, timeout_s=args.timeout),
                                     name_filter=args.name_filter))
    failed = [o for o in outcomes if not o.passed]
    if args.json:
        print(json.dumps({"passed": len(outcomes) - len(failed), "failed": len(failed),
                          "examples": [o.to_dict() for o in outcomes]}))
    else:
        for outcome in outcomes:
            status = "ok  " if outcome.passed else "FAIL"
            print(f"{status} {outcome.example.name}  ({outcome.example.where})")
            for failure in outcome.failures:
                print(f"       {failure}")
        print(f"{len(outcomes) - len(failed)} passed, {len(failed)} failed")
    return EXIT_VIOLATION if failed else EXIT_OK


def _run_parse(args) -> int:
    from .parser.semantic_parser import SemanticParser, describe_readings

    if args.n_best < 1:
        raise InputFormatError("--n-best must be at least 1")
    theory = None
    if args.rules:
        from .rules.loader import load_theory

        theory = load_theory(args.rules)
    from .text import split_sentences

    sentences = split_sentences(text_or_file(args.text))
    if not sentences:
        raise InputFormatError("nothing to parse: TEXT has no words")
    parser = SemanticParser.load(args.weights, device=args.device, cross_check=args.cross_check)
    described = describe_readings(sentences, parser.parse(sentences, theory=theory, n_best=args.n_best),
                                  theory)
    if args.json:
        print(json.dumps({"sentences": described}, ensure_ascii=False))
    else:
        for number, item in enumerate(described, 1):
            print(f"{number}. {item['sentence']}")
            if not item["readings"]:
                print("   (no well-typed reading: UNTRANSLATED)")
            for reading in item["readings"]:
                print(f"   {reading['confidence']:.3f}  {reading['lf']}")
                print(f"          {reading['english']}")
                if "doubt" in reading:
                    print(f"          doubt: the reading {reading['doubt']}")
                if "read_as" in reading:
                    print(f"          {reading['read_as']}")
    return EXIT_OK if all(item["readings"] for item in described) else EXIT_VIOLATION


def _run_train(args) -> int:
    if args.component == "fallback":
        from .training.train_fallback import main as train_fallback

        return train_fallback(args)
    from .training.train_parser import main as train_parser

    return train_parser(args)


_COMMANDS = {"check": _run_check, "lint": _run_lint, "test": _run_test, "parse": _run_parse,
             "train": _run_train}
_COMMANDS.update(TEXT_COMMANDS)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``neurosym`` console script; returns the exit code."""
    parser = _build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "schema_network", None) and (args.calibrate_only or args.schema_only):
        parser.error("--schema-network trains a second network after the first: "
                     "it cannot go with --calibrate-only or --schema-only")
    try:
        return _COMMANDS[args.command](args)
    except NeurosymError as exc:
        return _error_exit(exc, getattr(args, "json", False))
    except KeyboardInterrupt:
        print("neurosym: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
