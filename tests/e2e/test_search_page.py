"""The Figures page in a browser: results come while typing, each opens the figure's own page in the reader's
language, and the one click that searches all figures clears the sidebar filters."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

TIMEOUT = 60_000


def test_results_come_while_typing_and_open_the_figures_page(open_page, served_url, visit, settle):
    page = open_page()
    visit(page, f"{served_url}/figure?lang=zh")
    page.locator('[data-testid="stTextInput"] input').press_sequentially("万亿", delay=80)  # no Enter
    page.get_by_text("48个数字中，有6个符合搜索。").wait_for(timeout=TIMEOUT)  # every figure was listed before
    settle(page)
    assert page.locator(".zi-results li").count() == 6
    assert parse_qs(urlparse(page.url).query)["q"] == ["万亿"]
    page.locator('.zi-results a[href="figures/zj-gdp-2024?lang=zh"]').click()
    page.wait_for_url(re.compile(r"/figures/zj-gdp-2024\?lang=zh$"), timeout=TIMEOUT)
    assert "超过9万亿元" in page.content()


def test_one_click_searches_all_figures(open_page, served_url, visit, settle):
    page = open_page()
    visit(page, f"{served_url}/figure?lang=en&sector=ai&q=Hangzhou")
    page.get_by_text(re.compile(r"^1 of the 10 figures the filters keep match; 8 more")).wait_for()
    page.get_by_role("button", name="Search all figures (clear the filters)").click()
    page.get_by_text("9 of the 48 figures match.").wait_for(timeout=TIMEOUT)
    settle(page)
    query = parse_qs(urlparse(page.url).query)
    assert "sector" not in query and query["q"] == ["Hangzhou"]
    assert page.locator(".zi-results li").count() == 9
