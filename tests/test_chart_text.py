"""Charts in words: each chart's text alternative names it, says what it shows and gives the values drawn."""

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.charts.alt_text import MAX_LISTED, chart_table, describe_chart, describe_timeline
from dashboard.charts.indicator import chart_kind, drawn
from dashboard.table.filters import by_indicator, timeline_counts
from dashboard.text.locale import locale


def test_a_chart_is_described_with_its_title_kind_and_every_value(real):
    rows = real[real["indicator_id"] == "gdp"]
    text = describe_chart(rows, locale("en"), "years")
    assert text.startswith(f"{rows['indicator'].iloc[0]}, in {rows['unit_label'].iloc[0]}: a bar chart of its values over")
    assert f"of {len(rows)} figures" in text
    for row in rows.itertuples():
        assert f"{row.geography}" in text and f"{row.period}: {row.value_label} ({row.status})" in text


def test_every_sector_chart_has_a_description_naming_each_value(real):
    charted, _ = by_indicator(real)
    for rows in charted:
        shown, _ = drawn(rows)
        text = describe_chart(shown, locale("en"), chart_kind(rows))
        assert all(label in text for label in shown["value_label"].head(MAX_LISTED)), text


def test_a_long_chart_lists_the_first_values_and_counts_the_rest(real):
    rows = pd.concat([real] * 2, ignore_index=True)
    text = describe_chart(rows, locale("en"), "places")
    assert f"and {len(rows) - MAX_LISTED} more, listed in the table under the chart" in text
    assert text.count(";") == MAX_LISTED  # the values listed, then the rest counted


def test_one_figure_and_no_figure():
    empty = pd.DataFrame(columns=["indicator", "unit_label", "year_start", "year_end"])
    assert "no figure" in describe_chart(empty, locale("en"))
    assert "no figure" in describe_timeline(empty, [], locale("en"))


def test_one_figure_reads_in_the_singular(real):
    row = real.head(1)
    assert "of 1 figure," in describe_chart(row, locale("en"), "places")
    one = [(row["sector"].iloc[0], row["sector_label"].iloc[0])]
    assert describe_timeline(row, one, locale("en")).startswith("A timeline of 1 figure,")


@pytest.mark.parametrize("counted", [False, True])
def test_the_timeline_counts_each_sector_and_status(real, counted):
    sectors = list(real.drop_duplicates("sector")[["sector", "sector_label"]].itertuples(index=False, name=None))
    text = describe_timeline(timeline_counts(real) if counted else real, sectors, locale("en"))
    dated = real[real["year_end"].notna()]  # a figure without a period has no place on the timeline
    assert f"A timeline of {len(dated)} figures" in text
    for sector, label in sectors:
        mine = dated[dated["sector"] == sector]
        assert f"{label}: {len(mine)} (" in text
        for status, n in mine["status"].value_counts().items():
            assert f"{n} {status}" in text


def test_the_chart_table_holds_the_rows_drawn_with_blanks(real):
    rows = real.head(5).copy()
    rows["label"] = None
    table = chart_table(rows, locale("en"))
    assert list(table.columns) == ["Figure", "Period", "Value", "Place", "Status", "Sector"]
    assert table["Value"].tolist() == rows["value_text"].tolist() and table["Figure"].tolist() == rows["indicator"].tolist()
    linked = chart_table(rows.assign(label="after digitising"), locale("zh"), links=True)
    assert linked["数字"].iat[0] == f"{rows['indicator'].iat[0]}（after digitising）"
    assert linked["数字页面"].tolist() == [f"figures/{fid}?lang=zh" for fid in rows["figure_id"]]


def test_the_app_gives_every_chart_its_text_and_table(root):
    at = AppTest.from_file(str(root / "dashboard" / "app" / "main.py"), default_timeout=60).run()
    for page in ("sectors.py", "timeline.py"):
        at.switch_page(page).run()
        charts = at.get("plotly_chart")
        assert charts and all(c.proto.alt.strip() for c in charts), page
        assert [e.label for e in at.expander].count("Chart data as a table") == len(charts)


def test_download_names_say_what_they_hold():
    from dashboard.table.address import file_stem
    from dashboard.table.dataset import load_frame
    from dashboard.table.filters import Filters, options

    opts = options(load_frame())
    low, high = opts.years
    assert file_stem(Filters(years=opts.years), opts) == f"zhejiang-{low}-{high}"
    assert file_stem(Filters(years=(2024, 2027), sectors=("ai",)), opts) == "zhejiang-ai-2024-2027"
    assert file_stem(Filters(years=(2024, 2024), sectors=("digital_economy",), geos=("Hangzhou",)), opts,
                     prefix="zhejiang-timeline") == "zhejiang-timeline-digital-economy-hangzhou-2024"


def test_chart_labels_keep_their_signs_and_the_footer_says_what_each_means(real):
    from dashboard.charts.style import footer, plotly_config, sign_legend

    rows = real[real["qualifier"].isin(["nearly", "about"])]
    assert set(rows["qualifier"]) == {"nearly", "about"}  # the data has both, so a reader must tell them apart
    assert sign_legend(rows, locale("en")) == "Signs: ~ about, ≈ nearly"
    assert "Signs: ~ about, ≈ nearly" in footer(rows, locale("en"))["text"]
    assert sign_legend(real[real["qualifier"] == "exact"], locale("en")) == "" and sign_legend(rows, locale("zh")) == ""
    zh = plotly_config(locale("zh"))
    assert zh["locale"] == "zh-CN" and zh["locales"]["zh-CN"]["dictionary"]["Download plot as a PNG"] == "下载图表（PNG图片）"
    assert "locale" not in plotly_config(locale("en"))


def test_a_counted_timelines_table_has_no_figure_column(real):
    table = chart_table(timeline_counts(real), locale("en"), links=True)
    assert "Figure" not in table.columns and "Figure's page" not in table.columns and "Sector" in table.columns
