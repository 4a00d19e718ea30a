"""The keys at the bottom of the screen."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from itertools import groupby
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from textual import events
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.binding import Binding
    from textual.dom import DOMNode
    from textual.screen import Screen

KEY_GAP = " "
"""Between one key and its description and the next key: keys stand out by their colour, and a
narrow screen has room for more of them."""
GROUP_GAP = " "
"""Between the keys of one group, whose description follows the last of them."""
LEFT_OUT = "…"
"""Where keys were left out of a line too long for the screen (the help lists them all)."""


# Named tuples, which take a fraction of the time a frozen dataclass does to define: this
# module is imported at every start.
class KeySpan(NamedTuple):
    """Where a key and its description are on the line, and what pressing them does."""

    start: int
    end: int
    key: str
    enabled: bool


class _Shown(NamedTuple):
    """What the line shows for one action, or for the actions of one group: their keys, each
    with whether it applies now, then the description."""

    keys: tuple[tuple[Binding, bool], ...]
    description: str
    from_app: bool
    """Whether these are the app's own keys (help, quit), kept when the line is too long."""
    spare: bool
    """Whether they are shown only where the line has room, and left out first."""


class KeyFooter(Widget, can_focus=False):
    """The keys of what can be done now, drawn as one line.

    Textual's ``Footer`` is a widget per key, a dozen here, styled and laid out one by one and
    built again whenever the screen's bindings change: as the reader opened, its keys were
    styled 38 times before the screen was complete. Here the keys are one line of text, drawn
    again when the bindings change. A key shown dim does not apply now. The key under the mouse
    pointer is highlighted, and clicking it presses it.
    """

    ALLOW_SELECT = False

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-footer--key",
        "key-footer--description",
        "key-footer--separator",
        "key-footer--hover",
    }

    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        width: 1fr;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        & > .key-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .key-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .key-footer--separator {
            color: $foreground 20%;
        }
        & > .key-footer--hover {
            background: $block-hover-background;
        }
    }
    """

    show_command_palette = reactive(True)
    """Whether the command palette's key is shown, at the right end of the line."""

    def __init__(
        self,
        *,
        show_command_palette: bool = True,
        palette_from: int = 0,
        spare: Collection[str] = (),
        order: Sequence[str] = (),
        id: str | None = None,
    ) -> None:
        """``palette_from``: the width from which the palette's key is shown; on a narrower line
        it is left out, as keys are where the line has no room for them (the spare keys have the
        room first). ``spare``: the ids of the bindings shown only where the line has room for them
        beside the others and the palette's key; on a narrower line they are left out first,
        from the last. ``order``: the ids of the bindings in the order the line shows them,
        whatever keys they have; others come after them, in the order of the screen's bindings
        (which puts a binding given other keys by a keymap last)."""
        super().__init__(id=id)
        self.set_reactive(KeyFooter.show_command_palette, show_command_palette)
        self._palette_from = palette_from
        self._spare = frozenset(spare)
        self._rank = {binding_id: index for index, binding_id in enumerate(order)}
        self._spans: list[KeySpan] = []
        """The keys as the line last drawn shows them."""
        self._pointer: int | None = None
        """The column of the mouse pointer while it is over the line."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        self.refresh()

    def render(self) -> Content:
        """The keys shown by the screen's bindings, the palette's at the far right.

        On a line too short for them all, the spare keys go first, then the palette's key, then
        the screen's keys from the last, so that the app's own (help, quit) always show. Where
        any key is left out, ``…`` says so."""
        width = self.size.width
        palette = self._palette()
        if palette is not None and width >= self._palette_from:
            binding, enabled = palette
            separator = self.get_visual_style("key-footer--separator", partial=True)
            right = Content.styled("▏", separator) + self._label(binding, binding.description)
            # The longest the keys may be with the palette's key at the right, a space between.
            room = width - right.cell_length - 1
            line, spans, shown = self._fitted(self._shown(), room, marked=False)
            if line.cell_length <= room:
                start = width - right.cell_length
                spans.append(KeySpan(start, width, binding.key, enabled))
                line = Content.assemble(line, " " * (start - line.cell_length), right)
                self._spans = spans
                return self._pointed(line)
        # The palette's key left out, if there is one, is marked as other keys left out are:
        # the mark takes its room before any key but the spare ones.
        line, spans, shown = self._fitted(self._shown(), width, marked=palette is not None)
        while line.cell_length > width and not all(each.from_app for each in shown):
            last = max(i for i, each in enumerate(shown) if not each.from_app)
            shown = [*shown[:last], *shown[last + 1 :]]
            line, spans = self._marked_line(shown)
        self._spans = spans
        return self._pointed(line)

    def _fitted(
        self, shown: list[_Shown], room: int, *, marked: bool
    ) -> tuple[Content, list[KeySpan], list[_Shown]]:
        """The line of ``shown``, ``…`` before the app's keys when ``marked``, with the spare
        keys left out from the last until it fits ``room`` (if it can), ``…`` then marking
        them; where each key is on it, and the keys it shows."""
        line, spans = self._marked_line(shown) if marked else self._line(shown)
        while line.cell_length > room and any(each.spare for each in shown):
            shown = [*shown]
            del shown[max(i for i, each in enumerate(shown) if each.spare)]
            line, spans = self._marked_line(shown)
        return line, spans, shown

    def _marked_line(self, shown: Sequence[_Shown]) -> tuple[Content, list[KeySpan]]:
        """The line showing ``shown`` with ``…`` before the app's own keys, which stay last."""
        left = [each for each in shown if not each.from_app]
        kept = [each for each in shown if each.from_app]
        return self._line([*left, None, *kept])

    def _pointed(self, line: Content) -> Content:
        """``line`` with the key under the mouse pointer highlighted."""
        pointed = self._span_at(self._pointer)
        if pointed is not None:
            hover = self.get_visual_style("key-footer--hover", partial=True)
            line = line.stylize(hover, pointed.start, pointed.end)
        return line

    def _line(self, shown: Sequence[_Shown | None]) -> tuple[Content, list[KeySpan]]:
        """The line showing ``shown`` (None: keys left out), and where each key is on it."""
        line = Content("")
        spans: list[KeySpan] = []
        for each in shown:
            if line:
                line += KEY_GAP
            if each is None:
                line += LEFT_OUT
                continue
            for index, (binding, enabled) in enumerate(each.keys):
                last = index == len(each.keys) - 1
                label = self._label(binding, each.description if last else "")
                if not enabled:
                    label = label.stylize("dim")
                if index:
                    line += GROUP_GAP
                start = line.cell_length
                line += label
                spans.append(KeySpan(start, line.cell_length, binding.key, enabled))
        return line, spans

    def _span_at(self, column: int | None) -> KeySpan | None:
        """The key drawn at ``column``, if any."""
        if column is None:
            return None
        return next((span for span in self._spans if span.start <= column < span.end), None)

    def _label(self, binding: Binding, description: str) -> Content:
        """A key as shown, then what it does."""
        key = Content.styled(
            self.app.get_key_display(binding),
            self.get_visual_style("key-footer--key", partial=True),
        )
        if not description:
            return key
        style = self.get_visual_style("key-footer--description", partial=True)
        return Content.assemble(key, " ", (description, style))

    def _shown(self) -> list[_Shown]:
        """What the line is to show, in the order of the bindings.

        An action's first key is shown. The keys of a group's actions are shown together, the
        group's description after the last of them, while they read as one; else each with its
        own description."""
        by_action: dict[str, tuple[Binding, bool, bool]] = {}
        # Where each action goes on the line: its node's place among the nodes (the focused
        # pane's keys first, the app's last), then its own among the node's.
        places: dict[str, tuple[int, int]] = {}
        nodes: dict[DOMNode, int] = {}
        unranked = len(self._rank)
        for node, binding, enabled, _ in self.screen.active_bindings.values():
            if binding.show and binding.action not in by_action:
                by_action[binding.action] = (binding, enabled, node is self.app)
                node_place = nodes.setdefault(node, len(nodes))
                places[binding.action] = (node_place, self._rank.get(binding.id or "", unranked))
        # Sorted, which keeps the bindings' order among those of one place.
        in_order = sorted(by_action.values(), key=lambda each: places[each[0].action])
        shown: list[_Shown] = []
        for group, actions in groupby(in_order, lambda each: each[0].group):
            firsts = list(actions)
            if group is not None and len(firsts) > 1 and self._read_as_one(firsts):
                keys = tuple((binding, enabled) for binding, enabled, _ in firsts)
                spare = all(binding.id in self._spare for binding, _, _ in firsts)
                shown.append(_Shown(keys, group.description, firsts[0][2], spare))
            else:
                shown.extend(
                    _Shown(
                        ((binding, enabled),),
                        binding.description,
                        from_app,
                        binding.id in self._spare,
                    )
                    for binding, enabled, from_app in firsts
                )
        return shown

    def _read_as_one(self, actions: Sequence[tuple[Binding, bool, bool]]) -> bool:
        """Whether the keys of a group's ``actions`` read as one pair under its description: one
        letter in both cases (b B), or keys that are no letters (← →). Keys given by a keymap may
        no longer be: "m B Bookmarks" would not say that m bookmarks."""
        shown = [self.app.get_key_display(binding) for binding, _, _ in actions]
        return len({each.casefold() for each in shown}) == 1 or not any(
            character.isalnum() for each in shown for character in each
        )

    def _palette(self) -> tuple[Binding, bool] | None:
        if not (self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE):
            return None
        active = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        return None if active is None else (active.binding, active.enabled)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._point_at(event.x)

    def on_leave(self, event: events.Leave) -> None:
        self._point_at(None)

    def _point_at(self, column: int | None) -> None:
        """Note where the pointer is; draw the line again if it is over another key."""
        before, self._pointer = self._span_at(self._pointer), column
        if self._span_at(column) != before:
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        span = self._span_at(event.x)
        if span is None:
            return
        if span.enabled:
            self.app.simulate_key(span.key)
        else:
            self.app.bell()
