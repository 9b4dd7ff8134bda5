"""IKM queries on real databases (SQLite and PostgreSQL): per unit and region, CI, sample rule, ranking, trend,
profile, weakest element, unit card, and perception against operations — every figure computed by hand."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import insert

from data_access import schema
from data_access.filters import Filters
from data_access.ikm_queries import (
    graded_quarter_on,
    ikm_by_region,
    ikm_by_unit,
    ikm_summary,
    ikm_trend,
    latest_quarter,
    profile_withheld,
    ranking,
    respondent_profile,
    unit_current,
    unit_detail,
)
from data_access.perception import (
    FAST,
    FAST_BUT_UNSATISFIED,
    MIDDLE,
    SATISFIED_BUT_SLOW,
    SLOW,
    disagreement,
    perception_by_unit,
    response_speed,
)
from data_access.rollups import refresh_for_instants
from data_access.sample import ADEQUATE, INADEQUATE, UNKNOWN_POPULATION
from tests.factories import add_complaint, add_done_when_units, add_questionnaires, add_unit, answers, wib

NOW = datetime(2025, 8, 1, tzinfo=UTC)
Q2_2025 = Filters(date_from=date(2025, 4, 1), date_to=date(2025, 6, 30))  # 91 days


def test_two_mpp_units_of_88_30_b_and_88_32_a(engine):
    add_done_when_units(engine)
    with engine.connect() as conn:
        rows = {row["unit_code"]: row for row in ikm_by_unit(conn, Filters())}
        regions = ikm_by_region(conn, Filters())
    assert (rows["3575-MPP"]["ikm"], rows["3575-MPP"]["grade"], rows["3575-MPP"]["respondents"]) == (88.30, "B", 250)
    assert (rows["3514-MPP"]["ikm"], rows["3514-MPP"]["grade"], rows["3514-MPP"]["respondents"]) == (88.32, "A", 625)
    assert (regions["35.75"].ikm, regions["35.14"].ikm) == (88.30, 88.32)


def test_confidence_interval_of_each_unit(engine):
    add_done_when_units(engine)
    with engine.connect() as conn:
        rows = {row["unit_code"]: row for row in ikm_by_unit(conn, Filters())}
    # answers_totalling gives 133 respondents all 4 (score 100) and 117 all 3 (score 75): mean 88.30,
    # s = 25 x sqrt(0.532 x 0.468 x 250/249) = 12.4994, t(249) = 1.96954, half width 1.96954 x 12.4994 / sqrt(250)
    # = 1.5570 -> [86.74, 89.86].
    assert rows["3575-MPP"]["ci95"] == [86.74, 89.86]
    # 333 x 100 and 292 x 75: s = 25 x sqrt(0.5328 x 0.4672 x 625/624) = 12.4831, t(624) = 1.96377,
    # half width 0.9806 -> [87.34, 89.30].
    assert rows["3514-MPP"]["ci95"] == [87.34, 89.30]


def test_sample_adequacy_uses_the_users_of_the_period(engine):
    add_done_when_units(engine)
    with engine.connect() as conn:
        rows = {row["unit_code"]: row for row in ikm_by_unit(conn, Filters())}
        quarter = {row["unit_code"]: row for row in ikm_by_unit(conn, Q2_2025)}
    # Data span 5 May – 10 Jun = 37 days: 20,000 x 37 / 365 = 2027.4 -> 2,028 users -> Krejcie & Morgan 323.07 -> 323.
    assert (rows["3514-MPP"]["population"], rows["3514-MPP"]["minimum_sample"]) == (2028, 323)
    assert rows["3514-MPP"]["sample"] == ADEQUATE
    assert rows["3575-MPP"]["sample"] == UNKNOWN_POPULATION and rows["3575-MPP"]["minimum_sample"] is None
    # The quarter's 91 days: 20,000 x 91 / 365 = 4986.3 -> 4,987 users -> 356.70 -> 357.
    assert (quarter["3514-MPP"]["population"], quarter["3514-MPP"]["minimum_sample"]) == (4987, 357)


def test_ranking_leaves_out_small_samples_and_unknown_populations_with_the_reason(engine):
    # Q2 2025 has 91 days. 3,650 users a year -> 910 in the quarter -> 270.30 -> 270 respondents needed.
    enough = add_unit(engine, "3575-CUKUP", annual_users=3650)
    add_questionnaires(engine, enough, [answers(3)] * 300, wib(2025, 5, 5, 9))  # 75.00, 300 >= 270
    short = add_unit(engine, "3575-KURANG", annual_users=3650)
    add_questionnaires(engine, short, [answers(4)] * 100, wib(2025, 5, 5, 9))  # 100.00 but 100 < 270
    unknown = add_unit(engine, "3575-TIDAKTAHU")
    add_questionnaires(engine, unknown, [answers(4)] * 50, wib(2025, 5, 5, 9))  # no annual_users
    # 400 users a year -> 99.7 -> 100 in the quarter -> 80 needed; exactly 80 answered: adequate.
    edge = add_unit(engine, "3575-PAS", annual_users=400)
    add_questionnaires(engine, edge, [answers(3, waktu=4)] * 80, wib(2025, 5, 5, 9))  # (8x3 + 4)/9 x 25 = 77.78
    with engine.connect() as conn:
        rows = ikm_by_unit(conn, Q2_2025)
    ranked, left_out = ranking(rows)
    assert [(r["unit_code"], r["ikm"]) for r in ranked] == [("3575-PAS", 77.78), ("3575-CUKUP", 75.0)]
    reasons = {r["unit_code"]: (r["sample"], r["respondents"], r["minimum_sample"]) for r in left_out}
    assert reasons == {"3575-KURANG": (INADEQUATE, 100, 270), "3575-TIDAKTAHU": (UNKNOWN_POPULATION, 50, None)}


def test_weakest_element_per_unit_and_its_scores(engine):
    slow = add_unit(engine, "3575-LAMBAT")
    # Four questionnaires: waktu 2, all else 3 -> waktu 50.00 (D), others 75.00; IKM (8x3 + 2)/9 x 25 = 72.22 C.
    add_questionnaires(engine, slow, [answers(3, waktu=2)] * 4, wib(2025, 5, 5, 9))
    tied = add_unit(engine, "3575-SERI")
    # sarana and prosedur tie at 2.5 (62.50): the regulation's order names prosedur.
    add_questionnaires(engine, tied, [answers(3, sarana=2), answers(3, prosedur=2)] * 2, wib(2025, 5, 5, 9))
    with engine.connect() as conn:
        rows = {row["unit_code"]: row for row in ikm_by_unit(conn, Filters())}
        overall = ikm_summary(conn, Filters())
    assert rows["3575-LAMBAT"]["weakest_element"] == "waktu"
    assert rows["3575-LAMBAT"]["elements"]["waktu"] == 50.0 and rows["3575-LAMBAT"]["element_grades"]["waktu"] == "D"
    assert rows["3575-LAMBAT"]["elements"]["biaya"] == 75.0 and rows["3575-LAMBAT"]["element_grades"]["biaya"] == "C"
    assert (rows["3575-LAMBAT"]["ikm"], rows["3575-LAMBAT"]["grade"]) == (72.22, "C")
    assert rows["3575-SERI"]["elements"]["sarana"] == rows["3575-SERI"]["elements"]["prosedur"] == 62.5
    assert rows["3575-SERI"]["weakest_element"] == "prosedur"
    # Both units together: waktu (4x2 + 4x3)/8 = 2.5 is below prosedur and sarana (2x2 + 6x3)/8 = 2.75.
    assert overall.weakest_element == "waktu" and overall.elements["waktu"].ikm == 62.5


def test_trend_by_month_and_quarter_with_wib_month_ends(engine):
    unit = add_unit(engine, "3575-TREN", region="35.75")
    other = add_unit(engine, "3514-TREN", region="35.14")
    add_questionnaires(engine, unit, [answers(3)] * 10, wib(2025, 1, 31, 23, 30))  # still January in WIB
    add_questionnaires(engine, unit, [answers(4)] * 10, wib(2025, 2, 1, 0, 30))
    add_questionnaires(engine, unit, [answers(2)] * 20, wib(2025, 4, 15, 9))
    add_questionnaires(engine, other, [answers(4)] * 5, wib(2025, 4, 15, 9))
    with engine.connect() as conn:
        months = ikm_trend(conn, Filters(region="35.75"), "month")
        quarters = ikm_trend(conn, Filters(region="35.75"), "quarter")
        by_region = ikm_trend(conn, Filters(), "quarter", by_region=True)
    assert [(p["period"], p["respondents"], p["ikm"], p["grade"]) for p in months] == [
        ("2025-01", 10, 75.0, "C"), ("2025-02", 10, 100.0, "A"), ("2025-04", 20, 50.0, "D"),
    ]
    # Q1: ten scores of 75 and ten of 100 -> 87.50; s = 12.5 x sqrt(20/19) = 12.8247, t(19) = 2.093,
    # half width 2.093 x 12.8247 / sqrt(20) = 6.0021 -> [81.50, 93.50]. Q2: twenty identical 50s -> [50, 50].
    assert [(p["period"], p["respondents"], p["ikm"], p["ci95"]) for p in quarters] == [
        ("2025-Q1", 20, 87.5, [81.5, 93.5]), ("2025-Q2", 20, 50.0, [50.0, 50.0]),
    ]
    assert [(p["period"], p["region_code"], p["ikm"]) for p in by_region] == [
        ("2025-Q1", "35.75", 87.5), ("2025-Q2", "35.14", 100.0), ("2025-Q2", "35.75", 50.0),
    ]
    with engine.connect() as conn, pytest.raises(ValueError):
        ikm_trend(conn, Filters(), "week")


def test_respondent_profile_counts_with_blanks(engine):
    unit = add_unit(engine, "3575-PROFIL", region="35.75")
    other = add_unit(engine, "3514-PROFIL", region="35.14")
    at = wib(2025, 5, 5, 9)
    profiles = [
        (unit, "L", 24, "SMA", "Swasta", "qr"),
        (unit, "P", 25, "S1", "PNS", "qr"),
        (unit, "P", 70, "SMA", "Lainnya", "kertas"),
        (unit, None, None, None, None, None),
        (unit, "L", 30, "S1", "PNS", "web"),
        (other, "L", 40, "SMP", "Wirausaha", "web"),
    ]
    with engine.begin() as conn:
        conn.execute(insert(schema.survey_responses), [
            {"response_id": f"PR-{i}", "submitted_at": at, "unit_id": unit_id, "source": "import", **answers(3),
             "sex": sex, "age": age, "education": education, "occupation": occupation, "channel": channel}
            for i, (unit_id, sex, age, education, occupation, channel) in enumerate(profiles)
        ])
        refresh_for_instants(conn, at, at)
    with engine.connect() as conn:
        kota = respondent_profile(conn, Filters(region="35.75"))
        both = respondent_profile(conn, Filters())
        kabupaten = respondent_profile(conn, Filters(region="35.14"))
    assert kota == {
        "sex": {"L": 2, "P": 2, "": 1},
        "age_group": {"15-24": 1, "25-34": 2, "65+": 1, "": 1},
        "education": {"SMA": 2, "S1": 2, "": 1},
        "occupation": {"Swasta": 1, "PNS": 2, "Lainnya": 1, "": 1},
        "channel": {"qr": 2, "kertas": 1, "web": 1, "": 1},
    }
    assert both["sex"] == {"L": 3, "P": 2, "": 1} and both["age_group"]["35-44"] == 1
    # One respondent: their profile beside the scores would describe them, so it is withheld.
    assert kabupaten == {dimension: {} for dimension in kota}


@pytest.mark.parametrize("respondents, withheld", [(0, False), (1, True), (4, True), (5, False)])
def test_profile_withheld_below_five_respondents(respondents, withheld):
    assert profile_withheld(respondents) is withheld


def test_unit_detail_names_region_and_kecamatan(engine):
    add_unit(engine, "3575-MPP", region="35.75", kind="mpp", name="Mal Pelayanan Publik Kota Pasuruan",
             kecamatan_code="35.75.04", address="Jl. Pahlawan 28", annual_users=50_000)
    with engine.connect() as conn:
        detail = unit_detail(conn, "3575-MPP")
        assert unit_detail(conn, "3575-NOPE") is None
    assert detail["name"] == "Mal Pelayanan Publik Kota Pasuruan"
    assert (detail["region_code"], detail["region_name"]) == ("35.75", "Kota Pasuruan")
    assert (detail["kecamatan_code"], detail["kecamatan_name"]) == ("35.75.04", "Panggungrejo")
    assert (detail["kind"], detail["address"], detail["annual_users"]) == ("mpp", "Jl. Pahlawan 28", 50_000)
    assert (detail["latitude"], detail["longitude"]) == (-7.64, 112.9)


def test_unit_current_grades_the_last_complete_quarter_and_keeps_the_running_one_apart(engine):
    unit = add_unit(engine, "3575-KINI", annual_users=400)
    add_questionnaires(engine, unit, [answers(4)] * 10, wib(2025, 3, 31, 23))  # Q1
    add_questionnaires(engine, unit, [answers(3)] * 90, wib(2025, 5, 5, 9))  # Q2
    add_questionnaires(engine, unit, [answers(4)] * 5, wib(2025, 8, 4, 9))  # Q3, running on 15 August
    only_running = add_unit(engine, "3575-BARU")
    add_questionnaires(engine, only_running, [answers(2)] * 3, wib(2025, 8, 5, 9))
    with engine.connect() as conn:
        assert latest_quarter(conn, Filters(unit="3575-KINI")) == "2025-Q3"
        current = unit_current(conn, "3575-KINI", wib(2025, 8, 15, 10))
        fresh = unit_current(conn, "3575-BARU", wib(2025, 8, 15, 10))
        after = unit_current(conn, "3575-KINI", wib(2025, 10, 1, 0, 30))  # Q3 has just ended (WIB)
        assert unit_current(conn, "3575-NOPE", wib(2025, 8, 15, 10)) is None
    # Q2's 90 questionnaires, all 3s -> 75.00 C; 400 x 91 / 365 -> 100 users -> 80 needed -> adequate.
    graded = current["graded"]
    assert (current["period"], graded["period"], graded["respondents"], graded["ikm"], graded["grade"]) == (
        "2025-Q2", "2025-Q2", 90, 75.0, "C")
    assert (graded["population"], graded["minimum_sample"], graded["sample"]) == (100, 80, ADEQUATE)
    # The running Q3 so far: 5 questionnaires of 4s -> 100.00.
    assert (current["running"]["period"], current["running"]["respondents"], current["running"]["ikm"]) == (
        "2025-Q3", 5, 100.0)
    # Data only in the running quarter: nothing graded yet, the running figures apart (3 x all 2s -> 50.00).
    assert (fresh["period"], fresh["graded"]) == ("2025-Q2", None)
    assert (fresh["running"]["respondents"], fresh["running"]["ikm"]) == (3, 50.0)
    # On 1 October Q3 is complete: graded, and the running Q4 holds nothing yet.
    assert (after["period"], after["graded"]["respondents"], after["running"]) == ("2025-Q3", 5, None)


@pytest.mark.parametrize(
    "median, within, speed",
    [(None, None, None), (3, 85.0, FAST), (3, 84.9, MIDDLE), (5, 60.0, MIDDLE), (2, 59.9, SLOW), (6, 90.0, SLOW),
     (None, 40.0, SLOW)],
)
def test_response_speed_thresholds(median, within, speed):
    assert response_speed(median, within) == speed


@pytest.mark.parametrize(
    "grade, speed, complaints, flag",
    [("A", SLOW, 5, SATISFIED_BUT_SLOW), ("B", SLOW, 9, SATISFIED_BUT_SLOW), ("A", SLOW, 4, None),
     ("C", FAST, 5, FAST_BUT_UNSATISFIED), ("D", FAST, 5, FAST_BUT_UNSATISFIED), ("C", SLOW, 5, None),
     ("A", FAST, 5, None), ("B", MIDDLE, 5, None), ("C", None, 5, None)],
)
def test_disagreement_needs_five_complaints(grade, speed, complaints, flag):
    assert disagreement(grade, speed, complaints) == flag


def _complaints(engine, unit: int, count: int, answered_day: int) -> None:
    """`count` complaints forwarded Monday 7 July 2025 and first answered on `answered_day` July (no holidays)."""
    for _ in range(count):
        add_complaint(engine, unit, wib(2025, 7, 7, 8), "ditindaklanjuti", verified_at=wib(2025, 7, 7, 9),
                      first_response_at=wib(2025, 7, answered_day, 10))


def test_perception_flags_satisfied_but_slow_and_fast_but_unsatisfied(engine):
    at = wib(2025, 7, 1, 9)
    satisfied = add_unit(engine, "3575-PUAS")
    add_questionnaires(engine, satisfied, [answers(3, pengaduan=4)] * 5, at)  # pengaduan 100.00 A
    _complaints(engine, satisfied, 5, answered_day=16)  # 7..15 Jul: 7 working days > 5
    unhappy = add_unit(engine, "3575-KECEWA")
    add_questionnaires(engine, unhappy, [answers(3, pengaduan=2)] * 5, at)  # pengaduan 50.00 D
    _complaints(engine, unhappy, 5, answered_day=8)  # 1 working day
    few = add_unit(engine, "3575-SEDIKIT")
    add_questionnaires(engine, few, [answers(4)] * 5, at)
    _complaints(engine, few, 4, answered_day=16)  # slow, but 4 complaints are too few to judge
    quiet = add_unit(engine, "3575-SEPI")
    add_questionnaires(engine, quiet, [answers(3)] * 5, at)
    with engine.connect() as conn:
        rows = {r["unit_code"]: r for r in perception_by_unit(conn, Filters(), NOW)}
    summary = {code: (r["element_ikm"], r["element_grade"], r["complaints"], r["first_response_median_workdays"],
                      r["first_response_within_limit_pct"], r["speed"], r["flag"]) for code, r in rows.items()}
    assert summary == {
        "3575-PUAS": (100.0, "A", 5, 7, 0.0, SLOW, SATISFIED_BUT_SLOW),
        "3575-KECEWA": (50.0, "D", 5, 1, 100.0, FAST, FAST_BUT_UNSATISFIED),
        "3575-SEDIKIT": (100.0, "A", 4, 7, 0.0, SLOW, None),
        "3575-SEPI": (75.0, "C", 0, None, None, None, None),
    }


def test_the_graded_quarter_is_the_newest_complete_one_holding_questionnaires(engine):
    unit = add_unit(engine, "3575-GRADE")
    with engine.connect() as conn:
        assert graded_quarter_on(conn, date(2026, 12, 5)) == "2026-Q3"  # none at all: the last complete quarter
    add_questionnaires(engine, unit, [answers(3)] * 5, wib(2025, 5, 5, 9))
    add_questionnaires(engine, unit, [answers(3)] * 5, wib(2026, 12, 1, 9))  # in the running quarter
    with engine.connect() as conn:
        # Q3 2026 holds none: the newest complete quarter with questionnaires is Q2 2025, not an empty Q3.
        assert graded_quarter_on(conn, date(2026, 12, 5)) == "2025-Q2"
        assert graded_quarter_on(conn, date(2025, 6, 30)) == "2025-Q1"  # Q2 still running then; nothing before it
    add_questionnaires(engine, unit, [answers(3)] * 5, wib(2026, 9, 30, 23))  # 30 Sep, the end of Q3
    with engine.connect() as conn:
        assert graded_quarter_on(conn, date(2026, 12, 5)) == "2026-Q3"
        assert graded_quarter_on(conn, date(2027, 1, 2)) == "2026-Q4"  # the December questionnaires' quarter
