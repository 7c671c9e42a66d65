"""Hand-written rule-file sentences with the numbers users write: does the parser read them?

31 sentences over the shipped rule files (lending, dosage, leave, access), each with the LF a
person expects, parsed schema-guided with n-best 4. A sentence counts as read when its
top reading is that LF with a confidence of at least the routing threshold (0.6). The
generator drew a rule file's numbers from 0 to 100, every Real one with a decimal, until
2026-12-06, and the shipped parser (run 13) reads "Bob earns 5000 a month." as
``employed(bob)``; the first three sentences were failures seen before the list was
written, so it is not an unbiased sample. Nor are the two doses: functions of two
entities (``daily_dose_mg(p, d)``) were never generated before 2026-12-06 13:30, and
weights trained earlier read neither. Nor are the five access sentences, which name
things: the generator gave a rule file's things no names of their own ("Payroll") and
schema-guided mode offered no lower-case ones ("the payroll database") before
2026-12-06 afternoon.

A second list, ``GLOSS_SHAPES``, holds 16 sentences with the predicates said only since
the generator read past, perfect, modal and framed glosses (2026-12-06 evening); its
figure is reported apart. A third, ``PROHIBITIONS`` (2026-12-07), holds 6 sentences that
say the dosage prohibition ("{0} must not take {1}") or deny it; it was written after
fine-tunes were seen reading "Ann may take ibuprofen." as the prohibition, so it guards
against that rather than sampling users' sentences.

    python benchmarks/rule_sentences.py [--parser DIR] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SENTENCES = {
    "lending.rules": [
        ("Bob earns 5000 a month.", "monthly_income(bob) = 5000"),
        ("Bob earns 3000 a month.", "monthly_income(bob) = 3000"),
        ("Carol earns 2750 a month.", "monthly_income(carol) = 2750"),
        ("Dan earns 12500 a month.", "monthly_income(dan) = 12500"),
        ("Bob pays 1200 a month towards debts.", "monthly_debt(bob) = 1200"),
        ("Carol pays 450 a month towards debts.", "monthly_debt(carol) = 450"),
        ("Bob asks to borrow 20000.", "loan_amount(bob) = 20000"),
        ("Carol requests a loan of 7500.", "loan_amount(carol) = 7500"),
        ("Bob has a credit score of 720.", "credit_score(bob) = 720"),
        ("Dan has a credit score of 580.", "credit_score(dan) = 580"),
        ("Bob has been employed for 30 months.", "months_employed(bob) = 30"),
        ("Carol has been employed for 120 months.", "months_employed(carol) = 120"),
        ("Dan is 45 years old.", "age(dan) = 45"),
        ("The gross monthly income of Dan is 8000.", "monthly_income(dan) = 8000"),
        ("Anyone who earns less than 1500 a month is not eligible for a loan.", "forall x. monthly_income(x) < 1500 -> not eligible(x)"),
        ("Everyone who has a credit score of at least 740 has excellent credit.", "forall x. credit_score(x) >= 740 -> excellent_credit(x)"),
    ],
    "dosage.rules": [
        ("Ann weighs 62.5 kg.", "weight_kg(ann) = 62.5"),
        ("Ann weighs 80 kg.", "weight_kg(ann) = 80"),
        ("Ben weighs 105 kg.", "weight_kg(ben) = 105"),
        ("Ann is 30 weeks pregnant.", "weeks_pregnant(ann) = 30"),
        ("Ben is 71 years old.", "age(ben) = 71"),
        ("Anyone who weighs less than 50 kg is a child.", "forall x. weight_kg(x) < 50 -> child(x)"),
        ("Ann takes 4000 mg of paracetamol a day.", "daily_dose_mg(ann, paracetamol) = 4000"),
        ("Ben takes 400 mg of ibuprofen at a time.", "single_dose_mg(ben, ibuprofen) = 400"),
    ],
    "leave.rules": [
        ("Eve works 4 days a week.", "days_per_week(eve) = 4"),
        ("Eve is 29 years old.", "age(eve) = 29"),
    ],
    "access.rules": [
        ("Payroll is a production system.", "production(payroll)"),
        ("The payroll database is a production system.", "production(payroll_database)"),
        ("The payroll db runs in production.", "production(payroll_db)"),
        ("Ann has a need to know for the payroll database.", "need_to_know(ann, payroll_database)"),
        ("Dana submitted the expense request.", "submitted(dana, expense_request)"),
    ],
}

# Sentences that use the 13 predicates whose glosses the generator did not say before
# 2026-12-06 evening (past tenses, passives, perfects, modals, a slot inside a phrase:
# docs/generator.md), written before any parser trained on them was run. Reported apart
# from the 31 above, so that figures stay comparable with earlier runs.
GLOSS_SHAPES = {
    "lending.rules": [
        ("Carol passed the identity check.", "verified_identity(carol)"),
        ("The identity of Bob has not been verified.", "not verified_identity(bob)"),
        ("Dan's application goes to manual review.", "manual_review(dan)"),
    ],
    "dosage.rules": [
        ("Ibuprofen is contraindicated for Ann.", "contraindicated(ann, ibuprofen)"),
        ("Ben's prescriptions need review.", "needs_pharmacist_review(ben)"),
        ("The medication of Ann is safe.", "safe_regimen(ann)"),
    ],
    "leave.rules": [
        ("The probation of Eve was extended.", "probation_extended(eve)"),
        ("Eve's manager approved the leave.", "manager_approved(eve)"),
        ("The leave of Eve falls in a blackout period.", "in_blackout(eve)"),
        ("Eve's leave does not overlap the year-end close.", "not overlaps_year_end(eve)"),
        ("If someone's leave falls in a blackout period, their leave is not approved.",
         "forall x. in_blackout(x) -> not leave_approved(x)"),
    ],
    "access.rules": [
        ("Erik approved the expense request.", "approved_by(erik, expense_request)"),
        ("The expense request was raised by Dana.", "submitted(dana, expense_request)"),
        ("The expense request was executed.", "executed(expense_request)"),
        ("Ann can grant access to the payroll database.", "can_grant(ann, payroll_database)"),
        ("Erik cannot grant access to the payroll database.", "not can_grant(erik, payroll_database)"),
    ],
}

PROHIBITIONS = {
    "dosage.rules": [
        ("Ann must not take ibuprofen.", "contraindicated(ann, ibuprofen)"),
        ("Ben mustn't take aspirin.", "contraindicated(ben, aspirin)"),
        ("Aspirin is unsafe for Ben.", "contraindicated(ben, aspirin)"),
        ("Ann may take ibuprofen.", "not contraindicated(ann, ibuprofen)"),
        ("Ann can take ibuprofen.", "not contraindicated(ann, ibuprofen)"),
        ("Ibuprofen is not contraindicated for Ann.", "not contraindicated(ann, ibuprofen)"),
    ],
}


def read(parser, groups) -> dict:
    """How many sentences of ``groups`` (rule file -> (sentence, LF) list) the parser reads
    as expected at the routing threshold, and the misses."""
    from neurosym.routing import DEFAULT_THRESHOLD
    from neurosym.rules.loader import load_theory

    misses, total = [], 0
    for rule_file, items in groups.items():
        theory = load_theory([ROOT / "rules" / rule_file])
        found = parser.parse([sentence for sentence, _ in items], theory=theory, n_best=4)
        for (sentence, expected), readings in zip(items, found):
            total += 1
            top = readings[0] if readings else None
            if top is None or top.text != expected or top.probability < DEFAULT_THRESHOLD:
                misses.append({"rules": rule_file, "sentence": sentence, "expected": expected,
                               "read": top.text if top else None,
                               "confidence": round(top.probability, 3) if top else None})
    return {"sentences": total, "read": total - len(misses), "misses": misses}


def main(argv=None) -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--parser", metavar="DIR", help="trained parser (default: the shipped one)")
    options.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = options.parse_args(argv)

    from neurosym.parser.semantic_parser import SemanticParser
    from neurosym.routing import DEFAULT_THRESHOLD

    parser = SemanticParser.load(args.parser, device="cpu")
    figures = read(parser, SENTENCES)
    figures["gloss_shapes"] = read(parser, GLOSS_SHAPES)
    figures["prohibitions"] = read(parser, PROHIBITIONS)
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        for name, group in (("", figures), ("new gloss shapes: ", figures["gloss_shapes"]),
                            ("prohibitions: ", figures["prohibitions"])):
            for miss in group["misses"]:
                print(f"  miss: {miss['sentence']}  ->  {miss['read']} ({miss['confidence']})")
            print(f"{name}{group['read']} of {group['sentences']} read as expected "
                  f"at confidence >= {DEFAULT_THRESHOLD}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
