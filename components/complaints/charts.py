"""Altair charts of the complaint page: pure functions of a frame from components.complaints.frames.

Colours are Okabe–Ito and never carry meaning alone: every bar has its number written beside it and its name on
the axis (side exits are marked ↳, backlog buckets say how late), every series has its own point shape. No fixed
widths: charts fill their container, so they stay readable at 390 px.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from components.chart_style import BLUE, ROW_HEIGHT, SERIES_COLORS, SERIES_SHAPES, running_label_layer, running_parts
from components.complaints.frames import LINE_BREAK
from components.formatting import NAME_LABEL_LIMIT
from components.i18n import t
from data_access.complaint_rules import BACKLOG_BUCKETS

BAR_COLOR = BLUE
SIDE_EXIT_COLOR = "#E69F00"
# Least to most urgent: blues while within the limit, then orange to dark red past it.
BUCKET_COLORS = (BLUE, "#56B4E9", "#E69F00", "#D55E00", "#8B2500")
TREND_HEIGHT = 260
LABEL_LIMIT = NAME_LABEL_LIMIT  # a unit's name, shortened by formatting.short_name, fits whole
LABEL_LINE_HEIGHT = 13
# Room right of the longest bar for its label.
HEADROOM = 1.55


def _label_axis(labels: pd.Series) -> alt.Axis:
    """The bars' name axis. Long names break at LINE_BREAK onto more lines instead of being cut off on a phone;
    Vega starts a block of lines at the tick, so each block is lifted by half its extra lines to sit on its bar."""
    if not labels.str.contains(LINE_BREAK, regex=False).any():
        return alt.Axis(labelLimit=LABEL_LIMIT)
    parts = f"split(datum.value, '{LINE_BREAK}')"
    return alt.Axis(labelLimit=LABEL_LIMIT, labelExpr=f"split(datum.label, '{LINE_BREAK}')", labelOverlap=False,
                    labelOffset=alt.ExprRef(f"-(length({parts}) - 1) * {LABEL_LINE_HEIGHT / 2}"))


def _bars(df: pd.DataFrame, color: alt.Color | str, x_max: float | None = None) -> alt.LayerChart:
    """Horizontal bars in the frame's order (columns label, x, text) with their text beside them."""
    top = x_max or (float(df["x"].max() or 0) * HEADROOM) or 1.0
    x = alt.X("x:Q", title=None, axis=None, scale=alt.Scale(domain=[0, top]))
    y = alt.Y("label:N", sort=list(df["label"]), title=None, axis=_label_axis(df["label"]))
    tooltip = [alt.Tooltip("label:N", title=" "), alt.Tooltip("text:N", title=" ")]
    colour = {"color": color} if isinstance(color, alt.Color) else {}
    bars = alt.Chart(df).mark_bar(height={"band": 0.72}, **({} if colour else {"color": color})).encode(
        y=y, x=x, tooltip=tooltip, **colour)
    labels = alt.Chart(df).mark_text(align="left", dx=4, fontSize=12).encode(y=y, x=x, text="text:N")
    most_lines = max((text.count(LINE_BREAK) + 1 for text in df["label"]), default=1)
    row = max(ROW_HEIGHT, most_lines * LABEL_LINE_HEIGHT + 14)
    return alt.layer(bars, labels).properties(height=row * max(len(df), 1))


def render_volume_chart(df: pd.DataFrame) -> alt.LayerChart:
    """Complaints per value (label, x, text), in the frame's order."""
    return _bars(df, BAR_COLOR)


def render_rate_chart(df: pd.DataFrame) -> alt.LayerChart:
    """Complaints per 10,000 residents per region (label, x, text, series), coloured as in the trend."""
    names = list(df["series"])
    color = alt.Color("series:N", scale=alt.Scale(domain=names, range=list(SERIES_COLORS[:len(names)])), legend=None)
    return _bars(df, color)


def render_trend_chart(df: pd.DataFrame, y_title: str) -> alt.LayerChart:
    """Monthly figures per region (month, month_label, series, y, text, complaints, running, status): a line and
    shaped points each; the running month a dashed segment to a hollow point, labelled with its status."""
    names = list(dict.fromkeys(df["series"]))
    legend = alt.Legend(title=None, orient="bottom")
    color = alt.Color("series:N", scale=alt.Scale(domain=names, range=list(SERIES_COLORS[:len(names)])),
                      legend=legend)
    shape = alt.Shape("series:N", scale=alt.Scale(domain=names, range=list(SERIES_SHAPES[:len(names)])),
                      legend=legend)
    x = alt.X("month:T", title=None, axis=alt.Axis(format="%m/%y", labelOverlap="greedy", tickCount="month"))
    y = alt.Y("y:Q", title=y_title, scale=alt.Scale(zero=True))
    tooltip = [alt.Tooltip("month_label:N", title=" "), alt.Tooltip("series:N", title=" "),
               alt.Tooltip("text:N", title=y_title), alt.Tooltip("complaints:N", title="n"),
               alt.Tooltip("status:N", title=t("period.status"))]
    complete, _, running = running_parts(df, "series")
    layers = []
    if not complete.empty:
        base = alt.Chart(complete).encode(x=x, y=y, tooltip=tooltip)
        layers += [base.mark_line(strokeWidth=2.5).encode(color=color),
                   base.mark_point(filled=True, size=60, opacity=1).encode(color=color, shape=shape)]
    if not running.empty:
        # A month's count so far is not joined to the line: a line down to it would read as a plunge.
        layers += [
            alt.Chart(running).mark_point(filled=False, size=80, strokeWidth=2, opacity=1, fill="#FFFFFF").encode(
                x=x, y=y, color=color, shape=shape, tooltip=tooltip),
            running_label_layer(running, x, "month"),
        ]
    return alt.layer(*layers).properties(height=TREND_HEIGHT)


def render_timing_chart(df: pd.DataFrame) -> alt.LayerChart:
    """Share of each stage done within its limit (label, x in %, text), on a 0–100 scale."""
    return _bars(df, BAR_COLOR, x_max=100 * HEADROOM)


def render_funnel_chart(df: pd.DataFrame) -> alt.LayerChart:
    """Complaints per status in flow order (label, x, path, text): the main flow blue, side exits orange and ↳."""
    paths = list(dict.fromkeys(df["path"]))
    color = alt.Color("path:N", scale=alt.Scale(domain=paths, range=[BAR_COLOR, SIDE_EXIT_COLOR][:len(paths)]),
                      legend=alt.Legend(title=None, orient="bottom"))
    return _bars(df, color)


def render_backlog_chart(df: pd.DataFrame) -> alt.LayerChart:
    """Open complaints per BACKLOG_BUCKETS bucket (bucket, label, x, text), least urgent first."""
    keys = [key for key, _, _ in BACKLOG_BUCKETS]
    labels = [df.loc[df["bucket"] == key, "label"].iloc[0] for key in keys]
    color = alt.Color("label:N", scale=alt.Scale(domain=labels, range=list(BUCKET_COLORS)), legend=None)
    return _bars(df, color)
