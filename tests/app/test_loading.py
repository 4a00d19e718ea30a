"""Opening a corpus: the rows of the cache's index at once, the corpus when it has loaded, and
how far the reading has got while there is no index to show."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import gc
import importlib
import sqlite3
import threading
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, cast

import pytest
from textual.pilot import Pilot

from tests.kit.corpus import (
    BriefSpec,
    FactSpec,
    journal_size,
    make_large_corpus,
    write_article,
    write_brief,
)
from tests.kit.pilot import (
    bookmark_of,
    brief_lines,
    export_mark_of,
    list_rows,
    listed_keys,
    main_screen,
    notifications_into,
    settle,
    strong_text,
    until,
    wait_for_screen,
    within,
)
from tui.app.app import BriefingApp
from tui.app.main import make_app
from tui.app.reader.loading import CorpusChanged, IndexDamaged
from tui.app.reader.screen import REBUILDING_NOTICE, MainScreen
from tui.app.screens.annotate import NoteDialog
from tui.app.widgets.key_footer import KeyFooter
from tui.core.annotations import Annotations
from tui.core.bookmarks import BookmarkStore
from tui.core.model import Corpus, Entries
from tui.core.search import MAX_TERMS, QUOTED_WORDS_NOTE, parse_query
from tui.core.store import Progress, index_file, load_corpus, open_corpus
from tui.core.store.refresh import BATCH
from tui.core.store.view import StoredEntries
from tui.core.userstate import corpus_key, state_dir

# The package names a function after this module: the module itself is taken from the imports.
refresh = importlib.import_module("tui.core.store.refresh")

NEWEST = "Mayor Norma Alicia Bustamante of Mexicali"
SECOND = "Mexicali Business Coordinating Council"
THIRD = "Mexico, US Draft Work Plan"
THIRD_ID = "mexico-us-economic-dialogue-work-plan"

Loader = Callable[..., Corpus]


@pytest.fixture
def gate() -> Iterator[threading.Event]:
    """Holds the corpus back until set; set in any case once the test is over."""
    event = threading.Event()
    yield event
    event.set()


def held_back(gate: threading.Event) -> Loader:
    """``open_corpus`` that waits for ``gate`` before it loads anything."""

    def load(root: Path, cache_dir: Path | None = None, **options: Any) -> Corpus:
        gate.wait(timeout=30)
        return open_corpus(root, cache_dir, **options)

    return load


@pytest.fixture
def app_on_index(
    corpus_dir: Path, gate: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> BriefingApp:
    """The reader on a corpus whose cache an earlier start wrote; its corpus waits for ``gate``."""
    open_corpus(corpus_dir)
    monkeypatch.setattr("tui.core.store.open_corpus", held_back(gate))
    return BriefingApp(corpus_dir)


@contextlib.asynccontextmanager
async def index_shown(app: BriefingApp) -> AsyncIterator[tuple[Pilot[object], MainScreen]]:
    """Run ``app`` until the panes show the first brief of the index, read from its file."""
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: brief_lines(app).startswith(NEWEST))
        yield cast("Pilot[object]", pilot), main_screen(app)


async def let_the_corpus_in(pilot: Pilot[object], gate: threading.Event) -> None:
    """Let the held-back corpus load, and wait until the screen has taken it in."""
    gate.set()
    await within(pilot, lambda: main_screen(pilot.app).up_to_date, "the index up to date")
    await settle(pilot)


async def test_the_rows_of_the_index_show_before_the_corpus_loads(
    corpus_dir: Path,
    private_state: Path,
    gate: threading.Event,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    open_corpus(corpus_dir)  # an earlier start wrote the cache, and its index with it
    BookmarkStore(private_state, corpus_key(corpus_dir)).toggle(
        "mexico-us-economic-dialogue-work-plan"
    )
    monkeypatch.setattr("tui.core.store.open_corpus", held_back(gate))
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        assert not screen.up_to_date
        rows = [" ".join(row.split()) for row in list_rows(app)]
        assert len(rows) == 5
        assert rows[0].startswith(NEWEST[:45]) and rows[0].endswith("2025-01-14 · en")
        assert rows[2].startswith(f"★ {THIRD}") and rows[2].endswith("2021-12-16 · en")
        assert rows[4].endswith("undated · es")
        # The header counts the index's briefs and bookmarks: nothing on screen waits.
        assert screen.sub_title == "5 briefs · 4 unread · 1 bookmarked · 0 marked"
        assert brief_lines(app).startswith(NEWEST)
        # The list moves, and takes bookmarks and marks, at once; the brief under the cursor is
        # read from its file.
        await pilot.press("j", "b", "space", "j")
        await until(pilot, lambda: brief_lines(app).startswith(THIRD))
        assert not screen.up_to_date
        assert screen.article_list.cursor_row == 2
        marked = list_rows(app)[1]
        assert (bookmark_of(marked), export_mark_of(marked)) == ("★", "✓")
        assert screen.sub_title == "5 briefs · 2 unread · 2 bookmarked · 1 marked"
        gate.set()
        await settle(pilot)
        assert screen.up_to_date
        assert screen.article_list.cursor_row == 2
        assert brief_lines(app).startswith(THIRD)
        assert screen.sub_title == "5 briefs · 2 unread · 2 bookmarked · 1 marked"


async def test_the_fact_chosen_while_the_corpus_loads_stays_chosen_when_it_arrives(
    app_on_index: BriefingApp, gate: threading.Event
) -> None:
    app = app_on_index
    async with index_shown(app) as (pilot, screen):
        await pilot.press("enter", "j", "j")
        await until(pilot, lambda: screen.current_fact == 2)
        assert str(screen.article_view.border_subtitle).startswith("fact 3 · line")
        assert not screen.up_to_date
        await let_the_corpus_in(pilot, gate)
        assert screen.current_fact == 2
        assert screen.brief_view.fact == 2
        assert str(screen.article_view.border_subtitle).startswith("fact 3 · line")


async def test_a_change_told_while_the_first_reading_goes_on_is_read_after_it(
    corpus_dir: Path, gate: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The first reading, having found nothing changed, kept the screen as it was, and what the
    # watcher told meanwhile was never read.
    open_corpus(corpus_dir)
    read = threading.Event()

    def read_then_wait(root: Path, cache_dir: Path | None = None, **options: Any) -> Corpus:
        corpus = open_corpus(root, cache_dir, **options)
        read.set()
        gate.wait(timeout=30)
        return corpus

    monkeypatch.setattr("tui.core.store.open_corpus", read_then_wait)
    app = BriefingApp(corpus_dir)
    async with index_shown(app) as (pilot, screen):
        assert await asyncio.to_thread(read.wait, 30)
        brief = next((corpus_dir / "briefs").glob("*maquiladora*.yaml"))
        brief.write_text(
            brief.read_text(encoding="utf-8").replace("Mayor Norma", "Alcaldesa Norma"),
            encoding="utf-8",
        )
        monkeypatch.setattr("tui.core.store.open_corpus", open_corpus)
        screen.post_message(CorpusChanged(frozenset({f"briefs/{brief.name}"})))
        await pilot.pause()  # told; the reading still waits
        gate.set()
        await until(pilot, lambda: brief_lines(app).startswith("Alcaldesa Norma"))


async def test_a_filter_typed_while_the_index_is_brought_up_to_date_filters_at_once(
    app_on_index: BriefingApp, gate: threading.Event
) -> None:
    app = app_on_index
    async with index_shown(app) as (pilot, screen):
        await pilot.press("slash", *"ebrard")
        await until(pilot, lambda: screen.filter_text == "ebrard")
        assert not screen.up_to_date
        shown = len(list_rows(app))
        assert 0 < shown < 5
        # The brief the filter puts on top is not read while the filter is typed.
        assert screen.sub_title == f"5 briefs · 4 unread · 0 bookmarked · 0 marked · {shown} shown"
        await let_the_corpus_in(pilot, gate)
        assert len(list_rows(app)) == shown
        assert screen.sub_title == f"5 briefs · 4 unread · 0 bookmarked · 0 marked · {shown} shown"


async def test_enter_typed_while_the_corpus_loads_goes_to_the_facts(
    app_on_index: BriefingApp, gate: threading.Event
) -> None:
    app = app_on_index
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        await pilot.press("j", "j", "enter")
        await pilot.pause()
        assert not screen.up_to_date
        assert screen.focused is screen.brief_view
        gate.set()
        await settle(pilot)
        assert brief_lines(app).startswith(THIRD)
        assert str(screen.article_view.border_subtitle).startswith("fact 1 · line")
        await pilot.press("j")
        await settle(pilot)
        assert str(screen.article_view.border_subtitle).startswith("fact 2 · line")


async def test_the_cursor_stays_on_its_brief_when_the_corpus_replaces_the_index(
    corpus_dir: Path, gate: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_corpus(corpus_dir)
    # Since that start, a newer brief has come: it takes the first row, the others move down.
    write_article(corpus_dir, "new.txt", "The new bridge opened on Monday.\n")
    write_brief(
        corpus_dir,
        BriefSpec(
            id="new-bridge",
            title="New bridge opens",
            source="new.txt",
            published=dt.date(2025, 6, 1),
            facts=[FactSpec("The bridge opened.", "The new bridge opened")],
        ),
    )
    monkeypatch.setattr("tui.core.store.open_corpus", held_back(gate))
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("j", "j")
        await pilot.pause()
        screen = main_screen(app)
        assert len(list_rows(app)) == 5
        assert THIRD[:18] in list_rows(app)[2]
        gate.set()
        await settle(pilot)
        rows = list_rows(app)
        assert len(rows) == 6 and "New bridge opens" in rows[0]
        assert screen.article_list.cursor_row == 3
        assert brief_lines(app).startswith(THIRD)
        await pilot.press("k")
        await settle(pilot)
        assert brief_lines(app).startswith(SECOND)


async def test_a_brief_gone_since_the_index_leaves_the_cursor_on_its_row(
    corpus_dir: Path, gate: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_corpus(corpus_dir)
    (corpus_dir / "briefs" / f"{THIRD_ID}.yaml").unlink()
    monkeypatch.setattr("tui.core.store.open_corpus", held_back(gate))
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("j", "j")
        gate.set()
        await settle(pilot)
        screen = main_screen(app)
        assert len(list_rows(app)) == 4
        assert screen.article_list.cursor_row == 2
        assert screen.shown_entry == screen.article_list.cursor_entry
        assert not brief_lines(app).startswith(THIRD)
        assert brief_lines(app)


async def test_a_first_start_says_how_many_briefs_have_been_read(
    corpus_dir: Path, gate: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    reported = threading.Event()

    def load(
        root: Path, cache_dir: Path | None = None, *, progress: Progress, **_: object
    ) -> Corpus:
        progress(0, 2500)
        progress(1200, 2500)
        reported.set()
        gate.wait(timeout=30)
        return open_corpus(root, cache_dir)

    monkeypatch.setattr("tui.core.store.open_corpus", load)
    monkeypatch.setattr("tui.app.reader.loading.PROGRESS_INTERVAL", 0.0)  # every report shown
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main_screen(app)

        def notice() -> str:
            return screen.article_list.render_line(0).text.strip()

        assert await asyncio.to_thread(reported.wait, 30)
        await until(pilot, lambda: "1,200" in notice())
        assert notice() == "Reading briefs 1,200 / 2,500"
        assert screen.sub_title == "reading briefs 1,200 / 2,500…"
        gate.set()
        await settle(pilot)
        assert len(list_rows(app)) == 5
        assert screen.sub_title == "5 briefs · 4 unread · 0 bookmarked · 0 marked"


def held_after_one_batch(
    root: Path, gate: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> threading.Event:
    """Make a first build of ``root`` wait for ``gate`` after its first batch of files; the
    event returned is set once the second batch is waiting."""
    read_files = refresh.read_files
    second_batch = threading.Event()

    def read_and_wait(base: str, paths: Sequence[str]) -> list[refresh.Read]:
        if second_batch.is_set() or paths[0] != "briefs/brief-00000.yaml":
            second_batch.set()
            gate.wait(timeout=30)
        return read_files(base, paths)

    monkeypatch.setattr(refresh, "read_files", read_and_wait)
    monkeypatch.setattr("tui.app.reader.loading.PROGRESS_INTERVAL", 0.0)
    return second_batch


async def first_batch_listed(
    pilot: Pilot[None], app: BriefingApp, second_batch: threading.Event
) -> None:
    """Let a first start held by :func:`held_after_one_batch` run until ``app`` lists the
    briefs of its first batch, the newest of them on top and shown."""
    assert await asyncio.to_thread(second_batch.wait, 30)
    await until(pilot, lambda: brief_lines(app).startswith(f"Brief number {BATCH - 1}"))


@pytest.mark.parametrize("moved", [False, True])
async def test_a_first_start_shows_the_briefs_read_so_far(
    tmp_path: Path, gate: threading.Event, monkeypatch: pytest.MonkeyPatch, moved: bool
) -> None:
    # Briefs are read in name order, and a later one is newer: the briefs read after the first
    # batch come above those the user may be reading.
    root = make_large_corpus(tmp_path / "corpus", 2 * BATCH)
    second_batch = held_after_one_batch(root, gate, monkeypatch)
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main_screen(app)
        await first_batch_listed(pilot, app, second_batch)
        # The brief on top was put there, not chosen: it is not read yet.
        assert screen.sub_title.startswith(f"{BATCH} briefs · {BATCH} unread · ")
        assert screen.sub_title.endswith(f"reading {BATCH} / {2 * BATCH}…")
        if moved:
            await pilot.press("down", "down")
            await until(pilot, lambda: brief_lines(app).startswith(f"Brief number {BATCH - 3}"))

        gate.set()
        await until(pilot, lambda: "reading" not in screen.sub_title)
        await settle(pilot)
        assert screen.sub_title.startswith(f"{2 * BATCH} briefs · ")
        if not moved:  # the newest of all is shown now, and read
            assert screen.sub_title.startswith(f"{2 * BATCH} briefs · {2 * BATCH - 1} unread · ")
        # The brief the user moved to stays; else the top stays the newest brief.
        shown = BATCH - 3 if moved else 2 * BATCH - 1
        assert brief_lines(app).startswith(f"Brief number {shown}")
        assert listed_keys(app)[screen.article_list.cursor_row] == f"brief-{shown:05d}"
        assert listed_keys(app)[0] == f"brief-{2 * BATCH - 1:05d}"


async def test_a_brief_marked_unread_and_moved_to_during_a_first_start_is_read(
    tmp_path: Path, gate: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The reader took the first brief it marked read for the one it opened on: the brief the
    # user moved to, off the top the loading put there, stayed unread if u had marked it so.
    root = make_large_corpus(tmp_path / "corpus", 2 * BATCH)
    chosen = f"brief-{BATCH - 2:05d}"
    earlier = Annotations(state_dir(), corpus_key(root))
    earlier.set_read(chosen)
    earlier.set_read(chosen, False)  # u, at an earlier start
    earlier.close()
    second_batch = held_after_one_batch(root, gate, monkeypatch)
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main_screen(app)
        await first_batch_listed(pilot, app, second_batch)
        await pilot.press("down")
        await until(pilot, lambda: brief_lines(app).startswith(f"Brief number {BATCH - 2}"))
        gate.set()
        await until(pilot, lambda: "reading" not in screen.sub_title)
        await settle(pilot)
    assert chosen in Annotations(state_dir(), corpus_key(root)).read


async def test_the_newest_brief_a_first_start_puts_on_top_under_a_dialog_is_read_once_seen(
    tmp_path: Path, gate: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The reading ended while the note dialog covered the panes: the newest brief, put on top
    # behind it, was marked read, though the user never saw it.
    root = make_large_corpus(tmp_path / "corpus", 2 * BATCH)
    newest = f"brief-{2 * BATCH - 1:05d}"
    second_batch = held_after_one_batch(root, gate, monkeypatch)
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main_screen(app)
        await first_batch_listed(pilot, app, second_batch)
        await pilot.press("n")
        await wait_for_screen(pilot, NoteDialog)
        gate.set()
        await until(pilot, lambda: "reading" not in screen.sub_title)
        await until(pilot, lambda: listed_keys(app)[0] == newest)
        await pilot.pause()  # not settle: the worker that opened the dialog waits for it
        assert isinstance(app.screen, NoteDialog)
        assert screen.sub_title.startswith(f"{2 * BATCH} briefs · {2 * BATCH} unread · ")
        await pilot.press("escape")
        await settle(pilot)
        assert brief_lines(app).startswith(f"Brief number {2 * BATCH - 1}")
        assert screen.sub_title.startswith(f"{2 * BATCH} briefs · {2 * BATCH - 1} unread · ")
    assert newest in Annotations(state_dir(), corpus_key(root)).read


async def test_a_first_start_leaves_no_journal_beside_the_index(tmp_path: Path) -> None:
    # The briefs shown while the rest are read hold snapshots of the index, which kept SQLite's
    # journal growing by every page written (several times the index) for as long as the
    # reader ran.
    root = make_large_corpus(tmp_path / "corpus", 4 * BATCH)
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main_screen(app)
        await within(pilot, lambda: screen.up_to_date, "the index up to date")
        await app.workers.wait_for_complete()
        assert len(screen.corpus.entries) == 4 * BATCH  # type: ignore[union-attr]
        assert journal_size(root) == 0


async def test_an_index_found_damaged_is_built_again_and_the_filter_finds_once_more(
    corpus_dir: Path,
) -> None:
    open_corpus(corpus_dir)
    with contextlib.closing(sqlite3.connect(index_file(corpus_dir))) as connection:
        # Zeros over the full-text index's data, which opening the corpus does not read.
        connection.execute("UPDATE words_data SET block = zeroblob(length(block)) WHERE id > 10")
        connection.commit()
    on_disk = load_corpus(corpus_dir).entries
    wanted = {on_disk[position].key for position in on_disk.find(parse_query("mexicali"))}
    assert wanted
    notices: list[tuple[str, str]] = []
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40), message_hook=notifications_into(notices)) as pilot:
        screen = main_screen(app)
        await within(pilot, lambda: screen.up_to_date, "the index up to date")
        await pilot.press("slash", *"mexicali")
        await until(pilot, lambda: any("damaged" in text for _, text in notices))
        await app.workers.wait_for_complete()
        await until(pilot, lambda: set(listed_keys(app)) == wanted)
        assert screen.up_to_date
        assert screen.filter_input.value == "mexicali"
        assert [severity for severity, text in notices if "damaged" in text] == ["warning"]


async def test_while_a_damaged_index_is_built_again_the_list_says_so_not_that_nothing_matches(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "No brief matches the filter" for as long as the build took: a wrong answer.
    building = threading.Event()
    go_on = threading.Event()

    def held(root: Path, cache_dir: Path | None = None, **options: Any) -> Corpus:
        if options.get("damaged") is not None:
            building.set()
            go_on.wait(30)
        return open_corpus(root, cache_dir, **options)

    monkeypatch.setattr("tui.core.store.open_corpus", held)
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main_screen(app)
        await within(pilot, lambda: screen.up_to_date, "the index up to date")
        entries = shown_entries(screen)
        assert isinstance(entries, StoredEntries)

        def malformed() -> list[int]:
            raise sqlite3.DatabaseError("database disk image is malformed")

        # As a search reads a page of the index found damaged.
        monkeypatch.setattr(entries, "find", lambda *_: entries._answer(malformed, list))
        await pilot.press("slash", *"mexicali")
        await until(pilot, building.is_set)
        # Not settle(): it would wait for the build, which waits for this test.
        await until(pilot, lambda: screen.filter_text == "mexicali" and screen._rebuilding)
        await until(pilot, lambda: screen.article_list.notice == REBUILDING_NOTICE)
        assert list_rows(app) == []
        assert "No brief matches" not in brief_lines(app)
        go_on.set()
        await app.workers.wait_for_complete()
        on_disk = load_corpus(corpus_dir).entries
        wanted = {on_disk[position].key for position in on_disk.find(parse_query("mexicali"))}
        await until(pilot, lambda: set(listed_keys(app)) == wanted)


async def test_a_reading_asked_for_during_the_build_of_a_damaged_index_builds_it_anew_still(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The reading the reader asks for after a change of its own (a fact confirmed, a brief
    # edited) replaced the build under way, and read the damaged index as it was.
    builds: list[bool] = []
    go_on = threading.Event()

    def held(root: Path, cache_dir: Path | None = None, **options: Any) -> Corpus:
        builds.append(options.get("damaged") is not None)
        if len(builds) == 1:
            go_on.wait(30)
        return open_corpus(root, cache_dir, **options)

    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main_screen(app)
        await within(pilot, lambda: screen.up_to_date, "the index up to date")
        monkeypatch.setattr("tui.core.store.open_corpus", held)
        screen.post_message(IndexDamaged(shown_entries(screen)))
        await until(pilot, lambda: builds == [True])
        screen._reload()
        await until(pilot, lambda: len(builds) == 2)
        go_on.set()
        await app.workers.wait_for_complete()
        await within(pilot, lambda: screen.up_to_date, "the index up to date")
    assert builds == [True, True]


async def test_an_index_built_again_leaves_the_cursor_and_what_is_read_as_they_were(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A first build shows the briefs read so far; a build after damage did too, and the cursor,
    # on a brief not yet read again, fell onto another one, which was then marked read.
    monkeypatch.setattr(refresh, "BATCH", 8)
    root = make_large_corpus(tmp_path / "corpus", 24)
    open_corpus(root)
    builds = counted_builds(monkeypatch)
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main_screen(app)
        await within(pilot, lambda: screen.up_to_date, "the index up to date")
        await pilot.press(*["down"] * 20)
        await settle(pilot)
        on = listed_keys(app)[screen.article_list.cursor_row]
        read = set(screen.annotations.read)  # type: ignore[union-attr]
        shown: list[int] = []
        use_corpus = screen._use_corpus

        def shown_and_used(corpus: Corpus) -> None:
            shown.append(len(corpus.entries))
            use_corpus(corpus)

        monkeypatch.setattr(screen, "_use_corpus", shown_and_used)

        # As the entries tell once a read finds damage.
        screen.post_message(IndexDamaged(shown_entries(screen)))
        await within(
            pilot, lambda: screen.up_to_date and builds.count(True) == 1, "the index up to date"
        )
        await settle(pilot)

        assert shown == [24]  # the corpus built anew, and no part of it before
        assert listed_keys(app)[screen.article_list.cursor_row] == on
        assert brief_lines(app).startswith(f"Brief number {int(on[-5:])}")
        assert set(screen.annotations.read) == read  # type: ignore[union-attr]


def shown_entries(screen: MainScreen) -> Entries:
    """The entries of the corpus the reader shows, which tell it of damage they find."""
    assert screen.corpus is not None
    return screen.corpus.entries


def counted_builds(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each reading of the corpus from now on builds its index anew."""
    builds: list[bool] = []

    def counted(root: Path, cache_dir: Path | None = None, **options: Any) -> Corpus:
        builds.append(options.get("damaged") is not None)
        return open_corpus(root, cache_dir, **options)

    monkeypatch.setattr("tui.core.store.open_corpus", counted)
    return builds


async def test_an_index_damaged_again_once_built_anew_is_not_built_a_third_time(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_corpus(corpus_dir)
    builds = counted_builds(monkeypatch)
    notices: list[tuple[str, str]] = []
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40), message_hook=notifications_into(notices)) as pilot:
        screen = main_screen(app)
        await within(pilot, lambda: screen.up_to_date, "the index up to date")
        screen.post_message(IndexDamaged(shown_entries(screen)))
        await within(
            pilot, lambda: screen.up_to_date and builds.count(True) == 1, "the index up to date"
        )
        await settle(pilot)

        screen.post_message(IndexDamaged(shown_entries(screen)))
        await settle(pilot)

        assert builds.count(True) == 1
        assert screen.up_to_date
        assert [severity for severity, text in notices if "damaged" in text] == [
            "warning",
            "error",
        ]


async def test_a_filter_longer_than_a_query_holds_says_so_once_and_finds_without_error(
    corpus_dir: Path,
) -> None:
    # A thousand terms went past SQLite's own limit: the error was taken for a damaged index,
    # and the index was built again, over and over, for as long as the filter stayed.
    open_corpus(corpus_dir)
    notices: list[tuple[str, str]] = []
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40), message_hook=notifications_into(notices)) as pilot:
        screen = main_screen(app)
        await within(pilot, lambda: screen.up_to_date, "the index up to date")
        await pilot.press("slash")
        # As a paste typed key by key arrives: one term too many first, then the rest. Told
        # "it leaves out the 1 term after them" as the first came, and nothing of the rest.
        for count in (MAX_TERMS + 1, MAX_TERMS + 900):
            screen.filter_input.value = " ".join(f"place:p{i}" for i in range(count))
            await settle(pilot)
        await pilot.press("x")  # still too long: not said again
        await settle(pilot)

        assert [text for _, text in notices] == [
            f"A filter holds its first {MAX_TERMS} terms: it leaves out any after them."
        ]
        assert screen.up_to_date
        assert list_rows(app) == []

        screen.filter_input.value = "mexicali"
        await settle(pilot)
        assert list_rows(app)


async def test_words_in_quotes_outside_a_field_are_said_to_be_found_in_any_order_once(
    corpus_dir: Path,
) -> None:
    notices: list[tuple[str, str]] = []
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40), message_hook=notifications_into(notices)) as pilot:
        screen = main_screen(app)
        await within(pilot, lambda: screen.up_to_date, "the index up to date")
        await pilot.press("slash", *'place:"baja california" mexicali')
        await settle(pilot)
        assert notices == []  # quotes in a field term make a phrase
        await pilot.press(*' "nearshoring push"')
        await settle(pilot)
        await pilot.press("backspace")  # still in quotes: not said again
        await settle(pilot)
        assert [text for _, text in notices] == [QUOTED_WORDS_NOTE]


async def test_briefs_read_again_behind_the_index_are_counted_in_the_header(
    corpus_dir: Path, gate: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_corpus(corpus_dir)
    reported = threading.Event()

    def load(
        root: Path, cache_dir: Path | None = None, *, progress: Progress, **_: object
    ) -> Corpus:
        progress(0, 3)  # three brief files changed since the index was written
        reported.set()
        gate.wait(timeout=30)
        return open_corpus(root, cache_dir)

    monkeypatch.setattr("tui.core.store.open_corpus", load)
    monkeypatch.setattr("tui.app.reader.loading.PROGRESS_INTERVAL", 0.0)
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = main_screen(app)
        assert await asyncio.to_thread(reported.wait, 30)
        await until(pilot, lambda: "reading" in screen.sub_title)
        assert screen.sub_title == "5 briefs · 4 unread · 0 bookmarked · 0 marked · reading 0 / 3…"
        assert len(list_rows(app)) == 5
        gate.set()
        await settle(pilot)
        assert screen.sub_title == "5 briefs · 4 unread · 0 bookmarked · 0 marked"


async def test_quitting_during_a_first_start_stops_the_reading(
    corpus_dir: Path, gate: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    started, finished = threading.Event(), threading.Event()
    outcome: list[str] = []

    def load(
        root: Path, cache_dir: Path | None = None, *, progress: Progress, **_: object
    ) -> Corpus:
        try:
            for done in range(1_000_000):  # a corpus that takes long to read
                progress(done, 1_000_000)
                started.set()
                gate.wait(timeout=30)
        except BaseException:
            outcome.append("stopped")
            raise
        finally:
            finished.set()
        outcome.append("read to the end")
        return open_corpus(root, cache_dir)

    monkeypatch.setattr("tui.core.store.open_corpus", load)
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        assert await asyncio.to_thread(started.wait, 30)
        await pilot.press("q")
    # The app has gone; the reading goes on only as far as its next report.
    gate.set()
    assert await asyncio.to_thread(finished.wait, 30)
    assert outcome == ["stopped"]


class FirstFrame(BriefingApp):
    """The app, noting where the list and the brief's place were in the first frame it drew."""

    first_frame: tuple[int, int] | None = None

    def post_display_hook(self) -> None:
        if self.first_frame is None:
            screen = main_screen(self)
            details = screen.query_one("#details")
            self.first_frame = (screen.article_list.region.y, details.region.y)


async def test_a_narrow_terminal_gets_its_layout_from_the_first_frame(corpus_dir: Path) -> None:
    app = FirstFrame(corpus_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
    assert app.first_frame is not None
    list_top, brief_top = app.first_frame
    assert list_top < brief_top  # the list above the brief, as below 120 columns it always is


class FirstFrameShown(BriefingApp):
    """The app, noting what its panes and its keys showed in the first frame it drew."""

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self.first: dict[str, Any] | None = None

    def post_display_hook(self) -> None:
        if self.first is None:
            screen = main_screen(self)
            self.first = {
                "brief": brief_lines(self),
                "quote": strong_text(screen.article_view),
                "keys": screen.query_one(KeyFooter).render().plain,
            }


async def test_the_first_frame_is_the_whole_screen(corpus_dir: Path) -> None:
    # A start on an index: the screen a user works with comes at once, not pane by pane.
    open_corpus(corpus_dir)
    app = FirstFrameShown(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        quote = strong_text(main_screen(app).article_view)
    first = app.first
    assert first is not None
    assert first["brief"].startswith(NEWEST)
    assert "Key facts (" in first["brief"]
    assert first["quote"] and first["quote"] == quote  # the first fact's quote, highlighted
    assert "Filter" in first["keys"] and "Quit" in first["keys"]


async def test_the_garbage_collector_runs_again_once_the_app_has_loaded(corpus_dir: Path) -> None:
    # The command turns the collector off while Textual and the app are imported; left off, the
    # memory held by every cycle made while the app runs would never be given back.
    try:
        app = make_app(corpus_dir)
        assert not gc.isenabled()
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            assert gc.isenabled()
    finally:
        gc.enable()
