"""AppTest runs of every page on the demo database with every unit, its address and every kecamatan renamed to
markdown and HTML (bold, a link and an image outside the app, a '# BIG' heading after a blank line), and one
complaint's category too: whatever Streamlit renders as markdown carries them escaped, never as markdown.

The browser shows what that escaping looks like (tests/test_browser_hostile_names.py); here every element kind
that renders markdown is read: text, captions, headings, alerts, metric labels and help, tab, expander and
page-link labels, widget labels and help."""

from __future__ import annotations

import re
import shutil

import pytest
from sqlalchemy import func, select, update

from components.plain_text import escape_markdown
from data_access import schema
from data_access.engine import make_engine
from tests.app_runs import open_page


def hostile_name(code: str) -> str:
    return f"**X** {code} [klik](https://evil.example/) ![p](http://host/p.png)\n\n# BIG"


HOSTILE_ADDRESS = "Jl. <img src=http://host/a.png> _miring_ [peta](https://evil.example/a)\n\n# BIG"
HOSTILE_CATEGORY = "**kategori** <img src=http://host/c.png>"
# What markdown would read as bold, a link, an image, an outside address, a heading or HTML: none may be left.
RAW = re.compile(r"(?<!\\)\*\*(X|K|kategori)\*\*|(?<!\\)\[(klik|peta|k)|(?<!\\)!\[|https?://(evil|host)"
                 r"|(?<!\\)# BIG|(?<!\\)<img")
TICKET = "DEMO-P-000001"
# Few enough users a year that the demo's questionnaires are an adequate sample: units are then ranked, and the
# rankings' sentences name the best and the worst.
ANNUAL_USERS = 40


@pytest.fixture(scope="module")
def hostile_db(demo_sqlite_url, tmp_path_factory):
    """A copy of the demo database with every unit named and addressed as above (and ranked), every kecamatan
    name ending in markdown, and the category of TICKET's complaint HTML; (url, code of TICKET's unit)."""
    path = tmp_path_factory.mktemp("hostile") / "hostile.sqlite"
    shutil.copy(demo_sqlite_url.removeprefix("sqlite:///"), path)
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    units = schema.service_units
    try:
        with engine.begin() as conn:
            for code in conn.execute(select(units.c.code)).scalars().all():
                conn.execute(update(units).where(units.c.code == code)
                             .values(name=hostile_name(code), address=HOSTILE_ADDRESS, annual_users=ANNUAL_USERS))
            conn.execute(update(schema.kecamatan).values(
                name=func.substr(schema.kecamatan.c.name + " **K** [k](https://evil.example/k)", 1, 80)))
            conn.execute(update(schema.complaints).where(schema.complaints.c.ticket == TICKET)
                         .values(category=HOSTILE_CATEGORY))
            code = conn.execute(select(units.c.code).join(schema.complaints, schema.complaints.c.unit_id == units.c.id)
                                .where(schema.complaints.c.ticket == TICKET)).scalar_one()
    finally:
        engine.dispose()
    return url, code


def _labels(app, kind: str) -> list[str]:
    return [str(getattr(element.proto, field)) for element in app.get(kind)
            for field in ("label", "help", "body") if hasattr(element.proto, field)]


def markdown_texts(app) -> list[str]:
    """The source of everything on the page that Streamlit renders as markdown."""
    texts = [str(e.value) for kind in ("markdown", "caption", "title", "header", "subheader", "info", "warning",
                                       "success", "error") for e in getattr(app, kind)]
    for kind in ("metric", "expander", "tab", "page_link", "selectbox", "text_input", "segmented_control",
                 "button_group", "button", "download_button", "toast"):
        texts += _labels(app, kind)
    return texts


def assert_no_markdown_from_data(app) -> list[str]:
    texts = markdown_texts(app)
    assert texts, "the page rendered nothing"
    raw = [text for text in texts if RAW.search(text)]
    assert raw == []
    return texts


def test_the_unit_card_shows_name_address_and_kecamatan_as_text(monkeypatch, hostile_db):
    url, code = hostile_db
    app = open_page(monkeypatch, url, "app_pages/unit.py", unit=code)
    assert_no_markdown_from_data(app)
    assert app.title[0].value == escape_markdown(hostile_name(code))
    assert r"\*\*K\*\* \[k\](https:" in app.caption[0].value
    location = app.markdown[-1].value
    assert location.startswith(escape_markdown(HOSTILE_ADDRESS) + "  \n")
    assert "[Lihat di OpenStreetMap](https://www.openstreetmap.org/" in location  # the app's own link stays a link


def test_the_survey_form_and_its_thanks_show_the_name_as_text(monkeypatch, hostile_db):
    url, code = hostile_db
    app = open_page(monkeypatch, url, "app_pages/survei.py", unit=code)
    assert_no_markdown_from_data(app)
    assert any(escape_markdown(hostile_name(code)) in m.value for m in app.markdown)
    app.session_state["survey.thanked"] = code  # as after an accepted questionnaire
    app.run()
    assert_no_markdown_from_data(app)
    assert escape_markdown(hostile_name(code)) in app.success[0].value


def test_lacak_links_the_unit_by_its_name_as_text(monkeypatch, hostile_db):
    url, code = hostile_db
    app = open_page(monkeypatch, url, "app_pages/lacak.py", tiket=TICKET)
    texts = assert_no_markdown_from_data(app)
    assert any(f"[{escape_markdown(hostile_name(code))}](/unit?unit={code})" in text for text in texts)
    assert any(escape_markdown(HOSTILE_CATEGORY) in text for text in texts)


@pytest.mark.parametrize("page", ["app_pages/kepuasan.py", "app_pages/pengaduan.py", "app_pages/pimpinan.py",
                                  "app_pages/data.py"])
def test_rankings_sentences_and_tables_pages(monkeypatch, hostile_db, page):
    url, _ = hostile_db
    app = open_page(monkeypatch, url, page)
    texts = assert_no_markdown_from_data(app)
    if page != "app_pages/data.py":  # their takeaways name the best, worst or busiest units
        assert any(re.search(r"\\\*\\\*X\\\*\\\* \d{4}-", text) for text in texts)


def test_pimpinan_slipping_list_and_ranking_sentence(monkeypatch, hostile_db):
    url, _ = hostile_db
    app = open_page(monkeypatch, url, "app_pages/pimpinan.py")
    assert_no_markdown_from_data(app)
    ranking = [m.value for m in app.markdown if m.value.startswith(("Dari ", "Baru satu"))]
    assert ranking and r"\*\*X\*\*" in ranking[0]


def test_the_data_page_with_a_unit_table(monkeypatch, hostile_db):
    url, code = hostile_db
    app = open_page(monkeypatch, url, "app_pages/data.py", tabel="unit-unsur", unit=code)
    assert_no_markdown_from_data(app)


def test_peta_card_link_and_beranda_finder(monkeypatch, hostile_db):
    url, code = hostile_db
    app = open_page(monkeypatch, url, "app_pages/peta.py")
    assert_no_markdown_from_data(app)
    app.selectbox(key="peta.rapor").set_value(code).run()
    assert_no_markdown_from_data(app)
    labels = [link.proto.label for link in app.get("page_link")]
    assert f"Buka rapor {escape_markdown(hostile_name(code))} · {code}" in labels

    home = open_page(monkeypatch, url, None)
    assert_no_markdown_from_data(home)
    home.selectbox(key="home.unit_finder").set_value(code).run()
    assert_no_markdown_from_data(home)
