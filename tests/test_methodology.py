"""The Data page's methodology states the rules pages use, with the values from their homes: which quarter is
graded and how a running one is labelled (periods.graded_quarter, formatting.running_label), and Pimpinan's
slipping rule (leadership.unit_comparison: the configured target, MIN_RESPONDENTS_TO_JUDGE)."""

import pytest
import time_machine

from tests.app_runs import open_page
from tests.factories import add_questionnaires, add_unit, answers, wib

PAGE = "app_pages/data.py"


def _expander_text(app, title: str) -> str:
    expander = next(e for e in app.expander if e.label == title)
    return " ".join(m.value for m in expander.markdown)


@pytest.mark.parametrize(("lang", "titles", "periods", "slipping"), [
    ("id", ("Periode yang dinilai", "Unit yang menurun (Pimpinan)"),
     ["**triwulan lengkap terakhir**, kini Triwulan 3 2026,", "kini Triwulan 4 2026 (berjalan, s.d. 5 Des)",
      "Pengaduan dan Data pada semua periode"],
     ["di bawah target IKM 76,61 (mutu B)", "batas bawah selangnya sendiri pada triwulan sebelumnya",
      "minimal 30 responden", "**belum dapat dinilai**", "**sementara**"]),
    ("en", ("The period graded", "Units slipping (Leadership)"),
     ["**last complete quarter**, now Q3 2026,", "now Q4 2026 (running, to 5 Dec)",
      "Complaints and Data on all periods"],
     ["below the IKM target 76.61 (grade B)", "lower end of its own interval in the quarter before",
      "at least 30 respondents", "**cannot be judged yet**", "**provisional**"]),
])
def test_methodology_names_the_graded_quarter_and_the_slipping_rule(monkeypatch, engine, db_url, lang, titles,
                                                                    periods, slipping):
    monkeypatch.setenv("TARGET_IKM_GRADE", "B")  # the target comes from the configuration: grade B from 76.61
    unit = add_unit(engine, "3575-PKM-A")
    add_questionnaires(engine, unit, [answers(3)] * 3, wib(2026, 8, 3, 9))
    add_questionnaires(engine, unit, [answers(3)] * 2, wib(2026, 12, 2, 9))
    with time_machine.travel(wib(2026, 12, 5, 10), tick=False):
        app = open_page(monkeypatch, db_url, PAGE, lang=lang)
    for title, expected in zip(titles, (periods, slipping), strict=True):
        text = _expander_text(app, title)
        assert all(part in text for part in expected), (title, text)
