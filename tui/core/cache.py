"""Opening a corpus through a cache of parsed briefs (to be filled in; loads directly for now)."""

from __future__ import annotations

from pathlib import Path

from tui.core.loader import load_corpus
from tui.core.model import Corpus


def load_cached(root: Path, cache_dir: Path | None = None) -> Corpus:
    """The corpus at ``root``, as :func:`tui.core.loader.load_corpus` gives it."""
    return load_corpus(root)
