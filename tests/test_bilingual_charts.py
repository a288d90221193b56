"""The Overview, Sectors and Timeline pages in Chinese: charts, hover text, image footers, text alternatives, cards."""

import json
from types import SimpleNamespace

import pandas as pd
import pytest

from dashboard.charts.alt_text import chart_table, describe_chart, describe_story, describe_timeline
from dashboard.charts.indicator import indicator_chart
from dashboard.charts.story import story_chart, story_labels
from dashboard.charts.style import footer, hover, lines, year_axis
from dashboard.charts.timeline import timeline_chart
from dashboard.data.load import load_catalog
from dashboard.table.columns import localised
from dashboard.table.dataset import load_frame
from dashboard.table.filters import by_indicator, rows_by_id, timeline_counts
from dashboard.text.cards import articles, cards
from dashboard.text.locale import locale

TARGET_AND_ACTUAL = ["zj-ai-revenue-target-2027", "cn-ai-industry-2024"]  # a target beside a result, as the AI story sets them

LEGENDS = {"实际", "推算（由其他数字计算得出）", "目标（斜纹或空心）", "预测（点纹或空心）",
           "政策规定（交叉斜线或三角形）"}
DASHBOARD_ZH = "浙江指标数据看板"
ENGLISH_HOVER = ("<b>%{customdata[0]}</b><br>%{customdata[1]}, %{customdata[2]}<br>Qualifier: %{customdata[3]}"
                 "<br>Status: %{customdata[4]}<br>Source: %{customdata[5]}, %{customdata[6]}%{customdata[8]}"
                 "<br><i>Click for the figure's sentence and citation</i><extra></extra>")


@pytest.fixture
def zh_app(open_app):
    """open_app in Chinese."""
    return lambda page, **query: open_app(page, lang="zh", **query)


@pytest.fixture(scope="module")
def zh():
    """The tidy table as a Chinese page reads it."""
    return localised(load_frame(), locale("zh"))


@pytest.fixture(scope="module")
def stories():
    return {story.id: story for story in load_catalog()[0].charts}


def specs(at) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def footers(spec: dict) -> list[str]:
    return [a["text"] for a in spec["layout"].get("annotations", []) if a.get("name") == "footer"]


def assert_chinese_chart(spec: dict, alt: str) -> None:
    """A chart drawn for a Chinese reader: legend, hover, footer and text alternative in Chinese."""
    names = {t["name"] for t in spec["data"] if t.get("name")}
    assert names and all(any("\u4e00" <= c <= "\u9fff" for c in n) for n in names), names  # statuses or places
    templates = [t["hovertemplate"] for t in spec["data"] if t.get("hovertemplate")]
    assert templates and all("状态：" in t or "个数字" in t for t in templates)
    assert footers(spec) and footers(spec)[0].endswith(DASHBOARD_ZH) and footers(spec)[0].startswith("来源：")
    assert alt and any("\u4e00" <= c <= "\u9fff" for c in alt) and "figure" not in alt


@pytest.mark.parametrize(("page", "title"), [("overview.py", "浙江指标"), ("timeline.py", "时间线")])
def test_overview_and_timeline_read_in_chinese(zh_app, english_left, page, title):
    at = zh_app(page)
    assert not at.exception
    assert english_left(at) == []
    assert [t.value for t in at.title] == [title]


def test_the_overview_cards_and_counts_in_chinese(zh_app):
    at = zh_app("overview.py")
    assert [h.value for h in at.header] == ["重点数字"]
    assert any("个数字中有" in c.value and "篇报道" in c.value and "—2027年" in c.value for c in at.caption)
    body = next(h.proto.body for h in at.get("html") if "zi-card" in h.proto.body)
    for text in ("超过9万亿", ">2024年 · 实际", "中国日报网（新闻报道），2025年2月5日", "报道原话（原文）",
                 '<q lang="en">In 2024, Zhejiang&#x27;s economic output', "原文语句、来源和引用"):
        assert text in body, text


def test_the_timeline_in_chinese(zh_app):
    at = zh_app("timeline.py")
    (spec,) = specs(at)
    assert spec["layout"]["xaxis"]["title"]["text"] == "年份（横条表示跨越多年的时期）"
    assert {t["name"] for t in spec["data"] if t.get("mode") == "markers"} <= LEGENDS
    alt = at.get("plotly_chart")[0].proto.alt
    assert alt.startswith("时间线共46个数字，每个领域一行") and "实际" in alt  # the two without a period left out
    assert_chinese_chart(spec, alt)


def test_every_sector_and_both_tabs_read_in_chinese(zh_app, english_left, real):
    for sector in real["sector"].unique():
        for tab in (None, "单个数字"):
            at = zh_app("sectors.py", sector=sector, **({"tab": tab} if tab else {}))
            assert not at.exception, (sector, tab)
            assert english_left(at) == [], (sector, tab)
            assert [t.value for t in at.title] == ["领域"]
            assert at.segmented_control(key="sector_pick").label == "显示领域"
            if at.tabs:
                assert [t.label for t in at.tabs] == ["图表", "单个数字"]
            for chart, spec in zip(at.get("plotly_chart"), specs(at), strict=True):
                assert_chinese_chart(spec, chart.proto.alt)
            cards_html = [h.proto.body for h in at.get("html") if "zi-card" in h.proto.body]
            if tab and at.tabs:
                assert not at.get("plotly_chart") and cards_html, sector
            for body in cards_html:
                assert "报道原话（原文）" in body and "In the article" not in body


def test_the_axis_of_a_chart_of_trillions_reads_in_wan_yi(zh_app):
    at = zh_app("sectors.py", sector="economy")
    titles = [axis["title"]["text"] for spec in specs(at) for name, axis in spec["layout"].items()
              if name.startswith(("xaxis", "yaxis")) and axis.get("title", {}).get("text")]
    assert any(title.startswith("万亿") for title in titles), titles


def test_a_tab_named_in_english_opens_in_a_chinese_address(zh_app):
    at = zh_app("sectors.py", sector="digital_economy", tab="Single figures")
    assert not at.exception and at.session_state["tab"] == "单个数字" and not at.get("plotly_chart")


def test_the_hover_is_in_chinese_and_the_english_one_is_unchanged(zh):
    assert hover(locale("en")) == ENGLISH_HOVER
    fig = indicator_chart(zh[zh["indicator_id"] == "gdp"], loc=locale("zh"))
    template = fig.data[0].hovertemplate
    assert "限定词：%{customdata[3]}" in template and "状态：%{customdata[4]}" in template
    assert "来源：%{customdata[5]}，%{customdata[6]}" in template and "点击查看该数字的原文语句及引用方式" in template
    point = next(p for t in fig.data for p in t.customdata if p[7] == "zj-gdp-2024")
    assert point[:7] == ["超过9万亿元", point[1], "2024年", "超过", "实际", "中国日报网", "2025年2月5日"]
    assert point[8].startswith("<br>报道原文（英文）：“In 2024, Zhejiang's economic output")


def test_axes_legends_and_year_in_chinese(zh):
    gdp = indicator_chart(zh[zh["indicator_id"] == "gdp"], loc=locale("zh"))
    assert gdp.layout.xaxis.title.text.startswith("万亿") and max(v for t in gdp.data for v in t.x) == pytest.approx(9.0)
    core = zh[zh["indicator_id"] == "digital_core_value_added"]
    fig = indicator_chart(core, loc=locale("zh"))
    assert fig.layout.yaxis.title.text.startswith("亿") and fig.layout.xaxis.title.text == "年份"
    assert max(v for t in fig.data for v in t.y) == pytest.approx(7020)
    ai = indicator_chart(zh[zh["figure_id"].isin(TARGET_AND_ACTUAL)], loc=locale("zh"))
    assert {t.name for t in ai.data if t.type == "bar"} == {"实际", "目标（斜纹或空心）"}
    assert year_axis([2020, 2024], 0.5, loc=locale("zh"))["title"]["text"] == "年份"
    for rows in by_indicator(zh)[0]:  # every chart of the real data draws in Chinese
        indicator_chart(rows, loc=locale("zh"))


def test_the_footer_in_chinese_with_the_date_as_chinese_writes_it(zh, stories):
    story = stories["ai-target-against-china"]
    rows = rows_by_id(zh, story.figures)
    foot = footer(rows, locale("zh"), locale("zh").field(story, "note"))
    text = "".join(foot["text"].replace("<br>", "").split())
    assert text.startswith("来源：TechEdt(techedt.com)，“ZhejianglaunchesmajorAIinvestment")
    assert "”，2025年10月25日注：两者口径不同" in text and text.endswith(DASHBOARD_ZH)
    assert footer(zh, loc=locale("zh"))["text"].startswith("来源：本看板“来源”页所列报道")
    gdp = footer(zh[zh["indicator_id"] == "gdp"], loc=locale("zh"))["text"]
    assert "2025年2月5日" in gdp and "；" in gdp and "2025-02-05" not in gdp


def test_chinese_lines_wrap_by_their_width():
    text = "来源：China Daily (chinadaily.com.cn)，“Zhejiang becoming model”，2025年2月5日" + "浙江指标看板" * 6
    for line in lines(text, 50):
        assert sum(2 if "\u2e80" <= c else 1 for c in line) <= 50, line
    assert "".join(lines(text, 50)).replace(" ", "") == text.replace(" ", "")
    assert not any(line.startswith(("，", "。", "”")) for line in lines(text, 50))
    assert any("2025年2月5日" in line for line in lines(text, 50))  # a date is never broken


def test_story_charts_in_chinese(zh, stories):
    story = stories["ai-target-against-china"]
    rows = rows_by_id(zh, story.figures)
    labels = story_labels(rows, locale("zh"))
    assert [label.split("，")[1] for label in labels] == ["2027年", "2024年"]
    fig = story_chart(rows, story.kind, locale("zh").field(story, "note"), locale("zh"))
    assert {t.name for t in fig.data if t.type == "bar"} == {"实际", "目标（斜纹或空心）"}
    assert fig.layout.xaxis.title.text.startswith("万亿")
    (foot,) = [a.text.replace("<br>", "") for a in fig.layout.annotations if a.name == "footer"]
    assert "柱条末端的箭头指向实际数值所在的方向" in foot  # the target is "more than 1 trillion yuan"
    alt = describe_story("标题", "副标题", "图表注释。", labels, rows, locale("zh"))
    assert alt.startswith("标题。副标题。图表含2个数字。数值：") and alt.endswith("（实际）。注：图表注释。")
    pace = stories["hangzhou-daily-pace"]
    pace_rows = rows_by_id(zh, pace.figures)
    multiples = story_chart(pace_rows, pace.kind, None, locale("zh"))
    assert not [t for t in multiples.data if t.type == "bar"]  # written as numbers, in Chinese
    assert [t.text[0].strip("\u00a0") for t in multiples.data] == pace_rows["value_label"].tolist()
    assert pace_rows["value_label"].str.startswith(("超过", "近")).all()  # qualifiers written as words
    labels = [a.text.replace("<br>", "") for a in multiples.layout.annotations if a.name == "label"]
    assert labels == story_labels(pace_rows, locale("zh"))


def test_text_alternatives_and_tables_in_chinese(zh):
    rows = zh[zh["indicator_id"] == "gdp"]
    text = describe_chart(rows, locale("zh"), "years")
    first = rows.iloc[0]
    assert text.startswith(f"{first.indicator}（单位：{first.unit_label}）：历年数值柱状图，共{len(rows)}个数字，")
    assert "2024年：超过9万亿元（实际）" in text and "数值：" in text and text.endswith("。")
    assert describe_chart(rows.iloc[0:0], loc=locale("zh")) == "空图表：没有符合筛选条件的数字。"
    sectors = list(zh.drop_duplicates("sector")[["sector", "sector_label"]].itertuples(index=False, name=None))
    timeline = describe_timeline(timeline_counts(zh), sectors, locale("zh"))
    assert timeline.startswith(f"时间线共{zh['year_end'].count()}个数字") and "实际" in timeline and "个（" in timeline
    table = chart_table(rows, locale("zh"))
    assert list(table.columns) == ["数字", "时期", "数值", "地区", "状态", "领域"] and set(table["状态"]) == {"实际"}
    counted = timeline_chart(timeline_counts(zh), sectors, counted=True, loc=locale("zh"))
    assert "年：%{customdata[1]:,}个数字" in counted.data[0].hovertemplate
    assert counted.layout.xaxis.title.text == "数字所属年份（时期取最后一年）"


def test_cards_and_article_cards_in_chinese():
    row = SimpleNamespace(figure_id="zj-gdp-2024", indicator="地区生产总值", place="浙江", label=None,
                          value_text="超过9万亿元", qualifier="more than", period="2021-2023", status="target",
                          sector_label="经济", publisher="China Daily", published="2025-02-05", url=None,
                          source_kind=None, quoted_from="article", quote="Zhejiang's GDP exceeded 9 trillion yuan")
    html = cards(pd.DataFrame([vars(row)]), show_sector=True, loc=locale("zh"))
    for text in ("地区生产总值，浙江", ">2021—2023年 · 目标 · 经济", "China Daily，2025年2月5日（无已知链接）",
                 "<summary>报道原话（原文）</summary>", "原文语句、来源和引用"):
        assert text in html, text
    assert "确切数字 ·" in cards(pd.DataFrame([{**vars(row), "qualifier": "exact"}]), loc=locale("zh"))
    first = SimpleNamespace(source_title="Zhejiang becoming model", publisher="China Daily", published="2025-02-05",
                            url="https://www.chinadaily.com.cn/a/x.html")
    listed = articles([(first, 14, "摘要。", "China Daily. 2025-02-05."), (SimpleNamespace(**{**vars(first), "url": None}),
                                                                        1, None, None)], loc=locale("zh"))
    for text in ("这篇报道有14个数字符合筛选条件", "这篇报道有1个数字符合筛选条件", ">打开原文</a>", "2025年2月5日 · 无已知链接",
                 "<summary>引用这篇报道</summary>"):
        assert text in listed, text
