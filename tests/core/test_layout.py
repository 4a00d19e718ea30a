"""The layout the user leaves is the one the next start shows; a bad file never stops a start."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.core.layout import (
    FILE_NAME,
    LIST_SHARE_RANGE,
    PaneLayout,
    read_layout,
    save_layout,
)


def test_a_saved_layout_is_read_back(tmp_path: Path) -> None:
    layout = PaneLayout(list_width=45, list_height=30, maximized="brief")
    assert save_layout(tmp_path / "state", layout) is None
    assert read_layout(tmp_path / "state") == layout


def test_without_a_file_the_default_layout_is_used(tmp_path: Path) -> None:
    assert read_layout(tmp_path) == PaneLayout()


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        "[1, 2]",
        '{"list_width": "wide", "list_height": 5, "maximized": "sidebar"}',
        '{"list_width": true}',
        "\xff\xfe",
    ],
)
def test_a_file_that_cannot_be_used_gives_the_default_layout(tmp_path: Path, text: str) -> None:
    (tmp_path / FILE_NAME).write_text(text, encoding="latin-1")
    assert read_layout(tmp_path) == PaneLayout()


def test_only_the_values_that_are_wrong_fall_back(tmp_path: Path) -> None:
    (tmp_path / FILE_NAME).write_text(json.dumps({"list_width": 50, "list_height": 999}))
    assert read_layout(tmp_path) == PaneLayout(list_width=50)


def test_the_list_grows_and_shrinks_in_steps_within_its_range() -> None:
    low, high = LIST_SHARE_RANGE
    layout = PaneLayout()
    wider = layout.resized(1, beside=True)
    assert wider.list_width > layout.list_width and wider.list_height == layout.list_height
    taller = layout.resized(1, beside=False)
    assert taller.list_height > layout.list_height and taller.list_width == layout.list_width
    assert layout.resized(100, beside=True).list_width == high
    assert layout.resized(-100, beside=False).list_height == low


def test_a_folder_that_cannot_be_written_is_reported_not_raised(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    error = save_layout(blocker / "state", PaneLayout(list_width=40))
    assert error is not None and str(blocker / "state") in error
