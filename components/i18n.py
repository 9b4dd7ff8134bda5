"""Every UI string, in Bahasa Indonesia first and English second; `t(key)` picks the active language."""

from __future__ import annotations

import streamlit as st

from data_access.ikm import GRADE_BANDS
from data_access.reference import REGIONS

LANGUAGES: tuple[str, ...] = ("id", "en")
LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}
DEFAULT_LANGUAGE = "id"
LANG_KEY = "lang"

STRINGS: dict[str, dict[str, str]] = {
    "app.title": {"id": "Dasbor Pelayanan Publik Pasuruan", "en": "Pasuruan Public Service Dashboard"},
    "app.subtitle": {
        "id": "Kepuasan masyarakat dan pengaduan di Kabupaten dan Kota Pasuruan",
        "en": "Citizen satisfaction and complaints in Pasuruan Regency and City",
    },
    "app.language": {"id": "Bahasa", "en": "Language"},
    "app.demo_banner": {
        "id": "**Data simulasi.** Angka di dasbor ini dibuat untuk demonstrasi, bukan data resmi.",
        "en": "**Simulated data.** The figures on this dashboard are generated for demonstration, not official data.",
    },
    "app.preparing_demo": {
        "id": "Menyiapkan basis data simulasi untuk pertama kali…",
        "en": "Preparing the demo database for the first time…",
    },
    "app.db_unavailable": {
        "id": "Basis data sedang tidak dapat dihubungi. Halaman akan pulih sendiri; silakan muat ulang sebentar lagi.",
        "en": "The database cannot be reached right now. The page recovers by itself; please reload shortly.",
    },
    "app.db_not_initialised": {
        "id": "Basis data belum disiapkan. Admin: jalankan `python -m data_access init`.",
        "en": "The database has not been set up. Admin: run `python -m data_access init`.",
    },
    "app.unexpected_error": {
        "id": "Terjadi kesalahan saat menyiapkan halaman ini. Silakan coba lagi.",
        "en": "Something went wrong preparing this page. Please try again.",
    },
    "app.footer": {
        "id": "Sumber: SKM (PermenPANRB 14/2017) dan SP4N-LAPOR!. Lisensi data: CC BY 4.0.",
        "en": "Sources: SKM survey (PermenPANRB 14/2017) and SP4N-LAPOR!. Data licence: CC BY 4.0.",
    },
    "nav.beranda": {"id": "Beranda", "en": "Home"},
    "filter.region": {"id": "Wilayah", "en": "Region"},
    "filter.region.all": {"id": "Semua wilayah", "en": "All regions"},
    "home.heading": {"id": "Beranda", "en": "Home"},
    "home.intro": {
        "id": "Ringkasan terkini untuk kedua wilayah: kepuasan masyarakat (IKM), pengaduan, dan kepatuhan.",
        "en": "The latest summary for both regions: citizen satisfaction (IKM), complaints and compliance.",
    },
    "home.ikm": {"id": "IKM {quarter}", "en": "IKM {quarter}"},
    "home.ikm_help": {
        "id": "Indeks Kepuasan Masyarakat (skala 25–100) dari kuesioner triwulan ini; perubahan dibanding "
        "triwulan sebelumnya.",
        "en": "Community Satisfaction Index (25–100 scale) from this quarter's questionnaires; change against "
        "the previous quarter.",
    },
    "home.grade": {"id": "Mutu {grade} · {label}", "en": "Grade {grade} · {label}"},
    "home.no_ikm": {"id": "Belum ada kuesioner", "en": "No questionnaires yet"},
    "home.respondents": {"id": "Responden triwulan ini", "en": "Respondents this quarter"},
    "home.responses_today": {"id": "Kuesioner hari ini", "en": "Questionnaires today"},
    "home.complaints_open": {"id": "Pengaduan terbuka", "en": "Open complaints"},
    "home.complaints_overdue": {"id": "Melewati batas waktu", "en": "Past the time limit"},
    "home.first_response": {"id": "Median tanggapan pertama", "en": "Median first response"},
    "home.first_response_help": {
        "id": "Median hari kerja dari diteruskan sampai tanggapan pertama (batas 5 hari kerja), triwulan ini; "
        "pengaduan yang belum ditanggapi ikut dihitung (Kaplan–Meier).",
        "en": "Median working days from forwarding to first response (limit 5 working days), this quarter; "
        "complaints not yet answered are counted too (Kaplan–Meier).",
    },
    "home.workdays": {"id": "{n} hari kerja", "en": "{n} working days"},
    "home.not_reached": {"id": "belum tercapai", "en": "not reached"},
    "home.no_data": {"id": "tidak ada data", "en": "no data"},
    "home.within_limit": {"id": "{pct} dalam batas waktu", "en": "{pct} within the limit"},
    "home.ombudsman": {"id": "Kepatuhan Ombudsman {year}", "en": "Ombudsman compliance {year}"},
    "home.ombudsman_none": {"id": "Kepatuhan Ombudsman", "en": "Ombudsman compliance"},
    "home.freshness": {"id": "Data per", "en": "Data as of"},
    "source.surveys": {"id": "Kuesioner", "en": "Questionnaires"},
    "source.complaints": {"id": "Pengaduan", "en": "Complaints"},
    "source.units": {"id": "Unit layanan", "en": "Service units"},
    "source.ombudsman": {"id": "Ombudsman", "en": "Ombudsman"},
    "month.1": {"id": "Jan", "en": "Jan"},
    "month.2": {"id": "Feb", "en": "Feb"},
    "month.3": {"id": "Mar", "en": "Mar"},
    "month.4": {"id": "Apr", "en": "Apr"},
    "month.5": {"id": "Mei", "en": "May"},
    "month.6": {"id": "Jun", "en": "Jun"},
    "month.7": {"id": "Jul", "en": "Jul"},
    "month.8": {"id": "Agu", "en": "Aug"},
    "month.9": {"id": "Sep", "en": "Sep"},
    "month.10": {"id": "Okt", "en": "Oct"},
    "month.11": {"id": "Nov", "en": "Nov"},
    "month.12": {"id": "Des", "en": "Dec"},
    "quarter": {"id": "Triwulan {q} {year}", "en": "Q{q} {year}"},
    "figure.table_view": {"id": "Lihat tabel dan unduh", "en": "Show table and download"},
    "download.csv": {"id": "Unduh CSV (Excel)", "en": "Download CSV (Excel)"},
    "download.xlsx": {"id": "Unduh XLSX", "en": "Download XLSX"},
    "download.title": {"id": "Judul", "en": "Title"},
    "download.filters": {"id": "Filter", "en": "Filters"},
    "download.data_time": {"id": "Data per", "en": "Data as of"},
    "download.source": {"id": "Sumber", "en": "Source"},
    "download.licence": {"id": "Lisensi", "en": "Licence"},
    "filter.kind": {"id": "Jenis unit", "en": "Kind of unit"},
    "filter.kecamatan": {"id": "Kecamatan", "en": "District (kecamatan)"},
    "filter.period": {"id": "Periode", "en": "Period"},
    "filter.all": {"id": "Semua", "en": "All"},
    "period.semua": {"id": "Semua periode", "en": "All periods"},
    "filters.none": {"id": "tanpa filter", "en": "no filters"},
    "kind.mpp": {"id": "Mal Pelayanan Publik", "en": "Public service mall"},
    "kind.opd": {"id": "Perangkat daerah (OPD)", "en": "Regional agency (OPD)"},
    "kind.rsud": {"id": "Rumah sakit daerah", "en": "Regional hospital"},
    "kind.puskesmas": {"id": "Puskesmas", "en": "Community health centre"},
    "kind.kecamatan": {"id": "Kantor kecamatan", "en": "District office"},
    "kind.kelurahan": {"id": "Kantor kelurahan", "en": "Urban village office"},
    "kind.desa": {"id": "Kantor desa", "en": "Village office"},
}

# Official Indonesian names come from the domain modules; only their English renderings live here.
_REGION_EN = {"35.14": "Pasuruan Regency", "35.75": "Pasuruan City"}
_GRADE_EN = {"A": "Very good", "B": "Good", "C": "Poor", "D": "Not good"}
STRINGS.update({f"region.{r['code']}": {"id": r["name"], "en": _REGION_EN[r["code"]]} for r in REGIONS})
STRINGS.update({f"grade.{grade}": {"id": label, "en": _GRADE_EN[grade]} for _, grade, label in GRADE_BANDS})


def current_language() -> str:
    lang = st.session_state.get(LANG_KEY, DEFAULT_LANGUAGE)
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, lang: str | None = None, **values) -> str:
    """The UI string `key` in the active (or given) language, with {placeholders} filled."""
    entry = STRINGS[key]
    text = entry[lang or current_language()]
    return text.format(**values) if values else text
