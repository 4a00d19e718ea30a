"""Fixtures shared by every test: a private state and cache folder, and corpus copies."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

from tests.kit.corpus import REPO

# Property tests draw the same examples at every run, so that a run on a fresh machine passes or
# fails as the last one here did. `HYPOTHESIS_PROFILE=explore` draws new ones, to look for more.
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))


@pytest.fixture(autouse=True)
def private_state(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Keep every test's bookmarks, cache and keys out of the user's folders and each other's
    way."""
    state = tmp_path_factory.mktemp("state")
    monkeypatch.setenv("BRIEFING_STATE_DIR", str(state))
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv("BRIEFING_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))
    monkeypatch.delenv("BRIEFING_CORPUS", raising=False)
    return state


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    """A copy of the shipped corpus in a folder named ``corpus``, free to change."""
    target = tmp_path / "corpus"
    shutil.copytree(REPO / "briefs", target / "briefs")
    shutil.copytree(REPO / "seeds", target / "seeds")
    return target


@pytest.fixture
def existing_file(tmp_path: Path) -> Path:
    """A file an export may be asked to replace; it holds "keep me"."""
    target = tmp_path / "exists.md"
    target.write_text("keep me", encoding="utf-8")
    return target
