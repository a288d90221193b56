"""Sources: the articles behind the figures."""

from dashboard.pages._text_pages import render_sources

render_sources()
