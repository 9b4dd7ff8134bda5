"""What the open data API serves: the list of tables with their columns, filters and licence, and each table for
the filters of an address, exactly as the Data page downloads it (`table.frame(table.scope(filters))`), as JSON or
as plain CSV.

Nothing here speaks HTTP (components/api.py does). It runs outside any Streamlit session, in a server thread: the
figures come from the same st.cache_data functions the pages use, and text in the language the request asks for
(i18n.request_language). Only `api_link`, for the pages' "Salin tautan / Kutip", runs in a page's session."""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlencode, urlsplit

import numpy as np
import pandas as pd
import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from components import data
from components.citation import LICENCE
from components.errors import log_failure
from components.filters import describe
from components.i18n import DEFAULT_LANGUAGE, LANGUAGES, t
from components.layout import bound_query_params
from components.satisfaction import figures as ikm_data
from components.table import Column, Table
from data_access import clock
from data_access.exports import plain_csv
from data_access.filters import (
    KECAMATAN_PARAM,
    KIND_PARAM,
    PERIOD_PARAM,
    REGION_PARAM,
    UNIT_PARAM,
    Filters,
    InvalidFilter,
    from_params,
    kecamatan_codes,
)
from data_access.reference import KECAMATAN, REGION_CODES, UNIT_KINDS
from data_access.workdays import WIB

API_PATH = "/api/v1"
LANG_PARAM = "lang"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
FORMATS = {"json": "application/json; charset=utf-8", "csv": "text/csv; charset=utf-8"}
# Bumped when a response's shape changes, so that no client revalidates an old body into a new shape.
_SHAPE = "1"

# Two different choices of every page filter. A table takes a parameter when its scope keeps both choices of it:
# Pimpinan's tables keep the region alone, its rankings replace the period by their own window, a region's element
# table replaces the region by its own.
_PROBES = (
    Filters(region="35.14", kind="mpp", kecamatan=kecamatan_codes("35.14")[0], date_from=date(2001, 1, 1),
            date_to=date(2001, 12, 31)),
    Filters(region="35.75", kind="desa", kecamatan=kecamatan_codes("35.75")[0], date_from=date(2002, 4, 1),
            date_to=date(2002, 6, 30)),
)
_FIELDS = {REGION_PARAM: ("region",), KIND_PARAM: ("kind",), KECAMATAN_PARAM: ("kecamatan",),
           PERIOD_PARAM: ("date_from", "date_to")}


class BadParameter(ValueError):
    """A request parameter the API cannot use; `message` says why in the request's language."""

    def __init__(self, parameter: str, message: str):
        super().__init__(message)
        self.parameter = parameter
        self.message = message


class NotReady(RuntimeError):
    """The database has no schema yet (an administrator must run `init`)."""


@dataclass(frozen=True)
class Answer:
    """A response to be: its entity tag, known before the body, so that a revalidation costs no table."""

    tag: str
    media_type: str
    body: Callable[[], bytes]


def request_lang(params: Mapping[str, str]) -> str:
    lang = params.get(LANG_PARAM, DEFAULT_LANGUAGE)
    if lang not in LANGUAGES:
        raise BadParameter(LANG_PARAM, t("api.error.lang", DEFAULT_LANGUAGE, values=", ".join(LANGUAGES)))
    return lang


def parameters(table: Table) -> tuple[str, ...]:
    """The URL parameters that narrow `table` (besides `lang`): a unit's card takes its unit alone."""
    if table.per_unit:
        return (UNIT_PARAM,)
    scoped = [table.scope(probe) for probe in _PROBES]
    return tuple(name for name, fields in _FIELDS.items()
                 if all(getattr(kept, field) == getattr(probe, field)
                        for kept, probe in zip(scoped, _PROBES, strict=True) for field in fields))


def ready() -> None:
    """Prepare the database as a page view would (the embedded demo database is built on first use)."""
    if not data.prepare_database():
        raise NotReady


def database_failed(error: SQLAlchemyError) -> None:
    """Log it as the pages do, and read the watermark afresh next time rather than trust a cached one."""
    log_failure(error)
    data.forget_watermark()


# ------------------------------------------------------------------------------------------------- filters


def _problem(error: InvalidFilter) -> BadParameter:
    name = error.field
    if name == REGION_PARAM:
        return BadParameter(name, t("api.error.choice", parameter=name, values=", ".join(REGION_CODES)))
    if name == KIND_PARAM:
        return BadParameter(name, t("api.error.choice", parameter=name, values=", ".join(UNIT_KINDS)))
    if name == KECAMATAN_PARAM:
        return BadParameter(name, t("api.error.kecamatan"))
    if name == PERIOD_PARAM:
        first, last = data.data_span()
        return BadParameter(name, t("api.error.periode", first=f"{first:%Y-%m}", last=f"{last:%Y-%m}")
                            if first else t("api.error.periode_none"))
    return BadParameter(UNIT_PARAM, t("api.error.unit"))


def request_filters(table: Table, params: Mapping[str, str]) -> Filters:
    """The filters `table` is built with, as the Data page builds it: every filter parameter given is checked as the
    pages check it (a wrong value is an error even where this table does not use it, so a mistyped link never
    passes unnoticed), a unit's card takes only ?unit=, and the table's scope does the rest."""
    try:
        chosen = from_params(params, data.period_options())
    except InvalidFilter as error:
        raise _problem(error) from None
    if chosen.unit is not None and ikm_data.unit_detail(chosen.unit) is None:
        raise BadParameter(UNIT_PARAM, t("api.error.unit_unknown", code=chosen.unit))
    if table.per_unit:
        if chosen.unit is None:
            raise BadParameter(UNIT_PARAM, t("api.error.unit_required"))
        return table.scope(Filters(unit=chosen.unit))
    return table.scope(chosen.replace(unit=None))


# ------------------------------------------------------------------------------------------------ contents


def _data_time() -> str | None:
    newest = data.newest_change()
    return newest.astimezone(WIB).isoformat(timespec="seconds") if newest else None


def _licence() -> dict:
    return {"name": LICENCE, "url": LICENCE_URL, "attribution": t("app.title")}


def _type(column: Column) -> str:
    if column.decimals is None:
        return "text"
    return "integer" if column.decimals == 0 else "number"


def _column(column: Column) -> dict:
    return {"key": column.key, "label": column.header(), "meaning": column.meaning(), "unit": column.unit,
            "unit_label": column.unit_text(), "type": _type(column), "decimals": column.decimals}


def _urls(table: Table) -> dict:
    return {f"{kind}_url": f"{API_PATH}/{table.key}.{kind}" for kind in FORMATS}


def _table_entry(table: Table) -> dict:
    return {"id": table.key, "title": table.title(Filters()), "page": table.page, "description": table.description(),
            "filters": list(parameters(table)), "columns": [_column(c) for c in table.columns], **_urls(table)}


def _parameter_guide() -> dict:
    return {
        REGION_PARAM: {"meaning": t("api.param.wilayah"),
                       "values": [{"code": code, "name": t(f"region.{code}")} for code in REGION_CODES]},
        KIND_PARAM: {"meaning": t("api.param.jenis"),
                     "values": [{"code": kind, "name": t(f"kind.{kind}")} for kind in UNIT_KINDS]},
        KECAMATAN_PARAM: {"meaning": t("api.param.kecamatan"),
                          "values": [{"code": row["code"], "name": row["name"], REGION_PARAM: row["region_code"]}
                                     for row in KECAMATAN]},
        PERIOD_PARAM: {"meaning": t("api.param.periode"), "values": data.period_options()},
        UNIT_PARAM: {"meaning": t("api.param.unit")},
        LANG_PARAM: {"meaning": t("api.param.lang"), "values": list(LANGUAGES)},
    }


def _tag(*parts) -> str:
    """A weak entity tag of everything a response depends on: the data's watermark (which names the database, so
    it is hashed), the WIB day (overdue counts age with the calendar), and what was asked for."""
    seen = repr((_SHAPE, data.data_version(), clock.today_wib().isoformat(), *parts))
    return 'W/"' + hashlib.sha256(seen.encode()).hexdigest()[:32] + '"'


def _json(payload: dict) -> bytes:
    return json.dumps(payload, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode("utf-8")


def index(tables: Sequence[Table], lang: str) -> Answer:
    def body() -> bytes:
        return _json({"title": t("app.title"), "api": API_PATH, "licence": _licence(), "data_time": _data_time(),
                      "simulated": data.is_demo(), "parameters": _parameter_guide(),
                      "tables": [_table_entry(table) for table in tables]})

    # The tables listed are part of what the listing is made of (the API keeps bodies by their tag).
    return Answer(_tag("index", lang, tuple(table.key for table in tables)), FORMATS["json"], body)


def _plain(value):
    """A cell as JSON has it: blanks as null, numbers as numbers, dates as ISO 8601."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def _filters_applied(filters: Filters) -> dict:
    return {REGION_PARAM: filters.region, KIND_PARAM: filters.kind, KECAMATAN_PARAM: filters.kecamatan,
            UNIT_PARAM: filters.unit, "date_from": filters.date_from.isoformat() if filters.date_from else None,
            "date_to": filters.date_to.isoformat() if filters.date_to else None, "text": describe(filters)}


def rows(frame: pd.DataFrame) -> list[dict]:
    keys = list(frame.columns)
    return [{key: _plain(value) for key, value in zip(keys, row, strict=True)}
            for row in frame.itertuples(index=False, name=None)]


def table(table: Table, kind: str, params: Mapping[str, str], lang: str) -> Answer:
    """`table` for the request's filters, as `kind` (json or csv)."""
    filters = request_filters(table, params)

    def body() -> bytes:
        frame = table.frame(filters)
        if kind == "csv":
            return plain_csv(frame)
        return _json({"table": table.key, "title": table.title(filters), "description": table.description(),
                      "filters": _filters_applied(filters), "licence": _licence(), "data_time": _data_time(),
                      "simulated": data.is_demo(), "columns": [_column(c) for c in table.columns],
                      "rows": rows(frame)})

    return Answer(_tag(table.key, kind, filters, lang), FORMATS[kind], body)


# ------------------------------------------------------------------------------------------ from a page


def api_link(table) -> str | None:
    """The JSON address of `table` as the page shows it: the page's own origin, and those of the address's
    parameters that the table takes (lang among them when it is not the default). None for a unit's table before a
    unit is chosen."""
    taken = (*parameters(table), LANG_PARAM)
    params = {key: value for key, value in bound_query_params().items() if key in taken}
    if table.per_unit and UNIT_PARAM not in params:
        return None
    query = urlencode(params)
    page = urlsplit(st.context.url or "")
    origin = f"{page.scheme}://{page.netloc}" if page.netloc else ""
    return f"{origin}{API_PATH}/{table.key}.json" + (f"?{query}" if query else "")
