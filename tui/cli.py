"""The ``briefing`` command: the app by default, and subcommands that need no screen."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from tui import __version__
from tui.core.bookmarks import BookmarkStore, corpus_key, state_dir
from tui.core.cache import load_cached
from tui.core.corpus_path import ENV_CORPUS, resolve_corpus
from tui.core.export import ExportError, markdown_parts, write_export
from tui.core.model import Brief, Corpus
from tui.core.text import one_line

LIST_TITLE_WIDTH = 160
"""Characters of a title ``briefing list`` prints; ``--json`` gives titles whole."""
LIST_FIELD_WIDTH = 60
"""Characters of an id or language ``briefing list`` prints: a brief with errors may hold any."""

_CORPUS_HELP = (
    f"corpus folder holding briefs/ and seeds/ (default: ${ENV_CORPUS}, else the current folder"
    " when it holds briefs/, else the corpus shipped with briefing)"
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Read news briefs whose key facts are tied to the sentences they came from.",
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
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
    )
    listing.add_argument("--corpus", metavar="DIR", help=_CORPUS_HELP, default=argparse.SUPPRESS)
    listing.add_argument("--json", action="store_true", help="print a JSON array instead")

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
    export.add_argument("-o", "--output", metavar="FILE", help="file to write")
    export.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    # A subcommand's --corpus is left out of the namespace when not given (SUPPRESS), so that
    # `briefing --corpus DIR validate` and `briefing validate --corpus DIR` both work.
    root = resolve_corpus(args.corpus)
    if args.command is None:
        from tui.app.main import run_app  # Textual loads only for the app itself

        return run_app(root)
    for stream in (sys.stdout, sys.stderr):
        # A terminal that cannot show a character gets an escape, never a traceback.
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    try:
        corpus = load_cached(root)
        if args.command == "validate":
            return _validate(corpus)
        if corpus.problems:
            for problem in corpus.problems:
                print(f"briefing: {problem}", file=sys.stderr)
            return 1
        if args.command == "list":
            return _list(corpus, as_json=args.json)
        return _export(corpus, args)
    except BrokenPipeError:
        # The reader went away (`briefing list | head`): stop quietly, as other tools do.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _validate(corpus: Corpus) -> int:
    problems = corpus.all_problems
    for problem in problems:
        print(problem, file=sys.stderr)
    errors = sum(p.severity == "error" for p in problems)
    briefs = corpus.briefs
    facts = [fact for brief in briefs for fact in brief.key_facts]
    found = sum(fact.span is not None for fact in facts)
    warnings = len(problems) - errors
    summary = (
        f"{_count(len(corpus.entries), 'brief')} ({len(briefs)} loaded),"
        f" {_count(len(facts), 'fact')}, {_count(found, 'quote')} found;"
        f" {_count(errors, 'error')}, {_count(warnings, 'warning')}"
    )
    print(summary, file=sys.stderr if errors else sys.stdout)
    return 1 if errors else 0


def _list(corpus: Corpus, *, as_json: bool) -> int:
    rows = [
        {
            "id": brief.id,
            "date": brief.published.isoformat() if brief.published else None,
            "language": brief.language,
            "title": brief.title,
            "facts": len(brief.key_facts),
        }
        for brief in corpus.briefs
    ]
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        fields = (
            _cut(str(row["id"]), LIST_FIELD_WIDTH),
            str(row["date"] or "-"),
            _cut(str(row["language"]), LIST_FIELD_WIDTH),
            str(row["facts"]),
            _cut(str(row["title"]), LIST_TITLE_WIDTH),
        )
        print("\t".join(fields))
    return 0


def _cut(text: str, width: int) -> str:
    """``text`` on one line and at most ``width`` characters long."""
    text = one_line(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _export(corpus: Corpus, args: argparse.Namespace) -> int:
    briefs: list[Brief]
    if args.all:
        briefs, selection = list(corpus.briefs), "all briefs"
    elif args.bookmarked:
        store = BookmarkStore(state_dir(), corpus_key(corpus.root))
        for notice in store.notices:
            print(f"briefing: {notice}", file=sys.stderr)
        briefs = [b for b in corpus.briefs if b.id in store]
        selection = "bookmarked briefs"
    else:
        by_id = {brief.id: brief for brief in corpus.briefs}
        missing = [i for i in args.ids if i not in by_id]
        if missing:
            print(f"briefing: no brief with id {', '.join(missing)} loaded", file=sys.stderr)
            return 1
        briefs, selection = [by_id[i] for i in args.ids], "chosen briefs"
    # Written part by part as it is made: a briefing of the whole corpus is never held whole.
    parts = markdown_parts(corpus, briefs, selection)
    if args.output is None:
        # The same bytes as a file written with -o, whatever the terminal's encoding.
        sys.stdout.flush()
        buffer = getattr(sys.stdout, "buffer", None)
        for part in parts:
            if buffer is None:
                sys.stdout.write(part)
            else:
                buffer.write(part.encode("utf-8"))
        sys.stdout.flush()
        return 0
    try:
        write_export(Path(args.output), parts, overwrite=args.force)
    except ExportError as error:
        print(f"briefing: {error}", file=sys.stderr)
        return 1
    print(f"Wrote {_count(len(briefs), 'brief')} to {args.output}", file=sys.stderr)
    return 0
