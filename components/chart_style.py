"""The look every chart and the map share: the Okabe–Ito colours (told apart with the common colour-vision
deficiencies) of the grades and of our two regions' series, and the height of a bar's row."""

from __future__ import annotations

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
