"""Files of briefing held locked by another program, as a test needs them to be."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from tui.core.annotations import FILE_NAME


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
