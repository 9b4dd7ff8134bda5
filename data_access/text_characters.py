"""The characters stored text may not hold, one definition for the survey form and every import.

Control characters (Unicode category Cc: C0, DEL and C1) are never typed on purpose: they come from binary files,
wrong encodings or someone probing the system, and NUL cannot even be stored in a PostgreSQL text column. A free
text of several sentences (a suggestion, a complaint's description) may hold line breaks and tabs, as a textarea
does; a one-line value (a service, a unit's name or address) may not.

Bidirectional controls (embeddings, overrides, isolates and the invisible direction marks) reorder what is shown
around them: "\u202eFPP" displays backwards. A unit's name and address are published on every page and in every
download, so there they are refused too; Indonesian names and addresses never need one.
"""

from __future__ import annotations

import re

# Category Cc, as character-class ranges (for re and for pandas' str.contains).
CONTROL = "\x00-\x1f\x7f-\x9f"
# What a free text keeps of them: tab, line feed, carriage return.
FREE_TEXT_CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
# ALM, LRM, RLM, LRE/RLE/PDF/LRO/RLO, LRI/RLI/FSI/PDI.
BIDI_CONTROL = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"

ONE_LINE_REFUSED = f"[{CONTROL}]"
FREE_TEXT_REFUSED = f"[{FREE_TEXT_CONTROL}]"
PUBLISHED_REFUSED = f"[{CONTROL}{BIDI_CONTROL}]"


def has_refused_characters(text: str, *, free_text: bool) -> bool:
    """Whether the text holds a control character (a free text may hold tabs and line breaks)."""
    return re.search(FREE_TEXT_REFUSED if free_text else ONE_LINE_REFUSED, text) is not None
