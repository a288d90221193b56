"""The minimal app with a multiselect in the sidebar in place of its slider, as the dashboard's Sector filter is."""

import plotly.graph_objects as go
import streamlit as st

SECTORS = ["Digital economy", "Economic output", "Innovation and start-ups", "Common prosperity",
           "AI policy and industry", "Energy"]
chosen = st.sidebar.multiselect("Sector", SECTORS, key="sector")
count = 20 + 5 * len(chosen)
st.plotly_chart(go.Figure(go.Bar(x=[f"item {i}" for i in range(count)], y=[(i * 37) % 11 + 1 for i in range(count)])))
