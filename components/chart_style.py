"""The look every chart and the map share: the Okabe–Ito colours (told apart with the common colour-vision
deficiencies) of the grades and of our two regions' series, and the height of a bar's row."""

from __future__ import annotations

import altair as alt
import pandas as pd

BLUE = "#0072B2"
# The one mapping of grades to colours, for charts and the map alike (Okabe–Ito, none of them a series colour), and
# the colour of a grade's letter drawn on it: black has at least 5:1 contrast on each (white would not on B or C).
# The letter goes with the colour wherever a grade is shown, so colour is never the only cue.
GRADE_COLORS: dict[str, str] = {"A": "#009E73", "B": "#56B4E9", "C": "#E69F00", "D": "#D55E00"}
GRADE_TEXT_COLOR = "#000000"
# Kabupaten and Kota (or one line): colours the grades do not use, each with its own point shape.
SERIES_COLORS = (BLUE, "#CC79A7")
SERIES_SHAPES = ("circle", "square")
# Others beside our two regions (the Ombudsman's peers).
PEER_COLORS = ("#999999", "#666666")
ROW_HEIGHT = 30
# A period that has not ended (frames' boolean column "running") is drawn apart, as a hollow point labelled with
# its status at the top of the plot (an average like IKM joined by a dashed segment; a count so far not joined),
# so its partial figure never reads as a final value or a plunge.
RUNNING_DASH = (5, 4)


def running_parts(df: pd.DataFrame, series: str | None = None) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(complete rows, the dashed tail, running rows) of a frame in time order: the tail is each series' last
    complete row and its running rows, so the dashed segment starts where the solid line ends."""
    running = df[df["running"]]
    groups = df.groupby(series, sort=False) if series else [(None, df)]
    tails = [pd.concat([group[~group["running"]].tail(1), group[group["running"]]])
             for _, group in groups if group["running"].any()]
    return df[~df["running"]], pd.concat(tails) if tails else running, running


def running_label_layer(running: pd.DataFrame, x: alt.X, period: str) -> alt.Chart:
    """The running period's status ('berjalan, s.d. 5 Des', frames' column status) once per period (column
    `period`), at the top of the plot and ending at its x, where no line runs."""
    return alt.Chart(running.drop_duplicates(period)).mark_text(
        align="right", baseline="top", dx=-6, fontSize=11, color="#333333").encode(
        x=x, y=alt.value(4), text="status:N")
