"""The command palette's commands: found by their titles, and by the words a user would type
for them (``tags`` finds "Tag the article", ``notes`` "Note on the article")."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.command import Hit, Hits
from textual.system_commands import SystemCommandsProvider

if TYPE_CHECKING:
    from tui.app.app import BriefingApp


class ActionCommands(SystemCommandsProvider):
    """The app's commands (see :meth:`BriefingApp.palette_commands`), each found by its title
    as Textual's are, or else by one of its words."""

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        app = cast("BriefingApp", self.app)
        for command, words in app.palette_commands(self.screen):
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(
                    score, matcher.highlight(command.title), command.callback, help=command.help
                )
                continue
            # A little below a title's: what the title matches comes first.
            # Word by word, and with the title, for a query of several words: "mark unread".
            candidates = [*words.split(), f"{command.title} {words}"] if words else []
            score = max(map(matcher.match, candidates), default=0.0) * 0.9
            if score > 0:
                yield Hit(score, command.title, command.callback, help=command.help)
