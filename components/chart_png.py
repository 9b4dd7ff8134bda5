"""Charts as PNG images for articles and newsletters, rendered on the server by vl-convert (no browser needed).

The image carries what a reader of a newspaper page needs without the dashboard around it: the chart's title, its
filters, and a source line with the data time and licence."""

from __future__ import annotations

import altair as alt
import vl_convert

# Charts on the page stretch to their column; an image needs a fixed width that reads well in print and on phones.
PNG_WIDTH = 720
PNG_SCALE = 2


def chart_png(chart: alt.TopLevelMixin, title: str, subtitle_lines: list[str]) -> bytes:
    """The chart as a PNG at twice its size, titled, with `subtitle_lines` (filters, source) under the title."""
    titled = chart.properties(
        width=PNG_WIDTH,
        title=alt.TitleParams(text=title, subtitle=subtitle_lines, anchor="start", fontSize=16,
                              subtitleFontSize=11, subtitleColor="#444444", offset=12),
    ).configure(background="white", autosize=alt.AutoSizeParams(type="pad"))
    return vl_convert.vegalite_to_png(titled.to_json(validate=False), scale=PNG_SCALE)
