"""Lock files: one copy of briefing at a time does what another must not see half done.

A lock is waited for a short while only. Another process can hold one for as long as it likes (a
copy of briefing stopped in a debugger, a script), and a screen waiting on it would not answer a
key meanwhile: past the wait, the caller is told, and goes on without what needed the lock.
"""

from __future__ import annotations

import errno
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - not on POSIX: one copy at a time is assumed
    fcntl = None  # type: ignore[assignment]

LOCK_WAIT = 1.0
"""How many seconds a lock held by another process is waited for, by default."""
LOCK_RETRY = 0.02
"""How many seconds apart a lock held by another process is asked for again."""


class LockBusy(OSError):
    """Another process held the lock for longer than it was waited for."""


@contextmanager
def exclusive_lock(path: Path, wait: float = LOCK_WAIT) -> Iterator[None]:
    """Hold the lock file ``path`` (made when missing) alone while the block runs.

    Raises :class:`LockBusy` when another process holds it for longer than ``wait`` seconds, and
    :class:`OSError` when it cannot be opened. Without file locks (not on POSIX) the block runs
    unlocked.
    """
    if fcntl is None:
        yield
        return
    with open(path, "a") as lock:
        deadline = time.monotonic() + wait
        # Asked for again and again rather than waited for: a blocking request cannot be given
        # a time limit.
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    message = f"{path.name} is kept locked by another process"
                    raise LockBusy(errno.EWOULDBLOCK, message) from None
                time.sleep(LOCK_RETRY)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
