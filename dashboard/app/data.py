"""Data: the filtered table, its CSV and the whole data package."""

import streamlit as st

from dashboard.app.widgets import EMPTY, csv_button, dataset_zip, selected
from dashboard.views.display import agree, count
from dashboard.views.export import FIELDS
from dashboard.views.selection import MAX_TABLE_ROWS


def _column(name: str, label: str, kind=st.column_config.Column, **extra):
    """A table column headed `label`, whose header tooltip says what the column holds."""
    return kind(label, help=FIELDS[name][1], **extra)


TABLE_COLUMNS = {
    "indicator": _column("indicator", "Indicator", st.column_config.TextColumn, width="large"),
    "geography": _column("geography", "Place"),
    "label": _column("label", "Which"),
    "period": _column("period", "Period"),
    "value_label": _column("value_label", "Value"),
    "status": _column("status", "Status"),
    "sector_label": _column("sector_label", "Sector"),
    "value": _column("value", "Value (base units)", st.column_config.NumberColumn, format="%.6g"),
    "unit_label": _column("unit_label", "Unit"),
    "publisher": _column("publisher", "Publisher"),
    "source_title": _column("source_title", "Headline"),
    "published": _column("published", "Published"),
    "url": _column("url", "Article", st.column_config.LinkColumn, display_text="open article"),
    "quote": _column("quote", "Quote", st.column_config.TextColumn, width="large"),
    "note": _column("note", "Note"),
    "figure_id": _column("figure_id", "Figure id"),
}


def main() -> None:
    """Draw the Data page."""
    data, rows = selected()
    st.title("Data")
    st.markdown("The tidy table behind every chart: one row per figure, with its source and the article's words. "
                "**About** describes every column; on a computer, hovering over a column's name says the same.\n\n"
                f":small[:gray[{len(rows):,} of {count(len(data.frame), 'row')} {agree(len(rows), 'matches', 'match')} the "
                "filters.]]")
    if rows.empty:
        st.info(EMPTY)
    else:
        shown = rows.head(MAX_TABLE_ROWS)
        st.dataframe(shown[list(TABLE_COLUMNS)], column_config=TABLE_COLUMNS, hide_index=True, width="stretch",
                     height=min(600, 38 + 35 * len(shown)))
        if len(rows) > len(shown):
            st.caption(f"The table shows the first {len(shown):,} of these {len(rows):,} rows; the CSV below holds "
                       "all of them. Narrow the filters to see others here.")
    with st.container(horizontal=True):  # the two downloads side by side
        csv_button(rows, "figures", "csv_filtered", f"Download these {len(rows):,} rows (CSV)", disabled=rows.empty,
                   help="Every column, sources included. Cells that a spreadsheet would run as a formula are neutralised.")
        st.download_button(f"Download the full dataset, {len(data.frame):,} rows (zip)", data=dataset_zip,
                           file_name="zhejiang-indicators.zip", mime="application/zip", on_click="ignore",
                           icon=":material/folder_zip:", key="zip_all",
                           help="A Frictionless Data Package: figures.csv, datapackage.json describing every column, and a "
                           "README with the citation and licence. Filters do not apply.")


main()
