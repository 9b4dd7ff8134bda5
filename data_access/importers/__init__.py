"""Importing admins' files: check the whole file, then write it in one transaction, or write nothing.

import_file is the way in. Each kind of file has its module (units, surveys, complaints, open311, skm_summaries),
which reads the file into Checks and then, inside the transaction, checks its rows and writes them. Beside them:
columns (what each kind reads), reading (CSV, XLSX and JSON into trimmed text), checks (vectorised cell checks),
problems (what the admin is told), writing (bulk writes). The formats, for admins: docs/formats.md.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import NamedTuple

import pandas as pd
from sqlalchemy import Connection, Engine

from data_access import clock, schema
from data_access.db_init import touch_source
from data_access.importers import complaints, open311, skm_summaries, surveys, units
from data_access.importers.checks import Checks, max_length
from data_access.importers.problems import reject, top_to_bottom
from data_access.progress import Progress, silent


class Importer(NamedTuple):
    read: Callable[[Path], Checks]  # the file's rows, before the transaction
    write: Callable[[Connection, Checks, pd.Timestamp, Progress], dict]  # check them all, then write; the counts
    source: str  # the data_sources entry whose "data per" time the import moves


IMPORTERS = {
    "units": Importer(units.read_units, units.import_units, "units"),
    "surveys": Importer(surveys.read_surveys, surveys.import_surveys, "surveys"),
    "complaints": Importer(complaints.read_complaints, complaints.import_complaints, "complaints"),
    "open311": Importer(open311.read_open311, open311.import_open311, "complaints"),
    "skm-summary": Importer(skm_summaries.read_summaries, skm_summaries.import_summaries, "surveys"),
}


def import_file(
    engine: Engine, kind: str, path: str | Path, progress: Progress = silent, map_path: str | Path | None = None
) -> dict:
    """Import a units, surveys or complaints CSV/XLSX, or an Open311 JSON file, all or nothing.

    map_path: for open311, a JSON map of the city's own service codes, agencies and statuses to ours
    (docs/formats.md, "Open311 map").
    Returns {"kind", "added", "updated", "unchanged", "warnings"}, warnings being Problems about values imported all
    the same; raises ImportRejected, having written nothing, when any row is invalid or the map file is.
    """
    importer = IMPORTERS.get(kind)
    if importer is None:
        raise ValueError(f"unknown import kind {kind!r}; expected one of {', '.join(IMPORTERS)}")
    write = importer.write
    if map_path is not None:
        if kind != "open311":
            raise reject("a map file (--map) is only read by open311 imports")
        write = partial(open311.import_open311, open311_map=open311.read_open311_map(Path(map_path)))
    path = Path(path)
    now = pd.Timestamp(clock.now())
    checks = importer.read(path)
    with engine.begin() as conn:
        counts = write(conn, checks, now, progress)
        touch_source(conn, importer.source, _detail(path, counts))
    return {"kind": kind, **counts, "warnings": top_to_bottom(checks.warnings)}


def _detail(path: Path, counts: dict) -> str:
    detail = f"impor {path.name}: {counts['added']} baru, {counts['updated']} diubah, {counts['unchanged']} sama"
    return detail[: max_length(schema.data_sources.c.detail)]
