"""The tables of Pimpinan, as the page, the Data page and the API give them: its own declared here; what falls due
and the official rankings are the Pengaduan and Kepuasan pages' tables over Pimpinan's region and quarter."""

from __future__ import annotations

from collections.abc import Callable

from components.complaints import tables as complaint_tables
from components.formatting import fmt_number
from components.i18n import t
from components.leadership import figures as leadership_data
from components.leadership import frames as lframes
from components.satisfaction import figures as ikm_data
from components.satisfaction import tables as satisfaction_tables
from components.table import Column, Table, titled
from data_access import config
from data_access.complaint_rules import DUE_SOON_WORKDAYS, STAGES
from data_access.filters import Filters
from data_access.ikm_queries import ranking
from data_access.leadership import COMPARISONS, quarter_filters
from data_access.periods import quarter_code


def _region(filters: Filters) -> Filters:
    """Pimpinan's only filter is the sidebar's region."""
    return Filters(region=filters.region)


def graded(filters: Filters) -> Filters:
    """The region over the quarter Pimpinan grades and ranks (periods.graded_quarter): what the rankings and the
    slipping units cover (here, not in the views, because the views import these tables)."""
    return quarter_filters(_region(filters), leadership_data.graded_quarter())


def _no_filters(filters: Filters) -> Filters:
    return Filters()


def _region_name(row: dict) -> str:
    return t(f"region.{row['region_code']}")


UNIT = Column("unit", "ikm.col.unit", "text", lambda r: r["name"], phone=True)
REGION = Column("region", "filter.region", "text", _region_name)
UNIT_CODE = Column("unit_code", "ikm.col.code", "code", link=True)

CROSSING_COLUMNS = (
    UNIT,
    REGION,
    Column("direction", "lead.col.direction", "text", lambda r: t(f"lead.direction.{r['direction']}")),
    Column("grade_before", "lead.col.grade_before", "grade", phone=True),
    Column("grade_now", "lead.col.grade_now", "grade", phone=True),
    Column("ikm_before", "lead.col.ikm_before", "score", decimals=2),
    Column("ikm_now", "lead.col.ikm_now", "score", decimals=2),
    Column("change", "lead.col.change", "points", decimals=2),
    Column("respondents_before", "lead.col.n_before", "people", decimals=0),
    Column("respondents_now", "lead.col.n_now", "people", decimals=0),
    UNIT_CODE,
)

OVERDUE_COLUMNS = (
    UNIT,
    REGION,
    Column("newly_overdue", "lead.col.newly", "complaints", decimals=0, phone=True),
    # The stage counts are of the newly overdue complaints, not of every complaint open at that stage.
    *(Column(stage, f"complaints.stage.{stage}", "complaints", decimals=0, entry="lead.col.newly_stage")
      for stage in STAGES),
    Column("overdue", "lead.col.overdue_total", "complaints", decimals=0),
    UNIT_CODE,
)


def target_rows(regions: list[dict], grade: str) -> list[dict]:
    """One row per region and measure (region_targets rows with the measure and the target grade)."""
    return [{**row, "measure": measure, "target_grade": grade}
            for row in regions for measure in lframes.TARGET_MEASURES]


def _target_part(index: int) -> Callable[[dict], str]:
    """One part of a row's target line (measure, value, target, distance), in the active language."""
    return lambda r: lframes.target_line(r, r["target_grade"], r["measure"])[index]


def _targets(filters: Filters) -> list[dict]:
    targets = config.targets()
    return target_rows(leadership_data.region_targets(targets, filters.region), targets.ikm_grade)


# Each measure writes its value, target and distance its own way ("88,30 (mutu B, n = 250)", "≤ 5 hari kerja",
# "lebih 3 pengaduan"): one number column could not hold them, so they stay the words the cards show.
TARGET_COLUMNS = (
    Column("region", "filter.region", "text", _region_name, phone=True),
    Column("measure", "lead.col.measure", "text", _target_part(0), phone=True),
    Column("value", "lead.col.value", "text", _target_part(1)),
    Column("target", "lead.col.target", "text", _target_part(2)),
    Column("distance", "lead.col.gap", "text", _target_part(3), phone=True),
)

OMBUDSMAN_COLUMNS = (
    Column("local_government", "lead.ombudsman.col.entity", "text", lambda r: r["entity"], phone=True),
    Column("role", "lead.ombudsman.col.role", "text",
           lambda r: t("lead.ombudsman.ours" if r["region_code"] else "lead.ombudsman.peer")),
    # A year is written as it is (2024, never 2.024).
    Column("year", "lead.ombudsman.col.year", "year", phone=True),
    Column("score", "lead.ombudsman.col.score", "compliance", decimals=2, phone=True),
    Column("band", "lead.ombudsman.col.band", "text"),
    Column("note", "lead.ombudsman.col.note", "text"),
    Column("source", "lead.ombudsman.col.source", "text"),
)


def comparison(filters: Filters) -> dict:
    """unit_comparison of the region over the graded quarter (`filters` as `graded` gives them)."""
    return leadership_data.unit_comparison(_region(filters), config.targets(), quarter_code(filters.date_from))


def _comparison_rows(filters: Filters) -> list[dict]:
    """unit_comparison's rows, each with the quarter before (its status names it)."""
    result = comparison(filters)
    return [{**row, "previous": result["previous"]} for row in result["units"]]


def _slipping_rows(filters: Filters) -> list[dict]:
    return [row for row in _comparison_rows(filters) if row["slipping"]]


def _quarter_title(key: str) -> Callable[[Filters], str]:
    """A title naming the graded quarter, whatever period the filters it is asked with hold (the Data page lists
    every table under its own filters)."""
    return lambda f: t(key, quarter=lframes.quarter_text(quarter_code(graded(f).date_from)))


# Names first with their region, then why: what a phone shows without scrolling sideways.
COMPARISON_COLUMNS = (
    UNIT,
    Column("region", "filter.region", "text", _region_name, phone=True),
    Column("status", "lead.col.status", "text", lambda r: lframes.slipping_status(r, r["previous"]), phone=True),
    Column("ikm", "ikm.col.ikm", "score", decimals=2),
    Column("ci_low", "ikm.col.ci_low", "score", decimals=2),
    Column("ci_high", "ikm.col.ci_high", "score", decimals=2),
    Column("ikm_previous", "lead.col.ikm_previous", "score", lambda r: r["ikm_before"], decimals=2),
    Column("ci_low_previous", "lead.col.ci_low_previous", "score", lambda r: r["ci_low_before"], decimals=2),
    Column("respondents", "ikm.col.respondents", "people", decimals=0),
    Column("minimum_sample", "ikm.col.minimum", "people", decimals=0),
    Column("standing", "lead.col.sample_status", "text", lframes.sample_status),
    UNIT_CODE,
)


def _left_out_title(filters: Filters) -> str:
    return t("ikm.ranking.left_out", n=fmt_number(len(ranking(ikm_data.by_unit(filters))[1])))


CROSSINGS = {c: Table(f"pimpinan-pindah-mutu-{c}", "pimpinan", lambda f, c=c: lframes.crossings_title(c),
                      lambda f, c=c: leadership_data.crossings(f, c)["units"], CROSSING_COLUMNS,
                      f"pimpinan-pindah-mutu-{c}", scope=_region)
             for c in COMPARISONS}
NEWLY_OVERDUE = {c: Table(f"pimpinan-baru-lewat-batas-{c}", "pimpinan", lambda f, c=c: lframes.overdue_title(c),
                          lambda f, c=c: leadership_data.newly_overdue(f, c)["units"], OVERDUE_COLUMNS,
                          f"pimpinan-baru-lewat-batas-{c}", scope=_region)
                 for c in COMPARISONS}
TARGETS = Table("pimpinan-target", "pimpinan", titled("lead.targets.title"), _targets, TARGET_COLUMNS,
                "pimpinan-target", scope=_region)
OMBUDSMAN = Table("pimpinan-ombudsman", "pimpinan", titled("lead.ombudsman.title"),
                  lambda f: lframes.ombudsman_rows(leadership_data.ombudsman_history()), OMBUDSMAN_COLUMNS,
                  "pimpinan-ombudsman", scope=_no_filters)

SLIPPING = Table("pimpinan-menurun", "pimpinan", _quarter_title("lead.slipping.title"), _slipping_rows,
                 COMPARISON_COLUMNS, "pimpinan-menurun", scope=graded)
BY_INTERVAL = Table("pimpinan-selang-kepercayaan", "pimpinan", _quarter_title("lead.slipping.all_title"),
                    _comparison_rows, COMPARISON_COLUMNS, "pimpinan-selang-kepercayaan", scope=graded)

# Pengaduan's tables over Pimpinan's region, and over its graded quarter.
DUE = Table("pimpinan-jatuh-tempo", "pimpinan", titled("complaints.due.heading", days=DUE_SOON_WORKDAYS),
            complaint_tables.due_rows, complaint_tables.DUE_COLUMNS, "pimpinan-jatuh-tempo", scope=_region)
COMPLAINT_RANKING = Table("pimpinan-peringkat-pengaduan", "pimpinan", titled("lead.rankings.complaints_title"),
                          complaint_tables.ranked_rows, complaint_tables.RANKING_COLUMNS,
                          "pimpinan-peringkat-pengaduan", scope=graded)
# Kepuasan's ranking and its left-out units over Pimpinan's graded quarter.
IKM_RANKING = Table("pimpinan-peringkat-ikm", "pimpinan", titled("lead.rankings.ikm_title"),
                    satisfaction_tables.ranked_rows, satisfaction_tables.RANKING_COLUMNS, "pimpinan-peringkat-ikm",
                    scope=graded)
IKM_LEFT_OUT = Table("pimpinan-tidak-diperingkat", "pimpinan", _left_out_title, satisfaction_tables.left_out_rows,
                     satisfaction_tables.LEFT_OUT_COLUMNS, "pimpinan-tidak-diperingkat", scope=graded)

TABLES = (
    *CROSSINGS.values(),
    *NEWLY_OVERDUE.values(),
    DUE,
    TARGETS,
    SLIPPING,
    BY_INTERVAL,
    IKM_RANKING,
    IKM_LEFT_OUT,
    COMPLAINT_RANKING,
    OMBUDSMAN,
)
