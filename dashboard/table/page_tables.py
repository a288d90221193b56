"""The tables a reader scrolls: which columns, in what order and how wide, and missing cells left blank."""

from __future__ import annotations

import pandas as pd

from dashboard.text.locale import DEFAULT, N_, Locale
from dashboard.text.wording import aside, status_word

# (column, heading, width in pixels or None for Streamlit's choice). The columns that tell one figure from another
# come first and whole: the figure (its indicator with its label: "Digital economy core industries, value added
# (after digitising)") and its value as the article writes it, in words ("nearly 30,000"), side by side on a phone's
# screen; then its place and period; the rest after. The rows are tall enough for a long name to wrap onto three
# lines rather than be cut. The headings are translated where shown.
FIGURE_WIDTH, PLACE_WIDTH, PERIOD_WIDTH, VALUE_WIDTH, WHICH_WIDTH = 190, 90, 95, 150, 140
ROW_HEIGHT = 66  # Streamlit wraps a cell's text only in rows taller than 4rem (64 px); 66 holds three lines
FIGURE = "figure"  # the column built here: the indicator with its label in brackets
FIGURE_MEANING = N_("The figure: its indicator and, in brackets, which figure of it this is (its label).")
TELLING = ((FIGURE, N_("Figure"), FIGURE_WIDTH), ("value_text", N_("Value"), VALUE_WIDTH),
           ("place", N_("Place"), PLACE_WIDTH), ("period", N_("Period"), PERIOD_WIDTH))
DATA_COLUMNS = (
    *TELLING, ("status", N_("Status"), None), ("sector_label", N_("Sector"), None),
    ("value", N_("Value (base units)"), 150), ("unit_label", N_("Unit"), None), ("indicator", N_("Indicator"), None),
    ("label", N_("Which"), WHICH_WIDTH), ("publisher", N_("Publisher"), None), ("source_title", N_("Headline"), None),
    ("published", N_("Published"), None), ("url", N_("Article"), None), ("quote", N_("Quote"), 320),
    ("note", N_("Note"), None), ("figure_id", N_("Figure id"), None),
)
SOURCE_COLUMNS = (*TELLING, ("status", N_("Status"), None), ("quote", N_("In the article's words"), 320))


def figure_names(rows: pd.DataFrame, loc: Locale) -> list[str]:
    """Each row's figure: its indicator with its label in brackets, 'GDP (nominal)', 地区生产总值（名义）."""
    labels = rows["label"] if "label" in rows else [None] * len(rows)
    return [f"{name}{aside(label, loc)}" for name, label in zip(rows["indicator"], labels, strict=True)]


def for_table(rows: pd.DataFrame, columns, loc: Locale) -> pd.DataFrame:
    """These columns of the rows, in order, with missing text shown as an empty cell rather than "None"."""
    rows = rows.assign(**{FIGURE: figure_names(rows, loc)}) if FIGURE not in rows else rows
    shown = rows[[name for name, *_ in columns]]
    return shown.fillna({name: "" for name in shown.columns if not pd.api.types.is_numeric_dtype(shown[name])})


def in_words(table: pd.DataFrame, loc: Locale) -> pd.DataFrame:
    """A table with its statuses as the reader's language says them (实际, 目标...); an English table as it is."""
    if loc.code == DEFAULT or "status" not in table:
        return table
    return table.assign(status=table["status"].map(lambda status: status_word(status, loc)))
