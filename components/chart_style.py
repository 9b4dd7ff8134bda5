"""The look every chart shares: the Okabe–Ito colours (told apart with the common colour-vision deficiencies), the
series of our two regions, and the height of a bar's row."""

from __future__ import annotations

BLUE = "#0072B2"
# Kabupaten and Kota (or one line): colours the grades do not use, each with its own point shape.
SERIES_COLORS = (BLUE, "#CC79A7")
SERIES_SHAPES = ("circle", "square")
# Others beside our two regions (the Ombudsman's peers).
PEER_COLORS = ("#999999", "#666666")
ROW_HEIGHT = 30
