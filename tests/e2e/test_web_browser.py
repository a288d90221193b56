"""The take-away pages in a real browser: a chart drawn with its words, its SVG, its embed in a frame elsewhere."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

pytestmark = pytest.mark.e2e
DASHBOARD = "Zhejiang Indicators Dashboard"


def _own(url: str, base: str) -> bool:
    return url.startswith((base, "data:", "blob:"))


def test_a_chart_page_draws_its_chart_with_its_words_and_asks_no_other_host(open_page, served_url):
    page = open_page(theme="dark")  # the chart stays light whatever the reader's theme
    asked, errors = [], []
    page.on("request", lambda request: asked.append(request.url))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(f"{served_url}/charts/ai-target-against-china")
    page.wait_for_selector("#chart .main-svg")
    drawn = page.locator("#chart").inner_text()
    assert "Zhejiang's AI target" in page.locator("#chart .gtitle").first.text_content()
    assert DASHBOARD in drawn and "Note:" in drawn
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
    assert all(_own(url, served_url) for url in asked), [url for url in asked if not _own(url, served_url)]
    assert not errors
    with page.expect_download() as download:
        page.click("#download-svg")
    svg = download.value.path().read_text(encoding="utf-8")
    assert download.value.suggested_filename == "ai-target-against-china.svg"
    assert "Zhejiang's AI target" in svg.replace("&#39;", "'") and DASHBOARD in svg and "Source" in svg


def test_the_embed_view_fits_320_pixels_and_shows_its_sources_whole(open_page, served_url):
    page = open_page(viewport={"width": 320, "height": 700})
    page.goto(f"{served_url}/charts/gdp?embed=1&lang=zh")
    page.wait_for_selector("#chart .main-svg")
    page.wait_for_timeout(500)  # the footer is moved to the chart's left edge after the first drawing
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    height = page.evaluate("JSON.parse(document.getElementById('chart-spec').textContent).figure.layout.height")
    assert page.evaluate("document.body.getBoundingClientRect().bottom") <= height + 8  # the snippet's frame holds it
    footer = page.locator("#chart .annotation").filter(has_text="浙江指标数据看板").first.bounding_box()
    assert footer["x"] >= 0 and footer["x"] + footer["width"] <= 320


def test_another_site_may_frame_the_embed_view_but_not_the_page(open_page, served_url):
    page = open_page()
    host = ('<!doctype html><title>Elsewhere</title>'
            f'<iframe id="embed" src="{served_url}/charts/ai-plan-money?embed=1" title="embed" width="400" height="500">'
            f'</iframe><iframe id="page" src="{served_url}/charts/ai-plan-money" title="page"></iframe>').encode()

    class Elsewhere(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the handler's name in http.server)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(host)

        def log_message(self, *args):
            pass

    # Another site on this machine (another port, so another origin; the browser lets a page on this machine, not a
    # public one, frame another page on it)
    elsewhere = ThreadingHTTPServer(("127.0.0.1", 0), Elsewhere)
    threading.Thread(target=elsewhere.serve_forever, daemon=True).start()
    try:
        page.goto(f"http://127.0.0.1:{elsewhere.server_address[1]}/")
        _framed(page)
    finally:
        elsewhere.shutdown()
        elsewhere.server_close()


def _framed(page) -> None:
    embedded = page.frame_locator("#embed")
    embedded.locator("#chart .main-svg").first.wait_for()
    page.wait_for_timeout(1000)
    assert page.frame_locator("#page").locator("#chart").count() == 0  # refused: X-Frame-Options, frame-ancestors 'self'
    assert any(frame.url.startswith("chrome-error:") for frame in page.frames)


def test_a_figure_page_needs_no_javascript(browser, served_url):
    context = browser.new_context(java_script_enabled=False, locale="zh-CN")
    try:
        page = context.new_page()
        page.goto(f"{served_url}/figures/zj-gdp-2024")
        assert page.locator("html").get_attribute("lang") == "zh-Hans"
        assert "超过9万亿元" in page.locator("main").inner_text()
        assert page.locator("blockquote mark").inner_text() == "9 trillion"
    finally:
        context.close()


def test_a_chinese_chart_page_speaks_chinese_in_plotlys_own_words_too(open_page, served_url):
    """The toolbar's tooltip is Chinese on a Chinese chart page, English on an English one, with no file from elsewhere."""
    tips = {}
    for lang in ("en", "zh"):
        page = open_page()
        asked = []
        page.on("request", lambda request, asked=asked: asked.append(request.url))
        page.goto(f"{served_url}/charts/gdp?lang={lang}")
        page.wait_for_selector("#chart .main-svg")
        page.hover("#chart")
        button = page.locator("#chart .modebar-btn").first
        button.wait_for(state="attached")
        tips[lang] = button.get_attribute("data-title") or ""
        assert all(_own(url, served_url) for url in asked), [url for url in asked if not _own(url, served_url)]
    assert tips["en"] and not any("\u4e00" <= ch <= "\u9fff" for ch in tips["en"])
    assert any("\u4e00" <= ch <= "\u9fff" for ch in tips["zh"]), tips
