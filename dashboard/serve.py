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

YOUNG_OBJECTS = 10_000  # new objects between two collections of the youngest generation while serving (Python: 700)


@contextlib.asynccontextmanager
async def serving(_app: st.App):
    """While the server serves, Python's garbage collector looks at new objects after 10,000 allocations, not 700.

    Every session's script runs in a thread of this one process, and a collection stops them all. A run makes
    thousands of short-lived objects; with Python's default, those of the runs in progress outlive the young
    collections and fill the oldest generation, whose full collections then come every few seconds under load and
    walk every object of every session: under load, those pauses, not the runs, make the slowest filter changes.
    """
    before = gc.get_threshold()
    gc.set_threshold(YOUNG_OBJECTS, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


app = st.App(os.path.join(os.path.dirname(os.path.abspath(__file__)), "app", "main.py"), routes=routes,
             lifespan=serving)
