"""When a page view is complete, as the browser sees it: a script run into every page (an init script) that times it.

"Complete" is: Streamlit's full script run finished (no full run in progress and at least one ended), the page
connected, no spinner or skeleton left, the page's title (an h1 in the main area) shown, every visible chart drawn
(each [data-testid=stVegaLiteChart] / .vega-embed has its Vega drawing, `.marks`, a canvas or svg with a size;
a chart in a closed tab or expander has no layout box and is not waited for), and every map (streamlit-folium's
iframe) showing its unit markers. The time is when that state last began, in milliseconds of performance.now(),
i.e. from the navigation's start, once it has held for `SETTLE_MS` (a full run starting within that, such as a
rerun for adopted query parameters, is waited for too).

Script runs are followed in the websocket's messages (the init script wraps window.WebSocket and reads the few
protobuf fields it needs: new_session and script_finished, and the run's id and fragment ids), as bench/load.py's
RunWatcher does, because a live fragment's own reruns (Beranda's tiles, a unit card: every few seconds) also flip
Streamlit's script state and status widget, yet the page finished long before them; tests.browser.wait_for_app,
which watches that state, would wait for the next quiet moment instead.

The helpers poll the page for the state every POLL_SECONDS (the init script itself checks every 16 ms), with
Playwright's sync API (`wait_complete`) or its asyncio API (`wait_complete_async`).
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass

from components.i18n import t

SETTLE_MS = 500
POLL_SECONDS = 0.1
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
MAP_MARKERS = ".leaflet-marker-icon.peta-unit, .leaflet-marker-icon.peta-cluster"
OUTAGE = t("app.db_unavailable", lang="id")

INIT_SCRIPT = """(() => {
if (window.top !== window || window.__benchComplete) return;
const runs = {running: new Set(), started: 0, ended: 0, firstStart: null, lastEnd: null};
const varint = (b, i) => {
    let value = 0, scale = 1, byte;
    do { byte = b[i++]; value += (byte & 0x7f) * scale; scale *= 128; } while (byte & 0x80);
    return [value, i];
};
// Calls visit(field number, wire type, value or [start, end] of a length-delimited field) for a message's fields.
const fields = (b, start, end, visit) => {
    let i = start;
    while (i < end) {
        let tag, value;
        [tag, i] = varint(b, i);
        const number = Math.floor(tag / 8), wire = tag & 7;
        if (wire === 0) { [value, i] = varint(b, i); visit(number, wire, value); }
        else if (wire === 2) { [value, i] = varint(b, i); visit(number, wire, [i, i + value]); i += value; }
        else if (wire === 1) i += 8;
        else if (wire === 5) i += 4;
        else return;
    }
};
const decoder = new TextDecoder();
// ForwardMsg: metadata = 2 (ForwardMsgMetadata: run = 6, RunIdentity: script_run_id = 1, fragment_ids = 2),
// new_session = 4, script_finished = 6 (3: FINISHED_FRAGMENT_RUN_SUCCESSFULLY).
const onMessage = (data) => {
    const b = new Uint8Array(data);
    let kind = null, status = null, run = null;
    fields(b, 0, b.length, (number, wire, value) => {
        if (number === 4 && wire === 2) kind = 'new_session';
        else if (number === 6 && wire === 0) { kind = 'script_finished'; status = value; }
        else if (number === 2 && wire === 2) {
            fields(b, value[0], value[1], (n, w, v) => { if (n === 6 && w === 2) run = v; });
        }
    });
    if (kind === null) return;
    const now = performance.now();
    let id = null, fragment = false;
    if (run) fields(b, run[0], run[1], (n, w, v) => {
        if (n === 1 && w === 2) id = decoder.decode(b.subarray(v[0], v[1]));
        else if (n === 2 && w === 2) fragment = true;
    });
    if (kind === 'new_session') {
        // One run at a time per session: a run still open has ended, even if its script_finished never comes.
        if (runs.running.size) { runs.ended += runs.running.size; runs.running.clear(); runs.lastEnd = now; }
        if (!fragment) {
            runs.running.add(id);
            runs.started += 1;
            if (runs.firstStart === null) runs.firstStart = now;
        }
    } else if (status !== 3) {
        // A request the server failed to handle (no run named) ended every run.
        if (run === null || runs.running.has(id)) { runs.ended += 1; runs.lastEnd = now; }
        if (run === null) runs.running.clear(); else runs.running.delete(id);
    }
};
const Native = window.WebSocket;
window.WebSocket = class extends Native {
    constructor(...args) {
        super(...args);
        if (String(args[0]).endsWith('/_stcore/stream')) {
            this.addEventListener('message', (event) => {
                if (event.data instanceof ArrayBuffer) onMessage(event.data);
            });
        }
    }
};
const BUSY = '[data-testid="stSpinner"], [data-testid="stSkeleton"], [data-testid="stAppSkeleton"]';
const CHARTS = '[data-testid="stVegaLiteChart"], .vega-embed';
const MAP_FRAME = __MAP_FRAME__, MAP_MARKERS = __MAP_MARKERS__;
const sized = (el) => { const box = el.getBoundingClientRect(); return box.width > 0 && box.height > 0; };
const drawn = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    if (!app || app.getAttribute('data-test-connection-state') !== 'CONNECTED') return false;
    if (document.querySelector(BUSY) || !document.querySelector('[data-testid="stMain"] h1')) return false;
    for (const chart of document.querySelectorAll(CHARTS)) {
        if (chart.getClientRects().length === 0) continue;  // in a closed tab or expander
        const marks = chart.querySelector('.marks');
        if (!marks || !sized(marks)) return false;
    }
    for (const frame of document.querySelectorAll(MAP_FRAME)) {
        let inside = null;
        try { inside = frame.contentDocument; } catch (error) { return false; }
        if (!inside || !inside.querySelector(MAP_MARKERS)) return false;
    }
    return true;
};
let since = null;
const check = () => {
    const done = runs.running.size === 0 && runs.ended > 0 && drawn();
    if (!done) since = null;
    else if (since === null) since = performance.now();
};
setInterval(check, 16);
window.__benchComplete = () => {
    check();
    const main = document.querySelector('[data-testid="stMain"]');
    return {since, now: performance.now(), started: runs.started, ended: runs.ended, running: runs.running.size,
            firstStart: runs.firstStart, lastEnd: runs.lastEnd,
            exception: document.querySelectorAll('[data-testid="stException"]').length,
            text: main ? main.innerText.slice(0, 20000) : ''};
};
})();""".replace("__MAP_FRAME__", json.dumps(MAP_FRAME)).replace("__MAP_MARKERS__", json.dumps(MAP_MARKERS))

_READ_JS = "() => window.__benchComplete ? window.__benchComplete() : null"


@dataclass(frozen=True)
class Complete:
    """One page view, in seconds from the navigation's start."""

    seconds: float  # complete
    script_started: float  # the first full script run began (its new_session message arrived)
    script_ended: float  # the last full script run ended (its script_finished arrived): what is left is drawing


class NotComplete(Exception):
    """The page showed an error, or did not become complete in time."""


def _verdict(state: dict | None) -> Complete | None:
    """The view's times once complete has settled; None while waiting."""
    if state is None:
        return None
    if state["exception"]:
        raise NotComplete(f"exception on the page: {state['text'][:200]!r}")
    if OUTAGE in state["text"]:
        raise NotComplete("the page shows the database-unavailable notice")
    if state["since"] is not None and state["now"] - state["since"] >= SETTLE_MS:
        return Complete(state["since"] / 1000, state["firstStart"] / 1000, state["lastEnd"] / 1000)
    return None


def _describe(state: dict | None) -> str:
    if state is None:
        return "the init script never ran"
    return (f"full runs started {state['started']}, ended {state['ended']}, running {state['running']}; "
            f"complete since {state['since']}")


def _read_failed(error: Exception) -> bool:
    """Whether reading the state failed only because the page was between two documents (the navigation's own)."""
    text = str(error)
    return "Execution context was destroyed" in text or "navigat" in text


def wait_complete(page, timeout: float) -> Complete:
    """Wait until the page (given INIT_SCRIPT before it navigated) is complete; Playwright's sync API."""
    deadline = time.monotonic() + timeout
    state = None
    while time.monotonic() < deadline:
        try:
            state = page.evaluate(_READ_JS)
        except Exception as error:
            if not _read_failed(error):
                raise
        else:
            found = _verdict(state)
            if found is not None:
                return found
        time.sleep(POLL_SECONDS)
    raise NotComplete(f"not complete within {timeout:.0f} s ({_describe(state)})")


async def wait_complete_async(page, timeout: float) -> Complete:
    """wait_complete for Playwright's asyncio API."""
    deadline = time.monotonic() + timeout
    state = None
    while time.monotonic() < deadline:
        try:
            state = await page.evaluate(_READ_JS)
        except Exception as error:
            if not _read_failed(error):
                raise
        else:
            found = _verdict(state)
            if found is not None:
                return found
        await asyncio.sleep(POLL_SECONDS)
    raise NotComplete(f"not complete within {timeout:.0f} s ({_describe(state)})")
