"""Overview: headline figures as cards."""

from dashboard.pages._render import render_overview

render_overview()
