"""Overview: headline figures as cards."""

from dashboard.app_pages._render import render_overview

render_overview()
