"""The English view is English: every string has an English value that is not the Indonesian one left standing, and
the small formatting rules the English view relies on (names, bands, running periods, 'data per')."""

import re
from datetime import UTC, date, datetime

import pytest

from components.formatting import (
    NAME_LIMIT,
    fmt_freshness,
    fmt_government,
    fmt_ombudsman_band,
    readable_ombudsman,
    running_label,
    short_name,
)
from components.i18n import STRINGS
from data_access.ombudsman import BANDS_2022_2024, BANDS_UNTIL_2021, OPINION_LABEL

# Strings that are rightly the same in both languages: abbreviations, proper names, month names spelled alike,
# and format-only strings.
SAME_IN_BOTH = {
    "home.ikm", "home.ikm_running", "source.ombudsman", "unit.ikm_now", "lead.brief.row.ikm", "ikm.ikm", "ikm.col.ikm",
    "map.col.ikm",
    "map.popup.ikm_only", "lead.target.ikm", "data.col.range_100", "ikm.col.respondents", "map.col.unit",
    "complaints.col.status", "data.field.status", "lead.col.target", "lead.ombudsman.ours",
    "lead.brief.ombudsman_value", "complaints.suppressed", "lead.target.overdue_goal", "survey.question_label",
    "map.layer.scale.terlambat", "ikm.profile.channel.web", "complaints.channel.sms_1708",
    "complaints.channel.esambat", "complaints.channel.whatsapp",
    *(f"month.{m}" for m in (1, 2, 3, 4, 6, 7, 9, 11)),
}
# Indonesian words that have no place in English text. Official Indonesian labels may stay when English gives their
# meaning beside them, as the survey's answer labels and the Ombudsman's zone names do: "Sangat baik (very good)".
INDONESIAN = re.compile(r"\b(dan|yang|untuk|dengan|tidak|belum|kualitas|tertinggi|sedang|rendah|triwulan|bulan|"
                        r"tahun|wilayah|layanan|pengaduan|kuesioner|responden|mutu|lihat|berjalan|penilaian)\b", re.I)
WITH_MEANING = re.compile(r"^[^()]+ \([^()]+\)$")


def test_every_string_has_both_languages():
    missing = [key for key, entry in STRINGS.items() if not entry.get("id") or not entry.get("en")]
    assert not missing


def test_no_english_string_is_the_indonesian_one_left_untranslated():
    same = {key for key, entry in STRINGS.items() if entry["id"] == entry["en"]}
    assert same <= SAME_IN_BOTH, sorted(same - SAME_IN_BOTH)


def test_no_english_string_holds_indonesian_words_without_their_meaning():
    found = {key: entry["en"] for key, entry in STRINGS.items()
             if INDONESIAN.search(entry["en"]) and not WITH_MEANING.match(entry["en"])}
    assert not found, found


@pytest.mark.parametrize("label", [*(b[1] for b in (*BANDS_UNTIL_2021, *BANDS_2022_2024)), OPINION_LABEL])
def test_every_ombudsman_band_has_its_english_meaning(label):
    assert fmt_ombudsman_band(label, "id") == label
    assert fmt_ombudsman_band(label, "en") != label
    assert not INDONESIAN.search(fmt_ombudsman_band(label, "en"))


def test_ombudsman_rows_name_governments_as_the_rest_of_the_english_view():
    row = {"entity": "Kabupaten Pasuruan", "region_code": "35.14", "band": "A — kualitas tertinggi"}
    assert readable_ombudsman(row, "en") == {**row, "entity": "Pasuruan Regency", "band": "A — highest quality"}
    assert readable_ombudsman(row, "id") == row
    assert fmt_government("Kota Balikpapan", None, "en") == "Balikpapan City"
    assert fmt_government("Kabupaten Malang", None, "en") == "Malang Regency"
    assert fmt_government("Kota Balikpapan", None, "id") == "Kota Balikpapan"


def test_a_running_period_says_so_up_to_today():
    assert running_label(date(2026, 12, 5), "id") == "berjalan, s.d. 5 Des"
    assert running_label(date(2026, 12, 5), "en") == "running, to 5 Dec"


def test_data_per_is_a_time_or_the_ombudsman_assessment_year():
    assert fmt_freshness(datetime(2026, 11, 18, 7, 30, tzinfo=UTC), "id") == "18 Nov 2026 14.30 WIB"
    assert fmt_freshness(2024, "id") == "penilaian 2024"
    assert fmt_freshness(2024, "en") == "2024 assessment"


@pytest.mark.parametrize(("name", "short"), [
    ("Dinas Kependudukan dan Pencatatan Sipil Kabupaten Pasuruan", "Dinas Kependudukan … Kab. Pasuruan"),
    ("Dinas Kependudukan dan Pencatatan Sipil Kota Pasuruan", "Dinas Kependudukan … Kota Pasuruan"),
    ("Mal Pelayanan Publik Graha Pelayanan Publik Kabupaten Pasuruan", "Mal Pelayanan Publik … Kab. Pasuruan"),
    ("Dinas Kesehatan Kabupaten Pasuruan", "Dinas Kesehatan Kabupaten Pasuruan"),  # short enough: whole
    ("Dinas Penanaman Modal dan PTSP Kota Pasuruan", "Dinas Penanaman … Kota Pasuruan"),
])
def test_long_names_are_shortened_in_the_middle_keeping_what_tells_them_apart(name, short):
    assert short_name(name) == short
    assert len(short_name(name)) <= NAME_LIMIT
