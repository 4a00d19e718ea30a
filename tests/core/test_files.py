"""Reading a file: a regular file alone, never more than its limit, never waiting on a pipe."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.kit.special import (
    link_to_dev_zero,
    named_pipe,
    needs_dev_zero,
    needs_pipes,
    without_waiting,
)
from tui.core.files import NotAFile, TooLarge, read_limited


def test_a_file_within_its_limit_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "small.txt"
    path.write_bytes(b"x" * 100)
    assert read_limited(path, 100, "article") == b"x" * 100


def test_a_file_over_its_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "large.txt"
    path.write_bytes(b"x" * 101)
    with pytest.raises(TooLarge, match="the article is larger than"):
        read_limited(path, 100, "article")


@needs_pipes
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    pipe = named_pipe(tmp_path / "pipe.txt")
    with pytest.raises(NotAFile, match=r"not a regular file \(a named pipe\); replace it"):
        without_waiting(lambda: read_limited(pipe, 100, "article"))


@needs_dev_zero
def test_a_device_is_refused_unread(tmp_path: Path) -> None:
    link = link_to_dev_zero(tmp_path / "zero.txt")
    with pytest.raises(NotAFile, match=r"\(a device\)"):
        without_waiting(lambda: read_limited(link, 100, "article"))


@pytest.mark.skipif(sys.platform == "win32", reason="a folder cannot be opened there")
def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(NotAFile, match=r"is not a regular file \(a folder\)"):
        read_limited(tmp_path, 100, "article")


def test_a_missing_file_raises_as_opening_it_does(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_limited(tmp_path / "missing.txt", 100, "article")
