"""Data: the filtered table, its CSV and the whole data package."""

import streamlit as st

from dashboard.app.derived import data_table
from dashboard.app.widgets import EMPTY, csv_button, current_filters, data_key, dataset_zip, selected
from dashboard.views.display import agree, count
from dashboard.views.export import FIELDS
from dashboard.views.selection import MAX_TABLE_ROWS
from dashboard.views.tables import DATA_COLUMNS

KINDS = {"value": (st.column_config.NumberColumn, {"format": "%.6g"}),
         "url": (st.column_config.LinkColumn, {"display_text": "open article"})}


def _column(name: str, label: str, width: int | None):
    """A table column headed `label`, whose header tooltip says what the column holds."""
    kind, extra = KINDS.get(name, (st.column_config.TextColumn, {}))
    return kind(label, help=FIELDS["geography" if name == "place" else name][1], width=width, **extra)


TABLE_COLUMNS = {name: _column(name, label, width) for name, label, width in DATA_COLUMNS}


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
        st.dataframe(data_table(data_key(), current_filters(data.options)), column_config=TABLE_COLUMNS, hide_index=True,
                     width="stretch", height=min(600, 38 + 35 * len(shown)))
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
