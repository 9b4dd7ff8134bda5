"""import_file on real CSV, XLSX and Open311 files, against fresh SQLite and PostgreSQL databases."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select, update

from data_access import complaint_rules, schema
from data_access.elements import ELEMENTS
from data_access.importers import import_file
from data_access.importers.problems import ImportRejected, Problem, render_warnings
from data_access.importers.reading import MAX_COLUMNS, MAX_ROWS
from data_access.questionnaire import MAX_SUGGESTION_LENGTH

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates"

UNIT_HEADER = ["unit_code", "name", "kind", "region_code", "kecamatan_code", "address", "latitude", "longitude",
               "annual_users"]
MPP = ["3575-MPP", "Mal Pelayanan Publik Kota Pasuruan", "mpp", "35.75", "35.75.04", "Jl. KH. Wachid Hasyim",
       "-7.6435", "112.9053", "48000"]
NGEMPIT = ["3514-PKM-NGEMPIT", "Puskesmas Ngempit", "puskesmas", "35.14", "35.14.16", "Desa Ngempit", "-7.6651",
           "112.8439", ""]

SURVEY_HEADER = ["response_id", "submitted_at", "unit_code", "service", *ELEMENTS, "sex", "age", "education",
                 "occupation", "channel", "suggestion"]
COMPLAINT_HEADER = ["ticket", "unit_code", "channel", "classification", "category", "tier", "received_at",
                    "verified_at", "first_response_at", "resolved_at", "status", "description"]


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def survey(response_id: str, submitted_at: str = "2025-03-27 09:00", unit: str = "3575-MPP", **changes) -> list:
    """A valid questionnaire row; keyword arguments replace single cells by column name."""
    row = dict(zip(SURVEY_HEADER, [response_id, submitted_at, unit, "Perekaman KTP-el", *"434343434",
                                   "P", "34", "SMA", "Wirausaha", "qr", ""], strict=True))
    row.update(changes)
    return list(row.values())


def complaint(ticket: str, **changes) -> list:
    row = dict(zip(COMPLAINT_HEADER, [ticket, "3575-MPP", "lapor_web", "pengaduan", "administrasi_kependudukan",
                                      "sederhana", "2025-03-27 09:00", "2025-03-27 14:30", "", "", "terverifikasi",
                                      "Nama saya Budi, NIK 3575010101010001"], strict=True))
    row.update(changes)
    return list(row.values())


def write_csv(path: Path, header: list, rows: list[list], *, delimiter: str = ",", bom: bool = False) -> Path:
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, header: list, rows: list[list]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def rewritten(xlsx: bytes, member: str, edit) -> bytes:
    """The workbook with one part's XML passed through edit (str -> str), every other part as it was."""
    source = zipfile.ZipFile(io.BytesIO(xlsx))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info.filename, edit(data.decode()).encode() if info.filename == member else data)
    return buffer.getvalue()


def declared_dimension(ref: str):
    """An edit giving the sheet's <dimension> this ref, whatever it really holds."""
    return lambda xml: re.sub(r'<dimension ref="[^"]*"\s*/>', f'<dimension ref="{ref}"/>', xml, count=1)


def load_units(engine, tmp_path: Path) -> None:
    import_file(engine, "units", write_csv(tmp_path / "units.csv", UNIT_HEADER, [MPP, NGEMPIT]))


def count(engine, table) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def rejection(engine, kind: str, path: Path, **options) -> ImportRejected:
    with pytest.raises(ImportRejected) as caught:
        import_file(engine, kind, path, **options)
    return caught.value


def problem_at(rejected: ImportRejected, row: int | None, column: str | None) -> Problem:
    matches = [problem for problem in rejected.problems if (problem.row, problem.column) == (row, column)]
    assert len(matches) == 1, rejected.render()
    return matches[0]


# --- units ------------------------------------------------------------------------------------------------------


def test_units_import_stores_every_column(engine, tmp_path):
    path = write_csv(tmp_path / "units.csv", UNIT_HEADER, [MPP, NGEMPIT], delimiter=";", bom=True)
    assert import_file(engine, "units", path) == (
        {"kind": "units", "added": 2, "updated": 0, "unchanged": 0, "warnings": []}
    )
    with engine.connect() as conn:
        mpp = conn.execute(select(schema.service_units).where(schema.service_units.c.code == "3575-MPP")).one()
        ngempit = conn.execute(
            select(schema.service_units).where(schema.service_units.c.code == "3514-PKM-NGEMPIT")
        ).one()
        source = conn.execute(
            select(schema.data_sources.c.detail).where(schema.data_sources.c.source == "units")
        ).scalar_one()
    assert (mpp.name, mpp.kind, mpp.region_code, mpp.kecamatan_code) == (MPP[1], "mpp", "35.75", "35.75.04")
    assert (mpp.latitude, mpp.longitude, mpp.annual_users, mpp.active) == (-7.6435, 112.9053, 48000, True)
    assert ngempit.annual_users is None
    assert "units.csv" in source


def test_units_reimport_updates_only_changed_units(engine, tmp_path):
    load_units(engine, tmp_path)
    renamed = [MPP[0], "MPP Kota Pasuruan", *MPP[2:]]
    path = write_csv(tmp_path / "units2.csv", UNIT_HEADER, [renamed, NGEMPIT])
    assert import_file(engine, "units", path) == (
        {"kind": "units", "added": 0, "updated": 1, "unchanged": 1, "warnings": []}
    )
    assert import_file(engine, "units", path) == (
        {"kind": "units", "added": 0, "updated": 0, "unchanged": 2, "warnings": []}
    )
    with engine.connect() as conn:
        names = conn.execute(select(schema.service_units.c.name).order_by(schema.service_units.c.code)).scalars()
        assert list(names) == ["Puskesmas Ngempit", "MPP Kota Pasuruan"]


def test_units_without_annual_users_column_keep_the_stored_value(engine, tmp_path):
    load_units(engine, tmp_path)
    path = write_csv(tmp_path / "units2.csv", UNIT_HEADER[:-1], [MPP[:-1]])
    assert import_file(engine, "units", path)["unchanged"] == 1
    with engine.connect() as conn:
        assert conn.execute(select(schema.service_units.c.annual_users).where(
            schema.service_units.c.code == "3575-MPP")).scalar_one() == 48000


def test_units_with_bad_values_are_rejected_with_every_reason(engine, tmp_path):
    rows = [
        ["3575 mpp", "MPP", "mall", "35.99", "", "", "", "", ""],
        ["3514-DINKES", "Dinas Kesehatan", "opd", "35.14", "35.75.01", "", "-7.6", "", ""],
        ["3514-DINSOS", "", "opd", "35.14", "35.14.99", "", "-9.5", "112.8", "lots"],
    ]
    rejected = rejection(engine, "units", write_csv(tmp_path / "units.csv", UNIT_HEADER, rows))
    assert {(p.row, p.column) for p in rejected.problems} == {
        (2, "unit_code"), (2, "kind"), (2, "region_code"),
        (3, "kecamatan_code"), (3, "longitude"),
        (4, "name"), (4, "kecamatan_code"), (4, "latitude"), (4, "annual_users"),
    }
    assert "not in region 35.14" in problem_at(rejected, 3, "kecamatan_code").reason
    assert "mpp, opd, rsud" in problem_at(rejected, 2, "kind").reason
    assert count(engine, schema.service_units) == 0


def test_unit_codes_and_vocabulary_are_matched_leniently(engine, tmp_path):
    row = ["3575-mpp", "MPP", "MPP", "35.75", "", "", "-7,6435", "112,9053", "12000"]
    path = write_csv(tmp_path / "units.csv", [name.upper() for name in UNIT_HEADER] + ["catatan", "Catatan"],
                     [[*row, "ignored", "too"], ["", "", "", "", "", "", "", "", "", "only a note", ""]],
                     delimiter=";")
    assert import_file(engine, "units", path)["added"] == 1
    with engine.connect() as conn:
        unit = conn.execute(select(schema.service_units)).one()
    assert (unit.code, unit.kind, unit.latitude, unit.longitude) == ("3575-MPP", "mpp", -7.6435, 112.9053)


def test_units_with_personal_data_in_names_or_addresses_are_imported_with_warnings(engine, tmp_path):
    phone = [*MPP[:5], "Jl. KH. Wachid Hasyim, HP 0812-3456-7890", *MPP[6:]]
    private = [*NGEMPIT[:1], "Puskesmas Ngempit (NIK kepala 3514012345678901)", *NGEMPIT[2:5],
               "Desa Ngempit, surel pkm.ngempit@gmail.com", *NGEMPIT[6:]]
    clean = ["3575-DINKES", "Dinas Kesehatan", "opd", "35.75", "35.75.04", "Jl. Raya No. 5", "", "", ""]
    path = write_csv(tmp_path / "units.csv", UNIT_HEADER, [phone, private, clean])

    result = import_file(engine, "units", path)

    assert (result["added"], count(engine, schema.service_units)) == (3, 3)
    reasons = {(warning.row, warning.column): warning.reason for warning in result["warnings"]}
    assert list(reasons) == [(2, "address"), (3, "name"), (3, "address")]
    assert reasons[(2, "address")].startswith("looks like it holds a phone number, which every page would publish")
    assert reasons[(3, "name")].startswith("looks like it holds a NIK,")
    assert reasons[(3, "address")].startswith("looks like it holds an e-mail address,")
    assert all(warning.value is None for warning in result["warnings"])  # the personal data is not repeated
    assert "3514012345678901" not in render_warnings(result["warnings"])
    assert render_warnings(result["warnings"]).splitlines()[0] == (
        "File imported with 3 warnings; check these values:"
    )


@pytest.mark.parametrize(
    ("column", "text"),
    [
        ("name", "Puskesmas\x01 Ngempit"),
        ("name", "Puskesmas\nNgempit"),
        ("name", "Puskesmas\tNgempit"),
        ("name", "Puskesmas \x1b[1mNgempit"),
        ("name", "Puskesmas \u202eTIPMEGN"),  # shown as "Puskesmas NGEMPIT", stored backwards
        ("address", "Desa \u2067Ngempit\u2069"),
        ("address", "Desa\u200f Ngempit"),
        ("address", "Desa\x85Ngempit"),  # a C1 control (NEL)
    ],
)
def test_control_and_bidirectional_characters_in_a_published_text_are_refused(engine, tmp_path, column, text):
    cells = dict(zip(UNIT_HEADER, NGEMPIT, strict=True)) | {column: text}
    path = tmp_path / "units.csv"
    path.write_bytes((",".join(UNIT_HEADER) + "\n" + ",".join(MPP) + "\n"
                      + ",".join(f'"{value}"' for value in cells.values()) + "\n").encode("utf-8"))
    rejected = rejection(engine, "units", path)
    assert [(problem.row, problem.column) for problem in rejected.problems] == [(3, column)]
    assert "a published name or address must be one line of plain text" in rejected.problems[0].reason
    assert repr(text) in rejected.render()  # escaped, so the terminal shows what is hidden
    assert count(engine, schema.service_units) == 0


# --- surveys ----------------------------------------------------------------------------------------------------


def test_surveys_import_stores_answers_profile_and_utc_times(engine, tmp_path):
    load_units(engine, tmp_path)
    rows = [
        survey("R-1", "2025-03-27 09:00", suggestion="Antrean cepat"),
        survey("R-2", "2025-03-27T09:00:00+08:00", "3514-pkm-ngempit", sex="l", education="sd ke bawah",
               occupation="pelajar mahasiswa", channel="", age="", waktu="4.0"),
        survey("R-3", "2025-03-27T02:00:00Z"),
    ]
    path = write_csv(tmp_path / "surveys.csv", SURVEY_HEADER, rows)
    assert import_file(engine, "surveys", path) == (
        {"kind": "surveys", "added": 3, "updated": 0, "unchanged": 0, "warnings": []}
    )
    table = schema.survey_responses
    with engine.connect() as conn:
        stored = {row.response_id: row for row in conn.execute(select(table, schema.service_units.c.code).join(
            schema.service_units))}
    assert stored["R-1"].submitted_at == utc(2025, 3, 27, 2, 0)
    assert stored["R-2"].submitted_at == utc(2025, 3, 27, 1, 0)
    assert stored["R-3"].submitted_at == utc(2025, 3, 27, 2, 0)
    assert [stored["R-1"]._mapping[name] for name in ELEMENTS] == [4, 3, 4, 3, 4, 3, 4, 3, 4]
    assert stored["R-2"].waktu == 4
    assert (stored["R-1"].sex, stored["R-1"].age, stored["R-1"].education) == ("P", 34, "SMA")
    assert (stored["R-2"].code, stored["R-2"].sex, stored["R-2"].age) == ("3514-PKM-NGEMPIT", "L", None)
    assert (stored["R-2"].education, stored["R-2"].occupation, stored["R-2"].channel) == (
        "SD ke bawah", "Pelajar/Mahasiswa", None)
    assert (stored["R-1"].suggestion, stored["R-1"].source) == ("Antrean cepat", "import")


def test_surveys_import_refreshes_the_daily_rollups(engine, tmp_path):
    load_units(engine, tmp_path)
    rows = [survey("R-1", "2025-03-27 06:59"), survey("R-2", "2025-03-27 23:30"), survey("R-3", "2025-03-28 00:10")]
    import_file(engine, "surveys", write_csv(tmp_path / "surveys.csv", SURVEY_HEADER, rows))
    daily = schema.survey_daily.c
    with engine.connect() as conn:
        per_day = conn.execute(select(daily.day, daily.respondents, daily.waktu).order_by(daily.day)).all()
    assert [tuple(row) for row in per_day] == [(date(2025, 3, 27), 2, 8), (date(2025, 3, 28), 1, 4)]


def test_surveys_reimport_adds_nothing(engine, tmp_path):
    load_units(engine, tmp_path)
    path = write_csv(tmp_path / "surveys.csv", SURVEY_HEADER, [survey("R-1"), survey("R-2")], bom=True)
    import_file(engine, "surveys", path)
    assert import_file(engine, "surveys", path) == (
        {"kind": "surveys", "added": 0, "updated": 0, "unchanged": 2, "warnings": []}
    )
    grown = write_csv(tmp_path / "more.csv", SURVEY_HEADER, [survey("R-1", waktu="1"), survey("R-3")])
    assert import_file(engine, "surveys", grown) == (
        {"kind": "surveys", "added": 1, "updated": 0, "unchanged": 1, "warnings": []}
    )
    assert count(engine, schema.survey_responses) == 3


def test_one_bad_answer_rejects_the_whole_file(engine, tmp_path):
    load_units(engine, tmp_path)
    rows = [survey(f"R-{n}") for n in range(1, 6)]
    rows[3] = survey("R-4", waktu="7")
    rejected = rejection(engine, "surveys", write_csv(tmp_path / "surveys.csv", SURVEY_HEADER, rows))
    assert rejected.problems == [Problem(5, "waktu", "7", "answer must be a whole number from 1 to 4")]
    assert rejected.render().splitlines() == [
        "File rejected: 1 problem; nothing was written.",
        "row 5, column waktu, value '7': answer must be a whole number from 1 to 4",
    ]
    assert count(engine, schema.survey_responses) == 0
    with engine.connect() as conn:
        sources = conn.execute(select(schema.data_sources.c.source)).scalars().all()
    assert "surveys" not in sources


def test_every_problem_in_a_file_is_listed(engine, tmp_path):
    load_units(engine, tmp_path)
    future = (datetime.now(UTC) + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
    rows = [
        survey("R-1", persyaratan="4.5", biaya=""),
        survey("R-2", "27/03/2025 09:00", "3575-XYZ", produk="x", sex="X", age="12"),
        survey("R-3", future, education="S4", occupation="Guru", channel="tv"),
        survey("R-4", "1999-12-31 10:00"),
    ]
    rejected = rejection(engine, "surveys", write_csv(tmp_path / "surveys.csv", SURVEY_HEADER, rows))
    assert [(p.row, p.column) for p in rejected.problems] == [
        (2, "persyaratan"), (2, "biaya"),
        (3, "submitted_at"), (3, "unit_code"), (3, "produk"), (3, "sex"), (3, "age"),
        (4, "submitted_at"), (4, "education"), (4, "occupation"), (4, "channel"),
        (5, "submitted_at"),
    ]
    assert problem_at(rejected, 2, "biaya").reason.startswith("value is missing")
    assert problem_at(rejected, 3, "submitted_at").reason.startswith("must be an ISO 8601 time")
    assert "unknown unit code" in problem_at(rejected, 3, "unit_code").reason
    assert problem_at(rejected, 4, "submitted_at").reason == "time is in the future"
    assert "year 2000" in problem_at(rejected, 5, "submitted_at").reason
    assert rejected.render().startswith("File rejected: 12 problems; nothing was written.")


def test_missing_required_columns_are_named(engine, tmp_path):
    load_units(engine, tmp_path)
    header = [name for name in SURVEY_HEADER if name not in ("sarana", "unit_code")]
    rows = [[cell for name, cell in zip(SURVEY_HEADER, survey("R-1"), strict=True) if name in header]]
    rejected = rejection(engine, "surveys", write_csv(tmp_path / "surveys.csv", header, rows))
    assert [(p.row, p.column, p.reason) for p in rejected.problems] == [
        (1, "unit_code", "this required column is missing from the header row"),
        (1, "sarana", "this required column is missing from the header row"),
    ]


def test_surveys_for_an_inactive_unit_are_rejected(engine, tmp_path):
    load_units(engine, tmp_path)
    with engine.begin() as conn:
        conn.execute(update(schema.service_units).where(schema.service_units.c.code == "3514-PKM-NGEMPIT").values(
            active=False))
    path = write_csv(tmp_path / "surveys.csv", SURVEY_HEADER, [survey("R-1", unit="3514-PKM-NGEMPIT")])
    rejected = rejection(engine, "surveys", path)
    assert problem_at(rejected, 2, "unit_code").reason == "this unit is marked inactive"


def test_duplicate_keys_name_both_rows(engine, tmp_path):
    load_units(engine, tmp_path)
    rows = [survey("R-1"), survey("R-2"), survey("R-1")]
    rejected = rejection(engine, "surveys", write_csv(tmp_path / "surveys.csv", SURVEY_HEADER, rows))
    assert [p.render() for p in rejected.problems] == [
        "row 2, column response_id, value 'R-1': the same response_id is also in row 4",
        "row 4, column response_id, value 'R-1': the same response_id is also in row 2",
    ]


def test_private_suggestions_are_never_echoed(engine, tmp_path):
    load_units(engine, tmp_path)
    secret = "Hubungi saya 08123456789 " * 500
    path = write_csv(tmp_path / "s.csv", SURVEY_HEADER, [survey("R-1", suggestion=secret)])
    rejected = rejection(engine, "surveys", path)
    problem = problem_at(rejected, 2, "suggestion")
    assert (problem.value, problem.withheld) == (None, True)
    assert "08123456789" not in rejected.render()
    assert f"value (text withheld): text is longer than {MAX_SUGGESTION_LENGTH:,} characters" in rejected.render()


def test_xlsx_surveys_with_numbers_and_dates_as_excel_stores_them(engine, tmp_path):
    load_units(engine, tmp_path)
    rows = [
        ["R-1", datetime(2025, 3, 27, 9, 0), "3575-MPP", "KTP", *[4.0] * 9, "P", 34, "SMA", "PNS", "kertas", None],
        [None] * len(SURVEY_HEADER),
        ["R-2", "2025-03-28 10:30", "3575-MPP", None, *[3] * 9, None, None, None, None, None, None],
    ]
    path = write_xlsx(tmp_path / "surveys.xlsx", [name.title() for name in SURVEY_HEADER], rows)
    assert import_file(engine, "surveys", path)["added"] == 2
    with engine.connect() as conn:
        table = schema.survey_responses.c
        times = dict(conn.execute(select(table.response_id, table.submitted_at)).all())
    assert times == {"R-1": utc(2025, 3, 27, 2, 0), "R-2": utc(2025, 3, 28, 3, 30)}


def test_xlsx_problems_use_spreadsheet_row_numbers(engine, tmp_path):
    load_units(engine, tmp_path)
    rows = [survey("R-1"), [None] * len(SURVEY_HEADER), survey("R-3", sarana="0")]
    rejected = rejection(engine, "surveys", write_xlsx(tmp_path / "surveys.xlsx", SURVEY_HEADER, rows))
    assert [(p.row, p.column, p.value) for p in rejected.problems] == [(4, "sarana", "0")]


# --- file-level problems ----------------------------------------------------------------------------------------


def test_non_utf8_bytes_are_rejected_with_their_line(engine, tmp_path):
    path = tmp_path / "units.csv"
    path.write_bytes(",".join(UNIT_HEADER).encode() + b"\n" + ",".join(MPP).encode() + b"\n"
                     + "3514-PKM-NGEMPIT,Puskesmas Pohjentrek Café".encode("cp1252") + b",puskesmas,35.14,,,,,\n")
    rejected = rejection(engine, "units", path)
    assert len(rejected.problems) == 1
    assert "line 3 is not UTF-8" in rejected.problems[0].reason
    assert "CSV UTF-8" in rejected.problems[0].reason


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf", b"\n\n  \n"])
def test_an_empty_file_is_rejected(engine, tmp_path, content):
    path = tmp_path / "surveys.csv"
    path.write_bytes(content)
    assert [p.reason for p in rejection(engine, "surveys", path).problems] == ["the file is empty"]


def test_a_header_without_rows_is_rejected(engine, tmp_path):
    path = write_csv(tmp_path / "s.csv", SURVEY_HEADER, [[""] * len(SURVEY_HEADER)])
    rejected = rejection(engine, "surveys", path)
    assert [p.reason for p in rejected.problems] == ["the file has a header row but no data rows"]


def test_repeated_and_missing_header_columns_are_rejected(engine, tmp_path):
    header = [*UNIT_HEADER[:3], " Name ", *UNIT_HEADER[4:]]
    rejected = rejection(engine, "units", write_csv(tmp_path / "u.csv", header, [MPP]))
    assert rejected.problems == [
        Problem(1, "region_code", None, "this required column is missing from the header row"),
        Problem(1, "name", None, "the column appears more than once in the header (columns 2, 4)"),
    ]


def test_unknown_extension_and_missing_file_are_rejected(engine, tmp_path):
    (tmp_path / "units.txt").write_text("unit_code\n")
    (tmp_path / "units.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    assert "use .csv or .xlsx" in rejection(engine, "units", tmp_path / "units.txt").problems[0].reason
    assert "save the sheet as .xlsx" in rejection(engine, "units", tmp_path / "units.xls").problems[0].reason
    assert "file not found" in rejection(engine, "units", tmp_path / "nope.csv").problems[0].reason


SHEET = "xl/worksheets/sheet1.xml"


@pytest.mark.parametrize("dimension", ["A1:I2", "A1:B1", "A1:XFD1048576"])
def test_every_row_of_a_workbook_is_read_whatever_its_dimension_declares(engine, tmp_path, dimension):
    """A sheet's <dimension> is the writer's claim: trusted, "A1:I2" imported one of three units and said so."""
    third = ["3575-DINKES", "Dinas Kesehatan", "opd", "35.75", "35.75.04", "Jl. Raya No. 5", "", "", ""]
    workbook = write_xlsx(tmp_path / "plain.xlsx", UNIT_HEADER, [MPP, NGEMPIT, third]).read_bytes()
    path = tmp_path / "units.xlsx"
    path.write_bytes(rewritten(workbook, SHEET, declared_dimension(dimension)))
    assert import_file(engine, "units", path)["added"] == 3
    assert count(engine, schema.service_units) == 3


def test_a_workbook_row_beyond_excels_last_is_refused(engine, tmp_path):
    workbook = write_xlsx(tmp_path / "plain.xlsx", UNIT_HEADER, [MPP]).read_bytes()
    far = MAX_ROWS + 1
    path = tmp_path / "units.xlsx"
    path.write_bytes(rewritten(workbook, SHEET, lambda xml: xml.replace(
        "</sheetData>", f'<row r="{far}"><c r="A{far}" t="inlineStr"><is><t>3514-X</t></is></c></row></sheetData>')))
    rejected = rejection(engine, "units", path)
    assert rejected.render().splitlines()[1] == (
        f"the file has more than {MAX_ROWS:,} rows (Excel's limit), header included; split it into smaller files")
    assert count(engine, schema.service_units) == 0


def test_a_csv_longer_than_excels_last_row_is_refused(engine, tmp_path):
    path = tmp_path / "units.csv"
    path.write_text(",".join(UNIT_HEADER) + "\n" + ",".join(MPP) + "\n" * MAX_ROWS + "\n", encoding="utf-8")
    assert f"more than {MAX_ROWS:,} rows" in rejection(engine, "units", path).render()
    assert count(engine, schema.service_units) == 0


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_columns_beyond_the_limit_are_refused_and_up_to_it_ignored(engine, tmp_path, suffix):
    def write(name: str, width: int) -> Path:
        extra = [f"catatan {number}" for number in range(width - len(UNIT_HEADER))]
        rows = [[*MPP, *[""] * len(extra)]]
        if suffix == ".csv":
            return write_csv(tmp_path / f"{name}.csv", [*UNIT_HEADER, *extra], rows)
        return write_xlsx(tmp_path / f"{name}.xlsx", [*UNIT_HEADER, *extra], rows)

    rejected = rejection(engine, "units", write("wide", MAX_COLUMNS + 1))
    assert count(engine, schema.service_units) == 0
    if suffix == ".csv":
        assert rejected.render().splitlines()[1] == (
            f"the header row has {MAX_COLUMNS + 1:,} columns; at most {MAX_COLUMNS:,} are read (the known columns "
            "and others, which are ignored): delete the columns that are not needed")
    else:
        assert rejected.render().splitlines()[1] == (
            f"row 1: the row has a value beyond column {MAX_COLUMNS:,} (IV); at most {MAX_COLUMNS:,} columns are "
            "read: delete the cells to the right")
    assert import_file(engine, "units", write("widest", MAX_COLUMNS))["added"] == 1


def test_a_corrupt_xlsx_is_rejected(engine, tmp_path):
    path = tmp_path / "units.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    assert rejection(engine, "units", path).problems[0].reason == "the file cannot be read as an .xlsx workbook"


def test_rows_with_extra_cells_are_each_named(engine, tmp_path):
    path = tmp_path / "units.csv"
    lines = [",".join(UNIT_HEADER), ",".join(MPP), ",".join(MPP) + ",x", ",".join(NGEMPIT) + ",y,z"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rejected = rejection(engine, "units", path)
    assert [p.row for p in rejected.problems] == [3, 4]
    assert "has 10 cells but the header has 9" in rejected.problems[0].reason


def test_render_lists_the_first_problems_and_counts_the_rest():
    rejected = ImportRejected([Problem(row, "waktu", "7", "bad") for row in range(2, 252)])
    lines = rejected.render().splitlines()
    assert lines[0] == "File rejected: 250 problems; nothing was written."
    assert len(lines) == 202 and lines[-1] == "... and 50 more"
    assert len(rejected.problems) == 250


# --- complaints -------------------------------------------------------------------------------------------------


def test_complaints_import_stores_stages_in_utc_and_history(engine, tmp_path):
    load_units(engine, tmp_path)
    rows = [
        complaint("LAPOR-1", first_response_at="2025-04-09 10:00", resolved_at="2025-04-10 15:00", status="selesai"),
        complaint("WA-2", unit_code="3514-PKM-NGEMPIT", channel="WhatsApp", verified_at="", status="ditunda",
                  description=""),
    ]
    path = write_csv(tmp_path / "complaints.csv", COMPLAINT_HEADER, rows, delimiter=";", bom=True)
    assert import_file(engine, "complaints", path) == {"kind": "complaints", "added": 2, "updated": 0,
                                                        "unchanged": 0, "warnings": []}
    with engine.connect() as conn:
        stored = {row.ticket: row for row in conn.execute(select(schema.complaints))}
        history = conn.execute(
            select(schema.complaints.c.ticket, schema.complaint_status_history.c.status,
                   schema.complaint_status_history.c.changed_at).join(schema.complaints)
        ).all()
    lapor = stored["LAPOR-1"]
    assert (lapor.received_at, lapor.verified_at) == (utc(2025, 3, 27, 2, 0), utc(2025, 3, 27, 7, 30))
    assert (lapor.first_response_at, lapor.resolved_at) == (utc(2025, 4, 9, 3, 0), utc(2025, 4, 10, 8, 0))
    assert (lapor.status, lapor.source, lapor.description) == ("selesai", "import", complaint("x")[-1])
    assert (stored["WA-2"].channel, stored["WA-2"].verified_at, stored["WA-2"].description) == ("whatsapp", None, None)
    assert lapor.updated_at > utc(2025, 1, 1)
    by_ticket = {ticket: (status, changed_at) for ticket, status, changed_at in history}
    assert by_ticket["LAPOR-1"] == ("selesai", utc(2025, 4, 10, 8, 0))
    assert by_ticket["WA-2"][0] == "ditunda"
    assert len(history) == 2


def test_complaint_status_change_updates_the_row_and_appends_history(engine, tmp_path):
    load_units(engine, tmp_path)
    first = write_csv(tmp_path / "c1.csv", COMPLAINT_HEADER, [complaint("LAPOR-1"), complaint("LAPOR-2")])
    import_file(engine, "complaints", first)
    assert import_file(engine, "complaints", first) == {"kind": "complaints", "added": 0, "updated": 0,
                                                         "unchanged": 2, "warnings": []}
    later = write_csv(tmp_path / "c2.csv", COMPLAINT_HEADER, [
        complaint("LAPOR-1", first_response_at="2025-03-31 08:00", resolved_at="2025-04-01 16:00",
                  status="selesai"),
        complaint("LAPOR-2"),
        complaint("LAPOR-3"),
    ])
    assert import_file(engine, "complaints", later) == {"kind": "complaints", "added": 1, "updated": 1,
                                                         "unchanged": 1, "warnings": []}
    assert import_file(engine, "complaints", later)["updated"] == 0
    with engine.connect() as conn:
        lapor = conn.execute(select(schema.complaints).where(schema.complaints.c.ticket == "LAPOR-1")).one()
        history = conn.execute(
            select(schema.complaint_status_history.c.status, schema.complaint_status_history.c.changed_at)
            .where(schema.complaint_status_history.c.complaint_id == lapor.id)
            .order_by(schema.complaint_status_history.c.changed_at)
        ).all()
    assert (lapor.status, lapor.resolved_at) == ("selesai", utc(2025, 4, 1, 9, 0))
    assert history == [("terverifikasi", utc(2025, 3, 27, 7, 30)), ("selesai", utc(2025, 4, 1, 9, 0))]
    # Back to terverifikasi (reopened): that event is already in the history, so nothing is duplicated.
    import_file(engine, "complaints", first)
    assert count(engine, schema.complaint_status_history) == 4


def test_complaint_stage_times_must_not_go_backwards(engine, tmp_path):
    load_units(engine, tmp_path)
    rows = [
        complaint("C-1", verified_at="2025-03-27 08:59"),
        complaint("C-2", verified_at="", first_response_at="2025-03-26 10:00"),
        complaint("C-3", first_response_at="2025-03-28 10:00", resolved_at="2025-03-28T02:59:00Z",
                  status="selesai"),
        complaint("C-4", status="selesai", received_at=""),
    ]
    rejected = rejection(engine, "complaints", write_csv(tmp_path / "c.csv", COMPLAINT_HEADER, rows))
    assert [p.render() for p in rejected.problems] == [
        "row 2, column verified_at, value '2025-03-27 08:59': must not be before received_at",
        "row 3, column first_response_at, value '2025-03-26 10:00': must not be before received_at",
        "row 4, column resolved_at, value '2025-03-28T02:59:00Z': must not be before first_response_at",
        ("row 5, column received_at: value is missing; must be an ISO 8601 time such as 2025-03-27 09:00 (WIB) or "
         "2025-03-27T09:00+07:00"),
        "row 5, column resolved_at: a value is required when the status is selesai",
    ]


def test_a_quoted_line_break_stays_in_its_row(engine, tmp_path):
    load_units(engine, tmp_path)
    rows = [complaint("C-1", description="Baris satu\nbaris dua\nbaris tiga"), complaint("C-2", tier="berat")]
    rejected = rejection(engine, "complaints", write_csv(tmp_path / "c.csv", COMPLAINT_HEADER, rows))
    assert [(p.row, p.column, p.value) for p in rejected.problems] == [(3, "tier", "berat")]


def test_complaint_vocabulary_is_checked(engine, tmp_path):
    load_units(engine, tmp_path)
    rows = [complaint("C-1", channel="fax", classification="keluhan", category="pajak", tier="ringan",
                      status="open", unit_code="3575-NOPE", description="Rahasia 0812")]
    rejected = rejection(engine, "complaints", write_csv(tmp_path / "c.csv", COMPLAINT_HEADER, rows))
    assert [p.column for p in rejected.problems] == ["unit_code", "channel", "classification", "category", "tier",
                                                     "status"]
    assert "lapor_web, sms_1708" in problem_at(rejected, 2, "channel").reason
    assert "sederhana, tanpa_pemeriksaan, pemeriksaan_lapangan" in problem_at(rejected, 2, "tier").reason
    assert "Rahasia" not in rejected.render()


@pytest.mark.parametrize(
    ("spelling", "channel"),
    [
        ("lapor_web", "lapor_web"), ("LAPOR! (situs web)", "lapor_web"), ("lapor.go.id", "lapor_web"),
        ("Lapor Web", "lapor_web"), ("SMS 1708", "sms_1708"), ("sms", "sms_1708"), ("1708", "sms_1708"),
        ("LAPOR! (aplikasi)", "lapor_app"), ("Lapor-App", "lapor_app"),
        ("lapor", "lapor"), ("LAPOR!", "lapor"), ("SP4N-LAPOR!", "lapor"), ("sp4n lapor", "lapor"),
        ("SP4N_LAPOR", "lapor"), ("Sp4n-Lapor! ", "lapor"),
        ("medsos", "media_sosial"), ("Media Sosial", "media_sosial"), ("Instagram", "media_sosial"),
        ("X (Twitter)", "media_sosial"),
        ("e-Sambat", "esambat"), ("E-SAMBAT", "esambat"), ("eSambat", "esambat"), ("e sambat", "esambat"),
        ("WA", "whatsapp"), ("wa", "whatsapp"), ("WhatsApp", "whatsapp"), ("Whats App", "whatsapp"),
        ("Loket", "loket"), ("walk-in", "loket"), ("Datang langsung", "loket"), ("counter", "loket"),
    ],
)
def test_complaint_channels_accept_the_spellings_admins_type(engine, tmp_path, spelling, channel):
    load_units(engine, tmp_path)
    path = write_csv(tmp_path / "c.csv", COMPLAINT_HEADER, [complaint("C-1", channel=spelling)])
    assert import_file(engine, "complaints", path)["added"] == 1
    with engine.connect() as conn:
        assert conn.execute(select(schema.complaints.c.channel)).scalar_one() == channel


def test_an_unknown_channel_is_refused_listing_the_allowed_ones(engine, tmp_path):
    load_units(engine, tmp_path)
    rows = [complaint("C-1", channel="fax"), complaint("C-2", channel="lapor app x"), complaint("C-3", channel="")]
    rejected = rejection(engine, "complaints", write_csv(tmp_path / "c.csv", COMPLAINT_HEADER, rows))
    assert [(p.row, p.column, p.value) for p in rejected.problems] == [
        (2, "channel", "fax"), (3, "channel", "lapor app x"), (4, "channel", None)]
    allowed = "lapor_web, sms_1708, lapor_app, lapor, media_sosial, esambat, whatsapp, loket"
    assert all(allowed in problem.reason for problem in rejected.problems)
    assert count(engine, schema.complaints) == 0


def test_every_channel_label_the_app_shows_imports_as_that_channel():
    """A table downloaded from a page, with channels in words, can be imported again."""
    from components.i18n import STRINGS

    for channel in complaint_rules.CHANNELS:
        for words in STRINGS[f"complaints.channel.{channel}"].values():
            assert complaint_rules.channel_of(words) == channel, words


def test_no_spelling_stands_for_two_channels():
    spellings = [(alias, channel) for channel in complaint_rules.CHANNELS
                 for alias in (channel, *complaint_rules.CHANNEL_ALIASES.get(channel, ()))]
    assert set(complaint_rules.CHANNEL_ALIASES) <= set(complaint_rules.CHANNELS)
    assert all(complaint_rules.channel_of(alias) == channel for alias, channel in spellings)


def test_a_duplicate_ticket_is_rejected(engine, tmp_path):
    load_units(engine, tmp_path)
    rows = [complaint("C-1"), complaint("C-2"), complaint("C-1"), complaint("C-1")]
    rejected = rejection(engine, "complaints", write_csv(tmp_path / "c.csv", COMPLAINT_HEADER, rows))
    assert [(p.row, p.reason) for p in rejected.problems] == [
        (2, "the same ticket is also in rows 4, 5"),
        (4, "the same ticket is also in rows 2, 5"),
        (5, "the same ticket is also in rows 2, 4"),
    ]


# --- open311 ----------------------------------------------------------------------------------------------------


def open311_request(request_id: str, **changes) -> dict:
    request = {
        "service_request_id": request_id,
        "status": "open",
        "service_name": "Kesehatan",
        "service_code": "kesehatan",
        "description": "Antrean obat lama, nomor saya 0812",
        "agency_responsible": "3514-PKM-NGEMPIT",
        "requested_datetime": "2025-05-12T08:05:00+07:00",
        "updated_datetime": "2025-05-13T09:00:00+07:00",
        "lat": -7.6651,
        "long": 112.8439,
    }
    request.update(changes)
    return request


def write_json(path: Path, document) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_open311_requests_become_complaints(engine, tmp_path):
    load_units(engine, tmp_path)
    path = write_json(tmp_path / "requests.json", [
        open311_request("311-1"),
        open311_request(12345, status="closed", service_code="air_bersih",
                        extended_attributes={"tier": "pemeriksaan_lapangan", "channel": "lapor_app"}),
    ])
    assert import_file(engine, "open311", path) == (
        {"kind": "open311", "added": 2, "updated": 0, "unchanged": 0, "warnings": []}
    )
    assert import_file(engine, "open311", path) == (
        {"kind": "open311", "added": 0, "updated": 0, "unchanged": 2, "warnings": []}
    )
    with engine.connect() as conn:
        stored = {row.ticket: row for row in conn.execute(select(schema.complaints))}
    opened, closed = stored["311-1"], stored["12345"]
    assert (opened.status, opened.channel, opened.classification, opened.tier) == (
        "diterima", "lapor", "pengaduan", "sederhana")
    assert (opened.received_at, opened.resolved_at, opened.source) == (utc(2025, 5, 12, 1, 5), None, "open311")
    assert (closed.status, closed.category, closed.tier, closed.channel) == (
        "selesai", "air_bersih", "pemeriksaan_lapangan", "lapor_app")
    assert closed.resolved_at == utc(2025, 5, 13, 2, 0)


def test_open311_closing_a_request_updates_it(engine, tmp_path):
    load_units(engine, tmp_path)
    import_file(engine, "open311", write_json(tmp_path / "a.json", [open311_request("311-1")]))
    closed = write_json(tmp_path / "b.json", [open311_request("311-1", status="closed")])
    assert import_file(engine, "open311", closed)["updated"] == 1
    with engine.connect() as conn:
        statuses = conn.execute(
            select(schema.complaint_status_history.c.status).order_by(schema.complaint_status_history.c.changed_at)
        ).scalars().all()
    assert statuses == ["diterima", "selesai"]


def test_open311_problems_name_the_request_and_field(engine, tmp_path):
    load_units(engine, tmp_path)
    path = write_json(tmp_path / "requests.json", [
        open311_request("311-1", status="pending", agency_responsible="Dinas Kesehatan"),
        open311_request("311-2", status="closed", updated_datetime=None, service_code="jalan"),
        open311_request("311-3", requested_datetime="yesterday"),
    ])
    rejected = rejection(engine, "open311", path)
    lines = rejected.render().splitlines()[1:]
    how = "in a map file and import with --map MAPFILE (example: templates/open311-map.json)"
    assert lines == [
        ("field agency_responsible, value 'Dinas Kesehatan': 1 request; not the code of an imported unit: map it "
         f'to one under "unit" > "agency_responsible" {how}'),
        ("field service_code, value 'jalan': 1 request; not one of our complaint categories: map it to one under "
         f'"category" > "service_code" {how}'),
        ("field status, value 'pending': 1 request; not an Open311 status (open, closed): map it to one of ours "
         f'under "status" {how}'),
        "request 2, field updated_datetime: a value is required when the status is closed",
        ("request 3, field requested_datetime, value 'yesterday': must be an ISO 8601 time such as "
         "2025-03-27 09:00 (WIB) or 2025-03-27T09:00+07:00"),
    ]
    assert "0812" not in rejected.render()


# A city's GeoReport v2 requests.json as its server returns it (shaped like Chicago's and San Francisco's feeds):
# numeric ids, the city's own opaque service codes, free-text agencies, nulls, offsets other than WIB, extra fields.
CITY_REQUESTS = [
    {
        "service_request_id": 101000231, "status": "closed", "status_notes": "Lampu sudah diganti",
        "service_name": "Lampu PJU Mati", "service_code": "4fd3b167e750846744000005",
        "description": "Lampu jalan di depan MPP mati tiga malam", "agency_responsible": "Dinas Perkim Kota Pasuruan",
        "service_notice": None, "requested_datetime": "2025-05-12T08:05:00+07:00",
        "updated_datetime": "2025-05-13T09:00:00+07:00", "expected_datetime": None,
        "address": "Jl. KH. Wachid Hasyim", "address_id": None, "zipcode": 67118, "lat": -7.6435, "long": 112.9053,
        "media_url": "https://lapor.example.go.id/media/101000231.jpg",
    },
    {
        "service_request_id": 101000232, "status": "open", "status_notes": None,
        "service_name": "Pelayanan Puskesmas", "service_code": "4fd6e4ece750840569000019", "description": None,
        "agency_responsible": "Puskesmas Ngempit", "service_notice": "Dijawab dalam 5 hari kerja",
        "requested_datetime": "2025-05-11T17:30:00-08:00", "updated_datetime": "2025-05-12T18:00:00-08:00",
        "expected_datetime": "2025-05-19T17:00:00-08:00", "address": None, "address_id": 5512, "zipcode": None,
        "lat": None, "long": None, "media_url": None,
    },
    {
        "service_request_id": "101000233", "status": "Closed", "status_notes": "Sudah diangkut",
        "service_name": "Sampah Menumpuk", "service_code": None, "description": "Sampah di pasar",
        "agency_responsible": None, "service_notice": None, "requested_datetime": "2025-05-14T01:00:00Z",
        "updated_datetime": "2025-05-16T03:15:00Z", "expected_datetime": None, "address": "Pasar Ngempit",
        "address_id": None, "zipcode": "67151", "lat": -7.6651, "long": 112.8439, "media_url": None,
    },
    {
        "service_request_id": 101000234, "status": "acknowledged", "status_notes": None,
        "service_name": "Pelayanan Puskesmas", "service_code": "4fd6e4ece750840569000019",
        "description": "Obat kosong", "agency_responsible": " PUSKESMAS  NGEMPIT", "service_notice": None,
        "requested_datetime": "2025-05-15T10:00:00+07:00", "updated_datetime": "2025-05-15T11:00:00+07:00",
        "expected_datetime": None, "address": None, "address_id": None, "zipcode": None, "lat": None, "long": None,
        "media_url": None,
    },
]
CITY_MAP = {
    "category": {
        "service_code": {"4fd3b167e750846744000005": "penerangan_jalan", "4fd6e4ece750840569000019": "kesehatan"},
        "service_name": {"Sampah Menumpuk": "Lingkungan / sampah"},
    },
    "unit": {
        "agency_responsible": {"Dinas Perkim Kota Pasuruan": "3575-mpp", "Puskesmas Ngempit": "3514-PKM-NGEMPIT"},
        "service_name": {"Sampah Menumpuk": "3514-PKM-NGEMPIT"},
    },
    "status": {"acknowledged": "terverifikasi"},
}


def test_a_real_shaped_open311_payload_imports_once_mapped(engine, tmp_path):
    load_units(engine, tmp_path)
    requests = write_json(tmp_path / "requests.json", CITY_REQUESTS)
    city_map = write_json(tmp_path / "city-map.json", CITY_MAP)
    added = import_file(engine, "open311", requests, map_path=city_map)
    again = import_file(engine, "open311", requests, map_path=city_map)
    assert added == {"kind": "open311", "added": 4, "updated": 0, "unchanged": 0, "warnings": []}
    assert again == {"kind": "open311", "added": 0, "updated": 0, "unchanged": 4, "warnings": []}
    with engine.connect() as conn:
        units = dict(conn.execute(select(schema.service_units.c.id, schema.service_units.c.code)).all())
        stored = {row.ticket: row for row in conn.execute(select(schema.complaints))}
    assert {ticket: (units[row.unit_id], row.category, row.status, row.channel, row.received_at, row.resolved_at)
            for ticket, row in stored.items()} == {
        "101000231": ("3575-MPP", "penerangan_jalan", "selesai", "lapor", utc(2025, 5, 12, 1, 5), utc(2025, 5, 13, 2)),
        # -08:00 honoured; the updated_datetime of a request still open is not its closing
        "101000232": ("3514-PKM-NGEMPIT", "kesehatan", "diterima", "lapor", utc(2025, 5, 12, 1, 30), None),
        # no agency and no service code: both from the service name
        "101000233": ("3514-PKM-NGEMPIT", "lingkungan_sampah", "selesai", "lapor", utc(2025, 5, 14, 1),
                      utc(2025, 5, 16, 3, 15)),
        "101000234": ("3514-PKM-NGEMPIT", "kesehatan", "terverifikasi", "lapor", utc(2025, 5, 15, 3), None),
    }
    assert stored["101000232"].description is None
    assert {row.source for row in stored.values()} == {"open311"}


def test_open311_channel_extension_takes_any_spelling(engine, tmp_path):
    load_units(engine, tmp_path)
    path = write_json(tmp_path / "requests.json", [
        open311_request("311-1", extended_attributes={"channel": "SP4N-LAPOR!"}),
        open311_request("311-2", extended_attributes={"channel": "WA"}),
        open311_request("311-3", extended_attributes={"channel": "faks"}),
    ])
    rejected = rejection(engine, "open311", path)
    assert [(p.row, p.column, p.value) for p in rejected.problems] == [(3, "extended_attributes.channel", "faks")]
    path = write_json(tmp_path / "requests.json", json.loads(path.read_text())[:2])
    import_file(engine, "open311", path)
    with engine.connect() as conn:
        channels = dict(conn.execute(select(schema.complaints.c.ticket, schema.complaints.c.channel)).all())
    assert channels == {"311-1": "lapor", "311-2": "whatsapp"}


def test_unmapped_open311_values_are_named_once_with_their_count(engine, tmp_path):
    load_units(engine, tmp_path)
    requests = [dict(CITY_REQUESTS[number % 2], service_request_id=number) for number in range(7)]
    requests.append(CITY_REQUESTS[2])
    requests.append(dict(CITY_REQUESTS[3], status="in_progress"))
    path = write_json(tmp_path / "requests.json", requests)
    rejected = rejection(engine, "open311", path)
    assert [(p.row, p.column, p.value, p.reason.split(";")[0]) for p in rejected.problems] == [
        (None, "agency_responsible", "Dinas Perkim Kota Pasuruan", "4 requests"),
        (None, "agency_responsible", "Puskesmas Ngempit", "3 requests"),
        (None, "service_name", "Sampah Menumpuk", "1 request"),
        (None, "agency_responsible", "PUSKESMAS  NGEMPIT", "1 request"),
        (None, "service_code", "4fd3b167e750846744000005", "4 requests"),
        (None, "service_code", "4fd6e4ece750840569000019", "4 requests"),
        (None, "service_name", "Sampah Menumpuk", "1 request"),
        (None, "status", "in_progress", "1 request"),
    ]
    assert all("--map MAPFILE (example: templates/open311-map.json)" in p.reason for p in rejected.problems)
    assert "unknown unit code" not in rejected.render()
    assert 'no agency_responsible: map this service to a unit code under "unit" > "service_name"' in (
        rejected.problems[2].reason)
    # With a map that covers part of it, the rest is named as missing from that map.
    partial_map = write_json(tmp_path / "partial.json", {"unit": CITY_MAP["unit"], "category": CITY_MAP["category"]})
    rejected = rejection(engine, "open311", path, map_path=partial_map)
    assert [(p.column, p.value) for p in rejected.problems] == [("status", "in_progress")]
    assert rejected.problems[0].reason == ('1 request; not an Open311 status (open, closed): map it to one of ours '
                                           'under "status" in the map file partial.json')
    assert count(engine, schema.complaints) == 0


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('{"unit": ', "map file map.json: the file is not valid JSON"),
        ("[]", 'map file map.json: expected a JSON object with the sections "category", "unit" and "status"'),
        ('{"units": {}}', 'map file map.json: unknown section "units"'),
        ('{"unit": {"agency": {}}}',
         'map file map.json: "unit" > "agency": unknown field; unit is mapped by "agency_responsible"'),
        ('{"unit": ["3575-MPP"]}', '"unit" must be a JSON object with "agency_responsible" or "service_name"'),
        ('{"status": ["open"]}', '"status" must be a JSON object of GeoReport values'),
        ('{"category": {"service_code": {"101": "jalan"}}}',
         '"category" > "service_code" > "101": "jalan" is not one of our complaint categories'),
        ('{"category": {"service_name": {"Sampah": 5}}}',
         '"category" > "service_name" > "Sampah": 5 is not one of our complaint categories'),
        ('{"status": {"open": "baru"}}', '"status" > "open": "baru" is not one of our statuses (diterima, '),
        ('{"unit": {"agency_responsible": {"Dinas Kesehatan": "Dinas Kesehatan"}}}',
         '"Dinas Kesehatan": "Dinas Kesehatan" is not a unit code'),
        ('{"unit": {"agency_responsible": {"  ": "3575-MPP"}}}', "an entry has an empty name"),
        ('{"unit": {"agency_responsible": {"Dinas A": "3575-MPP", "dinas  a": "3514-PKM-NGEMPIT"}}}',
         '"dinas  a": another spelling of it (case, spaces and dashes aside) is mapped to 3575-MPP'),
        ('{"unit": {"service_name": {"Sampah": "3575-DLH"}}}',
         ('map file map.json: "unit" > "service_name": 3575-DLH is not the code of an imported unit; import it '
          "first: python -m data_access import units FILE")),
    ],
)
def test_a_bad_map_file_is_refused_and_nothing_is_written(engine, tmp_path, content, reason):
    load_units(engine, tmp_path)
    map_path = tmp_path / "map.json"
    map_path.write_text(content, encoding="utf-8")
    requests = write_json(tmp_path / "requests.json", [open311_request("311-1")])
    rejected = rejection(engine, "open311", requests, map_path=map_path)
    assert reason in rejected.render()
    assert all(problem.row is None for problem in rejected.problems)
    assert count(engine, schema.complaints) == 0


def test_a_map_is_read_for_open311_only_and_must_exist(engine, tmp_path):
    load_units(engine, tmp_path)
    requests = write_json(tmp_path / "requests.json", [open311_request("311-1")])
    missing = rejection(engine, "open311", requests, map_path=tmp_path / "nope.json")
    assert missing.render().splitlines()[1] == f"map file nope.json: file not found: {tmp_path / 'nope.json'}"
    wrong_kind = rejection(engine, "complaints", TEMPLATES / "complaints.csv", map_path=TEMPLATES / "open311-map.json")
    assert "a map file (--map) is only read by open311 imports" in wrong_kind.render()
    assert count(engine, schema.complaints) == 0


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('[{"service_request_id": "1",}]', "the file is not valid JSON (line 1, column 29"),
        ('{"service_request_id": "1"}', "expected a JSON list of service requests"),
        ("[]", "the file holds no service requests"),
        ('["311-1"]', "a service request must be a JSON object"),
        ('[{"service_request_id": {"id": 1}}]', "must be text or a number"),
    ],
)
def test_malformed_open311_is_rejected_without_a_traceback(engine, tmp_path, content, reason):
    path = tmp_path / "requests.json"
    path.write_text(content, encoding="utf-8")
    rejected = rejection(engine, "open311", path)
    assert reason in rejected.render()
    assert count(engine, schema.complaints) == 0


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('[{"service_request_id": "1"}, {"service_request_id": NaN}]',
         "request 2: service_request_id holds NaN, which is not a number JSON allows"),
        ('[{"service_request_id": "1", "extended_attributes": {"tier": Infinity}}]',
         "request 1: extended_attributes > tier holds Infinity, which is not a number JSON allows"),
        ('[{"service_request_id": -1e400, "lat": [1, 2e999]}]',
         "request 1: service_request_id holds -1e400, a number too large to read"),
        ('[{"service_request_id": "1", "lat": [1, 2e999]}]', "request 1: lat > item 2 holds 2e999"),
        ('[{"service_request_id": "1", "service_request_id": "2"}]',
         'request 1: the key "service_request_id" appears more than once in one object; keys must be unique'),
        ('[{"service_request_id": "1", "extended_attributes": {"tier": "sederhana", "tier": "khusus"}}]',
         'request 1: the key "tier" appears more than once in one object (in extended_attributes)'),
    ],
)
def test_open311_numbers_json_does_not_allow_and_repeated_keys_are_refused(engine, tmp_path, content, reason):
    """Python reads NaN, Infinity and 1e400 (as inf), and keeps the last of two equal keys; they once became
    tickets "nan" and "inf", or a status nobody saw replaced."""
    load_units(engine, tmp_path)
    path = tmp_path / "requests.json"
    path.write_text(content, encoding="utf-8")
    rejected = rejection(engine, "open311", path)
    assert reason in rejected.render()
    assert count(engine, schema.complaints) == 0


def test_a_map_file_repeating_a_key_is_refused(engine, tmp_path):
    load_units(engine, tmp_path)
    requests = write_json(tmp_path / "requests.json", [open311_request("311-1")])
    mapping = tmp_path / "map.json"
    mapping.write_text('{"status": {"open": "diterima", "open": "selesai"}}', encoding="utf-8")
    rejected = rejection(engine, "open311", requests, map_path=mapping)
    assert rejected.render().splitlines()[1] == (
        'map file map.json: the key "open" appears more than once in one object (in status); keys must be unique')
    assert count(engine, schema.complaints) == 0


# --- templates --------------------------------------------------------------------------------------------------


def test_the_templates_import_cleanly(engine):
    assert import_file(engine, "units", TEMPLATES / "units.csv")["added"] == 2
    assert import_file(engine, "surveys", TEMPLATES / "surveys.csv")["added"] == 2
    assert import_file(engine, "complaints", TEMPLATES / "complaints.csv")["added"] == 2
    assert import_file(engine, "open311", TEMPLATES / "open311.json")["added"] == 1
    real_shaped = import_file(engine, "open311", TEMPLATES / "open311-georeport.json",
                              map_path=TEMPLATES / "open311-map.json")
    assert real_shaped["added"] == 2


def test_imported_times_are_stored_like_every_other_writer_so_day_boundaries_hold(engine, tmp_path):
    """A questionnaire at exactly 00:00 WIB belongs to that day, whoever wrote it (here: the importer)."""
    from data_access.filters import Filters
    from data_access.ikm_queries import ikm_summary
    from tests.factories import add_unit

    add_unit(engine, "3575-MPP")
    path = tmp_path / "midnight.csv"
    template = (Path(__file__).resolve().parent.parent / "templates" / "surveys.csv").read_text().splitlines()
    path.write_text(template[0] + "\n" + template[1].replace("2025-03-27 09:00", "2025-06-02 00:00") + "\n")
    import_file(engine, "surveys", path)
    with engine.connect() as conn:
        on_the_day = ikm_summary(conn, Filters(date_from=date(2025, 6, 2), date_to=date(2025, 6, 2)))
        day_before = ikm_summary(conn, Filters(date_from=date(2025, 6, 1), date_to=date(2025, 6, 1)))
    assert on_the_day is not None and on_the_day.respondents == 1
    assert day_before is None
