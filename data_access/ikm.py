"""The IKM index (PermenPANRB 14/2017): NRR per element, exact 1/9 weights, x25, grades A–D.

Computed from integer sums with exact fractions, so the only rounding is the final one to 2 decimals
(half up), exactly as the regulation's worked examples do.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from data_access.elements import ELEMENTS, MAX_ANSWER, MIN_ANSWER

SCALE = 25  # IKM unit pelayanan = IKM (1–4) x 25
# The ends of the IKM x 25 scale: every answer the lowest, or every answer the highest.
LOWEST_SCORE = MIN_ANSWER * SCALE
HIGHEST_SCORE = MAX_ANSWER * SCALE
IKM_DECIMALS = 2
NRR_DECIMALS = 4

# (lowest IKM x 25 after rounding to 2 decimals, grade, mutu label) — DOMAIN.md §1.3.
GRADE_BANDS: tuple[tuple[float, str, str], ...] = (
    (88.31, "A", "Sangat Baik"),
    (76.61, "B", "Baik"),
    (65.00, "C", "Kurang Baik"),
    (25.00, "D", "Tidak Baik"),
)
GRADES: tuple[str, ...] = tuple(band[1] for band in GRADE_BANDS)

# Two-sided 95 % Student t quantiles for 1..30 degrees of freedom; beyond, a series is exact to 1e-4.
_T975 = (
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
    2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
    2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
)
_Z975 = 1.959963984540054


def round_half_up(value: Fraction | float, decimals: int) -> float:
    """Round as people do on paper (88.305 -> 88.31), not banker's rounding."""
    if isinstance(value, Fraction):
        exact = Decimal(value.numerator) / Decimal(value.denominator)
    else:
        exact = Decimal(repr(value))
    return float(exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))


def _ratio_half_up(numerator: int | Fraction, denominator: int, decimals: int) -> float:
    """numerator / denominator (non-negative, the denominator an integer) rounded half up to `decimals`, exactly."""
    numerator = Fraction(numerator)
    denominator *= numerator.denominator
    numerator = numerator.numerator
    scale = 10**decimals
    return (2 * numerator * scale + denominator) // (2 * denominator) / scale


def grade_of(score: Fraction | float) -> tuple[str, str]:
    """(grade, label) of an IKM x 25 score, classified on its 2-decimal rounding."""
    rounded = round_half_up(score, IKM_DECIMALS)
    for lowest, grade, label in GRADE_BANDS:
        if rounded >= lowest:
            return grade, label
    return GRADE_BANDS[-1][1], GRADE_BANDS[-1][2]


@dataclass(frozen=True)
class ElementScore:
    nrr: float  # 1–4 scale, 4 decimals
    ikm: float  # x 25, 2 decimals
    grade: str


@dataclass(frozen=True)
class IkmResult:
    respondents: int
    ikm: float
    grade: str
    label: str
    elements: dict[str, ElementScore]
    ci95: tuple[float, float] | None
    weakest_element: str
    # Respondents counted from published summaries (DOMAIN.md §1.8): with any, there is no CI (see ikm_from_sums).
    summary_respondents: int = 0

    def as_json(self) -> dict:
        return {
            "respondents": self.respondents,
            "ikm": self.ikm,
            "grade": self.grade,
            "label": self.label,
            "elements": {
                name: {"nrr": score.nrr, "ikm": score.ikm, "grade": score.grade}
                for name, score in self.elements.items()
            },
            "ci95": list(self.ci95) if self.ci95 else None,
            "weakest_element": self.weakest_element,
            "summary_respondents": self.summary_respondents,
        }


def t_quantile_975(df: int) -> float:
    """The 97.5 % quantile of Student's t with df degrees of freedom."""
    if df < 1:
        raise ValueError("degrees of freedom must be at least 1")
    if df <= len(_T975):
        return _T975[df - 1]
    z = _Z975
    return z + (z**3 + z) / (4 * df) + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * df**2)


def ikm_ci95(respondents: int, total_sum: int, total_sum_squares: int) -> tuple[float, float] | None:
    """95 % confidence interval of IKM x 25 from respondents' total scores.

    Each respondent answers all nine elements, so the IKM is the mean of the respondents' own scores
    (their nine answers / 9 x 25); the interval is that mean ± t·s/√n, kept within 25–100.
    """
    if respondents < 2:
        return None
    n = respondents
    variance_totals = Fraction(total_sum_squares * n - total_sum * total_sum, n * (n - 1))
    if variance_totals < 0:
        raise ValueError("sum of squares is smaller than the sums allow")
    mean = Fraction(total_sum * SCALE, len(ELEMENTS) * n)
    half_width = t_quantile_975(n - 1) * math.sqrt(variance_totals / n) * SCALE / len(ELEMENTS)
    low = max(float(mean) - half_width, LOWEST_SCORE)
    high = min(float(mean) + half_width, HIGHEST_SCORE)
    return round_half_up(low, IKM_DECIMALS), round_half_up(high, IKM_DECIMALS)


def ikm_from_sums(
    respondents: int,
    element_sums: dict[str, int | Fraction],
    total_sum_squares: int | None = None,
    summary_respondents: int = 0,
) -> IkmResult | None:
    """IKM from the number of respondents and each element's sum of answers (every answer present).

    total_sum_squares is the sum over respondents of (their nine answers added up) squared, for the CI.
    summary_respondents of the respondents come from published summaries, whose sums (NRR x respondents) may be
    fractions; their respondents' own scores are unknown, so with any of them there is no CI.
    """
    if respondents <= 0:
        return None
    missing = set(ELEMENTS) - set(element_sums)
    if missing:
        raise ValueError(f"element sums missing: {sorted(missing)}")
    sums = {name: Fraction(element_sums[name]) for name in ELEMENTS}
    for name, total in sums.items():
        if not respondents <= total <= 4 * respondents:
            raise ValueError(f"{name}: average {float(total / respondents):.3f} is outside 1–4")
    # Exact rationals rounded in integers: the same result as Fraction and Decimal, at a fraction of the cost on
    # pages that grade hundreds of units.
    total_sum = sum(sums.values())
    ikm = _ratio_half_up(total_sum * SCALE, len(ELEMENTS) * respondents, IKM_DECIMALS)
    grade, label = grade_of(ikm)
    elements = {}
    for name, total in sums.items():
        element_ikm = _ratio_half_up(total * SCALE, respondents, IKM_DECIMALS)
        elements[name] = ElementScore(_ratio_half_up(total, respondents, NRR_DECIMALS), element_ikm,
                                      grade_of(element_ikm)[0])
    with_ci = total_sum_squares is not None and summary_respondents == 0
    ci = ikm_ci95(respondents, int(total_sum), int(total_sum_squares)) if with_ci else None
    weakest = min(ELEMENTS, key=lambda name: sums[name])  # same respondents; ties: the first in the regulation's order
    return IkmResult(respondents, ikm, grade, label, elements, ci, weakest, summary_respondents)
