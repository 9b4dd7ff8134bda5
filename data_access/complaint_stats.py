"""Complaint timing figures in working days against the limits (DOMAIN.md §2.2–2.4).

Each stage is a clock: verification runs from received to verified, first response and resolution from
forwarding (terverifikasi), or from received when the forwarding time is missing. A stage not yet done is
right-censored at `now`, so medians come from Kaplan–Meier and never from finished cases alone. Complaints that
left by a side exit (archived, bukan wewenang) are counted in the funnel, not in the first-response and resolution
clocks.

Missing stage times (DOMAIN.md §2.2): a later stage's time ends every earlier clock without a time of its own; that
duration is unknown (NO_TIME), left out of the stage's statistics and counted beside them. A closed complaint's
clock with neither its own time nor a later one is in no clock: the status says it ended, nothing says when.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import numpy as np
import pandas as pd

from data_access import clock
from data_access.complaint_rules import (
    BACKLOG_BUCKETS,
    EXIT_STATUSES,
    FIRST_RESPONSE_LIMIT,
    OPEN_STATUSES,
    STAGES,
    STATUSES,
    TIER_LIMITS,
    TIERS,
    VERIFICATION_LIMIT,
)
from data_access.survival import km_quantile
from data_access.workdays import add_workdays_many, workdays_between_many

STAGE_COLUMNS = ("received_at", "verified_at", "first_response_at", "resolved_at", "updated_at")
# The working days of a stage that ended with no time recorded ("tanpa waktu tercatat"): a later stage's time ended
# it. Real durations are never negative (imports require stage times in order), so rollups store it as it is.
NO_TIME = -1


def wib_dates(values: pd.Series) -> np.ndarray:
    """WIB calendar dates (datetime64[D], NaT for missing) of a series of aware or naive-UTC timestamps."""
    stamps = pd.to_datetime(values, utc=True)
    return (stamps.dt.tz_convert("Asia/Jakarta").dt.tz_localize(None)).to_numpy().astype("datetime64[D]")


def wib_today(now: datetime) -> np.datetime64:
    """The WIB date of an aware instant, as datetime64[D]."""
    return np.datetime64(pd.Timestamp(now).tz_convert("Asia/Jakarta").date(), "D")


@dataclass(frozen=True)
class StageClock:
    """Working days complaints have spent in one stage, whether the stage is done, and its limit.

    Each entry stands for `weight` complaints: one for a complaint read row by row, more for a rollup's
    histogram of finished stages (every complaint of a unit that took 3 working days counts once, with its weight).
    Entries of NO_TIME working days (done, duration unknown) are left out of every statistic and counted as
    `unknown`."""

    elapsed: np.ndarray  # int working days, to the stage's end or to now; NO_TIME where the end has no time
    done: np.ndarray  # bool
    limit: np.ndarray  # int working days
    weight: np.ndarray  # int complaints per entry

    @property
    def timed(self) -> np.ndarray:
        return self.elapsed != NO_TIME

    @property
    def complaints(self) -> int:
        """Complaints in the stage's statistics (those with a known or running duration)."""
        return int(self.weight[self.timed].sum())

    @property
    def finished(self) -> int:
        return int(self.weight[self.done & self.timed].sum())

    @property
    def unknown(self) -> int:
        """Complaints whose stage ended with no time recorded."""
        return int(self.weight[~self.timed].sum())

    def km(self, share: float) -> int | None:
        timed = self.timed
        value = km_quantile(self.elapsed[timed].tolist(), self.done[timed].tolist(), share,
                            self.weight[timed].tolist())
        return None if value is None else int(value)

    def within_limit_pct(self, limit: int | None = None) -> float | None:
        """Share finished within the limit (or within `limit` working days), of the cases already decided (done, or
        still open past it); durations unknown are not decided either way."""
        limit = self.limit if limit is None else limit
        decided = self.timed & (self.done | (self.elapsed > limit))
        if not decided.any():
            return None
        within = decided & self.done & (self.elapsed <= limit)
        return round(100 * self.weight[within].sum() / self.weight[decided].sum(), 1)

    def still_open_pct(self) -> float | None:
        return round(100 * (self.complaints - self.finished) / self.complaints, 1) if self.complaints else None

    def overdue_open(self) -> np.ndarray:
        return ~self.done & (self.elapsed > self.limit)

    def plus(self, other: StageClock) -> StageClock:
        return StageClock(*(np.concatenate([getattr(self, name), getattr(other, name)])
                            for name in ("elapsed", "done", "limit", "weight")))


def _clock(start: np.ndarray, end: np.ndarray, ended: np.ndarray, now_date: np.datetime64, limit: np.ndarray,
           cuti) -> StageClock:
    """The clock from start to end (NaT: still running at now_date, unless `ended` by a later stage's time, which
    leaves its duration unknown)."""
    timed = ~np.isnat(end)
    elapsed = workdays_between_many(start, np.where(timed, end, now_date), cuti)
    elapsed = np.where(ended & ~timed, NO_TIME, elapsed)
    return StageClock(elapsed=elapsed, done=timed | ended, limit=limit, weight=np.ones(len(timed), dtype=np.int64))


@dataclass(frozen=True)
class Clocks:
    verification: StageClock
    first_response: StageClock
    resolution: StageClock
    overdue_open: np.ndarray  # bool per complaint of the frame given
    members: dict[str, np.ndarray]  # per stage, bool per complaint: the rows its clock holds, in order


def stage_clocks(frame: pd.DataFrame, now: datetime, include_cuti_bersama: bool | None = None) -> Clocks:
    """The three stage clocks of a frame with STAGE_COLUMNS, status and tier columns."""
    now_date = wib_today(now)
    received = wib_dates(frame["received_at"])
    verified = wib_dates(frame["verified_at"])
    first_response = wib_dates(frame["first_response_at"])
    resolved = wib_dates(frame["resolved_at"])
    status = frame["status"].to_numpy()
    exited = np.isin(status, list(EXIT_STATUSES))
    is_open = np.isin(status, list(OPEN_STATUSES))
    n = len(frame)
    has_verified, has_first, has_resolved = ~np.isnat(verified), ~np.isnat(first_response), ~np.isnat(resolved)

    # A clock holds a complaint whose stage has a time, was ended by a later stage's time, or is still running:
    # a closed complaint with none of these times says the stage ended but not when, so it is in no clock.
    answered_or_resolved = has_first | has_resolved
    members = {"verification": has_verified | answered_or_resolved | is_open}
    # A complaint that was answered or resolved had been forwarded, whether or not that time was recorded.
    forwarded = ~exited & (has_verified | answered_or_resolved)
    members["first_response"] = forwarded & (answered_or_resolved | is_open)
    members["resolution"] = forwarded & (has_resolved | is_open)
    # From forwarding, or from received when that time is missing: the complainant's wait began when they complained.
    since_forwarding = np.where(has_verified, verified, received)
    tier_limit = frame["tier"].map(TIER_LIMITS).to_numpy(dtype=int)

    def member_clock(stage: str, start, end, ended, limit) -> StageClock:
        rows = members[stage]
        return _clock(start[rows], end[rows], ended[rows], now_date, limit[rows], include_cuti_bersama)

    verification = member_clock("verification", received, verified, answered_or_resolved,
                                np.full(n, VERIFICATION_LIMIT))
    first = member_clock("first_response", since_forwarding, first_response, has_resolved,
                         np.full(n, FIRST_RESPONSE_LIMIT))
    resolution = member_clock("resolution", since_forwarding, resolved, np.zeros(n, dtype=bool), tier_limit)

    overdue = np.zeros(n, dtype=bool)
    for stage, stage_clock in (("verification", verification), ("first_response", first), ("resolution", resolution)):
        overdue[members[stage]] |= stage_clock.overdue_open()
    return Clocks(verification, first, resolution, overdue & is_open, members)


# --- complaints as the pages need them: finished stages as a histogram, running ones row by row ------------------

COUNT_COLUMNS = ("unit_code", "region_code", "status", "complaints")
SETTLED_COLUMNS = ("unit_code", "region_code", "stage", "tier", "workdays", "complaints")


def stage_rows(frame: pd.DataFrame, now: datetime, include_cuti_bersama: bool | None = None) -> pd.DataFrame:
    """One row per stage clock of each complaint of a raw frame: position (in the frame), stage, tier, elapsed
    (working days, to its end or to now; NO_TIME when unknown), done. Finished stages do not depend on `now`."""
    return _clock_rows(stage_clocks(frame, now, include_cuti_bersama), frame["tier"].to_numpy())


def _clock_rows(clocks: Clocks, tiers: np.ndarray) -> pd.DataFrame:
    """stage_rows of clocks already computed (stage_clocks) for rows with these tiers."""
    everyone = np.arange(len(tiers))
    parts = []
    for stage in STAGES:
        stage_clock, positions = getattr(clocks, stage), everyone[clocks.members[stage]]
        parts.append(pd.DataFrame({"position": positions, "stage": stage, "tier": tiers[positions],
                                   "elapsed": stage_clock.elapsed, "done": stage_clock.done}))
    return pd.concat(parts, ignore_index=True)


def running_mask(frame: pd.DataFrame) -> np.ndarray:
    """Complaints with a stage clock still running (their figures change with every working day)."""
    rows = stage_rows(frame, clock.now())
    running = np.zeros(len(frame), dtype=bool)
    running[rows.loc[~rows["done"], "position"].to_numpy()] = True
    return running


def settled_stages(frame: pd.DataFrame, include_cuti_bersama: bool | None = None) -> pd.DataFrame:
    """The finished stages of a raw frame as a histogram: SETTLED_COLUMNS (what complaint rollups store), those ended
    with no time recorded at NO_TIME working days."""
    rows = stage_rows(frame, clock.now(), include_cuti_bersama)
    done = rows[rows["done"]]
    keyed = pd.DataFrame({
        "unit_code": frame["unit_code"].to_numpy()[done["position"].to_numpy()],
        "region_code": frame["region_code"].to_numpy()[done["position"].to_numpy()],
        "stage": done["stage"].to_numpy(), "tier": done["tier"].to_numpy(), "workdays": done["elapsed"].to_numpy(),
    })
    return keyed.groupby(list(SETTLED_COLUMNS[:-1]), as_index=False).size().rename(columns={"size": "complaints"})


@dataclass(frozen=True)
class ComplaintSet:
    """The complaints a filter selects, in the three parts every figure is made of: counts per unit and status;
    the working days of every stage already finished, as a histogram (a rollup serves it, so its size does not grow
    with the years); and the raw stage times of complaints with a stage still running (bounded by the backlog)."""

    counts: pd.DataFrame  # COUNT_COLUMNS
    settled: pd.DataFrame  # SETTLED_COLUMNS
    running: pd.DataFrame  # raw rows: unit_code, region_code, status, tier, STAGE_COLUMNS, ...

    @classmethod
    def from_frame(cls, frame: pd.DataFrame, include_cuti_bersama: bool | None = None) -> ComplaintSet:
        """The set of a raw frame of complaints (tests, one unit's tracker, and the rollups' own refresh)."""
        counts = frame.groupby(["unit_code", "region_code", "status"], as_index=False).size()
        return cls(counts.rename(columns={"size": "complaints"}), settled_stages(frame, include_cuti_bersama),
                   frame[running_mask(frame)].reset_index(drop=True))

    def where(self, column: str, value) -> ComplaintSet:
        """The part of the set whose `column` (unit_code or region_code) equals value."""
        return ComplaintSet(*(part[part[column] == value].reset_index(drop=True)
                              for part in (self.counts, self.settled, self.running)))

    def values(self, column: str) -> list:
        return sorted(set(self.counts[column]))

    @property
    def received(self) -> int:
        return int(self.counts["complaints"].sum())


def _stage_limits(stages: np.ndarray, tiers: np.ndarray) -> np.ndarray:
    """Each stage clock's limit in working days: verification and first response fixed, resolution by tier."""
    tier_limits = np.array([TIER_LIMITS.get(tier, 0) for tier in tiers], dtype=np.int64)
    return np.select([stages == "verification", stages == "first_response"],
                     [VERIFICATION_LIMIT, FIRST_RESPONSE_LIMIT], tier_limits)


def _settled_clock(settled: pd.DataFrame, stage: str) -> StageClock:
    rows = settled[settled["stage"] == stage]
    return StageClock(rows["workdays"].to_numpy(dtype=np.int64), np.ones(len(rows), dtype=bool),
                      _stage_limits(rows["stage"].to_numpy(), rows["tier"].to_numpy()),
                      rows["complaints"].to_numpy(dtype=np.int64))


def _running_clocks(running: pd.DataFrame, now: datetime, cuti: bool | None) -> tuple[dict[str, StageClock], int]:
    """The running stages of the raw rows (finished ones are in the histogram already) and how many are overdue."""
    clocks = stage_clocks(running, now, cuti)
    parts = {}
    for stage in STAGES:
        stage_clock = getattr(clocks, stage)
        keep = ~stage_clock.done
        parts[stage] = StageClock(stage_clock.elapsed[keep], stage_clock.done[keep], stage_clock.limit[keep],
                                  stage_clock.weight[keep])
    return parts, int(clocks.overdue_open.sum())


def set_clocks(complaints: ComplaintSet, now: datetime, include_cuti_bersama: bool | None = None,
               tier: str | None = None) -> tuple[dict[str, StageClock], int]:
    """Each stage's clock over the whole set (finished from the histogram, running from the raw rows), optionally
    of one tier only, and the number of open complaints past their current stage's limit."""
    settled, running = complaints.settled, complaints.running
    if tier is not None:
        settled, running = settled[settled["tier"] == tier], running[running["tier"] == tier].reset_index(drop=True)
    running_parts, overdue = _running_clocks(running, now, include_cuti_bersama)
    return {stage: _settled_clock(settled, stage).plus(running_parts[stage]) for stage in STAGES}, overdue


def _median_within(stage_clock: StageClock) -> dict:
    return {"median_workdays": stage_clock.km(0.5), "within_limit_pct": stage_clock.within_limit_pct(),
            "unknown_time": stage_clock.unknown}


def complaint_figures(complaints: ComplaintSet, now: datetime, include_cuti_bersama: bool | None = None) -> dict:
    """The `report complaints` figures of a set of complaints (see DESIGN.md for the JSON shape)."""
    per_status = complaints.counts.groupby("status")["complaints"].sum()
    by_status = {status: int(per_status.get(status, 0)) for status in STATUSES}
    if complaints.received == 0:
        return _figures(by_status, {}, 0)
    clocks, overdue = set_clocks(complaints, now, include_cuti_bersama)
    return _figures(by_status, clocks, overdue)


_EMPTY_CLOCK = StageClock(np.empty(0, dtype=np.int64), np.empty(0, dtype=bool), np.empty(0, dtype=np.int64),
                          np.empty(0, dtype=np.int64))


def complaint_figures_by(complaints: ComplaintSet, column: str, now: datetime,
                         include_cuti_bersama: bool | None = None) -> dict:
    """complaint_figures of each value of `column` (unit_code or region_code) that has complaints: the same figures
    as complaint_figures(complaints.where(column, value)), computed on plain arrays grouped once (per-unit pandas
    filtering cost more than the Kaplan–Meier fits themselves)."""
    clocks = stage_clocks(complaints.running, now, include_cuti_bersama)
    rows = _clock_rows(clocks, complaints.running["tier"].to_numpy())
    rows = rows[~rows["done"]]
    owners = complaints.running[column].to_numpy()
    overdue = pd.Series(owners[clocks.overdue_open]).value_counts()
    settled = complaints.settled
    parts = {  # per part: owner, stage, limit, working days, weight, done
        "settled": (settled[column].to_numpy(), settled["stage"].to_numpy(),
                    _stage_limits(settled["stage"].to_numpy(), settled["tier"].to_numpy()),
                    settled["workdays"].to_numpy(dtype=np.int64), settled["complaints"].to_numpy(dtype=np.int64), True),
        "running": (owners[rows["position"].to_numpy()], rows["stage"].to_numpy(),
                    _stage_limits(rows["stage"].to_numpy(), rows["tier"].to_numpy()),
                    rows["elapsed"].to_numpy(dtype=np.int64), np.ones(len(rows), dtype=np.int64), False),
    }
    positions = {name: pd.Series(part[0]).groupby(part[0]).indices for name, part in parts.items()}
    statuses = complaints.counts.pivot_table(index=column, columns="status", values="complaints", aggfunc="sum",
                                             fill_value=0)
    figures = {}
    for value in complaints.values(column):
        stage_clocks_of = dict.fromkeys(STAGES, _EMPTY_CLOCK)
        for name, (_, stages, limits, days, weights, done) in parts.items():
            mine = positions[name].get(value, np.empty(0, dtype=np.int64))
            for stage in STAGES:
                take = mine[stages[mine] == stage]
                stage_clocks_of[stage] = stage_clocks_of[stage].plus(StageClock(
                    days[take], np.full(len(take), done), limits[take], weights[take]))
        by_status = {status: int(statuses.at[value, status]) if status in statuses.columns else 0
                     for status in STATUSES}
        figures[value] = _figures(by_status, stage_clocks_of, int(overdue.get(value, 0)))
    return figures


def _figures(by_status: dict[str, int], clocks: dict[str, StageClock], overdue: int) -> dict:
    received = sum(by_status.values())
    if received == 0:
        empty = {"median_workdays": None, "within_limit_pct": None, "unknown_time": 0}
        return {
            "received": 0, "open": 0, "by_status": by_status,
            "verification": dict(empty), "first_response": dict(empty),
            "resolution": {**empty, "p90_workdays": None, "still_open_pct": None},
            "overdue_open": 0,
        }
    resolution = clocks["resolution"]
    return {
        "received": received,
        "open": sum(by_status[s] for s in OPEN_STATUSES),
        "by_status": by_status,
        "verification": _median_within(clocks["verification"]),
        "first_response": _median_within(clocks["first_response"]),
        "resolution": {**_median_within(resolution), "p90_workdays": resolution.km(0.9),
                       "still_open_pct": resolution.still_open_pct()},
        "overdue_open": overdue,
    }


def _stage_row(stage: str, tier: str | None, limit: int, stage_clock: StageClock) -> dict:
    return {
        "stage": stage,
        "tier": tier,
        "limit_workdays": limit,
        "complaints": stage_clock.complaints,
        "done": stage_clock.finished,
        "median_workdays": stage_clock.km(0.5),
        "p90_workdays": stage_clock.km(0.9),
        "within_limit_pct": stage_clock.within_limit_pct(),
        "still_open_pct": stage_clock.still_open_pct(),
        "unknown_time": stage_clock.unknown,
    }


def stage_timings(complaints: ComplaintSet, now: datetime, include_cuti_bersama: bool | None = None) -> list[dict]:
    """One row per stage clock against its limit: verification, first response, then resolution per tier.

    Medians and 90th percentiles are Kaplan–Meier with stages not yet done censored at now (None = not reached);
    within_limit_pct counts decided cases; still_open_pct is the share whose stage is not done."""
    clocks, _ = set_clocks(complaints, now, include_cuti_bersama)
    rows = [
        _stage_row("verification", None, VERIFICATION_LIMIT, clocks["verification"]),
        _stage_row("first_response", None, FIRST_RESPONSE_LIMIT, clocks["first_response"]),
    ]
    for tier in TIERS:
        resolution = set_clocks(complaints, now, include_cuti_bersama, tier=tier)[0]["resolution"]
        rows.append(_stage_row("resolution", tier, TIER_LIMITS[tier], resolution))
    return rows


def open_stages(frame: pd.DataFrame, now: datetime, include_cuti_bersama: bool | None = None) -> pd.DataFrame:
    """The open complaints of a frame, each with the clock of the stage it waits in.

    Added columns: stage, elapsed (working days so far), limit, left (limit - elapsed; negative = past it), due
    (the last WIB date within the limit) and bucket (complaint_rules.BACKLOG_BUCKETS). The stage is the first not
    done: verification until verified (or answered), then the first response (its limit comes first), then
    resolution with the tier's limit, both counted from forwarding, or from received when that time is missing.
    `left` is also the number of working days from today to the due date."""
    rows = frame[frame["status"].isin(list(OPEN_STATUSES))].reset_index(drop=True)
    received = wib_dates(rows["received_at"])
    verified = wib_dates(rows["verified_at"])
    answered = ~np.isnat(wib_dates(rows["first_response_at"])) | ~np.isnat(wib_dates(rows["resolved_at"]))
    # A later stage's time ends verification even when its own time is missing (stage_clocks).
    unverified = np.isnat(verified) & ~answered
    unanswered = ~unverified & ~answered
    stage = np.select([unverified, unanswered], ["verification", "first_response"], "resolution").astype(object)
    start = np.where(np.isnat(verified), received, verified)
    tier_limit = rows["tier"].map(TIER_LIMITS).to_numpy(dtype=int)
    limit = np.select([unverified, unanswered], [VERIFICATION_LIMIT, FIRST_RESPONSE_LIMIT], tier_limit)
    elapsed = workdays_between_many(start, np.full(len(rows), wib_today(now)), include_cuti_bersama)
    left = limit - elapsed
    return rows.assign(
        stage=stage, elapsed=elapsed, limit=limit, left=left,
        due=add_workdays_many(start, limit, include_cuti_bersama), bucket=backlog_bucket(left),
    )


def stages_per_unit(stages: pd.DataFrame) -> dict[str, dict[str, int]]:
    """Rows of open_stages counted per unit and stage: {unit_code: {stage: n}} with every stage, zeros included."""
    if not len(stages):
        return {}
    table = pd.crosstab(stages["unit_code"], stages["stage"]).reindex(columns=list(STAGES), fill_value=0)
    return {code: {stage: int(n) for stage, n in row.items()} for code, row in table.to_dict("index").items()}


def backlog_bucket(left: np.ndarray) -> np.ndarray:
    """The BACKLOG_BUCKETS key of each number of working days left."""
    left = np.asarray(left)
    keys = np.empty(len(left), dtype=object)
    for key, fewest, most in BACKLOG_BUCKETS:
        inside = np.ones(len(left), dtype=bool)
        if fewest is not None:
            inside &= left >= fewest
        if most is not None:
            inside &= left <= most
        keys[inside] = key
    return keys
