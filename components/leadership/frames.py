"""Tables, sentences and the Ombudsman chart of the Pimpinan page and its weekly brief, without Streamlit calls.

Shown tables link units to their cards (ikm_frames.unit_link); downloads keep unit codes and plain numbers.
`lang` is passed through for the brief, which is built outside the page's language switch when clicked.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from components.complaints.frames import stage_text
from components.formatting import fmt_date, fmt_number, fmt_pct, fmt_quarter
from components.i18n import t
from components.table import unit_link
from data_access.leadership import Week
from data_access.ombudsman import BANDS_2022_2024, BANDS_UNTIL_2021, FIRST_OPINION_YEAR

# Our two regions in the series colours of the IKM charts, peers in grey; each with its own point shape.
OMBUDSMAN_COLORS = ("#0072B2", "#CC79A7", "#999999", "#666666")
OMBUDSMAN_SHAPES = ("circle", "square", "triangle-up", "diamond")


def period_text(start, end, lang: str | None = None) -> str:
    """'16–22 Nov 2026', '28 Sep – 4 Okt 2026' or '29 Des 2025 – 4 Jan 2026'."""
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{fmt_date(end, lang)}"
    if start.year == end.year:
        return f"{fmt_date(start, lang).rsplit(' ', 1)[0]} – {fmt_date(end, lang)}"
    return f"{fmt_date(start, lang)} – {fmt_date(end, lang)}"


def week_label(week: Week, lang: str | None = None) -> str:
    return t("lead.brief.period", lang, range=period_text(week.monday, week.sunday, lang), code=week.code)


def ikm_gap_text(row: dict, lang: str | None = None) -> str:
    if row["ikm_gap"] is None:
        return t("lead.gap.no_data", lang)
    return t("lead.gap.met", lang) if row["ikm_gap"] == 0 else t("lead.gap.ikm", lang,
                                                                  gap=fmt_number(row["ikm_gap"], 2, lang))


def first_response_gap_text(row: dict, lang: str | None = None) -> str:
    if not row["complaints"]:
        return t("lead.gap.no_data", lang)
    if row["first_response_gap"] is None:
        return t("lead.gap.not_reached", lang)
    if row["first_response_gap"] == 0:
        return t("lead.gap.met", lang)
    return t("lead.gap.days", lang, gap=fmt_number(row["first_response_gap"], 0, lang))


def overdue_gap_text(row: dict, lang: str | None = None) -> str:
    if row["overdue_gap"] == 0:
        return t("lead.gap.met", lang)
    return t("lead.gap.overdue", lang, gap=fmt_number(row["overdue_gap"], 0, lang))


def ikm_value_text(ikm: float | None, grade: str | None, respondents: int, lang: str | None = None) -> str:
    if ikm is None:
        return t("lead.gap.no_data", lang)
    return t("lead.target.ikm_value", lang, ikm=fmt_number(ikm, 2, lang), grade=grade,
             n=fmt_number(respondents, 0, lang))


def first_response_value_text(row: dict, lang: str | None = None) -> str:
    median = row["first_response_median_workdays"]
    if not row["complaints"]:
        return t("lead.gap.no_data", lang)
    if median is None:
        return t("home.not_reached", lang)
    return t("home.workdays", lang, n=fmt_number(median, 0, lang))


def ikm_goal_text(row: dict, grade: str, lang: str | None = None) -> str:
    return t("lead.target.ikm_goal", lang, grade=grade, value=fmt_number(row["ikm_target"], 2, lang))


def first_goal_text(row: dict, lang: str | None = None) -> str:
    return t("lead.target.first_goal", lang, n=fmt_number(row["first_response_target"], 0, lang))


# ------------------------------------------------------------------------------------------------ exceptions


def exceptions_takeaway(crossings: dict, overdue: dict, since) -> str:
    units = crossings["units"]
    return t("lead.exceptions.takeaway", date=fmt_date(since),
             down=fmt_number(sum(r["direction"] == "down" for r in units)),
             up=fmt_number(sum(r["direction"] == "up" for r in units)),
             newly=fmt_number(sum(r["newly_overdue"] for r in overdue["units"])),
             units=fmt_number(len(overdue["units"])))


def crossings_title(comparison: str) -> str:
    """The downloads' title names the comparison, so the week's and the month's files tell themselves apart."""
    return t("lead.crossings.title", comparison=t(f"lead.comparison.{comparison}").lower())


def overdue_title(comparison: str) -> str:
    return t("lead.overdue.title", comparison=t(f"lead.comparison.{comparison}").lower())


def crossing_tables(units: list[dict]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, downloaded) tables of grade_crossings rows, drops first."""

    def figures(r):
        return {t("lead.col.direction"): t(f"lead.direction.{r['direction']}"),
                t("lead.col.grade_before"): r["grade_before"], t("lead.col.grade_now"): r["grade_now"],
                t("lead.col.ikm_before"): r["ikm_before"], t("lead.col.ikm_now"): r["ikm_now"],
                t("lead.col.change"): r["change"], t("lead.col.n_before"): r["respondents_before"],
                t("lead.col.n_now"): r["respondents_now"], t("ikm.col.unit"): r["name"],
                t("filter.region"): t(f"region.{r['region_code']}")}

    shown = pd.DataFrame([{t("ikm.col.card"): unit_link(r["unit_code"]), **figures(r)} for r in units])
    downloaded = pd.DataFrame([{t("ikm.col.code"): r["unit_code"], **figures(r)} for r in units])
    return shown, downloaded


def overdue_tables(units: list[dict]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, downloaded) tables of newly_overdue rows, most first."""

    def figures(r):
        return {t("lead.col.newly"): r["newly_overdue"],
                **{stage_text(stage): r[stage] for stage in ("verification", "first_response", "resolution")},
                t("lead.col.overdue_total"): r["overdue"], t("ikm.col.unit"): r["name"],
                t("filter.region"): t(f"region.{r['region_code']}")}

    shown = pd.DataFrame([{t("ikm.col.card"): unit_link(r["unit_code"]), **figures(r)} for r in units])
    downloaded = pd.DataFrame([{t("ikm.col.code"): r["unit_code"], **figures(r)} for r in units])
    return shown, downloaded


# ------------------------------------------------------------------------------------------------- targets


def target_lines(row: dict, grade: str) -> list[tuple[str, str, str, str]]:
    """(measure, value now, target, distance) for one region's targets row."""
    quarter = fmt_quarter(row["quarter"][0])
    first_value = first_response_value_text(row)
    if row["first_response_within_target_pct"] is not None:
        first_value += " · " + t("lead.target.first_share", pct=fmt_pct(row["first_response_within_target_pct"]),
                                 n=row["first_response_target"], complaints=fmt_number(row["complaints"]))
    return [
        (f"{t('lead.target.ikm')} {quarter}", ikm_value_text(row["ikm"], row["grade"], row["respondents"]),
         ikm_goal_text(row, grade), ikm_gap_text(row)),
        (f"{t('lead.target.first')} {quarter}", first_value, first_goal_text(row), first_response_gap_text(row)),
        (t("lead.target.overdue"), fmt_number(row["overdue"]),
         t("lead.target.overdue_goal", n=fmt_number(row["overdue_target"])), overdue_gap_text(row)),
    ]


def targets_table(rows: list[dict], grade: str) -> pd.DataFrame:
    """Every region's target lines in one download."""
    return pd.DataFrame([
        {t("filter.region"): t(f"region.{row['region_code']}"), t("lead.col.measure"): measure,
         t("lead.col.value"): value, t("lead.col.target"): target, t("lead.col.gap"): gap}
        for row in rows for measure, value, target, gap in target_lines(row, grade)
    ])


# ----------------------------------------------------------------------------------------------- Ombudsman


def _bands_text(bands) -> str:
    parts = [f"{label} ≥ {fmt_number(lowest, 0)}" for lowest, label, _ in bands[:-1]]
    return ", ".join(parts + [bands[-1][1]])


def ombudsman_caption() -> str:
    return t("lead.ombudsman.caption", until_2021=_bands_text(BANDS_UNTIL_2021),
             from_2022=_bands_text(BANDS_2022_2024), opinion=FIRST_OPINION_YEAR)


def _entity_order(history: list[dict]) -> list[str]:
    """Our regions first (in reference order), then the peers."""
    ours = sorted({r["entity"] for r in history if r["region_code"]}, key=lambda e: next(
        r["region_code"] for r in history if r["entity"] == e))
    return ours + sorted({r["entity"] for r in history if not r["region_code"]})


def ombudsman_table(history: list[dict]) -> pd.DataFrame:
    order = _entity_order(history)
    rows = sorted(history, key=lambda r: (order.index(r["entity"]), r["year"]))
    return pd.DataFrame([
        {t("lead.ombudsman.col.entity"): r["entity"],
         t("lead.ombudsman.col.role"): t("lead.ombudsman.ours" if r["region_code"] else "lead.ombudsman.peer"),
         t("lead.ombudsman.col.year"): r["year"], t("lead.ombudsman.col.score"): r["score"],
         t("lead.ombudsman.col.band"): r["band"], t("lead.ombudsman.col.note"): r["note"],
         t("lead.ombudsman.col.source"): r["source"]}
        for r in rows
    ])


def ombudsman_takeaway(history: list[dict]) -> str:
    latest = {}
    for r in history:
        if r["region_code"]:
            latest[r["entity"]] = r
    figures = "; ".join(f"{e} {fmt_number(r['score'], 2)} ({r['year']}, {r['band']})" for e, r in latest.items())
    return t("lead.ombudsman.takeaway", figures=figures)


def render_ombudsman_chart(history: list[dict]) -> alt.LayerChart:
    """Score by year: our regions as lines with points, peers as single points; each entity its own colour and
    shape, named in the legend. The first region's labels sit under its points so close scores do not collide."""
    order = _entity_order(history)
    frame = pd.DataFrame([{"entity": r["entity"], "year": r["year"], "score": r["score"], "band": r["band"],
                           "ours": bool(r["region_code"]), "text": fmt_number(r["score"], 2),
                           "below": r["entity"] == order[0]} for r in history])
    legend = alt.Legend(title=None, orient="bottom", columns=2, labelLimit=180, symbolType="circle")
    color = alt.Color("entity:N", scale=alt.Scale(domain=order, range=list(OMBUDSMAN_COLORS[:len(order)])),
                      legend=legend)
    shape = alt.Shape("entity:N", scale=alt.Scale(domain=order, range=list(OMBUDSMAN_SHAPES[:len(order)])),
                      legend=legend)
    low = max(0, 10 * (int(frame["score"].min()) // 10) - 10)
    x = alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0))
    y = alt.Y("score:Q", title=t("lead.ombudsman.col.score"), scale=alt.Scale(domain=[low, 100]))
    tooltip = [alt.Tooltip("entity:N", title=" "), alt.Tooltip("year:O", title=" "),
               alt.Tooltip("text:N", title=" "), alt.Tooltip("band:N", title=" ")]
    lines = alt.Chart(frame[frame["ours"]]).mark_line().encode(x=x, y=y, color=color)
    points = alt.Chart(frame).mark_point(filled=True, size=90, opacity=1).encode(
        x=x, y=y, color=color, shape=shape, tooltip=tooltip)
    above = alt.Chart(frame[~frame["below"]]).mark_text(dy=-12, fontSize=11).encode(x=x, y=y, text="text:N")
    below = alt.Chart(frame[frame["below"]]).mark_text(dy=14, fontSize=11).encode(x=x, y=y, text="text:N")
    return alt.layer(lines, points, above, below).properties(
        height=280, autosize=alt.AutoSizeParams(type="fit-x", contains="padding"))
