"""``briefing add``: articles and saved pages in, draft briefs out, bad inputs told one by one."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

import tui.core.drafting.adding as adding
from tests.kit.corpus import FIXTURES, REPO, make_corpus
from tui.cli import main
from tui.core.annotations import Annotations
from tui.core.articles import read_article
from tui.core.drafting.adding import MAX_INPUT_BYTES
from tui.core.store import load_corpus
from tui.core.userstate import corpus_key

PAGES = FIXTURES / "pages"
SEEDS = sorted((REPO / "seeds").glob("*.txt"))
JSON_FIELDS = {
    "input",
    "status",
    "brief",
    "source",
    "title",
    "published",
    "language",
    "facts",
    "error",
    "loads",
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """An empty corpus."""
    return make_corpus(tmp_path / "corpus", seeds={})


def add(
    capsys: pytest.CaptureFixture[str], corpus: Path, *paths: str | Path
) -> tuple[int, list[dict[str, Any]], str]:
    """Run ``briefing add --json``; give its exit status, its list and its standard error."""
    status = main(["add", "--corpus", str(corpus), "--json", *map(str, paths)])
    out, err = capsys.readouterr()
    return status, json.loads(out), err


def files(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def test_a_text_is_kept_byte_for_byte_and_gets_a_draft_that_validates(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, (row,), _ = add(capsys, corpus, SEEDS[4])
    assert status == 0
    assert set(row) == JSON_FIELDS
    assert row["status"] == "added" and row["error"] is None
    assert (corpus / row["source"]).read_bytes() == SEEDS[4].read_bytes()
    assert row["published"] == "2025-01-14" and row["language"] == "en"
    assert row["title"].startswith("Mayor Norma Alicia Bustamante of Mexicali")
    loaded = load_corpus(corpus)
    assert [p for p in loaded.all_problems if p.severity == "error"] == []
    (brief,) = loaded.briefs
    assert f"briefs/{brief.id}.yaml" == row["brief"]
    assert brief.is_draft and len(brief.key_facts) == row["facts"]
    assert main(["validate", "--corpus", str(corpus)]) == 0


def test_a_draft_takes_no_id_the_user_keeps_a_note_or_a_bookmark_under(
    corpus: Path, capsys: pytest.CaptureFixture[str], private_state: Path
) -> None:
    # A brief whose id was changed leaves its note under the old id; a new draft given that id
    # showed the other article's note, and was counted as read.
    status, (first,), _ = add(capsys, corpus, SEEDS[4])
    ident = Path(first["brief"]).stem
    annotations = Annotations(private_state, corpus_key(corpus))
    annotations.set_note(ident, "Call the mayor's office")
    annotations.close()
    renamed = corpus / "briefs" / "renamed.yaml"
    text = (corpus / first["brief"]).read_text(encoding="utf-8")
    renamed.write_text(text.replace(f"id: {ident}", "id: renamed"), encoding="utf-8")
    (corpus / first["brief"]).unlink()
    (corpus / first["source"]).unlink()

    status, (again,), _ = add(capsys, corpus, SEEDS[4])

    assert (status, again["status"]) == (0, "added")
    assert again["brief"] == f"briefs/{ident}-2.yaml"


def test_an_article_is_added_when_the_state_folder_cannot_even_be_looked_at(
    corpus: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Looking up the ids the user keeps something under must not stop an add that worked
    # before it was looked up (a parent folder without permission raises as it is looked at).
    def no_permission(*_: object, **__: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Annotations, "__init__", no_permission)
    status, (row,), _ = add(capsys, corpus, SEEDS[4])
    assert (status, row["status"]) == (0, "added")


def test_a_draft_says_where_the_article_stands_among_the_page_around_it(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Article 000 was saved with a breadcrumb before it, and a contact line, a teaser for
    # another story and a comment prompt after it.
    add(capsys, corpus, SEEDS[0])

    loaded = load_corpus(corpus)
    (brief,) = loaded.briefs
    span = brief.article_span
    assert span is not None
    text = read_article(corpus, brief.source)
    article = text[span.start : span.end]
    assert article.startswith("Mexicali Business Coordinating Council Presents Nearshoring Project")
    assert article.endswith("carrying out projects for the community and business owners’ benefit.")
    assert [p for p in loaded.all_problems if p.severity == "warning"] == []


@pytest.mark.parametrize(
    ("seed", "marked"),
    [
        (0, {"article_starts", "article_ends"}),  # a breadcrumb; "Check Also" and a comment prompt
        (1, set()),  # the article alone
        (2, {"article_starts", "article_ends"}),  # "fbpx"; "Scroll al inicio"
        (3, {"article_ends"}),  # a photo credit, "You May Like" (the page title is the headline)
        (4, {"article_ends"}),  # "Contenido relacionado"
    ],
)
def test_a_draft_marks_the_sides_where_the_page_holds_more_than_the_article(
    corpus: Path, capsys: pytest.CaptureFixture[str], seed: int, marked: set[str]
) -> None:
    add(capsys, corpus, SEEDS[seed])

    (brief_file,) = (corpus / "briefs").iterdir()
    written = yaml.safe_load(brief_file.read_text(encoding="utf-8"))
    assert {"article_starts", "article_ends"} & set(written) == marked
    # Each found again where the draft meant it, and no fact quotes the page around it.
    problems = load_corpus(corpus).all_problems
    assert [p for p in problems if p.field.startswith("article_") or "furniture" in p.message] == []


def test_a_draft_finished_but_for_its_summary_is_an_error_and_a_draft_is_not(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, (row,), _ = add(capsys, corpus, SEEDS[1])
    assert row["language"] == "es"
    assert main(["validate", "--corpus", str(corpus)]) == 0
    capsys.readouterr()
    path = corpus / row["brief"]
    # Finished as a hurried analyst might: every mark of a draft taken off, the summary left.
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if line.strip() not in DRAFT_MARKS]
    path.write_text("".join(kept) + "title_en: Index Tijuana reports\n", encoding="utf-8")
    assert main(["validate", "--corpus", str(corpus)]) == 1
    _, err = capsys.readouterr()
    (error,) = [line for line in err.splitlines() if ": summary: " in line]
    assert error.endswith(
        "summary: still starts 'Draft: the summary is still to be written.', as a draft's does,"
        " in a finished brief; write the summary, two to five English sentences saying what the"
        " article says, or mark the brief status: draft again"
    )
    assert "1 error" in err


DRAFT_MARKS = {"status: draft", "reviewed: false", "needs_english: true"}


def test_a_text_with_a_byte_order_mark_and_windows_line_ends_is_kept_as_it_is(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = b"\xef\xbb\xbf" + SEEDS[0].read_bytes().replace(b"\n", b"\r\n")
    article = tmp_path / "windows.txt"
    article.write_bytes(raw)
    status, (row,), _ = add(capsys, corpus, article)
    assert status == 0, row
    assert (corpus / row["source"]).read_bytes() == raw
    loaded = load_corpus(corpus)
    assert [p for p in loaded.all_problems if p.severity == "error"] == []
    assert all(fact.span is not None for fact in loaded.briefs[0].key_facts)


def test_a_saved_page_gives_its_article_as_text_and_is_kept_beside_it(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = PAGES / "juarez-plant-expansion.html"
    status, (row,), _ = add(capsys, corpus, page)
    assert status == 0
    text = (corpus / row["source"]).read_text(encoding="utf-8")
    assert "invest 85 million dollars" in text and "Check Also" not in text
    kept = (corpus / row["source"]).with_suffix(".html")
    assert kept.read_bytes() == page.read_bytes()
    assert row["published"] == "2024-03-05"


def test_several_paths_each_get_their_object_in_order(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, rows, _ = add(capsys, corpus, *SEEDS)
    assert status == 0
    assert [row["input"] for row in rows] == [str(path) for path in SEEDS]
    assert [row["language"] for row in rows] == ["en", "es", "es", "en", "en"]
    assert len({row["brief"] for row in rows}) == 5
    assert len(load_corpus(corpus).briefs) == 5


def test_standard_input_is_one_article(
    corpus: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = SEEDS[1].read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    status, (row,), _ = add(capsys, corpus, "-")
    assert status == 0 and row["input"] == "-" and row["language"] == "es"
    assert (corpus / row["source"]).read_bytes() == raw


@pytest.mark.parametrize(
    "article",
    [
        "Headline\n\nWintek will invest 500 million dollars in Jalisco, the governor said.\n\n"
        "The plant will employ 2,000 people.\n",
        "Titular\n\nWintek invertirá 500 millones de dólares en Jalisco, dijo el gobernador.\n\n"
        "La planta empleará a 2,000 personas.\n",
    ],
    ids=["english", "spanish"],
)
def test_a_company_opening_the_article_is_listed(
    corpus: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    article: str,
) -> None:
    # Named once, as the article's first word, Wintek was no organization of the draft.
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(article.encode("utf-8"))))
    status, (row,), _ = add(capsys, corpus, "-")
    assert status == 0
    (brief,) = load_corpus(corpus).briefs
    assert brief.organizations == ("Wintek",)
    assert brief.places == ("Jalisco",)


def test_an_article_of_one_long_line_without_a_full_stop_is_added_with_a_short_draft(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The summary, the fact and the quote each copied the whole line: the draft of 684 KB of it
    # passed the 1 MiB a brief may have, and the article was refused.
    line = "Una sola línea muy larga sin puntos y con cifras de 5 millones de dólares " * 9000
    article = tmp_path / "sin-puntos.txt"
    article.write_text(line, encoding="utf-8")
    status, (row,), _ = add(capsys, corpus, article)
    assert (status, row["status"]) == (0, "added")
    (brief,) = load_corpus(corpus).briefs
    (fact,) = brief.key_facts
    assert fact.anchor == "exact" and "5 millones de dólares" in fact.quote
    assert len(fact.quote.split()) <= 60
    # The fact is the part of the sentence its quote gives, marked as cut.
    assert fact.fact == f"{fact.quote} …"
    # The summary quotes the opening words, and says they go on.
    opening = brief.summary.split(" opens: ", 1)[1]
    assert opening.endswith(" …") and line.startswith(opening.removesuffix(" …"))
    assert len(opening.split()) <= 121


HEADLINED_PAGE = (
    "<html><head><title>{headline}</title></head><body><article><h1>{headline}</h1>"
    "<p>Las exportaciones de autopartes de Coahuila sumaron 3,100 millones de dólares en"
    " enero, informó la secretaría estatal este martes.</p>"
    "<p>La dependencia espera que otras 14 empresas anuncien plantas en el estado antes de"
    " que termine el año.</p></article></body></html>"
)


@pytest.mark.parametrize("headline", ["2026", "No", "Null", "On"])
def test_a_headline_that_yaml_reads_as_a_number_or_a_yes_no_value_gives_a_draft_that_loads(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], headline: str
) -> None:
    # The id was written bare: "id: 2026" read as a number, and the draft was refused.
    page = tmp_path / "nota.html"
    page.write_text(HEADLINED_PAGE.format(headline=headline), encoding="utf-8")
    status, (row,), _ = add(capsys, corpus, page)
    assert (status, row["status"]) == (0, "added"), row["error"]
    assert row["brief"] == f"briefs/{headline.lower()}.yaml"
    loaded = load_corpus(corpus)
    assert [p for p in loaded.all_problems if p.severity == "error"] == []
    (brief,) = loaded.briefs
    assert (brief.id, brief.title) == (headline.lower(), headline)
    assert main(["validate", "--corpus", str(corpus)]) == 0


def test_the_same_article_twice_is_reported_with_its_brief(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, (first,), _ = add(capsys, corpus, SEEDS[3])
    brief_text = (corpus / first["brief"]).read_bytes()
    copy = tmp_path / "same-article-other-name.txt"
    shutil.copy(SEEDS[3], copy)
    status, (again,), _ = add(capsys, corpus, copy)
    assert status == 0
    assert again["status"] == "exists"
    assert (again["brief"], again["source"]) == (first["brief"], first["source"])
    assert files(corpus / "briefs") == [Path(first["brief"]).name]
    assert (corpus / first["brief"]).read_bytes() == brief_text


def test_a_page_added_again_is_found_though_its_text_is_extracted_otherwise_now(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The article kept as an older briefing extracted it (a line fewer): the same page, byte
    # for byte, was added again as a second brief.
    page = PAGES / "juarez-plant-expansion.html"
    _, (first,), _ = add(capsys, corpus, page)
    seed = corpus / first["source"]
    lines = seed.read_text(encoding="utf-8").splitlines(keepends=True)
    seed.write_text("".join(lines[:-1]), encoding="utf-8")
    status, (again,), _ = add(capsys, corpus, page)
    assert (status, again["status"]) == (0, "exists")
    assert (again["brief"], again["source"]) == (first["brief"], first["source"])
    assert files(corpus / "briefs") == [Path(first["brief"]).name]


def test_an_article_whose_brief_does_not_load_is_told_so_not_as_empty(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Its brief broken, the article added again was told "already there as ... (0 facts)".
    _, (first,), _ = add(capsys, corpus, SEEDS[3])
    brief = corpus / first["brief"]
    brief.write_text(brief.read_text(encoding="utf-8").replace("title:", "title: [", 1))
    status, (row,), _ = add(capsys, corpus, SEEDS[3])
    assert (status, row["status"], row["loads"], row["facts"]) == (0, "exists", False, None)
    assert main(["add", "--corpus", str(corpus), str(SEEDS[3])]) == 0
    told = capsys.readouterr().out
    assert told == (
        f"{SEEDS[3]}: already there as {first['brief']}, which does not load:"
        " briefing validate names what to mend\n"
    )
    assert first["loads"] is True
    _, (failed,), _ = add(capsys, corpus, corpus / "no-such-article.txt")
    assert (failed["status"], failed["loads"]) == ("error", None)


ARTICLE = (
    "Parque industrial en Apodaca suma dos naves\n"
    "\n"
    "Un desarrollador local terminó dos naves de 20,000 metros cuadrados en Apodaca.\n"
    "\n"
    "Ambas fueron rentadas a proveedores de la industria eléctrica, dijo la empresa.\n"
)


@pytest.mark.parametrize(
    "copy",
    [
        ARTICLE.replace("\n", "\r\n"),
        ARTICLE.rstrip("\n"),
        ARTICLE.replace(".\n", ".  \n").replace("dos naves\n", "dos naves\t\n"),
        "\ufeff" + ARTICLE + "\n\n",
    ],
    ids=["windows-line-ends", "no-final-line-end", "trailing-spaces", "mark-and-blank-lines"],
)
def test_the_same_article_saved_otherwise_is_reported_with_its_brief(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], copy: str
) -> None:
    # Compared byte for byte, each copy was added again as an article of its own.
    first, again = tmp_path / "nota.txt", tmp_path / "nota-copia.txt"
    first.write_text(ARTICLE, encoding="utf-8", newline="")
    again.write_text(copy, encoding="utf-8", newline="")
    _, (added,), _ = add(capsys, corpus, first)
    status, (row,), _ = add(capsys, corpus, again)
    assert (status, row["status"]) == (0, "exists")
    assert (row["brief"], row["source"]) == (added["brief"], added["source"])
    assert files(corpus / "seeds") == [Path(added["source"]).name]
    # An article that says something else is another article.
    other = tmp_path / "otra.txt"
    other.write_text(ARTICLE.replace("dos naves de", "tres naves de"), encoding="utf-8")
    _, (row,), _ = add(capsys, corpus, other)
    assert row["status"] == "added"


def test_an_article_already_in_a_corpus_is_found_with_its_hand_made_brief(
    tmp_path: Path, corpus_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, (row,), _ = add(capsys, corpus_dir, SEEDS[0])
    assert status == 0
    assert row["status"] == "exists"
    assert row["brief"] == "briefs/mexicali-cce-nearshoring.yaml"
    assert row["source"] == f"seeds/{SEEDS[0].name}"
    # Told as the analyst's brief tells it, not as a new draft would.
    shipped = yaml.safe_load((corpus_dir / row["brief"]).read_text(encoding="utf-8"))
    assert row["facts"] == len(shipped["key_facts"])
    assert row["published"] == shipped["published"].isoformat()
    assert files(corpus_dir / "seeds") == files(REPO / "seeds")


def test_a_brief_is_never_overwritten(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    taken = corpus / "briefs" / "mexico-us-draft-work-plan.yaml"
    taken.write_text("# the analyst's own file\n", encoding="utf-8")
    status, (row,), _ = add(capsys, corpus, SEEDS[3])
    assert row["status"] == "added"
    assert row["brief"] == "briefs/mexico-us-draft-work-plan-2.yaml"
    assert taken.read_text(encoding="utf-8") == "# the analyst's own file\n"
    assert status == 0


def bad_inputs(folder: Path) -> dict[str, Path]:
    folder.mkdir()
    inputs = {
        "not UTF-8": folder / "latin1.txt",
        "binary": folder / "picture.txt",
        "empty": folder / "empty.txt",
        "page with no article": PAGES / "section-index.html",
        "error page": folder / "no-encontrada.html",
        "over the size limit": folder / "huge.txt",
        "folder": folder / "a-folder",
        "missing": folder / "missing.txt",
        "other kind": folder / "article.pdf",
        "settings": folder / "notes.txt",
        "code": folder / "dates.txt",
    }
    inputs["not UTF-8"].write_bytes(
        "La planta sumará 240 trabajadores en Tijuana.\n".encode("latin-1")
    )
    inputs["binary"].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    inputs["empty"].write_bytes(b" \n\n")
    inputs["error page"].write_text(
        "<html><head><title>Página no encontrada</title></head><body><h1>404</h1><p>Lo sentimos,"
        " la página que busca no existe o fue movida.</p></body></html>",
        encoding="utf-8",
    )
    with inputs["over the size limit"].open("wb") as stream:
        stream.truncate(MAX_INPUT_BYTES + 1)
    inputs["folder"].mkdir()
    inputs["other kind"].write_bytes(b"%PDF-1.4")
    # A project's settings saved as text: drafted as an article of 15 facts, "2.0.0 is the
    # first of the." among them.
    inputs["settings"].write_bytes((REPO / "pyproject.toml").read_bytes())
    inputs["code"].write_bytes((REPO / "tui" / "core" / "dates.py").read_bytes())
    return inputs


def test_each_bad_input_is_told_and_the_good_ones_are_still_added(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = bad_inputs(tmp_path / "inputs")
    status, rows, _ = add(capsys, corpus, SEEDS[0], *bad.values(), SEEDS[1])
    assert status == 1
    assert [row["status"] for row in rows] == ["added", *["error"] * len(bad), "added"]
    messages = {kind: row["error"] for kind, row in zip(bad, rows[1:-1], strict=True)}
    assert all(message and "\n" not in message for message in messages.values())
    assert len(set(messages.values())) == len(messages)  # each says what is wrong with it
    assert "line 1" in messages["not UTF-8"]
    assert "MiB" in messages["over the size limit"]
    assert '"404"' in messages["error page"] and "save the page" in messages["error page"]
    assert "read as code or settings" in messages["settings"]
    assert "read as code or settings" in messages["code"]
    for row in rows[1:-1]:
        assert (row["brief"], row["source"], row["facts"]) == (None, None, None)
    assert len(load_corpus(corpus).briefs) == 2
    assert len(files(corpus / "seeds")) == 2


@pytest.mark.parametrize(
    ("name", "advice"),
    [
        ("liveblog.html", 'save the page again as "HTML only"'),
        ("collection.txt", "copy the one article into a new .txt file, without the rest"),
    ],
    ids=["page", "text"],
)
def test_an_input_over_the_size_limit_is_told_what_to_do(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, advice: str
) -> None:
    # "is 8.9 MiB, over the limit of 8 MiB for one article" said what was wrong, not what to do.
    large = tmp_path / name
    with large.open("wb") as stream:
        stream.truncate(MAX_INPUT_BYTES + 1024 * 1024)
    status, (row,), _ = add(capsys, corpus, large)
    assert status == 1
    assert row["error"].startswith("is 9.0 MiB, over the limit of 8 MiB for one article; ")
    assert advice in row["error"]


def test_a_sites_home_page_is_refused_with_what_to_do(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Its cookie notice was drafted as the article: the summary's opening and its only fact.
    home = tmp_path / "portada.html"
    home.write_text(
        "<html><head><title>Portada</title></head><body><div>Utilizamos cookies para mejorar su"
        " experiencia.</div><nav><a href='/'>Inicio</a> <a href='/e'>Empresas</a></nav>"
        "<h2>Lo más leído</h2><ul><li><a href='/1'>Crece el empleo en Celaya</a></li>"
        "<li><a href='/2'>Abre una planta en Silao</a></li></ul>"
        "<footer>© 2025 Diario del Bajío</footer></body></html>",
        encoding="utf-8",
    )
    status = main(["add", "--corpus", str(corpus), str(home)])
    (told,) = capsys.readouterr().err.splitlines()
    assert status == 1
    assert told.startswith(f"briefing: {home}: no article was found in the page")
    assert told.endswith("save the article's own page")
    assert files(corpus / "seeds") == files(corpus / "briefs") == []


def test_without_json_errors_go_to_standard_error_and_the_rest_to_standard_output(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.txt"
    status = main(["add", "--corpus", str(corpus), str(SEEDS[0]), str(missing)])
    out, err = capsys.readouterr()
    assert status == 1
    assert "added briefs/" in out and str(missing) not in out
    assert any(line.startswith(f"briefing: {missing}: does not exist") for line in err.splitlines())


@pytest.mark.parametrize("on_a_terminal", [True, False], ids=["a-terminal", "a-log"])
def test_many_files_end_with_counts_rate_and_failures_and_a_terminal_sees_progress(
    corpus: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    on_a_terminal: bool,
) -> None:
    monkeypatch.setattr("tui.cli.PROGRESS_EVERY_S", 0.0)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: on_a_terminal)
    missing = tmp_path / "missing.txt"
    status, rows, err = add(capsys, corpus, *SEEDS, missing)
    assert status == 1 and len(rows) == 6
    lines = [line for line in err.splitlines() if " done (" in line]
    # A log or a script gets the same lines however fast the machine drafts: the last only.
    assert len(lines) > 1 if on_a_terminal else len(lines) == 1
    assert lines[-1].startswith("briefing: 6 of 6 done (5 added, 0 already there, 1 failed)")
    assert "a second" in lines[-1] and "missing.txt" in lines[-1]


DRAFTING_PROGRESS = re.compile(
    r"^briefing: drafting (?P<name>.+?): (?P<doing>[a-z ,]+?)(?:, (?P<share>\d+)%)?"
    r" \(step (?P<step>\d) of (?P<steps>\d)\)$"
)


def test_a_long_article_tells_a_terminal_only_which_step_of_its_draft_it_is_at_and_how_far(
    corpus: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # As if every step took longer than the moment after which progress is told.
    monkeypatch.setattr("tui.cli.PROGRESS_EVERY_S", 0.0)
    # A log or a script gets the same lines however fast the machine drafts: none.
    assert main(["add", "--corpus", str(corpus), str(SEEDS[1])]) == 0
    out, err = capsys.readouterr()
    assert "added briefs/" in out and err == ""

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["add", "--corpus", str(corpus), str(SEEDS[0])]) == 0
    out, err = capsys.readouterr()
    assert "added briefs/" in out
    told = [DRAFTING_PROGRESS.match(line) for line in err.splitlines()]
    assert told and all(told), err
    matches = [m for m in told if m]
    assert {m["name"] for m in matches} == {SEEDS[0].name}
    assert {m["steps"] for m in matches} == {"4"}
    # Every step is told, in order, each going forward from its start.
    steps = [int(m["step"]) for m in matches]
    assert sorted(set(steps)) == [1, 2, 3, 4] and steps == sorted(steps)
    for step in (1, 3, 4):
        shares = [int(m["share"]) for m in matches if m["step"] == str(step)]
        assert shares[0] == 0 and shares == sorted(shares) and shares[-1] > 50, (step, shares)
    doing = {int(m["step"]): m["doing"] for m in matches}
    assert doing[1] == "reading its sentences" and doing[4] == "choosing its facts"


def test_a_saved_page_tells_its_extraction_as_a_step_of_its_own(
    corpus: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tui.cli.PROGRESS_EVERY_S", 0.0)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    page = PAGES / "juarez-plant-expansion.html"
    assert main(["add", "--corpus", str(corpus), str(page)]) == 0
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == (
        "briefing: drafting juarez-plant-expansion.html: extracting the article from its page"
        " (step 1 of 5)"
    )
    assert lines[-1].startswith(
        "briefing: drafting juarez-plant-expansion.html: choosing its facts, "
    )
    assert lines[-1].endswith(" (step 5 of 5)")


def test_a_long_saved_page_tells_its_extraction_as_it_starts_and_a_short_one_does_not(
    corpus: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Extracting the article of a page of megabytes takes seconds, and cannot tell how far it
    # has got: it went untold until it was done.
    monkeypatch.setattr("tui.cli.PROGRESS_EVERY_S", 3600.0)  # as if a second never passed
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    page = PAGES / "juarez-plant-expansion.html"
    assert main(["add", "--corpus", str(corpus), str(page)]) == 0
    assert capsys.readouterr().err == ""  # a page of some kilobytes: done in a moment

    long_page = PAGES / "tijuana-exportaciones.html"
    # As if its few kilobytes were megabytes.
    monkeypatch.setattr("tui.cli.LONG_INPUT_BYTES", long_page.stat().st_size, raising=False)
    assert main(["add", "--corpus", str(corpus), str(long_page)]) == 0
    assert capsys.readouterr().err.splitlines() == [
        "briefing: drafting tijuana-exportaciones.html: extracting the article from its page"
        " (step 1 of 5)"
    ]


def test_ctrl_c_keeps_what_was_added_whole_and_leaves_nothing_half_written(
    corpus: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write = adding.write_atomically
    briefs_written: list[Path] = []

    def interrupted_on_the_second_brief(path: Path, data: Any, **options: Any) -> None:
        if path.parent.name == "briefs":
            briefs_written.append(path)
            if len(briefs_written) == 2:
                raise KeyboardInterrupt
        real_write(path, data, **options)

    monkeypatch.setattr(adding, "write_atomically", interrupted_on_the_second_brief)
    status = main(["add", "--corpus", str(corpus), "--json", *map(str, SEEDS[:3])])
    out, err = capsys.readouterr()
    assert status == 130
    (row,) = json.loads(out)  # what was added before the stop
    assert row["status"] == "added"
    assert "stopped" in err
    # The first article and its brief are whole; nothing of the second is left.
    assert files(corpus / "briefs") == [Path(row["brief"]).name]
    assert files(corpus / "seeds") == [Path(row["source"]).name]
    loaded = load_corpus(corpus)
    assert [p for p in loaded.all_problems if p.severity == "error"] == []
    # Added again, the stopped article is drafted as if it had never been tried.
    monkeypatch.setattr(adding, "write_atomically", real_write)
    status, rows, _ = add(capsys, corpus, *SEEDS[:3])
    assert [r["status"] for r in rows] == ["exists", "added", "added"]


def test_many_articles_are_drafted_in_parallel_with_the_same_result(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    one_by_one = make_corpus(tmp_path / "serial", seeds={})
    in_parallel = make_corpus(tmp_path / "parallel", seeds={})
    inputs = [*SEEDS, PAGES / "tijuana-exportaciones.html"]
    monkeypatch.setattr(adding, "PARALLEL_FROM", 10_000)
    _, serial_rows, _ = add(capsys, one_by_one, *inputs)
    monkeypatch.setattr(adding, "PARALLEL_FROM", 2)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    _, parallel_rows, _ = add(capsys, in_parallel, *inputs)
    assert parallel_rows == serial_rows
    for name in files(one_by_one / "briefs"):
        assert (in_parallel / "briefs" / name).read_bytes() == (
            one_by_one / "briefs" / name
        ).read_bytes()


def test_a_folder_that_is_no_corpus_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["add", "--corpus", str(tmp_path), str(SEEDS[0])]) == 1
    assert "no briefs/ folder" in capsys.readouterr().err
    assert files(tmp_path) == []


def test_help_shows_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["add", "--help"]) == 0
    out = capsys.readouterr().out
    assert "example: briefing add " in out and "--json" in out


def test_a_bad_gazetteer_of_the_corpus_stops_before_anything_is_added(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (corpus / "gazetteer.yaml").write_text("places:\n  - {aliases: [X]}\n", encoding="utf-8")
    assert main(["add", "--corpus", str(corpus), str(SEEDS[0])]) == 1
    err = capsys.readouterr().err
    assert "gazetteer.yaml:2" in err and "places[0]" in err
    assert files(corpus / "seeds") == []


def test_a_missing_article_is_told_with_the_part_of_its_path_that_is_missing(
    corpus: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (tmp_path / "downloads").mkdir()
    monkeypatch.chdir(tmp_path)
    status = main(["add", "--corpus", str(corpus), "downlaods/plant.html", "downloads/plnt.txt"])
    err = capsys.readouterr().err.splitlines()
    assert status == 1
    assert (
        "briefing: downlaods/plant.html: does not exist: there is no folder downlaods;"
        " check the path"
    ) in err
    assert (
        "briefing: downloads/plnt.txt: does not exist; its folder is there: check the file's name"
    ) in err


@pytest.mark.parametrize("address", ["https://example.com/news/plant.html", "www.example.com"])
def test_a_web_address_is_told_to_be_saved_first(
    corpus: Path, address: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # "there is no folder https:; check the path".
    assert main(["add", "--corpus", str(corpus), address]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"briefing: {address}: is a web address; save the page from the browser (as .html) and"
        " add the saved file"
    ]


def test_a_path_through_a_file_is_told_so(
    corpus: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (tmp_path / "notes.txt").write_text("a file, not a folder")
    monkeypatch.chdir(tmp_path)
    status = main(["add", "--corpus", str(corpus), "notes.txt/plant.html", "notes.txt/sub/x.txt"])
    err = capsys.readouterr().err.splitlines()
    assert status == 1
    for given in ("notes.txt/plant.html", "notes.txt/sub/x.txt"):
        told = (
            f"briefing: {given}: does not exist: notes.txt is a file, not a folder; check the path"
        )
        assert told in err
