"""Kaplan–Meier median and 90th percentile with open complaints censored."""

from data_access.survival import kaplan_meier, km_quantile


def test_three_quick_and_seven_open_for_months_is_median_not_reached():
    durations = [2, 2, 2] + [80] * 7
    resolved = [True] * 3 + [False] * 7
    assert kaplan_meier(durations, resolved) == [(2, 0.7)]
    assert km_quantile(durations, resolved, 0.5) is None


def test_hand_computed_curve_with_ties_and_censoring():
    durations = [1, 2, 2, 3, 4, 5]
    resolved = [True, True, False, True, False, True]
    # t=1: 5/6; t=2: 5/6 x 4/5 = 2/3 (the one censored at 2 is still at risk at 2); t=3: 2/3 x 2/3 = 4/9; t=5: 0
    curve = kaplan_meier(durations, resolved)
    assert [t for t, _ in curve] == [1, 2, 3, 5]
    assert [round(s, 6) for _, s in curve] == [round(5 / 6, 6), round(2 / 3, 6), round(4 / 9, 6), 0.0]
    assert km_quantile(durations, resolved, 0.5) == 3
    assert km_quantile(durations, resolved, 0.9) == 5


def test_all_resolved_is_the_ordinary_median():
    assert km_quantile([1, 2, 3, 4], [True] * 4, 0.5) == 2
    assert km_quantile([1, 2, 3, 4], [True] * 4, 0.9) == 4


def test_no_data():
    assert kaplan_meier([], []) == []
    assert km_quantile([], [], 0.5) is None


def test_weights_stand_for_repeated_complaints():
    # The hand-computed curve above as a histogram: (2, resolved) twice becomes one pair of weight 2.
    durations, resolved, weights = [1, 2, 2, 3, 4, 5], [True, True, False, True, False, True], [1, 1, 1, 1, 1, 1]
    assert kaplan_meier([1, 2, 2, 3, 4, 5], resolved, weights) == kaplan_meier(durations, resolved)
    assert kaplan_meier([2, 80], [True, False], [3, 7]) == [(2, 0.7)]
    assert km_quantile([2, 80], [True, False], 0.5, [3, 7]) is None
    assert km_quantile([1, 2, 4], [True, True, True], 0.5, [1, 4, 5]) == 2  # 5 of 10 by day 2
