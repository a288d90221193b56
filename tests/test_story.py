"""Story charts (dashboard.charts.story) and the footer every chart carries into its image."""

import html

import plotly.graph_objects as go

from dashboard.charts.indicator import indicator_chart
from dashboard.charts.story import story_chart, story_labels
from dashboard.charts.style import NBSP, STATUS_STYLE, footer, point_field
from dashboard.data.load import load_catalog
from dashboard.table.filters import rows_by_id
from dashboard.text.locale import locale
from dashboard.text.wording import DASHBOARD


def figure_of(customdata) -> str:
    """The figure a mark opens, read by name from its customdata."""
    return point_field({"customdata": customdata}, "figure_id")


def stories():
    return {story.id: story for story in load_catalog()[0].charts}


def test_every_curated_story_chart_draws_its_figures_in_order(real):
    for story in stories().values():
        rows = rows_by_id(real, story.figures)
        fig = story_chart(rows, story.kind, story.note, locale("en"))
        drawn = [figure_of(p) for trace in fig.data for p in trace.customdata or ()]
        assert sorted(drawn) == sorted(story.figures), story.id
        go.Figure(fig.to_dict())  # valid Plotly


def test_small_multiples_write_each_figure_as_a_labelled_number_never_a_bar(real):
    """One value per panel is not a bar chart: each figure is its value as worded, large, with its label under it."""
    for story in stories().values():
        if story.kind != "small_multiples":
            continue
        rows = rows_by_id(real, story.figures)
        fig = story_chart(rows, story.kind, story.note, locale("en"))
        assert not [t for t in fig.data if t.type == "bar"], story.id
        assert [figure_of(p) for t in fig.data for p in t.customdata] == list(story.figures)  # each opens its figure
        numbers = [t.text[0].replace(NBSP, "") for t in fig.data]
        assert numbers == [label.replace("<", "&lt;").replace(">", "&gt;") for label in rows["value_label"]]
        assert all(t.mode == "markers+text" and t.textfont.size >= 20 for t in fig.data)
        labels = [a.text for a in fig.layout.annotations if a.name == "label"]
        assert len(labels) == len(rows) and not fig.layout.xaxis.visible and not fig.layout.yaxis.visible
    pace = stories()["hangzhou-daily-pace"]
    fig = story_chart(rows_by_id(real, pace.figures), pace.kind, pace.note, locale("en"))
    assert [t.text[0].strip(NBSP) for t in fig.data][0] == "&gt; 280 businesses a day"
    assert not fig.layout.showlegend  # one status: nothing to tell apart


def test_small_multiples_of_several_statuses_mark_each_status(real):
    money = stories()["ai-plan-money"]
    fig = story_chart(rows_by_id(real, money.figures), money.kind, money.note, locale("en"))
    symbols = [t.marker.symbol for t in fig.data]
    assert symbols == ["circle-open", "triangle-up", "triangle-up"]  # a target, then two policy rules
    assert fig.layout.showlegend and [t.name for t in fig.data if t.showlegend] == [
        "Target (hatched or hollow)", "Policy rule (cross-hatched or triangle)"]
    assert fig.data[1].marker.color == STATUS_STYLE["policy"][1] != STATUS_STYLE["target"][1]


def test_bars_share_one_axis_and_tell_statuses_apart(real):
    story = stories()["ai-target-against-china"]
    rows = rows_by_id(real, story.figures)
    fig = story_chart(rows, story.kind, story.note, locale("en"))
    assert {trace.name for trace in fig.data if trace.type == "bar"} == {"Actual", "Target (hatched or hollow)"}
    assert fig.layout.xaxis.title.text == "trillion yuan"
    # two indicators of different scope: each label names its measure
    assert story_labels(rows, locale("en")) == ["Revenue of major firms along the AI supply chain: Zhejiang, 2027",
                                  "Size of the AI industry: China, 2024"]


def test_the_footer_names_the_source_the_note_and_the_dashboard(real):
    story = stories()["ai-target-against-china"]
    rows = rows_by_id(real, story.figures)
    foot = footer(rows, locale("en"), story.note)
    text = foot["text"].replace("<br>", " ")
    assert text.startswith("Source: TechEdt (techedt.com), “Zhejiang launches major AI investment plan")
    assert "2025-10-25" in text and "Note: Two different measures" in text and text.endswith(DASHBOARD)
    assert all(len(html.unescape(line)) <= 50 for line in foot["text"].split("<br>"))
    assert "An arrow at a bar" not in text  # only a chart that draws bars explains their arrows
    fig = story_chart(rows, story.kind, story.note, locale("en"))
    (drawn,) = [a.text for a in fig.layout.annotations if a.name == "footer"]
    assert drawn.replace("<br>", " ").startswith(text.split(" Signs:")[0])  # the signs' legend after the arrows' note
    assert "An arrow at a bar's end points" in drawn.replace("<br>", " ")  # "more than 1 trillion"
    many = footer(real, locale("en"))
    assert many["text"].startswith("Sources: the articles listed on the dashboard")


def test_indicator_charts_carry_the_footer_too(real):
    fig = indicator_chart(real[real["indicator_id"] == "gdp"], locale("en"))
    (foot,) = [a for a in fig.layout.annotations if a.name == "footer"]
    assert "China Daily" in foot.text and "China Daily Brief" in foot.text and DASHBOARD in foot.text
