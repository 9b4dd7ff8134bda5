"""The whole app run in AppTest at one page, as a browser landing on that page's URL would open it."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard.py")


def open_app(monkeypatch, url: str, page: str | None, params: dict[str, str]) -> AppTest:
    """The dashboard (dashboard.py) on database `url` with `params` in the URL, switched to `page`
    ("app_pages/kepuasan.py"; None stays on Beranda); the caller checks what it needs (a hostile parameter's test
    looks for exceptions itself)."""
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.delenv("PUBLIC_DATABASE_URL", raising=False)
    app = AppTest.from_file(APP, default_timeout=120)
    for key, value in params.items():
        app.query_params[key] = value
    app.run()
    if page is not None:
        app.switch_page(page).run()
    return app


def open_page(monkeypatch, url: str, page: str | None, **params: str) -> AppTest:
    """open_app, without an exception or a Streamlit widget warning on the page."""
    app = open_app(monkeypatch, url, page, params)
    assert not app.exception, app.exception
    assert not [w.value for w in app.warning if "widget" in str(w.value)], "Streamlit widget warning shown"
    return app


# A chart's table view (components/figure.chart_table_block) is an expander keyed "<block key>-table-view" whose
# table is drawn only when it is open.
TABLE_VIEW_SUFFIX = "-table-view"


def open_table_views(app: AppTest) -> AppTest:
    """Open every chart's table view, as a reader clicking each would, and run the page again."""
    # An element's id is "$$ID-<hash>-<user key>".
    keys = [expander.proto.id.split("-", 2)[2] for expander in app.expander
            if expander.proto.id.endswith(TABLE_VIEW_SUFFIX) and not expander.proto.expanded]
    for key in keys:
        app.session_state[key] = True
    if keys:
        app.run()
    return app
