"""Data: the filtered table and the downloads."""

from dashboard.pages._render import render_data

render_data()
