"""The minimal app with as many elements as the Sectors page sends in a run (about 45), the extra ones lines of text
that never change: what the number of elements alone costs a rerun in the browser."""

import plotly.graph_objects as go
import streamlit as st

LINES = 44  # with the slider and the chart, 46 elements: the Sectors page sends 41 to 57 in a run

count = st.slider("Bars", min_value=5, max_value=50, value=20, key="bars")
st.plotly_chart(go.Figure(go.Bar(x=[f"item {i}" for i in range(count)], y=[(i * 37) % 11 + 1 for i in range(count)])))
for line in range(LINES):
    st.markdown(f"Line **{line + 1}** of text that stays the same")
