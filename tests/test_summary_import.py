"""`import skm-summary` (published SKM results, DOMAIN.md §1.8) on real SQLite and PostgreSQL databases: pooled
exactly with questionnaires, refused where a period would be counted twice, all or nothing, idempotent."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from data_access import ikm_queries, schema
from data_access.filters import Filters
from data_access.importers import import_file
from data_access.survey_intake import (
    InvalidSubmission,
    Submission,
    submit_questionnaire,
)
from data_access.workdays import WIB
from tests.test_importers import (
    ROOT,
    SURVEY_HEADER,
    TEMPLATES,
    count,
    load_units,
    problem_at,
    rejection,
    survey,
    write_csv,
    write_xlsx,
)

SUMMARY_HEADER = ["unit_code", "period_start", "period_end", "respondents", "persyaratan", "prosedur", "waktu",
                  "biaya", "produk", "kompetensi", "perilaku", "pengaduan", "sarana"]
# January–February 2025 of the MPP, 4 respondents. NRR x 4 per element: 12.4936, 14, 11, 16, 12, 13, 14, 10, 12.
JAN_FEB = ["3575-MPP", "2025-01-01", "2025-02-28", "4", "3.1234", "3.5", "2.75", "4", "3", "3.25", "3.5", "2.5", "3"]


def summary(**changes) -> list:
    row = dict(zip(SUMMARY_HEADER, JAN_FEB, strict=True))
    row.update(changes)
    return list(row.values())


def load_summaries(engine, tmp_path: Path, rows: list[list], name: str = "summary.csv") -> dict:
    return import_file(engine, "skm-summary", write_csv(tmp_path / name, SUMMARY_HEADER, rows))


def load_march_questionnaires(engine, tmp_path: Path) -> None:
    # One answering 4,3,4,3,4,3,4,3,4 (total 32) and one answering 3 everywhere (total 27).
    rows = [survey("Q-1", "2025-03-10 09:00"), survey("Q-2", "2025-03-11 09:00", **dict.fromkeys(SURVEY_HEADER[4:13],
                                                                                                  "3"))]
    import_file(engine, "surveys", write_csv(tmp_path / "surveys.csv", SURVEY_HEADER, rows))


def test_a_summary_pools_with_questionnaires_exactly(engine, tmp_path):
    load_units(engine, tmp_path)
    assert load_summaries(engine, tmp_path, [summary()])["added"] == 1
    load_march_questionnaires(engine, tmp_path)
    with engine.connect() as conn:
        pooled = ikm_queries.ikm_summary(conn, Filters(unit="3575-MPP", date_from=date(2025, 1, 1),
                                                       date_to=date(2025, 3, 31)))
        march = ikm_queries.ikm_summary(conn, Filters(unit="3575-MPP", date_from=date(2025, 3, 1),
                                                      date_to=date(2025, 3, 31)))
        months = ikm_queries.ikm_trend(conn, Filters(unit="3575-MPP"))
    # Element sums: summary NRR x 4 plus the two questionnaires' answers.
    #   persyaratan 12.4936 + 4 + 3 = 19.4936, prosedur 14 + 3 + 3 = 20, waktu 11 + 4 + 3 = 18, biaya 16 + 3 + 3 = 22,
    #   produk 12 + 4 + 3 = 19, kompetensi 13 + 3 + 3 = 19, perilaku 14 + 4 + 3 = 21, pengaduan 10 + 3 + 3 = 16,
    #   sarana 12 + 4 + 3 = 19; all nine: 173.4936 over 6 respondents.
    # IKM = 173.4936 / (9 x 6) x 25 = 4337.34 / 54 = 80.3211... -> 80.32 (B). The mean of the two parts' IKMs,
    # (114.4936 / 36 x 25 = 79.5094 and 59 / 18 x 25 = 81.9444) / 2 = 80.73, would weigh 4 respondents like 2.
    assert (pooled.respondents, pooled.ikm, pooled.grade) == (6, 80.32, "B")
    # persyaratan NRR 19.4936 / 6 = 3.24893... -> 3.2489; x 25 = 81.2233... -> 81.22.
    assert (pooled.elements["persyaratan"].nrr, pooled.elements["persyaratan"].ikm) == (3.2489, 81.22)
    assert pooled.weakest_element == "pengaduan"  # 16 / 6 = 2.6667
    assert pooled.ci95 is None and pooled.summary_respondents == 4
    # Questionnaires alone keep their interval: (32 + 27) / 18 x 25 = 81.94.
    assert march.ikm == 81.94 and march.ci95 is not None and march.summary_respondents == 0
    # The whole summary is counted in the month its period ends, never spread into months it has no detail of.
    assert [(p["period"], p["respondents"], p["summary_respondents"]) for p in months] == [
        ("2025-02", 4, 4), ("2025-03", 2, 0)
    ]


def test_reimport_adds_nothing_and_a_corrected_figure_updates_its_period(engine, tmp_path):
    load_units(engine, tmp_path)
    assert load_summaries(engine, tmp_path, [summary()])["added"] == 1
    again = load_summaries(engine, tmp_path, [summary()])
    assert (again["added"], again["updated"], again["unchanged"]) == (0, 0, 1)
    corrected = load_summaries(engine, tmp_path, [summary(respondents="5", waktu="2,8")])  # decimal comma
    assert (corrected["added"], corrected["updated"]) == (0, 1)
    with engine.connect() as conn:
        row = conn.execute(select(schema.skm_summaries)).one()
    assert (row.respondents, row.nrr_waktu, row.nrr_persyaratan) == (5, 28000, 31234)
    assert count(engine, schema.skm_summaries) == 1


def test_xlsx_dates_and_numbers_as_excel_stores_them(engine, tmp_path):
    load_units(engine, tmp_path)
    row = [date(2025, 1, 1), date(2025, 2, 28), 4, 3.1234, 3.5, 2.75, 4, 3, 3.25, 3.5, 2.5, 3]
    path = write_xlsx(tmp_path / "summary.xlsx", SUMMARY_HEADER, [["3575-MPP", *row]])
    assert import_file(engine, "skm-summary", path)["added"] == 1
    assert load_summaries(engine, tmp_path, [summary()])["unchanged"] == 1


def test_out_of_range_figures_reject_the_whole_file_listing_every_problem(engine, tmp_path):
    load_units(engine, tmp_path)
    rows = [
        summary(unit_code="3575-NOPE"),
        summary(period_start="2024-01-01", period_end="2024-06-30", persyaratan="4.5", waktu="0.9"),
        summary(period_start="2023-01-01", period_end="2023-06-30", respondents="0", sarana="3.12345"),
        summary(period_start="2022-07-01", period_end="2022-01-31", produk="tiga"),
        summary(period_start="2016-01-01", period_end="2099-12-31"),
    ]
    rejected = rejection(engine, "skm-summary", write_csv(tmp_path / "bad.csv", SUMMARY_HEADER, rows))
    assert "unknown unit code" in problem_at(rejected, 2, "unit_code").reason
    for row, column, value in [(3, "persyaratan", "4.5"), (3, "waktu", "0.9"), (4, "sarana", "3.12345"),
                               (5, "produk", "tiga")]:
        problem = problem_at(rejected, row, column)
        assert problem.value == value and "NRR, a number from 1 to 4 with at most 4 decimals" in problem.reason
    assert "whole number from 1" in problem_at(rejected, 4, "respondents").reason
    assert problem_at(rejected, 5, "period_end").reason == "must not be before period_start"
    assert "before 2017" in problem_at(rejected, 6, "period_start").reason
    assert "has not ended yet" in problem_at(rejected, 6, "period_end").reason
    assert count(engine, schema.skm_summaries) == 0


def test_periods_overlapping_in_the_file_are_refused(engine, tmp_path):
    load_units(engine, tmp_path)
    rows = [summary(), summary(period_start="2025-02-01", period_end="2025-03-31"),
            summary(unit_code="3514-PKM-NGEMPIT")]  # another unit's same period is fine
    rejected = rejection(engine, "skm-summary", write_csv(tmp_path / "overlap.csv", SUMMARY_HEADER, rows))
    assert [(p.row, p.column) for p in rejected.problems] == [(2, "period_start"), (3, "period_start")]
    assert "overlaps row 3's period of the same unit (2025-02-01 to 2025-03-31)" in rejected.problems[0].reason
    assert count(engine, schema.skm_summaries) == 0


def test_a_period_overlapping_a_stored_summary_is_refused(engine, tmp_path):
    load_units(engine, tmp_path)
    load_summaries(engine, tmp_path, [summary()])
    rejected = rejection(engine, "skm-summary", write_csv(
        tmp_path / "later.csv", SUMMARY_HEADER, [summary(period_start="2025-02-28", period_end="2025-05-31")]))
    assert "overlaps the stored summary of this unit for 2025-01-01 to 2025-02-28" in \
        problem_at(rejected, 2, "period_start").reason
    assert count(engine, schema.skm_summaries) == 1


def test_a_period_holding_the_units_questionnaires_is_refused(engine, tmp_path):
    load_units(engine, tmp_path)
    load_march_questionnaires(engine, tmp_path)
    rejected = rejection(engine, "skm-summary", write_csv(
        tmp_path / "q1.csv", SUMMARY_HEADER, [summary(period_end="2025-03-31"),
                                              summary(unit_code="3514-PKM-NGEMPIT", period_end="2025-03-31")]))
    problem = problem_at(rejected, 2, "period_start")
    assert problem.reason.startswith("2 questionnaires of this unit are already held for 2025-03-10 to 2025-03-11")
    assert "from its questionnaires or from its published summary, never both" in problem.reason
    assert len(rejected.problems) == 1  # Ngempit holds no questionnaires
    assert count(engine, schema.skm_summaries) == 0


def test_questionnaires_inside_a_summarised_period_are_refused(engine, tmp_path):
    load_units(engine, tmp_path)
    load_summaries(engine, tmp_path, [summary()])
    rows = [survey("IN-1", "2025-02-28 23:59"),  # the period's last WIB day
            survey("OUT-1", "2025-02-28T17:00:00Z"),  # 00:00 WIB on 1 March: after the period
            survey("OTHER-1", "2025-02-10 09:00", unit="3514-PKM-NGEMPIT")]
    rejected = rejection(engine, "surveys", write_csv(tmp_path / "s.csv", SURVEY_HEADER, rows))
    assert [(p.row, p.column) for p in rejected.problems] == [(2, "submitted_at")]
    assert "inside this unit's published summary of 2025-01-01 to 2025-02-28" in rejected.problems[0].reason
    assert count(engine, schema.survey_responses) == 0


def test_the_survey_form_is_refused_on_a_summarised_day(engine, tmp_path):
    load_units(engine, tmp_path)
    load_summaries(engine, tmp_path, [summary()])
    answers = dict.fromkeys(SURVEY_HEADER[4:13], 3)
    with pytest.raises(InvalidSubmission) as caught:
        submit_questionnaire(engine, Submission("3575-MPP", answers), now=_wib(2025, 2, 28, 10))
    assert caught.value.problems == [("unit", "summarised_period")]
    assert submit_questionnaire(engine, Submission("3575-MPP", answers), now=_wib(2025, 3, 1, 10))
    assert count(engine, schema.survey_responses) == 1


def _wib(*args: int):
    from datetime import datetime

    return datetime(*args, tzinfo=WIB)


def test_the_template_imports_cleanly(engine):
    import_file(engine, "units", TEMPLATES / "units.csv")
    import_file(engine, "surveys", TEMPLATES / "surveys.csv")
    assert import_file(engine, "skm-summary", TEMPLATES / "skm-summary.csv")["added"] == 3


def _cli(url: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "data_access", "--url", url, *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)


def test_cli_import_and_report_ikm_with_summaries(engine, db_url, tmp_path):
    load_units(engine, tmp_path)
    bad = write_csv(tmp_path / "bad.csv", SUMMARY_HEADER, [summary(respondents="0")])
    refused = _cli(db_url, "import", "skm-summary", str(bad))
    assert refused.returncode == 2
    assert "row 2, column respondents, value '0'" in refused.stdout + refused.stderr
    good = write_csv(tmp_path / "good.csv", SUMMARY_HEADER, [summary()])
    assert _cli(db_url, "import", "skm-summary", str(good)).returncode == 0
    load_march_questionnaires(engine, tmp_path)
    done = _cli(db_url, "report", "ikm", "--unit", "3575-MPP")
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    # The pooled figures of test_a_summary_pools_with_questionnaires_exactly; no interval with a summary inside.
    assert (payload["respondents"], payload["ikm"], payload["ci95"], payload["summary_respondents"]) == (
        6, 80.32, None, 4)
    by_unit = json.loads(_cli(db_url, "report", "ikm", "--by", "unit").stdout)["units"]
    assert [(u["unit_code"], u["ikm"], u["ci95"], u["summary_respondents"]) for u in by_unit] == [
        ("3575-MPP", 80.32, None, 4)
    ]
