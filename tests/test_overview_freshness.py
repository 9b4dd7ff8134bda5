"""'Data per' on Beranda and the Data page: each source's time read from the data itself (data_freshness)."""

from datetime import UTC, datetime

from sqlalchemy import insert, select

from data_access import schema
from data_access.overview import data_freshness
from tests.factories import add_complaint, add_questionnaires, add_unit, answers, wib


def test_each_source_is_as_recent_as_its_newest_data_not_its_load(engine):
    unit = add_unit(engine, "3575-MPP")
    add_questionnaires(engine, unit, [answers(3)], wib(2026, 11, 3, 9))
    add_questionnaires(engine, unit, [answers(4)], wib(2026, 11, 18, 14, 30))
    # received 10 Nov, answered 12 Nov, resolved 19 Nov 16.00 WIB: its newest event is the resolution...
    add_complaint(engine, unit, wib(2026, 11, 10, 8), "selesai", verified_at=wib(2026, 11, 11, 8),
                  first_response_at=wib(2026, 11, 12, 10), resolved_at=wib(2026, 11, 19, 16), ticket="T-OLD")
    add_complaint(engine, unit, wib(2026, 11, 15, 8), "diterima", ticket="T-NEW")
    with engine.begin() as conn:
        # ...until a status change of the newer complaint on 19 Nov 17.45 WIB, the newest event of all
        new_id = conn.execute(select(schema.complaints.c.id).where(schema.complaints.c.ticket == "T-NEW")).scalar()
        conn.execute(insert(schema.complaint_status_history).values(
            complaint_id=new_id, status="diverifikasi", changed_at=wib(2026, 11, 19, 17, 45)))
        conn.execute(insert(schema.data_sources).values(
            source="units", updated_at=datetime(2026, 11, 1, 3, 0, tzinfo=UTC), detail="units.csv"))
        freshness = data_freshness(conn)
    assert freshness == {
        "surveys": datetime(2026, 11, 18, 7, 30, tzinfo=UTC),  # 14.30 WIB
        "complaints": datetime(2026, 11, 19, 10, 45, tzinfo=UTC),  # 17.45 WIB
        "units": datetime(2026, 11, 1, 3, 0, tzinfo=UTC),  # the last import
        "ombudsman": 2024,  # the newest assessment of our regions (reference data), not when it was loaded
    }


def test_a_peer_score_does_not_make_ours_newer_and_a_source_without_data_is_left_out(engine):
    with engine.begin() as conn:
        conn.execute(insert(schema.ombudsman_scores).values(
            entity="Kota Malang", region_code=None, year=2025, score=90.0, source="test"))
        freshness = data_freshness(conn)
    assert freshness["ombudsman"] == 2024
    assert "surveys" not in freshness and "complaints" not in freshness


def test_downloads_and_citations_are_dated_by_the_figures_data_not_a_later_unit_import(monkeypatch, engine, db_url):
    from components import data

    monkeypatch.setenv("DATABASE_URL", db_url)
    monkeypatch.delenv("PUBLIC_DATABASE_URL", raising=False)
    unit = add_unit(engine, "3575-MPP")
    add_questionnaires(engine, unit, [answers(4)], wib(2026, 11, 18, 14, 30))
    add_complaint(engine, unit, wib(2026, 11, 17, 8), "diterima")
    with engine.begin() as conn:
        conn.execute(insert(schema.data_sources).values(
            source="units", updated_at=datetime(2026, 11, 19, 3, 0, tzinfo=UTC), detail="units.csv"))
    assert data.newest_change() == datetime(2026, 11, 18, 7, 30, tzinfo=UTC)  # the questionnaire, 14.30 WIB
