"""Lacak pengaduan: stages by ticket with dates and working days, nothing about the person, odd tickets refused."""

from dataclasses import fields
from datetime import date

import pytest
from sqlalchemy import insert, select

from data_access import schema
from data_access.tracker import (
    DONE,
    WAITING,
    InvalidTicket,
    TrackedComplaint,
    TrackedStage,
    normalise_ticket,
    track_complaint,
)
from tests.factories import add_complaint, add_unit, wib

NOW = wib(2025, 9, 10, 12)
CANARIES = ("Wiryawan Canary", "3575019876543210", "081299887766", "canary.wiryawan@example.com", "Kenari")
PERSONAL = ("Nama saya Wiryawan Canary, NIK 3575019876543210, HP 081299887766, email canary.wiryawan@example.com, "
            "alamat Jl. Kenari No. 7 RT 01/RW 02.")


def _steps(complaint: TrackedComplaint) -> list[tuple]:
    return [(s.status, s.day, s.workdays, s.limit, s.due, s.state) for s in complaint.stages]


def test_lebaran_answer_took_two_working_days_and_shows_every_stage(engine):
    unit = add_unit(engine, "3575-PKM-A", name="Puskesmas Kebonsari")
    add_complaint(engine, unit, wib(2025, 3, 26, 9), "ditindaklanjuti", ticket="LAPOR-0001",
                  category="kesehatan", verified_at=wib(2025, 3, 27, 9), first_response_at=wib(2025, 4, 9, 10),
                  description=PERSONAL)
    with engine.connect() as conn:
        complaint = track_complaint(conn, "LAPOR-0001", wib(2025, 4, 16, 12))
    assert (complaint.ticket, complaint.unit_code, complaint.unit_name, complaint.category, complaint.tier,
            complaint.status) == ("LAPOR-0001", "3575-PKM-A", "Puskesmas Kebonsari", "kesehatan", "sederhana",
                                  "ditindaklanjuti")
    assert _steps(complaint) == [
        ("diterima", date(2025, 3, 26), None, None, None, DONE),
        ("terverifikasi", date(2025, 3, 27), 1, 3, None, DONE),
        # 27 Mar and 8 Apr: Nyepi, Idul Fitri and five days of cuti bersama lie between
        ("ditindaklanjuti", date(2025, 4, 9), 2, 5, None, DONE),
        # waiting for completion since 27 Mar: 27 Mar, 8-11 and 14-15 Apr so far; due 5 working days on, 14 Apr
        ("selesai", None, 7, 5, date(2025, 4, 14), WAITING),
    ]
    assert complaint.stages[2].within_limit is True
    assert complaint.stages[3].within_limit is False


def test_the_result_holds_nothing_about_the_person(engine):
    unit = add_unit(engine, "3575-PKM-A")
    add_complaint(engine, unit, wib(2025, 9, 8, 9), "diterima", ticket="LAPOR-0002", description=PERSONAL)
    with engine.connect() as conn:
        complaint = track_complaint(conn, "LAPOR-0002", NOW)
    assert [f.name for f in fields(TrackedComplaint)] == [
        "ticket", "unit_code", "unit_name", "category", "tier", "status", "stages"]
    assert [f.name for f in fields(TrackedStage)] == ["status", "day", "workdays", "limit", "due", "state"]
    text = repr(complaint)
    for canary in CANARIES:
        assert canary not in text


def test_a_finished_complaint_with_its_history(engine):
    unit = add_unit(engine, "3514-RSUD", region="35.14")
    add_complaint(engine, unit, wib(2025, 6, 2, 9), "selesai", ticket="ES/2025/77", tier="tanpa_pemeriksaan",
                  verified_at=wib(2025, 6, 3, 9), first_response_at=wib(2025, 6, 4, 9),
                  resolved_at=wib(2025, 6, 24, 15))
    with engine.begin() as conn:
        complaint_id = conn.execute(select(schema.complaints.c.id)).scalar_one()
        conn.execute(insert(schema.complaint_status_history), [
            {"complaint_id": complaint_id, "status": "didisposisikan", "changed_at": wib(2025, 6, 3, 10)},
        ])
    with engine.connect() as conn:
        complaint = track_complaint(conn, "ES/2025/77", NOW)
    # 3 -> 24 Jun: 3, 4, 5, (6 Idul Adha), (9 cuti bersama), 10-13, 16-20, 23 = 13 working days of 14
    assert _steps(complaint) == [
        ("diterima", date(2025, 6, 2), None, None, None, DONE),
        ("terverifikasi", date(2025, 6, 3), 1, 3, None, DONE),
        ("didisposisikan", date(2025, 6, 3), None, None, None, DONE),
        ("ditindaklanjuti", date(2025, 6, 4), 1, 5, None, DONE),
        ("selesai", date(2025, 6, 24), 13, 14, None, DONE),
    ]


def test_an_archived_complaint_without_stage_times_is_in_no_clock(engine):
    unit = add_unit(engine, "3575-PKM-A")
    add_complaint(engine, unit, wib(2025, 9, 1, 9), "diarsipkan", ticket="ARSIP-1")
    with engine.begin() as conn:
        conn.execute(schema.complaints.update().values(updated_at=wib(2025, 9, 8, 9)))
    with engine.connect() as conn:
        complaint = track_complaint(conn, "ARSIP-1", NOW)
    # The day of the last change is shown, but it is not a stage time (DOMAIN.md §2.2): no working days, no limit.
    assert _steps(complaint) == [
        ("diterima", date(2025, 9, 1), None, None, None, DONE),
        ("diarsipkan", date(2025, 9, 8), None, None, None, DONE),
    ]


def test_a_complaint_resolved_without_verification_time_shows_that_stage_without_a_time(engine):
    unit = add_unit(engine, "3575-PKM-A")
    add_complaint(engine, unit, wib(2025, 7, 7, 9), "selesai", first_response_at=wib(2025, 7, 9, 9),
                  resolved_at=wib(2025, 7, 11, 9), ticket="TANPA-1")
    with engine.connect() as conn:
        complaint = track_complaint(conn, "TANPA-1", NOW)
    # First response and resolution count from received (Monday 7 July): 2 and 4 working days.
    assert _steps(complaint) == [
        ("diterima", date(2025, 7, 7), None, None, None, DONE),
        ("terverifikasi", None, None, None, None, DONE),
        ("ditindaklanjuti", date(2025, 7, 9), 2, 5, None, DONE),
        ("selesai", date(2025, 7, 11), 4, 5, None, DONE),
    ]


def test_an_unverified_complaint_waits_for_verification(engine):
    unit = add_unit(engine, "3575-PKM-A")
    add_complaint(engine, unit, wib(2025, 9, 8, 9), "diterima", ticket="BARU-1")
    with engine.connect() as conn:
        complaint = track_complaint(conn, "  BARU-1 ", NOW)  # blanks around a pasted ticket are fine
    assert _steps(complaint)[1] == ("terverifikasi", None, 2, 3, date(2025, 9, 11), WAITING)


@pytest.mark.parametrize("typed", ["DEMO-P-4958", "demo-p-4958", " DEMO-P-4958 ", "\tDemo-P-4958\n"])
def test_a_ticket_is_found_whatever_its_case_and_the_blanks_around_it(engine, typed):
    unit = add_unit(engine, "3575-PKM-A")
    add_complaint(engine, unit, wib(2025, 9, 8, 9), "diterima", ticket="DEMO-P-4958")
    with engine.connect() as conn:
        assert track_complaint(conn, typed, NOW).ticket == "DEMO-P-4958"


def test_tickets_differing_only_in_case_are_found_only_as_written(engine):
    """Two complaints whose tickets differ only in case: each is found by its own spelling, a third spelling finds
    neither rather than one of them."""
    unit = add_unit(engine, "3575-PKM-A")
    add_complaint(engine, unit, wib(2025, 9, 8, 9), "diterima", ticket="ES-abc")
    add_complaint(engine, unit, wib(2025, 9, 8, 9), "diterima", ticket="ES-ABC")
    with engine.connect() as conn:
        assert [track_complaint(conn, ticket, NOW).ticket for ticket in ("ES-abc", "ES-ABC")] == ["ES-abc", "ES-ABC"]
        assert track_complaint(conn, "es-abc", NOW) is None


def test_unknown_ticket_is_none(engine):
    with engine.connect() as conn:
        assert track_complaint(conn, "LAPOR-404", NOW) is None


@pytest.mark.parametrize(
    "ticket",
    ["", "   ", "x" * 65, "LAPOR 123", "'; DROP TABLE complaints; --", "../../etc/passwd", "<script>", "-LAPOR",
     "LAPOR-1\nX", "tiket%00"],
)
def test_malformed_tickets_are_refused(engine, ticket):
    with engine.connect() as conn, pytest.raises(InvalidTicket):
        track_complaint(conn, ticket, NOW)
    with engine.connect() as conn:
        assert conn.execute(select(schema.complaints.c.id)).first() is None  # nothing touched


@pytest.mark.parametrize("ticket", ["LAPOR-1234567", "DEMO-P-000001", "ES/2025/77", "tk_9.a", "x" * 64])
def test_well_formed_tickets(ticket):
    assert normalise_ticket(f" {ticket} ") == ticket
