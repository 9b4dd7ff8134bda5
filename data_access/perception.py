"""Perception against operations: each unit's `pengaduan` element score beside how fast it really answers complaints.

A unit whose respondents rate its complaint handling well while its complaints wait past the limit (or the other
way round) is worth a look: either the survey or the complaint log is missing something. The thresholds are ours,
not a regulation's; they live here and nowhere else.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection

from data_access.complaint_queries import complaints_by_unit
from data_access.complaint_rules import FIRST_RESPONSE_LIMIT, MIN_COMPLAINTS_FOR_RANKING
from data_access.filters import Filters
from data_access.ikm_queries import ikm_by_unit

PERCEPTION_ELEMENT = "pengaduan"
# Respondents are satisfied with complaint handling when its element grades A or B, unsatisfied at C or D.
SATISFIED_GRADES = frozenset({"A", "B"})
UNSATISFIED_GRADES = frozenset({"C", "D"})
# First responses: fast when at least this share is within the limit; slow below the lower share, or when the
# median exceeds the limit itself. In between is neither.
FAST_WITHIN_LIMIT_PCT = 85.0
SLOW_WITHIN_LIMIT_PCT = 60.0

FAST = "cepat"
SLOW = "lambat"
MIDDLE = "sedang"
SATISFIED_BUT_SLOW = "puas_tapi_lambat"
FAST_BUT_UNSATISFIED = "cepat_tapi_tidak_puas"


def response_speed(median_workdays: int | None, within_limit_pct: float | None) -> str | None:
    """cepat, lambat or sedang for a unit's first responses; None when no complaint has been decided yet."""
    if within_limit_pct is None:
        return None
    late_median = median_workdays is not None and median_workdays > FIRST_RESPONSE_LIMIT
    if within_limit_pct < SLOW_WITHIN_LIMIT_PCT or late_median:
        return SLOW
    if within_limit_pct >= FAST_WITHIN_LIMIT_PCT:
        return FAST
    return MIDDLE


def disagreement(element_grade: str, speed: str | None, complaints: int) -> str | None:
    """puas_tapi_lambat, cepat_tapi_tidak_puas, or None when perception and operations agree or the unit has
    too few complaints to judge (DOMAIN.md §2.4)."""
    if complaints < MIN_COMPLAINTS_FOR_RANKING:
        return None
    if element_grade in SATISFIED_GRADES and speed == SLOW:
        return SATISFIED_BUT_SLOW
    if element_grade in UNSATISFIED_GRADES and speed == FAST:
        return FAST_BUT_UNSATISFIED
    return None


def perception_by_unit(conn: Connection, filters: Filters, now: datetime | None = None) -> list[dict]:
    """Per unit with questionnaires: the pengaduan element score and grade, the complaints received in the same
    filters, their first-response median (working days) and share within the limit, the speed and the flag."""
    complaints = {row["unit_code"]: row for row in complaints_by_unit(conn, filters, now)}
    rows = []
    for unit in ikm_by_unit(conn, filters):
        figures = complaints.get(unit["unit_code"])
        received = figures["received"] if figures else 0
        first = figures["first_response"] if figures else {"median_workdays": None, "within_limit_pct": None,
                                                             "unknown_time": 0}
        within = None if first["within_limit_pct"] is None else float(first["within_limit_pct"])
        grade = unit["element_grades"][PERCEPTION_ELEMENT]
        speed = response_speed(first["median_workdays"], within)
        rows.append(
            {
                "unit_code": unit["unit_code"],
                "name": unit["name"],
                "region_code": unit["region_code"],
                "respondents": unit["respondents"],
                "element_ikm": unit["elements"][PERCEPTION_ELEMENT],
                "element_grade": grade,
                "complaints": received,
                "first_response_median_workdays": first["median_workdays"],
                "first_response_within_limit_pct": within,
                "first_response_unknown_time": first["unknown_time"],
                "speed": speed,
                "flag": disagreement(grade, speed, received),
            }
        )
    return rows
