"""What the Pimpinan page and the weekly brief show: exceptions since a comparison date, each region against the
targets, the units slipping by their confidence interval, and one week's headline. Built on the IKM, complaint and
Ombudsman queries; no rule is restated here.

Grades, targets and rankings are of one complete quarter (periods.graded_quarter): a running quarter holds only
part of its respondents. Only the live exceptions (grade crossings over rolling windows, complaints past their
limit) reach today.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import numpy as np
import pandas as pd
from sqlalchemy import Connection

from data_access import clock
from data_access.complaint_queries import (
    backlog_by,
    backlog_from,
    complaint_frame,
    complaint_set,
    due_soon_by_unit,
    received_per_region,
    resolved_per_region,
    unit_details,
)
from data_access.complaint_stats import (
    ComplaintSet,
    complaint_figures,
    open_stages,
    set_clocks,
    stages_per_unit,
)
from data_access.config import Targets
from data_access.filters import Filters
from data_access.ikm import GRADE_BANDS, GRADES
from data_access.ikm_queries import graded_quarter_on, ikm_by_region, ikm_by_unit
from data_access.ombudsman import latest_ombudsman
from data_access.periods import period_bounds, previous_quarter
from data_access.reference import REGION_CODES
from data_access.sample import ADEQUATE
from data_access.workdays import WIB

# A unit's grade "now" is its IKM over this many days ending today: long enough for a unit to reach its sample.
GRADE_WINDOW_DAYS = 90
# A unit is judged slipping only on an interval of at least this many respondents: the t interval (ikm.ikm_ci95)
# rests on the mean of bounded 1–4 answers being near normal, and a handful of respondents who happen to answer
# alike gives an interval of almost no width (two identical questionnaires: none at all), which would flag a unit
# on no evidence. Thirty is the usual floor for that approximation.
MIN_RESPONDENTS_TO_JUDGE = 30
# ?banding=: what "since" means for the exceptions.
COMPARISONS: tuple[str, ...] = ("minggu", "bulan")
DEFAULT_COMPARISON = "minggu"
# How many exceptions of each kind the weekly brief lists.
BRIEF_EXCEPTIONS = 5
_ISO_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def _today(now: datetime | None) -> tuple[datetime, date]:
    now = now or clock.now()
    return now, now.astimezone(WIB).date()


def comparison_date(today: date, comparison: str) -> date:
    """The WIB date the exceptions compare with: 7 days before, or the same day a month before (clamped to the
    month's last day, so 31 March -> 28/29 February)."""
    if comparison == "minggu":
        return today - timedelta(days=7)
    if comparison != "bulan":
        raise ValueError(f"comparison must be one of {COMPARISONS}, not {comparison!r}")
    year, month = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
    return date(year, month, min(today.day, calendar.monthrange(year, month)[1]))


def graded_quarter(conn: Connection, now: datetime | None = None) -> str:
    """The quarter Pimpinan grades, ranks and holds to the targets (ikm_queries.graded_quarter_on) on today's WIB
    date."""
    _, today = _today(now)
    return graded_quarter_on(conn, today)


def quarter_filters(filters: Filters, code: str) -> Filters:
    start, end = period_bounds(code)
    return filters.replace(date_from=start, date_to=end)


def grade_window(end: date) -> tuple[date, date]:
    """The GRADE_WINDOW_DAYS days ending on `end`, both inclusive."""
    return end - timedelta(days=GRADE_WINDOW_DAYS - 1), end


def grade_crossings(conn: Connection, filters: Filters, comparison: str = DEFAULT_COMPARISON,
                    now: datetime | None = None) -> dict:
    """Units whose grade letter changed between the window ending at the comparison date and the one ending today.

    Only units whose sample is adequate in both windows (as ikm_by_unit decides) count. Drops first, then the
    largest change. Returns {"now": (start, end), "before": (start, end), "units": [...]}."""
    _, today = _today(now)
    current, earlier = grade_window(today), grade_window(comparison_date(today, comparison))
    before = {r["unit_code"]: r for r in ikm_by_unit(conn, filters.replace(date_from=earlier[0], date_to=earlier[1]))
              if r["sample"] == ADEQUATE}
    units = []
    for row in ikm_by_unit(conn, filters.replace(date_from=current[0], date_to=current[1])):
        old = before.get(row["unit_code"])
        if row["sample"] != ADEQUATE or old is None or old["grade"] == row["grade"]:
            continue
        units.append({
            "unit_code": row["unit_code"], "name": row["name"], "kind": row["kind"],
            "region_code": row["region_code"],
            "grade_before": old["grade"], "ikm_before": old["ikm"], "respondents_before": old["respondents"],
            "grade_now": row["grade"], "ikm_now": row["ikm"], "respondents_now": row["respondents"],
            "change": round(row["ikm"] - old["ikm"], 2),
            # GRADES runs best to worst, so a larger index is a lower grade.
            "direction": "down" if GRADES.index(row["grade"]) > GRADES.index(old["grade"]) else "up",
        })
    units.sort(key=lambda r: (r["direction"] != "down", r["change"] if r["direction"] == "down" else -r["change"],
                              r["unit_code"]))
    return {"now": current, "before": earlier, "units": units}


def newly_overdue(conn: Connection, filters: Filters, comparison: str = DEFAULT_COMPARISON,
                  now: datetime | None = None, running: pd.DataFrame | None = None) -> dict:
    """Per unit, the open complaints that went past their current stage's limit since the comparison date.

    A stage is past its limit from the first WIB date after its due date, so "newly" means: past it today, and its
    due date is on or after the comparison date (it was not yet past it then). Each row also holds the unit's
    complaints past their limit in all. Units with newly overdue complaints, most first. running: the running
    complaints of the filters without their period, when the caller has already read them."""
    now, today = _today(now)
    since = comparison_date(today, comparison)
    if running is None:
        running = complaint_frame(conn, filters.replace(date_from=None, date_to=None), running_only=True)
    stages = open_stages(running, now)
    late = stages[stages["left"] < 0]
    new = late[late["due"] >= np.datetime64(since, "D")]
    totals = late.groupby("unit_code").size()
    details = unit_details(conn, new["unit_code"].unique())
    units = []
    for code, per_stage in stages_per_unit(new).items():
        units.append({
            "unit_code": code, "name": details[code]["name"], "kind": details[code]["kind"],
            "region_code": details[code]["region_code"], "newly_overdue": sum(per_stage.values()), **per_stage,
            "overdue": int(totals[code]),
        })
    units.sort(key=lambda r: (-r["newly_overdue"], -r["overdue"], r["unit_code"]))
    return {"since": since, "today": today, "units": units}


def target_ikm(targets: Targets) -> float:
    """The lowest IKM of the target grade (ikm.GRADE_BANDS)."""
    return next(lowest for lowest, grade, _ in GRADE_BANDS if grade == targets.ikm_grade)


def ikm_gap(goal: float, ikm: float | None) -> float | None:
    """Points short of the target IKM (0 when met; None without questionnaires)."""
    return None if ikm is None else round(max(goal - ikm, 0), 2)


def _within_target_pct(complaints: ComplaintSet, now: datetime, workdays: int) -> float | None:
    """Share of decided first responses given within `workdays` (the target, not the legal limit)."""
    return set_clocks(complaints, now)[0]["first_response"].within_limit_pct(limit=workdays)


def region_targets(conn: Connection, targets: Targets, region: str | None = None,
                   now: datetime | None = None, running: pd.DataFrame | None = None,
                   quarter: str | None = None) -> list[dict]:
    """Each region against the targets: IKM of the quarter (by default graded_quarter on today), first responses
    of complaints received in that quarter (median and share within the target), and complaints past their limit
    now. Each `*_gap` is how far the value is from its target (0 when met; None without a value). running: the
    running complaints of Filters(region=region), when the caller has already read them."""
    now, _ = _today(now)
    code = quarter or graded_quarter(conn, now)
    in_quarter = quarter_filters(Filters(region=region), code)
    quarter = (in_quarter.date_from, in_quarter.date_to)
    ikm = ikm_by_region(conn, in_quarter)
    quarter_set = complaint_set(conn, in_quarter)
    if running is None:
        running = complaint_frame(conn, Filters(region=region), running_only=True)
    backlog = backlog_from(running, "region_code", now)
    goal = target_ikm(targets)
    rows = []
    for region_code in REGION_CODES:
        if region not in (None, region_code):
            continue
        result = ikm.get(region_code)
        complaints = quarter_set.where("region_code", region_code)
        first = complaint_figures(complaints, now)["first_response"]
        overdue = backlog.get(region_code, {"overdue_open": 0})
        median = first["median_workdays"]
        rows.append({
            "region_code": region_code, "quarter": quarter, "quarter_code": code,
            "ikm": result.ikm if result else None, "grade": result.grade if result else None,
            "respondents": result.respondents if result else 0, "ikm_target": goal,
            "ikm_gap": ikm_gap(goal, result.ikm if result else None),
            "complaints": complaints.received, "first_response_median_workdays": median,
            "first_response_target": targets.first_response_workdays,
            "first_response_within_target_pct": _within_target_pct(complaints, now, targets.first_response_workdays),
            # None also when the median is not reached yet (most still wait): further than any target.
            "first_response_gap": None if median is None else max(median - targets.first_response_workdays, 0),
            "overdue": overdue["overdue_open"], "overdue_target": targets.overdue,
            "overdue_gap": max(overdue["overdue_open"] - targets.overdue, 0),
        })
    return rows


# ------------------------------------------------------------------------------------------- slipping units


def _bounds(row: dict | None) -> tuple[float | None, float | None]:
    """The row's 95 % interval when it may be judged on (MIN_RESPONDENTS_TO_JUDGE), else (None, None)."""
    if row is None or row["ci95"] is None or row["respondents"] < MIN_RESPONDENTS_TO_JUDGE:
        return None, None
    return row["ci95"][0], row["ci95"][1]


def unit_comparison(conn: Connection, filters: Filters, targets: Targets, quarter: str) -> dict:
    """Every unit with questionnaires in `quarter`, judged by its IKM's 95 % confidence interval (ikm_by_unit), so
    that a few respondents cannot make a unit look worse than it is:

    - below_target: the interval's upper bound is below the target IKM (target_ikm): even the best the unit could
      really be is short of the target;
    - dropped: the interval's upper bound is below the lower bound of its interval in the quarter before: the two
      intervals do not overlap, which holds for a real drop only (a stricter test than 95 %), never for one quarter's
      noise; a point IKM of last quarter would be treated as exact and flag noise as a drop.

    slipping: either. judged: the unit has an interval on at least MIN_RESPONDENTS_TO_JUDGE respondents (none
    from published summaries, which have no interval), and so does the quarter before for `dropped`; the others
    cannot be called slipping. provisional: its sample is below the minimum (or its users
    are unknown), so it is out of the official ranking but listed here, marked. Slipping units first: those that
    dropped (the news, where a target missed for long may not be), then the rest, each by upper bound, lowest
    first; then the units not slipping by IKM, lowest first."""
    previous = previous_quarter(quarter)
    before = {r["unit_code"]: r for r in ikm_by_unit(conn, quarter_filters(filters, previous))}
    goal = target_ikm(targets)
    units = []
    for row in ikm_by_unit(conn, quarter_filters(filters, quarter)):
        old = before.get(row["unit_code"])
        low, high = _bounds(row)
        low_before, high_before = _bounds(old)
        below_target = high is not None and high < goal
        dropped = high is not None and low_before is not None and high < low_before
        units.append({
            "unit_code": row["unit_code"], "name": row["name"], "kind": row["kind"],
            "region_code": row["region_code"], "ikm": row["ikm"], "grade": row["grade"], "ci_low": low,
            "ci_high": high, "respondents": row["respondents"], "minimum_sample": row["minimum_sample"],
            "sample": row["sample"], "provisional": row["sample"] != ADEQUATE, "judged": high is not None,
            "ikm_before": old["ikm"] if old else None, "ci_low_before": low_before, "ci_high_before": high_before,
            "respondents_before": old["respondents"] if old else 0,
            "below_target": below_target, "dropped": dropped, "slipping": below_target or dropped,
        })
    units.sort(key=lambda r: (not r["slipping"], not r["dropped"], r["ci_high"] if r["slipping"] else r["ikm"],
                              r["unit_code"]))
    return {"quarter": quarter, "previous": previous, "target": goal, "units": units}


# ------------------------------------------------------------------------------------------------ the week


@dataclass(frozen=True)
class Week:
    monday: date

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)

    @property
    def code(self) -> str:
        """ISO week code, '2026-W47'."""
        year, number, _ = self.monday.isocalendar()
        return f"{year}-W{number:02d}"


def last_complete_week(now: datetime | None = None) -> Week:
    """The most recent Monday–Sunday week in WIB that has ended."""
    _, today = _today(now)
    return Week(today - timedelta(days=today.weekday() + 7))


def parse_week(code: str | None) -> Week | None:
    """The Week of an ISO week code ('2026-W47'); None for anything else."""
    match = _ISO_WEEK.match(code or "")
    if not match:
        return None
    try:
        return Week(date.fromisocalendar(int(match[1]), int(match[2]), 1))
    except ValueError:
        return None


def week_options(first_day: date | None, now: datetime | None = None, most: int = 104) -> list[Week]:
    """Complete weeks a brief can be made for, newest first, back to the week of `first_day` (at most `most`)."""
    week = last_complete_week(now)
    weeks = [week]
    while first_day and len(weeks) < most and weeks[-1].monday > first_day:
        weeks.append(Week(weeks[-1].monday - timedelta(days=7)))
    return weeks


def weekly_brief(conn: Connection, week: Week, targets: Targets, region: str | None = None,
                 now: datetime | None = None) -> dict:
    """Everything the one-page brief states, per region: the targets row of the quarter the page grades on the
    Monday after the week (periods.graded_quarter: IKM, first responses), the week's questionnaires, complaints received
    and finished (resolved) in the week, open and past-limit complaints now, the latest Ombudsman score; the units
    slipping in that quarter (unit_comparison); and the top exceptions of the week (grade crossings and newly
    overdue since seven days ago, what falls due next). Counts only: no complaint text."""
    now, _ = _today(now)
    quarter = graded_quarter_on(conn, week.sunday + timedelta(days=1))
    filters = Filters(region=region)
    questionnaires = ikm_by_region(conn, filters.replace(date_from=week.monday, date_to=week.sunday))
    backlog = backlog_by(conn, filters, "region_code", now)
    received = received_per_region(conn, filters, week.monday, week.sunday)
    resolved = resolved_per_region(conn, filters, week.monday, week.sunday)
    targets_rows = {row["region_code"]: row for row in region_targets(conn, targets, region, now, quarter=quarter)}
    ombudsman = latest_ombudsman(conn)
    regions = []
    for code in REGION_CODES:
        if region not in (None, code):
            continue
        figures = backlog.get(code, {"open": 0, "overdue_open": 0})
        regions.append({
            "region_code": code,
            "questionnaires": questionnaires[code].respondents if code in questionnaires else 0,
            "received": received.get(code, 0), "resolved": resolved.get(code, 0),
            "open": figures["open"], "overdue": figures["overdue_open"],
            "targets": targets_rows[code], "ombudsman": ombudsman.get(code),
        })
    slipping = [u for u in unit_comparison(conn, filters, targets, quarter)["units"] if u["slipping"]]
    crossings = grade_crossings(conn, filters, "minggu", now)
    overdue = newly_overdue(conn, filters, "minggu", now)
    due = due_soon_by_unit(conn, filters, now)
    return {
        "week": week, "quarter": quarter, "regions": regions, "since": overdue["since"],
        "slipping": slipping[:BRIEF_EXCEPTIONS], "slipping_total": len(slipping),
        "crossings": crossings["units"][:BRIEF_EXCEPTIONS], "crossings_total": len(crossings["units"]),
        "newly_overdue": overdue["units"][:BRIEF_EXCEPTIONS], "newly_overdue_total": len(overdue["units"]),
        "due_soon": due["units"][:BRIEF_EXCEPTIONS], "due_from": due["today"], "due_until": due["until"],
        "due_units": len(due["units"]), "due_total": sum(r["due"] for r in due["units"]),
    }
