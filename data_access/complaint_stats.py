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
    EXIT_STATUSES,
    FIRST_RESPONSE_LIMIT,
    OPEN_STATUSES,
    STATUSES,
    TIER_LIMITS,
    VERIFICATION_LIMIT,
)
from data_access.survival import km_quantile
from data_access.workdays import workdays_between_many

STAGE_COLUMNS = ("received_at", "verified_at", "first_response_at", "resolved_at", "updated_at")


def wib_dates(values: pd.Series) -> np.ndarray:
    """WIB calendar dates (datetime64[D], NaT for missing) of a series of aware or naive-UTC timestamps."""
    stamps = pd.to_datetime(values, utc=True)
    return (stamps.dt.tz_convert("Asia/Jakarta").dt.tz_localize(None)).to_numpy().astype("datetime64[D]")


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
    now_date = np.datetime64(pd.Timestamp(now).tz_convert("Asia/Jakarta").date(), "D")
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
