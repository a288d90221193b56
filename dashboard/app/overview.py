"""Overview: the headline figures as cards."""

import streamlit as st

from dashboard.app import components, state
from dashboard.table.filters import headline
from dashboard.text.cards import cards
from dashboard.text.locale import N_
from dashboard.text.wording import MARKS, number, years_text

INTRO = N_("The hard numbers behind the news about Zhejiang province: the economy, the digital economy, AI, innovation, "
           "common prosperity and energy. Every figure is traced to the article that reported it, with the article's own "
           "words, and says whether it is an actual result, a target or a forecast.")


def main() -> None:
    """Draw the Overview."""
    words, here = state.ui(), state.lang()
    _, ngettext = words.gettext, words.ngettext
    top = components.page_top(_("Zhejiang Indicators"), _(INTRO))
    if top is None:
        return
    shown, rows = top
    total, indicators, articles = len(shown.frame), rows["indicator_id"].nunique(), rows["source_id"].nunique()
    st.caption(ngettext("{shown} of {total} matches the filters, on {indicators} from {articles}, {years}.",
                  "{shown} of {total} match the filters, on {indicators} from {articles}, {years}.", len(rows)).format(
        shown=number(len(rows), here), total=ngettext("{n} figure", "{n} figures", total).format(n=number(total, here)),
        indicators=ngettext("{n} indicator", "{n} indicators", indicators).format(n=number(indicators, here)),
        articles=ngettext("{n} article", "{n} articles", articles).format(n=number(articles, here)),
        years=years_text(rows["year_start"].min(), rows["year_end"].max(), here)) + MARKS[here].gap + components.updated_line())
    st.header(_("Headline figures"), anchor=False)  # h2 under the page's h1
    st.html(cards(headline(rows, list(components.data().headlines)), show_sector=True, lang=here))
    st.caption(_("Open **Sectors** for every figure by indicator, **Timeline** to see history against targets, "
                 "**Data** for the table and downloads, and **Sources** for the articles."))


main()
