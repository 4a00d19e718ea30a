"""Completing a path in the add dialog."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.completion import common_completion, complete_path, path_completions


@pytest.fixture
def downloads(tmp_path: Path) -> Path:
    (tmp_path / "Plant expansion.html").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "plan.pdf").write_bytes(b"%PDF")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "maquila.txt").write_text("x", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    return tmp_path


def test_a_file_name_is_completed_ignoring_case(downloads: Path) -> None:
    assert complete_path(f"{downloads}/pla") == f"{downloads}/Plant expansion.html"


def test_a_folder_is_completed_with_its_slash_and_then_entered(downloads: Path) -> None:
    assert complete_path(f"{downloads}/no") == f"{downloads}/notes/"
    assert complete_path(f"{downloads}/notes/") == f"{downloads}/notes/maquila.txt"


def test_files_briefing_add_cannot_take_and_hidden_files_are_not_offered(downloads: Path) -> None:
    assert complete_path(f"{downloads}/plan.") is None
    assert complete_path(f"{downloads}/.hid") == f"{downloads}/.hidden.txt"  # asked for


def test_a_path_is_completed_only_as_far_as_the_names_it_can_be_agree(downloads: Path) -> None:
    # A name offered among several was taken for the one Enter would add.
    assert complete_path(f"{downloads}/") is None
    (downloads / "Plant closure.txt").write_text("x", encoding="utf-8")
    assert complete_path(f"{downloads}/pl") == f"{downloads}/Plant "


def test_nothing_to_complete_gives_nothing(tmp_path: Path) -> None:
    assert complete_path("") is None
    assert complete_path(f"{tmp_path}/missing/x") is None


def test_the_home_folder_is_written_as_typed(
    downloads: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(downloads))
    assert complete_path("~/no") == "~/notes/"


def test_tab_goes_as_far_as_every_completion_agrees(tmp_path: Path) -> None:
    for name in ("plant-juarez.txt", "plant-tijuana.html", "other.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    typed = f"{tmp_path}/p"
    found = path_completions(typed)
    assert found == [f"{tmp_path}/plant-juarez.txt", f"{tmp_path}/plant-tijuana.html"]
    assert common_completion(typed, found) == f"{tmp_path}/plant-"
    assert common_completion(f"{tmp_path}/plant-", found) == f"{tmp_path}/plant-"  # no further
    assert common_completion(f"{tmp_path}/o", path_completions(f"{tmp_path}/o")) == (
        f"{tmp_path}/other.txt"
    )
    assert common_completion(f"{tmp_path}/z", []) == f"{tmp_path}/z"
