"""The table of actions: the bindings, the command palette and the help screen agree with it."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.kit.pilot import (
    bookmark_of,
    help_text,
    list_rows,
    main_screen,
    notifications_into,
    settle,
    wait_for_screen,
)
from tui.app.actions import ACTIONS, HELP_SECTIONS, user_keys
from tui.app.app import BriefingApp
from tui.app.screens.facets import FacetDialog
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.article_view import ArticleView
from tui.app.widgets.brief_view import BriefView
from tui.app.widgets.key_footer import KeyFooter
from tui.core.keymap import UserKeymap


def test_every_action_has_an_id_of_its_own() -> None:
    ids = [action.id for action in ACTIONS]
    assert len(ids) == len(set(ids))
    # The id names where the action works, so a keymap reads as the help screen does.
    for action in ACTIONS:
        assert action.id.split(".")[0] == action.place


def test_every_node_binds_the_actions_of_its_place_by_their_ids() -> None:
    for node, place in [
        (BriefingApp, "app"),
        (ArticleList, "list"),
        (BriefView, "facts"),
        (ArticleView, "original"),
    ]:
        bound = {binding.id for binding in node.BINDINGS if not isinstance(binding, tuple)}
        assert bound == {action.id for action in ACTIONS if action.place == place}, node


async def test_the_user_s_keys_file_gives_an_action_other_keys_everywhere(
    corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "keys.yaml").write_text(
        "reader.bookmark: m\nreader.fly: f\nreader.facets: F\n", encoding="utf-8"
    )
    monkeypatch.setenv("BRIEFING_CONFIG_DIR", str(config))
    notices: list[tuple[str, str]] = []
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40), message_hook=notifications_into(notices)) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        assert bookmark_of(list_rows(app)[0]) == " "
        await pilot.press("m")
        await settle(pilot)
        assert bookmark_of(list_rows(app)[0]) == "★"
        # The palette and the help screen name the key the user gave.
        commands = {command.title: command for command in main_screen(app).commands()}
        assert commands["Remove bookmark"].help.endswith("(m)")
        text = await help_text(pilot)
        assert any(line.split() == ["m", "Bookmark"] for line in text.splitlines())
        # The heading of the facets dialog's keys names the key the user opens it with.
        assert "Facets (F)" in text.splitlines()
    # The line it could not use is named, with the file.
    assert any("keys.yaml:2" in message and "reader.fly" in message for _, message in notices)


async def test_shift_and_a_letter_is_the_capital_a_terminal_sends(
    corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "shift+f" was shown in the footer and the help, but a terminal sends F, which it never
    # matched: with f given up, the facets could not be opened.
    config = tmp_path / "config"
    config.mkdir()
    (config / "keys.yaml").write_text("reader.facets: shift+f\n", encoding="utf-8")
    monkeypatch.setenv("BRIEFING_CONFIG_DIR", str(config))
    notices: list[tuple[str, str]] = []
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(160, 40), message_hook=notifications_into(notices)) as pilot:
        await settle(pilot)
        assert "F Facets" in app.screen.query_one(KeyFooter).render().plain
        await pilot.press("F")
        await wait_for_screen(pilot, FacetDialog)
    assert not [message for _, message in notices if "keys.yaml" in message]


async def test_several_lines_of_the_keys_file_that_cannot_be_used_are_told_in_one_notice(
    corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A notice each: at 80x24 the first four were pushed out before they could be read.
    config = tmp_path / "config"
    config.mkdir()
    text = "".join(f"reader.fly{number}: q\n" for number in range(1, 8))
    (config / "keys.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("BRIEFING_CONFIG_DIR", str(config))
    notices: list[tuple[str, str]] = []
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(80, 24), message_hook=notifications_into(notices)) as pilot:
        await settle(pilot)
    ((severity, told),) = [notice for notice in notices if "keys.yaml" in notice[1]]
    assert severity == "warning"
    assert told.splitlines()[0].endswith(
        "keys.yaml: 7 things cannot be used, and no key of it applies: fix the file or remove it"
        " (briefing keys lists the action ids):"
    )
    assert "line 1: reader.fly1" in told and told.endswith(
        "and 4 more: briefing keys names them all"
    )


async def test_a_keys_file_that_is_not_text_is_told_with_what_to_do(
    corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "keys.yaml").write_bytes("reader.bookmark: m\n".encode("utf-16-le"))
    monkeypatch.setenv("BRIEFING_CONFIG_DIR", str(config))
    notices: list[tuple[str, str]] = []
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40), message_hook=notifications_into(notices)) as pilot:
        await settle(pilot)
    ((_, told),) = [notice for notice in notices if "keys.yaml" in notice[1]]
    assert told.startswith(f"{config / 'keys.yaml'}: is a binary file")
    assert told.endswith(
        "write it again with lines such as  reader.bookmark: m, or remove it (meanwhile every key"
        " keeps its default); briefing keys lists the action ids"
    )


def keys_file(folder: Path, text: str) -> UserKeymap:
    """The keys of a keys file of ``text``, as the app can use them."""
    (folder / "keys.yaml").write_text(text, encoding="utf-8")
    return user_keys(folder)


def test_a_key_another_action_has_is_refused_and_named_with_it(tmp_path: Path) -> None:
    # The other action lost its key without a word: o bookmarked, and nothing hid the original.
    keymap = keys_file(tmp_path, "reader.bookmark: m,o\n")
    assert keymap.keys == {"reader.bookmark": "m"}
    (problem,) = keymap.problems
    assert problem.line == 1 and "o is the key of reader.original (Original)" in str(problem)


def test_a_screen_key_given_to_a_pane_is_refused(tmp_path: Path) -> None:
    # The old example: in the list, n moved down and no longer opened the note.
    keymap = keys_file(tmp_path, "list.next: down,j,n\n")
    assert keymap.keys == {"list.next": "down,j"}
    assert "n is the key of reader.note" in str(keymap.problems[0])


@pytest.mark.parametrize(
    ("given", "holder"),
    [
        ("reader.note: '/'", "reader.filter (Filter)"),
        ("reader.read: '?'", "app.help (Help)"),
        ("reader.tags: ']'", "reader.widen_list"),
        ("reader.bookmark: question_mark", "app.help (Help)"),
    ],
)
def test_a_character_is_seen_to_be_the_key_named_so_in_another_actions_defaults(
    tmp_path: Path, given: str, holder: str
) -> None:
    # "/" and "slash" are one key: the note took it from the filter without a word, and the
    # filter had no key left.
    keymap = keys_file(tmp_path, given + "\n")
    assert keymap.keys == {}
    (problem,) = keymap.problems
    assert f"is the key of {holder}" in problem.message


@pytest.mark.parametrize(
    ("key", "kept_for"), [("ctrl+p", "the command palette"), ("ctrl+q", "quitting")]
)
def test_the_keys_every_screen_keeps_are_refused(tmp_path: Path, key: str, kept_for: str) -> None:
    # Accepted without a word, though they still opened the palette and quit: bookmarking had
    # no key that worked.
    keymap = keys_file(tmp_path, f"reader.bookmark: {key}\n")
    assert keymap.keys == {}
    (problem,) = keymap.problems
    assert problem.message.startswith(f"{key} is kept for {kept_for} on every screen")


def test_every_key_name_briefing_keys_prints_is_taken_back(tmp_path: Path) -> None:
    # "slash" and "question_mark", as the default keys are listed, were refused as no key.
    keymap = keys_file(tmp_path, "reader.filter: slash,s\napp.help: question_mark,h\n")
    assert keymap.problems == ()
    assert keymap.keys == {"reader.filter": "slash,s", "app.help": "question_mark,h"}


def test_keys_can_be_swapped_in_one_file(tmp_path: Path) -> None:
    keymap = keys_file(tmp_path, "reader.bookmark: o\nreader.original: b\n")
    assert keymap.keys == {"reader.bookmark": "o", "reader.original": "b"}
    assert keymap.problems == ()


def test_of_two_lines_giving_one_key_the_first_keeps_it(tmp_path: Path) -> None:
    # The second line took m, and the warning was put on the first, blaming it.
    keymap = keys_file(tmp_path, "reader.bookmark: m\nreader.tags: m\n")
    assert keymap.keys == {"reader.bookmark": "m"}  # tags keep t
    (problem,) = keymap.problems
    assert (problem.line, problem.field) == (2, "reader.tags")
    assert problem.message.startswith(
        "m is given to reader.bookmark (Bookmark) on line 1 already, which keeps it"
    )


def test_an_action_left_with_its_defaults_keeps_them_from_an_earlier_line(
    tmp_path: Path,
) -> None:
    # Tags, refused f (the facets'), keep t: the bookmark, given t on the line before, cannot
    # have it too.
    keymap = keys_file(tmp_path, "reader.bookmark: t\nreader.tags: f\n")
    assert keymap.keys == {}
    assert [(problem.line, problem.message.split(";")[0]) for problem in keymap.problems] == [
        (1, "t is the key of reader.tags (Tags) too"),
        (2, "f is the key of reader.facets (Facets) too"),
    ]


def test_a_key_freed_when_its_line_falls_back_to_defaults_is_given_to_a_later_line(
    tmp_path: Path,
) -> None:
    # Confirm, refused f (the facets'), keeps c; so the bookmark, given c, keeps b; so c is free
    # in the list, where the third line gives it. It was dropped without a word.
    keymap = keys_file(tmp_path, "facts.confirm: f\nreader.bookmark: c\nlist.next: c\n")
    assert keymap.keys == {"list.next": "c"}
    assert [(problem.line, problem.message.split(";")[0]) for problem in keymap.problems] == [
        (1, "f is the key of reader.facets (Facets) too"),
        (2, "c is the key of facts.confirm (Confirm) too"),
    ]


def test_lines_taking_one_key_from_each_other_in_turn_are_told(tmp_path: Path) -> None:
    # Page down is given shift+tab, the previous pane's key, which the next line gives it back
    # with a key it cannot have: whichever settles first, the loser is told, not dropped.
    keymap = keys_file(
        tmp_path, "original.page_down: shift+tab\nreader.previous_pane: ctrl+z,shift+tab\n"
    )
    assert keymap.keys == {"reader.previous_pane": "shift+tab"}
    (first_line,) = [problem for problem in keymap.problems if problem.line == 1]
    assert first_line.message.startswith("shift+tab not applied: ")
    assert "keeps its defaults" in first_line.message


_SOME_KEYS = sorted({key for each in ACTIONS for key in each.keys.split(",")} | set("cxyq"))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from([each.id for each in ACTIONS]),
            st.lists(st.sampled_from(_SOME_KEYS), min_size=1, max_size=2, unique=True),
        ),
        min_size=2,
        max_size=6,
        unique_by=lambda line: line[0],
    )
)
def test_no_key_of_the_file_is_dropped_without_a_word(
    lines: list[tuple[str, list[str]]],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        text = "".join(f"{action_id}: {','.join(keys)}\n" for action_id, keys in lines)
        keymap = keys_file(Path(folder), text)
    defaults = {each.id: each.keys for each in ACTIONS}
    for number, (action_id, keys) in enumerate(lines, 1):
        # Each problem names the keys it is about before the words saying what became of them.
        told = {
            name
            for problem in keymap.problems
            if problem.line == number
            for name in re.split(r" (?:is |could |not applied)", problem.message)[0].split(", ")
        }
        applied = keymap.keys.get(action_id, defaults[action_id]).split(",")
        for key in keys:
            assert key in applied or key in told, (key, action_id, keymap)


def test_key_names_are_mended_or_refused(tmp_path: Path) -> None:
    # F5 and Ctrl+K were shown in the footer, but no key ever fired them.
    keymap = keys_file(tmp_path, "reader.mark: F5,Ctrl+K,ctlr+j,pgup\n")
    assert keymap.keys == {"reader.mark": "f5,ctrl+k"}
    assert [problem.message.split(";")[0] for problem in keymap.problems] == [
        "no key is named 'ctlr+j'",
        "no key is named 'pgup'",
    ]


def test_shift_and_a_letter_is_read_as_its_capital(tmp_path: Path) -> None:
    keymap = keys_file(tmp_path, "reader.facets: shift+f\nreader.tags: Shift+T,t\n")
    assert keymap.keys == {"reader.facets": "F", "reader.tags": "T,t"}
    assert keymap.problems == ()


def test_shift_and_a_key_of_another_character_is_refused(tmp_path: Path) -> None:
    # Shift+1 is "!" on one keyboard and "+" on another: a terminal sends that, never "shift+1".
    keymap = keys_file(tmp_path, "reader.tags: shift+1,shift+slash,t\nreader.mark: shift+up\n")
    assert keymap.keys == {"reader.tags": "t", "reader.mark": "shift+up"}
    assert [problem.message for problem in keymap.problems] == [
        f"{name} is never sent: a terminal sends the character Shift+{base} types, which"
        " depends on the keyboard layout; write that character, in quotes"
        for name, base in [("shift+1", "1"), ("shift+slash", "slash")]
    ]


@pytest.mark.parametrize(
    ("key", "sent_as"),
    [
        ("ctrl+i", "Tab in a terminal"),
        ("Ctrl+M", "Enter in a terminal"),
        ("ctrl+left_square_bracket", "Escape in a terminal"),
        ("ctrl+h", "Backspace in many terminals"),
    ],
)
def test_a_key_a_terminal_sends_as_another_is_refused(
    tmp_path: Path, key: str, sent_as: str
) -> None:
    # ctrl+i was listed as the add's key, but a terminal sends Tab for it: the add kept no key
    # of its own.
    keymap = keys_file(tmp_path, f"reader.add: '{key},ctrl+y'\n")
    assert keymap.keys == {"reader.add": "ctrl+y"}
    (problem,) = keymap.problems
    assert (problem.line, problem.field) == (1, "reader.add")
    assert problem.message == f"{key} is {sent_as}; choose another key"


@pytest.mark.parametrize(
    "written", ["5", "yes", "no", "Yes", "off", "true", "1.5", "10", "0x1f", "2024-03-01"]
)
def test_the_line_a_refusal_advises_is_accepted(tmp_path: Path, written: str) -> None:
    # "reader.read: yes" was told to put yes in quotes, and "yes" in quotes that no key is
    # named so: advice is a line the app takes, or none.
    (problem,) = keys_file(tmp_path, f"reader.read: {written}\n").problems
    advised = re.search(r"  (reader\.read: \S+)$", problem.message)
    if advised is None:
        assert problem.message.startswith(f"no key is named {written!r}")
    else:
        keymap = keys_file(tmp_path, advised[1] + "\n")
        assert keymap.problems == () and keymap.keys


def test_a_character_for_an_action_ahead_of_typing_is_refused(tmp_path: Path) -> None:
    # With Tab's action on w, a w typed in the filter left it instead.
    keymap = keys_file(tmp_path, "reader.next_pane: tab,w\nreader.filter: s\n")
    assert keymap.keys == {"reader.next_pane": "tab", "reader.filter": "s"}
    (problem,) = keymap.problems
    assert problem.field == "reader.next_pane" and "could no longer be typed" in problem.message


async def test_the_palette_names_an_action_by_what_it_would_do_now(corpus_dir: Path) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        titles = [command.title for command in main_screen(app).commands()]
        assert "Bookmark article" in titles and "Remove bookmark" not in titles
        await pilot.press("b", "o")
        await settle(pilot)
        commands = {command.title: command for command in main_screen(app).commands()}
        assert "Remove bookmark" in commands and "Bookmark article" not in commands
        assert "Show original text" in commands and "Hide original text" not in commands
        # Each says which key does the same.
        assert commands["Remove bookmark"].help.endswith("(b)")
        # Whether read or not, "unread" finds the command that changes it, which says what it
        # does as plainly as the others ("Mark unread article read" did not).
        for title in ["Mark article read", "Mark article unread"]:
            await pilot.press("u")
            await settle(pilot)
            titles = [command.title for command in main_screen(app).commands()]
            assert title in titles
            assert [found for found in await palette_finds(app, "unread") if "read" in found] == [
                title
            ]


async def test_the_help_screen_lists_every_described_action(corpus_dir: Path) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(100, 60)) as pilot:
        await settle(pilot)
        text = await help_text(pilot)
        headings = [line for line in text.splitlines() if line and not line.startswith(" ")]
        for heading in dict.fromkeys(HELP_SECTIONS.values()):
            assert heading in headings
        for action in ACTIONS:
            assert any(line.rstrip().endswith(action.label) for line in text.splitlines()), action


def test_what_cannot_be_used_is_told_in_the_order_of_the_file(tmp_path: Path) -> None:
    keymap = keys_file(tmp_path, "reader.bookmark: o\napp.help: ?\nreader.mark: ctlr+j\n")
    assert [problem.line for problem in keymap.problems] == [1, 2, 3]


def test_an_id_is_told_the_action_its_name_calls_by_key_or_label(tmp_path: Path) -> None:
    # The app's own table: "down" is list.next's key, and "mark all" its label's words.
    keymap = keys_file(tmp_path, "list.down: x\nreader.mark_all: y\n")
    assert [problem.advice for problem in keymap.problems] == [
        "did you mean list.next?",
        "did you mean reader.mark_shown?",
    ]


async def test_the_palette_offers_the_reader_s_actions_help_and_quit_alone(
    corpus_dir: Path,
) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        reader = main_screen(app)
        offered = {command.title: command.help for command in app.get_system_commands(reader)}
        own = [command.title for command in reader.commands()]
        # Not Textual's Theme, Keys or Screenshot: a second help, and others nothing keeps.
        assert sorted(offered) == sorted([*own, "Help", "Quit"])
        # Quit asks first when it would lose something, as its description says.
        assert "ask" in offered["Quit"] and offered["Quit"].endswith("(q)")


async def palette_finds(app: BriefingApp, typed: str) -> list[str]:
    """The titles of the commands the palette finds for ``typed`` on the app's screen, from
    each of its sources as the palette asks them."""
    found: list[str] = []
    for source in app.COMMANDS:
        provider = source if isinstance(source, type) else source()
        async for hit in provider(app.screen).search(typed):
            found.append(str(hit.text))
    return found


@pytest.mark.parametrize(
    ("typed", "title"),
    [
        ("tags", "Tag the article"),
        ("notes", "Note on the article"),
        ("bookmarks", "Bookmark article"),
        ("search", "Filter articles"),
        ("exit", "Quit"),
        # Several words: its title's and its own.
        ("tag labels", "Tag the article"),
        ("export markdown", "Export"),
    ],
)
async def test_the_palette_finds_a_command_by_the_words_a_user_would_type(
    corpus_dir: Path, typed: str, title: str
) -> None:
    # "tags" found "No matches found": the command is titled "Tag the article".
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert title in await palette_finds(app, typed)


@pytest.mark.parametrize(
    ("typed", "title"),
    [
        ("bkmrk", "Bookmark article"),  # letters of one word
        ("startorig", "Start of the original text"),  # starts of words in turn
        ("mark unread", "Mark article "),  # read or unread, as it would do now
    ],
)
async def test_the_palette_finds_a_command_by_letters_of_its_words(
    corpus_dir: Path, typed: str, title: str
) -> None:
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert any(found.startswith(title) for found in await palette_finds(app, typed))


@pytest.mark.parametrize(
    ("typed", "only"),
    [
        ("tags", ["Tag the article"]),
        ("note", ["Note on the article"]),
        ("wide", ["More room for the list"]),
    ],
)
async def test_the_palette_offers_no_command_whose_words_only_hold_the_letters_typed(
    corpus_dir: Path, typed: str, only: list[str]
) -> None:
    # "tags" offered "Start of the original text" (sTArt of the oriGinal textS) below the
    # command for tags, and "note" eight commands.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert await palette_finds(app, typed) == only
