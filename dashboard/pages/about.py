"""About: what the data is and how to cite it."""

from dashboard.pages._common import entry_point_first
from dashboard.pages._text_pages import render_about

entry_point_first()
render_about()
