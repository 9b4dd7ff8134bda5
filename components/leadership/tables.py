"""The tables of Pimpinan, as the Data page and the API list them."""

from __future__ import annotations

import pandas as pd

from components.complaints import figures as complaint_data
from components.complaints import frames as cframes
from components.formatting import fmt_number
from components.i18n import t
from components.leadership import figures as leadership_data
from components.leadership import frames as lframes
from components.leadership.views import ranking_window
from components.legacy_dataset import Dataset
from components.satisfaction import figures as ikm_data
from components.satisfaction import frames as iframes
from components.table import titled
from data_access import config
from data_access.complaint_rules import DUE_SOON_WORKDAYS
from data_access.filters import Filters
from data_access.ikm_queries import ranking
from data_access.leadership import COMPARISONS

# Pimpinan's complaint tables are the Pengaduan page's, and its Ombudsman "Nilai" is a score, not a target's value.
_COMPLAINT_COLUMNS = ("complaints.col.", "complaints.stage.")
_OMBUDSMAN_COLUMNS = ("lead.ombudsman.col.",)


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


TABLES = (
    *(Dataset(f"pimpinan-pindah-mutu-{c}", "pimpinan", lambda f, c=c: lframes.crossings_title(c),
              lambda f, c=c: lframes.crossing_tables(leadership_data.crossings(f, c)["units"])[1],
              f"pimpinan-pindah-mutu-{c}", scope=_region)
      for c in COMPARISONS),
    *(Dataset(f"pimpinan-baru-lewat-batas-{c}", "pimpinan", lambda f, c=c: lframes.overdue_title(c),
              lambda f, c=c: lframes.overdue_tables(leadership_data.newly_overdue(f, c)["units"])[1],
              f"pimpinan-baru-lewat-batas-{c}", scope=_region)
      for c in COMPARISONS),
    Dataset("pimpinan-jatuh-tempo", "pimpinan", titled("complaints.due.heading", days=DUE_SOON_WORKDAYS),
            lambda f: cframes.due_tables(complaint_data.due_soon(f)["units"])[1], "pimpinan-jatuh-tempo",
            scope=_region, vocabulary=_COMPLAINT_COLUMNS),
    Dataset("pimpinan-target", "pimpinan", titled("lead.targets.title"), _targets, "pimpinan-target", scope=_region),
    Dataset("pimpinan-peringkat-ikm", "pimpinan", titled("lead.rankings.ikm_title"),
            lambda f: iframes.ranking_tables(ranking(ikm_data.by_unit(f))[0])[1], "pimpinan-peringkat-ikm",
            scope=_window),
    Dataset("pimpinan-tidak-diperingkat", "pimpinan", _left_out_title,
            lambda f: iframes.left_out_download(ranking(ikm_data.by_unit(f))[1]), "pimpinan-tidak-diperingkat",
            scope=_window),
    Dataset("pimpinan-peringkat-pengaduan", "pimpinan", titled("lead.rankings.complaints_title"),
            lambda f: cframes.ranking_tables(complaint_data.ranking(f)["ranked"])[1], "pimpinan-peringkat-pengaduan",
            scope=_window, vocabulary=_COMPLAINT_COLUMNS),
    Dataset("pimpinan-ombudsman", "pimpinan", titled("lead.ombudsman.title"),
            lambda f: lframes.ombudsman_table(leadership_data.ombudsman_history()), "pimpinan-ombudsman",
            scope=_no_filters, vocabulary=_OMBUDSMAN_COLUMNS),
)
