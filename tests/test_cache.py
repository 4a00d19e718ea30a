"""The cache of parsed briefs: a corpus opened through it is the corpus on disk, always.

Files written a moment ago are not trusted by the cache (a second edit within the same tick of
the file system's clock would leave no trace), so most tests first age the corpus, as files kept
for a while are; the cache then serves every brief it can, and each test changes one thing.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tracemalloc
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

import tui.core.cache as cache_module
import tui.core.loader as loader
from tests.app_helpers import BriefSpec, FactSpec, write_article, write_brief
from tui.core.cache import load_cached
from tui.core.cache_index import ENV_CACHE_DIR, cache_file, default_cache_dir, read_index
from tui.core.loader import load_corpus
from tui.core.model import Corpus

BRIEF = "mexicali-maquiladora-exports-2024"
ARTICLE = "004_99dea6a1c61b154d.txt"
A_DAY_AGO_NS = 86_400 * 1_000_000_000


def age(root: Path, *, by_ns: int = A_DAY_AGO_NS) -> None:
    """Date every file of the corpus ``by_ns`` into the past, as a corpus kept for a while is."""
    stamp = max(0, _now_ns() - by_ns)
    for folder in ("briefs", "seeds"):
        for path in (root / folder).iterdir():
            os.utime(path, ns=(stamp, stamp))


def _now_ns() -> int:
    import time

    return time.time_ns()


def rewrite(path: Path, change: Callable[[str], str], *, by_ns: int = A_DAY_AGO_NS // 2) -> None:
    """Change a file's text and date it later than :func:`age` dated it, but still in the past."""
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    stamp = _now_ns() - by_ns
    os.utime(path, ns=(stamp, stamp))


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The names of the brief files the cache has the loader read (a fresh load reads them all)."""
    names: list[str] = []

    def spied(read: Callable[[Path, list[Path]], Any]) -> Callable[[Path, Iterable[Path]], Any]:
        def spy(root: Path, paths: Iterable[Path]) -> Any:
            listed = list(paths)
            # Counted when the cache asks, not when a whole load without the cache does.
            if sys._getframe(1).f_globals.get("__name__") == "tui.core.cache":
                names.extend(p.name for p in listed)
            return read(root, listed)

        return spy

    for reader in ("iter_brief_files", "load_searchable_brief_files"):
        monkeypatch.setattr(loader, reader, spied(getattr(loader, reader)))
    yield names


@pytest.fixture
def corpus(corpus_dir: Path) -> Path:
    """The shipped corpus, aged, and opened once so that its cache is written."""
    age(corpus_dir)
    load_cached(corpus_dir)
    return corpus_dir


def brief_path(root: Path, ident: str = BRIEF) -> Path:
    return root / "briefs" / f"{ident}.yaml"


# -- The cache gives what the files give ----------------------------------------------------------


def test_a_cached_corpus_equals_a_fresh_load(corpus: Path, reads: list[str]) -> None:
    cached = load_cached(corpus)

    assert cached == load_corpus(corpus)
    assert cached.search_texts == load_corpus(corpus).search_texts
    assert reads == []  # served whole from the cache


def test_each_quote_keeps_its_anchor_through_the_cache(corpus: Path, reads: list[str]) -> None:
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
    first = load_cached(corpus)
    assert reads == [f"{BRIEF}.yaml"]
    reads.clear()

    cached = load_cached(corpus)

    assert reads == []
    assert cached == load_corpus(corpus) == first
    (brief,) = [b for b in cached.briefs if b.id == BRIEF]
    anchors = [(fact.anchor, fact.score is not None, fact.span is None) for fact in brief.key_facts]
    assert anchors[:7] == [
        ("exact", False, False),
        ("loose", False, False),
        ("fuzzy", True, False),
        ("exact", False, False),
        ("exact", False, False),
        ("exact", False, False),
        ("missing", False, True),
    ]


def test_the_first_load_writes_the_cache_in_the_cache_folder(corpus_dir: Path) -> None:
    load_cached(corpus_dir)

    folder = Path(os.environ[ENV_CACHE_DIR])
    assert default_cache_dir() == folder
    assert [p.name for p in folder.iterdir()] == [cache_file(corpus_dir).name]


def test_an_explicit_cache_folder_is_used(corpus_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "elsewhere" / "cache"
    age(corpus_dir)

    first = load_cached(corpus_dir, folder)

    assert cache_file(corpus_dir, folder).is_file()
    assert load_cached(corpus_dir, folder) == first == load_corpus(corpus_dir)


def test_two_corpora_keep_separate_caches(corpus: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    shutil.copytree(corpus, other)
    rewrite(brief_path(other), lambda text: text.replace("Mayor Norma", "Alcaldesa Norma"))

    assert load_cached(other) == load_corpus(other)
    assert load_cached(corpus) == load_corpus(corpus)
    assert cache_file(other) != cache_file(corpus)


# -- Changes to briefs ----------------------------------------------------------------------------


def test_an_edited_brief_is_read_again_and_only_it(corpus: Path, reads: list[str]) -> None:
    rewrite(brief_path(corpus), lambda text: text.replace("Mayor Norma", "Alcaldesa Norma"))

    cached = load_cached(corpus)

    brief = cached.entry(BRIEF)
    assert brief is not None and brief.brief is not None
    assert brief.brief.title.startswith("Alcaldesa Norma")
    assert cached == load_corpus(corpus)
    assert reads == [f"{BRIEF}.yaml"]


def test_an_edit_of_the_same_size_is_seen_by_its_time(corpus: Path) -> None:
    path = brief_path(corpus)
    size = path.stat().st_size
    rewrite(path, lambda text: text.replace("Mayor Norma", "MAYOR NORMA"))
    assert path.stat().st_size == size

    brief = load_cached(corpus).entry(BRIEF)

    assert brief is not None and brief.brief is not None
    assert brief.brief.title.startswith("MAYOR NORMA")


def test_an_edit_that_keeps_size_and_time_is_seen(corpus: Path) -> None:
    # Some tools put the old modification time back; the change time still moves.
    path = brief_path(corpus)
    before = path.stat()
    path.write_text(path.read_text().replace("Mayor Norma", "MAYOR NORMA"), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))

    brief = load_cached(corpus).entry(BRIEF)

    assert brief is not None and brief.brief is not None
    assert brief.brief.title.startswith("MAYOR NORMA")


def test_a_brief_edited_just_after_the_cache_was_written_is_seen(corpus_dir: Path) -> None:
    # Nothing is aged: the files are as new as the cache, and a second edit within the same tick
    # of a coarse clock would leave size and times as they were.
    load_cached(corpus_dir)
    path = brief_path(corpus_dir)
    before = path.stat()
    path.write_text(path.read_text().replace("Mayor Norma", "MAYOR NORMA"), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))

    assert load_cached(corpus_dir) == load_corpus(corpus_dir)


def test_an_edit_right_after_opening_is_seen_on_a_coarse_clock(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Some file systems keep times to two seconds: an edit within the same two seconds leaves
    # every time as it was, and a same-size edit then changes nothing the cache could see.
    exact = cache_module._fingerprint
    tick = 2_000_000_000

    def coarse(path: str) -> tuple[int, int, int, int] | None:
        found = exact(path)
        if found is None:
            return None
        size, modified, changed, inode = found
        return size, modified // tick * tick, changed // tick * tick, inode

    monkeypatch.setattr(cache_module, "_fingerprint", coarse)
    path = brief_path(corpus_dir)
    os.utime(path)  # just written
    load_cached(corpus_dir)
    path.write_text(path.read_text().replace("Mayor Norma", "MAYOR NORMA"), encoding="utf-8")

    assert load_cached(corpus_dir) == load_corpus(corpus_dir)


def test_a_problem_about_a_strange_field_reads_back_the_same(corpus: Path) -> None:
    # The field's name is shown escaped, and longer than its limit once escaped.
    rewrite(brief_path(corpus), lambda text: text + '"' + "\\x01" * 70 + '": 1\n')
    first = load_cached(corpus)

    again = load_cached(corpus)

    assert again == first == load_corpus(corpus)
    entry = again.entry(BRIEF)
    assert entry is not None
    assert any(p.field.startswith("\\x01\\x01") for p in entry.problems)


def test_a_new_brief_appears(corpus: Path) -> None:
    text = brief_path(corpus).read_text().replace(f"id: {BRIEF}", "id: a-new-brief")
    brief_path(corpus, "a-new-brief").write_text(text, encoding="utf-8")

    cached = load_cached(corpus)

    assert cached.entry("a-new-brief") is not None
    assert len(cached.entries) == 6
    assert cached == load_corpus(corpus)


def test_a_removed_brief_disappears(corpus: Path) -> None:
    brief_path(corpus).unlink()

    cached = load_cached(corpus)

    assert cached.entry(BRIEF) is None
    assert len(cached.entries) == 4
    assert cached == load_corpus(corpus)


def test_a_copy_under_another_name_is_reported_as_a_duplicate_until_removed(corpus: Path) -> None:
    copy = corpus / "briefs" / "copy-of-the-brief.yaml"
    shutil.copy2(brief_path(corpus), copy)

    cached = load_cached(corpus)
    duplicate = cached.entry("copy-of-the-brief")
    assert duplicate is not None and duplicate.brief is None
    assert any("duplicate id" in p.message for p in duplicate.problems)
    assert cached == load_corpus(corpus)
    assert load_cached(corpus) == cached  # and again, from the cache

    copy.unlink()
    assert load_cached(corpus) == load_corpus(corpus)
    assert len(load_cached(corpus).entries) == 5


def test_a_broken_brief_keeps_its_problem_and_loads_once_fixed(corpus: Path) -> None:
    path = brief_path(corpus)
    good = path.read_text()
    rewrite(path, lambda text: text.replace("key_facts:", "key_facts: [", 1))

    broken = load_cached(corpus)
    entry = broken.entry(BRIEF)
    assert entry is not None and entry.brief is None and entry.has_errors
    assert load_cached(corpus) == broken == load_corpus(corpus)

    rewrite(path, lambda _: good, by_ns=A_DAY_AGO_NS // 4)
    fixed = load_cached(corpus).entry(BRIEF)
    assert fixed is not None and fixed.brief is not None and not fixed.has_errors


# -- Changes to articles --------------------------------------------------------------------------


def quote_anchor(root: Path, quote_start: str) -> str:
    entry = load_cached(root).entry(BRIEF)
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
    assert load_cached(corpus) == load_corpus(corpus)


def test_an_article_changed_in_size_is_read_again(corpus: Path) -> None:
    article = corpus / "seeds" / ARTICLE
    rewrite(article, lambda text: text.replace("volume of exports", "total volume of exports"))

    assert quote_anchor(corpus, "The volume of exports") == "fuzzy"
    assert load_cached(corpus) == load_corpus(corpus)


def test_an_article_that_lost_a_passage_is_read_again(corpus: Path) -> None:
    article = corpus / "seeds" / ARTICLE
    sentence = "The volume of exports exceeded 57 billion pesos in the first 10 months of the year"
    rewrite(article, lambda text: text.replace(sentence, "Exports set a record"))

    assert quote_anchor(corpus, "The volume of exports") == "missing"
    assert load_cached(corpus) == load_corpus(corpus)


def test_a_change_to_an_article_changes_what_a_filter_finds(corpus: Path) -> None:
    article = corpus / "seeds" / ARTICLE
    rewrite(article, lambda text: text + "\nZacatecas is not in the article.\n")

    cached = load_cached(corpus)
    index = [e.key for e in cached.entries].index(BRIEF)

    assert "zacatecas" in cached.search_texts[index]
    assert cached.search_texts == load_corpus(corpus).search_texts


def test_a_removed_article_is_reported(corpus: Path) -> None:
    (corpus / "seeds" / ARTICLE).unlink()

    entry = load_cached(corpus).entry(BRIEF)

    assert entry is not None
    assert any(p.field == "source" and "not found" in p.message for p in entry.problems)
    assert load_cached(corpus) == load_corpus(corpus)


def test_a_missing_article_that_appears_is_used(corpus: Path) -> None:
    article = corpus / "seeds" / ARTICLE
    text = article.read_bytes()
    article.unlink()
    assert load_cached(corpus).entry(BRIEF).has_errors  # type: ignore[union-attr]

    article.write_bytes(text)
    age(corpus)

    entry = load_cached(corpus).entry(BRIEF)
    assert entry is not None and not entry.has_errors
    assert load_cached(corpus) == load_corpus(corpus)


# -- A cache that cannot be trusted ---------------------------------------------------------------


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def _replace_record(change: Callable[[list[object]], object]) -> Callable[[Path], None]:
    def corrupt(path: Path) -> None:
        lines = _lines(path)
        record = json.loads(lines[2])
        lines[2] = json.dumps(change(record))
        path.write_text("\n".join(lines), encoding="utf-8")

    return corrupt


def _replace_facts(change: Callable[[list[list[object]]], object]) -> Callable[[Path], None]:
    """Change the key facts of the first brief as the cache holds them: a line after the records."""

    def corrupt(path: Path) -> None:
        lines = _lines(path)
        at = 2 + json.loads(lines[0])["count"]
        lines[at] = json.dumps(change(json.loads(lines[at])))
        path.write_text("\n".join(lines), encoding="utf-8")

    return corrupt


def _set_span(facts: list[list[object]]) -> list[list[object]]:
    facts[0][3] = "12"  # a span's start as text
    return facts


def _set_fact(facts: list[list[object]], field: int, value: object) -> list[list[object]]:
    facts[0][field] = value
    return facts


def _first_brief_file(path: Path) -> str:
    return str(json.loads(_lines(path)[2])[0]).removeprefix("briefs/")


def _set_header(path: Path) -> None:
    lines = _lines(path)
    header = json.loads(lines[0])
    header["environment"][0] += 1  # written by another version of the cache format
    lines[0] = json.dumps(header)
    path.write_text("\n".join(lines), encoding="utf-8")


CORRUPTIONS: dict[str, Callable[[Path], object]] = {
    "garbage": lambda path: path.write_bytes(os.urandom(4096)),
    "empty": lambda path: path.write_bytes(b""),
    "not UTF-8": lambda path: path.write_bytes(path.read_bytes()[:200] + b"\xff\xfe" * 50),
    "cut in half": lambda path: path.write_bytes(path.read_bytes()[: path.stat().st_size // 2]),
    "cut before the end": lambda path: path.write_bytes(path.read_bytes()[:-8]),
    "last line lost": lambda path: path.write_text("\n".join(_lines(path)[:-2]) + "\n"),
    "a record of the wrong shape": _replace_record(lambda record: {"path": record[0]}),
    "a record too short": _replace_record(lambda record: record[:-1]),
    "a problem with a terminal escape": _replace_record(
        lambda r: [*r[:6], [["briefs/x.yaml", 1, "", "\x1b[2J cleared", "error"]], *r[7:]]
    ),
    "another format": _set_header,
    "JSON of another kind": lambda path: path.write_text('{"briefs": []}\n[]\n'),
    "nested without end": lambda path: path.write_text("[" * 100_000),
}


@pytest.mark.parametrize("corruption", CORRUPTIONS.values(), ids=CORRUPTIONS.keys())
def test_a_corrupted_cache_is_rebuilt_never_trusted(
    corpus: Path, corruption: Callable[[Path], object], reads: list[str]
) -> None:
    # The corruption keeps the cache's dates: it is the content that must not be trusted.
    path = cache_file(corpus)
    corruption(path)

    assert load_cached(corpus) == load_corpus(corpus)
    assert len(reads) == 5  # every brief read again

    reads.clear()
    assert load_cached(corpus) == load_corpus(corpus)
    assert reads == []  # and the cache written anew


FACT_CORRUPTIONS: dict[str, Callable[[Path], object]] = {
    "a span of the wrong type": _replace_facts(_set_span),
    "a fact kind unknown": _replace_facts(
        lambda facts: [["f", "q", "opinion", None, None, "missing", None]]
    ),
    "an anchor unknown": _replace_facts(lambda facts: _set_fact(facts, 5, "close")),
    "a fuzzy anchor without its score": _replace_facts(lambda facts: _set_fact(facts, 5, "fuzzy")),
    "a score for an exact anchor": _replace_facts(lambda facts: _set_fact(facts, 6, 95)),
    "a span for a quote not found": _replace_facts(lambda facts: _set_fact(facts, 5, "missing")),
    "a fact of the previous format": _replace_facts(lambda facts: [f[:5] for f in facts]),
    "a fact left out": _replace_facts(lambda facts: facts[1:]),
    "not a list": _replace_facts(lambda facts: {"facts": facts}),
    "not JSON": lambda path: _replace_first_facts_line(path, "[" * 100_000),
    "not UTF-8": lambda path: _replace_first_facts_line(path, "[\udcff]"),
}


def _replace_first_facts_line(path: Path, line: str) -> None:
    lines = _lines(path)
    lines[2 + json.loads(lines[0])["count"]] = line
    path.write_bytes("\n".join(lines).encode("utf-8", "surrogateescape"))


@pytest.mark.parametrize("corruption", FACT_CORRUPTIONS.values(), ids=FACT_CORRUPTIONS.keys())
def test_key_facts_garbled_in_the_cache_are_read_from_the_brief(
    corpus: Path, corruption: Callable[[Path], object], reads: list[str]
) -> None:
    # A brief's facts are read from the cache when first asked for; what cannot be read back as
    # it was written is read from the brief file instead.
    path = cache_file(corpus)
    first = _first_brief_file(path)
    corruption(path)

    cached = load_cached(corpus)

    assert cached == load_corpus(corpus)
    assert reads == [first]


def test_a_corpus_keeps_the_facts_it_was_loaded_with(corpus: Path) -> None:
    before = load_cached(corpus)
    rewrite(brief_path(corpus), lambda text: text.replace("Mayor Norma", "Alcaldesa Norma"))

    after = load_cached(corpus)  # writes the cache anew

    def facts(corpus: Corpus) -> str:
        entry = corpus.entry(BRIEF)
        assert entry is not None and entry.brief is not None
        return " ".join(fact.fact for fact in entry.brief.key_facts)

    assert "Alcaldesa Norma" in facts(after) and "Alcaldesa Norma" not in facts(before)
    assert after == load_corpus(corpus)


def test_facts_read_with_the_corpus_are_the_same(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch, reads: list[str]
) -> None:
    monkeypatch.setattr(cache_module, "LAZY_FACTS", False)  # as on systems that need it
    age(corpus_dir)

    assert load_cached(corpus_dir) == load_corpus(corpus_dir)  # writes the cache
    reads.clear()
    assert load_cached(corpus_dir) == load_corpus(corpus_dir)
    assert reads == []


def test_a_corpus_read_through_an_empty_cache_equals_a_fresh_load(corpus_dir: Path) -> None:
    # Its facts are let go once written, and read back from the new cache when asked for.
    first = load_cached(corpus_dir)

    assert first == load_corpus(corpus_dir)
    assert [entry.brief and list(entry.brief.key_facts) for entry in first.entries] == [
        entry.brief and list(entry.brief.key_facts) for entry in load_corpus(corpus_dir).entries
    ]


def test_a_cache_naming_another_folder_is_not_used(corpus: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    shutil.copytree(corpus, other)
    rewrite(brief_path(other), lambda text: text.replace("Mayor Norma", "Alcaldesa Norma"))
    load_cached(other)
    shutil.copy(cache_file(other), cache_file(corpus))

    assert load_cached(corpus) == load_corpus(corpus)


def test_an_unwritable_cache_folder_still_loads(corpus_dir: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")

    first = load_cached(corpus_dir, blocker / "cache")
    second = load_cached(corpus_dir, blocker / "cache")

    assert first == second == load_corpus(corpus_dir)


def test_a_cache_folder_that_is_a_file_still_loads(corpus_dir: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")

    assert load_cached(corpus_dir, blocker) == load_corpus(corpus_dir)


def test_a_folder_without_briefs_reports_it(tmp_path: Path) -> None:
    corpus = load_cached(tmp_path)

    assert corpus == load_corpus(tmp_path)
    assert corpus.problems and not corpus.entries


# -- The index and progress -----------------------------------------------------------------------


def test_there_is_no_index_before_a_first_load(corpus_dir: Path) -> None:
    assert read_index(corpus_dir) is None


def test_the_index_lists_the_entries_as_last_loaded(corpus: Path) -> None:
    index = read_index(corpus)
    loaded = load_cached(corpus)

    assert index is not None
    assert [row.key for row in index.rows] == [entry.key for entry in loaded.entries]
    for row, entry in zip(index.rows, loaded.entries, strict=True):
        assert entry.brief is not None
        assert (row.path, row.title, row.published, row.language, row.outlet) == (
            entry.path,
            entry.brief.english_title,
            entry.brief.published,
            entry.brief.language,
            entry.brief.outlet,
        )
        assert row.brief_id == entry.brief_id == entry.brief.id


def test_the_index_shows_a_broken_brief_by_its_file_name(corpus: Path) -> None:
    rewrite(brief_path(corpus), lambda text: "key_facts: [\n" + text)
    load_cached(corpus)

    index = read_index(corpus)

    assert index is not None
    row = index.rows[-1]
    assert (row.key, row.title, row.language) == (BRIEF, f"{BRIEF}.yaml", "")
    assert row.brief_id is None  # no brief to bookmark or mark


def test_a_corrupted_index_is_not_shown(corpus: Path) -> None:
    _replace_record(lambda record: record)(cache_file(corpus))  # still valid
    assert read_index(corpus) is not None
    lines = _lines(cache_file(corpus))
    lines[1] = lines[1][:-10]
    cache_file(corpus).write_text("\n".join(lines), encoding="utf-8")

    assert read_index(corpus) is None


@pytest.mark.parametrize(
    ("column", "value"),
    [(2, 5), (2, None), (3, "2024-02-30"), (3, 20240101), (4, ["en"])],
    ids=["title a number", "no title", "no such day", "date a number", "language a list"],
)
def test_an_index_of_the_wrong_shape_is_not_shown(corpus: Path, column: int, value: object) -> None:
    lines = _lines(cache_file(corpus))
    index = json.loads(lines[1])
    index[column][0] = value
    lines[1] = json.dumps(index)
    cache_file(corpus).write_text("\n".join(lines), encoding="utf-8")

    assert read_index(corpus) is None


def test_progress_is_told_of_every_brief_read(corpus_dir: Path) -> None:
    seen: list[tuple[int, int]] = []

    load_cached(corpus_dir, progress=lambda done, total: seen.append((done, total)))

    assert seen[0] == (0, 5) and seen[-1] == (5, 5)


def test_an_exception_from_progress_stops_the_load_and_leaves_the_cache(corpus_dir: Path) -> None:
    class Stop(Exception):
        pass

    def stop(done: int, total: int) -> None:
        raise Stop  # as the app's does when it is closing

    with pytest.raises(Stop):
        load_cached(corpus_dir, progress=stop)
    assert not cache_file(corpus_dir).exists()

    load_cached(corpus_dir)
    written = cache_file(corpus_dir).read_bytes()
    rewrite(corpus_dir / "briefs" / "ebrard-municipal-convoy-los-angeles.yaml", str.upper)
    with pytest.raises(Stop):
        load_cached(corpus_dir, progress=stop)
    assert cache_file(corpus_dir).read_bytes() == written


def test_a_first_load_does_not_hold_every_article_at_once(tmp_path: Path) -> None:
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
        corpus = load_cached(root, tmp_path / "cache")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(corpus.briefs) == count and not corpus.problems
    assert all(brief.key_facts[0].span is not None for brief in corpus.briefs)
    # The articles together are 12 MB; held with their folded copies, twice that.
    assert peak < count * size // 2
