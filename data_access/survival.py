"""Kaplan–Meier estimates of time to resolution with open complaints right-censored (DOMAIN.md §2.4)."""

from __future__ import annotations

from collections.abc import Sequence


def kaplan_meier(durations: Sequence[float], resolved: Sequence[bool]) -> list[tuple[float, float]]:
    """The survival curve as (time, share still unresolved after time) at each time a resolution happened."""
    if len(durations) != len(resolved):
        raise ValueError("durations and resolved flags differ in length")
    pairs = sorted(zip(durations, resolved), key=lambda pair: pair[0])
    at_risk = len(pairs)
    survival = 1.0
    curve: list[tuple[float, float]] = []
    i = 0
    while i < len(pairs):
        time = pairs[i][0]
        events = censored = 0
        while i < len(pairs) and pairs[i][0] == time:
            if pairs[i][1]:
                events += 1
            else:
                censored += 1
            i += 1
        # Resolutions at time t count against everyone still waiting at t, including those censored at t.
        if events:
            survival *= 1 - events / at_risk
            curve.append((time, survival))
        at_risk -= events + censored
    return curve


def km_quantile(durations: Sequence[float], resolved: Sequence[bool], share_resolved: float) -> float | None:
    """Smallest time by which share_resolved of complaints are resolved (0.5 = median); None if not reached."""
    if not 0 < share_resolved < 1:
        raise ValueError("share_resolved must be between 0 and 1")
    threshold = 1 - share_resolved
    for time, survival in kaplan_meier(durations, resolved):
        if survival <= threshold + 1e-12:
            return time
    return None
