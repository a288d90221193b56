"""The Streamlit app, run headless with AppTest on the real data: pages, filters in the URL, downloads, errors."""

import re
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.app.components import EMPTY
from dashboard.charts.style import point_field
from dashboard.data.load import load_catalog
from dashboard.table.dataset import load_frame
from dashboard.table.filters import dated

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "app" / "main.py")
PAGES = ["overview", "sectors", "timeline", "data", "sources", "figure", "about"]


def app(**query) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def url(at: AppTest, key: str) -> list[str]:
    """The values of one URL parameter after a run, as a list."""
    value = at.query_params.get(key, [])
    return [value] if isinstance(value, str) else list(value)


def page_html(at: AppTest) -> list:
    """The page's HTML blocks, without the style sheet and the language script every page loads."""
    return [block for block in at.get("html") if not block.proto.body.lstrip().startswith(("<style", "<script"))]


def chart_ids(chart) -> list[str]:
    """figure_id of every point a Plotly chart element draws (the last field of each point's customdata)."""
    import json

    spec = json.loads(chart.proto.spec)
    return [point_field({"customdata": point}, "figure_id") for trace in spec["data"] for point in trace.get("customdata") or []]


@pytest.fixture
def synthetic(tmp_path, monkeypatch):
    """Point the app at synthetic data: call it with a number of figures (benchmarks/synth.py)."""
    from benchmarks import synth

    def make(figures: int, seed: int = 0) -> None:
        synth.generate(figures, tmp_path / "synthetic", seed=seed)
        monkeypatch.setenv("DASHBOARD_INDICATORS", str(tmp_path / "synthetic" / "indicators.yaml"))
        monkeypatch.setenv("DASHBOARD_SOURCES", str(tmp_path / "synthetic" / "sources"))

    return make


def test_every_page_renders_on_the_real_data():
    at = app()
    assert not at.exception
    assert [s.value for s in at.header][:1] == ["Headline figures"]
    assert any("Zhejiang" in m.value for m in at.markdown)
    seen = {}
    for page in PAGES[1:]:
        at.switch_page(f"{page}.py").run()
        assert not at.exception, page
        assert not at.info, page  # no empty-state message without filters
        seen[page] = at
    at.switch_page("sectors.py").run()
    assert len(at.get("plotly_chart")) >= 1 and len(at.get("download_button")) >= 2
    at.switch_page("timeline.py").run()
    assert len(at.get("plotly_chart")) == 1 and set(chart_ids(at.get("plotly_chart")[0])) == set(dated(load_frame())["figure_id"])
    at.switch_page("data.py").run()
    assert len(at.dataframe[0].value) == len(load_frame())
    assert any(f"{len(load_frame())} of {len(load_frame())} rows" in m.value for m in at.markdown)
    at.switch_page("sources.py").run()
    frame = load_frame()
    listed = page_html(at)[0].proto.body
    assert listed.count('class="zi-card"') == frame["source_id"].nunique() and "no link known" in listed
    newest = frame.sort_values("published").iloc[-1]
    assert at.selectbox(key="article").value == newest["source_id"]
    assert len(at.dataframe[0].value) == (frame["source_id"] == newest["source_id"]).sum()
    assert len(at.code) == 1 and newest["published"] in at.code[0].value  # the chosen article's citation, copyable


def test_the_sources_page_shows_the_figures_of_the_article_chosen():
    frame = load_frame()
    at = app()
    at.switch_page("sources.py").run()
    for source_id, group in frame.groupby("source_id"):
        at.selectbox(key="article").set_value(source_id).run()
        assert not at.exception
        assert sorted(at.dataframe[0].value["quote"]) == sorted(group["quote"]), source_id
    at.session_state["sector"] = ["energy"]
    at.run()  # the article chosen no longer matches: the newest one that does is shown
    energy = frame[frame["sector"] == "energy"].sort_values("published")
    assert at.selectbox(key="article").value == energy["source_id"].iloc[-1]
    energy_names = tuple(frame.loc[frame["sector"] == "energy", "indicator"])
    assert all(name.startswith(energy_names) for name in at.dataframe[0].value["figure"])


def test_a_page_runs_once_per_rerun_and_always_under_the_entry_point():
    at = app()
    at.switch_page("about.py").run()
    at.session_state["year"] = (2010, 2020)
    at.run()
    assert [title.value for title in at.title] == ["About"]  # a page started on its own first would draw twice
    assert at.sidebar.slider(key="year").value == (2010, 2020)


def test_choosing_a_sector_on_the_page_clears_the_notices_of_the_address():
    at = app(sector="nowhere")
    at.switch_page("sectors.py").run()
    assert any("nowhere" in warning.value for warning in at.sidebar.warning)
    at.segmented_control(key="sector_pick").set_value("ai").run()
    assert not at.exception and not at.sidebar.warning
    assert at.session_state["sector"] == ["ai"] and url(at, "sector") == ["ai"]


def test_a_filter_of_two_sectors_stays_when_the_page_shows_one_of_them():
    frame = load_frame()
    at = app(sector=["ai", "energy"])
    at.switch_page("sectors.py").run()
    picker = at.segmented_control(key="sector_shown")
    assert len(picker.options) == 2 and picker.value in {"ai", "energy"}
    for sector in ("energy", "ai"):
        at.segmented_control(key="sector_shown").set_value(sector).run()
        assert not at.exception and at.segmented_control(key="sector_shown").value == sector
        assert at.session_state["sector"] == ["ai", "energy"] and url(at, "sector") == ["ai", "energy"]
    ids = {i for chart in at.get("plotly_chart") for i in chart_ids(chart)}
    assert ids and ids <= set(frame.loc[frame["sector"] == "ai", "figure_id"])


def test_every_sector_draws_its_own_figures_and_one_sector_narrows_it():
    frame = load_frame()
    at = app()
    at.switch_page("sectors.py").run()
    sectors = at.segmented_control(key="sector_pick").proto.options
    assert len(sectors) == frame["sector"].nunique()
    first, *others = frame["sector"].unique()
    assert at.segmented_control(key="sector_pick").value == first  # no sector filter: the first sector is shown
    for sector in [*others, first]:
        at.segmented_control(key="sector_pick").set_value(sector).run()  # the page's choice is the sidebar filter
        assert not at.exception
        assert at.session_state["sector"] == [sector] and url(at, "sector") == [sector]
        assert at.sidebar.multiselect(key="sector").value == [sector]
        ids = {i for chart in at.get("plotly_chart") for i in chart_ids(chart)}
        assert ids <= set(frame.loc[frame["sector"] == sector, "figure_id"]), sector

    narrowed = app(sector="ai")
    narrowed.switch_page("sectors.py").run()
    assert narrowed.segmented_control(key="sector_pick").value == "ai"
    assert len(narrowed.segmented_control(key="sector_pick").proto.options) == frame["sector"].nunique()  # one click to another
    narrowed.switch_page("data.py").run()
    table = narrowed.dataframe[0].value
    assert len(table) == (frame["sector"] == "ai").sum() < len(frame)


def test_every_chart_offers_the_csv_of_its_own_indicator():
    """Each chart block ends with its CSV button; the browser test downloads each and compares it with its chart."""
    frame = load_frame().set_index("figure_id")
    catalog, _ = load_catalog()
    at = app()
    at.switch_page("sectors.py").run()
    checked = 0
    for sector in frame["sector"].unique():
        at.session_state["sector"] = [sector]
        at.run()
        keys = [button.key for button in at.get("download_button")]
        for chart in at.get("plotly_chart"):
            if chart.key.startswith("story_"):
                assert f"csv_{chart.key.removeprefix('story_')}" in keys
                continue
            indicators = set(frame.loc[chart_ids(chart), "indicator_id"])
            assert len(indicators) == 1 and f"csv_{indicators.pop()}" in keys
            checked += 1
    in_stories = {figure for story in catalog.charts for figure in story.figures}
    several = [set(group.index) for _, group in frame.groupby("indicator_id") if len(group) > 1]
    assert checked == sum(not figures <= in_stories for figures in several)  # a story chart draws the others


def test_the_address_presets_the_filters_and_follows_changes():
    at = app(sector=["ai", "energy"], year="2020-2025", status="target")
    assert not at.exception and not at.sidebar.warning
    assert at.session_state["sector"] == ["ai", "energy"] and at.session_state["year"] == (2020, 2025)
    assert at.sidebar.multiselect(key="sector").value == ["ai", "energy"]
    assert at.sidebar.slider(key="year").value == (2020, 2025)
    assert url(at, "sector") == ["ai", "energy"] and url(at, "year") == ["2020-2025"]
    at.sidebar.multiselect(key="sector").set_value(["economy"]).run()
    at.sidebar.multiselect(key="status").set_value([]).run()
    assert url(at, "sector") == ["economy"] and url(at, "status") == [] and url(at, "year") == ["2020-2025"]
    at.switch_page("data.py").run()  # the selection survives a page switch
    assert at.session_state["sector"] == ["economy"] and url(at, "sector") == ["economy"]
    assert set(at.dataframe[0].value["sector_label"]) == {"Economic output"}


@pytest.mark.parametrize("query", [
    {"sector": "bogus"},
    {"year": "20x0"},
    {"year": ["2020", "2021"]},
    {"colour": "red"},
    {"geo": "x" * 5000},
    {"sector": "[click](http://example.com) **bold** <b>x</b>"},
])
def test_bad_addresses_give_a_notice_not_an_exception(query):
    at = app(**query)
    assert not at.exception
    notices = [w.value for w in at.sidebar.warning]
    assert len(notices) == 1 and notices[0].startswith("Ignored in the address")
    bare = re.sub(r"\\.", "", notices[0])
    assert "](http" not in bare and "<b>" not in bare and "**bold**" not in bare  # the value is shown as literal text
    assert at.session_state["sector"] == [] and at.session_state["year"] == (2003, 2027)
    assert at.get("plotly_chart") or at.header  # the page is drawn as without the bad value


def test_a_selection_that_leaves_nothing_says_so_on_every_page():
    at = app(sector="energy", geo="Hangzhou")
    assert not at.exception
    for page in PAGES:
        at.switch_page(f"{page}.py").run()
        assert not at.exception, page
        assert not at.get("plotly_chart"), page
        if page != "about":
            assert [i.value for i in at.info] == [EMPTY], page


def test_bad_data_shows_the_problems_as_plain_text(root, tmp_path, monkeypatch):
    bad = tmp_path / "indicators.yaml"
    text = (root / "indicators.yaml").read_text(encoding="utf-8")
    bad.write_text(text.replace("value: 702000000000", "value: lots <b>of</b>", 1), encoding="utf-8")
    monkeypatch.setenv("DASHBOARD_INDICATORS", str(bad))
    at = app(sector="ai")
    assert not at.exception
    assert "problem" in at.error[0].value
    listing = at.code[0].value
    assert str(bad) in listing and "value" in listing and "<b>of</b>" not in at.error[0].value
    line = listing.splitlines()[0]
    file, number, field, message = line.split(":", 3)
    assert file == str(bad) and number.isdigit() and field.strip() and message.strip()
    at.switch_page("sectors.py").run()
    assert not at.exception and at.error and not at.get("plotly_chart")


def test_an_edit_to_the_data_shows_on_the_next_run_without_a_restart(root, tmp_path, monkeypatch):
    path = tmp_path / "indicators.yaml"
    text = (root / "indicators.yaml").read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("DASHBOARD_INDICATORS", str(path))
    at = app()
    at.switch_page("sectors.py").run()
    before = at.markdown[0].value
    path.write_text(text.replace("Output, investment and adoption of digital technology",
                                 "Output, investment and uptake of digital technology", 1), encoding="utf-8")
    at.run()
    assert "uptake" in at.markdown[0].value and "uptake" not in before
    path.write_text(text.replace("value: 702000000000", "value: lots", 1), encoding="utf-8")
    at.run()  # a broken edit: the last good data stays, with the problems on disk named
    assert not at.exception and not at.error and "uptake" in at.markdown[0].value and at.get("plotly_chart")
    assert "problem" in at.expander[0].label and str(path) in at.code[0].value
    path.write_text(text, encoding="utf-8")
    at.run()
    assert not at.error and not any("problem" in e.label for e in at.expander) and at.markdown[0].value == before


def test_a_sector_with_charts_and_single_figures_runs_only_the_tab_open():
    frame = load_frame()
    digital = frame[frame["sector"] == "digital_economy"]
    singles = digital.groupby("indicator_id").filter(lambda g: len(g) == 1)
    at = app()
    at.switch_page("sectors.py").run()
    assert [t.label for t in at.tabs] == ["Charts", "Single figures"]
    stories = [story for story in load_catalog()[0].charts if story.sector == "digital_economy"]
    charts = [chart_ids(chart) for chart in at.get("plotly_chart")]
    assert charts[:len(stories)] == [story.figures for story in stories]  # the story charts come first
    assert len(charts) == len(stories) + digital["indicator_id"].nunique() - len(singles) and not page_html(at)
    at.session_state["tab"] = "Single figures"
    at.run()
    assert not at.exception and not at.get("plotly_chart")
    body = page_html(at)[0].proto.body
    assert body.count('class="zi-card"') == len(singles)
    assert [b.key for b in at.get("download_button")] == ["csv_singles_digital_economy"]  # read back in the browser test
    at.session_state["sector"] = ["energy"]  # single figures only: no tabs
    at.run()
    assert not at.tabs and page_html(at)[0].proto.body.count('class="zi-card"') == (frame["sector"] == "energy").sum()


def test_text_from_the_data_is_never_markup(root, tmp_path, monkeypatch):
    shutil.copytree(root / "sources", tmp_path / "sources")
    path = tmp_path / "sources" / "techedt-2025-10-25-zhejiang-ai-plan.yaml"
    text = path.read_text(encoding="utf-8")
    evil = "'Plan [click](http://evil.example) **loud** <img src=x onerror=alert(1)>'"
    path.write_text("\n".join(f"headline: {evil}" if line.startswith("headline:") else line
                              for line in text.splitlines()) + "\n", encoding="utf-8")
    monkeypatch.setenv("DASHBOARD_SOURCES", str(tmp_path / "sources"))
    figure = load_frame().query("source_id == 'techedt-2025-10-25-zhejiang-ai-plan'")["figure_id"].iat[0]
    for page, query in (("sources", {}), ("figure", {"q": "evil onerror"})):  # the headline's words find its figures
        at = app(sector="ai", **query)
        at.switch_page(f"{page}.py").run()
        assert not at.exception
        shown = [m.value for m in (*at.markdown, *at.subheader, *at.header, *at.caption) if "evil" in m.value]
        for value in shown:
            bare = re.sub(r"\\.", "", value)  # what Markdown would still read as markup once escapes are removed
            assert "](http://evil" not in bare and "**loud**" not in bare and "<img" not in bare, value
        html = [block.proto.body for block in page_html(at) if "evil" in block.proto.body]
        for body in html:  # cards: HTML with every piece of data text escaped
            assert "<img" not in body and "&lt;img src=x onerror=alert(1)&gt;" in body
        listed = any(f'href="figures/{figure}?lang=en"' in block.proto.body for block in page_html(at))
        assert shown or html or (page == "figure" and listed), page
    assert "unsafe_allow_html" not in "".join(p.read_text() for p in (root / "dashboard").rglob("*.py"))


def test_large_data_is_listed_in_bounded_tables(synthetic):
    """At thousands of figures the tables send a bounded number of rows and say where the rest are."""
    synthetic(1_500, seed=11)
    at = app()
    at.switch_page("data.py").run()
    assert not at.exception
    assert len(at.dataframe[0].value) == 1_000  # the Data page lists a thousand rows; its CSV holds them all
    assert any("first 1,000 of these 1,500 rows" in c.value for c in at.caption)
    at.switch_page("sources.py").run()
    assert not at.exception
    assert all(len(table.value) <= 50 for table in at.dataframe)  # fifty figures of the article chosen
    assert any("the Data page lists them all" in c.value for c in at.caption)


def test_large_data_draws_a_page_of_readable_charts(synthetic):
    """At thousands of figures a sector shows one page of charts, each with a bounded number of places."""
    import json

    from dashboard.charts.indicator import MAX_BARS, MAX_SERIES

    synthetic(3_000, seed=5)
    at = app()
    at.switch_page("sectors.py").run()
    assert not at.exception
    charts = at.get("plotly_chart")
    assert len(charts) == 4 and at.get("button_group")[1].proto.options  # a page chooser
    for chart in charts:
        spec = json.loads(chart.proto.spec)
        bars = [len(t["y"]) for t in spec["data"] if t["type"] == "bar"]
        places = {t["legendgroup"] for t in spec["data"] if t.get("legendgroup") not in (None, "status")}
        assert sum(bars) <= MAX_BARS and len(places) <= MAX_SERIES
    first = {c.proto.spec for c in charts}
    at.session_state[next(k for k in at.session_state if k.startswith("chart_page_"))] = 2
    at.run()
    assert not at.exception and first.isdisjoint(c.proto.spec for c in at.get("plotly_chart"))


def test_the_figures_page_lists_results_and_no_detail_of_its_own():
    """A figure's sentence, source and citations are on its own page: the Figures page links there."""
    at = app(figure="zj-gdp-2024")
    at.switch_page("figure.py").run()
    assert not at.exception and not at.code and not at.selectbox
    assert not [link for link in at.get("page_link") if link.proto.query_string]  # only the page list's links
    moved = next(block.proto.body for block in page_html(at) if "zi-moved" in block.proto.body)
    assert 'href="figures/zj-gdp-2024?lang=en"' in moved and "This figure now has its own page:" in moved
    assert "Gross domestic product, Zhejiang" in moved


def test_the_search_finds_figures_by_their_words():
    at = app()
    at.switch_page("figure.py").run()
    assert len(re.findall(r'<a href="figures/', next(b.proto.body for b in page_html(at) if "zi-results" in b.proto.body))) == 48
    at.text_input(key="q").set_value("hangzhou PATENTS").run()
    listed = next(b.proto.body for b in page_html(at) if "zi-results" in b.proto.body)
    assert re.findall(r'href="figures/([^?"]+)\?lang=en"', listed) == ["hz-patents-daily-2025",
                                                                      "hz-startup-investment-daily-2025"]
    assert ">Patents granted per day, Hangzhou</a>" in listed and "more than 70 patents a day" in listed
    at.text_input(key="q").set_value("State Grid").run()  # words of a quote
    listed = next(b.proto.body for b in page_html(at) if "zi-results" in b.proto.body)
    assert listed.count("<li>") == 2


def test_switching_language_writes_the_address_first_and_keeps_the_tab():
    at = app(sector="digital_economy")
    at.switch_page("sectors.py").run()
    at.session_state["tab"] = "Single figures"
    at.run()
    assert url(at, "tab") == ["Single figures"] and url(at, "lang") == ["en"]
    at.segmented_control(key="lang").set_value("zh").run()
    assert not at.exception
    assert url(at, "lang") == ["zh"] and url(at, "tab") == ["单个数字"] and url(at, "sector") == ["digital_economy"]
    assert [t.label for t in at.tabs] == ["图表", "单个数字"] and not at.get("plotly_chart")  # the same tab, still open


def test_every_page_is_named_by_a_link_for_a_phone():
    at = app()
    for lang, names in (("en", ["Overview", "Sectors", "Timeline", "Data", "Sources", "Figures", "About"]),
                        ("zh", None)):
        if lang == "zh":
            at.segmented_control(key="lang").set_value("zh").run()
        links = [link.proto.label for link in at.get("page_link") if not link.proto.query_string]
        assert len(links) == 7 and (names is None or links == names), links
    assert "数据" in links and "来源" in links


def test_the_table_downloads_are_the_dashboards_own():
    import tomllib

    config = tomllib.loads((Path(APP).parents[2] / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["disableDataExport"] is True  # no second "Download as CSV" in the tables' toolbar
    at = app()
    for page, key in (("data.py", "csv_filtered"), ("sources.py", "csv_article"), ("timeline.py", "csv_timeline")):
        at.switch_page(page).run()
        assert key in [button.key for button in at.get("download_button") if "CSV" in button.proto.label], page


def test_the_overview_and_about_say_when_the_data_was_last_updated():
    at = app()
    assert any(re.search(r"Data last updated \d{4}-\d\d-\d\d \(version [0-9a-f]{8}\)\.$", c.value) for c in at.caption)
    at.switch_page("about.py").run()
    assert re.fullmatch(r"Data last updated \d{4}-\d\d-\d\d \(version [0-9a-f]{8}\)\.", at.caption[0].value)


def test_the_sources_selector_has_its_own_placeholder():
    at = app()
    at.switch_page("sources.py").run()
    assert at.selectbox(key="article").placeholder == "Choose an article"
    at.segmented_control(key="lang").set_value("zh").run()
    assert at.selectbox(key="article").placeholder == "选择一篇报道"


def test_a_tab_named_in_the_other_language_opens_and_the_address_renames_it():
    at = app(sector="digital_economy", tab="单个数字", lang="en")
    at.switch_page("sectors.py").run()
    assert not at.exception and not at.get("plotly_chart") and url(at, "tab") == ["Single figures"]
    at.session_state["tab"] = "Charts"
    at.run()
    assert at.get("plotly_chart") and url(at, "tab") == []  # the first tab, the default, is left out


def test_a_page_of_charts_beyond_the_results_left_goes_back_to_the_first(synthetic):
    """A reader on a late page of a sector's charts narrows the years: fewer pages are left, and the first is shown."""
    synthetic(1_000, seed=0)
    at = app()
    at.switch_page("sectors.py").run()
    pagers = [key for key in at.session_state if key.startswith(("chart_page_", "card_page_"))]
    assert pagers
    for key in pagers:
        at.session_state[key] = 40
    at.run()
    assert not at.exception
    years = at.session_state["year"]
    for narrowed in ((years[1] - 1, years[1]), (years[1], years[1]), years):
        at.session_state["year"] = narrowed
        at.run()
        assert not at.exception
        assert all(at.session_state[key] >= 1 for key in pagers)
        assert at.get("plotly_chart") or at.get("html")  # charts or cards: a page of results, never nothing
