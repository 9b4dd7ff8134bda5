"""The look every chart shares: the Okabe–Ito colours (told apart with the common colour-vision deficiencies), the
series of our two regions, and the height of a bar's row."""

from __future__ import annotations

import pandas as pd

BLUE = "#0072B2"
# Kabupaten and Kota (or one line): colours the grades do not use, each with its own point shape.
SERIES_COLORS = (BLUE, "#CC79A7")
SERIES_SHAPES = ("circle", "square")
# Others beside our two regions (the Ombudsman's peers).
PEER_COLORS = ("#999999", "#666666")
ROW_HEIGHT = 30
# A period that has not ended (frames' boolean column "running") is drawn apart: a dashed segment from the last
# complete point to a hollow point, labelled, so its partial figure never reads as a final value or a plunge.
RUNNING_DASH = (5, 4)


def running_parts(df: pd.DataFrame, series: str | None = None) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(complete rows, the dashed tail, running rows) of a frame in time order: the tail is each series' last
    complete row and its running rows, so the dashed segment starts where the solid line ends."""
    running = df[df["running"]]
    groups = df.groupby(series, sort=False) if series else [(None, df)]
    tails = [pd.concat([group[~group["running"]].tail(1), group[group["running"]]])
             for _, group in groups if group["running"].any()]
    return df[~df["running"]], pd.concat(tails) if tails else running, running
