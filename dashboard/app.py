"""Streamlit entry point: the page list, the shared sidebar filters, and the panel shown when the data is bad."""

from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script by `streamlit run`: make the package importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import streamlit as st  # noqa: E402

from dashboard.load import DataError  # noqa: E402
from dashboard.pages._common import draw_filters, filter_options, show_problems  # noqa: E402

HERE = Path(__file__).resolve().parent
PAGES = (
    ("overview.py", "Overview", ":material/dashboard:"),
    ("sectors.py", "Sectors", ":material/bar_chart:"),
    ("timeline.py", "Timeline", ":material/timeline:"),
    ("data.py", "Data", ":material/table:"),
    ("sources.py", "Sources", ":material/article:"),
    ("about.py", "About", ":material/info:"),
)


def main() -> None:
    st.set_page_config(page_title="Zhejiang Indicators", page_icon=":material/monitoring:", layout="wide")
    page = st.navigation([st.Page(HERE / "pages" / name, title=title, icon=icon, default=i == 0)
                          for i, (name, title, icon) in enumerate(PAGES)], position="top")
    try:
        opts = filter_options()
    except DataError as exc:
        show_problems(exc)
        return
    draw_filters(opts)
    page.run()


main()
