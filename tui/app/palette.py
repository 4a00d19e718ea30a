"""The command palette's commands: found by their titles, and by the words a user would type
for them (``tags`` finds "Tag the article", ``notes`` "Note on the article")."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, cast

from textual.command import Hit, Hits
from textual.system_commands import SystemCommandsProvider

from tui.core.text import fold_search

if TYPE_CHECKING:
    from tui.app.app import BriefingApp


class ActionCommands(SystemCommandsProvider):
    """The app's commands (see :meth:`BriefingApp.palette_commands`), each found by its title
    as Textual's are, or else by one of its words."""

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        app = cast("BriefingApp", self.app)
        typed = fold_search(query).split()
        for command, words in app.palette_commands(self.screen):
            score = matcher.match(command.title) if _meant(typed, command.title) else 0.0
            if score > 0:
                yield Hit(
                    score, matcher.highlight(command.title), command.callback, help=command.help
                )
                continue
            # A little below a title's: what the title matches comes first.
            # Word by word, and with the title, for a query of several words: "mark unread".
            candidates = [*words.split(), f"{command.title} {words}"] if words else []
            meant = [candidate for candidate in candidates if _meant(typed, candidate)]
            score = max(map(matcher.match, meant), default=0.0) * 0.9
            if score > 0:
                yield Hit(score, command.title, command.callback, help=command.help)


def _meant(typed: list[str], text: str) -> bool:
    """Whether each word of ``typed`` (folded) may stand for words of ``text``: its letters in
    one word of it, from its first ("bkmrk" for "Bookmark"), or in the starts of words of it
    in turn ("origtext" for "original text"). The palette's own matching takes the letters
    anywhere in the text, so "tags" found "sTArt of the oriGinal textS" as well as the command
    for tags."""
    words = tuple(fold_search(text).split())
    return all(_abbreviates(word, words) for word in typed)


@lru_cache(maxsize=4096)
def _abbreviates(typed: str, words: tuple[str, ...]) -> bool:
    """Whether ``typed`` is the letters, in turn, of one of ``words`` from its first, or
    starts of several of them in turn."""
    if any(word.startswith(typed[0]) and _in_turn(typed, word) for word in words):
        return True
    return _starts_in_turn(typed, words)


def _in_turn(letters: str, word: str) -> bool:
    """Whether ``letters`` are in ``word`` in that order."""
    rest = iter(word)
    return all(letter in rest for letter in letters)


@lru_cache(maxsize=4096)  # each way of cutting ``typed`` is tried once, not once a path to it
def _starts_in_turn(typed: str, words: tuple[str, ...]) -> bool:
    """Whether ``typed`` is the start of one of ``words`` followed by the starts of words after
    it, and so on to its end."""
    if not typed:
        return True
    for at, word in enumerate(words):
        length = 0
        while length < min(len(word), len(typed)) and word[length] == typed[length]:
            length += 1
            if _starts_in_turn(typed[length:], words[at + 1 :]):
                return True
    return False
