"""A file made when its download button is clicked stays fetchable for a minute.

Streamlit stores such a file (all our download buttons: CSV, XLSX, PNG, PDF) with no session referring to it, and
the end of every script run on the server (any session's, including each live tile's rerun every two seconds)
collects unreferenced files: the second such end deletes it. On a busy server that is milliseconds, so a browser
asking for the file a moment after the click got 404 (the 20-session load run lost 28 downloads this way). Here
each made file is held under a reference of our own for KEEP_SECONDS, at most KEEP_BYTES of them, oldest released
first; once released, Streamlit's own collection deletes the file.

This reaches into MediaFileManager (`_lock`, `_files_by_session_and_coord`, Streamlit 1.67 as pinned in
requirements.txt): tests/test_kept_downloads.py runs against the real class and fails if they change."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable

from streamlit import runtime
from streamlit.runtime.media_file_manager import MediaFileManager

KEEP_SECONDS = 60.0
KEEP_BYTES = 64 * 1024 * 1024
# Where our references live among the sessions' ones. Streamlit's session ids are UUIDs and it only ever clears
# the ids of sessions it runs, so nothing of Streamlit's touches this one.
HOLDER = "dasbor-kept-downloads"


class KeptDownloads:
    """Wraps one manager's `execute_deferred`, keeping a reference to each file it makes."""

    def __init__(self, manager: MediaFileManager, *, seconds: float = KEEP_SECONDS, max_bytes: int = KEEP_BYTES,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.manager = manager
        self._make = manager.execute_deferred
        self._seconds = seconds
        self._max_bytes = max_bytes
        self._clock = clock
        self._kept: OrderedDict[str, tuple[float, int]] = OrderedDict()  # file id -> (kept since, bytes), oldest first
        self._bytes = 0
        manager.execute_deferred = self.execute_deferred

    def execute_deferred(self, placeholder_id: str) -> str:
        url = self._make(placeholder_id)
        file_id = url.rsplit("/", 1)[-1].split(".", 1)[0]
        made = self.manager.read_file(file_id)
        size = len(made.content) if made is not None else 0
        with self.manager._lock:
            refs = self.manager._files_by_session_and_coord[HOLDER]
            refs[file_id] = file_id
            if file_id in self._kept:  # the same bytes again (a second click): kept from now
                self._bytes -= self._kept.pop(file_id)[1]
            self._kept[file_id] = (self._clock(), size)
            self._bytes += size
            self._release_locked()
        return url

    def release_expired(self) -> None:
        with self.manager._lock:
            self._release_locked()

    def kept_ids(self) -> list[str]:
        with self.manager._lock:
            return list(self._kept)

    def _release_locked(self) -> None:
        refs = self.manager._files_by_session_and_coord.get(HOLDER, {})
        now = self._clock()
        while self._kept:
            file_id, (since, size) = next(iter(self._kept.items()))
            if now - since < self._seconds and self._bytes <= self._max_bytes:
                break
            del self._kept[file_id]
            self._bytes -= size
            refs.pop(file_id, None)


_installed: KeptDownloads | None = None


def keep_made_downloads() -> None:
    """Called on every run: wraps the server's manager the first time, releases expired files after that (so they
    go even when nobody clicks again)."""
    global _installed
    if not runtime.exists():
        return
    manager = runtime.get_instance().media_file_mgr
    if _installed is None or _installed.manager is not manager:
        _installed = KeptDownloads(manager)
    else:
        _installed.release_expired()
