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
    """How a period that has not ended is labelled wherever it is shown: 'berjalan, s.d. 5 Des' / 'running, to
    5 Dec' — its figures cover only the days up to `today`."""
    return t("period.running", lang, day=f"{today.day} {t(f'month.{today.month}', lang)}")


def fmt_freshness(value: datetime | int, lang: str | None = None) -> str:
    """A source's 'data per' value (data_access.overview.data_freshness): a time in WIB, or for the Ombudsman the
    year of its newest assessment, which is all its publication tells."""
    if isinstance(value, int):
        return t("source.ombudsman_year", lang, year=value)
    return fmt_datetime_wib(value, lang)


def fmt_ombudsman_band(label: str, lang: str | None = None) -> str:
    """An Ombudsman RI band (data_access.ombudsman_band) in the reader's language."""
    return t(f"ombudsman.band.{label}", lang)


def fmt_government(entity: str, region_code: str | None, lang: str | None = None) -> str:
    """A local government as the rest of the dashboard names it: our two regions by their UI name ('Pasuruan
    Regency'), other governments in English as 'Malang City' / 'Malang Regency' rather than 'Kota Malang'."""
    if region_code:
        return t(f"region.{region_code}", lang)
    if (lang or current_language()) == "en":
        for prefix, kind in (("Kota ", "City"), ("Kabupaten ", "Regency")):
            if entity.startswith(prefix):
                return f"{entity.removeprefix(prefix)} {kind}"
    return entity


def readable_ombudsman(row: dict, lang: str | None = None) -> dict:
    """An Ombudsman score row (data_access.ombudsman) with its government and band named in the reader's language."""
    return {**row, "entity": fmt_government(row["entity"], row["region_code"], lang),
            "band": fmt_ombudsman_band(row["band"], lang)}


# A unit's name on screen (a table's name column, a chart's axis) is at most this long: a phone then sees the name
# and the figure beside it. The full name stays in downloads, tooltips and the unit's card.
NAME_LIMIT = 36
# A chart's axis room for a name of NAME_LIMIT characters at Vega's 11 px label font, so Vega never cuts it itself.
NAME_LABEL_LIMIT = 220
_REGION_WORDS = ("Kabupaten", "Kota")
_DANGLING = {"dan", "di", "&", "-"}


def short_name(name: str, limit: int = NAME_LIMIT) -> str:
    """A long unit name shortened in the middle, never at its end: the end is what tells a Kabupaten unit from the
    Kota one of the same service ('Dinas Kependudukan … Kab. Pasuruan' / 'Dinas Kependudukan … Kota Pasuruan')."""
    if len(name) <= limit:
        return name
    words = name.split()
    tail_size = 2 if len(words) > 2 and words[-2] in _REGION_WORDS else 1
    tail = " ".join(words[-tail_size:]).replace("Kabupaten ", "Kab. ")
    if len(compact := " ".join([*words[:-tail_size], tail])) <= limit:
        return compact
    head: list[str] = []
    for word in words[:-tail_size]:
        if len(" ".join([*head, word])) + len(tail) + 3 > limit:
            break
        head.append(word)
    while head and head[-1].lower() in _DANGLING:
        head.pop()
    return f"{' '.join(head) or words[0]} … {tail}"
