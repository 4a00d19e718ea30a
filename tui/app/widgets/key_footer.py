"""The keys at the bottom of the screen."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    """Textual's footer, rebuilt once however many times the keys change before a frame.

    Textual's own rebuilds itself, a dozen widgets, after each change of the screen's bindings.
    Opening the reader changes them five times or more (the focus, the screen, the corpus
    arriving, the cursor's first row) within a few frames: those rebuilds held up the panes and
    the corpus loading beside them by some 50 ms.
    """

    _rebuild_scheduled = False

    def on_mount(self) -> None:
        # Footer shows keys only once told the bindings changed; mounted after the screen's
        # first changes, it would show none until the next one.
        self.bindings_changed(self.screen)

    def bindings_changed(self, screen: Screen[object]) -> None:
        # As Footer.bindings_changed, but a rebuild already on its way covers this change too:
        # it reads the bindings as they are when it runs.
        self._bindings_ready = True
        if self._rebuild_scheduled or not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self._rebuild_scheduled = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._rebuild_scheduled = False
        await self.recompose()
