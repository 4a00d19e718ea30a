"""The ``briefing`` command: validate, list, export, help, version and which corpus it reads."""

from __future__ import annotations

import datetime as dt
import importlib
import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.kit.corpus import (
    REPO,
    draft_corpus,
    dump,
    fields,
    make_corpus,
    make_large_corpus,
    make_named_corpus,
)
from tests.kit.markdown import read
from tests.kit.special import named_pipe, needs_pipes
from tui import __version__
from tui.cli import main
from tui.core.annotations import Annotations
from tui.core.bookmarks import BookmarkStore
from tui.core.corpus_path import resolve_corpus
from tui.core.search import FACET_FIELDS, MAX_TERMS
from tui.core.userstate import corpus_key, state_dir

view = importlib.import_module("tui.core.store.view")

BRIEFING = Path(sys.executable).parent / "briefing"
# file:line: field: message, or file: message for a problem with the file as a whole.
PROBLEM_LINE = re.compile(
    r"^(briefs/[^:]+\.yaml)(?::(\d+))?: (?:(fact \d+(?:, \w+)?|[\w\[\].]+): )?(.+)$"
)


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m tui`` with ``args``, as a user would run ``briefing``."""
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        text=True,
        cwd=cwd or REPO,
        timeout=120,
    )


def shipped_counts() -> tuple[int, int]:
    briefs = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in REPO.glob("briefs/*.yaml")]
    return len(briefs), sum(len(b["key_facts"]) for b in briefs)


# validate --------------------------------------------------------------------------------------


def test_validate_passes_on_the_shipped_corpus_with_a_summary() -> None:
    result = run("validate")
    briefs, facts = shipped_counts()
    assert result.returncode == 0
    assert result.stderr == ""
    (summary,) = result.stdout.splitlines()
    assert f"{briefs} briefs" in summary
    assert f"{facts} facts" in summary
    assert f"{facts} quotes found" in summary


def test_validate_writes_every_count_with_its_thousands_apart(tmp_path: Path) -> None:
    # "1,000 briefs (1000 loaded)": one count of the line without its comma.
    root = make_large_corpus(tmp_path / "corpus", 1_000)
    (summary,) = run("validate", "--corpus", str(root)).stdout.splitlines()
    assert summary.startswith("1,000 briefs (1,000 loaded), 1,000 facts, 1,000 quotes found")


READING_PROGRESS = re.compile(r"^briefing: reading briefs: ([\d,]+) of ([\d,]+), [\d,]+ a second$")


def test_validate_tells_how_far_its_reading_has_got_on_a_terminal_only(
    corpus_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # As if every read took longer than the moment after which progress is told.
    monkeypatch.setattr("tui.cli.PROGRESS_EVERY_S", 0.0)
    briefs, _ = shipped_counts()
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "into a file or a pipe"))
    assert main(["validate", "--corpus", str(corpus_dir)]) == 0
    assert capsys.readouterr().err == ""

    # A fresh index again, so that every brief is read again, this time told to a terminal.
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "onto a terminal"))
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["validate", "--corpus", str(corpus_dir)]) == 0
    told = [READING_PROGRESS.match(line) for line in capsys.readouterr().err.splitlines()]
    assert told and all(told), told
    assert [(m[1], m[2]) for m in told if m][-1] == (str(briefs), str(briefs))


def error_corpus(root: Path) -> dict[str, str]:
    """A corpus with one brief per kind of error; gives each file's expected field."""
    facts = [
        {"fact": "240 workers.", "quote": "night shift of 240 workers"},
        {"fact": "Doubled.", "quote": "Orders from Texas doubled"},
        {"fact": "Trucks.", "quote": "trucks cross at Otay"},
        {"fact": "Closing.", "quote": "the plant will close in June"},
    ]
    briefs: dict[str, str | dict[str, object]] = {
        "syntax.yaml": "id: syntax\ntitle: 'never closed\nlanguage: en\n",
        "required.yaml": fields("required", summary=...),
        "types.yaml": fields("types", title=["a", "list"]),
        "Id_Rule.yaml": fields("Id_Rule"),
        "twin.yaml": fields("twin"),
        "twin-copy.yaml": fields("twin"),
        "source.yaml": fields("source", source="../outside.txt"),
        "language.yaml": fields("language", language="xx"),
        "date.yaml": fields("date", published="someday"),
        "quote.yaml": fields("quote", key_facts=facts),
    }
    make_corpus(root, briefs)
    return {
        "briefs/syntax.yaml": "",
        "briefs/required.yaml": "summary",
        "briefs/types.yaml": "title",
        "briefs/Id_Rule.yaml": "id",
        "briefs/twin-copy.yaml": "id",
        "briefs/source.yaml": "source",
        "briefs/language.yaml": "language",
        "briefs/date.yaml": "published",
        "briefs/quote.yaml": "fact 4, quote",  # the fourth fact, key_facts[3] in the file
    }


def test_validate_fails_with_one_clear_line_per_problem(tmp_path: Path) -> None:
    expected = error_corpus(tmp_path / "corpus")
    result = run("validate", "--corpus", str(tmp_path / "corpus"))
    assert result.returncode == 1
    assert result.stdout == ""
    *lines, summary = result.stderr.splitlines()
    assert "Traceback" not in result.stderr
    assert f"{len(lines)} errors" in summary  # every line is one problem, and all are errors
    by_file: dict[str, list[tuple[str, str]]] = {}
    for line in lines:
        match = PROBLEM_LINE.match(line)
        assert match, line
        by_file.setdefault(match.group(1), []).append((match.group(3) or "", match.group(4)))
    # twin-copy names the file that keeps its id, and is told to change its own: on "id".
    assert {f: {field for field, _ in found} for f, found in by_file.items()} == {
        f: {field} for f, field in expected.items()
    }
    text = (tmp_path / "corpus" / "briefs" / "quote.yaml").read_text(encoding="utf-8")
    quote_line = [n for n, t in enumerate(text.splitlines(), 1) if "the plant will close" in t][0]
    assert (
        f"briefs/quote.yaml:{quote_line}: fact 4, quote: not found in seeds/article.txt; copy the"
        " sentence the fact stands on from the article into the quote, word for word, or remove"
        " the fact"
    ) in lines


def test_validate_tells_the_problems_in_the_order_of_the_files(tmp_path: Path) -> None:
    missing_quote = fields("b", key_facts=[{"fact": "F.", "quote": "not in the article"}])
    briefs = {"a.yaml": "id: [a\n", "b.yaml": missing_quote, "c.yaml": "id: c\n"}
    make_corpus(tmp_path / "c", briefs)
    result = run("validate", "--corpus", str(tmp_path / "c"))
    *lines, _ = result.stderr.splitlines()
    files = [line.split(":", 1)[0] for line in lines]
    # b loaded, with an error; a and c did not load, and the list puts them last.
    assert files == sorted(files) and set(files) == {f"briefs/{name}" for name in briefs}


def test_validate_with_only_warnings_exits_zero(tmp_path: Path) -> None:
    make_corpus(tmp_path / "c", {"sample.yaml": fields(rating=5)})
    result = run("validate", "--corpus", str(tmp_path / "c"))
    assert result.returncode == 0
    assert "rating: warning: unknown field" in result.stderr
    assert "1 warning" in result.stdout


def test_validate_says_how_many_drafts_and_facts_are_left_to_review(tmp_path: Path) -> None:
    # "0 errors, 0 warnings" alone read as if the corpus were finished.
    root = draft_corpus(tmp_path / "c")
    result = run("validate", "--corpus", str(root))
    assert result.returncode == 0
    assert result.stdout.strip().endswith("; 0 errors, 0 warnings; 1 draft, 2 facts to review")
    finished = run("validate", "--corpus", str(REPO))
    assert "to review" not in finished.stdout


def test_validate_warns_of_drifted_quotes_and_counts_them_found(tmp_path: Path) -> None:
    facts = [
        {"fact": "240 workers.", "quote": "night shift of 240 workers"},
        {"fact": "Doubled.", "quote": "ORDERS FROM TEXAS DOUBLED"},
        {"fact": "Trucks.", "quote": "trucks cross at Otay twice a day"},
        {"fact": "Manager.", "quote": "said the manger, Laura Ib\u00e1\u00f1ez"},
    ]
    make_corpus(tmp_path / "c", {"sample.yaml": fields(key_facts=facts)})
    text = (tmp_path / "c" / "briefs" / "sample.yaml").read_text(encoding="utf-8")
    lines = text.splitlines()

    result = run("validate", "--corpus", str(tmp_path / "c"))

    assert result.returncode == 0
    loose, fuzzy = result.stderr.splitlines()
    assert loose.startswith(
        f"briefs/sample.yaml:{lines.index('  quote: ORDERS FROM TEXAS DOUBLED') + 1}:"
        " fact 2, quote: warning: "
    )
    assert loose.endswith('seeds/article.txt line 4 reads "Orders from Texas doubled"')
    manager_line = next(n for n, line in enumerate(lines, 1) if "manger" in line)
    assert fuzzy.startswith(f"briefs/sample.yaml:{manager_line}: fact 4, quote: warning: ")
    assert fuzzy.endswith(
        'seeds/article.txt line 4 reads "said the manager, Laura Ib\u00e1\u00f1ez"'
    )
    assert "4 quotes found (1 loose, 1 fuzzy); 0 errors, 2 warnings" in result.stdout


def test_validate_fails_on_a_quote_whose_figure_is_not_the_articles(tmp_path: Path) -> None:
    facts = [
        {"fact": "240 workers.", "quote": "night shift of 240 workers"},
        {"fact": "420 workers.", "quote": "will add a night shift of 420 workers"},
    ]
    make_corpus(tmp_path / "c", {"sample.yaml": fields(key_facts=facts)})
    text = (tmp_path / "c" / "briefs" / "sample.yaml").read_text(encoding="utf-8")
    quote_line = next(n for n, line in enumerate(text.splitlines(), 1) if "of 420" in line)

    result = run("validate", "--corpus", str(tmp_path / "c"))

    assert result.returncode == 1
    (error, summary) = result.stderr.splitlines()
    # The file, line and field, why, and the article's wording and line to copy.
    assert error.startswith(
        f"briefs/sample.yaml:{quote_line}: fact 2, quote: differs in a number from the"
        " passage closest to it (fuzzy, "
    )
    assert "warning" not in error
    assert 'the article has "240" where the quote has "420"' in error
    assert "copy the article's wording into the quote" in error
    assert error.endswith('seeds/article.txt line 3 reads "will add a night shift of 240 workers"')
    # Not counted as found, fuzzily or otherwise.
    assert "2 facts, 1 quote found; 1 error, 0 warnings" in summary


def test_validate_fails_on_a_quote_that_says_the_opposite_of_the_article(
    tmp_path: Path,
) -> None:
    article = "Index\n\nEn este per\u00edodo tambi\u00e9n se increment\u00f3 la membres\u00eda.\n"
    facts = [
        {
            "fact": "Members.",
            "quote": "en este per\u00edodo tambi\u00e9n no se increment\u00f3 la membres\u00eda",
        }
    ]
    make_corpus(
        tmp_path / "c", {"sample.yaml": fields(key_facts=facts)}, seeds={"article.txt": article}
    )

    result = run("validate", "--corpus", str(tmp_path / "c"))

    assert result.returncode == 1
    (error, summary) = result.stderr.splitlines()
    assert "fact 1, quote: differs in a negation from the passage closest to it (fuzzy, " in error
    assert 'the quote says "no" where the article does not' in error
    assert error.endswith(
        'seeds/article.txt line 3 reads "En este per\u00edodo tambi\u00e9n se increment\u00f3 la'
        ' membres\u00eda"'
    )
    assert "1 fact, 0 quotes found; 1 error, 0 warnings" in summary


def test_validate_without_a_briefs_folder_says_so(tmp_path: Path) -> None:
    (tmp_path / "nothing").mkdir()
    result = run("validate", "--corpus", str(tmp_path / "nothing"))
    assert result.returncode == 1
    assert "no briefs/ folder" in result.stderr


# list ------------------------------------------------------------------------------------------


def test_list_shows_each_brief_newest_first() -> None:
    result = run("list")
    assert result.returncode == 0
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    raw = {
        p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in REPO.glob("briefs/*.yaml")
    }
    assert sorted(r[0] for r in rows) == sorted(raw)
    for ident, date, language, facts, title in rows:
        assert language == raw[ident]["language"]
        assert int(facts) == len(raw[ident]["key_facts"])
        # In English, as the reader lists it; an article in another language by its English title.
        english = raw[ident].get("title_en") if raw[ident]["language"] != "en" else None
        assert title == (english or raw[ident]["title"])
        printed = str(raw[ident]["published"]) if "published" in raw[ident] else "-"
        # A date worked out rather than printed in the article is marked, as the reader marks it.
        assert date == (f"{printed}?" if raw[ident].get("date_note") else printed)
    dates = [r[1].removesuffix("?") for r in rows]
    dated = [d for d in dates if d != "-"]
    assert dated == sorted(dated, reverse=True)
    assert dates == dated + ["-"] * (len(dates) - len(dated))


def test_list_json_gives_the_same_briefs_in_the_same_order() -> None:
    rows = json.loads(run("list", "--json").stdout)
    text_rows = [line.split("\t") for line in run("list").stdout.splitlines()]
    assert [r["id"] for r in rows] == [r[0] for r in text_rows]
    fields = {"id", "date", "date_inferred", "language", "title", "english_title", "facts"}
    assert set(rows[0]) == fields
    inferred = {r["id"]: r["date_inferred"] for r in rows}
    assert inferred == {r[0]: r[1].endswith("?") for r in text_rows}
    assert any(inferred.values()) and not all(inferred.values())
    spanish = next(r for r in rows if r["language"] == "es")
    assert spanish["title"] != spanish["english_title"]
    # The text cuts a long title with an ellipsis.
    for row, text_row in zip(rows, text_rows, strict=True):
        assert row["english_title"].startswith(text_row[4].removesuffix("…"))


def test_list_json_gives_no_english_title_for_an_article_not_yet_given_one(
    tmp_path: Path,
) -> None:
    briefs = {
        "es.yaml": fields("es", language="es", title="Nueva planta en el Bajío"),
        "en.yaml": fields("en", title="New plant in the Bajío"),
    }
    make_corpus(tmp_path / "c", briefs)
    rows = json.loads(run("list", "--json", "--corpus", str(tmp_path / "c")).stdout)
    assert {r["id"]: r["english_title"] for r in rows} == {
        "es": None,
        "en": "New plant in the Bajío",
    }
    # The text lists it by the title it has.
    text = run("list", "--corpus", str(tmp_path / "c")).stdout
    assert "Nueva planta en el Bajío" in text


def test_list_keeps_one_short_line_per_brief_whatever_its_title_or_id(tmp_path: Path) -> None:
    briefs = {
        "long.yaml": fields("long", title="word " * 2_000),
        "lines.yaml": dump(fields("lines", title="x")).replace("title: x", 'title: "one\\ntwo"'),
        "tabs.yaml": fields("tabs", title="a\tb"),
        # An id with errors, as a brief may be written, on one line too.
        "odd.yaml": fields("odd", id="line one\nline\ttwo " + "x" * 200),
    }
    make_corpus(tmp_path / "c", briefs)
    result = run("list", "--corpus", str(tmp_path / "c"))
    lines = result.stdout.splitlines()
    assert len(lines) == 4
    assert all(len(line) < 400 and line.count("\t") == 4 for line in lines)
    full = json.loads(run("list", "--json", "--corpus", str(tmp_path / "c")).stdout)
    assert max(len(r["title"]) for r in full) == len(("word " * 2_000).strip())


def test_list_gives_a_long_id_whole_to_be_pasted_into_export(tmp_path: Path) -> None:
    ident = "the-industrial-developers-association-asked-the-federal-government-for-power-2024"
    make_corpus(tmp_path / "c", {f"{ident}.yaml": fields(ident)})
    (line,) = run("list", "--corpus", str(tmp_path / "c")).stdout.splitlines()
    assert line.split("\t")[0] == ident
    out = tmp_path / "one.md"
    run("export", ident, "-o", str(out), "--corpus", str(tmp_path / "c"))
    assert out.is_file()


def test_list_without_a_briefs_folder_fails(tmp_path: Path) -> None:
    (tmp_path / "nothing").mkdir()
    result = run("list", "--corpus", str(tmp_path / "nothing"))
    assert result.returncode == 1
    assert "no briefs/ folder" in result.stderr


@pytest.mark.parametrize("inside", ["briefs", "seeds"])
def test_a_corpus_s_own_folder_given_for_the_corpus_names_the_corpus_to_give(
    tmp_path: Path, inside: str
) -> None:
    # It said "no briefs/ folder in …/briefs; is this a corpus?", leaving the user to work out
    # that the folder above was wanted.
    root = make_corpus(tmp_path / "c", {"a.yaml": fields("a")})
    for command in ("list", "add"):
        result = run(command, "--corpus", str(root / inside), *(["-"] if command == "add" else []))
        assert result.returncode == 1
        told = f"{root / inside} is the {inside}/ folder of the corpus {root}: give {root}"
        assert result.stderr.strip().endswith(told)


def partly_broken_corpus(root: Path) -> Path:
    """A corpus where ``sound`` loads and ``syntax`` and ``required`` do not."""
    briefs: dict[str, str | dict[str, object]] = {
        "sound.yaml": fields("sound"),
        "syntax.yaml": "id: syntax\ntitle: 'never closed\nlanguage: en\n",
        "required.yaml": fields("required", summary=...),
    }
    return make_corpus(root, briefs)


LEFT_OUT = (
    "briefing: 2 briefs could not be loaded and are left out; run briefing validate to see why\n"
)


def test_list_says_how_many_briefs_could_not_be_loaded(tmp_path: Path) -> None:
    corpus = partly_broken_corpus(tmp_path / "c")
    result = run("list", "--corpus", str(corpus))
    assert result.returncode == 0
    assert [line.split("\t")[0] for line in result.stdout.splitlines()] == ["sound"]
    assert result.stderr == LEFT_OUT


def test_list_json_keeps_standard_output_pure_json_when_briefs_are_left_out(
    tmp_path: Path,
) -> None:
    corpus = partly_broken_corpus(tmp_path / "c")
    result = run("list", "--json", "--corpus", str(corpus))
    assert result.returncode == 0
    assert [row["id"] for row in json.loads(result.stdout)] == ["sound"]
    assert result.stderr == LEFT_OUT


def test_list_filter_keeps_the_briefs_the_query_finds_newest_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = make_named_corpus(tmp_path / "c")
    assert main(["list", "--corpus", str(corpus), "--filter", 'place:"baja california"']) == 0
    assert [line.split("\t")[0] for line in capsys.readouterr().out.splitlines()] == ["mx", "tj"]
    assert main(["list", "--corpus", str(corpus), "--json", "--filter", "is:draft"]) == 0
    assert [row["id"] for row in json.loads(capsys.readouterr().out)] == ["draft"]


@pytest.mark.parametrize("language", ["lang:es", "lang:spanish", "lang:=Español", "-lang:english"])
def test_list_filter_finds_a_language_by_its_name_as_by_its_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], language: str
) -> None:
    # lang:=spanish found no brief and said only that; lang:spanish was looked for as a word.
    corpus = make_named_corpus(tmp_path / "c")
    assert main(["list", "--corpus", str(corpus), "--json", "--filter", language]) == 0
    printed = capsys.readouterr()
    assert {row["language"] for row in json.loads(printed.out)} == {"es"}
    assert printed.err == ""


def test_list_and_facets_say_when_the_filter_finds_no_brief(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # They printed nothing at all, as if the command had not run; export said so.
    corpus = make_named_corpus(tmp_path / "c")
    for command in (["list"], ["list", "--json"], ["facets"]):
        assert main([*command, "--corpus", str(corpus), "--filter", "ocotillo"]) == 0
        printed = capsys.readouterr()
        assert printed.out in ("", "[]\n")
        assert printed.err.startswith("briefing: no brief matches the filter"), command
    # Briefs found with no value of the field asked for: nothing to say of the filter.
    assert main(["facets", "--corpus", str(corpus), "--field", "tag", "--filter", "shift"]) == 0
    assert capsys.readouterr() == ("", "")
    assert main(["list", "--corpus", str(corpus), "--filter", "shift"]) == 0
    printed = capsys.readouterr()
    assert printed.out and printed.err == ""


def test_list_filter_says_a_value_of_several_words_is_written_in_quotes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = make_named_corpus(tmp_path / "c")
    assert main(["list", "--corpus", str(corpus), "--filter", "org:=index zona costa"]) == 0
    printed = capsys.readouterr()
    assert printed.out == ""
    assert printed.err.startswith(
        'briefing: a value in several words is written in quotes: write org:="index zona costa"'
    )
    assert main(["list", "--corpus", str(corpus), "--filter", 'org:="index zona costa"']) == 0
    assert capsys.readouterr().out.startswith("tj\t")


def test_list_filter_says_words_in_quotes_are_found_in_any_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = make_named_corpus(tmp_path / "c")
    assert main(["list", "--corpus", str(corpus), "--filter", '"shift night" lang:es']) == 0
    printed = capsys.readouterr()
    assert [line.split("\t")[0] for line in printed.out.splitlines()] == ["mx"]
    assert "found in any order" in printed.err and 'place:"baja california"' in printed.err


def test_list_filter_says_which_terms_are_looked_for_as_words_and_what_their_field_takes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = make_named_corpus(tmp_path / "c")
    assert main(["list", "--corpus", str(corpus), "--filter", "date:2024-02-30 is:new"]) == 0
    printed = capsys.readouterr()
    assert printed.out == ""
    assert printed.err.startswith("briefing: looked for as words: date:2024-02-30 (date: takes")
    assert "is:new (is: takes draft, final" in printed.err


def test_list_filter_tells_a_term_looked_for_as_words_as_it_was_typed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = make_named_corpus(tmp_path / "c")
    assert main(["list", "--corpus", str(corpus), "--filter", "Compañía:Ternium"]) == 0
    printed = capsys.readouterr()
    assert printed.err.startswith(
        "briefing: looked for as words: Compañía:Ternium (no field is named Compañía:"
    )


def test_list_filter_says_other_searches_operators_are_words_and_commas_list_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = make_named_corpus(tmp_path / "c")
    assert main(["list", "--corpus", str(corpus), "--filter", "NOT tijuana"]) == 0
    printed = capsys.readouterr()
    assert printed.out == ""
    assert printed.err == (
        "briefing: looked for as words: NOT"
        " (write -tijuana to leave out the briefs tijuana finds)\n"
        "briefing: no brief matches the filter\n"
    )
    assert main(["list", "--corpus", str(corpus), "--filter", "place:tijuana,mexicali"]) == 0
    printed = capsys.readouterr()
    assert printed.out == ""
    assert printed.err.startswith(
        "briefing: commas do not list values: place:tijuana,mexicali is one value;"
        " write place:tijuana place:mexicali to ask for each"
    )


def test_list_filter_says_an_exact_value_with_commas_is_one_value_where_only_its_parts_are(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # org:tijuana,mexicali was told; place:=tijuana,mexicali found nothing, and said nothing.
    corpus = make_named_corpus(tmp_path / "c")
    assert main(["list", "--corpus", str(corpus), "--filter", "place:=tijuana,mexicali"]) == 0
    printed = capsys.readouterr()
    assert printed.out == ""
    assert printed.err.startswith(
        "briefing: commas do not list values: place:=tijuana,mexicali is one value;"
        " write place:=tijuana place:=mexicali to ask for each"
    )
    assert main(["list", "--corpus", str(corpus), "--filter", "place:=tijuana,zzz"]) == 0
    assert capsys.readouterr().err == "briefing: no brief matches the filter\n"


def test_list_and_export_filter_say_what_to_write_for_the_places_eu_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # place:=eu found nothing, a Spanish brief's "EU" being the United States, and said nothing.
    briefs = {"es.yaml": fields("es", language="es", title_en="Exports", places=["EU"])}
    corpus = make_corpus(tmp_path / "c", briefs)
    told = (
        'briefing: place:=eu finds no brief: a brief\'s place "EU" is read by its language'
        ' (Spanish: United States, English: European Union); write place:="united states" or'
        ' place:="european union"\n'
    )
    assert main(["list", "--corpus", str(corpus), "--filter", "place:=eu"]) == 0
    printed = capsys.readouterr()
    assert printed.out == ""
    assert printed.err == told + "briefing: no brief matches the filter\n"
    assert main(["export", "--corpus", str(corpus), "--filter", "place:=eu"]) == 1
    assert capsys.readouterr().err.startswith(told)
    assert main(["list", "--corpus", str(corpus), "--filter", 'place:="united states"']) == 0
    assert capsys.readouterr().out.startswith("es\t")


def test_list_filter_says_which_words_it_cannot_look_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = make_named_corpus(tmp_path / "c")
    everything = main(["list", "--corpus", str(corpus)])
    listed = capsys.readouterr().out
    assert everything == 0
    assert main(["list", "--corpus", str(corpus), "--filter", "\U0001f680 %"]) == 0
    printed = capsys.readouterr()
    assert printed.out == listed  # such words narrow nothing
    assert printed.err.startswith("briefing: not looked for: \U0001f680 % (the filter finds words")


@pytest.mark.parametrize("command", ["list", "export", "facets"])
def test_a_filter_says_which_of_its_terms_have_no_value(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    # export --filter "place:$STATE", the state left empty, exported every brief without a word.
    corpus = make_named_corpus(tmp_path / "c")
    for filter_text, told in [
        (
            "org:= -tag: tijuana",
            "briefing: left out, having no value: org:=, -tag: (write the value after the"
            " colon, such as org:=ternium)\n",
        ),
        ("tijuana", None),
    ]:
        output = ["-o", str(tmp_path / f"{len(filter_text)}.md")] if command == "export" else []
        assert main([command, "--corpus", str(corpus), "--filter", filter_text, *output]) == 0
        said = capsys.readouterr().err
        assert (told in said) if told else "no value" not in said


def test_list_filter_says_which_terms_it_leaves_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = make_named_corpus(tmp_path / "c")
    terms = ['place:"baja california"'] + [f"w{i}" for i in range(MAX_TERMS + 1)]
    # The first term, and 99 words no brief holds: nothing is found, nothing fails.
    assert main(["list", "--corpus", str(corpus), "--filter", " ".join(terms)]) == 0
    printed = capsys.readouterr()
    assert printed.out == ""
    assert printed.err == (
        f"briefing: a filter holds its first {MAX_TERMS} terms: it leaves out the 2 terms"
        " after them\n"
        "briefing: no brief matches the filter\n"
    )


@pytest.mark.parametrize(
    ("typed", "listed"),
    [
        ("is:bookmarked is:final", ["tx"]),
        ("-is:bookmarked", ["mx", "tj"]),  # given as the filter, not taken for an option
    ],
)
@pytest.mark.parametrize("option", ["--filter", "--filt"])
def test_list_filter_is_bookmarked_lists_the_users_bookmarks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], typed: str, listed: list[str], option: str
) -> None:
    corpus = make_named_corpus(tmp_path / "c")
    store = BookmarkStore(state_dir(), corpus_key(corpus))
    for ident in ("tx", "draft"):
        store.toggle(ident)
    assert main(["list", "--corpus", str(corpus), option, typed]) == 0
    assert [line.split("\t")[0] for line in capsys.readouterr().out.splitlines()] == listed


@pytest.mark.parametrize(
    ("kept", "command"),
    [
        ("bookmarks and notes", ["facets"]),
        *(
            (kept, command)
            for kept in ("bookmarks and notes", "nothing yet")
            for command in (
                ["facets", "--filter", "is:bookmarked"],
                ["list", "--filter", "is:bookmarked has:note"],
                ["export", "--bookmarked"],
                ["export", "--filter", "-is:bookmarked"],
            )
        ),
    ],
    ids=lambda value: value if isinstance(value, str) else " ".join(value),
)
def test_a_command_that_only_reads_leaves_the_state_folder_as_it_found_it(
    corpus_dir: Path,
    private_state: Path,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
    kept: str,
) -> None:
    # A bookmarks.json.lock was left beside the bookmarks read, where there was none.
    corpus = corpus_key(corpus_dir)
    if kept == "bookmarks and notes":
        document = {"version": 1, "corpora": {corpus: ["mexicali-cce-nearshoring"]}}
        (private_state / "bookmarks.json").write_text(json.dumps(document), encoding="utf-8")
        annotations = Annotations(private_state, corpus)
        annotations.set_note("mexicali-cce-nearshoring", "to follow")
        annotations.close()
    before = sorted(private_state.iterdir())
    main([*command, "--corpus", str(corpus_dir)])
    assert "cannot be read" not in capsys.readouterr().err
    assert sorted(private_state.iterdir()) == before


def test_list_filter_is_bookmarked_fails_when_the_bookmarks_cannot_be_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = make_named_corpus(tmp_path / "c")
    state = tmp_path / "state"
    state.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("BRIEFING_STATE_DIR", str(state))
    assert main(["list", "--corpus", str(corpus), "--filter", "is:bookmarked"]) == 1
    output = capsys.readouterr()
    assert output.out == ""
    assert "nothing listed" in output.err


def test_list_filter_finds_what_the_user_read_noted_and_tagged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = make_named_corpus(tmp_path / "c")
    annotations = Annotations(state_dir(), corpus_key(corpus))
    annotations.set_read("tj")
    annotations.set_note("tx", "Call the plant")
    annotations.set_tags("mx", ["USMCA", "aduana"])
    annotations.set_tags("tj", ["usmca"])
    annotations.close()

    def listed(query: str) -> list[str]:
        assert main(["list", "--corpus", str(corpus), "--filter", query]) == 0
        return [line.split("\t")[0] for line in capsys.readouterr().out.splitlines()]

    assert listed("is:read") == ["tj"]
    assert listed("is:unread") == ["mx", "tx", "draft"]
    assert listed("has:note") == ["tx"]
    assert listed("tag:usm") == ["mx", "tj"]
    assert listed("tag:usm is:unread lang:es") == ["mx"]
    assert main(["facets", "--corpus", str(corpus), "--field", "tag"]) == 0
    assert capsys.readouterr().out.splitlines() == ["tag\tUSMCA\t2", "tag\taduana\t1"]


def test_export_gives_each_brief_its_tags_and_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = make_named_corpus(tmp_path / "c")
    annotations = Annotations(state_dir(), corpus_key(corpus))
    annotations.set_tags("tj", ["USMCA"])
    annotations.set_note("tj", "Call the plant")
    annotations.close()
    assert main(["export", "--corpus", str(corpus), "tj", "mx"]) == 0
    document = read(capsys.readouterr().out)
    tj, mx = document.sections
    assert tj.plain[-3:] == ["Tags: USMCA", "Note", "Call the plant"]
    assert "Note" not in mx.plain


def test_export_writes_a_note_s_points_as_a_list_with_no_line_breaks_to_mark(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = make_named_corpus(tmp_path / "c")
    annotations = Annotations(state_dir(), corpus_key(corpus))
    annotations.set_note("tj", "Follow up:\n- call the plant\n- ask for the permit\n\nThen write.")
    annotations.close()
    assert main(["export", "--corpus", str(corpus), "tj"]) == 0
    out = capsys.readouterr().out
    assert out.endswith(
        "**Note**\n\nFollow up:\n\n- call the plant\n- ask for the permit\n\nThen write.\n"
    )


# facets ----------------------------------------------------------------------------------------


def test_facets_prints_field_value_and_count_most_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = make_named_corpus(tmp_path / "c")
    assert main(["facets", "--corpus", str(corpus), "--field", "place", "--limit", "2"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "place\tBaja California\t2",
        "place\tTijuana\t2",
    ]


@pytest.mark.parametrize("name", ["place", "Places", "places"])
def test_facets_takes_a_field_named_as_the_filter_names_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    corpus = make_named_corpus(tmp_path / "c")
    assert main(["facets", "--corpus", str(corpus), "--field", name, "--limit", "2"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "place\tBaja California\t2",
        "place\tTijuana\t2",
    ]
    assert main(["facets", "--corpus", str(corpus), "--field", "orgs", "--field", "lang"]) == 0
    fields = {line.split("\t")[0] for line in capsys.readouterr().out.splitlines()}
    assert fields == {"organization", "language"}


def test_facets_counts_among_the_briefs_the_filter_finds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = make_named_corpus(tmp_path / "c")
    args = ["facets", "--corpus", str(corpus), "--filter", "lang:en date:2024", "--json"]
    assert main([*args, "--field", "organization", "--field", "language"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "organization": [{"value": "Index Zona Costa", "count": 1}],
        "language": [{"value": "en", "count": 1}],
    }


def test_facets_without_a_field_counts_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = make_named_corpus(tmp_path / "c")
    assert main(["facets", "--corpus", str(corpus)]) == 0
    fields_shown = {line.split("\t")[0] for line in capsys.readouterr().out.splitlines()}
    # Every field but the user's tags, of which there are none yet.
    assert fields_shown == set(FACET_FIELDS) - {"tag"}


def test_facets_say_how_many_briefs_could_not_be_loaded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = partly_broken_corpus(tmp_path / "c")
    assert main(["facets", "--corpus", str(corpus), "--field", "lang"]) == 0
    out, err = capsys.readouterr()
    assert out == "language\ten\t1\n"
    assert err == LEFT_OUT


def test_a_brief_whose_id_another_file_keeps_is_told_as_not_loaded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = make_corpus(
        tmp_path / "c", {"sound.yaml": fields("sound"), "copy-of-sound.yaml": fields("sound")}
    )
    for command in (["list"], ["facets", "--field", "lang"], ["export", "--all"]):
        assert main([*command, "--corpus", str(corpus)]) == 0
        told = capsys.readouterr().err.splitlines()
        assert "briefing: 1 brief could not be loaded and is left out;" in told[-1], command


@pytest.mark.parametrize("command", [["facets"], ["facets", "--field", "lang"]])
def test_finding_the_briefs_that_did_not_load_decodes_none_of_those_that_did(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
) -> None:
    root = make_large_corpus(tmp_path / "large", 300)
    (root / "briefs" / "broken.yaml").write_text("id: broken\ntitle: 'never closed\n")
    assert main(["validate", "--corpus", str(root)]) == 1  # the index is built
    capsys.readouterr()
    decoded: list[str] = []
    decode = view._decode
    monkeypatch.setattr(view, "_decode", lambda *row: decoded.append(row[1]) or decode(*row))

    assert main([*command, "--corpus", str(root)]) == 0

    assert "1 brief could not be loaded" in capsys.readouterr().err
    assert decoded == []


@pytest.mark.parametrize(
    ("command", "given"),
    [
        (["list"], 300),
        (["list", "--filter", "aduana"], 3),
        (["export", "--all"], 300),
        (["export", "--filter", "aduana"], 3),
        (["export", "brief-00250", "brief-00007"], 2),
        (["export", "--bookmarked"], 2),
    ],
)
def test_list_and_export_decode_the_briefs_they_give_and_no_other(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
    given: int,
) -> None:
    # The briefs a filter finds lie pages apart in the list: each was decoded with the page of
    # briefs around it, and an export by id decoded every brief.
    root = make_large_corpus(tmp_path / "large", 300)
    assert main(["validate", "--corpus", str(root)]) == 0  # the index is built
    store = BookmarkStore(state_dir(), corpus_key(root))
    for ident in ("brief-00007", "brief-00250"):
        store.toggle(ident)
    capsys.readouterr()
    decoded: list[str] = []
    decode = view._decode
    monkeypatch.setattr(view, "_decode", lambda *row: decoded.append(row[1]) or decode(*row))

    assert main([*command, "--corpus", str(root)]) == 0

    out = capsys.readouterr().out
    shown = out.count("\n## ") if command[0] == "export" else len(out.splitlines())
    assert shown == given
    assert len(decoded) == len(set(decoded)) == given


@pytest.mark.parametrize(
    ("option", "named"), [(["--field", "cities"], "place"), (["--limit", "0"], "from 1 to")]
)
def test_facets_says_what_to_give_instead_of_an_unusable_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: list[str], named: str
) -> None:
    corpus = make_named_corpus(tmp_path / "c")
    with pytest.raises(SystemExit) as stopped:
        main(["facets", "--corpus", str(corpus), *option])
    assert stopped.value.code == 2
    error = capsys.readouterr().err
    assert error.startswith("usage: briefing facets") and named in error


def test_facets_and_list_help_name_every_field_with_an_example() -> None:
    facets, listing = run("facets", "--help").stdout, run("list", "--help").stdout
    assert all(field in facets for field in FACET_FIELDS)
    assert "example: briefing facets --filter" in facets
    assert "example: briefing list --filter" in listing
    for term in ("org:", "place:", "person:", "topic:", "outlet:", "lang:", "after:", "is:"):
        assert term in listing


# export ----------------------------------------------------------------------------------------


def test_export_ids_to_standard_output(corpus_dir: Path) -> None:
    ids = [p.stem for p in sorted((corpus_dir / "briefs").glob("*.yaml"))][:2]
    result = run("export", "--corpus", str(corpus_dir), *ids)
    assert result.returncode == 0
    document = read(result.stdout)
    titles = [
        yaml.safe_load((corpus_dir / "briefs" / f"{i}.yaml").read_text())["title"] for i in ids
    ]
    assert len(document.titles) == 1
    assert [s.heading.startswith(t) for s, t in zip(document.sections, titles, strict=True)] == [
        True,
        True,
    ]
    # Said once, before the briefs: how many, how chosen, when, and from which folder.
    today = dt.date.today().isoformat()
    assert (
        f"2 briefs named by id, exported on {today} from the corpus folder"
        f" \u201c{corpus_dir.name}\u201d."
    ) in result.stdout.split("\n## ")[0]


def test_export_is_headed_by_the_day_or_by_the_title_given(corpus_dir: Path) -> None:
    # It was headed by the corpus folder's name, often "corpus" or a checkout's.
    ids = [p.stem for p in sorted((corpus_dir / "briefs").glob("*.yaml"))][:1]
    before = dt.date.today()
    dated = run("export", "--corpus", str(corpus_dir), *ids)
    days = {before, dt.date.today()}  # run at midnight, either day is right
    assert read(dated.stdout).titles[0] in {f"Briefing, {day.isoformat()}" for day in days}
    titled = run("export", "--corpus", str(corpus_dir), "--title", "Nearshoring\nweek 49", *ids)
    assert titled.returncode == 0
    assert read(titled.stdout).titles == ["Nearshoring week 49"]
    empty = run("export", "--corpus", str(corpus_dir), "--title", " ", *ids)
    assert empty.returncode == 1 and empty.stdout == ""
    assert "--title" in empty.stderr


def test_export_to_a_dash_writes_standard_output_and_no_file(
    corpus_dir: Path, tmp_path: Path
) -> None:
    # `-o -` is how commands are told to write standard output; it used to make a file "-".
    ids = [p.stem for p in sorted((corpus_dir / "briefs").glob("*.yaml"))][:1]
    to_file = run("export", "--corpus", str(corpus_dir), "-o", str(tmp_path / "b.md"), *ids)
    to_dash = run("export", "--corpus", str(corpus_dir), "-o", "-", *ids, cwd=tmp_path)
    assert to_dash.returncode == 0
    assert to_dash.stdout == (tmp_path / "b.md").read_text(encoding="utf-8")
    assert to_file.returncode == 0
    assert not (tmp_path / "-").exists()


def test_export_of_an_unknown_id_fails_and_names_it(corpus_dir: Path) -> None:
    result = run("export", "--corpus", str(corpus_dir), "no-such-brief")
    assert result.returncode == 1
    assert "no-such-brief" in result.stderr
    assert result.stdout == ""


def test_export_of_an_id_given_twice_exports_it_once_in_the_order_first_given(
    corpus_dir: Path,
) -> None:
    first, second = [p.stem for p in sorted((corpus_dir / "briefs").glob("*.yaml"))][:2]
    result = run("export", "--corpus", str(corpus_dir), second, first, second, first)
    assert result.returncode == 0, result.stderr
    titles = [
        yaml.safe_load((corpus_dir / "briefs" / f"{i}.yaml").read_text())["title"]
        for i in (second, first)
    ]
    sections = read(result.stdout).sections
    assert len(sections) == 2
    assert [s.heading.startswith(t) for s, t in zip(sections, titles, strict=True)] == [True, True]


def test_export_all_says_how_many_briefs_could_not_be_loaded(tmp_path: Path) -> None:
    corpus = partly_broken_corpus(tmp_path / "c")
    target = tmp_path / "out.md"
    result = run("export", "--all", "--corpus", str(corpus), "-o", str(target))
    assert result.returncode == 0
    written = target.read_text(encoding="utf-8")
    assert len(read(written).sections) == 1
    assert "\n1 brief, all that loaded, exported on " in written
    assert LEFT_OUT in result.stderr


def test_export_all_fails_and_writes_nothing_when_no_brief_loaded(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "c", {"required.yaml": fields("required", summary=...)})
    target = tmp_path / "out.md"
    result = run("export", "--all", "--corpus", str(corpus), "-o", str(target))
    assert result.returncode == 1
    assert "1 brief could not be loaded and is left out" in result.stderr
    assert "nothing to export" in result.stderr
    assert not target.exists()


def test_export_bookmarked_names_the_bookmarks_left_out_and_why(tmp_path: Path) -> None:
    corpus = partly_broken_corpus(tmp_path / "c")
    store = BookmarkStore(state_dir(), corpus_key(corpus))
    for ident in ("sound", "syntax", "required", "since-deleted"):
        store.toggle(ident)
    result = run("export", "--bookmarked", "--corpus", str(corpus))
    assert result.returncode == 0, result.stderr
    assert len(read(result.stdout).sections) == 1
    assert result.stderr.splitlines() == [
        "briefing: 2 bookmarked briefs could not be loaded and are left out (required, syntax);"
        " run briefing validate to see why",
        "briefing: 1 bookmarked brief is not in the corpus and is left out (since-deleted)",
    ]


@pytest.mark.parametrize("command", ["export", "list"])
def test_a_command_leaves_a_bookmarks_file_it_cannot_read_as_it_is_and_fails(
    corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    # An export of no brief, exit status 0, and the user's file renamed aside.
    state = tmp_path / "state"
    state.mkdir()
    (state / "bookmarks.json").write_text("garbage{", encoding="utf-8")
    monkeypatch.setenv("BRIEFING_STATE_DIR", str(state))
    if command == "export":
        result = run(
            "export", "--bookmarked", "--corpus", str(corpus_dir), "-o", "out.md", cwd=tmp_path
        )
    else:
        result = run("list", "--corpus", str(corpus_dir), "--filter", "is:bookmarked")
    assert result.returncode == 1
    assert f"Bookmarks file {state / 'bookmarks.json'} is not JSON" in result.stderr
    assert "mend the file, or start the reader" in result.stderr
    assert result.stdout == "" and not (tmp_path / "out.md").exists()
    assert not [p.name for p in state.iterdir() if "unreadable" in p.name]
    assert (state / "bookmarks.json").read_text(encoding="utf-8") == "garbage{"


def test_a_notes_file_that_cannot_be_opened_is_not_said_to_be_set_aside_by_the_reader(
    corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The reader keeps such a file as it is: the advice to start it misled.
    state = tmp_path / "state"
    (state / "annotations.sqlite3").mkdir(parents=True)
    monkeypatch.setenv("BRIEFING_STATE_DIR", str(state))
    result = run("list", "--corpus", str(corpus_dir), "--filter", "is:unread")
    assert result.returncode == 1
    assert "make the file readable, then run the command again" in result.stderr
    assert "sets it aside" not in result.stderr


def test_a_command_uses_this_corpus_s_bookmarks_when_another_corpus_s_are_bad(
    corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One bad entry for another corpus refused every corpus's bookmarks.
    state = tmp_path / "state"
    state.mkdir()
    corpora = {corpus_key(corpus_dir): ["mexicali-cce-nearshoring"], "/other": ["ok", 5]}
    (state / "bookmarks.json").write_text(json.dumps({"version": 1, "corpora": corpora}))
    monkeypatch.setenv("BRIEFING_STATE_DIR", str(state))
    result = run("list", "--corpus", str(corpus_dir), "--filter", "is:bookmarked")
    assert result.returncode == 0, result.stderr
    assert [line.split("\t")[0] for line in result.stdout.splitlines()] == [
        "mexicali-cce-nearshoring"
    ]
    unknown = {"version": "1", "corpora": {"/other": ["ok"]}}  # a format of no known number
    (state / "bookmarks.json").write_text(json.dumps(unknown))
    result = run("list", "--corpus", str(corpus_dir), "--filter", "is:bookmarked")
    assert result.returncode == 1 and "format this briefing does not know" in result.stderr
    corpora[corpus_key(corpus_dir)] = ["mexicali-cce-nearshoring", 7]  # now this one's too
    (state / "bookmarks.json").write_text(json.dumps({"version": 1, "corpora": corpora}))
    result = run("list", "--corpus", str(corpus_dir), "--filter", "is:bookmarked")
    assert result.returncode == 1 and "holds entries that are not brief ids" in result.stderr


def test_a_command_leaves_a_notes_file_it_cannot_read_as_it_is(
    corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    state = tmp_path / "state"
    state.mkdir()
    (state / "annotations.sqlite3").write_bytes(b"not a database, but the user's" * 200)
    monkeypatch.setenv("BRIEFING_STATE_DIR", str(state))
    listed = run("list", "--corpus", str(corpus_dir), "--filter", "has:note")
    assert listed.returncode == 1 and "nothing listed" in listed.stderr
    exported = run("export", "--all", "--corpus", str(corpus_dir))
    assert exported.returncode == 0 and "made without notes and tags" in exported.stderr
    assert not [p.name for p in state.iterdir() if "unreadable" in p.name]
    assert (state / "annotations.sqlite3").read_bytes().startswith(b"not a database")


def test_an_export_made_without_the_notes_says_what_to_do_about_the_file(
    corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "Made without notes and tags", and no word of how to have them in the next one.
    state = tmp_path / "state"
    state.mkdir()
    (state / "annotations.sqlite3").write_bytes(b"not a database, but the user's" * 200)
    monkeypatch.setenv("BRIEFING_STATE_DIR", str(state))
    exported = run("export", "--all", "--corpus", str(corpus_dir))
    assert exported.returncode == 0
    assert f"Notes file {state / 'annotations.sqlite3'} cannot be read" in exported.stderr
    assert (
        "briefing: the briefing is made without notes and tags; mend the file, or start the"
        " reader, which sets it aside and starts anew"
    ) in exported.stderr.splitlines()


def test_a_folder_beside_the_notes_that_keeps_them_from_being_read_is_told_with_what_to_do(
    corpus_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # "Make the file readable": the file was sound, and a folder beside it was in the way.
    state = tmp_path / "state"
    monkeypatch.setenv("BRIEFING_STATE_DIR", str(state))
    Annotations(state, corpus_key(corpus_dir)).set_read("mexicali-cce-nearshoring")
    in_the_way = state / "annotations.sqlite3-journal"
    in_the_way.mkdir()
    assert main(["list", "--corpus", str(corpus_dir), "--filter", "is:read"]) == 1
    told = capsys.readouterr().err.splitlines()
    assert f"briefing: Cannot read notes file {state / 'annotations.sqlite3'}" in told[0]
    assert told[-1] == (
        f"briefing: nothing listed, since the notes cannot be read; delete or rename the folder"
        f" {in_the_way}, then run the command again"
    )


@pytest.mark.parametrize("blocked", ["state-folder-is-a-file", "bookmarks-file-is-a-folder"])
def test_export_bookmarked_fails_when_the_bookmarks_cannot_be_read(
    corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, blocked: str
) -> None:
    # Tests may run as root, whom file modes do not stop; a file in the way stops anyone.
    state = tmp_path / "state"
    if blocked == "state-folder-is-a-file":
        state.write_text("not a folder", encoding="utf-8")
    else:
        (state / "bookmarks.json").mkdir(parents=True)
    monkeypatch.setenv("BRIEFING_STATE_DIR", str(state))
    target = tmp_path / "out.md"
    result = run("export", "--bookmarked", "--corpus", str(corpus_dir), "-o", str(target))
    assert result.returncode == 1
    said = {
        "state-folder-is-a-file": f"Cannot read bookmarks file {state / 'bookmarks.json'}: {state}"
        " is a file, not a folder",
        "bookmarks-file-is-a-folder": f"Bookmarks file {state / 'bookmarks.json'} is not a"
        " regular file (a folder)",
    }
    assert said[blocked] in result.stderr
    assert "nothing exported" in result.stderr
    assert "Traceback" not in result.stderr
    assert not target.exists()


def test_notes_asked_for_in_a_state_folder_that_is_a_file_are_said_to_be_unreadable(
    corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Listed as no brief having a note, with status 0, as if there were none.
    state = tmp_path / "state"
    state.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("BRIEFING_STATE_DIR", str(state))
    result = run("list", "--corpus", str(corpus_dir), "--filter", "has:note")
    assert result.returncode == 1 and result.stdout == ""
    assert (
        f"Cannot read notes file {state / 'annotations.sqlite3'} ({state} is a file, not a folder)"
        in result.stderr
    )
    assert "nothing listed, since the notes cannot be read" in result.stderr


def test_export_of_a_brief_that_failed_to_load_says_how_to_see_why(tmp_path: Path) -> None:
    # "no brief with id x loaded", without a word of why or what to do.
    corpus = make_corpus(
        tmp_path / "c", {"sound.yaml": fields("sound"), "broken.yaml": "id: broken\ntitle: [\n"}
    )
    result = run("export", "broken", "nowhere", "--corpus", str(corpus))
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.splitlines() == [
        "briefing: 1 brief could not be loaded and is not exported (broken);"
        " run briefing validate to see why",
        "briefing: 1 brief is not in the corpus and is not exported (nowhere)",
        "briefing: nothing exported, as briefs named by id are exported all or none; give the"
        " ids of briefs that are listed",
    ]


def test_export_of_ids_one_of_them_not_loaded_does_not_say_the_ids_are_wrong(
    tmp_path: Path,
) -> None:
    # The ids were right: "give the ids of briefs that are listed" read as if mistyped.
    corpus = make_corpus(
        tmp_path / "c", {"sound.yaml": fields("sound"), "broken.yaml": "id: broken\ntitle: [\n"}
    )
    result = run("export", "sound", "broken", "broken", "--corpus", str(corpus))
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.splitlines() == [
        "briefing: 1 brief could not be loaded and is not exported (broken);"
        " run briefing validate to see why",
        "briefing: nothing exported, as briefs named by id are exported all or none; mend it,"
        " or leave its id out",
    ]


def test_export_of_ids_one_of_them_unknown_writes_nothing_and_says_so_plainly(
    tmp_path: Path,
) -> None:
    # It said the unknown one was "left out", as if the others had been exported, then that
    # nothing was.
    corpus = make_corpus(tmp_path / "c", {"sound.yaml": fields("sound")})
    target = tmp_path / "out.md"
    result = run("export", "sound", "nosuch", "--corpus", str(corpus), "-o", str(target))
    assert result.returncode == 1
    assert "left out" not in result.stderr
    assert "1 brief is not in the corpus and is not exported (nosuch)" in result.stderr
    assert "nothing exported" in result.stderr
    assert not target.exists()


def test_export_bookmarked_with_no_bookmark_fails_rather_than_write_an_empty_briefing(
    corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFING_STATE_DIR", str(tmp_path / "state"))
    target = tmp_path / "out.md"
    result = run("export", "--bookmarked", "--corpus", str(corpus_dir), "-o", str(target))
    assert result.returncode == 1
    assert "no brief is bookmarked; nothing exported" in result.stderr
    assert not target.exists()


def test_export_tells_which_briefs_it_wrote_with_errors_in_their_files(tmp_path: Path) -> None:
    corpus = make_corpus(
        tmp_path / "c",
        {"sound.yaml": fields("sound"), "mistyped.yaml": fields("mistyped", language="english")},
    )
    result = run("export", "--all", "--corpus", str(corpus), "-o", str(tmp_path / "out.md"))
    assert result.returncode == 0
    assert (
        "briefing: 1 brief exported with errors in the file, which the briefing lists under each"
        " (mistyped); run briefing validate to see them"
    ) in result.stderr.splitlines()
    assert "Errors in the brief file (1)" in (tmp_path / "out.md").read_text(encoding="utf-8")


def test_export_lists_what_is_wrong_where_validate_also_says_how_to_put_it_right(
    tmp_path: Path,
) -> None:
    brief = fields(language="EN", published="2025-02-30")
    corpus = make_corpus(tmp_path / "c", {"sample.yaml": brief})
    exported = run("export", "--all", "--corpus", str(corpus))
    assert [line for line in exported.stdout.splitlines() if line.startswith("- ")] == [
        "- language: 'EN' is not an ISO 639-1 code such as en or es",
        "- published: '2025-02-30': February 2025 has no day 30",
    ]
    validated = run("validate", "--corpus", str(corpus)).stderr.splitlines()
    assert any(
        line.endswith(
            "language: 'EN' is not an ISO 639-1 code such as en or es;"
            " write it in small letters: en"
        )
        for line in validated
    ), validated
    assert any(
        line.endswith("published: '2025-02-30': February 2025 has no day 30; give a day it has")
        for line in validated
    ), validated


def test_export_all_has_a_section_per_brief(corpus_dir: Path) -> None:
    result = run("export", "--all", "--corpus", str(corpus_dir))
    assert len(read(result.stdout).sections) == len(list((corpus_dir / "briefs").glob("*.yaml")))


def test_export_filter_exports_what_list_finds_in_its_order(corpus_dir: Path) -> None:
    # What a filter found could only be exported by naming each id the list printed.
    listed = run("list", "--filter", "maquiladora", "--json", "--corpus", str(corpus_dir))
    titles = [row["title"] for row in json.loads(listed.stdout)]
    assert 1 < len(titles) < len(list((corpus_dir / "briefs").glob("*.yaml")))
    result = run("export", "--filter", "maquiladora", "--corpus", str(corpus_dir))
    assert result.returncode == 0, result.stderr
    sections = read(result.stdout).sections
    assert [s.heading[: len(t)] for s, t in zip(sections, titles, strict=True)] == titles
    assert f"\n{len(titles)} briefs found by the filter `maquiladora`, exported" in (result.stdout)


def test_export_filter_past_its_terms_is_named_by_the_terms_that_found_the_briefs(
    corpus_dir: Path,
) -> None:
    # The briefing named the whole filter, the term it left out too: a colleague asking the
    # same of the corpus found nothing.
    held = " ".join(["maquiladora"] * MAX_TERMS)
    result = run("export", "--filter", f"{held} nowhere-at-all", "--corpus", str(corpus_dir))
    assert result.returncode == 0, result.stderr
    assert f" found by the filter `{held}`, exported" in result.stdout
    assert "nowhere" not in result.stdout


def test_export_filter_that_finds_nothing_fails_and_writes_nothing(
    corpus_dir: Path, tmp_path: Path
) -> None:
    target = tmp_path / "out.md"
    result = run(
        "export", "--filter", "org:nobody-at-all", "--corpus", str(corpus_dir), "-o", str(target)
    )
    assert result.returncode == 1
    assert "no brief matches the filter; nothing exported" in result.stderr
    assert not target.exists()


@pytest.mark.parametrize("query", ["plant", ""])
def test_export_filter_says_how_many_briefs_could_not_be_loaded(tmp_path: Path, query: str) -> None:
    # As list --filter does: nothing of a brief that did not load can be searched, so the filter
    # might have found it. Only an empty filter told them.
    corpus = partly_broken_corpus(tmp_path / "c")
    result = run("export", "--filter", query, "--corpus", str(corpus))
    assert result.returncode == 0, result.stderr
    assert len(read(result.stdout).sections) == 1
    assert LEFT_OUT in result.stderr
    assert LEFT_OUT in run("list", "--filter", query, "--corpus", str(corpus)).stderr


def test_export_filter_is_named_in_the_briefing_as_it_was_typed(corpus_dir: Path) -> None:
    # Written "\-maquiladora", a line's start escaped: copied from the raw text, it found nothing.
    result = run("export", "--filter", "-maquiladora", "--corpus", str(corpus_dir))
    assert "found by the filter `-maquiladora`, exported" in result.stdout
    for narrowing_nothing in (" ", "org:", "\U0001f680"):
        everything = run("export", "--filter", narrowing_nothing, "--corpus", str(corpus_dir))
        assert "\n5 briefs, all that loaded, exported" in everything.stdout


def test_export_bookmarked_exports_exactly_the_bookmarks(corpus_dir: Path) -> None:
    ids = sorted(p.stem for p in (corpus_dir / "briefs").glob("*.yaml"))
    store = BookmarkStore(state_dir(), corpus_key(corpus_dir))
    store.toggle(ids[1])
    store.toggle(ids[3])
    store.toggle("a-brief-since-deleted")
    result = run("export", "--bookmarked", "--corpus", str(corpus_dir))
    assert result.returncode == 0, result.stderr
    assert len(read(result.stdout).sections) == 2
    for ident in (ids[1], ids[3]):
        title = yaml.safe_load((corpus_dir / "briefs" / f"{ident}.yaml").read_text())["title"]
        assert any(s.heading.startswith(title) for s in read(result.stdout).sections)
    # Exporting does not drop the bookmark whose brief is gone.
    assert "a-brief-since-deleted" in BookmarkStore(state_dir(), corpus_key(corpus_dir))


def test_export_to_a_file_writes_the_same_bytes_as_standard_output(
    corpus_dir: Path, tmp_path: Path
) -> None:
    target = tmp_path / "out.md"
    written = run("export", "--all", "--corpus", str(corpus_dir), "-o", str(target))
    assert written.returncode == 0
    assert written.stdout == ""
    shown = subprocess.run(
        [sys.executable, "-m", "tui", "export", "--all", "--corpus", str(corpus_dir)],
        capture_output=True,
        cwd=REPO,
        check=True,
    )
    assert target.read_bytes() == shown.stdout


def test_export_refuses_an_existing_file_without_force(corpus_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    target.write_text("an earlier briefing", encoding="utf-8")
    refused = run("export", "--all", "--corpus", str(corpus_dir), "-o", str(target))
    assert refused.returncode == 1
    assert "exists" in refused.stderr and "--force" in refused.stderr
    assert target.read_text(encoding="utf-8") == "an earlier briefing"
    forced = run("export", "--all", "--corpus", str(corpus_dir), "-o", str(target), "--force")
    assert forced.returncode == 0
    assert read(target.read_text(encoding="utf-8")).sections


@pytest.mark.parametrize(
    ("where", "words"),
    [
        ("missing/out.md", "does not exist"),
        ("a-folder", "is a folder"),
        ("a-file/out.md", "is not a folder"),
    ],
)
def test_export_to_a_path_that_cannot_be_written_says_why(
    corpus_dir: Path, tmp_path: Path, where: str, words: str
) -> None:
    place = tmp_path / "place"
    (place / "a-folder").mkdir(parents=True)
    (place / "a-file").write_text("x", encoding="utf-8")
    result = run("export", "--all", "--corpus", str(corpus_dir), "-o", str(place / where))
    assert result.returncode == 1
    assert words in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in place.rglob("*")) == ["a-file", "a-folder"]


def test_export_to_an_empty_file_name_says_it_is_empty(corpus_dir: Path, tmp_path: Path) -> None:
    here = tmp_path / "here"
    here.mkdir()
    result = run("export", "--all", "--corpus", str(corpus_dir), "-o", "", cwd=here)
    assert result.returncode == 1
    assert result.stderr == "briefing: the file name is empty; give one such as briefing.md\n"
    assert list(here.iterdir()) == []


def sysfs_mounted() -> bool:
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8")
    except OSError:
        return False
    return any(line.split()[1:3] == ["/sys", "sysfs"] for line in mounts.splitlines())


@pytest.mark.skipif(not sysfs_mounted(), reason="needs Linux sysfs, where nobody creates files")
def test_export_into_a_folder_the_system_refuses(corpus_dir: Path) -> None:
    # Tests may run as root, whom file modes do not stop; sysfs refuses even root.
    target = Path("/sys/briefing-export-test.md")
    result = run("export", "--all", "--corpus", str(corpus_dir), "-o", str(target))
    assert result.returncode == 1
    assert "cannot write" in result.stderr
    assert "Traceback" not in result.stderr
    assert not target.exists()


def test_export_needs_a_selection() -> None:
    result = run("export")
    assert result.returncode == 2
    assert "--bookmarked" in result.stderr and "--all" in result.stderr


# Help, version, and the two ways to run it -----------------------------------------------------


@pytest.mark.parametrize(
    "command", [[], ["validate"], ["list"], ["facets"], ["export"], ["add"], ["keys"]]
)
def test_every_command_has_help_that_fits_the_terminal(
    command: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = run(*command, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("usage: briefing")
    assert "--corpus" in result.stdout or command == ["keys"]
    # The descriptions of facets and add were one line of some 250 characters.
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


@pytest.mark.parametrize(
    ("args", "usage"),
    [
        (["list", "--bogus"], "usage: briefing list [-h] [--corpus DIR] [--filter QUERY]"),
        (["validate", "extra"], "usage: briefing validate [-h] [--corpus DIR]"),
        (["--bogus"], "usage: briefing [-h]"),
    ],
)
def test_an_unknown_argument_is_named_with_the_usage_of_its_command(
    args: list[str], usage: str
) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(usage)
    # The message is briefing's own; the words argparse puts before it are left to argparse.
    assert result.stderr.endswith(f"unrecognized arguments: {args[-1]}\n")


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"briefing {__version__}"
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)


def test_the_briefing_script_and_python_m_tui_agree() -> None:
    for args in (["--version"], ["list"], ["validate"]):
        script = subprocess.run([BRIEFING, *args], capture_output=True, text=True, cwd=REPO)
        module = run(*args)
        assert (script.returncode, script.stdout, script.stderr) == (
            module.returncode,
            module.stdout,
            module.stderr,
        )


# Which corpus ----------------------------------------------------------------------------------


def test_the_corpus_option_wins_then_the_variable_then_the_folder_then_the_shipped(
    tmp_path: Path,
) -> None:
    here = make_corpus(tmp_path / "here")
    elsewhere = tmp_path / "elsewhere"
    environ = {"BRIEFING_CORPUS": str(elsewhere)}
    assert resolve_corpus(str(tmp_path / "opt"), environ, cwd=here) == tmp_path / "opt"
    assert resolve_corpus(None, environ, cwd=here) == elsewhere
    assert resolve_corpus(None, {}, cwd=here) == here
    shipped = resolve_corpus(None, {}, cwd=tmp_path)
    assert (shipped / "briefs").is_dir() and (shipped / "seeds").is_dir()


def test_the_command_reads_the_corpus_the_rules_pick(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_corpus(tmp_path / "here", {"here.yaml": fields("here")})
    make_corpus(tmp_path / "env", {"env.yaml": fields("env")})
    make_corpus(tmp_path / "opt", {"opt.yaml": fields("opt")})

    def listed(*args: str, cwd: Path) -> list[str]:
        return [line.split("\t")[0] for line in run("list", *args, cwd=cwd).stdout.splitlines()]

    assert listed(cwd=tmp_path / "here") == ["here"]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert sorted(listed(cwd=empty)) == sorted(p.stem for p in REPO.glob("briefs/*.yaml"))
    monkeypatch.setenv("BRIEFING_CORPUS", str(tmp_path / "env"))
    assert listed(cwd=tmp_path / "here") == ["env"]
    assert listed("--corpus", str(tmp_path / "opt"), cwd=tmp_path / "here") == ["opt"]
    # The option may also come before the command.
    before = run("--corpus", str(tmp_path / "opt"), "list", cwd=tmp_path / "here")
    assert [line.split("\t")[0] for line in before.stdout.splitlines()] == ["opt"]


@pytest.mark.parametrize(
    "command", [["validate"], ["list"], ["list", "--json"], ["export", "--all"]]
)
@pytest.mark.parametrize(
    ("name", "complaint"),
    [("missing", "does not exist"), ("a-file", "is a file, not a corpus folder")],
)
def test_a_corpus_that_is_no_folder_stops_every_command(
    tmp_path: Path, command: list[str], name: str, complaint: str
) -> None:
    (tmp_path / "a-file").write_text("not a corpus", encoding="utf-8")
    result = run(*command, "--corpus", name, cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    assert (
        result.stderr
        == f"briefing: {name} {complaint}: give the folder that holds briefs/ and seeds/\n"
    )


def test_a_corpus_named_by_the_variable_that_is_no_folder_stops_the_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFING_CORPUS", str(tmp_path / "missing"))
    result = run("list", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    assert (
        result.stderr == f"briefing: {tmp_path / 'missing'} (from BRIEFING_CORPUS) does not exist:"
        " set BRIEFING_CORPUS to the folder that holds briefs/ and seeds/, or unset it\n"
    )


def test_a_corpus_that_is_no_folder_stops_the_app_before_it_opens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import tui.app.main

    opened: list[Path] = []
    monkeypatch.setattr(tui.app.main, "run_app", lambda root: opened.append(root) or 0)
    assert main(["--corpus", str(tmp_path / "missing")]) == 2
    assert opened == []
    assert capsys.readouterr().err.startswith(f"briefing: {tmp_path / 'missing'} does not exist:")


def test_no_arguments_open_the_app_on_the_corpus_the_options_would_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tui.app.main

    opened: list[Path] = []
    monkeypatch.setattr(tui.app.main, "run_app", lambda root: opened.append(root) or 0)
    monkeypatch.setenv("BRIEFING_CORPUS", str(tmp_path))
    monkeypatch.setattr(sys, "argv", ["briefing"])
    assert main() == 0
    assert main([]) == 0
    assert main(["--corpus", str(tmp_path)]) == 0
    assert opened == [resolve_corpus(None)] * 2 + [tmp_path]
    monkeypatch.setenv("BRIEFING_CORPUS", str(tmp_path / "missing"))
    assert main([]) == 2
    assert len(opened) == 3


def test_main_runs_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--corpus", str(REPO)]) == 0
    assert len(capsys.readouterr().out.splitlines()) == shipped_counts()[0]


def test_keys_lists_every_action_with_the_keys_the_user_gave_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFING_CONFIG_DIR", str(tmp_path))
    (tmp_path / "keys.yaml").write_text("reader.bookmark: m\nreader.nothing: x\n", "utf-8")
    result = run("keys")
    assert result.returncode == 0
    rows = {line.split("\t")[0]: line.split("\t")[1:] for line in result.stdout.splitlines()}
    assert rows["reader.bookmark"] == ["m", "Bookmark"]
    assert rows["list.next"] == ["down,j", "Next article"]
    assert "keys.yaml:2" in result.stderr and "reader.nothing" in result.stderr


@needs_pipes
@pytest.mark.parametrize("make_unreadable", ["pipe", "latin-1"])
def test_a_keys_file_that_cannot_be_read_at_all_ends_keys_with_status_1(
    make_unreadable: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFING_CONFIG_DIR", str(tmp_path))
    if make_unreadable == "pipe":
        named_pipe(tmp_path / "keys.yaml")
    else:
        (tmp_path / "keys.yaml").write_bytes("reader.bookmark: \xe9\n".encode("latin-1"))
    result = run("keys")
    assert result.returncode == 1
    assert "keys.yaml" in result.stderr
    # The defaults are still listed: the user sees what applies.
    assert "reader.bookmark\tb\t" in result.stdout


@pytest.mark.parametrize(
    "content",
    [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "reader.bookmark: é\n".encode("latin-1")],
    ids=["binary", "not UTF-8"],
)
def test_a_keys_file_that_cannot_be_read_is_named_with_what_to_do(
    content: bytes,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("BRIEFING_CONFIG_DIR", str(tmp_path))
    (tmp_path / "keys.yaml").write_bytes(content)
    assert main(["keys"]) == 1
    told = capsys.readouterr().err.splitlines()[0]
    assert told.startswith(f"briefing: {tmp_path / 'keys.yaml'}: ")
    assert told.endswith(
        ", or remove it (meanwhile every key keeps its default); briefing keys lists the action ids"
    )


def test_an_option_that_starts_as_filter_does_too_is_not_taken_for_it(
    corpus_dir: Path, tmp_path: Path
) -> None:
    target = tmp_path / "out.md"
    # --fo is --force here, and -o its own option: only --fil on is --filter.
    assert main(["export", "--corpus", str(corpus_dir), "--all", "--fo", "-o", str(target)]) == 0
    assert target.exists()


def test_moved_lists_the_folder_a_renamed_corpus_left_its_notes_under_and_brings_them_over(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = make_named_corpus(tmp_path / "news")
    annotations = Annotations(state_dir(), corpus_key(old))
    annotations.set_note("mx", "Call the council")
    annotations.close()
    BookmarkStore(state_dir(), corpus_key(old)).set("tj", True)
    root = old.rename(tmp_path / "news 2025")

    assert main(["moved", "--corpus", str(root)]) == 0
    told = capsys.readouterr()
    assert told.out.startswith(f"{corpus_key(old)}: ") and "the folder is gone" in told.out
    # The command it gives, typed as it is written, brings them over.
    command = told.err.partition(
        ": to bring them over from the folder this corpus may have been moved from: "
    )[2]
    program, *arguments = shlex.split(command)
    assert program == "briefing"
    assert main(arguments) == 0
    assert "1 note" in capsys.readouterr().out
    assert main(["list", "--corpus", str(root), "--filter", "is:bookmarked"]) == 0
    assert [line.split("\t")[0] for line in capsys.readouterr().out.splitlines()] == ["tj"]
    assert Annotations(state_dir(), corpus_key(root)).notes == {"mx": "Call the council"}

    # Once brought over, nothing is left to bring, and asking again says so.
    assert main(["moved", "--corpus", str(root)]) == 0
    assert capsys.readouterr().out == ""
    assert main(["moved", "--corpus", str(root), str(old)]) == 1
    assert str(old) in capsys.readouterr().err


def test_moved_forget_lets_go_what_a_copy_deleted_on_purpose_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_named_corpus(tmp_path / "news")
    copy = make_named_corpus(tmp_path / "scratch")
    Annotations(state_dir(), corpus_key(copy)).set_note("mx", "scratch")
    shutil.rmtree(copy)
    with pytest.raises(SystemExit):
        main(["moved", "--corpus", str(root), "--forget"])
    assert "--forget takes the FOLDER" in capsys.readouterr().err
    assert main(["moved", "--corpus", str(root), "--forget", str(copy)]) == 0
    assert "notes and marks of 1 brief" in capsys.readouterr().out
    assert main(["moved", "--corpus", str(root)]) == 0
    assert capsys.readouterr().out == ""


def test_moved_listing_leaves_the_state_folder_as_it_found_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = make_named_corpus(tmp_path / "news")
    BookmarkStore(state_dir(), corpus_key(old)).set("tj", True)
    (state_dir() / "bookmarks.json.lock").unlink()
    before = sorted(path.name for path in state_dir().iterdir())
    root = old.rename(tmp_path / "news-2025")
    assert main(["moved", "--corpus", str(root)]) == 0
    assert corpus_key(old) in capsys.readouterr().out
    assert sorted(path.name for path in state_dir().iterdir()) == before


def test_export_filter_finding_nothing_says_so_beside_the_briefs_not_loaded(
    tmp_path: Path,
) -> None:
    # "nothing to export" did not say that the filter was what found nothing.
    corpus = partly_broken_corpus(tmp_path / "c")
    target = tmp_path / "out.md"
    result = run("export", "--filter", "zzzznothing", "--corpus", str(corpus), "-o", str(target))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        LEFT_OUT.strip(),
        "briefing: no brief matches the filter; nothing exported",
    ]
    assert not target.exists()
