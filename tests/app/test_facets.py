"""Facets in the reader: `f` counts the values of the briefs listed, and a value chosen narrows the
list to the briefs counted for it."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.kit.corpus import fields, make_corpus, make_large_corpus
from tests.kit.pilot import (
    facet_highlighted,
    facets_shown,
    list_rows,
    listed_keys,
    main_screen,
    notifications_into,
    settle,
    wait_for_screen,
)
from tui.app.app import BriefingApp
from tui.app.reader.loading import CorpusChanged
from tui.app.screens import facets
from tui.app.screens.annotate import TagDialog
from tui.app.screens.facets import FIELD_HEADINGS, VALUES_SHOWN, FacetDialog
from tui.core.model import Entries
from tui.core.search import FACET_FIELDS, MAX_TERMS, Marks, parse_query
from tui.core.store.view import StoredEntries
from tui.core.text import fold_search


def expected_facets(
    entries: Entries, text: str = "", bookmarked: frozenset[str] = frozenset()
) -> dict[str, list[tuple[str, int] | str]]:
    """What the dialog is to list for the filter ``text``: the index's counts, each field under its
    heading, "none" for a field without values."""
    query = parse_query(text)
    expected: dict[str, list[tuple[str, int] | str]] = {}
    for field in FACET_FIELDS:
        counts = entries.facets(query, field, VALUES_SHOWN + 1, Marks(bookmarked=bookmarked))
        heading = FIELD_HEADINGS[field]
        expected[heading] = list(counts[:VALUES_SHOWN]) or ["none"]
        if len(counts) > VALUES_SHOWN:
            expected[heading].append(f"more {heading.lower().removeprefix('your ')}…")
    return expected


def same_values(
    shown: dict[str, list[tuple[str, int] | str]], expected: dict[str, list[tuple[str, int] | str]]
) -> bool:
    """Whether ``shown`` lists ``expected``, a value cut short with an ellipsis standing for its
    middle."""

    def matches(seen: tuple[str, int] | str, wanted: tuple[str, int] | str) -> bool:
        if isinstance(seen, str) or isinstance(wanted, str):
            return seen == wanted
        name, count = seen
        start, _, end = name.partition("…")
        cut = "…" in name and wanted[0].startswith(start) and wanted[0].endswith(end)
        return count == wanted[1] and (name == wanted[0] or cut)

    return shown.keys() == expected.keys() and all(
        len(shown[h]) == len(expected[h]) and all(map(matches, shown[h], expected[h]))
        for h in expected
    )


PATIENCE = 10.0
"""Seconds the corpus may take to be read again before a test fails, on a loaded machine."""


async def until_read_again(pilot: Pilot[object], condition: Callable[[], bool]) -> None:
    """Let the app run until ``condition`` holds: the corpus is read again in a thread, which
    the dialog's held counting keeps :func:`settle` from waiting for."""
    deadline = time.monotonic() + PATIENCE
    while not condition():
        assert time.monotonic() < deadline, "the corpus read again never reached the dialog"
        await pilot.pause(0.05)


async def open_facets(pilot: Pilot[object]) -> None:
    """Press f and wait until every field is counted."""
    await pilot.press("f")
    await wait_for_screen(pilot, FacetDialog)
    await settle(pilot)
    assert not any("counting…" in values for values in facets_shown(pilot.app).values())


async def go_to(pilot: Pilot[object], heading: str, steps: int = 0) -> tuple[str, int]:
    """Move the dialog's cursor to the value ``steps`` below the first of ``heading``'s field."""
    for _ in range(len(FIELD_HEADINGS)):
        if facet_highlighted(pilot.app) == facets_shown(pilot.app)[heading][0]:
            break
        await pilot.press("tab")
    for _ in range(steps):
        await pilot.press("down")
    return facet_highlighted(pilot.app)


async def test_f_lists_each_fields_values_with_the_counts_of_the_index(corpus_dir: Path) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_facets(pilot)

        entries = main_screen(app).corpus.entries  # type: ignore[union-attr]
        shown = facets_shown(app)
        assert same_values(shown, expected_facets(entries))
        assert list(shown) == [
            "Organizations",
            "Places",
            "People",
            "Topics",
            "Outlets",
            "Languages",
            "Your tags",
        ]


async def test_a_count_arriving_while_the_dialog_closes_is_let_go(corpus_dir: Path) -> None:
    # A value chosen while other fields were still counted: the dialog, still attached while its
    # options were taken down, was handed a count and raised NoMatches, failing the app.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await wait_for_screen(pilot, FacetDialog)
        dialog = app.screen
        assert isinstance(dialog, FacetDialog)
        await dialog.option_list.remove()  # as closing takes it down
        dialog._counted(dialog.request, "outlet", [("Zeta", 1)], VALUES_SHOWN + 1)
        await pilot.pause()
    assert app.return_code in (None, 0)


async def test_choosing_a_place_lists_as_many_briefs_as_it_counted(corpus_dir: Path) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_facets(pilot)
        # California: a word of Baja California too, which the value alone does not find.
        place, count = await go_to(pilot, "Places", steps=7)
        assert (place, count) == ("California", 1)

        await pilot.press("enter")
        await settle(pilot)

        screen = main_screen(app)
        assert not isinstance(app.screen, FacetDialog)
        assert len(list_rows(app)) == count
        assert screen.filter_input.display and screen.filter_input.value == screen.filter_text
        assert screen.corpus is not None
        for position in screen.article_list.rows:
            brief = screen.corpus.entries[position].brief
            assert brief is not None
            assert fold_search(place) in {fold_search(p) for p in brief.places}


async def test_a_tag_chosen_lists_the_briefs_given_it(corpus_dir: Path) -> None:
    # Tags are the user's: counted from the notes kept beside the index, and found the same way.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for tags in ("Aduana USMCA", "usmca", "aduana-2"):
            await pilot.press("t")
            await wait_for_screen(pilot, TagDialog)
            await pilot.press(*tags, "enter", "j")
            await settle(pilot)
        tagged = listed_keys(app)[:2]
        await open_facets(pilot)
        assert facets_shown(app)["Your tags"] == [("USMCA", 2), ("Aduana", 1), ("aduana-2", 1)]

        tag, count = await go_to(pilot, "Your tags", steps=1)
        await pilot.press("enter")
        await settle(pilot)

        assert (tag, count) == ("Aduana", 1)  # not aduana-2, which a tag starting so would find
        assert main_screen(app).filter_text == "tag:=aduana"
        assert listed_keys(app) == tagged[:1]


@pytest.mark.parametrize("key", ["escape", "q"])
async def test_escape_closes_the_facets_and_leaves_the_filter_as_it_was(
    corpus_dir: Path, key: str
) -> None:
    # q did nothing here, where it closes the help screen.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"maquila", "enter")
        await settle(pilot)
        before = list_rows(app)
        await open_facets(pilot)
        await pilot.press("down", key)
        await settle(pilot)

        assert not isinstance(app.screen, FacetDialog)
        assert main_screen(app).filter_input.value == "maquila"
        assert list_rows(app) == before


def field_in_view(app: BriefingApp) -> tuple[str, bool]:
    """The heading of the field whose value the facets dialog's cursor is on, and whether the
    list shows that heading in view right above the value."""
    from textual.widgets import OptionList

    option_list = app.screen.query_one(OptionList)
    position = option_list.highlighted
    assert position is not None
    prompts = [str(option.prompt).strip() for option in option_list.options]
    heading = next(
        prompts[n]
        for n in range(position, -1, -1)
        if not str(option_list.options[n].prompt).startswith(" ")
    )
    shown = [
        option_list.render_line(y).text.strip()
        for y in range(option_list.scrollable_content_region.height)
    ]
    above = any(line == heading and below == prompts[position] for line, below in pairwise(shown))
    return heading, above


async def test_a_field_gone_to_by_tab_or_shift_tab_shows_its_heading(corpus_dir: Path) -> None:
    # At 80x24, Tab from the last field round to the first put the first organization at the
    # top of the list with "Organizations" scrolled off above it: nothing said which field the
    # value was of. Shift+Tab up to a field did the same.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await wait_for_screen(pilot, TagDialog)
        await pilot.press(*"usmca", "enter")
        await settle(pilot)
        await open_facets(pilot)

        gone_to: list[str] = []
        for key in ["tab"] * 2 * len(FIELD_HEADINGS) + ["shift+tab"] * 2 * len(FIELD_HEADINGS):
            await pilot.press(key)
            heading, shown_above = field_in_view(app)
            assert shown_above, (key, heading)
            gone_to.append(heading)

        # Round either way: from the last field to the first, and from the first to the last.
        last, first = FIELD_HEADINGS["tag"], FIELD_HEADINGS["organization"]
        tabs = gone_to[: 2 * len(FIELD_HEADINGS)]
        shift_tabs = gone_to[2 * len(FIELD_HEADINGS) :]
        assert (last, first) in pairwise(tabs)
        assert (first, last) in pairwise(shift_tabs)


async def test_with_a_filter_the_facets_count_the_briefs_it_finds_and_a_choice_narrows_it(
    corpus_dir: Path,
) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"lang:en", "enter")
        await settle(pilot)
        listed = len(list_rows(app))
        entries = main_screen(app).corpus.entries  # type: ignore[union-attr]
        await open_facets(pilot)

        assert same_values(facets_shown(app), expected_facets(entries, "lang:en"))
        among = str(app.screen.query_one("#among").render())
        assert f"{listed} briefs" in among
        topic, count = await go_to(pilot, "Topics")
        await pilot.press("enter")
        await settle(pilot)

        assert len(list_rows(app)) == count < listed
        assert main_screen(app).filter_text.startswith("lang:en ")


async def test_a_filter_finding_nothing_has_no_values_to_choose(corpus_dir: Path) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"zzzz", "enter")
        await settle(pilot)
        await open_facets(pilot)

        assert all(values == ["none"] for values in facets_shown(app).values())
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, FacetDialog)  # nothing to choose: still open
        await pilot.press("escape")
        await settle(pilot)
        assert main_screen(app).filter_text == "zzzz"


async def test_briefs_that_failed_to_load_are_not_counted(corpus_dir: Path) -> None:
    (corpus_dir / "briefs" / "broken.yaml").write_text("id: broken\ntitle: [unclosed\n")
    (corpus_dir / "briefs" / "no-date.yaml").write_text("id: no-date\nlanguage: en\n")
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert {"broken", "no-date"} <= set(listed_keys(app))
        entries = main_screen(app).corpus.entries  # type: ignore[union-attr]
        await open_facets(pilot)

        assert same_values(facets_shown(app), expected_facets(entries))
        language, count = await go_to(pilot, "Languages")
        await pilot.press("enter")
        await settle(pilot)

        assert len(list_rows(app)) == count
        assert not {"broken", "no-date"} & set(listed_keys(app))


async def test_with_bookmarks_only_the_facets_count_the_bookmarked_briefs(
    corpus_dir: Path,
) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "b", "B")
        await settle(pilot)
        (bookmarked,) = listed_keys(app)
        entries = main_screen(app).corpus.entries  # type: ignore[union-attr]
        await open_facets(pilot)

        expected = expected_facets(entries, "is:bookmarked", frozenset({bookmarked}))
        assert same_values(facets_shown(app), expected)
        assert sum(count for _, count in facets_shown(app)["Languages"]) == 1  # type: ignore[misc]
        await go_to(pilot, "Places")
        await pilot.press("enter")
        await settle(pilot)
        assert listed_keys(app) == [bookmarked]


async def test_the_open_facets_follow_the_corpus_read_again(corpus_dir: Path) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_facets(pilot)
        assert not any(
            isinstance(value, tuple) and value[0] == "Ensenada"
            for value in facets_shown(app)["Places"]
        )
        for path in (corpus_dir / "briefs").glob("*.yaml"):
            text = path.read_text("utf-8")
            path.write_text(text.replace("\nplaces:\n", "\nplaces:\n  - Ensenada\n", 1), "utf-8")
        screen = main_screen(app)
        screen.post_message(CorpusChanged(frozenset()))

        await until_read_again(pilot, lambda: ("Ensenada", 5) in facets_shown(app)["Places"])
        await settle(pilot)
        assert same_values(facets_shown(app), expected_facets(screen.corpus.entries))  # type: ignore[union-attr]


async def test_the_dialog_says_counting_until_the_counts_arrive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_large_corpus(tmp_path / "corpus", 300)
    released = threading.Event()
    count = StoredEntries.facets

    def held(self: StoredEntries, *args: object, **kwargs: object) -> list[tuple[str, int]]:
        released.wait(timeout=30)
        return count(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(StoredEntries, "facets", held)
    app = BriefingApp(root)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.press("f")
            await wait_for_screen(pilot, FacetDialog)

            assert all(values == ["counting…"] for values in facets_shown(app).values())
            released.set()
            await settle(pilot)
            # "aduana" is counted under the name the gazetteer gives it in English.
            assert facets_shown(app)["Topics"] == [("trade", 297), ("customs", 3)]
            await go_to(pilot, "Topics", steps=1)
            await pilot.press("enter")
            await settle(pilot)
            assert len(list_rows(app)) == 3
    finally:
        released.set()


async def test_counts_for_the_corpus_before_it_was_read_again_are_never_shown(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    released = threading.Event()
    count = StoredEntries.facets
    held_for: list[StoredEntries] = []

    def held(self: StoredEntries, *args: object, **kwargs: object) -> list[tuple[str, int]]:
        if any(self is entries for entries in held_for):
            released.wait(timeout=30)
        return count(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(StoredEntries, "facets", held)
    app = BriefingApp(corpus_dir)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            screen = main_screen(app)
            assert screen.corpus is not None
            held_for.append(screen.corpus.entries)  # type: ignore[arg-type]
            await pilot.press("f")
            await wait_for_screen(pilot, FacetDialog)
            for path in (corpus_dir / "briefs").glob("*.yaml"):
                text = path.read_text("utf-8")
                path.write_text(text.replace("\nplaces:\n", "\nplaces:\n  - Ensenada\n", 1))
            screen.post_message(CorpusChanged(frozenset()))
            await until_read_again(pilot, lambda: ("Ensenada", 5) in facets_shown(app)["Places"])

            released.set()  # the counts for the corpus as it was arrive now
            await settle(pilot)
            assert ("Ensenada", 5) in facets_shown(app)["Places"]
            assert same_values(facets_shown(app), expected_facets(screen.corpus.entries))
    finally:
        released.set()


@pytest.mark.parametrize("size", [(80, 24), (50, 20), (30, 16)])
async def test_each_value_keeps_to_one_line_with_its_count_in_a_narrow_terminal(
    corpus_dir: Path, size: tuple[int, int]
) -> None:
    from textual.widgets import OptionList

    app = BriefingApp(corpus_dir)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await open_facets(pilot)

        option_list = app.screen.query_one(OptionList)
        assert option_list.virtual_size.height == option_list.option_count  # none wrapped
        entries = main_screen(app).corpus.entries  # type: ignore[union-attr]
        assert same_values(facets_shown(app), expected_facets(entries))


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_a_long_value_cut_short_keeps_the_end_that_tells_it_apart(
    corpus_dir: Path, size: tuple[int, int]
) -> None:
    # "Asociación de la Industria Maquiladora y de Exportació…": the chapter's "(Index) Zona
    # Costa", which says what it is, was cut off.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await open_facets(pilot)
        organizations = [value[0] for value in facets_shown(app)["Organizations"]]
        chapter = next(name for name in organizations if name.startswith("Asociación de la"))
        assert "…" in chapter and chapter.endswith("Zona Costa")


@pytest.mark.parametrize("typed", ["", "maq"])
async def test_after_a_choice_what_is_typed_in_the_filter_goes_after_it(
    corpus_dir: Path, typed: str
) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        if typed:
            await pilot.press("slash", *typed, "enter")
            await settle(pilot)
        await open_facets(pilot)
        await go_to(pilot, "Languages")
        await pilot.press("enter")
        await settle(pilot)
        chosen = main_screen(app).filter_text
        await pilot.press("slash", *" baja")
        await settle(pilot)
        assert main_screen(app).filter_input.value == chosen + " baja"


async def test_a_brief_kept_only_for_the_cursor_is_not_among_the_briefs_counted(
    corpus_dir: Path,
) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"-is:bookmarked", "enter", "b")
        await settle(pilot)
        assert len(list_rows(app)) == 5  # the brief bookmarked stays under the cursor
        await open_facets(pilot)
        among = str(app.screen.query_one("#among").render())
        languages = next(v for k, v in facets_shown(app).items() if k.startswith("Languages"))
        counted = sum(value[1] for value in languages if isinstance(value, tuple))
        assert counted == 4
        assert "4 briefs" in among


async def test_a_file_that_did_not_load_is_not_among_the_briefs_counted(tmp_path: Path) -> None:
    # "Among 3 briefs" over counts of 2: the broken file's values are not known.
    root = make_corpus(
        tmp_path / "corpus",
        {"a.yaml": fields("a"), "b.yaml": fields("b"), "broken.yaml": "title: [\n"},
    )
    app = BriefingApp(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert len(list_rows(app)) == 3
        await open_facets(pilot)
        languages = facets_shown(app)["Languages"]
        assert sum(value[1] for value in languages if isinstance(value, tuple)) == 2
        among = str(app.screen.query_one("#among").render())
        assert among == "Among 2 briefs; 1 file that did not load, not counted"


async def test_under_is_unread_the_briefs_read_while_listed_are_still_counted(
    corpus_dir: Path,
) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"is:unread", "enter")
        await settle(pilot)
        listed = len(list_rows(app))
        await pilot.press("j", "j")  # each brief moved to is read, and stays listed
        await settle(pilot)
        assert len(list_rows(app)) == listed
        assert len(main_screen(app).annotations.read) >= 2  # type: ignore[union-attr]
        await open_facets(pilot)

        languages = facets_shown(app)["Languages"]
        assert sum(value[1] for value in languages if isinstance(value, tuple)) == listed
        assert f"{listed} briefs" in str(app.screen.query_one("#among").render())


async def test_a_value_chosen_with_the_filter_full_is_refused_with_why(corpus_dir: Path) -> None:
    # The value went in after the filter's last term, where the filter no longer reads: the
    # dialog closed and the list stayed as it was, as if the value had been applied.
    full = " ".join(["lang:en"] * MAX_TERMS)
    notices: list[tuple[str, str]] = []
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40), message_hook=notifications_into(notices)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        main_screen(app).filter_input.value = full
        await pilot.press("enter")
        await settle(pilot)
        listed = len(list_rows(app))
        await open_facets(pilot)
        await go_to(pilot, "Topics")
        await pilot.press("enter")
        await settle(pilot)

        assert isinstance(app.screen, FacetDialog)
        assert any(f"{MAX_TERMS} terms" in message for _, message in notices)
        await pilot.press("escape")
        await settle(pilot)
        assert main_screen(app).filter_text == full
        assert len(list_rows(app)) == listed


TOWNS = [f"Town {letter}" for letter in "ABCDEFGHIJKLM"]
"""Thirteen places, named in order of how many briefs name them: Town A in all of them."""


@pytest.fixture
def many_places(tmp_path: Path) -> Path:
    """Thirteen briefs; brief ``n`` names the places of the first ``13 - n`` towns."""
    briefs = {
        f"brief-{n:02d}.yaml": fields(f"brief-{n:02d}", places=TOWNS[: len(TOWNS) - n])
        for n in range(len(TOWNS))
    }
    return make_corpus(tmp_path / "corpus", briefs)


async def test_more_values_of_a_field_are_shown_when_asked_for(many_places: Path) -> None:
    app = BriefingApp(many_places)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_facets(pilot)
        places = facets_shown(app)["Places"]
        assert places == [*((TOWNS[n], 13 - n) for n in range(VALUES_SHOWN)), "more places…"]

        await go_to(pilot, "Places", steps=VALUES_SHOWN)
        await pilot.press("enter")
        await settle(pilot)
        assert facets_shown(app)["Places"] == [(town, 13 - n) for n, town in enumerate(TOWNS)]
        # The cursor is on the first value not shown before; Enter narrows the list to it.
        assert facet_highlighted(app) == ("Town K", 3)
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, FacetDialog)
        assert main_screen(app).filter_text == 'place:="town m"'
        assert listed_keys(app) == ["brief-00"]


async def test_values_beyond_the_most_shown_are_left_to_the_filter_with_how(
    many_places: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(facets, "MORE_VALUES_SHOWN", 12)
    app = BriefingApp(many_places)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_facets(pilot)
        await go_to(pilot, "Places", steps=VALUES_SHOWN)
        await pilot.press("enter")
        await settle(pilot)
        places = facets_shown(app)["Places"]
        assert places[:-1] == [(town, 13 - n) for n, town in enumerate(TOWNS[:12])]
        assert places[-1] == "the 12 most common: type place:NAME in the filter"


async def test_keys_typed_while_more_values_are_counted_act_on_them(
    many_places: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Typed at once after Enter on "more places…", Down Down Enter chose a value of the first
    # ten: the cursor had gone to the top while the rest were counted.
    counted = threading.Event()
    facets = StoredEntries.facets

    def counted_when_let(self: StoredEntries, *args: Any, **kwargs: Any) -> list[tuple[str, int]]:
        limit = args[2] if len(args) > 2 else kwargs.get("limit", VALUES_SHOWN)
        if limit > VALUES_SHOWN + 1:
            assert counted.wait(timeout=PATIENCE)
        return facets(self, *args, **kwargs)

    monkeypatch.setattr(StoredEntries, "facets", counted_when_let)
    app = BriefingApp(many_places)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_facets(pilot)
        await go_to(pilot, "Places", steps=VALUES_SHOWN)
        try:
            await pilot.press("enter", "down", "down", "enter")
            assert isinstance(app.screen, FacetDialog)
            assert facet_highlighted(app) == "counting more places…"
        finally:
            counted.set()
        await until_read_again(pilot, lambda: not isinstance(app.screen, FacetDialog))
        assert main_screen(app).filter_text == 'place:="town m"'


async def test_the_cursor_stays_on_its_value_when_the_corpus_is_read_again(
    many_places: Path,
) -> None:
    app = BriefingApp(many_places)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_facets(pilot)
        # Town D drops to fewer briefs than Town E: it comes after it when counted again.
        assert await go_to(pilot, "Places", steps=3) == ("Town D", 10)
        for path in sorted((many_places / "briefs").glob("*.yaml"))[:2]:
            path.write_text(path.read_text("utf-8").replace("- Town D\n", ""), "utf-8")
        main_screen(app).post_message(CorpusChanged(frozenset()))
        await until_read_again(pilot, lambda: ("Town D", 8) in facets_shown(app)["Places"])
        await settle(pilot)
        assert facet_highlighted(app) == ("Town D", 8)


async def test_counts_that_come_once_a_value_is_chosen_are_dropped(corpus_dir: Path) -> None:
    # A field counted in the moment between the count's look at whether it was still wanted
    # and its showing, with a value chosen meanwhile, was shown in the closed dialog: the app
    # ended with an error ("No nodes match '#facets'").
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_facets(pilot)
        dialog = app.screen
        assert isinstance(dialog, FacetDialog)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is main_screen(app)
        dialog._counted(dialog.request, "place", [("Ensenada", 1)], VALUES_SHOWN + 1)
        await settle(pilot)
        assert main_screen(app).filter_text.startswith("org:=")


@pytest.fixture
def company_spellings(tmp_path: Path) -> Path:
    """Four briefs naming Ternium each its own way, one naming another company, and two
    naming a person, one of them without his name's accent."""
    names = ["Ternium", "Ternium S.A.", "Ternium Mexico SA de CV", "Ternium México, S.A. de C.V."]
    briefs = {
        f"brief-{n}.yaml": fields(f"brief-{n}", organizations=[name, "Kia Motors México"])
        for n, name in enumerate(names)
    }
    briefs["other.yaml"] = fields("other", organizations=["Tenaris"])
    briefs["garcia.yaml"] = fields("garcia", people=["Samuel Garcia"])
    briefs["garcia-es.yaml"] = fields("garcia-es", people=["Samuel García"], language="es")
    return make_corpus(tmp_path / "corpus", briefs)


async def test_a_company_written_with_its_legal_form_is_one_value_that_lists_every_brief(
    company_spellings: Path,
) -> None:
    app = BriefingApp(company_spellings)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"org:ternium", "enter")
        await settle(pilot)
        assert len(list_rows(app)) == 4
        await open_facets(pilot)

        assert facets_shown(app)["Organizations"] == [("Kia", 4), ("Ternium", 4)]
        assert await go_to(pilot, "Organizations", steps=1) == ("Ternium", 4)
        await pilot.press("enter")
        await settle(pilot)

        assert main_screen(app).filter_text == "org:ternium org:=ternium"
        assert len(list_rows(app)) == 4


async def test_a_name_is_shown_with_its_accents_and_chosen_lists_every_spelling(
    company_spellings: Path,
) -> None:
    app = BriefingApp(company_spellings)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_facets(pilot)

        assert facets_shown(app)["People"] == [("Samuel García", 2)]
        await go_to(pilot, "People")
        await pilot.press("enter")
        await settle(pilot)

        assert main_screen(app).filter_text == 'person:="samuel garcia"'
        assert sorted(listed_keys(app)) == ["garcia", "garcia-es"]


@pytest.mark.parametrize("size", [(80, 3), (5, 24)])
async def test_facets_open_in_a_terminal_with_no_room_for_their_list(
    corpus_dir: Path, size: tuple[int, int]
) -> None:
    # The values were counted for a list with no room for a line, and the reader ended.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await wait_for_screen(pilot, FacetDialog)
        await settle(pilot)
        await pilot.press("tab", "shift+tab")
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, FacetDialog)
