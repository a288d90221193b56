"""Where a figure comes from: a link to its sentence (a text fragment), the quote with its number marked, citations."""

from __future__ import annotations

import html
import json
import re
from urllib.parse import quote as percent

from dashboard import __version__
from dashboard.data.wording import locate

DASHBOARD = "Zhejiang Indicators Dashboard"
FRAGMENT_WORDS = 6  # words of the quote at each end of a text fragment (textStart,textEnd) for long quotes


def _encode(text: str) -> str:
    """Text percent-encoded for a text directive: also '-', ',' and '&', which the syntax reserves."""
    return percent(text, safe="").replace("-", "%2D")


def fragment_text(quote: str) -> tuple[str, str | None]:
    """The words a text fragment looks for: the whole quote, or its first and last words when it is long."""
    words = quote.split()
    if len(words) <= 2 * FRAGMENT_WORDS:
        return " ".join(words), None
    return " ".join(words[:FRAGMENT_WORDS]), " ".join(words[-FRAGMENT_WORDS:])


def sentence_link(url: object, quote: str) -> str | None:
    """The article's address with a text fragment (#:~:text=...) that opens it at the quote; None without an address."""
    if not isinstance(url, str) or not url:
        return None
    start, end = fragment_text(quote)
    directive = _encode(start) + ("," + _encode(end) if end else "")
    return f"{url.split('#', 1)[0]}#:~:text={directive}"


def fragment_finds(text: str, quote: str) -> bool:
    """Whether a browser would find the quote's text fragment in the article text (case and spacing folded)."""
    folded = " ".join(text.split()).casefold()
    start, end = (part.casefold() if part else None for part in fragment_text(quote))
    at = folded.find(start)
    return at >= 0 and (end is None or folded.find(end, at + len(start)) >= 0)


def marked_quote(row) -> str:
    """The quote as escaped HTML, its number wrapped in <mark> (not for derived figures, whose number is ours)."""
    quote = str(row.quote)
    span = None if row.status == "derived" else locate(float(row.value), quote)
    if span is None:
        return html.escape(quote)
    start, end = span
    return f"{html.escape(quote[:start])}<mark>{html.escape(quote[start:end])}</mark>{html.escape(quote[end:])}"


def _what(row) -> str:
    return f"{row.indicator}, {row.place}, {row.period}"


def cite_text(row, address: str, accessed: str) -> str:
    """A plain-text citation of one figure: the figure, its article, the dashboard and the figure's address."""
    who = f"{row.author} ({row.publisher})" if isinstance(row.author, str) and row.author else row.publisher
    where = f" {row.url}" if isinstance(row.url, str) and row.url else " (no link known)"
    return (f'{_what(row)}: {row.value_text} ({row.status}). {who}, "{row.source_title}", {row.published}.{where} '
            f"Via {DASHBOARD} (version {__version__}), {address}, accessed {accessed}.")


def cite_bibtex(row, address: str, accessed: str) -> str:
    """A BibTeX @misc entry for one figure, keyed by its id."""
    key = re.sub(r"[^A-Za-z0-9]+", "_", str(row.figure_id))

    def braced(text: object) -> str:
        return "{" + str(text).replace("\\", "").replace("{", "").replace("}", "") + "}"

    fields = {
        "title": braced(f"{_what(row)}: {row.value_text}"),
        "author": braced(f"{{{row.publisher}}}"),
        "howpublished": braced(f"{row.source_title} ({row.publisher}, {row.published})"),
        "year": braced(str(row.published)[:4]),
        "url": braced(address),
        "note": braced(f"{row.status}; quoted: {row.quote}; via {DASHBOARD} {__version__}; accessed {accessed}"),
    }
    return f"@misc{{{key},\n" + ",\n".join(f"  {name} = {value}" for name, value in fields.items()) + "\n}"


def cite_csl(row, address: str, accessed: str) -> str:
    """A CSL-JSON item (as used by Zotero and pandoc) for one figure."""
    year, month, day = (int(part) for part in str(row.published).split("-"))
    item = {
        "id": str(row.figure_id), "type": "dataset", "title": f"{_what(row)}: {row.value_text}",
        "author": [{"literal": str(row.publisher)}], "container-title": str(row.source_title),
        "issued": {"date-parts": [[year, month, day]]}, "URL": address, "note": f"{row.status}; quoted: {row.quote}",
        "publisher": DASHBOARD, "version": __version__,
        "accessed": {"date-parts": [[int(part) for part in accessed.split("-")]]},
    }
    if isinstance(row.url, str) and row.url:
        item["source"] = row.url
    return json.dumps([item], indent=2, ensure_ascii=False)
