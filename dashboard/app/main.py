"""Streamlit entry point: the list of pages (`python -m dashboard run` starts it). The frame around them is shell.py.

The page files sit beside this file, not in a folder named pages/: Streamlit would take that for its older
multipage scheme and run a page file on its own, without the filters.
"""

import os
import sys

# This file runs on every rerun: the repo's folder is worked out from the path alone, without asking the disk
# (a profile of a loaded server showed resolving it as a twentieth of each run).
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
if ROOT not in sys.path:  # run as a script by `streamlit run`: make the package importable
    sys.path.insert(0, ROOT)

from dashboard.app.shell import run  # noqa: E402
from dashboard.text.locale import N_  # noqa: E402

PAGES = (
    ("overview.py", N_("Overview"), ":material/dashboard:"),
    ("sectors.py", N_("Sectors"), ":material/bar_chart:"),
    ("timeline.py", N_("Timeline"), ":material/timeline:"),
    ("data.py", N_("Data"), ":material/table:"),
    ("sources.py", N_("Sources"), ":material/article:"),
    ("figure.py", N_("Figures"), ":material/search:"),
    ("about.py", N_("About"), ":material/info:"),
)

run(PAGES)
