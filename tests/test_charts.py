"""Plotly figures (dashboard.charts.indicator, timeline_chart): axes, statuses, labels, hover, no data drawn as HTML."""

import plotly.graph_objects as go
import pytest

from dashboard.charts import indicator as charts
from dashboard.charts import style as chart_style
from dashboard.charts.style import POINT_FIELDS, point_field, ref
from dashboard.charts.timeline import COUNT_FIELDS, timeline_chart
from dashboard.table.filters import by_indicator, timeline_counts

SECTORS = [("digital_economy", "Digital economy"), ("economy", "Economic output"), ("ai", "AI"),
           ("innovation", "Innovation"), ("common_prosperity", "Common prosperity"), ("energy", "Energy")]


def figure_of(customdata) -> str:
    """The figure a mark opens, read by name from its customdata."""
    return point_field({"customdata": customdata}, "figure_id")


def charted(real) -> list:
    """The rows of each real indicator with several figures."""
    return by_indicator(real)[0]


def drawn_ids(fig) -> list[str]:
    """figure_id of every point a figure draws (the last customdata field)."""
    return [figure_of(point) for trace in fig.data if trace.customdata is not None for point in trace.customdata]


def test_years_are_whole_years_on_the_axis(real):
    rows = real[real["indicator_id"] == "digital_core_value_added"]
    fig = charts.indicator_chart(rows)
    axis = fig.layout.xaxis
    assert axis.tickformat == "d" and all(float(t).is_integer() for t in axis.tickvals)
    assert sorted(x for trace in fig.data for x in trace.x) == [2019, 2020]


def test_year_ticks_are_integers_and_few():
    assert chart_style.year_ticks(2019, 2020) == [2019, 2020]
    ticks = chart_style.year_ticks(2003, 2027)
    assert ticks == [2005, 2010, 2015, 2020, 2025] and all(isinstance(t, int) for t in ticks)
    assert chart_style.year_ticks(2020, 2026) == list(range(2020, 2027))
    assert chart_style.year_ticks(2021, 2021) == [2021]
    for low, high in ((1990, 2030), (2019, 2027), (1, 3000)):
        ticks = chart_style.year_ticks(low, high)
        assert 1 <= len(ticks) <= 7 and low <= ticks[0] and ticks[-1] <= high, (low, high, ticks)


def test_values_are_scaled_never_scientific(real):
    rows = real[real["indicator_id"] == "gdp"]
    fig = charts.indicator_chart(rows)
    assert fig.layout.xaxis.title.text == "trillion yuan" and fig.layout.xaxis.tickformat == ",~f"
    assert max(v for trace in fig.data for v in trace.x) == pytest.approx(9.0)


def test_targets_are_drawn_apart_and_the_legend_names_them(real):
    fig = charts.indicator_chart(real[real["indicator_id"] == "ai_industry_revenue"])
    by_name = {trace.name: trace for trace in fig.data}
    assert set(by_name) == {"Actual", "Target (hatched or hollow)"}
    assert by_name["Target (hatched or hollow)"].marker.pattern.shape == "/"
    assert not by_name["Actual"].marker.pattern.shape
    assert list(by_name["Target (hatched or hollow)"].text) == ["&gt; 1 trillion yuan"]  # qualifier shown, escaped


def test_hover_says_what_the_article_says(real):
    rows = real[real["indicator_id"] == "gdp"]
    fig = charts.indicator_chart(rows)
    points = [p for trace in fig.data for p in trace.customdata]
    zj = next(p for p in points if figure_of(p) == "zj-gdp-2024")
    assert zj[:7] == ["more than 9 trillion yuan", "Zhejiang", "2024", "more than", "actual",
                      "China Daily (chinadaily.com.cn)", "2025-02-05"]
    assert ref("value_text") in fig.data[0].hovertemplate


def test_a_chart_draws_exactly_its_rows(real):
    for rows in charted(real):
        drawn, _ = charts.drawn(rows)
        assert sorted(drawn_ids(charts.indicator_chart(drawn))) == sorted(drawn["figure_id"])


def test_series_draw_no_line_through_a_single_point(make_rows):
    rows = make_rows(dict(figure_id="a1", geography="A", period="2020", year_start=2020, year_end=2020),
                     dict(figure_id="a2", geography="A", period="2022", year_start=2022, year_end=2022, value=2.0),
                     dict(figure_id="b1", geography="B", period="2021", year_start=2021, year_end=2021),
                     dict(figure_id="b2", geography="B", period="2025", year_start=2025, year_end=2025, status="target"))
    fig = charts.indicator_chart(rows)
    lines = [t for t in fig.data if t.mode == "lines"]
    assert len(lines) == 1 and list(lines[0].x) == [2020, 2022]  # B has one actual and one target: no line
    assert sorted(drawn_ids(fig)) == ["a1", "a2", "b1", "b2"]
    assert "Target (hatched or hollow)" in {t.name for t in fig.data}
    symbols = {figure_of(p): t.marker.symbol for t in fig.data if t.customdata is not None for p in t.customdata}
    assert symbols["b2"] == "circle-open" and symbols["b1"] == "circle"
    go.Figure(fig.to_dict())  # valid Plotly


def test_data_text_is_escaped_for_plotly(make_rows):
    rows = make_rows(dict(figure_id="x", geography="<b>A</b>", value_label="<a href='x'>1</a>"),
                     dict(figure_id="y", geography="B", value=2.0))
    fig = charts.indicator_chart(rows)
    text = " ".join(str(v) for t in fig.data for v in (*list(t.text or ()), *list(t.y if t.y is not None else ())))
    assert "<b>" not in text and "<a " not in text and "&lt;b&gt;" in text


def test_one_unit_per_axis(real):
    for rows in charted(real):
        title = chart_style.axis_title(rows)
        assert "/" not in title and rows["unit_label"].iloc[0] in title


def test_timeline_draws_every_figure_once(real):
    fig = timeline_chart(real, SECTORS)
    assert sorted(drawn_ids(fig)) == sorted(real["figure_id"])
    assert fig.layout.xaxis.tickformat == "d" and all(float(t).is_integer() for t in fig.layout.xaxis.tickvals)
    assert list(fig.layout.yaxis.ticktext)[0] == "Digital economy"


def test_timeline_counts_when_large(make_rows):
    rows = make_rows(*[dict(figure_id=f"f{i}", sector=f"s{i % 3}", sector_label=f"S{i % 3}", year_end=2000 + i % 20,
                            year_start=2000 + i % 20, status=("actual", "target")[i % 2]) for i in range(2000)])
    fig = timeline_chart(timeline_counts(rows), [("s0", "S0"), ("s1", "S1"), ("s2", "S2")], counted=True)
    total = sum(c[COUNT_FIELDS.index("figures")] for trace in fig.data if trace.customdata is not None for c in trace.customdata)
    assert total == 2000 and sum(len(t.x) for t in fig.data if t.x is not None) < 200


def test_the_top_places_of_a_bar_chart_stay_a_bar_chart(make_rows):
    """Two figures for one place and year make a bar chart; its top places alone would read as a series."""
    rows = make_rows(*[dict(figure_id=f"f{g}-{y}", geography=f"G{g}", period=str(y), year_start=y, year_end=y,
                            value=float(g * 10 + y - 2019)) for g in range(20) for y in (2020, 2021)],
                     dict(figure_id="twin", geography="G0", period="2020", value=0.5))
    kind = charts.chart_kind(rows)
    kept, _ = charts.drawn(rows)
    assert kind == "places" and charts.chart_kind(kept) == "series"  # what the kept rows would say on their own
    fig = charts.indicator_chart(kept, kind)
    assert [t.type for t in fig.data] == ["bar"] and fig.data[0].orientation == "h"
    assert len(fig.data[0].y) == charts.MAX_BARS


def test_hover_shows_the_note_and_the_opening_words_of_the_quote(real):
    rows = real[real["indicator_id"] == "gdp"]
    fig = charts.indicator_chart(rows)
    points = {figure_of(p): p for trace in fig.data for p in trace.customdata}
    wz = points["wz-gdp-2025"]
    assert ref("context") in fig.data[0].hovertemplate
    assert wz[8].startswith("<br>Article: “Wenzhou surpassed one trillion yuan in GDP in 2025, becoming<br>the 28th")
    noted = real[real["note"].notna()].iloc[[0]]
    assert "<br>Note: " in charts.indicator_chart(noted).data[0].customdata[0][POINT_FIELDS.index("context")]


def test_bar_labels_of_solid_places_bars_may_go_inside_and_hatched_ones_stay_outside(real):
    """On a phone's narrow chart a long bar holds its own label; a hatched bar never does, the stripes would hide it."""
    rows = real[real["indicator_id"] == "ai_industry_revenue"]
    fig = charts.indicator_chart(rows, "places")
    positions = {trace.name.split(" ")[0]: trace.textposition for trace in fig.data}
    assert positions["Actual"] == "auto" and positions["Target"] == "outside"
    years = charts.indicator_chart(real[real["indicator_id"] == "gdp"], "years")
    assert {trace.textposition for trace in years.data} == {"outside"}
