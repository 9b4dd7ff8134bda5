"""Every UI string, in Bahasa Indonesia first and English second; `t(key)` picks the active language."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import streamlit as st

from data_access.elements import (
    ANSWER_LABELS,
    EDUCATIONS,
    ELEMENTS,
    OCCUPATIONS,
    SEXES,
    SURVEY_CHANNELS,
)
from data_access.ikm import GRADE_BANDS
from data_access.ombudsman import BANDS_2022_2024, BANDS_UNTIL_2021, OPINION_LABEL
from data_access.reference import REGIONS

LANGUAGES: tuple[str, ...] = ("id", "en")
LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}
DEFAULT_LANGUAGE = "id"
LANG_KEY = "lang"
# The language of an API request (?lang=), which is answered outside any session and so has no session state.
_REQUEST_LANGUAGE: ContextVar[str | None] = ContextVar("request_language", default=None)

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
        "id": "Data belum tersedia: basis data dasbor ini belum disiapkan. Silakan kembali lagi nanti.",
        "en": "No data yet: this dashboard's database has not been set up. Please come back later.",
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
    "nav.kepuasan": {"id": "Kepuasan", "en": "Satisfaction"},
    "nav.unit": {"id": "Rapor unit", "en": "Unit report card"},
    "nav.pengaduan": {"id": "Pengaduan", "en": "Complaints"},
    "nav.lacak": {"id": "Lacak pengaduan", "en": "Track a complaint"},
    "nav.peta": {"id": "Peta", "en": "Map"},
    "nav.survei": {"id": "Isi survei", "en": "Take the survey"},
    "nav.pimpinan": {"id": "Pimpinan", "en": "Leadership"},
    "nav.data": {"id": "Data & Metodologi", "en": "Data & Methodology"},
    "filter.region": {"id": "Wilayah", "en": "Region"},
    "filter.region.all": {"id": "Semua wilayah", "en": "All regions"},
    "home.heading": {"id": "Beranda", "en": "Home"},
    "home.intro": {
        "id": "Ringkasan terkini untuk kedua wilayah: kepuasan masyarakat (IKM), pengaduan, dan kepatuhan.",
        "en": "The latest summary for both regions: citizen satisfaction (IKM), complaints and compliance.",
    },
    "home.ikm": {"id": "IKM {quarter}", "en": "IKM {quarter}"},
    "home.ikm_running": {"id": "IKM {quarter} ({running})", "en": "IKM {quarter} ({running})"},
    "home.ikm_help": {
        "id": "Indeks Kepuasan Masyarakat (skala {lowest}–{highest}) dari kuesioner triwulan ini; perubahan "
        "dibanding triwulan sebelumnya.",
        "en": "Community Satisfaction Index ({lowest}–{highest} scale) from this quarter's questionnaires; change "
        "against the previous quarter.",
    },
    "home.grade": {"id": "Mutu {grade} · {label}", "en": "Grade {grade} · {label}"},
    "home.grade_provisional": {"id": "Mutu sementara {grade} · {label}", "en": "Provisional grade {grade} · {label}"},
    "home.no_ikm": {"id": "Belum ada kuesioner", "en": "No questionnaires yet"},
    "home.respondents": {"id": "Responden triwulan ini", "en": "Respondents this quarter"},
    "home.responses_today": {"id": "Kuesioner hari ini", "en": "Questionnaires today"},
    "home.complaints_open": {"id": "Pengaduan terbuka", "en": "Open complaints"},
    "home.complaints_overdue": {"id": "Melewati batas waktu", "en": "Past the time limit"},
    "home.first_response": {"id": "Median tanggapan pertama", "en": "Median first response"},
    "home.first_response_help": {
        "id": "Median hari kerja dari diteruskan sampai tanggapan pertama (batas {limit} hari kerja), triwulan "
        "ini; pengaduan yang belum ditanggapi ikut dihitung (Kaplan–Meier).",
        "en": "Median working days from forwarding to first response (limit {limit} working days), this quarter; "
        "complaints not yet answered are counted too (Kaplan–Meier).",
    },
    "home.workdays": {"id": "{n} hari kerja", "en": "{n} working days"},
    "home.not_reached": {"id": "belum tercapai", "en": "not reached"},
    "home.no_data": {"id": "tidak ada data", "en": "no data"},
    "home.within_limit": {"id": "{pct} dalam batas waktu", "en": "{pct} within the limit"},
    "home.ombudsman": {"id": "Kepatuhan Ombudsman {year}", "en": "Ombudsman compliance {year}"},
    "home.ombudsman_none": {"id": "Kepatuhan Ombudsman", "en": "Ombudsman compliance"},
    "home.freshness": {"id": "Data per", "en": "Data as of"},
    "home.find_unit": {"id": "Cari unit layanan Anda", "en": "Find your service unit"},
    "home.find_unit.placeholder": {"id": "Ketik nama puskesmas, kantor, sekolah…",
                                   "en": "Type the name of a puskesmas, office, school…"},
    "home.find_unit.help": {
        "id": "Rapor unit: nilai kepuasan (IKM), mutu, dan kecepatan menanggapi pengaduan.",
        "en": "The unit's report card: satisfaction (IKM), grade, and how fast it answers complaints.",
    },
    "home.find_unit.open": {"id": "Buka rapor unit ini", "en": "Open this unit's report card"},
    "source.surveys": {"id": "Kuesioner", "en": "Questionnaires"},
    "source.complaints": {"id": "Pengaduan", "en": "Complaints"},
    "source.units": {"id": "Unit layanan", "en": "Service units"},
    "source.ombudsman": {"id": "Ombudsman", "en": "Ombudsman"},
    "source.ombudsman_year": {"id": "penilaian {year}", "en": "{year} assessment"},
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
    "download.png": {"id": "Unduh gambar (PNG)", "en": "Download image (PNG)"},
    "figure.png_source": {"id": "Sumber: {source} · Data per {data_time} · Lisensi {licence}",
                          "en": "Source: {source} · Data as of {data_time} · Licence {licence}"},
    "cite.button": {"id": "Salin tautan / Kutip", "en": "Copy link / Cite"},
    "cite.link": {"id": "Tautan ke tampilan ini (filter ikut tersimpan)",
                  "en": "Link to this view (filters included)"},
    "cite.citation": {"id": "Kutipan", "en": "Citation"},
    "cite.api": {"id": "Data tabel ini untuk program (JSON; ganti .json dengan .csv untuk CSV)",
                 "en": "This table's data for programs (JSON; change .json to .csv for CSV)"},
    "api.error.lang": {"id": "Nilai lang tidak dikenal. Nilai yang sah: {values}.",
                       "en": "Unknown value of lang. Valid values: {values}."},
    "api.error.choice": {"id": "Nilai {parameter} tidak dikenal. Nilai yang sah: {values}.",
                         "en": "Unknown value of {parameter}. Valid values: {values}."},
    "api.error.kecamatan": {
        "id": "Nilai kecamatan tidak dikenal, atau kecamatan itu bukan bagian dari wilayah yang dipilih. Kode "
              "kecamatan ada di /api/v1/ (parameters.kecamatan).",
        "en": "Unknown value of kecamatan, or a kecamatan outside the chosen region. The kecamatan codes are listed "
              "at /api/v1/ (parameters.kecamatan).",
    },
    "api.error.periode": {
        "id": "Nilai periode tidak sah. Nilai yang sah: semua, atau tahun (2025), triwulan (2025-Q3) atau bulan "
              "(2025-07) yang memuat data, dari {first} sampai {last}.",
        "en": "Invalid value of periode. Valid values: semua, or a year (2025), quarter (2025-Q3) or month (2025-07) "
              "holding data, from {first} to {last}.",
    },
    "api.error.periode_none": {"id": "Belum ada data: satu-satunya periode yang sah adalah semua.",
                               "en": "There is no data yet: the only valid periode is semua."},
    "api.error.unit": {"id": "Nilai unit bukan kode unit (huruf, angka dan tanda hubung, mis. 3575-MPP).",
                       "en": "The value of unit is not a unit code (letters, digits and dashes, e.g. 3575-MPP)."},
    "api.error.unit_unknown": {"id": "Tidak ada unit dengan kode {code}.", "en": "There is no unit with code {code}."},
    "api.error.unit_required": {
        "id": "Tabel ini memuat satu unit: tambahkan ?unit=KODE (kode unit ada di kolom unit_code tabel peta-unit).",
        "en": "This table holds one unit: add ?unit=CODE (unit codes are in the unit_code column of table "
              "peta-unit).",
    },
    "api.error.not_found": {"id": "Tidak ada di API ini. Daftar tabel: /api/v1/",
                            "en": "Not part of this API. The list of tables: /api/v1/"},
    "api.error.method": {"id": "API ini hanya dapat dibaca: GET atau HEAD.",
                         "en": "This API is read-only: GET or HEAD."},
    "api.error.unavailable": {"id": "Basis data sedang tidak dapat dihubungi. Silakan coba lagi sebentar lagi.",
                              "en": "The database cannot be reached right now. Please try again shortly."},
    "api.error.not_ready": {"id": "Basis data belum disiapkan.", "en": "The database has not been set up."},
    "api.error.internal": {"id": "Terjadi kesalahan. Silakan coba lagi.",
                           "en": "Something went wrong. Please try again."},
    "api.param.wilayah": {"id": "Wilayah: kode BPS.", "en": "Region: BPS code."},
    "api.param.jenis": {"id": "Jenis unit layanan.", "en": "Kind of service unit."},
    "api.param.kecamatan": {"id": "Kecamatan (di wilayah yang dipilih, bila ada).",
                            "en": "Kecamatan (within the chosen region, if any)."},
    "api.param.periode": {"id": "Periode: semua, tahun, triwulan atau bulan yang memuat data; tanpa parameter: semua.",
                          "en": "Period: semua (all), or a year, quarter or month holding data; left out: all."},
    "api.param.unit": {"id": "Kode unit, untuk tabel rapor satu unit (kolom unit_code tabel peta-unit).",
                       "en": "A unit code, for the tables of one unit's report card (column unit_code of table "
                             "peta-unit)."},
    "api.param.lang": {"id": "Bahasa judul, label dan keterangan; bawaan: id.",
                       "en": "Language of titles, labels and meanings; default: id."},
    "unit.cite_title": {"id": "Rapor unit layanan: {name}", "en": "Service unit report card: {name}"},
    "home.cite_title": {"id": "Ringkasan Kota dan Kabupaten Pasuruan", "en": "Summary of Pasuruan City and Regency"},
    "cite.text": {
        "id": "{source} ({year}). {figure}. {filters}. Data per {data_time}. Diakses {accessed}. {link}. "
              "Lisensi {licence}.",
        "en": "{source} ({year}). {figure}. {filters}. Data as of {data_time}. Accessed {accessed}. {link}. "
              "Licence {licence}.",
    },
    "filter.kind": {"id": "Jenis unit", "en": "Kind of unit"},
    "filter.kecamatan": {"id": "Kecamatan", "en": "District (kecamatan)"},
    "filter.period": {"id": "Periode", "en": "Period"},
    "filter.all": {"id": "Semua", "en": "All"},
    "period.semua": {"id": "Semua periode", "en": "All periods"},
    "period.running": {"id": "berjalan, s.d. {day}", "en": "running, to {day}"},
    "period.complete": {"id": "selesai", "en": "complete"},
    "period.status": {"id": "Periode", "en": "Period"},
    "period.default_note": {
        "id": "Periode bawaan: {period}, triwulan lengkap terakhir yang ada datanya. Mutu dan peringkat memakai "
              "periode yang sudah selesai; pilih periode lain di atas.",
        "en": "Default period: {period}, the last complete quarter with data. Grades and rankings use a period "
              "that has ended; choose another period above.",
    },
    "period.running_note": {
        "id": "{period} ({running}): angkanya sementara, bukan nilai akhir.",
        "en": "{period} ({running}): its figures are provisional, not a final grade.",
    },
    "filters.none": {"id": "tanpa filter", "en": "no filters"},
    "kind.mpp": {"id": "Mal Pelayanan Publik", "en": "Public service mall"},
    "kind.opd": {"id": "Perangkat daerah (OPD)", "en": "Regional agency (OPD)"},
    "kind.rsud": {"id": "Rumah sakit daerah", "en": "Regional hospital"},
    "kind.puskesmas": {"id": "Puskesmas", "en": "Community health centre"},
    "kind.kecamatan": {"id": "Kantor kecamatan", "en": "District office"},
    "kind.kelurahan": {"id": "Kantor kelurahan", "en": "Urban village office"},
    "kind.desa": {"id": "Kantor desa", "en": "Village office"},
    # ---- Peta (map) ----
    "map.title": {"id": "Peta unit layanan", "en": "Map of service units"},
    "map.intro": {
        "id": "Semua unit layanan Kabupaten dan Kota Pasuruan. Warna dan huruf penanda menunjukkan mutu IKM; klik "
        "penanda untuk angka dan tautan ke rapor unit. Daftar yang sama ada di bawah peta.",
        "en": "Every service unit of Pasuruan Regency and City. A marker's colour and letter show its IKM grade; "
        "click a marker for its figures and a link to its report card. The same units are listed below the map.",
    },
    "map.filter.grade": {"id": "Mutu", "en": "Grade"},
    "map.filter.measure": {"id": "Lapisan kecamatan", "en": "District layer"},
    "map.marker.tanpa": {"id": "Belum dinilai (sampel belum memadai)", "en": "Not graded (sample too small)"},
    "map.measure.ikm": {"id": "IKM rata-rata", "en": "Average IKM"},
    "map.measure.pengaduan": {"id": "Pengaduan per 10.000 penduduk", "en": "Complaints per 10,000 residents"},
    "map.measure.terlambat": {
        "id": "Pengaduan terbuka yang lewat batas waktu",
        "en": "Open complaints past the time limit",
    },
    "map.measure.ikm.missing": {"id": "belum ada kuesioner", "en": "no questionnaires yet"},
    "map.measure.pengaduan.missing": {
        "id": "tidak diketahui (jumlah penduduk kecamatan belum dimuat)",
        "en": "unknown (the district's population has not been loaded)",
    },
    "map.measure.terlambat.missing": {"id": "tidak ada pengaduan terbuka", "en": "no open complaints"},
    "map.layer.label": {"id": "Kecamatan {name} — {measure}: {value}", "en": "{name} district — {measure}: {value}"},
    "map.layer.polygons": {"id": "Warna kecamatan: {measure}.", "en": "District colour: {measure}."},
    "map.layer.circles": {
        "id": "Lingkaran di titik tengah kecamatan: {measure} (luas dan warna sebanding dengan nilai; batas "
        "kecamatan tidak tersedia).",
        "en": "Circles at district centres: {measure} (area and colour grow with the value; district boundaries "
        "are not available).",
    },
    "map.layer.scale.pengaduan": {"id": "0 → angka tertinggi yang tampil", "en": "0 → the highest value shown"},
    "map.layer.scale.terlambat": {"id": "0% → 100%", "en": "0% → 100%"},
    "map.layer.population_unknown": {
        "id": "Jumlah penduduk per kecamatan belum dimuat, jadi pengaduan per 10.000 penduduk tidak diketahui; "
        "angka itu tidak ditebak dari penduduk kabupaten/kota.",
        "en": "District populations have not been loaded, so complaints per 10,000 residents are unknown; they "
        "are not guessed from the region's population.",
    },
    "map.kecamatan_of": {"id": "Kec. {name}", "en": "{name} district"},
    "map.popup.ikm": {"id": "IKM {ikm} · mutu {grade} ({label})", "en": "IKM {ikm} · grade {grade} ({label})"},
    "map.popup.ikm_only": {"id": "IKM {ikm}", "en": "IKM {ikm}"},
    "map.popup.complaints": {
        "id": "Pengaduan terbuka: {open} · lewat batas waktu: {overdue}",
        "en": "Open complaints: {open} · past the time limit: {overdue}",
    },
    "map.popup.link": {"id": "Buka rapor unit", "en": "Open the unit's report card"},
    "map.cluster.label": {"id": "{n} unit, mutu terbanyak {grade}", "en": "{n} units, mostly grade {grade}"},
    "map.legend.cluster": {
        "id": "Lingkaran bertepi hitam tebal: unit yang berdekatan, dikelompokkan. Angkanya banyak unit; warna dan "
        "hurufnya mutu yang paling banyak di antara unit yang dinilai di dalamnya (jika seri, mutu yang lebih "
        "rendah; abu-abu dengan “–”: belum ada yang dinilai). Klik untuk memperbesar.",
        "en": "Circles with a thick black edge: nearby units, grouped. The number is how many units; the colour and "
        "letter are the grade most of its graded units have (on a tie, the lower grade; grey with “–”: none "
        "graded yet). Click to zoom in.",
    },
    "map.load_failed": {
        "id": "Peta tidak dapat dimuat di peramban ini. Semua unit, mutu, dan angkanya ada di Daftar unit di bawah.",
        "en": "The map could not be loaded in this browser. Every unit, grade and figure is in the List of units "
        "below.",
    },
    "map.attribution.boundaries": {
        "id": 'Batas: <a href="https://github.com/cahyadsn/wilayah_boundaries">© cahya dsn</a> (MIT)',
        "en": 'Boundaries: <a href="https://github.com/cahyadsn/wilayah_boundaries">© cahya dsn</a> (MIT)',
    },
    "map.sample.memadai": {
        "id": "{n} responden · sampel memadai (minimal {minimum})",
        "en": "{n} respondents · adequate sample (minimum {minimum})",
    },
    "map.sample.belum_memadai": {
        "id": "{n} responden · sampel belum memadai (minimal {minimum}): mutu belum ditampilkan",
        "en": "{n} respondents · sample too small (minimum {minimum}): grade not shown",
    },
    "map.sample.populasi_tidak_diketahui": {
        "id": "{n} responden · jumlah pengguna layanan tidak diketahui: mutu belum ditampilkan",
        "en": "{n} respondents · number of service users unknown: grade not shown",
    },
    "map.sample.tanpa_kuesioner": {"id": "Belum ada kuesioner", "en": "No questionnaires yet"},
    "map.sample_status.memadai": {"id": "memadai", "en": "adequate"},
    "map.sample_status.belum_memadai": {"id": "belum memadai", "en": "too small"},
    "map.sample_status.populasi_tidak_diketahui": {"id": "populasi tidak diketahui", "en": "population unknown"},
    "map.sample_status.tanpa_kuesioner": {"id": "belum ada kuesioner", "en": "no questionnaires"},
    "map.summary": {
        "id": "**{total} unit** di peta — mutu: {grades}; {unrated} belum dinilai (sampel belum memadai, jumlah "
        "pengguna tidak diketahui, atau belum ada kuesioner).",
        "en": "**{total} units** on the map — grade: {grades}; {unrated} not graded (sample too small, number of users "
        "unknown, or no questionnaires yet).",
    },
    "map.summary.unplaced": {
        "id": "{n} unit belum punya koordinat: hanya ada di daftar, tidak di peta.",
        "en": "{n} units have no coordinates yet: they are in the list but not on the map.",
    },
    "map.summary.none": {"id": "Tidak ada unit yang cocok dengan filter ini.", "en": "No unit matches these filters."},
    "map.fallback": {
        "id": "Peta tidak tampil atau sulit dipakai? Daftar unit di bawah memuat unit, angka, dan tautan yang sama.",
        "en": "Map not showing or hard to use? The list below holds the same units, figures and links.",
    },
    "map.kec.heading": {"id": "Angka per kecamatan", "en": "Figures per district"},
    "map.kec.col.kecamatan": {"id": "Kecamatan", "en": "District"},
    "map.kec.col.units": {"id": "Unit", "en": "Units"},
    "map.kec.col.complaints": {"id": "Pengaduan diterima", "en": "Complaints received"},
    "map.kec.col.population": {"id": "Penduduk", "en": "Population"},
    "map.kec.col.per_10k": {"id": "Per 10.000 penduduk", "en": "Per 10,000 residents"},
    "map.kec.col.share": {"id": "Lewat batas (% dari terbuka)", "en": "Past the limit (% of open)"},
    "map.list.heading": {"id": "Daftar unit", "en": "List of units"},
    "map.list.caption": {
        "id": "Unit yang sama dengan di peta, dengan filter yang sama. Klik judul kolom untuk mengurutkan; tautan "
        "membuka rapor unit.",
        "en": "The same units as on the map, with the same filters. Click a column heading to sort; the link "
        "opens the unit's report card.",
    },
    "map.col.unit": {"id": "Unit", "en": "Unit"},
    "map.col.code": {"id": "Kode unit", "en": "Unit code"},
    "map.col.grade": {"id": "Mutu", "en": "Grade"},
    "map.col.ikm": {"id": "IKM", "en": "IKM"},
    "map.col.respondents": {"id": "Responden", "en": "Respondents"},
    "map.col.sample": {"id": "Sampel", "en": "Sample"},
    "map.col.minimum": {"id": "Sampel minimal", "en": "Minimum sample"},
    "map.col.open": {"id": "Pengaduan terbuka", "en": "Open complaints"},
    "map.col.overdue": {"id": "Lewat batas waktu", "en": "Past the time limit"},
    "map.col.kind": {"id": "Jenis", "en": "Kind"},
    "map.col.kecamatan": {"id": "Kecamatan", "en": "District"},
    "map.col.address": {"id": "Alamat", "en": "Address"},
    "map.col.latitude": {"id": "Lintang", "en": "Latitude"},
    "map.col.longitude": {"id": "Bujur", "en": "Longitude"},
    # ---- Pengaduan page
    "complaints.title": {"id": "Pengaduan", "en": "Complaints"},
    "complaints.intro": {
        "id": "Pengaduan dari LAPOR!, e-Sambat, WhatsApp, media sosial dan loket: berapa banyak, seberapa cepat "
        "ditangani menurut batas waktu dalam hari kerja (PermenPANRB 62/2018), di mana posisinya sekarang, dan apa "
        "yang segera jatuh tempo. Isi pengaduan dan data pelapor tidak pernah ditampilkan.",
        "en": "Complaints from LAPOR!, e-Sambat, WhatsApp, social media and counters: how many, how fast they are "
        "handled against the legal limits in working days (PermenPANRB 62/2018), where they stand now, and what "
        "falls due next. Complaint texts and complainants' details are never shown.",
    },
    "complaints.none": {"id": "Belum ada pengaduan untuk pilihan ini.", "en": "No complaints for this selection yet."},
    "complaints.workdays": {"id": "{n} hari kerja", "en": "{n} working days"},
    "complaints.workday": {"id": "{n} hari kerja", "en": "{n} working day"},
    "complaints.not_reached": {"id": "belum tercapai", "en": "not reached"},
    "complaints.no_data": {"id": "tidak ada data", "en": "no data"},
    "complaints.suppressed": {"id": "<{n}", "en": "<{n}"},
    "complaints.kpi.received": {"id": "Pengaduan diterima", "en": "Complaints received"},
    "complaints.kpi.open": {"id": "Masih terbuka", "en": "Still open"},
    "complaints.kpi.open_help": {
        "id": "Belum selesai dan tidak keluar lewat jalur samping; termasuk yang ditunda.",
        "en": "Not finished and not closed by a side exit; paused (ditunda) complaints included.",
    },
    "complaints.kpi.overdue": {"id": "Terbuka, lewat batas waktu", "en": "Open, past the time limit"},
    "complaints.kpi.overdue_help": {
        "id": "Pengaduan terbuka yang tahap saat ini sudah melewati batas hari kerjanya.",
        "en": "Open complaints whose current stage has passed its working-day limit.",
    },
    "complaints.kpi.verification": {"id": "Median verifikasi", "en": "Median verification"},
    "complaints.kpi.first_response": {"id": "Median tanggapan pertama", "en": "Median first response"},
    "complaints.kpi.resolution": {"id": "Median penyelesaian", "en": "Median resolution"},
    "complaints.kpi.limit_within": {
        "id": "Batas {limit} hari kerja · {pct} dalam batas",
        "en": "Limit {limit} working days · {pct} within it",
    },
    "complaints.kpi.resolution_line": {
        "id": "Persentil ke-90: {p90} · {open} masih terbuka · {pct} dalam batas ({limits} hari kerja menurut "
        "tingkat)",
        "en": "90th percentile: {p90} · {open} still open · {pct} within the limit ({limits} working days by tier)",
    },
    "complaints.kpi.km_help": {
        "id": "Dihitung dengan Kaplan–Meier: pengaduan yang belum selesai ikut dihitung sebagai masih menunggu "
        "sampai hari ini, bukan dibuang. \"Belum tercapai\" berarti kurang dari separuh (atau 90%) yang sudah "
        "selesai, sehingga median (atau persentil ke-90) belum bisa diketahui.",
        "en": "Computed with Kaplan–Meier: complaints not yet finished count as still waiting until today instead "
        "of being dropped. \"Not reached\" means fewer than half (or 90%) have finished, so the median (or 90th "
        "percentile) cannot be known yet.",
    },
    "complaints.kpi.unknown_time": {
        "id": "{n} pengaduan tanpa waktu tercatat (tidak ikut dihitung)",
        "en": "{n} complaints with no time recorded (not counted)",
    },
    "complaints.no_time": {"id": "tanpa waktu tercatat", "en": "no time recorded"},
    "complaints.volume.heading": {"id": "Jumlah pengaduan", "en": "Number of complaints"},
    "complaints.volume.title": {"id": "Pengaduan menurut {dimension}", "en": "Complaints by {dimension}"},
    "complaints.volume.takeaway": {
        "id": "Menurut {dimension}, terbanyak {value}: {n} dari {total} pengaduan ({share}).",
        "en": "By {dimension}, the most are {value}: {n} of {total} complaints ({share}).",
    },
    "complaints.volume.all_suppressed": {
        "id": "{total} pengaduan; setiap {dimension} di bawah {n} sehingga angkanya disembunyikan.",
        "en": "{total} complaints; every {dimension} is below {n}, so the counts are hidden.",
    },
    "complaints.suppressed_note": {
        "id": "Angka di bawah {n} untuk satu kecamatan ditulis \"<{n}\", beserta angka pendamping (termasuk nol) "
        "bila total yang diterbitkan bisa membukanya, agar tidak menunjuk ke orang tertentu.",
        "en": "Counts below {n} within one district are shown as \"<{n}\", with companion counts (zeros included) "
        "where a published total would reveal them, so that they cannot point at a person.",
    },
    "complaints.trend.suppressed_note": {
        "id": "Bulan yang ditulis \"<{n}\" di tabel tidak digambar di grafik.",
        "en": "Months shown as \"<{n}\" in the table are left out of the chart.",
    },
    "complaints.trend.all_suppressed": {
        "id": "Setiap bulan di bawah {n} pengaduan atau disembunyikan, sehingga angkanya tidak ditampilkan.",
        "en": "Every month is below {n} complaints or hidden, so the counts are not shown.",
    },
    "complaints.timing.suppressed_note": {
        "id": "Tingkat penyelesaian dengan \"<{n}\" pengaduan tidak digambar di grafik dan angkanya disembunyikan.",
        "en": "Resolution tiers with \"<{n}\" complaints are left out of the chart and their figures hidden.",
    },
    "complaints.funnel.takeaway_suppressed": {
        "id": "{total} pengaduan; jumlah per status di bawah {n} disembunyikan.",
        "en": "{total} complaints; counts per status below {n} are hidden.",
    },
    "complaints.dim.channel": {"id": "Kanal", "en": "Channel"},
    "complaints.dim.classification": {"id": "Klasifikasi", "en": "Classification"},
    "complaints.dim.category": {"id": "Kategori", "en": "Category"},
    "complaints.rate.heading": {"id": "Per 10.000 penduduk", "en": "Per 10,000 residents"},
    "complaints.rate.title": {"id": "Pengaduan per 10.000 penduduk", "en": "Complaints per 10,000 residents"},
    "complaints.rate.takeaway": {"id": "Per 10.000 penduduk: {figures}.", "en": "Per 10,000 residents: {figures}."},
    "complaints.rate.note": {
        "id": "Penduduk per wilayah tahun {year} (Kabupaten {kab}, Kota {kota}). Jumlah penduduk per kecamatan "
        "belum dimuat, jadi angka per 10.000 penduduk hanya tersedia per wilayah.",
        "en": "Residents per region in {year} (Regency {kab}, City {kota}). Populations per district have not been "
        "loaded, so per-10,000 figures exist per region only.",
    },
    "complaints.rate.kecamatan_unknown": {
        "id": "{n} pengaduan di Kecamatan {name}. Jumlah penduduk kecamatan ini belum dimuat, jadi angka per "
        "10.000 penduduk tidak dapat dihitung (angka wilayah tidak dipakai sebagai pengganti).",
        "en": "{n} complaints in {name} district. This district's population has not been loaded, so a "
        "per-10,000 figure cannot be computed (the region's population is not used in its place).",
    },
    "complaints.trend.title": {
        "id": "Pengaduan per bulan per 10.000 penduduk", "en": "Complaints per month per 10,000 residents",
    },
    "complaints.trend.title_counts": {"id": "Pengaduan per bulan", "en": "Complaints per month"},
    "complaints.trend.takeaway": {
        "id": "Bulan tersibuk {month}: {figures}.", "en": "Busiest month {month}: {figures}.",
    },
    "complaints.trend.figure": {
        "id": "{region} {n} pengaduan ({rate} per 10.000 penduduk)",
        "en": "{region} {n} complaints ({rate} per 10,000 residents)",
    },
    "complaints.trend.figure_count": {"id": "{region} {n} pengaduan", "en": "{region} {n} complaints"},
    "complaints.timing.heading": {
        "id": "Waktu penanganan dalam hari kerja", "en": "Handling time in working days",
    },
    "complaints.timing.title": {
        "id": "Tahap yang selesai dalam batas waktu", "en": "Stages finished within the time limit",
    },
    "complaints.timing.takeaway": {
        "id": "Paling sering lewat batas: {stage}, hanya {pct} dalam batas {limit} hari kerja.",
        "en": "Most often late: {stage}, only {pct} within the {limit}-working-day limit.",
    },
    "complaints.timing.note": {
        "id": "Hari kerja: Senin–Jumat selain libur nasional dan cuti bersama. Verifikasi dihitung sejak diterima; "
        "tanggapan pertama dan penyelesaian sejak diteruskan (terverifikasi), atau sejak diterima bila waktu "
        "diteruskan tidak tercatat. \"Dalam batas\" dihitung dari pengaduan yang sudah selesai atau yang masih "
        "terbuka tetapi sudah lewat batas. Median dan persentil ke-90 memakai Kaplan–Meier dengan pengaduan terbuka "
        "disensor pada hari ini. Tahap yang sudah lewat tanpa waktu tercatat tidak ikut dihitung; jumlahnya ada di "
        "kolom \"Tanpa waktu tercatat\".",
        "en": "Working days: Monday–Friday except national holidays and cuti bersama. Verification counts from "
        "receipt; first response and resolution from forwarding (verified), or from receipt when the forwarding "
        "time was not recorded. \"Within the limit\" is counted over complaints finished, or still open but "
        "already past the limit. Medians and 90th percentiles use Kaplan–Meier with open complaints censored "
        "today. Stages passed with no time recorded are not counted; the \"No time recorded\" column counts them.",
    },
    "complaints.funnel.heading": {"id": "Posisi pengaduan sekarang", "en": "Where complaints stand now"},
    "complaints.funnel.title": {"id": "Pengaduan menurut status", "en": "Complaints by status"},
    "complaints.funnel.takeaway": {
        "id": "{done} dari {total} pengaduan berstatus selesai; {side} ({side_share}) keluar lewat jalur samping, "
        "termasuk {archived} diarsipkan.",
        "en": "{done} of {total} complaints are finished; {side} ({side_share}) left by a side exit, including "
        "{archived} archived.",
    },
    "complaints.funnel.note": {
        "id": "Alur utama: {main}. Jalur samping (↳): {side}. \"Selesai\" berarti unit menutup pengaduan, belum "
        "tentu masalahnya terselesaikan.",
        "en": "Main flow: {main}. Side exits (↳): {side}. \"Finished\" means the unit closed the complaint, not "
        "that the problem was solved.",
    },
    "complaints.backlog.heading": {"id": "Pengaduan terbuka menurut umur", "en": "Open complaints by age"},
    "complaints.backlog.title": {
        "id": "Pengaduan terbuka: sisa hari kerja sampai batas tahap saat ini",
        "en": "Open complaints: working days left before the current stage's limit",
    },
    "complaints.backlog.takeaway": {
        "id": "{late} dari {open} pengaduan terbuka sudah lewat batas; {soon} jatuh tempo dalam {days} hari kerja.",
        "en": "{late} of {open} open complaints are past the limit; {soon} fall due within {days} working days.",
    },
    "complaints.backlog.takeaway_suppressed": {
        "id": "{open} pengaduan terbuka; jumlah per umur di bawah {n} disembunyikan.",
        "en": "{open} open complaints; counts per age below {n} are hidden.",
    },
    "complaints.backlog.none": {"id": "Tidak ada pengaduan terbuka.", "en": "No open complaints."},
    "complaints.backlog.note": {
        "id": "Umur dihitung untuk tahap yang sedang berjalan: verifikasi (batas {verification} hari kerja sejak "
        "diterima), tanggapan pertama ({first} hari kerja sejak diteruskan) atau penyelesaian ({limits} hari kerja "
        "menurut tingkat). Pengaduan yang ditunda tetap dihitung.",
        "en": "Age is counted for the stage under way: verification ({verification} working days from receipt), "
        "first response ({first} working days from forwarding) or resolution ({limits} working days by tier). "
        "Paused complaints still count.",
    },
    "complaints.due.heading": {"id": "Jatuh tempo dalam {days} hari kerja", "en": "Due within {days} working days"},
    "complaints.due.caption": {
        "id": "Pengaduan terbuka yang batas tahapnya jatuh antara {today} dan {until}, per unit.",
        "en": "Open complaints whose stage limit falls between {today} and {until}, per unit.",
    },
    "complaints.due.none": {
        "id": "Tidak ada pengaduan yang jatuh tempo sampai {until}.", "en": "Nothing falls due by {until}.",
    },
    "complaints.ranking.heading": {"id": "Unit layanan", "en": "Service units"},
    "complaints.ranking.caption": {
        "id": "Diurutkan menurut penyelesaian dalam batas waktu. Hanya unit dengan minimal {min} pengaduan dalam "
        "periode ini yang diperingkat; {units} unit lain ({complaints} pengaduan) tidak diperingkat.",
        "en": "Ordered by resolutions within the time limit. Only units with at least {min} complaints in the "
        "period are ranked; {units} other units ({complaints} complaints) are not.",
    },
    "complaints.ranking.none": {
        "id": "Belum ada unit dengan minimal {min} pengaduan, jadi belum ada peringkat.",
        "en": "No unit has at least {min} complaints yet, so there is no ranking.",
    },
    "complaints.ranking.volume_title": {
        "id": "{n} unit dengan pengaduan terbanyak", "en": "{n} units with the most complaints",
    },
    "complaints.ranking.volume_takeaway": {
        "id": "Pengaduan terbanyak di {unit}: {n} pengaduan, {pct} diselesaikan dalam batas waktu. Peringkat "
        "menurut penyelesaian dalam batas waktu ada di tabel.",
        "en": "Most complaints at {unit}: {n} complaints, {pct} resolved within the limit. The ranking by "
        "resolutions within the limit is in the table.",
    },
    "complaints.ranking.table_title": {"id": "Peringkat unit layanan", "en": "Service unit ranking"},
    "complaints.places.heading": {"id": "Kategori per kecamatan", "en": "Categories per district"},
    "complaints.places.caption": {
        "id": "Kecamatan tempat unit layanan berada. Angka di bawah {n} ditulis \"<{n}\", dan angka pendamping "
        "ikut disembunyikan bila total baris atau kolom bisa membukanya.",
        "en": "The district where the service unit is. Counts below {n} are shown as \"<{n}\", and companion "
        "counts are hidden too where a row or column total would reveal them.",
    },
    "complaints.places.title": {
        "id": "Pengaduan per kecamatan dan kategori", "en": "Complaints per district and category",
    },
    "complaints.places.unknown": {"id": "(tanpa kecamatan)", "en": "(no district)"},
    "complaints.col.value": {"id": "Nilai", "en": "Value"},
    "complaints.col.complaints": {"id": "Pengaduan", "en": "Complaints"},
    "complaints.col.share": {"id": "Persentase", "en": "Share (%)"},
    "complaints.col.region": {"id": "Wilayah", "en": "Region"},
    "complaints.col.kecamatan": {"id": "Kecamatan", "en": "District"},
    "complaints.col.population": {"id": "Penduduk", "en": "Residents"},
    "complaints.col.per_10k": {"id": "Per 10.000 penduduk", "en": "Per 10,000 residents"},
    "complaints.col.month": {"id": "Bulan", "en": "Month"},
    "complaints.col.stage": {"id": "Tahap", "en": "Stage"},
    "complaints.col.limit": {"id": "Batas (hari kerja)", "en": "Limit (working days)"},
    "complaints.col.clocks": {"id": "Pengaduan dihitung", "en": "Complaints counted"},
    "complaints.col.done": {"id": "Sudah selesai tahap", "en": "Stage done"},
    "complaints.col.median": {"id": "Median (hari kerja)", "en": "Median (working days)"},
    "complaints.col.p90": {"id": "Persentil ke-90 (hari kerja)", "en": "90th percentile (working days)"},
    "complaints.col.within": {"id": "Dalam batas (%)", "en": "Within the limit (%)"},
    "complaints.col.still_open": {"id": "Masih terbuka (%)", "en": "Still open (%)"},
    "complaints.col.unknown_time": {"id": "Tanpa waktu tercatat", "en": "No time recorded"},
    "complaints.col.status": {"id": "Status", "en": "Status"},
    "complaints.col.path": {"id": "Jalur", "en": "Path"},
    "complaints.col.bucket": {"id": "Sisa waktu", "en": "Time left"},
    "complaints.col.unit": {"id": "Unit layanan", "en": "Service unit"},
    "complaints.col.code": {"id": "Kode unit", "en": "Unit code"},
    "complaints.col.due": {"id": "Jatuh tempo", "en": "Falling due"},
    "complaints.col.first_due": {"id": "Paling awal", "en": "Earliest"},
    "complaints.col.overdue": {"id": "Sudah lewat batas", "en": "Already past the limit"},
    "complaints.col.rank": {"id": "Peringkat", "en": "Rank"},
    "complaints.col.open": {"id": "Terbuka", "en": "Open"},
    "complaints.col.first_median": {"id": "Median tanggapan (hari kerja)", "en": "Median response (working days)"},
    "complaints.col.first_within": {"id": "Tanggapan dalam batas (%)", "en": "Responses within the limit (%)"},
    "complaints.col.resolution_median": {
        "id": "Median penyelesaian (hari kerja)", "en": "Median resolution (working days)",
    },
    "complaints.col.resolution_within": {
        "id": "Penyelesaian dalam batas (%)", "en": "Resolutions within the limit (%)",
    },
    "complaints.stage.verification": {"id": "Verifikasi", "en": "Verification"},
    "complaints.stage.first_response": {"id": "Tanggapan pertama", "en": "First response"},
    "complaints.stage.resolution": {"id": "Penyelesaian", "en": "Resolution"},
    "complaints.stage.resolution_tier": {"id": "Penyelesaian, {tier}", "en": "Resolution, {tier}"},
    "complaints.path.main": {"id": "alur utama", "en": "main flow"},
    "complaints.path.side": {"id": "jalur samping", "en": "side exit"},
    "complaints.bucket.left_over": {"id": "Sisa > {n} hari kerja", "en": "> {n} working days left"},
    "complaints.bucket.left": {"id": "Sisa {low}–{high} hari kerja", "en": "{low}–{high} working days left"},
    "complaints.bucket.late": {"id": "Lewat {low}–{high} hari kerja", "en": "{low}–{high} working days late"},
    "complaints.bucket.late_over": {"id": "Lewat > {n} hari kerja", "en": "> {n} working days late"},
    "complaints.status.diterima": {"id": "Diterima", "en": "Received"},
    "complaints.status.terverifikasi": {"id": "Terverifikasi", "en": "Verified"},
    "complaints.status.didisposisikan": {"id": "Didisposisikan", "en": "Forwarded to the unit"},
    "complaints.status.ditindaklanjuti": {"id": "Ditindaklanjuti", "en": "Followed up"},
    "complaints.status.selesai": {"id": "Selesai", "en": "Finished"},
    "complaints.status.ditunda": {"id": "Ditunda", "en": "Paused"},
    "complaints.status.bukan_wewenang": {"id": "Bukan wewenang", "en": "Not our authority"},
    "complaints.status.diarsipkan": {"id": "Diarsipkan", "en": "Archived"},
    "complaints.tier.sederhana": {"id": "sederhana", "en": "simple"},
    "complaints.tier.tanpa_pemeriksaan": {"id": "tanpa pemeriksaan lapangan", "en": "no field examination"},
    "complaints.tier.pemeriksaan_lapangan": {"id": "pemeriksaan lapangan", "en": "field examination"},
    "complaints.tier_limit": {"id": "{tier} ({n} hari kerja)", "en": "{tier} ({n} working days)"},
    "complaints.channel.lapor_web": {"id": "LAPOR! (situs web)", "en": "LAPOR! (website)"},
    "complaints.channel.sms_1708": {"id": "SMS 1708", "en": "SMS 1708"},
    "complaints.channel.lapor_app": {"id": "LAPOR! (aplikasi)", "en": "LAPOR! (app)"},
    "complaints.channel.lapor": {"id": "SP4N-LAPOR! (kanal tidak tercatat)",
                                 "en": "SP4N-LAPOR! (channel not recorded)"},
    "complaints.channel.media_sosial": {"id": "Media sosial", "en": "Social media"},
    "complaints.channel.esambat": {"id": "e-Sambat", "en": "e-Sambat"},
    "complaints.channel.whatsapp": {"id": "WhatsApp", "en": "WhatsApp"},
    "complaints.channel.loket": {"id": "Loket", "en": "Counter"},
    "complaints.classification.pengaduan": {"id": "Pengaduan", "en": "Complaint"},
    "complaints.classification.aspirasi": {"id": "Aspirasi", "en": "Suggestion"},
    "complaints.classification.permintaan_informasi": {"id": "Permintaan informasi", "en": "Information request"},
    "complaints.category.administrasi_kependudukan": {"id": "Administrasi kependudukan", "en": "Civil registry"},
    "complaints.category.kesehatan": {"id": "Kesehatan", "en": "Health"},
    "complaints.category.pendidikan": {"id": "Pendidikan", "en": "Education"},
    "complaints.category.perizinan": {"id": "Perizinan", "en": "Permits"},
    "complaints.category.infrastruktur_jalan": {"id": "Infrastruktur jalan", "en": "Roads"},
    "complaints.category.lingkungan_sampah": {"id": "Lingkungan/sampah", "en": "Environment/waste"},
    "complaints.category.air_bersih": {"id": "Air bersih", "en": "Clean water"},
    "complaints.category.penerangan_jalan": {"id": "Penerangan jalan", "en": "Street lighting"},
    "complaints.category.sosial": {"id": "Sosial", "en": "Social welfare"},
    "complaints.category.transportasi": {"id": "Transportasi", "en": "Transport"},
    "complaints.category.ketertiban": {"id": "Ketertiban", "en": "Public order"},
    # ---- Lacak pengaduan (tracker)
    "track.title": {"id": "Lacak pengaduan", "en": "Track a complaint"},
    "track.intro": {
        "id": "Masukkan nomor tiket pengaduan untuk melihat tahapannya: tanggal setiap tahap, berapa hari kerja yang "
        "dipakai, dan batas waktunya. Halaman ini tidak menampilkan isi pengaduan atau data pelapor.",
        "en": "Enter a complaint's ticket number to see its stages: the date of each stage, how many working days "
        "it took, and its limit. This page never shows the complaint's text or anything about the complainant.",
    },
    "track.input": {"id": "Nomor tiket", "en": "Ticket number"},
    "track.input_help": {
        "id": "Huruf, angka dan tanda - . / _, paling banyak {max} karakter, misalnya LAPOR-1234567; huruf besar "
              "atau kecil sama saja. Tekan Enter atau tombol {button}.",
        "en": "Letters, digits and - . / _, at most {max} characters, for example LAPOR-1234567; capitals or not "
              "makes no difference. Press Enter or the {button} button.",
    },
    "track.search": {"id": "Cari", "en": "Search"},
    "track.invalid": {
        "id": "Itu bukan nomor tiket yang sah. Nomor tiket terdiri dari huruf, angka dan tanda - . / _ "
        "(paling banyak {max} karakter).",
        "en": "That is not a valid ticket number. Ticket numbers are letters, digits and - . / _ (at most {max} "
        "characters).",
    },
    "track.unknown": {
        "id": "Tiket `{ticket}` tidak ditemukan. Periksa kembali huruf dan angkanya; pengaduan yang baru masuk bisa "
        "muncul beberapa saat kemudian.",
        "en": "Ticket `{ticket}` was not found. Check its letters and digits; a complaint that has just come in may "
        "appear a little later.",
    },
    "track.unit": {"id": "Unit layanan", "en": "Service unit"},
    "track.category": {"id": "Kategori", "en": "Category"},
    "track.tier": {"id": "Tingkat", "en": "Tier"},
    "track.status": {"id": "Status sekarang", "en": "Status now"},
    "track.stages": {"id": "Tahapan", "en": "Stages"},
    "track.waiting": {"id": "menunggu", "en": "waiting"},
    "track.took": {"id": "{n} hari kerja", "en": "{n} working days"},
    "track.took_limit": {"id": "{n} hari kerja dari batas {limit}", "en": "{n} of {limit} working days allowed"},
    "track.overdue": {"id": "Terlambat", "en": "Late"},
    "track.state.within": {"id": "dalam batas waktu", "en": "within the limit"},
    "track.state.late": {"id": "melewati batas waktu", "en": "past the limit"},
    "track.state.waiting": {
        "id": "sedang berjalan, jatuh tempo {due}", "en": "under way, due {due}",
    },
    "track.state.waiting_late": {
        "id": "sedang berjalan, batas {due} sudah lewat", "en": "under way, the limit of {due} has passed",
    },
    "track.so_far": {
        "id": "sudah {n} hari kerja dari batas {limit}", "en": "{n} of {limit} working days allowed so far",
    },
    "track.note": {
        "id": "Hari kerja dihitung dari tanggal tahap sebelumnya (verifikasi dari tanggal diterima; tanggapan dan "
        "penyelesaian dari tanggal terverifikasi), tanpa akhir pekan, libur nasional dan cuti bersama.",
        "en": "Working days count from the previous stage's date (verification from receipt; response and "
        "resolution from verification), without weekends, national holidays and cuti bersama.",
    },
    # ---- Kepuasan (IKM) page
    "ikm.title": {"id": "Kepuasan masyarakat (IKM)", "en": "Citizen satisfaction (IKM)"},
    "ikm.intro": {
        "id": "Indeks Kepuasan Masyarakat per unit layanan dan per unsur, skala {lowest}–{highest} (PermenPANRB "
        "14/2017). Setiap angka disertai jumlah responden (n) dan selang kepercayaan 95%; unit yang sampelnya belum "
        "memadai tetap ditampilkan, tetapi tidak ikut diperingkat.",
        "en": "Community Satisfaction Index per service unit and element, {lowest}–{highest} scale (PermenPANRB "
        "14/2017). Every figure comes with its respondents (n) and 95% confidence interval; units whose sample is "
        "too small are shown but never ranked.",
    },
    "ikm.no_data": {"id": "Belum ada kuesioner untuk pilihan ini.", "en": "No questionnaires for this selection yet."},
    "ikm.ikm": {"id": "IKM", "en": "IKM"},
    "ikm.ikm_help": {
        "id": "Indeks Kepuasan Masyarakat: rata-rata nilai sembilan unsur (skala {low}–{high}) × {scale}. "
        "Pita mutu: {bands}.",
        "en": "Community Satisfaction Index: the mean of the nine elements' scores ({low}–{high} scale) × {scale}. "
        "Grade bands: {bands}.",
    },
    "ikm.respondents": {"id": "Responden (n)", "en": "Respondents (n)"},
    "ikm.ci_line": {"id": "Selang kepercayaan 95%: {ci}", "en": "95% confidence interval: {ci}"},
    "ikm.ci_none_summary": {
        "id": "Selang kepercayaan 95%: tidak ada, karena {n} responden berasal dari hasil SKM terbitan (jumlah "
              "responden dan NRR tiap unsur), yang tidak memuat skor tiap responden",
        "en": "95% confidence interval: none, because {n} respondents come from published SKM results (respondents "
              "and each element's NRR), which hold no respondent's own score",
    },
    "ikm.ci_help": {
        "id": "Selang kepercayaan 95%: rentang yang dengan keyakinan 95% memuat IKM sebenarnya, dihitung dari "
        "sebaran nilai responden (rata-rata ± t·s/√n). Makin sedikit responden, makin lebar rentangnya.",
        "en": "95% confidence interval: the range that holds the true IKM with 95% confidence, from the spread of "
        "respondents' scores (mean ± t·s/√n). The fewer respondents, the wider the range.",
    },
    "ikm.weakest_text": {
        "id": "Unsur terlemah: **{element}** ({score}, mutu {grade})",
        "en": "Weakest element: **{element}** ({score}, grade {grade})",
    },
    "ikm.card_help": {"id": "Buka rapor unit", "en": "Open the unit's report card"},
    "ikm.quarter_short": {"id": "TW{q} {year}", "en": "Q{q} {year}"},
    "ikm.col.code": {"id": "Kode unit", "en": "Unit code"},
    "ikm.col.unit": {"id": "Unit layanan", "en": "Service unit"},
    "ikm.col.ikm": {"id": "IKM", "en": "IKM"},
    "ikm.col.grade": {"id": "Mutu", "en": "Grade"},
    "ikm.col.respondents": {"id": "n", "en": "n"},
    "ikm.col.ci": {"id": "SK 95%", "en": "95% CI"},
    "ikm.col.ci_low": {"id": "SK 95% bawah", "en": "95% CI low"},
    "ikm.col.ci_high": {"id": "SK 95% atas", "en": "95% CI high"},
    "ikm.col.minimum": {"id": "Sampel minimum", "en": "Minimum sample"},
    "ikm.col.population": {"id": "Pengguna dalam periode", "en": "Users in the period"},
    "ikm.col.sample": {"id": "Kecukupan sampel", "en": "Sample adequacy"},
    "ikm.col.weakest": {"id": "Unsur terlemah", "en": "Weakest element"},
    "ikm.col.element": {"id": "Unsur", "en": "Element"},
    "ikm.col.period": {"id": "Periode", "en": "Period"},
    "ikm.col.summary_respondents": {"id": "n dari hasil terbitan", "en": "n from published results"},
    "ikm.col.period_start": {"id": "Awal periode", "en": "Period start"},
    "ikm.col.period_end": {"id": "Akhir periode", "en": "Period end"},
    "ikm.col.rank": {"id": "Peringkat", "en": "Rank"},
    "ikm.col.reason": {"id": "Alasan", "en": "Reason"},
    "ikm.col.element_score": {"id": "Nilai unsur pengaduan", "en": "Complaint-handling score"},
    "ikm.col.complaints": {"id": "Pengaduan", "en": "Complaints"},
    "ikm.col.median": {"id": "Median tanggapan (hari kerja)", "en": "Median response (working days)"},
    "ikm.col.within": {"id": "Tepat waktu (%)", "en": "On time (%)"},
    "ikm.col.speed": {"id": "Kecepatan", "en": "Speed"},
    "ikm.col.flag": {"id": "Persepsi vs kinerja", "en": "Perception vs performance"},
    "ikm.col.category": {"id": "Kategori", "en": "Category"},
    "ikm.col.count": {"id": "Responden", "en": "Respondents"},
    "ikm.col.share": {"id": "Persentase", "en": "Share (%)"},
    "ikm.sample.memadai": {"id": "memadai", "en": "adequate"},
    "ikm.sample.belum_memadai": {"id": "sampel belum memadai", "en": "sample too small"},
    "ikm.sample.populasi_tidak_diketahui": {"id": "populasi tidak diketahui", "en": "population unknown"},
    "ikm.regions.heading": {"id": "Kota dan Kabupaten", "en": "City and Regency"},
    "ikm.regions.one": {
        "id": "Hapus pilihan wilayah di sisi kiri untuk membandingkan Kota dan Kabupaten berdampingan.",
        "en": "Clear the region choice in the sidebar to compare the City and the Regency side by side.",
    },
    "ikm.regions.trend_title": {"id": "IKM per triwulan, per wilayah", "en": "IKM by quarter and region"},
    "ikm.regions.takeaway": {"id": "IKM {period}: {figures}.", "en": "IKM in {period}: {figures}."},
    "ikm.elements.heading": {"id": "Sembilan unsur pelayanan", "en": "The nine service elements"},
    "ikm.elements.title": {"id": "Nilai per unsur pelayanan", "en": "Score per service element"},
    "ikm.elements.title_of": {"id": "Nilai per unsur, {name}", "en": "Score per element, {name}"},
    "ikm.elements.takeaway": {
        "id": "Unsur terlemah {weakest} ({score}, mutu {grade}); terkuat {strongest} ({best}, mutu {best_grade}).",
        "en": "Weakest element {weakest} ({score}, grade {grade}); strongest {strongest} ({best}, grade "
        "{best_grade}).",
    },
    "ikm.elements.all_equal": {
        "id": "Kesembilan unsur bernilai sama: {score} (mutu {grade}).",
        "en": "All nine elements score the same: {score} (grade {grade}).",
    },
    "ikm.elements.per_unit": {"id": "Unsur per unit layanan", "en": "Elements per service unit"},
    "ikm.trend.heading": {"id": "Tren IKM", "en": "IKM trend"},
    "ikm.trend.granularity": {"id": "Tampilkan per", "en": "Show by"},
    "ikm.trend.month": {"id": "Bulan", "en": "Month"},
    "ikm.trend.quarter": {"id": "Triwulan", "en": "Quarter"},
    "ikm.trend.title": {"id": "IKM per {granularity}", "en": "IKM by {granularity}"},
    "ikm.trend.up": {
        "id": "IKM naik dari {first} ({first_period}) menjadi {last} ({last_period}), mutu {grade}.",
        "en": "IKM rose from {first} ({first_period}) to {last} ({last_period}), grade {grade}.",
    },
    "ikm.trend.down": {
        "id": "IKM turun dari {first} ({first_period}) menjadi {last} ({last_period}), mutu {grade}.",
        "en": "IKM fell from {first} ({first_period}) to {last} ({last_period}), grade {grade}.",
    },
    "ikm.trend.flat": {
        "id": "IKM tetap {last} dari {first_period} sampai {last_period}, mutu {grade}.",
        "en": "IKM stayed at {last} from {first_period} to {last_period}, grade {grade}.",
    },
    "ikm.trend.single": {
        "id": "Baru ada satu periode: IKM {last} ({last_period}), mutu {grade}.",
        "en": "One period so far: IKM {last} ({last_period}), grade {grade}.",
    },
    "ikm.trend.running": {
        "id": "{period} ({running}): IKM sementara {ikm} dari {n} responden, belum nilai akhir.",
        "en": "{period} ({running}): provisional IKM {ikm} from {n} respondents, not a final grade.",
    },
    "ikm.trend.running_note": {
        "id": "Garis putus-putus ke titik berongga: periode {running}, angka sementara.",
        "en": "Dashed line to a hollow point: the period {running}, a provisional figure.",
    },
    "ikm.trend.bands": {
        "id": "Latar berwarna: pita mutu {bands}. Garis tegak: selang kepercayaan 95%.",
        "en": "Shaded background: grade bands {bands}. Vertical lines: 95% confidence intervals.",
    },
    "ikm.units.heading": {"id": "IKM per unit layanan", "en": "IKM per service unit"},
    "ikm.units.caption": {
        "id": "Klik kode di kolom terakhir, Kode unit, untuk membuka rapor unit. Sampel minimum mengikuti rumus "
        "Krejcie & Morgan untuk jumlah pengguna layanan dalam periode; bila jumlah pengguna tidak dilaporkan, "
        "kecukupan sampel tidak dapat dinilai.",
        "en": "Click a code in the last column, Unit code, to open the unit's report card. The minimum sample follows "
        "the Krejcie & Morgan formula for the users served in the period; where a unit's users are not reported, "
        "its sample cannot be judged.",
    },
    "ikm.ranking.heading": {"id": "Peringkat unit layanan", "en": "Service unit ranking"},
    "ikm.ranking.caption": {
        "id": "Hanya unit dengan sampel memadai yang diperingkat ({ranked} unit). Tidak diperingkat: {inadequate} "
        "unit dengan sampel belum memadai dan {unknown} unit yang populasinya tidak diketahui.",
        "en": "Only units with an adequate sample are ranked ({ranked} units). Not ranked: {inadequate} units "
        "whose sample is too small and {unknown} units whose population is unknown.",
    },
    "ikm.ranking.chart_ends": {"id": "{n} unit teratas dan {n} terbawah", "en": "Top {n} and bottom {n} units"},
    "ikm.ranking.takeaway": {
        "id": "Dari {n} unit yang diperingkat, tertinggi {best} ({best_ikm}, mutu {best_grade}) dan terendah "
        "{worst} ({worst_ikm}, mutu {worst_grade}).",
        "en": "Of {n} ranked units, the highest is {best} ({best_ikm}, grade {best_grade}) and the lowest "
        "{worst} ({worst_ikm}, grade {worst_grade}).",
    },
    "ikm.ranking.takeaway_one": {
        "id": "Baru satu unit yang diperingkat: {best} ({best_ikm}, mutu {best_grade}).",
        "en": "Only one unit is ranked so far: {best} ({best_ikm}, grade {best_grade}).",
    },
    "ikm.ranking.none": {
        "id": "Belum ada unit dengan sampel memadai, jadi belum ada peringkat.",
        "en": "No unit has an adequate sample yet, so there is no ranking.",
    },
    "ikm.ranking.left_out": {"id": "{n} unit tidak diperingkat, dan alasannya", "en": "{n} units not ranked, and why"},
    "ikm.perception.heading": {"id": "Persepsi dan kinerja pengaduan", "en": "Perception and complaint handling"},
    "ikm.perception.intro": {
        "id": "Nilai unsur *Penanganan Pengaduan* dari responden dibandingkan dengan waktu tanggapan pertama yang "
        "terukur (batas {limit} hari kerja). Ditandai bila tidak sejalan, untuk unit dengan minimal {min} "
        "pengaduan: *puas tetapi lambat* (mutu {satisfied}, tepat waktu di bawah {slow}% atau median lebih dari "
        "{limit} hari kerja) dan *cepat tetapi tidak puas* (mutu {unsatisfied}, tepat waktu minimal {fast}%).",
        "en": "Respondents' score for *Complaint handling* against the measured time to a first response (limit "
        "{limit} working days). Flagged where they disagree, for units with at least {min} complaints: "
        "*satisfied but slow* (grade {satisfied}, under {slow}% on time or a median over {limit} working days) and "
        "*fast but unsatisfied* (grade {unsatisfied}, at least {fast}% on time).",
    },
    "ikm.perception.x_title": {
        "id": "Tanggapan pertama ≤ {limit} hari kerja (%)", "en": "First responses ≤ {limit} working days (%)",
    },
    "ikm.perception.y_title": {"id": "Nilai unsur pengaduan", "en": "Complaint-handling score"},
    "ikm.perception.takeaway": {
        "id": "{slow} unit puas tetapi lambat dan {unhappy} unit cepat tetapi tidak puas, dari {n} unit dengan "
        "minimal {min} pengaduan.",
        "en": "{slow} units satisfied but slow and {unhappy} fast but unsatisfied, of {n} units with at least {min} "
        "complaints.",
    },
    "ikm.perception.none": {
        "id": "Belum ada unit dengan minimal {min} pengaduan untuk dibandingkan.",
        "en": "No unit has at least {min} complaints to compare yet.",
    },
    "ikm.flag.puas_tapi_lambat": {"id": "puas tetapi lambat", "en": "satisfied but slow"},
    "ikm.flag.cepat_tapi_tidak_puas": {"id": "cepat tetapi tidak puas", "en": "fast but unsatisfied"},
    "ikm.flag.sejalan": {"id": "sejalan", "en": "consistent"},
    "ikm.flag.too_few": {"id": "kurang dari {min} pengaduan", "en": "fewer than {min} complaints"},
    "ikm.speed.cepat": {"id": "cepat", "en": "fast"},
    "ikm.speed.lambat": {"id": "lambat", "en": "slow"},
    "ikm.speed.sedang": {"id": "sedang", "en": "middling"},
    "ikm.profile.heading": {"id": "Profil responden", "en": "Respondent profile"},
    "ikm.profile.withheld": {
        "id": "Profil responden tidak ditampilkan: pilihan ini berisi kurang dari {n} responden, sehingga jenis "
              "kelamin, usia, pendidikan dan pekerjaan mereka bisa menunjuk orangnya.",
        "en": "Respondent profile not shown: this selection holds fewer than {n} respondents, so their sex, age, "
              "education and occupation could point to the person.",
    },
    "ikm.profile.title": {"id": "Responden menurut {dimension}", "en": "Respondents by {dimension}"},
    "ikm.profile.takeaway": {
        "id": "Menurut {dimension}, terbanyak {value} ({share} dari {n} responden).",
        "en": "By {dimension}, most are {value} ({share} of {n} respondents).",
    },
    "ikm.profile.blank": {"id": "Tidak diisi", "en": "Not answered"},
    "ikm.profile.dim.sex": {"id": "Jenis kelamin", "en": "Sex"},
    "ikm.profile.dim.age_group": {"id": "Umur", "en": "Age"},
    "ikm.profile.dim.education": {"id": "Pendidikan", "en": "Education"},
    "ikm.profile.dim.occupation": {"id": "Pekerjaan", "en": "Occupation"},
    "ikm.profile.dim.channel": {"id": "Cara mengisi", "en": "Survey channel"},
    # ---- Unit report card
    "unit.missing": {
        "id": "Halaman ini menampilkan rapor satu unit layanan. Pilih unit dari tabel di halaman Kepuasan.",
        "en": "This page shows one service unit's report card. Pick a unit from a table on the Satisfaction page.",
    },
    "unit.invalid": {
        "id": "Alamat ini tidak memuat kode unit yang sah. Kode unit terdiri dari huruf besar, angka dan tanda "
        "hubung, misalnya 3575-MPP.",
        "en": "This address does not hold a valid unit code. Unit codes are capital letters, digits and dashes, "
        "for example 3575-MPP.",
    },
    "unit.unknown": {
        "id": "Unit dengan kode `{code}` tidak ditemukan. Mungkin kodenya salah ketik atau unit sudah tidak ada.",
        "en": "No unit has the code `{code}`. The code may be mistyped, or the unit no longer exists.",
    },
    "unit.back": {"id": "Kembali ke halaman Kepuasan", "en": "Back to the Satisfaction page"},
    "unit.kecamatan_of": {"id": "Kecamatan {name}", "en": "{name} district"},
    "unit.no_data": {"id": "Belum ada kuesioner untuk unit ini.", "en": "No questionnaires for this unit yet."},
    "unit.ikm_now": {"id": "IKM {quarter}", "en": "IKM {quarter}"},
    "unit.graded_none": {
        "id": "Tidak ada kuesioner untuk unit ini pada {quarter}, triwulan yang dinilai, sehingga unit ini belum "
              "mendapat mutu untuk triwulan itu.",
        "en": "This unit has no questionnaires in {quarter}, the quarter graded, so it has no grade for that "
              "quarter.",
    },
    "unit.running": {
        "id": "{quarter} ({running}): IKM sementara {ikm} dari {n} responden, belum nilai akhir; mutu dinilai "
              "setelah triwulan selesai.",
        "en": "{quarter} ({running}): provisional IKM {ikm} from {n} respondents, not a final grade; the quarter "
              "is graded once it has ended.",
    },
    "unit.sample.memadai": {
        "id": "**Sampel memadai:** {n} responden; minimum {minimum} untuk sekitar {population} pengguna layanan "
        "pada {quarter}.",
        "en": "**Adequate sample:** {n} respondents; {minimum} needed for about {population} service users in "
        "{quarter}.",
    },
    "unit.sample.belum_memadai": {
        "id": "**Sampel belum memadai:** {n} responden, padahal minimum {minimum} untuk sekitar {population} "
        "pengguna layanan pada {quarter}. Unit ini belum ikut diperingkat.",
        "en": "**Sample too small:** {n} respondents, while {minimum} are needed for about {population} service "
        "users in {quarter}. This unit is not ranked yet.",
    },
    "unit.sample.populasi_tidak_diketahui": {
        "id": "**Populasi tidak diketahui:** jumlah pengguna layanan unit ini belum dilaporkan, sehingga kecukupan "
        "{n} responden pada {quarter} tidak dapat dinilai dan unit ini tidak diperingkat.",
        "en": "**Population unknown:** this unit's number of service users has not been reported, so whether "
        "{n} respondents in {quarter} are enough cannot be judged, and the unit is not ranked.",
    },
    "unit.elements.heading": {"id": "Unsur pelayanan dan pita mutu", "en": "Service elements against the grade bands"},
    "unit.trend.heading": {"id": "Tren IKM unit", "en": "The unit's IKM trend"},
    "unit.summaries.heading": {"id": "Periode dari hasil SKM terbitan", "en": "Periods from published SKM results"},
    "unit.summaries.caption": {
        "id": "Periode ini dimuat dari hasil yang diterbitkan unit (jumlah responden dan NRR tiap unsur), bukan dari "
              "kuesioner. Dalam setiap angka IKM, jumlah jawaban suatu unsur dihitung sebagai NRR × responden dan "
              "seluruh ringkasan masuk ke bulan akhir periodenya; angka yang memuat ringkasan tidak punya selang "
              "kepercayaan.",
        "en": "These periods are loaded from the results the unit published (respondents and each element's NRR), "
              "not from questionnaires. In every IKM figure an element's sum of answers counts as NRR × respondents "
              "and the whole summary falls in the month its period ends; figures that include a summary have no "
              "confidence interval.",
    },
    "unit.perception.heading": {"id": "Penanganan pengaduan", "en": "Complaint handling"},
    "unit.complaints.title": {
        "id": "Pengaduan {months} bulan terakhir", "en": "Complaints in the last {months} months",
    },
    "unit.complaints.window": {"id": "Diterima {first} – {last}", "en": "Received {first} – {last}"},
    "unit.complaints.none": {
        "id": "Tidak ada pengaduan yang diterima unit ini dalam {months} bulan terakhir ({first} – {last}).",
        "en": "This unit received no complaints in the last {months} months ({first} – {last}).",
    },
    "unit.complaints.received": {"id": "Diterima: **{n}**", "en": "Received: **{n}**"},
    "unit.complaints.first_response": {
        "id": "Median tanggapan pertama: **{median}**", "en": "Median first response: **{median}**",
    },
    "unit.complaints.within": {
        "id": "Ditanggapi dalam batas {limit} hari kerja: **{pct}**",
        "en": "Answered within the {limit}-working-day limit: **{pct}**",
    },
    "unit.complaints.open": {"id": "Masih terbuka: **{n}**", "en": "Still open: **{n}**"},
    "unit.complaints.overdue": {
        "id": "{n} di antaranya sudah lewat batas waktu", "en": "{n} of them past the time limit",
    },
    "unit.perception.no_complaints": {
        "id": "Responden menilai penanganan pengaduan {score}. Pada {quarter} tidak ada pengaduan untuk dibandingkan "
              "dengan penilaian itu.",
        "en": "Respondents rate complaint handling {score}. No complaints were received in {quarter} to compare "
              "that rating with.",
    },
    "unit.perception.text": {
        "id": "Responden menilai penanganan pengaduan {score}. Dari {complaints} pengaduan yang diterima pada "
        "{quarter}, median tanggapan pertama {median}, dan {within} tepat waktu (batas {limit} hari kerja).",
        "en": "Respondents rate complaint handling {score}. Of {complaints} complaints received in {quarter}, the "
        "median first response took {median}, and {within} were on time (limit {limit} working days).",
    },
    "unit.perception.puas_tapi_lambat": {
        "id": "**Puas tetapi lambat:** responden puas dengan penanganan pengaduan, tetapi tanggapan pertama sering "
        "melewati batas waktu.",
        "en": "**Satisfied but slow:** respondents are satisfied with complaint handling, yet first responses "
        "often miss the time limit.",
    },
    "unit.perception.cepat_tapi_tidak_puas": {
        "id": "**Cepat tetapi tidak puas:** pengaduan ditanggapi tepat waktu, tetapi responden belum puas dengan "
        "penanganannya.",
        "en": "**Fast but unsatisfied:** complaints are answered on time, yet respondents are not satisfied with "
        "how they are handled.",
    },
    "unit.perception.too_few": {
        "id": "Kurang dari {min} pengaduan: terlalu sedikit untuk menilai apakah persepsi dan kinerja sejalan.",
        "en": "Fewer than {min} complaints: too few to judge whether perception and performance agree.",
    },
    "unit.location": {"id": "Lokasi", "en": "Location"},
    "unit.osm": {"id": "Lihat di OpenStreetMap", "en": "View on OpenStreetMap"},
    "survey.title": {"id": "Survei Kepuasan Masyarakat", "en": "Public Satisfaction Survey"},
    "survey.intro": {
        "id": "Sembilan pertanyaan singkat tentang layanan yang baru Anda terima. Tanpa nama, kurang dari 2 menit.",
        "en": "Nine short questions about the service you have just received. No name asked, under 2 minutes.",
    },
    "survey.unit_line": {"id": "Unit layanan: **{name}** · {region}", "en": "Service unit: **{name}** · {region}"},
    "survey.unit.missing": {
        "id": "Formulir ini biasanya dibuka dari kode QR di unit layanan. Pilih unit yang Anda kunjungi.",
        "en": "This form is usually opened from the QR code at a service unit. Choose the unit you visited.",
    },
    "survey.unit.invalid": {
        "id": "Alamat ini tidak memuat kode unit yang sah. Pilih unit yang Anda kunjungi.",
        "en": "This address does not hold a valid unit code. Choose the unit you visited.",
    },
    "survey.unit.unknown": {
        "id": "Unit dengan kode `{code}` tidak ditemukan atau tidak aktif lagi. Pilih unit yang Anda kunjungi.",
        "en": "No active unit has the code `{code}`. Choose the unit you visited.",
    },
    "survey.unit.choose": {"id": "Unit layanan yang Anda kunjungi", "en": "The service unit you visited"},
    "survey.unit.placeholder": {"id": "Ketik nama unit…", "en": "Type the unit's name…"},
    "survey.questions": {"id": "Penilaian layanan", "en": "Your rating of the service"},
    "survey.questions_note": {
        "id": "Pilih satu jawaban untuk setiap pertanyaan (wajib).",
        "en": "Choose one answer to each question (required). Answers are the regulation's official Indonesian "
              "wording, with a translation.",
    },
    "survey.question_label": {"id": "{n}. {question}", "en": "{n}. {question}"},
    "survey.question_ref": {"id": "{name} (pertanyaan {n})", "en": "{name} (question {n})"},
    "survey.profile": {"id": "Tentang Anda", "en": "About you"},
    "survey.profile_note": {
        "id": "Boleh dikosongkan. Hanya dipakai untuk statistik, tanpa nama.",
        "en": "Optional. Used only for statistics, without names.",
    },
    "survey.sex": {"id": "Jenis kelamin", "en": "Sex"},
    "survey.age": {"id": "Usia (tahun)", "en": "Age (years)"},
    "survey.education": {"id": "Pendidikan terakhir", "en": "Highest education"},
    "survey.occupation": {"id": "Pekerjaan", "en": "Occupation"},
    "survey.service": {"id": "Layanan yang Anda terima", "en": "The service you received"},
    "survey.service_placeholder": {"id": "misalnya: KTP-el, rawat jalan", "en": "e.g. ID card, outpatient care"},
    "survey.suggestion": {"id": "Saran dan masukan", "en": "Suggestions"},
    "survey.suggestion_placeholder": {
        "id": "Tanpa nama, NIK, nomor telepon atau alamat",
        "en": "No names, ID numbers, phone numbers or addresses",
    },
    "survey.suggestion_help": {
        "id": "Boleh dikosongkan. Jangan menulis nama, NIK, nomor telepon atau alamat. Saran dibaca pengelola "
              "unit dan tidak ditampilkan di halaman publik.",
        "en": "Optional. Do not write names, ID numbers, phone numbers or addresses. Suggestions are read by the "
              "unit's managers and never shown on public pages.",
    },
    "survey.submit": {"id": "Kirim jawaban", "en": "Send answers"},
    "survey.thanks": {
        "id": "**Terima kasih!** Jawaban Anda untuk {name} sudah tercatat.",
        "en": "**Thank you!** Your answers for {name} have been recorded.",
    },
    "survey.next": {
        "id": "Jawaban Anda ikut dihitung dalam IKM unit ini dan tampil di dasbor dalam beberapa detik. Saran "
              "Anda, jika ada, diteruskan kepada pengelola unit dan tidak ditampilkan di halaman publik. Hasil "
              "survei dipakai unit untuk memperbaiki layanannya.",
        "en": "Your answers count towards this unit's IKM and appear on the dashboard within seconds. Your "
              "suggestion, if any, goes to the unit's managers and is never shown on public pages. Units use the "
              "results to improve their service.",
    },
    "survey.see_unit": {"id": "Lihat rapor unit ini", "en": "See this unit's report card"},
    "survey.see_home": {"id": "Lihat dasbor", "en": "See the dashboard"},
    "survey.problems": {
        "id": "Jawaban belum terkirim. Mohon periksa:",
        "en": "Your answers were not sent. Please check:",
    },
    "survey.problems_kept": {
        "id": "Jawaban yang sudah Anda isi tetap tersimpan di formulir.",
        "en": "The answers you gave are still in the form.",
    },
    "survey.problem.answer_missing": {"id": "{field}: belum dijawab.", "en": "{field}: not answered yet."},
    "survey.problem.answer_range": {
        "id": "{field}: pilih salah satu dari empat jawaban.",
        "en": "{field}: choose one of the four answers.",
    },
    "survey.problem.unknown_field": {"id": "{field}: isian tidak dikenal.", "en": "{field}: unknown field."},
    "survey.problem.unknown_unit": {
        "id": "Unit layanan tidak dikenal atau tidak aktif lagi.",
        "en": "The service unit is unknown or no longer active.",
    },
    "survey.problem.summarised_period": {
        "id": "Hasil survei unit ini untuk periode hari ini sudah diterbitkan sebagai ringkasan; jawaban baru tidak "
              "dapat dihitung lagi untuk periode itu.",
        "en": "This unit's survey results for today's period are already published as a summary; a new answer "
              "cannot be counted again for that period.",
    },
    "survey.problem.not_allowed": {"id": "{field}: pilihan tidak dikenal.", "en": "{field}: unknown choice."},
    "survey.problem.age_range": {
        "id": "{field}: isi antara {min} dan {max} tahun, atau kosongkan.",
        "en": "{field}: between {min} and {max} years, or leave it empty.",
    },
    "survey.problem.too_long": {
        "id": "{field}: terlalu panjang (paling banyak {max} karakter).",
        "en": "{field}: too long (at most {max} characters).",
    },
    "survey.problem.control_characters": {
        "id": "{field}: berisi karakter kontrol yang tidak terlihat (misalnya NUL) dan tidak dapat disimpan; hapus "
              "karakter itu atau ketik ulang teksnya. Baris baru dan tab boleh ada di saran.",
        "en": "{field}: contains an invisible control character (such as NUL) that cannot be stored; delete it or "
              "retype the text. Line breaks and tabs are fine in a suggestion.",
    },
    "survey.problem.channel": {"id": "Saluran survei", "en": "Survey channel"},
    "survey.throttle.same_unit": {
        "id": "Terima kasih, perangkat ini baru saja mengisi survei untuk unit ini. Satu perangkat dapat menilai "
              "unit yang sama sekali setiap {cooldown} menit; silakan coba lagi dalam {wait} menit.",
        "en": "Thank you, this device has just answered the survey for this unit. One device can rate the same "
              "unit once every {cooldown} minutes; please try again in {wait} minutes.",
    },
    "survey.throttle.burst": {
        "id": "Terlalu banyak kuesioner dari perangkat ini dalam waktu singkat. Agar hasil survei tetap jujur, "
              "silakan tunggu {wait} menit sebelum mengisi lagi.",
        "en": "Too many questionnaires from this device in a short time. To keep the results honest, please wait "
              "{wait} minutes before answering again.",
    },
    "survey.throttle.not_stored": {
        "id": "Jawaban di formulir ini tidak disimpan.",
        "en": "The answers in this form were not stored.",
    },
    # ---- Pimpinan page and weekly brief (lead.)
    "lead.title": {"id": "Pimpinan", "en": "Leadership"},
    "lead.intro": {
        "id": "Untuk Bupati dan Wali Kota: yang berubah lebih dulu (unit yang berpindah mutu, pengaduan yang "
              "melewati batas waktu), lalu posisi terhadap target, peringkat, dan kepatuhan Ombudsman.",
        "en": "For the Regent and the Mayor: what changed first (units that changed grade, complaints that passed "
              "their time limit), then where each region stands against its targets, rankings, and the Ombudsman.",
    },
    "lead.comparison": {"id": "Bandingkan dengan", "en": "Compare with"},
    "lead.comparison.minggu": {"id": "Minggu lalu", "en": "Last week"},
    "lead.comparison.bulan": {"id": "Bulan lalu", "en": "Last month"},
    "lead.exceptions.heading": {"id": "Pengecualian", "en": "Exceptions"},
    "lead.exceptions.takeaway": {
        "id": "Sejak {date}: {down} unit turun mutu, {up} unit naik mutu, {newly} pengaduan baru melewati batas "
              "waktu di {units} unit.",
        "en": "Since {date}: {down} units dropped a grade, {up} rose, {newly} complaints newly passed their time "
              "limit at {units} units.",
    },
    "lead.crossings.heading": {"id": "Unit yang berpindah mutu", "en": "Units that changed grade"},
    "lead.crossings.caption": {
        "id": "IKM {days} hari terakhir ({now}, berjalan) dibandingkan {days} hari yang berakhir {before_end} "
              "({before}): tanda dini, bukan mutu resmi (itu per triwulan lengkap, di Peringkat). Hanya unit dengan "
              "sampel memadai di kedua periode; yang turun lebih dulu.",
        "en": "IKM of the last {days} days ({now}, running) against the {days} days ending {before_end} ({before}): "
              "an early sign, not the official grade (that is per complete quarter, under Rankings). Only units with "
              "an adequate sample in both periods; drops first.",
    },
    "lead.crossings.none": {
        "id": "Tidak ada unit yang berpindah mutu sejak {date}.", "en": "No unit changed grade since {date}.",
    },
    "lead.direction.down": {"id": "turun", "en": "down"},
    "lead.direction.up": {"id": "naik", "en": "up"},
    "lead.col.grade_before": {"id": "Mutu sebelum", "en": "Grade before"},
    "lead.col.ikm_before": {"id": "IKM sebelum", "en": "IKM before"},
    "lead.col.n_before": {"id": "n sebelum", "en": "n before"},
    "lead.col.grade_now": {"id": "Mutu kini", "en": "Grade now"},
    "lead.col.ikm_now": {"id": "IKM kini", "en": "IKM now"},
    "lead.col.n_now": {"id": "n kini", "en": "n now"},
    "lead.col.change": {"id": "Perubahan", "en": "Change"},
    "lead.col.direction": {"id": "Arah", "en": "Direction"},
    "lead.col.newly": {"id": "Baru lewat batas", "en": "Newly past the limit"},
    "lead.col.overdue_total": {"id": "Lewat batas (semua)", "en": "Past the limit (all)"},
    "lead.overdue.heading": {
        "id": "Pengaduan yang baru melewati batas waktu", "en": "Complaints that newly passed their time limit",
    },
    "lead.overdue.caption": {
        "id": "Pengaduan terbuka yang melewati batas tahapnya sejak {date} sampai hari ini (berjalan), per unit, "
              "beserta semua pengaduan unit itu yang sudah lewat batas.",
        "en": "Open complaints that passed their current stage's limit from {date} to today (running), per unit, "
              "with all of that unit's complaints past their limit.",
    },
    "lead.overdue.none": {
        "id": "Tidak ada pengaduan yang baru melewati batas waktu sejak {date}.",
        "en": "No complaint newly passed its time limit since {date}.",
    },
    "lead.targets.heading": {"id": "Target", "en": "Targets"},
    "lead.targets.caption": {
        "id": "IKM dan tanggapan pertama: {quarter} (triwulan lengkap terakhir); pengaduan lewat batas: hari ini "
              "({today}, berjalan). Target ditetapkan pemerintah daerah.",
        "en": "IKM and first response: {quarter} (the last complete quarter); complaints past the limit: today "
              "({today}, running). The targets are set by the local government.",
    },
    "lead.targets.title": {"id": "Posisi terhadap target", "en": "Standing against the targets"},
    "lead.target.ikm": {"id": "IKM", "en": "IKM"},
    "lead.target.ikm_goal": {"id": "mutu {grade} (≥ {value})", "en": "grade {grade} (≥ {value})"},
    "lead.target.ikm_value": {"id": "{ikm} (mutu {grade}, n = {n})", "en": "{ikm} (grade {grade}, n = {n})"},
    "lead.target.first": {"id": "Median tanggapan pertama", "en": "Median first response"},
    "lead.target.first_goal": {"id": "≤ {n} hari kerja", "en": "≤ {n} working days"},
    "lead.target.first_share": {
        "id": "{pct} dijawab dalam {n} hari kerja ({complaints} pengaduan)",
        "en": "{pct} answered within {n} working days ({complaints} complaints)",
    },
    "lead.target.overdue": {"id": "Pengaduan lewat batas waktu", "en": "Complaints past the time limit"},
    "lead.target.overdue_goal": {"id": "≤ {n}", "en": "≤ {n}"},
    "lead.gap.met": {"id": "tercapai", "en": "met"},
    "lead.gap.ikm": {"id": "kurang {gap} poin", "en": "{gap} points short"},
    "lead.gap.days": {"id": "lebih {gap} hari kerja", "en": "{gap} working days over"},
    "lead.gap.overdue": {"id": "lebih {gap} pengaduan", "en": "{gap} complaints over"},
    "lead.gap.not_reached": {
        "id": "belum tercapai: sebagian besar masih menunggu", "en": "not met: most are still waiting",
    },
    "lead.gap.no_data": {"id": "tidak ada data", "en": "no data"},
    "lead.col.measure": {"id": "Ukuran", "en": "Measure"},
    "lead.col.value": {"id": "Nilai", "en": "Value"},
    "lead.col.target": {"id": "Target", "en": "Target"},
    "lead.col.gap": {"id": "Jarak ke target", "en": "Distance to target"},
    "lead.rankings.heading": {"id": "Peringkat", "en": "Rankings"},
    "lead.rankings.caption": {
        "id": "{quarter} ({period}), triwulan lengkap terakhir. Triwulan berjalan belum dinilai: baru memuat "
              "sebagian respondennya.",
        "en": "{quarter} ({period}), the last complete quarter. The running quarter is not graded yet: it holds "
              "only part of its respondents.",
    },
    "lead.rankings.official": {"id": "Peringkat resmi", "en": "Official rankings"},
    "lead.rankings.official_caption": {
        "id": "Hanya unit dengan sampel memadai (IKM) atau cukup pengaduan; unit lain ada di daftar di atas, "
              "bertanda sementara.",
        "en": "Only units with an adequate sample (IKM) or enough complaints; the others are in the list above, "
              "marked provisional.",
    },
    "lead.rankings.ikm": {"id": "Kepuasan (IKM)", "en": "Satisfaction (IKM)"},
    "lead.rankings.complaints": {"id": "Penanganan pengaduan", "en": "Complaint handling"},
    "lead.slipping.heading": {"id": "Unit yang menurun", "en": "Units slipping"},
    "lead.slipping.takeaway": {
        "id": "**{slipping} dari {judged} unit** yang dapat dinilai menurun pada {quarter}: {below} di bawah target, "
              "{dropped} turun dari {previous}. {provisional} di antaranya sementara (di luar peringkat resmi).",
        "en": "**{slipping} of {judged} units** that can be judged slipped in {quarter}: {below} below the target, "
              "{dropped} down from {previous}. {provisional} of them are provisional (outside the official ranking).",
    },
    "lead.slipping.none": {
        "id": "Tidak ada unit yang menurun pada {quarter}: tidak ada selang kepercayaan yang seluruhnya di bawah "
              "target atau di bawah selang {previous}.",
        "en": "No unit slipped in {quarter}: no confidence interval lies wholly below the target or below its "
              "interval of {previous}.",
    },
    "lead.slipping.method.title": {"id": "Cara membaca: menurun dan sementara",
                                   "en": "How to read it: slipping and provisional"},
    "lead.slipping.method.body": {
        "id": "Setiap unit dinilai dengan selang kepercayaan 95 % dari IKM-nya pada {quarter}: rentang tempat IKM "
              "sebenarnya berada, mengingat jumlah respondennya (makin sedikit responden, makin lebar). Unit "
              "**menurun** bila batas atas selangnya\n\n"
              "- di bawah target IKM {target} (mutu {grade}): nilai terbaik yang masih mungkin pun belum mencapai "
              "target; atau\n"
              "- di bawah batas bawah selangnya pada {previous}: kedua selang tidak bertumpang tindih, jadi "
              "penurunannya nyata, bukan kebetulan sampel.\n\n"
              "Uji kedua sengaja ketat: penurunan kecil bisa belum tampak, tetapi unit yang ditandai memang turun. "
              "Karena banyak unit diuji, satu dua unit bisa ditandai karena kebetulan. Unit dengan sampel di bawah "
              "minimum tetap dinilai dan ditampilkan, bertanda **sementara**, tetapi tidak masuk peringkat resmi. "
              "Unit dengan kurang dari {min_n} responden belum dapat dinilai: jawaban segelintir orang yang kebetulan "
              "seragam membuat selangnya terlalu sempit. Ringkasan terbitan tidak punya selang.",
        "en": "Each unit is judged by the 95% confidence interval of its IKM in {quarter}: the range its true IKM "
              "lies in, given how many respondents it had (the fewer, the wider). A unit is **slipping** when the "
              "upper end of its interval lies\n\n"
              "- below the IKM target {target} (grade {grade}): even the best it could really be falls short; or\n"
              "- below the lower end of its interval in {previous}: the two intervals do not overlap, so the drop is "
              "real, not sampling chance.\n\n"
              "The second test is strict on purpose: a small drop may not show yet, but a unit flagged has dropped. "
              "As many units are tested, one or two may be flagged by chance. Units whose sample is below the "
              "minimum are judged and shown, marked **provisional**, but are not in the official ranking. Units "
              "with fewer than {min_n} respondents cannot be judged yet: a handful of people who happen to answer "
              "alike make the interval far too narrow. Published summaries have no interval.",
    },
    "lead.slipping.all": {"id": "Semua {n} unit menurut selang kepercayaan", "en": "All {n} units by confidence "
                                                                                     "interval"},
    "lead.slipping.title": {"id": "Unit yang menurun, {quarter}", "en": "Units slipping, {quarter}"},
    "lead.slipping.all_title": {"id": "Unit menurut selang kepercayaan IKM, {quarter}",
                                "en": "Units by the confidence interval of their IKM, {quarter}"},
    "lead.slipping.ci": {"id": "IKM {ikm} (SK 95%: {low}–{high})", "en": "IKM {ikm} (95% CI: {low}–{high})"},
    "lead.slipping.more": {"id": "… dan {n} unit lain, semuanya di tabel.", "en": "… and {n} more units, all in "
                                                                                 "the table."},
    "lead.slipping.below_target": {"id": "di bawah target", "en": "below the target"},
    "lead.slipping.dropped": {"id": "turun dari {previous}", "en": "down from {previous}"},
    "lead.slipping.steady": {"id": "tidak menurun", "en": "not slipping"},
    "lead.slipping.unjudged": {"id": "belum dapat dinilai", "en": "cannot be judged yet"},
    "lead.slipping.official": {"id": "resmi", "en": "official"},
    "lead.slipping.provisional": {"id": "sementara ({reason})", "en": "provisional ({reason})"},
    "lead.col.status": {"id": "Keadaan", "en": "Status"},
    "lead.col.sample_status": {"id": "Penilaian", "en": "Standing"},
    "lead.col.ikm_previous": {"id": "IKM triwulan sebelumnya", "en": "IKM, quarter before"},
    "lead.col.ci_low_previous": {"id": "SK 95% bawah triwulan sebelumnya", "en": "95% CI low, quarter before"},
    "lead.brief.slipping_line": {"id": "{unit} ({region}): IKM {ikm}, SK 95% {low}-{high}; {status}",
                                 "en": "{unit} ({region}): IKM {ikm}, 95% CI {low}-{high}; {status}"},
    "lead.ombudsman.heading": {"id": "Kepatuhan Ombudsman RI", "en": "Ombudsman RI compliance"},
    "lead.ombudsman.caption": {
        "id": "Setiap tahun dinilai dengan kategori tahunnya: sampai {zones_until} {until_2021}; "
              "{letters_from}–{letters_until} {from_2022}; mulai {opinion} Opini Ombudsman RI. Kota lain sebagai "
              "pembanding.",
        "en": "Each year is judged with its own band set: until {zones_until} {until_2021}; "
              "{letters_from}–{letters_until} {from_2022}; from {opinion} an Ombudsman RI opinion. Other cities for "
              "comparison.",
    },
    "lead.ombudsman.title": {"id": "Nilai kepatuhan Ombudsman per tahun", "en": "Ombudsman compliance score by year"},
    "lead.ombudsman.takeaway": {"id": "Nilai terbaru: {figures}.", "en": "Latest scores: {figures}."},
    "lead.ombudsman.col.entity": {"id": "Pemerintah daerah", "en": "Local government"},
    "lead.ombudsman.col.role": {"id": "Peran", "en": "Role"},
    "lead.ombudsman.col.year": {"id": "Tahun", "en": "Year"},
    "lead.ombudsman.col.score": {"id": "Nilai", "en": "Score"},
    "lead.ombudsman.col.band": {"id": "Kategori tahun itu", "en": "Band of that year"},
    "lead.ombudsman.col.note": {"id": "Catatan", "en": "Note"},
    "lead.ombudsman.col.source": {"id": "Sumber", "en": "Source"},
    "lead.ombudsman.ours": {"id": "Pasuruan", "en": "Pasuruan"},
    "lead.ombudsman.peer": {"id": "pembanding", "en": "peer"},
    "lead.brief.heading": {"id": "Ringkasan mingguan", "en": "Weekly brief"},
    "lead.brief.caption": {
        "id": "Satu halaman PDF untuk dibagikan: kedua wilayah, pengecualian, target dan Ombudsman. Minggu Senin–"
              "Minggu WIB; yang baku adalah minggu lengkap terakhir.",
        "en": "A one-page PDF to share: both regions, exceptions, targets and the Ombudsman. Weeks run Monday to "
              "Sunday WIB; the default is the last complete week.",
    },
    "lead.brief.week": {"id": "Minggu", "en": "Week"},
    "lead.brief.download": {"id": "Unduh ringkasan (PDF)", "en": "Download the brief (PDF)"},
    "lead.brief.title": {"id": "Ringkasan mingguan pelayanan publik", "en": "Weekly public-service brief"},
    "lead.brief.period": {"id": "Minggu {range} ({code})", "en": "Week {range} ({code})"},
    "lead.brief.demo": {
        "id": "DATA SIMULASI: angka dibuat untuk demonstrasi, bukan data resmi.",
        "en": "SIMULATED DATA: the figures are generated for demonstration, not official data.",
    },
    "lead.brief.row.ikm": {"id": "IKM {quarter}", "en": "IKM {quarter}"},
    "lead.brief.row.ikm_target": {"id": "Target IKM: {goal}", "en": "IKM target: {goal}"},
    "lead.brief.row.questionnaires": {"id": "Kuesioner minggu ini", "en": "Questionnaires this week"},
    "lead.brief.row.received": {"id": "Pengaduan diterima minggu ini", "en": "Complaints received this week"},
    "lead.brief.row.resolved": {"id": "Pengaduan selesai minggu ini", "en": "Complaints resolved this week"},
    "lead.brief.row.open": {"id": "Pengaduan terbuka (saat data)", "en": "Open complaints (at data time)"},
    "lead.brief.row.overdue": {"id": "Lewat batas waktu (saat data)", "en": "Past the time limit (at data time)"},
    "lead.brief.row.first": {
        "id": "Median tanggapan pertama, {quarter} (target {goal})",
        "en": "Median first response, {quarter} (target {goal})",
    },
    "lead.brief.row.ombudsman": {"id": "Kepatuhan Ombudsman", "en": "Ombudsman compliance"},
    "lead.brief.ombudsman_value": {"id": "{score} ({year}, {band})", "en": "{score} ({year}, {band})"},
    "lead.brief.exceptions": {"id": "Pengecualian saat ini (perubahan sejak {date})",
                              "en": "Exceptions now (changes since {date})"},
    "lead.brief.crossing_line": {"id": "{unit}: mutu {before} ke {now} ({change})",
                                 "en": "{unit}: grade {before} to {now} ({change})"},
    "lead.brief.overdue_line": {"id": "{unit}: {newly} baru lewat batas, {total} lewat batas seluruhnya",
                                "en": "{unit}: {newly} newly past the limit, {total} past it in all"},
    "lead.brief.due_heading": {"id": "Jatuh tempo {today} s.d. {until}: {n} pengaduan",
                               "en": "Falling due {today} to {until}: {n} complaints"},
    "lead.brief.due_line": {"id": "{unit}: {due} jatuh tempo, paling awal {first}",
                            "en": "{unit}: {due} falling due, the earliest {first}"},
    "lead.brief.none": {"id": "tidak ada", "en": "none"},
    "lead.brief.more": {"id": "... dan {n} unit lain (lihat dasbor)",
                        "en": "... and {n} more units (see the dashboard)"},
    "lead.brief.licence": {
        "id": "Lisensi CC BY 4.0. Kutip: Dasbor Pelayanan Publik Pasuruan, {link}",
        "en": "Licence CC BY 4.0. Cite: Dasbor Pelayanan Publik Pasuruan, {link}",
    },
    # ---- Data & Metodologi page (app_pages/data.py, components/datasets.py, components/methodology.py)
    "data.title": {"id": "Data & Metodologi", "en": "Data & Methodology"},
    "data.intro": {
        "id": "Unduh setiap tabel yang tampil di dasbor, baca arti setiap kolom, dan cara setiap angka dihitung.",
        "en": "Download every table shown on the dashboard, read what each column means and how each figure is "
              "computed.",
    },
    "data.freshness.heading": {"id": "Kesegaran data", "en": "Data freshness"},
    "data.freshness.none": {"id": "Belum ada data yang dimuat.", "en": "No data has been loaded yet."},
    "data.freshness.span": {
        "id": "Kuesioner dan pengaduan yang tersimpan mencakup {first} sampai {last} (WIB).",
        "en": "The questionnaires and complaints held cover {first} to {last} (WIB).",
    },
    "data.freshness.demo": {
        "id": "**Data simulasi.** Semua angka di basis data ini dibuat untuk demonstrasi; jangan dikutip sebagai "
              "data resmi.",
        "en": "**Simulated data.** Every figure in this database is generated for demonstration; do not cite it as "
              "official data.",
    },
    "data.downloads.heading": {"id": "Unduh tabel", "en": "Download tables"},
    "data.downloads.intro": {
        "id": "Pilih tabel dan filternya. CSV memakai titik koma dan koma desimal sehingga langsung terbuka benar di "
              "Excel berbahasa Indonesia; XLSX untuk program lain. Judul, filter, waktu data, sumber dan lisensi "
              "tertulis di atas tabel dalam setiap berkas.",
        "en": "Pick a table and its filters. The CSV uses semicolons and decimal commas so it opens correctly in "
              "Excel set to Indonesian; XLSX suits other programs. Title, filters, data time, source and licence "
              "are written above the table in every file.",
    },
    "data.pick": {"id": "Tabel", "en": "Table"},
    "data.pick_unit": {"id": "Unit layanan", "en": "Service unit"},
    "data.pick_unit.none": {"id": "Pilih unit layanan", "en": "Choose a service unit"},
    "data.pick_unit.help": {
        "id": "Tabel ini milik rapor satu unit: pilih unitnya dulu.",
        "en": "This table belongs to one unit's report card: choose the unit first.",
    },
    "data.shown_on": {"id": "Tampil di halaman {page}.", "en": "Shown on the {page} page."},
    "data.empty": {
        "id": "Tidak ada data untuk filter ini, jadi tidak ada tabel untuk diunduh.",
        "en": "There is no data for these filters, so there is no table to download.",
    },
    "data.preview_rows": {
        "id": "Pratinjau {shown} baris pertama dari {total}; berkas unduhan berisi semuanya.",
        "en": "Preview of the first {shown} of {total} rows; the downloads hold them all.",
    },
    "data.list.heading": {"id": "Semua tabel yang dapat diunduh", "en": "Every downloadable table"},
    "data.dictionary.heading": {"id": "Kamus data", "en": "Data dictionary"},
    "data.dictionary.intro": {
        "id": "Arti dan satuan setiap kolom. Teks pengaduan, saran responden, nama, NIK dan nomor telepon tidak "
              "pernah ada di tabel mana pun.",
        "en": "What each column means and its unit. Complaint text, respondents' suggestions, names, NIK and phone "
              "numbers are never in any table.",
    },
    "data.dictionary.of_table": {"id": "Arti kolom tabel ini", "en": "What this table's columns mean"},
    "data.dictionary.sources": {"id": "Kolom berkas sumber (impor)", "en": "Source file fields (import)"},
    "data.dictionary.all": {"id": "Semua kolom tabel unduhan", "en": "Every column of the downloads"},
    "data.col.page": {"id": "Halaman", "en": "Page"},
    "data.col.table": {"id": "Tabel", "en": "Table"},
    "data.col.description": {"id": "Isi", "en": "Contents"},
    "data.col.code": {"id": "Kode (?tabel=)", "en": "Code (?tabel=)"},
    "data.col.column": {"id": "Kolom", "en": "Column"},
    "data.col.meaning": {"id": "Arti", "en": "Meaning"},
    "data.col.unit": {"id": "Satuan", "en": "Unit"},
    "data.col.file": {"id": "Berkas", "en": "File"},
    "data.col.field": {"id": "Kolom", "en": "Field"},
    "data.col.performance": {"id": "Kinerja unit", "en": "Unit performance"},
    "data.col.range_100": {"id": "IKM × {scale}", "en": "IKM × {scale}"},
    "data.col.range_4": {"id": "IKM (skala {low}–{high})", "en": "IKM ({low}–{high} scale)"},
    "data.col.key": {"id": "Kunci", "en": "Key"},
    "data.col.answers": {"id": "Jawaban {low}–{high}", "en": "Answers {low}–{high}"},
    "data.col.population": {"id": "Pengguna layanan (N)", "en": "Service users (N)"},
    "data.col.date": {"id": "Tanggal", "en": "Date"},
    "data.col.name": {"id": "Nama", "en": "Name"},
    "data.col.kind": {"id": "Jenis", "en": "Kind"},
    "data.col.clock": {"id": "Dihitung sejak", "en": "Counted from"},
    "data.clock.received": {"id": "pengaduan diterima", "en": "complaint received"},
    "data.clock.verified": {"id": "pengaduan diteruskan (terverifikasi), atau diterima bila tidak tercatat",
                            "en": "complaint forwarded (verified), or received when not recorded"},
    "data.holiday.public": {"id": "libur nasional", "en": "national holiday"},
    "data.holiday.cuti": {"id": "cuti bersama", "en": "collective leave (cuti bersama)"},
    "data.unit.text": {"id": "teks", "en": "text"},
    "data.unit.code": {"id": "kode", "en": "code"},
    "data.unit.score": {"id": "nilai {lowest}–{highest}", "en": "score {lowest}–{highest}"},
    "data.unit.grade": {"id": "huruf {grades}", "en": "letter {grades}"},
    "data.unit.people": {"id": "orang", "en": "people"},
    "data.unit.complaints": {"id": "pengaduan", "en": "complaints"},
    "data.unit.pct": {"id": "persen (%)", "en": "percent (%)"},
    "data.unit.workdays": {"id": "hari kerja", "en": "working days"},
    "data.unit.per10k": {"id": "pengaduan per 10.000 penduduk", "en": "complaints per 10,000 residents"},
    "data.unit.month": {"id": "bulan (TTTT-BB)", "en": "month (YYYY-MM)"},
    "data.unit.period": {"id": "bulan atau triwulan", "en": "month or quarter"},
    "data.unit.rank": {"id": "urutan (1 = terbaik)", "en": "position (1 = best)"},
    "data.unit.date": {"id": "tanggal (TTTT-BB-HH)", "en": "date (YYYY-MM-DD)"},
    "data.unit.degrees": {"id": "derajat desimal (WGS 84)", "en": "decimal degrees (WGS 84)"},
    "data.unit.units": {"id": "unit layanan", "en": "service units"},
    "data.dict.filter.region": {"id": "Wilayah: Kabupaten atau Kota Pasuruan.",
                                "en": "Region: Pasuruan Regency or City."},
    "data.dict.filter.kind": {"id": "Jenis unit layanan (MPP, OPD, puskesmas, kantor desa, dll.).",
                              "en": "Kind of service unit (MPP, agency, health centre, village office, etc.)."},
    "data.dict.ikm.col.code": {"id": "Kode unit layanan; rapor unit ada di /unit?unit=KODE.",
                               "en": "Service unit code; its report card is at /unit?unit=CODE."},
    "data.dict.ikm.col.unit": {"id": "Nama unit layanan.", "en": "Name of the service unit."},
    "data.dict.ikm.col.ikm": {"id": "Indeks Kepuasan Masyarakat: rata-rata NRR sembilan unsur × {scale}, "
                                    "dibulatkan {decimals} desimal di akhir.",
                              "en": "Citizen Satisfaction Index: mean NRR of the nine elements × {scale}, rounded "
                                    "to {decimals} decimals at the end."},
    "data.dict.ikm.col.grade": {"id": "Mutu pelayanan menurut pita nilai IKM ({best} … {worst}).",
                                "en": "Service grade from the IKM bands ({best} … {worst})."},
    "data.dict.ikm.col.respondents": {"id": "Jumlah responden (kuesioner) yang dihitung.",
                                      "en": "Number of respondents (questionnaires) counted."},
    "data.dict.ikm.col.summary_respondents": {
        "id": "Berapa dari responden itu berasal dari hasil SKM terbitan (ringkasan per periode, bukan kuesioner); "
              "lebih dari 0 berarti tanpa selang kepercayaan.",
        "en": "How many of those respondents come from published SKM results (a summary per period, not "
              "questionnaires); above 0 means no confidence interval.",
    },
    "data.dict.ikm.col.period_start": {"id": "Hari pertama periode survei (WIB).",
                                       "en": "First day of the survey period (WIB)."},
    "data.dict.ikm.col.period_end": {"id": "Hari terakhir periode survei (WIB).",
                                     "en": "Last day of the survey period (WIB)."},
    "data.dict.ikm.col.ci_low": {"id": "Batas bawah selang kepercayaan 95% dari IKM.",
                                 "en": "Lower end of the IKM's 95% confidence interval."},
    "data.dict.ikm.col.ci_high": {"id": "Batas atas selang kepercayaan 95% dari IKM.",
                                  "en": "Upper end of the IKM's 95% confidence interval."},
    "data.dict.ikm.col.population": {"id": "Perkiraan pengguna layanan dalam periode (kosong: tidak diketahui).",
                                     "en": "Estimated service users in the period (blank: unknown)."},
    "data.dict.ikm.col.minimum": {"id": "Responden minimum menurut rumus Krejcie & Morgan untuk populasi itu.",
                                  "en": "Minimum respondents by the Krejcie & Morgan formula for that population."},
    "data.dict.ikm.col.sample": {"id": "Apakah jumlah responden mencapai sampel minimum.",
                                 "en": "Whether the respondents reach the minimum sample."},
    "data.dict.ikm.col.weakest": {"id": "Unsur dengan nilai terendah.", "en": "The element with the lowest score."},
    "data.dict.ikm.col.element": {"id": "Unsur pelayanan (salah satu dari sembilan).",
                                  "en": "Service element (one of the nine)."},
    "data.dict.ikm.col.period": {"id": "Bulan (mis. Mar 2025) atau triwulan (mis. TW1 2025).",
                                 "en": "Month (e.g. Mar 2025) or quarter (e.g. Q1 2025)."},
    "data.dict.ikm.col.rank": {"id": "Urutan menurut IKM; hanya unit dengan sampel memadai.",
                               "en": "Position by IKM; only units with an adequate sample."},
    "data.dict.ikm.col.flag": {"id": "Apakah nilai unsur pengaduan sejalan dengan kecepatan tanggapan terukur.",
                               "en": "Whether the complaint-handling score agrees with the measured response speed."},
    "data.dict.ikm.col.element_score": {"id": "Nilai unsur penanganan pengaduan (NRR × {scale}).",
                                        "en": "Complaint-handling element score (NRR × {scale})."},
    "data.dict.ikm.col.complaints": {"id": "Jumlah pengaduan unit dalam periode.",
                                     "en": "The unit's complaints in the period."},
    "data.dict.ikm.col.median": {"id": "Median waktu tanggapan pertama (Kaplan–Meier).",
                                 "en": "Median time to first response (Kaplan–Meier)."},
    "data.dict.ikm.col.within": {"id": "Persentase tanggapan pertama dalam batas waktu.",
                                 "en": "Share of first responses within the limit."},
    "data.dict.ikm.col.speed": {"id": "Kecepatan tanggapan: cepat, sedang atau lambat.",
                                "en": "Response speed: fast, middling or slow."},
    "data.dict.ikm.col.category": {"id": "Kelompok responden (mis. jenis kelamin, umur).",
                                   "en": "Respondent group (e.g. sex, age)."},
    "data.dict.ikm.col.count": {"id": "Jumlah responden dalam kelompok ini.", "en": "Respondents in this group."},
    "data.dict.ikm.col.share": {"id": "Persentase dari semua responden.", "en": "Share of all respondents."},
    "data.dict.ikm.element.*": {"id": "Nilai unsur {label}: rata-rata jawaban (NRR) × {scale}.",
                                "en": "Score of the element {label}: mean answer (NRR) × {scale}."},
    "data.dict.complaints.col.complaints": {"id": "Jumlah pengaduan diterima; \"<{small}\" berarti disembunyikan.",
                                            "en": "Complaints received; \"<{small}\" means suppressed."},
    "data.dict.complaints.col.share": {"id": "Persentase dari semua pengaduan.", "en": "Share of all complaints."},
    "data.dict.complaints.col.region": {"id": "Wilayah: Kabupaten atau Kota Pasuruan.",
                                        "en": "Region: Pasuruan Regency or City."},
    "data.dict.complaints.col.population": {"id": "Jumlah penduduk wilayah (proyeksi resmi).",
                                            "en": "Residents of the region (official projection)."},
    "data.dict.complaints.col.per_10k": {"id": "Pengaduan dibagi penduduk × 10.000.",
                                         "en": "Complaints divided by residents × 10,000."},
    "data.dict.complaints.col.month": {"id": "Bulan diterima (WIB).", "en": "Month received (WIB)."},
    "data.dict.complaints.col.stage": {"id": "Tahap penanganan dan jenis penyelesaiannya.",
                                       "en": "Handling stage and its completion tier."},
    "data.dict.complaints.col.limit": {"id": "Batas waktu tahap menurut PermenPANRB 62/2018.",
                                       "en": "The stage's limit under PermenPANRB 62/2018."},
    "data.dict.complaints.col.clocks": {"id": "Pengaduan yang jam tahap ini sudah berjalan.",
                                        "en": "Complaints whose clock for this stage has started."},
    "data.dict.complaints.col.done": {"id": "Pengaduan yang sudah menyelesaikan tahap ini.",
                                      "en": "Complaints that have completed this stage."},
    "data.dict.complaints.col.median": {"id": "Median hari kerja (Kaplan–Meier, yang masih terbuka ikut dihitung).",
                                        "en": "Median working days (Kaplan–Meier, open ones included)."},
    "data.dict.complaints.col.p90": {"id": "90% pengaduan selesai dalam sekian hari kerja (Kaplan–Meier).",
                                     "en": "90% of complaints done within this many working days (Kaplan–Meier)."},
    "data.dict.complaints.col.within": {"id": "Persentase yang selesai dalam batas waktu.",
                                        "en": "Share completed within the limit."},
    "data.dict.complaints.col.still_open": {"id": "Persentase yang tahapnya masih berjalan.",
                                            "en": "Share whose stage is still running."},
    "data.dict.complaints.col.unknown_time": {
        "id": "Pengaduan yang sudah melewati tahap ini tanpa waktu tercatat; tidak ikut median dan persentase.",
        "en": "Complaints past this stage with no time recorded for it; left out of the median and shares.",
    },
    "data.dict.complaints.col.status": {"id": "Status pengaduan saat ini.", "en": "Current complaint status."},
    "data.dict.complaints.col.path": {"id": "Alur utama atau jalur samping (ditunda, bukan wewenang, diarsipkan).",
                                      "en": "Main flow or side exit (paused, not its remit, archived)."},
    "data.dict.complaints.col.bucket": {"id": "Sisa hari kerja sampai batas tahap saat ini (atau lewatnya).",
                                        "en": "Working days left before the current stage's limit (or past it)."},
    "data.dict.complaints.col.code": {"id": "Kode unit layanan.", "en": "Service unit code."},
    "data.dict.complaints.col.unit": {"id": "Nama unit layanan.", "en": "Name of the service unit."},
    "data.dict.complaints.col.due": {"id": "Pengaduan terbuka yang jatuh tempo segera.",
                                     "en": "Open complaints falling due soon."},
    "data.dict.complaints.col.first_due": {"id": "Tanggal jatuh tempo paling awal.", "en": "Earliest due date."},
    "data.dict.complaints.col.overdue": {"id": "Pengaduan terbuka yang sudah lewat batas.",
                                         "en": "Open complaints already past the limit."},
    "data.dict.complaints.col.rank": {"id": "Urutan menurut penyelesaian dalam batas (unit dengan pengaduan cukup).",
                                      "en": "Position by resolutions within the limit (units with enough complaints)."},
    "data.dict.complaints.col.open": {"id": "Pengaduan yang masih terbuka.", "en": "Complaints still open."},
    "data.dict.complaints.col.first_median": {"id": "Median hari kerja sampai tanggapan pertama.",
                                              "en": "Median working days to the first response."},
    "data.dict.complaints.col.first_within": {"id": "Persentase tanggapan pertama dalam batas.",
                                              "en": "Share of first responses within the limit."},
    "data.dict.complaints.col.resolution_median": {"id": "Median hari kerja sampai selesai (Kaplan–Meier).",
                                                   "en": "Median working days to resolution (Kaplan–Meier)."},
    "data.dict.complaints.col.resolution_within": {"id": "Persentase penyelesaian dalam batas jenisnya.",
                                                   "en": "Share resolved within its tier's limit."},
    "data.dict.complaints.col.kecamatan": {"id": "Kecamatan unit layanan.", "en": "District of the service unit."},
    "data.dict.complaints.dim.channel": {"id": "Kanal masuk pengaduan.", "en": "Channel the complaint came in by."},
    "data.dict.complaints.dim.classification": {"id": "Klasifikasi: pengaduan, aspirasi, permintaan informasi.",
                                                "en": "Classification: complaint, aspiration, information request."},
    "data.dict.complaints.dim.category": {"id": "Kategori topik pengaduan.", "en": "Topic category."},
    "data.dict.complaints.stage.*": {"id": "Pengaduan terbuka yang sedang di tahap {label}.",
                                     "en": "Open complaints currently at the stage {label}."},
    "data.dict.complaints.category.*": {"id": "Pengaduan kategori {label}; \"<{small}\" berarti disembunyikan.",
                                        "en": "Complaints in the category {label}; \"<{small}\" means suppressed."},
    "data.dict.map.col.code": {"id": "Kode unit layanan.", "en": "Service unit code."},
    "data.dict.map.col.unit": {"id": "Nama unit layanan.", "en": "Name of the service unit."},
    "data.dict.map.col.grade": {"id": "Mutu IKM ({grades}); tanda lain: belum dinilai.",
                                "en": "IKM grade ({grades}); another mark: not rated yet."},
    "data.dict.map.col.ikm": {"id": "IKM dalam periode (NRR rata-rata × {scale}).",
                              "en": "IKM in the period (mean NRR × {scale})."},
    "data.dict.map.col.respondents": {"id": "Jumlah responden.", "en": "Number of respondents."},
    "data.dict.map.col.sample": {"id": "Kecukupan sampel.", "en": "Sample adequacy."},
    "data.dict.map.col.open": {"id": "Pengaduan yang masih terbuka.", "en": "Complaints still open."},
    "data.dict.map.col.overdue": {"id": "Pengaduan terbuka yang lewat batas.", "en": "Open complaints past the limit."},
    "data.dict.map.col.kind": {"id": "Jenis unit layanan.", "en": "Kind of service unit."},
    "data.dict.map.col.kecamatan": {"id": "Kecamatan letak unit.", "en": "District the unit is in."},
    "data.dict.map.col.address": {"id": "Alamat kantor unit layanan (bukan alamat warga).",
                                  "en": "Address of the unit's office (never a citizen's)."},
    "data.dict.map.col.latitude": {"id": "Lintang lokasi unit.", "en": "Latitude of the unit."},
    "data.dict.map.col.longitude": {"id": "Bujur lokasi unit.", "en": "Longitude of the unit."},
    "data.dict.map.col.minimum": {"id": "Responden minimum (Krejcie & Morgan).",
                                  "en": "Minimum respondents (Krejcie & Morgan)."},
    "data.dict.map.kec.col.kecamatan": {"id": "Nama kecamatan.", "en": "District name."},
    "data.dict.map.kec.col.units": {"id": "Jumlah unit layanan di kecamatan.", "en": "Service units in the district."},
    "data.dict.map.kec.col.complaints": {"id": "Pengaduan diterima unit-unit di kecamatan.",
                                         "en": "Complaints received by the district's units."},
    "data.dict.map.kec.col.population": {"id": "Penduduk kecamatan (kosong: belum dimuat).",
                                         "en": "District population (blank: not loaded)."},
    "data.dict.map.kec.col.per_10k": {"id": "Pengaduan per 10.000 penduduk kecamatan.",
                                      "en": "Complaints per 10,000 district residents."},
    "data.dict.map.kec.col.share": {"id": "Persentase pengaduan terbuka yang lewat batas.",
                                    "en": "Share of open complaints past the limit."},
    "data.field.element": {"id": "Jawaban unsur \"{name}\", angka {low}–{high}.",
                           "en": "Answer to the element \"{name}\", a number {low}–{high}."},
    "data.field.unit_code": {"id": "Kode unik unit layanan.", "en": "Unique service unit code."},
    "data.field.name": {"id": "Nama unit layanan.", "en": "Service unit name."},
    "data.field.kind": {"id": "Jenis unit: {values}.", "en": "Kind of unit: {values}."},
    "data.field.region_code": {"id": "Kode wilayah Kemendagri: {values}.", "en": "Kemendagri region code: {values}."},
    "data.field.kecamatan_code": {"id": "Kode kecamatan Kemendagri (35.14.NN / 35.75.NN).",
                                  "en": "Kemendagri district code (35.14.NN / 35.75.NN)."},
    "data.field.address": {"id": "Alamat kantor unit.", "en": "Office address of the unit."},
    "data.field.latitude": {"id": "Lintang (derajat desimal).", "en": "Latitude (decimal degrees)."},
    "data.field.longitude": {"id": "Bujur (derajat desimal).", "en": "Longitude (decimal degrees)."},
    "data.field.annual_users": {"id": "Pengguna layanan per tahun (untuk sampel minimum; boleh kosong).",
                                "en": "Service users per year (for the minimum sample; optional)."},
    "data.field.response_id": {"id": "Kode unik kuesioner.", "en": "Unique questionnaire id."},
    "data.field.submitted_at": {"id": "Waktu pengisian (ISO 8601; tanpa zona = WIB).",
                                "en": "When it was filled in (ISO 8601; no offset = WIB)."},
    "data.field.service": {"id": "Layanan yang diterima.", "en": "Service received."},
    "data.field.sex": {"id": "Jenis kelamin: {values} (boleh kosong).", "en": "Sex: {values} (optional)."},
    "data.field.age": {"id": "Umur dalam tahun (boleh kosong).", "en": "Age in years (optional)."},
    "data.field.education": {"id": "Pendidikan: {values} (boleh kosong).", "en": "Education: {values} (optional)."},
    "data.field.occupation": {"id": "Pekerjaan: {values} (boleh kosong).", "en": "Occupation: {values} (optional)."},
    "data.field.channel": {"id": "Cara mengisi survei: {values}.", "en": "How the survey was answered: {values}."},
    "data.field.complaints.channel": {"id": "Kanal masuk pengaduan: {values}.", "en": "Complaint channel: {values}."},
    "data.field.ticket": {"id": "Nomor tiket pengaduan.", "en": "Complaint ticket number."},
    "data.field.classification": {"id": "Klasifikasi: {values}.", "en": "Classification: {values}."},
    "data.field.category": {"id": "Kategori topik: {values}.", "en": "Topic category: {values}."},
    "data.field.tier": {"id": "Jenis penyelesaian (menentukan batas waktu): {values}.",
                        "en": "Completion tier (sets the limit): {values}."},
    "data.field.received_at": {"id": "Waktu diterima.", "en": "When received."},
    "data.field.verified_at": {"id": "Waktu diverifikasi dan diteruskan ke unit.",
                               "en": "When verified and forwarded to the unit."},
    "data.field.first_response_at": {"id": "Waktu tanggapan pertama unit.", "en": "When the unit first responded."},
    "data.field.resolved_at": {"id": "Waktu ditutup.", "en": "When closed."},
    "data.field.status": {"id": "Status: {values}.", "en": "Status: {values}."},
    "data.desc.ikm-per-unit": {"id": "IKM, mutu, responden, selang kepercayaan dan kecukupan sampel setiap unit.",
                               "en": "IKM, grade, respondents, confidence interval and sample adequacy per unit."},
    "data.desc.ikm-peringkat": {"id": "Unit dengan sampel memadai, diurutkan menurut IKM.",
                                "en": "Units with an adequate sample, ranked by IKM."},
    "data.desc.ikm-tidak-diperingkat": {"id": "Unit yang tidak diperingkat: sampel belum memadai atau populasi "
                                               "tidak diketahui.",
                                         "en": "Units left out of the ranking: sample too small or population "
                                               "unknown."},
    "data.desc.ikm-unsur": {"id": "Nilai dan mutu sembilan unsur untuk pilihan filter.",
                            "en": "Score and grade of the nine elements for the filters chosen."},
    "data.desc.ikm-unsur-35.14": {"id": "Nilai sembilan unsur di Kabupaten Pasuruan.",
                                  "en": "The nine element scores in Pasuruan Regency."},
    "data.desc.ikm-unsur-35.75": {"id": "Nilai sembilan unsur di Kota Pasuruan.",
                                  "en": "The nine element scores in Pasuruan City."},
    "data.desc.ikm-unsur-per-unit": {"id": "Nilai sembilan unsur setiap unit dan unsur terlemahnya.",
                                     "en": "Each unit's nine element scores and its weakest element."},
    "data.desc.ikm-wilayah-triwulan": {"id": "IKM per triwulan untuk kedua wilayah.",
                                       "en": "IKM by quarter for both regions."},
    "data.desc.ikm-tren-month": {"id": "IKM per bulan dengan responden dan selang kepercayaan.",
                                 "en": "IKM by month with respondents and confidence interval."},
    "data.desc.ikm-tren-quarter": {"id": "IKM per triwulan dengan responden dan selang kepercayaan.",
                                   "en": "IKM by quarter with respondents and confidence interval."},
    "data.desc.ikm-persepsi-kinerja": {"id": "Nilai unsur pengaduan setiap unit di samping waktu tanggapan terukur.",
                                       "en": "Each unit's complaint-handling score beside its measured response time."},
    "data.desc.ikm-profil-sex": {"id": "Responden menurut jenis kelamin.", "en": "Respondents by sex."},
    "data.desc.ikm-profil-age_group": {"id": "Responden menurut kelompok umur.", "en": "Respondents by age group."},
    "data.desc.ikm-profil-education": {"id": "Responden menurut pendidikan.", "en": "Respondents by education."},
    "data.desc.ikm-profil-occupation": {"id": "Responden menurut pekerjaan.", "en": "Respondents by occupation."},
    "data.desc.ikm-profil-channel": {"id": "Responden menurut cara mengisi survei.",
                                     "en": "Respondents by survey channel."},
    "data.desc.unit-unsur": {"id": "Sembilan unsur satu unit pada triwulan lengkap terakhir.",
                             "en": "One unit's nine elements in the last complete quarter."},
    "data.desc.unit-tren-month": {"id": "IKM satu unit per bulan.", "en": "One unit's IKM by month."},
    "data.desc.unit-tren-quarter": {"id": "IKM satu unit per triwulan.", "en": "One unit's IKM by quarter."},
    "data.desc.unit-hasil-terbitan": {
        "id": "Periode satu unit yang dimuat dari hasil SKM terbitan, bukan kuesioner.",
        "en": "One unit's periods loaded from published SKM results, not questionnaires.",
    },
    "data.desc.pengaduan-channel": {"id": "Pengaduan menurut kanal masuk.", "en": "Complaints by channel."},
    "data.desc.pengaduan-classification": {"id": "Pengaduan menurut klasifikasi.",
                                           "en": "Complaints by classification."},
    "data.desc.pengaduan-category": {"id": "Pengaduan menurut kategori topik.", "en": "Complaints by topic category."},
    "data.desc.pengaduan-per-10000-penduduk": {"id": "Pengaduan per 10.000 penduduk setiap wilayah.",
                                               "en": "Complaints per 10,000 residents per region."},
    "data.desc.pengaduan-per-bulan": {"id": "Pengaduan per bulan dan wilayah.",
                                      "en": "Complaints by month and region."},
    "data.desc.pengaduan-waktu-penanganan": {"id": "Hari kerja setiap tahap terhadap batas waktunya.",
                                             "en": "Working days per stage against its limit."},
    "data.desc.pengaduan-status": {"id": "Semua pengaduan menurut status, jalur samping termasuk.",
                                   "en": "Every complaint by status, side exits included."},
    "data.desc.pengaduan-terbuka-umur": {"id": "Pengaduan terbuka menurut sisa hari kerja.",
                                         "en": "Open complaints by working days left."},
    "data.desc.pengaduan-jatuh-tempo": {"id": "Unit dengan pengaduan yang segera jatuh tempo.",
                                        "en": "Units with complaints falling due soon."},
    "data.desc.pengaduan-peringkat-unit": {"id": "Unit diurutkan menurut penyelesaian dalam batas waktu.",
                                           "en": "Units ranked by resolutions within the limit."},
    "data.desc.pengaduan-kecamatan-kategori": {"id": "Pengaduan per kecamatan dan kategori; angka kecil disembunyikan.",
                                               "en": "Complaints per district and category; small counts suppressed."},
    "data.desc.peta-unit": {"id": "Setiap unit di peta dengan mutu, IKM, pengaduan dan koordinat.",
                            "en": "Every unit on the map with grade, IKM, complaints and coordinates."},
    "data.desc.peta-kecamatan": {"id": "IKM, pengaduan dan keterlambatan per kecamatan.",
                                 "en": "IKM, complaints and delays per district."},
    "data.method.heading": {"id": "Metodologi", "en": "Methodology"},
    "data.m.ikm.title": {"id": "Rumus IKM dan pita mutu", "en": "The IKM formula and grade bands"},
    "data.m.ikm.body": {
        "id": "Dasar: PermenPANRB No. 14 Tahun 2017. Setiap responden menjawab {n} unsur dengan angka "
              "{low}–{high}.\n\n"
              "1. **NRR** (nilai rata-rata) setiap unsur = jumlah jawaban unsur itu ÷ banyaknya jawaban.\n"
              "2. Setiap unsur berbobot sama, tepat **1/{n}**.\n"
              "3. **IKM** (skala {low}–{high}) = jumlah NRR × 1/{n}, yaitu rata-rata {n} NRR.\n"
              "4. **IKM unit pelayanan** = IKM × {scale}, dibulatkan ke {decimals} desimal hanya di akhir "
              "(setengah ke atas).\n\n"
              "Mutu ditentukan dari nilai yang sudah dibulatkan; pita yang sama dipakai untuk nilai satu unsur.",
        "en": "Basis: PermenPANRB No. 14 of 2017. Every respondent answers {n} elements with a number "
              "{low}–{high}.\n\n"
              "1. **NRR** (mean score) of each element = sum of its answers ÷ number of answers.\n"
              "2. Every element weighs the same, exactly **1/{n}**.\n"
              "3. **IKM** ({low}–{high} scale) = sum of NRR × 1/{n}, i.e. the mean of the {n} NRRs.\n"
              "4. **Unit IKM** = IKM × {scale}, rounded to {decimals} decimals only at the end (half up).\n\n"
              "The grade is read from the rounded value; the same bands grade a single element's score.",
    },
    "data.m.elements.title": {"id": "Sembilan unsur pelayanan", "en": "The nine service elements"},
    "data.m.elements.body": {
        "id": "Jawaban disimpan menurut nama unsur, bukan nomor pertanyaan, karena formulir daerah memakai urutan "
              "berbeda. Skala jawaban {low}–{high}:",
        "en": "Answers are stored by element name, never by question number, because local forms use different "
              "orders. Answer scale {low}–{high}:",
    },
    "data.m.sample.title": {"id": "Jumlah sampel minimum", "en": "Minimum sample size"},
    "data.m.sample.body": {
        "id": "Responden minimum mengikuti rumus **Krejcie & Morgan** (tingkat kepercayaan 95%) untuk jumlah pengguna "
              "layanan N dalam periode survei:\n\n"
              "**s = χ² · N · P(1 − P) / (d² · (N − 1) + χ² · P(1 − P))**\n\n"
              "dengan χ² = {chi2} (khi-kuadrat, 1 derajat bebas), P = {p} (proporsi populasi) dan d = {d} (batas "
              "kesalahan), dibulatkan ke bilangan bulat terdekat. Rumus ini menghasilkan setiap baris tabel Krejcie & "
              "Morgan yang dimuat PermenPANRB 14/2017 dan juga berlaku di antara baris-barisnya. Minimum tidak pernah "
              "melebihi N; makin besar N, minimum mendekati {largest} (χ² · P(1 − P) / d², dibulatkan). Unit di bawah "
              "minimum ditandai \"sampel belum memadai\" dan tidak diperingkat; bila jumlah pengguna tidak diketahui, "
              "dasbor mengatakannya dan tidak menebak. Contoh yang dihitung oleh aplikasi:",
        "en": "Minimum respondents follow **Krejcie & Morgan**'s formula (95% confidence) for the number of service "
              "users N in the survey period:\n\n"
              "**s = χ² · N · P(1 − P) / (d² · (N − 1) + χ² · P(1 − P))**\n\n"
              "with χ² = {chi2} (chi-square, 1 degree of freedom), P = {p} (population proportion) and d = {d} "
              "(margin of error), rounded to the nearest whole number. The formula gives every row of the Krejcie & "
              "Morgan table reprinted in PermenPANRB 14/2017 and also holds between its rows. The minimum is never "
              "more than N; as N grows it levels off at {largest} (χ² · P(1 − P) / d², rounded). Units below the "
              "minimum are marked \"sample too small\" and not ranked; where the number of users is unknown the "
              "dashboard says so rather than guess. Examples computed by the app:",
    },
    "data.m.summaries.title": {"id": "Hasil SKM terbitan", "en": "Published SKM results"},
    "data.m.summaries.body": {
        "id": "Banyak unit hanya menerbitkan hasil per periode survei: jumlah responden dan NRR tiap unsur. Hasil "
              "itu digabung tepat dengan kuesioner: jumlah jawaban suatu unsur = NRR × responden, lalu IKM tetap "
              "rata-rata NRR gabungan × {scale}, dibulatkan {decimals} desimal di akhir. Seluruh ringkasan dihitung "
              "pada hari terakhir periodenya (di tren: bulan akhir periode). Angka yang memuat ringkasan tidak punya "
              "selang kepercayaan, karena skor tiap responden tidak diketahui. Satu periode unit berasal dari "
              "kuesioner atau ringkasan, tidak keduanya. IKM yang diterbitkan dengan bobot cetak 0,111 atau dari "
              "NRR yang dibulatkan lebih dulu dapat berbeda di desimal kedua; di sini bobotnya tepat 1/{n}.",
        "en": "Many units publish only their results per survey period: respondents and each element's NRR. These "
              "pool exactly with questionnaires: an element's sum of answers = NRR × respondents, and the IKM is "
              "still the mean of the pooled NRRs × {scale}, rounded to {decimals} decimals at the end. A whole "
              "summary counts on its period's last day (in trends: the month the period ends). Figures that include "
              "a summary have no confidence interval, since no respondent's own score is known. A unit's period "
              "comes from questionnaires or a summary, never both. A published IKM computed with the printed weight "
              "0.111 or from NRRs rounded first can differ in the second decimal; here the weight is exactly 1/{n}.",
    },
    "data.m.ci.title": {"id": "Selang kepercayaan 95%", "en": "95% confidence interval"},
    "data.m.ci.body": {
        "id": "Setiap IKM disertai selang kepercayaan 95% (SK 95%): rata-rata skor responden ± t × s/√n, dengan t "
              "dari **distribusi Student t** (n − 1 derajat bebas), s simpangan baku skor responden dan n "
              "jumlah responden; dibatasi {lowest}–{highest}. Cara membaca: bila survei diulang dengan responden "
              "lain, IKM sebenarnya kemungkinan besar ada di dalam selang ini. Selang lebar berarti responden "
              "sedikit atau jawaban sangat beragam; dua unit yang selangnya bertumpang tindih belum tentu berbeda.",
        "en": "Every IKM comes with a 95% confidence interval (CI): the mean respondent score ± t × s/√n, with t "
              "from **Student's t distribution** (n − 1 degrees of freedom), s the standard deviation of "
              "respondents' scores and n the respondents; kept within {lowest}–{highest}. How to read it: were the "
              "survey repeated with other respondents, the true IKM would most likely lie inside it. A wide interval "
              "means few respondents or very mixed answers; two units whose intervals overlap may not really "
              "differ.",
    },
    "data.m.periods.title": {"id": "Periode yang dinilai", "en": "The period graded"},
    "data.m.periods.body": {
        "id": "Mutu, peringkat dan perbandingan dengan target memakai **triwulan lengkap terakhir**, kini {quarter}, "
              "karena triwulan yang masih berjalan baru memuat sebagian respondennya. Bila data berhenti sebelum "
              "triwulan itu (impor belum diperbarui), yang dinilai triwulan data terbaru. Periode yang masih "
              "berjalan, kini {running_quarter} ({running}), tetap ditampilkan dengan jumlah respondennya, tetapi "
              "diberi label berjalan dan digambar putus-putus ke titik berongga: angkanya **sementara**, bukan nilai "
              "akhir. Halaman Kepuasan dan Peta dibuka pada triwulan yang dinilai, Pengaduan dan Data pada semua "
              "periode; periode yang Anda pilih sendiri (atau yang disebut tautan) ikut ke halaman lain.",
        "en": "Grades, rankings and the comparison with the targets use the **last complete quarter**, now {quarter}, "
              "because a running quarter holds only part of its respondents. When the data end before that quarter "
              "(an import not yet updated), the quarter of the newest data is graded. A period still running, now "
              "{running_quarter} ({running}), is still shown with its respondents, but labelled as running and drawn "
              "as a dashed line to a hollow point: its figures are **provisional**, not a final grade. Satisfaction "
              "and Map open on the graded quarter, Complaints and Data on all periods; a period you choose yourself "
              "(or that a link names) goes along to the other pages.",
    },
    "data.m.slipping.title": {"id": "Unit yang menurun (Pimpinan)", "en": "Units slipping (Leadership)"},
    "data.m.slipping.body": {
        "id": "Di halaman Pimpinan setiap unit dinilai dengan selang kepercayaan 95% dari IKM-nya pada triwulan yang "
              "dinilai. Unit **menurun** bila batas atas selangnya di bawah target IKM {target} (mutu {grade}), "
              "atau di bawah batas bawah selangnya sendiri pada triwulan sebelumnya: kedua selang tidak bertumpang "
              "tindih, jadi penurunannya nyata, bukan kebetulan sampel. Penilaian butuh minimal {min_n} responden "
              "pada triwulan itu (untuk perbandingan, juga pada triwulan sebelumnya); unit dengan responden lebih "
              "sedikit, atau yang datanya memuat ringkasan terbitan (tanpa selang), ditampilkan sebagai **belum "
              "dapat dinilai**. Unit yang sampelnya di bawah minimum tetap dinilai dan ditampilkan, bertanda "
              "**sementara**, tetapi tidak masuk peringkat resmi.",
        "en": "On the Leadership page each unit is judged by the 95% confidence interval of its IKM in the graded "
              "quarter. A unit is **slipping** when the upper end of its interval lies below the IKM target "
              "{target} (grade {grade}), or below the lower end of its own interval in the quarter before: the two "
              "intervals do not overlap, so the drop is real, not sampling chance. Judging takes at least {min_n} "
              "respondents in the quarter (for the comparison, in the quarter before too); units with fewer, or "
              "whose data include a published summary (which has no interval), are shown as **cannot be judged "
              "yet**. Units whose sample is below the minimum are judged and shown, marked **provisional**, but are "
              "not in the official ranking.",
    },
    "data.m.workdays.title": {"id": "Hari kerja dan kalender libur", "en": "Working days and the holiday calendar"},
    "data.m.workdays.body": {
        "id": "Semua waktu penanganan dihitung dalam **hari kerja**: Senin–Jumat yang bukan libur nasional. Hari "
              "kerja yang berlalu = banyaknya hari kerja dari tanggal mulai sampai sebelum tanggal selesai, "
              "keduanya menurut WIB: hari yang sama = 0, Jumat ke Senin berikutnya = 1. Kalender libur berasal "
              "dari paket `holidays` (libur nasional dan cuti bersama Indonesia).",
        "en": "Every handling time is counted in **working days**: Monday–Friday that is not a national holiday. "
              "Working days elapsed = working days from the start date up to (not including) the end date, both "
              "in WIB: same day = 0, Friday to next Monday = 1. The holiday calendar comes from the `holidays` "
              "package (Indonesian national holidays and cuti bersama).",
    },
    "data.m.workdays.cuti_on": {"id": "Cuti bersama **tidak** dihitung sebagai hari kerja (pengaturan saat ini).",
                                "en": "Cuti bersama are **not** counted as working days (current setting)."},
    "data.m.workdays.cuti_off": {"id": "Cuti bersama dihitung sebagai hari kerja (pengaturan saat ini).",
                                 "en": "Cuti bersama are counted as working days (current setting)."},
    "data.m.workdays.years": {"id": "Hari libur yang dipakai untuk tahun {first}–{last}:",
                              "en": "Holidays used for {first}–{last}:"},
    "data.m.limits.title": {"id": "Batas waktu pengaduan", "en": "Complaint time limits"},
    "data.m.limits.body": {
        "id": "Batas waktu SP4N-LAPOR! (Perpres 76/2013, PermenPANRB 62/2018), dalam hari kerja. Pengaduan "
              "\"segera jatuh tempo\" bila batas tahapnya tercapai dalam {due} hari kerja.",
        "en": "SP4N-LAPOR! time limits (Perpres 76/2013, PermenPANRB 62/2018), in working days. A complaint "
              "\"falls due soon\" when its stage's limit is reached within {due} working days.",
    },
    "data.m.missing.title": {"id": "Waktu tahap yang tidak tercatat", "en": "Stage times not recorded"},
    "data.m.missing.body": {
        "id": "Ekspor nyata sering tidak memuat semua waktu tahap: Open311 hanya mencatat waktu diterima dan "
              "diperbarui, banyak rekap SP4N-LAPOR! tidak memuat waktu verifikasi. Aturan kami:\n\n"
              "1. Waktu tahap yang lebih akhir mengakhiri setiap tahap sebelumnya yang tidak punya waktu sendiri "
              "(pengaduan yang sudah ditanggapi tentu sudah diteruskan). Lama tahap itu **tidak diketahui**, bukan "
              "terlambat: tidak ikut median, persentil dan persentase dalam batas, dan dihitung terpisah sebagai "
              "\"{no_time}\".\n"
              "2. Tanggapan pertama dan penyelesaian dihitung sejak diteruskan; bila waktu diteruskan tidak "
              "tercatat, sejak **diterima** (dari sisi pelapor, penantian dimulai saat ia mengadu).\n"
              "3. Pengaduan yang sudah ditutup ({closed}) tanpa waktu tahap sama sekali dihitung di alur status, "
              "tetapi tidak di jam tahap mana pun.",
        "en": "Real exports often lack some stage times: Open311 records only the received and updated times, many "
              "SP4N-LAPOR! recaps have no verification time. Our rule:\n\n"
              "1. A later stage's time ends every earlier stage that has no time of its own (a complaint that was "
              "answered had been forwarded by then). That stage's duration is **unknown**, not late: it is left "
              "out of the median, percentile and share within the limit, and counted beside them as "
              "\"{no_time}\".\n"
              "2. First response and resolution count from forwarding; when the forwarding time is missing, from "
              "**received** (the complainant's view: the wait began when they complained).\n"
              "3. A complaint closed ({closed}) without any stage time is counted in the status funnel but in no "
              "stage clock.",
    },
    "data.m.km.title": {"id": "Median dan persentil ke-90 (Kaplan–Meier)",
                        "en": "Median and 90th percentile (Kaplan–Meier)"},
    "data.m.km.body": {
        "id": "Median yang hanya memakai pengaduan selesai terlalu optimistis, karena kasus paling lama justru "
              "masih terbuka. Karena itu pengaduan terbuka dihitung sebagai data **tersensor** pada hari ini, dan "
              "median serta persentil ke-90 waktu penyelesaian diperkirakan dengan metode **Kaplan–Meier**. "
              "\"Belum tercapai\" berarti kurang dari separuh (atau 90%) yang sudah selesai. Persentase yang masih "
              "terbuka selalu ditampilkan di sampingnya. Unit dengan kurang dari {min} pengaduan tidak diperingkat.",
        "en": "A median over closed complaints only is too optimistic, because the slowest cases are still open. "
              "Open complaints are therefore **censored** at today, and the median and 90th percentile of time to "
              "resolution are estimated with **Kaplan–Meier**. \"Not reached\" means fewer than half (or 90%) are "
              "done. The share still open is always shown beside them. Units with fewer than {min} complaints are "
              "not ranked.",
    },
    "data.m.privacy.title": {"id": "Privasi dan penyembunyian angka kecil",
                             "en": "Privacy and small-count suppression"},
    "data.m.privacy.body": {
        "id": "- **Tidak pernah ditampilkan atau diunduh:** isi pengaduan, saran responden, nama, NIK, nomor "
              "telepon, e-mail dan alamat warga. Lacak pengaduan hanya menunjukkan tahap dan tanggal.\n"
              "- **Angka kecil:** jumlah 1 sampai {n} kurang satu ditulis \"<{n}\" pada tabel kecamatan × kategori "
              "dan, bila pilihan dipersempit ke satu kecamatan atau satu unit, pada setiap rincian pengaduan "
              "(kategori, kanal, klasifikasi, status, bulan, tingkat penyelesaian, umur pengaduan terbuka), di "
              "halaman, grafik, unduhan dan API. Bila satu angka tersembunyi dapat dihitung dari total yang "
              "diterbitkan, angka terkecil berikutnya ikut disembunyikan, atau semua nol di sampingnya bila "
              "hanya nol yang tersisa.\n"
              "- **Teks bebas** yang kelak perlu ditampilkan harus melewati penyaring yang mengganti NIK, telepon, "
              "e-mail, alamat rumah dan nama dengan {tokens}.",
        "en": "- **Never shown or downloaded:** complaint text, respondents' suggestions, names, NIK, phone "
              "numbers, e-mail and citizens' addresses. Complaint tracking shows only stages and dates.\n"
              "- **Small counts:** counts from 1 to {n} minus one read \"<{n}\" in the district × category table and, "
              "once a selection is narrowed to one district or one unit, in every complaint breakdown (category, "
              "channel, classification, status, month, resolution tier, age of open complaints), on the page, in "
              "charts, downloads and the API. Where a hidden count could be worked out from a published total, "
              "the next smallest is hidden too, or every zero beside it when only zeros are left.\n"
              "- **Free text** that may ever be shown must pass the scrubber that replaces NIK, phone numbers, "
              "e-mail, home addresses and names with {tokens}.",
    },
    "data.licence.heading": {"id": "Lisensi", "en": "Licence"},
    "data.licence.body": {
        "id": "**Data: {licence}** (Creative Commons Atribusi 4.0). Anda boleh menyalin, membagikan, mengolah dan "
              "memakai data ini untuk keperluan apa pun, termasuk komersial, asalkan menyebut sumbernya: nama "
              "dasbor, tautan, waktu data, dan bila data diubah, menyebutkannya. "
              "**Kode program: MIT** (berkas LICENSE di repositori).",
        "en": "**Data: {licence}** (Creative Commons Attribution 4.0). You may copy, share, adapt and use the data "
              "for any purpose, commercial included, as long as you credit the source: the dashboard's name, the "
              "link, the data time, and say if you changed the data. **Program code: MIT** (the LICENSE file in "
              "the repository).",
    },
    "data.cite.heading": {"id": "Cara mengutip", "en": "How to cite"},
    "data.cite.intro": {
        "id": "Contoh kutipan untuk tampilan ini; setiap grafik juga punya tombol Kutip dengan tautan ke tampilannya.",
        "en": "An example citation for this view; every chart also has a Cite button with a link to its view.",
    },
    # Data page: the Pimpinan page's tables (their file titles name the comparison), column meanings and units.
    "lead.crossings.title": {"id": "Unit yang berpindah mutu sejak {comparison}",
                             "en": "Units that changed grade since {comparison}"},
    "lead.rankings.ikm_title": {"id": "Peringkat unit layanan menurut kepuasan (IKM)",
                                "en": "Service units ranked by satisfaction (IKM)"},
    "lead.rankings.complaints_title": {"id": "Peringkat unit layanan menurut penanganan pengaduan",
                                       "en": "Service units ranked by complaint handling"},
    "lead.overdue.title": {"id": "Pengaduan yang baru melewati batas waktu sejak {comparison}",
                           "en": "Complaints that newly passed their time limit since {comparison}"},
    "data.desc.pimpinan-pindah-mutu-minggu": {
        "id": "Unit yang mutunya berubah dibandingkan seminggu lalu (IKM periode terakhir).",
        "en": "Units whose grade changed compared with a week ago (IKM of the latest period).",
    },
    "data.desc.pimpinan-pindah-mutu-bulan": {
        "id": "Unit yang mutunya berubah dibandingkan sebulan lalu (IKM periode terakhir).",
        "en": "Units whose grade changed compared with a month ago (IKM of the latest period).",
    },
    "data.desc.pimpinan-baru-lewat-batas-minggu": {
        "id": "Per unit, pengaduan yang melewati batas waktu dalam seminggu terakhir.",
        "en": "Per unit, complaints that passed their time limit in the last week.",
    },
    "data.desc.pimpinan-baru-lewat-batas-bulan": {
        "id": "Per unit, pengaduan yang melewati batas waktu dalam sebulan terakhir.",
        "en": "Per unit, complaints that passed their time limit in the last month.",
    },
    "data.desc.pimpinan-jatuh-tempo": {"id": "Unit dengan pengaduan yang segera jatuh tempo.",
                                       "en": "Units with complaints falling due soon."},
    "data.desc.pimpinan-target": {"id": "Setiap wilayah dibandingkan dengan target IKM dan pengaduan.",
                                  "en": "Each region against the IKM and complaint targets."},
    "data.desc.pimpinan-menurun": {
        "id": "Unit yang menurun pada triwulan lengkap terakhir: batas atas selang kepercayaan 95% IKM-nya di bawah "
              "target atau di bawah batas bawah selang triwulan sebelumnya; termasuk unit sementara.",
        "en": "Units slipping in the last complete quarter: the upper end of their IKM's 95% confidence interval "
              "below the target or below the lower end of the quarter before's; provisional units included.",
    },
    "data.desc.pimpinan-selang-kepercayaan": {
        "id": "Setiap unit dengan kuesioner pada triwulan lengkap terakhir, dengan selang kepercayaan 95% IKM-nya, "
              "triwulan sebelumnya, dan apakah menurun; unit dengan sampel kurang bertanda sementara.",
        "en": "Every unit with questionnaires in the last complete quarter, with its IKM's 95% confidence "
              "interval, the quarter before, and whether it is slipping; units with too small a sample marked "
              "provisional.",
    },
    "data.desc.pimpinan-peringkat-ikm": {
        "id": "Unit dengan sampel memadai, diurutkan menurut IKM triwulan lengkap terakhir.",
        "en": "Units with an adequate sample, ranked by IKM of the last complete quarter.",
    },
    "data.desc.pimpinan-tidak-diperingkat": {
        "id": "Unit yang tidak diperingkat pada triwulan lengkap terakhir, dengan alasannya.",
        "en": "Units left out of the ranking of the last complete quarter, with the reason.",
    },
    "data.desc.pimpinan-peringkat-pengaduan": {
        "id": "Unit diurutkan menurut penyelesaian dalam batas waktu, triwulan lengkap terakhir.",
        "en": "Units ranked by resolutions within the limit, over the last complete quarter.",
    },
    "data.desc.pimpinan-ombudsman": {
        "id": "Nilai kepatuhan Ombudsman RI per tahun untuk kedua wilayah dan kota pembanding.",
        "en": "Ombudsman RI compliance score by year for both regions and the peer cities.",
    },
    "data.unit.points": {"id": "poin IKM (+ naik, − turun)", "en": "IKM points (+ up, − down)"},
    "data.unit.year": {"id": "tahun (TTTT)", "en": "year (YYYY)"},
    "data.unit.compliance": {"id": "nilai 0–100", "en": "score 0–100"},
    "data.dict.ikm.col.reason": {"id": "Mengapa unit tidak diperingkat (sampel kurang, populasi tidak diketahui).",
                                 "en": "Why the unit is not ranked (sample too small, population unknown)."},
    "data.dict.lead.col.status": {
        "id": "Menurun (di bawah target, atau turun dari triwulan sebelumnya, menurut selang kepercayaan 95%), tidak "
              "menurun, atau belum dapat dinilai.",
        "en": "Slipping (below the target, or down from the quarter before, by the 95% confidence interval), not "
              "slipping, or cannot be judged yet.",
    },
    "data.dict.lead.col.sample_status": {
        "id": "Resmi bila sampel memadai; sementara bila sampel di bawah minimum atau populasi tidak diketahui.",
        "en": "Official when the sample is adequate; provisional when it is below the minimum or the population is "
              "unknown.",
    },
    "data.dict.lead.col.ikm_previous": {"id": "IKM unit pada triwulan sebelumnya.",
                                        "en": "The unit's IKM in the quarter before."},
    "data.dict.lead.col.ci_low_previous": {
        "id": "Batas bawah selang kepercayaan 95% IKM unit pada triwulan sebelumnya.",
        "en": "The lower end of the 95% confidence interval of the unit's IKM in the quarter before.",
    },
    "data.dict.lead.col.direction": {"id": "Apakah mutu unit naik atau turun.",
                                     "en": "Whether the unit's grade went up or down."},
    "data.dict.lead.col.grade_before": {"id": "Mutu unit pada periode pembanding.",
                                        "en": "The unit's grade in the earlier period."},
    "data.dict.lead.col.grade_now": {"id": "Mutu unit pada periode terakhir.",
                                     "en": "The unit's grade over the latest period."},
    "data.dict.lead.col.ikm_before": {"id": "IKM unit pada periode pembanding.",
                                      "en": "The unit's IKM in the earlier period."},
    "data.dict.lead.col.ikm_now": {"id": "IKM unit pada periode terakhir.",
                                   "en": "The unit's IKM over the latest period."},
    "data.dict.lead.col.change": {"id": "IKM kini dikurangi IKM sebelum.", "en": "IKM now minus IKM before."},
    "data.dict.lead.col.n_before": {"id": "Jumlah responden pada periode pembanding.",
                                    "en": "Number of respondents in the earlier period."},
    "data.dict.lead.col.n_now": {"id": "Jumlah responden pada periode terakhir.",
                                 "en": "Number of respondents over the latest period."},
    "data.dict.lead.col.newly": {"id": "Pengaduan terbuka yang melewati batas waktu sejak tanggal pembanding.",
                                 "en": "Open complaints that passed their time limit since the comparison date."},
    "data.dict.lead.col.newly_stage": {"id": "Pengaduan terbuka di tahap {label} yang melewati batas waktunya sejak "
                                          "tanggal pembanding.",
                                    "en": "Open complaints at the stage {label} that passed its time limit since the "
                                          "comparison date."},
    "data.dict.lead.col.overdue_total": {"id": "Semua pengaduan terbuka unit itu yang sudah lewat batas.",
                                         "en": "All of the unit's open complaints already past the limit."},
    "data.dict.lead.col.measure": {"id": "Apa yang diukur (IKM, tanggapan pertama, pengaduan lewat batas).",
                                   "en": "What is measured (IKM, first response, complaints past the limit)."},
    "data.dict.lead.col.value": {"id": "Nilai saat ini, dalam kata-kata dan angka.",
                                 "en": "The current value, in words and figures."},
    "data.dict.lead.col.target": {"id": "Target yang ditetapkan pengelola dasbor.",
                                  "en": "The target set by the dashboard's operators."},
    "data.dict.lead.col.gap": {"id": "Seberapa jauh dari target, atau \"tercapai\".",
                               "en": "How far from the target, or \"met\"."},
    "data.dict.lead.ombudsman.col.entity": {"id": "Pemerintah daerah yang dinilai.",
                                            "en": "The local government assessed."},
    "data.dict.lead.ombudsman.col.role": {"id": "Wilayah kita (Pasuruan) atau kota pembanding.",
                                          "en": "Our region (Pasuruan) or a peer city."},
    "data.dict.lead.ombudsman.col.year": {"id": "Tahun penilaian.", "en": "Year of the assessment."},
    "data.dict.lead.ombudsman.col.score": {"id": "Nilai kepatuhan standar pelayanan publik dari Ombudsman RI.",
                                           "en": "Public service standards compliance score from Ombudsman RI."},
    "data.dict.lead.ombudsman.col.band": {"id": "Kategori nilai menurut aturan tahun itu.",
                                          "en": "The score's band under that year's rules."},
    "data.dict.lead.ombudsman.col.note": {"id": "Keterangan tambahan.", "en": "Additional remarks."},
    "data.dict.lead.ombudsman.col.source": {"id": "Asal angka (laporan Ombudsman RI).",
                                            "en": "Where the figure comes from (Ombudsman RI report)."},
    # Faults (components/survey/views.py): a questionnaire sent while the database is down.
    "faults.survey_not_stored": {
        "id": "**Jawaban Anda belum tersimpan**: basis data sedang tidak dapat dihubungi. Semua jawaban masih ada di "
              "formulir ini. Silakan tekan **{button}** lagi dalam beberapa menit, tanpa memuat ulang halaman.",
        "en": "**Your answers have not been saved**: the database cannot be reached right now. All your answers are "
              "still in this form. Please press **{button}** again in a few minutes, without reloading the page.",
    },
    # Accessibility (components/map/views.py): the way past the map, and unit cards opened without a mouse.
    "a11y.map.skip": {"id": "Lewati peta, langsung ke daftar unit ↓", "en": "Skip the map, go to the list of units ↓"},
    "a11y.map.card_pick": {"id": "Buka rapor unit", "en": "Open a unit's report card"},
    "a11y.map.card_placeholder": {"id": "Ketik nama atau kode unit", "en": "Type a unit's name or code"},
    "a11y.map.card_open": {"id": "Buka rapor {name}", "en": "Open the report card of {name}"},
    # STRINGS_END_MARKER_DO_NOT_REMOVE: new blocks go above this line.
}

# Official Indonesian names come from the domain modules; only their English renderings live here.
_REGION_EN = {"35.14": "Pasuruan Regency", "35.75": "Pasuruan City"}
_GRADE_EN = {"A": "Very good", "B": "Good", "C": "Poor", "D": "Not good"}
STRINGS.update({f"region.{r['code']}": {"id": r["name"], "en": _REGION_EN[r["code"]]} for r in REGIONS})
STRINGS.update({f"grade.{grade}": {"id": label, "en": _GRADE_EN[grade]} for _, grade, label in GRADE_BANDS})
# Ombudsman RI's band names (data_access.ombudsman) are its own Indonesian terms; English gives their meaning, and
# keeps the colour-zone names, which readers meet in Ombudsman RI's reports, beside it.
_OMBUDSMAN_BAND_EN = {
    "zona hijau": "zona hijau (green zone)", "zona kuning": "zona kuning (yellow zone)",
    "zona merah": "zona merah (red zone)", "A — kualitas tertinggi": "A — highest quality",
    "B — kualitas tinggi": "B — high quality", "C — kualitas sedang": "C — medium quality",
    "D/E — kualitas rendah": "D/E — low quality", OPINION_LABEL: "Ombudsman RI opinion",
}
STRINGS.update({f"ombudsman.band.{label}": {"id": label, "en": _OMBUDSMAN_BAND_EN[label]}
                for label in [*(b[1] for b in (*BANDS_UNTIL_2021, *BANDS_2022_2024)), OPINION_LABEL]})
# Short element and profile labels for charts and tables (official element names: data_access.elements).
_ELEMENT_SHORT = {
    "persyaratan": ("Persyaratan", "Requirements"), "prosedur": ("Prosedur", "Procedure"),
    "waktu": ("Waktu", "Time"), "biaya": ("Biaya", "Cost"), "produk": ("Produk", "Product"),
    "kompetensi": ("Kompetensi", "Competence"), "perilaku": ("Perilaku", "Conduct"),
    "pengaduan": ("Pengaduan", "Complaint handling"), "sarana": ("Sarana", "Facilities"),
}
_SEX = {"L": ("Laki-laki", "Male"), "P": ("Perempuan", "Female")}
_SURVEY_CHANNEL = {"qr": ("Kode QR", "QR code"), "kertas": ("Formulir kertas", "Paper form"), "web": ("Web", "Web"),
                   "petugas": ("Dibantu petugas", "With staff")}
STRINGS.update({f"ikm.element.{name}": dict(zip(LANGUAGES, _ELEMENT_SHORT[name], strict=True)) for name in ELEMENTS})
STRINGS.update({f"ikm.profile.sex.{sex}": dict(zip(LANGUAGES, _SEX[sex], strict=True)) for sex in SEXES})
STRINGS.update({f"ikm.profile.channel.{c}": dict(zip(LANGUAGES, _SURVEY_CHANNEL[c], strict=True))
                for c in SURVEY_CHANNELS})
# The survey form: the regulation's sample questions (PermenPANRB 14/2017), English renderings of its official
# Indonesian answer labels (data_access.elements.ANSWER_LABELS), and of the profile vocabularies.
_QUESTION = {
    "persyaratan": ("Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
                    "How well do the requirements match the kind of service?"),
    "prosedur": ("Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
                 "How easy is this unit's service procedure?"),
    "waktu": ("Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
              "How fast was the service delivered?"),
    "biaya": ("Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
              "How fair is the cost or fee of the service?"),
    "produk": (("Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar "
                "pelayanan dengan hasil yang diberikan?"),
               "How well does what you received match what the service standard promises?"),
    "kompetensi": ("Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
                   "How competent are the staff?"),
    "perilaku": (("Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan "
                  "keramahan?"), "How polite and friendly are the staff?"),
    "sarana": ("Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
               "How good are the facilities?"),
    "pengaduan": ("Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
                  "How are complaints, suggestions and feedback handled?"),
}
_ANSWER_EN = {
    "persyaratan": ("not appropriate", "not very appropriate", "appropriate", "very appropriate"),
    "prosedur": ("not easy", "not very easy", "easy", "very easy"),
    "waktu": ("not fast", "not very fast", "fast", "very fast"),
    "biaya": ("very expensive", "rather expensive", "cheap", "free"),
    "produk": ("not appropriate", "not very appropriate", "appropriate", "very appropriate"),
    "kompetensi": ("not competent", "not very competent", "competent", "very competent"),
    "perilaku": ("not polite and friendly", "not very polite and friendly", "polite and friendly",
                 "very polite and friendly"),
    "pengaduan": ("none", "exists but does not work", "works, not fully", "well managed"),
    "sarana": ("poor", "fair", "good", "very good"),
}
_EDUCATION_EN = {"SD ke bawah": "primary or less", "SMP": "junior high", "SMA": "senior high",
                 "D1-D4": "diploma", "S1": "bachelor", "S2 ke atas": "master or higher"}
_OCCUPATION_EN = {"PNS": "civil servant", "TNI": "armed forces", "POLRI": "police", "Swasta": "private employee",
                  "Wirausaha": "self-employed", "Pelajar/Mahasiswa": "student", "Lainnya": "other"}
STRINGS.update({f"survey.question.{name}": dict(zip(LANGUAGES, _QUESTION[name], strict=True)) for name in ELEMENTS})
STRINGS.update({f"survey.answer.{name}.{value}": {"id": label, "en": f"{label} ({_ANSWER_EN[name][value - 1]})"}
                for name in ELEMENTS for value, label in enumerate(ANSWER_LABELS[name], start=1)})
STRINGS.update({f"survey.education.{e}": {"id": e, "en": f"{e} ({_EDUCATION_EN[e]})"} for e in EDUCATIONS})
STRINGS.update({f"survey.occupation.{o}": {"id": o, "en": f"{o} ({_OCCUPATION_EN[o]})"} for o in OCCUPATIONS})


@contextmanager
def request_language(lang: str) -> Iterator[None]:
    """Within the block, `t` speaks `lang` in this thread, whatever session state holds."""
    token = _REQUEST_LANGUAGE.set(lang)
    try:
        yield
    finally:
        _REQUEST_LANGUAGE.reset(token)


def current_language() -> str:
    lang = _REQUEST_LANGUAGE.get() or st.session_state.get(LANG_KEY, DEFAULT_LANGUAGE)
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, lang: str | None = None, **values) -> str:
    """The UI string `key` in the active (or given) language, with {placeholders} filled."""
    entry = STRINGS[key]
    text = entry[lang or current_language()]
    return text.format(**values) if values else text
