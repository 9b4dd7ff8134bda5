"""The open data API's answer times: a cached table (200) and a revalidation (304), in the server and over HTTP.

    python bench/api.py [--url DATABASE_URL] [--surveys 50000] [--complaints 5000] [--repeat 200]
                        [--tables ikm-per-unit,peta-unit,...|all] [--formats json,csv]

Without --url it builds a demo SQLite database (bench/demo_db.py) in a temporary folder, deleted afterwards; with
--url it reads that database (it writes nothing).

1. Server time, in-process: the routes components/api.py's ROUTES builds, in a bare Starlette app as
   tests/test_api.py serves them, called as an ASGI application (no client, no socket): the time from the call
   to the last byte of the answer handed to the server, which is everything the app does for the request
   (routing, the endpoint in Starlette's thread pool, the table from the pages' st.cache_data functions, the
   body). Per table and format: the first request (caches empty), then --repeat requests (the cached table, 200)
   and --repeat with If-None-Match holding the answer's ETag (304).
2. Wall time over HTTP on the loopback: the app as a real server (tests.browser.start_app: `streamlit run app.py`,
   uvicorn), one kept-alive connection (http.client), the same requests after one untimed of each: from sending
   the request to the whole answer read; and a 200 on a new connection per request. (On a kept-alive connection
   an answer with a body waits for the client's delayed ACK, about 40 ms: Streamlit binds its listening socket
   with protocol 0, so asyncio leaves Nagle's algorithm on, and the body, sent after the headers, waits.)

Prints median and 95th percentile in ms per table and format; '!' marks a figure over issue 18's targets for server
time (a cached table within 10 ms, a 304 within 2 ms). Over HTTP the figures add uvicorn, the socket and the
client; no target is marked there. No timed assertion anywhere.
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import os
import shutil
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.demo_db import build_demo_database
from bench.load import percentile
from tests.browser import start_app

TABLE_TARGET_MS = 10.0
NOT_MODIFIED_TARGET_MS = 2.0
UNIT = "3575-MPP"  # the unit a per-unit table is asked for (a demo unit of Kota Pasuruan)
# One table of each area by default: IKM, a unit's card, complaints, the map, leadership.
DEFAULT_TABLES = ("ikm-per-unit", "unit-unsur", "pengaduan-per-bulan", "peta-unit", "pimpinan-peringkat-ikm")


def table_paths(tables: list[str], formats: list[str]) -> list[str]:
    """/api/v1/<table>.<format>, a per-unit table with ?unit=."""
    from components.api import API_PATH
    from components.datasets import DATASETS

    per_unit = {table.key for table in DATASETS if table.per_unit}
    return [f"{API_PATH}/{table}.{kind}" + (f"?unit={UNIT}" if table in per_unit else "")
            for table in tables for kind in formats]


# ----------------------------------------------------------------------------------------- 1. in-process


class Answer:
    def __init__(self) -> None:
        self.status = 0
        self.headers: dict[str, str] = {}
        self.body = b""


async def asgi_get(app, path: str, headers: dict[str, str]) -> tuple[float, Answer]:
    """GET path from an ASGI app; (seconds from the call to the answer's last byte, the answer)."""
    parts = urlsplit(path)
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
        "path": parts.path, "raw_path": parts.path.encode(), "query_string": parts.query.encode(), "root_path": "",
        "headers": [(b"host", b"127.0.0.1")] + [(k.lower().encode(), v.encode()) for k, v in headers.items()],
        "client": ("127.0.0.1", 40000), "server": ("127.0.0.1", 80),
    }
    answer = Answer()
    finished = 0.0
    requested = False

    async def receive() -> dict:
        nonlocal requested
        if not requested:
            requested = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await asyncio.Event().wait()  # the client never leaves early
        return {"type": "http.disconnect"}

    async def send(message: dict) -> None:
        nonlocal finished
        if message["type"] == "http.response.start":
            answer.status = message["status"]
            answer.headers = {k.decode().lower(): v.decode() for k, v in message.get("headers", [])}
        elif message["type"] == "http.response.body":
            answer.body += message.get("body", b"")
            if not message.get("more_body", False):
                finished = time.perf_counter()

    started = time.perf_counter()
    await app(scope, receive, send)
    return (finished or time.perf_counter()) - started, answer


async def _in_process(paths: list[str], repeat: int) -> dict[str, dict]:
    from starlette.applications import Starlette

    from components.api import ROUTES

    app = Starlette(routes=ROUTES)
    results = {}
    for path in paths:
        first, answer = await asgi_get(app, path, {})
        if answer.status != 200:
            results[path] = {"error": f"HTTP {answer.status}: {answer.body[:200]!r}"}
            continue
        tag = answer.headers["etag"]
        fresh, revalidated = [], []
        for _ in range(repeat):
            seconds, again = await asgi_get(app, path, {})
            if again.status != 200:
                raise RuntimeError(f"{path}: HTTP {again.status} on a repeated request")
            fresh.append(seconds)
        for _ in range(repeat):
            seconds, again = await asgi_get(app, path, {"If-None-Match": tag})
            if again.status != 304:
                raise RuntimeError(f"{path}: HTTP {again.status} for If-None-Match {tag}, not 304")
            revalidated.append(seconds)
        results[path] = {"first": first, "fresh": fresh, "revalidated": revalidated, "bytes": len(answer.body)}
    return results


def in_process(url: str, paths: list[str], repeat: int) -> dict[str, dict]:
    os.environ["DATABASE_URL"] = url
    os.environ.pop("PUBLIC_DATABASE_URL", None)
    return asyncio.run(_in_process(paths, repeat))


# ----------------------------------------------------------------------------------------------- 2. HTTP


def over_http(url: str, paths: list[str], repeat: int) -> dict[str, dict]:
    results = {}
    with start_app(url) as server:
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
        try:
            def get(path: str, headers: dict[str, str]) -> tuple[float, int, dict, bytes]:
                started = time.perf_counter()
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                body = response.read()
                return time.perf_counter() - started, response.status, dict(response.getheaders()), body

            for path in paths:
                _, status, headers, body = get(path, {})  # the server's first: caches filled
                if status != 200:
                    results[path] = {"error": f"HTTP {status}: {body[:200]!r}"}
                    continue
                tag = {k.lower(): v for k, v in headers.items()}["etag"]
                get(path, {"If-None-Match": tag})
                fresh = [get(path, {})[0] for _ in range(repeat)]
                revalidated = []
                for _ in range(repeat):
                    seconds, status, _, _ = get(path, {"If-None-Match": tag})
                    if status != 304:
                        raise RuntimeError(f"{path}: HTTP {status} for If-None-Match over HTTP, not 304")
                    revalidated.append(seconds)
                results[path] = {"fresh": fresh, "revalidated": revalidated, "bytes": len(body),
                                 "new_connection": [_on_new_connection(server.port, path) for _ in range(repeat)]}
        finally:
            connection.close()
    return results


def _on_new_connection(port: int, path: str) -> float:
    """Seconds for one GET on a connection of its own, connecting included."""
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path)
        connection.getresponse().read()
    finally:
        connection.close()
    return time.perf_counter() - started


# ---------------------------------------------------------------------------------------------- report


def _figures(values: list[float], target_ms: float | None) -> str:
    median, p95 = statistics.median(values) * 1000, percentile(values, 0.95) * 1000

    def mark(ms: float) -> str:
        return "!" if target_ms is not None and ms > target_ms else " "

    return f"{median:>7.2f}{mark(median)}{p95:>7.2f}{mark(p95)}"


def print_table(title: str, results: dict[str, dict], targets: bool) -> None:
    print(f"\n{title}")
    first = "first" if targets else ""
    extra = "" if targets else f"  {'new conn.':>9}{'p95':>7}"
    print(f"{'request':<48} {'bytes':>8} {first:>7}  {'200 p50':>8}{'p95':>8}  {'304 p50':>8}{'p95':>8}{extra}")
    for path, figures in results.items():
        if "error" in figures:
            print(f"{path:<48} ERROR: {figures['error']}")
            continue
        start = f"{figures['first'] * 1000:>7.1f}" if "first" in figures else f"{'':>7}"
        extra = f"  {_figures(figures['new_connection'], None)}" if "new_connection" in figures else ""
        print(f"{path:<48} {figures['bytes']:>8,} {start}  "
              f"{_figures(figures['fresh'], TABLE_TARGET_MS if targets else None)}  "
              f"{_figures(figures['revalidated'], NOT_MODIFIED_TARGET_MS if targets else None)}{extra}")


def main() -> int:
    from streamlit.logger import set_log_level

    set_log_level("error")  # importing the tables' modules outside a server warns "No runtime found"
    from components.datasets import DATASETS

    keys = [table.key for table in DATASETS]
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", help="the database to read (default: a new demo SQLite database)")
    parser.add_argument("--surveys", type=int, default=50_000, help="demo questionnaires without --url")
    parser.add_argument("--complaints", type=int, default=5_000, help="demo complaints without --url")
    parser.add_argument("--repeat", type=int, default=200, help="timed requests of each kind per table (default 200)")
    parser.add_argument("--tables", default=",".join(DEFAULT_TABLES),
                        help="comma-separated table keys, or 'all' (default: " + ",".join(DEFAULT_TABLES) + ")")
    parser.add_argument("--formats", default="json,csv", help="json, csv or both (default json,csv)")
    args = parser.parse_args()
    tables = keys if args.tables == "all" else args.tables.split(",")
    unknown = set(tables) - set(keys)
    if unknown:
        parser.error(f"unknown tables: {', '.join(sorted(unknown))} (the API serves {', '.join(keys)})")
    formats = args.formats.split(",")
    if not formats or set(formats) - {"json", "csv"}:
        parser.error("--formats takes json, csv or json,csv")
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    built = None
    url = args.url
    if url is None:
        url = build_demo_database(args.surveys, args.complaints, prefix="dasbor-api-")
        built = Path(url.removeprefix("sqlite:///")).parent
    paths = table_paths(tables, formats)
    load_start = os.getloadavg()
    try:
        print(f"measuring {len(paths)} requests x {args.repeat} on {url} ...", file=sys.stderr, flush=True)
        server_times = in_process(url, paths, args.repeat)
        wall_times = over_http(url, paths, args.repeat)
    finally:
        if built is not None:
            shutil.rmtree(built, ignore_errors=True)
    print_table(f"server time, in-process (ms; the routes of components/api.py called as an ASGI app; first = caches "
                f"empty; median and p95 of {args.repeat})", server_times, targets=True)
    print(f"'!' marks a figure over the targets: a cached table (200) within {TABLE_TARGET_MS:g} ms, a 304 within "
          f"{NOT_MODIFIED_TARGET_MS:g} ms")
    print_table(f"wall time over HTTP on the loopback (ms; `streamlit run app.py`, one kept-alive connection; "
                f"median and p95 of {args.repeat}; new conn.: a 200 on a connection of its own)", wall_times,
                targets=False)
    print("load average (1/5/15 min): start " + " ".join(f"{x:.2f}" for x in load_start) + ", end "
          + " ".join(f"{x:.2f}" for x in os.getloadavg()) + f" on {os.cpu_count()} CPUs")
    failed = [path for results in (server_times, wall_times) for path, figures in results.items() if "error" in figures]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
