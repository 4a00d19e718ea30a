"""The footer: the keys that apply now, as one line that follows the screen's bindings."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen

from tests.kit.pilot import settle
from tui.app.app import BriefingApp
from tui.app.widgets.key_footer import KeyFooter

_MOVE = Binding.Group("Move")


class FooterApp(App[None]):
    """Two keys that move, sharing one description; export, which applies only while
    ``exporting`` is on (shown dim otherwise); and quit."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "move('left')", "Left", group=_MOVE),
        Binding("right", "move('right')", "Right", group=_MOVE),
        Binding("e", "export", "Export"),
        Binding("q", "quit", "Quit"),
        Binding("x", "hidden", "Hidden", show=False),
    ]

    exporting = True

    def __init__(self) -> None:
        super().__init__()
        self.exported = 0

    def compose(self) -> ComposeResult:
        yield KeyFooter(show_command_palette=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "export" and not self.exporting:
            return None  # shown, but does not apply now
        return True

    def action_export(self) -> None:
        self.exported += 1


def footer_line(app: App[object]) -> str:
    return app.query_one(KeyFooter).render().plain


async def test_the_footer_shows_the_keys_of_the_bindings_shown() -> None:
    app = FooterApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        line = footer_line(app)
        # A group's keys come together, its description once after them.
        assert line.startswith("← → Move e Export q Quit")
        assert "Hidden" not in line


async def test_a_key_that_does_not_apply_is_shown_dim_and_comes_back_when_it_does() -> None:
    app = FooterApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        footer = app.query_one(KeyFooter)

        def export_is_dim() -> bool:
            line = footer.render()
            start = line.plain.index("e Export")
            return any(
                span.start <= start < span.end and "dim" in str(span.style) for span in line.spans
            )

        assert not export_is_dim()
        app.exporting = False
        app.screen.refresh_bindings()
        await pilot.pause()
        assert export_is_dim()
        await pilot.click(KeyFooter, offset=(line_offset(app, "e Export"), 0))
        assert app.exported == 0  # a dim key does nothing when clicked
        app.exporting = True
        app.screen.refresh_bindings()
        await pilot.pause()
        assert not export_is_dim()


def line_offset(app: App[object], text: str) -> int:
    return footer_line(app).index(text)


async def test_clicking_a_key_presses_it() -> None:
    app = FooterApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.click(KeyFooter, offset=(line_offset(app, "Export"), 0))
        await pilot.pause()
        assert app.exported == 1
        await pilot.click(KeyFooter, offset=(line_offset(app, "Quit") + 2, 0))
        await pilot.pause()
        assert not app.is_running


async def test_the_key_under_the_pointer_is_highlighted_until_it_leaves() -> None:
    app = FooterApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        footer = app.query_one(KeyFooter)
        hover = footer.get_visual_style("key-footer--hover", partial=True).background

        def highlighted() -> str:
            line = footer.render()
            return "".join(
                line.plain[span.start : span.end]
                for span in line.spans
                if not isinstance(span.style, str) and span.style.background == hover
            )

        assert highlighted() == ""
        await pilot.hover(KeyFooter, offset=(line_offset(app, "Export"), 0))
        assert highlighted() == "e Export"
        await pilot.hover(KeyFooter, offset=(line_offset(app, "Quit"), 0))
        assert highlighted() == "q Quit"
        await pilot.hover(KeyFooter, offset=(79, 0))  # past the last key
        assert highlighted() == ""


class PaletteApp(FooterApp):
    def compose(self) -> ComposeResult:
        yield KeyFooter(show_command_palette=True)


async def test_the_palette_key_stands_at_the_right_end_while_there_is_room() -> None:
    app = PaletteApp()
    async with app.run_test(size=(80, 5)) as pilot:
        await pilot.pause()
        line = footer_line(app)
        assert line.rstrip().endswith("palette")
        assert len(line) == 80
        footer = app.query_one(KeyFooter)
        footer.show_command_palette = False
        await pilot.pause()
        assert "palette" not in footer_line(app)
    async with PaletteApp().run_test(size=(30, 5)) as pilot:
        await pilot.pause()
        # Too narrow for both: the keys of the screen come first.
        assert "palette" not in footer_line(pilot.app)


class ThreeKeys(Screen[None]):
    """A screen with three keys of its own."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "first", "First action"),
        Binding("b", "second", "Second action"),
        Binding("c", "third", "Third action"),
    ]

    def compose(self) -> ComposeResult:
        yield KeyFooter(show_command_palette=False)


class HelpAndQuitApp(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help"),
        Binding("q", "quit", "Quit"),
    ]

    def get_default_screen(self) -> Screen[None]:
        return ThreeKeys()


async def test_a_line_too_long_leaves_out_the_screens_last_keys_never_help_and_quit() -> None:
    async with HelpAndQuitApp().run_test(size=(80, 5)) as pilot:
        await pilot.pause()
        assert footer_line(pilot.app).rstrip() == (
            "a First action b Second action c Third action ? Help q Quit"
        )
    async with HelpAndQuitApp().run_test(size=(40, 5)) as pilot:
        await pilot.pause()
        # All of it takes 59 columns; without the third action, 46.
        assert footer_line(pilot.app).rstrip() == "a First action … ? Help q Quit"
        await pilot.click(KeyFooter, offset=(footer_line(pilot.app).index("Quit"), 0))
        await pilot.pause()
        assert not pilot.app.is_running  # the keys left are where the line shows them


class SpareKeysScreen(Screen[None]):
    """Three keys of its own, the first and the last of them spare."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "first", "First action", id="first"),
        Binding("b", "second", "Second action", id="second"),
        Binding("c", "third", "Third action", id="third"),
    ]

    def compose(self) -> ComposeResult:
        yield KeyFooter(show_command_palette=True, spare={"first", "third"})

    def action_third(self) -> None:
        self.app.exit("third")


class SpareKeysApp(HelpAndQuitApp):
    def get_default_screen(self) -> Screen[None]:
        return SpareKeysScreen()


async def test_spare_keys_show_where_there_is_room_and_are_left_out_first() -> None:
    async with SpareKeysApp().run_test(size=(120, 5)) as pilot:
        await pilot.pause()
        line = footer_line(pilot.app)
        assert line.startswith("a First action b Second action c Third action ? Help q Quit")
        assert line.rstrip().endswith("palette")
        await pilot.click(KeyFooter, offset=(line.index("Third"), 0))
        await pilot.pause()
        assert pilot.app.return_value == "third"  # each key is where the line shows it
    async with SpareKeysApp().run_test(size=(60, 5)) as pilot:
        await pilot.pause()
        # The last spare key goes first, before the palette's, marked as any key left out.
        line = footer_line(pilot.app)
        assert line.startswith("a First action b Second action … ? Help q Quit ")
        assert line.rstrip().endswith("palette")
    async with SpareKeysApp().run_test(size=(38, 5)) as pilot:
        await pilot.pause()
        # Then the palette's key, marked as left out, then the others as before.
        assert footer_line(pilot.app).rstrip() == "b Second action … ? Help q Quit"


class NarrowPaletteScreen(SpareKeysScreen):
    def compose(self) -> ComposeResult:
        yield KeyFooter(palette_from=100)


class NarrowPaletteApp(HelpAndQuitApp):
    def get_default_screen(self) -> Screen[None]:
        return NarrowPaletteScreen()


async def test_the_palette_key_shows_from_its_width_and_is_marked_as_left_out_below() -> None:
    async with NarrowPaletteApp().run_test(size=(100, 5)) as pilot:
        await pilot.pause()
        line = footer_line(pilot.app)
        assert "…" not in line
        assert line.rstrip().endswith("palette")
        await pilot.resize_terminal(99, 5)
        await pilot.pause()
        line = footer_line(pilot.app).rstrip()
        assert line == "a First action b Second action c Third action … ? Help q Quit"


class FirstSpareScreen(SpareKeysScreen):
    def compose(self) -> ComposeResult:
        yield KeyFooter(palette_from=100, spare={"first"})


class FirstSpareApp(HelpAndQuitApp):
    def get_default_screen(self) -> Screen[None]:
        return FirstSpareScreen()


async def test_the_mark_of_keys_left_out_takes_a_spare_keys_room_before_another_keys() -> None:
    # All three keys, Help and Quit take 59 columns, the mark two more: Third was left out to
    # make room for it, while the spare First stayed.
    async with FirstSpareApp().run_test(size=(60, 5)) as pilot:
        await pilot.pause()
        assert footer_line(pilot.app).rstrip() == "b Second action c Third action … ? Help q Quit"


class ReorderedScreen(Screen[None]):
    """Two keys of one group and a third; the second of the group is bound by a keymap."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "first", "First", id="first", group=_MOVE),
        Binding("A", "second", "Second", id="second", group=_MOVE),
        Binding("c", "third", "Third action", id="third"),
    ]

    def compose(self) -> ComposeResult:
        yield KeyFooter(show_command_palette=False, order=["first", "second", "third"])


class ReorderedApp(HelpAndQuitApp):
    def get_default_screen(self) -> Screen[None]:
        return ReorderedScreen()


async def test_a_key_given_by_a_keymap_keeps_its_place_and_its_group() -> None:
    app = ReorderedApp()
    app.set_keymap({"first": "z", "second": "Z"})
    async with app.run_test(size=(80, 5)) as pilot:
        await pilot.pause()
        # Textual lists a binding given other keys after the others.
        assert footer_line(app).rstrip() == "z Z Move c Third action ? Help q Quit"


async def test_a_group_s_keys_that_no_longer_read_as_one_are_shown_apart() -> None:
    # "a x Move": x read as a second key of a's, as "m B Bookmarks" did once b was m.
    app = ReorderedApp()
    app.set_keymap({"second": "x"})
    async with app.run_test(size=(80, 5)) as pilot:
        await pilot.pause()
        assert footer_line(app).rstrip() == "a First x Second c Third action ? Help q Quit"


async def test_a_bookmark_given_another_key_is_shown_apart_from_bookmarks_only(
    corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "keys.yaml").write_text("reader.bookmark: m\n", encoding="utf-8")
    monkeypatch.setenv("BRIEFING_CONFIG_DIR", str(tmp_path))
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        line = footer_line(app)
        assert "m Bookmark B Bookmarks only" in line and "m B Bookmarks " not in line


async def test_the_reader_s_footer_marks_a_spare_key_it_leaves_out_beside_the_palette_s(
    corpus_dir: Path,
) -> None:
    # With a filter set, Tags was left out at 120 columns without a mark.
    app = BriefingApp(corpus_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"mexicali", "enter")
        await settle(pilot)
        assert " ".join(footer_line(app).split()) == (
            "/ Filter esc Clear filter f Facets b B Bookmarks space Mark n Note e Export"
            " o Original a Add … ? Help q Quit ▏^p palette"
        )
