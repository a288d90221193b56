"""Each chart at its own address: the chart with its words drawn in, its rows as a table and CSV, and its embed view."""

import io
import json
import re

import pandas as pd
import pytest
from plotly.offline import get_plotlyjs

from dashboard.charts.indicator import drawn
from dashboard.table.dataset import current
from dashboard.table.filters import by_indicator
from dashboard.text.locale import locale


@pytest.fixture(scope="module")
def loaded():
    return current()


def _charts(loaded) -> dict[str, str]:
    """Every chart the dashboard draws: the story charts and an indicator chart for each indicator with several figures."""
    groups, _ = by_indicator(loaded.frame)
    return {**{group["indicator_id"].iat[0]: "indicator" for group in groups}, **{s.id: "story" for s in loaded.stories}}


def _bare(text: str) -> str:
    """Text without the line breaks Plotly draws (<br>) or any spacing: a wrapped title compares with its data."""
    return re.sub(r"<br>|\s", "", text)


def _spec(text: str) -> dict:
    return json.loads(re.search(r'<script type="application/json" id="chart-spec">(.*?)</script>', text, re.S)[1])


def test_story_and_indicator_charts_have_distinct_ids(loaded):
    groups, _ = by_indicator(loaded.frame)
    assert not {g["indicator_id"].iat[0] for g in groups} & {s.id for s in loaded.stories}
    assert len(_charts(loaded)) == len(groups) + len(loaded.stories) > 0


def test_every_chart_answers_in_both_languages_with_its_words_drawn_in(web, loaded):
    for chart_id, kind in _charts(loaded).items():
        for lang in ("en", "zh"):
            answer = web.get(f"/charts/{chart_id}?lang={lang}")
            assert answer.status_code == 200, (chart_id, lang)
            assert f'<html lang="{"zh-Hans" if lang == "zh" else "en"}">' in answer.text
            layout = _spec(answer.text)["figure"]["layout"]
            if kind == "story":
                story = next(s for s in loaded.stories if s.id == chart_id)
                title = locale(lang).field(story, "title")
            else:
                title = loaded.views[lang].frame.set_index("indicator_id").loc[chart_id, "indicator"]
                title = title if isinstance(title, str) else title.iat[0]
            assert _bare(layout["title"]["text"]) == _bare(title)
            footer = next(a for a in layout["annotations"] if a.get("name") == "footer")["text"]
            assert ("Source" in footer or "来源" in footer) and ("Zhejiang Indicators Dashboard" in footer or
                                                                  "浙江指标数据看板" in footer)
            assert layout["paper_bgcolor"] == "#ffffff" and layout["template"]["layout"]["paper_bgcolor"] == "white"


def test_a_story_charts_note_and_subtitle_are_in_the_figure(web, loaded):
    story = next(s for s in loaded.stories if s.note and s.subtitle)
    layout = _spec(web.get(f"/charts/{story.id}").text)["figure"]["layout"]
    assert _bare(layout["title"]["subtitle"]["text"]) == _bare(story.subtitle)
    footer = next(a for a in layout["annotations"] if a.get("name") == "footer")["text"]
    assert "Note:" in footer


def test_images_carry_the_chart_and_an_svg_can_be_had(web):
    answer = web.get("/charts/ai-target-against-china")
    config = _spec(answer.text)["config"]
    assert config["toImageButtonOptions"]["filename"] == "ai-target-against-china" and config["responsive"]
    assert 'id="download-svg"' in answer.text
    assert 'format: "svg"' in web.get("/assets/chart.js").text


def test_the_table_and_the_csv_are_exactly_the_rows_drawn(web, loaded):
    groups, _ = by_indicator(loaded.frame)
    for group in groups:
        chart_id = group["indicator_id"].iat[0]
        shown, _left_out = drawn(group)
        answer = web.get(f"/charts/{chart_id}.csv")
        assert answer.headers["content-type"] == "text/csv; charset=utf-8"
        back = pd.read_csv(io.BytesIO(answer.content))
        assert list(back["figure_id"]) == list(shown["figure_id"])
        page = web.get(f"/charts/{chart_id}").text
        table = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
        assert re.findall(r'href="/figures/([^"?]+)\?lang=en"', table) == list(shown["figure_id"])
    story = loaded.stories[0]
    back = pd.read_csv(io.BytesIO(web.get(f"/charts/{story.id}.csv").content))
    assert list(back["figure_id"]) == list(story.figures) and list(back.columns) == list(loaded.frame.columns)


def test_the_embed_view_is_the_chart_alone_and_may_be_framed(web):
    answer = web.get("/charts/ai-target-against-china?embed=1")
    assert "frame-ancestors *" in answer.headers["content-security-policy"]
    assert "x-frame-options" not in answer.headers
    assert "<table>" not in answer.text and "<header>" not in answer.text and 'id="chart"' in answer.text
    assert 'name="viewport" content="width=device-width, initial-scale=1"' in answer.text
    assert _spec(answer.text)["config"]["responsive"]
    page = web.get("/charts/ai-target-against-china")
    assert "frame-ancestors 'self'" in page.headers["content-security-policy"]
    snippet = re.search(r"<pre><code>(.*?)</code></pre>", page.text, re.S)[1]
    assert snippet.startswith("&lt;iframe src=&#34;http://testserver/charts/ai-target-against-china?embed=1&amp;amp;lang=en")
    assert "title=&#34;Zhejiang&amp;#39;s AI target" in snippet


def test_plotly_is_served_by_the_dashboard_and_cached(web):
    answer = web.get("/assets/plotly.min.js")
    assert answer.status_code == 200 and answer.text == get_plotlyjs()
    assert answer.headers["content-type"].startswith("text/javascript") and "max-age" in answer.headers["cache-control"]
    again = web.get("/assets/plotly.min.js", headers={"If-None-Match": answer.headers["etag"]})
    assert again.status_code == 304
    page = web.get("/charts/ai-target-against-china").text
    assert re.findall(r'<script src="([^"]+)"', page) == ["/assets/plotly.min.js", "/assets/chart.js"]
    assert "cdn" not in page.split("<script", 1)[0].lower()
    assert web.get("/assets/other.js").status_code == 404


def test_an_unknown_chart_is_a_readable_page(web):
    answer = web.get("/charts/no-such-chart?lang=zh")
    assert answer.status_code == 404 and "未找到" in answer.text and "Traceback" not in answer.text


def test_chart_text_from_the_data_stays_text(web, web_data):
    web_data.replace("title: Zhejiang's AI target for 2027", "title: <script>alert(1)</script> Zhejiang's AI target for 2027")
    answer = web.get("/charts/ai-target-against-china")
    assert answer.status_code == 200 and "<script>alert" not in answer.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in answer.text  # the heading, as text
    assert "&lt;script&gt;" in _spec(answer.text)["figure"]["layout"]["title"]["text"]  # inert in Plotly's HTML
