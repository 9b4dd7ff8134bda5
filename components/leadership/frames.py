"""Sentences, target lines and the Ombudsman chart of the Pimpinan page and its weekly brief, without Streamlit.

The page's tables are declared in components/leadership/tables.py; these are the words they and the cards are
written with. `lang` is passed through for the brief, which is built outside the page's language switch when clicked.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from components.chart_style import PEER_COLORS, SERIES_COLORS, SERIES_SHAPES
from components.formatting import fmt_date, fmt_number, fmt_ombudsman_band, fmt_pct, fmt_quarter
from components.i18n import t
from components.plain_text import escape_markdown
from data_access.leadership import Week
from data_access.ombudsman import BANDS_2022_2024, BANDS_UNTIL_2021, FIRST_OPINION_YEAR, LAST_ZONE_YEAR
from data_access.periods import period_bounds

# Our two regions in the series colours of the IKM charts, peers in grey; each with its own point shape.
OMBUDSMAN_COLORS = (*SERIES_COLORS, *PEER_COLORS)
OMBUDSMAN_SHAPES = (*SERIES_SHAPES, "triangle-up", "diamond")


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


# ------------------------------------------------------------------------------------------------- targets


# What each region is held to, in the order the cards and the table list them.
TARGET_MEASURES = ("ikm", "first_response", "overdue")


def target_line(row: dict, grade: str, measure: str) -> tuple[str, str, str, str]:
    """(measure, value now, target, distance) of one of TARGET_MEASURES in one region's targets row."""
    quarter = fmt_quarter(row["quarter"][0])
    if measure == "ikm":
        return (f"{t('lead.target.ikm')} {quarter}", ikm_value_text(row["ikm"], row["grade"], row["respondents"]),
                ikm_goal_text(row, grade), ikm_gap_text(row))
    if measure == "first_response":
        value = first_response_value_text(row)
        if row["first_response_within_target_pct"] is not None:
            value += " · " + t("lead.target.first_share", pct=fmt_pct(row["first_response_within_target_pct"]),
                               n=row["first_response_target"], complaints=fmt_number(row["complaints"]))
        return f"{t('lead.target.first')} {quarter}", value, first_goal_text(row), first_response_gap_text(row)
    return (t("lead.target.overdue"), fmt_number(row["overdue"]),
            t("lead.target.overdue_goal", n=fmt_number(row["overdue_target"])), overdue_gap_text(row))


# ------------------------------------------------------------------------------------------- slipping units


def quarter_text(code: str, lang: str | None = None) -> str:
    """'2026-Q3' as 'Triwulan 3 2026'."""
    return fmt_quarter(period_bounds(code)[0], lang)


def slipping_status(row: dict, previous: str, lang: str | None = None) -> str:
    """Why a unit_comparison row is slipping ('di bawah target, turun dari Triwulan 2 2026'), or that it is not,
    or cannot be judged."""
    if not row["judged"]:
        return t("lead.slipping.unjudged", lang)
    reasons = [t("lead.slipping.below_target", lang)] if row["below_target"] else []
    if row["dropped"]:
        reasons.append(t("lead.slipping.dropped", lang, previous=quarter_text(previous, lang)))
    return ", ".join(reasons) or t("lead.slipping.steady", lang)


def sample_status(row: dict, lang: str | None = None) -> str:
    """'resmi', or 'sementara (sampel belum memadai)' with the reason it is out of the official ranking."""
    if not row["provisional"]:
        return t("lead.slipping.official", lang)
    return t("lead.slipping.provisional", lang, reason=t(f"ikm.sample.{row['sample']}", lang))


def slipping_item(row: dict, previous: str) -> str:
    """One slipping unit as a markdown list item: the name (as text) and region first, then why, its IKM with the
    interval, and whether it is provisional; wraps on a phone where a table would cut the name."""
    ci = t("lead.slipping.ci", ikm=fmt_number(row["ikm"], 2), low=fmt_number(row["ci_low"], 2),
           high=fmt_number(row["ci_high"], 2))
    region = t(f"region.{row['region_code']}")
    line = f"- **{escape_markdown(row['name'])}**, {region}: {slipping_status(row, previous)}; {ci}"
    return line + (f" · *{sample_status(row)}*" if row["provisional"] else "")


def slipping_takeaway(comparison: dict) -> str:
    units = comparison["units"]
    slipping = [r for r in units if r["slipping"]]
    return t("lead.slipping.takeaway", quarter=quarter_text(comparison["quarter"]),
             previous=quarter_text(comparison["previous"]), slipping=fmt_number(len(slipping)),
             judged=fmt_number(sum(r["judged"] for r in units)),
             below=fmt_number(sum(r["below_target"] for r in slipping)),
             dropped=fmt_number(sum(r["dropped"] for r in slipping)),
             provisional=fmt_number(sum(r["provisional"] for r in slipping)))


def slipping_line(row: dict, previous: str, lang: str | None = None) -> str:
    """One slipping unit as the brief lists it: name, region, IKM and interval, why, and whether provisional."""
    status = slipping_status(row, previous, lang)
    if row["provisional"]:
        status += "; " + sample_status(row, lang)
    return t("lead.brief.slipping_line", lang, unit=row["name"], region=t(f"region.{row['region_code']}", lang),
             ikm=fmt_number(row["ikm"], 2, lang), low=fmt_number(row["ci_low"], 2, lang),
             high=fmt_number(row["ci_high"], 2, lang), status=status)


# ----------------------------------------------------------------------------------------------- Ombudsman


def _bands_text(bands) -> str:
    parts = [f"{fmt_ombudsman_band(label)} ≥ {fmt_number(lowest, 0)}" for lowest, label, _ in bands[:-1]]
    return ", ".join([*parts, fmt_ombudsman_band(bands[-1][1])])


def ombudsman_caption() -> str:
    return t("lead.ombudsman.caption", until_2021=_bands_text(BANDS_UNTIL_2021),
             from_2022=_bands_text(BANDS_2022_2024), opinion=FIRST_OPINION_YEAR, zones_until=LAST_ZONE_YEAR,
             letters_from=LAST_ZONE_YEAR + 1, letters_until=FIRST_OPINION_YEAR - 1)


def _entity_order(history: list[dict]) -> list[str]:
    """Our regions first (in reference order), then the peers."""
    ours = sorted({r["entity"] for r in history if r["region_code"]}, key=lambda e: next(
        r["region_code"] for r in history if r["entity"] == e))
    return ours + sorted({r["entity"] for r in history if not r["region_code"]})


def ombudsman_rows(history: list[dict]) -> list[dict]:
    """The history as the table lists it: our regions first, then the peers, each by year."""
    order = _entity_order(history)
    return sorted(history, key=lambda r: (order.index(r["entity"]), r["year"]))


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
