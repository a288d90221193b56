"""Plotly figures (dashboard.charts.indicator, timeline_chart): axes, statuses, labels, hover, no data drawn as HTML."""

import html
import json
import subprocess
import sys
from pathlib import Path

import plotly.graph_objects as go
import pytest

from dashboard.charts import indicator as charts
from dashboard.charts import style as chart_style
from dashboard.charts import timeline
from dashboard.charts.style import NBSP, POINT_FIELDS, point_field, ref
from dashboard.charts.timeline import COUNT_FIELDS, timeline_chart
from dashboard.table.filters import by_indicator, timeline_counts
from dashboard.text.locale import locale

ROOT = Path(__file__).resolve().parent.parent
TARGET_AND_ACTUAL = ["zj-ai-revenue-target-2027", "cn-ai-industry-2024"]  # a target beside a result, as the AI story sets them

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
    fig = charts.indicator_chart(rows, locale("en"))
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
    fig = charts.indicator_chart(rows, locale("en"))
    assert fig.layout.xaxis.title.text == "trillion yuan" and fig.layout.xaxis.tickformat == ",~f"
    assert max(v for trace in fig.data for v in trace.x) == pytest.approx(9.0)


def test_targets_are_drawn_apart_and_the_legend_names_them(real):
    fig = charts.indicator_chart(real[real["figure_id"].isin(TARGET_AND_ACTUAL)], locale("en"))
    by_name = {trace.name: trace for trace in fig.data if trace.type == "bar"}
    assert set(by_name) == {"Actual", "Target (hatched or hollow)"}
    assert by_name["Target (hatched or hollow)"].marker.pattern.shape == "/"
    assert not by_name["Actual"].marker.pattern.shape
    assert [t.strip(NBSP) for t in by_name["Target (hatched or hollow)"].text] == ["&gt; 1 trillion yuan"]  # escaped


def test_hover_says_what_the_article_says(real):
    rows = real[real["indicator_id"] == "gdp"]
    fig = charts.indicator_chart(rows, locale("en"))
    points = [p for trace in fig.data for p in trace.customdata or ()]
    zj = next(p for p in points if figure_of(p) == "zj-gdp-2024")
    assert zj[:7] == ["more than 9 trillion yuan", "Zhejiang", "2024", "more than", "actual",
                      "China Daily (chinadaily.com.cn)", "2025-02-05"]
    assert ref("value_text") in fig.data[0].hovertemplate


def test_a_chart_draws_exactly_its_rows(real):
    for rows in charted(real):
        drawn, _ = charts.drawn(rows)
        assert sorted(drawn_ids(charts.indicator_chart(drawn, locale("en")))) == sorted(drawn["figure_id"])


def test_series_draw_no_line_through_a_single_point(make_rows):
    rows = make_rows(dict(figure_id="a1", geography="A", period="2020", year_start=2020, year_end=2020),
                     dict(figure_id="a2", geography="A", period="2022", year_start=2022, year_end=2022, value=2.0),
                     dict(figure_id="b1", geography="B", period="2021", year_start=2021, year_end=2021),
                     dict(figure_id="b2", geography="B", period="2025", year_start=2025, year_end=2025, status="target"))
    fig = charts.indicator_chart(rows, locale("en"))
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
    fig = charts.indicator_chart(rows, locale("en"))
    text = " ".join([*(str(v) for t in fig.data for v in t.text or ()), *(a.text for a in fig.layout.annotations)])
    assert "<b>" not in text and "<a " not in text and "&lt;b&gt;" in text


def test_one_unit_per_axis(real):
    for rows in charted(real):
        title = chart_style.axis_title(rows, locale("en"))
        assert "/" not in title and rows["unit_label"].iloc[0] in title


def test_timeline_draws_every_figure_with_a_period_once(real):
    fig = timeline_chart(real, SECTORS, locale("en"))
    assert sorted(drawn_ids(fig)) == sorted(real.loc[real["year_end"].notna(), "figure_id"])
    assert "cixi-bull-group-shipments-before" not in drawn_ids(fig)  # no period: no place on a year axis
    axis = fig.layout.xaxis
    assert axis.tickformat == "d" and all(str(t).isdigit() and len(str(t)) == 4 for t in axis.ticktext)
    assert list(fig.layout.yaxis.ticktext)[0] == "Digital<br>economy"  # wrapped short: the plot keeps its width


def test_timeline_counts_when_large(make_rows):
    rows = make_rows(*[dict(figure_id=f"f{i}", sector=f"s{i % 3}", sector_label=f"S{i % 3}", year_end=2000 + i % 20,
                            year_start=2000 + i % 20, status=("actual", "target")[i % 2]) for i in range(2000)])
    fig = timeline_chart(timeline_counts(rows), [("s0", "S0"), ("s1", "S1"), ("s2", "S2")], locale("en"), counted=True)
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
    fig = charts.indicator_chart(kept, locale("en"), kind)
    assert [t.type for t in fig.data] == ["bar"] and fig.data[0].orientation == "h"
    assert len(fig.data[0].y) == charts.MAX_BARS


def test_hover_shows_the_note_and_the_opening_words_of_the_quote(real):
    rows = real[real["indicator_id"] == "gdp"]
    fig = charts.indicator_chart(rows, locale("en"))
    points = {figure_of(p): p for trace in fig.data for p in trace.customdata or ()}
    wz = points["wz-gdp-2025"]
    assert ref("context") in fig.data[0].hovertemplate
    assert wz[8].startswith("<br>Article: “Wenzhou surpassed one trillion yuan in GDP in 2025, becoming<br>the 28th")
    noted = real[real["note"].notna()].iloc[[0]]
    assert "<br>Note: " in charts.indicator_chart(noted, locale("en")).data[0].customdata[0][POINT_FIELDS.index("context")]


def test_bar_labels_of_solid_places_bars_may_go_inside_and_hatched_ones_stay_outside(real):
    """On a phone's narrow chart a long bar holds its own label; a hatched bar never does, the stripes would hide it."""
    rows = real[real["figure_id"].isin(TARGET_AND_ACTUAL)]
    fig = charts.indicator_chart(rows, locale("en"), "places")
    positions = {trace.name.split(" ")[0]: trace.textposition for trace in fig.data if trace.type == "bar"}
    assert positions["Actual"] == ("auto",) and positions["Target"] == ("outside",)
    years = charts.indicator_chart(real[real["indicator_id"] == "gdp"], locale("en"), "years")
    assert {p for trace in years.data if trace.type == "bar" for p in trace.textposition} == {"outside"}


# --- Honest to the article: bounds, contrast, the timeline's marks, policy rules -----------------------------------

BACKGROUNDS = {"light": "#ffffff", "dark": "#0e1117"}  # Streamlit's page backgrounds, which its charts take


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a #rrggbb colour."""
    channels = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: str, other: str) -> float:
    """WCAG 2 contrast ratio of two colours, 1 to 21."""
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_colours(spec, inside: str = "") -> list[tuple[str, str]]:
    """(where, colour) of every text colour a figure sets: any `color` of a font (font, textfont, tickfont...)."""
    found = []
    if isinstance(spec, dict):
        for key, value in spec.items():
            where = f"{inside}.{key}"
            if key == "color" and inside.rsplit(".", 1)[-1].endswith("font"):
                found += [(where, c) for c in (value if isinstance(value, list | tuple) else [value])]
            else:
                found += text_colours(value, where)
    elif isinstance(spec, list | tuple):
        for i, value in enumerate(spec):
            found += text_colours(value, f"{inside}[{i}]")
    return found


def every_chart(real) -> list[go.Figure]:
    """Every chart the dashboard draws of the real data: each indicator's, each story chart, the timeline (counted too)."""
    from dashboard.charts.story import story_chart
    from dashboard.data.load import load_catalog
    from dashboard.table.filters import rows_by_id

    figures = [charts.indicator_chart(charts.drawn(rows)[0], locale("en"), charts.chart_kind(rows)) for rows in charted(real)]
    figures += [story_chart(rows_by_id(real, s.figures), s.kind, s.note, locale("en")) for s in load_catalog()[0].charts]
    return [*figures, timeline_chart(real, SECTORS, locale("en")),
            timeline_chart(timeline_counts(real), SECTORS, locale("en"), counted=True)]


def test_the_contrast_helper_agrees_with_wcag():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#808495", "#ffffff") == pytest.approx(3.7, abs=0.05)  # Streamlit's chart grey: too faint on white
    assert contrast("#555555", "#0e1117") < 3  # the old footer grey on the dark page


def test_every_text_colour_a_chart_sets_reads_at_4_5_to_1_on_both_themes(real):
    """No one colour passes on white and on #0e1117, so chart text takes the theme's: Streamlit swaps THEME_TEXT for
    its strongest text grey of the page's theme; any other colour must pass on both backgrounds itself."""
    from streamlit.elements.lib import streamlit_plotly_theme

    assert chart_style.THEME_TEXT == streamlit_plotly_theme.GRAY_90  # the placeholder the theme replaces
    assert not [c for c in ("#000000", "#ffffff") if min(contrast(c, b) for b in BACKGROUNDS.values()) >= 4.5]
    checked = 0
    for fig in every_chart(real):
        spec = fig.to_plotly_json()
        spec["layout"].pop("template", None)  # Plotly's default template: Streamlit sends its own theme instead
        for where, colour in text_colours(spec):
            checked += 1
            if "insidetextfont" in where:  # on its bar, whatever the page: checked against the bar's colour
                bar = spec["data"][int(where.split("[")[1].split("]")[0])]["marker"]["color"]
                assert contrast(colour, bar) >= 4.5, (where, colour, bar)
                continue
            for theme, background in BACKGROUNDS.items():
                shown = chart_style.THEME_TEXT_SHOWN[theme] if colour == chart_style.THEME_TEXT else colour
                assert contrast(shown, background) >= 4.5, (where, colour, theme)
    assert checked > 100
    assert "#555555" not in str(every_chart(real)[0].to_plotly_json())


def test_axes_and_footer_take_the_theme_colour(real):
    fig = charts.indicator_chart(real[real["indicator_id"] == "gdp"], locale("en"))
    for axis in (fig.layout.xaxis, fig.layout.yaxis):
        assert axis.tickfont.color == axis.title.font.color == chart_style.THEME_TEXT
    (foot,) = [a for a in fig.layout.annotations if a.name == "footer"]
    assert foot.font.color == fig.layout.font.color == fig.layout.hoverlabel.font.color == chart_style.THEME_TEXT


def bound_traces(fig) -> list:
    return [t for t in fig.data if t.meta == "bound"]


def test_a_bound_is_marked_with_an_arrow_where_the_value_lies(make_rows):
    rows = make_rows(dict(figure_id="more", geography="A", value=9.0, qualifier="more than", value_label="> 9 yuan"),
                     dict(figure_id="upto", geography="B", value=5.0, qualifier="up to", value_label="≤ 5 yuan"),
                     dict(figure_id="exact", geography="C", value=3.0))
    fig = charts.indicator_chart(rows, locale("en"), "places")
    (marks,) = bound_traces(fig)
    assert list(marks.x) == [9.0, 5.0] and list(marks.marker.symbol) == ["arrow-right", "arrow-left"]
    assert marks.customdata is None and marks.hoverinfo == "skip"  # the bar itself opens the figure, once
    (bars,) = [t for t in fig.data if t.type == "bar"]
    assert [t.strip(NBSP) for t in bars.text] == ["&gt; 9 yuan", "≤ 5 yuan", "3"] or bars.text[2] == "1 yuan"
    assert bars.text[0].startswith(NBSP) and not bars.text[2].startswith(NBSP)  # clear of the arrow
    assert list(bars.textposition) == ["outside", "outside", "auto"]  # a bounded label stands after its arrow
    (foot,) = [a.text.replace("<br>", " ") for a in fig.layout.annotations if a.name == "footer"]
    assert "An arrow at a bar's end points where the value lies" in foot
    years = make_rows(dict(figure_id="y1", period="2020", year_start=2020, year_end=2020, qualifier="at least"),
                      dict(figure_id="y2", period="2021", year_start=2021, year_end=2021, qualifier="less than"))
    (marks,) = bound_traces(charts.indicator_chart(years, locale("en"), "years"))
    assert list(marks.x) == [2020, 2021] and list(marks.marker.symbol) == ["arrow-up", "arrow-down"]
    exact = charts.indicator_chart(rows[rows["qualifier"] == "exact"], locale("en"), "places")
    assert not bound_traces(exact)
    assert "An arrow" not in next(a.text for a in exact.layout.annotations if a.name == "footer")


def test_the_real_thresholds_are_drawn_as_bounds(real):
    """'More than 9 trillion yuan' and 'more than 1 trillion': arrows pointing right, in the story chart too."""
    from dashboard.charts.story import story_chart

    rows = real[real["figure_id"].isin(["zj-gdp-2024", "wz-gdp-2025"])]
    fig = story_chart(rows, "bars", None, locale("en"))
    (marks,) = bound_traces(fig)
    assert list(marks.marker.symbol) == ["arrow-right", "arrow-right"]
    assert sorted(marks.x) == sorted(v for t in fig.data if t.type == "bar" for v in t.x)


def test_policy_rules_are_drawn_in_their_own_style(make_rows):
    rows = make_rows(dict(figure_id="rule", geography="A", status="policy", qualifier="up to", value=30.0),
                     dict(figure_id="aim", geography="B", status="target", value=10.0),
                     dict(figure_id="done", geography="C", status="actual", value=5.0))
    name, colour, pattern, symbol = chart_style.STATUS_STYLE["policy"]
    bars = {t.name: t for t in charts.indicator_chart(rows, locale("en"), "places").data if t.type == "bar"}
    rule = bars["Policy rule (cross-hatched or triangle)"]
    assert rule.marker.color == colour and rule.marker.pattern.shape == pattern == "x"
    assert len({(t.marker.color, t.marker.pattern.shape) for t in bars.values()}) == 3
    dots = {t.name: t for t in timeline_chart(rows, [("s", "S")], locale("en")).data if t.mode == "markers"}
    assert dots["Policy rule (cross-hatched or triangle)"].marker.symbol == symbol == "triangle-up"
    assert len({(t.marker.color, t.marker.symbol) for t in dots.values()}) == 3


def test_timeline_marks_of_one_sector_and_year_never_share_a_place(real):
    fig = timeline_chart(real, SECTORS, locale("en"))
    places = [(x, y) for t in fig.data if t.mode == "markers" for x, y in zip(t.x, t.y, strict=True)]
    assert len(places) == len(set(places))
    pixels = timeline.ROW_PX  # one unit of the row axis
    ai = sorted(y for t in fig.data if t.mode == "markers" for x, y, p in zip(t.x, t.y, t.customdata, strict=True)
                if x == 2027 and "ai" in str(p[POINT_FIELDS.index("figure_id")]))
    assert len(ai) >= 8  # the AI targets of 2025-2027
    assert min(b - a for a, b in zip(ai, ai[1:], strict=False)) * pixels >= 13  # a mark is 11 pixels across
    rows = fig.layout.yaxis.tickvals
    assert all(b > a for a, b in zip(rows, rows[1:], strict=False))


def test_a_lone_early_figure_stands_beyond_a_break_and_the_text_says_so(real):
    from dashboard.charts.alt_text import describe_timeline

    assert timeline.lone_early(real) == (2003, 2019)
    fig = timeline_chart(real, SECTORS, locale("en"))
    axis = fig.layout.xaxis
    assert axis.ticktext[0] == "2003" and axis.range[0] > 2015  # no sixteen empty years
    early = [x for t in fig.data if t.mode == "markers" for x, p in zip(t.x, t.customdata, strict=True)
             if p[POINT_FIELDS.index("period")] == "2003"]
    assert early == [axis.tickvals[0]]
    assert any(s.line.dash == "dot" for s in fig.layout.shapes)  # the break
    assert "The year axis starts in 2019; the one earlier figure, of 2003" in describe_timeline(real, SECTORS, locale("en"))
    counted = timeline_chart(timeline_counts(real), SECTORS, locale("en"), counted=True)
    assert counted.layout.xaxis.ticktext[0] == "2003" and ref("year", COUNT_FIELDS) in counted.data[0].hovertemplate
    spread = real[real["year_end"] != 2003]
    assert timeline.lone_early(spread) is None
    assert "The year axis starts" not in describe_timeline(spread, SECTORS, locale("en"))


def test_a_phone_shows_the_footer_and_the_labels_whole(real):
    """The footer starts at the chart's own left edge, under the axis title, in lines a phone holds; the timeline's
    sector names wrap short so its plot keeps its width."""
    for fig in every_chart(real):
        (foot,) = [a for a in fig.layout.annotations if a.name == "footer"]
        assert foot.xshift == 4 - fig.layout.margin.l
        assert fig.layout.margin.b >= -foot.yshift + 14 * (foot.text.count("<br>") + 1)
        if fig.layout.xaxis.visible is not False and fig.layout.xaxis.title.text:
            assert foot.yshift <= -60  # below the tick labels and the axis title
        assert all(chart_style._columns(html.unescape(line)) <= chart_style.FOOTER_LINE for line in foot.text.split("<br>"))
    fig = timeline_chart(real, SECTORS, locale("en"))
    assert all(chart_style._columns(line) <= timeline.LABEL_WIDTH + 2 for label in fig.layout.yaxis.ticktext
               for line in label.split("<br>"))
    assert fig.layout.margin.l <= 110


def test_horizontal_bars_stand_under_their_labels_with_the_whole_width(real):
    """A phone's narrow chart keeps its width for the bars and their values: each label stands above its bar."""
    from dashboard.charts.story import story_chart

    rows = real[real["figure_id"].isin(TARGET_AND_ACTUAL)]
    for fig in (charts.indicator_chart(rows, locale("en"), "places"), story_chart(rows, "target_vs_actual", None, locale("en"))):
        labels = [a for a in fig.layout.annotations if a.name == "label"]
        bars = sorted(y for t in fig.data if t.type == "bar" for y in t.y)
        assert len(labels) == len(bars) == 2 and fig.layout.margin.l <= 16 and not fig.layout.yaxis.visible
        for label, y in zip(sorted(labels, key=lambda a: a.y), bars, strict=True):
            assert label.yanchor == "bottom" and label.y == y - chart_style.BAR_PX / 2  # just above its bar
        assert fig.layout.yaxis.range[0] == fig.layout.height - fig.layout.margin.t - fig.layout.margin.b


def test_a_chart_is_the_same_in_the_app_and_on_its_own_page(tmp_path):
    """Streamlit makes its own Plotly template the default when it is loaded; a chart names none, so the app (Streamlit
    loaded) and its page on the take-away face (plain HTTP) send the same chart, every colour its own."""
    script = ("import sys, plotly.io as pio\n"
              "if sys.argv[1] == 'app': import streamlit  # noqa: F401\n"
              "from dashboard.table import dataset\n"
              "from dashboard.table.filters import by_indicator\n"
              "from dashboard.charts import blocks\n"
              "from dashboard.text.locale import locale\n"
              "rows = by_indicator(dataset.current().views['en'].frame)[0][0]\n"
              "print(pio.to_json(blocks.indicator(rows, locale('en')).figure))\n")
    specs = {face: subprocess.run([sys.executable, "-c", script, face], capture_output=True, text=True, check=True,
                                  cwd=ROOT, timeout=120).stdout for face in ("app", "page")}
    assert specs["app"] == specs["page"]
    assert json.loads(specs["app"])["data"]
