"""Check claims about loan applicants against rules/lending.rules.

Run from anywhere:  python examples/lending_check.py
"""

from pathlib import Path

from neurosym.logic.printer import to_text
from neurosym.reasoner import Reasoner
from neurosym.report import format_check

RULES = Path(__file__).resolve().parent.parent / "rules"

# Compile the rule base once (lending.rules includes common.rules); reuse it for every check.
reasoner = Reasoner.from_files(str(RULES / "lending.rules"))

# A salaried applicant with a 755 score whose debts are exactly 20% of her income.
erin = [
    "age(erin) = 34", "resident(erin)", "verified_identity(erin)", "not recent_bankruptcy(erin)",
    "employed(erin)", "months_employed(erin) = 48",
    "monthly_income(erin) = 6000", "monthly_debt(erin) = 1200",
    "credit_score(erin) = 755", "loan_amount(erin) = 50000",
]
print(format_check(reasoner.check(["eligible(erin)"], erin)))
print()

# Several claims in one check; manual_review stays POSSIBLE: no rule decides it for her.
result = reasoner.check(["preferred_rate(erin)", "high_dti(erin)", "manual_review(erin)"], erin)
for claim in result.claims:
    print(f"{claim.claim.text}: {claim.verdict}")
print()

# A 17-year-old: refused whatever her score, and the evidence names the rules that decide it.
result = reasoner.check(["eligible(carol)"], ["age(carol) = 17", "credit_score(carol) = 810"])
claim = result.claims[0]
print(f"eligible(carol): {claim.verdict}")
for item in claim.evidence:
    label = item.name if item.kind in ("premise", "claim") else f"{item.kind} {item.name}"
    print(f"  {label}: {item.english or to_text(item.formula)}")
