"""`python -m data_access import` as admins run it: JSON counts on success, every problem and exit 2 on rejection."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from data_access import schema
from data_access.engine import make_engine
from tests.test_importers import SURVEY_HEADER, TEMPLATES, survey, write_csv

ROOT = Path(__file__).resolve().parent.parent


def run_import(db_url: str, kind: str, path: Path, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "data_access", "--url", db_url, "import", kind, str(path), *options],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,  # the tests read the exit status
    )


def test_url_may_follow_the_file(db_url):
    done = subprocess.run(
        [sys.executable, "-m", "data_access", "import", "units", str(TEMPLATES / "units.csv"), "--url", db_url],
        check=False, cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["added"] > 0
    again = run_import(db_url, "units", TEMPLATES / "units.csv")  # --url first: the same database, nothing new
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["added"] == 0


def survey_count(db_url: str) -> int:
    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(schema.survey_responses)).scalar_one()
    finally:
        engine.dispose()


def test_import_prints_counts_and_reimport_adds_nothing(db_url, tmp_path):
    units = run_import(db_url, "units", TEMPLATES / "units.csv")
    assert units.returncode == 0, units.stderr
    path = write_csv(tmp_path / "surveys.csv", SURVEY_HEADER, [survey("R-1"), survey("R-2"), survey("R-3")])

    first = run_import(db_url, "surveys", path)
    again = run_import(db_url, "surveys", path)

    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout) == {"kind": "surveys", "added": 3, "updated": 0, "unchanged": 0}
    assert json.loads(again.stdout) == {"kind": "surveys", "added": 0, "updated": 0, "unchanged": 3}
    assert survey_count(db_url) == 3


def test_a_bad_file_exits_2_listing_row_column_and_value(db_url, tmp_path):
    assert run_import(db_url, "units", TEMPLATES / "units.csv").returncode == 0
    rows = [survey("R-1"), survey("R-2", waktu="7"), survey("R-3", unit="3575-NOPE")]
    path = write_csv(tmp_path / "surveys.csv", SURVEY_HEADER, rows, delimiter=";", bom=True)

    result = run_import(db_url, "surveys", path)

    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "File rejected: 2 problems; nothing was written.",
        "row 3, column waktu, value '7': answer must be a whole number from 1 to 4",
        ("row 4, column unit_code, value '3575-NOPE': unknown unit code; import it first: "
         "python -m data_access import units FILE"),
    ]
    assert survey_count(db_url) == 0


def test_units_import_prints_its_warnings_and_still_imports(db_url, tmp_path):
    header = ["unit_code", "name", "kind", "region_code", "kecamatan_code", "address", "latitude", "longitude"]
    row = ["3575-MPP", "Mal Pelayanan Publik", "mpp", "35.75", "", "Telp. 0343 421234", "", ""]

    done = run_import(db_url, "units", write_csv(tmp_path / "units.csv", header, [row]))

    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"kind": "units", "added": 1, "updated": 0, "unchanged": 0}
    assert done.stderr.splitlines()[-2:] == [
        "File imported with 1 warning; check these values:",
        ("row 2, column address: looks like it holds a phone number, which every page would publish with the unit; "
         "imported anyway: remove it unless it is the office's own"),
    ]


def test_open311_with_a_map_file(db_url, tmp_path):
    assert run_import(db_url, "units", TEMPLATES / "units.csv").returncode == 0
    requests = TEMPLATES / "open311-georeport.json"

    unmapped = run_import(db_url, "open311", requests)
    bad_map = tmp_path / "map.json"
    bad_map.write_text('{"status": {"open": "baru"}}', encoding="utf-8")
    refused = run_import(db_url, "open311", requests, "--map", str(bad_map))
    mapped = run_import(db_url, "open311", requests, "--map", str(TEMPLATES / "open311-map.json"))

    assert unmapped.returncode == 2 and unmapped.stdout == ""
    assert "field agency_responsible, value 'Mal Pelayanan Publik Kota Pasuruan': 1 request;" in unmapped.stderr
    assert "--map MAPFILE (example: templates/open311-map.json)" in unmapped.stderr
    assert refused.returncode == 2
    assert 'map file map.json: "status" > "open": "baru" is not one of our statuses' in refused.stderr
    assert mapped.returncode == 0, mapped.stderr
    assert json.loads(mapped.stdout) == {"kind": "open311", "added": 2, "updated": 0, "unchanged": 0}
