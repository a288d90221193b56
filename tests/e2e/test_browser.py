"""A new user in a real browser: pages, charts, filters, a CSV download, a shared address, a screenshot."""

from __future__ import annotations

import io
import os
import re
import shutil
from urllib.parse import parse_qs, urlparse

import pandas as pd
import pytest

from dashboard.charts.style import POINT_FIELDS
from dashboard.data.load import load_catalog
from dashboard.table.dataset import load_frame

pytestmark = [pytest.mark.slow, pytest.mark.e2e]
PAGES = {"": "Zhejiang Indicators", "sectors": "Sectors", "timeline": "Timeline", "data": "Data", "sources": "Sources",
         "about": "About"}
TIMEOUT = 60_000
CHART_BOX = '[class*="st-key-chartbox_"]'  # each chart's bordered box on the Sectors page


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    try:
        yield page
    finally:
        context.close()


def _no_exception(page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0, page.locator('[data-testid="stException"]').inner_text()


def _chart_titles(page) -> list[str]:
    page.wait_for_selector(".js-plotly-plot .main-svg")
    boxes = page.locator(CHART_BOX).filter(has=page.locator(".js-plotly-plot"))
    return [box.locator("strong").first.inner_text() for box in boxes.all()]


def _query(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def _choose(page, label: str, option: str, settle) -> None:
    """Pick an option in a sidebar multiselect."""
    page.locator('[data-testid="stSidebar"]').get_by_role("combobox", name=label, exact=True).click()
    page.get_by_role("option", name=option, exact=True).click()
    page.keyboard.press("Escape")
    settle(page)


def test_every_page_renders(page, server_url, settle):
    for path, heading in PAGES.items():
        page.goto(f"{server_url}/{path}")
        settle(page)
        page.get_by_role("heading", name=heading, exact=True).first.wait_for()
        _no_exception(page)
        page.locator('[data-testid="stSidebar"]').get_by_text("Years", exact=True).wait_for(timeout=TIMEOUT)
    page.goto(f"{server_url}/timeline")
    settle(page)
    page.wait_for_selector(".js-plotly-plot .main-svg")


def test_filters_redraw_charts_and_download_matches(page, server_url, tmp_path, settle):
    page.goto(f"{server_url}/sectors")
    settle(page)
    before = _chart_titles(page)
    assert "Digital economy core industries, value added" in before

    _choose(page, "Sector", "AI policy and industry", settle)
    after = _chart_titles(page)
    ai_stories = [story.title for story in load_catalog()[0].charts if story.sector == "ai"]
    assert set(ai_stories) <= set(after) and "Digital economy core industries, value added" not in after
    assert _query(page)["sector"] == ["ai"]

    # The year range: move the lower handle up with the keyboard, to 2024.
    # Each key press is one change the app reruns on, so wait for it before the next.
    handle = page.locator('[data-testid="stSidebar"] input[type="range"]').first
    for key in ("End", "ArrowLeft", "ArrowLeft", "ArrowLeft"):  # 2003 -> 2027 (the upper handle) -> 2024
        handle.focus()
        page.keyboard.press(key)
        settle(page)
    assert handle.input_value() == "2024"
    assert _query(page)["year"] == ["2024-2027"]
    _no_exception(page)
    page.locator(".js-plotly-plot").first.wait_for()

    # The CSV under the first chart holds exactly the rows that chart draws.
    first = page.locator(CHART_BOX).filter(has=page.locator(".js-plotly-plot")).first
    drawn = first.locator(".js-plotly-plot").evaluate(
        f"el => el.data.flatMap(t => (t.customdata || []).map(p => p[{POINT_FIELDS.index('figure_id')}]))")
    with page.expect_download() as info:
        first.get_by_role("button", name="Download CSV").click()
    target = tmp_path / "chart.csv"
    info.value.save_as(target)
    rows = pd.read_csv(target)
    frame = load_frame()
    assert sorted(rows["figure_id"]) == sorted(set(drawn))
    assert set(frame.set_index("figure_id").loc[rows["figure_id"], "sector"]) == {"ai"}
    assert set(rows.columns) == set(frame.columns)
    shown = first.locator(".js-plotly-plot text").evaluate_all("els => els.map(e => e.textContent)")
    for label in rows["value_label"]:
        assert any(label in text for text in shown), (label, shown)


def test_single_figures_tab_draws_the_cards_and_their_csv(page, server_url, settle):
    """The Sectors tabs rerun the app on a click, and only the open tab is drawn."""
    frame = load_frame()
    digital = frame[frame["sector"] == "digital_economy"]
    singles = digital.groupby("indicator_id").filter(lambda g: len(g) == 1)
    page.goto(f"{server_url}/sectors")
    settle(page)
    page.locator(".js-plotly-plot").first.wait_for()
    assert page.locator(".zi-card").count() == 0
    page.get_by_role("tab", name="Single figures").click()
    settle(page)
    page.locator(".zi-card").first.wait_for()
    assert page.locator(".zi-card").count() == len(singles)
    assert page.locator(".js-plotly-plot").count() == 0
    _no_exception(page)
    page.locator(".zi-card details").first.click()  # the article's words open under the card
    quote = page.locator(".zi-card q").first
    assert quote.is_visible() and quote.inner_text() in set(singles["quote"])
    with page.expect_download() as info:
        page.get_by_role("button", name="Download CSV").click()
    rows = pd.read_csv(io.BytesIO(open(info.value.path(), "rb").read()))
    assert sorted(rows["figure_id"]) == sorted(singles["figure_id"])


def test_shared_address_presets_filters(page, server_url, settle):
    """A shared address opened in a new browser context sets the filters."""
    page.goto(f"{server_url}/data?sector=economy&year=2024-2025&status=actual")
    settle(page)
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert "Economic output" in sidebar.locator('[data-testid="stMultiSelect"]').filter(has_text="Sector").inner_text()
    values = sidebar.locator('input[type="range"]').evaluate_all("els => els.map(e => e.value)")
    assert values == ["2024", "2025"]
    frame = load_frame()
    expected = frame[(frame["sector"] == "economy") & (frame["year_end"] >= 2024) & (frame["year_start"] <= 2025)
                     & (frame["status"] == "actual")]
    assert page.get_by_text(re.compile(rf"^{len(expected)} of {len(frame)} rows match")).is_visible()

    with page.expect_download() as info:
        page.get_by_role("button", name=re.compile(r"Download these \d+ rows")).click()
    rows = pd.read_csv(io.BytesIO(open(info.value.path(), "rb").read()))
    assert sorted(rows["figure_id"]) == sorted(expected["figure_id"])

    # The filters survive a page switch.
    page.get_by_role("link", name="Sectors").click()
    settle(page)
    assert _query(page)["sector"] == ["economy"] and _query(page)["year"] == ["2024-2025"]
    assert sidebar.locator('input[type="range"]').evaluate_all("els => els.map(e => e.value)") == ["2024", "2025"]

    # A malformed address gives a notice, not an error.
    page.goto(f"{server_url}/?year=20245&sector=nonsense&colour=red")
    settle(page)
    _no_exception(page)
    assert page.get_by_text("Ignored in the address").is_visible()


def test_screenshot(page, server_url, artifacts, root, settle):
    """Save what a user first sees on the Sectors page; the README's picture is made here."""
    page.goto(f"{server_url}/sectors?sector=economy&sector=ai")
    settle(page)
    page.wait_for_selector(".js-plotly-plot .main-svg")
    page.wait_for_timeout(1500)
    shot = artifacts / "sectors.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 20_000
    if os.environ.get("DASHBOARD_UPDATE_SCREENSHOT"):
        shutil.copyfile(shot, root / "docs" / "screenshot.png")


def test_a_shared_address_as_the_first_request_a_new_server_sees(page, start_server, settle):
    """Someone restarts the server and opens a bookmarked page: the page comes with its filters and navigation."""
    with start_server("fresh-server.log") as url:
        page.goto(f"{url}/sectors?sector=energy")
        page.get_by_role("link", name="Overview").wait_for(timeout=TIMEOUT)  # a new server imports and loads first
        settle(page)
        _no_exception(page)
        sidebar = page.locator('[data-testid="stSidebar"]')
        assert "Energy" in sidebar.locator('[data-testid="stMultiSelect"]').filter(has_text="Sector").inner_text()
        page.get_by_text("EV charging on State Grid's platform, daily peak").first.wait_for()


def test_every_chart_csv_holds_exactly_the_figures_it_draws(page, server_url, settle):
    """On every sector, each chart's Download CSV gives every column of exactly the figures the chart draws."""
    frame = load_frame()
    page.goto(f"{server_url}/sectors")
    settle(page)
    checked = 0
    for label in frame.drop_duplicates("sector")["sector_label"]:
        page.locator(".st-key-sector_pick").get_by_text(label, exact=True).click()
        settle(page)
        boxes = page.locator(CHART_BOX).filter(has=page.locator(".js-plotly-plot"))
        for box in boxes.all():
            drawn = box.locator(".js-plotly-plot").evaluate(
                f"el => el.data.flatMap(t => (t.customdata || []).map(p => p[{POINT_FIELDS.index('figure_id')}]))")
            with page.expect_download() as info:
                box.get_by_role("button", name="Download CSV").click()
            rows = pd.read_csv(info.value.path())
            assert list(rows.columns) == list(frame.columns)
            assert sorted(rows["figure_id"]) == sorted(drawn), label
            checked += 1
    catalog = load_catalog()[0]
    in_stories = {figure for story in catalog.charts for figure in story.figures}
    several = [set(group["figure_id"]) for _, group in frame.groupby("indicator_id") if len(group) > 1]
    assert checked == len(catalog.charts) + sum(not figures <= in_stories for figures in several)


def test_clicking_a_chart_mark_opens_its_figure(page, server_url, settle):
    page.goto(f"{server_url}/sectors?sector=economy")
    settle(page)
    page.wait_for_selector(".js-plotly-plot .main-svg")
    box = page.locator(".js-plotly-plot .point").first.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url(re.compile(r"/figures/[^/?]+\?lang=en$"), timeout=TIMEOUT)
    figure_id = urlparse(page.url).path.rsplit("/", 1)[1]
    assert figure_id in set(load_frame()["figure_id"])
    page.get_by_text("Open the article at this sentence").first.wait_for()
    page.go_back()  # the view the reader left, from its address
    page.wait_for_selector(".js-plotly-plot .main-svg")
    assert _query(page)["sector"] == ["economy"]


def test_a_shared_view_of_each_page_opens_as_it_was(page, server_url, browser, settle):
    """Sector, tab, article, figure and search live in the address: a copied address opens the same view elsewhere."""
    frame = load_frame()
    page.goto(f"{server_url}/sectors")
    settle(page)
    page.locator(".st-key-sector_pick").get_by_text("AI policy and industry", exact=True).click()
    settle(page)
    page.get_by_role("tab", name="Single figures").click()
    settle(page)
    assert _query(page)["sector"] == ["ai"] and _query(page)["tab"] == ["Single figures"]
    shared = page.url
    other = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        fresh = other.new_page()
        fresh.set_default_timeout(TIMEOUT)
        fresh.goto(shared)
        settle(fresh)
        fresh.locator(".zi-card").first.wait_for()
        assert fresh.get_by_role("tab", name="Single figures").get_attribute("aria-selected") == "true"
        singles = frame[frame["sector"] == "ai"].groupby("indicator_id").filter(lambda g: len(g) == 1)
        assert fresh.locator(".zi-card").count() == len(singles)
        article = "bastillepost-2025-02-17-hangzhou-scitech"
        fresh.goto(f"{server_url}/sources?article={article}")
        settle(fresh)
        chooser = fresh.locator('[data-testid="stSelectbox"]').filter(has_text="Article")
        chooser.wait_for()
        assert "China's Hangzhou drives vitality in sci-tech sector via innovations" in (
            chooser.inner_text() + " ".join(chooser.locator("input").evaluate_all("els => els.map(e => e.value)")))
        assert _query(fresh)["article"] == [article]
        fresh.goto(f"{server_url}/figure?q=patents&figure=hz-patents-daily-2025")
        settle(fresh)
        fresh.get_by_text("This figure now has its own page:").first.wait_for()  # its detail lives at /figures/<id>
        assert fresh.locator('.zi-moved a[href="figures/hz-patents-daily-2025?lang=en"]').count() == 1
        fresh.locator('.zi-results a[href="figures/hz-patents-daily-2025?lang=en"]').wait_for()
        fresh.wait_for_function("() => [...document.querySelectorAll('input')].some(e => e.value === 'patents')")
        assert _query(fresh) == {"q": ["patents"], "figure": ["hz-patents-daily-2025"], "lang": ["en"]}  # lang: always kept
        _no_exception(fresh)
    finally:
        other.close()
