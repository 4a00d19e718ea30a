"""The ``briefing`` command: the app by default, and subcommands that need no screen."""

from __future__ import annotations

import contextlib
import errno
import io
import itertools
import json
import os
import sys
import time
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tui import __version__
from tui.core.bookmarks import BookmarkStore
from tui.core.corpus_path import ENV_CORPUS, corpus_around, resolve_corpus, without_briefs
from tui.core.text import INFERRED_MARK, one_line, plural
from tui.core.userstate import corpus_key, state_dir

if TYPE_CHECKING:
    import argparse

    from _typeshed import SupportsWrite

    from tui.core.annotations import Annotations
    from tui.core.drafting.adding import Outcome
    from tui.core.drafting.draft import DraftProgress
    from tui.core.model import Corpus, Entry, Problem
    from tui.core.search import Query, UserMarks

LIST_TITLE_WIDTH = 160
"""Characters of a title ``briefing list`` prints; ``--json`` gives titles whole."""
LIST_FIELD_WIDTH = 60
"""Characters of a language ``briefing list`` prints, and of an id or a file's name a message
names: a brief with errors may hold any. ``briefing list`` prints each id whole, on one line."""
MAX_OPTION_NUMBER = 1_000_000
"""The largest number an option takes (``--limit``): more than any corpus has values, and
within what SQLite can be asked for."""
USAGE_ERROR = 2
"""The exit status argparse gives a command line it cannot use."""

_FILTER_HELP = (
    "only the briefs matching QUERY, as the reader's filter reads it: words, and terms such as"
    ' org:NAME, place:"two words", place:="one value", person:, topic:, outlet:, lang:es,'
    " after:2024-03, before:2024-06-30, date:2024, is:draft, is:final, is:bookmarked, is:read,"
    " is:unread, has:note, tag:NAME, anchor:fuzzy; a term after a minus (-baja, -lang:es) leaves"
    " out the briefs it finds"
)
_CORPUS_HELP = (
    f"corpus folder holding briefs/ and seeds/ (default: ${ENV_CORPUS}, else the current folder"
    " when it holds briefs/, else the corpus shipped with briefing)"
)


def build_parser() -> argparse.ArgumentParser:
    import argparse  # with the parser: the app, run without arguments, needs neither

    class Parser(argparse.ArgumentParser):  # here, where argparse is imported
        """argparse's parser, whose help raises when it cannot be written: argparse's own
        drops the error, and `briefing --help > /dev/full` ended with status 0."""

        def print_help(self, file: SupportsWrite[str] | None = None) -> None:
            output = file or sys.stdout
            if output is None:  # started with `>&-`
                raise OSError(errno.EBADF, "standard output is closed")
            output.write(self.format_help())

    class _ExamplesAsWritten(argparse.HelpFormatter):
        """Wraps a command's description to the terminal, as argparse does, but keeps the lines
        of its examples as written: one command a line."""

        def _fill_text(self, text: str, width: int, indent: str) -> str:
            if text.startswith("example"):
                return "".join(indent + line for line in text.splitlines(keepends=True))
            return super()._fill_text(text, width, indent)

    parser = Parser(
        prog="briefing",
        description="Read news briefs whose key facts are tied to the sentences they came from.",
    )
    # Not argparse's own version action: it writes and exits past the handling of output that
    # cannot be written (`--version > /dev/full` ended with status 0).
    parser.add_argument("--version", action="store_true", help="show the version and exit")
    parser.add_argument("--corpus", metavar="DIR", help=_CORPUS_HELP)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    validate = commands.add_parser(
        "validate",
        help="check every brief; one line per problem",
        description="Check every "
        "brief of the corpus against the brief format and its article. Problems go to standard "
        "error, one per line; the exit status is 1 when any is an error.",
    )
    validate.add_argument("--corpus", metavar="DIR", help=_CORPUS_HELP, default=argparse.SUPPRESS)

    listing = commands.add_parser(
        "list",
        help="list the briefs, newest first",
        description="List id, date, language, "
        "number of facts and title of each brief, newest first.",
        epilog="example: briefing list --filter 'place:tijuana after:2024-01 is:final'",
        formatter_class=_ExamplesAsWritten,
    )
    listing.add_argument("--corpus", metavar="DIR", help=_CORPUS_HELP, default=argparse.SUPPRESS)
    listing.add_argument("--filter", metavar="QUERY", default="", help=_FILTER_HELP)
    listing.add_argument("--json", action="store_true", help="print a JSON array instead")

    facets = commands.add_parser(
        "facets",
        help="count the names, outlets, languages and tags of the briefs",
        description="The values of a field most briefs have, each with how many have it, most"
        " first: among the briefs matching --filter, else among all. Values spelt alike but for"
        " case and accents count as one. One line per value: field, value and count, separated"
        " by tabs.",
        epilog="example: briefing facets --filter 'lang:es date:2024' --field place --limit 5",
        formatter_class=_ExamplesAsWritten,
    )
    facets.add_argument("--corpus", metavar="DIR", help=_CORPUS_HELP, default=argparse.SUPPRESS)
    facets.add_argument("--filter", metavar="QUERY", default="", help=_FILTER_HELP)
    facets.add_argument(
        "--field",
        action="append",
        metavar="F",
        help="the field to count: organization, place, person, topic, outlet, language or tag"
        " (your tags); give it again for another (default: each)",
    )
    facets.add_argument(
        "--limit", type=_positive, default=10, metavar="N", help="values per field (default: 10)"
    )
    facets.add_argument("--json", action="store_true", help="print a JSON object instead")

    export = commands.add_parser(
        "export",
        help="write briefs as a Markdown briefing",
        description="Write the chosen "
        "briefs as one Markdown briefing, to standard output unless -o is given.",
    )
    export.add_argument("--corpus", metavar="DIR", help=_CORPUS_HELP, default=argparse.SUPPRESS)
    chosen = export.add_mutually_exclusive_group(required=True)
    chosen.add_argument("ids", nargs="*", default=[], metavar="ID", help="ids of briefs")
    chosen.add_argument("--bookmarked", action="store_true", help="the bookmarked briefs")
    chosen.add_argument("--all", action="store_true", help="every brief that loaded")
    chosen.add_argument(
        "--filter",
        metavar="QUERY",
        help="the briefs the filter finds, as briefing list --filter lists them",
    )
    export.add_argument(
        "-o", "--output", metavar="FILE", help="file to write; - for standard output"
    )
    export.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    export.add_argument(
        "--title",
        metavar="TEXT",
        help="the briefing's heading (default: Briefing and the day's date)",
    )
    add = commands.add_parser(
        "add",
        help="draft a brief from an article's text or a saved web page",
        description="Add articles to the corpus: each text (.txt) is kept byte for byte in"
        " seeds/, each saved web page (.html, .htm) has its article extracted into a text in"
        " seeds/ and is kept beside it; each gets a draft brief in briefs/ (status: draft, every"
        " fact reviewed: false) to read through and finish. Nothing is overwritten; an article"
        " already in the corpus is reported with its brief. Everything runs offline.",
        epilog="example: briefing add ~/Downloads/plant-expansion.html notes/article.txt\n"
        "         briefing add - < article.txt   (an article on standard input)",
        formatter_class=_ExamplesAsWritten,
    )
    add.add_argument("--corpus", metavar="DIR", help=_CORPUS_HELP, default=argparse.SUPPRESS)
    add.add_argument(
        "paths", nargs="+", metavar="PATH", help="article text or saved page; - for standard input"
    )
    add.add_argument("--json", action="store_true", help="print a JSON list, one object per PATH")
    moved = commands.add_parser(
        "moved",
        help="bring notes, tags, bookmarks and read marks over from the folder a corpus was"
        " moved from",
        description="Notes, tags, bookmarks and read marks are kept per corpus folder: a corpus"
        " moved or renamed finds them under its old folder. Without FOLDER, list the other"
        " folders something is kept for about briefs of this corpus; with it, make what is kept"
        " for FOLDER (which must be gone) this corpus's, or with --forget let it go. A brief"
        " with a note in both keeps both.",
        epilog="example: briefing --corpus ~/briefs-2025 moved ~/briefs",
        formatter_class=_ExamplesAsWritten,
    )
    moved.add_argument("--corpus", metavar="DIR", help=_CORPUS_HELP, default=argparse.SUPPRESS)
    moved.add_argument(
        "folder", nargs="?", metavar="FOLDER", help="the corpus folder as it was before the move"
    )
    moved.add_argument(
        "--forget",
        action="store_true",
        help="let go what is kept for FOLDER (gone: a copy deleted on purpose, say) instead",
    )
    commands.add_parser(
        "keys",
        help="list every action's id and keys, for a keys file",
        description="List the id, keys and description of every action of the reader. A file "
        "keys.yaml in the user config folder (or $BRIEFING_CONFIG_DIR) gives actions other keys "
        "by id, one per line, such as  reader.bookmark: m",
    )
    for command in (validate, listing, facets, export, add, moved):
        command.set_defaults(command_parser=command)  # for errors found after parsing
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    given = sys.argv[1:] if argv is None else argv
    if not given:
        # The app, as it is most often run: making the parser, and importing argparse for it,
        # would hold back its first frame by some 3 ms.
        return _run_app(None)
    parser = build_parser()
    try:
        args, unknown = parser.parse_known_args(_filters_joined(given))
    except SystemExit as done:
        if done.code not in (0, None):
            raise
        # --help has been printed: what is still buffered fails here, where it is told, not at
        # exit, where the failure is lost and the status stays 0.
        return _flush_stdout()
    except OSError as error:  # the help could not be written
        return _cannot_write(error)
    # A usage error is told with the usage of the subcommand given, which says what it takes,
    # not with that of `briefing` as a whole.
    given_to = getattr(args, "command_parser", parser)
    if unknown:
        given_to.error(f"unrecognized arguments: {' '.join(unknown)}")
    dashes = _dashes_as_a_value(given)
    if dashes is not None:
        given_to.error(f"{dashes}: -- cannot be an option's value; give the option another")
    if args.corpus == "":
        # An empty variable in a script (`--corpus "$DIR"`) must not quietly mean another corpus.
        given_to.error("--corpus is empty; give a corpus folder")
    if args.command is None and not args.version:
        return _run_app(args.corpus)
    if sys.stdout is None and _writes_to_stdout(args):
        # Started with its standard output closed (`>&-`): Python then drops all that is
        # printed, and the command would seem to succeed having written nothing.
        print("briefing: cannot write the output: standard output is closed", file=sys.stderr)
        return 1
    for stream in (sys.stdout, sys.stderr):
        # A terminal that cannot show a character gets an escape, never a traceback.
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    try:
        status = _command(args)
        if sys.stdout is not None:  # closed, for an export to a file
            sys.stdout.flush()  # what is still buffered fails here, where it is told, not at exit
        return status
    except BrokenPipeError:
        # The reader went away (`briefing list | head`): stop quietly, as other tools do.
        _silence_stdout()
        return 1
    except KeyboardInterrupt:
        _silence_stdout()  # what was being written is cut short; nothing more is said of it
        print("briefing: interrupted", file=sys.stderr)
        return 130
    except OSError as error:
        if error.filename is not None:  # a file or folder of the corpus that cannot be read
            print(f"briefing: cannot read {error.filename}: {error.strerror}", file=sys.stderr)
            return 1
        _silence_stdout()  # the output cannot be written: a full disk, /dev/full
        print(f"briefing: cannot write the output: {error.strerror or error}", file=sys.stderr)
        return 1


def _writes_to_stdout(args: argparse.Namespace) -> bool:
    """Whether the command ``args`` asks for writes to standard output: every one but an export
    to a file."""
    return args.version or not (args.command == "export" and args.output not in (None, "-"))


def _dashes_as_a_value(argv: Sequence[str]) -> str | None:
    """The first option of ``argv`` given ``--`` after its sign (``--corpus=--``), if any.

    argparse of Python 3.11 reads that value as an empty list, which a command would take for
    the option not given (the shipped corpus for ``--corpus=--``) or could not use at all.
    What follows a ``--`` of its own is no option."""
    for token in argv:
        if token == "--":
            return None
        if token.startswith("-") and token.partition("=")[2] == "--":
            return token
    return None


def _filters_joined(argv: Sequence[str]) -> list[str]:
    """``argv`` with each ``--filter`` (or its start, as argparse takes it: ``--filt``) joined to
    the filter after it when that starts with a minus (``--filter=-baja``): argparse would take
    ``-baja``, a term to leave out, for an option, and refuse it."""
    joined: list[str] = []
    for argument in argv:
        option = joined[-1] if joined else ""
        # From --fil on: --f and --fi also start --force and --field.
        given_filter = len(option) > 4 and "--filter".startswith(option)
        if given_filter and argument[:1] == "-" and argument[:2] != "--":
            joined[-1] = f"{option}={argument}"
        else:
            joined.append(argument)
    return joined


def _run_app(corpus: str | None) -> int:
    """Run the app on the corpus ``--corpus`` names (None when not given)."""
    root = _corpus_root(corpus)
    if root is None:
        return USAGE_ERROR
    from tui.app.main import run_app  # Textual loads only for the app itself

    return run_app(root)


def _command(args: argparse.Namespace) -> int:
    """Run the subcommand ``args`` names; its exit status."""
    if args.version:
        print(f"briefing {__version__}")
        return 0
    if args.command == "keys":
        return _keys()
    root = _corpus_root(args.corpus)
    if root is None:
        return USAGE_ERROR
    if args.command == "add":
        return _add(root, args.paths, as_json=args.json)
    corpus = _open_corpus(root)
    if corpus is None:
        return 130
    if args.command == "validate":
        return _validate(corpus)
    if args.command == "moved":
        if args.forget and args.folder is None:
            args.command_parser.error("--forget takes the FOLDER whose notes and marks to let go")
        return _moved(root, corpus, args.folder, forget=args.forget)
    if corpus.problems:
        for problem in corpus.problems:
            print(f"briefing: {problem}", file=sys.stderr)
        return 1
    if args.command == "list":
        return _list(corpus, args.filter, as_json=args.json)
    if args.command == "facets":
        return _facets(corpus, args)
    return _export(corpus, args)


def _corpus_root(option: str | None) -> Path | None:
    """The corpus folder asked for; None, having said why, when it cannot be one."""
    # A subcommand's --corpus is left out of the namespace when not given (SUPPRESS), so that
    # `briefing --corpus DIR validate` and `briefing validate --corpus DIR` both work.
    root = resolve_corpus(option)
    from_variable = not option and bool(os.environ.get(ENV_CORPUS))
    unusable = _not_a_folder(root, named_by_variable=from_variable)
    if unusable:
        print(f"briefing: {unusable}", file=sys.stderr)
        return None
    return root


def _json(value: object) -> str:
    """``value`` as JSON for standard output: its characters as they are where the output takes
    them, else escaped as JSON escapes them (the output's own escapes would not be JSON)."""
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    return json.dumps(value, ensure_ascii=encoding not in ("utf8", "utf16", "utf32"), indent=2)


def _flush_stdout() -> int:
    """Write out what is buffered for standard output; the status of a command that printed
    it: 1, said on standard error, when it cannot be written."""
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except OSError as error:
        return _cannot_write(error)
    return 0


def _cannot_write(error: OSError) -> int:
    """Say that standard output cannot be written, unless the reader went away (`| head`), and
    give the status to end with."""
    if sys.stdout is not None:
        _silence_stdout()
    if not isinstance(error, BrokenPipeError):
        print(f"briefing: cannot write the output: {error.strerror or error}", file=sys.stderr)
    return 1


def _silence_stdout() -> None:
    """Send what is left to write to standard output nowhere: flushing it at exit would fail
    again, with a traceback."""
    with contextlib.suppress(OSError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _keys() -> int:
    from tui.app.actions import ACTIONS, user_keys  # the table is the app's, with its bindings
    from tui.core.keymap import FILE_NAME, config_dir

    keymap = user_keys(config_dir())
    for action in ACTIONS:
        keys = keymap.keys.get(action.id, action.keys)
        print("\t".join((action.id, keys, action.label)))
    _tell([f"briefing: {problem}" for problem in keymap.problems])
    print(f"briefing: keys are read from {config_dir() / FILE_NAME}", file=sys.stderr)
    # A line that cannot be used is a warning and the rest applies; a file that cannot be read
    # at all (a pipe, not UTF-8) leaves every key as it was, which a script should learn.
    return 1 if any(problem.severity == "error" for problem in keymap.problems) else 0


def _not_a_folder(root: Path, *, named_by_variable: bool) -> str | None:
    """Why ``root`` cannot be a corpus at all, else None.

    A mistyped corpus name would otherwise read as an empty corpus; a folder without briefs/ is
    left to the loader, which says so.
    """
    named = f"{root} (from {ENV_CORPUS})" if named_by_variable else str(root)
    folder = "the folder that holds briefs/ and seeds/"
    hint = f"set {ENV_CORPUS} to {folder}, or unset it" if named_by_variable else f"give {folder}"
    try:
        if root.is_dir():
            return None
        if root.exists():
            return f"{named} is a file, not a corpus folder: {hint}"
    except OSError as error:  # a folder on the way that may not be entered
        return f"{named} cannot be read: {error.strerror}"
    return f"{named} does not exist: {hint}"


def _validate(corpus: Corpus) -> int:
    # One pass over the entries, each let go once counted: a corpus of 100,000 briefs is never
    # held whole.
    errors = warnings = loaded = facts = found = drafts = to_review = 0
    drifted = dict.fromkeys(("loose", "fuzzy"), 0)
    # Told in the order of the files, not of the list, which puts the briefs that did not load
    # last: only the problems are kept until then.
    told: list[tuple[str, tuple[Problem, ...]]] = []
    for entry in corpus.entries:
        if entry.problems:
            told.append((entry.path, entry.problems))
        if entry.brief is None:
            continue
        loaded += 1
        drafts += entry.brief.is_draft
        for fact in entry.brief.key_facts:
            facts += 1
            found += fact.span is not None
            to_review += not fact.reviewed
            if fact.anchor in drifted:
                drifted[fact.anchor] += 1
    told.sort(key=lambda problems: problems[0])
    for problem in itertools.chain(corpus.problems, *(problems for _, problems in told)):
        print(problem, file=sys.stderr)
        if problem.severity == "error":
            errors += 1
        else:
            warnings += 1
    # Quotes found only loosely or fuzzily are counted as found, and said apart.
    drift = [f"{count:,} {status}" for status, count in drifted.items() if count]
    summary = (
        f"{plural(len(corpus.entries), 'brief')} ({loaded:,} loaded),"
        f" {plural(facts, 'fact')}, {plural(found, 'quote')} found"
        + (f" ({', '.join(drift)})" if drift else "")
        + f"; {plural(errors, 'error')}, {plural(warnings, 'warning')}"
    )
    # What is left to finish, which no error or warning says: drafts are valid briefs.
    if drafts or to_review:
        summary += f"; {plural(drafts, 'draft')}, {plural(to_review, 'fact')} to review"
    print(summary, file=sys.stderr if errors else sys.stdout)
    return 1 if errors else 0


def _positive(text: str) -> int:
    """``text`` as a number of 1 or more, for an option."""
    try:
        number = int(text)
    except ValueError:
        number = 0
    if not 1 <= number <= MAX_OPTION_NUMBER:
        import argparse  # loaded already: the parser is asking

        raise argparse.ArgumentTypeError(
            f"give a whole number from 1 to {MAX_OPTION_NUMBER:,}, not {text!r}"
        )
    return number


def _filtered(
    corpus: Corpus, text: str, doing: str, *, tags: bool = False
) -> tuple[Query, UserMarks] | None:
    """The query ``text``, with what the user keeps that it names (bookmarks, read briefs,
    notes, tags; the tags too with ``tags``); None when that cannot be read (``doing`` says
    what is then not done)."""
    from tui.core.search import (
        MAX_TERMS,
        QUOTED_WORDS_NOTE,
        parse_query,
        read_as_words_note,
        read_by_language_note,
        unquoted_value_note,
        unsearched_note,
        value_lists_note,
        without_value_note,
    )

    query = parse_query(text)
    if query.left_out:
        print(
            f"briefing: a filter holds its first {MAX_TERMS} terms: it leaves out the"
            f" {plural(query.left_out, 'term')} after them",
            file=sys.stderr,
        )
    marks = _marks_named(corpus, query, doing, tags=tags)
    if marks is None:
        return None
    notes = (
        QUOTED_WORDS_NOTE if query.quoted_words else None,
        read_as_words_note(query),
        value_lists_note(query, corpus.entries, marks),
        unquoted_value_note(query, corpus.entries, marks),
        read_by_language_note(query, corpus.entries),
        unsearched_note(query),
        without_value_note(query),
    )
    for note in notes:
        if note:
            print(f"briefing: {note[0].lower()}{note[1:]}", file=sys.stderr)
    return query, marks


def _marks_named(
    corpus: Corpus, query: Query, doing: str, *, tags: bool = False
) -> UserMarks | None:
    """What the user keeps that ``query`` names (the tags too with ``tags``); None when that
    cannot be read (``doing`` says what is then not done)."""
    from tui.core.search import Marks

    bookmarks: set[str] = set()
    if "bookmarked" in query.marks_named:
        read = _read_bookmarks(corpus, doing)
        if read is None:
            return None
        bookmarks = read
    if not (query.marks_named or tags):
        return Marks(bookmarks)
    annotations = _read_annotations(corpus, doing)
    if annotations is None:
        return None
    return annotations.marks(bookmarks)


def _list(corpus: Corpus, filter_text: str, *, as_json: bool) -> int:
    filtered = _filtered(corpus, filter_text, "listed")
    if filtered is None:
        return 1
    entries = corpus.entries
    # Read as they are printed, and only those: a filter's briefs lie far apart in the list.
    found = (entry.brief for entry in entries.at(entries.find(*filtered)))
    left_out = _left_out(entries.keys_not_loaded(), "brief", named=False)
    rows = [
        {
            "id": brief.id,
            "date": brief.published.isoformat() if brief.published else None,
            # Worked out, not printed in the article: a script is to know it is a guess.
            "date_inferred": brief.date_inferred,
            "language": brief.language,
            "title": brief.title,
            # None for an article in another language not yet given one (a draft's).
            "english_title": brief.title if brief.language == "en" else brief.title_en or None,
            "facts": len(brief.key_facts),
        }
        for brief in found
        if brief is not None
    ]
    if not rows and filtered[0].narrows:
        # Said, as export says it: no output at all passes for a command that did nothing.
        left_out.insert(0, "briefing: no brief matches the filter")
    if as_json:
        print(_json(rows))
        _tell(left_out)
        return 0
    for row in rows:
        fields = (
            # Whole, however long: it is what export is given to name a brief. On one line: an
            # id with errors may hold a line break.
            one_line(str(row["id"])),
            # As the reader lists it: a date the article does not print is marked so.
            f"{row['date']}{INFERRED_MARK}" if row["date_inferred"] else str(row["date"] or "-"),
            _fit(str(row["language"]), LIST_FIELD_WIDTH),
            str(row["facts"]),
            # In English, as the reader lists it: one language for a list read at a glance.
            _fit(str(row["english_title"] or row["title"]), LIST_TITLE_WIDTH),
        )
        print("\t".join(fields))
    # After the rows, where a reader at a terminal sees it last.
    _tell(left_out)
    return 0


def _facets(corpus: Corpus, args: argparse.Namespace) -> int:
    # Imported here, not for the parser: the query's module takes a while to import, and the
    # app, which the command runs by default, does not need it before its first frame.
    from tui.core.search import FACET_FIELDS, facet_field

    named = {name: facet_field(name) for name in args.field or ()}
    unknown = [name for name, field in named.items() if field is None]
    if unknown:
        args.command_parser.error(
            f"no field {', '.join(map(repr, unknown))}; give one of {', '.join(FACET_FIELDS)}"
        )
    # A field may be named as a filter's term names it, or in the plural (places, org).
    fields = dict.fromkeys(field for field in named.values() if field) if named else FACET_FIELDS
    filtered = _filtered(corpus, args.filter, "counted", tags="tag" in fields)
    if filtered is None:
        return 1
    query, marks = filtered
    counts = {field: corpus.entries.facets(query, field, args.limit, marks) for field in fields}
    if args.json:
        shown = {f: [{"value": v, "count": n} for v, n in found] for f, found in counts.items()}
        print(_json(shown))
    else:
        for field, found in counts.items():
            for value, count in found:
                print(f"{field}\t{_fit(value, LIST_TITLE_WIDTH)}\t{count}")
    # No value counted may be no value of the fields asked for (no tags): the briefs are looked
    # for then, and only then.
    if query.narrows and not any(counts.values()) and not corpus.entries.find(query, marks):
        _tell(["briefing: no brief matches the filter; nothing counted"])
    _tell(_left_out(corpus.entries.keys_not_loaded(), "brief", named=False))
    return 0


def _moved(root: Path, corpus: Corpus, folder: str | None, *, forget: bool) -> int:
    """List the folders state is kept for about briefs of ``corpus``, or bring it over from
    ``folder`` (or, ``forget``, let it go)."""
    from tui.core.moved_corpus import (
        CannotBringOver,
        bring_over,
        left_behind,
        let_go,
        moved_command,
    )

    ids_here = {brief_id for brief_id in corpus.entries.ids() if brief_id is not None}
    try:
        if folder is not None and forget:
            named, count = let_go(root, folder)
            print(f"Let go what was kept for {named}: notes and marks of {plural(count, 'brief')}")
        elif folder is not None:
            named, brought = bring_over(root, folder, ids_here)
            print("\n".join(brought.described(named)))
        else:
            found = left_behind(root, ids_here)
    except CannotBringOver as error:
        print(f"briefing: {error}", file=sys.stderr)
        return 1
    if folder is not None:
        return 0
    for left in found:
        print(left.described())
    movable = [left.folder for left in found if left.movable]
    if movable:
        command = moved_command(root, movable[0])
        _tell(
            [
                "briefing: to bring them over from the folder this corpus may have been moved"
                f" from: {command}"
            ]
        )
    elif not found:
        _tell(["briefing: no other corpus folder keeps anything about briefs of this corpus"])
    return 0


def _fit(text: str, width: int) -> str:
    """``text`` on one line and at most ``width`` characters long, the ellipsis among them: here
    a width is a bound, a column's or a name's in a line (``text.cut`` adds it after)."""
    text = one_line(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def _left_out(
    ids: Collection[str],
    noun: str,
    *,
    in_corpus: bool = True,
    named: bool = True,
    outcome: str = "left out",
) -> list[str]:
    """The line saying that the briefs ``ids`` (each a ``noun``) are left out (or what else
    ``outcome`` says of them), or none if none are.

    They could not be loaded, or, unless ``in_corpus``, are not in the corpus at all.
    """
    if not ids:
        return []
    be = "is" if len(ids) == 1 else "are"
    why = "could not be loaded" if in_corpus else f"{be} not in the corpus"
    names = f" ({', '.join(_fit(i, LIST_FIELD_WIDTH) for i in sorted(ids))})" if named else ""
    hint = "; run briefing validate to see why" if in_corpus else ""
    return [f"briefing: {plural(len(ids), noun)} {why} and {be} {outcome}{names}{hint}"]


def _tell(lines: Sequence[str]) -> None:
    for line in lines:
        print(line, file=sys.stderr)


def _tell_progress(line: str) -> None:
    """Tell how far a long command has got, on a terminal only: how many lines of progress a run
    prints depends on how fast the machine is, and a script or a log reading standard error is
    to get the same lines from every run."""
    if sys.stderr.isatty():
        _tell([line])


def _export(corpus: Corpus, args: argparse.Namespace) -> int:
    # Imported here for the same reason as the cache (see main).
    import datetime as dt

    from tui.core.export import (
        Chosen,
        ExportError,
        ExportExistsError,
        markdown_parts,
        write_export,
    )
    from tui.core.search import terms_held

    if args.output == "":
        # Path("") is the current folder: say what is wrong rather than "is a folder".
        print("briefing: the file name is empty; give one such as briefing.md", file=sys.stderr)
        return 1
    if args.title is not None and not args.title.strip():
        print("briefing: --title is empty; give the briefing's heading", file=sys.stderr)
        return 1
    briefs: Sequence[Entry]
    chosen: Chosen
    left_out: list[str] = []
    found_by = ""
    if args.all:
        briefs, chosen = corpus.loaded, "all"
        left_out = _left_out(corpus.entries.keys_not_loaded(), "brief", named=False)
    elif args.filter is not None:
        filtered = _filtered(corpus, args.filter, "exported")
        if filtered is None:
            return 1
        from tui.core.model import LoadedEntries

        briefs = LoadedEntries(corpus.entries, corpus.entries.find(*filtered))
        # A filter that narrows nothing ("", "🚀", "org:") is not named: the briefing is all
        # that loaded.
        chosen = "found" if filtered[0].narrows else "all"
        found_by = terms_held(args.filter) if filtered[0].narrows else ""
        # Told as list --filter tells them: a brief that did not load may be one the filter
        # would have found, as nothing of it could be searched.
        left_out = _left_out(corpus.entries.keys_not_loaded(), "brief", named=False)
    elif args.bookmarked:
        bookmarks = _read_bookmarks(corpus, "exported")
        if bookmarks is None:
            return 1
        briefs = corpus.entries_with_ids(bookmarks)
        unexported = bookmarks - {entry.key for entry in briefs}
        not_loaded = unexported & corpus.entries.keys_not_loaded()
        left_out = _left_out(not_loaded, "bookmarked brief") + _left_out(
            unexported - not_loaded, "bookmarked brief", in_corpus=False
        )
        chosen = "bookmarked"
    else:
        # Looked up in the index: the briefs named are the only ones read.
        loaded = {ident: p for p, ident in enumerate(corpus.entries.ids()) if ident is not None}
        missing = list(dict.fromkeys(i for i in args.ids if i not in loaded))  # each once
        if missing:
            # Briefs named one by one are exported all or none: a briefing short of one that
            # was asked for by name would pass for the one asked for.
            failed = corpus.entries.keys_not_loaded()
            unusable = "not exported"
            _tell(
                _left_out([i for i in missing if i in failed], "brief", outcome=unusable)
                + _left_out(
                    [i for i in missing if i not in failed],
                    "brief",
                    in_corpus=False,
                    outcome=unusable,
                )
            )
            # Briefs that did not load are to be mended; ids not in the corpus, mistyped.
            what_to_do = "give the ids of briefs that are listed"
            if all(i in failed for i in missing):
                one = len(missing) == 1
                what_to_do = (
                    "mend it, or leave its id out" if one else "mend them, or leave them out"
                )
            print(
                f"briefing: nothing exported, as briefs named by id are exported all or none;"
                f" {what_to_do}",
                file=sys.stderr,
            )
            return 1
        # Each brief once, where it was first named: `export a b a` is a and b.
        named = [loaded[i] for i in dict.fromkeys(args.ids)]
        briefs, chosen = list(corpus.entries.at(named)), "named"
    if not briefs:
        # Every brief asked for is left out, or none was asked for: a briefing of no brief
        # would pass for one.
        _tell(left_out)
        if args.bookmarked and not left_out:
            none = "no brief is bookmarked"
        elif args.filter is not None:  # as list --filter says it, any not loaded told above
            none = "no brief matches the filter"
        else:
            none = "nothing to export"
        print(f"briefing: {none}; nothing exported", file=sys.stderr)
        return 1
    # Written part by part as it is made: a briefing of the whole corpus is never held whole.
    # Tags and notes go with their briefs; without them, a briefing is still worth having.
    annotations = _annotations_of(corpus)
    _tell([f"briefing: {notice}" for notice in annotations.notices])
    if annotations.read_error:
        print(
            f"briefing: the briefing is made without notes and tags; {_what_to_do(annotations)}",
            file=sys.stderr,
        )
    with_errors: list[str] = []
    today = dt.date.today()
    parts = markdown_parts(
        corpus,
        briefs,
        chosen,
        annotations.annotation,
        today,
        with_errors,
        args.title,
        found_by=found_by,
    )
    if args.output in (None, "-"):
        # The same bytes as a file written with -o, whatever the terminal's encoding.
        sys.stdout.flush()
        buffer = getattr(sys.stdout, "buffer", None)
        for part in parts:
            if buffer is None:
                sys.stdout.write(part)
            else:
                buffer.write(part.encode("utf-8"))
        sys.stdout.flush()
        # After the briefing, where a reader at a terminal sees it last.
        _tell(left_out + _errors_told(with_errors))
        return 0
    try:
        write_export(Path(args.output), parts, overwrite=args.force)
    except ExportExistsError:
        print(
            f"briefing: {args.output} exists already; choose another name, or add --force to"
            " overwrite it",
            file=sys.stderr,
        )
        return 1
    except ExportError as error:
        print(f"briefing: {error}", file=sys.stderr)
        return 1
    print(f"Wrote {plural(len(briefs), 'brief')} to {args.output}", file=sys.stderr)
    _tell(left_out + _errors_told(with_errors))
    return 0


def _errors_told(with_errors: Sequence[str]) -> list[str]:
    """What to tell of the briefs exported whose files have errors, if any."""
    if not with_errors:
        return []
    shown = ", ".join(_fit(i, LIST_FIELD_WIDTH) for i in with_errors[:ERRORS_NAMED])
    if len(with_errors) > ERRORS_NAMED:
        shown += f" and {len(with_errors) - ERRORS_NAMED:,} more"
    return [
        f"briefing: {plural(len(with_errors), 'brief')} exported with errors in the file,"
        f" which the briefing lists under each ({shown}); run briefing validate to see them"
    ]


ERRORS_NAMED = 5
"""How many of the briefs exported with errors a command names: a corpus where many have them
is told so in one line."""


PROGRESS_EVERY_S = 1.0
"""How often a command tells its progress: adding many articles, or reading many briefs."""


def _open_corpus(root: Path) -> Corpus | None:
    """The corpus through its index, telling a terminal how the reading of its brief files goes
    while it takes more than a moment; None when the user stopped it (Ctrl+C)."""
    # Imported here: the app, which the command runs by default, loads its corpus after its
    # first frame, and the model's classes this brings in take some 5 ms to import.
    from tui.core.store import open_corpus

    started = last_told = time.monotonic()
    told = False

    def progress(done: int, total: int) -> None:
        nonlocal last_told, told
        now = time.monotonic()
        if now - last_told >= PROGRESS_EVERY_S or (told and done == total):
            last_told, told = now, True
            rate = done / (now - started) if now > started else 0.0
            _tell_progress(f"briefing: reading briefs: {done:,} of {total:,}, {rate:,.0f} a second")

    try:
        corpus = open_corpus(root, progress=progress)
    except KeyboardInterrupt:
        _tell(["briefing: stopped; the briefs read so far are kept for the next time"])
        return None
    if corpus.notice:
        _tell([f"briefing: {corpus.notice}"])
    return corpus


def _add(root: Path, paths: Sequence[str], *, as_json: bool) -> int:
    # Imported here: the drafting libraries take a while to load, and only this command needs them.
    from tui.core.drafting.adding import MAX_INPUT_BYTES, STDIN, InputError, add_articles

    if not (root / "briefs").is_dir():
        told = without_briefs(root)
        if corpus_around(root) is None:  # a folder of its own, which may be made a corpus
            told += " Give one with --corpus, or make briefs/ and seeds/ in it to start one"
        print(f"briefing: {told}", file=sys.stderr)
        return 1
    if list(paths).count(STDIN) > 1:
        print("briefing: - (standard input) can be given once", file=sys.stderr)
        return USAGE_ERROR
    if STDIN in paths and sys.stdin is None:  # started with it closed (`<&-`)
        print("briefing: - (standard input) is closed; give the article's file", file=sys.stderr)
        return 1
    # One byte past the limit is enough to say the article is too long: `yes | briefing add -`
    # must not be read to the end.
    stdin = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1) if STDIN in paths else None
    outcomes: list[Outcome] = []
    started = last_told = time.monotonic()
    many = len(paths) > 1

    def drafting(name: str, progress: DraftProgress) -> None:
        # A long article takes a while to draft: a terminal is told which step it is at.
        nonlocal last_told
        now = time.monotonic()
        # A step that cannot tell how far it has got (extracting a page's article) would go
        # untold until its end: it is told as it starts, when the input is long.
        untold = progress.share is None and _size_of(name, stdin) >= LONG_INPUT_BYTES
        if now - last_told >= PROGRESS_EVERY_S or untold:
            last_told = now
            shown = "standard input" if name == STDIN else _fit(Path(name).name, LIST_FIELD_WIDTH)
            _tell_progress(f"briefing: drafting {shown}: {progress}")

    try:
        for outcome in add_articles(root, paths, stdin, drafting=drafting):
            outcomes.append(outcome)
            if not as_json:
                _tell_outcome(outcome)
            now = time.monotonic()
            if many and now - last_told >= PROGRESS_EVERY_S and len(outcomes) < len(paths):
                last_told = now
                _tell_progress(f"briefing: {_progress(outcomes, len(paths), now - started)}")
    except InputError as error:  # the corpus's own gazetteer cannot be read
        print(f"briefing: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        if as_json:
            print(_json([o.as_json() for o in outcomes]))
        _tell([f"briefing: stopped; {_progress(outcomes, len(paths), time.monotonic() - started)}"])
        return 130
    if as_json:
        print(_json([o.as_json() for o in outcomes]))
    if many:
        _tell([f"briefing: {_progress(outcomes, len(paths), time.monotonic() - started)}"])
    return 1 if any(o.status == "error" for o in outcomes) else 0


LONG_INPUT_BYTES = 1024 * 1024
"""An input at least this large may take seconds in a step of its drafting that cannot tell
how far it has got (extracting a saved page's article): that step is told as it starts."""


def _size_of(name: str, stdin: bytes | None) -> int:
    """How many bytes the input ``name`` has (``stdin`` for standard input); 0 when it cannot
    be told."""
    from tui.core.drafting.adding import STDIN  # loaded already: the input is being added

    if name == STDIN:
        return len(stdin or b"")
    try:
        return Path(name).stat().st_size
    except OSError:
        return 0


def _tell_outcome(outcome: Outcome) -> None:
    if outcome.status == "error":
        print(f"briefing: {outcome.input}: {outcome.error}", file=sys.stderr)
        return
    what = "added" if outcome.status == "added" else "already there as"
    if outcome.loads is not False:
        print(f"{outcome.input}: {what} {outcome.brief} ({plural(outcome.facts or 0, 'fact')})")
    else:  # "(0 facts)" would say the brief is empty
        print(
            f"{outcome.input}: {what} {outcome.brief}, which does not load:"
            " briefing validate names what to mend"
        )


def _progress(outcomes: Sequence[Outcome], total: int, seconds: float) -> str:
    statuses = [outcome.status for outcome in outcomes]
    failed = [outcome.input for outcome in outcomes if outcome.status == "error"]
    rate = len(outcomes) / seconds if seconds > 0 else 0.0
    line = (
        f"{len(outcomes):,} of {total:,} done ({statuses.count('added'):,} added,"
        f" {statuses.count('exists'):,} already there, {len(failed):,} failed), {rate:.1f} a second"
    )
    if failed:
        # File names, not paths: the line is to be read at a glance; each failure was told whole.
        shown = ", ".join(_fit(Path(name).name or name, LIST_FIELD_WIDTH) for name in failed[:3])
        line += f"; failed: {shown}" + (" …" if len(failed) > 3 else "")
    return line


def _read_bookmarks(corpus: Corpus, doing: str) -> set[str] | None:
    """The ids bookmarked in ``corpus``, after telling the store's notices; None when the
    bookmarks file cannot be read, after saying that nothing is ``doing`` (exported, say)."""
    # A command only reads: a file it cannot read is the user's to mend, not to be renamed.
    store = BookmarkStore(state_dir(), corpus_key(corpus.root), set_aside_unreadable=False)
    # The store makes do without a file it cannot read, as the app should; an export or a list
    # made without it would quietly leave out every bookmark.
    return None if _cannot_read(store, "bookmarks", doing) else set(store.ids)


MEND_OR_SET_ASIDE = "mend the file, or start the reader, which sets it aside and starts anew"
MAKE_READABLE = "make the file readable, then run the command again"


def _read_annotations(corpus: Corpus, doing: str) -> Annotations | None:
    """The user's notes, tags and read briefs in ``corpus``, after telling the store's notices;
    None when they cannot be read, after saying that nothing is ``doing``."""
    annotations = _annotations_of(corpus)
    return None if _cannot_read(annotations, "notes", doing) else annotations


def _annotations_of(corpus: Corpus) -> Annotations:
    """The user's notes, tags and read briefs in ``corpus``, as their file holds them."""
    from tui.core.annotations import Annotations

    # A command only reads: a file it cannot read is the user's to mend, not to be renamed.
    annotations = Annotations(state_dir(), corpus_key(corpus.root), set_aside_unreadable=False)
    # Read whole as it is opened, and let go at once: while it is open, SQLite keeps files of its
    # own beside it, which the state folder did not hold before the command.
    annotations.close()
    return annotations


def _cannot_read(source: BookmarkStore | Annotations, what: str, doing: str) -> bool:
    """Tell the notices of ``source``, the user's ``what`` (bookmarks, notes); when its file
    cannot be read, say that nothing is ``doing``, and what to do, and give True."""
    _tell([f"briefing: {notice}" for notice in source.notices])
    if not source.read_error:
        return False
    print(
        f"briefing: nothing {doing}, since the {what} cannot be read; {_what_to_do(source)}",
        file=sys.stderr,
    )
    return True


def _what_to_do(source: BookmarkStore | Annotations) -> str:
    """What the user can do about the file of ``source`` that a command could not read."""
    if not isinstance(source, BookmarkStore) and source.in_the_way is not None:
        return f"delete or rename the folder {source.in_the_way}, then run the command again"
    return MEND_OR_SET_ASIDE if source.set_aside_by_the_reader else MAKE_READABLE
