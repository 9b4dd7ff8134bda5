"""Minimum sample (Krejcie & Morgan's formula) and the sample-adequacy rule, held to the whole published table."""

import pytest

from data_access.sample import (
    LARGE_POPULATION_MINIMUM,
    minimum_sample,
    period_population,
    sample_adequacy,
)

# Krejcie & Morgan (1970), as reprinted in PermenPANRB 14/2017: all 90 rows (population N, minimum respondents s),
# copied from DOMAIN.md §1.4. Published reference data, not figures produced by our code.
KREJCIE_MORGAN_TABLE = (
    (10, 10), (15, 14), (20, 19), (25, 24), (30, 28), (35, 32), (40, 36), (45, 40), (50, 44), (55, 48),
    (60, 52), (65, 56), (70, 59), (75, 63), (80, 66), (85, 70), (90, 73), (95, 76), (100, 80), (110, 86),
    (120, 92), (130, 97), (140, 103), (150, 108), (160, 113), (170, 118), (180, 123), (190, 127), (200, 132),
    (210, 136), (220, 140), (230, 144), (240, 148), (250, 152), (260, 155), (270, 159), (280, 162), (290, 165),
    (300, 169), (320, 175), (340, 181), (360, 186), (380, 191), (400, 196), (420, 201), (440, 205), (460, 210),
    (480, 214), (500, 217), (550, 226), (600, 234), (650, 242), (700, 248), (750, 254), (800, 260), (850, 265),
    (900, 269), (950, 274), (1_000, 278), (1_100, 285), (1_200, 291), (1_300, 297), (1_400, 302), (1_500, 306),
    (1_600, 310), (1_700, 313), (1_800, 317), (1_900, 320), (2_000, 322), (2_200, 327), (2_400, 331),
    (2_600, 335), (2_800, 338), (3_000, 341), (3_500, 346), (4_000, 351), (4_500, 354), (5_000, 357),
    (6_000, 361), (7_000, 364), (8_000, 367), (9_000, 368), (10_000, 370), (15_000, 375), (20_000, 377),
    (30_000, 379), (40_000, 380), (50_000, 381), (75_000, 382), (1_000_000, 384),
)


def test_the_reference_table_is_complete():
    assert len(KREJCIE_MORGAN_TABLE) == 90
    populations = [n for n, _ in KREJCIE_MORGAN_TABLE]
    assert populations == sorted(set(populations))


@pytest.mark.parametrize("population, minimum", KREJCIE_MORGAN_TABLE)
def test_formula_reproduces_every_published_row(population, minimum):
    assert minimum_sample(population) == minimum


@pytest.mark.parametrize(
    "population, minimum",
    [
        # Between rows the formula is used, not the next larger row (the old rule asked 132 for N = 150 and 101
        # for N = 101, which left adequate units out of rankings).
        (101, 80), (201, 132), (1_001, 278), (2_028, 323), (4_987, 357), (910, 270),
    ],
)
def test_between_rows_the_formula_gives_the_nearest_integer(population, minimum):
    # 101: 80.14; 201: 132.18; 1,001: 277.79; 2,028: 323.07; 4,987: 356.70; 910: 270.30 (by hand from the formula).
    assert minimum_sample(population) == minimum


@pytest.mark.parametrize("population", [1_000_001, 5_000_000, 10**9, 10**15])
def test_above_a_million_the_minimum_is_384(population):
    # The formula tends to 3.841 x 0.25 / 0.0025 = 384.1 as N grows, so it stays at the table's last row.
    assert minimum_sample(population) == LARGE_POPULATION_MINIMUM == 384


def test_never_more_respondents_than_users():
    assert [minimum_sample(n) for n in (1, 2, 5, 14)] == [1, 2, 5, 14]
    assert minimum_sample(15) == 14
    assert all(minimum_sample(n) <= n for n in range(1, 20_001))


def test_minimum_never_falls_as_users_grow():
    minima = [minimum_sample(n) for n in range(1, 20_001)]
    assert minima == sorted(minima)


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
    assert sample_adequacy(108, 150) == "memadai"  # 132 under the old next-larger-row rule
    assert sample_adequacy(107, 150) == "belum_memadai"
    assert sample_adequacy(500, None) == "populasi_tidak_diketahui"
