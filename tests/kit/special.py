"""Names that lead to something other than a file (a named pipe, a device), and running what
reads them so that a test of it fails rather than waits for ever or fills the memory."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest

T = TypeVar("T")

GIVE_UP_AFTER = 30
"""Seconds a call that should not wait is given before its test fails: far more than it needs."""
MEMORY_LIMIT = 2 * 1024**3
"""Bytes of memory a process reading a device may take: reading /dev/zero whole would take all."""

needs_pipes = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
needs_dev_zero = pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")


def named_pipe(path: Path) -> Path:
    """A named pipe at ``path``: opening it to read waits for a writer, which never comes."""
    os.mkfifo(path)
    return path


def link_to_dev_zero(path: Path) -> Path:
    """A link at ``path`` to /dev/zero, which gives zero bytes for as long as it is read."""
    path.symlink_to("/dev/zero")
    return path


def without_waiting(call: Callable[[], T]) -> T:
    """What ``call`` gives (or raises), run in a thread; fails the test when it is still running
    after :data:`GIVE_UP_AFTER` seconds, as one stuck opening a pipe is. Such a thread is left
    waiting: it does not keep the tests from ending."""
    outcome: list[T] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            outcome.append(call())
        except BaseException as error:  # handed to the test, whatever it is
            failure.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(GIVE_UP_AFTER)
    assert not thread.is_alive(), f"still waiting after {GIVE_UP_AFTER} s"
    if failure:
        raise failure[0]
    return outcome[0]


def run_with_little_memory(script: str, *args: object) -> str:
    """The standard output of the Python ``script``, run with ``args`` in a process of its own
    that may take :data:`MEMORY_LIMIT` at most and :data:`GIVE_UP_AFTER` seconds; fails the test
    when the script fails, runs out of memory or runs out of time."""

    limit = f"import resource; resource.setrlimit(resource.RLIMIT_AS, ({MEMORY_LIMIT},) * 2)\n"
    result = subprocess.run(
        [sys.executable, "-c", limit + script, *map(str, args)],
        capture_output=True,
        text=True,
        timeout=GIVE_UP_AFTER,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def shut_folder(folder: Path, patch: pytest.MonkeyPatch) -> None:
    """Make ``folder`` behave as one its user may not enter, for any user: tests may run as
    root, whom file modes do not stop. Looking at anything inside it is refused, as the system
    refuses it (the folder itself may still be looked at, from the folder it is in)."""
    system_stat = os.stat

    def stat(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        if (
            isinstance(path, (str, bytes, os.PathLike))
            and folder in Path(os.fsdecode(path)).parents
        ):
            raise PermissionError(13, "Permission denied", os.fsdecode(path))
        return system_stat(path, *args, **kwargs)

    patch.setattr(os, "stat", stat)
