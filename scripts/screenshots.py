"""Screenshots of dashboard pages at desktop and phone width, for developers to look at.

    python scripts/screenshots.py                                  # start the app, shoot the root page
    python scripts/screenshots.py --pages beranda,kepuasan,peta --out /tmp/shots
    python scripts/screenshots.py --url http://127.0.0.1:8501 --pages "/,unit?unit=XYZ"

Without --url the app is started here (streamlit run app.py on a free port) on the configured DATABASE_URL
(environment, .streamlit/secrets.toml, else the embedded demo database), and stopped afterwards. Each page is
given as its Streamlit url_path ("kepuasan" -> /kepuasan; "" or "/" is the root page), optionally with a query
string. For every page a full-page desktop (1366 wide) and phone (390 wide) PNG is written to --out and its path
printed (--desktop-width sets the desktop width). Outside requests are answered as in the browser tests; map tiles
are not loaded.
Needs Chromium at /usr/bin/chromium (or $CHROMIUM_PATH) and the requirements-dev.txt packages.
"""

from __future__ import annotations

import argparse
import re
import sys
from contextlib import suppress
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Error as PlaywrightError  # noqa: E402

from tests.browser import (  # noqa: E402
    DESKTOP,
    PHONE,
    close_browser,
    launch_browser,
    new_page,
    page_errors,
    screenshot,
    start_app,
    wait_for_app,
)


def _page_paths(spec: str) -> list[str]:
    items = [item.strip() for item in spec.split(",")] if spec else [""]
    return [item.strip("/") for item in items] or [""]


def _file_stem(path: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", path).strip("_") or "root"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="a running app, e.g. http://127.0.0.1:8501 (default: start one here)")
    parser.add_argument("--out", default="/tmp/shots", help="output folder (default: %(default)s)")
    parser.add_argument("--pages", default="", help="comma-separated url paths (default: the root page only)")
    parser.add_argument("--timeout", type=float, default=90, help="seconds to wait for each page (default: 90)")
    parser.add_argument("--desktop-width", type=int, default=DESKTOP["width"],
                        help="the desktop shot's width in px (default: %(default)s; the issues' checks use 1280 too)")
    args = parser.parse_args(argv)

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    server = None
    if args.url:
        base = args.url.rstrip("/")
    else:
        server = start_app(None, timeout=args.timeout)
        base = server.url
        print(f"started the app at {base}", file=sys.stderr)
    status = 0
    browser = launch_browser()
    try:
        for path in _page_paths(args.pages):
            desktop = {**DESKTOP, "width": args.desktop_width}
            for name, size in (("desktop", desktop), ("phone", PHONE)):
                page = new_page(browser, **size)
                try:
                    page.goto(f"{base}/{path}")
                    wait_for_app(page, timeout=args.timeout * 1000)
                    shot = screenshot(page, out / f"{_file_stem(path)}-{name}.png")
                    print(shot)
                    if page.get_by_role("dialog").filter(has_text="Page not found").count():
                        status = 1
                        print(f"  /{path}: Streamlit says 'Page not found' (shot shows the main page)", file=sys.stderr)
                    for error in page_errors(page):
                        print(f"  JavaScript error on /{path} ({name}): {error}", file=sys.stderr)
                except (PlaywrightError, OSError) as exc:  # wait_for_app's TimeoutError is an OSError
                    status = 1  # keep going: the other pages are still worth a look
                    print(f"/{path} ({name}) failed: {exc}", file=sys.stderr)
                    with suppress(PlaywrightError, OSError):  # the shot of a broken page is a bonus
                        print(screenshot(page, out / f"{_file_stem(path)}-{name}-failed.png", full_page=False))
                finally:
                    page.context.close()
    finally:
        close_browser()
        if server is not None:
            if status:
                print(f"the app's output:\n{server.output()}", file=sys.stderr)
            server.stop()
    return status


if __name__ == "__main__":
    sys.exit(main())
