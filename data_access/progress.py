"""Progress lines for long CLI work: shown on a terminal, silent when output is piped or in tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

Progress = Callable[[str, int, int], None]


def silent(stage: str, done: int, total: int) -> None:
    """A progress callback that says nothing."""


def progress_for(stream: TextIO) -> Progress:
    """A callback printing `stage: done/total` over one line, or a silent one when stream is not a terminal."""
    if not stream.isatty():
        return silent

    def report(stage: str, done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        stream.write(f"\r{stage}: {done:,}/{total:,}{end}")
        stream.flush()

    return report
