"""The Data, Sources, Figures and About pages and the sidebar in Chinese: no English left, citations in GB/T 7714,
notices and the data-problems panel in Chinese; the English pages as they were."""

import datetime as dt
import json
import re
from types import SimpleNamespace

import pytest
import yaml

from dashboard.table.address import parse_query
from dashboard.table.dataset import load_frame
from dashboard.table.filters import options
from dashboard.table.search import search
from dashboard.text.citations import cite_csl, cite_source, cite_text
from dashboard.text.locale import locale

GBT = re.compile(r"^(?P<who>[^\n]+?)\. (?P<headline>[^\n]+)\[EB/OL\]\. (?:[^\n]+, )?\(\d{4}-\d{2}-\d{2}\)\[\d{4}-\d{2}-\d{2}\]\. "
                 r"(?:https?://\S+|无已知链接)$", re.M)
HAN = re.compile(r"[\u4e00-\u9fff]")
ARTICLE = "cdb-2026-01-31-moda-developer-hub"  # by an author, with no known address


def _texts(at) -> str:
    return "\n".join(e.value for kind in ("title", "header", "markdown", "caption", "info", "warning", "code")
                     for e in getattr(at, kind))


def test_the_sidebar_in_chinese(open_app, english_left):
    at = open_app("data.py", lang="zh")
    assert not at.exception
    bar = at.sidebar
    assert bar.slider(key="year").label == "年份" and bar.button[0].label == "重置筛选"
    assert [m.label for m in bar.multiselect] == ["领域", "地区", "状态"]
    status = bar.multiselect(key="status")
    assert status.placeholder == "实际、目标、预测、政策规定、推算"
    assert set(status.options) <= {"实际", "目标", "预测", "推算", "政策规定"}
    assert english_left(at) == []


def test_the_data_page_in_chinese(open_app, english_left):
    at = open_app("data.py", lang="zh")
    assert not at.exception
    total = len(load_frame())
    assert at.title[0].value == "数据" and f"共{total}行，其中{total}行符合筛选条件。" in _texts(at)
    table = at.dataframe[0]
    assert set(table.value["status"]) <= {"实际", "目标", "预测", "推算", "政策规定"}
    assert "亿" in "".join(table.value["value_text"])  # values in 万 and 亿
    columns = json.loads(table.proto.columns)
    assert columns["value"]["label"] == "数值（基本单位）" and columns["value"]["help"].startswith("以基本单位计的数值")
    assert columns["place"]["help"] == "该数字所涉及的地区。" and "打开报道" in json.dumps(columns["url"], ensure_ascii=False)
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == [f"下载这{total}行（CSV）", f"下载完整数据集，共{total}行（zip）"]
    assert english_left(at) == []


def test_the_sources_page_in_chinese(open_app, root):
    at = open_app("sources.py", lang="zh", article=ARTICLE)
    assert not at.exception
    assert at.title[0].value == "来源" and at.header[0].value == "单篇报道中的数字"
    assert at.selectbox(key="article").value == ARTICLE and "符合筛选条件的" in _texts(at)
    assert json.loads(at.dataframe[0].proto.columns)["quote"]["label"] == "报道原话（原文）"
    assert set(at.dataframe[0].value["status"]) <= {"实际", "目标", "预测", "推算", "政策规定"}
    headline = yaml.safe_load((root / "sources" / f"{ARTICLE}.yaml").read_text(encoding="utf-8"))["headline"]
    cited = at.code[0].value
    assert cited == f"NeTe. {headline}[EB/OL]. China Daily Brief, (2026-01-31)[2026-11-23]. 无已知链接"
    assert at.caption[-1].value == "引用格式（点击右侧按钮复制）："


def test_the_sources_page_in_chinese_shows_no_english(open_app, english_left):
    at = open_app("sources.py", lang="zh", article=ARTICLE)
    assert english_left(at) == []


def test_an_address_of_before_in_chinese_links_to_the_figures_page(open_app, english_left):
    at = open_app("figure.py", lang="zh", figure="zj-gdp-2024")
    assert not at.exception and at.title[0].value == "数字查询"
    moved = next(h.proto.body for h in at.get("html") if "zi-moved" in h.proto.body)
    assert "此数字现有独立页面：" in moved and 'href="figures/zj-gdp-2024?lang=zh"' in moved
    assert english_left(at) == []


def test_the_search_in_chinese(open_app, english_left):
    at = open_app("figure.py", lang="zh", q="hangzhou PATENTS")
    assert not at.exception
    assert any(m.value == f"{len(load_frame())}个数字中，有2个符合搜索。" for m in at.markdown)
    assert at.text_input(key="q").label == "搜索数字"
    listed = next(h.proto.body for h in at.get("html") if "zi-results" in h.proto.body)
    assert ">日均专利授权量，杭州市</a>" in listed and "超过70件/日" in listed and "2025年；实际" in listed
    assert english_left(at) == []
    at = open_app("figure.py", lang="zh", q="杭州", sector="ai")
    assert any(m.value.startswith("筛选保留的") and "在全部数字中另有" in m.value for m in at.markdown)
    assert at.button(key="search_all").label == "搜索全部数字（清除筛选条件）"
    assert english_left(at) == []


def test_the_about_page_in_chinese(open_app, english_left):
    at = open_app("about.py", lang="zh")
    assert not at.exception
    text = at.markdown[0].value
    assert at.title[0].value == "关于"
    for heading in ("**数据是什么。**", "**状态。**", "**数字如何整理和核对。**", "**如何引用。**", "**许可。**",
                    "**各列的含义。**", "**链接和筛选。**"):
        assert heading in text, heading
    assert "- `indicator_zh`（文本）：" in text and "`_zh`" in text and "|" not in text
    assert re.fullmatch(r"数据更新于\d{4}年\d{1,2}月\d{1,2}日（版本[0-9a-f]{8}）。", at.caption[0].value)
    assert "浙江指标数据看板（版本" in text and "[下载日期]" in text
    assert english_left(at) == []


def test_the_english_pages_are_as_they_were(open_app, english_left):
    at = open_app("data.py", lang="en")
    total = len(load_frame())
    assert at.title[0].value == "Data" and f"{total} of {total} rows match the filters." in _texts(at)
    columns = json.loads(at.dataframe[0].proto.columns)
    assert columns["value"]["label"] == "Value (base units)" and columns["value"]["help"].startswith("The value in base units")
    assert set(at.dataframe[0].value["status"]) <= {"actual", "target", "forecast", "derived", "policy"}
    bar = at.sidebar
    assert [m.label for m in bar.multiselect] == ["Sector", "Geography", "Status"] and bar.button[0].label == "Reset filters"
    assert bar.multiselect(key="status").options == ["actual", "target", "forecast", "derived", "policy rule"]
    at.switch_page("about.py").run()
    about = at.markdown[0].value
    assert "- `figure_id` (string): Stable id of the figure\\.\n" in about and "|" not in about  # a list fits a phone
    assert "`python -m dashboard validate` checks every field" in about
    at.switch_page("sources.py").run()
    assert at.caption[-1].value == "Citation (copy with the button at its right):" and " (accessed " in at.code[0].value


@pytest.mark.parametrize(("query", "notice"), [
    ({"colour": "red"}, "未知参数 'colour'"),
    ({"year": "20x0"}, "year 的值 '20x0' 不是年份"),
    ({"sector": "bogus"}, "sector 的值 'bogus' 不在数据中"),
])
def test_a_bad_address_is_noticed_in_chinese(open_app, query, notice):
    at = open_app("data.py", lang="zh", **query)
    assert not at.exception
    warnings = [re.sub(r"\\(.)", r"\1", w.value) for w in at.sidebar.warning]
    assert len(warnings) == 1 and warnings[0].startswith("网址中以下内容已忽略：") and notice in warnings[0]
    assert warnings[0].endswith("。")


def test_the_address_notices_in_both_languages(real):
    opts = options(real)
    query = {"year": ["2020", "2021"], "colour": ["red"], "geo": ["Atlantis"]}
    assert parse_query(query, opts, locale("en"))[1] == ["year is given more than once", "unknown setting 'colour'",
                                           "geo 'Atlantis' is not in the data"]
    assert parse_query(query, opts, locale("zh"))[1] == ["参数 year 出现了不止一次", "未知参数 'colour'",
                                                 "geo 的值 'Atlantis' 不在数据中"]


def _broken(root, tmp_path, monkeypatch):
    bad = tmp_path / "indicators.yaml"
    text = (root / "indicators.yaml").read_text(encoding="utf-8")
    bad.write_text(text.replace("value: 702000000000", "value: lots", 1).replace("status: actual", "status: real", 1),
                   encoding="utf-8")
    monkeypatch.setenv("DASHBOARD_INDICATORS", str(bad))
    from dashboard.app import components

    monkeypatch.setattr(components, "MAX_PROBLEMS", 1)  # so that the line about the problems left out shows
    return bad


@pytest.mark.parametrize(("lang", "heading", "more"), [
    ("zh", "数据文件有2个问题，因此无法显示任何内容。请修正后重新加载。",
     "……另有1个问题（运行 python -m dashboard validate 查看全部）"),
    ("en", "The data files have 2 problem(s), so nothing can be drawn. Fix them and reload.",
     "... and 1 more (run: python -m dashboard validate)"),
])
def test_the_data_problems_panel_in_each_language(root, tmp_path, monkeypatch, open_app, lang, heading, more):
    bad = _broken(root, tmp_path, monkeypatch)
    at = open_app(lang=lang)
    assert not at.exception
    assert at.error[0].value == heading
    first, last = at.code[0].value.splitlines()
    assert first.startswith(f"{bad}:") and not HAN.search(first)  # the problem itself, as the validator writes it
    assert last == more


ROW = SimpleNamespace(
    figure_id="zj-gdp-2024", indicator="地区生产总值", place="浙江", period="2024", value=9e12, value_text="超过9万亿元",
    status="actual", publisher="China Daily", source_title="Zhejiang becoming model", published="2025-02-05",
    author=None, url=None, quote="Zhejiang's economic output surpassed 9 trillion yuan")


def test_a_figure_citation_in_chinese_follows_gbt_7714():
    text = cite_text(ROW, "http://host/figure?figure=zj-gdp-2024", locale("zh"), "2026-11-23")
    first, article, via = text.split("\n")
    assert first == "地区生产总值，浙江，2024年：超过9万亿元（实际）。"
    assert article == "China Daily. Zhejiang becoming model[EB/OL]. (2025-02-05)[2026-11-23]. 无已知链接"
    assert via.endswith("[DB/OL]. [2026-11-23]. http://host/figure?figure=zj-gdp-2024")
    english = SimpleNamespace(**{**vars(ROW), "indicator": "Gross domestic product", "place": "Zhejiang",
                                 "value_text": "more than 9 trillion yuan"})
    assert cite_text(english, "http://host/f", locale("en"), "2026-11-23").startswith(
        'Gross domestic product, Zhejiang, 2024: more than 9 trillion yuan (actual). China Daily, "Zhejiang becoming '
        'model", 2025-02-05, no link known, accessed 2026-11-23. Via Zhejiang Indicators Dashboard (version ')
    assert json.loads(cite_csl(english, "http://host/f", locale("en"), "2026-11-23"))[0]["language"] == "en"


SOURCE = SimpleNamespace(
    publisher="People's Daily Online (English)", publisher_zh="人民网英文版",
    headline="Digital economy drives high-quality development in E China's Zhejiang", author=None,
    published=dt.date(2021, 9, 26), accessed=dt.date(2026, 11, 23),
    url="http://en.people.cn/n3/2021/0926/c90000-9901204.html", summary="Zhejiang's digital economy.",
    summary_zh="浙江数字经济发展情况。")


def test_an_article_citation_and_summary_in_chinese():
    assert cite_source(SOURCE, locale("zh")) == (
        "人民网英文版. Digital economy drives high-quality development in E China's Zhejiang"
        "[EB/OL]. (2021-09-26)[2026-11-23]. http://en.people.cn/n3/2021/0926/c90000-9901204.html")
    assert GBT.fullmatch(cite_source(SimpleNamespace(**{**vars(SOURCE), "author": "Chen Ye", "url": None}), locale("zh")))
    assert cite_source(SOURCE, locale("en")).startswith('People\'s Daily Online (English). "Digital economy drives')
    assert locale("zh").field(SOURCE, "summary") == "浙江数字经济发展情况。"
    assert locale("en").field(SOURCE, "summary") == "Zhejiang's digital economy."


def test_the_language_is_always_in_the_address_and_never_an_unknown_parameter(open_app):
    at = open_app("sectors.py", sector="ai")  # no lang: the browser's language (English here), written in the address
    assert at.query_params["lang"] == "en" and not at.sidebar.warning
    at.segmented_control(key="lang").set_value("zh").run()
    assert at.query_params["lang"] == "zh" and at.query_params["sector"] == "ai" and not at.sidebar.warning
    assert at.sidebar.multiselect(key="sector").value == ["ai"] and at.title[0].value == "领域"
    at.segmented_control(key="lang").set_value("en").run()
    assert not at.exception and at.sidebar.multiselect(key="sector").value == ["ai"] and at.title[0].value == "Sectors"


def test_the_search_finds_a_figure_by_its_words_in_either_language():
    both = load_frame()  # the search reads both languages whatever the page's
    assert "hz-patents-daily-2025" in set(search(both, "杭州 专利")["figure_id"])  # Chinese words
    assert "digital_core_value_added" in set(search(both, "数字经济核心产业增加值")["indicator_id"])
    assert "hz-patents-daily-2025" in set(search(both, "Hangzhou 专利")["figure_id"])  # a place in English
