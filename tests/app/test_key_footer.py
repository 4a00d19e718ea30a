"""The footer's keys: rebuilt once for the changes made between two frames, as they are then."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets._footer import FooterKey

from tui.app.widgets.key_footer import KeyFooter


class FooterApp(App[None]):
    """A footer of two keys; the export key shows only while ``exporting`` is on."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "export", "Export"),
        Binding("q", "quit", "Quit"),
    ]

    exporting = True

    def compose(self) -> ComposeResult:
        yield KeyFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.exporting if action == "export" else True

    def shown_keys(self) -> list[str]:
        return [key.description for key in self.query(FooterKey)]


def count_rebuilds(monkeypatch: pytest.MonkeyPatch, during: Callable[[], None]) -> list[list[str]]:
    """The keys each rebuild of the footer left it with; ``during`` runs as each one ends."""
    rebuilds: list[list[str]] = []
    rebuild = KeyFooter.recompose

    async def counted(footer: KeyFooter) -> None:
        await rebuild(footer)
        during()
        rebuilds.append([key.description for key in footer.query(FooterKey)])

    monkeypatch.setattr(KeyFooter, "recompose", counted)
    return rebuilds


async def test_changes_before_a_frame_rebuild_the_footer_once_as_they_leave_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rebuilds = count_rebuilds(monkeypatch, during=lambda: None)
    app = FooterApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.shown_keys()[:2] == ["Export", "Quit"]
        rebuilds.clear()
        for exporting in (False, True, False):
            app.exporting = exporting
            app.screen.refresh_bindings()
        await pilot.pause()
        await pilot.pause()
        assert len(rebuilds) == 1
        assert rebuilds[0][0] == "Quit"  # as the last change left the keys
        assert app.shown_keys()[0] == "Quit"


async def test_a_change_made_as_the_footer_is_rebuilt_gets_a_rebuild_of_its_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = FooterApp()
    armed = False

    def change_once() -> None:
        nonlocal armed
        if armed:
            armed = False
            app.exporting = False
            # The screen tells the footer when it is next idle: that can be mid-rebuild.
            app.query_one(KeyFooter).bindings_changed(app.screen)

    rebuilds = count_rebuilds(monkeypatch, during=change_once)
    async with app.run_test() as pilot:
        await pilot.pause()
        rebuilds.clear()
        armed = True
        app.screen.refresh_bindings()
        await pilot.pause()
        await pilot.pause()
        assert [keys[0] for keys in rebuilds] == ["Export", "Quit"]
        assert app.shown_keys()[0] == "Quit"


class KeysLaterApp(FooterApp):
    """The footer app with its footer mounted later, once the bindings have settled."""

    def compose(self) -> ComposeResult:
        return iter(())


async def test_a_footer_mounted_after_the_bindings_settled_shows_them() -> None:
    app = KeysLaterApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        await app.mount(KeyFooter(show_command_palette=False))
        await pilot.pause()
        assert app.shown_keys() == ["Export", "Quit"]
