"""Ombudsman RI compliance bands, each year judged with the band set of its year (DOMAIN.md §3)."""

from __future__ import annotations

from sqlalchemy import Connection, select

from data_access import schema

# The last year judged with colour zones alone (BANDS_UNTIL_2021); lettered bands follow until FIRST_OPINION_YEAR.
LAST_ZONE_YEAR = 2021
# (lowest score, band, zone) per band set, highest first.
BANDS_UNTIL_2021: tuple[tuple[float, str, str], ...] = (
    (81.0, "zona hijau", "hijau"),
    (51.0, "zona kuning", "kuning"),
    (0.0, "zona merah", "merah"),
)
BANDS_2022_2024: tuple[tuple[float, str, str], ...] = (
    (88.0, "A — kualitas tertinggi", "hijau"),
    (78.0, "B — kualitas tinggi", "hijau"),
    (54.0, "C — kualitas sedang", "kuning"),
    (0.0, "D/E — kualitas rendah", "merah"),
)
FIRST_OPINION_YEAR = 2025  # from 2025 the result is an "Opini Ombudsman RI" (Peraturan Ombudsman 61/2025)
OPINION_LABEL = "Opini Ombudsman RI"


def ombudsman_band(year: int, score: float) -> tuple[str, str | None]:
    """(band label, zone) of a score under its year's band set; from 2025 there are no score bands."""
    if year >= FIRST_OPINION_YEAR:
        return OPINION_LABEL, None
    bands = BANDS_UNTIL_2021 if year <= LAST_ZONE_YEAR else BANDS_2022_2024
    for lowest, label, zone in bands:
        if score >= lowest:
            return label, zone
    return bands[-1][1], bands[-1][2]


def ombudsman_history(conn: Connection) -> list[dict]:
    """Every stored score with its band, oldest first."""
    table = schema.ombudsman_scores
    rows = conn.execute(
        select(table.c.entity, table.c.region_code, table.c.year, table.c.score, table.c.note, table.c.source)
        .order_by(table.c.entity, table.c.year)
    ).mappings()
    history = []
    for row in rows:
        band, zone = ombudsman_band(row["year"], row["score"])
        history.append({**row, "band": band, "zone": zone})
    return history


def latest_ombudsman(conn: Connection) -> dict[str, dict]:
    """The newest score of each of our two regions."""
    latest: dict[str, dict] = {}
    for row in ombudsman_history(conn):
        if row["region_code"]:
            latest[row["region_code"]] = row
    return latest
