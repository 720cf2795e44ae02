"""HTML documents as the text lines a reader of the page sees, each with the HTML line it starts on.

Chat exports come as HTML too (Rocket.Chat, Element/Matrix, Telegram Desktop, DiscordChatExporter), and
so do saved status pages and HTML mails. The page's text goes back through format detection as if it had
been pasted: a speaker-and-time layout is chat, stamped lines are a log, the rest notes. Block elements
and ``<br>`` end a line; scripts, styles and the ``<head>`` are not text. An element whose ``title`` holds
a full date and time (the hover stamp of Telegram and DiscordChatExporter) gives that instead of its
shortened content. The standard library's ``html.parser`` reads the markup: it is lenient with the tag
soup exporters write and resolves character references.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCK = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
_SKIP = frozenset(("script", "style", "head", "noscript", "template", "svg"))
_VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
)
# A title attribute with a date and a time in it ("10.03.2026 13:02:11 UTC+03:00", "Monday, March 10, 2026 1:02 PM")
_STAMP = re.compile(r"(?:\d{4}|\d{1,2}[./-]\d{1,2}[./-]\d{2}).*\d{1,2}:\d{2}")


# Classes of avatar elements (Telegram's "userpic"/"initials", "avatar" elsewhere): their text is a
# person's initials, not part of a message.
_AVATAR = frozenset({"userpic", "initials", "avatar"})


def looks_like_html(sample: str) -> bool:
    """The sample opens as an HTML document (a doctype, ``<html>``, or a ``<body>`` near the top)."""
    head = sample.lstrip()[:2000].lower()
    return head.startswith(("<!doctype html", "<html")) or (head.startswith("<") and "<body" in head)


class _PageText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[tuple[int, str]] = []
        self._parts: list[str] = []
        self._at: int | None = None
        self._skip = 0
        self._hidden: list[str] = []  # tags whose content a stamp title replaced, open ones
        self._pending = ""

    def _flush(self) -> None:
        text = " ".join("".join(self._parts).split())
        if text and self._at is not None:
            self.lines.append((self._at, f"{self._pending} {text}".strip()))
            self._pending = ""
        self._parts, self._at = [], None

    def _add(self, text: str) -> None:
        if self._at is None:
            self._at = self.getpos()[0]
        self._parts.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skip += 1
            return
        if tag in _BLOCK or tag == "br":
            self._flush()
        if self._hidden and tag not in _VOID:
            self._hidden.append(tag)
            return
        if tag not in _VOID and _AVATAR & set((dict(attrs).get("class") or "").lower().split()):
            self._flush()
            self._hidden.append(tag)  # a userpic's initials ("CÖ") are no words of any message
            return
        title = dict(attrs).get("title") or ""
        if not self._skip and _STAMP.search(title) and tag not in _VOID:
            if "".join(self._parts).strip():
                self._add(f" [{title}] ")
            else:  # a stamp on its own (Telegram puts it above the name): it heads the next line
                self._pending = f"[{title}]"
            self._hidden.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK or tag == "br":
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skip = max(0, self._skip - 1)
            return
        if self._hidden and tag in self._hidden:
            while self._hidden and self._hidden.pop() != tag:
                pass
            return
        if tag in _BLOCK:
            self._flush()
        elif not self._hidden:
            self._add(" ")  # inline elements side by side ("<b>ana</b><span>13:02</span>") stay words apart

    def handle_data(self, data: str) -> None:
        if self._skip or self._hidden:
            return
        self._add(data)


def page_lines(html: str) -> tuple[list[str], list[int]]:
    """The page's text lines and, for each, the 1-based HTML line it starts on."""
    parser = _PageText()
    parser.feed(html)
    parser.close()
    parser._flush()
    return [t for _, t in parser.lines], [at for at, _ in parser.lines]


__all__ = ["looks_like_html", "page_lines"]
