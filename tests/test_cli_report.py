"""`python -m data_access report ...` on real databases: JSON out matches hand-computed figures."""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from data_access.cli import build_parser
from data_access.importers import import_file
from tests.factories import add_complaint, add_questionnaires, add_unit, answers_totalling, wib

ROOT = Path(__file__).resolve().parent.parent


def _cli(*args: str, now: str | None = None) -> subprocess.CompletedProcess:
    """The CLI's output; `now` pins the app's clock (DASHBOARD_NOW) where open complaints are counted."""
    env = {**os.environ, "DASHBOARD_NOW": now} if now else None
    return subprocess.run(
        [sys.executable, "-m", "data_access", *args], check=False, cwd=ROOT, capture_output=True, text=True,
        timeout=120, env=env,
    )


def _report(url: str, *args: str, now: str | None = None) -> subprocess.CompletedProcess:
    return _cli("--url", url, "report", *args, now=now)


def test_report_ikm_of_250_questionnaires_with_7947_points_is_88_30_b(engine, db_url):
    unit = add_unit(engine, "3575-MPP", region="35.75", kind="mpp")
    add_questionnaires(engine, unit, answers_totalling(7947, 250), wib(2025, 5, 5, 10))
    done = _report(db_url, "ikm")
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    assert payload["respondents"] == 250
    assert payload["ikm"] == 88.30
    assert (payload["grade"], payload["label"]) == ("B", "Baik")
    assert set(payload["elements"]) == {
        "persyaratan", "prosedur", "waktu", "biaya", "produk", "kompetensi", "perilaku", "pengaduan", "sarana"
    }
    low, high = payload["ci95"]
    assert low <= 88.30 <= high


def test_report_ikm_one_point_more_is_grade_a_and_by_unit_agrees(engine, db_url):
    unit = add_unit(engine, "3514-MPP", region="35.14", kind="mpp")
    add_questionnaires(engine, unit, answers_totalling(7948, 250), wib(2025, 5, 5, 10))
    payload = json.loads(_report(db_url, "ikm", "--region", "35.14").stdout)
    assert (payload["ikm"], payload["grade"]) == (88.31, "A")
    units = json.loads(_report(db_url, "ikm", "--by", "unit").stdout)["units"]
    assert [(u["unit_code"], u["respondents"], u["ikm"], u["grade"]) for u in units] == [("3514-MPP", 250, 88.31, "A")]


def test_report_ikm_period_and_region_filters(engine, db_url):
    unit = add_unit(engine, "3575-PKM-TRAJENG", region="35.75")
    add_questionnaires(engine, unit, answers_totalling(9 * 3 * 10, 10), wib(2025, 1, 31, 23, 30))
    add_questionnaires(engine, unit, answers_totalling(9 * 4 * 10, 10), wib(2025, 2, 1, 0, 30))
    january = json.loads(_report(db_url, "ikm", "--from", "2025-01-01", "--to", "2025-01-31").stdout)
    assert (january["respondents"], january["ikm"]) == (10, 75.0)  # 23:30 WIB on 31 Jan is still January
    kabupaten = json.loads(_report(db_url, "ikm", "--region", "35.14").stdout)
    assert kabupaten["respondents"] == 0 and kabupaten["ikm"] is None


def test_report_complaints_first_response_in_working_days(engine, db_url):
    unit = add_unit(engine, "3575-DISPENDUKCAPIL", region="35.75", kind="opd")
    add_complaint(engine, unit, wib(2025, 3, 26, 9), "ditindaklanjuti", verified_at=wib(2025, 3, 27, 9),
                  first_response_at=wib(2025, 4, 9, 10))
    done = _report(db_url, "complaints", "--unit", "3575-DISPENDUKCAPIL")
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    assert payload["received"] == 1 and payload["open"] == 1
    assert payload["first_response"] == {"median_workdays": 2, "within_limit_pct": 100.0, "unknown_time": 0}
    assert payload["by_status"]["ditindaklanjuti"] == 1
    assert set(payload) >= {"received", "open", "by_status", "verification", "first_response", "resolution",
                            "overdue_open"}


def test_report_rejects_bad_arguments_with_status_2(db_url):
    assert _report(db_url, "ikm", "--unit", "NOPE").returncode == 2
    assert _report(db_url, "ikm", "--unit", "bad code;drop").returncode == 2
    assert _report(db_url, "ikm", "--from", "2025-02-01", "--to", "2025-01-01").returncode == 2
    assert _report(db_url, "ikm", "--from", "2025-13-01").returncode == 2


def test_url_after_the_command_or_its_arguments_reads_the_same_database(engine, db_url):
    unit = add_unit(engine, "3514-MPP", region="35.14", kind="mpp")
    add_questionnaires(engine, unit, answers_totalling(7948, 250), wib(2025, 5, 5, 10))
    before = _report(db_url, "ikm", "--by", "unit")
    assert before.returncode == 0, before.stderr
    assert [u["respondents"] for u in json.loads(before.stdout)["units"]] == [250]
    for args in (("report", "--url", db_url, "ikm", "--by", "unit"), ("report", "ikm", "--url", db_url, "--by", "unit"),
                 ("report", "ikm", "--by", "unit", "--url", db_url)):
        done = _cli(*args)
        assert done.returncode == 0, (args, done.stderr)
        assert done.stdout == before.stdout, args


# Each command with the arguments it requires; a new command must be added here to be checked.
COMMAND_ARGS = {
    "init": (), "demo": ("--seed", "7"), "rollups": (), "qr": ("--base-url", "https://dasbor.example.go.id", "--out",
                                                                "posters"),
    "import": ("units", "units.csv"), "report": ("ikm", "--by", "unit"),
}


def test_every_command_is_checked_below():
    commands = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    assert set(commands.choices) == set(COMMAND_ARGS)


@pytest.mark.parametrize("command", COMMAND_ARGS)
def test_every_command_takes_url_before_or_after_it(command, capsys):
    args = COMMAND_ARGS[command]
    parser = build_parser()
    assert parser.parse_args(["--url", "sqlite:///before.db", command, *args]).url == "sqlite:///before.db"
    assert parser.parse_args([command, "--url", "sqlite:///after.db", *args]).url == "sqlite:///after.db"
    assert parser.parse_args([command, *args, "--url", "sqlite:///last.db"]).url == "sqlite:///last.db"
    assert parser.parse_args([command, *args]).url is None  # then config.database_url() decides
    with pytest.raises(SystemExit):
        parser.parse_args([command, "--help"])
    assert "--url URL" in capsys.readouterr().out


def _open311(request_id: str, status: str, updated: str) -> dict:
    return {"service_request_id": request_id, "status": status, "service_code": "kesehatan",
            "agency_responsible": "3514-PKM-NGEMPIT", "requested_datetime": "2025-07-07T08:00:00+07:00",
            "updated_datetime": updated, "description": "Antrean obat lama"}


def test_report_complaints_of_an_open311_import_has_a_resolution_median(engine, db_url, tmp_path):
    add_unit(engine, "3514-PKM-NGEMPIT", region="35.14")
    # Requested Monday 7 July 2025; closed ones updated (= resolved) 1, 3 and 6 working days later; one still open.
    requests = [_open311("311-1", "closed", "2025-07-08T10:00:00+07:00"),
                _open311("311-2", "closed", "2025-07-10T10:00:00+07:00"),
                _open311("311-3", "closed", "2025-07-15T10:00:00+07:00"),
                _open311("311-4", "open", "2025-07-07T08:00:00+07:00")]
    path = tmp_path / "requests.json"
    path.write_text(json.dumps(requests), encoding="utf-8")
    assert import_file(engine, "open311", path)["added"] == 4
    done = _report(db_url, "complaints", now="2025-07-16T12:00:00+07:00")  # Wednesday
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    # the open request has waited 7 working days for verification (limit 3)
    assert (payload["received"], payload["open"], payload["overdue_open"]) == (4, 1, 1)
    # Open311 has no verification or first-response time: the resolution of each closed request ended both
    assert payload["verification"] == {"median_workdays": None, "within_limit_pct": 0.0, "unknown_time": 3}
    assert payload["first_response"] == {"median_workdays": None, "within_limit_pct": None, "unknown_time": 3}
    # resolution from received: 1, 3 and 6 working days (the open request is still being verified)
    assert payload["resolution"] == {"median_workdays": 3, "p90_workdays": 6, "within_limit_pct": 66.7,
                                     "still_open_pct": 0.0, "unknown_time": 0}
