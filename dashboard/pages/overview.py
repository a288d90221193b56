"""Overview: headline figures as cards."""

from dashboard.pages._common import entry_point_first
from dashboard.pages._render import render_overview

entry_point_first()
render_overview()
