"""The tables a reader scrolls: which columns, in what order and how wide, and missing cells left blank."""

from __future__ import annotations

import pandas as pd

from dashboard.text.locale import DEFAULT, N_
from dashboard.text.wording import status_word

# (column, heading, width in pixels or None for Streamlit's choice). The name, then its value, come first, so a
# phone's narrow screen shows each figure's value beside its name; Period is wide enough for "2025-2027".
# The headings are translated where shown.
NAME_WIDTH, VALUE_WIDTH, PERIOD_WIDTH, WHICH_WIDTH = 195, 150, 95, 140
DATA_COLUMNS = (
    ("indicator", N_("Indicator"), NAME_WIDTH), ("value_label", N_("Value"), VALUE_WIDTH), ("place", N_("Place"), None),
    ("period", N_("Period"), PERIOD_WIDTH), ("label", N_("Which"), WHICH_WIDTH), ("status", N_("Status"), None),
    ("sector_label", N_("Sector"), None), ("value", N_("Value (base units)"), None), ("unit_label", N_("Unit"), None),
    ("publisher", N_("Publisher"), None), ("source_title", N_("Headline"), None), ("published", N_("Published"), None),
    ("url", N_("Article"), None), ("quote", N_("Quote"), 320), ("note", N_("Note"), None),
    ("figure_id", N_("Figure id"), None),
)
SOURCE_COLUMNS = (
    ("indicator", N_("Indicator"), NAME_WIDTH), ("value_label", N_("Value"), VALUE_WIDTH), ("place", N_("Place"), None),
    ("period", N_("Period"), PERIOD_WIDTH), ("label", N_("Which"), WHICH_WIDTH), ("status", N_("Status"), None),
    ("quote", N_("In the article's words"), 320),
)


def for_table(rows: pd.DataFrame, columns) -> pd.DataFrame:
    """These columns of the rows, in order, with missing text shown as an empty cell rather than "None"."""
    shown = rows[[name for name, *_ in columns]]
    return shown.fillna({name: "" for name in shown.columns if not pd.api.types.is_numeric_dtype(shown[name])})


def in_words(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A table with its statuses as the reader's language says them (实际, 目标...); an English table as it is."""
    if lang == DEFAULT or "status" not in table:
        return table
    return table.assign(status=table["status"].map(lambda status: status_word(status, lang)))
