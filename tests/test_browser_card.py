"""The citizen's small journeys in headless Chromium at 390 px, where the issue found them failing: a survey form
with an age of 12 and question 9 unanswered lists both beside the send button and moves to question 9, keeping
what was typed; Lacak finds a ticket typed in lower case with its Search button."""

from __future__ import annotations

import pytest

from components.survey.views import QUESTION_ORDER
from tests.browser import wait_for_app

UNIT = "3514-RSUD-BANGIL"
# Answers are pills: the third option of every question but the ninth.
ANSWERED = QUESTION_ORDER[:-1]


@pytest.mark.parametrize(("lang", "send", "problems"), [
    ("id", "Kirim jawaban", ["Pengaduan (pertanyaan 9): belum dijawab.",
                             "Usia (tahun): isi antara 15 dan 100 tahun, atau kosongkan."]),
    ("en", "Send answers", ["Complaint handling (question 9): not answered yet.",
                            "Age (years): between 15 and 100 years, or leave it empty."]),
])
def test_the_survey_lists_every_problem_and_focuses_the_first(app_server, phone_page, lang, send, problems):
    page = phone_page
    page.goto(f"{app_server.url}/survei?unit={UNIT}&lang={lang}")
    wait_for_app(page)
    for name in ANSWERED:
        page.locator(f".st-key-survey-{name} button").nth(2).click()
    page.locator(".st-key-survey-age input").fill("12")
    page.locator(".st-key-survey-suggestion textarea").fill("antrean lama")
    page.get_by_role("button", name=send).click()
    wait_for_app(page)
    listed = page.locator('[data-testid="stForm"] [data-testid="stAlert"] li').all_inner_texts()
    assert listed == problems
    page.wait_for_function("() => document.activeElement.closest('.st-key-survey-pengaduan') !== null",
                           timeout=10_000)
    assert page.locator(".st-key-survey-pengaduan").is_visible()
    assert page.locator(".st-key-survey-age input").input_value() == "12"
    assert page.locator(".st-key-survey-suggestion textarea").input_value() == "antrean lama"
    assert "outside the allowed range" not in page.content()


def test_lacak_finds_a_lower_case_ticket_with_its_search_button(app_server, phone_page):
    page = phone_page
    page.goto(f"{app_server.url}/lacak")
    wait_for_app(page)
    page.get_by_label("Nomor tiket", exact=True).fill("  demo-p-000001 ")
    page.get_by_role("button", name="Cari").click()
    wait_for_app(page)
    assert page.get_by_role("heading", name="DEMO-P-000001").is_visible()
