"""The satisfaction charts and their tables, without a database: bands from GRADE_BANDS, letters beside colours,
labels short enough for a phone, takeaways that say what the data says."""

import pandas as pd
import pytest
import time_machine

from components.complaints import frames as complaint_frames
from components.complaints.charts import render_trend_chart as render_complaint_trend_chart
from components.satisfaction import frames as frames
from components.satisfaction import tables
from components.satisfaction.charts import (
    GRADE_COLORS,
    domain_floor,
    grade_bands,
    render_elements_chart,
    render_perception_chart,
    render_profile_chart,
    render_ranking_chart,
    render_trend_chart,
)
from components.table import screen
from data_access.elements import ELEMENTS
from data_access.ikm import GRADES
from tests.factories import wib


def _spec_texts(spec) -> list:
    """Every mark of a (layered) spec with the field its text channel shows."""
    found = []
    for layer in spec.get("layer", []):
        found += _spec_texts(layer)
    text = spec.get("encoding", {}).get("text")
    if text:
        found.append(text.get("field"))
    return found


def test_grade_bands_come_from_the_regulation_table():
    assert grade_bands()[["grade", "start", "end"]].values.tolist() == [
        ["A", 88.31, 100.0], ["B", 76.61, 88.31], ["C", 65.0, 76.61], ["D", 25.0, 65.0],
    ]
    assert list(grade_bands(low=80)["grade"]) == ["A", "B"]  # bands below the axis are left out
    assert grade_bands(low=80)["start"].min() == 80
    assert set(GRADE_COLORS) == set(GRADES)


def test_axis_floor_is_round_and_never_below_25():
    assert domain_floor([83.75, 90]) == 80
    assert domain_floor([81.9]) == 75
    assert domain_floor([26.0]) == 25


def test_bands_text_is_written_the_users_way():
    assert frames.bands_text() == "A ≥ 88,31 · B ≥ 76,61 · C ≥ 65,00 · D < 65,00"


def test_period_labels_are_short():
    assert frames.period_label("2025-03") == "Mar 2025"
    assert frames.period_label("2025-Q4") == "TW4 2025"


def test_elements_chart_labels_every_bar_with_score_and_letter():
    scores = dict.fromkeys(ELEMENTS, 80.0) | {"waktu": 62.5, "biaya": 95.0}
    grades = dict.fromkeys(ELEMENTS, "B") | {"waktu": "D", "biaya": "A"}
    frame = frames.element_frame(scores, grades)
    assert list(frame["element"])[:3] == ["Persyaratan", "Prosedur", "Waktu"]
    assert frame.set_index("key").loc["waktu", "text"] == "62,50 D"
    spec = render_elements_chart(frame).to_dict()
    assert "text" in _spec_texts(spec) and "grade" in _spec_texts(spec)  # bar labels and band letters
    assert frames.elements_takeaway(frame, "waktu") == (
        "Unsur terlemah Waktu (62,50, mutu D); terkuat Biaya (95,00, mutu A).")


def test_trend_takeaway_says_which_way_ikm_moved():
    points = [
        {"period": "2025-Q1", "respondents": 20, "ikm": 87.5, "grade": "B", "ci95": [81.5, 93.5],
         "summary_respondents": 0},
        {"period": "2025-Q2", "respondents": 20, "ikm": 50.0, "grade": "D", "ci95": [50.0, 50.0],
         "summary_respondents": 0},
    ]
    frame = frames.trend_frame(points)
    assert frames.trend_takeaway(frame) == "IKM turun dari 87,50 (TW1 2025) menjadi 50,00 (TW2 2025), mutu D."
    assert frames.trend_takeaway(frame.iloc[:1]) == "Baru ada satu periode: IKM 87,50 (TW1 2025), mutu B."
    spec = render_trend_chart(frame).to_dict()
    assert "grade" in _spec_texts(spec)  # the band letters
    regions = frames.trend_frame([{**p, "region_code": "35.75"} for p in points], {"35.75": "Kota Pasuruan"})
    encodings = [layer.get("encoding", {}) for layer in render_trend_chart(regions).to_dict()["layer"]]
    assert any("shape" in e and e["shape"]["field"] == "series" for e in encodings)  # a shape beside each colour


def _marked_layers(spec: dict) -> list[tuple[dict, list[dict]]]:
    """(mark, rows) of every layer of a layered spec, rows from the spec's inline datasets."""
    return [({"type": layer["mark"]} if isinstance(layer["mark"], str) else layer["mark"],
             spec["datasets"][layer["data"]["name"]]) for layer in spec["layer"] if "data" in layer]


def test_a_running_quarter_is_drawn_apart_and_only_said_as_provisional():
    """On 5 December 2026 the fourth quarter holds five days: a hollow point at the end of a dashed segment,
    labelled, never the end of the comparison."""
    points = [
        {"period": "2026-Q2", "respondents": 400, "ikm": 84.0, "grade": "B", "ci95": [83.0, 85.0],
         "summary_respondents": 0},
        {"period": "2026-Q3", "respondents": 420, "ikm": 86.5, "grade": "B", "ci95": [85.5, 87.5],
         "summary_respondents": 0},
        {"period": "2026-Q4", "respondents": 12, "ikm": 60.0, "grade": "D", "ci95": [50.0, 70.0],
         "summary_respondents": 0},
    ]
    with time_machine.travel(wib(2026, 12, 5, 10), tick=False):
        frame = frames.trend_frame(points)
        spec = render_trend_chart(frame).to_dict()
    assert frame["running"].tolist() == [False, False, True]
    assert frame["status"].tolist() == ["selesai", "selesai", "berjalan, s.d. 5 Des"]
    assert frames.trend_takeaway(frame) == (
        "IKM naik dari 84,00 (TW2 2026) menjadi 86,50 (TW3 2026), mutu B. "
        "TW4 2026 (berjalan, s.d. 5 Des): IKM sementara 60,00 dari 12 responden, belum nilai akhir.")
    layers = _marked_layers(spec)
    solid = [rows for mark, rows in layers if mark["type"] == "line" and "strokeDash" not in mark]
    dashed = [rows for mark, rows in layers if mark["type"] == "line" and "strokeDash" in mark]
    hollow = [rows for mark, rows in layers if mark["type"] == "point" and mark.get("filled") is False]
    filled = [rows for mark, rows in layers if mark["type"] == "point" and mark.get("filled") is True]
    assert [[r["period"] for r in rows] for rows in solid] == [["TW2 2026", "TW3 2026"]]
    assert [[r["period"] for r in rows] for rows in dashed] == [["TW3 2026", "TW4 2026"]]
    assert [[r["period"] for r in rows] for rows in hollow] == [["TW4 2026"]]
    assert [[r["period"] for r in rows] for rows in filled] == [["TW2 2026", "TW3 2026"]]
    assert "status" in _spec_texts(spec)
    with time_machine.travel(wib(2027, 1, 2, 10), tick=False):  # the quarter has ended: one solid line
        ended = frames.trend_frame(points)
    assert not ended["running"].any()
    assert frames.trend_takeaway(ended).startswith("IKM turun dari 84,00 (TW2 2026) menjadi 60,00 (TW4 2026)")


def test_the_running_month_of_complaints_is_a_hollow_point_off_the_line():
    """A month's count so far is not joined to the line, so five days of December never read as a plunge."""
    rows = [{"month": month, "region_code": "35.75", "complaints": n, "per_10k": rate, "suppressed": False}
            for month, n, rate in (("2026-10", 80, 3.75), ("2026-11", 84, 3.94), ("2026-12", 9, 0.42))]
    with time_machine.travel(wib(2026, 12, 5, 10), tick=False):
        frame = complaint_frames.trend_frame(rows)
        spec = render_complaint_trend_chart(frame, "per 10.000").to_dict()
    assert frame["running"].tolist() == [False, False, True]
    layers = _marked_layers(spec)
    lines = [[r["month_label"] for r in rows] for mark, rows in layers if mark["type"] == "line"]
    hollow = [[r["month_label"] for r in rows] for mark, rows in layers
              if mark["type"] == "point" and mark.get("filled") is False]
    assert lines == [["Okt 2026", "Nov 2026"]]
    assert hollow == [["Des 2026"]]
    assert "status" in _spec_texts(spec)


def test_ranking_chart_keeps_both_ends_and_letters():
    ranked = [{"unit_code": f"U{i}", "name": f"Unit {i}", "ikm": 95.0 - i, "grade": "A" if i < 7 else "B",
               "respondents": 400, "ci95": [94.0 - i, 96.0 - i], "summary_respondents": 0} for i in range(25)]
    frame = frames.ranking_frame(ranked, 10)
    assert list(frame["unit"]) == [f"Unit {i}" for i in (*range(10), *range(15, 25))]
    assert "grade" in _spec_texts(render_ranking_chart(frame).to_dict())


def test_profile_frame_orders_categories_and_puts_blanks_last():
    frame = frames.profile_frame("sex", {"": 1, "P": 2, "L": 1})
    assert frame[["category", "respondents", "share"]].values.tolist() == [
        ["Laki-laki", 1, 25.0], ["Perempuan", 2, 50.0], ["Tidak diisi", 1, 25.0]]
    assert frames.profile_takeaway(frame, "sex") == (
        "Menurut jenis kelamin, terbanyak Perempuan (50,0% dari 4 responden).")
    render_profile_chart(frame).to_dict()


@pytest.mark.parametrize("complaints, flag, text", [(5, "puas_tapi_lambat", "puas tetapi lambat"),
                                                     (5, None, "sejalan"), (4, None, "kurang dari 5 pengaduan")])
def test_perception_judgement_in_words(complaints, flag, text):
    assert frames.judgement_text({"complaints": complaints, "flag": flag}) == text


def test_perception_chart_draws_only_units_with_enough_complaints():
    rows = [
        {"unit_code": "A", "name": "A", "element_ikm": 90.0, "element_grade": "A", "complaints": 5,
         "first_response_median_workdays": 7, "first_response_within_limit_pct": 20.0, "speed": "lambat",
         "flag": "puas_tapi_lambat"},
        {"unit_code": "B", "name": "B", "element_ikm": 90.0, "element_grade": "A", "complaints": 4,
         "first_response_median_workdays": 7, "first_response_within_limit_pct": 20.0, "speed": "lambat",
         "flag": None},
    ]
    frame = frames.perception_frame(rows)
    assert list(frame["unit"]) == ["A"]
    flags = [frames.flag_text(flag) for flag in frames.FLAGS]
    render_perception_chart(frame, flags, "x", "y").to_dict()
    assert frames.perception_takeaway(rows) == (
        "1 unit puas tetapi lambat dan 0 unit cepat tetapi tidak puas, dari 1 unit dengan minimal 5 pengaduan.")


def test_the_unit_table_downloads_plain_numbers_and_codes_and_shows_them_written_and_linked():
    rows = [{"unit_code": "3575-MPP", "name": "MPP", "kind": "mpp", "region_code": "35.75", "respondents": 250,
             "ikm": 88.3, "grade": "B", "ci95": [86.74, 89.86], "summary_respondents": 0, "weakest_element": "waktu",
             "population": None,
             "minimum_sample": None, "sample": "populasi_tidak_diketahui"}]
    frame = tables.UNITS.frame_of(rows)
    record = tables.UNITS.labelled(frame).iloc[0]
    assert (record["Kode unit"], record["IKM"], record["SK 95% bawah"], record["SK 95% atas"]) == (
        "3575-MPP", 88.3, 86.74, 89.86)
    assert pd.isna(record["Sampel minimum"])
    styled, _, order = screen(tables.UNITS, frame)
    assert order[:3] == ["Unit layanan", "IKM", "Mutu"] and order[-1] == "Kode unit"
    assert styled.data.iloc[0]["Kode unit"] == "/unit?unit=3575-MPP"
    shown = styled.to_string(delimiter=";").splitlines()[1].split(";")[1:]  # the row as written, index left out
    written = dict(zip(styled.data.columns, shown, strict=True))
    assert (written["SK 95% bawah"], written["SK 95% atas"], written["Sampel minimum"]) == ("86,74", "89,86", "–")
