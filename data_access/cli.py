"""The data CLI: `python -m data_access COMMAND [--url DATABASE_URL]` (DESIGN.md "Contracts")."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from data_access import config
from data_access.engine import make_engine
from data_access.filters import Filters, InvalidFilter
from data_access.reference import REGION_CODES

EXIT_OK = 0
EXIT_REJECTED = 2

URL_HELP = "database URL, before or after COMMAND (default: DATABASE_URL, secrets.toml, or the embedded SQLite)"

EPILOG = """examples:
  python -m data_access init
  python -m data_access demo --seed 7 --surveys 250000 --complaints 5000
  python -m data_access import surveys templates/surveys.csv
  python -m data_access import skm-summary templates/skm-summary.csv
  python -m data_access import open311 requests.json --map templates/open311-map.json
  python -m data_access rollups
  python -m data_access qr --base-url https://dasbor.example.go.id --unit 3575-MPP --out posters/
  python -m data_access report ikm --region 35.75 --from 2025-01-01 --to 2025-03-31 --by unit
  python -m data_access report complaints --unit 3575-MPP
"""


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m data_access",
        description="Database tools of the Pasuruan public-service dashboard.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--url", help=URL_HELP)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    commands.add_parser(
        "init",
        help="create or migrate the schema and load reference data (idempotent)",
        description="Create or migrate the schema and load regions, kecamatan and Ombudsman scores.\n\n"
        "example: python -m data_access init --url postgresql+psycopg://app@localhost/dasbor",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )

    demo = commands.add_parser(
        "demo",
        help="load deterministic demo data (replaces earlier demo data)",
        description="Load seeded, realistic demo units, questionnaires and complaints.\n\n"
        "example: python -m data_access demo --seed 7 --surveys 250000 --complaints 5000",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    demo.add_argument("--seed", type=int, default=2025, help="random seed (default 2025)")
    demo.add_argument("--surveys", type=int, default=250_000, help="questionnaires (default 250000: most units "
                      "reach their minimum sample every quarter)")
    demo.add_argument("--complaints", type=int, default=5_000, help="complaints (default 5000)")
    demo.add_argument("--until", type=_iso_date, help="last day of demo data, WIB (default: today)")

    commands.add_parser(
        "rollups",
        help="rebuild the per-day questionnaire and complaint rollups the pages read",
        description="Recompute the per unit per day rollups from every questionnaire and complaint (normally "
        "kept in step automatically; use after repairing raw rows by hand).\n\nexample: python -m data_access rollups",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )

    qr = commands.add_parser(
        "qr",
        help="write printable QR posters linking to each unit's survey form",
        description="Write an A5 poster per active unit (or one unit) with its name, a short instruction and "
        "the QR code of its survey link BASE-URL/survei?unit=CODE.\n\n"
        "example: python -m data_access qr --base-url https://dasbor.pasuruankab.go.id --out posters/",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    qr.add_argument("--base-url", required=True, help="public address of the dashboard")
    qr.add_argument("--unit", metavar="CODE", help="only this unit")
    qr.add_argument("--out", required=True, help="folder for the posters")
    qr.add_argument("--format", choices=["png", "pdf"], default="png")

    imp = commands.add_parser(
        "import",
        help="import a CSV/XLSX (or Open311 JSON) file; all-or-nothing",
        description="Validate the whole file, then write it in one transaction. Any invalid row rejects the "
        "file: every problem is listed as row, column, value, reason, and the exit status is 2. A units file "
        "whose names or addresses seem to hold a NIK, phone number or e-mail address is imported, with a "
        "warning (row, column, reason) for each.\n\n"
        "example: python -m data_access import complaints complaints.xlsx\n"
        "         python -m data_access import skm-summary templates/skm-summary.csv",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    imp.add_argument("kind", choices=["units", "surveys", "complaints", "skm-summary", "open311"])
    imp.add_argument("file")
    imp.add_argument(
        "--map",
        metavar="MAPFILE",
        help="open311 only: JSON map of the city's service codes/names, agencies and statuses to ours "
        "(docs/formats.md; example templates/open311-map.json)",
    )

    report = commands.add_parser(
        "report",
        help="print the figures the pages show, as JSON",
        description="Print IKM or complaint figures as JSON on stdout.\n\n"
        "example: python -m data_access report ikm --region 35.14 --by unit",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    report.add_argument("what", choices=["ikm", "complaints"])
    report.add_argument("--region", choices=REGION_CODES)
    report.add_argument("--unit", metavar="CODE")
    report.add_argument("--from", dest="date_from", type=_iso_date, metavar="YYYY-MM-DD")
    report.add_argument("--to", dest="date_to", type=_iso_date, metavar="YYYY-MM-DD")
    report.add_argument("--by", choices=["unit"])
    # Also after COMMAND and its arguments, as the README writes it. SUPPRESS keeps a URL given before COMMAND when
    # the command's own parser has none (otherwise its default None would overwrite it).
    for command in commands.choices.values():
        command.add_argument("--url", default=argparse.SUPPRESS, help=URL_HELP)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    url = args.url or config.database_url()
    engine = make_engine(url, timeout=False)
    try:
        return _run(args, engine)
    finally:
        engine.dispose()


def _run(args: argparse.Namespace, engine) -> int:
    from data_access.db_init import init_database

    if args.command == "init":
        init_database(engine)
        print("Skema siap / schema ready.")
        return EXIT_OK

    if args.command == "demo":
        from data_access.demo import load_demo
        from data_access.progress import progress_for

        init_database(engine)
        counts = load_demo(
            engine,
            seed=args.seed,
            surveys=args.surveys,
            complaints=args.complaints,
            until=args.until,
            progress=progress_for(sys.stderr),
        )
        print(json.dumps(counts))
        return EXIT_OK

    if args.command == "rollups":
        from data_access.complaint_rollups import rebuild_complaint_rollups
        from data_access.rollups import rebuild_survey_rollups

        init_database(engine)
        with engine.begin() as conn:
            unit_days = rebuild_survey_rollups(conn)
            complaint_rows = rebuild_complaint_rollups(conn)
        print(json.dumps({"unit_days": unit_days, "complaint_rows": complaint_rows}))
        return EXIT_OK

    if args.command == "qr":
        from pathlib import Path

        from data_access.qr_posters import UnknownUnit, write_posters

        try:
            files = write_posters(engine, args.base_url, Path(args.out), args.unit, args.format)
        except UnknownUnit as unknown:
            print(f"unknown or inactive unit code: {unknown}", file=sys.stderr)
            return EXIT_REJECTED
        except ValueError as invalid:
            print(str(invalid), file=sys.stderr)
            return EXIT_REJECTED
        print(json.dumps({"posters": len(files), "out": args.out}))
        return EXIT_OK

    if args.command == "import":
        from data_access.importers import import_file
        from data_access.importers.problems import ImportRejected, render_warnings
        from data_access.progress import progress_for

        init_database(engine)
        try:
            result = import_file(
                engine, args.kind, args.file, progress=progress_for(sys.stderr), map_path=args.map
            )
        except ImportRejected as rejected:
            print(rejected.render(), file=sys.stderr)
            return EXIT_REJECTED
        warnings = result.pop("warnings")
        if warnings:
            print(render_warnings(warnings), file=sys.stderr)
        print(json.dumps(result))
        return EXIT_OK

    from data_access import report

    try:
        filters = Filters(region=args.region, unit=args.unit, date_from=args.date_from, date_to=args.date_to)
    except InvalidFilter as invalid:
        print(f"invalid {invalid.field}: {invalid.value}", file=sys.stderr)
        return EXIT_REJECTED
    try:
        if args.what == "ikm":
            payload = report.ikm_report(engine, filters, by_unit=args.by == "unit")
        else:
            payload = report.complaints_report(engine, filters, by_unit=args.by == "unit")
    except report.UnknownUnit as unknown:
        print(f"unknown unit code: {unknown}", file=sys.stderr)
        return EXIT_REJECTED
    print(json.dumps(payload, ensure_ascii=False, indent=2))
    return EXIT_OK
