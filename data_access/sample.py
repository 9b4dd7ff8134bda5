"""Minimum respondents (Krejcie & Morgan, 95 %, P = 0.5, d = 0.05) and the sample-adequacy rule (DOMAIN.md §1.4)."""

from __future__ import annotations

import math

# Krejcie & Morgan's (1970) constants: chi-square for 1 degree of freedom at 95 % confidence, the population
# proportion that maximises the sample, and the margin of error. Every row of their published table is the formula
# below with these values, rounded to the nearest integer.
CHI_SQUARE = 3.841
PROPORTION = 0.5
MARGIN = 0.05

_SPREAD = CHI_SQUARE * PROPORTION * (1 - PROPORTION)

# What the minimum tends to as N grows (chi-square x P(1-P) / d^2 = 384.1, rounded): the table's 384 for 1,000,000
# and every larger population, reached by the formula itself, so no cut-off is needed.
LARGE_POPULATION_MINIMUM = math.floor(_SPREAD / MARGIN**2 + 0.5)

ADEQUATE = "memadai"
INADEQUATE = "belum_memadai"
UNKNOWN_POPULATION = "populasi_tidak_diketahui"


def minimum_sample(population: int) -> int:
    """Respondents needed for `population` users: s = chi2 N P(1-P) / (d^2 (N-1) + chi2 P(1-P)), rounded half up.

    s / N = chi2 P(1-P) / (d^2 (N-1) + chi2 P(1-P)) is at most 1, so the minimum never exceeds the users served.
    """
    if population <= 0:
        raise ValueError("population must be positive")
    exact = _SPREAD * population / (MARGIN**2 * (population - 1) + _SPREAD)
    return math.floor(exact + 0.5)


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
