"""Filtering briefs by what a user types, as the index answers it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.kit.corpus import FUZZY_BRIEF, LOOSE_BRIEF, REPO, drift_quotes, fields, make_corpus
from tui.core.model import Corpus
from tui.core.search import (
    MAX_TERMS,
    FacetField,
    Marks,
    NameTerm,
    Period,
    Query,
    ValueTerm,
    match_expression,
    parse_query,
    read_as_words_note,
    read_by_language_note,
    terms_held,
    unquoted_value_note,
    unsearched_note,
    value_lists_note,
    value_term,
    with_term,
    without_value_note,
)
from tui.core.store import load_corpus, open_corpus


def matching(query: str) -> set[str]:
    return matching_in(load_corpus(REPO), query)


def test_an_empty_query_matches_every_brief() -> None:
    assert matching("") == {e.key for e in load_corpus(REPO).entries}


@pytest.mark.parametrize("query", ["marcelo ebrard", "MARCELO EBRARD", "Ebrard Marcelo"])
def test_case_and_word_order_do_not_matter(query: str) -> None:
    assert matching(query) == matching("Marcelo Ebrard")
    assert "ebrard-municipal-convoy-los-angeles" in matching(query)


def test_a_query_holds_its_first_terms_and_counts_the_rest() -> None:
    typed = [f"w{i}" for i in range(MAX_TERMS - 1)] + ["place:tijuana", "lang:es", "is:draft"]

    query = parse_query(" ".join(typed))

    assert query.words == tuple(typed[: MAX_TERMS - 1])
    assert query.names == (NameTerm("place", ("tijuana",)),)
    assert (query.languages, query.statuses, query.left_out) == ((), (), 2)
    assert parse_query(" ".join(typed[:MAX_TERMS])).left_out == 0


def test_accents_do_not_matter() -> None:
    assert matching("internacionalizacion") == matching("internacionalización") != set()


def test_every_word_must_be_found() -> None:
    assert (
        matching("mexicali")
        > matching("mexicali maquiladora")
        > matching("mexicali maquiladora zzzz-not-there")
    )
    assert matching("zzzz-not-there") == set()


def test_the_article_text_is_searched_too_but_not_the_page_around_it() -> None:
    # Article 000 was saved with its web page; its brief says where the article starts and ends.
    # "committed" is in its closing paragraph, and "check also" and "editorial" in a teaser for
    # another story after it; none of them is in the brief.
    brief = (REPO / "briefs" / "mexicali-cce-nearshoring.yaml").read_text(encoding="utf-8")
    article = (REPO / "seeds" / "000_ab291024c49c3cf3.txt").read_text(encoding="utf-8")
    for word in ("committed", "check also", "editorial"):
        assert word not in brief.lower() and word in article.lower()
    assert "mexicali-cce-nearshoring" in matching("committed")
    assert matching("check also") == matching("editorial") == set()


def test_a_word_finds_the_words_it_starts() -> None:
    assert matching("maquila") == matching("maquiladora") != set()
    assert "mexicali-maquiladora-exports-2024" in matching("maquila")


def test_the_list_order_is_kept() -> None:
    corpus = load_corpus(REPO)
    found = corpus.entries.find(parse_query("mexicali"))
    assert found == sorted(found) and len(found) >= 2


@pytest.mark.parametrize(
    "typed", ['"', "near(a b)", "a OR b", "title:x", "(", "*", "^", "-", "'", 'a"b', "\x00"]
)
def test_nothing_typed_is_taken_as_an_operator_of_the_index(typed: str) -> None:
    # Every one is searched as words (or narrows nothing), never an error from the index.
    corpus = load_corpus(REPO)
    found = corpus.entries.find(parse_query(typed))
    assert set(found) <= set(range(len(corpus.entries)))


def test_a_word_is_quoted_whole_for_the_index() -> None:
    assert match_expression(["mexico", "nand", 'a"b']) == (
        '"mexico"* AND "nand"* AND compounds : "a""b"*'
    )
    assert match_expression(["ee.uu."]) == '(compounds : "ee.uu."* OR "eeuu")'


# The anchor status of quotes ---------------------------------------------------------------------


@pytest.fixture
def drifted(corpus_dir: Path) -> Corpus:
    drift_quotes(corpus_dir)
    return load_corpus(corpus_dir)


def matching_in(corpus: Corpus, query: str) -> set[str]:
    return {corpus.entries[i].key for i in corpus.entries.find(parse_query(query))}


def test_the_drifted_corpus_has_the_anchors_the_filter_tests_need(drifted: Corpus) -> None:
    anchors = {b.id: [f.anchor for f in b.key_facts] for b in drifted.briefs}
    assert anchors[LOOSE_BRIEF][0] == "loose"
    assert anchors[FUZZY_BRIEF][1:3] == ["fuzzy", "missing"]
    others = set(anchors) - {LOOSE_BRIEF, FUZZY_BRIEF}
    assert all(set(anchors[i]) == {"exact"} for i in others)


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("anchor:loose", {LOOSE_BRIEF}),
        ("anchor:fuzzy", {FUZZY_BRIEF}),
        ("anchor:missing", {FUZZY_BRIEF}),
        ("anchor:f", {FUZZY_BRIEF}),  # the start of a status is enough
        ("ANCHOR:Fuzzy", {FUZZY_BRIEF}),
        ("anchor:fuzzy ebrard", set()),  # with words, every one must hold
        ("anchor:loose ebrard", {LOOSE_BRIEF}),
        ("anchor:loose anchor:missing", set()),
        ("anchor:zzz", set()),  # no such status: a word no brief holds
    ],
)
def test_the_anchor_term_selects_briefs_by_how_their_quotes_were_found(
    drifted: Corpus, query: str, found: set[str]
) -> None:
    assert matching_in(drifted, query) == found


def test_quotes_of_an_article_gone_are_not_found_missing(corpus_dir: Path) -> None:
    # A brief whose article was deleted was listed with the quotes to mend.
    drift_quotes(corpus_dir)
    gone = next(e.brief for e in load_corpus(corpus_dir).entries if e.key == LOOSE_BRIEF)
    assert gone is not None
    (corpus_dir / "seeds" / gone.source).unlink()
    corpus = load_corpus(corpus_dir)
    assert corpus.entries[[e.key for e in corpus.entries].index(LOOSE_BRIEF)].article_unread
    assert matching_in(corpus, "anchor:missing") == {FUZZY_BRIEF}


def test_the_anchor_term_alone_or_exact_keeps_every_brief(drifted: Corpus) -> None:
    every = {e.key for e in drifted.entries}
    assert matching_in(drifted, "anchor:") == every  # as it is while being typed
    assert matching_in(drifted, "anchor:exact") == every


@pytest.mark.parametrize("word", ["fuzzy", "loose", "missing", "exact", "anchor", "anchor:"])
def test_the_statuses_are_not_words_a_plain_search_finds(
    drifted: Corpus, corpus_dir: Path, word: str
) -> None:
    # The same search in the same corpus with every quote exact finds the same briefs.
    assert matching_in(drifted, f"{word} mexicali") == matching(f"{word} mexicali")
    assert matching_in(drifted, word) == matching(word)


# Field terms ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "names"),
    [
        ("place:baja", [NameTerm("place", ("baja",))]),
        ("PLACE:Baja", [NameTerm("place", ("baja",))]),
        ("org:índex", [NameTerm("organization", ("index",))]),
        ("person:ebrard", [NameTerm("person", ("ebrard",))]),
        ("topic:near", [NameTerm("topic", ("near",))]),
        ("outlet:imparcial", [NameTerm("outlet", ("imparcial",))]),
        ('place:"baja california"', [NameTerm("place", ("baja", "california"))]),
        ("place:\u201cBaja California\u201d", [NameTerm("place", ("baja", "california"))]),
        ('place:"baja cal', [NameTerm("place", ("baja", "cal"))]),  # a quote not closed yet
        ("place:baja place:baja", [NameTerm("place", ("baja",))]),
        ("place: org:", []),  # as while being typed
        ('place:""', []),
        ("place:\u2014", []),  # only punctuation: nothing the index could look for
    ],
)
def test_a_name_term_names_its_field_and_its_words(typed: str, names: list[NameTerm]) -> None:
    query = parse_query(typed)
    assert list(query.names) == names
    assert query.words == ()


def test_a_name_term_unquoted_takes_one_word_and_leaves_the_rest_as_words() -> None:
    query = parse_query("place:baja california")
    assert query.names == (NameTerm("place", ("baja",)),)
    assert query.words == ("california",)


@pytest.mark.parametrize(
    ("typed", "values"),
    [
        ('place:="Baja California"', [ValueTerm("place", "baja california")]),
        ("place:=Tijuana", [ValueTerm("place", "tijuana")]),
        ("lang:=ES", [ValueTerm("language", "es")]),
        ('org:="Index ""Zona Costa"""', [ValueTerm("organization", 'index "zona costa"')]),
        ('org:="Index ""Zona', [ValueTerm("organization", 'index "zona')]),  # left open
        ('topic:="  night   shift "', [ValueTerm("topic", "night shift")]),
        ("person:=", []),  # as while being typed
        ('person:=""', []),
    ],
)
def test_a_value_term_names_its_field_and_its_whole_value(
    typed: str, values: list[ValueTerm]
) -> None:
    # A term of no value asks for nothing, as while it is being typed, and is told of.
    without_value = () if values else (typed,)
    assert parse_query(typed) == Query(values=tuple(values), without_value=without_value)


@pytest.mark.parametrize(
    ("field", "value", "term"),
    [
        ("place", "Baja California", 'place:="baja california"'),
        ("place", "Tijuana", "place:=tijuana"),
        ("organization", "Index “Zona”", 'org:="index ""zona"""'),
        ("language", "es", "lang:=es"),
    ],
)
def test_a_value_term_is_written_folded_and_quoted_when_it_must_be(
    field: FacetField, value: str, term: str
) -> None:
    assert value_term(field, value) == term


@pytest.mark.parametrize(
    ("typed", "text"),
    [
        ("", "place:=tijuana"),
        ("aduana  ", "aduana place:=tijuana"),
        ('place:"baja', 'place:"baja" place:=tijuana'),  # the open quote closed first
        ('org:="index', 'org:="index" place:=tijuana'),
    ],
)
def test_a_term_is_added_at_the_end_of_the_filter(typed: str, text: str) -> None:
    assert with_term(typed, "place:=tijuana") == text


@pytest.mark.parametrize(
    ("typed", "periods"),
    [
        ("date:2024", [Period("2024-01-01", "2025-01-01")]),
        ("date:2024-02", [Period("2024-02-01", "2024-03-01")]),
        ("date:2024-12", [Period("2024-12-01", "2025-01-01")]),
        ("date:2024-2-9", [Period("2024-02-09", "2024-02-10")]),
        ("after:2024-03", [Period(start="2024-03-01")]),  # the month named included
        ("before:2024-06-30", [Period(end="2024-07-01")]),  # the day named included
        ("before:2024", [Period(end="2025-01-01")]),
        ("after:9999-12-31", [Period(start="9999-12-31")]),  # the day after cannot be written
        ("after:2024 before:2024-06", [Period(start="2024-01-01"), Period(end="2024-07-01")]),
    ],
)
def test_a_date_term_names_a_period(typed: str, periods: list[Period]) -> None:
    assert list(parse_query(typed).periods) == periods


@pytest.mark.parametrize(
    "typed",
    [
        "date:2024-13",
        "after:2023-02-29",
        "before:24",
        "date:soon",
        # A month or a day of 00 was read as the first.
        "after:2024-00",
        "before:2024-00",
        "date:2024-03-00",
        "date:2024-00-15",
    ],
)
def test_a_date_term_naming_no_date_is_a_plain_word(typed: str) -> None:
    query = parse_query(typed)
    assert query.periods == () and query.words == (typed,)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("lang:es", Query(languages=("es",))),
        ("LANG:EN", Query(languages=("en",))),
        ("is:draft", Query(statuses=("draft",))),
        ("is:f", Query(statuses=("final",))),
        ("is:bookmarked", Query(bookmarked=True)),
        ("is:b", Query(bookmarked=True)),
        ("is:read", Query(read=True)),
        ("is:UNR", Query(unread=True)),
        ("has:note", Query(noted=True)),
        ("has:n", Query(noted=True)),
        ("has:nothing", Query(words=("has:nothing",), read_as_words=("has:nothing",))),
        ("tag:USMCA tag:Aduana", Query(tags=("usmca", "aduana"))),
        ("tag:Revisión", Query(tags=("revision",))),  # folded as words are
        ("tag:", Query(without_value=("tag:",))),
        ("is:", Query(without_value=("is:",))),
        ("lang:", Query(without_value=("lang:",))),
        ("date:", Query(without_value=("date:",))),
        ("is:gone", Query(words=("is:gone",), read_as_words=("is:gone",))),
        # No such field: looked for as a word, and said so when nothing is found.
        ("foo:bar", Query(words=("foo:bar",), read_as_words=("foo:bar",))),
        ('foo:"a b"', Query(words=('foo:"a', 'b"'), read_as_words=('foo:"a',))),
        ("lang:klingon", Query(words=("lang:klingon",), read_as_words=("lang:klingon",))),
        # A language named as an analyst says it, in English or Spanish, is its code.
        ("lang:spanish", Query(languages=("es",))),
        ("lang:Español", Query(languages=("es",))),
        ("lang:inglés", Query(languages=("en",))),
        ("lang:=spanish", Query(values=(ValueTerm("language", "es"),))),
        ("lang:spa", Query(languages=("es",))),
        ("lang:=klingon", Query(values=(ValueTerm("language", "klingon"),))),
        ("orgs:inegi", Query(names=(NameTerm("organization", ("inegi",)),))),
        # In quotes, as names are written: they found nothing.
        (
            'lang:"es" is:"final" tag:"usmca"',
            Query(languages=("es",), statuses=("final",), tags=("usmca",)),
        ),
        ('date:"2024"', Query(periods=(Period("2024-01-01", "2025-01-01"),))),
        ('lang:"', Query(without_value=('lang:"',))),  # as it is while being typed
        (
            "anchor:f is:d lang:es mexico",
            Query(("mexico",), ("fuzzy",), (), ("es",), (), ("draft",)),
        ),
    ],
)
def test_field_terms_are_told_from_words(typed: str, expected: Query) -> None:
    assert parse_query(typed) == expected


@pytest.mark.parametrize(
    ("typed", "named"),
    [
        ("is:bookmarked", {"bookmarked"}),
        ("is:read", {"read"}),
        ("is:unread place:x", {"read"}),
        ("has:note", {"noted"}),
        ("tag:x", {"tagged"}),
        ("tag:=x", {"tagged"}),
        ("-is:bookmarked -has:note", {"bookmarked", "noted"}),  # excluded, named all the same
        ("is:draft", set()),
        ("place:x -place:y", set()),
        ("tag:", set()),  # as while being typed
        ("notes", set()),
    ],
)
def test_only_the_terms_for_what_the_user_keeps_name_the_users_marks(
    typed: str, named: set[str]
) -> None:
    assert parse_query(typed).marks_named == named


@pytest.mark.parametrize(
    ("typed", "as_words"),
    [
        ("date:2024-02-30 mexicali", ("date:2024-02-30",)),
        ("is:new -anchor:q has:x", ("is:new", "-anchor:q", "has:x")),  # named as typed
        ("after:2024-00 before:2024-06", ("after:2024-00",)),
        ("http://x.mx 10:30 a:b is: date:2024 is:u", ()),  # no field meant, or a value it takes
        ("lang:enx lang:e", ("lang:enx",)),  # no language code starts with enx
        ("date:9999 before:9999-12-31", ()),  # the last year there is
    ],
)
def test_a_known_field_given_a_value_it_cannot_take_is_read_as_words_and_said_so(
    typed: str, as_words: tuple[str, ...]
) -> None:
    query = parse_query(typed)
    assert query.read_as_words == as_words
    found = set(query.words) | {w for term in query.excluded for w in term.words}
    assert {term.removeprefix("-") for term in as_words} <= found
    note = read_as_words_note(query)
    assert (note is None) == (not as_words)
    for term in as_words:
        field = term.removeprefix("-").partition(":")[0]
        assert note is not None and f"{term} ({field}: takes " in note


def test_a_term_of_a_field_there_is_not_is_said_with_the_fields_there_are() -> None:
    # company:netflix found nothing, and the filter did not say why.
    query = parse_query("company:netflix -ciudad:tijuana id:hand")
    assert query.words == ("company:netflix", "id:hand")
    note = read_as_words_note(query)
    assert note is not None
    for term in ("company:netflix", "-ciudad:tijuana", "no field is named company:", "id:hand"):
        assert term in note
    assert "org, place, person, topic, outlet, lang, date" in note


@pytest.mark.parametrize(
    ("typed", "told"),
    [
        ("compañía:ternium", "compañía:ternium (no field is named compañía: the fields are"),
        ("Compañía:Ternium", "Compañía:Ternium (no field is named Compañía: the fields are"),
        ("-LANG:Klingón", "-LANG:Klingón (lang: takes a language code"),
        ("NOT Straße", "NOT (write -Straße to leave out the briefs Straße finds)"),
        ('NOT place:"Nuevo  León"', 'NOT (write -place:"Nuevo  León" to leave out'),
        ("kia  país:méxico\u0301 x", "país:méxico\u0301 (no field is named país: the fields"),
    ],
)
def test_a_term_looked_for_as_words_is_told_as_typed(typed: str, told: str) -> None:
    # "compañía:ternium" was told as "compania:ternium": the filter is folded as it is read.
    note = read_as_words_note(parse_query(typed))
    assert note is not None and told in note


@pytest.mark.parametrize(
    ("typed", "as_words", "told"),
    [
        ("ternium OR kia", ("OR",), "OR (the filter keeps the briefs holding every word and term"),
        ("NOT kia", ("NOT kia",), "NOT (write -kia to leave out the briefs kia finds)"),
        ("NOT place:tijuana", ("NOT place:tijuana",), "write -place:tijuana to leave out"),
        ("kia NOT", ("NOT",), "NOT (to leave out the briefs a word or term finds, put a minus"),
        ("ternium AND kia", ("AND",), "AND (every word and term must be found already)"),
        ("ternium or kia not", (), None),  # words, as a brief may hold them
        ('place:"OR" org:="AND"', (), None),
    ],
)
def test_the_operators_of_other_searches_are_said_to_be_words_here(
    typed: str, as_words: tuple[str, ...], told: str | None
) -> None:
    # "ternium OR kia" and "NOT kia" found nothing, and the filter did not say why.
    query = parse_query(typed)
    assert query.read_as_words == as_words
    note = read_as_words_note(query)
    assert (note is None) if told is None else (note is not None and told in note)
    assert {term.split()[0].lower() for term in as_words} <= set(query.words)


@pytest.mark.parametrize(
    ("typed", "told"),
    [
        ("org:ternium,kia", "org:ternium,kia is one value; write org:ternium org:kia to ask for"),
        ("-place:tijuana,mexicali", "write -place:tijuana -place:mexicali to ask for each"),
        ("tag:aduana,usmca lang:es", "tag:aduana,usmca is one value; write tag:aduana tag:usmca"),
        ("org:ternium,kia person:a,b", "org:ternium,kia, person:a,b are one value each"),
        # A phrase, a value as its facet writes it, a number, a comma ending a word.
        ('org:"ternium, kia" org:=a,b topic:6,2 org:ternium,', None),
    ],
)
def test_values_listed_with_commas_are_said_to_be_one_value(typed: str, told: str | None) -> None:
    # org:ternium,kia found nothing, and the filter did not say why.
    note = value_lists_note(parse_query(typed), load_corpus(REPO).entries)
    if told is None:
        assert note is None
    else:
        assert note is not None and note.startswith("Commas do not list values: ") and told in note


@pytest.mark.parametrize(
    ("typed", "told"),
    [
        ("org:=ternium,kia", "org:=ternium,kia is one value; write org:=ternium org:=kia to ask"),
        ("-Org:=Ternium,Kia", "-Org:=Ternium,Kia is one value; write -Org:=Ternium -Org:=Kia to"),
        ('place:="tijuana, san luis"', 'write place:=tijuana place:="san luis" to ask for each'),
        ("tag:=aduana,usmca", "tag:=aduana,usmca is one value; write tag:=aduana tag:=usmca"),
        # A value holding a comma that a brief has, as its facet writes it.
        ('place:="pesqueria, n.l."', None),
        ("org:=kia,ternium", None),
        # Values some of which name nothing: not a list, or not of this corpus.
        ("org:=ternium,zzz", None),
        ("place:=tijuana,kia", None),
    ],
)
def test_an_exact_value_with_commas_is_said_to_be_one_value_where_only_its_parts_name_any(
    tmp_path: Path, typed: str, told: str | None
) -> None:
    # org:=ternium,kia found nothing, and the filter did not say why, as org:ternium,kia did.
    briefs = {
        "a.yaml": fields("a", organizations=["Ternium"], places=["Pesqueria, N.L.", "Tijuana"]),
        "b.yaml": fields("b", organizations=["Kia"], places=["San Luis"]),
        "c.yaml": fields("c", organizations=["Kia,Ternium"]),
    }
    entries = load_corpus(make_corpus(tmp_path / "corpus", briefs)).entries
    marks = Marks(tagged={"aduana": {"a"}, "USMCA": {"b"}})
    query = parse_query(typed)
    note = value_lists_note(query, entries, marks)
    if told is None:
        assert note is None
    else:
        assert len(entries.find(query, marks)) == (3 if typed.startswith("-") else 0)
        assert note is not None and note.startswith("Commas do not list values: ") and told in note


@pytest.mark.parametrize(
    ("typed", "told"),
    [
        (
            "org:=Secretaría de Economía lang:en",
            'write org:="Secretaría de Economía" for org:=Secretaría de Economía, which asks for'
            " its first word as the value",
        ),
        (
            "Organization:=secretaria  de economia",
            'write Organization:="secretaria de economia" for',
        ),
        # An operator of other searches ends the value's words: it was not told.
        (
            "org:=Secretaría de Economía OR kia",
            'write org:="Secretaría de Economía" for org:=Secretaría de Economía,',
        ),
        # Quoted, or a first word that is a value itself, or words that make no value with it:
        # nothing to tell.
        ('org:="Secretaría de Economía"', None),
        ("org:=kia plant", None),
        ("org:=secretaría mexicali", None),
        ("-org:=secretaría de economía", None),
    ],
)
def test_an_exact_value_of_several_words_not_in_quotes_is_told_to_be_written_in_them(
    tmp_path: Path, typed: str, told: str | None
) -> None:
    # org:=secretaría de economía found nothing, and said nothing: the value was "secretaría",
    # and "de" and "economía" were words.
    briefs = {
        "a.yaml": fields("a", organizations=["Secretaría de Economía"]),
        "b.yaml": fields("b", organizations=["Kia"]),
    }
    entries = load_corpus(make_corpus(tmp_path / "corpus", briefs)).entries
    note = unquoted_value_note(parse_query(typed), entries)
    if told is None:
        assert note is None
    else:
        assert note is not None and note.startswith("A value in several words is written in")
        assert told in note


@pytest.mark.parametrize(
    "typed", ["lang:=es,en", "-lang:=en,es", 'outlet:="reuters, el imparcial"']
)
def test_an_exact_value_with_commas_of_a_field_a_brief_has_one_of_is_not_told_to_be_asked_for_each(
    tmp_path: Path, typed: str
) -> None:
    # lang:=es,en was told "write lang:=es lang:=en to ask for each", which finds no brief.
    briefs = {
        "a.yaml": fields("a", language="en", outlet="Reuters"),
        "b.yaml": fields("b", language="es", outlet="El Imparcial"),
    }
    entries = load_corpus(make_corpus(tmp_path / "corpus", briefs)).entries
    assert value_lists_note(parse_query(typed), entries) is None


def test_a_term_after_a_minus_is_excluded_a_minus_inside_a_word_is_not() -> None:
    query = parse_query('u.s.-mexico -baja -place:"baja california" - -!')
    assert query.words == ("u.s.-mexico", "-")  # a minus alone is a word, as before
    assert query.excluded == (
        Query(words=("baja",)),
        Query(names=(NameTerm("place", ("baja", "california")),)),
    )
    assert not parse_query("-is:draft").is_empty


@pytest.mark.parametrize(
    ("typed", "quoted"),
    [
        ('"exports grew"', True),
        ('-"exports grew" mexicali', True),
        ('"exports grew', True),  # the closing quote not typed yet
        ('"exports', False),
        ('"', False),
        ('"u.s." "exports"', False),  # one word each: nothing to put in order
        ('place:"baja california" place:="la paz"', False),
        ("exports grew", False),
    ],
)
def test_words_in_quotes_outside_a_field_term_are_told_apart(typed: str, quoted: bool) -> None:
    assert parse_query(typed).quoted_words is quoted


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ('place:"baja lang:es', Query(names=(NameTerm("place", ("baja",)),), languages=("es",))),
        (
            'org:="index -lang:es',
            Query(
                values=(ValueTerm("organization", "index"),), excluded=(Query(languages=("es",)),)
            ),
        ),
        (
            '"exports grew is:unread',
            Query(words=("exports", "grew"), unread=True, quoted_words=True),
        ),
        ('place:"baja california', Query(names=(NameTerm("place", ("baja", "california")),))),
    ],
)
def test_a_quote_left_open_ends_before_the_next_field_term(typed: str, expected: Query) -> None:
    # The phrase ran to the end of the filter: "place:"baja lang:es" looked for a place named
    # "baja lang:es", found none, and did not say why.
    assert parse_query(typed) == expected


@pytest.mark.parametrize(
    ("typed", "unsearched"),
    [
        ("\U0001f680", ("\U0001f680",)),
        ("-€ maquila", ("€",)),
        ('"% exports"', ("%",)),
        ("AT&T 5% t-mec", ()),
        ('place:\U0001f680 -org:"% inegi"', ("\U0001f680", "%")),
    ],
)
def test_words_of_no_letter_or_digit_are_told_as_not_looked_for(
    typed: str, unsearched: tuple[str, ...]
) -> None:
    # A rocket or a euro sign narrowed nothing, and the list showed every brief without a word.
    query = parse_query(typed)
    assert query.unsearched == unsearched
    note = unsearched_note(query)
    if unsearched:
        assert note is not None and all(word in note for word in unsearched)
    else:
        assert note is None


def test_excluding_a_word_leaves_out_the_briefs_it_finds() -> None:
    assert matching("-maquiladora") == matching("") - matching("maquiladora") != set()
    assert matching("mexicali -maquiladora") == matching("mexicali") - matching("maquiladora")


def test_a_query_of_field_terms_alone_is_not_empty() -> None:
    for typed in ("place:x", "lang:es", "date:2024", "is:draft", "is:bookmarked", "is:unread"):
        assert not parse_query(typed).is_empty, typed


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("place:baja", {"mexicali-cce-nearshoring", "mexicali-maquiladora-exports-2024"}),
        ('org:"index zona"', {"index-zona-costa-first-half-report"}),
        ("org:zona place:tijuana", {"index-zona-costa-first-half-report"}),
        ("person:ebrard", {"ebrard-municipal-convoy-los-angeles"}),
        ("lang:es", {"index-zona-costa-first-half-report"}),
    ],
)
def test_field_terms_find_the_shipped_briefs_naming_it(query: str, found: set[str]) -> None:
    assert found <= matching(query)
    assert matching(query) < matching("")


def test_a_nul_in_a_query_is_passed_over() -> None:
    # SQLite ends a query at a NUL; no brief holds one, as text is cleaned as it is read.
    entries = load_corpus(REPO).entries
    found = entries.find(parse_query("ebrard"))
    assert found and entries.find(parse_query("ebr\x00ard place:\x00baja")) == entries.find(
        parse_query("ebrard place:baja")
    )


@pytest.mark.parametrize("name", ["Co\u2034", "\u0149 Corp", "m\u207b2 Holdings", "\ufe58Dash"])
def test_a_facet_value_chosen_finds_the_briefs_it_counted(tmp_path: Path, name: str) -> None:
    root = make_corpus(tmp_path / "corpus", {"a.yaml": fields("a", organizations=[name])})
    entries = load_corpus(root).entries
    [(value, count)] = entries.facets(parse_query(""), "organization")
    assert count == 1
    assert len(entries.find(parse_query(value_term("organization", value)))) == 1


def assert_found_by(tmp_path: Path, summary: str, query: str, found: bool) -> None:
    """Whether a brief with ``summary`` is ``found`` by ``query``; and the reverse with a minus."""
    root = make_corpus(tmp_path / "corpus", {"a.yaml": fields("a", summary=summary)})
    corpus = load_corpus(root)
    assert matching_in(corpus, query) == ({"a"} if found else set())
    assert matching_in(corpus, f"-{query}") == (set() if found else {"a"})


@pytest.mark.parametrize(
    ("summary", "query", "found"),
    [
        # "and" is dropped as a repeat from the words the index keeps, which put "u.s." and
        # "mexico" side by side.
        ("Canada and the U.S. and Mexico signed.", "u.s.-mexico", False),
        ("Output fell in 2023 and rose 6 in 2024.", "6.2", False),
        ("Talks on U.S.-Mexico trade went on.", "u.s.-mexico", True),
        ("Talks on U.S.-Mexico trade went on.", "u.s.-mex", True),
        ("Growth was 6,2% in the year.", "6,2", True),
        ("The T-MEC review and the U.S. talks.", "t-mec", True),
        ("The T-MEC review and the U.S. talks.", "u.s", True),
        ("The T-MEC review and the U.S. talks.", "mec-u.s.", False),
    ],
)
def test_a_word_holding_punctuation_is_found_only_as_one_word(
    tmp_path: Path, summary: str, query: str, found: bool
) -> None:
    assert_found_by(tmp_path, summary, query, found)


@pytest.mark.parametrize(
    ("summary", "query", "found"),
    [
        ("Las exportaciones a EE.UU. crecieron.", "eeuu", True),
        ("Las exportaciones a EE.UU. crecieron.", "eeu", True),
        ("Las exportaciones a (EE.UU.), crecieron.", "eeuu", True),
        ("Las exportaciones a EEUU crecieron.", "ee.uu.", True),
        ("Las exportaciones a EEUU crecieron.", "EE.UU", True),
        ("Plants in San Luis Potosí (S.L.P.) grew.", "slp", True),
        # Spanish often writes a space after each period.
        ("Funcionarios de EE. UU. llegaron.", "eeuu", True),
        ("Funcionarios de EE. UU. llegaron.", "ee.uu.", True),
        ("Funcionarios de EE. UU. llegaron.", "ee.uu", True),
        # Typed as Spanish writes it, with a space after each period.
        ("Funcionarios de EE. UU. llegaron.", "EE. UU.", True),
        ("Las exportaciones a EEUU crecieron.", "EE. UU.", True),
        ("Las exportaciones a EE.UU. crecieron.", "ee. uu. crecieron", True),
        ("Exports to the U.S. grew.", "us", True),
        # Beside other words, in either order (the filter ended the reader).
        ("Las exportaciones a EE.UU. crecieron.", "ee.uu. crecieron", True),
        ("Las exportaciones a EE.UU. crecieron.", "crecieron EE.UU.", True),
        ("Exports to the U.S. market grew.", "u.s. market", True),
        # Only letters written with periods are an abbreviation; other words keep their parts.
        ("Exports grew 6.2 in the U.S.-Mexico trade.", "62", False),
        ("Exports grew in the U.S.-Mexico trade.", "usmexico", False),
        ("Exports grew 6.2 in the year.", "u.s.", False),
    ],
)
def test_an_abbreviation_is_found_with_its_periods_and_without(
    tmp_path: Path, summary: str, query: str, found: bool
) -> None:
    assert_found_by(tmp_path, summary, query, found)


@pytest.mark.parametrize(
    ("summary", "query", "found"),
    [
        ("Kia hará 2.500 empleos en la planta.", "2500", True),
        ("Kia hará 2.500 empleos en la planta.", "2,500", True),
        ("Kia will make 400,000 vehicles a year.", "400000", True),
        ("Kia will make 400,000 vehicles a year.", "400.000", True),
        ("A plan of 1,000,000 dollars.", "1000000", True),
        ("A plan of 1,000,000 dollars.", "1000", True),  # as 1000 finds 1000000
        ("Hiring 1000 workers.", "1,000", True),
        ("Hiring 1000 workers.", "1.000", True),
        ("Exports worth US$1,500 million.", "1500", True),
        ("Sales of 1.500,5 tons.", "1500.5", True),
        ("Sales of 1.500,5 tons.", "1500", True),
        ("Output rose in 2024.", "2024", True),
        ("Output rose in 2024.", "2,024", True),
        # Another number, or a decimal, is not the number.
        ("Kia hará 12.500 empleos.", "2500", False),
        ("Kia hará 2.500 empleos.", "25000", False),
        ("Hiring 1000 workers.", "1,0000", False),
        ("Growth was 6,2% in the year.", "62", False),
        ("Growth was 6,2% in the year.", "6200", False),
        ("Growth was 6.2 percent.", "6,200", False),
        ("A rate of 0,500 percent.", "0500", False),
    ],
)
def test_a_number_is_found_with_its_thousands_set_apart_or_without(
    tmp_path: Path, summary: str, query: str, found: bool
) -> None:
    # 2,500 and 2.500 found "2.500 empleos", 2500 found nothing; nor did 1000 find "1,000".
    assert_found_by(tmp_path, summary, query, found)


@pytest.mark.parametrize(
    ("summary", "query", "found"),
    [
        # The digits after a number's point or comma start no word.
        ("Kia hará 1,800 empleos.", "800", False),
        ("Un crédito de 1.000 millones.", "000", False),
        ("Exports worth US$1,800 million.", "800", False),
        ("Growth was 2,5% in the year.", "5", False),
        # A number typed finds the numbers it starts as typed, as a word does...
        ("Kia hará 1,800 empleos.", "1,8", True),
        ("Growth was 1,85 in the year.", "1,8", True),
        ("Kia hará 2,500 empleos.", "2,5", True),
        ("Kia hará 800,000 empleos.", "800", True),
        ("Kia hará 8000 empleos.", "800", True),
        ("Kia hará 1,800 empleos.", "1", True),
        # ... and the same number written otherwise...
        ("Growth was 1.8 in the year.", "1,8", True),
        ("Growth was 2.5% in the year.", "2,5", True),
        ("Growth was 6,25 in the year.", "6.25", True),
        ("Growth was 1.85 in the year.", "1,8", False),
        ("Kia hará 1.800 empleos.", "1,8", False),
        ("Kia hará 2.500 empleos.", "2,5", False),
        ("Kia hará 1,800 empleos.", "1.8", False),
        ("Growth was 6,25 in the year.", "6.2", False),
        ("Kia hará 2,500 empleos.", "2.5", False),
        # ... with the numbers it starts written so, where none of them is read otherwise:
        # after thousands set apart, after a zero or after four digits.
        ("A plan of 2,500,000 dollars.", "2.500", True),
        ("A plan of 2,500.5 dollars.", "2500", True),
        ("Sales of 1.500,55 tons.", "1,500.5", True),
        ("A rate of 0,500 percent.", "0.5", True),
        ("A rate of 0.500 percent.", "0,5", True),
        ("A rate of 0,55 percent.", "0.5", True),
        ("Sales of 1500,55 tons.", "1500.5", True),
    ],
)
def test_a_number_typed_finds_the_numbers_it_starts_not_by_the_digits_after_their_marks(
    tmp_path: Path, summary: str, query: str, found: bool
) -> None:
    # 800 found a brief saying only 1,800, 000 one saying 1.000, 2,5 one saying 2.500.
    assert_found_by(tmp_path, summary, query, found)


@pytest.mark.parametrize(
    ("summary", "query", "found"),
    [
        ("Invertirá US$2,500 millones.", "us$2.500", True),
        ("Invertirá US$2.500 millones.", "us$2,500", True),
        ("Invertirá US$2,500 millones.", "US$2500", True),
        ("Invertirá (US$2.500 millones).", "us$2,500", True),
        ("Invertirá MXN$2,500 millones.", "mxn$2.500", True),
        ("Invests USD2,500 million.", "usd2.500", True),
        ("Invests USD2500 million.", "usd2,500", True),
        ("Invertirá US$2,5 millones.", "us$2.5", True),
        ("Invertirá US$2,500 millones.", "$2.500", True),
        # As a number alone: its start as typed, the others whole.
        ("Invertirá US$2,500 millones.", "us$2,5", True),
        ("Invertirá US$2,500 millones.", "us$2.5", False),
        ("Invertirá US$25,000 millones.", "us$2500", False),
        ("Invertirá US$12,500 millones.", "us$2.500", False),
        ("Invertirá MXN$2,500 millones.", "us$2.500", False),
    ],
)
def test_a_number_after_letters_in_a_word_is_found_written_either_way(
    tmp_path: Path, summary: str, query: str, found: bool
) -> None:
    # us$2.500 no longer found "US$2,500 millones", nor us$2,500 "US$2.500", as $2.500 did.
    assert_found_by(tmp_path, summary, query, found)


@pytest.mark.parametrize(
    ("term", "found"),
    [
        ("topic:2500", {"a"}),
        ('topic:"2500 empleos"', {"a"}),
        ('topic:"2,500 empleos"', {"a"}),
        ("topic:1,000", {"b"}),
        ('topic:"1.000 empleos"', {"b"}),
        ("topic:25000", set()),
        # Nor is a number's start after its marks.
        ("topic:500", set()),
        ("topic:2,5", set()),
        ("topic:2.5", {"a"}),
        # A decimal after a zero is the start of those written with either mark.
        ("topic:0,5", {"c"}),
        ("topic:0.5", {"c"}),
    ],
)
def test_a_field_term_finds_a_number_with_its_thousands_set_apart_or_without(
    tmp_path: Path, term: str, found: set[str]
) -> None:
    briefs = {
        "a.yaml": fields("a", topics=["2.500 empleos"]),
        "b.yaml": fields("b", topics=["1000 empleos"]),
        "c.yaml": fields("c", topics=["Tasa de 0.500"]),
    }
    root = make_corpus(tmp_path / "corpus", briefs)
    assert matching_in(load_corpus(root), term) == found
    assert matching_in(open_corpus(root, tmp_path / "index"), term) == found


@pytest.mark.parametrize(
    ("term", "found"),
    [
        ('topic:"us$2.500 millones"', {"a"}),
        ("topic:us$2500", {"a"}),
        ("topic:mxn$2.500", {"b"}),
        ("topic:us$25000", set()),
    ],
)
def test_a_field_term_finds_a_number_after_letters_written_either_way(
    tmp_path: Path, term: str, found: set[str]
) -> None:
    briefs = {
        "a.yaml": fields("a", topics=["Inversión de US$2,500 millones"]),
        "b.yaml": fields("b", topics=["Crédito de MXN$2500"]),
    }
    root = make_corpus(tmp_path / "corpus", briefs)
    assert matching_in(load_corpus(root), term) == found
    assert matching_in(open_corpus(root, tmp_path / "index"), term) == found


@pytest.mark.parametrize(
    ("summary", "query", "found"),
    [
        ("Ternium builds a steel complex.", "ternium's", True),
        ("Ternium builds a steel complex.", "Ternium\u2019s", True),
        ("Ternium builds a steel complex.", '"ternium\'s complex"', True),
        ("Mexico exports grew.", "mexico's", True),
        ("Mexico's exports grew.", "mexico's", True),
        ("Mexico's exports grew.", "mexico", True),
        ("Canada exports grew.", "mexico's", False),
    ],
)
def test_a_possessive_typed_is_found_as_the_word_without_it(
    tmp_path: Path, summary: str, query: str, found: bool
) -> None:
    # Ternium's found nothing though four briefs named Ternium.
    assert_found_by(tmp_path, summary, query, found)


@pytest.mark.parametrize(
    "term",
    ["org:ternium's", 'org:"ternium\'s"', 'org:"mexico steel"', 'org:"mexico\'s steel council"'],
)
def test_a_field_term_finds_a_name_with_its_possessive_or_without(
    tmp_path: Path, term: str
) -> None:
    briefs = {
        "a.yaml": fields("a", organizations=["Ternium", "Mexico's Steel Council"]),
        "b.yaml": fields("b", organizations=["Ternium", "Mexico Steel Council"]),
        "other.yaml": fields("other", organizations=["Kia"]),
    }
    root = make_corpus(tmp_path / "corpus", briefs)
    assert matching_in(load_corpus(root), term) == {"a", "b"}
    assert matching_in(open_corpus(root, tmp_path / "index"), term) == {"a", "b"}


@pytest.fixture
def abbreviated(tmp_path: Path) -> Path:
    """Briefs naming places and companies with abbreviations written with periods, with a space
    after each, and without periods, and one naming neither."""
    briefs = {
        "periods.yaml": fields(
            "periods", places=["Pesqueria, N.L."], organizations=["Ternium México, S.A. de C.V."]
        ),
        "plain.yaml": fields(
            "plain", places=["Apodaca, NL"], organizations=["Ternium Mexico SA de CV"]
        ),
        "spaced.yaml": fields("spaced", organizations=["Grupo Alfa, S. A. B. de C. V."]),
        "other.yaml": fields("other", places=["Saltillo"], organizations=["Sabritas"]),
    }
    return make_corpus(tmp_path / "corpus", briefs)


@pytest.mark.parametrize(
    ("term", "found"),
    [
        ("place:nl", {"periods", "plain"}),
        ("place:n.l.", {"periods", "plain"}),
        ("place:n.l", {"periods", "plain"}),  # the last period not typed yet
        ('place:"pesqueria nl"', {"periods"}),
        ('place:"pesqueria, n.l."', {"periods"}),
        ('org:"sa de cv"', {"periods", "plain", "spaced"}),  # sa starts sab
        ('org:"s.a. de c.v."', {"periods", "plain"}),
        ('org:"s. a. de c. v."', {"periods", "plain"}),
        ("org:s.a.", {"periods", "plain", "spaced"}),  # as the word s.a. finds s.a.b.
        ("org:sa", {"periods", "plain", "spaced", "other"}),
        ('org:"s.a.b. de c.v."', {"spaced"}),
        ('org:"sab de cv"', {"spaced"}),
        ("-place:nl", {"spaced", "other"}),
    ],
)
def test_a_field_term_finds_an_abbreviation_with_its_periods_and_without(
    abbreviated: Path, tmp_path: Path, term: str, found: set[str]
) -> None:
    # place:nl missed "Pesqueria, N.L.", and org:"sa de cv" missed "S.A. de C.V.", though the
    # words nl and "sa de cv" found them.
    assert matching_in(load_corpus(abbreviated), term) == found
    assert matching_in(open_corpus(abbreviated, tmp_path / "index"), term) == found


@pytest.fixture
def two_languages(tmp_path: Path) -> Corpus:
    """A brief in Spanish and one in English naming the same country and ministry, each in its
    own language, and one naming a place the gazetteer does not know."""
    briefs = {
        "es.yaml": fields(
            "es", places=["Estados Unidos"], organizations=["Secretaría de Economía"]
        ),
        "en.yaml": fields("en", places=["United States"], organizations=["Ministry of Economy"]),
        "other.yaml": fields("other", places=["San Telmo"]),
    }
    return load_corpus(make_corpus(tmp_path / "corpus", briefs))


@pytest.mark.parametrize(
    "term",
    [
        'place:"united states"',
        "place:estados",
        'place:"estados unidos"',
        "place:eeuu",
        'place:="estados unidos"',
        'place:="united states"',
        "org:economia",
        "org:ministry",
        "org:=se",
        'org:="ministry of economy"',
    ],
)
def test_a_name_known_in_either_language_is_found_by_a_term_in_either(
    two_languages: Corpus, term: str
) -> None:
    assert matching_in(two_languages, term) == {"es", "en"}


@pytest.mark.parametrize(
    ("words", "found"),
    [
        ("nearshoring", {"es", "en"}),  # listed as "relocalización" and "relocation projects"
        ("relocalizacion", {"es", "en"}),
        ("t-mec", {"es"}),  # listed as USMCA
        ("tmec", {"es"}),
        ("cusma", {"es"}),
        ("usmca nearshoring", {"es"}),
        ("-nearshoring", {"other"}),
        ("secretaria economia", {"en"}),  # listed as SE
    ],
)
def test_a_word_finds_a_known_name_written_in_any_of_its_ways(
    tmp_path: Path, words: str, found: set[str]
) -> None:
    # The facets counted both briefs under nearshoring, and topic:nearshoring found both, but
    # the word nearshoring found neither: no brief holds the word itself.
    briefs = {
        "es.yaml": fields("es", topics=["relocalización", "USMCA"]),
        "en.yaml": fields("en", topics=["relocation projects"], organizations=["SE"]),
        "other.yaml": fields("other", topics=["logistics"]),
    }
    root = make_corpus(tmp_path / "corpus", briefs)
    assert matching_in(load_corpus(root), words) == found
    assert matching_in(open_corpus(root, tmp_path / "index"), words) == found


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("exportaciones", {"exports"}),  # "maquiladora exports" holds exports
        ("topic:exportaciones", {"exports"}),
        ('topic:"industria maquiladora"', {"exports"}),  # ... and the maquiladora industry
        ("maquiladoras", {"exports"}),
        ("topic:inversion", {"fdi", "promotion"}),  # both hold investment
        ("inversion", {"fdi", "promotion"}),
        ("-topic:exportaciones", {"fdi", "promotion", "state"}),
        # A place or an organization is not read for the names within it: a state's ministry
        # of economy is not the federal one (SE), whose ways of writing it are these.
        ('org:"ministry of economy"', set()),
        ("ministry", set()),
    ],
)
def test_a_topic_is_found_by_the_known_topics_within_its_words(
    tmp_path: Path, query: str, found: set[str]
) -> None:
    # An analyst reading Spanish looked for exportaciones and did not find the brief whose
    # topic is "maquiladora exports", though exportaciones is how the gazetteer writes exports.
    briefs = {
        "exports.yaml": fields("exports", topics=["maquiladora exports"]),
        "fdi.yaml": fields("fdi", topics=["foreign direct investment"]),
        "promotion.yaml": fields("promotion", topics=["investment promotion"]),
        "state.yaml": fields("state", organizations=["Secretaría de Economía de Baja California"]),
    }
    root = make_corpus(tmp_path / "corpus", briefs)
    assert matching_in(load_corpus(root), query) == found
    assert matching_in(open_corpus(root, tmp_path / "index"), query) == found


@pytest.mark.parametrize(
    ("query", "found"),
    [
        # Written "City, State", a place is in the state the gazetteer knows by any name.
        ("place:nl", {"pesqueria", "listed"}),
        ("nl", {"pesqueria", "listed"}),
        ('place:"nuevo leon"', {"pesqueria", "listed"}),
        ("place:edomex", {"toluca"}),
        # The value stays what it is: it is counted, and found exactly, as written.
        ("place:=mexico", set()),
        ('place:="nuevo leon"', {"listed"}),
    ],
)
def test_a_place_written_with_its_state_is_found_by_the_states_other_names(
    tmp_path: Path, query: str, found: set[str]
) -> None:
    # place:"nuevo leon" found a brief listing "Pesqueria, Nuevo Leon", place:nl did not.
    briefs = {
        "pesqueria.yaml": fields("pesqueria", places=["Pesqueria, Nuevo Leon"]),
        "listed.yaml": fields("listed", places=["Nuevo León"]),
        "saltillo.yaml": fields("saltillo", places=["Saltillo, Coahuila, México"]),
        "toluca.yaml": fields("toluca", places=["Toluca, Estado de México"]),
        "albuquerque.yaml": fields("albuquerque", places=["Albuquerque, New Mexico"]),
    }
    root = make_corpus(tmp_path / "corpus", briefs)
    assert matching_in(load_corpus(root), query) == found
    assert matching_in(open_corpus(root, tmp_path / "index"), query) == found


@pytest.mark.parametrize(
    "term", ['place:"states estados"', 'place:"unidos ee"', 'org:"se secretaria"']
)
def test_a_phrase_across_two_ways_of_writing_a_known_name_finds_nothing(
    two_languages: Corpus, term: str
) -> None:
    # The ways of writing a name are kept side by side for the index: a phrase ran from the end
    # of one into the start of the next.
    assert matching_in(two_languages, term) == set()


def test_a_name_known_in_either_language_is_counted_once_under_its_gazetteer_name(
    two_languages: Corpus,
) -> None:
    entries = two_languages.entries
    assert entries.facets(parse_query(""), "place") == [("United States", 2), ("San Telmo", 1)]
    assert entries.facets(parse_query(""), "organization") == [("SE", 2)]
    # The brief itself keeps its names as written.
    (spanish,) = [brief for brief in two_languages.briefs if brief.id == "es"]
    assert spanish.places == ("Estados Unidos",)


def test_a_briefs_place_eu_is_read_by_the_briefs_language(tmp_path: Path) -> None:
    # The Mexican press writes "EU" for the United States: a Spanish brief listing it was
    # counted apart, and found by no term for the United States.
    briefs = {
        "es.yaml": fields("es", language="es", title_en="Exports", places=["EU", "Nuevo León"]),
        "us.yaml": fields("us", places=["United States"]),
        "en.yaml": fields("en", places=["E.U."]),
    }
    corpus = load_corpus(make_corpus(tmp_path / "corpus", briefs))
    assert not [p for p in corpus.all_problems if p.severity == "error"]
    assert corpus.entries.facets(parse_query(""), "place") == [
        ("United States", 2),
        ("European Union", 1),
        ("Nuevo León", 1),
    ]
    assert matching_in(corpus, 'place:="united states"') == {"es", "us"}
    assert matching_in(corpus, "place:eeuu") == {"es", "us"}
    assert matching_in(corpus, 'place:"european union"') == {"en"}


def test_a_place_term_for_eu_finding_nothing_says_what_to_write_for_each_place_it_is(
    tmp_path: Path,
) -> None:
    # place:=eu found nothing, a Spanish brief's "EU" being the United States, and said nothing.
    briefs = {
        "es.yaml": fields("es", language="es", title_en="Exports", places=["EU"]),
        "en.yaml": fields("en", places=["European Union"]),
    }
    corpus = load_corpus(make_corpus(tmp_path / "corpus", briefs))
    entries = corpus.entries
    exact = 'write place:="united states" or place:="european union"'
    for typed in ("place:=eu", "place:=E.U.", 'place:="e. u."'):
        assert matching_in(corpus, typed) == set()
        note = read_by_language_note(parse_query(typed), entries)
        assert note is not None and note.endswith(exact), typed
    assert matching_in(corpus, 'place:="united states"') == {"es"}
    assert matching_in(corpus, 'place:="european union"') == {"en"}


def test_a_place_term_for_eu_is_told_only_where_it_finds_nothing_itself(tmp_path: Path) -> None:
    briefs = {
        "fr.yaml": fields("fr", language="fr", title_en="Exports", places=["EU"]),
        "mx.yaml": fields("mx", places=["Mexico"]),
    }
    corpus = load_corpus(make_corpus(tmp_path / "corpus", briefs))
    entries = corpus.entries
    # A brief in a language reading "EU" as no other place lists it as written.
    assert matching_in(corpus, "place:=eu") == {"fr"}
    assert read_by_language_note(parse_query("place:=eu"), entries) is None
    # Another term leaving the list empty is no reason to write this one otherwise.
    assert matching_in(corpus, "place:=eu lang:es") == set()
    assert read_by_language_note(parse_query("place:=eu lang:es"), entries) is None
    # Nor is a place written otherwise.
    assert read_by_language_note(parse_query("place:=tijuana"), entries) is None
    # A term of words is told as such.
    without = load_corpus(make_corpus(tmp_path / "other", {"mx.yaml": fields("mx")})).entries
    note = read_by_language_note(parse_query("place:eu"), without)
    assert note is not None
    assert note.endswith('write place:"united states" or place:"european union"')


@pytest.fixture
def one_company(tmp_path: Path) -> Corpus:
    """Briefs naming one company in four ways, and one naming Kia after its country's branch."""
    briefs = {
        "plain.yaml": fields("plain", organizations=["Ternium", "Kia"]),
        "sa.yaml": fields("sa", organizations=["Ternium S.A."]),
        "cv.yaml": fields("cv", organizations=["Ternium Mexico SA de CV", "KIA"]),
        "es.yaml": fields(
            "es", organizations=["Ternium México, S.A. de C.V.", "Kia Motors México"]
        ),
        "other.yaml": fields("other", organizations=["Tenaris"]),
    }
    return load_corpus(make_corpus(tmp_path / "corpus", briefs))


def test_a_companys_legal_form_and_country_do_not_split_it(one_company: Corpus) -> None:
    # Each spelling was a value of its own, and org:=ternium found the brief listing "Ternium".
    assert one_company.entries.facets(parse_query(""), "organization") == [
        ("Ternium", 4),
        ("Kia", 3),  # "Kia Motors" is the gazetteer's Kia
        ("Tenaris", 1),
    ]
    every = {"plain", "sa", "cv", "es"}
    assert matching_in(one_company, "org:=ternium") == every
    assert matching_in(one_company, 'org:="ternium méxico, s.a. de c.v."') == every
    assert matching_in(one_company, "org:=kia") == {"plain", "cv", "es"}
    # The name keeps the words the brief writes it with for a term's words.
    assert matching_in(one_company, 'org:"ternium mexico"') == {"cv", "es"}


@pytest.mark.parametrize(
    ("names", "counted"),
    [
        (
            ["Autopartes del Norte S. de R.L. de C.V.", "Autopartes del Norte"],
            [("Autopartes del Norte", 2)],
        ),
        (
            ["Luxshare Precision Industry Co., Ltd.", "Luxshare Precision Industry"],
            [("Luxshare Precision Industry", 2)],
        ),
        (["Corvane Electronics LLC", "Corvane Electronics Inc."], [("Corvane Electronics", 2)]),
        # What is left must be a name: a word naming a kind of organization is not one.
        (
            ["Grupo México", "Grupo México S.A.B. de C.V.", "Grupo"],
            [("Grupo México", 2), ("Grupo", 1)],
        ),
        (["S.A. de C.V.", "Ternium S.A."], [("S.A. de C.V.", 1), ("Ternium", 1)]),
        # A country after "de", "of" or "New" is part of the name; so is all the gazetteer knows.
        (["Banco de México S.A.", "Banco"], [("Banco", 1), ("Banxico", 1)]),
        (
            ["Bank of New Mexico Inc.", "Bank of New Mexico", "Bank of New"],
            [("Bank of New Mexico", 2), ("Bank of New", 1)],
        ),
    ],
)
def test_a_company_is_one_value_but_no_less_than_its_name(
    tmp_path: Path, names: list[str], counted: list[tuple[str, int]]
) -> None:
    briefs = {
        f"b{number}.yaml": fields(f"b{number}", organizations=[name])
        for number, name in enumerate(names)
    }
    entries = load_corpus(make_corpus(tmp_path / "corpus", briefs)).entries
    assert entries.facets(parse_query(""), "organization") == counted


def test_a_place_is_not_read_as_a_company(tmp_path: Path) -> None:
    briefs = {
        "a.yaml": fields("a", places=["Laredo, USA"], organizations=["Laredo, USA"]),
        "b.yaml": fields("b", places=["Laredo"], organizations=["Laredo"]),
    }
    entries = load_corpus(make_corpus(tmp_path / "corpus", briefs)).entries
    assert entries.facets(parse_query(""), "organization") == [("Laredo", 2)]
    assert entries.facets(parse_query(""), "place") == [("Laredo", 1), ("Laredo, USA", 1)]


@pytest.mark.parametrize(
    ("typed", "short"),
    [
        ("organization:index", "org:index"),
        ("Organizations:=INEGI", "org:=inegi"),
        ('people:"marcelo ebrard"', 'person:"marcelo ebrard"'),
        ("-language:es", "-lang:es"),
        ("languages:=es", "lang:=es"),
        ("tags:aduana", "tag:aduana"),
        ("places:baja topics:near", "place:baja topic:near"),
    ],
)
def test_a_field_may_be_named_in_full_as_the_facets_name_it(typed: str, short: str) -> None:
    assert parse_query(typed) == parse_query(short)
    assert not parse_query(typed).words


def test_a_field_named_in_full_finds_what_its_short_name_finds() -> None:
    assert matching("organization:index") == matching("org:index") != set()
    assert matching("language:es") == matching("lang:es") != set()


def test_letters_whose_mark_is_part_of_them_are_found_without_it(tmp_path: Path) -> None:
    summary = "Talks in Łódź and on the Øresund bridge; Cœur Industries joins."
    root = make_corpus(
        tmp_path / "corpus", {"a.yaml": fields("a", summary=summary, places=["Łódź"])}
    )
    corpus = load_corpus(root)
    for query in ("lodz", "oresund", "coeur", "place:lodz", "place:=lodz", "ŁÓDŹ"):
        assert matching_in(corpus, query) == {"a"}, query


@pytest.mark.parametrize("typed", ["&", "- &", "place:", "&  ·"])
def test_a_filter_that_narrows_nothing_lists_every_file_as_an_empty_one_does(
    tmp_path: Path, typed: str
) -> None:
    root = make_corpus(
        tmp_path / "corpus", {"a.yaml": fields("a"), "broken.yaml": "id: broken\ntitle: [\n"}
    )
    entries = load_corpus(root).entries
    assert entries.find(parse_query(typed)) == entries.find(parse_query("")) == [0, 1]


def test_a_filter_is_held_as_typed_to_the_end_of_its_last_term_held() -> None:
    held = " ".join(["Querétaro"] * (MAX_TERMS - 1) + ['place:"Nuevo León"'])
    assert terms_held(f"{held}  EE. UU. más") == held
    assert terms_held(f"{held}  ") == f"{held}  "  # no term left out: as it was


@pytest.mark.parametrize(
    ("typed", "left_out"),
    [
        ("place:", ("place:",)),
        ('org:= Org:"" -tag: kia', ("org:=", 'Org:""', "-tag:")),
        ("after: plant", ("after:",)),
        ("place:tijuana org:=kia tag:usmca", ()),
    ],
)
def test_a_field_term_with_nothing_after_its_colon_is_left_out_and_told(
    typed: str, left_out: tuple[str, ...]
) -> None:
    query = parse_query(typed)
    rest = " ".join(word for word in typed.split() if word not in left_out)
    # It narrows nothing, as while it is being typed: the rest of the filter is what finds.
    assert query._replace(without_value=()) == parse_query(rest)
    assert query.without_value == left_out
    note = without_value_note(query)
    if not left_out:
        assert note is None
    else:
        assert note is not None and note.startswith(f"Left out, having no value: {left_out[0]}")
