"""Text of an HTML page: the article a reader came for.

:func:`main_text` is the article body as trafilatura extracts it: news pages carry
navigation, related-article lists, most-read boxes and reader comments inside plain
``<div>``s, and each headline there that names a place and a date would become a false
incident (``bench/html_extract.py``: 24 false incidents on six pages with the visible
text, 2 with trafilatura's).  The stdlib parser, :func:`parse_html`, still reads the
page's metadata (the title, the first ``<h1>``, the ``article:published_time`` /
``og:url`` meta values, the first ``<time datetime>``, the canonical link), and its
visible text is the fallback when trafilatura finds no article (a fragment, a page of
one line).
"""
from __future__ import annotations

import logging
from html.parser import HTMLParser

# a library logs to handlers its user installs: without this, trafilatura's warnings on
# odd pages ("readability_lxml failed") would reach stderr through logging's last resort
logging.getLogger("trafilatura").addHandler(logging.NullHandler())


_SKIP_TAGS = frozenset({"script", "style", "noscript", "nav", "header", "footer", "aside",
                        "form", "iframe", "svg", "template"})
_BLOCK_TAGS = frozenset({
    "address", "article", "blockquote", "br", "caption", "dd", "details", "div", "dl", "dt",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "main", "ol", "p",
    "pre", "section", "summary", "table", "td", "th", "tr", "ul", "body",
})


class _TextExtractor(HTMLParser):
    """Collects visible text, the title and a few metadata values, without recursion."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping: list[str] = []  # open elements whose content is dropped
        self._open_skips: dict[str, int] = {}  # counts of `skipping`, for O(1) lookups
        self.title: list[str] | None = None
        self.h1: list[str] | None = None
        self._capture: list[str] | None = None  # the title or h1 buffer being filled
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None
        self.time: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        if tag == "meta":
            key = (values.get("property") or values.get("name") or "").lower()
            self.meta.setdefault(key, values.get("content", ""))
        elif tag == "link" and "canonical" in values.get("rel", "").lower().split():
            self.canonical = self.canonical or values.get("href")
        elif tag == "time" and self.time is None and values.get("datetime"):
            self.time = values["datetime"]
        if tag in _SKIP_TAGS:
            self.skipping.append(tag)
            self._open_skips[tag] = self._open_skips.get(tag, 0) + 1
        if self.skipping:
            return
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")
            if self._capture is self.title:
                self._capture = None  # an unclosed <title> must not swallow the page
        if tag == "title" and self.title is None:
            self._capture = self.title = []
        elif tag == "h1" and self.h1 is None:
            self._capture = self.h1 = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <svg/>, <title/> and friends have no content: they must not open a region.
        if tag not in _SKIP_TAGS and tag not in ("title", "h1"):
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if self._open_skips.get(tag):
            while (closed := self.skipping.pop()) != tag:
                self._open_skips[closed] -= 1
            self._open_skips[tag] -= 1
            return
        if self.skipping:
            return
        if tag in ("title", "h1"):
            self._capture = None
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if self._capture is not None:
            self._capture.append(data)
        if self._capture is None or self._capture is not self.title:  # title is not body
            self.parts.append(data)

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        # The stdlib raises AssertionError on an unknown "<![keyword[": skip it instead.
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i)
            return -1 if end < 0 else end + 1


def _clean(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _defuse_tail(html: str) -> str:
    """Escape each ``<`` after the last ``>``: none of them can start a complete tag.

    html.parser rescans to the end of the input for every such ``<`` ("<a<a<a...",
    "</</</...", "<?<?..."), which is quadratic: 160 KB of "<a" took 26 s.  As text
    they read the same ("&lt;" becomes "<" again), so the visible text is unchanged.
    """
    tail = html.rfind(">") + 1
    if "<" not in html[tail:]:
        return html
    return html[:tail] + html[tail:].replace("<", "&lt;")


def parse_html(html: str) -> "_TextExtractor":
    """Parse a page; the returned extractor holds ``parts``, ``title``, ``h1``, ``meta``,
    ``time`` and ``canonical``."""
    parser = _TextExtractor()
    parser.feed(_defuse_tail(html))
    parser.close()
    return parser


def main_text(html: str) -> str:
    """The article text of a page (lines collapsed as :func:`clean` does), or "" if none.

    Comments are left out; tables are kept (casualty tables are content).
    """
    import trafilatura  # lxml and friends: imported only when a page is read

    # the same bound the stdlib parser gets: a "<" after the last ">" cannot open a tag
    # favor_precision: on the measured pages it keeps every article line and drops the
    # rest; without it a short page falls back to all of its text as one line
    text = trafilatura.extract(_defuse_tail(html), include_comments=False, include_tables=True,
                               deduplicate=False, favor_precision=True)
    return _clean(text or "")


def clean(text: str) -> str:
    """Collapse the extracted text's whitespace, line by line."""
    return _clean(text)
