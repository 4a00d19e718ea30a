"""A bounded store of the values used last, for what is costly to make again but too big to keep
all of: articles and their folded copies, article texts, their layouts for a width."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def _one(_: object) -> int:
    return 1


class RecentlyUsed(Generic[K, V]):
    """Keeps values while their weights add up to at most ``budget``, dropping the least recently
    used first; the value stored last is kept whatever it weighs, so that what is shown now is
    never read twice.

    Each value weighs 1 unless ``weigh`` says otherwise (an article's length, say): the budget
    is then a count of values.
    """

    def __init__(self, budget: int, weigh: Callable[[V], int] = _one) -> None:
        self.budget = budget
        self._weigh = weigh
        self._values: OrderedDict[K, tuple[V, int]] = OrderedDict()
        self._total = 0

    def __len__(self) -> int:
        return len(self._values)

    def __contains__(self, key: K) -> bool:
        return key in self._values

    def get(self, key: K) -> V | None:
        """The value stored for ``key``, now the most recently used; None when there is none."""
        kept = self._values.get(key)
        if kept is None:
            return None
        self._values.move_to_end(key)
        return kept[0]

    def put(self, key: K, value: V) -> None:
        """Store ``value`` for ``key``, then drop the least recently used beyond the budget."""
        old = self._values.pop(key, None)
        if old is not None:
            self._total -= old[1]
        weight = self._weigh(value)
        self._values[key] = (value, weight)
        self._total += weight
        while self._total > self.budget and len(self._values) > 1:
            _, (_, dropped) = self._values.popitem(last=False)
            self._total -= dropped
