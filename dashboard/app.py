"""Streamlit entry point: the list of pages. The frame around them is dashboard/app_pages/_shell.py."""

from __future__ import annotations

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:  # run as a script by `streamlit run`: make the package importable (once, not every run)
    sys.path.insert(0, ROOT)

from dashboard.app_pages._shell import main  # noqa: E402

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

main(PAGES)
