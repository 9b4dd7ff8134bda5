"""Kaplan–Meier estimates of time to resolution with open complaints right-censored (DOMAIN.md §2.4)."""

from __future__ import annotations

from collections.abc import Sequence


def kaplan_meier(durations: Sequence[float], resolved: Sequence[bool],
                 weights: Sequence[int] | None = None) -> list[tuple[float, float]]:
    """The survival curve as (time, share still unresolved after time) at each time a resolution happened.

    `weights` counts how many complaints each (duration, resolved) pair stands for, so a rollup's histogram of
    durations gives the same curve as the complaints one by one."""
    if len(durations) != len(resolved) or (weights is not None and len(weights) != len(durations)):
        raise ValueError("durations, resolved flags and weights differ in length")
    if weights is None:
        weights = [1] * len(durations)
    triples = sorted(zip(durations, resolved, weights, strict=True), key=lambda triple: triple[0])
    at_risk = sum(weights)
    survival = 1.0
    curve: list[tuple[float, float]] = []
    i = 0
    while i < len(triples):
        time = triples[i][0]
        events = censored = 0
        while i < len(triples) and triples[i][0] == time:
            if triples[i][1]:
                events += triples[i][2]
            else:
                censored += triples[i][2]
            i += 1
        # Resolutions at time t count against everyone still waiting at t, including those censored at t.
        if events:
            survival *= 1 - events / at_risk
            curve.append((time, survival))
        at_risk -= events + censored
    return curve


def km_quantile(durations: Sequence[float], resolved: Sequence[bool], share_resolved: float,
                weights: Sequence[int] | None = None) -> float | None:
    """Smallest time by which share_resolved of complaints are resolved (0.5 = median); None if not reached."""
    if not 0 < share_resolved < 1:
        raise ValueError("share_resolved must be between 0 and 1")
    threshold = 1 - share_resolved
    for time, survival in kaplan_meier(durations, resolved, weights):
        if survival <= threshold + 1e-12:
            return time
    return None
