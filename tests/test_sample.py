"""Krejcie & Morgan minimum sample and the sample-adequacy rule."""

import pytest

from data_access.sample import minimum_sample, period_population, sample_adequacy


@pytest.mark.parametrize(
    "population, minimum",
    [
        (10, 10), (20, 19), (100, 80), (150, 132), (201, 169), (300, 169), (1_000, 278),
        (1_001, 322), (10_000, 370), (75_000, 382), (100_000, 384), (1_000_000, 384), (5_000_000, 384),
    ],
)
def test_minimum_sample_uses_the_next_larger_table_row(population, minimum):
    assert minimum_sample(population) == minimum


def test_never_more_respondents_than_users():
    # The next larger row can ask for more people than were served (101 users -> row 200 -> 132): cap at N.
    assert minimum_sample(5) == 5
    assert minimum_sample(11) == 11
    assert minimum_sample(101) == 101


def test_population_must_be_positive():
    with pytest.raises(ValueError):
        minimum_sample(0)


def test_period_population_is_pro_rata_rounded_up():
    assert period_population(3_650, 30) == 300
    assert period_population(1_000, 1) == 3  # 2.74 -> 3
    assert period_population(None, 30) is None


def test_sample_adequacy():
    assert sample_adequacy(169, 300) == "memadai"
    assert sample_adequacy(168, 300) == "belum_memadai"
    assert sample_adequacy(500, None) == "populasi_tidak_diketahui"
