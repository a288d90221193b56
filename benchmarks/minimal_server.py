"""The minimal app served as the dashboard is (an st.App under uvicorn), with one route beside it that answers fixed
bytes: the ceiling of a route beside Streamlit. `choices` is the minimal app with a
multiselect for its slider, `lines` the minimal app with as many elements as the Sectors page, `features` the minimal
app with what every dashboard page has around its chart."""

from pathlib import Path

import streamlit as st
from starlette.responses import Response
from starlette.routing import Route

BODY = b"<!doctype html><title>x</title>" + b"x" * 9000  # about the size of a figure's page


async def fixed(request):
    """The same bytes, with the headers a figure's page carries: no data, no template, no worker thread."""
    return Response(BODY, media_type="text/html; charset=utf-8",
                    headers={"ETag": 'W/"fixed"', "Cache-Control": "public, no-cache", "Vary": "Accept-Language"})


HERE = Path(__file__).resolve().parent
app = st.App(str(HERE / "minimal_app.py"), routes=[Route("/figures/{name}", fixed)])
choices = st.App(str(HERE / "minimal_choices_app.py"))
lines = st.App(str(HERE / "minimal_lines_app.py"))
features = st.App(str(HERE / "minimal_features_app.py"))
