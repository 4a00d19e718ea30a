"""Bookmarks: kept per corpus, never lost to a bad file, a read-only folder or a second copy."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.kit.locks import bookmarks_locked, needs_file_locks
from tests.kit.special import named_pipe, needs_pipes, without_waiting
from tui.core import bookmarks
from tui.core.bookmarks import BookmarkStore
from tui.core.userstate import corpus_key, state_dir

CORPUS = "/corpora/news"


def saved(folder: Path) -> dict[str, list[str]]:
    """The bookmarks file as another program would read it."""
    return json.loads((folder / "bookmarks.json").read_text(encoding="utf-8"))["corpora"]


def asides(folder: Path) -> list[Path]:
    return sorted(folder.glob("bookmarks.json.unreadable-*"))


# The everyday cases ----------------------------------------------------------------------------


def test_toggle_adds_then_removes(tmp_path: Path) -> None:
    store = BookmarkStore(tmp_path, CORPUS)
    assert store.toggle("a") is True
    assert "a" in store
    assert store.toggle("a") is False
    assert "a" not in store
    assert store.notices == [] and store.save_error is None


def test_bookmarks_persist_across_stores(tmp_path: Path) -> None:
    first = BookmarkStore(tmp_path, CORPUS)
    first.toggle("a")
    first.toggle("b")
    first.toggle("a")
    assert BookmarkStore(tmp_path, CORPUS).ids == {"b"}
    assert saved(tmp_path) == {CORPUS: ["b"]}


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_the_bookmarks_file_is_readable_by_its_owner_alone(tmp_path: Path) -> None:
    BookmarkStore(tmp_path, CORPUS).toggle("a")
    assert stat.S_IMODE((tmp_path / "bookmarks.json").stat().st_mode) == 0o600


def test_a_bookmarks_file_linked_from_elsewhere_is_written_where_it_is(tmp_path: Path) -> None:
    # A user keeping the file in a folder of their own, linked from the state folder: the link
    # was replaced by a plain file, and the file they keep stopped changing.
    kept = tmp_path / "dotfiles" / "bookmarks.json"
    kept.parent.mkdir()
    state = tmp_path / "state"
    state.mkdir()
    BookmarkStore(kept.parent, CORPUS).toggle("a")
    (state / "bookmarks.json").symlink_to(kept)

    BookmarkStore(state, CORPUS).toggle("b")

    assert (state / "bookmarks.json").is_symlink()
    assert saved(kept.parent) == {CORPUS: ["a", "b"]}
    assert not list(state.glob("*.tmp"))


def test_bookmarks_are_kept_per_corpus(tmp_path: Path) -> None:
    BookmarkStore(tmp_path, "/corpora/one").toggle("shared-id")
    assert "shared-id" not in BookmarkStore(tmp_path, "/corpora/two")
    BookmarkStore(tmp_path, "/corpora/two").toggle("other")
    assert BookmarkStore(tmp_path, "/corpora/one").ids == {"shared-id"}


def test_a_corpus_is_known_by_its_real_folder(tmp_path: Path) -> None:
    real = tmp_path / "corpus"
    real.mkdir()
    (tmp_path / "link").symlink_to(real)
    assert corpus_key(tmp_path / "link") == corpus_key(real)
    assert corpus_key(real / ".." / "corpus") == corpus_key(real)
    assert corpus_key(tmp_path / "other") != corpus_key(real)


def test_a_bookmark_whose_brief_is_gone_is_kept(tmp_path: Path) -> None:
    # The store knows nothing of which briefs exist: a brief may come back, or be renamed back.
    store = BookmarkStore(tmp_path, CORPUS)
    store.toggle("deleted-brief")
    BookmarkStore(tmp_path, CORPUS).toggle("another")
    assert BookmarkStore(tmp_path, CORPUS).ids == {"deleted-brief", "another"}


def test_the_state_folder_comes_from_the_environment(tmp_path: Path) -> None:
    assert state_dir({"BRIEFING_STATE_DIR": str(tmp_path)}) == tmp_path


# A bookmarks file that cannot be read ------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        b"\x00\xff\xfe not json at all",
        b'{"version": 1, "corpora": {"/corpora/news": ["a", "b"',  # truncated
        b"",
        b"[1, 2, 3]",
        b'{"version": 1}',
        b'{"version": 1, "corpora": ["a"]}',
        b"[" * 100_000,  # deep enough to exhaust the JSON parser's recursion
        b'{"corpora": {"x": [' + b"1" * 10_000 + b"]}}",  # a number too long to convert
    ],
    ids=["garbage", "truncated", "empty", "list", "no-corpora", "corpora-list", "deep", "huge-int"],
)
def test_an_unreadable_file_is_set_aside_and_the_user_told(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "bookmarks.json").write_bytes(content)
    store = BookmarkStore(tmp_path, CORPUS)
    assert len(store.notices) == 1
    (aside,) = asides(tmp_path)
    assert str(aside) in store.notices[0]
    assert aside.read_bytes() == content
    assert store.ids == set()
    # The app goes on: bookmarks work and are saved.
    store.toggle("new")
    assert store.save_error is None
    fresh = BookmarkStore(tmp_path, CORPUS)
    assert fresh.ids == {"new"}
    assert fresh.notices == []  # told once, not at every start


def test_what_can_be_read_of_a_damaged_file_is_kept(tmp_path: Path) -> None:
    damaged = {"version": 1, "corpora": {CORPUS: ["a", 3, None, "b"], "/other": ["x"]}}
    (tmp_path / "bookmarks.json").write_text(json.dumps(damaged), encoding="utf-8")
    store = BookmarkStore(tmp_path, CORPUS)
    assert store.ids == {"a", "b"}
    assert len(store.notices) == 1 and len(asides(tmp_path)) == 1
    store.toggle("c")
    assert BookmarkStore(tmp_path, CORPUS).ids == {"a", "b", "c"}
    assert BookmarkStore(tmp_path, "/other").ids == {"x"}


def test_a_file_from_a_newer_briefing_is_read_but_never_written_over(tmp_path: Path) -> None:
    newer = {"version": 2, "corpora": {CORPUS: ["a", {"id": "b"}]}, "notes": {"a": "check"}}
    content = json.dumps(newer).encode()
    (tmp_path / "bookmarks.json").write_bytes(content)
    store = BookmarkStore(tmp_path, CORPUS)
    assert store.ids == {"a"}
    assert store.save_error is not None and "of format 2, from a newer briefing" in store.save_error
    store.toggle("c")
    assert store.ids == {"a", "c"}  # kept for the session
    assert store.save_error is not None and "session only" in store.save_error
    # No try could save it: the reader does not try again and again in the background.
    assert store.unsaved_changes == 1 and not store.waits_to_save
    assert (tmp_path / "bookmarks.json").read_bytes() == content
    assert asides(tmp_path) == [] and store.notices == []


def test_bookmarks_are_saved_again_once_the_newer_file_is_gone(tmp_path: Path) -> None:
    (tmp_path / "bookmarks.json").write_text('{"version": 2, "corpora": {}}')
    store = BookmarkStore(tmp_path, CORPUS)
    store.toggle("a")
    assert store.save_error is not None
    (tmp_path / "bookmarks.json").unlink()
    store.toggle("b")
    assert store.save_error is None
    assert saved(tmp_path) == {CORPUS: ["a", "b"]}


@pytest.mark.parametrize("version", ['"1"', "0", "true", "null"])
def test_a_file_of_an_unknown_format_is_set_aside_keeping_what_can_be_read(
    tmp_path: Path, version: str
) -> None:
    content = f'{{"version": {version}, "corpora": {{"{CORPUS}": ["a"]}}}}'.encode()
    (tmp_path / "bookmarks.json").write_bytes(content)
    store = BookmarkStore(tmp_path, CORPUS)
    assert store.ids == {"a"}
    (aside,) = asides(tmp_path)
    assert aside.read_bytes() == content
    (notice,) = store.notices
    assert "has a format this briefing does not know" in notice
    store.toggle("b")
    assert store.save_error is None
    assert json.loads((tmp_path / "bookmarks.json").read_text(encoding="utf-8"))["version"] == 1
    assert saved(tmp_path) == {CORPUS: ["a", "b"]}


def test_a_huge_bookmarks_file_is_set_aside_unread(tmp_path: Path) -> None:
    with (tmp_path / "bookmarks.json").open("wb") as handle:
        handle.truncate(64 * 1024 * 1024)  # sparse: costs no disk
    store = BookmarkStore(tmp_path, CORPUS)
    assert len(store.notices) == 1 and "larger than" in store.notices[0]
    assert len(asides(tmp_path)) == 1
    store.toggle("a")
    assert BookmarkStore(tmp_path, CORPUS).ids == {"a"}


def test_reloading_does_not_repeat_a_notice(tmp_path: Path) -> None:
    (tmp_path / "bookmarks.json").write_bytes(b"{broken")
    store = BookmarkStore(tmp_path, CORPUS)
    store.reload()
    store.reload()
    assert len(store.notices) == 1


def test_two_damaged_files_in_one_second_are_both_kept(tmp_path: Path) -> None:
    for content in (b"{first", b"{second"):
        (tmp_path / "bookmarks.json").write_bytes(content)
        BookmarkStore(tmp_path, CORPUS)
    assert sorted(p.read_bytes() for p in asides(tmp_path)) == [b"{first", b"{second"]


# A state folder that cannot be written ---------------------------------------------------------


@pytest.mark.parametrize("below", [True, False], ids=["folder-below-a-file", "folder-is-a-file"])
def test_an_unwritable_state_folder_keeps_bookmarks_for_the_session(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, below: bool
) -> None:
    # Tests may run as root, whom file modes do not stop; a folder below a file stops anyone.
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("BRIEFING_STATE_DIR", str(blocker / "state" if below else blocker))
    store = BookmarkStore(state_dir(), CORPUS)
    told = store.save_error
    assert told is not None and f"({blocker} is a file, not a folder)" in told
    assert told.endswith("set BRIEFING_STATE_DIR to another")  # what to do about it
    # Told the same way when read and before and after a bookmark (not as "File exists").
    assert [notice.split(": ", 1)[1] for notice in store.notices] == [
        f"{blocker} is a file, not a folder"
    ]
    assert store.toggle("a") is True
    assert store.toggle("b") is True
    assert store.ids == {"a", "b"}
    assert store.save_error == told
    store.reload()
    assert store.ids == {"a", "b"}  # still there for the session
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_bookmarks_kept_while_unwritable_are_saved_when_writing_works_again(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "state"
    folder.write_text("in the way", encoding="utf-8")
    store = BookmarkStore(folder, CORPUS)
    store.toggle("a")
    assert store.save_error is not None
    folder.unlink()
    store.toggle("b")
    assert store.save_error is None
    assert BookmarkStore(folder, CORPUS).ids == {"a", "b"}


def test_a_bookmarks_file_that_is_a_folder_is_reported(tmp_path: Path) -> None:
    (tmp_path / "bookmarks.json").mkdir()
    store = BookmarkStore(tmp_path, CORPUS)
    assert len(store.notices) == 1 and str(tmp_path / "bookmarks.json") in store.notices[0]
    store.toggle("a")
    assert "a" in store and store.save_error is not None
    assert store.unsaved_changes == 1 and not store.waits_to_save


@needs_pipes
def test_a_named_pipe_for_a_bookmarks_file_is_named_and_not_waited_on(tmp_path: Path) -> None:
    # Opening it waited for a writer: the reader never started.
    pipe = named_pipe(tmp_path / "bookmarks.json")
    store = without_waiting(lambda: BookmarkStore(tmp_path, CORPUS))
    assert len(store.notices) == 1 and str(pipe) in store.notices[0]
    assert "not a regular file" in store.notices[0]
    without_waiting(lambda: store.toggle("a"))
    assert "a" in store and store.save_error is not None and "kept for now" in store.save_error
    assert pipe.is_fifo()


# Two copies at once ----------------------------------------------------------------------------

TOGGLER = """
import sys
from pathlib import Path
from tui.core.bookmarks import BookmarkStore

folder, corpus, prefix, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
store = BookmarkStore(Path(folder), corpus)
sys.stdin.readline()  # start together with the other copy
for number in range(count):
    store.toggle(f"{prefix}-{number}")
print(store.save_error or "saved", *store.notices)
"""

READER = """
import sys
from pathlib import Path
from tui.core.bookmarks import BookmarkStore

folder, corpus, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
sys.stdin.readline()
seen = 0
for _ in range(count):
    store = BookmarkStore(Path(folder), corpus)
    if store.notices:
        print(*store.notices)
        break
    seen = max(seen, len(store.ids))
print("read", seen)
"""


def start(script: str, *args: object) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", script, *map(str, args)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def run_together(*processes: subprocess.Popen[str]) -> list[str]:
    for process in processes:
        assert process.stdin is not None
        process.stdin.write("go\n")
        process.stdin.flush()
    outputs = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        outputs.append(out.strip())
    return outputs


def test_two_copies_toggling_at_once_lose_no_bookmark(tmp_path: Path) -> None:
    count = 60
    first = start(TOGGLER, tmp_path, CORPUS, "first", count)
    second = start(TOGGLER, tmp_path, CORPUS, "second", count)
    assert run_together(first, second) == ["saved", "saved"]
    expected = {f"{p}-{n}" for p in ("first", "second") for n in range(count)}
    assert BookmarkStore(tmp_path, CORPUS).ids == expected


def test_a_reader_never_sees_a_half_written_file(tmp_path: Path) -> None:
    count = 60
    writer = start(TOGGLER, tmp_path, CORPUS, "w", count)
    reader = start(READER, tmp_path, CORPUS, count * 2)
    written, read_result = run_together(writer, reader)
    assert written == "saved"
    assert read_result.startswith("read "), read_result  # no store ever found the file damaged
    assert asides(tmp_path) == []
    assert len(BookmarkStore(tmp_path, CORPUS).ids) == count


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"[1, 2]", "it holds a list, not an object"),
        (b"3", "it holds a number, not an object"),
        (b'{"version": 1}', 'it has no "corpora" object'),
    ],
)
def test_a_file_that_is_json_but_no_bookmarks_says_what_it_holds(
    tmp_path: Path, content: bytes, said: str
) -> None:
    # "Bookmarks file is not a bookmarks file": true, and no help.
    (tmp_path / "bookmarks.json").write_bytes(content)
    (notice,) = BookmarkStore(tmp_path, CORPUS).notices
    assert f"is not a bookmarks file: {said}" in notice


@needs_file_locks
def test_a_bookmark_given_while_another_copy_keeps_the_lock_is_kept_and_saved_later(
    tmp_path: Path,
) -> None:
    # The screen waited for as long as the lock was kept: no key was answered meanwhile.
    store = BookmarkStore(tmp_path, CORPUS)
    store.toggle("a")
    with bookmarks_locked(tmp_path):
        assert without_waiting(lambda: store.toggle("b")) is True
        assert store.ids == {"a", "b"} and store.unsaved_changes == 1
        assert store.save_error is not None and "kept for now" in store.save_error
        assert saved(tmp_path) == {CORPUS: ["a"]}
        without_waiting(store.reload)  # reading does without the lock
        assert store.ids == {"a", "b"}
        assert store.waits_to_save  # the lock will go
        store.save(wait=False)  # a try in the background meets the lock at once
        assert store.unsaved_changes == 1
    store.save()
    assert store.save_error is None and store.unsaved_changes == 0
    assert saved(tmp_path) == {CORPUS: ["a", "b"]}


def test_a_lock_file_in_the_way_is_named_where_bookmarks_cannot_be_saved(
    tmp_path: Path,
) -> None:
    # "(Is a directory)" named no file: the user could not tell what was in the way.
    (tmp_path / "bookmarks.json.lock").mkdir()
    store = BookmarkStore(tmp_path, CORPUS)
    store.toggle("a")
    assert store.save_error is not None and "(bookmarks.json.lock: " in store.save_error
    assert "make that a folder" not in store.save_error  # the folder is not what is wrong
    assert store.ids == {"a"}  # kept for the session


def test_a_lock_file_that_is_a_folder_is_told_with_what_to_do(tmp_path: Path) -> None:
    # Named, but not what to do: the user could not tell the folder may simply go.
    lock = tmp_path / "bookmarks.json.lock"
    lock.mkdir()
    store = BookmarkStore(tmp_path, CORPUS)
    store.toggle("a")
    assert store.save_error is not None
    assert store.save_error.endswith(
        f"kept for now. To save them, delete or rename the folder {lock}: briefing keeps a file"
        " of its own there"
    )
    lock.rmdir()
    store.save()
    assert store.save_error is None and saved(tmp_path) == {CORPUS: ["a"]}


def test_a_store_that_only_reads_makes_no_lock_where_there_is_none(tmp_path: Path) -> None:
    # A command left bookmarks.json.lock beside the bookmarks it read.
    BookmarkStore(tmp_path, CORPUS).toggle("a")
    lock = tmp_path / "bookmarks.json.lock"
    lock.unlink()
    assert BookmarkStore(tmp_path, CORPUS, set_aside_unreadable=False).ids == {"a"}
    assert not lock.exists()
    # A writer, which may set the file aside as it reads, makes it as ever.
    assert BookmarkStore(tmp_path, CORPUS).ids == {"a"} and lock.exists()


def test_a_store_that_only_reads_reads_again_under_a_lock_made_while_it_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Read without a lock, the file may be away for a moment: a reader starting meanwhile, which
    # makes the lock first, sets a damaged file aside and writes back what it could read.
    BookmarkStore(tmp_path, CORPUS).toggle("a")
    lock = tmp_path / "bookmarks.json.lock"
    lock.unlink()
    read = bookmarks.read_limited
    reads: list[bool] = []

    def read_as_another_copy_starts(path: Path, limit: int, what: str) -> bytes:
        reads.append(lock.exists())
        if len(reads) == 1:
            lock.touch()  # the other copy has made the lock, and has the file aside
            raise FileNotFoundError(path)
        return read(path, limit, what)

    monkeypatch.setattr(bookmarks, "read_limited", read_as_another_copy_starts)
    assert BookmarkStore(tmp_path, CORPUS, set_aside_unreadable=False).ids == {"a"}
    assert reads == [False, True]


def test_a_state_folder_moved_away_while_the_reader_runs_keeps_every_bookmark(
    tmp_path: Path,
) -> None:
    # The next bookmark made wrote a new file holding it alone: the others were lost.
    folder = tmp_path / "state"
    store = BookmarkStore(folder, "/corpora/news")
    store.set("a", True)
    store.set("b", True)
    folder.rename(tmp_path / "state-old")
    store.set("c", True)
    assert BookmarkStore(folder, "/corpora/news").ids == {"a", "b", "c"}
    # Given and taken away meanwhile: the removal holds.
    (folder / "bookmarks.json").unlink()
    store.set("a", False)
    assert BookmarkStore(folder, "/corpora/news").ids == {"b", "c"}
