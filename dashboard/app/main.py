"""Streamlit entry point: the list of pages (`python -m dashboard run` starts it). The frame around them is shell.py.

The page files sit beside this file, not in a folder named pages/: Streamlit would take that for its older
multipage scheme and run a page file on its own, without the filters.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # run as a script by `streamlit run`: make the package importable
    sys.path.insert(0, str(ROOT))

from dashboard.app.shell import run  # noqa: E402

PAGES = (
    ("overview.py", "Overview", ":material/dashboard:"),
    ("sectors.py", "Sectors", ":material/bar_chart:"),
    ("timeline.py", "Timeline", ":material/timeline:"),
    ("data.py", "Data", ":material/table:"),
    ("sources.py", "Sources", ":material/article:"),
    ("figure.py", "Figures", ":material/search:"),
    ("about.py", "About", ":material/info:"),
)

run(PAGES)
