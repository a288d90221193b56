"""Reader tasks only a browser shows: the pages named on a phone, the language in the address as soon as the page
switches (the tab kept), one CSV download per table, the copy button clear of the citation."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest

from tests.e2e.conftest import DESKTOP, PHONE

pytestmark = [pytest.mark.slow, pytest.mark.e2e]
HAN = re.compile(r"[\u4e00-\u9fff]")


def _query(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_phone_shows_every_page_by_name_without_opening_anything(open_page, visit, server_url, theme):
    page = open_page(PHONE, theme)
    visit(page, f"{server_url}/")
    links = page.locator(".st-key-phone_pages a")
    for name in ("Data", "Sources", "Sectors", "Timeline", "About"):
        link = links.filter(has_text=re.compile(rf"{name}$"))
        assert link.count() == 1 and link.first.is_visible(), name
        box = link.first.bounding_box()
        assert box and 0 <= box["x"] and box["x"] + box["width"] <= PHONE["width"] and box["y"] < PHONE["height"], name
    links.filter(has_text="Data").first.click()
    page.wait_for_url(re.compile(r"/data"))
    page.locator("h1", has_text="Data").wait_for()
    desktop = open_page(DESKTOP, theme)
    visit(desktop, f"{server_url}/")
    assert not desktop.locator(".st-key-phone_pages").first.is_visible()  # a wide screen has the top navigation
    assert desktop.locator('[data-testid="stTopNavLink"]', has_text="Sources").first.is_visible()


def test_the_address_has_the_new_language_as_soon_as_the_page_and_keeps_the_tab(open_page, visit, server_url, settle):
    page = open_page()
    visit(page, f"{server_url}/sectors?sector=digital_economy")
    page.get_by_role("tab", name="Single figures").click()
    settle(page)
    assert _query(page).get("tab") == ["Single figures"]
    page.get_by_role("radio", name="中文", exact=True).first.click()
    # The address at the first frame whose heading is in Chinese: a link copied then must share the new language.
    search = page.wait_for_function(
        "() => /[\\u4e00-\\u9fff]/.test(document.querySelector('h1')?.innerText || '') && location.search",
        polling="raf").json_value()
    query = parse_qs(search.lstrip("?"))
    assert query.get("lang") == ["zh"], search
    assert query.get("tab", [""])[0] in ("Single figures", "单个数字"), page.url  # the tab kept, in either language
    settle(page)
    query = _query(page)
    assert query.get("lang") == ["zh"] and query.get("sector") == ["digital_economy"] and query.get("tab"), page.url
    assert page.get_by_role("tab", selected=True).inner_text() == "单个数字"


@pytest.mark.parametrize("path", ["data", "sources"])
def test_one_csv_download_per_table(open_page, visit, server_url, path):
    page = open_page()
    visit(page, f"{server_url}/{path}")
    table = page.locator('[data-testid="stDataFrame"]').first
    table.hover()
    page.wait_for_timeout(500)
    assert page.get_by_role("button", name=re.compile("Download as CSV", re.I)).count() == 0  # the table's own is gone
    ours = page.locator('[data-testid="stDownloadButton"]', has_text="CSV")
    assert ours.count() == 1
    if path == "sources":
        with page.expect_download() as download:
            ours.first.click()
        assert re.fullmatch(r"zhejiang-[a-z0-9-]+\.csv", download.value.suggested_filename)
    else:
        with page.expect_download() as download:
            ours.first.click()
        assert re.fullmatch(r"zhejiang-\d{4}-\d{4}\.csv", download.value.suggested_filename)
        with page.expect_download() as package:
            page.locator('[data-testid="stDownloadButton"]', has_text="zip").first.click()
        assert re.fullmatch(r"zhejiang-indicators-[0-9a-f]{8}\.zip", package.value.suggested_filename)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_copy_button_never_covers_the_citation(open_page, visit, server_url, viewport):
    page = open_page(viewport)
    visit(page, f"{server_url}/sources?lang=zh")
    block = page.locator('[data-testid="stCode"]').first
    block.scroll_into_view_if_needed()
    button = block.locator("button").first.bounding_box()
    text = block.locator("pre code, pre").first.evaluate(
        "el => { const r = document.createRange(); r.selectNodeContents(el);"
        " return Math.max(...[...r.getClientRects()].map(b => b.right)); }")
    assert button and text <= button["x"] + 1, (text, button)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_back_from_a_figure_page_returns_to_the_single_figures_tab(open_page, visit, server_url, settle, lang):
    """A reader opens Single figures, follows a card to its figure's page (outside the app), and presses Back."""
    page = open_page()
    visit(page, f"{server_url}/sectors?sector=digital_economy&year=2019-2021&lang={lang}")
    singles = "单个数字" if lang == "zh" else "Single figures"
    page.get_by_role("tab", name=singles).click()
    settle(page)
    heading, shown = page.locator("h1").first.inner_text(), page.locator(".zi-card .zi-what").first.inner_text()
    page.locator(".zi-card a.zi-more").first.click()
    page.wait_for_url(re.compile(r"/figures/"))
    page.locator("h1").wait_for()
    page.go_back()
    page.wait_for_url(re.compile(r"/sectors"))
    settle(page)
    page.locator(".zi-card").first.wait_for()
    assert page.get_by_role("tab", selected=True).inner_text() == singles
    assert page.locator("h1").first.inner_text() == heading
    assert page.locator(".zi-card .zi-what").first.inner_text() == shown
    query = _query(page)
    assert query.get("sector") == ["digital_economy"] and query.get("year") == ["2019-2021"], page.url
    assert query.get("lang") == [lang], page.url
