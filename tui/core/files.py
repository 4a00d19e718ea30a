"""Reading the files briefing is given: regular files only, and no more of them than a limit.

A name can lead to a named pipe, a device or a folder as well as to a file. Opening a pipe waits
until something writes to it, and reading a device such as /dev/zero never ends: either would
hold up whatever reads it, the screen included. Every file briefing reads (articles, briefs, the
gazetteer of a corpus, the user's keys, layout and bookmarks) is read through
:func:`read_limited`, which opens it without waiting, looks at what it is before reading a byte,
and reads no more than the limit set for its kind.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from tui.core.model import Fault, FaultError

# Opening a named pipe without O_NONBLOCK waits for a writer; a terminal opened without
# O_NOCTTY can become the process's controlling terminal. Neither flag exists on Windows, where
# O_BINARY does (and keeps \r\n as it is).
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_BINARY", 0)
)


class Refused(FaultError):
    """The file was not read, for what it is rather than because reading it failed. The message
    says why, in words that follow the file's name; :attr:`fault` holds it, with the advice on
    what to do apart."""


class TooLarge(Refused):
    """The file is larger than its limit; it was not read."""


class NotAFile(Refused):
    """The name leads to something other than a regular file (a pipe, a device, a folder); it
    was not read."""


def read_limited(path: str | Path, limit: int, what: str) -> bytes:
    """The bytes of the regular file ``path``, a ``what`` ("article", "keys file") to messages.

    Raises :class:`NotAFile` when ``path`` is not a regular file, without waiting on a pipe;
    :class:`TooLarge` when it holds more than ``limit`` bytes, having read ``limit + 1`` of them
    at most; :class:`OSError` when it cannot be opened or read.
    """
    descriptor = os.open(path, _OPEN_FLAGS)
    try:
        # Looked at once open, not before: what the name leads to can change in between. And
        # before Python's file is made of it, which refuses a folder in words of its own.
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            fault = not_a_file(info.st_mode)
            raise NotAFile(fault.what, fault.advice)
    except BaseException:
        os.close(descriptor)
        raise
    with open(descriptor, "rb") as handle:
        # A regular file reads alike either way; waiting again, no file system can answer
        # "try again later" with nothing read.
        os.set_blocking(descriptor, True)
        # Sized to the file: read(limit + 1) alone sets aside the whole limit for every file.
        size = info.st_size
        data = handle.read(min(size, limit) + 1)
        if len(data) > size:  # the file grew meanwhile
            data += handle.read(limit + 1 - len(data))
    if len(data) > limit:
        raise TooLarge(f"the {what} is larger than {size_text(limit)}; refused unread")
    return data


def not_a_file(mode: int) -> Fault:
    """Why a name whose status has ``mode`` is not read, to follow the name."""
    if stat.S_ISFIFO(mode):
        kind = "a named pipe"
    elif stat.S_ISDIR(mode):
        kind = "a folder"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "a device"
    elif stat.S_ISSOCK(mode):
        kind = "a socket"
    else:
        kind = "not a file"
    return Fault(f"is not a regular file ({kind})", "replace it with a file")


def size_text(limit: int) -> str:
    """``limit`` bytes as a limit is said: ``64 KiB``, ``32 MiB``."""
    if limit >= 1024 * 1024:
        return f"{limit // (1024 * 1024)} MiB"
    return f"{limit // 1024} KiB"
