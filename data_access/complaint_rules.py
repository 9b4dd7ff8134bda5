"""Complaint vocabulary and time limits (DOMAIN.md §2): the one table of limits the app uses."""

from __future__ import annotations

import re

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
    "lapor",  # SP4N-LAPOR!, sub-channel unknown: recaps and Open311 feeds often do not say which one
    "media_sosial",
    "esambat",
    "whatsapp",
    "loket",
)

# The one table of spellings admins type for each channel, besides the channel itself; every importer reads channels
# through channel_of. Case, spaces and punctuation are ignored, so "SP4N-LAPOR!" also covers "sp4n lapor".
# The app's own labels (components/i18n.py) are here too, so a table exported from a page can be imported again.
CHANNEL_ALIASES: dict[str, tuple[str, ...]] = {
    "lapor_web": ("web LAPOR!", "situs LAPOR!", "website LAPOR!", "lapor.go.id", "LAPOR! (situs web)",
                  "LAPOR! (website)"),
    "sms_1708": ("SMS", "1708", "SMS LAPOR!"),
    "lapor_app": ("app LAPOR!", "aplikasi LAPOR!", "LAPOR! mobile", "LAPOR! (aplikasi)"),
    "lapor": ("SP4N-LAPOR!", "SP4N", "SP4N-LAPOR! (kanal tidak tercatat)",
              "SP4N-LAPOR! (channel not recorded)"),
    "media_sosial": ("medsos", "sosmed", "social media", "Twitter", "X (Twitter)", "@LAPOR1708", "Instagram",
                     "Facebook", "TikTok"),
    "esambat": ("Sambat",),
    "whatsapp": ("WA", "WhatsApp unit"),
    "loket": ("counter", "walk-in", "datang langsung", "tatap muka", "loket pengaduan"),
}


def channel_key(spelling: str) -> str:
    """What is left of a spelling once case, spaces and punctuation are dropped: "SP4N-LAPOR!" -> "sp4nlapor"."""
    return re.sub(r"[\W_]+", "", spelling.casefold())


_CHANNEL_SPELLINGS: dict[str, str] = {
    channel_key(spelling): channel
    for channel in CHANNELS
    for spelling in (channel, *CHANNEL_ALIASES.get(channel, ()))
}


def channel_of(spelling: str) -> str | None:
    """Our channel for a spelling from an admin's file, or None when it is none of them."""
    return _CHANNEL_SPELLINGS.get(channel_key(spelling))

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
