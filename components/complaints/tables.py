"""The complaint tables of Pengaduan, as the Data page and the API list them."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from components.complaints import figures as complaint_data
from components.complaints import frames as cframes
from components.i18n import t
from components.legacy_dataset import Dataset
from components.table import titled
from data_access.complaint_queries import VOLUME_DIMENSIONS
from data_access.complaint_rules import DUE_SOON_WORKDAYS
from data_access.filters import Filters


def _volume(dimension: str) -> Callable[[Filters], pd.DataFrame]:
    return lambda filters: cframes.volume_table(complaint_data.volume(filters, dimension), dimension)


def _trend_title(filters: Filters) -> str:
    """Counts instead of rates where the population is unknown (a kecamatan), as the page says."""
    rows = complaint_data.trend(filters)
    per_residents = all(r["per_10k"] is not None for r in rows)
    return t("complaints.trend.title" if per_residents else "complaints.trend.title_counts")


TABLES = (
    *(Dataset(f"pengaduan-{d}", "pengaduan",
              titled("complaints.volume.title", dimension=lambda d=d: t(f"complaints.dim.{d}").lower()), _volume(d),
              f"pengaduan-{d}")
      for d in VOLUME_DIMENSIONS),
    Dataset("pengaduan-per-10000-penduduk", "pengaduan", titled("complaints.rate.title"),
            lambda f: cframes.rate_table(complaint_data.per_10k(f)), "pengaduan-per-10000-penduduk"),
    Dataset("pengaduan-per-bulan", "pengaduan", _trend_title,
            lambda f: cframes.trend_table(complaint_data.trend(f)), "pengaduan-per-bulan"),
    Dataset("pengaduan-waktu-penanganan", "pengaduan", titled("complaints.timing.title"),
            lambda f: cframes.timing_table(complaint_data.timings(f)), "pengaduan-waktu-penanganan"),
    Dataset("pengaduan-status", "pengaduan", titled("complaints.funnel.title"),
            lambda f: cframes.funnel_table(complaint_data.funnel(f)), "pengaduan-status"),
    Dataset("pengaduan-terbuka-umur", "pengaduan", titled("complaints.backlog.title"),
            lambda f: cframes.backlog_table(complaint_data.backlog(f)), "pengaduan-terbuka-umur"),
    Dataset("pengaduan-jatuh-tempo", "pengaduan", titled("complaints.due.heading", days=DUE_SOON_WORKDAYS),
            lambda f: cframes.due_tables(complaint_data.due_soon(f)["units"])[1], "pengaduan-jatuh-tempo"),
    Dataset("pengaduan-peringkat-unit", "pengaduan", titled("complaints.ranking.table_title"),
            lambda f: cframes.ranking_tables(complaint_data.ranking(f)["ranked"])[1], "pengaduan-peringkat-unit"),
    Dataset("pengaduan-kecamatan-kategori", "pengaduan", titled("complaints.places.title"),
            lambda f: cframes.places_table(complaint_data.by_place(f)), "pengaduan-kecamatan-kategori"),
)
