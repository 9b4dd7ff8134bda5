"""The nine SKM elements (PermenPANRB 14/2017), keyed by name, never by question number."""

from __future__ import annotations

# Order follows the regulation's definition list; forms that swap sarana/pengaduan are keyed by name anyway.
ELEMENTS: tuple[str, ...] = (
    "persyaratan",
    "prosedur",
    "waktu",
    "biaya",
    "produk",
    "kompetensi",
    "perilaku",
    "pengaduan",
    "sarana",
)

ELEMENT_NAMES: dict[str, str] = {
    "persyaratan": "Persyaratan",
    "prosedur": "Sistem, Mekanisme, dan Prosedur",
    "waktu": "Waktu Penyelesaian",
    "biaya": "Biaya/Tarif",
    "produk": "Produk Spesifikasi Jenis Pelayanan",
    "kompetensi": "Kompetensi Pelaksana",
    "perilaku": "Perilaku Pelaksana",
    "pengaduan": "Penanganan Pengaduan, Saran dan Masukan",
    "sarana": "Sarana dan prasarana",
}

# Answer labels for 1..4, as printed in the regulation's questionnaire.
ANSWER_LABELS: dict[str, tuple[str, str, str, str]] = {
    "persyaratan": ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
    "prosedur": ("Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"),
    "waktu": ("Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"),
    "biaya": ("Sangat mahal", "Cukup mahal", "Murah", "Gratis"),
    "produk": ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
    "kompetensi": ("Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"),
    "perilaku": ("Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah"),
    "pengaduan": ("Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik"),
    "sarana": ("Buruk", "Cukup", "Baik", "Sangat Baik"),
}

MIN_ANSWER = 1
MAX_ANSWER = 4

# Respondent profile vocabularies (DOMAIN.md §1.5); stored as these keys.
SEXES: tuple[str, ...] = ("L", "P")
EDUCATIONS: tuple[str, ...] = ("SD ke bawah", "SMP", "SMA", "D1-D4", "S1", "S2 ke atas")
OCCUPATIONS: tuple[str, ...] = ("PNS", "TNI", "POLRI", "Swasta", "Wirausaha", "Pelajar/Mahasiswa", "Lainnya")
SURVEY_CHANNELS: tuple[str, ...] = ("qr", "kertas", "web", "petugas")
MIN_AGE = 15
MAX_AGE = 100

# Age groups for the respondent profile: (lowest age, highest age, label).
AGE_GROUPS: tuple[tuple[int, int, str], ...] = (
    (15, 24, "15-24"),
    (25, 34, "25-34"),
    (35, 44, "35-44"),
    (45, 54, "45-54"),
    (55, 64, "55-64"),
    (65, 100, "65+"),
)
# Profile dimensions kept per unit and day: each is a column, or the age group derived from age.
PROFILE_DIMENSIONS: tuple[str, ...] = ("sex", "age_group", "education", "occupation", "channel")
