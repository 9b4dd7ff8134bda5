"""What an import tells the admin: the problems that reject a file, and the warnings about a file it imported.

Each names the row an admin sees in Excel, the column, the value (unless it may hold personal data) and the reason.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# Enough to fix a file from; the rest is summarised (all of them stay in ImportRejected.problems).
RENDER_LIMIT = 200
# A value is quoted up to this many characters: a misaligned 1 MB cell must not flood the terminal.
VALUE_SHOWN = 80


@dataclass(frozen=True)
class Problem:
    """One reason a file was rejected, or warned about; row and column are None for the file as a whole."""

    row: int | None
    column: str | None
    value: str | None
    reason: str
    # Free text may hold personal data, so its value is never kept or echoed.
    withheld: bool = False

    def render(self, row_word: str = "row", column_word: str = "column") -> str:
        place = []
        if self.row is not None:
            place.append(f"{row_word} {self.row}")
        if self.column is not None:
            place.append(f"{column_word} {self.column}")
        if self.withheld:
            place.append("value (text withheld)")
        elif self.value is not None:
            place.append(f"value {_shown(self.value)}")
        return f"{', '.join(place)}: {self.reason}" if place else self.reason


def _shown(value: str) -> str:
    if len(value) <= VALUE_SHOWN:
        return repr(value)
    return f"{value[:VALUE_SHOWN]!r}... ({len(value):,} characters)"


class ImportRejected(Exception):
    """The file was not imported; `problems` lists every reason, `render()` says so for a terminal."""

    def __init__(self, problems: Iterable[Problem], *, row_word: str = "row", column_word: str = "column"):
        self.problems = top_to_bottom(problems)
        self.row_word = row_word
        self.column_word = column_word
        super().__init__(self.header())

    def header(self) -> str:
        count = len(self.problems)
        return f"File rejected: {count} problem{'' if count == 1 else 's'}; nothing was written."

    def render(self) -> str:
        return _listing(self.header(), self.problems, self.row_word, self.column_word)


def reject(reason: str) -> ImportRejected:
    """An ImportRejected for one problem of the file as a whole."""
    return ImportRejected([Problem(None, None, None, reason)])


def render_warnings(warnings: list[Problem]) -> str:
    """The warnings about an imported file (top_to_bottom, as import_file returns them), for a terminal."""
    count = len(warnings)
    header = f"File imported with {count} warning{'' if count == 1 else 's'}; check these values:"
    return _listing(header, warnings)


def top_to_bottom(problems: Iterable[Problem]) -> list[Problem]:
    """As an admin walks through the file; sorted() is stable, so column order within a row stays."""
    return sorted(problems, key=lambda problem: problem.row or 0)


def _listing(header: str, problems: list[Problem], row_word: str = "row", column_word: str = "column") -> str:
    lines = [header]
    lines += [problem.render(row_word, column_word) for problem in problems[:RENDER_LIMIT]]
    if len(problems) > RENDER_LIMIT:
        lines.append(f"... and {len(problems) - RENDER_LIMIT} more")
    return "\n".join(lines)
