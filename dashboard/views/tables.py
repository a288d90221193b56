"""The tables a reader scrolls: which columns, in what order and how wide, and missing cells left blank."""

from __future__ import annotations

import pandas as pd

# (column, heading, width in pixels or None for Streamlit's choice). The name, then its value, come first, so a
# phone's narrow screen shows each figure's value beside its name; Period is wide enough for "2025-2027".
NAME_WIDTH, VALUE_WIDTH, PERIOD_WIDTH, WHICH_WIDTH = 195, 150, 95, 140
DATA_COLUMNS = (
    ("indicator", "Indicator", NAME_WIDTH), ("value_label", "Value", VALUE_WIDTH), ("place", "Place", None),
    ("period", "Period", PERIOD_WIDTH), ("label", "Which", WHICH_WIDTH), ("status", "Status", None),
    ("sector_label", "Sector", None), ("value", "Value (base units)", None), ("unit_label", "Unit", None),
    ("publisher", "Publisher", None), ("source_title", "Headline", None), ("published", "Published", None),
    ("url", "Article", None), ("quote", "Quote", 320), ("note", "Note", None), ("figure_id", "Figure id", None),
)
SOURCE_COLUMNS = (
    ("indicator", "Indicator", NAME_WIDTH), ("value_label", "Value", VALUE_WIDTH), ("place", "Place", None),
    ("period", "Period", PERIOD_WIDTH), ("label", "Which", WHICH_WIDTH), ("status", "Status", None),
    ("quote", "In the article's words", 320),
)


def for_table(rows: pd.DataFrame, columns) -> pd.DataFrame:
    """These columns of the rows, in order, with missing text shown as an empty cell rather than "None"."""
    shown = rows[[name for name, *_ in columns]]
    return shown.fillna({name: "" for name in shown.columns if not pd.api.types.is_numeric_dtype(shown[name])})
