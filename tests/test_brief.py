"""The weekly brief on SQLite and PostgreSQL: its hand-computed figures, and the one-page PDF read back with pypdf
(period, data time, headline numbers, and no personal data from complaint descriptions)."""

import io
from datetime import UTC, datetime

from pypdf import PdfReader

from components.brief import brief_pdf
from data_access.config import Targets
from data_access.leadership import last_complete_week, weekly_brief
from tests.factories import add_complaint, add_questionnaires, add_unit, answers, wib

# Wednesday 10 September 2025: the last complete week is 2025-W36, Monday 1 to Sunday 7 September.
NOW = wib(2025, 9, 10, 12)
DATA_TIME = datetime(2025, 9, 10, 5, 0, tzinfo=UTC)  # 12.00 WIB
LINK = "https://dasbor.example/pimpinan"
PERSONAL = ("Budi Santoso", "3514012345678901", "081234567890", "budi@example.com")


def _week_database(engine) -> None:
    """The brief grades 2025-Q2, the last complete quarter on Monday 8 September."""
    unit = add_unit(engine, "3575-MPP", region="35.75", kind="mpp", name="Mal Pelayanan Publik Kota Pasuruan")
    # Q2: 15 x 75 and 15 x 100 -> 87.50 (B), 95 % CI [82.75, 92.25]: short of A, but not wholly below it.
    add_questionnaires(engine, unit, [answers(3)] * 15 + [answers(4)] * 15, wib(2025, 6, 2, 9))
    add_questionnaires(engine, unit, [answers(4)] * 10, wib(2025, 9, 2, 9))  # in the week, not the quarter
    # Q2: 15 x 25 and 15 x 50 -> 37.50 (D), CI [32.75, 42.25], wholly below 88.31; users unknown: provisional.
    slow = add_unit(engine, "3514-PKM", region="35.14", name="Puskesmas Lambat")
    add_questionnaires(engine, slow, [answers(1)] * 15 + [answers(2)] * 15, wib(2025, 6, 3, 9))
    # Received in Q2, answered the next working day.
    add_complaint(engine, unit, wib(2025, 6, 2, 9), "selesai", verified_at=wib(2025, 6, 2, 10),
                  first_response_at=wib(2025, 6, 3, 10), resolved_at=wib(2025, 6, 3, 10))
    description = f"Nama saya {PERSONAL[0]}, NIK {PERSONAL[1]}, HP {PERSONAL[2]}, email {PERSONAL[3]}"
    # Received in the week, never verified: verification due Thu 09-04, past it by now (newly, since 09-03).
    add_complaint(engine, unit, wib(2025, 9, 1, 9), "diterima", description=description)
    # Received and resolved in the week: first response after 2 working days.
    add_complaint(engine, unit, wib(2025, 9, 2, 9), "selesai", verified_at=wib(2025, 9, 2, 10),
                  first_response_at=wib(2025, 9, 4, 10), resolved_at=wib(2025, 9, 4, 10), description=description)
    # Received in August, resolved in the week: first response after 1 working day.
    add_complaint(engine, unit, wib(2025, 8, 20, 9), "selesai", verified_at=wib(2025, 8, 20, 10),
                  first_response_at=wib(2025, 8, 21, 10), resolved_at=wib(2025, 9, 3, 10))
    # Unverified since Mon 08-25: past its limit since 08-29, before the comparison date.
    add_complaint(engine, unit, wib(2025, 8, 25, 9), "diterima")


def _brief(engine) -> dict:
    with engine.connect() as conn:
        return weekly_brief(conn, last_complete_week(NOW), Targets(), now=NOW)


def test_weekly_brief_figures(engine):
    _week_database(engine)
    brief = _brief(engine)
    assert brief["week"].code == "2025-W36" and brief["quarter"] == "2025-Q2"
    kabupaten, kota = brief["regions"]
    assert kabupaten["region_code"] == "35.14" and kabupaten["received"] == 0
    assert (kabupaten["targets"]["ikm"], kabupaten["targets"]["grade"], kabupaten["questionnaires"]) == (37.50, "D", 0)
    k = kota["targets"]
    assert (k["ikm"], k["grade"], k["respondents"], kota["questionnaires"]) == (87.50, "B", 30, 10)
    assert k["ikm_gap"] == 0.81  # 88.31 - 87.50
    assert (kota["received"], kota["resolved"], kota["open"], kota["overdue"]) == (2, 2, 2, 2)
    # First responses of the quarter (Q2 2025): one, after 1 working day.
    assert k["first_response_median_workdays"] == 1
    assert k["first_response_within_target_pct"] == 100.0
    assert kota["ombudsman"]["score"] == 98.22 and kabupaten["ombudsman"]["score"] == 97.35
    assert [(r["unit_code"], r["below_target"], r["dropped"], r["provisional"]) for r in brief["slipping"]] == [
        ("3514-PKM", True, False, True)]
    assert brief["slipping_total"] == 1
    assert [(r["unit_code"], r["newly_overdue"], r["overdue"]) for r in brief["newly_overdue"]] == [
        ("3575-MPP", 1, 2)]
    assert brief["crossings"] == [] and brief["due_total"] == 0


def _pdf_text(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), " ".join(page.extract_text() for page in reader.pages)


def test_brief_pdf_is_one_page_stating_period_data_time_and_figures(engine):
    _week_database(engine)
    pages, text = _pdf_text(brief_pdf(_brief(engine), "A", DATA_TIME, True, LINK, "id"))
    assert pages == 1
    assert "Minggu 1–7 Sep 2025 (2025-W36)" in text
    assert "Data per 10 Sep 2025 12.00 WIB" in text
    assert "DATA SIMULASI" in text
    assert "IKM Triwulan 2 2025 37,50 (mutu D, n = 30) 87,50 (mutu B, n = 30)" in text
    assert "kurang 0,81 poin" in text
    assert "Unit yang menurun, Triwulan 2 2025" in text
    assert ("Puskesmas Lambat (Kabupaten Pasuruan): IKM 37,50, SK 95% 32,75-42,25; di bawah target; sementara "
            "(populasi tidak diketahui)") in " ".join(text.split())
    assert "Kuesioner minggu ini 0 10" in text
    assert "Pengaduan diterima minggu ini 0 2" in text
    assert "Pengaduan selesai minggu ini 0 2" in text
    assert "Lewat batas waktu (saat data) 0 2" in text
    assert "1 hari kerja - tercapai" in text
    assert "97,35 (2024, A - kualitas tertinggi)" in text and "98,22 (2024, A - kualitas tertinggi)" in text
    assert "Mal Pelayanan Publik Kota Pasuruan: 1 baru lewat batas, 2 lewat batas seluruhnya" in text
    assert "Lisensi CC BY 4.0" in text and LINK in text


def test_brief_pdf_in_english_without_demo_notice(engine):
    _week_database(engine)
    pages, text = _pdf_text(brief_pdf(_brief(engine), "A", DATA_TIME, False, LINK, "en"))
    assert pages == 1
    assert "Week 1–7 Sep 2025 (2025-W36)" in text
    assert "Data as of 10 Sep 2025 12:00 WIB" in text
    assert "87.50 (grade B, n = 30)" in text and "0.81 points short" in text
    assert "Units slipping, Q2 2025" in text
    assert "SIMULATED" not in text


def test_no_personal_data_from_complaint_descriptions_reaches_the_brief(engine):
    _week_database(engine)
    brief = _brief(engine)
    _, text = _pdf_text(brief_pdf(brief, "A", DATA_TIME, True, LINK, "id"))
    for personal in PERSONAL:
        assert personal not in text
        assert personal not in repr(brief)  # the figures behind it never selected the description either
