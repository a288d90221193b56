"""Sectors: a chart per indicator of the chosen sector."""

from dashboard.pages._common import entry_point_first
from dashboard.pages._sector_charts import render_sectors

entry_point_first()
render_sectors()
