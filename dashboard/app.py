"""Streamlit entry point: the page list, the shared sidebar filters, and the panel shown when the data is bad."""

from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script by `streamlit run`: make the package importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import streamlit as st  # noqa: E402

from dashboard.app_pages._common import draw_filters, filter_options, show_problems  # noqa: E402
from dashboard.load import DataError  # noqa: E402

HERE = Path(__file__).resolve().parent
# The folder is not named pages/: Streamlit would take that for its older multipage scheme and, on a server's first
# request for a page's address, run the page file alone, without these filters.
PAGES = (
    ("app_pages/overview.py", "Overview", ":material/dashboard:"),
    ("app_pages/sectors.py", "Sectors", ":material/bar_chart:"),
    ("app_pages/timeline.py", "Timeline", ":material/timeline:"),
    ("app_pages/data.py", "Data", ":material/table:"),
    ("app_pages/sources.py", "Sources", ":material/article:"),
    ("app_pages/about.py", "About", ":material/info:"),
)


def _pages() -> list:
    """The page list, made once per session: building a st.Page resolves its file on disk, on every run otherwise."""
    if "_pages" not in st.session_state:
        st.session_state["_pages"] = [st.Page(HERE / name, title=title, icon=icon, default=i == 0)
                                      for i, (name, title, icon) in enumerate(PAGES)]
    return st.session_state["_pages"]


def main() -> None:
    st.set_page_config(page_title="Zhejiang Indicators", page_icon=":material/monitoring:", layout="wide")
    page = st.navigation(_pages(), position="top")
    try:
        opts = filter_options()
    except DataError as exc:
        show_problems(exc)
        return
    draw_filters(opts)
    page.run()


main()
