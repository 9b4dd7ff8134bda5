"""Load: N concurrent browser sessions browse the app for some minutes; errors, page-finish times, server memory.

    python bench/load.py [--sessions 20] [--minutes 5] [--url DATABASE_URL] [--surveys 50000] [--complaints 5000]
                         [--think 2] [--sample 5] [--warmup 60] [--timeout 300] [--ramp 10] [--browser-nice 19]
    python bench/load.py --per-page [--sessions 20] [--views 3] [--think 15] [--pages beranda,peta,...] [--url ...]

Without --url it builds a demo SQLite database of the embedded default's size in a temporary folder
(bench/demo_db.py); with --url it reads that database (it writes nothing). The app runs as a real server
(tests.browser.start_app: `streamlit run app.py` bound to 127.0.0.1 on a free port) and one headless Chromium opens
--sessions browser contexts (1366x900, id-ID, Asia/Jakarta) that browse at the same time. Everything stays on the
loopback: external requests are answered from node_modules, stubbed or aborted as tests.browser.route_cdn_to_local
does (the same rules, applied by an asyncio twin of it).

The sessions start spread over --ramp seconds. Each walks the same round again and again until the time is up
(a step still under way then gets STOP_GRACE_SECONDS to finish, or is dropped), with a random pause of 0.5x to 1.5x
--think seconds between steps (seeded per session), and its own choices (region, kind of unit, ticket, unit card,
CSV or XLSX) that stay the same every round, so that after the first round the server's caches have seen every
view and later growth of its memory is not new cached figures:
  beranda             open the root URL (a new Streamlit session), its live tiles drawn
  kepuasan            sidebar link to Kepuasan
  kepuasan (filter)   a region chosen in the sidebar, then a kind of unit in the page's filter: two timed views
  pengaduan           sidebar link to Pengaduan
  peta                sidebar link to Peta, until the map's frame shows unit markers
  lacak               sidebar link to Lacak pengaduan
  lacak (tiket)       a ticket of the database typed and Enter, until its card shows
  data                sidebar link to Data & Metodologi
  data (unduh)        the table's CSV (or XLSX) download, until the file has arrived whole
  unit                a unit card opened by its link /unit?unit=CODE (a new Streamlit session, as from a QR code)

Page finish: from the click (or navigation) until the full script run it started has ended (followed in the
websocket's messages; the live fragments' own reruns every few seconds are not waited for), no run follows within
300 ms, the page is connected with no spinner or skeleton left, and its own content is present (its title, the
ticket's card, the map's markers, the downloaded file). The time taken is when that state was first seen.

Errors: uncaught JavaScript exceptions; a Streamlit exception or error box; exception-like text (as the smoke test
looks for); the database-unavailable notice; an HTTP status >= 400 or a failed request from the app's own server
(requests cancelled by a navigation, net::ERR_ABORTED, are not failures); a step that does not finish within
--timeout seconds; content missing; tracebacks in the server's log, except Starlette's WebSocketDisconnected
raised when Streamlit still sends to a browser that has just left (a navigation): those are counted apart.

Server memory: the resident set (VmRSS in /proc/PID/status) of the streamlit process and all its descendants,
sampled every --sample seconds. Warm-up ends when every session has finished a round without error and --warmup
seconds have passed since the start, whichever is later; "after warm-up" is a sample taken then, "at the end" one
taken when the time is up, while the sessions still browse. Growth over 10 % or any error is marked with '!';
either, or a run too short for warm-up to end, makes the exit status 1. Also printed: the CPU time used by the
server (near 100 % of one CPU: Python is the bottleneck) and by Chromium and Playwright (on a small machine the 20
browsers, not the server, use most of it), and the load average at the start and at the end: a busy machine slows
every figure. Chromium runs at niceness --browser-nice (default 19), so that the server gets the CPU first.

With --per-page, instead of the round: each page of bench/pages.py's PAGES in turn, with its query parameters, is
read by --sessions readers at once, each opening it --views times (a new navigation, so a new Streamlit session,
each time) and reading it about --think seconds (default 15 here: a reader's pace) after each view, after one
untimed view that warms the server. Per page: the views, errors, the server's CPU over the page's phase divided by
its views (ms per view) and its inverse (views per CPU-second), complete p50 and p95 (bench/complete.py: from the
navigation's start, in the browser; '!' over 2 s), and Chromium's CPU per view.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import shlex
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections import defaultdict, deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import select
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench.complete import INIT_SCRIPT, MAP_FRAME, MAP_MARKERS, OUTAGE, NotComplete, wait_complete_async
from bench.pages import PAGES, page_path
from components.i18n import t
from data_access import schema
from data_access.engine import make_engine
from tests.browser import (
    CHROMIUM_ARGS,
    DESKTOP,
    ERROR_TEXT,
    NODE_MODULES,
    AppServer,
    _content_type,
    chromium_path,
    classify_request,
    local_asset_for,
    start_app,
)

GROWTH_LIMIT = 0.10
# When the time is up, how long a step still under way may take to finish before it is abandoned.
STOP_GRACE_SECONDS = 60
# Each session's region (None: both) and kind of unit, taken in turn: every region and a few kinds, ordered so that a
# session's kind exists in its region (the Kota has no desa): the kind chosen on Kepuasan follows it to Peta, whose map
# must then show markers.
REGIONS = ("35.75", "35.14", None)
KINDS = ("puskesmas", "desa", "mpp", "kelurahan", "opd")
_PROBE = re.compile(r"/[^/]+(?:/[^/]+)*/_stcore/(?:health|host-config)")
_CHECK_JS = """() => {
    const main = document.querySelector('[data-testid="stMain"]');
    return {
        boxes: document.querySelectorAll('[data-testid="stException"], [data-testid="stAlertContentError"]').length,
        text: main ? main.innerText : '',
    };
}"""


# ------------------------------------------------------------------------------------------------- results


@dataclass
class View:
    session: int
    page: str
    seconds: float


@dataclass
class LoadResult:
    sessions: int
    started: float  # time.monotonic() at the start of the browsing
    views: list[View] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    samples: list[tuple[float, int]] = field(default_factory=list)  # (seconds since the start, RSS in kB)
    warmed_at: float | None = None  # seconds since the start
    rounds: int = 0
    load_start: tuple[float, float, float] = (0.0, 0.0, 0.0)
    load_end: tuple[float, float, float] = (0.0, 0.0, 0.0)
    server_cpu_seconds: float = 0.0  # used by the server while the sessions browsed
    browsing_cpu_seconds: float = 0.0  # used by Chromium, Playwright's driver and this script meanwhile
    chromium_cpu_seconds: float = 0.0  # of which Chromium's own
    sends_after_leaving: int = 0  # tracebacks logged for a message sent to a browser that had left (not errors)

    def memory_after_warmup(self) -> tuple[float, int] | None:
        if self.warmed_at is None:
            return None
        return next(((at, kb) for at, kb in self.samples if at >= self.warmed_at), None)

    def memory_at_end(self) -> tuple[float, int] | None:
        return self.samples[-1] if self.samples else None

    def growth(self) -> float | None:
        """Relative growth of the server's memory from after warm-up to the end; None when warm-up never ended."""
        warm, end = self.memory_after_warmup(), self.memory_at_end()
        if warm is None or end is None or end[0] <= warm[0]:
            return None
        return round(end[1] / warm[1] - 1, 6)  # 6 places: 10 % exactly is within the limit, not 10.000000000000009 %

    def problems(self) -> list[str]:
        """Why the run failed: errors, too much growth, or no measurement of growth at all."""
        found = []
        if self.errors:
            found.append(f"{len(self.errors)} error(s)")
        growth = self.growth()
        if growth is None:
            found.append("warm-up did not end (every session must finish a round without error, then run on): "
                         "no memory growth measured")
        elif growth > GROWTH_LIMIT:
            found.append(f"server memory grew {growth:.1%} after warm-up (limit {GROWTH_LIMIT:.0%})")
        if not self.views:
            found.append("no page was viewed")
        return found


# ------------------------------------------------------------------------------------------- server memory, CPU


def _stat_fields(pid: int) -> list[str]:
    """/proc/PID/stat after the command name (in parentheses, which may hold spaces): state, ppid, ..."""
    with open(f"/proc/{pid}/stat") as fh:
        return fh.read().rsplit(")", 1)[1].split()


def process_tree(pid: int) -> list[int]:
    """A process and all its descendants."""
    children: dict[int, list[int]] = defaultdict(list)
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                children[int(_stat_fields(int(entry.name))[1])].append(int(entry.name))
            except (OSError, IndexError, ValueError):
                continue
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        todo.extend(children.get(current, ()))
    return tree


def process_tree_rss_kb(pid: int) -> int:
    """VmRSS of a process and all its descendants, in kB (0 for a process that has gone)."""
    total = 0
    for member in process_tree(pid):
        try:
            with open(f"/proc/{member}/status") as fh:
                total += next((int(line.split()[1]) for line in fh if line.startswith("VmRSS:")), 0)
        except OSError:
            pass
    return total


def cpu_seconds(pids: list[int]) -> dict[int, float]:
    """CPU time (user + system) used so far by each of these processes that still runs."""
    return {pid: own for pid, (own, _) in _cpu_times(pids).items()}


def _cpu_times(pids: list[int]) -> dict[int, tuple[float, float]]:
    """Per process that still runs: (its own CPU seconds, those of its children that have ended and been waited
    for: cutime + cstime, which hold their own waited-for children's in turn)."""
    tick = os.sysconf("SC_CLK_TCK")
    used = {}
    for pid in pids:
        try:
            fields = _stat_fields(pid)
            # utime, stime, cutime, cstime (stat(5)).
            used[pid] = ((int(fields[11]) + int(fields[12])) / tick, (int(fields[13]) + int(fields[14])) / tick)
        except (OSError, IndexError, ValueError):
            pass
    return used


class CpuMeter:
    """CPU used from now on by the server (its process and descendants), by Chromium (every process that the
    Playwright driver started) and by the driving side (Playwright's driver and this script's own process).

    A Chromium page's renderer ends with its browser context; its time then moves into its parent's (Chromium's
    zygote's) cutime/cstime, which is counted, so a group's figure is its whole use: the sum over the group's
    running processes of their own time and their ended children's, now minus before. Only a process whose parent
    ended first (re-parented to init) would be missed."""

    def __init__(self, server_pid: int) -> None:
        self.server_pid = server_pid
        self.before = self._groups()

    def _groups(self) -> dict[str, float]:
        me = os.getpid()
        mine = process_tree(me)
        server = set(process_tree(self.server_pid))
        times = _cpu_times(mine)
        # Playwright's driver is a child of this process; Chromium, its children and theirs.
        drivers, chromium = [], []
        for pid in mine:
            if pid == me or pid in server:
                continue
            try:
                parent = int(_stat_fields(pid)[1])
            except (OSError, IndexError, ValueError):
                continue
            (drivers if parent == me else chromium).append(pid)
        return {
            "server": sum(sum(times[pid]) for pid in server if pid in times),
            "chromium": sum(sum(times[pid]) for pid in chromium if pid in times)
                        + sum(times[pid][1] for pid in drivers),
            "driving": times.get(me, (0.0, 0.0))[0] + sum(times[pid][0] for pid in drivers),
        }

    def used(self) -> dict[str, float]:
        """CPU seconds since the meter was made, per group: server, chromium, driving."""
        now = self._groups()
        return {group: now[group] - self.before[group] for group in now}


# --------------------------------------------------------------------------------------- what the sessions use


@dataclass(frozen=True)
class Choices:
    """What one session picks, the same every round."""

    region: str | None
    kind: str
    ticket: str
    unit: str
    xlsx: bool


def session_choices(database_url: str, sessions: int) -> list[Choices]:
    """Each session's region, kind, ticket (spread over the database's complaints) and unit card (spread over the
    units with questionnaires)."""
    engine = make_engine(database_url, read_only=True)
    try:
        with engine.connect() as conn:
            tickets = conn.execute(select(schema.complaints.c.ticket).order_by(schema.complaints.c.ticket)
                                   .limit(max(sessions * 7, 50))).scalars().all()
            units = conn.execute(
                select(schema.service_units.c.code)
                .where(select(schema.survey_responses.c.id)
                       .where(schema.survey_responses.c.unit_id == schema.service_units.c.id).exists())
                .order_by(schema.service_units.c.code)
            ).scalars().all()
    finally:
        engine.dispose()
    if not tickets or not units:
        raise RuntimeError(f"{database_url} needs complaints and questionnaires (a demo database has both)")
    return [
        Choices(region=REGIONS[i % len(REGIONS)], kind=KINDS[i % len(KINDS)], ticket=tickets[(i * 7) % len(tickets)],
                unit=units[(i * 11) % len(units)], xlsx=i % 2 == 1)
        for i in range(sessions)
    ]


# -------------------------------------------------------------------------------- Chromium, asynchronously


async def route_cdn_to_local_async(context) -> None:
    """tests.browser.route_cdn_to_local for Playwright's asyncio API: the same rules (classify_request)."""
    if not (NODE_MODULES / "leaflet" / "dist" / "leaflet.js").exists():
        raise RuntimeError(f"{NODE_MODULES}/leaflet is missing: run `npm ci` in {ROOT}")
    assets: dict[Path, bytes] = {}

    async def handle(route) -> None:
        url = route.request.url
        kind = classify_request(url)
        cors = {"access-control-allow-origin": "*", "cache-control": "max-age=3600"}
        if kind == "serve":
            asset = local_asset_for(url)
            if asset.exists():
                if asset not in assets:
                    assets[asset] = asset.read_bytes()
                await route.fulfill(status=200, body=assets[asset],
                                    headers={**cors, "content-type": _content_type(asset.name)})
            else:
                await route.fulfill(status=404, body=b"", headers=cors)
        elif kind == "stub":
            await route.fulfill(status=200, body=b"/* offline stub */\n",
                                headers={**cors, "content-type": _content_type(urlsplit(url).path)})
        elif kind == "abort":
            await route.abort("internetdisconnected")
        else:
            await route.fallback()

    await context.route(lambda url: classify_request(url) != "local", handle)


def http_problem(server_host: str, response) -> str | None:
    """An error answer from the app's own server, as an error's text; None for any other response."""
    parts = urlsplit(response.url)
    if parts.netloc != server_host or response.status < 400:
        return None
    # On a deep link (/unit?unit=...) Streamlit's frontend first looks for its server under the page's path
    # (/unit/_stcore/health, /unit/_stcore/host-config), then at the root: those 404s are its way of finding it.
    if response.status == 404 and _PROBE.fullmatch(parts.path):
        return None
    return f"HTTP {response.status} {response.url}"


def request_problem(server_host: str, request) -> str | None:
    """A failed request to the app's own server (not one cancelled by a navigation, net::ERR_ABORTED)."""
    failure = request.failure or ""
    if urlsplit(request.url).netloc == server_host and "ERR_ABORTED" not in failure:
        return f"request failed {request.url}: {failure}"
    return None


class RunWatcher:
    """A page's full script runs, followed in the websocket's messages (new_session starts a run, script_finished
    ends it; each carries the run's id and, for a fragment's own rerun, the fragment's id).

    Fragments are left out: Beranda's tiles and a unit card rerun their live fragment every LIVE_REFRESH_SECONDS,
    and on a loaded server those reruns follow each other so closely that the page's script state (what
    tests.browser.wait_for_app watches) is rarely idle for long, although the page itself finished long before."""

    def __init__(self, page) -> None:
        self.socket = None
        self.running: set[str] = set()
        self.started = 0  # full runs started, over the page's life
        self.ended = 0  # full runs ended (successfully, early for a rerun, or with a compile error)
        self.trail: deque[tuple[float, str]] = deque(maxlen=6)  # the last starts and ends, for error messages
        page.on("websocket", self._attach)

    def describe(self) -> str:
        now = time.monotonic()
        trail = ", ".join(f"{text} {now - at:.0f} s ago" for at, text in self.trail)
        return (f"full runs since the page opened: {self.started} started, {self.ended} ended, "
                f"{len(self.running)} running; last messages: {trail or 'none'}")

    def _attach(self, socket) -> None:
        if not urlsplit(socket.url).path.endswith("/_stcore/stream"):
            return
        # A new connection (a navigation): the old page's runs are gone with it.
        self.socket, self.running = socket, set()
        socket.on("framereceived", lambda payload: self._message(socket, payload))

    def _message(self, socket, payload) -> None:
        if socket is not self.socket or isinstance(payload, str):
            return
        message = ForwardMsg.FromString(payload)
        kind = message.WhichOneof("type")
        run = message.metadata.run
        if kind == "new_session":
            self.trail.append((time.monotonic(), f"{'fragment' if run.fragment_ids else 'run'} started"))
            # A session runs one script at a time, so any run still open here has ended, although its
            # script_finished may never come: a new run clears the session's queue of unsent messages.
            self.ended += len(self.running)
            self.running.clear()
            if not run.fragment_ids:
                self.running.add(run.script_run_id)
                self.started += 1
        elif kind == "script_finished":
            self.trail.append((time.monotonic(), ForwardMsg.ScriptFinishedStatus.Name(message.script_finished)))
            if message.script_finished == ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY:
                return
            if not message.metadata.HasField("run"):  # a request the server failed to handle: it ended every run
                self.running.clear()
                self.ended += 1
            elif run.script_run_id in self.running:  # not a fragment's run stopped early for a full rerun
                self.running.discard(run.script_run_id)
                self.ended += 1


_STATE_JS = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    const busy = document.querySelectorAll(
        '[data-testid="stSpinner"], [data-testid="stSkeleton"], [data-testid="stAppSkeleton"]').length;
    if (!app) return `no app at ${location.href}`;
    return `script ${app.getAttribute('data-test-script-state')}, ${app.getAttribute('data-test-connection-state')}, `
        + `${busy} spinner(s) or skeleton(s), ${location.pathname}${location.search}`;
}"""
# Connected, and nothing still drawing: tests.browser's _APP_READY_JS without the script state (see RunWatcher).
_DRAWN_JS = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    if (!app || app.getAttribute('data-test-connection-state') !== 'CONNECTED') return false;
    return !document.querySelector(
        '[data-testid="stSpinner"], [data-testid="stSkeleton"], [data-testid="stAppSkeleton"]');
}"""


async def finished(page, runs: RunWatcher, ended_before: int | None, settle: float = 0.3) -> float:
    """Wait until a full run has ended since the action (when ended_before, the count of ended runs taken before
    it, is given), none is running, the page is connected and drawn, and it stays so for `settle` seconds, so that
    a run starting right after (query parameters adopted, a component's first value) is waited for too. Returns the
    monotonic time the state was first seen. The caller bounds the wait."""
    while True:
        if not runs.running and (ended_before is None or runs.ended > ended_before) \
                and await page.evaluate(_DRAWN_JS):
            ready_at, started = time.monotonic(), runs.started
            await asyncio.sleep(settle)
            if runs.started == started and not runs.running and await page.evaluate(_DRAWN_JS):
                return ready_at
        else:
            await asyncio.sleep(0.1)


class StepFailed(Exception):
    """A step went wrong (already recorded as an error): the session starts its round again."""


class TimeUp(Exception):
    """The run's time is over: the session stops between two steps."""


@dataclass
class Schedule:
    """What the sessions share: when to stop, and who has finished a first round (the end of warm-up)."""

    sessions: int
    deadline: float  # time.monotonic()
    first_rounds: set[int] = field(default_factory=set)
    all_rounded: asyncio.Event = field(default_factory=asyncio.Event)

    def round_done(self, session: int) -> None:
        self.first_rounds.add(session)
        if len(self.first_rounds) == self.sessions:
            self.all_rounded.set()


class Session:
    """One browser context walking the round; records its views and errors into the shared result."""

    def __init__(self, number: int, browser, base_url: str, choices: Choices, result: LoadResult,
                 schedule: Schedule, *, think: float, timeout: float, seed: int) -> None:
        self.number, self.browser, self.base_url, self.choices = number, browser, base_url, choices
        self.result, self.schedule, self.think, self.timeout = result, schedule, think, timeout
        self.random = random.Random(seed * 1000 + number)
        self.step = "start"
        self.server_host = urlsplit(base_url).netloc

    def error(self, text: str) -> None:
        self.result.errors.append(f"session {self.number}, {self.step}: {text}")

    # --- events from the browser

    def _on_response(self, response) -> None:
        problem = http_problem(self.server_host, response)
        if problem:
            self.error(problem)

    def _on_request_failed(self, request) -> None:
        problem = request_problem(self.server_host, request)
        if problem:
            self.error(problem)

    # --- timing and checks

    async def timed(self, name: str, action, content, *, expect_download: bool = False) -> None:
        """Do action (a coroutine function), wait until content (a coroutine function, or None) is there and the
        page has finished, all within the step's deadline (--timeout); record the time or the error."""
        self.step = name
        # A download (on_click="ignore") starts no run: only the file is waited for.
        ended_before = None if expect_download else self.runs.ended
        started = arrived = time.monotonic()
        try:
            async with asyncio.timeout(self.timeout):
                if expect_download:
                    async with self.page.expect_download() as info:
                        await action()
                    download = await info.value
                    path = await download.path()  # waits until the file has arrived whole
                    size = os.path.getsize(path) if path else 0
                    arrived = time.monotonic()
                    await download.delete()
                    if size < 100:
                        raise StepFailed(f"download {download.suggested_filename} has {size} bytes")
                else:
                    await action()
                if content is not None:
                    await self.content_or_exception(content)
                done = max(await finished(self.page, self.runs, ended_before), arrived)
        except StepFailed as exc:
            self.error(str(exc))
            raise
        except TimeoutError as exc:  # asyncio's: the step's deadline
            self.error(f"not finished within {self.timeout:.0f} s ({self.runs.describe()}; {await self.state()})")
            raise StepFailed(name) from exc
        except Exception as exc:  # Playwright's errors: a closed page, a crash
            self.error(f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}")
            raise StepFailed(name) from exc
        self.result.views.append(View(self.number, name, done - started))
        await self.check_page()

    async def state(self) -> str:
        """What the page shows of its state, for an error message."""
        try:
            return await asyncio.wait_for(self.page.evaluate(_STATE_JS), 10)
        except Exception as exc:  # noqa: BLE001 - only a description
            return f"page state unknown: {type(exc).__name__}"

    async def content_or_exception(self, content) -> None:
        """Wait for the page's content, unless Streamlit shows an exception first (a page that failed never shows
        its content): that is an error at once, with its first line."""
        exception = self.page.locator('[data-testid="stException"]').first
        waits = [asyncio.ensure_future(content()), asyncio.ensure_future(exception.wait_for())]
        try:
            done, _ = await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for wait in waits:
                wait.cancel()
            await asyncio.gather(*waits, return_exceptions=True)
        if waits[0] in done:
            waits[0].result()  # Playwright's error, if the content's wait failed
            return
        waits[1].result()  # likewise for the exception's wait
        text = (await exception.inner_text()).strip().splitlines()
        raise StepFailed(f"exception on the page: {text[0] if text else '(no text)'}"[:300])

    async def check_page(self) -> None:
        state = await self.page.evaluate(_CHECK_JS)
        if state["boxes"]:
            self.error(f"{state['boxes']} exception or error box(es) on the page")
        found = ERROR_TEXT.findall(state["text"])
        if found:
            self.error(f"error text on the page: {found[:3]}")
        if OUTAGE in state["text"]:
            self.error("database-unavailable notice")

    async def pause(self) -> None:
        """A user reading the page; the session stops here once the time is up."""
        await asyncio.sleep(self.think * self.random.uniform(0.5, 1.5))
        if time.monotonic() >= self.schedule.deadline:
            raise TimeUp

    def title(self, text: str):
        async def present() -> None:
            await self.page.locator("h1").filter(has_text=text).first.wait_for()
        return present

    def url_has(self, fragment: str):
        async def present() -> None:
            await self.page.wait_for_url(re.compile(re.escape(fragment)))
        return present

    def nav(self, label: str):
        async def click() -> None:
            await self.page.locator('[data-testid="stSidebarNav"] a').filter(has_text=label).first.click()
        return click

    # --- the round

    async def walk_round(self) -> None:
        page, choices, base = self.page, self.choices, self.base_url

        async def root() -> None:
            await page.goto(base)

        async def tiles() -> None:
            await self.title(t("app.title", lang="id"))()
            await page.locator('[data-testid="stMetric"]').first.wait_for()

        await self.timed("beranda", root, tiles)
        await self.pause()
        await self.timed("kepuasan", self.nav(t("nav.kepuasan", lang="id")), self.title(t("ikm.title", lang="id")))
        await self.pause()
        if choices.region:
            async def region() -> None:
                await page.locator('[data-testid="stSidebar"]').get_by_role(
                    "radio", name=t(f"region.{choices.region}", lang="id")).click()

            await self.timed("kepuasan (filter)", region, self.url_has(f"wilayah={choices.region}"))
            await self.pause()

        async def kind() -> None:
            await page.locator('[data-testid="stSelectbox"]').filter(has_text=t("filter.kind", lang="id")).click()
            await page.get_by_role("option", name=t(f"kind.{choices.kind}", lang="id"), exact=True).click()

        await self.timed("kepuasan (filter)", kind, self.url_has(f"jenis={choices.kind}"))
        await self.pause()
        await self.timed("pengaduan", self.nav(t("nav.pengaduan", lang="id")),
                         self.title(t("complaints.title", lang="id")))
        await self.pause()

        async def markers() -> None:
            await self.title(t("map.title", lang="id"))()
            await page.frame_locator(MAP_FRAME).locator(MAP_MARKERS).first.wait_for(state="visible")

        await self.timed("peta", self.nav(t("nav.peta", lang="id")), markers)
        await self.pause()
        await self.timed("lacak", self.nav(t("nav.lacak", lang="id")), self.title(t("track.title", lang="id")))
        await self.pause()

        async def ticket() -> None:
            box = page.get_by_role("textbox", name=t("track.input", lang="id"))
            await box.fill(choices.ticket)
            await box.press("Enter")

        async def card() -> None:
            await page.get_by_role("heading", name=choices.ticket).first.wait_for()

        await self.timed("lacak (tiket)", ticket, card)
        await self.pause()
        await self.timed("data", self.nav(t("nav.data", lang="id")), self.title(t("data.title", lang="id")))
        await self.pause()

        async def download() -> None:
            label = t("download.xlsx" if choices.xlsx else "download.csv", lang="id")
            await page.get_by_role("button", name=label).first.click()

        await self.timed("data (unduh)", download, None, expect_download=True)
        await self.pause()

        async def unit() -> None:
            await page.goto(f"{base}/unit?unit={choices.unit}")

        async def unit_card() -> None:
            await page.locator("h1").first.wait_for()
            await page.get_by_text(choices.unit).first.wait_for()

        await self.timed("unit", unit, unit_card)

    async def run(self) -> None:
        context = await self.browser.new_context(viewport=DESKTOP, locale="id-ID", timezone_id="Asia/Jakarta",
                                                 accept_downloads=True)
        # Playwright's own waits outlast the step's deadline (see timed), which thus decides alone.
        context.set_default_timeout((self.timeout + 30) * 1000)
        context.set_default_navigation_timeout((self.timeout + 30) * 1000)
        await route_cdn_to_local_async(context)
        self.page = await context.new_page()
        self.runs = RunWatcher(self.page)
        self.page.on("pageerror", lambda exc: self.error(f"JavaScript: {exc}"))
        self.page.on("response", self._on_response)
        self.page.on("requestfailed", self._on_request_failed)
        try:
            while time.monotonic() < self.schedule.deadline:
                try:
                    await self.walk_round()
                except StepFailed:
                    await self.pause()  # the next round starts from the root URL again
                    continue
                except TimeUp:
                    break
                self.result.rounds += 1
                self.schedule.round_done(self.number)
                await self.pause()
        except TimeUp:
            pass
        finally:
            self.step = "closing"
            await context.close()


# -------------------------------------------------------------------------------------------- the whole run


@contextmanager
def chromium_executable(nice: int) -> Iterator[str]:
    """The Chromium to launch: itself, or (nice > 0) a wrapper that starts it at that lower priority. Every Chromium
    process descends from the first and keeps its niceness, so the server, at its own priority, gets the CPU it
    needs first, and its figures are its own rather than the browsers' queue."""
    if nice <= 0:
        yield chromium_path()
        return
    folder = Path(tempfile.mkdtemp(prefix="dasbor-chromium-"))
    wrapper = folder / "chromium"
    wrapper.write_text(f'#!/bin/sh\nexec nice -n {int(nice)} {shlex.quote(chromium_path())} "$@"\n')
    wrapper.chmod(0o755)
    try:
        yield str(wrapper)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


async def _run(server: AppServer, choices: list[Choices], seconds: float, *, after_warmup: float | None,
               think: float, sample: float, warmup: float, timeout: float, ramp: float, seed: int,
               browser_nice: int) -> LoadResult:
    from playwright.async_api import async_playwright

    result = LoadResult(sessions=len(choices), started=time.monotonic(), load_start=os.getloadavg())
    with chromium_executable(browser_nice) as executable:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            try:
                result.started = time.monotonic()
                cpu = CpuMeter(server.process.pid)
                schedule = Schedule(sessions=len(choices), deadline=result.started + seconds)

                def measure() -> None:
                    result.samples.append((time.monotonic() - result.started, process_tree_rss_kb(server.process.pid)))

                async def sampler() -> None:
                    while True:
                        measure()
                        await asyncio.sleep(sample)

                async def warm_up() -> None:
                    await schedule.all_rounded.wait()
                    await asyncio.sleep(max(0.0, result.started + warmup - time.monotonic()))
                    result.warmed_at = time.monotonic() - result.started
                    measure()
                    if after_warmup is not None:
                        schedule.deadline = min(schedule.deadline, time.monotonic() + after_warmup)

                async def session(number: int, picked: Choices) -> None:
                    await asyncio.sleep(ramp * number / max(1, len(choices)))
                    await Session(number + 1, browser, server.url, picked, result, schedule, think=think,
                                  timeout=timeout, seed=seed).run()

                background = [asyncio.create_task(sampler()), asyncio.create_task(warm_up())]
                sessions = [asyncio.create_task(session(i, picked)) for i, picked in enumerate(choices)]
                while time.monotonic() < schedule.deadline:
                    await asyncio.sleep(min(1.0, max(0.0, schedule.deadline - time.monotonic())))
                # The last sample is taken while the sessions still browse: the same load as after warm-up.
                measure()
                result.load_end = os.getloadavg()
                used = cpu.used()
                result.server_cpu_seconds = used["server"]
                result.chromium_cpu_seconds = used["chromium"]
                result.browsing_cpu_seconds = used["chromium"] + used["driving"]
                for task in background:
                    task.cancel()
                # Sessions stop at their next pause; a step still under way gets a little longer, then is abandoned
                # (neither a view nor an error).
                _, late = await asyncio.wait(sessions, timeout=STOP_GRACE_SECONDS)
                for task in late:
                    task.cancel()
                outcomes = await asyncio.gather(*sessions, return_exceptions=True)
                for number, outcome in enumerate(outcomes, start=1):
                    if isinstance(outcome, Exception):
                        result.errors.append(f"session {number} stopped: {type(outcome).__name__}: {outcome}")
            finally:
                await browser.close()
    for line in server_tracebacks(server.output(tail=50_000_000)):
        # Streamlit's sender task meeting a socket it has just closed because the browser left (a navigation):
        # Starlette 1.x raises WebSocketDisconnected there, which Streamlit logs; no one is left to see anything.
        if line.startswith("starlette.websockets.WebSocketDisconnected"):
            result.sends_after_leaving += 1
        else:
            result.errors.append(f"server log: {line}")
    return result


def server_tracebacks(log: str) -> list[str]:
    """The exception line (the first unindented line after the frames) of every traceback in a log."""
    found, inside = [], False
    for line in log.splitlines():
        if line.startswith("Traceback (most recent call last)"):
            inside = True
        elif inside and line.strip() and not line.startswith((" ", "\t")):
            found.append(line.strip()[:300])
            inside = False
    return found


def run_load(server: AppServer, choices: list[Choices], seconds: float, *, after_warmup: float | None = None,
             think: float = 2.0, sample: float = 5.0, warmup: float = 60.0, timeout: float = 300.0, ramp: float = 10.0,
             seed: int = 9, browser_nice: int = 0) -> LoadResult:
    """Browse the running app with one session per entry of choices for `seconds` (or, with after_warmup, until
    that many seconds after warm-up if that comes first); blocks until done."""
    return run_in_own_thread(_run(server, choices, seconds, after_warmup=after_warmup, think=think, sample=sample,
                                  warmup=warmup, timeout=timeout, ramp=ramp, seed=seed, browser_nice=browser_nice))


def run_in_own_thread(coroutine):
    """Run a coroutine in an asyncio loop of its own thread and return its result, so that this also works in a
    process whose thread already drives Playwright's sync API (a pytest session with the tests.browser fixtures)."""
    outcome: dict = {}

    def target() -> None:
        try:
            outcome["result"] = asyncio.run(coroutine)
        except BaseException as exc:  # noqa: BLE001 - handed over to the caller's thread
            outcome["error"] = exc

    worker = threading.Thread(target=target, name="load")
    worker.start()
    worker.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]


# ------------------------------------------------------------------------------- per page: readers of one page


@dataclass
class PagePhase:
    """One page read by every reader at once: its views, and what the server and the browsers spent on them."""

    page: str
    path: str  # with its query parameters: /unit?unit=3575-MPP
    complete: list[float] = field(default_factory=list)  # s from the navigation's start, per view
    script_ended: list[float] = field(default_factory=list)  # s from the navigation's start to the run's end
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0  # the phase's duration, warm-up view excluded
    cpu: dict[str, float] = field(default_factory=dict)  # CpuMeter's groups over the phase


@dataclass
class PagesResult:
    readers: int
    views: int  # per reader and page
    think: float
    browser_nice: int
    phases: list[PagePhase] = field(default_factory=list)
    server_errors: list[str] = field(default_factory=list)
    sends_after_leaving: int = 0
    load_start: tuple[float, float, float] = (0.0, 0.0, 0.0)
    load_end: tuple[float, float, float] = (0.0, 0.0, 0.0)

    def errors(self) -> list[str]:
        return [f"{phase.page}: {error}" for phase in self.phases for error in phase.errors] + self.server_errors


async def _reader_context(browser, timeout: float):
    context = await browser.new_context(viewport=DESKTOP, locale="id-ID", timezone_id="Asia/Jakarta")
    context.set_default_timeout((timeout + 30) * 1000)
    context.set_default_navigation_timeout((timeout + 30) * 1000)
    await route_cdn_to_local_async(context)
    await context.add_init_script(INIT_SCRIPT)
    return context


async def _read_page(browser, server: AppServer, phase: PagePhase, *, readers: int, views: int, think: float,
                     timeout: float, seed: int) -> None:
    """Every reader opens the page `views` times (each a new navigation: a new Streamlit session), reading it about
    `think` seconds after each view; the first arrive spread over one reading time. One untimed view first, so the
    server's caches are warm. The server's CPU over the phase is the readers' alone."""
    from playwright.async_api import Error as PlaywrightError

    url = server.url + phase.path
    host = urlsplit(server.url).netloc
    context = await _reader_context(browser, timeout)
    try:
        page = await context.new_page()
        await page.goto(url, wait_until="commit")
        await wait_complete_async(page, timeout)
    except (NotComplete, PlaywrightError) as exc:
        phase.errors.append(f"warm-up view: {str(exc).splitlines()[0]}")
    finally:
        await context.close()
    contexts = [await _reader_context(browser, timeout) for _ in range(readers)]
    meter = CpuMeter(server.process.pid)
    started = time.monotonic()

    async def reader(number: int, context) -> None:
        pace = random.Random(seed * 1000 + number)
        page = await context.new_page()

        def error(text: str | None) -> None:
            if text:
                phase.errors.append(f"reader {number}: {text}")

        page.on("pageerror", lambda exc: error(f"JavaScript: {exc}"))
        page.on("response", lambda response: error(http_problem(host, response)))
        page.on("requestfailed", lambda request: error(request_problem(host, request)))
        await asyncio.sleep(pace.uniform(0, think))
        for _ in range(views):
            try:
                await page.goto(url, wait_until="commit")
                done = await wait_complete_async(page, timeout)
            except (NotComplete, PlaywrightError) as exc:
                error(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
            else:
                phase.complete.append(done.seconds)
                phase.script_ended.append(done.script_ended)
            await asyncio.sleep(think * pace.uniform(0.5, 1.5))  # reading it (a live page refreshes meanwhile)
        await page.goto("about:blank")  # leaving: the server ends the session

    try:
        await asyncio.gather(*(reader(number, context) for number, context in enumerate(contexts, start=1)))
        phase.seconds = time.monotonic() - started
        phase.cpu = meter.used()
    finally:
        for context in contexts:
            await context.close()


async def _read_pages(server: AppServer, result: PagesResult, pages: list[str], timeout: float, seed: int) -> None:
    from playwright.async_api import async_playwright

    with chromium_executable(result.browser_nice) as executable:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            try:
                # The root first: a fresh server's first deep link skips dashboard.py's shell (bench/live.py).
                context = await _reader_context(browser, timeout)
                page = await context.new_page()
                await page.goto(server.url, wait_until="commit")
                await wait_complete_async(page, timeout)
                await context.close()
                for name in pages:
                    phase = PagePhase(name, page_path(name))
                    result.phases.append(phase)
                    print(f"  {name}: {result.readers} readers x {result.views} views ...", file=sys.stderr, flush=True)
                    await _read_page(browser, server, phase, readers=result.readers, views=result.views,
                                     think=result.think, timeout=timeout, seed=seed)
            finally:
                await browser.close()


def read_pages(server: AppServer, pages: list[str], *, readers: int, views: int, think: float, timeout: float,
               browser_nice: int = 0, seed: int = 9) -> PagesResult:
    """Each page in turn, read by `readers` browser contexts at once; blocks until done."""
    result = PagesResult(readers=readers, views=views, think=think, browser_nice=browser_nice,
                         load_start=os.getloadavg())
    run_in_own_thread(_read_pages(server, result, pages, timeout, seed))
    result.load_end = os.getloadavg()
    for line in server_tracebacks(server.output(tail=50_000_000)):
        if line.startswith("starlette.websockets.WebSocketDisconnected"):  # see _run
            result.sends_after_leaving += 1
        else:
            result.server_errors.append(f"server log: {line}")
    return result


# ----------------------------------------------------------------------------------------------------- report


def percentile(values: list[float], share: float) -> float:
    """The share-th quantile, interpolated between the closest ranks (statistics' 'inclusive' method)."""
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[round(share * 100) - 1]


def report(result: LoadResult) -> str:
    """The figures, as printed by the command."""
    lines = []
    mark = "!" if result.errors else " "
    browsed = result.samples[-1][0] / 60 if result.samples else 0.0
    lines.append(f"sessions         {result.sessions} browsing for {browsed:.1f} min ({result.rounds} rounds finished)")
    lines.append(f"pages viewed     {len(result.views)}")
    lines.append(f"errors         {mark}{len(result.errors)}")
    # Grouped by their text with the numbers left out (sessions, seconds, counts); one example of each in full.
    groups: dict[str, list[str]] = {}
    for error in result.errors:
        groups.setdefault(re.sub(r"\d+", "#", re.sub(r"^session \d+, ", "", error)), []).append(error)
    for examples in sorted(groups.values(), key=len, reverse=True)[:15]:
        lines.append(f"    {len(examples):>4} x {examples[0][:600]}")
    if result.sends_after_leaving:
        lines.append(f"    (not errors: {result.sends_after_leaving} traceback(s) in the server's log for a message "
                     "sent to a browser that had just left: starlette.websockets.WebSocketDisconnected)")
    lines.append("page finish, s            median      p95        n")
    times: dict[str, list[float]] = {"all": [v.seconds for v in result.views]}
    for view in result.views:
        times.setdefault(view.page, []).append(view.seconds)
    for name, values in times.items():
        if values:
            lines.append(f"  {name:<20} {statistics.median(values):>10.2f} {percentile(values, 0.95):>8.2f} "
                         f"{len(values):>8}")
    warm, end, growth = result.memory_after_warmup(), result.memory_at_end(), result.growth()
    peak = max((kb for at, kb in result.samples if warm and at >= warm[0]), default=None)
    lines.append("server memory (RSS of streamlit and its children)")
    if warm:
        lines.append(f"  after warm-up  {warm[1] / 1024:8.0f} MB  (at {warm[0]:.0f} s: every session had finished a "
                     "round without error, and --warmup had passed)")
    else:
        lines.append("  after warm-up       —     ! (warm-up had not ended when the run did)")
    if end:
        lines.append(f"  at the end     {end[1] / 1024:8.0f} MB  (at {end[0]:.0f} s)")
    if peak:
        lines.append(f"  peak after it  {peak / 1024:8.0f} MB")
    if growth is not None:
        flag = "!" if growth > GROWTH_LIMIT or result.errors else " "
        lines.append(f"  growth        {flag}{growth:+7.1%}   (limit {GROWTH_LIMIT:.0%})")
    cpus = os.cpu_count() or 1
    if result.samples:
        browsed_s = result.samples[-1][0]
        lines.append(f"CPU used         server {result.server_cpu_seconds:.0f} s, Chromium and Playwright "
                     f"{result.browsing_cpu_seconds:.0f} s (Chromium's own {result.chromium_cpu_seconds:.0f} s), in "
                     f"{browsed_s:.0f} s on {cpus} CPUs (server "
                     f"{result.server_cpu_seconds / max(browsed_s, 1e-9):.0%} of one CPU)")
    lines.append("load average (1/5/15 min): start " + " ".join(f"{x:.2f}" for x in result.load_start)
                 + ", end " + " ".join(f"{x:.2f}" for x in result.load_end) + f" on {cpus} CPUs"
                 + (" (the machine was busy before the run: every time is slowed)"
                    if result.load_start[0] > cpus else ""))
    return "\n".join(lines)


PAGE_P95_TARGET = 2.0  # issue 18: every page complete within 2 s at the 95th percentile with 20 readers


def _grouped(errors: list[str], prefix: str) -> list[str]:
    """Errors grouped by their text with the numbers left out, the largest groups first; one example of each."""
    groups: dict[str, list[str]] = {}
    for error in errors:
        groups.setdefault(re.sub(r"\d+", "#", re.sub(prefix, "", error)), []).append(error)
    return [f"    {len(examples):>4} x {examples[0][:600]}"
            for examples in sorted(groups.values(), key=len, reverse=True)[:15]]


def report_pages(result: PagesResult) -> str:
    """The per-page figures, as printed by the command."""
    cpus = os.cpu_count() or 1
    header = f"{'page':<10} {'views':>5} {'errors':>6} {'server CPU':>11} {'views per':>10}   {'complete, s':^13}  "
    header += f"{'run end':>7} {'Chromium':>9}"
    units = f"{'':<10} {'':>5} {'':>6} {'ms/view':>11} {'CPU-s':>10}   {'p50':>6} {'p95':>6}  {'p50, s':>7} "
    units += f"{'ms/view':>9}"
    intro = (f"per page: {result.readers} readers at once, each opening it {result.views} times and reading it "
             f"about {result.think:g} s after each view; Chromium at nice {result.browser_nice}")
    lines = [intro, header, units]
    totals = {"views": 0, "server": 0.0, "chromium": 0.0, "driving": 0.0, "seconds": 0.0}
    every_view: list[float] = []
    for phase in result.phases:
        views = len(phase.complete)
        server, chromium = phase.cpu.get("server", 0.0), phase.cpu.get("chromium", 0.0)
        totals["views"] += views
        totals["seconds"] += phase.seconds
        for group in ("server", "chromium", "driving"):
            totals[group] += phase.cpu.get(group, 0.0)
        every_view += phase.complete
        lines.append(_page_line(phase.page, views, len(phase.errors), server, chromium, phase.complete,
                                phase.script_ended))
    lines.append(_page_line("all", totals["views"], len(result.errors()), totals["server"], totals["chromium"],
                            every_view, [end for phase in result.phases for end in phase.script_ended]))
    lines.append(f"'!' marks a p95 over {PAGE_P95_TARGET:g} s. server CPU: the server's CPU time over the page's "
                 "phase (its readers' views and their reading,")
    lines.append("live refreshes included) divided by its views. run end: when the page's full script run ended; the "
                 "rest of complete is the browser drawing.")
    errors = result.errors()
    lines.append(f"errors         {'!' if errors else ' '}{len(errors)}")
    lines += _grouped(errors, r"^\w+: reader \d+: ")
    if result.sends_after_leaving:
        lines.append(f"    (not errors: {result.sends_after_leaving} traceback(s) in the server's log for a message "
                     "sent to a browser that had just left: starlette.websockets.WebSocketDisconnected)")
    seconds = max(totals["seconds"], 1e-9)
    lines.append(f"CPU used in {totals['seconds']:.0f} s of reading on {cpus} CPUs: server {totals['server']:.1f} s "
                 f"({totals['server'] / seconds:.0%} of one CPU), Chromium {totals['chromium']:.1f} s, Playwright's "
                 f"driver and this script {totals['driving']:.1f} s")
    lines.append("load average (1/5/15 min): start " + " ".join(f"{x:.2f}" for x in result.load_start)
                 + ", end " + " ".join(f"{x:.2f}" for x in result.load_end) + f" on {cpus} CPUs")
    return "\n".join(lines)


def _page_line(name: str, views: int, errors: int, server: float, chromium: float, complete: list[float],
               script_ended: list[float]) -> str:
    if not complete:
        return f"{name:<10} {views:>5} {errors:>6}   no view completed"
    p95 = percentile(complete, 0.95)
    return (f"{name:<10} {views:>5} {errors:>6} {server / views * 1000:>11.0f} "
            f"{views / server if server > 0 else float('inf'):>10.1f}   {statistics.median(complete):>6.2f} "
            f"{p95:>6.2f}{'!' if p95 > PAGE_P95_TARGET else ' '} {statistics.median(script_ended):>7.2f} "
            f"{chromium / views * 1000:>9.0f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=20, help="concurrent browser sessions (default 20)")
    parser.add_argument("--minutes", type=float, default=5.0, help="how long they browse (default 5)")
    parser.add_argument("--url", help="the database to serve (default: a new demo SQLite database)")
    parser.add_argument("--surveys", type=int, default=50_000, help="demo questionnaires without --url")
    parser.add_argument("--complaints", type=int, default=5_000, help="demo complaints without --url")
    parser.add_argument("--think", type=float,
                        help="mean pause between steps, s (default 2; with --per-page 15, a reader's pace)")
    parser.add_argument("--sample", type=float, default=5.0, help="seconds between memory samples (default 5)")
    parser.add_argument("--warmup", type=float, default=60.0,
                        help="warm-up lasts at least this many seconds besides every session's first round")
    parser.add_argument("--timeout", type=float, default=300.0,
                        help="a step not finished after this many s is an error: a hang (default 300; slow steps "
                             "show in the percentiles)")
    parser.add_argument("--ramp", type=float, default=10.0, help="the sessions start spread over this many s")
    parser.add_argument("--browser-nice", type=int, default=19,
                        help="Chromium's niceness (default 19: the server first; 0 for none)")
    parser.add_argument("--per-page", action="store_true",
                        help="instead of the round: each page in turn, read by --sessions readers at once")
    parser.add_argument("--views", type=int, default=3, help="with --per-page: views per reader and page (default 3)")
    parser.add_argument("--pages", default=",".join(PAGES),
                        help="with --per-page: comma-separated, of " + ",".join(PAGES))
    args = parser.parse_args()
    if not 1 <= args.sessions <= 50:
        parser.error("--sessions must be between 1 and 50 (one Chromium holds them all)")
    pages = args.pages.split(",")
    unknown = set(pages) - set(PAGES)
    if unknown:
        parser.error(f"unknown pages: {', '.join(sorted(unknown))}")
    if args.views < 1:
        parser.error("--views must be at least 1")
    think = args.think if args.think is not None else (15.0 if args.per_page else 2.0)
    built = None
    if args.url is None:
        from bench.demo_db import build_demo_database

        url = build_demo_database(args.surveys, args.complaints, prefix="dasbor-load-")
        built = Path(url.removeprefix("sqlite:///")).parent  # the temporary folder made for it
    else:
        url = args.url
    try:
        choices = session_choices(url, args.sessions)
        with start_app(url) as server:
            if args.per_page:
                print(f"app at {server.url} (pid {server.process.pid}) on {url}; {args.sessions} readers per page",
                      flush=True)
                pages_result = read_pages(server, pages, readers=args.sessions, views=args.views, think=think,
                                          timeout=args.timeout, browser_nice=args.browser_nice)
            else:
                print(f"app at {server.url} (pid {server.process.pid}) on {url}; {args.sessions} sessions for "
                      f"{args.minutes:g} min", flush=True)
                result = run_load(server, choices, args.minutes * 60, think=think, sample=args.sample,
                                  warmup=args.warmup, timeout=args.timeout, ramp=args.ramp,
                                  browser_nice=args.browser_nice)
    finally:
        if built is not None and built.name.startswith("dasbor-load-"):
            shutil.rmtree(built, ignore_errors=True)
    if args.per_page:
        print(report_pages(pages_result))
        return 1 if pages_result.errors() else 0
    print(report(result))
    problems = result.problems()
    for problem in problems:
        print(f"! {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
