"""Properties that must hold for any input, checked on many generated ones."""

from __future__ import annotations

import re
import sqlite3
import string
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tests.kit.corpus import dump, fields, make_corpus
from tests.kit.markdown import read
from tui.core.drafting.entities import shipped_gazetteer
from tui.core.export import render_markdown
from tui.core.model import (
    MAX_PROBLEM_FIELD,
    MAX_PROBLEM_MESSAGE,
    MAX_PROBLEM_TEXT,
    Brief,
    Corpus,
    Entry,
    KeyFact,
    Problem,
)
from tui.core.quotes import find_quote
from tui.core.search import (
    FACET_FIELDS,
    FacetField,
    ValueTerm,
    match_expression,
    name_expression,
    parse_query,
    searchable,
    value_term,
    with_term,
)
from tui.core.store import load_corpus, open_corpus
from tui.core.store.database import IndexFile
from tui.core.text import (
    _TYPOGRAPHIC,
    clean_text,
    compound_words,
    fold_marks,
    fold_search,
    fold_white_space,
    fold_words,
    numbers_kept_whole,
    one_line,
    spaced_abbreviations,
)
from tui.core.yamlread import _nesting_bound

IO_SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# A problem is one line a terminal shows as it is.
UNSAFE_IN_A_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e]")


def check_loads(root: Path, content: bytes) -> None:
    """Write ``content`` as the corpus's one brief and load it: it must not raise."""
    (root / "briefs" / "sample.yaml").write_bytes(content)
    corpus = load_corpus(root)
    assert len(corpus.entries) == 1
    for problem in corpus.all_problems:
        shown = str(problem)
        assert not UNSAFE_IN_A_LINE.search(shown), shown
        assert problem.line >= 0


# The loader never raises -----------------------------------------------------------------------


@IO_SETTINGS
@given(content=st.binary(max_size=2_000))
def test_the_loader_never_raises_on_arbitrary_bytes(tmp_path: Path, content: bytes) -> None:
    root = tmp_path / "corpus"
    if not root.exists():
        make_corpus(root)
    check_loads(root, content)


YAML_CHARS = st.sampled_from(list(":-[]{}&*!|>'\"%@`#,? \n\t") + ["\u00a0", "\ufeff", "é", "\x1b"])


@IO_SETTINGS
@given(text=st.text(alphabet=st.one_of(YAML_CHARS, st.characters()), max_size=400))
def test_the_loader_never_raises_on_yaml_like_text(tmp_path: Path, text: str) -> None:
    root = tmp_path / "corpus"
    if not root.exists():
        make_corpus(root)
    check_loads(root, text.encode("utf-8", errors="surrogatepass"))


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.dates(),
)


def collections_of(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Lists and mappings of what ``inner`` makes."""
    # A function rather than a lambda: Hypothesis reads its source to see that it recurses, and
    # could not always find a lambda's written over several lines.
    return st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)
    )


values = st.recursive(scalars, collections_of, max_leaves=20)
FIELD_NAMES = [*fields(), "published", "title_en", "places", "date_note", "kind", "fact", "quote"]


@IO_SETTINGS
@given(
    changes=st.dictionaries(st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=8)), values),
    fact_changes=st.dictionaries(st.sampled_from(["fact", "quote", "kind", "extra"]), values),
)
def test_the_loader_never_raises_on_arbitrary_yaml_data(
    tmp_path: Path, changes: dict[str, Any], fact_changes: dict[str, Any]
) -> None:
    # A sound brief with any of its fields, or its first fact's, replaced by any YAML data.
    brief = fields()
    brief["key_facts"][0].update(fact_changes)
    brief.update(changes)
    root = tmp_path / "corpus"
    if not root.exists():
        make_corpus(root)
    check_loads(root, yaml.safe_dump(brief, allow_unicode=True).encode("utf-8", "surrogatepass"))


# Nesting is never underestimated -----------------------------------------------------------------


def real_depth(text: str) -> int:
    """How deep collections nest in ``text``, as far as it parses: a composer recurses that far
    even when the document turns out to be broken further on."""
    depth = deepest = 0
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                deepest = max(deepest, depth)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        pass
    return deepest


def nested_collections_of(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Lists and mappings holding at least one of what ``inner`` makes."""
    return st.one_of(
        st.lists(inner, min_size=1, max_size=2),
        st.dictionaries(st.text(max_size=3), inner, min_size=1, max_size=2),
    )


deep_values = st.recursive(
    st.one_of(st.none(), st.text(max_size=5)), nested_collections_of, max_leaves=60
)


@settings(max_examples=150, deadline=None)
@given(
    value=deep_values,
    flow=st.sampled_from([True, False, None]),
    indent=st.integers(2, 9),
    width=st.sampled_from([20, 80, 10_000]),
)
def test_the_nesting_bound_is_never_below_the_real_depth(
    value: Any, flow: bool | None, indent: int, width: int
) -> None:
    # What lets the loader skip measuring nesting must hold for every way YAML can be laid out.
    text = yaml.safe_dump(value, default_flow_style=flow, indent=indent, width=width)
    assert real_depth(text) <= _nesting_bound(text)


@given(
    pieces=st.lists(st.sampled_from(["- ", "? ", ": ", "[", "]", "{", "}", "a", ", ", "\n", "  "]))
)
def test_the_nesting_bound_holds_for_any_parseable_jumble(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert real_depth(text) <= _nesting_bound(text)


# Quote matching --------------------------------------------------------------------------------

# Text built from what articles hold: words, punctuation, the typographic marks the format
# forgives, and white space of every kind.
DOCUMENTED_MARKS = {
    "\u201c": '"',
    "\u201d": '"',
    "\u2018": "'",
    "\u2019": "'",
    "\u2013": "-",
    "\u2014": "-",
}
WHITE = [" ", "\n", "\t", "\u00a0", "\r\n", "  ", "\u2003", "\x0c"]
article_text = st.lists(
    st.one_of(
        st.sampled_from(list(string.ascii_letters + string.digits + ".,;:!?()%$-'\"")),
        st.sampled_from([*DOCUMENTED_MARKS, "ñ", "é", "Ü", "€", "\U0001f389"]),
        st.sampled_from(WHITE),
    ),
    min_size=1,
    max_size=150,
).map("".join)


def documented_fold(text: str) -> str:
    """The folding docs/brief-format.md promises, written out independently of the code."""
    return " ".join(text.translate(str.maketrans(DOCUMENTED_MARKS)).split())


@settings(max_examples=200, deadline=None)
@given(article=article_text, data=st.data())
def test_any_passage_is_found_however_its_white_space_and_marks_vary(
    article: str, data: st.DataObject
) -> None:
    start = data.draw(st.integers(0, len(article) - 1), label="start")
    end = data.draw(st.integers(start + 1, len(article)), label="end")
    passage = article[start:end]
    assume(passage.strip())
    # Retype it: every white space run as some other white space, marks maybe made plain.
    pieces = re.split(r"(\s+)", passage)
    retyped = []
    for piece in pieces:
        if piece and piece.isspace():
            retyped.append(data.draw(st.sampled_from(WHITE), label="space"))
        elif data.draw(st.booleans(), label="plain marks"):
            retyped.append(piece.translate(str.maketrans(DOCUMENTED_MARKS)))
        else:
            retyped.append(piece)
    quote = "".join(retyped)
    span = find_quote(article, quote)
    assert span is not None
    assert documented_fold(article[span.start : span.end]) == documented_fold(passage)


# The Markdown export ---------------------------------------------------------------------------

# Any text, weighted towards what Markdown and terminals make something of.
MARKDOWN_PIECES = st.sampled_from(
    [*"#>*_`~[]()<>!&|\\-+=.:1234567890 \n\t", "\u00a0", "&amp;", "<b>", "```", "    ", "1. "]
)
any_text = st.lists(st.one_of(MARKDOWN_PIECES, st.characters(codec="utf-8")), max_size=40).map(
    "".join
)
shown_text = any_text.map(lambda t: clean_text(t).strip()).filter(bool)


def flat(text: str) -> str:
    return " ".join(text.split())


@st.composite
def briefs(draw: st.DrawFn, number: int) -> Brief:
    facts = draw(
        st.lists(
            st.builds(
                KeyFact, fact=shown_text, quote=shown_text, kind=st.sampled_from([None, "figure"])
            ),
            min_size=1,
            max_size=3,
        )
    )
    return Brief(
        id=f"brief-{number}",
        source="article.txt",
        title=draw(shown_text),
        title_en=draw(st.one_of(st.none(), shown_text)),
        language="en",
        summary=draw(shown_text),
        key_facts=tuple(facts),
        author=draw(st.one_of(st.none(), shown_text)),
        date_note=draw(st.one_of(st.none(), shown_text)),
        places=tuple(draw(st.lists(shown_text, max_size=2))),
    )


@IO_SETTINGS
@given(chosen=st.integers(1, 3).flatmap(lambda n: st.tuples(*(briefs(i) for i in range(n)))))
def test_the_export_of_any_text_has_one_heading_per_brief_and_every_fact(
    tmp_path: Path, chosen: tuple[Brief, ...]
) -> None:
    root = tmp_path / "corpus"
    if not root.exists():
        make_corpus(root)
    corpus = Corpus(root, ())
    entries = [Entry(f"briefs/{brief.id}.yaml", brief) for brief in chosen]
    document = read(render_markdown(corpus, entries, "named"))
    assert len(document.titles) == 1
    assert len(document.sections) == len(chosen)
    for brief, section in zip(chosen, document.sections, strict=True):
        heading = flat(brief.title)
        if brief.title_en and brief.title_en != brief.title:
            heading += f" ({flat(brief.title_en)})"
        assert section.heading == heading
        for number, fact in enumerate(brief.key_facts, 1):
            kind = f" ({fact.kind})" if fact.kind else ""
            assert f"{number}. {flat(fact.fact)}{kind}" in section.plain
        assert section.quoted[0::2] == [flat(f.quote) for f in brief.key_facts]


# Search --------------------------------------------------------------------------------------

# Text weighted towards what folding acts on: case, accents (composed and not), typographic
# marks, white space of every kind and characters that fold to several or to white space.
SEARCH_PIECES = st.sampled_from(
    [*"aAeEnN oO", "ñ", "Ñ", "é", "e\u0301", "ß", "ﬁ", "İ", "\u00a8", "½", "\u00a0", "\u2003"]
    + [*"180,."]  # numbers, their marks within them or not
    + [*DOCUMENTED_MARKS, "\u2212", "\u02bc", "\n", "\t", "  ", "\x1c", "\u2028", "\u0301"]
)
# Text as the index is given it: decoded from UTF-8, it never holds a lone surrogate, and cleaned
# of control characters as it is read, it holds no NUL (which would end it for SQLite).
TEXT_CHARACTERS = st.characters(codec="utf-8", exclude_characters="\x00")
search_text = st.lists(st.one_of(SEARCH_PIECES, TEXT_CHARACTERS), max_size=60).map("".join)
search_term = st.lists(st.one_of(SEARCH_PIECES, TEXT_CHARACTERS), min_size=1, max_size=4).map(
    lambda typed: parse_query("".join(typed)).words
)


def naive_words(text: str) -> str:
    """The distinct words of the whole folded text, found the slow and obvious way."""
    return " ".join(dict.fromkeys(fold_search(text).split()))


@settings(max_examples=300, deadline=None)
@given(text=search_text)
def test_the_words_kept_for_search_are_those_of_the_folded_text(text: str) -> None:
    assert fold_words(text) == naive_words(text)


@settings(max_examples=300, deadline=None)
@given(text=search_text, terms=search_term)
def test_a_term_is_found_in_the_kept_words_exactly_when_in_the_folded_text(
    text: str, terms: tuple[str, ...]
) -> None:
    for term in terms:
        assert (term in fold_words(text)) == (term in fold_search(text))


CAPITALS = "[A-ZÁÉÍÓÚÑÜ]{1,2}"
NAIVE_SPACED_ABBREVIATION = re.compile(rf"(?<![\w.])(?:{CAPITALS}\. ){{1,3}}{CAPITALS}\.")
"""An abbreviation in capitals written with a space after each period, as the brief format's
readers meet it ("EE. UU.", "S. A. de C. V."), read the obvious way: tried at every character."""


ABBREVIATION_PIECES = ["E", "UU", "É", "e", "7", ". ", "É. ", "EE. ", ".", " ", "("]


@settings(max_examples=500, deadline=None)
@given(pieces=st.lists(st.sampled_from(ABBREVIATION_PIECES)))
def test_abbreviations_written_with_spaces_are_those_read_the_obvious_way(
    pieces: list[str],
) -> None:
    text = "".join(pieces)
    obvious = " ".join(m.group().replace(" ", "") for m in NAIVE_SPACED_ABBREVIATION.finditer(text))
    assert spaced_abbreviations(text) == obvious


def index_of(texts: list[str]) -> sqlite3.Connection:
    """An index in memory holding the words of each of ``texts``, under its place in the list,
    as the store gives them: numbers kept whole."""
    connection = IndexFile(Path("."), None).connect()
    for rowid, text in enumerate(texts):
        words = numbers_kept_whole(fold_words(text))
        connection.execute(
            "INSERT INTO words (rowid, text, compounds) VALUES (?, ?, ?)",
            (rowid, words, compound_words(words)),
        )
    return connection


def searchable_words(text: str) -> list[str]:
    """The words the index keeps of ``text`` that hold a letter or a digit."""
    return list(searchable(fold_words(text).split()))


def found_by(connection: sqlite3.Connection, words: Sequence[str]) -> set[int]:
    """The rows of the index of ``connection`` that a filter of ``words`` finds."""
    match = match_expression(words)
    query = "SELECT rowid FROM words WHERE words MATCH ?"
    return {row for (row,) in connection.execute(query, (match,))}


@settings(max_examples=200, deadline=None)
@given(texts=st.lists(search_text, min_size=1, max_size=6), data=st.data())
def test_the_start_of_any_word_of_a_text_finds_it_in_the_index(
    texts: list[str], data: st.DataObject
) -> None:
    connection = index_of(texts)
    chosen = data.draw(st.sampled_from(range(len(texts))))
    words = searchable_words(texts[chosen])
    if not words:
        return
    word = data.draw(st.sampled_from(words))
    typed = word[: data.draw(st.integers(1, len(word)))]
    words_typed = searchable(parse_query(typed).words)
    # Words of punctuation alone narrow nothing: every brief is found.
    found = found_by(connection, words_typed) if words_typed else set(range(len(texts)))
    assert chosen in found


# Words as articles in this field write them: abbreviations with periods, with a space after each
# period or none, words of two parts, figures, accented words.
FIELD_WORDS = st.sampled_from(
    [
        *("EE.UU.", "EE. UU.", "EEUU", "U.S.", "US", "S.L.P.", "T-MEC", "México", "maquila"),
        *("6,2", "1,800", "800", "2.500,5", "US$1,500"),
    ]
)
field_text = st.lists(
    st.one_of(FIELD_WORDS, st.text(TEXT_CHARACTERS, max_size=6)), min_size=1, max_size=8
).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(texts=st.lists(field_text, min_size=1, max_size=4), data=st.data())
def test_several_words_of_a_text_typed_together_find_it_in_the_index(
    texts: list[str], data: st.DataObject
) -> None:
    # An abbreviation with periods beside another word ("EE.UU. maquila") made a query the
    # full-text index could not read, and the filter ended the reader.
    connection = index_of(texts)
    chosen = data.draw(st.sampled_from(range(len(texts))))
    words = searchable_words(texts[chosen])
    if not words:
        return
    # The query's words as the filter gives them; typed, words of one or two letters and a
    # period side by side would be read as one abbreviation ("ee. uu."), tested on its own.
    typed = data.draw(st.lists(st.sampled_from(words), min_size=1, max_size=3))
    assert chosen in found_by(connection, typed)


@settings(max_examples=300, deadline=None)
@given(typed=st.lists(st.one_of(FIELD_WORDS, search_text), max_size=5).map(" ".join))
def test_the_index_reads_the_query_of_anything_typed(typed: str) -> None:
    words = searchable(parse_query(typed).words)
    if words:  # else the filter narrows nothing, and asks the index nothing
        found_by(index_of([]), words)


name_text = st.text(alphabet=st.sampled_from(list("abcéÑ -.'")), max_size=16)
# What the index's tokenizer takes for a word: a run of letters and digits.
INDEX_WORD = re.compile(r"[^\W_]+")


def holds_in_order(name: list[str], term: list[tuple[str, bool]]) -> bool:
    """Whether the words ``term`` (each a word and whether its start is enough) stand one after
    the other somewhere in the words ``name``."""
    return any(
        all(
            name[at + i].startswith(word) if start else name[at + i] == word
            for i, (word, start) in enumerate(term)
        )
        for at in range(len(name) - len(term) + 1)
    )


@settings(max_examples=200, deadline=None)
@given(names=st.lists(name_text, min_size=1, max_size=6), typed=name_text)
def test_a_name_term_finds_exactly_the_names_holding_its_words_in_order(
    names: list[str], typed: str
) -> None:
    connection = IndexFile(Path("."), None).connect()
    for rowid, name in enumerate(names):
        connection.execute(
            "INSERT INTO name_words (rowid, place) VALUES (?, ?)", (rowid, fold_search(name))
        )
    query = parse_query(f'place:"{typed}"')
    if not query.names:
        return
    (term,) = query.names
    found = {
        row
        for (row,) in connection.execute(
            "SELECT rowid FROM name_words WHERE name_words MATCH ?", (name_expression(term),)
        )
    }
    # A word typed with punctuation inside ("a-b") is the phrase of its parts, the last one's
    # start enough, as for words.
    parts = []
    for word in term.words:
        pieces = INDEX_WORD.findall(word)
        parts += [(piece, i == len(pieces) - 1) for i, piece in enumerate(pieces)]
    expected = {
        rowid
        for rowid, name in enumerate(names)
        if holds_in_order(INDEX_WORD.findall(fold_search(name)), parts)
    }
    assert found == expected


@settings(max_examples=300, deadline=None)
@given(text=search_text)
def test_white_space_folding_is_one_space_for_every_run(text: str) -> None:
    assert fold_white_space(text) == re.sub(r"\s+", " ", text)


def test_white_space_folding_of_a_long_text_cuts_no_run_or_word() -> None:
    # Long texts are folded piece by piece; runs and words at every offset cross a cut somewhere.
    unit = "word  \n\t\u00a0x" + "y" * 37 + " \u2003 "
    text = " \n" + unit * 20_000 + "end\n\n"
    assert fold_white_space(text) == re.sub(r"\s+", " ", text)
    assert fold_words(text) == naive_words(text)
    assert one_line(text) == " ".join(text.split())


@settings(max_examples=300, deadline=None)
@given(text=search_text)
def test_typographic_marks_fold_one_for_one(text: str) -> None:
    assert fold_marks(text) == text.translate(_TYPOGRAPHIC)


# Problems ------------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(
    file=st.text(max_size=400),
    field=st.text(alphabet=st.sampled_from(["\x01", "\u202e", "a", "é", "\n"]), max_size=120),
    message=st.text(max_size=1_200),
)
def test_a_problem_made_again_from_its_own_text_is_the_same(
    file: str, field: str, message: str
) -> None:
    problem = Problem(file, 3, field, message)
    assert Problem(problem.file, 3, problem.field, problem.message) == problem
    assert len(problem.file) <= MAX_PROBLEM_TEXT and len(problem.message) <= MAX_PROBLEM_MESSAGE
    assert len(problem.field) <= MAX_PROBLEM_FIELD
    assert not UNSAFE_IN_A_LINE.search(str(problem))


# A facet's value, chosen, finds the briefs it counted ------------------------------------------

# Names as briefs write them: words, accents, quotes plain and typographic, odd white space.
FACET_PIECES = st.sampled_from(
    [*"aAeN o", "ñ", "É", "e\u0301", "ß", "İ", "ﬁ", '"', "\u201c", "'", "-", "\u00a0", "  ", "="]
)
facet_value = (
    st.lists(st.one_of(FACET_PIECES, TEXT_CHARACTERS), min_size=1, max_size=12)
    .map("".join)
    .filter(lambda value: any(c.isalnum() for c in fold_search(value)))
)


# Filters as typed, often with a term or a quote left open at the end.
TERM_PIECES = st.sampled_from(['place:"', 'org:="', "lang:=", "place:", '"', '""', " ", "x"])
filter_text = st.lists(st.one_of(TERM_PIECES, SEARCH_PIECES, TEXT_CHARACTERS), max_size=12).map(
    "".join
)


# Terms the filter tells of: of no field, of a field given a value it cannot take, after NOT,
# with values listed with commas; in capitals and with accents, which folding takes off.
TOLD_PIECES = st.sampled_from(["Compañía:", "LANG:", "NOT ", "-", "Org:", "a,B", "é", "e\u0301"])


@settings(max_examples=300, deadline=None)
@given(typed=st.lists(st.one_of(TOLD_PIECES, TERM_PIECES, SEARCH_PIECES), max_size=12).map("".join))
def test_a_term_the_filter_tells_of_is_told_as_it_was_typed(typed: str) -> None:
    query = parse_query(typed)
    for told in (*query.read_as_words, *(listed.typed for listed in query.value_lists)):
        term = told.removeprefix("NOT ").removeprefix("-")
        assert term in typed


# Terms listing values with commas, which the filter tells of, a quote left open among them.
LISTING_PIECES = st.sampled_from(
    [" org:ternium,kia ", " -Tag:=a,B ", ' place:="Tijuana, San Luis', " lang:=es,en "]
)
listing_text = st.lists(st.one_of(LISTING_PIECES, TERM_PIECES, SEARCH_PIECES), max_size=12).map(
    "".join
)


@settings(max_examples=400, deadline=None)
@given(
    typed=st.one_of(filter_text, listing_text),
    field=st.sampled_from(FACET_FIELDS),
    value=st.one_of(facet_value, st.lists(facet_value, min_size=2, max_size=3).map(",".join)),
)
def test_a_value_term_added_to_any_filter_asks_for_that_value_and_what_it_asked_before(
    typed: str, field: FacetField, value: str
) -> None:
    before = parse_query(typed)
    term = value_term(field, value)
    added_to = with_term(typed, term)
    after = parse_query(added_to)
    wanted = ValueTerm(field, fold_search(value).strip())
    # What is told of the terms typed before may be told of them as closed (a quote left open).
    asked = after._replace(value_lists=before.value_lists, without_value=before.without_value)
    assert asked == before._replace(values=tuple(dict.fromkeys((*before.values, wanted))))
    # The terms listing values with commas typed before are told of as before (as they were
    # typed, a quote left open closed)...
    told_before = parse_query(added_to.removesuffix(term)).value_lists
    assert after.value_lists[: len(told_before)] == told_before
    # ... and the term added is, where its value lists values of a field a brief may have
    # several of: as it was added, with the terms that ask for each of them.
    added = after.value_lists[len(told_before) :]
    parts = wanted.value.split(",")
    lists = len(parts) > 1 and all(any(c.isalpha() for c in part) for part in parts)
    told_already = term in (told.typed for told in told_before)
    if lists and field not in ("language", "outlet") and not told_already:
        [told] = added
        assert (told.typed, told.whole) == (term, wanted)
        assert told.listed == tuple(ValueTerm(field, part.strip()) for part in parts)
        asked_for_each = parse_query(" ".join(told.each)).values
        assert asked_for_each == tuple(dict.fromkeys(told.listed))
    else:
        assert added == ()


@IO_SETTINGS
@given(
    places=st.lists(st.lists(facet_value, max_size=3), min_size=1, max_size=5),
    typed=st.one_of(st.just(""), st.just("plant"), filter_text),
)
def test_the_term_of_each_facet_value_finds_as_many_briefs_as_it_counts(
    tmp_path_factory: pytest.TempPathFactory, places: list[list[str]], typed: str
) -> None:
    briefs = {
        f"b{number}.yaml": fields(f"b{number}", places=written, language=["en", "es"][number % 2])
        for number, written in enumerate(places)
    }
    entries = load_corpus(make_corpus(tmp_path_factory.mktemp("facets"), briefs)).entries
    among = parse_query(typed)
    for field in ("place", "language"):
        for value, count in entries.facets(among, field, limit=100):
            found = entries.find(parse_query(with_term(typed, value_term(field, value))))
            assert len(found) == count, (field, value)


def _facets_counted_from(
    entries: Iterable[Entry], field: str, corpus: Iterable[Entry] | None = None
) -> list[tuple[str, int]]:
    """``field`` ("place" or "language") counted here over the briefs of ``entries``, from what
    each brief lists: a value counted once for each brief listing it, however it is spelt; a
    place the shipped gazetteer knows counted, and spelt, as the name it stands for; any other
    value spelt as the first brief in the list's order writes it, unless a brief of ``corpus``
    (by default ``entries``) writes it with more letters that are not plain ASCII, then as the
    one of those with most, most briefs, the first in order of the names."""
    counts, spelt, _ = _values_of(entries, field)
    _, _, ways = _values_of(entries if corpus is None else corpus, field)
    for folded, first in spelt.items():
        marks = _marked(first)
        fuller = [
            (-_marked(way), -n, way) for way, n in ways[folded].items() if _marked(way) > marks
        ]
        if fuller:
            spelt[folded] = min(fuller)[2]
    ordered = sorted(counts, key=lambda folded: (-counts[folded], folded))
    return [(spelt[folded], counts[folded]) for folded in ordered]


def _values_of(
    entries: Iterable[Entry], field: str
) -> tuple[dict[str, int], dict[str, str], dict[str, dict[str, int]]]:
    """How many briefs of ``entries`` have each value of ``field``, by its folded value; how the
    first of them writes it; and how many write it each way."""
    gazetteer = shipped_gazetteer().names["places"] if field == "place" else {}
    known = {fold_search(way).strip(): name for way, name in gazetteer.items()}
    counts: dict[str, int] = {}
    spelt: dict[str, str] = {}
    ways: dict[str, dict[str, int]] = {}
    for entry in entries:
        if entry.brief is None:
            continue
        listed = entry.brief.places if field == "place" else (entry.brief.language,)
        in_this_brief: dict[str, str] = {}
        for value in listed:
            folded = fold_search(value).strip()
            if folded in known:
                value = known[folded]
                folded = fold_search(value).strip()
            if any(c.isalnum() for c in folded):  # only punctuation: no term could find it
                in_this_brief.setdefault(folded, value)
        for folded, value in in_this_brief.items():
            counts[folded] = counts.get(folded, 0) + 1
            spelt.setdefault(folded, value)
            ways.setdefault(folded, {})[value] = ways.get(folded, {}).get(value, 0) + 1
    return counts, spelt, ways


def _marked(name: str) -> int:
    return sum(1 for c in name if c.isalpha() and not c.isascii())


# Places often written alike but for case and accents, so that which brief spells one matters.
PLACE_SPELLINGS = st.sampled_from(
    ["Tijuana", "TIJUANA", "Tijuána", "Baja", "baja", "Mexicali", "Tepatitlan", "Tepatitlán"]
)
# What a step writes: b0.yaml to b3.yaml, or copy.yaml, which has b0's id; None deletes the file.
corpus_steps = st.lists(
    st.tuples(st.integers(0, 4), st.none() | st.lists(PLACE_SPELLINGS | facet_value, max_size=3)),
    min_size=1,
    max_size=6,
)


@IO_SETTINGS
@given(steps=corpus_steps)
def test_facets_of_the_whole_corpus_stay_those_of_its_briefs_as_its_files_change(
    tmp_path_factory: pytest.TempPathFactory, steps: list[tuple[int, list[str] | None]]
) -> None:
    root = make_corpus(tmp_path_factory.mktemp("changing"))
    cache = tmp_path_factory.mktemp("index")
    for number, places in steps:
        path = root / "briefs" / ("copy.yaml" if number == 4 else f"b{number}.yaml")
        if places is None:
            path.unlink(missing_ok=True)
        else:
            ident = f"b{number % 4}"
            path.write_text(dump(fields(ident, places=places, language=["en", "es"][number % 2])))
        # The index is brought up to date from what it held at the step before.
        indexed = open_corpus(root, cache).entries
        loaded = load_corpus(root).entries
        for field in ("place", "language"):
            assert indexed.facets(parse_query(""), field, limit=100) == _facets_counted_from(
                loaded, field
            )


@IO_SETTINGS
@given(
    briefs=st.lists(
        st.tuples(st.booleans(), st.lists(PLACE_SPELLINGS | facet_value, max_size=3)),
        min_size=1,
        max_size=8,
    )
)
def test_facets_of_a_word_are_those_of_the_briefs_it_finds(
    tmp_path_factory: pytest.TempPathFactory, briefs: list[tuple[bool, list[str]]]
) -> None:
    # Words that most briefs have are counted as every brief but those they do not find.
    written = {
        f"b{number}.yaml": fields(
            f"b{number}",
            summary="An ocotillo plant." if has_word else "A plant.",
            places=places,
            language=["en", "es"][number % 2],
        )
        for number, (has_word, places) in enumerate(briefs)
    }
    root = make_corpus(tmp_path_factory.mktemp("words"), written)
    entries = open_corpus(root, tmp_path_factory.mktemp("index")).entries
    query = parse_query("ocotillo")
    found = [entries[position] for position in entries.find(query)]
    assert len(found) == sum(has_word for has_word, _ in briefs)
    every = [entries[position] for position in range(len(entries))]
    for field in ("place", "language"):
        assert entries.facets(query, field, limit=100) == _facets_counted_from(found, field, every)


def test_a_value_is_spelt_as_the_first_brief_the_words_find_writes_it(tmp_path: Path) -> None:
    written = {  # listed in this order, none being dated
        # A place the gazetteer does not know: a known one is spelt as the gazetteer writes it.
        "a.yaml": fields("a", summary="A plant.", places=["SAN TELMO"]),
        "b.yaml": fields("b", summary="An ocotillo plant.", places=["San Telmo"]),
        "c.yaml": fields("c", summary="An ocotillo plant.", places=["SAN TELMO"]),
    }
    entries = open_corpus(make_corpus(tmp_path / "corpus", written)).entries

    assert entries.facets(parse_query("ocotillo"), "place") == [("San Telmo", 2)]
    assert entries.facets(parse_query(""), "place") == [("SAN TELMO", 3)]
