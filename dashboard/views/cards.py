"""Figures and articles as grids of cards in one block of HTML each, every piece of data text escaped.

One HTML block draws a whole grid: a card per Streamlit element would cost four elements a card on every rerun.
"""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from dashboard.views.display import agree
from dashboard.views.display import count as number

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


def _link(text: str, url: object) -> str:
    """The text linked to the address, or followed by "(no link known)"."""
    if _present(url):
        return f'<a href="{escape(url, quote=True)}" target="_blank">{_text(text)}</a>'
    return f"{_text(text)} (no link known)"


def card(row, show_sector: bool = False) -> str:
    """One figure: what and where, the value as worded, qualifier, period, status, source link, the article's words."""
    what = f"{row.indicator}, {row.place}" + (f" ({row.label})" if _present(row.label) else "")
    facts = [row.qualifier if row.qualifier != "exact" else "exact figure", row.period, row.status]
    if show_sector:
        facts.append(row.sector_label)
    source = _link(f"{row.publisher}, {row.published}", row.url)
    return (f'<div class="zi-card"><div class="zi-what">{_text(what)}</div>'
            f'<div class="zi-value">{_text(row.value_label)}</div>'
            f'<div class="zi-facts">{" · ".join(_text(f) for f in facts)}</div>'
            f'<div class="zi-source">{source}</div>'
            f"<details><summary>In the article's words</summary><q>{_text(row.quote)}</q></details>"
            f'<a class="zi-more" href="figure?figure={quote(str(row.figure_id), safe="")}" target="_self">'
            "Where this number comes from, and how to cite it</a></div>")


def cards(rows, show_sector: bool = False) -> str:
    """A responsive grid of cards, one per row (records with the tidy frame's columns)."""
    return f'<div class="zi-cards">{STYLE}{"".join(card(r, show_sector) for r in rows)}</div>'


def article(first, count: int, summary: str | None, cited: str | None) -> str:
    """One source article: headline, publisher, date and link, its summary, how many figures match, how to cite it."""
    parts = [f'<div class="zi-card"><div class="zi-what">{_text(first.source_title)}</div>',
             f'<div class="zi-source">{_text(first.publisher)} · {_text(first.published)} · '
             f'{_link("open the article", first.url) if _present(first.url) else "no link known"}</div>']
    if summary:
        parts.append(f'<div class="zi-summary">{_text(summary)}</div>')
    parts.append(f'<div class="zi-facts">{number(count, "figure")} from this article {agree(count, "matches", "match")} '
                 "the filters</div>")
    if cited:
        parts.append(f"<details><summary>Cite this article</summary><code>{_text(cited)}</code></details>")
    return "".join(parts) + "</div>"


def articles(items) -> str:
    """A grid of article cards; `items` are (first record, figure count, summary, citation) tuples."""
    return f'<div class="zi-cards zi-articles">{STYLE}{"".join(article(*item) for item in items)}</div>'

