"""Data: the filtered table and the downloads."""

from dashboard.pages._common import entry_point_first
from dashboard.pages._render import render_data

entry_point_first()
render_data()
