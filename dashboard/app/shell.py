"""The frame around every page: navigation, the sidebar filters kept in the URL, the panel shown when the data is bad."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard.app.widgets import current_filters, dataset, lang, look_up_data, ui
from dashboard.data.problems import DataError
from dashboard.table.address import PARAMS, parse_query, to_query
from dashboard.table.filters import Filters, Options
from dashboard.text.escape import md_escape
from dashboard.text.locale import DEFAULT, LANGUAGES, N_, choose, translation
from dashboard.text.wording import MARKS, status_word

HERE = Path(__file__).resolve().parent  # the page files sit beside this module
MAX_PROBLEMS = 200
FILTER_KEYS = ("year", "sector", "geo", "status")  # the sidebar's widgets
HTML_LANG = {"en": "en", "zh": "zh-Hans"}
NOTICES = "_url_notices"  # what the address held that was ignored, said in each language
APP_NAME = N_("Zhejiang Indicators")
# Focus outlines, the copy button shown without hovering: read once, not from disk on every run.
STYLE = f"<style>{(HERE / 'style.css').read_text(encoding='utf-8')}</style>"


def run(pages: tuple[tuple[str, str, str], ...]) -> None:
    """One run of the app: page settings, language, navigation, filters, then the page chosen ((file, title, icon) each)."""
    # The icon is set before the navigation, which would otherwise fetch its page's icon from a font server as the
    # favicon; an emoji is drawn in the browser, with no request.
    st.set_page_config(page_title=APP_NAME, page_icon="📈", layout="wide")
    code = choose_language()
    look_up_data()  # the data files' version, once a run: every page and cache of this run uses it
    _ = translation(code).gettext
    made = f"_pages_{code}"
    if made not in st.session_state:  # made once a session and language: a st.Page reads its file's path from disk
        st.session_state[made] = [st.Page(HERE / name, title=_(title), icon=icon, default=i == 0)
                                  for i, (name, title, icon) in enumerate(pages)]
    page = st.navigation(st.session_state[made], position="top")
    st.set_page_config(page_title=f"{page.title} · {_(APP_NAME)}")
    st.html(STYLE)
    # The page's language for screen readers, search engines and the browser's own fonts (zh-Hans: simplified Chinese).
    st.html(f"<script>document.documentElement.lang = '{HTML_LANG[code]}';</script>", unsafe_allow_javascript=True)
    try:
        data = dataset()
    except DataError as exc:
        show_problems(exc)
        return
    draw_filters(data.options, data.places)
    page.run()


def choose_language() -> str:
    """The language switch, always in the address (lang=en or lang=zh); on a first visit without it, the browser's."""
    if "lang" not in st.session_state:
        st.session_state["lang"] = choose(st.query_params.get("lang"), st.context.locale)
    code = st.segmented_control("Language / 语言", list(LANGUAGES), format_func=LANGUAGES.get, key="lang", required=True,
                                label_visibility="collapsed", on_change=_keep_filters)
    if st.query_params.get("lang") != code:  # the code, not the name shown (a bound widget would write 中文)
        st.query_params["lang"] = code
    return code


def _keep_filters() -> None:
    """Carry the filters over a change of language, whose new labels make new widgets (Streamlit's documented way)."""
    for key in FILTER_KEYS:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def _clear_notices() -> None:
    st.session_state.pop(NOTICES, None)


def _reset() -> None:
    opts = dataset().options
    st.session_state.update(year=opts.years, sector=[], geo=[], status=[])
    _clear_notices()


def _from_url(opts: Options) -> None:
    """On a session's first run, set the filters from the URL and keep notices, in each language, about what was ignored."""
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    read = {code: parse_query(params, opts, code) for code in LANGUAGES}
    filters = read[DEFAULT][0]
    st.session_state.update(year=filters.years, sector=list(filters.sectors), geo=list(filters.geos),
                            status=list(filters.statuses))
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


def draw_filters(opts: Options, places: dict[str, str]) -> Filters:
    """The sidebar filters, the same on every page; their state is mirrored in the URL."""
    if "year" not in st.session_state:
        _from_url(opts)
    _keep_valid(opts)
    labels = dict(opts.sectors)
    bar = st.sidebar
    _, code = ui().gettext, lang()
    if opts.years[0] < opts.years[1]:
        bar.slider(_("Years"), min_value=opts.years[0], max_value=opts.years[1], key="year", step=1,
                   on_change=_clear_notices, help=_("A figure for a span of years is kept when the span overlaps."))
    choose = {"select_all": False, "filter_mode": "contains"}  # typing never adds options the reader did not pick
    bar.multiselect(_("Sector"), list(labels), key="sector", format_func=labels.get, **choose,
                    placeholder=_("All sectors"), on_change=_clear_notices)
    bar.multiselect(_("Geography"), list(opts.geos), key="geo", format_func=places.get, placeholder=_("All places"),
                    on_change=_clear_notices, **choose)
    bar.multiselect(_("Status"), list(opts.statuses), key="status", format_func=lambda s: status_word(s, code),
                    placeholder=_("Actual, target, forecast, derived"), **choose, on_change=_clear_notices)
    bar.button(_("Reset filters"), on_click=_reset, disabled=current_filters(opts) == Filters(years=opts.years))
    notices = st.session_state.get(NOTICES, {}).get(code)
    if notices:
        listed = MARKS[code].semicolon.join(md_escape(n) for n in notices)
        bar.warning(_("Ignored in the address: {notices}.").format(notices=listed))
    filters = current_filters(opts)
    query = to_query(filters, opts)
    for key in PARAMS:  # only the filters' own parameters: a page keeps its own (figure, q)
        if key in query and st.query_params.get_all(key) != query[key]:
            st.query_params[key] = query[key]
        elif key not in query and key in st.query_params:
            del st.query_params[key]
    return filters


def show_problems(exc: DataError) -> None:
    """A readable panel of what is wrong with the data files, as plain text (each problem as FILE:LINE: field: message)."""
    _ = ui().gettext
    st.error(_("The data files have {n} problem(s), so nothing can be drawn. Fix them and reload.").format(
        n=len(exc.problems)))
    lines = [str(p) for p in exc.problems[:MAX_PROBLEMS]]
    if len(exc.problems) > MAX_PROBLEMS:
        lines.append(_("... and {n} more (run: {command})").format(n=len(exc.problems) - MAX_PROBLEMS,
                                                                  command="python -m dashboard validate"))
    st.code("\n".join(lines), language=None, wrap_lines=True)
