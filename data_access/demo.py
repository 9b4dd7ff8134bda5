"""Seeded, realistic demo data (DESIGN.md "Data"): the demo units, 15 months of questionnaires, complaints with history.

Every random draw comes from one numpy Generator in a fixed order, so seed + until + sizes give identical rows.
Times are built as WIB wall-clock datetime64[s] arrays and become aware UTC datetimes only when rows are made.
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import numpy as np
from sqlalchemy import Connection, Engine, bindparam, delete, func, insert, select, update

from data_access import clock, schema
from data_access.complaint_rollups import rebuild_complaint_rollups
from data_access.complaint_rules import CHANNELS, CLASSIFICATIONS, MAIN_FLOW, SIDE_EXITS, TIER_LIMITS, TIERS
from data_access.db_init import touch_source
from data_access.demo_units import UNITS, DemoUnit
from data_access.elements import EDUCATIONS, ELEMENTS, MAX_ANSWER, MIN_ANSWER, OCCUPATIONS, SEXES, SURVEY_CHANNELS
from data_access.ikm import SCALE
from data_access.progress import Progress, silent
from data_access.reference import REGION_CODES
from data_access.rollups import refresh_for_instants
from data_access.sample import minimum_sample, period_population
from data_access.workdays import WIB, add_workdays, holiday_calendar, is_workday

SOURCE = "demo"
# Enough questionnaires over MONTHS for diligent units to reach their minimum sample every quarter (about 42,000
# a quarter over the demo's 156 units).
DEFAULT_SURVEYS = 250_000
MONTHS = 15
CHUNK_ROWS = 5_000
# The demo follows the project's default rule (cuti bersama is not a working day) whatever the local setting.
CUTI_BERSAMA_LIBUR = True
# Asia/Jakarta has kept UTC+7 without daylight saving since 1964, so one offset converts every demo instant.
WIB_OFFSET = np.timedelta64(int(datetime(2000, 1, 1, tzinfo=WIB).utcoffset().total_seconds()), "s")
MINUTE = np.timedelta64(60, "s")
DAY = np.timedelta64(1, "D")

# --- Questionnaire model: a latent answer per element, rounded and clipped to 1..4 ---------------------------------
# Each element's offset from the unit's level; waktu is the one citizens rate lowest, everywhere.
ELEMENT_OFFSETS = {
    "persyaratan": 0.05, "prosedur": 0.0, "waktu": -0.45, "biaya": -0.10, "produk": 0.05,
    "kompetensi": 0.10, "perilaku": 0.15, "pengaduan": -0.10, "sarana": -0.05,
}
RESPONDENT_SD = 0.35  # one respondent's mood shifts all nine answers together
ITEM_SD = 0.45
ANSWER_SD = math.hypot(RESPONDENT_SD, ITEM_SD)
# Where the service is free most people answer biaya with 4 "Gratis".
FREE_SHARE = 0.85
FREE_SERVICES = frozenset({"mpp", "puskesmas", "kecamatan", "kelurahan", "desa", "DISPENDUKCAPIL", "DINSOS"})
# Target IKM x 25 per grade, kept well inside the bands so sampling noise rarely moves a unit across one.
TARGET_SCORES = {"A": (89.5, 93.5), "B": (78.5, 87.0), "C": (67.0, 75.0), "D": (57.0, 62.0)}
D_UNITS = 2
C_UNITS = 10
A_SHARE = 0.15
D_KINDS = ("puskesmas", "kecamatan", "kelurahan")  # weak units that still collect a fair number of answers
DRIFT_SD = 0.18  # change of a unit's latent level from the first to the last day: some improve, some slip
DRIFT_MAX = 0.35
LEBARAN_MARGIN = timedelta(days=7)
LEBARAN_VOLUME = 0.5
LEBARAN_DIP = 0.1
# A diligent unit collects about the minimum sample (sample.py) of its quarter's users, a little over; a few lax
# ones collect far less, as in reality, and stay "sampel belum memadai". The shares hold at the default size:
# a smaller load scales every unit down alike.
QUARTER_DAYS = 91
DILIGENT_COVERAGE = (1.25, 1.5)
LAX_SHARE = 0.15
LAX_COVERAGE = (0.3, 0.8)
SURVEY_DAY_WEIGHTS = {"workday": 1.0, "saturday": 0.15, "closed": 0.05}
SURVEY_GROWTH = 0.3  # volume rises by this share over the period as QR codes spread
EVENING_SHARE = 0.08  # QR and web answers sometimes come in the evening, at home
SURVEY_CHANNEL_SHARES = {"qr": (0.30, 0.62), "kertas": (0.42, 0.14), "web": (0.10, 0.12), "petugas": (0.18, 0.12)}
SEX_SHARES = (0.47, 0.53)
EDUCATION_SHARES = (0.14, 0.17, 0.39, 0.09, 0.18, 0.03)
OCCUPATION_SHARES = (0.07, 0.01, 0.01, 0.29, 0.24, 0.09, 0.29)
STUDENT = "Pelajar/Mahasiswa"
SUGGESTION_SHARE = 0.07
PERSONAL_SUGGESTION_SHARE = 0.15

_VILLAGE_SERVICES = (("Surat pengantar KTP/KK", 5), ("Surat keterangan domisili", 3),
                     ("Surat keterangan tidak mampu", 2), ("Surat keterangan usaha", 2), ("Surat pengantar nikah", 1))
# Services by unit kind, or by agency for OPD (the part of the code after the region).
SERVICES = {
    "mpp": (("KTP-el", 5), ("Kartu Keluarga", 4), ("Akta Kelahiran", 3), ("Paspor", 3), ("Perpanjangan SIM", 3),
            ("Pajak kendaraan (Samsat)", 3), ("Perizinan berusaha", 2), ("BPJS Kesehatan", 2)),
    "DISPENDUKCAPIL": (("KTP-el", 5), ("Kartu Keluarga", 4), ("Akta Kelahiran", 3), ("Akta Kematian", 1),
                       ("Kartu Identitas Anak", 1), ("Surat pindah datang", 1)),
    "DPMPTSP": (("Perizinan berusaha", 5), ("Persetujuan Bangunan Gedung", 3), ("Izin reklame", 1),
                ("Konsultasi perizinan", 2)),
    "DINKES": (("Izin praktik tenaga kesehatan", 3), ("Sertifikat produksi PIRT", 2),
               ("Sertifikat laik higiene sanitasi", 1), ("Rekomendasi izin apotek", 1)),
    "DINSOS": (("Pendaftaran DTKS", 4), ("Rekomendasi PBI JK", 3), ("Bantuan sosial", 2),
               ("Surat keterangan tidak mampu", 1)),
    "DISPENDIKBUD": (("Legalisasi ijazah", 4), ("Mutasi siswa", 2), ("Izin operasional sekolah", 1),
                     ("Layanan tunjangan guru", 2)),
    "rsud": (("Rawat jalan", 6), ("Instalasi Gawat Darurat", 2), ("Rawat inap", 2), ("Laboratorium", 1),
             ("Farmasi", 2)),
    "puskesmas": (("Pemeriksaan umum", 6), ("Kesehatan ibu dan anak", 3), ("Imunisasi", 2), ("Pemeriksaan gigi", 1),
                  ("Laboratorium", 1), ("Surat keterangan sehat", 1)),
    "kecamatan": (("Pelayanan PATEN", 4), ("Legalisasi dokumen", 3), ("Rekomendasi izin keramaian", 1),
                  ("Dispensasi nikah", 1), ("Surat keterangan ahli waris", 1)),
    "kelurahan": _VILLAGE_SERVICES,
    "desa": _VILLAGE_SERVICES,
}
SUGGESTIONS = (
    "Antrean terlalu lama, mohon tambah petugas loket.",
    "Pelayanan sudah baik, pertahankan.",
    "Ruang tunggu panas, mohon tambah kipas angin.",
    "Informasi persyaratan di papan pengumuman kurang jelas.",
    "Petugas ramah dan cepat, terima kasih.",
    "Mohon jam layanan diperpanjang sampai sore.",
    "Tempat parkir sempit dan tidak teratur.",
    "Nomor antrean online sering error.",
    "Toilet perlu lebih bersih.",
    "Proses selesai lebih cepat dari janji, mantap.",
)

# --- Complaint model --------------------------------------------------------------------------------------------
# Channel shares by region: Kota Pasuruan runs e-Sambat and unit WhatsApp numbers; the Kabupaten leans on LAPOR!.
# Demo complaints always know their sub-channel ("lapor", sub-channel unknown, comes only from imported files).
CHANNEL_SHARES = {
    "35.14": {"lapor_web": 28, "sms_1708": 18, "lapor_app": 14, "lapor": 0, "media_sosial": 10, "esambat": 0,
              "whatsapp": 8, "loket": 22},
    "35.75": {"lapor_web": 10, "sms_1708": 3, "lapor_app": 6, "lapor": 0, "media_sosial": 8, "esambat": 30,
              "whatsapp": 25, "loket": 18},
}
CLASSIFICATION_SHARES = {"pengaduan": 0.78, "aspirasi": 0.12, "permintaan_informasi": 0.10}
TIER_SHARES = {
    "pengaduan": (0.64, 0.26, 0.10),
    "aspirasi": (0.80, 0.20, 0.0),
    "permintaan_informasi": (1.0, 0.0, 0.0),
}
_VILLAGE_CATEGORIES = {"administrasi_kependudukan": 25, "lingkungan_sampah": 20, "penerangan_jalan": 15,
                       "infrastruktur_jalan": 15, "sosial": 10, "ketertiban": 10, "air_bersih": 5}
CATEGORY_SHARES = {
    "mpp": {"administrasi_kependudukan": 50, "perizinan": 30, "kesehatan": 10, "transportasi": 10},
    "DISPENDUKCAPIL": {"administrasi_kependudukan": 1},
    "DPMPTSP": {"perizinan": 1},
    "DINKES": {"kesehatan": 1},
    "DINSOS": {"sosial": 1},
    "DISPENDIKBUD": {"pendidikan": 1},
    "rsud": {"kesehatan": 1},
    "puskesmas": {"kesehatan": 1},
    "kecamatan": {"infrastruktur_jalan": 25, "lingkungan_sampah": 18, "penerangan_jalan": 12, "air_bersih": 10,
                  "ketertiban": 10, "transportasi": 8, "sosial": 9, "administrasi_kependudukan": 8},
    "kelurahan": _VILLAGE_CATEGORIES,
    "desa": {"infrastruktur_jalan": 30, "air_bersih": 15, "lingkungan_sampah": 15, "penerangan_jalan": 10,
             "sosial": 15, "administrasi_kependudukan": 15},
}
# Complaints per unit: grows with its users, and with how much of daily life it touches.
COMPLAINT_KIND_FACTOR = {"mpp": 1.0, "opd": 1.5, "rsud": 1.5, "puskesmas": 0.8, "kecamatan": 2.5, "kelurahan": 0.8,
                         "desa": 0.8}
COMPLAINT_EXPONENT = 0.6
ONLINE_DAY_WEIGHTS = {"workday": 1.0, "saturday": 0.45, "closed": 0.45}
COUNTER_DAY_WEIGHTS = {"workday": 1.0, "saturday": 0.05, "closed": 0.0}
# How each complaint ends: normal units, then chronically slow units (which also let more complaints stall).
OUTCOMES = ("selesai", "stalled", "ditunda", "diarsipkan", "bukan_wewenang")
OUTCOME_SHARES = {False: (0.815, 0.03, 0.02, 0.09, 0.045), True: (0.70, 0.14, 0.03, 0.09, 0.04)}
SLOW_UNIT_SHARE = 0.08
ARCHIVED_AFTER_VERIFICATION = 0.4
# A stalled complaint stops after one of these stages and stays open.
STALL_AFTER = ("diterima", "didisposisikan", "ditindaklanjuti")
STALL_SHARES = (0.2, 0.3, 0.5)
VERIFY_DAYS = ((0, 1, 2, 3), (0.30, 0.35, 0.20, 0.15))
LATE_VERIFY_SHARE = 0.10
RESPOND_DAYS = ((0, 1, 2, 3, 4, 5), (0.15, 0.25, 0.25, 0.15, 0.10, 0.10))
LATE_RESPONSE_SHARE = {False: 0.08, True: 0.60}
ON_TIME_RESOLUTION = {False: 0.88, True: 0.50}
PERSONAL_DESCRIPTION_SHARE = 0.2

COMPLAINT_TEXTS = {
    "administrasi_kependudukan": (
        "KTP-el saya sudah tiga minggu belum jadi, katanya blangko habis.",
        "Pengurusan akta kelahiran anak dipersulit, diminta syarat yang tidak ada di papan informasi.",
        "Nomor antrean Kartu Keluarga sudah habis sejak pagi, warga disuruh kembali besok.",
    ),
    "kesehatan": (
        "Antrean poli umum lebih dari tiga jam dan dokter datang terlambat.",
        "Obat yang diresepkan kosong, pasien BPJS disuruh membeli di apotek luar.",
        "Petugas pendaftaran kurang ramah kepada pasien lansia.",
    ),
    "pendidikan": (
        "Dana PIP anak saya belum cair padahal sudah terdaftar.",
        "Sekolah menarik pungutan seragam yang memberatkan orang tua.",
        "Legalisasi ijazah memakan waktu lebih dari seminggu.",
    ),
    "perizinan": (
        "Pengajuan PBG sudah dua bulan belum ada kejelasan.",
        "NIB dari OSS tidak bisa diverifikasi dan petugas tidak bisa membantu.",
        "Persyaratan izin usaha berbeda antara informasi daring dan di loket.",
    ),
    "infrastruktur_jalan": (
        "Jalan berlubang besar dan sering menyebabkan pengendara motor jatuh.",
        "Perbaikan jalan berhenti di tengah jalan, material dibiarkan menumpuk.",
        "Jembatan kecil dekat sekolah retak dan membahayakan anak-anak.",
    ),
    "lingkungan_sampah": (
        "Sampah di TPS tidak diangkut sudah seminggu dan baunya menyengat.",
        "Saluran air tersumbat sampah sehingga banjir setiap hujan.",
        "Ada pembakaran sampah di lahan kosong setiap malam, asapnya mengganggu.",
    ),
    "air_bersih": (
        "Air PDAM mati tiga hari tanpa pemberitahuan.",
        "Air sumur bor desa keruh dan berbau.",
        "Tagihan air naik padahal alirannya sering mati.",
    ),
    "penerangan_jalan": (
        "Lampu PJU di jalan utama mati sejak sebulan, rawan kejahatan.",
        "Lampu jalan menyala siang hari, boros listrik.",
        "Tiang lampu jalan miring dan hampir roboh.",
    ),
    "sosial": (
        "Nama kami hilang dari daftar penerima bantuan padahal kondisi tidak berubah.",
        "Bantuan sembako dibagikan tidak tepat sasaran.",
        "Pengajuan PBI JK untuk orang tua saya belum diproses.",
    ),
    "transportasi": (
        "Angkutan umum jarang lewat dan sopir menarik tarif di atas ketentuan.",
        "Parkir liar di depan pasar menyebabkan kemacetan setiap pagi.",
        "Rambu lalu lintas di persimpangan hilang.",
    ),
    "ketertiban": (
        "Pedagang kaki lima menutup trotoar di depan pasar.",
        "Suara musik dari tempat hiburan malam mengganggu warga sampai dini hari.",
        "Ada bangunan liar di sempadan sungai.",
    ),
}
# What an information request asks about, and what an aspiration proposes, per category.
CATEGORY_TOPICS = {
    "administrasi_kependudukan": ("persyaratan dan jadwal perekaman KTP-el", "layanan adminduk dibuka hari Sabtu"),
    "kesehatan": ("jadwal dokter dan layanan BPJS", "pendaftaran pasien bisa lewat aplikasi"),
    "pendidikan": ("jadwal dan syarat pendaftaran SPMB", "bantuan seragam untuk siswa tidak mampu"),
    "perizinan": ("persyaratan dan lama proses PBG", "ada pendampingan OSS untuk UMKM"),
    "infrastruktur_jalan": ("rencana perbaikan jalan di wilayah kami", "jalan desa diaspal ulang tahun ini"),
    "lingkungan_sampah": ("jadwal pengangkutan sampah", "bank sampah dibuka di setiap RW"),
    "air_bersih": ("jadwal pemeliharaan jaringan air bersih", "jaringan PDAM diperluas ke dusun kami"),
    "penerangan_jalan": ("cara mengajukan lampu PJU baru", "lampu PJU dipasang di jalan menuju sekolah"),
    "sosial": ("cara mendaftar DTKS", "pendataan bantuan dilakukan terbuka di balai desa"),
    "transportasi": ("trayek dan tarif angkutan umum", "ada angkutan sekolah gratis"),
    "ketertiban": ("aturan berjualan di area pasar", "ada penertiban parkir liar secara rutin"),
}

# --- Fictitious personal data, so the privacy scrubbing has something to find ------------------------------------
FAKE_FIRST_NAMES = ("Budi", "Siti", "Agus", "Dewi", "Eko", "Rina", "Slamet", "Wulan")
FAKE_LAST_NAMES = ("Contoh", "Fiktif", "Samaran", "Fulan")
FAKE_STREETS = ("Melati", "Kenanga", "Anggrek", "Mawar", "Dahlia")
PHONE_PREFIXES = ("0812", "0813", "0821", "0852", "0857", "0877", "0895")
PERSONAL_COMPLAINT_NOTES = (
    "Nama saya {name}, NIK {nik}, HP {phone}.",
    "Mohon dihubungi di {phone} atau {email} (a.n. {name}).",
    "Alamat saya {address}, NIK {nik}.",
    "Pelapor: {name}, {address}, telp {phone}, email {email}.",
)
PERSONAL_SUGGESTIONS = (
    "Saya {name} (HP {phone}) siap dihubungi bila perlu.",
    "Tolong kabari saya lewat {email}, NIK saya {nik}.",
    "Berkas atas nama {name}, {address}, belum selesai; hubungi {phone}.",
)


@dataclass(frozen=True)
class Period:
    """The demo's days (WIB dates) and the instant nothing may reach: the end of `until`, or now if earlier."""

    days: np.ndarray  # datetime64[D]
    day_kinds: np.ndarray  # 'workday', 'saturday' or 'closed' (Sunday or a holiday)
    end: np.datetime64  # WIB wall clock, exclusive


@dataclass(frozen=True)
class UnitPlan:
    """Per-unit parameters, as arrays aligned with UNITS."""

    service_key: tuple[str, ...]
    region: np.ndarray
    base: np.ndarray  # latent answer level, calibrated to a target IKM
    drift: np.ndarray
    free: np.ndarray
    survey_weight: np.ndarray
    complaint_weight: np.ndarray
    slow: np.ndarray


def load_demo(
    engine: Engine,
    *,
    seed: int = 2025,
    surveys: int = DEFAULT_SURVEYS,
    complaints: int = 5_000,
    until: date | None = None,
    progress: Progress = silent,
) -> dict:
    """Replace the demo data with a fresh seeded load; return the rows written per kind."""
    now = clock.now()
    period = _period(until or now.astimezone(WIB).date(), now)
    rng = np.random.default_rng(seed)
    plan = _unit_plan(rng, UNITS)
    survey_columns = _survey_data(rng, plan, period, surveys)
    complaint_columns, events = _complaint_data(rng, plan, period, complaints)
    with engine.begin() as conn:
        replaced_span = _demo_survey_span(conn)
        _delete_demo(conn)
        unit_ids = _upsert_units(conn, UNITS)
        progress("units", len(UNITS), len(UNITS))
        _insert_columns(conn, schema.survey_responses, survey_columns, unit_ids, "surveys", progress)
        _refresh_rollups(conn, replaced_span + _demo_survey_span(conn))
        _insert_columns(conn, schema.complaints, complaint_columns, unit_ids, "complaints", progress)
        history = _history_rows(conn, events)
        _insert_chunks(conn, schema.complaint_status_history, history, "status history", progress)
        rebuild_complaint_rollups(conn)
        _mark_demo(conn, seed)
    return {"units": len(UNITS), "surveys": surveys, "complaints": complaints, "status_history": len(history)}


# --- Period and calendar ------------------------------------------------------------------------------------------

def _period(until: date, now: datetime) -> Period:
    """The MONTHS months ending at `until` (a WIB date); never reaching past now."""
    today = now.astimezone(WIB).date()
    if until > today:
        raise ValueError(f"until {until} is after today ({today} WIB): demo data cannot lie in the future")
    first = _months_before(until, MONTHS) + timedelta(days=1)
    days = np.arange(np.datetime64(first, "D"), np.datetime64(until, "D") + DAY)
    now_wall = np.datetime64(now.astimezone(WIB).replace(tzinfo=None), "s")
    end = min((days[-1] + DAY).astype("datetime64[s]"), now_wall)
    return Period(days=days, day_kinds=_day_kinds(days), end=end)


def _months_before(day: date, months: int) -> date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _day_kinds(days: np.ndarray) -> np.ndarray:
    """'workday', 'saturday' or 'closed' (Sunday or a holiday) per day."""
    workday = np.array([is_workday(day, CUTI_BERSAMA_LIBUR) for day in days.astype(object)])
    holidays = np.array(list(holiday_calendar(CUTI_BERSAMA_LIBUR)), dtype="datetime64[D]")
    weekday = (days.view("int64") + 3) % 7  # Monday = 0: 1970-01-01 was a Thursday
    open_saturday = (weekday == 5) & ~np.isin(days, holidays)
    return np.where(workday, "workday", np.where(open_saturday, "saturday", "closed"))


def _day_weights(period: Period, weights: dict[str, float]) -> np.ndarray:
    return np.array([weights[kind] for kind in period.day_kinds])


def _lebaran_mask(days: np.ndarray) -> np.ndarray:
    """Days within a week of the Idul Fitri holidays and their cuti bersama, found by name in the calendar."""
    fitri = [day for day, name in holiday_calendar(CUTI_BERSAMA_LIBUR).items()
             if "idulfitri" in name.lower().replace(" ", "")]
    mask = np.zeros(len(days), dtype=bool)
    for first, last in _clusters(fitri):
        start = np.datetime64(first - LEBARAN_MARGIN, "D")
        stop = np.datetime64(last + LEBARAN_MARGIN, "D")
        mask |= (days >= start) & (days <= stop)
    return mask


def _clusters(days: list[date], gap: timedelta = timedelta(days=30)) -> list[tuple[date, date]]:
    """Runs of sorted dates with no gap longer than `gap`: one run per Lebaran."""
    runs: list[list[date]] = []
    for day in days:
        if runs and day - runs[-1][-1] <= gap:
            runs[-1].append(day)
        else:
            runs.append([day])
    return [(run[0], run[-1]) for run in runs]


def _draw_days(rng: np.random.Generator, weights: np.ndarray, size: int) -> np.ndarray:
    return rng.choice(len(weights), size=size, p=weights / weights.sum())


def _office_seconds(rng: np.random.Generator, size: int) -> np.ndarray:
    """Seconds after midnight within office hours (07:30-15:45), busiest mid-morning."""
    hours = 7.5 + 8.25 * rng.beta(2.2, 3.5, size)
    return (hours * 3600).astype("int64")


def _at_office(rng: np.random.Generator, days: np.ndarray) -> np.ndarray:
    return days.astype("datetime64[s]") + _office_seconds(rng, len(days)).astype("timedelta64[s]")


def _not_after_end(walls: np.ndarray, period: Period) -> np.ndarray:
    """Move times on the still-running last day back a week, so nothing lies after now; weekday and hour stay."""
    return np.where(walls >= period.end, walls - 7 * DAY, walls)


def _to_utc(walls: np.ndarray) -> list[datetime | None]:
    """Aware UTC datetimes from WIB wall-clock times; NaT gives None."""
    naive = (walls - WIB_OFFSET).astype("datetime64[us]").astype(object)
    return [None if value is None else value.replace(tzinfo=UTC) for value in naive]


def _add_workdays_many(days: np.ndarray, counts: np.ndarray) -> np.ndarray:
    shifted = [add_workdays(day, int(count), CUTI_BERSAMA_LIBUR)
               for day, count in zip(days.astype(object), counts, strict=True)]
    return np.array(shifted, dtype="datetime64[D]")


def _gap(rng: np.random.Generator, low_minutes: int, high_minutes: int, size: int) -> np.ndarray:
    return rng.integers(low_minutes, high_minutes + 1, size) * MINUTE


# --- Units --------------------------------------------------------------------------------------------------------

def _service_key(unit: DemoUnit) -> str:
    """What decides a unit's services and complaint topics: its agency for an OPD, else its kind."""
    return unit.code.split("-", 1)[1] if unit.kind == "opd" else unit.kind


def _unit_plan(rng: np.random.Generator, units: tuple[DemoUnit, ...]) -> UnitPlan:
    keys = tuple(_service_key(unit) for unit in units)
    free = np.array([key in FREE_SERVICES for key in keys])
    targets = _target_scores(rng, units)
    users = np.array([unit.users for unit in units], dtype=float)
    kind_factor = np.array([COMPLAINT_KIND_FACTOR[unit.kind] for unit in units])
    lax = rng.random(len(units)) < LAX_SHARE
    coverage = np.where(lax, rng.uniform(*LAX_COVERAGE, len(units)), rng.uniform(*DILIGENT_COVERAGE, len(units)))
    quarter_minimum = np.array([minimum_sample(period_population(unit.users, QUARTER_DAYS)) for unit in units])
    slow = np.zeros(len(units), dtype=bool)
    slow[rng.permutation(len(units))[: max(1, round(SLOW_UNIT_SHARE * len(units)))]] = True
    return UnitPlan(
        service_key=keys,
        region=np.array([unit.region_code for unit in units]),
        base=np.array([_base_for(target, is_free) for target, is_free in zip(targets, free, strict=True)]),
        drift=np.clip(rng.normal(0.0, DRIFT_SD, len(units)), -DRIFT_MAX, DRIFT_MAX),
        free=free,
        survey_weight=quarter_minimum * coverage,
        complaint_weight=users**COMPLAINT_EXPONENT * kind_factor,
        slow=slow,
    )


def _target_scores(rng: np.random.Generator, units: tuple[DemoUnit, ...]) -> np.ndarray:
    """A target IKM x 25 per unit: mostly B, some A, a few C, D_UNITS D; the MPPs are never below B."""
    order = rng.permutation(len(units))
    grades = np.full(len(units), "B")
    weak = [i for i in order if units[i].kind in D_KINDS][:D_UNITS]
    grades[weak] = "D"
    middling = [i for i in order if grades[i] == "B" and units[i].kind != "mpp"][:C_UNITS]
    grades[middling] = "C"
    strong = [i for i in order if grades[i] == "B"][: round(A_SHARE * len(units))]
    grades[strong] = "A"
    low = np.array([TARGET_SCORES[grade][0] for grade in grades])
    high = np.array([TARGET_SCORES[grade][1] for grade in grades])
    return rng.uniform(low, high)


def _expected_answer(mean: float) -> float:
    """E[answer] for a latent N(mean, ANSWER_SD) rounded and clipped to 1..4: 1 + sum of P(latent >= cut)."""
    cuts = (1.5, 2.5, 3.5)
    return MIN_ANSWER + sum(0.5 * math.erfc((cut - mean) / (ANSWER_SD * math.sqrt(2))) for cut in cuts)


def _expected_score(base: float, free: bool) -> float:
    answers = []
    for element in ELEMENTS:
        expected = _expected_answer(base + ELEMENT_OFFSETS[element])
        if element == "biaya" and free:
            expected = FREE_SHARE * MAX_ANSWER + (1 - FREE_SHARE) * expected
        answers.append(expected)
    return SCALE * sum(answers) / len(answers)


def _base_for(target: float, free: bool) -> float:
    """The latent level whose expected IKM x 25 is target (bisection: the score rises with the level)."""
    low, high = 0.0, 6.0
    for _ in range(40):
        middle = (low + high) / 2
        if _expected_score(middle, free) < target:
            low = middle
        else:
            high = middle
    return (low + high) / 2


# --- Questionnaires -----------------------------------------------------------------------------------------------

def _survey_data(rng: np.random.Generator, plan: UnitPlan, period: Period, size: int) -> dict[str, list]:
    """Columns of the survey_responses rows (unit as an index into UNITS), in time order."""
    lebaran = _lebaran_mask(period.days)
    position = np.linspace(0.0, 1.0, len(period.days))
    day_weights = survey_day_weights(period)
    unit = rng.choice(len(plan.base), size=size, p=plan.survey_weight / plan.survey_weight.sum())
    day = _draw_days(rng, day_weights, size)
    channel = _survey_channels(rng, position[day])
    seconds = _survey_seconds(rng, channel)
    walls = _not_after_end(period.days[day].astype("datetime64[s]") + seconds.astype("timedelta64[s]"), period)
    order = np.argsort(walls, kind="stable")
    unit, day, channel, walls = unit[order], day[order], channel[order], walls[order]
    answers = _answers(rng, plan, unit, position[day], lebaran[day])
    columns = {
        "response_id": [f"DEMO-S-{number:07d}" for number in range(1, size + 1)],
        "submitted_at": _to_utc(walls),
        "unit_id": unit.tolist(),
        "service": _choose_per_unit(rng, unit, [SERVICES[key] for key in plan.service_key]).tolist(),
    }
    columns.update({element: answers[:, i].tolist() for i, element in enumerate(ELEMENTS)})
    columns.update(_profiles(rng, size))
    columns["channel"] = channel.tolist()
    columns["suggestion"] = _suggestions(rng, plan.region[unit])
    columns["source"] = [SOURCE] * size
    return columns


def survey_day_weights(period: Period) -> np.ndarray:
    """Relative questionnaire volume per day: working days, Lebaran's dip, and growth as QR codes spread."""
    position = np.linspace(0.0, 1.0, len(period.days))
    lebaran = _lebaran_mask(period.days)
    return _day_weights(period, SURVEY_DAY_WEIGHTS) * np.where(lebaran, LEBARAN_VOLUME, 1.0) * (
        1 + SURVEY_GROWTH * position)


def _survey_channels(rng: np.random.Generator, position: np.ndarray) -> np.ndarray:
    """QR answers grow and paper forms decline, linearly over the period."""
    start = np.array([SURVEY_CHANNEL_SHARES[channel][0] for channel in SURVEY_CHANNELS])
    stop = np.array([SURVEY_CHANNEL_SHARES[channel][1] for channel in SURVEY_CHANNELS])
    shares = start + np.outer(position, stop - start)
    return np.array(SURVEY_CHANNELS)[_categorical(rng, shares)]


def _survey_seconds(rng: np.random.Generator, channel: np.ndarray) -> np.ndarray:
    office = _office_seconds(rng, len(channel))
    evening = rng.integers(16 * 3600, 21 * 3600 + 1800, len(channel))
    at_home = np.isin(channel, ("qr", "web")) & (rng.random(len(channel)) < EVENING_SHARE)
    return np.where(at_home, evening, office)


def _answers(rng: np.random.Generator, plan: UnitPlan, unit: np.ndarray, position: np.ndarray,
             lebaran: np.ndarray) -> np.ndarray:
    """Nine answers 1..4 per questionnaire: unit level, its drift, the Lebaran dip, mood and item noise."""
    size = len(unit)
    level = plan.base[unit] + plan.drift[unit] * (position - 0.5) - LEBARAN_DIP * lebaran
    mood = rng.normal(0.0, RESPONDENT_SD, size)
    offsets = np.array([ELEMENT_OFFSETS[element] for element in ELEMENTS])
    latent = (level + mood)[:, None] + offsets[None, :] + rng.normal(0.0, ITEM_SD, (size, len(ELEMENTS)))
    answers = np.clip(np.rint(latent), MIN_ANSWER, MAX_ANSWER).astype("int64")
    gratis = plan.free[unit] & (rng.random(size) < FREE_SHARE)
    answers[gratis, ELEMENTS.index("biaya")] = MAX_ANSWER
    return answers


def _profiles(rng: np.random.Generator, size: int) -> dict[str, list]:
    occupation = rng.choice(np.array(OCCUPATIONS), size=size, p=OCCUPATION_SHARES)
    adult_age = np.rint(17 + 58 * rng.beta(2.2, 3.6, size))  # 17..75, mean about 39
    student_age = rng.integers(17, 25, size)
    age = np.where(occupation == STUDENT, student_age, adult_age).astype("int64")
    return {
        "sex": rng.choice(np.array(SEXES), size=size, p=SEX_SHARES).tolist(),
        "age": age.tolist(),
        "education": rng.choice(np.array(EDUCATIONS), size=size, p=EDUCATION_SHARES).tolist(),
        "occupation": occupation.tolist(),
    }


def _suggestions(rng: np.random.Generator, regions: np.ndarray) -> list[str | None]:
    """A few free-text suggestions; some carry fictitious personal data for the privacy scrubbing to catch."""
    size = len(regions)
    written = rng.random(size) < SUGGESTION_SHARE
    personal = written & (rng.random(size) < PERSONAL_SUGGESTION_SHARE)
    plain = rng.integers(0, len(SUGGESTIONS), size)
    template = rng.integers(0, len(PERSONAL_SUGGESTIONS), size)
    people = _fake_people(rng, regions)
    texts: list[str | None] = [None] * size
    for i in np.flatnonzero(written):
        texts[i] = PERSONAL_SUGGESTIONS[template[i]].format(**people(i)) if personal[i] else SUGGESTIONS[plain[i]]
    return texts


# --- Complaints ---------------------------------------------------------------------------------------------------

def _complaint_data(rng: np.random.Generator, plan: UnitPlan, period: Period,
                   size: int) -> tuple[dict[str, list], list[list[tuple[str, datetime]]]]:
    """Columns of the complaints rows (unit as an index into UNITS) and each complaint's history, in time order."""
    unit = rng.choice(len(plan.base), size=size, p=plan.complaint_weight / plan.complaint_weight.sum())
    channel = _complaint_channels(rng, plan.region[unit])
    received = _received_times(rng, channel, period)
    order = np.argsort(received, kind="stable")
    unit, channel, received = unit[order], channel[order], received[order]
    classification = rng.choice(np.array(CLASSIFICATIONS), size=size,
                                p=[CLASSIFICATION_SHARES[c] for c in CLASSIFICATIONS])
    category = _choose_per_unit(rng, unit, [tuple(CATEGORY_SHARES[key].items()) for key in plan.service_key])
    tier = _tiers(rng, classification)
    stages, exit_status, exit_time = _lifecycle(rng, plan.slow[unit], tier, received)
    columns, events = _complaint_outcomes(stages, exit_status, exit_time, period)
    columns.update({
        "ticket": [_ticket(number) for number in range(1, size + 1)],
        "unit_id": unit.tolist(),
        "channel": channel.tolist(),
        "classification": classification.tolist(),
        "category": category.tolist(),
        "tier": tier.tolist(),
        "description": _descriptions(rng, category, classification, plan.region[unit]),
        "source": [SOURCE] * size,
    })
    return columns, events


def _ticket(number: int) -> str:
    return f"DEMO-P-{number:06d}"


def _complaint_channels(rng: np.random.Generator, regions: np.ndarray) -> np.ndarray:
    channel = np.empty(len(regions), dtype=object)
    for region in REGION_CODES:
        rows = np.flatnonzero(regions == region)
        shares = np.array([CHANNEL_SHARES[region][name] for name in CHANNELS], dtype=float)
        picks = rng.choice(len(CHANNELS), size=len(rows), p=shares / shares.sum())
        channel[rows] = np.array(CHANNELS, dtype=object)[picks]
    return channel


def _received_times(rng: np.random.Generator, channel: np.ndarray, period: Period) -> np.ndarray:
    """Counters take complaints in office hours on working days; online channels around the clock."""
    size = len(channel)
    counter = channel == "loket"
    online_day = _draw_days(rng, _day_weights(period, ONLINE_DAY_WEIGHTS), size)
    counter_day = _draw_days(rng, _day_weights(period, COUNTER_DAY_WEIGHTS), size)
    daytime = np.clip(rng.normal(12.0, 3.5, size), 0.0, 23.99)
    anytime = rng.uniform(0.0, 24.0, size)
    online_hours = np.where(rng.random(size) < 0.8, daytime, anytime)
    online_seconds = (online_hours * 3600).astype("int64")
    day = np.where(counter, counter_day, online_day)
    seconds = np.where(counter, _office_seconds(rng, size), online_seconds)
    return _not_after_end(period.days[day].astype("datetime64[s]") + seconds.astype("timedelta64[s]"), period)


def _tiers(rng: np.random.Generator, classification: np.ndarray) -> np.ndarray:
    tier = np.empty(len(classification), dtype=object)
    for name in CLASSIFICATIONS:
        rows = np.flatnonzero(classification == name)
        tier[rows] = np.array(TIERS, dtype=object)[rng.choice(len(TIERS), size=len(rows), p=TIER_SHARES[name])]
    return tier


def _lifecycle(rng: np.random.Generator, slow: np.ndarray, tier: np.ndarray,
               received: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Planned times of the five main stages (n x 5, NaT past where a complaint stops) and of its side exit."""
    outcome = np.array(OUTCOMES)[_categorical(rng, np.array([OUTCOME_SHARES[bool(s)] for s in slow]))]
    stages, days = _stage_plan(rng, slow, tier, received)
    stops = _stops(rng, outcome)
    exit_status = np.where(np.isin(outcome, SIDE_EXITS), outcome, "")
    # A side exit follows the last main stage the complaint reached.
    last = np.minimum(stops, len(MAIN_FLOW)) - 1
    rows = np.arange(len(outcome))
    exit_day = _add_workdays_many(days[rows, last], rng.integers(0, 5, len(outcome)))
    exit_time = np.maximum(_at_office(rng, exit_day), stages[rows, last] + _gap(rng, 30, 240, len(outcome)))
    stages[np.arange(len(MAIN_FLOW))[None, :] >= stops[:, None]] = np.datetime64("NaT")
    return stages, exit_status, exit_time


def _stage_plan(rng: np.random.Generator, slow: np.ndarray, tier: np.ndarray,
                received: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Times (WIB wall clock) and WIB dates of every main stage, as if each complaint went all the way."""
    size = len(received)
    received_day = received.astype("datetime64[D]")
    verified_day = _add_workdays_many(received_day, _verify_delays(rng, size))
    verified = np.maximum(_at_office(rng, verified_day), received + _gap(rng, 20, 180, size))
    forwarded = verified + _gap(rng, 5, 240, size)  # the admin forwards soon after verifying
    response_delay = _response_delays(rng, slow)
    responded_day = _add_workdays_many(verified_day, response_delay)
    responded = np.maximum(_at_office(rng, responded_day), forwarded + _gap(rng, 10, 90, size))
    resolved_day = _add_workdays_many(verified_day, np.maximum(_resolution_delays(rng, slow, tier), response_delay))
    resolved = np.maximum(_at_office(rng, resolved_day), responded + _gap(rng, 30, 240, size))
    stages = np.stack([received, verified, forwarded, responded, resolved], axis=1)
    days = np.stack([received_day, verified_day, forwarded.astype("datetime64[D]"), responded_day, resolved_day],
                    axis=1)
    return stages, days


def _stops(rng: np.random.Generator, outcome: np.ndarray) -> np.ndarray:
    """How many main stages each complaint goes through before it ends, stalls or leaves by a side exit."""
    size = len(outcome)
    stops = np.full(size, len(MAIN_FLOW))
    stalled = outcome == "stalled"
    stall_after = rng.choice(np.array(STALL_AFTER), size=int(stalled.sum()), p=STALL_SHARES)
    stops[stalled] = [_stage_count(status) for status in stall_after]
    stops[outcome == "ditunda"] = _stage_count("ditindaklanjuti")
    archived_unverified = (outcome == "diarsipkan") & (rng.random(size) >= ARCHIVED_AFTER_VERIFICATION)
    stops[np.isin(outcome, ("diarsipkan", "bukan_wewenang"))] = _stage_count("terverifikasi")
    stops[archived_unverified] = _stage_count("diterima")
    return stops


def _stage_count(status: str) -> int:
    """Main stages up to and including status."""
    return MAIN_FLOW.index(status) + 1


def _verify_delays(rng: np.random.Generator, size: int) -> np.ndarray:
    """Working days to verification: usually within the 3-day limit, sometimes a week or more."""
    usual = rng.choice(VERIFY_DAYS[0], size=size, p=VERIFY_DAYS[1])
    late = 4 + rng.geometric(0.3, size)
    return np.where(rng.random(size) < LATE_VERIFY_SHARE, late, usual)


def _response_delays(rng: np.random.Generator, slow: np.ndarray) -> np.ndarray:
    """Working days from forwarding to the first response; slow units are usually past the 5-day limit."""
    size = len(slow)
    usual = rng.choice(RESPOND_DAYS[0], size=size, p=RESPOND_DAYS[1])
    late = rng.integers(6, 15, size)
    late_share = np.where(slow, LATE_RESPONSE_SHARE[True], LATE_RESPONSE_SHARE[False])
    return np.where(rng.random(size) < late_share, late, usual)


def _resolution_delays(rng: np.random.Generator, slow: np.ndarray, tier: np.ndarray) -> np.ndarray:
    """Working days from forwarding to completion: mostly within the tier's limit, some past it."""
    limit = np.array([TIER_LIMITS[name] for name in tier])
    on_time = np.rint(limit * rng.beta(2.2, 1.8, len(tier)))
    late = limit + 1 + np.floor(rng.random(len(tier)) * np.maximum(3, 0.6 * limit))
    on_time_share = np.where(slow, ON_TIME_RESOLUTION[True], ON_TIME_RESOLUTION[False])
    return np.where(rng.random(len(tier)) < on_time_share, on_time, late).astype("int64")


def _complaint_outcomes(stages: np.ndarray, exit_status: np.ndarray, exit_time: np.ndarray,
                        period: Period) -> tuple[dict[str, list], list[list[tuple[str, datetime]]]]:
    """Cut each planned life at the period's end: the stages reached so far give status, times and history."""
    reached = np.sum(stages < period.end, axis=1)  # NaT compares False; planned stages are in time order
    planned = np.sum(~np.isnat(stages), axis=1)
    exited = (exit_status != "") & (reached == planned) & (exit_time < period.end)
    stage_times = [_to_utc(stages[:, k]) for k in range(len(MAIN_FLOW))]
    exit_times = _to_utc(exit_time)
    columns: dict[str, list] = {"received_at": [], "verified_at": [], "first_response_at": [], "resolved_at": [],
                                "status": [], "updated_at": []}
    events = []
    for i in range(len(stages)):
        history = [(MAIN_FLOW[k], stage_times[k][i]) for k in range(int(reached[i]))]
        if exited[i]:
            history.append((str(exit_status[i]), exit_times[i]))
        times = dict(history)
        columns["received_at"].append(times["diterima"])
        columns["verified_at"].append(times.get("terverifikasi"))
        columns["first_response_at"].append(times.get("ditindaklanjuti"))
        columns["resolved_at"].append(times.get("selesai"))
        columns["status"].append(history[-1][0])
        columns["updated_at"].append(history[-1][1])
        events.append(history)
    return columns, events


def _descriptions(rng: np.random.Generator, category: np.ndarray, classification: np.ndarray,
                  regions: np.ndarray) -> list[str]:
    """Short complaint texts; about one in five adds fictitious personal data."""
    size = len(category)
    text_choice = rng.integers(0, 3, size)
    personal = rng.random(size) < PERSONAL_DESCRIPTION_SHARE
    note_choice = rng.integers(0, len(PERSONAL_COMPLAINT_NOTES), size)
    people = _fake_people(rng, regions)
    texts = []
    for i in range(size):
        question, proposal = CATEGORY_TOPICS[category[i]]
        if classification[i] == "permintaan_informasi":
            text = f"Mohon informasi {question}."
        elif classification[i] == "aspirasi":
            text = f"Usul agar {proposal}."
        else:
            text = COMPLAINT_TEXTS[category[i]][text_choice[i]]
        if personal[i]:
            text = f"{text} {PERSONAL_COMPLAINT_NOTES[note_choice[i]].format(**people(i))}"
        texts.append(text)
    return texts


def _fake_people(rng: np.random.Generator, regions: np.ndarray):
    """A lookup i -> fictitious name, NIK (16 digits), 08xx phone, example.com e-mail and home address."""
    size = len(regions)
    first = rng.integers(0, len(FAKE_FIRST_NAMES), size)
    last = rng.integers(0, len(FAKE_LAST_NAMES), size)
    nik_tail = rng.integers(0, 10**12, size)
    phone_prefix = rng.integers(0, len(PHONE_PREFIXES), size)
    phone_tail = rng.integers(0, 10**8, size)
    street = rng.integers(0, len(FAKE_STREETS), size)
    house, rt, rw = rng.integers(1, 80, size), rng.integers(1, 15, size), rng.integers(1, 10, size)

    def person(i: int) -> dict[str, str]:
        name = f"{FAKE_FIRST_NAMES[first[i]]} {FAKE_LAST_NAMES[last[i]]}"
        return {
            "name": name,
            "nik": f"{regions[i].replace('.', '')}{nik_tail[i]:012d}",
            "phone": f"{PHONE_PREFIXES[phone_prefix[i]]}{phone_tail[i]:08d}",
            "email": f"{name.lower().replace(' ', '.')}{house[i]}@example.com",
            "address": f"Jl. {FAKE_STREETS[street[i]]} No. {house[i]} RT {rt[i]:02d}/RW {rw[i]:02d}",
        }

    return person


# --- Shared sampling helpers --------------------------------------------------------------------------------------

def _categorical(rng: np.random.Generator, shares: np.ndarray) -> np.ndarray:
    """One index per row of a (rows x options) share matrix."""
    cumulative = np.cumsum(shares, axis=1)
    draws = rng.random(len(shares)) * cumulative[:, -1]
    return np.minimum((draws[:, None] >= cumulative).sum(axis=1), shares.shape[1] - 1)


def _choose_per_unit(rng: np.random.Generator, unit: np.ndarray,
                     options: list[tuple[tuple[str, float], ...]]) -> np.ndarray:
    """For each row a weighted choice among its unit's options."""
    chosen = np.empty(len(unit), dtype=object)
    for index, unit_options in enumerate(options):
        rows = np.flatnonzero(unit == index)
        names = np.array([name for name, _ in unit_options], dtype=object)
        weights = np.array([weight for _, weight in unit_options], dtype=float)
        chosen[rows] = names[rng.choice(len(names), size=len(rows), p=weights / weights.sum())]
    return chosen


# --- Writing ------------------------------------------------------------------------------------------------------

def _demo_survey_span(conn: Connection) -> tuple:
    """(first, last) submitted_at of the demo questionnaires, (None, None) when there are none."""
    table = schema.survey_responses
    span = select(func.min(table.c.submitted_at), func.max(table.c.submitted_at)).where(table.c.source == SOURCE)
    return tuple(conn.execute(span).one())


def _refresh_rollups(conn: Connection, instants: tuple) -> None:
    """Recompute the daily rollups over the days of both the replaced and the new demo questionnaires."""
    known = [instant for instant in instants if instant is not None]
    if known:
        refresh_for_instants(conn, min(known), max(known))


def _delete_demo(conn: Connection) -> None:
    demo_complaints = select(schema.complaints.c.id).where(schema.complaints.c.source == SOURCE)
    # SQLite cascades only when PRAGMA foreign_keys is on; deleting history first works on any connection.
    conn.execute(delete(schema.complaint_status_history)
                 .where(schema.complaint_status_history.c.complaint_id.in_(demo_complaints)))
    conn.execute(delete(schema.complaints).where(schema.complaints.c.source == SOURCE))
    conn.execute(delete(schema.survey_responses).where(schema.survey_responses.c.source == SOURCE))


def _upsert_units(conn: Connection, units: tuple[DemoUnit, ...]) -> list[int]:
    """Insert or refresh the demo units by code; their ids, aligned with units."""
    table = schema.service_units
    codes = [unit.code for unit in units]
    existing = set(conn.execute(select(table.c.code).where(table.c.code.in_(codes))).scalars())
    rows = [unit.row() for unit in units]
    new = [row for row in rows if row["code"] not in existing]
    if new:
        conn.execute(insert(table), new)
    changed = [{**row, "match_code": row["code"]} for row in rows if row["code"] in existing]
    if changed:
        conn.execute(update(table).where(table.c.code == bindparam("match_code")), changed)
    ids = dict(conn.execute(select(table.c.code, table.c.id).where(table.c.code.in_(codes))).all())
    return [ids[code] for code in codes]


def _insert_columns(conn: Connection, table, columns: dict[str, list], unit_ids: list[int], stage: str,
                    progress: Progress) -> None:
    """Insert rows given as columns (unit as an index into UNITS), CHUNK_ROWS at a time: row dicts exist for one
    chunk only, which keeps the memory of a large load small."""
    size = len(columns["unit_id"])
    for start in range(0, size, CHUNK_ROWS):
        chunk = {name: values[start:start + CHUNK_ROWS] for name, values in columns.items()}
        chunk["unit_id"] = [unit_ids[index] for index in chunk["unit_id"]]
        rows = [dict(zip(chunk, values, strict=True)) for values in zip(*chunk.values(), strict=True)]
        conn.execute(insert(table), rows)
        progress(stage, start + len(rows), size)


def _history_rows(conn: Connection, events: list[list[tuple[str, datetime]]]) -> list[dict]:
    """Status history rows; complaint ids come from the database, by ticket in one query."""
    table = schema.complaints
    ids = dict(conn.execute(select(table.c.ticket, table.c.id).where(table.c.source == SOURCE)).all())
    return [
        {"complaint_id": ids[_ticket(number)], "status": status, "changed_at": changed_at}
        for number, history in enumerate(events, start=1)
        for status, changed_at in history
    ]


def _insert_chunks(conn: Connection, table, rows: list[dict], stage: str, progress: Progress) -> None:
    for start in range(0, len(rows), CHUNK_ROWS):
        conn.execute(insert(table), rows[start:start + CHUNK_ROWS])
        progress(stage, min(start + CHUNK_ROWS, len(rows)), len(rows))


def _mark_demo(conn: Connection, seed: int) -> None:
    conn.execute(delete(schema.app_meta).where(schema.app_meta.c.key == "demo"))
    conn.execute(insert(schema.app_meta).values(key="demo", value="1"))
    for source in ("units", "surveys", "complaints"):
        touch_source(conn, source, f"data simulasi (seed {seed})")
