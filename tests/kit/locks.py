"""Files of briefing held locked by another program, as a test needs them to be."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.core import bookmarks
from tui.core.annotations import FILE_NAME

needs_file_locks = pytest.mark.skipif(os.name != "posix", reason="file locks are POSIX")


@contextlib.contextmanager
def notes_locked(state: Path) -> Iterator[None]:
    """The notes file in the state folder ``state`` held by another program's write
    transaction while the block runs."""
    holder = sqlite3.connect(state / FILE_NAME, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()


@contextlib.contextmanager
def held_locked(lock_file: Path) -> Iterator[None]:
    """The lock file ``lock_file`` held by another program while the block runs."""
    import fcntl

    with open(lock_file, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # a lock of its own, as another process's would be
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@contextlib.contextmanager
def bookmarks_locked(state: Path) -> Iterator[None]:
    """The bookmarks file in the state folder ``state`` held locked by another program, as
    another copy of briefing holds it while it saves, while the block runs."""
    state.mkdir(parents=True, exist_ok=True)
    with held_locked(state / f"{bookmarks.FILE_NAME}.lock"):
        yield


class LockClock:
    """The clock :mod:`tui.core.locks` waits by, moving only as it sleeps: a wait for another
    program's lock takes no time, and each of its steps is counted in :attr:`waits`."""

    def __init__(self) -> None:
        self.now = 0.0
        self.waits = 0

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.waits += 1
        self.now += seconds
