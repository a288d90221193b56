"""Timeline: every figure on one time axis."""

from dashboard.app_pages._render import render_timeline

render_timeline()
