"""Overview: the headline figures as cards."""

import streamlit as st

from dashboard.app.widgets import page_top
from dashboard.views.cards import cards
from dashboard.views.display import agree, count
from dashboard.views.selection import headline

INTRO = ("The hard numbers behind the news about Zhejiang province: the economy, the digital economy, AI, innovation, "
         "common prosperity and energy. Every figure is traced to the article that reported it, with the article's own "
         "words, and says whether it is an actual result, a target or a forecast.")


def main() -> None:
    """Draw the Overview."""
    top = page_top("Zhejiang Indicators", INTRO)
    if top is None:
        return
    data, rows = top
    low, high = rows["year_start"].min(), rows["year_end"].max()
    st.caption(f"{len(rows):,} of {count(len(data.frame), 'figure')} {agree(len(rows), 'matches', 'match')} the filters, "
               f"on {count(rows['indicator_id'].nunique(), 'indicator')} from {count(rows['source_id'].nunique(), 'article')}"
               f", {low if low == high else f'{low} to {high}'}.")
    st.header("Headline figures", anchor=False)  # h2 under the page's h1
    st.html(cards(headline(rows, list(data.headlines)).itertuples(), show_sector=True))
    st.caption("Open **Sectors** for every figure by indicator, **Timeline** to see history against targets, "
               "**Data** for the table and downloads, and **Sources** for the articles.")


main()
