"""Timeline: every figure on one time axis."""

from dashboard.pages._common import entry_point_first
from dashboard.pages._render import render_timeline

entry_point_first()
render_timeline()
