"""`import units`: the service units every other import refers to, added or updated by their code.

A unit's name and address are published on every page, so a value in which the privacy scrubber recognises a NIK,
a phone number or an e-mail address is reported as a warning; the file is imported all the same. A control
character, line break, tab or bidirectional control in them (data_access.text_characters) is refused.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from sqlalchemy import Connection, bindparam, insert, select, update

from data_access import reference, schema
from data_access.importers.checks import Checks, as_mask, by_distinct, max_length, same
from data_access.importers.columns import UNIT_COLUMNS, UNIT_OPTIONAL
from data_access.importers.reading import read_table
from data_access.importers.writing import records
from data_access.privacy import EMAIL_TOKEN, NIK_TOKEN, PHONE_TOKEN, found_by_scrub
from data_access.progress import Progress

MAX_ANNUAL_USERS = 1_000_000_000
KECAMATAN_REGION = {row["code"]: row["region_code"] for row in reference.KECAMATAN}
# What no published unit field should hold, by the token privacy.scrub puts in its place, as a warning names it.
PERSONAL_DATA = {NIK_TOKEN: "a NIK", PHONE_TOKEN: "a phone number", EMAIL_TOKEN: "an e-mail address"}
PUBLISHED_TEXT = ("name", "address")


def read_units(path: Path) -> Checks:
    return Checks(read_table(path, UNIT_COLUMNS, UNIT_OPTIONAL))


def import_units(conn: Connection, checks: Checks, now: pd.Timestamp, progress: Progress) -> dict:
    """Check every row, then write them; raises ImportRejected, having written nothing, if any row is invalid."""
    units = _valid_units(checks)
    _warn_personal_data(checks)
    return _write_units(conn, units, progress)


def unit_index(conn: Connection) -> pd.DataFrame:
    """id and active of every unit, indexed by code: what the other imports check unit codes against."""
    table = schema.service_units.c
    rows = conn.execute(select(table.code, table.id, table.active)).all()
    return pd.DataFrame(rows, columns=["code", "id", "active"]).set_index("code")


def _valid_units(checks: Checks) -> pd.DataFrame:
    """Columns named as in service_units; annual_users only when the file has that column."""
    table = schema.service_units.c
    codes = checks.column("unit_code").str.upper()
    present = checks.present("unit_code", required=True)
    checks.flag(
        present & ~as_mask(codes.str.fullmatch(reference.UNIT_CODE_PATTERN)),
        "unit_code",
        "a unit code is 2 to 40 upper-case letters, digits and dashes, such as 3575-MPP",
    )
    checks.unique("unit_code", codes)
    name = checks.text("name", required=True, max_length=max_length(table.name))
    kind = checks.choice("kind", same(reference.UNIT_KINDS), required=True)
    region = checks.choice("region_code", same(reference.REGION_CODES), required=True)
    kecamatan = checks.choice(
        "kecamatan_code",
        same(tuple(KECAMATAN_REGION)),
        required=False,
        rule="unknown kecamatan code; codes look like 35.14.01 or 35.75.04",
    )
    wrong_region = kecamatan.notna() & region.notna() & kecamatan.map(KECAMATAN_REGION).ne(region)
    checks.flag(wrong_region, "kecamatan_code", "this kecamatan is not in region " + region.astype(str))
    units = {
        "code": codes,
        "name": name,
        "kind": kind,
        "region_code": region,
        "kecamatan_code": kecamatan,
        "address": checks.text("address", required=False, max_length=max_length(table.address)),
        **_coordinates(checks),
    }
    for column in PUBLISHED_TEXT:
        checks.published_text(column)
    if "annual_users" in checks.frame.columns:
        units["annual_users"] = checks.whole_number(
            "annual_users", 0, MAX_ANNUAL_USERS, required=False,
            rule=f"must be a whole number of service users per year, from 0 to {MAX_ANNUAL_USERS:,}",
        )
    checks.raise_if_any()
    return pd.DataFrame(units)


def _coordinates(checks: Checks) -> dict[str, pd.Series]:
    """Latitude and longitude inside the box around both regions, both given or neither."""
    low_lat, high_lat = reference.LATITUDE_RANGE
    low_lng, high_lng = reference.LONGITUDE_RANGE
    latitude = checks.number("latitude", low_lat, high_lat, rule=f"must be a number from {low_lat} to {high_lat}")
    longitude = checks.number("longitude", low_lng, high_lng, rule=f"must be a number from {low_lng} to {high_lng}")
    has_latitude = checks.column("latitude").notna()
    has_longitude = checks.column("longitude").notna()
    checks.flag(has_longitude & ~has_latitude, "latitude", "missing while longitude is given; give both or neither")
    checks.flag(has_latitude & ~has_longitude, "longitude", "missing while latitude is given; give both or neither")
    return {"latitude": latitude, "longitude": longitude}


def _warn_personal_data(checks: Checks) -> None:
    for column in PUBLISHED_TEXT:
        reasons = by_distinct(checks.column(column), lambda distinct: distinct.map(_personal_data), missing=None)
        checks.warn(reasons.notna(), column, reasons)


def _personal_data(text: str) -> str | None:
    """Why a published text needs a second look, or None when privacy.scrub recognises no personal data in it."""
    found = found_by_scrub(text)
    kinds = [words for token, words in PERSONAL_DATA.items() if token in found]
    if not kinds:
        return None
    return (f"looks like it holds {' and '.join(kinds)}, which every page would publish with the unit; imported "
            "anyway: remove it unless it is the office's own")


def _write_units(conn: Connection, units: pd.DataFrame, progress: Progress) -> dict:
    """Insert new codes, update changed ones; the few hundred units are compared in Python."""
    table = schema.service_units
    existing = {row.code: row._mapping for row in conn.execute(select(table))}
    fields = [name for name in units.columns if name != "code"]
    new, changed = [], []
    for unit in records(units):
        old = existing.get(unit["code"])
        if old is None:
            new.append({**unit, "active": True})
        elif any(old[name] != unit[name] for name in fields):
            changed.append({"unit_code": unit["code"], **{name: unit[name] for name in fields}})
    if new:
        conn.execute(insert(table), new)
    if changed:
        conn.execute(update(table).where(table.c.code == bindparam("unit_code")), changed)
    progress("units", len(units), len(units))
    return {"added": len(new), "updated": len(changed), "unchanged": len(units) - len(new) - len(changed)}
