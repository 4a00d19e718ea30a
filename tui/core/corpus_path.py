"""Which corpus a command works on."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

ENV_CORPUS = "BRIEFING_CORPUS"
BRIEF_SUFFIX = ".yaml"
"""What a brief's file name ends in: its id, then this."""
_MISNAMED_SUFFIXES = (".yml",)
"""Endings a brief may be given by mistake: such a file is listed with the advice to rename it,
rather than passed over as if it were not there."""


def is_brief_name(name: str) -> bool:
    """Whether a file named ``name`` in ``briefs/`` is listed: a brief, or one misnamed. Names
    starting with a dot are not: editors' lock and swap files (``.#x.yaml``), and the
    ``._x.yaml`` files some systems copy beside each file."""
    if name.startswith("."):
        return False
    suffix = os.path.splitext(name)[1].lower()
    return suffix == BRIEF_SUFFIX or suffix in _MISNAMED_SUFFIXES


def folder_text(root: Path) -> str:
    """The real path of the folder ``root``, as text any file or database can hold: a byte of
    the name that is not UTF-8 (a folder named on another system) is written as ``\\xNN``."""
    return os.fsencode(root.resolve()).decode("utf-8", "backslashreplace")


def corpus_around(folder: Path) -> Path | None:
    """The corpus whose ``briefs/`` or ``seeds/`` folder ``folder`` is, if it is one: given by
    mistake where the corpus is asked for."""
    corpus = folder.absolute().parent
    if folder.name in ("briefs", "seeds") and (corpus / "briefs").is_dir():
        return corpus
    return None


def without_briefs(root: Path) -> str:
    """What to say of a corpus folder ``root`` with no ``briefs/`` folder; where it is a
    corpus's own folder (:func:`corpus_around`), which corpus to give instead."""
    corpus = corpus_around(root)
    if corpus is not None:
        return f"{root} is the {root.name}/ folder of the corpus {corpus}: give {corpus}"
    return f"no briefs/ folder in {root}; is this a corpus?"


def shipped_corpus() -> Path:
    """The corpus that comes with briefing: inside the installed package, else the source tree."""
    package = Path(__file__).resolve().parent.parent
    bundled = package / "corpus"
    return bundled if (bundled / "briefs").is_dir() else package.parent


def resolve_corpus(
    option: str | None, environ: Mapping[str, str] | None = None, cwd: Path | None = None
) -> Path:
    """``--corpus``, else ``$BRIEFING_CORPUS``, else the current folder when it holds briefs/,
    else the shipped corpus."""
    environ = os.environ if environ is None else environ
    if option:
        return Path(option).expanduser()
    if environ.get(ENV_CORPUS):
        return Path(environ[ENV_CORPUS]).expanduser()
    here = Path.cwd() if cwd is None else cwd
    if (here / "briefs").is_dir():
        return here
    return shipped_corpus()
