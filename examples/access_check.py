"""Access decisions from rules/access.rules, and how the three semantics differ.

Run from anywhere:  python examples/access_check.py
"""

from pathlib import Path

from neurosym.reasoner import Reasoner
from neurosym.report import format_check

RULES = Path(__file__).resolve().parent.parent / "rules"

reasoner = Reasoner.from_files(str(RULES / "access.rules"))

# The on-call SRE may change production during an incident; the change is logged.
hana = [
    "has_role(hana, sre)", "on_call(hana)", "production(prod_api)", "incident_open(prod_api)",
    "mfa_enrolled(hana)", "not suspended(hana)", "not contractor(hana)",
    "days_since_training(hana) = 30", "clearance(hana) = 3", "classification(prod_api) = 2",
]
print(format_check(reasoner.check(["can_write(hana, prod_api)", "access_logged(hana, prod_api)"], hana)))
print()

# Making her an auditor as well is a policy conflict: the set is INCONSISTENT, with the clash.
conflict = reasoner.check([], hana + ["has_role(hana, auditor)"])
print(f"auditor on call: {conflict.consistency}")
print("  rules in the clash:", ", ".join(i.name for i in conflict.conflict if i.kind == "rule"))
print("  premises in the clash:", ", ".join(i.english or i.name for i in conflict.conflict if i.kind == "premise"))
print()

# Someone who can write the ledger: is their account suspended?
for semantics in ("classical", "directional", "closed-world"):
    result = reasoner.check(["suspended(gus)"], ["can_write(gus, ledger)"], semantics=semantics)
    print(f"{semantics:>12}: suspended(gus) is {result.claims[0].verdict}")
