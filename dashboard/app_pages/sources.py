"""Sources: the articles behind the figures."""

from dashboard.app_pages._text_pages import render_sources

render_sources()
