"""Altair charts of the satisfaction pages: pure functions of a prepared DataFrame.

Colours are Okabe–Ito (safe with the common colour-vision deficiencies) and never carry meaning alone: every grade
colour comes with its letter, every series with its own shape. No fixed widths: charts fill their container, so
they stay readable at 390 px. Only tooltip titles are words, in the user's language.
"""

from __future__ import annotations

import math

import altair as alt
import pandas as pd

from components.chart_style import (
    BLUE,
    GRADE_COLORS,
    ROW_HEIGHT,
    RUNNING_DASH,
    SERIES_COLORS,
    SERIES_SHAPES,
    running_label_layer,
    running_parts,
)
from components.formatting import NAME_LABEL_LIMIT, short_name
from components.i18n import t
from data_access.ikm import GRADE_BANDS, GRADES, HIGHEST_SCORE, LOWEST_SCORE
from data_access.perception import FAST_WITHIN_LIMIT_PCT, SATISFIED_GRADES, SLOW_WITHIN_LIMIT_PCT

# Perception chart: disagreement flags by colour and shape; agreement in grey.
FLAG_COLORS = ("#D55E00", BLUE, "#999999")
FLAG_SHAPES = ("triangle-up", "diamond", "circle")
SCALE_LOW, SCALE_HIGH = float(LOWEST_SCORE), float(HIGHEST_SCORE)
BAND_OPACITY = 0.22
TREND_HEIGHT = 280


def _sized(chart, height: int):
    """Fill the container's width; keep `height` for the plot itself (axes and legends come on top), so rows
    never get squeezed until their labels overlap."""
    return chart.properties(height=height, autosize=alt.AutoSizeParams(type="fit-x", contains="padding"))


def _grade_color(legend=None) -> alt.Color:
    scale = alt.Scale(domain=list(GRADES), range=[GRADE_COLORS[g] for g in GRADES])
    return alt.Color("grade:N", scale=scale, legend=legend)


def grade_bands(low: float = SCALE_LOW, high: float = SCALE_HIGH) -> pd.DataFrame:
    """ikm.GRADE_BANDS as rows (grade, start, end, middle) on the 25–100 scale, clipped to low..high."""
    rows, upper = [], SCALE_HIGH
    for lowest, grade, _ in GRADE_BANDS:
        start, end = max(lowest, low), min(upper, high)
        if start < end:
            rows.append({"grade": grade, "start": start, "end": end, "middle": (start + end) / 2})
        upper = lowest
    return pd.DataFrame(rows, columns=["grade", "start", "end", "middle"])


def domain_floor(values) -> float:
    """A round lower end for an IKM axis a little below the lowest value, never below the scale's 25."""
    lowest = min(float(v) for v in values if v is not None and not pd.isna(v))
    return max(SCALE_LOW, 5 * math.floor((lowest - 2) / 5))


def _band_layers(axis: str, scale: alt.Scale, low: float, label_at, title: str = "IKM") -> list[alt.Chart]:
    """Shaded grade bands along one axis ('x' or 'y') with their letters at `label_at` across, behind the data.

    Each band is its own layer with a fixed colour, so the bands need no colour scale of their own and the
    data layers' colour scales and legends stay untouched."""
    bands = grade_bands(low)
    channel = alt.X if axis == "x" else alt.Y
    across = "y" if axis == "x" else "x"
    rects = [
        alt.Chart(bands[bands["grade"] == grade]).mark_rect(opacity=BAND_OPACITY, color=GRADE_COLORS[grade]).encode(
            **{axis: channel("start:Q", scale=scale, title=title), f"{axis}2": "end:Q"})
        for grade in bands["grade"]
    ]
    letters = alt.Chart(bands).mark_text(fontWeight="bold", fontSize=12, opacity=0.75).encode(
        **{axis: channel("middle:Q", scale=scale), across: label_at},
        text="grade:N",
    )
    return [*rects, letters]


def render_trend_chart(df: pd.DataFrame) -> alt.LayerChart:
    """IKM over time (columns period, ikm, grade, ci_low, ci_high, running, status, optional series) over the grade
    bands; a running period is a dashed segment to a hollow point, labelled with its status."""
    low = domain_floor(pd.concat([df["ikm"], df["ci_low"].dropna()]))
    y_scale = alt.Scale(domain=[low, SCALE_HIGH], clamp=True)
    y = alt.Y("ikm:Q", scale=y_scale)
    order = list(dict.fromkeys(df["period"]))
    x = alt.X("period:N", sort=order, title=None, axis=alt.Axis(labelAngle=0, labelOverlap="greedy"))
    layers = _band_layers("y", y_scale, low, alt.value(8))
    series = "series" in df.columns
    tooltip = [alt.Tooltip("period:N", title=t("ikm.col.period")), alt.Tooltip("ikm_text:N", title="IKM"),
               alt.Tooltip("grade:N", title=t("ikm.col.grade")), alt.Tooltip("respondents_text:N", title="n"),
               alt.Tooltip("status:N", title=t("period.status"))]
    if series:
        tooltip.append(alt.Tooltip("series:N", title=t("filter.region")))
    if series:
        names = list(dict.fromkeys(df["series"]))
        color = alt.Color("series:N", scale=alt.Scale(domain=names, range=list(SERIES_COLORS[:len(names)])),
                          legend=alt.Legend(title=None, orient="bottom"))
        shape = alt.Shape("series:N", scale=alt.Scale(domain=names, range=list(SERIES_SHAPES[:len(names)])),
                          legend=alt.Legend(title=None, orient="bottom"))
        encodings, mark_color = {"color": color}, {}
        point_encodings = {"color": color, "shape": shape}
    else:
        encodings, mark_color, point_encodings = {}, {"color": SERIES_COLORS[0]}, {}
    complete, tail, running = running_parts(df, "series" if series else None)
    ci = alt.Chart(df).encode(x=x, tooltip=tooltip).mark_rule(opacity=0.45, **mark_color).encode(
        y=alt.Y("ci_low:Q", scale=y_scale), y2="ci_high:Q", **encodings)
    layers.append(ci)
    if not complete.empty:
        base = alt.Chart(complete).encode(x=x, y=y, tooltip=tooltip)
        layers += [base.mark_line(strokeWidth=2.5, **mark_color).encode(**encodings),
                   base.mark_point(filled=True, size=70, opacity=1, **mark_color).encode(**point_encodings)]
    if not running.empty:
        layers += [
            alt.Chart(tail).mark_line(strokeWidth=2, strokeDash=list(RUNNING_DASH), **mark_color).encode(
                x=x, y=y, tooltip=tooltip, **encodings),
            alt.Chart(running).mark_point(filled=False, size=90, strokeWidth=2, opacity=1, fill="#FFFFFF",
                                          **mark_color).encode(x=x, y=y, tooltip=tooltip, **point_encodings),
            running_label_layer(running, x, "period"),
        ]
    return _sized(alt.layer(*layers), TREND_HEIGHT)


def render_elements_chart(df: pd.DataFrame) -> alt.LayerChart:
    """The nine elements as bars over the grade bands (columns element, ikm, grade, text), in the given order."""
    low = min(SCALE_LOW, domain_floor(df["ikm"]))
    x_scale = alt.Scale(domain=[low, SCALE_HIGH], clamp=True)
    order = list(df["element"])
    layers = _band_layers("x", x_scale, low, alt.value(-9))
    y = alt.Y("element:N", sort=order, title=None, axis=alt.Axis(labelLimit=130))
    tooltip = [alt.Tooltip("element:N", title=t("ikm.col.element")), alt.Tooltip("text:N", title="IKM")]
    bars = alt.Chart(df).mark_bar(height={"band": 0.72}).encode(
        y=y, x=alt.X("ikm:Q", scale=x_scale), x2=alt.datum(low), color=_grade_color(), tooltip=tooltip)
    labels = alt.Chart(df).mark_text(align="right", dx=-4, color="#000000", fontSize=12).encode(
        y=y, x=alt.X("ikm:Q", scale=x_scale), text="text:N", tooltip=tooltip)
    return _sized(alt.layer(*layers, bars, labels), ROW_HEIGHT * len(df))


def render_ranking_chart(df: pd.DataFrame) -> alt.LayerChart:
    """Units best first (columns unit, ikm, ci_low, ci_high, grade, text): a lettered badge at the IKM and the
    95 % confidence interval as a line through it."""
    low = domain_floor(pd.concat([df["ikm"], df["ci_low"].dropna()]))
    x_scale = alt.Scale(domain=[low, SCALE_HIGH], clamp=True)
    df = df.assign(unit=df["unit"].map(short_name))  # long names shortened by the tables' rule, not cut at the end
    order = list(df["unit"])
    y = alt.Y("unit:N", sort=order, title=None, axis=alt.Axis(labelLimit=NAME_LABEL_LIMIT))
    tooltip = [alt.Tooltip("unit:N", title=t("ikm.col.unit")), alt.Tooltip("text:N", title="IKM"),
               alt.Tooltip("ci_text:N", title=t("ikm.col.ci"))]
    layers = _band_layers("x", x_scale, low, alt.value(-9))
    ci = alt.Chart(df).mark_rule(strokeWidth=2, color="#555555").encode(
        y=y, x=alt.X("ci_low:Q", scale=x_scale, title="IKM"), x2="ci_high:Q", tooltip=tooltip)
    badges = alt.Chart(df).mark_circle(size=260, opacity=1, stroke="#000000", strokeWidth=0.6).encode(
        y=y, x=alt.X("ikm:Q", scale=x_scale), color=_grade_color(), tooltip=tooltip)
    letters = alt.Chart(df).mark_text(fontWeight="bold", fontSize=11, color="#000000").encode(
        y=y, x=alt.X("ikm:Q", scale=x_scale), text="grade:N", tooltip=tooltip)
    return _sized(alt.layer(*layers, ci, badges, letters), ROW_HEIGHT * len(df))


def render_profile_chart(df: pd.DataFrame) -> alt.LayerChart:
    """Respondents per category (columns category, respondents, text) as bars with their count and share."""
    top = float(df["respondents"].max()) * 1.45 or 1.0
    x = alt.X("respondents:Q", title=None, axis=None, scale=alt.Scale(domain=[0, top]))
    y = alt.Y("category:N", sort=list(df["category"]), title=None, axis=alt.Axis(labelLimit=130))
    tooltip = [alt.Tooltip("category:N", title=t("ikm.col.category")), alt.Tooltip("text:N", title="n")]
    bars = alt.Chart(df).mark_bar(color=SERIES_COLORS[0], height={"band": 0.72}).encode(y=y, x=x, tooltip=tooltip)
    labels = alt.Chart(df).mark_text(align="left", dx=4, fontSize=12).encode(y=y, x=x, text="text:N")
    return _sized(alt.layer(bars, labels), ROW_HEIGHT * len(df))


def render_perception_chart(df: pd.DataFrame, flags: list[str], x_title: str, y_title: str) -> alt.LayerChart:
    """Units' pengaduan element score (y) against their share of first responses within the limit (x); columns
    unit, within, score, flag (one of `flags`, legend order), score_text, within_text. Dashed lines: thresholds."""
    satisfied_from = min(lowest for lowest, grade, _ in GRADE_BANDS if grade in SATISFIED_GRADES)
    low = min(domain_floor(df["score"]), satisfied_from - 5)
    y_scale = alt.Scale(domain=[low, SCALE_HIGH], clamp=True)
    x_scale = alt.Scale(domain=[0, 100])
    legend = alt.Legend(title=None, orient="bottom", direction="vertical")
    color = alt.Color("flag:N", scale=alt.Scale(domain=flags, range=list(FLAG_COLORS)), legend=legend)
    shape = alt.Shape("flag:N", scale=alt.Scale(domain=flags, range=list(FLAG_SHAPES)), legend=legend)
    dashed = {"strokeDash": [4, 4], "color": "#777777"}
    vertical = alt.Chart(pd.DataFrame({"x": [SLOW_WITHIN_LIMIT_PCT, FAST_WITHIN_LIMIT_PCT]})).mark_rule(**dashed) \
        .encode(x=alt.X("x:Q", scale=x_scale))
    horizontal = alt.Chart(pd.DataFrame({"y": [satisfied_from]})).mark_rule(**dashed) \
        .encode(y=alt.Y("y:Q", scale=y_scale))
    tooltip = [alt.Tooltip("unit:N", title=t("ikm.col.unit")), alt.Tooltip("score_text:N", title=y_title),
               alt.Tooltip("within_text:N", title=x_title), alt.Tooltip("flag:N", title=t("ikm.col.flag"))]
    points = alt.Chart(df).mark_point(filled=True, size=90, opacity=0.85).encode(
        x=alt.X("within:Q", scale=x_scale, title=x_title),
        y=alt.Y("score:Q", scale=y_scale, title=y_title),
        color=color, shape=shape, tooltip=tooltip,
    )
    return _sized(alt.layer(vertical, horizontal, points), TREND_HEIGHT)
