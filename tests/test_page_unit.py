"""AppTest runs of the unit report card (?unit=CODE): each unit's figures, friendly words for bad codes."""

from datetime import timedelta

import pytest
import time_machine

from data_access.importers import import_file
from tests.app_runs import open_page
from tests.factories import (
    add_complaint,
    add_done_when_units,
    add_questionnaires,
    add_unit,
    answers,
    wib,
)
from tests.test_complaint_queries import CARD_NOW, add_year_of_complaints
from tests.test_importers import load_units, write_csv
from tests.test_page_kepuasan import metrics, table_with
from tests.test_summary_import import SUMMARY_HEADER, summary

UNIT = "app_pages/unit.py"


def test_card_of_the_88_30_unit(monkeypatch, engine, db_url):
    add_done_when_units(engine)
    app = open_page(monkeypatch, db_url, UNIT, unit="3575-MPP")
    assert app.title[0].value == "Mal Pelayanan Publik Kota Pasuruan"
    assert "Mal Pelayanan Publik · Kecamatan Gadingrejo · Kota Pasuruan · 3575-MPP" in [c.value for c in app.caption]
    assert metrics(app) == [("IKM Triwulan 2 2025", "88,30"), ("Responden (n)", "250")]
    card = app.markdown[0].value
    assert "**Mutu B · Baik**" in card and "Selang kepercayaan 95%: 86,74–89,86" in card
    assert any(w.value.startswith("**Populasi tidak diketahui:**") for w in app.warning)
    assert [h.value for h in app.header] == ["Unsur pelayanan dan pita mutu", "Tren IKM unit", "Penanganan pengaduan",
                                             "Lokasi"]


def test_card_of_the_88_32_unit_with_an_adequate_sample(monkeypatch, engine, db_url):
    add_done_when_units(engine)
    app = open_page(monkeypatch, db_url, UNIT, unit="3514-MPP")
    assert metrics(app) == [("IKM Triwulan 2 2025", "88,32"), ("Responden (n)", "625")]
    assert "**Mutu A · Sangat Baik**" in app.markdown[0].value
    # The quarter's 91 days: 20,000 x 91 / 365 -> 4,987 users -> 357 respondents needed; 625 are enough.
    assert [s.value for s in app.success] == [
        "**Sampel memadai:** 625 responden; minimum 357 untuk sekitar 4.987 pengguna layanan pada Triwulan 2 2025."
    ]
    elements = table_with(app, "Unsur", "IKM", "Mutu")
    assert len(elements) == 9 and set(elements["Mutu"]) <= {"A", "B"}


def test_card_names_the_weakest_element_and_flags_satisfied_but_slow(monkeypatch, engine, db_url):
    unit = add_unit(engine, "3575-PUAS", name="Puskesmas Puas", annual_users=400)
    # waktu 2, pengaduan 4, the rest 3: waktu 50.00 (D) is the weakest; pengaduan 100.00 (A).
    add_questionnaires(engine, unit, [answers(3, waktu=2, pengaduan=4)] * 90, wib(2025, 7, 1, 9))
    for _ in range(5):  # forwarded Mon 7 Jul, answered Wed 16 Jul: 7 working days, past the 5-day limit
        add_complaint(engine, unit, wib(2025, 7, 7, 8), "ditindaklanjuti", verified_at=wib(2025, 7, 7, 9),
                      first_response_at=wib(2025, 7, 16, 10))
    app = open_page(monkeypatch, db_url, UNIT, unit="3575-PUAS")
    assert "Unsur terlemah: **Waktu** (50,00, mutu D)" in app.markdown[0].value
    assert any("Puas tetapi lambat" in w.value for w in app.warning)
    text = " ".join(m.value for m in app.markdown)
    assert "Responden menilai penanganan pengaduan 100,00 (A). Dari 5 pengaduan" in text
    assert "median tanggapan pertama 7 hari kerja, dan 0,0% tepat waktu" in text


@pytest.mark.parametrize("code", ["3575-NOPE", "<script>", "x" * 500, ""])
def test_unknown_or_malformed_codes_get_a_friendly_message(monkeypatch, engine, db_url, code):
    add_done_when_units(engine)
    app = open_page(monkeypatch, db_url, UNIT, unit=code)
    messages = [i.value for i in app.info]
    expected = {"3575-NOPE": "Unit dengan kode `3575-NOPE` tidak ditemukan.", "": "Pilih unit dari tabel"}
    assert any(expected.get(code, "tidak memuat kode unit yang sah") in m for m in messages), messages
    assert not app.metric and not app.exception
    assert app.get("page_link")[0].proto.label == "Kembali ke halaman Kepuasan"


def test_lower_case_code_is_accepted(monkeypatch, engine, db_url):
    add_done_when_units(engine)
    app = open_page(monkeypatch, db_url, UNIT, unit="3575-mpp")
    assert metrics(app)[0] == ("IKM Triwulan 2 2025", "88,30")


def test_a_unit_without_questionnaires_shows_its_location(monkeypatch, engine, db_url):
    add_unit(engine, "3575-BARU", name="Kantor Baru", address="Jl. Baru 1")
    app = open_page(monkeypatch, db_url, UNIT, unit="3575-BARU")
    assert any("Belum ada kuesioner untuk unit ini" in i.value for i in app.info)
    assert any(m.value.startswith("Jl. Baru 1") for m in app.markdown)


def test_unit_cards_run_on_the_demo_database(monkeypatch, demo_url):
    from data_access.demo_units import UNITS

    for unit in (UNITS[0], UNITS[-1]):
        app = open_page(monkeypatch, demo_url, UNIT, unit=unit.code)
        assert app.title[0].value == unit.name
        assert metrics(app)[0][0].startswith("IKM Triwulan")
        app.segmented_control(key="tren").set_value("quarter").run()
        assert not app.exception


def test_card_marks_the_periods_from_published_results(monkeypatch, engine, db_url, tmp_path):
    load_units(engine, tmp_path)
    # Q2 2025 from its published results only: 4 respondents, NRR x 4 summing to 114.4936 -> 79.51 (B).
    import_file(engine, "skm-summary", write_csv(tmp_path / "s.csv", SUMMARY_HEADER, [
        summary(period_start="2025-04-01", period_end="2025-06-30"),
        summary(period_start="2024-07-01", period_end="2024-12-31", respondents="10"),
    ]))
    app = open_page(monkeypatch, db_url, UNIT, unit="3575-MPP")
    assert metrics(app) == [("IKM Triwulan 2 2025", "79,51"), ("Responden (n)", "4")]
    assert ("Selang kepercayaan 95%: tidak ada, karena 4 responden berasal dari hasil SKM terbitan"
            in app.markdown[0].value)
    assert "Periode dari hasil SKM terbitan" in [h.value for h in app.header]
    periods = table_with(app, "Awal periode", "Akhir periode")
    assert [str(d)[:10] for d in periods["Akhir periode"]] == ["2024-12-31", "2025-06-30"]
    assert list(periods["n"]) == [10, 4]
    trend = table_with(app, "n dari hasil terbitan")
    assert list(trend["n dari hasil terbitan"]) == [10, 4]


def _complaint_block(app) -> str:
    heading = next(s.value for s in app.subheader if s.value.startswith(("Pengaduan", "Complaints")))
    window = next(c.value for c in app.caption if c.value.startswith(("Diterima", "Received")))
    return f"{heading} ({window})\n" + next(m.value for m in app.markdown if m.value.startswith("- "))


@pytest.mark.parametrize(("lang", "expected"), [
    ("id", ("Pengaduan 12 bulan terakhir (Diterima 6 Des 2025 – 5 Des 2026)\n- Diterima: **5**\n"
           "- Median tanggapan pertama: **5 hari kerja**\n- Ditanggapi dalam batas 5 hari kerja: **60,0%**\n"
           "- Masih terbuka: **2** (1 di antaranya sudah lewat batas waktu)")),
    ("en", ("Complaints in the last 12 months (Received 6 Dec 2025 – 5 Dec 2026)\n- Received: **5**\n"
           "- Median first response: **5 working days**\n- Answered within the 5-working-day limit: **60.0%**\n"
           "- Still open: **2** (1 of them past the time limit)")),
])
def test_card_shows_the_last_twelve_months_of_complaints(monkeypatch, engine, db_url, lang, expected):
    """The issue's case: complaints this year but questionnaires only in an old quarter with no complaints."""
    unit = add_unit(engine, "3575-PKM-A", name="Puskesmas Kebonsari")
    add_questionnaires(engine, unit, [answers(3)] * 10, wib(2025, 7, 1, 9))
    add_year_of_complaints(engine, unit, add_unit(engine, "3575-PKM-B"))
    with time_machine.travel(CARD_NOW, tick=False):
        app = open_page(monkeypatch, db_url, UNIT, unit="3575-PKM-A", lang=lang)
    assert _complaint_block(app) == expected
    region = {"id": "Kota Pasuruan", "en": "Pasuruan City"}[lang]  # named in the reader's language, code last
    assert any(c.value.endswith(f"{region} · 3575-PKM-A") for c in app.caption)
    quarter = {"id": "Pada Triwulan 3 2025 tidak ada pengaduan", "en": "No complaints were received in Q3 2025"}
    assert any(quarter[lang] in m.value for m in app.markdown)


def test_card_without_questionnaires_still_shows_complaints(monkeypatch, engine, db_url):
    unit = add_unit(engine, "3575-PKM-A", name="Puskesmas Kebonsari")
    add_year_of_complaints(engine, unit, add_unit(engine, "3575-PKM-B"))
    with time_machine.travel(CARD_NOW, tick=False):
        app = open_page(monkeypatch, db_url, UNIT, unit="3575-PKM-A")
    assert any("Belum ada kuesioner untuk unit ini" in i.value for i in app.info)
    assert "- Diterima: **5**" in _complaint_block(app)


def test_card_says_when_the_last_twelve_months_hold_no_complaint(monkeypatch, engine, db_url):
    unit = add_unit(engine, "3575-PKM-A", name="Puskesmas Kebonsari")
    add_complaint(engine, unit, wib(2025, 12, 5, 9), "selesai", verified_at=wib(2025, 12, 5, 10),
                  first_response_at=wib(2025, 12, 8, 9), resolved_at=wib(2025, 12, 8, 10))
    with time_machine.travel(CARD_NOW, tick=False):
        app = open_page(monkeypatch, db_url, UNIT, unit="3575-PKM-A")
    assert ("Tidak ada pengaduan yang diterima unit ini dalam 12 bulan terakhir (6 Des 2025 – 5 Des 2026)."
            in [m.value for m in app.markdown])


def _graded_and_running_units(engine) -> None:
    """On 5 December 2026 (CARD_NOW) Q3 is the graded quarter and Q4 is running; 3575-GRADE has both, 3575-BARU
    only the running one."""
    graded = add_unit(engine, "3575-GRADE", name="Puskesmas Lengkap", annual_users=400)
    add_questionnaires(engine, graded, [answers(3)] * 90, wib(2026, 8, 5, 9))  # Q3: all 3s -> 75.00, C
    add_questionnaires(engine, graded, [answers(4)] * 12, wib(2026, 12, 1, 9))  # Q4 so far: all 4s -> 100.00
    for received in (wib(2026, 8, 3, 8), wib(2026, 8, 4, 8), wib(2026, 11, 2, 8)):  # two in Q3, one in Q4
        add_complaint(engine, graded, received, "ditindaklanjuti", verified_at=received,
                      first_response_at=received + timedelta(days=1))
    fresh = add_unit(engine, "3575-BARU", name="Puskesmas Baru")
    add_questionnaires(engine, fresh, [answers(2)] * 4, wib(2026, 12, 2, 9))  # Q4 only: all 2s -> 50.00


@pytest.mark.parametrize(("lang", "grade", "running"), [
    ("id", "**Mutu C · Kurang Baik**",
     "Triwulan 4 2026 (berjalan, s.d. 5 Des): IKM sementara 100,00 dari 12 responden, belum nilai akhir"),
    ("en", "**Grade C · Poor**",
     "Q4 2026 (running, to 5 Dec): provisional IKM 100.00 from 12 respondents, not a final grade"),
])
def test_card_grades_the_last_complete_quarter_and_labels_the_running_one(monkeypatch, engine, db_url, lang, grade,
                                                                         running):
    _graded_and_running_units(engine)
    with time_machine.travel(CARD_NOW, tick=False):
        app = open_page(monkeypatch, db_url, UNIT, unit="3575-GRADE", lang=lang)
    labels = {"id": ("IKM Triwulan 3 2026", "Responden (n)"), "en": ("IKM Q3 2026", "Respondents (n)")}[lang]
    assert metrics(app) == [(labels[0], "75,00" if lang == "id" else "75.00"), (labels[1], "90")]
    assert app.markdown[0].value.startswith(grade)
    # The sample line and the perception comparison are of the graded quarter too.
    assert all(("Triwulan 3 2026" if lang == "id" else "Q3 2026") in w.value for w in [*app.success, *app.warning])
    assert [c.value for c in app.caption if running in c.value]
    perception = {"id": "Dari 2 pengaduan yang diterima pada Triwulan 3 2026",
                  "en": "Of 2 complaints received in Q3 2026"}[lang]
    assert any(perception in m.value for m in app.markdown)
    # The running quarter has no metric and no grade of its own.
    assert not [m for m in app.markdown if "100,00" in m.value or "100.00" in m.value]
    assert len(table_with(app, *{"id": ("Unsur", "Mutu"), "en": ("Element", "Grade")}[lang])) == 9


def test_card_of_a_unit_with_data_only_in_the_running_quarter(monkeypatch, engine, db_url):
    _graded_and_running_units(engine)
    with time_machine.travel(CARD_NOW, tick=False):
        app = open_page(monkeypatch, db_url, UNIT, unit="3575-BARU")
    assert not app.metric and not app.success and not app.warning
    assert ("Tidak ada kuesioner untuk unit ini pada Triwulan 3 2026, triwulan yang dinilai"
            in app.markdown[0].value)
    assert any(c.value.startswith("Triwulan 4 2026 (berjalan, s.d. 5 Des): IKM sementara 50,00 dari 4 responden")
               for c in app.caption)
    assert not any("Mutu" in m.value for m in app.markdown)
    headers = [h.value for h in app.header]
    assert "Unsur pelayanan dan pita mutu" not in headers and "Tren IKM unit" in headers
