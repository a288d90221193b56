"""Where a figure comes from: a link to its sentence (a text fragment), the quote with its number marked, citations."""

from __future__ import annotations

import html
import json
import re
from urllib.parse import quote as percent
from urllib.parse import urlencode

from dashboard import __version__
from dashboard.data.quote_numbers import locate
from dashboard.text.locale import DEFAULT, Locale
from dashboard.text.wording import DASHBOARD, period_text, status_word

CSL_LANGUAGES = {"en": "en", "zh": "zh-CN"}  # the language of a CSL item's title, as citation styles read it
FRAGMENT_WORDS = 6  # words of the quote at each end of a text fragment (textStart,textEnd) for long quotes


def figure_path(figure_id: str) -> str:
    """The path of a figure's own page, the address a citation of it names."""
    return f"/figures/{percent(figure_id, safe='')}"


def chart_path(chart_id: str) -> str:
    """The path of a chart's own page."""
    return f"/charts/{percent(chart_id, safe='')}"


def page_link(path: str, loc: Locale) -> str:
    """A page of this site in the reader's language, relative to the linking page (so it works under any base path)."""
    return f"{path.lstrip('/')}?{urlencode({'lang': loc.code})}"


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


def figure_name(row, loc: Locale) -> str:
    """What a figure is about: '{indicator}, {place}, {period}' in the reader's language."""
    return loc._("{indicator}, {place}, {period}").format(
        indicator=row.indicator, place=row.place, period=period_text(row.period, loc))


def _title(row, loc: Locale) -> str:
    return loc._("{figure}: {value}").format(figure=figure_name(row, loc), value=row.value_text)


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def gbt_reference(author: object, publisher: str, headline: str, published: str, accessed: str, url: object,
                  loc: Locale) -> str:
    """An online article as GB/T 7714-2015 lists it: `人民网. Headline[EB/OL]. (2021-09-26)[2026-11-23]. http://...`."""
    who, by = (author, f"{publisher}, ") if _text(author) else (publisher, "")  # an author first, the publisher after
    where = _text(url) or loc._("no link known")
    return f"{who}. {headline}[EB/OL]. {by}({published})[{accessed}]. {where}"


def _author(author: object, publisher: str) -> str:
    """Who wrote an article, in an English citation: 'Chen Ye (China Daily)', or the publisher alone."""
    return f"{author} ({publisher})" if _text(author) else publisher


def cite_source(source, loc: Locale) -> str:
    """A plain-text citation of one source article: GB/T 7714 in Chinese."""
    if loc.code == DEFAULT:
        where = str(source.url) if source.url else "no link known"
        return (f'{_author(source.author, source.publisher)}. "{source.headline}". {source.published.isoformat()}. '
                f"{where} (accessed {source.accessed.isoformat()}).")
    return gbt_reference(source.author, source.publisher_zh or source.publisher, source.headline, source.published.isoformat(),
                         source.accessed.isoformat(), str(source.url) if source.url else None, loc)


def _dates(row, accessed: str | None) -> tuple[str, str]:
    """The curator's access date of the article (the row's `accessed`), and the date the dashboard was read."""
    # The dashboard's date is the one given (a reader's visit), else the article's: a page served to everyone and
    # kept by data version cites the curator's date.
    article = _text(getattr(row, "accessed", None)) or accessed
    if article is None:
        raise ValueError(f"no access date for {row.figure_id}")
    return article, accessed or article


def cite_text(row, address: str, loc: Locale, accessed: str | None = None) -> str:
    """A plain-text citation of one figure: the figure, its article (GB/T 7714 in Chinese), the dashboard, its address."""
    article_date, read = _dates(row, accessed)
    figure = loc._("{figure}: {value} ({status}).").format(figure=figure_name(row, loc), value=row.value_text,
                                                         status=status_word(row.status, loc))
    via = loc._("Via {dashboard} (version {version}), {address}, accessed {accessed}.").format(
        dashboard=loc._(DASHBOARD), version=__version__, address=address, accessed=read)
    if loc.code != DEFAULT:  # one line each: the figure, its article, the dashboard (an address ends each of the last two)
        return "\n".join((figure, gbt_reference(row.author, row.publisher, row.source_title, row.published, article_date,
                                                row.url, loc), via))
    where = _text(row.url) or "no link known"
    return (f'{figure} {_author(row.author, row.publisher)}, "{row.source_title}", {row.published}, {where}, '
            f"accessed {article_date}. {via}")


def _braced(text: object) -> str:
    """A BibTeX field value: the text in braces, any braces and backslashes of its own left out."""
    return "{" + str(text).replace("\\", "").replace("{", "").replace("}", "") + "}"


def cite_bibtex(row, address: str, loc: Locale, accessed: str | None = None) -> str:
    """A BibTeX @misc entry for one figure, keyed by its id: the article's author, else its publisher as a body."""
    key = re.sub(r"[^A-Za-z0-9]+", "_", str(row.figure_id))
    dashboard = loc._(DASHBOARD)
    article_date, read = _dates(row, accessed)
    article = ", ".join(str(part) for part in (row.source_title, row.publisher, row.published, _text(row.url)) if part)
    fields = {
        "title": _braced(_title(row, loc)),
        # a corporate author in double braces, so BibTeX does not read "China Daily" as a person named Daily
        "author": _braced(row.author) if _text(row.author) else "{" + _braced(row.publisher) + "}",
        "howpublished": _braced(article),
        "year": _braced(str(row.published)[:4]),
        "url": _braced(address),
        "urldate": _braced(read),
        "note": _braced(loc._("{status}; quoted: {quote}; via {dashboard} {version}; accessed {accessed}")
                        .format(status=status_word(row.status, loc), quote=row.quote, dashboard=dashboard,
                                version=__version__, accessed=article_date)),
    }
    return f"@misc{{{key},\n" + ",\n".join(f"  {name} = {value}" for name, value in fields.items()) + "\n}"


def cite_csl(row, address: str, loc: Locale, accessed: str | None = None) -> str:
    """A CSL-JSON item (as Zotero and pandoc use) for one figure, titled in the reader's language, which `language` says."""
    year, month, day = (int(part) for part in str(row.published).split("-"))
    read = _dates(row, accessed)[1]
    item = {
        "id": str(row.figure_id), "type": "dataset", "title": _title(row, loc),
        "author": [{"literal": str(_text(row.author) or row.publisher)}], "container-title": str(row.source_title),
        "issued": {"date-parts": [[year, month, day]]}, "URL": address,
        "note": loc._("{status}; quoted: {quote}").format(status=status_word(row.status, loc), quote=row.quote),
        "publisher": loc._(DASHBOARD), "version": __version__, "language": CSL_LANGUAGES.get(loc.code, loc.code),
        "accessed": {"date-parts": [[int(part) for part in read.split("-")]]},
    }
    if _text(row.url):
        item["source"] = row.url
    return json.dumps([item], indent=2, ensure_ascii=False)
