"""Markup nested deeper than the HTML parser goes, flattened so its text is not lost.

libxml2 (under lxml, under trafilatura) stops building the tree at 256 levels, and everything
below is gone: a page whose article sits 300 `<div>`s deep reads as having no text. This
rewrites such a page with the stdlib parser, which has no depth limit: the first
`MAX_DEPTH` levels stay as they are; below them, tags are dropped and each block (a paragraph,
a heading, a list item, a `<div>`, a `<br>`) starts a new paragraph, so the text keeps its
paragraphs.
"""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser

MAX_DEPTH = 128
VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)
BLOCKS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    }
)
HIDDEN = frozenset({"script", "style", "template", "noscript"})


class _Flattener(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, written as a tag)
        self.flattened = False
        self._hidden = 0
        self._text_since_break = True  # one paragraph break between texts, not one per tag

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HIDDEN:
            self._hidden += 1
            return
        deep = len(self.stack) >= MAX_DEPTH
        if tag in VOID:
            self._void(tag, attrs, deep)
            return
        self.stack.append((tag, not deep))
        if not deep:
            self.out.append(_tag(tag, attrs))
        else:
            self.flattened = True
            if tag in BLOCKS:
                self._break()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in HIDDEN:
            self._void(tag, attrs, len(self.stack) >= MAX_DEPTH)

    def _void(self, tag: str, attrs: list[tuple[str, str | None]], deep: bool) -> None:
        if not deep:
            self.out.append(_tag(tag, attrs))
        elif tag == "br":
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN:
            self._hidden = max(0, self._hidden - 1)
            return
        at = self._open_at(tag)
        if at is None:
            return  # a stray end tag
        while len(self.stack) > at:
            name, written = self.stack.pop()
            if written:
                self.out.append(f"</{name}>")
            elif name in BLOCKS:
                self._break()

    def _open_at(self, tag: str) -> int | None:
        """Where the innermost open `tag` is in the stack (usually on top: no scan then)."""
        for at in range(len(self.stack) - 1, -1, -1):
            if self.stack[at][0] == tag:
                return at
        return None

    def _break(self) -> None:
        if self._text_since_break:
            self.out.append("<p>")
            self._text_since_break = False

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.out.append(escape(data, quote=False))
            self._text_since_break = self._text_since_break or bool(data.strip())


def _tag(tag: str, attrs: list[tuple[str, str | None]]) -> str:
    written = "".join(
        f' {k}="{escape(v, quote=True)}"' if v is not None else f" {k}" for k, v in attrs
    )
    return f"<{tag}{written}>"


def flatten(html: str) -> str | None:
    """The page with what lies deeper than `MAX_DEPTH` flattened; None when nothing does."""
    parser = _Flattener()
    try:
        parser.feed(html)
        parser.close()
    except (AssertionError, ValueError):  # HTMLParser on badly broken markup
        return None
    return "".join(parser.out) if parser.flattened else None
