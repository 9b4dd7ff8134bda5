"""Numbers, dates and times as Indonesian readers write them (1.234,5; 22 Nov 2026 14.05 WIB)."""

from __future__ import annotations

from datetime import date, datetime

from components.i18n import current_language, t
from data_access.workdays import WIB

_SEPARATORS = {"id": (".", ","), "en": (",", ".")}


def fmt_number(value: float | int | None, decimals: int = 0, lang: str | None = None) -> str:
    """1234.5 -> '1.234,5' in Indonesian, '1,234.5' in English; None -> '–'."""
    if value is None:
        return "–"
    thousands, decimal = _SEPARATORS[lang or current_language()]
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)


def fmt_signed(value: float | None, decimals: int = 2, lang: str | None = None) -> str | None:
    """A change with its sign, '+1,20' / '-0,35'; None stays None (no change to show)."""
    if value is None:
        return None
    return ("+" if value >= 0 else "-") + fmt_number(abs(value), decimals, lang)


def fmt_pct(value: float | None, decimals: int = 1, lang: str | None = None) -> str:
    if value is None:
        return "–"
    return f"{fmt_number(value, decimals, lang)}%"


def fmt_date(day: date, lang: str | None = None) -> str:
    return f"{day.day} {t(f'month.{day.month}', lang)} {day.year}"


def fmt_datetime_wib(instant: datetime | None, lang: str | None = None) -> str:
    """An aware instant shown in WIB: '22 Nov 2026 14.05 WIB' (Indonesian uses a dot between hours and minutes)."""
    if instant is None:
        return "–"
    local = instant.astimezone(WIB)
    separator = "." if (lang or current_language()) == "id" else ":"
    return f"{fmt_date(local.date(), lang)} {local.hour:02d}{separator}{local.minute:02d} WIB"


def fmt_quarter(start: date, lang: str | None = None) -> str:
    return t("quarter", lang, q=(start.month - 1) // 3 + 1, year=start.year)


def running_label(today: date, lang: str | None = None) -> str:
    """'berjalan, s.d. 5 Des' / 'running, to 5 Dec': beside a period that has not ended, with the day its figures
    reach (today, WIB)."""
    return t("period.running", lang, day=f"{today.day} {t(f'month.{today.month}', lang)}")
