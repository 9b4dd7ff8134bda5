"""AppTest runs of the survey form (?unit=CODE) on both backends: a valid questionnaire is stored once and thanked,
and a missing answer, a bad unit code, a repeat for the same unit and a burst each change nothing and say why."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from components.survey.views import QUESTION_ORDER
from data_access import schema
from data_access.elements import ELEMENTS
from tests.app_runs import open_page
from tests.factories import add_unit

SURVEY = "app_pages/survei.py"
SUGGESTION = "Antrean lama, hubungi saya di 0812-3456-7890"


def _stored(engine) -> list[tuple]:
    table = schema.survey_responses
    with engine.connect() as conn:
        columns = [table.c[name] for name in ("source", "channel", "persyaratan", "sarana", "pengaduan", "age", "sex",
                                              "education", "suggestion")]
        return conn.execute(select(*columns).order_by(table.c.id)).all()


def _count(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(schema.survey_responses)).scalar_one()


def _fill(app, skip: tuple[str, ...] = (), **profile):
    for name in ELEMENTS:
        if name not in skip:
            app.button_group(key=f"survey.{name}").set_value({"sarana": 2, "pengaduan": 3}.get(name, 4))
    if "age" in profile:
        app.number_input(key="survey.age").set_value(profile["age"])
    if "sex" in profile:
        app.button_group(key="survey.sex").set_value(profile["sex"])
    if "education" in profile:
        app.button_group(key="survey.education").set_value(profile["education"])
    if "suggestion" in profile:
        app.text_area(key="survey.suggestion").input(profile["suggestion"])
    return app


def _submit(app, lang: str | None = None):
    if lang:
        # AppTest drops the sidebar language widget's value between runs after a page switch: keep setting it.
        app.session_state["lang"] = lang
    [button] = [b for b in app.button if b.label in ("Kirim jawaban", "Send answers")]
    button.click().run()
    assert not app.exception, app.exception
    return app


def _form_groups(app) -> list:
    """The form's answer groups (the sidebar's language and region switches are button groups too)."""
    return [g for g in app.button_group if str(g.key).startswith("survey.")]


def _texts(app) -> str:
    parts = [e.value for kind in ("markdown", "caption", "info", "success", "warning", "title", "header", "subheader")
             for e in getattr(app, kind)]
    return "\n".join(str(p) for p in parts)


def _survey(monkeypatch, db_url, code, **params):
    return open_page(monkeypatch, db_url, SURVEY, unit=code, **params)


def test_a_full_questionnaire_is_stored_once_and_thanked(monkeypatch, engine, db_url):
    add_unit(engine, "3575-MPP", kind="mpp", name="Mal Pelayanan Publik Kota Pasuruan")
    app = _survey(monkeypatch, db_url, "3575-MPP")
    assert app.title[0].value == "Survei Kepuasan Masyarakat"
    assert "Unit layanan: **Mal Pelayanan Publik Kota Pasuruan** · Kota Pasuruan" in _texts(app)
    # The nine questions, keyed by element name, with the regulation's labels and nothing preselected.
    questions = {g.key.removeprefix("survey."): g for g in _form_groups(app)
                 if g.key.removeprefix("survey.") in ELEMENTS}
    questions = {name: group for name, group in questions.items() if name in ELEMENTS}
    assert set(questions) == set(ELEMENTS) and sorted(QUESTION_ORDER) == sorted(ELEMENTS)
    assert all(g.value is None for g in questions.values())
    assert questions["perilaku"].options == ["Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah",
                                             "Sangat sopan dan ramah"]
    assert questions["pengaduan"].options[1] == "Ada tetapi tidak berfungsi"
    _submit(_fill(app, age=34, sex="P", education="S1", suggestion=SUGGESTION))
    assert _stored(engine) == [("form", "qr", 4, 2, 3, 34, "P", "S1", SUGGESTION)]
    assert any("Terima kasih!" in s.value for s in app.success)
    assert "tampil di dasbor dalam beberapa detik" in _texts(app)
    # The suggestion is stored for the unit's managers but never displayed back, not even to its writer.
    assert "0812" not in _texts(app) and "Antrean lama" not in _texts(app)
    assert not _form_groups(app)  # the form is gone: no second submission from the thank-you screen
    links = [(link.proto.label, link.proto.page, link.proto.query_string) for link in app.get("page_link")]
    assert ("Lihat rapor unit ini", "unit", "unit=3575-MPP") in links


def test_a_missing_answer_is_listed_and_nothing_is_stored(monkeypatch, engine, db_url):
    add_unit(engine, "3575-MPP", kind="mpp")
    app = _submit(_fill(_survey(monkeypatch, db_url, "3575-MPP"), skip=("waktu", "sarana"), age=40))
    assert _count(engine) == 0
    [warning] = [w.value for w in app.warning]
    assert warning.startswith("Jawaban belum terkirim. Mohon periksa:")
    assert "- Waktu (pertanyaan 3): belum dijawab.\n- Sarana (pertanyaan 8): belum dijawab.\n" in warning
    assert "persyaratan" not in warning.lower()
    # The answers given are kept in the form.
    assert app.button_group(key="survey.persyaratan").value == 4
    assert app.number_input(key="survey.age").value == 40
    # Answering the rest sends it.
    app.button_group(key="survey.waktu").set_value(3)
    app.button_group(key="survey.sarana").set_value(3)
    _submit(app)
    assert _count(engine) == 1


@pytest.mark.parametrize(
    "code, message",
    [
        ("3575-NOPE", "Unit dengan kode `3575-NOPE` tidak ditemukan atau tidak aktif lagi."),
        ("3514-OLD", "Unit dengan kode `3514-OLD` tidak ditemukan atau tidak aktif lagi."),
        ("<script>", "Alamat ini tidak memuat kode unit yang sah."),
        ("x" * 500, "Alamat ini tidak memuat kode unit yang sah."),
        ("' OR 1=1 --", "Alamat ini tidak memuat kode unit yang sah."),
    ],
)
def test_unknown_inactive_or_malformed_units_get_a_friendly_message(monkeypatch, engine, db_url, code, message):
    add_unit(engine, "3575-MPP", kind="mpp")
    add_unit(engine, "3514-OLD", region="35.14", active=False)
    app = _survey(monkeypatch, db_url, code)
    assert any(message in i.value for i in app.info), [i.value for i in app.info]
    assert not _form_groups(app) and not app.exception
    # A way on: choose the unit from the list of active units (the inactive one is not offered).
    [choice] = app.selectbox
    assert choice.options == ["Unit 3575-MPP · Kota Pasuruan"]
    assert _count(engine) == 0


def test_without_a_code_the_unit_is_chosen_from_a_list(monkeypatch, engine, db_url):
    add_unit(engine, "3575-MPP", kind="mpp", name="Mal Pelayanan Publik Kota Pasuruan")
    add_unit(engine, "3514-RSUD", region="35.14", kind="rsud", name="RSUD Bangil")
    app = open_page(monkeypatch, db_url, SURVEY)
    assert any("Pilih unit yang Anda kunjungi" in i.value for i in app.info)
    app.selectbox(key="survey.unit_choice").set_value("3514-RSUD").run()
    assert "Unit layanan: **RSUD Bangil** · Kabupaten Pasuruan" in _texts(app)
    assert app.query_params["unit"] == "3514-RSUD"
    _submit(_fill(app))
    with engine.connect() as conn:
        stored = conn.execute(select(schema.service_units.c.code, schema.survey_responses.c.channel).join_from(
            schema.survey_responses, schema.service_units)).one()
    assert tuple(stored) == ("3514-RSUD", "web")  # chosen from the list, not reached by a QR code


def test_a_second_questionnaire_for_the_same_unit_is_refused_kindly(monkeypatch, engine, db_url):
    add_unit(engine, "3575-MPP", kind="mpp")
    app = _survey(monkeypatch, db_url, "3575-MPP")
    _fill(app)
    # Meanwhile another tab of the same browser sent one for this unit three minutes ago.
    app.session_state["survey.history"] = [("3575-MPP", datetime.now(UTC) - timedelta(minutes=3))]
    _submit(app)
    assert _count(engine) == 0
    [warning] = [w.value for w in app.warning]
    assert "perangkat ini baru saja mengisi survei untuk unit ini" in warning
    assert "sekali setiap 10 menit; silakan coba lagi dalam 7 menit" in warning
    assert warning.endswith("Jawaban di formulir ini tidak disimpan.")


def test_coming_back_to_a_unit_just_rated_says_so_before_the_form(monkeypatch, engine, db_url):
    for code in ("3575-A", "3575-B"):
        add_unit(engine, code)
    app = _submit(_fill(_survey(monkeypatch, db_url, "3575-A")))
    app.query_params["unit"] = "3575-B"
    _submit(_fill(app.run()))
    assert _count(engine) == 2
    app.query_params["unit"] = "3575-A"
    app.run()
    assert not _form_groups(app)  # no form to fill in vain
    assert any("silakan coba lagi dalam 10 menit" in w.value for w in app.warning)
    assert _count(engine) == 2


def test_a_burst_from_one_session_is_slowed(monkeypatch, engine, db_url):
    codes = ["3575-A", "3575-B", "3575-C", "3575-D"]
    for code in codes:
        add_unit(engine, code)
    app = None
    for code in codes[:3]:
        if app is None:
            app = _survey(monkeypatch, db_url, code)
        else:
            app.query_params["unit"] = code
            app.run()
        _submit(_fill(app))
    assert _count(engine) == 3
    app.query_params["unit"] = "3575-D"
    app.run()
    assert not _form_groups(app)
    assert any("Terlalu banyak kuesioner dari perangkat ini" in w.value and "tunggu 10 menit" in w.value
               for w in app.warning)
    assert _count(engine) == 3


def test_english_mode(monkeypatch, engine, db_url):
    add_unit(engine, "3514-MPP", region="35.14", kind="mpp", name="MPP Kabupaten Pasuruan")
    app = _survey(monkeypatch, db_url, "3514-MPP", lang="en")
    assert app.title[0].value == "Public Satisfaction Survey"
    assert "Service unit: **MPP Kabupaten Pasuruan** · Pasuruan Regency" in _texts(app)
    biaya = app.button_group(key="survey.biaya")
    assert biaya.label == "4. How fair is the cost or fee of the service?"
    # The regulation's official Indonesian labels, with a translation.
    assert biaya.options == ["Sangat mahal (very expensive)", "Cukup mahal (rather expensive)", "Murah (cheap)",
                             "Gratis (free)"]
    app = _submit(_fill(app, skip=("biaya",)), lang="en")
    [warning] = [w.value for w in app.warning]
    assert warning.startswith("Your answers were not sent. Please check:")
    assert "- Cost (question 4): not answered yet." in warning
    app.button_group(key="survey.biaya").set_value(3)
    _submit(app, lang="en")
    assert [s.value for s in app.success] == [("**Thank you!** Your answers for MPP Kabupaten Pasuruan have been "
                                               "recorded.")]
    assert _count(engine) == 1


@pytest.mark.parametrize(("lang", "expected"), [
    ("id", "- Pengaduan (pertanyaan 9): belum dijawab.\n- Usia (tahun): isi antara 15 dan 100 tahun, atau kosongkan."),
    ("en", ("- Complaint handling (question 9): not answered yet.\n"
           "- Age (years): between 15 and 100 years, or leave it empty.")),
])
def test_an_age_out_of_range_and_a_missing_answer_are_both_listed_beside_the_button(monkeypatch, engine, db_url,
                                                                                   lang, expected):
    """The issue's case: an age of 12 and question 9 unanswered. Both are listed in the respondent's language right
    above the send button, the browser is told to focus question 9, and every answer stays in the form."""
    add_unit(engine, "3575-MPP", kind="mpp")
    app = _submit(_fill(_survey(monkeypatch, db_url, "3575-MPP", lang=lang), skip=("pengaduan",), age=12,
                        suggestion=SUGGESTION), lang=lang)
    assert _count(engine) == 0
    [warning] = [w.value for w in app.warning]
    assert expected in warning
    form = app.get("form")[0]
    below = [node.type for node in form.children.values()]
    # The answer sits in the container just before the button, inside the form.
    assert below[-2:] == ["flex_container", "button"]
    assert [w.value for w in form.children[len(below) - 2].children.values() if w.type == "warning"] == [warning]
    [script] = [h.proto.body for h in app.get("html") if "<script" in h.proto.body]  # not the shell's style
    assert 'document.querySelector(".st-key-survey-pengaduan")' in script
    assert app.number_input(key="survey.age").value == 12
    assert app.button_group(key="survey.sarana").value == 2
    assert app.text_area(key="survey.suggestion").value == SUGGESTION
    # Fixed, it is sent.
    app.number_input(key="survey.age").set_value(15)
    app.button_group(key="survey.pengaduan").set_value(3)
    _submit(app, lang=lang)
    assert _count(engine) == 1


@pytest.mark.parametrize(("lang", "expected"), [
    ("id", ("- Saran dan masukan: berisi karakter kontrol yang tidak terlihat (misalnya NUL) dan tidak dapat "
            "disimpan; hapus karakter itu atau ketik ulang teksnya. Baris baru dan tab boleh ada di saran.")),
    ("en", ("- Suggestions: contains an invisible control character (such as NUL) that cannot be stored; delete it "
            "or retype the text. Line breaks and tabs are fine in a suggestion.")),
])
def test_a_control_character_in_the_suggestion_is_listed_and_nothing_is_stored(monkeypatch, engine, db_url, lang,
                                                                              expected):
    """On PostgreSQL a NUL once reached the database, which refused it, and the form said the database was down."""
    add_unit(engine, "3575-MPP", kind="mpp")
    suggestion = "Antrean lama\x00, mohon diperbaiki.\nTerima kasih"
    app = _submit(_fill(_survey(monkeypatch, db_url, "3575-MPP", lang=lang), suggestion=suggestion), lang=lang)
    assert _count(engine) == 0
    [warning] = [w.value for w in app.warning]
    assert expected in warning
    assert app.text_area(key="survey.suggestion").value == suggestion
