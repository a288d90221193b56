"""English and Chinese in a real browser: the browser's language first, the switch kept in a shared address, the
Chinese pages drawn in a CJK font, a Chinese reader's CSV."""

from __future__ import annotations

import io
import os
import re
import shutil
from urllib.parse import parse_qs, urlparse

import pandas as pd
import pytest

pytestmark = [pytest.mark.slow, pytest.mark.e2e]
HAN = re.compile(r"[\u4e00-\u9fff]")
PAGES = ("", "sectors?sector=ai", "timeline", "data", "sources", "figure?figure=zj-gdp-2024", "about")
PHONE = {"width": 390, "height": 844}


def _query(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def _heading(page) -> str:
    return page.locator("h1").first.inner_text()


def _switch(page, name: str, settle) -> None:
    """Press one button of the language switch (English / 中文)."""
    page.get_by_role("radio", name=name, exact=True).first.click()
    settle(page)
    page.wait_for_function("lang => new URLSearchParams(location.search).get('lang') === lang",
                           arg="zh" if name == "中文" else "en")
    settle(page)


def test_a_chinese_browser_opens_the_dashboard_in_chinese(open_page, visit, server_url):
    page = open_page(locale="zh-CN")
    visit(page, f"{server_url}/")
    assert HAN.search(_heading(page)), _heading(page)
    assert _query(page).get("lang") == ["zh"]  # the language is in the address, so a shared link keeps it
    english = open_page()
    visit(english, f"{server_url}/")
    assert not HAN.search(_heading(english)) and _query(english).get("lang", ["en"]) == ["en"]


def test_switching_language_keeps_the_view_and_a_shared_address_keeps_the_language(open_page, visit, server_url,
                                                                                    settle):
    page = open_page()
    visit(page, f"{server_url}/sectors?sector=ai&year=2024-2027&status=target&status=actual")
    english_heading = _heading(page)
    _switch(page, "中文", settle)
    query = _query(page)
    assert query["lang"] == ["zh"] and query["sector"] == ["ai"] and query["status"] == ["target", "actual"]
    assert query["year"] == ["2024-2027"]
    assert HAN.search(_heading(page)) and _heading(page) != english_heading
    shared = open_page()  # a reader whose browser speaks English opens the copied address
    visit(shared, page.url)
    assert _heading(shared) == _heading(page) and _query(shared)["sector"] == ["ai"]
    _switch(shared, "English", settle)
    assert _heading(shared) == english_heading and _query(shared)["sector"] == ["ai"]


def test_chinese_pages_on_a_desktop_and_a_phone(open_page, visit, server_url, artifacts, root):
    """Screenshots of every page in Chinese, for a person to look at (the browser has a CJK font: cjk_font); the
    README's Chinese picture is made here."""
    for size, viewport in (("desktop", None), ("phone", PHONE)):
        page = open_page(viewport) if viewport else open_page()
        for path in PAGES:
            visit(page, f"{server_url}/{path}{'&' if '?' in path else '?'}lang=zh")
            assert page.locator('[data-testid="stException"]').count() == 0, path
            assert HAN.search(_heading(page)), path
            name = (path.split("?")[0] or "overview")
            page.screenshot(path=str(artifacts / f"zh-{name}-{size}.png"))
    if os.environ.get("DASHBOARD_UPDATE_SCREENSHOT"):
        shutil.copyfile(artifacts / "zh-sectors-desktop.png", root / "docs" / "screenshot-zh.png")


def test_a_chinese_readers_csv_holds_both_languages(open_page, visit, server_url):
    page = open_page(locale="zh-CN")
    visit(page, f"{server_url}/data")
    with page.expect_download() as info:
        page.locator('[data-testid="stDownloadButton"] button').first.click()
    rows = pd.read_csv(io.BytesIO(open(info.value.path(), "rb").read()), encoding="utf-8-sig")
    assert {"indicator", "indicator_zh", "value_text", "value_text_zh", "geography_zh", "status_zh"} <= set(rows.columns)
    gdp = rows[rows["figure_id"] == "zj-gdp-2024"].iloc[0]
    assert gdp["indicator"] == "Gross domestic product" and gdp["indicator_zh"] == "地区生产总值"
    assert gdp["value_text_zh"] == "超过9万亿元" and gdp["status_zh"] == "实际"
