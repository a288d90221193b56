"""The server of `python -m dashboard run`: the Streamlit dashboard and the take-away routes, one process, one port.

`streamlit run` finds `app` here and serves the pages of app/main.py with the routes of web/routes.py beside them.
"""

import contextlib
import gc
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:  # imported by `streamlit run` as a module of its own folder: make the package importable
    sys.path.insert(0, ROOT)

import streamlit as st  # noqa: E402

from dashboard.web.routes import routes  # noqa: E402

# New objects between two collections of the youngest generation while serving (Python's default: 700). Every
# session's script runs in a thread of this one process, and a collection stops them all. A run makes thousands of
# short-lived objects; with the default, those of the runs in progress outlive the young collections and fill the
# oldest generation, whose full collections then come every few seconds under load and walk every object of every
# session: those pauses, not the runs, would make the slowest filter changes.
YOUNG_OBJECTS = 10_000


@contextlib.asynccontextmanager
async def serving(_app: st.App):
    """While the server serves, the garbage collector looks at new objects after YOUNG_OBJECTS allocations."""
    before = gc.get_threshold()
    gc.set_threshold(YOUNG_OBJECTS, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


app = st.App(os.path.join(os.path.dirname(os.path.abspath(__file__)), "app", "main.py"), routes=routes,
             lifespan=serving)
