"""`import complaints`: complaints added or brought up to date by ticket, each new status logged in their history.

The Open311 import (open311.py) checks and writes its requests with the same functions.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

import pandas as pd
from sqlalchemy import Connection, bindparam, insert, select, update

from data_access import complaint_rules, schema
from data_access.complaint_rollups import refresh_for_instants as refresh_complaint_rollups_for
from data_access.importers.checks import Checks, max_length, same
from data_access.importers.columns import COMPLAINT_COLUMNS, STAGES
from data_access.importers.reading import read_table
from data_access.importers.units import unit_index
from data_access.importers.writing import chunks, one_of, records
from data_access.progress import Progress

# Free text longer than this is a misaligned column, not a complaint.
MAX_TEXT_LENGTH = 10_000
# Fields of an existing complaint that a newer export may change.
COMPLAINT_FIELDS = ("unit_id", "channel", "classification", "category", "tier", *STAGES, "status", "description")
# The stage time that dates each status in the history; ditunda has none, so the import dates it.
STATUS_STAGE = {
    "diterima": "received_at",
    "terverifikasi": "verified_at",
    "didisposisikan": "verified_at",  # forwarding is the end of verification (DOMAIN.md §2.2)
    "ditindaklanjuti": "first_response_at",
    "selesai": "resolved_at",
    **dict.fromkeys(complaint_rules.EXIT_STATUSES, "resolved_at"),
}


def read_complaints(path: Path) -> Checks:
    return Checks(read_table(path, COMPLAINT_COLUMNS))


def import_complaints(conn: Connection, checks: Checks, now: pd.Timestamp, progress: Progress) -> dict:
    """Check every row, then write them; raises ImportRejected, having written nothing, if any row is invalid."""
    complaints = valid_complaints(checks, unit_index(conn), now, same(complaint_rules.STATUSES))
    return write_complaints(conn, complaints, "import", now, progress)


def valid_complaints(
    checks: Checks, units: pd.DataFrame, now: pd.Timestamp, statuses: Mapping[str, str]
) -> pd.DataFrame:
    """Columns named as in complaints; statuses maps the file's status words to ours. Checked in column order."""
    table = schema.complaints.c
    ticket = checks.text("ticket", required=True, max_length=max_length(table.ticket))
    checks.unique("ticket", ticket)
    complaints = {
        "ticket": ticket,
        "unit_id": checks.unit_ids("unit_code", units, require_active=False),
        "channel": checks.channel("channel", required=True),
        "classification": checks.choice("classification", same(complaint_rules.CLASSIFICATIONS), required=True),
        "category": checks.choice("category", same(complaint_rules.CATEGORIES), required=True),
        "tier": checks.choice("tier", same(complaint_rules.TIERS), required=True),
        **{stage: checks.timestamp(stage, required=stage == "received_at", now=now) for stage in STAGES},
        "status": checks.choice("status", statuses, required=True),
        "description": checks.text("description", required=False, max_length=MAX_TEXT_LENGTH),
    }
    checks.stage_order({stage: complaints[stage] for stage in STAGES})
    finished_words = " or ".join(word for word, ours in statuses.items() if ours == "selesai")
    checks.flag(
        complaints["status"].eq("selesai") & complaints["resolved_at"].isna(),
        "resolved_at",
        f"a value is required when the status is {finished_words}",
    )
    checks.raise_if_any()
    return pd.DataFrame(complaints)


def write_complaints(
    conn: Connection, complaints: pd.DataFrame, source: str, now: pd.Timestamp, progress: Progress
) -> dict:
    """Insert new tickets, update changed ones, and log each new status in complaint_status_history."""
    changed_at = now.to_pydatetime()
    added = updated = 0
    received: list[datetime] = []  # days of receipt whose rollups this write changes (old ones of moved complaints)
    for done, chunk in chunks(complaints):
        rows = records(chunk)
        stored = _stored_complaints(conn, [row["ticket"] for row in rows])
        new = [row for row in rows if row["ticket"] not in stored]
        changed = [
            (row, stored[row["ticket"]])
            for row in rows
            if row["ticket"] in stored and any(row[name] != stored[row["ticket"]][name] for name in COMPLAINT_FIELDS)
        ]
        events = _insert_complaints(conn, new, source, changed_at) + _update_complaints(conn, changed, changed_at)
        _append_history(conn, events)
        received += [row["received_at"] for row in new]
        received += [when for row, old in changed for when in (row["received_at"], old["received_at"])]
        added += len(new)
        updated += len(changed)
        progress("complaints", done, len(complaints))
    if received:
        instants = [pd.Timestamp(when).tz_convert("UTC") if pd.Timestamp(when).tzinfo else
                    pd.Timestamp(when).tz_localize("UTC") for when in received]
        refresh_complaint_rollups_for(conn, min(instants).to_pydatetime(), max(instants).to_pydatetime())
    return {"added": added, "updated": updated, "unchanged": len(complaints) - added - updated}


def _insert_complaints(conn: Connection, new: list[dict], source: str, now: datetime) -> list[dict]:
    """Insert complaints; returns their first status events."""
    if not new:
        return []
    table = schema.complaints
    inserted = conn.execute(
        insert(table).returning(table.c.ticket, table.c.id),
        [{**row, "source": source, "updated_at": now} for row in new],
    )
    ids = dict(inserted.all())
    return [_status_event(ids[row["ticket"]], row, now) for row in new]


def _update_complaints(conn: Connection, changed: list[tuple[dict, Mapping]], now: datetime) -> list[dict]:
    """Bring stored complaints up to the file; returns the events of those whose status changed."""
    if not changed:
        return []
    table = schema.complaints
    conn.execute(
        update(table).where(table.c.id == bindparam("complaint_id")),
        [
            {"complaint_id": old["id"], **{name: row[name] for name in COMPLAINT_FIELDS}, "updated_at": now}
            for row, old in changed
        ],
    )
    return [_status_event(old["id"], row, now) for row, old in changed if row["status"] != old["status"]]


def _stored_complaints(conn: Connection, tickets: list[str]) -> dict[str, Mapping]:
    table = schema.complaints.c
    columns = [table.id, table.ticket, *(table[name] for name in COMPLAINT_FIELDS)]
    rows = conn.execute(select(*columns).where(one_of(conn, table.ticket, tickets)))
    return {row.ticket: row._mapping for row in rows}


def _status_event(complaint_id: int, complaint: Mapping, now: datetime) -> dict:
    """The history row for a complaint's status, dated by the stage time that status marks."""
    stage = STATUS_STAGE.get(complaint["status"])
    changed_at = complaint[stage] if stage and complaint[stage] is not None else now
    return {"complaint_id": complaint_id, "status": complaint["status"], "changed_at": changed_at}


def _append_history(conn: Connection, events: list[dict]) -> None:
    """Insert the events the history does not hold yet (a status can come back with the same time)."""
    if not events:
        return
    table = schema.complaint_status_history.c
    ids = list({event["complaint_id"] for event in events})
    history = select(table.complaint_id, table.status, table.changed_at)
    rows = conn.execute(history.where(one_of(conn, table.complaint_id, ids)))
    stored = {tuple(row) for row in rows}
    fresh = [event for event in events if (event["complaint_id"], event["status"], event["changed_at"]) not in stored]
    if fresh:
        conn.execute(insert(schema.complaint_status_history), fresh)
