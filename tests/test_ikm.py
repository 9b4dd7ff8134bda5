"""IKM formula, grades and confidence interval, checked against hand-computed cases."""

import random
from fractions import Fraction

import pytest

from data_access.elements import ELEMENTS
from data_access.ikm import (
    grade_of,
    ikm_ci95,
    ikm_from_sums,
    round_half_up,
    t_quantile_975,
)


def _sums(total: int, n: int = 250) -> dict[str, int]:
    """Spread a total over the nine elements as evenly as possible (extra points to the first elements)."""
    base, extra = divmod(total, len(ELEMENTS))
    return {name: base + (1 if i < extra else 0) for i, name in enumerate(ELEMENTS)}


def test_250_questionnaires_totalling_7947_points_is_88_30_grade_b():
    result = ikm_from_sums(250, _sums(7947))
    # 7947 / (250 x 9) = 3.532 exactly; x 25 = 88.30
    assert result.ikm == 88.30
    assert (result.grade, result.label) == ("B", "Baik")
    assert result.elements["persyaratan"].nrr == 3.532


def test_one_point_more_reaches_grade_a():
    result = ikm_from_sums(250, _sums(7948))
    # 7948 / 2250 x 25 = 88.3111 -> 88.31, the lowest A
    assert result.ikm == 88.31
    assert (result.grade, result.label) == ("A", "Sangat Baik")


@pytest.mark.parametrize(
    "score, grade",
    [
        (100.0, "A"), (88.31, "A"), (88.305, "A"), (88.30, "B"), (88.3049, "B"), (76.61, "B"),
        (76.60, "C"), (76.605, "B"), (65.00, "C"), (64.995, "C"), (64.99, "D"), (25.0, "D"),
    ],
)
def test_grade_is_decided_on_the_value_rounded_to_two_decimals(score, grade):
    assert grade_of(score)[0] == grade


def test_rounding_is_half_up_not_bankers():
    assert round_half_up(88.305, 2) == 88.31
    assert round_half_up(76.605, 2) == 76.61
    assert round_half_up(2.5, 0) == 3.0


def test_weights_are_exactly_one_ninth_not_0_111():
    # Nine NRRs of 3.0,...: with weight 0.111 the sum of weights is 0.999 and 75.00 would print as 74.93.
    result = ikm_from_sums(10, dict.fromkeys(ELEMENTS, 30))
    assert result.ikm == 75.00


def test_element_scores_and_weakest_element():
    sums = dict.fromkeys(ELEMENTS, 350)
    sums["waktu"] = 260  # NRR 2.6 -> 65.00, grade C
    sums["biaya"] = 400  # NRR 4.0 -> 100
    result = ikm_from_sums(100, sums)
    assert result.weakest_element == "waktu"
    assert result.elements["waktu"].nrr == 2.6
    assert result.elements["waktu"].ikm == 65.00
    assert result.elements["waktu"].grade == "C"
    assert result.elements["biaya"].grade == "A"
    # (7 x 3.5 + 2.6 + 4.0) / 9 x 25 = 86.388... -> 86.39
    assert result.ikm == 86.39


def test_weakest_element_tie_goes_to_regulation_order():
    sums = dict.fromkeys(ELEMENTS, 300)
    sums["sarana"] = 200
    sums["prosedur"] = 200
    assert ikm_from_sums(100, sums).weakest_element == "prosedur"


def test_no_respondents_gives_no_result():
    assert ikm_from_sums(0, dict.fromkeys(ELEMENTS, 0)) is None


def test_answer_averages_outside_1_to_4_are_refused():
    with pytest.raises(ValueError):
        ikm_from_sums(10, dict.fromkeys(ELEMENTS, 50))


def test_ci95_small_sample_hand_computed_and_clipped_at_100():
    # Totals 27, 36, 18, 27 -> scores 75, 100, 50, 75; mean 75, s = 20.4124, t(3) = 3.182
    # half width = 3.182 x 20.4124 / 2 = 32.476 -> [42.52, 107.48] -> high clipped to 100.
    assert ikm_ci95(4, 108, 27**2 + 36**2 + 18**2 + 27**2) == (42.52, 100.0)


def test_ci95_large_sample_hand_computed():
    # 50 respondents scoring 75 and 50 scoring 100: mean 87.5, s = 12.5 x sqrt(100/99) = 12.5630,
    # t(99) = 1.98422 -> half width 2.4928 -> [85.01, 89.99]
    totals = [27] * 50 + [36] * 50
    assert ikm_ci95(100, sum(totals), sum(t * t for t in totals)) == (85.01, 89.99)


def test_ci95_needs_two_respondents_and_is_reported_with_the_result():
    assert ikm_ci95(1, 27, 729) is None
    result = ikm_from_sums(4, dict.fromkeys(ELEMENTS, 12), total_sum_squares=4 * 27**2)
    assert result.ci95 == (75.0, 75.0)


def test_t_quantiles():
    assert t_quantile_975(1) == 12.706
    assert t_quantile_975(30) == 2.042
    assert abs(t_quantile_975(99) - 1.98422) < 1e-4
    assert abs(t_quantile_975(10_000) - 1.96020) < 1e-4


def test_integer_rounding_agrees_with_exact_fractions_on_many_sums():
    """ikm_from_sums rounds exact rationals in integers; the paper rule on Fractions must give the same numbers."""
    rng = random.Random(8)
    for _ in range(3000):
        n = rng.randint(1, 5000)
        sums = {name: rng.randint(n, 4 * n) for name in ELEMENTS}
        result = ikm_from_sums(n, sums)
        exact = sum(Fraction(total, n) for total in sums.values()) / len(ELEMENTS) * 25
        assert result.ikm == round_half_up(exact, 2)
        for name, total in sums.items():
            assert result.elements[name].nrr == round_half_up(Fraction(total, n), 4)
            assert result.elements[name].ikm == round_half_up(Fraction(total * 25, n), 2)
