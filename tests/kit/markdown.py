"""Reading an exported briefing back with a real Markdown parser, as a reader's viewer would."""

from __future__ import annotations

from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

# CommonMark plus the two extensions most viewers add: what escaping must hold against.
PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])

OWN_BLOCKS = frozenset({"heading", "paragraph", "blockquote", "ordered_list", "list_item"})
"""What a briefing is made of: headings, paragraphs, block quotes, and each brief's numbered
list of key facts, a list item for each fact (see :attr:`Document.list_items`)."""


@dataclass
class Section:
    """One h2 section: its heading and paragraphs, each marked as inside a block quote or not."""

    heading: str
    heading_kinds: set[str]
    paragraphs: list[tuple[str, bool, set[str]]] = field(default_factory=list)
    """(plain text, inside a block quote, the kinds of inline token it holds)"""

    @property
    def quoted(self) -> list[str]:
        return [text for text, in_quote, _ in self.paragraphs if in_quote]

    @property
    def plain(self) -> list[str]:
        return [text for text, in_quote, _ in self.paragraphs if not in_quote]


@dataclass
class Document:
    titles: list[str]
    """The text of each h1."""
    sections: list[Section]
    block_kinds: set[str]
    """Every kind of block token in the document."""
    list_items: int = 0
    """How many list items the document holds, in all its lists."""
    lead: list[str] = field(default_factory=list)
    """The paragraphs before the first h2."""


def inline_text(token: Token) -> str:
    parts = []
    for child in token.children or ():
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    return "".join(parts)


def inline_kinds(token: Token) -> set[str]:
    return {child.type for child in token.children or ()}


def read(markdown: str) -> Document:
    tokens = PARSER.parse(markdown)
    titles: list[str] = []
    sections: list[Section] = []
    lead: list[str] = []
    depth = 0
    heading: str | None = None
    marker: str | None = None
    """The number of the list item just opened, for its first paragraph: read back as written."""
    for index, token in enumerate(tokens):
        if token.type == "list_item_open":
            marker = f"{token.info}{token.markup} " if token.info else None
        elif token.type == "blockquote_open":
            depth += 1
        elif token.type == "blockquote_close":
            depth -= 1
        elif token.type == "heading_open":
            heading = token.tag
        elif token.type == "heading_close":
            heading = None
        elif token.type == "inline":
            text, kinds = inline_text(token), inline_kinds(token)
            if heading == "h1":
                titles.append(text)
            elif heading == "h2":
                sections.append(Section(text, kinds))
            elif heading is None and sections and tokens[index - 1].type == "paragraph_open":
                if marker is not None and depth == 0:
                    text, marker = marker + text, None
                sections[-1].paragraphs.append((text, depth > 0, kinds))
            elif heading is None and tokens[index - 1].type == "paragraph_open":
                lead.append(text)
    kinds = {t.type for t in tokens if t.type != "inline"}
    items = sum(t.type == "list_item_open" for t in tokens)
    return Document(titles, sections, kinds, items, lead)
