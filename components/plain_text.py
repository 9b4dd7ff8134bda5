"""Text from the data shown as text: a unit's name or address, a category, a kecamatan, an Ombudsman entity put into
anything Streamlit renders as markdown (st.markdown, captions, headings, alerts, metric and widget labels, page
links) reads exactly as it was stored, and can neither format, link, embed an image nor open a heading.

Only what markdown could read as syntax is touched, so ordinary names look and compare the same ('RSUD dr. R.
Soedarsono', 'Dinas Kependudukan & Catatan Sipil', 'UPT (Kec.) Bangil - Baru'); a backslash escape shows nothing,
and the word joiner added to break Streamlit's own syntax and GitHub's bare links is invisible and takes no room.
Where the text is not markdown (a selectbox option, a table cell, a chart, a download, a PDF) it is used as it is.
"""

from __future__ import annotations

import re

# Invisible and unbreakable: placed after a colon, before '@' and inside 'www.', it splits what the markdown
# renderer would turn into a link, an emoji, a Material icon or a colour/badge directive after parsing (those
# transforms work on the parsed text, where backslash escapes are already gone).
WORD_JOINER = "\u2060"

# Newlines would start new blocks (a '# BIG' heading, a list, a quote); control characters and the bidirectional
# controls can hide or reorder what the reader sees. Each run of them, or of other whitespace, becomes one space.
_BREAKS = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]+")
# Characters that are markdown wherever they stand: escape, code, emphasis, strikethrough, links and images,
# HTML and autolinks, headings, tables, maths, and Streamlit's directive attributes.
_SYNTAX = re.compile(r"([\\`*_~\[\]<>#|$!{}])")
# '&' only where it would start a character reference ('&copy;', '&#60;'): 'Catatan & Sipil' stays as it is.
_REFERENCE = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# At the start of a line (where a value may be put) these open a list, a thematic break or a setext heading.
_LEADING = re.compile(r"^(?:([-+=])|(\d{1,9})([.)]))")
_COLON = re.compile(r":(?=\S)")
_WWW = re.compile(r"(?i)(?<=www)\.")


def escape_markdown(value: object) -> str:
    """`value` (str() of it) as literal text inside Streamlit markdown: on one line, markdown syntax
    backslash-escaped, bare links, emoji codes and Streamlit's ':name[...]' syntax broken by an invisible joiner."""
    text = _BREAKS.sub(" ", str(value)).strip()
    text = _SYNTAX.sub(r"\\\1", text)
    text = _REFERENCE.sub(r"\\&", text)
    text = _LEADING.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", text)
    text = _COLON.sub(":" + WORD_JOINER, text)
    text = _WWW.sub(WORD_JOINER + ".", text)
    return text.replace("@", WORD_JOINER + "@")
