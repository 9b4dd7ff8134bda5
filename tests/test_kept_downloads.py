"""Files made on a download click survive other runs' clean-ups for a while, then go: on Streamlit's own
MediaFileManager and in-memory storage, the ones the server uses (the browser version of this is in
tests/test_browser_downloads.py)."""

from __future__ import annotations

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

from components.kept_downloads import KeptDownloads


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def other_runs_end(manager: MediaFileManager, times: int = 3) -> None:
    """What the end of any session's script run does to files no session refers to."""
    for _ in range(times):
        manager.remove_orphaned_files()


def click(manager: MediaFileManager, content: bytes, name: str = "tabel.xlsx") -> str:
    """A deferred download button registered, then clicked: the file id in the URL the browser is sent."""
    placeholder = manager.add_deferred(lambda: content, "application/octet-stream", "1.2.3", name)
    return manager.execute_deferred(placeholder).rsplit("/", 1)[-1].split(".", 1)[0]


@pytest.fixture
def manager() -> MediaFileManager:
    return MediaFileManager(MemoryMediaFileStorage("/media"))


def test_without_keeping_streamlit_deletes_a_made_file_at_the_second_clean_up(manager):
    # The failure this module exists for; if Streamlit changes it, the keeping may no longer be needed.
    file_id = click(manager, b"isi tabel")
    manager.remove_orphaned_files()
    assert manager.read_file(file_id) is not None
    manager.remove_orphaned_files()
    assert manager.read_file(file_id) is None


def test_a_made_file_is_kept_through_other_runs_then_released(manager):
    clock = Clock()
    kept = KeptDownloads(manager, seconds=60, clock=clock)
    file_id = click(manager, b"isi tabel")
    other_runs_end(manager)
    assert manager.read_file(file_id).content == b"isi tabel"
    clock.now += 59
    kept.release_expired()
    other_runs_end(manager)
    assert manager.read_file(file_id) is not None
    clock.now += 2
    kept.release_expired()
    assert kept.kept_ids() == []
    other_runs_end(manager)
    assert manager.read_file(file_id) is None


def test_a_second_click_on_the_same_table_keeps_it_from_then(manager):
    clock = Clock()
    kept = KeptDownloads(manager, seconds=60, clock=clock)
    first = click(manager, b"sama")
    clock.now += 50
    assert click(manager, b"sama") == first
    clock.now += 50  # 100 s after the first click, 50 s after the second
    kept.release_expired()
    other_runs_end(manager)
    assert manager.read_file(first) is not None


def test_kept_bytes_are_capped_oldest_released_first(manager):
    clock = Clock()
    kept = KeptDownloads(manager, seconds=60, max_bytes=25, clock=clock)
    ids = [click(manager, bytes([65 + n]) * 10) for n in range(3)]  # 10 bytes each: the third makes 30 > 25
    assert kept.kept_ids() == ids[1:]
    other_runs_end(manager)
    assert manager.read_file(ids[0]) is None
    assert all(manager.read_file(file_id) is not None for file_id in ids[1:])


def test_a_file_a_session_still_shows_is_not_deleted_by_releasing(manager):
    # An eager download (a CSV) with the same bytes belongs to a session too: releasing our reference leaves it.
    clock = Clock()
    kept = KeptDownloads(manager, seconds=60, clock=clock)
    file_id = click(manager, b"a;b\n1;2\n", name="tabel.csv")
    shown = manager.add(b"a;b\n1;2\n", "application/octet-stream", "1.4", "tabel.csv", is_for_static_download=True)
    assert file_id in shown
    clock.now += 120
    kept.release_expired()
    other_runs_end(manager)
    assert manager.read_file(file_id) is not None
