"""The reader's view, owned here: the language, the sidebar filters, the address that keeps them, notices about it.

Pages read the filters with `filters()` and change them only through `choose_sectors()`; the session keys of the
filters are the address's own parameter names (table.address.PARAMS).
"""

from __future__ import annotations

import streamlit as st

from dashboard.table.address import PAGE_PARAMS, PARAMS, page_param, parse_query, to_query
from dashboard.table.filters import Filters, Options
from dashboard.text.escape import md_escape
from dashboard.text.locale import DEFAULT, LANGUAGES, Locale, choose
from dashboard.text.locale import locale as locale_of
from dashboard.text.wording import status_word

LANG = "lang"  # the language's session key and address parameter
SWITCHED = "lang_switched"  # set by the switch's callback: the run writes the new language into the address first
NOTICES = "notices"  # what the address held that was ignored, worded in each language


def locale() -> Locale:
    """The reader's locale (the switch sets its language on a session's first run)."""
    return locale_of(st.session_state.get(LANG, DEFAULT))


def language_switch() -> str:
    """The language switch, always in the address (lang=en or lang=zh); on a first visit without it, the browser's."""
    if LANG not in st.session_state:
        st.session_state[LANG] = choose(st.query_params.get(LANG), st.context.locale)
    # Before anything draws, so the address is right as soon as the page is: the address a callback sets is not sent
    # to the browser until the page writes it again.
    if st.session_state.pop(SWITCHED, False) or st.query_params.get(LANG) != st.session_state[LANG]:
        st.query_params[LANG] = st.session_state[LANG]  # the code, not the name shown (a bound widget would write 中文)
    return st.segmented_control("Language / 语言", list(LANGUAGES), format_func=LANGUAGES.get, key=LANG, required=True,
                                label_visibility="collapsed", on_change=_switched)


def _switched() -> None:
    """A change of language, before the page draws again: the run writes the new language into the address first; the
    filters and the tab open carry over, though their new labels make new widgets (Streamlit's documented way)."""
    st.session_state[SWITCHED] = True
    for key in (*PARAMS, "tab"):  # the tab open too: the page names it anew in the new language
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def filters(opts: Options) -> Filters:
    """The filters as the sidebar holds them."""
    state = st.session_state
    years = state.get("year", opts.years)
    return Filters(years=(int(years[0]), int(years[1])), sectors=tuple(state.get("sector", ())),
                   geos=tuple(state.get("geo", ())), statuses=tuple(state.get("status", ())))


def choose_sectors(sectors: list[str]) -> None:
    """Set the Sector filter (a page's own control asks for it); the address follows on this run."""
    st.session_state["sector"] = list(sectors)
    _changed()


def _changed() -> None:
    """A filter was changed by the reader: what the address held no longer stands, nor its notices."""
    st.session_state.pop(NOTICES, None)


def clear_filters(opts: Options) -> None:
    """Clear the sidebar filters (a page's own control asks for it, e.g. to search every figure); in a callback."""
    _reset(opts)


def _reset(opts: Options) -> None:
    st.session_state.update(year=opts.years, sector=[], geo=[], status=[])
    _changed()


def _from_address(opts: Options) -> None:
    """On a session's first run, set the filters from the address and word, in each language, what was ignored."""
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    read = {code: parse_query(params, opts, locale_of(code)) for code in LANGUAGES}
    chosen = read[DEFAULT][0]
    st.session_state.update(year=chosen.years, sector=list(chosen.sectors), geo=list(chosen.geos),
                            status=list(chosen.statuses))
    st.session_state[NOTICES] = {code: notices for code, (_, notices) in read.items()}


def _keep_valid(opts: Options) -> None:
    """Drop chosen values the data does not offer (a widget must never be given an unknown option)."""
    state = st.session_state
    allowed = {"sector": {s for s, _ in opts.sectors}, "geo": set(opts.geos), "status": set(opts.statuses)}
    for key, values in allowed.items():
        chosen = state.get(key, [])
        if any(v not in values for v in chosen):
            state[key] = [v for v in chosen if v in values]
    low, high = state.get("year", opts.years)
    if not opts.years[0] <= low <= high <= opts.years[1]:
        state["year"] = opts.years


def _bound_page_params() -> None:
    """Each page's own parameter as the pages read it, on every run: one value, a search cut to its limit, a value too
    long to name anything dropped (the address's notices say so on a session's first run)."""
    for name in PAGE_PARAMS:
        values = st.query_params.get_all(name)
        if values:
            value, _notice = page_param(name, values, locale()._)
            if value is None:
                del st.query_params[name]
            elif values != [value]:
                st.query_params[name] = value


def sidebar(opts: Options, places: dict[str, str]) -> Filters:
    """The sidebar filters, the same on every page, with the address kept in step with them."""
    if "year" not in st.session_state:
        _from_address(opts)
    _bound_page_params()
    _keep_valid(opts)
    labels = dict(opts.sectors)
    bar, loc = st.sidebar, locale()
    if opts.years[0] < opts.years[1]:
        bar.slider(loc._("Years"), min_value=opts.years[0], max_value=opts.years[1], key="year", step=1,
                   on_change=_changed, help=loc._("A figure for a span of years is kept when the span overlaps."))
    picking = {"select_all": False, "filter_mode": "contains", "on_change": _changed}  # typing adds no option
    bar.multiselect(loc._("Sector"), list(labels), key="sector", format_func=labels.get, placeholder=loc._("All sectors"),
                    **picking)
    bar.multiselect(loc._("Geography"), list(opts.geos), key="geo", format_func=places.get, placeholder=loc._("All places"),
                    **picking)
    bar.multiselect(loc._("Status"), list(opts.statuses), key="status", format_func=lambda s: status_word(s, loc),
                    placeholder=loc._("Actual, target, forecast, policy rule, derived"), **picking)
    chosen = filters(opts)
    bar.button(loc._("Reset filters"), on_click=_reset, args=(opts,), disabled=chosen == Filters(years=opts.years))
    notices = st.session_state.get(NOTICES, {}).get(loc.code)
    if notices:
        listed = loc.marks.semicolon.join(md_escape(n) for n in notices)
        bar.warning(loc._("Ignored in the address: {notices}.").format(notices=listed))
    query = to_query(chosen, opts)
    for key in PARAMS:  # only the filters' own parameters: a page keeps its own (figure, q, tab)
        if key in query and st.query_params.get_all(key) != query[key]:
            st.query_params[key] = query[key]
        elif key not in query and key in st.query_params:
            del st.query_params[key]
    return chosen
