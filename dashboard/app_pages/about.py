"""About: what the data is and how to cite it."""

from dashboard.app_pages._text_pages import render_about

render_about()
