"""Every page in a real Chromium, one viewer at a time on a warm server: from the navigation's start to complete.

    python bench/browser_pages.py [--url DATABASE_URL] [--surveys 50000] [--complaints 5000] [--repeat 5]
                                  [--widths 1280,390] [--pages beranda,peta,...] [--timeout 60]

Without --url it builds a demo SQLite database (bench/demo_db.py) in a temporary folder, deleted afterwards; with
--url it reads that database (it writes nothing). The app runs as a real server (tests.browser.start_app:
`streamlit run app.py` on 127.0.0.1) and headless Debian Chromium (tests.browser.launch_browser: Playwright's sync
API, the suite's flags) opens every page of bench/pages.py's PAGES with the same query parameters, at each width
(1280 px: 1280x900; 390 px: 390x844, mobile, touch, device pixel ratio 2, as tests.browser.new_page makes it),
each view in a fresh browser context (a first visit: nothing cached in the browser), with nothing leaving the
loopback (tests.browser.route_cdn_to_local).

Per page and width: one untimed view (the server's caches warm for it), then --repeat timed views. Complete is
bench/complete.py's: the full script run ended, connected, no spinner or skeleton, the title shown, every visible
chart drawn, the map's markers shown, held for 0.5 s; timed in the browser from the navigation's start. Also shown:
when the script run started (before it, the browser loads Streamlit's frontend) and ended (after it, the
browser draws).

CPU: the server's (its process) and Chromium's (all its processes, the renderers of closed contexts included),
read from /proc/PID/stat (utime + stime, and cutime + cstime for ended children) before and after each page's timed
views, per view; and in all, with Playwright's driver and this script apart.

Prints a table per width: page, median, p95, n, run end, CPU per view; '!' marks a median over 1.0 s (issue 18's
target for a warm server). No timed assertion anywhere; a view that fails is listed, not timed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.complete import INIT_SCRIPT, NotComplete, wait_complete
from bench.demo_db import build_demo_database
from bench.load import CpuMeter, percentile
from bench.pages import PAGES, page_path
from tests.browser import close_browser, launch_browser, new_page, page_errors, start_app

MEDIAN_TARGET_S = 1.0
PHONE_WIDTH = 768  # narrower is a phone (tests.browser.new_page)


def _height(width: int) -> int:
    return 844 if width < PHONE_WIDTH else 900


def view(browser, url: str, width: int, timeout: float):
    """One view in a fresh context: bench.complete.Complete, or NotComplete."""
    page = new_page(browser, width, _height(width))
    try:
        page.add_init_script(INIT_SCRIPT)
        page.goto(url, wait_until="commit")
        done = wait_complete(page, timeout)
        errors = page_errors(page)
        if errors:
            raise NotComplete(f"JavaScript: {errors[0]}")
        return done
    finally:
        page.context.close()


def measure_width(browser, base_url: str, width: int, pages: list[str], repeat: int, timeout: float,
                  server_pid: int) -> list[dict]:
    rows = []
    for name in pages:
        url = base_url + page_path(name)
        row = {"page": name, "complete": [], "started": [], "ended": [], "errors": []}
        rows.append(row)
        try:
            view(browser, url, width, timeout)  # warm-up, untimed
        except NotComplete as problem:
            row["errors"].append(f"warm-up: {problem}")
        meter = CpuMeter(server_pid)
        for _ in range(repeat):
            try:
                done = view(browser, url, width, timeout)
            except NotComplete as problem:
                row["errors"].append(str(problem))
                continue
            row["complete"].append(done.seconds)
            row["started"].append(done.script_started)
            row["ended"].append(done.script_ended)
        row["cpu"] = meter.used()
        print(f"  {width} px {name}: {len(row['complete'])} views", file=sys.stderr, flush=True)
    return rows


def print_width(width: int, rows: list[dict]) -> None:
    print(f"\n{width} px ({'phone, 390x844 at DPR 2' if width < PHONE_WIDTH else f'{width}x{_height(width)}'}): "
          f"from the navigation's start, s; CPU ms per view")
    print(f"{'page':<10} {'URL':<28} {'median':>7} {'p95':>6} {'n':>3}  {'run start':>9} {'run end':>7}  {'server':>7} "
          f"{'Chromium':>8}")
    for row in rows:
        url = page_path(row["page"])
        for error in row["errors"]:
            print(f"{row['page']:<10} {url:<28} ERROR: {error[:300]}")
        values = row["complete"]
        if not values:
            continue
        n = len(values)
        median = statistics.median(values)
        print(f"{row['page']:<10} {url:<28} {median:>7.2f}{'!' if median > MEDIAN_TARGET_S else ' '}"
              f"{percentile(values, 0.95):>6.2f} {n:>3}  {statistics.median(row['started']):>9.2f} "
              f"{statistics.median(row['ended']):>7.2f}  "
              f"{row['cpu']['server'] / n * 1000:>7.0f} {row['cpu']['chromium'] / n * 1000:>8.0f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", help="the database to serve (default: a new demo SQLite database)")
    parser.add_argument("--surveys", type=int, default=50_000, help="demo questionnaires without --url")
    parser.add_argument("--complaints", type=int, default=5_000, help="demo complaints without --url")
    parser.add_argument("--repeat", type=int, default=5, help="timed views per page and width (default 5)")
    parser.add_argument("--widths", default="1280,390", help="viewport widths in px (default 1280,390)")
    parser.add_argument("--pages", default=",".join(PAGES), help="comma-separated, of: " + ",".join(PAGES))
    parser.add_argument("--timeout", type=float, default=60.0, help="a view not complete after this many s fails")
    args = parser.parse_args()
    pages = args.pages.split(",")
    unknown = set(pages) - set(PAGES)
    if unknown:
        parser.error(f"unknown pages: {', '.join(sorted(unknown))}")
    try:
        widths = [int(width) for width in args.widths.split(",")]
    except ValueError:
        parser.error("--widths takes whole numbers of pixels, e.g. 1280,390")
    if args.repeat < 1 or any(width < 200 for width in widths):
        parser.error("--repeat must be at least 1 and every width at least 200 px")
    built = None
    url = args.url
    if url is None:
        url = build_demo_database(args.surveys, args.complaints, prefix="dasbor-browser-")
        built = Path(url.removeprefix("sqlite:///")).parent
    started, load_start = time.monotonic(), os.getloadavg()
    failed = False
    try:
        with start_app(url) as server:
            print(f"app at {server.url} (pid {server.process.pid}) on {url}", flush=True)
            browser = launch_browser()
            try:
                # The root first: a fresh server's first deep link skips dashboard.py's shell (bench/live.py).
                view(browser, server.url, widths[0], args.timeout)
                total = CpuMeter(server.process.pid)
                for width in widths:
                    rows = measure_width(browser, server.url, width, pages, args.repeat, args.timeout,
                                         server.process.pid)
                    print_width(width, rows)
                    failed = failed or any(row["errors"] for row in rows)
                used = total.used()
            finally:
                close_browser()
    finally:
        if built is not None:
            shutil.rmtree(built, ignore_errors=True)
    cpus = os.cpu_count() or 1
    print(f"\n'!' marks a median over {MEDIAN_TARGET_S:g} s. Medians of: run start, when the page's first full "
          "script run began (its new_session reached the browser: until then the browser loads and starts Streamlit's "
          "frontend); run end, when the last one ended (its script_finished arrived); the rest is the browser "
          "drawing.")
    print(f"CPU used in all (warm-up views included): server {used['server']:.1f} s, Chromium {used['chromium']:.1f} s,"
          f" Playwright's driver and this script {used['driving']:.1f} s, in {time.monotonic() - started:.0f} s on "
          f"{cpus} CPUs")
    print("load average (1/5/15 min): start " + " ".join(f"{x:.2f}" for x in load_start) + ", end "
          + " ".join(f"{x:.2f}" for x in os.getloadavg()) + " (other work on the machine slows every figure)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
