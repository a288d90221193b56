"""The Data and Sources tables: the telling columns first and whole, Period wide enough, missing cells blank."""

from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

from dashboard.table.page_tables import DATA_COLUMNS, FIGURE, PERIOD_WIDTH, SOURCE_COLUMNS, for_table
from dashboard.text.locale import locale

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "app" / "main.py")


def test_the_telling_columns_come_first_and_every_column_is_kept(real):
    for columns in (DATA_COLUMNS, SOURCE_COLUMNS):
        assert [name for name, *_ in columns[:4]] == [FIGURE, "value_text", "place", "period"]
        widths = {name: width for name, _, width in columns}
        assert widths["period"] == PERIOD_WIDTH >= 9 * 9  # "2025-2027": nine characters of about 8 pixels, plus padding
        assert all(widths[name] for name, *_ in columns[:4])  # set, never left to shrink
    assert {name for name, *_ in DATA_COLUMNS} - {FIGURE} <= set(real.columns)
    assert "value_label" not in {name for name, *_ in DATA_COLUMNS + SOURCE_COLUMNS}  # values in words, no signs


def test_three_figures_of_one_indicator_read_differently(real):
    shown = for_table(real, DATA_COLUMNS, locale("en"))
    digital = shown[shown[FIGURE].str.startswith("Digital economy core industries")]
    assert len(digital) >= 3 and digital[FIGURE].str.len().min() > len("Digital economy core industries,")
    assert not shown.duplicated([FIGURE, "place", "period", "value_text"]).any()
    chinese = real.assign(indicator=real["indicator_zh"], label=real["label_zh"])
    assert "地区生产总值" in "".join(for_table(chinese, SOURCE_COLUMNS, locale("zh"))[FIGURE])


def test_missing_text_is_blank_and_numbers_stay_numbers(real):
    rows = real.head(4).copy()
    rows["label"] = [None, "before", float("nan"), pd.NA]
    shown = for_table(rows, DATA_COLUMNS, locale("en"))
    assert shown["label"].tolist() == ["", "before", "", ""]
    assert pd.api.types.is_numeric_dtype(shown["value"]) and shown["value"].tolist() == rows["value"].tolist()
    assert list(shown.columns) == [name for name, *_ in DATA_COLUMNS]
    assert shown[FIGURE].tolist()[:2] == [rows["indicator"].iat[0], f"{rows['indicator'].iat[1]} (before)"]
    assert rows["label"].isna().sum() == 3  # the rows given are left as they were


def test_the_app_tables_show_no_none(real):
    at = AppTest.from_file(APP, default_timeout=60).run()
    for page, columns in (("data.py", DATA_COLUMNS), ("sources.py", SOURCE_COLUMNS)):
        at.switch_page(page).run()
        table = at.dataframe[0].value
        assert list(table.columns) == [name for name, *_ in columns]
        text = table.select_dtypes(exclude="number")
        assert not text.isna().any().any(), page
    assert (at.dataframe[0].value[FIGURE] != "").all()
