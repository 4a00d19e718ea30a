"""A corpus folder moved or renamed: the notes, tags, bookmarks and read marks left under its old
folder are found by the briefs it shares with the corpus, and brought over on the user's word."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.kit.corpus import fields, make_corpus, make_named_corpus
from tui.core.annotations import FILE_NAME, MAX_TAGS, NOTES_TAKEN_OVER_BY, Annotations
from tui.core.bookmarks import BookmarkStore
from tui.core.moved_corpus import CannotBringOver, bring_over, left_behind, let_go, moved_from
from tui.core.userstate import corpus_key

IDS = {"mx", "tj", "tx", "draft"}
"""The briefs of :func:`make_named_corpus`."""


def file_rows(folder: Path, table: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(folder / FILE_NAME) as connection:
        return sorted(connection.execute(f"SELECT * FROM {table}").fetchall())


def annotations_of(root: Path, state: Path) -> Annotations:
    return Annotations(state, corpus_key(root))


def keep_some(root: Path, state: Path) -> None:
    """A note and tags on mx, tj read and marked, tx marked unread: as a reader left them."""
    annotations = annotations_of(root, state)
    annotations.set_note("mx", "Call the council")
    annotations.set_tags("mx", ["usmca", "Aduana"])
    annotations.set_read("tj")
    annotations.set_read("tx")
    annotations.set_read("tx", False)
    annotations.close()
    BookmarkStore(state, corpus_key(root)).set("tj", True)


@pytest.fixture
def moved(tmp_path: Path, private_state: Path) -> tuple[Path, str]:
    """A corpus whose notes and marks were made at ``news``, renamed ``news-2025``; the new
    folder and the old one's name in the state."""
    old = make_named_corpus(tmp_path / "news")
    keep_some(old, private_state)
    return old.rename(tmp_path / "news-2025"), corpus_key(old)


def test_a_renamed_corpus_finds_its_old_folder_by_the_briefs_they_share(
    moved: tuple[Path, str],
) -> None:
    root, old = moved
    (found,) = left_behind(root, IDS)
    assert (found.folder, found.gone, found.kept, found.here) == (old, True, 3, 3)
    assert not found.there and found.described().endswith("the folder is gone")
    assert left_behind(root, {"mx", "other"})[0].here == 1


def test_another_corpus_with_no_brief_of_this_one_is_not_its_old_folder(
    tmp_path: Path, private_state: Path
) -> None:
    # A corpus deleted on purpose, whose ids are not this corpus's: nothing to tell.
    other = make_named_corpus(tmp_path / "other")
    keep_some(other, private_state)
    for brief in (other / "briefs").iterdir():
        brief.unlink()
    (other / "briefs").rmdir()
    root = make_named_corpus(tmp_path / "news")
    assert left_behind(root, {"a", "b"}) == []
    assert left_behind(root, IDS)[0].gone  # the same ids: it may well have been this corpus


def test_a_folder_still_holding_its_corpus_is_told_as_there(
    tmp_path: Path, private_state: Path
) -> None:
    # A copy of the corpus: the first is still a corpus, and what is kept for it stays with it.
    first = make_named_corpus(tmp_path / "news")
    keep_some(first, private_state)
    copy = make_named_corpus(tmp_path / "copy")
    (found,) = left_behind(copy, IDS)
    assert not found.gone
    with pytest.raises(CannotBringOver, match="still holds most of the briefs"):
        bring_over(copy, str(first), IDS)
    with pytest.raises(CannotBringOver, match="still holds most of the briefs"):
        let_go(copy, str(first))
    assert annotations_of(first, private_state).notes == {"mx": "Call the council"}


def test_tags_alone_or_a_bookmark_alone_are_found_too(tmp_path: Path, private_state: Path) -> None:
    tagged = make_named_corpus(tmp_path / "tagged")
    annotations_of(tagged, private_state).set_tags("mx", ["usmca"])
    tagged.rename(tmp_path / "tagged-moved")
    marked = make_named_corpus(tmp_path / "marked")
    BookmarkStore(private_state, corpus_key(marked)).set("tx", True)
    marked.rename(tmp_path / "marked-moved")
    root = make_named_corpus(tmp_path / "now")
    assert {found.folder for found in left_behind(root, IDS)} == {
        corpus_key(tagged),
        corpus_key(marked),
    }


@pytest.mark.skipif(os.name != "posix", reason="folder names as bytes are a POSIX matter")
def test_a_folder_named_in_bytes_that_are_not_utf8_is_told_gone_only_once_gone(
    tmp_path: Path, private_state: Path
) -> None:
    old = Path(os.fsdecode(os.fsencode(tmp_path) + b"/caf\xe9"))
    try:
        make_named_corpus(old)
    except OSError:
        pytest.skip("this file system takes names in UTF-8 only")
    keep_some(old, private_state)
    assert "\\xe9" in corpus_key(old)
    root = make_named_corpus(tmp_path / "now")
    assert not left_behind(root, IDS)[0].gone
    old.rename(tmp_path / "cafe")
    assert left_behind(root, IDS)[0].gone


def test_bringing_over_makes_the_old_folders_notes_tags_marks_and_bookmarks_the_corpus(
    moved: tuple[Path, str], private_state: Path
) -> None:
    root, old = moved
    named, brought = bring_over(root, old, IDS)
    assert named == old
    assert (brought.annotations.notes, brought.annotations.tag_lists, brought.bookmarks) == (
        1,
        1,
        1,
    )
    annotations = annotations_of(root, private_state)
    assert annotations.notes == {"mx": "Call the council"}
    assert annotations.tags == {"mx": ("usmca", "Aduana")}
    assert annotations.read == {"tj"}
    assert annotations.kept_unread == {"tx"}
    assert BookmarkStore(private_state, corpus_key(root)).ids == {"tj"}
    # Nothing is left under the old folder: nothing to tell any more.
    assert left_behind(root, IDS) == []


def test_the_old_folder_is_named_as_the_user_types_it(
    moved: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, old = moved
    monkeypatch.chdir(tmp_path)
    assert bring_over(root, "news/", IDS)[0] == old


def test_a_brief_noted_in_both_folders_keeps_both_notes_and_both_tags(
    moved: tuple[Path, str], private_state: Path
) -> None:
    root, old = moved
    annotations = annotations_of(root, private_state)
    annotations.set_note("mx", "Ask about the second shift")
    annotations.set_tags("mx", ["USMCA", "labor"])
    annotations.close()
    _, brought = bring_over(root, old, IDS)
    assert brought.annotations.notes_joined == 1
    again = annotations_of(root, private_state)
    joined = NOTES_TAKEN_OVER_BY.format(folder=old)
    assert again.notes["mx"] == f"Ask about the second shift{joined}Call the council"
    assert again.tags["mx"] == ("USMCA", "labor", "Aduana")


def test_tags_that_together_would_be_too_many_stay_where_they_are(
    moved: tuple[Path, str], private_state: Path
) -> None:
    root, old = moved
    many = [f"t{n}" for n in range(MAX_TAGS)]
    annotations_of(root, private_state).set_tags("mx", many)
    _, brought = bring_over(root, old, IDS)
    assert brought.annotations.tags_left == (("mx", ("usmca", "Aduana")),)
    # The tags left are named, with what to do about them.
    told = "\n".join(brought.described(old))
    assert "on mx, the tags usmca, Aduana" in told and "moved --forget" in told
    assert annotations_of(root, private_state).tags["mx"] == tuple(many)
    # Not lost: still under the old folder, where the command says they are.
    assert Annotations(private_state, old).tags["mx"] == ("usmca", "Aduana")


def test_a_folder_nothing_is_kept_for_is_refused_naming_those_that_are(
    moved: tuple[Path, str],
) -> None:
    root, old = moved
    with pytest.raises(CannotBringOver) as refused:
        bring_over(root, "/nowhere", IDS)
    assert old in str(refused.value)


def test_notes_that_cannot_be_written_bring_nothing_over(
    moved: tuple[Path, str], private_state: Path
) -> None:
    root, old = moved
    with sqlite3.connect(private_state / FILE_NAME) as connection:
        connection.execute("PRAGMA user_version = 99")  # from a newer briefing
    with pytest.raises(CannotBringOver, match="newer briefing"):
        bring_over(root, old, IDS)
    assert BookmarkStore(private_state, old).ids == {"tj"}
    assert BookmarkStore(private_state, corpus_key(root)).ids == set()


def test_what_was_brought_over_is_told_without_what_was_not(
    moved: tuple[Path, str], private_state: Path
) -> None:
    root, old = moved
    BookmarkStore(private_state, corpus_key(root)).set("tj", True)
    named, brought = bring_over(root, old, IDS)
    assert brought.described(named) == [
        f"Brought over from {old}: 1 note, the tags of 1 brief and 1 read mark"
    ]


def test_a_corpus_sharing_a_few_of_a_gone_folders_briefs_was_not_moved_from_it(
    tmp_path: Path, private_state: Path
) -> None:
    # A corpus renamed, and another that shares only one of its briefs (the shipped ones,
    # say): all that was kept for the first went to the second, in no view of either.
    first = make_named_corpus(tmp_path / "work")
    keep_some(first, private_state)
    first.rename(tmp_path / "work-2025")
    other = make_named_corpus(tmp_path / "other")
    (shared,) = left_behind(other, {"mx"})
    assert shared.here == 1 and not shared.movable
    assert moved_from(other, {"mx"}) is None
    with pytest.raises(CannotBringOver, match="another corpus"):
        bring_over(other, corpus_key(first), {"mx"})
    assert Annotations(private_state, corpus_key(first)).notes == {"mx": "Call the council"}


def test_a_copy_deleted_on_purpose_is_let_go_on_the_users_word(
    tmp_path: Path, private_state: Path
) -> None:
    root = make_named_corpus(tmp_path / "news")
    keep_some(root, private_state)
    copy = make_named_corpus(tmp_path / "scratch")
    annotations_of(copy, private_state).set_note("mx", "scratch")
    shutil.rmtree(copy)
    # It may as well be where the corpus was moved from: told, until brought over or let go.
    found = moved_from(root, IDS)
    assert found is not None and found.folder == corpus_key(copy)
    assert let_go(root, str(copy)) == (corpus_key(copy), 1)
    assert moved_from(root, IDS) is None and left_behind(root, IDS) == []
    assert annotations_of(root, private_state).notes == {"mx": "Call the council"}
    assert BookmarkStore(private_state, corpus_key(root)).ids == {"tj"}


@pytest.mark.parametrize("bring", [True, False], ids=["brought-over", "let-go"])
def test_a_corpus_begun_in_a_renamed_ones_place_keeps_its_own_notes(
    moved: tuple[Path, str], tmp_path: Path, private_state: Path, bring: bool
) -> None:
    # A yearly rollover: "news" renamed "news-2025", a new "news" begun with other briefs,
    # already noted and bookmarked. Bringing the old notes over took the new corpus's too, and
    # letting them go deleted them.
    root, old = moved
    new = make_corpus(tmp_path / "news", {"other.yaml": fields("other")})
    annotations_of(new, private_state).set_note("other", "The new year's")
    BookmarkStore(private_state, corpus_key(new)).set("other", True)
    (found,) = left_behind(root, IDS)
    assert found.gone and found.movable
    if bring:
        bring_over(root, old, IDS)
        assert annotations_of(root, private_state).notes == {"mx": "Call the council"}
    else:
        let_go(root, old)
        assert annotations_of(root, private_state).notes == {}
    assert left_behind(root, IDS) == []
    assert annotations_of(new, private_state).notes == {"other": "The new year's"}
    assert BookmarkStore(private_state, corpus_key(new)).ids == {"other"}


def test_a_folder_another_corpus_was_begun_in_is_no_sign_of_this_one_moving(
    moved: tuple[Path, str], tmp_path: Path, private_state: Path
) -> None:
    # The reader told at every start that a folder holding a corpus "is gone", and to bring
    # what was kept for it over.
    root, old = moved
    make_corpus(tmp_path / "news", {"other.yaml": fields("other")})
    (found,) = left_behind(root, IDS)
    assert found.there and found.described().endswith("the folder no longer holds them")
    assert moved_from(root, IDS) is None
    bring_over(root, old, IDS)  # on the user's word, all the same
    assert annotations_of(root, private_state).notes == {"mx": "Call the council"}


def test_only_the_briefs_of_this_corpus_are_brought_over(
    moved: tuple[Path, str], private_state: Path
) -> None:
    # Most of the old folder's briefs are here; one, deleted since, is not: it stays there.
    root, old = moved
    annotations = Annotations(private_state, old)
    annotations.set_note("deleted-since", "Kept where it was")
    annotations.close()
    bring_over(root, old, IDS)
    assert "deleted-since" not in annotations_of(root, private_state).notes
    assert Annotations(private_state, old).notes == {"deleted-since": "Kept where it was"}


def test_a_brief_marked_unread_here_and_read_there_is_read(
    moved: tuple[Path, str], private_state: Path
) -> None:
    root, old = moved
    annotations = annotations_of(root, private_state)
    annotations.set_read("tj")
    annotations.set_read("tj", False)  # unread here; read under the old folder
    annotations.close()
    bring_over(root, old, IDS)
    assert file_rows(private_state, "kept_unread") == [(corpus_key(root), "tx")]


def test_state_that_cannot_be_read_is_said_so_not_taken_for_none(
    moved: tuple[Path, str], private_state: Path
) -> None:
    root, old = moved
    (private_state / f"{FILE_NAME}-wal").mkdir()
    with pytest.raises(CannotBringOver, match="Cannot read notes file"):
        left_behind(root, IDS)
    with pytest.raises(CannotBringOver, match="Cannot read notes file"):
        bring_over(root, old, IDS)


@pytest.mark.parametrize("name", ["/gone\\x00dir", "/gone\ud800"])
def test_a_folder_name_no_folder_can_have_is_gone(private_state: Path, name: str) -> None:
    # Such a name in the bookmarks file ended the reader at every start.
    root_ids = {"mx"}
    (private_state / "bookmarks.json").write_text(
        json.dumps({"version": 1, "corpora": {name: ["mx"]}}), encoding="utf-8"
    )
    (found,) = left_behind(Path("/corpora/news"), root_ids)
    assert found.gone


def test_a_corpus_renamed_is_told_the_folder_it_was_moved_from(
    moved: tuple[Path, str], private_state: Path
) -> None:
    root, old = moved
    found = moved_from(root, IDS)
    assert found is not None and found.folder == old


def test_naming_the_corpus_own_folder_says_so(moved: tuple[Path, str]) -> None:
    root, _ = moved
    with pytest.raises(CannotBringOver, match="this corpus's own folder") as bringing:
        bring_over(root, str(root), IDS)
    assert str(bringing.value).endswith("give the folder the corpus was moved from")
    # Letting go is not bringing over: it says what --forget is for.
    with pytest.raises(CannotBringOver, match="this corpus's own folder") as letting_go:
        let_go(root, str(root))
    assert str(letting_go.value).endswith(
        "--forget lets go of what is kept for another folder, one that is gone"
    )
