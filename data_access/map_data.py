"""What the Peta page shows: every service unit with its place, IKM, sample and complaints; and per kecamatan the
average IKM, complaints per 10,000 residents and the overdue share.

The figures come from the queries the other pages use: ikm_queries.ikm_by_unit and ikm_by_kecamatan for the IKM
and the sample rule, complaint_queries.complaint_set for complaints and what is open (rollups) and
complaint_stats.stage_clocks over its running complaints for what is overdue (complaint_figures' rules,
applied to all units at once rather than unit by unit, which would cost a Kaplan–Meier fit per unit). Every
figure covers the questionnaires and complaints the filters select; with no period that is all of them, so open
and overdue are the backlog now.
"""

from __future__ import annotations

from datetime import datetime

import pandas as pd
from sqlalchemy import Connection, and_, select, true

from data_access import clock, schema
from data_access.complaint_queries import complaint_set
from data_access.complaint_rules import OPEN_STATUSES
from data_access.complaint_stats import stage_clocks
from data_access.filters import Filters
from data_access.ikm import GRADES
from data_access.ikm_queries import ikm_by_kecamatan, ikm_by_unit
from data_access.sample import ADEQUATE

# The marker of a unit whose grade is not shown: no questionnaires, too few respondents, or users unknown.
UNRATED = "tanpa"
MARKERS: tuple[str, ...] = (*GRADES, UNRATED)
# Sample status of a unit without questionnaires (beside sample.ADEQUATE, INADEQUATE, UNKNOWN_POPULATION).
NO_QUESTIONNAIRES = "tanpa_kuesioner"
# Kecamatan measures (URL codes) and the column of map_figures' kecamatan frame holding each.
MEASURES: dict[str, str] = {"ikm": "ikm", "pengaduan": "per_10k", "terlambat": "overdue_share_pct"}
PER_RESIDENTS = 10_000

UNIT_COLUMNS = [
    "unit_code", "name", "kind", "region_code", "kecamatan_code", "kecamatan_name", "address", "latitude",
    "longitude", "respondents", "ikm", "grade", "sample", "minimum_sample", "marker", "open", "overdue",
]
KECAMATAN_COLUMNS = [
    "kecamatan_code", "name", "region_code", "centroid_lat", "centroid_lng", "population", "units", "respondents",
    "ikm", "grade", "complaints", "per_10k", "open", "overdue", "overdue_share_pct",
]

_units = schema.service_units
_kecamatan = schema.kecamatan


def _complaint_states(conn: Connection, filters: Filters, now: datetime) -> pd.DataFrame:
    """Per unit with complaints received under the filters (indexed by unit_code): complaints, open (status still
    waiting) and overdue (open and past the limit of the stage it waits in)."""
    complaints = complaint_set(conn, filters)
    counts = complaints.counts.assign(open=complaints.counts["status"].isin(list(OPEN_STATUSES)))
    per_unit = pd.DataFrame({
        "complaints": counts.groupby("unit_code")["complaints"].sum(),
        "open": counts[counts["open"]].groupby("unit_code")["complaints"].sum(),
    })
    running = complaints.running
    if len(running):
        late = running["unit_code"][stage_clocks(running, now).overdue_open]
        per_unit["overdue"] = late.value_counts()
    else:
        per_unit["overdue"] = 0
    return per_unit.fillna(0).astype("int64")


def _active_units(conn: Connection, filters: Filters) -> pd.DataFrame:
    query = (
        select(
            _units.c.code.label("unit_code"), _units.c.name, _units.c.kind, _units.c.region_code,
            _units.c.kecamatan_code, _kecamatan.c.name.label("kecamatan_name"), _units.c.address,
            _units.c.latitude, _units.c.longitude,
        )
        .select_from(_units.outerjoin(_kecamatan, _units.c.kecamatan_code == _kecamatan.c.code))
        .where(filters.unit_conditions(), _units.c.active.is_(True))
    )
    frame = pd.DataFrame(conn.execute(query).all(), columns=UNIT_COLUMNS[:9])
    return frame.sort_values(["region_code", "kecamatan_code", "name", "unit_code"], na_position="last",
                             ignore_index=True)


def _units_with_figures(conn: Connection, filters: Filters, states: pd.DataFrame) -> pd.DataFrame:
    frame = _active_units(conn, filters)
    ikm = {row["unit_code"]: row for row in ikm_by_unit(conn, filters)}

    def figure(code: str, name: str, missing):
        return ikm[code][name] if code in ikm else missing

    codes = frame["unit_code"]
    frame["respondents"] = [int(figure(code, "respondents", 0)) for code in codes]
    frame["ikm"] = pd.Series([figure(code, "ikm", None) for code in codes], dtype="float64")
    frame["grade"] = pd.Series([figure(code, "grade", None) for code in codes], dtype=object)
    frame["sample"] = [figure(code, "sample", NO_QUESTIONNAIRES) for code in codes]
    frame["minimum_sample"] = pd.Series([figure(code, "minimum_sample", None) for code in codes], dtype="Int64")
    frame["marker"] = [grade if sample == ADEQUATE else UNRATED
                       for grade, sample in zip(frame["grade"], frame["sample"], strict=True)]
    frame["open"] = [int(states["open"].get(code, 0)) for code in codes]
    frame["overdue"] = [int(states["overdue"].get(code, 0)) for code in codes]
    return frame[UNIT_COLUMNS]


def marker_counts(units: pd.DataFrame) -> dict[str, int]:
    """Units per marker in MARKERS order (A, B, C, D, then UNRATED), zeros included."""
    counts = units["marker"].value_counts()
    return {marker: int(counts.get(marker, 0)) for marker in MARKERS}


def _kecamatan_conditions(filters: Filters):
    conditions = []
    if filters.region:
        conditions.append(_kecamatan.c.region_code == filters.region)
    if filters.kecamatan:
        conditions.append(_kecamatan.c.code == filters.kecamatan)
    return and_(true(), *conditions)


def map_figures(conn: Connection, filters: Filters, now: datetime | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(units, kecamatan) of the same filters, reading and clocking the complaints once.

    units: every active unit the filters select (with or without coordinates), one row each (UNIT_COLUMNS),
    ordered by region, kecamatan and name. respondents, ikm, grade, sample and minimum_sample are the unit's
    ikm_by_unit figures (0 respondents, no IKM and sample NO_QUESTIONNAIRES without questionnaires); marker is the
    grade when the sample is adequate, else UNRATED; open and overdue count the unit's complaints still waiting,
    and those past their limit, at `now`.

    kecamatan: one row per kecamatan of the filters' region (or the filtered kecamatan), in code order
    (KECAMATAN_COLUMNS), over the units the filters select (kind included) and the questionnaires and complaints of
    the period:
    - ikm, grade, respondents: ikm_by_kecamatan, i.e. over all the kecamatan's questionnaires (no IKM: None);
    - complaints received and per_10k = complaints per 10,000 residents, None unless the kecamatan's population
      has been loaded (it is not known otherwise, and the region's is no stand-in);
    - open, overdue and overdue_share_pct = overdue / open in percent (None without open complaints);
    - units: active units of the kecamatan the filters select."""
    states = _complaint_states(conn, filters, now or clock.now())
    units = _units_with_figures(conn, filters, states)
    return units, _kecamatan_figures(conn, filters, states, units)


def _kecamatan_figures(conn: Connection, filters: Filters, states: pd.DataFrame, units: pd.DataFrame) -> pd.DataFrame:
    query = (
        select(_kecamatan.c.code.label("kecamatan_code"), _kecamatan.c.name, _kecamatan.c.region_code,
               _kecamatan.c.centroid_lat, _kecamatan.c.centroid_lng, _kecamatan.c.population)
        .where(_kecamatan_conditions(filters))
        .order_by(_kecamatan.c.code)
    )
    frame = pd.DataFrame(conn.execute(query).all(), columns=KECAMATAN_COLUMNS[:6])
    place_of = dict(conn.execute(select(_units.c.code, _units.c.kecamatan_code).where(filters.unit_conditions())).all())
    active = units["kecamatan_code"].value_counts()
    ikm = ikm_by_kecamatan(conn, filters)
    per_place = states.groupby(states.index.map(place_of))[["complaints", "open", "overdue"]].sum()

    def count(code: str, column: str) -> int:
        return int(per_place[column].get(code, 0))

    rows = []
    for place in frame.itertuples(index=False):
        result = ikm.get(place.kecamatan_code)
        complaints, still_open = count(place.kecamatan_code, "complaints"), count(place.kecamatan_code, "open")
        overdue = count(place.kecamatan_code, "overdue")
        population = None if pd.isna(place.population) else int(place.population)
        rows.append({
            "units": int(active.get(place.kecamatan_code, 0)),
            "respondents": result.respondents if result else 0,
            "ikm": result.ikm if result else None,
            "grade": result.grade if result else None,
            "complaints": complaints,
            "per_10k": round(PER_RESIDENTS * complaints / population, 2) if population else None,
            "open": still_open,
            "overdue": overdue,
            "overdue_share_pct": round(100 * overdue / still_open, 1) if still_open else None,
        })
    figures = pd.DataFrame(rows, columns=KECAMATAN_COLUMNS[6:])
    frame["population"] = frame["population"].astype("Int64")
    result = pd.concat([frame, figures], axis=1)
    for column in ("ikm", "per_10k", "overdue_share_pct"):
        result[column] = result[column].astype("float64")
    return result[KECAMATAN_COLUMNS]
