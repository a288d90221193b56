"""Text from the data made safe in Markdown, and the sources of a chart as one line of it, in either language."""

from __future__ import annotations

import re

import pandas as pd

from dashboard.text.locale import Locale

# What Streamlit's Markdown turns into a link even with every mark escaped: its autolinking reads the text after
# escapes are resolved, so a bare address (http://, https://, www.) or an e-mail address is set as inline code instead.
LINKABLE = re.compile(r"(?i)(?:https?:/|www\.)\S*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=&\"'/^%@,;?])")


def _code(text: str) -> str:
    """Text as an inline code span, whatever backticks it holds (a fence longer than any run of them inside)."""
    fence = "`" * (max(map(len, re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def md_escape(text: object) -> str:
    """Text from the data made literal in Markdown: every ASCII punctuation mark backslash-escaped, and any web or
    e-mail address set as inline code, which nothing autolinks; the text reads and copies as written."""
    flat, done, at = " ".join(str(text).split()), [], 0
    for found in LINKABLE.finditer(flat):
        done += [PUNCTUATION.sub(r"\\\1", flat[at:found.start()]), _code(found.group())]
        at = found.end()
    return "".join([*done, PUNCTUATION.sub(r"\\\1", flat[at:])])


def md_link(text: object, url: object) -> str:
    """A Markdown link whose text is literal; the address is percent-encoded where Markdown would stop."""
    if not isinstance(url, str) or not url:
        return md_escape(text)
    safe = url.replace("(", "%28").replace(")", "%29").replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")
    return f"[{md_escape(text)}]({safe})"


def source_line(refs: pd.DataFrame, loc: Locale) -> str:
    """The sources as one line of Markdown in the reader's language: publisher, linked headline and date of each."""

    def one(publisher, title, url, published) -> str:
        linked = isinstance(url, str) and url
        text = loc._("{publisher}, {headline}, {published}") if linked else loc._(
            "{publisher}, {headline}, {published} (no link known)")
        return text.format(publisher=md_escape(publisher), headline=md_link(title, url),
                           published=md_escape(loc.date(str(published))))

    columns = (refs[name] for name in ("publisher", "source_title", "url", "published"))
    return loc.ngettext("Source: {sources}.", "Sources: {sources}.", len(refs)).format(
        sources=loc.marks.semicolon.join(one(*ref) for ref in zip(*columns, strict=True)))
