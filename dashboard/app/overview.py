"""Overview: the headline figures as cards."""

import streamlit as st

from dashboard.app import components, state
from dashboard.table.filters import headline
from dashboard.text.cards import cards
from dashboard.text.locale import N_
from dashboard.text.wording import years_text

INTRO = N_("The hard numbers behind the news about Zhejiang province: the economy, the digital economy, AI, innovation, "
           "common prosperity and energy. Every figure is traced to the article that reported it, with the article's own "
           "words, and says whether it is an actual result, a target or a forecast.")


def main() -> None:
    """Draw the Overview."""
    loc = state.locale()
    top = components.page_top(loc._("Zhejiang Indicators"), loc._(INTRO))
    if top is None:
        return
    shown, rows = top
    total, indicators, articles = len(shown.frame), rows["indicator_id"].nunique(), rows["source_id"].nunique()
    st.caption(loc.ngettext("{shown} of {total} matches the filters, on {indicators} from {articles}, {years}.",
                  "{shown} of {total} match the filters, on {indicators} from {articles}, {years}.", len(rows)).format(
        shown=loc.number(len(rows)), total=loc.ngettext("{n} figure", "{n} figures", total).format(n=loc.number(total)),
        indicators=loc.ngettext("{n} indicator", "{n} indicators", indicators).format(n=loc.number(indicators)),
        articles=loc.ngettext("{n} article", "{n} articles", articles).format(n=loc.number(articles)),
        years=years_text(rows["year_start"].min(), rows["year_end"].max(), loc)) + loc.marks.gap + components.updated_line())
    st.header(loc._("Headline figures"), anchor=False)  # h2 under the page's h1
    st.html(cards(headline(rows, list(components.data().headlines)), show_sector=True, loc=loc))
    st.caption(loc._("Open **Sectors** for every figure by indicator, **Timeline** to see history against targets, "
                 "**Data** for the table and downloads, and **Sources** for the articles."))


main()
