"""Complaint vocabulary and time limits (DOMAIN.md §2): the one table of limits the app uses."""

from __future__ import annotations

# Normalised status flow, then the side exits. Order is the funnel's order.
MAIN_FLOW: tuple[str, ...] = ("diterima", "terverifikasi", "didisposisikan", "ditindaklanjuti", "selesai")
SIDE_EXITS: tuple[str, ...] = ("ditunda", "bukan_wewenang", "diarsipkan")
STATUSES: tuple[str, ...] = MAIN_FLOW + SIDE_EXITS

# A complaint still waiting on the government; "ditunda" is paused, not finished.
OPEN_STATUSES: frozenset[str] = frozenset({"diterima", "terverifikasi", "didisposisikan", "ditindaklanjuti", "ditunda"})
# Closed without being resolved: they leave the resolution statistics and are shown as exits in the funnel.
EXIT_STATUSES: frozenset[str] = frozenset({"bukan_wewenang", "diarsipkan"})
# Closed, in funnel order: a clock of theirs without a time of its own or a later one is in no clock (DOMAIN.md §2.2).
CLOSED_STATUSES: tuple[str, ...] = tuple(status for status in STATUSES if status not in OPEN_STATUSES)

CLASSIFICATIONS: tuple[str, ...] = ("pengaduan", "aspirasi", "permintaan_informasi")

CHANNELS: tuple[str, ...] = (
    "lapor_web",
    "sms_1708",
    "lapor_app",
    "media_sosial",
    "esambat",
    "whatsapp",
    "loket",
)

CATEGORIES: tuple[str, ...] = (
    "administrasi_kependudukan",
    "kesehatan",
    "pendidikan",
    "perizinan",
    "infrastruktur_jalan",
    "lingkungan_sampah",
    "air_bersih",
    "penerangan_jalan",
    "sosial",
    "transportasi",
    "ketertiban",
)

# Completion limits in working days, counted from forwarding (terverifikasi). PermenPANRB 62/2018.
TIER_LIMITS: dict[str, int] = {
    "sederhana": 5,
    "tanpa_pemeriksaan": 14,
    "pemeriksaan_lapangan": 60,
}
TIERS: tuple[str, ...] = tuple(TIER_LIMITS)

# Stage limits in working days: verification from received, first response from forwarding.
VERIFICATION_LIMIT = 3
FIRST_RESPONSE_LIMIT = 5

# Never rank a unit on fewer complaints than this (DOMAIN.md §2.4).
MIN_COMPLAINTS_FOR_RANKING = 5

# The three stage clocks (DOMAIN.md §2.2), in the order a complaint meets them.
STAGES: tuple[str, ...] = ("verification", "first_response", "resolution")

# "Falls due soon": the current stage's limit is reached within this many working days.
DUE_SOON_WORKDAYS = 2
# Open complaints by working days left before their current stage's limit (negative: that many past it).
# (key, fewest days left, most days left), both ends inclusive, None open-ended; least urgent first.
BACKLOG_BUCKETS: tuple[tuple[str, int | None, int | None], ...] = (
    ("on_track", DUE_SOON_WORKDAYS + 1, None),
    ("due_soon", 0, DUE_SOON_WORKDAYS),
    ("late_1_5", -5, -1),
    ("late_6_20", -20, -6),
    ("late_over_20", None, -21),
)
