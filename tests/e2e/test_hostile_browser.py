"""Hostile data in a real browser: every page, a figure page and a chart page served from data files whose every text
field holds Markdown, HTML, LaTeX, colour markup and a bare address (tests/conftest.py: HOSTILE); none of it acts."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import streamlit_server

pytestmark = [pytest.mark.slow, pytest.mark.e2e]
PAGES = ("", "sectors", "sectors?tab=Single%20figures", "timeline", "data", "sources", "about")
# What the data would have put in the page had it been read as markup: elements, links, images, formulae, colours.
ACTED = """() => {
  const all = (selector) => [...document.querySelectorAll(selector)];
  const href = (a) => a.getAttribute("href") || a.getAttribute("xlink:href") || "";
  return {
    images: all("img").filter((img) => /^x$|evil/.test(img.getAttribute("src") || "")).length,
    links: all("a").filter((a) => /evil/.test(href(a))).length,
    bold: all("b, strong").filter((b) => b.textContent.trim() === "b").length,
    formulae: all(".katex, math").length,
    coloured: all("span").filter((span) => span.textContent === "red" && span.style.color).length,
    handlers: all("[onerror]").length,
  };
}"""
NOTHING = {"images": 0, "links": 0, "bold": 0, "formulae": 0, "coloured": 0, "handlers": 0}


@pytest.fixture(scope="module")
def hostile_url(hostile_files):
    """The server `python -m dashboard run` starts, serving the hostile data files."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DASHBOARD_INDICATORS", str(hostile_files.indicators))
        patch.setenv("DASHBOARD_SOURCES", str(hostile_files.sources))
        with streamlit_server("hostile.log") as url:
            yield url


def _watched(open_page, base: str):
    page = open_page()
    elsewhere = []
    page.on("request", lambda request: None if request.url.startswith((base, "data:", "blob:"))
            else elsewhere.append(request.url))
    return page, elsewhere


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_page_shows_the_hostile_data_as_text(open_page, hostile_url, settle, lang):
    page, elsewhere = _watched(open_page, hostile_url)
    for path in PAGES:
        joiner = "&" if "?" in path else "?"
        page.goto(f"{hostile_url}/{path}{joiner}lang={lang}&geo=http://evil.example/x")
        page.locator("h1").first.wait_for()
        settle(page)
        if path in ("sectors", "timeline"):  # the charts drawn too
            page.wait_for_selector(".js-plotly-plot .main-svg")
            page.wait_for_timeout(800)
        assert page.evaluate(ACTED) == NOTHING, path
        shown = page.locator("body").inner_text()
        assert "'http://evil.example/x'" in shown, path  # the address's notice, the address as written
        if path not in ("data", "about"):  # the Data page's table is drawn on a canvas; About shows no data text
            assert "**b**" in shown and "<b>b</b>" in shown and "$x^2$" in shown, path  # the data's text as written
        assert not elsewhere, (path, elsewhere)


@pytest.mark.parametrize("path", ["/figures/zj-gdp-2024", "/charts/ai-target-against-china", "/charts/gdp?embed=1"])
def test_the_take_away_pages_show_the_hostile_data_as_text(open_page, hostile_url, path):
    page, elsewhere = _watched(open_page, hostile_url)
    page.goto(f"{hostile_url}{path}")
    if path.startswith("/charts"):
        page.wait_for_selector("#chart .main-svg")
        page.wait_for_timeout(500)
    assert page.evaluate(ACTED) == NOTHING
    shown = page.locator("body").inner_text()
    assert "<b>b</b>" in shown and "**b**" in shown
    assert not elsewhere, elsewhere
