"""Screen prescriptions against rules/dosage.rules, as a validation step in a pipeline.

Run from anywhere:  python examples/dosage_check.py
"""

from pathlib import Path

from neurosym.reasoner import Reasoner
from neurosym.verdicts import Verdict

RULES = Path(__file__).resolve().parent.parent / "rules"

reasoner = Reasoner.from_files(str(RULES / "dosage.rules"))

# Each record lists what is known about a patient, in LF; the rule base decides the rest.
records = {
    "ana": ["age(ana) = 40", "weight_kg(ana) = 70",
            "prescribed(ana, paracetamol)", "daily_dose_mg(ana, paracetamol) = 3000"],
    "ben": ["age(ben) = 82", "weight_kg(ben) = 45",
            "prescribed(ben, paracetamol)", "daily_dose_mg(ben, paracetamol) = 3000"],
    "dan": ["prescribed(dan, warfarin)", "prescribed(dan, ibuprofen)"],
    "eve": ["egfr(eve) = 25", "prescribed(eve, metformin)"],
}

for patient, facts in records.items():
    result = reasoner.check([f"safe_regimen({patient})"], facts)
    claim = result.claims[0]
    if claim.verdict is Verdict.CONTRADICTED:
        rules = ", ".join(item.name for item in claim.evidence if item.kind == "rule")
        print(f"{patient}: UNSAFE ({rules})")
    else:
        # POSSIBLE: nothing known rules the regimen out, but the rules cannot prove it safe.
        print(f"{patient}: {claim.verdict} (no rule violated by what is known)")
