"""The floor Streamlit sets: one slider and one Plotly chart, nothing else."""

import plotly.graph_objects as go
import streamlit as st

count = st.slider("Bars", min_value=5, max_value=50, value=20, key="bars")
st.plotly_chart(go.Figure(go.Bar(x=[f"item {i}" for i in range(count)], y=[(i * 37) % 11 + 1 for i in range(count)])))
