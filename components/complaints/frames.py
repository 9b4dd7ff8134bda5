"""Chart frames and takeaway sentences of the complaint pages, built from data_access figures without Streamlit
calls, and the words for stored keys, stages and buckets that the tables (components.complaints.tables) use too.

Each chart gets a frame with fixed column names to draw; a suppressed count is the text "<5" beside an empty bar,
or, in a line or a share chart, left out (the section says so).
"""

from __future__ import annotations

import pandas as pd

from components.formatting import fmt_date, fmt_number, fmt_pct, running_label, short_name
from components.i18n import STRINGS, t
from data_access.clock import today_wib
from data_access.complaint_rules import (
    BACKLOG_BUCKETS,
    FIRST_RESPONSE_LIMIT,
    MAIN_FLOW,
    SIDE_EXITS,
    TIER_LIMITS,
    VERIFICATION_LIMIT,
)
from data_access.periods import is_running
from data_access.privacy import SMALL_COUNT_THRESHOLD
from data_access.reference import KECAMATAN, REGIONS
from data_access.tracker import DONE, TrackedComplaint

_KECAMATAN_NAMES = {row["code"]: row["name"] for row in KECAMATAN}
SIDE_MARK = "↳ "
# Chart labels break onto a new line here (components.complaints.charts), so long names are not cut on a phone.
LINE_BREAK = " · "


def label(kind: str, value: str) -> str:
    """The words for a stored key (channel, category, status ...); an imported key without words shows as is."""
    key = f"complaints.{kind}.{value}"
    return t(key) if key in STRINGS else str(value)


def suppressed_text() -> str:
    return t("complaints.suppressed", n=SMALL_COUNT_THRESHOLD)


def workdays_text(value: int | None, reached_if_none: bool = True) -> str:
    """'2 hari kerja'; None is 'belum tercapai' where there are cases still waiting, else 'tidak ada data'."""
    if value is None:
        return t("complaints.not_reached") if reached_if_none else t("complaints.no_data")
    return t("complaints.workday" if value == 1 else "complaints.workdays", n=fmt_number(value))


def tier_limits_text() -> str:
    """'5/14/60' from complaint_rules.TIER_LIMITS."""
    return "/".join(str(limit) for limit in TIER_LIMITS.values())


def tier_text(tier: str) -> str:
    """'sederhana (5 hari kerja)'."""
    return t("complaints.tier_limit", tier=label("tier", tier), n=TIER_LIMITS[tier]) if tier in TIER_LIMITS \
        else label("tier", tier)


def stage_text(stage: str, tier: str | None = None) -> str:
    if tier is None:
        return t(f"complaints.stage.{stage}")
    return t("complaints.stage.resolution_tier", tier=tier_text(tier))


def bucket_text(key: str) -> str:
    """Words for a BACKLOG_BUCKETS key, from its bounds: 'Sisa 0–2 hari kerja', 'Lewat 6–20 hari kerja'."""
    fewest, most = next((low, high) for name, low, high in BACKLOG_BUCKETS if name == key)
    if most is None:
        return t("complaints.bucket.left_over", n=fewest - 1)
    if fewest is None:
        return t("complaints.bucket.late_over", n=-most - 1)
    if fewest >= 0:
        return t("complaints.bucket.left", low=fewest, high=most)
    return t("complaints.bucket.late", low=-most, high=-fewest)


def flow_texts() -> dict[str, str]:
    """The funnel note's lists of main-flow and side-exit statuses."""
    return {"main": " → ".join(label("status", s).lower() for s in MAIN_FLOW),
            "side": ", ".join(label("status", s).lower() for s in SIDE_EXITS)}


def backlog_note() -> str:
    return t("complaints.backlog.note", verification=VERIFICATION_LIMIT, first=FIRST_RESPONSE_LIMIT,
             limits=tier_limits_text())


def _bar_text(complaints: int | None, share: float | None) -> str:
    if complaints is None:
        return suppressed_text()
    return f"{fmt_number(complaints)} ({fmt_pct(share)})"


# ------------------------------------------------------------------------------------------------ volume


def most_first(rows: list[dict]) -> list[dict]:
    """Volume rows, most complaints first, suppressed counts last: the order of the chart and its table."""
    return sorted(rows, key=lambda r: (r["complaints"] is None, -(r["complaints"] or 0)))


def volume_frame(rows: list[dict], dimension: str) -> pd.DataFrame:
    """Chart rows (label, x, text) in most_first order, suppressed counts with an empty bar."""
    return pd.DataFrame([
        {"label": label(dimension, r["value"]), "x": r["complaints"] or 0,
         "text": _bar_text(r["complaints"], r["share_pct"])}
        for r in most_first(rows)
    ], columns=["label", "x", "text"])


def volume_takeaway(rows: list[dict], dimension: str, total: int) -> str:
    """The largest value's count and share of `total` (all complaints, suppressed ones included)."""
    shown = [r for r in rows if r["complaints"] is not None and r["complaints"] > 0]
    if not shown:
        return t("complaints.volume.all_suppressed", total=fmt_number(total), n=SMALL_COUNT_THRESHOLD,
                 dimension=t(f"complaints.dim.{dimension}").lower())
    top = max(shown, key=lambda r: r["complaints"])
    return t("complaints.volume.takeaway", dimension=t(f"complaints.dim.{dimension}").lower(),
             value=label(dimension, top["value"]), n=fmt_number(top["complaints"]),
             total=fmt_number(total), share=fmt_pct(top["share_pct"]))


# ------------------------------------------------------------------------------------- per 10,000 and trend


def rate_frame(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame([
        {"label": t(f"region.{r['region_code']}"), "x": r["per_10k"], "text": fmt_number(r["per_10k"], 2),
         "series": t(f"region.{r['region_code']}")}
        for r in rows
    ], columns=["label", "x", "text", "series"])


def rate_takeaway(rows: list[dict]) -> str:
    figures = "; ".join(f"{t('region.' + r['region_code'])} {fmt_number(r['per_10k'], 2)}" for r in rows)
    return t("complaints.rate.takeaway", figures=figures)


def rate_note() -> str:
    people = {r["code"]: fmt_number(r["population"]) for r in REGIONS}
    return t("complaints.rate.note", year=REGIONS[0]["population_year"], kab=people["35.14"], kota=people["35.75"])


def kecamatan_name(code: str | None) -> str:
    return _KECAMATAN_NAMES.get(code, t("complaints.places.unknown")) if code else t("complaints.places.unknown")


def month_label(month: str) -> str:
    year, number = month.split("-")
    return f"{t(f'month.{int(number)}')} {year}"


def per_residents(rows: list[dict]) -> bool:
    """Whether the trend rows carry rates per 10,000 residents: not for a kecamatan whose population is unknown
    (a suppressed month has none either way)."""
    return any(r["per_10k"] is not None for r in rows)


def trend_frame(rows: list[dict]) -> pd.DataFrame:
    """Chart rows (month as a date, month_label, series, y, text, running, status): per 10,000 residents, or
    counts where the population is unknown (a kecamatan). 'running' marks the month not yet ended: its count is
    partial, drawn apart so it never reads as a plunge. Suppressed months are left out: the chart draws no value
    the table hides."""
    rates = per_residents(rows)
    today = today_wib()
    return pd.DataFrame([
        {"month": pd.Timestamp(f"{r['month']}-01"), "month_label": month_label(r["month"]),
         "series": t(f"region.{r['region_code']}"), "y": r["per_10k"] if rates else r["complaints"],
         "text": fmt_number(r["per_10k"], 2) if rates else fmt_number(r["complaints"]),
         "complaints": fmt_number(r["complaints"]), "running": is_running(r["month"], today),
         "status": running_label(today) if is_running(r["month"], today) else t("period.complete")}
        for r in rows if not r["suppressed"]
    ], columns=["month", "month_label", "series", "y", "text", "complaints", "running", "status"])


def trend_takeaway(rows: list[dict]) -> str:
    shown = [r for r in rows if not r["suppressed"]]
    if not shown:
        return t("complaints.trend.all_suppressed", n=SMALL_COUNT_THRESHOLD)
    totals: dict[str, int] = {}
    for r in shown:
        totals[r["month"]] = totals.get(r["month"], 0) + r["complaints"]
    busiest = max(totals, key=lambda month: (totals[month], month))
    parts = [
        t("complaints.trend.figure", region=t(f"region.{r['region_code']}"), n=fmt_number(r["complaints"]),
          rate=fmt_number(r["per_10k"], 2)) if r["per_10k"] is not None else
        t("complaints.trend.figure_count", region=t(f"region.{r['region_code']}"), n=fmt_number(r["complaints"]))
        for r in shown if r["month"] == busiest
    ]
    return t("complaints.trend.takeaway", month=month_label(busiest), figures="; ".join(parts))


# ---------------------------------------------------------------------------------------------- timings


def _stage_lines(stage: str, tier: str | None) -> str:
    """'Penyelesaian · tanpa pemeriksaan lapangan · 14 hari kerja' for a chart's axis (one line per part)."""
    if tier is None:
        return stage_text(stage)
    parts = [t(f"complaints.stage.{stage}"), label("tier", tier), t("complaints.workdays", n=TIER_LIMITS[tier])]
    return LINE_BREAK.join(parts)


def timing_frame(rows: list[dict]) -> pd.DataFrame:
    """Chart rows (label, x = % within the limit, text) in stage order; stages with nothing decided yet left out."""
    return pd.DataFrame([
        {"label": _stage_lines(r["stage"], r["tier"]), "x": r["within_limit_pct"],
         "text": fmt_pct(r["within_limit_pct"])}
        for r in rows if r["within_limit_pct"] is not None
    ], columns=["label", "x", "text"])


def timing_takeaway(rows: list[dict]) -> str:
    worst = min((r for r in rows if r["within_limit_pct"] is not None), key=lambda r: r["within_limit_pct"])
    return t("complaints.timing.takeaway", stage=stage_text(worst["stage"], worst["tier"]).lower(),
             pct=fmt_pct(worst["within_limit_pct"]), limit=worst["limit_workdays"])


# ----------------------------------------------------------------------------------------------- funnel


def status_text(status: str) -> str:
    """A status's words, side exits marked ↳ so the path shows without colour."""
    return (SIDE_MARK if status in SIDE_EXITS else "") + label("status", status)


def funnel_frame(rows: list[dict]) -> pd.DataFrame:
    """Chart rows (label, x, path, text) in flow order, suppressed counts with an empty bar."""
    return pd.DataFrame([
        {"label": status_text(r["status"]), "x": r["complaints"] or 0, "path": t(f"complaints.path.{r['path']}"),
         "text": _bar_text(r["complaints"], r["share_pct"])}
        for r in rows
    ], columns=["label", "x", "path", "text"])


def funnel_takeaway(rows: list[dict], total: int) -> str:
    """Finished, side exits and archived of `total` (all complaints); where any count is suppressed, only that."""
    if any(r["suppressed"] for r in rows):
        return t("complaints.funnel.takeaway_suppressed", total=fmt_number(total), n=SMALL_COUNT_THRESHOLD)
    counts = {r["status"]: r["complaints"] for r in rows}
    side = sum(r["complaints"] for r in rows if r["path"] == "side")
    return t("complaints.funnel.takeaway", done=fmt_number(counts["selesai"]), total=fmt_number(total),
             side=fmt_number(side), side_share=fmt_pct(100 * side / total if total else None),
             archived=fmt_number(counts["diarsipkan"]))


# ---------------------------------------------------------------------------------------------- backlog


def backlog_frame(rows: list[dict], still_open: int) -> pd.DataFrame:
    """Chart rows (bucket, label, x, text) of the open complaints (`still_open` of them), suppressed counts with an
    empty bar."""
    return pd.DataFrame([
        {"bucket": r["bucket"], "label": bucket_text(r["bucket"]), "x": r["complaints"] or 0,
         "text": _bar_text(r["complaints"], None if r["complaints"] is None or not still_open
                           else 100 * r["complaints"] / still_open)}
        for r in rows
    ], columns=["bucket", "label", "x", "text"])


def backlog_takeaway(rows: list[dict], due_soon_days: int, still_open: int) -> str:
    if any(r["suppressed"] for r in rows):
        return t("complaints.backlog.takeaway_suppressed", open=fmt_number(still_open), n=SMALL_COUNT_THRESHOLD)
    late = sum(r["complaints"] for r in rows if r["bucket"].startswith("late"))
    soon = sum(r["complaints"] for r in rows if r["bucket"] == "due_soon")
    return t("complaints.backlog.takeaway", late=fmt_number(late), open=fmt_number(still_open),
             soon=fmt_number(soon), days=due_soon_days)


# ---------------------------------------------------------------------------------------------- ranking


def ranking_volume_frame(ranked: list[dict], count: int) -> pd.DataFrame:
    """The `count` ranked units with the most complaints, as chart rows (label, x, text)."""
    busiest = sorted(ranked, key=lambda r: (-r["complaints"], r["unit_code"]))[:count]
    return pd.DataFrame([
        {"label": short_name(r["name"]), "x": r["complaints"], "text": fmt_number(r["complaints"])}
        for r in busiest
    ], columns=["label", "x", "text"])


def ranking_volume_takeaway(ranked: list[dict]) -> str:
    top = min(ranked, key=lambda r: (-r["complaints"], r["unit_code"]))
    return t("complaints.ranking.volume_takeaway", unit=top["name"], n=fmt_number(top["complaints"]),
             pct=fmt_pct(top["resolution_within_limit_pct"]))


# ---------------------------------------------------------------------------------------------- tracker


def unknown_time_text(unknown: int) -> str | None:
    """'n pengaduan tanpa waktu tercatat' beside a stage's statistics, None when every duration is known."""
    return t("complaints.kpi.unknown_time", n=fmt_number(unknown)) if unknown else None


def tracked_steps(complaint: TrackedComplaint) -> list[dict]:
    """Each step as words: its status (side exits marked ↳), its WIB date or 'menunggu', and how long it took
    against its limit, or how long it has been running and when it falls due."""
    steps = []
    for step in complaint.stages:
        if step.state == DONE:
            when = t("complaints.no_time") if step.day is None else fmt_date(step.day)
            if step.limit is None:
                took = "" if step.workdays is None else t("track.took", n=fmt_number(step.workdays))
            else:
                verdict = t("track.state.within") if step.within_limit else t("track.state.late")
                took = f"{t('track.took_limit', n=fmt_number(step.workdays), limit=step.limit)} · {verdict}"
        else:
            when = t("track.waiting")
            late = step.workdays > step.limit
            state = t("track.state.waiting_late" if late else "track.state.waiting", due=fmt_date(step.due))
            took = f"{t('track.so_far', n=fmt_number(step.workdays), limit=step.limit)} · {state}"
        steps.append({"status": status_text(step.status), "when": when, "took": took, "state": step.state,
                      "late": step.within_limit is False})
    return steps
