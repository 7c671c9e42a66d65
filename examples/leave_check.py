"""Decide leave requests with rules/leave.rules and emit one JSON line per request.

Run from anywhere:  python examples/leave_check.py
"""

import json
from pathlib import Path

from neurosym.reasoner import Reasoner

RULES = Path(__file__).resolve().parent.parent / "rules"

reasoner = Reasoner.from_files(str(RULES / "leave.rules"))

requests = [
    # Ten days, a month's notice, 18 days left: approved.
    ("olga", ["full_time(olga)", "months_of_service(olga) = 30", "days_taken(olga) = 10",
              "carried_over(olga) = 3", "requested_days(olga) = 10", "notice_days(olga) = 30",
              "manager_approved(olga)", "not probation_extended(olga)", "not in_blackout(olga)"]),
    # Three days a week, 3 days left, asks for 5: refused.
    ("pat", ["part_time(pat)", "days_per_week(pat) = 3", "days_taken(pat) = 12",
             "carried_over(pat) = 0", "requested_days(pat) = 5"]),
    # Two months into the job: still on probation.
    ("nick", ["months_of_service(nick) = 2", "requested_days(nick) = 3", "notice_days(nick) = 20"]),
]

for employee, facts in requests:
    claim = reasoner.check([f"leave_approved({employee})"], facts).to_dict()["claims"][0]
    rules = [item["name"] for item in claim.get("evidence", []) if item["kind"] == "rule"]
    print(json.dumps({"employee": employee, "verdict": claim["verdict"], "rules": rules}))
