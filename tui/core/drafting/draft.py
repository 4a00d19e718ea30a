"""A draft brief of one article, assembled from what the other drafting modules find, and its
YAML text.

The draft is honest about what it is: ``status: draft``, ``reviewed: false`` on every fact, a
summary that says it is still to be written and quotes the article's opening, and, for an article
in another language, facts in that language marked ``needs_english: true``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from tui.core.drafting.entities import Gazetteer, find_entities
from tui.core.drafting.extract import Page
from tui.core.drafting.facts import candidate_facts
from tui.core.drafting.language import detect_language
from tui.core.drafting.metadata import find_agency, find_author, find_published, find_title
from tui.core.drafting.sentences import Told, article_edges, sentences, unpaired_marks
from tui.core.languages import NAMES
from tui.core.model import DRAFT_SUMMARY
from tui.core.text import fold_white_space, one_line

MAX_ID_LENGTH = 60
_GROUPED_NUMBER = re.compile(r"(?<!\d)\d{1,3}(?:[,. \u00a0\u202f]\d{3})+(?![\d%])")
"""A number written with its thousands apart by a point, a comma or a space: "1,800", "1.000",
"331 200"; not a percentage's decimals ("4.375%"), nor two numbers side by side ("2024 300")."""
LEDE_SENTENCES = 2
MAX_LEDE_WORDS = 120
"""The summary quotes at most this many words of the article's opening: a text that runs on
without a full stop is one sentence."""
MAX_FACT_WORDS = 100
"""A sentence longer than this, as a text that runs on without a full stop is, is no fact to
read whole: its quote stands for it."""
_UNBALANCED_QUOTES = re.compile(r"[\"“”]")
# Characters a YAML stream may not hold as they are: they are written as escapes.
_NOT_YAML_PRINTABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]"
)


class DraftProgress(NamedTuple):
    """How far the drafting of an article has got: step ``step`` of ``steps`` (from 1), what it
    does, and the share of it done, 0 to 1; None for a step that cannot tell."""

    step: int
    steps: int
    doing: str
    share: float | None

    def __str__(self) -> str:
        done = "" if self.share is None else f", {self.share:.0%}"
        return f"{self.doing}{done} (step {self.step} of {self.steps})"

    def in_short(self) -> str:
        """How far, without what the step does: ``step 3 of 4, 40%``."""
        done = "" if self.share is None else f", {self.share:.0%}"
        return f"step {self.step} of {self.steps}{done}"


Progress = Callable[[DraftProgress], None]
PAGE_STEP = "extracting the article from its page"
DRAFT_STEPS = (
    "reading its sentences",
    "telling its language, title and date",
    "finding the names it gives",
    "choosing its facts",
)
TOLD_EVERY = 0.01
"""How much more of a step must be done before it is told again: an article of megabytes has
tens of thousands of sentences."""


class Steps:
    """The steps of drafting one article, each told to ``progress`` as it starts and as it goes
    on; a saved ``page`` has its article extracted first."""

    def __init__(self, progress: Progress | None = None, *, page: bool = False) -> None:
        self._progress = progress
        self._names = (PAGE_STEP, *DRAFT_STEPS) if page else DRAFT_STEPS
        self._started = 0

    def next(self, total: int = 0) -> Told | None:
        """Start the next step; when it goes through ``total`` characters (or parts), what to
        tell how many it has gone through (None when nobody is told)."""
        self._started += 1
        progress = self._progress
        if progress is None:
            return None
        step, steps = self._started, len(self._names)
        doing = self._names[step - 1]
        progress(DraftProgress(step, steps, doing, 0.0 if total else None))
        if not total:
            return None
        every = max(1, int(total * TOLD_EVERY))
        told_at = 0

        def told(done: int) -> None:
            nonlocal told_at
            if done - told_at >= every:
                told_at = done
                progress(DraftProgress(step, steps, doing, min(done / total, 1.0)))

        return told


class NothingToDraft(ValueError):
    """An article with no sentence of prose to draft a fact from."""


_CODE_LINE = re.compile(
    r"\s*(?:[\w.\"'-]+\s*=\s*\S"  # a setting: name = value
    r"|[\[\]{}<@]|#|//|/\*|\*/|\"\"\"|'''"  # a section, a bracket, a tag, a decorator, a comment
    r"|[\"'][^\"']*[\"']\s*(?::\s*\S.*)?,\s*$"  # a quoted value in a list or a mapping
    r"|(?:import|from|def|class|function|const|let|var)\s+[\w.]+\s*(?:[=(:]|import\b|$)"
    r"|(?:if|elif|else|for|while|try|except|finally|with)\b.*:\s*$"  # a block opened
    r"|(?:return|raise|yield|pass|break|continue)\b(?:\s+[\w.\[(\"']|\s*$)"
    r"|[)\]}]+[,;)]*\s*$"  # brackets closed alone
    r"|.*[{(\[]\s*$)"  # a block, a call or a list opened (not a ";": Spanish lists end so)
)
"""A line of code or settings. The keywords are in small letters, as no sentence of an article
starts; a line of a text wrapped at a fixed width may, but not half of them with these."""
CODE_SHARE = 0.5
"""The share of a text's lines that must read as code or settings for it to be refused: an
article quotes a line of code now and then, and a press release may list "Contact: ...", but no
article is half made of them."""
CODE_LINES_LEAST = 5


def _code_lines(text: str) -> list[str] | None:
    """The lines of ``text`` that read as code or settings, when they are so many that it is not
    an article (a program, a configuration file, a data file saved as text); else None."""
    lines = [line for line in text.splitlines() if line.strip()]
    code = [line for line in lines if _CODE_LINE.match(line)]
    if len(code) >= CODE_LINES_LEAST and len(code) >= CODE_SHARE * len(lines):
        return code
    return None


@dataclass(frozen=True)
class Draft:
    """A draft brief's fields, without its id and source, which the corpus it joins decides."""

    title: str
    language: str
    fields: dict[str, Any] = field(default_factory=dict)
    """The brief's other fields, in the order a brief file gives them."""

    @property
    def published(self) -> str | None:
        value = self.fields.get("published")
        return str(value) if value else None

    @property
    def fact_count(self) -> int:
        return len(self.fields.get("key_facts", ()))


def draft_article(
    text: str, gazetteer: Gazetteer, page: Page | None = None, steps: Steps | None = None
) -> Draft:
    """The draft brief of the article ``text``, with what its web page says when it came from
    one; raises :class:`NothingToDraft` when the article holds no prose. Each of its ``steps``
    is told as it goes."""
    steps = steps or Steps()
    code = _code_lines(text) if page is None else None
    if code is not None:
        example = one_line(code[0])
        example = example if len(example) <= 40 else example[:39] + "…"
        raise NothingToDraft(
            f"{len(code)} of its lines read as code or settings, not as an article's prose"
            f" (such as {example!r}); add the text of a news article"
        )
    # A standfirst printed twice is read once.
    # White space folded: a text wrapped at a fixed width breaks sentences, and names, over lines.
    found = sentences(text, steps.next(len(text)))
    prose = list(dict.fromkeys(fold_white_space(s.text) for s in found if not s.furniture))
    if not prose:
        raise NothingToDraft("no sentence of prose was found in the article to draft facts from")
    body = "\n".join(prose)
    told = steps.next(4) or _not_told  # of its language, title, date and author
    language = detect_language(body if len(body.split()) >= 20 else text)
    told(1)
    title = (page.title if page else None) or find_title(text) or _first_words(prose[0])
    told(2)
    published = find_published(text, language, page.date if page else None)
    told(3)
    author = (page.author if page else None) or find_author(text)
    # The body only: a headline in title case would read as one long name.
    skip = [author] if author else []
    entities = find_entities(
        body, gazetteer, skip=skip, language=language, told=steps.next(len(body))
    )
    candidates = candidate_facts(
        text, places=gazetteer.places_folded, all_sentences=found, told=steps.next(len(text))
    )
    facts = [_fact(c.sentence, c.quote, c.kind, language) for c in candidates]
    if not facts:
        raise NothingToDraft("no sentence of the article could be quoted as a fact")
    fields: dict[str, Any] = {}
    # Where the article stands among the page's furniture, for the analyst to check: the filter
    # leaves out what is outside it.
    starts, ends = article_edges(text)
    if starts is not None:
        fields["article_starts"] = starts
    if ends is not None:
        fields["article_ends"] = ends
    if published is not None:
        fields["published"] = published.date.isoformat()
        if published.note:
            fields["date_note"] = published.note
    outlet = (page.outlet if page is not None else None) or find_agency(text)
    if outlet:
        fields["outlet"] = outlet
    if author:
        fields["author"] = author
    fields.update(entities.as_fields())
    fields["summary"] = _summary(prose, language)
    fields["key_facts"] = facts
    return Draft(title, language, fields)


def _not_told(done: int) -> None:
    pass


def _fact(sentence: str, quote: str, kind: str, language: str) -> dict[str, Any]:
    fact: dict[str, Any] = {"quote": quote, "kind": kind, "reviewed": False}
    if language == "en":
        return {"fact": _cleaned(quote), **fact}
    # The article's own sentence, whole, until the analyst renders it in English; of one that
    # runs on, or holds a quotation mark without its partner (a quotation going on into the
    # next paragraph), the part its quote gives, marked as cut.
    whole = len(sentence.split()) <= MAX_FACT_WORDS and not unpaired_marks(sentence)
    own = sentence if whole else f"{quote} …"
    return {"fact": _cleaned(own, english=False), **fact, "needs_english": True}


def _cleaned(text: str, *, english: bool = True) -> str:
    """``text`` as a sentence of its own: white space folded and a full stop last; in English,
    also a quote mark left open by the cut removed and a capital first. A sentence in another
    language stays as the article prints it, for the analyst to render."""
    text = fold_white_space(text).strip()
    if english and len(_UNBALANCED_QUOTES.findall(text)) % 2:
        text = _UNBALANCED_QUOTES.sub("", text)
        text = fold_white_space(text).strip()
    text = text.rstrip(" ,;:")
    first = next((i for i, char in enumerate(text) if char.isalnum()), None)
    if english and first is not None and text[first].islower():
        text = text[:first] + text[first].upper() + text[first + 1 :]
    if text and text[-1] not in '.!?…"”’':
        text += "."
    return text


def _summary(prose: list[str], language: str) -> str:
    opening = " ".join(fold_white_space(s).strip() for s in prose[:LEDE_SENTENCES])
    words = opening.split(" ")
    if len(words) > MAX_LEDE_WORDS:
        opening = " ".join(words[:MAX_LEDE_WORDS]).rstrip(" ,;:") + " …"
    named = NAMES.get(language, language)
    written_in = "" if language == "en" else f" (in {named})"
    return f"{DRAFT_SUMMARY} The article{written_in} opens: {opening}"


def _first_words(sentence: str, count: int = 12) -> str:
    words = sentence.split()
    return " ".join(words[:count]) + ("…" if len(words) > count else "")


def brief_id(title: str) -> str:
    """An id made of the title's words: lowercase ASCII letters and digits joined by hyphens,
    each number one word ("1,800 jobs" is 1800-jobs: cut after "1", the id read as a figure)."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    whole = _GROUPED_NUMBER.sub(lambda number: re.sub(r"\D", "", number[0]), ascii_title)
    words = re.findall(r"[a-z0-9]+", whole.lower())
    ident = ""
    for word in words:
        candidate = f"{ident}-{word}" if ident else word
        if len(candidate) > MAX_ID_LENGTH:
            break
        ident = candidate
    return ident or "article"


def brief_yaml(ident: str, source: str, draft: Draft) -> str:
    """The YAML text of the draft brief ``ident`` about ``seeds/source``."""
    lines = [
        "# A draft made by briefing add from the article. Read it through: write the summary,",
        "# check each fact against its quote, give facts and title in English, then remove",
        "# reviewed: false from the facts you keep, and status: draft from the brief.",
        # Quoted as the other fields are: an id of digits ("2026") or a yes/no word ("no") reads
        # as a number or a yes/no value otherwise, and the brief would not load.
        f"id: {_scalar(ident)}",
        "status: draft",
        f"source: {_scalar(source)}",
        f"title: {_scalar(draft.title)}",
        f"language: {draft.language}",
    ]
    for name, value in draft.fields.items():
        if name == "key_facts":
            lines.append("key_facts:")
            for fact in value:
                first = True
                for key, item in fact.items():
                    lead = "  - " if first else "    "
                    lines.append(f"{lead}{key}: {_scalar(item)}")
                    first = False
        elif isinstance(value, list):
            lines.append(f"{name}:")
            lines.extend(f"  - {_scalar(item)}" for item in value)
        else:
            lines.append(f"{name}: {_scalar(value)}")
    return "\n".join(lines) + "\n"


def _scalar(value: Any) -> str:
    """``value`` as a YAML scalar: text double-quoted, so that it reads back exactly as written."""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = json.dumps(str(value), ensure_ascii=False)
    return _NOT_YAML_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
