"""Sectors: a chart per indicator of the chosen sector."""

from dashboard.app_pages._sector_charts import render_sectors

render_sectors()
