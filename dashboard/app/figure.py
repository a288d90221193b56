"""Figures: the search of the figures, as a list of results each linking to the figure's own page.

The search itself is the table layer's (dashboard/table/search.py); a figure's sentence, source and citations are on
its own page, /figures/{id} (dashboard/web/pages.py). An address of before, ?figure=ID, links to that page.
"""

from html import escape

import pandas as pd
import streamlit as st

from dashboard.app import components, state
from dashboard.table import search
from dashboard.text.citations import figure_path, page_link
from dashboard.text.escape import md_escape
from dashboard.text.wording import aside, period_text, status_word

PER_PAGE = 50  # results listed at once


def page_href(figure_id: str) -> str:
    """The figure's own page in the reader's language, relative to this page (so it works under any base path)."""
    return page_link(figure_path(figure_id), state.locale())


def _name(row) -> str:
    """The figure's name: indicator, place and the label that tells it apart, in the reader's language."""
    loc = state.locale()
    return loc._("{indicator}, {place}").format(indicator=row.indicator, place=row.place) + aside(row.label, loc)


def results_html(rows: pd.DataFrame) -> str:
    """The results as a list of links, every piece of data text escaped."""
    loc = state.locale()
    items = []
    for row in rows.itertuples(index=False):
        facts = loc.marks.semicolon.join((period_text(row.period, loc), status_word(row.status, loc)))
        items.append(f'<li><a href="{escape(page_href(str(row.figure_id)), quote=True)}" target="_self">'
                     f'{escape(_name(row), quote=False)}</a><br><span class="zi-value">'
                     f'{escape(" ".join(str(row.value_text).split()), quote=False)}</span> '
                     f'<span class="zi-facts">{escape(facts, quote=False)}</span></li>')
    label = escape(state.locale()._("Results"), quote=True)
    return f'<ol class="zi-results" aria-label="{label}">{"".join(items)}</ol>'


def _old_address(frame: pd.DataFrame) -> None:
    """An address of before (?figure=ID): a link to the figure's own page, where its detail now is."""
    loc = state.locale()
    asked = st.query_params.get("figure")
    if asked is None:
        return
    known = frame[frame["figure_id"] == asked]
    if known.empty:
        st.warning(loc._("The address names no figure of the data ({figure}): search for it below.").format(
            figure=md_escape(asked[:60])))
        return
    text = escape(loc._("This figure now has its own page:"), quote=False)
    link = f'<a href="{escape(page_href(asked), quote=True)}" target="_self">{escape(_name(known.iloc[0]), quote=False)}</a>'
    st.html(f'<div class="zi-moved" role="status">{text} {link}</div>')


def _search_all(opts) -> None:
    """Search every figure: the sidebar filters cleared."""
    state.clear_filters(opts)


def _try(text: str) -> None:
    st.session_state["q"] = text


def _notices(found: search.Found) -> None:
    """What the search did with the words: cut, near spellings, suggestions."""
    loc = state.locale()
    if found.cut:
        st.caption(loc._("The search is too long: only its first {chars} characters and {words} words were searched.")
                   .format(chars=search.MAX_CHARS, words=search.MAX_TERMS))
    if found.near:
        listed = state.locale().marks.semicolon.join(f"{typed} → {used}" for typed, used in found.near)
        st.caption(loc._("Also found with a near spelling: {words}.").format(words=md_escape(listed)))


@st.fragment
def _search(rows: pd.DataFrame) -> None:
    """The search box and its results; typing reruns only this part of the page."""
    loc = state.locale()
    shown = components.view()
    text = st.text_input(loc._("Search the figures"), key="q", bind="query-params", type="search", live=True,
                         max_chars=search.MAX_CHARS,
                         placeholder=loc._("Words from an indicator, place, value, quote, note or source, e.g. Hangzhou "
                                       "patents"))
    current = components.data()
    found = search.find(current.search_index, text)
    kept = set(rows["figure_id"])
    ids = [figure_id for figure_id in found.ids if figure_id in kept]
    more = len(found.ids) - len(ids)
    _notices(found)
    if not text.strip() and rows.empty:
        st.info(loc._(components.EMPTY))
    elif not text.strip():
        st.caption(loc._("{n} figures match the filters; type words to narrow the list.").format(n=loc.number(len(rows))))
    elif len(rows) < len(shown.frame):
        st.markdown(loc._("{found} of the {total} figures the filters keep match; {more} more match among all figures.")
                    .format(found=loc.number(len(ids)), total=loc.number(len(rows)), more=loc.number(more)))
    else:
        st.markdown(loc._("{found} of the {total} figures match.").format(found=loc.number(len(ids)),
                                                                      total=loc.number(len(rows))))
    if len(rows) < len(shown.frame) and (more or not text.strip()):
        if st.button(loc._("Search all figures (clear the filters)"), key="search_all", on_click=_search_all,
                     args=(shown.options,), icon=":material/filter_alt_off:"):
            st.rerun(scope="app")  # the sidebar shows the filters cleared
    if not found.ids and text.strip():
        st.markdown(loc._("No figure has all these words."))
        for suggestion in found.suggestions:
            st.button(loc._("Did you mean {words}?").format(words=md_escape(suggestion)), key=f"try_{suggestion}", on_click=_try,
                      args=(suggestion,), icon=":material/search:")
    if not ids:
        return
    page = components.pager(loc._("Results"), len(ids), PER_PAGE, key="results_page")
    listed = ids[(page - 1) * PER_PAGE: page * PER_PAGE]
    frame = shown.frame.set_index("figure_id", drop=False).loc[listed]
    st.html(results_html(frame))


def main() -> None:
    """Draw the Figures page."""
    loc = state.locale()
    shown, rows = components.view(), components.kept()
    st.title(loc._("Figures"))
    st.markdown(loc._("Find figures by their words, in English or Chinese. Each result opens the figure's own page: its "
                  "sentence in the article, its source and a citation."))
    _old_address(shown.frame)
    _search(rows)


main()
