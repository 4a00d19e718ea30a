"""The layout the user leaves is the one the next start shows; a bad file never stops a start."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.kit.special import (
    link_to_dev_zero,
    named_pipe,
    needs_dev_zero,
    needs_pipes,
    run_with_little_memory,
    without_waiting,
)
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
    assert read_layout(tmp_path / "state") == (layout, None)


def test_without_a_file_the_default_layout_is_used(tmp_path: Path) -> None:
    assert read_layout(tmp_path) == (PaneLayout(), None)


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
    assert read_layout(tmp_path) == (PaneLayout(), None)


def test_only_the_values_that_are_wrong_fall_back(tmp_path: Path) -> None:
    (tmp_path / FILE_NAME).write_text(json.dumps({"list_width": 50, "list_height": 999}))
    assert read_layout(tmp_path) == (PaneLayout(list_width=50), None)


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


@needs_pipes
def test_a_named_pipe_for_a_layout_file_is_named_and_not_waited_on(tmp_path: Path) -> None:
    # Opening it waited for a writer: the reader's screen stayed blank.
    pipe = named_pipe(tmp_path / FILE_NAME)
    layout, problem = without_waiting(lambda: read_layout(tmp_path))
    assert layout == PaneLayout()
    assert problem is not None and str(pipe) in problem and "not a regular file" in problem


@needs_dev_zero
def test_a_layout_file_linked_to_a_device_is_refused_unread(tmp_path: Path) -> None:
    # Its size is 0, so the size checked did not stop it: reading it ran out of memory.
    link = link_to_dev_zero(tmp_path / FILE_NAME)
    script = (
        "import sys; from pathlib import Path; from tui.core.layout import read_layout\n"
        "print(*read_layout(Path(sys.argv[1])), sep='\\n')\n"
    )
    layout, problem = run_with_little_memory(script, tmp_path).splitlines()
    assert layout == repr(PaneLayout())
    assert str(link) in problem and "not a regular file" in problem


@needs_pipes
def test_a_layout_is_never_written_through_a_link_to_a_pipe(tmp_path: Path) -> None:
    # Written through, a link to a device would have had the device replaced by a file.
    pipe = named_pipe(tmp_path / "pipe")
    (tmp_path / "state").mkdir()
    (tmp_path / "state" / FILE_NAME).symlink_to(pipe)
    error = save_layout(tmp_path / "state", PaneLayout(list_width=40))
    assert error is not None and "not a regular file" in error
    assert pipe.is_fifo()
