"""Sources: the articles behind the figures, and the figures of the one chosen."""

import pandas as pd
import streamlit as st

from dashboard.app.derived import article_cards, by_article, source_table
from dashboard.app.widgets import DataKey, Dataset, data_key, lang, page_top, selection, ui
from dashboard.table.filters import SOURCE_ROWS, Filters, page_of, pages
from dashboard.table.page_tables import SOURCE_COLUMNS
from dashboard.text.citations import cite_source
from dashboard.text.escape import md_escape
from dashboard.text.wording import date_text

SOURCES_PER_PAGE = 25  # article cards a page


def _behind(articles: int, figures: int) -> str:
    """'3 articles behind the 10 figures that match the filters.'"""
    if figures == 1:
        text = ui().gettext("{articles} article behind the {figures} figure that matches the filters.")
    else:
        text = ui().ngettext("{articles} article behind the {figures} figures that match the filters.",
                             "{articles} articles behind the {figures} figures that match the filters.", articles)
    return text.format(articles=f"{articles:,}", figures=f"{figures:,}")


def _chose() -> None:
    """The article chosen goes into the address, to share."""
    st.query_params["article"] = st.session_state["article"]


def _one_article(data: Dataset, used: list[pd.DataFrame], key: DataKey, filters: Filters) -> None:
    """The figures of the article chosen, and its citation with a copy button."""
    _ = ui().gettext
    st.header(_("Figures from one article"), anchor=False)
    groups = {rows["source_id"].iloc[0]: rows for rows in used}

    def name(sid: str) -> str:
        first = groups[sid].iloc[0]
        return _("{headline} ({publisher}, {published})").format(headline=first.source_title, publisher=first.publisher,
                                                                  published=date_text(str(first.published), lang()))

    asked = st.query_params.get("article")  # a shared address names the article
    if asked in groups and asked != st.session_state.get("article"):
        st.session_state["article"] = asked
    if st.session_state.get("article") not in groups:  # the newest article the filters keep
        st.session_state["article"] = next(iter(groups))
    if asked is not None and asked not in groups:
        st.warning(_("The address names an article the filters do not keep ({article}): showing the newest.").format(
            article=md_escape(asked[:60])))
    if asked is not None and asked != st.session_state["article"]:
        st.query_params["article"] = st.session_state["article"]  # the address shows the article shown
    chosen = st.selectbox(_("Article"), list(groups), key="article", format_func=name, on_change=_chose)
    rows = groups[chosen]
    st.dataframe(source_table(key, filters, chosen), hide_index=True,
                 width="stretch", column_config={column: st.column_config.TextColumn(_(label), width=width)
                                                 for column, label, width in SOURCE_COLUMNS})
    if len(rows) > SOURCE_ROWS:
        st.caption(_("{shown} of the {total} figures from this article are listed here; the Data page lists them all.")
                   .format(shown=SOURCE_ROWS, total=f"{len(rows):,}"))
    source = data.sources.get(chosen)
    if source is not None:
        cited = cite_source(source, lang())
        st.caption(_("Citation (copy with the button at its right):"))
        st.code(cited, language=None, wrap_lines=True)


def main() -> None:
    """Draw the Sources page."""
    _ = ui().gettext
    top = page_top(_("Sources"), _("The articles the figures come from, newest first. Choose one below the list to see "
                                   "its figures."))
    if top is None:
        return
    data, rows = top
    key, filters = data_key(), selection(data.options)
    used, page = by_article(key, filters), 1
    st.caption(_behind(len(used), len(rows)))
    if len(used) > SOURCES_PER_PAGE:
        total = pages(len(used), SOURCES_PER_PAGE)
        page = int(st.number_input(_("Page (1 to {total})").format(total=total), 1, total, key="sources_page"))
    st.html(article_cards(key, filters, page, SOURCES_PER_PAGE))
    _one_article(data, list(page_of(used, page, SOURCES_PER_PAGE)), key, filters)


main()
