"""The minimal app with what every dashboard page has around its chart, in Streamlit alone: seven pages in a top
navigation, a language switch, the filters in the sidebar (a years slider, three multiselects, a reset button), the
filters kept in the address, a title and an introduction. Its chart is the minimal app's."""

import plotly.graph_objects as go
import streamlit as st

PAGES = ("Overview", "Sectors", "Timeline", "Data", "Sources", "Figures", "About")
DEFAULT = 20


def page() -> None:
    """The sidebar filters, the address that keeps them, the page's text and its chart."""
    bar = st.sidebar
    count = bar.slider("Bars", min_value=5, max_value=50, value=DEFAULT, key="bars")
    for name in ("Sector", "Geography", "Status"):
        bar.multiselect(name, [f"{name} {i}" for i in range(1, 9)], key=name.lower(), placeholder="All")
    bar.button("Reset filters", disabled=count == DEFAULT)
    if st.query_params.get("bars") != str(count):
        st.query_params["bars"] = str(count)
    st.title("Timeline")
    st.markdown("Every figure on one time axis, a row per sector.")
    st.plotly_chart(go.Figure(go.Bar(x=[f"item {i}" for i in range(count)], y=[(i * 37) % 11 + 1 for i in range(count)])))


st.set_page_config(page_title="Minimal", page_icon="📈", layout="wide")
st.segmented_control("Language", ["en", "zh"], key="lang", required=True, default="en", label_visibility="collapsed")
st.navigation([st.Page(page, title=title, url_path=title.lower(), default=i == 0) for i, title in enumerate(PAGES)],
              position="top").run()
