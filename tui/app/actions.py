"""Every action of the reader, described once: its id, default keys, words and where it works.

The key bindings of the app, the screen and the panes, the command palette and the help screen
are all made from :data:`ACTIONS`, so that an action cannot be described one way in the footer
and another in the palette. Each binding carries its action's id (``list.next``,
``reader.filter``): :meth:`textual.app.App.set_keymap` can give any of them other keys, and the
palette and the help screen show the keys the bindings have then.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Literal, NamedTuple

from textual.binding import Binding, BindingType

if TYPE_CHECKING:
    from pathlib import Path

    from tui.core.keymap import UserKeymap

Place = Literal["app", "reader", "list", "facts", "original"]
"""The node a binding is declared on: the app, the reading screen, or one of its panes. A
pane's keys work while it has the focus; the others wherever the reader is."""
PanePlace = Literal["list", "facts", "original"]
"""The places that are panes of the reading screen."""
PANE_PLACES: tuple[PanePlace, ...] = ("list", "facts", "original")
HelpSection = Place | Literal["finding"]
"""A section of the help screen: a place's keys, or those of finding words in the original,
which its pane takes only while it finds."""

# b and B share one label in the footer, which has little room at 80 columns, while a keymap
# leaves them one letter.
_BOOKMARKS = Binding.Group("Bookmarks")


# A named tuple, which takes a fraction of the time a frozen dataclass does to define: this
# module is imported at every start.
class Action(NamedTuple):
    """One thing the user can do, as every part of the app that offers it describes it."""

    id: str
    """A stable name, ``<place>.<what>``: the binding's id, which a keymap names."""
    keys: str
    """The default keys, comma-separated, as :class:`textual.binding.Binding` takes them."""
    action: str
    """The action run, on the node of :attr:`place` (``app.`` for one of the app's)."""
    label: str
    """A few words, for the footer and the help screen."""
    place: Place
    description: str = ""
    """One sentence saying what it does: the footer's tooltip and the palette's help."""
    palette: str | None = None
    """Its title in the command palette; None leaves it out of the palette."""
    move: bool = False
    """Whether it is a move of a pane (its cursor or its text), which the palette offers
    whichever pane has the keys, and runs on its pane, giving it the keys, once the palette has
    closed. A pane's other actions it offers while the pane has the keys."""
    palette_when_on: str | None = None
    """The palette's title while the setting the action switches is on (see :attr:`switch`)."""
    switch: str | None = None
    """The name of the screen's property that says whether that setting is on."""
    help_section: HelpSection | None = None
    """The help screen's section when it is not the one of :attr:`place`."""
    show: bool = True
    """Whether the footer shows it."""
    spare: bool = False
    """Whether the footer shows it only where the line has room: on a narrow screen it is the
    first left out, and the help screen and the palette still list it."""
    priority: bool = False
    off_while_typing: bool = False
    """Whether the action, a priority one, stands down while the filter has the focus (the
    screen checks it), so that a character given to it as a key is typed there."""
    key_display: str | None = None
    group: Binding.Group | None = None
    words: str = ""
    """Other words that find it in the palette, space-separated: those a user would type for
    it that its title does not hold (``tags`` for "Tag the article")."""

    def binding(self, keys: str | None = None) -> Binding:
        """The action's binding, with ``keys`` in place of its default keys when given."""
        return Binding(
            keys or self.keys,
            self.action,
            self.label,
            show=self.show,
            key_display=self.key_display,
            priority=self.priority,
            tooltip=self.description,
            id=self.id,
            group=self.group,
        )

    def palette_title(self, on: bool) -> str:
        """The palette's title for the action, with its setting ``on`` or off."""
        assert self.palette is not None
        return self.palette_when_on if on and self.palette_when_on else self.palette


ACTIONS: tuple[Action, ...] = (
    # Keys that move the focus are priority bindings: they act as soon as they arrive, so the
    # keys typed right after them already go to the pane or filter they lead to.
    Action(
        "reader.open_facts",
        "enter",
        "open_facts",
        "Facts",
        "reader",
        "Go from the article list to the article's key facts",
        palette="Go to the key facts",
        help_section="list",
        # Left out of the footer, which has no room for it at 80 columns beside "a Add": Enter
        # is where a reader looks first, and the help screen lists it.
        show=False,
        priority=True,
        off_while_typing=True,
        words="open pane",
    ),
    Action(
        "reader.filter",
        "slash",
        "filter",
        "Filter",
        "reader",
        "Narrow the list to articles holding words",
        palette="Filter articles",
        priority=True,
        off_while_typing=True,
        words="search find narrow",
    ),
    Action(
        "reader.clear_filter",
        "escape",
        "clear_filter",
        "Clear filter",
        "reader",
        "Show every article again",
        palette="Clear filter",
        priority=True,
        words="search reset all",
    ),
    Action(
        "reader.facets",
        "f",
        "facets",
        "Facets",
        "reader",
        "Count the organizations, places, people, topics, outlets, languages and your tags of"
        " the articles listed, and narrow the list to one",
        palette="Facets: count and narrow by a value",
        spare=True,
        words="count organizations places people topics outlets languages",
    ),
    Action(
        "reader.bookmark",
        "b",
        "toggle_bookmark",
        "Bookmark",
        "reader",
        "Bookmark the article, or remove its bookmark",
        palette="Bookmark article",
        palette_when_on="Remove bookmark",
        switch="current_bookmarked",
        group=_BOOKMARKS,
        words="bookmarks star favourite favorite",
    ),
    Action(
        "reader.bookmarks_only",
        "B",
        "toggle_bookmarks_only",
        "Bookmarks only",
        "reader",
        "Show the bookmarked articles only, or all of them",
        palette="Show bookmarked articles only",
        palette_when_on="Show all articles",
        switch="bookmarks_only",
        group=_BOOKMARKS,
        words="bookmarks starred favourites favorites all",
    ),
    Action(
        "reader.mark",
        "space",
        "toggle_mark",
        "Mark",
        "reader",
        "Mark or unmark the article for export",
        palette="Mark article for export",
        palette_when_on="Unmark article",
        switch="current_marked",
        words="marks select export",
    ),
    Action(
        "reader.unmark_all",
        "M",
        "unmark_all",
        "Unmark all",
        "reader",
        "Unmark every article marked for export, as after handing over a briefing",
        palette="Unmark all articles",
        show=False,
        words="marks clear export",
    ),
    Action(
        "reader.mark_shown",
        "A",
        "mark_shown",
        "Mark all shown",
        "reader",
        "Mark every article the list shows for export, as to hand over what a filter found",
        palette="Mark all shown articles for export",
        show=False,
        words="marks select all export filter found",
    ),
    Action(
        "reader.read",
        "u",
        "toggle_read",
        "Read or unread",
        "reader",
        "Mark the article unread, or read again (an article shown is marked read)",
        palette="Mark article read",
        palette_when_on="Mark article unread",
        switch="current_read",
        show=False,
        words="unread seen",
    ),
    Action(
        "reader.note",
        "n",
        "edit_note",
        "Note",
        "reader",
        "Write or change your note on the article",
        palette="Note on the article",
        spare=True,
        words="notes comment annotate write",
    ),
    Action(
        "reader.tags",
        "t",
        "edit_tags",
        "Tags",
        "reader",
        "Give the article tags, or change them",
        palette="Tag the article",
        spare=True,
        words="tags labels",
    ),
    Action(
        "reader.export",
        "e",
        "export",
        "Export",
        "reader",
        "Export the marked articles, or this one, to a Markdown file",
        palette="Export",
        words="markdown save file write marked",
    ),
    Action(
        "reader.original",
        "o",
        "toggle_original",
        "Original",
        "reader",
        "Show or hide the original text",
        palette="Show original text",
        palette_when_on="Hide original text",
        switch="show_original",
        words="article source",
    ),
    Action(
        "reader.find",
        "ctrl+f",
        "find_in_article",
        "Find words",
        "reader",
        "Find words in the original text: each place is marked; Enter or down goes to the next",
        palette="Find in the original text",
        # Left out of the footer, whose room at 120 columns the other keys need (Tags beside a
        # filter): Ctrl+F is where a reader looks for it, and the help screen lists it.
        show=False,
        words="search locate look",
    ),
    Action(
        "reader.maximize",
        "z",
        "toggle_maximize",
        "Maximize pane",
        "reader",
        "Let the focused pane fill the screen, or put it back",
        palette="Maximize pane",
        palette_when_on="Restore pane",
        switch="pane_maximized",
        show=False,
        words="zoom fullscreen maximise",
    ),
    Action(
        "reader.widen_list",
        "right_square_bracket",
        "resize_list(1)",
        "More room for the list",
        "reader",
        "Give the article list more room: wider beside the panes, taller above them",
        palette="More room for the list",
        show=False,
        words="wider taller larger resize",
    ),
    Action(
        "reader.narrow_list",
        "left_square_bracket",
        "resize_list(-1)",
        "Less room for the list",
        "reader",
        "Give the article list less room: narrower beside the panes, shorter above them",
        palette="Less room for the list",
        show=False,
        words="narrower shorter smaller resize",
    ),
    Action(
        "reader.add",
        "a",
        "add_article",
        "Add",
        "reader",
        "Add an article from a text or a saved web page, with a draft brief",
        palette="Add an article",
        words="new import open file page",
    ),
    Action(
        "reader.edit",
        "E",
        "edit_brief",
        "Edit",
        "reader",
        "Open the brief in your editor ($VISUAL or $EDITOR); it is read again after",
        palette="Edit the brief",
        show=False,
        words="editor change",
    ),
    Action(
        "reader.next_pane",
        "tab",
        "next_pane",
        "Next pane",
        "reader",
        "Give the next pane the keys",
        palette="Next pane",
        show=False,
        priority=True,
        words="focus switch",
    ),
    Action(
        "reader.previous_pane",
        "shift+tab",
        "previous_pane",
        "Previous pane",
        "reader",
        "Give the pane before the keys",
        palette="Previous pane",
        show=False,
        priority=True,
        words="focus switch back",
    ),
    Action(
        "app.help",
        "question_mark",
        "help",
        "Help",
        "app",
        "List every key",
        key_display="?",
        words="keys",
    ),
    Action(
        "app.quit",
        "q",
        "quit",
        "Quit",
        "app",
        "Quit; first ask when that would lose what is being typed, notes, tags or bookmarks that"
        " could not be saved, or marks for export",
        words="exit close",
    ),
    # The moves of the panes. The palette offers those that go to an article, a fact or an end
    # of the original from whichever pane has the keys (the pane moved in takes them), but not a
    # line or a page: those are for a key pressed again and again, and would read alike there.
    Action(
        "list.next",
        "down,j",
        "cursor_down",
        "Next article",
        "list",
        "Move the list's cursor to the next article",
        palette="Next article",
        show=False,
        move=True,
        words="down brief move",
    ),
    Action(
        "list.previous",
        "up,k",
        "cursor_up",
        "Previous article",
        "list",
        "Move the list's cursor to the article before",
        palette="Previous article",
        show=False,
        move=True,
        words="up back brief move",
    ),
    Action(
        "list.first",
        "home,g",
        "first",
        "First article",
        "list",
        "Move the list's cursor to its first article",
        palette="First article",
        show=False,
        move=True,
        words="top start brief move",
    ),
    Action(
        "list.last",
        "end,G",
        "last",
        "Last article",
        "list",
        "Move the list's cursor to its last article",
        palette="Last article",
        show=False,
        move=True,
        words="bottom end brief move",
    ),
    Action("list.page_down", "pagedown", "page_down", "Page down", "list", show=False),
    Action("list.page_up", "pageup", "page_up", "Page up", "list", show=False),
    Action(
        "facts.next",
        "down,j",
        "next_fact",
        "Next fact",
        "facts",
        "Go to the article's next key fact, its quote highlighted in the original",
        palette="Next fact",
        show=False,
        move=True,
        words="down move",
    ),
    Action(
        "facts.previous",
        "up,k",
        "previous_fact",
        "Previous fact",
        "facts",
        "Go to the article's key fact before",
        palette="Previous fact",
        show=False,
        move=True,
        words="up back move",
    ),
    Action(
        "facts.first",
        "home,g",
        "first_fact",
        "First fact",
        "facts",
        "Go to the article's first key fact",
        palette="First fact",
        show=False,
        move=True,
        words="top start move",
    ),
    Action(
        "facts.last",
        "end,G",
        "last_fact",
        "Last fact, then the end",
        "facts",
        "Go to the article's last key fact; on it, to the end of the brief",
        palette="Last fact",
        show=False,
        move=True,
        words="bottom end move",
    ),
    Action("facts.page_down", "pagedown", "page_down", "Page down", "facts", show=False),
    Action("facts.page_up", "pageup", "page_up", "Page up", "facts", show=False),
    # Asked of the screen, which owns the brief's file and reads it again after the edit.
    Action(
        "facts.confirm",
        "c",
        "confirm_fact",
        "Confirm",
        "facts",
        "Confirm the draft's fact (it is no longer marked unreviewed) and go to the next",
        palette="Confirm fact",
        words="review accept approve",
    ),
    Action(
        "facts.reject",
        "x",
        "reject_fact",
        "Reject",
        "facts",
        "Reject the draft's fact: it is taken out of the brief",
        palette="Reject fact",
        words="review remove delete",
    ),
    Action(
        "reader.undo_review",
        "ctrl+z",
        "undo_review",
        "Undo",
        "reader",
        "Undo the last fact confirmed or rejected, and again the one before: its brief file"
        " goes back as it was",
        palette="Undo the last confirm or reject",
        help_section="facts",
        words="revert",
    ),
    Action("original.down", "down,j", "line_down", "Scroll down", "original", show=False),
    Action("original.up", "up,k", "line_up", "Scroll up", "original", show=False),
    Action(
        "original.top",
        "home,g",
        "top",
        "Start of the article",
        "original",
        "Scroll the original text to its start",
        palette="Start of the original text",
        show=False,
        move=True,
        words="top beginning scroll article",
    ),
    Action(
        "original.bottom",
        "end,G",
        "bottom",
        "End of the article",
        "original",
        "Scroll the original text to its end",
        palette="End of the original text",
        show=False,
        move=True,
        words="bottom scroll article",
    ),
    Action("original.page_down", "pagedown", "page_down", "Page down", "original", show=False),
    Action("original.page_up", "pageup", "page_up", "Page up", "original", show=False),
    # The keys of finding words (reader.find), in the key line while the pane finds: the pane
    # takes a character typed as part of the words, and these keys for what they do here.
    Action(
        "original.next_found",
        "enter,down",
        "next_found",
        "Next place found",
        "original",
        help_section="finding",
    ),
    Action(
        "original.previous_found",
        "up",
        "previous_found",
        "Place found before",
        "original",
        help_section="finding",
    ),
    Action(
        "original.stop_finding",
        "escape",
        "stop_finding",
        "Stop finding",
        "original",
        help_section="finding",
    ),
)

HELP_SECTIONS: dict[HelpSection, str] = {
    "reader": "Anywhere",
    "app": "Anywhere",
    "list": "Article list",
    "facts": "Key facts",
    "original": "Original text",
    "finding": "Finding words in the original",
}
"""The help screen's heading for the keys of each place, and of finding words, in the order the
sections come."""


def actions_of(place: Place) -> tuple[Action, ...]:
    """The actions whose bindings are declared on ``place``."""
    return tuple(action for action in ACTIONS if action.place == place)


def bindings_of(place: Place) -> list[BindingType]:
    """The bindings of ``place``, for its ``BINDINGS``."""
    return [action.binding() for action in actions_of(place)]


def in_palette(place: Place) -> Iterator[Action]:
    """The actions of ``place`` that the command palette offers."""
    return (action for action in actions_of(place) if action.palette is not None)


def help_groups(
    keymap: Mapping[str, str], extra: Iterable[tuple[Place, Binding]] = ()
) -> dict[str, list[Binding]]:
    """The bindings of every action under its help heading, in :data:`HELP_SECTIONS`' order, with
    the keys ``keymap`` gives them, and ``extra`` bindings (the app's own, such as the command
    palette's) under their place's."""
    groups: dict[str, list[Binding]] = {title: [] for title in HELP_SECTIONS.values()}
    for action in ACTIONS:
        section = HELP_SECTIONS[action.help_section or action.place]
        groups[section].append(action.binding(keymap.get(action.id)))
    for place, binding in extra:
        groups[HELP_SECTIONS[place]].append(binding)
    return groups


def action(action_id: str) -> Action:
    """The action whose id is ``action_id``."""
    return next(each for each in ACTIONS if each.id == action_id)


_MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
_EVERYWHERE: frozenset[Place] = frozenset({"app", "reader"})
"""Places whose keys work whichever pane has the focus."""
OFF_WHILE_TYPING = frozenset(each.action for each in ACTIONS if each.off_while_typing)
"""The actions run by the keys that stand down while the filter has the focus."""
SPARE = frozenset(each.id for each in ACTIONS if each.spare)
"""The ids of the actions the footer shows only where it has room."""
IN_ORDER = tuple(each.id for each in ACTIONS)
"""The ids of the actions in the order the footer shows them, whatever keys they are given."""


def _is_letter(text: str) -> bool:
    """Whether ``text`` is one letter that has a capital of one letter ("f", "é"; not "ß")."""
    upper = text.upper()
    return len(text) == 1 and text.isalpha() and len(upper) == 1 and upper != text.lower()


def user_keys(folder: Path) -> UserKeymap:
    """The keys file in ``folder``, as far as the app can use it, and what it cannot use."""
    # Imported here: most users have no keys file, and the reader reads it after its first frame.
    from tui.core.keymap import ActionNames, read_keymap

    known = {each.id: ActionNames(each.keys, each.label) for each in ACTIONS}
    return usable_keys(read_keymap(folder, known))


def usable_keys(keymap: UserKeymap) -> UserKeymap:
    """``keymap`` without the keys the app could not use, each named with why:

    - a key no key is named so (``F5`` is ``f5``, ``Ctrl+K`` is ``ctrl+k``; those are mended);
    - a key another action has where both work: Textual would take it from one of them without
      a word, or the pane's would hide the screen's; of two lines of the file giving one key,
      the first keeps it, as the first of two lines giving one action applies;
    - a character given to an action that acts ahead of typing: it could no longer be typed in
      the filter.

    An action left with none of the keys given keeps its defaults.
    """
    if not keymap.keys:
        return keymap  # as for most users, at every start: nothing to check
    import string

    from textual.app import App
    from textual.binding import BindingsMap
    from textual.keys import Keys, key_to_character

    from tui.core.keymap import UserKeymap
    from tui.core.model import Problem

    def matched_as(key: str) -> str:
        """``key`` as Textual matches a key pressed: "/" is "slash", "?" "question_mark"."""
        (name,) = BindingsMap([Binding(key, "")]).key_to_bindings
        return name

    punctuation = {
        matched_as(character): character
        for character in string.punctuation
        if character != ","  # which separates keys, and is named "comma"
    }
    named = frozenset(key.value.rsplit("+", 1)[-1] for key in Keys) | punctuation.keys()
    # Textual's own, on every screen: the command palette, and quitting (ctrl+c says how).
    reserved = {matched_as(App.COMMAND_PALETTE_BINDING): "the command palette"} | {
        matched_as(key): "quitting"
        for binding in App.BINDINGS
        if isinstance(binding, Binding)
        for key in binding.key.split(",")
    }

    # Keys a terminal sends as another: Ctrl+I as Tab, and Textual names what it receives so.
    # ("ctrl+[" is not read as a key name at all.)
    sent_as = {
        "ctrl+i": "Tab in a terminal",
        "ctrl+m": "Enter in a terminal",
        f"ctrl+{matched_as('[')}": "Escape in a terminal",
        "ctrl+h": "Backspace in many terminals",
    }

    def key_name(name: str) -> str | None:
        if len(name) == 1:
            return matched_as(name)
        *modifiers, base = name.split("+")
        if not base or any(modifier.lower() not in _MODIFIERS for modifier in modifiers):
            return None
        if [modifier.lower() for modifier in modifiers] == ["shift"] and _is_letter(base):
            # A terminal sends F for Shift+F, and Textual names the key so: "shift+f" never fired.
            return matched_as(base.upper())
        if len(base) > 1 or modifiers:
            base = base.lower()  # with ctrl or alt, K is k: shift is a modifier of its own
            if base not in named and key_to_character(base) is None:
                return None
        return "+".join([*(modifier.lower() for modifier in modifiers), base])

    def shifted_character(key: str) -> bool:
        """Whether ``key`` is Shift and a key that types a character other than a letter
        ("shift+1", "shift+slash"): a terminal sends the character Shift gives it ("!" on one
        keyboard, "+" on another), never such a key."""
        modifier, _, base = key.partition("+")
        character = punctuation.get(base) or key_to_character(base)
        return (
            modifier == "shift"
            and character is not None
            and character.isprintable()
            and not character.isspace()
        )

    # Keys as Textual matches them, so that "/" given one action is seen to be the "slash" of
    # another's defaults.
    defaults = {each.id: [matched_as(key) for key in each.keys.split(",")] for each in ACTIONS}
    problems = list(keymap.problems)
    # The file's lines in order: of two lines giving one key, the first keeps it.
    given = sorted(keymap.keys, key=lambda action_id: keymap.lines.get(action_id, 0))

    def problem(action_id: str, message: str) -> Problem:
        return Problem(keymap.path, keymap.lines.get(action_id, 0), action_id, message, "warning")

    # First what each key is on its own: named so, and free to be given this action.
    wanted: dict[str, list[tuple[str, str]]] = {}
    for action_id in given:
        this = action(action_id)
        wanted[action_id] = []
        for name in keymap.keys[action_id].split(","):
            key = key_name(name)
            if key is None:
                message = f"no key is named {name!r}; keys are named such as ctrl+k, f5, pageup"
            elif shifted_character(key):
                message = (
                    f"{name} is never sent: a terminal sends the character Shift+{key[6:]} types,"
                    " which depends on the keyboard layout; write that character, in quotes"
                )
            elif key in sent_as:
                message = f"{name} is {sent_as[key]}; choose another key"
            elif key in reserved:
                message = f"{name} is kept for {reserved[key]} on every screen; choose another"
            elif this.priority and len(key) == 1 and not this.off_while_typing:
                message = (
                    f"{name} could no longer be typed in the filter, as this action acts ahead of"
                    " typing; give it a key with ctrl, or a function key"
                )
            else:
                wanted[action_id].append((name, key))
                continue
            problems.append(problem(action_id, message))

    def shares_keys(one: Action, other: Action) -> bool:
        """Whether a key of both would be the same where both work."""
        return one.id != other.id and (
            one.place == other.place or bool({one.place, other.place} & _EVERYWHERE)
        )

    # Then which of them another action holds where both work: an action the file does not
    # give keys, or leaves with none it can use, holds its defaults; one given keys on an
    # earlier line holds those it kept. Which actions are left with none depends on which
    # others are, so it is worked out again from the last round's answer until it settles: a
    # key refused on one line is freed when the line holding it falls back to its defaults.
    def settle(defaulted: set[str]) -> tuple[dict[str, list[tuple[str, str]]], list[Problem]]:
        """The keys each action given keys could have, as (name, key), and what was refused,
        with the actions of ``defaulted`` holding their defaults."""
        usable: dict[str, list[tuple[str, str]]] = {}
        refused: list[Problem] = []
        for action_id in given:
            this = action(action_id)
            usable[action_id] = []
            for name, key in wanted[action_id]:
                earlier = next(
                    (
                        other
                        for other_id, keys in usable.items()
                        if other_id not in defaulted
                        and any(key == theirs for _, theirs in keys)
                        and shares_keys(this, other := action(other_id))
                    ),
                    None,
                )
                if earlier is not None:
                    line = keymap.lines.get(earlier.id, 0)
                    refused.append(
                        problem(
                            action_id,
                            f"{name} is given to {earlier.id} ({earlier.label}) on line {line}"
                            " already, which keeps it; choose another",
                        )
                    )
                    continue
                holder = next(
                    (
                        other
                        for other in ACTIONS
                        if (other.id not in keymap.keys or other.id in defaulted)
                        and key in defaults[other.id]
                        and shares_keys(this, other)
                    ),
                    None,
                )
                if holder is not None:
                    refused.append(
                        problem(
                            action_id,
                            f"{name} is the key of {holder.id} ({holder.label}) too; give that"
                            " action another key first, or choose another",
                        )
                    )
                    continue
                usable[action_id].append((name, key))
        return usable, refused

    def left_with_none(usable: dict[str, list[tuple[str, str]]]) -> set[str]:
        return {action_id for action_id, keys in usable.items() if not keys}

    defaulted: set[str] = set()
    rounds_seen: list[set[str]] = []
    usable, refused = settle(defaulted)
    while (left := left_with_none(usable)) != defaulted:
        if left in rounds_seen:
            # Lines taking keys from one another in turn: from here on an action left with
            # none keeps its defaults for good, which settles, as that set only grows.
            while not left <= defaulted:
                defaulted |= left
                usable, refused = settle(defaulted)
                left = left_with_none(usable)
            break
        rounds_seen.append(defaulted)
        defaulted = left
        usable, refused = settle(defaulted)
    for action_id in sorted(defaulted):
        # Keys it could have had, lost only to the order lines were settled in: said, not
        # dropped without a word (its defaults among them are its anyway).
        lost = [name for name, key in usable[action_id] if key not in defaults[action_id]]
        if lost:
            refused.append(
                problem(
                    action_id,
                    f"{', '.join(lost)} not applied: other lines of this file take this action's"
                    " keys and free them in turn, so it keeps its defaults; choose keys no other"
                    " line gives",
                )
            )
    kept = {
        action_id: [key for _, key in keys]
        for action_id, keys in usable.items()
        if action_id not in defaulted
    }
    problems += refused
    kept_keys = {action_id: ",".join(keys) for action_id, keys in kept.items() if keys}
    in_file_order = tuple(sorted(problems, key=lambda problem: problem.line))
    return UserKeymap(kept_keys, in_file_order, keymap.lines, keymap.path)
