"""Story charts (dashboard.charts.story) and the footer every chart carries into its image."""

import plotly.graph_objects as go

from dashboard.charts.indicator import indicator_chart
from dashboard.charts.story import story_chart, story_labels
from dashboard.charts.style import footer, point_field
from dashboard.data.load import load_catalog
from dashboard.table.filters import rows_by_id
from dashboard.text.wording import DASHBOARD


def figure_of(customdata) -> str:
    """The figure a mark opens, read by name from its customdata."""
    return point_field({"customdata": customdata}, "figure_id")


def stories():
    return {story.id: story for story in load_catalog()[0].charts}


def test_every_curated_story_chart_draws_its_figures_in_order(real):
    for story in stories().values():
        rows = rows_by_id(real, story.figures)
        fig = story_chart(rows, story.kind, story.note)
        drawn = [figure_of(p) for trace in fig.data for p in trace.customdata]
        assert sorted(drawn) == sorted(story.figures), story.id
        go.Figure(fig.to_dict())  # valid Plotly


def test_small_multiples_give_each_figure_its_own_axis(real):
    story = stories()["hangzhou-daily-pace"]
    fig = story_chart(rows_by_id(real, story.figures), story.kind, story.note)
    titles = [fig.layout[f"xaxis{i or ''}"].title.text for i in ("", 2, 3)]
    assert titles == ["businesses per day", "patents per day", "million yuan per day"]
    assert not fig.layout.showlegend


def test_bars_share_one_axis_and_tell_statuses_apart(real):
    story = stories()["ai-target-against-china"]
    rows = rows_by_id(real, story.figures)
    fig = story_chart(rows, story.kind, story.note)
    assert {trace.name for trace in fig.data} == {"Actual", "Target (hatched or hollow)"}
    assert fig.layout.xaxis.title.text == "trillion yuan"
    assert story_labels(rows) == ["Zhejiang, 2027", "China, 2024"]


def test_the_footer_names_the_source_the_note_and_the_dashboard(real):
    story = stories()["ai-target-against-china"]
    rows = rows_by_id(real, story.figures)
    foot = footer(rows, story.note)
    text = foot["text"].replace("<br>", " ")
    assert text.startswith("Source: TechEdt (techedt.com), “Zhejiang launches major AI investment plan")
    assert "2025-10-25" in text and "Note: A provincial target due in 2027" in text and text.endswith(DASHBOARD)
    assert all(len(line) <= 50 for line in foot["text"].split("<br>"))
    fig = story_chart(rows, story.kind, story.note)
    assert [a.text for a in fig.layout.annotations if a.name == "footer"] == [foot["text"]]
    many = footer(real)
    assert many["text"].startswith("Sources: the articles listed on the dashboard")


def test_indicator_charts_carry_the_footer_too(real):
    fig = indicator_chart(real[real["indicator_id"] == "gdp"])
    (foot,) = [a for a in fig.layout.annotations if a.name == "footer"]
    assert "China Daily" in foot.text and "China Daily Brief" in foot.text and DASHBOARD in foot.text
