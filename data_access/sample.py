"""Minimum respondents (Krejcie & Morgan, 95 %, P = 0.5, d = 0.05) and the sample-adequacy rule (DOMAIN.md §1.4)."""

from __future__ import annotations

import bisect
import math

# (population N, minimum respondents) as printed in the published table.
KREJCIE_MORGAN: tuple[tuple[int, int], ...] = (
    (10, 10), (20, 19), (50, 44), (100, 80), (200, 132), (300, 169), (500, 217), (1_000, 278), (2_000, 322),
    (5_000, 357), (10_000, 370), (20_000, 377), (50_000, 381), (75_000, 382), (100_000, 384), (1_000_000, 384),
)
BEYOND_TABLE = 384
_POPULATIONS = [row[0] for row in KREJCIE_MORGAN]

ADEQUATE = "memadai"
INADEQUATE = "belum_memadai"
UNKNOWN_POPULATION = "populasi_tidak_diketahui"


def minimum_sample(population: int) -> int:
    """Respondents needed for a population: the next larger table row; never more than the population itself."""
    if population <= 0:
        raise ValueError("population must be positive")
    index = bisect.bisect_left(_POPULATIONS, population)
    required = KREJCIE_MORGAN[index][1] if index < len(KREJCIE_MORGAN) else BEYOND_TABLE
    return min(required, population)


def period_population(annual_users: int | None, days: int) -> int | None:
    """Users served in a period of `days`, pro rata from the yearly figure; None when unknown."""
    if annual_users is None or annual_users <= 0 or days <= 0:
        return None
    return max(1, math.ceil(annual_users * days / 365))


def sample_adequacy(respondents: int, population: int | None) -> str:
    """memadai, belum_memadai, or populasi_tidak_diketahui when the users served are unknown."""
    if population is None:
        return UNKNOWN_POPULATION
    return ADEQUATE if respondents >= minimum_sample(population) else INADEQUATE
