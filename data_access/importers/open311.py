"""`import open311`: GeoReport v2 service requests (a JSON list) as complaints, with an optional map of the city's
own service codes, agencies and statuses to ours (docs/formats.md, "Open311" and "Open311 map").

A value that is neither ours nor in the map is reported once with how many requests carry it, not once per request.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd
from sqlalchemy import Connection

from data_access import complaint_rules, reference
from data_access.importers.checks import Checks, as_mask, by_distinct, loose, loose_key
from data_access.importers.columns import OPEN311_FIELDS
from data_access.importers.complaints import valid_complaints, write_complaints
from data_access.importers.problems import ImportRejected, Problem, reject
from data_access.importers.reading import read_json
from data_access.importers.units import unit_index
from data_access.progress import Progress

# Read besides OPEN311_FIELDS: a map may name units and categories by it.
OPEN311_SERVICE_NAME = "service_name"
# Every GeoReport field read, by the column of the requests' frame it fills, and the other way round.
OPEN311_READ = {**OPEN311_FIELDS, OPEN311_SERVICE_NAME: OPEN311_SERVICE_NAME}
OPEN311_COLUMN = {field: column for column, field in OPEN311_READ.items()}
OPEN311_EXTENSIONS = "extended_attributes"
# A GeoReport request does not say by which SP4N-LAPOR! sub-channel it came: "lapor" says exactly that.
OPEN311_DEFAULTS = {"channel": "lapor", "classification": "pengaduan", "tier": "sederhana"}
OPEN311_STATUSES = {"open": "diterima", "closed": "selesai"}
# Sections of an Open311 map file and the GeoReport fields each maps by, in the order they are tried.
OPEN311_MAP_FIELDS = {
    "category": ("service_code", OPEN311_SERVICE_NAME),
    "unit": ("agency_responsible", OPEN311_SERVICE_NAME),
}
OPEN311_MAP_SECTIONS = (*OPEN311_MAP_FIELDS, "status")
OPEN311_MAP_EXAMPLE = "templates/open311-map.json"
# Statuses whose request's updated_datetime is the time it was closed.
FINISHED_STATUSES = frozenset(complaint_rules.STATUSES) - complaint_rules.OPEN_STATUSES
UNSTORABLE_TEXT = "holds a NUL character (\\u0000) or an unpaired surrogate (\\ud800-\\udfff), which cannot be stored"


@dataclass(frozen=True)
class Open311Map:
    """What a city's own GeoReport values stand for in ours (docs/formats.md, "Open311 map").

    Keys are the GeoReport values made loose (checks.loose_key); values are ours, already checked.
    """

    category: Mapping[str, Mapping[str, str]]  # GeoReport field -> its value -> our category
    unit: Mapping[str, Mapping[str, str]]  # GeoReport field -> its value -> unit code
    status: Mapping[str, str]  # GeoReport status -> our status
    name: str | None = None  # the map file's name; None when no map was given


NO_MAP = Open311Map(category={}, unit={}, status={})


def read_open311(path: Path) -> Checks:
    return Checks(_open311_frame(read_json(path)), OPEN311_FIELDS, row_word="request", column_word="field")


def import_open311(
    conn: Connection, checks: Checks, now: pd.Timestamp, progress: Progress, open311_map: Open311Map = NO_MAP
) -> dict:
    """Check every request, then write them; raises ImportRejected, having written nothing, if any is invalid."""
    units = unit_index(conn)
    _check_map_units(open311_map, units)
    statuses = _apply_open311_map(checks, open311_map, units)
    complaints = valid_complaints(checks, units, now, statuses)
    return write_complaints(conn, complaints, "open311", now, progress)


def _open311_frame(document: object) -> pd.DataFrame:
    """GeoReport v2 service requests as complaint columns of text, indexed by position (first request = 1)."""
    if not isinstance(document, list):
        raise reject("expected a JSON list of service requests (GeoReport v2)")
    if not document:
        raise reject("the file holds no service requests")
    problems: list[Problem] = []
    rows = {}
    for number, request in enumerate(document, start=1):
        if isinstance(request, dict):
            rows[number] = _open311_row(number, request, problems)
        else:
            problems.append(Problem(number, None, None, "a service request must be a JSON object"))
    if problems:
        raise ImportRejected(problems, row_word="request", column_word="field")
    return pd.DataFrame.from_dict(rows, orient="index", dtype="str")


def _open311_row(number: int, request: dict, problems: list[Problem]) -> dict[str, str | None]:
    extensions = request.get(OPEN311_EXTENSIONS) or {}
    if not isinstance(extensions, dict):
        problems.append(Problem(number, OPEN311_EXTENSIONS, None, "must be a JSON object"))
        extensions = {}
    row = {}
    for column, field in OPEN311_READ.items():
        source, _, key = field.rpartition(".")
        value = extensions.get(key) if source == OPEN311_EXTENSIONS else request.get(field)
        if isinstance(value, (dict, list, bool)):
            problems.append(Problem(number, field, None, "must be text or a number"))
            value = None
        text = None if value is None else str(value).strip()
        if text and not _storable(text):
            problems.append(Problem(number, field, None, UNSTORABLE_TEXT))
            text = None
        row[column] = text or OPEN311_DEFAULTS.get(column)
    return row


def _apply_open311_map(checks: Checks, open311_map: Open311Map, units: pd.DataFrame) -> dict[str, str]:
    """Our unit codes and categories into the requests' frame; returns the status words and the statuses they mean.

    A value that is neither ours nor in the map is reported once, with how many requests carry it: a city's export
    repeats a few dozen agencies and services over thousands of requests.
    """
    frame = checks.frame
    where = (f"in the map file {open311_map.name}" if open311_map.name
             else f"in a map file and import with --map MAPFILE (example: {OPEN311_MAP_EXAMPLE})")
    codes = frame["unit_code"].str.upper()
    own_codes = codes.where(codes.isin(units.index))
    _map_column(checks, "unit_code", "unit", open311_map.unit, own_codes, lambda field: (
        f'not the code of an imported unit: map it to one under "unit" > "{field}" {where}'
        if field != OPEN311_SERVICE_NAME else
        f'no agency_responsible: map this service to a unit code under "unit" > "{field}" {where}'))
    categories = {loose_key(category): category for category in complaint_rules.CATEGORIES}
    own_categories = by_distinct(frame["category"], lambda distinct: loose(distinct).map(categories), None)
    _map_column(checks, "category", "category", open311_map.category, own_categories, lambda field: (
        f'not one of our complaint categories: map it to one under "category" > "{field}" {where}'
        if field != OPEN311_SERVICE_NAME else
        f'no service_code: map this service to a category under "category" > "{field}" {where}'))
    statuses = {**OPEN311_STATUSES, **open311_map.status}
    loose_statuses = {loose_key(word): ours for word, ours in statuses.items()}
    ours = by_distinct(frame["status"], lambda distinct: loose(distinct).map(loose_statuses), None)
    _report_once(checks, "status", {"status": frame["status"]}, frame["status"].notna() & ours.isna(),
                 lambda field: f'not an Open311 status (open, closed): map it to one of ours under "status" {where}')
    # The updated_datetime of a request still open is its last change, not its closing.
    frame["resolved_at"] = frame["resolved_at"].where(ours.isin(FINISHED_STATUSES))
    return statuses


def _map_column(
    checks: Checks,
    column: str,
    section: str,
    tables: Mapping[str, Mapping[str, str]],
    own: pd.Series,
    advice: Callable[[str], str],
) -> None:
    """The column becomes ours: the first map entry matching one of its fields in order, else own (the value when
    it is already ours); the others are reported once per value of the first field they have."""
    frame = checks.frame
    fields = {field: frame[OPEN311_COLUMN[field]] for field in OPEN311_MAP_FIELDS[section]}
    ours = pd.Series(None, index=frame.index, dtype=object)
    for field, values in fields.items():
        table = tables.get(field, {})
        mapped = by_distinct(values, lambda distinct, table=table: loose(distinct).map(table), None)
        ours = ours.where(ours.notna(), mapped)
    ours = ours.where(ours.notna(), own)
    has_value = pd.concat(fields.values(), axis=1).notna().any(axis=1)
    _report_once(checks, column, fields, has_value & ours.isna(), advice)
    frame[column] = ours


def _report_once(
    checks: Checks,
    column: str,
    fields: Mapping[str, pd.Series],
    unmapped: pd.Series,
    advice: Callable[[str], str],
) -> None:
    """One problem per value of the first of fields each unmapped request has, with how many requests carry it."""
    named = pd.DataFrame({"field": None, "value": None}, index=checks.frame.index, dtype=object)
    for field, values in reversed(fields.items()):
        has = values.notna()
        named.loc[has, "field"] = field
        named.loc[has, "value"] = values[has]
    counts = named[as_mask(unmapped)].groupby(["field", "value"], sort=False).size()
    checks.excuse(column, unmapped, [
        Problem(None, field, value, f"{count} request{'' if count == 1 else 's'}; {advice(field)}")
        for (field, value), count in counts.items()
    ])


def read_open311_map(path: Path) -> Open311Map:
    """The map file, checked in full before any request is read: every problem in it is listed."""
    name = path.name
    try:
        document = read_json(path)
    except ImportRejected as rejected:
        raise ImportRejected(
            [replace(problem, reason=f"map file {name}: {problem.reason}") for problem in rejected.problems]
        ) from None
    problems: list[str] = []
    if not isinstance(document, dict):
        problems.append('expected a JSON object with the sections "category", "unit" and "status" (example: '
                        f"{OPEN311_MAP_EXAMPLE})")
        document = {}
    problems += [f'unknown section "{section}"; the sections are "category", "unit" and "status"'
                 for section in document if section not in OPEN311_MAP_SECTIONS]
    categories = {loose_key(category): category for category in complaint_rules.CATEGORIES}
    statuses = {loose_key(status): status for status in complaint_rules.STATUSES}
    category = _map_section(
        document, "category", lambda text: categories.get(loose_key(text)),
        f"is not one of our complaint categories ({', '.join(complaint_rules.CATEGORIES)})", problems,
    )
    unit = _map_section(
        document, "unit", _unit_code, "is not a unit code (2 to 40 upper-case letters, digits and dashes)", problems
    )
    status = _map_table(
        document.get("status", {}), '"status"', lambda text: statuses.get(loose_key(text)),
        f"is not one of our statuses ({', '.join(complaint_rules.STATUSES)})", problems,
    )
    if problems:
        raise ImportRejected([Problem(None, None, None, f"map file {name}: {reason}") for reason in problems])
    return Open311Map(category=category, unit=unit, status=status, name=name)


def _map_section(
    document: dict, section: str, ours: Callable[[str], str | None], rule: str, problems: list[str]
) -> dict[str, dict[str, str]]:
    """A section of the map: for each GeoReport field it maps by, that field's table."""
    tables = document.get(section, {})
    fields = OPEN311_MAP_FIELDS[section]
    allowed = " or ".join(f'"{field}"' for field in fields)
    if not isinstance(tables, dict):
        problems.append(f'"{section}" must be a JSON object with {allowed}')
        return {}
    problems += [f'"{section}" > "{field}": unknown field; {section} is mapped by {allowed}'
                 for field in tables if field not in fields]
    return {
        field: _map_table(tables[field], f'"{section}" > "{field}"', ours, rule, problems)
        for field in fields if field in tables
    }


def _map_table(
    table: object, where: str, ours: Callable[[str], str | None], rule: str, problems: list[str]
) -> dict[str, str]:
    """GeoReport value (loose) -> ours; two spellings of one value may not mean two things."""
    if not isinstance(table, dict):
        problems.append(f"{where} must be a JSON object of GeoReport values, each with what it stands for")
        return {}
    mapped: dict[str, str] = {}
    for value, target in table.items():
        key = loose_key(value.strip())
        stored = ours(target) if isinstance(target, str) else None
        if not key:
            problems.append(f"{where}: an entry has an empty name")
        elif stored is None:
            problems.append(f"{where} > {json.dumps(value, ensure_ascii=False)}: "
                            f"{json.dumps(target, ensure_ascii=False)} {rule}")
        elif mapped.setdefault(key, stored) != stored:
            problems.append(f"{where} > {json.dumps(value, ensure_ascii=False)}: another spelling of it (case, spaces "
                            f"and dashes aside) is mapped to {mapped[key]}")
    return mapped


def _unit_code(text: str) -> str | None:
    code = text.strip().upper()
    return code if re.fullmatch(reference.UNIT_CODE_PATTERN, code) else None


def _check_map_units(open311_map: Open311Map, units: pd.DataFrame) -> None:
    """Every unit the map names is imported: a map entry pointing nowhere is a mistake even if no request uses it."""
    unknown = [
        Problem(None, None, None, f'map file {open311_map.name}: "unit" > "{field}": {code} is not the code of an '
                                  "imported unit; import it first: python -m data_access import units FILE")
        for field, table in open311_map.unit.items()
        for code in sorted(set(table.values()) - set(units.index))
    ]
    if unknown:
        raise ImportRejected(unknown)


def _storable(text: str) -> bool:
    """False for what JSON escapes can spell but no database text column holds: NUL (\\u0000), lone surrogates."""
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
