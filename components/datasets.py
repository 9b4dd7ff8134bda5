"""Every table a page offers for download, in one registry: what it is, where it appears, how it is built.

Each entry's `build` calls the same cached loader and the same frames function as the page's section, so the Data
page's CSV/XLSX hold exactly what the page's own download buttons hold (tests/test_datasets.py compares the bytes).
Adding a table is one line in DATASETS plus its description string `data.desc.<key>` in components/i18n.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd
import streamlit as st

from components.complaints import figures as complaint_data
from components.complaints import frames as cframes
from components.figure import downloads
from components.filters import describe, url_select
from components.formatting import fmt_number
from components.i18n import t
from components.leadership import figures as leadership_data
from components.leadership import frames as lframes
from components.leadership.views import ranking_window
from components.map import figures as peta_data
from components.map.views import kecamatan_table, unit_tables
from components.methodology import dictionary_table
from components.satisfaction import figures as ikm_data
from components.satisfaction import frames as iframes
from data_access import config
from data_access.complaint_queries import VOLUME_DIMENSIONS
from data_access.complaint_rules import DUE_SOON_WORKDAYS
from data_access.elements import PROFILE_DIMENSIONS
from data_access.filters import Filters
from data_access.ikm_queries import ranking
from data_access.leadership import COMPARISONS
from data_access.periods import period_bounds
from data_access.reference import REGION_CODES

# Where each page's column headers come from (i18n key prefixes, first match wins): the data dictionary reads a
# header back to the key that wrote it, and the same words can mean different things on different pages.
VOCABULARIES: dict[str, tuple[str, ...]] = {
    "kepuasan": ("ikm.col.", "filter."),
    "unit": ("ikm.col.",),
    "pengaduan": ("complaints.col.", "complaints.dim.", "complaints.stage.", "complaints.category."),
    "peta": ("map.col.", "map.kec.col.", "filter."),
    "pimpinan": ("lead.col.", "ikm.col.", "complaints.stage.", "filter."),
}
# Pimpinan's complaint tables are the Pengaduan page's, and its Ombudsman "Nilai" is a score, not a target's value.
_COMPLAINT_COLUMNS = ("complaints.col.", "complaints.stage.")
_OMBUDSMAN_COLUMNS = ("lead.ombudsman.col.",)


def _as_is(filters: Filters) -> Filters:
    return filters


@dataclass(frozen=True)
class Dataset:
    key: str  # the ?tabel= code
    page: str  # the page it appears on: app_pages/<page>.py
    title: Callable[[Filters], str]  # the title the page gives it (written into the file)
    build: Callable[[Filters], pd.DataFrame]  # exactly the table the page's download buttons hold
    filename: str  # the page's file name, without extension
    # The filters the page applies: a unit's card ignores the page filters and keeps only its unit (and quarter).
    scope: Callable[[Filters], Filters] = _as_is
    vocabulary: tuple[str, ...] = field(default=())

    @property
    def per_unit(self) -> bool:
        return self.page == "unit"

    @property
    def column_sources(self) -> tuple[str, ...]:
        return self.vocabulary or VOCABULARIES.get(self.page, ())

    def description(self) -> str:
        return t(f"data.desc.{self.key}")


def _title(key: str, **values: Callable[[], str] | int) -> Callable[[Filters], str]:
    """A title from a string key; callable values are filled in the language active when the title is asked for."""
    return lambda filters: t(key, **{name: v() if callable(v) else v for name, v in values.items()})


# ------------------------------------------------------------------------------------------ IKM builders


def _elements(result) -> pd.DataFrame:
    if result is None:
        return pd.DataFrame()
    return iframes.element_table(iframes.element_frame(*iframes.element_scores(result)))


def _region_scope(code: str) -> Callable[[Filters], Filters]:
    return lambda filters: filters.replace(region=code)


def _ikm_trend(granularity: str) -> Callable[[Filters], pd.DataFrame]:
    return lambda filters: iframes.trend_table(iframes.trend_frame(ikm_data.trend(filters, granularity)))


def _regions_trend(filters: Filters) -> pd.DataFrame:
    names = {code: t(f"region.{code}") for code in REGION_CODES}
    return iframes.trend_table(iframes.trend_frame(ikm_data.trend(filters, "quarter", by_region=True), names))


def _profile(dimension: str) -> Callable[[Filters], pd.DataFrame]:
    return lambda filters: iframes.profile_table(iframes.profile_frame(dimension, ikm_data.profile(filters)[dimension]))


def _trend_title(granularity: str) -> Callable[[Filters], str]:
    return _title("ikm.trend.title", granularity=lambda: t(f"ikm.trend.{granularity}").lower())


def _unit_quarter(filters: Filters) -> Filters:
    """The card's elements cover the unit's latest quarter with questionnaires."""
    current = ikm_data.unit_current(filters.unit)
    if current is None:
        return Filters(unit=filters.unit)
    start, end = period_bounds(current["period"])
    return Filters(unit=filters.unit, date_from=start, date_to=end)


def _unit_only(filters: Filters) -> Filters:
    return Filters(unit=filters.unit)


def _unit_elements(filters: Filters) -> pd.DataFrame:
    current = ikm_data.unit_current(filters.unit)
    if current is None:
        return pd.DataFrame()
    return iframes.element_table(iframes.element_frame(current["elements"], current["element_grades"]))


# ------------------------------------------------------------------------------------ complaint builders


def _volume(dimension: str) -> Callable[[Filters], pd.DataFrame]:
    return lambda filters: cframes.volume_table(complaint_data.volume(filters, dimension), dimension)


def _complaint_trend_title(filters: Filters) -> str:
    """Counts instead of rates where the population is unknown (a kecamatan), as the page says."""
    rows = complaint_data.trend(filters)
    per_residents = all(r["per_10k"] is not None for r in rows)
    return t("complaints.trend.title" if per_residents else "complaints.trend.title_counts")


# ------------------------------------------------------------------------------------ Pimpinan builders


def _region(filters: Filters) -> Filters:
    """Pimpinan's only filter is the sidebar's region."""
    return Filters(region=filters.region)


def _window(filters: Filters) -> Filters:
    """Pimpinan's rankings: the region over the page's last RANKING_MONTHS months."""
    return ranking_window(_region(filters))


def _no_filters(filters: Filters) -> Filters:
    return Filters()


def _targets(filters: Filters) -> pd.DataFrame:
    targets = config.targets()
    return lframes.targets_table(leadership_data.region_targets(targets, filters.region), targets.ikm_grade)


def _left_out_title(filters: Filters) -> str:
    return t("ikm.ranking.left_out", n=fmt_number(len(ranking(ikm_data.by_unit(filters))[1])))


# --------------------------------------------------------------------------------------------- registry

DATASETS: tuple[Dataset, ...] = (
    Dataset("ikm-per-unit", "kepuasan", _title("ikm.units.heading"),
            lambda f: iframes.unit_tables(ikm_data.by_unit(f))[1], "ikm-per-unit"),
    Dataset("ikm-peringkat", "kepuasan", _title("ikm.ranking.heading"),
            lambda f: iframes.ranking_tables(ranking(ikm_data.by_unit(f))[0])[1], "ikm-peringkat"),
    Dataset("ikm-unsur", "kepuasan", _title("ikm.elements.title"), lambda f: _elements(ikm_data.summary(f)),
            "ikm-unsur-elements"),
    *(Dataset(f"ikm-unsur-{code}", "kepuasan", _title("ikm.elements.title_of", name=lambda c=code: t(f"region.{c}")),
              lambda f: _elements(ikm_data.summary(f)), f"ikm-unsur-elements-{code}", scope=_region_scope(code))
      for code in REGION_CODES),
    Dataset("ikm-unsur-per-unit", "kepuasan", _title("ikm.elements.per_unit"),
            lambda f: iframes.unit_element_tables(ikm_data.by_unit(f))[1], "ikm-unsur-per-unit",
            vocabulary=("ikm.element.", "ikm.col.")),
    Dataset("ikm-wilayah-triwulan", "kepuasan", _title("ikm.regions.trend_title"), _regions_trend,
            "ikm-wilayah-triwulan"),
    *(Dataset(f"ikm-tren-{g}", "kepuasan", _trend_title(g), _ikm_trend(g), f"ikm-tren-{g}")
      for g in ("month", "quarter")),
    Dataset("ikm-persepsi-kinerja", "kepuasan", _title("ikm.perception.heading"),
            lambda f: iframes.perception_tables(ikm_data.perception_by_unit(f))[1], "ikm-persepsi-kinerja"),
    *(Dataset(f"ikm-profil-{d}", "kepuasan",
              _title("ikm.profile.title", dimension=lambda d=d: t(f"ikm.profile.dim.{d}").lower()), _profile(d),
              f"ikm-profil-{d}")
      for d in PROFILE_DIMENSIONS),
    Dataset("unit-unsur", "unit", _title("unit.elements.heading"), _unit_elements, "ikm-unsur-unit-elements",
            scope=_unit_quarter),
    *(Dataset(f"unit-tren-{g}", "unit", _trend_title(g), _ikm_trend(g), f"ikm-tren-{g}", scope=_unit_only)
      for g in ("month", "quarter")),
    Dataset("unit-hasil-terbitan", "unit", _title("unit.summaries.heading"),
            lambda f: iframes.summary_periods_table(ikm_data.summary_periods(f)), "unit-hasil-terbitan",
            scope=_unit_only),
    *(Dataset(f"pengaduan-{d}", "pengaduan",
              _title("complaints.volume.title", dimension=lambda d=d: t(f"complaints.dim.{d}").lower()), _volume(d),
              f"pengaduan-{d}")
      for d in VOLUME_DIMENSIONS),
    Dataset("pengaduan-per-10000-penduduk", "pengaduan", _title("complaints.rate.title"),
            lambda f: cframes.rate_table(complaint_data.per_10k(f)), "pengaduan-per-10000-penduduk"),
    Dataset("pengaduan-per-bulan", "pengaduan", _complaint_trend_title,
            lambda f: cframes.trend_table(complaint_data.trend(f)), "pengaduan-per-bulan"),
    Dataset("pengaduan-waktu-penanganan", "pengaduan", _title("complaints.timing.title"),
            lambda f: cframes.timing_table(complaint_data.timings(f)), "pengaduan-waktu-penanganan"),
    Dataset("pengaduan-status", "pengaduan", _title("complaints.funnel.title"),
            lambda f: cframes.funnel_table(complaint_data.funnel(f)), "pengaduan-status"),
    Dataset("pengaduan-terbuka-umur", "pengaduan", _title("complaints.backlog.title"),
            lambda f: cframes.backlog_table(complaint_data.backlog(f)), "pengaduan-terbuka-umur"),
    Dataset("pengaduan-jatuh-tempo", "pengaduan", _title("complaints.due.heading", days=DUE_SOON_WORKDAYS),
            lambda f: cframes.due_tables(complaint_data.due_soon(f)["units"])[1], "pengaduan-jatuh-tempo"),
    Dataset("pengaduan-peringkat-unit", "pengaduan", _title("complaints.ranking.table_title"),
            lambda f: cframes.ranking_tables(complaint_data.ranking(f)["ranked"])[1], "pengaduan-peringkat-unit"),
    Dataset("pengaduan-kecamatan-kategori", "pengaduan", _title("complaints.places.title"),
            lambda f: cframes.places_table(complaint_data.by_place(f)), "pengaduan-kecamatan-kategori"),
    Dataset("peta-unit", "peta", _title("map.list.heading"), lambda f: unit_tables(peta_data.units(f))[1],
            "peta-unit"),
    Dataset("peta-kecamatan", "peta", _title("map.kec.heading"), lambda f: kecamatan_table(peta_data.kecamatan(f)),
            "peta-kecamatan"),
    *(Dataset(f"pimpinan-pindah-mutu-{c}", "pimpinan", lambda f, c=c: lframes.crossings_title(c),
              lambda f, c=c: lframes.crossing_tables(leadership_data.crossings(f, c)["units"])[1],
              f"pimpinan-pindah-mutu-{c}", scope=_region)
      for c in COMPARISONS),
    *(Dataset(f"pimpinan-baru-lewat-batas-{c}", "pimpinan", lambda f, c=c: lframes.overdue_title(c),
              lambda f, c=c: lframes.overdue_tables(leadership_data.newly_overdue(f, c)["units"])[1],
              f"pimpinan-baru-lewat-batas-{c}", scope=_region)
      for c in COMPARISONS),
    Dataset("pimpinan-jatuh-tempo", "pimpinan", _title("complaints.due.heading", days=DUE_SOON_WORKDAYS),
            lambda f: cframes.due_tables(complaint_data.due_soon(f)["units"])[1], "pimpinan-jatuh-tempo",
            scope=_region, vocabulary=_COMPLAINT_COLUMNS),
    Dataset("pimpinan-target", "pimpinan", _title("lead.targets.title"), _targets, "pimpinan-target", scope=_region),
    Dataset("pimpinan-peringkat-ikm", "pimpinan", _title("lead.rankings.ikm_title"),
            lambda f: iframes.ranking_tables(ranking(ikm_data.by_unit(f))[0])[1], "pimpinan-peringkat-ikm",
            scope=_window),
    Dataset("pimpinan-tidak-diperingkat", "pimpinan", _left_out_title,
            lambda f: iframes.left_out_download(ranking(ikm_data.by_unit(f))[1]), "pimpinan-tidak-diperingkat",
            scope=_window),
    Dataset("pimpinan-peringkat-pengaduan", "pimpinan", _title("lead.rankings.complaints_title"),
            lambda f: cframes.ranking_tables(complaint_data.ranking(f)["ranked"])[1], "pimpinan-peringkat-pengaduan",
            scope=_window, vocabulary=_COMPLAINT_COLUMNS),
    Dataset("pimpinan-ombudsman", "pimpinan", _title("lead.ombudsman.title"),
            lambda f: lframes.ombudsman_table(leadership_data.ombudsman_history()), "pimpinan-ombudsman",
            scope=_no_filters, vocabulary=_OMBUDSMAN_COLUMNS),
)
BY_KEY: dict[str, Dataset] = {dataset.key: dataset for dataset in DATASETS}
# Pages in the order the navigation lists them; the Data page groups its list this way.
PAGES: tuple[str, ...] = tuple(dict.fromkeys(dataset.page for dataset in DATASETS))


# ---------------------------------------------------------------------------------------------- on the page

TABLE_KEY = "tabel"
UNIT_KEY = "unit"
# The preview shows this many rows; the downloads hold them all.
PREVIEW_ROWS = 200


def dataset_label(dataset: Dataset, filters: Filters) -> str:
    return f"{t(f'nav.{dataset.page}')} · {dataset.title(filters)}"


def choose_dataset(filters: Filters) -> Dataset:
    """The table picked (?tabel=<key>; anything else in the URL is ignored and the first table is shown)."""
    keys = [dataset.key for dataset in DATASETS]
    key = url_select(TABLE_KEY, t("data.pick"), keys, lambda k: dataset_label(BY_KEY[k], filters),
                      default=keys[0])
    return BY_KEY[key]


def choose_unit(filters: Filters) -> str | None:
    """The unit of a report-card table (?unit=CODE), among the units the page filters select."""
    units = peta_data.units(Filters(region=filters.region, kind=filters.kind, kecamatan=filters.kecamatan))
    names = dict(zip(units["unit_code"], units["name"]))
    return url_select(UNIT_KEY, t("data.pick_unit"), [None, *sorted(names)],
                       lambda code: t("data.pick_unit.none") if code is None else f"{names[code]} ({code})")


def _preview(table: pd.DataFrame):
    """Numbers written the user's way (88,30; 1.234) without changing what is downloaded."""
    formats = {}
    for column in table.columns:
        if pd.api.types.is_numeric_dtype(table[column]):
            places = 2 if pd.api.types.is_float_dtype(table[column]) else 0
            formats[column] = lambda v, places=places: "–" if pd.isna(v) else fmt_number(v, places)
    return table.head(PREVIEW_ROWS).style.format(formats)


def dataset_section(dataset: Dataset, filters: Filters) -> None:
    """The chosen table: what it is, a preview, the page's own CSV/XLSX downloads, and what each column means."""
    if dataset.per_unit:
        unit = choose_unit(filters)
        if unit is None:
            st.info(t("data.pick_unit.help"), icon=":material/storefront:")
            return
        filters = Filters(unit=unit)
    scoped = dataset.scope(filters)
    table = dataset.build(scoped)
    title = dataset.title(scoped)
    st.subheader(title)
    st.caption(f"{dataset.description()} {t('data.shown_on', page=t(f'nav.{dataset.page}'))}")
    st.caption(describe(scoped))
    if table.empty:
        st.info(t("data.empty"), icon=":material/info:")
        return
    if len(table) > PREVIEW_ROWS:
        st.caption(t("data.preview_rows", shown=fmt_number(PREVIEW_ROWS), total=fmt_number(len(table))))
    st.dataframe(_preview(table), hide_index=True, width="stretch")
    downloads(table, title, describe(scoped), dataset.filename, f"data-{dataset.key}")
    with st.expander(t("data.dictionary.of_table"), icon=":material/menu_book:"):
        st.dataframe(dictionary_table(table, dataset.column_sources), hide_index=True, width="stretch")


def datasets_table(filters: Filters) -> pd.DataFrame:
    """Every downloadable table: its page, title, what it holds and its code for ?tabel=."""
    return pd.DataFrame([
        {t("data.col.page"): t(f"nav.{d.page}"), t("data.col.table"): d.title(filters),
         t("data.col.description"): d.description(), t("data.col.code"): d.key}
        for d in DATASETS
    ])
