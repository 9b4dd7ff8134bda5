"""Complaint timing figures in working days against the limits (DOMAIN.md §2.2–2.4).

Each stage is a clock: verification runs from received to verified, first response and resolution from
forwarding (terverifikasi). A stage not yet done is right-censored at `now`, so medians come from
Kaplan–Meier and never from finished cases alone. Complaints that left by a side exit (archived,
bukan wewenang) are counted in the funnel, not in the first-response and resolution clocks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import numpy as np
import pandas as pd

from data_access.complaint_rules import (
    BACKLOG_BUCKETS,
    EXIT_STATUSES,
    FIRST_RESPONSE_LIMIT,
    OPEN_STATUSES,
    STATUSES,
    TIER_LIMITS,
    TIERS,
    VERIFICATION_LIMIT,
)
from data_access.survival import km_quantile
from data_access.workdays import add_workdays_many, workdays_between_many

STAGE_COLUMNS = ("received_at", "verified_at", "first_response_at", "resolved_at", "updated_at")


def wib_dates(values: pd.Series) -> np.ndarray:
    """WIB calendar dates (datetime64[D], NaT for missing) of a series of aware or naive-UTC timestamps."""
    stamps = pd.to_datetime(values, utc=True)
    return (stamps.dt.tz_convert("Asia/Jakarta").dt.tz_localize(None)).to_numpy().astype("datetime64[D]")


def wib_today(now: datetime) -> np.datetime64:
    """The WIB date of an aware instant, as datetime64[D]."""
    return np.datetime64(pd.Timestamp(now).tz_convert("Asia/Jakarta").date(), "D")


@dataclass(frozen=True)
class StageClock:
    """Working days each complaint has spent in one stage, whether it is done, and its limit."""

    elapsed: np.ndarray  # int working days, to the stage's end or to now
    done: np.ndarray  # bool
    limit: np.ndarray  # int working days

    def km(self, share: float) -> int | None:
        value = km_quantile(self.elapsed.tolist(), self.done.tolist(), share)
        return None if value is None else int(value)

    def within_limit_pct(self) -> float | None:
        """Share finished within the limit, of the cases already decided (done, or still open past the limit)."""
        decided = self.done | (self.elapsed > self.limit)
        if not decided.any():
            return None
        within = self.done & (self.elapsed <= self.limit)
        return round(100 * within.sum() / decided.sum(), 1)

    def overdue_open(self) -> np.ndarray:
        return ~self.done & (self.elapsed > self.limit)

    def __len__(self) -> int:
        return len(self.elapsed)


def _clock(start: np.ndarray, end: np.ndarray, now_date: np.datetime64, limit: np.ndarray, cuti) -> StageClock:
    done = ~np.isnat(end)
    stop = np.where(done, end, now_date)
    elapsed = workdays_between_many(start, stop, cuti)
    return StageClock(elapsed=elapsed, done=done, limit=limit)


@dataclass(frozen=True)
class Clocks:
    verification: StageClock
    first_response: StageClock
    resolution: StageClock
    overdue_open: np.ndarray  # bool per complaint of the frame given


def stage_clocks(frame: pd.DataFrame, now: datetime, include_cuti_bersama: bool | None = None) -> Clocks:
    """The three stage clocks of a frame with STAGE_COLUMNS, status and tier columns."""
    now_date = wib_today(now)
    received = wib_dates(frame["received_at"])
    verified = wib_dates(frame["verified_at"])
    first_response = wib_dates(frame["first_response_at"])
    resolved = wib_dates(frame["resolved_at"])
    updated = wib_dates(frame["updated_at"])
    status = frame["status"].to_numpy()
    exited = np.isin(status, list(EXIT_STATUSES))
    is_open = np.isin(status, list(OPEN_STATUSES))
    n = len(frame)

    # An admin archiving or rejecting an unverified complaint has decided it: that ends verification.
    verification_end = np.where(np.isnat(verified) & exited, updated, verified)
    verification = _clock(received, verification_end, now_date, np.full(n, VERIFICATION_LIMIT), include_cuti_bersama)

    forwarded = ~np.isnat(verified) & ~exited
    tier_limit = frame["tier"].map(TIER_LIMITS).to_numpy(dtype=int)
    # A complaint closed without a separate tanggapan was answered by its resolution.
    answered = np.where(np.isnat(first_response), resolved, first_response)
    first = _clock(
        verified[forwarded], answered[forwarded], now_date,
        np.full(int(forwarded.sum()), FIRST_RESPONSE_LIMIT), include_cuti_bersama,
    )
    resolution = _clock(verified[forwarded], resolved[forwarded], now_date, tier_limit[forwarded], include_cuti_bersama)

    overdue = is_open & ~(verification.done) & (verification.elapsed > VERIFICATION_LIMIT)
    forwarded_overdue = first.overdue_open() | resolution.overdue_open()
    overdue[forwarded] |= forwarded_overdue & is_open[forwarded]
    return Clocks(verification, first, resolution, overdue)


def complaint_figures(frame: pd.DataFrame, now: datetime, include_cuti_bersama: bool | None = None) -> dict:
    """The `report complaints` figures of a frame of complaints (see DESIGN.md for the JSON shape)."""
    by_status = {status: int((frame["status"] == status).sum()) for status in STATUSES}
    received = len(frame)
    open_count = sum(by_status[s] for s in OPEN_STATUSES)
    if received == 0:
        empty = {"median_workdays": None, "within_limit_pct": None}
        return {
            "received": 0, "open": 0, "by_status": by_status,
            "verification": dict(empty), "first_response": dict(empty),
            "resolution": {**empty, "p90_workdays": None, "still_open_pct": None},
            "overdue_open": 0,
        }
    clocks = stage_clocks(frame, now, include_cuti_bersama)
    resolution = clocks.resolution
    still_open = None if not len(resolution) else round(100 * (~resolution.done).sum() / len(resolution), 1)
    return {
        "received": received,
        "open": open_count,
        "by_status": by_status,
        "verification": {
            "median_workdays": clocks.verification.km(0.5),
            "within_limit_pct": clocks.verification.within_limit_pct(),
        },
        "first_response": {
            "median_workdays": clocks.first_response.km(0.5),
            "within_limit_pct": clocks.first_response.within_limit_pct(),
        },
        "resolution": {
            "median_workdays": resolution.km(0.5),
            "p90_workdays": resolution.km(0.9),
            "within_limit_pct": resolution.within_limit_pct(),
            "still_open_pct": still_open,
        },
        "overdue_open": int(clocks.overdue_open.sum()),
    }


def _stage_row(stage: str, tier: str | None, limit: int, clock: StageClock) -> dict:
    return {
        "stage": stage,
        "tier": tier,
        "limit_workdays": limit,
        "complaints": len(clock),
        "done": int(clock.done.sum()),
        "median_workdays": clock.km(0.5),
        "p90_workdays": clock.km(0.9),
        "within_limit_pct": clock.within_limit_pct(),
        "still_open_pct": round(100 * (~clock.done).sum() / len(clock), 1) if len(clock) else None,
    }


def stage_timings(frame: pd.DataFrame, now: datetime, include_cuti_bersama: bool | None = None) -> list[dict]:
    """One row per stage clock against its limit: verification, first response, then resolution per tier.

    Medians and 90th percentiles are Kaplan–Meier with stages not yet done censored at now (None = not reached);
    within_limit_pct counts decided cases; still_open_pct is the share whose stage is not done."""
    clocks = stage_clocks(frame, now, include_cuti_bersama)
    rows = [
        _stage_row("verification", None, VERIFICATION_LIMIT, clocks.verification),
        _stage_row("first_response", None, FIRST_RESPONSE_LIMIT, clocks.first_response),
    ]
    for tier in TIERS:
        subset = frame[frame["tier"] == tier].reset_index(drop=True)
        resolution = stage_clocks(subset, now, include_cuti_bersama).resolution
        rows.append(_stage_row("resolution", tier, TIER_LIMITS[tier], resolution))
    return rows


def open_stages(frame: pd.DataFrame, now: datetime, include_cuti_bersama: bool | None = None) -> pd.DataFrame:
    """The open complaints of a frame, each with the clock of the stage it waits in.

    Added columns: stage, elapsed (working days so far), limit, left (limit - elapsed; negative = past it), due
    (the last WIB date within the limit) and bucket (complaint_rules.BACKLOG_BUCKETS). The stage is the first not
    done: verification until verified, then the first response (its limit comes first), then resolution with the
    tier's limit. `left` is also the number of working days from today to the due date."""
    rows = frame[frame["status"].isin(list(OPEN_STATUSES))].reset_index(drop=True)
    received = wib_dates(rows["received_at"])
    verified = wib_dates(rows["verified_at"])
    answered = ~np.isnat(wib_dates(rows["first_response_at"])) | ~np.isnat(wib_dates(rows["resolved_at"]))
    unverified = np.isnat(verified)
    unanswered = ~unverified & ~answered
    stage = np.select([unverified, unanswered], ["verification", "first_response"], "resolution").astype(object)
    start = np.where(unverified, received, verified)
    tier_limit = rows["tier"].map(TIER_LIMITS).to_numpy(dtype=int)
    limit = np.select([unverified, unanswered], [VERIFICATION_LIMIT, FIRST_RESPONSE_LIMIT], tier_limit)
    elapsed = workdays_between_many(start, np.full(len(rows), wib_today(now)), include_cuti_bersama)
    left = limit - elapsed
    return rows.assign(
        stage=stage, elapsed=elapsed, limit=limit, left=left,
        due=add_workdays_many(start, limit, include_cuti_bersama), bucket=backlog_bucket(left),
    )


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
