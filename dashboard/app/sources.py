"""Sources: the articles behind the figures, and the figures of the one chosen."""

import pandas as pd
import streamlit as st

from dashboard.app import components, state
from dashboard.table.filters import by_source, page_of, pages
from dashboard.table.page_tables import ROW_HEIGHT, SOURCE_COLUMNS, for_table, in_words
from dashboard.text.cards import articles
from dashboard.text.citations import cite_source
from dashboard.text.escape import md_escape

SOURCES_PER_PAGE = 25  # article cards a page
SOURCE_ROWS = 50  # figures listed for the article chosen; the Data page lists them all


def _behind(articles: int, figures: int) -> str:
    """'3 articles behind the 10 figures that match the filters.'"""
    if figures == 1:
        text = state.locale()._("{articles} article behind the {figures} figure that matches the filters.")
    else:
        text = state.locale().ngettext("{articles} article behind the {figures} figures that match the filters.",
                             "{articles} articles behind the {figures} figures that match the filters.", articles)
    return text.format(articles=f"{articles:,}", figures=f"{figures:,}")


def _chose() -> None:
    """The article chosen goes into the address, to share."""
    st.query_params["article"] = st.session_state["article"]


def _cards(groups: list[pd.DataFrame], found: dict) -> str:
    """The cards of these articles (each group: the rows of one article's figures), as one block of HTML."""
    loc, items = state.locale(), []
    for rows in groups:
        first = rows.iloc[0]
        source = found.get(first.source_id)
        summary, cited = (None, None) if source is None else (loc.field(source, "summary"),
                                                              cite_source(source, loc))
        items.append((first, len(rows), summary, cited))
    return articles(items, loc=loc)


def _one_article(found: dict, used: list[pd.DataFrame]) -> None:
    """The figures of the article chosen, and its citation with a copy button."""
    loc = state.locale()
    st.header(loc._("Figures from one article"), anchor=False)
    groups = {rows["source_id"].iloc[0]: rows for rows in used}

    def name(sid: str) -> str:
        first = groups[sid].iloc[0]
        return loc._("{headline} ({publisher}, {published})").format(headline=first.source_title, publisher=first.publisher,
                                                                  published=loc.date(str(first.published)))

    asked = st.query_params.get("article")  # a shared address names the article
    if asked in groups and asked != st.session_state.get("article"):
        st.session_state["article"] = asked
    if st.session_state.get("article") not in groups:  # the newest article the filters keep
        st.session_state["article"] = next(iter(groups))
    if asked is not None and asked not in groups:
        st.warning(loc._("The address names an article the filters do not keep ({article}): showing the newest.").format(
            article=md_escape(asked[:60])))
    if asked is not None and asked != st.session_state["article"]:
        st.query_params["article"] = st.session_state["article"]  # the address shows the article shown
    chosen = st.selectbox(loc._("Article"), list(groups), key="article", format_func=name, on_change=_chose,
                          placeholder=loc._("Choose an article"))
    rows = groups[chosen]
    table = in_words(for_table(rows.head(SOURCE_ROWS), SOURCE_COLUMNS, loc), loc)
    st.dataframe(table, hide_index=True, width="stretch", row_height=ROW_HEIGHT,
                 column_config={column: st.column_config.TextColumn(loc._(label), width=width)
                                for column, label, width in SOURCE_COLUMNS})
    components.csv_button(rows, name=f"zhejiang-{chosen}", key="csv_article",
                          label=loc._("Download this article's {n} figures (CSV)").format(n=len(rows)),
                          help=loc._("Every column, sources included. Cells that a spreadsheet would run as a formula are "
                                 "neutralised."))
    if len(rows) > SOURCE_ROWS:
        st.caption(loc._("{shown} of the {total} figures from this article are listed here; the Data page lists them all.")
                   .format(shown=SOURCE_ROWS, total=f"{len(rows):,}"))
    source = found.get(chosen)
    if source is not None:
        cited = cite_source(source, loc)
        st.caption(loc._("Citation (copy with the button at its right):"))
        st.code(cited, language=None, wrap_lines=True)


def main() -> None:
    """Draw the Sources page."""
    loc = state.locale()
    top = components.page_top(loc._("Sources"), loc._("The articles the figures come from, newest first. Choose one below the "
                                              "list to see its figures."))
    if top is None:
        return
    rows = top[1]
    found = components.data().sources
    used, page = by_source(rows), 1
    st.caption(_behind(len(used), len(rows)))
    if len(used) > SOURCES_PER_PAGE:
        total = pages(len(used), SOURCES_PER_PAGE)
        page = int(st.number_input(loc._("Page (1 to {total})").format(total=total), 1, total, key="sources_page"))
    shown = list(page_of(used, page, SOURCES_PER_PAGE))
    st.html(_cards(shown, found))
    _one_article(found, shown)


main()
