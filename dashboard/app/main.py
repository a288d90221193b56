"""The Streamlit pages' entry point (served by dashboard/serve.py): page settings, language, pages, sidebar filters.

The page files sit beside this file, not in a folder named pages/: Streamlit would take that for its older
multipage scheme and run a page file on its own, without the filters.
"""

import os
import sys
from pathlib import Path

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
if ROOT not in sys.path:  # run as a script by `streamlit run`: make the package importable
    sys.path.insert(0, ROOT)

import streamlit as st  # noqa: E402

from dashboard.app import components, state  # noqa: E402
from dashboard.data.problems import DataError  # noqa: E402
from dashboard.text.locale import N_  # noqa: E402

HERE = Path(__file__).parent
PAGES = (
    ("overview.py", N_("Overview"), ":material/dashboard:"),
    ("sectors.py", N_("Sectors"), ":material/bar_chart:"),
    ("timeline.py", N_("Timeline"), ":material/timeline:"),
    ("data.py", N_("Data"), ":material/table:"),
    ("sources.py", N_("Sources"), ":material/article:"),
    ("figure.py", N_("Figures"), ":material/search:"),
    ("about.py", N_("About"), ":material/info:"),
)
APP_NAME = N_("Zhejiang Indicators")
PHONE_PAGES = "phone_pages"  # the key of the page links a phone shows (style.css: .st-key-phone_pages)
HTML_LANG = {"en": "en", "zh": "zh-Hans"}


def _phone_pages(pages: list) -> None:
    """The pages as named links at the top of the page, shown only on a narrow screen (style.css), where Streamlit
    folds the top navigation into the collapsed sidebar behind an unlabelled button."""
    with st.container(key=PHONE_PAGES, horizontal=True, gap="small"):
        for page in pages:
            st.page_link(page, label=page.title, icon=page.icon)


def main() -> None:
    """One run: page settings, the language, the page list, then the filters and the page chosen."""
    # An emoji icon, set before the navigation, is drawn by the browser: no page asks another host for a favicon.
    st.set_page_config(page_title=APP_NAME, page_icon="📈", layout="wide")
    state.language_switch()
    loc = state.locale()
    pages = [st.Page(HERE / name, title=loc._(title), icon=icon, default=i == 0) for i, (name, title, icon) in enumerate(PAGES)]
    page = st.navigation(pages, position="top")
    st.set_page_config(page_title=f"{page.title} · {loc._(APP_NAME)}")
    st.html(components.STYLE)
    _phone_pages(pages)
    # The page's language, for screen readers, search engines and the browser's fonts (zh-Hans: simplified Chinese).
    st.html(f"<script>document.documentElement.lang = '{HTML_LANG[loc.code]}';</script>", unsafe_allow_javascript=True)
    try:
        current = components.look_up_data()
    except DataError as exc:
        components.problems_panel(exc)
        return
    if current.problems:
        components.stale_notice(current.problems)
    shown = components.view()
    state.sidebar(shown.options, shown.places)
    page.run()


main()
