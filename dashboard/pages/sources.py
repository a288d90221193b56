"""Sources: the articles behind the figures."""

from dashboard.pages._common import entry_point_first
from dashboard.pages._text_pages import render_sources

entry_point_first()
render_sources()
