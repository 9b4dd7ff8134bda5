"""The weekly brief as one A4 PDF page (fpdf2) from data_access.leadership.weekly_brief figures.

Helvetica is one of the PDF core fonts, so no font file ships with the app and the PDF holds real, searchable text;
the core fonts encode windows-1252 only, so the few symbols outside it are written the ASCII way.
"""

from __future__ import annotations

from datetime import datetime

from fpdf import FPDF
from fpdf.fonts import FontFace

from components.formatting import (
    fmt_date,
    fmt_datetime_wib,
    fmt_number,
    fmt_ombudsman_band,
    fmt_signed,
)
from components.i18n import t
from components.leadership import frames as frames
from data_access.periods import previous_quarter

ENCODING = "windows-1252"
_ASCII = {"≥": ">=", "≤": "<=", "→": "->", "—": "-", "\u2009": " "}
FONT = "Helvetica"
MARGIN_MM = 15
LINE_MM = 5


def _text(value: str) -> str:
    """Text the core font can encode: known symbols spelled out, anything else outside windows-1252 as '?'."""
    for symbol, plain in _ASCII.items():
        value = value.replace(symbol, plain)
    return value.encode(ENCODING, errors="replace").decode(ENCODING)


class _Page(FPDF):
    def __init__(self) -> None:
        super().__init__(format="A4", unit="mm")
        self.core_fonts_encoding = ENCODING
        self.set_margins(MARGIN_MM, MARGIN_MM, MARGIN_MM)
        # One page by design: the lists are capped (leadership.BRIEF_EXCEPTIONS), so nothing should flow over.
        self.set_auto_page_break(False)
        self.add_page()

    def line_of(self, text: str, size: float = 10, style: str = "", height: float = LINE_MM) -> None:
        self.set_font(FONT, style, size)
        self.multi_cell(0, height, _text(text), new_x="LMARGIN", new_y="NEXT")

    def heading(self, text: str) -> None:
        self.ln(2)
        self.line_of(text, 12, "B", 7)


def _region_rows(brief: dict, grade: str, lang: str) -> list[list[str]]:
    """Figures as rows (label, one column per region)."""
    regions = brief["regions"]
    quarter = frames.quarter_text(brief["quarter"], lang)

    def ombudsman(region: dict) -> str:
        score = region["ombudsman"]
        if score is None:
            return t("lead.gap.no_data", lang)
        return t("lead.brief.ombudsman_value", lang, score=fmt_number(score["score"], 2, lang), year=score["year"],
                 band=fmt_ombudsman_band(score["band"], lang))

    def first(region: dict) -> str:
        row = region["targets"]
        return f"{frames.first_response_value_text(row, lang)} - {frames.first_response_gap_text(row, lang)}"

    rows = [
        (t("lead.brief.row.ikm", lang, quarter=quarter),
         lambda r: frames.ikm_value_text(r["targets"]["ikm"], r["targets"]["grade"], r["targets"]["respondents"],
                                         lang)),
        (t("lead.brief.row.ikm_target", lang, goal=frames.ikm_goal_text(regions[0]["targets"], grade, lang)),
         lambda r: frames.ikm_gap_text(r["targets"], lang)),
        (t("lead.brief.row.questionnaires", lang), lambda r: fmt_number(r["questionnaires"], 0, lang)),
        (t("lead.brief.row.received", lang), lambda r: fmt_number(r["received"], 0, lang)),
        (t("lead.brief.row.resolved", lang), lambda r: fmt_number(r["resolved"], 0, lang)),
        (t("lead.brief.row.open", lang), lambda r: fmt_number(r["open"], 0, lang)),
        (t("lead.brief.row.overdue", lang), lambda r: fmt_number(r["overdue"], 0, lang)),
        (t("lead.brief.row.first", lang, quarter=quarter, goal=frames.first_goal_text(regions[0]["targets"], lang)),
         first),
        (t("lead.brief.row.ombudsman", lang), ombudsman),
    ]
    return [[label, *[value(region) for region in regions]] for label, value in rows]


def _exception_lines(brief: dict, lang: str) -> list[tuple[str, list[str], int]]:
    """(heading, lines, units not listed) for the units slipping in the graded quarter, grade crossings, newly
    overdue complaints and what falls due."""
    previous = previous_quarter(brief["quarter"])
    slipping = [frames.slipping_line(r, previous, lang) for r in brief["slipping"]]
    crossings = [t("lead.brief.crossing_line", lang, unit=r["name"], before=r["grade_before"], now=r["grade_now"],
                   change=fmt_signed(r["change"], 2, lang)) for r in brief["crossings"]]
    overdue = [t("lead.brief.overdue_line", lang, unit=r["name"], newly=fmt_number(r["newly_overdue"], 0, lang),
                 total=fmt_number(r["overdue"], 0, lang)) for r in brief["newly_overdue"]]
    due = [t("lead.brief.due_line", lang, unit=r["name"], due=fmt_number(r["due"], 0, lang),
             first=fmt_date(r["first_due"], lang)) for r in brief["due_soon"]]
    return [
        (t("lead.slipping.title", lang, quarter=frames.quarter_text(brief["quarter"], lang)), slipping,
         brief["slipping_total"] - len(slipping)),
        (t("lead.crossings.heading", lang), crossings, brief["crossings_total"] - len(crossings)),
        (t("lead.overdue.heading", lang), overdue, brief["newly_overdue_total"] - len(overdue)),
        (t("lead.brief.due_heading", lang, today=fmt_date(brief["due_from"], lang),
           until=fmt_date(brief["due_until"], lang), n=fmt_number(brief["due_total"], 0, lang)),
         due, brief["due_units"] - len(due)),
    ]


def brief_pdf(brief: dict, grade: str, data_time: datetime | None, is_demo: bool, link: str, lang: str) -> bytes:
    """The one-page PDF: title, period, data time, demo notice, both regions' figures, top exceptions, licence."""
    pdf = _Page()
    pdf.set_title(_text(f"{t('lead.brief.title', lang)} - {brief['week'].code}"))
    pdf.line_of(t("app.title", lang), 10)
    pdf.line_of(t("lead.brief.title", lang), 16, "B", 8)
    pdf.line_of(frames.week_label(brief["week"], lang), 12, "B", 6)
    pdf.line_of(f"{t('download.data_time', lang)} {fmt_datetime_wib(data_time, lang)}", 10)
    if is_demo:
        pdf.set_text_color(160, 0, 0)
        pdf.line_of(t("lead.brief.demo", lang), 10, "B")
        pdf.set_text_color(0, 0, 0)
    pdf.ln(3)
    pdf.set_font(FONT, "", 9)
    regions = [t(f"region.{r['region_code']}", lang) for r in brief["regions"]]
    label_width = 80 if len(regions) == 2 else 100
    widths = (label_width, *[(pdf.epw - label_width) / len(regions)] * len(regions))
    with pdf.table(col_widths=widths, text_align="LEFT", line_height=4.6,
                   headings_style=FontFace(emphasis="BOLD", fill_color=(230, 236, 245))) as table:
        table.row([_text(c) for c in ["", *regions]])
        for row in _region_rows(brief, grade, lang):
            table.row([_text(cell) for cell in row])
    pdf.heading(t("lead.brief.exceptions", lang, date=fmt_date(brief["since"], lang)))
    for heading, lines, more in _exception_lines(brief, lang):
        pdf.line_of(heading, 10, "B")
        for line in lines or [t("lead.brief.none", lang)]:
            pdf.line_of(f"- {line}", 9, height=4.4)
        if more > 0:
            pdf.line_of(t("lead.brief.more", lang, n=fmt_number(more, 0, lang)), 9, "I", 4.4)
        pdf.ln(1)
    pdf.set_y(pdf.h - MARGIN_MM - 2 * LINE_MM)
    pdf.line_of(t("lead.brief.licence", lang, link=link), 8, height=4)
    return bytes(pdf.output())
