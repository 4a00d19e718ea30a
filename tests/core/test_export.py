"""The Markdown briefing: its structure as a parser reads it, escaping, and writing it safely."""

from __future__ import annotations

import errno
import html
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.kit.corpus import ARTICLE, PAGE, draft_corpus, fields, make_corpus, page_brief
from tests.kit.markdown import OWN_BLOCKS, PARSER, read
from tui.core import atomic
from tui.core.annotations import Annotation
from tui.core.export import (
    ExportError,
    ExportExistsError,
    escape,
    markdown_parts,
    render_markdown,
    write_export,
)
from tui.core.model import Brief
from tui.core.store import load_corpus

# The source line under each quote: "— seeds/x.txt, line 4" or "lines 4–6".
SOURCE_LINE = re.compile(r"^— (seeds/\S+), lines? (\d+)(?:–(\d+))?$")


def flat(text: str) -> str:
    return " ".join(text.split())


def documented_fold(text: str) -> str:
    marks = str.maketrans("\u201c\u201d\u2018\u2019\u2013\u2014", "\"\"''--")
    return flat(text.translate(marks))


def expected_heading(brief: Brief) -> str:
    if brief.title_en and brief.title_en != brief.title:
        return f"{flat(brief.title)} ({flat(brief.title_en)})"
    return flat(brief.title)


def test_one_title_and_one_section_per_brief_in_the_order_given(corpus_dir: Path) -> None:
    corpus = load_corpus(corpus_dir)
    entries = list(reversed(corpus.loaded))
    document = read(render_markdown(corpus, entries, "all"))
    assert len(document.titles) == 1
    headings = [expected_heading(e.brief) for e in entries if e.brief]
    assert [s.heading for s in document.sections] == headings


def test_every_fact_is_listed_with_its_quote_as_a_block_quote(corpus_dir: Path) -> None:
    corpus = load_corpus(corpus_dir)
    document = read(render_markdown(corpus, corpus.loaded, "all"))
    for brief, section in zip(corpus.briefs, document.sections, strict=True):
        for number, fact in enumerate(brief.key_facts, 1):
            kind = f" ({fact.kind})" if fact.kind else ""
            assert f"{number}. {flat(fact.fact)}{kind}" in section.plain
        # Each fact gives two quoted paragraphs: the quote, then where it comes from.
        quoted = section.quoted
        assert quoted[0::2] == [flat(f.quote) for f in brief.key_facts]
        assert all(SOURCE_LINE.match(line) for line in quoted[1::2]), quoted[1::2]


def test_quotes_cite_the_lines_of_the_article_they_stand_on(corpus_dir: Path) -> None:
    corpus = load_corpus(corpus_dir)
    document = read(render_markdown(corpus, corpus.loaded, "all"))
    checked = 0
    for brief, section in zip(corpus.briefs, document.sections, strict=True):
        lines = (corpus_dir / brief.source_path).read_text(encoding="utf-8").splitlines()
        for quote, source in zip(section.quoted[0::2], section.quoted[1::2], strict=True):
            match = SOURCE_LINE.match(source)
            assert match is not None and match.group(1) == brief.source_path
            first = int(match.group(2))
            last = int(match.group(3) or first)
            needle = documented_fold(quote)
            # The quote lies within the cited lines, and in no narrower range of them.
            assert needle in documented_fold(" ".join(lines[first - 1 : last]))
            if last > first:
                assert needle not in documented_fold(" ".join(lines[first:last]))
                assert needle not in documented_fold(" ".join(lines[first - 1 : last - 1]))
            checked += 1
    assert checked == sum(len(b.key_facts) for b in corpus.briefs)


def test_the_same_selection_gives_the_same_bytes(corpus_dir: Path) -> None:
    first = render_markdown(load_corpus(corpus_dir), load_corpus(corpus_dir).loaded, "all")
    again = load_corpus(corpus_dir)
    assert render_markdown(again, again.loaded, "all").encode() == first.encode()


def test_a_quote_not_found_is_said_so_in_the_export(tmp_path: Path) -> None:
    facts = [{"fact": "Closing.", "quote": "the plant will close"}]
    corpus = load_corpus(make_corpus(tmp_path / "c", {"sample.yaml": fields(key_facts=facts)}))
    (section,) = read(render_markdown(corpus, corpus.loaded, "all")).sections
    assert section.quoted == [
        "the plant will close",
        "— seeds/article.txt, quote not found in the article",
    ]


def test_a_quote_of_the_page_around_the_article_is_said_so_in_the_export(tmp_path: Path) -> None:
    # A colleague took the cited line for the article's.
    facts = [
        {"fact": "The plant will add 240 workers.", "quote": "night shift of 240 workers"},
        {"fact": "A warehouse opens.", "quote": "a warehouse opens"},
    ]
    briefs = {"sample.yaml": page_brief(key_facts=facts)}
    corpus = load_corpus(make_corpus(tmp_path / "c", briefs, {"page.txt": PAGE}))
    (section,) = read(render_markdown(corpus, corpus.loaded, "all")).sections
    assert section.quoted == [
        "night shift of 240 workers",
        "— seeds/page.txt, line 5",
        "a warehouse opens",
        "— seeds/page.txt, line 9, on the web page around the article, not in the article",
    ]


def test_a_brief_whose_article_is_missing_says_so_for_each_fact(tmp_path: Path) -> None:
    # Each fact's source line said its quote was not found in an article there was none of.
    corpus = load_corpus(
        make_corpus(tmp_path / "c", {"sample.yaml": fields(source="009_missing.txt")})
    )
    (section,) = read(render_markdown(corpus, corpus.loaded, "all")).sections
    assert section.quoted == [
        "night shift of 240 workers",
        "— seeds/009_missing.txt, not checked: the article could not be read",
    ]


def test_a_brief_without_a_date_is_said_undated_in_the_briefing(tmp_path: Path) -> None:
    # The line under its heading gave no date and no word of its lack, where the reader's list
    # says "undated".
    root = make_corpus(
        tmp_path / "c",
        {"dated.yaml": fields("dated", published="2025-01-14"), "undated.yaml": fields("undated")},
    )
    corpus = load_corpus(root)
    sections = {
        s.heading: s.plain for s in read(render_markdown(corpus, corpus.loaded, "all")).sections
    }
    assert sections["Plant adds shift (undated)"][0] == "undated · en · seeds/article.txt"
    assert sections["Plant adds shift (dated)"][0] == "2025-01-14 · en · seeds/article.txt"


def test_names_holding_a_comma_are_told_apart_in_the_briefing(tmp_path: Path) -> None:
    # "Saltillo, Pesqueria, N.L., United States" read as four places, or five.
    places = ["Saltillo", "Pesqueria, N.L.", "United States"]
    organizations = ["Kia", "Ternium"]
    brief = fields("names", places=places, organizations=organizations)
    root = make_corpus(tmp_path / "c", {"names.yaml": brief})
    corpus = load_corpus(root)
    (section,) = read(render_markdown(corpus, corpus.loaded, "all")).sections
    assert "Places: Saltillo; Pesqueria, N.L.; United States" in section.plain
    assert "Organizations: Kia, Ternium" in section.plain  # commas while no name holds one


def test_an_error_in_a_fact_names_it_by_the_number_the_briefing_gives_it(tmp_path: Path) -> None:
    # Listed as "key_facts[1].quote", counted from 0, above facts numbered from 1: a colleague
    # looked at the first fact for the second's fault.
    facts = [
        {"fact": "A shift.", "quote": "will add a night shift"},
        {"fact": "Closing.", "quote": "the plant will close"},
    ]
    corpus = load_corpus(make_corpus(tmp_path / "c", {"sample.yaml": fields(key_facts=facts)}))
    (section,) = read(render_markdown(corpus, corpus.loaded, "all")).sections
    (listed,) = [line for line in section.plain if "not found" in line]
    assert listed.startswith("fact 2, quote: ")
    assert "2. Closing." in section.plain


def test_a_brief_whose_file_has_errors_says_so_with_them_before_its_summary(
    tmp_path: Path,
) -> None:
    # Exported with no word: the date dropped, the language printed as it was mistyped.
    root = make_corpus(
        tmp_path / "c",
        {
            "sound.yaml": fields("sound"),
            "mistyped.yaml": fields("mistyped", language="english", published="03/04/2021"),
        },
    )
    corpus = load_corpus(root)
    with_errors: list[str] = []
    markdown = render_markdown(corpus, corpus.loaded, "all", with_errors=with_errors)
    assert with_errors == ["mistyped"]
    sections = {section.heading: section.plain for section in read(markdown).sections}
    mistyped = sections["Plant adds shift (mistyped)"]
    said = mistyped.index("Errors in the brief file (2): some of what follows may be wrong.")
    listed = [line for line in mistyped if line.startswith("language: ")]
    assert listed and "english" in listed[0] and "ISO 639-1" in listed[0]
    assert any(line.startswith("published: ") for line in mistyped)
    assert said < mistyped.index("A plant in Tijuana will add a night shift.")
    sound = sections["Plant adds shift (sound)"]
    assert not any("Errors in the brief file" in line for line in sound)


def test_a_brief_s_errors_say_what_is_wrong_without_the_advice_meant_for_its_author(
    tmp_path: Path,
) -> None:
    # Listed as validation tells the brief's author, with advice on editing the file that a
    # colleague reading the briefing cannot act on: "set it to sample", "write it in small
    # letters", "give a day it has", "copy the article's wording into the quote".
    facts = [{"fact": "The plant will add 420 workers.", "quote": "a night shift of 420 workers"}]
    brief = fields("other", language="EN", published="2025-02-30", key_facts=facts)
    corpus = load_corpus(make_corpus(tmp_path / "c", {"sample.yaml": brief}))
    (section,) = read(render_markdown(corpus, corpus.loaded, "all")).sections
    said = section.plain.index("Errors in the brief file (4): some of what follows may be wrong.")
    identity, language, quote, published = section.plain[said + 1 : said + 5]
    assert identity == "id: must equal the file name"
    assert language == "language: 'EN' is not an ISO 639-1 code such as en or es"
    assert re.fullmatch(
        r"fact 1, quote: differs in a number from the passage closest to it \(fuzzy, score"
        r' (9\d|100) of 100\): the article has "240" where the quote has "420", so the quote is'
        r" not taken as found",
        quote,
    ), quote
    assert published == "published: '2025-02-30': February 2025 has no day 30"


def test_a_draft_and_its_facts_not_yet_reviewed_or_in_english_say_so(tmp_path: Path) -> None:
    # Exported, a draft read as a finished brief: nothing told a colleague its facts were
    # unchecked.
    corpus = load_corpus(draft_corpus(tmp_path / "c"))
    (section,) = read(render_markdown(corpus, corpus.loaded, "all")).sections
    text = section.plain
    assert text[1].startswith("Draft: drafted from the article and not yet finished")
    facts = [line for line in text if line[:2] in ("1.", "2.", "3.")]
    assert facts == [
        "1. Exports from Tijuana grew 8% in 2024. (figure) · unreviewed",
        "2. The council will open an office in Texas. · unreviewed",
        "3. Some 300 firms joined the council. (figure)",
    ]
    spanish = fields(
        language="es",
        status="draft",
        key_facts=[
            {"fact": "Las exportaciones crecieron.", "quote": "Exports rose", "needs_english": True}
        ],
    )
    corpus = load_corpus(make_corpus(tmp_path / "es", {"sample.yaml": spanish}))
    (section,) = read(render_markdown(corpus, corpus.loaded, "all")).sections
    assert "1. Las exportaciones crecieron. · needs English" in section.plain


def test_a_drifted_quote_is_exported_in_the_article_s_own_wording(tmp_path: Path) -> None:
    facts = [
        {"fact": "The plant will add 240 workers.", "quote": "night shift of 240 workers"},
        {"fact": "Laura Ibáñez manages it.", "quote": "said the mnager, Laura Ibáñez"},
        {"fact": "Orders doubled.", "quote": "orders from texas doubled"},
    ]
    corpus = load_corpus(make_corpus(tmp_path / "c", {"sample.yaml": fields(key_facts=facts)}))
    exact, slipped, lower_case = corpus.briefs[0].key_facts
    assert (exact.anchor, slipped.anchor, lower_case.anchor) == ("exact", "fuzzy", "loose")
    (section,) = read(render_markdown(corpus, corpus.loaded, "all")).sections
    assert section.quoted == [
        "night shift of 240 workers",
        "— seeds/article.txt, line 3",
        "said the manager, Laura Ibáñez",
        f"— seeds/article.txt, line 4, matched fuzzily ({slipped.score})",
        "Orders from Texas doubled",
        "— seeds/article.txt, line 4, matched loosely",
    ]
    assert "mnager" not in render_markdown(corpus, corpus.loaded, "all")


def test_a_quote_differing_from_the_article_in_a_number_is_exported_as_not_found(
    tmp_path: Path,
) -> None:
    # Close enough to the article's sentence to pass for a slip, but for its figure: the export
    # must not put the article's wording, with another figure, under the fact.
    facts = [{"fact": "The plant will add 420 workers.", "quote": "a night shift of 420 workers"}]
    corpus = load_corpus(make_corpus(tmp_path / "c", {"sample.yaml": fields(key_facts=facts)}))
    assert corpus.briefs[0].key_facts[0].anchor == "missing"
    markdown = render_markdown(corpus, corpus.loaded, "all")
    (section,) = read(markdown).sections
    assert section.quoted == [
        "a night shift of 420 workers",
        "— seeds/article.txt, quote not found in the article",
    ]
    assert "matched fuzzily" not in markdown
    # Its error is listed with the brief's others: the article's figure is named there only.
    assert any("differs in a number" in line and '"240"' in line for line in section.plain), (
        section.plain
    )


def test_a_drifted_quote_spanning_lines_is_exported_on_one_line(tmp_path: Path) -> None:
    article = "Exports grew in the first half of the year, and the associ-\nation said so.\n"
    facts = [{"fact": "The association said so.", "quote": "and the association said so"}]
    root = make_corpus(
        tmp_path / "c", {"sample.yaml": fields(key_facts=facts)}, {"article.txt": article}
    )
    corpus = load_corpus(root)
    assert corpus.briefs[0].key_facts[0].anchor == "fuzzy"
    (section,) = read(render_markdown(corpus, corpus.loaded, "all")).sections
    assert section.quoted[0] == "and the associ- ation said so"
    assert section.quoted[1].startswith("— seeds/article.txt, lines 1–2, matched fuzzily (")


HOSTILE_TEXT = [
    "# Not a heading",
    "## Nor this ##",
    "Title ending in hashes ##",
    "> not a quote",
    "- not a list",
    "1. not a list either",
    "2) nor this",
    "+ nor this",
    "=== not a setext underline",
    "--- not a rule",
    "a `code` span",
    "```fenced```",
    "~~~ tilde fence",
    "<script>alert(1)</script>",
    "<b>bold</b> &amp; &#35; entity",
    "[link](x) and ![image](y.png) and <http://example.com>",
    "[ref]: http://example.com",
    "*emphasis* and **strong** and _under_ and ~~strike~~",
    "snake_case_words and __dunder__ and a_*b*_c and x_ _y",
    "!important and ![image] and !\\[not one]",
    "a | table | row",
    "trailing backslash \\",
    "    indented code",
    "tab\tseparated",
]


def test_a_file_name_or_tag_with_underscores_needs_no_backslash(tmp_path: Path) -> None:
    # A colleague may read the briefing as plain text: "seeds/001\\_c8c9.txt" read badly.
    brief = fields(source="report_2024_q1.txt", places=["nuevo_león"])
    root = make_corpus(tmp_path / "c", {"sample.yaml": brief}, {"report_2024_q1.txt": "Text.\n"})
    corpus = load_corpus(root)
    markdown = render_markdown(corpus, corpus.loaded, "all")
    assert "seeds/report_2024_q1.txt" in markdown and "nuevo_león" in markdown
    assert "\\_" not in markdown


@pytest.mark.parametrize(
    ("author", "shown"),
    [("Jane Doe", "by Jane Doe"), ("By Jane Doe", "By Jane Doe"), ("Por Ana Ruiz", "Por Ana Ruiz")],
)
def test_the_author_is_shown_after_by_once(tmp_path: Path, author: str, shown: str) -> None:
    corpus = load_corpus(make_corpus(tmp_path / "c", {"sample.yaml": fields(author=author)}))
    (section,) = read(render_markdown(corpus, corpus.loaded, "all")).sections
    assert f"{shown} · undated · en · seeds/article.txt" in section.plain


def test_a_date_the_article_does_not_print_is_said_to_be_inferred(tmp_path: Path) -> None:
    # The note saying how the date was worked out came below the meta line, which gave the
    # date as firmly as a printed one: a colleague building a timeline took it as printed.
    note = "The article prints no date; the year is inferred from the plan it reports."
    briefs = {
        "inferred.yaml": fields("inferred", published="2023-10-17", date_note=note),
        "printed.yaml": fields("printed", published="2024-03-05"),
    }
    root = make_corpus(tmp_path / "c", briefs, {"article.txt": ARTICLE})
    corpus = load_corpus(root)
    document = read(render_markdown(corpus, corpus.loaded, "all"))
    inferred, printed = sorted(document.sections, key=lambda section: section.heading)
    assert "undated" not in inferred.plain
    assert "2023-10-17 (inferred) · en · seeds/article.txt" in inferred.plain
    assert f"Date: {note}" in inferred.plain
    assert "2024-03-05 · en · seeds/article.txt" in printed.plain
    assert "inferred" not in printed.plain


@pytest.mark.parametrize("text", HOSTILE_TEXT)
def test_markdown_in_brief_text_stays_text(tmp_path: Path, text: str) -> None:
    article = f"The article quotes {text} verbatim.\n"
    brief = fields(
        title=text,
        title_en=text + " (en)",
        summary=text,
        date_note=text,
        outlet=text,
        author=text,
        places=[text],
        key_facts=[{"fact": text, "quote": text, "kind": "context"}],
    )
    root = make_corpus(tmp_path / "c", {"sample.yaml": brief}, {"article.txt": article})
    corpus = load_corpus(root)
    assert [p for p in corpus.all_problems if p.severity == "error"] == []
    document = read(render_markdown(corpus, corpus.loaded, text))
    (section,) = document.sections
    shown = flat(text)
    assert section.heading == f"{shown} ({shown} (en))"
    assert section.heading_kinds == {"text"}
    # Each field reads back exactly as written: no character was taken as markup.
    assert f"1. {shown} (context)" in section.plain
    assert shown in section.plain  # the summary
    # the outlet, which starts the meta line, and the author
    assert f"{shown} · by {shown} · undated · en · seeds/article.txt" in section.plain
    assert f"Date: {shown}" in section.plain
    assert f"Places: {shown}" in section.plain
    assert section.quoted[0] == shown
    # Nothing but headings, paragraphs, block quotes and the list of facts: no other list, no
    # code, rule, table or HTML; and within paragraphs only the export's own emphasis.
    assert {kind.rsplit("_", 1)[0] for kind in document.block_kinds} <= OWN_BLOCKS
    assert document.list_items == 1
    own = {"text", "em_open", "em_close", "strong_open", "strong_close"}
    for paragraph, _, kinds in section.paragraphs:
        assert kinds <= own, (paragraph, kinds)


def test_text_after_a_heading_or_a_label_gets_no_backslash_for_a_line_start(
    tmp_path: Path,
) -> None:
    # "## 2024\. Un año récord" and "**Tags:** \-urgente": no renderer reads a list or a heading
    # there, and a colleague reading the file saw the backslashes.
    brief = fields(title="2024. Un año récord", places=["+52 zona", "- sin estado"])
    root = make_corpus(tmp_path / "c", {"a.yaml": brief})
    corpus = load_corpus(root)
    tagged = Annotation(tags=("-urgente", "1)", "#1"))
    markdown = render_markdown(corpus, corpus.loaded, "all", lambda _: tagged, title="+ Semana 1")
    lines = markdown.splitlines()
    assert lines[0] == "# + Semana 1"
    assert "## 2024. Un año récord" in lines
    assert "**Places:** +52 zona, - sin estado" in lines
    assert "**Tags:** -urgente, 1), #1" in lines
    document = read(markdown)
    assert document.sections[0].heading == "2024. Un año récord"
    assert "Places: +52 zona, - sin estado" in document.sections[0].plain
    assert "Tags: -urgente, 1), #1" in document.sections[0].plain
    assert PARSER.render(lines[0]).strip() == "<h1>+ Semana 1</h1>"


def test_a_briefs_tags_and_note_follow_it_as_text(tmp_path: Path) -> None:
    root = make_corpus(
        tmp_path / "c", {"a.yaml": fields("a"), "b.yaml": fields("b", published="2024-01-01")}
    )
    corpus = load_corpus(root)
    note = "Ask the plant.\n# not a heading\n\n> not a quote, *not* emphasis"

    def annotated(brief_id: str) -> Annotation:
        if brief_id == "a":
            return Annotation(tags=("USMCA", "<b>x</b>"), note=note)
        return Annotation(read=True)

    document = read(render_markdown(corpus, corpus.loaded, "all", annotated))
    by_heading = {section.heading: section for section in document.sections}
    noted = by_heading["Plant adds shift (a)"]
    assert noted.plain[-4:] == [
        "Tags: USMCA, <b>x</b>",
        "Note",
        "Ask the plant.\n# not a heading",
        "> not a quote, *not* emphasis",
    ]
    assert not any(
        text.startswith(("Tags", "Note")) for text in by_heading["Plant adds shift (b)"].plain
    )
    (broken,) = [kinds for text, _, kinds in noted.paragraphs if text.startswith("Ask")]
    assert "hardbreak" in broken  # not a soft break, which a renderer shows as a space
    assert {kind.rsplit("_", 1)[0] for kind in document.block_kinds} <= OWN_BLOCKS
    assert document.list_items == sum(len(brief.key_facts) for brief in corpus.briefs)
    # Without annotations given, the briefing is as it always was.
    assert "Tags" not in render_markdown(corpus, corpus.loaded, "all")


def test_control_characters_never_reach_the_export(tmp_path: Path) -> None:
    title = "Plant\x1b[2J report\x1b]0;pwned\x07 \u202eevil"
    root = make_corpus(tmp_path / "c", {"sample.yaml": fields(title=title)})
    corpus = load_corpus(root)
    markdown = render_markdown(corpus, corpus.loaded, "all")
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]", markdown)
    assert read(markdown).sections[0].heading == "Plant report evil"


def test_control_characters_in_a_note_never_reach_the_export(tmp_path: Path) -> None:
    # A note holds whatever was pasted into it, and notes kept before they were cleaned.
    root = make_corpus(tmp_path / "c", {"sample.yaml": fields()})
    corpus = load_corpus(root)
    note = Annotation(tags=("USMCA",), note="Call\x1b[2J the \u202eplant\x07")
    markdown = render_markdown(corpus, corpus.loaded, "all", lambda _: note)
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]", markdown)
    assert read(markdown).sections[0].plain[-1] == "Call the plant"


# Writing the file ------------------------------------------------------------------------------


def test_write_export_refuses_an_existing_file_unless_told(tmp_path: Path) -> None:
    target = tmp_path / "briefing.md"
    target.write_text("keep me", encoding="utf-8")
    with pytest.raises(ExportExistsError):
        write_export(target, "# new\n")
    assert target.read_text(encoding="utf-8") == "keep me"
    write_export(target, "# new\n", overwrite=True)
    assert target.read_text(encoding="utf-8") == "# new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["briefing.md"]


@pytest.mark.parametrize(
    ("where", "words"),
    [
        ("missing/briefing.md", "does not exist"),
        ("a-folder", "is a folder"),
        ("a-file.txt/briefing.md", "is not a folder"),
        ("b" * 300 + ".md", "cannot write"),
        ("brief\x00ing.md", "cannot hold a NUL character"),
    ],
    ids=["missing folder", "a folder", "under a file", "name too long", "NUL"],
)
def test_write_export_says_why_a_path_cannot_be_written(
    tmp_path: Path, where: str, words: str
) -> None:
    (tmp_path / "a-folder").mkdir()
    (tmp_path / "a-file.txt").write_text("x", encoding="utf-8")
    before = sorted(p.name for p in tmp_path.rglob("*"))
    with pytest.raises(ExportError, match=words):
        write_export(tmp_path / where, "# x\n")
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


@pytest.mark.parametrize("existing", [False, True])
def test_a_write_that_fails_half_way_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, existing: bool
) -> None:
    target = tmp_path / "briefing.md"
    if existing:
        target.write_text("the old briefing", encoding="utf-8")

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "fsync", disk_full)
    with pytest.raises(ExportError, match=re.escape(os.strerror(errno.ENOSPC))):
        write_export(target, "# new\n" * 1000, overwrite=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == (["briefing.md"] if existing else [])
    if existing:
        assert target.read_text(encoding="utf-8") == "the old briefing"


def test_a_briefing_written_in_parts_is_the_same_bytes(corpus_dir: Path, tmp_path: Path) -> None:
    corpus = load_corpus(corpus_dir)
    target = tmp_path / "briefing.md"
    write_export(target, markdown_parts(corpus, corpus.loaded, "all"))
    assert target.read_bytes() == render_markdown(corpus, corpus.loaded, "all").encode()


def test_parts_that_fail_half_way_leave_the_old_briefing(tmp_path: Path) -> None:
    target = tmp_path / "briefing.md"
    target.write_text("the old briefing", encoding="utf-8")

    def parts() -> Iterator[str]:
        yield "# new\n" * 1000
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    with pytest.raises(ExportError, match=re.escape(os.strerror(errno.EIO))):
        write_export(target, parts(), overwrite=True)
    assert [p.name for p in tmp_path.iterdir()] == ["briefing.md"]
    assert target.read_text(encoding="utf-8") == "the old briefing"


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_new_briefing_gets_the_permissions_of_any_new_file(tmp_path: Path) -> None:
    target = tmp_path / "briefing.md"
    previous = os.umask(0o027)
    try:
        write_export(target, "# x\n")
    finally:
        os.umask(previous)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # not only its owner's, as temp files


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_replaced_briefing_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "briefing.md"
    target.write_text("the old briefing", encoding="utf-8")
    target.chmod(0o604)
    write_export(target, "# new\n", overwrite=True)
    assert target.read_text(encoding="utf-8") == "# new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o604


def test_a_folder_without_permission_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests may run as root, whom file modes do not stop: refuse the way the system would.
    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)
    with pytest.raises(ExportError, match=re.escape(os.strerror(errno.EACCES))):
        write_export(tmp_path / "briefing.md", "# x\n")
    assert list(tmp_path.iterdir()) == []


def test_a_note_written_as_a_list_is_a_list_and_reads_as_written(tmp_path: Path) -> None:
    # Each of its lines ended in a backslash, a hard line break: right rendered, but noise to
    # colleagues who read the briefing's text as it is.
    root = make_corpus(tmp_path / "c", {"a.yaml": fields("a")})
    corpus = load_corpus(root)
    note = Annotation(note="Follow up:\n- call CFE\n- 1. check the permit\n\nThen write.")
    markdown = render_markdown(corpus, corpus.loaded, "all", lambda _: note)
    assert markdown.endswith(
        "**Note**\n\nFollow up:\n\n- call CFE\n- 1\\. check the permit\n\nThen write.\n"
    )
    document = read(markdown)
    (section,) = document.sections
    assert section.plain[-4:] == ["Follow up:", "call CFE", "1. check the permit", "Then write."]
    assert document.list_items == len(corpus.briefs[0].key_facts) + 2


def rendered_note(tmp_path: Path, note: str) -> str:
    """The HTML a renderer makes of ``note`` as the briefing writes it."""
    root = make_corpus(tmp_path / "c", {"a.yaml": fields("a")})
    corpus = load_corpus(root)
    markdown = render_markdown(corpus, corpus.loaded, "all", lambda _: Annotation(note=note))
    return PARSER.render(markdown.split("**Note**", 1)[1]).replace("\n", "")


@pytest.mark.parametrize(
    ("note", "html"),
    [
        # Text back on an item after the list under it was put on that list's last item.
        (
            "- a\n  - b\n  back on a\n  - c",
            "<ul><li><p>a</p><ul><li>b</li></ul><p>back on a</p><ul><li>c</li></ul></li></ul>",
        ),
        # A blank line in a list put the points after it at the top level.
        (
            "- a\n  - b\n\n  - c",
            "<ul><li>a<ul><li><p>b</p></li><li><p>c</p></li></ul></li></ul>",
        ),
        # A paragraph of a point's own ended the list, and stood outside it.
        (
            "- a\n\n  more about a\n- b",
            "<ul><li><p>a</p><p>more about a</p></li><li><p>b</p></li></ul>",
        ),
        # A point whose bullet was not its list's started a list of its own.
        ("- a\n* b\n+ c", "<ul><li>a</li><li>b</li><li>c</li></ul>"),
        (
            "1. a\n2) b\n  * b1\n  - b2",
            "<ol><li>a</li><li>b<ul><li>b1</li><li>b2</li></ul></li></ol>",
        ),
        # ... while a numbered point after bullets starts a numbered list, as written.
        ("- a\n1. b", "<ul><li>a</li></ul><ol><li>b</li></ol>"),
        # Points numbered from 3 on were text, under a line of text or a blank line alike.
        (
            "Priorities:\n\n3. third point\n4. fourth point",
            '<p>Priorities:</p><ol start="3"><li>third point</li><li>fourth point</li></ol>',
        ),
        (
            "Priorities:\n3. third point\n4. fourth point",
            '<p>Priorities:</p><ol start="3"><li>third point</li><li>fourth point</li></ol>',
        ),
        # ... and so they were with a sub-point under the first, which left its point.
        (
            "Asks:\n3. the permit\n    - who\n4. the trucks",
            '<p>Asks:</p><ol start="3"><li>the permit<ul><li>who</li></ul></li>'
            "<li>the trucks</li></ol>",
        ),
        ("3. third\n4) fourth", '<ol start="3"><li>third</li><li>fourth</li></ol>'),
        # ... while years not counting on from one another stay text.
        ("2024. Record year\n2026. The plan", "<p>2024. Record year<br />2026. The plan</p>"),
        # A line starting with a year became a list numbered from it.
        ("Exports\n2024. Record year", "<p>Exports<br />2024. Record year</p>"),
        # ... and so it did right after a list, and the points after it went on from it.
        (
            "- call Ternium\n2024. Record year\n10. tenth point",
            "<ul><li>call Ternium</li></ul><p>2024. Record year<br />10. tenth point</p>",
        ),
        # Columns of a table pasted into a note (its tabs kept as spaces) ran together.
        (
            "Plant    Jobs\nApodaca  1,200\n- Saltillo  800",
            "<p>Plant \u00a0\u00a0\u00a0Jobs<br />Apodaca \u00a01,200</p>"
            "<ul><li>Saltillo \u00a0800</li></ul>",
        ),
        # A line indented under a line of text, or past a point's text, lost its indent.
        (
            "Plan:\n    check the permit\n  and the trucks",
            "<p>Plan:<br />\u00a0\u00a0\u00a0\u00a0check the permit<br />"
            "\u00a0\u00a0and the trucks</p>",
        ),
        # ... past the point's text, wherever it starts after its bullet.
        (
            "-   call Ternium\n    about the plant\n      in Pesquería",
            "<ul><li>call Ternium<br />about the plant<br />\u00a0\u00a0in Pesquería</li></ul>",
        ),
        (
            "- call Ternium\n  about the plant\n      in Pesquería",
            "<ul><li>call Ternium<br />about the plant<br />"
            "\u00a0\u00a0\u00a0\u00a0in Pesquería</li></ul>",
        ),
    ],
)
def test_a_note_s_lines_stay_where_they_were_written(tmp_path: Path, note: str, html: str) -> None:
    assert rendered_note(tmp_path, note) == html


def test_a_note_s_numbered_and_indented_points_keep_their_order_and_nesting(
    tmp_path: Path,
) -> None:
    # Tab indents a note's line by four spaces; the sub-points were flattened into the list.
    root = make_corpus(tmp_path / "c", {"a.yaml": fields("a")})
    corpus = load_corpus(root)
    note = Annotation(
        note="Asks:\n1. the permit\n2. the shift\n    - who works it\n    - from when\n"
        "3. the trucks"
    )
    markdown = render_markdown(corpus, corpus.loaded, "all", lambda _: note)
    assert markdown.endswith(
        "**Note**\n\nAsks:\n\n1. the permit\n2. the shift\n   - who works it\n"
        "   - from when\n3. the trucks\n"
    )
    document = read(markdown)
    assert document.sections[0].plain[-6:] == [
        "Asks:",
        "1. the permit",
        "2. the shift",
        "who works it",
        "from when",
        "3. the trucks",
    ]
    # The sub-points are a list inside the second point, not one after the numbered list.
    tokens = PARSER.parse(markdown)
    numbered = [t.level for t in tokens if t.type == "ordered_list_open"][-1]
    (sub_points,) = [t.level for t in tokens if t.type == "bullet_list_open"]
    assert sub_points > numbered


def test_sub_points_numbered_from_another_number_than_1_stay_a_list(tmp_path: Path) -> None:
    # Right under its item, a numbered list not starting at 1 would be read as the item's text.
    root = make_corpus(tmp_path / "c", {"a.yaml": fields("a")})
    corpus = load_corpus(root)
    note = Annotation(note="- the permit\n    2) its renewal\n    3) its fees")
    markdown = render_markdown(corpus, corpus.loaded, "all", lambda _: note)
    assert markdown.endswith("**Note**\n\n- the permit\n\n  2) its renewal\n  3) its fees\n")
    document = read(markdown)
    assert document.sections[0].plain[-3:] == ["the permit", "2) its renewal", "3) its fees"]
    assert document.list_items == len(corpus.briefs[0].key_facts) + 3


def test_only_lines_that_would_run_together_end_in_a_line_break(tmp_path: Path) -> None:
    # A line of text under another would be joined to it rendered: it alone needs the break.
    root = make_corpus(tmp_path / "c", {"a.yaml": fields("a")})
    corpus = load_corpus(root)
    note = Annotation(
        note="Ana Ruiz\nplant manager\n\nCalled twice.\n\n- ask for the permit\n"
        "  and its date\n- check the trucks\nThen write."
    )
    markdown = render_markdown(corpus, corpus.loaded, "all", lambda _: note)
    assert markdown.endswith(
        "**Note**\n\nAna Ruiz\\\nplant manager\n\nCalled twice.\n\n- ask for the permit\\\n"
        "  and its date\n- check the trucks\n\nThen write.\n"
    )
    (section,) = read(markdown).sections
    assert section.plain[-5:] == [
        "Ana Ruiz\nplant manager",
        "Called twice.",
        "ask for the permit\nand its date",
        "check the trucks",
        "Then write.",
    ]


@pytest.mark.parametrize(
    ("text", "written"),
    [
        # Backslashes no renderer needed, which a colleague reading the file sees.
        ("fuente: Zeta Tijuana #1", "fuente: Zeta Tijuana #1"),
        ("#pendiente", "#pendiente"),
        ("C:\\datos\\maquila_2025.xlsx", "C:\\datos\\maquila_2025.xlsx"),
        # ... and those it needs: a heading, mathematics between two dollars, a backslash
        # before punctuation or at the end, where a line break may follow it.
        ("# pendiente", "\\# pendiente"),
        ("### pendiente", "\\### pendiente"),
        ("costo $5 y $6 mdd", "costo \\$5 y \\$6 mdd"),
        ("US$22 millones", "US\\$22 millones"),  # another piece of its line may hold one
        ("Exports rise #", "Exports rise \\#"),  # else it closes a heading
        ("Mexico is ## of ten", "Mexico is ## of ten"),
        ("a\\*b*", "a\\\\\\*b\\*"),
        ("ends in \\", "ends in \\\\"),
    ],
)
def test_text_is_written_with_the_backslashes_markdown_needs_and_no_more(
    text: str, written: str
) -> None:
    assert escape(text) == written
    # Read back by a renderer as it was written, a line break after it too.
    rendered = PARSER.render(escape(text) + "\\\nnext").replace("\n", "")
    assert rendered == f"<p>{html.escape(text, quote=False)}<br />next</p>"
    # ... and as a heading, which a title is.
    heading = PARSER.render("## " + escape(text)).strip()
    assert heading == f"<h2>{html.escape(text, quote=False)}</h2>"
