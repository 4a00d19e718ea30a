"""Adding an article to a corpus: its text kept in ``seeds/``, its draft brief in ``briefs/``.

Each input is read and drafted by :func:`prepare`, which touches no corpus and so can run in
another process; :func:`commit` then writes it into the corpus. Every file is written whole or
not at all, a brief is never overwritten, and an article whose text is already in the corpus
is reported with the brief that has it rather than added twice.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import re
import signal
from collections.abc import Callable, Collection, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from tui.core.articles import MAX_ARTICLE_BYTES
from tui.core.atomic import write_atomically
from tui.core.drafting.draft import (
    Draft,
    DraftProgress,
    NothingToDraft,
    Progress,
    Steps,
    brief_id,
    brief_yaml,
    draft_article,
)
from tui.core.drafting.entities import Gazetteer, GazetteerError, gazetteer_for
from tui.core.drafting.extract import NoArticle, Page, extract_page
from tui.core.files import NotAFile, Refused, TooLarge, read_limited
from tui.core.loader import MAX_BRIEF_BYTES
from tui.core.userstate import ids_kept

MAX_INPUT_BYTES = 8 * 1024 * 1024
"""An article or a saved page larger than this is refused: news articles are far smaller, and a
page of this size is a saved site rather than an article."""
TEXT_SUFFIXES = (".txt",)
PAGE_SUFFIXES = (".html", ".htm")
STDIN = "-"
_BYTE_ORDER_MARK = b"\xef\xbb\xbf"
_PAGE_STARTS = (b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body")
_COMMENT = re.compile(rb"\s*<!--.*?-->", re.DOTALL)
"""A comment ahead of a page's first tag, such as the ``saved from url`` browsers write."""
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9._:-]+)""", re.I)
_READ_AS_WINDOWS_1252 = frozenset(
    {"iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "cp819", "ibm819",
     "us-ascii", "ascii", "windows-1252", "cp1252", "x-cp1252", "utf-8", "utf8"}
)  # fmt: skip
"""The labels under which a page that is not UTF-8 is read as windows-1252. Browsers read the
Latin-1 and ASCII labels so, and a page saved on Windows that declares nothing is most often in
it; a page labelled UTF-8 that is not is, in these languages, almost always a Windows page too."""

Status = Literal["added", "exists", "error"]


class InputError(ValueError):
    """An input that cannot be added, with the reason and what to do about it."""


@dataclass(frozen=True)
class Prepared:
    """One input read and drafted, ready to be written into a corpus."""

    input: str
    text: bytes
    """The article's text as it is to be kept in ``seeds/``."""
    page: bytes | None
    """The saved page it was extracted from, kept beside it; None for a text."""
    page_suffix: str
    draft: Draft


@dataclass(frozen=True)
class Outcome:
    """What adding one input did."""

    input: str
    status: Status
    brief: str | None = None
    """The brief's path relative to the corpus, for ``added`` and ``exists``."""
    source: str | None = None
    """The article's path relative to the corpus, the text the brief's quotes come from."""
    title: str | None = None
    published: str | None = None
    language: str | None = None
    facts: int | None = None
    """How many key facts the brief has; None for a brief there already that does not load."""
    error: str | None = None
    loads: bool | None = None
    """Whether the brief, added or there already, loads: False for one there already that does
    not, whose facts are not known. None for an input that failed, which has no brief."""

    def as_json(self) -> dict[str, object]:
        return {
            "input": self.input,
            "status": self.status,
            "brief": self.brief,
            "source": self.source,
            "title": self.title,
            "published": self.published,
            "language": self.language,
            "facts": self.facts,
            "error": self.error,
            "loads": self.loads,
        }


_WEB_ADDRESS = re.compile(r"(?i)(?:https?|ftp)://|www\.")
"""How a web address opens, given where a saved file was asked for."""


def _missing(path: Path) -> str:
    """Why ``path`` is not there, naming the first part of it that is missing: a folder
    mistyped on the way, or the file's own name."""
    step = path  # the first part of the path that is not a folder, from the top
    while step.parent != step and not step.parent.is_dir():
        step = step.parent
    if step == path:
        return "does not exist; its folder is there: check the file's name"
    if step.exists():
        return f"does not exist: {step} is a file, not a folder; check the path"
    return f"does not exist: there is no folder {step}; check the path"


def read_input(name: str, data: bytes | None = None) -> tuple[bytes, bool]:
    """The bytes of input ``name`` (``data`` for standard input) and whether it is a web page.

    Raises :class:`InputError` for a missing file, a folder, a kind of file that cannot be
    added, or one over :data:`MAX_INPUT_BYTES`.
    """
    if data is None:
        path = Path(name)
        suffix = path.suffix.lower()
        try:
            if path.is_dir():
                raise InputError("is a folder; give an article in it, such as DIR/article.txt")
            if not path.exists():
                if _WEB_ADDRESS.match(name):
                    # briefing reads no network: the page is the user's to save.
                    raise InputError(
                        "is a web address; save the page from the browser (as .html) and add"
                        " the saved file"
                    )
                raise InputError(_missing(path))
            if not path.is_file():
                raise InputError("is not a regular file")
        except OSError as error:  # a folder on the way that may not be entered
            raise InputError(f"cannot be read: {error.strerror}") from None
        if suffix not in TEXT_SUFFIXES + PAGE_SUFFIXES:
            raise InputError(
                "is neither a text (.txt) nor a saved web page (.html, .htm); save the article"
                " as one of those"
            )
        is_page = suffix in PAGE_SUFFIXES
        try:
            data = read_limited(path, MAX_INPUT_BYTES, "article")
        except TooLarge:
            size = MAX_INPUT_BYTES + 1  # at least, as far as it was read
            with contextlib.suppress(OSError):
                size = path.stat().st_size
            raise InputError(_too_large(size, is_page)) from None
        except NotAFile as error:
            raise InputError(str(error)) from None
        except OSError as error:
            raise InputError(f"cannot be read: {error.strerror}") from None
    else:
        is_page = _starts_as_page(data)
    if len(data) > MAX_INPUT_BYTES:  # read no further than one byte past the limit
        raise InputError(_too_large(None, is_page))
    return data, is_page


def _starts_as_page(data: bytes) -> bool:
    """Whether ``data``, given with no file name, is a web page: it opens with a page's first
    tag, after any byte-order mark and comments."""
    head = data[:4096].removeprefix(_BYTE_ORDER_MARK)
    while (comment := _COMMENT.match(head)) is not None:
        head = head[comment.end() :]
    return head.lstrip().lower().startswith(_PAGE_STARTS)


def _too_large(size: int | None, is_page: bool) -> str:
    """What is said of an input of ``size`` bytes, None when it was not read to its end, and
    what to do about it. A page that large was most often saved with its images, which saving it
    as HTML only leaves out; whatever else makes it large, the article's text alone is small."""
    limit = MAX_INPUT_BYTES // (1024 * 1024)
    if size is None:
        told = f"is larger than {limit} MiB, the limit for one article"
    else:
        told = f"is {size / (1024 * 1024):.1f} MiB, over the limit of {limit} MiB for one article"
    if is_page:
        return (
            f'{told}; save the page again as "HTML only" (without its images), or paste the'
            " article's text into a .txt file and add that"
        )
    # A text that large holds more than one article, or more than an article: told to make the
    # same kind of file again, it was left wondering what to change.
    return (
        f"{told}; it holds more than one article's text: copy the one article into a new .txt"
        " file, without the rest, and add that"
    )


def prepare(
    name: str, gazetteer: Gazetteer, data: bytes | None = None, progress: Progress | None = None
) -> Prepared:
    """Read input ``name`` (or ``data``, from standard input) and draft its brief, telling
    ``progress`` how far it has got.

    Raises :class:`InputError` when it cannot be added, saying why.
    """
    raw, is_page = read_input(name, data)
    if not raw.strip():
        raise InputError("is empty; there is no article to add")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # as Notepad saves "Unicode"
        raise InputError("is UTF-16 text; save it as UTF-8 and add it again")
    if b"\x00" in raw:
        raise InputError("is a binary file, not an article's text or a web page")
    page: Page | None = None
    steps = Steps(progress, page=is_page)
    if is_page:
        steps.next()
        try:
            page = extract_page(_page_text(raw))
        except NoArticle as error:
            raise InputError(str(error)) from None
        text_bytes = page.text.encode("utf-8")
        text = page.text
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            raise InputError(
                f"is not UTF-8 text (line {line}); save it as UTF-8 and add it again"
            ) from None
        text_bytes = raw
    try:
        draft = draft_article(text.replace("\r\n", "\n"), gazetteer, page, steps)
    except NothingToDraft as error:
        if page is not None:
            raise InputError(
                "no article was found in the page, only links and labels; save the article's"
                " own page"
            ) from None
        raise InputError(str(error)) from None
    suffix = Path(name).suffix.lower() if name != STDIN else ".html"
    return Prepared(name, text_bytes, raw if is_page else None, suffix, draft)


def _page_text(raw: bytes) -> str | bytes:
    """The text of the saved page ``raw`` where it can be told here: UTF-8, the usual case, or
    windows-1252 (see :data:`_READ_AS_WINDOWS_1252`); else its bytes, for the extractor to read
    as the page declares (Shift JIS, say)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _DECLARED_CHARSET.search(raw[:4096])
    label = declared.group(1).decode("ascii").lower() if declared else None
    if label is None or label in _READ_AS_WINDOWS_1252:
        # Five bytes mean nothing in windows-1252: each becomes a replacement mark.
        return raw.decode("cp1252", errors="replace")
    return raw


def corpus_gazetteer(root: Path) -> Gazetteer:
    """The gazetteer drafts for the corpus at ``root`` use; raises :class:`InputError` when the
    corpus's own gazetteer cannot be read."""
    try:
        return gazetteer_for(root)
    except GazetteerError as error:
        raise InputError(str(error)) from None


def commit(root: Path, prepared: Prepared, kept: Collection[str] | None = None) -> Outcome:
    """Write ``prepared`` into the corpus at ``root``: its article into ``seeds/`` (unless the
    same text is there already) and its draft into a new brief in ``briefs/``, under no id the
    user keeps something under (``kept``, read from the state folder when not given: see
    :func:`~tui.core.userstate.ids_kept`).

    An article already there with a brief is ``exists``. What this call wrote is removed again
    if it fails or is interrupted, so that nothing is left half added.
    """
    seeds, briefs = root / "seeds", root / "briefs"
    seeds.mkdir(exist_ok=True)
    briefs.mkdir(exist_ok=True)
    draft = prepared.draft
    existing = _seed_with(seeds, prepared.text)
    if existing is None and prepared.page is not None:
        existing = _seed_of_page(seeds, prepared.page, prepared.page_suffix)
    if existing is not None:
        brief = _brief_naming(briefs, existing.name)
        if brief is not None:
            return _existing(root, prepared, brief, existing)
    written: list[Path] = []
    try:
        if existing is None:
            seed = _new_seed(seeds, prepared.text)
            # Readable as the corpus's other files are: colleagues may share the folder.
            write_atomically(seed, prepared.text, overwrite=False, shared=True)
            written.append(seed)
            if prepared.page is not None:
                page = seed.with_suffix(prepared.page_suffix)
                write_atomically(page, prepared.page, overwrite=False, shared=True)
                written.append(page)
        else:
            seed = existing
        brief_path = _write_brief(
            briefs, seed.name, draft, ids_kept(root) if kept is None else kept
        )
        written.append(brief_path)
        problems = _problems(root, brief_path)
        if problems:
            raise InputError(f"the draft does not validate: {problems[0]}")
        written.clear()
    finally:
        for path in reversed(written):
            with contextlib.suppress(OSError):
                path.unlink()
    return Outcome(
        prepared.input,
        "added",
        brief=f"briefs/{brief_path.name}",
        source=f"seeds/{seed.name}",
        title=draft.title,
        published=draft.published,
        language=draft.language,
        facts=draft.fact_count,
        loads=True,  # checked just above
    )


def _existing(root: Path, prepared: Prepared, brief: Path, seed: Path) -> Outcome:
    """The outcome of an article already in the corpus, told as its own brief tells it."""
    from tui.core.store import read_entry

    entry = read_entry(root, brief)
    draft = prepared.draft
    found = entry.brief
    return Outcome(
        prepared.input,
        "exists",
        brief=f"briefs/{brief.name}",
        source=f"seeds/{seed.name}",
        title=found.title if found else draft.title,
        published=(found.published.isoformat() if found.published else None)
        if found
        else draft.published,
        language=found.language if found else draft.language,
        facts=len(found.key_facts) if found else None,
        loads=found is not None,
    )


def _write_brief(briefs: Path, source: str, draft: Draft, kept: Collection[str]) -> Path:
    """Write the draft into a brief file of its own, named after its title, never over one,
    nor under an id the user keeps something under (``kept``): a note written on a brief whose
    id was since changed would show on the new one."""
    stem = brief_id(draft.title)
    for number in range(1, 10_000):
        ident = stem if number == 1 else f"{stem}-{number}"
        path = briefs / f"{ident}.yaml"
        if ident in kept or path.exists():
            continue
        try:
            write_atomically(path, brief_yaml(ident, source, draft), overwrite=False, shared=True)
        except FileExistsError:
            continue  # written by another process since the check: take the next name
        return path
    raise InputError(f"every name for a brief about {draft.title!r} is taken")


def _problems(root: Path, brief: Path) -> list[str]:
    """The errors the loader finds in the brief file ``brief``."""
    from tui.core.store import read_entry

    return [str(problem) for problem in read_entry(root, brief).errors]


_SEED_NAME = re.compile(r"^(\d+)_")


def _digest(text: bytes) -> str:
    return hashlib.sha256(text).hexdigest()[:16]


def _new_seed(seeds: Path, text: bytes) -> Path:
    """A new seed's path: the next number, and the start of its text's SHA-256."""
    numbers = [int(m.group(1)) for p in seeds.iterdir() if (m := _SEED_NAME.match(p.name))]
    number = max(numbers, default=-1) + 1
    return seeds / f"{number:03d}_{_digest(text)}.txt"


def _comparable(text: bytes) -> bytes:
    """``text`` as it reads: without a byte-order mark, its lines ended by ``\n`` and without
    the white space ending them, and without blank lines at its end. Two copies of one article
    differ so by what saved them (an editor on Windows, one that trims the spaces ending lines,
    one that drops the last line end), not by what they say."""
    text = text.removeprefix(_BYTE_ORDER_MARK).replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    # bytes.rstrip takes ASCII white space only: a character of several UTF-8 bytes stays whole.
    return b"\n".join(line.rstrip() for line in text.split(b"\n")).rstrip()


def _seed_with(seeds: Path, text: bytes) -> Path | None:
    """The article in ``seeds/`` whose text reads as ``text`` does (:func:`_comparable`), if
    there is one."""
    if not seeds.is_dir():
        return None
    wanted = _comparable(text)
    digest = _digest(wanted)
    articles = [item for item in os.scandir(seeds) if item.name.endswith(".txt") and item.is_file()]
    # The same bytes are named so when this command wrote them: found before any other is read.
    named = [item for item in articles if item.name.endswith(f"_{_digest(text)}.txt")]
    for item in named + articles:
        with contextlib.suppress(OSError, Refused):
            info = item.stat()
            if info.st_size < len(wanted):
                continue  # _comparable takes from a text, never adds to it
            if _comparable_digest(item.path, info.st_size, info.st_mtime_ns) != digest:
                continue
            if _comparable(read_limited(item.path, MAX_ARTICLE_BYTES, "article")) == wanted:
                return Path(item.path)
    return None


def _seed_of_page(seeds: Path, page: bytes, suffix: str) -> Path | None:
    """The article in ``seeds/`` extracted from the saved web page ``page`` (kept beside it with
    ``suffix``), when the same page, byte for byte, is there: its text may read otherwise than
    the one extracted now, by a newer briefing or extractor, and it is the same article."""
    if not seeds.is_dir():
        return None
    for item in os.scandir(seeds):
        with contextlib.suppress(OSError, Refused):
            if not item.name.endswith(suffix) or item.stat().st_size != len(page):
                continue
            seed = Path(item.path).with_suffix(".txt")
            if seed.is_file() and read_limited(item.path, len(page), "page") == page:
                return seed
    return None


@functools.lru_cache(maxsize=100_000)
def _comparable_digest(path: str, size: int, modified: int) -> str | None:
    """The digest of the article at ``path`` as :func:`_comparable` gives it, the file having
    ``size`` bytes and last modified at ``modified`` (in nanoseconds); None when it cannot be
    read. Kept while the file stays so: adding many articles reads each of the corpus's once, not
    once for each."""
    try:
        return _digest(_comparable(read_limited(path, MAX_ARTICLE_BYTES, "article")))
    except (OSError, Refused):
        return None


def _brief_naming(briefs: Path, source: str) -> Path | None:
    """The brief in ``briefs/`` whose ``source`` is ``source``, if there is one."""
    wanted = re.compile(rf"^source:\s*[\"']?{re.escape(source)}[\"']?\s*(#.*)?$", re.MULTILINE)
    for path in sorted(briefs.glob("*.yaml")):
        # A pipe named like a brief is passed over, not waited on.
        with contextlib.suppress(OSError, UnicodeDecodeError, Refused):
            if wanted.search(read_limited(path, MAX_BRIEF_BYTES, "brief").decode("utf-8-sig")):
                return path
    return None


# -- Many inputs ----------------------------------------------------------------------------------

PARALLEL_FROM = 4
"""From how many inputs on drafting is spread over the machine's cores."""

_worker_gazetteer: Gazetteer | None = None


def _start_worker(gazetteer: Gazetteer) -> None:
    global _worker_gazetteer
    # Ctrl+C is the parent's to handle: it stops handing out work and keeps what was written.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_gazetteer = gazetteer


def _prepare_in_worker(name: str) -> Prepared | InputError:
    assert _worker_gazetteer is not None
    return _prepared_or_error(name, _worker_gazetteer, None)


def _prepared_or_error(
    name: str, gazetteer: Gazetteer, data: bytes | None, progress: Progress | None = None
) -> Prepared | InputError:
    try:
        return prepare(name, gazetteer, data, progress)
    except InputError as error:
        return error
    except Exception as error:  # noqa: BLE001 - one input's failure must not stop the others
        return InputError(f"could not be drafted ({type(error).__name__}: {error})")


Drafting = Callable[[str, DraftProgress], None]
"""Told the name of an input and how far the drafting of its brief has got."""


def add_articles(
    root: Path,
    names: Sequence[str],
    stdin: bytes | None = None,
    *,
    workers: int | None = None,
    drafting: Drafting | None = None,
) -> Iterator[Outcome]:
    """Add each input of ``names`` to the corpus at ``root``, yielding what became of each in
    the order given; ``-`` stands for ``stdin``. ``drafting`` is told how far the drafting of
    each input drafted in this process has got.

    Drafting runs in parallel over ``workers`` processes (the machine's cores by default) when
    there are many inputs; writing into the corpus is done here, one input at a time. When the
    caller stops (Ctrl+C), every input already yielded is whole in the corpus, and the one being
    written is removed again.
    """
    gazetteer = corpus_gazetteer(root)
    # Read once for the run: adding articles changes none of it.
    kept = ids_kept(root)
    cores = workers or os.cpu_count() or 1
    if len(names) < PARALLEL_FROM or cores < 2:
        for name in names:
            data = stdin if name == STDIN else None
            told = _told(drafting, name)
            yield _committed(root, name, _prepared_or_error(name, gazetteer, data, told), kept)
        return
    with ProcessPoolExecutor(
        max_workers=min(cores, len(names)), initializer=_start_worker, initargs=(gazetteer,)
    ) as pool:
        futures = {
            index: pool.submit(_prepare_in_worker, name)
            for index, name in enumerate(names)
            if name != STDIN
        }
        try:
            for index, name in enumerate(names):
                if name == STDIN:
                    told = _told(drafting, name)
                    prepared = _prepared_or_error(name, gazetteer, stdin, told)
                else:
                    try:
                        prepared = futures[index].result()
                    except Exception as error:  # noqa: BLE001 - a worker that died
                        prepared = InputError(f"could not be drafted ({error})")
                yield _committed(root, name, prepared, kept)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def _told(drafting: Drafting | None, name: str) -> Progress | None:
    """What tells ``drafting`` how far the drafting of input ``name`` has got."""
    if drafting is None:
        return None
    return functools.partial(drafting, name)


def _committed(
    root: Path, name: str, prepared: Prepared | InputError, kept: Collection[str]
) -> Outcome:
    if isinstance(prepared, InputError):
        return Outcome(name, "error", error=str(prepared))
    try:
        return commit(root, prepared, kept)
    except InputError as error:
        return Outcome(name, "error", error=str(error))
    except OSError as error:
        # The folder rather than the file: a failed write names the temporary file it made.
        where = f" into {Path(error.filename).parent}" if error.filename else ""
        message = f"could not be written{where}: {error.strerror}; check that it can be written"
        return Outcome(name, "error", error=message)
