"""Data: the filtered table and the downloads."""

from dashboard.app_pages._render import render_data

render_data()
