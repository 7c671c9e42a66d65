"""An enforced time limit per check: a deadline, and one watchdog thread per rule base.

Z3's own ``timeout`` parameter is honoured only where Z3 looks at its clock, and it
costs a timer hand-off per solver call (about 40 µs with z3 5.4, measured by
``benchmarks/solver_bench.py``), which would halve the throughput of small ground
checks. So the limit is made real here instead: each rule base owns one long-lived
daemon thread that sleeps until the running check's deadline and then calls
``ctx.interrupt()``, which makes the solver call in progress return ``unknown``
("canceled"). A check tells the watchdog its deadline when it starts and clears it when
it ends; no thread is started per check, and the watchdog is only woken when a check
needs it earlier than it planned to wake anyway. The rule base still sets Z3's
``timeout`` on solvers whose calls are expected to be slow (quantified problems and
explanations), as a second line of defence.

An interrupt that arrives just after a solver call returned (the race the lock below
narrows but cannot close) is harmless: Z3 ignores an interrupt when no call is
running, and the caller sees the deadline has passed before the next call.

>>> watchdog = Watchdog(ctx)
>>> deadline = Deadline(0.2)
>>> watchdog.start(deadline)
>>> try:
...     solver.check()          # returns unknown if it runs past 0.2 s
... finally:
...     watchdog.stop()
"""

from __future__ import annotations

import math
import threading
import time
import weakref

__all__ = ["Deadline", "Watchdog", "timeout_reason"]


def timeout_reason(limit_s: float) -> str:
    """The reason an UNKNOWN verdict gives when a check runs out of time."""
    return f"time limit of {limit_s:g} s reached"


class Deadline:
    """A point in time (``time.monotonic``) by which a check must be done."""

    __slots__ = ("limit_s", "at")

    def __init__(self, limit_s: float) -> None:
        if not limit_s > 0:
            raise ValueError(f"a time limit must be positive, got {limit_s!r}")
        self.limit_s = float(limit_s)
        self.at = time.monotonic() + self.limit_s

    def remaining(self) -> float:
        """Seconds left (0 once the deadline has passed)."""
        return max(self.at - time.monotonic(), 0.0)

    def expired(self) -> bool:
        return time.monotonic() >= self.at

    @property
    def reason(self) -> str:
        return timeout_reason(self.limit_s)


class _State:
    """What the owner and the watchdog thread share, guarded by ``cond``.

    The thread holds this object (and through ``interrupt`` the Z3 context) but not the
    ``Watchdog``, so a rule base that is no longer used can be collected; its finaliser
    closes the state and the thread ends.
    """

    __slots__ = ("cond", "deadline", "wake_at", "closed", "fired", "interrupt")

    def __init__(self, interrupt) -> None:
        self.cond = threading.Condition(threading.Lock())
        self.deadline: float | None = None  # when the running section must end
        self.wake_at = math.inf  # when the thread next wakes up by itself
        self.closed = False
        self.fired = False  # the running section was interrupted
        self.interrupt = interrupt


def _watch(state: _State) -> None:
    with state.cond:
        while not state.closed:
            deadline = state.deadline
            if deadline is None:
                state.wake_at = math.inf
                state.cond.wait()
                continue
            now = time.monotonic()
            if now >= deadline:
                # Under the lock: the section cannot end (and the next begin) meanwhile.
                state.interrupt()
                state.fired = True
                state.deadline = None
                continue
            state.wake_at = deadline
            state.cond.wait(deadline - now)


def _close(state: _State) -> None:
    with state.cond:
        state.closed = True
        state.cond.notify()


class Watchdog:
    """Interrupts the Z3 context ``ctx`` when the running section outlives its deadline.

    ``start(deadline)`` opens a section and ``stop()`` closes it (returning whether the
    watchdog fired). Sections do not nest; the owner serialises its checks.
    """

    def __init__(self, ctx) -> None:
        self._state = _State(ctx.interrupt)
        self._thread: threading.Thread | None = None
        weakref.finalize(self, _close, self._state)

    def _ensure_thread(self) -> None:
        # Started on first use, so that rule bases which are never checked cost no thread.
        self._thread = threading.Thread(target=_watch, args=(self._state,),
                                        name="neurosym-watchdog", daemon=True)
        self._thread.start()

    def start(self, deadline: Deadline) -> None:
        if self._thread is None:
            self._ensure_thread()
        state = self._state
        with state.cond:
            state.deadline = deadline.at
            state.fired = False
            if deadline.at < state.wake_at:
                state.cond.notify()

    def stop(self) -> bool:
        """Close the section; True when the watchdog interrupted it."""
        state = self._state
        with state.cond:
            state.deadline = None
            return state.fired

    def close(self) -> None:
        """End the thread now (it also ends when the watchdog is garbage collected)."""
        _close(self._state)
