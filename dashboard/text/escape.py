"""Text from the data made safe in Markdown, and the sources of a chart as one line of it, in either language."""

from __future__ import annotations

import re

import pandas as pd

from dashboard.text.locale import translation
from dashboard.text.wording import MARKS, date_text


def md_escape(text: object) -> str:
    """Text from the data made literal in Markdown (every ASCII punctuation mark backslash-escaped)."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|<>~$:=&\"'/^%@,;?])", r"\\\1", " ".join(str(text).split()))


def md_link(text: object, url: object) -> str:
    """A Markdown link whose text is literal; the address is percent-encoded where Markdown would stop."""
    if not isinstance(url, str) or not url:
        return md_escape(text)
    safe = url.replace("(", "%28").replace(")", "%29").replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")
    return f"[{md_escape(text)}]({safe})"


def source_line(refs: pd.DataFrame, code: str) -> str:
    """The sources as one line of Markdown in language `code`: publisher, linked headline and date of each."""
    words = translation(code)

    def one(publisher, title, url, published) -> str:
        linked = isinstance(url, str) and url
        text = words.gettext("{publisher}, {headline}, {published}") if linked else words.gettext(
            "{publisher}, {headline}, {published} (no link known)")
        return text.format(publisher=md_escape(publisher), headline=md_link(title, url),
                           published=md_escape(date_text(str(published), code)))

    columns = (refs[name] for name in ("publisher", "source_title", "url", "published"))
    return words.ngettext("Source: {sources}.", "Sources: {sources}.", len(refs)).format(
        sources=MARKS[code].semicolon.join(one(*ref) for ref in zip(*columns, strict=True)))
