"""The complaint tables of Pengaduan, declared once: the page shows and downloads them, the Data page and the API
list them. Pimpinan shows two of them for its own filters: DUE_COLUMNS with due_rows and RANKING_COLUMNS with
ranked_rows are exported for its declarations.

A suppressed count is the text "<5" wherever a count is written (screen, CSV, XLSX, API): a count column holding
one stays text."""

from __future__ import annotations

from collections.abc import Callable

from components.complaints import figures as complaint_data
from components.complaints import frames as cframes
from components.i18n import t
from components.table import Column, Table, titled
from data_access.complaint_queries import VOLUME_DIMENSIONS
from data_access.complaint_rules import CATEGORIES, DUE_SOON_WORKDAYS, STAGES
from data_access.filters import Filters


def _count(key: str) -> Callable[[dict], int | str]:
    """A count, or "<5" where it is suppressed (None)."""
    return lambda row: cframes.suppressed_text() if row[key] is None else row[key]


def _region(row: dict) -> str:
    return t(f"region.{row['region_code']}")


def _or_not_reached(key: str) -> Callable[[dict], int | str | None]:
    """Working days of a Kaplan–Meier quantile; where there is none, 'belum tercapai' if the row has complaints
    (they are still waiting for it), else blank."""
    return lambda row: row[key] if row[key] is not None else (
        t("complaints.not_reached") if row["complaints"] else None)


def _stage_columns() -> tuple[Column, ...]:
    """The open complaints per stage they wait in: one column per stage clock."""
    return tuple(Column(stage, f"complaints.stage.{stage}", "complaints", _count(stage), decimals=0,
                        entry="complaints.stage.*")
                 for stage in STAGES)


def _unit_name(row: dict) -> str:
    return row["name"]


# ------------------------------------------------------------------------------------------ volume and rates


def volume_columns(dimension: str) -> tuple[Column, ...]:
    return (
        Column(dimension, f"complaints.dim.{dimension}", "text", lambda r: cframes.label(dimension, r["value"]),
               phone=True),
        Column("complaints", "complaints.col.complaints", "complaints", _count("complaints"), decimals=0,
               phone=True),
        Column("share_pct", "complaints.col.share", "pct", decimals=1),
    )


def _volume_rows(dimension: str) -> Callable[[Filters], list[dict]]:
    return lambda filters: cframes.most_first(complaint_data.volume(filters, dimension))


RATE_COLUMNS = (
    Column("region", "complaints.col.region", "text", _region, phone=True),
    Column("complaints", "complaints.col.complaints", "complaints", decimals=0),
    Column("population", "complaints.col.population", "people", decimals=0),
    Column("per_10k", "complaints.col.per_10k", "per10k", decimals=2, phone=True),
)

TREND_COLUMNS = (
    Column("month", "complaints.col.month", "month", phone=True),
    Column("region", "complaints.col.region", "text", _region, phone=True),
    Column("complaints", "complaints.col.complaints", "complaints", _count("complaints"), decimals=0),
    Column("per_10k", "complaints.col.per_10k", "per10k", decimals=2, phone=True),
)


def _trend_title(filters: Filters) -> str:
    """Counts instead of rates where the population is unknown (a kecamatan), as the page says."""
    return t("complaints.trend.title" if cframes.per_residents(complaint_data.trend(filters))
             else "complaints.trend.title_counts")


# ----------------------------------------------------------------------------------------- timings and funnel

# Stage clocks count whole working days, so their medians and 90th percentiles are whole numbers.
TIMING_COLUMNS = (
    Column("stage", "complaints.col.stage", "text", lambda r: cframes.stage_text(r["stage"], r["tier"]),
           phone=True),
    Column("limit_workdays", "complaints.col.limit", "workdays", decimals=0),
    Column("complaints", "complaints.col.clocks", "complaints", _count("complaints"), decimals=0),
    Column("done", "complaints.col.done", "complaints", decimals=0),
    Column("median_workdays", "complaints.col.median", "workdays", _or_not_reached("median_workdays"), decimals=0),
    Column("p90_workdays", "complaints.col.p90", "workdays", _or_not_reached("p90_workdays"), decimals=0),
    Column("within_limit_pct", "complaints.col.within", "pct", decimals=1, phone=True),
    Column("still_open_pct", "complaints.col.still_open", "pct", decimals=1),
    Column("unknown_time", "complaints.col.unknown_time", "complaints", decimals=0),
)

FUNNEL_COLUMNS = (
    Column("status", "complaints.col.status", "text", lambda r: cframes.label("status", r["status"]), phone=True),
    Column("path", "complaints.col.path", "text", lambda r: t(f"complaints.path.{r['path']}")),
    Column("complaints", "complaints.col.complaints", "complaints", _count("complaints"), decimals=0, phone=True),
    Column("share_pct", "complaints.col.share", "pct", decimals=1),
)


# -------------------------------------------------------------------------------- backlog and what falls due

BACKLOG_COLUMNS = (
    Column("time_left", "complaints.col.bucket", "text", lambda r: cframes.bucket_text(r["bucket"]), phone=True),
    Column("complaints", "complaints.col.complaints", "complaints", _count("complaints"), decimals=0, phone=True),
    *_stage_columns(),
)

DUE_COLUMNS = (
    Column("unit", "complaints.col.unit", "text", _unit_name, phone=True),
    Column("region", "complaints.col.region", "text", _region),
    Column("due", "complaints.col.due", "complaints", decimals=0, phone=True),
    *_stage_columns(),
    Column("first_due", "complaints.col.first_due", "date", lambda r: r["first_due"].isoformat()),
    Column("overdue", "complaints.col.overdue", "complaints", decimals=0),
    Column("unit_code", "complaints.col.code", "code", link=True),
)


def due_rows(filters: Filters) -> list[dict]:
    """The units with complaints falling due in the next DUE_SOON_WORKDAYS working days, most due first."""
    return complaint_data.due_soon(filters)["units"]


# ------------------------------------------------------------------------------------------ ranking and places

RANKING_COLUMNS = (
    Column("unit", "complaints.col.unit", "text", _unit_name, phone=True),
    Column("region", "complaints.col.region", "text", _region),
    Column("rank", "complaints.col.rank", "rank", decimals=0),
    Column("complaints", "complaints.col.complaints", "complaints", decimals=0),
    Column("open", "complaints.col.open", "complaints", decimals=0),
    Column("overdue_open", "complaints.col.overdue", "complaints", decimals=0),
    Column("first_response_median_workdays", "complaints.col.first_median", "workdays", decimals=0),
    Column("first_response_within_limit_pct", "complaints.col.first_within", "pct", decimals=1),
    Column("resolution_median_workdays", "complaints.col.resolution_median", "workdays",
           _or_not_reached("resolution_median_workdays"), decimals=0),
    Column("resolution_within_limit_pct", "complaints.col.resolution_within", "pct", decimals=1, phone=True),
    Column("resolution_still_open_pct", "complaints.col.still_open", "pct", decimals=1),
    Column("unit_code", "complaints.col.code", "code", link=True),
)


def ranked_rows(filters: Filters) -> list[dict]:
    """The units with enough complaints to rank, best first."""
    return complaint_data.ranking(filters)["ranked"]


PLACES_COLUMNS = (
    Column("kecamatan", "complaints.col.kecamatan", "text", lambda r: cframes.kecamatan_name(r["kecamatan_code"]),
           phone=True),
    *(Column(category, f"complaints.category.{category}", "complaints", _count(category), decimals=0,
             entry="complaints.category.*")
      for category in CATEGORIES),
)


def places_rows(filters: Filters) -> list[dict]:
    """One row per kecamatan (in the figures' order) with its count per category; None where suppressed."""
    places: dict[str | None, dict] = {}
    for r in complaint_data.by_place(filters):
        places.setdefault(r["kecamatan_code"], {"kecamatan_code": r["kecamatan_code"]})[r["category"]] = \
            r["complaints"]
    return list(places.values())


# ---------------------------------------------------------------------------------------------- the tables

VOLUME = {d: Table(f"pengaduan-{d}", "pengaduan",
                   titled("complaints.volume.title", dimension=lambda d=d: t(f"complaints.dim.{d}").lower()),
                   _volume_rows(d), volume_columns(d), f"pengaduan-{d}")
          for d in VOLUME_DIMENSIONS}
RATE = Table("pengaduan-per-10000-penduduk", "pengaduan", titled("complaints.rate.title"), complaint_data.per_10k,
             RATE_COLUMNS, "pengaduan-per-10000-penduduk")
TREND = Table("pengaduan-per-bulan", "pengaduan", _trend_title, complaint_data.trend, TREND_COLUMNS,
              "pengaduan-per-bulan")
TIMINGS = Table("pengaduan-waktu-penanganan", "pengaduan", titled("complaints.timing.title"), complaint_data.timings,
                TIMING_COLUMNS, "pengaduan-waktu-penanganan")
FUNNEL = Table("pengaduan-status", "pengaduan", titled("complaints.funnel.title"), complaint_data.funnel,
               FUNNEL_COLUMNS, "pengaduan-status")
BACKLOG = Table("pengaduan-terbuka-umur", "pengaduan", titled("complaints.backlog.title"), complaint_data.backlog,
                BACKLOG_COLUMNS, "pengaduan-terbuka-umur")
DUE = Table("pengaduan-jatuh-tempo", "pengaduan", titled("complaints.due.heading", days=DUE_SOON_WORKDAYS),
            due_rows, DUE_COLUMNS, "pengaduan-jatuh-tempo")
RANKING = Table("pengaduan-peringkat-unit", "pengaduan", titled("complaints.ranking.table_title"), ranked_rows,
                RANKING_COLUMNS, "pengaduan-peringkat-unit")
PLACES = Table("pengaduan-kecamatan-kategori", "pengaduan", titled("complaints.places.title"), places_rows,
               PLACES_COLUMNS, "pengaduan-kecamatan-kategori")
TABLES = (*VOLUME.values(), RATE, TREND, TIMINGS, FUNNEL, BACKLOG, DUE, RANKING, PLACES)
