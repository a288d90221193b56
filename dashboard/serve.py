"""The server of `python -m dashboard run`: the Streamlit dashboard and the take-away routes, one process, one port.

`streamlit run` finds `app` here and serves the pages of app/main.py with the routes of web/routes.py beside them.
"""

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:  # imported by `streamlit run` as a module of its own folder: make the package importable
    sys.path.insert(0, ROOT)

import streamlit as st  # noqa: E402

from dashboard.web.routes import routes  # noqa: E402

app = st.App(os.path.join(os.path.dirname(os.path.abspath(__file__)), "app", "main.py"), routes=routes)
