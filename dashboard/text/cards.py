"""Figures and articles as grids of cards in one block of HTML each, every piece of data text escaped.

One HTML block draws a whole grid: a card per Streamlit element would cost four elements a card on every rerun.
"""

from __future__ import annotations

from html import escape

import pandas as pd

from dashboard.text.citations import figure_path, page_link
from dashboard.text.locale import Locale
from dashboard.text.wording import TOPIC_SUMMARY, aside, period_text, source_kind_word, status_word

STYLE = """<style>
.zi-cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:1rem;margin:.25rem 0 1rem}
.zi-card{border:1px solid rgba(128,128,128,.35);border-radius:.5rem;padding:.9rem 1rem;display:flex;
flex-direction:column;gap:.35rem}
.zi-card .zi-what{font-weight:600;line-height:1.35}
.zi-card .zi-value{font-size:1.6rem;font-weight:700;line-height:1.2}
.zi-card .zi-facts,.zi-card .zi-source{font-size:.85rem;opacity:.8}
.zi-card a{color:inherit;text-decoration:underline}
.zi-card details{font-size:.85rem}
.zi-card summary{cursor:pointer;opacity:.8}
.zi-card q{display:block;margin-top:.3rem;font-style:italic}
.zi-articles{grid-template-columns:repeat(auto-fill,minmax(22rem,1fr))}
.zi-card .zi-summary{font-size:.95rem;line-height:1.45}
.zi-card code{display:block;margin-top:.3rem;white-space:pre-wrap;font-size:.8rem}
</style>"""


def _text(value: object) -> str:
    """Data text made inert: HTML-escaped, runs of whitespace made one space."""
    return escape(" ".join(str(value).split()))


def _present(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _link(text: str, url: object, loc: Locale) -> str:
    """The text linked to the address, or followed by "(no link known)" in the reader's language."""
    if _present(url):
        return f'<a href="{escape(url, quote=True)}" target="_blank">{_text(text)}</a>'
    return loc._("{text} (no link known)").format(text=_text(text))


def card(row, loc: Locale, show_sector: bool = False) -> str:
    """One figure: what and where, the value as worded, qualifier, period, status, source link, the article's words.

    The quote stays in the article's language (English), marked as such for screen readers.
    """
    marks = loc.marks
    what = f"{row.indicator}{marks.comma}{row.place}" + aside(row.label, loc)
    # The value already says its qualifier in words ("nearly 30,000 apps"); an exact figure says so here.
    facts = [*([loc._("exact figure")] if row.qualifier == "exact" else []), period_text(row.period, loc),
             status_word(row.status, loc)]
    if show_sector:
        facts.append(row.sector_label)
    kind = aside(source_kind_word(row.source_kind, loc), loc) if _present(row.source_kind) else ""
    source = _link(f"{row.publisher}{kind}{marks.comma}{loc.date(row.published)}", row.url, loc)
    summary = (f'<div class="zi-facts">{escape(loc._(TOPIC_SUMMARY), quote=False)}</div>'
               if row.quoted_from == "topic page summary" else "")
    words = escape(loc._("In the article's words"), quote=False)
    more = escape(loc._("Sentence, source and citation"), quote=False)
    named = escape(loc._("Sentence, source and citation of {figure}").format(figure=what), quote=True)
    page = escape(page_link(figure_path(str(row.figure_id)), loc), quote=True)
    return (f'<div class="zi-card"><div class="zi-what">{_text(what)}</div>'
            f'<div class="zi-value">{_text(row.value_text)}</div>'
            f'<div class="zi-facts">{" · ".join(_text(f) for f in facts)}</div>'
            f'<div class="zi-source">{source}</div>'
            f'<details><summary>{words}</summary><q lang="en">{_text(row.quote)}</q>{summary}</details>'
            f'<a class="zi-more" href="{page}" target="_self" aria-label="{named}">{more} →</a></div>')


def cards(rows: pd.DataFrame, loc: Locale, show_sector: bool = False) -> str:
    """A responsive grid of cards, one per row of the tidy frame, in the reader's language."""
    return f'<div class="zi-cards">{STYLE}{"".join(card(r, loc, show_sector) for r in rows.itertuples())}</div>'


def article(first, count: int, summary: str | None, cited: str | None, loc: Locale) -> str:
    """One source article: headline, publisher, date and link, its summary, how many figures match, how to cite it."""
    link = (_link(loc._("open the article"), first.url, loc) if _present(first.url)
            else escape(loc._("no link known"), quote=False))
    parts = [f'<div class="zi-card"><div class="zi-what">{_text(first.source_title)}</div>',
             f'<div class="zi-source">{_text(first.publisher)} · {_text(loc.date(first.published))} · {link}</div>']
    if summary:
        parts.append(f'<div class="zi-summary">{_text(summary)}</div>')
    matches = loc.ngettext("{n} figure from this article matches the filters",
                             "{n} figures from this article match the filters", count).format(n=loc.number(count))
    parts.append(f'<div class="zi-facts">{escape(matches, quote=False)}</div>')
    if cited:
        cite = escape(loc._("Cite this article"), quote=False)
        parts.append(f"<details><summary>{cite}</summary><code>{_text(cited)}</code></details>")
    return "".join(parts) + "</div>"


def articles(items, loc: Locale) -> str:
    """A grid of article cards; `items` are (first record, figure count, summary, citation) tuples."""
    return f'<div class="zi-cards zi-articles">{STYLE}{"".join(article(*item, loc=loc) for item in items)}</div>'
