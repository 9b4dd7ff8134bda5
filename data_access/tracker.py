"""Lacak pengaduan: one complaint's stages by its ticket, for anyone who has the ticket.

It returns the ticket, the unit, category, tier and status, and per stage the WIB date, the working days the
stage took (or has been running) and its limit. Never the description, the channel or anything about the person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

import pandas as pd
from sqlalchemy import Connection, func, select

from data_access import clock, schema
from data_access.complaint_rules import FIRST_RESPONSE_LIMIT, SIDE_EXITS, TIER_LIMITS, VERIFICATION_LIMIT
from data_access.complaint_stats import NO_TIME, STAGE_COLUMNS, stage_clocks, wib_today
from data_access.workdays import WIB, add_workdays

# Tickets of LAPOR!, e-Sambat, imports and the demo: letters, digits and . _ / - (the column holds 64).
TICKET_MAX_LENGTH = 64
TICKET_PATTERN = re.compile(rf"[A-Za-z0-9][A-Za-z0-9._/-]{{0,{TICKET_MAX_LENGTH - 1}}}")

DONE = "done"
WAITING = "waiting"


class InvalidTicket(ValueError):
    """Text that cannot be a ticket number."""


def normalise_ticket(text: str | None) -> str:
    """The ticket as typed, without surrounding blanks; InvalidTicket unless it has a ticket's shape."""
    ticket = (text or "").strip()
    if not TICKET_PATTERN.fullmatch(ticket):
        raise InvalidTicket(ticket[:TICKET_MAX_LENGTH + 1])
    return ticket


@dataclass(frozen=True)
class TrackedStage:
    """One step of a complaint: a status it reached (day set) or the stage it waits in (day None, state WAITING)."""

    status: str
    day: date | None  # WIB date it happened
    workdays: int | None  # working days the stage took, or has been running while waiting
    limit: int | None  # working days allowed, None where no limit applies
    due: date | None  # last WIB date within the limit, while waiting
    state: str  # DONE or WAITING

    @property
    def within_limit(self) -> bool | None:
        if self.limit is None or self.workdays is None:
            return None
        return self.workdays <= self.limit


@dataclass(frozen=True)
class TrackedComplaint:
    ticket: str
    unit_code: str
    unit_name: str
    category: str
    tier: str
    status: str
    stages: tuple[TrackedStage, ...]


def _history(conn: Connection, complaint_id: int) -> dict[str, datetime]:
    """When each status was last entered, from the status history."""
    table = schema.complaint_status_history
    rows = conn.execute(
        select(table.c.status, table.c.changed_at).where(table.c.complaint_id == complaint_id)
        .order_by(table.c.changed_at)
    )
    return {row.status: row.changed_at for row in rows}


def _day(instant: datetime | None) -> date | None:
    return None if instant is None else instant.astimezone(WIB).date()


def _stages(row, history: dict[str, datetime], now: datetime) -> tuple[TrackedStage, ...]:
    """The steps of one complaint with the same clocks as the statistics (complaint_stats.stage_clocks): a stage
    ended with no time recorded is done with neither a day nor working days."""
    frame = pd.DataFrame([{name: getattr(row, name) for name in (*STAGE_COLUMNS, "status", "tier")}])
    clocks = stage_clocks(frame, now)
    today = wib_today(now).astype(date)
    steps = [TrackedStage("diterima", _day(row.received_at), None, None, None, DONE)]

    def clock_step(status: str, day: date | None, stage_clock, limit: int, start: date) -> TrackedStage:
        workdays = int(stage_clock.elapsed[0])
        if workdays == NO_TIME:
            return TrackedStage(status, None, None, None, None, DONE)
        if bool(stage_clock.done[0]):
            return TrackedStage(status, day, workdays, limit, None, DONE)
        return TrackedStage(status, None, workdays, limit, add_workdays(start, limit), WAITING)

    received = _day(row.received_at)
    # Forwarding, or received when its time is missing (as the statistics count it).
    forwarded = _day(row.verified_at) or received
    if clocks.members["verification"][0]:
        steps.append(clock_step("terverifikasi", _day(row.verified_at), clocks.verification, VERIFICATION_LIMIT,
                                received))
    if "didisposisikan" in history and row.verified_at is not None:
        steps.append(TrackedStage("didisposisikan", _day(history["didisposisikan"]), None, None, None, DONE))
    if clocks.members["first_response"][0]:
        steps.append(clock_step("ditindaklanjuti", _day(row.first_response_at), clocks.first_response,
                                FIRST_RESPONSE_LIMIT, forwarded))
    if clocks.members["resolution"][0]:
        steps.append(clock_step("selesai", _day(row.resolved_at), clocks.resolution, TIER_LIMITS[row.tier],
                                forwarded))
    if row.status in SIDE_EXITS:
        steps.append(TrackedStage(row.status, _day(history.get(row.status, row.updated_at)), None, None, None, DONE))
    return tuple(sorted(steps, key=_step_order(steps, today)))


def _step_order(steps: list[TrackedStage], today: date):
    """Sort key: done steps by day (one with no day recorded right after the step before it), then waiting ones."""
    days, last = {}, None
    for step in steps:
        last = step.day or last
        days[id(step)] = last
    order = {DONE: 0, WAITING: 1}
    return lambda step: (order[step.state], today if step.state == WAITING else days[id(step)])


def track_complaint(conn: Connection, ticket: str, now: datetime | None = None) -> TrackedComplaint | None:
    """The complaint with this ticket, or None if there is none. InvalidTicket for a malformed ticket.

    People copy tickets from an SMS or a receipt, or retype them in lower case: the ticket as typed is looked up
    first, then regardless of case, and a case-insensitive match counts only when it is the only one (two tickets
    differing only in case would otherwise show a stranger's complaint)."""
    ticket = normalise_ticket(ticket)
    complaints, units = schema.complaints, schema.service_units
    query = (
        select(
            complaints.c.id, complaints.c.ticket, units.c.code.label("unit_code"), units.c.name.label("unit_name"),
            complaints.c.category, complaints.c.tier, complaints.c.status,
            *[complaints.c[name] for name in STAGE_COLUMNS],
        )
        .select_from(complaints.join(units, complaints.c.unit_id == units.c.id))
    )
    row = conn.execute(query.where(complaints.c.ticket == ticket)).first()
    if row is None:
        matches = conn.execute(query.where(func.upper(complaints.c.ticket) == ticket.upper()).limit(2)).all()
        if len(matches) != 1:
            return None
        row = matches[0]
    now = now or clock.now()
    return TrackedComplaint(
        ticket=row.ticket, unit_code=row.unit_code, unit_name=row.unit_name, category=row.category, tier=row.tier,
        status=row.status, stages=_stages(row, _history(conn, row.id), now),
    )

