"""Sources: the articles behind the figures, and the figures of the one chosen."""

import pandas as pd
import streamlit as st

from dashboard.app.derived import source_table
from dashboard.app.widgets import Dataset, current_filters, data_key, md_escape, page_top
from dashboard.views.cards import articles
from dashboard.views.display import agree, citation, count
from dashboard.views.selection import SOURCE_ROWS, by_source, page_of, pages
from dashboard.views.tables import SOURCE_COLUMNS

SOURCES_PER_PAGE = 25  # article cards a page
SOURCE_TABLE = {name: st.column_config.TextColumn(label, width=width)
                for name, label, width in SOURCE_COLUMNS}


def _cited(data: Dataset, source_id: str) -> str | None:
    source = data.sources.get(source_id)
    return citation(source) if source is not None else None


def _card(data: Dataset, rows: pd.DataFrame) -> tuple:
    """What an article card shows: its first row, how many figures match, its summary and citation."""
    first = rows.iloc[0]
    source = data.sources.get(first.source_id)
    return first, len(rows), source.summary if source is not None else None, _cited(data, first.source_id)


def _chose() -> None:
    """The article chosen goes into the address, to share."""
    st.query_params["article"] = st.session_state["article"]


def _one_article(data: Dataset, used: list[pd.DataFrame]) -> None:
    """The figures of the article chosen, and its citation with a copy button."""
    st.header("Figures from one article", anchor=False)
    groups = {rows["source_id"].iloc[0]: rows for rows in used}

    def name(sid: str) -> str:
        first = groups[sid].iloc[0]
        return f"{first.source_title} ({first.publisher}, {first.published})"

    asked = st.query_params.get("article")  # a shared address names the article
    if asked in groups and asked != st.session_state.get("article"):
        st.session_state["article"] = asked
    if st.session_state.get("article") not in groups:  # the newest article the filters keep
        st.session_state["article"] = next(iter(groups))
    if asked is not None and asked not in groups:
        st.warning(f"The address names an article the filters do not keep ({md_escape(asked[:60])}): showing the newest.")
    if asked is not None and asked != st.session_state["article"]:
        st.query_params["article"] = st.session_state["article"]  # the address shows the article shown
    chosen = st.selectbox("Article", list(groups), key="article", format_func=name, on_change=_chose)
    rows = groups[chosen]
    st.dataframe(source_table(data_key(), current_filters(data.options), chosen), hide_index=True, width="stretch",
                 column_config=SOURCE_TABLE)
    if len(rows) > SOURCE_ROWS:
        st.caption(f"{SOURCE_ROWS} of the {len(rows):,} figures from this article are listed here; the Data page lists "
                   "them all.")
    cited = _cited(data, chosen)
    if cited:
        st.caption("Citation (copy with the button at its right):")
        st.code(cited, language=None, wrap_lines=True)


def main() -> None:
    """Draw the Sources page."""
    top = page_top("Sources", "The articles the figures come from, newest first. Choose one below the list to see its "
                   "figures.")
    if top is None:
        return
    data, rows = top
    used = by_source(rows)
    st.caption(f"{count(len(used), 'article')} behind the {count(len(rows), 'figure')} that "
               f"{agree(len(rows), 'matches', 'match')} the filters.")
    if len(used) > SOURCES_PER_PAGE:
        total = pages(len(used), SOURCES_PER_PAGE)
        used = page_of(used, int(st.number_input(f"Page (1 to {total})", 1, total, key="sources_page")), SOURCES_PER_PAGE)
    st.html(articles([_card(data, group) for group in used]))
    _one_article(data, used)


main()
