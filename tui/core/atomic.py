"""Writing a file so that readers see the old content or the new, never a part; and telling a
file from another put in its place, as such a write, or a user, puts one."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path


def write_atomically(
    path: Path, data: str | bytes | Iterable[str], *, overwrite: bool = True, shared: bool = False
) -> None:
    """Write ``data`` (a text, its parts in order, or bytes written as they are) to a temporary
    file beside ``path``, then move it into place.

    A link is followed to the file it leads to; one that leads to anything else (a device, a
    pipe) raises :class:`OSError`. With ``overwrite`` false an existing ``path`` raises
    :class:`FileExistsError` and is left as it was. On any failure the temporary file is removed
    and the error is raised. The file is readable by its owner alone, as the temporary file was
    made; with ``shared`` it gets the permissions of the file it replaces, else those any new
    file would get (the process's umask applied to read and write for everyone).
    """
    if path.is_symlink():
        # The file it links to is replaced, and the link kept: a user who keeps the file
        # elsewhere (a folder of settings under version control) keeps it there.
        target = Path(os.path.realpath(path))
        with contextlib.suppress(FileNotFoundError):
            # Not a device or a pipe, though: /dev/null would be replaced by a file.
            if not stat.S_ISREG(target.stat().st_mode):
                message = f"{path.name} leads to {target}, which is not a regular file"
                raise OSError(errno.EINVAL, message)
        path = target
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        if shared:
            os.chmod(temporary, _new_file_mode(path))
        if isinstance(data, bytes):
            with os.fdopen(handle, "wb") as raw:
                raw.write(data)
                raw.flush()
                os.fsync(raw.fileno())
        else:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                if isinstance(data, str):
                    stream.write(data)
                else:
                    stream.writelines(data)
                stream.flush()
                os.fsync(stream.fileno())
        if overwrite:
            os.replace(temporary, path)
        else:
            # A hard link fails when the target exists, so no other writer can slip in between
            # a check and the rename.
            try:
                os.link(temporary, path)
            except FileExistsError:
                raise
            except OSError:
                # Some file systems have no hard links; check, then rename.
                if path.exists():
                    raise FileExistsError(path) from None
                os.replace(temporary, path)
            else:
                os.unlink(temporary)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _new_file_mode(path: Path) -> int:
    """The permissions ``path`` keeps when it is replaced, or a new file's."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0o022)  # the only way to read it is to set it: put it back at once
        os.umask(umask)
        return 0o666 & ~umask


FileIdentity = tuple[int, int]
"""A file's device and inode: what tells it from another file put in its place (an index built
anew, a notes file moved away and another started)."""


def file_identity(path: Path) -> FileIdentity | None:
    """The identity of the file at ``path``; None when there is none."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_dev, found.st_ino
