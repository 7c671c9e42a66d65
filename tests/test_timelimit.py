"""The time limit is real: hard checks come back UNKNOWN on time, and nothing hangs."""

from __future__ import annotations

import gc
import threading
import time

import pytest
import z3

from neurosym.reasoner import Reasoner
from neurosym.reasoner.timelimit import Deadline, Watchdog, timeout_reason
from neurosym.verdicts import Consistency, Verdict

LIMIT = 0.2
# Returning within a small multiple of the limit (the machine may be busy).
SLACK = 5 * LIMIT


def pigeonhole(n: int) -> list[str]:
    """n pigeons, n - 1 holes, as LF premises: unsatisfiable, and hard for resolution."""
    premises = [" or ".join(f"in_{i}_{j}" for j in range(n - 1)) for i in range(n)]
    premises += [f"not (in_{i}_{j} and in_{k}_{j})"
                 for j in range(n - 1) for i in range(n) for k in range(i + 1, n)]
    return premises


def test_deadline_counts_down_and_says_why():
    deadline = Deadline(0.05)
    assert 0 < deadline.remaining() <= 0.05 and not deadline.expired()
    time.sleep(0.06)
    assert deadline.expired() and deadline.remaining() == 0
    assert deadline.reason == timeout_reason(0.05) == "time limit of 0.05 s reached"
    with pytest.raises(ValueError):
        Deadline(0)


def test_watchdog_interrupts_a_solver_call_that_outlives_its_deadline():
    ctx = z3.Context()
    solver = z3.SimpleSolver(ctx=ctx)
    holes = 11
    p = [[z3.Bool(f"p{i}_{j}", ctx) for j in range(holes)] for i in range(holes + 1)]
    for row in p:
        solver.add(z3.Or(row))
    for j in range(holes):
        for i in range(holes + 1):
            for k in range(i + 1, holes + 1):
                solver.add(z3.Not(z3.And(p[i][j], p[k][j])))
    watchdog = Watchdog(ctx)
    started = time.perf_counter()
    watchdog.start(Deadline(LIMIT))
    status = solver.check()
    fired = watchdog.stop()
    assert status == z3.unknown and fired
    assert time.perf_counter() - started < SLACK
    # The interrupt does not linger: the next quick call is answered.
    watchdog.start(Deadline(LIMIT))
    quick = z3.SimpleSolver(ctx=ctx)
    quick.add(p[0][0])
    assert quick.check() == z3.sat
    assert not watchdog.stop()


def test_watchdog_thread_ends_when_its_owner_is_collected():
    watchdog = Watchdog(z3.Context())
    watchdog.start(Deadline(10))
    watchdog.stop()
    thread = next(t for t in threading.enumerate()
                  if t.name == "neurosym-watchdog" and t is watchdog._thread)
    assert thread.is_alive()
    del watchdog
    gc.collect()
    thread.join(timeout=2)
    assert not thread.is_alive()


def test_a_hard_nonlinear_claim_is_unknown_within_the_limit():
    reasoner = Reasoner()
    started = time.perf_counter()
    result = reasoner.check(["x*x*x + y*y*y = z*z*z and x > 0 and y > 0 and z > 0"], timeout_s=LIMIT)
    elapsed = time.perf_counter() - started
    claim = result.claims[0]
    assert claim.verdict is Verdict.UNKNOWN
    assert claim.reason == "time limit of 0.2 s reached"
    assert result.consistency is Consistency.UNKNOWN
    assert elapsed < SLACK


def test_a_pigeonhole_instance_is_unknown_within_the_limit_and_the_reasoner_recovers():
    reasoner = Reasoner(timeout_s=LIMIT)
    started = time.perf_counter()
    result = reasoner.check(["in_0_0"], pigeonhole(12))
    assert time.perf_counter() - started < SLACK
    assert result.claims[0].verdict is Verdict.UNKNOWN
    assert "time limit" in result.claims[0].reason
    # The same reasoner answers the next (easy) check normally.
    assert reasoner.check(["q(a)"], ["p(a)", "p(a) -> q(a)"]).claims[0].verdict is Verdict.ENTAILED


def test_an_explanation_cut_short_by_the_deadline_says_so(monkeypatch):
    from neurosym.reasoner import explain

    # As if the deadline passed before shrinking began (explain.shrink is tested alone).
    monkeypatch.setattr(explain, "shrink", lambda attempt, core, expired: explain.Core(tuple(core), False))
    result = Reasoner().check(["q(a)"], ["p(a)", "p(a) -> q(a)", "p(a) and r(a)", "r(a) -> q(a)"])
    claim = result.claims[0]
    assert claim.verdict is Verdict.ENTAILED and claim.evidence
    assert claim.reason.startswith("explanation may not be minimal")


def test_no_thread_is_started_per_check():
    reasoner = Reasoner()
    reasoner.check(["p(a)"])
    before = set(threading.enumerate())
    for i in range(200):
        reasoner.check([f"p(a{i % 7})"], ["forall x. q(x) -> p(x)"], explain=False)
    assert not set(threading.enumerate()) - before


def test_checks_from_several_threads_are_serialised_and_correct():
    reasoner = Reasoner()
    outcomes = []

    def work(k: int) -> None:
        for i in range(20):
            result = reasoner.check([f"q(c{k}_{i})"], [f"p(c{k}_{i})", "forall x. p(x) -> q(x)"], explain=False)
            outcomes.append(result.claims[0].verdict)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes == [Verdict.ENTAILED] * 80
