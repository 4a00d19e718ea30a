"""Read briefs, notes and tags: kept per corpus, never lost to a bad file, a read-only folder or a
second copy, and checked before they are kept."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path
from typing import Any

import pytest

from tests.kit.locks import notes_locked
from tests.kit.special import named_pipe, shut_folder, without_waiting
from tui.core.annotations import (
    FILE_NAME,
    FORMAT_VERSION,
    MAX_NOTE_CHARS,
    MAX_TAG_CHARS,
    MAX_TAGS,
    NOTES_JOINED_BY,
    Annotation,
    AnnotationError,
    Annotations,
    parse_tags,
    respelt_tags_note,
)
from tui.core.search import parse_query
from tui.core.store import open_corpus

CORPUS = "/corpora/news"


def file_rows(folder: Path, table: str) -> list[tuple[object, ...]]:
    """The rows of ``table`` as another program reads them."""
    with sqlite3.connect(folder / FILE_NAME) as connection:
        return sorted(connection.execute(f"SELECT * FROM {table}").fetchall())


def asides(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"{FILE_NAME}.unreadable-*"))


# The everyday cases ----------------------------------------------------------------------------


def test_read_notes_and_tags_persist_across_instances(tmp_path: Path) -> None:
    first = Annotations(tmp_path, CORPUS)
    first.set_read("a")
    first.set_read("b")
    first.set_read("b", False)
    first.set_note("a", "Check the figures\nwith the plant.  ")
    first.set_tags("a", ["USMCA", "aduana"])
    first.close()

    again = Annotations(tmp_path, CORPUS)
    assert again.read == {"a"}
    assert again.annotation("a") == Annotation(
        True, "Check the figures\nwith the plant.", ("USMCA", "aduana")
    )
    assert again.annotation("b") == Annotation()
    assert again.notices == [] and again.save_error is None


def test_a_brief_marked_unread_is_kept_so_also_in_a_file_made_before_that_was_kept(
    tmp_path: Path,
) -> None:
    first = Annotations(tmp_path, CORPUS)
    first.set_read("a")
    first.set_read("b")
    first.close()
    with sqlite3.connect(tmp_path / FILE_NAME) as connection:
        connection.execute("DROP TABLE kept_unread")  # as an earlier briefing made the file
    older = Annotations(tmp_path, CORPUS)
    assert older.read == {"a", "b"} and older.kept_unread == set()
    older.set_read("a", False)
    older.close()

    again = Annotations(tmp_path, CORPUS)
    assert again.read == {"b"} and again.kept_unread == {"a"}
    again.set_read("a")
    again.close()
    assert Annotations(tmp_path, CORPUS).kept_unread == set()
    assert file_rows(tmp_path, "kept_unread") == []


def test_removing_a_note_and_tags_leaves_nothing_behind(tmp_path: Path) -> None:
    annotations = Annotations(tmp_path, CORPUS)
    annotations.set_note("a", "soon gone")
    annotations.set_tags("a", ["x"])
    annotations.set_note("a", "   ")
    annotations.set_tags("a", [])
    assert file_rows(tmp_path, "briefs") == [] and file_rows(tmp_path, "tags") == []
    assert Annotations(tmp_path, CORPUS).annotation("a") == Annotation()


@pytest.mark.parametrize("how", ["moved", "deleted"])
def test_a_note_written_after_the_file_went_away_is_in_the_file_the_next_start_reads(
    tmp_path: Path, how: str
) -> None:
    # The connection kept writing to the file moved away, or deleted: the note was lost.
    state = tmp_path / "state"
    annotations = Annotations(state, CORPUS)
    annotations.set_read("a")
    annotations.set_note("a", "written before")
    annotations.set_tags("a", ["usmca"])
    if how == "moved":
        state.rename(tmp_path / "state-moved")
    else:
        for file in state.iterdir():
            file.unlink()
    annotations.set_note("b", "written after")
    assert annotations.save_error is None

    again = Annotations(state, CORPUS)
    assert again.annotation("b") == Annotation(note="written after")
    # What was kept before goes with it: the file the next start reads holds all of it.
    assert again.annotation("a") == Annotation(True, "written before", ("usmca",))


def test_annotations_are_kept_per_corpus(tmp_path: Path) -> None:
    Annotations(tmp_path, "/corpora/one").set_note("shared-id", "one's")
    Annotations(tmp_path, "/corpora/two").set_read("shared-id")
    one, two = Annotations(tmp_path, "/corpora/one"), Annotations(tmp_path, "/corpora/two")
    assert one.annotation("shared-id") == Annotation(note="one's")
    assert two.annotation("shared-id") == Annotation(read=True)


def test_the_file_is_sqlite_in_wal_mode_of_the_known_version(tmp_path: Path) -> None:
    Annotations(tmp_path, CORPUS).set_read("a")
    with sqlite3.connect(tmp_path / FILE_NAME) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert connection.execute("PRAGMA user_version").fetchone()[0] == FORMAT_VERSION


def test_marking_read_writes_one_row_not_the_whole_file(tmp_path: Path) -> None:
    # At every move of the cursor: it must cost the same at 100,000 read briefs as at one.
    Annotations(tmp_path, CORPUS).set_read("first")
    with sqlite3.connect(tmp_path / FILE_NAME) as connection, connection:
        connection.executemany(
            "INSERT INTO briefs (corpus, brief, read) VALUES (?, ?, 1)",
            [(CORPUS, f"brief-{n}") for n in range(100_000)],
        )
    annotations = Annotations(tmp_path, CORPUS)
    assert len(annotations.read) == 100_001
    changes: list[int] = []
    connection = annotations._open(create=True)
    connection.set_trace_callback(
        lambda statement: changes.append(1) if "INSERT INTO briefs" in statement else None
    )
    for n in range(50):
        annotations.set_read(f"new-{n}")
    assert len(changes) == 50  # a row each, nothing rewritten
    assert len(Annotations(tmp_path, CORPUS).read) == 100_051


def test_a_tag_is_shown_as_first_typed_and_matched_folded(tmp_path: Path) -> None:
    annotations = Annotations(tmp_path, CORPUS)
    assert annotations.set_tags("a", ["USMCA", " Revisión "]) == ("USMCA", "Revisión")
    # Typed again in other case, on another brief: the first spelling stays.
    assert annotations.set_tags("b", ["usmca", "REVISION"]) == ("USMCA", "Revisión")
    assert annotations.tag_names() == {"USMCA": 2, "Revisión": 2}
    # The same tag twice in one brief is one tag.
    assert annotations.set_tags("c", ["x", "X"]) == ("x",)
    # Once no brief has a tag, it may be spelt anew.
    annotations.set_tags("c", [])
    assert annotations.set_tags("d", ["X"]) == ("X",)


def test_a_tag_only_one_brief_has_is_spelt_anew_when_retyped_there(tmp_path: Path) -> None:
    # Retyped in capitals on the one brief having it, it stayed as first typed: the change was
    # dropped without a word, and putting the case right took removing the tag first.
    annotations = Annotations(tmp_path, CORPUS)
    annotations.set_tags("a", ["usmca", "aduana"])
    assert annotations.set_tags("a", ["USMCA", "aduana"]) == ("USMCA", "aduana")
    assert Annotations(tmp_path, CORPUS).tags["a"] == ("USMCA", "aduana")
    assert annotations.tag_names() == {"USMCA": 1, "aduana": 1}
    # Another brief having it keeps the spelling every brief shows, and the user is told.
    annotations.set_tags("b", ["usmca"])
    assert annotations.set_tags("a", ["Usmca", "Aduána"]) == ("USMCA", "Aduána")
    assert (
        respelt_tags_note(["Usmca", "Aduána"], ("USMCA", "Aduána"))
        == "Kept as other briefs spell it: USMCA (typed Usmca)"
    )
    assert annotations.set_tags("b", ["usmca", "aduana"]) == ("USMCA", "Aduána")
    assert respelt_tags_note(["usmca", "aduana"], ("USMCA", "Aduána")) == (
        "Kept as other briefs spell them: USMCA (typed usmca), Aduána (typed aduana)"
    )
    assert respelt_tags_note(["USMCA"], ("USMCA",)) is None


def test_two_instances_never_undo_each_others_changes(tmp_path: Path) -> None:
    first, second = Annotations(tmp_path, CORPUS), Annotations(tmp_path, CORPUS)
    first.set_read("a")
    second.set_note("b", "from the second")
    first.set_tags("c", ["from-first"])
    second.set_read("d")
    # The last write to one brief wins.
    first.set_note("e", "first")
    second.set_note("e", "second")
    assert first.save_error is None and second.save_error is None
    fresh = Annotations(tmp_path, CORPUS)
    assert fresh.read == {"a", "d"}
    assert fresh.notes == {"b": "from the second", "e": "second"}
    assert fresh.tags == {"c": ("from-first",)}


def test_a_brief_marked_read_in_one_copy_keeps_the_note_written_in_the_other(
    tmp_path: Path,
) -> None:
    Annotations(tmp_path, CORPUS).set_note("a", "old")
    first, second = Annotations(tmp_path, CORPUS), Annotations(tmp_path, CORPUS)
    second.set_note("a", "new")
    second.set_tags("a", ["kept"])
    first.set_read("a")  # first still holds the old note and no tags
    assert Annotations(tmp_path, CORPUS).annotation("a") == Annotation(True, "new", ("kept",))


def test_a_note_read_again_is_the_one_another_copy_saved(tmp_path: Path) -> None:
    # Each copy read the file once: a note edited in one started from the note as it was then,
    # and saving it wrote over the other copy's without anyone seeing it.
    first, second = Annotations(tmp_path, CORPUS), Annotations(tmp_path, CORPUS)
    second.set_note("a", "from the second copy")
    second.set_tags("a", ["usmca", "tijuana"])
    second.set_note("b", "gone soon")
    second.set_note("b", "")

    first.read_again("a")
    first.read_again("b")

    assert first.annotation("a") == Annotation(False, "from the second copy", ("usmca", "tijuana"))
    assert first.marks().tagged == {"usmca": {"a"}, "tijuana": {"a"}}
    assert first.annotation("b") == Annotation()


def test_a_note_saved_in_another_copy_while_it_was_edited_is_kept_with_it(
    tmp_path: Path,
) -> None:
    # Each copy opened the note, and the one saved last wrote over the other without a word.
    Annotations(tmp_path, CORPUS).set_note("a", "old")
    first, second = Annotations(tmp_path, CORPUS), Annotations(tmp_path, CORPUS)
    first.read_again("a")
    second.read_again("a")
    second.set_note("a", "old, and from the second", started_from="old")
    first.set_note("a", "old, and from the first", started_from="old")

    both = f"old, and from the first{NOTES_JOINED_BY}old, and from the second"
    assert Annotations(tmp_path, CORPUS).notes == {"a": both}
    assert first.notes == {"a": both}  # shown as saved
    assert len(first.notices) == 1 and second.notices == []
    # Begun from the note as it is now, the next edit replaces it.
    second.read_again("a")
    second.set_note("a", "tidied", started_from=both)
    assert Annotations(tmp_path, CORPUS).notes == {"a": "tidied"} and second.notices == []


def test_a_note_removed_while_another_copy_wrote_it_stays(tmp_path: Path) -> None:
    first, second = Annotations(tmp_path, CORPUS), Annotations(tmp_path, CORPUS)
    first.set_note("a", "mine")
    second.read_again("a")
    first.read_again("a")
    second.set_note("a", "mine, changed there", started_from="mine")
    first.set_note("a", "", started_from="mine")
    assert Annotations(tmp_path, CORPUS).notes == {"a": "mine, changed there"}
    assert first.notes == {"a": "mine, changed there"} and len(first.notices) == 1


def test_a_note_written_on_while_another_copy_removed_it_is_kept_and_told(tmp_path: Path) -> None:
    # The other copy's removal was undone without a word.
    first, second = Annotations(tmp_path, CORPUS), Annotations(tmp_path, CORPUS)
    first.set_note("a", "mine")
    second.read_again("a")
    first.read_again("a")
    second.set_note("a", "", started_from="mine")
    first.set_note("a", "mine, and more", started_from="mine")
    assert Annotations(tmp_path, CORPUS).notes == {"a": "mine, and more"}
    (told,) = first.notices
    assert "removed in another window" in told and second.notices == []


def test_tags_changed_in_two_copies_keep_what_each_added_and_removed(tmp_path: Path) -> None:
    began = ("usmca", "aduana")
    Annotations(tmp_path, CORPUS).set_tags("a", began)
    first, second = Annotations(tmp_path, CORPUS), Annotations(tmp_path, CORPUS)
    second.set_tags("a", ["aduana", "tijuana"], started_from=began)  # usmca out, tijuana in
    first.set_tags("a", ["usmca", "urgent"], started_from=began)  # aduana out, urgent in

    assert Annotations(tmp_path, CORPUS).tags == {"a": ("urgent", "tijuana")}
    assert first.tags == {"a": ("urgent", "tijuana")}
    assert first.marks().tagged == {"urgent": {"a"}, "tijuana": {"a"}}
    assert len(first.notices) == 1


def test_tags_of_two_copies_past_the_most_a_brief_has_name_those_left_out(
    tmp_path: Path,
) -> None:
    first, second = Annotations(tmp_path, CORPUS), Annotations(tmp_path, CORPUS)
    second.set_tags("a", [f"there{n}" for n in range(15)], started_from=())
    first.set_tags("a", [f"here{n}" for n in range(10)], started_from=())

    kept = Annotations(tmp_path, CORPUS).tags["a"]
    assert kept == (*(f"here{n}" for n in range(10)), *(f"there{n}" for n in range(10)))
    (notice,) = first.notices
    assert all(f"there{n}" in notice for n in range(10, 15))


def test_a_note_not_saved_yet_is_not_read_again_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    annotations = Annotations(tmp_path, CORPUS)
    annotations.set_note("a", "saved")

    def disk_full(*_: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(annotations, "_write", disk_full)
    annotations.set_note("a", "kept for now")
    assert annotations.save_error is not None
    annotations.read_again("a")

    assert annotations.notes["a"] == "kept for now"
    assert Annotations(tmp_path, CORPUS).notes["a"] == "saved"


def test_a_note_kept_out_by_a_lock_is_saved_once_tried_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tui.core.annotations.BUSY_TIMEOUT_MS", 0)
    annotations = Annotations(tmp_path, CORPUS)
    annotations.set_read("a")
    with notes_locked(tmp_path):
        annotations.set_note("a", "written while locked", started_from="")
        assert annotations.save_error and annotations.waits_to_save
        annotations.save_again()
        assert annotations.save_error and annotations.unsaved_writing == 1
    # Meanwhile another copy saved a note there too: kept with this one.
    Annotations(tmp_path, CORPUS).set_note("a", "from another copy")
    annotations.save_again()
    assert annotations.save_error is None and not annotations.waits_to_save
    assert Annotations(tmp_path, CORPUS).notes == {
        "a": f"written while locked{NOTES_JOINED_BY}from another copy"
    }


def test_a_note_joined_to_another_copys_is_joined_once_when_saving_it_fails_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    annotations = Annotations(tmp_path, CORPUS)
    annotations.set_read("a")
    Annotations(tmp_path, CORPUS).set_note("a", "from another copy")
    write = Annotations._write
    failed: list[str] = []

    def written_then_failed_once(
        self: Annotations, connection: sqlite3.Connection, brief_id: str, part: Any
    ) -> None:
        write(self, connection, brief_id, part)
        if part == "note" and not failed:
            failed.append(brief_id)  # the notes joined, then the transaction rolled back
            raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(Annotations, "_write", written_then_failed_once)
    annotations.set_note("a", "written here", started_from="")
    assert failed and annotations.waits_to_save
    annotations.save_again()
    assert annotations.save_error is None
    assert Annotations(tmp_path, CORPUS).notes == {
        "a": f"written here{NOTES_JOINED_BY}from another copy"
    }


def test_a_missing_file_is_not_made_until_something_is_kept(tmp_path: Path) -> None:
    annotations = Annotations(tmp_path / "state", CORPUS)
    assert annotations.read == set()
    assert not (tmp_path / "state").exists()
    annotations.set_read("a")
    assert (tmp_path / "state" / FILE_NAME).exists()


# Limits ------------------------------------------------------------------------------------------


def test_a_note_too_long_is_refused_and_the_old_one_kept(tmp_path: Path) -> None:
    annotations = Annotations(tmp_path, CORPUS)
    annotations.set_note("a", "kept")
    annotations.set_note("b", "x" * MAX_NOTE_CHARS)  # the longest kept
    with pytest.raises(AnnotationError, match="20,000"):
        annotations.set_note("a", "x" * (MAX_NOTE_CHARS + 1))
    assert Annotations(tmp_path, CORPUS).notes["a"] == "kept"


def test_a_note_is_kept_without_control_or_invisible_characters(tmp_path: Path) -> None:
    annotations = Annotations(tmp_path, CORPUS)
    annotations.set_note("a", "Call\x1b[2J the\u200b plant\x07\nthen \u202ethe chamber\t ")
    assert Annotations(tmp_path, CORPUS).notes["a"] == "Call the plant\nthen the chamber"


def test_a_note_holding_half_a_surrogate_pair_is_kept_and_saving_goes_on(tmp_path: Path) -> None:
    # It could not be written, and stayed queued: every later save failed on it again.
    annotations = Annotations(tmp_path, CORPUS)
    annotations.set_note("a", "broken \ud800 pair")
    annotations.set_read("b")
    kept = Annotations(tmp_path, CORPUS)
    assert kept.notes["a"] == "broken ? pair"
    assert kept.read == {"b"}
    assert annotations.save_error is None


@pytest.mark.parametrize(
    ("tags", "says"),
    [
        (["two words"], "no spaces or commas"),
        (["a,b"], "no spaces or commas"),
        (["x" * (MAX_TAG_CHARS + 1)], str(MAX_TAG_CHARS)),
        ([f"t{n}" for n in range(MAX_TAGS + 1)], str(MAX_TAGS)),
        (["bell\x07"], "not"),
    ],
    ids=["space", "comma", "too-long", "too-many", "control"],
)
def test_tags_that_cannot_be_kept_are_refused_saying_why(
    tmp_path: Path, tags: list[str], says: str
) -> None:
    annotations = Annotations(tmp_path, CORPUS)
    annotations.set_tags("a", ["kept"])
    with pytest.raises(AnnotationError, match=says):
        annotations.set_tags("a", tags)
    assert Annotations(tmp_path, CORPUS).tags == {"a": ("kept",)}


def test_typed_tags_are_split_at_spaces_and_commas() -> None:
    assert parse_tags(" usmca, aduana,,tariffs  usmca ") == ("usmca", "aduana", "tariffs")
    assert parse_tags("") == ()
    with pytest.raises(AnnotationError):
        parse_tags(" ".join(f"t{n}" for n in range(MAX_TAGS + 1)))


# A folder that cannot be written ----------------------------------------------------------------


def refuse_writes_in(folder: Path, patch: pytest.MonkeyPatch) -> None:
    """Make ``folder`` behave as a folder its user may read but not write, for any user: tests
    may run as root, whom file modes do not stop. The system says so when asked, and SQLite
    cannot open a file there but as one that nothing changes meanwhile (it could make neither a
    journal nor the index of a file in WAL mode), as it says when the folder refuses them."""
    system_access = os.access
    sqlite_connect = sqlite3.connect

    def access(path: Any, mode: int, **kwargs: Any) -> bool:
        if Path(path) == folder and mode & os.W_OK:
            return False
        return system_access(path, mode, **kwargs)

    def connect(database: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        if "immutable=1" not in str(database):
            raise sqlite3.OperationalError("unable to open database file")
        return sqlite_connect(database, *args, **kwargs)

    patch.setattr(os, "access", access)
    patch.setattr(sqlite3, "connect", connect)


def test_an_unwritable_folder_keeps_changes_for_the_session(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "state"
    folder.mkdir()
    before = Annotations(folder, CORPUS)
    before.set_note("old", "kept from before")
    before.close()
    written = (folder / FILE_NAME).read_bytes()
    with monkeypatch.context() as patch:
        refuse_writes_in(folder, patch)
        annotations = Annotations(folder, CORPUS)
        assert annotations.notes == {"old": "kept from before"}
        assert annotations.save_error and "cannot be saved" in annotations.save_error
        annotations.set_read("a")
        annotations.set_tags("a", ["x"])
        assert annotations.annotation("a") == Annotation(True, "", ("x",))
        assert annotations.save_error and "cannot be saved" in annotations.save_error
        annotations.close()
    assert (folder / FILE_NAME).read_bytes() == written
    assert Annotations(folder, CORPUS).read == set()


def test_a_state_folder_that_is_a_file_keeps_changes_for_the_session(tmp_path: Path) -> None:
    folder = tmp_path / "state"
    folder.write_text("not a folder", encoding="utf-8")
    annotations = Annotations(folder, CORPUS)
    assert annotations.save_error is not None
    # Not as if there were no notes: commands listed "has:note" as nothing found.
    assert annotations.read_error == (
        f"Cannot read notes file {folder / FILE_NAME} ({folder} is a file, not a folder)"
    )
    annotations.set_read("a")
    annotations.set_note("a", "in memory")
    assert annotations.annotation("a") == Annotation(True, "in memory")
    assert annotations.save_error is not None
    assert folder.read_text(encoding="utf-8") == "not a folder"


def test_notes_in_a_folder_that_may_not_be_entered_are_said_to_be_unreadable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Taken for no notes at all; and reading a brief's note again ended the reader.
    folder = tmp_path / "state"
    before = Annotations(folder, CORPUS)
    before.set_note("a", "kept from before")
    before.close()
    shut_folder(folder, monkeypatch)
    annotations = Annotations(folder, CORPUS)
    assert annotations.read_error is not None and "Cannot read notes file" in annotations.read_error
    annotations.read_again("a")
    annotations.set_note("b", "in memory")
    assert annotations.annotation("b").note == "in memory"
    assert annotations.save_error is not None and "kept for now" in annotations.save_error
    monkeypatch.undo()
    assert Annotations(folder, CORPUS).notes == {"a": "kept from before"}


@pytest.mark.parametrize("suffix", ["-journal", "-wal", "-shm"])
def test_a_folder_where_sqlite_keeps_a_file_beside_the_notes_is_told_with_what_to_do(
    tmp_path: Path, suffix: str
) -> None:
    # Told in SQLite's words ("disk I/O error"), naming no file and nothing to do.
    in_the_way = tmp_path / f"{FILE_NAME}{suffix}"
    in_the_way.mkdir()
    annotations = Annotations(tmp_path, CORPUS)
    annotations.set_read("a")
    assert annotations.save_error == (
        f"Notes, tags and read marks cannot be saved in {tmp_path} ({in_the_way.name} is a"
        f" folder); kept for now. To save them, delete or rename the folder {in_the_way}:"
        " briefing keeps a file of its own there"
    )
    in_the_way.rmdir()
    annotations.save_again()
    assert annotations.save_error is None and Annotations(tmp_path, CORPUS).read == {"a"}


@pytest.mark.parametrize("suffix", ["-journal", "-wal"])
def test_a_folder_beside_the_notes_that_keeps_them_from_being_read_is_named(
    tmp_path: Path, suffix: str
) -> None:
    before = Annotations(tmp_path, CORPUS)
    before.set_note("a", "mine")
    before.close()
    in_the_way = tmp_path / f"{FILE_NAME}{suffix}"
    in_the_way.mkdir()
    annotations = Annotations(tmp_path, CORPUS)
    assert annotations.read_error == (
        f"Cannot read notes file {tmp_path / FILE_NAME} ({in_the_way.name} is a folder)"
    )
    assert annotations.save_error is not None and annotations.save_error.endswith(
        f"To save them, delete or rename the folder {in_the_way}: briefing keeps a file of its"
        " own there"
    )
    in_the_way.rmdir()
    assert Annotations(tmp_path, CORPUS).notes == {"a": "mine"}


def test_changes_made_while_unsaved_are_written_at_the_next_save(tmp_path: Path) -> None:
    folder = tmp_path / "state"
    folder.write_text("not a folder", encoding="utf-8")
    annotations = Annotations(folder, CORPUS)
    annotations.set_note("a", "written later")
    folder.unlink()  # the folder can be made now
    annotations.set_read("b")
    assert annotations.save_error is None
    assert Annotations(folder, CORPUS).annotation("a") == Annotation(note="written later")


@pytest.mark.parametrize("kind", ["folder", "named pipe"])
def test_a_notes_file_that_is_no_file_is_named_and_left_as_it_is(tmp_path: Path, kind: str) -> None:
    # A folder was told as "unable to open database file"; a pipe would be waited on for ever.
    if kind == "folder":
        (tmp_path / FILE_NAME).mkdir()
    else:
        if not hasattr(os, "mkfifo"):
            pytest.skip("named pipes are POSIX")
        named_pipe(tmp_path / FILE_NAME)
    annotations = without_waiting(lambda: Annotations(tmp_path, CORPUS))
    assert annotations.read_error == (
        f"Notes file {tmp_path / FILE_NAME} is not a regular file ({'a ' + kind});"
        " replace it with a file"
    )
    annotations.set_note("a", "kept for now")
    assert annotations.annotation("a").note == "kept for now"
    assert annotations.save_error is not None
    assert not stat.S_ISREG((tmp_path / FILE_NAME).stat().st_mode)


# A file that cannot be read ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [b"\x00\xff\xfe garbage, not a database" * 100, b"SQLite format 3\x00" + b"\xff" * 4000],
    ids=["garbage", "damaged-header"],
)
def test_a_corrupt_file_is_set_aside_and_a_fresh_one_started(
    tmp_path: Path, content: bytes
) -> None:
    (tmp_path / FILE_NAME).write_bytes(content)
    annotations = Annotations(tmp_path, CORPUS)
    assert len(annotations.notices) == 1
    (aside,) = asides(tmp_path)
    assert str(aside) in annotations.notices[0]
    assert aside.read_bytes() == content
    annotations.set_note("a", "fresh")
    assert annotations.save_error is None
    fresh = Annotations(tmp_path, CORPUS)
    assert fresh.notes == {"a": "fresh"}
    assert fresh.notices == []  # told once, not at every start


@pytest.mark.parametrize("kind", ["not-a-database", "without-the-tables"])
def test_a_file_set_aside_is_told_with_where_it_is_and_what_to_do(
    tmp_path: Path, kind: str
) -> None:
    # "It was kept as ...": the user learnt where, not that the marks start anew nor what then.
    if kind == "not-a-database":
        (tmp_path / FILE_NAME).write_bytes(b"my notes, not a database" * 100)
    else:
        with sqlite3.connect(tmp_path / FILE_NAME) as connection:
            connection.execute("CREATE TABLE something_else (x)")
    (notice,) = Annotations(tmp_path, CORPUS).notices
    (aside,) = asides(tmp_path)
    assert notice.startswith(f"Notes file {tmp_path / FILE_NAME} could not be read")
    assert f"it was kept as {aside}, and a new one started" in notice
    assert notice.endswith(
        "To have back the notes, tags and read marks it held, mend that copy and put it in the"
        " new one's place while briefing is closed; else delete it"
    )


def test_another_database_under_the_name_is_set_aside(tmp_path: Path) -> None:
    with sqlite3.connect(tmp_path / FILE_NAME) as connection:
        connection.execute("CREATE TABLE something_else (x)")
    annotations = Annotations(tmp_path, CORPUS)
    assert len(asides(tmp_path)) == 1 and annotations.notices
    annotations.set_read("a")
    assert Annotations(tmp_path, CORPUS).read == {"a"}


@pytest.mark.parametrize(
    "tables",
    [
        "CREATE TABLE briefs (corpus, brief); CREATE TABLE tags (x)",
        "CREATE TABLE briefs (corpus, brief, read, note); CREATE TABLE tags (corpus, brief)",
    ],
    ids=["briefs-without-read-and-note", "tags-without-tag"],
)
def test_a_database_of_our_version_with_other_tables_is_set_aside(
    tmp_path: Path, tables: str
) -> None:
    # Read as a file locked by another copy: never set aside, and nothing saved in any session.
    with sqlite3.connect(tmp_path / FILE_NAME) as connection:
        connection.executescript(f"{tables}; PRAGMA user_version = {FORMAT_VERSION}")
    annotations = Annotations(tmp_path, CORPUS)
    (aside,) = asides(tmp_path)
    assert len(annotations.notices) == 1 and str(aside) in annotations.notices[0]
    annotations.set_note("a", "saved")
    assert annotations.save_error is None
    again = Annotations(tmp_path, CORPUS)
    assert again.notes == {"a": "saved"} and again.notices == []


def test_a_file_locked_by_another_program_is_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tui.core.annotations.BUSY_TIMEOUT_MS", 0)
    before = Annotations(tmp_path, CORPUS)
    before.set_note("a", "kept")
    before.close()
    holder = sqlite3.connect(tmp_path / FILE_NAME, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        annotations = Annotations(tmp_path, CORPUS)
        annotations.set_read("b")
        assert annotations.read_error and annotations.save_error
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert asides(tmp_path) == []
    assert Annotations(tmp_path, CORPUS).notes == {"a": "kept"}


def test_a_file_of_a_newer_version_is_read_and_never_written(tmp_path: Path) -> None:
    Annotations(tmp_path, CORPUS).set_note("a", "from before")
    with sqlite3.connect(tmp_path / FILE_NAME) as connection:
        connection.execute(f"PRAGMA user_version = {FORMAT_VERSION + 1}")
    before = file_rows(tmp_path, "briefs")

    annotations = Annotations(tmp_path, CORPUS)
    assert annotations.notes == {"a": "from before"}
    assert annotations.save_error and "newer" in annotations.save_error
    assert annotations.notices
    annotations.set_read("b")
    annotations.set_note("a", "changed this session")
    assert annotations.annotation("a").note == "changed this session"
    assert file_rows(tmp_path, "briefs") == before
    assert asides(tmp_path) == []


def test_a_newer_file_whose_tables_changed_is_left_alone(tmp_path: Path) -> None:
    with sqlite3.connect(tmp_path / FILE_NAME) as connection:
        connection.execute("CREATE TABLE briefs_v9 (x)")
        connection.execute(f"PRAGMA user_version = {FORMAT_VERSION + 8}")
    annotations = Annotations(tmp_path, CORPUS)
    annotations.set_read("a")
    assert annotations.read == {"a"} and annotations.save_error
    assert asides(tmp_path) == []
    with sqlite3.connect(tmp_path / FILE_NAME) as connection:
        tables = connection.execute("SELECT name FROM sqlite_master").fetchall()
    assert tables == [("briefs_v9",)]


# Joined to the query ----------------------------------------------------------------------------


def test_the_marks_answer_the_filter_through_the_index(tmp_path: Path) -> None:
    from tests.kit.corpus import make_named_corpus

    corpus = open_corpus(make_named_corpus(tmp_path / "c"))
    annotations = Annotations(tmp_path / "state", CORPUS)
    annotations.set_read("tj")
    annotations.set_tags("mx", ["Aduana"])
    annotations.set_note("tx", "see")
    marks = annotations.marks(bookmarked={"tx"})

    def keys(query: str) -> list[str]:
        return [corpus.entries[p].key for p in corpus.entries.find(parse_query(query), marks)]

    assert keys("is:unread") == ["mx", "tx", "draft"]
    assert keys("tag:adu") == ["mx"]
    assert keys("has:note is:bookmarked") == ["tx"]
    # The marks are live: a change shows at the next query.
    annotations.set_read("mx")
    assert keys("is:unread") == ["tx", "draft"]
    assert corpus.entries.facets(parse_query(""), "tag", marks=marks) == [("Aduana", 1)]


def test_a_tag_too_long_is_quoted_cut_short_visibly_with_its_length(tmp_path: Path) -> None:
    # It was quoted as its first 50 characters, which read as the whole tag.
    tag = "averyveryveryveryveryveryverylongtagnamethatexceedsthelimit"
    with pytest.raises(AnnotationError) as raised:
        Annotations(tmp_path, CORPUS).set_tags("a", [tag])
    message = str(raised.value)
    assert tag[:40] in message and tag not in message
    assert "…" in message and f"has {len(tag)}" in message
