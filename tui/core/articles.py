"""Reading a corpus's articles: which files may be read, how much of them, and their text.

This is all that showing or exporting an article needs, without the YAML and date parsers the
loader brings in.
"""

from __future__ import annotations

import errno
import os
import stat
import threading
from pathlib import Path

from tui.core.files import NotAFile, TooLarge, not_a_file, read_limited
from tui.core.model import Fault, Severity
from tui.core.recent import RecentlyUsed
from tui.core.text import clean_text, cut

MAX_ARTICLE_BYTES = 32 * 1024 * 1024
"""An article larger than this is refused unread; real ones are a few kilobytes."""
KEPT_CHARACTERS = 16_000_000
"""How many characters of the articles read last a corpus keeps, to give them again at once."""

ArticleProblems = list[tuple[Severity, str]]


NAMES_LOOKED_AT = 50
"""How many articles not found a reader looks for a file of a close name for: a corpus whose
articles are all gone is told so without comparing each with every file there is."""
_CLOSE_NAME = 90
"""How close, out of 100 (rapidfuzz's ratio), a file's name must be to one not found to be
named as the file meant: a character or two apart in a name of twenty."""

_LOOP = "leads through links that lead back to one another"
_LOOP_ADVICE = "put the article itself in seeds/ in the place of the link"


class ArticleReader:
    """The articles of the corpus at ``root``, read as the loader reads them."""

    def __init__(self, root: Path) -> None:
        self.seeds = os.path.join(root, "seeds")
        self._inside: str | None = None
        self._names_looked_at = 0

    def refusal(self, source: str) -> Fault | None:
        """Why ``source`` cannot be used as an article of this corpus, or None when it can."""
        if not source.strip():
            return Fault("is empty", "name a file in seeds/")
        relative = Path(source)
        if relative.is_absolute() or ".." in relative.parts:
            return Fault(
                "names a file outside seeds/", "name a file inside seeds/, such as 000_example.txt"
            )
        try:
            if self._inside is None:
                self._inside = os.path.normcase(os.path.join(os.path.realpath(self.seeds), ""))
            resolved = os.path.realpath(os.path.join(self.seeds, source))
            info = _stat(resolved)
        except RuntimeError:  # what resolving says of links leading round in a loop
            return Fault(_LOOP, _LOOP_ADVICE)
        except OSError as error:
            if error.errno == errno.ELOOP:
                return Fault(_LOOP, _LOOP_ADVICE)
            return Fault(
                f"cannot be looked at ({error.strerror or error})",
                "make seeds/ and the article readable",
            )
        inside = os.path.normcase(os.path.join(resolved, "")).startswith(self._inside)
        if not inside:
            return Fault("leads outside seeds/ through a link", "copy the article into seeds/")
        if info is None:
            if not os.path.isdir(self.seeds):  # looked at only for an article not found
                there = "a file" if os.path.lexists(self.seeds) else "not there"
                return Fault(
                    f"not found: the corpus's seeds/ folder is {there}", "articles are kept in it"
                )
            if relative.parts[0] == "seeds" and len(relative.parts) > 1:
                # The corpus's path, where the path inside seeds/ is asked for.
                within = Path(*relative.parts[1:]).as_posix()
                return Fault(
                    f"not found: there is no seeds/{cut(source)}",
                    "source names a file inside seeds/, so leave seeds/ out:"
                    f" source: {cut(within)}",
                )
            meant = self._name_meant(relative)
            if meant is not None:
                return Fault(
                    f"not found: there is no seeds/{cut(source)}",
                    f"write source: {cut(meant)} if that file in seeds/ is the article; else put"
                    " the article back in seeds/",
                )
            return Fault(
                f"not found: there is no seeds/{cut(source)}",
                "put the article back in seeds/, or correct source: to name the file it is in",
            )
        if not stat.S_ISREG(info.st_mode):
            return _named(source, not_a_file(info.st_mode))
        return None

    def _name_meant(self, relative: Path) -> str | None:
        """The file of seeds/ whose name ``relative``, not found, is a slip for (a character
        typed twice or dropped), beside where it would be; None if none is close."""
        if self._names_looked_at >= NAMES_LOOKED_AT:
            return None
        self._names_looked_at += 1
        from rapidfuzz import fuzz, process  # only for an article not found

        folder = os.path.join(self.seeds, *relative.parent.parts)
        try:
            with os.scandir(folder) as listing:
                names = [item.name for item in listing if item.is_file()]
        except OSError:
            return None
        found = process.extractOne(
            relative.name, names, scorer=fuzz.ratio, score_cutoff=_CLOSE_NAME
        )
        return (relative.parent / found[0]).as_posix() if found else None

    def read(self, source: str) -> tuple[str | None, ArticleProblems, Fault | None]:
        """The cleaned text of ``seeds/source`` and its problems, or None and why it cannot be
        used."""
        try:
            return self.read_within(source, MAX_ARTICLE_BYTES)
        except TooLarge as error:
            return None, [], error.fault

    def read_within(
        self, source: str, limit: int
    ) -> tuple[str | None, ArticleProblems, Fault | None]:
        """What :meth:`read` gives; raise :class:`TooLarge` when the file holds more than
        ``limit`` bytes, having read ``limit + 1`` of them."""
        refusal = self.refusal(source)
        if refusal is not None:
            return None, [], refusal
        try:
            raw = read_limited(os.path.join(self.seeds, source), limit, "article")
        except NotAFile as error:  # made so since it was looked at
            return None, [], _named(source, error.fault)
        except OSError as error:
            return None, [], Fault(f"cannot be read: {error.strerror}")
        text, problems = decode_article(raw)
        return text, problems, None

    def text(self, source: str) -> str:
        """The cleaned text of ``seeds/source``, or "" when it cannot be used."""
        return self.read(source)[0] or ""


def _named(source: str, fault: Fault) -> Fault:
    """``fault``, said of a file that is not read, as said of the article ``seeds/source``."""
    return Fault(f"seeds/{cut(source)} {fault.what}", fault.advice)


def _stat(path: str) -> os.stat_result | None:
    """The status of ``path``, None when there is nothing there; a link loop raises."""
    try:
        return os.stat(path)
    except OSError as error:
        # A link loop is only seen this way: the resolving above does not raise for one.
        if error.errno == errno.ELOOP or getattr(error, "winerror", 0) == _CANNOT_RESOLVE:
            raise
        return None


_CANNOT_RESOLVE = 1921
"""Windows's error for a link it cannot follow (ERROR_CANT_RESOLVE_FILENAME)."""


def decode_article(raw: bytes) -> tuple[str, ArticleProblems]:
    """An article's bytes as text cleaned for display, with what is wrong with them."""
    problems: ArticleProblems = []
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("utf-8", errors="replace")
        problems.append(("warning", "is not valid UTF-8; unreadable bytes are shown as \ufffd"))
    text = clean_text(text)
    if not text.strip():
        problems.append(("warning", "is empty"))
    return text, problems


def read_article(root: Path, source: str) -> str:
    """The cleaned text of the article ``seeds/source`` of the corpus at ``root``.

    Returns an empty string when the article cannot be used; loading the corpus reports why.
    """
    return ArticleReader(root).text(source)


class ArticleTexts:
    """The cleaned texts of one corpus's articles, read when first asked for and kept while they
    fit in :data:`KEPT_CHARACTERS`: the one place the reader and the export get articles from.

    Asked from the screen's thread and from worker threads alike. An article that cannot be
    used gives "", as :func:`read_article` does.
    """

    def __init__(self, root: Path, budget: int = KEPT_CHARACTERS) -> None:
        self._reader = ArticleReader(root)
        self._kept: RecentlyUsed[str, str] = RecentlyUsed(budget, weigh=len)
        self._lock = threading.Lock()

    def text(self, source: str) -> str:
        """The cleaned text of ``seeds/source``."""
        kept = self._get(source)
        if kept is not None:
            return kept
        return self._keep(source, self._reader.text(source))

    def short_text(self, source: str, limit: int) -> str | None:
        """What :meth:`text` gives, when it is kept or the file holds at most ``limit`` bytes;
        else None, having read no more than ``limit + 1`` bytes: a caller that must not wait on
        a long article asks for it from a thread."""
        kept = self._get(source)
        if kept is not None:
            return kept
        try:
            text = self._reader.read_within(source, limit)[0] or ""
        except TooLarge:
            return None
        return self._keep(source, text)

    def _get(self, source: str) -> str | None:
        with self._lock:
            return self._kept.get(source)

    def _keep(self, source: str, text: str) -> str:
        with self._lock:
            self._kept.put(source, text)
        return text
