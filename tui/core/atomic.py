"""Writing a file so that readers see the old content or the new, never a part."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def write_atomically(path: Path, data: str | Iterable[str], *, overwrite: bool = True) -> None:
    """Write ``data`` (a text, or its parts in order) to a temporary file beside ``path``, then
    move it into place.

    With ``overwrite`` false an existing ``path`` raises :class:`FileExistsError` and is left
    as it was. On any failure the temporary file is removed and the error is raised.
    """
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
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
