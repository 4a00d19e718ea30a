"""The store: a corpus opened through its index is the corpus on disk, always.

Files written a moment ago are not trusted by the index (a second edit within the same tick of
the file system's clock would leave no trace), so most tests first age the corpus, as files kept
for a while are; the index then serves every brief it can, and each test changes one thing.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tui.core.loader as loader
import tui.core.store.database as database
from tests.kit.corpus import (
    REPO,
    BriefSpec,
    FactSpec,
    fields,
    journal_size,
    make_corpus,
    make_large_corpus,
    make_named_corpus,
    write_article,
    write_brief,
)
from tests.kit.locks import held_locked, needs_file_locks
from tests.kit.special import without_waiting
from tui.core.model import Corpus
from tui.core.search import FACET_FIELDS, Marks, parse_query, value_term, with_term
from tui.core.store import (
    default_cache_dir,
    index_file,
    load_corpus,
    open_corpus,
    peek_corpus,
    read_entry,
)
from tui.core.store.database import ENV_CACHE_DIR

# The package names a function after this module: the module itself is taken from the imports.
refresh = importlib.import_module("tui.core.store.refresh")
view = importlib.import_module("tui.core.store.view")

BRIEF = "mexicali-maquiladora-exports-2024"
ARTICLE = "004_99dea6a1c61b154d.txt"
A_DAY_AGO_NS = 86_400 * 1_000_000_000
SHIPPED = sorted(p.name for p in (REPO / "briefs").glob("*.yaml"))


def age(root: Path, *, by_ns: int = A_DAY_AGO_NS) -> None:
    """Date every file of the corpus ``by_ns`` into the past, as a corpus kept for a while is."""
    stamp = max(0, time.time_ns() - by_ns)
    for folder in ("briefs", "seeds"):
        for path in (root / folder).iterdir():
            os.utime(path, ns=(stamp, stamp))


def rewrite(path: Path, change: Callable[[str], str], *, by_ns: int = A_DAY_AGO_NS // 2) -> None:
    """Change a file's text and date it later than :func:`age` dated it, but still in the past."""
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    stamp = time.time_ns() - by_ns
    os.utime(path, ns=(stamp, stamp))


def _within_load_corpus() -> bool:
    frame: FrameType | None = sys._getframe(1)
    while frame is not None:
        if frame.f_code is load_corpus.__code__:
            return True
        frame = frame.f_back
    return False


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The names of the brief files read in this process through an index on disk (what
    :func:`load_corpus` reads, every file, is not counted)."""
    names: list[str] = []
    read = loader.iter_brief_files

    def spy(root: Path, paths: Iterable[Path]) -> Any:
        listed = list(paths)
        if not _within_load_corpus():
            names.extend(p.name for p in listed)
        return read(root, listed)

    monkeypatch.setattr(loader, "iter_brief_files", spy)
    yield names


@pytest.fixture
def corpus(corpus_dir: Path) -> Path:
    """The shipped corpus, aged, and opened once so that its index is written."""
    age(corpus_dir)
    open_corpus(corpus_dir)
    return corpus_dir


def brief_path(root: Path, ident: str = BRIEF) -> Path:
    return root / "briefs" / f"{ident}.yaml"


def title_of(corpus: Corpus, key: str = BRIEF) -> str:
    entry = corpus.entry(key)
    assert entry is not None and entry.brief is not None
    return entry.brief.title


def found(corpus: Corpus, text: str) -> set[str]:
    """The keys of the entries the filter ``text`` keeps."""
    return {corpus.entries[p].key for p in corpus.entries.find(parse_query(text))}


def close_all() -> None:
    """Let go of every corpus no longer referred to, so that no connection holds the index."""
    gc.collect()


# -- The index gives what the files give ----------------------------------------------------------


def test_an_indexed_corpus_equals_a_fresh_load(corpus: Path, reads: list[str]) -> None:
    opened = open_corpus(corpus)
    fresh = load_corpus(corpus)

    assert opened == fresh
    assert opened.notice is None
    for query in ("mexicali", "maquila export", "anchor:fuzzy", "anchor:missing", "zzzz", ""):
        assert found(opened, query) == found(fresh, query)
    assert reads == []  # served whole from the index


def test_each_quote_keeps_its_anchor_through_the_index(corpus: Path, reads: list[str]) -> None:
    exact = "This is in comparison with the same time period in 2023."
    drifted = {
        exact: exact.upper(),  # loose
        'quote: "annual growth of 6.7%': 'quote: "anual growth of 6.7%',  # fuzzy
        'quote: "Similarly, machinery and equipment': 'quote: "Likewise, robots and drones',
    }

    def drift(text: str) -> str:
        for before, after in drifted.items():
            text = text.replace(before, after, 1)
        return text

    rewrite(brief_path(corpus), drift)
    first = open_corpus(corpus)
    assert reads == [f"{BRIEF}.yaml"]
    reads.clear()

    opened = open_corpus(corpus)

    assert reads == []
    assert opened == load_corpus(corpus) == first
    entry = opened.entry(BRIEF)
    assert entry is not None and entry.brief is not None
    anchors = [(f.anchor, f.score is not None, f.span is None) for f in entry.brief.key_facts]
    assert anchors[:7] == [
        ("exact", False, False),
        ("loose", False, False),
        ("fuzzy", True, False),
        ("exact", False, False),
        ("exact", False, False),
        ("exact", False, False),
        ("missing", False, True),
    ]
    assert found(opened, "anchor:loose") == {BRIEF} | found(load_corpus(corpus), "anchor:loose")


def test_the_first_open_writes_the_index_in_the_cache_folder(corpus_dir: Path) -> None:
    open_corpus(corpus_dir)
    close_all()

    folder = Path(os.environ[ENV_CACHE_DIR])
    assert default_cache_dir() == folder
    assert [p.name for p in folder.iterdir()] == [index_file(corpus_dir).name]


def test_an_explicit_cache_folder_is_used(
    corpus_dir: Path, tmp_path: Path, reads: list[str]
) -> None:
    folder = tmp_path / "elsewhere" / "cache"
    age(corpus_dir)

    first = open_corpus(corpus_dir, folder)
    reads.clear()

    assert index_file(corpus_dir, folder).is_file()
    assert open_corpus(corpus_dir, folder) == first == load_corpus(corpus_dir)
    assert reads == []
    assert not index_file(corpus_dir).exists()


def test_two_corpora_keep_separate_indexes(corpus: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    shutil.copytree(corpus, other)
    rewrite(brief_path(other), lambda text: text.replace("Mayor Norma", "Alcaldesa Norma"))

    assert open_corpus(other) == load_corpus(other)
    assert open_corpus(corpus) == load_corpus(corpus)
    assert title_of(open_corpus(other)).startswith("Alcaldesa")
    assert title_of(open_corpus(corpus)).startswith("Mayor")
    assert index_file(other) != index_file(corpus)


def test_a_corpus_through_an_empty_index_equals_a_fresh_load(corpus_dir: Path) -> None:
    first = open_corpus(corpus_dir)

    assert first == load_corpus(corpus_dir)
    assert [entry.brief and list(entry.brief.key_facts) for entry in first.entries] == [
        entry.brief and list(entry.brief.key_facts) for entry in load_corpus(corpus_dir).entries
    ]


def test_a_corpus_of_many_pages_reads_as_a_fresh_load(tmp_path: Path, reads: list[str]) -> None:
    root = make_large_corpus(tmp_path / "large", 150)
    age(root)
    open_corpus(root)
    reads.clear()

    opened = open_corpus(root)
    fresh = load_corpus(root)

    assert reads == []
    assert opened == fresh
    assert [e.key for e in opened.entries[100:103]] == [e.key for e in fresh.entries[100:103]]
    assert opened.entries[-1].key == "brief-00000"  # the oldest, last
    assert opened.entries.ids() == fresh.entries.ids()
    assert opened.entries.position_of("brief-00042") == fresh.entries.position_of("brief-00042")
    assert found(opened, "aduana") == found(fresh, "aduana") == {"brief-00000", "brief-00100"}


def test_rows_far_apart_read_ahead_decode_those_rows_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What a filter's rows drawn on one screen ask for: entries pages apart in the list.
    root = make_large_corpus(tmp_path / "large", 600)
    entries = open_corpus(root).entries
    wanted = [*entries.find(parse_query("aduana")), 3, 3]  # six rows 100 apart, and one twice
    fresh = load_corpus(root).entries
    expected = [fresh[p] for p in wanted]
    decoded: list[str] = []
    decode = view._decode
    monkeypatch.setattr(view, "_decode", lambda *row: decoded.append(row[1]) or decode(*row))

    entries.read_ahead(wanted)
    shown = [entries[p] for p in wanted]

    assert len(decoded) == len(set(wanted)) == 7
    assert shown == expected
    entries.read_ahead(wanted)
    assert len(decoded) == 7  # nothing read twice


def test_the_briefs_that_did_not_load_are_found_without_decoding_those_that_did(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every command tells of the briefs that did not load: it must not decode each brief of a
    # large corpus to find them.
    root = make_large_corpus(tmp_path / "large", 150)
    (root / "briefs" / "broken.yaml").write_text("id: broken\ntitle: 'never closed\n")
    shutil.copy2(root / "briefs" / "brief-00042.yaml", root / "briefs" / "copy-of-42.yaml")
    entries = open_corpus(root).entries
    fresh = load_corpus(root).entries.keys_not_loaded()
    decoded: list[str] = []
    decode = view._decode
    monkeypatch.setattr(view, "_decode", lambda *row: decoded.append(row[1]) or decode(*row))

    assert entries.keys_not_loaded() == fresh == {"broken", "copy-of-42"}
    assert decoded == []


def test_ids_and_positions_are_those_of_a_fresh_load(corpus: Path) -> None:
    shutil.copy2(brief_path(corpus), corpus / "briefs" / "copy-of-the-brief.yaml")
    rewrite(brief_path(corpus, "mexicali-cce-nearshoring"), lambda t: "key_facts: [\n" + t)

    opened = open_corpus(corpus)
    fresh = load_corpus(corpus)

    assert opened == fresh
    assert opened.entries.ids() == fresh.entries.ids()
    assert opened.entries.ids().count(None) == 2  # the copy and the broken brief
    for key in (
        BRIEF,
        f"briefs/{BRIEF}.yaml",
        "copy-of-the-brief",
        "briefs/copy-of-the-brief.yaml",
        "mexicali-cce-nearshoring",
        "not-there",
    ):
        assert opened.entries.position_of(key) == fresh.entries.position_of(key), key
    assert opened.entries.position_of("not-there") is None


def test_read_entry_reads_a_file_on_its_own(corpus: Path) -> None:
    copy = corpus / "briefs" / "copy-of-the-brief.yaml"
    shutil.copy2(brief_path(corpus), copy)

    alone = read_entry(corpus, copy)
    listed = open_corpus(corpus).entry("copy-of-the-brief")

    assert alone.brief is not None and alone.brief.id == BRIEF  # no duplicate on its own
    assert listed is not None and listed.brief is None


# -- Changes to briefs ----------------------------------------------------------------------------


def test_an_edited_brief_is_read_again_and_only_it(corpus: Path, reads: list[str]) -> None:
    rewrite(brief_path(corpus), lambda text: text.replace("Mayor Norma", "Alcaldesa Norma"))

    opened = open_corpus(corpus)

    assert title_of(opened).startswith("Alcaldesa Norma")
    assert opened == load_corpus(corpus)
    assert reads == [f"{BRIEF}.yaml"]


def test_a_brief_whose_date_changes_takes_its_new_place(corpus: Path) -> None:
    assert open_corpus(corpus).entries.position_of(BRIEF) == 0  # the newest
    rewrite(
        brief_path(corpus),
        lambda text: text.replace("published: 2025-01-14", "published: 2001-01-01"),
    )

    opened = open_corpus(corpus)

    assert opened == load_corpus(corpus)
    dated = [e for e in opened.entries if e.brief is not None and e.brief.published]
    assert dated[-1].key == BRIEF  # now the oldest of the dated briefs


def test_files_whose_names_start_with_a_dot_are_not_briefs(corpus: Path) -> None:
    # An editor's lock file, and the copy some systems make beside each file.
    (corpus / "briefs" / f".#{BRIEF}.yaml").write_text("emacs lock", encoding="utf-8")
    (corpus / "briefs" / f"._{BRIEF}.yaml").write_bytes(b"\x00\x05\x16\x07")

    opened = open_corpus(corpus)

    assert not any(entry.path.startswith("briefs/.") for entry in opened.entries)
    assert opened == load_corpus(corpus)
    assert all(entry.brief is not None for entry in opened.entries)


def test_a_brief_ending_in_yml_is_listed_with_the_name_to_give_it(corpus: Path) -> None:
    # It used to be passed over: the analyst saw one brief fewer and no reason why.
    source = corpus / "briefs" / f"{BRIEF}.yaml"
    source.rename(corpus / "briefs" / f"{BRIEF}.yml")

    opened = open_corpus(corpus)

    (misnamed,) = [e for e in opened.entries if e.path == f"briefs/{BRIEF}.yml"]
    assert misnamed.brief is None
    (problem,) = misnamed.problems
    assert f"rename it to {BRIEF}.yaml" in problem.in_full
    assert BRIEF not in {e.brief.id for e in opened.entries if e.brief is not None}


class _Stopped(Exception):
    """Raised by a progress callback, as a reader closing or reading again raises."""


def test_a_new_date_written_by_a_refresh_stopped_before_its_end_is_ordered_by_the_next(
    corpus: Path,
) -> None:
    # The stopped refresh had written the brief but not ordered the list, and the next one
    # found nothing to read again: the order stayed wrong for good, restarts included.
    rewrite(
        brief_path(corpus),
        lambda text: text.replace("published: 2025-01-14", "published: 2001-01-01"),
    )

    def stopped_once_read(done: int, total: int) -> None:
        if done == total and total:
            raise _Stopped

    with pytest.raises(_Stopped):
        open_corpus(corpus, progress=stopped_once_read)
    opened = open_corpus(corpus)

    assert [e.key for e in opened.entries] == [e.key for e in load_corpus(corpus).entries]
    assert opened.entries.position_of(BRIEF) != 0


def test_a_brief_given_the_id_of_another_is_a_duplicate_at_once(corpus: Path) -> None:
    other = "mexicali-cce-nearshoring"
    rewrite(brief_path(corpus), lambda text: text.replace(f"id: {BRIEF}", f"id: {other}", 1))

    opened = open_corpus(corpus)

    assert opened == load_corpus(corpus)
    entry = opened.entries[opened.entries.position_of(f"briefs/{BRIEF}.yaml") or 0]
    assert entry.path == f"briefs/{BRIEF}.yaml" and entry.brief is None


def test_only_a_change_to_an_id_or_a_date_orders_the_list_again(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Ordering reads every row of the index: at 100,000 briefs a title edited should not.
    ordered: list[int] = []
    arrange = refresh._arrange

    def counted(connection: sqlite3.Connection) -> None:
        ordered.append(1)
        arrange(connection)

    monkeypatch.setattr(refresh, "_arrange", counted)
    rewrite(brief_path(corpus), lambda text: text.replace("Mayor Norma", "Alcaldesa Norma"))
    assert title_of(open_corpus(corpus)).startswith("Alcaldesa Norma")
    assert ordered == []
    rewrite(
        brief_path(corpus),
        lambda text: text.replace("published: 2025-01-14", "published: 2001-01-01"),
    )
    assert open_corpus(corpus) == load_corpus(corpus)
    assert ordered != []


Row = tuple[int, str, str, "str | None", "str | None"]


def placed_as_described(rows: list[Row]) -> list[tuple[int, int, str | None]]:
    """What the index's ordering is to give for ``rows`` (rowid, path, stem, brief id,
    published), worked out one rule at a time: one file keeps each id (the one named after
    it, else the first by path); the briefs kept come newest first, then undated, then the
    rest; ties by id (the rest: by stem, which no two files share)."""
    keeper: dict[str, str] = {}
    for _, path, _stem, ident, _ in sorted(rows, key=lambda r: (r[2] != r[3], r[1])):
        if ident is not None:
            keeper.setdefault(ident, path)

    def shown_last(row: Row) -> bool:
        return row[3] is None or keeper[row[3]] != row[1]

    kept = [r for r in rows if not shown_last(r)]
    dated = sorted((r for r in kept if r[4]), key=lambda r: r[3] or "")
    dated.sort(key=lambda r: r[4] or "", reverse=True)  # stable: ties keep the order of ids
    undated = sorted((r for r in kept if not r[4]), key=lambda r: r[3] or "")
    rest = sorted((r for r in rows if shown_last(r)), key=lambda r: r[2])
    return sorted(
        (row[0], position, keeper[row[3]] if row in rest and row[3] is not None else None)
        for position, row in enumerate(dated + undated + rest)
    )


_names = st.sampled_from(["a", "b", "c", "a-1", "B", "é"])


@settings(max_examples=150)
@given(
    st.lists(
        st.tuples(
            _names,
            st.one_of(st.none(), _names),
            st.sampled_from([None, "", "2024-01-02", "2024-03-01", "2023-12-31"]),
        ),
        max_size=25,
    )
)
def test_the_index_orders_the_list_as_described(
    files: list[tuple[str, str | None, str | None]],
) -> None:
    connection = database.connect(":memory:")
    database._make_tables(connection, REPO)
    rows: list[Row] = []
    for number, (stem, ident, published) in enumerate(files):
        path = f"briefs/{stem}-{number}.yaml" if number % 3 else f"briefs/{stem}.yaml"
        if any(r[1] == path for r in rows):
            continue
        file_stem = Path(path).stem
        cursor = connection.execute(
            "INSERT INTO briefs (path, stem, brief_id, published, anchors, id_line, settled,"
            " entry, words) VALUES (?, ?, ?, ?, 0, 1, 1, '{}', x'')",
            (path, file_stem, ident, published),
        )
        rows.append((int(cursor.lastrowid or 0), path, file_stem, ident, published))

    refresh._arrange(connection)

    stored = connection.execute("SELECT rowid, position, duplicate_of FROM briefs ORDER BY rowid")
    assert stored.fetchall() == placed_as_described(rows)


def test_a_read_older_than_what_another_refresh_stored_never_replaces_it(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An app starts a refresh at every change on disk: one that read a brief before an edit
    # must not write what it read over the edit another refresh has stored meanwhile.
    path = brief_path(corpus)
    rewrite(path, lambda text: text.replace("Mayor Norma", "First Edit Norma"))
    read_files = refresh.read_files
    edited: list[Corpus] = []

    def read_then_edit(root: str, paths: list[str]) -> list[object]:
        reads = read_files(root, paths)
        if not edited:
            monkeypatch.setattr(refresh, "read_files", read_files)  # the second reads as any
            rewrite(path, lambda text: text.replace("First Edit", "Second Edit"))
            edited.append(open_corpus(corpus))  # stores the second edit first
        return reads

    monkeypatch.setattr(refresh, "read_files", read_then_edit)
    open_corpus(corpus)  # read the first edit, and writes after

    assert title_of(edited[0]).startswith("Second Edit Norma")
    stored = peek_corpus(corpus)
    assert stored is not None and title_of(stored).startswith("Second Edit Norma")
    assert open_corpus(corpus) == load_corpus(corpus)


def test_an_edit_of_the_same_size_is_seen_by_its_time(corpus: Path) -> None:
    path = brief_path(corpus)
    size = path.stat().st_size
    rewrite(path, lambda text: text.replace("Mayor Norma", "MAYOR NORMA"))
    assert path.stat().st_size == size

    assert title_of(open_corpus(corpus)).startswith("MAYOR NORMA")


def test_an_edit_that_keeps_size_and_time_is_seen(corpus: Path) -> None:
    # Some tools put the old modification time back; the change time still moves.
    path = brief_path(corpus)
    before = path.stat()
    path.write_text(path.read_text().replace("Mayor Norma", "MAYOR NORMA"), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))

    assert title_of(open_corpus(corpus)).startswith("MAYOR NORMA")


def test_a_brief_edited_just_after_the_index_was_written_is_seen(corpus_dir: Path) -> None:
    # Nothing is aged: the files are as new as the index, and a second edit within the same tick
    # of a coarse clock would leave size and times as they were.
    open_corpus(corpus_dir)
    path = brief_path(corpus_dir)
    before = path.stat()
    path.write_text(path.read_text().replace("Mayor Norma", "MAYOR NORMA"), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))

    assert open_corpus(corpus_dir) == load_corpus(corpus_dir)


def test_an_edit_right_after_opening_is_seen_on_a_coarse_clock(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Some file systems keep times to two seconds: an edit within the same two seconds leaves
    # every time as it was, and a same-size edit then changes nothing the index could see.
    exact = refresh._fingerprint
    tick = 2_000_000_000

    def coarse(path: Path | str) -> tuple[int, int, int, int] | None:
        print_ = exact(path)
        if print_ is None:
            return None
        size, modified, changed, inode = print_
        return size, modified // tick * tick, changed // tick * tick, inode

    monkeypatch.setattr(refresh, "_fingerprint", coarse)
    path = brief_path(corpus_dir)
    os.utime(path)  # just written
    open_corpus(corpus_dir)
    path.write_text(path.read_text().replace("Mayor Norma", "MAYOR NORMA"), encoding="utf-8")

    assert open_corpus(corpus_dir) == load_corpus(corpus_dir)
    assert title_of(open_corpus(corpus_dir)).startswith("MAYOR NORMA")


def test_a_problem_about_a_strange_field_reads_back_the_same(corpus: Path) -> None:
    # The field's name is shown escaped, and longer than its limit once escaped.
    rewrite(brief_path(corpus), lambda text: text + '"' + "\\x01" * 70 + '": 1\n')
    first = open_corpus(corpus)

    again = open_corpus(corpus)

    assert again == first == load_corpus(corpus)
    entry = again.entry(BRIEF)
    assert entry is not None
    assert any(p.field.startswith("\\x01\\x01") for p in entry.problems)


def test_a_problem_keeps_its_advice_through_the_index(corpus: Path, reads: list[str]) -> None:
    # Validation and the reader give the advice apart from what is wrong; an export leaves it.
    rewrite(brief_path(corpus), lambda text: text.replace("language: en", "language: EN"))
    open_corpus(corpus)
    reads.clear()

    again = open_corpus(corpus)

    assert reads == []  # from the index
    assert again == load_corpus(corpus)
    entry = again.entry(BRIEF)
    assert entry is not None
    (problem,) = entry.problems
    assert problem.message == "'EN' is not an ISO 639-1 code such as en or es"
    assert problem.advice == "write it in small letters: en"


def test_a_new_brief_appears(corpus: Path) -> None:
    text = brief_path(corpus).read_text().replace(f"id: {BRIEF}", "id: a-new-brief")
    brief_path(corpus, "a-new-brief").write_text(text, encoding="utf-8")

    opened = open_corpus(corpus)

    assert opened.entry("a-new-brief") is not None
    assert len(opened.entries) == 6
    assert opened == load_corpus(corpus)


@pytest.mark.parametrize("which", [0, 2, -1], ids=["first by name", "between", "last by name"])
def test_a_removed_brief_disappears(corpus: Path, which: int) -> None:
    # The stored rows are walked beside the file names, both in order: a file gone before,
    # between or after the others is missed by neither.
    removed = sorted((corpus / "briefs").glob("*.yaml"))[which]
    removed.unlink()

    opened = open_corpus(corpus)

    assert opened.entry(removed.stem) is None
    assert len(opened.entries) == 4
    assert opened == load_corpus(corpus)


def test_a_copy_under_another_name_is_reported_as_a_duplicate_until_removed(corpus: Path) -> None:
    copy = corpus / "briefs" / "copy-of-the-brief.yaml"
    shutil.copy2(brief_path(corpus), copy)

    opened = open_corpus(corpus)
    duplicate = opened.entry("copy-of-the-brief")
    assert duplicate is not None and duplicate.brief is None
    assert any("duplicate id" in p.message for p in duplicate.problems)
    assert opened == load_corpus(corpus)
    assert open_corpus(corpus) == opened  # and again, from the index

    copy.unlink()
    assert open_corpus(corpus) == load_corpus(corpus)
    assert len(open_corpus(corpus).entries) == 5


def test_a_broken_brief_keeps_its_problem_and_loads_once_fixed(corpus: Path) -> None:
    path = brief_path(corpus)
    good = path.read_text()
    rewrite(path, lambda text: text.replace("key_facts:", "key_facts: [", 1))

    broken = open_corpus(corpus)
    entry = broken.entry(BRIEF)
    assert entry is not None and entry.brief is None and entry.has_errors
    assert open_corpus(corpus) == broken == load_corpus(corpus)

    rewrite(path, lambda _: good, by_ns=A_DAY_AGO_NS // 4)
    fixed = open_corpus(corpus).entry(BRIEF)
    assert fixed is not None and fixed.brief is not None and not fixed.has_errors


def test_a_folder_without_briefs_reports_it(tmp_path: Path) -> None:
    opened = open_corpus(tmp_path)

    assert opened == load_corpus(tmp_path)
    assert opened.problems and not opened.entries


# -- Changes to articles --------------------------------------------------------------------------


def quote_anchor(root: Path, quote_start: str) -> str:
    entry = open_corpus(root).entry(BRIEF)
    assert entry is not None and entry.brief is not None
    (fact,) = [f for f in entry.brief.key_facts if f.quote.startswith(quote_start)]
    return fact.anchor


def test_an_article_changed_to_the_same_size_is_read_again(corpus: Path) -> None:
    article = corpus / "seeds" / ARTICLE
    size = article.stat().st_size
    assert quote_anchor(corpus, "The volume of exports") == "exact"
    rewrite(article, lambda text: text.replace("volume of exports", "VOLUME of exports"))
    assert article.stat().st_size == size

    assert quote_anchor(corpus, "The volume of exports") == "loose"
    assert open_corpus(corpus) == load_corpus(corpus)


def test_an_article_changed_in_size_is_read_again(corpus: Path) -> None:
    article = corpus / "seeds" / ARTICLE
    rewrite(article, lambda text: text.replace("volume of exports", "total volume of exports"))

    assert quote_anchor(corpus, "The volume of exports") == "fuzzy"
    assert open_corpus(corpus) == load_corpus(corpus)


def test_an_article_that_lost_a_passage_is_read_again(corpus: Path) -> None:
    article = corpus / "seeds" / ARTICLE
    sentence = "The volume of exports exceeded 57 billion pesos in the first 10 months of the year"
    rewrite(article, lambda text: text.replace(sentence, "Exports set a record"))

    assert quote_anchor(corpus, "The volume of exports") == "missing"
    assert open_corpus(corpus) == load_corpus(corpus)


def test_a_change_to_an_article_changes_what_a_filter_finds(corpus: Path) -> None:
    assert found(open_corpus(corpus), "zacatecas") == set()
    article = corpus / "seeds" / ARTICLE
    # Within the article: its brief says where it ends, and the page after it is not searched.
    rewrite(article, lambda text: text.replace("\n", "\nZacatecas is named here.\n", 1))

    opened = open_corpus(corpus)

    assert found(opened, "zacatecas") == {BRIEF} == found(load_corpus(corpus), "zacatecas")


def test_a_removed_article_is_reported(corpus: Path) -> None:
    (corpus / "seeds" / ARTICLE).unlink()

    entry = open_corpus(corpus).entry(BRIEF)

    assert entry is not None
    assert any(p.field == "source" and "not found" in p.message for p in entry.problems)
    assert open_corpus(corpus) == load_corpus(corpus)


def test_a_missing_article_that_appears_is_used(corpus: Path) -> None:
    article = corpus / "seeds" / ARTICLE
    text = article.read_bytes()
    article.unlink()
    missing = open_corpus(corpus).entry(BRIEF)
    assert missing is not None and missing.has_errors

    article.write_bytes(text)
    age(corpus)

    entry = open_corpus(corpus).entry(BRIEF)
    assert entry is not None and not entry.has_errors
    assert open_corpus(corpus) == load_corpus(corpus)


# -- The filter, through the index ----------------------------------------------------------------


@pytest.fixture
def small(tmp_path: Path) -> Path:
    """Two briefs: one about México's exports, one about Canadian lumber; aged and indexed."""
    root = tmp_path / "small"
    write_article(root, "mx.txt", "Las exportaciones de México crecieron en octubre.\n")
    write_article(root, "ca.txt", "Canadian lumber prices fell in October.\n")
    write_brief(
        root,
        BriefSpec(
            id="mx",
            title="Exportaciones de México crecen",
            source="mx.txt",
            language="es",
            title_en="Exports from Mexico grow",
            facts=[FactSpec("Exports grew.", "Las exportaciones de México crecieron")],
        ),
    )
    write_brief(
        root,
        BriefSpec(
            id="ca",
            title="Canadian lumber prices fall",
            source="ca.txt",
            facts=[FactSpec("Prices fell.", "Canadian lumber prices fell")],
        ),
    )
    age(root)
    open_corpus(root)
    return root


@pytest.mark.parametrize(
    ("query", "keys"),
    [
        ("mexico", {"mx"}),
        ("MÉXICO", {"mx"}),
        ("méxico", {"mx"}),
        ("Mexico exportaciones", {"mx"}),
        ("export", {"mx"}),  # a word finds the words it starts
        ("mex exp", {"mx"}),
        ("xport", set()),  # but not the words it is in
        ("mexico lumber", set()),  # every word must be found
        ("octubre", {"mx"}),  # from the article
        ("octob", {"ca"}),
        ("", {"mx", "ca"}),
    ],
)
def test_the_index_finds_words_case_and_accents_ignored(
    small: Path, query: str, keys: set[str]
) -> None:
    assert found(open_corpus(small), query) == keys


def test_a_word_added_to_a_brief_finds_it_after_a_refresh(small: Path) -> None:
    before = open_corpus(small)
    assert found(before, "zacatecas") == set()
    rewrite(small / "briefs" / "ca.yaml", lambda t: t.replace("A summary", "Zacatecas: a summary"))

    after = open_corpus(small)

    assert found(after, "zacatecas") == {"ca"}
    assert found(after, "zacatecas") == found(load_corpus(small), "zacatecas")
    assert found(before, "zacatecas") == set()  # what was opened before shows what it showed


def test_a_word_removed_from_a_brief_no_longer_finds_it(small: Path) -> None:
    assert found(open_corpus(small), "lumber") == {"ca"}
    rewrite(small / "briefs" / "ca.yaml", lambda t: t.replace("lumber", "steel"))
    rewrite(small / "seeds" / "ca.txt", lambda t: t.replace("lumber", "steel"))

    opened = open_corpus(small)

    assert found(opened, "lumber") == set()
    assert found(opened, "steel") == {"ca"}


def test_a_deleted_brief_is_no_longer_found(small: Path) -> None:
    (small / "briefs" / "mx.yaml").unlink()

    opened = open_corpus(small)

    assert found(opened, "mexico") == set()
    assert found(opened, "") == {"ca"}
    assert opened == load_corpus(small)


# -- Field terms and facets, through the index ---------------------------------------------------


@pytest.fixture
def named(tmp_path: Path) -> Path:
    """:func:`tests.kit.corpus.make_named_corpus`, aged and indexed."""
    root = make_named_corpus(tmp_path / "named")
    age(root)
    open_corpus(root)
    return root


@pytest.mark.parametrize(
    ("query", "keys"),
    [
        ("place:baja", {"mx", "tj", "tx"}),
        ("place:BAJA", {"mx", "tj", "tx"}),
        ('place:"baja california"', {"mx", "tj"}),  # a phrase within one name
        ('place:"baja cal"', {"mx", "tj"}),
        ('place:"california baja"', set()),
        ("place:tijuana", {"tj", "draft"}),
        ("place:index", set()),  # an organisation, not a place
        ("org:index", {"tj", "tx"}),
        ('org:"zona costa"', {"tj"}),
        ("org:index org:zona", {"tj"}),
        ("person:ibanez", {"tj"}),  # accents folded
        ("person:avila", {"mx"}),
        ("topic:night", {"tj", "tx"}),
        ("outlet:imparcial", {"tj"}),
        # A value term: the whole value, folded, as facets count it.
        ('place:="baja california"', {"mx", "tj"}),
        ("place:=baja", {"tx"}),  # not Baja California
        ('place:="BAJA"', {"tx"}),
        ("place:=california", {"tx"}),
        ("place:=tijuana", {"tj", "draft"}),
        ("place:=tij", set()),
        ('org:="index zona costa"', {"tj"}),
        ('person:="marina del pilar avila"', {"mx"}),
        ('topic:="night shift"', {"tj", "tx"}),
        ('outlet:="la voz de la frontera"', {"mx"}),
        ("lang:=en", {"tj", "tx", "draft"}),
        ("lang:=e", set()),
        ("place:=baja lang:=en", {"tx"}),
        ("place:=", {"mx", "tj", "tx", "draft"}),  # as while being typed
        ('outlet:"la voz"', {"mx"}),
        ("lang:es", {"mx"}),
        ("lang:e", {"mx", "tj", "tx", "draft"}),
        ("lang:fr", set()),
        ("date:2024", {"mx", "tj"}),
        ("date:2024-06", {"mx"}),
        ("after:2024-03", {"mx", "tj"}),
        ("after:2024-06-30", {"mx"}),
        ("before:2024-03-15", {"tj", "tx"}),
        ("before:2024-03-14", {"tx"}),
        ("after:2000", {"mx", "tj", "tx"}),  # the undated draft matches no date term
        ("before:9999-12-31", {"mx", "tj", "tx"}),  # the last date there is
        ("date:9999", set()),
        ("before:2024-03 after:2024-07", set()),
        ("is:draft", {"draft"}),
        ("is:final", {"mx", "tj", "tx"}),
        ("is:final place:tijuana", {"tj"}),
        ("is:bookmarked", set()),  # no bookmark given
        ("place:baja night", {"tj", "tx", "mx"}),  # "night" is in every brief's article
        ("place:baja zzz", set()),
        # A term after a minus leaves out what it finds.
        ("-place:tijuana", {"mx", "tx"}),
        ('-place:"baja california"', {"tx", "draft"}),
        ("-place:=baja", {"mx", "tj", "draft"}),
        ("-lang:es", {"tj", "tx", "draft"}),
        ("-is:draft place:baja", {"mx", "tj", "tx"}),
        ("-night", set()),
        ("-zzz", {"mx", "tj", "tx", "draft"}),
        ("-place:tijuana -lang:es", {"tx"}),
        ("-after:2024", {"tx", "draft"}),  # the undated draft is not known to be after it
        ("- -!", {"mx", "tj", "tx", "draft"}),  # a minus alone, or before punctuation
    ],
)
def test_the_index_answers_each_field_term(named: Path, query: str, keys: set[str]) -> None:
    assert found(open_corpus(named), query) == keys


@pytest.mark.parametrize(
    ("query", "wanted"),
    [
        ("aduana", lambda i: i % 100 == 0),  # few found: looked up one by one
        ("1", lambda i: str(i).startswith("1")),  # many (their titles' numbers): the list walked
        ("trade", lambda i: i % 100 != 0),  # most: those not found looked for
        ("brief", lambda i: True),
        ("aduana after:2000-04", lambda i: i % 100 == 0 and i >= 91),
        ("trade before:2000-02", lambda i: i % 100 != 0 and i < 60),  # February included
        ("after:2000-07", lambda i: i >= 182),
        ("trade -aduana", lambda i: i % 100 != 0),
        ("-trade", lambda i: i % 100 == 0),
        ("brief -1", lambda i: not str(i).startswith("1")),
    ],
)
def test_a_filter_finds_the_same_briefs_whether_they_are_few_or_most(
    tmp_path: Path, query: str, wanted: Callable[[int], bool]
) -> None:
    # Brief i is published i days after 2000-01-01; one in a hundred has the topic aduana.
    # Neither a file that fails nor a copy of a brief under another name is ever found.
    count = 250
    root = make_large_corpus(tmp_path / "corpus", count)
    (root / "briefs" / "broken.yaml").write_text("title: [aduana trade brief\n")
    copy = (root / "briefs" / "brief-00100.yaml").read_text()
    (root / "briefs" / "copy-of-00100.yaml").write_text(copy)
    entries = open_corpus(root).entries
    assert len(entries) == count + 2

    keys = [entries[p].key for p in entries.find(parse_query(query))]

    assert keys == [f"brief-{i:05d}" for i in reversed(range(count)) if wanted(i)]


def test_a_minus_before_words_in_quotes_leaves_out_the_briefs_holding_them_all(
    tmp_path: Path,
) -> None:
    root = make_corpus(
        tmp_path / "c",
        {
            "both.yaml": fields("both", summary="Exports grew."),
            "imports.yaml": fields("imports", summary="Imports grew."),
            "fell.yaml": fields("fell", summary="Exports fell."),
        },
    )
    assert found(open_corpus(root), '-"exports grew"') == {"imports", "fell"}
    assert found(open_corpus(root), '"exports grew"') == {"both"}


def test_is_bookmarked_keeps_the_briefs_of_the_ids_given(named: Path) -> None:
    entries = open_corpus(named).entries

    def bookmarked(query: str, ids: frozenset[str]) -> set[str]:
        return {entries[p].key for p in entries.find(parse_query(query), Marks(bookmarked=ids))}

    assert bookmarked("is:bookmarked", frozenset({"tj", "gone"})) == {"tj"}
    assert bookmarked("is:bookmarked place:baja", frozenset({"tj", "draft"})) == {"tj"}
    # More ids than SQLite takes values in one statement.
    many = frozenset({f"other-{n}" for n in range(100_001)} | {"mx"})
    assert bookmarked("is:bookmarked", many) == {"mx"}
    assert bookmarked("place:baja", many) == {"mx", "tj", "tx"}  # only asked for by the term
    assert bookmarked("-is:bookmarked", frozenset({"tj", "draft"})) == {"mx", "tx"}


class CountingMarks:
    """User marks that count which of their sets a query reads."""

    def __init__(self, marks: Marks) -> None:
        self.marks = marks
        self.asked: list[str] = []

    @property
    def bookmarked(self) -> Collection[str]:
        self.asked.append("bookmarked")
        return self.marks.bookmarked

    @property
    def read(self) -> Collection[str]:
        self.asked.append("read")
        return self.marks.read

    @property
    def noted(self) -> Collection[str]:
        self.asked.append("noted")
        return self.marks.noted

    @property
    def tagged(self) -> Mapping[str, Collection[str]]:
        self.asked.append("tagged")
        return self.marks.tagged


USER_MARKS = Marks(
    read=frozenset({"tj", "gone"}),
    noted=frozenset({"tx"}),
    tagged={
        "USMCA": frozenset({"tj", "mx"}),
        "usmca-review": frozenset({"draft"}),
        "Aduana": {"mx"},
    },
)


@pytest.mark.parametrize(
    ("query", "keys", "asked"),
    [
        ("is:read", {"tj"}, ["read"]),
        ("is:unread", {"mx", "tx", "draft"}, ["read"]),
        ("is:u place:baja", {"mx", "tx"}, ["read"]),
        ("has:note", {"tx"}, ["noted"]),
        ("has:n is:read", set(), ["read", "noted"]),
        ("tag:usm", {"tj", "mx", "draft"}, ["tagged"]),
        ("tag:USMCA-R", {"draft"}, ["tagged"]),
        ("tag:aduana tag:usmca", {"mx"}, ["tagged", "tagged"]),
        ("tag:nothing", set(), ["tagged"]),
        ("place:baja", {"mx", "tj", "tx"}, []),
        ("-is:read", {"mx", "tx", "draft"}, ["read"]),
        ("-has:note -tag:usmca-r", {"mx", "tj"}, ["noted", "tagged"]),
        ("-tag:aduana tag:usmca", {"tj", "draft"}, ["tagged", "tagged"]),
    ],
)
def test_the_users_marks_are_asked_for_only_as_the_query_names_them(
    named: Path, query: str, keys: set[str], asked: list[str]
) -> None:
    entries = open_corpus(named).entries
    marks = CountingMarks(USER_MARKS)
    assert {entries[p].key for p in entries.find(parse_query(query), marks)} == keys
    assert marks.asked == asked


def test_a_query_of_100000_read_ids_is_answered_by_the_index(named: Path) -> None:
    entries = open_corpus(named).entries
    many = frozenset({f"other-{n}" for n in range(100_000)} | {"mx"})
    marks = Marks(read=many, tagged={"all": many})
    found = {entries[p].key for p in entries.find(parse_query("is:unread"), marks)}
    assert found == {"tj", "tx", "draft"}
    assert {entries[p].key for p in entries.find(parse_query("tag:all is:read"), marks)} == {"mx"}
    assert entries.facets(parse_query("is:read"), "tag", marks=marks) == [("all", 1)]


def test_tags_are_a_facet_counted_over_the_briefs_found(named: Path) -> None:
    entries = open_corpus(named).entries
    every = parse_query("")
    assert entries.facets(every, "tag", marks=USER_MARKS) == [
        ("USMCA", 2),
        ("Aduana", 1),
        ("usmca-review", 1),
    ]
    assert entries.facets(parse_query("lang:es"), "tag", marks=USER_MARKS) == [
        ("Aduana", 1),
        ("USMCA", 1),
    ]
    assert entries.facets(every, "tag", limit=1, marks=USER_MARKS) == [("USMCA", 2)]
    assert entries.facets(every, "tag") == []  # no marks given: no tags


def test_tags_with_as_many_briefs_are_in_the_order_of_their_names_accents_aside(
    named: Path,
) -> None:
    entries = open_corpus(named).entries
    marks = Marks(tagged={tag: frozenset({"mx"}) for tag in ("zeta", "Ñandú", "beta", "Árbol")})
    assert [tag for tag, _ in entries.facets(parse_query(""), "tag", marks=marks)] == [
        "Árbol",
        "beta",
        "Ñandú",
        "zeta",
    ]


def test_facets_count_the_briefs_matching_most_first_then_by_name(named: Path) -> None:
    entries = open_corpus(named).entries
    every = parse_query("")

    # TIJUANA in the draft counts with Tijuana, shown as the first brief in the list writes it.
    assert entries.facets(every, "place") == [
        ("Baja California", 2),
        ("Tijuana", 2),
        ("Baja", 1),  # named twice by tx: one brief
        ("California", 1),
        ("Mexicali", 1),
    ]
    assert entries.facets(every, "place", limit=2) == [("Baja California", 2), ("Tijuana", 2)]
    assert entries.facets(every, "topic") == [("night shift", 2), ("exports", 1)]
    assert entries.facets(every, "language") == [("en", 3), ("es", 1)]
    assert entries.facets(every, "outlet") == [("El Imparcial", 1), ("La Voz de la Frontera", 1)]
    assert entries.facets(parse_query("lang:en"), "place") == [
        ("Tijuana", 2),
        ("Baja", 1),
        ("Baja California", 1),
        ("California", 1),
    ]
    assert entries.facets(parse_query("org:index"), "organization") == [
        ("index fund", 1),
        ("Index Zona Costa", 1),
    ]
    assert entries.facets(parse_query("-lang:es"), "place") == entries.facets(
        parse_query("lang:en"), "place"
    )
    assert entries.facets(parse_query("-night"), "place") == []
    assert entries.facets(parse_query("zzz"), "place") == []
    assert entries.facets(parse_query("is:bookmarked"), "person", marks=Marks({"mx"})) == [
        ("Marina del Pilar Ávila", 1)
    ]


def test_the_term_of_every_facet_value_finds_the_briefs_it_counts(named: Path) -> None:
    entries = open_corpus(named).entries
    for typed in ("", "lang:en", "night", "-place:tijuana"):
        for field in FACET_FIELDS:
            for value, count in entries.facets(parse_query(typed), field):
                term = value_term(field, value)
                assert len(entries.find(parse_query(with_term(typed, term)))) == count, term


def test_facets_count_the_index_as_the_list_sees_it_after_a_refresh_wrote_it(
    named: Path,
) -> None:
    before = open_corpus(named)
    rewrite(named / "briefs" / "tj.yaml", lambda t: t.replace("- Tijuana", "- Ensenada"))
    after = open_corpus(named)  # the index written again, while the first snapshot is kept

    for corpus, place in ((before, "Tijuana"), (after, "Ensenada")):
        places = dict(corpus.entries.facets(parse_query(""), "place"))
        listed = found(corpus, value_term("place", place))
        assert places[place] == len(listed) and "tj" in listed
    assert "Ensenada" not in dict(before.entries.facets(parse_query(""), "place"))


def test_a_place_changed_on_disk_is_found_by_the_new_name_only(named: Path) -> None:
    rewrite(named / "briefs" / "tj.yaml", lambda t: t.replace("- Tijuana", "- Ensenada"))

    opened = open_corpus(named)

    assert found(opened, "place:tijuana") == {"draft"}
    assert found(opened, "place:ensenada") == {"tj"}
    assert ("Ensenada", 1) in opened.entries.facets(parse_query(""), "place")
    assert found(opened, "place:") == found(load_corpus(named), "place:")


def test_a_deleted_brief_leaves_the_facets_and_the_tables_of_names(named: Path) -> None:
    (named / "briefs" / "mx.yaml").unlink()

    opened = open_corpus(named)

    assert opened.entries.facets(parse_query(""), "organization") == [
        ("index fund", 1),
        ("Index Zona Costa", 1),
    ]
    assert found(opened, "person:avila") == set()
    with contextlib.closing(sqlite3.connect(index_file(named))) as connection:
        (left,) = connection.execute(
            "SELECT count(*) FROM names WHERE brief NOT IN (SELECT rowid FROM briefs)"
        ).fetchone()
        (words,) = connection.execute(
            "SELECT count(*) FROM name_words WHERE rowid NOT IN (SELECT rowid FROM names)"
        ).fetchone()
    assert (left, words) == (0, 0)


def test_a_value_is_spelt_with_the_accents_a_brief_of_the_corpus_writes_it_with(
    tmp_path: Path,
) -> None:
    # Listed newest first: the first brief writes the name without its accent, as the facets
    # showed it, whatever the other briefs wrote.
    written = {
        "plain.yaml": fields(
            "plain", published="2024-03-03", summary="An ocotillo plant.", people=["Samuel Garcia"]
        ),
        "caps.yaml": fields(
            "caps", published="2024-03-02", language="es", people=["SAMUEL GARCIA"]
        ),
        "accent.yaml": fields(
            "accent", published="2024-03-01", language="es", people=["Samuel García"]
        ),
        # Not one of the corpus's briefs: its id is plain.yaml's.
        "copy.yaml": fields("plain", published="2024-03-04", people=["Sámuel Gárcía"]),
    }
    root = make_corpus(tmp_path / "corpus", written)
    entries = open_corpus(root).entries

    # The same spelling whatever the filter, be the briefs counted many or few.
    for typed, count in (("", 3), ("plant", 3), ("lang:es", 2), ("ocotillo", 1)):
        assert entries.facets(parse_query(typed), "person") == [("Samuel García", count)], typed
        term = with_term(typed, value_term("person", "Samuel García"))
        assert len(entries.find(parse_query(term))) == count, typed

    (root / "briefs" / "accent.yaml").unlink()
    opened = open_corpus(root).entries
    assert opened.facets(parse_query(""), "person") == [("Samuel Garcia", 2)]


def test_an_index_answers_field_terms_as_a_fresh_load(named: Path) -> None:
    opened, loaded = open_corpus(named), load_corpus(named)
    for query in ("place:baja", "org:index", "is:final", "date:2024", "lang:en"):
        assert found(opened, query) == found(loaded, query), query


# -- An index that cannot be trusted --------------------------------------------------------------


def _zero_from_page(page_of: Callable[[sqlite3.Connection], int]) -> Callable[[Path], None]:
    """Overwrite the index with zeros from a page on: its header still says it is a database."""

    def corrupt(path: Path) -> None:
        with contextlib.closing(sqlite3.connect(path)) as connection:
            (size,) = connection.execute("PRAGMA page_size").fetchone()
            page = page_of(connection)
        data = path.read_bytes()
        start = (page - 1) * size
        assert 0 < start < len(data)
        path.write_bytes(data[:start] + bytes(len(data) - start))

    return corrupt


def _root_page(name: str) -> Callable[[sqlite3.Connection], int]:
    def page(connection: sqlite3.Connection) -> int:
        query = "SELECT rootpage FROM sqlite_master WHERE name = ?"
        return int(connection.execute(query, (name,)).fetchone()[0])

    return page


def _after_the_roots(connection: sqlite3.Connection) -> int:
    return 1 + int(connection.execute("SELECT max(rootpage) FROM sqlite_master").fetchone()[0])


FILE_CORRUPTIONS: dict[str, Callable[[Path], object]] = {
    "garbage": lambda path: path.write_bytes(random.Random(0).randbytes(4096)),
    "empty": lambda path: path.write_bytes(b""),
    "text": lambda path: path.write_text("not a database\n"),
    "cut in half": lambda path: path.write_bytes(path.read_bytes()[: path.stat().st_size // 2]),
    "cut to its header": lambda path: path.write_bytes(path.read_bytes()[:100]),
    "header overwritten": lambda path: path.write_bytes(
        random.Random(1).randbytes(100) + path.read_bytes()[100:]
    ),
}
BRIEF_PAGES_ZEROED = _zero_from_page(_root_page("briefs"))
PAGES_AFTER_THE_ROOTS_ZEROED = _zero_from_page(_after_the_roots)


@pytest.mark.parametrize(
    "corruption",
    [
        *FILE_CORRUPTIONS.values(),
        BRIEF_PAGES_ZEROED,
        PAGES_AFTER_THE_ROOTS_ZEROED,
    ],
    ids=[*FILE_CORRUPTIONS, "the briefs' pages zeroed", "the pages after the tables' roots zeroed"],
)
def test_a_damaged_index_is_rebuilt(
    corpus: Path, corruption: Callable[[Path], object], reads: list[str]
) -> None:
    close_all()
    path = index_file(corpus)
    assert not Path(f"{path}-wal").exists()
    corruption(path)

    opened = open_corpus(corpus)

    assert opened == load_corpus(corpus)
    assert sorted(reads) == SHIPPED  # every brief read again
    reads.clear()
    assert open_corpus(corpus) == load_corpus(corpus)
    assert reads == []  # and the index written anew


@pytest.mark.parametrize(
    "corruption",
    [
        *FILE_CORRUPTIONS.values(),
        BRIEF_PAGES_ZEROED,
        PAGES_AFTER_THE_ROOTS_ZEROED,
    ],
    ids=[*FILE_CORRUPTIONS, "the briefs' pages zeroed", "the pages after the tables' roots zeroed"],
)
def test_a_damaged_index_is_not_shown(corpus: Path, corruption: Callable[[Path], object]) -> None:
    close_all()
    corruption(index_file(corpus))

    peeked = peek_corpus(corpus)

    assert peeked is None or peeked == load_corpus(corpus)


def test_an_index_cut_short_by_a_few_bytes_gives_the_corpus(corpus: Path) -> None:
    close_all()
    path = index_file(corpus)
    path.write_bytes(path.read_bytes()[:-8])

    assert open_corpus(corpus) == load_corpus(corpus)
    assert open_corpus(corpus) == load_corpus(corpus)


def _sql(root: Path, statement: str, *values: object) -> None:
    with contextlib.closing(sqlite3.connect(index_file(root))) as connection:
        connection.execute(statement, values)
        connection.commit()


@pytest.mark.parametrize("column", ["entry", "brief_id", "path"])
def test_text_of_the_index_that_is_not_utf8_is_taken_for_damage(corpus: Path, column: str) -> None:
    # A byte written over in the cache folder made every start fail alike: the error of reading
    # it back was taken for a locked index, or not caught at all.
    not_utf8 = b"\xff\xfe" + BRIEF.encode()
    statement = f"UPDATE briefs SET {column} = CAST(? AS TEXT) WHERE path = ?"
    _sql(corpus, statement, not_utf8, f"briefs/{BRIEF}.yaml")

    assert open_corpus(corpus) == load_corpus(corpus)
    assert open_corpus(corpus) == load_corpus(corpus)


def test_an_index_of_another_version_is_emptied_and_rebuilt(corpus: Path, reads: list[str]) -> None:
    # A row it cannot read back would have its brief read from the file: once the index is
    # emptied, no such row is left.
    _sql(corpus, "UPDATE briefs SET entry = 'garbage' WHERE path = ?", f"briefs/{BRIEF}.yaml")
    _sql(corpus, "UPDATE meta SET value = ? WHERE key = 'environment'", '[0,"0.0.1"]')

    assert peek_corpus(corpus) is None
    assert open_corpus(corpus) == load_corpus(corpus)
    assert sorted(reads) == SHIPPED

    reads.clear()
    assert open_corpus(corpus) == load_corpus(corpus)
    assert reads == []


def test_an_index_naming_another_folder_is_not_used(corpus: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    shutil.copytree(corpus, other)
    rewrite(brief_path(other), lambda text: text.replace("Mayor Norma", "Alcaldesa Norma"))
    open_corpus(other)
    close_all()
    shutil.copy(index_file(other), index_file(corpus))

    assert peek_corpus(corpus) is None
    assert open_corpus(corpus) == load_corpus(corpus)
    assert title_of(open_corpus(corpus)).startswith("Mayor Norma")


def _set_fact(index: int, value: object) -> Callable[[list[Any]], None]:
    def change(entry: list[Any]) -> None:
        entry[0][5][0][index] = value

    return change


def _set_brief(index: int, value: object) -> Callable[[list[Any]], None]:
    def change(entry: list[Any]) -> None:
        entry[0][index] = value

    return change


def _fuzzy_without_score(entry: list[Any]) -> None:
    entry[0][5][0][5:7] = ["fuzzy", None]


def _terminal_escape(entry: list[Any]) -> None:
    entry[1] = [[f"briefs/{BRIEF}.yaml", 1, "", "\x1b[2J cleared", "error"]]


ROW_DAMAGES: dict[str, str | Callable[[list[Any]], None]] = {
    "not JSON": "garbage",
    "nested without end": "[" * 100_000,
    "JSON of another kind": '{"brief": null}',
    "a list of one": "[null]",
    "a brief too short": lambda entry: entry[0].pop(),
    "a title that is a number": _set_brief(2, 5),
    "no such day": _set_brief(7, "2024-02-30"),
    "a status unknown": _set_brief(15, "published"),
    "facts not a list": _set_brief(5, {"facts": []}),
    "a span of the wrong type": _set_fact(3, "12"),
    "a fact kind unknown": _set_fact(2, "opinion"),
    "an anchor unknown": _set_fact(5, "close"),
    "a fuzzy anchor without its score": _fuzzy_without_score,
    "a score for an exact anchor": _set_fact(6, 95),
    "a span for a quote not found": _set_fact(5, "missing"),
    "a fact of the previous format": lambda entry: entry[0][5].__setitem__(0, entry[0][5][0][:5]),
    "a problem with a terminal escape": _terminal_escape,
}


@pytest.mark.parametrize("damage", ROW_DAMAGES.values(), ids=ROW_DAMAGES.keys())
def test_a_damaged_row_is_read_from_the_brief_file(
    corpus: Path, damage: str | Callable[[list[Any]], None], reads: list[str]
) -> None:
    path = f"briefs/{BRIEF}.yaml"
    if callable(damage):
        with contextlib.closing(sqlite3.connect(index_file(corpus))) as connection:
            (text,) = connection.execute(
                "SELECT entry FROM briefs WHERE path = ?", (path,)
            ).fetchone()
        entry = json.loads(text)
        damage(entry)
        damage = json.dumps(entry)
    _sql(corpus, "UPDATE briefs SET entry = ? WHERE path = ?", damage, path)

    opened = open_corpus(corpus)

    assert opened == load_corpus(corpus)
    assert reads == [f"{BRIEF}.yaml"]


# -- A cache folder that cannot be used -----------------------------------------------------------


def test_a_cache_folder_under_a_file_gives_a_corpus_and_a_notice(
    corpus_dir: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")

    first = open_corpus(corpus_dir, blocker / "cache")
    second = open_corpus(corpus_dir, blocker / "cache")

    assert first == second == load_corpus(corpus_dir)
    assert first.notice and second.notice
    assert blocker.read_text() == "not a folder"
    assert peek_corpus(corpus_dir, blocker / "cache") is None


def test_a_cache_folder_that_is_a_file_gives_a_corpus_and_a_notice(
    corpus_dir: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")

    opened = open_corpus(corpus_dir, blocker)

    assert opened == load_corpus(corpus_dir)
    assert opened.notice
    assert found(opened, "maquila") == found(load_corpus(corpus_dir), "maquila") != set()


def test_an_index_that_cannot_be_written_is_told_with_its_folder(
    corpus_dir: Path, tmp_path: Path
) -> None:
    # "the index cannot be written", without a word of where or why.
    cache = tmp_path / "cache"
    index_file(corpus_dir, cache).mkdir(parents=True)  # a folder where the file should be
    opened = open_corpus(corpus_dir, cache)
    assert opened == load_corpus(corpus_dir)
    assert opened.notice is not None
    assert f"cannot be written in {cache} (" in opened.notice


def disk_full_after(step: Callable[..., None]) -> Callable[..., None]:
    """``step`` done, then, the first time, failed as on a full disk, where SQLite rolls the
    transaction back itself before it says so (an index kept in memory then has room)."""
    failed = []

    def fails(connection: sqlite3.Connection, *args: Any) -> None:
        step(connection, *args)
        if not failed:
            failed.append(True)
            connection.execute("ROLLBACK")
            raise sqlite3.OperationalError("database or disk is full")

    return fails


@pytest.mark.parametrize("step", ["making the tables", "ordering the list"])
def test_an_index_on_a_full_disk_is_told_so(
    corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    # Told "cannot rollback - no transaction is active", nothing to say the disk was full.
    if step == "making the tables":
        monkeypatch.setattr(database, "_make_tables", disk_full_after(database._make_tables))
    else:
        monkeypatch.setattr(refresh, "_arrange", disk_full_after(refresh._arrange))
    opened = open_corpus(corpus_dir, tmp_path / "cache")
    assert opened == load_corpus(corpus_dir)
    assert opened.notice is not None and "(database or disk is full)" in opened.notice


@pytest.mark.parametrize("where", ["folder", "parent"])
def test_a_cache_folder_that_is_a_file_is_named_with_what_to_do(
    corpus_dir: Path, tmp_path: Path, where: str
) -> None:
    # "the index folder cannot be used (File exists)", naming no folder.
    taken = tmp_path / "cache"
    taken.write_text("not a folder", encoding="utf-8")
    cache = taken if where == "folder" else taken / "briefing"
    opened = open_corpus(corpus_dir, cache)
    assert opened == load_corpus(corpus_dir)
    assert opened.notice is not None
    assert f"the index folder {cache} is a file, or is under one" in opened.notice
    assert taken.read_text(encoding="utf-8") == "not a folder"


def test_a_cache_folder_that_cannot_be_written_gives_a_corpus_and_a_notice(
    corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    # Tests may run as root, whom file modes do not stop: SQLite is refused the index as in a
    # folder its user may not write, where it can neither make the file nor open one.
    sqlite_connect = sqlite3.connect

    def refuse(location: str, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        if Path(location).parent == folder:
            raise sqlite3.OperationalError("unable to open database file")
        return sqlite_connect(location, *args, **kwargs)

    monkeypatch.setattr(database.sqlite3, "connect", refuse)
    opened = open_corpus(corpus_dir, folder)

    assert opened == load_corpus(corpus_dir)
    assert opened.notice is not None
    assert f"cannot be written in {folder} (" in opened.notice
    assert list(folder.iterdir()) == []


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """The index at ``path`` held by another connection in an exclusive transaction."""
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("BEGIN EXCLUSIVE")
        yield
        connection.execute("ROLLBACK")
    finally:
        connection.close()


def test_a_first_look_at_an_index_kept_busy_gives_up_at_once(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The first frame waited for it as long as any reader does (5 s), the screen blank.
    open_corpus(corpus_dir).entries.close()
    monkeypatch.setattr(database, "BUSY_MS", 3_600_000)  # "for ever", for this test
    holder = sqlite3.connect(index_file(corpus_dir), isolation_level=None)
    try:
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("INSERT INTO meta (key, value) VALUES ('held', '1')")
        assert without_waiting(lambda: peek_corpus(corpus_dir)) is None
    finally:
        holder.close()
    peeked = peek_corpus(corpus_dir)
    assert peeked is not None and len(peeked.entries) == len(load_corpus(corpus_dir).entries)


def test_a_new_index_locked_by_another_gives_a_corpus_and_a_notice(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch, reads: list[str]
) -> None:
    monkeypatch.setattr(database, "BUSY_MS", 50)
    age(corpus_dir)

    with locked(index_file(corpus_dir)):
        opened = open_corpus(corpus_dir)
        assert opened == load_corpus(corpus_dir)
        assert opened.notice
        assert peek_corpus(corpus_dir) is None

    reads.clear()
    again = open_corpus(corpus_dir)  # once let go, the index is written
    assert again.notice is None
    assert again == load_corpus(corpus_dir)
    reads.clear()
    assert open_corpus(corpus_dir) == again
    assert reads == []


def test_an_index_locked_while_it_must_be_written_gives_a_corpus_and_a_notice(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database, "BUSY_MS", 50)
    rewrite(brief_path(corpus), lambda text: text.replace("Mayor Norma", "Alcaldesa Norma"))

    with locked(index_file(corpus)):
        opened = open_corpus(corpus)
        assert opened == load_corpus(corpus)
        assert opened.notice
        assert title_of(opened).startswith("Alcaldesa")

    again = open_corpus(corpus)
    assert again.notice is None
    assert title_of(again).startswith("Alcaldesa")


# -- Several readers of one index -----------------------------------------------------------------

OPEN_ELSEWHERE = (
    "import json, sys; from pathlib import Path; from tui.core.store import open_corpus\n"
    "corpus = open_corpus(Path(sys.argv[1]))\n"
    "titles = [e.brief.title if e.brief else None for e in corpus.entries]\n"
    "print(json.dumps({'keys': [e.key for e in corpus.entries], 'titles': titles,"
    " 'notice': corpus.notice}))\n"
)


def open_elsewhere(root: Path) -> dict[str, Any]:
    """Open the corpus at ``root`` in a process of its own, with this one's cache folder."""
    result = subprocess.run(
        [sys.executable, "-c", OPEN_ELSEWHERE, str(root)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    answer: dict[str, Any] = json.loads(result.stdout)
    return answer


KILLED_WHILE_BUILDING = """
import os, signal, sys
from pathlib import Path
from tui.core.store import open_corpus

def children():
    found = []
    for name in os.listdir("/proc"):
        try:
            with open(f"/proc/{name}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if name.isdigit() and int(fields[1]) == os.getpid():
            found.append(name)
    return found

def progress(done, total):
    if done:  # the workers are reading
        print(" ".join(children()), flush=True)
        os.kill(os.getpid(), signal.SIGKILL)

if __name__ == "__main__":
    open_corpus(Path(sys.argv[1]), progress=progress)
"""


def running(pid: int) -> bool:
    """Whether process ``pid`` exists and has not ended (a zombie has)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
def test_the_reading_processes_end_when_the_process_they_read_for_is_killed(
    tmp_path: Path,
) -> None:
    root = make_large_corpus(tmp_path / "corpus", refresh.PARALLEL_FROM + 2 * refresh.BATCH)
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_WHILE_BUILDING, str(root)],
        capture_output=True,
        text=True,
        timeout=60,  # its output ends only when every process holding it has ended
        cwd=REPO,
    )
    workers = [int(pid) for pid in killed.stdout.split()]
    assert killed.returncode == -9 and workers, killed.stderr

    deadline = time.monotonic() + 20 * refresh.PARENT_CHECK_INTERVAL
    while any(running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(refresh.PARENT_CHECK_INTERVAL / 5)  # polled: they end on their own clock
    assert [pid for pid in workers if running(pid)] == []


def test_two_corpora_open_on_one_index_see_the_same_entries(corpus: Path) -> None:
    first = open_corpus(corpus)
    second = open_corpus(corpus)

    assert first.notice is None and second.notice is None
    assert first.entries.same_as(second.entries)
    assert first == second == load_corpus(corpus)
    assert found(first, "maquila") == found(second, "maquila")


def test_an_open_while_another_builds_the_index_gives_the_corpus(corpus_dir: Path) -> None:
    # The second open starts once the first has listed what to read, before it writes any.
    age(corpus_dir)
    meanwhile: list[Corpus] = []

    def open_another(done: int, total: int) -> None:
        if not meanwhile:
            meanwhile.append(open_corpus(corpus_dir))

    first = open_corpus(corpus_dir, progress=open_another)

    assert first == meanwhile[0] == load_corpus(corpus_dir)
    assert first.notice is None and meanwhile[0].notice is None


def test_an_open_while_another_process_builds_the_index_gives_the_corpus(
    corpus_dir: Path,
) -> None:
    # Two apps started at once, or an app and ``briefing export``: the other process builds
    # the index between this one's listing what to read and its writing.
    age(corpus_dir)
    elsewhere: list[dict[str, Any]] = []

    def open_elsewhere_once(done: int, total: int) -> None:
        if not elsewhere:
            elsewhere.append(open_elsewhere(corpus_dir))

    here = open_corpus(corpus_dir, progress=open_elsewhere_once)

    assert here == load_corpus(corpus_dir)
    assert here.notice is None
    assert elsewhere[0]["keys"] == [e.key for e in here.entries]


def test_a_corpus_opened_in_another_process_sees_the_same_entries(
    corpus: Path, reads: list[str]
) -> None:
    here = open_corpus(corpus)

    elsewhere = open_elsewhere(corpus)

    assert elsewhere["notice"] is None
    assert elsewhere["keys"] == [e.key for e in here.entries]
    assert elsewhere["titles"] == [e.brief.title if e.brief else None for e in here.entries]


def test_a_refresh_in_another_process_is_seen_by_a_new_open_only(
    corpus: Path, reads: list[str]
) -> None:
    before = open_corpus(corpus)
    shown = load_corpus(corpus)
    rewrite(brief_path(corpus), lambda text: text.replace("Mayor Norma", "Alcaldesa Norma"))

    elsewhere = open_elsewhere(corpus)  # writes the change while ``before`` is open

    assert elsewhere["notice"] is None
    assert any(title and title.startswith("Alcaldesa") for title in elsewhere["titles"])
    assert before == shown  # what was opened before shows what it showed
    assert title_of(before).startswith("Mayor Norma")
    reads.clear()
    after = open_corpus(corpus)
    assert reads == []  # the other process read it
    assert title_of(after).startswith("Alcaldesa Norma")
    assert after == load_corpus(corpus)
    assert not after.entries.same_as(before.entries)


def test_entries_opened_before_a_refresh_keep_what_they_showed(corpus: Path) -> None:
    before = open_corpus(corpus)
    shown = load_corpus(corpus)
    rewrite(brief_path(corpus), lambda text: text.replace("Mayor Norma", "Zyzzyva Norma"))
    brief_path(corpus, "mexicali-cce-nearshoring").unlink()
    text = brief_path(corpus).read_text().replace(f"id: {BRIEF}", "id: a-new-brief")
    brief_path(corpus, "a-new-brief").write_text(text, encoding="utf-8")

    after = open_corpus(corpus)

    assert after == load_corpus(corpus)
    assert before == shown
    assert title_of(before).startswith("Mayor Norma")
    assert before.entries.position_of("mexicali-cce-nearshoring") is not None
    assert before.entries.position_of("a-new-brief") is None
    assert before.entries.ids() == shown.entries.ids()
    assert found(before, "zyzzyva") == set()
    assert found(after, "zyzzyva") == {BRIEF, "a-new-brief"}
    assert not before.entries.same_as(after.entries)
    assert after.entries.same_as(open_corpus(corpus).entries)


# -- The index as last seen -----------------------------------------------------------------------


def test_there_is_no_index_before_a_first_open(corpus_dir: Path) -> None:
    assert peek_corpus(corpus_dir) is None


def test_the_index_shows_the_entries_as_last_opened(corpus: Path, reads: list[str]) -> None:
    opened = open_corpus(corpus)
    rewrite(brief_path(corpus), lambda text: text.replace("Mayor Norma", "Alcaldesa Norma"))
    reads.clear()

    peeked = peek_corpus(corpus)

    assert peeked is not None
    assert peeked == opened
    assert title_of(peeked).startswith("Mayor Norma")  # as the index last saw it
    assert found(peeked, "maquila") == found(opened, "maquila")
    assert reads == []  # no file read


def opened_with_listings(root: Path) -> tuple[Corpus, list[list[str | None]]]:
    """The corpus at ``root`` opened, and the ids the index listed each time the build said
    it had listed more of them."""
    shown: list[list[str | None]] = []

    def listed() -> None:
        peeked = peek_corpus(root)
        assert peeked is not None
        shown.append(peeked.entries.ids())

    return open_corpus(root, listed=listed), shown


def test_a_first_build_lists_the_briefs_read_so_far_as_it_goes(tmp_path: Path) -> None:
    # Files are read in name order, a batch at a time; a later brief is a newer one, so each
    # listing as the build goes on puts the briefs just read above those read before.
    root = make_large_corpus(tmp_path / "corpus", 3 * refresh.BATCH)

    corpus, shown = opened_with_listings(root)

    every = corpus.entries.ids()
    assert [len(ids) for ids in shown] == [refresh.BATCH, 2 * refresh.BATCH]
    for ids in shown:
        assert set(ids) == {f"brief-{i:05d}" for i in range(len(ids))}
        assert ids == [ident for ident in every if ident in set(ids)]  # in the list's order
    assert every[0] == f"brief-{3 * refresh.BATCH - 1:05d}"


def test_only_a_first_build_lists_the_briefs_as_it_goes(tmp_path: Path) -> None:
    root = make_large_corpus(tmp_path / "corpus", 2 * refresh.BATCH)
    open_corpus(root)
    (root / "briefs" / "brief-00000.yaml").unlink()
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    calls: list[str] = []

    open_corpus(root, listed=lambda: calls.append("listed"))
    open_corpus(root, blocker / "cache", listed=lambda: calls.append("in memory"))

    assert calls == []


def test_a_first_build_lists_nothing_a_damaged_file_would_show(tmp_path: Path) -> None:
    # A brief that fails is listed last, as in the whole list: never in place of one that loads.
    root = make_large_corpus(tmp_path / "corpus", refresh.BATCH)
    (root / "briefs" / "brief-00003.yaml").write_text("key_facts: [\n", encoding="utf-8")

    corpus, shown = opened_with_listings(root)

    assert shown == [corpus.entries.ids()]
    assert shown[0][-1] is None


def test_the_index_shows_a_broken_brief_by_its_file_name(corpus: Path, reads: list[str]) -> None:
    rewrite(brief_path(corpus), lambda text: "key_facts: [\n" + text)
    open_corpus(corpus)
    reads.clear()

    peeked = peek_corpus(corpus)

    assert peeked is not None
    last = peeked.entries[-1]
    assert (last.key, last.brief) == (BRIEF, None)
    assert peeked.entries.ids()[-1] is None  # no brief to bookmark or mark
    assert reads == []


# -- Progress, and stopping -----------------------------------------------------------------------


def test_progress_is_told_of_every_brief_read(corpus_dir: Path) -> None:
    seen: list[tuple[int, int]] = []

    open_corpus(corpus_dir, progress=lambda done, total: seen.append((done, total)))

    assert seen[0] == (0, 5) and seen[-1] == (5, 5)


class Stop(Exception):
    pass


def test_an_exception_from_progress_stops_the_refresh_and_a_later_open_completes_it(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch, reads: list[str]
) -> None:
    monkeypatch.setattr(refresh, "BATCH", 2)
    age(corpus_dir)

    def stop(done: int, total: int) -> None:
        if done:
            raise Stop  # as the app's does when it is closing, once a batch is in

    with pytest.raises(Stop):
        open_corpus(corpus_dir, progress=stop)
    assert peek_corpus(corpus_dir) is None  # nothing listed until every file is in
    assert reads == SHIPPED[:2]

    reads.clear()
    opened = open_corpus(corpus_dir)
    assert opened == load_corpus(corpus_dir)
    assert reads == SHIPPED[2:]  # goes on from where it stopped


def test_an_exception_from_progress_leaves_the_index_as_it_was(corpus: Path) -> None:
    shown = open_corpus(corpus)
    (corpus / "briefs" / "mexicali-cce-nearshoring.yaml").unlink()
    rewrite(brief_path(corpus, "ebrard-municipal-convoy-los-angeles"), str.upper)

    def stop(done: int, total: int) -> None:
        raise Stop

    with pytest.raises(Stop):
        open_corpus(corpus, progress=stop)
    assert peek_corpus(corpus) == shown

    assert open_corpus(corpus) == load_corpus(corpus)
    assert len(open_corpus(corpus).entries) == 4


def test_a_cold_build_of_many_files_reads_them_in_other_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reads: list[str]
) -> None:
    monkeypatch.setattr(refresh, "PARALLEL_FROM", 4)
    monkeypatch.setattr(refresh, "BATCH", 2)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    root = make_large_corpus(tmp_path / "many", 11)
    age(root)
    seen: list[tuple[int, int]] = []

    opened = open_corpus(root, progress=lambda done, total: seen.append((done, total)))

    assert reads == []  # none in this process
    assert opened == load_corpus(root)
    assert opened.notice is None
    assert seen[0] == (0, 11) and seen[-1] == (11, 11)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert found(opened, "aduana") == {"brief-00000"}
    assert open_corpus(root) == opened
    assert reads == []  # and the index serves them after


def test_a_first_open_does_not_hold_every_article_at_once(tmp_path: Path) -> None:
    # Each article is let go once its brief has been read: a corpus of many long articles must
    # not need them all in memory together, with their folded copies.
    root = tmp_path / "long-articles"
    count, size = 60, 200_000
    for i in range(count):
        prose = "Trucks wait at the Otay Mesa crossing. " * (size // 39)
        write_article(root, f"a{i}.txt", f"Plant {i} opened in May.\n\n{prose}\n")
        write_brief(
            root,
            BriefSpec(
                id=f"plant-{i}",
                title=f"Plant {i}",
                source=f"a{i}.txt",
                facts=[FactSpec(f"Plant {i} opened in May.", f"Plant {i} opened in May")],
            ),
        )
    tracemalloc.start()
    try:
        opened = open_corpus(root, tmp_path / "cache")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(opened.briefs) == count and not opened.problems
    assert all(brief.key_facts[0].span is not None for brief in opened.briefs)
    # The articles together are 12 MB; held with their folded copies, twice that.
    assert peak < count * size // 2


# The journal a snapshot holds ------------------------------------------------------------------


def test_entries_renewed_as_a_first_build_writes_keep_the_journal_from_growing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_large_corpus(tmp_path / "corpus", 240)
    monkeypatch.setattr(refresh, "BATCH", 8)
    shown: list[Corpus] = []  # the briefs read so far, held as the reader holds what it shows
    journal_after_batches: list[int] = []

    def listed() -> None:
        listing = peek_corpus(root)
        assert listing is not None
        shown[:] = [listing]

    def progress(done: int, total: int) -> None:
        # Told between two batches, as the reader's list is.
        if shown:
            shown[0].entries.renew()
            journal_after_batches.append(journal_size(root))

    opened = open_corpus(root, progress=progress, listed=listed)
    holding = journal_size(root)  # the last listing still held: what the batches left
    shown[:] = [opened]
    opened.entries.renew()

    assert len(journal_after_batches) > 20
    assert max(journal_after_batches) == 0
    # What the build's last transaction wrote stays while the last listing is held, and goes
    # once the entries shown are renewed.
    assert holding > 0
    assert journal_size(root) == 0


def test_renewed_entries_show_what_they_showed(named: Path) -> None:
    opened = open_corpus(named)
    entries = opened.entries

    def shown() -> tuple[list[Any], set[str], list[tuple[str, int]]]:
        places = entries.facets(parse_query("lang:en"), "place")  # on a connection of its own
        return [entries[p] for p in range(len(entries))], found(opened, "place:baja"), places

    before = shown()
    entries.renew()
    assert shown() == before


def test_entries_keep_their_snapshot_when_the_index_shows_something_else(named: Path) -> None:
    title = next(brief.title for brief in load_corpus(named).briefs if brief.id == "tj")
    opened = open_corpus(named)
    entries = opened.entries  # the brief not read from them yet: it is read after the edit
    position = entries.position_of("tj")
    assert position is not None
    entries.facets(parse_query(""), "place")  # a counting connection, to be kept as well
    rewrite(named / "briefs" / "tj.yaml", lambda t: t.replace(title, "Renamed plant"))

    # Asked while the edited brief has been written, before the refresh ends: the index then
    # shows something else already.
    open_corpus(named, progress=lambda done, total: entries.renew())
    entries.renew()

    assert entries[position].brief.title == title  # type: ignore[union-attr]
    assert entries.same_as(opened.entries)
    assert not entries.same_as(open_corpus(named).entries)


def test_entries_closed_no_longer_keep_the_journal(named: Path) -> None:
    before = open_corpus(named)
    rewrite(named / "briefs" / "tj.yaml", lambda t: t.replace("- Tijuana", "- Ensenada"))
    after = open_corpus(named)

    after.entries.renew()
    assert journal_size(named) > 0  # the first snapshot still reads what the journal holds
    before.entries.close()
    after.entries.renew()
    assert journal_size(named) == 0
    assert "Ensenada" in dict(after.entries.facets(parse_query(""), "place"))


# -- An index damaged where opening it does not look -----------------------------------------------

WORDS_DAMAGED = "UPDATE words_data SET block = zeroblob(length(block)) WHERE id > 10"
"""Zeros over the full-text index's data: opening reads the briefs' rows, not those."""


def test_an_index_damaged_where_opening_does_not_look_tells_and_finds_nothing(
    corpus: Path,
) -> None:
    _sql(corpus, WORDS_DAMAGED)
    opened = open_corpus(corpus)
    told: list[str] = []
    opened.entries.on_damage(lambda: told.append("damaged"))

    assert opened.entries.find(parse_query("mexicali")) == []
    assert opened.entries.find(parse_query("maquiladora")) == []
    assert told == ["damaged"]  # once
    # What does not need the damaged pages still answers.
    assert [entry.path for entry in opened.entries] == [e.path for e in load_corpus(corpus).entries]


class _BusyConnection:
    """Stands for a connection whose every statement finds the index locked by another
    process for longer than it waits."""

    def __init__(self, real: sqlite3.Connection) -> None:
        self.real = real

    def execute(self, *_: object) -> sqlite3.Cursor:
        raise sqlite3.OperationalError("database is locked")

    def close(self) -> None:
        self.real.close()


def test_an_index_kept_busy_is_not_taken_for_a_damaged_one(corpus: Path) -> None:
    # Building it again would not help, and a reader that did so at every such error could
    # rebuild its index again and again.
    opened = open_corpus(corpus)
    told: list[str] = []
    opened.entries.on_damage(lambda: told.append("damaged"))
    assert isinstance(opened.entries, view.StoredEntries)
    opened.entries._reader.connection = _BusyConnection(opened.entries._reader.connection)  # type: ignore[assignment]

    with pytest.raises(sqlite3.OperationalError):
        opened.entries.find(parse_query("mexicali"))
    assert told == []


@pytest.mark.parametrize("term", ["place:p", "place:=p", "lang:p", "tag:p", "w"])
def test_a_filter_of_a_thousand_terms_finds_nothing_and_fails_nothing(
    corpus: Path, term: str
) -> None:
    # Past SQLite's own limit on a statement (an expression 1,000 deep), which the query's
    # limit on its terms keeps it from reaching.
    opened = open_corpus(corpus)
    told: list[str] = []
    opened.entries.on_damage(lambda: told.append("damaged"))
    query = parse_query(" ".join(f"{term}{i}" for i in range(1000)))
    marks = Marks(tagged={f"p{i}": {"a-brief"} for i in range(1000)})

    assert opened.entries.find(query, marks) == []
    assert all(opened.entries.facets(query, field, marks=marks) == [] for field in FACET_FIELDS)
    assert told == []


def test_entries_used_once_closed_are_not_taken_for_a_damaged_index(corpus: Path) -> None:
    opened = open_corpus(corpus)
    told: list[str] = []
    opened.entries.on_damage(lambda: told.append("damaged"))
    opened.entries.close()

    with pytest.raises(sqlite3.ProgrammingError):
        opened.entries.find(parse_query("mexicali"))
    assert told == []


def test_a_corpus_rebuilt_from_a_damaged_index_is_the_corpus_on_disk(corpus: Path) -> None:
    _sql(corpus, WORDS_DAMAGED)
    damaged = open_corpus(corpus)

    rebuilt = open_corpus(corpus, damaged=damaged.entries)

    assert rebuilt == load_corpus(corpus)
    assert found(rebuilt, "mexicali") == found(load_corpus(corpus), "mexicali") != set()
    assert not rebuilt.entries.same_as(damaged.entries)


def test_an_index_cut_short_under_the_open_reader_is_made_anew_not_taken_for_busy(
    corpus: Path,
) -> None:
    # Opening the file cut short, beside the journal of the reader still open on it, waited
    # 5 s on a lock and fell back to an index in memory "kept busy by another process".
    opened = open_corpus(corpus)
    assert found(opened, "mexicali")
    index_file(corpus).write_bytes(b"")

    rebuilt = open_corpus(corpus, damaged=opened.entries)

    assert rebuilt.notice is None  # on disk, not in memory
    assert index_file(corpus).stat().st_size > 0
    assert found(rebuilt, "mexicali") == found(load_corpus(corpus), "mexicali") != set()


@needs_file_locks
def test_an_index_whose_lock_another_process_keeps_is_kept_in_memory_meanwhile(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The reading thread waited for as long as the lock was kept, and with it the app, which
    # waits for its threads as it quits.
    _sql(corpus, WORDS_DAMAGED)
    damaged = open_corpus(corpus)
    monkeypatch.setattr(database, "BUSY_MS", 100)  # what is waited for, shortened
    with held_locked(Path(f"{index_file(corpus)}.lock")):
        opened = without_waiting(lambda: open_corpus(corpus, damaged=damaged.entries))
    assert opened.notice is not None and "kept busy by another process" in opened.notice
    assert found(opened, "mexicali") == found(load_corpus(corpus), "mexicali") != set()


def test_a_second_reader_of_the_same_damage_keeps_the_index_the_first_made_anew(
    corpus: Path,
) -> None:
    # Each deleted the index and made its own: the second deleted the first's from under it,
    # journal and all, while the first could be filling it.
    _sql(corpus, WORDS_DAMAGED)
    first, second = open_corpus(corpus), open_corpus(corpus)
    assert found(first, "mexicali") == found(second, "mexicali") == set()  # both found it

    made_anew = open_corpus(corpus, damaged=first.entries)
    made_by = os.stat(index_file(corpus)).st_ino
    again = open_corpus(corpus, damaged=second.entries)

    assert os.stat(index_file(corpus)).st_ino == made_by
    assert again.entries.same_as(made_anew.entries)
    assert found(again, "mexicali") == found(load_corpus(corpus), "mexicali") != set()
