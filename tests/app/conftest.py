"""Fixtures of the app's tests."""

from __future__ import annotations

import pytest

import tui.app.reader.screen as screen_module


@pytest.fixture(autouse=True)
def read_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A brief shown counts as read at once: what a test asserts of read marks follows the keys
    it presses, not a timer. The test of the wait itself sets one."""
    monkeypatch.setattr(screen_module, "READ_AFTER_S", 0)
